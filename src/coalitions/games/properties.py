"""Properties of TU games, checked with whole-array operations.

Float games are compared with the absolute tolerance ``atol``; exact games exactly. Symbolic
games have no order: substitute their symbols first.
"""

from __future__ import annotations

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, split_on, split_on_pair, subset_sums
from .._checks import check_instance, check_numeric, check_tolerance, no_overflow
from .._docstrings import PROPERTY_DOC, fill_doc
from ..exceptions import TooLargeError
from .tu import TUGame

__all__ = [
    "is_monotone",
    "is_superadditive",
    "is_convex",
    "is_essential",
    "symmetric_pairs",
    "MAX_SUPERADDITIVE_PLAYERS",
    "is_weakly_superadditive",
    "is_additive",
    "is_constant_sum",
    "is_zero_normalized",
    "is_symmetric",
    "is_nonnegative",
    "is_totally_positive",
    "is_concave",
    "is_one_convex",
    "is_average_convex",
    "is_simple_game",
]

#: Checking superadditivity compares 3**n pairs of disjoint coalitions.
MAX_SUPERADDITIVE_PLAYERS = 20

# The works the property checks cite, each written once (see _references).
_PELEG_SUDHOLTER = (
    "Peleg, B. and Sudhölter, P. (2007). *Introduction to the Theory of Cooperative Games*,\n"
    "   2nd ed., Springer"
)
_VON_NEUMANN_MORGENSTERN = (
    "von Neumann, J. and Morgenstern, O. (1944). *Theory of Games and Economic Behavior*,\n"
    "   Princeton University Press"
)
_SHAPLEY_1971 = (
    "Shapley, L. S. (1971). Cores of convex games. *International Journal of Game\n"
    "   Theory* 1, 11-26"
)


def _references(work: str, where: str = "") -> str:
    """The References section of a docstring that cites ``work`` (at ``where`` in a book)."""
    return f"References\n----------\n.. [1] {work}{', ' + where if where else ''}."


#: The textbook reference of the elementary classes.
_TEXTBOOK = _references(_PELEG_SUDHOLTER, "sect. 2.1")


def _numeric(game: TUGame, function: str) -> tuple[np.ndarray, float]:
    check_instance(game, TUGame, function)
    check_numeric(game, function, "compares values")
    return game.values, 0


def _tolerance(game: TUGame, atol: float):
    atol = check_tolerance(atol, "a game property")
    return atol if game.kind == nb.FLOAT else 0


def _prepared(game: TUGame, function: str, atol: float) -> tuple[np.ndarray, float]:
    """The worths of a numeric game and the tolerance its comparisons use."""
    values, _ = _numeric(game, function)
    return values, _tolerance(game, atol)


def _pairs_limit(
    game: TUGame, what: str, limit: int = MAX_SUPERADDITIVE_PLAYERS, advice: str = ""
) -> None:
    """Raise past ``limit`` players, for a check over the 3**n pairs of disjoint coalitions."""
    if game.n_players > limit:
        raise TooLargeError(
            f"{what} compares 3**{game.n_players} pairs of coalitions; the limit is {limit} "
            f"players.{advice}"
        )


def _all(condition) -> bool:
    return bool(np.all(condition))


def _marginals(values: np.ndarray, n: int):
    """``(i, v(S + i) - v(S))`` for each player ``i``, over the coalitions ``S`` without ``i``
    (n whole-table passes)."""
    for i in range(n):
        without, with_i = split_on(values, i)
        yield i, with_i - without


def _second_differences(values: np.ndarray, n: int):
    """``v(S+i+j) - v(S+j) - v(S+i) + v(S)`` for each pair ``i < j``, over the coalitions ``S``
    without them (n(n-1)/2 whole-table passes): at least 0 everywhere is supermodular, at most
    0 submodular."""
    for j in range(n):
        for i in range(j):
            (s, s_i), (s_j, s_ij) = split_on_pair(values, i, j)
            yield s_ij - s_j - s_i + s


def is_monotone(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S) <= v(T)`` whenever ``S`` is a subset of ``T``.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_monotone(co.glove_game(["L"], ["R1", "R2"]))
    True
    """
    values, tol = _prepared(game, "is_monotone", atol)
    return all(_all(gain >= -tol) for _, gain in _marginals(values, game.n_players))


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
    advice = " Check convexity (is_convex, O(n^2 2^n)), which implies superadditivity, instead."
    _pairs_limit(game, "checking superadditivity", advice=advice)
    tol = _tolerance(game, atol)
    pairs = _disjoint_pairs(game.n_players)
    return all(_all(values[s | t] - values[s] - values[t] >= -tol) for s, t in pairs)


def _disjoint_pairs(n: int):
    """All 3**n ordered pairs ``(S, T)`` of disjoint coalitions, as chunks of two mask arrays
    (3**12 pairs a chunk: the low bits vectorised, the high ones enumerated)."""
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
        yield first | s_high, second | t_high


@fill_doc(references=_references(_SHAPLEY_1971))
def is_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether the game is convex (supermodular): marginal contributions grow with the
    coalition, ``v(S + i) - v(S) <= v(T + i) - v(T)`` for ``S`` inside ``T``.

    Notes
    -----
    Checked locally, ``v(S+i+j) - v(S+j) - v(S+i) + v(S) >= 0`` for all pairs ``i < j`` and
    ``S`` without them, which is equivalent: n(n-1)/2 vectorised passes.

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_convex(co.unanimity_game(3, ["1", "2"])), co.is_convex(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_convex", atol)
    return all(_all(d >= -tol) for d in _second_differences(values, game.n_players))


def is_essential(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(N) > sum of v({i})``: cooperation creates a surplus to share."""
    values, tol = _prepared(game, "is_essential", atol)
    return bool(values[-1] - sum(_singles(values, game.n_players)) > tol)


