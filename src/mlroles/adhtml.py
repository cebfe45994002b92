"""A job ad saved as a web page, read as the posting it holds.

People save postings from a browser or fetch them with `curl`. Read as text, the page's
tags, scripts and menus would drown the ad, and it would have no title line. So a page is
turned into the text `adreading` expects: the title on the first line, then the ad, one
block (a paragraph, a heading, a list item as a bullet) per line.

When the page carries the schema.org `JobPosting` that job boards embed for search engines
(JSON-LD), its title and description are the ad: nothing else on the page is. Otherwise
the title is the page's first `<h1>` (or its `<title>`), and the ad is the visible text of
its body, without scripts, styles, navigation, buttons or drop-down lists.

The page is read by a small tokenizer of our own rather than `html.parser`, whose `close()`
takes quadratic time on some unfinished tags in the Python versions this package supports
(a 256 KiB page of `<a ` took minutes): every step here moves forward, so time is linear.
"""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

# The first thing in a page (after spaces): a tag, a comment, a declaration.
_TAG_START = re.compile(r"\A\s*(?:<|&lt;)[!?A-Za-z]")
# A page proper announces itself; a fragment shows it by its tags (a Markdown ad may open
# with one comment or one `<div align=center>`, and is not a page for that).
_PAGE_OPENING = re.compile(r"(?:<|&lt;)(?:!doctype\s+html|html|\?xml|head|body)\b", re.IGNORECASE)
_OPENING_REACH = 2_000  # characters in which a page names itself (after comments, a BOM)
_BLOCK_TAGS = re.compile(r"</(?:p|li|div|h[1-6]|ul|ol|tr|td|section)\s*>|<br\s*/?>", re.IGNORECASE)
_FRAGMENT_TAGS = 3
# A job board's API gives the posting's HTML escaped ("&lt;p&gt;…"), as `jq -r .content`
# prints it.
_ESCAPED_START = re.compile(r"\A\s*&lt;", re.IGNORECASE)
_TAG = re.compile(r"(/?)([A-Za-z][A-Za-z0-9:-]*)")
_ATTRIBUTE = re.compile(r"""([A-Za-z_:][-\w:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_BLOCKS = frozenset(
    re.findall(
        r"\S+",
        """p div section article main header footer aside ul ol li dl dt dd table thead tbody
        tr td th h1 h2 h3 h4 h5 h6 br hr blockquote pre figure figcaption address details
        summary form fieldset""",
    )
)
# Elements whose content is not the ad. (Not `head`: browsers end it at the first body
# tag when `</head>` is left out; its visible-looking parts are handled one by one.)
_HIDDEN = frozenset(
    re.findall(r"\S+", "noscript template svg math nav button select option datalist iframe")
)
# Elements whose content is raw text up to their end tag.
_RAW = frozenset({"script", "style", "title", "textarea"})
_VOID = frozenset(
    re.findall(r"\S+", "br hr img input meta link area base col embed source track wbr param")
)
_JSON_DEPTH = 8  # how deep in a JSON-LD document a JobPosting is looked for
_JSON_NODES = 10_000  # how many of its nodes are looked at, at most


def looks_like_html(text: str) -> bool:
    """Whether the text is a web page or a fragment of one, not a text ad."""
    if not _TAG_START.match(text):
        return False
    if _PAGE_OPENING.search(text, 0, _OPENING_REACH):
        return True
    head = unescape(text[:20_000]) if _ESCAPED_START.match(text) else text[:20_000]
    tags = len(_BLOCK_TAGS.findall(head))
    # A fragment on one line ("<p>Data Engineer</p>") is markup, whatever its length.
    return tags >= _FRAGMENT_TAGS or (tags > 0 and "\n" not in text.strip())


def page_text(page: str) -> str:
    """The ad a web page holds, as lines of text: its title first."""
    if _ESCAPED_START.match(page):
        page = unescape(page)
    reader = _PageReader(page)
    posting = _job_posting(reader.json_ld)
    if posting is not None:
        title, description = posting
        body = _PageReader(description).text() if "<" in description else description
        return _lines(f"{title or reader.heading or reader.title}\n{body}")
    title = reader.heading or reader.title
    lines = _lines(reader.text()).split("\n")
    if reader.heading and reader.heading in lines:  # the title goes first, and only there
        lines.remove(reader.heading)
    return _lines("\n".join([title, *lines]))


def _lines(text: str) -> str:
    """One block per line, spaces tidied, no blank lines."""
    return "\n".join(line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line)


class _PageReader:
    """The visible text of a page, its first `<h1>`, its `<title>` and its JSON-LD."""

    def __init__(self, page: str) -> None:
        self.parts: list[str] = []
        self.json_ld: list[str] = []
        self.title = ""
        self.heading = ""
        self._open: list[str] = []  # open elements, innermost last
        self._counts: dict[str, int] = {}  # how many of each are open
        self._hidden = 0  # how many of the open elements hide their content
        self._pre = 0
        self._bullet = False  # a list item has opened and its text has not come yet
        self._h1: list[str] | None = None  # the first h1's text, while inside it
        self._read(page, page.lower())

    def text(self) -> str:
        return "".join(self.parts)

    def _read(self, page: str, lower: str) -> None:
        at, end = 0, len(page)
        while at < end:
            lt = page.find("<", at)
            if lt < 0:
                self._data(page[at:])
                return
            self._data(page[at:lt])
            if page.startswith("<!--", lt):
                close = page.find("-->", lt + 4)
                at = end if close < 0 else close + 3
                continue
            following = page.find("<", lt + 1)
            limit = end if following < 0 else following
            gt = page.find(">", lt + 1, limit)
            if gt < 0:  # a "<" that opens no tag is text
                self._data("<")
                at = lt + 1
                continue
            inside = page[lt + 1 : gt]
            at = gt + 1
            if inside[:1] in ("!", "?"):  # a declaration, a processing instruction
                continue
            match = _TAG.match(inside)
            if match is None:
                self._data(page[lt:at])
                continue
            name = match.group(2).lower()
            if match.group(1):
                self._end(name)
            elif name in _RAW:
                close = lower.find(f"</{name}", at)
                content = page[at : end if close < 0 else close]
                self._raw(name, inside, content, complete=close >= 0)
                if close < 0:
                    return
                after = page.find(">", close)
                at = end if after < 0 else after + 1
            else:
                self._start(name, self_closing=inside.rstrip().endswith("/"))

    def _raw(self, name: str, inside: str, content: str, *, complete: bool) -> None:
        if name == "script":
            attributes = _ATTRIBUTE.findall(inside[len(name) :])
            kind = {key.lower(): (value or "").strip("\"'") for key, value in attributes}.get(
                "type", ""
            )
            if kind.strip().lower().startswith("application/ld+json"):
                self.json_ld.append(content)
        elif name == "title" and complete and not self.title and not self._hidden:
            self.title = " ".join(unescape(content).split())

    def _start(self, name: str, *, self_closing: bool) -> None:
        if name in ("li", "option", "p") and self._open and self._open[-1] == name:
            self._close_to(name)  # an item or paragraph ends where the next begins
        if name == "br" and self._h1 is not None:  # a line break inside the title
            self._h1.append(" ")
            self.parts.append(" ")
        elif name in _BLOCKS:
            self.parts.append("\n")
        if name == "li":
            self._bullet = True
        if name == "h1" and self._h1 is None and not self.heading and not self._hidden:
            self._h1 = []
        if name in _VOID or self_closing:
            return
        self._open.append(name)
        self._counts[name] = self._counts.get(name, 0) + 1
        self._hidden += name in _HIDDEN
        self._pre += name == "pre"

    def _end(self, name: str) -> None:
        if self._counts.get(name):
            self._close_to(name)
        if name in _BLOCKS:
            self.parts.append("\n")

    def _close_to(self, name: str) -> None:
        """Close `name` and whatever was left open inside it, as browsers do."""
        while self._open:
            top = self._open.pop()
            self._counts[top] -= 1
            self._hidden -= top in _HIDDEN
            self._pre -= top == "pre"
            if top == "h1" and self._h1 is not None:
                self.heading = " ".join("".join(self._h1).split())
                self._h1 = None
            if top == name:
                return

    def _data(self, raw: str) -> None:
        if not raw or self._hidden:
            return
        text = unescape(raw)
        if self._h1 is not None:
            self._h1.append(text)
        if self._bullet and text.strip():
            self.parts.append("\n- ")
            self._bullet = False
        self.parts.append(text if self._pre else re.sub(r"\s+", " ", text))


def _job_posting(scripts: list[str]) -> tuple[str, str] | None:
    """The title and description of the first JobPosting in the page's JSON-LD."""
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        budget = [_JSON_NODES]
        found = _find_posting(data, _JSON_DEPTH, budget)
        if found is not None:
            return found
    return None


def _find_posting(node: Any, depth: int, budget: list[int]) -> tuple[str, str] | None:
    """Depth-first through lists and objects (`@graph`, `mainEntity`, …), within a depth and
    a number of nodes."""
    budget[0] -= 1
    if depth <= 0 or budget[0] <= 0:
        return None
    children: list[Any]
    if isinstance(node, list):
        children = node
    elif isinstance(node, dict):
        posting = _as_posting(node)
        if posting is not None:
            return posting
        children = [v for v in node.values() if isinstance(v, (list, dict))]
    else:
        return None
    for child in children:
        found = _find_posting(child, depth - 1, budget)
        if found is not None:
            return found
    return None


def _as_posting(node: dict[str, Any]) -> tuple[str, str] | None:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "JobPosting" for k in kinds):
        return None
    description = node.get("description")
    if not isinstance(description, str) or not description.strip():
        return None
    title = node.get("title")
    # Some boards escape the description's HTML once more ("&lt;p&gt;"); plain text may
    # carry entities ("R&amp;D"). Markup is unescaped when it is read as a page.
    if "<" not in description:
        description = unescape(description)
    title = " ".join(unescape(title).split()) if isinstance(title, str) else ""
    return title, description
