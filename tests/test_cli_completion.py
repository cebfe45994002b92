"""Shell completion: role ids and aliases (overlays included), driven as the shell does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Invoke


def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """Ask the installed command for bash completions of `words` (the cursor at the end)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    full_env = {
        **os.environ,
        "_MLROLES_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(cword),
        **(env or {}),
    }
    result = subprocess.run(
        [sys.executable, "-m", "mlroles"],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


pytestmark = pytest.mark.slow


def test_completes_role_ids_for_show() -> None:
    assert complete("mlroles show data-s") == ["data-scientist"]
    candidates = complete("mlroles show ml")
    assert {"ml-engineer", "mlops-engineer", "ml-platform-engineer", "mle", "mlops"} <= set(
        candidates
    )


def test_completes_compare_and_skills_role() -> None:
    assert "mlops-engineer" in complete("mlroles compare ds mlo")
    assert "research-scientist" in complete("mlroles skills --role res")


def test_completes_subcommands_and_formats() -> None:
    assert {"list", "show", "compare", "skills", "sources", "validate", "export"} <= set(
        complete("mlroles ")
    )
    assert set(complete("mlroles list --format ")) == {"table", "json", "yaml", "markdown", "csv"}
    assert set(complete("mlroles show ds --format ")) == {"table", "json", "yaml", "markdown"}


def test_completion_sees_overlay_roles(invoke: Invoke, tmp_path: Path) -> None:
    overlay = tmp_path / "team.yaml"
    invoke("init", str(overlay))
    assert complete(f"mlroles --catalog {overlay} show analytics-") == ["analytics-engineer"]
    assert complete("mlroles show analytics-", env={"MLROLES_CATALOG": str(overlay)}) == [
        "analytics-engineer"
    ]
    assert complete("mlroles show analytics-") == []


def test_completes_skill_ids_and_levels() -> None:
    assert complete("mlroles fit --skill pyt") == ["python="]
    assert complete("mlroles fit --skill python=") == [
        "python=awareness",
        "python=working",
        "python=practitioner",
        "python=expert",
    ]


@pytest.mark.parametrize("fast", [True, False], ids=["fast path", "typer"])
def test_path_from_offers_me_and_compare_leaves_out_roles_given(invoke: Invoke, fast: bool) -> None:
    """Issue 18, item 11: `path m<TAB>` offers `me`; `compare ds <TAB>` not ds again."""
    assert invoke("list").exit_code == 0  # the role index the fast path reads
    env = {} if fast else {"MLROLES_NO_FAST_COMPLETE": "1"}
    assert complete("mlroles path m", env)[0] == "me"
    assert "me" not in complete("mlroles path ds m", env)  # TO is a role, never you
    after_ds = complete("mlroles compare data-scientist ", env)
    assert "data-scientist" not in after_ds and "ds" not in after_ds
    assert "ml-engineer" in after_ds
    assert "mle" not in complete("mlroles compare ds ml-engineer m", env)
    assert "mlops" in complete("mlroles compare ds ml-engineer m", env)


def test_fit_want_offers_the_kinds_of_work_then_the_scale() -> None:
    assert complete("mlroles fit --want d") == ["data=", "deployment="]
    assert complete("mlroles path me ds --want research=") == [
        f"research={value}" for value in range(6)
    ]
