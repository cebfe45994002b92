"""Which files make a catalogue: the bundled one and users' overlays.

Kept free of pydantic and YAML so that shell completion can find the catalogue's cache
without loading either.
"""

from __future__ import annotations

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


def catalogue_files(directory: Path) -> list[Path]:
    """The YAML and JSON files of a catalogue directory, in a stable order."""
    if not directory.is_dir():
        raise CatalogueError([Problem(str(directory), "catalogue directory not found")])
    found = [
        p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.is_file()
    ]
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


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
    if path.is_dir():
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
