import json

import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()


@pytest.fixture
def glove_file(tmp_path):
    path = tmp_path / "glove.json"
    co.write_game(co.glove_game(["L"], ["R1", "R2"]), path)
    return path


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and co.__version__ in result.stdout


def test_no_args_shows_help():
    result = runner.invoke(app, [])
    assert "value" in result.output and "demo" in result.output


@pytest.mark.parametrize(
    "command, expected",
    [
        (["value", "shapley"], {"L": "2/3", "R1": "1/6", "R2": "1/6"}),
        (["value", "banzhaf"], {"L": "3/4", "R1": "1/4", "R2": "1/4"}),
        (["value", "banzhaf", "--normalized"], {"L": "3/5", "R1": "1/5", "R2": "1/5"}),
    ],
)
def test_values_json(glove_file, command, expected):
    result = runner.invoke(app, [*command, str(glove_file), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["x"] == expected


def test_values_table(glove_file):
    result = runner.invoke(app, ["value", "shapley", str(glove_file)])
    assert result.exit_code == 0 and "2/3" in result.stdout and "R2" in result.stdout


def test_game_check(glove_file):
    result = runner.invoke(app, ["game", "check", str(glove_file), "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["veto_players"] == ["L"] and report["monotone"]
    assert runner.invoke(app, ["game", "check", str(glove_file)]).exit_code == 0


@pytest.mark.parametrize(
    "content, message",
    [
        ("{oops", "not valid JSON"),
        ('{"players": ["a", "b"], "values": [0, 1, 2]}', "2**n values"),
        ('{"players": ["a", "b"], "values": [1, 1, 2, 2]}', "v(empty coalition) must be 0"),
    ],
)
def test_errors_go_to_stderr_without_traceback(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    for command in (["value", "shapley"], ["value", "banzhaf"], ["game", "check"]):
        result = runner.invoke(app, [*command, str(path)])
        assert result.exit_code == 1
        assert message in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""


def test_unknown_method_and_missing_file(glove_file, tmp_path):
    result = runner.invoke(app, ["value", "shapley", str(glove_file), "--method", "magic"])
    assert result.exit_code == 2 and "valid methods" in result.stderr  # a usage error
    result = runner.invoke(app, ["value", "shapley", str(tmp_path / "nope.json")])
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_demo_runs():
    result = runner.invoke(app, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)
    assert any("Security Council" in title for title in sections)
