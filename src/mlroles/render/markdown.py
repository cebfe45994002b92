"""Layout blocks drawn as Markdown: documents a person can paste into notes or a wiki.

The views are the ones a terminal shows (`layout/`), so a fix to a layout reaches this
format too. Headings become `#`/`##`, list items `-`, tables pipe tables, a citation an
italic note after what it cites, a picture a fenced block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..textsafe import visible
from .blocks import Block, Grid, Para, Span, colon_inside, document, kind_of, plain_text

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~])")
# What would start a list if the text began a line: "1986. was a year", "- item", "+ item".
_LIST_START = re.compile(r"^(?:(\d+)(?=[.)])|(?=[-+]))")
_STRONG = {"strong", "name", "focus", "warning", "score"}
_PLAIN_ID = re.compile(r"[\w.\-]+")
"""An id safe in a code span (no backtick or `|` to end it or a table cell); others escaped."""


def md(text: str) -> str:
    """Escape text so Markdown shows it literally (and a table cell stays one cell): its
    syntax characters, `&` (an entity), a leading list marker, and controls (`visible`)."""
    flat = " ".join(visible(text).split())
    return _LIST_START.sub(r"\1\\", _SPECIAL.sub(r"\\\1", flat))


def _escaped(text: str) -> str:
    """`text` escaped like `md`, keeping one space at either end (spans are joined)."""
    inner = _SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))
    if not inner:
        return " " if text[:1].isspace() else ""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() else ""
    return lead + inner + tail


def _span(text: str, kind: str, heading: bool = False) -> str:
    name, _ = kind_of(kind)
    if heading and name in _STRONG:  # a heading is strong already
        name = ""
    core = text.strip()
    if not core:
        return _escaped(text)
    if name in ("id", "key") and _PLAIN_ID.fullmatch(core):
        out = f"`{visible(core)}`"
    elif name in _STRONG:
        out = f"**{_escaped(core).strip()}**"
    elif name == "group":
        out = f"_{_escaped(core).strip()}_"
    else:
        return _escaped(text)
    lead = " " if text[:1].isspace() else ""
    return lead + out + (" " if text[-1:].isspace() else "")


def inline(
    spans: Iterable[Span], default: str = "", newline: str = "  \n", heading: bool = False
) -> str:
    """Spans as one line of Markdown; a `\\n` in a span becomes `newline`."""
    out = []
    for text, kind in colon_inside(tuple(spans), _STRONG):
        lines = text.split("\n")
        out.append(newline.join(_span(line, kind or default, heading) for line in lines))
    line = "".join(out).strip(" ")
    return _LIST_START.sub(r"\1\\", line)


def draw_markdown(block: Block) -> str:
    """`block` as a Markdown document, ending in a newline."""
    out = _Lines()
    for piece, level in document(block):
        if isinstance(piece, Para):
            _para(piece, out, level)
        elif isinstance(piece, Grid):
            _grid(piece, out, level)
    return "\n".join(out).strip("\n") + "\n"


def _start(out: list[str], chunk: str) -> None:
    """A new Markdown block: a blank line before it, unless it is the first."""
    if out:
        out.append("")
    out.append(chunk)


class _Lines(list[str]):
    """The document's Markdown blocks so far, and the indent of the list being written
    (an item indented further is nested under the one before it)."""

    list_indent = 0


def _para(block: Para, out: _Lines, level: int) -> None:
    if not block.spans:
        return
    previous = out[-1] if out else ""
    if block.kind == "citation":
        note = "_(" + inline(block.spans) + ")_"
        if previous and not previous.startswith(("#", "|", "```")):
            out[-1] += " " + note  # right after what it cites: an item or a paragraph
        else:
            _start(out, note)
    elif block.kind in ("title", "heading"):
        # Muted detail after a heading's text ("(ml-engineer, production)") goes under it.
        head = [s for s in block.spans if kind_of(s[1])[0] != "muted"]
        detail = [s for s in block.spans if kind_of(s[1])[0] == "muted"]
        hashes = "#" * (level + (block.kind == "heading"))
        _start(out, f"{hashes} {inline(head, heading=True)}")
        if detail:
            _start(out, inline(detail))
    elif block.kind == "item" or block.marker:
        in_list = previous.lstrip().startswith("- ")
        if not in_list:
            out.list_indent = block.indent
        nested = "  " if block.indent > out.list_indent else ""  # under the item before it
        item = nested + "- " + inline(block.spans)
        if in_list:
            out.append(item)
        else:
            _start(out, item)
    elif block.kind == "pre":
        line = visible(plain_text(block)).rstrip()
        if previous == "```":  # the picture goes on: reopen its fence
            out[-1] = line
        else:
            _start(out, "```")
            out.append(line)
        out.append("```")
    else:
        _start(out, inline(block.spans))


def _cell(paras: Sequence[Para], kind: str) -> str:
    return "<br>".join(
        (p.marker if p.marker else "") + inline(p.spans, kind, "<br>") for p in paras
    )


def _grid(grid: Grid, out: list[str], level: int) -> None:
    if grid.title:
        _start(out, "#" * (level + 1) + " " + md(grid.title))
    if grid.kind == "entries":
        entries = [inline(p.spans) for row in grid.rows for cell in row.cells for p in cell]
        _start(out, "\n".join("- " + entry for entry in entries if entry))
        return
    if grid.kind == "list":
        _list(grid, out)
        return
    if grid.kind == "tasks":
        _tasks(grid, out)
        return
    shown = grid.ruled or grid.header
    header = [md(c.header) if shown else "" for c in grid.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(grid.columns)]
    for row in grid.rows:
        cells = [
            _cell(row.cells[i] if i < len(row.cells) else (), column.kind)
            for i, column in enumerate(grid.columns)
        ]
        lines.append("| " + " | ".join(cells) + " |")
    _start(out, "\n".join(lines))


def _tasks(grid: Grid, out: list[str]) -> None:
    """A checklist: "- [ ] Python (Now: working, Needed: expert, Gap: +2)"."""
    items = []
    for row in grid.rows:
        task, *rest = (_cell(c, col.kind) for c, col in zip(row.cells, grid.columns, strict=True))
        labels = (md(column.header) for column in grid.columns[1:])
        known = [f"{label}: {text}" for label, text in zip(labels, rest, strict=True) if text]
        items.append(f"- [ ] {task}" + (f" ({', '.join(known)})" if known else ""))
    _start(out, "\n".join(items))


def _list(grid: Grid, out: list[str]) -> None:
    """A list grid: one item a row, its label (a `strong` first column) ending in a colon."""
    items: list[str] = []
    for row in grid.rows:
        parts = []
        for index, cell in enumerate(row.cells):
            column = grid.columns[index]
            text = "; ".join(inline(p.spans, newline=" ") for p in cell if p.spans)
            if not text:
                continue
            if index == 0 and column.kind == "strong":
                text = f"**{text.rstrip(':')}:**"
            parts.append(text)
        if parts:
            items.append("- " + " ".join(parts))
    if items:
        _start(out, "\n".join(items))


def render_markdown(view: object) -> str:
    """`view` laid out (`layout`) and drawn as Markdown."""
    from .layout import layout

    return draw_markdown(layout(view))
