"""The tornado diagram and the scenario bars draw what the results hold."""

import pytest

import coalitions as co
from coalitions.exceptions import InvalidArgumentError

pytest.importorskip("matplotlib")


def _result():
    return co.sensitivity(
        lambda a, b: {"y": 3 * a - b, "sign": 3 * a > b},
        [co.Assumption("a", 0.5, 0, 1), co.Assumption("b", 1, 0.5, 2)],
        samples=8,
        rng=0,
    )


def test_tornado_bars_span_each_sweep_widest_on_top():
    result = _result()
    fig = co.plot.tornado(result, "y")
    ax = fig.axes[0]
    bars = ax.patches
    rows = list(reversed(result.tornado["y"]))
    assert [t.get_text() for t in ax.get_yticklabels()] == [r["assumption"] for r in rows]
    for bar, row in zip(bars, rows):
        assert bar.get_x() == pytest.approx(row["min"])
        assert bar.get_width() == pytest.approx(row["swing"])
    (line,) = ax.get_lines()
    assert line.get_xdata()[0] == pytest.approx(result.baseline["y"])


def test_scenario_bars_skip_absent_members():
    table = co.compare_scenarios(
        {
            "three": co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"]),
            "four": co.WeightedVotingGame(3, [1, 1, 1, 1], ["A", "B", "C", "D"]),
        },
        {"SS": co.shapley_shubik_index},
    )
    fig = co.plot.scenario_bars(table, "SS")
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == pytest.approx([1 / 3] * 3 + [1 / 4] * 4)  # D has no bar in "three"


@pytest.mark.parametrize(
    "call",
    [
        lambda: co.plot.tornado(_result(), "sign"),
        lambda: co.plot.tornado("not a result", "y"),
        lambda: co.plot.scenario_bars(_result(), "y"),
        lambda: co.plot.scenario_bars(
            co.compare_scenarios({"a": 1, "b": 2}, {"m": lambda v: v}), "n"
        ),
    ],
)
def test_wrong_inputs_are_refused(call):
    with pytest.raises(InvalidArgumentError):
        call()
