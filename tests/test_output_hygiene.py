"""Text from an ad, a catalogue, a file name or an argument never drives the terminal
(issue 13, items 2, 11 and 12): every drawer and error line shows controls escaped."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from conftest import Invoke
from mlroles.render.markdown import md
from mlroles.textsafe import visible, xml_text

OSC52 = "\x1b]52;c;ZWNobyBldmls\x07"  # set the clipboard
TITLE = "\x1b]0;pwned\x07"  # set the window title
CLEAR = "\x1b[2J\x1b[H"  # clear the screen
LINK = "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"  # an OSC 8 link
C1_CSI = "\x9b31m"  # the 8-bit CSI
BIDI = "\u202e"
HOSTILE = OSC52 + TITLE + CLEAR + LINK + C1_CSI + BIDI + "\r"


def starter_document() -> dict[str, object]:
    return yaml.safe_load((files("mlroles") / "starter.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_visible_escapes_every_control_and_keeps_text() -> None:
    assert visible("ok é 中 \u200d") == "ok é 中 \u200d"
    assert visible("a\x1b[2Jb\x07\x9b\u202e\u2066\u2028\r") == (
        "a\\x1b[2Jb\\x07\\x9b\\u202e\\u2066\\u2028\\x0d"
    )
    assert visible("a\nb\tc") == "a\nb\tc"
    assert visible("a\nb", newlines=False) == "a\\x0ab"
    assert visible("bad\udcffname") == "bad\\udcffname"
    assert visible(visible(HOSTILE)) == visible(HOSTILE)  # idempotent


def _no_terminal_control(text: str, *, rich: bool = False) -> None:
    for sequence in ("\x1b]", "\x1b[2J", "\x07", "\x9b", "\u202e", "\r"):
        assert sequence not in text, repr(sequence)
    if not rich:
        assert "\x1b" not in text


def _ad(tmp_path: Path) -> Path:
    ad = tmp_path / "ad.txt"
    ad.write_text(
        f"Machine Learning Engineer {HOSTILE}\n\n"
        f"You will train and deploy models {HOSTILE} to production, build APIs and "
        "monitor drift; MLOps, Kubernetes, CI/CD and feature stores.\n",
        encoding="utf-8",
    )
    return ad


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_triage_prints_an_ads_escape_sequences_escaped(
    invoke: Invoke, tmp_path: Path, fmt: str
) -> None:
    result = invoke("triage", str(_ad(tmp_path)), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    _no_terminal_control(result.stdout)
    shown = result.stdout.replace("\\\\", "\\").replace("\\]", "]")  # Markdown's escapes
    assert "\\x1b]52;c;ZWNobyBldmls\\x07" in shown


def test_triage_on_a_terminal_escapes_them_too(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("triage", str(_ad(tmp_path)), env={"FORCE_COLOR": "1", "TERM": "xterm"})
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" in result.stdout  # Rich's own colours are there
    _no_terminal_control(result.stdout, rich=True)
    assert "\\x1b]52;c;" in result.stdout


def test_triage_json_escapes_by_its_own_rules(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("triage", str(_ad(tmp_path)), "-f", "json")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\\u001b]52" in result.stdout
    for raw in ("\x9b", "\u202e", "\r"):  # json.dumps leaves C1 and bidi raw; not here
        assert raw not in result.stdout
    # The same value comes back: the title line whole (triage keeps a title's qualifiers).
    assert json.loads(result.stdout)["title"] == "Machine Learning Engineer " + HOSTILE.strip()


def test_json_output_escapes_c1_and_bidi_and_keeps_the_value() -> None:
    from mlroles.render.machine import dump_json

    value = {"k\u202e": ["x\x9b31m\u2028\x1b y \u00e9 \u4e2d"]}
    text = dump_json(value)
    assert json.loads(text) == value
    assert text == '{\n  "k\\u202e": [\n    "x\\u009b31m\\u2028\\u001b y \u00e9 \u4e2d"\n  ]\n}\n'


def test_yaml_output_escapes_c1_and_bidi_and_keeps_the_value(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("triage", str(_ad(tmp_path)), "-f", "yaml")
    assert result.exit_code == 0
    for raw in ("\x1b", "\x9b", "\u202e", "\r"):  # PyYAML writes C1 and bidi raw
        assert raw not in result.stdout
    title = "Machine Learning Engineer " + HOSTILE.strip()
    assert yaml.safe_load(result.stdout)["title"] == title


@pytest.mark.parametrize("safe", [True, False])
def test_catalogue_yaml_export_is_readable_unless_it_must_escape(
    invoke: Invoke, tmp_path: Path, safe: bool
) -> None:
    document = starter_document()
    role = document["roles"][0]  # type: ignore[index]
    role["summary"]["text"] = "Caf\u00e9 analytics" + ("" if safe else BIDI)
    path = tmp_path / "overlay.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    result = invoke("--catalog", str(path), "export", "-f", "yaml")
    assert result.exit_code == 0, result.stderr
    assert ("Caf\u00e9" in result.stdout) is safe  # escaped only when it must be
    assert BIDI not in result.stdout
    loaded = yaml.safe_load(result.stdout)
    summary = next(r["summary"] for r in loaded["roles"] if r["id"] == role["id"])
    assert summary["text"] == role["summary"]["text"]


def test_an_ad_file_name_in_an_error_is_escaped(invoke: Invoke, tmp_path: Path) -> None:
    name = tmp_path / f"missing{TITLE}\n.txt"
    result = invoke("triage", str(name))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    _no_terminal_control(result.stderr)
    assert "missing\\x1b]0;pwned\\x07\\x0a.txt: no such file" in result.stderr


def test_an_argument_in_an_error_is_escaped(invoke: Invoke) -> None:
    result = invoke("show", f"x{OSC52}")
    assert result.exit_code == 2
    _no_terminal_control(result.stderr)


def _overlay(tmp_path: Path, file_name: str, **role: object) -> Path:
    document = starter_document()
    document["roles"][0].update(role)  # type: ignore[index]
    path = tmp_path / file_name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_catalogue_file_name_is_escaped_in_defined_in(invoke: Invoke, tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, f"team{CLEAR}{BIDI}.json")
    for fmt in ("table", "markdown"):
        result = invoke("--catalog", str(overlay), "show", "analytics-engineer", "-f", fmt)
        assert result.exit_code == 0, result.stderr
        _no_terminal_control(result.stdout)
        assert "team\\x1b[2J\\x1b[H\\u202e.json" in result.stdout.replace("\\\\", "\\").replace(
            "\\[", "["
        )


def test_a_catalogue_file_name_is_escaped_in_errors_and_validate(
    invoke: Invoke, tmp_path: Path
) -> None:
    overlay = _overlay(tmp_path, f"bad{TITLE}.json", bogus=1)
    result = invoke("--catalog", str(overlay), "list")
    assert result.exit_code == 1
    _no_terminal_control(result.stderr)
    assert "bad\\x1b]0;pwned\\x07.json" in result.stderr
    report = invoke("validate", str(overlay))
    assert report.exit_code == 1
    _no_terminal_control(report.stdout)
    assert "bad\\x1b]0;pwned\\x07.json" in report.stdout


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("Analytics engineer\nid: forged", "a line break (U+000A)"),
        ("Analytics\tengineer", "a tab (U+0009)"),
        ("ML engineer\u200b", "an invisible or bidi control character (U+200B)"),
        ("\u202eenigne LM", "an invisible or bidi control character (U+202E)"),
        ("ML\u2028engineer", "a line separator (U+2028)"),
    ],
)
def test_misleading_characters_in_names_are_refused(
    invoke: Invoke, tmp_path: Path, name: str, what: str
) -> None:
    for field, value in (("name", name), ("aliases", [name])):
        overlay = _overlay(tmp_path, "team.json", **{field: value})
        result = invoke("--catalog", str(overlay), "list")
        assert result.exit_code == 1, (field, result.stdout)
        assert f"{what} is not allowed in a name" in result.stderr
        assert "roles" in result.stderr and field in result.stderr


def test_a_name_that_only_looks_different_clashes(invoke: Invoke, tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "team.json", aliases=["\uff2d\uff2c engineer"])  # full-width ML
    result = invoke("--catalog", str(overlay), "list")
    assert result.exit_code == 1
    assert "already names role ml-engineer" in result.stderr


def test_svg_stays_well_formed_with_noncharacters(invoke: Invoke, tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "team.json", name="Analytics \ufffe\uffff engineer")
    svg = tmp_path / "map.svg"
    result = invoke("--catalog", str(overlay), "map", "--svg", str(svg), "-r", "ae")
    assert result.exit_code == 0, result.stderr
    ElementTree.fromstring(svg.read_text(encoding="utf-8"))  # raises if ill-formed
    assert "Analytics \ufffd\ufffd engineer" in svg.read_text(encoding="utf-8")
    assert xml_text("a\x01<\ufffe") == "a\ufffd&lt;\ufffd"


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "\u200b=HYPERLINK(1)",
        "\ufeff=1",
        "\u202e=1",
        "\uff1d1+1",
        "\uff0bcmd",
        "\uff0dcmd",
        "\uff20SUM(1)",
        "x;=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "ok; \u200b+1",
    ],
)
def test_csv_cells_never_start_a_formula(invoke: Invoke, tmp_path: Path, text: str) -> None:
    summary = {"text": text, "sources": ["my-team-notes"]}
    overlay = _overlay(tmp_path, "team.json", summary=summary)
    result = invoke("--catalog", str(overlay), "list", "-t", "all", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = {row[0]: row for row in csv.reader(io.StringIO(result.stdout))}
    cell = rows["analytics-engineer"][7]
    invisible = "\u200b\ufeff\u202e "
    for part in cell.replace("|", ";").split(";"):
        stripped = part.lstrip(invisible)
        assert not stripped or stripped[0] not in "=+-@\uff1d\uff0b\uff0d\uff20", cell


def test_csv_leaves_ordinary_text_alone(invoke: Invoke) -> None:
    result = invoke("list", "-f", "csv")
    assert "'" not in "".join(row[1] for row in csv.reader(io.StringIO(result.stdout)))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1986. A good year", "1986\\. A good year"),
        ("12) twelve", "12\\) twelve"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("AT&amp;T &lt;b&gt;", "AT\\&amp;T \\&lt;b\\&gt;"),
        ("~~struck~~", "\\~\\~struck\\~\\~"),
        ("in 1986. no", "in 1986. no"),
    ],
)
def test_markdown_escapes_entities_and_list_markers(text: str, escaped: str) -> None:
    assert md(text) == escaped


def test_markdown_role_name_with_entities(invoke: Invoke, tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "team.json", name="1986. AT&amp;T engineer")
    result = invoke("--catalog", str(overlay), "show", "ae", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# 1986\\. AT\\&amp;T engineer\n")
