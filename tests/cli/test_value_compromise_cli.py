"""`coalitions value chi`, `value proportional` and `value lorenz`: the library's answers,
and a clean refusal (exit 1, the reason on stderr) outside each concept's domain."""

import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()

GAMES = {
    "glove": co.glove_game(["L"], ["R1", "R2"]),
    "positive": co.TUGame([0, 1, 1, 4, 2, 4, 4, 10], players=["a", "b", "c"]),
    "convex": co.TUGame([0, 0, 0, 6, 0, 1, 1, 8]),
    "majority": co.majority_game(3),
    "inessential": co.TUGame([0, 2, 2, 3]),
}


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, game in GAMES.items():
        out[name] = tmp_path / f"{name}.json"
        co.write_game(game, out[name])
    return out


@pytest.mark.parametrize(
    ("command", "solver", "file"),
    [
        ("chi", co.chi_value, "glove"),
        ("proportional", co.proportional_value, "positive"),
        ("lorenz", co.lorenz_solution, "convex"),
    ],
)
def test_json_is_the_library_answer(files, command, solver, file):
    result = runner.invoke(app, ["value", command, str(files[file]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [Fraction(str(v)) for v in data["x"].values()] == list(solver(GAMES[file]).x)
    table = runner.invoke(app, ["value", command, str(files[file])])
    assert table.exit_code == 0 and file in table.stdout


@pytest.mark.parametrize(
    ("command", "file", "reason"),
    [
        ("chi", "inessential", "weakly essential"),
        ("proportional", "glove", "positive games"),
        ("lorenz", "majority", "core is empty"),
    ],
)
def test_outside_the_domain_exits_1_with_the_reason(files, command, file, reason):
    result = runner.invoke(app, ["value", command, str(files[file])])
    assert result.exit_code == 1 and reason in result.stderr


def test_lorenz_reports_whether_it_dominates_the_core(files, tmp_path):
    four = tmp_path / "four.json"
    co.write_game(co.TUGame([0, 0, 0, 0, 0, 2, 1, 3, 0, 5, 5, 1, 0, 4, 4, 8]), four)
    several = runner.invoke(app, ["value", "lorenz", str(four), "--json"])
    assert several.exit_code == 0 and json.loads(several.stdout)["dominant"] is False
    table = runner.invoke(app, ["value", "lorenz", str(files["convex"])])
    assert "dominant=True" in table.stdout
