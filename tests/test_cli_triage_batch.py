"""`mlroles triage` over many ads: one row each, bad files reported, the rest still read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import Invoke

POSTINGS = Path(__file__).parent / "data" / "postings"


@pytest.fixture
def ads(tmp_path: Path) -> Path:
    folder = tmp_path / "ads"
    folder.mkdir()
    for name in (
        "05-mle-recsys.md",
        "20-misleading-ai-engineer-is-mlops.md",
        "03-data-analyst-ops.txt",
    ):
        (folder / name).write_text((POSTINGS / name).read_text())
    (folder / "notes.pdf").write_bytes(b"%PDF\x00")  # not an ad's suffix: not read
    return folder


def test_a_directory_gives_one_row_per_ad(invoke: Invoke, ads: Path) -> None:
    result = invoke("triage", str(ads), "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    rows = {Path(row["file"]).name: row for row in data["ads"]}
    assert list(rows) == sorted(rows)
    assert rows["05-mle-recsys.md"]["role"] == "ml-engineer"
    misled = rows["20-misleading-ai-engineer-is-mlops.md"]
    assert misled["role"] == "mlops-engineer" and misled["title_role"] == "ai-engineer"
    assert misled["title_misleads"] is True
    assert data["failed"] == []


def test_bad_files_are_reported_one_line_each_and_the_rest_still_read(
    invoke: Invoke, ads: Path, tmp_path: Path
) -> None:
    binary = ads / "scan.txt"
    binary.write_bytes(b"abc\x00def")
    missing = tmp_path / "gone.md"
    result = invoke("triage", str(ads), str(missing), width=120)
    assert result.exit_code == 1
    # Ads are read in order: the directory's files (sorted), then the files given after it.
    assert result.stderr.splitlines() == [
        f"mlroles: error: {binary}: looks like a binary file, not a text job ad.",
        f"mlroles: error: {missing}: no such file.",
        "mlroles: error: 2 of 5 ads could not be read.",
    ]
    assert "ML engineer" in result.stdout and "MLOps engineer" in result.stdout


def test_csv_and_sorting(invoke: Invoke, ads: Path) -> None:
    result = invoke("triage", str(ads), "-f", "csv", "--sort", "role")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["role"] for r in rows] == ["data-analyst", "ml-engineer", "mlops-engineer"]
    assert set(rows[0]) == {
        "file",
        "title",
        "role",
        "confidence",
        "title_role",
        "title_misleads",
        "verdict",
    }


def test_table_at_sixty_columns_and_csv_for_one_ad(invoke: Invoke, ads: Path) -> None:
    table = invoke("triage", str(ads), width=60)
    assert table.exit_code == 0
    assert all(len(line) <= 60 for line in table.stdout.splitlines())
    one = invoke("triage", str(ads / "05-mle-recsys.md"), "-f", "csv")
    assert one.exit_code == 2
    assert "--format csv is for many ads" in one.stderr


def test_an_empty_directory_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("triage", str(tmp_path))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"mlroles: error: {tmp_path}: no job ads in this directory (.txt, .md or .html files).\n"
    )


def test_a_hostile_file_name_is_shown_escaped(invoke: Invoke, ads: Path) -> None:
    bad = ads / "\x1b]0;pwned\x07.txt"
    bad.write_bytes(b"\x00")
    result = invoke("triage", str(ads))
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\\x1b]0;pwned\\x07.txt" in result.stderr
