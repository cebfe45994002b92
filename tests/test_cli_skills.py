from __future__ import annotations

import json

from conftest import Invoke


def test_skills_table_lists_every_ml_role(invoke: Invoke) -> None:
    result = invoke("skills", width=160)
    assert result.exit_code == 0
    assert "Skill map: software engineering vs ML" in result.stdout
    assert "high SWE / low ML" in result.stdout


def test_skills_json(invoke: Invoke) -> None:
    data = json.loads(invoke("skills", "--format", "json").stdout)
    rows = {row["id"]: row for row in data["roles"]}
    assert len(rows) == 15 and data["focus"] is None
    assert rows["mlops-engineer"]["quadrant"] == "high SWE / low ML"
    assert rows["applied-research-scientist"]["quadrant"] == "low SWE / high ML"
    # The sources disagree on the research scientist's engineering; 3 sits between them.
    assert rows["research-scientist"]["readings"] == ["swe", "comm"]
    assert rows["ml-engineer"]["quadrant"] == "high SWE / high ML"
    assert rows["product-owner"]["quadrant"] == "low SWE / low ML"
    assert rows["data-engineer"]["responsibility"].startswith("Build data pipelines")


def test_skills_with_role_marks_it_and_groups_its_skills(invoke: Invoke) -> None:
    data = json.loads(invoke("skills", "--role", "mlops", "-f", "json").stdout)
    assert [r["id"] for r in data["roles"] if r["focused"]] == ["mlops-engineer"]
    groups = {g["category"]: g["skills"] for g in data["focus"]["skills"]}
    assert {"software-engineering", "infrastructure", "machine-learning"} <= set(groups)
    assert groups["infrastructure"][0]["level"] == "expert"
    table = invoke("skills", "--role", "mlops", width=160).stdout
    assert "▶ MLOps engineer" in table
    assert "Skills of MLOps engineer" in table


def test_skills_role_off_the_track_is_added(invoke: Invoke) -> None:
    data = json.loads(invoke("skills", "--role", "swe", "-f", "json").stdout)
    assert data["roles"][-1]["id"] == "software-engineer"


def test_skills_at_60_columns_fits(invoke: Invoke) -> None:
    out = invoke("skills", "--role", "ds", width=60).stdout
    assert all(len(line) <= 60 for line in out.splitlines())
    assert "▶ Data scientist" in out


def test_skills_unknown_role(invoke: Invoke) -> None:
    result = invoke("skills", "--role", "mlopz")
    assert result.exit_code == 2
    assert "Did you mean mlops-engineer" in result.stderr


def test_skills_table_marks_the_readings(invoke: Invoke) -> None:
    out = invoke("skills", width=140).stdout
    assert "* mlroles's own reading: no source gives this value" in out
    line = next(row for row in out.splitlines() if row.strip().startswith("Research scientist"))
    assert line.split()[-8:] == ["3*", "5", "4*", "high", "SWE", "/", "high", "ML"]
