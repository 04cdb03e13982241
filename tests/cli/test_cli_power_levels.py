"""``coalitions power FILE`` for ternary and (j,k) game files, and ``coalitions power jk``
(issue 14, item 7): the printed and JSON measures are the library's, bad files and bad games
are bad input (exit 1, one line on stderr), options that do not apply are usage errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app
from coalitions.power.jk import jk_power_table

runner = CliRunner()

COMMITTEE = co.WeightedJKGame(
    [[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3], ["theory", "problems", "practice"]
)
GAMES = {
    "weighted-ternary": co.datasets.un_security_council(abstention=True),
    "ternary": co.TernaryVotingGame(lambda yes, abstain, no: len(yes) > len(no), ["a", "b", "c"]),
    "weighted-jk": COMMITTEE,
    "jk": co.JKSimpleGame.from_table(
        COMMITTEE.outcome_table(), ["x", "y", "z"], levels=3, outputs=4
    ),
}


def _library_table(game):
    if isinstance(game, co.TernaryVotingGame):
        return co.ternary_power_table(game)
    return jk_power_table(game)


def _json(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("kind", sorted(GAMES))
def test_a_file_of_each_type_prints_the_library_measures(kind, tmp_path):
    game = GAMES[kind]
    path = tmp_path / f"{kind}.json"
    co.write_game(game, path)
    assert json.loads(path.read_text())["type"] == kind
    printed = _json(["power", str(path), "--json"])
    expected = _library_table(game).to_dict()
    assert printed["indices"] == json.loads(json.dumps(expected["indices"]))
    assert printed["power_to_act"] == json.loads(json.dumps(expected["power_to_act"]))
    table = runner.invoke(app, ["power", str(path)], env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "Shapley-Shubik" in table.stdout
    assert game.players[0] in table.stdout


def test_the_security_council_file_is_the_abstention_command(tmp_path):
    path = tmp_path / "unsc.json"
    co.write_game(co.datasets.un_security_council(abstention=True), path)
    from_file = _json(["power", "file", str(path), "--json"])
    direct = _json(["power", "un-security-council", "--abstention", "--json"])
    assert from_file["indices"] == direct["indices"]
    binary = _json(["power", "un-security-council", "--json"])
    # the abstention rule gives an elected member more Shapley-Shubik power than the binary
    # model (Felsenthal and Machover's 0.0182 against 4/2145 = 0.00186)
    elected = "Belgium"
    assert from_file["indices"]["shapley-shubik"][elected] == "26557607/1450833930"
    assert binary["indices"]["shapley-shubik"][elected] == "4/2145"


def test_power_jk_is_the_weighted_jk_game():
    args = ["-w", "-3,0,1", "-w", "-2,0,1", "-w", "-1,0,2", "--quotas", "1,2,3"]
    printed = _json(["power", "jk", *args, "--players", "theory,problems,practice", "--json"])
    expected = json.loads(json.dumps(jk_power_table(COMMITTEE).to_dict()))
    assert printed["indices"] == expected["indices"]
    assert printed["indices"]["shapley-shubik"]["theory"] == "59/162"  # Freixas (2005)
    assert printed["power_to_act"] == "17/81" and printed["method"] == "exact"
    again = _json(["power", "jk", *args, "--levels", "3", "--method", "enumeration", "--json"])
    assert list(again["indices"]["banzhaf"].values()) == ["11/31", "9/31", "11/31"]
    table = runner.invoke(app, ["power", "jk", *args], env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "(3,4) game" in table.stdout and "17/81" in table.stdout


def test_power_jk_reads_huge_weights_divided_by_their_gcd():
    args = ["-w", "0,1e18,2e18", "-w", "0,1e18,3e18", "--quotas", "4e18", "--json"]
    printed = _json(["power", "jk", *args])
    small = _json(["power", "jk", "-w", "0,1,2", "-w", "0,1,3", "--quotas", "4", "--json"])
    assert printed["indices"] == small["indices"]


def _bad_input(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    assert result.stdout == "" and "Traceback" not in result.stderr
    return result.stderr


BAD_GAMES = {
    "levels differ": (["-w", "0,1,3", "-w", "0,1"], "1", "one weight per level"),
    "quotas decrease": (["-w", "0,1,3", "-w", "0,1,2"], "3,2", "non-decreasing"),
    "weights decrease": (["-w", "0,3,1"], "1", "decrease with the level"),
    "quota unreachable": (["-w", "0,1"], "5", "could never be reached"),
    "too large": (["-w", "0,1,1e18", "-w", "0,1,1e18"], "1e18", "dynamic programme"),
}


@pytest.mark.parametrize("name", sorted(BAD_GAMES))
def test_a_bad_body_is_bad_input(name):
    weights, quotas, message = BAD_GAMES[name]
    assert message in _bad_input(["power", "jk", *weights, "--quotas", quotas])


BAD_FILES = {
    "levels differ": {"type": "weighted-jk", "weights": [[0, 1, 3], [0, 1]], "quotas": [3]},
    "quotas decrease": {"type": "weighted-jk", "weights": [[0, 1, 3], [0, 1, 2]], "quotas": [3, 2]},
    "string weight": {"type": "weighted-jk", "weights": [[0, "x", 3]], "quotas": [1]},
    "ternary order": {"type": "weighted-ternary", "quota": 1, "yes": [1], "abstain": [2]},
    "ternary weights 1e18": {
        "type": "weighted-ternary",
        "quota": 1e18,
        "yes": [1e18, 1],
        "abstain": [0, 0],
    },
    "table too short": {"type": "ternary", "players": ["a", "b"], "outcomes": [0, 1]},
    "table of 25": {
        "type": "jk",
        "players": [f"p{i}" for i in range(25)],
        "levels": 2,
        "outputs": 2,
        "outcomes": [0, 1],
    },  # fmt: skip
    "typo": {"type": "weighted-ternary", "quota": 1, "yes": [1], "abstian": [0]},
}
FILE_MESSAGES = {
    "levels differ": r"weights[1] has 2 entries",
    "quotas decrease": "must be non-decreasing",
    "string weight": "weights[0][1] must be a number",
    "ternary order": "out of order",
    "ternary weights 1e18": "round the weights to fewer units",
    "table too short": "outcomes has 2 entries",
    "table of 25": "outcomes: 25 players",
    "typo": 'did you mean "abstain"',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_bad_input(name, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(BAD_FILES[name]))
    assert FILE_MESSAGES[name] in _bad_input(["power", str(path)])


@pytest.mark.parametrize("kind", ["ternary", "weighted-jk"])
def test_yes_no_options_are_usage_errors_for_games_of_levels(kind, tmp_path):
    path = tmp_path / "game.json"
    co.write_game(GAMES[kind], path)
    profile = tmp_path / "p.csv"
    profile.write_text("member,p\n")
    for extra, message in ((["-u", "a,b"], "--union goes with yes/no votes"),
                           (["--profile", str(profile)], "--profile goes with yes/no votes")):  # fmt: skip
        result = runner.invoke(app, ["power", str(path), *extra])
        assert result.exit_code == 2 and message in result.stderr, result.output
    result = runner.invoke(app, ["power", str(path), "--method", "bdd"])
    assert result.exit_code == 2 and "bdd" in result.stderr
