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
    assert "sources: 001_e53fc3eac9b3ddff" in cited


def test_show_json_is_the_full_profile(invoke: Invoke) -> None:
    data = json.loads(invoke("show", "mle", "--format", "json").stdout)
    assert data["role"]["id"] == "ml-engineer"
    assert data["quadrant"] == "high SWE / high ML"
    assert data["role"]["goal"]["text"].startswith("Turn data into products")
    assert {s["id"] for s in data["sources"]} >= {"004_8e03d3091c28da6a"}


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
    from mlroles.catalogue import load_bundled

    catalogue = load_bundled()
    for role in catalogue.roles:
        data = json.loads(invoke("show", role.id, "-f", "json").stdout)
        assert data["role"] == role.model_dump(mode="json")
        assert data["sources"] == [
            catalogue.source(s).model_dump(mode="json", exclude_none=True)
            for s in sorted(role.cited_sources())
        ]
