"""Reading a job ad the way a careful person does, before any role is scored.

A real ad is mostly not about the work: a company blurb, benefits, legal text, teams the
hire works *with*, things the hire will *not* do, a nice-to-have list. This module finds
the ad's title and its sections, splits its text into words (without inflections, so
`deploys`, `deployed` and `deploying` are one word), and marks each word with what it may count
for: its section, and whether it sits in a negated clause or names a collaborator.
Everything here runs in time linear in the ad's length (no backtracking patterns over
the text; words longer than `MAX_WORD` are ignored).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

MAX_WORD = 40
MAX_TITLE_WORDS = 12  # a longer first line is a sentence as well as the title
MAX_TITLE_CHARS = 200  # a title is cut here; a longer line below it is no title


def _bar(text: str, sep: str = "|") -> tuple[str, ...]:
    """A word list written as one string, to keep long lists short on the page."""
    return tuple(text.split(sep))


class Section(str, Enum):
    """Kinds of section in a job ad, in the words a person would use for them."""

    TITLE = "title"
    INTRO = "intro"
    COMPANY = "about the company"
    ROLE = "about the role"
    DUTIES = "responsibilities"
    REQUIREMENTS = "requirements"
    NICE = "nice to have"
    BENEFITS = "benefits and legal"
    DETAILS = "page details"  # "Location: …", "Category: …": the job board's fields


# Heading cues, tried in order: the first kind whose cue a heading contains wins, so the
# more specific cues ("preferred qualifications") come before the general ones.
_HEADING_CUES: tuple[tuple[Section, tuple[str, ...]], ...] = (
    (
        Section.NICE,
        _bar(
            "nice to have|nice-to-have|preferred|bonus|desirable|plus|good to have|"
            "great to have|extra credit|ideally|even better|would be great|not required|optional"
        ),
    ),
    (
        Section.BENEFITS,
        _bar(
            "benefit|what we offer|we offer|perks|why join|why you|compensation|salary|"
            "pay range|equal opportunit|eeo|diversity|inclusion|how to apply|our commitment|"
            "accommodation|location|working at|life at|what's in it|rewards|package|privacy|"
            "disclaimer|additional information|apply|our culture|culture|values|"
            "total rewards|hiring process|interview process"
        ),
    ),
    (
        Section.DUTIES,
        _bar(
            "responsibilit|what you'll do|what you will do|what you\u2019ll do|duties|"
            "your role|in this role|day to day|day-to-day|key tasks|you will|you'll|"
            "your impact|what you'll be doing|the work|accountabilit|your mission|tasks|"
            "what you will be doing|job description|role description|key activities|"
            "main activities|what you'll work on|scope|your job|the job|impact|"
            "what you will work on|job functions|essential functions"
        ),
    ),
    (
        Section.REQUIREMENTS,
        _bar(
            "requirement|qualification|what you bring|what we're looking for|"
            "what we are looking for|what we\u2019re looking for|skills|experience|about you|"
            "who you are|you have|must have|must-have|required|you bring|profile|competenc|"
            "essential|your background|we're looking for|we are looking for|"
            "ideal candidate|we need|knowledge|education|what you need|what you'll need|"
            "expertise|the candidate|candidate"
        ),
    ),
    (
        Section.ROLE,
        _bar(
            "about the role|about this role|about the team|about this team|"
            "about the position|about this position|about the job|about this job|"
            "about the opportunity|the role|the team|role summary|role overview"
        ),
    ),
    (
        Section.COMPANY,
        _bar(
            "about us|about the company|who we are|our company|company|our mission|"
            "our story|about|overview of|the organisation|the organization|our client|"
            "the client|employer"
        ),
    ),
    (
        Section.ROLE,
        _bar(
            "the role|the team|role|team|overview|summary|opportunity|position|the job|"
            "purpose|mission|introduction|context|description"
        ),
    ),
)


# Headings that name the job as a post, a project or a placement, matched whole: "About the
# post", "What the traineeship is about", "Project" (a contractor's posting). As substrings
# of the cues above they made "Own the post-training stack" and "Project management"
# headings, and "about" made the first two the company's blurb.
_JOB_HEADING = re.compile(
    r"(?:about |what )?(?:the |this |our )?(?:posts?|projects?|internship|traineeship|"
    r"placement|fellowship|vacancy|postdoc)"
    r"(?: description| overview| summary| is about| involves?)?"
)


JOB_NOUNS = frozenset(
    _bar(
        "engineer scientist developer analyst architect manager researcher owner lead specialist "
        "consultant advocate",
        " ",
    )
)
"""The last word of a job title: "Data Scientist", "Product Owner"."""
# "About Product Manager, Financial Fraud" heads the job, not the company's blurb; so do an
# intern's and a postdoc's, but not the job nouns that also name companies ("About Advocate
# Health", "About Owner.com", "About Lead Bank").
_HEADING_JOB_NOUNS = (JOB_NOUNS - {"owner", "lead", "specialist", "consultant", "advocate"}) | {
    "intern",
    "postdoc",
}
_JOB_HEADING_NAME = re.compile(r"about (?!the |our |your |a |an )(?P<name>[^.]*)$")


def _names_the_job(lowered: str) -> bool:
    """Whether an "About …" heading names a job ("About Product Manager"), not a company
    ("About Scientist.com") or people ("About the hiring manager", "About our engineers")."""
    heading = _JOB_HEADING_NAME.fullmatch(lowered.rstrip(":*_ "))
    if heading is None:
        return False
    return any(word in _HEADING_JOB_NOUNS for word in re.findall(r"[a-z]+", heading["name"]))


# Inline cues that make one line count as nice-to-have, whatever its section.
_NICE_LINE = re.compile(
    r"\b(nice to have|nice-to-have|is a (big )?plus|a plus|preferred|bonus points?|"
    r"bonus|desirable|ideally|would be (great|nice|an advantage)|an advantage|"
    r"advantageous|not required|familiarity with)\b",
    re.IGNORECASE,
)

# A job board's fields ("Job Title: …", "Category: …", "Reports to: …") or a run of
# short facts joined by middots: about the posting, not the work.
_DETAILS_LINE = re.compile(
    r"^\W*(job title|title|category|department|location|type|employment type|level|"
    r"seniority|role|reports to|posted|date posted|salary|industry|function|job id|req id|"
    r"requisition|team|company|employer|work mode|workplace|experience level|job type|schedule)"
    r"\s*[:|]"
    r"|^[^.]{0,80}\u00b7[^.]{0,80}\u00b7",
    re.IGNORECASE,
)
# A job board's tags ("Job family: Data Science", "Area: Machine Learning", "Sector:
# Fintech"): page details only when what follows is a tag, not a sentence asking something
# ("Teams: you will mentor engineers", "Sector: experience in banking required").
_TAG_LINE = re.compile(
    r"^\W*(?:job family|speciali[sz]ation|directorate|division|business unit|areas?|field|"
    r"sector|teams)\s*[:|](?P<value>.*)$",
    re.IGNORECASE,
)
_SENTENCE_WORDS = frozenset(_bar("you your we our will must should required experience", " "))
MAX_TAG_WORDS = 12


def _is_tag_line(line: str) -> bool:
    tag = _TAG_LINE.match(line)
    if tag is None:
        return False
    words = [word.lower() for word, _, _ in words_of(tag["value"])]
    return len(words) <= MAX_TAG_WORDS and _SENTENCE_WORDS.isdisjoint(words)


# When the posting went up: "Published Jan 20, 2026", "Posted on 18/07/2019", "Posted
# 08-Jun-2026", "Published March 2025", "Posted 3 days ago", "Publication date", "Published
# externally only". The page's details, not a research
# output the job asks for: "Published 3+ papers", "Published novel research" and
# "Published on arXiv" are asks, so a date's shape must follow, not just any number or word.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_A_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
    rf"{_MONTH},?\s+\d{{4}}\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}\b|\d{{1,2}}/(?:19|20)\d\d\b|"
    r"(?:19|20)\d\d[01]\d[0-3]\d\b|"
    r"(?:19|20)\d\d\W*$|(?:(?:over|about|almost|nearly|more than)\s+)?"
    r"(?:\d+\+?|an?|one|a few|several)\s+(?:hour|day|week|month|year)s?\s+ago\b|"
    r"today\b|yesterday\b|just now\b)"
)
# After a colon: a date, maybe after its weekday ("Friday 21 November 2025", "Fri, 21 Nov
# 2025"), or a year before other fields ("2023 - Open until filled"); not "Published: 3+
# papers at NeurIPS".
_DATED = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?{_A_DATE}"
    r"|(?:19|20)\d\d\b(?!\s*\w)"
)
_POSTED = r"^\W*(?:published|posted|publication date|date published|date of publication)"
_DATE_LINE = re.compile(
    _POSTED
    + rf"(?:\s*$|\s*:\s*(?:$|{_DATED})|\s+(?:on\s*:?\s*)?{_A_DATE}|\s+(?:externally|internally)\b)",
    re.IGNORECASE,
)


# A full date after a colon is the posting's date even in a bullet ("• Published on: 29
# November 2019"), where a date's shape alone may be an ask ("- Published 2-3 papers at
# NeurIPS", "- Published: 2023, 2024 first-author papers").
_COLON_DATE = re.compile(_POSTED + rf"(?:\s+on)?\s*:\s*{_A_DATE}", re.IGNORECASE)


def _is_field_line(line: str) -> bool:
    """A job board's field ("Location: Bonn") or the posting's date: the page, not the work.
    A bullet is the posting's date only with a colon before the date."""
    dated = _DATE_LINE.search(line) is not None and (
        not BULLET.match(line) or _COLON_DATE.search(line) is not None
    )
    return bool(_DETAILS_LINE.search(line)) or dated or _is_tag_line(line)


