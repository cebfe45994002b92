"""The self-assessment options shared by `fit` and `path me`, and building a Profile."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from .common import complete_skill, complete_want

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..models import Role
    from ..profile import Profile

SweOption = Annotated[
    int | None,
    typer.Option(
        "--swe", min=0, max=5, help="Your software-engineering skill, 0-5.", show_default=False
    ),
]
MlOption = Annotated[
    int | None,
    typer.Option(
        "--ml", min=0, max=5, help="Your machine-learning knowledge, 0-5.", show_default=False
    ),
]
CommOption = Annotated[
    int | None,
    typer.Option(
        "--comm", min=0, max=5, help="Your communication and writing, 0-5.", show_default=False
    ),
]
SkillOption = Annotated[
    list[str] | None,
    typer.Option(
        "--skill",
        "-s",
        help="A skill and your level, e.g. python=practitioner or sql=2 (repeatable). "
        "Levels: 0 none, 1 awareness, 2 working, 3 practitioner, 4 expert.",
        show_default=False,
        autocompletion=complete_skill,
    ),
]
WantOption = Annotated[
    list[str] | None,
    typer.Option(
        "--want",
        "-w",
        help="How much you want a kind of work, 0-5, e.g. research=5 (repeatable): "
        "modelling, data, deployment, research, communication, business.",
        show_default=False,
        autocompletion=complete_want,
    ),
]
ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        "-p",
        help="A profile file (from fit --save, or written by hand).",
        show_default=False,
    ),
]
InteractiveOption = Annotated[
    bool,
    typer.Option(
        "--interactive", "-i", help="Answer a short questionnaire, even if flags are given."
    ),
]

FLAGS_HINT = (
    "Pass --swe/--ml/--comm 0-5, --skill NAME=LEVEL, --want WORK=0-5 or --profile FILE, "
    "or run it in a terminal to answer a questionnaire."
)


def _pair(text: str, option: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise UsageError(
            f"{option} {text!r} is not NAME=VALUE.",
            hint=f"Example: {option} "
            + ("python=practitioner" if option == "--skill" else "research=4"),
        )
    return name.strip(), value.strip()


def build_profile(
    catalogue: Catalogue,
    *,
    swe: int | None,
    ml: int | None,
    comm: int | None,
    skills: list[str] | None,
    wants: list[str] | None,
    profile_path: Path | None,
    interactive: bool,
    purpose: str,
    target: Role | None = None,
) -> Profile:
    """The profile from a file, flags (which override the file), or the questionnaire."""
    from ..models import Interest
    from ..profile import checked_profile, load_profile, parse_level

    base = load_profile(profile_path, catalogue) if profile_path else checked_profile()
    skill_levels = dict(base.skills)
    lacking = list(base.lacking)
    for item in skills or []:
        name, value = _pair(item, "--skill")
        skill_id = catalogue.resolve_skill(name).id
        level = parse_level(value)
        skill_levels.pop(skill_id, None)
        lacking = [s for s in lacking if s != skill_id]
        if level is None:
            lacking.append(skill_id)
        else:
            skill_levels[skill_id] = level
    want_levels = dict(base.wants)
    for item in wants or []:
        name, value = _pair(item, "--want")
        try:
            interest = Interest(name.casefold())
        except ValueError:
            names = ", ".join(i.value for i in Interest)
            raise UsageError(
                f"unknown kind of work {name!r}.", hint=f"Use one of: {names}."
            ) from None
        if not value.isdigit() or not 0 <= int(value) <= 5:
            raise UsageError(f"--want {item!r}: the amount must be 0-5.")
        want_levels[interest] = int(value)
    profile = checked_profile(
        swe=swe if swe is not None else base.swe,
        ml=ml if ml is not None else base.ml,
        comm=comm if comm is not None else base.comm,
        skills=skill_levels,
        lacking=tuple(lacking),
        wants=want_levels,
    )
    if interactive or (profile.empty and sys.stdin.isatty()):
        from .questionnaire import ask_profile

        return ask_profile(catalogue, profile, target)
    if profile.empty:
        raise UsageError(f"{purpose} needs to know about you.", hint=FLAGS_HINT)
    return profile
