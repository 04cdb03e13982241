"""`coalitions value shapley FILE --method permutation --budget N` and friends."""

import json

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()


@pytest.fixture
def game_file(tmp_path):
    path = tmp_path / "random.json"
    co.write_game(co.random_game(7, rng=1), path)
    return path


def test_shapley_permutation_json_round_trip(game_file):
    result = runner.invoke(
        app,
        [
            "value",
            "shapley",
            str(game_file),
            "--method",
            "permutation",
            "--budget",
            "20000",
            "--seed",
            "3",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    direct = co.shapley_value(co.read_game(game_file), method="permutation", budget=20000, rng=3)
    assert data["x"] == pytest.approx(dict(direct))
    assert data["exact"] is False and data["n_evaluations"] == direct.n_evaluations
    assert set(data) >= {"std_error", "ci_low", "ci_high", "confidence"}


def test_shapley_sampling_table_and_progress(game_file):
    result = runner.invoke(
        app,
        [
            "value",
            "shapley",
            str(game_file),
            "--method",
            "svarm",
            "--budget",
            "5000",
            "--seed",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "std. error" in result.stdout and "95% CI" in result.stdout


def test_banzhaf_msr(game_file):
    result = runner.invoke(
        app,
        [
            "value",
            "banzhaf",
            str(game_file),
            "--method",
            "msr",
            "--budget",
            "4000",
            "--seed",
            "1",
            "--no-progress",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["method"] == "msr"


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--method", "permutation"], "give budget="),
        (["--method", "permutation", "--budget", "3"], "too small"),
        (["--method", "nope", "--budget", "300"], "valid methods"),
        (["--budget", "300"], "only apply to sampling"),
    ],
)
def test_errors_on_stderr(game_file, arguments, message):
    result = runner.invoke(app, ["value", "shapley", str(game_file), *arguments])
    assert result.exit_code == 2  # bad options are usage errors
    assert message in result.stderr and "Traceback" not in result.stderr
