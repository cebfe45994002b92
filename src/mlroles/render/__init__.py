"""Renderers: one module per output format, each turning a domain result into output.

`table` returns Rich renderables for a person at a terminal; `json`, `yaml` and
`markdown` return plain strings built without Rich, so nothing is wrapped or coloured.
No renderer prints.
"""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"
