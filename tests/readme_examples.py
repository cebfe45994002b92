"""The README's example output, made by running the commands (issue 18, item 19).

    python tests/readme_examples.py        # rewrite README.md's examples from real runs

Each example in README.md is a fenced block right under a marker:

    <!-- example: mlroles list --track research | columns=120 lines=1-9,21-26 -->

A file the examples need can be spelt out in the README, as a ```yaml block right under
`<!-- file: NAME -->`: it is written to NAME in the directory the examples run in.

The block becomes `$ <command>` and the command's output as a pipe gets it (plain text)
at `columns` (100 unless given); `lines` keeps only those lines of it, with `…` for what is
left out. `test_readme_examples.py` fails when the README differs from a fresh run.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
POSTINGS = REPO / "tests" / "data" / "postings"

# The files the examples name, as copies of the test postings.
AD_FILES = {
    "ad.md": "20-misleading-ai-engineer-is-mlops.md",
    "ml-engineer-ad.md": "05-mle-recsys.md",
    "ads/03-data-analyst-ops.txt": "03-data-analyst-ops.txt",
    "ads/05-mle-recsys.md": "05-mle-recsys.md",
    "ads/14-research-scientist.md": "14-research-scientist.md",
    "ads/17-misleading-ds-is-mle.md": "17-misleading-ds-is-mle.md",
}

_FILE = re.compile(r"^<!-- file: (?P<name>[\w.-]+) -->\n```yaml\n(?P<text>.*?)^```\n", re.M | re.S)
"""A file the examples use, written out in the README itself (a catalogue, say)."""

_EXAMPLE = re.compile(
    r"^<!-- example: (?P<command>.+?)(?: \| (?P<options>[^>]*?))? -->\n```\n.*?^```\n",
    re.MULTILINE | re.DOTALL,
)


def _kept(lines: list[str], spec: str) -> list[str]:
    """The lines in `spec` ("1-9,21-26", 1-based), with `…` wherever lines are left out."""
    out: list[str] = []
    end = 0
    for part in spec.split(","):
        first, _, last = part.partition("-")
        start, stop = int(first), int(last or first)
        if start > end + 1:
            out.append("…")
        out += lines[start - 1 : stop]
        end = stop
    if end < len(lines):
        out.append("…")
    return out


def run_example(command: str, options: str, workdir: Path) -> str:
    """The block for `command`: the prompt line and what the command prints."""
    settings = dict(option.split("=", 1) for option in options.split())
    words = shlex.split(command)
    assert words[0] == "mlroles", command
    env = {**os.environ, "COLUMNS": settings.get("columns", "100")}
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "MLROLES_CATALOG"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "mlroles", *words[1:]],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    printed = result.stdout if result.stdout else result.stderr
    lines = printed.rstrip("\n").split("\n")
    if "lines" in settings:
        lines = _kept(lines, settings["lines"])
    return "\n".join([f"$ {command}", *lines]) + "\n"


def regenerated(text: str) -> str:
    """`text` (the README) with every example block made from a fresh run."""
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        for name, posting in AD_FILES.items():
            (workdir / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(POSTINGS / posting, workdir / name)
        for name, content in readme_files(text).items():
            (workdir / name).write_text(content, encoding="utf-8")

        def block(match: re.Match[str]) -> str:
            command, options = match["command"], match["options"] or ""
            marker = match.group(0).split("\n", 1)[0]
            return f"{marker}\n```\n{run_example(command, options, workdir)}```\n"

        return _EXAMPLE.sub(block, text)


def readme_files(text: str) -> dict[str, str]:
    """The files the README spells out for its examples, by name."""
    return {match["name"]: match["text"] for match in _FILE.finditer(text)}


def examples(text: str) -> list[str]:
    """The commands of the README's examples."""
    return [match["command"] for match in _EXAMPLE.finditer(text)]


if __name__ == "__main__":
    README.write_text(regenerated(README.read_text(encoding="utf-8")), encoding="utf-8")
