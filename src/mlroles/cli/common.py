"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ..errors import UsageError
from ..render import Format

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..layers import Layer


CATALOG_ENV = "MLROLES_CATALOG"


class CatalogueChoice(NamedTuple):
    """Which catalogues to merge: the bundled one (unless switched off) and overlays."""

    overlays: tuple[Path, ...]
    bundled: bool

    def layers(self) -> list[Layer]:
        from ..layers import bundled_layer, overlay_layer

        base = [bundled_layer()] if self.bundled else []
        return base + [overlay_layer(path) for path in self.overlays]


def catalogue_choice(ctx: typer.Context) -> CatalogueChoice:
    """Read `--catalog`, `--no-bundled` and MLROLES_CATALOG off the root context.

    Reading the parameters (not `ctx.obj`) keeps this working during shell completion,
    when the root callback does not run.
    """
    params = ctx.find_root().params
    from_env = [Path(p) for p in os.environ.get(CATALOG_ENV, "").split(os.pathsep) if p]
    overlays = (*from_env, *(params.get("catalog") or ()))
    bundled = not params.get("no_bundled", False)
    if not bundled and not overlays:
        raise UsageError(
            "--no-bundled leaves nothing to load.",
            hint=f"Add --catalog PATH or set {CATALOG_ENV}.",
        )
    return CatalogueChoice(tuple(overlays), bundled)


def load_catalogue(ctx: typer.Context) -> Catalogue:
    from ..loading import load_layers

    return load_layers(catalogue_choice(ctx).layers(), notice=cache_notice)


_noticed: set[str] = set()


def cache_notice(message: str) -> None:
    """Why the cache is not used: once per run, and never during a TAB (the shell would
    show stderr in the command line)."""
    if "_MLROLES_COMPLETE" in os.environ or message in _noticed:
        return
    _noticed.add(message)
    from .output import warn

    warn(f"warning: {message}")


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids, and one-word aliases, that start with what has been typed."""
    return _roles_starting(ctx, incomplete, given=())


def complete_track(ctx: typer.Context, incomplete: str) -> list[str]:
    """`--track`: default and all, then the declared tracks, that start with what is typed."""
    from ..declared import EVERY, SHOWN

    try:
        tracks = [track.id for track in load_catalogue(ctx).tracks]
    except Exception:  # completion must never print a traceback into the shell
        tracks = []
    return [word for word in (SHOWN, EVERY, *tracks) if word.startswith(incomplete.casefold())]


def complete_origin(ctx: typer.Context, incomplete: str) -> list[str]:
    """`path FROM`: `me` (your own profile), then the roles."""
    me = ["me"] if "me".startswith(incomplete.casefold()) else []
    return me + _roles_starting(ctx, incomplete, given=())


def complete_another_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """`compare`: the roles not given already (issue 18, item 11)."""
    given = ctx.params.get("roles") or ()
    return _roles_starting(ctx, incomplete, given=tuple(given))


def complete_want(incomplete: str) -> list[str]:
    """`--want WORK=0-5`: the kinds of work (with the `=`), then 0-5 once `=` is typed."""
    from ..models import Interest

    name, sep, _ = incomplete.partition("=")
    if sep:
        return [f"{name}={value}" for value in range(6)]
    return [f"{kind.value}=" for kind in Interest if kind.value.startswith(incomplete)]


def _roles_starting(ctx: typer.Context, incomplete: str, given: tuple[str, ...]) -> list[str]:
    """Ids, then one-word aliases, that start with `incomplete`, leaving out the roles
    that a word in `given` names by id or alias. `fastcomplete` answers the same."""
    from ..layers import normalise

    try:
        catalogue = load_catalogue(ctx)
    except Exception:  # completion must never print a traceback into the shell
        return []
    named = {normalise(word) for word in given}
    roles = [
        role
        for role in catalogue.roles
        if role.id not in named and not any(normalise(a) in named for a in role.aliases)
    ]
    prefix = normalise(incomplete)
    ids = [role.id for role in roles if role.id.startswith(prefix)]
    aliases = sorted(
        {
            alias
            for role in roles
            for alias in role.aliases
            if " " not in alias and normalise(alias).startswith(prefix) and alias not in ids
        }
    )
    return ids + aliases


def complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    """`--skill NAME=LEVEL`: skill ids (with the `=`), then the levels once `=` is typed."""
    try:
        catalogue = load_catalogue(ctx)
    except Exception:  # completion must never print a traceback into the shell
        return []
    name, sep, _ = incomplete.partition("=")
    if sep:
        from ..models import Level

        return [f"{name}={level.value}" for level in Level]
    return [f"{skill.id}=" for skill in catalogue.skills if skill.id.startswith(incomplete)]


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
    str,
    typer.Option(
        "--track",
        "-t",
        metavar="TRACK",
        help="default (the tracks shown by default; ml is another name for it), all, or a "
        "track id or name (in the bundled catalogue: research, production, adjacent); "
        "several joined by commas.",
        autocompletion=complete_track,
    ),
]
