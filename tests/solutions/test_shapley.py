from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import shapley_by_permutations
from reference import cases, fractions
from strategies import exact_games, float_games, games, symbolic_games

import coalitions as co

REF = cases()


# --- known answers -------------------------------------------------------------------------
def test_glove_game_reference():
    phi = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]))
    assert list(phi.x) == fractions(REF["GLOVE_SV"]["exact"])
    assert phi.exact and phi["L"] == Fraction(2, 3)


def test_airport_reference():
    phi = co.shapley_value(co.airport_game([1, 2, 3]))
    assert list(phi.x) == fractions(REF["AIRPORT_123_SV"]["exact"])


def test_talmud_estate_200_reference():
    phi = co.shapley_value(co.bankruptcy_game(200, [100, 200, 300]))
    assert list(phi.x) == fractions(REF["TALMUD_E200_SV"]["exact"])


def _security_council():
    players = ["P1", "P2", "P3", "P4", "P5"] + [f"E{i}" for i in range(10)]
    veto = frozenset(players[:5])
    return co.TUGame.from_function(lambda s: int(veto <= s and len(s) >= 9), players)


def test_security_council_reference():
    phi = co.shapley_value(_security_council())
    assert phi["P1"] == fractions(REF["UNSC15_SS_perm"]["exact"])[0]
    assert phi["E3"] == fractions(REF["UNSC15_SS_elected"]["exact"])[0]
    float_phi = co.shapley_value(_security_council().to_float())
    assert float_phi["P1"] == pytest.approx(float(REF["UNSC15_SS_perm"]["decimal"]), abs=1e-6)


def test_airport_formula_littlechild_owen(rng):
    costs = sorted(rng.integers(1, 50, size=7).tolist())
    phi = co.shapley_value(co.airport_game(costs)).x
    n, previous, expected, running = len(costs), 0, [], Fraction(0)
    for k, c in enumerate(costs):
        running += Fraction(c - previous, n - k)
        expected.append(running)
        previous = c
    assert list(phi) == expected


def test_unanimity_game_splits_equally_among_carrier():
    phi = co.shapley_value(co.unanimity_game(["a", "b", "c", "d"], ["b", "d"], value=6))
    assert list(phi.x) == [0, 3, 0, 3]


# --- the definition as oracle, on every path ----------------------------------------------
@given(games(max_players=6))
def test_matches_permutation_definition(game):
    phi = co.shapley_value(game).x
    expected = shapley_by_permutations(game)
    if game.kind == "float":
        np.testing.assert_allclose(phi, expected, atol=1e-9)
    else:
        assert list(phi) == expected


@pytest.mark.parametrize("n", [13, 15, 16, 19])
def test_large_float_path_matches_exact_path(n, rng):
    values = rng.integers(0, 1000, size=1 << n)
    values[0] = 0
    exact = co.shapley_value(co.TUGame(values.astype(np.int64))).x
    fast = co.shapley_value(co.TUGame(values.astype(np.float64))).x
    np.testing.assert_allclose(fast, [float(v) for v in exact], rtol=1e-10, atol=1e-9)


@given(games(max_players=5))
def test_dividend_method_agrees(game):
    a = co.shapley_value(game).x
    b = co.shapley_value(game, method="dividends").x
    if game.kind == "float":
        np.testing.assert_allclose(a, b, atol=1e-8)
    else:
        assert list(a) == list(b)


# --- axioms as properties ----------------------------------------------------------------
@given(games(max_players=7))
def test_efficiency(game):
    phi = co.shapley_value(game).x
    if game.kind == "float":
        assert sum(phi) == pytest.approx(game.grand_value, abs=1e-8)
    else:
        assert sum(phi) == game.grand_value


@given(exact_games(min_players=2, max_players=6), st.data())
def test_symmetry(game, data):
    # Make a drawn pair i < j symmetric by symmetrising the table, then check equal payoffs.
    n = game.n_players
    i, j = sorted(data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)))
    values = list(game.values)
    for mask in range(1 << n):
        if mask >> i & 1 and not mask >> j & 1:  # S + i and S + j get the same worth
            values[mask ^ (1 << i) ^ (1 << j)] = values[mask]
    symmetric = co.TUGame(values)
    phi = co.shapley_value(symmetric).x
    assert phi[i] == phi[j]
    assert (symmetric.players[i], symmetric.players[j]) in co.symmetric_pairs(symmetric)


@given(exact_games(min_players=2, max_players=6))
def test_null_player_gets_zero(game):
    # Make the last player null: v(S + last) = v(S).
    n = game.n_players
    values = list(game.values)
    last = 1 << (n - 1)
    for mask in range(last):
        values[mask | last] = values[mask]
    nulled = co.TUGame(values)
    assert co.shapley_value(nulled).x[-1] == 0
    assert nulled.players[-1] in co.null_players(nulled)


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(exact_games(n, n), exact_games(n, n))))
def test_additivity(pair):
    a, b = pair
    assert list(co.shapley_value(a + b).x) == [
        x + y for x, y in zip(co.shapley_value(a).x, co.shapley_value(b).x)
    ]


@given(float_games(min_players=1, max_players=6))
def test_float_in_float_out(game):
    result = co.shapley_value(game)
    assert result.x.dtype == np.float64 and result.exact is False


# --- symbolic games ------------------------------------------------------------------------
def test_parametric_game_is_symbolic_and_exact():
    a, b = sympy.symbols("a b")
    game = co.TUGame([0, 0, 0, a, 0, b, 0, a + b + 1])
    phi = co.shapley_value(game)
    assert phi.exact
    expected = shapley_by_permutations(game)
    assert all(sympy.simplify(x - y) == 0 for x, y in zip(phi.x, expected))
    # substituting the parameters agrees with the exact game
    numeric = co.shapley_value(game.subs({a: 2, b: Fraction(1, 3)}))
    assert list(numeric.x) == [
        sympy.Rational(x.subs({a: 2, b: sympy.Rational(1, 3)})) for x in phi.x
    ]


@settings(max_examples=15, deadline=None)
@given(symbolic_games(), st.fractions(-5, 5, max_denominator=7))
def test_symbolic_shapley_specialises_to_the_exact_one(game, value):
    """Shapley is linear in the worths: phi(v)(a = r) = phi(v(a = r)), both exact."""
    a = sympy.Symbol("a")
    phi = co.shapley_value(game)
    assert phi.exact and sympy.simplify(sum(phi.x) - game.grand_value) == 0
    r = sympy.Rational(value.numerator, value.denominator)
    numeric = co.shapley_value(game.subs({a: value}))
    assert [sympy.Rational(x) for x in numeric.x] == [sympy.nsimplify(x.subs(a, r)) for x in phi.x]


# --- results and errors --------------------------------------------------------------------
def test_result_object():
    phi = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]))
    assert phi.to_dict()["x"] == {"L": "2/3", "R1": "1/6", "R2": "1/6"}
    assert phi.concept == "shapley" and phi.n_evaluations == 8
    with pytest.raises(KeyError, match="unknown player 'X'"):
        phi["X"]
    with pytest.raises(ValueError, match="read-only"):
        phi.x[0] = 1


def test_unknown_method():
    with pytest.raises(ValueError, match="valid methods are 'auto', 'exact', 'dividends'"):
        co.shapley_value(co.majority_game(3), method="magic")


def test_not_a_game():
    with pytest.raises(co.InvalidGameError, match="needs a TUGame"):
        co.shapley_value([0, 1, 1, 2])


def test_single_player():
    assert list(co.shapley_value(co.TUGame([0, 5])).x) == [5]
