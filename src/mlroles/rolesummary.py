"""What the listings need of a role, kept apart from the whole role.

A catalogue holds one summary per role, built with it and cached with it, so that `list`,
`skills` and the completion index never load whole roles: at 3,000 roles of the realistic
kind a whole role unpickles into hundreds of objects, its summary into a few.

The fields are named as the Role's own, so that a renderer of a listing takes either.
"""

from __future__ import annotations

from typing import NamedTuple

from .models import Cited, Position, Role

KEY_SKILLS = 3
"""How many of its skills the skill map names for each role."""


class RoleSummary(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    track: str
    position: Position
    summary: Cited
    responsibilities: tuple[Cited, ...]
    key_skills: tuple[str, ...]
    """The ids of the KEY_SKILLS skills the role needs most (see `key_skill_ids`)."""

    @classmethod
    def of(cls, role: Role) -> RoleSummary:
        return cls(
            role.id,
            role.name,
            role.aliases,
            role.track,
            role.position,
            role.summary,
            role.responsibilities,
            key_skill_ids(role),
        )


def key_skill_ids(role: Role, limit: int = KEY_SKILLS) -> tuple[str, ...]:
    """The skills a role needs most, highest level first (catalogue order breaks ties)."""
    ranked = sorted(role.skills, key=lambda need: -need.level.rank)
    return tuple(need.skill for need in ranked[:limit])
