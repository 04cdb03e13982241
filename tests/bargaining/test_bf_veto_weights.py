"""Baron-Ferejohn with veto players (Winter 1996; McCarty 2000) and weighted voting (Snyder,
Ting & Ansolabehere 2005): closed forms, an independent equilibrium check written here
(brute force over coalitions, sharing no code with the solvers), and two solvers that must
agree (the threshold structure and the coalition enumeration)."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import (
    InvalidArgumentError,
    InvalidProblemError,
    SolverError,
    TooLargeError,
)


def passing_coalitions(n, quota, veto=(), weights=None):
    """Every passing coalition, as sets of indices (brute force)."""
    out = []
    for size in range(1, n + 1):
        for members in combinations(range(n), size):
            if not set(veto) <= set(members):
                continue
            if weights is None:
                if size >= quota:
                    out.append(set(members))
            elif sum(weights[k] for k in members) >= quota:
                out.append(set(members))
    return out


def check_equilibrium(result, delta, p, s, coalitions):
    """The stationary-equilibrium conditions from first principles.

    Responders accept iff offered at least their discounted continuation value, so a
    proposer's best offer buys the cheapest passing coalition containing her at exactly
    those prices; the ex-ante value of j is what she expects to receive, sum_i p_i
    offers[i, j].
    """
    n = len(p)
    v = list(result.x)
    price = [delta[j] * v[j] for j in range(n)]
    assert sum(v) == s
    for i in range(n):
        least = min(sum(price[j] for j in c if j != i) for c in coalitions if i in c)
        assert result.proposer_shares[i] == s - least  # the optimal proposal
        assert result.offers[i, i] == s - least
        for j in range(n):
            if j != i:
                assert 0 <= result.inclusion[i, j] <= 1
                # a partner is offered exactly her continuation value (she accepts)
                assert result.offers[i, j] == result.inclusion[i, j] * price[j]
        assert sum(result.offers[i, j] for j in range(n)) == s
    for j in range(n):
        assert v[j] == sum(p[i] * result.offers[i, j] for i in range(n))


def veto_closed_form(n, q, delta, s=1):
    """One veto player among n, equal recognition, common delta, quota q (the veto player
    included): her value from the value equations ``v_V = (S - (q-1) delta v)/n + (1 -
    1/n) delta v_V`` and ``v_V + (n-1) v = S``."""
    return s * ((n - 1) - (q - 1) * delta) / ((n - 1) * (n - (n - 1) * delta) - (q - 1) * delta)


@pytest.mark.parametrize("delta", [Fraction(1, 2), Fraction(9, 10), Fraction(99, 100)])
@pytest.mark.parametrize("q", [2, 3, 4])
def test_one_veto_among_five_matches_the_closed_form(q, delta):
    r = co.baron_ferejohn(5, discount_factors=delta, quota=q, veto=["1"])
    plain = co.baron_ferejohn(5, discount_factors=delta, quota=q)
    assert r.exact and r.method == "threshold" and r.veto == ("1",)
    assert r.x[0] == veto_closed_form(5, q, delta)
    assert r.x[0] > plain.x[0] == Fraction(1, 5)  # the veto raises her share
    assert all(r.x[k] == (1 - r.x[0]) / 4 for k in range(1, 5))
    check_equilibrium(r, [delta] * 5, [Fraction(1, 5)] * 5, 1, passing_coalitions(5, q, [0]))


def test_majority_of_five_with_a_veto_reference():
    # n = 5, q = 3, delta = 9/10: v_V = (4 - 1.8) / (4 * 1.4 - 1.8) = 11/19
    r = co.baron_ferejohn(5, discount_factors=Fraction(9, 10), veto=[1])
    assert r.x[0] == Fraction(11, 19) and r.x[1] == Fraction(2, 19)
    # the veto player's value tends to the whole surplus as delay becomes cheap
    patient = co.baron_ferejohn(5, discount_factors=Fraction(9999, 10000), veto=[1])
    assert patient.x[0] > Fraction(99, 100)


@st.composite
def quota_games(draw, sizes, patience, quotas, vetoes):
    """``(n, recognition, discount factors, quota, veto indices)``, all rational."""
    n = draw(sizes)
    raw = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    p = [Fraction(k, sum(raw)) for k in raw]
    delta = [Fraction(draw(patience), 20) for _ in range(n)]
    q = draw(st.integers(*quotas(n)))
    veto = draw(st.lists(st.integers(0, n - 1), unique=True, max_size=vetoes))
    return n, p, delta, q, veto


@settings(max_examples=30, deadline=None)
@given(quota_games(st.integers(2, 6), st.integers(1, 19), lambda n: (1, n), 2))
def test_threshold_passes_the_independent_check(case):
    n, p, delta, q, veto = case
    r = co.baron_ferejohn(
        n, discount_factors=delta, recognition=p, quota=q, veto=[str(k + 1) for k in veto]
    )
    assert r.exact
    check_equilibrium(r, delta, p, 1, passing_coalitions(n, q, veto))


@settings(max_examples=25, deadline=None)
@given(quota_games(st.integers(3, 8), st.integers(10, 19), lambda n: (2, n - 1), 0))
def test_threshold_agrees_with_the_homotopy(case):
    n, p, delta, q, _ = case
    fast = co.baron_ferejohn(n, discount_factors=delta, recognition=p, quota=q, method="threshold")
    slow = co.baron_ferejohn(n, discount_factors=delta, recognition=p, quota=q, method="active-set")
    assert fast.method == "threshold"
    if slow.exact:
        assert list(fast.x) == list(slow.x)
    else:
        assert np.allclose(np.array(fast.x, dtype=float), np.array(slow.x, dtype=float))


@settings(max_examples=10, deadline=None)
@given(quota_games(st.integers(3, 5), st.integers(10, 19), lambda n: (2, n), 1))
def test_threshold_agrees_with_the_coalition_enumeration(case):
    n, p, delta, q, indices = case
    veto = [str(k + 1) for k in indices]
    fast = co.baron_ferejohn(n, discount_factors=delta, recognition=p, quota=q, veto=veto)
    try:
        enum = co.baron_ferejohn(
            n, discount_factors=delta, recognition=p, quota=q, veto=veto, method="coalitions"
        )
    except SolverError:  # the enumeration's annealing can stall: see the known gap below
        assume(False)
    assert enum.method == "coalitions"
    assert np.allclose(np.array(fast.x, dtype=float), np.array(enum.x, dtype=float), atol=1e-7)


@pytest.mark.xfail(raises=SolverError, strict=True, reason="known gap of method='coalitions'")
def test_enumeration_gap_where_the_threshold_structure_solves():
    # found by hypothesis: the smoothed prices of the coalition enumeration stall at a
    # residual of 1e-3 on this veto game, which the threshold structure solves exactly; the
    # enumeration says so (SolverError) rather than answer. Strict: it fails once fixed.
    F = Fraction
    p = [F(6, 23), F(8, 23), F(4, 23), F(2, 23), F(3, 23)]
    delta = [F(17, 20), F(13, 20), F(3, 4), F(17, 20), F(9, 10)]
    fast = co.baron_ferejohn(5, discount_factors=delta, recognition=p, quota=3, veto=["4"])
    assert fast.exact
    co.baron_ferejohn(
        5, discount_factors=delta, recognition=p, quota=3, veto=["4"], method="coalitions"
    )


def test_large_heterogeneous_legislature_certificate():
    rng = np.random.default_rng(3)
    n = 201
    r = co.baron_ferejohn(
        n, discount_factors=rng.uniform(0.6, 0.98, n), recognition=rng.dirichlet(np.ones(n))
    )
    assert r.method == "threshold" and r.residual < 1e-9
    assert abs(r.x.sum() - 1) < 1e-12


def test_near_zero_recognition_is_solved_by_the_threshold_structure():
    # the homotopy's known hard case: members never recognised cost nothing
    r = co.baron_ferejohn(
        5, discount_factors=0.9, quota=3, recognition=[1e-300, 1 - 1e-300, 0, 0, 0]
    )
    assert r.method == "threshold" and r.residual < 1e-12
    assert r.x.tolist() == [1e-300, 1.0, 0.0, 0.0, 0.0]


# ---------------------------------------------------------------- weighted voting
@pytest.mark.parametrize("delta", [Fraction(1, 2), Fraction(9, 10)])
@pytest.mark.parametrize(
    "weights, quota, minimal",
    [
        ([2, 1, 1, 1], 3, [2, 1, 1, 1]),
        ([40, 25, 22, 21], 61, [2, 1, 1, 1]),  # the same game: minimal weights 2, 1, 1, 1
        ([2, 2, 1, 1, 1], 4, [2, 2, 1, 1, 1]),
        ([3, 2, 2, 1, 1, 1], 6, [3, 2, 2, 1, 1, 1]),
    ],
)
def test_sta_payoffs_proportional_to_minimal_integer_weights(weights, quota, minimal, delta):
    """Snyder, Ting & Ansolabehere (2005): homogeneous games, recognition proportional to the
    minimal integer weights: expected payoffs proportional to those weights, for any delta."""
    total = sum(minimal)
    p = [Fraction(w, total) for w in minimal]
    r = co.baron_ferejohn(
        len(weights), discount_factors=delta, recognition=p, weights=weights, quota=quota
    )
    assert r.exact and r.method == "coalitions"
    assert list(r.x) == p
    check_equilibrium(r, [delta] * len(p), p, 1, passing_coalitions(len(p), quota, weights=weights))


def test_nominal_weights_are_not_the_payoffs():
    r = co.baron_ferejohn(
        4,
        discount_factors=Fraction(9, 10),
        recognition=[Fraction(2, 5)] + [Fraction(1, 5)] * 3,
        weights=[40, 25, 22, 21],
        quota=61,
    )
    assert r.x[1] == r.x[2] == r.x[3]  # 25, 22 and 21 are perfect substitutes
    assert r.quota == 61 and list(r.weights) == [40, 25, 22, 21]


def test_weighted_with_veto_and_equal_weights():
    # equal weights are a count quota (the threshold structure, any size)
    r = co.baron_ferejohn(5, discount_factors=Fraction(9, 10), weights=[2] * 5, quota=6, veto=[1])
    assert r.method == "threshold" and r.quota == 3 and r.x[0] == Fraction(11, 19)
    w = co.baron_ferejohn(4, discount_factors=0.9, weights=[3, 2, 2, 1], veto=["4"])
    assert w.residual < 1e-9 and w.veto == ("4",)
    check_equilibrium_float(w, [0.9] * 4, [0.25] * 4, passing_coalitions(4, 5, [3], [3, 2, 2, 1]))


def check_equilibrium_float(result, delta, p, coalitions):
    n = len(p)
    price = [delta[j] * result.x[j] for j in range(n)]
    for i in range(n):
        least = min(sum(price[j] for j in c if j != i) for c in coalitions if i in c)
        assert abs(result.proposer_shares[i] - (1 - least)) < 1e-8
    for j in range(n):
        assert abs(result.x[j] - sum(p[i] * result.offers[i, j] for i in range(n))) < 1e-8


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: co.baron_ferejohn(5, veto=["9"]), InvalidProblemError, "not a player"),
        (lambda: co.baron_ferejohn(5, veto=["1", 1]), InvalidProblemError, "twice"),
        (lambda: co.baron_ferejohn(5, veto="1"), InvalidProblemError, "veto"),
        (lambda: co.baron_ferejohn(3, weights=[1, 2]), InvalidProblemError, "entries"),
        (lambda: co.baron_ferejohn(3, weights=[1, -2, 1]), InvalidProblemError, "non-negative"),
        (lambda: co.baron_ferejohn(3, weights=[0, 0, 0]), InvalidProblemError, "all be 0"),
        (lambda: co.baron_ferejohn(3, weights=[1, 2, 3], quota=9), InvalidProblemError, "weight"),
        (lambda: co.baron_ferejohn(20, weights=list(range(1, 21))), TooLargeError, "at most"),
        (lambda: co.baron_ferejohn(5, veto=[1], method="active-set"), InvalidProblemError, "veto"),
        (
            lambda: co.baron_ferejohn(
                5, recognition=[0.3, 0.2, 0.2, 0.2, 0.1], method="closed-form"
            ),
            InvalidProblemError,
            "no closed form",
        ),
        (lambda: co.baron_ferejohn(5, method="fast"), InvalidArgumentError, "threshold"),
    ],
)
def test_bad_veto_and_weights_inputs(call, error, match):
    with pytest.raises(error, match=match):
        call()
