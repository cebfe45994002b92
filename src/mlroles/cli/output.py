"""Turning a domain result into output on stdout, in the format the user asked for."""

from __future__ import annotations

import sys

from ..render import Format

MIN_WIDTH = 40

# Characters the table renderer uses that a non-UTF-8 stream may not encode.
_ASCII_FALLBACK = str.maketrans(
    {"\u2022": "*", "\u25b6": ">", "\u2014": "-", "\u00b7": "|", "\u2019": "'", "\u2026": "..."}
)


def emit(view: object, fmt: Format) -> None:
    """Render `view` completely, then write it to stdout in one go."""
    if fmt is Format.JSON:
        from ..render.machine import render_json

        text = render_json(view)
    elif fmt is Format.YAML:
        from ..render.machine import render_yaml

        text = render_yaml(view)
    elif fmt is Format.MARKDOWN:
        from ..render.markdown import render_markdown

        text = render_markdown(view)
    else:
        text = _render_rich(view)
    _write(text)


def emit_text(text: str) -> None:
    """Write text that is already rendered (a report, an export, a schema)."""
    _write(text)


def _render_rich(view: object) -> str:
    from rich.console import Console

    from ..render.table import render_table

    console = Console(file=sys.stdout, highlight=False, emoji=False, soft_wrap=False)
    if console.width < MIN_WIDTH:  # COLUMNS=0 or a tiny pane: lay out for 40, let it wrap
        console.width = MIN_WIDTH
    with console.capture() as capture:
        console.print(render_table(view))
    text = capture.get()
    if not console.is_terminal:
        # Rich pads every line to the full width; a file or a pipe is better off without.
        text = "".join(line.rstrip() + "\n" for line in text.splitlines())
    return text


def _write(text: str) -> None:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.translate(_ASCII_FALLBACK).encode(encoding, "replace").decode(encoding)
    except LookupError:  # a stream that names an encoding Python does not know
        text = text.translate(_ASCII_FALLBACK).encode("ascii", "replace").decode("ascii")
    sys.stdout.write(text)
    sys.stdout.flush()
