"""``--plot FILE`` for the CLI commands: one option and one call per command.

Each helper draws with :mod:`coalitions.plot`, writes PNG or SVG by suffix and prints where it
went (on stderr when the command prints JSON on stdout). Without matplotlib the command
fails with a one-line message saying how to install the plot extra.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

import typer

from ._common import errors_to_stderr

__all__ = ["PLOT_OPTION", "write_plot", "power_figure", "sweep_figure", "simplex_figure",
           "bargaining_figure", "win_set_figure"]

PLOT_OPTION: Optional[Path] = typer.Option(
    None, "--plot", metavar="FILE",
    help="Also draw the result to FILE (.png or .svg); needs the plot extra: "
         "pip install coalitions-toolkit[plot].")


def write_plot(path: Optional[Path], draw: Callable[[], Any], *, quiet: bool = False) -> None:
    """If ``path`` is given, draw the figure and save it there; errors go to stderr."""
    if path is None:
        return
    from ..plot import save_figure

    with errors_to_stderr():
        written = save_figure(draw(), path)
    typer.echo(f"figure written to {written}", err=quiet)


def power_figure(table: Any, title: str) -> Any:
    """Bars of every index in a PowerTableResult (one group per member)."""
    from ..plot import power_index_bars

    indices = {name.replace("_", " "): dict(zip(table.players, column))
               for name, column in table.indices.items()}
    return power_index_bars(indices, title=title, log=len(table.players) <= 30 and any(
        float(v) > 0 and float(v) < 0.01 * max(float(u) for u in column)
        for column in table.indices.values() for v in column))


def sweep_figure(game: Any, result: Any, title: str) -> Any:
    """Legitimacy-efficiency curves of a SweepResult, one protection curve per distinct
    weight (members with equal weights behave alike)."""
    from ..plot import legitimacy_efficiency_curves

    protection, seen = {}, set()
    for i, weight in enumerate(game.int_weights):
        if weight in seen:
            continue
        seen.add(weight)
        alike = game.int_weights.count(weight) > 1
        label = game.players[i] + (" (and alike)" if alike else "")
        protection[f"outvoted: {label}"] = result.risk_of_being_outvoted[:, i]
    return legitimacy_efficiency_curves(result.quotas, result.power_to_act,
                                        protection=protection, title=title)


def simplex_figure(game: Any, points: dict, title: str, core: Any = "compute") -> Any:
    """The imputation simplex of a 3-player game with the given points."""
    from ..exceptions import InvalidGameError
    from ..plot import imputation_simplex

    if getattr(game, "n_players", None) != 3:
        raise InvalidGameError("--plot draws the imputation simplex of a 3-player game; this "
                               f"game has {getattr(game, 'n_players', '?')} players")
    return imputation_simplex(game, core=core, points=points, title=title)


def bargaining_figure(problem: Any, title: str) -> Any:
    """The feasible set (polytope) or frontier (divisible surplus) of a two-player problem,
    with the Nash, Kalai-Smorodinsky and egalitarian solutions."""
    from ..bargaining import egalitarian, kalai_smorodinsky, nash_solution
    from ..exceptions import InvalidProblemError
    from ..plot import bargaining_frontier

    if problem.n_players != 2:
        raise InvalidProblemError("--plot draws two-player problems; this one has "
                                  f"{problem.n_players} players")
    solutions = {"Nash": nash_solution(problem).x,
                 "Kalai-Smorodinsky": kalai_smorodinsky(problem).x,
                 "egalitarian": egalitarian(problem).x}
    if problem.kind == "polytope":
        return bargaining_frontier(disagreement=problem.disagreement,
                                   feasible=problem.vertices, solutions=solutions,
                                   players=problem.players, title=title)
    if problem.kind == "surplus":
        first, second = problem.utilities
        total = float(problem.surplus)
        curve = [(first(total * k / 200), second(total - total * k / 200)) for k in range(201)]
        return bargaining_frontier(disagreement=problem.disagreement, frontier=curve,
                                   solutions=solutions, players=problem.players, title=title)
    raise InvalidProblemError(f"--plot draws polytope and surplus problems, not {problem.kind!r}")


def win_set_figure(model: Any, report: dict, title: str) -> Any:
    """The 2-D unanimity win-set of a spatial model, with the LCD and setter outcomes."""
    from ..exceptions import InvalidProblemError
    from ..plot import win_set_diagram

    if model.dimension != 2 or model.rule_label != "unanimity":
        raise InvalidProblemError("--plot draws two-dimensional models under unanimity")
    outcomes = {}
    lcd = report.get("lcd")
    if lcd is not None and not isinstance(lcd, str):
        outcomes["least ambitious programme"] = lcd.llap_point
    if "setter" in report:
        outcomes[f"setter {report['setter'].setter}'s outcome"] = report["setter"].outcome
    return win_set_diagram(dict(zip(model.players, [tuple(p) for p in model.ideals])),
                           tuple(model.status_quo), outcomes=outcomes, title=title)
