"""The commands. Each resolves its arguments, asks the domain, and hands the result on."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from ..render import Format
from .common import (
    FormatOption,
    TrackOption,
    catalogue_choice,
    complete_another_role,
    complete_origin,
    complete_role,
    load_catalogue,
)
from .output import emit, emit_text, wrote
from .profile_options import (
    CommOption,
    InteractiveOption,
    MlOption,
    ProfileOption,
    SkillOption,
    SweOption,
    WantOption,
    build_profile,
)

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..models import Role
    from ..rolesummary import RoleSummary

RoleArgument = Annotated[
    str,
    typer.Argument(
        help="Role id, name or alias, e.g. ml-engineer, 'Data Scientist', mle.",
        autocompletion=complete_role,
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


class ListFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"
    CSV = "csv"


def list_roles(
    ctx: typer.Context,
    track: TrackOption = "default",
    fmt: Annotated[
        ListFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table for people; json, yaml or csv for scripts and spreadsheets; markdown.",
        ),
    ] = ListFormat.TABLE,
) -> None:
    """List the roles: name, id, track, SWE and ML level, and what each does."""
    from ..declared import select_tracks
    from ..views import role_listing

    catalogue = load_catalogue(ctx)
    listing = role_listing(catalogue, select_tracks(catalogue, track))
    if fmt is ListFormat.CSV:
        from ..render.machine import render_csv

        emit_text(render_csv(listing))
    else:
        emit(listing, Format(fmt.value))


def show(
    ctx: typer.Context,
    role: RoleArgument,
    sources: Annotated[
        bool, typer.Option("--sources", help="Cite the sources next to every section.")
    ] = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Show a role's whole profile: what it does, produces, needs and uses."""
    from ..views import role_profile

    catalogue = load_catalogue(ctx)
    emit(role_profile(catalogue, catalogue.resolve_role(role), show_citations=sources), fmt)


def compare(
    ctx: typer.Context,
    roles: Annotated[
        list[str],
        typer.Argument(
            help="Two or more roles (id, name or alias).",
            autocompletion=complete_another_role,
            show_default=False,
        ),
    ],
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Compare roles side by side: the sources' own contrasts first, then every field."""
    from ..compare import compare_roles

    catalogue = load_catalogue(ctx)
    resolved = [catalogue.resolve_role(role) for role in roles]
    emit(compare_roles(catalogue, resolved), fmt)


def skills(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            "-r",
            help="Mark this role on the map and list its skills by category.",
            autocompletion=complete_role,
            show_default=False,
        ),
    ] = None,
    track: TrackOption = "default",
    fmt: FormatOption = Format.TABLE,
) -> None:
    """The software-engineering vs ML skill map: where every role sits."""
    from ..declared import select_tracks
    from ..skillmap import build_skill_map

    catalogue = load_catalogue(ctx)
    focus = catalogue.resolve_role(role) if role is not None else None
    # Summaries, no whole role.
    roles: list[Role | RoleSummary] = list(catalogue.summaries_on(select_tracks(catalogue, track)))
    if focus is not None and all(summary.id != focus.id for summary in roles):
        roles.append(focus)
    emit(build_skill_map(catalogue, roles, focus), fmt)


def sources(ctx: typer.Context, fmt: FormatOption = Format.TABLE) -> None:
    """The bibliography: each source, what it contributed, and the roles citing it."""
    from ..views import bibliography

    emit(bibliography(load_catalogue(ctx)), fmt)


class ReportFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help="Catalogue files or directories to check.", show_default=False),
    ],
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="text or json."),
    ] = ReportFormat.TEXT,
) -> None:
    """Check catalogue files, on top of the bundled catalogue, and list every problem."""
    from ..layers import overlay_layer
    from ..validation import validate_layers

    try:
        base = catalogue_choice(ctx).layers()
    except UsageError:  # --no-bundled and no overlay: check the files on their own
        base = []
    report = validate_layers(base, [overlay_layer(path) for path in paths])
    if fmt is ReportFormat.JSON:
        from ..render.machine import render_json

        emit_text(render_json(report))
    else:
        from ..render.report import render_report

        emit_text(render_report(report))
    if not report.ok:
        raise typer.Exit(1)


