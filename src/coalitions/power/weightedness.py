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

Above :data:`MAX_WEIGHTEDNESS_PLAYERS` players the program cannot be written out, but a
compound rule can still be proved not weighted by a trade of two winning coalitions for two
losing ones (``method="trade-search"``): for pairs of winning coalitions ``X1, X2`` it tries
every split of the members they do not share, ``Y1 = (X1 & X2) | A`` and
``Y2 = (X1 & X2) | (X1 ^ X2) - A`` with ``A`` the ``k`` members of ``X1 ^ X2`` heaviest in the
rule of largest total weight, so the trade keeps every member's multiplicity by construction.
A trade found is checked exactly; none found proves nothing, and the error says so.
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
from ..games.simple import CompoundGame, WeightedVotingGame, as_simple_game
from ..results import WeightednessResult
from ._engines import reduced

__all__ = ["weighted_representation", "MAX_WEIGHTEDNESS_PLAYERS"]

#: The test separates every minimal winning from every maximal losing coalition.
MAX_WEIGHTEDNESS_PLAYERS = 18
#: The choices of ``method=``.
WEIGHTEDNESS_METHODS = ("auto", "integer-lp", "trade-search")
#: Winning coalitions drawn by the trade search (their pairs are tried in turn).
_TRADE_DRAWS = 2_000
#: Pairs of them tried before the search gives up.
_TRADE_PAIRS = 20_000
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


def _answer(players: tuple, method: str = "integer-lp", **found: Any) -> WeightednessResult:
    """The result: weights and a quota, or the trading transform (both checked)."""
    return WeightednessResult(
        players=players,
        exact=True,
        concept="weightedness",
        method=method,
        is_weighted="weights" in found,
        **found,
    )


