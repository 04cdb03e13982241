"""Huge and unusual weights: populations in persons, 1e18 as int or float, huge beside tiny
(issue 11, item 4). ``method="auto"`` finds a method that works, every method that is refused
names methods that do work, and every answer is exact and checked against an oracle that
shares no code with the engine (brute force, the Shapley value of the 0/1 TU game, closed
forms, or the same game written with small weights)."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np
import pytest
from _power_oracle import shapley_shubik_by_permutations, swings_by_size
from hypothesis import given, settings
from strategies import huge_weight_games

import coalitions as co
from coalitions.exceptions import TooLargeError
from coalitions.power import _engines as engines

BIG = 10**18
METHODS = ("auto", "exact", "bdd", "float", "mitm", "enumeration")


def _brute_banzhaf(game):
    swings, _ = swings_by_size(game)
    return [sum(row) for row in swings]


# ------------------------------------------------ small n against brute force
SMALL_GAMES = [
    # the example: three weights near 1e18, no common divisor
    (2 * BIG, [BIG, BIG + 1, 2 * BIG]),
    # 1e18 as floats (exactly the decimals written)
    (2.5e18, [1e18, 1.5e18, 2e18]),
    (1.0000000000000001e18, [1e18, 1e18, 1.0000000000000002e18]),
    # huge beside tiny
    (BIG + 4, [BIG, 3, 5, BIG // 10]),
    (2 * BIG + 1, [BIG, BIG, 1, 1, 2**70]),
    # beyond 2**64 in total, odd values
    (3 * 2**63 + 5, [2**63 + 1, 2**63 + 3, 2**63 + 7, 9, 2]),
]


@pytest.mark.parametrize("quota, weights", SMALL_GAMES)
def test_auto_is_exact_on_huge_weights(quota, weights):
    game = co.WeightedVotingGame(quota, weights)
    ss = co.shapley_shubik_index(game)
    assert ss.exact and list(ss.x) == shapley_shubik_by_permutations(game)
    assert list(ss.x) == list(co.shapley_value(game.to_tu_game()).x)
    bz = co.banzhaf_index(game, normalized=False)
    assert bz.exact and list(bz.counts) == _brute_banzhaf(game)
    act = co.coleman_power_to_act(game)
    assert act.winning == sum(game.is_winning(m) for m in range(2**game.n_players))


@pytest.mark.parametrize("quota, weights", SMALL_GAMES)
@pytest.mark.parametrize("method", METHODS)
def test_every_method_is_exact_or_refused_naming_one_that_works(quota, weights, method):
    game = co.WeightedVotingGame(quota, weights)
    expected = shapley_shubik_by_permutations(game)
    try:
        result = co.shapley_shubik_index(game, method=method)
    except TooLargeError as error:
        named = _named_methods(str(error))
        assert named and method not in named, str(error)
        for other in named:
            assert list(co.shapley_shubik_index(game, method=other).x) == expected
        return
    if result.exact:
        assert list(result.x) == expected
    else:
        assert np.allclose(
            [float(v) for v in result.x], [float(v) for v in expected], rtol=1e-12, atol=1e-15
        )


def _named_methods(message: str) -> list[str]:
    return re.findall(r"method='(\w+)'", message.split("; ", 1)[-1])


def test_float_weights_given_as_round_decimals_are_reduced():
    # 1e18, 1.5e18, 2e18 with quota 2.5e18 is [5; 2, 3, 4]
    game = co.WeightedVotingGame(2.5e18, [1e18, 1.5e18, 2e18])
    small = co.WeightedVotingGame(5, [2, 3, 4])
    assert engines.reduced(game) == small
    assert list(co.shapley_shubik_index(game, method="float").x) == pytest.approx(
        [1 / 3] * 3, rel=1e-13
    )


# ------------------------------------------------ properties on random mixed scales
@settings(max_examples=60, deadline=None)
@given(huge_weight_games())
def test_decision_diagram_matches_enumeration(game):
    brute_swings, brute_winning = swings_by_size(game)
    counts = engines._cached_counts(engines.reduced(game), "bdd", True)
    assert counts.swings_by_size.tolist() == brute_swings
    assert counts.winning() == brute_winning
    for method in ("auto", "bdd", "enumeration"):
        assert list(co.shapley_shubik_index(game, method=method).x) == list(
            co.shapley_value(game.to_tu_game()).x
        )
        assert co.banzhaf_index(game, method=method, normalized=False).counts == tuple(
            sum(row) for row in brute_swings
        )


# ------------------------------------------------ n = 20, 27: the exact Shapley value, EU
@pytest.mark.slow
def test_twenty_huge_weights_against_the_tu_shapley_value():
    rng = np.random.default_rng(20)
    weights = [
        int(v) * 10**9 + int(u)
        for v, u in zip(rng.integers(10**8, 10**9, 20), rng.integers(0, 10**9, 20))
    ]
    game = co.WeightedVotingGame(sum(weights) * 2 // 3, weights)
    ss = co.shapley_shubik_index(game)
    assert ss.exact and ss.method == "bdd"
    assert list(ss.x) == list(co.shapley_value(game.to_tu_game()).x)
    assert sum(weights) >= 2**60  # so meet in the middle is refused ...
    with pytest.raises(TooLargeError, match="method='bdd' or method='enumeration'"):
        co.banzhaf_index(game, method="mitm")
    # ... and the enumeration of all 2**20 coalitions (exact limb sums) is the oracle
    assert co.banzhaf_index(game).counts == co.banzhaf_index(game, method="enumeration").counts


def test_eu_populations_in_persons_every_exact_method_agrees():
    populations = co.datasets.eu_population()
    weights = list(populations.values())
    game = co.WeightedVotingGame(math.ceil(0.65 * sum(weights)), weights, list(populations))
    results = {m: co.shapley_shubik_index(game, method=m) for m in ("auto", "bdd", "mitm")}
    assert results["auto"].exact and results["auto"].method == "bdd"
    assert list(results["bdd"].x) == list(results["mitm"].x) == list(results["auto"].x)
    assert sum(results["auto"].x) == 1
    # the same populations in units of 10**-12 persons: beyond 2**60, only the diagram (or the
    # gcd) can count; the gcd makes it the same game, and an offset of one unit breaks it
    scaled = co.WeightedVotingGame(game.int_quota * 10**12, [w * 10**12 for w in weights])
    assert list(co.shapley_shubik_index(scaled).x) == list(results["auto"].x)
    nudged = co.WeightedVotingGame(game.int_quota * 10**12, [w * 10**12 + 1 for w in weights])
    with pytest.raises(TooLargeError, match="method='bdd'"):
        co.shapley_shubik_index(nudged, method="mitm")
    # 27 ones of offset cannot reach the 10**12 gap to the next coalition weight, so the nudged
    # game is the same game too (an oracle by construction, not by the engine)
    assert list(co.shapley_shubik_index(nudged).x) == list(results["auto"].x)


# ------------------------------------------------ n = 64, 193: huge beside tiny
def _small_equivalent(big_count, small_count, extra):
    """[big_count * B + extra; B x big_count, 1 x small_count] with B huge is the game with
    B replaced by small_count + 1 (the small members never add up to one big member)."""
    unit = small_count + 1
    return co.WeightedVotingGame(big_count * unit + extra, [unit] * big_count + [1] * small_count)


@pytest.mark.parametrize("big_count, small_count, extra", [(5, 59, 4), (5, 188, 4), (3, 190, 96)])
def test_huge_members_beside_tiny_ones_at_64_and_193(big_count, small_count, extra):
    huge = co.WeightedVotingGame(big_count * BIG + extra, [BIG] * big_count + [1] * small_count)
    small = _small_equivalent(big_count, small_count, extra)
    for index in (
        co.shapley_shubik_index,
        co.banzhaf_index,
        co.coleman_power_to_prevent,
        co.risk_of_being_outvoted,
    ):
        got, want = index(huge), index(small, method="exact")
        assert got.exact and list(got.x) == list(want.x)
    assert co.coleman_power_to_act(huge).value == co.coleman_power_to_act(small).value
    assert co.power.veto_players(huge) == list(huge.players[:big_count])
    assert co.is_proper(huge) == co.is_proper(small)


def test_the_security_council_with_huge_weights_keeps_its_closed_form():
    unsc = co.WeightedVotingGame(5 * BIG + 4, [BIG] * 5 + [1] * 10)
    ss = co.shapley_shubik_index(unsc)
    assert ss.x[0] == Fraction(421, 2145) and ss.x[5] == Fraction(4, 2145)
    assert co.coleman_power_to_act(unsc).value == Fraction(53, 2048)


def test_193_members_closed_form_of_a_symmetric_majority_with_huge_weights():
    game = co.WeightedVotingGame(97 * BIG, [BIG] * 193)
    assert set(co.shapley_shubik_index(game).x) == {Fraction(1, 193)}
    bz = co.banzhaf_index(game, normalized=False)
    assert set(bz.counts) == {math.comb(192, 96)}


def test_random_populations_of_193_members_are_refused_naming_the_sampler():
    rng = np.random.default_rng(193)
    weights = [int(v) for v in rng.integers(10**5, 10**9, 193)]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    with pytest.raises(TooLargeError, match="method='permutation'.*round the weights"):
        co.shapley_shubik_index(game)
    with pytest.raises(TooLargeError, match="method='sampling'"):
        co.banzhaf_index(game)
    for method in ("exact", "bdd", "float", "mitm", "enumeration"):
        with pytest.raises(TooLargeError, match="permutation"):
            co.shapley_shubik_index(game, method=method)
    # and the method it names does work
    estimate = co.shapley_shubik_index(game, method="permutation", budget=2000, rng=1)
    assert len(estimate.x) == 193 and abs(sum(estimate.x) - 1) < 1e-9


def test_the_eu_double_majority_in_units_beyond_2_to_the_60():
    # populations in 10**-12 persons: meet in the middle would overflow; each rule of the
    # compound game is reduced by its own gcd, so the answer is the Council's exactly
    eu = co.datasets.eu_council()
    states, people = eu.parts[0].parts
    scaled_people = co.WeightedVotingGame(
        people.int_quota * 10**12, [w * 10**12 for w in people.int_weights], eu.players
    )
    scaled = (states & scaled_people) | eu.parts[1]
    assert list(co.shapley_shubik_index(scaled).x) == list(co.shapley_shubik_index(eu).x)
