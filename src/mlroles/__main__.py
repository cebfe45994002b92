"""`python -m mlroles` and the `mlroles` console script."""

from __future__ import annotations

import os


def main() -> None:
    if "_MLROLES_COMPLETE" in os.environ:  # a shell asking for completions: answer fast
        from .fastcomplete import answer

        if answer(os.environ):
            return
    from .cli import app

    app()


if __name__ == "__main__":
    main()
