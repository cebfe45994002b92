from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import Invoke


def test_list_shows_ml_roles_by_default(invoke: Invoke) -> None:
    result = invoke("list", width=140)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "ml-engineer" in result.stdout and "Research scientist" in result.stdout
    assert "software-engineer" not in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no ANSI codes


def test_list_track_filters(invoke: Invoke) -> None:
    research = json.loads(invoke("list", "--track", "research", "--format", "json").stdout)
    assert {r["track"] for r in research["roles"]} == {"research"}
    adjacent = json.loads(invoke("list", "-t", "adjacent", "-f", "json").stdout)
    assert [r["id"] for r in adjacent["roles"]] == [
        "business-analyst",
        "science-phd-graduate",
        "software-engineer",
    ]
    everything = json.loads(invoke("list", "--track", "all", "--format", "json").stdout)
    assert len(everything["roles"]) == 18


def test_list_json_has_stable_keys(invoke: Invoke) -> None:
    result = invoke("list", "--format", "json")
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    assert data["tracks"] == ["research", "production"]
    mle = next(r for r in data["roles"] if r["id"] == "ml-engineer")
    assert set(mle) == {"id", "name", "aliases", "track", "summary", "swe", "ml", "comm"}
    assert (mle["swe"], mle["ml"]) == (4, 4)


def test_list_yaml_and_markdown(invoke: Invoke) -> None:
    data = yaml.safe_load(invoke("list", "--format", "yaml").stdout)
    assert len(data["roles"]) == 15
    markdown = invoke("list", "--format", "markdown").stdout
    assert markdown.startswith("# ML roles\n")
    row = "| **ML engineer** | `ml-engineer` | production | 4 | 4 | Train ML models and deploy them"
    assert row + ". |" in markdown


def test_list_at_60_columns_switches_to_records(invoke: Invoke) -> None:
    result = invoke("list", width=60)
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert "ML engineer  ml-engineer" in result.stdout


def test_bad_track_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("list", "--track", "space")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("mlroles: error: Invalid value for '--track'")
    assert len(result.stderr.splitlines()) == 1


def test_list_csv(invoke: Invoke) -> None:
    import csv
    import io

    result = invoke("list", "--track", "all", "--format", "csv", width=20)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 18
    assert list(rows[0]) == ["id", "name", "track", "swe", "ml", "comm", "aliases", "summary"]
    mle = next(r for r in rows if r["id"] == "ml-engineer")
    assert (mle["swe"], mle["ml"], mle["track"]) == ("4", "4", "production")
    assert "mle" in mle["aliases"].split("; ")
    assert "\x1b[" not in result.stdout


def test_list_csv_quotes_text_a_spreadsheet_would_run(invoke: Invoke, tmp_path: Path) -> None:
    """Overlay text such as `=HYPERLINK(...)` reaches the CSV as text, not as a formula."""
    import csv
    import io
    from importlib.resources import files

    starter = (files("mlroles") / "starter.yaml").read_text(encoding="utf-8")
    hostile = starter.replace(
        "name: Analytics engineer", "name: '=HYPERLINK(\"http://example.com\")'"
    ).replace("aliases: [ae, analytics eng]", "aliases: ['@ae', analytics eng]")
    path = tmp_path / "team.yaml"
    path.write_text(hostile, encoding="utf-8")
    result = invoke("-c", str(path), "list", "--track", "all", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["analytics-engineer"]["name"] == '\'=HYPERLINK("http://example.com")'
    assert rows["analytics-engineer"]["aliases"] == "'@ae; analytics eng"
    assert rows["ml-engineer"]["name"] == "ML engineer"  # ordinary text untouched
