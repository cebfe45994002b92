"""This ad and me: what a job ad asks for that you have, what you lack, how close you are.

The ad's requirements (`requirements.extract`) are scored with `fit`'s model
(`fit.assess`), so a skill you were never asked about is *unknown*, not *none*: it is
listed as "not in your profile" and left out of the closeness figure, never as a gap. An
ad names skills without levels; the level asked is the one the role the ad reads as needs
(`triage`'s first role), and `working` where that role does not list the skill.

    closeness = 100 x (0.8 x required covered + 0.2 x nice-to-have covered)

where "covered" is the share of the asked levels you hold, over the skills your profile
speaks to (rated or estimated from `--swe`, `--ml`, `--comm`); with nothing nice to have,
the required part counts in full. What the ad does not spell out comes from the role's
own profile: `path me ROLE`'s plan, for the role the ad reads as.
"""

from __future__ import annotations

from typing import NamedTuple

from .catalogue import Catalogue
from .fit import Gap, Met, assess
from .knowledge import held
from .models import Level, Role
from .profile import Profile
from .requirements import AdRequirements
from .transition import TransitionPlan, plan_from_profile

UNSTATED = Level.WORKING  # the level asked when neither the ad nor its role gives one
REQUIRED_SHARE = 0.8


class ToolAsked(NamedTuple):
    name: str
    required: bool
    held: bool | None  # None: your profile says nothing of the skill it belongs to


class AdGap(NamedTuple):
    role: Role | None  # the role the ad reads as, whose levels are used
    have: tuple[Met, ...]  # asked for, and you hold it at the level asked
    lack: tuple[Gap, ...]  # required ones first, largest gap first
    lack_required: frozenset[str]  # ids of the skills in `lack` the ad requires
    unknown: tuple[Gap, ...]  # asked for, but your profile does not speak to it
    tools: tuple[ToolAsked, ...]
    closeness: int  # 0-100
    reasons: tuple[str, ...]
    plan: TransitionPlan | None


def needed_level(role: Role | None, skill_id: str) -> Level:
    if role is not None:
        for need in role.skills:
            if need.skill == skill_id:
                return need.level
    return UNSTATED


def ad_gap(
    catalogue: Catalogue, profile: Profile, asks: AdRequirements, role: Role | None
) -> AdGap:
    skills = [item for item in asks.items if item.kind == "skill"]
    required = [(s.key, needed_level(role, s.key)) for s in skills if s.required]
    nice = [(s.key, needed_level(role, s.key)) for s in skills if not s.required]
    on_required = assess(catalogue, profile, required)
    on_nice = assess(catalogue, profile, nice)
    lack = (*on_required.gaps, *on_nice.gaps)
    known_required = _known(catalogue, profile, required)
    known_nice = _known(catalogue, profile, nice)
    covered_required = assess(catalogue, profile, known_required).coverage
    covered_nice = assess(catalogue, profile, known_nice).coverage
    if known_required and known_nice:
        share = REQUIRED_SHARE * covered_required + (1 - REQUIRED_SHARE) * covered_nice
    elif known_required or known_nice:
        share = covered_required if known_required else covered_nice
    else:
        share = 0.0
    unknown = (*on_required.unasked, *on_nice.unasked)
    tools = tuple(
        _tool(catalogue, profile, item.key, item.required)
        for item in asks.items
        if item.kind == "tool"
    )
    reasons = _reasons(
        len(on_required.met) + len(on_nice.met), on_required.gaps, on_nice.gaps, unknown
    )
    return AdGap(
        role=role,
        have=(*on_required.met, *on_nice.met),
        lack=lack,
        lack_required=frozenset(g.skill.id for g in on_required.gaps),
        unknown=unknown,
        tools=tools,
        closeness=round(100 * share),
        reasons=reasons,
        plan=plan_from_profile(catalogue, profile, role) if role is not None else None,
    )


def _known(
    catalogue: Catalogue, profile: Profile, needs: list[tuple[str, Level]]
) -> list[tuple[str, Level]]:
    return [(skill, level) for skill, level in needs if held(catalogue, profile, skill).known]


def _tool(catalogue: Catalogue, profile: Profile, name: str, required: bool) -> ToolAsked:
    """A tool is held when you hold the skill it belongs to at working level or above."""
    from .transition import skill_names, tool_skills

    skill_ids = tool_skills(skill_names(catalogue), name)
    states = [held(catalogue, profile, skill_id) for skill_id in skill_ids]
    if not states or not any(state.known for state in states):
        return ToolAsked(name, required, None)
    return ToolAsked(name, required, any(s.rank >= Level.WORKING.rank for s in states))


def _reasons(
    have: int, lack_required: tuple[Gap, ...], lack_nice: tuple[Gap, ...], unknown: tuple[Gap, ...]
) -> tuple[str, ...]:
    reasons = [f"you hold {have} of the skills it asks for at the level asked"]
    if lack_required:
        biggest = lack_required[0]
        reasons.append(
            f"{len(lack_required)} required skill{'s' if len(lack_required) != 1 else ''} "
            f"below the level asked, the largest gap {biggest.skill.name}"
        )
    if lack_nice:
        reasons.append(f"{len(lack_nice)} nice-to-have below the level asked")
    if unknown:
        reasons.append(
            f"{len(unknown)} not in your profile (left out of the figure: rate them to count)"
        )
    return tuple(reasons)


def gap_lines(gap: AdGap) -> list[tuple[str, list[str]]]:
    """The gap as a person reads it: (heading, items), in the order to act on them."""
    required = [g for g in gap.lack if g.skill.id in gap.lack_required]
    nice = [g for g in gap.lack if g.skill.id not in gap.lack_required]

    def lacking(gaps: list[Gap]) -> list[str]:
        return [
            f"{g.skill.name} ({g.have.value if g.have else 'none'} \u2192 {g.need.value})"
            for g in gaps
        ]

    tools_lacking = [t.name for t in gap.tools if t.held is False]
    plan: list[str] = []
    if gap.plan is not None:
        ad_skills = {g.skill.id for g in (*gap.lack, *gap.unknown)} | {m.skill.id for m in gap.have}
        plan = [g.skill.name for g in gap.plan.gaps if g.skill.id not in ad_skills][:5]
    return [
        ("You have", [f"{m.skill.name} ({m.have.value})" for m in gap.have]),
        ("To learn first (required)", lacking(required)),
        ("Nice to have, not yet", lacking(nice)),
        ("Tools to learn", tools_lacking),
        ("Not in your profile", [g.skill.name for g in gap.unknown]),
        (
            f"Also for {gap.role.name} (the ad does not say)" if gap.role else "Also",
            plan,
        ),
    ]
