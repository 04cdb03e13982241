"""Every power index of a weighted voting game against its definition, by enumeration.

The oracles (``tests/oracles.py``) list the winning coalitions from the weights with a plain
predicate and count swings, orders, minimal winning coalitions and agreements directly, so
they share no code with the generating functions, meet-in-the-middle and float engines.
Bodies past enumeration (25-100 members) are checked against an exact subset-counting
recursion written independently of the engines.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import oracles as orc
import pytest
from hypothesis import given, settings
from strategies import weighted_bodies

import coalitions as co


def winning(quota, weights):
    n = len(weights)
    return orc.winning_masks(n, lambda members: sum(weights[i] for i in members) >= quota)


def exactly(result):
    return list(result.x)


@given(weighted_bodies(1, 7))
def test_every_index_matches_its_definition(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    n, win = len(weights), winning(quota, weights)
    assert exactly(co.shapley_shubik_index(game)) == orc.shapley_shubik_by_orders(n, win)
    assert exactly(co.banzhaf_index(game)) == orc.banzhaf_index_by_definition(
        n, win, normalized=True
    )
    assert exactly(co.banzhaf_index(game, normalized=False)) == orc.banzhaf_index_by_definition(
        n, win, normalized=False
    )
    assert exactly(co.coleman_power_to_prevent(game)) == orc.coleman_prevent_by_definition(n, win)
    assert exactly(co.coleman_power_to_initiate(game)) == orc.coleman_initiate_by_definition(n, win)
    assert co.coleman_power_to_act(game).value == orc.coleman_act_by_definition(n, win)
    assert exactly(co.rae_index(game)) == orc.rae_by_definition(n, win)
    assert exactly(co.johnston_index(game)) == orc.johnston_by_definition(n, win)
    assert exactly(co.deegan_packel_index(game)) == orc.deegan_packel_by_definition(n, win)
    assert exactly(co.holler_index(game)) == orc.holler_by_definition(n, win)
    # risk of being outvoted: P(the body says yes | i says no), the others voting at random
    risk = [Fraction(sum(1 for m in win if not m >> i & 1), 2 ** (n - 1)) for i in range(n)]
    assert exactly(co.risk_of_being_outvoted(game)) == risk


@settings(max_examples=30)
@given(weighted_bodies(1, 7))
def test_every_engine_agrees_with_the_definitions(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    n, win = len(weights), winning(quota, weights)
    ss_truth = orc.shapley_shubik_by_orders(n, win)
    bz_truth = orc.banzhaf_index_by_definition(n, win, normalized=False)
    for method in ("exact", "float", "mitm", "enumeration"):
        ss = co.shapley_shubik_index(game, method=method)
        bz = co.banzhaf_index(game, normalized=False, method=method)
        if ss.exact:
            assert exactly(ss) == ss_truth and exactly(bz) == bz_truth, method
        else:
            assert np.allclose(ss.x, [float(v) for v in ss_truth], rtol=1e-12, atol=1e-15)
            assert np.allclose(bz.x, [float(v) for v in bz_truth], rtol=1e-12, atol=1e-15)


@given(weighted_bodies(1, 6))
def test_indices_of_a_simple_game_from_its_minimal_winning_coalitions(body):
    # the same body given only through its minimal winning coalitions (no weights)
    quota, weights = body
    n, win = len(weights), winning(quota, weights)
    names = [str(i + 1) for i in range(n)]
    minimal = [
        [names[i] for i in range(n) if m >> i & 1]
        for m in orc.minimal_winning_by_definition(n, win)
    ]
    game = co.SimpleGame(names, minimal_winning=minimal)
    assert exactly(co.shapley_shubik_index(game)) == orc.shapley_shubik_by_orders(n, win)
    assert exactly(co.banzhaf_index(game)) == orc.banzhaf_index_by_definition(
        n, win, normalized=True
    )
    assert exactly(co.johnston_index(game)) == orc.johnston_by_definition(n, win)
    assert exactly(co.deegan_packel_index(game)) == orc.deegan_packel_by_definition(n, win)
    assert exactly(co.holler_index(game)) == orc.holler_by_definition(n, win)


@given(weighted_bodies(2, 6))
def test_owen_and_banzhaf_owen_indices_match_the_definitions(body):
    quota, weights = body
    n, win = len(weights), winning(quota, weights)
    table = [1 if m in win else 0 for m in range(1 << n)]
    unions = [list(range(0, n, 2)), list(range(1, n, 2))]
    game = co.WeightedVotingGame(quota, weights)
    named = [[game.players[i] for i in u] for u in unions]
    assert exactly(co.owen_index(game, named)) == orc.owen_by_orders(table, unions)
    assert exactly(co.banzhaf_owen_index(game, named)) == orc.banzhaf_owen_by_definition(
        table, unions
    )


@pytest.mark.parametrize("n", [25, 40, 64])
def test_large_bodies_match_an_independent_counting_recursion(n):
    rng = np.random.default_rng(n)
    weights = [int(w) for w in rng.integers(1, 30, n)]
    quota = sum(weights) // 2 + 1
    game = co.WeightedVotingGame(quota, weights)
    swings, ss = orc.weighted_counts_by_recursion(quota, weights, shapley=n <= 40)
    assert exactly(co.banzhaf_index(game, normalized=False)) == [
        Fraction(s, 2 ** (n - 1)) for s in swings
    ]
    if ss is not None:
        assert exactly(co.shapley_shubik_index(game)) == ss
    wins = orc.weighted_winning_count(quota, weights)
    assert co.coleman_power_to_act(game).value == Fraction(wins, 2**n)
