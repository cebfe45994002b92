"""What `list`, `show` and `sources` hand to the renderers."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .models import Role, Source, Track
from .skillmap import SkillGroup, quadrant, skills_by_category


@dataclass(frozen=True)
class RoleListing:
    roles: tuple[Role, ...]
    tracks: tuple[Track, ...]


@dataclass(frozen=True)
class RoleProfile:
    role: Role
    quadrant: str
    skill_groups: tuple[SkillGroup, ...]
    related_names: dict[str, str]
    sources: tuple[Source, ...]
    show_citations: bool
    origin: str
    """Where the role was defined: "bundled", or an overlay file's path."""


@dataclass(frozen=True)
class SourceEntry:
    source: Source
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class Bibliography:
    entries: tuple[SourceEntry, ...]


def role_listing(catalogue: Catalogue, tracks: tuple[Track, ...]) -> RoleListing:
    return RoleListing(catalogue.roles_on(tracks), tracks)


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
    )


def bibliography(catalogue: Catalogue) -> Bibliography:
    return Bibliography(
        tuple(
            SourceEntry(source, catalogue.citing_roles(source.id)) for source in catalogue.sources
        )
    )
