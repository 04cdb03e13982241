"""The proportional value (Ortmann 2000; Feldman 1999): the value with a ratio potential, the
multiplicative twin of the Shapley value."""

from __future__ import annotations

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts
from .._checks import finite_floats, front_door
from ..exceptions import InvalidGameError, SolverError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result

__all__ = ["proportional_value", "ratio_potential"]

#: The choices of ``method=`` in :func:`proportional_value`.
PROPORTIONAL_METHODS = ("potential",)


def _reciprocal_potential(game: TUGame) -> tuple[np.ndarray, list]:
    """``Q = 1/P`` over every coalition by ``Q(S) = sum_{i in S} Q(S - i) / v(S)``, coalition
    size by size, and the factor each layer was divided by (floats only, else 1): a float
    layer is divided by its largest entry so that no product of ``n`` worths under- or
    overflows, and the true ``Q`` of a coalition of size ``s`` is its entry times the
    product of the first ``s`` factors."""
    n = game.n_players
    values = game.values
    sizes = popcounts(n)
    exact = game.kind != nb.FLOAT
    one = nb.constant(1, game.kind) if exact else 1.0
    q = np.zeros(1 << n, dtype=object if exact else np.float64)
    q[0] = one
    scales: list = [one]
    for size in range(1, n + 1):
        layer = np.flatnonzero(sizes == size)
        total = np.zeros(layer.size, dtype=q.dtype)
        if exact:
            total[:] = nb.constant(0, game.kind)
        for i in range(n):
            bit = 1 << i
            members = (layer & bit) != 0
            total[members] = total[members] + q[layer[members] ^ bit]
        q[layer] = total / values[layer]
        scale = float(q[layer].max()) if not exact else one
        if not exact:
            q[layer] /= scale
        scales.append(scale)
    return q, scales


def _float_result(values: list, function: str) -> list:
    if not all(np.isfinite(values)) or not all(v > 0 for v in values):
        raise SolverError(
            f"{function}: the ratio potential left the floating-point range; give the game "
            "exact (integer or Fraction) worths."
        )
    return values


def _check_positive(game: TUGame, function: str) -> TUGame:
    game = as_tu_game(game, function, numeric="divides by worths")
    if game.is_cost:
        raise InvalidGameError(
            f"{function} is defined for positive games of worths, not for a cost game."
        )
    values = game.values[1:]
    if values.size and not all(v > 0 for v in values.tolist()):
        raise InvalidGameError(
            f"{function} is defined for positive games only: every non-empty coalition needs a "
            "worth above 0 (the ratio potential divides by every worth)."
        )
    return game


@finite_floats
def ratio_potential(game: TUGame) -> list:
    r"""The ratio potential :math:`P(S)` of every coalition of a positive game (Ortmann
    2000), in mask order.

    .. math:: P(\emptyset) = 1, \qquad \sum_{i \in S} \frac{P(S)}{P(S \setminus i)} = v(S),

    so :math:`P(S) = v(S) \big/ \sum_{i \in S} P(S \setminus i)^{-1}`. Unrolled,
    :math:`1/P(S)` is the sum over the orders of ``S`` of the product of
    :math:`1/v` of the order's initial segments.

    Parameters
    ----------
    game : TUGame
        A positive game: ``v(S) > 0`` for every non-empty coalition (checked). Exact games
        give exact answers.

    Returns
    -------
    list
        ``2**n`` numbers, ``P`` of the coalition with each mask (Fractions for rational
        games).

    Raises
    ------
    InvalidGameError
        If a non-empty coalition has a worth of 0 or less, or the game is a cost game.
    SolverError
        If a float game's potential leaves the floating-point range.

    References
    ----------
    .. [1] Ortmann, K. M. (2000). The proportional value for positive cooperative games.
       *Mathematical Methods of Operations Research* 51(2), 235-248.

    Examples
    --------
    >>> import coalitions as co
    >>> co.ratio_potential(co.TUGame([0, 1, 3, 8]))
    [Fraction(1, 1), Fraction(1, 1), Fraction(3, 1), Fraction(6, 1)]
    """
    game = _check_positive(game, "ratio_potential")
    q, scales = _reciprocal_potential(game)
    if game.kind != nb.FLOAT:
        return [1 / value for value in q.tolist()]
    with np.errstate(over="ignore", divide="ignore", under="ignore"):
        log_factor = np.cumsum(np.log(np.asarray(scales, dtype=np.float64)))
        sizes = popcounts(game.n_players)
        potential = np.exp(-np.log(q) - log_factor[sizes])
    return _float_result(potential.tolist(), "ratio_potential")


