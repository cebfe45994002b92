"""The error boundary (cli/group.py): help with no command, Click's messages, global options."""

from __future__ import annotations

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
