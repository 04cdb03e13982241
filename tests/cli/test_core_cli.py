import json

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, game in {
        "talmud": co.bankruptcy_game(200, [100, 200, 300]),
        "majority": co.majority_game(3),
        "glove": co.glove_game(["L"], ["R1", "R2"]),
    }.items():
        out[name] = tmp_path / f"{name}.json"
        co.write_game(game, out[name])
    return out


def test_nucleolus_json(files):
    result = runner.invoke(app, ["nucleolus", str(files["talmud"]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["x"] == {"1": 50, "2": 75, "3": 75}
    assert data["exact"] and data["verified"] and data["concept"] == "nucleolus"


def test_prenucleolus_and_table(files):
    result = runner.invoke(app, ["nucleolus", str(files["majority"]), "--prenucleolus"])
    assert result.exit_code == 0 and "1/3" in result.stdout and "verified=True" in result.stdout


def test_core_json_round_trip(files):
    result = runner.invoke(app, ["core", str(files["majority"]), "--json"])
    data = json.loads(result.stdout)
    assert data["is_empty"] and data["certificate"]["weights"] == ["1/2"] * 3
    result = runner.invoke(app, ["core", str(files["glove"]), "--vertices", "--json"])
    data = json.loads(result.stdout)
    assert not data["is_empty"] and data["vertices"] == [{"L": 1, "R1": 0, "R2": 0}]
    table = runner.invoke(app, ["core", str(files["majority"])])
    assert table.exit_code == 0 and "empty" in table.stdout


def test_least_core(files):
    result = runner.invoke(app, ["least-core", str(files["majority"]), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["epsilon"] == "1/3"
    assert "epsilon" in runner.invoke(app, ["least-core", str(files["glove"])]).stdout


def test_errors_go_to_stderr(tmp_path):
    result = runner.invoke(app, ["nucleolus", str(tmp_path / "missing.json")])
    assert result.exit_code == 1 and "error:" in result.stderr
    assert "Traceback" not in result.output
    bad = tmp_path / "bad.json"
    co.write_game(co.TUGame([0, 2, 2, 1]), bad)
    result = runner.invoke(app, ["nucleolus", str(bad)])
    assert result.exit_code == 1 and "imputation set is empty" in result.stderr


@pytest.mark.parametrize("kind", ["weber", "core-cover", "reasonable", "least-core", "core"])
def test_set_solution_lists_the_library_vertices(files, kind):
    solver = {
        "weber": co.weber_set,
        "core-cover": co.core_cover,
        "reasonable": co.reasonable_set,
        "least-core": co.least_core_set,
        "core": co.core_center,
    }[kind]
    result = runner.invoke(app, ["set-solution", str(files["talmud"]), "--set", kind, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = solver(co.bankruptcy_game(200, [100, 200, 300])).to_dict()
    assert data["vertices"] == expected["vertices"] and data["concept"] == expected["concept"]
    table = runner.invoke(app, ["set-solution", str(files["talmud"]), "--set", kind])
    assert table.exit_code == 0 and "centroid" in table.stdout


def test_set_solution_of_an_empty_core_says_so(files):
    table = runner.invoke(app, ["set-solution", str(files["majority"]), "--set", "core"])
    assert table.exit_code == 0 and "empty" in table.stdout
