"""Two-player polytopes solved on the Pareto chain of one hull (issue 17, item 1).

The oracle shares no code with the solver: every segment between two input points (each
point with itself included) is scanned in exact rational arithmetic. The Nash point, the
egalitarian and Kalai-Smorodinsky points of ``conv(V) - R^2_+`` lie on a Pareto edge of the
hull, which is one of these segments, so the best candidate over all of them is the answer.
"""

from fractions import Fraction
from itertools import combinations_with_replacement

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coalitions import _polygon
from coalitions.bargaining import (
    BargainingProblem,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
)
from coalitions.exceptions import InvalidProblemError

SETTINGS = settings(max_examples=60, deadline=None)


# ------------------------------------------------------------------ the oracle (Fractions)
def _segments(points):
    return combinations_with_replacement([tuple(map(Fraction, p)) for p in points], 2)


def _oracle_nash(points, d, w=(1, 1)):
    """argmax of (u1 - d1)^w1 (u2 - d2)^w2 over every segment: (point, value)."""
    best, best_value = None, Fraction(0)
    for p, q in _segments(points):
        a = (p[0] - d[0], p[1] - d[1])
        b = (q[0] - p[0], q[1] - p[1])
        steps = [Fraction(0), Fraction(1)]
        if b[0] * b[1] != 0:  # d/ds [w1 log(a1 + s b1) + w2 log(a2 + s b2)] = 0
            s = -Fraction(w[0] * b[0] * a[1] + w[1] * b[1] * a[0]) / ((w[0] + w[1]) * b[0] * b[1])
            if 0 < s < 1:
                steps.append(s)
        for s in steps:
            g = (a[0] + s * b[0], a[1] + s * b[1])
            if g[0] > 0 and g[1] > 0:
                value = g[0] ** w[0] * g[1] ** w[1]
                if value > best_value:
                    best, best_value = (d[0] + g[0], d[1] + g[1]), value
    return best, best_value


def _oracle_ray(points, d, e):
    """max t with d + t e weakly below a point of some segment (None if none is above d);
    e has positive entries."""
    best = None
    for p, q in _segments(points):
        # t(s) = min_i (p_i + s (q_i - p_i) - d_i) / e_i: concave piecewise linear in s
        steps = [Fraction(0), Fraction(1)]
        f = [((p[i] - d[i]) / e[i], (q[i] - p[i]) / e[i]) for i in range(2)]
        if f[0][1] != f[1][1]:
            s = (f[1][0] - f[0][0]) / (f[0][1] - f[1][1])
            if 0 < s < 1:
                steps.append(s)
        for s in steps:
            t = min(c + s * slope for c, slope in f)
            if best is None or t > best:
                best = t
    return best


def _oracle_ideal(points, d, i):
    """max u_i over the segments' points with u_j >= d_j for the other player j."""
    j = 1 - i
    best = None
    for p, q in _segments(points):
        steps = [Fraction(0), Fraction(1)]
        if q[j] != p[j]:
            s = (d[j] - p[j]) / (q[j] - p[j])
            if 0 < s < 1:
                steps.append(s)
        for s in steps:
            u = [p[k] + s * (q[k] - p[k]) for k in range(2)]
            if u[j] >= d[j] and (best is None or u[i] > best):
                best = u[i]
    return best


def _oracle_ks(points, d):
    ideal = [_oracle_ideal(points, d, i) for i in range(2)]
    gains = [ideal[i] - d[i] for i in range(2)]
    t = _oracle_ray(points, d, gains)
    return [d[i] + t * gains[i] for i in range(2)]


# ------------------------------------------------------------------ strategies
coordinate = st.integers(-12, 12)
point_lists = st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=14)


def _problem(points, d, exact):
    data = [list(p) for p in points] if exact else np.array(points, dtype=float)
    dis = list(d) if exact else np.array(d, dtype=float)
    return BargainingProblem.from_vertices(data, dis)


def _below(points, data):
    """A disagreement point drawn at or below the points' componentwise minimum."""
    lows = [min(p[i] for p in points) for i in range(2)]
    return (lows[0] - data.draw(st.integers(0, 3)), lows[1] - data.draw(st.integers(0, 3)))


@SETTINGS
@given(point_lists, st.data(), st.booleans())
def test_validation_agrees_with_the_oracle(points, data, exact):
    d = (data.draw(coordinate), data.draw(coordinate))
    fd = tuple(map(Fraction, d))
    t = _oracle_ray(points, fd, (Fraction(1), Fraction(1)))
    if t > 0:
        problem = _problem(points, d, exact)
        assert problem.ray(np.array(d, float), np.ones(2)) == pytest.approx(float(t), abs=1e-9)
        assert problem.contains(d)
    else:  # d not feasible, or on the frontier: nothing to bargain over
        with pytest.raises(InvalidProblemError):
            _problem(points, d, exact)


@SETTINGS
@given(point_lists, st.data(), st.sampled_from([(1, 1), (1, 3), (2, 1)]))
def test_nash_agrees_with_the_oracle(points, data, w):
    d = _below(points, data)
    fd = tuple(map(Fraction, d))
    best, _ = _oracle_nash(points, fd, w)
    assume(best is not None)
    x = nash_solution(_problem(points, d, False), weights=[float(v) for v in w]).x
    assert x.tolist() == pytest.approx([float(v) for v in best], abs=1e-9)
    exact = nash_solution(_problem(points, d, True), weights=list(w))
    assert exact.exact and list(exact.x) == list(best)


