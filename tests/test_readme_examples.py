"""The README's example output is what the commands really print (issue 18, item 19)."""

from __future__ import annotations

import pytest

from readme_examples import README, examples, regenerated

pytestmark = pytest.mark.slow


def test_readme_examples_are_the_real_output() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(examples(text)) >= 13  # every example block is generated, none hand-written
    fresh = regenerated(text)
    stale = [
        (old, new)
        for old, new in zip(text.splitlines(), fresh.splitlines(), strict=True)
        if old != new
    ]
    assert not stale, (
        f"README.md's examples are stale (first: {stale[0]}); run `python tests/readme_examples.py`"
    )


def test_no_example_block_is_left_without_its_marker() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith("$ mlroles") and lines[index - 1] == "```":
            assert lines[index - 2].startswith("<!-- example: "), line


def test_an_excerpt_marks_what_it_leaves_out() -> None:
    from readme_examples import _kept

    lines = [f"l{i}" for i in range(1, 11)]
    assert _kept(lines, "1-2,5-6") == ["l1", "l2", "…", "l5", "l6", "…"]
    assert _kept(lines, "3,9-10") == ["…", "l3", "…", "l9", "l10"]


def test_the_profile_example_shows_the_whole_gap_block() -> None:
    """An excerpt is chosen by line numbers, which drift when the output above them grows:
    the profile example must still show the block the text around it describes."""
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- example: mlroles triage ml-engineer-ad.md --swe 4")
    block = text[start : text.index("\n```\n", text.index("```", start) + 3)]
    for shown in ("You and this ad", "How close you are:", "You have:", "To learn first"):
        assert shown in block, shown
    assert "Also for ML engineer (the ad does not say)" in block
