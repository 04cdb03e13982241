"""Egalitarian-type single-valued rules used in cost sharing: equal division, equal surplus
division (CIS) and the equal division of the non-separable contribution (ENSC)."""

from __future__ import annotations

from .. import _numbers as nb
from .._checks import finite_floats
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from .semivalues import as_result

__all__ = ["equal_division", "equal_surplus_division", "ensc_value"]


@finite_floats
def equal_division(game: TUGame):
    r"""Equal division: :math:`x_i = v(N) / n`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.equal_division(co.majority_game(3)).x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    """
    game = as_tu_game(game, "equal_division")
    n = game.n_players
    if n == 0:
        return as_result(game, [], concept="equal-division", method="closed-form")
    share = game.grand_value / nb.constant(n, game.kind)
    return as_result(game, [share] * n, concept="equal-division", method="closed-form")


@finite_floats
def equal_surplus_division(game: TUGame):
    r"""Equal surplus division (centre of the imputation set, CIS):
    :math:`x_i = v(\{i\}) + \frac{1}{n}\bigl(v(N) - \sum_j v(\{j\})\bigr)`.

    References
    ----------
    .. [1] Driessen, T. S. H. and Funaki, Y. (1991). Coincidence of and collinearity between
       game theoretic solutions. *OR Spektrum* 13(1), 15-30.

    Examples
    --------
    >>> import coalitions as co
    >>> co.equal_surplus_division(co.airport_game([1, 2])).x.tolist()
    [Fraction(1, 2), Fraction(3, 2)]
    """
    game = as_tu_game(game, "equal_surplus_division")
    n = game.n_players
    if n == 0:
        return as_result(game, [], concept="equal-surplus-division", method="closed-form")
    values = game.values
    singles = [values[1 << i] for i in range(n)]
    share = (game.grand_value - sum(singles)) / nb.constant(n, game.kind)
    return as_result(
        game, [s + share for s in singles], concept="equal-surplus-division", method="closed-form"
    )


@finite_floats
def ensc_value(game: TUGame):
    r"""Equal division of the non-separable contribution (ENSC, egalitarian non-separable
    contribution).

    With separable contributions :math:`SC_i = v(N) - v(N \setminus i)`,
    :math:`x_i = SC_i + \frac{1}{n}\bigl(v(N) - \sum_j SC_j\bigr)`. In cost games this is the
    classical "separable costs, remaining costs divided equally" rule.

    References
    ----------
    .. [1] Moulin, H. (1985). The separability axiom and equal-sharing methods. *Journal of
       Economic Theory* 36(1), 120-148.

    Examples
    --------
    >>> import coalitions as co
    >>> co.ensc_value(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    game = as_tu_game(game, "ensc_value")
    n = game.n_players
    if n == 0:
        return as_result(game, [], concept="ensc", method="closed-form")
    full = (1 << n) - 1
    values = game.values
    separable = [values[full] - values[full ^ (1 << i)] for i in range(n)]
    share = (values[full] - sum(separable)) / nb.constant(n, game.kind)
    return as_result(game, [s + share for s in separable], concept="ensc", method="closed-form")
