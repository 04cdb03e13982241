"""The null-player-free indices f^np and g^np (Álvarez-Mozos et al. 2015, Definitions 4.1 and
4.2), and the exact counts on the cheaper side of the quota.

The oracle below lists every coalition with itertools, finds the null players from their
definition (no swing), keeps the winning coalitions free of them and applies the two formulas:
it shares no code with the counting engines (generating functions, the dual game, tables).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from strategies import compound_games, simple_games, weighted_bodies

import coalitions as co
from coalitions.exceptions import CoalitionsError


def _by_definition(players, wins):
    """(f^np, g^np) from ``wins``, a predicate on frozensets of ``players``."""
    coalitions = [
        frozenset(c) for r in range(len(players) + 1) for c in itertools.combinations(players, r)
    ]
    winning = {c for c in coalitions if wins(c)}
    null = {i for i in players if all((c | {i} in winning) == (c in winning) for c in coalitions)}
    free = [c for c in winning if not c & null]
    f = [
        sum((Fraction(1, len(c)) for c in free if i in c), Fraction(0)) / len(free) for i in players
    ]
    memberships = [sum(1 for c in free if i in c) for i in players]
    g = [Fraction(m, sum(memberships)) for m in memberships]
    return f, g


def _weighted_oracle(quota, weights):
    players = range(len(weights))
    return _by_definition(players, lambda c: sum(weights[i] for i in c) >= quota)


def _oracle(game):
    return _by_definition(
        range(game.n_players), lambda c: game.is_winning([game.players[i] for i in c])
    )


def _indices(game, method="auto"):
    f = co.null_player_free_f_index(game, method=method)
    g = co.null_player_free_g_index(game, method=method)
    return list(f.x), list(g.x)


def test_the_eec_council_by_hand():
    # Luxembourg is null; W^np: FGI with any of B, N (4 coalitions) and two large with B, N (3)
    eec = co.datasets.eec_council_1958()
    f, g = _indices(eec)
    assert f == [Fraction(23, 105)] * 3 + [Fraction(6, 35)] * 2 + [0]
    assert g == [Fraction(3, 14)] * 3 + [Fraction(5, 28)] * 2 + [0]
    assert co.null_player_free_f_index(eec).denominator == 7
    assert co.null_player_free_g_index(eec).counts == (6, 6, 6, 5, 5, 0)


def test_a_game_without_null_players():
    # [3; 2, 1, 1]: W = {ab, ac, abc}; f_a = (1/2 + 1/2 + 1/3) / 3; g is Public Help theta
    game = co.WeightedVotingGame(3, [2, 1, 1], ["a", "b", "c"])
    f, g = _indices(game)
    assert f == [Fraction(4, 9), Fraction(5, 18), Fraction(5, 18)]
    assert (
        g == list(co.public_help_index(game).x) == [Fraction(3, 7), Fraction(2, 7), Fraction(2, 7)]
    )


def test_a_dictator_and_unanimity():
    dictator = co.WeightedVotingGame(5, [5, 2, 2])
    assert _indices(dictator) == ([1, 0, 0], [1, 0, 0])
    unanimity = co.WeightedVotingGame(3, [1, 1, 1])
    third = [Fraction(1, 3)] * 3
    assert _indices(unanimity) == (third, third)


@pytest.mark.parametrize("seed", range(4))
def test_random_weighted_bodies_of_up_to_twelve_members(seed):
    rng = np.random.default_rng(seed)
    n = 9 + seed  # 9..12 members, a third of them light enough to be null now and then
    weights = [int(w) for w in rng.integers(0, 30, n)]
    weights[0] = max(weights[0], 1)
    quota = int(rng.integers(1, sum(weights) + 1))
    game = co.WeightedVotingGame(quota, weights)
    assert _indices(game) == _weighted_oracle(quota, weights)


@settings(max_examples=25, deadline=None)
@given(weighted_bodies(1, 7))
def test_weighted_games_match_the_definition_with_every_method(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    expected = _weighted_oracle(quota, weights)
    for method in ("exact", "bdd", "enumeration"):
        assert _indices(game, method) == expected


@settings(max_examples=25, deadline=None)
@given(simple_games(max_players=6))
def test_listed_games_match_the_definition(game):
    assert _indices(game) == _oracle(game)


@settings(max_examples=10, deadline=None)
@given(compound_games())
def test_compound_games_match_the_definition(game):
    assert _indices(game) == _oracle(game)


@settings(max_examples=40, deadline=None)
@given(weighted_bodies(1, 7))
def test_axioms_null_players_symmetry_efficiency(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    null = set(co.null_players(game))
    for x in _indices(game):
        assert sum(x) == 1
        for i, p in enumerate(game.players):
            if p in null:
                assert x[i] == 0
            else:
                assert x[i] > 0  # a player who swings is in some null-player-free winning S
        for i, j in itertools.combinations(range(game.n_players), 2):
            if weights[i] == weights[j]:
                assert x[i] == x[j]


@settings(max_examples=30, deadline=None)
@given(weighted_bodies(1, 7))
def test_adding_a_null_player_changes_nothing_for_the_others(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    bigger = co.WeightedVotingGame(quota, [*weights, 0])
    for before, after in zip(_indices(game), _indices(bigger)):
        assert after == [*before, 0]


def test_the_power_table_and_aliases_reach_both_indices():
    eec = co.datasets.eec_council_1958()
    table = co.power_indices(eec, ["pif", "pig"])
    assert list(table.indices["null-player-free-f"]) == _indices(eec)[0]
    assert list(table.indices["null-player-free-g"]) == _indices(eec)[1]
    assert "null-player-free-f" in co.power_indices(eec, ["all"]).indices


def test_a_large_weighted_body_is_counted_not_enumerated():
    # 64 members (past the 2**25 table): the generating functions count W^np by size
    weights = [1 + (k % 7) for k in range(64)] + [0]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    f = co.null_player_free_f_index(game)
    g = co.null_player_free_g_index(game)
    assert f.exact and sum(f.x) == 1 and f.x[-1] == 0
    assert g.exact and sum(g.x) == 1 and g.x[-1] == 0
    with pytest.raises(CoalitionsError):
        co.null_player_free_f_index(game, method="enumeration")


@settings(max_examples=25, deadline=None)
@given(weighted_bodies(1, 8))
def test_the_float_method_matches_the_definition(body):
    # f^np by the Gauss-Legendre integral (null players found exactly first)
    quota, weights = body
    f, _ = _weighted_oracle(quota, weights)
    got = co.null_player_free_f_index(co.WeightedVotingGame(quota, weights), method="float")
    assert not got.exact and got.method == "float"
    assert np.abs(np.asarray(got.x) - [float(v) for v in f]).max() < 1e-12


def test_a_large_body_takes_the_float_method():
    # 193 members of two weights: exact counts by composition are cheap, so both methods run
    weights = [1] * 150 + [3] * 43
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    exact = co.null_player_free_f_index(game, method="exact")
    floats = co.null_player_free_f_index(game, method="float")
    assert exact.exact and np.abs(np.asarray(floats.x) - [float(v) for v in exact.x]).max() < 1e-12
    # 193 distinct weights up to 1000: exact counts by size would take about a minute
    rng = np.random.default_rng(5)
    weights = [int(w) for w in rng.integers(1, 1000, 193)]
    auto = co.null_player_free_f_index(co.WeightedVotingGame(sum(weights) // 2 + 1, weights))
    assert auto.method == "float" and abs(sum(auto.x) - 1) < 1e-9 and min(auto.x) > 0


def test_bad_input_is_refused():
    with pytest.raises(CoalitionsError):  # g^np needs exact swing counts: no float method
        co.null_player_free_g_index(co.WeightedVotingGame(2, [1, 1, 1]), method="float")
    with pytest.raises(CoalitionsError):  # a listed game has no weights to integrate over
        co.null_player_free_f_index(co.SimpleGame(["a", "b"], winning=[3]), method="float")
    with pytest.raises(CoalitionsError):
        co.null_player_free_g_index("not a game")


# ------------------------------------------------ exact counts on the cheaper side of the quota
def _swings_by_size(quota, weights):
    n = len(weights)
    out = [[0] * n for _ in range(n)]
    for i in range(n):
        others = [k for k in range(n) if k != i]
        for r in range(n):
            for c in itertools.combinations(others, r):
                w = sum(weights[k] for k in c)
                out[i][r] += w < quota <= w + weights[i]
    return out


@pytest.mark.parametrize("share", [0.1, 0.5, 0.9, 1.0])
def test_counts_by_size_from_either_side_match_enumeration(share):
    # a quota near the total makes the dual game (quota T - q + 1) the cheaper side
    rng = np.random.default_rng(int(share * 10))
    weights = [int(w) for w in rng.integers(1, 40, 10)]
    quota = max(1, int(share * sum(weights)))
    game = co.WeightedVotingGame(quota, weights)
    from coalitions.power import _engines as en

    counts = en.swing_counts(game, "exact", by_size=True)
    assert [[int(v) for v in row] for row in counts.swings_by_size] == _swings_by_size(
        quota, weights
    )
    winning_by_size = [
        sum(1 for c in itertools.combinations(range(10), s) if sum(weights[k] for k in c) >= quota)
        for s in range(11)
    ]
    assert [int(v) for v in counts.winning_by_size] == winning_by_size
    totals = en.swing_counts(game, "exact", by_size=False)
    assert totals.swings() == [sum(row) for row in _swings_by_size(quota, weights)]
    assert totals.winning() == sum(winning_by_size)


def test_a_large_quota_over_seventy_members_is_counted_from_above():
    # n > 62 takes the modular passes: from above they agree with the decision diagram
    weights = [1 + (k * 7) % 23 for k in range(70)]
    game = co.WeightedVotingGame(sum(weights) * 9 // 10, weights)
    from coalitions.power import _engines as en

    assert en.side_quota(game) < game.int_quota
    assert list(co.banzhaf_index(game, method="exact").x) == list(
        co.banzhaf_index(game, method="bdd").x
    )
    ss = co.shapley_shubik_index(game, method="exact")
    assert sum(ss.x) == 1
    assert np.allclose(
        np.asarray(ss.x, float),
        np.asarray(co.shapley_shubik_index(game, method="float").x),
        atol=1e-12,
    )


# ------------------------------------------- minimal winning coalitions of the least size (EPIC WS)
@settings(max_examples=30, deadline=None)
@given(weighted_bodies(1, 7))
def test_least_size_minimal_winning_counts_match_the_definition(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    n = len(weights)
    coalitions = [c for r in range(n + 1) for c in itertools.combinations(range(n), r)]
    wins = {c for c in coalitions if sum(weights[i] for i in c) >= quota}
    minimal = [c for c in wins if all(c[:k] + c[k + 1 :] not in wins for k in range(len(c)))]
    least = min(len(c) for c in minimal)
    smallest = [c for c in minimal if len(c) == least]
    for method in ("exact", "enumeration"):
        result = co.coalition_counts(game, "least-minimal-winning", method=method)
        assert result.denominator == len(smallest)
        assert result.counts == tuple(sum(1 for c in smallest if i in c) for i in range(n))
    table = co.power_indices(game, ["least-minimal-winning-count"])
    assert list(table.indices["least-minimal-winning-count"]) == list(result.x)


def test_the_command_line_reaches_the_new_indices():
    import json

    from typer.testing import CliRunner

    from coalitions.cli.app import app

    names = "null-player-free-f,null-player-free-g,least-minimal-winning-count"
    result = CliRunner().invoke(
        app, ["power", "--quota", "12", "--weights", "4,4,4,2,2,1", "--index", names, "--json"]
    )
    assert result.exit_code == 0, result.output
    indices = json.loads(result.stdout)["indices"]
    assert indices["null-player-free-f"]["1"] == "23/105"
    assert indices["null-player-free-g"]["4"] == "5/28" and indices["null-player-free-g"]["6"] == 0
    assert indices["least-minimal-winning-count"]["1"] == 1
