"""``--plot FILE`` on the command groups: the figure is written, errors are one line."""

import json

import pytest
from typer.testing import CliRunner

from coalitions.cli.app import app

pytest.importorskip("matplotlib")
runner = CliRunner()

PIE = {
    "type": "bargaining",
    "players": ["A", "B"],
    "disagreement": [0, 0],
    "feasible": {"surplus": 1, "utilities": ["x", "sqrt(x)"]},
}
POLYTOPE = {
    "type": "bargaining",
    "players": ["A", "B"],
    "disagreement": [0, 0],
    "feasible": {"vertices": [[0, 0], [3, 0], [2, 2], [0, 2.5]]},
}
PLANE = {
    "type": "spatial",
    "ideal_points": {"A": [0, 0], "B": [4, 0], "C": [2, 3]},
    "status_quo": [2, -3],
    "setter": "C",
}
LINE = {"type": "spatial", "ideal_points": {"A": 2, "B": 4, "C": 5}, "status_quo": 0}


def _file(tmp_path, name, document):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(document))
    return str(path)


@pytest.mark.parametrize(
    "command, document, suffix",
    [("bargain", PIE, ".png"), ("bargain", POLYTOPE, ".svg"), ("negotiate", PLANE, ".png")],
)
def test_plot_written(tmp_path, command, document, suffix):
    out = tmp_path / f"figure{suffix}"
    result = runner.invoke(app, [command, _file(tmp_path, "model", document), "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000 and "figure written" in result.stdout


def test_plot_with_json_keeps_stdout_clean(tmp_path):
    out = tmp_path / "pie.png"
    result = runner.invoke(
        app, ["bargain", _file(tmp_path, "pie", PIE), "--json", "--plot", str(out)]
    )
    assert result.exit_code == 0 and out.exists()
    json.loads(result.stdout)
    assert "figure written" in result.stderr


def test_plot_refused_for_one_dimension(tmp_path):
    result = runner.invoke(
        app, ["negotiate", _file(tmp_path, "line", LINE), "--plot", str(tmp_path / "x.png")]
    )
    assert result.exit_code == 1 and "two-dimensional" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["power", "eu-council"],
        ["power", "un-security-council", "--json"],
        ["power", "--quota", "3", "--weights", "2,1,1"],
        ["power", "sweep", "--body", "un-security-council"],
    ],
)
def test_power_plots(tmp_path, command):
    out = tmp_path / "power.png"
    result = runner.invoke(app, [*command, "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


GAME3 = {"players": ["A", "B", "C"], "values": [0, 0, 0, 60, 0, 80, 90, 150]}


@pytest.mark.parametrize(
    "command",
    [["core"], ["core", "--vertices", "--json"], ["nucleolus"], ["nucleolus", "--prenucleolus"]],
)
def test_core_family_plots(tmp_path, command):
    out = tmp_path / "simplex.png"
    result = runner.invoke(
        app, [command[0], _file(tmp_path, "game", GAME3), *command[1:], "--plot", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_core_plot_needs_three_players(tmp_path):
    game = {"players": ["A", "B"], "values": [0, 0, 0, 1]}
    result = runner.invoke(
        app, ["core", _file(tmp_path, "two", game), "--plot", str(tmp_path / "x.png")]
    )
    assert result.exit_code == 1 and "3-player" in result.stderr


GAME4 = {
    "players": ["A", "B", "C", "D"],
    "values": [max(bin(s).count("1") - 1, 0) ** 2 for s in range(16)],
}


@pytest.mark.parametrize("command", [["core"], ["nucleolus"]])
def test_core_family_plots_four_players_in_3d(tmp_path, command):
    out = tmp_path / "tetrahedron.png"
    result = runner.invoke(app, [command[0], _file(tmp_path, "game4", GAME4), "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:4] == b"\x89PNG" and out.stat().st_size > 1000


def test_dynamic_bargaining_plot(tmp_path):
    out = tmp_path / "dynamic.svg"
    args = ["bargain", "dynamic", "-i", "A=0", "-i", "B=0.5", "-i", "C=1", "--veto", "B"]
    result = runner.invoke(app, [*args, "--points", "11", "--plot", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000 and "figure written" in result.stdout
