"""`validate`, `schema` and `init`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import Invoke
from mlroles.layers import catalogue_files


def test_init_writes_a_starter_that_validates(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "starter.yaml"
    result = invoke("init", str(path))
    assert result.exit_code == 0
    assert path.read_text().startswith("# A starter mlroles catalogue overlay")
    checked = invoke("validate", str(path))
    assert checked.exit_code == 0
    assert checked.stdout == (
        "ok: 1 file valid on top of the bundled catalogue "
        "(sources: 1, tracks: 0, skill_categories: 0, skills: 0, roles: 1, contrasts: 0).\n"
    )


def test_init_does_not_overwrite_without_force(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("keep me\n")
    result = invoke("init", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"mlroles: error: {path} already exists. Use --force to overwrite it.\n"
    assert path.read_text() == "keep me\n"
    assert invoke("init", str(path), "--force").exit_code == 0
    assert path.read_text() != "keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]  # no temporary file left


def test_validate_lists_every_problem(invoke: Invoke, tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text("roles:\n  - id: x\n    nmae: X\n")
    two = tmp_path / "two.yaml"
    two.write_text(
        "skills:\n  - id: s\n    name: S\n    category: machine-lerning\n"
        "    description: A skill.\n    sources: [ml-roles-blog]\n"
    )
    result = invoke("validate", str(one), str(two))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{one}:3:5: x.nmae: unknown field 'nmae'; did you mean 'name'?" in lines
    assert (
        f"{two}:4:15: skill:s.category: unknown skill category 'machine-lerning'; "
        "did you mean 'machine-learning'?"
    ) in lines
    assert lines[-1].endswith("problems in 2 files.")
    assert len(lines) > 4


def test_validate_checks_references_against_the_bundled_catalogue(
    invoke: Invoke, tmp_path: Path
) -> None:
    starter = tmp_path / "s.yaml"
    invoke("init", str(starter))
    alone = invoke("--no-bundled", "validate", str(starter))
    assert alone.exit_code == 1
    assert "unknown skill 'sql'" in alone.stdout


def test_validate_json(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("roles: []\nroles: []\n")
    data = json.loads(invoke("validate", str(path), "-f", "json").stdout)
    assert data["valid"] is False
    assert data["problems"] == [
        {
            "file": str(path),
            "line": 2,
            "column": 1,
            "subject": None,
            "message": "duplicate key 'roles' (first at line 1)",
        }
    ]


def test_validate_missing_file(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path / 'nope.yaml'}: no such file\n")


def test_schema_validates_the_bundled_catalogue(invoke: Invoke, data_dir: Path) -> None:
    schema = json.loads(invoke("schema").stdout)
    assert schema["title"] == "mlroles catalogue file"
    validator = jsonschema.Draft202012Validator(schema)
    for path in catalogue_files(data_dir):
        validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = list(validator.iter_errors({"roles": [{"id": "x", "nmae": "X"}]}))
    assert errors


def test_validate_lists_structural_and_reference_problems_in_one_run(
    invoke: Invoke, tmp_path: Path
) -> None:
    """Issue 18, item 16: an invalid role does not hide a cross-reference problem in the
    valid role after it, and an unknown source id gets a did-you-mean."""
    path = tmp_path / "mine.yaml"
    invoke("init", str(path))
    text = path.read_text()
    text = text.replace("roles:\n", "roles:\n  - id: broken\n    nmae: Broken\n", 1)
    path.write_text(text.replace("[my-team-notes]", "[my-team-ntoes]", 1))
    lines = path.read_text().splitlines()
    cited = next(n for n, line in enumerate(lines, 1) if "my-team-ntoes" in line)
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert f"{path}:21:5: broken.nmae: unknown field 'nmae'; did you mean 'name'?" in out
    unknown = [line for line in out if "unknown source" in line]
    assert len(unknown) == 1
    assert unknown[0].startswith(f"{path}:{cited}:")  # the line in the file as written
    assert unknown[0].endswith(
        "cites unknown source 'my-team-ntoes'; did you mean 'my-team-notes'?"
    )


def test_validate_suggests_nothing_for_a_source_id_like_none(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "mine.yaml"
    invoke("init", str(path))
    path.write_text(path.read_text().replace("[my-team-notes]", "[zzzzqqq]", 1))
    out = invoke("validate", str(path)).stdout
    assert "cites unknown source 'zzzzqqq'\n" in out


def _bad_numbers(invoke: Invoke, tmp_path: Path) -> dict[str, object]:
    """The starter role with `swe: on` and an evidence term weighted `yes`."""
    starter = tmp_path / "starter.yaml"
    invoke("init", str(starter))
    text = starter.read_text(encoding="utf-8").replace("      swe: 3\n", "      swe: on\n")
    data = yaml.safe_load(text)
    data["roles"][0]["evidence"] = [
        {"term": "pipelines", "signals": "data", "weight": True, "sources": ["ml-roles-blog"]}
    ]
    return data


def test_booleans_are_refused_in_number_fields(invoke: Invoke, tmp_path: Path) -> None:
    data = _bad_numbers(invoke, tmp_path)
    path = tmp_path / "bad.yaml"
    text = yaml.safe_dump(data, sort_keys=False).replace("swe: true", "swe: on")
    path.write_text(text.replace("weight: true", "weight: yes"), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    swe_line = next(n for n, line in enumerate(lines, 1) if "swe: on" in line)
    weight_line = next(n for n, line in enumerate(lines, 1) if "weight: yes" in line)
    swe_column = lines[swe_line - 1].index(" on") + 2
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    role = data["roles"][0]["id"]  # type: ignore[index]
    assert (
        f"{path}:{swe_line}:{swe_column}: {role}.position.swe:"
        " 'on' was read as a boolean, not a number; write a number" in result.stdout.splitlines()
    )
    assert any(
        line.startswith(f"{path}:{weight_line}:")
        and line.endswith(
            "evidence[0].weight: 'yes' was read as a boolean, not a number; write a number"
        )
        for line in result.stdout.splitlines()
    ), result.stdout


def test_schema_and_loader_agree_on_json_booleans(invoke: Invoke, tmp_path: Path) -> None:
    data = _bad_numbers(invoke, tmp_path)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, indent=2).replace('"swe": "on"', '"swe": true'))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["roles"][0]["position"]["swe"] is True
    schema = json.loads(invoke("schema").stdout)
    errors = jsonschema.Draft202012Validator(schema).iter_errors(document)
    assert sorted(list(e.absolute_path)[-1] for e in errors) == ["swe", "weight"]
    loaded = invoke("--catalog", str(path), "list")
    assert loaded.exit_code == 1 and loaded.stdout == ""
    assert "position.swe: 'true' was read as a boolean, not a number" in loaded.stderr
    report = invoke("validate", str(path)).stdout
    assert "evidence[0].weight: 'true' was read as a boolean, not a number" in report


def test_a_single_value_where_a_list_belongs_is_explained_in_yaml_terms(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A product written as one string: the message speaks of a list, not a Python tuple;
    a product that cannot be a name as ads write it is refused too."""
    path = tmp_path / "skills.yaml"
    skill = (
        "skills:\n  - id: gpu-stuff\n    name: GPU stuff\n    category: infrastructure\n"
        "    description: Working with GPUs.\n    in_ads:\n      terms: [GPU]\n"
        "      products: {products}\n      sources: [ml-roles-blog]\n"
        "    sources: [ml-roles-blog]\n"
    )
    path.write_text(skill.format(products='"CUDA"'), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert (
        f"{path}:8:17: skill:gpu-stuff.in_ads.products: should be a list, e.g. [first, second]"
        in result.stdout.splitlines()
    )
    path.write_text(skill.format(products='["*CUDA"]'), encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert "in_ads.products[0]: a product is a name as ads write it" in result.stdout


@pytest.mark.parametrize("guard", ['"point cloud*"', '"weekly reports, dashboards"'])
def test_an_unless_phrase_that_could_never_match_is_refused(
    invoke: Invoke, tmp_path: Path, guard: str
) -> None:
    """A guard is matched word for word within one clause: a '*' would be ignored and a
    comma would keep it from ever matching, so both are refused with the reason."""
    path = tmp_path / "skills.yaml"
    path.write_text(
        "skills:\n  - id: cloudy\n    name: Cloudy\n    category: infrastructure\n"
        "    description: Clouds.\n    in_ads:\n      terms: [cloud]\n"
        f"      unless: [{guard}]\n      sources: [ml-roles-blog]\n"
        "    sources: [ml-roles-blog]\n",
        encoding="utf-8",
    )
    result = invoke("validate", str(path))
    assert result.exit_code == 1
    assert "in_ads.unless[0]: an unless phrase is matched word for word" in result.stdout
