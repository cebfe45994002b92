"""Measure every speed target of mlroles against its baseline, in the same run.

    python benchmarks/speed.py [--runs 15] [--quick]

Each command is run as a whole process, interleaved with its baseline (the bare Typer
app in bare_app.py, or PyYAML's C loader for the cold scale test), `--runs` times;
medians and ratios are printed as a table and the script exits 1 when a target is
missed. Before measuring it byte-compiles the package (so that a machine that sets
PYTHONDONTWRITEBYTECODE measures running code, not compiling it) and warms a private
catalogue cache. --quick skips the 5,000-role scale tests.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE = [sys.executable, str(HERE / "bare_app.py")]


def _mlroles_command() -> list[str]:
    """The `mlroles` console script of this interpreter's environment, as users run it,
    started by this interpreter like the bare app; `python -m mlroles` if there is none."""
    script = shutil.which("mlroles", path=str(Path(sys.executable).parent))
    return [sys.executable, script] if script else [sys.executable, "-m", "mlroles"]


MLROLES = _mlroles_command()


def run_once(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):  # fish completion answers "no" with exit 1
        raise SystemExit(f"{' '.join(argv)} failed: {result.stderr.decode()[-500:]}")
    return elapsed


@dataclass
class Row:
    name: str
    ours: float
    baseline: float
    limit: float | None
    """None: a figure reported for information, with no target."""
    unit: str = "ratio"

    @property
    def value(self) -> float:
        return self.ours / self.baseline if self.unit == "ratio" else self.ours

    @property
    def ok(self) -> bool:
        return self.limit is None or self.value <= self.limit


def compare(
    name: str,
    ours: tuple[Sequence[str], dict[str, str]],
    base: tuple[Sequence[str], dict[str, str]],
    limit: float | None,
    runs: int,
) -> Row:
    mine, theirs = [], []
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        mine.append(run_once(*ours))
        theirs.append(run_once(*base))
    return Row(name, statistics.median(mine), statistics.median(theirs), limit)


def completion_env(base: dict[str, str], var: str, shell: str, words: str) -> dict[str, str]:
    env = dict(base)
    env[var] = f"complete_{shell}"
    if shell == "bash":
        env["COMP_WORDS"] = words
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def peak_memory_mib(argv: Sequence[str], env: dict[str, str]) -> float:
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def yaml_parse_seconds(directory: Path) -> float:
    code = (
        "import sys, time, yaml, pathlib;"
        "files = sorted(pathlib.Path(sys.argv[1]).iterdir());"
        "t = time.perf_counter();"
        "[yaml.load(f.read_text(), Loader=yaml.CSafeLoader) for f in files];"
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(directory)], capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description="mlroles speed targets")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="skip the scale tests")
    args = parser.parse_args()

    import mlroles

    package = Path(mlroles.__file__).parent
    compileall.compile_dir(str(package), quiet=1)
    scratch = Path(tempfile.mkdtemp(prefix="mlroles-bench-"))
    env = {**os.environ, "MLROLES_CACHE_DIR": str(scratch / "cache"), "COLUMNS": "100"}
    env.pop("MLROLES_CATALOG", None)
    subprocess.run([*MLROLES, "list"], env=env, stdout=subprocess.DEVNULL, check=True)
    rows: list[Row] = []
    bare_show = ([*BARE, "show", "x"], env)
    for command in (
        ["show", "ml-engineer"],
        ["compare", "ds", "mle"],
        ["skills", "--role", "mlops"],
        ["list"],
        ["fit", "--swe", "4", "--ml", "1", "--skill", "python=3", "--want", "deployment=5"],
        ["path", "me", "mle", "--swe", "3", "--skill", "python=practitioner"],
        ["path", "swe", "mle"],
    ):
        rows.append(
            compare(
                f"mlroles {' '.join(command)}", (MLROLES + command, env), bare_show, 1.25, args.runs
            )
        )
    # For information: the same commands drawn for a terminal (Rich, colour), as a person
    # at one sees them. The targets above are measured as any harness runs a command,
    # with its output going to a pipe or a file, which gets the plain drawing.
    terminal = {**env, "TTY_COMPATIBLE": "1"}
    for command in (["show", "ml-engineer"], ["compare", "ds", "mle"]):
        rows.append(
            compare(
                f"  (info) {' '.join(command)}, terminal drawing",
                (MLROLES + command, terminal),
                bare_show,
                None,
                args.runs,
            )
        )
    rows.append(
        compare(
            "mlroles --help", ([*MLROLES, "--help"], env), ([*BARE, "--help"], env), 1.10, args.runs
        )
    )
    for shell in ("bash", "zsh", "fish"):
        for words in ("mlroles show d", "mlroles compare ds m", "mlroles skills --role ml"):
            ours_env = completion_env(env, "_MLROLES_COMPLETE", shell, words)
            bare_words = "bare show d"
            bare_env = completion_env(env, "_BARE_APP.PY_COMPLETE", shell, bare_words)
            bare_env["_BARE_COMPLETE"] = bare_env.pop("_BARE_APP.PY_COMPLETE")
            rows.append(
                compare(
                    f"complete {shell}: {words}<TAB>",
                    (MLROLES, ours_env),
                    (BARE, bare_env),
                    0.5,
                    args.runs,
                )
            )

    if not args.quick:
        sys.path.insert(0, str(HERE))
        from generate_catalogue import generate

        timings: dict[int, float] = {}
        for roles in (500, 5000):
            overlay = scratch / f"overlay-{roles}"
            generate(overlay, roles, roles * 4)
            over_env = {**env, "MLROLES_CACHE_DIR": str(scratch / f"cache-{roles}")}
            argv = [*MLROLES, "--no-bundled", "--catalog", str(overlay), "show", "bench-role-7"]
            cold = []
            for _ in range(3):
                shutil.rmtree(over_env["MLROLES_CACHE_DIR"], ignore_errors=True)
                cold.append(run_once(argv, over_env))
            timings[roles] = statistics.median(cold)
            if roles == 5000:
                parse = yaml_parse_seconds(overlay)
                rows.append(
                    Row("5,000 roles: cold show vs YAML C-loader parse", timings[roles], parse, 2.0)
                )
                warm = [run_once(argv, over_env) for _ in range(args.runs)]
                bundled = [
                    run_once([*MLROLES, "show", "ml-engineer"], env) for _ in range(args.runs)
                ]
                rows.append(
                    Row(
                        "5,000 roles: warm show vs bundled show",
                        statistics.median(warm),
                        statistics.median(bundled),
                        2.0,
                    )
                )
                list_argv = [
                    *MLROLES,
                    "--no-bundled",
                    "--catalog",
                    str(overlay),
                    "list",
                    "--format",
                    "json",
                ]
                rows.append(
                    Row(
                        "5,000 roles: warm list --format json (s)",
                        statistics.median(run_once(list_argv, over_env) for _ in range(5)),
                        1.0,
                        3.0,
                        "seconds",
                    )
                )
                rows.append(
                    Row(
                        "5,000 roles: peak memory, warm list (MiB)",
                        peak_memory_mib(list_argv, over_env),
                        1.0,
                        250.0,
                        "MiB",
                    )
                )
        per_role = (timings[5000] / 5000) / (timings[500] / 500)
        rows.append(
            Row("cold cost per role, 5,000 vs 500 (growth)", per_role, 1.0, 1.0, "x per role")
        )

    shutil.rmtree(scratch, ignore_errors=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}; runs per figure: {args.runs}"
    )
    return report(rows, 52)


def report(rows: list[Row], width: int) -> int:
    """Print the rows as a table and whether every target is met: the exit code."""
    print(f"{'target':<{width}} {'ours':>9} {'baseline':>9} {'value':>8} {'limit':>7}  ok")
    for row in rows:
        base = f"{row.baseline:.3f}s" if row.unit == "ratio" else "-"
        ours = f"{row.ours:.3f}s" if row.unit in ("ratio", "seconds") else f"{row.ours:.2f}"
        limit = "-" if row.limit is None else f"{row.limit:.2f}"
        verdict = "-" if row.limit is None else "yes" if row.ok else "NO"
        print(f"{row.name:<{width}} {ours:>9} {base:>9} {row.value:>8.2f} {limit:>7}  {verdict}")
    missed = [row.name for row in rows if not row.ok]
    print("all targets met" if not missed else f"missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
