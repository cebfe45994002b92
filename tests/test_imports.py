"""What a run imports: the speed targets rest on heavy modules staying out of the hot path.

Timing belongs to `benchmarks/speed.py`; these tests only hold the design in place, so a
stray top-level import (Rich in the table layout, pydantic in the CLI) fails here, on any
machine, rather than as a slower benchmark run later.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, runpy, sys
sys.argv = ["mlroles", *sys.argv[1:]]
try:
    runpy.run_module("mlroles", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""


def modules_loaded(*args: str, terminal: bool = False) -> set[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    if terminal:
        env["TTY_COMPATIBLE"] = "1"
    for _ in range(2):  # the first run may fill the catalogue cache
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True
        )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr))


def roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    "args",
    [("show", "ml-engineer"), ("compare", "ds", "mle"), ("skills", "--role", "mlops"), ("list",)],
)
def test_a_piped_run_from_the_cache_loads_no_rich_yaml_or_validation(args: tuple[str, ...]) -> None:
    loaded = modules_loaded(*args)
    assert not roots(loaded) & {"rich", "yaml"}
    assert "mlroles.build" not in loaded  # the cache served it: nothing was validated
    assert "mlroles.render.rich_draw" not in loaded


def test_a_terminal_run_draws_with_rich() -> None:
    loaded = modules_loaded("show", "ml-engineer", terminal=True)
    assert {"rich.console", "mlroles.render.rich_draw"} <= loaded
    assert "mlroles.render.plain" not in loaded


def test_help_loads_neither_pydantic_nor_the_catalogue() -> None:
    loaded = modules_loaded("--help")
    assert "pydantic" not in roots(loaded)
    assert not {"mlroles.models", "mlroles.catalogue"} & loaded


SETTINGS_PROBE = """
import gc, json, os, runpy, sys
sys.argv = ["mlroles", *sys.argv[1:]]
try:
    runpy.run_module("mlroles", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write(json.dumps([os.environ.get("PYDANTIC_DISABLE_PLUGINS"), gc.get_threshold()]))
"""


@pytest.mark.parametrize(("users", "expected"), [(None, "__all__"), ("", ""), ("x", "x")])
def test_a_run_skips_pydantics_plugin_scan_unless_the_user_set_it(
    users: str | None, expected: str
) -> None:
    """pydantic scans every installed distribution's entry points for plugins when it builds
    its first model; a run switches that off, and collects garbage less often (both cost
    10-30 ms a run), but keeps whatever the user set."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if users is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = users
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE, "list"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    plugins, threshold = json.loads(result.stderr.splitlines()[-1])
    assert plugins == expected
    assert threshold[0] == 100_000
