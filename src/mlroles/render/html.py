"""Layout blocks drawn as HTML, and the catalogue as one self-contained page built from the
same views a terminal shows: no scripts, no external assets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..textsafe import visible, xml_text
from . import counted
from .blocks import (
    DOCUMENT_WIDTH,
    Block,
    Column,
    Document,
    Drawn,
    Grid,
    Para,
    Responsive,
    Span,
    colon_inside,
    kind_of,
    plain_text,
)

if TYPE_CHECKING:
    from ..catalogue import Catalogue

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


def draw_html(block: Block, level: int = 1) -> str:
    """`block` as HTML, its title (if any) an `<h{level}>`, its sections' headings one
    level down."""
    out: list[str] = []
    _draw(block, out, level)
    return "\n".join(out) + "\n"


def _draw(block: Block, out: list[str], level: int) -> None:
    if isinstance(block, Para):
        _para(block, out, level)
    elif isinstance(block, Grid):
        _grid(block, out, level)
    elif isinstance(block, Responsive):
        _draw(block.wide, out, level)
    elif isinstance(block, Drawn):
        _draw(block.draw(DOCUMENT_WIDTH, False), out, level)
    elif isinstance(block, Document):
        out.append(f"<h{level}>{inline(block.title)}</h{level}>")
        _draw(block.body, out, level)
    else:
        for part in block.blocks:
            _draw(part, out, level)


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


def _cell(paras: Sequence[Para], column: Column) -> str:
    return "<br>".join(_text(p.marker) + inline(p.spans, column.kind) for p in paras if p.spans)


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
            parts = [_cell(cell, grid.columns[i]) for i, cell in enumerate(row.cells)]
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
            f"<td>{_cell(row.cells[i] if i < len(row.cells) else (), column)}</td>"
            for i, column in enumerate(grid.columns)
        )
        focus = ' class="focus"' if row.kind == "focus" else ""
        lines.append(f"<tr{focus}>{cells}</tr>")
    lines.append("</table>")
    out.append("\n".join(lines))


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1em;color:#222}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
h3{margin-top:1.6em}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.cite,.muted{color:#777;font-size:.9em}.group{font-style:italic}
nav a{margin-right:1em}section.role{border-left:4px solid #9ab;padding-left:1em}
tr.focus{background:#ffd}pre{font-size:12px;overflow-x:auto}
"""


def export_html(catalogue: Catalogue, chart_svg: str | None = None) -> str:
    """The whole catalogue as one page: the role list, the skill map, every profile (with
    its citations, each a link to its source), every comparison the sources make, and the
    sources, each drawn from the view a terminal shows."""
    from ..compare import compare_roles
    from ..models import Track
    from ..skillmap import build_skill_map
    from ..views import bibliography, role_listing, role_profile
    from .layout import layout

    def section(anchor: str, view: object) -> str:
        return f'<section id="{anchor}">\n{draw_html(layout(view), 2)}</section>'

    profiles = [
        f'<section class="role" id="role-{xml_text(role.id)}">\n'
        f"{draw_html(layout(role_profile(catalogue, role, show_citations=True)), 3)}</section>"
        for role in catalogue.roles
    ]
    contrasts = [
        draw_html(layout(compare_roles(catalogue, [catalogue.role(r) for r in contrast.roles])), 3)
        for contrast in catalogue.contrasts
    ]
    chart = f'<figure class="chart">{chart_svg}</figure>' if chart_svg else ""
    cited = ", ".join(
        f'<a href="#source-{xml_text(s.id)}">{_text(s.label)}</a>' for s in catalogue.sources
    )
    about = (
        "What each role does, produces, needs and uses, paraphrased from "
        f"{counted(len(catalogue.sources), 'source')} ({cited}) and cited."
    )
    body = "\n".join(
        [
            "<h1>Machine-learning job roles</h1>",
            f"<p>{about}</p>",
            '<nav><a href="#roles">Roles</a><a href="#skill-map">Skill map</a>',
            '<a href="#profiles">Profiles</a><a href="#contrasts">Contrasts</a>',
            '<a href="#sources">Sources</a></nav>',
            section("roles", role_listing(catalogue, tuple(Track))),
            f'<section id="skill-map">\n{chart}',
            draw_html(layout(build_skill_map(catalogue, catalogue.roles)), 2) + "</section>",
            '<h2 id="profiles">Profiles</h2>',
            *profiles,
            '<h2 id="contrasts">What the sources compare</h2>',
            *contrasts,
            section("sources", bibliography(catalogue)),
        ]
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlroles: machine-learning job roles</title>
<style>{_CSS}</style>
</head>
<body>
{body}
</body>
</html>
"""
