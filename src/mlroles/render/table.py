"""Every view laid out once, as blocks (see `blocks.py`), for all four drawers.

No Rich here and no format: `rich_draw` draws the blocks for a terminal, `plain` for a pipe
or a file, `markdown` and `html` as documents. Spans say what their text is (a heading, a
citation, a level), never how it looks. Catalogue text goes into spans as data, so a role
called "[bold]x" prints as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..models import AXES, Disagreement, Level, Position, Role, ToolUse
from . import READING_NOTE, Registry
from .blocks import (
    BLANK,
    MEASURE,
    Block,
    Column,
    Document,
    Drawn,
    Grid,
    Para,
    Responsive,
    Row,
    Span,
    para,
    stack,
)

if TYPE_CHECKING:
    from ..adbatch import TriageBatch
    from ..adgap import AdGap
    from ..chart import MapPoint, SkillChart
    from ..compare import RoleComparison, SkillLevels
    from ..fit import FitResult, Gap
    from ..search import SearchResult
    from ..skillmap import SkillGroup, SkillMap
    from ..transition import TransitionPlan
    from ..triage import Evidence, Triage
    from ..views import Bibliography, RoleListing, RoleProfile
    from .mapgrid import Glyphs

INDENT = 2
CITATION_WIDTH = 30
"""The widest a column of citations is made when a table must be narrowed: the names it
cites wrap before the skill names beside them do."""


def _span(value: str, kind: str = "") -> Span:
    return (" ".join(value.split()), kind)


def _heading(title: str) -> Para:
    return para((title, "heading"), kind="heading")


def _citation(sources: Iterable[str], indent: int = 0) -> Para:
    """ "sources: a, b", each source's id linked to it (in a document with a list of them)."""
    spans: list[Span] = [("sources: ", "citation")]
    for index, source in enumerate(sources):
        if index:
            spans.append((", ", "citation"))
        spans.append((source, f"citation:source:{source}"))
    return para(*spans, indent=indent, kind="citation")


def _level(level: Level | None) -> Span:
    if level is None:
        return ("-", "muted")
    return (level.value, level.value)


def _cell(*spans: str | Span) -> tuple[Para, ...]:
    return (para(*spans),)


def _ruled(columns: Sequence[Column], rows: Sequence[Row], title: str = "") -> Grid:
    """A table: an optional title, a header row, a rule, then the rows."""
    return Grid(tuple(columns), tuple(rows), title=title, ruled=True)


layout: Registry[Block] = Registry("layout")


@layout.renders("RoleListing")
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
            Row(
                (
                    _cell(_span(role.name)),
                    _cell(_span(role.id, "id")),
                    _cell(_span(role.track.value)),
                    _cell(str(role.position.swe)),
                    _cell(str(role.position.ml)),
                    _cell(_span(does)),
                )
            )
        )
        meta = f"{role.track.value} · SWE {role.position.swe} · ML {role.position.ml}"
        records += [
            para((role.name, "strong"), "  ", (role.id, "id")),
            para(_span(meta, "muted"), indent=INDENT),
            para(_span(does), indent=INDENT),
        ]
    table = Responsive(_ruled(columns, rows), stack(*records), min_width=110)
    return Document((("ML roles", ""),), table)


def _section(title: str, body: Sequence[Block], sources: Sequence[str] | None) -> list[Block]:
    parts: list[Block] = [_heading(title), *body]
    if sources is not None:
        parts.append(_citation(sources, INDENT))
    parts.append(BLANK)
    return parts


def _indented(*spans: str | Span) -> Para:
    return para(*spans, indent=INDENT)


def _labelled_item(name: str, text: str) -> Para:
    """ "name: text", one of a list (a document draws it as a list item)."""
    return para(*_labelled(name, text), indent=INDENT, kind="item")


def _bullets(items: Sequence[tuple[tuple[Span, ...], Sequence[str]]], show: bool) -> list[Para]:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    out: list[Para] = []
    for spans, sources in items:
        out.append(Para(spans, indent=INDENT, marker="• ", kind="item"))
        if show:
            out.append(_citation(sources, INDENT + 2))
    return out


