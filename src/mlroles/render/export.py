"""Whole-catalogue exports: a catalogue file (JSON/YAML) and a Markdown book."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..compare import compare_roles
from ..models import CatalogueFile
from ..skillmap import build_skill_map
from ..views import bibliography, role_listing, role_profile
from .markdown import render_markdown


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


def _demote(markdown: str) -> str:
    """Push every heading one level down, so a document nests under a chapter."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.split("\n"))


def export_markdown(catalogue: Catalogue) -> str:
    every_track = tuple(track.id for track in catalogue.tracks)
    parts = [
        "# The mlroles catalogue\n",
        _demote(render_markdown(role_listing(catalogue, every_track))),
        _demote(render_markdown(build_skill_map(catalogue, catalogue.roles))),
        "## Role profiles\n",
    ]
    parts += [
        _demote(_demote(render_markdown(role_profile(catalogue, role, show_citations=True))))
        for role in catalogue.roles
    ]
    parts.append("## What the sources compare\n")
    for contrast in catalogue.contrasts:
        roles = [catalogue.role(role_id) for role_id in contrast.roles]
        comparison = compare_roles(catalogue, roles)
        parts.append(_demote(_demote(render_markdown(comparison))))
    parts.append(_demote(render_markdown(bibliography(catalogue))))
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)
