"""Bargaining problems from non-cooperative two-player games (bimatrix games, via nashpy)."""

from __future__ import annotations

import numpy as np

from ..exceptions import InvalidProblemError
from ..solutions._lp import solve_lp
from .problem import BargainingProblem

__all__ = ["bargaining_problem_from_game", "maxmin_values"]


def _payoffs(a, b):
    try:
        a = np.array(a, dtype=np.float64)
        b = np.array(b, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidProblemError("payoff matrices must be 2-D arrays of numbers.") from None
    if a.ndim != 2 or a.shape != b.shape or a.size == 0:
        raise InvalidProblemError(
            f"the two payoff matrices must be non-empty 2-D arrays of the same shape; got "
            f"{a.shape} and {b.shape}.")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise InvalidProblemError("payoff matrices contain NaN or infinite entries.")
    return a, b


def _security_level(m: np.ndarray) -> float:
    """max over mixed rows x of min over columns of x^T m (an LP)."""
    rows, cols = m.shape
    c = np.zeros(rows + 1)
    c[-1] = -1.0
    a_ub = np.hstack([-m.T, np.ones((cols, 1))])          # t <= x^T m_j
    a_eq = np.append(np.ones(rows), 0.0)[None, :]
    sol = solve_lp(c, a_ub, np.zeros(cols), a_eq, [1.0], [(0, None)] * rows + [(None, None)])
    return float(sol.x[-1])


def maxmin_values(a, b) -> np.ndarray:
    """Each player's mixed-strategy security level (maxmin value) in the bimatrix game (A, B).

    >>> maxmin_values([[3, 0], [5, 1]], [[3, 5], [0, 1]]).tolist()   # prisoner's dilemma
    [1.0, 1.0]
    """
    a, b = _payoffs(a, b)
    return np.array([_security_level(a), _security_level(b.T)])


def bargaining_problem_from_game(a, b, *, disagreement="nash", equilibrium: int = 0,
                                 players=("row", "column")) -> BargainingProblem:
    """The bargaining problem of a bimatrix game: what the players can reach by agreeing.

    The feasible set is the convex hull of the payoff pairs ``(A[i, j], B[i, j])`` (jointly
    randomised outcomes). The disagreement point is the payoff of a Nash equilibrium of the
    game (``"nash"``: all equilibria by support enumeration with nashpy when both players
    have at most 8 strategies, sorted by payoffs, ``equilibrium`` picking one; one
    equilibrium by Lemke-Howson for larger games), the players' maxmin values
    (``"maxmin"``), or an explicit pair.

    Raises
    ------
    InvalidProblemError
        If the matrices are malformed, ``equilibrium`` is out of range, or no agreement
        improves on the disagreement point for both players.

    Examples
    --------
    The prisoner's dilemma: defection (1, 1) is the threat point, cooperation (3, 3) the deal.

    >>> from coalitions.bargaining import nash_solution
    >>> problem = bargaining_problem_from_game([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> problem.disagreement.tolist()
    [1.0, 1.0]
    >>> nash_solution(problem).x.round(6).tolist()
    [3.0, 3.0]
    """
    a, b = _payoffs(a, b)
    if isinstance(disagreement, str):
        if disagreement == "maxmin":
            d = maxmin_values(a, b)
        elif disagreement == "nash":
            import warnings

            import nashpy

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                game = nashpy.Game(a, b)
                if min(a.shape) <= 8:
                    found = list(game.support_enumeration())
                else:                   # support enumeration is exponential: one equilibrium
                    try:
                        found = [tuple(game.lemke_howson(initial_dropped_label=0))]
                    except Exception:  # noqa: BLE001 - nashpy raises various errors
                        found = []
                    found = [(x, y) for x, y in found
                             if np.isfinite(x).all() and np.isfinite(y).all()
                             and abs(x.sum() - 1) < 1e-6 and abs(y.sum() - 1) < 1e-6]
            payoffs = sorted({(round(float(x @ a @ y), 12), round(float(x @ b @ y), 12))
                              for x, y in found})
            if not payoffs:
                raise InvalidProblemError("support enumeration found no Nash equilibrium "
                                          "(degenerate game); pass disagreement=\"maxmin\".")
            if not -len(payoffs) <= equilibrium < len(payoffs):
                raise InvalidProblemError(
                    f"equilibrium={equilibrium} but the game has {len(payoffs)} equilibrium "
                    f"payoff pairs: {payoffs}.")
            d = np.array(payoffs[equilibrium])
        else:
            raise InvalidProblemError(
                f"disagreement must be 'nash', 'maxmin' or a pair of numbers, got "
                f"{disagreement!r}.")
    else:
        d = disagreement
    points = np.column_stack([a.ravel(), b.ravel()])
    return BargainingProblem.from_vertices(points, d, players=players)
