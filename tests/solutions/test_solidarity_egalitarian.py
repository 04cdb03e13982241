"""The solidarity value, the egalitarian Shapley value and the Dutta-Ray solution: closed forms,
axioms over random games, and oracles that share no code with the solvers (the random-order
form of the solidarity value; the core and Lorenz dominance checked coalition by coalition)."""

import itertools
from fractions import Fraction
from math import factorial

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import convex_game, exact_games, float_games, games, games_with_twins

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError


def _worth(game, members):
    mask = sum(1 << i for i in members)
    return Fraction(game.values[mask]) if game.exact else float(game.values[mask])


def solidarity_by_orders(game):
    """psi_i = average over orders of A(P_i + i), A(S) = v(S) - mean over k in S of v(S - k)."""
    n = game.n_players
    total = [Fraction(0)] * n
    for order in itertools.permutations(range(n)):
        for position, i in enumerate(order):
            coalition = order[: position + 1]
            worth = _worth(game, coalition)
            below = sum(_worth(game, [k for k in coalition if k != j]) for j in coalition)
            total[i] += worth - Fraction(below) / len(coalition)
    return [t / factorial(n) for t in total]


@given(a=st.integers(-20, 20), b=st.integers(-20, 20), c=st.integers(-40, 40))
def test_two_players_closed_form(a, b, c):
    x = co.solidarity_value(co.TUGame([0, a, b, c])).x.tolist()
    # psi_1 = a/2 + (c - (a + b)/2)/2
    assert x == [Fraction(c, 2) + Fraction(a - b, 4), Fraction(c, 2) + Fraction(b - a, 4)]


def test_two_hundred_random_games_match_the_random_order_oracle():
    rng = np.random.default_rng(20261201)
    for _ in range(200):
        n = int(rng.integers(1, 6))
        values = [
            Fraction(int(v), int(d))
            for v, d in zip(rng.integers(-9, 10, 1 << n), rng.integers(1, 4, 1 << n))
        ]
        values[0] = Fraction(0)
        game = co.TUGame(values)
        assert co.solidarity_value(game).x.tolist() == solidarity_by_orders(game)


@given(game=exact_games(1, 6))
def test_solidarity_is_efficient_and_float_agrees(game):
    x = co.solidarity_value(game).x
    assert sum(x) == game.grand_value
    floats = co.solidarity_value(game.to_float()).x
    assert np.allclose(floats, [float(v) for v in x], atol=1e-9)


def _twins(game):
    """Pairs of players whose swap leaves every worth unchanged."""
    n, values = game.n_players, np.asarray(game.values)
    masks = np.arange(1 << n)
    for i, j in itertools.combinations(range(n), 2):
        bi, bj = (masks >> i) & 1, (masks >> j) & 1
        swapped = masks & ~((1 << i) | (1 << j)) | (bi << j) | (bj << i)
        if all(values[swapped] == values):
            yield i, j


@given(game=games_with_twins())
def test_solidarity_is_symmetric(game):
    x = co.solidarity_value(game).x
    for i, j in _twins(game):
        assert x[i] == pytest.approx(x[j], abs=1e-9)


@given(first=exact_games(3, 3), second=exact_games(3, 3))
def test_solidarity_is_additive(first, second):
    total = co.TUGame(first.values + second.values)
    assert co.solidarity_value(total).x.tolist() == [
        p + q for p, q in zip(co.solidarity_value(first).x, co.solidarity_value(second).x)
    ]


def test_solidarity_of_a_cost_game_is_the_formula_on_costs():
    costs = co.airport_game([1, 2, 3])
    x = co.solidarity_value(costs)
    assert x.cost and sum(x.x) == costs.grand_value


@given(game=games(1, 5), alpha=st.fractions(0, 1))
def test_egalitarian_shapley_interpolates(game, alpha):
    phi = co.shapley_value(game).x
    equal = co.equal_division(game).x
    x = co.egalitarian_shapley_value(game, alpha).x
    expected = [alpha * p + (1 - alpha) * e for p, e in zip(phi, equal)]
    assert np.allclose([float(v) for v in x], [float(v) for v in expected], atol=1e-9)
    if game.exact:
        assert x.tolist() == expected and sum(x) == game.grand_value


def test_egalitarian_shapley_ends_are_shapley_and_equal_division():
    glove = co.glove_game(["L"], ["R1", "R2"])
    assert co.egalitarian_shapley_value(glove, 1).x.tolist() == co.shapley_value(glove).x.tolist()
    assert co.egalitarian_shapley_value(glove, 0).x.tolist() == [Fraction(1, 3)] * 3
    floats = co.egalitarian_shapley_value(glove, 0.25)
    assert not floats.exact and floats.x.tolist() == pytest.approx([5 / 12, 7 / 24, 7 / 24])


@pytest.mark.parametrize("alpha", [-0.1, 1.5, float("nan"), "1/2", True, None])
def test_bad_alpha_is_refused(alpha):
    with pytest.raises(InvalidArgumentError):
        co.egalitarian_shapley_value(co.majority_game(3), alpha)


def _in_core(game, x):
    n = game.n_players
    return all(
        sum(x[i] for i in range(n) if mask >> i & 1)
        >= _worth(game, [i for i in range(n) if mask >> i & 1])
        for mask in range(1, 1 << n)
    ) and sum(x) == _worth(game, range(n))


def _lorenz_dominates(x, y):
    """x weakly Lorenz-dominates y: every partial sum of the smallest shares is at least y's."""
    xs, ys = sorted(x), sorted(y)
    return all(sum(xs[:k]) >= sum(ys[:k]) for k in range(1, len(xs) + 1))


def _marginal_vectors(game):
    n = game.n_players
    for order in itertools.permutations(range(n)):
        x = [Fraction(0)] * n
        for position, i in enumerate(order):
            x[i] = _worth(game, order[: position + 1]) - _worth(game, order[:position])
        yield x


def test_dutta_ray_known_answers():
    game = co.TUGame([0, 0, 0, 6, 0, 1, 1, 8])
    assert co.dutta_ray(game).x.tolist() == [3, 3, 2]
    squares = co.TUGame.from_function(lambda s: len(s) ** 2, ["a", "b", "c", "d"])
    assert co.dutta_ray(squares).x.tolist() == [4, 4, 4, 4]


def test_two_hundred_convex_games_lie_in_the_core_and_lorenz_dominate_it():
    rng = np.random.default_rng(7)
    for _ in range(200):
        game = convex_game(int(rng.integers(1, 6)), rng)
        x = co.dutta_ray(game).x.tolist()
        assert _in_core(game, x)
        # the core of a convex game is the hull of its marginal vectors (Shapley 1971)
        assert all(_lorenz_dominates(x, m) for m in _marginal_vectors(game))
        floats = co.dutta_ray(game.to_float()).x
        assert np.allclose(floats, [float(v) for v in x], atol=1e-9)


def test_dutta_ray_refuses_non_convex_and_cost_games():
    with pytest.raises(InvalidGameError, match="not convex"):
        co.dutta_ray(co.majority_game(3))
    with pytest.raises(InvalidGameError, match="cost game"):
        co.dutta_ray(co.airport_game([1, 2, 3]))


@given(game=float_games(1, 4))
def test_every_value_answers_or_refuses_cleanly(game):
    for function in (co.solidarity_value, co.egalitarian_shapley_value):
        assert sum(function(game).x) == pytest.approx(game.grand_value, abs=1e-8)
    try:
        co.dutta_ray(game)
    except InvalidGameError:
        pass
