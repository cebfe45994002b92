"""The README's install section works for a system Python that refuses `pip install`."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _install_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## Install and run", 1)[1].split("\n## ", 1)[0]


def test_install_gives_the_venv_form_for_an_externally_managed_python() -> None:
    section = _install_section()
    assert "externally-managed-environment" in section
    commands = re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert "pip install . && mlroles list" in commands
    venv = [c for c in commands if "-m venv" in c]
    assert venv == ["python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/mlroles list"]
