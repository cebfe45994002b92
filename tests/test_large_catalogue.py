"""Catalogues far larger than the bundled one: what mlroles exports, it loads back.

The scale figures (5,000 roles, timings, memory) are in `benchmarks/scale.py`; here a
generated catalogue of a few hundred roles, several MiB once exported, makes the round trip.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmark_modules import load_benchmark
from conftest import Invoke
from mlroles.catalogue import Catalogue

SAMPLED = ("bench-role-0", "bench-role-157", "bench-role-299", "ml-engineer")


def _generate(out: Path, roles: int, skills: int) -> list[Path]:
    return list(load_benchmark("generate_catalogue").generate(out, roles, skills))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    _generate(out, 300, 1200)
    return out


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_an_export_over_one_mib_loads_back(
    invoke: Invoke, generated: Path, tmp_path: Path, fmt: str
) -> None:
    exported = tmp_path / f"all.{fmt}"
    written = invoke("--catalog", str(generated), "export", "-f", fmt, "-o", str(exported))
    assert written.exit_code == 0, written.stderr
    assert exported.stat().st_size > 1024 * 1024  # the old flat limit per file
    listed = invoke("--no-bundled", "--catalog", str(exported), "list", "--track", "all")
    assert listed.exit_code == 0, listed.stderr
    for role_id in SAMPLED:
        before = invoke("--catalog", str(generated), "show", role_id, "-f", "json")
        after = invoke("--no-bundled", "--catalog", str(exported), "show", role_id, "-f", "json")
        assert after.exit_code == 0, after.stderr
        shown, expected = json.loads(after.stdout), json.loads(before.stdout)
        assert shown.pop("origin") == str(exported)  # where it was defined: now the export
        expected.pop("origin")
        assert shown == expected
    reexported = invoke("--no-bundled", "--catalog", str(exported), "export", "-f", "json")
    original = invoke("--catalog", str(generated), "export", "-f", "json")
    assert json.loads(reexported.stdout) == json.loads(original.stdout)


def test_sources_walks_each_roles_citations_once(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlroles.loading import load_paths
    from mlroles.models import Role
    from mlroles.views import bibliography

    catalogue = load_paths(sorted(generated.iterdir()))
    walks: list[str] = []
    original = Role.cited_sources
    monkeypatch.setattr(Role, "cited_sources", lambda role: walks.append(role.id) or original(role))
    entries = bibliography(catalogue).entries
    assert sorted(walks) == sorted(catalogue.role_ids)  # once per role, not once per source
    citing = {entry.source.id: [role.id for role in entry.roles] for entry in entries}
    expected = [r.id for r in catalogue.roles if "bench-source" in original(r)]
    assert citing["bench-source"] == expected and len(expected) == 300


def test_a_crowded_svg_map_groups_roles_and_draws_each_at_its_value(generated: Path) -> None:
    import xml.etree.ElementTree as ET

    from mlroles.chart import build_chart
    from mlroles.loading import load_paths
    from mlroles.render.svg import HEIGHT, WIDTH, render_svg

    catalogue = load_paths(sorted(generated.iterdir()))
    roles = [r for r in catalogue.roles if r.id.startswith("bench-role-")]
    chart = build_chart(roles, highlight=["bench-role-7"])
    root = ET.fromstring(render_svg(chart))
    ns = "{http://www.w3.org/2000/svg}"
    step = (WIDTH - 70 - 150) / 5  # one grid step, in pixels
    singles = root.findall(f"{ns}circle[@class='role']")
    groups = root.findall(f"{ns}circle[@class='group']")
    crowded = Counter((r.position.swe, r.position.ml) for r in roles)
    alone = {r.id for r in roles if crowded[r.position.swe, r.position.ml] <= 3}
    assert {c.get("data-role") for c in singles} == alone | {"bench-role-7"}
    assert len(groups) == sum(1 for count in crowded.values() if count > 3)
    assert sum(int(c.get("data-roles", "0")) for c in groups) + len(singles) == 300
    for circle in singles + groups:
        x, y, r = (float(circle.get(name, "-1")) for name in ("cx", "cy", "r"))
        assert x - r >= 0 and x + r <= WIDTH and y - r >= 0 and y + r <= HEIGHT
        title = circle.findtext(f"{ns}title") or ""
        swe, ml = (int(v) for v in re.findall(r"SWE (\d)\D+ML (\d)", title)[0])
        assert abs(x - (70 + swe * step)) < step / 2 and abs(y - (60 + (5 - ml) * 100)) < 50
    labels = root.findall(f"{ns}text[@class='group-label']")
    assert sorted(t.text or "" for t in labels) == sorted(
        f"{c.get('data-roles')} roles" for c in groups
    )
    legend = root.find(f"{ns}text[@class='group-legend']")
    assert legend is not None and "--track or --role" in (legend.text or "")


def test_yaml_export_through_libyaml_writes_what_pyyaml_would(catalogue: Catalogue) -> None:
    import yaml

    from mlroles.render.export import catalogue_document, export_yaml

    pure = yaml.safe_dump(
        catalogue_document(catalogue), sort_keys=False, allow_unicode=True, width=100
    )
    assert (
        export_yaml(catalogue) == "# An mlroles catalogue, exported by `mlroles export`.\n" + pure
    )


@pytest.mark.parametrize(("width", "height"), [(79, 11), (99, 16)])
def test_a_crowded_terminal_map_draws_no_role_away_from_its_value(
    generated: Path, width: int, height: int
) -> None:
    from mlroles.chart import build_chart
    from mlroles.loading import load_paths
    from mlroles.render.mapgrid import ASCII, Y_MARGIN, draw, plain_lines

    catalogue = load_paths(sorted(generated.iterdir()))
    chart = build_chart([r for r in catalogue.roles if r.id.startswith("bench-role-")])
    picture = draw(chart, width, height, ASCII)
    points = {p.marker: p for p in chart.points}
    cols, rows = (picture.plot_width - 1) / 5, (picture.plot_height - 1) / 5
    drawn = [p for p in picture.placements if p.marker]
    for placed in drawn:  # each marker reads as its own value, not a neighbour's
        point = points[placed.marker]
        assert round((placed.col - Y_MARGIN) / cols) == point.swe, placed
        assert round(5 - placed.row / rows) == point.ml, placed
    counted = [int(p.text[1:]) for p in picture.placements if p.text.startswith("+")]
    assert len(drawn) + sum(counted) == 300  # every role is drawn or counted at its spot
    assert counted and plain_lines(picture)[-1] == (
        f"+N: {sum(counted)} roles with no room at their position (listed below);"
        " narrow the map with --track or --role"
    )
