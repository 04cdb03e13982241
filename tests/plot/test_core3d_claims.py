"""The 3-D core of a 4-player game, Lorenz curves and claims-rule paths: the artists exist and
their data are the library's values."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidArgumentError, InvalidGameError

matplotlib = pytest.importorskip("matplotlib")

from coalitions import plot  # noqa: E402
from coalitions.plot.core3d import CORNERS  # noqa: E402

#: A convex game (v(S) = (|S| - 1)^2): its core is the Weber set, a permutohedron.
CONVEX = co.TUGame.from_function(lambda s: max(len(s) - 1, 0) ** 2, players="ABCD")
#: Not convex: the core (a square in the plane x_A + x_B = 1) is flat, the Weber set is not.
FLAT = co.TUGame.from_dict({("A", "B"): 1, ("C", "D"): 1, ("A", "B", "C", "D"): 2}, players="ABCD")


def _barycentric(game, point):
    """Invert the drawing: the payoffs of the tetrahedron point ``point`` (an oracle that
    solves the barycentric system instead of applying the drawing's formula)."""
    system = np.vstack([CORNERS.T, np.ones(4)])
    weights = np.linalg.solve(system, np.append(point, 1.0))
    low = np.array([float(game.value(1 << i)) for i in range(4)])
    return low + weights * (float(game.grand_value) - low.sum())


def _edge_points(ax, gid):
    points = [np.array(line.get_data_3d()).T for line in ax.get_lines() if line.get_gid() == gid]
    return np.unique(np.round(np.vstack(points), 9), axis=0) if points else np.empty((0, 3))


def _same_rows(a, b):
    a = np.unique(np.round(np.asarray(a, float), 7), axis=0)
    b = np.unique(np.round(np.asarray(b, float), 7), axis=0)
    return a.shape == b.shape and np.allclose(a, b, atol=1e-7)


@pytest.mark.parametrize("game", [CONVEX, FLAT], ids=["convex", "flat-core"])
def test_core_3d_draws_the_core_and_weber_vertices(game, tmp_path):
    fig = plot.core_3d(game, points={"Shapley value": co.shapley_value(game).x})
    ax = fig.axes[0]
    assert ax.name == "3d"
    for gid, result in (
        ("core edges", co.core(game, vertices=True)),
        ("Weber set edges", co.weber_set(game)),
    ):
        drawn = [_barycentric(game, p) for p in _edge_points(ax, gid)]
        vertices = [np.array(v, dtype=float) for v in result.vertices]
        # every drawn corner is a vertex; the Weber set's vertex list may hold marginal
        # vectors inside the hull, the core's is exactly its vertices
        assert all(any(np.allclose(d, v, atol=1e-7) for v in vertices) for d in drawn)
        if gid == "core edges":
            assert _same_rows(drawn, vertices)
        assert all(math.isclose(sum(d), float(game.grand_value)) for d in drawn)
    shapley = [line for line in ax.get_lines() if line.get_label().startswith("Shapley")]
    (x, y, z) = (c[0] for c in shapley[0].get_data_3d())
    assert np.allclose(_barycentric(game, [x, y, z]), co.shapley_value(game).x.astype(float))
    assert plot.save_figure(fig, tmp_path / "core.png").stat().st_size > 1000


def test_core_3d_legend_names_degenerate_sets():
    labels = [t.get_text() for t in plot.core_3d(FLAT).axes[0].get_legend().get_texts()]
    assert labels == ["core (flat)", "Weber set"]
    glove = co.glove_game(["L1", "L2"], ["R1", "R2"])  # core: (t, t, 1 - t, 1 - t)
    labels = [t.get_text() for t in plot.core_3d(glove).axes[0].get_legend().get_texts()]
    assert labels[0] == "core (a segment)"
    point = co.glove_game(["L"], ["R1", "R2", "R3"])  # core: (1, 0, 0, 0)
    ax = plot.core_3d(point, weber=False).axes[0]
    (core_line,) = [line for line in ax.get_lines() if line.get_gid() == "core"]
    assert core_line.get_label() == "core (one point)"
    assert np.allclose(_barycentric(point, np.array(core_line.get_data_3d())[:, 0]), [1, 0, 0, 0])


def test_core_3d_empty_core_says_so():
    ax = plot.core_3d(co.majority_game(4)).axes[0]
    assert "core is empty" in [text.get_text() for text in ax.texts]
    assert not any(line.get_gid() == "core edges" for line in ax.get_lines())
    assert any(line.get_gid() == "Weber set edges" for line in ax.get_lines())


def test_core_3d_given_vertices_and_own_axes():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot(projection="3d")
    square = [[1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1], [0, 1, 0, 1]]
    assert plot.core_3d(FLAT, core=square, weber=False, ax=ax) is fig
    drawn = [_barycentric(FLAT, p) for p in _edge_points(ax, "core edges")]
    assert _same_rows(drawn, square)


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: plot.core_3d(co.majority_game(3)), InvalidGameError),
        (lambda: plot.core_3d(co.majority_game(5)), InvalidGameError),
        (lambda: plot.core_3d(co.airport_game([1, 2, 3, 4])), InvalidGameError),
        (lambda: plot.core_3d(co.TUGame.from_dict({("A",): 1}, players="ABCD")), InvalidGameError),
        (lambda: plot.core_3d(co.TUGame.from_dict({}, players="ABCD")), InvalidGameError),
        (lambda: plot.core_3d(CONVEX, points={"x": [1, 2, 3]}), InvalidArgumentError),
        (lambda: plot.core_3d(CONVEX, points={"x": [1, 2, 3, "a"]}), InvalidArgumentError),
        (lambda: plot.core_3d(CONVEX, core="exact"), InvalidArgumentError),
        (lambda: plot.core_3d(CONVEX, core=[[1, 2]]), InvalidArgumentError),
        (lambda: plot.core_3d(CONVEX, weber=None), InvalidArgumentError),
        (lambda: plot.core_3d(CONVEX, ax="axes"), InvalidArgumentError),
        (lambda: plot.core_3d("game"), CoalitionsError),
    ],
)
def test_core_3d_bad_input(call, error):
    with pytest.raises(error):
        call()


