"""Hypothesis generators of games, shared by the test modules."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

import coalitions as co


@st.composite
def float_games(draw, min_players: int = 1, max_players: int = 6):
    n = draw(st.integers(min_players, max_players))
    values = draw(st.lists(st.floats(-100, 100, allow_nan=False, width=64),
                           min_size=(1 << n) - 1, max_size=(1 << n) - 1))
    return co.TUGame(np.array([0.0, *values]))


@st.composite
def exact_games(draw, min_players: int = 1, max_players: int = 6):
    n = draw(st.integers(min_players, max_players))
    values = draw(st.lists(st.fractions(min_value=-20, max_value=20, max_denominator=12),
                           min_size=(1 << n) - 1, max_size=(1 << n) - 1))
    return co.TUGame([Fraction(0), *values])


def games(min_players: int = 1, max_players: int = 6):
    return st.one_of(float_games(min_players, max_players), exact_games(min_players, max_players))


@st.composite
def games_with_structure(draw, min_players: int = 1, max_players: int = 5):
    """``(game, unions, edges)``: a float or exact game, a partition of its players into
    unions (lists of indices) and a communication graph (index pairs)."""
    game = draw(games(min_players, max_players))
    n = game.n_players
    labels = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    unions: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        unions.setdefault(label, []).append(i)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    return game, list(unions.values()), edges


@st.composite
def weighted_bodies(draw, min_players: int = 1, max_players: int = 7, max_weight: int = 12):
    """``(quota, weights)`` of a weighted voting game whose grand coalition wins."""
    weights = draw(st.lists(st.integers(0, max_weight), min_size=min_players,
                            max_size=max_players).filter(lambda w: sum(w) > 0))
    quota = draw(st.integers(1, sum(weights)))
    return quota, weights


@st.composite
def claims_problems(draw, max_claimants: int = 6):
    """``(estate, claims)`` with rational (or float) claims and 0 <= estate <= sum."""
    exact = draw(st.booleans())
    numbers = (st.fractions(min_value=0, max_value=60, max_denominator=8) if exact else
               st.integers(0, 60).map(float))
    claims = draw(st.lists(numbers, min_size=1, max_size=max_claimants))
    total = sum(claims)
    share = draw(st.sampled_from([0, 1, Fraction(1, 2)]) | st.fractions(0, 1, max_denominator=50))
    estate = total * share if exact else float(total) * float(share)
    return estate, claims
