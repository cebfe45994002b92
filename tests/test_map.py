"""`mlroles map`: the character chart's layout, the SVG chart, and the README's picture."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.catalogue import Catalogue
from mlroles.chart import build_chart, parse_you
from mlroles.errors import UsageError
from mlroles.render.mapgrid import ASCII, UNICODE, draw, plain_lines
from mlroles.render.svg import HEIGHT, WIDTH, radius, render_svg

REPO = Path(__file__).resolve().parents[1]
SVG = "{http://www.w3.org/2000/svg}"


def ml_roles(catalogue: Catalogue):  # type: ignore[no-untyped-def]
    return catalogue.roles_on(("research", "production"))


@pytest.mark.parametrize("width", [60, 80, 100])
@pytest.mark.parametrize("glyphs", [ASCII, UNICODE], ids=["ascii", "unicode"])
def test_every_role_is_placed_and_none_overlap(catalogue: Catalogue, width: int, glyphs) -> None:  # type: ignore[no-untyped-def]
    chart = build_chart(ml_roles(catalogue), you=parse_you("swe=4,ml=1"))
    picture = draw(chart, width - 1, 11, glyphs)
    lines = plain_lines(picture)
    assert max(len(line) for line in lines) <= width
    markers = sorted(p.marker for p in picture.placements if p.marker)
    assert markers == list(range(1, len(chart.points) + 1))
    spans = sorted((p.row, p.col, p.col + len(p.text)) for p in picture.placements)
    for (row_a, _, end_a), (row_b, start_b, _) in itertools.pairwise(spans):
        assert row_a != row_b or end_a < start_b, spans  # at least one blank between markers
    for placement in picture.placements:
        assert lines[placement.row][placement.col :].startswith(placement.text)
    # Axes: ticks 0-5 on both, the corner, and the quadrant cross.
    assert lines[-1].split() == ["0", "1", "2", "3", "4", "5"]
    assert lines[-2].lstrip().startswith(glyphs.corner + glyphs.h * 10)
    assert [line[0] for line in lines[:11] if line[0] != " "] == ["5", "4", "3", "2", "1", "0"]
    assert any(glyphs.cross in line for line in lines)


def test_markers_sit_where_the_roles_are(catalogue: Catalogue) -> None:
    chart = build_chart(ml_roles(catalogue))
    picture = draw(chart, 99, 11, ASCII)
    by_marker = {p.marker: p for p in picture.placements}
    mlops = next(p for p in chart.points if p.role.id == "mlops-engineer")
    rs = next(p for p in chart.points if p.role.id == "research-scientist")
    assert by_marker[mlops.marker].row > by_marker[rs.marker].row  # lower ML, lower down
    assert by_marker[mlops.marker].col > by_marker[rs.marker].col  # more SWE, further right


def test_map_command_at_80x24(invoke: Invoke) -> None:
    result = invoke("map", "--me", "swe=4,ml=1", "--role", "mlops", width=80)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) <= 24 and max(len(line) for line in lines) <= 80
    for name in ("Research scientist", "MLOps engineer", "Data engineer", "AI engineer"):
        assert name in result.stdout
    assert ">o12" in result.stdout or ">o" in result.stdout  # the highlighted role
    you = result.stdout[result.stdout.index("*you (") :]
    assert " ".join(you.split()).startswith(
        "*you (4/1): nearest Data engineer 0, Developer advocate 1.41, ML accelerator"
    )
    # The legend marks the values that are the catalogue's own reading.
    assert lines[0].endswith("; * reading")
    assert "Research scientist 3*/5/4*" in result.stdout
    assert "ML accelerator / hardwa~ 3*/2*/1*" in result.stdout  # shortened to fit


def test_map_unicode_with_colour(invoke: Invoke) -> None:
    out = invoke("map", width=100, env={"FORCE_COLOR": "1"}).stdout
    assert "┼" in out and "●" in out
    plain = invoke("map", width=100).stdout
    assert "┼" not in plain and "+" in plain


def test_map_json(invoke: Invoke) -> None:
    data = json.loads(invoke("map", "--me", "swe=1,ml=5,comm=4", "-f", "json").stdout)
    assert data["axes"] == {"x": "swe", "y": "ml", "size": "comm", "range": [0, 5], "high_from": 3}
    assert len(data["roles"]) == 15
    rs = next(r for r in data["roles"] if r["id"] == "research-scientist")
    assert (rs["swe"], rs["ml"], rs["comm"], rs["quadrant"]) == (3, 5, 4, "high SWE / high ML")
    assert rs["readings"] == ["swe", "comm"]
    assert data["you"] == {"swe": 1, "ml": 5, "comm": 4}
    assert data["nearest"][0]["id"] == "applied-research-scientist"  # 2/5; RS is now 3/5


def test_map_track_and_profile(invoke: Invoke, tmp_path: Path) -> None:
    research = json.loads(invoke("map", "-t", "research", "-f", "json").stdout)
    assert {r["id"] for r in research["roles"]} == {
        "research-scientist",
        "applied-research-scientist",
        "research-engineer",
    }
    profile = tmp_path / "me.yaml"
    profile.write_text("swe: 5\nml: 2\n")
    data = json.loads(invoke("map", "--profile", str(profile), "-f", "json").stdout)
    assert data["nearest"][0]["id"] == "mlops-engineer"
    empty = tmp_path / "empty.yaml"
    empty.write_text("wants: {research: 5}\n")
    assert invoke("map", "--profile", str(empty)).exit_code == 2


@pytest.mark.parametrize("text", ["swe=4", "swe=9,ml=1", "swe=x,ml=1", "foo=1,ml=2", "4,1"])
def test_bad_me(text: str) -> None:
    with pytest.raises(UsageError):
        parse_you(text)


def test_svg_is_a_real_bubble_chart(catalogue: Catalogue) -> None:
    chart = build_chart(ml_roles(catalogue), highlight=["mlops-engineer"])
    root = ET.fromstring(render_svg(chart))
    circles = root.findall(f"{SVG}circle[@class='role']")
    assert sorted(c.get("data-role") for c in circles) == sorted(r.id for r in ml_roles(catalogue))
    by_comm = sorted(circles, key=lambda c: int(c.get("data-comm", "0")))
    radii = [float(c.get("r", "0")) for c in by_comm]
    assert radii == sorted(radii) and radii[0] < radii[-1]
    assert all(float(c.get("r", "0")) == radius(int(c.get("data-comm", "0"))) for c in circles)
    for label in root.findall(f"{SVG}text[@class='role-label']"):
        x, y = float(label.get("x", "-1")), float(label.get("y", "-1"))
        width = len(label.text or "") * 6.6
        left = {"start": x, "end": x - width, "middle": x - width / 2}[label.get("text-anchor", "")]
        assert left >= 0 and left + width <= WIDTH and 0 <= y <= HEIGHT, label.text
    assert len(root.findall(f"{SVG}line[@class='grid']")) == 12
    assert len(root.findall(f"{SVG}line[@class='quadrant']")) == 2
    assert len(root.findall(f"{SVG}text[@class='quadrant-label']")) == 4
    assert root.find(f"{SVG}title") is not None
    assert root.findall(f"{SVG}text[@class='note']")


def test_map_svg_file(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "map.svg"
    assert invoke("map", "--svg", str(path)).exit_code == 0
    ET.parse(path)
    again = invoke("map", "--svg", str(path))
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert invoke("map", "--svg", str(path), "--force").exit_code == 0


def test_map_svg_dash_writes_only_the_svg_to_stdout(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("map", "--svg", "-")
    assert result.exit_code == 0, result.stderr
    ET.fromstring(result.stdout)  # the whole of stdout is one SVG document
    assert list(tmp_path.iterdir()) == []  # no file named '-'


def test_readme_picture_is_current(catalogue: Catalogue) -> None:
    committed = (REPO / "docs" / "skill-map.svg").read_text(encoding="utf-8")
    assert committed == render_svg(build_chart(ml_roles(catalogue))), (
        "docs/skill-map.svg is stale: run `mlroles map --svg docs/skill-map.svg --force`"
    )
    assert "docs/skill-map.svg" in (REPO / "README.md").read_text(encoding="utf-8")


def test_html_export_embeds_the_chart(invoke: Invoke) -> None:
    page = invoke("export", "-f", "html").stdout
    assert re.search(r'<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg"', page)


def _svg_texts(svg: str) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """(class, text, box) for every text inside the plot area's reach."""
    from mlroles.render.svg import text_box

    root = ET.fromstring(svg)
    out = []
    for element in root.iter(f"{SVG}text"):
        kind = element.get("class", "")
        if kind in ("note", "legend-title", "group-legend") or element.get("transform"):
            continue  # the footer, the legend and the rotated axis title sit apart
        if element.get("font-size") == "17":  # the chart's title
            continue
        x, y = float(element.get("x", "0")), float(element.get("y", "0"))
        anchor = element.get("text-anchor", "start")
        out.append((kind, element.text or "", text_box(x, y, anchor, element.text or "")))
    return out


