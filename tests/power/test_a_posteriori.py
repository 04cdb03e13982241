"""A posteriori power: decisiveness and success. Known answers (coin tosses give the absolute
Banzhaf and Rae indices; Straffin's homogeneity gives the Shapley-Shubik index), a brute-force
oracle over every vote profile, agreement of the exact methods, and the copula sampler within
its standard errors."""

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_voting_games

import coalitions as co
from coalitions.exceptions import InvalidArgumentError


def oracle(game, p):
    """Decisiveness and success by summing over every vote profile (pure Python)."""
    n = game.n_players
    decisive, wins = [Fraction(0)] * n, [Fraction(0)] * n
    for votes in itertools.product((0, 1), repeat=n):
        weight = Fraction(1)
        for v, q in zip(votes, p):
            weight *= q if v else 1 - q
        yes = {game.players[i] for i in range(n) if votes[i]}
        passes = game.is_winning(yes)
        for i in range(n):
            with_i = game.is_winning(yes | {game.players[i]})
            without = game.is_winning(yes - {game.players[i]})
            decisive[i] += weight * (with_i and not without)
            wins[i] += weight * (passes == bool(votes[i]))
    return decisive, wins


probabilities = st.lists(st.fractions(0, 1, max_denominator=7), min_size=7, max_size=7)


@given(game=weighted_voting_games(max_players=6), p=probabilities)
def test_exact_methods_match_the_oracle(game, p):
    p = p[: game.n_players]
    decisive, wins = oracle(game, p)
    for method in ("auto", "enumeration"):
        assert co.decisiveness(game, p, method=method).x.tolist() == decisive
        assert co.success(game, p, method=method).x.tolist() == wins


@given(game=weighted_voting_games(max_players=7))
def test_coin_tosses_give_the_absolute_banzhaf_and_rae_indices(game):
    half = Fraction(1, 2)
    beta = co.banzhaf_index(game, normalized=False).x.tolist()
    assert co.decisiveness(game, half).x.tolist() == beta
    assert co.success(game, half).x.tolist() == [(1 + b) / 2 for b in beta]


