"""Scenario comparison: rows aligned by metric and member, deltas from the baseline, exact
numbers kept exact, and every bad input refused with a CoalitionsError."""

import json
from fractions import Fraction
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidProblemError, UnknownNameError

COUNCIL = co.datasets.un_security_council()


def _stricter(votes):
    """The Council needing ``votes`` of 15 (the five vetoes kept)."""
    elected = COUNCIL.weights[-1]
    return co.WeightedVotingGame(
        COUNCIL.quota + (votes - 9) * elected, COUNCIL.weights, COUNCIL.players
    )


def test_power_to_act_of_each_quota_is_the_binomial_count():
    scenarios = {f"{k} of 15": _stricter(k) for k in (9, 10, 11)}
    table = co.compare_scenarios(scenarios, {"act": co.coleman_power_to_act})
    row = table.row("act")
    # the five permanent members and at least k - 5 of the ten elected ones
    expected = {
        f"{k} of 15": Fraction(sum(comb(10, j) for j in range(k - 5, 11)), 2**15)
        for k in (9, 10, 11)
    }
    assert row["values"] == expected
    assert row["deltas"] == {s: v - expected["9 of 15"] for s, v in expected.items()}
    assert table.exact and table.baseline == "9 of 15"


def test_members_are_aligned_by_name_and_missing_members_get_none():
    small = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    large = co.WeightedVotingGame(3, [1, 1, 1, 1], ["A", "B", "C", "D"])
    table = co.compare_scenarios(
        {"three": small, "four": large}, {"SS": co.shapley_shubik_index}, baseline="four"
    )
    assert [row["member"] for row in table.rows] == ["A", "B", "C", "D"]
    d = table.row("SS", "D")
    assert d["values"] == {"three": None, "four": Fraction(1, 4)}
    assert d["deltas"] == {"three": None, "four": 0}
    assert table.row("SS", "A")["deltas"]["three"] == Fraction(1, 3) - Fraction(1, 4)


@given(
    values=st.lists(st.integers(-100, 100), min_size=2, max_size=5),
    base=st.integers(0, 4),
)
def test_deltas_are_differences_from_the_baseline(values, base):
    base %= len(values)
    scenarios = {f"s{i}": v for i, v in enumerate(values)}
    table = co.compare_scenarios(
        scenarios,
        {"identity": lambda v: v, "by member": lambda v: {"a": v, "b": 2 * v}},
        baseline=f"s{base}",
    )
    for row in table.rows:
        factor = 2 if row["member"] == "b" else 1
        for name, v in scenarios.items():
            assert row["values"][name] == factor * v
            assert row["deltas"][name] == factor * (v - values[base])


def test_json_html_and_frame():
    table = co.compare_scenarios(
        {"9": COUNCIL, "11": _stricter(11)}, {"act": co.coleman_power_to_act}
    )
    data = json.loads(json.dumps(table.to_dict()))
    assert data["rows"][0]["values"]["9"] == "53/2048"
    html = table._repr_html_()
    assert "change 11" in html and "ScenarioResult" in html
    pandas = pytest.importorskip("pandas")
    frame = table.to_frame()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["metric", "member", "9", "11", "change 11"]


def test_floats_are_not_called_exact():
    table = co.compare_scenarios({"a": 1.5, "b": 2}, {"m": lambda v: v})
    assert not table.exact and table.row("m")["deltas"]["b"] == 0.5


@pytest.mark.parametrize(
    "scenarios, metrics, kwargs",
    [
        ({"only": 1}, {"m": abs}, {}),
        ([1, 2], {"m": abs}, {}),
        ({"a": 1, "b": 2}, {}, {}),
        ({"a": 1, "b": 2}, {"m": 3}, {}),
        ({"a": 1, 2: 2}, {"m": abs}, {}),
        ({"a": 1, "b": 2}, {"": abs}, {}),
        ({"a": 1, "b": 2}, {"m": abs}, {"baseline": "c"}),
    ],
)
def test_bad_arguments_are_refused(scenarios, metrics, kwargs):
    with pytest.raises(InvalidArgumentError):
        co.compare_scenarios(scenarios, metrics, **kwargs)


@pytest.mark.parametrize(
    "metric",
    [lambda v: "high", lambda v: [v], lambda v: {1: v}, lambda v: float("nan"), lambda v: True],
)
def test_bad_metric_answers_are_refused(metric):
    with pytest.raises(InvalidProblemError):
        co.compare_scenarios({"a": 1, "b": 2}, {"m": metric})


def test_an_unknown_row_names_the_rows():
    table = co.compare_scenarios({"a": 1, "b": 2}, {"m": lambda v: v})
    with pytest.raises(UnknownNameError, match="rows"):
        table.row("n")
