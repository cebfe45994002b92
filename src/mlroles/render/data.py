"""Plain-data documents for the machine formats (JSON and YAML). Keys are stable API."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..skillmap import HIGH, quadrant
from . import Registry

if TYPE_CHECKING:
    from ..adbatch import BatchRow, TriageBatch
    from ..adgap import AdGap
    from ..chart import SkillChart
    from ..compare import RoleComparison, SkillLevels
    from ..fit import FitResult, Gap
    from ..models import Skill
    from ..search import SearchResult
    from ..skillmap import SkillMap
    from ..transition import TransitionPlan
    from ..triage import Evidence, Triage
    from ..validation import ValidationReport
    from ..views import Bibliography, RoleListing, RoleProfile

SCHEMA_VERSION = 2
"""2 since session 7: `fit` dropped the `axes` part from `weights` and each role's `parts`
(the skill map is no longer scored; each role keeps its `distance`)."""


def plain(value: Any, *, drop_none: bool = False) -> Any:
    """A checked model as JSON-ready data, in field order: what `model_dump(mode="json")`
    gives for these models, without building pydantic's serialiser (tens of milliseconds
    on every run, since models are built lazily)."""
    if isinstance(value, BaseModel):
        return {
            key: plain(item, drop_none=drop_none)
            for key, item in value.__dict__.items()
            if not (drop_none and item is None)
        }
    if isinstance(value, (tuple, list)):
        return [plain(item, drop_none=drop_none) for item in value]
    if isinstance(value, dict):
        return {plain(key): plain(item, drop_none=drop_none) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value


def fields(item: object, *names: str) -> dict[str, Any]:
    """`item`'s attributes `names`, in that order, as JSON-ready data (an enum as its value)."""
    return {name: plain(getattr(item, name)) for name in names}


def _skill(skill: Skill) -> dict[str, Any]:
    return {"skill": skill.id, "name": skill.name}


def _axes(item: object) -> dict[str, Any]:
    """The three axes of a position, a map point or you."""
    return fields(item, "swe", "ml", "comm")


to_data: Registry[dict[str, Any]] = Registry("data form")


@to_data.renders("RoleListing")
def _listing(view: RoleListing) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tracks": list(view.tracks),
        "roles": [
            {
                **fields(role, "id", "name", "aliases", "track"),
                "summary": role.summary.text,
                **_axes(role.position),
            }
            for role in view.roles
        ],
    }


@to_data.renders("RoleProfile")
def _profile(view: RoleProfile) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "role": plain(view.role),
        "origin": view.origin,
        "quadrant": view.quadrant,
        "readings": list(view.role.position.readings()),
        "disagreements": [plain(item) for item in view.disagreements],
        "sources": [plain(source, drop_none=True) for source in view.sources],
    }


def _levels(item: SkillLevels) -> dict[str, Any]:
    return {**_skill(item.skill), "category": item.skill.category, **fields(item, "levels")}


@to_data.renders("RoleComparison")
def _comparison(view: RoleComparison) -> dict[str, Any]:
    ids = [role.id for role in view.roles]
    return {
        "schema_version": SCHEMA_VERSION,
        "roles": ids,
        "curated": [
            {
                "roles": [contrast.first.id, contrast.second.id],
                "rows": [
                    {"dimension": row.dimension, "values": [row.a, row.b], **fields(row, "sources")}
                    for row in contrast.rows
                ],
            }
            for contrast in view.curated
        ],
        "disagreements": [plain(item) for item in view.disagreements],
        "fields": [fields(row, "key", "label", "values") for row in view.fields],
        "skills": {
            "shared": [_levels(item) for item in view.shared_skills],
            "partial": [_levels(item) for item in view.partial_skills],
        },
        "tools": {
            "shared": list(view.shared_tools),
            "only": {
                role_id: list(tools) for role_id, tools in zip(ids, view.tools_only, strict=True)
            },
            "some": [
                {"tool": tool, "roles": [i for i, u in zip(ids, using, strict=True) if u]}
                for tool, using in view.tools_some
            ],
        },
    }


@to_data.renders("SkillMap")
def _skill_map(view: SkillMap) -> dict[str, Any]:
    focus = None
    if view.focus is not None:
        focus = {
            "id": view.focus.id,
            "skills": [
                {
                    "category": group.category.id,
                    "skills": [
                        {**fields(skill, "id", "name"), "level": need.level.value}
                        for skill, need in group.needs
                    ],
                }
                for group in view.focus_skills
            ],
        }
    return {
        "schema_version": SCHEMA_VERSION,
        "high_threshold": HIGH,
        "roles": [
            {
                **fields(row.role, "id", "name", "track"),
                "responsibility": row.responsibility,
                "key_skills": [skill.id for skill in row.key_skills],
                **_axes(row.role.position),
                "readings": list(row.role.position.readings()),
                **fields(row, "quadrant", "focused"),
            }
            for row in view.rows
        ],
        "focus": focus,
    }


@to_data.renders("Bibliography")
def _bibliography(view: Bibliography) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "sources": [
            {
                **plain(entry.source, drop_none=True),
                "cited_by": [role.id for role in entry.roles],
            }
            for entry in view.entries
        ],
    }


@to_data.renders("ValidationReport")
def _report(view: ValidationReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "valid": view.ok,
        "files": view.files,
        "defines": view.counts,
        "on_bundled": view.on_bundled,
        "problems": [
            fields(p, "file", "line", "column", "subject", "message") for p in view.problems
        ],
    }


def _gap(gap: Gap) -> dict[str, Any]:
    return {
        **_skill(gap.skill),
        **fields(gap, "have", "need", "size", "basis", "estimated_from"),
    }


