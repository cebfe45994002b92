"""Rich output for a person at a terminal.

Every piece of catalogue data goes into a `Text` object, never through Rich markup, so a
role called "[bold]x" prints as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..models import Level, Role
from . import Registry

if TYPE_CHECKING:
    from ..chart import MapPoint, SkillChart
    from ..compare import RoleComparison, SkillLevels
    from ..fit import FitResult, Gap
    from ..search import SearchResult
    from ..skillmap import SkillGroup, SkillMap
    from ..transition import TransitionPlan
    from ..triage import Triage
    from ..views import Bibliography, RoleListing, RoleProfile
    from .mapgrid import Glyphs

_LEVEL_STYLE = {
    Level.AWARENESS: "dim",
    Level.WORKING: "",
    Level.PRACTITIONER: "green",
    Level.EXPERT: "bold green",
}


def _text(value: str, style: str = "") -> Text:
    return Text(" ".join(value.split()), style=style)


def _heading(title: str) -> Text:
    return Text(title, style="bold cyan")


def _citation(sources: Iterable[str]) -> Text:
    return Text("sources: " + ", ".join(sources), style="dim italic")


def _level(level: Level | None) -> Text:
    if level is None:
        return Text("-", style="dim")
    return Text(level.value, style=_LEVEL_STYLE[level])


def _table(*columns: str, title: str | None = None) -> Table:
    # Headers and titles go in as Text: a plain str would be parsed as Rich markup.
    table = Table(
        box=box.SIMPLE_HEAD,
        title=Text(title) if title else None,
        title_justify="left",
        title_style="bold",
    )
    for column in columns:
        table.add_column(Text(column))
    return table


class Responsive:
    """Shows `wide` where there is room for it and `narrow` (one record a block) elsewhere."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, min_width: int) -> None:
        self.wide, self.narrow, self.min_width = wide, narrow, min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.min_width else self.narrow


render_table: Registry[RenderableType] = Registry("table form")


@render_table.renders("RoleListing")
def _listing(view: RoleListing) -> RenderableType:
    if not view.roles:
        return Text("No roles on the selected track.")
    table = _table("Role", "Id", "Track", "SWE", "ML", "What it does")
    table.columns[0].style = "bold"
    table.columns[0].max_width = 22
    table.columns[1].min_width = max(len(role.id) for role in view.roles)
    for column in table.columns[3:5]:
        column.justify = "right"
    records: list[RenderableType] = []
    for role in view.roles:
        does = role.responsibilities[0].text
        table.add_row(
            _text(role.name),
            _text(role.id, "cyan"),
            _text(role.track.value),
            Text(str(role.position.swe)),
            Text(str(role.position.ml)),
            _text(does),
        )
        meta = f"{role.track.value} · SWE {role.position.swe} · ML {role.position.ml}"
        records.append(Text.assemble((role.name, "bold"), "  ", (role.id, "cyan")))
        records.append(Padding(Group(_text(meta, "dim"), _text(does)), (0, 0, 0, 2)))
    return Responsive(table, Group(*records), min_width=110)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


def _section(
    title: str, body: RenderableType, sources: Sequence[str] | None
) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading(title), Padding(body, (0, 0, 0, 2))]
    if sources is not None:
        parts.append(Padding(_citation(sources), (0, 0, 0, 2)))
    parts.append(Text(""))
    return parts


def _bullets(items: Sequence[tuple[Text, Sequence[str]]], show: bool) -> Table:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for text, sources in items:
        grid.add_row(Text("•"), Group(text, _citation(sources)) if show else text)
    return grid


def _skills_by_category(groups: Sequence[SkillGroup]) -> Table:
    """Category, skill, level: the category named once, on its first skill."""
    table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_column()
    for group in groups:
        for index, (skill, need) in enumerate(group.needs):
            category = group.category.label if index == 0 else ""
            table.add_row(Text(category), _text(skill.name), _level(need.level))
    return table


def _labelled_block(name: str, text: str) -> Padding:
    return Padding(_labelled(name, text), (0, 0, 0, 2))


def _labelled(name: str, text: str) -> Text:
    return Text.assemble(Text(name, style="bold"), ": ", _text(text))


