"""Axiomatic bargaining in exact numbers: literature values, agreement with the float
solutions, independent exact oracles, the why-not messages, the frozen problem and the
``method=`` front door.

The oracles for two players share no code with the solvers: the comprehensive hull of a
finite planar set is dominated by its segments between two points, so every solution is a
best candidate over all pairs of points, in ``Fraction`` arithmetic.
"""

from fractions import Fraction as F
from itertools import combinations_with_replacement

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.bargaining import (
    BargainingProblem,
    _exact_polytope,
    bargaining_solution,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
    utilitarian,
)
from coalitions.bargaining.axiomatic import NOT_EXACT, SOLUTIONS
from coalitions.exceptions import InvalidArgumentError

SETTINGS = settings(max_examples=40, deadline=None)
TRIANGLE = [[0, 0], [4, 0], [0, 2]]


def exact_problem(points, d):
    return BargainingProblem.from_vertices(points, d)


def float_problem(points, d):
    return BargainingProblem.from_vertices(np.array(points, dtype=float), np.array(d, dtype=float))


@st.composite
def integer_polytopes(draw, players=2, max_points=7):
    """Integer points with a disagreement point some point beats for everyone."""
    count = draw(st.integers(1, max_points))
    coordinate = st.integers(-20, 60)
    points = draw(
        st.lists(
            st.lists(coordinate, min_size=players, max_size=players), min_size=count, max_size=count
        )
    )
    best = max(points, key=lambda p: min(p))
    gaps = draw(st.lists(st.integers(1, 15), min_size=players, max_size=players))
    return points, [b - g for b, g in zip(best, gaps)]


# ------------------------------------------------------------------ two-player oracles
def segments(points):
    for p, q in combinations_with_replacement(points, 2):
        yield [F(v) for v in p], [F(b) - F(a) for a, b in zip(p, q)]


def on_segment(p, b, s):
    return [pi + s * bi for pi, bi in zip(p, b)]


def crossings(p, b, d):
    """Segment parameters in (0, 1) where some coordinate equals d, or two gains are equal."""
    out = [F(0), F(1)]
    for i in range(2):
        if b[i]:
            out.append((d[i] - p[i]) / b[i])
    if b[0] != b[1]:
        out.append((p[1] - d[1] - p[0] + d[0]) / (b[0] - b[1]))
    return [s for s in out if 0 <= s <= 1]


def oracle_ray(points, d, e):
    """max t with d + t e dominated by a point of some segment (e >= 0, not 0)."""
    best = None
    for p, b in segments(points):
        candidates = crossings(p, b, d)
        if e[0] and e[1] and b[0] * e[1] != b[1] * e[0]:  # gain_1 / e_1 = gain_2 / e_2
            s = ((d[0] - p[0]) * e[1] - (d[1] - p[1]) * e[0]) / (b[0] * e[1] - b[1] * e[0])
            if 0 <= s <= 1:
                candidates.append(s)
        for s in candidates:
            u = on_segment(p, b, s)
            gains = [ui - di for ui, di in zip(u, d)]
            if any(ei == 0 and g < 0 for g, ei in zip(gains, e)):
                continue
            t = min(g / ei for g, ei in zip(gains, e) if ei)
            best = t if best is None else max(best, t)
    return best


def oracle_nash_product(points, d):
    best = None
    for p, b in segments(points):
        candidates = crossings(p, b, d)
        a = [pi - di for pi, di in zip(p, d)]
        if b[0] * b[1]:
            s = -(b[0] * a[1] + b[1] * a[0]) / (2 * b[0] * b[1])
            if 0 <= s <= 1:
                candidates.append(s)
        for s in candidates:
            g = [ai + s * bi for ai, bi in zip(a, b)]
            if g[0] > 0 and g[1] > 0:
                best = g[0] * g[1] if best is None else max(best, g[0] * g[1])
    return best


