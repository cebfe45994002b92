"""Building a catalogue from its layers: read, validate, merge and cross-check.

A catalogue is built from *layers*: the bundled catalogue first (unless switched off),
then each user overlay in order. Within one layer an id may appear once; a later layer's
role, skill, source or contrast with an existing id (or role pair) replaces the earlier
one whole, and `remove_roles` takes bundled roles away. References are checked on the
merged result, and every problem names the file, line and column it comes from.

Only a cache miss (or `validate`) needs this module: a run served from the cache never
imports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from pydantic import BaseModel

from .bulk import bulk
from .catalogue import Catalogue
from .errors import CatalogueError, Problem
from .layers import BUNDLED, Layer, normalise
from .models import CatalogueFile, Disagreement, Role, Source

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .yamlio import YamlDocument

_COLLECTIONS = (
    "sources",
    "tracks",
    "skill_categories",
    "skills",
    "roles",
    "contrasts",
    "disagreements",
)
MAX_PROBLEMS_PER_FILE = 100
"""Validation problems reported per file; the rest are counted ("and N more")."""
_ENTITIES = ("sources", "tracks", "skill_categories", "skills", "roles", "disagreements")
LocPath = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


class LoadedFile(NamedTuple):
    """One validated catalogue file, with what is needed to point errors at its lines."""

    document: YamlDocument
    content: CatalogueFile
    layer: str

    def problem(self, loc: LocPath, message: str) -> Problem:
        line, column = self.document.locate(loc)
        subject = _subject(self.document.data, loc)
        return Problem(self.document.name, message, line, column, subject)


def read_layers(
    layers: Sequence[Layer], contents: Mapping[Path, bytes] | None = None
) -> list[list[LoadedFile]]:
    """Read and validate every file of every layer; raise with all problems found.

    `contents` holds files already read (for the cache key): those bytes are parsed, so
    the key describes exactly what was built.
    """
    from .yamlio import read_yaml

    loaded: list[list[LoadedFile]] = []
    problems: list[Problem] = []
    for layer in layers:
        files = []
        for path in layer.files:
            try:
                raw = contents.get(path) if contents is not None else None
                document = read_yaml(path, layer.display_name(path), raw)
                files.append(validate_document(document, layer.label))
            except CatalogueError as exc:
                problems.extend(exc.problems)
        loaded.append(files)
    if problems:
        raise CatalogueError(problems)
    return loaded


def build_catalogue(
    layers: Sequence[Layer], contents: Mapping[Path, bytes] | None = None
) -> Catalogue:
    """Read, validate, merge and cross-check the layers, in order."""
    with bulk():
        merged = merge_layers(read_layers(layers, contents))
    problems = merged.problems + check_references(merged)
    if problems:
        raise CatalogueError(problems)
    return merged.catalogue()


def validate_document(document: YamlDocument, layer: str = BUNDLED) -> LoadedFile:
    """Validate one parsed file against the model; errors name file, line, object and field."""
    from pydantic import ValidationError

    try:
        content = CatalogueFile.model_validate(document.data)
    except ValidationError as exc:
        raise CatalogueError(validation_problems(document, exc, CatalogueFile)) from None
    return LoadedFile(document, content, layer)


def validation_problems(
    document: YamlDocument, exc: ValidationError, root: type[BaseModel]
) -> list[Problem]:
    """Pydantic's errors for a file whose top level is `root`, located and explained,
    in line order."""
    total = exc.error_count()
    errors = exc.errors() if total <= 4 * MAX_PROBLEMS_PER_FILE else _first_errors(document, root)
    unlisted = total - len(errors)
    # A list whose only item is invalid also fails its min-length check; the item's
    # own error is the one that helps. (Every proper prefix of every location, collected
    # once: checking each error against all others was quadratic.)
    has_deeper = {tuple(e["loc"][:end]) for e in errors for end in range(len(e["loc"]))}
    errors = [e for e in errors if e["type"] != "too_short" or tuple(e["loc"]) not in has_deeper]
    shown = errors[:MAX_PROBLEMS_PER_FILE]
    problems = [_validation_problem(document, error, root) for error in shown]
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    more = unlisted + len(errors) - len(shown)
    if more > 0:
        problems.append(Problem(document.name, f"and {more} more problems in this file"))
    return problems


def _first_errors(document: YamlDocument, root: type[BaseModel]) -> list[Any]:
    """The errors of the first items of each list, enough to report: listing all of a
    file's errors costs seconds per million (pydantic builds a dict for each), and a
    1 MiB file of empty roles has millions. Same locations, as the prefix comes first."""
    from pydantic import ValidationError

    data = document.data
    longest = max((len(v) for v in data.values() if isinstance(v, list)), default=0)
    count = 16
    while True:
        prefix = {k: v[:count] if isinstance(v, list) else v for k, v in data.items()}
        try:
            root.model_validate(prefix)
        except ValidationError as exc:
            if exc.error_count() >= MAX_PROBLEMS_PER_FILE or count >= longest:
                return exc.errors()
        else:
            if count >= longest:
                return []
        count *= 4


def _validation_problem(document: YamlDocument, error: Any, root: type[BaseModel]) -> Problem:
    loc: LocPath = tuple(error["loc"])
    line, column = document.locate(loc, at_key=error["type"] == "extra_forbidden")
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = f"unknown field {loc[-1]!r}" + _field_suggestion(loc, root)
    elif error["type"] == "missing":
        message = f"missing required field {loc[-1]!r}"
    elif error["type"] == "string_type" and isinstance(error.get("input"), _NOT_TEXT):
        raw = document.scalar_text(loc)
        kind = _KIND_NAMES.get(type(error["input"]), "a number")
        message = f"{raw!r} was read as {kind}, not text; quote it: {_quoted(raw)}"
    elif error["type"] == "bool_not_number":
        raw = document.scalar_text(loc) or "true"
        message = f"{raw!r} was read as a boolean, not a number; write a number"
    elif error["type"] == "value_error":
        message = str(error["ctx"]["error"]) if "ctx" in error else message
    elif error["type"] in ("tuple_type", "list_type"):
        # Pydantic's "Input should be a valid tuple" names a Python type, not YAML's.
        message = "should be a list, e.g. [first, second]"
    return Problem(document.name, message, line, column, _subject(document.data, loc))


# YAML 1.1 turns unquoted no/on/yes into booleans, 010 and 3.10 into numbers,
# 12:30:00 into a sexagesimal number and 2024-01-01 into a date.


_NOT_TEXT = (bool, int, float, date, datetime)


_KIND_NAMES = {bool: "a boolean", date: "a date", datetime: "a date and time"}


def _quoted(raw: str) -> str:
    return '"' + raw.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _field_suggestion(loc: LocPath, root: type[BaseModel]) -> str:
    """' (did you mean 'skills'?)' for a misspelt field, when one is close enough."""
    from rapidfuzz import process

    model = _model_at(loc[:-1], root)
    if model is None:
        return ""
    match = process.extractOne(str(loc[-1]), list(model.model_fields), score_cutoff=70)
    return f"; did you mean {match[0]!r}?" if match else ""


def _model_at(loc: LocPath, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that validates the value at `loc` of a file whose top is `root`."""
    model = root
    expecting_item = False
    for step in loc:
        if isinstance(step, int):
            if not expecting_item:
                return None
            expecting_item = False
            continue
        field_info = model.model_fields.get(step)
        if field_info is None:
            return None
        found = _model_in(field_info.annotation)
        if found is None:
            return None
        model, expecting_item = found
    return None if expecting_item else model


