"""Named families of TU games, built with whole-array operations.

Integer or Fraction parameters give exact games; float parameters give float games.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, subset_sums
from .._checks import check_integer, finite_floats, name_list, unknown_choice
from ..exceptions import InvalidArgumentError, InvalidGameError
from .transforms import takes_tu_game
from .tu import MAX_TABLE_PLAYERS, TUGame, _check_players, check_table_size

__all__ = [
    "unanimity_game",
    "glove_game",
    "majority_game",
    "airport_game",
    "bankruptcy_game",
    "cost_to_savings",
    "additive_game",
    "symmetric_game",
    "random_game",
    "veto_council",
]


def _names(players: Any, n: int | None = None) -> tuple[str, ...]:
    if isinstance(players, (int, np.integer)) and not isinstance(players, bool):
        if players < 1:
            raise InvalidGameError(f"a game needs at least one player, got n={players}.")
        if n is not None and players != n:
            raise InvalidGameError(f"{players} players given for {n} values; give {n}.")
        if players > MAX_TABLE_PLAYERS:
            check_table_size(int(players))  # refuses before naming 2**n players
        return tuple(str(i + 1) for i in range(int(players)))
    return _check_players(name_list(players, "players", InvalidGameError), n)


def _numbers(values: Sequence[Any], what: str) -> tuple[list, str]:
    array, kind = nb.coerce_values(values, what=what)
    return list(array), kind


def _table(n: int, kind: str) -> np.ndarray:
    check_table_size(n, kind)
    if kind == nb.FLOAT:
        return np.zeros(1 << n)
    table = np.empty(1 << n, dtype=object)
    table[:] = nb.constant(0, kind)
    return table


def unanimity_game(players: Iterable[str] | int, carrier: Iterable[str], value: Any = 1) -> TUGame:
    """The unanimity game ``u_T``: ``v(S) = value`` if ``S`` contains every member of
    ``carrier`` (the set T), else 0.

    Examples
    --------
    >>> import coalitions as co
    >>> co.unanimity_game(["a", "b", "c"], ["a", "b"]).values.tolist()
    [Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(1, 1), Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)]
    """
    names = _names(players)
    members = name_list(carrier, "the carrier", InvalidGameError)
    if not members:
        raise InvalidGameError("the carrier of a unanimity game must not be empty.")
    index = {p: i for i, p in enumerate(names)}
    mask = 0
    for p in members:
        if p not in index:
            raise InvalidGameError(f"carrier member {p!r} is not a player of {names}.")
        mask |= 1 << index[p]
    (value,), kind = _numbers([value], "value")
    table = _table(len(names), kind)
    masks = np.arange(1 << len(names))
    table[(masks & mask) == mask] = value
    return TUGame(table, names)


def glove_game(left: Iterable[str], right: Iterable[str]) -> TUGame:
    """The glove (market) game: ``v(S) = min(#left gloves in S, #right gloves in S)``.

    Players are the owners of left gloves followed by the owners of right gloves; a pair is
    worth 1.

    References
    ----------
    .. [1] Shapley, L. S. and Shubik, M. (1969). On market games. *Journal of Economic
       Theory* 1(1), 9-25.

    Examples
    --------
    >>> import coalitions as co
    >>> co.shapley_value(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    """
    left = name_list(left, "the left-glove owners", InvalidGameError)
    right = name_list(right, "the right-glove owners", InvalidGameError)
    names = _check_players(left + right, None)
    if not left or not right:
        raise InvalidGameError("a glove game needs at least one left and one right owner.")
    n = len(names)
    check_table_size(n, nb.EXACT)
    masks = np.arange(1 << n)
    left_mask = (1 << len(left)) - 1
    counts_left = popcounts(n)[masks & left_mask].astype(np.int64)
    counts_right = popcounts(n)[masks & ~left_mask].astype(np.int64)
    return TUGame(np.minimum(counts_left, counts_right), names)


@finite_floats
def symmetric_game(players: Iterable[str] | int, worth_by_size: Sequence[Any]) -> TUGame:
    """A symmetric game: ``v(S) = worth_by_size[|S|]`` (``worth_by_size[0]`` must be 0)."""
    names = _names(players)
    n = len(names)
    values, kind = _numbers(worth_by_size, "worth_by_size")
    if len(values) != n + 1:
        raise InvalidGameError(
            f"worth_by_size needs n + 1 = {n + 1} entries (sizes 0..{n}), got {len(values)}."
        )
    check_table_size(n, kind)
    by_size = np.empty(n + 1, dtype=nb.array_dtype(kind))
    by_size[:] = values
    return TUGame(by_size[popcounts(n)], names)


def majority_game(players: Iterable[str] | int, quota: int | None = None) -> TUGame:
    """The symmetric majority game: ``v(S) = 1`` if ``|S| >= quota`` (default: more than half).

    Examples
    --------
    >>> import coalitions as co
    >>> co.shapley_value(co.majority_game(3)).x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    """
    names = _names(players)
    n = len(names)
    if quota is None:
        quota = n // 2 + 1
    if isinstance(quota, bool) or not isinstance(quota, (int, np.integer)) or not 1 <= quota <= n:
        raise InvalidGameError(f"quota must be an integer between 1 and n={n}, got {quota!r}.")
    return symmetric_game(names, [1 if s >= quota else 0 for s in range(n + 1)])


@finite_floats
def additive_game(weights: Sequence[Any], players: Iterable[str] | None = None) -> TUGame:
    """The additive (inessential) game ``v(S) = sum of weights[i] over i in S``."""
    values, kind = _numbers(weights, "weights")
    names = _names(players if players is not None else len(values), len(values))
    check_table_size(len(values), kind)
    return TUGame(subset_sums(np.array(values, dtype=nb.array_dtype(kind))), names)


@finite_floats
def airport_game(costs: Sequence[Any], players: Iterable[str] | None = None) -> TUGame:
    """The airport cost game ``c(S) = max over i in S of costs[i]``.

    A runway long enough for the largest plane in S serves all of S. The game is a cost game
    (``is_cost`` is True): the core, least core, nucleoli and values answer in cost shares,
    e.g. the core is ``{y : y(S) <= c(S), y(N) = c(N)}``. Its savings game
    (:func:`cost_to_savings`) is convex, so the core is never empty.

    References
    ----------
    .. [1] Littlechild, S. C. and Owen, G. (1973). A simple expression for the Shapley value in
       a special case. *Management Science* 20(3), 370-372.
    .. [2] Littlechild, S. C. (1974). A simple expression for the nucleolus in a special case.
       *International Journal of Game Theory* 3(1), 21-29.

    Examples
    --------
    >>> import coalitions as co
    >>> runway = co.airport_game([1, 2, 3])
    >>> runway.is_cost, co.shapley_value(runway).x.tolist()
    (True, [Fraction(1, 3), Fraction(5, 6), Fraction(11, 6)])
    >>> co.nucleolus(runway).x.tolist()
    [Fraction(1, 2), Fraction(3, 4), Fraction(7, 4)]
    """
    values, kind = _numbers(costs, "costs")
    if any(c < 0 for c in values) if kind != nb.SYMBOLIC else False:
        raise InvalidGameError("airport costs must be non-negative.")
    n = len(values)
    if n == 0:
        raise InvalidGameError("an airport game needs at least one player.")
    names = _names(players if players is not None else n, n)
    check_table_size(n, kind)
    dtype = nb.array_dtype(kind)
    table = subset_sums(np.array(values, dtype=dtype), op=np.maximum, empty=nb.constant(0, kind))
    return TUGame(table, names, cost=True)


@finite_floats
def bankruptcy_game(
    estate: Any, claims: Sequence[Any], players: Iterable[str] | None = None
) -> TUGame:
    """The (pessimistic) bankruptcy game ``v(S) = max(0, E - sum of the claims outside S)``.

    Parameters
    ----------
    estate : number
        The estate ``E`` to divide, ``0 <= E <= sum(claims)``.
    claims : sequence of numbers
        Non-negative claims.

    References
    ----------
    .. [1] O'Neill, B. (1982). A problem of rights arbitration from the Talmud. *Mathematical
       Social Sciences* 2(4), 345-371.
    .. [2] Aumann, R. J. and Maschler, M. (1985). Game theoretic analysis of a bankruptcy
       problem from the Talmud. *Journal of Economic Theory* 36(2), 195-213.

    Examples
    --------
    >>> import coalitions as co
    >>> co.shapley_value(co.bankruptcy_game(200, [100, 200, 300])).x.tolist()
    [Fraction(100, 3), Fraction(250, 3), Fraction(250, 3)]
    """
    claims, kind = _numbers(claims, "claims")
    values, kind = _numbers([*claims, estate], "claims and estate")
    *claim_values, estate_value = values
    n = len(claim_values)
    if n == 0:
        raise InvalidGameError("a bankruptcy game needs at least one claimant.")
    if kind != nb.SYMBOLIC:
        if any(c < 0 for c in claim_values):
            raise InvalidGameError("claims must be non-negative.")
        total = sum(claim_values)
        if not 0 <= estate_value <= total:
            raise InvalidGameError(
                f"the estate must lie between 0 and the sum of the claims ({total}), got "
                f"{estate_value}."
            )
    names = _names(players if players is not None else n, n)
    check_table_size(n, kind)
    dtype = nb.array_dtype(kind)
    claimed = subset_sums(np.array(claim_values, dtype=dtype))
    # claims outside S = total - claims in S
    outside = claimed[-1] - claimed
    remainder = estate_value - outside
    if kind == nb.FLOAT:
        table = np.maximum(remainder, 0.0)
    else:
        zero = nb.constant(0, kind)
        table = np.array([r if r > 0 else zero for r in remainder], dtype=object)
    return TUGame(table, names)


@takes_tu_game
@finite_floats
def cost_to_savings(cost_game: TUGame) -> TUGame:
    """The savings game of a cost game: ``s(S) = sum over i in S of c({i}) - c(S)``.

    Cost allocations ``y`` and savings allocations ``x`` correspond by ``y_i = c({i}) - x_i``;
    the excess of a coalition is the same in both, ``s(S) - x(S) = y(S) - c(S)``, so the core,
    least core and nucleoli correspond too. The result is a game of worths (``is_cost`` is
    False) whatever the flag of ``cost_game``: its values are always read as costs.

    Examples
    --------
    >>> import coalitions as co
    >>> savings = co.cost_to_savings(co.airport_game([1, 2]))
    >>> savings.values.tolist(), savings.is_cost
    ([Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)], False)
    """
    if not isinstance(cost_game, TUGame):
        raise InvalidGameError(
            f"cost_to_savings needs a TUGame of costs, got {type(cost_game).__name__}."
        )
    values = cost_game.values
    singles = values[[1 << i for i in range(cost_game.n_players)]]
    return TUGame(subset_sums(singles) - values, cost_game.players, cost=False)


def random_game(
    n: int,
    *,
    rng: Any = None,
    kind: str = "float",
    low: int = 0,
    high: int = 10,
    superadditive: bool = False,
) -> TUGame:
    """A random game for tests and benchmarks.

    Parameters
    ----------
    n : int
    rng : numpy Generator, int seed or None
    kind : {"float", "exact"}
        Float values uniform on [0, 1), or exact integers uniform on [low, high].
    superadditive : bool
        Add the coalition size squared, which makes most random games superadditive.
    """
    n = check_integer(n, "n", "random_game", low=1, high=64)
    low = check_integer(low, "low", "random_game")
    high = check_integer(high, "high", "random_game", low=low)
    if max(abs(low), abs(high)) >= nb.INT64_SUMS:
        raise InvalidArgumentError(
            f"random_game: low and high must lie within +-2**62, got {low} and {high}."
        )
    try:
        rng = np.random.default_rng(rng)
    except (TypeError, ValueError) as error:
        raise InvalidArgumentError(
            f"random_game: rng must be a seed (a non-negative int), a numpy Generator or None, "
            f"got {rng!r} ({error})."
        ) from None
    check_table_size(n, nb.FLOAT if kind == "float" else nb.EXACT)
    if kind == "float":
        values = rng.random(1 << n)
        if superadditive:
            values += popcounts(n).astype(np.float64) ** 2
    elif kind == "exact":
        values = rng.integers(low, high + 1, size=1 << n).astype(np.int64)
        if superadditive:
            values += popcounts(n).astype(np.int64) ** 2
    else:
        unknown_choice(kind, ("float", "exact"), what="kind")
    values[0] = 0
    return TUGame(values, _names(n))


#: Largest number of seats of each kind in :func:`veto_council` (one name per seat).
MAX_COUNCIL_SEATS = 100_000


def veto_council(permanent_with_veto: int, other_seats: int, votes_needed: int) -> Any:
    r"""A council that decides by ``votes_needed`` votes including every veto holder, as a
    weighted voting game.

    With :math:`v` veto holders, :math:`m` other seats and :math:`k` votes needed, each veto
    holder weighs :math:`w = m - k + v + 1`, every other seat 1, and the quota is
    :math:`q = v w + k - v`. All vetoes and :math:`k - v` others reach the quota; without one
    veto holder the others weigh at most :math:`(v - 1) w + m < q`.

    Parameters
    ----------
    permanent_with_veto : int
        The veto holders ``V1 .. Vv`` (0 or more).
    other_seats : int
        The other seats ``S1 .. Sm`` (at least 0).
    votes_needed : int
        Votes needed: at least 1 and the number of veto holders, at most the council's size.

    Returns
    -------
    WeightedVotingGame

    Raises
    ------
    InvalidArgumentError
        For counts that are not integers, more than ``MAX_COUNCIL_SEATS`` seats of a kind, or
        votes needed below the number of veto holders (or 1) or above the council's size.

    References
    ----------
    .. [1] Charter of the United Nations, Art. 23 and 27(3) (today's Security Council:
       5 permanent members with a veto, 10 elected, 9 votes).

    Examples
    --------
    >>> import coalitions as co
    >>> council = co.veto_council(5, 10, 9)
    >>> council.quota, list(council.weights)
    (39, [7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    """
    from .simple import WeightedVotingGame

    v = check_integer(
        permanent_with_veto, "permanent_with_veto", "veto_council", low=0, high=MAX_COUNCIL_SEATS
    )
    m = check_integer(other_seats, "other_seats", "veto_council", low=0, high=MAX_COUNCIL_SEATS)
    k = check_integer(votes_needed, "votes_needed", "veto_council", low=1)
    if not v <= k <= v + m:
        raise InvalidArgumentError(
            f"veto_council: votes_needed must lie between the {v} veto holders and the "
            f"council's {v + m} seats, got {k}."
        )
    w = m - k + v + 1
    players = [f"V{i + 1}" for i in range(v)] + [f"S{i + 1}" for i in range(m)]
    return WeightedVotingGame(v * w + k - v, [w] * v + [1] * m, players)