def oracle_utilitarian(points, d):
    """(largest total, largest smallest gain among points with that total)."""
    found = []
    for p, b in segments(points):
        for s in crossings(p, b, d):
            u = on_segment(p, b, s)
            if all(ui >= di for ui, di in zip(u, d)):
                found.append((sum(u), min(ui - di for ui, di in zip(u, d))))
    total = max(t for t, _ in found)
    return total, max(g for t, g in found if t == total)


# ------------------------------------------------------------------ literature values
def test_nash_triangle_literature():  # Nash (1950)-style: max u1 u2 on u1/4 + u2/2 <= 1
    r = nash_solution(exact_problem(TRIANGLE, [0, 0]))
    assert r.exact and r.method == "exact" and r.x.tolist() == [2, 1]
    assert all(type(v) is F for v in r.x)


def test_all_four_on_the_triangle():
    problem = exact_problem(TRIANGLE, [0, 0])
    assert kalai_smorodinsky(problem).x.tolist() == [2, 1]  # ideal (4, 2)
    assert kalai_smorodinsky(problem).ideal.tolist() == [4, 2]
    assert egalitarian(problem).x.tolist() == [F(4, 3), F(4, 3)]
    assert utilitarian(problem).x.tolist() == [4, 0]
    assert egalitarian(problem).disagreement.tolist() == [0, 0]


def test_weighted_nash_and_fractions():
    square = exact_problem([[0, 0], [1, 0], [0, 1]], [0, 0])
    r = nash_solution(square, weights=[1, 3])  # x_i = w_i / sum(w)
    assert r.x.tolist() == [F(1, 4), F(3, 4)] and r.weights.tolist() == [F(1, 4), F(3, 4)]
    half = exact_problem([[F(0), F(0)], [F(1, 2), F(0)], [F(0), F(1, 3)]], [0, 0])
    assert nash_solution(half).x.tolist() == [F(1, 4), F(1, 6)]


def test_three_player_simplex_is_exact():
    simplex = exact_problem([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], [0, 0, 0])
    assert nash_solution(simplex, weights=[1, 2, 3]).x.tolist() == [F(1, 6), F(1, 3), F(1, 2)]
    assert egalitarian(simplex).x.tolist() == [F(1, 3)] * 3
    assert kalai_smorodinsky(simplex).x.tolist() == [F(1, 3)] * 3
    assert sum(utilitarian(simplex).x) == 1


def test_nash_at_a_vertex_in_three_players():
    # (1, 1, 1) beats every mix of the other points for the product
    problem = exact_problem([[1, 1, 1], [3, 0, 0], [0, 3, 0], [0, 0, 3]], [0, 0, 0])
    r = nash_solution(problem)
    assert r.exact and r.x.tolist() == [1, 1, 1]


# ------------------------------------------------------------------ why not exact
def test_nash_on_an_edge_in_three_players_says_why():
    problem = exact_problem([[1, 4, 2], [4, 1, 3]], [0, 0, 0])
    r = nash_solution(problem)
    assert not r.exact and r.message == NOT_EXACT["nonlinear"]
    # the float point is the stationary point of the product on the edge
    s = (r.x[0] - 1) / 3
    slope = 3 / (1 + 3 * s) - 3 / (4 - 3 * s) + 1 / (2 + s)
    assert abs(slope) < 1e-6


def test_float_weights_and_float_data_say_why():
    r = nash_solution(exact_problem(TRIANGLE, [0, 0]), weights=[0.5, 0.5])
    assert not r.exact and r.message == NOT_EXACT["float weights"]
    assert r.x == pytest.approx([2, 1], abs=1e-9)
    r = egalitarian(float_problem(TRIANGLE, [0, 0]))
    assert not r.exact and r.message == "" and r.x.dtype == np.float64


def test_formula_surplus_says_why():
    pie = BargainingProblem.from_surplus(["x", "sqrt(x)"])
    r = nash_solution(pie)
    assert not r.exact and r.message == NOT_EXACT["formulas"]
    assert nash_solution(pie, symbolic=True).exact


