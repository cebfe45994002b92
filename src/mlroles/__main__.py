"""`python -m mlroles` and the `mlroles` console script."""

from __future__ import annotations


def main() -> None:
    from .cli import app

    app()


if __name__ == "__main__":
    main()
