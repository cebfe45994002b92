"""The Typer application: global options and the command table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from . import commands
from .group import MlrolesGroup
from .helptext import HELP_WIDTH, MlrolesCommand
from .output import allow_paging

COMMANDS: dict[str, Callable[..., None]] = {
    "list": commands.list_roles,
    "show": commands.show,
    "compare": commands.compare,
    "skills": commands.skills,
    "map": commands.map_roles,
    "sources": commands.sources,
    "fit": commands.fit,
    "path": commands.path,
    "search": commands.search,
    "triage": commands.triage,
    "validate": commands.validate,
    "schema": commands.schema,
    "init": commands.init,
    "export": commands.export,
}
"""Every command, in the order `--help` lists them."""


def build_app(only: str | None = None) -> typer.Typer:
    """The application; with `only`, just that command.

    Typer builds every parameter of every registered command before it runs one (a few
    milliseconds each); a run that names its command needs only that command built.
    """
    app = typer.Typer(
        cls=MlrolesGroup,
        name="mlroles",
        help="Explore machine-learning job roles: what each does, how two differ, "
        "and where they sit on the skill map. Offline, from a cited catalogue.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        pretty_exceptions_show_locals=False,
        rich_markup_mode=None,
        # Help as wide as the terminal, up to the prose measure (issue 18, item 14).
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": HELP_WIDTH},
    )

    @app.callback()
    def main(
        version: Annotated[
            bool,
            typer.Option(
                "--version", "-V", callback=_version, is_eager=True, help="Show the version."
            ),
        ] = False,
        catalog: Annotated[
            list[Path] | None,
            typer.Option(
                "--catalog",
                "-c",
                help="Add a catalogue file or directory on top of the bundled one (repeatable; "
                "also MLROLES_CATALOG, paths separated by ':').",
                show_default=False,
            ),
        ] = None,
        no_bundled: Annotated[
            bool, typer.Option("--no-bundled", help="Use only the --catalog files.")
        ] = False,
        debug: Annotated[
            bool, typer.Option("--debug", help="Show a traceback for internal errors.")
        ] = False,
        no_pager: Annotated[
            bool,
            typer.Option(
                "--no-pager",
                help="Print long output straight to the terminal, without a pager "
                "(MLROLES_PAGER or PAGER, else less).",
            ),
        ] = False,
    ) -> None:
        """Explore machine-learning job roles."""
        allow_paging(not no_pager)

    for name, function in COMMANDS.items():
        if only is None or name == only:
            app.command(name, cls=MlrolesCommand)(function)
    return app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlroles {__version__}")
        raise typer.Exit()


app = build_app()
