"""The catalogue cache: used when current, rebuilt when anything changes, never trusted blindly."""

from __future__ import annotations

import json
import os
import pickle
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles import cache
from mlroles.catalogue import Catalogue
from mlroles.layers import bundled_layer, overlay_layer
from mlroles.loading import load_layers
from mlroles.models import Role
from mlroles.rolesummary import RoleSummary


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("MLROLES_CACHE_DIR", str(directory))
    monkeypatch.delenv("MLROLES_NO_CACHE", raising=False)
    return directory


def starter(tmp_path: Path, name: str = "team.yaml") -> Path:
    from importlib.resources import files

    path = tmp_path / name
    path.write_text((files("mlroles") / "starter.yaml").read_text(encoding="utf-8"))
    return path


def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the catalogue is built from its files (rather than the cache)."""
    import mlroles.build as build_module

    calls: list[int] = []
    real = build_module.build_catalogue

    def counting(layers, contents=None):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(layers, contents)

    monkeypatch.setattr(build_module, "build_catalogue", counting)
    return calls


def test_second_load_comes_from_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = builds(monkeypatch)
    first = load_layers([bundled_layer()])
    second = load_layers([bundled_layer()])
    assert len(calls) == 1
    assert [r.id for r in second.roles] == [r.id for r in first.roles]
    assert second.role("ml-engineer") == first.role("ml-engineer")
    assert len(list(cache_dir.glob("catalogue-*.pickle"))) == 1
    assert len(list(cache_dir.glob("index-*.bin"))) == 1


def test_an_edit_invalidates(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = builds(monkeypatch)
    overlay = starter(tmp_path)
    layers = [bundled_layer(), overlay_layer(overlay)]
    assert load_layers(layers).role("analytics-engineer").name == "Analytics engineer"
    text = overlay.read_text().replace("name: Analytics engineer", "name: Analytics engineer II")
    overlay.write_text(text)
    os.utime(overlay, ns=(0, overlay.stat().st_mtime_ns))  # same-size edits are caught too
    assert load_layers(layers).role("analytics-engineer").name == "Analytics engineer II"
    assert len(calls) == 2


def test_same_size_same_mtime_edit_is_caught_by_the_checksums(
    cache_dir: Path, tmp_path: Path
) -> None:
    overlay = starter(tmp_path)
    layers = [bundled_layer(), overlay_layer(overlay)]
    load_layers(layers)
    before = overlay.stat()
    overlay.write_text(overlay.read_text().replace("Analytics engineer", "Analytics engineeR"))
    os.utime(overlay, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert overlay.stat().st_size == before.st_size
    assert load_layers(layers).role("analytics-engineer").name == "Analytics engineeR"


def test_a_new_overlay_gets_its_own_entry(cache_dir: Path, tmp_path: Path) -> None:
    load_layers([bundled_layer()])
    with_overlay = load_layers([bundled_layer(), overlay_layer(starter(tmp_path))])
    assert "analytics-engineer" in with_overlay.role_ids
    assert "analytics-engineer" not in load_layers([bundled_layer()]).role_ids
    assert len(list(cache_dir.glob("catalogue-*.pickle"))) == 2


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_corrupt_entry_is_rebuilt(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    load_layers([bundled_layer()])
    [entry] = cache_dir.glob("catalogue-*.pickle")
    entry.write_bytes(damage)
    calls = builds(monkeypatch)
    assert load_layers([bundled_layer()]).role("ml-engineer").id == "ml-engineer"
    assert len(calls) == 1
    assert entry.read_bytes() != damage  # rewritten


def test_an_entry_with_a_wrong_key_or_type_is_not_trusted(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_layers([bundled_layer()])
    [entry] = cache_dir.glob("catalogue-*.pickle")
    entry.write_bytes(pickle.dumps(("some other key", "not a catalogue")))
    calls = builds(monkeypatch)
    assert isinstance(load_layers([bundled_layer()]), Catalogue)
    assert len(calls) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only directory")
def test_read_only_cache_dir_is_skipped(cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert load_layers([bundled_layer()]).role("ml-engineer")
        assert not list(cache_dir.iterdir())
    finally:
        cache_dir.chmod(stat.S_IRWXU)


def test_unwritable_cache_location_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MLROLES_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    calls = builds(monkeypatch)
    assert load_layers([bundled_layer()]).role("ml-engineer")
    assert load_layers([bundled_layer()]).role("ml-engineer")
    assert len(calls) == 2  # silently no cache


def test_cache_can_be_turned_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLROLES_NO_CACHE", "1")
    load_layers([bundled_layer()])
    assert not cache_dir.exists()


def test_cache_lives_in_the_xdg_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MLROLES_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "mlroles"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == Path.home() / ".cache" / "mlroles"


def test_broken_overlay_is_never_served_from_cache(cache_dir: Path, tmp_path: Path) -> None:
    from mlroles.errors import CatalogueError

    overlay = starter(tmp_path)
    layers = [bundled_layer(), overlay_layer(overlay)]
    load_layers(layers)
    overlay.write_text(overlay.read_text() + "bogus: true\n")
    with pytest.raises(CatalogueError, match="unknown field 'bogus'"):
        load_layers(layers)


def test_lazy_roles_load_one_by_one(cache_dir: Path) -> None:
    load_layers([bundled_layer()])
    catalogue = load_layers([bundled_layer()])
    stored = dict.values(catalogue._roles)
    assert all(isinstance(value, cache.Deferred) for value in stored)
    catalogue.resolve_role("mle")
    loaded = [v for v in dict.values(catalogue._roles) if not isinstance(v, cache.Deferred)]
    assert [role.id for role in loaded] == ["ml-engineer"]


# The role index (issue 19, item 3): roles live in a parts file, read only when shown.


def _deferred_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record what is read back from the parts file: "role", "summaries" (all of them, in
    one), or "search documents"."""
    calls: list[str] = []
    real = cache.Deferred.load

    def counting(self: cache.Deferred, kinds: Sequence[type] = ()) -> object:
        loaded = real(self, kinds)
        if isinstance(loaded, Role):
            calls.append("role")
        elif isinstance(loaded, tuple) and isinstance(loaded[0], RoleSummary):
            calls.append("summaries")
        else:
            calls.append("search documents")
        return loaded

    monkeypatch.setattr(cache.Deferred, "load", counting)
    return calls


