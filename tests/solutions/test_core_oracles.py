"""The core family against independent oracles that share no code with the solvers:
a brute-force nucleolus (its definition, by exact vertex enumeration), brute-force core
vertices, marginal vectors of convex games (Shapley 1971), and Littlechild's airport
recursion and the Littlechild-Owen formula."""

from fractions import Fraction

import numpy as np
import pytest
from _core_oracles import (
    brute_force_core_vertices,
    brute_force_nucleolus,
    littlechild_airport_nucleolus,
    littlechild_owen_airport_shapley,
    marginal_vectors,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import airport_costs, convex_game, rational_tables

import coalitions as co


def _imputations_exist(values, n):
    return sum(values[1 << i] for i in range(n)) <= values[-1]


# test_method_contracts.py runs the same oracle on 2-4 players for every method too
@settings(max_examples=30, deadline=None)
@given(rational_tables())
@example(([0, 0, 0, 1, 0, 4, 9, 8, 0, 1, 1, 4, 5, 4, 3, 3], 4))
def test_nucleolus_family_matches_the_brute_force_oracle(table):
    values, n = table
    values = [Fraction(v) for v in values]
    game = co.TUGame(values)
    pre = co.prenucleolus(game)
    assert pre.exact and pre.success
    assert tuple(pre.x) == brute_force_nucleolus(values, n, imputation=False)
    if _imputations_exist(values, n):
        nucleolus = co.nucleolus(game)
        assert tuple(nucleolus.x) == brute_force_nucleolus(values, n)
        per_capita = co.per_capita_nucleolus(game)
        assert tuple(per_capita.x) == brute_force_nucleolus(values, n, per_capita=True)


@pytest.mark.slow
@settings(max_examples=4, deadline=None)
@given(rational_tables(min_players=5, max_players=5))
def test_five_player_nucleolus_and_prenucleolus_match_the_brute_force_oracle(table):
    """Five players: each stage of the oracle enumerates up to C(35, 5) vertex candidates,
    about a second per game, so few examples."""
    values, n = table
    game = co.TUGame(values)
    assert tuple(co.prenucleolus(game).x) == brute_force_nucleolus(values, n, imputation=False)
    if _imputations_exist(values, n):
        assert tuple(co.nucleolus(game).x) == brute_force_nucleolus(values, n)


def test_brute_force_nucleolus_on_textbook_games():
    talmud = co.bankruptcy_game(200, [100, 200, 300])
    assert brute_force_nucleolus(list(talmud.values), 3) == (50, 75, 75)
    assert brute_force_nucleolus(list(co.majority_game(3).values), 3) == (Fraction(1, 3),) * 3
    glove = co.glove_game(["L"], ["R1", "R2"])
    assert brute_force_nucleolus(list(glove.values), 3) == (1, 0, 0)


@settings(max_examples=60, deadline=None)
@given(rational_tables(max_players=4))
def test_core_vertices_match_brute_force(table):
    values, n = table
    game = co.TUGame([Fraction(v) for v in values])
    found = sorted(tuple(v) for v in co.core_vertices(game))
    assert found == brute_force_core_vertices(values, n)
    result = co.core(game, vertices=True)
    assert result.is_empty == (not found)
    assert sorted(tuple(v) for v in result.vertices) == found


@pytest.mark.parametrize(
    "game",
    [
        co.glove_game(["L1", "L2"], ["R1", "R2", "R3"]),
        co.glove_game(["L1", "L2", "L3"], ["R1", "R2"]),
        co.bankruptcy_game(20, [3, 5, 7, 9, 11]),
        co.airport_game([1, 3, 3, 6, 8]),
        co.TUGame.from_function(lambda s: int({"1", "2"} <= s and len(s) >= 3), list("12345")),
    ],
    ids=["glove-2-3", "glove-3-2", "bankruptcy", "airport-cost", "veto"],
)
def test_core_vertices_of_degenerate_five_player_games(game):
    expected = brute_force_core_vertices(list(game.values), game.n_players, cost=game.is_cost)
    assert sorted(tuple(v) for v in co.core_vertices(game)) == expected


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 6), st.integers(0, 2**32 - 1))
def test_convex_core_vertices_are_the_marginal_vectors(n, seed):
    game = convex_game(n, np.random.default_rng(seed), high=int(seed % 7))
    found = sorted(tuple(v) for v in co.core_vertices(game))
    assert found == marginal_vectors(list(game.values), n)


