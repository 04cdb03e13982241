"""Hostile inputs to every public function of the core family and its CLI commands: each is
answered correctly or refused with a CoalitionsError that says what to change."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

SOLVERS = {
    "core": co.core,
    "core_vertices": co.core_vertices,
    "least_core": co.least_core,
    "nucleolus": co.nucleolus,
    "prenucleolus": co.prenucleolus,
    "per_capita_nucleolus": co.per_capita_nucleolus,
    "imputation_vertices": co.imputation_vertices,
}
CHECKERS = {
    "is_in_core": co.is_in_core,
    "is_in_least_core": co.is_in_least_core,
    "max_excess": co.max_excess,
    "is_nucleolus": co.is_nucleolus,
    "is_prenucleolus": co.is_prenucleolus,
    "is_imputation": co.is_imputation,
    "is_efficient": co.is_efficient,
    "is_individually_rational": co.is_individually_rational,
}


@pytest.mark.parametrize("name", SOLVERS)
def test_symbolic_and_non_games_are_refused(name):
    with pytest.raises(co.InvalidGameError, match="substitute"):
        SOLVERS[name](co.TUGame([0, sympy.Symbol("a"), 0, 1]))
    with pytest.raises(co.InvalidGameError, match="needs a TUGame"):
        SOLVERS[name]([0, 1, 1, 2])


@pytest.mark.parametrize(
    "game",
    [co.TUGame([0, 5]), co.TUGame(np.array([0.0, 2.5])), co.TUGame([0, 5], cost=True)],
    ids=["exact", "float", "cost"],
)
def test_one_player(game):
    value = game.grand_value
    assert list(co.core(game, vertices=True).x) == [value]
    assert [list(v) for v in co.core_vertices(game)] == [[value]]
    assert co.least_core(game).epsilon == 0
    for solver in (co.nucleolus, co.prenucleolus, co.per_capita_nucleolus):
        assert list(solver(game).x) == [value]
    assert co.is_in_core(game, [value]) and not co.is_in_core(game, [value + 1])


@pytest.mark.parametrize(
    "values, expected",
    [
        (np.array([0, 1e300, 1e300, 1.5e300]), 1.5e300 / 2),
        (np.array([0, 1e-300, 2e-300, 5e-300]), 2e-300),
        (np.array([0, 1.7e308, 1.7e308, 1.7e308]), 1.7e308 / 2),
        ([0, 10**400, 10**400, 3 * 10**400], Fraction(3, 2) * 10**400),
        ([0, Fraction(1, 10**300), 0, Fraction(3, 10**300)], Fraction(2, 10**300)),
    ],
    ids=["huge-float", "tiny-float", "float-max", "huge-exact", "tiny-exact"],
)
def test_huge_and_tiny_worths(values, expected):
    game = co.TUGame(values)
    pre = co.prenucleolus(game)
    assert pre.success and pre.verified
    if isinstance(expected, Fraction):
        assert pre.exact and pre.x[0] == expected
    else:
        assert math.isclose(pre.x[0], expected, rel_tol=1e-9)
    least = co.least_core(game)
    assert least.success
    result = co.core(game, vertices=True)
    assert result.success
    if not result.is_empty:
        assert all(co.is_in_core(game, v) for v in result.vertices)


def test_non_superadditive_and_negative_games():
    game = co.TUGame([0, 5, 5, 1])
    result = co.core(game, vertices=True)
    assert result.is_empty and result.vertices == () and result.epsilon == Fraction(9, 2)
    with pytest.raises(co.InvalidGameError, match="imputation set is empty"):
        co.nucleolus(game)
    assert list(co.prenucleolus(game).x) == [Fraction(1, 2), Fraction(1, 2)]
    assert co.imputation_vertices(game) == []
    negative = co.TUGame([0, -1, -2, -10])
    assert co.core(negative).is_empty and co.least_core(negative).epsilon == Fraction(7, 2)


@pytest.mark.parametrize(
    "bad, match",
    [
        ([1, 0], "one payoff per player"),
        ([1, 0, 0, 0], "one payoff per player"),
        ([float("nan"), 0, 0], "finite"),
        ([float("inf"), 0, -1], "finite"),
        ({"1": 1, "2": 0, "9": 0}, "no payoff for players"),
        ("abc", "numbers"),
        (None, "payoff vector"),
        ([True, False, False], "bool"),
        ([sympy.Symbol("x"), 0, 0], "numbers"),
    ],
)
@pytest.mark.parametrize("name", CHECKERS)
def test_bad_payoff_vectors(name, bad, match):
    with pytest.raises(co.InvalidGameError, match=match):
        CHECKERS[name](co.majority_game(3), bad)


def test_huge_payoffs_are_judged_correctly():
    game = co.TUGame(np.zeros(16))
    assert not co.is_in_core(game, [1e307, 0, -1e307, 0])
    assert co.is_efficient(game, [1e307, 0, -1e307, 0])
    with pytest.raises(co.InvalidGameError, match="too large for float arithmetic"):
        co.is_in_core(game, [1e308, 1e308, -1e308, -1e308])
    exact = co.TUGame([0] * 16)
    assert not co.is_in_core(exact, [10**400, 10**400, -(10**400), -(10**400)])
    assert co.is_efficient(exact, [10**400, 10**400, -(10**400), -(10**400)])


@pytest.mark.parametrize(
    "call",
    [
        lambda: co.core(co.majority_game(3), atol=-1),
        lambda: co.core(co.majority_game(3), atol="a"),
        lambda: co.least_core(co.majority_game(3), atol=float("nan")),
        lambda: co.nucleolus(co.majority_game(3), atol=float("inf")),
        lambda: co.nucleolus(co.majority_game(3), method="simplex"),
        lambda: co.nucleolus(co.majority_game(3), callback=3),
        lambda: co.is_in_core(co.majority_game(3), [1, 0, 0], atol=True),
        lambda: co.is_efficient(co.majority_game(3), [1, 0, 0], atol=-1e-9),
        lambda: co.core_vertices(co.majority_game(3), atol=-1),
    ],
)
def test_bad_options_are_invalid_arguments(call):
    with pytest.raises(co.InvalidArgumentError):
        call()


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(coalitions=[("1", "9")], weights=[1]), "unknown player"),
        (dict(coalitions=[("1", "2")], weights=[float("nan")]), "finite numbers"),
        (dict(coalitions=[("1", "2"), ("3",)], weights=[1, "a"]), "finite numbers"),
        (dict(coalitions=[("1", "1", "2", "3")], weights=[1]), "repeats a member"),
        (dict(coalitions=[("1", "2", "3")], weights=[True]), "finite numbers"),
        (dict(coalitions=[("1", "2")], weights=[]), "coalitions but"),
    ],
)
def test_bad_balanced_collections(kwargs, match):
    with pytest.raises(co.InvalidGameError, match=match):
        co.is_balanced_collection(co.majority_game(3), **kwargs)


def test_vertex_limits():
    with pytest.raises(co.TooLargeError, match="at most 10"):
        co.core(co.majority_game(11), vertices=True)
    from coalitions.solutions import _vertices

    game = co.bankruptcy_game(10, [1, 2, 3, 4, 5])
    b = np.array([int(v) for v in game.values], dtype=np.int64)
    start = [Fraction(v) for v in co.nucleolus(game).x]
    with pytest.raises(co.TooLargeError, match="more than 3 vertices"):
        _vertices.exact_core_vertices(b, 5, start, max_vertices=3)


@pytest.mark.parametrize(
    "arguments, code, message",
    [
        (["core", "{file}", "--atol", "-1"], 2, "not a tolerance"),
        (["core", "{file}", "--atol", "nan"], 2, "not a tolerance"),
        (["least-core", "{file}", "--atol", "x"], 2, "--atol"),
        (["nucleolus", "{missing}"], 1, "no such file"),
        (["core", "{bad_cost}"], 1, "cost must be true (a cost game"),
        (["core", "{eleven}", "--vertices"], 1, "at most 10 players"),
        (["nucleolus", "{empty_imputations}"], 1, "imputation set is empty"),
    ],
)
def test_cli_refuses_bad_input(tmp_path, arguments, code, message):
    paths = {
        "file": tmp_path / "game.json",
        "missing": tmp_path / "missing.json",
        "bad_cost": tmp_path / "bad_cost.json",
        "eleven": tmp_path / "eleven.json",
        "empty_imputations": tmp_path / "cheap.json",
    }
    co.write_game(co.majority_game(3), paths["file"])
    co.write_game(co.majority_game(11), paths["eleven"])
    co.write_game(co.TUGame([0, 1, 1, 3], cost=True), paths["empty_imputations"])
    paths["bad_cost"].write_text('{"values": [0, 1, 1, 2], "cost": "yes"}')
    result = CliRunner().invoke(app, [a.format(**paths) for a in arguments])
    assert result.exit_code == code, result.output
    assert message in result.output and "Traceback" not in result.output
