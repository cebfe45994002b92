"""What every layout is made of: the registry of layouts, and the pieces views share
(a section with its heading, a citation, a bulleted list, a level, a ranked role)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...models import Disagreement, Level, Role
from .. import Registry
from ..blocks import BLANK, Block, Column, Grid, Para, Responsive, Row, Span, para, stack

if TYPE_CHECKING:
    from ...skillmap import SkillGroup


views: Registry[Block] = Registry("layout")
"""Each view's layout, registered by the name of the view's class."""

INDENT = 2
CITATION_WIDTH = 30
"""The widest a column of citations is made when a table must be narrowed: the names it
cites wrap before the skill names beside them do."""


def flat(value: str, kind: str = "") -> Span:
    """Catalogue text as a span, its runs of whitespace (a line break too) one space."""
    return (" ".join(value.split()), kind)


def heading(title: str) -> Para:
    return para((title, "heading"), kind="heading")


def citation(sources: Iterable[str], indent: int = 0) -> Para:
    """'sources: a, b', each source's id linked to it (in a document with a list of them)."""
    spans: list[Span] = [("sources: ", "citation")]
    for index, source in enumerate(sources):
        if index:
            spans.append((", ", "citation"))
        spans.append((source, f"citation:source:{source}"))
    return para(*spans, indent=indent, kind="citation")


def level_of(level: Level | None) -> Span:
    if level is None:
        return ("-", "muted")
    return (level.value, level.value)


def cell(*spans: str | Span) -> tuple[Para, ...]:
    return (para(*spans),)


def text_row(*cells: str | Span, kind: str = "") -> Row:
    """A table row whose every cell is one span."""
    return Row(tuple(cell(value) for value in cells), kind)


def bullet(*spans: Span, indent: int = INDENT) -> Para:
    """One item of a bulleted list: its wrapped lines hang under the text, not the bullet."""
    return Para(spans, indent=indent, marker="• ", kind="item")


def ruled(columns: Sequence[Column], rows: Sequence[Row], title: str = "") -> Grid:
    """A table: an optional title, a header row, a rule, then the rows."""
    return Grid(tuple(columns), tuple(rows), title=title, ruled=True)


def section_blocks(title: str, body: Sequence[Block], sources: Sequence[str] | None) -> list[Block]:
    """A section: its heading, its body, its citation (if `sources`), a blank line."""
    parts: list[Block] = [heading(title), *body]
    if sources is not None:
        parts.append(citation(sources, INDENT))
    parts.append(BLANK)
    return parts


def indented(*spans: str | Span) -> Para:
    return para(*spans, indent=INDENT)


def labelled_item(name: str, text: str) -> Para:
    """'name: text', one of a list (a document draws it as a list item)."""
    return para(*labelled(name, text), indent=INDENT, kind="item")


def bullets(items: Sequence[tuple[tuple[Span, ...], Sequence[str]]], show: bool) -> list[Para]:
    """A bulleted list, each item followed (with `show`) by its sources."""
    out: list[Para] = []
    for spans, sources in items:
        out.append(bullet(*spans))
        if show:
            out.append(citation(sources, INDENT + 2))
    return out


def skills_by_category(groups: Sequence[SkillGroup], indent: int = 0, show: bool = False) -> Block:
    """Category, skill, level (and, with `show`, its sources): the category named once, on
    its first skill."""
    return grouped(
        [
            (
                group.category.label,
                [(flat(s.name), level_of(n.level), n.sources) for s, n in group.needs],
            )
            for group in groups
        ],
        indent,
        show,
    )


Grouped = Sequence[tuple[str, Sequence[tuple[Span, Span | None, Sequence[str]]]]]
"""Items under their group's label: each item's name, its level (if it has one), sources."""


def grouped(groups: Grouped, indent: int, show: bool) -> Block:
    """A table of items under group labels (a skill's category, a tool's kind), the label
    on its group's first row. With `show`, a column of each item's sources, or where there
    is no room for it, each label over its items and each item's sources under it."""
    levels = any(level is not None for _, items in groups for _, level, _ in items)
    rows = []
    for label, items in groups:
        for index, (name, level, sources) in enumerate(items):
            cells = [cell(label if index == 0 else ""), cell(name)]
            cells += [cell(level or "")] if levels else []
            cells += [(citation(sources),)] if show else []
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
            narrow.append(citation(sources, indent + 4))
    return Responsive(grid, stack(*narrow), min_width=100)


def labelled(name: str, text: str, kind: str = "strong") -> tuple[Span, ...]:
    """'name: text', the name strong (or `kind`: what it links to, say)."""
    return ((name, kind), (": ", ""), flat(text))


def disagreement_sections(items: Sequence[Disagreement], show: bool) -> list[Block]:
    """Each disagreement as "The sources disagree: <topic>", then every view and its holder."""
    parts: list[Block] = []
    for item in items:
        held = [(labelled(view.holder, view.text), view.sources) for view in item.views]
        parts += section_blocks(f"The sources disagree: {item.topic}", bullets(held, show), None)
    return parts


def ranked(rank: int, role: Role, figure: str) -> list[Span]:
    """'2. ML engineer  ml-engineer  71/100': a ranked role and its figure."""
    return [
        (f"{rank}. ", "strong"),
        (role.name, "name"),
        (f"  {role.id}", "id"),
        ("  ", ""),
        (figure, "score"),
    ]


def details(rows: Sequence[Row], first: Column) -> Grid:
    """Labelled details under a ranked role: a label column, then the text."""
    return Grid((first, Column()), tuple(rows), gap=1, indent=3, kind="list")