@render_table.renders("RoleProfile")
def _profile(view: RoleProfile) -> RenderableType:
    role, show = view.role, view.show_citations
    parts: list[RenderableType] = []
    title = Text(role.name, style="bold magenta")
    title.append(f"  ({role.id}, {role.track.value})", style="dim")
    parts.append(title)
    if role.aliases:
        parts.append(Text("Also called: ", style="dim") + _text(", ".join(role.aliases)))
    if view.origin != "bundled":
        parts.append(Text("Defined in: ", style="dim") + _text(view.origin))
    parts.append(Text(""))

    for name, cited in (
        ("Summary", role.summary),
        ("Goal", role.goal),
        ("Work product", role.work_product),
        ("ML need", role.ml_need),
    ):
        parts += _section(name, _text(cited.text), cited.sources if show else None)

    def bullet_list(title: str, items: Sequence[tuple[Text, Sequence[str]]]) -> None:
        if not items:
            return
        parts.extend(_section(title, _bullets(items, show), None))

    bullet_list("Responsibilities", [(_text(i.text), i.sources) for i in role.responsibilities])

    skills = _skills_by_category(view.skill_groups)
    parts += _section("Skills (awareness < working < practitioner < expert)", skills, None)

    if role.tools:
        by_kind: dict[str, list[str]] = {}
        for tool in role.tools:
            by_kind.setdefault(tool.kind.value, []).append(tool.name)
        tool_lines = [_labelled(kind, ", ".join(names)) for kind, names in by_kind.items()]
        parts += _section("Tools", Group(*tool_lines), None)

    bullet_list("Backgrounds", [(_text(i.text), i.sources) for i in role.backgrounds])
    bullet_list("Education", [(_text(i.text), i.sources) for i in role.education])

    p = role.position
    position = Text.assemble(
        f"software engineering {p.swe}/5 · ML knowledge {p.ml}/5 · communication {p.comm}/5 ",
        (f"({view.quadrant})", "bold"),
        "\n",
        _text(p.rationale),
    )
    parts += _section("Skill map", position, p.sources if show else None)

    bullet_list(
        "Variants (one title, different jobs)",
        [(_labelled(v.name, v.text), v.sources) for v in role.variants],
    )
    bullet_list("Specialisms", [(_labelled(s.name, s.text), s.sources) for s in role.specialisms])
    bullet_list("Notes", [(_text(n.text), n.sources) for n in role.notes])
    bullet_list(
        "Outlook (figures quoted by the sources, not forecasts)",
        [
            (
                Text.assemble(
                    (o.figure, "bold"), " ", _text(o.measure), (f" ({o.origin}; {o.period})", "dim")
                ),
                o.sources,
            )
            for o in role.outlook
        ],
    )
    bullet_list(
        "Related roles",
        [
            (_labelled(f"{view.related_names[r.role]} ({r.role})", r.relation), r.sources)
            for r in role.related
        ],
    )
    source_lines = [
        Text.assemble((s.id, "cyan"), " ", _text(s.title), (f" — {s.author}", "dim"))
        for s in view.sources
    ]
    parts += _section("Sources", Group(*source_lines), None)
    return Group(*parts[:-1])


def _levels_row(item: SkillLevels) -> list[Text]:
    return [_text(item.skill.name), *(_level(level) for level in item.levels)]


