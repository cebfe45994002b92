"""How often two people agree on the role an ad describes: the ceiling for triage.

    python benchmarks/label_agreement.py   # corpus/second-labels.yaml against labels.yaml

A second person labelled ads of the corpus without seeing the first labels, by the same
rules (`corpus/README.md`). This prints, over the ads both labelled: how often the two
roles are the same (strict), how often each one's role is the other's role or among its
also-acceptable roles (lenient), Cohen's kappa for the strict roles (agreement beyond what
the two people's role frequencies give by chance), the agreement on misleading titles, and
every disagreement. Triage's strict top-1 on the same ads is measured against the first
labels only, so a tool cannot be expected to score far above the strict agreement here.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, labels

SECOND = ROOT / "second-labels.yaml"


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' labels."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> int:
    first = labels()
    second = yaml.safe_load(SECOND.read_text(encoding="utf-8"))["ads"]
    common = sorted(set(first) & set(second))
    if not common:
        print("no ad carries both labels")
        return 1
    pairs = [(str(first[i]["role"]), str(second[i]["role"])) for i in common]
    strict = sum(a == b for a, b in pairs)
    lenient = sum(
        a == b or a in (second[i].get("also") or []) or b in (first[i].get("also") or [])
        for i, (a, b) in zip(common, pairs, strict=True)
    )
    misleading = sum(
        bool(first[i].get("misleading_title")) == bool(second[i].get("misleading_title"))
        for i in common
    )
    n = len(common)
    splits = Counter(first[i]["split"] for i in common)
    print(f"{n} ads labelled twice ({', '.join(f'{s} {c}' for s, c in sorted(splits.items()))})")
    print(f"same role (strict)          {strict / n:6.1%}  ({strict}/{n})")
    print(f"either in the other's also  {lenient / n:6.1%}  ({lenient}/{n})")
    print(f"Cohen's kappa (strict)      {kappa(pairs):6.2f}")
    print(f"misleading title: agree     {misleading / n:6.1%}  ({misleading}/{n})")
    print("disagreements (first -> second):")
    for i, (a, b) in zip(common, pairs, strict=True):
        if a != b:
            print(f"  {i:<8} {a:<28} -> {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
