"""Sensitivity analysis: known answers (linear and product models, whose tornado rows, ranges,
breakpoints and Sobol indices are known in closed form), properties over random models, an
independent sweep as the oracle, and every bad input refused with a CoalitionsError."""

import json
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions as co
from coalitions import Assumption, sensitivity
from coalitions.exceptions import CoalitionsError, InvalidArgumentError, InvalidProblemError

X = Assumption("x", 0.5, 0.0, 1.0)
Y = Assumption("y", 1.0, 0.5, 2.0)


def linear(x, y):
    return {"total": 3 * x - y, "sign": "positive" if 3 * x - y > 0 else "not positive"}


def test_tornado_of_a_linear_model_is_coefficient_times_range():
    result = sensitivity(linear, [X, Y], samples=64, rng=0)
    rows = result.tornado["total"]
    assert [r["assumption"] for r in rows] == ["x", "y"]
    assert rows[0]["swing"] == pytest.approx(3.0) and rows[1]["swing"] == pytest.approx(1.5)
    assert rows[0]["at_low"] == pytest.approx(-1.0) and rows[0]["at_high"] == pytest.approx(2.0)
    assert rows[1]["at_low"] == pytest.approx(1.0) and rows[1]["at_high"] == pytest.approx(-0.5)
    assert result.most_sensitive == {"total": "x"} == result.value
    assert result.baseline == {"total": 0.5, "sign": "positive"}


def test_ranges_lie_in_the_exact_bounds_and_cover_them():
    result = sensitivity(linear, [X, Y], samples=2000, rng=1)
    r = result.ranges["total"]
    assert -2.0 <= r["min"] < -1.8 and 2.3 < r["max"] <= 2.5  # exact range [-2, 2.5]
    assert r["mean"] == pytest.approx(1.5 - 1.25, abs=0.02)  # E = 3/2 - 5/4
    assert r["q05"] <= r["median"] <= r["q95"]


def test_breakpoints_are_where_the_sign_flips():
    result = sensitivity(linear, [X, Y], samples=64, rng=0)
    found = {b.assumption: b for b in result.breakpoints}
    # 3x - 1 = 0 at x = 1/3 (y at 1); 1.5 - y = 0 at y = 1.5 (x at 0.5)
    assert found["x"].at == pytest.approx(1 / 3, abs=2e-6)
    assert (found["x"].below, found["x"].above) == ("not positive", "positive")
    assert found["y"].at == pytest.approx(1.5, abs=3e-6)
    assert (found["y"].below, found["y"].above) == ("positive", "not positive")
    assert all(b.tolerance <= 1e-6 * 1.5 for b in result.breakpoints)


def test_shares_of_a_threshold_conclusion_match_its_probability():
    # P(3x - y > 0) with x ~ U(0, 1), y ~ U(0.5, 2): integrate (1 - y/3) over y, divide by 1.5
    exact = (1.5 - (4 - 0.25) / 6) / 1.5
    result = sensitivity(linear, [X, Y], samples=4000, rng=2)
    assert result.shares["sign"]["positive"] == pytest.approx(exact, abs=0.02)
    assert sum(result.shares["sign"].values()) == pytest.approx(1.0)


def test_sobol_indices_of_a_product_match_the_closed_form():
    # y = x * s, x ~ U(0, 1), s ~ U(0.5, 2): V = E[x^2] E[s^2] - (E x E s)^2
    ex, vx, es, vs = 0.5, 1 / 12, 1.25, 1.5**2 / 12
    var = (vx + ex**2) * (vs + es**2) - (ex * es) ** 2
    first = {"x": es**2 * vx / var, "s": ex**2 * vs / var}
    total = {"x": 1 - ex**2 * vs / var, "s": 1 - es**2 * vx / var}
    result = sensitivity(
        lambda x, s: {"y": x * s},
        [Assumption("x", 0.5, 0, 1), Assumption("s", 1, 0.5, 2)],
        method="sobol",
        samples=8192,
        rng=3,
    )
    for name in ("x", "s"):
        assert result.sobol["y"][name]["first_order"] == pytest.approx(first[name], abs=0.03)
        assert result.sobol["y"][name]["total"] == pytest.approx(total[name], abs=0.03)


@given(
    coefficients=st.lists(st.floats(-5, 5).filter(lambda c: abs(c) > 1e-3), min_size=1, max_size=4),
    widths=st.lists(st.floats(0.1, 10), min_size=4, max_size=4),
    seed=st.integers(0, 2**32 - 1),
)
def test_tornado_matches_an_independent_sweep_on_random_linear_models(coefficients, widths, seed):
    assumptions = [
        Assumption(f"a{i}", 0.0, -w / 2, w / 2) for i, w in zip(range(len(coefficients)), widths)
    ]

    def model(**values):
        return {"y": sum(c * values[f"a{i}"] for i, c in enumerate(coefficients))}

    result = sensitivity(model, assumptions, samples=16, sweep_points=5, rng=seed)
    # oracle: the swing of a linear term is |c| times the width, independently of the others
    expected = sorted(
        ((abs(c) * a.high - abs(c) * a.low, a.name) for c, a in zip(coefficients, assumptions)),
        reverse=True,
    )
    rows = result.tornado["y"]
    assert [r["swing"] for r in rows] == pytest.approx([s for s, _ in expected])
    assert rows[0]["swing"] == max(r["swing"] for r in rows)
    r = result.ranges["y"]
    bound = sum(abs(c) * a.high for c, a in zip(coefficients, assumptions))
    assert -bound - 1e-9 <= r["min"] <= r["max"] <= bound + 1e-9
    assert result.n_evaluations == 1 + 5 * len(assumptions) + 16


