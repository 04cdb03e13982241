"""``coalitions power --profile FILE``: a posteriori power from a file of yes-probabilities.

Coin tosses give the absolute Banzhaf index (through the CLI, against ``--index
banzhaf-absolute``), every form of the command (weights, game file, council) takes the option,
and hostile profile files exit 1 with a message on stderr, never a traceback."""

import csv
import io
import json

import pytest
from hostile import hostile_files
from typer.testing import CliRunner

from coalitions.cli.app import app

try:
    runner = CliRunner(mix_stderr=False)
except TypeError:  # click >= 8.2 always separates stderr
    runner = CliRunner()

BODY = ["--quota", "12", "--weights", "4,4,4,2,2,1", "--players", "FR,DE,IT,BE,NL,LU"]
EEC = ["France", "Germany", "Italy", "Belgium", "Netherlands", "Luxembourg"]


def run(*args):
    return runner.invoke(app, ["power", *map(str, args)])


def coin_tosses(path, names):
    path.write_text("member,p\n" + "".join(f"{name},1/2\n" for name in names))
    return path


def test_coin_tosses_give_the_absolute_banzhaf_index(tmp_path):
    profile = coin_tosses(tmp_path / "half.csv", "FR,DE,IT,BE,NL,LU".split(","))
    result = run(*BODY, "--profile", profile, "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    banzhaf = json.loads(run(*BODY, "--index", "banzhaf-absolute", "--json").stdout)
    assert document["indices"]["decisiveness"] == banzhaf["indices"]["banzhaf-absolute"]
    assert document["indices"]["decisiveness"]["LU"] == 0
    assert document["power_to_act"] == banzhaf["power_to_act"]
    table = run(*BODY, "--profile", profile)
    assert "decisiveness" in table.stdout and "probability of passing" in table.stdout


def test_game_file_and_council_forms(tmp_path):
    game = tmp_path / "eec.json"
    game.write_text(json.dumps({"type": "weighted", "quota": 12, "weights": [4, 4, 4, 2, 2, 1]}))
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({str(k): 0.5 for k in range(1, 7)}))
    from_file = json.loads(run(game, "--profile", profile, "--json").stdout)
    assert from_file["indices"]["decisiveness"]["1"] == "5/16"  # 10 swings of 32
    council = tmp_path / "council.json"
    council.write_text(json.dumps(dict(zip(EEC, ["1", "1/2", "1/2", "0", "1/2", "1/2"]))))
    result = run("eec-council", "--profile", council, "--format", "csv")
    assert result.exit_code == 0, result.output
    header, *rows = list(csv.reader(io.StringIO(result.stdout.strip().split("\n\n")[0])))
    assert header == ["member", "decisiveness", "success"] and len(rows) == 6
    assert run("un-security-council", "--abstention", "--profile", council).exit_code == 2
    assert run(*BODY, "--abstention", "half", "--profile", council).exit_code == 2


PROFILES = {
    "unknown.csv": "member,p\nFR,1/2\nXX,1/2\n",
    "missing.csv": "member,p\nFR,1/2\n",
    "nan.csv": "member,p\n" + "".join(f"{m},nan\n" for m in "FR,DE,IT,BE,NL,LU".split(",")),
    "range.json": json.dumps({m: 2 for m in "FR,DE,IT,BE,NL,LU".split(",")}),
}


def test_hostile_profiles_exit_with_a_message(tmp_path):
    files = hostile_files(tmp_path / "hostile")
    for name, text in PROFILES.items():
        (tmp_path / name).write_text(text)
        files[name] = str(tmp_path / name)
    for key, path in files.items():
        result = run(*BODY, "--profile", path)
        assert result.exit_code == 1, (key, result.output)
        assert (result.stderr or "").strip(), key
        assert "Traceback" not in result.stdout + result.stderr, key


@pytest.mark.parametrize("method", ["exact", "magic"])
def test_methods_the_profile_table_does_not_know(tmp_path, method):
    profile = coin_tosses(tmp_path / "half.csv", "FR,DE,IT,BE,NL,LU".split(","))
    result = run(*BODY, "--profile", profile, "--method", method)
    assert result.exit_code in (1, 2) and "method" in result.stderr