@render_table.renders("RoleComparison")
def _comparison(view: RoleComparison) -> RenderableType:
    names = [role.name for role in view.roles]
    parts: list[RenderableType] = []
    for contrast in view.curated:
        table = _table(
            "",
            contrast.first.name,
            contrast.second.name,
            title=f"What the sources say: {contrast.first.name} vs {contrast.second.name}",
        )
        table.columns[0].style = "bold"
        records: list[RenderableType] = [
            _text(f"What the sources say: {contrast.first.name} vs {contrast.second.name}", "bold")
        ]
        for contrast_row in contrast.rows:
            table.add_row(
                _text(contrast_row.dimension), _text(contrast_row.a), _text(contrast_row.b)
            )
            records += [
                _heading(contrast_row.dimension),
                _labelled_block(contrast.first.name, contrast_row.a),
                _labelled_block(contrast.second.name, contrast_row.b),
            ]
        parts += [Responsive(table, Group(*records), min_width=70), Text("")]

    fields = _table("", *names, title="Profiles side by side")
    fields.columns[0].style = "bold"
    field_records: list[RenderableType] = [_text("Profiles side by side", "bold")]
    for row in view.fields:
        field_records.append(_heading(row.label))
        for name, values in zip(names, row.values, strict=True):
            field_records.append(_labelled_block(name, "; ".join(values) or "-"))
        cells = [
            _bullets([(_text(v), ()) for v in values], False)
            if len(values) > 1
            else (_text(values[0]) if values else Text("-", style="dim"))
            for values in row.values
        ]
        fields.add_row(_text(row.label), *cells, end_section=True)
    parts += [Responsive(fields, Group(*field_records), min_width=30 + 30 * len(names)), Text("")]

    skills = _table("Skill", *names, title="Skills")
    if view.shared_skills:
        skills.add_row(Text("shared", style="italic dim"))
        for item in view.shared_skills:
            skills.add_row(*_levels_row(item))
    for index, name in enumerate(names):
        only = view.skills_only_in(index)
        if only:
            skills.add_row(Text(f"only {name}", style="italic dim"))
            for item in only:
                skills.add_row(*_levels_row(item))
    some = [i for i in view.partial_skills if sum(lv is not None for lv in i.levels) > 1]
    if some:
        skills.add_row(Text("some of them", style="italic dim"))
        for item in some:
            skills.add_row(*_levels_row(item))
    parts += [skills, Text("")]

    tools = [_labelled("Shared", ", ".join(view.shared_tools) or "none")]
    tools += [
        _labelled(f"Only {name}", ", ".join(only) or "none")
        for name, only in zip(names, view.tools_only, strict=True)
    ]
    parts += [_heading("Tools"), Padding(Group(*tools), (0, 0, 0, 2))]
    return Group(*parts)


@render_table.renders("SkillMap")
def _skill_map(view: SkillMap) -> RenderableType:
    table = _table(
        "Role",
        "Responsibility",
        "Key skills",
        "SWE",
        "ML",
        "Comm",
        "Quadrant",
        title="Skill map: software engineering vs ML (0-5)",
    )
    for column in table.columns[3:6]:
        column.justify = "right"
    for row in view.rows:
        name = _text(
            ("▶ " if row.focused else "") + row.role.name, "bold yellow" if row.focused else "bold"
        )
        table.add_row(
            name,
            _text(row.responsibility),
            _text(", ".join(skill.name for skill in row.key_skills)),
            Text(str(row.role.position.swe)),
            Text(str(row.role.position.ml)),
            Text(str(row.role.position.comm)),
            _text(row.quadrant),
            style="on grey15" if row.focused else None,
        )
    records: list[RenderableType] = []
    for row in view.rows:
        p = row.role.position
        style = "bold yellow" if row.focused else "bold"
        records.append(_text(("▶ " if row.focused else "") + row.role.name, style))
        facts = f"SWE {p.swe} · ML {p.ml} · comm {p.comm} · {row.quadrant}"
        key = "key skills: " + ", ".join(skill.name for skill in row.key_skills)
        records.append(
            Padding(Group(_text(facts, "dim"), _text(row.responsibility), _text(key)), (0, 0, 0, 2))
        )
    parts: list[RenderableType] = [Responsive(table, Group(*records), min_width=100)]
    if view.focus is not None:
        skills = _skills_by_category(view.focus_skills)
        parts += [Text(""), _heading(f"Skills of {view.focus.name}"), Padding(skills, (0, 0, 0, 2))]
    return Group(*parts)


@render_table.renders("Bibliography")
def _bibliography(view: Bibliography) -> RenderableType:
    parts: list[RenderableType] = []
    for entry in view.entries:
        s = entry.source
        head = Text.assemble((s.id, "bold cyan"), "  ", (s.title, "bold"))
        meta = _text(f"{s.author} · {s.kind}" + (f" · {s.published}" if s.published else ""), "dim")
        cited = ", ".join(role.id for role in entry.roles) or "no role"
        body = Group(meta, _text(s.contributes), _labelled("Cited by", cited))
        parts += [head, Padding(body, (0, 0, 1, 2))]
    return Group(*parts)


