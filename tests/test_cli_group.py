"""The error boundary (cli/group.py): help with no command, Click's messages, global options."""

from __future__ import annotations

from pathlib import Path

from conftest import Invoke


def test_no_command_prints_the_help_plainly(invoke: Invoke) -> None:
    """Issue 18, item 12: no "error:", no glued hint, exit 0."""
    result = invoke()
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("Usage: mlroles [OPTIONS] COMMAND [ARGS]...\n")
    assert "\n  triage " in result.stdout


def test_click_messages_end_their_sentence_before_the_hint(invoke: Invoke) -> None:
    """Issue 18, item 13."""
    bogus = invoke("list", "--bogus")
    assert bogus.stderr == "mlroles: error: No such option: --bogus. Try 'mlroles list --help'.\n"
    too_big = invoke("fit", "--swe", "9")
    assert too_big.exit_code == 2
    assert "less than or equal to 5. Try 'mlroles fit --help'.\n" in too_big.stderr


def test_a_global_option_after_the_command_says_where_it_goes(invoke: Invoke) -> None:
    """Issue 18, item 16."""
    result = invoke("list", "-c", "team.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "mlroles: error: No such option: -c. It is a global option: put it before the "
        "command, as in 'mlroles -c ... list'.\n"
    )


def test_files_written_are_named_on_stderr(invoke: Invoke, tmp_path: Path) -> None:
    """Issue 18, item 15: export -o, map --svg and fit --save say what they wrote."""
    svg = tmp_path / "map.svg"
    result = invoke("map", "--svg", str(svg))
    assert result.exit_code == 0 and svg.exists()
    assert result.stderr == f"mlroles: wrote {svg}: the skill map as SVG.\n"
    book = tmp_path / "book.md"
    exported = invoke("export", "-f", "markdown", "-o", str(book))
    assert exported.stderr == f"mlroles: wrote {book}: the catalogue as markdown.\n"
    again = invoke("export", "-f", "markdown", "-o", str(book))
    assert again.exit_code == 1 and "already exists" in again.stderr
    me = tmp_path / "me.yaml"
    saved = invoke("fit", "--swe", "3", "--save", str(me))
    assert saved.exit_code == 0
    assert f"mlroles: wrote {me}: your profile; use it with --profile.\n" in saved.stderr


def test_pydantic_prefixes_do_not_reach_the_user(invoke: Invoke) -> None:
    """Issue 18, item 13: "Value error, 'xml' is not one of …" loses its prefix."""
    result = invoke("list", "-f", "xml")
    assert result.exit_code == 2
    assert "Value error" not in result.stderr
    assert result.stderr.startswith(
        "mlroles: error: Invalid value for '--format' / '-f': 'xml' is not one of "
    )
