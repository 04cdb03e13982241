"""Coalition formation against definitions that share no code with the solvers.

Optimal structures by recursive enumeration of partitions, Aumann-Dreze values by averaging
orders inside each block, the structure core by an LP written here from its definition,
the four hedonic stability notions by listing every deviation, winning-coalition lists by
enumeration, and self-enforcing agreements against the closed form of MODELS.md 9.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import numpy as np
import oracles as orc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from strategies import exact_games, games, weighted_bodies

import coalitions as co
from coalitions.formation import (
    HedonicGame,
    agreement_stability,
    is_externally_stable,
    is_internally_stable,
    linear_quadratic_model,
    minimal_connected_winning_coalitions,
    minimal_winning_coalitions,
    minimum_weight_coalitions,
)


@st.composite
def partitions_of(draw, n):
    labels = draw(st.lists(st.integers(0, max(0, n - 1)), min_size=n, max_size=n))
    blocks: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        blocks.setdefault(label, []).append(i)
    return list(blocks.values())


def named(game, blocks):
    return [[game.players[i] for i in block] for block in blocks]


@given(games(1, 6))
def test_optimal_structure_is_the_best_partition(game):
    best, argbest = orc.optimal_structure_by_enumeration(game)
    for method in ("dp", "enumeration"):
        result = co.optimal_coalition_structure(game, method=method)
        shape = frozenset(
            frozenset(game.player_index(p) for p in block) for block in result.structure
        )
        if game.kind == "exact":
            assert result.value == best and shape in argbest
        else:
            assert abs(float(result.value) - float(best)) <= 1e-9 * (1 + abs(float(best)))
            total = sum(orc.exact_table(game)[0][sum(1 << i for i in b)] for b in shape)
            assert abs(float(total) - float(best)) <= 1e-9 * (1 + abs(float(best)))


@given(games(1, 5), st.data())
def test_structure_value_and_aumann_dreze_match_the_definitions(game, data):
    blocks = data.draw(partitions_of(game.n_players))
    table, _ = orc.exact_table(game)
    value = co.coalition_structure_value(game, named(game, blocks))
    expected = sum(table[sum(1 << i for i in b)] for b in blocks)
    assert abs(Fraction(value) - expected) <= (0 if game.kind == "exact" else Fraction(1, 10**6))
    ad = co.aumann_dreze_value(game, named(game, blocks)).x
    oracle = orc.aumann_dreze_by_definition(game, blocks)
    if game.kind == "exact":
        assert list(ad) == oracle
    else:
        scale = max([1.0] + [abs(float(v)) for v in game.values])
        assert np.allclose(ad, [float(v) for v in oracle], rtol=0, atol=1e-9 * scale)


def structure_core_is_empty_by_lp(game, blocks) -> bool:
    """Feasibility of x(B) = v(B) for the blocks and x(S) >= v(S) for all S, by HiGHS on a
    matrix built here coalition by coalition."""
    table, n = orc.exact_table(game)
    rows, rhs = [], []
    for mask in range(1, 1 << n):
        rows.append([-(mask >> i & 1) for i in range(n)])
        rhs.append(-float(table[mask]))
    equalities = [[1 if i in block else 0 for i in range(n)] for block in blocks]
    values = [float(table[sum(1 << i for i in block)]) for block in blocks]
    answer = linprog(
        np.zeros(n),
        A_ub=rows,
        b_ub=rhs,
        A_eq=equalities,
        b_eq=values,
        bounds=[(None, None)] * n,
        method="highs",
    )
    return answer.status == 2  # infeasible


@settings(max_examples=40)
@given(exact_games(1, 4), st.data())
def test_structure_core_emptiness_and_points_match_the_definition(game, data):
    blocks = data.draw(partitions_of(game.n_players))
    result = co.structure_core(game, named(game, blocks))
    assert result.is_empty == structure_core_is_empty_by_lp(game, blocks)
    if not result.is_empty:
        point = [Fraction(v) if not isinstance(v, float) else v for v in result.x]
        if result.exact:
            assert orc.in_structure_core_by_definition(game, blocks, point)
        assert co.is_in_structure_core(game, named(game, blocks), result.x)


@given(exact_games(1, 4), st.data())
def test_structure_core_checker_matches_the_definition(game, data):
    blocks = data.draw(partitions_of(game.n_players))
    n = game.n_players
    x = data.draw(st.lists(st.fractions(-20, 20, max_denominator=4), min_size=n, max_size=n))
    assert co.is_in_structure_core(
        game, named(game, blocks), x
    ) == orc.in_structure_core_by_definition(game, blocks, x)


# --------------------------------------------------------------------------- hedonic


@st.composite
def hedonic_games(draw, max_players: int = 5):
    """``(game, utility)``: an additively separable or a general game and, for the oracle,
    ``utility(i, frozenset)`` read from the raw numbers the game was built from."""
    n = draw(st.integers(1, max_players))
    small = st.integers(-3, 3).map(float)
    if draw(st.booleans()):
        matrix = [[0.0 if i == j else draw(small) for j in range(n)] for i in range(n)]
        if draw(st.booleans()):  # symmetric: has a potential
            matrix = [[matrix[min(i, j)][max(i, j)] for j in range(n)] for i in range(n)]
        game = HedonicGame.additively_separable(matrix)

        def utility(i, group):
            return sum(matrix[i][j] for j in group if j != i)
    else:
        table = [[draw(small) for _ in range(1 << n)] for _ in range(n)]
        game = HedonicGame(table)

        def utility(i, group):
            return table[i][sum(1 << j for j in group)]

    return game, utility


@given(hedonic_games(), st.data())
def test_hedonic_stability_notions_match_their_definitions(case, data):
    game, utility = case
    n = game.n_players
    blocks = data.draw(partitions_of(n))
    partition = named(game, blocks)
    assert co.is_core_stable(game, partition) == orc.hedonic_core_stable_by_definition(
        n, utility, blocks
    )
    assert co.is_nash_stable(game, partition) == orc.hedonic_nash_stable_by_definition(
        n, utility, blocks
    )
    assert co.is_individually_stable(
        game, partition
    ) == orc.hedonic_individually_stable_by_definition(n, utility, blocks)
    assert co.is_contractually_individually_stable(
        game, partition
    ) == orc.hedonic_contractually_stable_by_definition(n, utility, blocks)
    report = co.hedonic_stability(game, partition)
    assert (
        report.core_stable,
        report.nash_stable,
        report.individually_stable,
        report.contractually_individually_stable,
    ) == (
        orc.hedonic_core_stable_by_definition(n, utility, blocks),
        orc.hedonic_nash_stable_by_definition(n, utility, blocks),
        orc.hedonic_individually_stable_by_definition(n, utility, blocks),
        orc.hedonic_contractually_stable_by_definition(n, utility, blocks),
    )


@given(hedonic_games(), st.data())
def test_best_response_dynamics_stops_where_the_definition_says_stable(case, data):
    game, utility = case
    n = game.n_players
    rule = data.draw(st.sampled_from(["nash", "individual", "contractual"]))
    result = co.best_response_dynamics(game, rule=rule, max_rounds=200)
    if not result.converged:
        return  # cycles are possible without a potential
    blocks = [[game.player_index(p) for p in block] for block in result.partition]
    check = {
        "nash": orc.hedonic_nash_stable_by_definition,
        "individual": orc.hedonic_individually_stable_by_definition,
        "contractual": orc.hedonic_contractually_stable_by_definition,
    }[rule]
    assert check(n, utility, blocks)


# --------------------------------------------------------------------------- agreements


@pytest.mark.parametrize("n", [2, 3, 4, 5, 10, 57])
@pytest.mark.parametrize("b, c", [(1, 1), (Fraction(3, 2), 2), (2.0, 0.5)])
def test_linear_quadratic_agreements_match_the_closed_form(n, b, c):
    model = linear_quadratic_model(n, b=b, c=c)
    scale = b * b / c
    for k in range(1, n + 1):
        assert (
            model.signatory(k) == pytest.approx(scale * (Fraction(k * k, 2) + n - k))
            if isinstance(scale, float)
            else model.signatory(k) == scale * (Fraction(k * k, 2) + n - k)
        )
        assert is_internally_stable(model, k) == ((k - 1) * (k - 3) <= 0)
    for join, rule in ((True, "join"), (False, "stay")):
        expected = orc.linear_quadratic_stable_sizes(n, indifferent_join=join)
        assert list(agreement_stability(model, indifferent=rule).stable_sizes) == expected
        for k in range(1, n + 1):
            internal_ok = (k - 1) * (k - 3) <= 0
            external_ok = is_externally_stable(model, k, indifferent=rule)
            assert (internal_ok and external_ok) == (k in expected)


# --------------------------------------------------------------------------- winning


def _weight(mask, weights):
    return sum(w for i, w in enumerate(weights) if mask >> i & 1)


@given(weighted_bodies(1, 8))
def test_winning_coalition_lists_match_enumeration(body):
    quota, weights = body
    n = len(weights)
    win = orc.winning_masks(n, lambda members: sum(weights[i] for i in members) >= quota)
    minimal = orc.minimal_winning_by_definition(n, win)
    names = [str(i + 1) for i in range(n)]

    def as_sets(result):
        return sorted(sum(1 << names.index(p) for p in c) for c in result.coalitions)

    assert as_sets(minimal_winning_coalitions(quota, weights)) == minimal
    lightest = min(_weight(m, weights) for m in minimal)
    assert as_sets(minimum_weight_coalitions(quota, weights)) == sorted(
        m for m in minimal if _weight(m, weights) == lightest
    )
    # Axelrod: intervals of the line that win and lose when either end member leaves
    intervals = []
    for a, b in combinations(range(n + 1), 2):
        mask = sum(1 << i for i in range(a, b))
        ends = {a, b - 1}
        if mask in win and all(mask & ~(1 << e) not in win for e in ends):
            intervals.append(mask)
    assert as_sets(minimal_connected_winning_coalitions(quota, weights)) == sorted(intervals)


@pytest.mark.parametrize("weight", [10**18, 10**19, 3 * 10**20])
def test_winning_coalitions_with_populations_in_persons_do_not_wrap_around(weight):
    # int64 sums of four weights of 1e18 used to wrap around and report a negative total
    assert sorted(minimal_winning_coalitions(2 * weight, [weight] * 4).coalitions) == list(
        combinations(["1", "2", "3", "4"], 2)
    )
    quota = Fraction(weight, 7) * 3
    assert minimal_winning_coalitions(quota, [weight] * 3).weights == (weight,) * 3
    assert minimum_weight_coalitions(weight, [weight, 1]).coalitions == (("1",),)
    assert minimal_connected_winning_coalitions(weight, [1, weight]).coalitions == (("2",),)
