"""Winning-coalition formation in voting games."""

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError
from coalitions.formation import (
    minimal_connected_winning_coalitions,
    minimal_winning_coalitions,
    minimum_weight_coalitions,
)


class DuckWeighted:
    """Stands in for the voting-power engineer's WeightedVotingGame."""

    def __init__(self, quota, weights, players):
        self.quota, self.weights, self.players = quota, tuple(weights), tuple(players)

    def is_winning(self, coalition):
        return sum(self.weights[self.players.index(p)] for p in coalition) >= self.quota


class OnlyOracle:
    def __init__(self, rule):
        self.rule = rule
        self.players = rule.players

    def is_winning(self, coalition):
        return self.rule.is_winning(coalition)


def _definition(quota, weights):
    n = len(weights)
    out = []
    for size in range(1, n + 1):
        for c in combinations(range(n), size):
            total = sum(weights[i] for i in c)
            if total >= quota and all(total - weights[i] < quota for i in c):
                out.append(tuple(str(i + 1) for i in c))
    return sorted(out, key=lambda c: (len(c), [int(p) for p in c]))


@settings(max_examples=50, deadline=None)
@given(weights=st.lists(st.integers(0, 9), min_size=1, max_size=8), data=st.data())
def test_minimal_winning_matches_definition(weights, data):
    total = sum(weights)
    if total == 0:
        return
    quota = data.draw(st.integers(1, total))
    result = minimal_winning_coalitions(quota, weights)
    assert list(result.coalitions) == _definition(quota, weights)
    duck = DuckWeighted(quota, weights, [str(i + 1) for i in range(len(weights))])
    assert minimal_winning_coalitions(duck).coalitions == result.coalitions
    assert minimal_winning_coalitions(OnlyOracle(duck)).coalitions == result.coalitions
    riker = minimum_weight_coalitions(quota, weights)
    smallest = min(result.weights)
    assert set(riker.coalitions) == {
        c for c, w in zip(result.coalitions, result.weights) if w == smallest
    }


def test_unsc_minimal_winning_coalitions():
    players = [f"P{i}" for i in range(5)] + [f"E{i}" for i in range(10)]
    weights = [7] * 5 + [1] * 10
    result = minimal_winning_coalitions(39, weights, players=players)
    # The five permanent members and exactly four elected members.
    assert len(result) == 210
    assert all(len(c) == 9 and all(f"P{i}" in c for i in range(5)) for c in result.coalitions)
    assert set(result.weights) == {39}


