"""Many job ads at once: one row per ad, the ads that could not be read set aside."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from .catalogue import Catalogue
from .errors import MlrolesError
from .profile import Profile
from .triage import Triage, triage, with_profile


class BatchRow(NamedTuple):
    source: str  # the file as given
    result: Triage


class TriageBatch(NamedTuple):
    rows: tuple[BatchRow, ...]
    failed: tuple[tuple[str, str], ...]  # (file, why it could not be read)


SORT_KEYS: dict[str, Callable[[BatchRow], tuple[object, ...]]] = {
    "name": lambda row: (row.source,),
    "role": lambda row: (
        row.result.matches[0].role.name if row.result.matches else "~",
        -(row.result.matches[0].confidence if row.result.matches else 0.0),
        row.source,
    ),
    "confidence": lambda row: (
        -(row.result.matches[0].confidence if row.result.matches else 0.0),
        row.source,
    ),
    "fit": lambda row: (-(row.result.gap.closeness if row.result.gap else -1), row.source),
}


def triage_many(
    catalogue: Catalogue,
    sources: Sequence[str],
    read: Callable[[str], str],
    sort: str = "name",
    progress: Callable[[int], None] | None = None,
    profile: Profile | None = None,
) -> TriageBatch:
    """Triage every ad `read` can read (and, with a profile, measure the gap to each);
    the others are listed with the reason."""
    rows: list[BatchRow] = []
    failed: list[tuple[str, str]] = []
    for done, source in enumerate(sources, start=1):
        try:
            result = triage(catalogue, read(source))
            if profile is not None:
                result = with_profile(catalogue, result, profile)
            rows.append(BatchRow(source, result))
        except MlrolesError as exc:
            failed.append((source, str(exc)))
        if progress is not None:
            progress(done)
    rows.sort(key=SORT_KEYS[sort])
    return TriageBatch(tuple(rows), tuple(failed))
