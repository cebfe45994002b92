"""Output files (issue 13, items 4 and 9): only regular files are ever replaced, a file
that appears meanwhile is not overwritten, modes are kept, and no temporary file is left
behind by a signal. `-o -` is stdout."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.errors import MlrolesError
from mlroles.files import write_atomically


def test_a_fifo_is_not_replaced_even_with_force(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    result = invoke("export", "-o", str(fifo), "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"mlroles: error: {fifo} is not a regular file (a device, FIFO or socket); "
        "not replacing it.\n"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_is_not_replaced_even_with_force(invoke: Invoke) -> None:
    result = invoke("export", "-o", "/dev/null", "--force")
    assert result.exit_code == 1
    assert "/dev/null is not a regular file" in result.stderr
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_socket_is_not_replaced(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(MlrolesError, match="not a regular file"):
            write_atomically(path, "x", force=True)
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_dangling_symlink_is_not_followed_without_force(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.md"
    link = tmp_path / "out.md"
    link.symlink_to(target)
    with pytest.raises(MlrolesError, match="already exists"):
        write_atomically(link, "text")
    assert not target.exists() and link.is_symlink()


def test_a_file_created_after_the_check_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    path = tmp_path / "out.md"
    real_mkstemp = tempfile.mkstemp

    def racing_mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        path.write_text("someone else's")  # appears between the check and the write
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", racing_mkstemp)
    with pytest.raises(MlrolesError, match="already exists"):
        write_atomically(path, "ours")
    assert path.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]  # no temporary file left


def test_force_keeps_the_mode_of_the_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "private.md"
    path.write_text("old")
    path.chmod(0o600)
    write_atomically(path, "new", force=True)
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_dash_means_stdout(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("export", "-f", "json", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


_SLOW_WRITE = """
import os, sys
from pathlib import Path
from mlroles import files

real = os.fsync
def slow_fsync(fd):
    print("writing", flush=True)
    import time; time.sleep(30)
    real(fd)
os.fsync = slow_fsync
files.write_atomically(Path(sys.argv[1]), "x" * 5_000_000)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_mid_write_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    target = tmp_path / "out.md"
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signum, signal.SIG_DFL),  # even if run under nohup
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"  # the temporary file is full-size now
    assert len(list(tmp_path.iterdir())) == 1
    child.send_signal(signum)
    started = time.monotonic()
    returncode = child.wait(timeout=20)
    assert time.monotonic() - started < 10
    assert returncode == -signum  # it still dies of the signal, as the sender meant
    assert list(tmp_path.iterdir()) == []
