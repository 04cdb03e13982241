"""The capped proportional rule against its definition, solved independently by bisection on
the proportionality factor."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co


def _by_bisection(total, bases, caps):
    """x_i = min(c_i, lam b_i) with sum x = total, lam found by bisection (floats)."""
    lo, hi = 0.0, 1.0
    while sum(min(c, hi * b) for b, c in zip(bases, caps)) < total:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if sum(min(c, mid * b) for b, c in zip(bases, caps)) < total:
            lo = mid
        else:
            hi = mid
    return [min(c, hi * b) for b, c in zip(bases, caps)]


problems = st.integers(1, 6).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(1, 50), min_size=n, max_size=n),
        st.lists(st.integers(1, 60), min_size=n, max_size=n),
    )
)


@settings(max_examples=80, deadline=None)
@given(problems, st.integers(1, 100))
def test_matches_the_definition(problem, total):
    bases, caps = problem
    if sum(caps) < total:
        with pytest.raises(co.InvalidProblemError, match="less than the total"):
            co.capped_proportional_rule(total, bases, caps)
        return
    result = co.capped_proportional_rule(total, bases, caps)
    x = list(result.x)
    assert result.exact and sum(x) == total
    assert all(isinstance(v, Fraction) and 0 <= v <= c for v, c in zip(x, caps))
    # the members below their cap share in proportion to their bases
    free = [(v, b) for v, b, c in zip(x, bases, caps) if v < c]
    assert len({v / b for v, b in free}) <= 1
    assert [float(v) for v in x] == pytest.approx(_by_bisection(total, bases, caps), abs=1e-9)


def test_un_ceiling_and_float_inputs():
    # a member whose base is 30 % of 100 pays the 22 % ceiling; the others share the rest
    result = co.capped_proportional_rule(100, [30, 50, 20], [22, 100, 100], ["US", "B", "C"])
    assert dict(result) == {"US": 22, "B": Fraction(390, 7), "C": Fraction(156, 7)}
    floats = co.capped_proportional_rule(1.0, [0.3, 0.5, 0.2], [0.22, 1, 1])
    assert not floats.exact and floats.x[0] == 0.22


@pytest.mark.parametrize(
    "args, match",
    [
        ((100, [1, 0], [10, 100]), "zero bases"),
        ((100, [-1, 2], [100, 100]), "non-negative"),
        ((100, [1, 2], [100]), "one cap per base"),
        ((100, "ab", [1, 2]), "bases"),
        ((float("nan"), [1], [100]), "capped_proportional_rule"),
    ],
)
def test_bad_problems_are_refused(args, match):
    with pytest.raises(co.InvalidProblemError, match=match):
        co.capped_proportional_rule(*args)