@front_door(PROPORTIONAL_METHODS)
@finite_floats
def proportional_value(game: TUGame, *, method: str = "potential") -> ValueResult:
    r"""The proportional value of a positive game (Ortmann 2000; Feldman 1999).

    The unique value that is efficient and *preserves ratios*: removing player ``j`` changes
    what ``i`` gets in the same proportion as removing ``i`` changes what ``j`` gets,

    .. math:: \frac{PV_i(N)}{PV_j(N)} = \frac{PV_i(N \setminus j)}{PV_j(N \setminus i)},

    the multiplicative form of Myerson's balanced contributions, which characterise the
    Shapley value. It is the marginal contribution of each player to the ratio potential
    :math:`P` (:func:`ratio_potential`) taken multiplicatively:

    .. math:: PV_i(v) = \frac{P(N)}{P(N \setminus i)}, \qquad
              \sum_{i \in S} \frac{P(S)}{P(S \setminus i)} = v(S), \quad P(\emptyset) = 1.

    With two players it splits :math:`v(N)` in proportion to the stand-alone worths.
    Efficient, symmetric, and homogeneous of degree one (scaling ``v`` scales the value);
    not additive.

    Parameters
    ----------
    game : TUGame
        A positive game: ``v(S) > 0`` for every non-empty coalition (checked). Exact games
        give exact answers.
    method : {"potential"}
        The ratio potential, computed coalition size by size (the only method).

    Returns
    -------
    ValueResult
        ``concept="proportional"``.

    Raises
    ------
    InvalidGameError
        If a non-empty coalition has a worth of 0 or less, or the game is a cost game.

    Notes
    -----
    Not the proportional division of ``v(N)`` by stand-alone worths (tucoopy's
    ``proportional_value``, MatTuGames' ``PDValue``): the two agree with two players only.
    The potential is one pass per coalition size with one vectorised step per player (about
    ``n 2**n`` additions); float layers are rescaled so that long products of worths neither
    underflow nor overflow.

    References
    ----------
    .. [1] Ortmann, K. M. (2000). The proportional value for positive cooperative games.
       *Mathematical Methods of Operations Research* 51(2), 235-248.
    .. [2] Feldman, B. (1999). The proportional value of a cooperative game. Working paper,
       Scudder Kemper Investments (presented at the Econometric Society World Congress,
       2000).

    Examples
    --------
    Two players alone earn 1 and 3 and together 8: the proportional value splits 8 as 1 to
    3, where the Shapley value adds half the surplus to each stand-alone worth.

    >>> import coalitions as co
    >>> co.proportional_value(co.TUGame([0, 1, 3, 8])).x.tolist()
    [Fraction(2, 1), Fraction(6, 1)]
    >>> game = co.TUGame([0, 1, 1, 4, 2, 4, 4, 10], players=["a", "b", "c"])
    >>> co.proportional_value(game).x.tolist()
    [Fraction(3, 1), Fraction(3, 1), Fraction(4, 1)]
    """
    game = _check_positive(game, "proportional_value")
    n = game.n_players
    if n == 0:
        return as_result(game, [], concept="proportional", method="potential")
    q, scales = _reciprocal_potential(game)
    full = (1 << n) - 1
    # PV_i = P(N) / P(N - i) = Q(N - i) / Q(N); a float top layer was divided by its factor
    x = [q[full ^ (1 << i)] / q[full] for i in range(n)]
    if game.kind == nb.FLOAT:
        x = _float_result([float(value) / scales[n] for value in x], "proportional_value")
    return as_result(game, x, concept="proportional", method="potential")
