"""`export`: Markdown, JSON, YAML and a self-contained HTML page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import Invoke
from mlroles.catalogue import Catalogue


def test_yaml_and_json_exports_are_catalogues(invoke: Invoke, tmp_path: Path) -> None:
    for fmt in ("yaml", "json"):
        path = tmp_path / f"all.{fmt}"
        assert invoke("export", "--format", fmt, "--output", str(path)).exit_code == 0
        assert invoke("validate", str(path), "--format", "json").exit_code == 0
        alone = invoke("--no-bundled", "-c", str(path), "compare", "ds", "mle", "-f", "json")
        bundled = invoke("compare", "ds", "mle", "-f", "json")
        assert json.loads(alone.stdout) == json.loads(bundled.stdout)
    assert yaml.safe_load((tmp_path / "all.yaml").read_text()) == json.loads(
        (tmp_path / "all.json").read_text()
    )


def test_markdown_export_covers_everything(invoke: Invoke, catalogue: Catalogue) -> None:
    out = invoke("export").stdout
    assert out.startswith("# The mlroles catalogue\n")
    for role in catalogue.roles:
        assert f"\n### {role.name}\n" in out
    assert out.count("## What the sources say:") == len(catalogue.contrasts)
    assert "### `ml-roles-blog`" in out
    assert "The sources disagree: Who builds the model that the ML engineer ships" in out
    assert "Getting started (the sources' advice)" in out


def test_export_does_not_overwrite(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("old")
    result = invoke("export", "-f", "html", "-o", str(path))
    assert result.exit_code == 1 and path.read_text() == "old"
    assert invoke("export", "-f", "html", "-o", str(path), "--force").exit_code == 0
    assert path.read_text().startswith("<!DOCTYPE html>")


def test_export_to_a_missing_directory(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("export", "-o", str(tmp_path / "no" / "such" / "file.md"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_html_is_self_contained_and_escaped(invoke: Invoke, tmp_path: Path) -> None:
    overlay = tmp_path / "x.yaml"
    invoke("init", str(overlay))
    overlay.write_text(
        overlay.read_text().replace("name: Analytics engineer", 'name: "<script>alert(1)</script>"')
    )
    page = invoke("-c", str(overlay), "export", "-f", "html").stdout
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for external in ('href="http', 'src="http', "src=", "<link", "@import", "url(", "<script"):
        assert external not in page, external
    assert 'href="#role-ml-engineer"' in page and 'id="role-ml-engineer"' in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium(page: Path, profile: Path) -> tuple[str, str]:
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout, result.stderr


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_html_renders_in_chromium(invoke: Invoke, catalogue: Catalogue, tmp_path: Path) -> None:
    # First show that a console error would be caught at all.
    bad = tmp_path / "bad.html"
    bad.write_text("<p>x</p><script>console.error('boom')</script>")
    _, log = _chromium(bad, tmp_path / "p1")
    assert ":CONSOLE" in log and "boom" in log

    page = tmp_path / "catalogue.html"
    assert invoke("export", "-f", "html", "-o", str(page)).exit_code == 0
    dom, log = _chromium(page, tmp_path / "p2")
    assert ":CONSOLE" not in log
    body = dom.split("<body>", 1)[1]
    for role in catalogue.roles:
        assert f">{role.name}<" in body, role.name


def test_exports_carry_disagreements_advice_and_value_bases(invoke: Invoke) -> None:
    document = json.loads(invoke("export", "-f", "json").stdout)
    assert len(document["disagreements"]) == 16
    assert "ml-roles-blog" in [s["id"] for s in document["sources"]]
    rs = next(r for r in document["roles"] if r["id"] == "research-scientist")
    assert rs["position"]["basis"]["comm"]["reading"] is True
    assert rs["getting_started"]
    page = invoke("export", "-f", "html").stdout
    assert "<h4>The sources disagree: Whether a research scientist needs a PhD</h4>" in page
    assert "<h4>Getting started (the sources' advice)</h4>" in page
    assert "comm 4 (mlroles's reading):" in page
