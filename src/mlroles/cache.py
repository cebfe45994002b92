"""A cache of the checked catalogue, so that a run skips parsing and validation.

An entry is keyed by everything the catalogue is built from: each file's path and a BLAKE2
hash of its bytes, in layer order, plus mlroles's version and the model code. The bytes
hashed are the bytes parsed on a miss (each file is read once), so the key always describes
what was built. Any change gives a new key and the catalogue is rebuilt.

What the cache trusts, and what it does not:
- The directory ($XDG_CACHE_HOME/mlroles, by default ~/.cache/mlroles; MLROLES_CACHE_DIR
  moves it, MLROLES_NO_CACHE=1 turns it off) is used only if it is the user's own, not a
  symbolic link, and not writable by group or others; otherwise it is not used, the
  caller's `notice` is told why (the CLI says so once on stderr), and the run goes on
  without a cache. It is created 0700, entries 0600.
- Every entry and completion index carries a MAC (keyed BLAKE2) made with a random key
  kept 0600 in that directory. An entry whose MAC does not match (a bit flip, a truncated
  write, a file planted by someone who cannot read the key) is rebuilt, never read.
- Even an authenticated entry is unpickled with an allow-list of mlroles's own model
  classes: no other class or function can be named, so no entry can run code.
- What an entry marks as `StoredApart` (each role) is kept in a parts file beside it,
  read only when asked for, so that `list` of 3,000 roles reads none of them. Each part
  carries its own MAC in the (authenticated) entry, checked before it is unpickled, with
  the same allow-list.
A cache directory that cannot be written is simply skipped.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import stat
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from . import __version__
from .errors import MlrolesError
from .files import read_regular
from .limits import MAX_FILE_BYTES

try:  # hashlib's own BLAKE2, without the 3 ms of OpenSSL that `import hashlib` loads
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the builtin module
    from hashlib import blake2b

if TYPE_CHECKING:
    from .layers import Layer

T = TypeVar("T")

FORMAT = 3
_MAGIC = b"mlroles-cache-%d\n" % FORMAT
_MAC_BYTES = 32
_SECRET_FILE = "key"
_SECRET_BYTES = 32
_MAX_ENTRY_BYTES = 1 << 31
_STALE_TEMP_SECONDS = 3600
# The code whose change changes what an entry holds (search.py: the search documents).
_MODEL_SOURCES = (
    "models.py",
    "catalogue.py",
    "build.py",
    "yamlio.py",
    "rolesummary.py",
    "search.py",
)

Contents = Mapping[Path, bytes]
"""The bytes of each catalogue file, as read for the key: what a miss then parses."""


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    env = os.environ if env is None else env
    if env.get("MLROLES_NO_CACHE"):
        return None
    configured = env.get("MLROLES_CACHE_DIR")
    if configured:
        return Path(configured)
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlroles"


def catalogue_key(layers: Sequence[Layer]) -> tuple[str, bytes, dict[Path, bytes]]:
    """(entry name, key, the bytes of every file): the name is short and stands for the set
    of paths; the key is a BLAKE2 hash of every path and every file's bytes.

    Raises OSError when a file cannot be read, or is not a regular file within the size
    limit; the caller then builds uncached and the loader reports it properly.
    """
    here = Path(__file__).parent
    code = [(name, (here / name).stat().st_mtime_ns) for name in _MODEL_SOURCES]
    key = blake2b(repr((FORMAT, __version__, sys.version_info[:2], code)).encode())
    names = blake2b(digest_size=12)
    contents: dict[Path, bytes] = {}
    for layer in layers:
        _update(key, b"layer", os.fsencode(layer.label))
        _update(names, b"layer", os.fsencode(layer.label))
        for path in layer.files:
            resolved = os.fsencode(path.resolve())  # bytes: any file name, even not UTF-8
            data = read_regular(path, MAX_FILE_BYTES)
            contents[path] = data
            _update(key, resolved, blake2b(data).digest())
            _update(names, resolved)
    return names.hexdigest(), key.digest(), contents


def _update(hasher: Any, *parts: bytes) -> None:
    """Feed parts with their lengths, so that no two different lists hash alike."""
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)


def load_cached(
    layers: Sequence[Layer],
    build: Callable[[Contents | None], T],
    kinds: Sequence[type],
    completion_index: Callable[[T], object],
    notice: Callable[[str], None] | None = None,
) -> T:
    """What `build` makes of `layers` (a catalogue), from the cache when it is current, else
    built and stored, with its `completion_index` beside it (JSON, for `read_index`).
    `kinds`: the classes the entry holds besides the models, the first being the type of
    the whole; no others can be unpickled. `notice` hears why a cache directory is not
    used."""
    directory = usable_dir(cache_dir(), notice=notice)
    if directory is None:
        return build(None)
    try:
        name, key, contents = catalogue_key(layers)
    except OSError:
        return build(None)  # an unreadable file: let the loader report it properly
    secret = _secret(directory)
    if secret is None:
        return build(contents)
    entry = directory / f"catalogue-{name}.pickle"
    cached = _read_entry(entry, directory / f"parts-{name}.bin", key, secret, kinds)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    catalogue = build(contents)
    stream = io.BytesIO()
    pickler = _Pickler(stream, secret, key)
    pickler.dump(catalogue)
    # The parts first: an entry is never there without the parts it names.
    if _write_bytes(directory, directory / f"parts-{name}.bin", pickler.parts):
        _write_bytes(directory, entry, _sealed(secret, key, stream.getvalue()))
    import json  # here: a run served from the cache never needs it

    index = json.dumps(completion_index(catalogue)).encode()
    _write_bytes(directory, directory / f"index-{name}.bin", _sealed(secret, key, index))
    _clean_stale_temps(directory)
    return catalogue


def usable_dir(
    directory: Path | None, *, notice: Callable[[str], None] | None = None
) -> Path | None:
    """`directory`, created 0700 if missing, when only this user can write it; else None.

    A directory reached through a symbolic link, owned by someone else, or writable by
    group or others could hold entries planted by another user: it is not used, and
    `notice` is told why. One that cannot be created is skipped silently.
    """
    if directory is None:
        return None
    try:
        info = os.lstat(directory)
    except FileNotFoundError:
        try:
            directory.mkdir(mode=0o700, parents=True)
            info = os.lstat(directory)
        except OSError:
            return None  # no home, a read-only or full disk: run without a cache
    except OSError:
        return None
    problem = None
    if stat.S_ISLNK(info.st_mode):
        problem = "it is a symbolic link"
    elif not stat.S_ISDIR(info.st_mode):
        problem = "it is not a directory"
    elif hasattr(os, "getuid") and info.st_uid != os.getuid():
        problem = "it belongs to another user"
    elif info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = "other users can write to it"
    if problem is None:
        return directory
    if notice is not None:
        notice(f"not using the cache directory {directory}: {problem}.")
    return None


def _secret(directory: Path) -> bytes | None:
    """This user's random MAC key, kept 0600 in the cache directory; made on first use."""
    path = directory / _SECRET_FILE
    secret = _read_secret(path)
    if secret is not None:
        return secret
    temp = directory / f".tmp-key-{os.getpid()}"
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(temp, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(_SECRET_BYTES))
        with contextlib.suppress(FileExistsError):  # another run made one first: use it
            os.link(temp, path)
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return _read_secret(path)


