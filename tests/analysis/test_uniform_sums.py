"""Quantiles of a sum of independent uniforms (the exact quantiles of a linear value's payoff
under uniform worths): the closed form and the characteristic-function inversion against an
oracle that evaluates the Barrow-Smith distribution function over every subset in rational
arithmetic (no grouping, no integer scaling, no quadrature), against Monte Carlo, and as
used by ``solution_sensitivity``."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.analysis import _uniform_sums as sums

LEVELS = (0.0, 0.01, 0.1, 0.37, 0.5, 0.8, 0.99, 1.0)


def oracle_cdf(scales: list[Fraction], t: Fraction) -> Fraction:
    """P(sum s_m (U_m - 1/2) <= t), summed over every subset of the terms."""
    y = t + sum(scales) / 2
    total = Fraction(0)
    for subset in itertools.product((0, 1), repeat=len(scales)):
        rest = y - sum(s for s, taken in zip(scales, subset) if taken)
        if rest > 0:
            total += (-1) ** sum(subset) * rest ** len(scales)
    return total / (math.factorial(len(scales)) * math.prod(scales))


def _check_against_oracle(scales, found) -> None:
    values, _how = found
    exact = [abs(Fraction(s)) for s in scales if s != 0]
    half = sum(exact) / 2
    for level, value in zip(LEVELS, values):
        assert -half - 1e-12 <= value <= half + 1e-12
        if 0 < level < 1:
            assert float(oracle_cdf(exact, Fraction(value))) == pytest.approx(level, abs=1e-12)
    assert values == sorted(values)


scales = st.lists(
    st.one_of(
        st.fractions(min_value=Fraction(1, 50), max_value=20, max_denominator=60),
        st.floats(min_value=1e-3, max_value=50.0),
        st.integers(-20, 20),
    ),
    min_size=1,
    max_size=7,
)


@settings(max_examples=40, deadline=None)
@given(scales)
def test_the_closed_form_meets_the_oracle(values):
    found = sums.uniform_sum_quantiles(values, LEVELS)
    assert found is not None and found[1] == "exact"
    if any(values):
        _check_against_oracle(values, found)
    else:  # every term zero: a point mass at the centre
        assert found[0] == [0.0] * len(LEVELS)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.floats(min_value=0.5, max_value=10.0), min_size=5, max_size=8))
def test_the_inversion_meets_the_oracle(values):
    # the regime it serves: many terms of like size (few or disparate terms take the closed
    # form, whose cost the grouping bounds; the inversion of those would need more panels)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sums, "EXACT_TERMS", 0)
        found = sums.uniform_sum_quantiles(values, LEVELS)
    assert found is not None and found[1] == "inversion"
    _check_against_oracle(values, found)


def test_repeated_scales_are_grouped_exactly():
    values = [Fraction(1, 3)] * 9 + [2, 2, 2, Fraction(5, 7)]  # 10 * 4 * 2 terms, not 2**13
    found = sums.uniform_sum_quantiles(values, (0.05, 0.5, 0.95))
    assert found is not None and found[1] == "exact"
    low, median, high = found[0]
    assert median == 0.0 and high == pytest.approx(-low, abs=1e-15)
    assert float(oracle_cdf(values, Fraction(low))) == pytest.approx(0.05, abs=1e-13)


def test_many_terms_agree_with_monte_carlo():
    rng = np.random.default_rng(5)
    values = rng.random(60) ** 3 * 10  # scales over three orders of magnitude
    levels = (0.02, 0.25, 0.75, 0.98)
    found = sums.uniform_sum_quantiles(list(values), levels)
    assert found is not None and found[1] == "inversion"
    draws = 200_000
    sample = (rng.random((draws, values.size)) - 0.5) @ values
    below = (sample[:, None] <= np.array(found[0])[None, :]).mean(axis=0)
    spread = np.sqrt(np.array(levels) * (1 - np.array(levels)) / draws)
    assert np.all(np.abs(below - np.array(levels)) < 5 * spread)


def test_beyond_both_budgets_there_is_no_answer(monkeypatch):
    monkeypatch.setattr(sums, "EXACT_TERMS", 0)
    assert sums.uniform_sum_quantiles([1.0, 2.0, 3.0], (0.5,), work=10) is None


def test_solution_sensitivity_reads_its_quantiles_from_the_distribution():
    game = co.TUGame([0, 1, 2, 4, 3, 5, 6, 10], ["A", "B", "C"])
    intervals = {("A", "B"): (2, 6), ("A", "B", "C"): (8, 12), ("C",): (0, 3)}
    result = co.solution_sensitivity(game, intervals=intervals, quantiles=(0.1, 0.5, 0.9))
    assert result.quantile_method == "exact" and result.n_samples == 0
    # the oracle: the Shapley coefficients C[i, S] from the unit games, then the oracle cdf
    masks = {("A", "B"): 3, ("A", "B", "C"): 7, ("C",): 4}
    for i in range(game.n_players):
        terms = []
        for coalition, (low, high) in intervals.items():
            unit = [0] * 8
            unit[masks[coalition]] = 1
            coefficient = co.shapley_value(co.TUGame(unit, game.players)).x[i]
            terms.append(abs(coefficient) * (high - low))
        centre = result.x[i]
        for level in (0.1, 0.9):
            t = Fraction(float(result.quantiles[level][i])) - centre
            assert float(oracle_cdf([s for s in terms if s], t)) == pytest.approx(level, abs=1e-12)
        assert float(result.quantiles[0.5][i]) == pytest.approx(float(centre), abs=1e-15)


def test_solution_sensitivity_draws_only_beyond_the_budgets(monkeypatch):
    from coalitions.analysis import solutions as module

    monkeypatch.setattr(sums, "EXACT_TERMS", 0)
    monkeypatch.setattr(module, "INVERSION_WORK", 10)
    steps = []
    result = co.solution_sensitivity(
        co.majority_game(3),
        spread=0.2,
        n_samples=50,
        rng=0,
        callback=lambda done, total: steps.append(done),
    )
    assert result.quantile_method == "sampled" and result.n_samples == 50 and steps[-1] == 50
