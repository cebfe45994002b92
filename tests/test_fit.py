"""Fit scoring on hand-built profiles, its parts on their own, and the worked example."""

from __future__ import annotations

import pytest

from mlroles.catalogue import Catalogue
from mlroles.fit import (
    assess,
    fit_role,
    mostly,
    rank_roles,
    role_needs,
    typical_need,
    work_mix,
)
from mlroles.knowledge import Basis
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


RESEARCH_ROLES = ("research-scientist", "applied-research-scientist", "research-engineer")


def test_strong_engineer_ranks_engineering_roles_above_research(catalogue: Catalogue) -> None:
    order = ranking(catalogue, STRONG_SWE)
    research = min(order.index(r) for r in RESEARCH_ROLES)
    for role_id in ("mlops-engineer", "data-engineer", "ml-platform-engineer", "ai-engineer"):
        assert order.index(role_id) < research, order
    assert order[0] == "mlops-engineer"


def test_statistician_who_wants_business_impact(catalogue: Catalogue) -> None:
    order = ranking(catalogue, STATISTICIAN)
    assert order[0] == "data-analyst"
    for role_id in ("ml-engineer", "mlops-engineer", "research-scientist", "data-engineer"):
        assert order.index("data-scientist") < order.index(role_id), order


def test_phd_who_wants_to_publish(catalogue: Catalogue) -> None:
    assert set(ranking(catalogue, PHD_WHO_PUBLISHES)[:2]) == {
        "research-scientist",
        "applied-research-scientist",
    }


def test_adjacent_roles_are_not_ranked(catalogue: Catalogue) -> None:
    order = ranking(catalogue, STRONG_SWE)
    assert "software-engineer" not in order and len(order) == 15


def test_the_worked_example(catalogue: Catalogue) -> None:
    """fit.py's docstring and the README: `fit --swe 4 --ml 1 --want deployment=5`."""
    me = Profile(swe=4, ml=1, wants={Interest.DEPLOYMENT: 5})
    ai = fit_role(catalogue, catalogue.role("ai-engineer"), me)
    # 15 of 20 ranks covered; 22 of the 328 recorded moves (114 at most): log 23 / log 115
    assert ai.parts == {"skills": 0.75, "interests": 0.885, "moves": 0.661}
    assert (ai.score, ai.distance) == (81.4, 2.0)
    mlops = fit_role(catalogue, catalogue.role("mlops-engineer"), me)
    assert mlops.parts == {"skills": round(9 / 17, 3), "interests": 0.934, "moves": 0.621}
    assert (mlops.score, mlops.distance) == (75.7, 1.41)
    order = ranking(catalogue, me)
    assert order[:3] == ["ai-engineer", "ml-engineer", "mlops-engineer"]
    assert order.index("data-engineer") == 3  # fourth, though the map puts you on it
    # Python at practitioner is what swe 4 estimated: telling it changes nothing
    told = me.model_copy(update={"skills": {"python": Level.PRACTITIONER}})
    assert [(f.role.id, f.score) for f in rank_roles(catalogue, told).fits] == [
        (f.role.id, f.score) for f in rank_roles(catalogue, me).fits
    ]


def test_axes_only_ranks_by_what_the_answers_cover(catalogue: Catalogue) -> None:
    """With only the skill map's answers, roles rank by the share of their need the answers
    estimate and by the moves (no wants: interests 1/2 for all); the map's distance is
    reported, the same figure as `map --me`, not scored."""
    from mlroles.chart import You, distance

    me = Profile(swe=4, ml=1)
    fits = rank_roles(catalogue, me).fits
    assert all(fit.parts["interests"] == 0.5 for fit in fits)
    assert all(fit.distance == round(distance(You(swe=4, ml=1), fit.role), 2) for fit in fits)
    assert [f.score for f in fits] == sorted((f.score for f in fits), reverse=True)
    # AI engineer: 15 of its 20 ranks (all but LLMs and ML fundamentals); the product
    # roles need nothing swe or ml estimates, whatever the map says of their distance
    assert (fits[0].role.id, fits[0].parts["skills"]) == ("ai-engineer", 0.75)
    product = [f for f in fits if f.role.id in ("product-manager", "product-owner")]
    assert all(f.parts["skills"] == 0.0 for f in product)


