"""Every single-valued concept against a brute-force oracle that shares no code with it.

The oracles (``tests/oracles.py``) follow the textbook definitions in exact arithmetic:
averages over orders for the Shapley and Owen values, depth-first search for the components
of the Myerson game, maxima over coalitions for minimal rights, piecewise-linear solving for
the claims rules. Exact games are compared exactly, float games within a tolerance scaled to
their worths.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import oracles as orc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import claims_problems, exact_games, games, games_with_structure

import coalitions as co


def assert_matches(result, expected, game_or_scale):
    """``result`` (a vector) equals the exact ``expected``: exactly for exact results,
    within 1e-9 of the largest worth for floats."""
    got = list(getattr(result, "x", result))
    assert len(got) == len(expected)
    if all(isinstance(v, Fraction) for v in got):
        assert got == expected
        return
    if isinstance(game_or_scale, (int, float)):
        scale = game_or_scale
    else:
        scale = max([1.0] + [abs(float(v)) for v in game_or_scale.values])
    assert np.allclose(
        [float(v) for v in got], [float(v) for v in expected], rtol=0, atol=1e-9 * scale * 8
    )


def names(game, groups):
    return [[game.players[i] for i in group] for group in groups]


@given(games(1, 5), st.data())
def test_semivalue_matches_the_definition(game, data):
    weights = data.draw(
        st.lists(
            st.fractions(0, 1, max_denominator=9), min_size=game.n_players, max_size=game.n_players
        )
    )
    if game.kind == "float":
        weights = [float(w) for w in weights]
    assert_matches(co.semivalue(game, weights), orc.semivalue_by_definition(game, weights), game)


@given(games_with_structure(1, 5))
def test_owen_value_is_the_average_over_union_respecting_orders(case):
    game, unions, _ = case
    assert_matches(co.owen_value(game, names(game, unions)), orc.owen_by_orders(game, unions), game)


@given(games_with_structure(1, 5))
def test_banzhaf_owen_value_matches_the_definition(case):
    game, unions, _ = case
    assert_matches(
        co.banzhaf_owen_value(game, names(game, unions)),
        orc.banzhaf_owen_by_definition(game, unions),
        game,
    )


@given(games_with_structure(1, 5))
def test_myerson_value_and_graph_game_match_a_component_search(case):
    game, _, edges = case
    graph = [(game.players[a], game.players[b]) for a, b in edges]
    restricted = orc.graph_restricted_by_search(game, edges)
    assert_matches(co.graph_restricted_game(game, graph).values, restricted, game)
    assert_matches(co.myerson_value(game, graph), orc.shapley_by_orders(restricted), game)


@given(games(1, 5))
def test_utopia_minimal_rights_and_tau_match_the_definitions(game):
    assert_matches(co.utopia_payoffs(game), orc.utopia_by_definition(game), game)
    assert_matches(co.minimal_rights(game), orc.minimal_rights_by_definition(game), game)
    expected = orc.tau_by_definition(game)
    if game.kind == "exact":
        if expected is None:
            with pytest.raises(co.InvalidGameError, match="quasi-balanced"):
                co.tau_value(game)
        else:
            assert_matches(co.tau_value(game), expected, game)
    elif expected is not None:
        # float games at the quasi-balanced boundary may go either way within atol
        assert_matches(co.tau_value(game, atol=1e-7), expected, game)


@given(games(1, 5))
def test_gately_point_equalises_the_propensities_to_disrupt(game):
    expected = orc.gately_by_definition(game)
    gains = orc.utopia_by_definition(game)
    table, n = orc.exact_table(game)
    separable = sum(g - table[1 << i] for i, g in enumerate(gains))
    if expected is None or separable == 0:
        if game.kind == "exact":
            with pytest.raises(co.InvalidGameError, match="not defined"):
                co.gately_point(game)
        return
    if game.kind == "float":
        scale = max([1.0] + [abs(float(v)) for v in game.values]) * game.n_players
        try:
            point = co.gately_point(game)
        except co.InvalidGameError:
            # refused within rounding: a sum is zero relative to the worths added up
            surplus = table[-1] - sum(table[1 << i] for i in range(n))
            assert min(abs(separable), abs(surplus)) <= 1e-9 * scale
            return
    else:
        point = co.gately_point(game)
    assert_matches(point, expected, game)
    if game.kind == "exact":
        defined = [d for d in orc.propensities_by_definition(game, point.x) if d is not None]
        assert len(set(defined)) <= 1


def test_gately_point_of_an_inessential_game_is_refused():
    # v(N) = v(2) = 1 and the separable gains sum to -1: the only imputation is (0, 1, 0),
    # where every propensity is 0/0 (the closed form would still return it)
    game = co.TUGame([0, 0, 1, 1, 0, 2, 0, 1])
    assert orc.gately_by_definition(game) is None
    with pytest.raises(co.InvalidGameError, match="inessential"):
        co.gately_point(game)


@given(games(1, 5))
def test_egalitarian_rules_match_the_definitions(game):
    assert_matches(co.equal_division(game), orc.equal_division_by_definition(game), game)
    assert_matches(co.equal_surplus_division(game), orc.equal_surplus_by_definition(game), game)
    assert_matches(co.ensc_value(game), orc.ensc_by_definition(game), game)


@given(claims_problems())
def test_claims_rules_match_the_definitions(problem):
    estate, claims = problem
    scale = max([1.0] + [float(c) for c in claims])
    for rule, oracle in (
        (co.proportional_rule, orc.proportional_by_definition),
        (co.constrained_equal_awards, orc.cea_by_definition),
        (co.constrained_equal_losses, orc.cel_by_definition),
        (co.talmud_rule, orc.talmud_by_definition),
    ):
        assert_matches(rule(estate, claims), oracle(estate, claims), scale)


@settings(max_examples=25)
@given(exact_games(1, 4))
def test_shapley_oracles_agree_with_each_other(game):
    # the two oracle routes (orders and the subset formula) must agree before either checks
    n = game.n_players
    from math import factorial

    weights = [Fraction(factorial(s) * factorial(n - s - 1), factorial(n)) for s in range(n)]
    assert orc.shapley_by_orders(game) == orc.semivalue_by_definition(game, weights)
    assert orc.owen_by_orders(game, []) == orc.shapley_by_orders(game)
