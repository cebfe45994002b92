"""Which drawing an output gets: Rich for a terminal, plain text for anything else."""

from __future__ import annotations

import io

import pytest

from mlroles.cli.output import _is_terminal, _width


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        super().isatty()  # raises ValueError once closed, as a real stream does
        return True


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TTY_COMPATIBLE", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def test_a_terminal_is_what_isatty_says() -> None:
    assert _is_terminal(FakeTTY())
    assert not _is_terminal(io.StringIO())


def test_a_closed_stream_is_no_terminal() -> None:
    stream = FakeTTY()
    stream.close()
    assert not _is_terminal(stream)


@pytest.mark.parametrize(
    ("env", "tty", "expected"),
    [
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": ""}, True, False),
        ({"TTY_COMPATIBLE": "1"}, False, True),
        ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, True, False),
    ],
)
def test_the_environment_overrides_as_for_rich(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, expected: bool
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _is_terminal(FakeTTY() if tty else io.StringIO()) is expected


def test_width_comes_from_columns_when_it_is_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "73")
    assert _width() == 73
    monkeypatch.setenv("COLUMNS", "wide")
    assert _width() > 0
