"""What a listing needs of a role, kept apart from the whole role.

A catalogue holds one summary per role, built with it and cached with it, so that `list`
(and the completion index) never load whole roles: at 3,000 roles of the realistic kind a
whole role unpickles into hundreds of objects, its summary into a few.

The fields are named as the Role's own, so that a renderer of a listing takes either.
"""

from __future__ import annotations

from typing import NamedTuple

from .models import Cited, Role, Track


class Levels(NamedTuple):
    """A role's place on the skill map, without the rationale and basis behind it."""

    swe: int
    ml: int
    comm: int


class RoleSummary(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    track: Track
    position: Levels
    summary: Cited
    responsibilities: tuple[Cited, ...]

    @classmethod
    def of(cls, role: Role) -> RoleSummary:
        position = role.position
        return cls(
            role.id,
            role.name,
            role.aliases,
            role.track,
            Levels(position.swe, position.ml, position.comm),
            role.summary,
            role.responsibilities,
        )