def _skills_by_category(groups: Sequence[SkillGroup], indent: int = 0, show: bool = False) -> Block:
    """Category, skill, level (and, with `show`, its sources): the category named once, on
    its first skill."""
    return _grouped(
        [
            (
                group.category.label,
                [(_span(s.name), _level(n.level), n.sources) for s, n in group.needs],
            )
            for group in groups
        ],
        indent,
        show,
    )


Grouped = Sequence[tuple[str, Sequence[tuple[Span, Span | None, Sequence[str]]]]]
"""Items under their group's label: each item's name, its level (if it has one), sources."""


def _grouped(groups: Grouped, indent: int, show: bool) -> Block:
    """A table of items under group labels (a skill's category, a tool's kind), the label
    on its group's first row. With `show`, a column of each item's sources, or where there
    is no room for it, each label over its items and each item's sources under it."""
    levels = any(level is not None for _, items in groups for _, level, _ in items)
    rows = []
    for label, items in groups:
        for index, (name, level, sources) in enumerate(items):
            cells = [_cell(label if index == 0 else ""), _cell(name)]
            cells += [_cell(level or "")] if levels else []
            cells += [(_citation(sources),)] if show else []
            rows.append(Row(tuple(cells)))
    columns = [Column(kind="strong"), Column()] + [Column()] * levels
    columns += [Column(max_width=CITATION_WIDTH)] if show else []
    grid = Grid(tuple(columns), tuple(rows), gap=2, indent=indent)
    if not show:
        return grid
    narrow: list[Block] = []
    for label, items in groups:
        narrow.append(para((label, "strong"), indent=indent))
        for name, level, sources in items:
            line = [name] if level is None else [name, ("  ", ""), level]
            narrow.append(para(*line, indent=indent + 2))
            narrow.append(_citation(sources, indent + 4))
    return Responsive(grid, stack(*narrow), min_width=100)


def _labelled(name: str, text: str) -> tuple[Span, ...]:
    return ((name, "strong"), (": ", ""), _span(text))


AXIS_LABELS = {"swe": "SWE", "ml": "ML", "comm": "comm"}
READING = "mlroles's reading"


def _disagreements(items: Sequence[Disagreement], show: bool) -> list[Block]:
    """Each disagreement as "The sources disagree: <topic>", then every view and its holder."""
    parts: list[Block] = []
    for item in items:
        views = [(_labelled(view.holder, view.text), view.sources) for view in item.views]
        parts += _section(f"The sources disagree: {item.topic}", _bullets(views, show), None)
    return parts


def _position_basis(p: Position, show: bool) -> list[Para]:
    """One bullet per axis: what its value rests on, or that it is the catalogue's reading."""
    if p.basis is None:
        return [
            _indented(_span(f"No basis is given for these values: each is a {READING}.", "muted"))
        ]
    items = []
    for axis in AXES:
        basis = getattr(p.basis, axis)
        label = f"{AXIS_LABELS[axis]} {getattr(p, axis)}" + (
            f" ({READING})" if basis.reading else ""
        )
        items.append((_labelled(label, basis.text), basis.sources))
    return _bullets(items, show)


