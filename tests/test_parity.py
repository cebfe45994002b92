"""Parity (issue 17, item 3): every view is laid out once, as blocks, and every drawer -
Rich, plain, Markdown, HTML - shows every span of those blocks, so a section cannot vanish
from one format again. Views are captured from real CLI runs."""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.catalogue import Catalogue
from mlroles.render.blocks import (
    DOCUMENT_WIDTH,
    Block,
    Document,
    Drawn,
    Grid,
    Para,
    Responsive,
    Section,
    para,
)
from mlroles.render.export import catalogue_book
from mlroles.render.html import draw_html
from mlroles.render.layout import layout
from mlroles.render.markdown import draw_markdown
from mlroles.render.plain import draw_plain

POSTINGS = Path(__file__).parent / "data" / "postings"
AD = str(POSTINGS / "05-mle-recsys.md")

COMMANDS: list[tuple[str, ...]] = [
    ("list",),
    ("list", "--track", "all"),
    ("show", "ds"),
    ("show", "mle", "--sources"),
    ("show", "research-scientist", "--sources"),
    ("compare", "ds", "mle", "mlops"),
    ("compare", "rs", "re"),
    ("skills",),
    ("skills", "--role", "mle"),
    ("map",),
    ("map", "--me", "swe=3,ml=2", "--role", "ds"),
    ("sources",),
    ("fit", "--swe", "3", "--ml", "2", "--skill", "python=3", "--want", "deployment=5"),
    ("path", "ds", "mle"),
    ("path", "me", "mle", "--swe", "3", "--skill", "python=practitioner"),
    ("search", "airflow"),
    ("search", "zzzqqq"),
    ("triage", AD),
    ("triage", AD, "--swe", "3", "--ml", "2"),
    ("triage", str(POSTINGS)),
]

Drawer = Callable[[Block, int], str]


def paragraphs(block: Block, width: int, document: bool) -> Iterator[Para]:
    """Every paragraph of `block` as a drawer shows it at `width` (a document drawer when
    `document`): the side of a `Responsive` it picks, a `Drawn` drawn for it, grid titles,
    headers and cells, a `Document`'s title only in a document."""
    if isinstance(block, Para):
        yield block
    elif isinstance(block, Grid):
        if block.title:
            yield para(block.title)
        if (block.ruled or block.header) and block.kind in ("table", "tasks"):
            yield from (para(column.header) for column in block.columns if column.header)
        for row in block.rows:
            for cell in row.cells:
                yield from cell
    elif isinstance(block, Responsive):
        wide = document or width >= block.min_width
        yield from paragraphs(block.wide if wide else block.narrow, width, document)
    elif isinstance(block, Drawn):
        yield from paragraphs(block.draw(width, False), width, document)
    elif isinstance(block, Document):
        if document:
            yield para(*block.title)
        yield from paragraphs(block.body, width, document)
    elif isinstance(block, Section):
        yield from paragraphs(block.body, width, document)
    else:
        for part in block.blocks:
            yield from paragraphs(part, width, document)


def _rich(block: Block, width: int) -> str:
    from rich.console import Console

    from mlroles.render.rich_draw import to_rich

    console = Console(file=io.StringIO(), width=width, highlight=False, emoji=False)
    with console.capture() as capture:
        console.print(to_rich(block, console))
    return capture.get()


def _markdown_text(block: Block, width: int) -> str:
    """The Markdown with its escapes undone: the text a reader sees."""
    return re.sub(r"\\(.)", r"\1", draw_markdown(block))


def _html_text(block: Block, width: int) -> str:
    """The HTML's text: tags left out, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", draw_html(block)))


DRAWERS: dict[str, tuple[Drawer, bool]] = {
    "rich": (_rich, False),
    "plain": (draw_plain, False),
    "markdown": (_markdown_text, True),
    "html": (_html_text, True),
}
"""Each drawer as text, and whether it draws a document (documents take a `Responsive`'s
wide side and a `Document`'s title)."""


def _squeezed(text: str) -> str:
    """Text with no whitespace: wrapping may break a span's text anywhere a space was (or,
    for a word longer than its column, anywhere)."""
    return "".join(text.split())


def missing(
    block: Block, drawer: Drawer, document: bool, width: int, wrapped: bool = False
) -> list[str]:
    """The spans of `block` (as `drawer` lays it out at `width`) that its output lacks: a
    text that n spans hold must show at least n times, so that dropping one of several
    spans with the same text ("sources: ") is caught too. With `wrapped` (a table too wide
    for the width, whose cells wrap line by line beside each other), a span that does not
    show whole may show word by word."""
    shown = _squeezed(drawer(block, width))
    wanted: Counter[str] = Counter()
    for paragraph in paragraphs(block, DOCUMENT_WIDTH if document else width, document):
        wanted.update(" ".join(text.split()) for text, _ in paragraph.spans if text.strip())
    return [
        text
        for text, count in wanted.items()
        if shown.count(_squeezed(text)) < count
        and not (wrapped and all(word in shown for word in text.split()))
    ]


@pytest.fixture
def views(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Each command's view, as the command hands it to its renderer."""
    captured: dict[str, object] = {}
    current: list[str] = []

    def capture(view: object, fmt: object) -> None:
        captured[current[0]] = view

    monkeypatch.setattr("mlroles.cli.commands.emit", capture)
    for args in COMMANDS:
        current[:] = [" ".join(args)]
        result = invoke(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert len(captured) == len(COMMANDS)
    return captured


def test_every_drawer_shows_every_span_of_every_view(views: dict[str, object]) -> None:
    kinds = {type(view).__name__ for view in views.values()}
    assert kinds == {
        "RoleListing",
        "RoleProfile",
        "RoleComparison",
        "SkillMap",
        "SkillChart",
        "Bibliography",
        "FitResult",
        "TransitionPlan",
        "SearchResult",
        "Triage",
        "TriageBatch",
    }
    failures = {}
    for command, view in views.items():
        block = layout(view)
        for name, (drawer, document) in DRAWERS.items():
            # 80 columns takes the narrow side of most `Responsive` views; below that, Rich
            # splits a word in a cramped table cell ("Subject-matte / r"), which no text
            # check can follow.
            for width in (DOCUMENT_WIDTH,) if document else (200, 80):
                lost = missing(block, drawer, document, width, wrapped=not document)
                if lost:
                    failures[f"{command} | {name} @{width}"] = lost[:5]
    assert not failures


def test_the_catalogues_book_shows_every_span_in_markdown_and_html(catalogue: Catalogue) -> None:
    """The exports are the same views (issue 17, item 2), drawn by the document drawers."""
    book = catalogue_book(catalogue)
    for drawer in (_markdown_text, _html_text):
        assert missing(book, drawer, True, DOCUMENT_WIDTH) == []


def test_a_drawer_that_drops_a_span_fails_the_parity_check(
    views: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plant the old drift - Markdown leaving out a profile's citations - and the check
    names what went missing; the other drawers still pass."""
    import mlroles.render.markdown as markdown

    block = layout(views["show mle --sources"])
    assert missing(block, _markdown_text, True, DOCUMENT_WIDTH) == []
    drawn = markdown._para

    def without_citations(para: markdown.Para, out: list[str], level: int) -> None:
        if para.kind != "citation":
            drawn(para, out, level)

    monkeypatch.setattr(markdown, "_para", without_citations)
    lost = missing(block, _markdown_text, True, DOCUMENT_WIDTH)
    assert "sources:" in lost
    assert missing(block, draw_plain, False, 200) == []
    assert missing(block, _html_text, True, DOCUMENT_WIDTH) == []
