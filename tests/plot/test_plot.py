"""Each plot renders a non-empty PNG and SVG; the geometry behind the core is exact."""

from fractions import Fraction
from itertools import product

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions as co
from coalitions.plot import clip_half_plane, convex_hull, core_vertices_3

matplotlib = pytest.importorskip("matplotlib")

from coalitions import plot  # noqa: E402

THREE = co.TUGame.from_dict(
    {("A", "B"): 60, ("A", "C"): 80, ("B", "C"): 90, ("A", "B", "C"): 150}, players=["A", "B", "C"]
)


def _render(fig, tmp_path, name):
    for suffix in (".png", ".svg"):
        path = plot.save_figure(fig, tmp_path / f"{name}{suffix}")
        assert path.exists() and path.stat().st_size > 1000
    assert (tmp_path / f"{name}.png").read_bytes()[:4] == b"\x89PNG"


def test_imputation_simplex(tmp_path):
    phi = co.shapley_value(THREE)
    fig = plot.imputation_simplex(
        THREE, points={"Shapley value": phi.x, "equal split": [50, 50, 50]}
    )
    _render(fig, tmp_path, "simplex")


def test_imputation_simplex_point_core_and_empty_core(tmp_path):
    glove = co.glove_game(["L"], ["R1", "R2"])
    _render(
        plot.imputation_simplex(glove, points={"Shapley": co.shapley_value(glove).x}),
        tmp_path,
        "glove",
    )
    _render(plot.imputation_simplex(co.majority_game(3)), tmp_path, "majority")


def test_bargaining_frontier(tmp_path):
    t = np.linspace(0, 1, 50)
    fig = plot.bargaining_frontier(
        disagreement=(0, 0),
        frontier=list(zip(t, np.sqrt(1 - t))),
        solutions={"Nash": (2 / 3, 0.577), "KS": (0.618, 0.618)},
    )
    _render(fig, tmp_path, "frontier")
    fig = plot.bargaining_frontier(
        disagreement=(0, 0), feasible=[(0, 0), (1, 0), (0, 1)], solutions={"Nash": (0.5, 0.5)}
    )
    _render(fig, tmp_path, "polytope")


def test_power_index_bars(tmp_path):
    fig = plot.power_index_bars(
        {"Shapley-Shubik": {"P": 0.196, "E": 0.0019}, "Banzhaf": {"P": 0.167, "E": 0.0165}},
        log=True,
    )
    _render(fig, tmp_path, "bars")


def test_power_index_bars_value_axis_label():
    assert plot.power_index_bars({"x": {"a": 1}}).axes[0].get_ylabel() == "power"
    assert plot.power_index_bars({"x": {"a": 1}}, ylabel="share").axes[0].get_ylabel() == "share"
    assert plot.power_index_bars({"x": {"a": 1}}, ylabel=None).axes[0].get_ylabel() == ""


def test_legitimacy_efficiency_curves(tmp_path):
    quotas = list(range(8, 16))
    fig = plot.legitimacy_efficiency_curves(
        quotas, [2.0**-k for k in quotas], protection={"P5": [0.1] * 8, "E10": [0.2] * 8}
    )
    _render(fig, tmp_path, "legitimacy")
    _render(plot.legitimacy_efficiency_curves(quotas, [0.5] * 8), tmp_path, "one_panel")


def test_win_set_diagram(tmp_path):
    fig = plot.win_set_diagram(
        {"A": (0, 0), "B": (4, 0), "C": (2, 3)}, (2, -3), outcomes={"projection": (2, 0)}
    )
    _render(fig, tmp_path, "winset")
    fig = plot.win_set_diagram({"A": (0, 0), "B": (4, 0), "C": (2, 3)}, (2, 1))
    _render(fig, tmp_path, "winset_empty")


def test_acceptance_sets_diagram(tmp_path):
    game = co.two_level_win_set(
        {"US": 4, "EU": 10}, 0, ratifiers={"US": [2]}, negotiator_veto=False
    )
    fig = plot.acceptance_sets_diagram(
        game.acceptance,
        game.status_quo,
        international=game.intervals,
        negotiators=game.negotiators,
        outcomes={"Nash": game.outcome, "without ratifiers": game.unconstrained_outcome},
    )
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["international", "EU", "US"]
    _render(fig, tmp_path, "acceptance")
    with pytest.raises(co.InvalidArgumentError, match="not a pair"):
        plot.acceptance_sets_diagram({"US": [(0, 1, 2)]}, 0)


def test_bad_inputs(tmp_path):
    with pytest.raises(ValueError, match="must end in .png or .svg"):
        plot.save_figure(plot.power_index_bars({"x": {"a": 1}}), tmp_path / "x.jpg")
    with pytest.raises(co.InvalidGameError, match="3-player games"):
        plot.imputation_simplex(co.majority_game(4))
    with pytest.raises(co.InvalidProblemError, match="feasible"):
        plot.bargaining_frontier(disagreement=(0, 0))
    with pytest.raises(co.InvalidProblemError, match="point in the plane"):
        plot.win_set_diagram({"A": (0, 0, 1)}, (1, 1))
    with pytest.raises(ValueError, match="4 values for 8 quotas"):
        plot.legitimacy_efficiency_curves(range(8), [1] * 8, protection={"a": [1] * 4})
    with pytest.raises(ValueError, match="indices is empty"):
        plot.power_index_bars({})


def test_missing_matplotlib_message(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "matplotlib" or name.startswith("matplotlib."):
            raise ImportError("no matplotlib")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(plot.PlotDependencyError, match=r"coalitions-toolkit\[plot\]") as info:
        plot.power_index_bars({"x": {"a": 1}})
    assert isinstance(info.value, ImportError) and isinstance(info.value, co.CoalitionsError)


# --- geometry: exact and checked against the definition --------------------------------------


def test_core_vertices_known():
    assert core_vertices_3(THREE) == [(60, 0, 90), (60, 70, 20), (0, 70, 80), (0, 60, 90)]
    assert core_vertices_3(THREE.to_float())[1] == pytest.approx((60, 70, 20))


@given(st.lists(st.integers(0, 12), min_size=4, max_size=4))
def test_core_vertices_satisfy_core_and_are_tight(values):
    v2 = values[:3]
    game = co.TUGame(
        [0, 0, 0, v2[0], 0, v2[1], v2[2], values[3] + max(v2)], players=["a", "b", "c"]
    )
    vertices = core_vertices_3(game)
    for x in vertices:
        assert all(isinstance(c, Fraction) for c in x)
        assert sum(x) == game.grand_value
        for mask in range(1, 8):
            assert sum(x[i] for i in range(3) if mask >> i & 1) >= game.value(mask)
    # brute force: is some point of a fine rational grid in the core?
    grand = game.grand_value
    step = Fraction(1, 2)
    grid_has_core_point = any(
        all(
            sum((a, b, grand - a - b)[i] for i in range(3) if m >> i & 1) >= game.value(m)
            for m in range(1, 8)
        )
        for a, b in product([k * step for k in range(int(2 * grand) + 1)], repeat=2)
    )
    if grid_has_core_point:
        assert vertices


def test_convex_hull_and_clip():
    assert convex_hull([(0, 0), (1, 0), (2, 0)]) == [(0, 0), (2, 0)]
    assert clip_half_plane([(0, 0), (2, 0), (2, 2), (0, 2)], (1, 0), -1) == []
    assert clip_half_plane([(Fraction(1), Fraction(1))], (1, 0), 2) == [(1, 1)]
