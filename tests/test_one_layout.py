"""Issue 17's defects, each gone now that every format draws the same layout."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

from conftest import Invoke
from mlroles.catalogue import Catalogue
from mlroles.render.html import draw_html
from mlroles.render.layout import layout
from mlroles.views import role_profile


def _cited(sources: tuple[str, ...]) -> str:
    return "sources: " + ", ".join(sources)


def test_show_sources_cites_every_skill_and_tool_in_every_format(
    invoke: Invoke, catalogue: Catalogue
) -> None:
    role = catalogue.role("ml-engineer")
    python = next(need for need in role.skills if need.skill == "python")
    docker = next(tool for tool in role.tools if tool.name == "Docker")
    table = invoke("show", "mle", "--sources", width=240).stdout
    assert re.search(rf"\n +Python +practitioner +{_cited(python.sources)}\n", table)
    assert re.search(rf"\n +Docker +{_cited(docker.sources)}\n", table)
    narrow = invoke("show", "mle", "--sources", width=60).stdout  # each item's sources under it
    assert f"\n    Python  practitioner\n      {_cited(python.sources)}\n" in narrow
    assert f"\n    Docker\n      {_cited(docker.sources)}\n" in narrow
    markdown = invoke("show", "mle", "--sources", "-f", "markdown").stdout
    assert f"| Python | practitioner | {_cited(python.sources)} |" in markdown
    assert f"| Docker | {_cited(docker.sources)} |" in markdown
    page = draw_html(layout(role_profile(catalogue, role, show_citations=True)))
    links = ", ".join(f'<a href="#source-{s}">{s}</a>' for s in python.sources)
    assert f"<td>Python</td><td>practitioner</td><td>sources: {links}</td>" in page
    # Without --sources, nothing is cited, as before.
    assert "sources: " not in invoke("show", "mle", width=240).stdout


def _catalogue_with_a_seventh_source(invoke: Invoke, tmp_path: Path) -> Path:
    """The bundled catalogue as one file, plus a source of the user's own that the data
    scientist's skill-map position cites."""
    path = tmp_path / "own.json"
    assert invoke("export", "-f", "json", "-o", str(path)).exit_code == 0
    document = json.loads(path.read_text())
    document["sources"].append(
        {"id": "team-notes", "kind": "team notes", "contributes": "Where our team puts roles."}
    )
    ds = next(role for role in document["roles"] if role["id"] == "data-scientist")
    ds["position"]["sources"].append("team-notes")
    path.write_text(json.dumps(document))
    return path


def test_html_export_counts_and_links_the_loaded_catalogues_sources(
    invoke: Invoke, tmp_path: Path
) -> None:
    bundled = invoke("export", "-f", "html").stdout
    assert "paraphrased from six sources (" in bundled  # it said "five", whatever was loaded
    assert '<a href="#source-ml-roles-blog">' in bundled and 'id="source-ml-roles-blog"' in bundled
    own = _catalogue_with_a_seventh_source(invoke, tmp_path)
    page = invoke("--no-bundled", "-c", str(own), "export", "-f", "html").stdout
    assert "paraphrased from seven sources (" in page
    assert '<a href="#source-team-notes">(untitled team notes)</a>' in page
    assert '<h3 id="source-team-notes"><code>team-notes</code>' in page
    # A citation in a profile links to the source's entry.
    assert '<a href="#source-team-notes">team-notes</a>' in page


def test_svg_footer_cites_the_loaded_catalogues_sources(invoke: Invoke, tmp_path: Path) -> None:
    own = _catalogue_with_a_seventh_source(invoke, tmp_path)
    svg = tmp_path / "map.svg"
    result = invoke("--no-bundled", "-c", str(own), "map", "--svg", str(svg))
    assert result.exit_code == 0, result.stderr
    footer = " ".join(re.findall(r'<text class="note"[^>]*>([^<]*)</text>', svg.read_text()))
    assert footer.startswith("Positions are mlroles&#x27;s reading of full-stack-which-ml-role,")
    assert "team-notes" in footer
    bundled = tmp_path / "bundled.svg"
    assert invoke("map", "--svg", str(bundled)).exit_code == 0
    assert "team-notes" not in bundled.read_text()


def test_fit_markdown_keeps_why_gaps_and_not_asked_apart(invoke: Invoke) -> None:
    out = invoke("fit", "--swe", "3", "--ml", "2", "-w", "research=5", "-f", "markdown").stdout
    first = out.split("\n## 1\\. ", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in first.splitlines() if line]
    assert [line.split(":**")[0] for line in lines[1:]] == ["- **why", "- **gaps", "- **not asked"]


def test_map_markdown_spaces_the_levels_evenly(invoke: Invoke) -> None:
    out = invoke("map", "-f", "markdown").stdout
    picture = out.split("```\n", 1)[1].split("```", 1)[0].splitlines()
    rows = [index for index, line in enumerate(picture) if re.match(r"[0-5] [|+]", line)]
    labels = [picture[index][0] for index in rows]
    assert labels == ["5", "4", "3", "2", "1", "0"]
    assert len({b - a for a, b in pairwise(rows)}) == 1


def test_comparison_group_labels_are_told_apart_from_skills_when_piped(
    invoke: Invoke, catalogue: Catalogue
) -> None:
    out = invoke("compare", "ds", "mle").stdout
    skills = out.split("\nSkills\n", 1)[1]
    labels = [line.split("  ")[0] for line in skills.splitlines() if line.startswith("[")]
    assert labels == ["[shared]", "[only Data scientist]", "[only ML engineer]"]
    names = {skill.name for skill in catalogue.skills}
    assert not any(label.strip("[]") in names for label in labels)
    markdown = invoke("compare", "ds", "mle", "-f", "markdown").stdout
    assert "| _shared_ |  |  |" in markdown


def test_curated_comparisons_cite_their_sources_in_every_format(
    invoke: Invoke, catalogue: Catalogue
) -> None:
    """The old Markdown and HTML cited each curated row; the terminal cited none."""
    contrast = catalogue.contrast_between("data-scientist", "ml-engineer")
    assert contrast is not None
    cited = list(dict.fromkeys(s for row in contrast[0].rows for s in row.sources))
    line = "sources: " + ", ".join(cited)
    assert f"\n{line}\n" in invoke("compare", "ds", "mle", width=200).stdout
    assert f"\n_({line})_\n" in invoke("compare", "ds", "mle", "-f", "markdown").stdout