@layout.renders("RoleProfile")
def _profile(view: RoleProfile) -> Block:
    role, show = view.role, view.show_citations
    parts: list[Block] = [
        para((role.name, "name"), (f"  ({role.id}, {role.track.value})", "muted"), kind="title")
    ]
    if role.aliases:
        parts.append(para(("Also called: ", "muted"), _span(", ".join(role.aliases))))
    if view.origin != "bundled":
        parts.append(para(("Defined in: ", "muted"), _span(view.origin)))
    parts.append(BLANK)

    for name, cited in (
        ("Summary", role.summary),
        ("Goal", role.goal),
        ("Work product", role.work_product),
        ("ML need", role.ml_need),
    ):
        parts += _section(name, [_indented(_span(cited.text))], cited.sources if show else None)

    def bullet_list(title: str, items: Sequence[tuple[tuple[Span, ...], Sequence[str]]]) -> None:
        if items:
            parts.extend(_section(title, _bullets(items, show), None))

    bullet_list("Responsibilities", [((_span(i.text),), i.sources) for i in role.responsibilities])

    skills = _skills_by_category(view.skill_groups, indent=INDENT, show=show)
    parts += _section("Skills (awareness < working < practitioner < expert)", [skills], None)

    if role.tools:
        parts += _section("Tools", [_tools(role, show)], None)

    bullet_list("Backgrounds", [((_span(i.text),), i.sources) for i in role.backgrounds])
    bullet_list("Education", [((_span(i.text),), i.sources) for i in role.education])

    p = role.position
    position = _indented(
        f"software engineering {p.swe}/5 · ML knowledge {p.ml}/5 · communication {p.comm}/5 ",
        (f"({view.quadrant})", "strong"),
        "\n",
        _span(p.rationale),
    )
    parts += _section(
        "Skill map", [position, *_position_basis(p, show)], p.sources if show else None
    )

    bullet_list(
        "Variants (one title, different jobs)",
        [(_labelled(v.name, v.text), v.sources) for v in role.variants],
    )
    bullet_list("Specialisms", [(_labelled(s.name, s.text), s.sources) for s in role.specialisms])
    bullet_list("Notes", [((_span(n.text),), n.sources) for n in role.notes])
    bullet_list(
        "Outlook (figures quoted by the sources, not forecasts)",
        [
            (
                (
                    (o.figure, "strong"),
                    (" ", ""),
                    _span(o.measure),
                    (f" ({o.origin}; {o.period})", "muted"),
                ),
                o.sources,
            )
            for o in role.outlook
        ],
    )
    bullet_list(
        "Getting started (the sources' advice)",
        [((_span(g.text),), g.sources) for g in role.getting_started],
    )
    parts += _disagreements(view.disagreements, show)
    bullet_list(
        "Related roles",
        [
            (
                (
                    (f"{view.related_names[r.role]} ({r.role})", f"strong:role:{r.role}"),
                    (": ", ""),
                    _span(r.relation),
                ),
                r.sources,
            )
            for r in role.related
        ],
    )
    source_lines = [
        _indented(
            (s.id, f"id:source:{s.id}"),
            " ",
            _span(s.label),
            (" — ", "muted"),
            _span(", ".join(s.credits), "muted"),
        )
        for s in view.sources
    ]
    parts += _section("Sources", source_lines, None)
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
                _labelled_item(kind, ", ".join(t.name for t in tools))
                for kind, tools in by_kind.items()
            )
        )
    groups = [
        (kind, [(_span(t.name), None, t.sources) for t in tools]) for kind, tools in by_kind.items()
    ]
    return _grouped(groups, INDENT, show)


def _levels_row(item: SkillLevels) -> Row:
    return Row((_cell(_span(item.skill.name)), *(_cell(_level(level)) for level in item.levels)))


def _group_row(label: str, columns: int) -> Row:
    """A label over the rows of one group ("shared"): not a skill, and drawn so."""
    return Row((_cell((label, "group")), *((),) * (columns - 1)))


