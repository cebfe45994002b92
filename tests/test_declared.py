"""Catalogues that declare their own tracks and skill categories (issue 19, item 6): the
README's example catalogue, every command that reads them, the checks, the schema and the
export round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import Invoke
from mlroles.catalogue import Catalogue
from mlroles.layers import bundled_layer, overlay_layer
from mlroles.loading import load_layers
from readme_examples import README, readme_files


@pytest.fixture
def hospital(tmp_path: Path) -> Path:
    """The README's example catalogue, exactly as the README spells it out."""
    path = tmp_path / "hospital.yaml"
    path.write_text(readme_files(README.read_text(encoding="utf-8"))["hospital.yaml"])
    return path


def edited(path: Path, old: str, new: str) -> Path:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


def ids(invoke: Invoke, *args: str) -> list[str]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return [role["id"] for role in json.loads(result.stdout)["roles"]]


def test_the_readme_catalogue_validates(invoke: Invoke, hospital: Path) -> None:
    result = invoke("validate", str(hospital))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == (
        "ok: 1 file valid on top of the bundled catalogue (sources: 1, tracks: 1, "
        "skill_categories: 1, skills: 1, roles: 1, contrasts: 0).\n"
    )


def test_a_shown_track_joins_the_default_list_after_the_bundled_ones(
    invoke: Invoke, hospital: Path
) -> None:
    listed = json.loads(invoke("-c", str(hospital), "list", "-f", "json").stdout)
    assert listed["tracks"] == ["research", "production", "clinical"]
    assert listed["roles"][-1]["id"] == "clinical-data-scientist"
    assert listed["roles"][-1]["track"] == "clinical"
    assert ids(invoke, "-c", str(hospital), "list", "--track", "clinical") == [
        "clinical-data-scientist"
    ]
    # By name too, in any case; several joined by commas, in the catalogue's order.
    by_name = ids(invoke, "-c", str(hospital), "list", "-t", "Clinical Analytics,adjacent")
    adjacent = ["business-analyst", "science-phd-graduate", "software-engineer"]
    assert by_name == [*adjacent, "clinical-data-scientist"]


def test_a_hidden_track_stays_out_of_list_map_and_fit(invoke: Invoke, hospital: Path) -> None:
    edited(hospital, "    shown: true\n", "    shown: false\n")
    c = ("-c", str(hospital))
    assert "clinical-data-scientist" not in ids(invoke, *c, "list")
    assert "clinical-data-scientist" in ids(invoke, *c, "list", "-t", "all")
    mapped = json.loads(invoke(*c, "map", "-f", "json").stdout)
    assert "clinical-data-scientist" not in [r["id"] for r in mapped["roles"]]
    mapped = json.loads(invoke(*c, "map", "-t", "clinical", "-f", "json").stdout)
    assert [r["id"] for r in mapped["roles"]] == ["clinical-data-scientist"]
    skills = json.loads(invoke(*c, "skills", "-t", "clinical", "-f", "json").stdout)
    assert [r["id"] for r in skills["roles"]] == ["clinical-data-scientist"]
    fitted = ids(invoke, *c, "fit", "--ml", "4", "--swe", "2", "-n", "30")
    assert "clinical-data-scientist" not in fitted
    only = ids(invoke, *c, "fit", "--ml", "4", "--swe", "2", "-t", "clinical")
    assert only == ["clinical-data-scientist"]


def test_fit_reads_a_declared_category(invoke: Invoke, hospital: Path) -> None:
    """The category's `interest` puts its skills in the work mix; without
    `estimated_from` an unrated skill of it stays unknown, with it the axis estimates it."""
    args = ("fit", "--ml", "4", "--swe", "2", "--want", "business=5", "-t", "clinical")
    fit = json.loads(invoke("-c", str(hospital), *args, "-f", "json").stdout)["roles"][0]
    assert any("you want business" in reason for reason in fit["why"])
    assert [item["skill"] for item in fit["not_asked"]] == ["clinical-coding"]
    edited(hospital, "    interest: business\n", "    estimated_from: {axis: ml, below: 2}\n")
    fit = json.loads(invoke("-c", str(hospital), *args, "-f", "json").stdout)["roles"][0]
    assert fit["not_asked"] == []
    coding = next(gap for gap in fit["gaps"] if gap["skill"] == "clinical-coding")
    assert (coding["have"], coding["basis"], coding["estimated_from"]) == (
        "working",
        "estimated",
        "ml 4",
    )
    assert not any("you want business" in reason for reason in fit["why"])


