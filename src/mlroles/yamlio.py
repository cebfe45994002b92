"""Reading catalogue YAML safely, keeping line numbers for error messages.

The file is composed into a node tree first (safe loader only; the C loader when
libyaml is there), checked for things PyYAML lets through silently (duplicate keys,
several documents), and only then turned into Python data. The node tree is kept so that
a validation error deep in the data can be pointed at a line and column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

import yaml

from .errors import CatalogueError, Problem
from .limits import MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES, max_values

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Location = tuple[int, int]
"""A 1-based (line, column) pair."""


@dataclass(frozen=True)
class YamlDocument:
    """A parsed catalogue file: its data and the node tree it came from.

    A JSON file is parsed with the json module (far faster); its node tree, needed only to
    point an error at a line, is composed on first use.
    """

    name: str
    data: Any
    text: str = field(repr=False)
    composed: yaml.Node | None = field(default=None, repr=False)
    is_json: bool = False
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Each mapping's keys, indexed on first use: locating N errors stays linear."""

    @cached_property
    def root(self) -> yaml.Node:
        if self.composed is not None:
            return self.composed
        node: yaml.Node | None
        try:
            if self.is_json:
                from .jsonnodes import compose_json

                node = compose_json(self.text)
            else:
                node = yaml.compose(self.text, Loader=_Loader)
        except (yaml.YAMLError, RecursionError, ValueError, IndexError):
            node = None
        if node is not None:
            return node
        start = yaml.Mark(self.name, 0, 0, 0, None, 0)
        return yaml.MappingNode("tag:yaml.org,2002:map", [], start, start)

    def locate(self, path: tuple[str | int, ...], *, at_key: bool = False) -> Location:
        """The line and column of the value at `path`, or of its nearest existing parent.

        With `at_key`, point at the last step's key instead of its value (for a field that
        should not be there at all).
        """
        node = self.root
        for index, step in enumerate(path):
            last_key = at_key and index == len(path) - 1
            child = self._child(node, step, want_key=last_key)
            if child is None:
                break
            node = child
        mark = node.start_mark
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)

    def scalar_text(self, path: tuple[str | int, ...]) -> str:
        """The text of the scalar at `path` as written in the file, before YAML typed it."""
        node: yaml.Node | None = self.root
        for step in path:
            node = self._child(node, step) if node is not None else None
        return node.value if isinstance(node, yaml.ScalarNode) else ""

    def _child(
        self, node: yaml.Node, step: str | int, *, want_key: bool = False
    ) -> yaml.Node | None:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = {}
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode):
                        keys.setdefault(key.value, (key, value))
                self._keys[id(node)] = keys
            pair = keys.get(step)
            return None if pair is None else pair[0] if want_key else pair[1]
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(step, int)
            and 0 <= step < len(node.value)
        ):
            return node.value[step]  # type: ignore[no-any-return]
        return None


def read_yaml(path: Path, name: str | None = None, raw: bytes | None = None) -> YamlDocument:
    """Read one catalogue file (or parse `raw`, its bytes already read), or raise
    `CatalogueError` saying where and what is wrong."""
    name = name or str(path)
    text = _decode(_read_bytes(path, name) if raw is None else raw, name)
    if path.suffix == ".json":
        return _read_json(text, name)
    try:
        _check_events(text, name)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise CatalogueError([_marked_problem(name, exc)]) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
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
    except _CONSTRUCT_ERRORS:
        raise CatalogueError([_unreadable_value(root, name)]) from None
    return YamlDocument(name=name, data=data, text=text, composed=root)


