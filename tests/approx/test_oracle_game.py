"""OracleGame: lazy values, caching, counting, validation."""

import pickle

import numpy as np
import pytest

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError


def squares(members):
    return len(members) ** 2


def test_scalar_function_values_and_counter():
    game = co.OracleGame(squares, ["a", "b", "c"])
    assert game.value({"a", "b"}) == 4.0
    assert game.value("c") == 1.0
    assert game.value(0b111) == 9.0
    assert game.n_evaluations == 3
    game.value({"b", "a"})  # cached
    assert game.n_evaluations == 3
    game.reset_counter()
    assert game.n_evaluations == 0


def test_cache_off_and_lru():
    off = co.OracleGame(squares, 4, cache=False)
    off.value(3), off.value(3)
    assert off.n_evaluations == 2
    lru = co.OracleGame(squares, 4, cache=1)
    lru.value(1), lru.value(2), lru.value(1)
    assert lru.n_evaluations == 3  # 1 was evicted by 2


def test_vectorized_batch_and_duplicates():
    weights = np.array([4.0, 3.0, 2.0, 1.0])
    calls = []

    def function(matrix):
        calls.append(matrix.shape[0])
        return (matrix @ weights >= 6).astype(float)

    game = co.OracleGame(function, ["a", "b", "c", "d"], vectorized=True)
    rows = np.array([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]], dtype=bool)
    assert game.evaluate(rows).tolist() == [1.0, 1.0, 0.0]
    # [1]: the constructor checks v(empty) = 0; then the duplicate row is evaluated once.
    assert calls == [1, 2]
    assert game.n_evaluations == 2


def test_n_large():
    n = 1000
    game = co.OracleGame(lambda m: m.sum(axis=1).astype(float), n, vectorized=True)
    assert game.n_players == n
    assert game.value(["1", "1000"]) == 2.0
    assert game.value((1 << 999) | 1) == 2.0


def test_tabulate_round_trip():
    game = co.OracleGame(squares, ["a", "b", "c"]).tabulate()
    assert isinstance(game, co.TUGame)
    assert co.shapley_value(game).x.tolist() == pytest.approx([3.0, 3.0, 3.0])
    with pytest.raises(TooLargeError, match="sampling"):
        co.OracleGame(squares, 40).tabulate()


def test_pickle_keeps_function_not_cache():
    game = co.OracleGame(squares, 3)
    game.value(7)
    copy = pickle.loads(pickle.dumps(game))
    assert copy.value(7) == 9.0 and copy.players == game.players


@pytest.mark.parametrize(
    "function, vectorized, message",
    [
        (lambda m: np.full(m.shape[0], np.nan), True, "finite"),
        (lambda m: np.zeros((m.shape[0], 2)), True, "shape"),
        (lambda m: np.zeros(m.shape[0] + 1), True, "shape"),
        (lambda s: float("inf"), False, "finite"),
        (lambda s: "x", False, "non-number"),
    ],
)
def test_bad_oracle_output(function, vectorized, message):
    with pytest.raises(InvalidGameError, match=message):  # met when v(empty) is checked
        co.OracleGame(function, 3, vectorized=vectorized)


def test_bad_construction_and_coalitions():
    with pytest.raises(InvalidGameError, match="callable"):
        co.OracleGame(3, 2)
    with pytest.raises(InvalidGameError, match="duplicate"):
        co.OracleGame(squares, ["a", "a"])
    with pytest.raises(InvalidGameError, match="at least one"):
        co.OracleGame(squares, 0)
    with pytest.raises(InvalidGameError, match="cache"):
        co.OracleGame(squares, 2, cache=-1)
    game = co.OracleGame(squares, ["a", "b"])
    with pytest.raises(InvalidGameError, match="unknown player 'z'"):
        game.value({"z"})
    with pytest.raises(InvalidGameError, match="out of range"):
        game.value(8)
    with pytest.raises(InvalidGameError, match=r"shape \(k, 2\)"):
        game.evaluate(np.ones((3, 3), dtype=bool))
