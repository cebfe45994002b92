"""Every command in every machine format: parseable, and nothing but the document on stdout."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import Invoke

AD = str(Path(__file__).parent / "data" / "postings" / "05-mle-recsys.md")
COMMANDS = [
    ("list",),
    ("list", "--track", "all"),
    ("show", "data scientist"),
    ("compare", "ds", "mle", "mlops"),
    ("skills",),
    ("skills", "--role", "mlops"),
    ("sources",),
    ("map", "--me", "swe=2,ml=4", "--role", "ds"),
    ("fit", "--swe", "3", "--ml", "3"),
    ("path", "ds", "mle"),
    ("search", "airflow"),
    ("triage", AD),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_json_parses(invoke: Invoke, args: tuple[str, ...]) -> None:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["schema_version"] == 2


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_yaml_matches_json(invoke: Invoke, args: tuple[str, ...]) -> None:
    as_yaml = yaml.safe_load(invoke(*args, "--format", "yaml").stdout)
    assert as_yaml == json.loads(invoke(*args, "--format", "json").stdout)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_markdown_starts_with_a_heading(invoke: Invoke, args: tuple[str, ...]) -> None:
    out = invoke(*args, "--format", "markdown").stdout
    assert out.startswith("# ")
    assert "\x1b[" not in out


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_machine_formats_ignore_force_color_and_width(
    invoke: Invoke, args: tuple[str, ...]
) -> None:
    wide = invoke(*args, "--format", "json", width=200).stdout
    narrow = invoke(*args, "--format", "json", width=20, env={"FORCE_COLOR": "1"}).stdout
    assert wide == narrow


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_table_fits_60_columns(invoke: Invoke, args: tuple[str, ...]) -> None:
    result = invoke(*args, width=60)
    assert result.exit_code == 0
    too_long = [line for line in result.stdout.splitlines() if len(line) > 60]
    assert not too_long


ANSI = re.compile(r"\x1b\[[0-9;]*m")
RULE = re.compile(r"^[\s─-]+$")


def characters(text: str) -> Counter[str]:
    """What an output says, whatever its layout: its characters but spaces, with ANSI
    codes and table rules dropped (tables wrap and split words at different places)."""
    lines = [line for line in ANSI.sub("", text).splitlines() if not RULE.match(line)]
    return Counter("".join("".join(lines).split()))


# The map is left out: its chart uses ASCII glyphs in a pipe by design (see test_map.py).
@pytest.mark.parametrize(
    "args", [c for c in COMMANDS if c[0] != "map"], ids=lambda args: " ".join(args)[:40]
)
@pytest.mark.parametrize("width", [60, 100, 140])
def test_terminal_and_pipe_say_the_same(invoke: Invoke, args: tuple[str, ...], width: int) -> None:
    """A terminal gets Rich's drawing, a pipe the plain one: the same blocks, so the same
    text, only wrapped differently."""
    piped = invoke(*args, width=width)
    terminal = invoke(*args, width=width, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert piped.exit_code == terminal.exit_code == 0
    assert "\x1b" not in piped.stdout
    assert characters(piped.stdout) == characters(terminal.stdout)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:40])
def test_terminal_output_fits_60_columns(invoke: Invoke, args: tuple[str, ...]) -> None:
    result = invoke(*args, width=60, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout  # really the terminal path
    too_long = [line for line in ANSI.sub("", result.stdout).splitlines() if len(line) > 60]
    assert not too_long
