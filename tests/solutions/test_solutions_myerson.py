"""The Myerson value."""

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidGameError
from coalitions.solutions import graph_restricted_game, myerson_value


class FakeGraph:
    """networkx-like: .nodes and .edges, no networkx needed."""

    def __init__(self, nodes, edges):
        self.nodes, self.edges = list(nodes), list(edges)


def _complete(players):
    return list(combinations(players, 2))


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 7), seed=st.integers(0, 2**32 - 1))
def test_complete_graph_gives_shapley(n, seed):
    game = co.random_game(n, rng=seed, kind="exact")
    assert (
        myerson_value(game, _complete(game.players)).x.tolist() == co.shapley_value(game).x.tolist()
    )


def test_complete_graph_float_and_graph_objects():
    game = co.random_game(6, rng=1)
    graph = FakeGraph(game.players, _complete(game.players))
    assert myerson_value(game, graph).x == pytest.approx(co.shapley_value(game).x)
    adjacency = {p: [q for q in game.players if q != p] for p in game.players}
    assert myerson_value(game, adjacency).x == pytest.approx(co.shapley_value(game).x)


def _components(members, edges):
    members = set(members)
    parts = []
    while members:
        stack = [members.pop()]
        part = set(stack)
        while stack:
            a = stack.pop()
            for x, y in edges:
                for u, w in ((x, y), (y, x)):
                    if u == a and w in members:
                        members.discard(w)
                        part.add(w)
                        stack.append(w)
        parts.append(part)
    return parts


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 6), seed=st.integers(0, 2**32 - 1), data=st.data())
def test_graph_restricted_game_by_definition(n, seed, data):
    game = co.random_game(n, rng=seed, kind="exact")
    pairs = _complete(game.players)
    edges = data.draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    restricted = graph_restricted_game(game, edges)
    for mask in range(1 << n):
        members = game.coalition(mask)
        expected = sum((game.value(part) for part in _components(members, edges)), 0)
        assert restricted.values[mask] == expected
    # Component efficiency: each component of the whole graph shares its worth.
    mu = myerson_value(game, edges)
    for part in _components(game.players, edges):
        assert sum(mu[p] for p in part) == game.value(part)


def test_line_and_empty_graph():
    majority = co.majority_game(["a", "b", "c"])
    mu = myerson_value(majority, [("a", "b"), ("b", "c")])
    assert [str(v) for v in mu.x] == ["1/6", "2/3", "1/6"]
    assert mu.concept == "myerson" and mu.exact
    isolated = myerson_value(majority, [])
    assert isolated.x.tolist() == [0, 0, 0]


def test_errors():
    game = co.majority_game(["a", "b", "c"])
    with pytest.raises(InvalidGameError, match="not a player"):
        myerson_value(game, [("a", "z")])
    with pytest.raises(InvalidGameError, match="node 'z'"):
        myerson_value(game, FakeGraph(["a", "z"], []))
    with pytest.raises(InvalidGameError, match="pair of player names"):
        myerson_value(game, [("a",)])
    with pytest.raises(InvalidGameError, match="list of edges"):
        myerson_value(game, 3)


class CallableViews:
    """Like networkx: .nodes() and .edges() are callable views."""

    def __init__(self, nodes, edges):
        self._nodes, self._edges = list(nodes), list(edges)

    def nodes(self):
        return iter(self._nodes)

    def edges(self):
        return iter(self._edges)


def test_callable_graph_views():
    game = co.majority_game(["a", "b", "c"])
    mu = myerson_value(game, CallableViews(["a", "b", "c"], [("a", "b"), ("b", "c")]))
    assert [str(v) for v in mu.x] == ["1/6", "2/3", "1/6"]
