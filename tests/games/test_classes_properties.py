from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from strategies import exact_games, float_games

import coalitions as co


def test_families_by_definition():
    airport = co.airport_game([3, 1, 2], players=["a", "b", "c"])
    assert airport.value({"b", "c"}) == 2 and airport.value({"a", "b"}) == 3
    bank = co.bankruptcy_game(200, [100, 200, 300])
    assert bank.value({"1"}) == 0 and bank.value({"2", "3"}) == 100 and bank.grand_value == 200
    glove = co.glove_game(["L1", "L2"], ["R"])
    assert glove.value({"L1", "L2"}) == 0 and glove.value({"L1", "L2", "R"}) == 1
    majority = co.majority_game(5, quota=4)
    assert majority.value({"1", "2", "3"}) == 0 and majority.value({"1", "2", "3", "5"}) == 1
    assert co.additive_game([1, 2, 3]).value({"1", "3"}) == 4
    savings = co.cost_to_savings(co.airport_game([1, 2, 3]))
    assert savings.value({"2", "3"}) == 2 + 3 - 3
    float_bank = co.bankruptcy_game(200.0, [100, 200, 300])
    assert float_bank.kind == "float" and float_bank.value({"2", "3"}) == 100.0


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: co.bankruptcy_game(700, [100, 200, 300]), "estate must lie between 0 and"),
        (lambda: co.bankruptcy_game(10, [-1, 20]), "non-negative"),
        (lambda: co.majority_game(3, quota=5), "quota must be an integer between 1 and n=3"),
        (lambda: co.glove_game([], ["R"]), "at least one left"),
        (lambda: co.unanimity_game(3, ["9"]), "not a player"),
        (lambda: co.airport_game([1, -2]), "non-negative"),
        (lambda: co.symmetric_game(3, [0, 1]), "needs n \\+ 1 = 4 entries"),
    ],
)
def test_family_errors(call, message):
    with pytest.raises(co.InvalidGameError, match=message):
        call()


def test_properties_of_textbook_games():
    glove = co.glove_game(["L"], ["R1", "R2"])
    report = co.game_properties(glove)
    assert report["monotone"] and report["superadditive"] and not report["convex"]
    assert report["veto_players"] == ["L"] and report["symmetric_pairs"] == [("R1", "R2")]
    unanimity = co.unanimity_game(4, ["1", "2"])
    assert co.is_convex(unanimity) and co.null_players(unanimity) == ["3", "4"]
    assert co.dummy_players(co.additive_game([1, 2, 3])) == ["1", "2", "3"]
    assert not co.is_essential(co.additive_game([1, 2, 3]))
    assert not co.is_superadditive(co.TUGame([0, 2, 2, 3]))
    assert not co.is_monotone(co.TUGame([0, 2, 2, 1]))
    assert co.is_convex(co.bankruptcy_game(200, [100, 200, 300]))  # bankruptcy games are convex


def _brute_superadditive(game):
    v, n = list(game.values), game.n_players
    return all(v[s | t] >= v[s] + v[t] for s in range(1 << n) for t in range(1 << n) if not s & t)


def _brute_convex(game):
    v, n = list(game.values), game.n_players
    return all(v[s | t] + v[s & t] >= v[s] + v[t] for s in range(1 << n) for t in range(1 << n))


@given(exact_games(max_players=5))
def test_superadditive_and_convex_match_definitions(game):
    assert co.is_superadditive(game) == _brute_superadditive(game)
    assert co.is_convex(game) == _brute_convex(game)
    if co.is_convex(game):
        assert co.is_superadditive(game)


def test_superadditive_chunked_path_matches_brute_force():
    # 13 players exercise the outer chunk loop (low = 12 bits)
    game = co.random_game(13, rng=1, kind="exact", superadditive=True)
    assert co.is_superadditive(game) == co.is_superadditive(game.to_float())


def test_symbolic_properties_refused():
    import sympy

    with pytest.raises(co.InvalidGameError, match="substitute"):
        co.is_monotone(co.TUGame([0, sympy.Symbol("a"), 1, 2]))


# --- transforms ------------------------------------------------------------------------
@given(exact_games(max_players=7))
def test_dividends_round_trip_and_definition(game):
    dividends = co.harsanyi_dividends(game)
    assert co.game_from_dividends(dividends) == game
    v, n = list(game.values), game.n_players
    mask = (1 << n) - 1
    expected, sub = 0, mask
    while True:
        expected += (-1) ** (n - bin(sub).count("1")) * v[sub]
        if sub == 0:
            break
        sub = (sub - 1) & mask
    assert dividends.grand_value == expected


@given(float_games(min_players=7, max_players=9))
def test_float_dividends_round_trip(game):
    back = co.game_from_dividends(co.harsanyi_dividends(game))
    np.testing.assert_allclose(back.values, game.values, atol=1e-6)


@given(exact_games(max_players=6))
def test_dual_is_an_involution_and_shapley_self_dual(game):
    dual = co.dual_game(game)
    assert co.dual_game(dual) == game
    assert list(co.shapley_value(dual).x) == list(co.shapley_value(game).x)


def test_subgame_and_normalisation():
    game = co.TUGame([0, 1, 2, 5, 3, 6, 7, 10], ["a", "b", "c"])
    sub = co.subgame(game, ["c", "a"])
    assert sub.players == ("c", "a") and sub.value({"c", "a"}) == 6 and sub.value("c") == 3
    zero = co.zero_normalized(game)
    assert zero.value({"a", "b"}) == 2 and all(zero.value(p) == 0 for p in "abc")
    with pytest.raises(co.InvalidGameError, match="same players"):
        game + co.TUGame([0, 1, 1, 3])
    with pytest.raises(co.InvalidGameError, match="exact game to a float game"):
        co.game_sum(game, game.to_float())
    assert co.scaled_game(game, Fraction(1, 2)).grand_value == 5
