"""How a change to triage's terms would fare on new hands, without spending a held-out split.

    python benchmarks/cross_rounds.py            # every read round held out in turn
    python benchmarks/cross_rounds.py fresh3     # only these rounds
    python benchmarks/cross_rounds.py --confusions 15   # and the commonest misreadings
    python benchmarks/cross_rounds.py --words 0,2,5,10  # the words part at other weights

The corpus was collected in rounds, each by people new to it (`corpus.py`). For each read
fresh round, this fits the term weights and the title prior as `fit_triage.py` does, on train and
the other read rounds, and scores the round left out: strict top-1, and the research roles
apart. Since each round was written by other hands, the mean over rounds estimates what a
change does for ads by hands the fit has not seen, which dev (written by train's hands)
cannot. It changes no file.

Every fold starts from neutral weights (1.0 for each term, the title prior at 1.5) and is
pulled towards them, not towards the weights in the role files, which earlier fits set on
these very rounds. What still leaks is the choice of terms itself: terms were mined from
rounds once they were read. Compare two versions of the terms with this script rather than
its figures with a held-out split's.

The words part (`mlroles.adwords`) is refitted in each fold too, on the same ads (it needs
scikit-learn: `pip install -e ".[fit]"`), and added at the weight in `triage_model.json`;
`--words` reports other weights from the same fits. The words leak nothing: every word of
every ad is a candidate, none chosen by a person who had read the round.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FIT, Ad, load
from fit_triage import Example, Model, _reweight, _term_lists, fit, scores, with_words
from fit_words import fit_model, words_of_ads

from mlroles.adreading import read_ad
from mlroles.adwords import logits, vector
from mlroles.catalogue import Catalogue
from mlroles.loading import load_bundled
from mlroles.models import Role
from mlroles.triage import (
    Params,
    ad_title_roles,
    confidences,
    misread_title,
    params,
    second_title,
    title_line,
)

# Only the rounds already read: a held-out split not yet read is never fitted on or scored.
READ = tuple(s for s in FIT if s != "train")
# The rounds written by hands other than train's: test was dealt from train's own round.
ROUNDS = tuple(s for s in READ if s != "test")
RESEARCH = {"research-scientist", "research-engineer", "applied-research-scientist"}
NEUTRAL_WEIGHT, NEUTRAL_TITLE_PRIOR = 1.0, 1.5


def _warned(
    ad: Ad, s: list[float], roles: list[Role], p: Params, catalogue: Catalogue
) -> tuple[bool, bool]:
    """Whether triage's "titled X, reads as Y" fires on these scores: as it is, and as it
    was before session 11 (the role the title names only). The title's roles
    are read as triage reads them, from the whole catalogue: a title naming a software
    engineer, who has no evidence terms and so no score, still warns. Counted as triage
    counts it, except that an ad with too little to decide on (rare) is not set aside."""
    chances = confidences(s, p.temperature)
    ranked = sorted(zip((r.id for r in roles), chances, strict=True), key=lambda rc: -rc[1])
    read = read_ad(ad.text)
    named, base = (role.id if role else None for role in ad_title_roles(catalogue, read))
    line = title_line(catalogue, read)
    either = line is not None and second_title(catalogue, line)  # as triage() reads it
    now = misread_title(named, base, ranked, p.decisive, either) is not None
    before = misread_title(named, None, ranked, p.decisive) is not None
    return now, before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", nargs="*", help=f"rounds to hold out: {', '.join(ROUNDS)}")
    parser.add_argument(
        "--confusions",
        type=int,
        default=0,
        metavar="N",
        help="also list the N commonest misreadings",
    )
    parser.add_argument(
        "--words",
        default=None,
        metavar="W,W…",
        help="also report the words part at these weights (0: terms alone)",
    )
    args = parser.parse_args()
    unknown = [r for r in args.rounds if r not in ROUNDS]
    if unknown:
        parser.error(f"not a read round: {', '.join(unknown)}")
    held_out = args.rounds or list(ROUNDS)
    catalogue = load_bundled()
    p = params()
    roles = [r for r in catalogue.roles if r.evidence or any(v.evidence for v in r.variants)]
    examples = {
        split: [(ad, Example(ad, roles, p, catalogue)) for ad in load(split)]
        for split in ("train", *READ)
    }
    words = {split: words_of_ads([ad for ad, _ in pairs]) for split, pairs in examples.items()}
    weights = [p.words_weight] + (
        [float(w) for w in args.words.split(",")] if args.words is not None else []
    )
    at_weight: Counter[float] = Counter()
    prior = Model(
        {
            (role.id, variant_id, term.term): NEUTRAL_WEIGHT
            for role in roles
            for variant_id, terms in _term_lists(role)
            for term in terms
        },
        {role.id: NEUTRAL_TITLE_PRIOR for role in roles},
        0.0,
        p.mention_decay,
    )
    total = right = research = research_right = 0
    misleading = caught = caught_named_only = 0
    misread: Counter[tuple[str, str]] = Counter()
    print("| held out | ads | strict top-1 | research roles | misleading titles caught |")
    print("| --- | --- | --- | --- | --- |")
    for held in held_out:
        train = [ex for split, pairs in examples.items() if split != held for _, ex in pairs]
        _reweight(train)
        model = fit(train, prior, roles)
        fitting = [s for s in examples if s != held]
        word_model = fit_model(
            [w for s in fitting for w in words[s]],
            [ad.role for s in fitting for ad, _ in examples[s]],
        )
        hits = r_hits = r_n = m_n = m_caught = 0
        for (ad, ex), ad_words in zip(examples[held], words[held], strict=True):
            terms = scores(ex, model, roles)
            read = logits(word_model, vector(word_model, ad_words))
            by_role = dict(zip(word_model.roles, read, strict=True))
            for weight in weights[1:]:
                parts = {r: weight * v for r, v in by_role.items()}
                s = with_words(terms, parts, roles, p.min_score)
                at_weight[weight] += roles[max(range(len(s)), key=lambda i: s[i])].id == ad.role
            parts = {r: weights[0] * v for r, v in by_role.items()}
            s = with_words(terms, parts, roles, p.min_score)
            first = roles[max(range(len(s)), key=lambda i: s[i])].id
            ok = first == ad.role
            hits += ok
            if not ok:
                misread[ad.role, first] += 1
            if ad.role in RESEARCH:
                r_n += 1
                r_hits += ok
            if ex.misleading:
                fired, named_only = _warned(ad, s, roles, p, catalogue)
                m_n += 1
                m_caught += ok and fired
                caught_named_only += ok and named_only
        n = len(examples[held])
        misleading, caught = misleading + m_n, caught + m_caught
        print(
            f"| {held} | {n} | {hits / n:.1%} ({hits}) | {r_hits} of {r_n} | {m_caught} of {m_n} |"
        )
        total, right = total + n, right + hits
        research, research_right = research + r_n, research_right + r_hits
    print(
        f"| all | {total} | {right / total:.1%} ({right}) | {research_right} of {research} "
        f"| {caught} of {misleading} |"
    )
    print(
        f"misleading titles caught warning on the role the title names only (the rule "
        f"before session 11): {caught_named_only} of {misleading}"
    )
    for weight in weights[1:]:
        print(f"words at weight {weight:g}: {at_weight[weight] / total:.1%} ({at_weight[weight]})")
    if args.confusions:
        print("\n| labelled | read as | ads |\n| --- | --- | --- |")
        for (label, first), n in misread.most_common(args.confusions):
            print(f"| {label} | {first} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
