"""Exact counts by composition (players of equal weight are interchangeable) against two
oracles that share no code with them: brute force over all coalitions for small bodies, and the
generating-function table (the engine's other exact path) for bodies of up to 130 members.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from _power_oracle import swings_by_size
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.power import _engines as engines


@st.composite
def few_weight_classes(draw, max_players=130):
    """A weighted game whose weights come from at most three values (0 included)."""
    values = draw(st.lists(st.integers(0, 40), min_size=1, max_size=3, unique=True))
    n = draw(st.integers(1, max_players))
    weights = draw(st.lists(st.sampled_from(values), min_size=n, max_size=n))
    if not any(weights):
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedVotingGame(quota, weights)


def _table_counts(game, by_size):
    """The generating-function counts (compositions switched off)."""
    saved = engines.MAX_COMPOSITIONS
    engines.MAX_COMPOSITIONS = -1
    try:
        return engines._exact_counts(game, by_size)
    finally:
        engines.MAX_COMPOSITIONS = saved


@settings(max_examples=80, deadline=None)
@given(few_weight_classes(), st.booleans())
def test_composition_counts_equal_the_generating_function_counts(game, by_size):
    table = _table_counts(game, by_size)
    counts = engines._composition_counts(game.int_weights, game.int_quota, game.n_players, by_size)
    if by_size:
        assert np.array_equal(
            np.asarray(counts.swings_by_size, dtype=object),
            np.asarray(table.swings_by_size, dtype=object),
        )
        assert list(counts.winning_by_size) == list(table.winning_by_size)
    else:
        assert counts.swings() == table.swings()
        assert counts.winning() == table.winning()


@settings(max_examples=60, deadline=None)
@given(few_weight_classes(max_players=9))
def test_composition_counts_equal_brute_force(game):
    counts = engines._composition_counts(game.int_weights, game.int_quota, game.n_players, True)
    swings, _ = swings_by_size(game)
    assert [[int(v) for v in row] for row in counts.swings_by_size] == swings
    winning = sum(1 for m in range(1 << game.n_players) if game.is_winning(m))
    assert counts.winning() == winning


def test_a_body_of_1000_equal_members_is_counted_by_composition():
    game = co.WeightedVotingGame(501, [1] * 1000)
    assert engines._composition_count(game.int_weights) == 1001
    # by symmetry every member has 1/1000 of the power, and the Banzhaf swings of a member
    # are the coalitions of exactly 500 of the other 999: C(999, 500)
    assert co.shapley_shubik_index(game, method="exact").x.tolist() == [Fraction(1, 1000)] * 1000
    counts = engines._exact_counts(game, False)
    assert counts.swings() == [math.comb(999, 500)] * 1000
