"""The job-ad corpus in corpus/: every ad labelled, every label valid, splits fixed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from mlroles.catalogue import Catalogue

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))["ads"]
REQUIRED = {"url", "found", "employer", "sector", "title", "role", "also", "misleading_title"}


def test_every_ad_has_a_label_and_every_label_an_ad() -> None:
    files = {path.stem for path in (CORPUS / "ads").glob("*.txt")}
    assert files == set(LABELS)


@pytest.mark.parametrize("ad_id", sorted(LABELS))
def test_label_is_complete_and_valid(catalogue: Catalogue, ad_id: str) -> None:
    label = LABELS[ad_id]
    assert set(label) >= REQUIRED, REQUIRED - set(label)
    assert label["split"] in {"train", "dev", "test"}
    role = catalogue.role(label["role"])
    assert role.evidence, f"{role.id} has no evidence terms to be found by"
    for other in label["also"]:
        assert catalogue.role(other).id != role.id
    if "variant" in label:
        assert label["variant"] in {v.id for v in role.variants}
    assert str(label["url"]).startswith(("http://", "https://"))
    text = (CORPUS / "ads" / f"{ad_id}.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0].strip() == str(label["title"]).strip()
    assert len(text.split()) >= 60, "too short to be an ad"


def test_the_corpus_is_large_and_varied_enough() -> None:
    roles = Counter(label["role"] for label in LABELS.values())
    assert len(LABELS) >= 300
    assert sum(1 for label in LABELS.values() if label["misleading_title"]) >= 0.2 * len(LABELS)
    urls = Counter(label["url"] for label in LABELS.values())
    assert urls.most_common(1)[0][1] == 1, "the same posting twice"
    for role, count in roles.items():
        splits = Counter(label["split"] for label in LABELS.values() if label["role"] == role)
        assert splits["test"] >= 1 and splits["dev"] >= 1, role
        assert count >= 5, role
