"""The catalogue's data model.

One YAML file holds a `CatalogueFile`: any of sources, skills, roles and contrasts. The
bundled catalogue is several such files merged into one `Catalogue` (see `catalogue.py`).

Every fact a role carries is *cited*: it names the source documents (by file name) it
was paraphrased from, so a reader can check it and `show --sources` can print it.
"""

import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError


def _not_boolean(value: Any) -> Any:
    """Refuse a boolean where a number belongs: YAML reads `on` and `yes` as true, and
    pydantic would take true as 1. The published schema refuses booleans there too."""
    if isinstance(value, bool):
        raise PydanticCustomError("bool_not_number", "a boolean is not a number")
    return value


StrictNumber = BeforeValidator(_not_boolean)
"""Marks an int or float field that refuses booleans."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
"""A kebab-case identifier such as `ml-engineer`."""

SourceId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=120)
]
"""A source's id, e.g. `howell-top-ml-roles`; older catalogues cite a source by the seed
document's file name (`000_2d9966c018cdad27`), which the source keeps as an alias."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Refuse control characters: they would reach the user's terminal (ESC, BEL, ...)."""
    found = _CONTROL.search(text)
    if found:
        raise ValueError(f"control character U+{ord(found.group()):04X} is not allowed in text")
    return text


# In a name or alias: line breaks and tabs (a newline in a name forges an extra record in
# plain output), bidi controls (they reorder what is shown), and zero-width characters
# ("ML engineer\u200b" would look exactly like "ML engineer").
_NOT_IN_NAMES = re.compile("[\t\n\r\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\u180e\ufeff]")
_NAMES_OF = {
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a line break",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}


def _one_visible_line(text: str) -> str:
    """Refuse what would make a short text (a name, alias, title) look like something else."""
    _printable(text)
    found = _NOT_IN_NAMES.search(text)
    if found:
        char = found.group()
        what = _NAMES_OF.get(char, "an invisible or bidi control character")
        raise ValueError(f"{what} (U+{ord(char):04X}) is not allowed in a name or short text")
    return text


# Length caps keep every line something a terminal can wrap quickly.
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_one_visible_line),
]
LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(_printable),
]
Sources = Annotated[tuple[SourceId, ...], Field(min_length=1)]


class Model(BaseModel):
    """Base for every catalogue model: unknown fields are errors, instances are immutable."""

    # defer_build: validators are built on first validation, not at import, so a run
    # served from the cache (which unpickles checked models) never pays for them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    # Lean pickling for the catalogue cache: just the field values. Instances are only
    # ever pickled after validation, and these models have no extras or private state.
    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "__dict__", state)
        object.__setattr__(self, "__pydantic_fields_set__", set(state))
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(self, "__pydantic_private__", None)


class _FastPickleEnum(str, Enum):
    """An enum that unpickles by attribute lookup rather than by calling the class."""

    def __reduce_ex__(self, protocol: object) -> tuple[Any, ...]:
        return enum_member, (type(self), self.name)


def enum_member(kind: type[_FastPickleEnum], name: str) -> _FastPickleEnum:
    """The member `name` of an mlroles enum: what a cached enum unpickles through.

    Not `getattr`, which the cache's restricted unpickler must not allow: it would reach
    any attribute of anything.
    """
    return kind.__members__[name]


class Level(_FastPickleEnum):
    """How much of a skill a role needs, on one four-step scale."""

    AWARENESS = "awareness"
    WORKING = "working"
    PRACTITIONER = "practitioner"
    EXPERT = "expert"

    @property
    def rank(self) -> int:
        """1 (awareness) to 4 (expert): the order used to compare levels."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {level: rank for rank, level in enumerate(Level, start=1)}


class ToolKind(_FastPickleEnum):
    LANGUAGE = "language"
    ML_LIBRARY = "ml-library"
    DATA_PLATFORM = "data-platform"
    CLOUD = "cloud"
    ENGINEERING = "engineering"
    ANALYTICS = "analytics"
    GENAI = "genai"


