"""The commands. Each resolves its arguments, asks the domain, and hands the result on."""

from __future__ import annotations

from typing import Annotated

import typer

from ..render import Format
from .common import FormatOption, TrackFilter, TrackOption, complete_role, load_catalogue
from .output import emit

RoleArgument = Annotated[
    str,
    typer.Argument(
        help="Role id, name or alias, e.g. ml-engineer, 'Data Scientist', mle.",
        autocompletion=complete_role,
        show_default=False,
    ),
]


def list_roles(track: TrackOption = TrackFilter.ML, fmt: FormatOption = Format.TABLE) -> None:
    """List the roles: name, id, track, SWE and ML level, and what each does."""
    from ..views import role_listing

    emit(role_listing(load_catalogue(), track.tracks), fmt)


def show(
    role: RoleArgument,
    sources: Annotated[
        bool, typer.Option("--sources", help="Cite the sources next to every section.")
    ] = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Show a role's whole profile: what it does, produces, needs and uses."""
    from ..views import role_profile

    catalogue = load_catalogue()
    emit(role_profile(catalogue, catalogue.resolve_role(role), show_citations=sources), fmt)


def compare(
    roles: Annotated[
        list[str],
        typer.Argument(
            help="Two or more roles (id, name or alias).",
            autocompletion=complete_role,
            show_default=False,
        ),
    ],
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Compare roles side by side: the sources' own contrasts first, then every field."""
    from ..compare import compare_roles

    catalogue = load_catalogue()
    resolved = [catalogue.resolve_role(role) for role in roles]
    emit(compare_roles(catalogue, resolved), fmt)


def skills(
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            help="Mark this role on the map and list its skills by category.",
            autocompletion=complete_role,
            show_default=False,
        ),
    ] = None,
    track: TrackOption = TrackFilter.ML,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """The software-engineering vs ML skill map: where every role sits."""
    from ..skillmap import build_skill_map

    catalogue = load_catalogue()
    focus = catalogue.resolve_role(role) if role is not None else None
    roles = list(catalogue.roles_on(track.tracks))
    if focus is not None and focus not in roles:
        roles.append(focus)
    emit(build_skill_map(catalogue, roles, focus), fmt)


def sources(fmt: FormatOption = Format.TABLE) -> None:
    """The bibliography: each source, what it contributed, and the roles citing it."""
    from ..views import bibliography

    emit(bibliography(load_catalogue()), fmt)
