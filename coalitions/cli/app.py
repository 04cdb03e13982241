"""The ``coalitions`` command line: one sub-app per family of commands."""

from __future__ import annotations

import os
import sys

import typer

from .. import __version__
from . import bargain, core, examples, form, game, negotiate, power, value
from ._common import Json, emit_json, print_sections

app = typer.Typer(
    name="coalitions",
    no_args_is_help=True,
    add_completion=False,
    help="Game theory for multilateral negotiation: values, cores, voting power, bargaining.",
    pretty_exceptions_enable=False,
    # help texts are shown as written: "pip install coalitions-toolkit[plot]" keeps "[plot]"
    rich_markup_mode=None,
)
app.add_typer(value.app, name="value")
app.add_typer(game.app, name="game")
app.add_typer(form.app, name="form")
app.add_typer(power.app, name="power")
app.add_typer(bargain.app, name="bargain")
app.add_typer(negotiate.app, name="negotiate")
app.command("core")(core.core_command)
app.command("least-core")(core.least_core_command)
app.command("nucleolus")(core.nucleolus_command)
app.add_typer(examples.app, name="examples")


def _version(flag: bool) -> None:
    if flag:
        typer.echo(f"coalitions {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Game theory for multilateral negotiation."""


@app.command()
def demo(as_json: Json = False) -> None:
    """The flagship tour: real bodies and textbook games, computed in seconds."""
    from ..demo import tour

    sections = tour()
    if as_json:
        emit_json(
            {s.title: {"columns": s.columns, "rows": s.rows, "note": s.note} for s in sections}
        )
        return
    print_sections(sections)
    typer.echo("More: coalitions examples list")


def main() -> None:
    """The console script: the app, with no traceback for a closed pipe (``| head``) or an
    unexpected error (set ``COALITIONS_DEBUG=1`` to see it)."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(141)  # 128 + SIGPIPE, as a shell pipeline expects
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug: one line, not a traceback
        if os.environ.get("COALITIONS_DEBUG"):
            raise
        typer.echo(
            f"error: internal error ({type(error).__name__}: {error}); please report "
            "it, with the command (COALITIONS_DEBUG=1 shows the traceback).",
            err=True,
        )
        sys.exit(1)
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:  # the reader left before the last flush
            _silence_stdout()
            sys.exit(141)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