# A field line longer than this is prose that starts with a field ("Team: AI Agents. We
# operate agents that ..."): it is read as the section it stands in.
MAX_DETAILS_WORDS = 30
# Inline legal and culture boilerplate, wherever it stands: it never describes the work.
_LEGAL_LINE = re.compile(
    r"\b(equal (employment )?opportunit|without regard to|sexual orientation|veteran status|"
    r"reasonable accommodation|inclusive (culture|workplace|environment)|"
    r"we (are|re) committed to (diversity|inclusion|creating)|protected (characteristic|class)|"
    r"background check|visa sponsorship|salary range|base pay|benefits? (package|include))",
    re.IGNORECASE,
)

# Letters, digits, "+" and "#": "Réseaux" is one word, not "R" and "seaux". Scripts whose
# ads write a Latin name straight after their own letters end a word: those written without
# spaces (Chinese, Japanese, Korean as ads write it, Thai, Lao, Khmer, Burmese: "熟悉Python和
# PyTorch", "และSQL") and those that join a conjunction to the next word (Arabic, Hebrew:
# "وSQL"). The catalogue's terms are in Latin letters; these are no words of its own.
_UNSPACED = (
    "\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3000-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f"
)
_LETTER = rf"[^\W_{_UNSPACED}]"
_WORD = re.compile(rf"{_LETTER}(?:{_LETTER}+|[+#]+)*")
_A_LETTER = re.compile(_LETTER)