def test_a_tracks_mostly_sets_the_least_share_of_that_work(
    hospital: Path, catalogue: Catalogue
) -> None:
    from mlroles.fit import work_mix
    from mlroles.models import Interest

    edited(hospital, "    shown: true\n", "    shown: true\n    mostly: research\n")
    overlaid = load_layers([bundled_layer(), overlay_layer(hospital)])
    mix = work_mix(overlaid, overlaid.role("clinical-data-scientist"))
    assert mix[Interest.RESEARCH] == pytest.approx(0.5)
    # The bundled research track declares the same of research roles.
    assert work_mix(catalogue, catalogue.role("research-engineer"))[Interest.RESEARCH] >= 0.5


def test_show_groups_skills_under_the_declared_category(invoke: Invoke, hospital: Path) -> None:
    shown = json.loads(
        invoke("-c", str(hospital), "skills", "-r", "clinical-data-scientist", "-f", "json").stdout
    )
    categories = [group["category"] for group in shown["focus"]["skills"]]
    assert categories == ["software-engineering", "machine-learning", "clinical-knowledge"]
    text = invoke("-c", str(hospital), "show", "clinical-data-scientist").stdout
    assert "Clinical knowledge    Clinical coding" in text


def test_unknown_references_name_file_line_object_and_field(invoke: Invoke, hospital: Path) -> None:
    edited(hospital, "    track: clinical\n", "    track: clinic\n")
    edited(hospital, "    category: clinical-knowledge\n", "    category: clinical-knowlege\n")
    result = invoke("validate", str(hospital))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        f"{hospital}:22:15: skill:clinical-coding.category: unknown skill category "
        "'clinical-knowlege'; did you mean 'clinical-knowledge'?"
    ) in lines
    assert (
        f"{hospital}:28:12: clinical-data-scientist.track: unknown track 'clinic'; "
        "did you mean 'clinical'?"
    ) in lines
    # Nothing close: where to declare it, and what is declared.
    edited(hospital, "    track: clinic\n", "    track: zzz\n")
    lines = invoke("validate", str(hospital)).stdout.splitlines()
    assert (
        f"{hospital}:28:12: clinical-data-scientist.track: unknown track 'zzz'; declare it "
        "under `tracks:` (declared: adjacent, clinical, production, research)"
    ) in lines


def test_every_command_refuses_an_undeclared_track(invoke: Invoke, hospital: Path) -> None:
    edited(hospital, "    track: clinical\n", "    track: clinic\n")
    result = invoke("-c", str(hospital), "list")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"mlroles: error: invalid catalogue: {hospital}:28:12: clinical-data-scientist.track: "
        "unknown track 'clinic'; did you mean 'clinical'?"
    )


def test_one_catalogue_cannot_declare_an_id_twice(invoke: Invoke, hospital: Path) -> None:
    """Two files of one catalogue directory clash, as two roles with one id do."""
    second = hospital.with_name("more.yaml")
    second.write_text(
        "tracks:\n  - {id: clinical, name: Wards, description: Again., reading: true}\n"
    )
    result = invoke("validate", str(hospital.parent))
    lines = result.stdout.splitlines()
    clash = f"{second}:2:10: track:clinical.id: duplicate id 'clinical', already in {hospital}:7:9"
    assert clash in lines


def test_names_are_unique_within_a_kind(invoke: Invoke, hospital: Path) -> None:
    edited(hospital, "    name: Clinical knowledge\n", "    name: machine LEARNING\n")
    lines = invoke("validate", str(hospital)).stdout.splitlines()
    assert any(
        line.startswith(
            f"{hospital}:14:11: category:clinical-knowledge.name: 'machine LEARNING' "
            "already names category machine-learning ('Machine learning', "
        )
        for line in lines
    ), lines


def test_a_declaration_cites_or_says_it_is_a_reading(invoke: Invoke, hospital: Path) -> None:
    edited(hospital, "    shown: true\n    sources: [hospital-job-ladder]\n", "    shown: true\n")
    lines = invoke("validate", str(hospital)).stdout.splitlines()
    assert (
        f"{hospital}:7:5: track:clinical: cite the sources it comes from, or mark it "
        "`reading: true`"
    ) in lines


def test_track_ids_cannot_be_words_of_the_option(invoke: Invoke, hospital: Path) -> None:
    edited(hospital, "  - id: clinical\n", "  - id: all\n")
    edited(hospital, "    track: clinical\n", "    track: all\n")
    lines = invoke("validate", str(hospital)).stdout.splitlines()
    assert (
        f"{hospital}:7:9: track:all.id: 'all' is a word of --track (default, all, ml); "
        "choose another id"
    ) in lines


