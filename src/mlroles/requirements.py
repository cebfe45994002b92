"""What a job ad asks for: the catalogue's skills and tools it names, each with its line.

The vocabulary is the catalogue's own: every skill by its name and aliases, or by the
phrases its `in_ads` gives (terms, products, and the fields of work whose knowledge it is:
"experience in payments"), every tool a role uses by its name, as ads also write it
("PySpark", "PowerBI"), and by the phrases a skill gives for it ("large language models"
for LLMs); a user's catalogue extends both. An item counts where the ad asks
it of the candidate: in the duties, the requirements or the nice-to-have list, not in the
company blurb, the benefits, a negated clause or a mention of another team. An item found
in a nice-to-have section or line is nice-to-have unless the ad also asks for it elsewhere.
A skill is not asked for where the ad only names a team or a job after it ("the Machine
Learning Platform team") or lists it among a degree's subjects ("a degree in Mathematics or
Statistics"), nor inside one of its `in_ads.unless` phrases ("communication overhead"). A
skill's `in_ads.hints` ("collaborate", "analytics") are not asks: `search` finds the skill
by them, but an ad names the team's work with them more often than it asks for the skill.

Tools the catalogue does not know are listed too: products a skill's phrases name
(`Kubernetes` asks for containers and is named here, as is each of a skill's `products`,
`CUDA`, `dbt`, matched as names: `SLURM` is Slurm, but `a ray of` is not Ray), and names
read from how ads write tool lists: a name in CamelCase or with digits (`MLflow`, `S3`), or a
capitalised name in a list that also holds a known tool ("Python, Kubernetes, Terraform"),
but not plural acronyms (`SLOs`) or practices (`DevOps`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .adreading import (
    BULLET,
    BULLET_MARKS,
    CLAUSE_END,
    ReadAd,
    Section,
    Token,
    continues_a_word,
    words_of,
)
from .catalogue import Catalogue
from .termmatch import CompiledTerm, compile_phrase, excerpt, index_ad, occurrences

COUNTED = frozenset(
    {Section.INTRO, Section.ROLE, Section.DUTIES, Section.REQUIREMENTS, Section.NICE}
)


# Capitalised words that are not tools, however often they stand in a list of them.
_NOT_TOOLS = frozenset(
    re.findall(
        r"\S+",
        """
        API APIs AI ML MLE NLP LLM LLMs GenAI GPU GPUs CPU CPUs ETL ELT KPI KPIs BI CI CD PhD
        MSc BSc MS BS MBA US UK EU USA IT QA UX UI HR OKR OKRs SLA SLAs SaaS B2B B2C IoT AB
        EDA ROI CV NLU ASR TTS RL SQL NoSQL REST Experience Strong Excellent Good Knowledge
        Familiarity Proficiency Understanding Bachelor Bachelors Master Masters Degree Computer
        Science Engineering Mathematics Statistics Physics Economics Data Machine Learning Deep
        Artificial Intelligence Senior Junior Lead Staff Principal Team Teams Product Business
        Cloud Platform Ability Hands Solid Proven Expert Advanced Working Basic English Fluent
        Monday Friday January December Remote Hybrid Office The We You Our This Must Nice Plus
        Bonus Preferred Required Including Such Other Similar Equivalent Bayesian NeurIPS
        Build Builds Design Create Run Review Innovation Privacy Compliance Cybersecurity
        SoC SoCs NoC PCIe MoE LoRA QLoRA PoC CoE GmbH FinTech Fintech
        Use Using Apply Deploy Develop Implement Maintain Manage Write Own Drive Support Train
        Ensure Help Define Improve Monitor Optimize Optimise Partner Collaborate Work
        Adapt Assess Integrate Evaluate Analyse Analyze Explore Test Deliver Establish
        Translate Contribute Prototype Automate Communicate Present Identify Mentor Coach
        Prepare NoGo
        """,
    )
)
# A name that is also an everyday word, which ads write in lower case or in capitals only
# in that sense ("a swift reply", "SWIFT payments"): it must be written as the catalogue
# writes it. Other names are written in any case by ads that mean them ("python
# (preferred)", "a docker container", "advanced excel", "BASH scripting").
_WORD_NAMES = frozenset({"Swift"})
_MARKS = "#>" + BULLET_MARKS  # a heading's marks and a list item's
# A tool's name in its everyday sense within a sentence: "where you excel", "the ability to
# excel", "people who excel at", "Go Live" (but "export to Excel" is the tool).
_EVERYDAY_SENSES = (
    "you excel",
    "who excel",
    "will excel",
    "can excel",
    "excel at",
    "ability to excel",
    "able to excel",
    "chance to excel",
    "opportunity to excel",
    "drive to excel",
    "want to excel",
    "go live",
)
# Tools named by a verb, with the words after which, opening a sentence, they are the verb:
# "Go through the dashboards", "Go the extra mile", "Excel in a fast-paced team" (but "Go is
# a plus", "Go services", "Go for backend services" are the language). A verb's other forms
# ("excels", "excelled") are never the tool.
_VERB_SENSES = {
    "Go": frozenset(
        re.findall(
            r"\S+",
            "through out beyond above the to from further deeper deep fast ahead live hand into",
        )
    ),
    "Excel": frozenset({"at", "in"}),
}
# A capitalised phrase followed by one of these names a team or a job ("the Machine
# Learning Platform team", "Principal Machine Learning Engineer"), not a skill asked for.
_NAME_NOUNS = frozenset(
    re.findall(
        r"\S+",
        """
        engineer engineers scientist scientists researcher researchers team teams group
        groups lead leads manager managers architect architects developer developers analyst
        analysts specialist specialists director division department unit squad lab org
        organisation organization intern interns practice guild agency fund foundation
        institute laboratory laboratories labs council office programme
        """,
    )
)
# Words that open a list of degree subjects: "a degree in Mathematics, Statistics or a
# related field" names the subjects of a qualification, not skills the job asks for.
_DEGREE_CUES = frozenset(
    re.findall(
        r"\S+",
        """
        degree degrees bachelor bachelors master masters msc bsc doctorate major majors
        discipline disciplines diploma subject subjects
        """,
    )
)
# Degrees written short must be written so: "PhD in", "MS in", not "20 ms in production".
_DEGREE_ABBREVIATIONS = frozenset({"PhD", "MS", "MA", "BS", "BA", "MEng", "BEng"})
# Words after which a degree's subject list has ended.
_SUBJECT_CUES = frozenset({"subject", "subjects"})
_DEGREE_STOPS = frozenset(
    re.findall(r"\S+", "experience years year with including plus skills knowledge hands")
)
_DEGREE_REACH = 12  # how many words after the cue a degree's subject list may run
_LIST_SPLIT = re.compile(r"[,;/()\[\]]|\band\b|\bor\b|\be\.g\.|\bsuch as\b|\blike\b")
_AND_A_LETTER = re.compile(r"[&/][A-Za-z0-9](?![A-Za-z0-9])")  # R&D, R/D, SAP R/3
# Levels and grades, not names: language levels (C1), researcher profiles (R2), career
# levels (IC3, L5, E6), an F1 score.
_LEVEL = re.compile(r"[A-C][12]|R[1-4]|IC\d|[LE]\d{1,2}|F1")
_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z\d]+s")  # SLOs, LSTMs, H100s: things of a kind
# p99, fp8, int4, v2, FP8, BF16, INT4: figures, number formats and versions, not names
_MEASURE = re.compile(r"[a-z]{1,4}\d+|(?:MX)?(?:FP|BF|TF|INT)\d+")
_TOOLISH = re.compile(r"^(?:[A-Z][a-z]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Za-z]+\d\w*|[A-Z]{2,}[a-z]+\w*)$")


class VocabularyItem(NamedTuple):
    kind: str  # "skill" or "tool"
    key: str  # the skill's id, or the tool's name
    name: str
    term: CompiledTerm
    cased: str | None = None  # the spelling the ad must use, for short names and acronyms
    product: str | None = None  # a skill's phrase that names a product (Kubernetes, MLflow)
    named: bool = False  # one of a skill's `products`: its spelling is checked as a name's


class Requirement(NamedTuple):
    kind: str  # "skill" or "tool"
    key: str
    name: str
    line: int
    excerpt: str
    required: bool  # False: the ad calls it nice to have
    section: Section


class UnknownTool(NamedTuple):
    name: str
    line: int
    required: bool


class AdRequirements(NamedTuple):
    items: tuple[Requirement, ...]  # required first, then in the ad's order
    unknown_tools: tuple[UnknownTool, ...]


@lru_cache(maxsize=16)
def vocabulary(catalogue: Catalogue) -> tuple[VocabularyItem, ...]:
    """Every phrase the catalogue knows a skill or a tool by."""
    items: list[VocabularyItem] = []
    for skill in catalogue.skills:
        name = re.sub(r"\s*\(.*?\)", "", skill.name)
        unless: tuple[str, ...] = ()
        if skill.in_ads is not None:  # the catalogue says how ads ask for it
            phrases = {name, *skill.in_ads.terms}
            unless = skill.in_ads.unless
        else:
            phrases = {name, skill.id.replace("-", " "), *skill.aliases}
        for phrase in sorted(phrases):
            # One- and two-letter aliases ("r", "ml") would match everywhere.
            if len(phrase.replace(" ", "")) > 2:
                term = compile_phrase(phrase, unless)
                named = skill.in_ads is not None and phrase != name and _is_product(phrase)
                product = phrase if named else None
                items.append(
                    VocabularyItem("skill", skill.id, skill.name, term, _cased(phrase), product)
                )
        for phrase in _field_phrases(skill.in_ads.fields if skill.in_ads is not None else ()):
            term = compile_phrase(phrase, unless, guard_end=True)  # the field may end it
            items.append(VocabularyItem("skill", skill.id, skill.name, term))
        for product in skill.in_ads.products if skill.in_ads is not None else ():
            # Matched as a name (see `_case_ok`): "SLURM" is Slurm, "a ray of" is not Ray.
            term = compile_phrase(product, unless)
            items.append(
                VocabularyItem("skill", skill.id, skill.name, term, product, product, named=True)
            )
    names = _tool_names(catalogue)
    seen = set(_catalogue_tool_names(catalogue))
    for name in names.values():
        cased = name if len(name) <= 3 else _cased(name)
        term = compile_phrase(name, _EVERYDAY_SENSES)
        items.append(VocabularyItem("tool", name, name, term, cased))
        for variant, spelling in _tool_variants(name):
            if variant.lower() not in names:  # "PySpark" may be a catalogue's tool of its own
                term = compile_phrase(variant)
                items.append(VocabularyItem("tool", name, name, term, spelling))
    other_names = _tool_phrases(catalogue, names)
    items += other_names
    # A skill's product that is another name of a tool ("Golang") is that tool too.
    seen.update(i.term.words[0].text for i in other_names if len(i.term.words) == 1)
    # A product a catalogue tool already names is that tool, not a tool it lacks.
    return tuple(
        i._replace(product=None) if i.product and i.product.lower() in seen else i for i in items
    )


# How ads ask for knowing a field of work: "experience in payments", "a background in
# banking", "knowledge of the insurance industry", "the retail sector", "two years in
# lending", "preferably in payments". Each cue takes its
# own preposition, so "knowledge graphs for clinical data" or "expertise: predicting risk"
# is no ask. A field named alone ("build payment systems", "credit models") says what the
# work is about, not that the hire must know the field; "payments experience" is left out
# too, since ads write "a health experience" for what customers get.
_FIELD_CUES = (
    "experience in",
    "experience with",
    "background in",
    "knowledge of",
    "understanding of",
    "expertise in",
    "familiarity with",
    "knowledge in",
    "experience of",
    "years in",
    "preferably in",
)
_FIELD_NOUNS = ("knowledge", "background", "expertise", "industry", "sector")


def _field_phrases(fields: tuple[str, ...]) -> list[str]:
    return [f"{cue} {field}" for field in fields for cue in _FIELD_CUES] + [
        f"{field} {noun}" for field in fields for noun in _FIELD_NOUNS
    ]


def _tool_names(catalogue: Catalogue) -> dict[str, str]:
    """Every single tool the roles name, lower-cased, with the spelling first used for it."""
    names: dict[str, str] = {}
    for role in catalogue.roles:
        for tool in role.tools:
            for name in tool.names:
                names.setdefault(name.lower(), name)
    return names


@lru_cache(maxsize=8)
def _catalogue_tool_names(catalogue: Catalogue) -> frozenset[str]:
    """The catalogue's tools, lower-cased, by their names and the variants ads write: an
    ad's list naming "Apache Spark" names no tool the catalogue lacks."""
    names = _tool_names(catalogue)
    variants = (variant for name in names.values() for variant, _ in _tool_variants(name))
    return frozenset(names) | {variant.lower() for variant in variants}


