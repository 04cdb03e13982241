import json
from fractions import Fraction

import pytest
from hypothesis import given

import coalitions as co
from strategies import games


@given(games(max_players=5))
def test_round_trip(tmp_path_factory, game):
    path = tmp_path_factory.mktemp("io") / "game.json"
    co.write_game(game, path)
    assert co.read_game(path) == game


def test_coalition_form_and_fractions(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({
        "type": "tu", "players": ["a", "b"],
        "coalitions": [{"members": ["a"], "value": "1/3"}, {"members": ["b", "a"], "value": 2}],
    }))
    game = co.read_game(path)
    assert game.value("a") == Fraction(1, 3) and game.value({"a", "b"}) == 2 and game.exact


@pytest.mark.parametrize("text, message", [
    ("{not json", "not valid JSON: .* line 1, column 2"),
    ("[1, 2]", "must hold a JSON object"),
    ('{"players": ["a"]}', "exactly one of \"values\""),
    ('{"players": ["a", "b"], "values": [0, 1, 2]}', "2\\*\\*n values"),
    ('{"players": ["a", "b"], "values": [0, 1, true, 2]}', "values\\[2\\] must be a number"),
    ('{"coalitions": [{"members": ["a"], "value": 1}]}', "must list its \"players\""),
    ('{"players": ["a"], "coalitions": [{"members": ["z"], "value": 1}]}',
     "unknown player 'z'"),
    ('{"players": ["a"], "coalitions": [{"value": 1}]}', "must be an object with \"members\""),
    ('{"type": "martian", "players": ["a"]}', "unknown game type 'martian'"),
    ('{"players": "ab", "values": [0, 1]}', "list of player-name strings"),
])
def test_malformed_documents(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_game(path)


def test_missing_file(tmp_path):
    with pytest.raises(co.InvalidGameError, match="no such file"):
        co.read_game(tmp_path / "missing.json")
