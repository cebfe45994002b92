"""The one place where errors become messages and exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, NoReturn

from typer import Abort

# Typer (>= 0.29) vendors Click; its exceptions are what usage errors arrive as.
from typer._click import Context, HelpFormatter
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from ..errors import MlrolesError
from .output import OutputError, warn

EXIT_INTERRUPTED = 130
GLOBAL = frozenset(
    {"-c", "--catalog", "--no-bundled", "--debug", "--no-pager"}
)  # the app's own options


class _StdoutClosed(Exception):
    """The reader of stdout went away (`mlroles list | head -1`)."""


def fail(message: str, code: int) -> NoReturn:
    """`warn`, then exit with `code`."""
    warn(message)
    sys.exit(code)


class MlrolesGroup(TyperGroup):
    """Runs a command and turns anything that goes wrong into one line on stderr.

    Standalone mode is switched off so that usage errors, `MlrolesError`, Ctrl-C and a
    closed stdout all come back here and are reported the same way, both for the
    installed command and under the test runner.
    """

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        from .helptext import format_params

        format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """Each command's summary whole, wrapped in a narrow terminal, never cut with "..."."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=1000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            fail("interrupted.", EXIT_INTERRUPTED)
        except BrokenPipeError:
            raise _StdoutClosed() from None

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        argv = sys.argv[1:] if args is None else list(args)
        try:
            result = super().main(
                argv, prog_name or "mlroles", complete_var, standalone_mode=False, **extra
            )
        except MlrolesError as exc:
            if isinstance(exc, OutputError):
                _silence_stdout()  # what could not be written must not be retried at exit
            fail(f"error: {exc}", exc.exit_code)
        except click_exceptions.NoArgsIsHelpError as exc:
            # `mlroles` alone: the help, plainly, on stdout - no "error:", no hint.
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.write(exc.ctx.get_help() + "\n")
            sys.exit(0)
        except click_exceptions.ClickException as exc:
            hint = ""
            ctx = getattr(exc, "ctx", None)
            if isinstance(exc, click_exceptions.UsageError) and ctx is not None:
                hint = f" Try '{ctx.command_path} --help'."
            if isinstance(exc, click_exceptions.NoSuchOption) and exc.option_name in GLOBAL:
                hint = (
                    f" It is a global option: put it before the command, as in "
                    f"'mlroles {exc.option_name} ... {ctx.info_name if ctx else 'list'}'."
                )
            # Typer converts values with pydantic, whose messages start "Value error, ".
            message = exc.format_message().rstrip().replace(": Value error, ", ": ")
            if hint and not message.endswith((".", "?", "!")):
                message += "."  # Click's messages end bare; the hint is a new sentence
            fail(f"error: {message}{hint}", exc.exit_code)
        except Abort:
            fail("interrupted.", EXIT_INTERRUPTED)
        except _StdoutClosed:
            _silence_stdout()
            sys.exit(0)
        except OSError as exc:  # a file or stream the system refused: say which, and why
            if "--debug" in argv:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"error: {where}{exc.strerror or exc}.", 1)
        except Exception as exc:
            if "--debug" in argv:
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc}. "
                "This is a bug; rerun with --debug for details.",
                1,
            )
        sys.exit(result if isinstance(result, int) else 0)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: no stdout at all
        pass
