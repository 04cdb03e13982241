"""Rubinstein and Baron-Ferejohn: reference cases, closed forms, properties, bad inputs."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings, strategies as st

from coalitions.bargaining import BargainingProblem, baron_ferejohn, nash_solution, rubinstein
from coalitions.exceptions import InvalidProblemError

SETTINGS = settings(max_examples=25, deadline=None)


# ------------------------------------------------------------------ Rubinstein
def test_rub_09_reference():                # RUB_09: 10/19
    r = rubinstein(Fraction(9, 10))
    assert r.x[0] == Fraction(10, 19) and r.exact
    assert rubinstein(0.9).x[0] == pytest.approx(0.5263157894736842)


def test_rubinstein_asymmetric_and_symbolic():
    # (1 - 9/10) / (1 - 9/20) = 2/11
    assert rubinstein([Fraction(1, 2), Fraction(9, 10)]).x[0] == Fraction(2, 11)
    d = sp.Symbol("delta")
    assert sp.simplify(rubinstein(d).x[0] - 1 / (1 + d)) == 0


def test_rubinstein_limit_is_asymmetric_nash():
    r = rubinstein(rates=[0.05, 0.2])
    assert r.limit and r.x[0] == pytest.approx(0.8)
    pie = BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]])
    nash = nash_solution(pie, weights=[1 / 0.05, 1 / 0.2])
    assert r.x == pytest.approx(nash.x, abs=1e-9)
    # a short period approaches the limit
    assert rubinstein(rates=[0.05, 0.2], period=1e-4).x[0] == pytest.approx(0.8, abs=1e-4)


def test_rubinstein_bad_inputs():
    with pytest.raises(InvalidProblemError, match="either"):
        rubinstein()
    with pytest.raises(InvalidProblemError, match="either"):
        rubinstein(0.9, rates=[1, 2])
    with pytest.raises(InvalidProblemError, match=r"\[0, 1\]"):
        rubinstein([1.5, 0.5])
    with pytest.raises(InvalidProblemError, match="positive"):
        rubinstein(rates=[0, 1])


# ------------------------------------------------------------------ Baron-Ferejohn
def test_bf_5_majority_reference():         # BF_5_maj: 16/25 and 9/50
    r = baron_ferejohn(5, discount_factors=Fraction(9, 10))
    assert r.proposer_shares[0] == Fraction(16, 25)
    assert all(r.prices[j] == Fraction(9, 50) for j in range(5))
    assert r.inclusion[0, 1] == Fraction(1, 2) and r.exact
    assert sum(r.x) == 1 and r.quota == 3
    assert sum(r.offers[0]) == 1


def test_bf_5_unanimity_reference():        # BF_5_unan: 7/25 and 9/50
    r = baron_ferejohn(5, discount_factors=Fraction(9, 10), quota="unanimity")
    assert r.proposer_shares[0] == Fraction(7, 25)
    assert r.offers[0, 1] == Fraction(9, 50) and r.method == "linear"


def test_bf_float_matches_exact():
    r = baron_ferejohn(5, discount_factors=0.9)
    assert r.proposer_shares == pytest.approx([0.64] * 5)
    assert r.residual < 1e-12 and not r.exact


def test_bf_symbolic_closed_form():
    d = sp.Symbol("delta")
    r = baron_ferejohn(5, discount_factors=d)
    assert sp.simplify(r.proposer_shares[0] - (1 - 2 * d / 5)) == 0
    assert sp.simplify(r.prices[1] - d / 5) == 0
    closed = baron_ferejohn(7, discount_factors=Fraction(4, 5), quota=5, symbolic=True).closed_form
    n, q, delta, s = sp.symbols("n q delta S", positive=True)
    value = closed["proposer_share"].subs({n: 7, q: 5, delta: sp.Rational(4, 5), s: 1})
    assert value == 1 - sp.Rational(4, 5) * 4 / 7


def test_bf_unanimity_heterogeneous_recognition_closed_form():
    p = [Fraction(1, 2), Fraction(1, 4), Fraction(1, 8), Fraction(1, 8)]
    r = baron_ferejohn(4, discount_factors=Fraction(9, 10), recognition=p, quota="unanimity")
    assert list(r.x) == p                                   # v_i = p_i
    assert list(r.proposer_shares) == [1 - Fraction(9, 10) * (1 - pi) for pi in p]


def test_bf_heterogeneous_exact_certificate():
    p = [Fraction(1, 2)] + [Fraction(1, 8)] * 4
    r = baron_ferejohn(5, discount_factors=Fraction(9, 10), recognition=p)
    assert r.exact and r.residual < 1e-12 and sum(r.x) == 1
    assert r.x[0] == Fraction(11, 31)


@SETTINGS
@given(st.integers(3, 12), st.data())
def test_bf_shares_sum_and_certificate(n, data):
    q = data.draw(st.integers(n // 2 + 1, n))
    deltas = data.draw(st.lists(st.floats(0.4, 0.97), min_size=n, max_size=n))
    weights = np.array(data.draw(st.lists(st.floats(0.2, 5), min_size=n, max_size=n)))
    r = baron_ferejohn(n, discount_factors=deltas, recognition=weights / weights.sum(), quota=q)
    assert r.x.sum() == pytest.approx(1.0, abs=1e-9)
    assert r.residual < 1e-8
    assert np.allclose(r.offers.sum(axis=1), 1.0, atol=1e-9)
    assert (r.x >= -1e-12).all()


@SETTINGS
@given(st.integers(3, 15), st.floats(0.05, 0.99), st.data())
def test_bf_symmetric_agrees_with_closed_form(n, delta, data):
    q = data.draw(st.integers(n // 2 + 1, n))
    r = baron_ferejohn(n, discount_factors=delta, quota=q)
    assert r.proposer_shares == pytest.approx([1 - delta * (q - 1) / n] * n, abs=1e-12)
    assert r.prices == pytest.approx([delta / n] * n, abs=1e-12)


def test_bf_27_heterogeneous_runs():
    rng = np.random.default_rng(2020)
    r = baron_ferejohn(27, discount_factors=rng.uniform(0.6, 0.97, 27),
                       recognition=rng.dirichlet(np.ones(27)), quota=15)
    assert r.residual < 1e-9 and r.x.sum() == pytest.approx(1.0)


def test_bf_bad_inputs():
    with pytest.raises(InvalidProblemError, match="quota"):
        baron_ferejohn(5, quota=6)
    with pytest.raises(InvalidProblemError, match="quota"):
        baron_ferejohn(5, quota="plurality")
    with pytest.raises(InvalidProblemError, match="sum to 1"):
        baron_ferejohn(3, recognition=[0.5, 0.5, 0.5])
    with pytest.raises(InvalidProblemError, match=r"\(0, 1\)"):
        baron_ferejohn(3, discount_factors=1.0)
    with pytest.raises(InvalidProblemError, match="entries"):
        baron_ferejohn(3, discount_factors=[0.9, 0.9])
    with pytest.raises(InvalidProblemError, match="closed form"):
        baron_ferejohn(3, discount_factors=[sp.Symbol("a"), 0.5, 0.5])
