"""Does `mlroles fit` rank the role real people moved into near the top? Profiles by other hands.

    python benchmarks/fit_people.py          # the dev people, one line each
    python benchmarks/fit_people.py --test   # and the test people (read in session 7)
    python benchmarks/fit_people.py --fresh  # and the second round's people (read in session 7)
    python benchmarks/fit_people.py --fresh2 # and the third round's (read in session 8)
    python benchmarks/fit_people.py --fresh3 # and the fourth round's (read in session 8)
    python benchmarks/fit_people.py --fresh4 # and the fifth round's (read in session 9)
    python benchmarks/fit_people.py --fresh5 # and the sixth round's (read in session 10)
    python benchmarks/fit_people.py --fresh6 # and the seventh round's (read in session 11)

`corpus/people/` holds real people's moves into ML roles, taken from public first-person
stories and interviews (each label file gives the URL), by helpers who had not seen how `fit`
scores and never ran it. For each person they wrote the profile that person would have given
*before* the move (`fit --profile`'s format, only what the story supports) and labelled the
role whose work the new job was (`moved_to`), with any other roles the story itself says
would have suited them (`also`). A move someone made is not proof that it was their best fit,
but a role that real people like them moved into should rank near the top.

For each split this prints how often `fit` ranks the role moved into first and in its top 3
(strictly, and counting `also`), its mean rank, the same for `fit` told only the profile's
axes, and for two baselines measured in the same run: the skill map alone (the same axes,
nearest role first, as `map --me` ranks) and a fixed ranking of the roles by how often the
people of the other read splits (dev and test, never the split ranked) moved into them. The
first round's people are dealt to dev or test by a hash of their id, once and for all; later
rounds are splits of their own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

from mlroles.catalogue import Catalogue
from mlroles.fit import Moves, map_distance, rank_roles
from mlroles.loading import load_bundled
from mlroles.models import Role
from mlroles.profile import Profile, load_profile

PEOPLE = Path(__file__).resolve().parents[1] / "corpus" / "people"


class Person(NamedTuple):
    id: str
    profile: Profile
    moved_to: str
    also: tuple[str, ...]
    split: str
    person: str


# Each helper's round, by the prefix of its people's ids: the first round's people (session
# 7) are dealt to dev and test; the second round's (later in session 7) are a held-out split
# of their own, read once; the third round's (end of session 7), fresh2, was read once in
# session 8, after the next change to fit; the fourth round's (session 8), fresh3, once
# later in session 8, after the change after that; the fifth round's (end of session 8),
# fresh4, was read once early in session 9, fit unchanged since session 8; the sixth round's
# (start of session 9), fresh5, was read once in session 10, after the moves part joined
# the score; the seventh round's (session 11), fresh6, once at the end of session 11, after
# its changes to fit (the map's nearest role kept in the top 3), with the session-start
# fit alongside. A new round gets a new split here before it is read (and into READ after).
ROUNDS = {
    "pa": "first",
    "pb": "first",
    "pc": "fresh",
    "pd": "fresh",
    "pe": "fresh2",
    "pf": "fresh2",
    "pg": "fresh3",
    "ph": "fresh3",
    "pi": "fresh4",
    "pj": "fresh4",
    "pk": "fresh5",
    "pl": "fresh5",
    "pm": "fresh6",
    "pn": "fresh6",
}
SPLITS = ("dev", "test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
READ = ("dev", "test", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
"""The splits whose labels have been read: only these are counted in the moves `fit` ships."""
MOVES_FILE = Path(__file__).resolve().parents[1] / "src" / "mlroles" / "moves.json"


def split_of(person_id: str) -> str:
    """dev or test for the first round's people (by a hash of the id), else the round's."""
    prefix = person_id.split("-")[0]
    if prefix not in ROUNDS:
        raise SystemExit(f"{person_id}: no round for prefix {prefix!r}; add it to ROUNDS")
    if ROUNDS[prefix] != "first":
        return ROUNDS[prefix]
    return "dev" if hashlib.sha256(person_id.encode()).digest()[0] % 2 == 0 else "test"


def load_people(catalogue: Catalogue) -> list[Person]:
    people = []
    for labels in sorted(PEOPLE.glob("*.labels.yaml")):
        entries = (yaml.safe_load(labels.read_text(encoding="utf-8")) or {}).get("people") or {}
        for person_id, label in sorted(entries.items()):
            profile = load_profile(PEOPLE / f"{person_id}.yaml", catalogue)
            people.append(
                Person(
                    person_id,
                    profile,
                    label["moved_to"],
                    tuple(label.get("also") or ()),
                    split_of(person_id),
                    str(label.get("person", "")),
                )
            )
    return people


Ranker = Callable[[Person], list[str]]


def moves_among(people: Sequence[Person], roles: Sequence[Role]) -> Moves:
    """The moves of `people` into each of `roles`, none included: a role nobody among them
    moved into counts 0, not "unknown" (which `fit` scores as a middling move)."""
    counts = Counter(p.moved_to for p in people)
    splits = sorted({p.split for p in people}, key=SPLITS.index)
    return Moves(
        {role.id: counts[role.id] for role in sorted(roles, key=lambda r: r.id)},
        f"corpus/people, splits {', '.join(splits)}",
    )


def write_moves(people: Sequence[Person], roles: Sequence[Role]) -> None:
    """Write the moves `fit` ships: every person of the read splits, by the role moved into."""
    moves = moves_among([p for p in people if p.split in READ], roles)
    data = {"source": moves.source, "moved_to": dict(moves.counts)}
    MOVES_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MOVES_FILE.name}: {moves.total} people")


def by_fit(catalogue: Catalogue, moves: Moves) -> Ranker:
    """`fit`'s ranking with the moves counted among `moves` only: the people of the split
    ranked are never among the counts that rank them."""
    return lambda person: [
        f.role.id for f in rank_roles(catalogue, person.profile, moves=moves).fits
    ]


def by_fit_on_axes(catalogue: Catalogue, moves: Moves) -> Ranker:
    """`fit` told only what the map is told (the profile's axes): the fair comparison with
    the map's ranking, on the question whether the map's nearest role belongs in the top 3."""
    return lambda person: [
        f.role.id
        for f in rank_roles(
            catalogue,
            Profile(swe=person.profile.swe, ml=person.profile.ml, comm=person.profile.comm),
            moves=moves,
        ).fits
    ]


def by_map(roles: Sequence[Role]) -> Ranker:
    """Nearest on the skill map first; roles the map cannot place, and ties, by name."""

    def rank(person: Person) -> list[str]:
        def key(role: Role) -> tuple[float, str]:
            distance = map_distance(person.profile, role)
            return (distance if distance is not None else float("inf"), role.name)

        return [role.id for role in sorted(roles, key=key)]

    return rank


def by_popularity(roles: Sequence[Role], others: Sequence[Person]) -> Ranker:
    counts = Counter(p.moved_to for p in others)
    order = [r.id for r in sorted(roles, key=lambda r: (-counts[r.id], r.name))]
    return lambda person: order


class Score(NamedTuple):
    top1: int
    top3: int
    top1_also: int
    top3_also: int
    rank_sum: int


def score(people: Sequence[Person], rank: Ranker) -> tuple[Score, dict[str, list[str]]]:
    top1 = top3 = top1_also = top3_also = rank_sum = 0
    rankings = {}
    for person in people:
        order = rank(person)
        rankings[person.id] = order
        at = order.index(person.moved_to) + 1 if person.moved_to in order else len(order) + 1
        accepted = {person.moved_to, *person.also}
        top1 += at == 1
        top3 += at <= 3
        top1_also += order[0] in accepted
        top3_also += bool(accepted & set(order[:3]))
        rank_sum += at
    return Score(top1, top3, top1_also, top3_also, rank_sum), rankings


def report(split: str, people: Sequence[Person], rankers: dict[str, Ranker], verbose: bool) -> None:
    n = len(people)
    print(f"\n== {split}: {n} people")
    if not n:
        return
    print("| ranking | first | in top 3 | first, with also | top 3, with also | mean rank |")
    print("| --- | --- | --- | --- | --- | --- |")
    fit_rankings: dict[str, list[str]] = {}
    for name, rank in rankers.items():
        s, rankings = score(people, rank)
        if name == "fit":
            fit_rankings = rankings
        print(
            f"| {name} | {s.top1 / n:.0%} ({s.top1}) | {s.top3 / n:.0%} ({s.top3}) "
            f"| {s.top1_also / n:.0%} | {s.top3_also / n:.0%} | {s.rank_sum / n:.1f} |"
        )
    if verbose:
        for person in people:
            top = fit_rankings[person.id][:3]
            mark = "ok" if person.moved_to in top else "--"
            fits = ", ".join(top)
            print(f"  {mark} {person.id:8} {person.moved_to:27} fit: {fits}  ({person.person})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="also read the test people (read)")
    parser.add_argument(
        "--fresh", action="store_true", help="also read the second round's people (read)"
    )
    parser.add_argument(
        "--fresh2", action="store_true", help="also read the third round's people (read)"
    )
    parser.add_argument(
        "--fresh3", action="store_true", help="also read the fourth round's people (read)"
    )
    parser.add_argument(
        "--fresh4", action="store_true", help="also read the fifth round's people (read)"
    )
    parser.add_argument(
        "--fresh5", action="store_true", help="also read the sixth round's people (read)"
    )
    parser.add_argument(
        "--fresh6", action="store_true", help="also read the seventh round's people (read)"
    )
    parser.add_argument(
        "--write-moves",
        action="store_true",
        help="write the moves fit ships (src/mlroles/moves.json) from the read splits",
    )
    args = parser.parse_args()
    catalogue = load_bundled()
    roles = catalogue.roles_on(catalogue.shown_tracks)
    people = load_people(catalogue)
    if args.write_moves:
        write_moves(people, roles)
        return 0
    reported = [s for s in SPLITS if s == "dev" or getattr(args, s)]
    # The labels of a split not reported stay unseen, its move counts included.
    shown = Counter(p.moved_to for p in people if p.split in reported)
    print(
        f"{sum(shown.values())} people: moved into "
        + ", ".join(f"{r} {n}" for r, n in shown.most_common())
    )
    for split in reported:
        chosen = [p for p in people if p.split == split]
        # The fixed ranking learns from the people already read, never the split it ranks.
        others = [p for p in people if p.split in ("dev", "test") and p.split != split]
        # fit's moves: every read split but the one ranked (the shipped counts hold them all)
        counted = [p for p in people if p.split in READ and p.split != split]
        moves = moves_among(counted, roles)
        rankers = {
            "fit": by_fit(catalogue, moves),
            "fit, axes only": by_fit_on_axes(catalogue, moves),
            "skill map only": by_map(roles),
            "most common moves": by_popularity(roles, others),
        }
        report(split, chosen, rankers, verbose=split == "dev")
    return 0


if __name__ == "__main__":
    sys.exit(main())