def test_polytope_faces_of_a_cube_and_lower_dimensions():
    cube = [(i, j, k) for i in (0, 1) for j in (0, 1) for k in (0, 1)] + [(0.5, 0.5, 0.5)]
    dimension, faces = plot.polytope_faces(cube)
    assert dimension == 3 and len(faces) == 6
    assert all(len(face) == 4 and 8 not in face for face in faces)
    assert plot.polytope_faces([(0, 0, 0), (2, 2, 2), (1, 1, 1)]) == (1, [[0, 1]])
    assert plot.polytope_faces([(1, 2, 3)] * 3) == (0, [[0]])
    assert plot.polytope_faces([]) == (-1, [])


ALLOCATION = st.lists(st.integers(0, 1000), min_size=1, max_size=9).filter(lambda x: sum(x) > 0)


@settings(max_examples=60, deadline=None)
@given(ALLOCATION)
def test_lorenz_points_run_from_0_to_1_convex_and_below_the_diagonal(x):
    population, shares = plot.lorenz_points(x)
    assert population[0] == shares[0] == 0 and population[-1] == shares[-1] == 1
    assert len(shares) == len(x) + 1
    steps = np.diff(shares)
    assert np.all(np.diff(steps) >= -1e-12)  # convex: the slopes never fall
    assert all(s <= p + 1e-12 for p, s in zip(population, shares))
    total = sum(x)  # exact oracle: the poorest k hold the k smallest payoffs
    assert all(
        math.isclose(s, sum(sorted(x)[:k]) / total, abs_tol=1e-12) for k, s in enumerate(shares)
    )


def test_lorenz_curves_artists():
    rules = {name: co.claims_rule(200, [100, 200, 300], name) for name in ("cea", "cel")}
    ax = plot.lorenz_curves(rules).axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert list(lines) == ["equality", "cea", "cel"]
    assert np.allclose(lines["cea"].get_ydata(), [0, 1 / 3, 2 / 3, 1])  # equal: the diagonal
    assert np.allclose(lines["cel"].get_ydata(), [0, 0, 0.25, 1])  # awards (0, 50, 150)


@pytest.mark.parametrize(
    "allocations",
    [{}, {"x": [1, -1, 3]}, {"x": [0, 0]}, {"x": []}, {"x": ["a"]}, [1, 2], {"x": [math.inf]}],
)
def test_lorenz_curves_bad_input(allocations):
    with pytest.raises(InvalidArgumentError):
        plot.lorenz_curves(allocations)


