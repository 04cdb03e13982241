"""Cost games are first-class (issue 11, item 5): the flag travels with the game, and every
concept answers in costs, consistently with the savings game and the negated game."""

import json
import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from strategies import cost_games
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app


def _savings(game):
    return co.cost_to_savings(game)


def _from_savings(game, x):
    return [game.values[1 << i] - v for i, v in enumerate(x)]


def test_the_flag_travels_with_the_game(tmp_path):
    game = co.airport_game([1, 2, 3], ["s", "m", "l"])
    assert game.is_cost and "cost=True" in repr(game)
    assert game != co.TUGame(game, cost=False) and hash(game) != hash(co.TUGame(game, cost=False))
    assert pickle.loads(pickle.dumps(game)) == game
    for transformed in (
        game.to_float(),
        game.to_float().to_exact(),
        game.with_players("abc"),
        co.subgame(game, ["s", "l"]),
        co.dual_game(game),
        2 * game,
        game + game,
        co.zero_normalized(game),
        co.harsanyi_dividends(game),
    ):
        assert transformed.is_cost
    assert not co.cost_to_savings(game).is_cost
    with pytest.raises(co.InvalidGameError, match="cost game to a game of worths"):
        game + co.TUGame(game, cost=False)
    with pytest.raises(co.InvalidArgumentError, match="cost must be True"):
        co.TUGame([0, 1], cost="yes")
    assert co.TUGame.from_dict({"a": 1, ("a", "b"): 2}, players=["a", "b"], cost=True).is_cost
    assert co.TUGame.from_function(len, ["a", "b"], cost=True).is_cost
    path = tmp_path / "runway.json"
    co.write_game(game, path)
    assert json.loads(path.read_text())["cost"] is True
    assert co.read_game(path) == game
    for binary, form in (("runway.npz", None), ("sidecar.json", "json+npy")):
        co.write_game(game.to_float(), tmp_path / binary, format=form)
        assert co.read_game(tmp_path / binary) == game.to_float()
    co.write_game(co.cost_to_savings(game), path)
    assert "cost" not in json.loads(path.read_text())
    path.write_text('{"players": ["a", "b"], "values": [0, 1, 1, 2], "cost": 1}')
    with pytest.raises(co.InvalidGameError, match=r"cost must be true \(a cost game"):
        co.read_game(path)


@pytest.mark.slow
@settings(max_examples=50, deadline=None)
@given(cost_games())
def test_core_family_of_a_cost_game_is_that_of_its_savings_game(game):
    savings = _savings(game)
    negated = co.TUGame(-np.asarray(game.values), game.players)
    # least core and core
    least, least_savings = co.least_core(game), co.least_core(savings)
    assert least.cost and least.exact and least.epsilon == least_savings.epsilon
    assert co.is_in_least_core(game, least.x)
    assert co.max_excess(game, least.x) == least.epsilon
    result = co.core(game, vertices=game.n_players <= 4)
    assert result.cost and result.is_empty == co.core(savings).is_empty
    if result.is_empty:
        cert = result.certificate
        assert cert.cost and cert.total < cert.grand_value
        assert co.is_balanced_collection(game, cert)
        assert cert.total == sum(w * game.value(c) for c, w in zip(cert.coalitions, cert.weights))
    else:
        y = list(result.x)
        assert co.is_in_core(game, y) and co.is_in_core(savings, _from_savings(game, y))
        assert all(
            sum(y[i] for i in range(game.n_players) if m >> i & 1) <= game.values[m]
            for m in range(1, 1 << game.n_players)
        )
        if result.vertices is not None:
            mapped = sorted(tuple(_from_savings(game, v)) for v in co.core_vertices(savings))
            assert sorted(tuple(v) for v in result.vertices) == mapped
    # nucleoli: y = c({i}) - x(savings) = -x(-c)
    pre = co.prenucleolus(game)
    assert pre.cost and pre.verified
    assert list(pre.x) == _from_savings(game, co.prenucleolus(savings).x)
    assert list(pre.x) == [-v for v in co.prenucleolus(negated).x]
    assert co.is_prenucleolus(game, pre.x)
    assert pre.levels == co.prenucleolus(savings).levels
    singles = sum(game.values[1 << i] for i in range(game.n_players))
    if singles >= game.grand_value:
        nucleolus = co.nucleolus(game)
        assert list(nucleolus.x) == _from_savings(game, co.nucleolus(savings).x)
        assert co.is_nucleolus(game, nucleolus.x) and co.is_imputation(game, nucleolus.x)
        per_capita = co.per_capita_nucleolus(game)
        assert list(per_capita.x) == [-v for v in co.per_capita_nucleolus(negated).x]
    else:
        with pytest.raises(co.InvalidGameError, match="stand-alone costs add up"):
            co.nucleolus(game)


