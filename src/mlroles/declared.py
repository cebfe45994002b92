"""Tracks and skill categories that catalogue files declare: checking what refers to them,
and reading the `--track` option against them.

A catalogue of other roles (a company's jobs, ESCO occupations) declares its own tracks
and skill categories next to the bundled ones, or instead of them with `--no-bundled`.
Declarations merge like roles: one id per layer, a later layer's declaration replaces an
earlier one whole, and any layer may add more.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import Problem, UsageError
from .layers import normalise

if TYPE_CHECKING:
    from .build import Merged, Placed
    from .catalogue import Catalogue

SHOWN = "default"
"""`--track default`: the tracks declared `shown: true`."""
EVERY = "all"
SHOWN_ALIASES = ("ml",)
"""Older names of `default`: the bundled catalogue's shown tracks are its ML tracks."""
TRACK_WORDS = (SHOWN, EVERY, *SHOWN_ALIASES)


def check_declared(merged: Merged) -> list[Problem]:
    """Every role's track and every skill's category is declared; declared names are
    unique; no track takes a word `--track` reserves."""
    tracks = merged.entities["tracks"]
    categories = merged.entities["skill_categories"]
    problems = _name_clashes(tracks.values(), "track") + _name_clashes(
        categories.values(), "category"
    )
    for track_id, placed in tracks.items():
        if track_id in TRACK_WORDS:
            message = (
                f"{track_id!r} is a word of --track ({', '.join(TRACK_WORDS)}); choose another id"
            )
            problems.append(placed.file.problem((*placed.loc, "id"), message))
    references = (  # what refers to a declaration: kind, section, entities, their field
        ("track", "tracks", "roles", "track"),
        ("skill category", "skill_categories", "skills", "category"),
    )
    for kind, section, referring, field in references:
        declared = merged.entities[section]
        names = _names(declared.values())
        for placed in merged.entities[referring].values():
            value = getattr(placed.entity, field)
            if value not in declared:
                message = _unknown(kind, value, names, section)
                problems.append(placed.file.problem((*placed.loc, field), message))
    return problems


def _names(declared: Iterable[Placed]) -> dict[str, str]:
    """Every declared id, and every name in its normalised form -> the id."""
    found: dict[str, str] = {}
    for placed in declared:
        found.setdefault(placed.entity.id, placed.entity.id)
        found.setdefault(normalise(placed.entity.name), placed.entity.id)
    return found


def _unknown(kind: str, written: str, known: dict[str, str], section: str) -> str:
    """'unknown track 'reserch'; did you mean 'research'?', or where to declare it."""
    message = f"unknown {kind} {written!r}"
    suggestion = suggest(written, known)
    if suggestion is not None:
        return f"{message}; did you mean {suggestion!r}?"
    ids = sorted(set(known.values()))
    listed = f" (declared: {', '.join(ids)})" if ids else ""
    return f"{message}; declare it under `{section}:`{listed}"


def suggest(written: str, known: dict[str, str]) -> str | None:
    """The declared id `written` most looks like (by id or by name), if one is close."""
    key = normalise(written)
    if key in known:
        return known[key]
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return known[close[0]] if close else None


def _name_clashes(declared: Iterable[Placed], kind: str) -> list[Problem]:
    """A name that another declaration of the same kind already uses (ignoring case,
    spaces and hyphens): the output could not tell them apart."""
    problems: list[Problem] = []
    first: dict[str, Placed] = {}
    for placed in declared:
        owner = first.setdefault(normalise(placed.entity.name), placed)
        if owner is not placed:
            line, column = owner.file.document.locate((*owner.loc, "name"))
            message = (
                f"{placed.entity.name!r} already names {kind} {owner.entity.id} "
                f"({owner.entity.name!r}, {owner.file.document.name}:{line}:{column})"
            )
            problems.append(placed.file.problem((*placed.loc, "name"), message))
    return problems


def select_tracks(catalogue: Catalogue, spec: str) -> tuple[str, ...]:
    """The track ids `--track` names: `default` (or `ml`) for the tracks shown by default,
    `all`, or track ids or names, several joined by commas; in the catalogue's order."""
    wanted: set[str] = set()
    known = {track.id: track.id for track in catalogue.tracks}
    known.update((normalise(track.name), track.id) for track in catalogue.tracks)
    for word in _words(spec):
        if word == SHOWN or word in SHOWN_ALIASES:
            wanted.update(catalogue.shown_tracks)
        elif word == EVERY:
            wanted.update(known.values())
        elif word in known:
            wanted.add(known[word])
        else:
            raise _no_track(word, catalogue, known)
    return tuple(track.id for track in catalogue.tracks if track.id in wanted)


def _words(spec: str) -> Iterator[str]:
    words = [normalise(word) for word in spec.split(",")]
    if not any(words):
        raise UsageError("Invalid value for '--track': it is empty.", hint=_known_hint(()))
    yield from (word for word in words if word)


def _no_track(word: str, catalogue: Catalogue, known: dict[str, str]) -> UsageError:
    suggestion = suggest(word, known)
    hint = f"Did you mean {suggestion}? " if suggestion else ""
    ids = tuple(track.id for track in catalogue.tracks)
    return UsageError(
        f"Invalid value for '--track': no track {word!r}.", hint=hint + _known_hint(ids)
    )


def _known_hint(ids: tuple[str, ...]) -> str:
    tracks = f"a track ({', '.join(ids)}), " if ids else "a track id, "
    return f"Give {tracks}{SHOWN} (the tracks shown by default) or {EVERY}."