def _gap_text(gap: Gap) -> Text:
    have = gap.have.value if gap.have else "none"
    return Text.assemble(
        _text(gap.skill.name),
        " ",
        (have, "dim"),
        " → ",
        _level(gap.need),
        (f" (+{gap.size})", "dim"),
    )


def _ranked(rank: int, role: Role, figure: str) -> Text:
    """'2. ML engineer  ml-engineer  71/100': a ranked role and its figure."""
    return Text.assemble(
        (f"{rank}. ", "bold"),
        (role.name, "bold magenta"),
        (f"  {role.id}", "cyan"),
        "  ",
        (figure, "bold green"),
    )


@render_table.renders("FitResult")
def _fit(view: FitResult) -> RenderableType:
    parts: list[RenderableType] = [_heading("Roles that fit you, best first"), Text("")]
    for rank, fit in enumerate(view.fits, start=1):
        head = _ranked(rank, fit.role, f"{fit.score:.0f}/100")
        detail = Table.grid(padding=(0, 1, 0, 0))
        detail.add_column(style="bold", no_wrap=True)
        detail.add_column()
        if fit.reasons:
            detail.add_row(Text("why"), _text("; ".join(fit.reasons)))
        if fit.gaps:
            gap_lines = Group(*(_gap_text(gap) for gap in fit.gaps[:3]))
            detail.add_row(Text("gaps"), gap_lines)
        parts += [head, Padding(detail, (0, 0, 1, 3))]
    return Group(*parts)


@render_table.renders("TransitionPlan")
def _plan(view: TransitionPlan) -> RenderableType:
    target = view.target
    p = target.position
    parts: list[RenderableType] = [
        Text.assemble(
            ("From ", "bold"),
            (view.origin, "bold magenta"),
            (" to ", "bold"),
            (target.name, "bold magenta"),
        ),
    ]
    swe, ml, comm = view.start

    def axis(label: str, start: int | None, end: int) -> str:
        return f"{label} {'?' if start is None else start} → {end}"

    parts += [
        _text(
            ", ".join([axis("SWE", swe, p.swe), axis("ML", ml, p.ml), axis("comm", comm, p.comm)]),
            "dim",
        ),
        Text(""),
    ]
    gaps = Table(box=None, show_header=True, padding=(0, 1), pad_edge=False)
    for column in ("Skill", "Now", "Needed", "Gap"):
        gaps.add_column(Text(column))
    for gap in view.gaps:
        gaps.add_row(
            _text(gap.skill.name), _level(gap.have), _level(gap.need), Text(f"+{gap.size}")
        )
    body: RenderableType = gaps if view.gaps else Text("Nothing: you cover every skill it lists.")
    parts += _section("Skills to build, largest gap first", body, None)
    tools = ", ".join(view.tools_to_learn) or "none named by the sources"
    parts += _section("Tools to learn", _text(tools), None)
    carried_lines: list[RenderableType] = [
        Text.assemble(
            "• ", _text(c.skill.name), (f" ({c.have.value}; needs {c.need.value})", "dim")
        )
        for c in view.carried
    ]
    if view.tools_carried:
        carried_lines.append(_labelled("tools", ", ".join(view.tools_carried)))
    carried: RenderableType = Group(*carried_lines) if carried_lines else Text("none yet")
    parts += _section("What carries over", carried, None)
    notes = [(_labelled(n.where, n.text), n.sources) for n in view.source_notes]
    parts += _section("What the sources say", _bullets(notes, True), None)
    return Group(*parts[:-1])


@render_table.renders("SearchResult")
def _search(view: SearchResult) -> RenderableType:
    if not view.hits:
        return Text.assemble("No matches for ", (view.query, "bold"), ".")
    table = _table("Kind", "Match", "Where", "Snippet", "Score")
    table.columns[4].justify = "right"
    records: list[RenderableType] = []
    for hit in view.hits:
        ident = hit.role_id or hit.id
        match = Text.assemble(_text(hit.name, "bold"), "\n", (ident, "cyan"))
        table.add_row(
            Text(hit.kind), match, _text(hit.field), _text(hit.snippet), Text(f"{hit.score:.0f}")
        )
        records.append(
            Text.assemble(
                (hit.name, "bold"),
                "  ",
                (ident, "cyan"),
                (f"  {hit.kind} · {hit.field} · {hit.score:.0f}", "dim"),
            )
        )
        records.append(Padding(_text(hit.snippet), (0, 0, 0, 2)))
    return Responsive(table, Group(*records), min_width=90)


