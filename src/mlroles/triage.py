"""`mlroles triage`: which role does a job ad really describe?

The ad is first read as a person reads it (`adreading`): its title, its sections, and
which words sit in a negated clause or name a team the hire merely works with. Then each
role's evidence terms (from the catalogue, so a user's catalogue extends them) are
looked up among the ad's stemmed words. For each role:

    score = sum over the role's terms found of
                term weight x (sum of the weights of the sections it is found in, capped)
            + the best-matching variant's score (for roles with variants)
            + the title prior if the ad's title names the role
            + the words part: words_weight x the role's logit from the ad's words
              (`adwords`, a model fitted on the corpus, for the roles it has ads of)

A term counts once per section; the company blurb and the benefits count little or
nothing, a nice-to-have line less than a duty. Matches in negated clauses ("you won't
build dashboards") and people or teams named after "work with", "partner with"… ("work
with our DevOps team") are dropped. A term's words match in any form (`deploys`,
`deployed`), in order, with up to `GAP` other words between them; a `*` after a word
keeps the old meaning "any ending" for user catalogues; `unless` phrases guard a term's
other senses ("vision" inside "computer vision").

The term weights live in the role files; the section weights, the title priors, the words
part's weight and the calibration temperature live in `triage_model.json`, the words part's
model in `triage_words.json`. The term weights and title priors are fitted on the fitting
splits of the labelled job-ad corpus (`corpus/`) by `benchmarks/fit_triage.py`, the words
part by `benchmarks/fit_words.py`, and the temperature on the dev split, which neither saw,
so a confidence of 70 % is right about 70 % of the time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .adlanguage import in_english
from .adreading import JOB_NOUNS, MAX_TITLE_CHARS, ReadAd, Section, read_ad, title_stems
from .adwords import WordEvidence, ad_words, logits, part_for, shipped_model, vector
from .adwords import evidence as word_evidence
from .catalogue import Catalogue
from .models import EvidenceTerm, Interest, Role, Variant
from .profile import Profile
from .requirements import COUNTED, AdRequirements, extract
from .termmatch import CompiledTerm, TermIndex, compile_term, excerpt, index_ad, occurrences

if TYPE_CHECKING:
    from .adgap import AdGap

TITLE_NEAR_WORDS = 8  # a line below the first that may be the title is this short
MAX_CONFIDENCE = 0.99  # a reading of an ad is never certain: "100%" would overclaim
NOT_ENGLISH = "Cannot tell: the ad is not in English, the only language triage reads."
SCOPING = (Interest.MODELLING, Interest.DATA, Interest.DEPLOYMENT, Interest.RESEARCH)
SCOPING_QUESTIONS = {
    Interest.MODELLING: "How much of the week goes into building and training models?",
    Interest.DATA: "How much data wrangling and pipeline work is there, and who does it?",
    Interest.DEPLOYMENT: "Who deploys and runs models in production: this role or another team?",
    Interest.RESEARCH: "Is there research or publishing, or is the work all applied?",
}


class Evidence(NamedTuple):
    term: str
    line: int
    excerpt: str
    weight: float  # what the term added to the role's score
    signals: Interest
    section: Section


class RoleMatch(NamedTuple):
    role: Role
    score: float
    confidence: float
    evidence: tuple[Evidence, ...]
    variant: Variant | None
    variant_evidence: tuple[Evidence, ...]
    typical_words: tuple[WordEvidence, ...] = ()
    """The ad's words that its role's ads use most (`adwords`), with what each added."""


class Triage(NamedTuple):
    title: str | None
    title_role: Role | None
    matches: tuple[RoleMatch, ...]
    warning: str | None
    questions: tuple[str, ...]
    words: int
    terms_found: int
    decided: bool  # enough evidence to name a role
    verdict: str  # one sentence: what the ad reads as, or why it cannot tell
    asks: AdRequirements  # the skills and tools the ad asks for
    gap: AdGap | None = None  # with a profile: what you have and lack of what it asks


class Params(NamedTuple):
    sections: dict[Section, float]
    section_cap: float
    title_prior: float  # added to the role the title names
    base_title_prior: float
    mention_decay: float  # how much a second term of one mention counts (see decay_factors)
    temperature: float
    min_terms: int
    min_score: float
    min_body_words: int  # or this many words where terms count: the words part reads it
    decisive: float
    words_weight: float  # how much the words part (`adwords`) counts against the terms


MODEL_FILE = Path(__file__).with_name("triage_model.json")


@lru_cache(maxsize=1)
def params() -> Params:
    return params_from(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def params_from(data: dict[str, Any]) -> Params:
    return Params(
        sections={Section(k): float(v) for k, v in data["sections"].items()},
        section_cap=float(data["section_cap"]),
        title_prior=float(data["title_prior"]),
        base_title_prior=float(data["base_title_prior"]),
        mention_decay=float(data["mention_decay"]),
        temperature=float(data["temperature"]),
        min_terms=int(data["min_terms"]),
        min_score=float(data["min_score"]),
        min_body_words=int(data["min_body_words"]),
        decisive=float(data["decisive"]),
        words_weight=float(data["words_weight"]),
    )


# ---------------------------------------------------------------------------------------
# Terms


class _Found(NamedTuple):
    value: float  # sum of the section weights it was found in, capped
    line: int
    section: Section
    position: int  # index of the token where the counted occurrence starts


def find_term(term: CompiledTerm, ad: ReadAd, index: TermIndex, p: Params) -> _Found | None:
    """Where a term counts in the ad: once per section, at its first good occurrence."""
    seen: dict[Section, int] = {}  # section -> token index of its first good occurrence

    def counts(section: Section) -> bool:
        return section not in seen and p.sections.get(section, 0.0) > 0

    for start, _last in occurrences(term, ad, index, counts):
        seen[ad.tokens[start].section] = start
    if not seen:
        return None
    value = min(p.section_cap, sum(p.sections[s] for s in seen))
    best = max(seen, key=lambda s: (p.sections[s], -seen[s]))
    return _Found(value, ad.tokens[seen[best]].line, best, seen[best])


# ---------------------------------------------------------------------------------------
# Titles


_QUALIFIER = re.compile(r"\s*(?:\(|\)|,|\||:|\s[\u2014\u2013-]\s|\s/\s|\bfor\b|\bin\b)\s*")


_GRADE = re.compile(r"(?:i{1,3}|iv|v|\d+|sr\.?|jr\.?|senior|junior|intern|trainee|\W+)")
"""Words after a job noun that grade the job, not name it: "Engineer II", "Engineer Intern"."""


def find_title(text: str) -> str | None:
    """The ad's title as written: its first non-empty line, without Markdown or a label."""
    return read_ad(text).title