def _not_asked(gap: Gap) -> dict[str, Any]:
    return {**_skill(gap.skill), **fields(gap, "need")}


@to_data.renders("FitResult")
def _fit(view: FitResult) -> dict[str, Any]:
    from ..fit import WEIGHTS

    return {
        "schema_version": SCHEMA_VERSION,
        "profile": plain(view.profile),
        "weights": WEIGHTS,
        "roles": [
            {
                **fields(fit.role, "id", "name"),
                **fields(fit, "score", "parts", "distance"),
                "why": list(fit.reasons),
                "gaps": [_gap(gap) for gap in fit.gaps],
                "not_asked": [_not_asked(gap) for gap in fit.unasked],
                "unwanted": fit.unwanted.value if fit.unwanted else None,
                "kept_as_nearest": fit.kept_as_nearest,
            }
            for fit in view.fits
        ],
        "map_nearest": [
            {**fields(near.role, "id", "name"), **fields(near, "distance", "rank", "of")}
            for near in view.nearest
        ],
    }


@to_data.renders("TransitionPlan")
def _plan(view: TransitionPlan) -> dict[str, Any]:
    target = view.target.position
    return {
        "schema_version": SCHEMA_VERSION,
        "from": view.origin_id or "me",
        "to": view.target.id,
        "skill_map": {
            "from": dict(zip(("swe", "ml", "comm"), view.start, strict=True)),
            "to": _axes(target),
        },
        "skills_to_build": [_gap(gap) for gap in view.gaps],
        "carries_over": [
            {**_skill(c.skill), **fields(c, "have", "need", "basis", "estimated_from")}
            for c in view.carried
        ],
        "not_asked": [_not_asked(gap) for gap in view.unasked],
        "wanted": [
            {"work": w.interest.value, "want": w.want, "share": w.share} for w in view.wanted
        ],
        "tools_to_learn": list(view.tools_to_learn),
        "tools_carried": list(view.tools_carried),
        "sources_say": [fields(note, "where", "text", "sources") for note in view.source_notes],
    }


@to_data.renders("SearchResult")
def _search(view: SearchResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "query": view.query,
        "results": [
            {
                **fields(hit, "kind", "id", "name"),
                "role": hit.role_id,
                **fields(hit, "field", "snippet", "score"),
            }
            for hit in view.hits
        ],
    }


@to_data.renders("SkillChart")
def _chart(view: SkillChart) -> dict[str, Any]:
    you = view.you
    return {
        "schema_version": SCHEMA_VERSION,
        "axes": {"x": "swe", "y": "ml", "size": "comm", "range": [0, 5], "high_from": HIGH},
        "roles": [
            {
                "marker": point.marker,
                **fields(point.role, "id", "name"),
                **_axes(point),
                "readings": list(point.role.position.readings()),
                "quadrant": quadrant(point.role.position),
                "highlighted": point.highlighted,
            }
            for point in view.points
        ],
        "you": None if you is None else _axes(you),
        "nearest": [{"id": role.id, "distance": dist} for role, dist in view.nearest],
    }


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [fields(e, "term", "line", "excerpt", "weight", "signals", "section") for e in items]


@to_data.renders("TriageBatch")
def _batch(view: TriageBatch) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "ads": [batch_row(row) for row in view.rows],
        "failed": [{"file": name, "error": why} for name, why in view.failed],
    }


def _ad_gap(gap: AdGap) -> dict[str, Any]:
    return {
        "role": gap.role.id if gap.role else None,
        "closeness": gap.closeness,
        "reasons": list(gap.reasons),
        "have": [{**_skill(m.skill), **fields(m, "have", "need")} for m in gap.have],
        "lack": [
            {
                **_skill(g.skill),
                **fields(g, "have", "need", "size"),
                "required": g.skill.id in gap.lack_required,
            }
            for g in gap.lack
        ],
        "unknown": [_skill(g.skill) for g in gap.unknown],
        "tools": [fields(t, "name", "required", "held") for t in gap.tools],
        "plan_role": gap.plan.target.id if gap.plan else None,
    }


def batch_row(row: BatchRow) -> dict[str, Any]:
    """One ad of many, flat: the columns of the table and the CSV."""
    result = row.result
    top = result.matches[0] if result.matches else None
    return {
        "file": row.source,
        "title": result.title,
        "role": top.role.id if top and result.decided else None,
        "role_name": top.role.name if top and result.decided else None,
        "confidence": top.confidence if top and result.decided else None,
        "title_role": result.title_role.id if result.title_role else None,
        "title_misleads": result.warning is not None,
        "verdict": result.verdict,
        "closeness": result.gap.closeness if result.gap else None,
    }


@to_data.renders("Triage")
def _triage(view: Triage) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "title": view.title,
        "title_role": view.title_role.id if view.title_role else None,
        **fields(view, "warning", "decided", "verdict", "terms_found", "words"),
        "roles": [
            {
                **fields(m.role, "id", "name"),
                **fields(m, "score", "confidence"),
                "variant": m.variant.id if m.variant else None,
                "evidence": _evidence(m.evidence),
                "variant_evidence": _evidence(m.variant_evidence),
                "typical_words": [fields(w, "words", "line", "weight") for w in m.typical_words],
            }
            for m in view.matches
        ],
        "questions": list(view.questions),
        "gap": _ad_gap(view.gap) if view.gap is not None else None,
        "asks": {
            "items": [
                {
                    "kind": r.kind,
                    "id": r.key,
                    **fields(r, "name", "required", "line", "excerpt", "section"),
                }
                for r in view.asks.items
            ],
            "unknown_tools": [
                fields(t, "name", "required", "line") for t in view.asks.unknown_tools
            ],
        },
    }
