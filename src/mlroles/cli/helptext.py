"""How `--help` reads (issue 18, item 14): placeholders people read (`ROLE`, `PATH`, `N`)
rather than Python types (`<list[Path]>`, `<int range>`), the terminal's width, and an
"Examples" block for every command.

Typer 0.29 writes a parameter's type where its placeholder goes and braces round a
required argument in the usage line; the classes here replace just those pieces.
"""

from __future__ import annotations

import re
from typing import Any

from typer._click import Context, HelpFormatter, Parameter
from typer.core import TyperCommand

HELP_WIDTH = 100
"""The widest help is wrapped (the terminal's width below that): the prose measure."""

# A placeholder for each option that takes a value, by its long name.
OPTION_PLACEHOLDERS = {
    "--catalog": "PATH",
    "--role": "ROLE",
    "--swe": "0-5",
    "--ml": "0-5",
    "--comm": "0-5",
    "--skill": "NAME=LEVEL",
    "--want": "WORK=0-5",
    "--profile": "FILE",
    "--save": "FILE",
    "--svg": "FILE",
    "--output": "FILE",
    "--me": "SWE,ML[,COMM]",
    "--top": "N",
}

# Typer's `<type>` (and `...` when repeatable) after an option's names.
_TYPE = re.compile(r" <(?P<type>[^>]*)>(?:\.\.\.)?$")

EXAMPLES: dict[str, tuple[str, ...]] = {
    "list": ("mlroles list", "mlroles list --track all --format csv"),
    "show": ("mlroles show ds", "mlroles show 'ML engineer' --sources"),
    "compare": ("mlroles compare ds mle", "mlroles compare ds mle mlops --format markdown"),
    "skills": ("mlroles skills", "mlroles skills --role mlops"),
    "map": ("mlroles map", "mlroles map --me swe=2,ml=4 --role ds"),
    "sources": ("mlroles sources",),
    "fit": (
        "mlroles fit --swe 4 --ml 1 --want deployment=5",
        "mlroles fit --skill python=practitioner --skill sql=2 --top 3",
    ),
    "path": ("mlroles path swe mle", "mlroles path me mle --swe 3 --skill python=practitioner"),
    "search": ("mlroles search airflow", "mlroles search deploy models --top 3"),
    "triage": ("mlroles triage ad.txt", "mlroles triage ads/ --sort confidence --format csv"),
    "validate": ("mlroles validate mine.yaml", "mlroles validate mine.yaml --format json"),
    "schema": ("mlroles schema > catalogue.schema.json",),
    "init": ("mlroles init team.yaml", "mlroles --catalog team.yaml show analytics-engineer"),
    "export": ("mlroles export > roles.md", "mlroles export --format html --output roles.html"),
}
"""Each command's examples, run as written by the tests (see tests/test_help.py)."""


def placeholder(param: Parameter) -> str:
    """What a person types for an argument: its metavar, or its name in capitals."""
    name = param.metavar or (param.name or "").upper()
    return name.removesuffix("...")


def _option_record(param: Parameter, ctx: Context) -> tuple[str, str] | None:
    record = param.get_help_record(ctx)
    if record is None:
        return None
    names, text = record
    typed = _TYPE.search(names)
    if typed is None:
        return names, text
    long = next((opt for opt in param.opts if opt.startswith("--")), "")
    value = OPTION_PLACEHOLDERS.get(long)
    if value is None:
        kind = typed["type"]
        value = f"[{kind}]" if "|" in kind else "TEXT"
    return names[: typed.start()] + " " + value, text


def _argument_record(param: Parameter) -> tuple[str, str]:
    name = placeholder(param) + ("..." if param.nargs != 1 else "")
    text = getattr(param, "help", None) or ""
    return name, text + ("" if param.required else "  [optional]")


def format_params(command: Any, ctx: Context, formatter: HelpFormatter) -> None:
    """The Arguments and Options sections, with placeholders instead of Python types."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            arguments.append(_argument_record(param))
        elif (record := _option_record(param, ctx)) is not None:
            options.append(record)
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options)


class MlrolesCommand(TyperCommand):
    """A command whose help names its values as a person would and ends with examples."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = ["[OPTIONS]"] if any(p.param_type_name == "option" for p in self.params) else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = placeholder(param)
                name = name if param.required else f"[{name}]"
                pieces.append(name + ("..." if param.nargs != 1 else ""))
        return pieces

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        format_params(self, ctx, formatter)

    def format_epilog(self, ctx: Context, formatter: HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        examples = EXAMPLES.get(ctx.info_name or "", ())
        if examples:
            with formatter.section("Examples"):
                for example in examples:
                    formatter.write_text(example)
