"""Loading, merging and checking the role catalogue, and looking things up in it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import CatalogueError, UnknownRoleError
from .models import CatalogueFile, Contrast, Role, Skill, Source, Track
from .yamlio import YamlDocument, read_yaml

TRACK_ORDER = (Track.RESEARCH, Track.PRODUCTION, Track.ADJACENT)
_COLLECTIONS = ("sources", "skills", "roles", "contrasts")
LocPath = tuple[str | int, ...]


def bundled_data_dir() -> Path:
    """The catalogue shipped with the package.

    An installed wheel carries it as `mlroles/data`; a source checkout (editable install,
    or running the tests) keeps it in `data/` at the repository root.
    """
    from importlib.resources import files

    packaged = Path(str(files("mlroles") / "data"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def catalogue_files(directory: Path) -> list[Path]:
    """The YAML files of a catalogue directory, in a stable order."""
    if not directory.is_dir():
        raise CatalogueError([f"{directory}: catalogue directory not found"])
    found = [p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


@dataclass(frozen=True)
class LoadedFile:
    """One validated catalogue file, with what is needed to point errors at its lines."""

    document: YamlDocument
    content: CatalogueFile


def load_bundled() -> Catalogue:
    """The catalogue that ships with mlroles."""
    directory = bundled_data_dir()
    return load_paths(catalogue_files(directory), root=directory)


def load_paths(paths: Sequence[Path], root: Path | None = None) -> Catalogue:
    """Read, validate, merge and cross-check catalogue files; report every problem found."""
    loaded: list[LoadedFile] = []
    problems: list[str] = []
    for path in paths:
        name = path.relative_to(root).as_posix() if root else str(path)
        try:
            loaded.append(validate_document(read_yaml(path, name)))
        except CatalogueError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogueError(problems)
    problems = cross_check(loaded)
    if problems:
        raise CatalogueError(problems)
    return Catalogue.merge(item.content for item in loaded)


def validate_document(document: YamlDocument) -> LoadedFile:
    """Validate one parsed file against the model; errors name file, line, object and field."""
    try:
        content = CatalogueFile.model_validate(document.data)
    except ValidationError as exc:
        errors = exc.errors()
        # A list whose only item is invalid also fails its min-length check; the item's
        # own error is the one that helps.
        deeper = [tuple(e["loc"]) for e in errors]
        errors = [
            e
            for e in errors
            if not (
                e["type"] == "too_short"
                and any(
                    len(other) > len(e["loc"]) and other[: len(e["loc"])] == tuple(e["loc"])
                    for other in deeper
                )
            )
        ]
        problems = [_validation_problem(document, error) for error in errors]
        raise CatalogueError(problems) from None
    return LoadedFile(document, content)


def _validation_problem(document: YamlDocument, error: Any) -> str:
    loc: LocPath = tuple(error["loc"])
    line, column = document.locate(loc)
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = f"unknown field {loc[-1]!r}"
    elif error["type"] == "missing":
        message = f"missing required field {loc[-1]!r}"
    return f"{document.name}:{line}:{column}: {_subject(document.data, loc)}: {message}"


def _subject(data: Any, loc: LocPath) -> str:
    """Name the object and field at `loc`, e.g. `ml-engineer.skills[2].level`."""
    if len(loc) >= 2 and loc[0] in _COLLECTIONS and isinstance(loc[1], int):
        collection, index, rest = str(loc[0]), loc[1], loc[2:]
        label = _object_label(data, collection, index)
        return label + ("." + _dotted(rest) if rest else "")
    return _dotted(loc) or "(top level)"


def _object_label(data: Any, collection: str, index: int) -> str:
    try:
        item = data[collection][index]
    except (KeyError, IndexError, TypeError):
        item = None
    if isinstance(item, dict):
        if collection == "contrasts" and isinstance(item.get("roles"), list):
            return "contrast:" + "/".join(str(r) for r in item["roles"])
        if isinstance(item.get("id"), str):
            prefix = "" if collection == "roles" else collection[:-1] + ":"
            return prefix + str(item["id"])
    return f"{collection}[{index}]"


def _dotted(path: LocPath) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else ("." if text else "") + str(step)
    return text


def cross_check(files: Sequence[LoadedFile]) -> list[str]:
    """Checks that span files: unique ids and aliases, and that every reference resolves."""
    problems: list[str] = []

    def report(item: LoadedFile, loc: LocPath, message: str) -> None:
        line, column = item.document.locate(loc)
        subject = _subject(item.document.data, loc)
        problems.append(f"{item.document.name}:{line}:{column}: {subject}: {message}")

    first: dict[tuple[str, str], str] = {}
    for item in files:
        for collection in ("sources", "skills", "roles"):
            for index, entity in enumerate(getattr(item.content, collection)):
                entry = (collection, entity.id)
                if entry in first:
                    report(
                        item, (collection, index, "id"), f"duplicate id, already in {first[entry]}"
                    )
                else:
                    first[entry] = item.document.name

    source_ids = {ident for (kind, ident) in first if kind == "sources"}
    skill_ids = {ident for (kind, ident) in first if kind == "skills"}
    role_ids = {ident for (kind, ident) in first if kind == "roles"}
    role_keys: dict[str, str] = {}
    pairs: set[frozenset[str]] = set()

    for item in files:
        for index, role in enumerate(item.content.roles):
            base: LocPath = ("roles", index)
            for key, what in _role_keys(role):
                owner = role_keys.setdefault(key, role.id)
                if owner != role.id:
                    report(item, (*base, what), f"{key!r} already names role {owner}")
            seen_skills: set[str] = set()
            for i, need in enumerate(role.skills):
                if need.skill not in skill_ids:
                    report(item, (*base, "skills", i, "skill"), f"unknown skill {need.skill!r}")
                if need.skill in seen_skills:
                    report(item, (*base, "skills", i, "skill"), f"skill {need.skill!r} twice")
                seen_skills.add(need.skill)
            for i, related in enumerate(role.related):
                if related.role not in role_ids or related.role == role.id:
                    report(item, (*base, "related", i, "role"), f"unknown role {related.role!r}")
            for i, specialism in enumerate(role.specialisms):
                if specialism.role is not None and specialism.role not in role_ids:
                    report(
                        item, (*base, "specialisms", i, "role"), f"unknown role {specialism.role!r}"
                    )
        for index, contrast in enumerate(item.content.contrasts):
            for i, role_id in enumerate(contrast.roles):
                if role_id not in role_ids:
                    report(item, ("contrasts", index, "roles", i), f"unknown role {role_id!r}")
            pair = frozenset(contrast.roles)
            if len(pair) < 2:
                report(item, ("contrasts", index, "roles"), "a contrast needs two different roles")
            elif pair in pairs:
                report(item, ("contrasts", index, "roles"), "this pair already has a contrast")
            pairs.add(pair)
        for loc, source_id in _cited_sources(item.content, ()):
            if source_id not in source_ids:
                report(item, loc, f"cites unknown source {source_id!r}")
    return problems


def _role_keys(role: Role) -> Iterator[tuple[str, str]]:
    yield normalise(role.id), "id"
    yield normalise(role.name), "name"
    for alias in role.aliases:
        yield normalise(alias), "aliases"


def _cited_sources(model: BaseModel, path: LocPath) -> Iterator[tuple[LocPath, str]]:
    """Every cited source id in `model`, with the location of the citation."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "sources" and not isinstance(model, CatalogueFile):
            for i, source_id in enumerate(value):
                yield (*path, "sources", i), source_id
        elif isinstance(value, BaseModel):
            yield from _cited_sources(value, (*path, name))
        elif isinstance(value, tuple):
            for i, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from _cited_sources(element, (*path, name, i))


