"""co.solution_sensitivity: TU solutions over intervals of coalition worths.

Oracles: a plain Monte Carlo of the Shapley value written here (marginal contributions over
the orders of three players, on arrays of drawn worths), the library's solvers on unit games
and on the point game, and the closed form of one uniform worth's variance.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

import coalitions as co

PLAYERS = ("A", "B", "C")
GAME = co.TUGame([0, 1, 1, 4, 1, 3, 3, 6], players=PLAYERS)
COALITIONS = [c for k in range(1, 4) for c in itertools.combinations(PLAYERS, k)]


def _mask(coalition):
    return sum(1 << PLAYERS.index(p) for p in coalition)


def _shapley_by_orders(worths: np.ndarray) -> np.ndarray:
    """Shapley values of many 3-player games at once (rows of ``worths``, bitmask order)."""
    out = np.zeros((len(worths), 3))
    orders = list(itertools.permutations(range(3)))
    for order in orders:
        mask = 0
        for i in order:
            out[:, i] += worths[:, mask | 1 << i] - worths[:, mask]
            mask |= 1 << i
    return out / len(orders)


def test_the_exact_linear_path_agrees_with_plain_monte_carlo():
    intervals = {("A", "B"): (2, 6), ("A", "B", "C"): (5, 8), ("C",): (0, 3)}
    result = co.solution_sensitivity(GAME, intervals=intervals, n_samples=200, rng=1)
    assert result.exact and result.method == "exact" and result.std_error is None
    rng = np.random.default_rng(7)
    draws = 40_000
    worths = np.tile(np.array(GAME.values, float), (draws, 1))
    for coalition, (lo, hi) in intervals.items():
        worths[:, _mask(coalition)] = rng.uniform(lo, hi, draws)
    payoffs = _shapley_by_orders(worths)
    mean, std = payoffs.mean(axis=0), payoffs.std(axis=0)
    se = std / math.sqrt(draws)
    assert np.all(np.abs(np.asarray(result.x, float) - mean) < 6 * se)
    assert np.allclose(result.std, std, rtol=0.03)
    # the exact range holds every draw, and the draws come close to its ends
    low, high = np.asarray(result.low, float), np.asarray(result.high, float)
    assert np.all(payoffs >= low - 1e-12) and np.all(payoffs <= high + 1e-12)
    assert np.all(payoffs.min(axis=0) - low < 0.1) and np.all(high - payoffs.max(axis=0) < 0.1)
    assert np.allclose(result.quantiles[0.5], np.median(payoffs, axis=0), atol=0.15)


@pytest.mark.parametrize(
    "solution, solver",
    [
        ("shapley", co.shapley_value),
        ("banzhaf", co.banzhaf_value),
        ("solidarity", co.solidarity_value),
        ("equal-surplus-division", co.equal_surplus_division),
        ("ensc", co.ensc_value),
        ("equal-division", co.equal_division),
        ("least-squares", co.least_squares_value),
    ],
)
def test_the_coefficients_are_the_values_of_the_unit_games(solution, solver):
    players = ("a", "b", "c", "d")
    zero = co.TUGame([0] * 16, players=players)
    every = {names: (0, 1) for k in range(1, 5) for names in itertools.combinations(players, k)}
    result = co.solution_sensitivity(zero, solution=solution, intervals=every, n_samples=4, rng=0)
    assert result.exact and len(result.influence) == 15
    for names, slopes in result.influence.items():
        table = [0] * 16
        table[sum(1 << players.index(p) for p in names)] = 1
        assert list(slopes.values()) == list(solver(co.TUGame(table, players=players)).x)


def test_one_uniform_worth_has_the_closed_form_variance():
    result = co.solution_sensitivity(GAME, intervals={("A", "B"): (1, 7)}, n_samples=4, rng=0)
    # the Shapley coefficient of v(AB) is 1/6 for A and B and -1/3 for C; width 6
    assert result.influence[("A", "B")] == {
        "A": Fraction(1, 6),
        "B": Fraction(1, 6),
        "C": Fraction(-1, 3),
    }
    assert list(result.variance) == [Fraction(1, 12), Fraction(1, 12), Fraction(1, 3)]
    assert list(result.low) == [Fraction(5, 3), Fraction(5, 3), Fraction(2, 3)]
    assert result.ranking == ((("A", "B"), pytest.approx(4.0)),)


@pytest.mark.parametrize("solution", ["shapley", "nucleolus", "tau"])
def test_degenerate_intervals_give_the_point_solution(solution):
    point = {"shapley": co.shapley_value, "nucleolus": co.nucleolus, "tau": co.tau_value}[solution]
    intervals = {c: (GAME.value(c), GAME.value(c)) for c in COALITIONS}
    result = co.solution_sensitivity(
        GAME, solution=solution, intervals=intervals, n_samples=3, rng=0
    )
    expected = np.asarray(point(GAME).x, float)
    assert np.allclose(np.asarray(result.x, float), expected, atol=1e-9)
    assert np.allclose(np.asarray(result.std, float), 0)
    assert np.allclose(np.asarray(result.low, float), expected, atol=1e-9)
    assert np.allclose(np.asarray(result.high, float), expected, atol=1e-9)
    assert result.ranking == () and result.influence == {}


def test_a_sampled_solution_reports_standard_errors_and_a_tornado():
    steps = []
    result = co.solution_sensitivity(
        GAME.to_float(),
        solution="nucleolus",
        spread=0.2,
        n_samples=15,
        rng=3,
        callback=lambda done, total: steps.append((done, total)),
    )
    assert result.method == "monte-carlo" and not result.exact and result.success
    assert steps[-1] == (15, 15)
    assert np.all(np.asarray(result.std_error) > 0)
    assert np.allclose(result.std_error, result.std / math.sqrt(15))
    # every sampled nucleolus is efficient: the mean payoffs sum to the mean v(N) drawn
    assert sum(result.x) == pytest.approx(6, abs=0.2)
    assert result.ranking[0][0] == ("A", "B", "C")  # v(N) moves every payoff one way
    assert set(result.tornado) == set(PLAYERS)
    again = co.solution_sensitivity(
        GAME.to_float(), solution="nucleolus", spread=0.2, n_samples=15, rng=3
    )
    assert np.array_equal(again.quantiles[0.05], result.quantiles[0.05])


def test_a_function_is_sampled_and_the_tornado_draws():
    pytest.importorskip("matplotlib")
    result = co.solution_sensitivity(
        GAME, solution=lambda g: co.shapley_value(g), spread=0.1, n_samples=20, rng=0
    )
    linear = co.solution_sensitivity(GAME, spread=0.1, n_samples=20, rng=0)
    assert result.method == "monte-carlo"
    # a linear value's secant slopes are its coefficients
    for names, slopes in linear.influence.items():
        assert list(result.influence[names].values()) == pytest.approx(
            [float(s) for s in slopes.values()]
        )
    figure = co.plot.tornado(linear, "C")
    assert len(figure.axes[0].patches) == 7


@pytest.mark.parametrize(
    "options",
    [
        {"intervals": {("A", "Z"): (0, 1)}},
        {"intervals": {("A",): (2, 1)}},
        {"intervals": {("A",): (math.nan, 1)}},
        {"intervals": {(): (0, 1)}},
        {"intervals": {("A",): 1}},
        {"intervals": [("A", (0, 1))]},
        {"spread": -0.1},
        {"spread": math.inf},
        {},
        {"spread": 0.1, "n_samples": -1},
        {"spread": 0.1, "n_samples": 2.5},
        {"spread": 0.1, "n_samples": 10**9},
        {"spread": 0.1, "solution": "nucleolus", "method": "exact"},
        {"spread": 0.1, "solution": "shapely"},
        {"spread": 0.1, "quantiles": [0.5, 2]},
        {"spread": 0.1, "method": "bootstrap"},
    ],
)
def test_hostile_inputs_raise_a_coalitions_error(options):
    with pytest.raises(co.CoalitionsError):
        co.solution_sensitivity(GAME, **options)


def test_a_solution_that_never_exists_is_refused():
    # no imputation: the sum of the singletons exceeds v(N)
    game = co.TUGame([0, 5, 5, 1])
    with pytest.raises(co.InvalidProblemError, match="no answer"):
        co.solution_sensitivity(game, solution="nucleolus", spread=0.01, n_samples=3, rng=0)


def test_the_command_line_reaches_it(tmp_path):
    import json

    from typer.testing import CliRunner

    from coalitions.cli.app import app

    path = tmp_path / "glove.json"
    co.write_game(co.glove_game(["L"], ["R1", "R2"]), path)
    args = ["value", "sensitivity", str(path), "-i", "L,R1=0:2", "--seed", "0", "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["x"] == {"L": "2/3", "R1": "1/6", "R2": "1/6"}
    assert document["ranking"] == [{"coalition": ["L", "R1"], "swing": pytest.approx(4 / 3)}]
    bad = CliRunner().invoke(app, ["value", "sensitivity", str(path), "-i", "L,R1=2:0"])
    assert bad.exit_code != 0 and "low" in bad.stderr
