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
