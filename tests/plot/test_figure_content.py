"""Each figure draws the numbers of the result it is given: one drawn feature per function is
read back from the figure and compared with the computation behind it."""

import math

import numpy as np
import pytest

import coalitions as co
from coalitions.plot import core_vertices_3

pytest.importorskip("matplotlib")

from coalitions import plot
from coalitions.plot import figures

THREE = co.TUGame.from_dict(
    {("A", "B"): 60, ("A", "C"): 80, ("B", "C"): 90, ("A", "B", "C"): 150}, players=["A", "B", "C"]
)


def _legend(ax):
    return [text.get_text() for text in ax.get_legend().get_texts()]


def _marker_at(ax, label):
    (line,) = [line for line in ax.lines if line.get_label() == label]
    return float(line.get_xdata()[0]), float(line.get_ydata()[0])


def test_simplex_core_polygon_has_the_core_vertices():
    fig = plot.imputation_simplex(THREE)
    (core,) = [patch for patch in fig.axes[0].patches if patch.get_label() == "core"]
    # matplotlib closes the polygon: one vertex more than the core has
    assert len(core.get_xy()) == len(core_vertices_3(THREE)) + 1


def test_simplex_marks_an_imputation_at_its_barycentric_place():
    # the equal split of the surplus above v(i) = 0 is the triangle's centroid
    fig = plot.imputation_simplex(THREE, points={"centre": [50, 50, 50]}, core=None)
    x, y = _marker_at(fig.axes[0], "centre (50, 50, 50)")
    assert (x, y) == pytest.approx((0.5, math.sqrt(3) / 6))


def test_bargaining_frontier_marks_the_solutions_it_is_given():
    problem = co.BargainingProblem.from_vertices([[0, 0], [2, 0], [0, 1]])
    nash = co.nash_solution(problem).x
    fig = figures.bargaining_problem_figure(problem, "triangle")
    ax = fig.axes[0]
    assert ax.get_title() == "triangle"
    assert _marker_at(ax, "Nash (1, 0.5)") == pytest.approx(tuple(float(u) for u in nash))


def test_power_bars_have_the_heights_of_the_table():
    table = co.power_indices(co.datasets.eec_council_1958(), ["shapley-shubik"])
    fig = figures.power_table_figure(table, "EEC 1958")
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == pytest.approx([float(v) for v in table.indices["shapley-shubik"]])
    assert fig.axes[0].get_title() == "EEC 1958"


def test_sweep_curve_is_the_power_to_act():
    from coalitions.power.report import sweep_report

    report = sweep_report(co.datasets.eec_council_1958())
    fig = figures.sweep_figure(report, "EEC")
    efficiency, protection = fig.axes
    np.testing.assert_allclose(
        efficiency.lines[0].get_ydata(), np.asarray(report.sweep.power_to_act, dtype=float)
    )
    assert len(protection.lines) == len(report.classes)


def test_legitimacy_panels_follow_the_curves_given():
    fig = plot.legitimacy_efficiency_curves([2, 3], [0.5, 0.25], protection={"a": [0, 1]})
    assert len(fig.axes) == 2 and _legend(fig.axes[1]) == ["a"]
    assert len(plot.legitimacy_efficiency_curves([2, 3], [0.5, 0.25]).axes) == 1


def test_win_set_has_one_indifference_circle_per_player():
    ideals = {"A": (0, 0), "B": (2, 0), "C": (1, 2)}
    fig = plot.win_set_diagram(ideals, (1, 3), resolution=50)
    circles = [line for line in fig.axes[0].lines if line.get_linestyle() == "--"]
    assert len(circles) == len(ideals)
    for line, centre in zip(circles, ideals.values()):  # each passes through q = (1, 3)
        radii = np.hypot(line.get_xdata() - centre[0], line.get_ydata() - centre[1])
        assert radii == pytest.approx(math.dist(centre, (1, 3)))


def test_spatial_report_marks_the_least_ambitious_programme():
    from coalitions.bargaining import SpatialModel
    from coalitions.bargaining.report import spatial_report

    model = SpatialModel({"A": [0, 0], "B": [2, 0], "C": [1, 2]}, status_quo=[1, 3])
    report = spatial_report(model)
    fig = figures.spatial_report_figure(report, "plane")
    (label,) = [t for t in _legend(fig.axes[0]) if t.startswith("least ambitious programme")]
    point = tuple(float(v) for v in report.lcd.llap_point)
    assert _marker_at(fig.axes[0], label) == pytest.approx(point)


def test_cost_game_simplex_is_drawn_as_savings():
    game = co.airport_game([1, 2, 3])
    fig = figures.game_simplex_figure(game, {"split": [1, 1, 1]}, "airport")
    ax = fig.axes[0]
    assert ax.get_title() == "airport (savings game: stand-alone cost - cost share)"
    # the cost shares (1, 1, 1) are the savings (1 - 1, 2 - 1, 3 - 1)
    assert "split (0, 1, 2)" in _legend(ax)


def test_policy_functions_draw_the_equilibrium_outcomes():
    result = co.dynamic_bargaining(
        {"A": 0.0, "B": 0.5, "C": 1.0}, status_quo=0.9, veto=["B"], policies=11
    )
    fig = figures.dynamic_bargaining_figure(result, "three players")
    left, right = fig.axes
    steps = {line.get_label(): line for line in left.lines}
    for player, outcome in zip(result.players, result.outcomes):
        assert steps[f"{player} proposes"].get_ydata() == pytest.approx(outcome)
    stable = steps["stable policies"]
    assert list(stable.get_xdata()) == list(stable.get_ydata()) == list(result.stable)
    heights = [patch.get_height() for patch in right.patches]
    assert heights == pytest.approx(result.long_run)


@pytest.mark.parametrize(
    "policies, outcomes, long_run, match",
    [
        ([0, 1], {}, None, "at least one proposer"),
        ([0, 0], {"A": [0, 0]}, None, "increasing grid"),
        ([0, 1], {"A": [0]}, None, "one number per policy"),
        ([0, 1], {"A": [0, 1]}, [1], "one number per policy"),
    ],
)
def test_policy_function_diagram_refuses_what_it_cannot_draw(policies, outcomes, long_run, match):
    with pytest.raises(co.CoalitionsError, match=match):
        plot.policy_function_diagram(policies, outcomes, long_run=long_run)
