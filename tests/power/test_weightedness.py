"""Weightedness: every weighted game is recognised and its minimal integer weights reproduce
its table; every "not weighted" verdict carries a trading transform checked here from the
definition; and a brute force over small integer weights agrees on every game of four players
drawn."""

import itertools
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_voting_games

import coalitions as co
from coalitions.exceptions import TooLargeError


def _table(game):
    return np.asarray(game.winning_table(), dtype=bool)


def check(game, result):
    """An independent check of either answer."""
    if result.value:
        rebuilt = co.WeightedVotingGame(result.quota, list(result.weights), list(game.players))
        assert np.array_equal(_table(rebuilt), _table(game))
        return
    winning, losing = result.trading_transform
    assert sum(c for _, c in winning) == sum(c for _, c in losing) > 0
    assert all(game.is_winning(set(s)) for s, _ in winning)
    assert not any(game.is_winning(set(s)) for s, _ in losing)
    counts_x = Counter(p for s, c in winning for p in s for _ in range(c))
    counts_y = Counter(p for s, c in losing for p in s for _ in range(c))
    assert all(counts_x[p] <= counts_y[p] for p in game.players)


@given(game=weighted_voting_games(max_players=8))
def test_weighted_games_are_recognised_with_no_more_weight(game):
    result = co.weighted_representation(game)
    assert result.value and result.exact
    check(game, result)
    assert sum(result.weights) <= sum(int(w) for w in game.weights)


@settings(max_examples=40)
@given(
    first=weighted_voting_games(min_players=5, max_players=5),
    second=weighted_voting_games(min_players=5, max_players=5),
    how=st.sampled_from(["and", "or"]),
)
def test_compound_games_get_a_checked_answer_either_way(first, second, how):
    game = co.CompoundGame(how, [first, second])
    check(game, co.weighted_representation(game))


def _weighted_by_brute_force(table, n, top=4):
    masks = np.arange(1 << n)
    bits = (masks[:, None] >> np.arange(n)) & 1
    for weights in itertools.product(range(top + 1), repeat=n):
        sums = bits @ np.array(weights)
        for quota in range(0, sum(weights) + 2):
            if np.array_equal(sums >= quota, table):
                return True
    return False


def test_verdicts_agree_with_a_brute_force_on_four_players():
    rng = np.random.default_rng(4)
    seen, verdicts = 0, set()
    while seen < 60:
        # a random monotone game: the up-closure of a few random coalitions
        n, table = 4, np.zeros(16, dtype=bool)
        for seed in rng.integers(1, 16, size=rng.integers(1, 4)):
            table |= (np.arange(16) & seed) == seed
        if table.all() or not table.any():
            continue
        players = ["a", "b", "c", "d"]
        winning = [[players[i] for i in range(n) if m >> i & 1] for m in np.flatnonzero(table)]
        game = co.SimpleGame.from_winning(winning, players)
        result = co.weighted_representation(game)
        check(game, result)
        assert result.value == _weighted_by_brute_force(table, n)
        verdicts.add(result.value)
        seen += 1
    assert verdicts == {True, False}  # both answers were exercised


def test_known_answers():
    eec = co.weighted_representation(co.datasets.eec_council_1958())
    assert eec.value and eec.weights[-1] == 0  # Luxembourg is a null player
    council = co.weighted_representation(co.datasets.un_security_council())
    assert council.value and len(set(council.weights[:5])) == 1


def test_limits():
    with pytest.raises(TooLargeError):
        co.weighted_representation(co.WeightedVotingGame(10, [1] * 19), method="integer-lp")


def test_least_integer_weights_match_a_brute_force_on_every_game_of_four():
    """The least total weight, then the least quota, against every weight vector of the box
    (Freixas and Molinero 2009: below eight players the least-sum representation is unique,
    so the weights themselves must agree)."""
    from _all_weighted_games import N, weighted_games

    players = [str(k) for k in range(N)]
    for entry in weighted_games().values():
        weights, quota = entry["least"]
        if list(weights) != sorted(weights)[::-1]:
            continue  # one labelling of each game
        # the input is scaled: the integer program sees only the table
        game = co.WeightedVotingGame(3 * quota - 1, [3 * w for w in weights], players)
        found = co.weighted_representation(game)
        assert (found.weights, found.quota) == (weights, quota)


def test_known_least_integer_weights():
    # the Security Council: [39; 7, 7, 7, 7, 7, 1, ..., 1] (Taylor and Zwicker 1999, ch. 1)
    council = co.weighted_representation(co.datasets.un_security_council())
    assert council.weights == (7,) * 5 + (1,) * 10 and council.quota == 39
    # scaled representations come back to their least integer weights
    assert co.weighted_representation(co.WeightedVotingGame(30, [20, 10, 10])).weights == (2, 1, 1)
    found = co.weighted_representation(co.WeightedVotingGame(50, [30, 20, 20, 10, 10]))
    assert (found.weights, found.quota) == ((3, 2, 2, 1, 1), 5)


def _check_trade(game, result):
    """The trade is a certificate: both winning, both losing, the same multiset of members."""
    winning, losing = result.trading_transform
    xs = [c for c, k in winning for _ in range(k)]
    ys = [c for c, k in losing for _ in range(k)]
    assert all(game.is_winning(set(c)) for c in xs)
    assert not any(game.is_winning(set(c)) for c in ys)
    assert sorted(p for c in xs for p in c) == sorted(p for c in ys for p in c)


def test_eu_council_double_majority_is_not_weighted():
    eu = co.datasets.eu_council()
    result = co.weighted_representation(eu)
    assert result.method == "trade-search" and result.value is False and result.exact
    _check_trade(eu, result)


def test_trade_search_agrees_with_the_integer_program():
    """On double majorities small enough for the exact test, a trade found means not
    weighted (and the search finds one for most of those the program rejects)."""
    rng = np.random.default_rng(5)
    rejected = found = 0
    for _ in range(20):
        n = int(rng.integers(6, 13))
        heads = co.WeightedVotingGame(int(rng.integers(n // 2, n)), [1] * n)
        weights = [int(w) for w in rng.integers(1, 100, size=n)]
        game = heads & co.WeightedVotingGame(int(sum(weights) * 0.6) + 1, weights)
        exact = co.weighted_representation(game, method="integer-lp")
        rejected += not exact.value
        try:
            searched = co.weighted_representation(game, method="trade-search")
        except co.TooLargeError:
            continue
        found += 1
        assert not exact.value
        _check_trade(game, searched)
    assert found >= rejected // 2 > 0


def test_trade_search_says_when_it_finds_nothing():
    weighted = co.WeightedVotingGame(11, [1] * 21)
    with pytest.raises(co.TooLargeError, match="proves nothing"):
        co.weighted_representation(weighted, method="trade-search")


def test_large_weighted_games_answer_with_their_own_weights():
    body = co.WeightedVotingGame(2 * 501, [2] * 1000)
    result = co.weighted_representation(body)
    assert result.value and result.method == "as-given"
    assert result.weights == (1,) * 1000 and result.quota == 501
