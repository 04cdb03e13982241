"""`coalitions game ...`: inspect a game file."""

from __future__ import annotations

from pathlib import Path

import typer

from ..exceptions import InvalidGameError
from ..games.io import read_game
from ..games.tu import TUGame
from ..power.checks import game_properties
from ._common import Atol, Json, errors_to_stderr, render
from ._format import formats

app = typer.Typer(no_args_is_help=True)


@app.command("check")
@formats
def check(
    file: Path = typer.Argument(
        ...,
        help="A game file: a JSON document, or an .npz archive with a binary table "
        "(see docs/reference/file-format.md).",
    ),
    atol: Atol = 1e-9,
    as_json: Json = False,
) -> None:
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
                "`coalitions form hedonic`)."
            )
        report = game_properties(game, atol=atol)
    render(
        {"players": list(game.players), **report},
        as_json,
        f"Properties of {file.name}",
        ["property", "value"],
        [(key.replace("_", " "), _property_text(value)) for key, value in report.items()],
    )


def _property_text(value):
    """A property's value: a flag or number as it is, a list of players (or of pairs
    ``a-b``) comma-separated, ``none`` for an empty list."""
    if not isinstance(value, list):
        return value
    return ", ".join("-".join(v) if isinstance(v, tuple) else v for v in value) or "none"
