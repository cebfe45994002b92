"""The layout of search results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..blocks import MEASURE, Block, Column, Document, Drawn, Row, para, stack
from .parts import INDENT, cell, flat, indented, ruled, views

if TYPE_CHECKING:
    from ...search import SearchResult


@views.renders("SearchResult")
def _search(view: SearchResult) -> Block:
    title = (("Search: ", ""), (view.query, ""))
    if not view.hits:
        return Document(title, para("No matches for ", (view.query, "strong"), "."))

    def draw(width: int, unicode: bool) -> Block:
        return _search_for(view, width)

    return Document(title, Drawn(draw))


SEARCH_TABLE_WIDTH = 90


def _search_for(view: SearchResult, width: int) -> Block:
    """The hits for an output `width` wide: each snippet cut, at words, to the room its
    column (or, below SEARCH_TABLE_WIDTH, its line) has, around the match (issue 18, item 6)."""
    from ...search import SNIPPET, snippet

    hits = view.hits
    if width >= SEARCH_TABLE_WIDTH:
        others = [
            max(len(hit.kind) for hit in hits),
            max(max(len(hit.name), len(hit.role_id or hit.id)) for hit in hits),
            max(len(hit.field) for hit in hits),
            len("Score"),
        ]
        # 2 a gap, 2 for a terminal's edges; in a narrow column, a few lines' worth.
        room = max(SNIPPET, width - sum(others) - 2 * 4 - 2)
    else:
        room = min(width, MEASURE) - INDENT
    columns = [
        Column("Kind"),
        Column("Match"),
        Column("Where"),
        Column("Snippet"),
        Column("Score", justify="right"),
    ]
    rows: list[Row] = []
    records: list[Block] = []
    for hit in hits:
        ident = hit.role_id or hit.id
        cut = snippet(hit.text, *hit.match, size=room - 2) if hit.text else hit.snippet
        rows.append(
            Row(
                (
                    cell(hit.kind),
                    cell(flat(hit.name, "strong"), "\n", (ident, "id")),
                    cell(flat(hit.field)),
                    cell(flat(cut)),
                    cell(f"{hit.score:.0f}"),
                )
            )
        )
        records += [
            para(
                (hit.name, "strong"),
                "  ",
                (ident, "id"),
                (f"  {hit.kind} · {hit.field} · {hit.score:.0f}", "muted"),
            ),
            indented(flat(cut)),
        ]
    if width >= SEARCH_TABLE_WIDTH:
        return ruled(columns, rows)
    return stack(*records)
