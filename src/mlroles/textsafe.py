"""The one sanitiser for text on its way to a terminal, a plain stream or Markdown.

A catalogue, a job ad, a file name and an argument are all somebody else's text. Printed
as they are, an ESC or C1 control starts a terminal escape sequence (set the clipboard
with OSC 52, retitle the window, clear the screen, plant an OSC 8 link), a carriage
return overwrites what was printed, and a bidi override makes text read differently from
what it is. Every drawer (plain, Rich, Markdown) and every error line passes its text
through `visible`, which shows each such character as an escape (`\\x1b`, `\\u202e`)
instead. JSON and YAML output escape them by their own rules (`json_text`, `yaml_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

_UNSAFE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 controls but tab and newline; DEL; C1 controls
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates: a file name that is not UTF-8
)
_IN_TEXT = re.compile(f"[{_UNSAFE}]")


@cache
def _in_line() -> re.Pattern[str]:
    """The unsafe characters and newline: for error lines only, so compiled on first use."""
    return re.compile(f"[{_UNSAFE}\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, newlines: bool = True) -> str:
    """`text` with every control, bidi and separator character shown as an escape.

    With `newlines=False` a newline is escaped too: for what must stay one line (an
    error message, a file name in a report).
    """
    return (_IN_TEXT if newlines else _in_line()).sub(_escape, text)


@cache
def _json_unsafe() -> re.Pattern[str]:
    """What json.dumps(ensure_ascii=False) leaves raw that a terminal or a JavaScript
    parser would act on: C1 controls, bidi controls, line and paragraph separators."""
    return re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(text: str) -> str:
    """JSON text (from json.dumps) with those characters written as \\u escapes: the same
    JSON value, nothing raw for a terminal. Outside strings JSON is ASCII, so each match
    is inside a string, where an escape means the same character."""
    return _json_unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def yaml_text(dump: Callable[[bool], str]) -> str:
    """YAML from `dump(allow_unicode)`, readable when it can be and safe when it must be.

    PyYAML counts C1 and bidi controls as printable and writes them raw even in
    double-quoted strings; only without `allow_unicode` does it escape them, with the rest
    of non-ASCII. So a document is written with Unicode as it is, and again all escaped in
    the rare case that the first holds such a character: the same YAML value either way.
    """
    text = dump(True)
    return dump(False) if _json_unsafe().search(text) else text


@cache
def _not_xml() -> re.Pattern[str]:
    """What XML 1.0 forbids. Compiled on first use: a class reaching U+FFFF takes 5 ms."""
    return re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` escaped for XML and HTML, with the characters XML 1.0 forbids (controls,
    U+FFFE, U+FFFF, lone surrogates) shown as U+FFFD, so the document stays well-formed."""
    from html import escape

    return escape(_not_xml().sub("\ufffd", text))
