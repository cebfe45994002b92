"""A person's self-assessment: the input of `fit`, `path me` and `map --profile`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import CatalogueError, Problem, ProfileError, UsageError
from .models import Id, Interest, Level

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .yamlio import YamlDocument

Scale = Annotated[int, Field(ge=0, le=5)]


# The sources' own role-scoping questions: how much modelling, data wrangling,
# deployment and research a job involves.
INTEREST_QUESTIONS: dict[Interest, str] = {
    Interest.MODELLING: "How much do you want to build and tune models?",
    Interest.DATA: "How much do you want to wrangle, analyse and move data?",
    Interest.DEPLOYMENT: "How much do you want to write, deploy and run production software?",
    Interest.RESEARCH: "How much do you want to do research and publish?",
    Interest.COMMUNICATION: "How much do you want to explain, write and present?",
    Interest.BUSINESS: "How much do you want to shape business decisions and products?",
}


class Profile(BaseModel):
    """What someone can do (axes and skills) and what they want to do (interests)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    swe: Scale | None = Field(default=None, description="Software-engineering skill, 0-5.")
    ml: Scale | None = Field(default=None, description="Machine-learning knowledge, 0-5.")
    comm: Scale | None = Field(default=None, description="Communication and writing, 0-5.")
    skills: dict[Id, Level] = Field(default_factory=dict)
    lacking: tuple[Id, ...] = Field(
        default=(),
        description="Skills you said you do not have (level none); unlike unrated ones, known.",
    )
    wants: dict[Interest, Scale] = Field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return (
            self.swe is None
            and self.ml is None
            and self.comm is None
            and not self.skills
            and not self.lacking
            and not self.wants
        )


def checked_profile(
    *,
    swe: int | None = None,
    ml: int | None = None,
    comm: int | None = None,
    skills: dict[str, Level] | None = None,
    lacking: tuple[str, ...] = (),
    wants: dict[Interest, int] | None = None,
) -> Profile:
    """A profile from values the caller has already checked (flags parsed and range-checked,
    questionnaire answers, a catalogue role's skills). It skips pydantic's validator, which
    is built lazily on first use and would cost about 20 ms on every `fit` or `path` run;
    a profile file is still validated in full by `load_profile`."""
    return Profile.model_construct(
        swe=swe,
        ml=ml,
        comm=comm,
        skills=dict(skills or {}),
        lacking=tuple(lacking),
        wants=dict(wants or {}),
    )


# The four-step scale people use to rate themselves, on the catalogue's four levels.
LEVEL_SYNONYMS = {
    "beginner": Level.AWARENESS,
    "intermediate": Level.WORKING,
    "advanced": Level.PRACTITIONER,
}


def parse_level(text: str) -> Level | None:
    """A level by name or by number (0 none, 1 awareness ... 4 expert), or on the
    beginner / intermediate / advanced / expert scale; None for none."""
    value = text.strip().casefold()
    if value in ("none", "0"):
        return None
    if value in LEVEL_SYNONYMS:
        return LEVEL_SYNONYMS[value]
    for rank, level in enumerate(Level, start=1):
        if value in (level.value, str(rank)):
            return level
    names = "0=none, " + ", ".join(
        f"{rank}={level.value}" for rank, level in enumerate(Level, start=1)
    )
    raise UsageError(
        f"unknown level {text!r}.",
        hint=f"Use a name or number: {names} (or beginner, intermediate, advanced).",
    )


def load_profile(path: Path, catalogue: Catalogue | None = None) -> Profile:
    """Read a profile file written by `fit --save` or by hand; errors name file and line.

    With the catalogue, the file may say what the flags say: a skill by its id, name or
    alias in any case ("Python", "machine learning"), a level by name or number or on the
    beginner-to-expert scale, a kind of work in any case; a skill at level none (0) is
    one you lack."""
    from .yamlio import read_yaml

    try:
        document = read_yaml(path)
    except CatalogueError as exc:  # read as a profile, not as a catalogue
        raise ProfileError(exc.problems) from None
    data: Any = document.data
    problems: list[Problem] = []
    if catalogue is not None and isinstance(data, dict):
        data, problems = _resolved(document, data, catalogue)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        from .build import validation_problems

        problems += validation_problems(document, exc, Profile)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise ProfileError(problems) from None
    return profile


