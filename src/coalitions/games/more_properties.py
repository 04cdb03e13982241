"""More classes of TU games (MatTuGames' breadth), each checked on the whole ``2**n`` table.

Float games are compared with the absolute tolerance ``atol``, exact games exactly; a strict
inequality holds in a float game when it holds by more than ``atol``. The checks that solve
orders (permutationally convex) raises :class:`~coalitions.TooLargeError` above its size
limit. The classes defined by the core (exact, totally balanced) are in
:mod:`coalitions.solutions.balancedness`.
"""

from __future__ import annotations

from itertools import permutations
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, split_on, subset_sums
from .._checks import no_overflow
from .._docstrings import fill_doc
from ..exceptions import InvalidGameError, TooLargeError
from .properties import (
    _PELEG_SUDHOLTER,
    _PROPERTY_DOC,
    _SHAPLEY_1971,
    _TEXTBOOK,
    _VON_NEUMANN_MORGENSTERN,
    _all,
    _disjoint_pairs,
    _gap,
    _marginals,
    _pairs_limit,
    _prepared,
    _references,
    _second_differences,
    _singles,
    is_convex,
    is_monotone,
)
from .tu import TUGame

__all__ = [
    "is_subadditive",
    "is_strictly_superadditive",
    "is_strictly_subadditive",
    "is_strictly_convex",
    "is_strictly_concave",
    "is_strictly_monotone",
    "is_inessential",
    "is_cohesive",
    "is_zero_one_normalized",
    "is_zero_sum",
    "is_almost_positive",
    "is_unanimity_game",
    "is_veto_rich",
    "is_clan_game",
    "is_big_boss_game",
    "is_permutationally_convex",
    "is_semi_convex",
    "k_cover",
    "is_k_convex",
    "MAX_PERMUTATION_PLAYERS",
]

#: Largest games whose ``n!`` orders are tried for permutational convexity.
MAX_PERMUTATION_PLAYERS = 7

#: What the checks over the pairs of disjoint coalitions raise.
_PAIRS_RAISES = """Raises
------
TooLargeError
    Above ``MAX_SUPERADDITIVE_PLAYERS`` players (3**n pairs)."""


def _pairwise(game: TUGame, function: str, atol: float, *, sign: int, strict: bool) -> bool:
    """Whether ``sign * (v(S | T) - v(S) - v(T))`` is at least 0 (above 0 when ``strict``)
    for all disjoint ``S`` and ``T`` (non-empty when ``strict``)."""
    values, tol = _prepared(game, function, atol)
    _pairs_limit(game, function)
    for s, t in _disjoint_pairs(game.n_players):
        gain = sign * (values[s | t] - values[s] - values[t])
        if strict:
            proper = (s != 0) & (t != 0)
            if not _all(gain[proper] > tol):
                return False
        elif not _all(gain >= -tol):
            return False
    return True


