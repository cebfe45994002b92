"""Renderers: each view laid out once (`layout/`, as `blocks`), drawn by `rich_draw` for a
terminal, `plain` for a pipe or a file, `markdown` and `html` as documents; `data` and
`machine` give JSON and YAML. No renderer prints.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

Output = TypeVar("Output")

READING_NOTE = (
    "* mlroles's own reading: no source gives this value "
    "('mlroles show ROLE' says what each value rests on)."
)
"""The skill-map legend's note on values marked `*` (see `Position.marked`)."""


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def counted(count: int, noun: str) -> str:
    """A count ("five sources", "one source", "12 sources") in text about the catalogue,
    computed from what is loaded (issue 17), never written in."""
    number = _NUMBERS[count] if count < len(_NUMBERS) else str(count)
    return f"{number} {noun}{'' if count == 1 else 's'}"


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"


class Registry(Generic[Output]):
    """Renderers of one format, registered by the name of the view class they render.

    Registering by name, not by type, means a format's module need not import every
    domain module: a command pays only for the views it shows.
    """

    def __init__(self, form: str) -> None:
        self.form = form
        self._renderers: dict[str, Callable[[Any], Output]] = {}

    def renders(
        self, view_name: str
    ) -> Callable[[Callable[[Any], Output]], Callable[[Any], Output]]:
        def register(function: Callable[[Any], Output]) -> Callable[[Any], Output]:
            self._renderers[view_name] = function
            return function

        return register

    def __call__(self, view: object) -> Output:
        renderer = self._renderers.get(type(view).__name__)
        if renderer is None:
            raise TypeError(f"no {self.form} for {type(view).__name__}")
        return renderer(view)