def test_meeting_every_listed_need_ranks_the_role_first(catalogue: Catalogue) -> None:
    """Whoever holds all a role lists, at its levels, covers all its need (judged on at
    least the typical role's need): no role ranks above it (ties are possible where another
    role's needs are covered too)."""
    typical = typical_need(catalogue)
    for role in catalogue.roles_on(catalogue.shown_tracks):
        holder = Profile(skills=dict(role_needs(role)))
        fits = rank_roles(catalogue, holder).fits
        mine = next(f for f in fits if f.role.id == role.id)
        listed = sum(level.rank for _, level in role_needs(role))
        assert mine.parts["skills"] == round(listed / max(listed, typical), 3), role.id
        assert fits[0].score == mine.score, role.id


def test_a_short_list_of_needs_is_judged_on_the_typical_roles_need(
    catalogue: Catalogue,
) -> None:
    """The ranks a role lists run from 6 (the hardware engineer) to 55 (ML engineer); a
    role is judged on at least the median (17), so meeting the two skills the sources name
    for the solutions architect is not meeting the role."""
    assert typical_need(catalogue) == 17
    architect = catalogue.role("ml-solutions-architect")
    needs = dict(role_needs(architect))
    assert sum(level.rank for level in needs.values()) == 7
    assert fit_role(catalogue, architect, Profile(skills=needs)).parts["skills"] == round(7 / 17, 3)
    # a role listing more than the median is judged on its own list
    ds = catalogue.role("data-scientist")
    assert fit_role(catalogue, ds, Profile(skills=dict(role_needs(ds)))).parts["skills"] == 1.0


def test_rating_an_unasked_need_raises_the_skills_part_by_its_share(catalogue: Catalogue) -> None:
    ds = catalogue.role("data-scientist")  # 43 ranks of need; statistics is expert (4)
    before = fit_role(catalogue, ds, Profile(swe=2)).parts["skills"]
    after = fit_role(catalogue, ds, Profile(swe=2, skills={"statistics": Level.EXPERT}))
    assert after.parts["skills"] == pytest.approx(before + 4 / 43, abs=0.001)


def test_wants_all_zero_leave_other_roles_as_if_indifferent(catalogue: Catalogue) -> None:
    """'--want research=0' says what you do not want: roles with no research work score as
    they would for someone who said nothing."""
    mle = catalogue.role("ml-engineer")
    plain = fit_role(catalogue, mle, Profile(swe=4, ml=1))
    unwilling = fit_role(catalogue, mle, Profile(swe=4, ml=1, wants={Interest.RESEARCH: 0}))
    assert unwilling.score == plain.score and unwilling.parts["interests"] == 0.5


def test_score_weighs_skills_and_interests(catalogue: Catalogue) -> None:
    mle = catalogue.role("ml-engineer")
    axes_only = fit_role(catalogue, mle, Profile(swe=4, ml=4, comm=3))
    wanting = fit_role(catalogue, mle, Profile(swe=4, ml=4, comm=3, wants={Interest.DATA: 3}))
    for fit in (axes_only, wanting):
        assert set(fit.parts) == {"skills", "interests", "moves"}
        expected = 100 * (
            0.36 * fit.parts["skills"] + 0.54 * fit.parts["interests"] + 0.1 * fit.parts["moves"]
        )
        assert fit.score == pytest.approx(expected, abs=0.1)
    assert axes_only.parts["interests"] == 0.5
    far = fit_role(catalogue, mle, Profile(swe=0, ml=0, comm=0))
    assert far.score < axes_only.score and far.distance == 6.4


def test_skill_part_is_the_share_of_the_need_covered(catalogue: Catalogue) -> None:
    po = catalogue.role("product-owner")  # 12 ranks of need: judged on the typical 17
    needs = {n.skill: n.level for n in po.skills}
    assert fit_role(catalogue, po, Profile(skills=needs)).parts["skills"] == round(12 / 17, 3)
    # a skill the role does not list neither adds nor takes anything
    extra = dict(needs, **{"distributed-systems": Level.EXPERT})
    assert fit_role(catalogue, po, Profile(skills=extra)).parts["skills"] == round(12 / 17, 3)
    # nothing known, nothing covered: an unknown skill counts for nothing, and is no gap
    blank = fit_role(catalogue, po, Profile())
    assert blank.parts["skills"] == 0.0 and not blank.gaps and len(blank.unasked) == len(needs)
    # with comm 5, communication is estimated expert: rating it expert adds nothing ...
    ds = catalogue.role("data-scientist")
    assert ds.skills[-3].skill == "communication" and ds.skills[-3].level is Level.PRACTITIONER
    total = sum(n.level.rank for n in ds.skills)
    assert total == 43
    estimated = fit_role(catalogue, ds, Profile(comm=5)).parts["skills"]
    rated = Profile(comm=5, skills={"communication": Level.EXPERT})
    assert fit_role(catalogue, ds, rated).parts["skills"] == estimated
    # ... and saying you lack it takes the estimate away (3 of the role's 43 need points)
    lacking = Profile(comm=5, lacking=("communication",))
    assert fit_role(catalogue, ds, lacking).parts["skills"] == pytest.approx(
        estimated - 3 / total, abs=0.001
    )