CLAIMS = st.lists(st.integers(0, 50), min_size=1, max_size=5).filter(lambda c: sum(c) > 0)


@settings(max_examples=25, deadline=None)
@given(CLAIMS, st.integers(2, 12))
def test_claims_paths_are_the_rules_and_end_at_the_claims(claims, m):
    fig = plot.claims_paths(m, claims)
    total = sum(claims)
    estates = [Fraction(total * k, m - 1) for k in range(m)]
    assert len(fig.axes) == 4
    for ax, rule in zip(fig.axes, co.solutions.claims.CLAIMS_RULES.values()):
        lines = ax.get_lines()
        assert len(lines) == len(claims)
        awards = np.array([line.get_ydata() for line in lines], dtype=float)
        assert np.allclose(lines[0].get_xdata(), [float(e) for e in estates])
        assert np.allclose(awards[:, 0], 0) and np.allclose(awards[:, -1], claims)
        assert np.allclose(awards.sum(axis=0), [float(e) for e in estates])
        expected = np.array([rule(e, claims).x for e in estates], dtype=float).T
        assert np.allclose(awards, expected)
        assert np.all(np.diff(awards, axis=1) >= -1e-12)  # every rule is estate-monotone


def test_claims_paths_given_estates_callables_and_names():
    fig = plot.claims_paths([0, 150, 300], [100, 200], rules=[co.talmud_rule], players=["a", "b"])
    (ax,) = fig.axes
    assert ax.get_title() == "talmud rule"
    assert [line.get_label() for line in ax.get_lines()] == ["a", "b"]
    assert list(ax.get_lines()[0].get_ydata()) == [0, 50, 100]


@pytest.mark.parametrize(
    "call",
    [
        lambda: plot.claims_paths(5, [100, 200], rules=()),
        lambda: plot.claims_paths(5, [100, 200], rules=("nope",)),
        lambda: plot.claims_paths(5, [100, 200], rules=(3,)),
        lambda: plot.claims_paths(1, [100, 200]),
        lambda: plot.claims_paths(True, [100, 200]),
        lambda: plot.claims_paths([], [100, 200]),
        lambda: plot.claims_paths([400], [100, 200]),
        lambda: plot.claims_paths(5, [-1, 2]),
        lambda: plot.claims_paths(5, "ab"),
    ],
)
def test_claims_paths_bad_input(call):
    with pytest.raises(CoalitionsError):
        call()


def test_the_core_of_a_strictly_convex_game_is_a_permutohedron():
    """For a strictly convex 4-player game the 24 marginal vectors are distinct and the core
    (= Weber set) is the permutohedron: 14 facets, 6 squares and 8 hexagons."""
    vertices = co.weber_set(CONVEX).vertices
    assert len(vertices) == 24
    dimension, faces = plot.polytope_faces([np.array(v, dtype=float)[:3] for v in vertices])
    assert dimension == 3
    assert sorted(len(face) for face in faces) == [4] * 6 + [6] * 8


def test_cost_games_are_drawn_as_savings_games_by_the_cli_figure():
    from coalitions.plot.figures import game_simplex_figure

    airport = co.airport_game([1, 2, 3, 4])
    fig = game_simplex_figure(airport, {"Shapley": co.shapley_value(airport).x}, "airport")
    assert fig.axes[0].name == "3d" and fig.axes[0].get_title().startswith("airport (savings")
    with pytest.raises(InvalidGameError, match="4-player"):
        game_simplex_figure(co.majority_game(5), {}, "five")


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_core_3d_limits_are_one_fixed_cube(tmp_path):
    # matplotlib's autoscaled limits vary from call to call and once degenerated into an
    # overflow and a singular projection; the drawing fixes one cube around what it draws
    limits = []
    for _ in range(5):
        fig = plot.core_3d(CONVEX, points={"nucleolus": co.nucleolus(CONVEX).x})
        ax = fig.axes[0]
        box = np.array([ax.get_xlim3d(), ax.get_ylim3d(), ax.get_zlim3d()])
        assert np.allclose(np.ptp(box, axis=1), np.ptp(box[0]))  # a cube
        assert (box[:, 0] <= CORNERS.min(axis=0)).all() and (CORNERS.max(axis=0) <= box[:, 1]).all()
        plot.save_figure(fig, tmp_path / "core.png")
        limits.append(box)
    assert all(np.array_equal(limits[0], box) for box in limits)