class ChartView:
    """The skill map drawn for the console it is printed on: its width, colour and charset."""

    def __init__(self, chart: SkillChart) -> None:
        self.chart = chart

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from .mapgrid import ASCII, UNICODE, draw

        plain = options.ascii_only or console.no_color or console.color_system is None
        glyphs = ASCII if plain else UNICODE
        width = options.max_width
        height = 16 if width >= 100 else 11  # 80x24 holds the chart, legend and "you"
        picture = draw(self.chart, width - 1, height, glyphs)
        yield Text.assemble(
            (f"ML (up) vs SWE ({glyphs.arrow}), 0-5", "bold"),
            (
                f"; bubble = communication {glyphs.small} 0-1 {glyphs.medium} 2-3 "
                f"{glyphs.large} 4-5",
                "dim",
            ),
        )
        for line in picture.lines:
            yield Text.assemble(*line)
        legend = Table.grid(padding=(0, 2, 0, 0))
        columns = 2 if width >= 70 else 1
        for _ in range(columns):
            legend.add_column(no_wrap=False)
        entries = [self._entry(point, glyphs) for point in self.chart.points]
        for start in range(0, len(entries), columns):
            legend.add_row(*entries[start : start + columns])
        yield legend
        if self.chart.you is not None:
            you = self.chart.you
            near = ", ".join(f"{role.name} {dist:g}" for role, dist in self.chart.nearest)
            where = f"{you.swe}/{you.ml}" + (f"/{you.comm}" if you.comm is not None else "")
            yield Text.assemble(
                (f"{glyphs.you}you", "bold magenta"), f" ({where}): nearest ", _text(near)
            )

    @staticmethod
    def _entry(point: MapPoint, glyphs: Glyphs) -> Text:
        from .mapgrid import ASCII

        style = "bold yellow" if point.highlighted else "bold cyan"
        mark = (">" if glyphs is ASCII else "▶") if point.highlighted else " "
        return Text.assemble(
            (mark, "bold yellow"),
            (f"{glyphs.bubble(point.comm)}{point.marker:<2}", style),
            " ",
            _text(point.role.name),
            (f" {point.swe}/{point.ml}/{point.comm}", "dim"),
        )


@render_table.renders("SkillChart")
def _chart(view: SkillChart) -> RenderableType:
    return ChartView(view)


@render_table.renders("Triage")
def _triage(view: Triage) -> RenderableType:
    from ..triage import by_line

    parts: list[RenderableType] = []
    if view.title:
        title = Text.assemble(("Title: ", "bold"), _text(view.title))
        if view.title_role:
            title.append(f"  (names {view.title_role.name})", style="dim")
        parts.append(title)
    if view.warning:
        parts.append(Text.assemble(("Warning: ", "bold red"), _text(view.warning)))
    parts.append(Text(""))
    if not view.matches:
        parts.append(Text("No evidence of any role in the catalogue was found in this ad."))
    for rank, m in enumerate(view.matches, start=1):
        head = _ranked(rank, m.role, f"{m.confidence:.0%}")
        if m.variant:
            head.append(f"  variant: {m.variant.name}", style="yellow")
        evidence = Table.grid(padding=(0, 1, 0, 0))
        evidence.add_column(justify="right", style="dim", no_wrap=True)
        evidence.add_column()
        for number, excerpt, terms in by_line((*m.evidence, *m.variant_evidence))[:4]:
            evidence.add_row(
                Text(f"L{number}"),
                Text.assemble(_text(excerpt), (f"  ({', '.join(terms)})", "dim")),
            )
        parts += [head, Padding(evidence, (0, 0, 1, 3))]
    if view.questions:
        parts += _section(
            "Ask the employer", _bullets([(_text(q), ()) for q in view.questions], False), None
        )
    return Group(*parts)