def _tool_phrases(catalogue: Catalogue, names: dict[str, str]) -> list[VocabularyItem]:
    """The phrases skills give for their tools ("large language model*" for LLMs), each
    found as that tool (`names`: `_tool_names`). A phrase for a tool no role has ever named
    is refused when the catalogue is checked."""
    items = []
    for skill in catalogue.skills:
        for entry in skill.in_ads.tools if skill.in_ads is not None else ():
            tool_name = names.get(entry.tool.lower())
            if tool_name is None:  # the tool's role was removed by a user's catalogue
                continue
            for phrase in entry.phrases:
                if phrase.lower() in names:  # "RLHF" may be a catalogue's tool of its own
                    continue
                term = compile_phrase(phrase)
                items.append(VocabularyItem("tool", tool_name, tool_name, term, _cased(phrase)))
    return items


def _tool_variants(name: str) -> list[tuple[str, str | None]]:
    """Other ways ads write a catalogue tool, each with the spelling it must have (None: any
    capitals). Ads mostly drop the foundation's name ("Spark" is Apache Spark) and name its
    Python interface ("PySpark", "Pyspark"); a name of capitalised words is also written as
    one ("PowerBI")."""
    variants: list[tuple[str, str | None]] = []
    if name.startswith("Apache "):
        short = name.removeprefix("Apache ")
        variants += [(short, short), (f"Py{short.lower()}", None)]
    words = name.split()
    if len(words) > 1 and all(word[:1].isupper() for word in words):
        variants.append(("".join(words), "".join(words)))
    return variants


