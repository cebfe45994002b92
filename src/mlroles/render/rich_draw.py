"""Layout blocks as Rich renderables, for a person at a terminal.

Every piece of catalogue data goes into a `Text` object, never through Rich markup, so a
role called "[bold]x" prints as written, and through `textsafe.visible`, so an ESC in an
ad prints as `\x1b` rather than starting an escape sequence.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ..textsafe import visible
from .blocks import Block, Drawn, Grid, Para, Responsive


def to_rich(block: Block) -> RenderableType:
    if isinstance(block, Para):
        return _para(block)
    if isinstance(block, Grid):
        return _grid(block)
    if isinstance(block, Responsive):
        return _Responsive(to_rich(block.wide), to_rich(block.narrow), block.min_width)
    if isinstance(block, Drawn):
        return _Drawn(block)
    return Group(*(to_rich(part) for part in block.blocks))


def _text(block: Para) -> Text:
    if not block.spans:
        return Text("")
    return Text.assemble(*((visible(text), style) for text, style in block.spans))


def _para(block: Para) -> RenderableType:
    text = _text(block)
    if block.indent or block.marker:
        return _Indented(text, block.indent, block.marker)
    return text


def _grid(grid: Grid) -> RenderableType:
    if grid.ruled:
        table = Table(
            box=box.SIMPLE_HEAD,
            title=Text(visible(grid.title)) if grid.title else None,  # Text: a str would be markup
            title_justify="left",
            title_style="bold",
        )
    else:
        table = Table(
            box=None,
            show_header=grid.header,
            show_edge=False,
            padding=(0, grid.gap, 0, 0),
            pad_edge=False,
            title=Text(visible(grid.title), style="bold") if grid.title else None,
            title_justify="left",
        )
    for column in grid.columns:
        table.add_column(
            Text(visible(column.header)),
            style=column.style or None,
            justify=column.justify,
            min_width=column.min_width,
            max_width=column.max_width,
            no_wrap=column.no_wrap,
            overflow="fold",  # split a word too long for its column, never cut it off
        )
    for row in grid.rows:
        cells = [
            _para(cell[0]) if len(cell) == 1 else Group(*(_para(p) for p in cell))
            for cell in row.cells
        ]
        table.add_row(*cells, style=row.style or None, end_section=grid.separate_rows)
    return Padding(table, (0, 0, 0, grid.indent)) if grid.indent else table


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


class _Responsive:
    """Shows `wide` where there is room for it and `narrow` (one record a block) elsewhere."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, min_width: int) -> None:
        self.wide, self.narrow, self.min_width = wide, narrow, min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.min_width else self.narrow


class _Drawn:
    """A block drawn for the console it is printed on: its width and character set."""

    def __init__(self, block: Drawn) -> None:
        self.block = block

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        unicode = not (options.ascii_only or console.no_color or console.color_system is None)
        yield to_rich(self.block.draw(options.max_width, unicode))
