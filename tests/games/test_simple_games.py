"""SimpleGame, WeightedVotingGame, CompoundGame: construction, bad input, checks."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError


def test_three_ways_to_build_the_same_simple_game():
    players = ["A", "B", "C"]
    a = co.SimpleGame(players, [["A", "B"], ["A", "C"], ["A", "B", "C"]])
    b = co.SimpleGame.from_minimal_winning([["A", "B"], ["A", "C"]], players)
    c = co.SimpleGame.from_predicate(lambda s: "A" in s and len(s) >= 2, players)
    d = co.WeightedVotingGame(3, [2, 1, 1], players)
    assert a == b == c
    assert np.array_equal(a.winning_table(), d.winning_table())
    assert co.power.minimal_winning_coalitions(a) == [("A", "B"), ("A", "C")]


def test_duck_typed_interface():
    for game in (co.WeightedVotingGame(2, [1, 1, 1]),
                 co.SimpleGame(["1", "2"], minimal_winning=[["1"]]),
                 co.datasets.eu_council()):
        assert len(game.players) == game.n_players
        assert game.is_winning(game.players) and not game.is_winning([])
        assert game.is_winning(game.grand_coalition_mask)
    tu = co.WeightedVotingGame(2, [1, 1, 1]).to_tu_game()
    assert tu.exact and tu.value(["1", "2"]) == 1 and tu.value(["3"]) == 0


def test_weighted_attributes_and_exact_scaling():
    g = co.WeightedVotingGame(Fraction(1, 2), [0.25, 0.25, 0.5], ["x", "y", "z"])
    assert g.quota == Fraction(1, 2) and g.weights == (0.25, 0.25, 0.5)
    assert g.int_weights == (1, 1, 2) and g.int_quota == 2
    assert g.is_winning(["z"]) and g.is_winning(["x", "y"]) and not g.is_winning(["x"])
    assert co.WeightedVotingGame("2/3", [1, 1, 1]).int_quota == 2


@pytest.mark.parametrize("quota, weights, message", [
    (3, [1, -1, 2], "weight 2 is -1; weights must be non-negative"),
    (0, [1, 1], "quota must lie in \\(0, total weight\\]"),
    (5, [1, 1], "quota must lie in \\(0, total weight\\] = \\(0, 2\\]"),
    (1, [], "at least one player"),
    (1, [1, float("nan")], "must be finite"),
    (1, [1, "x"], "must be a rational number"),
])
def test_bad_weighted_games(quota, weights, message):
    with pytest.raises(InvalidGameError, match=message):
        co.WeightedVotingGame(quota, weights)


def test_bad_players():
    with pytest.raises(InvalidGameError, match="3 player names for 2 weights"):
        co.WeightedVotingGame(1, [1, 1], ["a", "b", "c"])
    with pytest.raises(InvalidGameError, match="duplicate"):
        co.WeightedVotingGame(1, [1, 1], ["a", "a"])
    with pytest.raises(InvalidGameError, match="non-empty"):
        co.WeightedVotingGame(1, [1, 1], ["a", " "])
    with pytest.raises(InvalidGameError, match="unknown player 'Q'"):
        co.WeightedVotingGame(1, [1, 1], ["a", "b"]).is_winning(["Q"])


def test_bad_simple_games():
    with pytest.raises(InvalidGameError, match="not monotone"):
        co.SimpleGame(["A", "B"], [["A"]])                # {A, B} should win too
    with pytest.raises(InvalidGameError, match="exactly one of"):
        co.SimpleGame(["A"])
    with pytest.raises(InvalidGameError, match="an empty game"):
        co.SimpleGame(["A", "B"], minimal_winning=[])
    with pytest.raises(InvalidGameError, match="empty coalition wins"):
        co.SimpleGame(["A", "B"], predicate=lambda s: True)
    with pytest.raises(InvalidGameError, match="at least one player"):
        co.SimpleGame([], minimal_winning=[[]])
    with pytest.raises(TooLargeError, match="limit is 25"):
        co.SimpleGame([str(i) for i in range(26)], minimal_winning=[["0"]])
    with pytest.raises(InvalidGameError, match="same players"):
        co.WeightedVotingGame(1, [1, 1], ["a", "b"]) & co.WeightedVotingGame(1, [1, 1])


def test_compound_game_logic():
    eu = co.datasets.eu_council()
    assert isinstance(eu, co.CompoundGame) and eu.operator == "or"
    assert len(eu.atoms()) == 3
    smallest24 = list(eu.players[3:])                   # 24 states without DE, FR, IT
    assert eu.is_winning(smallest24)
    assert not eu.is_winning(eu.players[:4])            # 4 states, 57 % of the people


GAMES = {
    "majority of 3": (co.WeightedVotingGame(2, [1, 1, 1]), True, True),
    "two equal": (co.WeightedVotingGame(1, [1, 1]), False, True),
    "4 members, 3 votes": (co.WeightedVotingGame(3, [1, 1, 1, 1]), True, False),
    "unsc": (co.datasets.un_security_council(), True, False),
}


@pytest.mark.parametrize("name", GAMES)
def test_proper_strong_decisive(name):
    game, proper, strong = GAMES[name]
    assert co.is_proper(game) == proper and co.is_strong(game) == strong
    assert co.is_decisive(game) == (proper and strong)


@st.composite
def weighted(draw):
    weights = draw(st.lists(st.integers(1, 9), min_size=1, max_size=8))
    return co.WeightedVotingGame(draw(st.integers(1, sum(weights))), weights)


@settings(max_examples=50, deadline=None)
@given(weighted())
def test_checks_agree_with_the_table(game):
    win = game.winning_table()
    assert co.is_proper(game) == (not np.any(win & win[::-1]))
    assert co.is_strong(game) == bool(np.all(win | win[::-1]))
    as_simple = co.SimpleGame.from_tu_game(game.to_tu_game())
    assert co.is_proper(as_simple) == co.is_proper(game)
    veto = co.power.veto_players(game)
    assert veto == co.veto_players(game.to_tu_game())
    blocking = co.minimal_blocking_coalitions(game)
    for coalition in blocking:                          # complement loses
        rest = [p for p in game.players if p not in coalition]
        assert not game.is_winning(rest)
    assert set((p,) for p in veto) <= set(blocking)


def test_compound_checks_by_meet_in_the_middle():
    eu = co.datasets.eu_council()
    assert co.is_proper(eu) and not co.is_strong(eu)
    from coalitions.power._engines import mitm_exists

    small = co.datasets.eec_council_1958()
    assert mitm_exists(small, "proper") == (not co.is_proper(small))
    assert mitm_exists(small, "strong") == (not co.is_strong(small))


def test_read_weighted_and_compound_files(tmp_path):
    path = tmp_path / "eec.json"
    path.write_text(json.dumps({"type": "weighted", "quota": 12, "weights": [4, 4, 4, 2, 2, 1],
                                "players": ["FR", "DE", "IT", "BE", "NL", "LU"]}))
    game = co.read_game(path)
    assert isinstance(game, co.WeightedVotingGame) and game.players[0] == "FR"
    path.write_text(json.dumps({"type": "compound", "operator": "and", "players": ["a", "b"],
                                "rules": [{"quota": 1, "weights": [1, 1]},
                                          {"quota": 3, "weights": [2, 1]}]}))
    game = co.read_game(path)
    assert game.is_winning(["a", "b"]) and not game.is_winning(["a"])
    path.write_text(json.dumps({"type": "simple", "players": ["a", "b"],
                                "minimal_winning": [["a"]]}))
    assert co.read_game(path).is_winning(["a"])
    path.write_text(json.dumps({"type": "weighted", "weights": [1]}))
    with pytest.raises(InvalidGameError, match="needs \"quota\""):
        co.read_game(path)
