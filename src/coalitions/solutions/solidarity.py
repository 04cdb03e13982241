"""The solidarity value (Nowak and Radzik 1994): the Shapley value's twin that shares a
coalition's average marginal contribution instead of each member's own."""

from __future__ import annotations

from fractions import Fraction
from math import factorial

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, split_on
from .._checks import finite_floats, front_door
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result

__all__ = ["solidarity_value", "average_marginal_contributions"]

#: The choices of ``method=`` in :func:`solidarity_value`.
SOLIDARITY_METHODS = ("closed-form",)


def average_marginal_contributions(game: TUGame) -> np.ndarray:
    r"""The table of :math:`A^v(S) = \frac{1}{|S|} \sum_{k \in S} \bigl(v(S) - v(S \setminus k)
    \bigr)` over every coalition (``A(∅) = 0``), in the game's number kind.

    Examples
    --------
    >>> import coalitions as co
    >>> average_marginal_contributions(co.TUGame([0, 1, 2, 6])).tolist()
    [Fraction(0, 1), Fraction(1, 1), Fraction(2, 1), Fraction(9, 2)]
    """
    game = as_tu_game(game, "average_marginal_contributions")
    n = game.n_players
    values = game.values
    below = np.zeros_like(values)  # sum over k in S of v(S \ k)
    for i in range(n):
        split_on(below, i)[1][...] += split_on(values, i)[0]
    sizes = popcounts(n)
    if game.kind == nb.FLOAT:
        out = np.zeros_like(values)
        out[1:] = values[1:] - below[1:] / sizes[1:]
        return out
    inverse = [nb.constant(0, game.kind)]
    inverse += [nb.constant(Fraction(1, s), game.kind) for s in range(1, n + 1)]
    return np.array(
        [values[m] - below[m] * inverse[s] if s else inverse[0] for m, s in enumerate(sizes)],
        dtype=object,
    )


@front_door(SOLIDARITY_METHODS)
@finite_floats
def solidarity_value(game: TUGame, *, method: str = "closed-form") -> ValueResult:
    r"""The solidarity value (Nowak and Radzik 1994).

    Where the Shapley value pays player i its own marginal contribution
    :math:`v(S) - v(S \setminus i)` on arrival, the solidarity value pays it the *average*
    marginal contribution :math:`A^v(S)` of the coalition it completes, so that members of a
    coalition share what any of them brings:

    .. math:: \psi_i(v) = \sum_{S \ni i} \frac{(|S| - 1)!\,(n - |S|)!}{n!}\, A^v(S),
              \qquad A^v(S) = \frac{1}{|S|} \sum_{k \in S} \bigl(v(S) - v(S \setminus k)\bigr).

    It is efficient, symmetric and additive, and gives zero to an *A-null* player (one with
    :math:`A^v(S) = 0` for every coalition containing it), where the Shapley value gives zero
    to a null player. It is linear, so a cost game's solidarity cost shares are the formula
    applied to the costs.

    Parameters
    ----------
    game : TUGame
        The game (exact games give exact answers; a simple game is converted).
    method : {"closed-form"}
        The sum over coalitions above (the only method).

    Returns
    -------
    ValueResult
        ``concept="solidarity"``.

    Raises
    ------
    InvalidGameError
        If the game is not a TU game or has non-finite worths.

    References
    ----------
    .. [1] Nowak, A. S. and Radzik, T. (1994). A solidarity value for n-person transferable
       utility games. *International Journal of Game Theory* 23(1), 43-48.

    Examples
    --------
    Two players alone earn 1 and 3 and together 8: the Shapley value gives each its stand-alone
    worth plus half the surplus of 4; the solidarity value shares more equally.

    >>> import coalitions as co
    >>> game = co.TUGame([0, 1, 3, 8])
    >>> co.shapley_value(game).x.tolist(), co.solidarity_value(game).x.tolist()
    ([Fraction(3, 1), Fraction(5, 1)], [Fraction(7, 2), Fraction(9, 2)])
    """
    game = as_tu_game(game, "solidarity_value")
    n = game.n_players
    averages = average_marginal_contributions(game)
    sizes = popcounts(n)
    weights = [
        nb.constant(Fraction(factorial(s - 1) * factorial(n - s), factorial(n)), game.kind)
        for s in range(1, n + 1)
    ]
    if game.kind == nb.FLOAT:
        table = averages * np.array([0.0, *weights])[sizes]
        x = [float(split_on(table, i)[1].sum()) for i in range(n)]
    else:
        zero = nb.constant(0, game.kind)
        table = np.array(
            [a * weights[s - 1] if s else zero for a, s in zip(averages, sizes)], dtype=object
        )
        x = [sum(split_on(table, i)[1].ravel().tolist(), zero) for i in range(n)]
    return as_result(game, x, concept="solidarity", method="closed-form")
