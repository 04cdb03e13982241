"""The Shapley-Owen spatial value (Owen and Shapley 1989): known answers, properties, and an
independent oracle (a dense grid of directions with its own weighted-median pivot)."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError

coordinates = st.integers(-20, 20)
plane_points = st.lists(st.tuples(coordinates, coordinates), min_size=1, max_size=7, unique=True)


def grid_oracle(points, weights, quota, k=20_000):
    """Fraction of k evenly spaced directions for which each voter is the weighted pivot:
    the first voter, by increasing projection, at which the running weight reaches quota."""
    points = np.asarray(points, dtype=float)
    weights = np.asarray(weights, dtype=float)
    theta = 2 * np.pi * (np.arange(k) + 0.5) / k
    proj = np.cos(theta)[:, None] * points[:, 0] + np.sin(theta)[:, None] * points[:, 1]
    order = np.argsort(proj, axis=1)
    running = np.cumsum(weights[order], axis=1)
    first = np.argmax(running >= quota - 1e-9, axis=1)
    pivot = order[np.arange(k), first]
    return np.bincount(pivot, minlength=len(points)) / k


def test_a_triangle_gives_each_voter_its_angle_over_pi():
    a, b, c = np.array([0.0, 0.0]), np.array([4.0, 0.0]), np.array([1.0, 3.0])

    def angle(p, q, r):
        u, v = q - p, r - p
        return math.acos(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))

    so = co.shapley_owen_value([a, b, c], players="ABC")
    expected = [angle(a, b, c), angle(b, a, c), angle(c, a, b)]
    assert so.x == pytest.approx([e / math.pi for e in expected], abs=1e-12)
    assert so.exact is False and so.concept == "shapley-owen"


@pytest.mark.parametrize("n", [3, 4, 5, 8, 9])
def test_a_regular_polygon_gives_equal_values(n):
    points = [(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)) for k in range(n)]
    assert co.shapley_owen_value(points).x == pytest.approx([1 / n] * n, abs=1e-12)


@given(
    st.lists(st.integers(-30, 30), min_size=1, max_size=9, unique=True).filter(
        lambda xs: len(xs) % 2 == 1
    )
)
@settings(max_examples=25, deadline=None)
def test_collinear_voters_leave_the_median_pivotal(ts):
    origin, step = np.array([1.0, -2.0]), np.array([3.0, 1.0])
    points = [origin + t * step for t in ts]
    so = co.shapley_owen_value(points)
    median = int(np.argsort(ts)[len(ts) // 2])
    assert so.x == pytest.approx([1.0 if i == median else 0.0 for i in range(len(ts))])
    line = co.shapley_owen_value(ts)  # the same body on a line: exact
    assert line.exact and line.x.tolist() == [Fraction(int(i == median)) for i in range(len(ts))]


@given(plane_points, st.data())
@settings(max_examples=25, deadline=None)
def test_values_sum_to_one_and_match_a_dense_grid_of_directions(points, data):
    n = len(points)
    weights = data.draw(st.lists(st.integers(1, 5), min_size=n, max_size=n))
    total = sum(weights)
    quota = data.draw(st.integers(total // 2 + 1, total))
    so = co.shapley_owen_value(points, weights=weights, quota=quota)
    assert float(np.sum(so.x)) == pytest.approx(1.0, abs=1e-12)
    # the grid misses at most one arc end per grid cell: n(n-1) ends of width 1/k each
    tolerance = max(1, n * (n - 1)) / 20_000 + 1e-12
    assert so.x == pytest.approx(grid_oracle(points, weights, quota), abs=tolerance)


@given(plane_points, st.floats(0, 2 * math.pi), st.floats(0.1, 10), st.integers(-5, 5))
@settings(max_examples=20, deadline=None)
def test_invariant_under_rotation_scaling_and_translation(points, angle, scale, shift):
    rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    moved = [scale * (rotation @ np.array(p, dtype=float)) + shift for p in points]
    before = co.shapley_owen_value(points).x
    assert co.shapley_owen_value(moved).x == pytest.approx(before, abs=1e-9)


def test_on_a_line_each_direction_weighs_one_half():
    # weights 3, 1, 1, 2 at 0 < 1 < 2 < 3, quota 4: left to right the running weights are
    # 3, 4 (pivot B); right to left 2, 3, 4 (pivot B again)
    so = co.shapley_owen_value([0, 1, 2, 3], players="ABCD", weights=[3, 1, 1, 2], quota=4)
    assert so.x.tolist() == [0, 1, 0, 0]
    so = co.shapley_owen_value([0, 1, 2, 3], players="ABCD", weights=[3, 1, 1, 2], quota=6)
    # left to right: 3, 4, 5, 7 -> D; right to left: 2, 3, 4, 7 -> A
    assert so.x.tolist() == [Fraction(1, 2), 0, 0, Fraction(1, 2)]


def test_unanimity_makes_the_extreme_voters_pivotal():
    so = co.shapley_owen_value([(0, 0), (2, 0), (1, 1)], decision_rule="unanimity")
    # the last in line is pivotal: each corner of the triangle is last for pi - its angle
    assert so.x == pytest.approx([3 / 8, 3 / 8, 1 / 4], abs=1e-12)


def test_a_spatial_model_brings_its_players_and_rule():
    model = co.SpatialModel(
        {"A": (0, 0), "B": (4, 0), "C": (1, 3)}, status_quo=(5, 5), decision_rule="majority"
    )
    so = co.shapley_owen_value(model)
    assert so.players == ("A", "B", "C")
    assert so.x == pytest.approx(co.shapley_owen_value([(0, 0), (4, 0), (1, 3)]).x)


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"ideal_points": [(0, 0), (0, 0), (1, 1)]}, InvalidProblemError),
        (
            {"ideal_points": [(0, 0), (1, 1)], "weights": [1, 1], "decision_rule": "majority"},
            InvalidArgumentError,
        ),
        ({"ideal_points": [(0, 0), (1, 1)], "quota": 2}, InvalidArgumentError),
        ({"ideal_points": "abc"}, InvalidProblemError),
        ({"ideal_points": [(0, 0), (1, float("nan"))]}, InvalidProblemError),
        ({"ideal_points": [(k, k * k) for k in range(63)]}, TooLargeError),
        ({"ideal_points": [(0, 0), (1, 1)], "weights": [1, -1]}, co.CoalitionsError),
    ],
)
def test_bad_input_raises_a_coalitions_error(kwargs, error):
    with pytest.raises(error):
        co.shapley_owen_value(**kwargs)