@fill_doc(property=_PROPERTY_DOC, raises=_PAIRS_RAISES, textbook=_TEXTBOOK)
@no_overflow
def is_subadditive(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether two disjoint coalitions are worth no less apart than together.

    .. math:: v(S \cup T) \le v(S) + v(T) \quad \text{for all } S \cap T = \emptyset.

    The natural property of cost games (sharing a facility never costs more).

    {{property}}

    {{raises}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_subadditive(co.airport_game([1, 2, 3])), co.is_subadditive(co.majority_game(3))
    (True, False)
    """
    return _pairwise(game, "is_subadditive", atol, sign=-1, strict=False)


@fill_doc(property=_PROPERTY_DOC, raises=_PAIRS_RAISES, textbook=_TEXTBOOK)
@no_overflow
def is_strictly_superadditive(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether every merger of two non-empty disjoint coalitions creates a surplus.

    .. math:: v(S \cup T) > v(S) + v(T) \quad \text{for all non-empty } S \cap T = \emptyset.

    {{property}}

    {{raises}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_strictly_superadditive(co.TUGame([0, 1, 1, 3]))
    True
    >>> co.is_strictly_superadditive(co.majority_game(3))
    False
    """
    return _pairwise(game, "is_strictly_superadditive", atol, sign=1, strict=True)


@fill_doc(property=_PROPERTY_DOC, raises=_PAIRS_RAISES, textbook=_TEXTBOOK)
@no_overflow
def is_strictly_subadditive(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether every merger of two non-empty disjoint coalitions loses worth (a cost game
    with strict economies of scope).

    .. math:: v(S \cup T) < v(S) + v(T) \quad \text{for all non-empty } S \cap T = \emptyset.

    {{property}}

    {{raises}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_strictly_subadditive(co.TUGame([0, 2, 2, 3]))
    True
    """
    return _pairwise(game, "is_strictly_subadditive", atol, sign=-1, strict=True)


@fill_doc(property=_PROPERTY_DOC, references=_references(_SHAPLEY_1971))
@no_overflow
def is_strictly_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is strictly supermodular.

    .. math:: v(S) + v(T) < v(S \cup T) + v(S \cap T)
              \quad \text{for all } S, T \text{ with } S \not\subseteq T, T \not\subseteq S.

    Checked on the equivalent local form: ``v(S+i+j) - v(S+i) - v(S+j) + v(S) > 0`` for all
    ``i < j`` and ``S`` without them (n(n-1)/2 vectorised passes).

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_strictly_convex(co.TUGame([0, 0, 0, 1])), co.is_strictly_convex(co.TUGame([0, 0, 0, 0]))
    (True, False)
    """
    values, tol = _prepared(game, "is_strictly_convex", atol)
    return all(_all(d > tol) for d in _second_differences(values, game.n_players))


@fill_doc(property=_PROPERTY_DOC, references=_references(_SHAPLEY_1971))
@no_overflow
def is_strictly_concave(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is strictly submodular.

    .. math:: v(S) + v(T) > v(S \cup T) + v(S \cap T)
              \quad \text{for all } S, T \text{ with } S \not\subseteq T, T \not\subseteq S.

    Checked on the local form, as :func:`is_strictly_convex`.

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_strictly_concave(co.TUGame([0, 2, 2, 3]))
    True
    """
    values, tol = _prepared(game, "is_strictly_concave", atol)
    return all(_all(d < -tol) for d in _second_differences(values, game.n_players))


@fill_doc(property=_PROPERTY_DOC, textbook=_TEXTBOOK)
def is_strictly_monotone(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether every player adds something to every coalition.

    .. math:: v(S) < v(T) \quad \text{for all } S \subsetneq T.

    Checked as ``v(S + i) > v(S)`` for every ``i`` and ``S`` without ``i`` (n passes).

    {{property}}

    {{textbook}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_strictly_monotone(co.additive_game([1, 2])), co.is_strictly_monotone(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_strictly_monotone", atol)
    return all(_all(gain > tol) for _, gain in _marginals(values, game.n_players))


@fill_doc(
    property=_PROPERTY_DOC,
    references=_references(_VON_NEUMANN_MORGENSTERN, "sect. 27.3 (inessential games)"),
)
@no_overflow
def is_inessential(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the grand coalition is worth no more than its members alone (the negation of
    :func:`~coalitions.is_essential`).

    .. math:: v(N) \le \sum_{i \in N} v(\{i\}).

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_inessential(co.additive_game([1, 2])), co.is_inessential(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_inessential", atol)
    return bool(values[-1] - sum(_singles(values, game.n_players)) <= tol)


@fill_doc(
    property=_PROPERTY_DOC,
    raises=_PAIRS_RAISES,
    references=_references(_PELEG_SUDHOLTER, "sect. 2.1 (cohesive games)"),
)
@no_overflow
def is_cohesive(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the grand coalition is worth at least what any partition of the players earns.

    .. math:: v(N) \ge \sum_{k} v(S_k) \quad \text{for every partition } \{S_1, \dots, S_m\}
              \text{ of } N.

    The best partition's worth of every coalition is found by doubling: after ``r`` passes
    over the 3**n pairs of disjoint coalitions it covers partitions into ``2**r`` blocks, so
    ``ceil(log2 n)`` passes suffice.

    {{property}}

    {{raises}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_cohesive(co.majority_game(3)), co.is_cohesive(co.TUGame([0, 1, 1, 1]))
    (True, False)
    """
    values, tol = _prepared(game, "is_cohesive", atol)
    _pairs_limit(game, "is_cohesive")
    n = game.n_players
    if game.kind == nb.EXACT:
        values, _ = nb.to_scaled_int(values)
    best = values.copy()
    blocks = 1
    while blocks < n:
        merged = best.copy()
        for s, t in _disjoint_pairs(n):
            np.maximum.at(merged, s | t, best[s] + best[t])
        best, blocks = merged, 2 * blocks
    return bool(values[-1] - best[-1] >= -tol * n)


@fill_doc(
    property=_PROPERTY_DOC,
    references=_references(_VON_NEUMANN_MORGENSTERN, "sect. 42 (the (0, 1) reduced form)"),
)
def is_zero_one_normalized(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether single players are worth 0 and the grand coalition 1.

    .. math:: v(\{i\}) = 0 \text{ for every } i, \qquad v(N) = 1.

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_zero_one_normalized(co.majority_game(3)), co.is_zero_one_normalized(co.additive_game([1]))
    (True, False)
    """
    values, tol = _prepared(game, "is_zero_one_normalized", atol)
    singles_zero = all(abs(v) <= tol for v in _singles(values, game.n_players))
    return bool(game.n_players > 0 and singles_zero and abs(values[-1] - 1) <= tol)


@fill_doc(
    property=_PROPERTY_DOC,
    references=_references(_VON_NEUMANN_MORGENSTERN, "sect. 25 (zero-sum games)"),
)
@no_overflow
def is_zero_sum(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether what a coalition wins its complement loses.

    .. math:: v(S) + v(N \setminus S) = 0 \quad \text{for every } S \text{ (so } v(N) = 0).

    {{property}}

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_zero_sum(co.TUGame([0, 1, -1, 0])), co.is_zero_sum(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_zero_sum", atol)
    return _all(abs(values + values[::-1]) <= tol)


@fill_doc(property=_PROPERTY_DOC)
@no_overflow
def is_almost_positive(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether every Harsanyi dividend of a coalition of two or more players is at least 0.

    .. math:: d(S) = \sum_{T \subseteq S} (-1)^{|S| - |T|} v(T) \ge 0 \quad (|S| \ge 2).

    Almost positive games are convex; totally positive games are almost positive games with
    non-negative single worths.

    {{property}}

    References
    ----------
    .. [1] Vasil'ev, V. A. (1975). The Shapley value for cooperative games of bounded
       polynomial variation. *Optimizacija* 17, 5-27.
    .. [2] Branzei, R., Dimitrov, D. and Tijs, S. (2008). *Models in Cooperative Game Theory*,
       2nd ed., Springer, sect. 5.3.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_almost_positive(co.TUGame([0, -1, -1, 0])), co.is_almost_positive(co.majority_game(3))
    (True, False)
    """
    from .transforms import harsanyi_dividends

    _, tol = _prepared(game, "is_almost_positive", atol)
    dividends = harsanyi_dividends(game).values
    return _all(dividends[popcounts(game.n_players) >= 2] >= -tol)


def _winning(values: np.ndarray, tol) -> tuple[bool, np.ndarray]:
    """Whether every worth is 0 or 1 (within ``tol``), and which are 1."""
    one, zero = abs(values - 1) <= tol, abs(values) <= tol
    return _all(one | zero), np.asarray(one, dtype=bool)


@fill_doc(property=_PROPERTY_DOC)
def is_unanimity_game(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is the unanimity game of some non-empty coalition ``T``.

    .. math:: v(S) = 1 \text{ if } T \subseteq S, \qquad v(S) = 0 \text{ otherwise}.

    ``T`` is then the intersection of the coalitions worth 1 (see
    :func:`~coalitions.unanimity_game`).

    {{property}}

    References
    ----------
    .. [1] Shapley, L. S. (1953). A value for n-person games. In *Contributions to the Theory
       of Games II*, Princeton University Press, 307-317.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_unanimity_game(co.unanimity_game(3, ["1", "2"])), co.is_unanimity_game(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_unanimity_game", atol)
    zero_one, win = _winning(values, tol)
    if not zero_one or not win.any():
        return False
    masks = np.arange(values.size, dtype=np.int64)
    carrier = int(np.bitwise_and.reduce(masks[win]))
    return bool(carrier != 0 and _all(win == ((masks & carrier) == carrier)))


def _veto(values: np.ndarray, n: int, tol) -> list[int]:
    """Players ``i`` with ``v(S) = 0`` for every ``S`` without ``i``."""
    return [i for i in range(n) if _all(abs(split_on(values, i)[0]) <= tol)]


@fill_doc(property=_PROPERTY_DOC)
def is_veto_rich(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether some player is a veto player: nothing is worth anything without him.

    .. math:: \exists i \in N: \ v(S) = 0 \text{ for every } S \not\ni i.

    {{property}}

    References
    ----------
    .. [1] Arin, J. and Feltkamp, V. (1997). The nucleolus and kernel of veto-rich transferable
       utility games. *International Journal of Game Theory* 26, 61-73.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_veto_rich(co.glove_game(["L"], ["R1", "R2"])), co.is_veto_rich(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_veto_rich", atol)
    return bool(_veto(values, game.n_players, tol))


def _clan_conditions(game: TUGame, values: np.ndarray, clan: int, tol) -> bool:
    """Whether ``values`` is a clan game with the clan ``clan`` (a non-empty mask): the clan's
    members are veto players, and the union property holds above the clan (non-negativity and
    monotonicity are checked by the caller)."""
    n = game.n_players
    masks = np.arange(values.size, dtype=np.int64)
    above = (masks & clan) == clan
    if not _all(abs(values[~above]) <= tol):
        return False
    full = values.size - 1
    marginal = np.array(
        [values[full] - values[full ^ (1 << i)] for i in range(n)], dtype=values.dtype
    )
    outside = subset_sums(marginal, n, empty=values[0] * 0)[::-1]  # m(N - S) at S
    union = values[full] - values[above] - outside[above]
    return _all(union >= -tol * max(n, 1))


def _check_clan(game: TUGame, clan: Any) -> int:
    """The mask of a clan given as a list of the game's player names."""
    try:
        members = None if isinstance(clan, (str, bytes)) else list(clan)
    except TypeError:
        members = None
    if not members or not all(isinstance(p, str) and p in game.players for p in members):
        shown = repr(clan)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise InvalidGameError(
            "is_clan_game: the clan must be a non-empty list of the game's players, got "
            f"{shown}; the players are {list(game.players)}."
        )
    return sum(1 << game.players.index(p) for p in set(members))


@no_overflow
def is_clan_game(game: TUGame, clan: Any = None, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is a clan game (Potters, Poos, Tijs and Muto 1989).

    With a non-empty clan ``C``:

    .. math:: v \ge 0 \text{ and monotone}; \quad v(S) = 0 \text{ if } C \not\subseteq S;
              \quad v(N) - v(S) \ge \sum_{i \in N \setminus S} \bigl(v(N) - v(N - i)\bigr)
              \text{ for } S \supseteq C.

    Parameters
    ----------
    game : TUGame
        A numeric game.
    clan : list of str, optional
        The clan to test. Without it, the veto players are the clan: a game is a clan game
        with some clan exactly when it is one with the set of all its veto players (each clan
        member is a veto player, and the union property for a larger clan asks less).
    atol : float
        Tolerance of the comparisons in a float game; an exact game is compared exactly.

    Returns
    -------
    bool
        True when the game is a clan game with ``clan`` (or with its veto players).

    Raises
    ------
    InvalidGameError
        If ``clan`` is empty or names a player the game does not have.

    References
    ----------
    .. [1] Potters, J., Poos, R., Tijs, S. and Muto, S. (1989). Clan games. *Games and Economic
       Behavior* 1, 275-293.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> co.is_clan_game(glove), co.is_clan_game(glove, ["L"]), co.is_clan_game(glove, ["R1"])
    (True, True, False)
    """
    values, tol = _prepared(game, "is_clan_game", atol)
    if clan is not None:
        mask = _check_clan(game, clan)
    else:
        veto = _veto(values, game.n_players, tol)
        if not veto:
            return False
        mask = sum(1 << i for i in veto)
    if not (_all(values >= -tol) and is_monotone(game, atol=atol)):
        return False
    return _clan_conditions(game, values, mask, tol)


@fill_doc(property=_PROPERTY_DOC)
@no_overflow
def is_big_boss_game(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is a big boss game (Muto, Nakayama, Potters and Tijs 1988): a clan
    game whose clan is one player, the big boss (see :func:`is_clan_game`).

    {{property}}

    References
    ----------
    .. [1] Muto, S., Nakayama, M., Potters, J. and Tijs, S. (1988). On big boss games. *The
       Economic Studies Quarterly* 39, 303-321.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_big_boss_game(co.glove_game(["L"], ["R1", "R2"])), co.is_big_boss_game(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_big_boss_game", atol)
    veto = _veto(values, game.n_players, tol)
    if not veto or not (_all(values >= -tol) and is_monotone(game, atol=atol)):
        return False
    return any(_clan_conditions(game, values, 1 << i, tol) for i in veto)


@fill_doc(property=_PROPERTY_DOC)
def is_permutationally_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether some order of the players is a permutational convexity order (Granot and
    Huberman 1982).

    With ``P_k`` the first ``k`` players of the order ``sigma``:

    .. math:: v(P_j \cup S) - v(P_j) \le v(P_k \cup S) - v(P_k)
              \quad \text{for } 0 \le j < k \le n, \ S \subseteq N \setminus P_k.

    Convex games qualify with every order, and the marginal vector of such an order is in the
    core. Each of the ``n!`` orders is checked with whole-table operations (a running maximum
    over ``j``).

    {{property}}

    Raises
    ------
    TooLargeError
        Above ``MAX_PERMUTATION_PLAYERS`` players for a game that is not convex.

    References
    ----------
    .. [1] Granot, D. and Huberman, G. (1982). The relationship between convex games and
       minimal cost spanning tree games: a case for permutationally convex games. *SIAM Journal
       on Algebraic and Discrete Methods* 3, 288-292.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_permutationally_convex(co.glove_game(["L"], ["R1", "R2"]))
    True
    >>> co.is_permutationally_convex(co.majority_game(3))
    False
    """
    values, tol = _prepared(game, "is_permutationally_convex", atol)
    if is_convex(game, atol=atol):
        return True
    n = game.n_players
    if n > MAX_PERMUTATION_PLAYERS:
        raise TooLargeError(
            f"is_permutationally_convex tries all {n}! orders; the limit is "
            f"{MAX_PERMUTATION_PLAYERS} players."
        )
    if game.kind == nb.EXACT:
        values, _ = nb.to_scaled_int(values)
    masks = np.arange(values.size, dtype=np.int64)
    for order in permutations(range(n)):
        prefixes = np.cumsum([0] + [1 << i for i in order])  # P_0, ..., P_n
        gains = values[prefixes[:, None] | masks] - values[prefixes][:, None]
        allowed = (prefixes[:, None] & masks) == 0  # S outside P_k (then outside P_j, j < k)
        earlier = np.maximum.accumulate(gains, axis=0)[:-1]  # max over j <= k - 1
        if _all((gains[1:] - earlier >= -tol)[allowed[1:]]):
            return True
    return False


@fill_doc(property=_PROPERTY_DOC)
@no_overflow
def is_semi_convex(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is semiconvex (Driessen and Tijs 1985): its gap function is
    non-negative and smallest, among the coalitions containing a player, at the player alone.

    With the utopia payoffs ``M_i = v(N) - v(N - i)`` and the gap ``g(S) = M(S) - v(S)``:

    .. math:: g(S) \ge 0 \text{ for every } S, \qquad g(\{i\}) \le g(S)
              \text{ for every } S \ni i.

    Convex games are semiconvex, and a semiconvex game's minimal rights are its single
    worths, ``m_i = v({i})`` (see :func:`~coalitions.minimal_rights`).

    {{property}}

    References
    ----------
    .. [1] Driessen, T. S. H. and Tijs, S. H. (1985). The tau-value, the core and semiconvex
       games. *International Journal of Game Theory* 14, 229-247.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_semi_convex(co.unanimity_game(3, ["1", "2"])), co.is_semi_convex(co.majority_game(3))
    (True, False)
    """
    values, tol = _prepared(game, "is_semi_convex", atol)
    n = game.n_players
    gap = _gap(values, n)
    return _all(gap >= -tol) and all(
        _all(split_on(gap, i)[1] - gap[1 << i] >= -tol) for i in range(n)
    )


_DRIESSEN_1988 = """
.. [1] Driessen, T. S. H. (1988). *Cooperative Games, Solutions and Applications*. Kluwer,
   section 7.1 (the k-cover, condition (7.2), and k-convex games).
"""


def _cover_order(game: TUGame, k: Any, function: str) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= game.n_players:
        raise InvalidGameError(
            f"{function}: k must be a whole number from 1 to the {game.n_players} players, "
            f"got {k!r}."
        )
    return int(k)


def _k_cover_values(values: np.ndarray, n: int, k: int, tol: Any) -> np.ndarray | None:
    """The k-cover's table, or None when it does not exist (some ``|S| >= k`` has
    ``g(S) < g(N)``)."""
    gap = _gap(values, n)
    large = popcounts(n) >= k
    if not _all(gap[large] - gap[-1] >= -tol):
        return None
    # on the large coalitions v^k(S) = M(S) - g(N), with M(S) = v(S) + g(S)
    return np.where(large, values + gap - gap[-1], values)


@fill_doc(references=_DRIESSEN_1988)
@no_overflow
def k_cover(game: TUGame, k: int) -> TUGame:
    r"""The k-cover of a game (Driessen 1988): the worths of the small coalitions, and the
    utopia bound with the grand coalition's gap on the large ones.

    With the utopia payoffs :math:`M_i = v(N) - v(N \setminus i)` and the gap
    :math:`g(S) = M(S) - v(S)`,

    .. math:: v^k(S) = v(S) \ (|S| < k), \qquad
              v^k(S) = M(S) - g(N) = v(N) - M(N \setminus S) \ (|S| \ge k).

    It exists (covers ``v``: :math:`v^k \ge v`) exactly when :math:`g(N) \le g(S)` for every
    coalition of at least ``k`` players, Driessen's condition (7.2). ``k = n`` gives the game
    itself.

    Parameters
    ----------
    game : TUGame
        A numeric game.
    k : int
        From 1 to the number of players.

    Returns
    -------
    TUGame
        The k-cover, in the game's number kind.

    Raises
    ------
    InvalidGameError
        If the k-cover does not exist, for a symbolic game, or for a ``k`` out of range.

    References
    ----------
    {{references}}

    Examples
    --------
    Driessen's 3-player example with :math:`v(12) = v(13) = 3/5` and :math:`v(N) = 1`:

    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> game = co.TUGame([0, 0, 0, F(3, 5), 0, F(3, 5), 0, 1])
    >>> [str(v) for v in co.k_cover(game, 2).values]
    ['0', '0', '0', '3/5', '0', '3/5', '0', '1']
    """
    values, _ = _prepared(game, "k_cover", 0.0)
    k = _cover_order(game, k, "k_cover")
    cover = _k_cover_values(values, game.n_players, k, 0)
    if cover is None:
        raise InvalidGameError(
            f"k_cover: the {k}-cover does not exist: some coalition of at least {k} players has "
            "a smaller gap M(S) - v(S) than the grand coalition (Driessen's condition 7.2); "
            "check is_k_convex(game, k), which is then False."
        )
    return TUGame(cover, game.players, cost=game.is_cost)


@fill_doc(references=_DRIESSEN_1988)
@no_overflow
def is_k_convex(game: TUGame, k: int, *, atol: float = 1e-9) -> bool:
    r"""Whether the game is k-convex (Driessen 1988): its k-cover exists and is convex.

    ``k = n`` is convexity (the n-cover is the game); ``k = 1`` is 1-convexity
    (:func:`~coalitions.is_one_convex`: the 1-cover is additive up to the constant
    :math:`g(N)`, convex exactly when :math:`g(N) \ge 0`). A k-convex game's core is the core
    of its k-cover, whose vertices are its marginal vectors (see :func:`k_cover`).

    Parameters
    ----------
    game : TUGame
        A numeric game (a symbolic game has no order: substitute its symbols first).
    k : int
        From 1 to the number of players.
    atol : float
        Tolerance of the comparisons in a float game; an exact game is compared exactly.

    Returns
    -------
    bool
        True when the k-cover exists and is convex.

    References
    ----------
    {{references}}

    Examples
    --------
    Driessen's example: :math:`v(12) = v(13) = \alpha`, :math:`v(N) = 1`, the rest 0, is
    2-convex for :math:`\alpha = 2/5` and not for :math:`\alpha = 7/10`:

    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> [co.is_k_convex(co.TUGame([0, 0, 0, a, 0, a, 0, 1]), 2) for a in (F(2, 5), F(7, 10))]
    [True, False]
    """
    values, tol = _prepared(game, "is_k_convex", atol)
    k = _cover_order(game, k, "is_k_convex")
    cover = _k_cover_values(values, game.n_players, k, tol)
    if cover is None:
        return False
    return is_convex(TUGame(cover, game.players), atol=atol)
