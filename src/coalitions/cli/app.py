"""The ``coalitions`` command line: one sub-app per family of commands.

The families are imported when a command of theirs runs (or its help is shown): the root's
help and the shell completion of its commands import none of them, hence no numpy.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from . import core
from ._common import Json, emit_json, print_sections

#: The command families, each the ``app`` of the module ``coalitions.cli.<name>``: name -> help.
GROUPS = {
    "value": "Values of a TU game: Shapley, Banzhaf.",
    "game": "Inspect games: properties of a game file.",
    "form": (
        "Coalition formation: structures, hedonic stability, agreements, winning "
        "coalitions, clubs, networks."
    ),
    "power": (
        "Voting power: Shapley-Shubik, Banzhaf, Coleman and more, for a weighted body "
        "(--quota/--weights), a game FILE, or a real council."
    ),
    "bargain": (
        "Bargaining: `bargain FILE --solution "
        "nash|kalai-smorodinsky|egalitarian|utilitarian`, `bargain rubinstein`, `bargain "
        "baron-ferejohn`."
    ),
    "negotiate": (
        "Negotiation under veto: `negotiate FILE` (spatial or linkage model), `negotiate "
        "cyprus-belarus`."
    ),
    "examples": "Worked examples: the cases of the multilateralism debate, computed and explained.",
}


class _LazyGroup(TyperGroup):
    """The root group: a family of :data:`GROUPS` stands as a stub (its name and help) until
    it is resolved; a walk over ``commands`` loads them all."""

    @property
    def commands(self):
        for name in GROUPS:
            self._load(name)
        return self._commands

    @commands.setter
    def commands(self, commands):
        self._commands = dict(commands)
        for name, text in GROUPS.items():
            self._commands.setdefault(name, TyperCommand(name, help=text, rich_markup_mode=None))

    def _load(self, name: str):
        command = self._commands[name]
        if isinstance(command, TyperCommand):  # a stub: build the family's group
            family = importlib.import_module(f"{__package__}.{name}").app
            app.add_typer(family, name=name, help=GROUPS[name])  # Typer's registry stays whole
            holder = typer.Typer(rich_markup_mode=None)
            holder.add_typer(family, name=name, help=GROUPS[name])
            command = self._commands[name] = typer.main.get_group(holder).commands[name]
        return command

    def get_command(self, ctx, cmd_name):
        return self._commands.get(cmd_name)

    def list_commands(self, ctx):
        return list(self._commands)

    def resolve_command(self, ctx, args):
        name, command, rest = super().resolve_command(ctx, args)
        return name, self._load(name) if name in GROUPS else command, rest


app = typer.Typer(
    name="coalitions",
    cls=_LazyGroup,
    no_args_is_help=True,
    help="Game theory for multilateral negotiation: values, cores, voting power, bargaining.",
    pretty_exceptions_enable=False,
    # help texts are shown as written: "pip install coalitions-toolkit[plot]" keeps "[plot]"
    rich_markup_mode=None,
)
app.command("core")(core.core_command)
app.command("least-core")(core.least_core_command)
app.command("nucleolus")(core.nucleolus_command)
app.command("set-solution")(core.set_solution_command)


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
