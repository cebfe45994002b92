"""`mlroles validate`: check catalogue files against the model and the merged catalogue."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .build import (
    MAX_PROBLEMS_PER_FILE,
    LoadedFile,
    Merged,
    check_references,
    merge_layers,
    read_layers,
    validate_document,
)
from .errors import CatalogueError, Problem
from .layers import BUNDLED, Layer
from .models import CatalogueFile
from .yamlio import Location, YamlDocument


@dataclass(frozen=True)
class ValidationReport:
    problems: tuple[Problem, ...]
    files: int
    counts: dict[str, int]
    """How many sources, tracks, skill categories, skills, roles and contrasts the checked
    files define."""
    on_bundled: bool

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_layers(base: Sequence[Layer], checked: Sequence[Layer]) -> ValidationReport:
    """Check `checked` on top of `base`; every problem found is reported, none raised.

    Structural and cross-reference problems come in one run (issue 18, item 16): a file's
    invalid objects are reported and left out, and the rest of it is still cross-checked.
    """
    files = sum(len(layer.files) for layer in checked)
    counts = dict.fromkeys(
        ("sources", "tracks", "skill_categories", "skills", "roles", "contrasts"), 0
    )
    on_bundled = any(layer.label == BUNDLED for layer in base)
    try:
        loaded_base = read_layers(base)
    except CatalogueError as exc:  # a broken --catalog under the files: nothing to build on
        return ValidationReport(tuple(exc.problems), files, counts, on_bundled)
    problems: list[Problem] = []
    loaded_checked: list[list[LoadedFile]] = []
    for layer in checked:
        layer_files: list[LoadedFile] = []
        for path in layer.files:
            item = _load_what_is_valid(path, layer, problems)
            if item is not None:
                layer_files.append(item)
                for name in counts:
                    counts[name] += len(getattr(item.content, name))
        loaded_checked.append(layer_files)
    merged = merge_layers([*loaded_base, *loaded_checked])
    problems += merged.problems
    problems += _suggested(check_references(merged), merged)
    return ValidationReport(tuple(problems), files, counts, on_bundled)


def _load_what_is_valid(path: Path, layer: Layer, problems: list[Problem]) -> LoadedFile | None:
    """The file with its invalid objects left out (their problems added to `problems`),
    or None when it cannot be read or is wrong beyond single objects."""
    from pydantic import ValidationError

    from .yamlio import read_yaml

    try:
        document = read_yaml(path, layer.display_name(path))
    except CatalogueError as exc:
        problems.extend(exc.problems)
        return None
    try:
        return validate_document(document, layer.label)
    except CatalogueError as exc:
        problems.extend(exc.problems)
    data = document.data
    if not isinstance(data, dict):
        return None
    bad: set[tuple[str, int]] = set()
    try:
        CatalogueFile.model_validate(data)
    except ValidationError as exc:
        if exc.error_count() > 4 * MAX_PROBLEMS_PER_FILE:  # listing them all costs seconds
            return None
        bad = {(e["loc"][0], e["loc"][1]) for e in exc.errors() if len(e["loc"]) >= 2}  # type: ignore[misc]
    kept = {
        key: [i for i in range(len(value)) if (key, i) not in bad]
        for key, value in data.items()
        if isinstance(value, list)
    }
    salvaged = {
        key: [value[i] for i in kept[key]] if key in kept else value for key, value in data.items()
    }
    try:
        content = CatalogueFile.model_validate(salvaged)
    except ValidationError:  # wrong beyond single objects (a bad top-level key): skip it
        return None
    renumbered = _Renumbered(document.name, salvaged, document.text, kept=kept, original=document)
    return LoadedFile(renumbered, content, layer.label)


@dataclass(frozen=True)
class _Renumbered(YamlDocument):
    """A document with some list items left out: a location in what is left is looked up
    at the item's place in the file as written (`original`)."""

    kept: dict[str, list[int]] = field(default_factory=dict)
    """For each list, the indexes (in the file) of the items left in."""
    original: YamlDocument | None = None

    def locate(self, path: tuple[str | int, ...], *, at_key: bool = False) -> Location:
        assert self.original is not None
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], int):
            indexes = self.kept.get(path[0])
            if indexes is not None and path[1] < len(indexes):
                path = (path[0], indexes[path[1]], *path[2:])
        return self.original.locate(path, at_key=at_key)


_UNKNOWN_SOURCE = re.compile(r"cites unknown source '(?P<id>[^']*)'$")


def _suggested(problems: list[Problem], merged: Merged) -> list[Problem]:
    """Each unknown source id with the known one it most looks like, if any."""
    known = sorted(merged.entities["sources"])
    for placed in merged.entities["sources"].values():
        known += placed.entity.aliases
    out = []
    for problem in problems:
        unknown = _UNKNOWN_SOURCE.search(problem.message)
        if unknown:
            close = difflib.get_close_matches(unknown["id"], known, n=1, cutoff=0.6)
            if close:
                problem = problem._replace(message=f"{problem.message}; did you mean {close[0]!r}?")
        out.append(problem)
    return out
