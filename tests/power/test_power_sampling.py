"""Power indices reached through the sampling estimators (method=...)."""

import numpy as np
import pytest

import coalitions as co


def test_security_council_shapley_shubik_by_permutation_sampling():
    unsc = co.WeightedVotingGame(39, [7] * 5 + [1] * 10)
    exact = np.array([float(v) for v in co.shapley_shubik_index(unsc).x])
    estimate = co.shapley_shubik_index(unsc, method="permutation", budget=60_000, rng=7)
    assert estimate.exact is False and estimate.concept == "shapley-shubik"
    assert np.all(np.abs(estimate.x - exact) <= 5 * estimate.std_error + 1e-12)


def test_absolute_banzhaf_by_sampling_matches_exact():
    eec = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])
    exact = np.array([float(v) for v in co.banzhaf_index(eec, normalized=False).x])
    estimate = co.banzhaf_index(eec, normalized=False, method="sampling", budget=20_000, rng=3)
    assert np.all(np.abs(estimate.x - exact) <= 5 * estimate.std_error + 1e-12)


def test_large_body_without_a_table():
    # 120 members: no 2**n table and no 64-bit masks; the weighted rule is read row by row.
    weights = np.random.default_rng(0).integers(1, 100, size=120).tolist()
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    estimate = co.shapley_shubik_index(game, method="antithetic", budget=1_200_000, rng=1)
    reference = co.shapley_shubik_index(game, method="float").x
    assert abs(estimate.x.sum() - 1) < 1e-9
    assert (estimate.std_error > 0).all()
    assert (np.abs(estimate.x - reference) <= 5 * estimate.std_error).all()


def test_compound_rule_oracle_matches_is_winning():
    eu = co.datasets.eu_council()
    rng = np.random.default_rng(5)
    matrix = rng.random((200, 27)) < 0.6
    oracle = eu.to_oracle()
    values = oracle.evaluate(matrix)
    expected = [eu.is_winning([p for p, x in zip(eu.players, row) if x]) for row in matrix]
    assert values.tolist() == [float(e) for e in expected]


def test_sampling_errors():
    eec = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])
    with pytest.raises(ValueError, match="normalized=False"):
        co.banzhaf_index(eec, method="sampling", budget=1000)
    with pytest.raises(ValueError, match="budget"):
        co.shapley_shubik_index(eec, method="permutation")
    with pytest.raises(ValueError, match="'permutation'"):
        co.shapley_shubik_index(eec, method="magic")


# ---------------------------------------------------------------- intervals on a large body
# A 60-member weighted body reached through the power-index front doors: no 2**60 table, the
# weighted rule is read row by row (the oracle path). The exact indices (generating functions)
# are the oracle. Budgets: a few hundred sampling units per player, enough for swings of the
# smallest member (index 0.0087) to be seen. The stratified methods spread their draws over
# 60 * 58 strata: with 5 draws each the smallest member's intervals cover 80 %, with 11 87 %.
BODY_BUDGETS = {
    "permutation": 40_000,
    "antithetic": 40_000,
    "stratified": 80_000,
    "neyman": 80_000,
    "svarm": 12_000,
    "kernel": 12_000,
    "sampling": 12_000,
    "msr": 12_000,
}


@pytest.fixture(scope="module")
def body60():
    weights = np.random.default_rng(0).integers(5, 15, size=60).tolist()
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    shapley_shubik = np.array([float(v) for v in co.shapley_shubik_index(game).x])
    banzhaf = np.array([float(v) for v in co.banzhaf_index(game, normalized=False).x])
    return game, shapley_shubik, banzhaf


@pytest.mark.slow
@pytest.mark.parametrize("method", list(BODY_BUDGETS))
def test_intervals_on_a_60_member_body(body60, method):
    from interval_checks import check_intervals

    from coalitions.approx import SHAPLEY_SAMPLERS

    game, shapley_shubik, banzhaf = body60
    budget = BODY_BUDGETS[method]
    if method in SHAPLEY_SAMPLERS:
        runs = [
            co.shapley_shubik_index(game, method=method, budget=budget, rng=seed)
            for seed in range(200)
        ]
        truth = shapley_shubik
    else:
        runs = [
            co.banzhaf_index(game, normalized=False, method=method, budget=budget, rng=seed)
            for seed in range(200)
        ]
        truth = banzhaf
    check_intervals(
        np.array([r.x for r in runs]),
        np.array([r.std_error for r in runs]),
        truth,
        f"60-member body {method}",
    )
