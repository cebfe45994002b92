"""How well `mlroles triage` reads real job ads: the labelled corpus in corpus/.

    python benchmarks/triage_accuracy.py            # the dev split (and train, for reference)
    python benchmarks/triage_accuracy.py --test     # and the test split (read in session 3)
    python benchmarks/triage_accuracy.py --fresh8   # and any other held-out split by name

A split not yet read is held out: read it once, for a note, then list it in `corpus.READ`.

For each split: strict top-1 (the label only), top-1 counting the also-acceptable roles,
top-2, the catch rate on misleading titles ("titled X, reads as Y" fired and named the
label), a 95 % interval for strict top-1, the ads too thin to decide, a per-role
confusion table and a calibration table (stated confidence against how often it was
right). Then the time to triage a 2,000-word ad in process. Exits 1 when a target is
missed on the last split reported: strict top-1 >= 85 %, top-2 >= 95 %, misleading
titles caught >= 80 %, 2,000-word ad <= 50 ms, 200 ads through the command <= 5 s.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import READ, SPLITS, Ad, load

from mlroles.loading import load_bundled
from mlroles.triage import Triage, triage

TOP1, TOP2, CAUGHT, MS, MANY_SECONDS = 0.85, 0.95, 0.80, 50.0, 5.0


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def report(name: str, ads: list[Ad], results: list[Triage]) -> dict[str, float]:
    strict = lenient = top2 = caught = misleading = thin = 0
    variants: list[bool] = []
    confusion: Counter[tuple[str, str]] = Counter()
    bins: dict[int, list[bool]] = {}
    for ad, result in zip(ads, results, strict=False):
        ranked = [m.role.id for m in result.matches]
        first = ranked[0] if ranked else "(none)"
        strict += first == ad.role
        lenient += first == ad.role or first in ad.also
        top2 += ad.role in ranked[:2]
        thin += not result.decided
        if first != ad.role:
            confusion[(ad.role, first)] += 1
        if ad.misleading_title:
            misleading += 1
            caught += bool(result.warning) and first == ad.role
        if ad.variant and first == ad.role:
            chosen = result.matches[0].variant
            variants.append(chosen is not None and chosen.id == ad.variant)
        if result.matches:
            bins.setdefault(min(9, int(result.matches[0].confidence * 10)), []).append(
                first == ad.role
            )
    n = len(ads)
    low, high = wilson(strict, n)
    print(f"\n== {name}: {n} ads")
    print(
        f"strict top-1        {strict / n:6.1%}  ({strict}/{n}; 95 % interval {low:.0%}-{high:.0%})"
    )
    print(f"top-1 with also     {lenient / n:6.1%}")
    print(f"top-2               {top2 / n:6.1%}")
    rate = caught / misleading if misleading else 1.0
    print(f"misleading caught   {rate:6.1%}  ({caught}/{misleading})")
    print(f"too little to decide {thin}")
    print(f"data-scientist variant right when the role is: {sum(variants)}/{len(variants)}")
    print("calibration (stated confidence -> right):")
    for b in sorted(bins):
        right = bins[b]
        print(
            f"  {b * 10:>3}-{b * 10 + 9}%: {sum(right)}/{len(right)}"
            f" = {sum(right) / len(right):.0%}"
        )
    print("confusions (label -> read as):")
    for (label, read), count in confusion.most_common():
        print(f"  {label:<28} -> {read:<28} {count}")
    return {"top1": strict / n, "top2": top2 / n, "caught": rate}


def timing(ads: list[Ad]) -> float:
    catalogue = load_bundled()
    words: list[str] = []
    lines: list[str] = []
    for ad in ads:
        for line in ad.text.splitlines():
            lines.append(line)
            words += line.split()
            if len(words) >= 2000:
                break
        if len(words) >= 2000:
            break
    long_ad = "\n".join(lines)
    triage(catalogue, long_ad)  # warm the term and stem caches once, as a long run would
    timings = []
    for _ in range(15):
        started = time.perf_counter()
        triage(catalogue, long_ad)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def many_ads_seconds(ads: list[Ad], count: int = 200) -> float:
    """Wall time of `mlroles triage DIR -f csv` over `count` ads, as a user runs it."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for i in range(count):
            ad = ads[i % len(ads)]
            (Path(folder) / f"ad-{i:03d}.txt").write_text(ad.text, encoding="utf-8")
        # The console script beside this Python, as a user of this install runs it.
        script = shutil.which("mlroles", path=str(Path(sys.executable).parent))
        command = [*([script] if script else [sys.executable, "-m", "mlroles"])]
        command += ["triage", folder, "-f", "csv"]
        subprocess.run(command, capture_output=True, check=True)  # warm the catalogue cache
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for split in SPLITS[2:]:
        when = READ.get(split)
        more = f"read in {when}" if when else "held out: read it once"
        parser.add_argument(f"--{split}", action="store_true", help=f"also read {split} ({more})")
    args = parser.parse_args()
    catalogue = load_bundled()
    read = [s for s in SPLITS[2:] if getattr(args, s)]
    splits = ["train", "dev", *read]
    last: dict[str, float] = {}
    for split in splits:
        ads = load(split)
        last = report(split, ads, [triage(catalogue, ad.text) for ad in ads])
    ms = timing(load("train"))
    print(f"\n2,000-word ad: {ms:.1f} ms in process (median of 15)")
    seconds = many_ads_seconds(load("train"))
    print(f"200 ads in a directory, 'mlroles triage DIR -f csv': {seconds:.2f} s")
    ok = last["top1"] >= TOP1 and last["top2"] >= TOP2 and last["caught"] >= CAUGHT
    ok = ok and ms <= MS and seconds <= MANY_SECONDS
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
