"""Turning a domain result into output on stdout, in the format the user asked for."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import MlrolesError
from ..render import Format

if TYPE_CHECKING:
    from ..render.blocks import Block

MIN_WIDTH = 40

# Characters the table renderer uses that a non-UTF-8 stream may not encode.
_ASCII_FALLBACK = str.maketrans(
    {
        "\u2022": "*",
        "\u25b6": ">",
        "\u2014": "-",
        "\u00b7": "|",
        "\u2019": "'",
        "\u2026": "...",
        "\u2192": "->",
    }
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
        text = _render_table(view)
    _write(text)


def emit_text(text: str) -> None:
    """Write text that is already rendered (a report, an export, a schema)."""
    _write(text)


def _render_table(view: object) -> str:
    from ..render.layout import layout

    block = layout(view)
    if not _is_terminal(sys.stdout):
        # A pipe or a file: plain text, without paying for Rich's import and layout.
        from ..render.plain import draw_plain

        return draw_plain(block, max(_width(), MIN_WIDTH))
    return _draw_rich(block)


def _draw_rich(block: Block) -> str:
    from rich.console import Console

    from ..render.rich_draw import to_rich

    # Rich lays a TERM=dumb terminal out at 80 columns whatever COLUMNS says; a width the
    # user set is honoured (issue 18, item 17). Rich takes a width only with a height.
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and int(columns) > 0 else None
    lines = os.environ.get("LINES", "")
    height = (int(lines) if lines.isdigit() and int(lines) > 0 else 25) if width else None
    console = Console(
        file=sys.stdout,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        width=width,
        height=height,
    )
    if console.width < MIN_WIDTH:  # COLUMNS=0 or a tiny pane: lay out for 40, let it wrap
        console.width = MIN_WIDTH
    with console.capture() as capture:
        console.print(to_rich(block, console))
    return capture.get()


def _is_terminal(stream: TextIO) -> bool:
    """Whether Rich would treat `stream` as a terminal (the same environment rules)."""
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _width() -> int:
    """The width Rich would use for a stream that is not a terminal: COLUMNS, else the
    size of whichever standard stream is a terminal, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


class OutputError(MlrolesError):
    """Standard output cannot be written: closed (`>&-`), a full disk (`> /dev/full`)."""


_paging = {"allowed": True}
"""Off with the global --no-pager (set once, by the app's callback)."""


def allow_paging(allowed: bool) -> None:
    _paging["allowed"] = allowed


def _pager() -> str | None:
    """The pager for output longer than the screen, as git and gh choose it (issue 18,
    item 18): MLROLES_PAGER, else PAGER, else `less`; none for an empty one or `cat`, with
    --no-pager, or when stdout is not a real terminal (a pipe, a file, FORCE_COLOR)."""
    if not _paging["allowed"]:
        return None
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    command = os.environ.get("MLROLES_PAGER", os.environ.get("PAGER", "less")).strip()
    if command in ("", "cat"):
        return None
    import shlex
    import shutil

    try:
        program = shlex.split(command)[0]
    except (ValueError, IndexError):
        return None
    return command if shutil.which(program) else None  # no pager there: print it plainly


def _screen_lines() -> int:
    lines = os.environ.get("LINES", "")
    if lines.isdigit() and int(lines) > 0:
        return int(lines)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (AttributeError, ValueError, OSError):
        return 24


def _page(text: str, command: str, encoding: str) -> bool:
    """Show `text` through `command`; False if the pager could not be started."""
    import subprocess

    # less: quit at once if it fits after all, keep the colours, leave the text on screen.
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode(encoding, "replace"))
        pager.stdin.close()
    except OSError:  # BrokenPipeError included: the reader quit before the end
        pass
    pager.wait()
    return pager.returncode != 127  # the shell's "command not found": print it plainly


def _write(text: str) -> None:
    if sys.stdout is None:  # started with stdout closed
        raise OutputError("cannot write the output: standard output is closed.")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.translate(_ASCII_FALLBACK).encode(encoding, "replace").decode(encoding)
    except LookupError:  # a stream that names an encoding Python does not know
        text = text.translate(_ASCII_FALLBACK).encode("ascii", "replace").decode("ascii")
        encoding = "ascii"
    pager = _pager()
    if pager is not None and text.count("\n") >= _screen_lines():
        sys.stdout.flush()
        if _page(text, pager, encoding):
            return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away: the CLI ends quietly
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise OutputError(f"cannot write the output: {reason}.") from None


def wrote(path: Path, what: str) -> None:
    """Say on stderr what a command wrote where (stdout stays for the command's output)."""
    warn(f"wrote {path}: {what}.")


def warn(message: str) -> None:
    """One line on stderr: the message's file names and arguments are anyone's text, so
    controls (and newlines) are shown escaped."""
    from ..textsafe import visible

    with contextlib.suppress(OSError, ValueError):  # no stderr: the exit code must do
        print(f"mlroles: {visible(message, newlines=False)}", file=sys.stderr)
