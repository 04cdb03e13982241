"""Power indices: published answers exactly, the definitions as oracles, properties."""

from __future__ import annotations

from fractions import Fraction
from unittest.mock import patch

import numpy as np
import pytest
from _power_oracle import johnston, minimal_winning, shapley_shubik_by_permutations, swings_by_size
from hypothesis import given, settings
from strategies import population_compound_games, weighted_voting_games

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError

UNSC = co.WeightedVotingGame(39, [7] * 5 + [1] * 10)
EEC = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])


# ------------------------------------------------ reference_cases.csv (exact)
@pytest.mark.parametrize("method", ["auto", "exact", "mitm", "enumeration"])
def test_unsc_shapley_shubik(method):
    # UNSC15_SS_perm, UNSC15_SS_elected
    ss = co.shapley_shubik_index(UNSC, method=method)
    assert ss.exact
    assert list(ss.x) == [Fraction(421, 2145)] * 5 + [Fraction(4, 2145)] * 10


@pytest.mark.parametrize("method", ["auto", "exact", "mitm", "enumeration"])
def test_unsc_banzhaf(method):
    # UNSC15_BZ_swings, UNSC15_BZ_norm, UNSC15_BZ_abs
    normalised = co.banzhaf_index(UNSC, method=method)
    assert normalised.counts == (848,) * 5 + (84,) * 10
    assert list(normalised.x) == [Fraction(848, 5080)] * 5 + [Fraction(84, 5080)] * 10
    absolute = co.banzhaf_index(UNSC, normalized=False, method=method)
    assert list(absolute.x) == [Fraction(848, 16384)] * 5 + [Fraction(84, 16384)] * 10


def test_unsc_coleman_power_to_act():
    # UNSC15_Coleman_A
    act = co.coleman_power_to_act(UNSC)
    assert act.value == Fraction(53, 2048) and act.winning == 848 and act.exact


def test_eec_banzhaf():
    # EEC1958_BZ
    bz = co.banzhaf_index(co.datasets.eec_council_1958())
    assert list(bz.x) == [Fraction(5, 21)] * 3 + [Fraction(1, 7)] * 2 + [Fraction(0)]


def test_float_methods_match_references():
    ss = co.shapley_shubik_index(UNSC, method="float")
    assert not ss.exact
    assert ss.x[0] == pytest.approx(421 / 2145, rel=1e-12)
    assert ss.x[5] == pytest.approx(4 / 2145, rel=1e-12)
    bz = co.banzhaf_index(UNSC, method="float")
    assert bz.x[0] == pytest.approx(848 / 5080, rel=1e-12)
    assert co.coleman_power_to_act(UNSC, method="float").value == pytest.approx(53 / 2048)


# ------------------------------------------------ MODELS.md section 9: enlargement
def test_security_council_enlargement_numbers():
    today = co.coleman_power_to_act(UNSC).value
    p5_veto = co.WeightedVotingGame(109, [20] * 5 + [1] * 20)  # 25 seats, 14 votes
    ss = co.shapley_shubik_index(p5_veto)
    assert float(ss.x[0]) == pytest.approx(0.1952, abs=5e-5)
    assert float(ss.x[5]) == pytest.approx(0.00121, abs=5e-6)
    assert float(co.coleman_power_to_act(p5_veto).value) == pytest.approx(0.0234, abs=5e-5)
    eleven = co.WeightedVotingGame(168, [15] * 11 + [1] * 14)  # 11 vetoes, 14 votes
    ss = co.shapley_shubik_index(eleven)
    assert float(ss.x[0]) == pytest.approx(0.0909, abs=5e-5)
    assert float(ss.x[11]) == pytest.approx(1.2e-6, abs=5e-8)
    act = co.coleman_power_to_act(eleven).value
    assert float(act) == pytest.approx(4.85e-4, abs=5e-7)
    assert round(today / act) == 53


# ------------------------------------------------ random small games against the definitions
@settings(max_examples=50, deadline=None)
@given(weighted_voting_games())
def test_shapley_shubik_equals_shapley_value_of_tu_game(game):
    expected = co.shapley_value(game.to_tu_game()).x
    for method in ("exact", "mitm", "enumeration"):
        assert list(co.shapley_shubik_index(game, method=method).x) == list(expected)
    floats = co.shapley_shubik_index(game, method="float").x
    assert np.allclose(floats, [float(v) for v in expected], rtol=1e-12, atol=1e-15)


