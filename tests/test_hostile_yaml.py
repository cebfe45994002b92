"""Hostile and malformed catalogue files: each gets exit 1, one line naming file and line.

Every case runs through the real CLI (`--catalog FILE list`) so the whole path is covered:
reading, parsing, validation, and the error boundary.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.limits import MAX_FILE_BYTES, MAX_NODES, max_values

STARTER_ROLE = "roles:\n  - id: x\n    name: {name}\n"


def run_bad(invoke: Invoke, path: Path) -> str:
    started = time.monotonic()
    result = invoke("--catalog", str(path), "list")
    assert time.monotonic() - started < 10
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"mlroles: error: invalid catalogue: {path}")
    return result.stderr


def write(tmp_path: Path, text: str, name: str = "bad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_python_tags_are_rejected_with_their_line(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "roles: []\nx: !!python/object/apply:os.system ['echo hi']\n")
    message = run_bad(invoke, path)
    assert f"{path}:2:4:" in message
    assert "could not determine a constructor" in message


def test_deep_flow_nesting(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "roles: " + "[" * 30_000 + "]" * 30_000 + "\n")
    message = run_bad(invoke, path)
    assert f"{path}:1:" in message and "nest" in message


def test_deep_block_nesting(invoke: Invoke, tmp_path: Path) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v\n"
    path = write(tmp_path, text)
    message = run_bad(invoke, path)
    assert "nested more than 50 levels deep" in message


def test_billion_laughs(invoke: Invoke, tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert path.stat().st_size < 1_000
    message = run_bad(invoke, path)
    assert "values once aliases are expanded" in message


def test_too_many_aliases(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\n")
    assert "more than 100 aliases" in run_bad(invoke, path)


def test_self_referencing_alias(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "roles: &r\n  - *r\n")
    message = run_bad(invoke, path)
    assert f"{path}:2:5:" in message and "contains it" in message


def test_oversized_file_is_refused_before_reading(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("w") as handle:  # sparse: 256 MiB on paper, nothing on disk
        handle.truncate(MAX_FILE_BYTES + 1)
    message = run_bad(invoke, path)
    assert f"{MAX_FILE_BYTES + 1} bytes is over the 268435456-byte (256 MiB) limit" in message


def test_a_file_may_hold_as_many_values_as_it_has_bytes() -> None:
    assert max_values(1_000) == MAX_NODES  # small files: the fixed allowance
    assert max_values(50_000_000) == 50_000_000  # an exported catalogue: its own size


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    assert "not a regular file" in run_bad(invoke, path)


def test_device_is_refused(invoke: Invoke) -> None:
    result = invoke("--catalog", "/dev/zero", "list")
    assert result.exit_code == 1
    assert result.stderr == "mlroles: error: invalid catalogue: /dev/zero: not a regular file\n"


def test_non_utf8_bytes_report_their_offset(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"roles: []\n# \xff\n")
    assert "not UTF-8: byte 0xff at offset 12" in run_bad(invoke, path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("# only a comment\n", "the file is empty"),
        ("- a\n", "the top level must be a mapping"),
        ("just text\n", "the top level must be a mapping"),
        ("roles: []\n---\nroles: []\n", "more than one YAML document"),
    ],
)
def test_shape_of_the_file(invoke: Invoke, tmp_path: Path, text: str, expected: str) -> None:
    assert expected in run_bad(invoke, write(tmp_path, text))


def test_duplicate_keys_show_both_lines(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "roles: []\nskills: []\nroles: []\n")
    assert f"{path}:3:1: duplicate key 'roles' (first at line 1)" in run_bad(invoke, path)


def test_unknown_field_gets_a_suggestion(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "roles:\n  - id: x\n    skils: []\n")
    result = invoke("validate", str(path))
    assert f"{path}:3:5: x.skils: unknown field 'skils'; did you mean 'skills'?" in result.stdout
    top = write(tmp_path, "rols: []\n", "top.yaml")
    assert "did you mean 'roles'?" in run_bad(invoke, top)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("no", "a boolean"),
        ("on", "a boolean"),
        ("010", "a number"),
        ("3.10", "a number"),
        ("12:30:00", "a number"),
        ("2024-01-01", "a date"),
    ],
)
def test_yaml_1_1_surprises_get_a_quote_it_hint(
    invoke: Invoke, tmp_path: Path, value: str, kind: str
) -> None:
    path = write(tmp_path, STARTER_ROLE.format(name=value))
    result = invoke("validate", str(path))
    expected = f"{path}:3:11: x.name: '{value}' was read as {kind}, not text; quote it: \"{value}\""
    assert expected in result.stdout.splitlines()


@pytest.mark.parametrize(
    "scalar", ["!!float abc", "!!timestamp foo", "2024-13-45", "!!int 0x", "!!bool maybe"]
)
def test_malformed_scalars(invoke: Invoke, tmp_path: Path, scalar: str) -> None:
    path = write(tmp_path, f"roles: []\nother:\n  value: {scalar}\n")
    message = run_bad(invoke, path)
    assert f"{path}:3:10: cannot read the value" in message


def test_huge_integer(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "roles: []\nother: " + "9" * 5000 + "\n")
    message = run_bad(invoke, path)
    assert f"{path}:2:8: cannot read the value '9999" in message


def test_nan_and_infinity_are_rejected(invoke: Invoke, tmp_path: Path) -> None:
    role = (
        "roles:\n  - id: x\n    name: X\n    track: production\n"
        "    position: {swe: .inf, ml: .nan, comm: 1, rationale: r, sources: [s]}\n"
    )
    result = invoke("--no-bundled", "validate", str(write(tmp_path, role)))
    assert result.exit_code == 1
    assert "x.position.swe: Input should be a finite number" in result.stdout
    assert "x.position.ml: Input should be a finite number" in result.stdout


def test_control_characters_are_refused(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, STARTER_ROLE.format(name='"evil\\e[2Jname\\a"'))
    result = invoke("validate", str(path))
    assert "x.name: control character U+001B is not allowed in text" in result.stdout
    assert "\x1b" not in result.stdout


def test_text_length_is_capped(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, STARTER_ROLE.format(name="x" * 40_000))
    started = time.monotonic()
    result = invoke("validate", str(path))
    assert time.monotonic() - started < 5
    assert "x.name: String should have at most 200 characters" in result.stdout


def _overlay_named(invoke: Invoke, tmp_path: Path, name: str) -> Path:
    path = tmp_path / "markup.yaml"
    invoke("init", str(path))
    text = path.read_text().replace("name: Analytics engineer", f"name: {name}")
    path.write_text(text.replace("aliases: [ae, analytics eng]", "aliases: [ae]"))
    return path


@pytest.mark.parametrize("name", ['"[bold]x[/]"', '"[link=file:///etc/passwd]click[/link]"'])
def test_data_is_never_parsed_as_markup(invoke: Invoke, tmp_path: Path, name: str) -> None:
    path = _overlay_named(invoke, tmp_path, name)
    literal = name.strip('"')
    shown = invoke("-c", str(path), "show", "ae", env={"FORCE_COLOR": "1"}, width=120)
    assert shown.exit_code == 0
    assert literal in shown.stdout
    assert "\x1b]8;" not in shown.stdout  # no terminal hyperlink
    listed = invoke("-c", str(path), "list", width=160, env={"FORCE_COLOR": "1"})
    assert literal[:8] in listed.stdout and "\x1b]8;" not in listed.stdout
    compared = invoke("-c", str(path), "compare", "ae", "da", width=160)
    assert literal in compared.stdout
    mapped = invoke("-c", str(path), "skills", "--role", "ae", width=200)
    assert literal in mapped.stdout


# JSON catalogue files (issue 13, items 5 and 13): every error located, never a crash, and
# the same depth and size limits as YAML.

JSON_ROLE = '{{"roles": [{{"id": "x", "name": {name}, "bogus": 1}}]}}'


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('"\\ud83d\\ude00 engineer"', "x.bogus: unknown field 'bogus'"),  # an escaped emoji
        (
            '"\\ud800"',
            "x.name: Input should be a valid string, unable to parse raw data as a unicode string",
        ),
        ('"a\ufffe"', "x.bogus: unknown field 'bogus'"),
        ('"\\u0000"', "x.name: control character U+0000 is not allowed in text"),
    ],
)
def test_json_errors_that_yaml_cannot_locate(
    invoke: Invoke, tmp_path: Path, name: str, expected: str
) -> None:
    path = write(tmp_path, JSON_ROLE.format(name=name), "bad.json")
    assert "internal error" not in run_bad(invoke, path)
    report = invoke("validate", str(path))
    assert report.exit_code == 1
    assert any(
        line.startswith(f"{path}:1:") and line.endswith(expected)
        for line in report.stdout.splitlines()
    ), report.stdout


def test_json_key_over_1024_characters(invoke: Invoke, tmp_path: Path) -> None:
    key = "k" * 1100
    path = write(tmp_path, '{\n  "roles": [],\n  "' + key + '": 1\n}', "bad.json")
    message = run_bad(invoke, path)
    assert f"{path}:3:3: {key}: unknown field" in message


def test_json_errors_point_at_their_line(invoke: Invoke, tmp_path: Path) -> None:
    text = '{\n  "roles": [\n    {\n      "id": "x",\n      "nmae": "X"\n    }\n  ]\n}\n'
    path = write(tmp_path, text, "bad.json")
    run_bad(invoke, path)
    report = invoke("validate", str(path)).stdout
    assert f"{path}:5:7: x.nmae: unknown field 'nmae'; did you mean 'name'?\n" in report


def test_json_deep_nesting_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, '{"roles": ' + "[" * 60 + "]" * 60 + "}", "bad.json")
    assert "nested more than 50 levels deep" in run_bad(invoke, path)


def test_json_values_are_bounded_by_the_file_size(invoke: Invoke, tmp_path: Path) -> None:
    # JSON has no aliases: 250,000 values in 500 KB pass the shape check (each takes bytes
    # of the file) and are refused by validation, the first problem and a count.
    path = write(tmp_path, '{"roles": [' + ",".join(["0"] * 250_000) + "]}", "bad.json")
    message = run_bad(invoke, path)
    assert message.endswith(
        "bad.json:1:12: roles[0]: Input should be a valid dictionary or instance of Role"
        " (and 100 more; 'mlroles validate' lists them all)\n"
    )


def test_many_problems_are_counted_not_listed(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, '{"roles": [' + ",".join(["{}"] * 5000) + "]}", "bad.json")
    run_bad(invoke, path)
    report = invoke("validate", str(path))
    lines = report.stdout.splitlines()
    assert report.exit_code == 1
    assert len(lines) == 102  # 100 problems, the count of the rest, the summary
    assert lines[100] == f"{path}: and 49900 more problems in this file"


def test_json_profile_errors_are_located(invoke: Invoke, tmp_path: Path) -> None:
    key = "k" * 1100
    text = '{\n  "swe": 3,\n  "skils": {"\\ud83d\\ude00": "expert"},\n  "' + key + '": 1\n}\n'
    path = write(tmp_path, text, "me.json")
    result = invoke("fit", "--profile", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"mlroles: error: invalid profile: {path}:3:3: skils: unknown field 'skils'; "
        f"did you mean 'skills'?; {path}:4:3: "
    )
    assert "validate" not in result.stderr  # it checks catalogues, not profiles


def test_profile_errors_say_profile_and_list_up_to_three(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "swe: 9\nml: 8\ncomm: 7\nskills:\n  python: guru\n", "me.yaml")
    result = invoke("fit", "--profile", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"mlroles: error: invalid profile: {path}:1:6: swe: ")
    assert f"; {path}:2:5: ml: " in line and f"; {path}:3:7: comm: " in line
    assert line.endswith("(and 1 more)")
    broken = write(tmp_path, "swe: [1\n", "broken.yaml")
    assert invoke("fit", "--profile", str(broken)).stderr.startswith(
        f"mlroles: error: invalid profile: {broken}:2:1: "
    )
