"""Figures of results: what ``--plot FILE`` draws for each command of the CLI.

Each function takes a result (or the problem it solves), prepares the plain data and draws it
with the functions of :mod:`coalitions.plot`; it returns a matplotlib Figure.
"""

from __future__ import annotations

from typing import Any

from ..exceptions import InvalidGameError, InvalidProblemError
from ._mpl import plot_doc
from .bargaining import bargaining_frontier
from .core3d import core_3d
from .dynamic import policy_function_diagram
from .legitimacy import legitimacy_efficiency_curves
from .power import power_index_bars
from .simplex import imputation_simplex
from .winset import win_set_diagram

__all__ = [
    "power_table_figure",
    "sweep_figure",
    "game_simplex_figure",
    "bargaining_problem_figure",
    "spatial_report_figure",
    "dynamic_bargaining_figure",
    "FRONTIER_POINTS",
]

#: Points on the frontier of a divisible-surplus problem.
FRONTIER_POINTS = 200


@plot_doc("result_title", "figure_raises")
def power_table_figure(table: Any, title: str) -> Any:
    """Bars of every index in a power table, one group per member (a log axis when some
    member's index is below 1 % of the largest, for up to 30 members).

    Parameters
    ----------
    table : PowerTableResult
        From :func:`coalitions.power.power_indices`.
    {{result_title}}

    {{figure_raises}}

    References
    ----------
    Felsenthal and Machover (1998), *The Measurement of Voting Power*.

    Examples
    --------
    >>> import coalitions as co
    >>> table = co.power_indices(co.datasets.eec_council_1958(), ["shapley-shubik"])
    >>> power_table_figure(table, "EEC 1958").axes[0].get_title()
    'EEC 1958'
    """
    indices = {
        name.replace("_", " "): dict(zip(table.players, column))
        for name, column in table.indices.items()
    }
    return power_index_bars(
        indices,
        title=title,
        log=len(table.players) <= 30
        and any(
            float(v) > 0 and float(v) < 0.01 * max(float(u) for u in column)
            for column in table.indices.values()
            for v in column
        ),
    )


@plot_doc("result_title", "figure_raises")
def sweep_figure(report: Any, title: str) -> Any:
    """Legitimacy-efficiency curves of a decision-rule sweep: power to act, and one
    protection curve per class of members of equal weight.

    Parameters
    ----------
    report : SweepReport
        From :func:`coalitions.power.report.sweep_report`: the sweep over the quota and the
        classes of members of equal weight (one protection curve each).
    {{result_title}}

    {{figure_raises}}

    References
    ----------
    Coleman, J. S. (1971). Control of collectivities and the power of a collectivity to act.

    Examples
    --------
    >>> from coalitions.datasets import eec_council_1958
    >>> from coalitions.power.report import sweep_report
    >>> [ax.get_title() for ax in sweep_figure(sweep_report(eec_council_1958()), "EEC").axes]
    ['Efficiency', 'Protection of members']
    """
    result = report.sweep
    protection = {
        f"outvoted: {c[0]}" + (" (and alike)" if len(c) > 1 else ""): result.risk_of_being_outvoted[
            :, result.players.index(c[0])
        ]
        for c in report.classes
    }
    return legitimacy_efficiency_curves(
        result.quotas, result.power_to_act, protection=protection, title=title
    )


@plot_doc("result_title", "figure", "no_matplotlib")
def game_simplex_figure(game: Any, points: dict, title: str) -> Any:
    """The imputation simplex of a 3-player game (:func:`imputation_simplex`) or the
    imputation tetrahedron of a 4-player game (:func:`core_3d`) with points; a cost game is
    drawn as its savings game, each cost share ``y`` shown as the saving ``c({i}) - y_i``.

    Parameters
    ----------
    game : TUGame
        A three- or four-player game of worths or of costs.
    points : dict
        Label -> allocation (cost shares for a cost game).
    {{result_title}}

    {{figure}}

    Raises
    ------
    InvalidGameError
        If the game does not have three or four players.
    {{no_matplotlib}}

    References
    ----------
    Shapley, L. S. (1971). Cores of convex games. *International Journal of Game Theory*
    1, 11-26.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> game_simplex_figure(glove, {"x": [1, 0, 0]}, "glove").axes[0].get_title()
    'glove'
    """
    from ..games.classes import cost_to_savings

    n = getattr(game, "n_players", None)
    if n not in (3, 4):
        raise InvalidGameError(
            "--plot draws the imputation simplex of a 3-player game or the imputation "
            f"tetrahedron of a 4-player game; this game has {n or '?'} players"
        )
    draw = imputation_simplex if n == 3 else core_3d
    if not getattr(game, "is_cost", False):
        return draw(game, points=points, title=title)
    singles = [game.value([player]) for player in game.players]
    savings = {label: [c - y for c, y in zip(singles, x)] for label, x in points.items()}
    return draw(
        cost_to_savings(game),
        points=savings,
        title=f"{title} (savings game: stand-alone cost - cost share)",
    )


