"""The role catalogue and looking things up in it. Building one from its files is
`build.py`'s job; loading one (from the cache when nothing changed) is `loading.py`'s."""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .bulk import bulk
from .cache import Deferred, StoredApart, safe_loads
from .errors import UnknownRoleError, UsageError
from .layers import normalise
from .models import Contrast, Disagreement, Role, Skill, SkillCategory, Source, Track
from .rolesummary import RoleSummary

if TYPE_CHECKING:
    from .search import Document


def _role_keys(role: Role) -> Iterator[tuple[str, str]]:
    yield normalise(role.id), "id"
    yield normalise(role.name), "name"
    for alias in role.aliases:
        yield normalise(alias), "aliases"


def _build_role_index(roles: Iterable[Role]) -> dict[str, str]:
    """Every normalised id, name and alias -> role id (the first role to claim it wins)."""
    index: dict[str, str] = {}
    for role in roles:
        for key, _ in _role_keys(role):
            index.setdefault(key, role.id)
    return index


class _Lazy(dict[str, Any]):
    """Models by id, kept pickled (or, for roles, in the cache's parts file) until first
    asked for.

    A catalogue served from the cache may hold thousands of roles and skills; a command
    that shows one role should not pay for unpickling all of them.
    """

    def __missing__(self, key: str) -> Any:
        raise KeyError(key)

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, (bytes, Deferred)):
            # Only mlroles's own classes, as for the entry itself.
            value = safe_loads(value) if isinstance(value, bytes) else value.load()
            super().__setitem__(key, value)
        return value


