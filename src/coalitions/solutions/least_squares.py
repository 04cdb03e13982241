r"""Least-square values (Ruiz, Valenciano and Zarzuelo 1998): the efficient payoffs that
minimise a weighted sum of squared excesses."""

from __future__ import annotations

from collections.abc import Sequence
from math import comb
from typing import Any

from .. import _numbers as nb
from .._checks import finite_floats
from ..exceptions import InvalidArgumentError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from ._size_sums import size_profile
from .semivalues import as_result

__all__ = ["least_squares_value"]


def _size_weights(weights: Any, n: int, kind: str) -> list:
    """``m_1, ..., m_{n-1}`` checked: non-negative numbers, not all zero."""
    if weights is None:
        return [nb.constant(1, kind)] * (n - 1)
    if isinstance(weights, (str, bytes, dict)) or not isinstance(weights, Sequence):
        raise InvalidArgumentError(
            f"least_squares_value: weights must be a sequence of {n - 1} numbers m_1, ..., "
            f"m_{n - 1} (one per coalition size), got {type(weights).__name__}."
        )
    if len(weights) != n - 1:
        raise InvalidArgumentError(
            f"least_squares_value: weights must hold {n - 1} numbers m_1, ..., m_{n - 1} "
            f"(one per size of a proper coalition of the {n} players), got {len(weights)}."
        )
    out = []
    for s, w in enumerate(weights, start=1):
        try:
            number = nb.as_number(w, kind)
            valid = not isinstance(w, (bool, str)) and float(number) >= 0
        except (TypeError, ValueError, ArithmeticError):
            valid = False
        if not valid:
            raise InvalidArgumentError(
                f"least_squares_value: m_{s} is {w!r}; the weights must be finite numbers >= 0."
            )
        out.append(number)
    if not any(float(w) > 0 for w in out):
        raise InvalidArgumentError(
            "least_squares_value: every weight is 0; give at least one m_s > 0."
        )
    return out


@finite_floats
def least_squares_value(game: TUGame, weights: Sequence[Any] | None = None) -> ValueResult:
    r"""A least-square value: the efficient payoff that minimises the weighted variance of
    the excesses (Ruiz, Valenciano and Zarzuelo 1998).

    .. math::

        \min_{x(N) = v(N)} \sum_{\emptyset \ne S \subsetneq N} m_{|S|}
        \bigl(e(S, x) - \bar e(x)\bigr)^2,

    with :math:`e(S, x) = v(S) - x(S)`. On the efficient vectors the mean excess is a
    constant, and the minimiser has the closed form

    .. math::

        x_i = \frac{v(N)}{n} + \frac{1}{n\,\alpha}\Bigl(n A_i - \sum_{j} A_j\Bigr),
        \quad A_i = \sum_{S \ni i,\, S \ne N} m_{|S|}\, v(S),
        \quad \alpha = \sum_{s=1}^{n-1} m_s \binom{n-2}{s-1}.

    With every :math:`m_s = 1` it is the least square prenucleolus,
    :math:`x_i = v(N)/n + (n A_i - \sum_j A_j)/(n 2^{n-2})`; with
    :math:`m_s = (s-1)!\,(n-s-1)!` it is the Shapley value.

    Parameters
    ----------
    game : TUGame
        A game of worths or costs (the value is linear: a cost game gets cost shares).
    weights : sequence of numbers, optional
        :math:`m_1, \dots, m_{n-1}`, one non-negative weight per coalition size, not all
        zero. Default: all 1 (the least square prenucleolus).

    Returns
    -------
    ValueResult
        Exact Fractions for a rational game.

    Raises
    ------
    InvalidArgumentError
        If ``weights`` is not ``n - 1`` non-negative numbers with one of them positive.

    References
    ----------
    .. [1] Ruiz, L. M., Valenciano, F. and Zarzuelo, J. M. (1998). The family of least
       square values for transferable utility games. *Games and Economic Behavior* 24(1-2),
       109-130.
    .. [2] Ruiz, L. M., Valenciano, F. and Zarzuelo, J. M. (1996). The least square
       prenucleolus and the least square nucleolus. Two values for TU games based on the
       excess vector. *International Journal of Game Theory* 25(1), 113-134.

    Examples
    --------
    >>> import coalitions as co
    >>> co.least_squares_value(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    >>> co.least_squares_value(co.glove_game(["L"], ["R1", "R2"]), [1, 1]).x.tolist()
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    """
    game = as_tu_game(game, "least_squares_value")
    n = game.n_players
    concept = "least-squares-value" if weights is not None else "least-square-prenucleolus"
    if n <= 1:
        return as_result(game, [game.grand_value] * n, concept=concept, method="closed-form")
    kind = game.kind
    m = _size_weights(weights, n, kind)
    zero = nb.constant(0, kind)
    g = [zero, *m, zero]  # g[0] and g[n]: the empty and the grand coalition do not count
    alpha = sum((m[s - 1] * comb(n - 2, s - 1) for s in range(1, n)), zero)
    sums = list(size_profile(game).player_sums(g))
    total = sum(sums, zero)
    count = nb.constant(n, kind)
    share = game.grand_value / count
    x = [share + (count * a - total) / (count * alpha) for a in sums]
    return as_result(game, x, concept=concept, method="closed-form")
