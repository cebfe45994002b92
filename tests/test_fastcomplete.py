"""The completion fast path must print exactly what Typer's own completion prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer

from conftest import Invoke
from mlroles.cli.common import complete_another_role, complete_role
from mlroles.fastcomplete import answer

INPUTS = [
    "mlroles show d",
    "mlroles show ",
    "mlroles show ML",
    "mlroles compare ds m",
    "mlroles compare ds mle r",
    "mlroles skills --role ml",
    "mlroles map -r res",
    "mlroles path swe m",
    "mlroles path ",
    "mlroles show zz",
    "mlroles show --sources d",
    "mlroles compare -f json ds ai",
    "mlroles path m",
    "mlroles path M",
    "mlroles path ds m",
    "mlroles compare data-scientist ",
    "mlroles compare ds mle m",
    "mlroles compare data-scientist ds d",
    "mlroles --no-pager show d",
    "mlroles path --swe 3 -i m",
    "mlroles map --force --track all -r d",
    "mlroles skills -f json -r ",
]
FALLS_THROUGH = [
    "mlroles ",
    "mlroles sh",
    "mlroles show ds ",
    "mlroles show -",
    "mlroles list --format ",
    "mlroles skills --track ",
    "mlroles show --format=json d",
    "mlroles path swe mle ",
    "mlroles export -o ",
    "mlroles init ",
    "mlroles search ml",
    "mlroles --version show d",
    "mlroles show --help d",
]


def shell_env(shell: str, words: str) -> dict[str, str]:
    env = {"_MLROLES_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env["COMP_WORDS"] = words
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def typer_answer(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mlroles"],
        env={**os.environ, **env, "MLROLES_NO_FAST_COMPLETE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module", autouse=True)
def warm_cache(invoke: Invoke) -> None:  # type: ignore[misc]
    assert invoke("list").exit_code == 0  # writes the catalogue cache and its role index


@pytest.fixture(scope="module")
def invoke() -> Invoke:  # module-scoped twin of conftest's fixture
    from typer.testing import CliRunner

    from mlroles.cli import app

    return lambda *args, **_: CliRunner().invoke(app, list(args))


@pytest.mark.slow
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("words", INPUTS)
def test_fast_path_matches_typer(
    shell: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    env = {**os.environ, **shell_env(shell, words)}
    assert answer(env) is True, "the fast path should answer this"
    fast = capsys.readouterr().out
    slow = typer_answer(shell_env(shell, words))
    assert slow.returncode == 0, slow.stderr
    assert fast == slow.stdout


@pytest.mark.slow
@pytest.mark.parametrize("answer_expected", [True, False])
def test_fish_is_args_exit_status(answer_expected: bool) -> None:
    words = "mlroles show d" if answer_expected else "mlroles show zz"
    env = {**shell_env("fish", words), "_TYPER_COMPLETE_FISH_ACTION": "is-args"}
    with pytest.raises(SystemExit) as fast:
        answer({**os.environ, **env})
    assert fast.value.code == (0 if answer_expected else 1)
    assert typer_answer(env).returncode == fast.value.code


@pytest.mark.parametrize("words", FALLS_THROUGH)
def test_anything_else_falls_through_to_typer(words: str) -> None:
    assert answer({**os.environ, **shell_env("bash", words)}) is False


def test_no_index_or_overlays_fall_through(tmp_path: Path) -> None:
    env = {**os.environ, **shell_env("bash", "mlroles show d"), "MLROLES_CACHE_DIR": str(tmp_path)}
    assert answer(env) is False  # nothing cached there yet
    with_overlay = {**os.environ, **shell_env("bash", "mlroles --no-bundled -c x show d")}
    assert answer(with_overlay) is False
    assert (
        answer(
            {**os.environ, **shell_env("bash", "mlroles show d"), "MLROLES_NO_FAST_COMPLETE": "1"}
        )
        is False
    )


# The option table comes from the app (issue 17, item 4).


def test_the_option_table_is_generated_from_the_app() -> None:
    from mlroles.cli.completion_table import TARGET, app_table, module_text

    assert module_text(app_table()) == TARGET.read_text(encoding="utf-8"), (
        "src/mlroles/completion_options.py is out of date with the app's options: "
        "run `python -m mlroles.cli.completion_table`"
    )


def test_a_new_option_or_role_argument_reaches_the_table() -> None:
    from mlroles.cli.completion_table import completion_table, module_text

    app = typer.Typer()

    @app.command("first")
    def first(
        role: Annotated[str, typer.Argument(autocompletion=complete_role)],
        also: Annotated[str, typer.Option("--also", "-a", autocompletion=complete_role)] = "",
        top: Annotated[int, typer.Option("--top")] = 1,
        loud: Annotated[bool, typer.Option("--loud/--quiet")] = False,
    ) -> None: ...

    @app.command("second")
    def second(
        words: Annotated[list[str], typer.Argument()],
        roles: Annotated[list[str], typer.Option("--roles", autocompletion=complete_another_role)],
    ) -> None: ...

    table = completion_table(app, {"first": first, "second": second})
    assert table == {
        # "": the app's own options; Typer's --install-completion has a callback: left out.
        "VALUE_OPTIONS": {"": [], "first": ["--top"], "second": ["--roles"]},
        "FLAGS": {"": [], "first": ["--loud", "--quiet"], "second": []},
        "ROLE_OPTIONS": {"first": ["--also", "-a"]},
        "ARGUMENTS": {"first": (("role", False),), "second": (("", True),)},
    }
    assert '    "first": ("--also", "-a"),' in module_text(table)
