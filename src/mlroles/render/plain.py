"""Layout blocks drawn as plain text, for a pipe or a file: no colour, no Rich.

Lines are wrapped to the width at spaces (a word longer than a line is split), measured
in terminal cells so that wide characters count twice, and carry no trailing spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import zip_longest

from ..textsafe import visible
from .blocks import Block, Grid, Para, bracketed, para, shown

_TOKEN = re.compile(r"\s*\S+\s*|\s+")


def draw_plain(block: Block, width: int) -> str:
    """`block` as text `width` cells wide, ending in a newline."""
    return "".join(line + "\n" for line in _lines(block, width))


def cell_len(text: str) -> int:
    """Terminal cells `text` takes: 2 for a wide (East Asian) character, 0 for a combining one."""
    if text.isascii():
        return len(text)
    return sum(_char_cells(char) for char in text)


def _char_cells(char: str) -> int:
    if char < "\u0300":  # Latin-1 and the like: nothing wide or combining below here
        return 1
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _text(block: Para) -> str:
    """The paragraph's text as it may be printed: controls and bidi overrides escaped, a
    group label `bracketed`."""
    return visible("".join(bracketed(text, kind) for text, kind in block.spans))


def _lines(block: Block, width: int) -> list[str]:
    lines: list[str] = []
    for piece, measure in shown(block, width, False):
        if isinstance(piece, Grid):
            lines += _grid(piece, width)
        else:
            lines += _para(piece, min(width, measure or width))
    return lines


def _para(block: Para, width: int) -> list[str]:
    text = _text(block)
    marker, hang = block.marker, " " * cell_len(block.marker)
    room = max(1, width - block.indent - len(hang))
    lines: list[str] = []
    for source_line in text.split("\n"):
        for wrapped in wrap(source_line, room):
            lines.append(" " * block.indent + (marker or hang) + wrapped)
            marker = ""
    return [line.rstrip() for line in lines]


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to `width` cells; spaces inside a line are kept as written."""
    measure = len if text.isascii() else cell_len
    if measure(text) <= width:
        return [text]
    lines: list[str] = []
    current, used = "", 0
    for token in _TOKEN.findall(text):
        word = token.rstrip()
        if current and used + measure(word) > width:
            lines.append(current.rstrip())
            current, used = "", 0
            token = word = token.lstrip()
        remaining, start = measure(word), 0
        while remaining > width:  # a word longer than the line: split it, in one pass
            end = _fit_end(word, start, width)
            lines.append((current + word[start:end]).rstrip())
            current, used = "", 0
            remaining -= measure(word[start:end])
            start = end
        word, token = word[start:], token[start:]
        current += token
        used += measure(token)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _fit_end(word: str, start: int, cells: int) -> int:
    """Where the longest run of `word` from `start` that fits in `cells` ends (at least one
    character), or len(word) when the rest fits. Each call reads only the run it returns,
    so splitting a long word costs time in proportion to its length."""
    taken = 0
    for index in range(start, len(word)):
        taken += _char_cells(word[index])
        if taken > cells:
            return max(index, start + 1)
    return len(word)


def _grid(grid: Grid, width: int) -> list[str]:
    gap = 2 if grid.ruled else grid.gap
    room = max(1, width - grid.indent)
    header = tuple((para(column.header),) for column in grid.columns)
    widths = column_widths(grid, room - gap * (len(grid.columns) - 1))
    out: list[str] = []
    if grid.title:
        out += _para(para(grid.title), room)
    if grid.ruled or grid.header:
        out += _row_lines(header, widths, grid, gap)
    if grid.ruled:
        out.append("-" * min(room, sum(widths) + gap * (len(widths) - 1)))
    for index, row in enumerate(grid.rows):
        if grid.separate_rows and index:
            out.append("")
        out += _row_lines(row.cells, widths, grid, gap)
    return [" " * grid.indent + line if line else line for line in out]


Cells = Sequence[Sequence[Para]]
"""A row: one cell per column (a short row leaves the last ones empty), each a stack of
paragraphs."""