def _read_secret(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_mode & 0o077
            or (hasattr(os, "getuid") and info.st_uid != os.getuid())
        ):
            return None
        secret = os.read(fd, _SECRET_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return secret if len(secret) == _SECRET_BYTES else None


def _mac(secret: bytes, key: bytes, payload: bytes | memoryview) -> bytes:
    mac = blake2b(key=secret, digest_size=_MAC_BYTES)
    _update(mac, key)
    mac.update(payload)
    return mac.digest()


def _sealed(secret: bytes, key: bytes, payload: bytes) -> bytes:
    return _MAGIC + _mac(secret, key, payload) + payload


def _opened(path: Path, key: bytes, secret: bytes) -> tuple[bytes, int] | None:
    """A sealed file's bytes and where its payload starts, if its MAC says this user wrote
    it for `key`. Not a slice of the payload: an entry for 5,000 roles is 20 MB."""
    try:
        data = read_regular(path, _MAX_ENTRY_BYTES)
    except OSError:
        return None
    start = len(_MAGIC) + _MAC_BYTES
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    # A plain comparison: timing it would take writing many entries into a directory only
    # this user can write (hmac.compare_digest would import OpenSSL, 3 ms per completion).
    if data[len(_MAGIC) : start] != _mac(secret, key, memoryview(data)[start:]):
        return None
    return data, start


def _read_entry(
    entry: Path, parts_path: Path, key: bytes, secret: bytes, kinds: Sequence[type]
) -> Any:
    from .bulk import bulk

    opened = _opened(entry, key, secret)
    if opened is None:  # missing, unreadable, or not this user's: rebuild
        return None
    parts = _PartsFile.open(parts_path)
    if parts is None:
        return None
    data, start = opened
    stream = io.BytesIO(data)  # shares the bytes: no copy of the entry
    stream.seek(start)
    unpickler = _Unpickler(stream, kinds, _Parts(parts, key, secret, entry))
    try:
        with bulk():
            loaded = unpickler.load()
    except Exception:  # from another version of the model code: rebuild
        return None
    if not isinstance(loaded, kinds[0]) or unpickler.parts_end != parts.size:
        return None  # a parts file from another build: rebuild
    return loaded


class StoredApart(bytes):
    """A pickled object that the cache keeps out of its entry, in the parts file beside
    it, and unpickles only when asked for (see `Deferred`)."""


class _Pickler(pickle.Pickler):
    """Pickles an entry, moving every StoredApart into `parts`, each with its MAC."""

    def __init__(self, stream: io.BytesIO, secret: bytes, key: bytes) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self.parts = bytearray()
        self.secret, self.key = secret, key

    def persistent_id(self, obj: Any) -> tuple[int, int, bytes] | None:
        if type(obj) is not StoredApart:
            return None
        reference = (len(self.parts), len(obj), _mac(self.secret, self.key, obj))
        self.parts += obj
        return reference


class _PartsFile:
    """A parts file, opened once as its entry is read: a later rebuild that replaces it
    does not change what this run reads."""

    def __init__(self, handle: io.BufferedReader, size: int) -> None:
        self.handle, self.size = handle, size

    @classmethod
    def open(cls, path: Path) -> _PartsFile | None:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return None
        return cls(os.fdopen(fd, "rb"), info.st_size)

    def read(self, offset: int, length: int) -> bytes:
        try:
            self.handle.seek(offset)
            return self.handle.read(length)
        except (OSError, ValueError):
            return b""


class _Parts(NamedTuple):
    """What a Deferred needs to read its part: the file, what its MAC is made with, and
    the entry that named it (removed if a part fails its check, so the next run rebuilds)."""

    file: _PartsFile
    key: bytes
    secret: bytes
    entry: Path


class Deferred:
    """An object the cache kept apart: `load()` reads it from the parts file, checks its
    MAC and unpickles it (models only)."""

    __slots__ = ("_length", "_mac", "_offset", "_parts")

    def __init__(self, parts: _Parts, offset: int, length: int, mac: bytes) -> None:
        self._parts, self._offset, self._length, self._mac = parts, offset, length, mac

    def load(self, kinds: Sequence[type] = ()) -> Any:
        """The object, unpickled allowing the models and `kinds`."""
        parts = self._parts
        data = parts.file.read(self._offset, self._length)
        if len(data) != self._length or _mac(parts.secret, parts.key, data) != self._mac:
            # Damaged, or replaced by a run that rebuilt it since this one read the entry:
            # nothing of it is unpickled, and the next run builds afresh.
            with contextlib.suppress(OSError):
                parts.entry.unlink()
            raise MlrolesError(
                "the catalogue cache was damaged or changed while this command ran.",
                hint="Run the command again.",
            )
        return safe_loads(data, kinds=kinds)


class _Unpickler(pickle.Unpickler):
    """Unpickles mlroles's own models (and the few classes the caller names) and nothing
    else: no other class or function can be named, so a pickle cannot call os.system or
    anything like it."""

    def __init__(
        self, stream: io.BytesIO, kinds: Sequence[type], parts: _Parts | None = None
    ) -> None:
        super().__init__(stream)
        self.kinds = {(kind.__module__, kind.__qualname__): kind for kind in kinds}
        self.parts = parts
        self.parts_end = 0
        """Where the last part named so far ends: the parts file's size, once loaded."""

    def persistent_load(self, pid: Any) -> Deferred:
        """A part the entry names (an entry this user's key authenticated)."""
        well_formed = (
            isinstance(pid, tuple)
            and len(pid) == 3
            and all(isinstance(n, int) and n >= 0 for n in pid[:2])
            and isinstance(pid[2], bytes)
        )
        if self.parts is None or not well_formed:
            raise pickle.UnpicklingError("a stored part is not allowed here")
        offset, length, mac = pid
        self.parts_end = max(self.parts_end, offset + length)
        return Deferred(self.parts, offset, length, mac)

    def find_class(self, module: str, name: str) -> Any:
        found = _model_classes().get((module, name)) or self.kinds.get((module, name))
        if found is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return found


_MODEL_CLASSES: dict[tuple[str, str], Any] = {}


def _model_classes() -> dict[tuple[str, str], Any]:
    """Every model and enum class models.py defines, and the function enums unpickle by."""
    if not _MODEL_CLASSES:
        from enum import Enum

        from . import models

        for name, value in vars(models).items():
            ours = isinstance(value, type) and value.__module__ == models.__name__
            if ours and issubclass(value, (models.Model, Enum)):
                _MODEL_CLASSES[models.__name__, name] = value
        _MODEL_CLASSES[models.__name__, "enum_member"] = models.enum_member
    return _MODEL_CLASSES


def safe_loads(data: bytes, start: int = 0, *, kinds: Sequence[type] = ()) -> Any:
    """Unpickle `data` (from offset `start`), allowing only mlroles's own model classes
    and `kinds`."""
    stream = io.BytesIO(data)  # shares the bytes: no copy of a 20 MB entry
    stream.seek(start)
    return _Unpickler(stream, kinds).load()


def read_index(
    layers: Sequence[Layer], env: Mapping[str, str] | None = None
) -> dict[str, object] | None:
    """The completion index for `layers`, if the cache holds a current, authentic one."""
    import json

    directory = usable_dir(cache_dir(env))
    if directory is None:
        return None
    try:
        name, key, _ = catalogue_key(layers)
    except OSError:
        return None
    secret = _read_secret(directory / _SECRET_FILE)
    if secret is None:
        return None
    opened = _opened(directory / f"index-{name}.bin", key, secret)
    if opened is None:
        return None
    sealed, start = opened
    try:
        data = json.loads(sealed[start:])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _write_bytes(directory: Path, path: Path, payload: bytes | bytearray) -> bool:
    """Write atomically (0600); any failure (read-only or full disk) leaves no trace, and
    says False."""
    import tempfile

    try:
        fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        Path(temp).replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        if not isinstance(exc, OSError):
            raise
        return False
    return True


def _clean_stale_temps(directory: Path) -> None:
    """Remove temporary files an interrupted run left behind (older than an hour)."""
    cutoff = time.time() - _STALE_TEMP_SECONDS
    with contextlib.suppress(OSError):
        for child in directory.iterdir():
            if child.name.startswith(".tmp-"):
                with contextlib.suppress(OSError):
                    if child.lstat().st_mtime < cutoff:
                        child.unlink()
