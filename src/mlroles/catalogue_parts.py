"""A catalogue written as a directory of parts, which `--catalog DIR` loads back.

One file can hold a whole catalogue, but a directory of parts is easier to read, diff and
edit, and no one file grows with the catalogue: the sources, the tracks and skill
categories, the skills, the contrasts and disagreements in a file each, and the roles in
files of ROLES_PER_FILE.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .catalogue import Catalogue
from .models import CatalogueFile

ROLES_PER_FILE = 100
FORMATS = ("json", "yaml")
_PART = re.compile(r"(sources|tracks|skills|contrasts|roles/roles-\d{4,})\.(json|yaml)")
_YAML_HEADER = (
    "# Part of an mlroles catalogue, written by `mlroles export -o DIR/`;"
    " load the whole directory with --catalog DIR.\n"
)


def is_part(relative: str) -> bool:
    """Whether a path in a directory is one such an export writes (in either format)."""
    return relative == "roles" or _PART.fullmatch(relative) is not None


def catalogue_parts(catalogue: Catalogue, fmt: str) -> dict[str, str]:
    """The files of the catalogue as a directory: relative path -> text, in `fmt`."""
    if fmt not in FORMATS:
        raise ValueError(f"a catalogue is written as json or yaml, not {fmt}")
    dump = _json if fmt == "json" else _yaml
    documents = ((name, _document(content)) for name, content in _contents(catalogue))
    # A part with nothing in it is left out: the loader refuses an empty file.
    return {f"{name}.{fmt}": dump(document) for name, document in documents if document}


def _contents(catalogue: Catalogue) -> Iterator[tuple[str, CatalogueFile]]:
    yield "sources", CatalogueFile(sources=catalogue.sources)
    yield "tracks", CatalogueFile(tracks=catalogue.tracks, skill_categories=catalogue.categories)
    yield "skills", CatalogueFile(skills=catalogue.skills)
    yield (
        "contrasts",
        CatalogueFile(contrasts=catalogue.contrasts, disagreements=catalogue.disagreements),
    )
    roles = catalogue.roles
    for number, start in enumerate(range(0, len(roles), ROLES_PER_FILE), 1):
        yield (
            f"roles/roles-{number:04d}",
            CatalogueFile(roles=roles[start : start + ROLES_PER_FILE]),
        )


def _document(content: CatalogueFile) -> dict[str, Any]:
    return content.model_dump(mode="json", exclude_defaults=True)


def _json(document: dict[str, Any]) -> str:
    import json

    from .textsafe import json_text  # C1 and bidi controls escaped, as in every JSON output

    return json_text(json.dumps(document, ensure_ascii=False, indent=1)) + "\n"


def _yaml(document: dict[str, Any]) -> str:
    import yaml

    from .textsafe import yaml_text

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's writer, when present
    body = yaml_text(
        lambda unicode: yaml.dump(
            document, Dumper=dumper, sort_keys=False, allow_unicode=unicode, width=100
        )
    )
    return _YAML_HEADER + body
