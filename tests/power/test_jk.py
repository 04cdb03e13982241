"""Freixas's Shapley-Shubik index and the Banzhaf measures of (j,k) games (issue 14, item 1).

Three checks, sharing no code with the library:

* published values: Freixas (2005, Decision Support Systems 39) Examples 2.5 (Felsenthal &
  Machover's ternary example 8.3.7) and 2.7 in full, and the top-step pivot counts of his
  Examples 2.8 and 2.9 (his lower-step counts disagree with the roll-call brute force
  below; see the notes of ``jk_shapley_shubik``); the Security Council as a weighted (3,2)
  game against the ternary measures and Felsenthal & Machover's 0.1636 and 0.0182;
* a literal brute force: every queue times every profile, the t-pivot found by trying the
  later voters all lowest and all highest (Freixas's Definition 3.5), and the Banzhaf sums
  over the others' profiles, for small random games;
* reductions and properties: (2,2) games give co.shapley_shubik_index / co.banzhaf_index of
  the simple game, (3,2) games the ternary measures; the index is linear in the numeric
  evaluation over the step games; exact DP = enumeration on random weighted games.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_jk_games

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidArgumentError, TooLargeError
from coalitions.power.jk import jk_banzhaf, jk_shapley_shubik


# --- the oracle, from the definitions ---------------------------------------------------------
def _table_rule(game):
    """The game's rule as a function of a tuple of levels (from its table)."""
    j = game.n_levels
    table = game.outcome_table().tolist()
    return lambda x: table[sum(level * j**i for i, level in enumerate(x))]


def brute_pivots(rule, n, j, k):
    """``pivots[i][t-1]``: roll calls (queue, profile) whose t-pivot is voter i."""
    pivots = [[0] * (k - 1) for _ in range(n)]
    for profile in itertools.product(range(j), repeat=n):
        for queue in itertools.permutations(range(n)):
            for t in range(1, k):
                for position in range(n):
                    called = set(queue[: position + 1])
                    low = tuple(profile[p] if p in called else 0 for p in range(n))
                    high = tuple(profile[p] if p in called else j - 1 for p in range(n))
                    if rule(low) >= t or rule(high) < t:
                        pivots[queue[position]][t - 1] += 1
                        break
    return pivots


def brute_ss(rule, n, j, k, alpha=None):
    alpha = list(range(k)) if alpha is None else alpha
    pivots = brute_pivots(rule, n, j, k)
    total = math.factorial(n) * j**n * (alpha[-1] - alpha[0])
    return [
        Fraction(sum((alpha[t] - alpha[t - 1]) * row[t - 1] for t in range(1, k)), total)
        for row in pivots
    ]


