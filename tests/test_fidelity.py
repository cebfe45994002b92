"""Every claim in the bundled catalogue is cited, paraphrased and true to its figures.

The seed documents live outside the repository (`../shared/seeds` in CI). Without them
these tests cannot run: in CI (CI=true) that is a failure, elsewhere a skip with the
reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from fidelity import check, find_seeds


@pytest.fixture(scope="module")
def seeds() -> Path:
    found = find_seeds()
    if found is None:
        reason = "no seed documents: set MLROLES_SEEDS or put them at ../shared/seeds"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def test_the_bundled_catalogue_is_true_to_its_sources(data_dir: Path, seeds: Path) -> None:
    problems = check(data_dir, seeds)
    assert not problems, "\n".join(problems)


@pytest.fixture
def copy(data_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir, target)
    return target


def _edit(directory: Path, name: str, change: Any) -> None:
    path = directory / name
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document["roles"][0])
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def test_a_planted_uncited_string_fails(copy: Path, seeds: Path) -> None:
    def plant(role: dict[str, Any]) -> None:
        role["notes"].append({"text": "ML engineers earn more than anyone else."})

    _edit(copy, "roles/ml-engineer.yaml", plant)
    last = len(yaml.safe_load((copy / "roles/ml-engineer.yaml").read_text())["roles"][0]["notes"])
    assert check(copy, seeds) == [
        f"roles/ml-engineer.yaml: roles[0].notes[{last - 1}].text: uncited text "
        "'ML engineers earn more than anyone else.'"
    ]


def test_a_planted_12_word_copy_fails(copy: Path, seeds: Path) -> None:
    copied = "Long term, however, there is significant optimism about this sector, so you may"

    def plant(role: dict[str, Any]) -> None:
        role["notes"].append({"text": copied, "sources": ["techtarget-ds-vs-mle"]})

    _edit(copy, "roles/data-scientist.yaml", plant)
    problems = check(copy, seeds)
    assert len(problems) == 1
    assert problems[0].startswith("roles/data-scientist.yaml: roles[0].notes[")
    assert (
        "copies 'long term however there is significant optimism about this sector so you'"
        in (problems[0])
    )
    assert problems[0].endswith("from 003_db08eb6f423fd5a5")


def test_eleven_copied_words_pass(copy: Path, seeds: Path) -> None:
    def plant(role: dict[str, Any]) -> None:
        text = "Long term, however, there is significant optimism about this sector, so"
        role["notes"].append({"text": text, "sources": ["techtarget-ds-vs-mle"]})

    _edit(copy, "roles/data-scientist.yaml", plant)
    assert check(copy, seeds) == []


def test_a_planted_wrong_figure_fails(copy: Path, seeds: Path) -> None:
    def plant(role: dict[str, Any]) -> None:
        role["outlook"][0]["figure"] = "+75% a year"

    _edit(copy, "roles/data-scientist.yaml", plant)
    assert check(copy, seeds) == [
        "roles/data-scientist.yaml: roles[0].outlook[0].figure: 75 is not in the cited source"
    ]


def test_a_figure_from_another_source_fails(copy: Path, seeds: Path) -> None:
    # +22% is in the job-board article, not in TechTarget.
    def plant(role: dict[str, Any]) -> None:
        role["outlook"][0]["sources"] = ["techtarget-ds-vs-mle"]

    _edit(copy, "roles/ml-engineer.yaml", plant)
    problems = check(copy, seeds)
    assert "roles/ml-engineer.yaml: roles[0].outlook[0].figure: 22 is not in the cited source" in (
        problems
    )


def test_a_cited_source_must_be_a_seed_old_ids_included(copy: Path, seeds: Path) -> None:
    def plant(role: dict[str, Any]) -> None:
        role["notes"][0]["sources"] = ["000_2d9966c018cdad27", "no-such-source"]

    _edit(copy, "roles/ai-engineer.yaml", plant)
    assert check(copy, seeds) == [
        "roles/ai-engineer.yaml: roles[0].notes[0].sources: cites 'no-such-source', "
        "which is no seed document"
    ]


@pytest.mark.slow
@pytest.mark.parametrize(("ci", "outcome", "code"), [("true", "1 error", 1), ("", "1 skipped", 0)])
def test_without_seeds_ci_fails_and_elsewhere_skips(
    tmp_path: Path, ci: str, outcome: str, code: int
) -> None:
    env = {**os.environ, "MLROLES_SEEDS": str(tmp_path), "CI": ci}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-k",
            "bundled",
            str(Path(__file__)),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == code and outcome in result.stdout, result.stdout
    assert "no seed documents: set MLROLES_SEEDS" in result.stdout
