"""`coalitions form ...` commands: output, --json round trips and errors on stderr."""

import json

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

try:
    runner = CliRunner(mix_stderr=False)
except TypeError:  # click >= 8.2 always separates stderr
    runner = CliRunner()


@pytest.fixture
def glove_file(tmp_path):
    path = tmp_path / "glove.json"
    co.write_game(co.glove_game(left=["L"], right=["R1", "R2"]), path)
    return str(path)


@pytest.fixture
def chase_file(tmp_path):
    path = tmp_path / "chase.json"
    path.write_text(
        json.dumps({"type": "hedonic", "players": ["a", "b"], "values": [[0, 1], [-1, 0]]})
    )
    return str(path)


def _json(args):
    result = runner.invoke(app, ["form", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_partitions():
    data = _json(["partitions", "a", "b", "c"])
    assert data["count"] == 5 and len(data["partitions"]) == 5
    result = runner.invoke(app, ["form", "partitions", "a", "b", "c", "d", "--count"])
    assert result.exit_code == 0 and "15 partitions" in result.stdout


def test_structure_and_values(glove_file):
    data = _json(["structure", glove_file])
    assert data["value"] == 1 and data["exact"] is True
    data = _json(["aumann-dreze", glove_file, "-s", "L,R1|R2"])
    assert data["x"] == {"L": "1/2", "R1": "1/2", "R2": 0}
    data = _json(["stability", glove_file, "--structure", "L,R1|R2"])
    assert data["is_stable"] is True and data["x"] == {"L": 1, "R1": 0, "R2": 0}
    data = _json(["myerson", glove_file, "--edges", "L-R1,R1-R2"])
    assert data["x"] == {"L": "1/2", "R1": "1/2", "R2": 0}
    table = runner.invoke(app, ["form", "structure", glove_file])
    assert table.exit_code == 0 and "{L, R1}" in table.stdout


def test_hedonic_and_dynamics(chase_file):
    data = _json(["hedonic", chase_file, "-p", "a,b"])
    assert data["contractually_individually_stable"] is True
    assert data["nash_stable"] is False
    data = _json(["dynamics", chase_file])
    assert data["stopping_reason"] == "cycle"
    data = _json(["dynamics", chase_file, "--rule", "individual"])
    assert data["stopping_reason"] == "stable"


def test_agreement_winning_clubs(tmp_path):
    assert _json(["agreement", "--n", "8"])["stable_sizes"] == [3]
    assert _json(["agreement", "--n", "8", "--indifferent", "stay"])["stable_sizes"] == [2, 3]
    data = _json(
        ["winning", "--quota", "51", "--weights", "20,35,10,30,5", "--players", "A,B,C,D,E"]
    )
    assert data["minimal-connected-winning"]["coalitions"] == [["A", "B"], ["B", "C", "D"]]
    assert data["minimum-weight"]["weights"] == [55, 55]
    majority = tmp_path / "majority.json"
    co.write_game(co.majority_game(["a", "b", "c"]), majority)
    data_file = _json(["winning", "--file", str(majority)])
    assert data_file["minimal-winning"]["coalitions"] == [["a", "b"], ["a", "c"], ["b", "c"]]
    data = _json(
        ["clubs", "--probabilities", "0.5,0.9,0.6", "--coverage", "4,6,18", "--players", "US,EU,CN"]
    )
    assert data["clubs"][0] == ["EU"] and data["coverage"][-1] == 28
    csv_file = tmp_path / "clubs.csv"
    csv_file.write_text("player,probability,coverage\nUS,0.5,4\nEU,0.9,6\nCN,0.6,18\n")
    assert _json(["clubs", "--file", str(csv_file)])["clubs"] == data["clubs"]


@pytest.mark.parametrize(
    "args, message, code",
    [
        # bad input: the options are well formed, the library refuses the data (exit 1)
        (["aumann-dreze", "GLOVE", "-s", "L,R1"], "leaves out 'R2'", 1),
        (["myerson", "GLOVE", "--edges", "L-X"], "not a player", 1),
        (["hedonic", "GLOVE", "-p", "L,R1,R2"], "not a hedonic game", 1),
        (["winning", "--quota", "100", "--weights", "1,2"], "quota", 1),
        (["clubs", "--probabilities", "0.5,2", "--coverage", "1,1"], "(0, 1]", 1),
        (["structure", "missing.json"], "no such file", 1),
        # usage errors: a malformed or missing option (exit 2)
        (["stability", "GLOVE", "-s", "L,R1||R2"], "cannot read the structure", 2),
        (["structure", "GLOVE", "--method", "greedy"], "valid methods", 2),
        (["myerson", "GLOVE", "--edges", "L"], "cannot read the edge", 2),
        (["agreement", "--n", "1"], "n must be a whole number >= 2", 2),
        (["winning", "--quota", "3"], "--weights", 2),
        (["winning", "--quota", "3", "--weights", "1,2,"], "is empty", 2),
        (["clubs"], "--probabilities", 2),
    ],
)
def test_errors_go_to_stderr(args, message, code, glove_file):
    args = [glove_file if a == "GLOVE" else a for a in args]
    result = runner.invoke(app, ["form", *args])
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_externalities_commands_reach_each_concept():
    """`form externalities`: Bloch's sequential game, Yi's rules, the MPW value, the
    gamma-core and Chander-Tulkens, each the library's answer."""
    sequential = _json(["externalities", "cournot", "--n", "6"])
    assert sequential["sizes"] == [1, 5]
    stable = _json(["externalities", "climate", "--n", "10", "--concept", "open-membership"])
    assert stable["types"] == [[3, 3, 2, 2], [2, 2, 2, 2, 2]]
    game = co.PartitionFunctionGame.climate(3, b=[1, 1, 2])
    ct = _json(
        ["externalities", "climate", "--n", "3", "--b", "1,1,2", "--concept", "chander-tulkens"]
    )
    assert ct["x"] == co.chander_tulkens_allocation(game).to_dict()["x"]
    mpw = _json(["externalities", "climate", "--n", "3", "--b", "1,1,2", "--concept", "mpw"])
    assert mpw["x"] == co.mpw_value(game).to_dict()["x"]
    assert (
        _json(["externalities", "climate", "--n", "4", "--concept", "gamma-core"])["is_empty"]
        is False
    )
    bad = runner.invoke(app, ["form", "externalities", "cournot", "--n", "3", "--cost", "2"])
    assert bad.exit_code == 1 and "intercept > cost" in bad.stderr


def test_externalities_reads_a_partition_function_game_file(tmp_path):
    """`form externalities FILE`: a game file gives the named model's answers (Bloch 1996:
    of 6 Cournot firms one stays alone and five merge)."""
    path = tmp_path / "oligopoly.json"
    co.write_game(co.PartitionFunctionGame.cournot(6), path)
    assert _json(["externalities", str(path)]) == _json(["externalities", "cournot", "--n", "6"])
    assert _json(["externalities", str(path)])["sizes"] == [1, 5]
    climate = tmp_path / "climate.json"
    co.write_game(co.PartitionFunctionGame.climate(3, b=[1, 1, 2]), climate)
    for concept in ("mpw", "chander-tulkens", "gamma-core"):
        named = ["externalities", "climate", "--n", "3", "--b", "1,1,2", "--concept", concept]
        assert _json(["externalities", str(climate), "--concept", concept]) == _json(named)
    shown = runner.invoke(app, ["form", "externalities", str(path), "--concept", "open-membership"])
    assert shown.exit_code == 0 and "n=6" in shown.stdout


def test_externalities_file_errors(tmp_path, glove_file):
    path = tmp_path / "oligopoly.json"
    co.write_game(co.PartitionFunctionGame.cournot(3), path)
    cases = [
        (["externalities", str(path), "--n", "3"], "--n is for the named models", 2),
        (["externalities", "cournot"], "needs --n", 2),
        (["externalities", glove_file], "is not a partition-function game", 1),
        (["externalities", str(tmp_path / "missing.json")], "missing.json", 1),
    ]
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "type": "partition-function",
                "players": ["a", "b"],
                "worths": [{"coalition": ["a"], "partition": [["a", "b"]], "value": 1}],
            }
        )
    )
    cases.append((["externalities", str(bad)], "is not a block of its partition", 1))
    for args, message, code in cases:
        result = runner.invoke(app, ["form", *args])
        assert result.exit_code == code, (args, result.output)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout


def test_structure_methods_and_time_limit(tmp_path):
    path = tmp_path / "float.json"
    co.write_game(co.TUGame([0.0, 1.0, 1.0, 4.0, 1.0, 3.0, 3.0, 4.0], players="abc"), path)
    data = _json(["structure", str(path), "--method", "ip", "--time-limit", "60"])
    assert data["value"] == 5.0 and data["upper_bound"] == 5.0 and data["method"] == "ip"
    assert _json(["structure", str(path)])["method"] == "idp"
    bad = runner.invoke(app, ["form", "structure", str(path), "--time-limit", "1"])
    assert bad.exit_code == 2 and "time_limit applies to method='ip'" in bad.stderr
