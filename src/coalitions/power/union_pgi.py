r"""Public Good indices of simple games with a priori unions: union, solidarity and threat.

The players are partitioned into unions (precoalitions) ``P = {P_1, ..., P_m}``. The
*quotient game* ``v^P`` has the unions as players: a set ``R`` of unions wins when the union
of its members wins in ``v``. Write ``PGI`` for Holler's public good index
(:func:`~coalitions.power.indices.holler_index`: a player's share of the memberships in
minimal winning coalitions) and ``k(i)`` for the union of player ``i``.

=====================  ==================================================================
union PGI              ``PGI_k(v^P) / sum_l |P_l| PGI_l(v^P)`` for every ``i`` in ``P_k``
solidarity PGI         ``PGI_k(v^P) / |P_k|``
threat PGI (``t``)     ``PGI_k(v^P) tau_i / sum_{j in P_k} tau_j``, where ``tau_i`` is
                       ``i``'s PGI in the quotient game of the threat partition ``t``
=====================  ==================================================================

The three threat partitions of Holler and Nohn (2009) say what happens when ``i`` leaves
its union ``P_k``:

1. every union breaks up (all players alone): ``tau_i = PGI_i(v)``;
2. ``P_k`` breaks up into singletons, the other unions stay: ``tau_i`` is ``i``'s PGI in the
   quotient game of ``{P_l : l != k} + {{j} : j in P_k}`` (the same game for all of ``P_k``);
3. only ``i`` leaves, the rest of ``P_k`` stays together: ``tau_i`` is the PGI of ``{i}`` in
   the quotient game of ``{P_l : l != k} + {{i}, P_k - {i}}``.

When every ``tau_j`` of a union is zero the union's share is split equally (under threats 1
and 2 that happens only when the union's share is zero).

Every quotient game is built in the game's own kind (weighted games give weighted quotient
games with the summed weights, compound games compounds of them), so the minimal winning
coalitions of weighted bodies are counted by dynamic programming, never over ``2**n``.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import numpy as np

from .._bits import subset_sums
from .._checks import check_integer, front_door, union_members
from .._docstrings import fill_doc
from ..exceptions import TooLargeError
from ..games.simple import CompoundGame, SimpleGame, WeightedVotingGame, as_simple_game
from ..results import PowerIndexResult
from ._engines import MINIMAL_METHODS
from .indices import _result, holler_index

__all__ = [
    "union_public_good_index",
    "solidarity_public_good_index",
    "threat_public_good_index",
]


def _quotient(game: Any, blocks: list[list[int]]) -> Any:
    """The game played by ``blocks`` (disjoint lists of player indices covering everybody)
    as single players, in the kind of ``game``."""
    labels = [f"U{k + 1}" for k in range(len(blocks))]
    if isinstance(game, WeightedVotingGame):
        weights = game.int_weights
        return WeightedVotingGame(
            game.int_quota, [sum(weights[i] for i in block) for block in blocks], labels
        )
    if isinstance(game, CompoundGame):
        return CompoundGame(game.operator, [_quotient(part, blocks) for part in game.parts])
    # a SimpleGame (its table has at most 2**25 entries): read the coalitions of blocks
    bits = np.array([sum(1 << i for i in block) for block in blocks], dtype=np.int64)
    wins = game.winning_masks(subset_sums(bits, op=np.bitwise_or))
    return SimpleGame(labels, winning=np.flatnonzero(wins).tolist())


def _pgi(game: Any, blocks: list[list[int]], method: str, function: str) -> tuple[list, str]:
    """Holler's index of the quotient game of ``blocks`` (one Fraction per block)."""
    try:
        result = holler_index(_quotient(game, blocks), method=method)
    except TooLargeError as error:
        raise TooLargeError(
            f"{function} needs Holler's index of a quotient game of {len(blocks)} players: {error}"
        ) from None
    return list(result.x), result.method


def _setup(game: Any, unions: Any, function: str):
    game = as_simple_game(game, function)
    return game, union_members(game.players, unions)


def _answer(game: Any, values: list, concept: str, method: str) -> PowerIndexResult:
    return _result(game, values, exact=True, concept=concept, method=method, normalized=True)


_REFERENCES = {
    "union": """
        References
        ----------
        .. [1] Alonso-Meijide, J. M., Casas-Méndez, B., Holler, M. J. and Lorenzo-Freire, S.
           (2010). Two variations of the Public Good Index for games with a priori unions.
           *Control and Cybernetics* 39(3).
        .. [2] Alonso-Meijide, J. M., Casas-Méndez, B., Fiestras-Janeiro, M. G., Holler, M. J.
           and Nohn, A. (2010). Axiomatizations of public good indices with a priori unions.
           *Social Choice and Welfare* 35.
        .. [3] Holler, M. J. (1982). Forming coalitions and measuring voting power. *Political
           Studies* 30(2), 262-271.""",
    "threat": """
        References
        ----------
        .. [1] Holler, M. J. and Nohn, A. (2009). The Public Good Index with threats in a
           priori unions. *Homo Oeconomicus* 26 (Essays in Honor of Hannu Nurmi).
        .. [2] Alonso-Meijide, J. M., Casas-Méndez, B., Fiestras-Janeiro, M. G., Holler, M. J.
           and Nohn, A. (2010). Axiomatizations of public good indices with a priori unions.
           *Social Choice and Welfare* 35.
        .. [3] Staudacher, J. (2025). Power indices with threats in precoalitions. *Games*
           16(5), 41.""",
}

