"""`python -m mlroles` and the `mlroles` console script."""

from __future__ import annotations

import os
import sys


def _command_named(argv: list[str]) -> str | None:
    """The subcommand a command line runs, found past the global options, or None."""
    words = iter(argv)
    for word in words:
        if word in ("--catalog", "-c"):
            next(words, None)
        elif word.startswith("--catalog=") or word in ("--no-bundled", "--debug"):
            continue
        elif word.startswith("-"):
            return None  # --help, --version, completion install: the whole app answers
        else:
            return word
    return None


def main() -> None:
    if "_MLROLES_COMPLETE" in os.environ:  # a shell asking for completions: answer fast
        from .fastcomplete import answer

        if answer(os.environ):
            return
        from .cli import app

        app()
        return
    from .cli.app import COMMANDS, build_app

    name = _command_named(sys.argv[1:])
    build_app(only=name if name in COMMANDS else None)()


if __name__ == "__main__":
    main()