def test_assess_any_requirements(catalogue: Catalogue) -> None:
    """The function a job ad's requirements can be scored with, not only a role's."""
    me = Profile(swe=3, skills={"sql": Level.EXPERT}, lacking=("statistics",))
    found = assess(
        catalogue,
        me,
        [
            ("sql", Level.PRACTITIONER),
            ("python", Level.EXPERT),
            ("statistics", Level.WORKING),
            ("publishing", Level.AWARENESS),
        ],
    )
    assert [(m.skill.id, m.basis) for m in found.met] == [("sql", Basis.RATED)]
    assert [(g.skill.id, g.have, g.basis, g.estimated_from, g.size) for g in found.gaps] == [
        ("python", Level.WORKING, Basis.ESTIMATED, "swe 3", 2),
        ("statistics", None, Basis.RATED, None, 2),
    ]
    assert [g.skill.id for g in found.unasked] == ["publishing"]
    assert found.coverage == (3 + 2 + 0 + 0) / (3 + 4 + 2 + 1)


def test_gaps_are_ordered_by_size(catalogue: Catalogue) -> None:
    fit = fit_role(catalogue, catalogue.role("ml-engineer"), Profile(swe=2, ml=1))
    sizes = [gap.size for gap in fit.gaps]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] == 4
    assert all(gap.basis is Basis.ESTIMATED for gap in fit.gaps)
    # every skill it lists has an axis but communication, and comm was not given
    assert {gap.skill.id for gap in fit.unasked} == {"communication"}


def test_work_mix_reads_the_skills(catalogue: Catalogue) -> None:
    for role in catalogue.roles:
        mix = work_mix(catalogue, role)
        assert 0.999 <= sum(mix.values()) <= 1.0 + 1e-9 or role.id == "ml-hardware-engineer"
    assert mostly(work_mix(catalogue, catalogue.role("research-scientist"))) is Interest.RESEARCH
    assert mostly(work_mix(catalogue, catalogue.role("mlops-engineer"))) is Interest.DEPLOYMENT
    hardware = work_mix(catalogue, catalogue.role("ml-hardware-engineer"))
    assert sum(hardware.values()) < 0.8  # its hardware work is no interest's


def test_want_none_of_research_puts_research_roles_last(catalogue: Catalogue) -> None:
    me = PHD_WHO_PUBLISHES.model_copy(
        update={"wants": {**PHD_WHO_PUBLISHES.wants, Interest.RESEARCH: 0}}
    )
    fits = rank_roles(catalogue, me).fits
    research = [i for i, fit in enumerate(fits) if fit.role.id in RESEARCH_ROLES]
    wanted = [i for i, fit in enumerate(fits) if fit.unwanted is None]
    assert len(research) == 3 and min(research) > max(wanted)
    first = fits[research[0]]
    assert first.unwanted is Interest.RESEARCH
    assert first.reasons[-1] == "but it is mostly research work, which you want none of"


@pytest.mark.parametrize("profile", [STRONG_SWE, STATISTICIAN, PHD_WHO_PUBLISHES])
def test_reasons_and_scores_are_bounded(catalogue: Catalogue, profile: Profile) -> None:
    for fit in rank_roles(catalogue, profile).fits:
        assert 0 <= fit.score <= 100
        assert all(0 <= part <= 1 for part in fit.parts.values())


def test_a_role_judged_on_the_typical_need_says_so(catalogue: Catalogue) -> None:
    architect = catalogue.role("ml-solutions-architect")
    fit = fit_role(catalogue, architect, Profile(ml=4))
    assert "but its sources name little of its need (7 ranks): judged on a typical role's 17" in (
        fit.reasons
    )
    # a role listing more than the typical need, or one you meet none of, says nothing of it
    mle = fit_role(catalogue, catalogue.role("ml-engineer"), Profile(ml=4))
    blank = fit_role(catalogue, architect, Profile())
    assert not any("typical" in reason for reason in (*mle.reasons, *blank.reasons))
