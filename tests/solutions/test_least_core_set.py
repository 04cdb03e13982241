"""The least core as a polytope: its vertices against a brute force that shares no code with
the solver (the least-core value from the brute-force prenucleolus's first stage, then every
choice of tight coalitions solved exactly)."""

from fractions import Fraction

import pytest
from _core_oracles import brute_force_nucleolus, polyhedron_vertices
from hypothesis import given, settings
from strategies import exact_games

import coalitions as co


def least_core_vertices_by_brute_force(values, n, cost=False):
    v = [Fraction(x) for x in values]
    full = (1 << n) - 1
    sign = -1 if cost else 1
    worths = [sign * x for x in v]  # a cost game's least core is the savings-side one
    x = brute_force_nucleolus(worths, n, imputation=False)  # the prenucleolus
    excesses = [worths[m] - sum(x[i] for i in range(n) if m >> i & 1) for m in range(1, full)]
    epsilon = max(excesses)  # the prenucleolus lies in the least core: its top excess is it
    rows = [[(m >> i) & 1 for i in range(n)] for m in range(1, full)]
    rhs = [worths[m] - epsilon for m in range(1, full)]
    vertices = polyhedron_vertices([[1] * n], [worths[full]], rows, rhs)
    return sorted(tuple(sign * c for c in p) for p in vertices), sign * epsilon


@settings(max_examples=25, deadline=None)
@given(exact_games(2, 4))
def test_least_core_vertices_match_the_brute_force(game):
    n = game.n_players
    result = co.least_core_set(game)
    expected, _ = least_core_vertices_by_brute_force(game.values.tolist(), n)
    assert sorted(tuple(v.tolist()) for v in result.vertices) == expected
    assert not result.is_empty
    assert all(isinstance(c, Fraction) for v in result.vertices for c in v.tolist())
    assert result.exact == (len(result.vertices) == 1)  # a centroid of several is a float
    assert co.is_in_least_core(game, co.prenucleolus(game).x)


def test_least_core_of_a_cost_game():
    """The airport game of costs 1, 2, 3: the least core is the segment between (1/2, 1/2, 2)
    and (1/2, 1, 3/2), whose midpoint is the nucleolus (Littlechild 1974)."""
    game = co.airport_game([1, 2, 3])
    result = co.least_core_set(game)
    half = Fraction(1, 2)
    assert [v.tolist() for v in result.vertices] == [[half, half, 2], [half, 1, Fraction(3, 2)]]
    expected, _ = least_core_vertices_by_brute_force(game.values.tolist(), 3, cost=True)
    assert sorted(tuple(v.tolist()) for v in result.vertices) == expected
    assert result.cost and result.x.tolist() == pytest.approx([0.5, 0.75, 1.75])
    assert co.nucleolus(game).x.tolist() == [half, Fraction(3, 4), Fraction(7, 4)]


def test_least_core_of_a_game_with_an_empty_core_is_a_point_here():
    assert [v.tolist() for v in co.least_core_set(co.majority_game(3)).vertices] == [
        [Fraction(1, 3)] * 3
    ]


def test_float_least_core_agrees_with_the_exact_one():
    game = co.airport_game([1, 2, 3, 5])
    exact = co.least_core_set(game)
    floats = co.least_core_set(game.to_float())
    assert len(exact.vertices) == len(floats.vertices) > 1
    for e, f in zip(exact.vertices, floats.vertices):
        assert [float(c) for c in e] == pytest.approx(f.tolist())


def test_least_core_set_refuses_large_games():
    with pytest.raises(co.TooLargeError, match="least_core_set"):
        co.least_core_set(co.majority_game(12))