@layout.renders("RoleComparison")
def _comparison(view: RoleComparison) -> Block:
    names = [role.name for role in view.roles]
    parts: list[Block] = []
    for contrast in view.curated:
        title = f"What the sources say: {contrast.first.name} vs {contrast.second.name}"
        columns = [Column(kind="strong"), Column(contrast.first.name), Column(contrast.second.name)]
        rows: list[Row] = []
        records: list[Block] = [para(_span(title, "strong"))]
        for contrast_row in contrast.rows:
            rows.append(
                Row(
                    (
                        _cell(_span(contrast_row.dimension)),
                        _cell(_span(contrast_row.a)),
                        _cell(_span(contrast_row.b)),
                    )
                )
            )
            records += [
                _heading(contrast_row.dimension),
                _indented(*_labelled(contrast.first.name, contrast_row.a)),
                _indented(*_labelled(contrast.second.name, contrast_row.b)),
            ]
        table = _ruled(columns, rows, title=title)
        parts += [Responsive(table, stack(*records), min_width=70), BLANK]
    parts += _disagreements(view.disagreements, show=True)

    field_columns = [Column(kind="strong"), *(Column(name) for name in names)]
    field_rows: list[Row] = []
    field_records: list[Block] = [para(("Profiles side by side", "strong"))]
    for row in view.fields:
        field_records.append(_heading(row.label))
        for name, values in zip(names, row.values, strict=True):
            if len(values) > 1:  # one bullet an item, never run together (issue 18, item 3)
                field_records.append(_indented((name, "strong"), (":", "")))
                field_records += [
                    Para((_span(value),), indent=INDENT + 2, marker="• ", kind="item")
                    for value in values
                ]
            else:
                field_records.append(_indented(*_labelled(name, "".join(values) or "-")))
        cells = [
            tuple(Para((_span(v),), marker="• ", kind="item") for v in values)
            if len(values) > 1
            else (_cell(_span(values[0])) if values else _cell(("-", "muted")))
            for values in row.values
        ]
        field_rows.append(Row((_cell(_span(row.label)), *cells)))
    fields = Grid(
        tuple(field_columns),
        tuple(field_rows),
        title="Profiles side by side",
        ruled=True,
        separate_rows=True,
    )
    wide_enough = 30 + 30 * len(names)
    parts += [Responsive(fields, stack(*field_records), min_width=wide_enough), BLANK]

    skill_columns = [Column("Skill"), *(Column(name) for name in names)]
    width = len(skill_columns)
    skill_rows: list[Row] = []
    if view.shared_skills:
        skill_rows.append(_group_row("shared", width))
        skill_rows += [_levels_row(item) for item in view.shared_skills]
    for index, name in enumerate(names):
        only = view.skills_only_in(index)
        if only:
            skill_rows.append(_group_row(f"only {name}", width))
            skill_rows += [_levels_row(item) for item in only]
    some = [i for i in view.partial_skills if sum(lv is not None for lv in i.levels) > 1]
    if some:
        skill_rows.append(_group_row("some of them", width))
        skill_rows += [_levels_row(item) for item in some]
    parts += [_ruled(skill_columns, skill_rows, title="Skills"), BLANK]

    tools = [_labelled_item("Shared", ", ".join(view.shared_tools) or "none")]
    tools += [
        _labelled_item(f"Only {name}", ", ".join(only) or "none")
        for name, only in zip(names, view.tools_only, strict=True)
    ]
    tools += [
        _labelled_item(" and ".join(r.name for r in users), ", ".join(some))
        for users, some in view.tools_by_users()
    ]
    parts += [_heading("Tools"), *tools]
    return Document(((" vs ".join(names), ""),), stack(*parts))


@layout.renders("SkillMap")
def _skill_map(view: SkillMap) -> Block:
    columns = [
        Column("Role"),
        Column("Responsibility"),
        Column("Key skills"),
        Column("SWE", justify="right"),
        Column("ML", justify="right"),
        Column("Comm", justify="right"),
        Column("Quadrant"),
    ]
    rows: list[Row] = []
    records: list[Block] = []
    for row in view.rows:
        p = row.role.position
        name = _span(
            ("▶ " if row.focused else "") + row.role.name, "focus" if row.focused else "strong"
        )
        key_skills = ", ".join(skill.name for skill in row.key_skills)
        rows.append(
            Row(
                (
                    _cell(name),
                    _cell(_span(row.responsibility)),
                    _cell(_span(key_skills)),
                    _cell(p.marked("swe")),
                    _cell(p.marked("ml")),
                    _cell(p.marked("comm")),
                    _cell(_span(row.quadrant)),
                ),
                # Reversed, not a fixed background colour: readable on dark and light themes.
                kind="focus" if row.focused else "",
            )
        )
        facts = f"SWE {p.marked('swe')} · ML {p.marked('ml')} · comm {p.marked('comm')}"
        facts += f" · {row.quadrant}"
        records += [
            para(name),
            _indented(_span(facts, "muted")),
            _indented(_span(row.responsibility)),
            _indented(_span("key skills: " + key_skills)),
        ]
    title = "Skill map: software engineering vs ML (0-5)"
    narrow = stack(para((title, "strong")), BLANK, *records)  # the 0-5 scale named at any width
    parts: list[Block] = [Responsive(_ruled(columns, rows, title=title), narrow, min_width=100)]
    if any(row.role.position.readings() for row in view.rows):
        parts.append(para((READING_NOTE, "muted")))
    if view.focus is not None:
        parts += [
            BLANK,
            _heading(f"Skills of {view.focus.name}"),
            _skills_by_category(view.focus_skills, indent=INDENT),
        ]
    return Document((("Skill map", ""),), stack(*parts))


