from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

# Every test run (and every subprocess it starts) gets its own catalogue cache, never
# the user's: set before mlroles is imported.
os.environ["MLROLES_CACHE_DIR"] = tempfile.mkdtemp(prefix="mlroles-test-cache-")
atexit.register(shutil.rmtree, os.environ["MLROLES_CACHE_DIR"], ignore_errors=True)

from mlroles.catalogue import Catalogue  # noqa: E402
from mlroles.cli import app  # noqa: E402
from mlroles.layers import bundled_data_dir  # noqa: E402
from mlroles.loading import load_bundled  # noqa: E402

Invoke = Callable[..., Result]


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_bundled()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return bundled_data_dir()


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run the CLI in-process at a fixed terminal width, stdout and stderr apart."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def run(*args: str, width: int = 100, env: dict[str, str] | None = None) -> Result:
        runner = CliRunner()
        return runner.invoke(app, list(args), env={"COLUMNS": str(width), **(env or {})})

    return run


# Fuzz budgets: a small fixed one by default (and in CI); `HYPOTHESIS_PROFILE=thorough`
# for a long local run.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
