"""Set solutions as polytopes: the Weber set, the core cover, the reasonable set and the
core-center. Known answers, the inclusions the literature proves (core inside each set; the
Weber set equals the core of a convex game), and oracles that share no code with the solvers:
scipy's LP for hull membership, brute force for the bounds, rejection sampling for the
core-center."""

from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog
from strategies import convex_game, random_rational_game

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError
from coalitions.solutions.sets import polytope_centroid


def _in_hull(point, vertices):
    """LP feasibility: point = sum of lambda_k vertex_k, lambda >= 0, sum lambda = 1."""
    v = np.array([[float(c) for c in vertex] for vertex in vertices])
    a_eq = np.vstack([v.T, np.ones(len(v))])
    b_eq = np.append([float(c) for c in point], 1.0)
    return linprog(np.zeros(len(v)), A_eq=a_eq, b_eq=b_eq, bounds=(0, None)).status == 0


def _core_ok(game, x):
    n = game.n_players
    for mask in range(1, 1 << n):
        if sum(x[i] for i in range(n) if mask >> i & 1) < game.values[mask] - 1e-9:
            return False
    return abs(sum(x) - game.grand_value) < 1e-9


def test_known_answers():
    glove = co.glove_game(["L"], ["R1", "R2"])
    weber = co.weber_set(glove)
    assert len(weber.vertices) == 3 and weber.dimension == 2
    # the marginal vectors of the glove game are the three vertices of the imputation simplex
    assert weber.x.tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    centre = co.core_center(co.bankruptcy_game(200, [100, 200, 300]))
    # a trapezoid: the simplex of 200 minus its corner x1 > 100, by hand
    assert centre.x.tolist() == pytest.approx([400 / 9, 700 / 9, 700 / 9])
    assert centre.volume == pytest.approx(0.75 * 200**2 * np.sqrt(3) / 2)
    single = co.core_center(glove)
    assert single.exact and single.dimension == 0 and single.x.tolist() == [1, 0, 0]


def test_convex_games_weber_set_is_the_core_and_contains_it_always():
    rng = np.random.default_rng(11)
    for _ in range(200):
        n = int(rng.integers(1, 5))
        game = convex_game(n, rng)
        weber = {tuple(v) for v in co.weber_set(game).vertices}
        core = {tuple(v) for v in co.core_vertices(game)}
        assert weber == core
    for _ in range(100):
        game = random_rational_game(int(rng.integers(2, 5)), rng)
        vertices = co.weber_set(game).vertices
        for point in co.core_vertices(game):
            assert _in_hull(point, vertices)


def _bounds_by_definition(game):
    n, v = game.n_players, game.values
    full = (1 << n) - 1
    upper = [v[full] - v[full ^ (1 << i)] for i in range(n)]
    lower = []
    for i in range(n):
        best = None
        for mask in range(1, 1 << n):
            if mask >> i & 1:
                rest = v[mask] - sum(upper[j] for j in range(n) if j != i and mask >> j & 1)
                best = rest if best is None else max(best, rest)
        lower.append(best)
    return lower, upper


def test_core_cover_is_the_box_of_minimal_rights_and_utopia_payoffs():
    rng = np.random.default_rng(12)
    for _ in range(200):
        game = random_rational_game(int(rng.integers(1, 5)), rng)
        lower, upper = _bounds_by_definition(game)
        cover = co.core_cover(game)
        admissible = all(lo <= hi for lo, hi in zip(lower, upper)) and sum(
            lower
        ) <= game.grand_value <= sum(upper)
        assert cover.is_empty == (not admissible)
        assert co.is_quasi_balanced(game) == admissible
        for vertex in cover.vertices:
            assert sum(vertex) == game.grand_value
            assert all(lo <= x <= hi for lo, x, hi in zip(lower, vertex, upper))
            # a vertex has at most one coordinate strictly inside its bounds
            assert sum(lo < x < hi for lo, x, hi in zip(lower, vertex, upper)) <= 1
        for point in co.core_vertices(game):  # the core lies in the core cover
            assert all(lo <= x <= hi for lo, x, hi in zip(lower, point, upper))


def test_reasonable_set_contains_the_core_and_the_shapley_value_of_convex_games():
    rng = np.random.default_rng(13)
    for _ in range(100):
        game = convex_game(int(rng.integers(1, 5)), rng)
        reasonable = co.reasonable_set(game).vertices
        for point in [*co.core_vertices(game), co.shapley_value(game).x]:
            assert _in_hull(point, reasonable)


def test_core_center_matches_rejection_sampling():
    rng = np.random.default_rng(14)
    checked = 0
    while checked < 12:
        game = convex_game(3, rng, high=4)
        result = co.core_center(game)
        if result.dimension < 2:
            continue
        # uniform points of the efficiency plane in the core's bounding box, kept if in the core
        vertices = np.array([[float(c) for c in v] for v in result.vertices])
        low, high = vertices.min(axis=0), vertices.max(axis=0)
        free = rng.uniform(low[:2], high[:2], size=(30000, 2))
        points = np.column_stack([free, float(game.grand_value) - free.sum(axis=1)])
        members = (np.arange(1, 8)[:, None] >> np.arange(3)) & 1  # coalition by player
        worths = np.array([float(game.values[m]) for m in range(1, 8)])
        kept = points[(points @ members.T >= worths - 1e-12).all(axis=1)]
        assert len(kept) > 2000
        error = 4 * kept.std(axis=0) / np.sqrt(len(kept)) + 1e-9
        assert np.all(np.abs(kept.mean(axis=0) - result.x) <= error)
        assert _core_ok(game.to_float(), result.x)
        checked += 1


def test_symmetric_games_have_the_equal_split_as_every_centroid():
    game = co.majority_game(4)
    for function in (co.weber_set, co.reasonable_set):
        assert function(game).x.tolist() == pytest.approx([0.25] * 4)


def test_polytope_centroid_shapes():
    square = [[0, 0], [1, 0], [0, 1], [1, 1]]
    assert polytope_centroid(square)[0].tolist() == pytest.approx([0.5, 0.5])
    segment = polytope_centroid([[0, 0, 1], [2, 2, 1]])
    assert segment[0].tolist() == pytest.approx([1, 1, 1]) and segment[1] == 1
    point = polytope_centroid([[3, 4], [3, 4]])
    assert point[1] == 0 and point[0].tolist() == [3, 4]
    # a triangle and a heavy extra vertex inside it: the centroid is the triangle's
    inside = [[0, 0], [3, 0], [0, 3], [1, 1]]
    assert polytope_centroid(inside)[0].tolist() == pytest.approx([1, 1])


def test_empty_sets_and_refusals():
    empty = co.core_center(co.majority_game(3))
    assert empty.is_empty and np.isnan(empty.x).all() and empty.dimension == -1
    with pytest.raises(TooLargeError):
        co.weber_set(co.majority_game(9))
    with pytest.raises(InvalidGameError, match="cost game"):
        co.core_cover(co.airport_game([1, 2, 3]))
    with pytest.raises(InvalidGameError, match="needs a TUGame"):
        co.reasonable_set("not a game")


def test_results_are_json_ready():
    import json

    result = co.core_cover(co.bankruptcy_game(200, [100, 200, 300]))
    data = json.loads(json.dumps(result.to_dict()))
    assert {"vertices", "dimension", "volume", "is_empty"} <= set(data)
    assert data["vertices"][0] == {
        k: str(v) if isinstance(v, Fraction) and v.denominator != 1 else int(v)
        for k, v in zip(result.players, result.vertices[0])
    }
