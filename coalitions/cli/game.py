"""`coalitions game ...`: inspect a game file."""

from __future__ import annotations

from pathlib import Path

import typer

from ..games.io import read_game
from ..games.properties import game_properties
from ._common import ATOL_OPTION, JSON_OPTION, emit_json, errors_to_stderr, print_table

app = typer.Typer(no_args_is_help=True, help="Inspect games: properties of a game file.")


@app.command("check")
def check(file: Path = typer.Argument(..., help="A game file (JSON)."),
          atol: float = ATOL_OPTION,
          as_json: bool = JSON_OPTION) -> None:
    """Monotone, superadditive, convex, essential; symmetric, null, dummy and veto players."""
    with errors_to_stderr():
        game = read_game(file)
        report = game_properties(game, atol=atol)
    if as_json:
        emit_json({"players": list(game.players), **report})
        return
    rows = []
    for key, value in report.items():
        if isinstance(value, list):
            value = ", ".join("-".join(v) if isinstance(v, tuple) else v for v in value) or "none"
        rows.append((key.replace("_", " "), value))
    print_table(f"Properties of {file.name}", ["property", "value"], rows)
