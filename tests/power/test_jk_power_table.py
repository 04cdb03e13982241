"""``coalitions.power.jk.jk_power_table``: the (j,k) measures in one table (issue 14, item 7,
the library call behind ``coalitions power jk`` and the (j,k) game files).

* its columns are :func:`jk_shapley_shubik` and :func:`jk_banzhaf` (normalised and absolute);
* its ``power_to_act`` (the expected output as a share of its range) equals a literal brute
  force over every profile, from the weights and quotas alone;
* reductions: a (3,2) game gives the ternary table of the same rule, a (2,2) game Coleman's
  power to act of the simple game.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from strategies import weighted_jk_games

import coalitions as co
from coalitions.exceptions import InvalidArgumentError
from coalitions.power.jk import jk_banzhaf, jk_power_table, jk_shapley_shubik


def brute_expected_output(game, alpha=None):
    """``sum_x (alpha(v(x)) - alpha_0) / (j**n (alpha_{k-1} - alpha_0))`` over every profile."""
    k = len(game.quotas) + 1
    alpha = list(range(k)) if alpha is None else alpha
    total, count = Fraction(0), 0
    for profile in itertools.product(range(game.n_levels), repeat=game.n_players):
        weight = sum(Fraction(row[a]) for row, a in zip(game.weights, profile))
        level = sum(weight >= q for q in game.quotas)
        total += alpha[level] - alpha[0]
        count += 1
    return total / (count * (alpha[-1] - alpha[0]))


@settings(max_examples=20, deadline=None)
@given(weighted_jk_games(max_n=4, max_levels=3, max_outputs=3))
def test_the_columns_are_the_measures_and_the_expected_output_is_brute_force(game):
    table = jk_power_table(game)
    assert table.indices["shapley-shubik"].tolist() == jk_shapley_shubik(game).x.tolist()
    assert table.indices["banzhaf"].tolist() == jk_banzhaf(game).x.tolist()
    assert table.indices["banzhaf-absolute"].tolist() == (
        jk_banzhaf(game, normalized=False).x.tolist()
    )
    assert table.power_to_act == brute_expected_output(game)
    assert table.exact and table.method == "exact" and table.concept == "jk-power-table"
    assert jk_power_table(game, method="enumeration").indices.keys() == table.indices.keys()


def test_output_values_weight_the_expected_output():
    committee = co.WeightedJKGame([[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3])
    table = jk_power_table(committee, output_values=[0, 3, 4, 5])
    assert table.power_to_act == brute_expected_output(committee, [0, 3, 4, 5])
    assert table.indices["shapley-shubik"].tolist() == (
        jk_shapley_shubik(committee, output_values=[0, 3, 4, 5]).x.tolist()
    )


@pytest.mark.parametrize("quota", [1, 3, 5])
def test_a_3_2_game_gives_the_ternary_table(quota):
    yes, abstain = [3, 2, 1], [1, 1, 0]
    ternary = co.WeightedTernaryGame(quota, yes=yes, abstain=abstain)
    jk = co.WeightedJKGame([[0, a, y] for a, y in zip(abstain, yes)], [quota])
    expected, table = co.ternary_power_table(ternary), jk_power_table(jk)
    for name in ("shapley-shubik", "banzhaf", "banzhaf-absolute"):
        assert table.indices[name].tolist() == expected.indices[name].tolist()
    assert table.power_to_act == expected.power_to_act


def test_a_2_2_game_gives_colemans_power_to_act():
    jk = co.WeightedJKGame([[0, 4], [0, 4], [0, 4], [0, 2], [0, 2], [0, 1]], [12])
    eec = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])
    assert jk_power_table(jk).power_to_act == co.coleman_power_to_act(eec).value
    assert jk_power_table(jk).indices["banzhaf"].tolist() == co.banzhaf_index(eec).x.tolist()


def test_a_bad_method_names_the_choices():
    with pytest.raises(InvalidArgumentError, match="bdd"):
        jk_power_table(co.WeightedJKGame([[0, 1]], [1]), method="bdd")
