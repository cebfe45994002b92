"""`fit`, `path` and `search` from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from conftest import Invoke
from mlroles.cli import app
from mlroles.loading import load_bundled

CATALOGUE = load_bundled()


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
    assert set(first) == {
        "id",
        "name",
        "score",
        "parts",
        "distance",
        "why",
        "gaps",
        "not_asked",
        "unwanted",
        "kept_as_nearest",
    }
    assert set(data) == {"schema_version", "profile", "weights", "roles", "map_nearest"}
    assert first["id"] in {"mlops-engineer", "ai-engineer", "ml-platform-engineer"}
    assert first["gaps"][0]["size"] >= first["gaps"][-1]["size"]
    assert data["weights"] == {"skills": 0.36, "interests": 0.54, "moves": 0.1}


def test_fit_the_issue_examples_are_stable_and_report_the_maps_distances(invoke: Invoke) -> None:
    """Issue 15: one true fact (Python, which swe 4 implied) must not reverse the advice;
    each role carries the distance `map --me` gives it."""
    base = ["fit", "--swe", "4", "--ml", "1", "--want", "deployment=5", "-n", "6", "-f", "json"]
    plain = json.loads(invoke(*base).stdout)["roles"]
    told = json.loads(invoke(*base, "--skill", "python=practitioner").stdout)["roles"]
    assert [(r["id"], r["score"]) for r in plain] == [(r["id"], r["score"]) for r in told]
    assert [r["id"] for r in plain[:3]] == ["ai-engineer", "ml-engineer", "mlops-engineer"]
    chart = json.loads(invoke("map", "--me", "swe=4,ml=1", "-f", "json").stdout)
    distances = {n["id"]: n["distance"] for n in chart["nearest"]}
    assert all(r["distance"] == distances[r["id"]] for r in plain if r["id"] in distances)
    mlops = next(r for r in plain if r["id"] == "mlops-engineer")
    swe = next(g for g in mlops["gaps"] if g["skill"] == "software-engineering")
    assert (swe["have"], swe["need"], swe["basis"], swe["estimated_from"]) == (
        "practitioner",
        "expert",
        "estimated",
        "swe 4",
    )


def test_fit_keeps_the_maps_nearest_role_in_the_top_3_when_no_wants_are_given(
    invoke: Invoke,
) -> None:
    """Issue 15: told only where you stand, `fit` keeps where your skills are now (the map's
    nearest role) in its top 3, its score unchanged and its reasons saying why."""
    data = json.loads(invoke("fit", "--swe", "1", "--ml", "1", "-n", "4", "-f", "json").stdout)
    third = data["roles"][2]
    assert (third["id"], third["kept_as_nearest"], third["distance"]) == ("data-analyst", True, 0.0)
    assert third["why"][0] == (
        "kept in the top 3 whatever its score: the map's nearest role (you named no work you want)"
    )
    assert third["score"] < data["roles"][3]["score"]
    assert [r["kept_as_nearest"] for r in data["roles"]] == [False, False, True, False]
    assert data["map_nearest"] == [
        {"id": "data-analyst", "name": "Data analyst", "distance": 0.0, "rank": 3, "of": 15},
        {"id": "product-owner", "name": "Product owner", "distance": 0.0, "rank": 15, "of": 15},
    ]
    chart = json.loads(invoke("map", "--me", "swe=1,ml=1", "-f", "json").stdout)
    assert chart["nearest"][0]["id"] == "data-analyst"
    shorter = invoke("fit", "--swe", "1", "--ml", "1", "-n", "2", width=100).stdout
    assert "Data analyst, 3rd of the 15 ranked (--top 3 shows it); Product owner, last." in (
        " ".join(shorter.split())
    )
    starting = invoke("fit", "--swe", "5", "--ml", "0", "-t", "all", width=100).stdout
    closing = " ".join(starting.split("\n\n")[-1].split())
    assert closing.startswith("Nearest you on the skill map (where you are): Software engineer")
    assert closing.endswith(  # no wants: the ranking does not weigh them
        "this ranking is where to go: the needs you meet, how often people made each move."
    )
    table = invoke("fit", "--swe", "1", "--ml", "1", "-n", "3", width=100).stdout
    assert " ".join(table.split("\n\n")[-1].split()) == (
        "Nearest you on the skill map (where you are): Data analyst, 3rd of the 15 ranked; "
        "Product owner, last."
    )


def test_fit_says_where_it_ranks_the_maps_nearest_roles_and_why_they_differ(
    invoke: Invoke,
) -> None:
    """With wants, the ranking is by score; the closing line says where the map's nearest
    roles rank, how to see them, and why the two differ when none is in the top 3."""
    args = ["fit", "--swe", "1", "--ml", "1", "--want", "modelling=5", "-n", "3"]
    table = invoke(*args, width=100).stdout
    assert " ".join(table.split("\n\n")[-1].split()) == (
        "Nearest you on the skill map (where you are): Data analyst, 8th of the 15 ranked "
        "(--top 8 shows it); Product owner, last. The map shows where your skills are now; "
        "this ranking is where to go: the work you want, the needs you meet, how often "
        "people made each move."
    )
    unwanted = invoke("fit", "--swe", "4", "--ml", "1", "--want", "data=0", "-n", "3", width=100)
    assert " ".join(unwanted.stdout.split("\n\n")[-1].split()).startswith(
        "Nearest you on the skill map (where you are): Data engineer, last of the 15 ranked "
        "(--top 15 shows it). Data engineer is mostly data work, which you want none of. "
    )
    near = invoke("fit", "--swe", "4", "--ml", "1", "-n", "3", width=100).stdout
    assert near.rstrip().endswith(
        "Nearest you on the skill map (where you are): Data engineer, 3rd of the 15 ranked."
    )
    assert "The map shows" not in near  # in the top 3: nothing to explain
    markdown = invoke(*args, "-f", "markdown").stdout
    assert "**Nearest you on the skill map (where you are):** Data analyst, 8th" in markdown
    for no_map in (["--want", "research=5"], ["--comm", "3"], ["--swe", "3"]):
        data = json.loads(invoke("fit", *no_map, "-f", "json").stdout)
        assert data["map_nearest"] == []  # map --me needs both --swe and --ml
        assert "Nearest you" not in invoke("fit", *no_map, width=100).stdout


def test_fit_unasked_skills_are_not_gaps(invoke: Invoke) -> None:
    data = json.loads(invoke("fit", "--swe", "4", "-n", "15", "-f", "json").stdout)
    hardware = next(r for r in data["roles"] if r["id"] == "ml-hardware-engineer")
    assert {"skill": "ml-hardware", "name": "ML hardware", "need": "expert"} in hardware[
        "not_asked"
    ]
    assert "ml-hardware" not in [g["skill"] for g in hardware["gaps"]]
    table = invoke("fit", "--swe", "4", "-n", "15", width=100).stdout
    assert "not asked ML hardware (expert)" in table
    none = json.loads(invoke("fit", "--skill", "sql=none", "-f", "json").stdout)
    assert none["profile"]["lacking"] == ["sql"]


def test_fit_table(invoke: Invoke) -> None:
    out = invoke("fit", *SWE_FLAGS, width=100).stdout
    assert out.startswith("Roles that fit you, best first")
    assert "why" in out and "gaps" in out and "/100" in out


def test_fit_without_answers_and_without_a_terminal(invoke: Invoke) -> None:
    result = invoke("fit")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--swe/--ml/--comm" in result.stderr and "--profile" in result.stderr


AXES_AND_WANTS = ["4", "1", "2", "1", "2", "5", "0", "1"]
"""swe 4, ml 1, comm 2; modelling 1, data 2, deployment 5, research 0, business 1."""


def asked_skills(stderr: str) -> list[str]:
    return re.findall(r"\d+\. Your level in (.+)\?", stderr)


def test_fit_questionnaire(invoke: Invoke) -> None:
    answers = "\n".join([*AXES_AND_WANTS, "practitioner", "none", "2", "1"])
    result = run_with_input(["fit", "--interactive", "--format", "json"], answers)
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert (profile["swe"], profile["ml"], profile["comm"]) == (4, 1, 2)
    assert profile["wants"] == {
        "modelling": 1,
        "data": 2,
        "deployment": 5,
        "research": 0,
        "business": 1,
    }
    # four skill questions, chosen for this person; every answer kept (none as lacking)
    asked = asked_skills(result.stderr)
    assert len(asked) == 4 and "12. Your level in" in result.stderr
    assert len(profile["skills"]) == 3 and len(profile["lacking"]) == 1
    assert "13." not in result.stderr and "Enter keeps" not in result.stderr


def test_questionnaire_adapts_to_the_person(invoke: Invoke) -> None:
    engineer = run_with_input(["fit", "-i"], "\n".join([*AXES_AND_WANTS, *["2"] * 4]))
    researcher = ["1", "5", "4", "5", "1", "0", "5", "0", *["2"] * 4]
    scientist = run_with_input(["fit", "-i"], "\n".join(researcher))
    assert engineer.exit_code == scientist.exit_code == 0
    assert asked_skills(engineer.stderr) != asked_skills(scientist.stderr)


def test_questionnaire_asks_again_on_a_bad_answer(invoke: Invoke) -> None:
    answers = "\n".join(["9", "lots", "3", "", *["2"] * 11])
    result = run_with_input(["fit", "-i", "-f", "json"], answers)
    assert result.exit_code == 0, result.stderr
    # 9 is out of range, "lots" is not a scale word, Enter has no default to keep
    assert result.stderr.count("Please answer 0-5 or a name.") == 3
    assert json.loads(result.stdout)["profile"]["swe"] == 3


def test_questionnaire_enter_keeps_a_shown_default(invoke: Invoke) -> None:
    result = run_with_input(["fit", "-i", "--swe", "4", "-f", "json"], "\n".join(["", *["1"] * 11]))
    assert result.exit_code == 0, result.stderr
    assert "[Enter keeps 4]" in result.stderr
    assert json.loads(result.stdout)["profile"]["swe"] == 4


def test_questionnaire_end_of_input_is_a_usage_error(invoke: Invoke) -> None:
    result = run_with_input(["fit", "-i"], "4\n")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and "interrupted" not in result.stderr
    assert result.stderr.rstrip().endswith(
        "mlroles: error: no answers: stdin closed. "
        "Pass --swe/--ml/--skill/--want or --profile FILE instead."
    )


def test_path_me_questionnaire_asks_only_what_the_plan_uses(invoke: Invoke) -> None:
    answers = "\n".join(["4", "1", "2", *["3"] * 9])
    result = run_with_input(["path", "me", "mlops", "-i", "-f", "json"], answers)
    assert result.exit_code == 0, result.stderr
    assert "How much do you want" not in result.stderr
    asked = asked_skills(result.stderr)
    # the target's skills, the most needed first; no more questions than it has skills
    assert asked[:2] == ["Software engineering fundamentals", "Deployment and monitoring"]
    assert len(asked) == len(CATALOGUE.role("mlops-engineer").skills) == 5
    data = json.loads(result.stdout)
    assert data["not_asked"] == [] and data["wanted"] == []
    assert {c["skill"] for c in data["carries_over"]} >= {"cloud-platforms"}


def test_fit_save_dash_is_a_usage_error(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("fit", *SWE_FLAGS, "--save", "-")
    assert result.exit_code == 2 and "--save needs a file name" in result.stderr
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


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
    lacking = tmp_path / "lacking.yaml"
    invoke("fit", "--swe", "3", "--skill", "sql=none", "--save", str(lacking), "-f", "json")
    assert yaml.safe_load(lacking.read_text())["lacking"] == ["sql"]
    reloaded = json.loads(invoke("fit", "--profile", str(lacking), "-f", "json").stdout)
    assert reloaded["profile"]["lacking"] == ["sql"]
    # a later --skill replaces the file's "none"
    raised = invoke("fit", "--profile", str(lacking), "--skill", "sql=2", "-f", "json")
    assert json.loads(raised.stdout)["profile"]["skills"] == {"sql": "working"}
    assert json.loads(raised.stdout)["profile"]["lacking"] == []


def test_a_profile_written_by_hand_says_what_the_flags_say(invoke: Invoke, tmp_path: Path) -> None:
    by_hand = tmp_path / "me.yaml"
    by_hand.write_text(
        "swe: 3\nskills:\n  Python: advanced\n  SQL: 2\n  machine learning: beginner\n"
        "  Publishing: none\nwants:\n  Modelling: 4\n"
    )
    flags = ["--swe", "3", "--skill", "python=practitioner", "--skill", "sql=working"]
    flags += ["--skill", "ml-fundamentals=awareness", "--skill", "publishing=0"]
    flags += ["--want", "modelling=4"]
    from_file = invoke("fit", "--profile", str(by_hand), "-f", "json")
    assert from_file.exit_code == 0 and from_file.stderr == ""
    data = json.loads(from_file.stdout)
    assert data["profile"]["skills"] == {
        "python": "practitioner",
        "sql": "working",
        "ml-fundamentals": "awareness",
    }
    assert data["profile"]["lacking"] == ["publishing"]
    assert data["roles"] == json.loads(invoke("fit", *flags, "-f", "json").stdout)["roles"]


def test_a_hand_written_profiles_mistakes_are_located(invoke: Invoke, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("skills:\n  pyhton: expert\n  SQL: lots\n  Python: 3\n  python: 4\n")
    result = invoke("fit", "--profile", str(profile))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"mlroles: error: invalid profile: {profile}:2:3: skills.pyhton: unknown skill 'pyhton'."
        f" Did you mean python?; {profile}:3:8: skills.SQL: unknown level 'lots'. Use a name or"
        " number: 0=none, 1=awareness, 2=working, 3=practitioner, 4=expert (or beginner,"
        f" intermediate, advanced).; {profile}:5:3: skills.python: python is rated more than"
        " once.\n"
    )
    twice = tmp_path / "twice.yaml"  # none, then a level, under two spellings
    twice.write_text("skills:\n  Python: 0\n  python: 3\n")
    result = invoke("fit", "--profile", str(twice))
    assert (
        result.exit_code == 1 and "skills.python: python is rated more than once" in result.stderr
    )
    lacking = tmp_path / "lacking.yaml"
    lacking.write_text("swe: 3\nlacking: [Publishing, Python]\n")  # names, and no skills key
    data = json.loads(invoke("fit", "--profile", str(lacking), "-f", "json").stdout)
    assert data["profile"]["lacking"] == ["publishing", "python"]
    both = tmp_path / "both.yaml"
    both.write_text("lacking: [Python]\nskills:\n  python: 3\nwants:\n  Data: 4\n  data: 1\n")
    result = invoke("fit", "--profile", str(both))
    assert result.exit_code == 1 and result.stderr == (
        f"mlroles: error: invalid profile: {both}:3:3: skills.python: python is rated more than"
        f" once.; {both}:6:3: wants.data: data is rated more than once.\n"
    )


def test_a_profile_listing_skills_without_levels_says_to_give_them(
    invoke: Invoke, tmp_path: Path
) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("swe: 3\nskills:\n  - Python\n  - SQL\n")
    result = invoke("fit", "--profile", str(profile))
    assert result.exit_code == 1 and result.stderr == (
        f"mlroles: error: invalid profile: {profile}:3:3: skills: give each skill its level,"
        " e.g. 'Python: practitioner' or 'SQL: 2'\n"
    )


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
    # Foundations first. Since issue 16's review the software engineer's profile lists only
    # what the sources say, so data structures and algorithms count as not yet held.
    first = data["skills_to_build"][0]
    assert (first["skill"], first["have"], first["need"]) == (
        "data-structures-algorithms",
        None,
        "practitioner",
    )
    ml = next(g for g in data["skills_to_build"] if g["skill"] == "ml-fundamentals")
    assert (ml["have"], ml["need"], ml["size"]) == (None, "expert", 4)
    assert data["not_asked"] == []  # a role lists all it needs: the rest is none
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
    # swe 4 estimates the rest of its category; ML fundamentals is not asked, not "none"
    assert data["not_asked"] == [
        {"skill": "ml-fundamentals", "name": "Machine learning fundamentals", "need": "working"}
    ]
    built = {g["skill"]: g for g in data["skills_to_build"]}
    assert built["deployment-monitoring"]["estimated_from"] == "swe 4"
    assert "software-engineering" not in built


def test_path_never_lists_what_you_hold(invoke: Invoke) -> None:
    """Issue 15: Python at practitioner is not a tool to learn and carried over at once."""
    args = ["path", "me", "ml-engineer", "--skill", "python=practitioner", "-f", "json"]
    data = json.loads(invoke(*args).stdout)
    assert "Python" not in data["tools_to_learn"] and "Python" in data["tools_carried"]
    assert "python" in [c["skill"] for c in data["carries_over"]]
    assert "python" not in [g["skill"] for g in data["skills_to_build"]]
    held = set(data["tools_carried"]) & set(data["tools_to_learn"])
    assert held == set()


def test_path_orders_foundations_first_and_uses_wants(invoke: Invoke) -> None:
    args = ["path", "me", "ml-engineer", "--swe", "2", "--ml", "1", "--comm", "1"]
    data = json.loads(invoke(*args, "--want", "modelling=5", "-f", "json").stdout)
    categories = [g["skill"] for g in data["skills_to_build"]]
    # maths and programming before ML, ML before data tools, data before cloud
    assert categories.index("statistics") < categories.index("ml-fundamentals")
    assert categories.index("ml-fundamentals") < categories.index("data-pipelines")
    assert categories.index("data-pipelines") < categories.index("cloud-platforms")
    assert data["wanted"] == [{"work": "modelling", "want": 5, "share": 0.26}]
    table = invoke(*args, "--want", "modelling=5", width=100).stdout
    assert "modelling 5/5: 26% of its work" in table


def test_path_markdown_and_errors(invoke: Invoke) -> None:
    out = invoke("path", "ds", "mle", "-f", "markdown").stdout
    assert out.startswith("# From Data scientist to ML engineer\n")
    assert (
        "\n- [ ] Data structures and algorithms (Now: none, Needed: practitioner, Gap: \\+3)\n"
        in out
    )
    assert "## What the sources advise" in out
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
    nothing = invoke("search", "zookeeper")
    assert nothing.exit_code == 0 and "No matches for zookeeper." in nothing.stdout
    assert invoke("search", " ").exit_code == 2
    names = json.loads(invoke("search", "mlops", "-n", "2", "-f", "json").stdout)["results"]
    assert len(names) == 2 and names[0]["id"] == "mlops-engineer"


def test_search_all_words_in_any_order_and_how_ads_name_things(invoke: Invoke) -> None:
    """Issue 18, item 10."""
    words = json.loads(invoke("search", "deploy models", "-f", "json").stdout)["results"]
    assert words and "deployment-monitoring" in {r["id"] for r in words}
    kubernetes = json.loads(invoke("search", "kubernetes", "-f", "json").stdout)["results"]
    assert (kubernetes[0]["id"], kubernetes[0]["field"]) == ("containers", "in job ads")
    sklearn = json.loads(invoke("search", "sklearn", "-f", "json").stdout)["results"]
    assert sklearn[0]["id"] == "deep-learning"


def test_snippets_cut_at_word_boundaries_and_keep_the_match() -> None:
    from mlroles.search import snippet as _snippet

    words = [f"word{i:02d}" for i in range(40)]
    text = " ".join(words)
    at = text.index("word20")
    snippet = _snippet(text, at, at + 6)
    assert snippet.startswith("…") and snippet.endswith("…") and "word20" in snippet
    inner = snippet.strip("…").split(" ")
    assert all(w in words for w in inner)  # no word cut in half
