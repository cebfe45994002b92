"""`--help` for a person (issue 18, item 14): readable placeholders, the terminal's width,
one name for one thing, and examples that really run."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.cli.app import COMMANDS
from mlroles.cli.helptext import EXAMPLES, HELP_WIDTH

POSTINGS = Path(__file__).parent / "data" / "postings"


@pytest.mark.parametrize("command", [*COMMANDS, None])
def test_help_shows_placeholders_not_python_types(invoke: Invoke, command: str | None) -> None:
    result = invoke(*([command] if command else []), "--help", width=120)
    assert result.exit_code == 0
    out = result.stdout
    for python_type in ("<int", "<str", "<list", "<path", "<Path", "list[", " range>"):
        assert python_type not in out
    usage = out.splitlines()[0]
    assert "{" not in usage and "}" not in usage


def test_placeholders_name_what_to_type(invoke: Invoke) -> None:
    fit = invoke("fit", "--help", width=120).stdout
    for record in ("--skill NAME=LEVEL", "--want WORK=0-5", "--top N", "--profile FILE"):
        assert record in fit
    assert "--catalog PATH" in invoke("--help", width=120).stdout
    assert invoke("path", "--help").stdout.startswith("Usage: mlroles path [OPTIONS] FROM TO\n")
    assert "Usage: mlroles validate [OPTIONS] PATHS...\n" in invoke("validate", "--help").stdout
    assert "-f, --format [table|json|yaml|markdown]" in fit


def _help(width: int, *args: str) -> str:
    """Help from a real process: the test runner forces Click's help to 80 columns."""
    result = subprocess.run(
        [sys.executable, "-m", "mlroles", *args, "--help"],
        env={**os.environ, "COLUMNS": str(width)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_help_takes_the_terminal_width_up_to_the_measure(width: int) -> None:
    out = _help(width, "fit")
    longest = max(map(len, out.splitlines()))
    assert longest <= min(width, HELP_WIDTH)
    if width >= 120:
        assert longest > 90  # not wrapped at 80 in a wide terminal
    summaries = _help(width).split("Commands:")[1]
    assert "..." not in summaries  # no command's summary cut short, at any width
    assert "what the ad asks for." in " ".join(summaries.split())  # triage's, the longest, whole


def test_every_command_has_examples(invoke: Invoke) -> None:
    assert set(EXAMPLES) == set(COMMANDS)
    for command, examples in EXAMPLES.items():
        out = invoke(command, "--help", width=120).stdout
        section = out.split("\nExamples:\n", 1)[1]
        assert [line.strip() for line in section.splitlines() if line.strip()] == list(examples)


def test_every_example_runs(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(POSTINGS / "05-mle-recsys.md", "ad.txt")
    shutil.copytree(POSTINGS, "ads")
    assert invoke("init", "mine.yaml").exit_code == 0
    for command in COMMANDS:  # in the order of --help: init before --catalog team.yaml
        for example in EXAMPLES[command]:
            words = shlex.split(example)
            if ">" in words:  # the shell's redirection: the command writes stdout
                words = words[: words.index(">")]
            assert words[0] == "mlroles"
            result = invoke(*words[1:], width=100)
            assert result.exit_code == 0, (example, result.stderr)
            assert result.stdout or "rote " in result.stderr, example  # printed, or said it wrote


def test_search_and_fit_and_triage_name_their_count_the_same(invoke: Invoke) -> None:
    for command in ("fit", "triage", "search"):
        assert "-n, --top N" in invoke(command, "--help", width=120).stdout
    assert "--limit" not in invoke("search", "--help", width=120).stdout
    hits = invoke("search", "python", "--top", "2", "--format", "json").stdout
    assert hits.count('"kind"') == 2
