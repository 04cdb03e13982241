"""Equilibria of bimatrix games behind the Nash disagreement point: every extreme equilibrium,
degenerate games included, against an exact brute-force vertex enumeration of our own."""

import warnings
from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coalitions.bargaining import bargaining_problem_from_game
from coalitions.exceptions import InvalidProblemError
from coalitions.games.bimatrix import _equilibria

SETTINGS = settings(max_examples=60, deadline=None)


# ------------------------------------------------------------------ the oracle
def _solve(rows, rhs):
    """The unique solution of a square linear system in Fractions, or None."""
    n = len(rows)
    m = [list(r) + [b] for r, b in zip(rows, rhs)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col] != 0), None)
        if pivot is None:
            return None
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[r][col] != 0:
                f = m[r][col] / m[col][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col])]
    return [m[r][n] / m[r][r] for r in range(n)]


def _vertices(matrix, zero_label, tight_label):
    """Exact non-zero vertices of {z >= 0, matrix z <= 1}: every choice of dim tight
    constraints, solved in Fractions; labels as in the library (zero / tight)."""
    rows, dim = len(matrix), len(matrix[0])
    constraints = [
        ([Fraction(int(i == k)) for i in range(dim)], Fraction(0)) for k in range(dim)
    ] + [([Fraction(v) for v in matrix[j]], Fraction(1)) for j in range(rows)]
    out = {}
    for chosen in combinations(range(len(constraints)), dim):
        z = _solve([constraints[c][0] for c in chosen], [constraints[c][1] for c in chosen])
        if z is None or min(z) < 0 or not any(z):
            continue
        products = [sum(a * v for a, v in zip(matrix[j], z)) for j in range(rows)]
        if max(products) > 1:
            continue
        out[tuple(z)] = {zero_label + k for k in range(dim) if z[k] == 0} | {
            tight_label + j for j in range(rows) if products[j] == 1
        }
    return out


def oracle_equilibria(a, b):
    """Every extreme equilibrium, exactly: completely labelled vertex pairs of the
    best-response polytopes of the game shifted to positive payoffs."""
    m, n = len(a), len(a[0])
    sa, sb = 1 - min(map(min, a)), 1 - min(map(min, b))
    pa = [[Fraction(v) + sa for v in row] for row in a]
    pbt = [[Fraction(b[i][j]) + sb for i in range(m)] for j in range(n)]
    xs, ys = _vertices(pbt, 0, m), _vertices(pa, m, 0)
    found = set()
    for x, lx in xs.items():
        for y, ly in ys.items():
            if lx | ly == set(range(m + n)):
                found.add((tuple(v / sum(x) for v in x), tuple(v / sum(y) for v in y)))
    return found


def oracle_payoffs(a, b):
    return {
        (
            sum(x[i] * a[i][j] * y[j] for i in range(len(x)) for j in range(len(y))),
            sum(x[i] * b[i][j] * y[j] for i in range(len(x)) for j in range(len(y))),
        )
        for x, y in oracle_equilibria(a, b)
    }


def _rounded(pairs):
    return {tuple(round(float(v), 9) for v in p) for p in pairs}


def _library(a, b):
    found, degenerate = _equilibria(np.array(a, float), np.array(b, float))
    strategies = {(tuple(np.round(x, 9) + 0.0), tuple(np.round(y, 9) + 0.0)) for x, y in found}
    return strategies, degenerate


# ------------------------------------------------------------------ degenerate games
# Found by search among 3x3 games with payoffs 0..2: support enumeration (nashpy) finds 4 of
# its 7 extreme equilibria and 3 of its 6 payoff pairs (issue 11, item 12).
DEGENERATE_A = [[2, 0, 0], [2, 0, 0], [2, 0, 2]]
DEGENERATE_B = [[2, 0, 1], [0, 1, 1], [2, 2, 0]]


