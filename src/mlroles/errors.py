"""The one exception hierarchy of mlroles.

Everything a user can cause is raised as an `MlrolesError`; the CLI catches it once,
prints its message on stderr and exits with its `exit_code`. Anything else that
escapes is a bug and is reported as such.
"""

from __future__ import annotations

from typing import NamedTuple


class MlrolesError(Exception):
    """Base class: a message meant for the user, and the exit code that goes with it."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message} {self.hint}"


class UsageError(MlrolesError):
    """The user asked for something that does not exist or cannot be combined (exit 2)."""

    exit_code = 2


class PartialFailure(MlrolesError):
    """Some of many inputs failed; the rest were processed and printed (exit 1)."""


class UnknownRoleError(UsageError):
    """A role argument matched no id, name or alias."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        if suggestions:
            hint = "Did you mean " + " or ".join(suggestions) + "?"
        else:
            hint = "Run 'mlroles list --track all' to see every role."
        super().__init__(f"unknown role {query!r}.", hint=hint)
        self.query = query
        self.suggestions = suggestions


class Problem(NamedTuple):
    """One thing wrong with a catalogue file, located as precisely as it can be."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    subject: str | None = None
    """The object and field, e.g. `ml-engineer.skills[2].level`."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        subject = f" {self.subject}:" if self.subject else ""
        return f"{where}:{subject} {self.message}"


class CatalogueError(MlrolesError):
    """A catalogue file is missing, unreadable or invalid.

    `problems` holds every problem found, each already located (file, line, role, field),
    so that a whole file can be reported at once rather than one error per run.
    """

    kind = "catalogue"
    shown = 1
    lists_all = "; 'mlroles validate' lists them all"

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError(f"{type(self).__name__} needs at least one problem")
        count = len(problems)
        head = "; ".join(str(problem) for problem in problems[: self.shown])
        if count > self.shown:
            head += f" (and {count - self.shown} more{self.lists_all})"
        super().__init__(f"invalid {self.kind}: {head}")
        self.problems = problems


class ProfileError(CatalogueError):
    """A profile file (from `fit --save`, or written by hand) is unreadable or invalid."""

    kind = "profile"
    shown = 3  # a profile is a few lines, and `validate` checks catalogues, not profiles
    lists_all = ""
