"""The Tijs index: the tau-value of the simple game (an independent oracle through the 2**n
table), the definition by brute force (veto players as the intersection of every winning
coalition), known answers, and the games where it is not defined (no veto player)."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from strategies import weighted_voting_games

import coalitions as co
from coalitions.exceptions import InvalidGameError


def brute_force(game):
    """Equal shares for the members of every winning coalition, from the coalitions."""
    veto = set(game.players)
    for size in range(game.n_players + 1):
        for coalition in itertools.combinations(game.players, size):
            if game.is_winning(set(coalition)):
                veto &= set(coalition)
    if not veto:
        return None
    return [Fraction(1, len(veto)) if p in veto else Fraction(0) for p in game.players]


@settings(max_examples=20, deadline=None)
@given(game=weighted_voting_games(min_players=1, max_players=12, min_weight=1))
def test_equals_the_tau_value_and_the_definition(game):
    expected = brute_force(game) if game.n_players <= 9 else None
    try:
        tau = co.tau_value(game.to_tu_game())
    except InvalidGameError:  # not quasi-balanced: no veto player
        tau = None
    if tau is None:
        with pytest.raises(InvalidGameError, match="no veto player"):
            co.tijs_index(game)
        assert game.n_players > 9 or expected is None
        return
    result = co.tijs_index(game)
    assert result.exact and result.normalized
    assert result.x.tolist() == list(tau.x)
    if game.n_players <= 9:
        assert result.x.tolist() == expected


def test_known_answers():
    council = co.datasets.un_security_council()
    assert co.tijs_index(council).x.tolist() == [Fraction(1, 5)] * 5 + [0] * 10
    assert co.tijs_index(co.WeightedVotingGame(4, [3, 2, 1])).x.tolist() == [1, 0, 0]
    unanimity = co.SimpleGame(["a", "b", "c"], minimal_winning=[["a", "b", "c"]])
    assert co.tijs_index(unanimity).x.tolist() == [Fraction(1, 3)] * 3
    big = co.WeightedVotingGame(1001, [1] * 1000 + [1])  # unanimity of 1001: no table needed
    assert co.tijs_index(big).x[0] == Fraction(1, 1001)


def test_undefined_without_veto_players():
    with pytest.raises(InvalidGameError, match="no veto player"):
        co.tijs_index(co.datasets.eec_council_1958())
    with pytest.raises(InvalidGameError):
        co.tijs_index("not a game")
