"""Which files make a catalogue: the bundled one and users' overlays.

Kept free of pydantic and YAML so that shell completion can find the catalogue's cache
without loading either.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from .errors import CatalogueError, Problem

BUNDLED = "bundled"


def bundled_data_dir() -> Path:
    """The catalogue shipped with the package.

    An installed wheel carries it as `mlroles/data`; a source checkout (editable install,
    or running the tests) keeps it in `data/` at the repository root. Both are plain
    directories, checked first without importlib.resources' import cost; that is the
    fallback for an unusual importer.
    """
    here = Path(__file__)
    packaged = here.with_name("data")
    if packaged.is_dir():
        return packaged
    checkout = here.parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "data" / "roles").is_dir():
        return checkout / "data"
    from importlib.resources import files

    return Path(str(files("mlroles") / "data"))


MAX_SCANNED = 100_000
"""Most directory entries looked at under one catalogue directory (`--catalog /` stops)."""


def catalogue_files(directory: Path) -> list[Path]:
    """The YAML and JSON files of a catalogue directory, in a stable order.

    Symbolic links to directories are not followed. Entries that vanish or cannot be read
    while the tree is walked (`--catalog /proc`) are skipped, not fatal.
    """
    if not _is_dir(directory):
        raise CatalogueError([Problem(str(directory), "catalogue directory not found")])
    found: list[Path] = []
    scanned = 0
    for root, dirs, names in os.walk(directory):
        scanned += len(dirs) + len(names)
        if scanned > MAX_SCANNED:
            message = (
                f"more than {MAX_SCANNED} entries to search; name the catalogue's own directory"
            )
            raise CatalogueError([Problem(str(directory), message)])
        for name in names:
            path = Path(root, name)
            if path.suffix in (".yaml", ".yml", ".json") and path.is_file():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, and the like: not a directory one can read
        return False


class Layer(NamedTuple):
    """One catalogue to merge: the bundled one, or a user's file or directory."""

    label: str
    files: tuple[Path, ...]
    root: Path | None = None

    def display_name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if self.root else str(path)


def bundled_layer() -> Layer:
    directory = bundled_data_dir()
    return Layer(BUNDLED, tuple(catalogue_files(directory)), root=directory)


def overlay_layer(path: Path) -> Layer:
    """A user's catalogue: one file, or every YAML/JSON file under a directory."""
    if _is_dir(path):
        return Layer(str(path), tuple(catalogue_files(path)))
    return Layer(str(path), (path,))


_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(text: str) -> str:
    """The form role names are matched in: compatibility-folded (NFKC, so a full-width
    "\uff2d\uff2c" is "ml" and two names that only look different clash), case-folded, words joined
    by single hyphens."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _SEPARATORS.sub("-", text.strip().casefold()).strip("-")
