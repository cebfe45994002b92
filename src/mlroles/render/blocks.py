"""Layout blocks: every view laid out once, as what each piece *is*, before it is drawn.

A view is laid out as these blocks (`layout/`, one module a family of views); four drawers
turn them into output: Rich for a terminal (`rich_draw.py`), plain text for a pipe or a file
(`plain.py`, which never imports Rich: its import and layout would cost more than the rest
of the run), Markdown (`markdown.py`) and HTML (`html.py`). Blocks carry meaning (a heading,
a citation, a list item, a table with a header, a link to a role); each drawer decides how
that looks, so a fix to a view's layout reaches every format at once.
`tests/test_parity.py` checks that every drawer shows every span of every view.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Literal, NamedTuple, TypeAlias

Span = tuple[str, str]
"""A run of text and its kind (`""` for ordinary text).

Kinds: `strong` (a label, something to notice), `muted` (secondary detail), `heading`,
`name` (the role, or person, a view is about), `id`, `key` (an id over its own entry),
`answer` (what a question came out as: the role an ad reads as),
`citation`, `group` (a group label inside a table, not a row of data), `region` (a named
area of a chart), `focus` (what the user asked to highlight), `marker` (a chart's number
for a role), `warning`, `score`, `variant`, and a level's name (`awareness`, `working`,
`practitioner`, `expert`). A kind may name what the text links to after a colon:
`id:role:ml-engineer`, `citation:source:howell-top-ml-roles`, or `:role:ml-engineer` for
ordinary text that links to the role."""

ParaKind = Literal["text", "title", "heading", "item", "citation", "pre"]
"""`title`: the view's first line, a document's title; `heading`: a section's; `item`: a
list item (its `marker` starts it); `citation`: the sources of what comes before it;
`pre`: a line of a picture, drawn as it is (never wrapped or reflowed)."""


class Para(NamedTuple):
    """A paragraph wrapped to the width; a `\\n` in the text starts a new line."""

    spans: tuple[Span, ...]
    indent: int = 0
    marker: str = ""
    """Starts the first line (e.g. "• "); wrapped lines hang under the text, not the marker."""
    kind: ParaKind = "text"


class Column(NamedTuple):
    header: str = ""
    kind: str = ""
    """The span kind of the whole column (`strong` for a column of labels)."""
    justify: Literal["left", "right"] = "left"
    min_width: int | None = None
    max_width: int | None = None
    """A cap that applies only when the table does not fit at its columns' natural widths."""
    no_wrap: bool = False


class Row(NamedTuple):
    cells: tuple[tuple[Para, ...], ...]
    """One cell per column, each a stack of paragraphs."""
    kind: str = ""
    """`focus`: the row the user asked to highlight."""


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
    kind: Literal["table", "list", "entries", "tasks"] = "table"
    """`table`: data in rows and columns everywhere. `list`: each row one entry (labelled
    details), and `entries`: each cell one entry (a legend), laid out in columns on a
    terminal but a list in a document. `tasks`: a table on a terminal, a checklist in
    Markdown (each row a task, the other cells in brackets after it, by their headers)."""


class Responsive(NamedTuple):
    """`wide` where the width is at least `min_width`, `narrow` (one record a block) below.
    Documents (Markdown, HTML) get `wide`: a reader's window reflows it."""

    wide: Block
    narrow: Block
    min_width: int


class Drawn(NamedTuple):
    """Blocks made for the output's width and character set: `draw(width, unicode)`."""

    draw: Callable[[int, bool], Block]


class Stack(NamedTuple):
    blocks: tuple[Block, ...]


class Document(NamedTuple):
    """A view with a title of its own in a document (`# title`, `<h1>`); a terminal shows
    only the body, since the command that was typed says what it is."""

    title: tuple[Span, ...]
    body: Block


class Section(NamedTuple):
    """A part of a document, one level down, that others may link to (`#role-ml-engineer`):
    each profile in the catalogue's book. Only a document shows that it is one."""

    anchor: str
    body: Block


