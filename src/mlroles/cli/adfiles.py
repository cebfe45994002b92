"""Reading job ads from files, directories and stdin, for `triage`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..triage import MAX_AD_BYTES, AdError, decode_ad

AD_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})


def expand(sources: list[str]) -> list[str]:
    """Files as given; a directory stands for the ads in it (.txt and .md, sorted)."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.iterdir() if p.suffix.lower() in AD_SUFFIXES and p.is_file()
            )
            if not found:
                raise AdError(f"{source}: no job ads in this directory (.txt or .md files).")
            out += found
        else:
            out.append(source)
    return out


def read_ad(source: str) -> str:
    """The text of one ad: a file, or `-` for stdin; an AdError says why it cannot be read."""
    if source == "-":
        if sys.stdin.isatty():  # a person at a terminal: say what is expected of them
            print("mlroles: reading the ad from stdin; end it with Ctrl-D.", file=sys.stderr)
        raw = (
            sys.stdin.buffer.read(MAX_AD_BYTES + 1)
            if hasattr(sys.stdin, "buffer")
            else (sys.stdin.read(MAX_AD_BYTES + 1).encode("utf-8"))
        )
        return decode_ad(raw, "stdin")
    path = Path(source)
    if path.is_dir():
        raise AdError(f"{source}: is a directory, not a job ad.")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_AD_BYTES + 1)
    except FileNotFoundError:
        raise AdError(f"{source}: no such file.") from None
    except OSError as exc:
        raise AdError(f"{source}: cannot read: {exc.strerror or exc}.") from None
    return decode_ad(raw, source)
