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
from functools import lru_cache
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
# Lines that mark a text as Markdown: headings, bullets, table rows.
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s|[-*+]\s|\|)", re.MULTILINE)
_MARKDOWN_LINES = 2
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
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN = frozenset(
    re.findall(r"\S+", "noscript template svg math nav button select option datalist iframe")
)
# Elements whose content is raw text up to their end tag.
_RAW = frozenset({"script", "style", "title", "textarea"})
_VOID = frozenset(
    re.findall(r"\S+", "br hr img input meta link area base col embed source track wbr param")
)
_COMMENT_END = re.compile(r"--!?>")
_TAG_STOP = re.compile(r"[>\"']")
_JSON_DEPTH = 8  # how deep in a JSON-LD document a JobPosting is looked for
_JSON_NODES = 10_000  # how many of its nodes are looked at, at most


def looks_like_html(text: str) -> bool:
    """Whether the text is a web page or a fragment of one, not a text ad."""
    text = _without_http_headers(text)
    if not _TAG_START.match(text):
        return False
    start = _after_comments(text)
    if _PAGE_OPENING.search(text, start, start + _OPENING_REACH):
        return True
    head = unescape(text[:20_000]) if _ESCAPED_START.match(text) else text[:20_000]
    if len(_MARKDOWN_LINE.findall(head)) >= _MARKDOWN_LINES:
        return False  # Markdown with some tags in it ("Python<br>pandas" in a table)
    tags = len(_BLOCK_TAGS.findall(head))
    # A fragment on one line ("<p>Data Engineer</p>") is markup, whatever its length.
    return tags >= _FRAGMENT_TAGS or (tags > 0 and "\n" not in text.strip())


def page_text(page: str) -> str:
    """The ad a web page holds, as lines of text: its title first."""
    page = _without_http_headers(page)
    if _ESCAPED_START.match(page):
        page = unescape(page)
    reader = _PageReader(page)
    posting = _job_posting(reader.json_ld)
    if posting is not None:
        title, description = posting
        return _lines(f"{title or reader.heading or reader.title}\n{_description(description)}")
    title = reader.heading or reader.title
    lines = _lines(reader.text()).split("\n")
    for copy in (reader.heading, f"- {reader.heading}"):  # the title goes first, only there
        if reader.heading and copy in lines:
            lines.remove(copy)
            break
    return _lines("\n".join([title, *lines]))


def _description(text: str) -> str:
    """A JSON-LD description as lines: HTML read as a page; plain text (perhaps with an
    inline tag or a "<") keeps its own line breaks."""
    if "<" not in text:
        return text
    if "\n" in text.strip() and not _BLOCK_TAGS.search(text):
        text = text.replace("\n", "<br>")
    return _PageReader(text).text()


def _without_http_headers(text: str) -> str:
    """`curl -i` output: the page after the response's headers."""
    if not text.startswith("HTTP/"):
        return text
    match = re.search(r"\r?\n\r?\n", text[:16_384])
    return text[match.end() :] if match else text


