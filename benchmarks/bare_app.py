"""The baseline for the speed targets: a Typer app of the same shape as mlroles that does
nothing but print its argument (`show ROLE --format F`, one more command, and a completion
callback returning two fixed ids).

    python benchmarks/bare_app.py show x
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"


def complete(incomplete: str) -> list[str]:
    return [role for role in ("data-scientist", "ml-engineer") if role.startswith(incomplete)]


app = typer.Typer(add_completion=True)


@app.command()
def show(
    role: Annotated[str, typer.Argument(autocompletion=complete)],
    fmt: Annotated[Format, typer.Option("--format")] = Format.TABLE,
) -> None:
    """Print the role."""
    print(role)


@app.command("list")
def list_roles(fmt: Annotated[Format, typer.Option("--format")] = Format.TABLE) -> None:
    """Print nothing much."""
    print("roles")


if __name__ == "__main__":
    app(prog_name="bare")
