"""Which phrases of the catalogue find more wrong asks than right ones, by labeller.

    python benchmarks/requirements_phrases.py     # ~1 min

How ads ask for a skill (`in_ads` in data/skills.yaml) is a list of phrases; some also
find the skill where the ad does not ask for it ("forecast" in a weather company's blurb).
For each phrase this counts the ads where it alone finds its skill, and how many of those
finds the hand labels agree with. A phrase is flagged when its own finds are mostly wrong
(at least 2 wrong, more than twice as many wrong as right).

Each label file was written by a different person, so the flagging is checked the way it
would meet a new labeller: flagged on the other files, then the phrases dropped, scored on
the file left out (precision and recall of catalogue items, before and after). Then the
phrases flagged on all files are listed, for a person to review by sense, not to drop
blindly.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, SPLITS, load
from requirements_accuracy import HELD_OUT, LABEL_FILES, READ_FILES

import mlroles.requirements as requirements
from mlroles.adreading import ReadAd, read_ad
from mlroles.catalogue import Catalogue
from mlroles.loading import load_bundled
from mlroles.requirements import VocabularyItem

# Every label file read so far: the phrases are pruned on these, never on one not yet read.
FILES = (*LABEL_FILES, *(name for split in READ_FILES for name in HELD_OUT[split]))
Labelled = tuple[str, ReadAd, frozenset[str]]


def _labelled() -> dict[str, list[Labelled]]:
    texts = {ad.id: ad.text for ad in load(*SPLITS)}
    out: dict[str, list[Labelled]] = {}
    for name in FILES:
        ads = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))["ads"]
        out[name] = [(ad_id, read_ad(texts[ad_id]), _asked(label)) for ad_id, label in ads.items()]
    return out


def _asked(label: dict[str, list[str] | str | None]) -> frozenset[str]:
    """The catalogue items a label says the ad asks for, required or nice to have."""
    items = [*(label.get("required") or []), *(label.get("nice") or [])]
    return frozenset(str(item) for item in items)


def _with(vocabulary: tuple[VocabularyItem, ...], catalogue: Catalogue, ad: ReadAd) -> set[str]:
    """The keys the extraction finds with only these phrases."""
    original = requirements.vocabulary
    requirements.vocabulary = lambda _: vocabulary  # type: ignore[assignment]
    try:
        return {item.key for item in requirements.extract(catalogue, ad).items}
    finally:
        requirements.vocabulary = original


def main() -> int:
    catalogue = load_bundled()
    labelled = _labelled()
    everything = [ad for ads in labelled.values() for ad in ads]
    vocabulary = requirements.vocabulary(catalogue)
    fires: dict[int, set[str]] = defaultdict(set)  # phrase -> ads where it finds its key
    for index, item in enumerate(vocabulary):
        for ad_id, ad, _ in everything:
            if item.key in _with((item,), catalogue, ad):
                fires[index].add(ad_id)
    siblings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(vocabulary):
        siblings[item.key].append(index)

    def flagged(ads: list[Labelled]) -> set[int]:
        wanted = {ad_id: want for ad_id, _, want in ads}
        out = set()
        for index, item in enumerate(vocabulary):
            others = set().union(*(fires[j] for j in siblings[item.key] if j != index))
            alone = (fires[index] - others) & wanted.keys()
            right = sum(item.key in wanted[ad_id] for ad_id in alone)
            wrong = len(alone) - right
            if wrong >= 2 and wrong > 2 * right:
                out.add(index)
        return out

    def score(ads: list[Labelled], dropped: set[int]) -> tuple[float, float]:
        kept = tuple(item for i, item in enumerate(vocabulary) if i not in dropped)
        hits = found = wanted = 0
        for _, ad, want in ads:
            got = _with(kept, catalogue, ad)
            hits, found, wanted = hits + len(got & want), found + len(got), wanted + len(want)
        return hits / max(1, found), hits / max(1, wanted)

    print("| left out | phrases flagged on the others | before: P / R | after: P / R |")
    print("| --- | --- | --- | --- |")
    for name, ads in labelled.items():
        rest = [ad for other, more in labelled.items() if other != name for ad in more]
        dropped = flagged(rest)
        (p0, r0), (p1, r1) = score(ads, set()), score(ads, dropped)
        print(f"| {name} | {len(dropped)} | {p0:.1%} / {r0:.1%} | {p1:.1%} / {r1:.1%} |")
    print("\nflagged on all files (review each by its sense):")
    for index in sorted(flagged(everything), key=lambda i: vocabulary[i].key):
        item = vocabulary[index]
        words = " ".join(w.text + ("*" if w.prefix else "") for w in item.term.words)
        print(f"  {item.kind} {item.key}: {words}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