def _after_comments(text: str) -> int:
    """Where the text's opening comments (a "we're hiring" banner) end."""
    at = len(text) - len(text.lstrip())
    while text.startswith("<!--", at):
        close = _COMMENT_END.search(text, at + 4)
        if close is None:
            return at
        at = close.end()
        at += len(text[at : at + 200]) - len(text[at : at + 200].lstrip())
    return at


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
        self._read(page)

    def text(self) -> str:
        return "".join(self.parts)

    def _read(self, page: str) -> None:
        """Tokens left to right, as a browser's tokenizer reads them: a `<` before a letter
        opens a tag that runs to the first `>` outside a quoted attribute value (to the
        end of the page if there is none); every step moves forward."""
        at, end = 0, len(page)
        while at < end:
            lt = page.find("<", at)
            if lt < 0:
                self._data(page[at:])
                return
            self._data(page[at:lt])
            following = page[lt + 1 : lt + 2]
            if page.startswith("<!--", lt):
                if page.startswith(("<!-->", "<!--->"), lt):  # an empty comment
                    at = page.find(">", lt) + 1
                    continue
                close = _COMMENT_END.search(page, lt + 4)
                at = end if close is None else close.end()
                continue
            if following in ("!", "?") or (
                following == "/" and not page[lt + 2 : lt + 3].isalpha()
            ):
                gt = page.find(">", lt + 1)  # a declaration, an instruction, a bogus comment
                at = end if gt < 0 else gt + 1
                continue
            if not (following.isascii() and following.isalpha()) and following != "/":
                self._data("<")  # a "<" that opens no tag is text ("p < 0.05")
                at = lt + 1
                continue
            gt = _tag_end(page, lt + 1)
            if gt < 0:  # a tag the page never finishes: the rest is that tag
                return
            inside, at = page[lt + 1 : gt], gt + 1
            match = _TAG.match(inside)
            if match is None:
                continue
            name = match.group(2).lower()
            if match.group(1):
                self._end(name)
            elif name in _RAW:
                close = _raw_end(name).search(page, at)
                content = page[at : end if close is None else close.start()]
                self._raw(name, inside, content, complete=close is not None)
                if close is None:
                    return
                gt = _tag_end(page, close.start() + 1)
                at = end if gt < 0 else gt + 1
            elif not (name in _HIDDEN and inside.rstrip().endswith("/")):  # "<nav/>": empty
                self._start(name)

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

    def _start(self, name: str) -> None:
        top = self._open[-1] if self._open else ""
        if name in ("li", "option", "p") and top == name:
            self._close_to(name)  # an item or paragraph ends where the next begins
        elif name in _HEADINGS and top in _HEADINGS:
            self._close_to(top)  # so does a heading left open
        self._block(name)
        if name == "li" and not self._hidden:
            self._bullet = True
        if name == "h1" and self._h1 is None and not self.heading and not self._hidden:
            self._h1 = []
        if name in _VOID:  # a "/>" on any other element means nothing in HTML
            return
        self._open.append(name)
        self._counts[name] = self._counts.get(name, 0) + 1
        self._hidden += name in _HIDDEN
        self._pre += name == "pre"

    def _end(self, name: str) -> None:
        if name in _HEADINGS and not self._counts.get(name):
            # any heading's end tag ends the open heading, as in browsers
            name = next((h for h in reversed(self._open) if h in _HEADINGS), name)
        if self._counts.get(name):
            self._close_to(name)
        self._block(name)

    def _block(self, name: str) -> None:
        """A line break at a block's edge; inside the title a space ("Data<br>Scientist")."""
        if name not in _BLOCKS:
            return
        if self._h1 is not None:
            self._h1.append(" ")
            self.parts.append(" ")
        else:
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
            if top == "li":
                self._bullet = False  # an item with no text passes no bullet on
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


def _tag_end(page: str, at: int) -> int:
    """Where the tag that starts before `at` ends (its `>`), skipping quoted attribute
    values ("a > b" in a title); -1 if the page ends first. Each character is looked at
    once."""
    while True:
        stop = _TAG_STOP.search(page, at)
        if stop is None:
            return -1
        if stop.group() == ">":
            return stop.start()
        before = page[max(0, stop.start() - 8) : stop.start()].rstrip()
        if not before.endswith("="):  # a quote that opens no value is part of a name
            at = stop.end()
            continue
        close = page.find(stop.group(), stop.end())
        if close < 0:
            return -1
        at = close + 1


@lru_cache(maxsize=8)
def _raw_end(name: str) -> re.Pattern[str]:
    """The end tag of a raw-text element, in any case ("</SCRIPT>"), not a longer name."""
    return re.compile(rf"</{name}(?=[\s/>]|$)", re.IGNORECASE)


def _job_posting(scripts: list[str]) -> tuple[str, str] | None:
    """The title and description of the first JobPosting in the page's JSON-LD."""
    for script in scripts:
        script = _without_cdata(script)
        try:
            data = json.loads(script, strict=False)  # raw line breaks in strings, as written
        except (ValueError, RecursionError):
            continue
        budget = [_JSON_NODES]
        found = _find_posting(data, _JSON_DEPTH, budget)
        if found is not None:
            return found
    return None


def _without_cdata(script: str) -> str:
    """A script's JSON without the `/*<![CDATA[*/ … /*]]>*/` wrapper old templates add."""
    script = script.strip()
    for opening in ("/*<![CDATA[*/", "//<![CDATA[", "<![CDATA["):
        if script.startswith(opening):
            script = script.removeprefix(opening)
            for closing in ("/*]]>*/", "//]]>", "]]>"):
                if script.rstrip().endswith(closing):
                    return script.rstrip().removesuffix(closing)
    return script


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
    if isinstance(title, str):  # markup or entities in a title are not its words
        title = " ".join((_PageReader(title).text() if "<" in title else unescape(title)).split())
    else:
        title = ""
    return title, description
