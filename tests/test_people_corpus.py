"""corpus/people/: every person's profile loads, every label is complete and valid."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmark_modules import load_benchmark
from mlroles.catalogue import Catalogue
from mlroles.profile import load_profile

PEOPLE = Path(__file__).resolve().parents[1] / "corpus" / "people"
LABELS = {
    person_id: label
    for path in sorted(PEOPLE.glob("*.labels.yaml"))
    for person_id, label in yaml.safe_load(path.read_text(encoding="utf-8"))["people"].items()
}
REQUIRED = {"url", "found", "person", "before", "moved_to", "also", "why"}


def test_every_profile_has_a_label_and_every_label_a_profile() -> None:
    profiles = {p.stem for p in PEOPLE.glob("*.yaml") if not p.name.endswith(".labels.yaml")}
    assert profiles == set(LABELS)
    assert len(LABELS) >= 40


@pytest.mark.parametrize("person_id", sorted(LABELS))
def test_person_is_labelled_and_profiled(catalogue: Catalogue, person_id: str) -> None:
    label = LABELS[person_id]
    assert set(label) >= REQUIRED, REQUIRED - set(label)
    assert str(label["url"]).startswith("http")
    shown = {role.id for role in catalogue.roles_on(catalogue.shown_tracks)}
    assert label["moved_to"] in shown
    assert set(label["also"]) <= shown - {label["moved_to"]}
    profile = load_profile(PEOPLE / f"{person_id}.yaml", catalogue)
    assert profile.swe is not None or profile.ml is not None or profile.skills


def test_people_are_dealt_once_and_for_all() -> None:
    split_of = load_benchmark("fit_people").split_of
    splits = {person_id: split_of(person_id) for person_id in LABELS}
    assert {s for p, s in splits.items() if p.startswith(("pa-", "pb-"))} == {"dev", "test"}
    rounds = load_benchmark("fit_people").ROUNDS
    later = {p: s for p, s in splits.items() if not p.startswith(("pa-", "pb-"))}
    assert all(s == rounds[p.split("-")[0]] != "first" for p, s in later.items())
    assert split_of("pa-001") == splits["pa-001"]  # a function of the id alone
    first = [s for p, s in splits.items() if p.startswith(("pa-", "pb-"))]
    assert 0.3 < first.count("dev") / len(first) < 0.7


def test_a_round_not_declared_is_refused_not_merged_into_a_read_split() -> None:
    split_of = load_benchmark("fit_people").split_of
    with pytest.raises(SystemExit, match="no round for prefix 'pz'"):
        split_of("pz-001")
