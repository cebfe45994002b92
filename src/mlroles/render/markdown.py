"""Markdown output: documents a person can paste into notes or a wiki."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models import AXES
from ..textsafe import visible
from . import READING_NOTE, Registry

if TYPE_CHECKING:
    from ..adbatch import TriageBatch
    from ..chart import SkillChart
    from ..compare import RoleComparison, SkillLevels
    from ..fit import FitResult, Gap
    from ..models import Cited, Disagreement, Position
    from ..search import SearchResult
    from ..skillmap import SkillMap
    from ..transition import TransitionPlan
    from ..triage import Triage
    from ..views import Bibliography, RoleListing, RoleProfile

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~])")
# What would start a list if the text began a line: "1986. was a year", "- item", "+ item".
_LIST_START = re.compile(r"^(?:(\d+)(?=[.)])|(?=[-+]))")


def md(text: str) -> str:
    """Escape text so Markdown shows it literally (and a table cell stays one cell): its
    syntax characters, `&` (an entity), a leading list marker, and controls (`visible`)."""
    flat = " ".join(visible(text).split())
    return _LIST_START.sub(r"\1\\", _SPECIAL.sub(r"\\\1", flat))


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _cite(sources: Iterable[str], show: bool) -> str:
    return f" _(sources: {', '.join(sources)})_" if show else ""


def _disagreements(items: Iterable[Disagreement], show: bool) -> list[str]:
    """Each disagreement as "The sources disagree: <topic>", then every view and its holder."""
    lines: list[str] = []
    for item in items:
        lines += [f"## The sources disagree: {md(item.topic)}", ""]
        lines += [f"- **{md(v.holder)}:** {md(v.text)}{_cite(v.sources, show)}" for v in item.views]
        lines.append("")
    return lines


def _position_basis(p: Position, show: bool) -> list[str]:
    if p.basis is None:
        return ["- No basis is given for these values: each is mlroles's reading."]
    lines = []
    for axis in AXES:
        basis = getattr(p.basis, axis)
        reading = " (mlroles's reading)" if basis.reading else ""
        cite = _cite(basis.sources, show) if basis.sources else ""
        lines.append(f"- **{axis} {getattr(p, axis)}{reading}:** {md(basis.text)}{cite}")
    return lines


render_markdown: Registry[str] = Registry("markdown form")


@render_markdown.renders("RoleListing")
def _listing(view: RoleListing) -> str:
    lines = ["# ML roles", ""]
    lines += _table(
        ["Role", "Id", "Track", "SWE", "ML", "Summary"],
        (
            [
                md(r.name),
                f"`{r.id}`",
                r.track,
                str(r.position.swe),
                str(r.position.ml),
                md(r.summary.text),
            ]
            for r in view.roles
        ),
    )
    return "\n".join(lines) + "\n"


@render_markdown.renders("RoleProfile")
def _profile(view: RoleProfile) -> str:
    role, show = view.role, view.show_citations
    lines = [f"# {md(role.name)}", ""]
    facts = [f"**Id:** `{role.id}`", f"**Track:** {role.track}"]
    if role.aliases:
        facts.append("**Also called:** " + ", ".join(md(a) for a in role.aliases))
    facts.append(
        "**Defined in:** "
        + ("the bundled catalogue" if view.origin == "bundled" else md(view.origin))
    )
    lines += ["  \n".join(facts), ""]
    for title, cited in (
        ("Summary", role.summary),
        ("Goal", role.goal),
        ("Work product", role.work_product),
        ("ML need", role.ml_need),
    ):
        lines += [f"## {title}", "", md(cited.text) + _cite(cited.sources, show), ""]

    def bullets(title: str, items: Iterable[Cited]) -> None:
        items = list(items)
        if items:
            lines.extend([f"## {title}", ""])
            lines.extend(f"- {md(i.text)}{_cite(i.sources, show)}" for i in items)
            lines.append("")

    bullets("Responsibilities", role.responsibilities)
    lines += ["## Skills", ""]
    for group in view.skill_groups:
        names = ", ".join(f"{md(skill.name)} ({need.level.value})" for skill, need in group.needs)
        lines.append(f"- **{group.category.label}:** {names}")
    lines.append("")
    if role.tools:
        lines += ["## Tools", "", ", ".join(md(tool.name) for tool in role.tools), ""]
    bullets("Backgrounds", role.backgrounds)
    bullets("Education", role.education)
    p = role.position
    lines += [
        "## Skill map",
        "",
        f"Software engineering {p.swe}/5, ML knowledge {p.ml}/5, communication {p.comm}/5 "
        f"({view.quadrant}). {md(p.rationale)}{_cite(p.sources, show)}",
        "",
        *_position_basis(p, show),
        "",
    ]
    if role.variants:
        lines += ["## Variants", ""]
        lines += [
            f"- **{md(v.name)}:** {md(v.text)}{_cite(v.sources, show)}" for v in role.variants
        ]
        lines.append("")
    if role.specialisms:
        lines += ["## Specialisms", ""]
        lines += [
            f"- **{md(s.name)}:** {md(s.text)}{_cite(s.sources, show)}" for s in role.specialisms
        ]
        lines.append("")
    bullets("Notes", role.notes)
    if role.outlook:
        lines += ["## Outlook (figures quoted by the sources)", ""]
        lines += [
            f"- **{md(o.figure)}** {md(o.measure)} ({md(o.origin)}; {md(o.period)})"
            f"{_cite(o.sources, show)}"
            for o in role.outlook
        ]
        lines.append("")
    bullets("Getting started (the sources' advice)", role.getting_started)
    lines += _disagreements(view.disagreements, show)
    if role.related:
        lines += ["## Related roles", ""]
        lines += [
            f"- **{md(view.related_names[r.role])}** (`{r.role}`): {md(r.relation)}"
            for r in role.related
        ]
        lines.append("")
    lines += ["## Sources", ""]
    lines += [f"- `{s.id}`: {md(s.label)} ({md(', '.join(s.credits))})" for s in view.sources]
    return "\n".join(lines) + "\n"


def _level(item: SkillLevels, index: int) -> str:
    level = item.levels[index]
    return "-" if level is None else level.value


@render_markdown.renders("RoleComparison")
def _comparison(view: RoleComparison) -> str:
    names = [md(role.name) for role in view.roles]
    lines = [f"# {' vs '.join(names)}", ""]
    for contrast in view.curated:
        lines += [
            f"## What the sources say: {md(contrast.first.name)} vs {md(contrast.second.name)}",
            "",
        ]
        lines += _table(
            ["", md(contrast.first.name), md(contrast.second.name), "Sources"],
            ([md(r.dimension), md(r.a), md(r.b), ", ".join(r.sources)] for r in contrast.rows),
        )
        lines.append("")
    lines += _disagreements(view.disagreements, show=True)
    lines += ["## Profiles side by side", ""]
    lines += _table(
        ["", *names],
        (
            [row.label, *("<br>".join(md(v) for v in values) or "-" for values in row.values)]
            for row in view.fields
        ),
    )
    lines += ["", "## Skills", ""]
    rows = [
        [md(item.skill.name), *(_level(item, i) for i in range(len(view.roles)))]
        for item in (*view.shared_skills, *view.partial_skills)
    ]
    lines += _table(["Skill", *names], rows)
    lines += ["", "## Tools", ""]
    lines.append("- **Shared:** " + (", ".join(md(t) for t in view.shared_tools) or "none"))
    for name, only in zip(names, view.tools_only, strict=True):
        lines.append(f"- **Only {name}:** " + (", ".join(md(t) for t in only) or "none"))
    for users, some in view.tools_by_users():
        label = " and ".join(md(r.name) for r in users)
        lines.append(f"- **{label}:** " + ", ".join(md(t) for t in some))
    return "\n".join(lines) + "\n"


@render_markdown.renders("SkillMap")
def _skill_map(view: SkillMap) -> str:
    lines = ["# Skill map: software engineering vs ML", ""]
    lines += _table(
        ["Role", "Responsibility", "Key skills", "SWE", "ML", "Comm", "Quadrant"],
        (
            [
                ("**" + md(row.role.name) + "**") if row.focused else md(row.role.name),
                md(row.responsibility),
                ", ".join(md(skill.name) for skill in row.key_skills),
                md(row.role.position.marked("swe")),
                md(row.role.position.marked("ml")),
                md(row.role.position.marked("comm")),
                row.quadrant,
            ]
            for row in view.rows
        ),
    )
    if any(row.role.position.readings() for row in view.rows):
        lines += ["", md(READING_NOTE)]
    if view.focus is not None:
        lines += ["", f"## Skills of {md(view.focus.name)}", ""]
        for group in view.focus_skills:
            names = ", ".join(f"{md(s.name)} ({n.level.value})" for s, n in group.needs)
            lines.append(f"- **{group.category.label}:** {names}")
    return "\n".join(lines) + "\n"


@render_markdown.renders("Bibliography")
def _bibliography(view: Bibliography) -> str:
    lines = ["# Sources", ""]
    for entry in view.entries:
        s = entry.source
        lines += [
            f"## `{s.id}`",
            "",
            f"**{md(s.label)}** ({md(', '.join(s.credits))})",
            "",
            *([f"URL: {md(s.url)}", ""] if s.url else []),
            *(
                ["Also cited as: " + ", ".join(f"`{a}`" for a in s.aliases), ""]
                if s.aliases
                else []
            ),
            md(s.contributes),
            "",
            "Cited by: " + (", ".join(f"`{r.id}`" for r in entry.roles) or "no role"),
            "",
        ]
    return "\n".join(lines)


def _gap_line(gap: Gap) -> str:
    have = gap.have.value if gap.have else "none"
    if gap.estimated_from is not None:
        have = f"{have} (estimated from {gap.estimated_from})"
    return f"{md(gap.skill.name)}: {have} → {gap.need.value}"


@render_markdown.renders("FitResult")
def _fit(view: FitResult) -> str:
    lines = ["# Roles that fit you", ""]
    for rank, fit in enumerate(view.fits, start=1):
        lines += [f"## {rank}. {md(fit.role.name)} (`{fit.role.id}`): {fit.score:.0f}/100", ""]
        if fit.reasons:
            lines.append("Why: " + "; ".join(md(reason) for reason in fit.reasons) + ".")
        if fit.gaps:
            lines.append("Biggest gaps: " + "; ".join(_gap_line(g) for g in fit.gaps[:5]) + ".")
        if fit.unasked:
            names = ", ".join(f"{md(g.skill.name)} ({g.need.value})" for g in fit.unasked)
            lines.append(f"Not asked: {names}.")
        lines.append("")
    return "\n".join(lines)


@render_markdown.renders("TransitionPlan")
def _plan(view: TransitionPlan) -> str:
    target = view.target
    lines = [f"# From {md(view.origin)} to {md(target.name)}", ""]
    swe, ml, comm = view.start
    p = target.position

    def axis(label: str, start: int | None, end: int) -> str:
        return f"{label} {'?' if start is None else start} → {end}"

    lines += [
        "Skill map: "
        + ", ".join(
            [
                axis("software engineering", swe, p.swe),
                axis("ML", ml, p.ml),
                axis("communication", comm, p.comm),
            ]
        ),
        "",
        "## Skills to build (in this order: foundations first)",
        "",
    ]
    lines += [f"- [ ] {_gap_line(gap)}" for gap in view.gaps] or ["- nothing you are known to lack"]
    lines += ["", "## Tools to learn", ""]
    lines.append(", ".join(md(t) for t in view.tools_to_learn) or "none you do not have already")
    lines += ["", "## What carries over", ""]
    carried = [
        f"- {md(c.skill.name)} ({c.have.value}; needs {c.need.value}"
        + (f"; estimated from {c.estimated_from})" if c.estimated_from else ")")
        for c in view.carried
    ]
    lines += carried or ["- no skill at the level the role needs yet"]
    if view.tools_carried:
        lines.append("- tools: " + ", ".join(md(t) for t in view.tools_carried))
    if view.unasked:
        lines += ["", "## Not asked (check these yourself)", ""]
        lines += [f"- [ ] {md(g.skill.name)}: needs {g.need.value}" for g in view.unasked]
    if view.wanted:
        lines += ["", "## The work you want, and this role's", ""]
        lines += [
            f"- {w.interest.value} {w.want}/5: {round(100 * w.share)}% of its work"
            for w in view.wanted
        ]
    lines += ["", "## What the sources advise", ""]
    lines += [
        f"- _{md(note.where)}_: {md(note.text)} _(sources: {', '.join(note.sources)})_"
        for note in view.source_notes
    ]
    return "\n".join(lines) + "\n"


@render_markdown.renders("SearchResult")
def _search(view: SearchResult) -> str:
    lines = [f"# Search: {md(view.query)}", ""]
    if not view.hits:
        return "\n".join([*lines, "No matches.", ""])
    lines += _table(
        ["Kind", "Match", "Where", "Snippet", "Score"],
        (
            [
                hit.kind,
                md(hit.name) + (f" (`{hit.role_id}`)" if hit.role_id else f" (`{hit.id}`)"),
                md(hit.field),
                md(hit.snippet),
                f"{hit.score:.0f}",
            ]
            for hit in view.hits
        ),
    )
    return "\n".join(lines) + "\n"


@render_markdown.renders("SkillChart")
def _chart(view: SkillChart) -> str:
    from .mapgrid import ASCII, draw, plain_lines

    picture = draw(view, 78, 13, ASCII)
    lines = ["# Skill map: ML knowledge (up) vs software engineering (right)", "", "```"]
    lines += plain_lines(picture)
    lines += ["```", ""]
    lines += _table(
        ["#", "Role", "SWE", "ML", "Comm"],
        (
            [
                str(p.marker),
                ("**" + md(p.role.name) + "**") if p.highlighted else md(p.role.name),
                md(p.role.position.marked("swe")),
                md(p.role.position.marked("ml")),
                md(p.role.position.marked("comm")),
            ]
            for p in view.points
        ),
    )
    if any(p.role.position.readings() for p in view.points):
        lines += ["", md(READING_NOTE)]
    if view.you is not None:
        near = ", ".join(f"{md(role.name)} ({dist:g})" for role, dist in view.nearest)
        lines += ["", f"You: SWE {view.you.swe}, ML {view.you.ml}. Nearest: {near}."]
    return "\n".join(lines) + "\n"


@render_markdown.renders("TriageBatch")
def _batch(view: TriageBatch) -> str:
    lines = ["# What these job ads describe", ""]
    rows = []
    for row in view.rows:
        result = row.result
        top = result.matches[0] if result.matches and result.decided else None
        rows.append(
            [
                md(row.source),
                md(result.title or ""),
                md(top.role.name) if top else "cannot tell",
                f"{top.confidence:.0%}" if top else "-",
                "yes" if result.warning else "",
            ]
        )
    lines += _table(["Ad", "Title", "Reads as", "Sure", "Title misleads"], rows)
    lines += [f"- could not read: {md(why)}" for _, why in view.failed]
    return "\n".join(lines) + "\n"


@render_markdown.renders("Triage")
def _triage(view: Triage) -> str:
    from ..triage import by_line

    lines = ["# What this job ad describes", ""]
    if view.title:
        named = f" (the title names {md(view.title_role.name)})" if view.title_role else ""
        lines += [f"Title: **{md(view.title)}**{named}", ""]
    if view.warning:
        lines += [f"> **Warning:** {md(view.warning)}", ""]
    lines += [f"**Verdict:** {md(view.verdict)}", ""]
    for rank, m in enumerate(view.matches, start=1):
        variant = f", {md(m.variant.name)}" if m.variant else ""
        lines += [f"## {rank}. {md(m.role.name)}{variant}: {m.confidence:.0%}", ""]
        for number, excerpt, terms, section in by_line((*m.evidence, *m.variant_evidence))[:6]:
            lines.append(f"- line {number} ({section}): _{md(excerpt)}_ ({md(', '.join(terms))})")
        lines.append("")
    from ..requirements import asked

    listed = [(label, names) for label, names in asked(view.asks) if names]
    if listed:
        lines += ["## What the ad asks for", ""]
        lines += [f"- **{label}:** {md(', '.join(names))}" for label, names in listed]
        lines.append("")
    if view.gap is not None:
        from ..adgap import gap_lines

        lines += ["## You and this ad", "", f"How close you are: **{view.gap.closeness}%**", ""]
        lines += [f"- {md(reason)}" for reason in view.gap.reasons]
        lines.append("")
        lines += [
            f"- **{md(label)}:** {md('; '.join(items))}"
            for label, items in gap_lines(view.gap)
            if items
        ]
        lines.append("")
    if view.questions:
        lines += ["## Questions to ask the employer", ""]
        lines += [f"- {md(q)}" for q in view.questions]
        lines.append("")
    return "\n".join(lines)