def test_uncertified_answers_fall_back_to_floats(monkeypatch):
    monkeypatch.setattr(_exact_polytope, "exact_lp", lambda *args, **kwargs: None)
    problem = exact_problem(TRIANGLE, [0, 0])
    for solve in (egalitarian, kalai_smorodinsky, utilitarian):
        r = solve(problem)
        assert not r.exact and r.message == NOT_EXACT["uncertified"]
    assert egalitarian(problem).x == pytest.approx([4 / 3, 4 / 3])


def test_exact_lp_refuses_large_problems(monkeypatch):
    monkeypatch.setattr(_exact_polytope, "MAX_EXACT_LP_ENTRIES", 3)
    r = egalitarian(exact_problem(TRIANGLE, [0, 0]))
    assert not r.exact and r.message == NOT_EXACT["uncertified"]


# ------------------------------------------------------------------ properties, two players
@SETTINGS
@given(integer_polytopes())
def test_exact_two_player_solutions_match_oracles_and_floats(case):
    points, d = case
    exact, floats = exact_problem(points, d), float_problem(points, d)
    scale = max(1.0, float(np.abs(np.array(points + [d], dtype=float)).max()))
    dd = [F(v) for v in d]
    for solve in SOLUTIONS.values():
        r, f = solve(exact), solve(floats)
        assert r.exact, (solve.__name__, r.message)
        assert np.abs(np.array(r.x, dtype=float) - f.x).max() <= 1e-9 * scale
    egal = egalitarian(exact).x
    assert egal[0] - dd[0] == egal[1] - dd[1] == oracle_ray(points, dd, [F(1), F(1)])
    ideal = [dd[i] + oracle_ray(points, dd, [F(int(k == i)) for k in range(2)]) for i in range(2)]
    ks = kalai_smorodinsky(exact)
    assert ks.ideal.tolist() == ideal
    t = oracle_ray(points, dd, [a - di for a, di in zip(ideal, dd)])
    assert ks.x.tolist() == [di + t * (a - di) for a, di in zip(ideal, dd)]
    nash = nash_solution(exact).x
    assert (nash[0] - dd[0]) * (nash[1] - dd[1]) == oracle_nash_product(points, dd)
    util = utilitarian(exact).x
    assert (sum(util), min(u - di for u, di in zip(util, dd))) == oracle_utilitarian(points, dd)


@SETTINGS
@given(integer_polytopes(), st.lists(st.integers(1, 9), min_size=2, max_size=2))
def test_weighted_nash_is_exact_and_optimal(case, weights):
    points, d = case
    r = nash_solution(exact_problem(points, d), weights=weights)
    f = nash_solution(float_problem(points, d), weights=weights)
    assert r.exact
    scale = max(1.0, float(np.abs(np.array(points + [d], dtype=float)).max()))
    assert np.abs(np.array(r.x, dtype=float) - f.x).max() <= 1e-9 * scale
    # first-order condition, by hand: no point improves sum w_i (u_i - x_i) / (x_i - d_i)
    gains = [x - di for x, di in zip(r.x, d)]
    assert all(g > 0 for g in gains)
    for p in points:
        assert sum(w * (pi - x) / g for w, pi, x, g in zip(weights, p, r.x, gains)) <= 0


