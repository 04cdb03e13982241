"""The tau-value (Tijs 1981) and the chi value (Bergantiños and Massó 1996): efficient compromises between an upper and a lower bound on each payoff."""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import split_on, subset_sums
from .._checks import check_tolerance, finite_floats, front_door, no_overflow
from .._docstrings import fill_doc
from ..exceptions import InvalidGameError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from .semivalues import as_result, negated_worths

__all__ = [
    "tau_value",
    "utopia_payoffs",
    "minimal_rights",
    "is_quasi_balanced",
    "chi_value",
    "maximal_contributions",
]

#: What the bounds of each compromise value require of a game (the error message's words).
_DOMAINS = {"tau": "quasi-balanced", "chi": "weakly essential"}


#: The sections :func:`utopia_payoffs` and :func:`minimal_rights` share: the two bounds of
#: the tau-value, shown together.
_BOUNDS = """
    Parameters
    ----------
    game : TUGame
        A numeric game, of worths or of costs (``game.is_cost``).

    Returns
    -------
    list
        One number per player, in player order (Fractions for rational games).

    References
    ----------
    .. [1] Tijs, S. H. (1981). Bounds for the core and the tau-value. In *Game Theory and
       Mathematical Economics*, North-Holland, 123-132.

    Examples
    --------
    Both bounds of the glove game, utopia payoffs then minimal rights:

    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> co.utopia_payoffs(glove), co.minimal_rights(glove)  # doctest: +NORMALIZE_WHITESPACE
    ([Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)],
     [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)])

"""


@fill_doc(bounds=_BOUNDS)
@finite_floats
def utopia_payoffs(game: TUGame) -> list:
    r"""Utopia payoffs :math:`M_i = v(N) - v(N \setminus i)` (marginal contributions to N).

    For a cost game the same formula gives the marginal costs :math:`c(N) - c(N \setminus
    i)`, the least each player can be charged.

    {{bounds}}
    """
    game = as_tu_game(game, "utopia_payoffs", numeric="compares values")
    full = (1 << game.n_players) - 1
    values = game.values
    return [values[full] - values[full ^ (1 << i)] for i in range(game.n_players)]


def _admissible(rights: list, utopia: list, grand: Any, tol: Any) -> bool:
    """Tijs's condition: ``m <= M`` and ``m(N) <= v(N) <= M(N)``."""
    return all(m <= u + tol for m, u in zip(rights, utopia)) and (
        sum(rights) - tol <= grand <= sum(utopia) + tol
    )