Block: TypeAlias = Para | Grid | Responsive | Drawn | Stack | Document | Section

BLANK = Para(())

MEASURE = 100
"""The widest a paragraph of prose is wrapped, however wide the output (issue 18, item 7):
longer lines are hard to read. Tables and drawings still take the whole width."""

DOCUMENT_WIDTH = 100
"""The width a `Drawn` block is drawn at for a document (wide enough for its table form)."""


def para(*spans: str | Span, indent: int = 0, marker: str = "", kind: ParaKind = "text") -> Para:
    """A paragraph from plain strings and (text, kind) pairs."""
    return Para(
        tuple((s, "") if isinstance(s, str) else s for s in spans),
        indent=indent,
        marker=marker,
        kind=kind,
    )


def stack(*blocks: Block) -> Stack:
    return Stack(blocks)


def plain_text(block: Para) -> str:
    """The paragraph's text without its kinds."""
    return "".join(text for text, _ in block.spans)


def bracketed(text: str, kind: str) -> str:
    """A group label in a table, "[shared]", as a pipe and a terminal show it: without
    italics (a pipe, NO_COLOR) it read as one more skill (issue 17)."""
    return f"[{text}]" if kind == "group" else text


def colon_inside(spans: Sequence[Span], strong: Collection[str]) -> list[Span]:
    """A strong label's colon moved inside it ("**Goal:** text", not "**Goal**: text"),
    as documents write a label."""
    out = list(spans)
    for index in range(len(out) - 1):
        (text, kind), (after, after_kind) = out[index], out[index + 1]
        if kind_of(kind)[0] in strong and after.startswith(":") and not text.endswith(":"):
            out[index], out[index + 1] = (text + ":", kind), (after[1:], after_kind)
    return out


def kind_of(kind: str) -> tuple[str, str]:
    """A span kind split into what the text is and what it links to: `("id", "role:x")`."""
    name, _, target = kind.partition(":")
    return name, target


def shown(
    block: Block, width: int, unicode: bool, measure: int | None = MEASURE
) -> Iterator[tuple[Para | Grid, int | None]]:
    """`block`'s pieces in order as an output `width` wide shows them (a terminal or a
    pipe), each with the widest its prose may be wrapped (None: not prose): a `Responsive`
    as the side that fits, a `Drawn` block drawn for the width (in Unicode or not), a
    `Document` or `Section` as its body (the command that was typed names it)."""
    if isinstance(block, (Para, Grid)):
        yield block, measure
    elif isinstance(block, Responsive):
        side = block.wide if width >= block.min_width else block.narrow
        yield from shown(side, width, unicode, measure)
    elif isinstance(block, Drawn):
        yield from shown(block.draw(width, unicode), width, unicode, None)
    elif isinstance(block, (Document, Section)):
        yield from shown(block.body, width, unicode, measure)
    else:
        for part in block.blocks:
            yield from shown(part, width, unicode, measure)


class Open(NamedTuple):
    """Where a `Section` starts in a document."""

    anchor: str


class Close(NamedTuple):
    anchor: str


def document(block: Block, level: int = 1) -> Iterator[tuple[Para | Grid | Open | Close, int]]:
    """`block`'s pieces in order as a document shows them, each with the level of the title
    it falls under: a `Responsive` as its wide side (a reader's window reflows it), a
    `Drawn` drawn at DOCUMENT_WIDTH, a `Document`'s title as a title paragraph, a `Section`
    one level down, between its `Open` and `Close`."""
    if isinstance(block, (Para, Grid)):
        yield block, level
    elif isinstance(block, Responsive):
        yield from document(block.wide, level)
    elif isinstance(block, Drawn):
        yield from document(block.draw(DOCUMENT_WIDTH, False), level)
    elif isinstance(block, Document):
        yield Para(block.title, kind="title"), level
        yield from document(block.body, level)
    elif isinstance(block, Section):
        yield Open(block.anchor), level
        yield from document(block.body, level + 1)
        yield Close(block.anchor), level
    else:
        for part in block.blocks:
            yield from document(part, level)