def test_warm_list_and_skills_read_summaries_and_no_role(
    cache_dir: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke("list")  # builds the entry
    loads = _deferred_loads(monkeypatch)
    listed = json.loads(invoke("list", "--track", "all", "--format", "json").stdout)
    assert loads == ["summaries"]  # all of them in one read, and no role
    bundled = load_layers([bundled_layer()])
    by_id = {role.id: role for role in bundled.roles}
    assert [row["id"] for row in listed["roles"]] == list(bundled.role_ids)
    for row in listed["roles"]:
        role = by_id[row["id"]]
        assert (row["name"], row["summary"], row["swe"], row["ml"], row["comm"]) == (
            role.name,
            role.summary.text,
            role.position.swe,
            role.position.ml,
            role.position.comm,
        )
    loads.clear()  # (the roles above, loaded to compare)
    mapped = json.loads(invoke("skills", "--track", "all", "--format", "json").stdout)
    assert loads == ["summaries"]  # the skill map too: they carry levels and key skills
    assert [row["id"] for row in mapped["roles"]] == list(bundled.role_ids)
    for row in mapped["roles"]:
        role = by_id[row["id"]]
        ranked = sorted(role.skills, key=lambda need: -need.level.rank)[:3]
        assert row["key_skills"] == [need.skill for need in ranked]
    loads.clear()
    for query in ("deploy models", "kubernets", "analytics engineer"):
        found = invoke("search", query, "--format", "json")
        built = invoke("search", query, "--format", "json", env={"MLROLES_NO_CACHE": "1"})
        assert json.loads(found.stdout)["results"] and found.stdout == built.stdout
    # search reads the documents the cache keeps apart, not the roles
    assert loads == ["search documents"] * 3
    loads.clear()
    focused = json.loads(invoke("skills", "--role", "mle", "--format", "json").stdout)
    assert focused["focus"]["id"] == "ml-engineer"
    assert sorted(loads) == ["role", "summaries"]  # the one role whose skills are listed
    loads.clear()
    shown = json.loads(invoke("show", "mle", "--format", "json").stdout)
    assert shown["role"]["id"] == "ml-engineer"
    assert set(loads) == {"role"}
    assert 1 <= len(loads) <= 1 + len(shown["role"]["related"]) + 4  # it and its linked names


def test_a_damaged_part_is_never_unpickled_and_the_next_run_rebuilds(
    cache_dir: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    invoke("list")
    [parts] = cache_dir.glob("parts-*.bin")
    good = parts.read_bytes()
    marker = tmp_path / "ran"
    evil = pickle.dumps(_RunsCode(marker))
    # Same size (so the entry still takes it), every role's bytes replaced by code.
    parts.write_bytes((evil * (len(good) // len(evil) + 1))[: len(good)])
    result = invoke("show", "ml-engineer")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.strip().splitlines() == [
        "mlroles: error: the catalogue cache was damaged or changed while this command ran."
        " Run the command again."
    ]
    assert not marker.exists()
    calls = builds(monkeypatch)
    assert "ML engineer" in invoke("show", "ml-engineer").stdout
    assert len(calls) == 1  # rebuilt
    assert parts.read_bytes() == good


def test_a_parts_file_of_another_size_is_rebuilt(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_layers([bundled_layer()])
    [parts] = cache_dir.glob("parts-*.bin")
    calls = builds(monkeypatch)
    parts.write_bytes(parts.read_bytes()[:-1])
    assert load_layers([bundled_layer()]).role("ml-engineer").name == "ML engineer"
    parts.unlink()
    assert load_layers([bundled_layer()]).role("ml-engineer").name == "ML engineer"
    assert len(calls) == 2


def test_stored_parts_are_refused_outside_an_entry() -> None:
    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: object) -> object:
            return (0, 1, b"mac") if obj == "part" else None

    import io

    stream = io.BytesIO()
    Pickler(stream).dump(["part"])
    with pytest.raises(pickle.UnpicklingError, match="stored part is not allowed"):
        cache.safe_loads(stream.getvalue())


# What the cache trusts (issue 13, items 1, 6, 7, 9 and 10).


def _entry_and_secret(cache_dir: Path) -> tuple[Path, bytes, bytes]:
    """The bundled catalogue's entry, this user's MAC key, and the entry's cache key."""
    load_layers([bundled_layer()])
    [entry] = cache_dir.glob("catalogue-*.pickle")
    _, key, _ = cache.catalogue_key([bundled_layer()])
    return entry, (cache_dir / "key").read_bytes(), key


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return os.mkdir, (str(self.marker),)


def test_a_planted_entry_never_runs_code(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry, secret, key = _entry_and_secret(cache_dir)
    marker = tmp_path / "ran"
    evil = pickle.dumps(_RunsCode(marker))
    calls = builds(monkeypatch)
    # Without the key (another user cannot read it): the MAC fails, nothing is unpickled.
    entry.write_bytes(cache._sealed(os.urandom(32), key, evil))
    assert load_layers([bundled_layer()]).role("ml-engineer").id == "ml-engineer"
    # Even sealed with the right key, the allow-list refuses os.mkdir.
    entry.write_bytes(cache._sealed(secret, key, evil))
    assert load_layers([bundled_layer()]).role("ml-engineer").id == "ml-engineer"
    assert not marker.exists()
    assert len(calls) == 2  # both rebuilt


def test_the_unpickler_allows_only_mlroles_models() -> None:
    with pytest.raises(pickle.UnpicklingError, match=r"posix\.system is not allowed"):
        cache.safe_loads(pickle.dumps(os.system))
    with pytest.raises(pickle.UnpicklingError, match=r"builtins\.getattr is not allowed"):
        cache.safe_loads(pickle.dumps(getattr))
    from mlroles.models import Level

    assert cache.safe_loads(pickle.dumps(Level.EXPERT)) is Level.EXPERT


def test_a_forged_data_only_entry_is_not_served(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry, _, key = _entry_and_secret(cache_dir)
    forged = load_layers([bundled_layer()])
    forged._roles["ml-engineer"] = forged.role("ml-engineer").model_copy(update={"name": "Forged"})
    entry.write_bytes(cache._sealed(os.urandom(32), key, pickle.dumps(forged)))
    assert load_layers([bundled_layer()]).role("ml-engineer").name == "ML engineer"


def test_a_forged_index_offers_no_invented_roles(cache_dir: Path) -> None:
    _entry_and_secret(cache_dir)
    [index] = cache_dir.glob("index-*.bin")
    assert cache.read_index([bundled_layer()]) is not None
    index.write_bytes(index.read_bytes().replace(b"ml-engineer", b"ml-invented"))
    assert cache.read_index([bundled_layer()]) is None


def test_bit_flips_in_an_entry_are_rebuilt_never_served(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    entry, _, _ = _entry_and_secret(cache_dir)
    good = entry.read_bytes()
    expected = {role.id: role.name for role in load_layers([bundled_layer()]).roles}
    calls = builds(monkeypatch)
    positions = [*random.Random(13).sample(range(len(good) * 8), 30), 0, 8 * 20, 8 * 40]
    for bit in positions:
        damaged = bytearray(good)
        damaged[bit // 8] ^= 1 << (bit % 8)
        entry.write_bytes(bytes(damaged))
        served = load_layers([bundled_layer()])
        assert {role.id: role.name for role in served.roles} == expected
        assert entry.read_bytes() == good  # rebuilt and rewritten
    assert len(calls) == len(positions)


def test_directories_and_entries_are_private(cache_dir: Path) -> None:
    load_layers([bundled_layer()])
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    for path in cache_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_directory_others_can_write_is_not_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    cache_dir.mkdir(mode=0o700)
    cache_dir.chmod(mode)
    calls = builds(monkeypatch)
    heard: list[str] = []
    load_layers([bundled_layer()], notice=heard.append)
    load_layers([bundled_layer()])
    assert len(calls) == 2 and not list(cache_dir.iterdir())
    assert heard == [f"not using the cache directory {cache_dir}: other users can write to it."]
    assert capsys.readouterr().err == ""  # the domain tells its caller; it never prints


def test_the_cli_says_once_why_the_cache_is_not_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mlroles.cli import common

    monkeypatch.setattr(common, "_noticed", set())
    cache_dir.mkdir(mode=0o777)
    cache_dir.chmod(0o777)
    for _ in range(2):
        common.cache_notice(f"not using the cache directory {cache_dir}: it is shared.")
    assert capsys.readouterr().err == (
        f"mlroles: warning: not using the cache directory {cache_dir}: it is shared.\n"
    )


def test_a_symlinked_directory_is_not_used(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "elsewhere"
    real.mkdir(mode=0o700)
    cache_dir.symlink_to(real)
    calls = builds(monkeypatch)
    load_layers([bundled_layer()])
    load_layers([bundled_layer()])
    assert len(calls) == 2 and not list(real.iterdir())
    assert cache.usable_dir(cache_dir) is None


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a directory away")
def test_a_directory_owned_by_another_user_is_not_used(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir.mkdir(mode=0o700)
    os.chown(cache_dir, 65534, 65534)
    assert cache.usable_dir(cache_dir) is None
    assert load_layers([bundled_layer()]).role("ml-engineer")
    assert not list(cache_dir.iterdir())


def test_a_key_file_others_can_read_is_not_trusted(cache_dir: Path) -> None:
    _entry_and_secret(cache_dir)
    (cache_dir / "key").chmod(0o644)
    assert cache.read_index([bundled_layer()]) is None


def test_the_parsed_bytes_are_the_hashed_bytes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A miss parses the bytes the key was made from: no second read that could differ."""
    import mlroles.yamlio

    overlay = starter(tmp_path)

    def no_second_read(path: Path, name: str) -> bytes:
        raise AssertionError(f"{path} read twice")

    monkeypatch.setattr(mlroles.yamlio, "_read_bytes", no_second_read)
    catalogue = load_layers([bundled_layer(), overlay_layer(overlay)])
    assert catalogue.role("analytics-engineer").name == "Analytics engineer"


def test_the_key_is_a_content_hash(cache_dir: Path, tmp_path: Path) -> None:
    overlay = starter(tmp_path)
    layers = [bundled_layer(), overlay_layer(overlay)]
    first = cache.catalogue_key(layers)
    overlay.write_bytes(overlay.read_bytes().replace(b"Analytics", b"Analytica"))
    second = cache.catalogue_key(layers)
    assert first[0] == second[0] and first[1] != second[1]
    assert len(first[1]) == 64  # BLAKE2b-512, not CRC-32 and Adler-32


def test_a_file_name_that_is_not_utf8(cache_dir: Path, tmp_path: Path, invoke: Invoke) -> None:
    directory = tmp_path / "team"
    directory.mkdir()
    raw_name = Path(os.fsdecode(os.fsencode(directory) + b"/team\xff.yaml"))
    raw_name.write_bytes(starter(tmp_path).read_bytes())
    for _ in range(2):  # built, then from the cache
        result = invoke("--catalog", str(directory), "show", "analytics-engineer", "-f", "json")
        assert result.exit_code == 0, result.stderr
    with raw_name.open("ab") as handle:
        handle.write(b"bogus: 1\n")
    result = invoke("--catalog", str(directory), "list")
    assert result.exit_code == 1
    assert "team\\udcff.yaml" in result.stderr and "unknown field 'bogus'" in result.stderr


def test_stale_temporary_files_are_cleaned(cache_dir: Path) -> None:
    cache_dir.mkdir(mode=0o700)
    old, fresh = cache_dir / ".tmp-old", cache_dir / ".tmp-fresh"
    old.write_bytes(b"x" * 1000)
    fresh.write_bytes(b"x")
    os.utime(old, (0, 0))
    load_layers([bundled_layer()])
    assert not old.exists() and fresh.exists()


def test_a_command_says_why_it_runs_without_the_cache(
    cache_dir: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlroles.cli import common

    monkeypatch.setattr(common, "_noticed", set())
    cache_dir.mkdir(mode=0o777)
    cache_dir.chmod(0o777)
    result = invoke("show", "ml-engineer")
    assert result.exit_code == 0
    assert result.stderr == (
        f"mlroles: warning: not using the cache directory {cache_dir}: "
        "other users can write to it.\n"
    )


def test_no_warning_during_shell_completion(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mlroles.cli import common

    monkeypatch.setattr(common, "_noticed", set())
    monkeypatch.setenv("_MLROLES_COMPLETE", "complete_bash")
    common.cache_notice("not using the cache directory /x: it is shared.")
    assert capsys.readouterr().err == ""


def test_no_entry_is_written_without_its_parts(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = cache._write_bytes

    def parts_fail(directory: Path, path: Path, payload: bytes | bytearray) -> bool:
        if path.name.startswith("parts-"):
            return False  # as a full disk would: nothing written
        return real(directory, path, payload)

    monkeypatch.setattr(cache, "_write_bytes", parts_fail)
    assert load_layers([bundled_layer()]).role("ml-engineer").name == "ML engineer"
    assert list(cache_dir.glob("catalogue-*")) == []
    monkeypatch.setattr(cache, "_write_bytes", real)
    load_layers([bundled_layer()])
    assert len(list(cache_dir.glob("catalogue-*"))) == len(list(cache_dir.glob("parts-*"))) == 1
