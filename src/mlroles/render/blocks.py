"""Layout blocks: the table format's output before it is drawn.

The table format lays every view out as these blocks (`table.py`). A terminal gets them
drawn by Rich, in colour (`rich_draw.py`); a pipe or a file gets them as plain text
(`plain.py`) without importing Rich at all, because Rich's import and layout would cost
more than the rest of the run. Styles are Rich style names; plain text ignores them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple, TypeAlias

Span = tuple[str, str]
"""A run of text and its style (`""` for none)."""


class Para(NamedTuple):
    """A paragraph wrapped to the width; a `\\n` in the text starts a new line."""

    spans: tuple[Span, ...]
    indent: int = 0
    marker: str = ""
    """Starts the first line (e.g. "• "); wrapped lines hang under the text, not the marker."""


class Column(NamedTuple):
    header: str = ""
    style: str = ""
    justify: Literal["left", "right"] = "left"
    min_width: int | None = None
    max_width: int | None = None
    """A cap that applies only when the table does not fit at its columns' natural widths."""
    no_wrap: bool = False


class Row(NamedTuple):
    cells: tuple[tuple[Para, ...], ...]
    """One cell per column, each a stack of paragraphs."""
    style: str = ""


class Grid(NamedTuple):
    """Columns of wrapped cells: a titled, ruled table (`ruled`) or a bare layout grid."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    title: str = ""
    ruled: bool = False
    """A header row with a rule under it, as a table; otherwise no header at all."""
    header: bool = False
    """A header row on a bare grid (a ruled table always has one)."""
    gap: int = 2
    """Spaces between columns of a bare grid."""
    indent: int = 0
    separate_rows: bool = False


class Responsive(NamedTuple):
    """`wide` where the width is at least `min_width`, `narrow` (one record a block) below."""

    wide: Block
    narrow: Block
    min_width: int


class Drawn(NamedTuple):
    """Blocks made for the output's width and character set: `draw(width, unicode)`."""

    draw: Callable[[int, bool], Block]


class Stack(NamedTuple):
    blocks: tuple[Block, ...]


Block: TypeAlias = Para | Grid | Responsive | Drawn | Stack

BLANK = Para(())

MEASURE = 100
"""The widest a paragraph of prose is wrapped, however wide the output (issue 18, item 7):
longer lines are hard to read. Tables and drawings still take the whole width."""


def para(*spans: str | Span, indent: int = 0, marker: str = "") -> Para:
    """A paragraph from plain strings and (text, style) pairs."""
    return Para(
        tuple((s, "") if isinstance(s, str) else s for s in spans), indent=indent, marker=marker
    )


def stack(*blocks: Block) -> Stack:
    return Stack(blocks)


def plain_text(block: Para) -> str:
    """The paragraph's text without its styles."""
    return "".join(text for text, _ in block.spans)
