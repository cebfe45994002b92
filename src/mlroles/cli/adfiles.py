"""Which job ads `triage` reads: files as given, directories as the ads in them."""

from __future__ import annotations

import sys
from pathlib import Path

from ..adtext import AdError
from ..adtext import read_ad as read_ad_text

AD_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm"})


def expand(sources: list[str]) -> list[str]:
    """Files as given; a directory stands for the ads in it (.txt, .md and .html, sorted)."""
    out: list[str] = []
    for source in sources:
        path = Path(source)
        if source != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.iterdir() if p.suffix.lower() in AD_SUFFIXES and p.is_file()
            )
            if not found:
                raise AdError(f"{source}: no job ads in this directory (.txt, .md or .html files).")
            out += found
        else:
            out.append(source)
    return out


def read_ad(source: str) -> str:
    """The ad's text (see `adtext`); at a terminal, stdin is announced first."""
    if source == "-" and sys.stdin is not None and sys.stdin.isatty():
        print("mlroles: reading the ad from stdin; end it with Ctrl-D.", file=sys.stderr)
    return read_ad_text(source)
