"""Large game files: 23 to 25 float players round-trip; the CLI solves a 25-player file.

A 25-player table is 2**25 float64 values (256 MiB); these tests hold two or three at once.
"""

import json

import numpy as np
import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.cli.app import app


def random_float_game(n: int, seed: int) -> co.TUGame:
    values = np.random.default_rng(seed).standard_normal(1 << n)
    values[0] = 0.0
    return co.TUGame(values)


@pytest.mark.slow
@pytest.mark.parametrize("n, format", [(23, "npz"), (24, "npz"), (25, "npz"), (24, "json+npy")])
def test_large_float_games_round_trip_in_binary(tmp_path, n, format):
    game = random_float_game(n, seed=n)
    path = tmp_path / ("game.npz" if format == "npz" else "game.json")
    co.write_game(game, path, format=format)
    back = co.read_game(path)
    assert back.kind == "float" and back.n_players == n
    assert back.values.tobytes() == game.values.tobytes()


@pytest.mark.slow
def test_a_23_player_float_json_file_round_trips(tmp_path):
    game = random_float_game(23, seed=7)
    path = tmp_path / "game.json"
    co.write_game(game, path)
    with open(path) as stream:
        head = stream.read(400)
    assert '"kind": "float"' in head and '"values": [0.0, ' in head
    back = co.read_game(path)
    assert back.kind == "float" and back.values.tobytes() == game.values.tobytes()


@pytest.mark.slow
def test_a_23_player_float_table_without_kind_is_float(tmp_path):
    values = [0.0] + [0.5] * ((1 << 23) - 1)
    path = tmp_path / "game.json"
    path.write_text(json.dumps({"values": values}))
    assert co.read_game(path).kind == "float"
    ints = {"values": [0] * (1 << 23)}
    path.write_text(json.dumps(ints))
    with pytest.raises(co.TooLargeError, match=r"write \"kind\": \"float\""):
        co.read_game(path)


@pytest.mark.slow
def test_the_cli_solves_a_25_player_file(tmp_path):
    game = random_float_game(25, seed=25)
    path = tmp_path / "big.npz"
    co.write_game(game, path)
    expected = co.shapley_value(game).x
    del game
    result = CliRunner().invoke(app, ["value", "shapley", str(path), "--json"])
    assert result.exit_code == 0, result.output
    x = json.loads(result.stdout)["x"]
    assert np.allclose([x[str(i + 1)] for i in range(25)], expected, rtol=0, atol=1e-9)