@settings(max_examples=50, deadline=None)
@given(weighted_voting_games())
def test_banzhaf_swings_match_definition(game):
    by_size, n_winning = swings_by_size(game)
    swings = tuple(sum(row) for row in by_size)
    for method in ("exact", "mitm", "enumeration"):
        result = co.banzhaf_index(game, normalized=False, method=method)
        assert result.counts == swings
        assert co.coleman_power_to_act(game, method=method).winning == n_winning
    n = game.n_players
    floats = co.banzhaf_index(game, normalized=False, method="float").x
    assert np.allclose(floats, [s / 2 ** (n - 1) for s in swings], rtol=1e-12, atol=0)
    # exact zeros stay exact zeros in the subtraction-free float method
    assert all((f == 0) == (s == 0) for f, s in zip(floats, swings))
    tu = co.banzhaf_value(game.to_tu_game()).x
    assert list(co.banzhaf_index(game, normalized=False).x) == list(tu)


@settings(max_examples=40, deadline=None)
@given(weighted_voting_games())
def test_normalised_indices_sum_to_one_and_null_players_get_zero(game):
    dummies = set(co.null_players(game))
    for name in ("shapley-shubik", "banzhaf", "johnston", "deegan-packel", "holler"):
        x = co.power_indices(game, [name]).indices[name]
        assert sum(x) == 1
        for player, value in zip(game.players, x):
            if player in dummies:
                assert value == 0
    for player, swings in zip(game.players, co.banzhaf_index(game).counts):
        assert (swings == 0) == (player in dummies)


@settings(max_examples=40, deadline=None)
@given(weighted_voting_games())
def test_veto_players_have_power_to_prevent_one_and_no_risk(game):
    prevent = co.coleman_power_to_prevent(game)
    risk = co.risk_of_being_outvoted(game)
    veto = set(co.power.veto_players(game))
    for i, player in enumerate(game.players):
        assert (prevent.x[i] == 1) == (player in veto)
        if player in veto:
            assert risk.x[i] == 0


@settings(max_examples=40, deadline=None)
@given(weighted_voting_games())
def test_coleman_rae_risk_identities(game):
    n = game.n_players
    by_size, n_winning = swings_by_size(game)
    swings = [sum(row) for row in by_size]
    losing = 2**n - n_winning
    initiate = co.coleman_power_to_initiate(game).x
    rae = co.rae_index(game).x
    risk = co.risk_of_being_outvoted(game).x
    beta = co.banzhaf_index(game, normalized=False).x
    for i in range(n):
        assert initiate[i] == (Fraction(swings[i], losing) if losing else 0)
        assert rae[i] == Fraction(1, 2) + beta[i] / 2  # Penrose identity
        assert risk[i] == Fraction(n_winning - swings[i], 2**n)


@settings(max_examples=30, deadline=None)
@given(weighted_voting_games())
def test_johnston_deegan_packel_holler_match_definitions(game):
    assert list(co.johnston_index(game).x) == johnston(game)
    minimal = minimal_winning(game)
    n = game.n_players
    dp = [
        sum(Fraction(1, bin(m).count("1")) for m in minimal if m >> i & 1) / len(minimal)
        for i in range(n)
    ]
    assert list(co.deegan_packel_index(game).x) == dp
    counts = [sum(1 for m in minimal if m >> i & 1) for i in range(n)]
    assert co.holler_index(game).counts == tuple(counts)


def test_shapley_shubik_by_permutations_on_a_simple_game():
    game = co.SimpleGame(
        ["A", "B", "C", "D"], minimal_winning=[["A", "B"], ["A", "C", "D"], ["B", "C", "D"]]
    )
    assert list(co.shapley_shubik_index(game).x) == shapley_shubik_by_permutations(game)


# ------------------------------------------------ compound games by meet in the middle
@settings(max_examples=40, deadline=None)
@given(population_compound_games())
def test_compound_mitm_matches_enumeration(game):
    for index in (co.shapley_shubik_index, co.banzhaf_index):
        assert list(index(game, method="mitm").x) == list(index(game, method="enumeration").x)
    assert (
        co.coleman_power_to_act(game, method="mitm").value
        == co.coleman_power_to_act(game, method="enumeration").value
    )
    assert list(co.shapley_shubik_index(game).x) == list(co.shapley_value(game.to_tu_game()).x)