def _random_coalitions(n: int, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` coalitions (rows of a 0/1 matrix) of uniformly drawn sizes and members."""
    sizes = rng.integers(1, n + 1, size=count)
    ranks = np.argsort(rng.random((count, n)), axis=1)
    return (ranks < sizes[:, None]).astype(np.int64)


def _two_trade(game: Any) -> tuple | None:
    """Winning ``X1, X2`` and losing ``Y1, Y2`` (0/1 rows) with ``X1 + X2 == Y1 + Y2``, found
    by the search of the module docstring (seeded, so the same game gives the same trade), or
    None."""
    n = game.n_players
    atoms = game.atoms() if isinstance(game, CompoundGame) else [game]
    heaviest = max(atoms, key=lambda a: sum(a.int_weights))
    order = np.argsort(-np.asarray(heaviest.int_weights, dtype=np.float64), kind="stable")
    rng = np.random.default_rng(0)
    drawn = _random_coalitions(n, _TRADE_DRAWS, rng)
    winners = np.unique(drawn[np.asarray(game.winning_matrix(drawn), dtype=bool)], axis=0)
    winners = winners[rng.permutation(len(winners))]  # distinct, in a seeded random order
    # each pair costs about n**2: at most the work of 20,000 pairs of 40 members
    budget = max(1, min(_TRADE_PAIRS, _TRADE_PAIRS * 1600 // max(n * n, 1)))
    tried = 0
    for a in range(len(winners)):
        for b in range(a + 1, len(winners)):
            tried += 1
            if tried > budget:
                return None
            x1, x2 = winners[a], winners[b]
            common, odd = x1 & x2, (x1 ^ x2)[order]
            if odd.sum() < 2:
                continue
            # row k: the k heaviest unshared members (in the heaviest rule's order) join Y1
            take = (np.cumsum(odd)[None, :] <= np.arange(int(odd.sum()) + 1)[:, None]) & (
                odd[None, :] == 1
            )
            heavy = np.zeros_like(take, dtype=np.int64)
            heavy[:, order] = take
            y1 = common[None, :] | heavy
            y2 = common[None, :] | ((x1 ^ x2)[None, :] & (1 - heavy))
            lose = ~np.asarray(game.winning_matrix(y1), dtype=bool) & ~np.asarray(
                game.winning_matrix(y2), dtype=bool
            )
            if lose.any():
                k = int(np.argmax(lose))
                return x1, x2, y1[k], y2[k]
    return None


def _trade_answer(game: Any) -> WeightednessResult:
    found = _two_trade(game)
    players = game.players
    if found is None:
        raise TooLargeError(
            f"weighted_representation: {game.n_players} players; the exact test reads every "
            f"coalition and is limited to {MAX_WEIGHTEDNESS_PLAYERS}, and the search found no "
            f"trade of two winning for two losing coalitions (which proves nothing either way)."
        )
    x1, x2, y1, y2 = (tuple(p for p, bit in zip(players, row) if bit) for row in found)
    # the certificate, checked exactly on the game itself (not by assert: it must hold under -O)
    if not (
        all(game.is_winning(set(x)) for x in (x1, x2))
        and not any(game.is_winning(set(y)) for y in (y1, y2))
        and sorted(x1 + x2) == sorted(y1 + y2)
    ):
        raise SolverError(
            "weighted_representation: the trade found did not check exactly on the game; "
            "please report this game."
        )
    winning = ((x1, 1), (x2, 1)) if x1 != x2 else ((x1, 2),)
    losing = ((y1, 1), (y2, 1)) if y1 != y2 else ((y1, 2),)
    return _answer(players, "trade-search", trading_transform=(winning, losing))


@front_door(WEIGHTEDNESS_METHODS)
def weighted_representation(game: Any, *, method: str = "auto") -> WeightednessResult:
    r"""Weights and a quota that represent a simple game, or a proof that none exist.

    Parameters
    ----------
    game : simple game
        A tabled, weighted or compound simple game (up to :data:`MAX_WEIGHTEDNESS_PLAYERS`
        players for the exact test: the program has a row per minimal winning and maximal
        losing coalition; any number for the trade search).
    method : {"auto", "integer-lp", "trade-search"}, default "auto"
        ``"integer-lp"``: the integer program above, solved by HiGHS (least total weight),
        with the linear relaxation's Farkas multipliers as the certificate when it is
        infeasible. ``"trade-search"``: look for a trade of two winning for two losing
        coalitions (see the module docstring), which proves a game not weighted, at any
        size. ``"auto"``: the first up to :data:`MAX_WEIGHTEDNESS_PLAYERS` players, the
        second beyond (where a :class:`~coalitions.WeightedVotingGame` is answered with its
        own integer weights divided by their common divisor, ``method="as-given"``: weighted,
        but not necessarily by the least weights).

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
        Above :data:`MAX_WEIGHTEDNESS_PLAYERS` players for ``"integer-lp"``; for the trade
        search when it finds no trade (which proves nothing).
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

    The EU Council's double majority (27 members, beyond the exact test) is not weighted
    either; the trade search proves it. Two winning coalitions of 18 states each hold the same
    members as a losing one of 14 states (too few states, however populous) and one of 22
    (too few people):

    >>> eu = co.weighted_representation(co.datasets.eu_council())
    >>> winning, losing = eu.trading_transform
    >>> eu.value, eu.method, [len(c) for c, _ in winning], [len(c) for c, _ in losing]
    (False, 'trade-search', [18, 18], [14, 22])
    """
    game = as_simple_game(game, "weighted_representation")
    large = game.n_players > MAX_WEIGHTEDNESS_PLAYERS
    if method == "auto" and large and isinstance(game, WeightedVotingGame):
        # weighted by definition: its own integers (reduced), not necessarily the least ones
        small = reduced(game)
        return _answer(
            game.players, "as-given", weights=tuple(small.int_weights), quota=small.int_quota
        )
    if method == "trade-search" or (method == "auto" and large):
        return _trade_answer(game)
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