@lru_cache(maxsize=64)
def _role_names(catalogue: Catalogue) -> tuple[tuple[tuple[str, ...], Role], ...]:
    names = []
    for role in catalogue.roles:
        for name in (role.name, *role.aliases, role.id.replace("-", " ")):
            stems = title_stems(name)
            if stems and len("".join(stems)) >= 4:
                names.append((stems, role))
    # Longest names first, so "ml platform engineer" wins over "ml engineer".
    return tuple(sorted(names, key=lambda item: -len(item[0])))


def _named_in(stems: tuple[str, ...], catalogue: Catalogue) -> Role | None:
    for name, role in _role_names(catalogue):
        n = len(name)
        if any(stems[i : i + n] == name for i in range(len(stems) - n + 1)):
            return role
    return None


def _qualifier(catalogue: Catalogue, title: str) -> tuple[str, Role] | None:
    """The first part of the title after its head (past a comma, a dash, a bracket) that
    names a role on the tracks shown by default, and that role."""
    for part in [part for part in _QUALIFIER.split(title) if part.strip()][1:]:
        role = _named_in(title_stems(part), catalogue)
        if role is not None and catalogue.track(role.track).shown:
            return part, role
    return None


def title_roles(catalogue: Catalogue, title: str) -> tuple[Role | None, Role | None]:
    """(the role the title names, the role its first part names when a qualifier differs).

    "Senior ML Engineer (MLOps)" names the MLOps engineer, with the ML engineer as the
    base; "Software Engineer, ML Infrastructure" names the platform engineer. A qualifier
    that names an ML role is more specific than the words before it.
    """
    parts = [part for part in _QUALIFIER.split(title) if part.strip()]
    if not parts:
        return None, None
    base = _named_in(title_stems(parts[0]), catalogue)
    found = _qualifier(catalogue, title)
    if found is not None:
        qualifier = found[1]
        return qualifier, (base if base is not None and base.id != qualifier.id else None)
    if base is None:
        base = _named_in(title_stems(title), catalogue)
    return base, None


