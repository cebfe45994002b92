"""How well `mlroles triage` reads the labelled job ads in tests/data/postings/.

Reports top-1 and top-2 accuracy for the tuning ads, the held-out ads (never used for
tuning) and all of them; the data-scientist variant accuracy; every miss and the
confusion between roles; and the time to triage a 2,000-word ad. Exits 1 when a target
is missed: top-1 >= 80 % and top-2 >= 95 % on all ads, and a 2,000-word ad in under
0.25 s (median of repeated runs).

    python benchmarks/triage_accuracy.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from mlroles.catalogue import load_bundled
from mlroles.triage import triage

POSTINGS = Path(__file__).resolve().parents[1] / "tests" / "data" / "postings"
TOP1_TARGET, TOP2_TARGET, SECONDS_TARGET = 0.80, 0.95, 0.25


def main() -> int:
    catalogue = load_bundled()
    labels = yaml.safe_load((POSTINGS / "labels.yaml").read_text(encoding="utf-8"))["postings"]
    rows: dict[str, list[tuple[bool, bool]]] = {"tuning": [], "held out": []}
    confusion: Counter[tuple[str, str]] = Counter()
    variants: list[bool] = []
    texts = []
    for name, label in labels.items():
        text = (POSTINGS / name).read_text(encoding="utf-8")
        texts.append(text)
        result = triage(catalogue, text)
        ranked = [m.role.id for m in result.matches]
        top1, top2 = ranked[:1] == [label["role"]], label["role"] in ranked[:2]
        rows["held out" if label.get("holdout") else "tuning"].append((top1, top2))
        if not top1:
            confusion[(label["role"], ranked[0] if ranked else "(none)")] += 1
        if "variant" in label and top1:
            chosen = result.matches[0].variant
            variants.append(chosen is not None and chosen.id == label["variant"])

    print(f"{'set':<10} {'ads':>4} {'top-1':>7} {'top-2':>7}")
    everything = [row for group in rows.values() for row in group]
    for name, group in (*rows.items(), ("all", everything)):
        top1 = sum(a for a, _ in group) / len(group)
        top2 = sum(b for _, b in group) / len(group)
        print(f"{name:<10} {len(group):>4} {top1:>7.0%} {top2:>7.0%}")
    print(f"data-scientist variant right: {sum(variants)}/{len(variants)}")
    print("confusions (true -> predicted):", dict(confusion) or "none")

    lines: list[str] = []
    while sum(len(line.split()) for line in lines) < 2000:
        lines += "\n".join(texts).splitlines()
    kept, words = [], 0
    for line in lines:
        if words >= 2000:
            break
        kept.append(line)
        words += len(line.split())
    long_ad = "\n".join(kept)
    timings = []
    for _ in range(15):
        started = time.perf_counter()
        triage(catalogue, long_ad)
        timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    print(f"2,000-word ad: {seconds * 1000:.1f} ms (median of 15)")

    all_top1 = sum(a for a, _ in everything) / len(everything)
    all_top2 = sum(b for _, b in everything) / len(everything)
    ok = all_top1 >= TOP1_TARGET and all_top2 >= TOP2_TARGET and seconds < SECONDS_TARGET
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