def test_a_later_catalogue_replaces_a_declaration(invoke: Invoke, tmp_path: Path) -> None:
    shown = tmp_path / "starting-points.yaml"
    shown.write_text(
        "tracks:\n  - id: adjacent\n    name: Ways in\n    description: Shown now.\n"
        "    reading: true\n"
    )
    listed = json.loads(invoke("-c", str(shown), "list", "-f", "json").stdout)
    assert listed["tracks"] == ["research", "production", "adjacent"]
    assert "software-engineer" in [role["id"] for role in listed["roles"]]


def test_an_unknown_track_option_is_a_usage_error(invoke: Invoke, hospital: Path) -> None:
    result = invoke("-c", str(hospital), "map", "--track", "clinicl")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "mlroles: error: Invalid value for '--track': no track 'clinicl'. Did you mean "
        "clinical? Give a track (research, production, adjacent, clinical), default (the "
        "tracks shown by default) or all.\n"
    )
    empty = invoke("fit", "--ml", "3", "--track", ",")
    assert empty.exit_code == 2
    assert empty.stderr.startswith("mlroles: error: Invalid value for '--track': it is empty.")


def test_the_schema_shows_both_sections(invoke: Invoke) -> None:
    schema = json.loads(invoke("schema").stdout)
    assert {"tracks", "skill_categories"} <= set(schema["properties"])
    track = schema["$defs"]["Track"]["properties"]
    assert {"id", "name", "description", "sources", "reading", "shown", "mostly"} == set(track)
    category = schema["$defs"]["SkillCategory"]["properties"]
    assert {"estimated_from", "interest", "learning_stage"} <= set(category)
    assert schema["$defs"]["AxisEstimate"]["properties"]["axis"]["enum"] == ["swe", "ml", "comm"]
    # The schema's keys are the model's: a misspelt one is refused by the loader too.


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_exports_carry_the_declarations_and_load_alone(
    invoke: Invoke, hospital: Path, tmp_path: Path, fmt: str
) -> None:
    exported = tmp_path / f"all.{fmt}"
    assert invoke("-c", str(hospital), "export", "-f", fmt, "-o", str(exported)).exit_code == 0
    document = yaml.safe_load(exported.read_text())
    tracks = [track["id"] for track in document["tracks"]]
    assert tracks == ["research", "production", "adjacent", "clinical"]
    assert document["skill_categories"][-1]["id"] == "clinical-knowledge"
    alone = ("--no-bundled", "-c", str(exported))
    assert ids(invoke, *alone, "list", "-t", "all") == ids(
        invoke, "-c", str(hospital), "list", "-t", "all"
    )
    again = tmp_path / f"again.{fmt}"
    assert invoke(*alone, "export", "-f", fmt, "-o", str(again)).exit_code == 0
    assert again.read_text() == exported.read_text()


def test_a_cached_catalogue_keeps_its_declarations(hospital: Path) -> None:
    layers = [bundled_layer(), overlay_layer(hospital)]
    built = load_layers(layers)
    cached = load_layers(layers)  # served from the cache (conftest gives each run its own)
    assert cached is not built
    assert cached.tracks == built.tracks
    assert cached.category("clinical-knowledge").label == "Clinical knowledge"
    assert cached.track("clinical").shown is True
    assert cached.shown_tracks == ("research", "production", "clinical")


def test_path_learns_a_category_at_its_declared_stage(invoke: Invoke, hospital: Path) -> None:
    rated = ("--skill", "python=1", "--skill", "ml-fundamentals=1", "--skill", "clinical-coding=1")
    command = ("-c", str(hospital), "path", "me", "clinical-data-scientist", *rated, "-f", "json")

    def order() -> list[str]:
        result = invoke(*command)
        assert result.exit_code == 0, result.stderr
        return [gap["skill"] for gap in json.loads(result.stdout)["skills_to_build"]]

    assert order() == ["python", "ml-fundamentals", "clinical-coding"]  # stages 0, 1, 2
    edited(hospital, "    learning_stage: 2\n", "    learning_stage: 0\n")
    assert order() == ["clinical-coding", "python", "ml-fundamentals"]  # 0 (listed first), 0, 1
    edited(hospital, "    learning_stage: 0\n", "")
    assert order() == ["python", "ml-fundamentals", "clinical-coding"]  # none: after every stage
