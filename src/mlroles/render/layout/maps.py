"""The layouts of the skill map: the table of every role, and the chart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import AXES
from .. import READING_NOTE
from ..blocks import BLANK, Block, Column, Document, Drawn, Grid, Para, Responsive, Row, para, stack
from .parts import INDENT, cell, flat, heading, indented, ruled, skills_by_category, text_row, views

if TYPE_CHECKING:
    from ...chart import MapPoint, SkillChart
    from ...skillmap import SkillMap
    from ..mapgrid import Glyphs


@views.renders("SkillMap")
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
        name = flat(
            ("▶ " if row.focused else "") + row.role.name,
            f"{'focus' if row.focused else 'strong'}:role:{row.role.id}",  # links to its profile
        )
        key_skills = ", ".join(skill.name for skill in row.key_skills)
        rows.append(
            text_row(
                name,
                flat(row.responsibility),
                flat(key_skills),
                p.marked("swe"),
                p.marked("ml"),
                p.marked("comm"),
                flat(row.quadrant),
                kind="focus" if row.focused else "",  # drawn reversed on a terminal
            )
        )
        facts = f"SWE {p.marked('swe')} · ML {p.marked('ml')} · comm {p.marked('comm')}"
        facts += f" · {row.quadrant}"
        records += [
            para(name),
            indented(flat(facts, "muted")),
            indented(flat(row.responsibility)),
            indented(flat("key skills: " + key_skills)),
        ]
    title = "Skill map: software engineering vs ML (0-5)"
    narrow = stack(para((title, "strong")), BLANK, *records)  # the 0-5 scale named at any width
    parts: list[Block] = [Responsive(ruled(columns, rows, title=title), narrow, min_width=100)]
    if any(row.role.position.readings() for row in view.rows):
        parts.append(para((READING_NOTE, "muted")))
    if view.focus is not None:
        parts += [
            BLANK,
            heading(f"Skills of {view.focus.name}"),
            skills_by_category(view.focus_skills, indent=INDENT),
        ]
    return Document((("Skill map", ""),), stack(*parts))


@views.renders("SkillChart")
def _chart(view: SkillChart) -> Block:
    def draw(width: int, unicode: bool) -> Block:
        return _chart_for(view, width, unicode)

    return Document((("Skill map", ""),), Drawn(draw))


def _chart_for(chart: SkillChart, width: int, unicode: bool) -> Block:
    """The skill map for an output `width` wide, in Unicode or (for plain output) ASCII."""
    from ..mapgrid import ASCII, UNICODE, draw

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
                cell((f"{glyphs.you}you", "name"), f" ({where}):"),
                cell("nearest ", flat(near)),
            )
        )
        parts.append(Grid((Column(no_wrap=True), Column()), (you_row,), gap=1, kind="list"))
    return stack(*parts)


def _legend_entry(point: MapPoint, glyphs: Glyphs, room: int) -> Para:
    """One legend entry in `room` columns: a name too long for one line is shortened."""
    from ..mapgrid import ASCII

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