@given(threshold=st.floats(0.01, 0.99), seed=st.integers(0, 2**32 - 1))
def test_a_threshold_is_found_wherever_it_lies(threshold, seed):
    result = sensitivity(
        lambda x: {"above": x > threshold}, [Assumption("x", 0.0, 0.0, 1.0)], samples=8, rng=seed
    )
    (found,) = result.breakpoints
    assert abs(found.at - threshold) <= found.tolerance + 1e-12
    assert (found.below, found.above) == (False, True)


def test_same_seed_same_answer_and_the_designs_differ():
    a = sensitivity(linear, [X, Y], samples=32, rng=5)
    b = sensitivity(linear, [X, Y], samples=32, rng=5)
    assert a.ranges == b.ranges and a.shares == b.shares
    c = sensitivity(linear, [X, Y], samples=32, rng=5, method="uniform")
    assert c.method == "uniform" and c.ranges != a.ranges


def test_callback_reports_each_sweep_then_the_monte_carlo():
    calls = []
    sensitivity(
        linear, [X, Y], samples=8, rng=0, callback=lambda done, total: calls.append((done, total))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_result_is_json_ready_and_follows_the_contract():
    result = sensitivity(linear, [X, Y], samples=8, rng=0)
    data = json.loads(json.dumps(result.to_dict()))
    assert data["assumptions"][0] == {
        "name": "x",
        "value": 0.5,
        "low": 0.0,
        "high": 1.0,
        "description": "",
        "source": "",
    }
    assert data["breakpoints"][0]["conclusion"] == "sign"
    assert {row["label"] for row in data["shares"]["sign"]} <= {"positive", "not positive"}
    assert result.success and result.concept == "sensitivity" and result.exact is False
    assert "SensitivityResult" in result._repr_html_()


@pytest.mark.parametrize(
    "args",
    [
        ("1x", 0, 0, 1),
        ("x", 0, 1, 1),
        ("x", 2, 0, 1),
        ("x", math.nan, 0, 1),
        ("x", 0, -math.inf, 1),
        ("x", "0.5", 0, 1),
        ("x", True, 0, 1),
    ],
)
def test_bad_assumptions_are_refused(args):
    with pytest.raises(InvalidArgumentError):
        Assumption(*args)


@pytest.mark.parametrize(
    "model, message",
    [
        (lambda x: [x], "mapping"),
        (lambda x: {}, "mapping"),
        (lambda x: {"y": math.nan}, "finite"),
        (lambda x: {"y": [x]}, "hashable"),
        (lambda x: {1: x}, "names must be str"),
        (lambda x: {"y": x} if x == 0.5 else {"z": x}, "same names"),
        (lambda x: {"y": x} if x == 0.5 else {"y": "label"}, "a number at the baseline"),
    ],
)
def test_bad_models_are_refused(model, message):
    with pytest.raises(InvalidProblemError, match=message):
        sensitivity(model, [X], samples=8, rng=0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"method": "morris"},
        {"samples": 4},
        {"samples": 10.0},
        {"sweep_points": 1},
        {"callback": 3},
        {"rng": -1},
    ],
)
def test_bad_options_are_refused(kwargs):
    with pytest.raises(CoalitionsError):
        sensitivity(linear, [X, Y], **kwargs)


def test_unknown_method_lists_the_valid_ones():
    with pytest.raises(InvalidArgumentError, match="latin-hypercube"):
        sensitivity(linear, [X, Y], method="morris")


@pytest.mark.parametrize("assumptions", [[], [X, X], "x", [object()], {"x": X}, None])
def test_bad_assumption_lists_are_refused(assumptions):
    with pytest.raises(InvalidArgumentError):
        sensitivity(linear, assumptions)


def test_not_a_model_is_refused():
    with pytest.raises(InvalidArgumentError, match="model must be a function"):
        sensitivity("3*x", [X])


def test_assumptions_are_frozen_and_compare_by_content():
    assert Assumption("x", 0.5, 0, 1) == Assumption("x", 0.5, 0.0, 1.0)
    assert len({Assumption("x", 0.5, 0, 1), Assumption("x", 0.5, 0, 1)}) == 1
    with pytest.raises(AttributeError):
        X.value = 1
    assert np.asarray(sensitivity(linear, [X, Y], samples=8, rng=0)).shape == ()
    assert co.analysis.sensitivity is sensitivity


def test_sobol_with_one_assumption_gives_it_all_the_variance():
    result = sensitivity(
        lambda x: {"y": x**2 + x}, [Assumption("x", 0.5, 0, 1)], method="sobol", samples=1024, rng=0
    )
    assert result.sobol["y"]["x"]["first_order"] == pytest.approx(1.0, abs=0.05)
    assert result.sobol["y"]["x"]["total"] == pytest.approx(1.0, abs=0.05)


def test_sobol_with_conclusions_only_has_no_indices_but_shares():
    result = sensitivity(lambda x: {"high": x > 0.25}, [X], method="sobol", samples=64, rng=0)
    assert result.sobol is None
    assert result.shares["high"][True] == pytest.approx(0.75, abs=0.1)
