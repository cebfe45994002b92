"""Finding a term's words in a job ad: the matcher that triage and requirements share.

A term is a phrase (`deploy models`, `feature store`); its words match any inflection of the
ad's words (`deployed models`), in order, on one line, with up to `GAP` other words between
them. A `*` after a word means "any ending" (`automat*`). `unless` phrases guard a term's
other senses (`vision` unless `computer vision`). Time is linear in the ad: each term looks at
no more than `MAX_OCCURRENCES` places where its first word stands.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

from .adreading import (
    BULLET,
    BULLET_MARKS,
    PEOPLE,
    ReadAd,
    Section,
    heading_kind,
    read_ad,
    stem,
    stems_of,
    words_of,
)
from .models import EvidenceTerm

GAP = 2  # other words allowed between the words of a phrase
_CLAUSE_MARKS = re.compile(r"[,;.!?:]")
MAX_OCCURRENCES = 64  # occurrences of a term's first word looked at, for bounded time


class Word(NamedTuple):
    text: str  # a stem, or a lower-cased prefix when `prefix`
    prefix: bool


class CompiledTerm(NamedTuple):
    words: tuple[Word, ...]
    unless: tuple[tuple[str, ...], ...]
    ends_with_people: bool
    guard_end: bool = False  # `unless` phrases guard the match's last word too


@lru_cache(maxsize=8192)
def compile_phrase(
    term: str, unless: tuple[str, ...] = (), guard_end: bool = False
) -> CompiledTerm:
    words = []
    for word, _, end in words_of(term):
        prefix = term[end : end + 1] == "*"
        words.append(Word(word.lower() if prefix else stem(word), prefix))
    guards = tuple(g for g in (stems_of(phrase) for phrase in unless) if g)
    last = words[-1].text if words else ""
    return CompiledTerm(tuple(words), guards, last in people_stems(), guard_end)


@lru_cache(maxsize=1)
def people_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in PEOPLE)


def compile_term(term: EvidenceTerm) -> CompiledTerm:
    return compile_phrase(term.term, term.unless)


def term_found(term: str, text: str, unless: tuple[str, ...] = ()) -> bool:
    """Whether `term` occurs in `text` as triage matches it, wherever it stands."""
    compiled = compile_phrase(term, unless)
    ad = read_ad(text, plain=True)
    index = index_ad(ad)
    return bool(compiled.words) and any(
        match_at(compiled, start, ad) is not None and not guarded(compiled, start, ad)
        for start in first_positions(compiled.words[0], index)
    )


class TermIndex(NamedTuple):
    """Where each stem and each lower-cased word stands among the ad's tokens."""

    by_stem: dict[str, list[int]]
    words: list[str]  # distinct words, sorted, for prefix look-ups
    by_word: dict[str, list[int]]


def index_ad(ad: ReadAd) -> TermIndex:
    by_stem: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for i, token in enumerate(ad.tokens):
        by_stem.setdefault(token.stem, []).append(i)
        by_word.setdefault(token.word, []).append(i)
    return TermIndex(by_stem, sorted(by_word), by_word)


def word_matches(word: Word, i: int, ad: ReadAd) -> bool:
    token = ad.tokens[i]
    return token.word.startswith(word.text) if word.prefix else token.stem == word.text


def first_positions(word: Word, index: TermIndex) -> list[int]:
    if not word.prefix:
        return index.by_stem.get(word.text, [])
    found: list[int] = []
    at = bisect_left(index.words, word.text)
    while at < len(index.words) and index.words[at].startswith(word.text):
        found += index.by_word[index.words[at]]
        at += 1
        if len(found) > MAX_OCCURRENCES:
            break
    found.sort()
    return found


