"""`mlroles search TEXT`: roles, skills and tools by name, alias or words in their text.

Each catalogue field is a document with a weight for how telling a match there is (a
name beats a note). A query that appears in the text scores 100 x weight; a query of
several words that all appear in it, in any order and any inflection ("deploy models"
in "models are deployed"), scores 90 x weight; otherwise rapidfuzz's partial ratio
(typo-tolerant, best-matching window; the plain ratio for a text shorter than the query)
must reach the cut-off, and the score is that ratio x weight. Each role, skill or (role,
tool) pair appears once, with its best-scoring field and a snippet around the match, cut
at word boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .layers import normalise

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .models import Role, Skill

FUZZY_CUTOFF = 85
ALL_WORDS = 90.0  # every word of the query, in any order
SNIPPET = 70


@dataclass(frozen=True)
class Hit:
    kind: str  # "role", "skill" or "tool"
    id: str
    name: str
    field: str
    snippet: str
    score: float
    role_id: str | None = None
    """For a tool: the role that uses it."""
    text: str = ""
    """The whole field, its spaces collapsed: a renderer cuts its own snippet to its width."""
    match: tuple[int, int] = (0, 0)
    """Where in `text` the match is."""


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]


def _role_fields(role: Role) -> Iterator[tuple[str, str, float]]:
    yield "name", role.name, 1.0
    yield "id", role.id, 1.0
    for alias in role.aliases:
        yield "alias", alias, 1.0
    yield "summary", role.summary.text, 0.8
    yield "goal", role.goal.text, 0.8
    yield "work product", role.work_product.text, 0.8
    for item in role.responsibilities:
        yield "responsibility", item.text, 0.8
    for variant in role.variants:
        yield f"variant: {variant.name}", f"{variant.name}: {variant.text}", 0.85
    for specialism in role.specialisms:
        yield "specialism", f"{specialism.name}: {specialism.text}", 0.8
    for item in role.backgrounds:
        yield "background", item.text, 0.7
    for item in role.notes:
        yield "note", item.text, 0.7


Document = tuple[str, str, str, str, str, float, str | None]
"""(kind, id, name, field, text, weight, role_id) of one searchable text."""


def documents(roles: Iterable[Role], skills: Iterable[Skill]) -> tuple[Document, ...]:
    """Everything searchable in the roles and skills: made once per catalogue, and cached
    with it apart from the roles (`Catalogue.search_documents`), so a search loads none."""
    return tuple(_documents(roles, skills))


def _documents(roles: Iterable[Role], skills: Iterable[Skill]) -> Iterator[Document]:
    for role in roles:
        for field, text, weight in _role_fields(role):
            yield "role", role.id, role.name, field, text, weight, None
        for tool in role.tools:
            yield "tool", tool.name, tool.name, f"tool of {role.name}", tool.name, 0.95, role.id
    for skill in skills:
        yield "skill", skill.id, skill.name, "name", skill.name, 0.9, None
        for alias in skill.aliases:
            yield "skill", skill.id, skill.name, "alias", alias, 0.9, None
        for phrase in skill.in_ads.phrases if skill.in_ads else ():
            # How job ads ask for the skill: Kubernetes finds containers.
            yield "skill", skill.id, skill.name, "in job ads", phrase.replace("*", ""), 0.85, None
        for phrase in skill.in_ads.fields if skill.in_ads else ():
            # Knowing a field of work is the skill: payments finds subject-matter expertise.
            yield "skill", skill.id, skill.name, "field of work", phrase.replace("*", ""), 0.8, None
        for phrase in skill.in_ads.hints if skill.in_ads else ():
            # What brings the skill to mind without asking for it: drift, deployment.
            yield "skill", skill.id, skill.name, "hinted in ads", phrase.replace("*", ""), 0.8, None
        yield "skill", skill.id, skill.name, "description", skill.description, 0.7, None


def _all_words(needle: str, text: str) -> tuple[int, int] | None:
    """Where the first of the query's words stands, if every one of them is in `text`
    (any inflection, any order); None otherwise or for a one-word query."""
    from .adreading import stem, words_of

    wanted = {stem(word) for word, _, _ in words_of(needle)}
    if len(wanted) < 2:
        return None
    places: dict[str, tuple[int, int]] = {}
    for word, start, end in words_of(text):
        places.setdefault(stem(word), (start, end))
    if not wanted <= places.keys():
        return None
    return min(places[w] for w in wanted)


def snippet(text: str, start: int, end: int, size: int = SNIPPET) -> str:
    """About `size` characters around the match, cut at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    middle = (start + end) // 2
    left = max(0, min(middle - size // 2, len(text) - size))
    right = left + size
    if left > 0:  # start at a word
        space = text.find(" ", left, start + 1)
        left = space + 1 if space >= 0 else left
    if right < len(text):  # end at a word, never before the match
        space = text.rfind(" ", max(end, left), right)
        right = space if space > 0 else right
    piece = text[left:right].strip()
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


def search(catalogue: Catalogue, query: str, limit: int = 10) -> SearchResult:
    from rapidfuzz import fuzz

    needle = " ".join(query.casefold().split())
    best: dict[tuple[str, str, str | None], Hit] = {}
    if needle:
        for kind, ident, name, field, text, weight, role_id in catalogue.search_documents():
            flat = " ".join(text.split())
            haystack = flat.casefold()
            at = haystack.find(needle)
            if at >= 0:
                score, start, end = 100.0, at, at + len(needle)
            elif normalise(needle) and normalise(needle) == normalise(flat):
                score, start, end = 100.0, 0, len(flat)
            elif (words := _all_words(needle, flat)) is not None:
                score, (start, end) = ALL_WORDS, words
            elif len(haystack) < len(needle):
                # A text shorter than the query must match it whole: "R" is no hit for "airflow".
                score, start, end = fuzz.ratio(needle, haystack), 0, len(flat)
                if score < FUZZY_CUTOFF:
                    continue
            else:
                alignment = fuzz.partial_ratio_alignment(needle, haystack)
                if alignment is None or alignment.score < FUZZY_CUTOFF:
                    continue
                score, start, end = alignment.score, alignment.dest_start, alignment.dest_end
            hit = Hit(
                kind,
                ident,
                name,
                field,
                snippet(flat, start, end),
                round(score * weight, 1),
                role_id,
                flat,
                (start, end),
            )
            key = (kind, ident, role_id)
            if key not in best or hit.score > best[key].score:
                best[key] = hit
    hits = sorted(best.values(), key=lambda h: (-h.score, h.kind != "role", h.name))
    return SearchResult(query, tuple(hits[:limit]))