@no_overflow
def is_quasi_balanced(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is quasi-balanced (Tijs 1981), also called compromise admissible:
    the minimal rights do not exceed the utopia payoffs and :math:`v(N)` lies between their
    sums, :math:`m \le M` and :math:`m(N) \le v(N) \le M(N)`.

    Exactly then the core cover is not empty and the tau value is defined; every game with a
    non-empty core is quasi-balanced.

    Parameters
    ----------
    game : TUGame
        A numeric profit game.
    atol : float
        Tolerance of the comparisons in a float game.

    Returns
    -------
    bool
        True when :math:`m \le M` and :math:`m(N) \le v(N) \le M(N)`, so that the tau value
        is defined.

    Raises
    ------
    InvalidGameError
        For a cost game (the condition is stated for profit games).

    References
    ----------
    .. [1] Tijs (1981), the definition, and Tijs and Lipperts (1982), the core cover: see
       :func:`coalitions.tau_value` and :func:`coalitions.core_cover`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_quasi_balanced(co.majority_game(3)), co.is_quasi_balanced(co.glove_game(["L"], ["R1", "R2"]))
    (False, True)
    """
    game = as_tu_game(game, "is_quasi_balanced", numeric="compares values")
    if game.is_cost:
        raise InvalidGameError(
            "is_quasi_balanced is stated for profit games; check the savings game of a cost "
            "game instead."
        )
    tol = check_tolerance(atol, "is_quasi_balanced") if game.kind == nb.FLOAT else 0
    return _admissible(minimal_rights(game), utopia_payoffs(game), game.grand_value, tol)


@fill_doc(bounds=_BOUNDS)
@finite_floats
def minimal_rights(game: TUGame) -> list:
    r"""Minimal rights :math:`m_i = \max_{S \ni i} (v(S) - \sum_{j \in S \setminus i} M_j)`.

    For a cost game: :math:`m_i = \min_{S \ni i} (c(S) - \sum_{j \in S \setminus i} M_j)`,
    the most a player can be charged (the minimal right of :math:`-c`, negated).

    One pass over the table per player (the remainder ``v(S) - M(S)`` by the subset-sum
    recurrence, then a maximum over the coalitions that contain ``i``).

    {{bounds}}
    """
    game = as_tu_game(game, "minimal_rights", numeric="compares values")
    if game.is_cost:
        return [-r for r in minimal_rights(negated_worths(game))]
    n = game.n_players
    utopia = utopia_payoffs(game)
    values = game.values
    if game.kind == nb.FLOAT:
        remainder = values - subset_sums(np.asarray(utopia, dtype=np.float64), n)
    else:
        sums = subset_sums(np.array(utopia, dtype=object), n)
        remainder = values - sums
    rights = []
    for i in range(n):
        _, with_i = split_on(remainder, i)
        best = with_i.max() if game.kind == nb.FLOAT else max(with_i.ravel().tolist())
        rights.append(best + utopia[i])
    return [float(r) for r in rights] if game.kind == nb.FLOAT else rights


#: The choices of ``method=`` in :func:`tau_value`.
TAU_METHODS = ("closed-form",)


@front_door(TAU_METHODS)
@finite_floats
def tau_value(game: TUGame, *, atol: float = 1e-9, method: str = "closed-form"):
    r"""The tau-value: the efficient point on the segment from minimal rights to utopia.

    .. math:: \tau = m + \alpha (M - m), \quad \alpha \text{ such that } \sum \tau_i = v(N)

    Defined for quasi-balanced games: :math:`m \le M` and
    :math:`\sum m \le v(N) \le \sum M` (every game with a non-empty core is quasi-balanced).
    For a cost game ``c`` the cost shares are :math:`-\tau(-c)`, which is
    :math:`c(\{i\}) - \tau_i(s)` for the savings game ``s``: Tijs and Driessen's cost gap
    allocation method (1986).

    Parameters
    ----------
    game : TUGame
        A quasi-balanced numeric game, of worths or of costs (``game.is_cost``).
    atol : float, default 1e-9
        Tolerance of the quasi-balancedness check in float games.
    method : {"closed-form"}
        The formula from utopia payoffs and minimal rights (the only method).

    Returns
    -------
    ValueResult
        The tau-value (cost shares for a cost game); exact for rational games.

    Raises
    ------
    InvalidGameError
        If the game is not quasi-balanced.

    Notes
    -----
    Some toolkits apply the formula outside its domain: TuGames' ``TauValue`` prints a
    "tau value" for the 4-player game of its ``ChiValue`` page, where
    :math:`m_1 = 5.06 > M_1 = 5.03` and :math:`\sum m = 24.16 > v(N) = 22.9`; the point
    :math:`m + \alpha (M - m)` is then efficient but not between the bounds, and this
    function refuses the game instead (Tijs 1981 defines the value on quasi-balanced games).

    References
    ----------
    .. [1] Tijs, S. H. (1981). Bounds for the core and the tau-value. In *Game Theory and
       Mathematical Economics*, North-Holland, 123-132.
    .. [2] Tijs, S. H. and Driessen, T. S. H. (1986). Game theory and cost allocation
       problems. *Management Science* 32(8), 1015-1028.

    Examples
    --------
    >>> import coalitions as co
    >>> co.tau_value(co.bankruptcy_game(200, [100, 200, 300])).x.tolist()
    [Fraction(40, 1), Fraction(80, 1), Fraction(80, 1)]
    >>> co.tau_value(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    game = as_tu_game(game, "tau_value", numeric="compares values")
    if game.is_cost:
        shares = tau_value(negated_worths(game), atol=atol).x
        return as_result(game, [-v for v in shares.tolist()], concept="tau", method="closed-form")
    utopia = utopia_payoffs(game)
    return _compromise(game, utopia, minimal_rights(game), atol, "tau_value", "tau")


def _compromise(game: TUGame, upper: list, lower: list, atol: float, function: str, concept: str):
    """The efficient point on the segment from ``lower`` to ``upper`` (a profit game), or
    InvalidGameError when ``v(N)`` is not between their sums or ``lower > upper``."""
    grand = game.grand_value
    tol = check_tolerance(atol, function) if game.kind == nb.FLOAT else 0
    low, high = sum(lower), sum(upper)
    if not _admissible(lower, upper, grand, tol):
        raise InvalidGameError(
            f"{function}: the game is not {_DOMAINS[concept]} (the lower bounds must not "
            f"exceed the upper bounds and v(N) = {grand} must lie between their sums {low} "
            f"and {high}); the {concept} value is not defined."
        )
    if abs(high - low) <= tol:
        x = list(upper)
    else:
        alpha = (grand - low) / (high - low)
        x = [m + alpha * (u - m) for m, u in zip(lower, upper)]
    return as_result(game, x, concept=concept, method="closed-form")


@finite_floats
def maximal_contributions(game: TUGame) -> list:
    r"""Each player's largest marginal contribution to any coalition,
    :math:`b_i = \max_{S \ni i} \bigl(v(S) - v(S \setminus i)\bigr)`: the upper bound of
    the chi value (:func:`chi_value`), where the tau value uses the contribution to ``N``.

    One vectorised pass over the table per player.

    Parameters
    ----------
    game : TUGame
        A numeric profit game.

    Returns
    -------
    list
        One number per player, in player order (Fractions for rational games).

    Raises
    ------
    InvalidGameError
        For a cost game (the bound is stated for profit games).

    References
    ----------
    .. [1] Bergantiños, G. and Massó, J. (1996). Notes on a new compromise value: the
       chi-value. *Optimization* 38(3), 277-286.

    Examples
    --------
    In the glove game a right glove adds 1 to the coalition of the left glove alone, though
    nothing to the grand coalition:

    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> co.maximal_contributions(glove), co.utopia_payoffs(glove)  # doctest: +NORMALIZE_WHITESPACE
    ([Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)],
     [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)])
    """
    game = as_tu_game(game, "maximal_contributions", numeric="compares values")
    if game.is_cost:
        raise InvalidGameError(
            "maximal_contributions is stated for profit games; use the savings game of a "
            "cost game (or its negated costs) instead."
        )
    values = game.values
    gains = []
    for i in range(game.n_players):
        without_i, with_i = split_on(values, i)
        difference = with_i - without_i
        if game.kind == nb.FLOAT:
            gains.append(float(difference.max()))
        else:
            gains.append(max(difference.ravel().tolist()))
    return gains


#: The choices of ``method=`` in :func:`chi_value`.
CHI_METHODS = ("closed-form",)


@front_door(CHI_METHODS)
@finite_floats
def chi_value(game: TUGame, *, atol: float = 1e-9, method: str = "closed-form"):
    r"""The chi value (Bergantiños and Massó 1996): the tau value's compromise with each
    player's *largest* marginal contribution as its aspiration.

    .. math::

        b_i = \max_{S \ni i} \bigl(v(S) - v(S \setminus i)\bigr), \qquad
        m_i = \max_{S \ni i} \Bigl(v(S) - \sum_{j \in S \setminus i} b_j\Bigr) = v(\{i\}),

    .. math:: \chi = m + \alpha\,(b - m), \quad \alpha \text{ such that }
              \sum_i \chi_i = v(N).

    The tau value (:func:`tau_value`) bounds a player by its marginal contribution to the
    grand coalition; the chi value by its largest marginal contribution to any coalition.
    Every worth is a sum of marginal contributions along an order, so
    :math:`v(S) \le v(\{i\}) + b(S \setminus i)`: the remainder ``m_i`` (the minimal right
    with ``b`` for the utopia payoffs) is just the stand-alone worth, :math:`v(N) \le b(N)`
    always, and the value is defined on every *weakly essential* game,
    :math:`\sum_i v(\{i\}) \le v(N)`, a larger class than the tau value's. Where
    :math:`b(N) = v(N)` it is ``b``. Efficient, symmetric, and covariant under strategic
    equivalence. For a cost game ``c`` the cost shares are :math:`-\chi(-c)`.

    Parameters
    ----------
    game : TUGame
        A weakly essential numeric game (checked), of worths or of costs
        (``game.is_cost``). Exact games give exact answers.
    atol : float, default 1e-9
        Tolerance of that check in float games.
    method : {"closed-form"}
        The formula above (the only method).

    Returns
    -------
    ValueResult
        ``concept="chi"`` (cost shares for a cost game).

    Raises
    ------
    InvalidGameError
        If the game is not weakly essential, :math:`\sum_i v(\{i\}) > v(N)`: no efficient
        point lies between the bounds.

    Notes
    -----
    The result equals :math:`b - g(N)\,\lambda / \lambda(N)` with the gap
    :math:`g(S) = b(S) - v(S)` and the concessions :math:`\lambda_i = \min_{S \ni i} g(S)`,
    the form in which MatTuGames' ``ChiValue`` computes it. Where :math:`M = b` (for example
    in convex games, whose marginal contributions grow with the coalition) the chi value is
    the tau value.

    References
    ----------
    .. [1] Bergantiños, G. and Massó, J. (1996). Notes on a new compromise value: the
       chi-value. *Optimization* 38(3), 277-286.
    .. [2] Tijs, S. H. (1981). Bounds for the core and the tau-value. In *Game Theory and
       Mathematical Economics*, North-Holland, 123-132.

    Examples
    --------
    The glove game has utopia payoffs (1, 0, 0), so the tau value gives everything to the
    left glove; each right glove can add 1 to some coalition, and the chi value pays them:

    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> co.chi_value(glove).x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    >>> co.chi_value(co.majority_game(3)).x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    """
    game = as_tu_game(game, "chi_value", numeric="compares values")
    if game.is_cost:
        shares = chi_value(negated_worths(game), atol=atol).x
        return as_result(game, [-v for v in shares.tolist()], concept="chi", method="closed-form")
    standalone = game.values[[1 << i for i in range(game.n_players)]].tolist()
    return _compromise(game, maximal_contributions(game), standalone, atol, "chi_value", "chi")
