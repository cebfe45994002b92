"""The layouts of a job ad's triage, alone and in a batch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import BLANK, Block, Column, Document, Para, Responsive, Row, para, stack
from .parts import (
    INDENT,
    bullet,
    bullets,
    cell,
    details,
    flat,
    indented,
    ranked,
    ruled,
    section_blocks,
    text_row,
    views,
)

if TYPE_CHECKING:
    from ...adbatch import TriageBatch
    from ...adgap import AdGap
    from ...triage import Evidence, RoleMatch, Triage


@views.renders("TriageBatch")
def _batch(view: TriageBatch) -> Block:
    name = (("What these job ads describe", ""),)
    if not view.rows:
        return Document(name, para("No ad could be read."))
    columns = [
        Column("Ad", kind="strong", max_width=40),
        Column("Title"),
        Column("Reads as", no_wrap=True),
        Column("Sure", justify="right", no_wrap=True),
        Column("Title misleads", no_wrap=True),
    ]
    with_fit = any(row.result.gap is not None for row in view.rows)
    if with_fit:
        columns.append(Column("Close", justify="right", no_wrap=True))
    rows: list[Row] = []
    records: list[Block] = []
    for row in view.rows:
        result = row.result
        top = result.matches[0] if result.matches and result.decided else None
        reads = top.role.name if top else "cannot tell"
        sure = f"{top.confidence:.0%}" if top else "-"
        misleads = "yes" if result.warning else ""
        title = result.title or ""
        rows.append(
            text_row(
                flat(row.source),
                flat(title),
                flat(reads, "answer" if top else "muted"),
                sure,
                flat(misleads, "warning"),
                *([_closeness(result)] if with_fit else []),
            )
        )
        head = f"{reads} ({sure})" + ("  title misleads" if misleads else "")
        if with_fit:
            head += f"  you: {_closeness(result)}"
        records += [para((row.source, "strong")), para(flat(title), indent=INDENT)]
        records.append(para(flat(head, "answer" if top else "muted"), indent=INDENT))
    return Document(name, Responsive(ruled(columns, rows), stack(*records), min_width=100))


def _closeness(result: Triage) -> str:
    return f"{result.gap.closeness}%" if result.gap is not None else "-"


@views.renders("Triage")
def _triage(view: Triage) -> Block:
    from ...quotes import quoted_lines

    def evidence_of(match: RoleMatch) -> tuple[Evidence, ...]:
        return (*match.evidence, *match.variant_evidence)

    parts: list[Block] = []
    if view.title:
        title = [("Title: ", "strong"), flat(view.title)]
        if view.title_role:
            title.append((f"  (names {view.title_role.name})", "muted"))
        parts.append(para(*title))
    if view.warning:
        parts.append(para(("Warning: ", "warning"), flat(view.warning)))
    parts.append(para(("Verdict: ", "strong"), flat(view.verdict)))
    parts.append(BLANK)
    for rank, m in enumerate(view.matches, start=1):
        head = ranked(rank, m.role, f"{m.confidence:.0%}")
        if m.variant:
            head.append((f"  variant: {m.variant.name}", "variant"))
        evidence = [
            Row(
                (
                    cell(f"L{number}"),
                    cell(flat(excerpt), (f"  ({', '.join(terms)}; {section})", "muted")),
                )
            )
            for number, excerpt, terms, section in quoted_lines(evidence_of(m))[:4]
        ]
        number_column = Column(kind="muted", justify="right", no_wrap=True)
        parts += [para(*head, kind="heading"), details(evidence, number_column)]
        if m.typical_words:
            typical = ", ".join(f"{w.words} (L{w.line})" for w in m.typical_words)
            parts.append(para(("words its ads use: ", "muted"), flat(typical), indent=INDENT + 1))
        parts.append(BLANK)
    parts += _asks(view)
    if view.gap is not None:
        parts += _gap(view.gap)
    if view.questions:
        questions = [((flat(q),), ()) for q in view.questions]
        parts += section_blocks("Ask the employer", bullets(questions, False), None)
    return Document((("What this job ad describes", ""),), stack(*parts))


def _gap(gap: AdGap) -> list[Block]:
    """You and this ad: the figure with its reasons, what you have, what you lack."""
    from ...adgap import gap_lines

    lines: list[Block] = [
        indented(("How close you are: ", "strong"), f"{gap.closeness}%"),
        *[bullet(flat(reason), indent=INDENT + 2) for reason in gap.reasons],
    ]
    lines += [_asked(label, "; ".join(items)) for label, items in gap_lines(gap) if items]
    return section_blocks("You and this ad", lines, None)


def _asks(view: Triage) -> list[Block]:
    """What the ad asks for: required, then nice to have, then tools the catalogue lacks."""
    from ...requirements import asked

    lines: list[Block] = [_asked(label, ", ".join(n)) for label, n in asked(view.asks) if n]
    return section_blocks("What the ad asks for", lines, None) if lines else []


def _asked(label: str, text: str) -> Para:
    """'Required: Python, SQL': the label and its colon strong, one of a list."""
    return para((f"{label}: ", "strong"), flat(text), indent=INDENT, kind="item")