#: The docstring sections the three indices share.
_DOC = {
    "parameters": """
        Parameters
        ----------
        game : SimpleGame, WeightedVotingGame, CompoundGame or 0/1 TUGame
            Weighted games (and compounds of them) are reduced to weighted quotient games.
        unions : iterable of iterables of player names
            Disjoint blocs; players not listed form singleton unions.""",
    "method": """
        method : {"auto", "exact", "enumeration"}, default "auto"
            How each quotient game's minimal winning coalitions are counted (as in
            :func:`holler_index`): ``"exact"`` by dynamic programming over (size, weight)
            for weighted games, ``"enumeration"`` over its ``2**m`` coalitions (at most 25
            players), ``"auto"`` the first where it applies.""",
    "raises": """
        Raises
        ------
        InvalidGameError
            Unknown players, overlapping or empty unions (the errors of :func:`owen_index`), or
            a game that is not simple.
        TooLargeError
            When a quotient game is too large for the counting method.""",
}


@front_door(MINIMAL_METHODS)
@fill_doc(references=_REFERENCES["union"], **_DOC)
def union_public_good_index(
    game: Any, unions: Iterable[Iterable[str]], *, method: str = "auto"
) -> PowerIndexResult:
    r"""The union Public Good index: each minimal winning coalition of unions gives one unit
    to every member of every union in it (the public good is shared by all of them alike).

    .. math::

        \Pi_i(v, P) = \frac{|M_k(v^P)|}{\sum_{l=1}^m |P_l|\,|M_l(v^P)|}
        \qquad (i \in P_k)

    with ``M_k(v^P)`` the minimal winning coalitions of the quotient game containing union
    ``k``. Members of a union get equal power, a union's total is proportional to its size
    times its quotient-game count.

    {{parameters}}
    {{method}}

    Returns
    -------
    PowerIndexResult
        Exact Fractions summing to one. With singleton unions it is :func:`holler_index`;
        with one union of everybody every player gets ``1/n``.

    {{raises}}

    {{references}}

    Examples
    --------
    In ``[6; 4, 3, 2, 1]`` the pair ``{A, D}`` bargains as one (weight 5): the minimal winning
    coalitions of unions are ``{AD, B}`` and ``{AD, C}``, so the pair counts twice per member.

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(6, [4, 3, 2, 1], ["A", "B", "C", "D"])
    >>> [str(v) for v in co.union_public_good_index(g, [["A", "D"]]).x]
    ['1/3', '1/6', '1/6', '1/3']
    """
    game, blocks = _setup(game, unions, "union_public_good_index")
    pgi, used = _pgi(game, blocks, method, "union_public_good_index")
    total = sum((len(block) * p for block, p in zip(blocks, pgi)), Fraction(0))
    values: list[Any] = [Fraction(0)] * game.n_players
    for block, p in zip(blocks, pgi):
        for i in block:
            values[i] = p / total
    return _answer(game, values, "union-public-good", used)


@front_door(MINIMAL_METHODS)
@fill_doc(references=_REFERENCES["union"], **_DOC)
def solidarity_public_good_index(
    game: Any, unions: Iterable[Iterable[str]], *, method: str = "auto"
) -> PowerIndexResult:
    r"""The solidarity Public Good index: the unions share power as the Public Good index of
    the quotient game says, and each union splits its share equally among its members.

    .. math:: \Lambda_i(v, P) = \frac{PGI_k(v^P)}{|P_k|} \qquad (i \in P_k)

    {{parameters}}
    {{method}}

    Returns
    -------
    PowerIndexResult
        Exact Fractions summing to one; each union's total is its quotient-game PGI. With
        singleton unions it is :func:`holler_index`; with one union of everybody every
        player gets ``1/n``.

    {{raises}}

    {{references}}

    Examples
    --------
    The body of :func:`union_public_good_index`: the quotient game ``[6; 5, 3, 2]`` gives
    the pair ``{A, D}`` one half (it is in both minimal winning coalitions, B and C in one
    each), split equally.

    >>> import coalitions as co
    >>> body = co.WeightedVotingGame(6, [4, 3, 2, 1], players=["A", "B", "C", "D"])
    >>> [str(v) for v in co.solidarity_public_good_index(body, [["A", "D"]]).x]
    ['1/4', '1/4', '1/4', '1/4']
    """
    game, blocks = _setup(game, unions, "solidarity_public_good_index")
    pgi, used = _pgi(game, blocks, method, "solidarity_public_good_index")
    values: list[Any] = [Fraction(0)] * game.n_players
    for block, p in zip(blocks, pgi):
        for i in block:
            values[i] = p / len(block)
    return _answer(game, values, "solidarity-public-good", used)


