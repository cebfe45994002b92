"""How often two people agree on what an ad asks for: the ceiling for requirement extraction.

    python benchmarks/requirements_agreement.py   # corpus/requirements-agree.yaml

A third person labelled 40 dev and test ads (20 first labelled in requirements.yaml, 20 in
requirements-2.yaml) by the same rules, without seeing either file. Over those ads this
prints the second labels' precision and recall against the first (each catalogue skill or
tool counted once per ad, required or nice to have, as `requirements_accuracy.py` counts
them); then triage's extraction against each set of labels on the same ads, so that the
tool's figures can be read against what two careful people reach; and the items the two
people most often disagree on.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, load
from requirements_accuracy import LABEL_FILES, _labels, _prf

from mlroles.adreading import read_ad
from mlroles.loading import load_bundled
from mlroles.requirements import extract

SECOND = ROOT / "requirements-agree.yaml"


def asked(label: dict[str, list[str]]) -> set[str]:
    return {str(k) for k in (label.get("required") or []) + (label.get("nice") or [])}


def score(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of the second sets against the first."""
    hits = sum(len(a & b) for a, b in pairs)
    precision, recall = _prf(hits, sum(len(b) for _, b in pairs), sum(len(a) for a, _ in pairs))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    first = _labels(LABEL_FILES)
    second = yaml.safe_load(SECOND.read_text(encoding="utf-8"))["ads"]
    texts_by_id = {ad.id: ad.text for ad in load("dev", "test")}
    common = sorted(set(first) & set(second) & set(texts_by_id))
    if not common:
        print("no ad carries both labels")
        return 1
    catalogue = load_bundled()
    tool = {i: {r.key for r in extract(catalogue, read_ad(texts_by_id[i])).items} for i in common}
    a = {i: asked(first[i]) for i in common}
    b = {i: asked(second[i]) for i in common}
    print(f"{len(common)} ads labelled twice for what they ask")
    rows = (
        ("second labeller vs first", [(a[i], b[i]) for i in common]),
        ("triage vs first labeller", [(a[i], tool[i]) for i in common]),
        ("triage vs second labeller", [(b[i], tool[i]) for i in common]),
    )
    print("| compared | precision | recall | F1 |\n| --- | --- | --- | --- |")
    for name, pairs in rows:
        p, r, f = score(pairs)
        print(f"| {name} | {p:.1%} | {r:.1%} | {f:.1%} |")
    only_first = Counter(k for i in common for k in a[i] - b[i])
    only_second = Counter(k for i in common for k in b[i] - a[i])
    print("only the first labeller:", ", ".join(f"{k} {n}" for k, n in only_first.most_common(8)))
    print("only the second labeller:", ", ".join(f"{k} {n}" for k, n in only_second.most_common(8)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