@SETTINGS
@given(point_lists, st.data())
def test_egalitarian_and_ks_agree_with_the_oracle(points, data):
    d = _below(points, data)
    fd = tuple(map(Fraction, d))
    t = _oracle_ray(points, fd, (Fraction(1), Fraction(1)))
    assume(t > 0)
    egal = [fd[0] + t, fd[1] + t]
    ks = _oracle_ks(points, fd)
    floats = _problem(points, d, False)
    assert egalitarian(floats).x.tolist() == pytest.approx([float(v) for v in egal], abs=1e-9)
    assert kalai_smorodinsky(floats).x.tolist() == pytest.approx([float(v) for v in ks], abs=1e-9)
    exact = _problem(points, d, True)
    assert list(egalitarian(exact).x) == egal
    assert list(kalai_smorodinsky(exact).x) == ks


@SETTINGS
@given(
    st.lists(
        st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=3, max_size=40, unique=True
    )
)
def test_float_points_agree_with_the_oracle(points):
    d = tuple(min(p[i] for p in points) - 1.0 for i in range(2))
    best, _ = _oracle_nash(points, tuple(map(Fraction, d)))
    x = nash_solution(BargainingProblem.from_vertices(np.array(points), d)).x
    assert x.tolist() == pytest.approx([float(v) for v in best], rel=1e-9, abs=1e-9)


# ------------------------------------------------------------------ degenerate inputs
def _all_three(problem):
    return [
        f(problem).x.astype(float).tolist() for f in (nash_solution, egalitarian, kalai_smorodinsky)
    ]


@pytest.mark.parametrize("exact", [True, False])
def test_collinear_frontier(exact):
    problem = _problem([(0, 4), (1, 3), (2, 2), (3, 1), (4, 0)], (0, 0), exact)
    nash, egal, ks = _all_three(problem)
    assert nash == pytest.approx([2, 2]) and egal == pytest.approx([2, 2])
    assert ks == pytest.approx([2, 2])
    assert len(problem._pareto_polygon().chain) == 2  # the collinear middle points drop


@pytest.mark.parametrize("exact", [True, False])
def test_collinear_increasing_points_have_one_pareto_point(exact):
    problem = _problem([(0, 0), (1, 1), (2, 2), (3, 3)], (0, 0), exact)
    assert _all_three(problem) == [[3, 3]] * 3


@pytest.mark.parametrize("exact", [True, False])
def test_single_pareto_point(exact):
    problem = _problem([(3, 3), (1, 2), (2, 1), (0, 3), (3, 0), (0, 0)], (0, 0), exact)
    assert _all_three(problem) == [[3, 3]] * 3
    single = _problem([(2, 5)], (0, 1), exact)
    # equal gains stop at player 1's bound (weakly Pareto); the others take the point
    assert _all_three(single) == [[2, 5], [2, 3], [2, 5]]


@pytest.mark.parametrize("exact", [True, False])
def test_duplicates_change_nothing(exact):
    base = [(0, 0), (4, 0), (0, 2), (3, 1)]
    once = _all_three(_problem(base, (0, 0), exact))
    assert _all_three(_problem(base * 5 + [(3, 1)] * 7, (0, 0), exact)) == once


@pytest.mark.parametrize("exact", [True, False])
def test_disagreement_on_the_frontier_is_refused(exact):
    with pytest.raises(InvalidProblemError, match="nothing to bargain"):
        _problem([(0, 2), (2, 0)], (1, 1), exact)
    with pytest.raises(InvalidProblemError, match="nothing to bargain"):
        _problem([(0, 2), (2, 0), (0, 0)], (2, 0), exact)  # a Pareto vertex
    with pytest.raises(InvalidProblemError, match="not feasible"):
        _problem([(0, 2), (2, 0)], (2, 2), exact)


def test_extreme_scales():
    for unit in (1e300, 1e-300):
        problem = BargainingProblem.from_vertices(
            np.array([[0, 0], [4, 0], [0, 2]]) * unit, atol=1e-9 * unit
        )
        assert (nash_solution(problem).x / unit).tolist() == pytest.approx([2, 1])
        assert (egalitarian(problem).x / unit).tolist() == pytest.approx([4 / 3, 4 / 3])


def test_qhull_fallback_gives_the_same_chain(monkeypatch):
    rng = np.random.default_rng(7)
    angles = rng.uniform(0, np.pi / 2, 500)
    points = np.vstack(
        [np.column_stack([np.cos(angles), np.sin(angles)]), 0.7 * rng.random((500, 2))]
    )
    passes = _polygon.pareto_polygon(points)
    monkeypatch.setattr(_polygon, "_PASSES", 0)
    fallback = _polygon.pareto_polygon(points)
    assert np.array_equal(passes.chain, fallback.chain)
    assert len(passes.chain) == 500


def test_many_points_agree_with_the_oracle_on_the_hull():
    """1e4 random points: the chain's Nash point equals the oracle's over the hull vertices."""
    from scipy.spatial import ConvexHull

    rng = np.random.default_rng(3)
    points = rng.integers(0, 10**6, (10**4, 2))
    hull = points[ConvexHull(points).vertices]
    best, _ = _oracle_nash(hull.tolist(), (Fraction(0), Fraction(0)))
    problem = BargainingProblem.from_vertices(points.astype(float), [0.0, 0.0])
    assert nash_solution(problem).x.tolist() == pytest.approx([float(v) for v in best], rel=1e-12)
