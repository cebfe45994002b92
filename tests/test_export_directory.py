"""`export -o DIR/`: a catalogue directory in parts, loaded back by `--catalog DIR`, and
written as safely as one file is (issue 19, item 1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmark_modules import load_benchmark
from conftest import Invoke
from mlroles.catalogue_parts import ROLES_PER_FILE, is_part

SAMPLED = ("bench-role-0", "bench-role-99", "bench-role-100", "bench-role-249", "ml-engineer")
"""Roles from each file of the export, and one of the bundled ones."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalogue plus 250 generated roles: three files of roles once exported."""
    out = tmp_path_factory.mktemp("generated")
    load_benchmark("generate_catalogue").generate(out, 250, 600)
    return out


def _shown(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    data.pop("origin")  # where the role was defined: the export, once loaded from it
    return data


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_directory_export_loads_back_the_same_catalogue(
    invoke: Invoke, generated: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "exported"
    result = invoke("--catalog", str(generated), "export", "-f", fmt, "-o", f"{out}/")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    listed = invoke("--catalog", str(generated), "list", "--track", "all", "-f", "json")
    chunks = -(-len(json.loads(listed.stdout)["roles"]) // ROLES_PER_FILE)
    assert chunks == 3  # 250 generated and the bundled ones
    roles = sorted(p.relative_to(out).as_posix() for p in (out / "roles").iterdir())
    assert roles == [f"roles/roles-000{n}.{fmt}" for n in range(1, chunks + 1)]
    assert sorted(p.name for p in out.iterdir()) == [
        f"contrasts.{fmt}",
        "roles",
        f"skills.{fmt}",
        f"sources.{fmt}",
        f"tracks.{fmt}",
    ]
    assert result.stderr == (
        f"mlroles: wrote {out}: the catalogue as 7 {fmt} files; load it with --catalog {out}.\n"
    )
    for role_id in SAMPLED:
        before = _shown(invoke, "--catalog", str(generated), "show", role_id)
        after = _shown(invoke, "--no-bundled", "--catalog", str(out), "show", role_id)
        assert after == before
    for command in (("list", "--track", "all"), ("sources",)):
        before = invoke("--catalog", str(generated), *command, "-f", "json")
        after = invoke("--no-bundled", "--catalog", str(out), *command, "-f", "json")
        assert json.loads(after.stdout) == json.loads(before.stdout)
    whole = invoke("--catalog", str(generated), "export", "-f", "json")
    again = invoke("--no-bundled", "--catalog", str(out), "export", "-f", "json")
    assert json.loads(again.stdout) == json.loads(whole.stdout)


def test_a_catalogue_without_contrasts_leaves_that_part_out(
    invoke: Invoke, generated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "alone"
    alone = ("--no-bundled", "--catalog", str(generated))
    assert invoke(*alone, "export", "-f", "json", "-o", f"{out}/").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "roles",
        "skills.json",
        "sources.json",
        "tracks.json",
    ]
    before = _shown(invoke, *alone, "show", "bench-role-7")
    assert _shown(invoke, "--no-bundled", "--catalog", str(out), "show", "bench-role-7") == before


def test_roles_are_split_into_files_of_a_hundred(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "bundled"
    assert invoke("export", "-f", "json", "-o", f"{out}/").exit_code == 0
    [only] = (out / "roles").iterdir()
    assert 0 < len(json.loads(only.read_text())["roles"]) <= ROLES_PER_FILE
    assert json.loads((out / "sources.json").read_text()).keys() == {"sources"}


def test_an_existing_directory_without_a_slash_is_a_directory_export(
    invoke: Invoke, tmp_path: Path
) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert invoke("export", "-f", "yaml", "-o", str(out)).exit_code == 0
    text = (out / "sources.yaml").read_text()
    assert text.startswith("# Part of an mlroles catalogue, written by `mlroles export -o DIR/`")
    assert invoke("--no-bundled", "--catalog", str(out), "show", "mle").exit_code == 0


def test_a_directory_export_is_a_catalogue_not_a_book(invoke: Invoke, tmp_path: Path) -> None:
    for fmt in ("markdown", "html"):
        result = invoke("export", "-f", fmt, "-o", f"{tmp_path}/book/")
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == (
            f"mlroles: error: {tmp_path}/book/ names a directory, and a directory export is a"
            " catalogue. Add --format json or --format yaml.\n"
        )
    assert not (tmp_path / "book").exists()


def test_a_previous_export_is_replaced_whole_only_with_force(
    invoke: Invoke, generated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert (
        invoke("--catalog", str(generated), "export", "-f", "yaml", "-o", f"{out}/").exit_code == 0
    )
    refused = invoke("export", "-f", "json", "-o", f"{out}/")
    assert refused.exit_code == 1
    assert refused.stderr == f"mlroles: error: {out} is not empty. Use --force to replace it.\n"
    assert (out / "roles" / "roles-0003.yaml").exists()
    assert invoke("export", "-f", "json", "-o", f"{out}/", "--force").exit_code == 0
    # The bundled catalogue alone: one file of roles, and nothing left of the YAML export.
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert files == [
        "contrasts.json",
        "roles",
        "roles/roles-0001.json",
        "skills.json",
        "sources.json",
        "tracks.json",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary left behind


def test_force_never_replaces_what_an_export_did_not_write(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("export", "-f", "json", "-o", f"{out}/").exit_code == 0
    (out / "roles" / "my-notes.md").write_text("mine")
    result = invoke("export", "-f", "json", "-o", f"{out}/", "--force")
    assert result.exit_code == 1
    assert result.stderr == (
        f"mlroles: error: {out} holds roles/my-notes.md, which an export does not write; not"
        " replacing it. Name a new or empty directory.\n"
    )
    assert (out / "roles" / "my-notes.md").read_text() == "mine"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_link_in_the_place_of_a_part_is_never_replaced(
    invoke: Invoke, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "sources.json")
    result = invoke("export", "-f", "json", "-o", str(out), "--force")
    assert result.exit_code == 1
    assert "holds sources.json, which an export does not write" in result.stderr
    assert (out / "sources.json").is_fifo()
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "link").symlink_to(target)
    linked = invoke("export", "-f", "json", "-o", f"{tmp_path}/link/", "--force")
    assert linked.exit_code == 1
    assert linked.stderr == (
        f"mlroles: error: {tmp_path}/link is a symbolic link; not replacing it."
        " Name the directory itself.\n"
    )
    assert list(target.iterdir()) == []


def test_a_file_in_the_way_is_not_a_directory(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("keep")
    result = invoke("export", "-f", "json", "-o", f"{path}/", "--force")
    assert result.exit_code == 1
    assert "is not a directory" in result.stderr
    assert path.read_text() == "keep"
    missing = invoke("export", "-f", "json", "-o", f"{tmp_path}/no/such/")
    assert missing.exit_code == 1
    assert "does not exist" in missing.stderr


def test_a_failed_write_leaves_the_previous_export_in_place(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert invoke("export", "-f", "json", "-o", f"{out}/").exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*.json")}
    real_fsync = os.fsync
    calls: list[int] = []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    result = invoke("export", "-f", "json", "-o", f"{out}/", "--force")
    assert result.exit_code == 1
    assert result.stderr == f"mlroles: error: cannot write {out}: No space left on device.\n"
    assert {p: p.read_bytes() for p in out.rglob("*.json")} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_the_parts_an_export_writes() -> None:
    assert all(is_part(p) for p in ("roles", "sources.yaml", "roles/roles-0012.json"))
    assert not any(is_part(p) for p in ("roles/x.json", "notes.yaml", "skills.yml", "sources"))
