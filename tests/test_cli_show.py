from __future__ import annotations

import json

import pytest

from conftest import Invoke


@pytest.mark.parametrize("name", ["data scientist", "Data Scientist", "ds", "DATA-SCIENTIST"])
def test_show_accepts_name_alias_or_id(invoke: Invoke, name: str) -> None:
    result = invoke("show", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("Data scientist  (data-scientist, production)")


def test_show_has_every_section(invoke: Invoke) -> None:
    out = invoke("show", "ml-engineer", width=100).stdout
    for heading in (
        "Summary",
        "Goal",
        "Work product",
        "ML need",
        "Responsibilities",
        "Skills",
        "Tools",
        "Backgrounds",
        "Education",
        "Skill map",
        "Specialisms",
        "Notes",
        "Outlook",
        "Related roles",
        "Sources",
    ):
        assert f"\n{heading}" in out, heading
    assert "Machine learning      Machine learning fundamentals" in out
    assert "(high SWE / high ML)" in out


def test_show_presents_variants(invoke: Invoke) -> None:
    out = invoke("show", "ds", width=100).stdout
    assert "Variants (one title, different jobs)" in out
    assert "Analytics and experiment-focused" in out and "ML and modelling-focused" in out


def test_show_sources_cites_every_section(invoke: Invoke) -> None:
    plain = invoke("show", "mlops").stdout
    cited = invoke("show", "mlops", "--sources").stdout
    assert "sources: " not in plain
    assert cited.count("sources: ") >= 8
    assert "sources: full-stack-which-ml-role" in cited


def test_show_prints_the_sources_disagreements(invoke: Invoke) -> None:
    out = invoke("show", "research-scientist", width=100).stdout
    assert "The sources disagree: Whether a research scientist needs a PhD" in out
    assert "• Howell (on the roles): A research scientist will need a PhD" in out
    assert "• CS 329S-style post: A PhD and/or first-author papers" in out
    assert "The sources disagree: How much software engineering a research scientist" in out
    cited = invoke("show", "research-scientist", "--sources", width=100).stdout
    assert "sources: jobboard-mle-vs-rs" in cited


def test_show_getting_started_and_the_basis_of_each_value(invoke: Invoke) -> None:
    out = invoke("show", "mle", width=100).stdout
    start = out.index("Getting started (the sources' advice)")
    assert "internships" in out[start:] and "pivot" in out[start:]
    assert "• SWE 4: Full Stack says it demands strong engineering" in out
    assert "• comm 3 (mlroles's reading): No source weighs it" in out
    # An adjacent role says how little the sources say about it.
    assert "this profile is thin" in invoke("show", "business-analyst").stdout


def test_show_json_is_the_full_profile(invoke: Invoke) -> None:
    data = json.loads(invoke("show", "mle", "--format", "json").stdout)
    assert data["role"]["id"] == "ml-engineer"
    assert data["quadrant"] == "high SWE / high ML"
    assert data["role"]["goal"]["text"].startswith("Turn data into products")
    assert {s["id"] for s in data["sources"]} >= {"ml-roles-blog"}
    blog = next(s for s in data["sources"] if s["id"] == "ml-roles-blog")
    assert blog["aliases"] == ["004_8e03d3091c28da6a"]
    assert data["readings"] == ["comm"]
    assert data["role"]["position"]["basis"]["comm"]["reading"] is True
    assert data["role"]["getting_started"][0]["sources"] == ["jobboard-mle-vs-rs"]
    topics = {d["id"]: d for d in data["disagreements"]}
    assert "who-builds-the-model" in topics and "ml-engineer-hiring" in topics
    holders = [v["holder"] for v in topics["who-builds-the-model"]["views"]]
    assert holders == [
        "Howell, the job-board article, the CS 329S-style post",
        "TechTarget",
        "Full Stack",
    ]


def test_show_markdown(invoke: Invoke) -> None:
    out = invoke("show", "research engineer", "--format", "markdown", "--sources").stdout
    assert out.startswith("# Research engineer\n")
    assert "## Variants" in out and "_(sources: " in out


def test_unknown_role_suggests_and_exits_2(invoke: Invoke) -> None:
    result = invoke("show", "data scienist")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "mlroles: error: unknown role 'data scienist'. Did you mean data-scientist"
    )
    assert len(result.stderr.splitlines()) == 1


def test_unknown_role_without_suggestions(invoke: Invoke) -> None:
    result = invoke("show", "zzzzzz")
    assert result.exit_code == 2
    assert "mlroles list --track all" in result.stderr


def test_missing_role_argument_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("show")
    assert result.exit_code == 2
    assert "Missing argument 'role'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_markup_in_arguments_is_not_interpreted(invoke: Invoke) -> None:
    result = invoke("show", "[bold]x[/bold]")
    assert result.exit_code == 2
    assert "'[bold]x[/bold]'" in result.stderr


def test_json_matches_pydantic_dump(invoke: Invoke) -> None:
    """The hand-rolled dump gives exactly what pydantic's model_dump(mode="json") gives."""
    from mlroles.loading import load_bundled

    catalogue = load_bundled()
    for role in catalogue.roles:
        data = json.loads(invoke("show", role.id, "-f", "json").stdout)
        assert data["role"] == role.model_dump(mode="json")
        assert data["sources"] == [
            catalogue.source(s).model_dump(mode="json", exclude_none=True)
            for s in sorted(role.cited_sources())
        ]