class Interest(_FastPickleEnum):
    """Kinds of work: what a person may want more of, and what a job ad signals."""

    MODELLING = "modelling"
    DATA = "data"
    DEPLOYMENT = "deployment"
    RESEARCH = "research"
    COMMUNICATION = "communication"
    BUSINESS = "business"


AXES = ("swe", "ml", "comm")
Axis = Literal["swe", "ml", "comm"]


class Declared(Model):
    """A track or skill category a catalogue file declares: what it is, and what it rests
    on. Most are the catalogue's own way of sorting what the sources describe, so, as for a
    skill-map value, it cites the sources it draws on and `reading: true` says where the
    grouping (or what the commands read from it) is the catalogue's own reading of them."""

    id: Id
    name: ShortText
    description: LongText
    sources: tuple[SourceId, ...] = ()
    reading: bool = Field(
        default=False,
        description="True: the catalogue's own reading (of the sources it cites, if any).",
    )

    @model_validator(mode="after")
    def _cited_unless_reading(self) -> "Declared":
        if not self.reading and not self.sources:
            raise ValueError("cite the sources it comes from, or mark it `reading: true`")
        return self

    @property
    def label(self) -> str:
        """What the output calls it."""
        return self.name


class Track(Declared):
    """Where a role sits, e.g. ML research, ML in production, or a starting point next to ML."""

    shown: bool = Field(
        default=True,
        description="Shown by default: list, map and skills show its roles, and fit ranks "
        "them, unless --track picks other tracks.",
    )
    mostly: Interest | None = Field(
        default=None,
        description="The kind of work its roles are mostly about: fit counts it as at least "
        "half of each one's work.",
    )


class AxisEstimate(Model):
    """Which skill-map answer estimates an unrated skill of a category, and how far below it."""

    axis: Axis = Field(description="The answer (--swe, --ml or --comm) the estimate comes from.")
    below: Annotated[int, StrictNumber] = Field(
        default=1,
        ge=1,
        le=4,
        description="Ranks below the answer: 1 for the axis's own skills (swe 4 estimates "
        "working level), 2 for skills one step away.",
    )


class SkillCategory(Declared):
    """A kind of skill; roles' skills are grouped by it, and fit reads it."""

    estimated_from: AxisEstimate | None = Field(
        default=None,
        description="The skill-map answer that estimates an unrated skill of this category; "
        "without it, an unrated skill stays unknown.",
    )
    interest: Interest | None = Field(
        default=None, description="The kind of work its skills are, in fit's work mix."
    )
    learning_stage: Annotated[int, StrictNumber] | None = Field(
        default=None,
        ge=0,
        le=9,
        description="When `path` has it learned: lower stages first; categories without one "
        "come after every stage.",
    )


def _a_guard(value: str) -> str:
    """An `unless` phrase is matched word for word (any inflection) within one clause."""
    if "*" in value or any(mark in value for mark in ",;.!?:"):
        raise ValueError(
            "an unless phrase is matched word for word within one clause: no '*' (inflections "
            "match already) and no , ; . ! ? or : (a guard never spans a clause's end)"
        )
    return value


class EvidenceTerm(Model):
    """Words in a job ad that point to a role: used by `mlroles triage`.

    Matched as whole words in any form (`deployment` also matches deploys and deployed),
    case-insensitively, in order, with up to two other words between them; a `*` ends a
    word with any ending (`automat*` matches automate, automation).
    """

    term: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
        AfterValidator(_printable),
    ]
    signals: Interest = Field(description="The kind of work the term points to.")
    weight: Annotated[float, StrictNumber] = Field(default=1.0, ge=0.1, le=5.0, allow_inf_nan=False)
    unless: tuple[
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
            AfterValidator(_printable),
            AfterValidator(_a_guard),
        ],
        ...,
    ] = Field(
        default=(),
        max_length=16,
        description="Phrases in which the term means something else: a match inside one "
        "does not count (`vision` unless `computer vision`).",
    )
    sources: Sources


