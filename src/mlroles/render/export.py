"""Whole-catalogue exports: a catalogue file (JSON/YAML), and the book of its views drawn as
Markdown or as one HTML page."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..models import CatalogueFile
from . import counted
from .blocks import Block, Document, Section, Span, para, stack


def catalogue_document(catalogue: Catalogue) -> dict[str, Any]:
    """The merged catalogue as one catalogue file: loadable again with `--catalog`."""
    content = CatalogueFile(
        sources=catalogue.sources,
        tracks=catalogue.tracks,
        skill_categories=catalogue.categories,
        skills=catalogue.skills,
        roles=catalogue.roles,
        contrasts=catalogue.contrasts,
        disagreements=catalogue.disagreements,
    )
    return content.model_dump(mode="json", exclude_defaults=True)


def export_json(catalogue: Catalogue) -> str:
    document = catalogue_document(catalogue)
    from .machine import dump_json

    return dump_json(document)


def export_yaml(catalogue: Catalogue) -> str:
    import yaml

    # libyaml's writer when PyYAML has it: the pure-Python one took 2 minutes and 2 GB for
    # 5,000 roles. Both are safe dumpers and write the same YAML for this data.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    from ..textsafe import yaml_text

    header = "# An mlroles catalogue, exported by `mlroles export`.\n"
    document = catalogue_document(catalogue)
    body = yaml_text(
        lambda unicode: yaml.dump(
            document, Dumper=dumper, sort_keys=False, allow_unicode=unicode, width=100
        )
    )
    return header + body


def catalogue_book(catalogue: Catalogue) -> Block:
    """The whole catalogue as one document: what it rests on (counted and named from the
    loaded catalogue, never written in), then the views `list`, `map`, `show --sources`,
    `compare` (each pair the sources compare) and `sources` show, each one level down."""
    from ..compare import compare_roles
    from ..skillmap import build_skill_map
    from ..views import bibliography, role_listing, role_profile
    from .layout import layout

    sources: list[Span] = []
    for index, source in enumerate(catalogue.sources):
        sources += [(", ", "")] if index else []
        sources.append((source.label, f":source:{source.id}"))
    about = para(
        "What each role does, produces, needs and uses, paraphrased from "
        f"{counted(len(catalogue.sources), 'source')} (",
        *sources,
        ") and cited.",
    )
    profiles = [
        Section(f"role-{role.id}", layout(role_profile(catalogue, role, show_citations=True)))
        for role in catalogue.roles
    ]
    contrasts = [
        Section("", layout(compare_roles(catalogue, [catalogue.role(r) for r in c.roles])))
        for c in catalogue.contrasts
    ]
    parts: list[Block] = [
        about,
        Section("roles", layout(role_listing(catalogue, tuple(t.id for t in catalogue.tracks)))),
        Section("skill-map", layout(build_skill_map(catalogue, catalogue.roles))),
        Section("profiles", Document((("Role profiles", ""),), stack(*profiles))),
        Section("contrasts", Document((("What the sources compare", ""),), stack(*contrasts))),
        Section("sources", layout(bibliography(catalogue))),
    ]
    return Document((("The mlroles catalogue", ""),), stack(*parts))


def export_markdown(catalogue: Catalogue) -> str:
    from .markdown import draw_markdown

    return draw_markdown(catalogue_book(catalogue))


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1em;color:#222}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
h3{margin-top:1.6em}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.cite,.muted{color:#777;font-size:.9em}.group{font-style:italic}
nav a{margin-right:1em}section[id^=role-]{border-left:4px solid #9ab;padding-left:1em}
tr.focus{background:#ffd}pre{font-size:12px;overflow-x:auto}
"""

_NAV = (
    '<nav><a href="#roles">Roles</a><a href="#skill-map">Skill map</a>'
    '<a href="#profiles">Profiles</a><a href="#contrasts">Contrasts</a>'
    '<a href="#sources">Sources</a></nav>'
)


def export_html(catalogue: Catalogue, chart_svg: str | None = None) -> str:
    """The catalogue's book as one self-contained page (no scripts, no external assets),
    with `chart_svg` at the head of the skill map."""
    from .html import draw_html

    body = draw_html(catalogue_book(catalogue))
    body = body.replace("</p>\n", f"</p>\n{_NAV}\n", 1)  # under the book's "what it rests on"
    if chart_svg:
        skill_map = '<section id="skill-map">\n'
        body = body.replace(skill_map, f'{skill_map}<figure class="chart">{chart_svg}</figure>\n')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlroles: machine-learning job roles</title>
<style>{_CSS}</style>
</head>
<body>
{body}</body>
</html>
"""
