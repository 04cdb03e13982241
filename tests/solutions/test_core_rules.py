"""Claims rules, tau-value, Gately point, ENSC and equal-surplus rules."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import convex_game, integer_claims_problems

import coalitions as co


@settings(max_examples=60, deadline=None)
@given(integer_claims_problems())
def test_claims_rules_are_feasible_and_efficient(problem):
    estate, claims = problem
    for rule in ("proportional", "cea", "cel", "talmud"):
        x = co.claims_rule(estate, claims, rule).x
        assert sum(x) == estate
        assert all(0 <= xi <= di for xi, di in zip(x, claims))
    # order preservation of awards
    cea = co.constrained_equal_awards(estate, claims).x
    cel = co.constrained_equal_losses(estate, claims).x
    for i in range(len(claims)):
        for j in range(len(claims)):
            if claims[i] <= claims[j]:
                assert cea[i] <= cea[j] and cel[i] <= cel[j]


def test_claims_rules_known_answers():
    claims = [100, 200, 300]
    assert list(co.talmud_rule(100, claims).x) == [Fraction(100, 3)] * 3
    assert list(co.talmud_rule(300, claims).x) == [50, 100, 150]
    assert list(co.constrained_equal_awards(300, claims).x) == [100, 100, 100]
    assert list(co.constrained_equal_losses(300, claims).x) == [0, 100, 200]
    assert list(co.proportional_rule(300, claims).x) == [50, 100, 150]
    floats = co.talmud_rule(200.0, [100.0, 200.0, 300.0])
    assert not floats.exact and np.allclose(floats.x, [50, 75, 75])
    named = co.talmud_rule(200, claims, players=["a", "b", "c"])
    assert named["b"] == 75 and named.concept == "talmud"


@pytest.mark.parametrize(
    "estate, claims, match",
    [
        (700, [100, 200, 300], "between 0"),
        (-1, [100], "between 0"),
        (10, [-1, 20], "non-negative"),
        (10, [], "at least one"),
        (10, ["x"], "not a number"),
    ],
)
def test_claims_bad_inputs(estate, claims, match):
    with pytest.raises(co.InvalidProblemError, match=match):
        co.talmud_rule(estate, claims)


def test_claims_unknown_rule():
    with pytest.raises(ValueError, match="valid rules"):
        co.claims_rule(1, [1, 2], "shapley")


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 6), st.integers(0, 2**32 - 1))
def test_tau_gately_ensc_are_efficient(n, seed):
    game = convex_game(n, np.random.default_rng(seed))
    for rule in (co.tau_value, co.ensc_value, co.equal_division, co.equal_surplus_division):
        result = rule(game)
        assert result.exact and co.is_efficient(game, result.x)
    tau = co.tau_value(game).x
    rights, utopia = co.minimal_rights(game), co.utopia_payoffs(game)
    assert all(m <= t <= u for m, t, u in zip(rights, tau, utopia))
    try:
        gately = co.gately_point(game).x
    except co.InvalidGameError:
        return
    assert co.is_efficient(game, gately)
    d = co.propensity_to_disrupt(game, list(gately))
    finite = [v for v in d if v != float("inf")]
    assert len(set(finite)) <= 1


def test_tau_of_bankruptcy_is_adjusted_proportional():
    game = co.bankruptcy_game(200, [100, 200, 300])
    assert list(co.tau_value(game).x) == [40, 80, 80]
    assert list(co.gately_point(game).x) == [40, 80, 80]
    assert list(co.ensc_value(co.glove_game(["L"], ["R1", "R2"])).x) == [1, 0, 0]
    floats = co.tau_value(game.to_float())
    assert np.allclose(floats.x, [40, 80, 80])


def test_rules_bad_games():
    with pytest.raises(co.InvalidGameError, match="quasi-balanced"):
        co.tau_value(co.majority_game(3))
    with pytest.raises(co.InvalidGameError, match="not defined"):
        co.gately_point(co.TUGame([0] * 8))