class Source(Model):
    """One of the documents the catalogue is built from.

    Title, author, publisher, date and URL are given only where the document itself gives
    them: a missing one stays empty rather than being made up.
    """

    id: SourceId
    aliases: tuple[SourceId, ...] = Field(
        default=(), description="Other ids that cite this source (e.g. its seed file name)."
    )
    title: ShortText | None = None
    author: ShortText | None = None
    publisher: ShortText | None = None
    kind: ShortText = Field(description="What the document is: article, blog post, video summary…")
    published: ShortText | None = None
    url: ShortText | None = None
    contributes: LongText = Field(description="What the catalogue takes from this source.")

    @property
    def label(self) -> str:
        """The title, or what the document is when it has none."""
        return self.title or f"(untitled {self.kind})"

    @property
    def credits(self) -> tuple[str, ...]:
        """Author, publisher, kind and date: each that the document gives, once."""
        parts = (self.author, self.publisher, self.kind, self.published)
        return tuple(dict.fromkeys(part for part in parts if part))


_Phrase = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
    AfterValidator(_printable),
]


def _a_name(value: str) -> str:
    """A product is matched as a name is written: from a letter or digit, with no `*`."""
    if "*" in value or not value[0].isalnum():
        raise ValueError(
            "a product is a name as ads write it: it starts with a letter or digit and "
            "has no '*' (put patterns in terms)"
        )
    return value


_ProductName = Annotated[_Phrase, AfterValidator(_a_name)]


_Guard = Annotated[_Phrase, AfterValidator(_a_guard)]


class ToolPhrases(Model):
    """Other phrases ads name a catalogue tool by: `large language model*` for LLMs."""

    tool: ShortText = Field(description="A tool that a role of the catalogue names.")
    phrases: tuple[_Phrase, ...] = Field(min_length=1, max_length=12)


class AdPhrases(Model):
    """How job ads ask for a skill: what `triage` looks for when it lists an ad's
    requirements. Matched as evidence terms are (any inflection, `*` for any ending)."""

    terms: tuple[_Phrase, ...] = Field(min_length=1, max_length=40)
    products: tuple[_ProductName, ...] = Field(
        default=(),
        max_length=24,
        description="Products whose name asks for this skill (`CUDA`, `dbt`, `Vertex AI`), "
        "each listed among the tools the catalogue lacks: matched as a name, written as "
        "here or in other capitals (`SLURM`), but all in lower case only if it is so here.",
    )
    fields: tuple[_Phrase, ...] = Field(
        default=(),
        max_length=40,
        description="Fields of work whose knowledge is the skill (`payments`, `insurance`): "
        "an ad asks for it where it asks for experience or knowledge of one (`experience in "
        "payments`, `a background in banking`, `insurance industry`), not where it only "
        "names one.",
    )
    tools: tuple[ToolPhrases, ...] = Field(
        default=(),
        max_length=16,
        description="Phrases ads name the skill's catalogue tools by (`LLMs`: `large "
        "language model*`): `triage` finds the tool by them, as by its name.",
    )
    hints: tuple[_Phrase, ...] = Field(
        default=(),
        max_length=16,
        description="Phrases that bring the skill to mind but do not ask for it "
        "(`collaborate`, `analytics`: ads name the team's work with them more often than "
        "they ask for the skill): `search` finds the skill by them, `triage` does not.",
    )
    unless: tuple[_Guard, ...] = Field(
        default=(),
        max_length=40,  # as many as terms: an ambiguous word needs a guard per sense
        description="Phrases in which a term or product of the skill means something else: "
        "a match inside one, within a clause, does not count (`communication` unless "
        "`communication overhead`).",
    )
    sources: Sources

    @model_validator(mode="after")
    def _hints_are_not_terms(self) -> "AdPhrases":
        both = {p.lower() for p in self.terms} & {p.lower() for p in self.hints}
        if both:
            raise ValueError(f"{sorted(both)[0]!r} is both a term and a hint: keep one")
        return self

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every phrase that asks for the skill: its terms, then its products."""
        return (*self.terms, *self.products)


class Skill(Model):
    id: Id
    name: ShortText
    category: Id = Field(description="A skill category declared under `skill_categories:`.")
    description: LongText
    aliases: tuple[ShortText, ...] = ()
    in_ads: AdPhrases | None = Field(
        default=None,
        description="The phrases job ads ask for this skill with; without them, its name "
        "and aliases are used.",
    )
    sources: Sources


class Cited(Model):
    """A statement in the catalogue's own words, with the sources it paraphrases."""

    text: LongText
    sources: Sources


