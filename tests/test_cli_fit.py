"""`fit`, `path` and `search` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner, Result

from conftest import Invoke
from mlroles.cli import app


def run_with_input(args: list[str], answers: str) -> Result:
    """Run the CLI with `answers` on stdin (one per line), as a person at the prompts would."""
    return CliRunner().invoke(app, args, input=answers + "\n", env={"COLUMNS": "100"})


SWE_FLAGS = [
    "--swe",
    "5",
    "--ml",
    "1",
    "--comm",
    "2",
    "--skill",
    "software-engineering=expert",
    "--skill",
    "Python=3",
    "--want",
    "deployment=5",
    "--want",
    "research=0",
]


def test_fit_with_flags(invoke: Invoke) -> None:
    result = invoke("fit", *SWE_FLAGS, "--top", "3", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["roles"]) == 3
    assert data["profile"]["skills"] == {"software-engineering": "expert", "python": "practitioner"}
    first = data["roles"][0]
    assert set(first) == {"id", "name", "score", "parts", "why", "gaps"}
    assert first["id"] in {"mlops-engineer", "ai-engineer", "ml-platform-engineer"}
    assert first["gaps"][0]["size"] >= first["gaps"][-1]["size"]


def test_fit_table(invoke: Invoke) -> None:
    out = invoke("fit", *SWE_FLAGS, width=100).stdout
    assert out.startswith("Roles that fit you, best first")
    assert "why" in out and "gaps" in out and "/100" in out


def test_fit_without_answers_and_without_a_terminal(invoke: Invoke) -> None:
    result = invoke("fit")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--swe/--ml/--comm" in result.stderr and "--profile" in result.stderr


def test_fit_questionnaire(invoke: Invoke) -> None:
    answers = "\n".join(["4", "1", "2", "practitioner", "none", "1", "2", "1", "2", "5", "0", "1"])
    result = run_with_input(["fit", "--interactive", "--format", "json"], answers)
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert (profile["swe"], profile["ml"], profile["comm"]) == (4, 1, 2)
    assert profile["skills"] == {
        "python": "practitioner",
        "sql": "awareness",
        "ml-fundamentals": "working",
    }
    assert profile["wants"]["deployment"] == 5
    assert "1. Your software-engineering skill?" in result.stderr


def test_questionnaire_asks_again_on_a_bad_answer(invoke: Invoke) -> None:
    answers = "\n".join(["9", "lots", "3", *["2"] * 11])
    result = run_with_input(["fit", "-i", "-f", "json"], answers)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("Please answer 0-5 or a name.") == 2
    assert json.loads(result.stdout)["profile"]["swe"] == 3


def test_questionnaire_end_of_input_stops_cleanly(invoke: Invoke) -> None:
    result = run_with_input(["fit", "-i"], "4\n")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr
    assert result.stderr.rstrip().endswith("mlroles: interrupted.")


def test_fit_save_and_profile_round_trip(invoke: Invoke, tmp_path: Path) -> None:
    saved = tmp_path / "me.yaml"
    first = invoke("fit", *SWE_FLAGS, "--save", str(saved), "-f", "json")
    assert first.exit_code == 0
    data = yaml.safe_load(saved.read_text())
    assert data["swe"] == 5 and data["wants"]["deployment"] == 5
    again = invoke("fit", "--profile", str(saved), "-f", "json")
    assert json.loads(again.stdout)["roles"] == json.loads(first.stdout)["roles"]
    exists = invoke("fit", *SWE_FLAGS, "--save", str(saved))
    assert exists.exit_code == 1 and "already exists" in exists.stderr
    override = invoke("fit", "--profile", str(saved), "--ml", "5", "-f", "json")
    assert json.loads(override.stdout)["profile"]["ml"] == 5


def test_fit_bad_inputs(invoke: Invoke, tmp_path: Path) -> None:
    bad_skill = invoke("fit", "--skill", "pythn=3")
    assert bad_skill.exit_code == 2 and "Did you mean python" in bad_skill.stderr
    bad_level = invoke("fit", "--skill", "python=guru")
    assert bad_level.exit_code == 2 and "1=awareness" in bad_level.stderr
    bad_pair = invoke("fit", "--skill", "python")
    assert bad_pair.exit_code == 2 and "NAME=VALUE" in bad_pair.stderr
    bad_want = invoke("fit", "--want", "fame=5")
    assert bad_want.exit_code == 2 and "modelling" in bad_want.stderr
    out_of_range = invoke("fit", "--swe", "9")
    assert out_of_range.exit_code == 2
    profile = tmp_path / "p.yaml"
    profile.write_text("swe: 4\nml: 11\nskils: {}\n")
    broken = invoke("fit", "--profile", str(profile))
    assert broken.exit_code == 1
    assert f"{profile}:2:5: ml: Input should be less than or equal to 5" in broken.stderr


def test_path_between_roles(invoke: Invoke) -> None:
    data = json.loads(invoke("path", "swe", "mle", "-f", "json").stdout)
    assert (data["from"], data["to"]) == ("software-engineer", "ml-engineer")
    first = data["skills_to_build"][0]
    assert (first["skill"], first["have"], first["need"]) == ("ml-fundamentals", None, "expert")
    assert "software-engineering" in [c["skill"] for c in data["carries_over"]]
    # The sources name no tools for software engineers (issue 16, U17): nothing carries.
    assert "TensorFlow" in data["tools_to_learn"] and data["tools_carried"] == []
    assert any("self-teach" in note["text"] for note in data["sources_say"])
    advice = [n for n in data["sources_say"] if n["where"] == "getting started"]
    assert any("internships" in n["text"] for n in advice)
    assert advice[0]["sources"] == ["jobboard-mle-vs-rs"]
    assert data["skill_map"] == {
        "from": {"swe": 5, "ml": 0, "comm": 2},
        "to": {"swe": 4, "ml": 4, "comm": 3},
    }


def test_path_moves_the_issue_names(invoke: Invoke) -> None:
    for origin, target in [
        ("software-engineer", "ml-engineer"),
        ("da", "ds"),
        ("ds", "mle"),
        ("phd", "rs"),
        ("de", "ai-engineer"),
        ("ba", "ds"),
    ]:
        result = invoke("path", origin, target, "-f", "json")
        assert result.exit_code == 0, (origin, target, result.stderr)
        assert json.loads(result.stdout)["sources_say"]
    phd = json.loads(invoke("path", "phd", "rs", "-f", "json").stdout)
    assert any("PhD" in note["text"] for note in phd["sources_say"])


def test_path_from_me(invoke: Invoke) -> None:
    result = invoke(
        "path", "me", "mlops", "--swe", "4", "--skill", "software-engineering=4", "-f", "json"
    )
    data = json.loads(result.stdout)
    assert data["from"] == "me"
    assert "software-engineering" in [c["skill"] for c in data["carries_over"]]
    assert data["skill_map"]["from"] == {"swe": 4, "ml": None, "comm": None}


def test_path_markdown_and_errors(invoke: Invoke) -> None:
    out = invoke("path", "ds", "mle", "-f", "markdown").stdout
    assert out.startswith("# From Data scientist to ML engineer\n")
    assert "- [ ] " in out and "## What the sources say" in out
    assert invoke("path", "ds", "ds").exit_code == 2
    misplaced = invoke("path", "ds", "mle", "--swe", "3")
    assert misplaced.exit_code == 2 and "go with FROM 'me'" in misplaced.stderr
    assert invoke("path", "me", "mle").exit_code == 2


def test_search(invoke: Invoke) -> None:
    airflow = json.loads(invoke("search", "airflow", "-f", "json").stdout)["results"]
    assert airflow[0]["kind"] == "tool" and airflow[0]["role"] == "data-engineer"
    assert {r["kind"] for r in airflow} == {"tool", "skill"}
    ab = json.loads(invoke("search", "a/b test", "-f", "json").stdout)["results"]
    variant = next(r for r in ab if r["id"] == "data-scientist")
    assert variant["field"].startswith("variant: Analytics")
    typo = json.loads(invoke("search", "airflw", "-f", "json").stdout)["results"]
    assert typo[0]["name"] == "Airflow"
    nothing = invoke("search", "kubernetes")
    assert nothing.exit_code == 0 and "No matches for kubernetes." in nothing.stdout
    assert invoke("search", " ").exit_code == 2
    names = json.loads(invoke("search", "mlops", "-n", "2", "-f", "json").stdout)["results"]
    assert len(names) == 2 and names[0]["id"] == "mlops-engineer"