def schema() -> None:
    """Print the JSON Schema of a catalogue file (for editors and other tools)."""
    from ..models import catalogue_json_schema
    from ..render.machine import dump_json

    emit_text(dump_json(catalogue_json_schema()))


def init(
    path: Annotated[Path, typer.Argument(help="The overlay file to write.", show_default=False)],
    force: ForceOption = False,
) -> None:
    """Write a commented starter overlay with one example role."""
    from importlib.resources import files

    from ..files import write_atomically

    text = (files("mlroles") / "starter.yaml").read_text(encoding="utf-8")
    write_atomically(path, text, force=force)
    from ..textsafe import visible

    shown = visible(str(path), newlines=False)
    typer.echo(f"Wrote {shown}. Try: mlroles --catalog {shown} show analytics-engineer", err=True)


class ExportFormat(str, Enum):
    MARKDOWN = "markdown"
    JSON = "json"
    YAML = "yaml"
    HTML = "html"


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="markdown, json, yaml or html."),
    ] = ExportFormat.MARKDOWN,
    output: Annotated[
        str | None,  # not Path, which drops the slash that asks for a directory
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            show_default=False,
            help="Write to this file instead of stdout (- is stdout); with json or yaml, a "
            "path ending in / (or an existing directory) gets a catalogue directory in parts.",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Export the whole catalogue: a Markdown book, an HTML page, or a catalogue file."""
    from ..render import export as exports

    if output is not None and _names_directory(output):
        if fmt not in (ExportFormat.JSON, ExportFormat.YAML):
            raise UsageError(
                f"{output} names a directory, and a directory export is a catalogue.",
                hint="Add --format json or --format yaml.",
            )
        _export_directory(load_catalogue(ctx), Path(output), fmt.value, force)
        return
    catalogue = load_catalogue(ctx)
    if fmt is ExportFormat.HTML:
        from ..chart import build_chart
        from ..render.svg import render_svg

        text = exports.export_html(catalogue, chart_svg=render_svg(build_chart(catalogue.roles)))
    else:
        text = {
            ExportFormat.MARKDOWN: exports.export_markdown,
            ExportFormat.JSON: exports.export_json,
            ExportFormat.YAML: exports.export_yaml,
        }[fmt](catalogue)
    if output is None or str(output) == "-":  # `-o -`: stdout, as for most tools
        emit_text(text)
    else:
        from ..files import write_atomically

        write_atomically(Path(output), text, force=force)
        wrote(Path(output), f"the catalogue as {fmt.value}")


def _names_directory(output: str) -> bool:
    """`-o DIR/`, or `-o DIR` naming an existing directory (not a link to one)."""
    import os

    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    path = Path(output)
    return output.endswith(separators) or (path.is_dir() and not path.is_symlink())


def _export_directory(catalogue: Catalogue, output: Path, fmt: str, force: bool) -> None:
    from ..catalogue_parts import catalogue_parts, is_part
    from ..files import write_directory_atomically

    parts = catalogue_parts(catalogue, fmt)
    write_directory_atomically(output, parts, force=force, ours=is_part)
    wrote(output, f"the catalogue as {len(parts)} {fmt} files; load it with --catalog {output}")


def fit(
    ctx: typer.Context,
    swe: SweOption = None,
    ml: MlOption = None,
    comm: CommOption = None,
    skill: SkillOption = None,
    want: WantOption = None,
    profile: ProfileOption = None,
    interactive: InteractiveOption = False,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many roles to show.")] = 5,
    track: TrackOption = "default",
    save: Annotated[
        Path | None,
        typer.Option("--save", help="Write your answers to a profile file.", show_default=False),
    ] = None,
    force: ForceOption = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Which role fits you? Ranks the ML roles by your skills and the work you want."""
    from ..declared import select_tracks
    from ..fit import rank_roles

    catalogue = load_catalogue(ctx)
    tracks = select_tracks(catalogue, track)  # before the questions: a typo fails at once
    answers = build_profile(
        catalogue,
        swe=swe,
        ml=ml,
        comm=comm,
        skills=skill,
        wants=want,
        profile_path=profile,
        interactive=interactive,
        purpose="fit",
    )
    if save is not None and str(save) == "-":
        # Not stdout: the ranking goes there, and a profile mixed into it could not be read.
        raise UsageError("--save needs a file name, not -.", hint="e.g. --save me.yaml")
    if save is not None:
        from ..files import write_atomically
        from ..profile import profile_yaml

        write_atomically(save, profile_yaml(answers), force=force)
        wrote(save, "your profile; use it with --profile")
    result = rank_roles(catalogue, answers, catalogue.roles_on(tracks))
    emit(result.shown(top), fmt)


def path(
    ctx: typer.Context,
    origin: Annotated[
        str,
        typer.Argument(
            metavar="FROM",
            help="Where you start: a role, or 'me' with the profile options.",
            autocompletion=complete_origin,
            show_default=False,
        ),
    ],
    target: Annotated[
        str,
        typer.Argument(
            metavar="TO",
            help="The role you want.",
            autocompletion=complete_role,
            show_default=False,
        ),
    ],
    swe: SweOption = None,
    ml: MlOption = None,
    comm: CommOption = None,
    skill: SkillOption = None,
    want: WantOption = None,
    profile: ProfileOption = None,
    interactive: InteractiveOption = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """A transition plan: skills to add or raise, tools to learn, what carries over."""
    from ..transition import plan_from_profile, plan_from_role

    catalogue = load_catalogue(ctx)
    goal = catalogue.resolve_role(target)
    if origin.strip().casefold() == "me":
        answers = build_profile(
            catalogue,
            swe=swe,
            ml=ml,
            comm=comm,
            skills=skill,
            wants=want,
            profile_path=profile,
            interactive=interactive,
            purpose="path me",
            target=goal,
        )
        emit(plan_from_profile(catalogue, answers, goal), fmt)
        return
    if any(option is not None for option in (swe, ml, comm, skill, want, profile)) or interactive:
        raise UsageError(
            "profile options go with FROM 'me'.",
            hint=f"Try: mlroles path me {goal.id} --swe 3 --ml 1",
        )
    start = catalogue.resolve_role(origin)
    if start.id == goal.id:
        raise UsageError(f"FROM and TO are both {start.id!r}.", hint="Name two different roles.")
    emit(plan_from_role(catalogue, start, goal), fmt)


def search(
    ctx: typer.Context,
    text: Annotated[
        list[str],
        typer.Argument(help="What to look for: a tool, skill, task or role.", show_default=False),
    ],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many results to show.")] = 10,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Find roles, skills and tools by name, alias or words in their text (typos welcome)."""
    from ..search import search as run_search

    query = " ".join(text).strip()
    if not query:
        raise UsageError("nothing to search for.", hint="Example: mlroles search airflow")
    emit(run_search(load_catalogue(ctx), query, top), fmt)


def map_roles(
    ctx: typer.Context,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            "-r",
            help="Highlight this role (repeatable).",
            autocompletion=complete_role,
            show_default=False,
        ),
    ] = None,
    track: TrackOption = "default",
    me: Annotated[
        str | None,
        typer.Option(
            "--me", help="Plot yourself: swe=N,ml=N[,comm=N], each 0-5.", show_default=False
        ),
    ] = None,
    profile: ProfileOption = None,
    svg: Annotated[
        Path | None,
        typer.Option(
            "--svg",
            help="Also write the chart as an SVG file (- writes only the SVG, to stdout).",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """The skill map as a picture: every role by software engineering and ML knowledge."""
    from ..chart import You, build_chart, parse_you
    from ..declared import select_tracks

    catalogue = load_catalogue(ctx)
    highlighted = [catalogue.resolve_role(name) for name in role or []]
    roles = list(catalogue.roles_on(select_tracks(catalogue, track)))
    roles += [r for r in highlighted if r not in roles]
    you = parse_you(me) if me is not None else None
    if profile is not None:
        if you is not None:
            raise UsageError("give --me or --profile, not both.")
        from ..profile import load_profile

        answers = load_profile(profile, catalogue)
        if answers.swe is None or answers.ml is None:
            raise UsageError(
                f"{profile} has no swe and ml to plot.", hint="Add them, or use --me swe=N,ml=N."
            )
        you = You(answers.swe, answers.ml, answers.comm)
    chart = build_chart(roles, (r.id for r in highlighted), you)
    if svg is not None:
        from ..render.svg import render_svg

        if str(svg) == "-":  # `--svg -`: the picture is the output, as `export -o -`
            emit_text(render_svg(chart))
            return
        from ..files import write_atomically

        write_atomically(svg, render_svg(chart), force=force)
        wrote(svg, "the skill map as SVG")
    emit(chart, fmt)


class TriageFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"
    CSV = "csv"


class BatchSort(str, Enum):
    NAME = "name"
    ROLE = "role"
    CONFIDENCE = "confidence"
    FIT = "fit"


def triage(
    ctx: typer.Context,
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Job ads (text, Markdown or a web page), directories of them, or - for stdin.",
            show_default=False,
        ),
    ],
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many roles to show.")] = 3,
    sort: Annotated[
        BatchSort,
        typer.Option("--sort", case_sensitive=False, help="Order of the rows for many ads."),
    ] = BatchSort.NAME,
    fmt: Annotated[
        TriageFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="table for people; json, yaml or csv (many ads) for scripts; markdown.",
        ),
    ] = TriageFormat.TABLE,
    swe: SweOption = None,
    ml: MlOption = None,
    comm: CommOption = None,
    skill: SkillOption = None,
    profile: ProfileOption = None,
    interactive: InteractiveOption = False,
) -> None:
    """What role does this job ad really describe? Ranked, with the evidence quoted, and
    what the ad asks for.

    With a profile (--profile, the skill flags or -i): what you have of what it asks,
    what you lack, and how close you are. Given several ads or a directory, one row per
    ad: its title, the role it reads as, how sure, whether the title misleads and, with a
    profile, how close you are.
    """
    from ..triage import triage as run_triage
    from ..triage import with_profile
    from .adfiles import expand, read_ad

    if interactive and "-" in sources:
        raise UsageError(
            "-i and an ad from stdin both need stdin.", hint="Save the ad to a file first."
        )
    paths = expand(sources)
    catalogue = load_catalogue(ctx)
    me = None
    if interactive or any(v is not None for v in (swe, ml, comm, skill, profile)):
        me = build_profile(
            catalogue,
            swe=swe,
            ml=ml,
            comm=comm,
            skills=skill,
            wants=None,
            profile_path=profile,
            interactive=interactive,
            purpose="triage",
        )
    if sort is BatchSort.FIT and me is None:
        raise UsageError(
            "--sort fit needs a profile.", hint="Add --profile FILE or the skill flags."
        )
    if len(paths) == 1 and not Path(sources[0]).is_dir():
        if fmt is TriageFormat.CSV:
            raise UsageError("--format csv is for many ads: give several files or a directory.")
        result = run_triage(catalogue, read_ad(paths[0]))
        if me is not None:
            result = with_profile(catalogue, result, me)
        emit(result._replace(matches=result.matches[:top]), Format(fmt.value))
        return
    from ..adbatch import triage_many

    batch = triage_many(
        catalogue, paths, read_ad, sort.value, progress=_progress(len(paths)), profile=me
    )
    if fmt is TriageFormat.CSV:
        from ..render.machine import render_batch_csv

        emit_text(render_batch_csv(batch))
    else:
        emit(batch, Format(fmt.value))
    if batch.failed:
        from ..errors import PartialFailure
        from .output import warn

        for _, why in batch.failed:
            warn(f"error: {why}")
        raise PartialFailure(f"{len(batch.failed)} of {len(paths)} ads could not be read.")


def _progress(total: int) -> Callable[[int], None] | None:
    """A progress bar on stderr for a person waiting at a terminal, for more than a few ads."""
    import sys

    if total <= 5 or not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    bar = Progress(transient=True, console=None)
    task = bar.add_task("Reading ads", total=total)
    bar.start()

    def advance(done: int) -> None:
        bar.update(task, completed=done)
        if done >= total:
            bar.stop()

    return advance
