"""`coalitions core|least-core|nucleolus|set-solution FILE`: the core family of a game read
from a file.

A file with ``"cost": true`` holds a cost game: every command then answers in cost shares and
says so in its table (``--json``: ``"cost": true``).
"""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import (
    Atol,
    GameFile,
    Json,
    choice,
    emit_json,
    errors_to_stderr,
    fail,
    number_cell,
    print_table,
    split_items,
)
from ._format import formats
from ._plotting import Plot, write_plot

__all__ = ["core_command", "least_core_command", "nucleolus_command", "set_solution_command"]


def _coalition(names) -> str:
    return "{" + ", ".join(names) + "}"


def _solved(result):
    """``result`` if the solver succeeded; else its message on stderr, exit code 1."""
    if not result.success:
        fail(result.message)
    return result


def _plot_simplex(plot: Path | None, game, points: dict, title: str, as_json: bool) -> None:
    """``--plot``: the imputation simplex (3 players) or tetrahedron (4), core and ``points``."""
    from ..plot.figures import game_simplex_figure

    write_plot(plot, lambda: game_simplex_figure(game, points, title), quiet=as_json)


def _print_point(title: str, game, result, caption: str, as_json: bool = False) -> None:
    """The table of one allocation, in payoffs or (a cost game) cost shares (``--json``: the
    result)."""
    if as_json:
        emit_json(result.to_dict())
        return
    print_table(
        title,
        ["player", "cost share" if game.is_cost else "payoff"],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        footnote=caption,
    )


def _progress(enabled: bool):
    if not enabled:
        return None

    def report(rank: int, n: int) -> None:
        typer.echo(f"  nucleolus: {rank}/{n} dimensions fixed", err=True)

    return report


