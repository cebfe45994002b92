"""Every command's options and arguments, as the completion fast path needs them.

Generated from the Typer app by `python -m mlroles.cli.completion_table`: do not edit.
A test fails when it is out of date.
"""

VALUE_OPTIONS: dict[str, tuple[str, ...]] = {
    "": ("--catalog", "-c"),
    "compare": ("--format", "-f"),
    "export": ("--format", "--output", "-f", "-o"),
    "fit": (
        "--comm",
        "--format",
        "--ml",
        "--profile",
        "--save",
        "--skill",
        "--swe",
        "--top",
        "--track",
        "--want",
        "-f",
        "-n",
        "-p",
        "-s",
        "-t",
        "-w",
    ),
    "init": (),
    "list": ("--format", "--track", "-f", "-t"),
    "map": ("--format", "--me", "--profile", "--svg", "--track", "-f", "-p", "-t"),
    "path": (
        "--comm",
        "--format",
        "--ml",
        "--profile",
        "--skill",
        "--swe",
        "--want",
        "-f",
        "-p",
        "-s",
        "-w",
    ),
    "schema": (),
    "search": ("--format", "--top", "-f", "-n"),
    "show": ("--format", "-f"),
    "skills": ("--format", "--track", "-f", "-t"),
    "sources": ("--format", "-f"),
    "triage": (
        "--comm",
        "--format",
        "--ml",
        "--profile",
        "--skill",
        "--sort",
        "--swe",
        "--top",
        "-f",
        "-n",
        "-p",
        "-s",
    ),
    "validate": ("--format", "-f"),
}

FLAGS: dict[str, tuple[str, ...]] = {
    "": ("--debug", "--no-bundled", "--no-pager"),
    "compare": (),
    "export": ("--force",),
    "fit": ("--force", "--interactive", "-i"),
    "init": ("--force",),
    "list": (),
    "map": ("--force",),
    "path": ("--interactive", "-i"),
    "schema": (),
    "search": (),
    "show": ("--sources",),
    "skills": (),
    "sources": (),
    "triage": ("--interactive", "-i"),
    "validate": (),
}

ROLE_OPTIONS: dict[str, tuple[str, ...]] = {
    "map": ("--role", "-r"),
    "skills": ("--role", "-r"),
}

ARGUMENTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "compare": (("another-role", True),),
    "init": (("", False),),
    "path": (("origin", False), ("role", False)),
    "search": (("", True),),
    "show": (("role", False),),
    "triage": (("", True),),
    "validate": (("", True),),
}
