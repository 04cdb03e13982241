"""Is a simple game a weighted voting game? Weights and a quota, or a certificate that none
exist (Taylor and Zwicker's trading transform).

A simple game is weighted when some weights ``w >= 0`` and quota ``q`` make exactly the
winning coalitions reach ``q``. It suffices to separate the minimal winning coalitions from
the maximal losing ones. With integer weights the gap between them is at least one, so the
game is weighted iff the integer program

.. math:: w(S) \\ge q \\ (S \\text{ minimal winning}), \\qquad
          w(T) \\le q - 1 \\ (T \\text{ maximal losing}), \\qquad w \\ge 0

is feasible; minimising the total weight gives a *minimal integer representation*. When it is
infeasible, the Farkas multipliers of the linear relaxation, made integer, are a trading
transform: winning coalitions :math:`X_1, \\dots, X_j` and losing ones
:math:`Y_1, \\dots, Y_j` (with repetitions) such that every player appears at least as often
among the :math:`Y` as among the :math:`X`. No weights can exist then: the :math:`X` would
weigh at least :math:`jq` together and the :math:`Y` at most :math:`j(q - 1)`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .._bits import masks_to_matrix, minimal_masks
from .._checks import front_door
from .._lp import solve_integer_lp, solve_lp
from .._players import names_of
from ..exceptions import SolverError, TooLargeError
from ..games.simple import WeightedVotingGame, as_simple_game
from ..results import WeightednessResult

__all__ = ["weighted_representation", "MAX_WEIGHTEDNESS_PLAYERS"]

#: The test separates every minimal winning from every maximal losing coalition.
MAX_WEIGHTEDNESS_PLAYERS = 18
#: The choices of ``method=``.
WEIGHTEDNESS_METHODS = ("integer-lp",)
#: Denominators tried when the Farkas multipliers are made rational.
_DENOMINATORS = (10**3, 10**6, 10**9)


def frontier(game: Any, function: str) -> tuple[int, np.ndarray, np.ndarray]:
    """``(n, minimal winning masks, maximal losing masks)`` of a simple game."""
    n = game.n_players
    if n > MAX_WEIGHTEDNESS_PLAYERS:
        raise TooLargeError(
            f"{function}: {n} players; the test reads every coalition and is "
            f"limited to {MAX_WEIGHTEDNESS_PLAYERS} players."
        )
    table = np.asarray(game.winning_table(), dtype=bool)
    full = (1 << n) - 1
    winning = minimal_masks(table, n)
    # maximal losing coalitions are the complements of the minimal elements of {S : N - S loses}
    losing = full ^ minimal_masks(~table[::-1], n)
    return n, winning, losing


def _certificate(n: int, winning: np.ndarray, losing: np.ndarray) -> tuple | None:
    """Integer multipliers of a trading transform, checked exactly, or None."""
    a = masks_to_matrix(winning, n).astype(np.float64)
    b = masks_to_matrix(losing, n).astype(np.float64)
    k, m = len(winning), len(losing)
    # find lambda, mu >= 0: sum lambda = sum mu = 1, and sum lambda 1_X - sum mu 1_Y <= 0
    solution = solve_lp(
        np.zeros(k + m),
        A_ub=np.hstack([a.T, -b.T]),
        b_ub=np.zeros(n),
        A_eq=np.vstack([np.r_[np.ones(k), np.zeros(m)], np.r_[np.zeros(k), np.ones(m)]]),
        b_eq=[1.0, 1.0],
        bounds=(0, None),
    )
    if not solution.success or solution.x is None:
        return None
    for limit in _DENOMINATORS:
        weights = [Fraction(float(v)).limit_denominator(limit) for v in solution.x]
        lam, mu = weights[:k], weights[k:]
        if sum(lam) == 0 or sum(mu) == 0:
            continue
        scale = int(np.lcm.reduce([w.denominator for w in weights]))
        lam_i = [int(w * scale) for w in lam]
        mu_i = [int(w * scale) for w in mu]
        # equal numbers of coalitions on both sides: scale each side to the common total
        total = int(np.lcm(sum(lam_i), sum(mu_i)))
        lam_i = [v * (total // sum(lam_i)) for v in lam_i]
        mu_i = [v * (total // sum(mu_i)) for v in mu_i]
        counts_x = [sum(c for c, s in zip(lam_i, winning) if s >> i & 1) for i in range(n)]
        counts_y = [sum(c for c, t in zip(mu_i, losing) if t >> i & 1) for i in range(n)]
        if all(x <= y for x, y in zip(counts_x, counts_y)):
            return tuple(zip(winning.tolist(), lam_i)), tuple(zip(losing.tolist(), mu_i))
    return None


def least_weights_then_quota(n: int, rows: np.ndarray, bounds: np.ndarray) -> Any:
    """Integer ``(w_1, ..., w_n, q) >= 0`` with ``rows @ (w, q) <= bounds``: the least total
    weight, then (among those) the least quota, as two integer programs (one weighted
    objective would need a weight above every feasible quota to stay lexicographic)."""
    total = np.r_[np.ones(n), 0.0]
    first = solve_integer_lp(total, rows, bounds, lower=0)
    if not first.success or first.x is None:
        return first
    least = float(first.x[:n].sum())
    second = solve_integer_lp(
        np.r_[np.zeros(n), 1.0], np.vstack([rows, total]), np.r_[bounds, least], lower=0
    )
    return second if second.success and second.x is not None else first


def _answer(players: tuple, **found: Any) -> WeightednessResult:
    """The result: weights and a quota, or the trading transform (both checked)."""
    return WeightednessResult(
        players=players,
        exact=True,
        concept="weightedness",
        method="integer-lp",
        is_weighted="weights" in found,
        **found,
    )


@front_door(WEIGHTEDNESS_METHODS)
def weighted_representation(game: Any, *, method: str = "integer-lp") -> WeightednessResult:
    r"""Weights and a quota that represent a simple game, or a proof that none exist.

    Parameters
    ----------
    game : simple game
        A tabled, weighted or compound simple game (up to :data:`MAX_WEIGHTEDNESS_PLAYERS`
        players): the program has a row per minimal winning and maximal losing coalition.
    method : {"integer-lp"}
        The integer program above, solved by HiGHS (least total weight), with the linear
        relaxation's Farkas multipliers as the certificate when it is infeasible.

    Returns
    -------
    WeightednessResult
        ``value`` (is the game weighted?), ``weights`` and ``quota`` (integers of least total
        weight, then least quota, checked exactly against every minimal winning and maximal losing coalition),
        or ``trading_transform``: the winning and the losing coalitions with their
        multiplicities, checked exactly.

    Raises
    ------
    TooLargeError
        Above :data:`MAX_WEIGHTEDNESS_PLAYERS` players.
    SolverError
        If neither a representation nor a certificate could be verified.

    References
    ----------
    .. [1] Taylor, A. D. and Zwicker, W. S. (1992). A characterization of weighted voting.
       *Proceedings of the AMS* 115(4), 1089-1094.
    .. [2] Freixas, J. and Molinero, X. (2009). On the existence of a minimum integer
       representation for weighted voting systems. *Annals of Operations Research* 166,
       243-260.

    Examples
    --------
    The EEC Council of 1958 is weighted by construction; the minimal integer weights are
    smaller than the treaty's:

    >>> import coalitions as co
    >>> eec = co.datasets.eec_council_1958()
    >>> found = co.weighted_representation(eec)
    >>> found.value, found.weights, found.quota
    (True, (2, 2, 2, 1, 1, 0), 6)

    Two chambers of three that must each agree by majority are not weighted:

    >>> lower = co.WeightedVotingGame(2, [1, 1, 1, 0, 0, 0])
    >>> upper = co.WeightedVotingGame(2, [0, 0, 0, 1, 1, 1])
    >>> result = co.weighted_representation(co.CompoundGame("and", [lower, upper]))
    >>> result.value
    False
    >>> winning, losing = result.trading_transform
    >>> winning
    ((('1', '2', '4', '5'), 1), (('2', '3', '5', '6'), 1))
    >>> losing
    ((('2', '4', '5', '6'), 1), (('1', '2', '3', '5'), 1))

    Both winning coalitions together hold every member as often as the two losing ones, so no
    weights can make the first two reach a quota the last two miss.
    """
    game = as_simple_game(game, "weighted_representation")
    n, winning, losing = frontier(game, "weighted_representation")
    players = game.players
    if len(losing) == 0 or len(winning) == 0:  # everything wins (or nothing): weight 0, quota 0
        return _answer(players, weights=(0,) * n, quota=0 if len(losing) == 0 else 1)
    a = masks_to_matrix(winning, n).astype(np.float64)
    b = masks_to_matrix(losing, n).astype(np.float64)
    # variables (w_1..w_n, q): -w(S) + q <= 0 for winning, w(T) - q <= -1 for losing
    rows = np.vstack([np.hstack([-a, np.ones((len(a), 1))]), np.hstack([b, -np.ones((len(b), 1))])])
    bounds = np.r_[np.zeros(len(a)), -np.ones(len(b))]
    found = least_weights_then_quota(n, rows, bounds)
    if found.success and found.x is not None:
        weights_arr, quota = found.x[:n], int(found.x[n])
        ok = bool((a @ weights_arr >= quota).all() and (b @ weights_arr < quota).all())
        if ok:
            weights = tuple(int(w) for w in weights_arr)
            check = WeightedVotingGame(quota, list(weights), list(players))
            table = np.asarray(game.winning_table(), dtype=bool)
            if np.array_equal(np.asarray(check.winning_table(), dtype=bool), table):
                return _answer(players, weights=weights, quota=quota)
    certificate = _certificate(n, winning, losing)
    if certificate is None:
        raise SolverError(
            "weighted_representation: the integer program found no verified representation "
            "and no trading transform could be verified; please report this game."
        )
    xs, ys = certificate
    return _answer(
        players,
        trading_transform=(
            tuple((names_of(mask, players), count) for mask, count in xs if count),
            tuple((names_of(mask, players), count) for mask, count in ys if count),
        ),
    )