def _veto_game(n, veto, quota):
    names = [str(i + 1) for i in range(n)]
    return co.TUGame.from_function(lambda s: int(veto <= s and len(s) >= quota), names)


@pytest.mark.parametrize("n", [7, 8])
def test_degenerate_families_at_seven_and_eight_players(n):
    """The families the issue found refused: glove, bankruptcy, airport and veto games."""
    rng = np.random.default_rng(n)
    claims = [int(c) for c in rng.integers(1, 12, n)]
    bankruptcy = co.bankruptcy_game(sum(claims) // 2, claims)
    # convex (bankruptcy) and concave cost (airport) games: vertices = marginal vectors
    for game in (bankruptcy, co.airport_game(sorted(int(c) for c in rng.integers(1, 20, n)))):
        found = sorted(tuple(v) for v in co.core_vertices(game))
        assert found == marginal_vectors(list(game.values), n)
        assert all(co.is_in_core(game, v) for v in found)
    # glove with more right gloves: the left owners get everything (one vertex)
    left = [f"L{i}" for i in range(n // 2 - 1)]
    glove = co.glove_game(left, [f"R{i}" for i in range(n - len(left))])
    assert [tuple(v) for v in co.core_vertices(glove)] == [
        tuple([1] * len(left) + [0] * (n - len(left)))
    ]
    # balanced glove: the segment between "left takes all" and "right takes all"
    half = co.glove_game([f"L{i}" for i in range(n // 2)], [f"R{i}" for i in range(n // 2)])
    if n % 2 == 0:
        assert sorted(tuple(v) for v in co.core_vertices(half)) == [
            tuple([0] * (n // 2) + [1] * (n // 2)),
            tuple([1] * (n // 2) + [0] * (n // 2)),
        ]
    # veto players {1, 2, 3}: the core is the simplex of their unit vectors
    veto = _veto_game(n, {"1", "2", "3"}, n - 2)
    assert sorted(tuple(v) for v in co.core_vertices(veto)) == sorted(
        tuple(int(i == k) for i in range(n)) for k in range(3)
    )


@pytest.mark.slow
def test_ten_player_degenerate_games():
    rng = np.random.default_rng(10)
    glove = co.glove_game([f"L{i}" for i in range(4)], [f"R{i}" for i in range(6)])
    assert [tuple(v) for v in co.core_vertices(glove)] == [tuple([1] * 4 + [0] * 6)]
    veto = _veto_game(10, {"1", "2"}, 6)
    assert sorted(tuple(v) for v in co.core_vertices(veto)) == [
        tuple(int(i == 1) for i in range(10)),
        tuple(int(i == 0) for i in range(10)),
    ]
    claims = [int(c) for c in rng.integers(1, 4, 10)]
    game = co.bankruptcy_game(sum(claims) // 3, claims)
    vertices = co.core_vertices(game)
    assert vertices and all(co.is_in_core(game, v) for v in vertices)
    assert len({tuple(v) for v in vertices}) == len(vertices)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(airport_costs())
@example([8, 12, 20, 28])
@example([1, 2, 3])
@example([5, 5, 5, 5])
def test_airport_nucleolus_is_littlechilds_recursion(costs):
    game = co.airport_game(costs)
    result = co.nucleolus(game)
    assert result.exact and result.verified and result.cost
    expected = littlechild_airport_nucleolus(costs)
    assert list(result.x) == expected
    # the savings-game transform gives the same cost shares
    savings = co.nucleolus(co.cost_to_savings(game))
    assert [Fraction(c) - s for c, s in zip(costs, savings.x)] == expected
    # and so does the negated game of worths
    negated = co.nucleolus(co.TUGame(-np.asarray(game.values), game.players))
    assert [-v for v in negated.x] == expected
    assert co.is_in_core(game, result.x)
    assert list(co.shapley_value(game).x) == littlechild_owen_airport_shapley(costs)


def test_airport_literature_values():
    runway = co.airport_game([8, 12, 20, 28])
    assert list(co.nucleolus(runway).x) == [4, 4, 6, 14]
    assert list(co.shapley_value(runway).x) == [
        2,
        Fraction(10, 3),
        Fraction(22, 3),
        Fraction(46, 3),
    ]