class Catalogue:
    """The merged, checked catalogue, with lookups by id, name and alias."""

    def __init__(
        self,
        sources: Iterable[Source],
        skills: Iterable[Skill],
        roles: Iterable[Role],
        contrasts: Iterable[Contrast],
        origins: dict[str, str] | None = None,
        disagreements: Iterable[Disagreement] = (),
        tracks: Iterable[Track] = (),
        categories: Iterable[SkillCategory] = (),
    ) -> None:
        self.tracks: tuple[Track, ...] = tuple(tracks)
        """The declared tracks, in declaration order (bundled first): roles are listed so."""
        self.categories: tuple[SkillCategory, ...] = tuple(categories)
        """The declared skill categories, in declaration order: skills are grouped so."""
        self._tracks = {track.id: track for track in self.tracks}
        self._categories = {category.id: category for category in self.categories}
        rank = {track_id: index for index, track_id in enumerate(self._tracks)}
        ordered = sorted(roles, key=lambda r: (rank.get(r.track, len(rank)), r.name.casefold()))
        skill_list = list(skills)
        self.sources: tuple[Source, ...] = tuple(sources)
        self.contrasts: tuple[Contrast, ...] = tuple(contrasts)
        self.disagreements: tuple[Disagreement, ...] = tuple(disagreements)
        """Where the sources disagree, each with the roles it concerns."""
        self.origins: dict[str, str] = origins or {}
        """Role id -> where it was defined: "bundled", or the overlay file's path."""
        self._summaries: tuple[RoleSummary, ...] | bytes | Deferred = tuple(
            map(RoleSummary.of, ordered)
        )
        self._role_order = tuple(role.id for role in ordered)
        self._role_tracks = {role.id: role.track for role in ordered}
        self._skill_order = tuple(skill.id for skill in skill_list)
        self._roles = _Lazy((role.id, role) for role in ordered)
        self._skills = _Lazy((skill.id, skill) for skill in skill_list)
        self._sources = {source.id: source for source in self.sources}
        self._role_index = _build_role_index(ordered)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle each role and skill on its own, so that they can be loaded one by one;
        the roles to be stored apart by the cache (a listing needs only their summaries),
        and the search documents too (only a search reads them)."""
        search_documents = pickle.dumps(self.search_documents(), protocol=5)
        state = dict(self.__dict__)
        state["_search_documents"] = StoredApart(search_documents)
        for name in ("roles", "skills", "_citing"):  # cached from the models: not worth storing
            state.pop(name, None)
        state["_roles"] = {
            key: StoredApart(_pickled(self._roles, key)) for key in dict.keys(self._roles)
        }
        state["_skills"] = {key: _pickled(self._skills, key) for key in dict.keys(self._skills)}
        # Pickled as one, and kept apart: only a listing reads them, never `show`.
        state["_summaries"] = StoredApart(pickle.dumps(self.summaries, protocol=5))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["_roles"] = _Lazy(state["_roles"])
        state["_skills"] = _Lazy(state["_skills"])
        self.__dict__.update(state)

    @cached_property
    def roles(self) -> tuple[Role, ...]:
        """Every role, track by track (in the tracks' order); by name within each."""
        with bulk():
            return tuple(self._roles[role_id] for role_id in self._role_order)

    @cached_property
    def skills(self) -> tuple[Skill, ...]:
        with bulk():
            return tuple(self._skills[skill_id] for skill_id in self._skill_order)

    def search_documents(self) -> tuple[Document, ...]:
        """Every searchable text of the roles and skills (`search.documents`), made once."""
        stored = self.__dict__.get("_search_documents")
        if isinstance(stored, (bytes, Deferred)):  # as pickled, or kept apart by the cache
            stored = safe_loads(stored) if isinstance(stored, bytes) else stored.load()
        elif stored is None:
            from .search import documents

            stored = documents(self.roles, self.skills)
        self._search_documents: tuple[Document, ...] = stored
        return stored

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]  # type: ignore[no-any-return]

    def skill(self, skill_id: str) -> Skill:
        return self._skills[skill_id]  # type: ignore[no-any-return]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def track(self, track_id: str) -> Track:
        return self._tracks[track_id]

    def category(self, category_id: str) -> SkillCategory:
        return self._categories[category_id]

    @property
    def shown_tracks(self) -> tuple[str, ...]:
        """The ids of the tracks shown by default, in order."""
        return tuple(track.id for track in self.tracks if track.shown)

    @property
    def summaries(self) -> tuple[RoleSummary, ...]:
        """What a listing shows of every role, in catalogue order."""
        stored = self._summaries
        if isinstance(stored, (bytes, Deferred)):  # as pickled, or kept apart by the cache
            with bulk():
                if isinstance(stored, bytes):
                    self._summaries = safe_loads(stored, kinds=CACHED_CLASSES)
                else:
                    self._summaries = stored.load(CACHED_CLASSES)
        return self._summaries  # type: ignore[return-value]

    def summaries_on(self, tracks: Iterable[str]) -> tuple[RoleSummary, ...]:
        """What a listing shows of the roles on `tracks`, in catalogue order, without
        loading the roles themselves."""
        wanted = set(tracks)
        return tuple(summary for summary in self.summaries if summary.track in wanted)

    def roles_on(self, tracks: Iterable[str]) -> tuple[Role, ...]:
        wanted = set(tracks)
        with bulk():
            return tuple(
                self._roles[role_id]
                for role_id in self._role_order
                if self._role_tracks[role_id] in wanted
            )

    @property
    def role_ids(self) -> tuple[str, ...]:
        return self._role_order

    def resolve_role(self, query: str) -> Role:
        """The role whose id, name or alias is `query` (any case, spaces or hyphens)."""
        role_id = self._role_index.get(normalise(query))
        if role_id is None:
            raise UnknownRoleError(query, self.suggest_roles(query))
        return self.role(role_id)

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
            score_cutoff=75,
        )
        best = matches[0][1] if matches else 0
        suggestions: list[str] = []
        for choice, score, _ in matches:
            role_id = self._role_index[choice]
            # Only near-best matches: a partial hit on "scientist" is no suggestion for "ds".
            if score >= best - 8 and role_id not in suggestions:
                suggestions.append(role_id)
        return suggestions[:limit]

    @cached_property
    def _skill_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for skill in self.skills:
            for key in (skill.id, skill.name, *skill.aliases):
                index.setdefault(normalise(key), skill.id)
        return index

    def resolve_skill(self, query: str) -> Skill:
        """The skill whose id, name or alias is `query` (any case, spaces or hyphens)."""
        skill_id = self._skill_index.get(normalise(query))
        if skill_id is None:
            from rapidfuzz import process  # only for a miss: it costs ~7 ms to import

            matches = process.extract(
                normalise(query), list(self._skill_index), limit=3, score_cutoff=75
            )
            ids = list(dict.fromkeys(self._skill_index[m[0]] for m in matches))
            hint = (
                ("Did you mean " + " or ".join(ids) + "?")
                if ids
                else ("Run 'mlroles schema' or see skills.yaml for skill ids.")
            )
            raise UsageError(f"unknown skill {query!r}.", hint=hint)
        return self.skill(skill_id)

    def contrast_between(self, a: str, b: str) -> tuple[Contrast, bool] | None:
        """The curated contrast of roles `a` and `b`, and whether its columns are swapped."""
        for contrast in self.contrasts:
            if contrast.roles == (a, b):
                return contrast, False
            if contrast.roles == (b, a):
                return contrast, True
        return None

    def disagreements_about(
        self, role_ids: Sequence[str], least: int = 1
    ) -> tuple[Disagreement, ...]:
        """The disagreements that concern at least `least` of the roles."""
        wanted = set(role_ids)
        return tuple(d for d in self.disagreements if len(wanted.intersection(d.roles)) >= least)

    def citing_roles(self, source_id: str) -> tuple[Role, ...]:
        return self._citing.get(source_id, ())

    @cached_property
    def _citing(self) -> dict[str, tuple[Role, ...]]:
        """Source id -> the roles citing it, in catalogue order: one walk over every role's
        citations, not one per source (that was quadratic: 68 s at 5,000 roles)."""
        citing: dict[str, list[Role]] = {}
        for role in self.roles:
            for source_id in role.cited_sources():
                citing.setdefault(source_id, []).append(role)
        return {source_id: tuple(roles) for source_id, roles in citing.items()}


def _pickled(lazy: _Lazy, key: str) -> bytes:
    """The model at `key`, pickled: as it is kept, or (once loaded) pickled again."""
    value = dict.__getitem__(lazy, key)
    if isinstance(value, bytes):
        return value
    return pickle.dumps(lazy[key], protocol=5)  # a Deferred is loaded first


CACHED_CLASSES: tuple[type, ...] = (Catalogue, RoleSummary)
"""What a cached catalogue holds besides the models: the classes the cache may unpickle."""