@settings(max_examples=15, deadline=None)
@given(population_compound_games())
def test_compound_mitm_in_small_blocks_matches_enumeration(game):
    """The one-pass counts summed block by block (blocks of 3 subsets here, of 2**14 in use)
    give the counts of the whole table."""
    from coalitions.power import _engines

    with patch.object(_engines, "_MITM_BLOCK", 3):
        blocked = _engines._mitm_counts(game)
    expected = _engines.swing_counts(game, method="enumeration")
    assert blocked.swings_by_size.tolist() == [list(map(int, r)) for r in expected.swings_by_size]
    assert blocked.winning_by_size.tolist() == list(map(int, expected.winning_by_size))


def test_eu_council_qmv_sums_and_order():
    eu = co.datasets.eu_council()
    ss = co.shapley_shubik_index(eu)
    bz = co.banzhaf_index(eu)
    assert ss.exact and bz.exact and ss.method == "mitm"
    assert sum(ss.x) == 1 and sum(bz.x) == 1
    # more people, more power (the 24-state clause and the state count keep it monotone)
    assert list(ss.x) == sorted(ss.x, reverse=True)
    assert float(ss["Germany"]) == pytest.approx(0.1768, abs=1e-4)
    assert float(bz["Germany"]) == pytest.approx(0.1209, abs=1e-4)


def test_eu_council_brute_force_on_a_sample_of_coalitions():
    eu = co.datasets.eu_council()
    pops = co.datasets.eu_population()
    total = sum(pops.values())
    rng = np.random.default_rng(7)
    for mask in rng.integers(0, 1 << 27, size=2000):
        members = eu.coalition(int(mask))
        people = sum(pops[p] for p in members)
        expected = (len(members) >= 15 and 100 * people >= 65 * total) or len(members) >= 24
        assert eu.is_winning(int(mask)) == expected


# ------------------------------------------------ large bodies: no overflow, floats stable
def test_two_hundred_members_exact_counts_beyond_float_range_of_int64():
    rng = np.random.default_rng(3)
    weights = rng.integers(1, 60, size=200).tolist()
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    exact = co.banzhaf_index(game, normalized=False, method="exact")
    assert max(exact.counts) > 10**57
    floats = co.banzhaf_index(game, normalized=False, method="float").x
    rel = max(abs(float(e) - f) / float(e) for e, f in zip(exact.x, floats))
    assert rel < 1e-12


