"""Faults around a run (issue 13, items 7, 8 and 13): unusable stdout or stdin, names
too long, directories that change while scanned, ads from FIFOs and in UTF-16. Each is
one line on stderr and a non-zero exit, never "internal error" or a traceback."""

from __future__ import annotations

import codecs
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.adtext import decode_ad

POSTING = Path(__file__).parent / "data" / "postings" / "05-mle-recsys.md"


def _mlroles() -> list[str]:
    script = shutil.which("mlroles", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "mlroles"]


def run_shell(line: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`line` run by sh with MLROLES standing for the command, for redirections."""
    command = " ".join(f"'{part}'" for part in _mlroles())
    return subprocess.run(
        ["sh", "-c", line.replace("MLROLES", command)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def one_clean_line(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 1, result
    assert result.stderr == f"mlroles: {expected}\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout(tmp_path: Path) -> None:
    result = run_shell("MLROLES list > /dev/full")
    one_clean_line(result, "error: cannot write the output: No space left on device.")


def test_a_closed_stdout() -> None:
    result = run_shell("MLROLES list >&-")
    one_clean_line(result, "error: cannot write the output: standard output is closed.")


def test_a_closed_stdin_for_triage() -> None:
    result = run_shell("MLROLES triage - <&-")
    one_clean_line(result, "error: cannot read the ad from stdin: stdin is closed.")


@pytest.mark.parametrize(
    "args",
    [
        ["triage", "x" * 300],
        ["--catalog", "x" * 300, "list"],
        ["export", "-o", "x" * 300],
        ["validate", "x" * 300],
        ["fit", "--profile", "x" * 300],
    ],
)
def test_a_file_name_over_255_bytes(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 1, result.stdout
    said = result.stderr or result.stdout  # validate reports on stdout
    assert "File name too long" in said.splitlines()[0]
    assert "internal error" not in said and len(result.stderr.splitlines()) <= 1


@pytest.mark.parametrize("shell_env", [{"COMP_WORDS": "mlroles show d", "COMP_CWORD": "2"}])
def test_fast_completion_on_an_unusable_stdout(shell_env: dict[str, str]) -> None:
    env = {"_MLROLES_COMPLETE": "complete_bash", **shell_env}
    assert run_shell("MLROLES", env).stdout.split()[:1] == ["data-analyst"]  # the index exists
    if Path("/dev/full").exists():
        one_clean_line(
            run_shell("MLROLES > /dev/full", env),
            "cannot write completions: No space left on device.",
        )
    one_clean_line(
        run_shell("MLROLES >&-", env), "cannot write completions: standard output is closed."
    )
    piped = run_shell("MLROLES | true", env)
    assert piped.stderr == ""


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_directory_that_changes_while_it_is_scanned(invoke: Invoke) -> None:
    result = invoke("--catalog", "/proc", "list", "-f", "json")
    assert result.exit_code == 0, result.stderr


def test_a_huge_directory_is_refused_not_walked(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mlroles.layers

    monkeypatch.setattr(mlroles.layers, "MAX_SCANNED", 50)
    for index in range(60):
        (tmp_path / f"note{index}.txt").write_text("x")
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 1
    assert "more than 50 entries to search; name the catalogue's own directory" in result.stderr


def test_a_fifo_with_no_writer_does_not_block_triage(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "ad"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = invoke("triage", str(fifo))
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert result.stderr == f"mlroles: error: {fifo}: the ad is empty.\n"


def test_a_fifo_with_a_writer_is_read(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "ad"
    os.mkfifo(fifo)

    def writer() -> None:
        with fifo.open("wb") as handle:
            handle.write(POSTING.read_bytes())

    thread = threading.Thread(target=writer)
    thread.start()
    time.sleep(0.2)  # the writer is waiting in open(); triage's open lets it through
    result = invoke("triage", str(fifo), "-f", "json")
    thread.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert '"title_role": "ml-engineer"' in result.stdout  # the ad was read whole


def test_a_device_is_refused_as_an_ad(invoke: Invoke) -> None:
    result = invoke("triage", "/dev/zero")
    assert result.exit_code == 1
    assert "/dev/zero: not a file (a device or socket)" in result.stderr


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_ad_with_a_bom_is_read(invoke: Invoke, tmp_path: Path, codec: str) -> None:
    text = POSTING.read_text(encoding="utf-8")
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
    }.get(codec, b"")
    ad = tmp_path / "ad.txt"
    ad.write_bytes(bom + text.encode(codec))
    result = invoke("triage", str(ad), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"title_role": "ml-engineer"' in result.stdout  # the ad was read whole
    assert decode_ad(ad.read_bytes(), "ad") == text


def test_utf16_without_a_bom_is_still_called_binary() -> None:
    from mlroles.adtext import AdError

    with pytest.raises(AdError, match="looks like a binary file"):
        decode_ad("an ad".encode("utf-16-le"), "ad")