@settings(max_examples=30, deadline=None)
@given(cost_games(max_players=4))
def test_values_of_a_cost_game_are_cost_shares(game):
    savings = _savings(game)
    for value in (
        co.shapley_value,
        co.banzhaf_value,
        co.equal_division,
        co.equal_surplus_division,
        co.ensc_value,
    ):
        result = value(game)
        assert result.cost
    shapley = co.shapley_value(game)
    assert list(shapley.x) == _from_savings(game, co.shapley_value(savings).x)
    try:
        tau_savings = co.tau_value(savings)
    except co.InvalidGameError:
        with pytest.raises(co.InvalidGameError):
            co.tau_value(game)
    else:
        tau = co.tau_value(game)
        assert tau.cost and list(tau.x) == _from_savings(game, tau_savings.x)


def test_cost_game_imputations_and_tau_textbook():
    runway = co.airport_game([1, 2, 3])
    assert co.is_imputation(runway, [1, 1, 1]) and not co.is_imputation(runway, [2, 0, 1])
    assert co.is_individually_rational(runway, [1, 2, 0])
    assert [list(v) for v in co.imputation_vertices(runway)] == [[-2, 2, 3], [1, -1, 3], [1, 2, 0]]
    # Tijs and Driessen's cost gap allocation: tau of the savings game, subtracted
    assert list(co.tau_value(runway).x) == [Fraction(2, 5), Fraction(4, 5), Fraction(9, 5)]
    assert list(co.gately_point(runway).x) == [Fraction(2, 5), Fraction(4, 5), Fraction(9, 5)]
    shares = co.gately_point(runway).x
    ratios = co.propensity_to_disrupt(runway, list(shares))
    assert len(set(ratios)) == 1
    cheap = co.TUGame([0, 1, 1, 3], cost=True)  # stand-alone costs 2 < c(N) = 3
    assert co.imputation_vertices(cheap) == []
    result = co.core(cheap)
    assert result.is_empty and result.certificate.total < result.certificate.grand_value


def test_results_say_they_are_in_costs():
    runway = co.airport_game([8, 12, 20, 28])
    for result in (
        co.core(runway),
        co.least_core(runway),
        co.nucleolus(runway),
        co.shapley_value(runway),
    ):
        assert result.cost and result.to_dict()["cost"] is True
    assert "cost=True" in repr(co.nucleolus(runway))
    assert "in costs" in co.nucleolus(runway).message and "in costs" in co.core(runway).message
    assert not co.nucleolus(co.glove_game(["L"], ["R"])).cost
    estimate = co.shapley_value(runway, method="permutation", budget=400, rng=1)
    assert estimate.cost


def test_cli_answers_in_costs(tmp_path):
    runner = CliRunner()
    path = tmp_path / "runway.json"
    co.write_game(co.airport_game([8, 12, 20, 28], ["a", "b", "c", "d"]), path)
    result = runner.invoke(app, ["nucleolus", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["cost"] is True and data["x"] == {"a": 4, "b": 4, "c": 6, "d": 14}
    table = runner.invoke(app, ["core", str(path), "--vertices"])
    assert table.exit_code == 0 and "cost share" in table.stdout and "x(S) <= c(S)" in table.stdout
    assert "cost share" in runner.invoke(app, ["least-core", str(path)]).stdout
    shapley = runner.invoke(app, ["value", "shapley", str(path)])
    assert shapley.exit_code == 0 and "cost share" in shapley.stdout
    cheap = tmp_path / "cheap.json"
    cheap.write_text('{"players": ["a", "b"], "values": [0, 1, 1, 3], "cost": true}')
    empty = runner.invoke(app, ["core", str(cheap)])
    assert empty.exit_code == 0 and "< c(N)" in empty.stdout
