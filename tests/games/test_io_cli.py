"""Game files through the CLI: binary files are read, bad documents give exit code 1 and a
message on stderr, never a traceback."""

import json
import subprocess
import sys

import numpy as np
import pytest
from test_io import BAD_DOCUMENTS
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app

runner = CliRunner()
COMMANDS = [["game", "check"], ["value", "shapley"], ["least-core"], ["power"]]


@pytest.mark.parametrize("format", ["npz", "json+npy", "json"])
def test_game_check_reads_every_format(tmp_path, format):
    game = co.glove_game(["L"], ["R1", "R2"]).to_float()
    path = tmp_path / ("g.npz" if format == "npz" else "g.json")
    co.write_game(game, path, format=format)
    result = runner.invoke(app, ["game", "check", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["veto_players"] == ["L"] and report["kind"] == "float"
    result = runner.invoke(app, ["value", "shapley", str(path), "--json"])
    x = json.loads(result.stdout)["x"]
    assert x == pytest.approx({"L": 2 / 3, "R1": 1 / 6, "R2": 1 / 6}, abs=1e-12)


def test_game_check_of_simple_and_hedonic_files(tmp_path):
    path = tmp_path / "w.json"
    co.write_game(co.WeightedVotingGame(3, [2, 1, 1], players=["A", "B", "C"]), path)
    result = runner.invoke(app, ["game", "check", str(path), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["veto_players"] == ["A"]
    path = tmp_path / "h.json"
    path.write_text(json.dumps({"type": "hedonic", "values": [[0, 1], [1, 0]]}))
    result = runner.invoke(app, ["game", "check", str(path)])
    assert result.exit_code == 1 and "holds a HedonicGame" in result.stderr


def check_refused(result, message=None):
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # not an escaped exception
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert result.stdout == ""
    if message is not None:
        import re

        assert re.search(message, result.stderr), result.stderr


@pytest.mark.parametrize(
    "document, message", BAD_DOCUMENTS, ids=[str(i) for i in range(len(BAD_DOCUMENTS))]
)
def test_bad_documents_exit_1_with_the_message(tmp_path, document, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    check_refused(runner.invoke(app, ["game", "check", str(path)]), message)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "content",
    [
        b"{oops",
        b"[]",
        b'{"players": ["a"], "values": [0, NaN]}',
        b"\xff\xfe\x00",
        b"PK\x03\x04 not really a zip",
        b"\x93NUMPY\x01\x00",
        b'{"players": ["a"], "values": {"encoding": "float64", "file": "../../etc/x.npy"}}',
        b'{"players": ["a"], "values": {"encoding": "float64", "file": "missing.npy"}}',
    ],
)
def test_bad_files_exit_1(tmp_path, command, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    check_refused(runner.invoke(app, [*command, str(path)]))


def test_a_damaged_archive_exits_1(tmp_path):
    path = tmp_path / "g.npz"
    co.write_game(co.random_game(6, rng=1), path)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2 : len(raw) // 2 + 50] = bytes(50)
    path.write_bytes(bytes(raw))
    for command in COMMANDS:
        result = runner.invoke(app, [*command, str(path)])
        assert result.exit_code in (0, 1) and "Traceback" not in result.stderr
        assert isinstance(result.exception, (SystemExit, type(None)))


def test_a_real_process_prints_one_line_on_stderr(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"players": ["a", "a"], "values": [0, 1, 1, 2]}))
    done = subprocess.run(
        [sys.executable, "-m", "coalitions", "game", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        'error: players[1]: "a" appears twice (also at players[0]); player names must be unique.\n'
    )


def test_a_binary_float_table_reaches_every_file_command(tmp_path):
    values = np.random.default_rng(0).random(1 << 5)
    values[0] = 0
    path = tmp_path / "g.npz"
    co.write_game(co.TUGame(values), path)
    for command in COMMANDS[:3]:
        result = runner.invoke(app, [*command, str(path), "--json"])
        assert result.exit_code == 0, (command, result.output)
