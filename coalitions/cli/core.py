"""`coalitions core|least-core|nucleolus FILE`: the core family of a game read from a file.

A file with ``"cost": true`` holds a cost game: every command then answers in cost shares and
says so in its table (``--json``: ``"cost": true``).
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..games.io import read_game
from ..plot.figures import game_simplex_figure
from ..solutions import core, least_core, nucleolus, prenucleolus
from ._common import ATOL_OPTION, JSON_OPTION, emit_json, errors_to_stderr, number_cell, print_table
from ._plotting import PLOT_OPTION, write_plot

__all__ = ["core_command", "least_core_command", "nucleolus_command"]

FILE_ARGUMENT = typer.Argument(..., help="A game file (JSON, see docs/reference/file-format.md).")


def _coalition(names) -> str:
    return "{" + ", ".join(names) + "}"


def _table(title, columns, rows, caption=None) -> None:
    print_table(title, columns, rows)
    if caption:
        typer.echo(f"  {caption}")


def _payoff(game) -> str:
    return "cost share" if game.is_cost else "payoff"


def _progress(enabled: bool):
    if not enabled:
        return None

    def report(rank: int, n: int) -> None:
        typer.echo(f"  nucleolus: {rank}/{n} dimensions fixed", err=True)

    return report


def core_command(
    file: Path = FILE_ARGUMENT,
    vertices: bool = typer.Option(
        False, "--vertices", help="Also list the core's vertices (small games)."
    ),
    atol: float = ATOL_OPTION,
    as_json: bool = JSON_OPTION,
    plot: Path | None = PLOT_OPTION,
) -> None:
    """The core: empty or not, a core point, its vertices, or a proof that it is empty
    (``--plot``: the imputation simplex of a 3-player game with its core)."""
    with errors_to_stderr():
        game = read_game(file)
        result = core(game, vertices=vertices, atol=atol)
    if not result.success:
        typer.echo(f"error: {result.message}", err=True)
        raise typer.Exit(1)
    write_plot(
        plot,
        lambda: game_simplex_figure(
            game, {} if result.is_empty else {"a core point": result.x}, f"Core of {file.name}"
        ),
        quiet=as_json,
    )
    if as_json:
        emit_json(result.to_dict())
        return
    in_costs = " (cost game: x(S) <= c(S))" if game.is_cost else ""
    if result.is_empty:
        cert = result.certificate
        comparison = (
            f"weighted cost {number_cell(cert.total)} < c(N) = {number_cell(cert.grand_value)}"
            if game.is_cost
            else f"weighted worth {number_cell(cert.total)} > v(N) = "
            f"{number_cell(cert.grand_value)}"
        )
        _table(
            f"The core of {file.name} is empty{in_costs}",
            ["coalition", "weight"],
            [(_coalition(c), number_cell(w)) for c, w in zip(cert.coalitions, cert.weights)],
            caption=f"balanced collection: {comparison}; least-core value "
            f"{number_cell(result.epsilon)}; exact={result.exact}",
        )
        return
    _table(
        f"A core point of {file.name}{in_costs}",
        ["player", _payoff(game)],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption=f"core not empty; least-core value {number_cell(result.epsilon)}; "
        f"exact={result.exact}",
    )
    if result.vertices is not None:
        _table(
            f"Core vertices of {file.name}{in_costs}",
            ["vertex", *result.players],
            [
                (str(k + 1), *[number_cell(v) for v in vertex])
                for k, vertex in enumerate(result.vertices)
            ],
        )


def least_core_command(
    file: Path = FILE_ARGUMENT, atol: float = ATOL_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """The least core: its value epsilon and one point."""
    with errors_to_stderr():
        game = read_game(file)
        result = least_core(game, atol=atol)
    if not result.success:
        typer.echo(f"error: {result.message}", err=True)
        raise typer.Exit(1)
    if as_json:
        emit_json(result.to_dict())
        return
    in_costs = " (cost game: x(S) <= c(S) + epsilon)" if game.is_cost else ""
    _table(
        f"Least core of {file.name}{in_costs}",
        ["player", _payoff(game)],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption=f"epsilon = {number_cell(result.epsilon)}; exact={result.exact}",
    )


def nucleolus_command(
    file: Path = FILE_ARGUMENT,
    pre: bool = typer.Option(
        False, "--prenucleolus", help="The prenucleolus (no individual rationality)."
    ),
    atol: float = ATOL_OPTION,
    as_json: bool = JSON_OPTION,
    plot: Path | None = PLOT_OPTION,
) -> None:
    """The nucleolus (or prenucleolus), exact and verified for rational games
    (``--plot``: the imputation simplex of a 3-player game with its core and the point)."""
    with errors_to_stderr():
        game = read_game(file)
        solver = prenucleolus if pre else nucleolus
        progress = _progress(not as_json and getattr(game, "n_players", 0) >= 14)
        result = solver(game, atol=atol, callback=progress)
    if not result.success:
        typer.echo(f"error: {result.message}", err=True)
        raise typer.Exit(1)
    write_plot(
        plot,
        lambda: game_simplex_figure(
            game,
            {"prenucleolus" if pre else "nucleolus": result.x},
            f"{'Prenucleolus' if pre else 'Nucleolus'} of {file.name}",
        ),
        quiet=as_json,
    )
    if as_json:
        emit_json(result.to_dict())
        return
    in_costs = " (cost game: excess x(S) - c(S))" if game.is_cost else ""
    _table(
        f"{'Prenucleolus' if pre else 'Nucleolus'} of {file.name}{in_costs}",
        ["player", _payoff(game)],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption=f"exact={result.exact}, verified={result.verified}, "
        f"LPs={result.nit}; excess levels: "
        f"{', '.join(number_cell(v) for v in result.levels)}",
    )