@layout.renders("Bibliography")
def _bibliography(view: Bibliography) -> Block:
    parts: list[Block] = []
    for entry in view.entries:
        s = entry.source
        cited: list[Span] = [("no role", "")] if not entry.roles else []
        for index, role in enumerate(entry.roles):
            cited += [(", ", "")] if index else []
            cited.append((role.id, f":role:{role.id}"))  # plain text, linked in a document
        parts += [
            para((s.id, f"key:source:{s.id}"), "  ", _span(s.label, "strong"), kind="heading"),
            _indented(_span(" · ".join(s.credits), "muted")),
        ]
        if s.url:
            parts.append(_indented(*_labelled("URL", s.url)))
        if s.aliases:
            parts.append(_indented(*_labelled("Also cited as", ", ".join(s.aliases))))
        parts += [
            _indented(_span(s.contributes)),
            _indented(("Cited by", "strong"), (": ", ""), *cited),
            BLANK,
        ]
    return Document((("Sources", ""),), stack(*parts))


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
        _span(gap.skill.name),
        (" ", ""),
        *_have_spans(gap.have, gap.estimated_from),
        (" → ", ""),
        _level(gap.need),
        (f" (+{gap.size})", "muted"),
    )


def _unasked_text(unasked: Sequence[Gap], limit: int) -> str:
    names = [f"{gap.skill.name} ({gap.need.value})" for gap in unasked[:limit]]
    more = len(unasked) - limit
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _ranked(rank: int, role: Role, figure: str) -> list[Span]:
    """'2. ML engineer  ml-engineer  71/100': a ranked role and its figure."""
    return [
        (f"{rank}. ", "strong"),
        (role.name, "name"),
        (f"  {role.id}", "id"),
        ("  ", ""),
        (figure, "score"),
    ]


def _details(rows: Sequence[Row], first: Column) -> Grid:
    """Labelled details under a ranked role: a label column, then the text."""
    return Grid((first, Column()), tuple(rows), gap=1, indent=3, kind="list")


@layout.renders("FitResult")
def _fit(view: FitResult) -> Block:
    parts: list[Block] = [para(("Roles that fit you, best first", "heading"), kind="title"), BLANK]
    for rank, fit in enumerate(view.fits, start=1):
        detail: list[Row] = []
        if fit.reasons:
            detail.append(Row((_cell("why"), _cell(_span("; ".join(fit.reasons))))))
        if fit.gaps:
            gap_lines = tuple(Para(_gap_spans(gap)) for gap in fit.gaps[:3])
            detail.append(Row((_cell("gaps"), gap_lines)))
        if fit.unasked:
            text = _unasked_text(fit.unasked, 3)
            detail.append(Row((_cell("not asked"), _cell(_span(text, "muted")))))
        label = Column(kind="strong", no_wrap=True)
        parts += [para(*_ranked(rank, fit.role, f"{fit.score:.0f}/100"), kind="heading")]
        parts += [_details(detail, label), BLANK]
    return stack(*parts)


