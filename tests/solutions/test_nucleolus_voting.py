"""The nucleolus and least core of weighted and compound voting games by constraint generation
(issue 17, item 5): the table path as an oracle on small games, the exact Kohlberg checker
``is_nucleolus`` on the answers, literature values, and hostile inputs."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError, TooLargeError
from coalitions.solutions import _nucleolus_weighted as voting

CG = "constraint-generation"


def _agrees_with_table(game) -> None:
    try:
        table = co.nucleolus(game)
    except InvalidGameError:  # several players win alone: no imputation
        with pytest.raises(InvalidGameError, match="imputation set is empty"):
            co.nucleolus(game, method=CG)
        return
    found = co.nucleolus(game, method=CG)
    assert found.success and found.exact and found.verified, found.message
    assert found.method == CG and found.concept == "nucleolus"
    assert found.x.tolist() == table.x.tolist()
    assert found.levels == table.levels
    assert co.is_nucleolus(game.to_tu_game(), found.x.tolist())
    least = co.least_core(game, method=CG)
    assert least.success and least.exact and least.method == CG, least.message
    assert least.epsilon == co.least_core(game).epsilon
    assert sum(least.x) == 1 and co.is_in_least_core(game.to_tu_game(), least.x.tolist())


@st.composite
def weighted_games(draw, max_players=8):
    n = draw(st.integers(2, max_players))
    weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    if not any(weights):
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedVotingGame(quota, weights)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_games())
def test_weighted_games_agree_with_the_table_path(game):
    _agrees_with_table(game)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_games(7), st.data())
def test_compound_games_agree_with_the_table_path(game, data):
    n = game.n_players
    counts = data.draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))
    second = co.WeightedVotingGame(data.draw(st.integers(1, sum(counts))), counts)
    compound = (game & second) | co.WeightedVotingGame(n, [1] * n)
    _agrees_with_table(compound)


def test_the_meet_in_the_middle_search_agrees_with_the_table_path(monkeypatch):
    # an EU-like double majority (a large population weight) forced onto the halves search
    rng = np.random.default_rng(11)
    n = 8
    people = rng.integers(10**5, 10**7, size=n).tolist()
    game = (
        co.WeightedVotingGame(5, [1] * n) & co.WeightedVotingGame(65 * sum(people) // 100, people)
    ) | co.WeightedVotingGame(n - 1, [1] * n)
    monkeypatch.setattr(voting, "MAX_DP_STATES", 1)
    assert voting._body(game, "test").mode == "mitm"
    _agrees_with_table(game)


def test_security_council_gives_everything_to_the_veto_players():
    unsc = co.datasets.un_security_council()
    result = co.nucleolus(unsc, method=CG)
    assert result.x.tolist() == [Fraction(1, 5)] * 5 + [0] * 10
    assert result.levels == (0, Fraction(-1, 5)) == co.nucleolus(unsc).levels
    assert co.least_core(unsc, method=CG).epsilon == 0


def test_constant_sum_homogeneous_game_has_its_normalised_weights():
    # Peleg (1968): the nucleolus of a constant-sum homogeneous weighted majority game is its
    # normalised homogeneous representation. [3; 2, 1, 1, 1] and, above the table's limit,
    # [26; 2 x 10, 1 x 31] (every minimal winning coalition weighs exactly 26 of 51).
    small = co.WeightedVotingGame(3, [2, 1, 1, 1])
    assert co.nucleolus(small, method=CG).x.tolist() == [Fraction(w, 5) for w in (2, 1, 1, 1)]
    weights = [2] * 10 + [1] * 31
    large = co.WeightedVotingGame(26, weights)
    result = co.nucleolus(large)  # 41 players: chosen automatically
    assert result.method == CG and result.exact and result.verified
    assert result.x.tolist() == [Fraction(w, 51) for w in weights]
    least = co.least_core(large)
    assert least.method == CG and least.epsilon == Fraction(25, 51)


def test_a_symmetric_game_is_the_equal_split():
    game = co.WeightedVotingGame(40, [1] * 60)
    result = co.nucleolus(game)
    assert result.x.tolist() == [Fraction(1, 60)] * 60 and result.verified
    assert result.levels == (1 - Fraction(40, 60),)
    assert co.least_core(game).epsilon == Fraction(1, 3)


def test_huge_and_fractional_weights_are_scaled_exactly():
    reference = co.nucleolus(co.WeightedVotingGame(4, [2, 1, 1, 2, 1]), method=CG).x.tolist()
    huge = co.WeightedVotingGame(4e18, [2e18, 1e18, 1e18, 2e18, 1e18])
    assert co.nucleolus(huge, method=CG).x.tolist() == reference
    halves = co.WeightedVotingGame(Fraction(2), [Fraction(1), Fraction(1, 2), 0.5, 1, "1/2"])
    assert co.nucleolus(halves, method=CG).x.tolist() == reference


def test_weights_too_large_for_the_separation_raise_a_clear_error():
    rng = np.random.default_rng(0)
    weights = [int(v) for v in rng.integers(10**14, 10**15, size=60)]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    with pytest.raises(TooLargeError, match="too large for the exact separation"):
        co.nucleolus(game)
    with pytest.raises(TooLargeError, match="Round the weights"):
        co.least_core(game)


def test_a_thousand_members_answer_or_refuse_clearly():
    equal = co.nucleolus(co.WeightedVotingGame(501, [1] * 1000))
    assert equal.x.tolist() == [Fraction(1, 1000)] * 1000 and equal.verified
    weights = [2] * 500 + [1] * 500
    with pytest.raises(TooLargeError, match="1000 players of 2 distinct weights"):
        co.nucleolus(co.WeightedVotingGame(sum(weights) // 2 + 1, weights))


def test_the_method_is_checked():
    with pytest.raises(InvalidArgumentError, match="weighted and compound voting games"):
        co.nucleolus(co.majority_game(3), method=CG)
    with pytest.raises(InvalidArgumentError, match="weighted and compound voting games"):
        co.least_core(co.majority_game(3), method=CG)
    with pytest.raises(InvalidArgumentError, match="constraint-generation"):
        co.prenucleolus(co.WeightedVotingGame(2, [1, 1, 1]), method=CG)


def test_unverified_answers_are_floats():
    result = co.nucleolus(co.WeightedVotingGame(3, [2, 1, 1, 1]), method=CG, verify=False)
    assert not result.verified and not result.exact
    assert result.x.dtype == np.float64 and result.x.tolist() == [0.4, 0.2, 0.2, 0.2]


def test_the_default_switches_path_above_the_measured_size(monkeypatch):
    import importlib

    module = importlib.import_module("coalitions.solutions.nucleolus")

    monkeypatch.setattr(module, "NUCLEOLUS_SWITCH", 5)
    small = co.WeightedVotingGame(5, [3, 2, 2, 1, 1])
    large = co.WeightedVotingGame(6, [3, 2, 2, 1, 1, 1])
    assert co.nucleolus(small).method == "sequential"
    chosen = co.nucleolus(large)
    assert chosen.method == CG and chosen.verified
    assert chosen.x.tolist() == co.nucleolus(large.to_tu_game()).x.tolist()
    assert co.least_core(large).method == "highs"  # the least core switches above 19


def test_the_default_falls_back_to_the_table_where_the_programme_is_too_large(monkeypatch):
    import importlib

    module = importlib.import_module("coalitions.solutions.nucleolus")

    monkeypatch.setattr(module, "NUCLEOLUS_SWITCH", 5)
    monkeypatch.setattr(voting, "MAX_DP_WORK", 1)
    game = co.WeightedVotingGame(6, [3, 2, 2, 1, 1, 1])
    fallback = co.nucleolus(game)
    assert fallback.method == "sequential" and fallback.verified
    assert fallback.x.tolist() == co.nucleolus(game.to_tu_game()).x.tolist()
    with pytest.raises(TooLargeError):
        co.nucleolus(game, method=CG)


def test_twenty_two_members_take_the_constraint_generation_path():
    weights = [5, 4, 4, 3, 3, 3, 2, 2, 2, 2] + [1] * 12
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    result = co.nucleolus(game)
    assert result.method == CG and result.verified and result.exact
    assert sum(result.x) == 1
    least = co.least_core(game)
    assert least.method == CG and least.certificate is not None


def _check_balanced(certificate, game) -> None:
    """The certificate from its definition: every player covered once, the total its
    weighted worths, and the least-core bound it proves."""
    tu = game.to_tu_game()
    cover = dict.fromkeys(game.players, Fraction(0))
    for members, weight in zip(certificate.coalitions, certificate.weights):
        assert weight > 0
        for p in members:
            cover[p] += weight
    assert set(cover.values()) == {1}
    total = sum(w * tu.value(set(c)) for c, w in zip(certificate.coalitions, certificate.weights))
    assert certificate.total == total and certificate.grand_value == tu.value(set(game.players))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weighted_games())
def test_the_least_core_certificate_is_a_balanced_collection_over_the_players(game):
    found = co.least_core(game, method=CG)
    if not found.success:
        return
    certificate = found.certificate
    assert certificate is not None and certificate.exact
    _check_balanced(certificate, game)
    bound = (certificate.total - certificate.grand_value) / sum(certificate.weights)
    assert bound == found.epsilon == co.least_core(game).epsilon


def test_the_least_core_switches_path_and_falls_back(monkeypatch):
    import importlib

    module = importlib.import_module("coalitions.solutions.least_core")
    monkeypatch.setattr(module, "LEAST_CORE_SWITCH", 5)
    game = co.WeightedVotingGame(6, [3, 2, 2, 1, 1, 1])
    chosen = co.least_core(game)
    assert chosen.method == CG and chosen.epsilon == co.least_core(game.to_tu_game()).epsilon
    _check_balanced(chosen.certificate, game)
    monkeypatch.setattr(voting, "MAX_DP_WORK", 1)
    assert co.least_core(game).method == "highs"
    with pytest.raises(TooLargeError):
        co.least_core(game, method=CG)


def test_a_certificate_too_large_to_spell_out_is_left_out(monkeypatch):
    monkeypatch.setattr(voting, "MAX_CERTIFICATE_COALITIONS", 1)
    found = co.least_core(co.WeightedVotingGame(6, [3, 2, 2, 1, 1, 1]), method=CG)
    assert found.success and found.certificate is None
    assert "coalition profiles over 3 player types" in found.message


def test_an_explicit_table_method_keeps_the_table(monkeypatch):
    import importlib

    monkeypatch.setattr(
        importlib.import_module("coalitions.solutions.nucleolus"), "NUCLEOLUS_SWITCH", 5
    )
    monkeypatch.setattr(
        importlib.import_module("coalitions.solutions.least_core"), "LEAST_CORE_SWITCH", 5
    )
    game = co.WeightedVotingGame(6, [3, 2, 2, 1, 1, 1])
    assert co.nucleolus(game).method == CG and co.least_core(game).method == CG
    assert co.nucleolus(game, method="sequential").method == "sequential"
    assert co.least_core(game, method="highs").method == "highs"
