"""The Gately point: the allocation that equalises every player's propensity to disrupt."""

from __future__ import annotations

from .. import _numbers as nb
from .._checks import finite_floats, front_door
from ..exceptions import InvalidGameError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from .semivalues import as_result, negated_worths

__all__ = ["gately_point", "propensity_to_disrupt"]


def propensity_to_disrupt(game: TUGame, x) -> list:
    r"""Gately's propensity to disrupt of each player at ``x``.

    .. math:: d_i(x) = \frac{x(N \setminus i) - v(N \setminus i)}{x_i - v(\{i\})}

    (infinite when the denominator is zero). For a cost game, with cost shares ``y``:
    :math:`d_i(y) = (c(N \setminus i) - y(N \setminus i)) / (c(\{i\}) - y_i)`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.propensity_to_disrupt(co.bankruptcy_game(200, [100, 200, 300]), [40, 80, 80])
    [Fraction(3, 2), Fraction(3, 2), Fraction(3, 2)]
    """
    game = as_tu_game(game, "propensity_to_disrupt", numeric="compares values")
    if game.is_cost:
        return propensity_to_disrupt(negated_worths(game), [-v for v in x])
    n = game.n_players
    point, kind = nb.coerce_values(getattr(x, "x", x), what="x")
    if len(point) != n:
        raise InvalidGameError(
            f"propensity_to_disrupt: x needs one entry per player ({n}), got {len(point)}."
        )
    if kind == nb.SYMBOLIC:
        raise InvalidGameError("propensity_to_disrupt compares numbers; x has symbols.")
    values = game.values
    if kind == nb.FLOAT or game.kind == nb.FLOAT:
        x = [float(v) for v in point]
        values = nb.to_float_array(values, game.kind)
    else:
        x = list(point)
    full = (1 << n) - 1
    total = sum(x)
    out = []
    for i in range(n):
        gain = x[i] - values[1 << i]
        loss = total - x[i] - values[full ^ (1 << i)]
        out.append(loss / gain if gain != 0 else float("inf"))
    return out


#: The choices of ``method=`` in :func:`gately_point`.
GATELY_METHODS = ("closed-form",)


@front_door(GATELY_METHODS)
@finite_floats
def gately_point(game: TUGame, *, method: str = "closed-form"):
    r"""The Gately point (Gately 1974; Littlechild and Vaidya 1976).

    Every player's propensity to disrupt, the ratio of what the others lose to what the
    player loses if it walks out, is made equal. With
    :math:`d_i = v(N) - v(N \setminus i) - v(\{i\})`,

    .. math:: x_i = v(\{i\}) + \frac{d_i}{\sum_j d_j}\Bigl(v(N) - \sum_j v(\{j\})\Bigr)

    For a cost game ``c`` the cost shares are the negated Gately point of ``-c`` (that of the
    savings game, subtracted from the stand-alone costs).

    Parameters
    ----------
    game : TUGame
        A numeric game, of worths or of costs (``game.is_cost``).
    method : {"closed-form"}
        The formula that equalises the propensities to disrupt (the only method).

    Returns
    -------
    ValueResult
        The Gately point (cost shares for a cost game); exact for rational games.

    Raises
    ------
    InvalidGameError
        If :math:`\sum_j d_j = 0` or the game is inessential (:math:`v(N) = \sum_j
        v(\{j\})`, where every propensity is 0/0): the point is not defined.

    References
    ----------
    .. [1] Gately, D. (1974). Sharing the gains from regional cooperation: a game theoretic
       application to planning investment in electric power. *International Economic
       Review* 15(1), 195-208.
    .. [2] Littlechild, S. C. and Vaidya, K. G. (1976). The propensity to disrupt and the
       disruption nucleolus of a characteristic function game. *International Journal of
       Game Theory* 5(2), 151-161.

    Examples
    --------
    >>> import coalitions as co
    >>> co.gately_point(co.bankruptcy_game(200, [100, 200, 300])).x.tolist()
    [Fraction(40, 1), Fraction(80, 1), Fraction(80, 1)]
    """
    game = as_tu_game(game, "gately_point", numeric="compares values")
    if game.is_cost:
        shares = gately_point(negated_worths(game)).x
        return as_result(
            game, [-v for v in shares.tolist()], concept="gately", method="closed-form"
        )
    n = game.n_players
    full = (1 << n) - 1
    values = game.values
    singles = [values[1 << i] for i in range(n)]
    gains = [values[full] - values[full ^ (1 << i)] - singles[i] for i in range(n)]
    total = sum(gains)
    surplus = values[full] - sum(singles)
    # Float sums are compared with a tolerance relative to the worths that were added up.
    scale = max([1.0] + [abs(float(v)) for v in (values[full], *singles)]) * n
    tol = 1e-12 * scale if game.kind == nb.FLOAT else 0
    if abs(total) <= tol:
        raise InvalidGameError(
            "gately_point: every player's separable gain v(N) - v(N\\i) - v(i) sums to zero, "
            "so the propensities to disrupt cannot be equalised; the Gately point is not "
            "defined for this game."
        )
    if abs(surplus) <= tol:
        raise InvalidGameError(
            "gately_point: the game is inessential (v(N) = sum of v(i)), so its only "
            "imputation gives each player v(i) and every propensity to disrupt is 0/0; the "
            "Gately point is not defined for this game."
        )
    x = [s + g * surplus / total for s, g in zip(singles, gains)]
    return as_result(game, x, concept="gately", method="closed-form")