def _is_product(phrase: str) -> bool:
    """One capitalised word that is not an acronym or a practice: a product's name."""
    return (
        re.fullmatch(r"[A-Z][\w+#]*", phrase) is not None
        and not phrase.isupper()
        and not _not_a_tool(phrase)
    )


def _cased(phrase: str) -> str | None:
    """An acronym must be written in capitals: "REST", not "the rest of the stack"; and a
    name that is an everyday word as the catalogue writes it: "Rust", not "rust"."""
    return phrase if re.fullmatch(r"[A-Z]{3,}", phrase) or phrase in _WORD_NAMES else None


def _case_ok(item: VocabularyItem, ad: ReadAd, start: int) -> bool:
    """Short tool names and acronyms must be written as the catalogue writes them ("Go",
    not "go"; "REST", not "rest"). A skill's product may also be written in other capitals
    ("SLURM", "Numpy", "Github Actions"), but not all in lower case unless its name is
    ("dbt"): "a ray of light" is not Ray."""
    if item.cased is None:
        return True
    token = ad.tokens[start]
    line = ad.lines[token.line - 1]
    end = token.start + len(item.cased)
    written = line[token.start : end]
    if written != item.cased:
        if not item.named or written.lower() != item.cased.lower():
            return False
        if written.islower() and not item.cased.islower():
            return False
    if len(item.cased) <= 2:  # "R&D" and "R/D" are not the R language, "R/Python" is
        return _AND_A_LETTER.match(line, end) is None
    # "pandas/NumPy" names pandas, but "Rays" is not Ray nor "SQLAlchemy" SQL.
    return not continues_a_word(line[end : end + 1])


