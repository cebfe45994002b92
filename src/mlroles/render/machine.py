"""JSON and YAML output: the documents of `data.py`, serialised strictly."""

from __future__ import annotations

import json

from .data import to_data


def render_json(view: object) -> str:
    return json.dumps(to_data(view), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_yaml(view: object) -> str:
    import yaml

    return yaml.safe_dump(to_data(view), sort_keys=False, allow_unicode=True, width=1_000_000)
