"""Game properties against their definitions, at sizes where the fast paths switch on."""

from __future__ import annotations

import oracles as orc
from hypothesis import given, settings
from strategies import games_with_twins

import coalitions as co


@settings(max_examples=30)
@given(games_with_twins())
def test_symmetric_pairs_match_the_definition(game):
    expected = [
        (game.players[i], game.players[j]) for i, j in orc.symmetric_pairs_by_definition(game)
    ]
    assert co.symmetric_pairs(game) == expected