@plot_doc("result_title", "figure", "no_matplotlib")
def bargaining_problem_figure(problem: Any, title: str) -> Any:
    """The feasible set (polytope) or frontier (divisible surplus) of a two-player problem,
    with the Nash, Kalai-Smorodinsky and egalitarian solutions.

    Parameters
    ----------
    problem : BargainingProblem
    {{result_title}}

    {{figure}}

    Raises
    ------
    InvalidProblemError
        If the problem does not have two players or is neither a polytope nor a surplus.
    {{no_matplotlib}}

    References
    ----------
    Nash, J. F. (1950). The bargaining problem. *Econometrica* 18(2), 155-162. Kalai, E. and
    Smorodinsky, M. (1975). Other solutions to Nash's bargaining problem. *Econometrica*
    43(3), 513-518.

    Examples
    --------
    >>> import coalitions as co
    >>> problem = co.BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]])
    >>> bargaining_problem_figure(problem, "pie").axes[0].get_title()
    'pie'
    """
    from ..bargaining import egalitarian, kalai_smorodinsky, nash_solution

    if problem.n_players != 2:
        raise InvalidProblemError(
            f"--plot draws two-player problems; this one has {problem.n_players} players"
        )
    solutions = {
        "Nash": nash_solution(problem).x,
        "Kalai-Smorodinsky": kalai_smorodinsky(problem).x,
        "egalitarian": egalitarian(problem).x,
    }
    if problem.kind == "polytope":
        return bargaining_frontier(
            disagreement=problem.disagreement,
            feasible=problem.vertices,
            solutions=solutions,
            players=problem.players,
            title=title,
        )
    if problem.kind == "surplus":
        first, second = problem.utilities
        total = float(problem.surplus)
        shares = [total * k / FRONTIER_POINTS for k in range(FRONTIER_POINTS + 1)]
        curve = [(first(share), second(total - share)) for share in shares]
        return bargaining_frontier(
            disagreement=problem.disagreement,
            frontier=curve,
            solutions=solutions,
            players=problem.players,
            title=title,
        )
    raise InvalidProblemError(f"--plot draws polytope and surplus problems, not {problem.kind!r}")


@plot_doc("result_title", "figure", "no_matplotlib")
def spatial_report_figure(report: Any, title: str) -> Any:
    """The 2-D unanimity win-set of a spatial report's model, with the lowest common
    denominator and the setter's outcome.

    Parameters
    ----------
    report : SpatialReport
        From :func:`coalitions.bargaining.report.spatial_report`; its lowest common
        denominator and setter's outcome, where it has them, are marked.
    {{result_title}}

    {{figure}}

    Raises
    ------
    InvalidProblemError
        If the model is not two-dimensional under unanimity.
    {{no_matplotlib}}

    References
    ----------
    Tsebelis, G. (2002). *Veto Players*. Princeton University Press.

    Examples
    --------
    >>> from coalitions.bargaining import SpatialModel
    >>> from coalitions.bargaining.report import spatial_report
    >>> model = SpatialModel({"A": [0, 0], "B": [2, 0], "C": [1, 2]}, status_quo=[1, 1])
    >>> spatial_report_figure(spatial_report(model), "plane").axes[0].get_title()
    'plane'
    """
    model = report.source
    if model.dimension != 2 or model.rule_label != "unanimity":
        raise InvalidProblemError("--plot draws two-dimensional models under unanimity")
    outcomes = {}
    if report.lcd is not None:
        outcomes["least ambitious programme"] = report.lcd.llap_point
    if report.setter is not None:
        outcomes[f"setter {report.setter.setter}'s outcome"] = report.setter.outcome
    return win_set_diagram(
        dict(zip(model.players, [tuple(p) for p in model.ideals])),
        tuple(model.status_quo),
        outcomes=outcomes,
        title=title,
    )


@plot_doc("result_title", "figure_raises")
def dynamic_bargaining_figure(result: Any, title: str) -> Any:
    """The policy function of each proposer and the long-run distribution of policies of a
    :class:`~coalitions.results.DynamicBargainingResult`.

    Parameters
    ----------
    result : DynamicBargainingResult
    {{result_title}}

    {{figure_raises}}

    References
    ----------
    Kalandrakis, T. (2004). A three-player dynamic majoritarian bargaining game. *Journal of
    Economic Theory* 116(2), 294-322.

    Examples
    --------
    >>> import coalitions as co
    >>> result = co.dynamic_bargaining({"A": 0.0, "B": 0.5, "C": 1.0}, status_quo=0.9, policies=11)
    >>> dynamic_bargaining_figure(result, "three players").get_suptitle()
    'three players'
    """
    return policy_function_diagram(
        result.policies,
        dict(zip(result.players, result.outcomes)),
        long_run=result.long_run,
        status_quo=result.status_quo,
        stable=result.stable,
        title=title,
    )
