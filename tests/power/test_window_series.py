"""The window-series Shapley-Shubik index (method="window-series", and "auto" on large bodies).

Oracles that share no code with it: the exact generating function (``method="exact"``,
integers), the 2**n enumeration, and Owen's float integral by subtraction-free product trees
(``method="float"``). Every error must lie within the returned ``error_bound``; the
quadrature bound itself is checked against integrals known in closed form.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.power._window_series import quadrature_rule, window_series_shapley_shubik


@st.composite
def weighted_bodies(draw, max_players=30):
    """Weighted games with mixed weights (zeros, ties, one large member now and then) and
    any quota from 1 to the total."""
    n = draw(st.integers(1, max_players))
    weights = draw(
        st.lists(st.one_of(st.integers(0, 40), st.integers(0, 3_000)), min_size=n, max_size=n)
    )
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedVotingGame(quota, weights)


def _floats(result) -> np.ndarray:
    return np.array([float(v) for v in result.x])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_bodies())
def test_within_its_bound_of_the_exact_index(game):
    exact = _floats(co.shapley_shubik_index(game, method="exact"))
    result = co.shapley_shubik_index(game, method="window-series")
    assert result.method == "window-series" and not result.exact
    assert np.all(np.abs(np.asarray(result.x) - exact) <= result.error_bound)
    assert float(np.max(result.error_bound)) < 1e-9


@settings(max_examples=60, deadline=None)
@given(weighted_bodies(max_players=10))
def test_equals_the_enumeration(game):
    enumerated = _floats(co.shapley_shubik_index(game, method="enumeration"))
    result = co.shapley_shubik_index(game, method="window-series")
    assert np.all(np.abs(np.asarray(result.x) - enumerated) <= result.error_bound)


@pytest.mark.parametrize(("n", "top"), [(64, 2_000), (193, 400)])
def test_large_bodies_agree_with_the_float_integral(n, top):
    rng = np.random.default_rng(n)
    weights = [int(w) for w in rng.integers(1, top, size=n)]
    for share in (0.5, 2 / 3):
        game = co.WeightedVotingGame(int(sum(weights) * share) + 1, weights)
        floats = np.asarray(co.shapley_shubik_index(game, method="float").x)
        result = co.shapley_shubik_index(game, method="window-series")
        gap = np.abs(np.asarray(result.x) - floats)
        # the float integral's own error is about 1e-13 relative
        assert np.all(gap <= result.error_bound + 1e-13 * floats)
        assert abs(float(np.sum(result.x)) - 1.0) < 1e-12


def test_thousand_members_with_auto():
    rng = np.random.default_rng(1000)
    weights = [int(w) for w in rng.integers(1, 60, size=1000)]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    result = co.shapley_shubik_index(game)
    assert result.method == "window-series" and len(result.x) == 1000
    assert abs(float(np.sum(result.x)) - 1.0) < 1e-10
    # members of equal weight get the same index, and the index is monotone in weight
    order = np.argsort(weights, kind="stable")
    assert np.all(np.diff(np.asarray(result.x)[order]) >= -2 * float(result.error_bound.max()))


def test_security_council_and_edge_quotas():
    unsc = co.WeightedVotingGame(39, [7] * 5 + [1] * 10)
    result = co.shapley_shubik_index(unsc, method="window-series")
    assert result.x[0] == pytest.approx(421 / 2145, abs=1e-12)
    assert result.x[5] == pytest.approx(4 / 2145, abs=1e-12)
    # unanimity: 1/n each; a dictator (weight at the quota) takes everything; a zero weight
    # is a null player
    assert np.allclose(
        co.shapley_shubik_index(co.WeightedVotingGame(6, [1, 2, 3]), method="window-series").x,
        [1 / 3] * 3,
        atol=1e-13,
    )
    dictator = co.shapley_shubik_index(
        co.WeightedVotingGame(5, [9, 2, 2, 0]), method="window-series"
    )
    assert np.allclose(dictator.x, [1, 0, 0, 0], atol=1e-13)
    assert dictator.x[3] == 0.0 and dictator.error_bound[3] == 0.0


def test_huge_weights_reduce_or_say_what_to_use():
    # weights of 1e18 with a common divisor reduce to a small game
    scaled = co.WeightedVotingGame(39 * 10**17, [7 * 10**17] * 5 + [10**17] * 10)
    assert co.shapley_shubik_index(scaled, method="window-series").x[0] == pytest.approx(
        421 / 2145, abs=1e-12
    )
    # coprime weights near 1e18 do not: the distribution would be as long as the quota
    coprime = co.WeightedVotingGame(10**18, [10**18 - 1, 10**18 - 3, 10**17 + 7])
    with pytest.raises(co.TooLargeError, match="bdd"):
        co.shapley_shubik_index(coprime, method="window-series")


def test_needs_a_weighted_game():
    compound = co.WeightedVotingGame(2, [1, 1, 1]) & co.WeightedVotingGame(1, [1, 0, 0])
    with pytest.raises(co.InvalidArgumentError, match="WeightedVotingGame"):
        co.shapley_shubik_index(compound, method="window-series")


@pytest.mark.parametrize("n", [12, 60, 190, 1000])
def test_the_quadrature_bound_holds_for_every_size_term(n):
    """``g_i`` is a sum of terms ``t**s (1 - t)**(n - 1 - s)``; the rule's proven bound must
    cover each of them, whose integral is the Beta function ``s! (n-1-s)! / n!``."""
    nodes, weights, bound = quadrature_rule(n, 1e-13)
    assert bound <= 1e-13 and len(nodes) <= n // 2 + 1
    worst = 0.0
    for s in range(0, n, max(1, n // 40)):
        exact = float(Fraction(math.factorial(s) * math.factorial(n - 1 - s), math.factorial(n)))
        rule = float(np.sum(weights * nodes**s * (1.0 - nodes) ** (n - 1 - s)))
        worst = max(worst, abs(rule - exact))
    assert worst <= bound + 1e-16


def test_fewer_nodes_than_the_exact_rule_on_large_bodies():
    nodes, _, bound = quadrature_rule(190, 1e-13)
    assert len(nodes) < 96 and 0 < bound <= 1e-13
    nodes, _, bound = quadrature_rule(11, 1e-13)
    assert len(nodes) == 6 and bound == 0.0  # 2 * 6 - 1 >= 10: exact


def test_plain_function_on_lists():
    x, bound, nodes = window_series_shapley_shubik([3, 2, 2], 4)
    assert np.allclose(x, [1 / 3] * 3, atol=1e-14)  # any two of them win and bound.max() < 1e-12