def _a_verb_not_the_tool(item: VocabularyItem, ad: ReadAd, start: int) -> bool:
    """Whether a tool named by a verb ("Go", "Excel") is written as the verb here: in
    another form ("excels", "excelled") or where `_a_verb_here` says so. Its other names
    ("Golang") are never the verb."""
    senses = _VERB_SENSES.get(item.key) if item.kind == "tool" else None
    if senses is None or [w.text for w in item.term.words] != [item.key.lower()]:
        return False
    return ad.tokens[start].word != item.key.lower() or _a_verb_here(ad, start, senses)


def _text_before(line: str, at: int) -> str:
    """The line's text before offset `at`, without its bullet or heading marks."""
    prefix = line[:at]
    bullet = BULLET.match(prefix)
    return prefix[bullet.end() if bullet else 0 :].strip().lstrip(_MARKS).strip()


def _a_verb_here(ad: ReadAd, start: int, after: frozenset[str]) -> bool:
    """Whether a tool named by a verb is the verb here: opening a sentence before one of the
    words `after` it takes as a verb ("Go through the dashboards"; not "Go is a plus", "Go and
    Rust"), or joined to a word that makes it one ("Go-to-market", "a Go-getter", "Go/No-Go
    decisions"; not "Go-based services")."""
    token = ad.tokens[start]
    line = ad.lines[token.line - 1]
    end = token.start + len(token.word)
    following = ad.tokens[start + 1] if start + 1 < len(ad.tokens) else None
    if following is not None and following.line != token.line:
        following = None
    joint = line[end : following.start] if following is not None else ""
    previous = ad.tokens[start - 1] if start > 0 else None
    after_no = (
        previous is not None
        and previous.word == "no"
        and line[previous.start + len(previous.word) : token.start] == "-"
    )
    if after_no or re.match(r"/\s*no[\s-]?go\b", line[end:], re.I):
        return True  # "No-Go", "Go/No-Go", "Go/NoGo"
    if joint == "-" and following is not None:
        return following.word in after | {"getter", "getters"}
    before = _text_before(line, token.start)
    return (
        (not before or before[-1] in ".:;!?")
        and following is not None
        and not joint.strip()
        and following.word in after
    )


