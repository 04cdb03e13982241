from fractions import Fraction

import numpy as np
import pytest
import sympy

import coalitions as co
from coalitions.games.tu import check_table_size


def test_constructors_agree():
    by_table = co.TUGame([0, 0, 0, 1, 0, 1, 0, 1], ["L", "R1", "R2"])
    by_dict = co.TUGame.from_dict(
        {("L", "R1"): 1, ("R2", "L"): 1, ("L", "R1", "R2"): 1}, players=["L", "R1", "R2"]
    )
    by_function = co.TUGame.from_function(
        lambda s: int("L" in s and len(s) >= 2), ["L", "R1", "R2"]
    )
    assert by_table == by_dict == by_function
    assert hash(by_table) == hash(by_dict)
    assert by_table == co.glove_game(["L"], ["R1", "R2"])


def test_default_players_and_access():
    game = co.TUGame([0.0, 1.0, 2.0, 4.0])
    assert game.players == ("1", "2") and game.n_players == 2
    assert game.value(["1", "2"]) == 4.0 == game.value(3) == game.grand_value
    assert game.value("2") == 2.0
    assert game.coalition(2) == frozenset({"2"})
    assert game.kind == "float" and not game.exact
    assert repr(game) == "TUGame(players=('1', '2'), kind='float')"


def test_number_kinds():
    assert co.TUGame([0, 1, 1, 3]).kind == "exact"
    assert co.TUGame([0, Fraction(1, 3), 1, 3]).values[1] == Fraction(1, 3)
    assert co.TUGame(np.array([0, 1, 1, 3])).kind == "exact"
    assert co.TUGame([0, 1.5, 1, 3]).kind == "float"
    assert co.TUGame([0, sympy.Symbol("a"), 1, 3]).kind == "symbolic"
    assert co.TUGame([0, sympy.Rational(1, 2), 1, 3]).kind == "exact"


def test_conversions():
    game = co.TUGame([0.0, 0.1, 0.25, 1.0])
    exact = game.to_exact()
    assert list(exact.values) == [0, Fraction(1, 10), Fraction(1, 4), 1]
    assert exact.to_float() == game
    a = sympy.Symbol("a")
    with pytest.raises(co.InvalidGameError, match="substitute"):
        co.TUGame([0, a, 1, 3]).to_float()


def test_immutable_and_no_copy():
    values = np.array([0.0, 1.0, 2.0, 3.0])
    game = co.TUGame(values)
    assert np.shares_memory(game.values, values)
    with pytest.raises(ValueError):
        game.values[1] = 5.0
    with pytest.raises(AttributeError):
        game.players = ("a", "b")


def test_equality_distinguishes_players_and_kind():
    assert co.TUGame([0, 1, 1, 3]) != co.TUGame([0, 1, 1, 3], ["a", "b"])
    assert co.TUGame([0, 1, 1, 3]) != co.TUGame([0.0, 1.0, 1.0, 3.0])
    assert len({co.TUGame([0, 1, 1, 3]), co.TUGame([0, 1, 1, 3])}) == 1


def test_arithmetic():
    a, b = co.TUGame([0, 1, 1, 3]), co.TUGame([0, 2, 0, 2])
    assert list((a + b).values) == [0, 3, 1, 5]
    assert list((a - b).values) == [0, -1, 1, 1]
    assert list((2 * a).values) == [0, 2, 2, 6]
    assert list((-a).values) == [0, -1, -1, -3]


def test_pickle_round_trip():
    import pickle

    game = co.glove_game(["L"], ["R1", "R2"])
    assert pickle.loads(pickle.dumps(game)) == game


@pytest.mark.parametrize(
    "values, message",
    [
        ([0, 1, 2], "2\\*\\*n values .* got 3; the nearest valid lengths are 2 and 4"),
        ([], "got 0"),
        ([0.0, float("nan"), 1.0, 2.0], "NaN or infinite .* index 1"),
        ([0.0, 1.0, float("inf"), 2.0], "NaN or infinite"),
        ([1, 1, 2, 3], "v\\(empty coalition\\) must be 0, got 1"),
        ([0, "x", 1, 2], "not a number"),
        (np.zeros((2, 2)), "one-dimensional"),
    ],
)
def test_bad_tables(values, message):
    with pytest.raises(co.InvalidGameError, match=message):
        co.TUGame(values)


def test_bad_players():
    with pytest.raises(co.InvalidGameError, match="duplicate player names: 'a'"):
        co.TUGame([0, 1, 1, 3], ["a", "a"])
    with pytest.raises(co.InvalidGameError, match="3 player names given for a table of 2\\*\\*2"):
        co.TUGame([0, 1, 1, 3], ["a", "b", "c"])
    with pytest.raises(co.InvalidGameError, match="must be strings"):
        co.TUGame([0, 1, 1, 3], [1, 2])
    with pytest.raises(co.InvalidGameError, match="non-empty"):
        co.TUGame([0, 1, 1, 3], ["a", " "])


def test_unknown_player_and_mask():
    game = co.TUGame([0, 1, 1, 3], ["a", "b"])
    with pytest.raises(co.InvalidGameError, match="unknown player 'z'; the players are 'a', 'b'"):
        game.value({"a", "z"})
    with pytest.raises(co.InvalidGameError, match="out of range"):
        game.value(7)


def test_from_dict_errors():
    with pytest.raises(co.InvalidGameError, match="unknown player 'c'"):
        co.TUGame.from_dict({("a", "c"): 1}, players=["a", "b"])
    with pytest.raises(co.InvalidGameError, match="given twice with different values"):
        co.TUGame.from_dict({("a", "b"): 1, ("b", "a"): 2})
    with pytest.raises(co.InvalidGameError, match="mapping"):
        co.TUGame({("a",): 1})


def test_too_large():
    with pytest.raises(co.TooLargeError, match=r"40 players needs 2\*\*40 values, about 8\.0 TiB"):
        check_table_size(40)
    with pytest.raises(co.TooLargeError, match="from_function would call"):
        co.TUGame.from_function(lambda s: 0, [str(i) for i in range(30)])
    with pytest.raises(co.TooLargeError, match="sampling estimator"):
        co.random_game(31)
