"""The layouts of the role list, a role's profile and the list of sources."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...models import AXES, Cited, Position, Role, ToolUse
from ..blocks import BLANK, Block, Column, Document, Para, Responsive, Row, Span, para, stack
from .parts import (
    INDENT,
    bullets,
    disagreement_sections,
    flat,
    grouped,
    indented,
    labelled,
    labelled_item,
    ruled,
    section_blocks,
    skills_by_category,
    text_row,
    views,
)

if TYPE_CHECKING:
    from ...views import Bibliography, RoleListing, RoleProfile


@views.renders("RoleListing")
def _listing(view: RoleListing) -> Block:
    if not view.roles:
        return Document((("ML roles", ""),), para("No roles on the selected track."))
    id_width = max(len(role.id) for role in view.roles)
    columns = [
        Column("Role", kind="strong", max_width=22),
        Column("Id", min_width=id_width),
        Column("Track"),
        Column("SWE", justify="right"),
        Column("ML", justify="right"),
        Column("What it does"),
    ]
    rows: list[Row] = []
    records: list[Block] = []
    for role in view.roles:
        does = role.responsibilities[0].text
        rows.append(
            text_row(
                flat(role.name, f"strong:role:{role.id}"),  # the column is strong too
                flat(role.id, "id"),
                flat(role.track),
                str(role.position.swe),
                str(role.position.ml),
                flat(does),
            )
        )
        meta = f"{role.track} · SWE {role.position.swe} · ML {role.position.ml}"
        records += [
            para((role.name, "strong"), "  ", (role.id, "id")),
            para(flat(meta, "muted"), indent=INDENT),
            para(flat(does), indent=INDENT),
        ]
    table = Responsive(ruled(columns, rows), stack(*records), min_width=110)
    return Document((("ML roles", ""),), table)


AXIS_LABELS = {"swe": "SWE", "ml": "ML", "comm": "comm"}


READING = "mlroles's reading"


def _position_basis(p: Position, show: bool) -> list[Para]:
    """One bullet per axis: what its value rests on, or that it is the catalogue's reading."""
    if p.basis is None:
        return [
            indented(flat(f"No basis is given for these values: each is a {READING}.", "muted"))
        ]
    items = []
    for axis in AXES:
        basis = getattr(p.basis, axis)
        label = f"{AXIS_LABELS[axis]} {getattr(p, axis)}" + (
            f" ({READING})" if basis.reading else ""
        )
        items.append((labelled(label, basis.text), basis.sources))
    return bullets(items, show)


@views.renders("RoleProfile")
def _profile(view: RoleProfile) -> Block:
    role, show = view.role, view.show_citations
    parts: list[Block] = [
        para((role.name, "name"), (f"  ({role.id}, {role.track})", "muted"), kind="title")
    ]
    if role.aliases:
        parts.append(para(("Also called: ", "muted"), flat(", ".join(role.aliases))))
    if view.origin != "bundled":
        parts.append(para(("Defined in: ", "muted"), flat(view.origin)))
    parts.append(BLANK)

    for name, cited in (
        ("Summary", role.summary),
        ("Goal", role.goal),
        ("Work product", role.work_product),
        ("ML need", role.ml_need),
    ):
        parts += section_blocks(name, [indented(flat(cited.text))], cited.sources if show else None)

    def bullet_list(title: str, items: Sequence[tuple[tuple[Span, ...], Sequence[str]]]) -> None:
        if items:
            parts.extend(section_blocks(title, bullets(items, show), None))

    def texts(items: Sequence[Cited]) -> list[tuple[tuple[Span, ...], Sequence[str]]]:
        return [((flat(item.text),), item.sources) for item in items]

    bullet_list("Responsibilities", texts(role.responsibilities))

    skills = skills_by_category(view.skill_groups, indent=INDENT, show=show)
    parts += section_blocks("Skills (awareness < working < practitioner < expert)", [skills], None)

    if role.tools:
        parts += section_blocks("Tools", [_tools(role, show)], None)

    bullet_list("Backgrounds", texts(role.backgrounds))
    bullet_list("Education", texts(role.education))

    p = role.position
    position = indented(
        f"software engineering {p.swe}/5 · ML knowledge {p.ml}/5 · communication {p.comm}/5 ",
        (f"({view.quadrant})", "strong"),
        "\n",
        flat(p.rationale),
    )
    parts += section_blocks(
        "Skill map", [position, *_position_basis(p, show)], p.sources if show else None
    )

    bullet_list(
        "Variants (one title, different jobs)",
        [(labelled(v.name, v.text), v.sources) for v in role.variants],
    )
    bullet_list(
        "Specialisms",
        [
            (labelled(s.name, s.text, f"strong:role:{s.role}" if s.role else "strong"), s.sources)
            for s in role.specialisms
        ],
    )
    bullet_list("Notes", texts(role.notes))
    bullet_list(
        "Outlook (figures quoted by the sources, not forecasts)",
        [
            (
                (
                    (o.figure, "strong"),
                    (" ", ""),
                    flat(o.measure),
                    (f" ({o.origin}; {o.period})", "muted"),
                ),
                o.sources,
            )
            for o in role.outlook
        ],
    )
    bullet_list("Getting started (the sources' advice)", texts(role.getting_started))
    parts += disagreement_sections(view.disagreements, show)
    bullet_list(
        "Related roles",
        [
            (
                labelled(
                    f"{view.related_names[r.role]} ({r.role})", r.relation, f"strong:role:{r.role}"
                ),
                r.sources,
            )
            for r in role.related
        ],
    )
    source_lines = [
        indented(
            (s.id, f"id:source:{s.id}"),
            " ",
            flat(s.label),
            (" — ", "muted"),
            flat(", ".join(s.credits), "muted"),
        )
        for s in view.sources
    ]
    parts += section_blocks("Sources", source_lines, None)
    return stack(*parts[:-1])


def _tools(role: Role, show: bool) -> Block:
    """The role's tools by kind ("framework: PyTorch, JAX"); with `show`, one a row, with
    the sources that name it (issue 17: JSON cited them, nothing else did)."""
    by_kind: dict[str, list[ToolUse]] = {}
    for tool in role.tools:
        by_kind.setdefault(tool.kind.value, []).append(tool)
    if not show:
        return stack(
            *(
                labelled_item(kind, ", ".join(t.name for t in tools))
                for kind, tools in by_kind.items()
            )
        )
    groups = [
        (kind, [(flat(t.name), None, t.sources) for t in tools]) for kind, tools in by_kind.items()
    ]
    return grouped(groups, INDENT, show)


@views.renders("Bibliography")
def _bibliography(view: Bibliography) -> Block:
    parts: list[Block] = []
    for entry in view.entries:
        s = entry.source
        cited: list[Span] = [("no role", "")] if not entry.roles else []
        for index, role in enumerate(entry.roles):
            cited += [(", ", "")] if index else []
            cited.append((role.id, f":role:{role.id}"))  # plain text, linked in a document
        parts += [
            para((s.id, f"key:source:{s.id}"), "  ", flat(s.label, "strong"), kind="heading"),
            indented(flat(" · ".join(s.credits), "muted")),
        ]
        if s.url:
            parts.append(indented(*labelled("URL", s.url)))
        if s.aliases:
            parts.append(indented(*labelled("Also cited as", ", ".join(s.aliases))))
        parts += [
            indented(flat(s.contributes)),
            indented(("Cited by", "strong"), (": ", ""), *cited),
            BLANK,
        ]
    return Document((("Sources", ""),), stack(*parts))
