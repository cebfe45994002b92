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
    "--top",
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


# JSON catalogue files (issue 13): the same random documents and mutations, as JSON.


@given(yaml_value)
def test_random_json_documents_load_or_fail_cleanly(value: object) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "random.json"
        path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        _load(path)


REAL_JSON = json.dumps(yaml.safe_load(REAL), indent=1).encode()


@given(st.lists(st.tuples(st.integers(0, len(REAL_JSON) - 1), st.integers(0, 255)), max_size=8))
def test_mutated_json_files_load_or_fail_cleanly(flips: list[tuple[int, int]]) -> None:
    data = bytearray(REAL_JSON)
    for position, byte in flips:
        data[position] = byte
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "mutated.json"
        path.write_bytes(bytes(data))
        _load(path)


@given(st.text(max_size=40))
def test_json_strings_anywhere_locate_cleanly(text: str) -> None:
    """Escaped emoji, lone surrogates, noncharacters: never an internal error."""
    document = {"roles": [{"id": "x", "name": text, text or "k": 1}]}
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "strings.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        _load(path)


# Escape sequences in ads and file names: whatever gets printed is printed escaped.

ESCAPES = [
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x1b]8;;https://x\x1b\\",
    "\x9b31m",
    "\u202e",
    "\u2066",
    "\r",
    "\x08",
    "\x00",
    "\u2028",
]
AD_WORDS = ["Machine", "Learning", "Engineer", "deploy", "models", "MLOps", "SQL", "\n", " "]
hostile_text = st.lists(st.sampled_from(ESCAPES + AD_WORDS) | st.text(max_size=5), max_size=30)


def _printed_safely(text: str) -> bool:
    from mlroles.textsafe import visible

    return visible(text) == text


@given(hostile_text, st.sampled_from(["table", "markdown"]))
def test_ads_with_escape_sequences_print_escaped(parts: list[str], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        ad = Path(scratch) / "ad.txt"
        ad.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
        result = CliRunner().invoke(app, ["triage", str(ad), "-f", fmt], env={"COLUMNS": "80"})
    assert result.exit_code in (0, 1), result.exception
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert _printed_safely(result.stdout), result.stdout
    assert _printed_safely(result.stderr.rstrip("\n"))


STARTER = (Path(__file__).parents[1] / "src" / "mlroles" / "starter.yaml").read_text()


@given(hostile_text, st.booleans())
def test_file_names_with_escape_sequences_print_escaped(parts: list[str], broken: bool) -> None:
    name = "".join(parts).replace("/", "").replace("\x00", "")[:100] + ".yaml"
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / name
        path.write_text(STARTER + ("bogus: 1\n" if broken else ""), encoding="utf-8")
        result = CliRunner().invoke(
            app, ["--catalog", str(path), "show", "ae", "-f", "markdown"], env={"COLUMNS": "80"}
        )
    assert result.exit_code == (1 if broken else 0), (result.stderr, result.exception)
    assert "internal error" not in result.stderr
    assert _printed_safely(result.stdout)
    assert _printed_safely(result.stderr.rstrip("\n"))