def second_title(catalogue: Catalogue, title: str) -> bool:
    """Whether the part of the title that names its role after a separator is a job title
    of its own ("Data Scientist - AI Engineer II": two titles, and the ad may be either),
    not an area of work ("Software Engineer, ML Infrastructure": the head is the title)."""
    found = _qualifier(catalogue, title)
    if found is None:
        return False
    # The last word once a grade or a place is cut off: "Engineer II", "Engineer Intern",
    # "Engineer at Acme" (but "Data Scientist Tooling" is an area of work).
    words = found[0].lower().split()
    words = words[: words.index("at")] if "at" in words else words
    while words and _GRADE.fullmatch(words[-1]):
        words.pop()
    # A job noun ends a part that is a job title itself, not an area of work.
    return bool(words) and words[-1].rstrip("s") in JOB_NOUNS


def title_line(catalogue: Catalogue, ad: ReadAd) -> str | None:
    """The line the ad's title is read from. When its first line names no role (a company
    name, a location), a short line just below that names one is the title: ads pasted
    from a page often start with the employer."""
    if ad.title is None or title_roles(catalogue, ad.title)[0] is not None:
        return ad.title
    for line in ad.lines[ad.title_line : ad.title_line + 3]:
        text = line.strip().strip("#*_ ")
        # A title is short in characters too: a 256 KiB run with no space is no title.
        short = text and len(text.split()) <= TITLE_NEAR_WORDS and len(text) <= MAX_TITLE_CHARS
        if short and title_roles(catalogue, text)[0] is not None:
            return text
    return ad.title


def ad_title_roles(catalogue: Catalogue, ad: ReadAd) -> tuple[Role | None, Role | None]:
    """The roles the ad's title names (`title_roles` of its `title_line`)."""
    line = title_line(catalogue, ad)
    return title_roles(catalogue, line) if line is not None else (None, None)


def title_role(catalogue: Catalogue, title: str) -> Role | None:
    """The role a title names, if any."""
    return title_roles(catalogue, title)[0]


# ---------------------------------------------------------------------------------------
# Scoring


NEAR = 4  # words between two terms' matches for them to be one mention