def _row_lines(row: Cells, widths: list[int], grid: Grid, gap: int) -> list[str]:
    columns: list[list[str]] = []
    for index in range(len(grid.columns)):
        lines: list[str] = []
        for block in row[index] if index < len(row) else ():
            lines += _para(block, widths[index])
        columns.append(lines)
    out: list[str] = []
    for parts in zip_longest(*columns, fillvalue=""):
        padded = []
        for index, part in enumerate(parts):
            space = " " * max(0, widths[index] - cell_len(part))
            right = grid.columns[index].justify == "right"
            padded.append(space + part if right else part + space)
        out.append((" " * gap).join(padded).rstrip())
    return out


def column_widths(grid: Grid, room: int) -> list[int]:
    """The widths of `grid`'s columns in `room` cells (gaps not counted), its header too.

    Each column as wide as its widest line when they all fit (issue 18, item 1); else
    the widest narrowed until all fit, as long as that leaves the columns with a
    `max_width` whole; else those capped first. Narrowed first down to the longest word,
    then (only if they still do not fit) below it."""
    header = tuple((para(column.header),) for column in grid.columns)
    rows = [row.cells for row in grid.rows]
    rows = [header, *rows] if grid.ruled or grid.header else rows
    naturals: list[int] = []
    leasts: list[int] = []
    for index, column in enumerate(grid.columns):
        extents = [_extent(p) for row in rows if index < len(row) for p in row[index]]
        want = max((line for line, _ in extents), default=0)
        least = want if column.no_wrap else max((word for _, word in extents), default=0)
        if column.min_width is not None:
            want = max(want, column.min_width)
        naturals.append(want)
        leasts.append(least)
    if sum(naturals) <= room:
        return naturals
    uncapped = _narrowed(naturals, [min(a, b) for a, b in zip(leasts, naturals, strict=True)], room)
    caps = {i: c.max_width for i, c in enumerate(grid.columns) if c.max_width is not None}
    narrowed = [w for w, natural in zip(uncapped, naturals, strict=True) if w < natural]
    if (
        sum(uncapped) <= room
        and all(uncapped[i] == naturals[i] for i in caps)
        and all(w >= max(caps.values(), default=0) for w in narrowed)
    ):
        # Narrowing the others (never below a cap) leaves the capped columns whole.
        return uncapped
    wants = [
        want
        if column.max_width is None
        else max(min(want, column.max_width), column.min_width or 0)
        for want, column in zip(naturals, grid.columns, strict=True)
    ]
    leasts = [min(least, want) for least, want in zip(leasts, wants, strict=True)]
    widths = _narrowed(wants, leasts, room)
    if sum(widths) > room:  # even the longest words do not fit: split them
        widths = _narrowed(widths, [1] * len(widths), room)
    return widths


def _narrowed(widths: list[int], floors: list[int], room: int) -> list[int]:
    """Widths capped at one level (never below a column's floor), the highest level at
    which they fit in `room`; columns cut at the cap share out what is left, left first."""
    if sum(widths) <= room:
        return widths

    def capped_at(cap: int) -> list[int]:
        return [max(floor, min(width, cap)) for width, floor in zip(widths, floors, strict=True)]

    low, high = 0, max(widths)
    while low < high:  # binary search for the highest cap that fits
        middle = (low + high + 1) // 2
        if sum(capped_at(middle)) <= room:
            low = middle
        else:
            high = middle - 1
    narrowed = capped_at(low)
    spare = room - sum(narrowed)
    for index, width in enumerate(widths):
        if spare <= 0:
            break
        if narrowed[index] < width:
            narrowed[index] += 1
            spare -= 1
    return narrowed


def _extent(block: Para) -> tuple[int, int]:
    """The cells the paragraph's widest line and its longest word take, its lead counted."""
    text, lead = _text(block), cell_len(block.marker) + block.indent
    measure = len if text.isascii() else cell_len
    widest = max(map(measure, text.split("\n")))
    return widest + lead, max(map(measure, text.split()), default=0) + lead