_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(text: str) -> str:
    """The form role names are matched in: case-folded, words joined by single hyphens."""
    return _SEPARATORS.sub("-", text.strip().casefold()).strip("-")


class Catalogue:
    """The merged, checked catalogue, with lookups by id, name and alias."""

    def __init__(
        self,
        sources: Iterable[Source],
        skills: Iterable[Skill],
        roles: Iterable[Role],
        contrasts: Iterable[Contrast],
    ) -> None:
        self.sources: tuple[Source, ...] = tuple(sources)
        self.skills: tuple[Skill, ...] = tuple(skills)
        self.roles: tuple[Role, ...] = tuple(
            sorted(roles, key=lambda r: (TRACK_ORDER.index(r.track), r.name.casefold()))
        )
        self.contrasts: tuple[Contrast, ...] = tuple(contrasts)
        self._roles = {role.id: role for role in self.roles}
        self._skills = {skill.id: skill for skill in self.skills}
        self._sources = {source.id: source for source in self.sources}

    @classmethod
    def merge(cls, files: Iterable[CatalogueFile]) -> Catalogue:
        parts: dict[str, list[Any]] = {name: [] for name in _COLLECTIONS}
        for content in files:
            for name in _COLLECTIONS:
                parts[name].extend(getattr(content, name))
        return cls(**parts)

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def skill(self, skill_id: str) -> Skill:
        return self._skills[skill_id]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def roles_on(self, tracks: Iterable[Track]) -> tuple[Role, ...]:
        wanted = set(tracks)
        return tuple(role for role in self.roles if role.track in wanted)

    @cached_property
    def _role_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for role in self.roles:
            for key, _ in _role_keys(role):
                index.setdefault(key, role.id)
        return index

    def resolve_role(self, query: str) -> Role:
        """The role whose id, name or alias is `query` (any case, spaces or hyphens)."""
        role_id = self._role_index.get(normalise(query))
        if role_id is None:
            raise UnknownRoleError(query, self.suggest_roles(query))
        return self._roles[role_id]

    def suggest_roles(self, query: str, limit: int = 3) -> list[str]:
        """Role ids that look like a mistyped `query`, best first."""
        from rapidfuzz import fuzz, process, utils

        key = normalise(query)
        if not key:
            return []
        matches = process.extract(
            key,
            list(self._role_index),
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=None,
            score_cutoff=70,
        )
        best = matches[0][1] if matches else 0
        suggestions: list[str] = []
        for choice, score, _ in matches:
            role_id = self._role_index[choice]
            # Only near-best matches: a partial hit on "scientist" is no suggestion for "ds".
            if score >= best - 8 and role_id not in suggestions:
                suggestions.append(role_id)
        return suggestions[:limit]

    def contrast_between(self, a: str, b: str) -> tuple[Contrast, bool] | None:
        """The curated contrast of roles `a` and `b`, and whether its columns are swapped."""
        for contrast in self.contrasts:
            if contrast.roles == (a, b):
                return contrast, False
            if contrast.roles == (b, a):
                return contrast, True
        return None

    def citing_roles(self, source_id: str) -> tuple[Role, ...]:
        return tuple(role for role in self.roles if source_id in role.cited_sources())