def _model_in(annotation: Any) -> tuple[type[BaseModel], bool] | None:
    """The model inside an annotation, and whether it is the item type of a tuple."""
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            is_tuple = typing.get_origin(annotation) is tuple
            return found[0], found[1] or is_tuple
    return None


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
            prefix = _SINGULAR.get(collection, collection[:-1] + ":")
            return prefix + str(item["id"])
    return f"{collection}[{index}]"


_SINGULAR = {"roles": "", "skill_categories": "category:"}
"""How a problem's subject names an object of each collection (default: `skill:python`)."""


def _dotted(path: LocPath) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else ("." if text else "") + str(step)
    return text


class Placed(NamedTuple):
    """An entity in the merged catalogue, and where it was defined."""

    entity: Any
    file: LoadedFile
    loc: LocPath


class Merged:
    """The layers merged: the entities in force, where each came from, and what went wrong."""

    def __init__(self) -> None:
        self.entities: dict[str, dict[str, Placed]] = {name: {} for name in _ENTITIES}
        self.contrasts: dict[frozenset[str], Placed] = {}
        self.removed: set[str] = set()
        # Every tool a role of any layer names, lower-cased, though an overlay removed or
        # redefined the role: a skill's phrases for it were right when written.
        self.tools_named: set[str] = set()
        self.problems: list[Problem] = []

    def placed(self, collection: str) -> Iterator[Placed]:
        return iter(self.entities[collection].values())

    def catalogue(self) -> Catalogue:
        aliases = source_aliases(p.entity for p in self.entities["sources"].values())
        roles = [_drop_links(p.entity, self.removed) for p in self.entities["roles"].values()]
        disagreements = [
            d
            for d in (_drop_roles(p.entity, self.removed) for p in self.placed("disagreements"))
            if d is not None
        ]

        def canonical(entities: Iterable[M]) -> list[M]:
            return [canonical_sources(entity, aliases) for entity in entities]

        return Catalogue(
            sources=(p.entity for p in self.entities["sources"].values()),
            skills=canonical(p.entity for p in self.entities["skills"].values()),
            roles=canonical(roles),
            contrasts=canonical(p.entity for p in self.contrasts.values()),
            disagreements=canonical(disagreements),
            tracks=canonical(p.entity for p in self.placed("tracks")),
            categories=canonical(p.entity for p in self.placed("skill_categories")),
            origins={
                role_id: p.file.layer if p.file.layer == BUNDLED else p.file.document.name
                for role_id, p in self.entities["roles"].items()
            },
        )