def extract(catalogue: Catalogue, ad: ReadAd) -> AdRequirements:
    """The catalogue skills and tools the ad asks for, and the tools it names that the
    catalogue does not know."""
    index = index_ad(ad)
    found: dict[tuple[str, str], Requirement] = {}
    tool_lines: set[int] = set()  # lines that name a catalogue tool
    known_words: set[str] = set()
    products: dict[str, UnknownTool] = {}  # products named by skills' phrases, not tools
    for item in vocabulary(catalogue):
        for start, last in occurrences(item.term, ad, index, COUNTED.__contains__):
            if not _case_ok(item, ad, start) or _splits_the_phrase(ad, start, last):
                continue
            if _a_verb_not_the_tool(item, ad, start):
                continue
            key = (item.kind, item.key)
            words = {t.word for t in ad.tokens[start : last + 1]}
            if item.kind == "skill" and not item.product:
                # Once a skill is asked for as required, another mention whose words are
                # known already changes nothing: skip the costly checks.
                asked = found.get(key)
                if asked is not None and asked.required and words <= known_words:
                    continue
                # A job named after a tool or product ("Kubernetes Engineer") still asks
                # for it; a team or job named after a skill does not.
                if _names_not_asks(ad, start, last):
                    continue
            token = ad.tokens[start]
            if item.kind == "tool":
                tool_lines.add(token.line)
            known_words.update(words)
            required = token.section is not Section.NICE
            if item.product and (item.named or _written_as(ad, token, item.product)):
                _add_tool(products, UnknownTool(item.product, token.line, required))
            previous = found.get(key)
            if previous is None or (required and not previous.required):
                quote = excerpt(ad.lines[token.line - 1], token.start)
                found[key] = Requirement(
                    item.kind, item.key, item.name, token.line, quote, required, token.section
                )
    _implied_skills(catalogue, found)
    items = sorted(found.values(), key=lambda r: (not r.required, r.line, r.kind, r.key))
    catalogue_tools = _catalogue_tool_names(catalogue)
    unknown = _unknown_tools(ad, tool_lines, known_words | catalogue_tools, products)
    return AdRequirements(tuple(items), unknown)


def _splits_the_phrase(ad: ReadAd, start: int, last: int) -> bool:
    """Whether the match runs across a list's separator or into a bracket still open at its
    last word: "data, experiments and models" does not ask for data models, nor "Foundation
    of MCP (Model Context Protocol)" for foundation models; "deep (reinforcement) learning"
    is deep learning. (`&` may belong to a name: "Weights & Biases".)"""
    if last == start:
        return False
    first, end = ad.tokens[start], ad.tokens[last]
    between = ad.lines[first.line - 1][first.start : end.start]
    opened = between.count("(") + between.count("[") > between.count(")") + between.count("]")
    return opened or any(mark in between for mark in ",;")


