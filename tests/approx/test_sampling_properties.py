"""Properties that sampling estimates keep exactly, on random games (hypothesis)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import float_games

import coalitions as co
from coalitions.approx import banzhaf_estimate, shapley_estimate

MARGINAL = ["permutation", "antithetic", "stratified", "neyman"]  # null player: exact 0


def with_null_player(game):
    """The game on players + one more who never changes any value."""
    values = np.asarray(game.values, dtype=np.float64)
    return co.TUGame(np.concatenate([values, values]), [*game.players, "null"])


@settings(max_examples=40, deadline=None)
@given(
    float_games(min_players=1, max_players=6),
    st.integers(0, 2**32 - 1),
    st.sampled_from(["permutation", "antithetic"]),
)
def test_permutation_estimates_are_efficient(game, seed, method):
    est = shapley_estimate(game, method=method, budget=500, rng=seed)
    values = np.asarray(game.values, dtype=np.float64)
    assert np.isclose(est.x.sum(), values[-1] - values[0], atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(
    float_games(min_players=1, max_players=5), st.integers(0, 2**32 - 1), st.sampled_from(MARGINAL)
)
def test_null_player_gets_exactly_zero(game, seed, method):
    game = with_null_player(game)
    est = shapley_estimate(game, method=method, budget=2000, rng=seed)
    assert est.x[-1] == 0.0 and est.std_error[-1] == 0.0
    banzhaf = banzhaf_estimate(game, method="sampling", budget=500, rng=seed)
    assert banzhaf.x[-1] == 0.0


@settings(max_examples=40, deadline=None)
@given(
    float_games(min_players=2, max_players=6),
    st.integers(0, 2**32 - 1),
    st.sampled_from(["permutation", "svarm", "sampling", "msr"]),
)
def test_intervals_bracket_estimates_and_budget_respected(game, seed, method):
    function = banzhaf_estimate if method in ("sampling", "msr") else shapley_estimate
    est = function(game, method=method, budget=3000, rng=seed)
    assert est.n_evaluations <= 3000 and est.exact is False
    assert np.all(est.ci_low <= est.x + 1e-12) and np.all(est.x <= est.ci_high + 1e-12)
    assert np.all(est.std_error >= 0)


@settings(max_examples=30, deadline=None)
@given(float_games(min_players=1, max_players=4), st.integers(0, 2**32 - 1))
def test_additive_games_are_recovered_exactly(game, seed):
    # in an additive game every marginal contribution is the player's own worth
    n = game.n_players
    worth = np.asarray(game.values, dtype=np.float64)[1 << np.arange(n)]
    additive = co.additive_game(worth.tolist(), game.players).to_float()
    for method in ("permutation", "antithetic", "stratified"):
        est = shapley_estimate(additive, method=method, budget=1000, rng=seed)
        assert np.allclose(est.x, worth, atol=1e-9)
        # zero up to rounding (sums of squares lose digits when the spread is nil)
        assert np.all(est.std_error <= 1e-6 * (1 + np.abs(worth)))
