"""Barrett's (1994) model: payoffs against a numerical Stackelberg oracle that shares no code
with the closed form, full cooperation equal to the social optimum, and the stable size
moving with the cost-benefit ratio (unlike the linear-quadratic model's constant 3)."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

import coalitions as co
from coalitions.exceptions import CoalitionsError


def stackelberg(n, k, a, b, c):
    """Leaders' abatement by numerical maximisation; followers' by their first-order
    condition solved numerically for each candidate."""

    def total_given(q_s):
        # followers: (b/n)(a - Q) = c q_n with Q = k q_s + (n - k) q_n, solved for q_n
        q_n = max(0.0, (b / n) * (a - k * q_s) / (c + (n - k) * b / n))
        return k * q_s + (n - k) * q_n, q_n

    def leaders_loss(q_s):
        total, _ = total_given(q_s)
        return -(k * (b / n) * (a * total - total**2 / 2) - k * c * q_s**2 / 2)

    q_s = minimize_scalar(leaders_loss, bounds=(0, a), method="bounded", options={"xatol": 1e-12}).x
    total, q_n = total_given(q_s)
    benefit = (b / n) * (a * total - total**2 / 2)
    return benefit - c * q_s**2 / 2, benefit - c * q_n**2 / 2


@settings(max_examples=30)
@given(
    n=st.integers(2, 12),
    data=st.data(),
    c=st.sampled_from([0.05, 0.5, 1.0, 3.0, 20.0]),
)
def test_payoffs_match_a_numerical_stackelberg_oracle(n, data, c):
    k = data.draw(st.integers(1, n - 1))
    model = co.barrett_model(n, a=100.0, b=1.0, c=c)
    signatory, nonsignatory = stackelberg(n, k, 100.0, 1.0, c)
    assert model.signatory(k) == pytest.approx(signatory, rel=1e-7)
    assert model.nonsignatory(k) == pytest.approx(nonsignatory, rel=1e-7)


def test_full_cooperation_is_the_social_optimum():
    n, a, b, c = 8, Fraction(100), Fraction(1), Fraction(3)
    # the planner: max n*(b/n)(aQ - Q^2/2) - n c q^2/2 with Q = n q  ->  q = b a / (c + n b)
    q = b * a / (c + n * b)
    optimum = b / n * (a * n * q - (n * q) ** 2 / 2) - c * q * q / 2
    assert co.barrett_model(n, a=a, b=b, c=c).signatory(n) == optimum


def test_the_stable_size_moves_with_the_cost_benefit_ratio():
    sizes = {
        c: co.agreement_stability(co.barrett_model(10, c=c)).stable_sizes
        for c in (Fraction(1, 100), Fraction(1, 10), 1, 20)
    }
    assert sizes[Fraction(1, 100)] == (10,) and sizes[20] == (2,)
    assert len({s for s in sizes.values()}) >= 3
    assert co.agreement_stability(co.linear_quadratic_model(10)).stable_sizes == (3,)


@pytest.mark.parametrize(
    "kwargs", [{"a": 0}, {"b": -1}, {"c": "x"}, {"c": float("inf")}, {"a": True}]
)
def test_bad_parameters_are_refused(kwargs):
    with pytest.raises(CoalitionsError):
        co.barrett_model(5, **kwargs)


def test_floats_stay_floats():
    model = co.barrett_model(5, a=100.0)
    assert isinstance(model.signatory(2), float) and np.isfinite(model.nonsignatory(2))