class SkillNeed(Model):
    """A skill a role needs, and how much of it."""

    skill: Id
    level: Level
    sources: Sources


class ToolUse(Model):
    name: ShortText
    kind: ToolKind
    sources: Sources

    @property
    def names(self) -> list[str]:
        return tool_names(self.name)


def tool_names(raw: str) -> list[str]:
    """A tool entry as single tools: "AWS, Azure or GCP (basics)" -> 3 names."""
    cleaned = re.sub(r"\s*\(.*?\)", "", raw)
    return [part.strip() for part in re.split(r",\s*|\s+or\s+|\s+and\s+", cleaned) if part]


class AxisBasis(Model):
    """What one skill-map value rests on: sources that say it, or the catalogue's own reading.

    No source gives numbers for the map, so a value is either an ordinal reading of what
    the cited sources say, or (`reading: true`) mlroles's own judgement, which may still
    cite the text it interprets.
    """

    text: LongText
    sources: tuple[SourceId, ...] = ()
    reading: bool = Field(default=False, description="True: the catalogue's own reading.")

    @model_validator(mode="after")
    def _cited_unless_reading(self) -> "AxisBasis":
        if not self.reading and not self.sources:
            raise ValueError("cite the sources this value rests on, or mark it `reading: true`")
        return self


class PositionBasis(Model):
    swe: AxisBasis
    ml: AxisBasis
    comm: AxisBasis


class Position(Model):
    """Where a role sits on the skill map (the Full Stack 2x2), each axis 0-5."""

    swe: Annotated[int, StrictNumber] = Field(
        ge=0, le=5, description="Software-engineering skill the role needs."
    )
    ml: Annotated[int, StrictNumber] = Field(
        ge=0, le=5, description="Machine-learning knowledge the role needs."
    )
    comm: Annotated[int, StrictNumber] = Field(
        ge=0, le=5, description="Weight of communication and technical writing."
    )
    rationale: LongText
    sources: Sources
    basis: PositionBasis | None = Field(
        default=None, description="Per axis: what the value rests on, or that it is a reading."
    )

    def readings(self) -> tuple[str, ...]:
        """The axes whose value is the catalogue's own reading (all of them when no basis
        is given: nothing then says what they rest on)."""
        if self.basis is None:
            return AXES
        return tuple(axis for axis in AXES if getattr(self.basis, axis).reading)

    def marked(self, axis: str) -> str:
        """The value on `axis`, with a `*` when it is the catalogue's own reading."""
        value = str(getattr(self, axis))
        return value + "*" if axis in self.readings() else value


class RelatedRole(Model):
    role: Id
    relation: LongText
    sources: Sources


class Variant(Model):
    """One of the different jobs that hide behind the same title."""

    id: Id
    name: ShortText
    text: LongText
    sources: Sources
    evidence: tuple[EvidenceTerm, ...] = ()


