"""Reading input files without being stalled, and writing output files all or nothing.

Reading: a path may name a FIFO with no writer, a device or a file being swapped while it is
read, so a file is opened without blocking and checked on the open descriptor: what is read
is what was checked. Writing: through a temporary file in the same directory, never over
anything but a regular file, and never over an existing file unless asked.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import Any, NamedTuple

from .errors import MlrolesError


class NotRegularFile(OSError):
    """The path names a directory, FIFO, device or socket, not a regular file."""


class FileTooLarge(OSError):
    """The file holds more bytes than the caller accepts."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises NotRegularFile (never waiting on a FIFO or device), FileTooLarge, or the OSError
    of the failed open or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # the size can grow after fstat: read at most limit + 1
            # Ask for what fstat promised (plus one, to see the end): os.read allocates
            # all it is asked for, and the limit may be gigabytes.
            want = min(limit + 1 - total, max(info.st_size + 1 - total, 1 << 16))
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` through a temporary file in the same directory.

    The file appears complete or not at all, even if the process is interrupted (Ctrl-C,
    SIGTERM, SIGHUP). Only a regular file is ever replaced, and only with `force`; a file
    that appears between the check and the write is not overwritten (the final step is a
    link, which fails if the name exists). A replaced file keeps its permissions.
    """
    try:
        existing = path.lstat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise MlrolesError(f"{path} is a directory.", hint="Name a file to write.")
        if stat.S_ISLNK(existing.st_mode) and not force:
            raise MlrolesError(
                f"{path} already exists (a symbolic link).", hint="Use --force to replace it."
            )
        if not force:
            raise MlrolesError(f"{path} already exists.", hint="Use --force to overwrite it.")
        if not stat.S_ISREG(existing.st_mode) and not stat.S_ISLNK(existing.st_mode):
            raise MlrolesError(
                f"{path} is not a regular file (a device, FIFO or socket); not replacing it."
            )
    import tempfile  # here, not at import: shell completion reads files but never writes

    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise MlrolesError(f"cannot write {path}: directory {directory} does not exist.")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
    try:
        with _cleanup_on_signals():
            # mkstemp makes the file private (0600); give it the mode of the file it
            # replaces, else the mode a plain open() would.
            if existing is not None and stat.S_ISREG(existing.st_mode):
                mode = stat.S_IMODE(existing.st_mode) & 0o777  # never set-id bits
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.fchmod(fd, mode)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            if existing is None:
                _link_new(Path(temp), path)
            else:
                Path(temp).replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        if isinstance(exc, _Terminated):
            os.kill(os.getpid(), exc.signum)  # the handler in force before (default: exit)
            raise MlrolesError(f"interrupted; {path} was not written.") from None
        if isinstance(exc, FileExistsError):
            raise MlrolesError(
                f"{path} already exists.", hint="Use --force to overwrite it."
            ) from None
        if isinstance(exc, OSError):
            raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
        raise


def _link_new(temp: Path, path: Path) -> None:
    """Give the finished temporary file its name, failing if the name has appeared since
    the check (a rename would silently replace it)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: a rename, after one more check
        if os.path.lexists(path):
            raise FileExistsError(str(path)) from None
        temp.replace(path)
        return
    temp.unlink()


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into an exception while a file is written, so that the
    temporary file can be removed before the signal is delivered again."""
    import signal

    def handler(signum: int, frame: FrameType | None) -> None:
        raise _Terminated(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous: dict[int, Any] = {}
    try:
        for signum in wanted:
            if signal.getsignal(signum) is not signal.SIG_IGN:  # under nohup, HUP stays ignored
                previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread: signals cannot be handled here
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def write_directory_atomically(
    path: Path, files: Mapping[str, str], *, force: bool, ours: Callable[[str], bool]
) -> None:
    """Write `files` (relative POSIX path -> text) as the directory `path`, all or nothing.

    The directory is made complete under a temporary name beside `path`, then renamed into
    place, so no run ever sees half of it (even after Ctrl-C, SIGTERM or a full disk). An
    empty directory at `path` is simply replaced. A non-empty one is replaced only with
    `force`, and only if everything in it is something such a write makes (`ours(relative
    path)` for every file and folder; regular files and folders only, no links, devices or
    FIFOs): a previous export is replaced whole, anything else is never touched.
    """
    existing = _existing_directory(path, ours)
    if existing is not None and existing.nonempty:
        if not force:
            raise MlrolesError(f"{path} is not empty.", hint="Use --force to replace it.")
        if existing.foreign is not None:
            raise MlrolesError(
                f"{path} holds {existing.foreign}, which an export does not write; "
                "not replacing it.",
                hint="Name a new or empty directory.",
            )
    import shutil
    import tempfile

    parent = path.parent if str(path.parent) else Path()
    if not parent.is_dir():
        raise MlrolesError(f"cannot write {path}: directory {parent} does not exist.")
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
    old = None
    try:
        with _cleanup_on_signals():
            umask = os.umask(0)
            os.umask(umask)
            temp.chmod(0o777 & ~umask)  # mkdtemp makes it private; give the usual mode
            for relative, text in files.items():
                target = temp / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("x", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
                    handle.flush()
                    os.fsync(handle.fileno())
            if existing is not None and existing.nonempty:
                old = Path(
                    tempfile.mkdtemp(prefix=f".{path.name[:100]}.", suffix=".old", dir=parent)
                )
                # Moved aside, not deleted, until the new one is in place.
                path.replace(old / "previous")
            temp.replace(path)  # onto nothing, or onto an empty directory
    except BaseException as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(temp)
        if old is not None and not os.path.lexists(path):
            with contextlib.suppress(OSError):
                (old / "previous").replace(path)  # put the previous export back
        if isinstance(exc, _Terminated):
            os.kill(os.getpid(), exc.signum)
            raise MlrolesError(f"interrupted; {path} was not written.") from None
        if isinstance(exc, OSError):
            raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


class _Existing(NamedTuple):
    nonempty: bool
    foreign: str | None
    """The first entry `ours` does not claim (or that is no regular file or folder)."""


def _existing_directory(path: Path, ours: Callable[[str], bool]) -> _Existing | None:
    """What is at `path` now: nothing (None), or a directory, with what in it is foreign."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
    if stat.S_ISLNK(info.st_mode):
        raise MlrolesError(
            f"{path} is a symbolic link; not replacing it.", hint="Name the directory itself."
        )
    if not stat.S_ISDIR(info.st_mode):
        raise MlrolesError(f"{path} is not a directory.", hint="Name a new or empty directory.")
    nonempty = False
    for root, dirs, names in os.walk(path):  # symbolic links are listed, never followed
        for name in sorted(dirs) + sorted(names):
            nonempty = True
            entry = Path(root, name)
            relative = entry.relative_to(path).as_posix()
            mode = entry.lstat().st_mode
            kind_ok = stat.S_ISDIR(mode) if name in dirs else stat.S_ISREG(mode)
            if not kind_ok or not ours(relative):
                return _Existing(True, relative)
    return _Existing(nonempty, None)
