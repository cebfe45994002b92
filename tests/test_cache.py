"""The catalogue cache: used when current, rebuilt when anything changes, never trusted blindly."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from mlroles import cache
from mlroles.catalogue import Catalogue, load_layers
from mlroles.layers import bundled_layer, overlay_layer


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

    def counting(layers):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(layers)

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
    assert len(list(cache_dir.glob("index-*.json"))) == 1


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
    assert all(isinstance(value, bytes) for value in stored)
    catalogue.resolve_role("mle")
    loaded = [v for v in dict.values(catalogue._roles) if not isinstance(v, bytes)]
    assert len(loaded) == 1
