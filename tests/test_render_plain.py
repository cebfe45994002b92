"""Plain-text drawing of layout blocks: wrapping, hanging markers, tables that fit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mlroles.render.blocks import Column, Grid, Para, Responsive, Row, para, stack
from mlroles.render.plain import _narrowed, cell_len, draw_plain, wrap


def cell(text: str) -> tuple[Para, ...]:
    return (para(text),)


def test_cell_len_counts_wide_characters_twice_and_combining_ones_not_at_all() -> None:
    assert cell_len("abc") == 3
    assert cell_len("数据科学家") == 10
    assert cell_len("e\u0301") == 1


def test_wrap_breaks_at_spaces_and_keeps_short_lines_as_written() -> None:
    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert wrap("a  b", 10) == ["a  b"]
    assert wrap("", 5) == [""]


def test_wrap_splits_a_word_longer_than_the_line() -> None:
    assert wrap("abcdefghij xy", 4) == ["abcd", "efgh", "ij", "xy"]
    assert wrap("数据科学家", 4) == ["数据", "科学", "家"]


@given(
    st.lists(
        st.text(
            alphabet=st.characters(
                min_codepoint=33, max_codepoint=0x9FFF, exclude_categories=("Z", "C")
            ),
            min_size=1,
            max_size=12,
        ),
        max_size=30,
    ),
    st.integers(min_value=2, max_value=50),
)
def test_wrap_fits_the_width_and_loses_no_text(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_marker_hangs_wrapped_lines_under_the_text() -> None:
    block = Para((("alpha beta gamma delta", ""),), indent=2, marker="• ")
    assert draw_plain(block, 16) == "  • alpha beta\n    gamma delta\n"


def test_a_newline_in_a_paragraph_starts_a_line_at_the_same_indent() -> None:
    assert draw_plain(para("first\nsecond", indent=3), 40) == "   first\n   second\n"


def test_ruled_table_has_title_header_rule_and_right_justified_numbers() -> None:
    grid = Grid(
        (Column("Role"), Column("SWE", justify="right")),
        (Row((cell("ML engineer"), cell("4"))), Row((cell("Data analyst"), cell("1")))),
        title="Roles",
        ruled=True,
    )
    assert draw_plain(grid, 80).splitlines() == [
        "Roles",
        "Role          SWE",
        "-----------------",
        "ML engineer     4",
        "Data analyst    1",
    ]


def test_a_table_too_wide_narrows_its_widest_column_and_wraps_it() -> None:
    long = "word " * 30
    grid = Grid(
        (Column("Key", no_wrap=True), Column("Text")),
        (Row((cell("label"), cell(long))),),
        ruled=True,
    )
    lines = draw_plain(grid, 40).splitlines()
    assert max(cell_len(line) for line in lines) <= 40
    assert lines[2].startswith("label  word word")
    assert sum(line.count("word") for line in lines) == 30


def test_column_limits_and_cells_of_several_paragraphs() -> None:
    grid = Grid(
        (Column(max_width=5), Column(min_width=6)),
        (Row((cell("abcdefgh"), (para("x"), Para((("y z", ""),), marker="• ")))),),
        gap=1,
    )
    assert draw_plain(grid, 12).splitlines() == ["abcde x", "fgh   • y z"]
    # Where the columns fit at their natural widths, the cap does not apply (issue 18, item 1).
    assert draw_plain(grid, 80).splitlines() == ["abcdefgh x", "         • y z"]


def test_separate_rows_and_a_short_row() -> None:
    grid = Grid(
        (Column(), Column()),
        (Row((cell("a"), cell("b"))), Row((cell("only"),))),
        separate_rows=True,
    )
    assert draw_plain(grid, 80) == "a     b\n\nonly\n"


def test_responsive_picks_by_width() -> None:
    block = Responsive(para("wide"), para("narrow"), min_width=50)
    assert draw_plain(block, 50) == "wide\n"
    assert draw_plain(block, 49) == "narrow\n"


def test_nothing_ends_in_a_space() -> None:
    block = stack(para("x   "), Grid((Column(), Column()), (Row((cell("a"), cell(""))),)))
    assert all(line == line.rstrip() for line in draw_plain(block, 30).splitlines())


@given(
    st.lists(st.tuples(st.integers(1, 80), st.integers(1, 80)), min_size=1, max_size=8),
    st.integers(1, 200),
)
def test_narrowed_columns_fit_stay_within_their_limits_and_use_the_room(
    limits: list[tuple[int, int]], room: int
) -> None:
    wants = [max(a, b) for a, b in limits]
    floors = [min(a, b) for a, b in limits]
    widths = _narrowed(wants, floors, room)
    assert all(f <= w <= want for w, f, want in zip(widths, floors, wants, strict=True))
    if sum(floors) <= room:
        assert sum(widths) <= room
        assert sum(widths) == min(room, sum(wants))  # no cell of room wasted
    else:
        assert widths == floors
