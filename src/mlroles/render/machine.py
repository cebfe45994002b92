"""JSON and YAML output: the documents of `data.py`, serialised strictly."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from .data import to_data


def dump_json(data: object) -> str:
    """Strict JSON, UTF-8 as written, but C1 and bidi controls escaped (`textsafe.json_text`)."""
    from ..textsafe import json_text

    return json_text(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)) + "\n"


def render_json(view: object) -> str:
    return dump_json(to_data(view))


def render_yaml(view: object) -> str:
    import yaml

    from ..textsafe import yaml_text

    data = to_data(view)
    return yaml_text(
        lambda unicode: yaml.safe_dump(
            data, sort_keys=False, allow_unicode=unicode, width=1_000_000
        )
    )


def _csv(columns: list[str], rows: Iterable[Sequence[object]]) -> str:
    """A header row and `rows` as CSV (RFC 4180, CRLF line ends), formulas made inert."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_inert(cell) for cell in row] for row in rows)
    return out.getvalue()


def render_csv(view: object) -> str:
    """The rows of a listing as CSV."""
    columns = ["id", "name", "track", "swe", "ml", "comm", "aliases", "summary"]
    rows = to_data(view)["roles"]
    return _csv(
        columns, [["; ".join(r[c]) if c == "aliases" else r[c] for c in columns] for r in rows]
    )


def render_batch_csv(view: object) -> str:
    """One row per ad, for a spreadsheet."""
    from .data import batch_row

    columns = ["file", "title", "role", "confidence", "title_role", "title_misleads", "verdict"]
    if any(row.result.gap is not None for row in view.rows):  # type: ignore[attr-defined]
        columns.append("closeness")
    rows = [batch_row(row) for row in view.rows]  # type: ignore[attr-defined]
    return _csv(columns, [[data[c] for c in columns] for data in rows])


# A formula starts with = + - @ (or their full-width and small forms, or a minus sign),
# possibly after spaces and invisible characters (zero-width, BOM, bidi controls), at the
# start of a cell or after a character some spreadsheets split cells on (; | tab, a line
# break): "x;=cmd|' /C calc'!A0" is two cells, the second a DDE formula, in a ;-locale.
_FORMULA = re.compile(
    "(^|[;|\t\r\n])"
    "([\\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*)"
    "(?=[=+\\-@\u2212\ufe62\ufe63\ufe66\ufe6b\uff0b\uff0d\uff1d\uff20])"
)


def _inert(cell: object) -> object:
    """Text a spreadsheet would run as a formula, quoted so that it shows as text.

    Overlay catalogues are anyone's text, and a CSV is made to be opened in a spreadsheet:
    a name like `=HYPERLINK(...)` must not become a live formula (OWASP "CSV injection").
    Each place a formula could start gets a `'`, which makes a spreadsheet read text.
    """
    if not isinstance(cell, str):
        return cell
    if cell.startswith(("\t", "\r")):
        cell = "'" + cell
    return _FORMULA.sub(r"\1'\2", cell)