def test_shapley_shubik_float_beyond_factorial_overflow():
    n = 180  # n! overflows float64 at 171
    game = co.WeightedVotingGame(n // 2 + 1, [1] * n)
    ss = co.shapley_shubik_index(game, method="float")
    assert np.allclose(ss.x, 1 / n, rtol=1e-12)
    assert co.shapley_shubik_index(game, method="auto").x[0] == Fraction(1, n)


def test_float_shapley_shubik_matches_exact_for_sixty_members():
    rng = np.random.default_rng(11)
    weights = rng.integers(1, 200, size=60).tolist()
    game = co.WeightedVotingGame(int(sum(weights) * 0.62), weights)
    exact = co.shapley_shubik_index(game, method="exact").x
    floats = co.shapley_shubik_index(game, method="float").x
    assert max(abs(float(e) - f) / float(e) for e, f in zip(exact, floats)) < 1e-12


# ------------------------------------------------ a posteriori pivotality
def test_pivotal_players_belarus_case():
    eu_unanimity = co.datasets.eu_council(rule="unanimity")
    yes = [p for p in eu_unanimity.players if p != "Cyprus"]
    vote = co.pivotal_players(eu_unanimity, yes)
    assert not vote.passed and vote.pivotal == ("Cyprus",) and vote.no == ("Cyprus",)
    qmv = co.pivotal_players(co.datasets.eu_council(), yes)
    assert qmv.passed and qmv.pivotal == ()


def test_pivotal_players_in_a_passing_vote():
    vote = co.pivotal_players(EEC, 0b000111)  # the three big members
    assert vote.passed and vote.pivotal == ("1", "2", "3")


# ------------------------------------------------ the sweep
def test_decision_rule_sweep_unsc():
    sweep = co.decision_rule_sweep(co.datasets.un_security_council())
    assert sweep.quotas[0] == 23 and sweep.quotas[-1] == 45
    k = sweep.quotas.index(39)
    assert sweep.power_to_act[k] == Fraction(53, 2048)
    assert sweep.power_to_prevent[k, 0] == 1
    assert sweep.power_to_act[-1] == Fraction(1, 2**15)
    assert all(r == 0 for r in sweep.risk_of_being_outvoted[-1])
    act = list(sweep.power_to_act)
    assert act == sorted(act, reverse=True)  # higher quota, less efficiency
    for k, q in enumerate(sweep.quotas):
        game = co.datasets.un_security_council().with_quota(q)
        assert list(sweep.power_to_prevent[k]) == list(co.coleman_power_to_prevent(game).x)
        assert list(sweep.risk_of_being_outvoted[k]) == list(co.risk_of_being_outvoted(game).x)
    assert len(sweep.rows()) == len(sweep.quotas)


def test_sweep_needs_a_weighted_game():
    with pytest.raises(InvalidGameError, match="WeightedVotingGame"):
        co.decision_rule_sweep(co.datasets.eu_council())


# ------------------------------------------------ bad input
def test_unknown_method_lists_valid_ones():
    with pytest.raises(ValueError, match="valid methods are 'auto'"):
        co.banzhaf_index(UNSC, method="magic")


def test_too_many_players_for_enumeration_names_a_method_that_can():
    game = co.WeightedVotingGame(30, [1] * 40)
    with pytest.raises(TooLargeError, match="use method='exact' or method='bdd'"):
        co.banzhaf_index(game, method="enumeration")
    with pytest.raises(TooLargeError, match="enumeration limit is 25"):
        co.johnston_index(game)
    with pytest.raises(TooLargeError, match="at most 40 players"):
        co.banzhaf_index(co.WeightedVotingGame(30, [1] * 41), method="mitm")


def test_index_of_a_non_simple_game_is_refused():
    with pytest.raises(InvalidGameError, match="simple game"):
        co.banzhaf_index([1, 2, 3])
    with pytest.raises(InvalidGameError, match="0/1"):
        co.banzhaf_index(co.TUGame([0, 2, 1, 3]))


def test_power_indices_unknown_index():
    with pytest.raises(ValueError, match="unknown index 'magic'"):
        co.power_indices(UNSC, ["magic"])


def test_power_table_to_dict_is_json_ready():
    import json

    table = co.power_indices(EEC, ["all"])
    document = json.loads(json.dumps(table.to_dict()))
    assert document["indices"]["banzhaf"]["1"] == "5/21"
    assert document["power_to_act"] == "7/32"


def test_sweep_with_given_quotas_keeps_the_weight_scale():
    game = co.WeightedVotingGame(2, [Fraction(1, 2), Fraction(1, 2), 1])
    sweep = co.decision_rule_sweep(game, [1, Fraction(3, 2), 2])
    for k, q in enumerate(sweep.quotas):
        expected = co.coleman_power_to_act(game.with_quota(q)).value
        assert sweep.power_to_act[k] == expected
    with pytest.raises(InvalidGameError, match="quota must lie"):
        co.decision_rule_sweep(game, [3])


@pytest.mark.parametrize(
    "n, seed, low, share", [(70, 1, 0, 0.6), (130, 2, 0, 0.6), (100, 3, 5, 0.3), (140, 4, 8, 0.2)]
)
def test_modular_counts_beyond_int64_agree_with_python_integers(n, seed, low, share):
    # beyond 62 players the counts by size come from residues modulo 2**64 and primes; with
    # every weight >= low > 0 the table keeps only the sizes a losing coalition can have
    rng = np.random.default_rng(seed)
    weights = rng.integers(low, 12, size=n).tolist()
    weights[0] += 1
    game = co.WeightedVotingGame(int(sum(weights) * share) + 1, weights)
    from coalitions.power import _engines as engines

    by_size = engines._exact_counts(game, by_size=True)
    totals = engines._exact_counts(game, by_size=False)  # Python integers, no residues
    assert by_size.swings() == totals.swings()
    assert by_size.winning() == totals.winning()
    assert max(totals.swings()) > 2**64
    ss = co.shapley_shubik_index(game, method="exact")
    assert sum(ss.x) == 1
    floats = co.shapley_shubik_index(game, method="float").x
    live = [float(v) for v in ss.x if v]
    assert np.allclose([float(v) for v in ss.x], floats, rtol=1e-12, atol=0)
    assert live
