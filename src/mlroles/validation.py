"""`mlroles validate`: check catalogue files against the model and the merged catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .build import check_references, merge_layers, read_layers
from .errors import CatalogueError, Problem
from .layers import BUNDLED, Layer


@dataclass(frozen=True)
class ValidationReport:
    problems: tuple[Problem, ...]
    files: int
    counts: dict[str, int]
    """How many sources, skills, roles and contrasts the checked files define."""
    on_bundled: bool

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_layers(base: Sequence[Layer], checked: Sequence[Layer]) -> ValidationReport:
    """Check `checked` on top of `base`; every problem found is reported, none raised."""
    files = sum(len(layer.files) for layer in checked)
    counts = {"sources": 0, "skills": 0, "roles": 0, "contrasts": 0}
    on_bundled = any(layer.label == BUNDLED for layer in base)
    try:
        loaded = read_layers([*base, *checked])
    except CatalogueError as exc:
        return ValidationReport(tuple(exc.problems), files, counts, on_bundled)
    for layer_files in loaded[len(base) :]:
        for item in layer_files:
            for name in counts:
                counts[name] += len(getattr(item.content, name))
    merged = merge_layers(loaded)
    problems = merged.problems + check_references(merged)
    return ValidationReport(tuple(problems), files, counts, on_bundled)
