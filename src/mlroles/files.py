"""Writing output files: all or nothing, and never over an existing file unless asked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import MlrolesError


def write_atomically(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` through a temporary file in the same directory.

    The file appears complete or not at all, even if the process is interrupted.
    """
    if path.exists() and not force:
        raise MlrolesError(f"{path} already exists.", hint="Use --force to overwrite it.")
    if path.is_dir():
        raise MlrolesError(f"{path} is a directory.", hint="Name a file to write.")
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise MlrolesError(f"cannot write {path}: directory {directory} does not exist.")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        Path(temp).chmod(0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        if isinstance(exc, OSError):
            raise MlrolesError(f"cannot write {path}: {exc.strerror or exc}.") from None
        raise
