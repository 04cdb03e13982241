"""Egalitarian solutions: the egalitarian Shapley value (Joosten 1996) and the Dutta-Ray
egalitarian solution of a convex game (Dutta and Ray 1989)."""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts
from .._checks import finite_floats, front_door
from ..exceptions import InvalidArgumentError, InvalidGameError
from ..games.properties import is_convex
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result
from .shapley import shapley_value

__all__ = ["egalitarian_shapley_value", "dutta_ray"]

#: The choices of ``method=`` in :func:`egalitarian_shapley_value`.
EGALITARIAN_SHAPLEY_METHODS = ("closed-form",)
#: The choices of ``method=`` in :func:`dutta_ray`.
DUTTA_RAY_METHODS = ("sequential",)


def _share(alpha: Any) -> Any:
    if isinstance(alpha, bool) or not isinstance(alpha, numbers.Real):
        raise InvalidArgumentError(
            f"egalitarian_shapley_value: alpha must be a real number in [0, 1], got {alpha!r}."
        )
    if not 0 <= float(alpha) <= 1:  # NaN fails too
        raise InvalidArgumentError(
            f"egalitarian_shapley_value: alpha must lie in [0, 1], got {alpha!r}."
        )
    return alpha if isinstance(alpha, (int, Fraction)) else float(alpha)


@front_door(EGALITARIAN_SHAPLEY_METHODS)
@finite_floats
def egalitarian_shapley_value(
    game: TUGame, alpha: Any = Fraction(1, 2), *, method: str = "closed-form"
) -> ValueResult:
    r"""The egalitarian Shapley value (Joosten 1996): a convex combination of the Shapley
    value and the equal split of :math:`v(N)`.

    .. math:: \varphi^\alpha_i(v) = \alpha\, \varphi_i(v) + (1 - \alpha)\, \frac{v(N)}{n}

    ``alpha = 1`` is the Shapley value, ``alpha = 0`` the equal division; in between, a
    society that redistributes part of what its members earn by their marginal
    contributions. Efficient, symmetric and linear for every ``alpha``.

    Parameters
    ----------
    game : TUGame
        The game (exact worths and an exact ``alpha`` give exact answers).
    alpha : real in [0, 1], default 1/2
        The weight of the Shapley value.
    method : {"closed-form"}
        The formula above (the only method).

    Returns
    -------
    ValueResult
        ``concept="egalitarian-shapley"``.

    Raises
    ------
    InvalidArgumentError
        If ``alpha`` is not a real number in [0, 1].

    References
    ----------
    .. [1] Joosten, R. (1996). *Dynamics, equilibria and values*. PhD thesis, Maastricht
       University, ch. 4.
    .. [2] van den Brink, R., Funaki, Y. and Ju, Y. (2013). Reconciling marginalism with
       egalitarianism: consistency, monotonicity, and implementation of egalitarian Shapley
       values. *Social Choice and Welfare* 40(3), 693-714.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> co.egalitarian_shapley_value(glove).x.tolist()
    [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]
    """
    game = as_tu_game(game, "egalitarian_shapley_value")
    alpha = _share(alpha)
    if isinstance(alpha, float) and game.kind == nb.EXACT:
        game = game.to_float()  # a float weight gives a float answer
    phi = shapley_value(game).x.tolist()
    n = game.n_players
    if n == 0:
        return as_result(game, [], concept="egalitarian-shapley", method="closed-form")
    equal = game.grand_value * nb.constant(Fraction(1, n), game.kind)
    if game.kind != nb.FLOAT and not isinstance(alpha, float):
        alpha = nb.constant(Fraction(alpha), game.kind)
    x = [alpha * p + (1 - alpha) * equal for p in phi]
    return as_result(game, x, concept="egalitarian-shapley", method="closed-form")


@front_door(DUTTA_RAY_METHODS)
@finite_floats
def dutta_ray(game: TUGame, *, method: str = "sequential", atol: float = 1e-9) -> ValueResult:
    r"""The Dutta-Ray egalitarian solution of a convex game (Dutta and Ray 1989).

    The coalition with the highest average worth :math:`v(S)/|S|` (the largest one, when
    several tie) shares its worth equally; the others then play the game
    :math:`v_1(T) = v(T \cup S_1) - v(S_1)` that it leaves them, and so on until everyone is
    paid. For a convex game this is the unique core allocation that Lorenz-dominates every
    other core allocation: the most equal way to share that no coalition can block.

    Parameters
    ----------
    game : TUGame
        A convex game (checked). Exact games give exact answers.
    method : {"sequential"}
        The sequence of average-worth maximisations above (the only method).
    atol : float, default 1e-9
        Tolerance of the convexity check and of ties between averages (float games).

    Returns
    -------
    ValueResult
        ``concept="dutta-ray"``.

    Raises
    ------
    InvalidGameError
        If the game is not convex (the egalitarian solution need not then lie in the core or
        be unique), or is a cost game.

    References
    ----------
    .. [1] Dutta, B. and Ray, D. (1989). A concept of egalitarianism under participation
       constraints. *Econometrica* 57(3), 615-635.

    Examples
    --------
    Players 1 and 2 alone earn 6 together, the three earn 8: the pair has the highest average
    (3) and shares it, player 3 gets what it adds.

    >>> import coalitions as co
    >>> game = co.TUGame([0, 0, 0, 6, 0, 1, 1, 8], players=["1", "2", "3"])
    >>> co.dutta_ray(game).x.tolist()
    [Fraction(3, 1), Fraction(3, 1), Fraction(2, 1)]
    """
    game = as_tu_game(game, "dutta_ray", numeric="compares worths")
    if game.is_cost:
        raise InvalidGameError(
            "dutta_ray is defined for convex (profit) games; for a cost game, analyse its "
            "savings game (co.savings_game or the negated costs) instead."
        )
    if not is_convex(game, atol=atol):
        raise InvalidGameError(
            "dutta_ray: the game is not convex, so the egalitarian solution need not lie in "
            "the core or be unique; it is defined here for convex games only."
        )
    n = game.n_players
    values = game.values
    sizes = popcounts(n)
    masks = np.arange(1 << n)
    exact = game.kind != nb.FLOAT
    x: list[Any] = [None] * n
    taken = 0
    while taken != (1 << n) - 1:
        # coalitions T of the players left, as masks T | taken of the original table
        above = masks[(masks & taken) == taken]
        above = above[above != taken]
        count = sizes[above] - sizes[taken]
        if exact:
            averages = [
                (values[m] - values[taken]) / Fraction(int(c)) for m, c in zip(above, count)
            ]
            best = max(averages)
            chosen = [int(m) for m, a in zip(above, averages) if a == best]
        else:
            averages_f = (values[above] - values[taken]) / count
            best = float(averages_f.max())
            chosen = [int(m) for m in above[averages_f >= best - atol]]
        union = taken
        for m in chosen:  # for a convex game the maximisers are closed under union
            union |= m
        for i in range(n):
            if union >> i & 1 and not taken >> i & 1:
                x[i] = best
        taken = union
    return as_result(game, x, concept="dutta-ray", method="sequential")
