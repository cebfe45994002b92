"""Long output on a terminal goes through a pager, as git and gh do (issue 18, item 18):
MLROLES_PAGER or PAGER (else less), never for a pipe, and not with --no-pager."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest


def run_on_a_terminal(args: list[str], env: dict[str, str], lines: int = 24) -> str:
    """Run mlroles with its stdout on a pseudo-terminal; what reached the terminal."""
    leader, follower = pty.openpty()
    full_env = {**os.environ, "COLUMNS": "100", "LINES": str(lines), "TERM": "dumb", **env}
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "PAGER", "MLROLES_PAGER"):
        if name not in env:
            full_env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "mlroles", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=full_env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager that records what it was given."""
    paged = tmp_path / "paged.txt"
    return f"cat > {paged}", paged


pytestmark = pytest.mark.slow


def test_long_output_on_a_terminal_is_paged(pager: tuple[str, Path]) -> None:
    command, paged = pager
    shown = run_on_a_terminal(["show", "ds"], {"PAGER": command})
    assert "Data scientist" in paged.read_text()
    assert "Data scientist" not in shown  # the pager had it, not the terminal


def test_mlroles_pager_comes_before_pager(pager: tuple[str, Path]) -> None:
    command, paged = pager
    run_on_a_terminal(["show", "ds"], {"PAGER": "false", "MLROLES_PAGER": command})
    assert "Data scientist" in paged.read_text()


def test_short_output_is_not_paged(pager: tuple[str, Path]) -> None:
    command, paged = pager
    shown = run_on_a_terminal(["search", "airflow", "--top", "1"], {"PAGER": command})
    assert not paged.exists()
    assert "Airflow" in shown


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--no-pager", "show", "ds"], {}), (["show", "ds"], {"PAGER": ""})],
    ids=["--no-pager", "empty PAGER"],
)
def test_paging_can_be_turned_off(
    pager: tuple[str, Path], args: list[str], env: dict[str, str]
) -> None:
    command, paged = pager
    shown = run_on_a_terminal(args, {"PAGER": command, **env})
    assert not paged.exists()
    assert "Data scientist" in shown


def test_a_pipe_is_never_paged(pager: tuple[str, Path]) -> None:
    command, paged = pager
    result = subprocess.run(
        [sys.executable, "-m", "mlroles", "show", "ds"],
        env={**os.environ, "PAGER": command, "FORCE_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert not paged.exists()
    assert "Data scientist" in result.stdout


def test_a_pager_that_is_not_there_prints_plainly() -> None:
    shown = run_on_a_terminal(["show", "ds"], {"PAGER": "no-such-pager-anywhere"})
    assert "Data scientist" in shown
