"""Fit scoring on hand-built profiles, and its parts on their own."""

from __future__ import annotations

import pytest

from mlroles.catalogue import Catalogue
from mlroles.fit import fit_role, gaps, rank_roles, work_mix
from mlroles.models import Interest, Level
from mlroles.profile import Profile

STRONG_SWE = Profile(
    swe=5,
    ml=1,
    comm=2,
    skills={
        "software-engineering": Level.EXPERT,
        "data-structures-algorithms": Level.EXPERT,
        "python": Level.PRACTITIONER,
        "version-control": Level.EXPERT,
        "command-line": Level.EXPERT,
        "ci-cd": Level.PRACTITIONER,
        "containers": Level.PRACTITIONER,
        "cloud-platforms": Level.PRACTITIONER,
        "apis-and-integration": Level.PRACTITIONER,
        "deployment-monitoring": Level.PRACTITIONER,
        "distributed-systems": Level.WORKING,
        "parallel-computing": Level.WORKING,
        "data-pipelines": Level.WORKING,
        "data-storage": Level.WORKING,
        "sql": Level.WORKING,
    },
    wants={
        Interest.DEPLOYMENT: 5,
        Interest.DATA: 3,
        Interest.MODELLING: 1,
        Interest.RESEARCH: 0,
        Interest.COMMUNICATION: 1,
        Interest.BUSINESS: 1,
    },
)
STATISTICIAN = Profile(
    swe=1,
    ml=2,
    comm=4,
    skills={
        "statistics": Level.EXPERT,
        "mathematics": Level.PRACTITIONER,
        "data-analysis": Level.PRACTITIONER,
        "experimentation": Level.PRACTITIONER,
        "sql": Level.WORKING,
        "python": Level.WORKING,
        "domain-expertise": Level.WORKING,
    },
    wants={
        Interest.BUSINESS: 5,
        Interest.COMMUNICATION: 4,
        Interest.DATA: 3,
        Interest.MODELLING: 2,
        Interest.RESEARCH: 1,
        Interest.DEPLOYMENT: 0,
    },
)
PHD_WHO_PUBLISHES = Profile(
    swe=2,
    ml=3,
    comm=3,
    skills={
        "research-methods": Level.EXPERT,
        "publishing": Level.EXPERT,
        "mathematics": Level.EXPERT,
        "statistics": Level.PRACTITIONER,
        "python": Level.PRACTITIONER,
        "technical-writing": Level.PRACTITIONER,
        "ml-fundamentals": Level.PRACTITIONER,
        "communication": Level.PRACTITIONER,
    },
    wants={
        Interest.RESEARCH: 5,
        Interest.MODELLING: 4,
        Interest.COMMUNICATION: 2,
        Interest.BUSINESS: 0,
        Interest.DEPLOYMENT: 1,
        Interest.DATA: 1,
    },
)


def ranking(catalogue: Catalogue, profile: Profile) -> list[str]:
    return [fit.role.id for fit in rank_roles(catalogue, profile).fits]


def test_strong_engineer_ranks_engineering_roles_above_research(catalogue: Catalogue) -> None:
    order = ranking(catalogue, STRONG_SWE)
    research = min(
        order.index(r)
        for r in ("research-scientist", "applied-research-scientist", "research-engineer")
    )
    for role_id in ("mlops-engineer", "data-engineer", "ml-platform-engineer"):
        assert order.index(role_id) < research, order
    assert order[0] in ("mlops-engineer", "ai-engineer", "ml-platform-engineer", "data-engineer")


def test_statistician_who_wants_business_impact(catalogue: Catalogue) -> None:
    assert set(ranking(catalogue, STATISTICIAN)[:2]) == {"data-scientist", "data-analyst"}


def test_phd_who_wants_to_publish(catalogue: Catalogue) -> None:
    assert ranking(catalogue, PHD_WHO_PUBLISHES)[0] == "research-scientist"


def test_adjacent_roles_are_not_ranked(catalogue: Catalogue) -> None:
    order = ranking(catalogue, STRONG_SWE)
    assert "software-engineer" not in order and len(order) == 15


def test_score_uses_only_the_parts_given(catalogue: Catalogue) -> None:
    mle = catalogue.role("ml-engineer")
    axes_only = fit_role(catalogue, mle, Profile(swe=4, ml=4, comm=3))
    assert axes_only.parts == {"axes": 1.0}
    assert axes_only.score == 100.0
    far = fit_role(catalogue, mle, Profile(swe=0, ml=0, comm=0))
    assert far.score < 40


def test_skill_part_counts_coverage_and_use(catalogue: Catalogue) -> None:
    po = catalogue.role("product-owner")
    needs = {n.skill: n.level for n in po.skills}
    exact = fit_role(catalogue, po, Profile(skills=needs))
    assert exact.parts["skills"] == 1.0
    extra = dict(needs, **{"distributed-systems": Level.EXPERT})
    assert fit_role(catalogue, po, Profile(skills=extra)).parts["skills"] < 1.0


def test_gaps_are_ordered_by_size(catalogue: Catalogue) -> None:
    found = gaps(catalogue, catalogue.role("ml-engineer"), {"python": Level.WORKING})
    sizes = [gap.size for gap in found]
    assert sizes == sorted(sizes, reverse=True)
    python = next(g for g in found if g.skill.id == "python")
    assert (python.have, python.need, python.size) == (Level.WORKING, Level.PRACTITIONER, 1)


def test_work_mix_reads_the_skills(catalogue: Catalogue) -> None:
    mix = work_mix(catalogue, catalogue.role("research-scientist"))
    assert (
        mix[Interest.RESEARCH]
        > work_mix(catalogue, catalogue.role("ml-engineer"))[Interest.RESEARCH]
    )
    assert sum(v for k, v in mix.items() if k is not Interest.COMMUNICATION) <= 1.0 + 1e-9


@pytest.mark.parametrize("profile", [STRONG_SWE, STATISTICIAN, PHD_WHO_PUBLISHES])
def test_reasons_and_scores_are_bounded(catalogue: Catalogue, profile: Profile) -> None:
    for fit in rank_roles(catalogue, profile).fits:
        assert 0 <= fit.score <= 100
        assert all(0 <= part <= 1 for part in fit.parts.values())