def _resolved(
    document: YamlDocument, data: dict[str, Any], catalogue: Catalogue
) -> tuple[dict[str, Any], list[Problem]]:
    """The file's skills as ids and levels, its kinds of work in lower case, and what
    cannot be resolved, as problems located in the file (and left out of the data)."""
    problems: list[Problem] = []

    def problem(path: tuple[str, ...], message: str, *, at_key: bool = False) -> None:
        line, column = document.locate(path, at_key=at_key)
        problems.append(Problem(document.name, message, line, column, ".".join(path)))

    out = dict(data)
    lacking = data.get("lacking")
    lacked: list[Any] | None = None
    if isinstance(lacking, list):  # resolved first: a skill rated below is then a repeat
        lacked = out["lacking"] = _resolved_lacking(document, lacking, catalogue, problems)
    skills = data.get("skills")
    if isinstance(skills, list):  # names without levels
        problem(("skills",), "give each skill its level, e.g. 'Python: practitioner' or 'SQL: 2'")
        out["skills"] = skills = {}
    if isinstance(skills, dict) and (lacking is None or lacked is not None):
        levels: dict[str, str] = {}
        lacked = lacked if lacked is not None else []
        for key, value in skills.items():
            path = ("skills", str(key))
            try:
                skill_id = catalogue.resolve_skill(str(key)).id
            except UsageError as exc:
                problem(path, str(exc), at_key=True)
                continue
            if isinstance(value, bool):
                problem(path, "yes and no read as true and false: give a level, e.g. 'working'.")
                continue
            if not isinstance(value, (str, int)):
                problem(path, "give a level: a name or a number 0-4.")
                continue
            try:
                level = parse_level(str(value))
            except UsageError as exc:
                problem(path, str(exc))
                continue
            if skill_id in levels or skill_id in lacked:
                problem(path, f"{skill_id} is rated more than once.", at_key=True)
            elif level is None:
                lacked.append(skill_id)
            else:
                levels[skill_id] = level.value
        out["skills"], out["lacking"] = levels, lacked
    wants = data.get("wants")
    if isinstance(wants, dict):
        kinds: dict[Any, Any] = {}
        for key, value in wants.items():
            kind = key.casefold() if isinstance(key, str) else key
            if kind in kinds:
                problem(("wants", str(key)), f"{kind} is rated more than once.", at_key=True)
            kinds[kind] = value
        out["wants"] = kinds
    return out, problems


def _resolved_lacking(
    document: YamlDocument, names: list[Any], catalogue: Catalogue, problems: list[Problem]
) -> list[Any]:
    """The skills a file says you lack, as ids, once each; a name that is no skill is a
    problem located in the file (a value that is no name is left for the model to report)."""
    lacked: list[Any] = []
    for index, name in enumerate(names):
        if not isinstance(name, str):
            lacked.append(name)
            continue
        try:
            skill_id = catalogue.resolve_skill(name).id
        except UsageError as exc:
            line, column = document.locate(("lacking", index))
            problems.append(Problem(document.name, str(exc), line, column, f"lacking[{index}]"))
            continue
        if skill_id not in lacked:
            lacked.append(skill_id)
    return lacked


def profile_yaml(profile: Profile) -> str:
    import yaml

    data = profile.model_dump(mode="json", exclude_none=True)
    if not data.get("lacking"):
        data.pop("lacking", None)
    header = "# An mlroles profile: use it with `mlroles fit --profile FILE`.\n"
    return header + yaml.safe_dump(data, sort_keys=False)
