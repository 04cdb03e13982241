"""Game properties against their definitions, at sizes where the fast paths switch on."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
import oracles as orc


@st.composite
def games_with_twins(draw):
    """8- or 9-player games (the size-weighted fingerprint filter is on from 8 players) in
    which some players are symmetric: worths depend on coalition size and on how many
    members of each class it has."""
    n = draw(st.integers(8, 9))
    classes = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    worth = draw(st.lists(st.integers(-3, 3), min_size=(n + 1) ** 2, max_size=(n + 1) ** 2))
    masks = np.arange(1 << n)
    bits = (masks[:, None] >> np.arange(n)) & 1
    counts = [bits[:, [i for i in range(n) if classes[i] == c]].sum(axis=1) for c in range(2)]
    values = [worth[(a * (n + 1) + b) % len(worth)] for a, b in zip(*counts)]
    values[0] = 0
    if draw(st.booleans()):
        return co.TUGame(np.array(values, dtype=float))
    return co.TUGame(values)


@settings(max_examples=30)
@given(games_with_twins())
def test_symmetric_pairs_match_the_definition(game):
    expected = [(game.players[i], game.players[j])
                for i, j in orc.symmetric_pairs_by_definition(game)]
    assert co.symmetric_pairs(game) == expected
