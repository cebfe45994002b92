"""Comparing roles side by side: curated rows from the sources first, then every field."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import NamedTuple

from .catalogue import Catalogue
from .errors import UsageError
from .models import ContrastRow, Disagreement, Level, Role, Skill


class CuratedContrast(NamedTuple):
    """A source's own comparison of two roles, oriented as the user named them."""

    first: Role
    second: Role
    rows: tuple[ContrastRow, ...]
    """Each row's `a` describes `first` and `b` describes `second`."""


class FieldRow(NamedTuple):
    """One profile field, with each compared role's value (in the order they were named)."""

    key: str
    label: str
    values: tuple[tuple[str, ...], ...]


class SkillLevels(NamedTuple):
    """A skill and the level each compared role needs (None where a role does not list it)."""

    skill: Skill
    levels: tuple[Level | None, ...]

    @property
    def spread(self) -> int:
        """How far apart the levels are among the roles that need the skill."""
        ranks = [level.rank for level in self.levels if level is not None]
        return max(ranks) - min(ranks)


class RoleComparison(NamedTuple):
    roles: tuple[Role, ...]
    curated: tuple[CuratedContrast, ...]
    fields: tuple[FieldRow, ...]
    shared_skills: tuple[SkillLevels, ...]
    """Skills every role lists, largest level difference first."""
    partial_skills: tuple[SkillLevels, ...]
    """Skills some roles list and others do not (each role's own skills included)."""
    shared_tools: tuple[str, ...]
    tools_only: tuple[tuple[str, ...], ...]
    """Per role, in order: tools no other compared role lists."""
    tools_some: tuple[tuple[str, tuple[bool, ...]], ...] = ()
    """Tools more than one but not every compared role lists: (tool, which roles do)."""
    disagreements: tuple[Disagreement, ...] = ()
    """Where the sources disagree about two or more of the compared roles."""

    def tools_by_users(self) -> tuple[tuple[tuple[Role, ...], tuple[str, ...]], ...]:
        """The tools some but not all roles list, grouped by the roles that list them."""
        groups: dict[tuple[bool, ...], list[str]] = {}
        for tool, using in self.tools_some:
            groups.setdefault(using, []).append(tool)
        return tuple(
            (tuple(r for r, u in zip(self.roles, using, strict=True) if u), tuple(tools))
            for using, tools in groups.items()
        )

    def skills_only_in(self, index: int) -> tuple[SkillLevels, ...]:
        """Skills that only the role at `index` lists."""
        return tuple(
            item
            for item in self.partial_skills
            if item.levels[index] is not None
            and all(level is None for i, level in enumerate(item.levels) if i != index)
        )


def compare_roles(catalogue: Catalogue, roles: Sequence[Role]) -> RoleComparison:
    """Compare two or more distinct roles."""
    if len(roles) < 2:
        raise UsageError(
            "compare needs at least two roles.", hint="Example: mlroles compare ds mle"
        )
    ids = [role.id for role in roles]
    duplicates = sorted({role_id for role_id in ids if ids.count(role_id) > 1})
    if duplicates:
        raise UsageError(
            f"role {duplicates[0]!r} is named twice.", hint="Compare two different roles."
        )
    return RoleComparison(
        roles=tuple(roles),
        curated=_curated(catalogue, roles),
        fields=_fields(roles),
        shared_skills=_skill_levels(catalogue, roles, shared=True),
        partial_skills=_skill_levels(catalogue, roles, shared=False),
        shared_tools=_shared_tools(roles),
        tools_only=_tools_only(roles),
        tools_some=_tools_some(roles),
        disagreements=catalogue.disagreements_about(ids, least=2),
    )


def _curated(catalogue: Catalogue, roles: Sequence[Role]) -> tuple[CuratedContrast, ...]:
    found = []
    for first, second in combinations(roles, 2):
        match = catalogue.contrast_between(first.id, second.id)
        if match is None:
            continue
        contrast, swapped = match
        rows = contrast.rows
        if swapped:
            rows = tuple(row.model_copy(update={"a": row.b, "b": row.a}) for row in rows)
        found.append(CuratedContrast(first, second, rows))
    return tuple(found)


