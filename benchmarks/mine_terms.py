"""Phrases that separate one role's job ads from the others', mined from the fitting splits.

    python benchmarks/mine_terms.py [ROLE ...] [--top 25]

For each role: the one- to three-word phrases (as stems) found in the role's fitting ads
(train, and the held-out splits already read), ranked by a smoothed log-odds of appearing
in that role's ads against the others', with how many ads of each kind carry it and one
surface form. Only the words that `triage`
would count are mined (not the title, the company blurb, the benefits, negated clauses).
A person reviews the list and writes the useful phrases into the role files as evidence
terms, cited to the corpus: the list is a lead, not an answer.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FIT, load

from mlroles.adreading import read_ad
from mlroles.triage import params

STOP = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "at",
    "by",
    "as",
    "is",
    "are",
    "be",
    "we",
    "you",
    "our",
    "your",
    "will",
    "it",
    "this",
    "that",
    "from",
    "who",
    "what",
    "how",
    "their",
    "they",
    "have",
    "has",
    "can",
    "across",
    "into",
    "etc",
    "using",
    "use",
    "such",
}


def phrases(text: str) -> dict[tuple[str, ...], str]:
    ad = read_ad(text)
    weights = params().sections
    out: dict[tuple[str, ...], str] = {}
    tokens = [t for t in ad.tokens if weights.get(t.section, 0) >= 0.5 and not t.negated]
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            window = tokens[i : i + n]
            if window[0].line != window[-1].line:
                continue
            stems = tuple(t.stem for t in window)
            if stems[0] in STOP or stems[-1] in STOP or any(len(s) < 2 for s in stems):
                continue
            out.setdefault(stems, " ".join(t.word for t in window))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("roles", nargs="*")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    ads = load(*FIT)
    per_ad = [(ad.role, phrases(ad.text)) for ad in ads]
    roles = Counter(role for role, _ in per_ad)
    df: dict[str, Counter[tuple[str, ...]]] = {role: Counter() for role in roles}
    surface: dict[tuple[str, ...], str] = {}
    for role, found in per_ad:
        df[role].update(found.keys())
        for stems, text in found.items():
            surface.setdefault(stems, text)
    total = Counter[tuple[str, ...]]()
    for counter in df.values():
        total.update(counter)
    for role in args.roles or sorted(roles):
        n_in, n_out = roles[role], len(ads) - roles[role]
        ranked = []
        for stems, k_in in df[role].items():
            if k_in < 2:
                continue
            k_out = total[stems] - k_in
            odds = math.log((k_in + 0.5) / (n_in - k_in + 0.5)) - math.log(
                (k_out + 0.5) / (n_out - k_out + 0.5)
            )
            ranked.append((odds * math.sqrt(k_in), k_in, k_out, stems))
        ranked.sort(reverse=True)
        print(f"\n== {role} ({n_in} train ads)")
        for score, k_in, k_out, stems in ranked[: args.top]:
            print(
                f"  {score:6.2f}  in {k_in:>2}/{n_in:<3} out {k_out:>3}/{n_out:<4} {surface[stems]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
