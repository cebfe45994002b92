from __future__ import annotations

import json

from conftest import Invoke


def test_sources_lists_the_five_seeds_and_the_corpus_with_citing_roles(invoke: Invoke) -> None:
    data = json.loads(invoke("sources", "--format", "json").stdout)
    ids = [s["id"] for s in data["sources"]]
    assert ids == sorted(ids) and len(ids) == 6 and "job-ad-corpus" in ids
    full_stack = next(s for s in data["sources"] if s["id"] == "full-stack-which-ml-role")
    assert full_stack["aliases"] == ["001_e53fc3eac9b3ddff"]
    assert "mlops-engineer" in full_stack["cited_by"]
    howell = next(s for s in data["sources"] if s["id"] == "howell-top-ml-roles")
    assert "title" not in howell  # the document has none; none is made up


def test_sources_table_and_markdown(invoke: Invoke) -> None:
    table = invoke("sources").stdout
    assert "ml-roles-blog  Machine learning roles" in table
    assert "Also cited as: 004_8e03d3091c28da6a" in table
    # Each fact once: the job-board article has no author, so its kind is not repeated.
    assert "  job-board article · 2023-12-06\n" in table
    assert "howell-top-ml-roles  (untitled practitioner's article)" in table
    assert "Cited by:" in table
    markdown = invoke("sources", "-f", "markdown").stdout
    assert markdown.count("\n## `") == 6
    assert "\n## `job-ad-corpus`" in markdown
    assert "**Also cited as:** 003\\_db08eb6f423fd5a5" in markdown


def test_version_and_help(invoke: Invoke) -> None:
    from mlroles import __version__

    version = invoke("--version")
    assert version.exit_code == 0 and version.stdout == f"mlroles {__version__}\n"
    help_text = invoke("--help").stdout
    for command in ("list", "show", "compare", "skills", "sources"):
        assert command in help_text


def test_unknown_command(invoke: Invoke) -> None:
    result = invoke("lst")
    assert result.exit_code == 2
    assert result.stderr == (
        "mlroles: error: No such command 'lst'. Did you mean 'list'? Try 'mlroles --help'.\n"
    )