@layout.renders("TransitionPlan")
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
        para(_span(axes, "muted")),
        BLANK,
    ]
    gap_rows = [
        Row(
            (
                _cell(_span(gap.skill.name)),
                _cell(*_have_spans(gap.have, gap.estimated_from)),
                _cell(_level(gap.need)),
                _cell(f"+{gap.size}"),
            )
        )
        for gap in view.gaps
    ]
    columns = tuple(Column(name) for name in ("Skill", "Now", "Needed", "Gap"))
    gaps: Block = Grid(columns, tuple(gap_rows), header=True, gap=2, indent=INDENT)
    if not view.gaps:
        gaps = _indented("Nothing you are known to lack.")
    parts += _section("Skills to build, in this order (foundations first)", [gaps], None)
    tools = ", ".join(view.tools_to_learn) or "none you do not have already"
    parts += _section("Tools to learn", [_indented(_span(tools))], None)
    carried: list[Block] = [
        para(
            _span(c.skill.name),
            (f" ({'~' if c.estimated_from else ''}{c.have.value}; needs {c.need.value}", "muted"),
            (f", estimated from {c.estimated_from})" if c.estimated_from else ")", "muted"),
            indent=INDENT,
            marker="• ",
            kind="item",
        )
        for c in view.carried
    ]
    if view.tools_carried:
        carried.append(_labelled_item("tools", ", ".join(view.tools_carried)))
    parts += _section("What carries over", carried or [_indented("none yet")], None)
    if view.unasked:
        text = _unasked_text(view.unasked, len(view.unasked))
        parts += _section("Not asked (check these yourself)", [_indented(_span(text))], None)
    if view.wanted:
        wants = "; ".join(
            f"{w.interest.value} {w.want}/5: {round(100 * w.share)}% of its work"
            for w in view.wanted
        )
        parts += _section("The work you want, and this role's", [_indented(_span(wants))], None)
    notes = [(_labelled(n.where, n.text), n.sources) for n in view.source_notes]
    parts += _section("What the sources advise", _bullets(notes, True), None)
    return stack(*parts[:-1])


@layout.renders("SearchResult")
def _search(view: SearchResult) -> Block:
    title = (("Search: ", ""), (view.query, ""))
    if not view.hits:
        return Document(title, para("No matches for ", (view.query, "strong"), "."))

    def draw(width: int, unicode: bool) -> Block:
        return _search_for(view, width)

    return Document(title, Drawn(draw))


SEARCH_TABLE_WIDTH = 90


def _search_for(view: SearchResult, width: int) -> Block:
    """The hits for an output `width` wide: each snippet cut, at words, to the room its
    column (or, below SEARCH_TABLE_WIDTH, its line) has, around the match (issue 18, item 6)."""
    from ..search import SNIPPET, snippet

    hits = view.hits
    if width >= SEARCH_TABLE_WIDTH:
        others = [
            max(len(hit.kind) for hit in hits),
            max(max(len(hit.name), len(hit.role_id or hit.id)) for hit in hits),
            max(len(hit.field) for hit in hits),
            len("Score"),
        ]
        # 2 a gap, 2 for a terminal's edges; in a narrow column, a few lines' worth.
        room = max(SNIPPET, width - sum(others) - 2 * 4 - 2)
    else:
        room = min(width, MEASURE) - INDENT
    columns = [
        Column("Kind"),
        Column("Match"),
        Column("Where"),
        Column("Snippet"),
        Column("Score", justify="right"),
    ]
    rows: list[Row] = []
    records: list[Block] = []
    for hit in hits:
        ident = hit.role_id or hit.id
        cut = snippet(hit.text, *hit.match, size=room - 2) if hit.text else hit.snippet
        rows.append(
            Row(
                (
                    _cell(hit.kind),
                    _cell(_span(hit.name, "strong"), "\n", (ident, "id")),
                    _cell(_span(hit.field)),
                    _cell(_span(cut)),
                    _cell(f"{hit.score:.0f}"),
                )
            )
        )
        records += [
            para(
                (hit.name, "strong"),
                "  ",
                (ident, "id"),
                (f"  {hit.kind} · {hit.field} · {hit.score:.0f}", "muted"),
            ),
            _indented(_span(cut)),
        ]
    if width >= SEARCH_TABLE_WIDTH:
        return _ruled(columns, rows)
    return stack(*records)


@layout.renders("SkillChart")
def _chart(view: SkillChart) -> Block:
    def draw(width: int, unicode: bool) -> Block:
        return _chart_for(view, width, unicode)

    return Document((("Skill map", ""),), Drawn(draw))


