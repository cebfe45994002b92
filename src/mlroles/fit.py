"""Which role fits a person: scores with reasons a person can check.

score = 100 x weighted mean of up to three parts, each in [0, 1], over the parts the
profile gives (weights renormalised when a part is missing):

- skills (weight 0.45): half *coverage*, how much of the role's skill need the person
  meets (each skill weighted by its level's rank, 1-4; held at or above the level counts
  fully, below it in proportion, unrated as nothing), and half *use*, how much of what the
  person rated the role needs (each rated skill weighted by its rank, counted up to the
  role's level; a skill the role does not list counts nothing).
- axes (weight 0.25): closeness on the skill map, 1 - RMS distance / 5 over the axes given
  (software engineering, ML, communication).
- interests (weight 0.30): cosine similarity between the work the person wants (0-5 per
  interest) and the work the role involves, read off its skills: the share of the role's
  skill weight in the categories behind each interest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .catalogue import Catalogue
from .models import Interest, Level, Role, Skill, Track
from .profile import INTEREST_CATEGORIES, Profile

WEIGHTS = {"skills": 0.45, "axes": 0.25, "interests": 0.30}


@dataclass(frozen=True)
class Gap:
    skill: Skill
    have: Level | None
    need: Level

    @property
    def size(self) -> int:
        return self.need.rank - (self.have.rank if self.have else 0)


@dataclass(frozen=True)
class RoleFit:
    role: Role
    score: float
    parts: dict[str, float]
    reasons: tuple[str, ...]
    gaps: tuple[Gap, ...]


@dataclass(frozen=True)
class FitResult:
    profile: Profile
    fits: tuple[RoleFit, ...]


def work_mix(catalogue: Catalogue, role: Role) -> dict[Interest, float]:
    """The share of a role's skill weight behind each interest (sums to at most 1)."""
    total = sum(need.level.rank for need in role.skills) or 1
    mix = {}
    for interest in Interest:
        weight = sum(
            need.level.rank
            for need in role.skills
            if catalogue.skill(need.skill).category in INTEREST_CATEGORIES[interest]
        )
        mix[interest] = weight / total
    if Interest.COMMUNICATION in mix:  # communication also shows in the map's bubble size
        mix[Interest.COMMUNICATION] = max(mix[Interest.COMMUNICATION], role.position.comm / 10)
    return mix


def gaps(catalogue: Catalogue, role: Role, have: dict[str, Level]) -> tuple[Gap, ...]:
    """Skills the role needs above what is held, largest gap first."""
    found = [
        Gap(catalogue.skill(need.skill), have.get(need.skill), need.level)
        for need in role.skills
        if have.get(need.skill) is None or have[need.skill].rank < need.level.rank
    ]
    found.sort(key=lambda gap: (-gap.size, -gap.need.rank))
    return tuple(found)


def _skill_part(role: Role, skills: dict[str, Level]) -> float:
    """Half coverage (how much of the role's need you meet), half use (how much of what
    you are good at the role needs): a role that needs little is not a fit for an expert
    in many things just because it is easy to cover."""
    need = {n.skill: n.level.rank for n in role.skills}
    total_need = sum(need.values())
    coverage = sum(min(skills[s].rank, r) for s, r in need.items() if s in skills)
    total_have = sum(level.rank for level in skills.values())
    use = sum(min(level.rank, need.get(s, 0)) for s, level in skills.items())
    return 0.5 * (coverage / total_need if total_need else 0.0) + 0.5 * (
        use / total_have if total_have else 0.0
    )


def _axes_part(role: Role, profile: Profile) -> float | None:
    pairs = [
        (mine, theirs)
        for mine, theirs in (
            (profile.swe, role.position.swe),
            (profile.ml, role.position.ml),
            (profile.comm, role.position.comm),
        )
        if mine is not None
    ]
    if not pairs:
        return None
    rms = math.sqrt(sum((a - b) ** 2 for a, b in pairs) / len(pairs))
    return 1 - rms / 5


def _interest_part(mix: dict[Interest, float], wants: dict[Interest, int]) -> float | None:
    if not wants or not any(wants.values()):
        return None
    dot = sum(wants.get(i, 0) * mix[i] for i in Interest)
    norm_w = math.sqrt(sum(v * v for v in wants.values()))
    norm_m = math.sqrt(sum(v * v for v in mix.values()))
    return dot / (norm_w * norm_m) if norm_m else 0.0


def fit_role(catalogue: Catalogue, role: Role, profile: Profile) -> RoleFit:
    parts: dict[str, float] = {}
    if profile.skills:
        parts["skills"] = _skill_part(role, profile.skills)
    axes = _axes_part(role, profile)
    if axes is not None:
        parts["axes"] = axes
    mix = work_mix(catalogue, role)
    interests = _interest_part(mix, profile.wants)
    if interests is not None:
        parts["interests"] = interests
    weight = sum(WEIGHTS[name] for name in parts) or 1
    score = 100 * sum(WEIGHTS[name] * value for name, value in parts.items()) / weight
    return RoleFit(
        role=role,
        score=round(score, 1),
        parts={name: round(value, 3) for name, value in parts.items()},
        reasons=_reasons(catalogue, role, profile, mix),
        gaps=gaps(catalogue, role, profile.skills),
    )


def _reasons(
    catalogue: Catalogue, role: Role, profile: Profile, mix: dict[Interest, float]
) -> tuple[str, ...]:
    reasons: list[str] = []
    met = [
        n
        for n in sorted(role.skills, key=lambda n: -n.level.rank)
        if n.skill in profile.skills and profile.skills[n.skill].rank >= n.level.rank
    ]
    if met:
        names = ", ".join(catalogue.skill(n.skill).name for n in met[:3])
        reasons.append(f"you meet its level in {names}")
    for label, mine, theirs in (
        ("software engineering", profile.swe, role.position.swe),
        ("ML", profile.ml, role.position.ml),
    ):
        if mine is not None and abs(mine - theirs) <= 1:
            reasons.append(f"{label} {mine}/5 is close to the role's {theirs}/5")
    wanted = sorted((i for i, v in profile.wants.items() if v >= 4), key=lambda i: -mix[i])
    for interest in wanted[:2]:
        if mix[interest] >= 0.15:
            share = round(100 * mix[interest])
            reasons.append(f"you want {interest.value}: {share}% of its skill weight")
    return tuple(reasons)


def rank_roles(
    catalogue: Catalogue, profile: Profile, roles: Sequence[Role] | None = None
) -> FitResult:
    """Every ML role (not the adjacent starting points), best fit first."""
    candidates = (
        roles if roles is not None else catalogue.roles_on((Track.RESEARCH, Track.PRODUCTION))
    )
    fits = [fit_role(catalogue, role, profile) for role in candidates]
    fits.sort(key=lambda fit: (-fit.score, fit.role.name))
    return FitResult(profile, tuple(fits))
