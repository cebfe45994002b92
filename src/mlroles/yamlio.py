"""Reading catalogue YAML safely, keeping line numbers for error messages.

The file is composed into a node tree first (safe loader only; the C loader when
libyaml is there), checked for things PyYAML lets through silently (duplicate keys,
several documents), and only then turned into Python data. The node tree is kept so that
a validation error deep in the data can be pointed at a line and column.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import CatalogueError, Problem

MAX_FILE_BYTES = 1024 * 1024
"""Catalogue files larger than this are refused before they are read."""

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Location = tuple[int, int]
"""A 1-based (line, column) pair."""


@dataclass(frozen=True)
class YamlDocument:
    """A parsed catalogue file: its data and the node tree it came from."""

    name: str
    data: Any
    root: yaml.Node

    def locate(self, path: tuple[str | int, ...], *, at_key: bool = False) -> Location:
        """The line and column of the value at `path`, or of its nearest existing parent.

        With `at_key`, point at the last step's key instead of its value (for a field that
        should not be there at all).
        """
        node = self.root
        for index, step in enumerate(path):
            last_key = at_key and index == len(path) - 1
            child = _child(node, step, want_key=last_key)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return mark.line + 1, mark.column + 1


def _child(node: yaml.Node, step: str | int, *, want_key: bool = False) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                found: yaml.Node = key if want_key else value
                return found
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and 0 <= step < len(node.value)
    ):
        return node.value[step]  # type: ignore[no-any-return]
    return None


def read_yaml(path: Path, name: str | None = None) -> YamlDocument:
    """Read one catalogue file, or raise `CatalogueError` saying where and what is wrong."""
    name = name or str(path)
    text = _read_text(path, name)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise CatalogueError([_marked_problem(name, exc)]) from None
    except yaml.YAMLError as exc:
        raise CatalogueError([Problem(name, f"not valid YAML: {exc}")]) from None
    if root is None:
        raise CatalogueError(
            [Problem(name, "the file is empty; expected a mapping of catalogue keys")]
        )
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1
        message = "the top level must be a mapping (keys such as 'roles:')"
        raise CatalogueError([Problem(name, message, line, 1)])
    problems = list(_duplicate_keys(root, name))
    if problems:
        raise CatalogueError(problems)
    try:
        data = _Loader("").construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise CatalogueError([_marked_problem(name, exc)]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        line = root.start_mark.line + 1
        raise CatalogueError(
            [Problem(name, f"a value could not be read: {exc}", line, 1)]
        ) from None
    return YamlDocument(name=name, data=data, root=root)


def _read_text(path: Path, name: str) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise CatalogueError([Problem(name, "no such file")]) from None
    except OSError as exc:
        raise CatalogueError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None
    if not stat.S_ISREG(info.st_mode):
        raise CatalogueError([Problem(name, "not a regular file")])
    if info.st_size > MAX_FILE_BYTES:
        message = f"{info.st_size} bytes is over the {MAX_FILE_BYTES}-byte limit per file"
        raise CatalogueError([Problem(name, message)])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        raise CatalogueError([Problem(name, message)]) from None


def _marked_problem(name: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = " ".join(part for part in (exc.context, exc.problem) if part)
    if "expected a single document" in (exc.context or ""):
        what = "more than one YAML document in the file; keep one document per file"
    if mark is None:
        return Problem(name, what)
    return Problem(name, what, mark.line + 1, mark.column + 1)


def _duplicate_keys(node: yaml.Node, name: str) -> list[Problem]:
    """Every key that appears twice in one mapping (PyYAML would keep the last silently)."""
    found: list[Problem] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            first_seen: dict[str, int] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    line, column = key.start_mark.line + 1, key.start_mark.column + 1
                    if key.value in first_seen:
                        message = (
                            f"duplicate key {key.value!r} (first at line {first_seen[key.value]})"
                        )
                        found.append(Problem(name, message, line, column))
                    else:
                        first_seen[key.value] = line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found, key=lambda p: (p.line or 0, p.column or 0))