def continues_a_word(char: str) -> bool:
    """Whether `char` would make the word before it longer: "Rays" is no "Ray", but
    "AWS経験" is AWS."""
    return _A_LETTER.fullmatch(char) is not None


# The marks a list item opens with: hyphen, asterisk, bullets, squares, circles and dashes.
BULLET_MARKS = "-*\u2022\u00b7\u2023\u25e6\u25aa\u25cf\u25a0\u2013\u2014"
BULLET = re.compile(rf"^\s*([{BULLET_MARKS}]|\d{{1,2}}[.)])\s+")


def _trim(text: str, lead: Callable[[str], bool], trail: Callable[[str], bool]) -> str:
    """The text without the characters `lead` accepts at its start and `trail` at its end.
    A scan, not a regex: `[*_:\\s]+$` took quadratic time on a line with a long run of
    spaces inside it."""
    start, end = 0, len(text)
    while start < end and lead(text[start]):
        start += 1
    while end > start and trail(text[end - 1]):
        end -= 1
    return text[start:end]


def _unmarked(text: str) -> str:
    """The text without Markdown's marks around it (`## `, `**`, `> `) or a closing colon."""
    return _trim(text, lambda c: c in "#>*_" or c.isspace(), lambda c: c in "*_:" or c.isspace())


