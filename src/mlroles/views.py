"""What `list`, `show` and `sources` hand to the renderers.

The records here and in the other hot-path modules are NamedTuples, not frozen
dataclasses: on Python 3.11 each frozen dataclass costs about a millisecond to create
(it compiles six methods), and every run pays that at import.
"""

from __future__ import annotations

from typing import NamedTuple

from .catalogue import Catalogue
from .models import Disagreement, Role, Source
from .rolesummary import RoleSummary
from .skillmap import SkillGroup, quadrant, skills_by_category


class RoleListing(NamedTuple):
    roles: tuple[RoleSummary, ...]
    """Summaries, not whole roles: listing 3,000 roles loads none of them."""
    tracks: tuple[str, ...]
    """The ids of the tracks listed."""


class RoleProfile(NamedTuple):
    role: Role
    quadrant: str
    skill_groups: tuple[SkillGroup, ...]
    related_names: dict[str, str]
    sources: tuple[Source, ...]
    show_citations: bool
    origin: str
    """Where the role was defined: "bundled", or an overlay file's path."""
    disagreements: tuple[Disagreement, ...] = ()
    """Where the sources disagree about this role."""


class SourceEntry(NamedTuple):
    source: Source
    roles: tuple[Role, ...]


class Bibliography(NamedTuple):
    entries: tuple[SourceEntry, ...]


def role_listing(catalogue: Catalogue, tracks: tuple[str, ...]) -> RoleListing:
    return RoleListing(catalogue.summaries_on(tracks), tracks)


def role_profile(catalogue: Catalogue, role: Role, *, show_citations: bool = False) -> RoleProfile:
    linked = [item.role for item in role.related] + [s.role for s in role.specialisms if s.role]
    return RoleProfile(
        role=role,
        quadrant=quadrant(role.position),
        skill_groups=skills_by_category(catalogue, role),
        related_names={role_id: catalogue.role(role_id).name for role_id in linked},
        sources=tuple(catalogue.source(source_id) for source_id in sorted(role.cited_sources())),
        show_citations=show_citations,
        origin=catalogue.origins.get(role.id, "bundled"),
        disagreements=catalogue.disagreements_about([role.id]),
    )


def bibliography(catalogue: Catalogue) -> Bibliography:
    return Bibliography(
        tuple(
            SourceEntry(source, catalogue.citing_roles(source.id)) for source in catalogue.sources
        )
    )
