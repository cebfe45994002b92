"""fit's third part: how many of the real career moves recorded went into each role."""

from __future__ import annotations

import json
import math

import pytest

from benchmark_modules import load_benchmark
from mlroles.catalogue import Catalogue
from mlroles.fit import MOVES_FILE, Moves, fit_role, rank_roles, recorded_moves
from mlroles.profile import Profile

PEOPLE = load_benchmark("fit_people")


def test_the_shipped_moves_are_the_read_peoples(catalogue: Catalogue) -> None:
    """One source of truth: moves.json is the count over the people whose labels were read,
    never a held-out round's (written by `fit_people.py --write-moves`)."""
    people = [p for p in PEOPLE.load_people(catalogue) if p.split in PEOPLE.READ]
    counted = PEOPLE.moves_among(people, catalogue.roles_on(catalogue.shown_tracks))
    shipped = json.loads(MOVES_FILE.read_text(encoding="utf-8"))
    assert shipped == {"source": counted.source, "moved_to": dict(counted.counts)}
    shown = {role.id for role in catalogue.roles_on(catalogue.shown_tracks)}
    assert set(shipped["moved_to"]) == shown


def test_the_part_is_the_count_on_a_log_scale() -> None:
    moves = Moves({"common": 84, "rare": 1, "none": 0, "mid": 12}, "test")
    assert moves.part("common") == 1.0
    assert moves.part("none") == 0.0
    assert moves.part("mid") == pytest.approx(math.log(13) / math.log(85))
    assert moves.part("rare") < moves.part("mid") < moves.part("common")
    # a role the counts do not know (a user's own) is neither favoured nor held back
    assert moves.part("users-own-role") == moves.part("mid")
    assert Moves({}, "nothing recorded").part("any") == 0.5
    assert Moves({"a": 0, "b": 0}, "nobody moved").part("a") == 0.5


def test_the_benchmark_never_counts_the_people_it_ranks(catalogue: Catalogue) -> None:
    """Leaving a split out: its people's moves are not counted, and a role only they moved
    into counts 0 (a rare move), not unknown (a middling one)."""
    roles = catalogue.roles_on(catalogue.shown_tracks)
    people = PEOPLE.load_people(catalogue)
    for split in PEOPLE.READ:
        others = [p for p in people if p.split in PEOPLE.READ and p.split != split]
        moves = PEOPLE.moves_among(others, roles)
        assert moves.total == len(others) < len(people)
        assert set(moves.counts) == {role.id for role in roles}
    only_one = PEOPLE.moves_among(people[:1], roles)
    assert only_one.counts[people[0].moved_to] == 1 and only_one.total == 1
    assert all(only_one.part(role.id) == 0.0 for role in roles if role.id != people[0].moved_to)


def test_the_commoner_move_ranks_higher_when_all_else_is_equal(catalogue: Catalogue) -> None:
    role = catalogue.role("mlops-engineer")
    me = Profile(swe=3, ml=2)
    often = fit_role(catalogue, role, me, Moves({"mlops-engineer": 50, "x": 50}, "t"))
    seldom = fit_role(catalogue, role, me, Moves({"mlops-engineer": 2, "x": 50}, "t"))
    assert often.parts["moves"] == 1.0 and seldom.parts["moves"] < 0.3
    assert often.score - seldom.score == pytest.approx(10 * (1 - seldom.parts["moves"]), abs=0.1)
    assert often.parts["skills"] == seldom.parts["skills"]
    assert "50 of the 100 career-change stories collected ended in this role" in often.reasons


def test_every_ranked_role_says_how_common_the_move_is(catalogue: Catalogue) -> None:
    total = recorded_moves().total
    for fit in rank_roles(catalogue, Profile(swe=2, ml=3)).fits:
        count = recorded_moves().counts[fit.role.id]
        assert f"{count} of the {total} career-change stories collected ended in this role" in (
            fit.reasons
        )
