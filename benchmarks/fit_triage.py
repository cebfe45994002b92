"""Fit triage's evidence weights on the corpus' train split and its calibration on dev.

    python benchmarks/fit_triage.py            # fit, report, and write the results
    python benchmarks/fit_triage.py --dry-run  # fit and report only

What is fitted (the model is described in `mlroles.triage`):
- each evidence term's weight, in the role files (`weight:` of each `evidence` entry), by
  a softmax regression over the roles on the train ads, pulled towards the weight a person
  gave it (an L2 penalty), kept within the catalogue's bounds (0.1 to 5);
- the title priors, in `src/mlroles/triage_model.json`;
- the temperature that turns scores into confidences, on the dev ads, so that a stated
  70 % is right about 70 % of the time.
The test split is never read here. Section weights, thresholds and the penalty are set by
hand and checked on dev.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import Ad, load

from mlroles.adreading import read_ad
from mlroles.catalogue import load_bundled
from mlroles.models import EvidenceTerm, Role
from mlroles.triage import (
    MODEL_FILE,
    Params,
    _index,
    compile_term,
    confidences,
    find_term,
    params,
    params_from,
    title_roles,
)

REPO = Path(__file__).resolve().parents[1]
PENALTY = 0.05  # per ad: how strongly a weight is pulled back to the hand-set one
STEPS, RATE = 400, 0.05
LOW, HIGH = 0.1, 5.0

Key = tuple[str, str, str]  # (role id, variant id or "", term)


class Example:
    """One ad as features: for each role, the terms found with their section values."""

    def __init__(self, ad: Ad, roles: Sequence[Role], p: Params, catalogue: object) -> None:
        read = read_ad(ad.text)
        index = _index(read)
        self.label = next(i for i, r in enumerate(roles) if r.id == ad.role)
        self.terms: list[list[tuple[Key, float]]] = []
        named, base = title_roles(catalogue, read.title) if read.title else (None, None)  # type: ignore[arg-type]
        self.title = [r.id == (named.id if named else None) for r in roles]
        self.base = [r.id == (base.id if base else None) for r in roles]
        for role in roles:
            found: list[tuple[Key, float]] = []
            for variant_id, terms in _term_lists(role):
                for term in terms:
                    where = find_term(compile_term(term), read, index, p)
                    if where is not None:
                        found.append(((role.id, variant_id, term.term), where.value))
            self.terms.append(found)


def _term_lists(role: Role) -> list[tuple[str, tuple[EvidenceTerm, ...]]]:
    return [("", role.evidence)] + [(v.id, v.evidence) for v in role.variants]


def scores(ex: Example, w: dict[Key, float], title: float, base: float) -> list[float]:
    return [
        sum(w[k] * x for k, x in found) + title * ex.title[i] + base * ex.base[i]
        for i, found in enumerate(ex.terms)
    ]


def nll(examples: list[Example], w: dict[Key, float], title: float, base: float, t: float) -> float:
    total = 0.0
    for ex in examples:
        p = confidences(scores(ex, w, title, base), t)
        total -= math.log(max(p[ex.label], 1e-12))
    return total / len(examples)


def fit(
    examples: list[Example], prior: dict[Key, float], title: float, base: float
) -> tuple[dict[Key, float], float, float]:
    """Gradient descent (Adam) on the mean negative log-likelihood plus the L2 penalty."""
    w = dict(prior)
    params_ = [*w.keys(), "title", "base"]
    value = {**w, "title": title, "base": base}
    m = dict.fromkeys(params_, 0.0)
    v = dict.fromkeys(params_, 0.0)
    for step in range(1, STEPS + 1):
        grad = {k: PENALTY * (value[k] - prior[k]) if k in prior else 0.0 for k in params_}
        for ex in examples:
            s = scores(ex, {k: value[k] for k in w}, value["title"], value["base"])
            p = confidences(s, 1.0)
            for i, found in enumerate(ex.terms):
                g = (p[i] - (i == ex.label)) / len(examples)
                for k, x in found:
                    grad[k] += g * x
                grad["title"] += g * ex.title[i]
                grad["base"] += g * ex.base[i]
        for k in params_:
            m[k] = 0.9 * m[k] + 0.1 * grad[k]
            v[k] = 0.999 * v[k] + 0.001 * grad[k] ** 2
            step_size = (
                RATE * (m[k] / (1 - 0.9**step)) / (math.sqrt(v[k] / (1 - 0.999**step)) + 1e-8)
            )
            value[k] = min(HIGH, max(LOW if k in prior else 0.0, value[k] - step_size))
    return {k: value[k] for k in w}, value["title"], value["base"]


def accuracy(examples: list[Example], w: dict[Key, float], title: float, base: float) -> float:
    right = 0
    for ex in examples:
        s = scores(ex, w, title, base)
        right += max(range(len(s)), key=lambda i: s[i]) == ex.label
    return right / len(examples)


def write_weights(roles: Sequence[Role], fitted: dict[Key, float]) -> int:
    """Write each fitted weight into the role file that defines the term."""
    changed = 0
    for path in sorted((REPO / "data" / "roles").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for (role_id, _variant, term), weight in fitted.items():
            if f"id: {role_id}\n" not in text:
                continue
            pattern = re.compile(r'(\{term: "' + re.escape(term) + r'",[^}\n]*?weight: )([0-9.]+)')
            hits = pattern.findall(text)
            if len(hits) != 1:
                print(f"  not written: {role_id} {term!r} appears {len(hits)} times in {path.name}")
                continue
            new = f"{round(weight * 20) / 20:g}"
            text, _n = pattern.subn(lambda m, new=new: m.group(1) + new, text)
            changed += hits[0][1] != new
        path.write_text(text, encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    catalogue = load_bundled()
    p = params()
    roles = [r for r in catalogue.roles if r.evidence or any(v.evidence for v in r.variants)]
    train = [Example(ad, roles, p, catalogue) for ad in load("train")]
    dev = [Example(ad, roles, p, catalogue) for ad in load("dev")]
    prior = {
        (role.id, variant_id, term.term): term.weight
        for role in roles
        for variant_id, terms in _term_lists(role)
        for term in terms
    }
    print(f"{len(train)} train ads, {len(dev)} dev ads, {len(prior)} terms")
    print(
        f"hand weights: train top-1 {accuracy(train, prior, p.title_prior, p.base_title_prior):.1%}"
        f", dev top-1 {accuracy(dev, prior, p.title_prior, p.base_title_prior):.1%}"
    )
    w, title, base = fit(train, prior, p.title_prior, p.base_title_prior)
    print(
        f"fitted: train top-1 {accuracy(train, w, title, base):.1%}"
        f", dev top-1 {accuracy(dev, w, title, base):.1%}"
    )
    print(f"title prior {title:.2f}, base title prior {base:.2f}")
    temperature = min((t / 10 for t in range(3, 60)), key=lambda t: nll(dev, w, title, base, t))
    print(f"temperature {temperature:.1f} (dev NLL {nll(dev, w, title, base, temperature):.3f})")
    moved = sorted(prior, key=lambda k: -abs(w[k] - prior[k]))[:15]
    for k in moved:
        print(f"  {k[0]:<26} {k[2]!r:<32} {prior[k]:.2f} -> {w[k]:.2f}")
    if args.dry_run:
        return 0
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data.update(title_prior=round(title, 2), base_title_prior=round(base, 2))
    data.update(temperature=round(temperature, 2))
    params_from(data)  # the file must stay loadable
    MODEL_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"{write_weights(roles, w)} term weights changed; {MODEL_FILE.name} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
