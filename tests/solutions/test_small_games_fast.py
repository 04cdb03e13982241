"""The fast paths of small games (issue 17, item 2) give the answers of the slow ones.

* LPs go straight to scipy's HiGHS bindings: the same bits as ``scipy.optimize.linprog``
  (the oracle), and ``linprog``'s own wording when the LP fails or the bindings are missing.
* The exact linear algebra runs in integers: the same span, solutions and positive
  combinations as rational elimination and the LP (oracles: numpy's rank, the LP path).
* The stages of an exact game generate their rows from 7 players on and fix coalitions by
  exact elimination: the same certified nucleolus as the LP over every coalition with the
  float QR choice.
"""

from __future__ import annotations

import importlib
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linprog

import coalitions as co
from coalitions import _exact_linalg, _lp
from coalitions._exact_linalg import Span, positive_combination, solve_exact

nucleolus_module = importlib.import_module("coalitions.solutions.nucleolus")


def _game_lp(rng, n):
    """The least-core LP of a random 0..2 game (degenerate: many optimal vertices)."""
    masks = np.arange(1, (1 << n) - 1)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    worths = rng.integers(0, 3, masks.size).astype(float)
    a_ub = np.hstack([-bits, -np.ones((masks.size, 1))])
    a_eq = np.hstack([np.ones((1, n)), np.zeros((1, 1))])
    cost = np.zeros(n + 1)
    cost[n] = 1.0
    return cost, a_ub, -worths, a_eq, np.array([float(rng.integers(0, 4))])


def test_fast_lp_is_linprog_bit_for_bit():
    rng = np.random.default_rng(17)
    for _ in range(25):
        cost, a_ub, b_ub, a_eq, b_eq = _game_lp(rng, int(rng.integers(2, 7)))
        ours = _lp.solve_lp(cost, a_ub, b_ub, a_eq, b_eq)
        theirs = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(None, None))
        assert ours.success and theirs.success
        assert np.array_equal(ours.x, theirs.x) and ours.fun == theirs.fun
        assert np.array_equal(ours.ineqlin, theirs.ineqlin.marginals)
        assert np.array_equal(ours.eqlin, theirs.eqlin.marginals)
        assert ours.message == theirs.message


def test_fast_lp_bounds_and_failures_as_linprog():
    bounded = _lp.solve_lp([1, 1], A_ub=[[-1, -2]], b_ub=[-2], bounds=[(0, None), (0, 0.75)])
    reference = linprog([1, 1], A_ub=[[-1, -2]], b_ub=[-2], bounds=[(0, None), (0, 0.75)])
    assert np.array_equal(bounded.x, reference.x)
    infeasible = _lp.solve_lp([1], A_ub=[[1]], b_ub=[-1], bounds=(0, None))
    wording = linprog([1], A_ub=[[1]], b_ub=[-1], bounds=(0, None)).message
    assert not infeasible.success and infeasible.message == wording
    assert not _lp.solve_lp([1, 1], A_ub=[[1]], b_ub=[1]).success  # malformed: linprog's error
    assert not _lp.solve_lp([1], bounds=(2, 1)).success  # crossed bounds


def test_lp_without_the_bindings_goes_through_linprog(monkeypatch):
    monkeypatch.setattr(_lp, "_UNAVAILABLE", [True])
    cost, a_ub, b_ub, a_eq, b_eq = _game_lp(np.random.default_rng(3), 4)
    slow = _lp.solve_lp(cost, a_ub, b_ub, a_eq, b_eq)
    monkeypatch.setattr(_lp, "_UNAVAILABLE", [])
    fast = _lp.solve_lp(cost, a_ub, b_ub, a_eq, b_eq)
    assert np.array_equal(slow.x, fast.x) and np.array_equal(slow.ineqlin, fast.ineqlin)


def test_integer_span_against_numpy_rank():
    rng = np.random.default_rng(5)
    for _ in range(40):
        n = int(rng.integers(2, 7))
        span = Span(n)
        vectors: list[np.ndarray] = []
        for mask in rng.integers(1, 1 << n, size=int(rng.integers(1, 9))).tolist():
            vector = (mask >> np.arange(n)) & 1
            grows = np.linalg.matrix_rank(np.array([*vectors, vector])) > len(vectors)
            assert span.add_mask(mask) == grows
            if grows:
                vectors.append(vector)
        everything = np.arange(1 << n)
        inside = [
            np.linalg.matrix_rank(np.array([*vectors, (m >> np.arange(n)) & 1])) == len(vectors)
            for m in everything
        ]
        assert span.contains_masks(everything).tolist() == inside
        if span.rank < n:  # the complement basis is orthogonal to every generator
            assert not np.any(np.array(vectors) @ span.null_basis().astype(np.int64))


