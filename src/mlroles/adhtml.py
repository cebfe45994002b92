"""A job ad saved as a web page, read as the posting it holds.

People save postings from a browser or fetch them with `curl`. Read as text, the page's
tags, scripts and menus would drown the ad, and it would have no title line. So a page is
turned into the text `adreading` expects: the title on the first line, then the ad, one
block (a paragraph, a heading, a list item as a bullet) per line.

When the page carries the schema.org `JobPosting` that job boards embed for search engines
(JSON-LD), its title and description are the ad: nothing else on the page is. Otherwise
the title is the page's first `<h1>` (or its `<title>`), and the ad is the visible text of
its body, without scripts, styles, navigation, forms or buttons.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

# A page starts with one of these (after spaces); a text ad never does.
_PAGE_START = re.compile(
    r"\A\s*(?:<|&lt;)(?:!doctype\s+html|html|head|body|div|section|article|main|p|h[1-6]|ul"
    r"|ol|table|span|meta|title|!--)(?:[\s>/]|&gt;)",
    re.IGNORECASE,
)
# A job board's API gives the posting's HTML escaped ("&lt;p&gt;…"), as `jq -r .content`
# prints it.
_ESCAPED_START = re.compile(r"\A\s*&lt;", re.IGNORECASE)
_BLOCKS = frozenset(
    re.findall(
        r"\S+",
        """p div section article main header footer aside ul ol li dl dt dd table thead tbody tr
    td th h1 h2 h3 h4 h5 h6 br hr blockquote pre figure figcaption address details summary
    title""",
    )
)
_HIDDEN = frozenset(
    re.findall(
        r"\S+", "script style noscript template svg head nav form button select option iframe"
    )
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_JSON_DEPTH = 8  # how deep in a JSON-LD document a JobPosting is looked for


def looks_like_html(text: str) -> bool:
    """Whether the text is a web page or a fragment of one, not a text ad."""
    return _PAGE_START.match(text) is not None


def page_text(page: str) -> str:
    """The ad a web page holds, as lines of text: its title first."""
    if _ESCAPED_START.match(page):
        page = unescape(page)
    reader = _read(page)
    if reader is None:  # a page too broken to parse: its text between the tags
        return _lines(re.sub(r"<[^>]*>", "\n", page))
    posting = _job_posting(reader.json_ld)
    if posting is not None:
        title, description = posting
        if "<" in description:
            described = _read(description)
            description = described.text() if described else re.sub(r"<[^>]*>", "\n", description)
        return _lines(f"{title}\n{description}")
    title = reader.heading or reader.title
    body = _lines(reader.text())
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    return _lines(body)


def _read(page: str) -> _PageReader | None:
    reader = _PageReader()
    try:
        reader.feed(page)
        reader.close()
    except (ValueError, AssertionError, RecursionError):
        return None
    return reader


def _lines(text: str) -> str:
    """One block per line, spaces tidied, no blank lines."""
    return "\n".join(line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line)


class _PageReader(HTMLParser):
    """The visible text of a page's body, the first `<h1>`, the `<title>`, and the text of
    its JSON-LD scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open tags whose content is not the ad
        self._open_hidden: dict[str, int] = {}  # how many of each are open, to close in O(1)
        self.json_ld: list[str] = []
        self.title = ""
        self.heading = ""
        self._in: str | None = None  # "title", "h1" or "json" while inside one
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and any(
            name == "type" and (value or "").strip().lower() == "application/ld+json"
            for name, value in attrs
        ):
            self._in = "json"
            self.json_ld.append("")
        elif tag == "title" and not self.title:
            self._in = "title"
        if tag in _HIDDEN:
            self.hidden.append(tag)
            self._open_hidden[tag] = self._open_hidden.get(tag, 0) + 1
            return
        if self.hidden:
            return
        if tag == "h1" and not self.heading:
            self._in = "h1"
        if tag == "pre":
            self._pre += 1
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if (tag, self._in) in (("script", "json"), ("title", "title"), ("h1", "h1")):
            self._in = None
        if self.hidden:
            if self._open_hidden.get(tag):  # close it and whatever was left open inside it
                while (top := self.hidden.pop()) != tag:
                    self._open_hidden[top] -= 1
                self._open_hidden[tag] -= 1
            return
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCKS or tag in _HEADINGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in == "json":
            self.json_ld[-1] += data
            return
        if self._in == "title":
            self.title += data
        if self.hidden:
            return
        if self._in == "h1":
            self.heading += data
        self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        return "".join(self.parts)

    def close(self) -> None:
        super().close()
        self.title = " ".join(self.title.split())
        self.heading = " ".join(self.heading.split())


def _job_posting(scripts: list[str]) -> tuple[str, str] | None:
    """The title and description of the first JobPosting in the page's JSON-LD."""
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        found = _find_posting(data, _JSON_DEPTH)
        if found is not None:
            return found
    return None


def _find_posting(node: Any, depth: int) -> tuple[str, str] | None:
    if depth <= 0:
        return None
    if isinstance(node, list):
        for item in node:
            found = _find_posting(item, depth - 1)
            if found is not None:
                return found
        return None
    if not isinstance(node, dict):
        return None
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    description = node.get("description")
    if "JobPosting" in kinds and isinstance(description, str) and description.strip():
        title = node.get("title")
        # Some boards escape the description's HTML once more: "&lt;p&gt;".
        if "<" not in description and "&lt;" in description:
            description = unescape(description)
        return (title.strip() if isinstance(title, str) else ""), description
    return _find_posting(node.get("@graph"), depth - 1)
