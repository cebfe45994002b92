"""The catalogue as one self-contained HTML page: no scripts, no external assets."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue import Catalogue
from ..models import AXES, Cited, Role
from ..skillmap import build_skill_map, quadrant, skills_by_category
from ..textsafe import xml_text

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1em;color:#222}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
h3{margin-top:1.6em}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.cite{color:#777;font-size:.85em}.tag{color:#555;font-size:.9em}
nav a{margin-right:1em}section.role{border-left:4px solid #9ab;padding-left:1em}
"""


def _e(text: str) -> str:
    return xml_text(" ".join(text.split()))


def _cite(sources: Iterable[str]) -> str:
    return f' <span class="cite">[{_e(", ".join(sources))}]</span>'


def _cited_list(items: Iterable[Cited]) -> str:
    rows = "".join(f"<li>{_e(item.text)}{_cite(item.sources)}</li>" for item in items)
    return f"<ul>{rows}</ul>" if rows else ""


def _role_link(catalogue: Catalogue, role_id: str) -> str:
    return f'<a href="#role-{xml_text(role_id)}">{_e(catalogue.role(role_id).name)}</a>'


def _role_section(catalogue: Catalogue, role: Role) -> str:
    p = role.position
    out = [
        f'<section class="role" id="role-{xml_text(role.id)}">',
        f"<h3>{_e(role.name)}</h3>",
        f'<p class="tag">id <code>{xml_text(role.id)}</code> · {xml_text(role.track)}'
        + (f" · also called {_e(', '.join(role.aliases))}" if role.aliases else "")
        + "</p>",
    ]
    for title, cited in (
        ("Summary", role.summary),
        ("Goal", role.goal),
        ("Work product", role.work_product),
        ("ML need", role.ml_need),
    ):
        out.append(f"<p><strong>{title}:</strong> {_e(cited.text)}{_cite(cited.sources)}</p>")
    out.append("<h4>Responsibilities</h4>" + _cited_list(role.responsibilities))
    skills = "".join(
        f"<tr><td>{xml_text(group.category.label)}</td><td>"
        + ", ".join(f"{_e(s.name)} ({xml_text(n.level.value)})" for s, n in group.needs)
        + "</td></tr>"
        for group in skills_by_category(catalogue, role)
    )
    out.append(f"<h4>Skills</h4><table>{skills}</table>")
    if role.tools:
        out.append("<h4>Tools</h4><p>" + _e(", ".join(t.name for t in role.tools)) + "</p>")
    if role.backgrounds:
        out.append("<h4>Backgrounds</h4>" + _cited_list(role.backgrounds))
    if role.education:
        out.append("<h4>Education</h4>" + _cited_list(role.education))
    out.append(
        f"<h4>Skill map</h4><p>Software engineering {p.swe}/5, ML knowledge {p.ml}/5, "
        f"communication {p.comm}/5 ({xml_text(quadrant(p))}). {_e(p.rationale)}"
        f"{_cite(p.sources)}</p>"
    )
    if p.basis is not None:
        items = "".join(
            f"<li><strong>{axis} {getattr(p, axis)}"
            + (" (mlroles's reading)" if getattr(p.basis, axis).reading else "")
            + f":</strong> {_e(getattr(p.basis, axis).text)}"
            + (_cite(getattr(p.basis, axis).sources) if getattr(p.basis, axis).sources else "")
            + "</li>"
            for axis in AXES
        )
        out.append(f"<ul>{items}</ul>")
    if role.variants:
        items = "".join(
            f"<li><strong>{_e(v.name)}:</strong> {_e(v.text)}{_cite(v.sources)}</li>"
            for v in role.variants
        )
        out.append(f"<h4>Variants</h4><ul>{items}</ul>")
    if role.specialisms:
        items = "".join(
            "<li><strong>"
            + (_role_link(catalogue, s.role) if s.role else _e(s.name))
            + f":</strong> {_e(s.text)}{_cite(s.sources)}</li>"
            for s in role.specialisms
        )
        out.append(f"<h4>Specialisms</h4><ul>{items}</ul>")
    if role.notes:
        out.append("<h4>Notes</h4>" + _cited_list(role.notes))
    if role.outlook:
        items = "".join(
            f"<li><strong>{_e(o.figure)}</strong> {_e(o.measure)} ({_e(o.origin)}; "
            f"{_e(o.period)}){_cite(o.sources)}</li>"
            for o in role.outlook
        )
        out.append(f"<h4>Outlook (quoted figures, not forecasts)</h4><ul>{items}</ul>")
    if role.getting_started:
        out.append("<h4>Getting started (the sources' advice)</h4>")
        out.append(_cited_list(role.getting_started))
    for item in catalogue.disagreements_about([role.id]):
        views = "".join(
            f"<li><strong>{_e(v.holder)}:</strong> {_e(v.text)}{_cite(v.sources)}</li>"
            for v in item.views
        )
        out.append(f"<h4>The sources disagree: {_e(item.topic)}</h4><ul>{views}</ul>")
    if role.related:
        items = "".join(
            f"<li>{_role_link(catalogue, r.role)}: {_e(r.relation)}{_cite(r.sources)}</li>"
            for r in role.related
        )
        out.append(f"<h4>Related roles</h4><ul>{items}</ul>")
    out.append("</section>")
    return "\n".join(out)


