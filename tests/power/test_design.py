"""The Jagiellonian compromise: the all-quotas generating function against Banzhaf indices
computed one quota at a time, the chosen quota against a search over every quota, the
formula's quota never better than the search's, and bad input refused."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, TooLargeError


def _banzhaf(weights, quota):
    game = co.WeightedVotingGame(quota, list(weights))
    return [Fraction(v) for v in co.banzhaf_index(game).x]


@settings(max_examples=25, deadline=None)
@given(populations=st.lists(st.integers(1, 400), min_size=2, max_size=6))
def test_the_best_quota_beats_every_other(populations):
    named = {f"m{i}": p for i, p in enumerate(populations)}
    design = co.jagiellonian_compromise(named)
    weights = design.weights
    assert weights == tuple(max(1, round(math.sqrt(p))) for p in populations)
    total = sum(weights)
    target = np.array(weights) / total
    assert design.x.tolist() == _banzhaf(weights, design.quota)
    for quota in range(total // 2 + 1, total + 1):
        beta = np.array([float(v) for v in _banzhaf(weights, quota)])
        assert design.distance <= np.sqrt(((beta - target) ** 2).sum()) + 1e-12
    assert design.distance <= design.formula_distance + 1e-12


def test_eu_council_quota_is_near_the_formula():
    design = co.jagiellonian_compromise(co.datasets.eu_population(2020))
    assert abs(design.quota_share - design.formula_share) < 0.01
    # the square-root weights make every citizen count alike: power close to the weights
    assert design.distance < 0.01
    assert sum(design.x) == 1


@pytest.mark.parametrize(
    "populations",
    [
        {},
        {"a": 1},
        {"a": 0, "b": 1},
        {"a": -1, "b": 1},
        {"a": "x", "b": 1},
        {"a": float("nan"), "b": 1},
        [1, 2],
    ],
)
def test_bad_populations_are_refused(populations):
    with pytest.raises(InvalidArgumentError):
        co.jagiellonian_compromise(populations)


def test_sizes():
    with pytest.raises(TooLargeError):
        co.jagiellonian_compromise({f"m{i}": 1 for i in range(61)})
    with pytest.raises(TooLargeError, match="thousands"):
        co.jagiellonian_compromise({"a": 10**14, "b": 10**14})