class Specialism(Model):
    """A narrower job grown out of a role; `role` links it when the catalogue profiles it."""

    name: ShortText
    role: Id | None = None
    text: LongText
    sources: Sources


class OutlookFigure(Model):
    """A figure quoted by a source, kept with its origin and period: a quote, not a forecast."""

    figure: ShortText
    measure: LongText
    origin: ShortText
    period: ShortText
    sources: Sources


class View(Model):
    """One side of a disagreement, and who holds it."""

    holder: ShortText = Field(description="Who holds this view, e.g. a source's author.")
    text: LongText
    sources: Sources


class Disagreement(Model):
    """A question the sources answer differently: each view, with who holds it."""

    id: Id
    topic: ShortText
    roles: Annotated[tuple[Id, ...], Field(min_length=1, description="The roles it concerns.")]
    views: Annotated[tuple[View, ...], Field(min_length=2)]


class Role(Model):
    id: Id
    name: ShortText
    aliases: tuple[ShortText, ...] = ()
    track: Id = Field(description="A track declared under `tracks:`.")
    summary: Cited
    goal: Cited
    work_product: Cited
    responsibilities: Annotated[tuple[Cited, ...], Field(min_length=1)]
    skills: Annotated[tuple[SkillNeed, ...], Field(min_length=1)]
    tools: tuple[ToolUse, ...] = ()
    backgrounds: tuple[Cited, ...] = ()
    education: tuple[Cited, ...] = ()
    ml_need: Cited
    position: Position
    related: tuple[RelatedRole, ...] = ()
    variants: tuple[Variant, ...] = ()
    specialisms: tuple[Specialism, ...] = ()
    notes: tuple[Cited, ...] = ()
    outlook: tuple[OutlookFigure, ...] = ()
    getting_started: tuple[Cited, ...] = Field(
        default=(), description="The sources' advice for getting into the role."
    )
    evidence: tuple[EvidenceTerm, ...] = ()

    def cited_sources(self) -> tuple[str, ...]:
        """Every source this role draws on, in first-cited order."""
        seen: dict[str, None] = {}
        for sources in _walk_sources(self):
            seen.update(dict.fromkeys(sources))
        return tuple(seen)


class ContrastRow(Model):
    """One dimension of a curated comparison: what the source says of each role."""

    dimension: ShortText
    a: LongText
    b: LongText
    sources: Sources


class Contrast(Model):
    """A comparison of two roles that the sources make themselves."""

    roles: Annotated[tuple[Id, Id], Field(description="The two roles; rows say `a` then `b`.")]
    rows: Annotated[tuple[ContrastRow, ...], Field(min_length=1)]


class CatalogueFile(Model):
    """What one catalogue file may hold. Every key is optional; files are merged."""

    sources: tuple[Source, ...] = ()
    tracks: tuple[Track, ...] = Field(
        default=(), description="Tracks roles may sit on; a later catalogue may add more."
    )
    skill_categories: tuple[SkillCategory, ...] = Field(
        default=(), description="Kinds of skill; a later catalogue may add more."
    )
    skills: tuple[Skill, ...] = ()
    roles: tuple[Role, ...] = ()
    contrasts: tuple[Contrast, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    remove_roles: tuple[Id, ...] = Field(
        default=(), description="Ids of roles from earlier catalogues (e.g. bundled) to drop."
    )


def _walk_sources(model: BaseModel) -> list[tuple[str, ...]]:
    """The `sources` tuples of a model and of everything nested in it, in field order."""
    found: list[tuple[str, ...]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "sources" and isinstance(value, tuple):
            found.append(value)
        elif isinstance(value, BaseModel):
            found.extend(_walk_sources(value))
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, BaseModel):
                    found.extend(_walk_sources(item))
    return found


def catalogue_json_schema() -> dict[str, object]:
    """The JSON Schema of one catalogue file, for editors' YAML language servers."""
    schema = CatalogueFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "mlroles catalogue file",
    }