def merge_layers(layers: Sequence[Sequence[LoadedFile]]) -> Merged:
    merged = Merged()
    for files in layers:
        first_in_layer: dict[tuple[str, str], tuple[LoadedFile, LocPath]] = {}
        for item in files:
            for collection in _ENTITIES:
                for index, entity in enumerate(getattr(item.content, collection)):
                    key, loc = (collection, entity.id), (collection, index)
                    if key in first_in_layer:
                        first, first_loc = first_in_layer[key]
                        line, column = first.document.locate((*first_loc, "id"))  # a clash: slow
                        where = f"{first.document.name}:{line}:{column}"
                        message = f"duplicate id {entity.id!r}, already in {where}"
                        merged.problems.append(item.problem((*loc, "id"), message))
                        continue
                    first_in_layer[key] = (item, loc)
                    merged.entities[collection][entity.id] = Placed(entity, item, loc)
                    if collection == "roles":
                        merged.removed.discard(entity.id)
                        merged.tools_named.update(n.lower() for t in entity.tools for n in t.names)
            pairs_in_layer: set[frozenset[str]] = set()
            for index, contrast in enumerate(item.content.contrasts):
                pair, loc = frozenset(contrast.roles), ("contrasts", index)
                if pair in pairs_in_layer:
                    message = "this pair already has a contrast"
                    merged.problems.append(item.problem((*loc, "roles"), message))
                    continue
                pairs_in_layer.add(pair)
                merged.contrasts[pair] = Placed(contrast, item, loc)
            for index, role_id in enumerate(item.content.remove_roles):
                if merged.entities["roles"].pop(role_id, None) is None:
                    message = f"cannot remove {role_id!r}: no earlier catalogue defines it"
                    merged.problems.append(item.problem(("remove_roles", index), message))
                else:
                    merged.removed.add(role_id)
    for pair in [pair for pair in merged.contrasts if pair & merged.removed]:
        del merged.contrasts[pair]
    return merged


