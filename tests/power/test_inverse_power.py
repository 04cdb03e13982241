"""The inverse power problem: the all-quotas evaluation against the library's indices one
quota at a time, the heuristic against an exhaustive search over every weighted game of four
players (de Keijzer, Klos and Zhang's exact method), targets that are themselves indices met
exactly, and bad input refused."""

import math
from fractions import Fraction

import numpy as np
import pytest
from _all_weighted_games import normalised_banzhaf, shapley_shubik, weighted_games
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, TooLargeError
from coalitions.power.inverse import _every_quota

INDICES = {"banzhaf": normalised_banzhaf, "shapley-shubik": shapley_shubik}


@settings(max_examples=20, deadline=None)
@given(
    weights=st.lists(st.integers(0, 6), min_size=2, max_size=5).filter(lambda w: sum(w) > 0),
    index=st.sampled_from(sorted(INDICES)),
)
def test_every_quota_at_once_equals_one_quota_at_a_time(weights, index):
    quotas, power = _every_quota(np.array(weights, dtype=np.int64), index)
    solve = co.banzhaf_index if index == "banzhaf" else co.shapley_shubik_index
    for k, q in enumerate(quotas):
        expected = [float(v) for v in solve(co.WeightedVotingGame(int(q), weights)).x]
        assert np.allclose(power[:, k], expected, atol=1e-12)


def _closest(target, index):
    """The exact optimum over every weighted game of four players."""
    return min(
        math.dist(INDICES[index](entry["table"]), target) for entry in weighted_games().values()
    )


@pytest.mark.parametrize("index", sorted(INDICES))
@pytest.mark.parametrize(
    "target", [(0.4, 0.3, 0.2, 0.1), (0.7, 0.1, 0.1, 0.1), (0.25, 0.25, 0.25, 0.25), (5, 3, 1, 1)]
)
def test_the_heuristic_against_the_exhaustive_optimum(target, index):
    found = co.inverse_power(list(target), index=index)
    goal = np.array(target, dtype=float) / sum(target)
    # the reported index and distance are those of the game returned
    table = np.asarray(co.WeightedVotingGame(found.quota, list(found.weights)).winning_table())
    assert np.allclose([float(v) for v in found.x], INDICES[index](table), atol=1e-12)
    assert found.distance == pytest.approx(math.dist([float(v) for v in found.x], goal), abs=1e-12)
    best = _closest(goal, index)
    assert found.distance >= best - 1e-12  # no game does better than the optimum
    assert found.distance <= best + 1e-9  # and on four members the heuristic finds it


@settings(max_examples=10, deadline=None)
@given(
    weights=st.lists(st.integers(1, 9), min_size=3, max_size=6),
    share=st.floats(0.5, 1.0),
    index=st.sampled_from(sorted(INDICES)),
)
def test_an_index_of_a_weighted_game_is_met(weights, share, index):
    game = co.WeightedVotingGame(max(1, math.ceil(share * sum(weights))), weights)
    solve = co.banzhaf_index if index == "banzhaf" else co.shapley_shubik_index
    target = [Fraction(v) for v in solve(game).x]
    found = co.inverse_power([float(v) for v in target], index=index)
    # the target is reachable: the search comes close (it is a heuristic, so not always 0)
    assert found.distance < 0.1
    assert sum(found.x) == 1 and found.n_evaluations <= 1000


def test_known_designs():
    # one member half the power, three a sixth each: [4; 2, 1, 1, 1] (Shapley-Shubik)
    found = co.inverse_power({"A": 3, "B": 1, "C": 1, "D": 1}, index="shapley-shubik")
    assert (found.weights, found.quota, found.distance) == ((2, 1, 1, 1), 4, 0.0)
    assert found.players == ("A", "B", "C", "D") and found.message.startswith("the target")
    # equal power: equal weights
    equal = co.inverse_power([1] * 5)
    assert equal.distance == 0 and len(set(equal.weights)) == 1
    # a null player gets weight zero
    null = co.inverse_power([1, 1, 0])
    assert null.distance == 0 and null.weights[2] == 0


@pytest.mark.parametrize(
    "target, options",
    [
        ([1], {}),
        ([], {}),
        ("abc", {}),
        (5, {}),
        ([0, 0], {}),
        ([-1, 2], {}),
        ([float("nan"), 1], {}),
        (["x", 1], {}),
        ([1, 2], {"players": ["a"]}),
        ({"a": 1, "b": 2}, {"players": ["a", "b"]}),
        ([1, 2], {"index": "holler"}),
        ([1, 2], {"total_weight": 1}),
        ([1, 2], {"total_weight": 2.5}),
        ([1, 2], {"budget": 0}),
    ],
)
def test_bad_input_is_refused(target, options):
    with pytest.raises(InvalidArgumentError):
        co.inverse_power(target, **options)


def test_sizes():
    with pytest.raises(TooLargeError):
        co.inverse_power([1] * 61)
    with pytest.raises(TooLargeError):
        co.inverse_power([1, 2], total_weight=10**6)


def test_a_mapping_target_names_the_members_and_refuses_players_beside_it():
    with pytest.raises(InvalidArgumentError, match="target is a mapping that names"):
        co.inverse_power({"a": 0.5, "b": 0.5}, players=["a", "b"])
