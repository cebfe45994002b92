"""A JSON file as a YAML node tree, for pointing a validation error at its line.

A JSON catalogue file is parsed with the json module (fast); its node tree is needed only
when there is an error to locate. PyYAML cannot compose every valid JSON text (an escaped
emoji or lone surrogate, U+FFFE, a key longer than 1,024 characters), so the tree is built
here, from text the json module has already accepted, without recursion.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable

import yaml

_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_MAP, _SEQ, _STR = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str"
_LITERALS = {"t": "true", "f": "false", "n": "null"}


def compose_json(text: str) -> yaml.Node:
    """The node tree of `text`, a JSON document already known to be valid."""
    line_starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def mark(position: int) -> yaml.Mark:
        line = bisect_right(line_starts, position) - 1
        return yaml.Mark("", position, line, position - line_starts[line], None, 0)

    def space(position: int) -> int:
        found = _SPACE.match(text, position)
        return found.end() if found else position

    open_nodes: list[yaml.Node] = []  # the collections being filled, innermost last
    pending_keys: list[yaml.Node | None] = []  # per open mapping: a key awaiting its value
    root: yaml.Node | None = None
    position = space(0)
    while position < len(text):
        char = text[position]
        if char in "}]":
            open_nodes.pop()
            pending_keys.pop()
            position = _past_comma(text, space(position + 1), space)
            continue
        node: yaml.Node
        if char in "{[":
            kind = yaml.MappingNode if char == "{" else yaml.SequenceNode
            node = kind(_MAP if char == "{" else _SEQ, [], mark(position), mark(position))
            end = position + 1
        elif char == '"':
            found_string = _STRING.match(text, position)
            end = found_string.end() if found_string else len(text)
            value = json.loads(text[position:end])
            node = yaml.ScalarNode(_STR, value, mark(position), mark(end))
        else:
            word = _LITERALS.get(char)
            found = None if word else _NUMBER.match(text, position)
            end = position + len(word) if word else (found.end() if found else position + 1)
            node = yaml.ScalarNode("", text[position:end], mark(position), mark(end))
        position = space(end)
        parent = open_nodes[-1] if open_nodes else None
        if isinstance(parent, yaml.MappingNode) and pending_keys[-1] is None:
            pending_keys[-1] = node
            position = space(position + 1)  # past the colon
            continue
        if isinstance(parent, yaml.MappingNode):
            parent.value.append((pending_keys[-1], node))
            pending_keys[-1] = None
        elif parent is not None:
            parent.value.append(node)
        else:
            root = node
        if isinstance(node, yaml.CollectionNode):
            open_nodes.append(node)
            pending_keys.append(None)
        else:
            position = _past_comma(text, position, space)
    if root is None:
        raise ValueError("empty JSON document")
    return root


def _past_comma(text: str, position: int, space: Callable[[int], int]) -> int:
    if position < len(text) and text[position] == ",":
        return space(position + 1)
    return position