@pytest.mark.parametrize("me", [None, "swe=4,ml=1", "swe=1,ml=1", "swe=3,ml=2"])
def test_svg_text_never_overlaps_and_bubbles_sit_at_their_values(
    catalogue: Catalogue, me: str | None
) -> None:
    """Issue 18, item 8: no text overlaps another text, a tick or quadrant label, or the
    'you' marker's label; every bubble's centre is at its value."""
    from mlroles.chart import You
    from mlroles.render.svg import _x, _y

    you = None
    if me is not None:
        swe, ml = (int(part.split("=")[1]) for part in me.split(","))
        you = You(swe, ml)
    svg = render_svg(build_chart(ml_roles(catalogue), (), you))
    texts = _svg_texts(svg)
    labels = [t for t in texts if t[0] == "role-label"]
    assert len(labels) == len(ml_roles(catalogue))
    for i, (_, text, box) in enumerate(texts):
        for _, other, other_box in texts[i + 1 :]:
            overlap = box[0] < other_box[2] and other_box[0] < box[2]
            overlap = overlap and box[1] < other_box[3] and other_box[1] < box[3]
            assert not overlap, f"{text!r} overlaps {other!r}"
        assert box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT, text
    root = ET.fromstring(svg)
    for circle in root.iter(f"{SVG}circle"):
        if circle.get("class") != "role":
            continue
        role = catalogue.role(circle.get("data-role", ""))
        assert float(circle.get("cx", "0")) == round(_x(role.position.swe), 1)
        assert float(circle.get("cy", "0")) == round(_y(role.position.ml), 1)
