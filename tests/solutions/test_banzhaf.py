from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from oracles import banzhaf_by_definition
from reference import cases, expected, fractions
from strategies import exact_games, games

import coalitions as co

REF = cases()


def test_security_council_swings_reference():
    players = ["P1", "P2", "P3", "P4", "P5"] + [f"E{i}" for i in range(10)]
    veto = frozenset(players[:5])
    game = co.TUGame.from_function(lambda s: int(veto <= s and len(s) >= 9), players)
    raw = co.banzhaf_value(game)
    (perm_swings,), (elected_swings,) = expected(REF["UNSC15_BZ_swings"])
    assert raw["P1"] * 2**14 == perm_swings and raw["E0"] * 2**14 == elected_swings
    (perm_abs,), (elected_abs,) = expected(REF["UNSC15_BZ_abs"])
    assert raw["P1"] == perm_abs and raw["E0"] == elected_abs
    normalized = co.banzhaf_value(game, normalized=True)
    (perm_norm,), _ = expected(REF["UNSC15_BZ_norm"])
    assert normalized["P1"] == perm_norm
    assert sum(normalized.x) == 1


def test_eec_1958_reference():
    weights = [4, 4, 4, 2, 2, 1]
    game = co.TUGame.from_function(
        lambda s: int(sum(weights[int(p) - 1] for p in s) >= 12), [str(i) for i in range(1, 7)]
    )
    expected = fractions(REF["EEC1958_BZ"]["exact"])
    assert list(co.banzhaf_value(game, normalized=True).x) == expected


@given(games(max_players=6))
def test_matches_definition(game):
    beta = co.banzhaf_value(game).x
    expected = banzhaf_by_definition(game)
    if game.kind == "float":
        np.testing.assert_allclose(beta, expected, atol=1e-9)
    else:
        assert list(beta) == expected


@given(exact_games(max_players=6))
def test_total_power_identity(game):
    n = game.n_players
    sizes = [bin(m).count("1") for m in range(1 << n)]
    total = sum((2 * s - n) * v for s, v in zip(sizes, game.values)) / Fraction(2 ** (n - 1))
    assert sum(co.banzhaf_value(game).x) == total


@given(exact_games(min_players=2, max_players=6))
def test_null_player_and_symmetry(game):
    n = game.n_players
    values = list(game.values)
    last = 1 << (n - 1)
    for mask in range(last):
        values[mask | last] = values[mask]
    assert co.banzhaf_value(co.TUGame(values)).x[-1] == 0
    values = list(game.values)
    for mask in range(1 << n):
        swapped = (mask & ~3) | ((mask & 1) << 1) | ((mask >> 1) & 1)
        if swapped > mask:
            values[swapped] = values[mask]
    beta = co.banzhaf_value(co.TUGame(values)).x
    assert beta[0] == beta[1]


@pytest.mark.parametrize("n", [13, 18])
def test_large_float_path_matches_exact_path(n, rng):
    # the streaming float kernel (n > 12) against the exact layer sums of the same integers
    values = rng.integers(-1000, 1000, size=1 << n)
    values[0] = 0
    exact = co.banzhaf_value(co.TUGame(values.astype(np.int64))).x
    fast = co.banzhaf_value(co.TUGame(values.astype(np.float64))).x
    np.testing.assert_allclose(fast, [float(v) for v in exact], rtol=1e-10, atol=1e-9)


def test_normalized_sums_to_one_float(rng):
    values = rng.random(1 << 16)
    values[0] = 0
    beta = co.banzhaf_value(co.TUGame(values), normalized=True)
    assert beta.x.sum() == pytest.approx(1.0)
    assert beta.normalized


def test_normalized_undefined_for_zero_total():
    with pytest.raises(co.InvalidGameError, match="sum to zero"):
        co.banzhaf_value(co.TUGame([0, 0, 0, 0]), normalized=True)