@given(game=weighted_voting_games(max_players=7))
def test_straffin_homogeneity_gives_the_shapley_shubik_index(game):
    n = game.n_players
    # decisiveness at a common p is a polynomial of degree n - 1: Gauss-Legendre is exact
    nodes, weights = np.polynomial.legendre.leggauss(n // 2 + 1)
    ps, ws = (nodes + 1) / 2, weights / 2
    integral = sum(w * co.decisiveness(game, float(q)).x for q, w in zip(ps, ws))
    ss = np.array([float(v) for v in co.shapley_shubik_index(game).x])
    assert np.allclose(integral, ss, atol=1e-12)


def test_near_certain_votes_stay_accurate():
    game = co.WeightedVotingGame(30, [9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 1, 1])
    p = [0.999999, 1e-7, 0.5, 0.9999, 0.3, 0.7, 1.0, 0.0, 0.25, 0.75, 0.6, 0.4]
    for function in (co.decisiveness, co.success):
        fast = function(game, p, method="generating-function").x
        table = function(game, p, method="enumeration").x
        assert np.allclose(fast, table, atol=1e-12, rtol=0)


def test_a_thousand_members():
    weights = [1 + i % 7 for i in range(1000)]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    result = co.decisiveness(game, 0.5)
    assert result.method == "generating-function" and not result.exact
    beta = co.banzhaf_index(game, normalized=False, method="float").x
    assert np.allclose(result.x, beta, rtol=1e-9, atol=1e-15)


def test_copula_sampler_agrees_within_its_errors():
    game = co.WeightedVotingGame(5, [3, 2, 2, 1])
    p = [0.7, 0.4, 0.5, 0.9]
    exact = co.decisiveness(game, p).x
    sampled = co.decisiveness(game, p, method="copula-sampling", budget=40000, rng=1)
    assert sampled.method == "copula-sampling" and not sampled.exact
    assert np.all(np.abs(sampled.x - exact) <= 5 * sampled.std_error + 1e-12)
    wins = co.success(game, p).x
    sampled_wins = co.success(game, p, correlation=np.eye(4), budget=40000, rng=2)
    assert np.all(np.abs(sampled_wins.x - wins) <= 5 * sampled_wins.std_error + 1e-12)


def test_perfectly_correlated_votes_decide_only_at_the_ends():
    game = co.WeightedVotingGame(3, [2, 1, 1])
    p = [0.5] * 3
    result = co.decisiveness(game, p, correlation=np.ones((3, 3)), budget=20000, rng=3)
    # everyone votes alike: at "all yes" a member decides when N wins and N - i loses; at
    # "all no" when {i} alone would win
    n_minus = [not game.is_winning(set(game.players) - {i}) for i in game.players]
    alone = [game.is_winning({i}) for i in game.players]
    expected = 0.5 * np.array(n_minus, dtype=float) + 0.5 * np.array(alone, dtype=float)
    assert np.all(np.abs(result.x - expected) <= 5 * result.std_error + 0.01)


@pytest.mark.parametrize(
    "p, kwargs",
    [
        (1.5, {}),
        (-0.1, {}),
        ([0.5, 0.5], {}),
        (["a"] * 3, {}),
        (float("nan"), {}),
        (True, {}),
        (0.5, {"correlation": np.eye(2)}),
        (0.5, {"correlation": [[1, 2, 0], [2, 1, 0], [0, 0, 1]]}),
        (0.5, {"correlation": np.eye(3) * 2}),
        (0.5, {"correlation": np.eye(3), "method": "enumeration"}),
        (0.5, {"method": "copula-sampling", "budget": 0}),
        (0.5, {"method": "quantum"}),
    ],
)
def test_bad_inputs_are_refused(p, kwargs):
    with pytest.raises(InvalidArgumentError):
        co.decisiveness(co.WeightedVotingGame(3, [2, 1, 1]), p, **kwargs)


def test_generating_function_needs_integer_weights():
    with pytest.raises(InvalidArgumentError, match="enumeration"):
        co.decisiveness(
            co.WeightedVotingGame(0.6, [0.5, 0.3, 0.2]), 0.5, method="generating-function"
        )
    table = co.decisiveness(co.WeightedVotingGame(0.6, [0.5, 0.3, 0.2]), 0.5)
    assert table.method == "enumeration"


def test_other_simple_games_are_enumerated():
    assert co.decisiveness(co.datasets.un_security_council(), 0.5).method == "generating-function"
    both = co.CompoundGame(
        "and", [co.WeightedVotingGame(2, [1, 1, 1]), co.WeightedVotingGame(1, [1, 1, 1])]
    )
    result = co.decisiveness(both, Fraction(1, 2))
    assert result.method == "enumeration" and result.exact
    assert result.x.tolist() == co.banzhaf_index(both, normalized=False).x.tolist()


@st.composite
def double_majorities(draw, min_players=2, max_players=15):
    """EU-style rules: (count >= a AND weight >= b) OR count >= c, with random weights, or a
    plain conjunction of two weighted rules."""
    n = draw(st.integers(min_players, max_players))
    weights = draw(st.lists(st.integers(0, 1_000), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    heads = co.WeightedVotingGame(draw(st.integers(1, n)), [1] * n)
    mass = co.WeightedVotingGame(draw(st.integers(1, sum(weights))), weights)
    rule = heads & mass
    if draw(st.booleans()):
        rule = rule | co.WeightedVotingGame(draw(st.integers(1, n)), [1] * n)
    return rule


@settings(max_examples=25, deadline=None)
@given(game=double_majorities(max_players=7), p=probabilities)
def test_meet_in_the_middle_matches_the_oracle_exactly(game, p):
    p = (p * 2)[: game.n_players]
    decisive, wins = oracle(game, p)
    table = co.a_posteriori_table(game, p, method="mitm")
    assert table.method == "mitm" and table.exact
    assert table.indices["decisiveness"].tolist() == decisive
    assert table.indices["success"].tolist() == wins


@settings(max_examples=15, deadline=None)
@given(game=double_majorities(min_players=13, max_players=15), seed=st.integers(0, 2**32 - 1))
def test_meet_in_the_middle_equals_enumeration_on_fifteen_members(game, seed):
    p = np.random.default_rng(seed).uniform(0, 1, game.n_players).tolist()
    by_halves = co.a_posteriori_table(game, p, method="mitm")
    by_table = co.a_posteriori_table(game, p, method="enumeration")
    for column in ("decisiveness", "success"):
        gap = np.abs(by_halves.indices[column] - by_table.indices[column])
        assert float(gap.max()) < 1e-12
    assert abs(by_halves.power_to_act - by_table.power_to_act) < 1e-12


def test_eu_council_coin_tosses_give_the_absolute_banzhaf_index():
    eu = co.datasets.eu_council()
    result = co.decisiveness(eu, 0.5)
    assert result.method == "mitm" and eu.n_players == 27  # beyond the 2**25 table
    banzhaf = np.asarray(co.banzhaf_index(eu, normalized=False).x, dtype=float)
    assert float(np.abs(np.asarray(result.x) - banzhaf).max()) < 1e-12
    success = np.asarray(co.success(eu, 0.5).x)
    assert float(np.abs(success - (1 + banzhaf) / 2).max()) < 1e-12


def test_eu_council_certain_votes():
    eu = co.datasets.eu_council()
    # everyone else sure to vote yes: nobody is decisive (the rest pass without any one)
    assert float(np.max(co.decisiveness(eu, 1.0).x)) == 0.0
    assert co.a_posteriori_table(eu, 1.0).power_to_act == 1.0


def test_mitm_needs_a_weighted_or_compound_rule():
    table_game = co.SimpleGame.from_minimal_winning([["a", "b"], ["c", "d"]], list("abcd"))
    with pytest.raises(InvalidArgumentError, match="enumeration"):
        co.decisiveness(table_game, 0.5, method="mitm")
    with pytest.raises(co.TooLargeError, match="copula-sampling"):
        co.decisiveness(co.WeightedVotingGame(21, [1] * 41), 0.5, method="mitm")