def export_html(catalogue: Catalogue, chart_svg: str | None = None) -> str:
    skill_map = build_skill_map(catalogue, catalogue.roles)
    map_rows = "".join(
        f"<tr><td>{_role_link(catalogue, row.role.id)}</td><td>{_e(row.responsibility)}</td>"
        f"<td>{_e(', '.join(s.name for s in row.key_skills))}</td>"
        f"<td>{row.role.position.swe}</td><td>{row.role.position.ml}</td>"
        f"<td>{row.role.position.comm}</td><td>{xml_text(row.quadrant)}</td></tr>"
        for row in skill_map.rows
    )
    index = "".join(
        f"<tr><td>{_role_link(catalogue, r.id)}</td><td><code>{xml_text(r.id)}</code></td>"
        f"<td>{xml_text(r.track)}</td><td>{_e(r.summary.text)}</td></tr>"
        for r in catalogue.roles
    )
    contrasts = []
    for contrast in catalogue.contrasts:
        a, b = (catalogue.role(role_id) for role_id in contrast.roles)
        rows = "".join(
            f"<tr><th>{_e(row.dimension)}</th><td>{_e(row.a)}</td><td>{_e(row.b)}</td>"
            f"<td class='cite'>{_e(', '.join(row.sources))}</td></tr>"
            for row in contrast.rows
        )
        contrasts.append(
            f"<h3>{_role_link(catalogue, a.id)} vs {_role_link(catalogue, b.id)}</h3>"
            f"<table><tr><th></th><th>{_e(a.name)}</th><th>{_e(b.name)}</th>"
            f"<th>Sources</th></tr>{rows}</table>"
        )
    sources = "".join(
        f'<li id="source-{xml_text(s.id)}"><code>{xml_text(s.id)}</code> — <strong>{_e(s.label)}'
        f"</strong> ({_e(', '.join(s.credits))}). {_e(s.contributes)}</li>"
        for s in catalogue.sources
    )
    chart = f'<figure class="chart">{chart_svg}</figure>' if chart_svg else ""
    profiles = "\n".join(_role_section(catalogue, role) for role in catalogue.roles)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlroles: machine-learning job roles</title>
<style>{_CSS}</style>
</head>
<body>
<h1>Machine-learning job roles</h1>
<p>What each role does, produces, needs and uses, paraphrased from five sources and cited.</p>
<nav><a href="#roles">Roles</a><a href="#skill-map">Skill map</a>
<a href="#profiles">Profiles</a><a href="#contrasts">Contrasts</a>
<a href="#sources">Sources</a></nav>
<h2 id="roles">Roles</h2>
<table><tr><th>Role</th><th>Id</th><th>Track</th><th>Summary</th></tr>{index}</table>
<h2 id="skill-map">Skill map: software engineering vs ML</h2>
{chart}
<table><tr><th>Role</th><th>Responsibility</th><th>Key skills</th><th>SWE</th><th>ML</th>
<th>Comm</th><th>Quadrant</th></tr>{map_rows}</table>
<h2 id="profiles">Profiles</h2>
{profiles}
<h2 id="contrasts">What the sources compare</h2>
{"".join(contrasts)}
<h2 id="sources">Sources</h2>
<ul>{sources}</ul>
</body>
</html>
"""
