"""Property tests: no input a user can type or write makes mlroles crash.

Budgets come from the Hypothesis profile in conftest.py (`ci` by default; set
HYPOTHESIS_PROFILE=thorough for a long run).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlroles.build import validate_document
from mlroles.cli import app
from mlroles.errors import CatalogueError
from mlroles.layers import bundled_data_dir
from mlroles.yamlio import read_yaml

COMMANDS = [
    "list",
    "show",
    "compare",
    "skills",
    "sources",
    "validate",
    "schema",
    "export",
    "fit",
    "path",
    "search",
    "init",
    "map",
    "triage",
]
WORDS = [
    "ds",
    "mle",
    "mlops",
    "Data Scientist",
    "research-scientist",
    "nope",
    "",
    " ",
    "-",
    "--format",
    "-f",
    "json",
    "yaml",
    "markdown",
    "table",
    "html",
    "csv",
    "--track",
    "-t",
    "all",
    "adjacent",
    "ml",
    "research",
    "--role",
    "-r",
    "--sources",
    "--help",
    "--version",
    "--catalog",
    "--no-bundled",
    "--debug",
    "--force",
    "[bold]x[/]",
    "me",
    "--swe",
    "--ml",
    "3",
    "9",
    "--skill",
    "python=3",
    "sql=guru",
    "--want",
    "research=5",
    "--top",
    "--save",
    "out.yaml",
    "--profile",
    "airflow",
    "--limit",
    "--me",
    "swe=4,ml=1",
    "--svg",
    "map.svg",
    "\x1b[31m",
    "é",
    "0",
]
# Flags that would wait for answers on stdin or install into the user's shell are left out.
NOT_FUZZED = ("--install", "--show-comp", "-i", "--interactive")
argument = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=12).filter(lambda s: not s.startswith(NOT_FUZZED)),
)


@given(st.sampled_from(COMMANDS), st.lists(argument, max_size=6), st.booleans())
def test_random_arguments_never_crash(command: str, args: list[str], first: bool) -> None:
    argv = [command, *args] if first else [*args[:1], command, *args[1:]]
    with tempfile.TemporaryDirectory() as scratch:
        cwd = Path.cwd()
        os.chdir(scratch)  # anything a command writes lands here
        try:
            result = CliRunner().invoke(app, argv, env={"COLUMNS": "80"})
        finally:
            os.chdir(cwd)
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.exception)
    assert "Traceback" not in result.stdout + result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    if result.exit_code == 0 and "json" in argv and not {"--help", "--version"} & set(argv):
        fmt_at = [i for i, a in enumerate(argv) if a in ("--format", "-f")]
        if any(i + 1 < len(argv) and argv[i + 1] == "json" for i in fmt_at):
            json.loads(result.stdout)


def _load(path: Path) -> None:
    """Either a validated file or a CatalogueError; anything else fails the test."""
    with contextlib.suppress(CatalogueError):
        validate_document(read_yaml(path))


yaml_value = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=30),
        st.sampled_from(["roles", "skills", "sources", "contrasts", "id", "name", "level"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=10), children, max_size=5),
    ),
    max_leaves=40,
)


@given(yaml_value)
def test_random_yaml_documents_load_or_fail_cleanly(value: object) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "random.yaml"
        path.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
        _load(path)


@given(st.binary(max_size=400))
def test_random_bytes_load_or_fail_cleanly(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "random.yaml"
        path.write_bytes(data)
        _load(path)


REAL = (bundled_data_dir() / "roles" / "ml-engineer.yaml").read_bytes()


@given(st.lists(st.tuples(st.integers(0, len(REAL) - 1), st.integers(0, 255)), max_size=8))
def test_mutated_real_files_load_or_fail_cleanly(flips: list[tuple[int, int]]) -> None:
    data = bytearray(REAL)
    for position, byte in flips:
        data[position] = byte
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "mutated.yaml"
        path.write_bytes(bytes(data))
        _load(path)
