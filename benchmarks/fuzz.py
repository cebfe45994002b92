"""A long fuzz run of the whole CLI: random arguments, hostile catalogue files (YAML and
JSON, mutated), hostile ads and file names; in-process, each case under a time limit.

    python benchmarks/fuzz.py [--cases 2000] [--seconds 300] [--seed 13]

Every case must end with exit 0, 1 or 2, no traceback, no "internal error", within
--case-seconds; table and Markdown output must carry no terminal control characters.
The run stops at --cases or --seconds, prints a summary, and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

os.environ["MLROLES_CACHE_DIR"] = tempfile.mkdtemp(prefix="mlroles-fuzz-cache-")

import yaml
from typer.testing import CliRunner

from mlroles.cli import app
from mlroles.layers import bundled_data_dir
from mlroles.textsafe import visible

REPO = Path(__file__).resolve().parents[1]
ROLE_YAML = (bundled_data_dir() / "roles" / "ml-engineer.yaml").read_text(encoding="utf-8")
ROLE_JSON = json.dumps(yaml.safe_load(ROLE_YAML), indent=1)
STARTER = (REPO / "src" / "mlroles" / "starter.yaml").read_text(encoding="utf-8")
POSTINGS = sorted((REPO / "tests" / "data" / "postings").glob("*.md"))
ESCAPES = [
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]0;title\x07",
    "\x1b[2J\x1b[H",
    "\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m",
    "\u202e",
    "\u2066",
    "\r",
    "\u2028",
    "\ufffe",
    "\u200b",
    "\ufeff",
    "=HYPERLINK(1)",
    "[bold]x[/]",
]
WORDS = [
    "list", "show", "compare", "skills", "sources", "validate", "schema", "export", "fit",
    "path", "search", "map", "triage", "ds", "mle", "mlops", "me", "-f", "json", "yaml",
    "markdown", "csv", "table", "--track", "all", "--role", "--sources", "--swe", "3",
    "--skill", "python=3", "--want", "research=5", "--top", "--me", "swe=4,ml=1", "-", "",
]  # fmt: skip
FORMATS = ["table", "markdown", "json", "yaml"]


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise Hang()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def mutate(text: str, rng: random.Random) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randrange(len(data))
        if choice < 0.5:
            data[position] = rng.randrange(256)
        elif choice < 0.8:
            data[position:position] = rng.choice(ESCAPES).encode("utf-8")
        else:
            del data[position : position + rng.randint(1, 40)]
    return bytes(data)


def hostile(rng: random.Random, size: int = 6) -> str:
    return "".join(rng.choice([*ESCAPES, "Engineer", " ", "é", "中"]) for _ in range(size))


def make_case(rng: random.Random, scratch: Path) -> tuple[str, list[str]]:
    kind = rng.choice(["arguments", "yaml", "json", "ad", "file name", "csv"])
    fmt = rng.choice(FORMATS)
    if kind == "arguments":
        words = [rng.choice(WORDS + ESCAPES) for _ in range(rng.randint(1, 6))]
        return kind, words
    if kind in ("yaml", "json"):
        path = scratch / f"overlay.{kind}"
        path.write_bytes(mutate(ROLE_YAML if kind == "yaml" else ROLE_JSON, rng))
        command = rng.choice([["list"], ["show", "mle"], ["validate", str(path)]])
        return kind, [
            "--catalog",
            str(path),
            *command,
            *(["-f", fmt] if command[0] != "validate" else []),
        ]
    if kind == "ad":
        text = rng.choice(POSTINGS).read_text(encoding="utf-8")
        ad = scratch / "ad.txt"
        ad.write_bytes(mutate(text, rng))
        return kind, ["triage", str(ad), "-f", fmt]
    if kind == "file name":
        path = scratch / (hostile(rng).replace("/", "") + ".yaml")
        path.write_text(STARTER + rng.choice(["", "bogus: 1\n"]), encoding="utf-8")
        return kind, ["--catalog", str(path), "show", "ae", "-f", fmt]
    overlay = scratch / "names.json"
    document = yaml.safe_load(STARTER)
    document["roles"][0]["summary"]["text"] = hostile(rng)
    overlay.write_text(json.dumps(document), encoding="utf-8")
    return kind, ["--catalog", str(overlay), "list", "-t", "all", "-f", "csv"]


def check(argv: list[str], case_seconds: float) -> str | None:
    """What went wrong with this case, or None."""
    try:
        with time_limit(case_seconds):
            result = CliRunner().invoke(app, argv, env={"COLUMNS": "80"})
    except Hang:
        return "hang"
    out, err = result.stdout, result.stderr
    if "Traceback" in out + err:
        return "traceback"
    if "internal error" in err:
        return "internal error"
    if result.exit_code not in (0, 1, 2):
        return f"exit {result.exit_code}"
    if not isinstance(result.exception, (SystemExit, type(None))):
        return f"exception {type(result.exception).__name__}"
    drawn = "json" not in argv and "yaml" not in argv and "csv" not in argv
    if drawn and visible(out) != out:
        return "control characters on stdout"
    if visible(err.rstrip("\n")) != err.rstrip("\n"):
        return "control characters on stderr"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description="fuzz the mlroles CLI")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--case-seconds", type=float, default=20)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kinds: Counter[str] = Counter()
    failures: list[tuple[str, str, list[str]]] = []
    started = time.monotonic()
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        os.chdir(scratch)  # whatever a command writes lands here
        try:
            while kinds.total() < args.cases and time.monotonic() - started < args.seconds:
                kind, argv = make_case(rng, scratch)
                kinds[kind] += 1
                problem = check(argv, args.case_seconds)
                if problem is not None:
                    failures.append((problem, kind, argv))
        finally:
            os.chdir(cwd)
    elapsed = time.monotonic() - started
    print(
        f"{kinds.total()} cases in {elapsed:.0f}s (seed {args.seed}): "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    )
    summary = Counter(problem for problem, _, _ in failures)
    for name in ("internal error", "traceback", "hang"):
        print(f"{name}s: {summary.pop(name, 0)}")
    for name, count in summary.items():
        print(f"{name}: {count}")
    for problem, kind, argv in failures[:20]:
        print(f"  {problem} ({kind}): {argv!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
