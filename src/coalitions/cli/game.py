"""`coalitions game ...`: inspect a game file."""

from __future__ import annotations

from pathlib import Path

import typer

from .._checks import check_choice
from ..exceptions import InvalidGameError
from ..games.interop import (
    read_epic_weights,
    read_vector,
    write_epic_weights,
    write_vector,
)
from ..games.io import read_game, write_game
from ..games.simple import WeightedVotingGame
from ..games.tu import TUGame
from ..power.checks import game_properties
from ._common import Atol, GameFile, Json, errors_to_stderr, option_number, render
from ._format import formats

app = typer.Typer(no_args_is_help=True)

#: Formats other tools use, for `game import` and `game export`: CoopGame's and MatTuGames'
#: value vectors and EPIC's weights file.
FOREIGN_FORMATS = ("coopgame", "mattugames", "epic")
_ORDER = {"coopgame": "lexicographic", "mattugames": "binary"}
_FORMAT_HELP = (
    "coopgame (lexicographic value vector), mattugames (binary order) or epic (weights, one "
    "per line, the quota first unless --quota is given)."
)
FROM = typer.Option(..., "--from", help=_FORMAT_HELP)
TO = typer.Option(..., "--to", help=_FORMAT_HELP)


@app.command("check")
@formats
def check(file: GameFile, atol: Atol = 1e-9, as_json: Json = False) -> None:
    """Check a game file, then report: monotone, superadditive, convex, essential; symmetric,
    null, dummy and veto players. Simple and weighted games are checked as 0/1 TU games."""
    with errors_to_stderr():
        game = read_game(file)
        if hasattr(game, "to_tu_game"):
            game = game.to_tu_game()
        if not isinstance(game, TUGame):
            raise InvalidGameError(
                f"{file.name} holds a {type(game).__name__}, which is valid; `game check` "
                "reports properties of TU and simple games only (for a hedonic game use "
                "`coalitions form hedonic`, for a partition-function game "
                "`coalitions form externalities`, for a ternary or (j,k) voting game "
                f"`coalitions power {file.name}`)."
            )
        report = game_properties(game, atol=atol)
    render(
        {"players": list(game.players), **report},
        as_json,
        f"Properties of {file.name}",
        ["property", "value"],
        [(key.replace("_", " "), _property_text(value)) for key, value in report.items()],
    )


@app.command("import")
def import_cmd(
    source: Path = typer.Argument(..., help="The other tool's file."),
    output: Path = typer.Argument(..., help="The game file to write (.json or .npz)."),
    format: str = FROM,
    quota: str | None = typer.Option(None, "--quota", help="EPIC: the quota (else line 1)."),
) -> None:
    """Read a game in another tool's format and write it as a coalitions game file:
    CoopGame's or MatTuGames' value vector (numbers separated by spaces, commas or lines;
    ``c(...)`` and ``[...]`` accepted) or an EPIC weights file."""
    with errors_to_stderr():
        check_choice(format, FOREIGN_FORMATS, what="format", plural="formats")
        game: TUGame | WeightedVotingGame
        if format == "epic":
            game, _ = read_epic_weights(source, quota=quota and option_number(quota, "--quota"))
        else:
            game = read_vector(source, order=_ORDER[format])
        write_game(game, output, format="json" if output.suffix == ".json" else None)
    typer.echo(f"wrote {output} ({game.n_players} players) from {source.name} ({format})")


@app.command("export")
def export_cmd(
    file: GameFile,
    output: Path = typer.Argument(..., help="The file to write in the other tool's format."),
    format: str = TO,
) -> None:
    """Write a game file in another tool's format: a TU game as CoopGame's or MatTuGames'
    value vector (one worth per line), a weighted voting game as an EPIC weights file."""
    with errors_to_stderr():
        check_choice(format, FOREIGN_FORMATS, what="format", plural="formats")
        game = read_game(file)
        if format == "epic":
            write_epic_weights(game, output)
        else:
            write_vector(game, output, order=_ORDER[format])
    typer.echo(f"wrote {output} from {file.name} ({format})")


def _property_text(value):
    """A property's value: a flag or number as it is, a list of players, pairs ``a-b`` or
    orders (k-convexity) comma-separated, ``none`` for an empty list."""
    if not isinstance(value, list):
        return value
    return ", ".join("-".join(v) if isinstance(v, tuple) else str(v) for v in value) or "none"
