"""Structural checks of simple games: proper, strong, decisive, veto players, dummies,
minimal winning and minimal blocking coalitions.

A simple game is *proper* when no two disjoint coalitions both win (a coalition and its
complement never both win), *strong* when a coalition and its complement never both lose, and
*decisive* when it is both (exactly one of S and N \\ S wins). A *veto player* belongs to every
winning coalition; a *dummy* is never critical (zero swings). A coalition is *blocking* when its
complement loses.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._bits import mask_members, minimal_masks, threshold_minimal_masks
from ..exceptions import TooLargeError
from ..games.simple import (MAX_ENUMERATION_PLAYERS, SimpleGame, WeightedVotingGame,
                            as_simple_game)
from ..games.tu import TUGame
from . import _engines as en

__all__ = ["is_proper", "is_strong", "is_decisive", "veto_players", "dummy_players",
           "minimal_winning_coalitions", "minimal_blocking_coalitions",
           "MAX_LISTED_COALITIONS"]

#: Largest total integer weight for the subset-sum checks of weighted games.
MAX_SUBSET_SUM_WEIGHT = 10**7


def _subset_sums(game: WeightedVotingGame) -> np.ndarray | None:
    total = sum(game.int_weights)
    if total > MAX_SUBSET_SUM_WEIGHT:
        return None
    reach = np.zeros(total + 1, dtype=bool)
    reach[0] = True
    for w in game.int_weights:
        if w:
            reach[w:] |= reach[:-w].copy()
    return reach


def _some_weight_between(game: WeightedVotingGame, low: int, high: int, kind: str) -> bool:
    """Does some coalition weigh between ``low`` and ``high`` (inclusive, 1 <= low, high <
    total)? The number of coalitions of weight >= low minus those of weight > high, counted
    exactly (generating functions, decision diagram or meet in the middle)."""
    if low > high:
        return False
    weights, players = game.int_weights, game.players
    try:
        at_least = [en.swing_counts(WeightedVotingGame(quota, weights, players), "exact",
                                    by_size=False, function=f"is_{kind}").winning()
                    for quota in (low, high + 1)]
    except TooLargeError as error:
        raise TooLargeError(
            f"checking whether this {game.n_players}-player weighted game is {kind} needs "
            f"exact counts of the coalitions weighing {low} to {high}: {error}") from None
    return at_least[0] > at_least[1]


def _violation(game: Any, kind: str) -> bool:
    n = game.n_players
    if isinstance(game, WeightedVotingGame):
        reach = _subset_sums(game)
        q, total = game.int_quota, sum(game.int_weights)
        if reach is not None:
            sums = np.flatnonzero(reach)
            if kind == "proper":
                return bool(np.any((sums >= q) & (total - sums >= q)))
            return bool(np.any((sums < q) & (total - sums < q)))
        # proper fails when some S and N \ S both win: q <= w(S) <= total - q; strong fails
        # when both lose: total - q < w(S) < q
        if kind == "proper":
            return _some_weight_between(game, q, total - q, kind)
        return _some_weight_between(game, total - q + 1, q - 1, kind)
    if n <= 20 or isinstance(game, SimpleGame):
        win = game.winning_table()
        if kind == "proper":
            return bool(np.any(win & win[::-1]))
        return bool(np.any(~win & ~win[::-1]))
    if en._mitm_fits(game):
        return en.mitm_exists(game, kind)
    raise TooLargeError(f"checking whether a {n}-player compound game is {kind} needs "
                        f"enumeration (at most 20 players here) or meet in the middle (at "
                        f"most {en.MAX_MITM_PLAYERS} players, weight sums below 2**60).")


def is_proper(game: Any) -> bool:
    """True when a coalition and its complement never both win.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_proper(co.WeightedVotingGame(2, [1, 1, 1])), co.is_proper(co.WeightedVotingGame(1, [1, 1]))
    (True, False)
    """
    game = as_simple_game(game, "is_proper")
    return not _violation(game, "proper")


def is_strong(game: Any) -> bool:
    """True when a coalition and its complement never both lose (no deadlock).

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_strong(co.WeightedVotingGame(2, [1, 1, 1])), co.is_strong(co.WeightedVotingGame(3, [1, 1, 1, 1]))
    (True, False)
    """
    game = as_simple_game(game, "is_strong")
    return not _violation(game, "strong")


def is_decisive(game: Any) -> bool:
    """True when exactly one of every coalition and its complement wins (proper and strong).

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_decisive(co.WeightedVotingGame(2, [1, 1, 1]))
    True
    """
    return is_proper(game) and is_strong(game)


def veto_players(game: Any, **kwargs: Any) -> list[str]:
    """Members in every winning coalition: ``N \\ {i}`` loses. TU games are passed on to
    :func:`coalitions.veto_players`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.power.veto_players(co.datasets.un_security_council())
    ['China', 'France', 'Russian Federation', 'United Kingdom', 'United States']
    """
    if isinstance(game, TUGame):
        from ..games.properties import veto_players as tu_veto

        return tu_veto(game, **kwargs)
    game = as_simple_game(game, "veto_players")
    # row i: everybody but member i (a boolean matrix, so any n fits)
    loses = ~game.winning_matrix(~np.eye(game.n_players, dtype=bool))
    return [p for p, flag in zip(game.players, loses) if flag]


def dummy_players(game: Any, *, method: str = "auto", **kwargs: Any) -> list[str]:
    """Members who are never critical (zero Banzhaf swings). TU games are passed on to
    :func:`coalitions.dummy_players`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.power.dummy_players(co.datasets.eec_council_1958())
    ['Luxembourg']
    """
    if isinstance(game, TUGame):
        from ..games.properties import dummy_players as tu_dummy

        return tu_dummy(game, **kwargs)
    from .indices import banzhaf_index

    result = banzhaf_index(game, normalized=False, method=method)
    return [p for p, v in zip(result.players, result.x) if v == 0]


#: Most coalitions listed by :func:`minimal_winning_coalitions` and
#: :func:`minimal_blocking_coalitions` for a large weighted game.
MAX_LISTED_COALITIONS = 200_000
#: Above this many players, weighted games are listed without the 2**n table.
_TABLE_PLAYERS = 20


def _minimal(game: Any, function: str, blocking: bool) -> list[tuple[str, ...]]:
    n = game.n_players
    if isinstance(game, WeightedVotingGame) and n > _TABLE_PLAYERS:
        weights = game.int_weights
        # S blocks when N \ S loses: w(S) > total - q, i.e. S wins [total - q + 1; w]
        quota = sum(weights) - game.int_quota + 1 if blocking else game.int_quota
        masks = threshold_minimal_masks(weights, quota, MAX_LISTED_COALITIONS)
        if masks is None:
            raise TooLargeError(
                f"{function}: this {n}-player game has more than {MAX_LISTED_COALITIONS:,} "
                "minimal coalitions, too many to list. Count-based indices need no list: "
                "banzhaf_index, shapley_shubik_index, coleman_power_to_act.")
        return _named(game, masks)
    if n > MAX_ENUMERATION_PLAYERS:
        raise TooLargeError(
            f"{function} lists the minimal coalitions of a {type(game).__name__} from its "
            f"2**{n} coalitions; the limit is {MAX_ENUMERATION_PLAYERS} players (a "
            "WeightedVotingGame of any size is listed without the table).")
    win = game.winning_table()
    masks = minimal_masks(~win[::-1] if blocking else win, n)
    return _named(game, masks)


def minimal_winning_coalitions(game: Any) -> list[tuple[str, ...]]:
    """The minimal winning coalitions (every member critical).

    Weighted games of any size are listed in about n log n steps per coalition (players by
    decreasing weight; a losing partial coalition is extended only while it can still win),
    up to :data:`MAX_LISTED_COALITIONS`; other simple games by enumeration (n <= 25).

    Raises
    ------
    TooLargeError
        More than :data:`MAX_LISTED_COALITIONS` coalitions, or a game other than a weighted
        one with more than 25 players.

    Examples
    --------
    >>> import coalitions as co
    >>> co.power.minimal_winning_coalitions(co.WeightedVotingGame(3, [2, 1, 1], ["A", "B", "C"]))
    [('A', 'B'), ('A', 'C')]
    """
    game = as_simple_game(game, "minimal_winning_coalitions")
    return _minimal(game, "minimal_winning_coalitions", blocking=False)


def minimal_blocking_coalitions(game: Any) -> list[tuple[str, ...]]:
    """The minimal blocking coalitions (their complement loses), listed as in
    :func:`minimal_winning_coalitions`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.minimal_blocking_coalitions(co.WeightedVotingGame(3, [2, 1, 1], ["A", "B", "C"]))
    [('A',), ('B', 'C')]
    """
    game = as_simple_game(game, "minimal_blocking_coalitions")
    return _minimal(game, "minimal_blocking_coalitions", blocking=True)


def _named(game: Any, masks: Any) -> list[tuple[str, ...]]:
    """Coalitions by size, then by their members' positions (the order of the players)."""
    players = game.players
    members = [mask_members(int(m), len(players)) for m in masks]
    members.sort(key=lambda c: (len(c), c))
    return [tuple(players[i] for i in c) for c in members]
