"""`coalitions value ...`: single-valued solutions of a TU game read from a file."""

from __future__ import annotations

from pathlib import Path

import typer

from ..games.io import read_game
from ..solutions import banzhaf_value, shapley_value
from ._common import JSON_OPTION, emit_json, errors_to_stderr, number_cell, print_table

app = typer.Typer(no_args_is_help=True, help="Values of a TU game: Shapley, Banzhaf.")

FILE_ARGUMENT = typer.Argument(..., help="A game file (JSON, see docs/reference/file-format.md).")


def _render(result, title: str, as_json: bool) -> None:
    if as_json:
        emit_json(result.to_dict())
        return
    print_table(title, ["player", "payoff"],
                [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
                caption=f"exact={result.exact}, method={result.method}")


@app.command("shapley")
def shapley(file: Path = FILE_ARGUMENT,
            method: str = typer.Option("exact", help="exact | dividends"),
            as_json: bool = JSON_OPTION) -> None:
    """The Shapley value: average marginal contribution over all join orders."""
    with errors_to_stderr():
        result = shapley_value(read_game(file), method=method)
    _render(result, f"Shapley value of {file.name}", as_json)


@app.command("banzhaf")
def banzhaf(file: Path = FILE_ARGUMENT,
            normalized: bool = typer.Option(False, "--normalized", help="Scale to sum to one."),
            as_json: bool = JSON_OPTION) -> None:
    """The Banzhaf value: average marginal contribution over all coalitions."""
    with errors_to_stderr():
        result = banzhaf_value(read_game(file), normalized=normalized)
    _render(result, f"Banzhaf value of {file.name}", as_json)
