"""The software-engineering vs ML skill map (the Full Stack 2x2, with numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .catalogue import Catalogue
from .models import Position, Role, Skill, SkillCategory, SkillNeed
from .rolesummary import KEY_SKILLS, RoleSummary, key_skill_ids

HIGH = 3
"""On the 0-5 axes, a value of HIGH or more counts as high when naming a quadrant."""


def quadrant(position: Position) -> str:
    """The quadrant of the 2x2 a position falls in, e.g. 'high SWE / low ML'."""
    swe = "high" if position.swe >= HIGH else "low"
    ml = "high" if position.ml >= HIGH else "low"
    return f"{swe} SWE / {ml} ML"


class SkillMapRow(NamedTuple):
    role: Role | RoleSummary
    responsibility: str
    key_skills: tuple[Skill, ...]
    quadrant: str
    focused: bool


class SkillGroup(NamedTuple):
    category: SkillCategory
    needs: tuple[tuple[Skill, SkillNeed], ...]


class SkillMap(NamedTuple):
    rows: tuple[SkillMapRow, ...]
    focus: Role | None
    focus_skills: tuple[SkillGroup, ...]


def key_skills(
    catalogue: Catalogue, role: Role | RoleSummary, limit: int = KEY_SKILLS
) -> tuple[Skill, ...]:
    """The skills a role needs most, highest level first (catalogue order breaks ties)."""
    ids = role.key_skills[:limit] if isinstance(role, RoleSummary) else key_skill_ids(role, limit)
    return tuple(catalogue.skill(skill_id) for skill_id in ids)


def skills_by_category(catalogue: Catalogue, role: Role) -> tuple[SkillGroup, ...]:
    """A role's skills grouped by category (in the categories' declared order), highest
    first."""
    by_category: dict[str, list[tuple[Skill, SkillNeed]]] = {}
    for need in role.skills:
        skill = catalogue.skill(need.skill)
        by_category.setdefault(skill.category, []).append((skill, need))
    groups = []
    for category in catalogue.categories:
        needs = by_category.get(category.id)
        if needs:
            needs.sort(key=lambda pair: -pair[1].level.rank)
            groups.append(SkillGroup(category, tuple(needs)))
    return tuple(groups)


def build_skill_map(
    catalogue: Catalogue, roles: Sequence[Role | RoleSummary], focus: Role | None = None
) -> SkillMap:
    """The map of `roles` (whole, or their summaries: all it needs), with `focus` marked
    and its skills listed."""
    rows = tuple(
        SkillMapRow(
            role=role,
            responsibility=role.responsibilities[0].text,
            key_skills=key_skills(catalogue, role),
            quadrant=quadrant(role.position),
            focused=focus is not None and role.id == focus.id,
        )
        for role in roles
    )
    groups = skills_by_category(catalogue, focus) if focus else ()
    return SkillMap(rows=rows, focus=focus, focus_skills=groups)
