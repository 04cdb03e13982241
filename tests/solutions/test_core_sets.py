"""Imputations, core, least core: checkers as oracles, certificates, vertices, bad inputs."""

import math

import numpy as np
import pytest
from _core_oracles import brute_force_core_vertices, marginal_vectors
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import convex_game, random_rational_game, zero_normalised_game

import coalitions as co


def test_imputations():
    game = co.glove_game(["L"], ["R1", "R2"])
    assert co.is_imputation(game, [1, 0, 0])
    assert co.is_imputation(game, {"L": 1, "R1": 0, "R2": 0})
    assert not co.is_efficient(game, [1, 1, 0])
    assert not co.is_individually_rational(game, [2, -1, 0])
    assert co.is_efficient(game.to_float(), [0.5, 0.25, 0.25 + 1e-12])
    vertices = co.imputation_vertices(game)
    assert [list(v) for v in vertices] == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert all(co.is_imputation(game, v) for v in vertices)
    assert co.imputation_vertices(co.TUGame([0, 2, 2, 1])) == []
    assert len(co.imputation_vertices(co.additive_game([1, 2]))) == 1


@pytest.mark.parametrize(
    "bad, match",
    [
        ([1, 0], "one payoff per player"),
        (["a", 0, 0], "numbers"),
        ({"L": 1}, "no payoff"),
        (3, "payoff vector"),
        ([float("nan"), 0, 0], "finite"),
    ],
)
def test_bad_payoff_vectors(bad, match):
    with pytest.raises(co.InvalidGameError, match=match):
        co.is_imputation(co.glove_game(["L"], ["R1", "R2"]), bad)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(0, 2**32 - 1))
def test_core_and_least_core_properties(n, seed):
    rng = np.random.default_rng(seed)
    game = random_rational_game(n, rng)
    least = co.least_core(game)
    assert least.exact
    assert co.is_efficient(game, least.x)
    assert co.max_excess(game, least.x) == least.epsilon
    assert co.is_in_least_core(game, least.x)
    cert = least.certificate
    assert co.is_balanced_collection(game, cert)
    # LP duality: the balanced collection proves epsilon optimal
    lam = 1 / sum(cert.weights)
    assert (cert.total - cert.grand_value) * lam == least.epsilon
    result = co.core(game)
    assert result.is_empty == (least.epsilon > 0)
    if result.is_empty:
        assert result.certificate.total > result.certificate.grand_value
        assert co.is_balanced_collection(game, result.certificate)
    else:
        assert co.is_in_core(game, result.x)


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 5), st.integers(0, 2**32 - 1))
def test_core_vertices_are_in_the_core(n, seed):
    game = convex_game(n, np.random.default_rng(seed))
    vertices = co.core(game, vertices=True).vertices
    assert vertices
    for vertex in vertices:
        assert co.is_in_core(game, vertex)
    # convex games: the vertices are the marginal vectors, whose average is Shapley
    shapley = co.shapley_value(game).x
    assert co.is_in_core(game, shapley)
    assert len(vertices) <= math.factorial(n)


def test_core_vertices_of_a_triangle_and_float_game():
    game = co.TUGame.from_dict(
        {("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1, ("a", "b", "c"): 2}, players=["a", "b", "c"]
    )
    vertices = sorted(tuple(v) for v in co.core_vertices(game))
    assert vertices == [(0, 1, 1), (1, 0, 1), (1, 1, 0)]
    floats = co.core_vertices(game.to_float())
    assert len(floats) == 3 and all(v.dtype == np.float64 for v in floats)
    assert co.core_vertices(co.majority_game(3)) == []
    assert co.core(co.majority_game(3), vertices=True).vertices == ()


def test_core_limits_and_errors():
    with pytest.raises(co.TooLargeError, match="at most"):
        co.core(co.majority_game(11), vertices=True)
    import sympy

    with pytest.raises(co.InvalidGameError, match="substitute"):
        co.core(co.TUGame([0, sympy.Symbol("a"), 0, 1]))
    with pytest.raises(co.InvalidGameError, match="coalitions but"):
        co.is_balanced_collection(co.majority_game(3), coalitions=[("1", "2")], weights=[])
    assert not co.is_balanced_collection(co.majority_game(3), coalitions=[("1", "2")], weights=[1])


def test_least_core_of_larger_games_float_and_exact():
    rng = np.random.default_rng(1)
    game = zero_normalised_game(14, rng)
    exact = co.least_core(game)
    floating = co.least_core(game.to_float())
    assert exact.exact and not floating.exact
    assert abs(float(exact.epsilon) - floating.epsilon) < 1e-7
    assert co.is_in_least_core(game.to_float(), floating.x, atol=1e-7)


def test_is_in_core_float_and_one_player():
    game = co.TUGame(np.array([0.0, 1.0]))
    assert co.is_in_core(game, [1.0]) and not co.is_in_core(game, [0.5])
    assert co.core(game).x.tolist() == [1.0]
    assert list(co.nucleolus(co.TUGame([0, 3])).x) == [3]


def test_core_vertices_six_players_use_relevant_constraints():
    game = convex_game(6, np.random.default_rng(4))
    vertices = co.core_vertices(game)
    assert vertices and all(co.is_in_core(game, v) for v in vertices)


@pytest.mark.parametrize("seed", range(4))
def test_core_vertices_match_marginal_vectors_and_brute_force(seed):
    rng = np.random.default_rng(seed)
    game = convex_game(4, rng)
    assert sorted(tuple(v) for v in co.core_vertices(game)) == marginal_vectors(
        list(game.values), 4
    )
    values = rng.integers(0, 4, size=8).astype(np.int64)
    values[0] = 0
    values[7] = 6
    small = co.TUGame(values)
    assert sorted(tuple(v) for v in co.core_vertices(small)) == brute_force_core_vertices(
        list(small.values), 3
    )


def test_float_games_with_integer_worths_are_verified_exactly():
    game = zero_normalised_game(12, np.random.default_rng(8)).to_float()
    least = co.least_core(game)
    assert least.verified and not least.exact and isinstance(least.epsilon, float)
    result = co.nucleolus(game)
    assert result.verified and not result.exact and "exact arithmetic" in result.message
    exact = co.nucleolus(game.to_exact())
    assert [float(v) for v in exact.x] == list(result.x)