def _names_not_asks(ad: ReadAd, start: int, last: int) -> bool:
    """Whether the match names a team or a job, or a degree's subject, rather than asking
    for a skill."""
    line = ad.lines[ad.tokens[start].line - 1]
    return _names_a_team_or_job(ad, start, last, line) or _a_degree_subject(ad, start, line)


def _written_as(ad: ReadAd, token: Token, name: str) -> bool:
    """Whether the ad writes the name as the catalogue does: "Flask", not "a flask of"."""
    line = ad.lines[token.line - 1]
    return line[token.start : token.start + len(name)] == name


def _a_degree_subject(ad: ReadAd, start: int, line: str) -> bool:
    """Whether the match stands in a degree's list of subjects: "a degree in Mathematics,
    Statistics or …", "PhD in statistics", "a major such as Physics". The list ends at a
    sentence's end, a number, or a word that turns to something else ("… and 3+ years of
    machine learning", "… with hands-on Kubernetes")."""
    tokens = ad.tokens
    for back in range(start - 1, max(-1, start - 1 - _DEGREE_REACH), -1):
        token = tokens[back]
        after = tokens[back + 1]
        if (
            token.line != tokens[start].line
            or CLAUSE_END.search(line, token.start, after.start)
            or token.word in _DEGREE_STOPS
            or any(ch.isdigit() for ch in token.word)
        ):
            return False
        written = line[token.start : token.start + len(token.word)]
        if token.word not in _DEGREE_CUES and written not in _DEGREE_ABBREVIATIONS:
            continue
        following = [t.word for t in tokens[back + 1 : start]]
        if token.word in _SUBJECT_CUES:
            if following[:1] == ["matter"]:  # "the subject matter expert in ML" asks for ML
                return False
            # "a subject, for example mathematics"; a subject without one may stand in a
            # degree's phrase ("a degree in a quantitative subject (Mathematics"): look on.
            if following[:2] == ["for", "example"] or "in" in following[:3]:
                return True
            continue
        # "a degree in", "a major such as", "disciplines (among them"; not "a high degree
        # of autonomy", "major impact", "discipline among the people doing statistics".
        return bool({"in", "such"} & set(following[:3])) or following[:2] == ["among", "them"]
    return False


def _names_a_team_or_job(ad: ReadAd, start: int, last: int, line: str) -> bool:
    """A capitalised match, then at most two more capitalised words, then a team or job
    noun, with no punctuation between: "Machine Learning Infrastructure team", "Machine
    Learning Systems Engineer". A capital that opens a line or a sentence ("- Mentor
    engineers") says nothing, so a match there is never taken for a name."""
    tokens = ad.tokens
    first = tokens[start]
    before = _text_before(line, first.start)
    if not before or before[-1] in ".:;!?":
        return False

    def capitalised(at: int) -> bool:
        token = tokens[at]
        return token.line == first.line and line[token.start : token.start + 1].isupper()

    def joined(at: int) -> bool:  # nothing but spaces between this word and the one before
        previous = tokens[at - 1]
        gap = line[previous.start + len(previous.word) : tokens[at].start]
        return tokens[at].line == first.line and not gap.strip()

    if not all(capitalised(at) for at in range(start, last + 1)):
        return False
    for at in range(last + 1, min(len(tokens), last + 4)):
        if not joined(at):
            return False
        if tokens[at].word in _NAME_NOUNS:
            return True
        if not capitalised(at):
            return False
    return False


def _implied_skills(catalogue: Catalogue, found: dict[tuple[str, str], Requirement]) -> None:
    """A tool asked for asks for the skill it belongs to: R for other languages."""
    by_name: dict[str, str] = {}
    for skill in catalogue.skills:
        for phrase in (*skill.aliases, *(skill.in_ads.phrases if skill.in_ads else ())):
            by_name.setdefault(phrase.lower(), skill.id)
    for (kind, key), tool in list(found.items()):
        skill_id = by_name.get(key.lower()) if kind == "tool" else None
        if skill_id is None:
            continue
        skill = catalogue.skill(skill_id)
        previous = found.get(("skill", skill_id))
        if previous is None or (tool.required and not previous.required):
            found[("skill", skill_id)] = tool._replace(kind="skill", key=skill_id, name=skill.name)


