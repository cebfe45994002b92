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
        [*_mlroles(), *args], capture_output=True, text=True, env=full_env, cwd=cwd, timeout=60
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
