"""Layout for a person (issue 18, items 1-7): at 60, 80, 120 and 200 columns, piped (the
plain drawing) and in a terminal (Rich's), tables take their natural width where they fit,
prose keeps a readable measure, and nothing runs together or loses its title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Invoke
from mlroles.catalogue import Catalogue
from mlroles.render.blocks import MEASURE

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WIDTHS = [60, 80, 120, 200]
MODES = ["piped", "terminal"]


def lines(invoke: Invoke, args: tuple[str, ...], width: int, mode: str) -> list[str]:
    """The output's lines as a person sees them: no colour codes, no trailing spaces."""
    env = {"FORCE_COLOR": "1", "NO_COLOR": "1"} if mode == "terminal" else {}
    result = invoke(*args, width=width, env=env)
    assert result.exit_code == 0, result.stderr
    return [ANSI.sub("", line).rstrip() for line in result.stdout.splitlines()]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "args", [("list",), ("show", "ds"), ("compare", "ds", "mle"), ("skills",), ("map",)]
)
def test_output_fits_the_width(
    invoke: Invoke, args: tuple[str, ...], width: int, mode: str
) -> None:
    too_long = [line for line in lines(invoke, args, width, mode) if len(line) > width]
    assert not too_long


@pytest.mark.parametrize("mode", MODES)
def test_list_at_200_columns_keeps_every_name_on_one_line(
    invoke: Invoke, catalogue: Catalogue, mode: str
) -> None:
    out = lines(invoke, ("list", "--track", "all"), 200, mode)
    for role in catalogue.roles:
        row = next(line for line in out if role.id in line.split())
        assert role.name in row
        does = role.responsibilities[0].text
        assert does in row or len(row) > 180  # whole, or wrapped in a full-width row


@pytest.mark.parametrize("mode", MODES)
def test_list_at_120_columns_gives_what_it_does_the_room_left(
    invoke: Invoke, catalogue: Catalogue, mode: str
) -> None:
    out = lines(invoke, ("list", "--track", "all"), 120, mode)
    header = next(line for line in out if "What it does" in line)
    room = 120 - header.index("What it does")
    assert room >= 45  # Role capped, Id, Track, SWE and ML: what is left is the column's
    for role in catalogue.roles:
        does = role.responsibilities[0].text
        if len(does) <= room:
            assert any(does in line for line in out), does


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [60, 80])
def test_map_you_line_hangs_its_continuation(invoke: Invoke, width: int, mode: str) -> None:
    out = lines(invoke, ("map", "--me", "swe=2,ml=4", "--role", "ds"), width, mode)
    you = next(index for index, line in enumerate(out) if "you (2/4): nearest" in line)
    continuation = out[you + 1 :]
    assert continuation, "at this width the nearest roles take two lines"
    assert all(line.startswith(" " * 12) for line in continuation)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", [60, 80])
def test_compare_lists_items_as_bullets(
    invoke: Invoke, catalogue: Catalogue, width: int, mode: str
) -> None:
    out = "\n".join(lines(invoke, ("compare", "ds", "mle"), width, mode))
    assert "Data scientist:\n    • Use scientific methods" in out
    second = catalogue.role("data-scientist").responsibilities[1].text
    assert f"; {second[:20]}" not in " ".join(out.split())
    assert "• " + second[:20] in " ".join(out.split())


def test_skills_role_highlight_sets_no_background_colour(invoke: Invoke) -> None:
    result = invoke("skills", "--role", "mlops", width=160, env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    codes = ";".join(re.findall(r"\x1b\[([0-9;]*)m", result.stdout)).split(";")
    assert "7" in codes  # reversed: the terminal's own colours, swapped
    assert not {"40", "41", "42", "43", "44", "45", "46", "47", "48", "100"} & set(codes)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
def test_skills_names_its_scale_at_every_width(invoke: Invoke, width: int, mode: str) -> None:
    out = lines(invoke, ("skills",), width, mode)
    assert "Skill map: software engineering vs ML (0-5)" in out[:3]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("args", [("show", "ds"), ("path", "ds", "mle"), ("sources",)])
def test_prose_keeps_a_readable_measure_at_200_columns(
    invoke: Invoke, args: tuple[str, ...], mode: str
) -> None:
    out = lines(invoke, args, 200, mode)
    assert max(map(len, out)) <= MEASURE
    assert max(map(len, out)) > MEASURE - 15  # wrapped at the measure, not far short of it


@pytest.mark.parametrize("mode", MODES)
def test_tables_and_the_map_still_take_the_whole_width(invoke: Invoke, mode: str) -> None:
    assert max(map(len, lines(invoke, ("map",), 200, mode))) > 190
    assert max(map(len, lines(invoke, ("list",), 200, mode))) > 150


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
def test_search_snippets_follow_the_width_cut_at_words_with_the_match(
    invoke: Invoke, width: int, mode: str
) -> None:
    out = lines(invoke, ("search", "a/b test"), width, mode)
    assert max(map(len, out)) <= width
    text = " ".join(" ".join(out).split())
    assert "Run A/B tests and" in text
    if width >= 200:  # room for the whole sentence
        assert "Run A/B tests and experiments where the company leaves that to analysts" in text
    if width == 60:
        assert "leaves that to analysts…" not in text  # the cut is made for 60 columns
        assert "Run A/B tests and experiments where the company leaves…" in text


def test_search_snippet_is_cut_at_words_around_the_match() -> None:
    from mlroles.search import snippet

    text = (
        " ".join(f"word{i}" for i in range(40)) + " needle " + " ".join("x" * 5 for _ in range(9))
    )
    at = text.index("needle")
    for size in (20, 40, 90):
        cut = snippet(text, at, at + 6, size)
        assert "needle" in cut and len(cut) <= size + 2
        inner = cut.strip("…").split(" ")
        assert all(word.startswith("word") or word in ("needle", "xxxxx") for word in inner)


POSTINGS = sorted((Path(__file__).parent / "data" / "postings").iterdir())


def _shows(term: str, text: str) -> bool:
    return all(word.rstrip("*") in text.casefold() for word in term.casefold().split())


def test_triage_evidence_quotes_show_every_matched_term(catalogue: Catalogue) -> None:
    """Each line's quote shows the words of every term matched on it that any of its
    excerpts shows (issue 18, item 6), where one excerpt a line used to hide some."""
    from mlroles.quotes import quoted_lines
    from mlroles.triage import by_line, triage

    hidden_before = 0
    for posting in POSTINGS:
        result = triage(catalogue, posting.read_text(encoding="utf-8"))
        for match in result.matches:
            evidence = (*match.evidence, *match.variant_evidence)
            quotable = {(e.line, e.term) for e in evidence if _shows(e.term, e.excerpt)}
            for line, quote, terms, _ in quoted_lines(evidence):
                shown = [term for term in terms if (line, term) in quotable]
                assert all(_shows(term, quote) for term in shown), (posting.name, quote, terms)
            for line, quote, terms, _ in by_line(evidence):
                shown = [term for term in terms if (line, term) in quotable]
                hidden_before += not all(_shows(term, quote) for term in shown)
    assert hidden_before > 0  # the single excerpt a line had hid some of its terms


def test_overlapping_excerpts_of_a_line_become_one_quote() -> None:
    from mlroles.quotes import merged_excerpt

    first = "…engineering: data structures and algorithms, clean production code, code review"
    second = "…software engineering: data structures and algorithms, clean production code,…"
    merged = (
        "…software engineering: data structures and algorithms, clean production code, code review"
    )
    assert merged_excerpt(first, second) == merged
    assert merged_excerpt("…and Java, build the APIs…", "You will train and deploy…") is None