# A clause ends at sentence punctuation, a semicolon, a colon or a line break.
CLAUSE_END = re.compile("[.;:!?](?:\\s|$)|\\s[-\u2013\u2014]\\s")

_NEGATION = frozenset(_bar("not no never without nor neither cannot instead rather unlike", " "))
# The word before the "t" of a contraction ("won't" is read as "won", "t").
_CONTRACTED = frozenset(_bar("don won isn aren doesn didn can shouldn wouldn wasn weren", " "))
# Words after which the rest of a clause names who the hire works with, not the work.
_COLLABORATION = tuple(
    tuple(cue.split())
    for cue in _bar(
        "work with|working with|works with|partner with|partnering with|partners with|"
        "collaborate with|collaborating with|collaborates with|together with|liaise with|"
        "liaising with|interface with|alongside|closely with|supported by|report to|"
        "reports to|reporting to|member of|join our|join a|join the|joining our|joining a|"
        "joining the|teams of|including|such as|across|between|support our|support the|"
        "supporting our|supporting the|serve|embedded in|embedded with"
    )
)
# Nouns for people and teams: a role name followed by one of these is someone else.
PEOPLE = frozenset(
    _bar(
        "engineer engineers scientist scientists researcher researchers analyst analysts "
        "manager managers owner owners architect architects advocate advocates developer "
        "developers team teams colleague colleagues counterpart counterparts partner partners "
        "stakeholder stakeholders group groups function functions department departments "
        "org orgs organisation organization specialist specialists expert experts lead leads "
        "leader leaders practitioner practitioners folks people peers",
        " ",
    )
)