def test_fraction_weights_and_simple_tugame():
    result = minimal_winning_coalitions(
        Fraction(1, 2), [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    )
    assert len(result) == 3 and result.weights[0] == Fraction(2, 3)
    assert result.quota == Fraction(1, 2)
    majority = co.majority_game(["a", "b", "c"])
    assert minimal_winning_coalitions(majority).coalitions == (("a", "b"), ("a", "c"), ("b", "c"))
    assert minimum_weight_coalitions(majority).weights == ()


def test_axelrod_connected_coalitions():
    players = ["A", "B", "C", "D", "E"]
    weights = [20, 35, 10, 30, 5]
    result = minimal_connected_winning_coalitions(51, weights, players=players)
    assert result.coalitions == (("A", "B"), ("B", "C", "D"))
    assert result.weights == (55, 75)
    # Along another order the answer changes.
    other = minimal_connected_winning_coalitions(
        51, weights, players=players, order=["B", "D", "A", "C", "E"]
    )
    assert other.coalitions == (("B", "D"), ("D", "A", "C"))


@settings(max_examples=40, deadline=None)
@given(weights=st.lists(st.integers(1, 9), min_size=1, max_size=8), data=st.data())
def test_connected_winning_are_intervals_and_minimal(weights, data):
    quota = data.draw(st.integers(1, sum(weights)))
    result = minimal_connected_winning_coalitions(quota, weights)
    names = [str(i + 1) for i in range(len(weights))]
    expected = []
    for a in range(len(weights)):
        for b in range(a, len(weights)):
            total = sum(weights[a : b + 1])
            if total >= quota and (
                a == b or (total - weights[a] < quota and total - weights[b] < quota)
            ):
                expected.append(tuple(names[a : b + 1]))
    assert list(result.coalitions) == expected


def test_errors():
    with pytest.raises(InvalidGameError, match="quota"):
        minimal_winning_coalitions(0, [1, 2])
    with pytest.raises(InvalidGameError, match="quota"):
        minimal_winning_coalitions(10, [1, 2])
    with pytest.raises(InvalidGameError, match="non-negative"):
        minimal_winning_coalitions(1, [1, -2])
    with pytest.raises(InvalidGameError, match="one name per weight"):
        minimal_winning_coalitions(1, [1, 2], players=["a"])
    with pytest.raises(InvalidGameError, match="needs a simple game"):
        minimal_winning_coalitions("x")
    with pytest.raises(InvalidGameError, match="simple"):
        minimal_winning_coalitions(co.TUGame([0, 2]))
    with pytest.raises(InvalidGameError, match="every player exactly once"):
        minimal_connected_winning_coalitions(2, [1, 2], order=["1"])
    with pytest.raises(TooLargeError):
        minimal_winning_coalitions(13, np.ones(25, dtype=int).tolist())


# --- large and huge bodies (issue 11, item 3) ---------------------------------------------


class _SumOracle:
    """A voting game known only through is_winning: the brute-force reference."""

    def __init__(self, quota, weights, players):
        self.quota, self.weights, self.players = quota, list(weights), list(players)

    def is_winning(self, coalition):
        return sum(self.weights[self.players.index(p)] for p in coalition) >= self.quota


def test_huge_integer_weights_are_exact():
    big = 10**30
    weights, names = [big, big, big + 1, 1], ["A", "B", "C", "D"]
    got = minimal_winning_coalitions(2 * big + 1, weights, players=names)
    want = minimal_winning_coalitions(_SumOracle(2 * big + 1, weights, names), players=names)
    assert got.coalitions == want.coalitions == (("A", "C"), ("B", "C"), ("A", "B", "D"))
    assert got.weights == (2 * big + 1, 2 * big + 1, 2 * big + 1)


def test_large_weighted_bodies_without_the_table():
    big = 10**18
    players = [f"p{k}" for k in range(193)]
    result = minimal_winning_coalitions(5 * big + 1, [big] * 5 + [1] * 188, players=players)
    assert len(result.coalitions) == 188 and all(len(c) == 6 for c in result.coalitions)
    assert (
        minimum_weight_coalitions(5 * big + 1, [big] * 5 + [1] * 188, players=players).coalitions
        == result.coalitions
    )
    with pytest.raises(TooLargeError, match="too many to list"):
        minimal_winning_coalitions(97, [1] * 193)


def test_connected_coalitions_of_long_lines_agree_with_the_is_winning_path():
    rng = np.random.default_rng(3)
    weights = [int(v) for v in rng.integers(1, 10**9, 150)]
    weights = [w * 10**11 + 7 for w in weights]  # beyond int64 in total
    names = [f"p{k}" for k in range(150)]
    order = list(rng.permutation(names))
    quota = sum(weights) // 3
    fast = minimal_connected_winning_coalitions(quota, weights, players=names, order=order)
    slow = minimal_connected_winning_coalitions(
        _SumOracle(quota, weights, names), players=names, order=order
    )
    assert fast.coalitions == slow.coalitions and fast.coalitions


def test_connected_coalitions_of_a_1000_member_line():
    rng = np.random.default_rng(4)
    weights = [int(v) * 10**11 + 3 for v in rng.integers(1, 10**9, 1000)]
    quota = sum(weights) // 2 + 1
    found = minimal_connected_winning_coalitions(quota, weights)
    for coalition, weight in zip(found.coalitions, found.weights):
        members = [weights[int(p) - 1] for p in coalition]
        assert [int(p) for p in coalition] == list(range(int(coalition[0]), int(coalition[-1]) + 1))
        assert weight == sum(members) >= quota
        assert sum(members[1:]) < quota and sum(members[:-1]) < quota
    assert len(found.coalitions) > 100