def _fields(roles: Sequence[Role]) -> tuple[FieldRow, ...]:
    def row(key: str, label: str, values: list[tuple[str, ...]]) -> FieldRow:
        return FieldRow(key, label, tuple(values))

    return (
        row("track", "Track", [(role.track,) for role in roles]),
        row("summary", "Summary", [(role.summary.text,) for role in roles]),
        row("goal", "Goal", [(role.goal.text,) for role in roles]),
        row("work_product", "Work product", [(role.work_product.text,) for role in roles]),
        row("ml_need", "ML need", [(role.ml_need.text,) for role in roles]),
        row(
            "position",
            "Skill map (SWE / ML / comm)",
            [(f"{r.position.swe} / {r.position.ml} / {r.position.comm}",) for r in roles],
        ),
        row(
            "responsibilities",
            "Responsibilities",
            [tuple(item.text for item in role.responsibilities) for role in roles],
        ),
        row("backgrounds", "Backgrounds", [tuple(i.text for i in r.backgrounds) for r in roles]),
        row("education", "Education", [tuple(i.text for i in r.education) for r in roles]),
        row(
            "variants",
            "Variants",
            [tuple(f"{v.name}: {v.text}" for v in r.variants) for r in roles],
        ),
        row(
            "specialisms",
            "Specialisms",
            [tuple(f"{s.name}: {s.text}" for s in r.specialisms) for r in roles],
        ),
        row(
            "related",
            "Related roles",
            [tuple(f"{item.role}: {item.relation}" for item in r.related) for r in roles],
        ),
        row(
            "outlook",
            "Outlook",
            [
                tuple(f"{o.figure} - {o.measure} ({o.origin}, {o.period})" for o in r.outlook)
                for r in roles
            ],
        ),
        row(
            "getting_started",
            "Getting started",
            [tuple(item.text for item in r.getting_started) for r in roles],
        ),
        row("notes", "Notes", [tuple(item.text for item in r.notes) for r in roles]),
    )


def _skill_levels(
    catalogue: Catalogue, roles: Sequence[Role], *, shared: bool
) -> tuple[SkillLevels, ...]:
    needs = [{need.skill: need.level for need in role.skills} for role in roles]
    order: dict[str, None] = {}
    for role in roles:
        order.update(dict.fromkeys(need.skill for need in role.skills))
    items = []
    for skill_id in order:
        levels = tuple(need.get(skill_id) for need in needs)
        if all(level is not None for level in levels) == shared:
            items.append(SkillLevels(catalogue.skill(skill_id), levels))
    if shared:
        items.sort(key=lambda item: -item.spread)
    return tuple(items)


def _tool_names(role: Role) -> list[str]:
    return [tool.name for tool in role.tools]


def _shared_tools(roles: Sequence[Role]) -> tuple[str, ...]:
    others = [{name.casefold() for name in _tool_names(role)} for role in roles[1:]]
    return tuple(
        name for name in _tool_names(roles[0]) if all(name.casefold() in s for s in others)
    )


def _tools_only(roles: Sequence[Role]) -> tuple[tuple[str, ...], ...]:
    result = []
    for index, role in enumerate(roles):
        elsewhere = {
            name.casefold()
            for i, other in enumerate(roles)
            if i != index
            for name in _tool_names(other)
        }
        result.append(tuple(n for n in _tool_names(role) if n.casefold() not in elsewhere))
    return tuple(result)


def _tools_some(roles: Sequence[Role]) -> tuple[tuple[str, tuple[bool, ...]], ...]:
    names = [{name.casefold() for name in _tool_names(role)} for role in roles]
    seen: dict[str, str] = {}
    for role in roles:
        for name in _tool_names(role):
            seen.setdefault(name.casefold(), name)
    out = []
    for key, name in seen.items():
        using = tuple(key in held for held in names)
        if 1 < sum(using) < len(roles):
            out.append((name, using))
    return tuple(out)
