"""Real runs: a wheel installed into a fresh venv, run from elsewhere, and the console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _mlroles() -> list[str]:
    script = shutil.which("mlroles", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "mlroles"]


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    full_env = {**os.environ, **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [*_mlroles(), *args],
        capture_output=True,
        encoding=full_env.get("PYTHONIOENCODING", "utf-8"),
        env=full_env,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("mlroles-*.whl")
    return built


def test_wheel_ships_the_catalogue(wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "mlroles/data/sources.yaml" in names
    assert "mlroles/data/roles/ml-engineer.yaml" in names
    assert "mlroles/py.typed" in names
    assert "mlroles/triage_model.json" in names  # triage's fitted parameters
    assert "mlroles/moves.json" in names  # fit's counts of career moves


def test_wheel_in_a_fresh_venv_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(env_dir / "bin" / "mlroles"), "list", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["roles"]) == 15
    module = subprocess.run(
        [str(python), "-m", "mlroles", "show", "mle"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert module.returncode == 0 and module.stdout.startswith("ML engineer")
    ad = elsewhere / "ad.md"
    ad.write_text((REPO / "tests" / "data" / "postings" / "05-mle-recsys.md").read_text())
    triaged = subprocess.run(
        [str(env_dir / "bin" / "mlroles"), "triage", str(ad), "-f", "json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert triaged.returncode == 0, triaged.stderr
    assert json.loads(triaged.stdout)["roles"][0]["id"] == "ml-engineer"


def test_piped_output_is_plain_and_no_color_is_honoured() -> None:
    result = run("compare", "ds", "mle", env={"COLUMNS": "80"})
    assert result.returncode == 0 and "\x1b[" not in result.stdout
    coloured = run("show", "ds", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[3" not in coloured.stdout


def test_closed_pipe_ends_quietly() -> None:
    proc = subprocess.Popen(
        [*_mlroles(), "show", "ds", "--format", "markdown"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert stderr == ""


def test_ascii_stream_gets_no_encode_error() -> None:
    result = run("show", "ds", env={"PYTHONIOENCODING": "ascii", "COLUMNS": "70"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "* Use scientific methods" in result.stdout


def test_unknown_role_in_a_real_process() -> None:
    result = run("show", "no-such-role")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("mlroles: error: unknown role 'no-such-role'.")
    assert "Traceback" not in result.stderr


def test_sigint_exits_130_quietly() -> None:
    code = (
        "import signal, sys, mlroles.cli.commands as c\n"
        "def slow(*a, **k):\n"
        "    import os; os.kill(os.getpid(), signal.SIGINT)\n"
        "c.load_catalogue = slow\n"
        "sys.argv = ['mlroles', 'list']\n"
        "from mlroles.__main__ import main; main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 130
    assert result.stderr == "mlroles: interrupted.\n"


@pytest.mark.parametrize(
    "env",
    [
        {"COLUMNS": "0"},
        {"COLUMNS": "20"},
        {"COLUMNS": "abc"},
        {"TERM": "dumb"},
        {"NO_COLOR": "1"},
        {"LANG": "C", "LC_ALL": "C"},
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1", "COLUMNS": "60"},
    ],
    ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()),
)
def test_odd_terminals_still_get_legible_output(env: dict[str, str]) -> None:
    for args in (("list",), ("compare", "ds", "mle"), ("skills", "--role", "mlops")):
        result = run(*args, env=env)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert "\x1b[" not in result.stdout
        assert "Data scientist" in result.stdout or "MLOps engineer" in result.stdout
        assert max(len(line) for line in result.stdout.splitlines()) <= 120


def test_list_into_head_ends_quietly() -> None:
    result = subprocess.run(
        f"{' '.join(_mlroles())} list --track all | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def test_internal_error_is_one_line_and_debug_shows_the_traceback() -> None:
    code = (
        "import sys, mlroles.cli.commands as c\n"
        "def broken(*a, **k):\n"
        "    raise RuntimeError('kaput')\n"
        "c.load_catalogue = broken\n"
        "sys.argv = ['mlroles', *sys.argv[1:]]\n"
        "from mlroles.__main__ import main; main()\n"
    )
    plain = subprocess.run(
        [sys.executable, "-c", code, "list"], capture_output=True, text=True, timeout=60
    )
    assert plain.returncode == 1
    assert plain.stderr == (
        "mlroles: internal error: RuntimeError: kaput. "
        "This is a bug; rerun with --debug for details.\n"
    )
    debug = subprocess.run(
        [sys.executable, "-c", code, "--debug", "list"], capture_output=True, text=True, timeout=60
    )
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert "RuntimeError: kaput" in debug.stderr
    assert "locals" not in debug.stderr.lower()


def test_a_dumb_terminal_honours_columns() -> None:
    """Issue 18, item 17: TERM=dumb in a 120-column pane lays out for 120, not 80."""
    result = run("list", env={"TTY_COMPATIBLE": "1", "TERM": "dumb", "COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    widths = [len(line) for line in result.stdout.splitlines()]
    assert 100 < max(widths) <= 120  # the table, not the 80-column records
