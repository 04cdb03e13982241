"""Clubs: efficiency, coverage and the Pareto frontier."""

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.exceptions import InvalidProblemError, TooLargeError
from coalitions.formation import club_coverage, club_efficiency, club_frontier


def _frontier_by_definition(p, s):
    n = len(p)
    clubs = [c for k in range(1, n + 1) for c in combinations(range(n), k)]
    points = [(float(np.prod([p[i] for i in c])), float(sum(s[i] for i in c)), c) for c in clubs]
    out = set()
    for a, l, _ in points:
        if not any(
            a2 >= a - 1e-12 and l2 >= l - 1e-12 and (a2 > a + 1e-12 or l2 > l + 1e-12)
            for a2, l2, _ in points
        ):
            out.add((round(l, 9), a))
    unique = []
    for l, a in sorted(out):
        if not unique or abs(l - unique[-1][0]) > 1e-9 or abs(a - unique[-1][1]) > 1e-12:
            unique.append((l, a))
    return unique


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 8), seed=st.integers(0, 2**32 - 1), integer=st.booleans())
def test_frontier_matches_definition_both_methods(n, seed, integer):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.05, 1.0, size=n).round(2)
    s = rng.integers(0, 6, size=n) if integer else rng.uniform(0, 10, size=n).round(3)
    expected = _frontier_by_definition(p.tolist(), s.tolist())
    for method in ("enumeration", "pareto"):
        result = club_frontier(p.tolist(), s.tolist(), method=method)
        got = sorted(
            (round(float(l), 9), float(a)) for a, l in zip(result.efficiency, result.coverage)
        )
        assert [l for l, _ in got] == [l for l, _ in expected], method
        assert [a for _, a in got] == pytest.approx([a for _, a in expected], rel=1e-9)
        assert np.all(np.diff(result.coverage) > 0)
        assert np.all(np.diff(result.efficiency) < 0)
        for club, a, l in zip(result.clubs, result.efficiency, result.coverage):
            assert club_efficiency(p.tolist(), club) == pytest.approx(a)
            assert club_coverage(s.tolist(), club) == pytest.approx(l)


def test_exact_efficiency_and_coverage():
    p = {"a": Fraction(1, 2), "b": Fraction(2, 3), "c": 1}
    assert club_efficiency(p, ["a", "b"]) == Fraction(1, 3)
    assert club_coverage({"a": 3, "b": 4, "c": 5}, ["a", "c"]) == 8


def test_larger_club_frontier_uses_pareto():
    rng = np.random.default_rng(1)
    p = rng.uniform(0.3, 1.0, size=40)
    s = rng.integers(1, 50, size=40)
    result = club_frontier(p.tolist(), s.tolist())
    assert result.method == "pareto"
    assert result.coverage[-1] == s.sum()  # the grand club covers everyone
    assert result.efficiency[0] == pytest.approx(p[np.argmax(p)])


def test_errors():
    with pytest.raises(InvalidProblemError, match=r"in \(0, 1\]"):
        club_frontier([0.5, 1.5], [1, 1])
    with pytest.raises(InvalidProblemError, match=">= 0"):
        club_frontier([0.5, 0.5], [1, -1])
    with pytest.raises(InvalidProblemError, match="one support probability"):
        club_frontier([0.5, 0.5], [1])
    # numbers past the float range: refused with the value shortened, never an OverflowError
    with pytest.raises(InvalidProblemError, match=r"at most about 1.8e308.*401 characters"):
        club_frontier([0.5, 0.5], [1, 10**400])
    with pytest.raises(InvalidProblemError, match="sum past the float range"):
        club_frontier([0.5, 0.5], [1e308, 1e308])
    with pytest.raises(InvalidProblemError, match="at least one member"):
        club_efficiency([0.5], [])
    with pytest.raises(InvalidProblemError, match="unknown player"):
        club_efficiency({"a": 0.5}, ["b"])
    with pytest.raises(ValueError, match="valid methods"):
        club_frontier([0.5], [1], method="greedy")
    with pytest.raises(TooLargeError, match="method='pareto'"):
        club_frontier([0.5] * 23, [1] * 23, method="enumeration")
    rng = np.random.default_rng(0)
    with pytest.raises(TooLargeError, match="Round the coverage"):
        club_frontier(
            rng.uniform(0.1, 1, 30).tolist(),
            rng.uniform(0, 1, 30).tolist(),
            method="pareto",
            max_points=10,
        )
