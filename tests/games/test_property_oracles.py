"""Game properties against their definitions, at sizes where the fast paths switch on."""

from __future__ import annotations

from hypothesis import given, settings

import coalitions as co
import oracles as orc
from strategies import games_with_twins


@settings(max_examples=30)
@given(games_with_twins())
def test_symmetric_pairs_match_the_definition(game):
    expected = [(game.players[i], game.players[j])
                for i, j in orc.symmetric_pairs_by_definition(game)]
    assert co.symmetric_pairs(game) == expected
