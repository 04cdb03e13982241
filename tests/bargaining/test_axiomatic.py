"""Axiomatic bargaining solutions: reference cases, axioms as properties, bad inputs."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.bargaining import (
    BargainingProblem,
    bargaining_solution,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
    utilitarian,
)
from coalitions.exceptions import InvalidProblemError

SETTINGS = settings(max_examples=40, deadline=None)


def sqrt_pie():
    return BargainingProblem.from_surplus([lambda x: x, math.sqrt], [0, 0], players=["1", "2"])


# ------------------------------------------------------------------ reference cases
def test_nash_sqrt_reference():  # NASH_SQRT: x1 = 2/3, u2 = 1/sqrt(3)
    r = nash_solution(sqrt_pie())
    assert r.shares[0] == pytest.approx(2 / 3, abs=1e-8)
    assert r.x[1] == pytest.approx(1 / math.sqrt(3), abs=1e-8)
    assert r.shares.sum() == pytest.approx(1.0, abs=1e-12)


def test_ks_sqrt_reference():  # KS_SQRT: x1 = (sqrt5 - 1)/2
    r = kalai_smorodinsky(sqrt_pie())
    assert r.shares[0] == pytest.approx((math.sqrt(5) - 1) / 2, abs=1e-10)
    assert r.ideal.tolist() == pytest.approx([1.0, 1.0])


def test_reference_cases_in_closed_form():  # NASH_SQRT and KS_SQRT exactly, with sympy
    import sympy as sp

    pie = BargainingProblem.from_surplus(["x", "sqrt(x)"])
    nash = nash_solution(pie, symbolic=True)
    assert nash.exact and list(nash.shares) == [sp.Rational(2, 3), sp.Rational(1, 3)]
    assert sp.simplify(nash.x[1] - 1 / sp.sqrt(3)) == 0
    ks = kalai_smorodinsky(pie, symbolic=True)
    assert sp.simplify(ks.shares[0] - (sp.sqrt(5) - 1) / 2) == 0
    assert sp.simplify(ks.x[1] - ks.x[0]) == 0
    assert list(utilitarian(pie, symbolic=True).shares) == [sp.Rational(3, 4), sp.Rational(1, 4)]
    weighted = nash_solution(pie, weights=[1, 2], symbolic=True)
    assert list(weighted.shares) == [sp.Rational(1, 2), sp.Rational(1, 2)]


def test_closed_form_errors():
    with pytest.raises(InvalidProblemError, match="formulas in x"):
        nash_solution(BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]]), symbolic=True)
    from coalitions.exceptions import SolverError

    transcendental = BargainingProblem.from_surplus(["log(1 + x)", "x"], [0, 0.25], surplus=2)
    with pytest.raises(SolverError, match="no closed form"):
        nash_solution(transcendental, symbolic=True)
    with pytest.raises(InvalidProblemError, match="cannot use the name .y."):
        BargainingProblem.from_surplus(["x", "y"])


def test_frontier_form_matches_surplus_form():
    frontier = BargainingProblem.from_frontier(lambda u: math.sqrt(max(1 - u, 0.0)), 1.0, [0, 0])
    assert nash_solution(frontier).x == pytest.approx(nash_solution(sqrt_pie()).x, abs=1e-7)
    assert kalai_smorodinsky(frontier).x == pytest.approx(kalai_smorodinsky(sqrt_pie()).x, abs=1e-9)


def test_linear_pie_nash_formula():  # x1 = d1 + (1 - d1 - d2)/2
    problem = BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]], [0.3, 0.1])
    assert nash_solution(problem).x == pytest.approx([0.6, 0.4], abs=1e-12)


def test_three_players_and_weights():
    simplex = BargainingProblem.from_vertices(np.vstack([np.zeros(3), np.eye(3)]))
    assert nash_solution(simplex).x == pytest.approx([1 / 3] * 3, abs=1e-6)
    assert nash_solution(simplex, weights=[1, 2, 3]).x == pytest.approx(
        [1 / 6, 2 / 6, 3 / 6], abs=1e-6
    )
    pie = BargainingProblem.from_surplus([math.sqrt] * 3)
    assert nash_solution(pie).shares == pytest.approx([1 / 3] * 3, abs=1e-5)


def test_egalitarian_and_utilitarian():
    problem = BargainingProblem.from_vertices([[0, 0], [4, 0], [0, 2]])
    assert egalitarian(problem).x == pytest.approx([4 / 3, 4 / 3])
    assert utilitarian(problem).x == pytest.approx([4, 0], abs=1e-9)
    assert bargaining_solution(problem, method="egalitarian").concept == "egalitarian"
    with pytest.raises(ValueError, match="valid methods"):
        bargaining_solution(problem, method="raiffa")


def test_utilitarian_surplus():
    r = utilitarian(sqrt_pie())  # max x + sqrt(1 - x): x = 3/4
    assert r.shares[0] == pytest.approx(0.75, abs=1e-6)


def test_result_round_trip():
    d = nash_solution(sqrt_pie()).to_dict()
    assert set(d["x"]) == {"1", "2"} and d["concept"] == "nash"


# ------------------------------------------------------------------ axioms as properties
points_2d = st.lists(st.tuples(st.floats(0, 10), st.floats(0, 10)), min_size=2, max_size=7)


def make_problem(points):
    pts = np.array([[0.0, 0.0], [1.0, 1.0], *points])
    return BargainingProblem.from_vertices(pts, [0.0, 0.0])


def is_pareto(problem, u):
    # no feasible point above u in every coordinate
    return problem.ray(u - 1e-7, np.ones(problem.n_players)) <= 1e-5


@SETTINGS
@given(points_2d)
def test_pareto_optimality(points):
    problem = make_problem(points)
    for solver in (nash_solution, kalai_smorodinsky, egalitarian, utilitarian):
        u = solver(problem).x
        assert problem.contains(u, atol=1e-7)
        assert is_pareto(problem, u)


@SETTINGS
@given(points_2d)
def test_symmetry(points):
    pts = [*points, *[(b, a) for a, b in points]]
    problem = make_problem(pts)
    for solver in (nash_solution, kalai_smorodinsky, egalitarian):
        u = solver(problem).x
        assert u[0] == pytest.approx(u[1], abs=1e-6)


@SETTINGS
@given(points_2d, st.floats(0.1, 10), st.floats(0.1, 10), st.floats(-5, 5), st.floats(-5, 5))
def test_scale_invariance(points, a1, a2, b1, b2):
    problem = make_problem(points)
    moved = problem.transformed([a1, a2], [b1, b2])
    for solver in (nash_solution, kalai_smorodinsky):
        u, v = solver(problem).x, solver(moved).x
        assert v == pytest.approx(np.array([a1, a2]) * u + [b1, b2], abs=1e-6 * max(a1, a2, 1))


@SETTINGS
@given(points_2d, st.integers(0, 6))
def test_nash_iia(points, drop):
    problem = make_problem(points)
    u = nash_solution(problem).x
    kept = [p for k, p in enumerate(points) if k != drop]
    smaller = BargainingProblem.from_vertices([[0, 0], *kept, u], [0, 0])  # subset holding u
    assert nash_solution(smaller).x == pytest.approx(u, abs=1e-6)


@SETTINGS
@given(points_2d, st.floats(0, 1), st.floats(0, 10))
def test_ks_individual_monotonicity(points, frac, height):
    problem = make_problem(points)
    ideal = problem.ideal_point()
    # add a point that keeps player 1's ideal payoff but may raise what player 2 can get
    bigger = BargainingProblem.from_vertices(
        np.vstack([problem.vertices, [frac * ideal[0], height]]), [0, 0]
    )
    assert bigger.ideal_point()[0] == pytest.approx(ideal[0])
    assert kalai_smorodinsky(bigger).x[1] >= kalai_smorodinsky(problem).x[1] - 1e-7


points_3d = st.lists(
    st.tuples(st.floats(0, 10), st.floats(0, 10), st.floats(0, 10)), min_size=2, max_size=6
)


@SETTINGS
@given(points_3d, st.lists(st.floats(0.2, 5), min_size=3, max_size=3))
def test_three_player_nash_pareto_and_scale_invariance(points, weights):
    problem = BargainingProblem.from_vertices([[0, 0, 0], [1, 1, 1], *points], [0, 0, 0])
    u = nash_solution(problem, weights=weights).x
    assert problem.ray(u - 1e-6, np.ones(3)) <= 1e-4
    moved = problem.transformed([2, 0.5, 3], [1, -2, 0])
    v = nash_solution(moved, weights=weights).x
    assert v == pytest.approx(np.array([2, 0.5, 3]) * u + [1, -2, 0], abs=1e-4)


@SETTINGS
@given(st.floats(0.05, 3), st.floats(0.05, 3))
def test_weighted_nash_on_linear_pie(w1, w2):
    problem = BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]])
    r = nash_solution(problem, weights=[w1, w2])
    assert r.x[0] == pytest.approx(w1 / (w1 + w2), abs=1e-9)


# ------------------------------------------------------------------ bad inputs
def test_disagreement_not_feasible():
    with pytest.raises(InvalidProblemError, match="not feasible"):
        BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]], [1, 1])


def test_no_strict_improvement():
    with pytest.raises(InvalidProblemError, match="strictly more"):
        BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]], [1, 0])


def test_bad_inputs():
    with pytest.raises(InvalidProblemError, match="one per player"):
        BargainingProblem.from_vertices([[0, 0], [1, 1]], [0, 0, 0])
    with pytest.raises(InvalidProblemError, match="strictly increasing"):
        BargainingProblem.from_surplus([lambda x: 1 - x, math.sqrt])
    with pytest.raises(InvalidProblemError, match="2-D array"):
        BargainingProblem.from_vertices([1, 2, 3])
    with pytest.raises(InvalidProblemError, match="positive"):
        nash_solution(sqrt_pie(), weights=[1, -1])
    with pytest.raises(InvalidProblemError, match="needs a BargainingProblem"):
        nash_solution([[0, 1], [1, 0]])
    with pytest.raises(InvalidProblemError, match="frontier function fails"):
        BargainingProblem.from_frontier(lambda u: math.sqrt(0.5 - u), 1.0, [0, 0])
    with pytest.raises(InvalidProblemError, match="distinct"):
        BargainingProblem.from_vertices([[0, 0], [1, 1]], players=["a", "a"])
