"""The Gately point: the allocation that equalises every player's propensity to disrupt."""

from __future__ import annotations

from ..exceptions import InvalidGameError
from ..games.tu import TUGame
from .semivalues import as_result, negated_worths
from .tau import _numeric

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
    game = _numeric(game, "propensity_to_disrupt")
    if game.is_cost:
        return propensity_to_disrupt(negated_worths(game), [-v for v in x])
    n = game.n_players
    full = (1 << n) - 1
    values = game.values
    total = sum(x)
    out = []
    for i in range(n):
        gain = x[i] - values[1 << i]
        loss = total - x[i] - values[full ^ (1 << i)]
        out.append(loss / gain if gain != 0 else float("inf"))
    return out


def gately_point(game: TUGame):
    r"""The Gately point (Gately 1974; Littlechild and Vaidya 1976).

    Every player's propensity to disrupt, the ratio of what the others lose to what the
    player loses if it walks out, is made equal. With
    :math:`d_i = v(N) - v(N \setminus i) - v(\{i\})`,

    .. math:: x_i = v(\{i\}) + \frac{d_i}{\sum_j d_j}\Bigl(v(N) - \sum_j v(\{j\})\Bigr)

    For a cost game ``c`` the cost shares are the negated Gately point of ``-c`` (that of the
    savings game, subtracted from the stand-alone costs).

    Raises
    ------
    InvalidGameError
        If :math:`\sum_j d_j = 0` (the point is not defined).

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
    game = _numeric(game, "gately_point")
    if game.is_cost:
        shares = gately_point(negated_worths(game)).x
        return as_result(game, [-v for v in shares.tolist()], concept="gately",
                         method="closed form")
    n = game.n_players
    full = (1 << n) - 1
    values = game.values
    singles = [values[1 << i] for i in range(n)]
    gains = [values[full] - values[full ^ (1 << i)] - singles[i] for i in range(n)]
    total = sum(gains)
    if total == 0 or (isinstance(total, float) and abs(total) < 1e-12):
        raise InvalidGameError(
            "gately_point: every player's separable gain v(N) - v(N\\i) - v(i) sums to zero, "
            "so the propensities to disrupt cannot be equalised; the Gately point is not "
            "defined for this game."
        )
    surplus = values[full] - sum(singles)
    x = [s + g * surplus / total for s, g in zip(singles, gains)]
    return as_result(game, x, concept="gately", method="closed form")
