"""Game files of ternary (yes/abstain/no) and (j,k) voting games (issue 14, item 7).

Four document types: ``"weighted-ternary"`` and ``"weighted-jk"`` (by weights and quotas) and
``"ternary"`` and ``"jk"`` (by their outcome tables). Checked three ways:

* round trips: ``write_game`` then ``read_game`` gives an equal game with the same hash, for
  the Security Council with its real abstention rule, Freixas & Zwicker's grading committee,
  a 25-member body, weights of 1e18, fractions and decimals, and random weighted games
  (hypothesis);
* an oracle that shares no code with the reader: the JSON Schema alone (``jsonschema``)
  accepts every written document, and the measures of the game read back equal those of the
  game written; a weighted game written by its table reads back with the same outcomes;
* hostile documents: wrong level counts, non-monotone quotas or weights, strings and
  booleans where numbers belong, out-of-range outcomes, tables for 25 players: each a
  ``CoalitionsError`` whose message names the field, never a traceback.
"""

from __future__ import annotations

import json
from fractions import Fraction

import jsonschema
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_jk_games

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidGameError, TooLargeError
from coalitions.games.io import game_from_json, game_to_json, schema

COMMITTEE = co.WeightedJKGame(
    [[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3], ["theory", "problems", "practice"]
)


def _games():
    """One game of every kind the four document types hold."""
    return {
        "security council": co.datasets.un_security_council(abstention=True),
        "relative majority": co.WeightedTernaryGame(
            4, yes=[2, 2, 2], abstain=[1, 1, 1], players=["a", "b", "c"]
        ),
        "rational ternary": co.WeightedTernaryGame(
            "1/2", yes=[1, Fraction(1, 3)], abstain=[0.5, 0], no=[0, 0], players=["x", "y"]
        ),
        "ternary rule": co.TernaryVotingGame(
            lambda yes, abstain, no: len(yes) > len(no), ["a", "b", "c"]
        ),
        "committee": COMMITTEE,
        "negative weights": co.WeightedJKGame([[-1, 0], [-2, 3]], [Fraction(1, 2)]),
        "huge weights": co.WeightedJKGame(
            [[0, 10**18, 3 * 10**18], [0, 10**18, 2 * 10**18]], [3e18]
        ),
        "25 members": co.WeightedJKGame([[0, 1, 2]] * 25, [26, 40]),
        "jk rule": co.JKSimpleGame(
            lambda x: min(x["p"], 2) if x["v"] else 0, ["p", "v"], levels=3, outputs=3
        ),
        "ternary table": co.TernaryVotingGame.from_table([False] * 8 + [True], ["a", "b"]),
    }


GAMES = _games()
TYPES = {
    co.WeightedTernaryGame: "weighted-ternary",
    co.TernaryVotingGame: "ternary",
    co.WeightedJKGame: "weighted-jk",
    co.JKSimpleGame: "jk",
}


@pytest.mark.parametrize("name", sorted(GAMES))
def test_write_then_read_gives_an_equal_hashable_game(name, tmp_path):
    game = GAMES[name]
    path = tmp_path / "game.json"
    co.write_game(game, path)
    document = json.loads(path.read_text())
    assert document["type"] == TYPES[type(game)] and document["version"] == 1
    again = co.read_game(path)
    assert type(again) is type(game)
    assert again == game and hash(again) == hash(game) and {again: 1}[game] == 1
    assert again.players == game.players
    if again.n_players <= 8:  # the table of 25 members is not built
        assert np.array_equal(again.outcome_table(), game.outcome_table())


@pytest.mark.parametrize("name", sorted(GAMES))
def test_the_schema_alone_accepts_every_written_document(name):
    """An independent check: the shipped JSON Schema, run by jsonschema itself."""
    document = game_to_json(GAMES[name])
    assert jsonschema.Draft202012Validator(schema()).is_valid(json.loads(json.dumps(document)))


def test_the_security_council_file_keeps_its_measures(tmp_path):
    unsc = co.datasets.un_security_council(abstention=True)
    path = tmp_path / "unsc.json"
    co.write_game(unsc, path)
    read = co.read_game(path)
    assert co.ternary_power_table(read).indices["shapley-shubik"].tolist() == (
        co.ternary_power_table(unsc).indices["shapley-shubik"].tolist()
    )
    document = json.loads(path.read_text())
    assert document["quota"] == 89 and document["yes"][:6] == [17] * 5 + [1]
    assert document["abstain"][:6] == [16] * 5 + [0] and document["no"] == [0] * 15


def test_a_weighted_document_is_read_exactly():
    game = game_from_json(
        {
            "type": "weighted-jk",
            "players": ["a", "b"],
            "weights": [["0", "1/3", 1], [0, "0.5", 2]],
            "quotas": ["5/6", 2],
        }
    )
    assert game.weights == ((0, Fraction(1, 3), 1), (0, Fraction(1, 2), 2))
    assert game.quotas == (Fraction(5, 6), 2) and game.int_quotas == (5, 12)
    ternary = game_from_json(
        {"type": "weighted-ternary", "quota": 2, "yes": [2, 2], "abstain": [1, 1]}
    )
    assert ternary.players == ("1", "2") and ternary.levels == ((2, 1, 0), (2, 1, 0))


def test_huge_weights_are_divided_by_their_gcd():
    game = game_from_json(
        {"type": "weighted-jk", "weights": [[0, 1e18, 2e18], [0, 1e18, 3e18]], "quotas": [4e18]}
    )
    assert game.int_weights == ((0, 1, 2), (0, 1, 3)) and game.int_quotas == (4,)
    small = co.WeightedJKGame([[0, 1, 2], [0, 1, 3]], [4])
    assert game == small and hash(game) == hash(small)
    assert co.banzhaf_index(game).x.tolist() == co.banzhaf_index(small).x.tolist()


def test_a_long_outcome_table_is_checked_in_bulk():
    """8 voters: 6561 outcomes, past the schema's item limit: the reader checks each."""
    game = co.TernaryVotingGame(lambda yes, abstain, no: len(yes) > len(no), 8)
    document = game_to_json(game)
    assert len(document["outcomes"]) == 3**8
    assert game_from_json(document) == game
    bad = {**document, "outcomes": [*document["outcomes"][:-1], "1"]}
    with pytest.raises(InvalidGameError, match=r"outcomes\[6560\] must be 0 \(fails\) or 1"):
        game_from_json(bad)
    bad = {**document, "outcomes": [*document["outcomes"][:-1], True]}
    with pytest.raises(InvalidGameError, match=r"outcomes\[6560\].*a boolean"):
        game_from_json(bad)


@settings(max_examples=25, deadline=None)
@given(weighted_jk_games(max_n=4, max_levels=3, max_outputs=3), st.booleans())
def test_random_weighted_games_round_trip_by_weights_and_by_table(game, by_table):
    """By weights: the same game. By table (``JKSimpleGame.from_table``): the same outcomes,
    and the measures of the read game equal those of the weighted one (exact DP vs the
    enumeration of the table read back)."""
    if by_table:
        game_as_table = co.JKSimpleGame.from_table(
            game.outcome_table(), game.players, levels=game.n_levels, outputs=game.n_outputs
        )
        again = game_from_json(json.loads(json.dumps(game_to_json(game_as_table))))
        assert again == game_as_table
        assert co.shapley_shubik_index(again).x.tolist() == co.shapley_shubik_index(game).x.tolist()
    else:
        again = game_from_json(json.loads(json.dumps(game_to_json(game))))
        assert again == game and hash(again) == hash(game)


# --- hostile documents ------------------------------------------------------------------------
def _jk(**changes):
    return {"type": "weighted-jk", "weights": [[0, 1, 3], [0, 1, 2]], "quotas": [3], **changes}


def _ternary(**changes):
    return {"type": "weighted-ternary", "quota": 3, "yes": [2, 2], "abstain": [1, 1], **changes}


def _table(**changes):
    return {"type": "ternary", "players": ["a", "b"], "outcomes": [0] * 8 + [1], **changes}


def _jk_table(**changes):
    return {
        "type": "jk",
        "players": ["a", "b"],
        "levels": 2,
        "outputs": 3,
        "outcomes": [0, 1, 1, 2],
        **changes,
    }


HOSTILE = {
    "levels differ": (
        _jk(weights=[[0, 1, 3], [0, 1]]),
        r"weights\[1\] has 2 entries and weights\[0\] has 3",
    ),
    "one level": (_jk(weights=[[0], [1]]), r"weights\[\d\] must have at least 2 entries"),
    "no voter": (_jk(weights=[]), "weights must have at least 1 entry"),
    "quotas decrease": (_jk(quotas=[3, 2]), r"quotas \[3, 2\] must be non-decreasing"),
    "weights decrease": (
        _jk(weights=[[0, 3, 1], [0, 1, 2]]),
        r"voter '1': weights \[0, 3, 1\] decrease",
    ),
    "quota unreachable": (_jk(quotas=[99]), "the last quota 99 is more than"),
    "quota reached by all lowest": (_jk(quotas=[0]), "the first quota 0 is reached"),
    "string weight": (
        _jk(weights=[[0, "one", 3], [0, 1, 2]]),
        r'weights\[0\]\[1\] must be a number.*"one"',
    ),
    "boolean weight": (
        _jk(weights=[[0, True, 3], [0, 1, 2]]),
        r"weights\[0\]\[1\] must be a number.*boolean",
    ),
    "code for a weight": (
        _jk(weights=[[0, "__import__('os')", 3], [0, 1, 2]]),
        r"weights\[0\]\[1\] must be a number",
    ),
    "string quotas": (_jk(quotas="3"), "quotas must be"),
    "typo quotas": (_jk(quota=[3]), 'unknown key "quota"; did you mean "quotas"'),
    "players mismatch": (
        _jk(players=["a"]),
        r"weights has 2 entries for 1 player; give one per player",
    ),
    "repeated player": (_jk(players=["a", "a"]), r'players\[1\]: "a" appears twice'),
    "ternary lengths": (_ternary(abstain=[1]), 'abstain has 1 entry and "yes" has 2'),
    "ternary order": (
        _ternary(abstain=[3, 1]),
        "voter '1': weights yes=2, abstain=3, no=0 are out of order",
    ),
    "ternary negative": (_ternary(no=[-1, 0]), r"no\[0\] is -1; a vote weighs at least 0"),
    "ternary quota too high": (_ternary(quota=5), "the quota"),
    "ternary quota string": (_ternary(quota="three"), 'quota must be a number.*"three"'),
    "ternary missing abstain": (
        {"type": "weighted-ternary", "quota": 1, "yes": [1]},
        'needs "abstain"',
    ),
    "ternary typo": (
        _ternary(abstention=[1, 1]),
        'unknown key "abstention"; did you mean "abstain"',
    ),
    "table too short": (
        _table(outcomes=[0] * 8),
        r"outcomes has 8 entries; 2 players with 3 levels each need 3\*\*2 = 9",
    ),
    "table entry 2": (
        _table(outcomes=[0] * 8 + [2]),
        r"outcomes\[8\] must be .*0 \(fails\) or 1 \(passes\), got 2",
    ),
    "table entry float": (
        _table(outcomes=[0] * 8 + [1.0]),
        r"outcomes\[8\] must be 0 \(fails\) or 1 \(passes\), got 1.0",
    ),
    "table not monotone": (
        _table(outcomes=[0, 1, 0, 0, 0, 0, 0, 0, 1]),
        "outcomes: the rule is not monotone in voter 1",
    ),
    "table all yes fails": (
        _table(outcomes=[0] * 9),
        "outcomes: the proposal fails when everybody votes yes",
    ),
    "table without players": ({"type": "ternary", "outcomes": [0, 0, 1]}, 'needs "players"'),
    "jk output too high": (
        _jk_table(outcomes=[0, 1, 1, 3]),
        r"outcomes\[3\] must be a whole number from 0 to 2, got 3",
    ),
    "jk one level": (_jk_table(levels=1), "levels must be j, the number of approval levels"),
    "jk levels string": (_jk_table(levels="2"), r'levels must be .*"2" \(a string\)'),
    "jk huge levels": (_jk_table(levels=10**40), "levels must be .* from 2 to 177147"),
    "jk lowest not 0": (
        _jk_table(outcomes=[1, 1, 1, 2]),
        "outcomes: the profile where everybody gives the lowest level",
    ),
    "jk type typo": (
        {**_jk(), "type": "weighted_jk"},
        'unknown game type .*did you mean "weighted-jk"',
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_name_the_field(name):
    document, message = HOSTILE[name]
    with pytest.raises(CoalitionsError, match=message):
        game_from_json(document)


@pytest.mark.parametrize(
    "document",
    [
        {"type": "ternary", "players": [f"p{i}" for i in range(25)], "outcomes": [0, 1]},
        {
            "type": "jk",
            "players": [f"p{i}" for i in range(25)],
            "levels": 2,
            "outputs": 2,
            "outcomes": [0, 1],
        },
    ],
    ids=["ternary", "jk"],
)
def test_tables_of_25_players_are_too_large_not_a_hang(document):
    with pytest.raises(TooLargeError, match=r"outcomes: 25 players .* at most 177147 outcomes"):
        game_from_json(document)


def test_weighted_documents_of_25_players_are_read_and_measured():
    document = {"type": "weighted-ternary", "quota": 13, "yes": [1] * 25, "abstain": [0] * 25}
    game = game_from_json(document)
    assert game.n_players == 25
    assert sum(co.shapley_shubik_index(game).x) == 1
