"""Layout blocks drawn as HTML (for the catalogue's page, `export.export_html`): headings,
paragraphs, lists and tables; each citation links to its source's entry, each role named
to its profile."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..textsafe import visible, xml_text
from .blocks import Block, Grid, Open, Para, Span, colon_inside, document, kind_of, plain_text

_STRONG = {"strong", "name", "focus", "warning", "score"}


def _text(text: str) -> str:
    """Text for an HTML text node: flattened, controls shown (`visible`), escaped."""
    return xml_text(" ".join(visible(text).split())).replace("&#x27;", "'").replace("&quot;", '"')


def _span(text: str, kind: str) -> str:
    name, target = kind_of(kind)
    core = text.strip()
    body = _text(core)
    if not core:
        return " " if text else ""
    if name in ("id", "key"):
        body = f"<code>{body}</code>"
    elif name in _STRONG:
        body = f"<strong>{body}</strong>"
    elif name in ("muted", "group"):
        body = f'<span class="{name}">{body}</span>'
    where, _, anchor = target.partition(":")
    if where in ("role", "source") and name != "key":  # a key is the link's target
        body = f'<a href="#{where}-{xml_text(anchor)}">{body}</a>'
    lead = " " if text[:1].isspace() else ""
    return lead + body + (" " if text[-1:].isspace() else "")


def inline(spans: Iterable[Span], default: str = "") -> str:
    return "".join(
        "<br>".join(_span(line, kind or default) for line in text.split("\n"))
        for text, kind in colon_inside(tuple(spans), _STRONG)
    ).strip()


def draw_html(block: Block) -> str:
    """`block` as HTML: a view's title an `<h1>` (one level down in each `Section`), its
    sections' headings one level below the title."""
    out: list[str] = []
    for piece, level in document(block):
        if isinstance(piece, Para):
            _para(piece, out, level)
        elif isinstance(piece, Grid):
            _grid(piece, out, level)
        elif isinstance(piece, Open):
            out.append(f'<section id="{xml_text(piece.anchor)}">' if piece.anchor else "<section>")
        else:
            out.append("</section>")
    return "\n".join(out) + "\n"


def _heading(block: Para, level: int) -> str:
    """A heading, with the anchor of the source it introduces (`#source-ID`)."""
    anchors = [kind_of(kind)[1] for _, kind in block.spans if kind.startswith("key:")]
    where = f' id="{xml_text(anchors[0].replace(":", "-", 1))}"' if anchors else ""
    return f"<h{level}{where}>{inline(block.spans)}</h{level}>"


def _para(block: Para, out: list[str], level: int) -> None:
    if not block.spans:
        return
    previous = out[-1] if out else ""
    if block.kind == "citation":
        note = f'<span class="cite">({inline(block.spans)})</span>'
        for end in ("</li></ul>", "</p>"):
            if previous.endswith(end):
                out[-1] = previous[: -len(end)] + " " + note + end
                return
        out.append(f"<p>{note}</p>")
    elif block.kind == "title":
        out.append(_heading(block, level))
    elif block.kind == "heading":
        out.append(_heading(block, level + 1))
    elif block.kind == "item" or block.marker:
        item = f"<li>{inline(block.spans)}</li></ul>"
        if previous.endswith("</li></ul>"):
            out[-1] = previous.removesuffix("</ul>") + "\n" + item
        else:
            out.append("<ul>" + item)
    elif block.kind == "pre":
        line = xml_text(visible(plain_text(block)).rstrip())
        if previous.endswith("</pre>"):
            out[-1] = previous.removesuffix("</pre>") + "\n" + line + "</pre>"
        else:
            out.append(f"<pre>{line}</pre>")
    else:
        out.append(f"<p>{inline(block.spans)}</p>")


def _cell(paras: Sequence[Para], kind: str) -> str:
    return "<br>".join(_text(p.marker) + inline(p.spans, kind) for p in paras if p.spans)


def _grid(grid: Grid, out: list[str], level: int) -> None:
    if grid.title:
        out.append(f"<h{level + 1}>{_text(grid.title)}</h{level + 1}>")
    if grid.kind == "entries":
        entries = [inline(p.spans) for row in grid.rows for cell in row.cells for p in cell]
        out.append("<ul>" + "".join(f"<li>{e}</li>" for e in entries if e) + "</ul>")
        return
    if grid.kind == "list":
        items = []
        for row in grid.rows:
            parts = [_cell(cell, grid.columns[i].kind) for i, cell in enumerate(row.cells)]
            if parts and grid.columns[0].kind == "strong" and parts[0]:
                parts[0] = parts[0].replace("</strong>", ":</strong>", 1)
            items.append("<li>" + " ".join(p for p in parts if p) + "</li>")
        out.append("<ul>" + "".join(items) + "</ul>")
        return
    lines = ["<table>"]
    if grid.ruled or grid.header:
        lines.append(
            "<tr>" + "".join(f"<th>{_text(c.header)}</th>" for c in grid.columns) + "</tr>"
        )
    for row in grid.rows:
        cells = "".join(
            f"<td>{_cell(row.cells[i] if i < len(row.cells) else (), column.kind)}</td>"
            for i, column in enumerate(grid.columns)
        )
        focus = ' class="focus"' if row.kind == "focus" else ""
        lines.append(f"<tr{focus}>{cells}</tr>")
    lines.append("</table>")
    out.append("\n".join(lines))
