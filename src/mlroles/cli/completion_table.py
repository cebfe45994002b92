"""The option table of the completion fast path, derived from the Typer app itself.

`fastcomplete` answers a TAB without building the app, so it cannot read the commands'
parameters; it reads `mlroles/completion_options.py`, which this module writes from them:

    python -m mlroles.cli.completion_table

A test fails when the file differs from what the app gives, so that a new option (or a
role argument) cannot silently break completion after it.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from .common import complete_another_role, complete_origin, complete_role

ROLE_COMPLETERS: dict[Callable[..., Any], str] = {
    complete_role: "role",
    complete_origin: "origin",
    complete_another_role: "another-role",
}
"""What the fast path offers for each of `cli.common`'s role completions."""

TARGET = Path(__file__).resolve().parent.parent / "completion_options.py"
_HEADER = '''"""Every command's options and arguments, as the completion fast path needs them.

Generated from the Typer app by `python -m mlroles.cli.completion_table`: do not edit.
A test fails when it is out of date.
"""
'''
Table = dict[str, Any]


def completion_table(app: typer.Typer, functions: dict[str, Callable[..., Any]]) -> Table:
    """The table for `app`, whose commands run `functions` (by command name, "" for the
    app's own options), read from the commands Typer builds.

    Options with a callback (--version, --install-completion) and eager ones are left out:
    the fast path then does not recognise them and leaves the TAB to Typer.
    """
    group = typer.main.get_command(app)
    commands: dict[str, Any] = {"": group, **getattr(group, "commands", {})}
    values: dict[str, list[str]] = {}
    flags: dict[str, list[str]] = {}
    roles: dict[str, list[str]] = {}
    arguments: dict[str, list[tuple[str, bool]]] = {}
    for name, command in sorted(commands.items()):
        kinds = _completer_kinds(functions.get(name))
        values[name], flags[name], arguments[name] = [], [], []
        for param in command.params:
            kind = kinds.get(param.name, "")
            if param.param_type_name == "argument":
                arguments[name].append((kind, param.nargs == -1))
                continue
            if param.callback is not None or param.is_eager:
                continue
            names = [*param.opts, *param.secondary_opts]
            if param.is_flag or param.count:
                flags[name] += names
            elif kind == "role":
                roles.setdefault(name, []).extend(names)
            else:
                values[name] += names
    return {
        "VALUE_OPTIONS": {k: sorted(v) for k, v in values.items()},
        "FLAGS": {k: sorted(v) for k, v in flags.items()},
        "ROLE_OPTIONS": {k: sorted(v) for k, v in roles.items()},
        "ARGUMENTS": {k: tuple(v) for k, v in arguments.items() if v},
    }


def _completer_kinds(function: Callable[..., Any] | None) -> dict[str, str]:
    """Parameter name -> "role", "origin" or "another-role", for each parameter of
    `function` that completes with one of `cli.common`'s role completions."""
    if function is None:
        return {}
    kinds = {}
    hints = typing.get_type_hints(function, include_extras=True)
    for name, hint in hints.items():
        for info in getattr(hint, "__metadata__", ()):
            completer = getattr(info, "autocompletion", None)
            if completer in ROLE_COMPLETERS:
                kinds[name] = ROLE_COMPLETERS[completer]
    return kinds


def module_text(table: Table) -> str:
    """The Python source of `completion_options.py` for `table`, laid out as ruff
    formats it (the file is checked like any other)."""
    parts = [_HEADER.rstrip("\n") + "\n"]
    for name, mapping in table.items():
        lines = [f"{name}: dict[str, {_ITEM_TYPES[name]}] = {{"]
        for key, items in sorted(mapping.items()):
            line = f"    {_literal(key)}: {_literal(tuple(items))},"
            if len(line) > _WIDTH:
                inner = "".join(f"        {_literal(item)},\n" for item in items)
                line = f"    {_literal(key)}: (\n{inner}    ),"
            lines.append(line)
        lines.append("}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


_WIDTH = 100
_ITEM_TYPES = {
    "VALUE_OPTIONS": "tuple[str, ...]",
    "FLAGS": "tuple[str, ...]",
    "ROLE_OPTIONS": "tuple[str, ...]",
    "ARGUMENTS": "tuple[tuple[str, bool], ...]",
}


def _literal(value: Any) -> str:
    if isinstance(value, tuple):
        items = [_literal(item) for item in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def app_table() -> Table:
    """The table of mlroles's own app, with its global options under ""."""
    from .app import COMMANDS, build_app

    app = build_app()
    main = app.registered_callback.callback if app.registered_callback else None
    return completion_table(app, {"": main, **COMMANDS} if main else dict(COMMANDS))


if __name__ == "__main__":
    TARGET.write_text(module_text(app_table()), encoding="utf-8")
    print(f"wrote {TARGET}")