def brute_banzhaf(rule, n, j, k, variant):
    """Absolute measure: changes of the output over every pair of levels (``"total"``) or
    from the lowest to the highest (``"range"``), for every profile of the others."""
    out = []
    for i in range(n):
        eta = 0
        for others in itertools.product(range(j), repeat=n - 1):
            outputs = [rule(others[:i] + (a,) + others[i:]) for a in range(j)]
            if variant == "total":
                eta += sum(outputs[b] - outputs[a] for a in range(j) for b in range(a + 1, j))
            else:
                eta += outputs[-1] - outputs[0]
        scale = (j * j // 4) if variant == "total" else 1
        out.append(Fraction(eta, j ** (n - 1) * (k - 1) * scale))
    return out


# --- published cases --------------------------------------------------------------------------
def test_freixas_example_2_5_felsenthal_machover_ternary():
    """1 must vote yes and one of 2, 3 not vote no: 22/27, 5/54, 5/54."""
    game = co.JKSimpleGame(
        lambda x: int(x["1"] == 2 and (x["2"] > 0 or x["3"] > 0)), 3, levels=3, outputs=2
    )
    assert list(co.shapley_shubik_index(game).x) == [
        Fraction(22, 27),
        Fraction(5, 54),
        Fraction(5, 54),
    ]


def test_freixas_example_2_7_four_levels():
    game = co.JKSimpleGame(
        lambda x: int(
            x["1"] == 3 and ((x["2"] >= 2 and x["3"] >= 1) or (x["3"] >= 2 and x["2"] >= 1))
        ),
        4,
        levels=4,
        outputs=2,
    )
    ss = co.shapley_shubik_index(game)
    assert list(ss.x) == [Fraction(29, 48), Fraction(19, 96), Fraction(19, 96), 0]
    assert ss.denominator == math.factorial(4) * 4**4


def _step_game(game, t):
    """The (j,2) game 'output at least t'."""
    table = (game.outcome_table() >= t).astype(int)
    return co.JKSimpleGame.from_table(table, game.players, levels=game.n_levels, outputs=2)


def _buy(x):
    p, vp = x["president"], x["vice"]
    if p == 2:
        return 2 if vp > 0 else 1
    return 1 if (p, vp) == (1, 2) else 0


def test_freixas_example_2_8_top_step_and_brute_force():
    game = co.JKSimpleGame(_buy, ["president", "vice"], levels=3, outputs=3)
    top = jk_shapley_shubik(_step_game(game, 2))
    assert list(top.x) == [Fraction(12, 18), Fraction(6, 18)]  # Freixas's 1-pivots
    # the lower step: the vice-president decides only after a partial-investment president
    lower = jk_shapley_shubik(_step_game(game, 1))
    assert lower.counts == (15, 3)
    assert list(jk_shapley_shubik(game).x) == brute_ss(_table_rule(game), 2, 3, 3)
    valued = jk_shapley_shubik(game, output_values=[0, 1, 3])
    assert list(valued.x) == brute_ss(_table_rule(game), 2, 3, 3, [0, 1, 3])


def test_freixas_example_2_9_grading_committee():
    game = co.WeightedJKGame([[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3], ["th", "pro", "pra"])
    # Freixas's excellent-step pivots: 42, 42, 78 of 162 roll calls
    assert jk_shapley_shubik(_step_game(game, 3)).counts == (42, 42, 78)
    rule = _table_rule(game)
    for alpha in (None, [0, 1, 2, 5], [0, 3, 4, 5]):
        expected = brute_ss(rule, 3, 3, 4, alpha)
        for method in ("exact", "enumeration"):
            assert list(jk_shapley_shubik(game, method=method, output_values=alpha).x) == expected


def test_security_council_as_a_weighted_three_two_game():
    ternary = co.datasets.un_security_council(abstention=True)
    rows = [[o, a, y] for y, a, o in ternary.int_levels]
    game = co.WeightedJKGame(rows, [ternary.int_quota], ternary.players)
    ss = co.shapley_shubik_index(game)
    assert list(ss.x) == list(co.shapley_shubik_index(ternary).x)
    # Felsenthal & Machover (quoted by Freixas 2005) print 0.1636 and 0.0182; the exact values,
    # 0.16339 and 0.01831, agree with them to the third decimal (the ternary DP and this one,
    # two different computations, agree exactly)
    assert abs(float(ss.x[0]) - 0.1636) < 5e-4 and abs(float(ss.x[5]) - 0.0182) < 2e-4
    for normalized in (True, False):
        assert list(co.banzhaf_index(game, normalized=normalized).x) == list(
            co.banzhaf_index(ternary, normalized=normalized).x
        )


# --- random games -----------------------------------------------------------------------------
@st.composite
def table_jk(draw, max_n=3):
    """Any monotone (j,k) game: the maximum of a few 'at least this profile gives t' rules."""
    n = draw(st.integers(1, max_n))
    j = draw(st.integers(2, 3))
    k = draw(st.integers(2, 3))
    generators = draw(
        st.lists(
            st.tuples(st.tuples(*[st.integers(0, j - 1)] * n), st.integers(1, k - 1)),
            max_size=4,
        )
    )
    generators.append(((j - 1,) * n, k - 1))

    def rule(x):
        return max([t for g, t in generators if all(a >= b for a, b in zip(x, g)) and any(x)] + [0])

    table = [rule(tuple((c // j**i) % j for i in range(n))) for c in range(j**n)]
    return co.JKSimpleGame.from_table(table, n, levels=j, outputs=k)


@pytest.mark.parametrize(
    "game",
    [
        co.WeightedJKGame([[0, 1, 3], [-1, 1, 2], [0, 0, 2], [0, 2, 2]], [2, 4]),
        co.WeightedJKGame([[0, 2], [0, 1], [0, 1], [0, 3], [0, 1]], [2, 4, 6]),
    ],
    ids=["four-voters-3-3", "five-voters-2-4"],
)
def test_larger_games_match_the_brute_force_definitions(game):
    n, j, k = game.n_players, game.n_levels, game.n_outputs
    rule = _table_rule(game)
    assert list(co.shapley_shubik_index(game).x) == brute_ss(rule, n, j, k)
    for variant in ("total", "range"):
        assert list(jk_banzhaf(game, normalized=False, variant=variant).x) == brute_banzhaf(
            rule, n, j, k, variant
        )


@settings(max_examples=15, deadline=None)
@given(st.one_of(table_jk(), weighted_jk_games(max_n=3, max_levels=3, max_outputs=3)))
def test_measures_match_the_brute_force_definitions(game):
    n, j, k = game.n_players, game.n_levels, game.n_outputs
    rule = _table_rule(game)
    ss = jk_shapley_shubik(game, method="enumeration")
    assert list(ss.x) == brute_ss(rule, n, j, k)
    assert sum(ss.x) == 1
    for variant in ("total", "range"):
        absolute = jk_banzhaf(game, normalized=False, variant=variant, method="enumeration")
        assert list(absolute.x) == brute_banzhaf(rule, n, j, k, variant)


@settings(max_examples=30, deadline=None)
@given(weighted_jk_games(max_n=7), st.lists(st.integers(1, 3), min_size=3, max_size=3))
def test_exact_dynamic_programme_equals_enumeration(game, gaps):
    alpha = list(itertools.accumulate([0, *gaps[: game.n_outputs - 1]]))
    for alpha_used in (None, alpha):
        exact = jk_shapley_shubik(game, method="exact", output_values=alpha_used)
        listed = jk_shapley_shubik(game, method="enumeration", output_values=alpha_used)
        assert exact.counts == listed.counts and exact.denominator == listed.denominator
        assert sum(exact.x) == 1
    for variant in ("total", "range"):
        exact = jk_banzhaf(game, normalized=False, method="exact", variant=variant)
        listed = jk_banzhaf(game, normalized=False, method="enumeration", variant=variant)
        assert exact.counts == listed.counts and list(exact.x) == list(listed.x)


@settings(max_examples=15, deadline=None)
@given(weighted_jk_games(max_n=4, max_levels=3, max_outputs=4))
def test_index_is_linear_over_the_step_games(game):
    """Definition 3.7: the index weights the (j,2) step games by the evaluation's gaps."""
    k = game.n_outputs
    alpha = [t * t for t in range(k)]
    steps = [jk_shapley_shubik(_step_game(game, t), method="enumeration") for t in range(1, k)]
    expected = [
        sum(Fraction(alpha[t] - alpha[t - 1], alpha[-1]) * steps[t - 1].x[i] for t in range(1, k))
        for i in range(game.n_players)
    ]
    assert list(jk_shapley_shubik(game, output_values=alpha).x) == expected


@settings(max_examples=20, deadline=None)
@given(weighted_jk_games(max_n=6, max_levels=2, max_outputs=2))
def test_two_two_games_are_simple_games(game):
    rows = game.int_weights
    simple = co.WeightedVotingGame(
        game.int_quotas[0] - sum(r[0] for r in rows), [r[1] - r[0] for r in rows]
    )
    assert list(co.shapley_shubik_index(game).x) == list(co.shapley_shubik_index(simple).x)
    for normalized in (True, False):
        for variant in ("total", "range"):
            measure = jk_banzhaf(game, normalized=normalized, variant=variant)
            assert list(measure.x) == list(co.banzhaf_index(simple, normalized=normalized).x)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 5), st.data())
def test_three_two_games_are_ternary_games(n, data):
    yes = data.draw(st.lists(st.integers(1, 4), min_size=n, max_size=n))
    abstain = [data.draw(st.integers(0, y)) for y in yes]
    quota = data.draw(st.integers(1, sum(yes)))
    ternary = co.WeightedTernaryGame(quota, yes, abstain)
    table = co.JKSimpleGame.from_table(
        ternary.outcome_table().astype(int), ternary.players, levels=3, outputs=2
    )
    weighted = co.WeightedJKGame([[0, a, y] for y, a in zip(yes, abstain)], [quota])
    expected_ss = list(co.shapley_shubik_index(ternary).x)
    for game in (table, weighted):
        assert list(co.shapley_shubik_index(game).x) == expected_ss
        for normalized in (True, False):
            ternary_bz = list(co.banzhaf_index(ternary, normalized=normalized).x)
            for variant in ("total", "range"):
                assert list(jk_banzhaf(game, normalized=normalized, variant=variant).x) == (
                    ternary_bz
                )


def test_symmetric_voters_share_and_a_null_voter_gets_nothing():
    game = co.WeightedJKGame([[0, 1, 2, 3], [0, 1, 2, 3], [0, 2, 3, 5], [0, 0, 0, 0]], [4, 8])
    for measure in (co.shapley_shubik_index(game), co.banzhaf_index(game)):
        assert measure.x[0] == measure.x[1] and measure.x[3] == 0
        assert measure.x[2] > measure.x[0]


def test_results_are_exact_with_labels():
    ss = co.shapley_shubik_index(co.WeightedJKGame([[0, 1, 2]] * 3, [2, 4]))
    assert ss.exact and ss.concept == "jk-shapley-shubik" and ss.method == "exact"
    assert ss.denominator == math.factorial(3) * 27 * 2
    assert list(ss.x) == [Fraction(1, 3)] * 3
    bz = co.banzhaf_index(co.WeightedJKGame([[0, 1, 2]] * 3, [2, 4]), method="enumeration")
    assert bz.concept == "jk-banzhaf" and bz.method == "enumeration" and bz.normalized


def test_a_large_weighted_body_runs_by_dynamic_programming():
    # 15 voters, 4 levels, 3 outputs: 4**15 profiles are never listed
    rows = [[0, 1, 2, 4]] * 5 + [[0, 1, 1, 2]] * 10
    game = co.WeightedJKGame(rows, [20, 30])
    ss = co.shapley_shubik_index(game)
    assert sum(ss.x) == 1 and ss.x[0] > ss.x[5] > 0
    bz = co.banzhaf_index(game, normalized=False)
    assert 0 < bz.x[5] < bz.x[0] <= 1


HOSTILE = [
    (lambda g: co.shapley_shubik_index(g, method="bdd"), "method"),
    (lambda g: jk_shapley_shubik(g, method="exact"), "enumeration"),
    (lambda g: jk_banzhaf(g, variant="strong"), "variant"),
    (lambda g: jk_banzhaf(g, normalized="yes"), "True or False"),
    (lambda g: jk_shapley_shubik(g, output_values=[0, 2, 1]), "increase strictly"),
    (lambda g: jk_shapley_shubik(g, output_values=[0, 1]), "3 exact numbers"),
    (lambda g: jk_shapley_shubik(g, output_values=[0, 0.5, 1]), "exact numbers"),
    (lambda g: jk_shapley_shubik(g, output_values="012"), "increasing numbers"),
    (lambda g: jk_shapley_shubik("not a game"), "JKSimpleGame"),
]


@pytest.mark.parametrize("call, words", HOSTILE)
def test_hostile_arguments_are_refused(call, words):
    game = co.JKSimpleGame(_buy, ["president", "vice"], levels=3, outputs=3)
    with pytest.raises(CoalitionsError, match=words):
        call(game)


def test_many_kinds_of_voters_with_large_weights_are_refused_quickly():
    rows = [[0, v, 2 * v, 40_000 + v] for v in range(200)]
    game = co.WeightedJKGame(rows, [10**6, 2 * 10**6])
    with pytest.raises(TooLargeError, match="updated about"):
        co.shapley_shubik_index(game)


def test_too_large_inputs_say_what_to_do():
    huge = co.WeightedJKGame([[0, 1, 10**9]] * 3, [10**9, 2 * 10**9])
    with pytest.raises(TooLargeError, match="round the weights"):
        co.shapley_shubik_index(huge)
    with pytest.raises(TooLargeError, match="round the weights"):
        co.banzhaf_index(huge)
    wide = co.WeightedJKGame([[0, 1, 2]] * 12, [12])
    with pytest.raises(TooLargeError, match="profiles"):
        co.shapley_shubik_index(wide, method="enumeration")
    with pytest.raises(InvalidArgumentError):
        jk_banzhaf(wide, method="float")


def test_weights_of_1e18_are_the_game_on_small_integers():
    names = [f"p{i}" for i in range(5)]
    small = co.WeightedJKGame(
        [[0, 1, 2], [0, 1, 3], [0, 2, 2], [0, 1, 1], [0, 0, 1]], [3, 6], names
    )
    huge = co.WeightedJKGame(
        [[w * 10**18 for w in row] for row in small.int_weights], [3 * 10**18, 6 * 10**18], names
    )
    assert huge.int_weights == small.int_weights and huge.int_quotas == small.int_quotas
    for index in (co.shapley_shubik_index, co.banzhaf_index):
        assert index(huge).x.tolist() == index(small).x.tolist()
    assert huge.quotas == (3 * 10**18, 6 * 10**18)  # shown as given
