"""A cache of the checked catalogue, so that a run skips parsing and validation.

An entry is keyed by everything the catalogue is built from: each file's path, size,
modification time and content checksums, in layer order, plus mlroles's version and
the model code. Any change gives a new key and the catalogue is rebuilt. A cache that is
missing, unreadable, corrupt or stale is never trusted: it is rebuilt, or, where the
cache directory cannot be written, simply skipped.

The cache lives in the user cache directory ($XDG_CACHE_HOME/mlroles, by default
~/.cache/mlroles), never next to the catalogue files. MLROLES_CACHE_DIR moves it;
MLROLES_NO_CACHE=1 turns it off.

Entries are pickles. The cache directory is the user's own, so reading them trusts
nothing more than the user's own files; a file that does not unpickle to a catalogue
with the right key is discarded.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .limits import MAX_FILE_BYTES

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .layers import Layer

FORMAT = 1
_MODEL_SOURCES = ("models.py", "catalogue.py", "build.py", "yamlio.py")


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    env = os.environ if env is None else env
    if env.get("MLROLES_NO_CACHE"):
        return None
    configured = env.get("MLROLES_CACHE_DIR")
    if configured:
        return Path(configured)
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlroles"


def catalogue_key(layers: Sequence[Layer]) -> tuple[str, str]:
    """(entry name, key): the name is short and stands for the set of paths; the key
    spells out the state of every file and is compared whole, so no two states share it.

    Each file contributes its path, size, modification time and two checksums of its
    content (CRC-32 and Adler-32: any edit changes them, even one that keeps size and
    time). Raises OSError when a file cannot be read; the caller then builds uncached.
    """
    here = Path(__file__).parent
    code = [(name, (here / name).stat().st_mtime_ns) for name in _MODEL_SOURCES]
    parts = [repr((FORMAT, __version__, sys.version_info[:2], code))]
    names: list[str] = []
    for layer in layers:
        parts.append(f"layer {layer.label}")
        names.append(layer.label)
        for path in layer.files:
            resolved = str(path.resolve())
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                # Never read a FIFO or a device here: the loader refuses it with a message.
                raise OSError(f"{path}: not a catalogue file to cache")
            data = path.read_bytes()
            checksums = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
            parts.append(f"{resolved}\0{info.st_size}\0{info.st_mtime_ns}\0{checksums}")
            names.append(resolved)
    name = f"{zlib.crc32(chr(0).join(names).encode()):08x}{len(names):04x}"
    return name, "\n".join(parts)


def load_cached(layers: Sequence[Layer], build: Callable[[], Catalogue]) -> Catalogue:
    """The catalogue for `layers`, from the cache when it is current, else built and stored."""
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        name, key = catalogue_key(layers)
    except OSError:
        return build()  # an unreadable file: let the loader report it properly
    entry = directory / f"catalogue-{name}.pickle"
    cached = _read(entry, key)
    if cached is not None:
        return cached
    catalogue = build()
    _write(directory, entry, key, catalogue)
    _write_index(directory / f"index-{name}.json", key, catalogue)
    return catalogue


def _read(entry: Path, key: str) -> Catalogue | None:
    from .catalogue import Catalogue, _bulk

    try:
        with entry.open("rb") as handle, _bulk():
            stored_key, catalogue = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # corrupt, truncated, from another version: rebuild
        return None
    if stored_key != key or not isinstance(catalogue, Catalogue):
        return None
    return catalogue


def _write(directory: Path, entry: Path, key: str, catalogue: Catalogue) -> None:
    payload = pickle.dumps((key, catalogue), protocol=pickle.HIGHEST_PROTOCOL)
    _write_bytes(directory, entry, payload)


def _write_index(path: Path, key: str, catalogue: Catalogue) -> None:
    """The small index that shell completion reads without loading the catalogue."""
    index = {
        "key": key,
        "ids": [role.id for role in catalogue.roles],
        "aliases": [[alias, role.id] for role in catalogue.roles for alias in role.aliases],
    }
    import json

    _write_bytes(path.parent, path, json.dumps(index).encode())


def read_index(
    layers: Sequence[Layer], env: Mapping[str, str] | None = None
) -> dict[str, object] | None:
    """The completion index for `layers`, if the cache holds a current one."""
    import json

    directory = cache_dir(env)
    if directory is None:
        return None
    try:
        name, key = catalogue_key(layers)
        data = json.loads((directory / f"index-{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data


def _write_bytes(directory: Path, path: Path, payload: bytes) -> None:
    """Write atomically; any failure (read-only or full disk, no home) leaves no trace."""
    import tempfile

    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        Path(temp).replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
