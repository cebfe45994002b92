"""The layouts of the roles that fit you and the path from one role to another."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...models import Level
from ..blocks import BLANK, Block, Column, Grid, Para, Row, Span, para, stack
from .parts import (
    INDENT,
    bullet,
    bullets,
    cell,
    details,
    flat,
    indented,
    labelled,
    labelled_item,
    level_of,
    ranked,
    section_blocks,
    text_row,
    views,
)

if TYPE_CHECKING:
    from ...fit import FitResult, Gap, MapNearest
    from ...transition import TransitionPlan


def _have_spans(have: Level | None, estimated_from: str | None) -> tuple[Span, ...]:
    """What you have: a level, 'none', or '~level (from swe 4)' for an estimate."""
    if estimated_from is not None:
        return (
            ("~" + (have.value if have else "none"), "muted"),
            (f" (from {estimated_from})", "muted"),
        )
    return ((have.value if have else "none", "muted"),)


def _gap_spans(gap: Gap) -> tuple[Span, ...]:
    return (
        flat(gap.skill.name),
        (" ", ""),
        *_have_spans(gap.have, gap.estimated_from),
        (" → ", ""),
        level_of(gap.need),
        (f" (+{gap.size})", "muted"),
    )


def _unasked_text(unasked: Sequence[Gap], limit: int) -> str:
    names = [f"{gap.skill.name} ({gap.need.value})" for gap in unasked[:limit]]
    more = len(unasked) - limit
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


@views.renders("FitResult")
def _fit(view: FitResult) -> Block:
    parts: list[Block] = [para(("Roles that fit you, best first", "heading"), kind="title"), BLANK]
    for rank, fit in enumerate(view.fits, start=1):
        detail: list[Row] = []
        if fit.reasons:
            detail.append(text_row("why", flat("; ".join(fit.reasons))))
        if fit.gaps:
            gap_lines = tuple(Para(_gap_spans(gap)) for gap in fit.gaps[:3])
            detail.append(Row((cell("gaps"), gap_lines)))
        if fit.unasked:
            text = _unasked_text(fit.unasked, 3)
            detail.append(text_row("not asked", flat(text, "muted")))
        label = Column(kind="strong", no_wrap=True)
        parts += [para(*ranked(rank, fit.role, f"{fit.score:.0f}/100"), kind="heading")]
        parts += [details(detail, label), BLANK]
    if view.nearest:
        from ...fit import names_work_wanted  # the model's rule; fit is not a layout import

        wants = names_work_wanted(view.profile)
        parts += [_map_nearest(view.nearest, len(view.fits), wants), BLANK]
    return stack(*parts[:-1])


def _ordinal(number: int) -> str:
    suffix = (
        "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _map_nearest(nearest: Sequence[MapNearest], shown: int, wants: bool) -> Para:
    """Where `fit` ranks the roles `map --me` puts nearest you, and why the two differ when
    none of them is in the top 3."""
    away = "where you are" if nearest[0].distance == 0 else f"{nearest[0].distance:.2f} away"
    first, *others = nearest
    hint = f" (--top {first.rank} shows it)" if first.rank > shown else ""
    places = [f"{first.role.name}, {_place(first)} of the {first.of} ranked{hint}"]
    places += [f"{n.role.name}, {_place(n)}" for n in others]
    spans: list[Span] = [
        (f"Nearest you on the skill map ({away}): ", "strong"),
        flat("; ".join(places) + "."),
    ]
    from ...fit import KEPT_PLACE

    if min(n.rank for n in nearest) > KEPT_PLACE:
        last = next((n for n in nearest if n.unwanted is not None), None)
        why = ""
        if last is not None and last.unwanted is not None:
            why = f"{last.role.name} is mostly {last.unwanted.value} work, which you want none of. "
        # flat() would strip the space that parts the sentences.
        spans.append((" ", ""))
        weighs = "the work you want, " if wants else ""
        spans.append(
            flat(
                why + "The map shows where your skills are now; this ranking is where to go: "
                f"{weighs}the needs you meet, how often people made each move.",
                "muted",
            )
        )
    return para(*spans)


def _place(near: MapNearest) -> str:
    return "last" if near.rank == near.of > 1 else _ordinal(near.rank)


@views.renders("TransitionPlan")
def _plan(view: TransitionPlan) -> Block:
    target = view.target
    p = target.position
    swe, ml, comm = view.start

    def axis(label: str, start: int | None, end: int) -> str:
        return f"{label} {'?' if start is None else start} → {end}"

    axes = ", ".join([axis("SWE", swe, p.swe), axis("ML", ml, p.ml), axis("comm", comm, p.comm)])
    parts: list[Block] = [
        para(
            ("From ", "strong"),
            (view.origin, "name"),
            (" to ", "strong"),
            (target.name, "name"),
            kind="title",
        ),
        para(flat(axes, "muted")),
        BLANK,
    ]
    gap_rows = [
        Row(
            (
                cell(flat(gap.skill.name)),
                cell(*_have_spans(gap.have, gap.estimated_from)),
                cell(level_of(gap.need)),
                cell(f"+{gap.size}"),
            )
        )
        for gap in view.gaps
    ]
    columns = tuple(Column(name) for name in ("Skill", "Now", "Needed", "Gap"))
    gaps: Block = Grid(columns, tuple(gap_rows), header=True, gap=2, indent=INDENT, kind="tasks")
    if not view.gaps:
        gaps = indented("Nothing you are known to lack.")
    parts += section_blocks("Skills to build, in this order (foundations first)", [gaps], None)
    tools = ", ".join(view.tools_to_learn) or "none you do not have already"
    parts += section_blocks("Tools to learn", [indented(flat(tools))], None)
    carried: list[Block] = [
        bullet(
            flat(c.skill.name),
            (f" ({'~' if c.estimated_from else ''}{c.have.value}; needs {c.need.value}", "muted"),
            (f", estimated from {c.estimated_from})" if c.estimated_from else ")", "muted"),
        )
        for c in view.carried
    ]
    if view.tools_carried:
        carried.append(labelled_item("tools", ", ".join(view.tools_carried)))
    parts += section_blocks("What carries over", carried or [indented("none yet")], None)
    if view.unasked:
        text = _unasked_text(view.unasked, len(view.unasked))
        parts += section_blocks("Not asked (check these yourself)", [indented(flat(text))], None)
    if view.wanted:
        wants = "; ".join(
            f"{w.interest.value} {w.want}/5: {round(100 * w.share)}% of its work"
            for w in view.wanted
        )
        parts += section_blocks("The work you want, and this role's", [indented(flat(wants))], None)
    notes = [(labelled(n.where, n.text), n.sources) for n in view.source_notes]
    parts += section_blocks("What the sources advise", bullets(notes, True), None)
    return stack(*parts[:-1])
