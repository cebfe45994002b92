"""Source aliases (old ids keep loading), disagreements as data, and each skill-map value's
basis: how the loader checks them and what a loaded catalogue holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.errors import CatalogueError
from mlroles.loading import load_paths
from test_catalogue import SOURCE, problems, role_file, write

ALIASED = SOURCE.replace("  - id: src-a\n", "  - id: src-a\n    aliases: [old-a]\n")

DISAGREEMENT = """\
disagreements:
  - id: how-much
    topic: How much of it there is
    roles: [{roles}]
    views:
      - {{holder: One source, text: A lot., sources: [src-a]}}
      - {{holder: Another, text: A little., sources: [old-a]}}
"""


def test_a_citation_by_alias_loads_as_the_source_id(tmp_path: Path) -> None:
    role = role_file(tmp_path)
    role.write_text(
        role.read_text().replace(
            "goal: {text: A goal., sources: [src-a]}",
            "goal: {text: A goal., sources: [old-a, src-a]}",
        )
    )
    catalogue = load_paths([write(tmp_path, "base.yaml", ALIASED), role])
    goal = catalogue.role("test-role").goal
    assert goal.sources == ("src-a",)  # renamed, and not listed twice
    assert catalogue.role("test-role").cited_sources() == ("src-a",)


def test_an_alias_that_is_another_sources_id_is_refused(tmp_path: Path) -> None:
    clash = ALIASED.replace(
        "skills:\n",
        "  - id: old-a\n    kind: note\n    contributes: A second source.\nskills:\n",
    )
    base = write(tmp_path, "base.yaml", clash)
    [problem] = problems([base, role_file(tmp_path)])
    assert problem == f"{base}:3:15: source:src-a.aliases[0]: alias 'old-a' is already a source id"


def test_the_same_alias_on_two_sources_is_refused(tmp_path: Path) -> None:
    twice = ALIASED.replace(
        "skills:\n",
        "  - id: src-b\n    aliases: [old-a]\n    kind: note\n    contributes: More.\nskills:\n",
    )
    base = write(tmp_path, "base.yaml", twice)
    [problem] = problems([base, role_file(tmp_path)])
    assert problem.endswith("source:src-b.aliases[0]: alias 'old-a' already names source src-a")


def test_disagreements_load_with_their_views(tmp_path: Path) -> None:
    files = [
        write(tmp_path, "base.yaml", ALIASED),
        role_file(tmp_path),
        write(tmp_path, "d.yaml", DISAGREEMENT.format(roles="test-role")),
    ]
    catalogue = load_paths(files)
    [item] = catalogue.disagreements_about(["test-role"])
    assert [v.holder for v in item.views] == ["One source", "Another"]
    assert item.views[1].sources == ("src-a",)
    assert catalogue.disagreements_about(["test-role"], least=2) == ()


def test_a_disagreement_about_an_unknown_role_is_refused(tmp_path: Path) -> None:
    d = write(tmp_path, "d.yaml", DISAGREEMENT.format(roles="test-role, nobody"))
    [problem] = problems([write(tmp_path, "base.yaml", ALIASED), role_file(tmp_path), d])
    assert problem == f"{d}:4:24: disagreement:how-much.roles[1]: unknown role 'nobody'"


def test_a_disagreement_needs_two_views(tmp_path: Path) -> None:
    one_view = DISAGREEMENT.format(roles="test-role").rsplit("      - ", 1)[0]
    d = write(tmp_path, "d.yaml", one_view)
    [problem] = problems([write(tmp_path, "base.yaml", ALIASED), role_file(tmp_path), d])
    assert problem.startswith(f"{d}:6:7: disagreement:how-much.views: Tuple should have at least 2")


def test_removing_a_role_drops_it_from_disagreements(invoke: Invoke, tmp_path: Path) -> None:
    overlay = write(tmp_path, "o.yaml", "remove_roles: [research-engineer]\n")
    data = invoke("-c", str(overlay), "show", "rs", "-f", "json")
    assert data.exit_code == 0, data.stderr
    about = {d["id"]: d["roles"] for d in json.loads(data.stdout)["disagreements"]}
    assert about["research-scientist-vs-engineer"] == ["research-scientist"]


@pytest.mark.parametrize(
    ("basis", "message"),
    [
        ("{text: Because., reading: false}", "cite the sources this value rests on"),
        ("{text: Because.}", "cite the sources this value rests on"),
    ],
)
def test_a_value_must_cite_its_basis_or_say_it_is_a_reading(
    tmp_path: Path, basis: str, message: str
) -> None:
    role = role_file(tmp_path)
    whole = (
        "rationale: Because., sources: [src-a], basis: {swe: "
        + basis
        + ", ml: {text: M., sources: [src-a]}, comm: {text: C., reading: true}}"
    )
    role.write_text(role.read_text().replace("rationale: Because., sources: [src-a]", whole))
    with pytest.raises(CatalogueError) as info:
        load_paths([write(tmp_path, "base.yaml", ALIASED), role])
    [problem] = info.value.problems
    assert "test-role.position.basis.swe" in str(problem) and message in str(problem)


def test_a_reading_needs_no_citation_and_is_reported(tmp_path: Path) -> None:
    role = role_file(tmp_path)
    whole = (
        "rationale: Because., sources: [src-a], basis: {swe: {text: S., sources: [old-a]}, "
        "ml: {text: M., sources: [src-a]}, comm: {text: C., reading: true}}"
    )
    role.write_text(role.read_text().replace("rationale: Because., sources: [src-a]", whole))
    position = load_paths([write(tmp_path, "base.yaml", ALIASED), role]).role("test-role").position
    assert position.readings() == ("comm",)
    assert (position.marked("swe"), position.marked("comm")) == ("3", "1*")
    assert position.basis is not None and position.basis.swe.sources == ("src-a",)
