"""`coalitions nucleolus --variant ...`, `--structure` and `coalitions value least-squares`."""

import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, game in {
        "talmud": co.bankruptcy_game(100, [100, 200, 300]),
        "majority": co.majority_game(3),
        "glove": co.glove_game(["L"], ["R1", "R2"]),
        "balanced": co.TUGame([0, 0, 0, 48, 0, 60, 72, 140]),
    }.items():
        out[name] = tmp_path / f"{name}.json"
        co.write_game(game, out[name])
    return out


@pytest.mark.parametrize(
    ("variant", "solver", "file"),
    [
        ("modiclus", co.modiclus, "majority"),
        ("simplified-modiclus", co.simplified_modiclus, "talmud"),
        ("proportional", co.proportional_nucleolus, "balanced"),
        ("disruption", co.disruption_nucleolus, "balanced"),
        ("anti-pre", co.anti_prenucleolus, "glove"),
        ("per-capita", co.per_capita_nucleolus, "glove"),
    ],
)
def test_variant_json_is_the_library_answer(files, variant, solver, file):
    result = runner.invoke(app, ["nucleolus", str(files[file]), "--variant", variant, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = solver(co.read_game(files[file]))
    assert data["concept"] == expected.concept and data["verified"]
    assert [Fraction(str(v)) for v in data["x"].values()] == list(expected.x)


def test_variant_table(files):
    result = runner.invoke(app, ["nucleolus", str(files["talmud"]), "--variant", "modiclus"])
    assert result.exit_code == 0, result.output
    assert "Modiclus of talmud.json" in result.stdout and "verified=True" in result.stdout


def test_structure(files):
    result = runner.invoke(
        app, ["nucleolus", str(files["majority"]), "--structure", "1,2;3", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["concept"] == "structure-nucleolus"
    assert data["x"] == {"1": 0.5, "2": 0.5, "3": 0} or data["x"] == {
        "1": "1/2",
        "2": "1/2",
        "3": 0,
    }


def test_bad_variant_and_bad_input(files):
    result = runner.invoke(app, ["nucleolus", str(files["glove"]), "--variant", "modiclos"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["nucleolus", str(files["majority"]), "--variant", "disruption"])
    assert result.exit_code == 1 and "core is empty" in result.stderr
    result = runner.invoke(app, ["nucleolus", str(files["majority"]), "--structure", "1,9"])
    assert result.exit_code == 1 and "unknown player" in result.stderr
    result = runner.invoke(app, ["nucleolus", str(files["majority"]), "--structure", "1,,2"])
    assert result.exit_code == 2


def test_least_squares_value(files):
    result = runner.invoke(app, ["value", "least-squares", str(files["glove"]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = co.least_squares_value(co.glove_game(["L"], ["R1", "R2"]))
    assert [Fraction(str(v)) for v in data["x"].values()] == list(expected.x)
    weighted = runner.invoke(
        app, ["value", "least-squares", str(files["glove"]), "--weights", "1,2"]
    )
    assert weighted.exit_code == 0 and "Least-square value" in weighted.stdout
    bad = runner.invoke(app, ["value", "least-squares", str(files["glove"]), "--weights", "1"])
    assert bad.exit_code == 2 and "2 numbers" in bad.stderr
