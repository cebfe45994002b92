"""Layout blocks as Rich renderables, for a person at a terminal: each kind of span in
the colour and weight that `STYLES` gives it.

Every piece of catalogue data goes into a `Text` object, never through Rich markup, so a
role called "[bold]x" prints as written, and through `textsafe.visible`, so an ESC in an
ad prints as `\x1b` rather than starting an escape sequence.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.constrain import Constrain
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ..textsafe import visible
from .blocks import Block, Grid, Para, bracketed, shown

STYLES = {
    "": "",
    "strong": "bold",
    "muted": "dim",
    "heading": "bold cyan",
    "name": "bold magenta",
    "id": "cyan",
    "answer": "cyan",
    "key": "bold cyan",
    "citation": "dim italic",
    "group": "italic dim",
    "region": "italic dim",
    "focus": "bold yellow",
    "marker": "bold cyan",
    "warning": "bold red",
    "score": "bold green",
    "variant": "yellow",
    "awareness": "dim",
    "working": "",
    "practitioner": "green",
    "expert": "bold green",
}
"""The Rich style of each kind of span (`blocks.Span`); what it links to plays no part."""

ROW_STYLES = {"": "", "focus": "reverse"}
"""Reversed, not a fixed background colour: readable on dark and light themes."""


def style(kind: str) -> str:
    return STYLES[kind.partition(":")[0]]


def to_rich(block: Block, console: Console) -> RenderableType:
    """`block` for Rich on `console` (`blocks.shown` at its width, in Unicode unless it is
    ASCII-only or colourless); prose is wrapped at its measure at the most (constrained
    only where the console is wider: a layer less to draw)."""
    plain = console.options.ascii_only or console.no_color or console.color_system is None
    return Group(
        *(
            _grid(piece)
            if isinstance(piece, Grid)
            else _para(piece)
            if measure is None or measure >= console.width
            else Constrain(_para(piece), measure)
            for piece, measure in shown(block, console.width, not plain)
        )
    )


def _text(block: Para) -> Text:
    """The paragraph as one `Text`, neighbouring spans of one style run together (a
    citation's sources are a span each, for their links: one run on a terminal)."""
    runs: list[tuple[str, str]] = []
    for text, kind in block.spans:
        text, span_style = visible(bracketed(text, kind)), style(kind)
        if runs and runs[-1][1] == span_style:
            runs[-1] = (runs[-1][0] + text, span_style)
        else:
            runs.append((text, span_style))
    return Text.assemble(*runs) if runs else Text("")


def _para(block: Para) -> RenderableType:
    text = _text(block)
    if block.indent or block.marker:
        return _Indented(text, block.indent, block.marker)
    return text


def _grid(grid: Grid) -> RenderableType:
    table: RenderableType = _table(grid)
    if any(column.max_width is not None for column in grid.columns):
        table = _PlainWidths(grid)
    return Padding(table, (0, 0, 0, grid.indent)) if grid.indent else table


def _table(grid: Grid, widths: list[int] | None = None) -> Table:
    # A ruled table's padding of 1 and its box's divider make the plain drawing's two spaces.
    ruled = grid.ruled
    title = Text(visible(grid.title), style="" if ruled else "bold")  # a str would be markup
    table = Table(
        box=box.SIMPLE_HEAD if ruled else None,
        show_header=ruled or grid.header,
        show_edge=ruled,
        padding=(0, 1 if ruled else grid.gap, 0, 0),
        pad_edge=False,  # no padding at the table's edges: more room for text
        title=title if grid.title else None,
        title_justify="left",
        title_style="bold" if ruled else None,
    )
    for index, column in enumerate(grid.columns):
        table.add_column(
            Text(visible(column.header)),
            style=style(column.kind) or None,
            justify=column.justify,
            width=None if widths is None else widths[index],
            min_width=column.min_width,
            no_wrap=column.no_wrap,
            overflow="fold",  # split a word too long for its column, never cut it off
        )
    for row in grid.rows:
        cells = [
            _para(cell[0]) if len(cell) == 1 else Group(*(_para(p) for p in cell))
            for cell in row.cells
        ]
        table.add_row(*cells, style=ROW_STYLES[row.kind] or None, end_section=grid.separate_rows)
    return table


class _PlainWidths:
    """A table whose columns have a `max_width`, laid out as the plain drawing lays it out
    (`plain.column_widths`): natural widths where they fit, the cap only where it must."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.natural = _table(grid)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from .plain import column_widths

        wide = options.update(width=10**6)
        naturals = column_widths(self.grid, 10**6)
        frame = Measurement.get(console, wide, self.natural).maximum - sum(naturals)
        yield _table(self.grid, column_widths(self.grid, options.max_width - frame))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.natural)


class _Indented:
    """Text moved right by `indent`, its first line led by `marker` and the lines after it
    hanging under the text. One wrap of the text: far cheaper than Padding around a grid."""

    def __init__(self, text: Text, indent: int, marker: str) -> None:
        self.text, self.indent, self.marker = text, indent, marker
        self.lead = indent + cell_len(marker)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        first = Segment(" " * self.indent + self.marker)
        hang = Segment(" " * self.lead)
        lines = self.text.wrap(console, max(1, options.max_width - self.lead))
        for index, line in enumerate(lines):
            yield first if index == 0 else hang
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        text = Measurement.get(console, options, self.text)
        return Measurement(text.minimum + self.lead, text.maximum + self.lead)
