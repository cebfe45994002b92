"""User catalogues: --catalog, MLROLES_CATALOG, --no-bundled, replacing and removing roles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Invoke


@pytest.fixture
def overlay(invoke: Invoke, tmp_path: Path) -> Path:
    path = tmp_path / "team.yaml"
    result = invoke("init", str(path))
    assert result.exit_code == 0, result.stderr
    return path


def test_overlay_role_appears_everywhere(invoke: Invoke, overlay: Path) -> None:
    listed = json.loads(invoke("--catalog", str(overlay), "list", "-f", "json").stdout)
    assert "analytics-engineer" in [r["id"] for r in listed["roles"]]
    shown = invoke("-c", str(overlay), "show", "ae")
    assert shown.exit_code == 0
    assert f"Defined in: {overlay}" in shown.stdout
    profile = json.loads(invoke("-c", str(overlay), "show", "ae", "-f", "json").stdout)
    assert profile["origin"] == str(overlay)
    bundled = json.loads(invoke("-c", str(overlay), "show", "mle", "-f", "json").stdout)
    assert bundled["origin"] == "bundled"
    compared = json.loads(invoke("-c", str(overlay), "compare", "ae", "da", "-f", "json").stdout)
    assert compared["roles"] == ["analytics-engineer", "data-analyst"]
    skills = json.loads(invoke("-c", str(overlay), "skills", "-r", "ae", "-f", "json").stdout)
    assert skills["focus"]["id"] == "analytics-engineer"


def test_environment_variable_adds_overlays(invoke: Invoke, overlay: Path) -> None:
    result = invoke("show", "ae", env={"MLROLES_CATALOG": f"/nonexistent-dir-xyz:{overlay}"})
    assert result.exit_code == 1
    assert result.stderr.startswith("mlroles: error: invalid catalogue: /nonexistent-dir-xyz")
    ok = invoke("show", "ae", env={"MLROLES_CATALOG": str(overlay)})
    assert ok.exit_code == 0


def test_no_bundled_uses_only_the_overlay(invoke: Invoke, tmp_path: Path) -> None:
    exported = tmp_path / "all.yaml"
    assert invoke("export", "-f", "yaml", "-o", str(exported)).exit_code == 0
    own = tmp_path / "own.yaml"
    own.write_text(
        exported.read_text().replace("id: data-analyst\n", "id: data-analyst-renamed\n", 1)
    )
    alone = invoke("--no-bundled", "-c", str(exported), "list", "-t", "all", "-f", "json")
    bundled = invoke("list", "-t", "all", "-f", "json")
    assert json.loads(alone.stdout)["roles"] == json.loads(bundled.stdout)["roles"]
    nothing = invoke("--no-bundled", "list")
    assert nothing.exit_code == 2
    assert "--no-bundled leaves nothing to load" in nothing.stderr


def test_a_role_with_a_bundled_id_replaces_it(invoke: Invoke, tmp_path: Path) -> None:
    starter = tmp_path / "starter.yaml"
    invoke("init", str(starter))
    replacing = tmp_path / "replace.yaml"
    replacing.write_text(
        starter.read_text()
        .replace("id: analytics-engineer", "id: data-analyst")
        .replace("name: Analytics engineer", "name: Data analyst")
        .replace("aliases: [ae, analytics eng]", "aliases: [da]")
        .replace(
            "      - role: data-analyst\n        relation: Builds the models analysts query.\n"
            "        sources: [my-team-notes]\n",
            "",
        )
    )
    result = invoke("-c", str(replacing), "show", "da", "-f", "json")
    assert result.exit_code == 0, result.stderr
    role = json.loads(result.stdout)
    assert role["origin"] == str(replacing)
    assert role["role"]["summary"]["text"].startswith("Builds and maintains")


def test_remove_roles_drops_a_bundled_role_and_its_links(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "remove.yaml"
    path.write_text("remove_roles: [ai-engineer]\n")
    listed = json.loads(invoke("-c", str(path), "list", "-f", "json").stdout)
    assert "ai-engineer" not in [r["id"] for r in listed["roles"]]
    mle = json.loads(invoke("-c", str(path), "show", "mle", "-f", "json").stdout)
    assert "ai-engineer" not in [r["role"] for r in mle["role"]["related"]]
    gone = invoke("-c", str(path), "show", "ai-engineer")
    assert gone.exit_code == 2


def test_removing_an_unknown_role_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "remove.yaml"
    path.write_text("remove_roles: [wizard]\n")
    result = invoke("-c", str(path), "list")
    assert result.exit_code == 1
    assert f"{path}:1:16: remove_roles[0]: cannot remove 'wizard'" in result.stderr


def test_a_broken_overlay_stops_the_command(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("roles:\n  - id: x\n    nmae: X\n")
    result = invoke("-c", str(path), "list")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"mlroles: error: invalid catalogue: {path}:")
    assert len(result.stderr.splitlines()) == 1


def test_a_directory_overlay_loads_every_file(invoke: Invoke, tmp_path: Path) -> None:
    invoke("init", str(tmp_path / "a.yaml"))
    (tmp_path / "b.json").write_text(json.dumps({"remove_roles": ["ai-engineer"]}))
    listed = json.loads(invoke("-c", str(tmp_path), "list", "-f", "json").stdout)
    ids = [r["id"] for r in listed["roles"]]
    assert "analytics-engineer" in ids and "ai-engineer" not in ids
