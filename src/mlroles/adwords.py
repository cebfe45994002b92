"""The words typical of each role's ads: a bag-of-words model fitted on the job-ad corpus.

The evidence terms (`triage`) are phrases a person chose and the corpus weighed; they name
what a role does, and a user's catalogue extends them. They miss how real ads say it: on
ads by hands the fit had not seen (each read round of the corpus left out in turn,
`benchmarks/cross_rounds.py`) they read the labelled role first for 64.9 % of 407 ads. A
multinomial logistic regression over an ad's words, fitted on the same ads, read 70.8 %
alone and 71.7 % added to the terms (weight 8, `triage_model.json`): it learns from every
word, "warehouse", "stakeholders", "papers", "on-call" alike, and no one has to think of
them.

An ad's words are the stems of the words it counts (`adreading`): not the company blurb,
the benefits or the page's fields, not a negated clause or a team the hire works with; each
word alone and each pair of neighbours, and the title's words and pairs as words of their
own, weighed three times (`TITLE_REPEAT`), in short forms ("Machine Learning" as ML). Each
word's count n becomes (1 + ln n) x its idf (rarer words in the corpus weigh more), the
vector is scaled to length 1, and a role's logit is its intercept plus the sum of its
weights over the ad's words, centred on the roles' mean. The model is fitted by
`benchmarks/fit_words.py` (scikit-learn, a fitting-time dependency only) and shipped as
`triage_words.json`: the idf of every word the fit saw in two ads or more, and each role's
weights, those below 0.2 dropped (no change in accuracy, a seventh of the file).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from .adreading import ReadAd, Section, Token, stem, title_text, words_of

WORDS_FILE = Path(__file__).with_name("triage_words.json")
TITLE_REPEAT = 3
"""The title's words count this many times: the title names the role for most ads."""
UNCOUNTED = frozenset({Section.TITLE, Section.COMPANY, Section.BENEFITS, Section.DETAILS})
# The commonest words of English ads: alone, and in pairs, they tell no role from another.
STOP = frozenset(
    {
        *("a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "on", "at", "by"),
        *("as", "is", "are", "be", "we", "you", "your", "our", "will", "this", "that", "it"),
        "from",
    }
)
TITLE_MARK = "T:"
PAIR = "_"


class WordModel(NamedTuple):
    roles: tuple[str, ...]
    intercepts: tuple[float, ...]
    idf: dict[str, float]
    weights: dict[str, list[list[float]]]
    """word -> [[role index, weight], ...], the weights below the cut left out."""


class WordEvidence(NamedTuple):
    """One of the ad's words and what it adds to a role's score."""

    words: str  # as the ad writes them
    line: int
    weight: float


class AdWords(NamedTuple):
    counts: dict[str, int]
    where: dict[str, tuple[int, str]]
    """word -> (line, the words as written) of its first occurrence."""


def ad_words(ad: ReadAd) -> AdWords:
    """The ad's words and pairs of words, as the model counts them."""
    counts: dict[str, int] = {}
    where: dict[str, tuple[int, str]] = {}

    def add(word: str, times: int, line: int, written: str) -> None:
        counts[word] = counts.get(word, 0) + times
        where.setdefault(word, (line, written))

    kept: list[Token] = [
        t for t in ad.tokens if t.section not in UNCOUNTED and not t.negated and not t.collaboration
    ]

    def pair_written(first: Token, last: Token) -> str:
        """The words as the ad writes them (tokens keep them lower-cased)."""
        if first.line != last.line:
            return f"{_as_written(ad, first)} {_as_written(ad, last)}"
        return ad.lines[first.line - 1][first.start : last.start + len(last.word)]

    for token in kept:
        if token.stem not in STOP:
            add(token.stem, 1, token.line, _as_written(ad, token))
    for one, two in pairwise(kept):
        if one.stem not in STOP and two.stem not in STOP:
            add(one.stem + PAIR + two.stem, 1, one.line, pair_written(one, two))
    if ad.title:
        title = [(stem(word), word) for word, _, _ in words_of(title_text(ad.title))]
        line = ad.title_line
        for word_stem, as_written in title:
            add(TITLE_MARK + word_stem, TITLE_REPEAT, line, as_written)
        for (s1, w1), (s2, w2) in pairwise(title):
            add(TITLE_MARK + s1 + PAIR + s2, TITLE_REPEAT, line, f"{w1} {w2}")
    return AdWords(counts, where)


def _as_written(ad: ReadAd, token: Token) -> str:
    text = ad.lines[token.line - 1][token.start : token.start + len(token.word)]
    return text if text.lower() == token.word else token.word


def vector(model: WordModel, words: AdWords) -> dict[str, float]:
    """The ad's words the model knows, each (1 + ln count) x idf, scaled to length 1."""
    raw = {
        word: (1.0 + math.log(n)) * model.idf[word]
        for word, n in words.counts.items()
        if word in model.idf
    }
    norm = math.sqrt(sum(x * x for x in raw.values()))
    return {word: x / norm for word, x in raw.items()} if norm else {}


def logits(model: WordModel, x: dict[str, float]) -> list[float]:
    """Each role's logit for the ad, centred on the roles' mean."""
    out = list(model.intercepts)
    for word, value in x.items():
        for role, weight in model.weights.get(word, ()):
            out[int(role)] += weight * value
    mean = sum(out) / len(out) if out else 0.0
    return [v - mean for v in out]


def part_for(parts: dict[str, float], role_id: str, related: Iterable[str] = ()) -> float:
    """A role's words part. A role the model never saw ads of (a user's own, or the
    developer advocate, which the corpus lacks) cannot be read by its words: it gets the
    best part of the `related` roles (its ads would use their words; the caller passes
    them only when the role's own terms vouch for it), or, with none the model knows, the
    median part, and must outdo the words' favourites by its terms."""
    if role_id in parts:
        return parts[role_id]
    kin = [parts[r] for r in related if r in parts]
    if kin:
        return max(kin)
    ranked = sorted(parts.values())
    return ranked[len(ranked) // 2] if ranked else 0.0


def evidence(
    model: WordModel, x: dict[str, float], words: AdWords, scale: float, top: int = 5
) -> list[tuple[WordEvidence, ...]]:
    """For each of the model's roles, the words that add most to its score, as the ad
    writes them (one pass over the ad's words for all the roles)."""
    added: list[list[tuple[float, str]]] = [[] for _ in model.roles]
    for word, value in x.items():
        for role, weight in model.weights.get(word, ()):
            if weight > 0:
                added[int(role)].append((scale * value * weight, word))
    return [_shown(sorted(items, reverse=True), words, top) for items in added]


def _shown(ranked: list[tuple[float, str]], words: AdWords, top: int) -> tuple[WordEvidence, ...]:
    shown: list[WordEvidence] = []
    for weight, word in ranked:
        line, written = words.where[word]
        # "Data" after "Data Scientist" on the same line says nothing new
        if not any(s.line == line and written in s.words.split() for s in shown):
            shown.append(WordEvidence(written, line, round(weight, 2)))
            if len(shown) == top:
                break
    return tuple(shown)


def model_from(data: dict[str, Any]) -> WordModel:
    """The model as `fit_words.py` writes it; loaded as parsed (12,000 words: converting
    each would triple the 20 ms the parse takes)."""
    roles = tuple(str(role) for role in data["roles"])
    intercepts = tuple(float(b) for b in data["intercepts"])
    if len(intercepts) != len(roles):
        raise ValueError("one intercept per role")
    return WordModel(roles, intercepts, data["idf"], data["weights"])


@lru_cache(maxsize=1)
def shipped_model() -> WordModel:
    """The model fitted on the corpus (`benchmarks/fit_words.py`)."""
    return model_from(json.loads(WORDS_FILE.read_text(encoding="utf-8")))
