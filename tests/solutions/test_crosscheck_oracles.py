"""The issue-16 oracles of tests/oracles.py against the package on small random games.

Each oracle follows the textbook definition in Fractions and shares no code with the solver
(benchmarks/crosscheck_solutions.py runs them on hundreds of games next to the peers); here a
few hypothesis examples each keep the oracles themselves tested and the agreement part of the
suite. Exact equality throughout: the games are rational.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import oracles as orc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solutions._core_oracles import brute_force_core_vertices
from strategies import convex_game

import coalitions as co

FEW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def integer_games(draw, low=2, high=4, top=8):
    """Integer worths 0..top (ties are frequent), v(empty) = 0."""
    n = draw(st.integers(low, high))
    return co.TUGame([0] + [draw(st.integers(0, top)) for _ in range((1 << n) - 1)])


@st.composite
def convex_games(draw, low=2, high=4):
    return convex_game(
        draw(st.integers(low, high)), np.random.default_rng(draw(st.integers(0, 999)))
    )


def table(game):
    return [Fraction(v) for v in game.values.tolist()]


def rows(vertices):
    return sorted(tuple(Fraction(v) for v in p) for p in vertices)


@FEW
@given(integer_games())
def test_vertex_sets_match_their_definitions(game):
    values = table(game)
    weber = orc.hull_vertices_by_separation(orc.weber_vertices_by_orders(values))
    assert rows(co.weber_set(game).vertices) == rows(weber)
    assert rows(co.core_cover(game).vertices) == rows(orc.core_cover_by_definition(values))
    assert rows(co.reasonable_set(game).vertices) == rows(orc.reasonable_set_by_definition(values))
    assert rows(co.imputation_vertices(game)) == rows(orc.imputation_vertices_by_definition(values))


@FEW
@given(integer_games(3, 4))
def test_core_center_and_lorenz_solution_match_the_brute_force_core(game):
    values = table(game)
    core = [list(v) for v in brute_force_core_vertices(values, game.n_players)]
    if not core:
        assert co.core(game).is_empty
        return
    centre = orc.centroid_by_pulling(core, orc.core_faces(values))
    assert np.allclose([float(v) for v in co.core_center(game).x], [float(v) for v in centre])
    lorenz = list(co.lorenz_solution(game).x)
    assert orc.is_lorenz_solution_by_definition(values, lorenz, core)
    if len(core) > 1:  # another core point is not the minimiser
        assert not orc.is_lorenz_solution_by_definition(values, core[0], core) or (
            sum(v * v for v in core[0]) == sum(v * v for v in lorenz)
        )


def test_centroid_of_a_triangle_and_a_square():
    triangle = [[0, 0, 3], [0, 3, 0], [3, 0, 0]]
    faces = [([1, 0, 0], 0), ([0, 1, 0], 0), ([0, 0, 1], 0)]
    assert orc.centroid_by_pulling(triangle, faces) == [1, 1, 1]
    square = [[0, 0], [2, 0], [0, 1], [2, 1]]
    sides = [([1, 0], 0), ([1, 0], 2), ([0, 1], 0), ([0, 1], 1)]
    assert orc.centroid_by_pulling(square, sides) == [1, Fraction(1, 2)]


@FEW
@given(convex_games())
def test_dutta_ray_algorithm_matches_on_convex_games(game):
    values = table(game)
    assert list(co.dutta_ray(game).x) == orc.dutta_ray_by_algorithm(values)


@FEW
@given(integer_games(), st.sampled_from([Fraction(0), Fraction(1, 3), Fraction(1)]))
def test_values_match_their_definitions(game, alpha):
    values = table(game)
    assert list(co.solidarity_value(game).x) == orc.solidarity_by_average_marginals(values)
    assert list(co.egalitarian_shapley_value(game, alpha).x) == (
        orc.egalitarian_shapley_by_definition(values, alpha)
    )
    assert list(co.least_squares_value(game).x) == orc.least_squares_by_kkt(values)
    weights = [1 + k % 3 for k in range(game.n_players - 1)]
    assert list(co.least_squares_value(game, weights).x) == orc.least_squares_by_kkt(
        values, weights
    )
    chi = orc.chi_by_definition(values)
    if chi is None:
        assert sum(values[1 << i] for i in range(game.n_players)) > values[-1]
    else:
        assert list(co.chi_value(game).x) == chi
    positive = [v + 1 if m else v for m, v in enumerate(values)]
    assert list(co.proportional_value(co.TUGame(positive)).x) == (
        orc.proportional_value_by_potential(positive)
    )


@FEW
@given(integer_games(2, 4))
def test_faith_shap_matches_its_normal_equations(game):
    values = table(game)
    found = co.interaction_index(game, order=2, kind="faith-shap")
    expected = orc.faith_shap_by_definition(values, 2)
    names = game.players
    assert {tuple(names.index(p) for p in k): v for k, v in found.interactions} == expected


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(integer_games(3, 4), st.integers(0, 999))
def test_bargaining_set_verdicts_match_the_objection_lps(game, seed):
    values = table(game)
    n = game.n_players
    if sum(values[1 << i] for i in range(n)) > values[-1]:
        return
    rng = np.random.default_rng(seed)
    surplus = values[-1] - sum(values[1 << i] for i in range(n))
    share = [Fraction(int(w)) for w in rng.integers(0, 4, n)]
    share = share if any(share) else [Fraction(1)] * n
    x = [values[1 << i] + surplus * share[i] / sum(share) for i in range(n)]
    for point in (x, list(co.kernel(game).x)):
        assert co.bargaining_set(game, point).in_set == orc.in_bargaining_set_by_lp(values, point)
