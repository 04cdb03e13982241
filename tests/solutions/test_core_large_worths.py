"""Large worths: the LP concepts solve the zero-normalised game, so a game plus a huge
additive offset gives exactly the offset-shifted answer (issue 11, item 15), and an answer
that cannot be verified is reported as success=False rather than returned wrong."""

import importlib
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import offset_games

import coalitions as co
from coalitions.solutions import _normal_form, _three_players

least_core_module = importlib.import_module("coalitions.solutions.least_core")
nucleolus_module = importlib.import_module("coalitions.solutions.nucleolus")

#: The issue's game: b indexed by bitmask, v(S) = b(S) + offset * |S|.
ISSUE_B = [0, 0, 0, 1, 0, 4, 9, 8, 0, 1, 1, 4, 5, 4, 3, 3]
OFFSETS = [10**9, 10**17, 10**30]


def _shifted(values, n, shifts):
    """``values`` plus the additive game of ``shifts`` (exact integers)."""
    return [
        Fraction(v) + sum(shifts[i] for i in range(n) if m >> i & 1) for m, v in enumerate(values)
    ]


@settings(max_examples=60, deadline=None)
@given(offset_games(OFFSETS))
@example((ISSUE_B, 4, [10**9] * 4))
@example((ISSUE_B, 4, [10**17] * 4))
@example((ISSUE_B, 4, [10**30] * 4))
def test_a_huge_offset_shifts_every_lp_concept_exactly(case):
    values, n, shifts = case
    small = co.TUGame(values)
    big = co.TUGame(_shifted(values, n, shifts))
    # least core: the same epsilon, the point shifted
    lc_small, lc_big = co.least_core(small), co.least_core(big)
    assert lc_small.success and lc_big.success and lc_big.exact
    assert lc_big.epsilon == lc_small.epsilon
    assert co.max_excess(big, lc_big.x) == lc_big.epsilon
    # core: the same emptiness; a core point of the big game is a core point
    core_small, core_big = co.core(small), co.core(big)
    assert core_big.success and core_big.is_empty == core_small.is_empty
    assert core_big.epsilon == core_small.epsilon
    if core_big.is_empty:
        cert = core_big.certificate
        assert co.is_balanced_collection(big, cert) and cert.total > cert.grand_value
    else:
        assert co.is_in_core(big, core_big.x)
        shifted_vertices = sorted(
            tuple(v + s for v, s in zip(vertex, shifts)) for vertex in co.core_vertices(small)
        )
        assert sorted(tuple(v) for v in co.core_vertices(big)) == shifted_vertices
    # (pre)nucleolus: shifted exactly
    pre_small, pre_big = co.prenucleolus(small), co.prenucleolus(big)
    assert pre_big.exact and pre_big.verified
    assert list(pre_big.x) == [x + s for x, s in zip(pre_small.x, shifts)]
    assert pre_big.levels == pre_small.levels
    if sum(values[1 << i] for i in range(n)) <= values[-1]:
        nuc_small, nuc_big = co.nucleolus(small), co.nucleolus(big)
        assert list(nuc_big.x) == [x + s for x, s in zip(nuc_small.x, shifts)]
        assert co.is_nucleolus(big, nuc_big.x)


@pytest.mark.parametrize("offset", [0] + OFFSETS)
def test_issue_example_core_is_empty_with_least_core_value_eleven_thirds(offset):
    game = co.TUGame([b + offset * bin(m).count("1") for m, b in enumerate(ISSUE_B)])
    result = co.core(game)
    assert result.success and result.exact and result.is_empty
    assert result.epsilon == Fraction(11, 3)
    assert result.certificate.total > result.certificate.grand_value
    least = co.least_core(game)
    assert least.epsilon == Fraction(11, 3) and co.is_in_least_core(game, least.x)


def test_float_game_with_integer_worths_and_offset_is_exact():
    game = co.TUGame(np.array([b + 1e9 * bin(m).count("1") for m, b in enumerate(ISSUE_B)]))
    result = co.core(game)
    assert result.success and result.is_empty and result.epsilon == pytest.approx(11 / 3)
    assert co.least_core(game).verified


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 5), st.integers(0, 2**32 - 1), st.sampled_from([1e6, 1e9, 1e12]))
def test_float_games_with_offsets_match_the_game_without(n, seed, offset):
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 40, size=1 << n) / 8.0 + rng.random(1 << n) * 0.01
    base[0] = 0.0
    sizes = np.array([bin(m).count("1") for m in range(1 << n)], dtype=float)
    small, big = co.TUGame(base), co.TUGame(base + offset * sizes)
    lc_small, lc_big = co.least_core(small), co.least_core(big)
    assert lc_small.success and lc_big.success
    # the big game's worths are themselves rounded to the spacing of floats near offset * n
    tolerance = 1e-6 * max(1.0, float(np.abs(base).max())) + 4 * n * np.spacing(offset * n)
    assert abs(lc_big.epsilon - lc_small.epsilon) <= tolerance
    pre_small, pre_big = co.prenucleolus(small), co.prenucleolus(big)
    assert pre_big.success and pre_big.verified
    assert np.allclose(pre_big.x - offset, pre_small.x, rtol=0, atol=tolerance)


def test_unverifiable_exact_answers_are_reported_not_returned(monkeypatch):
    game = co.majority_game(4)
    monkeypatch.setattr(_three_players, "FORCE_LP", True)  # the LP path (no table)
    monkeypatch.setattr(least_core_module, "positive_combination", lambda *a, **k: None)
    least = co.least_core(game)
    assert not least.success and not least.exact and "certified" in least.message
    assert np.isnan(least.x.astype(float)).all()
    result = co.core(game)
    assert not result.success and result.status == 1
    assert np.isnan(result.x.astype(float)).all()
    monkeypatch.undo()
    monkeypatch.setattr(_three_players, "FORCE_LP", True)
    monkeypatch.setattr(nucleolus_module, "kohlberg", lambda *a, **k: False)
    nucleolus = co.nucleolus(game)
    assert not nucleolus.success and "Kohlberg" in nucleolus.message
    assert np.isnan(nucleolus.x.astype(float)).all()
    unchecked = co.nucleolus(game, verify=False)
    assert unchecked.success and not unchecked.verified and unchecked.x.dtype == np.float64


def test_unverifiable_float_answers_are_reported(monkeypatch):
    game = co.majority_game(4).to_float() * 1.1
    monkeypatch.setattr(nucleolus_module, "kohlberg", lambda *a, **k: False)
    result = co.prenucleolus(game)
    assert not result.success and "no answer is given" in result.message


def test_normal_form_scales_by_powers_of_two():
    game = co.TUGame([b + 10**30 * bin(m).count("1") for m, b in enumerate(ISSUE_B)])
    form = _normal_form.normal_form(game, "test")
    assert form.exact and np.abs(form.floats).max() <= 1.0
    assert form.value(15) == Fraction(3 - 0 - 0 - 0 - 0)  # b(N) minus the singletons
    huge = co.TUGame([0, 10**400, 10**400, 3 * 10**400])
    assert co.nucleolus(huge).x.tolist() == [Fraction(3, 2) * 10**400] * 2
    tiny = co.TUGame(np.array([0.0, 5e-324, 0.0, 1e-323]))
    assert co.least_core(tiny).success