_TITLE_REACH = 6  # the lines, not counting blank ones, a title may stand on
_NAME_WORDS = 3  # a first line this short without a role may be the employer's name
_FURNITURE_CHARS = 120  # the longest line read as a job board's buttons, place or date
_TITLE_FIELD = re.compile(r"^(job\s+)?(title|position|role)\s*(:|\s[-\u2013]\s)\s*", re.IGNORECASE)
# What a page copied whole opens with before the posting's title: the job board's buttons,
# badges and logo, a location, the date or the age of the posting.
_NOT_A_TITLE = re.compile(
    r"^(back to\b.*|new|(easy )?apply( now)?|save( job)?|share( job)?|bookmark|sign in|log ?in"
    r"|menu|home|skip to\b.*|jobs?|careers?|remote|hybrid|on-?site|full[- ]time|part[- ]time"
    r"|\d+% remote\b.*|.*\blogo|(first )?(listed|posted|published)\b.*|.*\b\d+\+? (days?"
    r"|hours?|weeks?|months?) ago|location\b.*"
    r"|.*[\u203a\u00bb>].*[\u203a\u00bb>].*)$",  # the last: breadcrumbs, "Home > Jobs > ML"
    re.IGNORECASE,
)
# "New York, NY, USA", "Los Angeles, CA 90001", "Paris, FR" (capitals as written)
_PLACE = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)*, [A-Z]{2}(?: \d{5})?(?:, [A-Z][\w .'-]+)?$")
# Nouns that job titles end in or turn on: a line with one of them can be a title.
_ROLE_NOUN = re.compile(
    r"\b(engineers?|scientists?|analysts?|developers?|architects?|manager|researchers?"
    r"|intern(ship)?|owner|lead|specialist|consultant|director|head|postdoc(toral)?|fellow"
    r"(ship)?|phd|student|associate|officer|advocate|programmer|mlops|devops|expert|leader"
    r"|technician|trainee|apprentice|professor|assistant|position|vacancy|advis[eo]r"
    r"|post-doc|opportunity)\b",
    re.IGNORECASE,
)

# The headings job boards put over a posting's text, which a copy of it starts with.
_PANE_HEADINGS = frozenset(
    {
        "about the job",
        "about this job",
        "about the role",
        "about this role",
        "about the position",
        "full job description",
        "job description",
        "job details",
        "job summary",
        "job overview",
        "role description",
        "role overview",
        "position description",
        "position summary",
        "description",
        "overview",
        "summary",
        "the role",
    }
)


class Token(NamedTuple):
    """One word of the ad, as it may count as evidence."""

    stem: str
    word: str  # the word as written, lower-cased
    line: int  # 1-based line number in the ad
    start: int  # offset of the word in its line
    section: Section
    negated: bool
    collaboration: bool  # inside a clause that names whom the hire works with


class ReadAd(NamedTuple):
    """An ad as a sequence of words with their context, plus its title and lines."""

    title: str | None
    title_line: int
    lines: tuple[str, ...]
    tokens: tuple[Token, ...]
    sections: tuple[tuple[int, Section], ...]  # (first line, kind) of each section found
    words: int


# Words whose inflected forms mean something else in a job ad: kept as written.
_KEEP = frozenset(_bar("clustering clusters cluster data analytics series news always", " "))
_DOUBLED = frozenset(_bar("bb dd ff gg mm nn pp rr tt", " "))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word without its inflection, lower-cased: `deploys`, `deployed`, `deploying`
    become `deploy`; `models` and `modelling` become `model`.

    Only inflections are removed, never derivations: `production` stays apart from
    `product`, `engineer` from `engine`, `excellent` from `Excel`, `generative` from
    `generation`, as a general-purpose stemmer (Porter, Snowball) would merge them.
    """
    w = word.lower()
    if len(word) >= 3 and word.endswith("s") and word[:-1].isupper():
        return w[:-1]  # GPUs, APIs, LLMs
    if len(w) <= 3 or not w.isalpha() or w in _KEEP:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif w.endswith("ing") and len(w) >= 6:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) >= 5 and not w.endswith("eed"):
        w = _undouble(w[:-2])
    if w.endswith("e") and len(w) >= 4 and not w.endswith(("ee", "ye")):
        w = w[:-1]  # `manage` and `managed` meet at `manag`
    return w


def _undouble(w: str) -> str:
    if w[-2:] in _DOUBLED or w.endswith("ell"):  # running, modelling; not install
        return w[:-1]
    return w


def words_of(text: str) -> list[tuple[str, int, int]]:
    """The words of `text` as (word, start, end): letters, digits, `+` and `#`."""
    return [
        (m.group(), m.start(), m.end())
        for m in _WORD.finditer(text)
        if m.end() - m.start() <= MAX_WORD
    ]


def stems_of(text: str) -> tuple[str, ...]:
    """The stems of a phrase's words: how a term and the ad are compared."""
    return tuple(stem(word) for word, _, _ in words_of(text))


# How titles say the same thing in other words: "Machine Learning Engineer", "ML Engineer".
_TITLE_SYNONYMS = (
    (re.compile(r"\bmachine[\s-]+learning\b", re.IGNORECASE), "ML"),
    (re.compile(r"\bartificial[\s-]+intelligence\b", re.IGNORECASE), "AI"),
    # "Machine Learning Operations Engineer", "ML Ops Engineer": the MLOps engineer's title.
    (re.compile(r"\bML[\s-]+op(?:eration)?s\b", re.IGNORECASE), "MLOps"),
    (re.compile(r"\bsr\.?(?=\s)", re.IGNORECASE), "Senior"),
    (re.compile(r"\bjr\.?(?=\s)", re.IGNORECASE), "Junior"),
)


def title_text(text: str) -> str:
    """A title in its short forms: "Sr. Machine Learning Engineer" as "Senior ML Engineer"."""
    for pattern, replacement in _TITLE_SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


def title_stems(text: str) -> tuple[str, ...]:
    """The stems of a title's words, in its short forms (`title_text`)."""
    return stems_of(title_text(text))


def heading_kind(line: str) -> Section | None:
    """The kind of section a line heads, if it is a heading."""
    stripped = line.strip()
    if not stripped or BULLET.match(stripped):
        return None
    marked = stripped.startswith("#") or (stripped.startswith("**") and stripped.endswith("**"))
    text = _unmarked(stripped)
    ends_colon = stripped.rstrip("*_ ").endswith(":")
    n_words = len(text.split())
    if not text or n_words > 9:
        return None
    if not (marked or ends_colon or n_words <= 6) or text.endswith((".", ",", ";")):
        return None
    if not ends_colon and _is_field_line(text):
        # A job board's field with its value ("Location: Bonn") heads nothing: read as a
        # heading, it put the rest of the ad under benefits or company.
        return None
    lowered = text.lower()
    if _JOB_HEADING.fullmatch(lowered.rstrip(":*_ ")) or _names_the_job(lowered):
        return Section.ROLE
    for kind, cues in _HEADING_CUES:
        if any(cue in lowered for cue in cues):
            return kind
    return None


def _unsymbolled(text: str) -> str:
    """The text without the bullets, emoji and arrows around it."""
    return _trim(
        text, lambda c: not (c.isalnum() or c in "(_"), lambda c: not (c.isalnum() or c in ")_")
    )


def _pane_heading(line: str) -> bool:
    """Whether the line is a job board's pane heading, perhaps after an icon the page's
    encoding garbled ("πŸ“ Job Overview")."""
    words = line.lower().split()
    return " ".join(words) in _PANE_HEADINGS or (
        len(words) >= 2 and " ".join(words[1:]) in _PANE_HEADINGS and len(words[0]) <= 4
    )


def _title(lines: list[str]) -> tuple[str | None, int]:
    """The ad's title and its line: the first line, unless a page copied whole opens with
    what a job board puts around a posting ("Back to jobs", "New", "Pearson logo", a
    location or a date), with a section, or with the employer's name over the title."""
    first: tuple[str, int] | None = None
    skipped = False  # a job board's buttons, a location or a date came first
    pane = False  # under a job board's pane heading only a "Job title:" field is a title
    looked = 0
    for number, raw in enumerate(lines, start=1):
        line = _unmarked(raw)
        if not line or re.fullmatch(r"<!--.*-->", line):  # a Markdown comment is not shown
            continue
        looked += 1
        if looked > _TITLE_REACH:
            break
        bare = _unsymbolled(line)  # "📍 Job Overview", "• Job Title: …", "Apply now »"
        named = _TITLE_FIELD.sub("", bare)
        if named != bare:  # "Job title: Data Scientist"
            return (named[:MAX_TITLE_CHARS].strip() or None), number
        # An ad copied from a job board's description pane opens with the pane's heading
        # ("About the job", "Full job description"): a section, and the ad has no title.
        if pane or _pane_heading(bare):
            pane = first is None
            if not pane:
                break
            continue
        field = _is_field_line(bare)  # "Reports to: Head of Data" names no title
        # A job board's furniture is short: long lines are not matched (linear time).
        short = len(bare) <= _FURNITURE_CHARS
        aside = field or (short and (_NOT_A_TITLE.search(bare) or _PLACE.search(bare)))
        heading = heading_kind(raw) is not None
        if first is None:
            if _ROLE_NOUN.search(line) and not field and not heading:
                return line[:MAX_TITLE_CHARS].strip(), number
            if aside:
                skipped = True
                continue
            if heading and (skipped or len(bare.split()) <= 2 or raw.strip() != line):
                # The ad opens with a section ("Responsibilities", "## About us", "What you
                # will do" under a job board's buttons): it has no title. A longer plain
                # first line with a heading's word in it is a title ("Senior Data Science
                # Role", "Capital Allocation Quant").
                break
            first = (line, number)
            if len(line.split()) > _NAME_WORDS:
                break  # a title without a role in it, or a sentence: the ad's first line
            continue
        # After a name ("Klarna"), past a location or a date, a short line naming a role is
        # the title.
        if aside:
            continue
        if heading or len(line.split()) > MAX_TITLE_WORDS:
            break
        if _ROLE_NOUN.search(line) and not line.endswith("."):
            return line[:MAX_TITLE_CHARS].strip(), number
    return (first[0][:MAX_TITLE_CHARS].strip(), first[1]) if first and not pane else (None, 0)


def read_ad(text: str, *, plain: bool = False) -> ReadAd:
    """The ad's title, sections and words, each word with the context it counts in.

    With `plain`, the text is read as one run of duties: no title, no headings.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title, title_line = (None, 0) if plain else _title(lines)
    # Lines above the title are the page's furniture ("Easy Apply", "Home > Jobs"): no
    # headings, and read as page details.
    headings = [
        (n, None if plain or n < title_line else heading_kind(line))
        for n, line in enumerate(lines, start=1)
    ]
    has_headings = any(kind is not None for n, kind in headings if n != title_line)
    section = Section.INTRO if has_headings else Section.DUTIES
    sections: list[tuple[int, Section]] = []
    tokens: list[Token] = []
    for (number, kind), line in zip(headings, lines, strict=False):
        if number < title_line:
            tokens += _line_tokens(line, number, Section.DETAILS)
            continue
        if number == title_line:
            sections.append((number, Section.TITLE))
            # A first line that is a sentence, not a title ("We are looking for a data
            # scientist to build..."), is read as the ad's opening too.
            if len(line.split()) > MAX_TITLE_WORDS:
                tokens += _line_tokens(line, number, Section.INTRO)
            continue
        if kind is not None:
            section = kind
            sections.append((number, kind))
            continue
        line_section = section
        if _is_field_line(line) and len(line.split()) <= MAX_DETAILS_WORDS:
            line_section = Section.DETAILS
        elif _LEGAL_LINE.search(line):
            line_section = Section.BENEFITS
        elif section in (Section.REQUIREMENTS, Section.DUTIES, Section.ROLE, Section.INTRO) and (
            _NICE_LINE.search(line)
        ):
            tokens += _nice_sentences(_line_tokens(line, number, line_section), line)
            continue
        tokens += _line_tokens(line, number, line_section)
    return ReadAd(
        title, title_line, tuple(lines), tuple(tokens), tuple(sections), len(text.split())
    )


# A sentence ends at . ! ? or ; before more text or the line's end, outside brackets and not
# after an abbreviation: "(e.g. AWS or GCP) is a plus" and "etc." end nothing.
_SENTENCE_END = re.compile(r"[.!?;](?=\s+\S|\s*$)")
_ABBREVIATIONS = frozenset(_bar("e.g eg i.e ie etc approx incl vs cf al no fig resp esp", " "))


def _sentence_ends(line: str) -> list[int]:
    ends = []
    depth = seen = 0  # open brackets before the match; where counting stopped
    for match in _SENTENCE_END.finditer(line):
        depth += line.count("(", seen, match.start()) - line.count(")", seen, match.start())
        seen = match.start()
        # The word before the mark (a short look back keeps long lines linear).
        tail = line[max(0, match.start() - 12) : match.start()].rsplit(None, 1)
        word = tail[-1].lower().strip("(") if tail else ""
        if word in _ABBREVIATIONS or depth > 0:
            continue
        ends.append(match.end())
    return ends


def _nice_sentences(tokens: list[Token], line: str) -> list[Token]:
    """The line's tokens, those of its sentences with a nice-to-have cue as nice to have: in
    a paragraph on one line ("You will build X and Y. Z is a big plus."), the cue speaks
    of its own sentence, not of the duties before it. A cue before a colon ("Nice to have:
    Docker; Kubernetes") heads the rest of the line. "Kubernetes not required" is no cue
    where its words are not asked at all (`_negate_if_not_asked`)."""
    starts = [0, *_sentence_ends(line), len(line) + 1]
    nice: list[tuple[int, int]] = []
    cued = False
    for a, b in itertools.pairwise(starts):
        cues = list(_NICE_LINE.finditer(line, a, min(b, len(line))))
        cued = cued or bool(cues)
        if not cues or _said_not_asked(tokens, a, b, cues):
            continue
        heads = any(line[cue.end() :].lstrip().startswith(":") for cue in cues)
        nice.append((a, len(line) + 1 if heads else b))
    if not cued:  # a cue that spans a sentence end: the line as a whole
        nice = [(0, len(line) + 1)]
    # The spans are in order and do not overlap, nor do the tokens: one sweep marks them.
    marked = list(tokens)
    starts_at = [token.start for token in tokens]
    for a, b in nice:
        for at in range(bisect.bisect_left(starts_at, a), bisect.bisect_left(starts_at, b)):
            marked[at] = tokens[at]._replace(section=Section.NICE)
    return marked


def _said_not_asked(tokens: list[Token], a: int, b: int, cues: list[re.Match[str]]) -> bool:
    """Whether the sentence's only cues are "not required" and the words before it were
    read as not asked."""
    if any(cue.group().lower() != "not required" for cue in cues):
        return False
    starts_at = [token.start for token in tokens]
    inside = tokens[bisect.bisect_left(starts_at, a) : bisect.bisect_left(starts_at, b)]
    return any(
        token.word == "not" and previous.negated for previous, token in itertools.pairwise(inside)
    )


def _line_tokens(line: str, number: int, section: Section) -> list[Token]:
    out: list[Token] = []
    clause_starts = [0] + [m.end() for m in CLAUSE_END.finditer(line)]
    words = words_of(line)
    clause = 0
    negated = collaboration = False
    previous = ""
    opened = 0  # where the clause's tokens start in `out`
    for word, start, _end in words:
        while clause + 1 < len(clause_starts) and start >= clause_starts[clause + 1]:
            _negate_if_not_asked(out, opened, line)
            clause += 1
            negated = collaboration = False
            previous = ""
            opened = len(out)
        lowered = word.lower()
        if lowered in _NEGATION or (lowered == "t" and previous in _CONTRACTED):
            negated = True
        elif lowered == "but":  # "X is not required, but Y is a must": Y is asked
            negated = False
        if (previous, lowered) in _COLLABORATION_PAIRS or lowered in _COLLABORATION_SINGLE:
            collaboration = True
        out.append(Token(stem(word), lowered, number, start, section, negated, collaboration))
        previous = lowered
    _negate_if_not_asked(out, opened, line)
    return out


# "Publications are not required", "Kubernetes not needed", "German is not required": the
# few words before the negation are not asked for. Only those words: back to a comma, a
# bracket or "but" ("Python required, Kubernetes not required" still asks for Python), and
# not at all after a longer run ("Build pipelines in Airflow where manual work is not
# needed" still asks for pipelines), nor where the clause welcomes them ("nice but not
# required", which a nice-to-have cue reads).
_NOT_ASKED = frozenset(_bar("required needed necessary expected mandatory", " "))
_WELCOMED = frozenset(
    _bar(
        "nice welcome welcomed helps helpful useful plus bonus advantage advantageous "
        "preferred asset valued desirable appreciated",
        " ",
    )
)
_HEDGES = frozenset(_bar("strictly necessarily absolutely always really", " "))
_NOT_ASKED_REACH = 6  # words before the negation that it may speak of
_COPULA = frozenset(_bar("is are be was were isn aren wasn weren", " "))


def _negate_if_not_asked(tokens: list[Token], opened: int, line: str) -> None:
    clause = tokens[opened:]
    words = [token.word for token in clause]
    if _WELCOMED.intersection(words):
        return
    for at in range(1, len(clause)):
        if words[at] not in _NOT_ASKED:
            continue
        negation = at - 2 if words[at - 1] in _HEDGES else at - 1  # "not strictly required"
        if negation < 0 or words[negation] not in ("not", "no", "t"):
            continue
        # In a duty, "manual steps are not needed" describes the work: only a short
        # "X is not required" there says what the job does not ask.
        listed = clause[at].section in (Section.REQUIREMENTS, Section.NICE)
        reach = _NOT_ASKED_REACH if listed else 3
        if not listed and words[at] != "required":
            continue
        start = negation  # back past "is", "are" ("isn't" is read as "isn", "t")
        while start > 0 and words[start - 1] in _COPULA:
            start -= 1
        first = start  # back to a comma, a bracket or "but", no further than it may reach
        while first > 0 and start - first <= reach:
            gap = line[clause[first - 1].start : clause[first].start]
            if any(mark in gap for mark in ",()") or words[first - 1] == "but":
                break
            first -= 1
        if 0 < start - first <= reach:
            negated = [token._replace(negated=True) for token in clause[first : at + 1]]
            clause[first : at + 1] = negated
    tokens[opened:] = clause


_COLLABORATION_PAIRS = frozenset(w for w in _COLLABORATION if len(w) == 2)
_COLLABORATION_SINGLE = frozenset(w[0] for w in _COLLABORATION if len(w) == 1)
