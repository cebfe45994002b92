"""The stated properties of the fit model (fit.py's docstring), over random profiles, on the
bundled catalogue and on a generated one whose roles and skills have nothing to do with it."""

from __future__ import annotations

import atexit
import itertools
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmark_modules import load_benchmark
from mlroles.catalogue import Catalogue
from mlroles.chart import You, build_chart, distance
from mlroles.fit import KEPT_PLACE, FitResult, fit_role, mostly, rank_roles, work_mix
from mlroles.knowledge import Basis, held
from mlroles.loading import load_bundled, load_paths
from mlroles.models import Interest, Level, Role
from mlroles.profile import Profile
from strategies import LEVELS, profiles

# The example budget is the loaded profile's (conftest: 60 in CI, `thorough` for more).
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _generated() -> Catalogue:
    """A small synthetic catalogue from the benchmark generator (fixed seed)."""
    module = load_benchmark("generate_catalogue")
    out = Path(tempfile.mkdtemp(prefix="mlroles-fit-generated-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    return load_paths(sorted(module.generate(out, 24, 60)))


CATALOGUES = {"bundled": load_bundled(), "generated": _generated()}


def ml_roles(catalogue: Catalogue) -> tuple[Role, ...]:
    return catalogue.roles_on(("research", "production"))


def scores(catalogue: Catalogue, profile: Profile) -> dict[str, float]:
    return {role.id: fit_role(catalogue, role, profile).score for role in ml_roles(catalogue)}


@pytest.mark.parametrize("name", CATALOGUES)
def test_adding_or_raising_a_skill_never_lowers_a_score(name: str) -> None:
    catalogue = CATALOGUES[name]
    ids = [skill.id for skill in catalogue.skills]

    @PROPERTY
    @given(profiles(catalogue), st.sampled_from(ids), st.integers(0, 4))
    def check(profile: Profile, skill_id: str, extra: int) -> None:
        now = held(catalogue, profile, skill_id)
        rank = min(4, max(now.rank, 1) + extra)  # at or above what is rated or estimated
        richer = Profile(
            swe=profile.swe,
            ml=profile.ml,
            comm=profile.comm,
            skills={**profile.skills, skill_id: LEVELS[rank - 1]},
            lacking=tuple(s for s in profile.lacking if s != skill_id),
            wants=profile.wants,
        )
        before, after = scores(catalogue, profile), scores(catalogue, richer)
        assert all(after[role] >= before[role] for role in before), (skill_id, rank)

    check()


@pytest.mark.parametrize("name", CATALOGUES)
def test_unasked_is_unknown_not_none(name: str) -> None:
    catalogue = CATALOGUES[name]

    @PROPERTY
    @given(profiles(catalogue))
    def check(profile: Profile) -> None:
        for role in ml_roles(catalogue):
            fit = fit_role(catalogue, role, profile)
            gap_ids = {gap.skill.id for gap in fit.gaps}
            for gap in fit.unasked:
                # an unknown skill: never rated, nor covered by an axis answer; not a gap
                assert gap.skill.id not in profile.skills and gap.skill.id not in profile.lacking
                assert not held(catalogue, profile, gap.skill.id).known
                assert gap.skill.id not in gap_ids
            for gap in fit.gaps:
                if gap.basis is Basis.ESTIMATED:
                    assert gap.estimated_from is not None
                    axis, value = gap.estimated_from.split()
                    assert getattr(profile, axis) == int(value)
            # saying you lack every unknown skill never raises the score: unknown >= none
            if fit.unasked:
                lacked = profile.lacking + tuple(gap.skill.id for gap in fit.unasked)
                told = profile.model_copy(update={"lacking": lacked})
                assert fit_role(catalogue, role, told).score <= fit.score

    check()


@pytest.mark.parametrize("name", CATALOGUES)
def test_raising_a_want_never_lowers_roles_mostly_about_it(name: str) -> None:
    catalogue = CATALOGUES[name]

    @PROPERTY
    @given(profiles(catalogue), st.sampled_from(list(Interest)), st.integers(1, 5))
    def check(profile: Profile, interest: Interest, more: int) -> None:
        now = profile.wants.get(interest)
        # an unrated want counts as indifferent (2.5): raising it means 3 or more
        new = min(5, now + more) if now is not None else max(3, min(5, 2 + more))
        keener = profile.model_copy(update={"wants": {**profile.wants, interest: new}})
        for role in ml_roles(catalogue):
            if mostly(work_mix(catalogue, role)) is interest:
                before = fit_role(catalogue, role, profile).score
                assert fit_role(catalogue, role, keener).score >= before, role.id

    check()


@pytest.mark.parametrize("name", CATALOGUES)
def test_a_low_want_never_raises_roles_mostly_about_it(name: str) -> None:
    catalogue = CATALOGUES[name]

    @PROPERTY
    @given(profiles(catalogue), st.sampled_from(list(Interest)), st.integers(0, 2))
    def check(profile: Profile, interest: Interest, low: int) -> None:
        # a want of 0-2 is less than indifference (2.5): it says you want little of that
        # work, so the roles mostly about it score no higher than with the want left out
        unsaid = {i: v for i, v in profile.wants.items() if i is not interest}
        silent = profile.model_copy(update={"wants": unsaid})
        reluctant = profile.model_copy(update={"wants": {**unsaid, interest: low}})
        for role in ml_roles(catalogue):
            if mostly(work_mix(catalogue, role)) is interest:
                before = fit_role(catalogue, role, silent).score
                assert fit_role(catalogue, role, reluctant).score <= before, role.id

    check()


@pytest.mark.parametrize("name", CATALOGUES)
def test_a_want_of_zero_keeps_roles_mostly_about_it_out_of_the_top_three(name: str) -> None:
    catalogue = CATALOGUES[name]

    @PROPERTY
    @given(profiles(catalogue), st.sampled_from(list(Interest)))
    def check(profile: Profile, interest: Interest) -> None:
        unwilling = profile.model_copy(update={"wants": {**profile.wants, interest: 0}})
        roles = ml_roles(catalogue)
        others = [r for r in roles if mostly(work_mix(catalogue, r)) is not interest]
        top = rank_roles(catalogue, unwilling).fits[:3]
        if len(others) >= 3:
            assert all(mostly(work_mix(catalogue, fit.role)) is not interest for fit in top)

    check()


@pytest.mark.parametrize("name", CATALOGUES)
def test_raising_a_skill_map_answer_never_lowers_a_score(name: str) -> None:
    catalogue = CATALOGUES[name]

    @PROPERTY
    @given(profiles(catalogue), st.sampled_from(["swe", "ml", "comm"]), st.integers(1, 5))
    def check(profile: Profile, axis: str, more: int) -> None:
        now = getattr(profile, axis)
        higher = profile.model_copy(update={axis: min(5, (now or 0) + more)})
        before, after = scores(catalogue, profile), scores(catalogue, higher)
        assert all(after[role] >= before[role] for role in before), axis

    check()


@pytest.mark.parametrize("name", CATALOGUES)
def test_fit_and_the_map_agree_on_distances(name: str) -> None:
    catalogue = CATALOGUES[name]
    roles = ml_roles(catalogue)
    for swe, ml, comm in itertools.product(range(6), range(6), [None, *range(6)]):
        you = You(swe, ml, comm)
        chart = build_chart(roles, (), you)
        mapped = {role.id: round(far, 2) for role, far in chart.nearest}
        for fit in rank_roles(catalogue, Profile(swe=swe, ml=ml, comm=comm)).fits:
            assert fit.distance == round(distance(you, fit.role), 2)
            assert fit.role.id not in mapped or fit.distance == mapped[fit.role.id]


def _kept_where_due(catalogue: Catalogue, result: FitResult) -> None:
    """The pin's contract: at most one role kept, at third, one of the roles tied nearest,
    only if none of them ranked in the top 3 by score; every other role in score order."""
    by_score = sorted(result.fits, key=lambda f: (f.unwanted is not None, -f.score, f.role.name))
    kept = [i for i, fit in enumerate(result.fits) if fit.kept_as_nearest]
    tied = {near.role.id for near in result.nearest}
    if not kept:
        assert list(result.fits) == by_score
        return
    assert kept == [KEPT_PLACE - 1]
    role = result.fits[KEPT_PLACE - 1]
    assert role.role.id in tied and role.unwanted is None
    assert catalogue.track(role.role.track).shown
    assert not tied & {fit.role.id for fit in by_score[:KEPT_PLACE]}
    assert [f for f in result.fits if f is not role] == [f for f in by_score if f.role != role.role]
    assert role.reasons[0].startswith("kept in the top 3 whatever its score")


@pytest.mark.parametrize("name", CATALOGUES)
def test_for_a_profile_of_axes_the_maps_nearest_role_is_in_the_top_3(name: str) -> None:
    """Issue 15's property, for every profile of axes only; `fit` names every role tied
    nearest, in its order, with its place in the whole ranking."""
    catalogue = CATALOGUES[name]
    roles = ml_roles(catalogue)
    for swe, ml, comm in itertools.product(range(6), range(6), [None, *range(6)]):
        you = You(swe, ml, comm)
        result = rank_roles(catalogue, Profile(swe=swe, ml=ml, comm=comm))
        order = [fit.role.id for fit in result.fits]
        far = {role.id: round(distance(you, role), 2) for role in roles}
        least = min(far.values())
        tied = [role_id for role_id in order if far[role_id] == least]
        assert [near.role.id for near in result.nearest] == tied
        assert [near.rank for near in result.nearest] == [order.index(t) + 1 for t in tied]
        assert {near.of for near in result.nearest} == {len(order)}
        assert result.nearest[0].rank <= 3, (swe, ml, comm)
        chart = build_chart(roles, (), you)
        assert chart.nearest[0][0].id in tied  # the map's own first is one of them
        _kept_where_due(catalogue, result)


@pytest.mark.parametrize("name", CATALOGUES)
def test_with_no_want_above_indifference_the_maps_nearest_role_is_in_the_top_3(
    name: str,
) -> None:
    catalogue = CATALOGUES[name]

    @PROPERTY
    @given(
        profiles(catalogue),
        st.integers(0, 5),
        st.integers(0, 5),
        st.dictionaries(st.sampled_from(list(Interest)), st.integers(0, 2), max_size=3),
    )
    def check(profile: Profile, swe: int, ml: int, low: dict[Interest, int]) -> None:
        unsure = profile.model_copy(update={"swe": swe, "ml": ml, "wants": low})
        result = rank_roles(catalogue, unsure)
        _kept_where_due(catalogue, result)
        if any(near.unwanted is None for near in result.nearest):
            assert result.nearest[0].rank <= 3
        plain = {r.id: fit_role(catalogue, r, unsure).score for r in ml_roles(catalogue)}
        assert {fit.role.id: fit.score for fit in result.fits} == plain  # scores unchanged

    check()


def test_a_want_above_indifference_ranks_by_score_alone() -> None:
    catalogue = CATALOGUES["bundled"]
    result = rank_roles(catalogue, Profile(swe=1, ml=1, wants={Interest.MODELLING: 3}))
    assert not any(fit.kept_as_nearest for fit in result.fits)
    assert result.nearest[0].rank > 3
    low = rank_roles(catalogue, Profile(swe=1, ml=1, wants={Interest.RESEARCH: 2}))
    assert [f.role.id for f in low.fits if f.kept_as_nearest] == ["data-analyst"]


def test_a_starting_point_is_not_kept() -> None:
    """With --track all the map's nearest role can be a starting point, not a place to go."""
    catalogue = CATALOGUES["bundled"]
    result = rank_roles(catalogue, Profile(swe=5, ml=0), catalogue.roles)
    assert result.nearest[0].role.id == "software-engineer"
    assert not any(fit.kept_as_nearest for fit in result.fits)


def test_without_both_map_axes_no_role_is_named_or_kept() -> None:
    catalogue = CATALOGUES["bundled"]
    for profile in (Profile(comm=3), Profile(swe=3), Profile(ml=2, comm=1), Profile()):
        result = rank_roles(catalogue, profile)
        assert result.nearest == ()
        assert not any(fit.kept_as_nearest for fit in result.fits)


def test_estimates_follow_the_axis_answer() -> None:
    catalogue = CATALOGUES["bundled"]
    profile = Profile(swe=4, ml=1, comm=5)
    python = held(catalogue, profile, "python")
    assert (python.level, python.basis, python.estimated_from) == (
        Level.PRACTITIONER,
        Basis.ESTIMATED,
        "swe 4",
    )
    assert held(catalogue, profile, "containers").level is Level.WORKING  # one step lower
    assert held(catalogue, profile, "ml-fundamentals").rank == 0
    assert held(catalogue, profile, "communication").level is Level.EXPERT
    assert not held(catalogue, profile, "publishing").known  # research: no axis
    rated = profile.model_copy(update={"skills": {"python": Level.AWARENESS}})
    assert held(catalogue, rated, "python").basis is Basis.RATED