def _chart_for(chart: SkillChart, width: int, unicode: bool) -> Block:
    """The skill map for an output `width` wide, in Unicode or (for plain output) ASCII."""
    from .mapgrid import ASCII, UNICODE, draw

    glyphs = UNICODE if unicode else ASCII
    height = 16 if width >= 100 else 11  # 80x24 holds the chart, legend and "you"
    picture = draw(chart, width - 1, height, glyphs)
    title = f"ML (up) vs SWE ({glyphs.arrow}), 0-5"
    bubble = f"; bubble = communication {glyphs.small} 0-1 {glyphs.medium} 2-3 {glyphs.large} 4-5"
    if any(point.role.position.readings() for point in chart.points):
        # The legend marks values that are the catalogue's own reading (`Position.marked`).
        for note in ("; * = mlroles's own reading", "; * reading"):
            if len(title + bubble + note) < width:
                bubble += note
                break
    parts: list[Block] = [para((title, "strong"), (bubble, "muted"))]
    parts += [Para(tuple(line), kind="pre") for line in picture.lines]
    columns = 2 if width >= 70 else 1
    room = (width - 1 - 2 * (columns - 1)) // columns
    entries = [(_legend_entry(point, glyphs, room),) for point in chart.points]
    legend_rows = [
        Row(tuple(entries[start : start + columns])) for start in range(0, len(entries), columns)
    ]
    parts.append(Grid((Column(),) * columns, tuple(legend_rows), gap=2, kind="entries"))
    if chart.you is not None:
        you = chart.you
        near = ", ".join(f"{role.name} {dist:g}" for role, dist in chart.nearest)
        where = f"{you.swe}/{you.ml}" + (f"/{you.comm}" if you.comm is not None else "")
        # Two columns, so that a wrapped line hangs under the text, not at column 0.
        you_row = Row(
            (
                _cell((f"{glyphs.you}you", "name"), f" ({where}):"),
                _cell("nearest ", _span(near)),
            )
        )
        parts.append(Grid((Column(no_wrap=True), Column()), (you_row,), gap=1, kind="list"))
    return stack(*parts)


def _legend_entry(point: MapPoint, glyphs: Glyphs, room: int) -> Para:
    """One legend entry in `room` columns: a name too long for one line is shortened."""
    from .mapgrid import ASCII

    style = "focus" if point.highlighted else "marker"
    mark = (">" if glyphs is ASCII else "▶") if point.highlighted else " "
    values = " " + "/".join(point.role.position.marked(axis) for axis in AXES)
    name = " ".join(point.role.name.split())
    fits = room - 5 - len(values)
    if len(name) > fits > 8:
        ellipsis = "~" if glyphs is ASCII else "…"
        name = name[: fits - len(ellipsis)].rstrip() + ellipsis
    return para(
        (mark, "focus"),
        (f"{glyphs.bubble(point.comm)}{point.marker:<2}", style),
        " ",
        (name, ""),
        (values, "muted"),
    )


@layout.renders("TriageBatch")
def _batch(view: TriageBatch) -> Block:
    heading = (("What these job ads describe", ""),)
    if not view.rows:
        return Document(heading, para("No ad could be read."))
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
            Row(
                (
                    _cell(_span(row.source)),
                    _cell(_span(title)),
                    _cell(_span(reads, "id" if top else "muted")),
                    _cell(sure),
                    _cell(_span(misleads, "warning")),
                    *((_cell(_closeness(result)),) if with_fit else ()),
                )
            )
        )
        head = f"{reads} ({sure})" + ("  title misleads" if misleads else "")
        if with_fit:
            head += f"  you: {_closeness(result)}"
        records += [para((row.source, "strong")), para(_span(title), indent=INDENT)]
        records.append(para(_span(head, "id" if top else "muted"), indent=INDENT))
    return Document(heading, Responsive(_ruled(columns, rows), stack(*records), min_width=100))


def _by_line(evidence: Sequence[Evidence]) -> list[tuple[int, str, list[str], str]]:
    """`triage.by_line`, each line quoted so that every matched term shows (issue 18,
    item 6): each term's excerpt is cut around it, so a long line matched in two places
    is quoted by two excerpts, the one that shows most first."""
    from ..triage import by_line

    excerpts: dict[int, list[str]] = {}
    for item in evidence:
        if item.excerpt not in excerpts.setdefault(item.line, []):
            excerpts[item.line].append(item.excerpt)
    return [
        (number, _joined(_covering(terms, excerpts[number])), terms, section)
        for number, _, terms, section in by_line(evidence)
    ]


def _joined(quotes: Sequence[str]) -> str:
    """Excerpts of one line as one quote, a single `…` where text is left out between them."""
    inner = [q.removesuffix("…") for q in quotes[:-1]] + list(quotes[-1:])
    return inner[0] + "".join(" … " + q.removeprefix("…") for q in inner[1:]) if inner else ""


