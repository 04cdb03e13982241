r"""The null-player-free indices ``f^np`` and ``g^np`` of Álvarez-Mozos, Ferreira,
Alonso-Meijide and Pinto (2015): the Deegan-Packel and Holler (public good) constructions
over every winning coalition free of null players instead of the minimal winning ones.

Let ``N^0`` be the null players of a simple game (never critical, no swing), ``W^np`` the
winning coalitions that contain no null player and ``W_i^np`` those among them containing
``i``. For a player ``i`` who is not null,

=========  ===========================================================================
``f^np``   ``(1 / |W^np|) sum_{S in W_i^np} 1 / |S|`` (a coalition of ``W^np`` drawn at
           random shares one unit equally among its members)
``g^np``   ``|W_i^np| / sum_k |W_k^np|`` (memberships of ``W^np``, normalised)
=========  ===========================================================================

and null players get 0. Both sum to one.

A coalition ``S`` wins exactly when ``S - N^0`` wins, so ``W^np`` are the winning coalitions
of the game restricted to the players who are not null (for a weighted game: the same quota
over their weights), and every winning coalition containing ``i`` is one of ``W_i^np``
together with any set of null players: ``|W_i| = 2^{|N^0|} |W_i^np|``. Hence ``g^np`` is the
Public Help index ``theta`` renormalised over the players who are not null (the swing counts
of :func:`~coalitions.banzhaf_index`, ``|W_i| = (|W| + eta_i) / 2``), and ``f^np`` takes the
winning coalitions by size of the restricted game (generating functions over size and
weight). Weighted games are counted by dynamic programming, never over ``2**n``; other
simple games through their table (at most 25 players).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .._bits import subset_sums
from .._checks import front_door
from .._docstrings import fill_doc
from ..games.simple import SimpleGame, WeightedVotingGame, as_simple_game
from ..results import PowerIndexResult
from . import _engines as en
from .indices import EXACT_COUNT_METHODS, METHODS, _exact, _exact_counts, _result

__all__ = ["null_player_free_f_index", "null_player_free_g_index"]


def _swings(game: Any, method: str, function: str) -> tuple[list[int], int, str]:
    """Each player's swings, the number of winning coalitions and the method used."""
    counts = _exact_counts(game, method, function, by_size=False)
    return counts.swings(), counts.winning(), counts.method


def _restricted(game: Any, keep: list[int]) -> Any:
    """The game on the players ``keep`` (a coalition of them wins as it does in ``game``):
    a weighted game keeps its quota, any other simple game is read from its table."""
    players = [game.players[i] for i in keep]
    if isinstance(game, WeightedVotingGame):
        weights = game.int_weights
        return WeightedVotingGame(game.int_quota, [weights[i] for i in keep], players)
    bits = np.array([1 << i for i in keep], dtype=np.int64)
    wins = game.winning_masks(subset_sums(bits, op=np.bitwise_or))
    return SimpleGame(players, winning=np.flatnonzero(wins).tolist())


_SECTIONS = {
    "parameters": """
        Parameters
        ----------
        game : SimpleGame, WeightedVotingGame or CompoundGame
            Weighted games are counted by generating functions over the weights; compound
            and listed games through the table of their coalitions (at most 25 players).""",
    "raises": """
        Raises
        ------
        TooLargeError
            When no exact counting engine fits the game (the message names what does).
        InvalidGameError
            If ``game`` is not a simple game.""",
    "references": """
        References
        ----------
        .. [1] Álvarez-Mozos, M., Ferreira, F., Alonso-Meijide, J. M. and Pinto, A. A.
           (2015). Characterizations of power indices based on null player free winning
           coalitions. *Optimization* 64(3) (Definitions 4.1 and 4.2).
        .. [2] Staudacher, J. (2025). Power indices with threats in precoalitions. *Games*
           16(5), 41.""",
    "example": """
        Examples
        --------
        In the Council of the EEC (1958) Luxembourg is a null player. ``W^np`` are the 7
        winning coalitions of France, Germany and Italy (weight 4), Belgium and the
        Netherlands (2), quota 12: the three large members with any set of the small ones (4
        coalitions, of sizes 3, 4, 4, 5) and two large members with both small ones (3, of
        size 4). France is in 6 of them, Belgium in 5.""",
}


