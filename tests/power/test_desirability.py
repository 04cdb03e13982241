"""Desirability, completeness and homogeneity: known answers (the EEC Council, the Security
Council, the two-chamber game of Taylor and Zwicker, the non-homogeneous ``[3; 2, 2, 1, 1]``),
the definitions checked coalition by coalition on random simple games, and every weighted
game of four players against a brute force over a box of weights."""

import itertools

import numpy as np
import pytest
from _all_weighted_games import N, weighted_games
from hypothesis import given, settings
from strategies import simple_games, weighted_voting_games

import coalitions as co
from coalitions.exceptions import TooLargeError


def _table(game):
    return np.asarray(game.winning_table(), dtype=bool)


def _at_least_by_definition(table, n, i, j):
    """Every S without i and j: S + j wins implies S + i wins."""
    others = [k for k in range(n) if k not in (i, j)]
    for r in range(len(others) + 1):
        for members in itertools.combinations(others, r):
            s = sum(1 << k for k in members)
            if table[s | 1 << j] and not table[s | 1 << i]:
                return False
    return True


@settings(max_examples=30, deadline=None)
@given(game=simple_games(max_players=5))
def test_the_relation_is_the_definition(game):
    n, table = game.n_players, _table(game)
    found = co.desirability(game)
    for i, j in itertools.product(range(n), repeat=2):
        assert found.at_least[i, j] == _at_least_by_definition(table, n, i, j)
    # a preorder: reflexive and transitive
    relation = found.at_least
    assert relation.diagonal().all()
    assert not (relation[:, :, None] & relation[None, :, :] & ~relation[:, None, :]).any()
    # complete iff no incomparable pair; the witness is a failed swap
    assert found.value == (not found.incomparable) == bool((relation | relation.T).all())
    if found.witness is not None:
        i, j, s, t = found.witness
        assert game.is_winning({*s, i}) and not game.is_winning({*s, j})
        assert game.is_winning({*t, j}) and not game.is_winning({*t, i})
    assert sorted(p for c in found.classes for p in c) == sorted(game.players)


@settings(max_examples=30, deadline=None)
@given(game=weighted_voting_games(max_players=7))
def test_weighted_games_are_complete_and_ordered_by_weight(game):
    found = co.desirability(game)
    assert found.value
    weights = np.asarray(game.weights)
    assert found.at_least[weights[:, None] >= weights[None, :]].all()


@settings(max_examples=15, deadline=None)
@given(game=weighted_voting_games(max_players=6))
def test_a_homogeneous_representation_is_checked_from_the_definition(game):
    found = co.homogeneous_representation(game)
    assert found.is_weighted
    if not found.value:
        return
    n, weights = game.n_players, np.array(found.weights)
    rebuilt = co.WeightedVotingGame(found.quota, list(found.weights))
    assert np.array_equal(_table(rebuilt), _table(game))
    table = _table(game)
    for mask in np.flatnonzero(table):
        members = [i for i in range(n) if mask >> i & 1]
        if all(not table[mask ^ 1 << i] for i in members):  # minimal winning
            assert weights[members].sum() == found.quota


def test_known_relations():
    eec = co.desirability(co.datasets.eec_council_1958())
    assert eec.classes == (
        ("France", "Germany", "Italy"),
        ("Belgium", "Netherlands"),
        ("Luxembourg",),
    )
    council = co.desirability(co.datasets.un_security_council())
    assert council.value and len(council.classes) == 2 and len(council.classes[0]) == 5
    # Taylor and Zwicker's two disjoint minimal winning pairs {a, b}, {c, d}: not complete
    game = co.SimpleGame.from_minimal_winning([["a", "b"], ["c", "d"]], ["a", "b", "c", "d"])
    found = co.desirability(game)
    assert not found.value and ("a", "c") in found.incomparable
    assert not co.weighted_representation(game).value


def test_every_weighted_game_of_four_is_complete_and_homogeneity_matches():
    games = weighted_games()
    players = [str(k) for k in range(N)]
    verdicts = set()
    canonical = [e for e in games.values() if list(e["least"][0]) == sorted(e["least"][0])[::-1]]
    for entry in canonical:
        weights, quota = entry["least"]
        game = co.WeightedVotingGame(quota, list(weights), players)
        assert co.desirability(game).value
        homogeneous = co.homogeneous_representation(game)
        assert homogeneous.value == (entry["homogeneous"] is not None)
        verdicts.add(homogeneous.value)
        if homogeneous.value:
            rebuilt = co.WeightedVotingGame(homogeneous.quota, list(homogeneous.weights))
            assert np.array_equal(_table(rebuilt), entry["table"])
            assert sum(homogeneous.weights) <= sum(entry["homogeneous"][0])
    assert verdicts == {True, False}
    # up to relabelling, [3; 2, 2, 1, 1] and [4; 3, 2, 2, 1] are the only ones that are not
    assert [e["least"] for e in canonical if e["homogeneous"] is None] == [
        ((2, 2, 1, 1), 3),
        ((3, 2, 2, 1), 4),
    ]


def test_known_homogeneous_representations():
    council = co.homogeneous_representation(co.datasets.un_security_council())
    assert council.weights == (7,) * 5 + (1,) * 10 and council.quota == 39
    eec = co.homogeneous_representation(co.datasets.eec_council_1958())
    assert eec.weights == (2, 2, 2, 1, 1, 0) and eec.quota == 6
    found = co.homogeneous_representation(co.WeightedVotingGame(3, [2, 2, 1, 1]))
    assert not found.value and found.is_weighted and found.weights is None
    lower = co.WeightedVotingGame(2, [1, 1, 1, 0, 0, 0])
    upper = co.WeightedVotingGame(2, [0, 0, 0, 1, 1, 1])
    chambers = co.homogeneous_representation(co.CompoundGame("and", [lower, upper]))
    assert not chambers.value and not chambers.is_weighted


def test_limits():
    with pytest.raises(TooLargeError):
        co.desirability(co.WeightedVotingGame(11, [1] * 21))
    with pytest.raises(TooLargeError):
        co.homogeneous_representation(co.WeightedVotingGame(10, [1] * 19))
