from __future__ import annotations

import json

from conftest import Invoke


def test_compare_ds_mle_curated_rows_first(invoke: Invoke) -> None:
    out = invoke("compare", "ds", "mle", width=120).stdout
    first = out.index("What the sources say: Data scientist vs ML engineer")
    assert first < out.index("Profiles side by side") < out.index("Skills") < out.index("Tools")
    assert "Generate business insights" in out and "Turn data into products" in out
    assert "Better statistician" in out and "Better engineer" in out


def test_compare_json_rows_follow_the_order_given(invoke: Invoke) -> None:
    forward = json.loads(invoke("compare", "ds", "mle", "-f", "json").stdout)
    backward = json.loads(invoke("compare", "mle", "ds", "-f", "json").stdout)
    assert forward["roles"] == ["data-scientist", "ml-engineer"]
    goal = forward["curated"][0]["rows"][0]
    assert goal["dimension"] == "Goal"
    assert goal["values"] == ["Generate business insights", "Turn data into products"]
    assert backward["curated"][0]["rows"][0]["values"] == goal["values"][::-1]
    assert backward["curated"][0]["roles"] == ["ml-engineer", "data-scientist"]


def test_compare_splits_skills_and_tools(invoke: Invoke) -> None:
    data = json.loads(invoke("compare", "data-scientist", "ml-engineer", "-f", "json").stdout)
    shared = {s["skill"]: s["levels"] for s in data["skills"]["shared"]}
    assert shared["statistics"] == ["expert", "practitioner"]
    assert shared["ml-fundamentals"] == ["working", "expert"]
    partial = {s["skill"]: s["levels"] for s in data["skills"]["partial"]}
    assert partial["containers"] == [None, "working"]
    assert partial["data-visualisation"] == ["working", None]
    assert "Python" in data["tools"]["shared"]
    assert "Tableau" in data["tools"]["only"]["data-scientist"]
    assert "Docker" in data["tools"]["only"]["ml-engineer"]
    keys = [field["key"] for field in data["fields"]]
    assert keys[:5] == ["track", "summary", "goal", "work_product", "ml_need"]


def test_any_pair_works_without_a_curated_contrast(invoke: Invoke) -> None:
    data = json.loads(invoke("compare", "product-owner", "data-engineer", "-f", "json").stdout)
    assert data["curated"] == []
    assert data["fields"][0]["values"] == [["production"], ["production"]]


def test_three_roles(invoke: Invoke) -> None:
    result = invoke("compare", "ds", "mle", "mlops", "-f", "json")
    data = json.loads(result.stdout)
    assert len(data["curated"]) == 2  # ds/mle and mle/mlops
    assert all(len(s["levels"]) == 3 for s in data["skills"]["shared"])


def test_compare_needs_two_distinct_roles(invoke: Invoke) -> None:
    one = invoke("compare", "ds")
    assert one.exit_code == 2
    assert (
        one.stderr
        == "mlroles: error: compare needs at least two roles. Example: mlroles compare ds mle\n"
    )
    same = invoke("compare", "ds", "data-scientist")
    assert same.exit_code == 2
    assert "named twice" in same.stderr
    unknown = invoke("compare", "ds", "wizard")
    assert unknown.exit_code == 2 and "unknown role 'wizard'" in unknown.stderr


def test_compare_markdown(invoke: Invoke) -> None:
    out = invoke("compare", "rs", "re", "--format", "markdown").stdout
    assert out.startswith("# Research scientist vs Research engineer\n")
    assert "| **PhD** | Needed (Howell); a PhD and/or first-author papers" in out
    assert "## The sources disagree: Whether a research scientist needs a PhD" in out


def test_compare_prints_where_the_sources_disagree(invoke: Invoke) -> None:
    out = invoke("compare", "ds", "mle", width=100).stdout
    assert "The sources disagree: Who builds the model that the ML engineer ships" in out
    assert "The sources disagree: Whether one person should do both" in out
    assert "• TechTarget (Richie): It happens at small and mid-size companies" in out
    # Only disagreements that concern two or more of the compared roles.
    assert "Where research scientists work" not in out
    data = json.loads(
        invoke("compare", "research-scientist", "research-engineer", "-f", "json").stdout
    )
    ids = [d["id"] for d in data["disagreements"]]
    assert ids == [
        "research-scientist-vs-engineer",
        "research-scientist-phd",
        "research-scientist-engineering",
    ]
    views = data["disagreements"][1]["views"]
    assert [v["sources"] for v in views] == [
        ["howell-top-ml-roles"],
        ["howell-top-ml-roles"],
        ["jobboard-mle-vs-rs"],
        ["ml-roles-blog"],
    ]
    table = invoke("compare", "research-scientist", "research-engineer", width=100).stdout
    assert "The sources disagree: Whether research scientist and research engineer" in table


def test_tools_some_of_the_roles_use_and_every_profile_field(invoke: Invoke) -> None:
    """Issue 18, item 9: tools of some but not all roles get their own group; compare
    carries every profile field (variants, specialisms, related, outlook, advice, notes)."""
    data = json.loads(invoke("compare", "ds", "mle", "mlops", "-f", "json").stdout)
    some = {item["tool"]: item["roles"] for item in data["tools"]["some"]}
    assert some["Python"] == ["data-scientist", "ml-engineer"]
    assert "Python" not in data["tools"]["shared"]
    keys = [field["key"] for field in data["fields"]]
    for key in ("variants", "specialisms", "related", "outlook", "getting_started", "notes"):
        assert key in keys, key
    variants = next(f for f in data["fields"] if f["key"] == "variants")["values"]
    assert variants[0] and variants[0][0].startswith("Analytics and experiment-focused: ")
    table = invoke("compare", "ds", "mle", "mlops", width=100).stdout
    assert "  Data scientist and ML engineer: Python, SQL, R, " in table
    markdown = invoke("compare", "ds", "mle", "mlops", "-f", "markdown").stdout
    assert "- **Data scientist and ML engineer:** Python, SQL, R, " in markdown