def decay_factors(positions: Sequence[int], values: Sequence[float], decay: float) -> list[float]:
    """How much each term counts when several of a role's terms stand close together.

    Matches no more than `NEAR` words apart form one mention; within it the strongest term
    counts in full, the next `decay` times, then `decay` squared…: "LLMs (large language
    models) and retrieval-augmented generation (RAG)" is one piece of evidence said four
    ways, not four pieces.
    """
    factors = [1.0] * len(values)
    order = sorted(range(len(values)), key=lambda i: positions[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and positions[i] - positions[groups[-1][-1]] <= NEAR:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        for rank, i in enumerate(sorted(group, key=lambda i: -values[i])):
            factors[i] = decay**rank
    return factors


def _score_terms(
    terms: Iterable[EvidenceTerm], ad: ReadAd, index: TermIndex, p: Params
) -> tuple[float, list[Evidence]]:
    hits: list[tuple[EvidenceTerm, _Found]] = []
    for term in terms:
        where = find_term(compile_term(term), ad, index, p)
        if where is not None:
            hits.append((term, where))
    values = [term.weight * where.value for term, where in hits]
    factors = decay_factors([where.position for _, where in hits], values, p.mention_decay)
    found: list[Evidence] = []
    for (term, where), value, factor in zip(hits, values, factors, strict=True):
        quoted = excerpt(ad.lines[where.line - 1], ad.tokens[where.position].start)
        added = round(value * factor, 2)
        found.append(Evidence(term.term, where.line, quoted, added, term.signals, where.section))
    found.sort(key=lambda e: (-e.weight, e.line))
    return sum(v * f for v, f in zip(values, factors, strict=True)), found


class Scored(NamedTuple):
    role: Role
    score: float
    evidence: list[Evidence]
    variant: Variant | None
    variant_evidence: list[Evidence]
    typical_words: tuple[WordEvidence, ...] = ()


def words_part(ad: ReadAd, p: Params) -> dict[str, tuple[float, tuple[WordEvidence, ...]]]:
    """What the ad's words add to each role the word model knows (a user's own roles get
    nothing: they are read by their terms alone), with the words that add most."""
    if not p.words_weight:
        return {}
    model = shipped_model()
    words = ad_words(ad)
    x = vector(model, words)
    shown = word_evidence(model, x, words, p.words_weight)
    return {
        role: (p.words_weight * logit, typical)
        for role, logit, typical in zip(model.roles, logits(model, x), shown, strict=True)
    }


def word_part_of(parts: dict[str, float], role: Role, score: float, min_score: float) -> float:
    """What the words add to a role that already scores `score` by its terms and title."""
    # A role the words never saw is read as its related roles are only when its own
    # terms (or the title) vouch for it: else the developer advocate, related to the
    # ML engineer, would come second on every ML engineer's ad, on "developers" alone.
    related = (r.role for r in role.related) if score >= min_score else ()
    return part_for(parts, role.id, related)


def score_roles(
    catalogue: Catalogue, ad: ReadAd, roles: Sequence[Role], p: Params
) -> tuple[list[Scored], Role | None, Role | None]:
    """Every role's score for the ad, the role its title names, and the role the title's
    first words name when a qualifier names another (`title_roles`)."""
    index = index_ad(ad)
    named, base = ad_title_roles(catalogue, ad)
    from_words = words_part(ad, p)
    word_parts = {role: part for role, (part, _) in from_words.items()}
    scored = []
    for role in roles:
        score, found = _score_terms(role.evidence, ad, index, p)
        variant, variant_found, variant_score = None, [], 0.0
        for candidate in role.variants:
            v_score, v_found = _score_terms(candidate.evidence, ad, index, p)
            if v_score > variant_score:
                variant, variant_found, variant_score = candidate, v_found, v_score
        score += variant_score
        if named is not None and role.id == named.id:
            score += p.title_prior
        elif base is not None and role.id == base.id:
            score += p.base_title_prior
        added = word_part_of(word_parts, role, score, p.min_score)
        typical = from_words[role.id][1] if role.id in from_words else ()
        scored.append(Scored(role, score + added, found, variant, variant_found, typical))
    return scored, named, base


def confidences(scores: Sequence[float], temperature: float) -> list[float]:
    """A softmax of the scores: the calibrated chance that each role is the one."""
    if not scores:
        return []
    top = max(scores)
    weights = [math.exp((s - top) / temperature) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def triage(
    catalogue: Catalogue,
    text: str,
    roles: Sequence[Role] | None = None,
    model: Params | None = None,
) -> Triage:
    p = model or params()
    ad = read_ad(text)
    # Roles with no evidence terms (the adjacent starting points) cannot be read in an ad.
    candidates = [
        r
        for r in (roles if roles is not None else catalogue.roles)
        if r.evidence or any(v.evidence for v in r.variants)
    ]
    scored, named, base = score_roles(catalogue, ad, candidates, p)
    line = title_line(catalogue, ad)
    either = line is not None and second_title(catalogue, line)
    chances = confidences([s.score for s in scored], p.temperature)
    ranked = sorted(
        zip(scored, chances, strict=False), key=lambda item: (-item[0].score, item[0].role.name)
    )
    # The words part ranks roles once something in the ad points to one: a term of any
    # role, or a title that names one; an ad about shoes lists none.
    pointed = named is not None or any(s.evidence or s.variant_evidence for s in scored)
    matches = tuple(
        RoleMatch(
            s.role,
            round(s.score, 2),
            min(MAX_CONFIDENCE, round(chance, 3)),
            tuple(s.evidence),
            s.variant,
            tuple(s.variant_evidence),
            s.typical_words,
        )
        for s, chance in ranked
        # a role the words count against is still listed if a term of it is in the ad
        if pointed and (s.score > 0 or s.evidence or s.variant_evidence)
    )
    terms = {e.term for m in matches for e in (*m.evidence, *m.variant_evidence)}
    body_score = max((sum(e.weight for e in m.evidence) for m in matches), default=0.0)
    english = in_english(text, _body_text(ad))
    # Terms of some weight decide; so does an ad long enough for the words part to read,
    # once a few terms point to ML work: on real ads the readings the terms alone left
    # undecided were right about as often as the decided ones, so "cannot tell" hid them.
    body_words = sum(1 for token in ad.tokens if token.section in COUNTED)
    enough = body_score >= p.min_score or body_words >= p.min_body_words
    decided = english and len(terms) >= p.min_terms and enough
    return Triage(
        title=ad.title,
        title_role=named,
        matches=matches,
        warning=_warning(named, base, matches, p, either) if decided else None,
        questions=_questions(matches),
        words=ad.words,
        terms_found=len(terms),
        decided=decided,
        verdict=(_verdict(matches, decided, len(terms), body_words, p) if english else NOT_ENGLISH),
        asks=extract(catalogue, ad),
    )


_BODY = frozenset({Section.ROLE, Section.DUTIES, Section.REQUIREMENTS, Section.NICE})


def _body_text(ad: ReadAd) -> str:
    """The lines of the ad's duties and requirements: what a reader of English must read."""
    lines = sorted({t.line for t in ad.tokens if t.section in _BODY})
    return "\n".join(ad.lines[n - 1] for n in lines)


def _verdict(
    matches: tuple[RoleMatch, ...], decided: bool, terms: int, body_words: int, p: Params
) -> str:
    if not matches:
        return "Cannot tell: nothing in this ad points to a role in the catalogue."
    if not decided:
        word = "term" if terms == 1 else "terms"
        if terms < p.min_terms:
            return f"Cannot tell: too little to go on ({terms} {word} found)."
        # Enough terms, but weak ones (spread thin, or in the company's blurb) in an ad too
        # short for its words to decide: "too little to go on (12 terms found)" read as a
        # contradiction.
        return (
            f"Cannot tell: the {terms} terms found are weak evidence, and the ad is too short "
            f"to read by its words ({body_words} words about the work, {p.min_body_words} "
            "needed)."
        )
    top = matches[0]
    return f"Reads as {top.role.name} ({top.confidence:.0%} likely)."


def _warning(
    named: Role | None,
    base: Role | None,
    matches: tuple[RoleMatch, ...],
    p: Params,
    either: bool = False,
) -> str | None:
    """'titled X, reads as Y', only when the content is decisive against the title."""
    ranked = [(m.role.id, m.confidence) for m in matches]
    titled = misread_title(
        named.id if named else None, base.id if base else None, ranked, p.decisive, either
    )
    role = named if named is not None and named.id == titled else base
    if titled is None or role is None:
        return None
    top = matches[0]
    terms = ", ".join(e.term.replace("*", "") for e in top.evidence[:3])
    # The title line shows the role the qualifier names; say which words the warning means.
    head = " (the title's head)" if role is base and role is not named else ""
    return f"titled {role.name}{head}, reads as {top.role.name}" + (f": {terms}" if terms else "")


def misread_title(
    named: str | None,
    base: str | None,
    ranked: Sequence[tuple[str, float]],
    decisive: float,
    either: bool = False,
) -> str | None:
    """The role the title names that the content reads decisively against, if any: the
    first of `ranked` (role id, confidence; best first) is at least `decisive` and more
    than twice the titled role's. The titled role is the one the title names or, when that
    is the one the ad reads as, the one its head names ("Software Engineer, ML
    Infrastructure"): the labelling guide counts a title whose head names another role as
    misleading, and so would a reader of job lists. When the title is two job titles
    (`either`, see `second_title`: "Data Scientist - AI Engineer"), the ad may be either,
    and only a reading as neither is warned about. Over the 756 labelled ads (session 11,
    weights fitted on most of them): misleading titles caught 177 of 241 rather than 170
    (169 at the session's start, one more by the alias "software development engineer"),
    others warned 24 of 515 rather than 26; `cross_rounds.py` gives the rounds left out."""
    if not ranked:
        return None
    top, top_confidence = ranked[0]
    if either and top in (named, base):
        return None
    titled = named if named is not None and named != top else base
    if titled is None or titled == top:
        return None
    titled_confidence = next((c for role, c in ranked if role == titled), 0.0)
    if top_confidence < decisive or titled_confidence * 2 > top_confidence:
        return None
    return titled


def _questions(matches: tuple[RoleMatch, ...]) -> tuple[str, ...]:
    questions: list[str] = []
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


def by_line(evidence: Iterable[Evidence]) -> list[tuple[int, str, list[str], str]]:
    """Evidence grouped by line: (line, excerpt, terms, section), the weightiest first."""
    lines: dict[int, tuple[str, list[str], list[float], str]] = {}
    for item in evidence:
        _, terms, weights, _ = lines.setdefault(
            item.line, (item.excerpt, [], [], item.section.value)
        )
        terms.append(item.term)
        weights.append(item.weight)
    ranked = sorted(lines.items(), key=lambda entry: (-sum(entry[1][2]), entry[0]))
    return [(number, text, terms, section) for number, (text, terms, _, section) in ranked]


def with_profile(catalogue: Catalogue, result: Triage, profile: Profile) -> Triage:
    """The triage with the gap between the ad and a person's profile."""
    from .adgap import ad_gap

    role = result.matches[0].role if result.matches and result.decided else None
    return result._replace(gap=ad_gap(catalogue, profile, result.asks, role))
