"""``coalitions power design``: each command prints what its library function returns (the
weights, the trading transform, the classes, the inverse problem's game)."""

import json

from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()
LOWER = co.WeightedVotingGame(2, [1, 1, 1, 0, 0, 0])
UPPER = co.WeightedVotingGame(2, [0, 0, 0, 1, 1, 1])


def _run(*args):
    result = runner.invoke(app, ["power", "design", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_weightedness_prints_the_weights_or_the_certificate(tmp_path):
    weighted = tmp_path / "council.json"
    co.write_game(co.WeightedVotingGame(30, [20, 10, 10, 0]), weighted)
    rows = _run("weightedness", weighted, "--format", "csv").strip().splitlines()
    assert rows == ["member,weight", "1,2", "2,1", "3,1", "4,0"]
    chambers = tmp_path / "chambers.json"
    co.write_game(co.CompoundGame("and", [LOWER, UPPER]), chambers)
    assert "trading transform" in _run("weightedness", chambers)
    payload = json.loads(_run("weightedness", chambers, "--json"))
    assert payload["value"] is False and payload["trading_transform"]


def test_homogeneous_and_desirability(tmp_path):
    game = tmp_path / "game.json"
    co.write_game(co.WeightedVotingGame(3, [2, 2, 1, 1]), game)
    payload = json.loads(_run("weightedness", game, "--homogeneous", "--json"))
    assert payload["value"] is False and payload["is_weighted"] is True
    chambers = tmp_path / "chambers.json"
    co.write_game(co.CompoundGame("and", [LOWER, UPPER]), chambers)
    assert json.loads(_run("desirability", chambers, "--json"))["witness"][:2] == ["1", "4"]
    classes = json.loads(_run("desirability", game, "--json"))["classes"]
    assert classes == [["1", "2"], ["3", "4"]]


def test_inverse_matches_the_library():
    payload = json.loads(
        _run("inverse", "--target", "3,1,1,1", "--index", "shapley-shubik", "--json")
    )
    found = co.inverse_power([3, 1, 1, 1], index="shapley-shubik")
    assert payload["weights"] == list(found.weights) and payload["quota"] == found.quota
    bad = runner.invoke(app, ["power", "design", "inverse", "--target", "0,0"])
    assert bad.exit_code == 2 and "positive entry" in bad.stderr  # a bad option: usage