def match_at(term: CompiledTerm, start: int, ad: ReadAd) -> int | None:
    """The index of the term's last word if the term matches from `start`, else None."""
    line = ad.tokens[start].line
    at = start
    for word in term.words[1:]:
        limit = min(len(ad.tokens), at + 2 + GAP)
        at += 1
        while at < limit and ad.tokens[at].line == line and not word_matches(word, at, ad):
            at += 1
        if at >= limit or ad.tokens[at].line != line:
            return None
    return at


def guarded(term: CompiledTerm, start: int, ad: ReadAd, last: int | None = None) -> bool:
    """Whether an `unless` phrase covers the first word of the match from `start` to
    `last`, or its last word for a term that says so (`guard_end`): the phrase's words in a
    row, within one line and one clause ("cost models" guards nothing in "latency, cost,
    model quality"; "senior leadership" nothing across two bullets). A term built around
    its last word guards that word: "credit assignment" guards "experience with credit" in
    "experience with credit assignment"."""
    ends = term.guard_end and last is not None and last != start
    at_words = (start, last) if ends and last is not None else (start,)
    for phrase in term.unless:
        for offset, anchor in ((o, a) for a in at_words for o in range(len(phrase))):
            first = anchor - offset
            last = first + len(phrase) - 1
            if first < 0 or last >= len(ad.tokens):
                continue
            if all(ad.tokens[first + k].stem == phrase[k] for k in range(len(phrase))) and (
                _one_clause(ad, first, last)
            ):
                return True
    return False


def _one_clause(ad: ReadAd, first: int, last: int) -> bool:
    """Whether tokens `first` to `last` stand in one clause: no punctuation between them
    that ends a clause or a list item, and on one line, or on two where the text was
    wrapped at a fixed width (the first does not end a clause, the next is no bullet or
    heading: "…tune NCCL collective / communication…" in a PDF's or an e-mail's text)."""
    a, b = ad.tokens[first], ad.tokens[last]
    if a.line == b.line:
        return not _CLAUSE_MARKS.search(ad.lines[a.line - 1], a.start, b.start)
    if b.line != a.line + 1:
        return False
    upper, lower = ad.lines[a.line - 1], ad.lines[b.line - 1]
    return not (
        _CLAUSE_MARKS.search(upper, a.start)
        or _CLAUSE_MARKS.search(lower, 0, b.start)
        or BULLET.match(lower)
        or heading_kind(lower) is not None
    )


def names_others(term: CompiledTerm, last: int, ad: ReadAd) -> bool:
    """Whether the match names people the hire works with ("our data engineers")."""
    if not ad.tokens[last].collaboration:
        return False
    if term.ends_with_people:
        return True
    following = ad.tokens[last + 1 : last + 3]
    return any(t.stem in people_stems() and t.line == ad.tokens[last].line for t in following)


def occurrences(
    term: CompiledTerm, ad: ReadAd, index: TermIndex, counts: Callable[[Section], bool]
) -> Iterator[tuple[int, int]]:
    """Where `term` counts in the ad, as (first, last) token of each match: in a section
    `counts` accepts (asked anew for each occurrence), not negated, not inside an `unless`
    phrase, not naming the people the hire works with."""
    if not term.words:
        return
    for start in first_positions(term.words[0], index)[:MAX_OCCURRENCES]:
        token = ad.tokens[start]
        if token.negated or not counts(token.section):
            continue
        last = match_at(term, start, ad)
        if last is None or guarded(term, start, ad, last) or names_others(term, last, ad):
            continue
        yield start, last


def excerpt(line: str, at: int, width: int = 80) -> str:
    """About `width` characters of `line` around offset `at` (where the match starts), cut
    at words, with the line's bullet or heading marks and runs of spaces dropped."""
    text = _tidy(line)
    if len(text) <= width:
        return text
    before = _tidy(line[:at])  # the same tidying, so offsets in `text` line up
    where = len(before) + (1 if before else 0)
    start = max(0, min(where - width // 3, len(text) - width))
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < min(start + 15, where) else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _tidy(text: str) -> str:
    return " ".join(text.strip().lstrip("#>" + BULLET_MARKS).split())