def _read_json(text: str, name: str) -> YamlDocument:
    """A JSON catalogue file: strict JSON, no duplicate keys, no NaN or infinity."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    def constant(word: str) -> Any:
        raise ValueError(f"{word} is not allowed")

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        problem = Problem(name, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno)
        raise CatalogueError([problem]) from None
    except (ValueError, RecursionError) as exc:
        raise CatalogueError([Problem(name, f"not valid JSON: {exc}")]) from None
    if duplicates:
        raise CatalogueError([Problem(name, f"duplicate key {duplicates[0]!r}")])
    if data is None or (data == {} and not text.strip("{} \n\t")):
        raise CatalogueError([Problem(name, "the file is empty; expected an object")])
    if not isinstance(data, dict):
        message = 'the top level must be an object (keys such as "roles")'
        raise CatalogueError([Problem(name, message, 1, 1)])
    _check_json_shape(data, text, name)
    return YamlDocument(name=name, data=data, text=text, is_json=True)


def _check_json_shape(data: Any, text: str, name: str) -> None:
    """The limits YAML files get, for JSON: nesting depth and number of values.

    Counting brackets and separators bounds both from above, so the walk over the data is
    needed only for a file that might break a limit.
    """
    limit = max_values(len(text))
    brackets = text.count("[") + text.count("{")
    if brackets <= MAX_DEPTH and brackets + text.count(",") + text.count(":") < limit:
        return
    values = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        values += 1
        if values > limit:
            raise CatalogueError([Problem(name, f"more than {limit} values")])
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise CatalogueError([Problem(name, f"nested more than {MAX_DEPTH} levels deep")])
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)


# What PyYAML's constructors raise on malformed scalars such as `!!float x`,
# `!!timestamp foo` or `2024-13-45`, besides its own errors.
_CONSTRUCT_ERRORS = (
    yaml.YAMLError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    AttributeError,
    OverflowError,
    RecursionError,
)


def _unreadable_value(root: yaml.Node, name: str) -> Problem:
    """Find the scalar that could not be turned into a value, to say where it is."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                _Loader("").construct_object(node)
            except _CONSTRUCT_ERRORS as exc:
                mark = node.start_mark
                message = f"cannot read the value {node.value!r} as {node.tag}: {exc}"
                return Problem(name, message, mark.line + 1, mark.column + 1)
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack += [value, key]
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return Problem(name, "a value could not be read", root.start_mark.line + 1, 1)


def _check_events(text: str, name: str) -> None:
    """Refuse, before any object is built, nesting too deep and alias bombs.

    Each node's size is counted with aliases expanded: a small file whose aliases
    multiply into millions of values is refused here, not after it has exhausted memory
    in validation or output.
    """
    limit = max_values(len(text))
    sizes: list[int] = []  # open collections: values counted so far
    anchors: list[str | None] = []  # the anchor of each open collection
    anchor_sizes: dict[str, int] = {}
    aliases = 0

    def fail(event: yaml.Event, message: str) -> NoReturn:
        mark = event.start_mark
        if mark is None:
            raise CatalogueError([Problem(name, message)])
        raise CatalogueError([Problem(name, message, mark.line + 1, mark.column + 1)])

    def add(event: yaml.Event, size: int) -> None:
        if sizes:
            sizes[-1] += size
        if size > limit or (sizes and sizes[-1] > limit):
            fail(event, f"more than {limit} values once aliases are expanded")

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            if len(sizes) >= MAX_DEPTH:
                fail(event, f"nested more than {MAX_DEPTH} levels deep")
            sizes.append(1)
            anchors.append(event.anchor)
        elif isinstance(event, yaml.CollectionEndEvent):
            size, anchor = sizes.pop(), anchors.pop()
            if anchor is not None:
                anchor_sizes[anchor] = size
            add(event, size)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                anchor_sizes[event.anchor] = 1
            add(event, 1)
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                fail(event, f"more than {MAX_ALIASES} aliases")
            if event.anchor in anchors:
                fail(event, f"alias *{event.anchor} refers to a value that contains it")
            expanded = anchor_sizes.get(event.anchor or "")
            if expanded is None:
                fail(event, f"alias *{event.anchor} refers to no anchor defined before it")
            add(event, expanded)


def _read_bytes(path: Path, name: str) -> bytes:
    from .files import FileTooLarge, NotRegularFile, read_regular

    try:
        return read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise CatalogueError([Problem(name, "no such file")]) from None
    except (NotRegularFile, IsADirectoryError):
        raise CatalogueError([Problem(name, "not a regular file")]) from None
    except FileTooLarge as exc:
        message = f"{exc.size} bytes is over the {MAX_FILE_BYTES}-byte (256 MiB) limit per file"
        raise CatalogueError([Problem(name, message)]) from None
    except OSError as exc:
        raise CatalogueError([Problem(name, f"cannot read: {exc.strerror or exc}")]) from None


def _decode(raw: bytes, name: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        message = f"{len(raw)} bytes is over the {MAX_FILE_BYTES}-byte (256 MiB) limit per file"
        raise CatalogueError([Problem(name, message)])
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