def _not_a_tool(word: str) -> bool:
    """Capitalised words that are not tools: common ones, practices (DevOps), and plural
    acronyms (SLOs, LSTMs), which name things of a kind rather than a product."""
    return (
        word in _NOT_TOOLS
        or word.endswith("Ops")
        or _PLURAL_ACRONYM.fullmatch(word) is not None
        or _MEASURE.fullmatch(word) is not None
        or _LEVEL.fullmatch(word) is not None
        or (word.endswith("ing") and word[:1].isupper() and word[1:].islower())
    )


def _add_tool(tools: dict[str, UnknownTool], tool: UnknownTool) -> None:
    """Keep one entry a tool: the first required mention, else the first."""
    previous = tools.get(tool.name.lower())
    if previous is None or (tool.required and not previous.required):
        tools[tool.name.lower()] = tool


def _unknown_tools(
    ad: ReadAd, tool_lines: set[int], known: set[str], products: dict[str, UnknownTool]
) -> tuple[UnknownTool, ...]:
    """Tools the catalogue does not know: those its skills name (`products`), and those
    read from how ads write tools."""
    sections = {t.line: t.section for t in ad.tokens}
    tools: dict[str, UnknownTool] = dict(products)

    def add(name: str, number: int, section: Section) -> None:
        _add_tool(tools, UnknownTool(name, number, section is not Section.NICE))

    for number, line in enumerate(ad.lines, start=1):
        section = sections.get(number)
        if section not in COUNTED:
            continue
        for word, _, _ in words_of(line):
            # CamelCase names are tools (PyTorch, MLflow).
            if _TOOLISH.match(word) and word.lower() not in known and not _not_a_tool(word):
                add(word, number, section)
        if number not in tool_lines:  # a list of tools the catalogue partly knows
            continue
        for piece in _LIST_SPLIT.split(line):
            spans = words_of(piece)
            words = [w for w, _, _ in spans]
            if not words or len(words) > 2 or any(_not_a_tool(w) for w in words):
                continue
            # A name of two words is written with a space or a hyphen ("Vertex AI",
            # "Megatron-LM"); other text between them joins two names ("Python和PyTorch").
            joint = piece[spans[0][2] : spans[1][1]] if len(spans) == 2 else " "
            if joint.strip() not in ("", "-"):
                continue
            name = (joint.strip() or " ").join(words)
            if name.lower() in known or " ".join(words).lower() in known:
                continue
            if joint.strip() == "-" and any(w.lower() in known for w in words):
                continue  # a known name with a suffix ("Go-Lang", "Go-Entwicklung")
            if not all(w[:1].isupper() for w in words):
                continue
            add(name, number, section)

    def place(tool: UnknownTool) -> tuple[bool, int, int]:
        # In the ad's order, within a line too ("CUDA, dbt and Vertex AI"); a name joined
        # from a list item ("Google  Looker") that the line spells otherwise goes last.
        line = ad.lines[tool.line - 1]
        at = line.lower().find(tool.name.lower())
        return not tool.required, tool.line, at if at >= 0 else len(line)

    return tuple(sorted(tools.values(), key=place))


def asked(asks: AdRequirements) -> list[tuple[str, list[str]]]:
    """The requirements as a person reads them: (heading, names) for required skills and
    tools, nice-to-haves, and tools the catalogue does not know."""
    # A skill and a tool of the same name (Python, CI/CD) are said once.
    required = list(dict.fromkeys(r.name for r in asks.items if r.required))
    nice = list(
        dict.fromkeys(r.name for r in asks.items if not r.required and r.name not in required)
    )
    unknown = [t.name + ("" if t.required else " (nice to have)") for t in asks.unknown_tools]
    return [
        ("Required", required),
        ("Nice to have", nice),
        ("Not in the catalogue", unknown),
    ]
