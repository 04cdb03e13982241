"""The weighted-game oracle: prefix values by cumulative weight sums, the same estimates as the
generic oracle that evaluates every prefix coalition."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.approx import shapley_estimate
from coalitions.approx._engine import WeightedOracle, as_oracle


@st.composite
def weighted_games(draw, max_players=12):
    n = draw(st.integers(1, max_players))
    weights = draw(st.lists(st.integers(0, 20), min_size=n, max_size=n))
    weights[0] += 1  # a positive total: the quota lies in (0, total]
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedVotingGame(quota, weights)


@given(weighted_games(), st.integers(0, 2**32 - 1))
@settings(max_examples=60, deadline=None)
def test_order_values_are_the_prefix_coalitions_values(game, seed):
    oracle = as_oracle(game)
    assert isinstance(oracle, WeightedOracle)
    n = game.n_players
    orders = np.random.default_rng(seed).permuted(np.tile(np.arange(n), (7, 1)), axis=1)
    values = oracle.order_values(orders)
    # oracle: each prefix as an explicit coalition, winning by the definition sum(w) >= q
    weights = np.array(game.weights, dtype=object)
    for row, order in zip(values, orders):
        for j in range(n + 1):
            members = order[:j]
            assert row[j] == float(sum(weights[members]) >= game.quota)


@pytest.mark.parametrize("method", ["permutation", "antithetic"])
@given(game=weighted_games(max_players=9), seed=st.integers(0, 2**32 - 1))
@settings(max_examples=25, deadline=None)
def test_same_estimate_as_the_generic_oracle(method, game, seed):
    budget = 40 * max(game.n_players, 2)
    fast = shapley_estimate(game, method=method, budget=budget, rng=seed)
    generic = shapley_estimate(game.to_oracle(), method=method, budget=budget, rng=seed)
    np.testing.assert_array_equal(fast.x, generic.x)
    np.testing.assert_array_equal(fast.std_error, generic.std_error)
    assert fast.n_evaluations == generic.n_evaluations


def test_huge_weights_take_the_generic_path():
    # weights of 2e18: their int64 cumulative sum could overflow, so the oracle declines
    game = co.WeightedVotingGame(4 * 10**18 + 1, [2 * 10**18, 2 * 10**18, 2 * 10**18, 1])
    assert as_oracle(game).order_values(np.array([[0, 1, 2, 3]])) is None
    est = co.shapley_shubik_index(game, method="permutation", budget=3000, rng=4)
    exact = co.shapley_shubik_index(game)
    np.testing.assert_allclose(est.x, [float(v) for v in exact.x], atol=4 * est.std_error.max())


def test_hundred_members_matches_exact_within_the_error():
    rng = np.random.default_rng(3)
    weights = rng.integers(1, 51, size=100).tolist()
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    est = co.shapley_shubik_index(
        game, method="permutation", budget=2000 * 99 + 2, rng=5
    )  # v(empty), v(N) read once
    exact = np.asarray(co.shapley_shubik_index(game, method="float").x, dtype=float)
    assert est.n_samples == 2000
    assert np.all(np.abs(est.x - exact) <= 5 * est.std_error + 1e-12)