def _covering(terms: Sequence[str], excerpts: Sequence[str]) -> list[str]:
    """Fewest excerpts (greedily) that between them show every one of `terms`."""
    chosen: list[str] = []
    missing = set(terms)
    while missing:
        best = max(excerpts, key=lambda text: len(_terms_shown(missing, text)))
        shown = _terms_shown(missing, best)
        if not shown:
            break
        missing -= shown
        for index, earlier in enumerate(chosen):
            merged = _merged(earlier, best)
            if merged is not None:  # cut from overlapping stretches of the line: one quote
                chosen[index] = best = merged
                break
        else:
            chosen.append(best)
    return chosen or list(excerpts[:1])


def _merged(first: str, second: str) -> str | None:
    """Two excerpts of one line as one, where one holds the other or they overlap."""
    a, b = first.strip("…"), second.strip("…")
    if b in a:
        return first
    if a in b:
        return second
    for head, tail, x, y in ((first, second, a, b), (second, first, b, a)):
        for size in range(min(len(x), len(y)) - 1, 9, -1):  # an overlap of ten or more
            if x.endswith(y[:size]):
                lead = "…" if head.startswith("…") else ""
                return lead + x + y[size:] + ("…" if tail.endswith("…") else "")
    return None


def _terms_shown(terms: Iterable[str], excerpt: str) -> set[str]:
    """Which of `terms` (a `*` ends a stem) `excerpt` shows every word of."""
    text = excerpt.casefold()
    return {t for t in terms if all(w.rstrip("*") in text for w in t.casefold().split())}


def _closeness(result: Triage) -> str:
    return f"{result.gap.closeness}%" if result.gap is not None else "-"


@layout.renders("Triage")
def _triage(view: Triage) -> Block:
    parts: list[Block] = []
    if view.title:
        title = [("Title: ", "strong"), _span(view.title)]
        if view.title_role:
            title.append((f"  (names {view.title_role.name})", "muted"))
        parts.append(para(*title))
    if view.warning:
        parts.append(para(("Warning: ", "warning"), _span(view.warning)))
    parts.append(para(("Verdict: ", "strong"), _span(view.verdict)))
    parts.append(BLANK)
    for rank, m in enumerate(view.matches, start=1):
        head = _ranked(rank, m.role, f"{m.confidence:.0%}")
        if m.variant:
            head.append((f"  variant: {m.variant.name}", "variant"))
        evidence = [
            Row(
                (
                    _cell(f"L{number}"),
                    _cell(_span(excerpt), (f"  ({', '.join(terms)}; {section})", "muted")),
                )
            )
            for number, excerpt, terms, section in _by_line((*m.evidence, *m.variant_evidence))[:4]
        ]
        number_column = Column(kind="muted", justify="right", no_wrap=True)
        parts += [para(*head, kind="heading"), _details(evidence, number_column), BLANK]
    parts += _asks(view)
    if view.gap is not None:
        parts += _gap(view.gap)
    if view.questions:
        questions = [((_span(q),), ()) for q in view.questions]
        parts += _section("Ask the employer", _bullets(questions, False), None)
    return Document((("What this job ad describes", ""),), stack(*parts))


def _gap(gap: AdGap) -> list[Block]:
    """You and this ad: the figure with its reasons, what you have, what you lack."""
    from ..adgap import gap_lines

    lines: list[Block] = [
        _indented(("How close you are: ", "strong"), f"{gap.closeness}%"),
        *[
            Para((_span(reason),), indent=INDENT + 2, marker="• ", kind="item")
            for reason in gap.reasons
        ],
    ]
    for label, items in gap_lines(gap):
        if items:
            lines.append(_labelled_item(label, "; ".join(items)))
    return _section("You and this ad", lines, None)


def _asks(view: Triage) -> list[Block]:
    """What the ad asks for: required, then nice to have, then tools the catalogue lacks."""
    from ..requirements import asked

    lines: list[Block] = []
    for label, names in asked(view.asks):
        if names:
            lines.append(_labelled_item(label, ", ".join(names)))
    if not lines:
        return []
    return _section("What the ad asks for", lines, None)
