"""Loading a catalogue: from the cache when nothing changed, else built from its files.

Kept apart from `catalogue.py` (the catalogue itself) so that neither `build.py` nor
`cache.py` has to import a module that imports them back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from .catalogue import CACHED_CLASSES, Catalogue
from .layers import BUNDLED, Layer, bundled_layer


def load_bundled() -> Catalogue:
    """The catalogue that ships with mlroles."""
    return load_layers([bundled_layer()])


def load_paths(paths: Sequence[Path], root: Path | None = None) -> Catalogue:
    """Load files as one layer (as the bundled catalogue is loaded)."""
    return load_layers([Layer(BUNDLED if root else "files", tuple(paths), root)])


def load_layers(layers: Sequence[Layer], notice: Callable[[str], None] | None = None) -> Catalogue:
    """The catalogue the layers make, from the cache when nothing changed since last time.
    `notice` hears why the cache is not used, when that is worth telling a person."""
    from .cache import load_cached
    from .fastcomplete import completion_index

    def build(contents: Mapping[Path, bytes] | None) -> Catalogue:
        from .build import build_catalogue

        return build_catalogue(layers, contents)

    return load_cached(layers, build, CACHED_CLASSES, completion_index, notice)