@formats
def core_command(
    file: GameFile,
    vertices: bool = typer.Option(
        False, "--vertices", help="Also list the core's vertices (small games)."
    ),
    atol: Atol = 1e-9,
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """The core: empty or not, a core point, its vertices, or a proof that it is empty
    (``--plot``: the imputation simplex of a 3-player game, or the 3-D core and Weber set of a
    4-player game)."""
    from ..games.io import read_game
    from ..solutions import core

    with errors_to_stderr():
        game = read_game(file)
        result = _solved(core(game, vertices=vertices, atol=atol))
    points = {} if result.is_empty else {"a core point": result.x}
    _plot_simplex(plot, game, points, f"Core of {file.name}", as_json)
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
        print_table(
            f"The core of {file.name} is empty{in_costs}",
            ["coalition", "weight"],
            [(_coalition(c), number_cell(w)) for c, w in zip(cert.coalitions, cert.weights)],
            footnote=f"balanced collection: {comparison}; least-core value "
            f"{number_cell(result.epsilon)}; exact={result.exact}",
        )
        return
    _print_point(
        f"A core point of {file.name}{in_costs}",
        game,
        result,
        f"core not empty; least-core value {number_cell(result.epsilon)}; exact={result.exact}",
    )
    if result.vertices is not None:
        print_table(
            f"Core vertices of {file.name}{in_costs}",
            ["vertex", *result.players],
            [
                (str(k + 1), *[number_cell(v) for v in vertex])
                for k, vertex in enumerate(result.vertices)
            ],
        )


@formats
def least_core_command(file: GameFile, atol: Atol = 1e-9, as_json: Json = False) -> None:
    """The least core: its value epsilon and one point."""
    from ..games.io import read_game
    from ..solutions import least_core

    with errors_to_stderr():
        game = read_game(file)
        result = _solved(least_core(game, atol=atol))
    in_costs = " (cost game: x(S) <= c(S) + epsilon)" if game.is_cost else ""
    _print_point(
        f"Least core of {file.name}{in_costs}",
        game,
        result,
        f"epsilon = {number_cell(result.epsilon)}; exact={result.exact}",
        as_json,
    )


#: ``--set``: the set solutions computed as polytopes (the table's title by name).
SET_SOLUTIONS = {
    "weber": "Weber set",
    "core-cover": "Core cover",
    "reasonable": "Reasonable set",
    "least-core": "Least core",
    "core": "Core (its centroid: the core-center)",
}


@formats
def set_solution_command(
    file: GameFile,
    kind: str = typer.Option(
        "weber",
        "--set",
        callback=choice(tuple(SET_SOLUTIONS), "--set"),
        help="weber (the marginal vectors' hull) | core-cover | reasonable | least-core | "
        "core (with the core-center).",
    ),
    as_json: Json = False,
) -> None:
    """A set solution as a polytope: its exact vertices and its centroid."""
    from ..games.io import read_game
    from ..solutions import core_center, core_cover, least_core_set, reasonable_set, weber_set

    solvers = {
        "weber": weber_set,
        "core-cover": core_cover,
        "reasonable": reasonable_set,
        "least-core": least_core_set,
        "core": core_center,
    }
    with errors_to_stderr():
        game = read_game(file)
        result = solvers[kind](game)
    if as_json:
        emit_json(result.to_dict())
        return
    in_costs = " (cost shares)" if game.is_cost else ""
    _print_polytope(f"{SET_SOLUTIONS[kind]} of {file.name}{in_costs}", result)


def _print_polytope(title: str, result) -> None:
    """A PolytopeResult's table: one row per vertex, then the centroid."""
    rows = [(str(k + 1), *map(number_cell, v)) for k, v in enumerate(result.vertices)]
    if not result.is_empty:
        rows.append(("centroid", *map(number_cell, result.x)))
    footnote = (
        "empty"
        if result.is_empty
        else f"{len(result.vertices)} vertices, dimension {result.dimension}; the centroid is "
        f"exact={result.exact}"
    )
    print_table(title, ["vertex", *result.players], rows, footnote=footnote)


#: ``--variant``: the nucleolus-type concepts of one game (the table's title, and the name of
#: the result's concept).
VARIANTS = {
    "nucleolus": "Nucleolus",
    "prenucleolus": "Prenucleolus",
    "per-capita": "Per-capita nucleolus",
    "proportional": "Proportional nucleolus",
    "disruption": "Disruption nucleolus",
    "anti": "Anti-nucleolus",
    "anti-pre": "Anti-prenucleolus",
    "modiclus": "Modiclus",
    "simplified-modiclus": "Simplified modiclus",
}


def _blocks(text: str | None) -> list[list[str]] | None:
    """``--structure "a,b;c"``: the blocks of a coalition structure, as player names."""
    if text is None:
        return None
    return [split_items(block, "--structure") for block in str(text).split(";")]


@formats
def nucleolus_command(
    file: GameFile,
    pre: bool = typer.Option(
        False, "--prenucleolus", help="The prenucleolus (no individual rationality)."
    ),
    variant: str = typer.Option(
        "nucleolus",
        "--variant",
        callback=choice(tuple(VARIANTS), "--variant"),
        help="nucleolus | prenucleolus | per-capita | proportional (excess over v(S)) | "
        "disruption (propensity to disrupt) | anti | anti-pre (anti-excess x(S) - v(S)) | "
        "modiclus | simplified-modiclus.",
    ),
    structure: str | None = typer.Option(
        None,
        "--structure",
        help='The nucleolus of a coalition structure: blocks separated by ";", players by '
        '"," (e.g. "a,b;c").',
    ),
    atol: Atol = 1e-9,
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """The nucleolus or one of its variants, exact and verified for rational games
    (``--plot``: the imputation simplex or tetrahedron of a 3- or 4-player game with its core
    and the point)."""
    from ..games.io import read_game
    from ..solutions import (
        anti_nucleolus,
        anti_prenucleolus,
        disruption_nucleolus,
        modiclus,
        nucleolus,
        per_capita_nucleolus,
        prenucleolus,
        proportional_nucleolus,
        simplified_modiclus,
        structure_nucleolus,
    )

    solvers = {
        "nucleolus": nucleolus,
        "prenucleolus": prenucleolus,
        "per-capita": per_capita_nucleolus,
        "proportional": proportional_nucleolus,
        "disruption": disruption_nucleolus,
        "anti": anti_nucleolus,
        "anti-pre": anti_prenucleolus,
        "modiclus": modiclus,
        "simplified-modiclus": simplified_modiclus,
    }
    variant = "prenucleolus" if pre else variant
    blocks = _blocks(structure)
    with errors_to_stderr():
        game = read_game(file)
        progress = _progress(not as_json and getattr(game, "n_players", 0) >= 14)
        if blocks is not None:
            result = _solved(structure_nucleolus(game, blocks, atol=atol, callback=progress))
        else:
            result = _solved(solvers[variant](game, atol=atol, callback=progress))
    name = "Nucleolus of the coalition structure" if blocks is not None else VARIANTS[variant]
    _plot_simplex(plot, game, {name.lower(): result.x}, f"{name} of {file.name}", as_json)
    in_costs = " (cost game: excess x(S) - c(S))" if game.is_cost else ""
    _print_point(
        f"{name} of {file.name}{in_costs}",
        game,
        result,
        f"exact={result.exact}, verified={result.verified}, "
        f"LPs={result.nit}; excess levels: "
        f"{', '.join(number_cell(v) for v in result.levels)}",
        as_json,
    )
