"""Every sampling estimator's 95 % intervals, checked over 200 seeded repetitions.

The exact values come from the exact solvers (an oracle that shares no code with the
samplers). ``interval_checks.check_intervals`` asserts no bias, calibrated standard errors
(RMS standard error / RMS error near 1) and coverage above binomial floors derived there. The
10-player weighted game at budget 2000 is the case where the old ``neyman`` pilot (2-4 draws
per stratum, pooled with the final draws) covered 46 %.
"""

import numpy as np
import pytest
from interval_checks import check_intervals

import coalitions as co
from coalitions.approx import BANZHAF_SAMPLERS, SHAPLEY_SAMPLERS, banzhaf_estimate, shapley_estimate

REPS = 200


def repeat(game, method, budget, reps=REPS):
    estimator = shapley_estimate if method in SHAPLEY_SAMPLERS else banzhaf_estimate
    runs = [estimator(game, method=method, budget=budget, rng=seed) for seed in range(reps)]
    return np.array([r.x for r in runs]), np.array([r.std_error for r in runs])


def exact(game, method):
    value = co.shapley_value(game) if method in SHAPLEY_SAMPLERS else co.banzhaf_value(game)
    return np.asarray(value.x, dtype=np.float64)


@pytest.fixture(scope="module")
def weighted10():
    return co.WeightedVotingGame(21, [3, 6, 1, 6, 7, 4, 5, 3, 2, 3]).to_tu_game().to_float()


@pytest.fixture(scope="module")
def random8():
    return co.random_game(8, rng=7)


@pytest.mark.parametrize("method", SHAPLEY_SAMPLERS + BANZHAF_SAMPLERS)
def test_intervals_on_a_weighted_game(weighted10, method):
    x, std_error = repeat(weighted10, method, 2000)
    check_intervals(x, std_error, exact(weighted10, method), f"[21; 3,6,1,...] {method}")


@pytest.mark.parametrize("method", SHAPLEY_SAMPLERS + BANZHAF_SAMPLERS)
def test_intervals_on_a_random_game(random8, method):
    x, std_error = repeat(random8, method, 3000)
    check_intervals(x, std_error, exact(random8, method), f"random 8 {method}")


def test_the_checks_reject_understated_errors(weighted10):
    # the same estimates with standard errors halved must fail: the checks can fail
    x, std_error = repeat(weighted10, "permutation", 2000)
    with pytest.raises(AssertionError, match="miscalibrated|coverage"):
        check_intervals(x, std_error / 2, exact(weighted10, "permutation"), "halved")
    with pytest.raises(AssertionError, match="biased"):
        check_intervals(x + 0.01, std_error, exact(weighted10, "permutation"), "shifted")
