"""A person's self-assessment: the input of `fit`, `path me` and `map --profile`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import CatalogueError, ProfileError, UsageError
from .models import Id, Interest, Level

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


def parse_level(text: str) -> Level | None:
    """A level by name or by number (0 none, 1 awareness ... 4 expert); None for none."""
    value = text.strip().casefold()
    if value in ("none", "0"):
        return None
    for rank, level in enumerate(Level, start=1):
        if value in (level.value, str(rank)):
            return level
    names = "0=none, " + ", ".join(
        f"{rank}={level.value}" for rank, level in enumerate(Level, start=1)
    )
    raise UsageError(f"unknown level {text!r}.", hint=f"Use a name or number: {names}.")


def load_profile(path: Path) -> Profile:
    """Read a profile file written by `fit --save` (or by hand); errors name file and line."""
    from .yamlio import read_yaml

    try:
        document = read_yaml(path)
    except CatalogueError as exc:  # read as a profile, not as a catalogue
        raise ProfileError(exc.problems) from None
    try:
        return Profile.model_validate(document.data)
    except ValidationError as exc:
        from .build import validation_problems

        raise ProfileError(validation_problems(document, exc, Profile)) from None


def profile_yaml(profile: Profile) -> str:
    import yaml

    data = profile.model_dump(mode="json", exclude_none=True)
    if not data.get("lacking"):
        data.pop("lacking", None)
    header = "# An mlroles profile: use it with `mlroles fit --profile FILE`.\n"
    return header + yaml.safe_dump(data, sort_keys=False)
