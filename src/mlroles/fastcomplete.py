"""Shell completion of role names without building the Typer app.

Typer answers a TAB by importing itself, building every command and parameter, then
loading the catalogue: far too slow for a keypress. This module answers the common case,
a role argument, from the small index of role ids and aliases that the catalogue cache
keeps, and reproduces Typer's output for bash, zsh and fish byte for byte (a test holds
the two side by side). Anything it does not recognise, or a catalogue with no current
index yet, falls through to Typer.

Which options each command takes, and which arguments are roles, it reads from
`completion_options.py`, generated from the app's own parameters by
`cli/completion_table.py` (a test fails when that file is out of date).

It imports neither Typer nor Rich nor pydantic.
"""

from __future__ import annotations

import errno
import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .layers import normalise

if TYPE_CHECKING:
    from .catalogue import Catalogue

COMPLETE_VAR = "_MLROLES_COMPLETE"
ROLE_KINDS = ("role", "origin", "another-role")
"""The arguments and options it completes (completion_options.ARGUMENTS): a role; a role or
`me` (cli.common.complete_origin); a role not given already (complete_another_role)."""


def _split(text: str) -> list[str]:
    """Split like Click's split_arg_string: shell words, an unclosed quote kept as is."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:
        words.append(lexer.token)
    return words


def _request(shell: str, env: Mapping[str, str]) -> tuple[list[str], str] | None:
    """(arguments before the cursor, the word being completed), as Typer reads them."""
    if shell == "bash":
        words = _split(env.get("COMP_WORDS", ""))
        try:
            cword = int(env.get("COMP_CWORD", ""))
        except ValueError:
            return None
        incomplete = words[cword] if cword < len(words) else ""
        return words[1:cword], incomplete
    line = env.get("_TYPER_COMPLETE_ARGS", "")
    words = _split(line)[1:]
    if words and not line.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


class _RoleWanted(NamedTuple):
    catalogs: list[str]
    """The global --catalog paths given."""
    me: bool
    """`path FROM` also takes `me` (cli.common.complete_origin)."""
    given: list[str]
    """`compare`'s roles given already, left out (cli.common.complete_another_role)."""


def _wants_role(args: list[str], incomplete: str) -> _RoleWanted | None:
    """Whether the word at the cursor is a role: what to offer with it, if so."""
    from .completion_options import ARGUMENTS, FLAGS, ROLE_OPTIONS, VALUE_OPTIONS

    catalogs: list[str] = []
    command = ""
    positionals: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--" or "=" in word:
            return None
        if not command and not word.startswith("-"):
            command = word
            if command not in VALUE_OPTIONS:
                return None
        elif word in VALUE_OPTIONS[command]:
            if i + 1 >= len(args):
                return None  # completing an option's value other than a role
            if command == "" and word in ("--catalog", "-c"):
                catalogs.append(args[i + 1])
            i += 1
        elif word in ROLE_OPTIONS.get(command, ()):
            if i + 1 >= len(args):
                return _RoleWanted(catalogs, False, []) if not incomplete.startswith("-") else None
            i += 1
        elif word in FLAGS[command]:
            pass
        elif word.startswith("-"):
            return None
        else:
            positionals.append(word)
        i += 1
    if not command or incomplete.startswith("-") or "=" in incomplete:
        return None
    # Which argument the word at the cursor fills, and the words its earlier ones took.
    before, current = len(positionals), None
    for kind, variadic in ARGUMENTS.get(command, ()):
        if variadic or before == 0:
            current = kind
            break
        before -= 1
    if current not in ROLE_KINDS:
        return None  # not a role, or more words than the command takes
    given = positionals[len(positionals) - before :] if current == "another-role" else []
    return _RoleWanted(catalogs, current == "origin", given)


def _candidates(index: Mapping[str, object], incomplete: str, wanted: _RoleWanted) -> list[str]:
    """What `cli.common`'s role completions return, from the index."""
    pairs: list[tuple[str, str]] = [(a, r) for a, r in index["aliases"]]  # type: ignore[attr-defined]
    named = {normalise(word) for word in wanted.given}
    left_out = {role for alias, role in pairs if normalise(alias) in named} | named
    prefix = normalise(incomplete)
    ids = [
        role_id
        for role_id in index["ids"]  # type: ignore[attr-defined]
        if role_id.startswith(prefix) and role_id not in left_out
    ]
    aliases = sorted(
        {
            alias
            for alias, role in pairs
            if " " not in alias
            and role not in left_out
            and normalise(alias).startswith(prefix)
            and alias not in ids
        }
    )
    me = ["me"] if wanted.me and "me".startswith(incomplete.casefold()) else []
    return me + ids + aliases


def _zsh_escape(value: str) -> str:
    return (
        value.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def answer(env: Mapping[str, str]) -> bool:
    """Print the completions and return True, or return False to let Typer answer."""
    mode = env.get(COMPLETE_VAR, "")
    shell = mode.removeprefix("complete_")
    if env.get("MLROLES_NO_FAST_COMPLETE") or shell not in ("bash", "zsh", "fish"):
        return False
    request = _request(shell, env)
    if request is None:
        return False
    args, incomplete = request
    wanted = _wants_role(args, incomplete)
    if wanted is None:
        return False
    catalogs = wanted.catalogs
    from . import cache
    from .layers import bundled_layer, overlay_layer

    if "--no-bundled" in args:
        return False
    try:
        extra = [Path(p) for p in env.get("MLROLES_CATALOG", "").split(os.pathsep) if p]
        layers = [bundled_layer()] + [overlay_layer(p) for p in (*extra, *map(Path, catalogs))]
    except Exception:
        return False
    index = cache.read_index(layers, env)
    if index is None:
        return False
    # Typer keeps only the values that start with the word as typed (case and all).
    candidates = _candidates(index, incomplete, wanted)
    values = [value for value in candidates if value.startswith(incomplete)]
    if shell == "bash":
        out = "\n".join(values)
    elif shell == "zsh":
        if values:
            joined = "\n".join(f'"{_zsh_escape(v)}"' for v in values)
            out = f"_arguments '*: :(({joined}))'"
        else:
            out = "_files"
    else:
        action = env.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":
            sys.exit(0 if values else 1)
        out = "\n".join(values) if action == "get-args" and values else ""
    if sys.stdout is None:  # started with stdout closed
        raise OSError(errno.EBADF, "standard output is closed")
    sys.stdout.write(out + "\n")
    sys.stdout.flush()
    return True


def completion_index(catalogue: Catalogue) -> dict[str, object]:
    """What `answer` reads from the cache (written beside each catalogue entry): every role
    id, and every alias with its role."""
    summaries = catalogue.summaries
    return {
        "ids": [role.id for role in summaries],
        "aliases": [[alias, role.id] for role in summaries for alias in role.aliases],
    }
