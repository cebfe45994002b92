"""Time stays in proportion to the input (issue 13, item 3).

Each case feeds an input near the size limits and measures CPU seconds against a linear
baseline on the same input in the same run (PyYAML's C parser, or one pass over the text),
so a slow machine slows both. The bounds are generous: before the fixes these cases took
from 18 s to over 15 minutes.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mlroles.build import validate_document
from mlroles.errors import CatalogueError
from mlroles.render.plain import cell_len, wrap
from mlroles.yamlio import read_yaml


def cpu_seconds(action: Callable[[], object]) -> float:
    started = time.process_time()
    action()
    return time.process_time() - started


def yaml_parse_seconds(text: str) -> float:
    return cpu_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader))


def check_fails_in_time(path: Path, text: str, factor: float) -> CatalogueError:
    path.write_text(text, encoding="utf-8")
    baseline = yaml_parse_seconds(text)
    caught: list[CatalogueError] = []

    def load() -> None:
        try:
            validate_document(read_yaml(path))
        except CatalogueError as exc:
            caught.append(exc)

    ours = cpu_seconds(load)
    assert ours < factor * baseline + 1.0, (ours, baseline)
    assert caught, "the file should have been refused"
    return caught[0]


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_megabyte_of_empty_roles(tmp_path: Path, suffix: str) -> None:
    count = 120_000
    if suffix == ".json":
        text = '{"roles": [' + ",".join(["{}"] * count) + "]}"
    else:
        text = "roles:\n" + "- {}\n" * count
    error = check_fails_in_time(tmp_path / f"empty{suffix}", text, 10)
    assert len(error.problems) == 101
    assert error.problems[-1].message == f"and {count * 10 - 100} more problems in this file"


def test_a_megabyte_of_unknown_keys(tmp_path: Path) -> None:
    text = "".join(f"k{i}: 1\n" for i in range(99_990))
    assert len(text) < 1024 * 1024
    error = check_fails_in_time(tmp_path / "keys.yaml", text, 10)
    assert error.problems[0].message == "unknown field 'k0'"
    assert error.problems[-1].message == "and 99890 more problems in this file"


def test_wrapping_one_long_non_ascii_word() -> None:
    word = "\u00e9\u4e2d" * (128 * 1024)  # 256 Ki characters, no space to break at
    baseline = cpu_seconds(lambda: cell_len(word))
    lines: list[str] = []
    ours = cpu_seconds(lambda: lines.extend(wrap(word, 79)))
    assert ours < 40 * baseline + 0.5, (ours, baseline)
    assert "".join(lines) == word
    assert all(cell_len(line) <= 79 for line in lines)


@pytest.mark.parametrize(
    "page",
    [
        "<html>" + "<nav>" * 25_000 + "</p>" * 25_000 + "<p>Data Engineer</p>",
        # html.parser's close() took 28 s to minutes on these (CPython before gh-135462)
        "<html><div>" + "<!--" * 65_000,
        "<html><div>" + "<a" * 130_000,
        "<html><div>" + '<a b="x" ' * 26_000,
        "<html><div>" + "<a " * 87_000,
        "<html><div><![foo[ " + "<" * 250_000,
        "<html><div>" + "<script>" * 30_000 + "</div>",
        "<html><div>" + "<li><p>x" * 30_000,
        "<html>" + "<h1>" * 40_000 + "x",
    ],
)
def test_a_web_page_is_read_in_linear_time(page: str) -> None:
    from mlroles.adtext import AdError, decode_ad

    raw = page.encode()[: 256 * 1024]
    baseline = cpu_seconds(
        lambda: (raw.decode(errors="ignore").lower().find("</x"), raw.count(b"<"))
    )

    def read() -> None:
        # A page of nothing but markup holds no ad: fine, if said at once.
        with contextlib.suppress(AdError):
            decode_ad(raw, "ad.html")

    ours = cpu_seconds(read)
    assert ours < 400 * baseline + 0.5, (ours, baseline)


@pytest.mark.parametrize(
    "text",
    [
        "x" + " " * 262_000 + "y",  # a regex for Markdown's trailing marks took minutes
        "Title\n" + "a@" * 131_000,  # and one for e-mail addresses
        "\u2003" * 100 + "x" + "\u2003" * 262_000 + "y",
        "-" * 262_000,
        "Back to jobs\n" + "\u203a " * 131_000,
    ],
)
def test_an_ad_of_one_long_line_is_triaged_in_linear_time(text: str) -> None:
    from mlroles.loading import load_bundled
    from mlroles.triage import triage

    catalogue = load_bundled()
    baseline = cpu_seconds(lambda: (text.split(), text.lower().count("x")))
    ours = cpu_seconds(lambda: triage(catalogue, text))
    assert ours < 200 * baseline + 1.0, (ours, baseline)
