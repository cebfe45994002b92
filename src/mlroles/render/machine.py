"""JSON and YAML output: the documents of `data.py`, serialised strictly."""

from __future__ import annotations

import json

from .data import to_data


def dump_json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_json(view: object) -> str:
    return dump_json(to_data(view))


def render_yaml(view: object) -> str:
    import yaml

    return yaml.safe_dump(to_data(view), sort_keys=False, allow_unicode=True, width=1_000_000)
