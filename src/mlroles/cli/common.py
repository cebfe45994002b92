"""Options and helpers shared by the commands."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..catalogue import Catalogue
from ..models import Track
from ..render import Format


class TrackFilter(str, Enum):
    ML = "ml"
    RESEARCH = "research"
    PRODUCTION = "production"
    ADJACENT = "adjacent"
    ALL = "all"

    @property
    def tracks(self) -> tuple[Track, ...]:
        return {
            TrackFilter.ML: (Track.RESEARCH, Track.PRODUCTION),
            TrackFilter.RESEARCH: (Track.RESEARCH,),
            TrackFilter.PRODUCTION: (Track.PRODUCTION,),
            TrackFilter.ADJACENT: (Track.ADJACENT,),
            TrackFilter.ALL: (Track.RESEARCH, Track.PRODUCTION, Track.ADJACENT),
        }[self]


def load_catalogue() -> Catalogue:
    from ..catalogue import load_bundled

    return load_bundled()


def complete_role(incomplete: str) -> list[str]:
    """Role ids for shell completion: ids starting with the text, else ids it names."""
    from ..catalogue import normalise

    try:
        catalogue = load_catalogue()
    except Exception:  # completion must never print a traceback into the shell
        return []
    prefix = normalise(incomplete)
    ids = [role.id for role in catalogue.roles if role.id.startswith(prefix)]
    if ids:
        return ids
    return [
        role.id
        for role in catalogue.roles
        if any(normalise(alias).startswith(prefix) for alias in (role.name, *role.aliases))
    ]


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table for people; json or yaml for scripts; markdown for notes.",
    ),
]

TrackOption = Annotated[
    TrackFilter,
    typer.Option(
        "--track",
        "-t",
        case_sensitive=False,
        help="ml (research and production), research, production, adjacent (starting points) "
        "or all.",
    ),
]
