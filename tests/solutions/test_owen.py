"""Owen and Banzhaf-Owen values with a priori unions."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from strategies import games_with_unions

import coalitions as co
from coalitions.exceptions import InvalidGameError

G8 = ["US", "JP", "DE", "FR", "UK", "IT", "CA", "RU"]


def test_g8_bloc_against_one():
    # MODELS.md section 9: unanimity of 8, unions {G7}, {Russia}
    game = co.unanimity_game(G8, G8)
    owen = co.owen_value(game, [G8[:7], ["RU"]])
    assert owen["RU"] == Fraction(1, 2)
    assert all(owen[p] == Fraction(1, 14) for p in G8[:7])
    assert list(co.shapley_value(game).x) == [Fraction(1, 8)] * 8
    index = co.owen_index(co.WeightedVotingGame(8, [1] * 8, G8), [G8[:7]])
    assert list(index.x) == list(owen.x)


@settings(max_examples=50, deadline=None)
@given(games_with_unions())
def test_owen_properties(case):
    game, unions = case
    owen = co.owen_value(game, unions)
    assert sum(owen.x) == game.grand_value  # efficient
    shapley = co.shapley_value(game).x
    assert list(co.owen_value(game, [[p] for p in game.players]).x) == list(shapley)
    assert list(co.owen_value(game, [list(game.players)]).x) == list(shapley)
    # quotient game property: a union gets its Shapley value in the game between unions
    m = len(unions)
    quotient = co.TUGame.from_function(
        lambda s: game.value([p for k in s for p in unions[int(k)]]), [str(k) for k in range(m)]
    )
    between = co.shapley_value(quotient).x
    for k, union in enumerate(unions):
        assert sum(owen[p] for p in union) == between[k]
    banzhaf = co.banzhaf_owen_value(game, [[p] for p in game.players])
    assert list(banzhaf.x) == list(co.banzhaf_value(game).x)


def test_owen_value_of_a_float_game():
    game = co.random_game(4, rng=1)
    owen = co.owen_value(game, [["1", "2"]])
    assert not owen.exact and np.isclose(owen.x.sum(), game.grand_value)


def test_eu_caucuses_with_owen_index():
    eu = co.datasets.eu_council()
    caucuses = [eu.players[k : k + 7] for k in range(0, 27, 7)]
    result = co.owen_index(eu, caucuses)
    assert sum(result.x) == 1 and all(v > 0 for v in result.x)
    # the four caucuses share power as in the game between them (Shapley of the quotient)
    quotient = co.shapley_value(
        co.TUGame.from_function(
            lambda s: int(eu.is_winning([p for k in s for p in caucuses[int(k)]])),
            [str(k) for k in range(4)],
        )
    ).x
    for k, caucus in enumerate(caucuses):
        assert sum(result[p] for p in caucus) == quotient[k]


def test_too_many_unions_is_refused_with_advice():
    eu = co.datasets.eu_council()
    with pytest.raises(co.TooLargeError, match="merge small ones"):
        co.owen_index(eu, [["Germany", "France"]])


def test_bad_unions():
    game = co.unanimity_game(["a", "b", "c"], ["a", "b", "c"])
    with pytest.raises(InvalidGameError, match="unknown player 'z'"):
        co.owen_value(game, [["a", "z"]])
    with pytest.raises(InvalidGameError, match="in two unions"):
        co.owen_value(game, [["a", "b"], ["b"]])
    with pytest.raises(InvalidGameError, match="is empty"):
        co.owen_value(game, [[]])
    with pytest.raises(InvalidGameError, match="needs a TUGame"):
        co.owen_value(co.WeightedVotingGame(1, [1]), [["1"]])


def _coleman_owen_two_step(game, unions):
    """MatTuGames' Coleman-Owen construction, from its description: the quotient game's
    swings divided by ``2**m - 1``, then the Shapley value of each union's reduced game
    ``T -> (that value of T in the quotient game with T in place of its union)``. Plain
    enumeration with Fractions; no code shared with the library's value."""
    from itertools import combinations
    from math import factorial

    m = len(unions)

    def coleman(worth):  # worth(frozenset of union indices) -> value; swings / (2**m - 1)
        out = []
        for j in range(m):
            others = [k for k in range(m) if k != j]
            swing = sum(
                worth(frozenset(r) | {j}) - worth(frozenset(r))
                for size in range(m)
                for r in combinations(others, size)
            )
            out.append(Fraction(swing) / (2**m - 1))
        return out

    def members(indices, replaced, by):
        return [p for k in indices for p in (by if k == replaced else unions[k])]

    result = {}
    for j, union in enumerate(unions):

        def reduced(t, j=j):  # the value of coalition t of union j's members
            if not t:
                return Fraction(0)
            return coleman(lambda r: game.value(members(r, j, t)))[j]

        s = len(union)
        for i in union:
            rest = [p for p in union if p != i]
            result[i] = sum(
                Fraction(factorial(len(t)) * factorial(s - len(t) - 1), factorial(s))
                * (reduced([*t, i]) - reduced(list(t)))
                for size in range(s)
                for t in combinations(rest, size)
            )
    return [result[p] for p in game.players]


@settings(max_examples=40, deadline=None)
@given(games_with_unions(max_players=5))
def test_mattugames_coleman_owen_is_the_rescaled_symmetric_coalitional_banzhaf_value(case):
    game, unions = case
    m = len(unions)
    scb = co.symmetric_coalitional_banzhaf_value(game, unions).x
    factor = Fraction(2 ** (m - 1), 2**m - 1)
    assert [factor * Fraction(v) for v in scb] == _coleman_owen_two_step(game, unions)
