"""Loading and checking catalogue files: every failure names file, line, object and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlroles.errors import CatalogueError, UnknownRoleError
from mlroles.layers import catalogue_files
from mlroles.loading import load_paths
from mlroles.models import Level

SOURCE = """\
sources:
  - id: src-a
    title: A source
    author: Someone
    kind: article
    contributes: Everything in this test.
skills:
  - id: python
    name: Python
    category: software-engineering
    description: The language.
    sources: [src-a]
tracks:
  - {id: production, name: Production, description: Where roles ship., sources: [src-a]}
skill_categories:
  - id: software-engineering
    name: Software engineering
    description: Writing code.
    sources: [src-a]
"""

ROLE = """\
roles:
  - id: {role_id}
    name: {name}
    aliases: [{alias}]
    track: production
    summary: {{text: Does things., sources: [src-a]}}
    goal: {{text: A goal., sources: [src-a]}}
    work_product: {{text: A product., sources: [src-a]}}
    responsibilities:
      - {{text: Something., sources: [src-a]}}
    skills:
      - {{skill: {skill}, level: {level}, sources: [src-a]}}
    ml_need: {{text: Some., sources: [src-a]}}
    position: {{swe: 3, ml: 2, comm: 1, rationale: Because., sources: [src-a]}}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def role_file(
    tmp_path: Path,
    role_id: str = "test-role",
    *,
    name: str = "Test role",
    alias: str = "tr",
    skill: str = "python",
    level: str = "working",
    filename: str = "role.yaml",
) -> Path:
    text = ROLE.format(role_id=role_id, name=name, alias=alias, skill=skill, level=level)
    return write(tmp_path, filename, text)


def problems(paths: list[Path]) -> list[str]:
    with pytest.raises(CatalogueError) as info:
        load_paths(paths)
    return [str(p) for p in info.value.problems]


def test_a_valid_catalogue_loads(tmp_path: Path) -> None:
    catalogue = load_paths([write(tmp_path, "base.yaml", SOURCE), role_file(tmp_path)])
    role = catalogue.resolve_role("TR")
    assert role.id == "test-role"
    assert role.skills[0].level is Level.WORKING
    assert role.cited_sources() == ("src-a",)


def test_the_bundled_catalogue_loads(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert len(catalogue.roles) >= 18
    assert catalogue.resolve_role("mle").id == "ml-engineer"


def test_duplicate_role_id_names_both_files(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    one = role_file(tmp_path, filename="one.yaml")
    two = role_file(tmp_path, alias="other", name="Other", filename="two.yaml")
    [problem] = problems([base, one, two])
    assert problem == f"{two}:2:9: test-role.id: duplicate id 'test-role', already in {one}:2:9"


def test_unknown_skill_reference(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path, skill="cobol")
    [problem] = problems([base, role])
    assert problem == f"{role}:12:17: test-role.skills[0].skill: unknown skill 'cobol'"


def test_level_out_of_range(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path, level="guru")
    [problem] = problems([base, role])
    assert problem.startswith(f"{role}:12:32: test-role.skills[0].level: Input should be ")
    assert "'expert'" in problem


def test_position_out_of_range(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path)
    role.write_text(role.read_text().replace("swe: 3", "swe: 9"))
    [problem] = problems([base, role])
    assert f"{role}:14:" in problem
    assert "test-role.position.swe: Input should be less than or equal to 5" in problem


def test_unknown_field(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path)
    role.write_text(role.read_text() + "    skils: []\n")
    [problem] = problems([base, role])
    assert problem == f"{role}:15:5: test-role.skils: unknown field 'skils'; did you mean 'skills'?"


def test_missing_field(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path)
    role.write_text(role.read_text().replace("    goal: {text: A goal., sources: [src-a]}\n", ""))
    [problem] = problems([base, role])
    assert problem.endswith("test-role.goal: missing required field 'goal'")


def test_unknown_source_citation(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path)
    role.write_text(
        role.read_text().replace(
            "goal: {text: A goal., sources: [src-a]}", "goal: {text: A goal., sources: [nowhere]}"
        )
    )
    [problem] = problems([base, role])
    assert problem == f"{role}:7:37: test-role.goal.sources[0]: cites unknown source 'nowhere'"


def test_alias_clash_between_roles(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    one = role_file(tmp_path, filename="one.yaml")
    two = role_file(tmp_path, "second-role", name="Second", alias="TR", filename="two.yaml")
    [problem] = problems([base, one, two])
    # What the user wrote ('TR', not the normalised 'tr'), and where the other one is.
    assert problem == (
        f"{two}:4:15: second-role.aliases[0]: 'TR' already names role test-role"
        f" ('tr', {one}:4:15); role ids, names and aliases share one namespace,"
        " compared ignoring case, spaces and hyphens"
    )


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", SOURCE)
    role = role_file(tmp_path, skill="cobol", level="guru")
    assert len(problems([base, role])) == 1  # the model error stops before cross-checks
    other = role_file(tmp_path, "r2", name="R2", alias="r2", level="guru", filename="b.yaml")
    assert len(problems([base, role, other])) == 2


def test_duplicate_key_shows_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.yaml", SOURCE + "sources: []\n")
    [problem] = problems([path])
    assert problem == f"{path}:20:1: duplicate key 'sources' (first at line 1)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("- a\n- b\n", ":1:1: the top level must be a mapping"),
        ("roles: []\n---\nroles: []\n", "more than one YAML document"),
        ("roles: [\n", ":2:1: "),
        ("a: !!python/object:os.system {}\n", "could not determine a constructor"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    [problem] = problems([path])
    assert problem.startswith(str(path))
    assert expected in problem


def test_non_utf8_reports_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"roles: []\n# caf\xe9\n")
    [problem] = problems([path])
    assert problem == f"{path}: not UTF-8: byte 0xe9 at offset 15"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert problems([tmp_path / "nope.yaml"]) == [f"{tmp_path / 'nope.yaml'}: no such file"]
    with pytest.raises(CatalogueError, match="catalogue directory not found"):
        catalogue_files(tmp_path / "missing")


def test_unknown_role_suggests_close_ids(catalogue) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownRoleError) as info:
        catalogue.resolve_role("data scientst")
    assert info.value.suggestions[0] == "data-scientist"
    assert len(info.value.suggestions) <= 3
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("query", "role_id"),
    [
        ("ds", "data-scientist"),
        ("MLE", "ml-engineer"),
        ("Data Scientist", "data-scientist"),
        ("mlops", "mlops-engineer"),
        ("ML DevOps", "mlops-engineer"),
        ("ml_engineer", "ml-engineer"),
        ("  research   scientist ", "research-scientist"),
        ("ML researcher", "research-scientist"),
        ("developer programs engineer", "developer-advocate"),
    ],
)
def test_roles_resolve_by_id_name_or_alias(catalogue, query: str, role_id: str) -> None:  # type: ignore[no-untyped-def]
    assert catalogue.resolve_role(query).id == role_id
