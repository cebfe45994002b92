"""`mlroles triage`: which role does a job ad really describe?

The matching uses the evidence terms that live in the catalogue (each role's, and each
variant's), so a user's catalogue can extend or replace them. For each role:

    score = sum over the role's terms found in the ad of
            weight x (1 + 0.3 x (extra occurrences, at most 3))
            + the best-matching variant's score (for roles with variants)
            + TITLE_PRIOR if the ad's title names the role

Confidence is a role's share of the summed scores of all roles. The title counts for
little on purpose: the sources agree that titles mislead and the content should decide.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .adtext import MAX_AD_BYTES, AdError, decode_ad  # noqa: F401 (their home was here)
from .catalogue import Catalogue
from .layers import normalise
from .models import EvidenceTerm, Interest, Role, Variant

TITLE_PRIOR = 1.5
REPEAT_BONUS = 0.3
MAX_REPEATS = 3
SCOPING = (Interest.MODELLING, Interest.DATA, Interest.DEPLOYMENT, Interest.RESEARCH)
SCOPING_QUESTIONS = {
    Interest.MODELLING: "How much of the week goes into building and training models?",
    Interest.DATA: "How much data wrangling and pipeline work is there, and who does it?",
    Interest.DEPLOYMENT: "Who deploys and runs models in production: this role or another team?",
    Interest.RESEARCH: "Is there research or publishing, or is the work all applied?",
}
_SENIORITY = re.compile(
    r"\b(senior|sr\.?|junior|jr\.?|lead|staff|principal|head of|intern|founding|"
    r"associate|i{1,3}|iv)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Evidence:
    term: str
    line: int
    excerpt: str
    weight: float
    signals: Interest


@dataclass(frozen=True)
class RoleMatch:
    role: Role
    score: float
    confidence: float
    evidence: tuple[Evidence, ...]
    variant: Variant | None
    variant_evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Triage:
    title: str | None
    title_role: Role | None
    matches: tuple[RoleMatch, ...]
    warning: str | None
    questions: tuple[str, ...]
    words: int


@lru_cache(maxsize=4096)
def term_pattern(term: str, *, folded: bool = False) -> re.Pattern[str]:
    """Whole words, any case; `*` ends a word with any ending; space or hyphen between words.

    With `folded`, the pattern is lower-case and case-sensitive, for searching text that is
    already lower-cased: much faster, since the regex engine can then skip ahead to a
    literal prefix.
    """
    if folded:
        term = term.lower()
    words = term.split()
    parts = []
    for word in words:
        stem = word.rstrip("*")
        piece = re.escape(stem) + (r"[\w-]*" if word.endswith("*") else "")
        parts.append(piece)
    body = r"[\s\-]+".join(parts)
    end = r"(?![\w])" if re.search(r"[\w*]$", term) else ""
    # No assertion at the start: it would stop the regex engine from skipping ahead to the
    # literal prefix. The word boundary before a match is checked by `_starts_word`.
    return re.compile(body + end, 0 if folded else re.IGNORECASE)


def term_found(term: str, text: str) -> bool:
    """Whether `term` occurs in `text` as whole words (the test `triage` applies)."""
    needs_start = bool(re.match(r"\w", term))
    return any(not needs_start or _starts_word(text, m) for m in term_pattern(term).finditer(text))


def _starts_word(text: str, match: re.Match[str]) -> bool:
    at = match.start()
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


@dataclass(frozen=True)
class _Ad:
    """The ad's text with the offset where each line starts, to number the matches."""

    text: str
    folded: str
    lines: tuple[str, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Ad:
        lines = tuple(text.split("\n"))
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        lowered = text.lower()
        # Lower-casing can change a string's length (a few non-ASCII letters); then the
        # offsets would not line up and the case-insensitive patterns are used instead.
        return cls(text, lowered if len(lowered) == len(text) else "", lines, tuple(starts))

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def _find(terms: Iterable[EvidenceTerm], ad: _Ad) -> tuple[float, list[Evidence]]:
    score = 0.0
    found: list[Evidence] = []
    for term in terms:
        # Most terms are absent: a substring test of the first word skips the regex.
        if ad.folded and term.term.split()[0].rstrip("*").lower() not in ad.folded:
            continue
        pattern = term_pattern(term.term)
        # One scan of the whole text per term; line numbers come from the match offsets.
        haystack = ad.folded or ad.text
        scan = term_pattern(term.term, folded=bool(ad.folded)).finditer(haystack)
        needs_start = bool(re.match(r"\w", term.term))
        matches = [
            m
            for m in scan
            if "\n" not in m.group() and (not needs_start or _starts_word(haystack, m))
        ]
        if not matches:
            continue
        score += term.weight * (1 + REPEAT_BONUS * min(len(matches) - 1, MAX_REPEATS))
        number = ad.line_of(matches[0].start())
        excerpt = _excerpt(ad.lines[number - 1], pattern)
        found.append(Evidence(term.term, number, excerpt, term.weight, term.signals))
    found.sort(key=lambda e: (-e.weight, e.line))
    return score, found


def _excerpt(line: str, pattern: re.Pattern[str], width: int = 80) -> str:
    text = " ".join(line.strip().lstrip("#*->•").split())
    match = pattern.search(text)
    if len(text) <= width or match is None:
        return text
    start = max(0, min(match.start() - width // 3, len(text) - width))
    piece = text[start : start + width].strip()
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def find_title(text: str) -> str | None:
    """The ad's title: its first line, without Markdown, labels and trailing detail."""
    for raw in text.splitlines():
        line = raw.strip().strip("#*_ ").strip()
        if not line:
            continue
        line = re.sub(r"^(job\s+)?title\s*:\s*", "", line, flags=re.IGNORECASE)
        # Cut at a dash (em, en or plain) between spaces, a bracket, a bar, a comma, a
        # colon or the end of a sentence: what follows is team, place or detail.
        line = re.split(r"\s[\u2014\u2013-]\s|\(|\||,|:|\.\s|\.$", line, maxsplit=1)[0]
        return line.strip() or None
    return None


def title_role(catalogue: Catalogue, title: str) -> Role | None:
    """The role a title names: exactly, or by the longest role name or alias inside it."""
    cleaned = _SENIORITY.sub(" ", title)
    key = normalise(cleaned)
    for role in catalogue.roles:
        if key in {normalise(k) for k in (role.id, role.name, *role.aliases)}:
            return role
    best: tuple[int, Role] | None = None
    padded = f"-{key}-"
    for role in catalogue.roles:
        for name in (role.name, *role.aliases):
            needle = normalise(name)
            if (
                len(needle) >= 4
                and f"-{needle}-" in padded
                and (best is None or len(needle) > best[0])
            ):
                best = (len(needle), role)
    return best[1] if best else None


def triage(catalogue: Catalogue, text: str, roles: Sequence[Role] | None = None) -> Triage:
    ad = _Ad.of(text.replace("\r\n", "\n").replace("\r", "\n"))
    title = find_title(text)
    named = title_role(catalogue, title) if title else None
    scored = []
    for role in roles if roles is not None else catalogue.roles:
        score, found = _find(role.evidence, ad)
        variant, variant_found, variant_score = None, [], 0.0
        for candidate in role.variants:
            v_score, v_found = _find(candidate.evidence, ad)
            if v_score > variant_score:
                variant, variant_found, variant_score = candidate, v_found, v_score
        score += variant_score
        if named is not None and role.id == named.id:
            score += TITLE_PRIOR
        scored.append((score, role, found, variant, variant_found))
    total = sum(item[0] for item in scored)
    matches = tuple(
        RoleMatch(
            role,
            round(score, 2),
            round(score / total, 3) if total else 0.0,
            tuple(found),
            variant,
            tuple(v_found),
        )
        for score, role, found, variant, v_found in sorted(
            scored, key=lambda item: (-item[0], item[1].name)
        )
        if score > 0
    )
    return Triage(
        title=title,
        title_role=named,
        matches=matches,
        warning=_warning(named, matches),
        questions=_questions(matches),
        words=len(text.split()),
    )


def _warning(named: Role | None, matches: tuple[RoleMatch, ...]) -> str | None:
    if named is None or not matches or matches[0].role.id == named.id:
        return None
    top = matches[0]
    titled = next((m for m in matches if m.role.id == named.id), None)
    if titled is not None and titled.score * 1.25 >= top.score:
        return None  # too close to call against the title
    terms = ", ".join(e.term.replace("*", "") for e in top.evidence[:3])
    return f"titled {named.name}, reads as {top.role.name}" + (f": {terms}" if terms else "")


def _questions(matches: tuple[RoleMatch, ...]) -> tuple[str, ...]:
    questions: list[str] = []
    # Light terms (below weight 1) are mostly job titles: they say nothing about the work.
    seen = {
        e.signals for m in matches[:2] for e in (*m.evidence, *m.variant_evidence) if e.weight >= 1
    }
    questions += [SCOPING_QUESTIONS[work] for work in SCOPING if work not in seen]
    if len(matches) >= 2 and matches[1].score * 1.3 >= matches[0].score:
        a, b = matches[0].role.name, matches[1].role.name
        questions.append(f"The ad reads as both {a} and {b}: which does the team need most?")
    top = matches[0] if matches else None
    if top is not None and top.role.variants and top.variant is None:
        kinds = " or ".join(v.name for v in top.role.variants[:2])
        questions.append(f"Which kind of {top.role.name} is it: {kinds}?")
    return tuple(questions)


def by_line(evidence: Iterable[Evidence]) -> list[tuple[int, str, list[str]]]:
    """Evidence grouped by line: (line, excerpt, terms), the weightiest lines first."""
    lines: dict[int, tuple[str, list[str], list[float]]] = {}
    for item in evidence:
        _, terms, weights = lines.setdefault(item.line, (item.excerpt, [], []))
        terms.append(item.term)
        weights.append(item.weight)
    ranked = sorted(lines.items(), key=lambda entry: (-sum(entry[1][2]), entry[0]))
    return [(number, excerpt, terms) for number, (excerpt, terms, _) in ranked]
