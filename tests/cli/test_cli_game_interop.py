"""`coalitions game import|export`: other tools' formats from the shell."""

from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()


def test_coopgame_vector_to_game_file_and_back_to_mattugames(tmp_path):
    source = tmp_path / "v.txt"
    source.write_text("c(0, 0, 0, 60, 48, 30, 72)\n")
    game_file = tmp_path / "g.json"
    result = runner.invoke(
        app, ["game", "import", str(source), str(game_file), "--from", "coopgame"]
    )
    assert result.exit_code == 0, result.output
    assert co.read_game(game_file) == co.from_vector([0, 0, 0, 60, 48, 30, 72])
    out = tmp_path / "m.txt"
    result = runner.invoke(app, ["game", "export", str(game_file), str(out), "--to", "mattugames"])
    assert result.exit_code == 0, result.output
    assert out.read_text().split() == ["0", "0", "60", "0", "48", "30", "72"]


def test_epic_weights_with_and_without_the_quota_line(tmp_path):
    weights = tmp_path / "w.csv"
    weights.write_text("9\n5\n3\n1\n1\n")
    target = tmp_path / "w.json"
    result = runner.invoke(
        app, ["game", "import", str(weights), str(target), "--from", "epic", "--quota", "11"]
    )
    assert result.exit_code == 0, result.output
    assert co.read_game(target) == co.WeightedVotingGame(11, [9, 5, 3, 1, 1], list("12345"))
    back = tmp_path / "back.csv"
    result = runner.invoke(app, ["game", "export", str(target), str(back), "--to", "epic"])
    assert result.exit_code == 0 and back.read_text().split() == ["11", "9", "5", "3", "1", "1"]


def test_bad_requests(tmp_path):
    source = tmp_path / "v.txt"
    source.write_text("0 0 1 x\n")
    result = runner.invoke(app, ["game", "import", str(source), "o.json", "--from", "coopgame"])
    assert result.exit_code == 1 and "not a number" in result.stderr
    result = runner.invoke(app, ["game", "import", str(source), "o.json", "--from", "gambit"])
    assert result.exit_code == 2 and "coopgame" in result.stderr
