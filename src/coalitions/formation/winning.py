"""Which winning coalition forms in a voting game: minimal winning coalitions, Riker's size
principle and Axelrod's minimal connected winning coalitions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from itertools import accumulate
from typing import Any

from .. import _numbers as nb
from .._checks import front_door, name_list
from ..exceptions import InvalidGameError
from ..games.simple import WeightedVotingGame, as_simple_game
from ..power.checks import minimal_winning_coalitions
from ..results import WinningCoalitionsResult

__all__ = [
    "minimal_winning_coalitions",
    "minimum_weight_coalitions",
    "minimal_connected_winning_coalitions",
]

#: The choices of ``method=`` of the coalition lists here (each lists its coalitions).
WINNING_METHODS = ("enumeration",)


@front_door(WINNING_METHODS)
def minimum_weight_coalitions(
    game: Any,
    weights: Sequence[Any] | None = None,
    *,
    players: Sequence[str] | None = None,
    method: str = "enumeration",
) -> WinningCoalitionsResult:
    """Riker's size principle: the minimal winning coalitions of smallest total weight.

    Winners share the spoils, so they want a coalition just large enough to win. Without
    weights, size is the number of members.

    Parameters
    ----------
    game, weights, players
        As in :func:`minimal_winning_coalitions`.
    method : {"enumeration"}
        List the minimal winning coalitions and keep the lightest (the only method).

    Returns
    -------
    WinningCoalitionsResult
        ``concept="minimum-weight"``: the minimal winning coalitions of smallest total weight
        (of fewest members for a game without weights), with their weights.

    References
    ----------
    .. [1] Riker, W. H. (1962). *The Theory of Political Coalitions*. Yale University Press.

    Examples
    --------
    >>> from coalitions.formation import minimum_weight_coalitions
    >>> minimum_weight_coalitions(51, [40, 30, 20, 10], players=["A", "B", "C", "D"]).coalitions
    (('A', 'C'), ('B', 'C', 'D'))
    """
    listed = minimal_winning_coalitions(game, weights, players=players)
    sizes = listed.weights if listed.weights else tuple(map(len, listed.coalitions))
    keep = [k for k, size in enumerate(sizes) if size == min(sizes)]
    return replace(
        listed,
        coalitions=tuple(listed.coalitions[k] for k in keep),
        weights=tuple(listed.weights[k] for k in keep) if listed.weights else (),
        concept="minimum-weight",
    )


@front_door(WINNING_METHODS)
def minimal_connected_winning_coalitions(
    game: Any,
    weights: Sequence[Any] | None = None,
    *,
    players: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    method: str = "enumeration",
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
    method : {"enumeration"}
        Walk the intervals of the line (by prefix sums for a weighted game; the only method).

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
    game = as_simple_game(
        game, "minimal_connected_winning_coalitions", weights=weights, players=players
    )
    n, names = game.n_players, game.players
    if order is None:
        line = list(range(n))
    else:
        listed = name_list(order, "order", InvalidGameError)
        if set(listed) != set(names) or len(set(listed)) != len(listed):
            raise InvalidGameError(
                f"order must list every player exactly once; the players are "
                f"{', '.join(map(repr, names))}."
            )
        line = [names.index(p) for p in listed]
    found: list[tuple[int, int]] = []
    if isinstance(game, WeightedVotingGame):
        # intervals by prefix sums along the line: O(n log n), any n
        quota = game.int_quota
        prefix = [0, *accumulate(game.int_weights[k] for k in line)]
        for left in range(n):
            # the shortest winning interval from this left end ...
            end = bisect_left(prefix, prefix[left] + quota, lo=left + 1)
            if end > n:
                break
            # ... is minimal when it loses without its left end (without its right end it
            # is shorter, so it loses)
            if end == left + 1 or prefix[end] - prefix[left + 1] < quota:
                found.append((left, end - 1))
    else:

        def wins(a: int, b: int) -> bool:
            return a <= b and game.is_winning([names[line[k]] for k in range(a, b + 1)])

        for left in range(n):
            for right in range(left, n):
                if wins(left, right):
                    if left == right or not (wins(left + 1, right) or wins(left, right - 1)):
                        found.append((left, right))
                    break  # longer intervals from this left end contain a winning one
    coalitions = tuple(tuple(names[line[k]] for k in range(a, b + 1)) for a, b in found)
    totals = ()
    if isinstance(game, WeightedVotingGame):
        totals = tuple(
            nb.int_if_integral(sum((game.weights[line[k]] for k in range(a, b + 1)), Fraction(0)))
            for a, b in found
        )
    return WinningCoalitionsResult(
        coalitions=coalitions,
        weights=totals,
        players=names,
        quota=game.quota if isinstance(game, WeightedVotingGame) else None,
        concept="minimal-connected-winning",
        exact=True,
        method="enumeration",
    )