# ------------------------------------------------------------------ properties, more players
@SETTINGS
@given(st.integers(3, 4).flatmap(lambda n: integer_polytopes(players=n, max_points=6)))
def test_exact_n_player_solutions_match_floats(case):
    points, d = case
    exact, floats = exact_problem(points, d), float_problem(points, d)
    scale = max(1.0, float(np.abs(np.array(points + [d], dtype=float)).max()))
    for solve in (egalitarian, kalai_smorodinsky, nash_solution):
        r, f = solve(exact), solve(floats)
        if solve is not nash_solution:
            assert r.exact, (solve.__name__, r.message)
        else:
            assert r.exact or r.message == NOT_EXACT["nonlinear"]
        assert np.abs(np.array(r.x, dtype=float) - f.x).max() <= 1e-6 * scale
    # utilitarian: the total and the smallest gain agree (with three or more players, points
    # with the same total and smallest gain may differ in the other gains)
    r, f = utilitarian(exact), utilitarian(floats)
    assert r.exact
    assert float(sum(r.x)) == pytest.approx(float(f.x.sum()), abs=1e-9 * scale)
    assert float(min(x - di for x, di in zip(r.x, d))) == pytest.approx(
        float((f.x - np.array(d)).min()), abs=1e-8 * scale
    )
    gains = [x - F(di) for x, di in zip(egalitarian(exact).x, d)]
    assert len(set(gains)) == 1
    ks = kalai_smorodinsky(exact)
    ratios = {(x - di) / (a - di) for x, di, a in zip(ks.x, d, ks.ideal) if a != di}
    assert len(ratios) == 1


# ------------------------------------------------------------------ the frozen problem
def test_problem_is_frozen_and_hashable():
    problem = exact_problem(TRIANGLE, [0, 0])
    with pytest.raises(AttributeError, match="immutable"):
        problem.description = "changed"
    with pytest.raises(AttributeError, match="immutable"):
        del problem.players
    twin = exact_problem([[0, 0], [4, 0], [0, 2]], [0, 0])
    assert problem == twin and hash(problem) == hash(twin)
    assert len({problem, twin, float_problem(TRIANGLE, [0, 0])}) == 2
    assert problem != exact_problem(TRIANGLE, [0, 1])
    assert problem.number_kind == "exact" and float_problem(TRIANGLE, [0, 0]).number_kind == "float"
    shifted = problem.transformed([2, F(1, 2)], [1, 0])
    assert shifted.number_kind == "exact"
    assert egalitarian(shifted).exact


def test_solutions_are_invariant_under_exact_affine_maps():
    problem = exact_problem(TRIANGLE, [0, 0])
    moved = problem.transformed([3, F(1, 2)], [1, -2])
    assert nash_solution(moved).x.tolist() == [3 * 2 + 1, F(1, 2) * 1 - 2]
    assert kalai_smorodinsky(moved).x.tolist() == [7, F(-3, 2)]


# ------------------------------------------------------------------ the front door
def test_method_keyword_and_did_you_mean():
    problem = exact_problem(TRIANGLE, [0, 0])
    assert bargaining_solution(problem, method="utilitarian").x.tolist() == [4, 0]
    assert bargaining_solution(problem).concept == "nash"
    with pytest.raises(InvalidArgumentError, match=r"did you mean 'nash'\?"):
        bargaining_solution(problem, method="nahs")
    with pytest.raises(InvalidArgumentError, match="valid methods are 'nash', "):
        bargaining_solution(problem, method=None)
    with pytest.raises(InvalidArgumentError, match="unknown option 'weight'.*did you mean"):
        bargaining_solution(problem, method="nash", weight=[1, 2])
    with pytest.raises(InvalidArgumentError, match="valid options are 'symbolic'"):
        bargaining_solution(problem, method="egalitarian", weights=[1, 2])


def test_utilitarian_tie_break_on_a_degenerate_face():
    """Two vertices of the same total: the exact answer must take the largest smallest gain
    on the segment between them (found by hypothesis; the exact LP's dual is degenerate)."""
    points = [[0, 0, 0, 47], [1, 0, 17, 0], [19, 20, 48, 46], [52, 17, 57, 7]]
    d = [16, 15, 44, 40]
    r = utilitarian(exact_problem(points, d))
    assert r.exact
    assert r.x.tolist() == [F(163, 8), F(159, 8), F(387, 8), F(355, 8)]  # 23/24 p3 + 1/24 p4
    assert min(x - di for x, di in zip(r.x, d)) == F(35, 8)
