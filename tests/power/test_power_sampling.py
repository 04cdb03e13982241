"""Power indices reached through the sampling estimators (method=...)."""

import numpy as np
import pytest

import coalitions as co


def test_security_council_shapley_shubik_by_permutation_sampling():
    unsc = co.WeightedVotingGame(39, [7] * 5 + [1] * 10)
    exact = np.array([float(v) for v in co.shapley_shubik_index(unsc).x])
    estimate = co.shapley_shubik_index(unsc, method="permutation", budget=60_000, rng=7)
    assert estimate.exact is False and estimate.concept == "shapley_shubik"
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