def test_degenerate_game_all_six_payoff_pairs():
    pairs = oracle_payoffs(DEGENERATE_A, DEGENERATE_B)
    assert len(pairs) == 6 and len(oracle_equilibria(DEGENERATE_A, DEGENERATE_B)) == 7
    strategies, degenerate = _library(DEGENERATE_A, DEGENERATE_B)
    assert degenerate
    assert strategies == {
        (tuple(round(float(v), 9) for v in x), tuple(round(float(v), 9) for v in y))
        for x, y in oracle_equilibria(DEGENERATE_A, DEGENERATE_B)
    }
    with pytest.raises(InvalidProblemError, match="6 extreme-equilibrium payoff pairs") as caught:
        bargaining_problem_from_game(DEGENERATE_A, DEGENERATE_B, equilibrium=6)
    for u, w in pairs:
        assert f"({round(float(u), 12)}, {round(float(w), 12)})" in str(caught.value)
    # the limit of support enumeration that motivated the change
    import nashpy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = nashpy.Game(np.array(DEGENERATE_A, float), np.array(DEGENERATE_B, float))
        support = {
            (
                round(float(x @ game.payoff_matrices[0] @ y), 9),
                round(float(x @ game.payoff_matrices[1] @ y), 9),
            )
            for x, y in game.support_enumeration()
        }
    assert len(support) == 3 and support < _rounded(pairs)


def test_von_stengel_degenerate_example():
    """The degenerate variant of von Stengel's (2007) 3x2 example: a component
    {(1,0,0)} x {y : y_1 >= 2/3} and the isolated ((0,1/3,2/3), (1/3,2/3))."""
    a, b = [[3, 3], [2, 5], [0, 6]], [[3, 3], [2, 6], [3, 1]]
    third = Fraction(1, 3)
    expected = {
        ((1, 0, 0), (1, 0)),
        ((1, 0, 0), (2 * third, third)),
        ((0, third, 2 * third), (third, 2 * third)),
    }
    assert oracle_equilibria(a, b) == expected
    strategies, degenerate = _library(a, b)
    assert degenerate and strategies == {
        (tuple(round(float(v), 9) for v in x), tuple(round(float(v), 9) for v in y))
        for x, y in expected
    }
    problem = bargaining_problem_from_game(a, b)
    assert "degenerate" in problem.description and "of 2" in problem.description
    assert problem.disagreement.tolist() == [3.0, 3.0]


def test_one_strategy_for_one_player():
    strategies, degenerate = _library([[1, 2, 2]], [[0, 5, 5]])
    assert strategies == {((1.0,), (0.0, 1.0, 0.0)), ((1.0,), (0.0, 0.0, 1.0))} and degenerate
    strategies, _ = _library([[1], [3]], [[4], [0]])
    assert strategies == {((0.0, 1.0), (1.0,))}


@SETTINGS
@given(st.integers(1, 4), st.integers(1, 4), st.data())
@example(3, 3, None)
def test_every_extreme_equilibrium_matches_the_oracle(m, n, data):
    """Small integer payoffs make most of these games degenerate."""
    if data is None:
        a, b = DEGENERATE_A, DEGENERATE_B
    else:
        entries = st.lists(
            st.lists(st.integers(0, 3), min_size=n, max_size=n), min_size=m, max_size=m
        )
        a, b = data.draw(entries), data.draw(entries)
    strategies, _ = _library(a, b)
    expected = {
        (tuple(round(float(v), 9) for v in x), tuple(round(float(v), 9) for v in y))
        for x, y in oracle_equilibria(a, b)
    }
    assert strategies == expected


def test_large_games_are_refused_at_once_not_enumerated():
    """2**108 support pairs, and nashpy's Lemke-Howson does not terminate on many random
    games of this size: refused with the alternatives named, never a hang."""
    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 5, (8, 100)), rng.integers(0, 5, (8, 100))
    with pytest.raises(InvalidProblemError, match=r"at most 26 strategies.*8 \+ 100.*maxmin"):
        bargaining_problem_from_game(a, b)
    problem = bargaining_problem_from_game(a, b, disagreement="maxmin")
    assert problem.description == "disagreement: the maxmin values"
    # at the limit (13 x 13) every extreme equilibrium is still found and checked
    a, b = rng.random((13, 13)), rng.random((13, 13))
    found, _ = _equilibria(a, b)
    assert found and all(
        (a @ y).max() - x @ a @ y <= 1e-7 and (x @ b).max() - x @ b @ y <= 1e-7 for x, y in found
    )