def symmetric_pairs(game: TUGame, *, atol: float = 1e-9) -> list[tuple[str, str]]:
    """Pairs of players ``(i, j)`` that are interchangeable: ``v(S + i) = v(S + j)`` for every
    ``S`` containing neither.

    Examples
    --------
    >>> import coalitions as co
    >>> co.symmetric_pairs(co.glove_game(["L"], ["R1", "R2"]))
    [('R1', 'R2')]
    """
    values, tol = _prepared(game, "symmetric_pairs", atol)
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


# ----------------------------------------------------------------- more classes of games
_PROPERTY_DOC = PROPERTY_DOC
_SIMPLE_DOC = """Parameters
----------
game : TUGame
    A numeric game.

Returns
-------
bool"""


def _singles(values: np.ndarray, n: int) -> list:
    return [values[1 << i] for i in range(n)]


def _additive_part(game: TUGame) -> np.ndarray:
    """``a(S) = sum of v({i}) over S``, in the game's number kind."""
    values = game.values
    singles = np.array(_singles(values, game.n_players), dtype=values.dtype)
    return subset_sums(singles, game.n_players, empty=values[0] * 0)


@fill_doc(
    property=_PROPERTY_DOC,
    references=_references(_PELEG_SUDHOLTER, "sect. 2.1 (zero-monotonic games)"),
)
@no_overflow
def is_weakly_superadditive(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S + i) >= v(S) + v({i})`` for every ``S`` without ``i``; equivalently the
    zero-normalised game is monotone (the game is *zero-monotonic*).

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_weakly_superadditive(co.majority_game(3))
    True
    """
    values, tol = _prepared(game, "is_weakly_superadditive", atol)
    return all(
        _all(gain - values[1 << i] >= -tol) for i, gain in _marginals(values, game.n_players)
    )


@fill_doc(property=_PROPERTY_DOC, textbook=_TEXTBOOK)
@no_overflow
def is_additive(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S)`` is the sum of its members' worths for every ``S`` (inessential in the
    strong sense: cooperation creates nothing anywhere).

    {{property}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_additive(co.TUGame([0, 1, 2, 3]))
    True
    """
    values, tol = _prepared(game, "is_additive", atol)
    return _all(abs(values - _additive_part(game)) <= tol)


@fill_doc(property=_PROPERTY_DOC, references=_references(_VON_NEUMANN_MORGENSTERN, "ch. VI"))
@no_overflow
def is_constant_sum(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S) + v(N - S) = v(N)`` for every ``S`` (what one side wins, the other
    loses).

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_constant_sum(co.majority_game(3))
    True
    """
    values, tol = _prepared(game, "is_constant_sum", atol)
    return _all(abs(values + values[::-1] - values[-1]) <= tol)


@fill_doc(property=_PROPERTY_DOC, textbook=_TEXTBOOK)
def is_zero_normalized(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether every single player's worth is 0.

    {{property}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_zero_normalized(co.glove_game(["L"], ["R1", "R2"]))
    True
    """
    values, tol = _prepared(game, "is_zero_normalized", atol)
    return all(abs(v) <= tol for v in _singles(values, game.n_players))