def _drop_links(role: Role, removed: set[str]) -> Role:
    """A role without its links to roles an overlay removed."""
    related = tuple(r for r in role.related if r.role not in removed)
    specialisms = tuple(
        s.model_copy(update={"role": None}) if s.role in removed else s for s in role.specialisms
    )
    if related == role.related and specialisms == role.specialisms:
        return role
    return role.model_copy(update={"related": related, "specialisms": specialisms})


def _drop_roles(disagreement: Disagreement, removed: set[str]) -> Disagreement | None:
    """A disagreement without the roles an overlay removed; None when none is left."""
    roles = tuple(role_id for role_id in disagreement.roles if role_id not in removed)
    if not roles:
        return None
    if roles == disagreement.roles:
        return disagreement
    return disagreement.model_copy(update={"roles": roles})


def source_aliases(sources: Iterable[Source]) -> dict[str, str]:
    """Every alias of a source -> the source's id (the first source to claim it wins)."""
    found: dict[str, str] = {}
    for source in sources:
        for alias in source.aliases:
            found.setdefault(alias, source.id)
    return found


def canonical_sources(model: M, aliases: dict[str, str]) -> M:
    """`model` with every cited source alias replaced by the source's id (the same
    object when it cites no alias), so that one source is always named one way."""
    if not aliases:
        return model
    update: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "sources" and isinstance(value, tuple) and not isinstance(model, Source):
            renamed = tuple(dict.fromkeys(aliases.get(source_id, source_id) for source_id in value))
            if renamed != value:
                update[name] = renamed
        elif isinstance(value, BaseModel):
            new = canonical_sources(value, aliases)
            if new is not value:
                update[name] = new
        elif isinstance(value, tuple) and any(isinstance(item, BaseModel) for item in value):
            items = tuple(
                canonical_sources(item, aliases) if isinstance(item, BaseModel) else item
                for item in value
            )
            if any(new is not old for new, old in zip(items, value, strict=True)):
                update[name] = items
    return model.model_copy(update=update) if update else model


def _written_role_keys(role: Role) -> Iterator[tuple[str, LocPath]]:
    """A role's id, name and aliases as written, each with where it is in the role."""
    yield role.id, ("id",)
    yield role.name, ("name",)
    for index, alias in enumerate(role.aliases):
        yield alias, ("aliases", index)


