"""Which winning coalition forms in a voting game: minimal winning coalitions, Riker's size
principle and Axelrod's minimal connected winning coalitions."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from .. import _numbers as nb
from .._bits import mask_members, minimal_masks, popcounts, subset_sums, threshold_minimal_masks
from .._checks import as_list, name_list
from ..exceptions import InvalidGameError, TooLargeError
from ..games.tu import TUGame
from ..results import WinningCoalitionsResult
from .._players import names_of

__all__ = ["minimal_winning_coalitions", "minimum_weight_coalitions",
           "minimal_connected_winning_coalitions"]

#: Largest n for listing winning coalitions of a weighted game from a 2**n weight table.
MAX_WEIGHTED_PLAYERS = 24
#: Largest n when winning is only known through ``is_winning`` (one call per coalition).
MAX_ORACLE_PLAYERS = 16


class _Rule:
    """A voting rule reduced to what the formation functions need."""

    def __init__(self, players, quota=None, weights=None, oracle=None, table=None):
        self.players = players
        self.quota = quota          # scaled to integers when the weights are rational
        self.weights = weights      # numpy array (int64 or float64) or None
        self.oracle = oracle        # callable(frozenset of names) -> bool, or None
        self.table = table          # bool array of 2**n winning flags, or None
        self.scale = 1              # weights and quota were multiplied by this

    @property
    def n(self) -> int:
        return len(self.players)

    def display_quota(self):
        if self.quota is None:
            return None
        return _unscale(self.quota, self.scale)

    def display_weight(self, mask: int):
        if self.weights is None:
            return None
        total = sum(self.weights[i] for i in mask_members(mask, self.n))
        return _unscale(total, self.scale)

    def winning(self, mask: int) -> bool:
        if self.weights is not None:
            total = sum(self.weights[i] for i in mask_members(mask, self.n))
            return bool(total >= self.quota)
        if self.table is not None:
            return bool(self.table[mask])
        return bool(self.oracle(frozenset(names_of(mask, self.players))))

    def winning_table(self) -> np.ndarray:
        n = self.n
        if self.table is not None:
            return self.table
        if self.weights is not None:
            if n > MAX_WEIGHTED_PLAYERS:
                raise TooLargeError(
                    f"listing the winning coalitions of {n} players reads 2**{n} weight sums; "
                    f"the limit is {MAX_WEIGHTED_PLAYERS} players. Minimal connected winning "
                    "coalitions (minimal_connected_winning_coalitions) need no table."
                )
            self.table = subset_sums(self.weights, n) >= self.quota
            return self.table
        if n > MAX_ORACLE_PLAYERS:
            raise TooLargeError(
                f"this voting game only answers is_winning(coalition), so listing its "
                f"winning coalitions needs 2**{n} calls; the limit is {MAX_ORACLE_PLAYERS} "
                "players. Give the quota and weights instead."
            )
        table = np.zeros(1 << n, dtype=bool)
        for mask in range(1, 1 << n):
            table[mask] = self.winning(mask)
        self.table = table
        return table


def _unscale(value, scale):
    if isinstance(value, (float, np.floating)):
        return float(value)
    return nb.int_if_integral(Fraction(int(value), scale))


def _numbers(values: Sequence[Any], what: str) -> np.ndarray:
    """Numbers as float64 (when one is a float) or an object array of Fractions."""
    items = list(values)
    for position, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, (int, float, Fraction, np.number)):
            raise InvalidGameError(f"{what}[{position}] = {item!r} is not a number.")
    if any(isinstance(v, (float, np.floating)) for v in items):
        array = np.array([float(v) for v in items])
        if not np.isfinite(array).all():
            raise InvalidGameError(f"{what} must be finite numbers.")
        return array
    fractions = np.empty(len(items), dtype=object)
    fractions[:] = [Fraction(v) for v in items]
    return fractions


def _listed(values: Any, what: str) -> list:
    return as_list(values, what, InvalidGameError, expected="a sequence of numbers")


def _rule(game: Any, weights: Any = None, players: Any = None) -> _Rule:
    """Accept (quota, weights), a weighted voting game (duck-typed), a game with
    ``is_winning``, or a 0/1 TUGame."""
    if weights is not None:
        quota = game
        weight_list = _listed(weights, "weights")
    elif isinstance(game, TUGame):
        values = game.values
        ones = [v == 1 for v in values.tolist()]
        zeros = [v == 0 for v in values.tolist()]
        if not all(a or b for a, b in zip(ones, zeros)):
            raise InvalidGameError(
                "a TUGame used as a voting game must be simple: every value 0 (losing) or 1 "
                "(winning)."
            )
        return _Rule(game.players, table=np.array(ones, dtype=bool))
    elif hasattr(game, "quota") and hasattr(game, "weights"):
        quota = game.quota
        weight_list = _listed(game.weights, "weights")
        if players is None:
            players = getattr(game, "players", None)
    elif callable(getattr(game, "is_winning", None)):
        names = tuple(name_list(players if players is not None else
                                getattr(game, "players", ()), "players", InvalidGameError))
        if not names:
            raise InvalidGameError("a voting game with is_winning must have players.")
        return _Rule(names, oracle=game.is_winning)
    else:
        raise InvalidGameError(
            f"expected a voting game (quota and weights, or is_winning), got "
            f"{type(game).__name__}; call f(quota, weights) or pass a WeightedVotingGame."
        )
    if not weight_list:
        raise InvalidGameError("a weighted voting game needs at least one weight.")
    names = tuple(name_list(players, "players", InvalidGameError)) if players is not None \
        else tuple(
        str(i + 1) for i in range(len(weight_list)))
    if len(names) != len(weight_list):
        raise InvalidGameError(
            f"{len(names)} player names for {len(weight_list)} weights; give one name per "
            "weight."
        )
    if len(set(names)) != len(names):
        raise InvalidGameError("player names must be distinct.")
    array = _numbers(weight_list, "weights")
    if (array < 0).any():
        raise InvalidGameError("weights must be non-negative.")
    quota_array = _numbers([quota], "quota")
    if array.dtype == object and quota_array.dtype == object:
        # weights and quota over one denominator: int64 when every weight sum fits, else
        # Python integers
        scaled, scale = nb.to_scaled_int([*array, quota_array[0]])
        array, quota_value = scaled[:-1], int(scaled[-1])
    else:
        array = array.astype(np.float64)
        quota_value = float(quota_array[0])
        scale = 1
    total = array.sum()
    if not 0 < quota_value <= total:
        raise InvalidGameError(
            f"the quota must be positive and at most the total weight "
            f"{_unscale(total, scale)}, got {_unscale(quota_value, scale)}."
        )
    rule = _Rule(names, quota=quota_value, weights=array)
    rule.scale = scale
    return rule


def _result(rule: _Rule, masks: Iterable[int], concept: str) -> WinningCoalitionsResult:
    masks = list(masks)
    return WinningCoalitionsResult(
        coalitions=tuple(names_of(m, rule.players) for m in masks),
        weights=tuple(rule.display_weight(m) for m in masks),
        players=rule.players, quota=rule.display_quota(), concept=concept,
        exact=True, method="enumeration")


#: Most coalitions listed for a weighted rule of more than MAX_WEIGHTED_PLAYERS players.
MAX_LISTED_COALITIONS = 200_000


def _minimal_masks(rule: _Rule) -> list[int]:
    n = rule.n
    if rule.weights is not None and rule.table is None and n > MAX_WEIGHTED_PLAYERS:
        found = threshold_minimal_masks(list(rule.weights), rule.quota, MAX_LISTED_COALITIONS)
        if found is None:
            raise TooLargeError(
                f"this {n}-player voting game has more than {MAX_LISTED_COALITIONS:,} minimal "
                "winning coalitions, too many to list; minimal_connected_winning_coalitions "
                "lists only intervals of a left-right order.")
        return sorted(found, key=lambda m: (bin(m).count("1"), m))
    found = minimal_masks(rule.winning_table(), n)
    order = np.lexsort((found, popcounts(n)[found]))
    return [int(m) for m in found[order]]


def minimal_winning_coalitions(game: Any, weights: Sequence[Any] | None = None, *,
                               players: Sequence[str] | None = None
                               ) -> WinningCoalitionsResult:
    """Winning coalitions that lose if any member leaves (von Neumann-Morgenstern).

    Parameters
    ----------
    game : voting game or number
        A weighted voting game (anything with ``quota`` and ``weights``, and optionally
        ``players``), a game with ``is_winning(coalition)`` and ``players``, a 0/1 TUGame, or
        the quota itself when ``weights`` is given.
    weights : sequence of numbers, optional
        The players' weights, when ``game`` is the quota.
    players : sequence of str, optional
        Player names (default ``"1"``, ..., ``"n"``).

    Returns
    -------
    WinningCoalitionsResult
        ``coalitions`` by increasing size, then bitmask order; ``weights`` their total
        weights (None when the game has no weights).

    Raises
    ------
    InvalidGameError
        On a quota outside (0, total weight], negative weights or mismatched names.
    TooLargeError
        Above 16 players when winning is known only through ``is_winning``; for a weighted
        rule above 24 players, more than :data:`MAX_LISTED_COALITIONS` coalitions.

    Notes
    -----
    Up to 24 players, the winning flags of all ``2**n`` coalitions come from one doubling pass
    over the weights; a coalition is minimal when removing any single member makes it lose
    (n vectorised passes). Larger weighted rules are listed directly, players by decreasing
    weight, in about n log n steps per coalition.

    Examples
    --------
    >>> from coalitions.formation import minimal_winning_coalitions
    >>> mwc = minimal_winning_coalitions(51, [40, 30, 20, 10], players=["A", "B", "C", "D"])
    >>> mwc.coalitions
    (('A', 'B'), ('A', 'C'), ('B', 'C', 'D'))
    >>> mwc.weights
    (70, 60, 60)
    """
    rule = _rule(game, weights, players)
    return _result(rule, _minimal_masks(rule), "minimal-winning")


def minimum_weight_coalitions(game: Any, weights: Sequence[Any] | None = None, *,
                              players: Sequence[str] | None = None
                              ) -> WinningCoalitionsResult:
    """Riker's size principle: the minimal winning coalitions of smallest total weight.

    Winners share the spoils, so they want a coalition just large enough to win. Without
    weights, size is the number of members.

    References
    ----------
    .. [1] Riker, W. H. (1962). *The Theory of Political Coalitions*. Yale University Press.

    Examples
    --------
    >>> from coalitions.formation import minimum_weight_coalitions
    >>> minimum_weight_coalitions(51, [40, 30, 20, 10], players=["A", "B", "C", "D"]).coalitions
    (('A', 'C'), ('B', 'C', 'D'))
    """
    rule = _rule(game, weights, players)
    masks = _minimal_masks(rule)
    if rule.weights is not None:
        sizes = [sum(rule.weights[i] for i in mask_members(m, rule.n)) for m in masks]
    else:
        sizes = [bin(m).count("1") for m in masks]
    smallest = min(sizes)
    return _result(rule, [m for m, s in zip(masks, sizes) if s == smallest], "minimum-weight")


def minimal_connected_winning_coalitions(game: Any, weights: Sequence[Any] | None = None, *,
                                         players: Sequence[str] | None = None,
                                         order: Sequence[str] | None = None
                                         ) -> WinningCoalitionsResult:
    """Axelrod's minimal connected winning coalitions on an ordered policy dimension.

    Players sit on a left-right line (``order``). A coalition is *connected* when it has no
    gap on the line (it is an interval), and *minimal connected winning* when it wins and
    dropping either end member makes it lose (dropping an inner member would disconnect it,
    which is not allowed).

    Parameters
    ----------
    game, weights, players
        As in :func:`minimal_winning_coalitions`.
    order : sequence of str, optional
        Every player once, from one end of the dimension to the other; default the player
        order.

    Returns
    -------
    WinningCoalitionsResult
        Coalitions listed along the line (each in line order), from the leftmost.

    Notes
    -----
    Only the O(n**2) intervals are examined, so this needs no ``2**n`` table.

    References
    ----------
    .. [1] Axelrod, R. (1970). *Conflict of Interest*. Markham, Chicago.

    Examples
    --------
    Parties from left to right; B and D are not adjacent, so B+D is not connected:

    >>> from coalitions.formation import minimal_connected_winning_coalitions
    >>> mcw = minimal_connected_winning_coalitions(
    ...     51, [20, 35, 10, 30, 5], players=["A", "B", "C", "D", "E"])
    >>> mcw.coalitions
    (('A', 'B'), ('B', 'C', 'D'))
    """
    rule = _rule(game, weights, players)
    if order is None:
        line = list(range(rule.n))
    else:
        names = name_list(order, "order", InvalidGameError)
        if set(names) != set(rule.players) or len(set(names)) != len(names):
            raise InvalidGameError(
                f"order must list every player exactly once; the players are "
                f"{', '.join(map(repr, rule.players))}."
            )
        line = [rule.players.index(p) for p in names]
    found = []
    if rule.weights is not None:
        # intervals by prefix sums along the line: O(n log n), any n
        from bisect import bisect_left
        from itertools import accumulate

        prefix = [0, *accumulate(rule.weights[k] for k in line)]
        for left in range(rule.n):
            # the shortest winning interval from this left end ...
            end = bisect_left(prefix, prefix[left] + rule.quota, lo=left + 1)
            if end > rule.n:
                break
            # ... is minimal when it loses without its left end (without its right end it
            # is shorter, so it loses)
            if end == left + 1 or prefix[end] - prefix[left + 1] < rule.quota:
                found.append((left, end - 1, sum(1 << line[k] for k in range(left, end))))
    for left in range(rule.n if rule.weights is None else 0):
        mask = 0
        for right in range(left, rule.n):
            mask |= 1 << line[right]
            if not rule.winning(mask):
                continue
            without_left = mask & ~(1 << line[left])
            without_right = mask & ~(1 << line[right])
            if left == right or (not rule.winning(without_left) and
                                 not rule.winning(without_right)):
                found.append((left, right, mask))
            break  # longer intervals from this left end contain a winning one
    coalitions = tuple(tuple(rule.players[line[k]] for k in range(a, b + 1))
                       for a, b, _ in found)
    return WinningCoalitionsResult(
        coalitions=coalitions, weights=tuple(rule.display_weight(m) for _, _, m in found),
        players=rule.players, quota=rule.display_quota(),
        concept="minimal-connected-winning", exact=True, method="enumeration")