@fill_doc(property=_PROPERTY_DOC, textbook=_TEXTBOOK)
def is_symmetric(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S)`` depends on ``|S|`` only (every two players are interchangeable).

    {{property}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_symmetric(co.majority_game(3)), co.is_symmetric(co.glove_game(["L"], ["R1", "R2"]))
    (True, False)
    """
    values, tol = _prepared(game, "is_symmetric", atol)
    # every coalition against the first one of its size, {0, ..., s - 1}
    reference = values[(1 << popcounts(game.n_players).astype(np.int64)) - 1]
    return _all(abs(values - reference) <= tol)


@fill_doc(property=_PROPERTY_DOC, textbook=_TEXTBOOK)
def is_nonnegative(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether every coalition's worth is at least 0.

    {{property}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_nonnegative(co.TUGame([0, -1, 1, 1]))
    False
    """
    values, tol = _prepared(game, "is_nonnegative", atol)
    return _all(values >= -tol)


@fill_doc(property=_PROPERTY_DOC)
@no_overflow
def is_totally_positive(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether every Harsanyi dividend is at least 0 (a non-negative sum of unanimity games,
    which makes the game convex).

    {{property}}

    References
    ----------
    .. [1] Harsanyi (1959), the dividends: see :func:`coalitions.harsanyi_dividends`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_totally_positive(co.glove_game(["L"], ["R1", "R2"]))
    False
    """
    from .transforms import harsanyi_dividends

    _, tol = _prepared(game, "is_totally_positive", atol)
    return _all(harsanyi_dividends(game).values >= -tol)


@fill_doc(property=_PROPERTY_DOC, references=_references(_SHAPLEY_1971))
@no_overflow
def is_concave(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``v(S) + v(T) >= v(S | T) + v(S & T)`` for all ``S, T`` (submodular): marginal
    contributions shrink as coalitions grow, as costs do with economies of scale.

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_concave(co.airport_game([1, 2, 3]))
    True
    """
    values, tol = _prepared(game, "is_concave", atol)
    return all(_all(d <= tol) for d in _second_differences(values, game.n_players))


@fill_doc(property=_PROPERTY_DOC)
@no_overflow
def is_one_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether the game is 1-convex (Driessen 1985): with the gap ``g(S) = M(S) - v(S)`` over
    the utopia payoffs ``M_i = v(N) - v(N - i)``, ``0 <= g(N) <= g(S)`` for every non-empty
    ``S``. Then the nucleolus, the tau value and the centre of the core coincide.

    {{property}}

    References
    ----------
    .. [1] Driessen, T. S. H. (1985). Properties of 1-convex n-person games. *OR Spektrum* 7,
       19-26.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_one_convex(co.majority_game(3))
    False
    """
    values, tol = _prepared(game, "is_one_convex", atol)
    n = game.n_players
    full = (1 << n) - 1
    gap = _gap(values, n)
    return bool(gap[full] >= -tol and _all(gap[1:] - gap[full] >= -tol))


def _gap(values: np.ndarray, n: int) -> np.ndarray:
    """The gap ``g(S) = M(S) - v(S)`` over the utopia payoffs ``M_i = v(N) - v(N - i)``."""
    full = (1 << n) - 1
    utopia = np.array(
        [values[full] - values[full ^ (1 << i)] for i in range(n)], dtype=values.dtype
    )
    return subset_sums(utopia, n, empty=values[0] * 0) - values


@fill_doc(property=_PROPERTY_DOC)
@no_overflow
def is_average_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    """Whether ``sum over i in S of (v(T) - v(T - i)) >= sum over i in S of (v(S) - v(S - i))``
    for all ``S`` inside ``T`` (Iñarra and Usategui 1993): a coalition's members add more, in
    total, to larger coalitions. Convex games are average convex, and their Shapley value is in
    the core. All ``3**n`` pairs are compared.

    Raises
    ------
    TooLargeError
        Above 14 players.

    {{property}}

    References
    ----------
    .. [1] Iñarra, E. and Usategui, J. M. (1993). The Shapley value and average convex games.
       *International Journal of Game Theory* 22(1), 13-29.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_average_convex(co.majority_game(3))
    False
    """
    values, _ = _numeric(game, "is_average_convex")
    _pairs_limit(game, "is_average_convex", limit=14)
    n = game.n_players
    tol = _tolerance(game, atol)
    if game.kind == nb.EXACT:  # integers over a common denominator: int64 when they fit
        values, _ = nb.to_scaled_int(values)
    masks = np.arange(1 << n)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(bool)
    # losses[S, i] = v(S) - v(S - i) for i in S (0 otherwise); own[S] = their sum
    losses = np.zeros((1 << n, n), dtype=values.dtype)
    for i in range(n):
        members = masks[bits[:, i]]
        losses[members, i] = values[members] - values[members ^ (1 << i)]
    own = losses.sum(axis=1)
    for t in range(1 << n):  # every S inside T at once: sum over i in S of T's losses
        subs = masks[(masks & t) == masks]
        into_t = (bits[subs] * losses[t]).sum(axis=1)
        if not _all(into_t - own[subs] >= -tol):
            return False
    return True


@fill_doc(
    simple=_SIMPLE_DOC,
    references=_references(_VON_NEUMANN_MORGENSTERN, "sect. 50 (simple games)"),
)
def is_simple_game(game: TUGame) -> bool:
    """Whether the game is a simple game: worths 0 or 1, monotone, and ``v(N) = 1``.

    {{simple}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_simple_game(co.majority_game(3)), co.is_simple_game(co.TUGame([0, 1, 1, 2]))
    (True, False)
    """
    values, _ = _numeric(game, "is_simple_game")
    zero_one = _all((values == 0) | (values == 1))
    return bool(zero_one and values[-1] == 1) and is_monotone(game, atol=0)