def test_solve_exact_in_integers():
    third = Fraction(1, 3)
    assert solve_exact([[3, 1], [1, 2]], [1, third]) == [Fraction(1, 3), Fraction(0)]
    assert solve_exact([[1, 1]], [1], [0.25, 0.75]) == [Fraction(1, 4), Fraction(3, 4)]
    assert solve_exact([[1, 1]], [1], unique=True) is None
    assert solve_exact([[1, 1], [2, 2]], [1, 3]) is None


def test_positive_combination_without_the_lp_matches_the_lp(monkeypatch):
    rng = np.random.default_rng(11)
    found = 0
    for _ in range(60):
        n = int(rng.integers(2, 5))
        strict = (
            (rng.integers(1, 1 << n, size=int(rng.integers(1, 2 * n)))[:, None]) >> np.arange(n) & 1
        )
        free = -np.ones((1, n), dtype=np.int64)
        nonneg = np.zeros((0, n), dtype=np.int64)
        fast = positive_combination(strict, nonneg, free)
        with monkeypatch.context() as patch:
            patch.setattr(_exact_linalg, "_unique_ray", lambda *a: None)
            slow = positive_combination(strict, nonneg, free)
        assert fast == slow
        found += fast is not None
    assert found > 5  # the fast ray was exercised


def _random_game(seed: int, n: int) -> co.TUGame:
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 101, size=1 << n).astype(np.float64)
    values[0] = 0.0
    values[[1 << i for i in range(n)]] = 0.0
    return co.TUGame(values)


@pytest.mark.parametrize("seed", range(5))
def test_row_generation_for_exact_games_gives_the_full_lp_answer(seed, monkeypatch):
    game = _random_game(seed, (3, 5, 7, 8, 9)[seed])
    generated = co.nucleolus(game)
    monkeypatch.setattr(nucleolus_module, "EXACT_FULL_ROW_PLAYERS", 10)
    monkeypatch.setattr(nucleolus_module, "EXACT_GREEDY_SPAN", False)
    full = co.nucleolus(game)
    assert generated.verified and full.verified
    assert generated.x.tolist() == full.x.tolist() and generated.levels == full.levels


def test_lp_without_presolve_is_linprog_without_presolve_bit_for_bit():
    rng = np.random.default_rng(18)
    for _ in range(15):
        cost, a_ub, b_ub, a_eq, b_eq = _game_lp(rng, int(rng.integers(2, 7)))
        ours = _lp.solve_lp(cost, a_ub, b_ub, a_eq, b_eq, presolve=False)
        theirs = linprog(
            cost,
            A_ub=a_ub,
            b_ub=b_ub,
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=(None, None),
            options={"presolve": False},
        )
        assert ours.success and theirs.success
        assert np.array_equal(ours.x, theirs.x) and ours.fun == theirs.fun
        assert np.array_equal(ours.ineqlin, theirs.ineqlin.marginals)
    # the option is set back for the next LP with presolve
    cost, a_ub, b_ub, a_eq, b_eq = _game_lp(rng, 5)
    again = _lp.solve_lp(cost, a_ub, b_ub, a_eq, b_eq)
    theirs = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(None, None))
    assert np.array_equal(again.x, theirs.x)
    assert np.array_equal(again.ineqlin, theirs.ineqlin.marginals)


def test_exact_stages_without_presolve_give_the_same_nucleolus(monkeypatch):
    sequential = importlib.import_module("coalitions.solutions._sequential")
    rng = np.random.default_rng(19)
    games = []
    for n in (4, 5, 5, 6):
        values = rng.integers(0, 4, size=1 << n)
        values[[0, *(1 << i for i in range(n))]] = 0
        games.append(co.TUGame([int(v) for v in values]))
    fast = [(co.nucleolus(g), co.prenucleolus(g)) for g in games]
    monkeypatch.setattr(sequential, "PRESOLVE_ROWS", -1)  # presolve on every stage LP
    for game, (nucleolus, prenucleolus) in zip(games, fast):
        assert nucleolus.exact and prenucleolus.exact
        assert nucleolus.x.tolist() == co.nucleolus(game).x.tolist()
        assert nucleolus.levels == co.nucleolus(game).levels
        assert prenucleolus.x.tolist() == co.prenucleolus(game).x.tolist()
