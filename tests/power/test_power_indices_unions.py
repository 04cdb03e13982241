"""`power_indices(game, unions=...)`: the table of indices with a priori unions is each
index's own front door, column by column; its defaults and refusals."""

from __future__ import annotations

import pytest

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError

GAME = co.WeightedVotingGame(6, [4, 3, 2, 1], ["A", "B", "C", "D"])
UNIONS = [["A", "D"], ["B", "C"]]


def test_every_column_is_the_index_itself():
    table = co.power_indices(GAME, ["all"], unions=UNIONS)
    expected = {
        "owen": co.owen_index(GAME, UNIONS),
        "banzhaf-owen": co.banzhaf_owen_index(GAME, UNIONS, normalized=True),
        "symmetric-coalitional-banzhaf": co.symmetric_coalitional_banzhaf_index(
            GAME, UNIONS, normalized=True
        ),
        "union-public-good": co.union_public_good_index(GAME, UNIONS),
        "solidarity-public-good": co.solidarity_public_good_index(GAME, UNIONS),
        **{
            f"threat-public-good-{k}": co.threat_public_good_index(GAME, UNIONS, threat=k)
            for k in (1, 2, 3)
        },
    }
    assert list(table.indices) == list(expected)
    for name, result in expected.items():
        assert table.indices[name].tolist() == result.x.tolist(), name
    assert table.power_to_act == co.coleman_power_to_act(GAME).value and table.exact


def test_defaults_and_refusals():
    assert list(co.power_indices(GAME, unions=UNIONS).indices) == ["owen", "banzhaf-owen"]
    assert list(co.power_indices(GAME).indices) == ["shapley-shubik", "banzhaf"]
    with pytest.raises(InvalidArgumentError, match="unknown index with unions 'holler'"):
        co.power_indices(GAME, ["holler"], unions=UNIONS)
    with pytest.raises(InvalidGameError, match="unknown player 'Z'"):
        co.power_indices(GAME, unions=[["A", "Z"]])


@pytest.mark.parametrize("unions", [None, UNIONS])
def test_an_empty_list_and_all_beside_names_are_refused(unions):
    with pytest.raises(InvalidArgumentError, match="at least one index name"):
        co.power_indices(GAME, [], unions=unions)
    with pytest.raises(InvalidArgumentError, match="'all' stands alone"):
        co.power_indices(GAME, ["all", "owen" if unions else "holler"], unions=unions)
