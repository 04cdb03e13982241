"""Rubinstein and Baron-Ferejohn: reference cases, closed forms, properties, bad inputs."""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.bargaining import BargainingProblem, baron_ferejohn, nash_solution, rubinstein
from coalitions.exceptions import InvalidProblemError

SETTINGS = settings(max_examples=25, deadline=None)


# ------------------------------------------------------------------ Rubinstein
def test_rub_09_reference():  # RUB_09: 10/19
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
def test_bf_5_majority_reference():  # BF_5_maj: 16/25 and 9/50
    r = baron_ferejohn(5, discount_factors=Fraction(9, 10))
    assert r.proposer_shares[0] == Fraction(16, 25)
    assert all(r.prices[j] == Fraction(9, 50) for j in range(5))
    assert r.inclusion[0, 1] == Fraction(1, 2) and r.exact
    assert sum(r.x) == 1 and r.quota == 3
    assert sum(r.offers[0]) == 1


def test_bf_5_unanimity_reference():  # BF_5_unan: 7/25 and 9/50
    r = baron_ferejohn(5, discount_factors=Fraction(9, 10), quota="unanimity")
    assert r.proposer_shares[0] == Fraction(7, 25)
    assert r.offers[0, 1] == Fraction(9, 50) and r.method == "closed-form"


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
    assert list(r.x) == p  # v_i = p_i
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
    r = baron_ferejohn(
        27,
        discount_factors=rng.uniform(0.6, 0.97, 27),
        recognition=rng.dirichlet(np.ones(27)),
        quota=15,
    )
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


# ------------------------------------------------------------------ closed forms (issue 11 item 11)
@pytest.mark.parametrize("n", [5, 10, 50])
@pytest.mark.parametrize("quota", ["unanimity", "majority"])
def test_bf_symbolic_delta_uses_the_closed_form(n, quota):
    """Baron & Ferejohn (1989): proposer 1 - delta (q - 1)/n, partner delta/n, value 1/n."""
    d = sp.Symbol("delta", positive=True)
    q = n if quota == "unanimity" else n // 2 + 1
    r = baron_ferejohn(n, discount_factors=d, quota=quota, symbolic=True)
    assert r.method == "closed-form" and r.quota == q and r.exact
    assert all(sp.expand(k - (1 - d * sp.Rational(q - 1, n))) == 0 for k in r.proposer_shares)
    assert all(sp.expand(c - d / n) == 0 for c in r.prices)
    assert all(v == sp.Rational(1, n) for v in r.x)
    assert r.inclusion[0, 1] == sp.Rational(q - 1, n - 1) and r.inclusion[0, 0] == 0
    assert sp.expand(sum(r.offers[0]) - 1) == 0
    closed = r.closed_form
    names = {s.name: s for s in closed["proposer_share"].free_symbols}
    assert (
        closed["proposer_share"].subs(
            {names["n"]: n, names["q"]: q, names["S"]: 1, names["delta"]: d}
        )
        == r.proposer_shares[0]
    )


def _unanimity_oracle(delta, p, s=1):
    """The value equations under unanimity as a linear system, solved by sympy (independent
    of the library): v_j = p_j (S - sum_{k != j} delta_k v_k) + (1 - p_j) delta_j v_j."""
    n = len(delta)
    v = sp.symbols(f"v0:{n}")
    equations = [
        sp.Eq(
            v[j],
            p[j] * (s - sum(delta[k] * v[k] for k in range(n) if k != j))
            + (1 - p[j]) * delta[j] * v[j],
        )
        for j in range(n)
    ]
    solution = sp.solve(equations, v, dict=True)[0]
    return [sp.simplify(solution[v[j]]) for j in range(n)]


def test_bf_symbolic_heterogeneous_unanimity_against_the_value_equations():
    ds = list(sp.symbols("d1:5", positive=True))
    p = [sp.Rational(1, 2), sp.Rational(1, 4), sp.Rational(1, 8), sp.Rational(1, 8)]
    r = baron_ferejohn(4, discount_factors=ds, recognition=p, quota="unanimity")
    oracle = _unanimity_oracle(ds, p)
    assert all(sp.simplify(x - o) == 0 for x, o in zip(r.x, oracle))
    assert sp.simplify(sum(r.x) - 1) == 0
    big = baron_ferejohn(50, discount_factors=list(sp.symbols("d1:51")), quota="unanimity")
    assert big.method == "closed-form"  # O(n): no symbolic 50 x 50 solve


@SETTINGS
@given(st.integers(2, 7), st.data())
def test_bf_exact_unanimity_against_the_value_equations(n, data):
    fractions = st.fractions(Fraction(1, 20), Fraction(19, 20), max_denominator=20)
    deltas = data.draw(st.lists(fractions, min_size=n, max_size=n))
    weights = data.draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    p = [Fraction(w, sum(weights)) for w in weights]
    r = baron_ferejohn(n, discount_factors=deltas, recognition=p, quota="unanimity")
    oracle = _unanimity_oracle(
        [sp.Rational(d.numerator, d.denominator) for d in deltas],
        [sp.Rational(v.numerator, v.denominator) for v in p],
    )
    assert [sp.Rational(v.numerator, v.denominator) for v in r.x] == oracle
    assert r.exact and r.residual < 1e-12


def test_bf_symbolic_without_closed_form_fails_fast():
    d = sp.Symbol("delta")
    with pytest.raises(InvalidProblemError, match="closed form"):
        baron_ferejohn(
            50, discount_factors=d, recognition=[Fraction(1, 25)] * 25 + [Fraction(1, 100)] * 25
        )  # majority, unequal p
    r = baron_ferejohn(6, discount_factors=d, quota=1)  # dictatorship
    assert list(r.x) == [sp.Rational(1, 6)] * 6 and list(r.proposer_shares) == [1] * 6
