"""The Aumann-Maschler bargaining set (coalitions/solutions/bargaining_set.py): textbook
cases, its relations to the core and the kernel as properties, every witness checked by a
brute-force counter-objection search that shares no code with the solver, and coopgame-py
as a peer on 200 random games."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solutions._kernel_oracles import (
    has_imputations,
    is_justified_objection,
    random_imputation,
    run_coopgame,
    table,
)
from strategies import convex_game, exact_games, random_rational_game

import coalitions as co

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_witness(game, result, tol=0):
    """The returned objection is justified, by brute force over every counter-coalition."""
    n = game.n_players
    values = table(game)[0] if tol == 0 else [float(v) for v in game.values.tolist()]
    index = {p: k for k, p in enumerate(game.players)}
    objection = result.objection
    x = list(result.x)
    y = list(objection["y"])
    if game.is_cost:  # in the savings convention of the negated game
        values, x, y = [-v for v in values], [-v for v in x], [-v for v in y]
    assert is_justified_objection(
        values,
        n,
        x,
        index[objection["objector"]],
        index[objection["target"]],
        [index[p] for p in objection["coalition"]],
        y,
        tol=tol,
    )


# ------------------------------------------------------------------ textbook cases
def test_three_player_majority_game():
    game = co.majority_game(3)
    third = Fraction(1, 3)
    inside = co.bargaining_set(game, [third] * 3)
    assert inside.in_set and inside.value and inside.exact and inside.objection is None
    outside = co.bargaining_set(game, [Fraction(1, 2), Fraction(1, 2), 0])
    assert not outside.in_set and outside.exact
    assert_witness(game, outside)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=3, max_size=3).filter(lambda w: any(w)))
def test_majority_game_bargaining_set_is_the_equal_split(weights):
    # M_1^(i) of the grand coalition in the three-person majority game is {(1/3, 1/3, 1/3)}
    game = co.majority_game(3)
    x = [Fraction(w, sum(weights)) for w in weights]
    result = co.bargaining_set(game, x)
    assert result.in_set == (x == [Fraction(1, 3)] * 3) and result.exact
    if not result.in_set:
        assert_witness(game, result)


def test_an_allocation_that_is_not_an_imputation():
    result = co.bargaining_set(co.majority_game(3), [2, 0, -1])
    assert not result.in_set and result.objection is None and "imputation" in result.message


def test_cost_game():
    game = co.airport_game([8, 12, 20, 28])
    assert co.bargaining_set(game, [4, 4, 6, 14]).in_set
    assert co.bargaining_set(game, [8, 0, 6, 14]).in_set  # a core point
    result = co.bargaining_set(game, [6, 6, 10, 6])  # 1, 2 and 3 pay 22 > c(123) = 20
    assert not result.in_set and result.cost and result.exact
    assert_witness(game, result)


# ------------------------------------------------------------------ properties
@SLOW
@given(exact_games(2, 5).filter(has_imputations))
def test_the_kernel_is_in_the_bargaining_set(game):
    # Davis and Maschler (1965): K is a subset of M_1^(i)
    result = co.bargaining_set(game, co.kernel(game).x)
    assert result.in_set and result.exact, result.message


@SLOW
@given(exact_games(2, 5))
def test_the_core_is_in_the_bargaining_set(game):
    core = co.core(game)
    if core.is_empty or not core.success:
        return
    result = co.bargaining_set(game, core.x)
    assert result.in_set and result.exact, result.message


@pytest.mark.parametrize("seed", range(10))
def test_convex_games_bargaining_set_is_the_core(seed):
    # Maschler, Peleg and Shapley (1972): for convex games M_1^(i) = core
    rng = np.random.default_rng(seed)
    game = convex_game(int(rng.integers(2, 5)), rng)
    values, n = table(game)
    for _ in range(8):
        x = random_imputation(values, n, rng, denominator=6)
        result = co.bargaining_set(game, x)
        assert result.in_set == co.is_in_core(game, x) and result.exact
        if not result.in_set:
            assert_witness(game, result)


@settings(max_examples=60, deadline=None)
@given(exact_games(2, 4).filter(has_imputations), st.integers(0, 2**32 - 1))
def test_every_witness_is_a_justified_objection(game, seed):
    values, n = table(game)
    x = random_imputation(values, n, np.random.default_rng(seed))
    result = co.bargaining_set(game, x)
    assert result.exact
    if not result.in_set:
        assert_witness(game, result)
        return
    # in the set: no objection that splits the excess equally among S has lost its counter
    for mask in range(1, 1 << n):
        members = [k for k in range(n) if mask >> k & 1]
        excess = values[mask] - sum(x[k] for k in members)
        if excess <= 0:
            continue
        y = [x[k] + excess / len(members) for k in members]
        for i in members:
            for j in set(range(n)) - set(members):
                assert not is_justified_objection(values, n, x, i, j, members, y)


def test_float_games_witness_within_tolerance():
    game = co.majority_game(3).to_float()
    result = co.bargaining_set(game, [0.5, 0.5, 0.0])
    assert not result.in_set and not result.exact
    assert_witness(game, result, tol=1e-9)
    assert co.bargaining_set(game, [1 / 3] * 3).in_set


def test_errors_are_clear():
    with pytest.raises(co.TooLargeError, match="10"):
        co.bargaining_set(co.TUGame(np.zeros(1 << 11)), [0] * 11)
    with pytest.raises(co.InvalidArgumentError, match="valid methods"):
        co.bargaining_set(co.majority_game(3), [1, 0, 0], method="enumerate")
    with pytest.raises(co.InvalidGameError, match="one payoff per player"):
        co.bargaining_set(co.majority_game(3), [1, 0])


# ------------------------------------------------------------------ peer: coopgame-py
PEER_SCRIPT = """
import json, sys
import coopgame as cg
payload = json.loads(sys.stdin.read())
out = []
for case in payload:
    game = cg.Game(case["values"][1:])
    out.append([bool(cg.bargaining_set(game, x)["member"]) for x in case["points"]])
print(json.dumps(out))
"""


@pytest.mark.slow
def test_coopgame_agrees_on_200_random_games():
    rng = np.random.default_rng(16)
    cases, ours = [], []
    while len(cases) < 200:
        n = int(rng.integers(3, 6))
        game = random_rational_game(n, rng)
        if not has_imputations(game):
            continue
        values, _ = table(game)
        points = [random_imputation(values, n, rng, denominator=4) for _ in range(2)]
        points.append(list(co.kernel(game).x))
        verdicts = []
        for x in points:
            result = co.bargaining_set(game, x)
            assert result.exact, result.message
            if not result.in_set:
                assert_witness(game, result)
            verdicts.append(result.in_set)
        ours.append(verdicts)
        cases.append(
            {
                "values": [float(v) for v in values],
                "points": [[float(v) for v in x] for x in points],
            }
        )
    theirs = run_coopgame(PEER_SCRIPT, cases)
    disagreements = [
        (case, mine, peer) for case, mine, peer in zip(cases, ours, theirs) if mine != peer
    ]
    assert not disagreements, disagreements[:3]
    assert sum(not v for row in ours for v in row) >= 50  # both verdicts are exercised
