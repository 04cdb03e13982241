"""The Myerson value: the Shapley value of a game restricted by a communication graph."""

from __future__ import annotations

from typing import Any

import numpy as np

from .._bits import popcounts, subset_sums
from .._checks import front_door
from ..exceptions import InvalidGameError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result
from .shapley import shapley_value

__all__ = ["myerson_value", "graph_restricted_game"]


def _adjacency(graph: Any, game: TUGame) -> list[int]:
    """Neighbour masks of every player from an edge list, a mapping or a networkx-like
    graph (anything with ``.edges`` and optionally ``.nodes``)."""
    n = game.n_players
    if hasattr(graph, "edges") and not isinstance(graph, (list, tuple, set, frozenset)):
        edges = graph.edges() if callable(graph.edges) else graph.edges
        edges = list(edges)
        nodes = getattr(graph, "nodes", None)
        nodes = list(nodes() if callable(nodes) else nodes) if nodes is not None else []
    elif isinstance(graph, dict):
        nodes = list(graph)
        edges = [(a, b) for a, neighbours in graph.items() for b in neighbours]
    else:
        try:
            edges = list(graph)
        except TypeError:
            raise InvalidGameError(
                f"a graph must be a list of edges (pairs of player names), a mapping "
                f"{{player: neighbours}} or a networkx-like graph, got {type(graph).__name__}."
            ) from None
        nodes = []
    for node in nodes:
        if node not in game.players:
            raise InvalidGameError(
                f"the graph has node {node!r}, which is not a player of the game; the players "
                f"are {', '.join(map(repr, game.players))}."
            )
    adjacency = [0] * n
    for edge in edges:
        try:
            a, b = tuple(edge)[:2]
        except (TypeError, ValueError):
            raise InvalidGameError(
                f"each edge must be a pair of player names, got {edge!r}."
            ) from None
        for end in (a, b):
            if end not in game.players:
                raise InvalidGameError(
                    f"edge {edge!r} names {end!r}, which is not a player; the players are "
                    f"{', '.join(map(repr, game.players))}."
                )
        i, j = game.player_index(a), game.player_index(b)
        if i != j:
            adjacency[i] |= 1 << j
            adjacency[j] |= 1 << i
    return adjacency


def graph_restricted_game(game: TUGame, graph: Any) -> TUGame:
    r"""The graph-restricted game: a coalition earns what its connected parts earn.

    .. math:: v^g(S) = \sum_{C \in S/g} v(C),

    where ``S/g`` are the connected components of ``S`` in the graph restricted to ``S``.
    Players can only cooperate through links.

    Parameters
    ----------
    game : TUGame
    graph : edge list, mapping or graph object
        Edges as pairs of player names, a mapping ``{player: neighbours}``, or any object
        with ``.edges`` (and ``.nodes``) such as a networkx graph. Players without links are
        isolated.

    Notes
    -----
    Vectorised over all ``2**n`` coalitions at once: a table of the neighbours of every set
    is built by doubling; the component ``C(S)`` of the lowest member of every coalition grows
    by ``C <- (C | nbr(C)) & S`` (only the coalitions whose component still grows stay in
    the pass), and then ``v^g(S) = v(C(S)) + v^g(S \setminus C(S))`` fills the table layer by
    layer of coalition size. O(d 2**n) for a graph of diameter d, plus n gathers.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.majority_game(["a", "b", "c"])
    >>> line = co.graph_restricted_game(game, [("a", "b"), ("b", "c")])
    >>> line.value(["a", "c"]), line.value(["a", "b"])
    (Fraction(0, 1), Fraction(1, 1))
    """
    game = as_tu_game(game, "graph_restricted_game")
    n = game.n_players
    adjacency = _adjacency(graph, game)
    size = 1 << n
    dtype = np.int32 if n <= 30 else np.int64
    neighbours = subset_sums(np.array(adjacency, dtype=dtype), n, op=np.bitwise_or)
    # component[S]: the component of the lowest member of S inside S, grown by breadth-first
    # steps; a coalition leaves the active set as soon as its component stops growing.
    masks = np.arange(size, dtype=dtype)
    component = masks & -masks
    active = np.arange(1, size, dtype=dtype)
    while active.size:
        current = component[active]
        grown = (current | neighbours[current]) & masks[active]
        moving = grown != current
        component[active] = grown
        active = active[moving]
    del neighbours
    # v^g(S) = v(C(S)) + v^g(S minus C(S)); S minus C(S) has fewer members, so fill the table
    # by coalition size.
    values = game.values
    out = np.zeros(size, dtype=values.dtype)
    if values.dtype == object:
        out[:] = values[0]  # the zero of the game's number type
    sizes = popcounts(n)
    order = np.argsort(sizes, kind="stable").astype(dtype)
    bounds = np.searchsorted(sizes[order], np.arange(n + 2))
    for k in range(1, n + 1):
        layer = order[bounds[k] : bounds[k + 1]]
        parts = component[layer]
        out[layer] = values[parts] + out[layer ^ parts]
    return TUGame(out, game.players, cost=game.is_cost)


#: The choices of ``method=`` in :func:`myerson_value`.
MYERSON_METHODS = ("shapley-of-graph-game",)


@front_door(MYERSON_METHODS)
def myerson_value(
    game: TUGame, graph: Any, *, method: str = "shapley-of-graph-game"
) -> ValueResult:
    r"""The Myerson value: the Shapley value of the graph-restricted game.

    .. math:: \mu_i(v, g) = \phi_i(v^g), \qquad v^g(S) = \sum_{C \in S/g} v(C).

    It is the unique allocation rule that is component efficient (each connected component
    shares its worth) and fair (removing a link costs both its ends the same).

    Parameters
    ----------
    game : TUGame
    graph : edge list, mapping or graph object
        See :func:`graph_restricted_game`; networkx graphs work without networkx being a
        dependency.
    method : {"shapley-of-graph-game"}
        The Shapley value of the graph-restricted game (the only method).

    Returns
    -------
    ValueResult
        ``concept="myerson"``; numbers follow the game. On a complete graph it equals the
        Shapley value.

    Raises
    ------
    InvalidGameError
        If an edge names an unknown player or the graph has an unknown node.

    References
    ----------
    .. [1] Myerson, R. B. (1977). Graphs and cooperation in games. *Mathematics of
       Operations Research* 2(3), 225-229.

    Examples
    --------
    Three-player majority on a line a - b - c: the middle player links the others.

    >>> import coalitions as co
    >>> co.myerson_value(co.majority_game(["a", "b", "c"]),
    ...                  [("a", "b"), ("b", "c")]).x.tolist()
    [Fraction(1, 6), Fraction(2, 3), Fraction(1, 6)]
    """
    game = as_tu_game(game, "myerson_value")
    restricted = graph_restricted_game(game, graph)
    payoffs = shapley_value(restricted).x
    return as_result(game, payoffs, concept="myerson", method="shapley-of-graph-game")