@front_door(MINIMAL_METHODS)
@fill_doc(references=_REFERENCES["threat"], **_DOC)
def threat_public_good_index(
    game: Any, unions: Iterable[Iterable[str]], *, threat: int, method: str = "auto"
) -> PowerIndexResult:
    r"""A threat Public Good index (Holler and Nohn 2009): the unions share power as the
    Public Good index of the quotient game says, and each union splits its share in
    proportion to its members' threat power, their PGI when they leave the union.

    .. math::

        T_i(v, P) = PGI_k(v^P)\,\frac{\tau_i}{\sum_{j \in P_k} \tau_j}
        \qquad (i \in P_k),
        \qquad \tau_i = PGI_i\bigl(v^{\,\theta(P, i)}\bigr)

    where ``theta(P, i)`` is the threat partition (``v^Q`` the quotient game of ``Q``):

    1. all players alone: ``theta(P, i) = {{j} : j in N}``, so ``tau_i = PGI_i(v)``;
    2. ``i``'s union breaks up, the others stay: ``{P_l : l != k} + {{j} : j in P_k}``;
    3. only ``i`` leaves: ``{P_l : l != k} + {{i}, P_k - {i}}``.

    When ``sum_{j in P_k} tau_j = 0`` the union's share is split equally; under threats 1 and
    2 this happens only when the share is zero, under threat 3 it happens when no member
    alone can swing the rest of its union (e.g. a union of three under a majority of them).

    {{parameters}}
    threat : {1, 2, 3}
        The threat partition (above).
    {{method}}

    Returns
    -------
    PowerIndexResult
        Exact Fractions summing to one; each union's total is its quotient-game PGI. With
        singleton unions it is :func:`holler_index`; with one union of everybody, threats 1
        and 2 give :func:`holler_index` too.

    {{raises}}
    InvalidArgumentError
        If ``threat`` is not 1, 2 or 3.

    Notes
    -----
    Threat 1 needs the PGI of the whole game once; threat 2 one quotient game per union of
    two or more members; threat 3 one per member of such a union. Singleton unions keep
    their quotient-game share. Staudacher (2025) restates the definitions for other efficient
    indices and proposes a variant of the equal split that gives null players nothing; the
    equal split here is the original one.

    {{references}}

    Examples
    --------
    In ``[4; 2, 1, 1, 1, 1]`` the union ``{A, D, E}`` (weight 4) wins alone, so it holds all
    the power and ``{B, C}`` none; the threats decide how the union splits it. Alone (threat
    1) A is in six of the game's seven minimal winning coalitions and D, E in four each;
    when the union breaks up (2), A, D and E are in two of the three; when only A leaves
    (3) A faces two blocs of weight 2 (index 1/3), when D leaves it faces ``{A, E}`` and
    ``{B, C}`` (index 1/4).

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(4, [2, 1, 1, 1, 1], ["A", "B", "C", "D", "E"])
    >>> for t in (1, 2, 3):
    ...     x = co.threat_public_good_index(g, [["A", "D", "E"], ["B", "C"]], threat=t).x
    ...     print(t, [str(v) for v in x])
    1 ['3/7', '0', '0', '2/7', '2/7']
    2 ['1/3', '0', '0', '1/3', '1/3']
    3 ['2/5', '0', '0', '3/10', '3/10']
    """
    function = "threat_public_good_index"
    threat = check_integer(threat, "threat (the threat partition)", function, low=1, high=3)
    game, blocks = _setup(game, unions, function)
    pgi, used = _pgi(game, blocks, method, function)
    alone: list = []
    if threat == 1 and any(len(block) > 1 for block in blocks):
        alone, _ = _pgi(game, [[i] for i in range(game.n_players)], method, function)
    values: list[Any] = [Fraction(0)] * game.n_players
    for k, block in enumerate(blocks):
        if len(block) == 1:
            values[block[0]] = pgi[k]
            continue
        others = [b for j, b in enumerate(blocks) if j != k]
        if threat == 1:
            tau = [alone[i] for i in block]
        elif threat == 2:
            tau = _pgi(game, [[i] for i in block] + others, method, function)[0][: len(block)]
        else:
            tau = [
                _pgi(game, [[i], [j for j in block if j != i], *others], method, function)[0][0]
                for i in block
            ]
        total = sum(tau, Fraction(0))
        for i, t in zip(block, tau):
            values[i] = pgi[k] * t / total if total else pgi[k] / len(block)
    return _answer(game, values, f"threat-public-good-{threat}", used)
