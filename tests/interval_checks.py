"""Statistical checks of sampling estimators over seeded repetitions: bias, standard errors and
the coverage of their confidence intervals, with acceptance regions derived here.

The repetitions are seeded (0, 1, ..., reps - 1), so a check gives the same verdict on every
run; the regions below say how unlikely a correct estimator is to fall outside them, so that a
change of random layout (another chunk size, a new sampler) does not turn a correct estimator
red by bad luck.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
from scipy.stats import binom

#: Coverage that a normal-approximation 95 % interval with a correct standard error reaches on
#: the games of the tests (0/1 swing data, a few hundred sampling units): 0.91-0.955 measured
#: for every estimator, a few points lost to the skew of rare swings.
HONEST_COVERAGE = 0.93
#: Probability that a correct estimator fails a check (before the Bonferroni split).
ALPHA = 0.005
#: Correct standard errors put RMS(std_error) / RMS(error) near 1: with 200 repetitions the
#: RMS error of one player is known to about 1 / sqrt(2 * 200) = 3.5 % (normal data), less when
#: pooled over players; these bounds are 6 such units away, room for heavy tails.
RATIO_BOUNDS = (0.8, 1.25)


def coverage_floor(reps: int, coverage: float = HONEST_COVERAGE, alpha: float = ALPHA) -> float:
    """Lowest acceptable share of covered (player, repetition) cases.

    The pooled share is the mean over players of per-player shares, each a binomial(reps, c_i)
    proportion. By Cauchy-Schwarz the variance of a mean of correlated proportions is at most
    the square of the mean of their standard deviations, so the pooled share is no more
    variable than one binomial(reps, c) proportion: its ``alpha`` quantile is a valid floor.
    For reps = 200: 0.88.
    """
    return float(binom.ppf(alpha, reps, coverage)) / reps


def player_floor(reps: int, players: int, coverage: float = 0.90, alpha: float = ALPHA) -> float:
    """Lowest acceptable coverage of a single player (binomial, Bonferroni over players);
    players with the rarest swings cover least, hence the lower honest level."""
    return float(binom.ppf(alpha / players, reps, coverage)) / reps


def check_intervals(
    x: np.ndarray, std_error: np.ndarray, truth: np.ndarray, label: str, confidence: float = 0.95
) -> dict:
    """Assert that (reps, n) estimates ``x`` with ``std_error`` are unbiased, that their standard
    errors are calibrated and that their intervals cover ``truth``; return the figures."""
    x, std_error, truth = (np.asarray(a, dtype=np.float64) for a in (x, std_error, truth))
    reps, n = x.shape
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    covered = np.abs(x - truth) <= z * std_error
    error = x - truth
    figures = {
        "coverage": float(covered.mean()),
        "worst": float(covered.mean(axis=0).min()),
        "ratio": float(np.sqrt((std_error**2).mean() / (error**2).mean())),
    }
    # unbiased: each player's mean estimate within a Bonferroni normal bound of the truth
    spread = x.std(axis=0, ddof=1) / np.sqrt(reps)
    bound = NormalDist().inv_cdf(1 - ALPHA / (2 * n))
    bias = np.abs(x.mean(axis=0) - truth)
    assert np.all(bias <= bound * spread + 1e-12), (label, "biased", (bias / spread).max())
    low, high = RATIO_BOUNDS
    assert low <= figures["ratio"] <= high, (label, "std_error miscalibrated", figures)
    assert figures["coverage"] >= coverage_floor(reps), (label, "coverage", figures)
    assert figures["worst"] >= player_floor(reps, n), (label, "coverage of a player", figures)
    return figures
