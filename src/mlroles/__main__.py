"""`python -m mlroles` and the `mlroles` console script."""

from __future__ import annotations

import contextlib
import gc
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
    # A run is short and makes few reference cycles, but its imports and the catalogue make
    # many objects: at Python's default threshold (700) the collector ran about 100 times a
    # run, walking them all (some 20 ms). It still runs, every 100,000 allocations.
    gc.set_threshold(100_000, 50, 1000)
    # pydantic looks for plugins in every installed distribution's entry points when it
    # builds its first model: 10-30 ms of every run, for plugins a CLI never uses. The
    # variable is pydantic's documented switch; a user who sets it keeps their choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if "_MLROLES_COMPLETE" in os.environ:  # a shell asking for completions: answer fast
        from .fastcomplete import answer

        try:
            answered = answer(os.environ)
        except OSError as exc:  # stdout closed, full or gone: never a traceback in a shell
            _quiet_exit(exc)
        if answered:
            return
        from .cli import app

        app()
        return
    from .cli.app import COMMANDS, build_app

    name = _command_named(sys.argv[1:])
    build_app(only=name if name in COMMANDS else None)()


def _quiet_exit(exc: OSError) -> None:
    """End a completion whose answer could not be written: one line (unless the reader
    simply went away), stdout pointed at /dev/null so the final flush stays quiet."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if isinstance(exc, BrokenPipeError):
        sys.exit(0)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"mlroles: cannot write completions: {exc.strerror or exc}.\n")
    sys.exit(1)


if __name__ == "__main__":
    main()
