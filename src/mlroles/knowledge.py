"""What a profile tells us about one skill: rated, estimated from an axis, or unknown.

A skill the person rated (or said they lack) is *rated*. A skill they were not asked about
is *unknown*, not "none" - unless one of their skill-map answers covers its category, in
which case that answer gives an *estimate*, shown as such ("estimated from swe 4").
Each skill category declares which answer covers it (`estimated_from`, in the catalogue
data); the bundled catalogue's categories say:

- software engineering (`swe`) covers software-engineering skills, and one step lower the
  infrastructure and data-engineering skills (the Full Stack summary puts ML DevOps and
  data engineering on the software-engineering side of its 2x2);
- ML knowledge (`ml`) covers machine-learning skills, and one step lower maths & statistics;
- communication (`comm`) covers communication skills.

An axis answer of N estimates rank N - 1 (5 expert, 4 practitioner, 3 working, 2 awareness,
0-1 none) for the categories it covers directly (`below: 1`), N - 2 one step lower
(`below: 2`). Research, product &
business and hardware skills have no axis: unless rated they stay unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .catalogue import Catalogue
from .models import Level, SkillCategory
from .profile import Profile

LEVELS = tuple(Level)


class Basis(str, Enum):
    RATED = "rated"
    ESTIMATED = "estimated"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Held:
    """How much of a skill a person has (rank 0 none ... 4 expert) and how we know."""

    rank: int
    basis: Basis
    estimated_from: str | None = None
    """For an estimate, the answer it comes from, e.g. 'swe 4'."""

    @property
    def level(self) -> Level | None:
        return LEVELS[self.rank - 1] if self.rank else None

    @property
    def known(self) -> bool:
        return self.basis is not Basis.UNKNOWN


UNKNOWN = Held(0, Basis.UNKNOWN)


def estimate(profile: Profile, category: SkillCategory) -> Held | None:
    """The estimate an axis answer gives for a skill of `category`, if any covers it (the
    category's `estimated_from`)."""
    if category.estimated_from is None:
        return None
    axis, below = category.estimated_from.axis, category.estimated_from.below
    value: int | None = getattr(profile, axis)
    if value is None:
        return None
    return Held(max(0, min(4, value - below)), Basis.ESTIMATED, f"{axis} {value}")


def held(catalogue: Catalogue, profile: Profile, skill_id: str) -> Held:
    """What the profile says about one skill: its rating, else an estimate, else unknown."""
    if skill_id in profile.skills:
        return Held(profile.skills[skill_id].rank, Basis.RATED)
    if skill_id in profile.lacking:
        return Held(0, Basis.RATED)
    return estimate(profile, catalogue.category(catalogue.skill(skill_id).category)) or UNKNOWN