@front_door(METHODS)
@fill_doc(**_SECTIONS)
def null_player_free_f_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The null-player-free index ``f^np``: a winning coalition without null players is
    drawn at random and shares one unit equally among its members.

    .. math::

        f_i^{np} = \frac{1}{|W^{np}|} \sum_{S \in W_i^{np}} \frac{1}{|S|}
        \quad (i \notin N^0), \qquad f_i^{np} = 0 \quad (i \in N^0)

    with ``W^np`` the winning coalitions containing no null player ``N^0`` and ``W_i^np``
    those containing ``i`` (the Deegan-Packel index with ``W^np`` in place of the minimal
    winning coalitions).

    {{parameters}}
    method : {"auto", "exact", "bdd", "mitm", "enumeration", "float"}, default "auto"
        The counting engine, as in :func:`~coalitions.shapley_shubik_index`: ``"auto"``
        counts exactly when that costs about a second, else (a large weighted body) takes
        ``"float"``, a Gauss-Legendre integral over the weight distribution (see Notes).

    Returns
    -------
    PowerIndexResult
        Exact Fractions summing to one, ``denominator`` ``|W^np|``; with ``method="float"``
        floats (``exact=False``).

    {{raises}}

    Notes
    -----
    The winning coalitions of the game restricted to the players who are not null are
    ``W^np``; their counts by size, ``W^np(s)`` and ``W_i^np(s) = W^np(s - 1) - W_i^np(s - 1)
    + eta_i(s - 1)`` (the swings by size), give ``f_i = sum_s W_i^np(s) / s / |W^np|``. EPIC
    calls this index ``PIF`` (its raw form ``RPIF`` is the sum without ``1 / |W^np|``).

    The float method needs no counts by size: since ``1/|S|`` is the integral of
    ``x**(|S| - 1)`` over [0, 1], the sum over ``W_i^np`` is the integral of
    ``(1 + x)**(n - 1)`` times the probability that the others weigh at least ``q - w_i``
    when each joins with probability ``x / (1 + x)``, a polynomial of degree ``n - 1``
    that Gauss-Legendre integrates exactly with ``n // 2 + 1`` nodes (the float
    Shapley-Shubik engine's integral with another weight); the null players are found
    exactly first, from the swing totals.

    {{references}}

    {{example}}

    >>> import coalitions as co
    >>> eec = co.datasets.eec_council_1958()
    >>> [str(v) for v in co.null_player_free_f_index(eec).x]
    ['23/105', '23/105', '23/105', '6/35', '6/35', '0']
    """
    function = "null_player_free_f_index"
    game = as_simple_game(game, function)
    # the null players exactly (swing totals cost what the Banzhaf index costs)
    swings, _, _ = _swings(game, "auto" if method == "float" else method, function)
    keep = [i for i, s in enumerate(swings) if s]
    small = _restricted(game, keep)
    counts = en.swing_counts(small, method, by_size=True, function=function)
    if counts is None:  # the float method: exact counts by size would cost too much
        shares = en.harmonic_membership_float(small)
        floats = np.zeros(game.n_players)
        floats[keep] = shares
        return _result(game, floats, exact=False, concept="null-player-free-f", method="float")
    containing = en.winning_with(counts)
    total = sum(int(c) for c in counts.winning_by_size)
    values = [Fraction(0)] * game.n_players
    for i, row in zip(keep, containing):
        share = sum((Fraction(c, s) for s, c in enumerate(row) if s and c), Fraction(0))
        values[i] = share / total
    return _exact(game, "null-player-free-f", counts.method, total, values=values, normalized=True)


@front_door(EXACT_COUNT_METHODS)
@fill_doc(**_SECTIONS)
def null_player_free_g_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The null-player-free index ``g^np``: the winning coalitions without null players
    that contain a player, normalised.

    .. math::

        g_i^{np} = \frac{|W_i^{np}|}{\sum_{k \in N} |W_k^{np}|}

    with ``W_i^np`` the winning coalitions containing ``i`` and no null player (empty for a
    null player, who gets 0): the Public Good (Holler) index with ``W^np`` in place of the
    minimal winning coalitions.

    {{parameters}}
    method : {"auto", "exact", "bdd", "mitm", "enumeration"}, default "auto"
        The exact counting engine, as in :func:`~coalitions.banzhaf_index` (``"auto"``: any
        that fits).

    Returns
    -------
    PowerIndexResult
        Exact Fractions summing to one; ``counts`` are ``|W_i^np|``, ``denominator`` their
        sum.

    {{raises}}

    Notes
    -----
    Adding any set of null players to a coalition keeps it winning or losing, so
    ``|W_i| = 2^{|N^0|} |W_i^np|`` and ``g^np`` is the Public Help index
    (:func:`~coalitions.public_help_index`) renormalised over the players who are not null;
    ``|W_i| = (|W| + eta_i) / 2`` comes from the swings (the Dubey-Shapley identity), so the
    index costs what the Banzhaf index costs. EPIC calls it ``PIG`` (raw form ``RPIG``:
    ``|W_i^np|``; absolute form ``APIG``: ``|W_i^np| / |W^np|``).

    {{references}}

    {{example}}

    >>> import coalitions as co
    >>> eec = co.datasets.eec_council_1958()
    >>> g = co.null_player_free_g_index(eec)
    >>> [str(v) for v in g.x], g.counts
    (['3/14', '3/14', '3/14', '5/28', '5/28', '0'], (6, 6, 6, 5, 5, 0))
    """
    function = "null_player_free_g_index"
    game = as_simple_game(game, function)
    swings, win, used = _swings(game, method, function)
    nulls = sum(1 for s in swings if s == 0)
    # |W_i^np| = |W_i| / 2**nulls with |W_i| = (|W| + eta_i) / 2
    containing = [((win + s) // 2) >> nulls if s else 0 for s in swings]
    return _exact(game, "null-player-free-g", used, sum(containing), containing, normalized=True)
