"""`mlroles path FROM TO`: what to add or raise to move from one role (or from you) to another."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .fit import Gap, gaps
from .models import Cited, Level, Position, Role, Skill
from .profile import Profile


@dataclass(frozen=True)
class Carried:
    skill: Skill
    have: Level
    need: Level


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
    carried: tuple[Carried, ...]
    tools_to_learn: tuple[str, ...]
    tools_carried: tuple[str, ...]
    source_notes: tuple[SourceSays, ...]


def plan_from_role(catalogue: Catalogue, origin: Role, target: Role) -> TransitionPlan:
    have = {need.skill: need.level for need in origin.skills}
    return _plan(
        catalogue,
        origin.name,
        origin.id,
        _axes(origin.position),
        have,
        {tool.name.casefold() for tool in origin.tools},
        target,
        _source_notes(origin, target),
    )


def plan_from_profile(catalogue: Catalogue, profile: Profile, target: Role) -> TransitionPlan:
    return _plan(
        catalogue,
        "you",
        None,
        (profile.swe, profile.ml, profile.comm),
        dict(profile.skills),
        set(),
        target,
        _source_notes(None, target),
    )


def _axes(position: Position) -> tuple[int | None, int | None, int | None]:
    return position.swe, position.ml, position.comm


def _plan(
    catalogue: Catalogue,
    origin: str,
    origin_id: str | None,
    start: tuple[int | None, int | None, int | None],
    have: dict[str, Level],
    tools: set[str],
    target: Role,
    notes: tuple[SourceSays, ...],
) -> TransitionPlan:
    carried = tuple(
        Carried(catalogue.skill(need.skill), have[need.skill], need.level)
        for need in target.skills
        if need.skill in have and have[need.skill].rank >= need.level.rank
    )
    return TransitionPlan(
        origin=origin,
        origin_id=origin_id,
        target=target,
        start=start,
        gaps=gaps(catalogue, target, have),
        carried=carried,
        tools_to_learn=tuple(t.name for t in target.tools if t.name.casefold() not in tools),
        tools_carried=tuple(t.name for t in target.tools if t.name.casefold() in tools),
        source_notes=notes,
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
