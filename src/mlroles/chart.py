"""The skill map as a chart: where each role is plotted, and where you are."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import UsageError
from .models import Role

NEAREST = 3


@dataclass(frozen=True)
class You:
    swe: int
    ml: int
    comm: int | None = None


@dataclass(frozen=True)
class MapPoint:
    role: Role
    marker: int
    """The number that stands for the role on the terminal chart and in its legend."""
    highlighted: bool

    @property
    def swe(self) -> int:
        return self.role.position.swe

    @property
    def ml(self) -> int:
        return self.role.position.ml

    @property
    def comm(self) -> int:
        return self.role.position.comm


@dataclass(frozen=True)
class SkillChart:
    points: tuple[MapPoint, ...]
    you: You | None
    nearest: tuple[tuple[Role, float], ...]


def parse_you(text: str) -> You:
    """`swe=4,ml=1[,comm=2]`, each 0-5."""
    values: dict[str, int] = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        name = name.strip().casefold()
        if not sep or name not in ("swe", "ml", "comm") or not value.strip().isdigit():
            raise UsageError(
                f"--me {text!r} is not swe=N,ml=N[,comm=N].", hint="Example: --me swe=4,ml=1"
            )
        number = int(value)
        if not 0 <= number <= 5:
            raise UsageError(f"--me {name}={number}: values go from 0 to 5.")
        values[name] = number
    if "swe" not in values or "ml" not in values:
        raise UsageError(f"--me {text!r} needs both swe and ml.", hint="Example: --me swe=4,ml=1")
    return You(values["swe"], values["ml"], values.get("comm"))


def distance(you: You, role: Role) -> float:
    p = role.position
    parts = [(you.swe - p.swe) ** 2, (you.ml - p.ml) ** 2]
    if you.comm is not None:
        parts.append((you.comm - p.comm) ** 2)
    return math.sqrt(sum(parts))


def build_chart(
    roles: Sequence[Role], highlight: Iterable[str] = (), you: You | None = None
) -> SkillChart:
    """Number the roles (by position, so neighbours get neighbouring numbers)."""
    wanted = set(highlight)
    ordered = sorted(roles, key=lambda r: (-r.position.ml, r.position.swe, r.name))
    points = tuple(
        MapPoint(role, marker, role.id in wanted) for marker, role in enumerate(ordered, start=1)
    )
    nearest: tuple[tuple[Role, float], ...] = ()
    if you is not None:
        ranked = sorted(roles, key=lambda r: (distance(you, r), r.name))
        nearest = tuple((r, round(distance(you, r), 2)) for r in ranked[:NEAREST])
    return SkillChart(points, you, nearest)
