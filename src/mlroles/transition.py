"""`mlroles path FROM TO`: what to add or raise to move from one role (or from you) to another.

The steps come in the order the sources advise for getting started (002, "Practical tips",
lines 98-107): foundations in maths, statistics and computer science and a programming
language first, then ML libraries, then data-processing tools, then cloud platforms. Within
a stage, the largest gap comes first. What you already hold at the role's level (rated or
estimated) is listed as carrying over, never as something to learn; a tool counts as held
when it names a skill you hold (Python, Git, Docker, AWS ...).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .catalogue import Catalogue
from .fit import Gap, Met, assess, role_needs, work_mix
from .knowledge import Basis, held
from .layers import normalise
from .models import Cited, Interest, Position, Role
from .profile import Profile, checked_profile

Carried = Met

LATER = 10
"""The stage of a category that declares none: after every declared `learning_stage`."""


@dataclass(frozen=True)
class WantedWork:
    """One kind of work you rated, and its share of the target role's work."""

    interest: Interest
    want: int
    share: float


@dataclass(frozen=True)
class SourceSays:
    """Something a source says that bears on the move, with where it is recorded."""

    where: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TransitionPlan:
    origin: str
    """The starting role's name, or "you"."""
    origin_id: str | None
    target: Role
    start: tuple[int | None, int | None, int | None]
    """Software engineering, ML and communication where the move starts (None: not given)."""
    gaps: tuple[Gap, ...]
    """Skills to build, in learning order (see the module docstring)."""
    carried: tuple[Carried, ...]
    tools_to_learn: tuple[str, ...]
    tools_carried: tuple[str, ...]
    source_notes: tuple[SourceSays, ...]
    unasked: tuple[Gap, ...] = ()
    """Skills the role needs that you were not asked about: check these yourself."""
    wanted: tuple[WantedWork, ...] = ()
    """The work you said you want, against the role's work mix (`path me` with wants)."""


def plan_from_role(catalogue: Catalogue, origin: Role, target: Role) -> TransitionPlan:
    """From a role: what it needs counts as held, at the level it needs, and what it does
    not list as none (a role's skill list is complete, unlike a person's answers)."""
    listed = {need.skill: need.level for need in origin.skills}
    unlisted = tuple(skill.id for skill in catalogue.skills if skill.id not in listed)
    start = checked_profile(skills=listed, lacking=unlisted)
    origin_tools = {tool.name.casefold() for tool in origin.tools}
    return _plan(
        catalogue,
        origin.name,
        origin.id,
        _axes(origin.position),
        start,
        origin_tools,
        target,
        _source_notes(origin, target),
    )


def plan_from_profile(catalogue: Catalogue, profile: Profile, target: Role) -> TransitionPlan:
    plan = _plan(
        catalogue,
        "you",
        None,
        (profile.swe, profile.ml, profile.comm),
        profile,
        set(),
        target,
        _source_notes(None, target),
    )
    mix = work_mix(catalogue, target)
    wanted = tuple(
        WantedWork(interest, want, round(mix[interest], 2))
        for interest, want in sorted(profile.wants.items(), key=lambda item: -item[1])
    )
    return dataclasses.replace(plan, wanted=wanted)


def _axes(position: Position) -> tuple[int | None, int | None, int | None]:
    return position.swe, position.ml, position.comm


def learning_order(catalogue: Catalogue, gaps: tuple[Gap, ...]) -> tuple[Gap, ...]:
    """Foundations first (the sources' getting-started order, which each skill category
    gives as its `learning_stage`), then the largest gap."""

    def stage(gap: Gap) -> int:
        declared = catalogue.category(gap.skill.category).learning_stage
        return LATER if declared is None else declared

    return tuple(
        sorted(
            gaps,
            key=lambda gap: (
                stage(gap),
                -gap.size,
                -gap.need.rank,
            ),
        )
    )


def skill_names(catalogue: Catalogue) -> dict[str, str]:
    """Every skill's id, name and aliases (normalised), to the skill's id."""
    index: dict[str, str] = {}
    for skill in catalogue.skills:
        for key in (skill.id, skill.name, *skill.aliases):
            index.setdefault(normalise(key), skill.id)
    return index


def tool_skills(names: dict[str, str], tool: str) -> tuple[str, ...]:
    """The skills a tool's name names: 'Git and GitHub' -> version-control, 'AWS' ->
    cloud-platforms; each part of a list of tools ('AWS, Azure or GCP') is looked up."""
    parts = [tool, *re.split(r",|\band\b|\bor\b|\(|\)", tool)]
    found = (names.get(normalise(part)) for part in parts if part.strip())
    return tuple(dict.fromkeys(skill_id for skill_id in found if skill_id is not None))


def _tool_held(
    catalogue: Catalogue, profile: Profile, target: Role, names: dict[str, str], tool: str
) -> bool:
    """A tool is held when a skill it names is held at the role's level for that skill
    (or at least at working level, when the role does not list the skill)."""
    needs = {need.skill: need.level.rank for need in target.skills}
    return any(
        held(catalogue, profile, skill_id).rank >= needs.get(skill_id, 2)
        for skill_id in tool_skills(names, tool)
    )


def _plan(
    catalogue: Catalogue,
    origin: str,
    origin_id: str | None,
    start: tuple[int | None, int | None, int | None],
    profile: Profile,
    tools: set[str],
    target: Role,
    notes: tuple[SourceSays, ...],
) -> TransitionPlan:
    found = assess(catalogue, profile, role_needs(target))
    names = skill_names(catalogue)
    carried_tools = tuple(
        tool.name
        for tool in target.tools
        if tool.name.casefold() in tools or _tool_held(catalogue, profile, target, names, tool.name)
    )
    return TransitionPlan(
        origin=origin,
        origin_id=origin_id,
        target=target,
        start=start,
        gaps=learning_order(catalogue, found.gaps),
        carried=tuple(m for m in found.met if m.basis is Basis.RATED)
        + tuple(m for m in found.met if m.basis is Basis.ESTIMATED),
        tools_to_learn=tuple(t.name for t in target.tools if t.name not in carried_tools),
        tools_carried=carried_tools,
        source_notes=notes,
        unasked=found.unasked,
    )


def _source_notes(origin: Role | None, target: Role) -> tuple[SourceSays, ...]:
    """What the sources say about moving: links between the two roles, then how people
    come to the target role (its backgrounds and education) and their advice for it."""
    notes: list[SourceSays] = []
    if origin is not None:
        for related in target.related:
            if related.role == origin.id:
                notes.append(
                    SourceSays(f"{target.name} on {origin.name}", related.relation, related.sources)
                )
        for related in origin.related:
            if related.role == target.id:
                notes.append(
                    SourceSays(f"{origin.name} on {target.name}", related.relation, related.sources)
                )
    items: list[tuple[str, Cited]] = [("how people come to it", b) for b in target.backgrounds]
    items += [("education", e) for e in target.education]
    # The sources' own advice for getting into the role (issue 16): where people decide.
    items += [("getting started", g) for g in target.getting_started]
    notes += [SourceSays(where, item.text, item.sources) for where, item in items]
    return tuple(notes)