def check_references(merged: Merged) -> list[Problem]:
    """Checks across the merged catalogue: aliases unique, every reference resolves."""
    problems: list[Problem] = []
    source_ids = set(merged.entities["sources"])
    aliases: dict[str, str] = {}
    for placed in merged.entities["sources"].values():
        for i, alias in enumerate(placed.entity.aliases):
            owner = aliases.setdefault(alias, placed.entity.id)
            message = None
            if alias in source_ids:
                message = f"alias {alias!r} is already a source id"
            elif owner != placed.entity.id:
                message = f"alias {alias!r} already names source {owner}"
            if message:
                problems.append(placed.file.problem((*placed.loc, "aliases", i), message))
    source_ids |= set(aliases)
    skill_ids = set(merged.entities["skills"])
    role_ids = set(merged.entities["roles"])
    # key -> the first role to claim it: (role id, as written, its file, where in the file)
    role_keys: dict[str, tuple[str, str, LoadedFile, LocPath]] = {}

    for placed in merged.entities["roles"].values():
        role, item, base = placed.entity, placed.file, placed.loc
        for written, loc in _written_role_keys(role):
            first = role_keys.setdefault(
                normalise(written), (role.id, written, item, (*base, *loc))
            )
            owner, first_written, first_file, first_loc = first
            if owner != role.id:
                line, column = first_file.document.locate(first_loc)  # only for a clash: slow
                message = (
                    f"{written!r} already names role {owner} ({first_written!r}, "
                    f"{first_file.document.name}:{line}:{column}); role ids, names and aliases"
                    " share one namespace, compared ignoring case, spaces and hyphens"
                )
                problems.append(item.problem((*base, *loc), message))
        seen_skills: set[str] = set()
        for i, need in enumerate(role.skills):
            loc = (*base, "skills", i, "skill")
            if need.skill not in skill_ids:
                problems.append(item.problem(loc, f"unknown skill {need.skill!r}"))
            if need.skill in seen_skills:
                problems.append(item.problem(loc, f"skill {need.skill!r} listed twice"))
            seen_skills.add(need.skill)
        for i, related in enumerate(role.related):
            if related.role in merged.removed:
                continue
            if related.role not in role_ids or related.role == role.id:
                loc = (*base, "related", i, "role")
                problems.append(item.problem(loc, f"unknown role {related.role!r}"))
        for i, specialism in enumerate(role.specialisms):
            link = specialism.role
            if link is not None and link not in role_ids and link not in merged.removed:
                loc = (*base, "specialisms", i, "role")
                problems.append(item.problem(loc, f"unknown role {link!r}"))

    problems += _check_tool_phrases(merged)
    for placed in merged.entities["disagreements"].values():
        for i, role_id in enumerate(placed.entity.roles):
            if role_id not in role_ids and role_id not in merged.removed:
                loc = (*placed.loc, "roles", i)
                problems.append(placed.file.problem(loc, f"unknown role {role_id!r}"))

    for placed in merged.contrasts.values():
        contrast, item, base = placed.entity, placed.file, placed.loc
        for i, role_id in enumerate(contrast.roles):
            if role_id not in role_ids:
                problems.append(item.problem((*base, "roles", i), f"unknown role {role_id!r}"))
        if len(set(contrast.roles)) < 2:
            problems.append(item.problem((*base, "roles"), "a contrast needs two different roles"))

    for collection in _ENTITIES:
        for placed in merged.entities[collection].values():
            for loc, source_id in _cited_sources(placed.entity, placed.loc):
                if source_id not in source_ids:
                    message = f"cites unknown source {source_id!r}"
                    problems.append(placed.file.problem(loc, message))
    for placed in merged.contrasts.values():
        for loc, source_id in _cited_sources(placed.entity, placed.loc):
            if source_id not in source_ids:
                problems.append(placed.file.problem(loc, f"cites unknown source {source_id!r}"))
    from .declared import check_declared  # tracks and skill categories

    return problems + check_declared(merged)


def _check_tool_phrases(merged: Merged) -> list[Problem]:
    """A skill's phrases for a tool (`in_ads.tools`) must name a tool some role uses."""
    problems = []
    for placed in merged.entities["skills"].values():
        in_ads = placed.entity.in_ads
        for i, entry in enumerate(in_ads.tools if in_ads is not None else ()):
            if entry.tool.lower() not in merged.tools_named:
                loc = (*placed.loc, "in_ads", "tools", i, "tool")
                message = f"no role uses a tool named {entry.tool!r}"
                problems.append(placed.file.problem(loc, message))
    return problems


def _cited_sources(model: BaseModel, path: LocPath) -> Iterator[tuple[LocPath, str]]:
    """Every cited source id in `model`, with the location of the citation."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "sources" and isinstance(value, tuple) and not isinstance(model, Source):
            for i, source_id in enumerate(value):
                yield (*path, "sources", i), source_id
        elif isinstance(value, BaseModel):
            yield from _cited_sources(value, (*path, name))
        elif isinstance(value, tuple):
            for i, element in enumerate(value):
                if isinstance(element, BaseModel):
                    yield from _cited_sources(element, (*path, name, i))
