"""Properties of TU games, checked with whole-array operations.

Float games are compared with the absolute tolerance ``atol``; exact games exactly. Symbolic
games have no order: substitute their symbols first.
"""

from __future__ import annotations

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, split_on, split_on_pair
from .._checks import check_instance, check_numeric, check_tolerance
from ..exceptions import TooLargeError
from .tu import TUGame

__all__ = [
    "is_monotone",
    "is_superadditive",
    "is_convex",
    "is_essential",
    "symmetric_pairs",
    "MAX_SUPERADDITIVE_PLAYERS",
]

#: Checking superadditivity compares 3**n pairs of disjoint coalitions.
MAX_SUPERADDITIVE_PLAYERS = 20


def _numeric(game: TUGame, function: str) -> tuple[np.ndarray, float]:
    check_instance(game, TUGame, function)
    check_numeric(game, function, "compares values")
    return game.values, 0


def _tolerance(game: TUGame, atol: float):
    atol = check_tolerance(atol, "a game property")
    return atol if game.kind == nb.FLOAT else 0


def _all(condition) -> bool:
    return bool(np.all(condition))


def is_monotone(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S) <= v(T)`` whenever ``S`` is a subset of ``T``.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_monotone(co.glove_game(["L"], ["R1", "R2"]))
    True
    """
    values, _ = _numeric(game, "is_monotone")
    tol = _tolerance(game, atol)
    return all(
        _all(with_i - without >= -tol)
        for without, with_i in (split_on(values, i) for i in range(game.n_players))
    )


def is_superadditive(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S | T) >= v(S) + v(T)`` for all disjoint ``S`` and ``T``.

    Notes
    -----
    Compares all 3**n ordered pairs of disjoint coalitions, in vectorised chunks of 3**12.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_superadditive(co.majority_game(3))
    True
    """
    values, _ = _numeric(game, "is_superadditive")
    n = game.n_players
    if n > MAX_SUPERADDITIVE_PLAYERS:
        raise TooLargeError(
            f"checking superadditivity compares 3**{n} pairs of coalitions; the limit is "
            f"{MAX_SUPERADDITIVE_PLAYERS} players. Check convexity (is_convex, O(n^2 2^n)), "
            "which implies superadditivity, instead."
        )
    tol = _tolerance(game, atol)
    low = min(n, 12)
    first, second = np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64)
    for bit in range(low):  # every way to place the low bits: in S, in T, or in neither
        b = 1 << bit
        first = np.concatenate([first, first | b, first])
        second = np.concatenate([second, second, second | b])
    for high in range(3 ** (n - low)):
        s_high = t_high = 0
        code = high
        for bit in range(low, n):
            code, digit = divmod(code, 3)
            if digit == 1:
                s_high |= 1 << bit
            elif digit == 2:
                t_high |= 1 << bit
        s, t = first | s_high, second | t_high
        if not _all(values[s | t] - values[s] - values[t] >= -tol):
            return False
    return True


def is_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether the game is convex (supermodular): marginal contributions grow with the
    coalition, ``v(S + i) - v(S) <= v(T + i) - v(T)`` for ``S`` inside ``T``.

    Notes
    -----
    Checked locally, ``v(S+i+j) - v(S+j) - v(S+i) + v(S) >= 0`` for all pairs ``i < j`` and
    ``S`` without them, which is equivalent: n(n-1)/2 vectorised passes.

    References
    ----------
    .. [1] Shapley, L. S. (1971). Cores of convex games. *International Journal of Game
       Theory* 1, 11-26.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_convex(co.unanimity_game(3, ["1", "2"])), co.is_convex(co.majority_game(3))
    (True, False)
    """
    values, _ = _numeric(game, "is_convex")
    n = game.n_players
    tol = _tolerance(game, atol)
    for j in range(n):
        for i in range(j):
            (s, s_i), (s_j, s_ij) = split_on_pair(values, i, j)
            if not _all(s_ij - s_j - s_i + s >= -tol):
                return False
    return True


def is_essential(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(N) > sum of v({i})``: cooperation creates a surplus to share."""
    values, _ = _numeric(game, "is_essential")
    singles = sum(values[1 << i] for i in range(game.n_players))
    return bool(values[-1] - singles > _tolerance(game, atol))


def symmetric_pairs(game: TUGame, *, atol: float = 1e-9) -> list[tuple[str, str]]:
    """Pairs of players ``(i, j)`` that are interchangeable: ``v(S + i) = v(S + j)`` for every
    ``S`` containing neither.

    Examples
    --------
    >>> import coalitions as co
    >>> co.symmetric_pairs(co.glove_game(["L"], ["R1", "R2"]))
    [('R1', 'R2')]
    """
    values, _ = _numeric(game, "symmetric_pairs")
    tol = _tolerance(game, atol)
    maybe = _symmetry_candidates(game, tol)
    exact = game.kind != nb.FLOAT
    twin = list(range(game.n_players))  # exact symmetry is an equivalence: class leaders
    pairs = []
    for j in range(game.n_players):
        for i in range(j):
            if not maybe(i, j):
                continue
            if exact and twin[i] != i:  # i is symmetric to an earlier player k: j ~ i iff j ~ k
                if twin[j] == twin[i]:
                    pairs.append((game.players[i], game.players[j]))
                continue
            (_, s_i), (s_j, _) = split_on_pair(values, i, j)
            difference = s_i - s_j
            if _all(abs(difference) <= tol) if game.kind == nb.FLOAT else _all(difference == 0):
                pairs.append((game.players[i], game.players[j]))
                if exact and twin[j] == j:
                    twin[j] = i
    return pairs


def _symmetry_candidates(game: TUGame, tol: float):
    """A necessary test for players i and j to be symmetric, from n passes over the table.

    If i and j are symmetric, the sums ``f_i = sum over S containing i of r(|S|) v(S)`` and
    ``f_j`` agree for any weights ``r`` by coalition size (swapping i and j maps one sum onto
    the other), up to ``tol`` times the weight of the coalitions containing exactly one of
    them, plus rounding. Random weights make unequal sums almost certain for players that
    are not symmetric, so only a few pairs need the exact comparison.
    """
    n = game.n_players
    if n < 8:
        return lambda i, j: True
    weights = np.random.default_rng(20240601).uniform(1.0, 2.0, n + 1)
    values = nb.to_float_array(game.values, game.kind)
    weighted = values * weights[popcounts(n)]
    sums = np.array([split_on(weighted, i)[1].sum() for i in range(n)])
    magnitude = np.abs(weighted).sum()
    slack = tol * 2.0 * 2 ** (n - 1) + 1e-9 * magnitude + 1e-300
    return lambda i, j: abs(sums[i] - sums[j]) <= slack
