"""The kernel and the prekernel (coalitions/solutions/kernel.py): textbook values, the
kernel's relations to the nucleolus as properties, a brute-force oracle that shares no code
with the solver, and coopgame-py as a peer on 200 random games."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solutions._kernel_oracles import (
    brute_in_kernel,
    brute_in_prekernel,
    brute_surpluses,
    has_imputations,
    random_imputation,
    run_coopgame,
    table,
)
from strategies import convex_game, cost_games, exact_games, float_games, random_rational_game

import coalitions as co

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ textbook values
def test_three_player_majority_game():
    game = co.majority_game(3)
    third = [Fraction(1, 3)] * 3
    for result in (co.prekernel(game), co.kernel(game), co.kernel(game, method="transfer")):
        assert result.x.tolist() == third and result.exact and result.verified
        assert result.imbalance == 0
    assert co.is_in_kernel(game, third) and co.is_in_prekernel(game, third)
    assert not co.is_in_kernel(game, [Fraction(1, 2), Fraction(1, 2), 0])


def test_glove_game_kernel_is_the_left_glove_owner_taking_all():
    game = co.glove_game(["L"], ["R1", "R2"])
    for method in ("nucleolus", "transfer"):
        assert co.kernel(game, method=method).x.tolist() == [1, 0, 0]
    assert co.is_in_kernel(game, [1, 0, 0])
    assert not co.is_in_kernel(game, [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)])


def test_talmud_estate_kernel_is_the_nucleolus():
    # bankruptcy games are convex: the kernel is the nucleolus (Aumann and Maschler 1985)
    game = co.bankruptcy_game(200, [100, 200, 300])
    result = co.kernel(game, method="transfer")
    assert result.x.tolist() == [50, 75, 75] and result.exact
    assert co.is_in_kernel(game, [50, 75, 75])
    assert not co.is_in_kernel(game, [50, 70, 80])


def test_cost_game_kernel_in_cost_shares():
    # the airport game is concave in costs (its savings game is convex): kernel = nucleolus
    game = co.airport_game([8, 12, 20, 28])
    for method in ("nucleolus", "transfer"):
        result = co.kernel(game, method=method)
        assert result.cost and result.x.tolist() == [4, 4, 6, 14]
    assert co.is_in_kernel(game, [4, 4, 6, 14])
    assert not co.is_in_kernel(game, [2, 6, 6, 14])


def test_a_prekernel_point_outside_the_imputations():
    # v({1}) = 2 > 0 with v(N) = 1: no imputation, but the prekernel is not empty
    game = co.TUGame([0, 2, 0, 0, 0, 0, 0, 1])
    with pytest.raises(co.InvalidGameError, match="imputation set is empty"):
        co.kernel(game)
    for method in ("prenucleolus", "transfer"):
        result = co.prekernel(game, method=method)
        assert brute_in_prekernel(*table(game), list(result.x))


def test_the_certificate_is_the_brute_force_surplus_matrix():
    game = co.bankruptcy_game(200, [100, 200, 300])
    result = co.kernel(game)
    s = brute_surpluses(*table(game), list(result.x))
    assert [list(row) for row in result.surpluses] == s
    assert co.maximum_surpluses(game, result.x).tolist() == s


def test_one_player():
    game = co.TUGame([0, 5])
    assert co.kernel(game).x.tolist() == [5]
    assert co.prekernel(game, method="transfer").x.tolist() == [5]


# ------------------------------------------------------------------ properties vs. oracle
@SLOW
@given(exact_games(1, 5))
def test_prekernel_is_in_the_brute_force_prekernel(game):
    values, n = table(game)
    result = co.prekernel(game)
    assert result.exact and result.verified and result.method == "prenucleolus"
    assert brute_in_prekernel(values, n, list(result.x))
    assert co.is_in_prekernel(game, list(result.x))
    assert result.x.tolist() == co.prenucleolus(game).x.tolist()


@SLOW
@given(exact_games(1, 5).filter(has_imputations))
def test_kernel_is_in_the_brute_force_kernel(game):
    values, n = table(game)
    result = co.kernel(game)
    assert result.exact and brute_in_kernel(values, n, list(result.x))
    assert co.is_in_kernel(game, list(result.x))


@SLOW
@given(exact_games(2, 4).filter(has_imputations), st.sampled_from(["kernel", "prekernel"]))
def test_transfer_scheme_gives_a_certified_point(game, concept):
    values, n = table(game)
    function = getattr(co, concept)
    oracle = brute_in_kernel if concept == "kernel" else brute_in_prekernel
    try:
        result = function(game, method="transfer")
    except co.SolverError:  # a clear refusal is allowed, an unconverged answer is not
        return
    assert result.verified and result.method == "transfer"
    if result.exact:
        assert oracle(values, n, list(result.x))
    else:
        assert oracle(values, n, [float(v) for v in result.x], tol=1e-6 * 20)


@SLOW
@given(exact_games(3, 3))
def test_three_player_prekernel_is_the_prenucleolus(game):
    # for n <= 3 the prekernel is a single point (Peleg and Sudhölter 2007, 5.5)
    result = co.prekernel(game, method="transfer")
    assert result.exact
    assert result.x.tolist() == co.prenucleolus(game).x.tolist()


@pytest.mark.parametrize("seed", range(12))
def test_convex_games_kernel_is_the_nucleolus(seed):
    # Maschler, Peleg and Shapley (1972): the kernel of a convex game is its nucleolus
    rng = np.random.default_rng(seed)
    game = convex_game(int(rng.integers(2, 6)), rng)
    nucleolus = co.nucleolus(game).x.tolist()
    result = co.kernel(game, method="transfer")
    assert result.exact and result.x.tolist() == nucleolus
    assert brute_in_kernel(*table(game), nucleolus)


@settings(max_examples=60, deadline=None)
@given(exact_games(2, 4).filter(has_imputations), st.integers(0, 2**32 - 1))
def test_membership_agrees_with_the_brute_force_definition(game, seed):
    values, n = table(game)
    rng = np.random.default_rng(seed)
    points = [random_imputation(values, n, rng), list(co.nucleolus(game).x)]
    for x in points:
        assert co.is_in_kernel(game, x) == brute_in_kernel(values, n, x)
        assert co.is_in_prekernel(game, x) == brute_in_prekernel(values, n, x)
        assert co.maximum_surpluses(game, x).tolist() == brute_surpluses(values, n, x)


@SLOW
@given(float_games(2, 5))
def test_float_games_within_tolerance(game):
    values = [float(v) for v in game.values.tolist()]
    n = game.n_players
    result = co.prekernel(game)
    if not result.success:
        return
    assert not result.exact
    assert brute_in_prekernel(values, n, list(result.x), tol=1e-7 * 100)
    assert co.is_in_prekernel(game, result.x)


@SLOW
@given(cost_games(2, 4))
def test_cost_game_kernel_is_the_kernel_of_the_negated_game(game):
    savings = co.TUGame([-v for v in game.values.tolist()], game.players)
    if not has_imputations(savings):
        return
    result = co.kernel(game)
    assert result.cost
    shares = list(result.x)
    assert co.is_in_kernel(savings, [-y for y in shares])
    assert brute_in_kernel(*table(savings), [-y for y in shares])


# ------------------------------------------------------------------ errors
def test_errors_are_clear():
    game = co.majority_game(3)
    with pytest.raises(co.InvalidArgumentError, match="start= is the transfer"):
        co.kernel(game, start=[1, 0, 0])
    with pytest.raises(co.InvalidArgumentError, match="imputation"):
        co.kernel(game, method="transfer", start=[2, 0, -1])
    with pytest.raises(co.InvalidArgumentError, match="efficient"):
        co.prekernel(game, method="transfer", start=[1, 1, 1])
    with pytest.raises(co.InvalidArgumentError, match="valid methods"):
        co.kernel(game, method="stearns")
    with pytest.raises(co.InvalidArgumentError, match="max_iter"):
        co.kernel(game, method="transfer", max_iter=0)
    with pytest.raises(co.SolverError, match="did not converge in 1 transfers"):
        co.kernel(co.bankruptcy_game(200, [100, 200, 300]), method="transfer", max_iter=1)
    with pytest.raises(co.TooLargeError, match="18"):
        co.kernel(co.TUGame(np.zeros(1 << 19)))
    with pytest.raises(co.InvalidGameError, match="one payoff per player"):
        co.is_in_kernel(game, [1, 0])
    with pytest.raises(co.InvalidGameError):
        co.is_in_kernel("not a game", [1, 0, 0])


def test_start_is_used():
    game = co.bankruptcy_game(200, [100, 200, 300])
    result = co.kernel(game, method="transfer", start=[100, 50, 50])
    assert result.x.tolist() == [50, 75, 75]


def test_result_contract():
    result = co.kernel(co.majority_game(3))
    assert result.concept == "kernel" and result["1"] == Fraction(1, 3)
    document = result.to_dict()
    assert document["x"] == {"1": "1/3", "2": "1/3", "3": "1/3"}
    assert json.dumps(document)
    assert "exact=True" in repr(result)


# ------------------------------------------------------------------ peer: coopgame-py
PEER_SCRIPT = """
import json, sys
import coopgame as cg
payload = json.loads(sys.stdin.read())
out = []
for case in payload:
    game = cg.Game(case["values"][1:])
    domain = case["domain"]
    ours = case["ours"]
    theirs = cg.kernel_point(game, domain=domain)
    out.append({
        "accepts_ours": bool(cg.is_in_kernel(game, ours, domain=domain)),
        "theirs": theirs["allocation"],
        "converged": bool(theirs["converged"]),
    })
print(json.dumps(out))
"""


@pytest.mark.slow
def test_coopgame_agrees_on_200_random_games():
    rng = np.random.default_rng(2026)
    cases, games = [], []
    while len(cases) < 200:
        n = int(rng.integers(3, 7))
        game = random_rational_game(n, rng)
        values, _ = table(game)
        domain = "imputation" if has_imputations(game) else "preimputation"
        result = co.kernel(game) if domain == "imputation" else co.prekernel(game)
        assert result.exact and result.verified
        brute = brute_in_kernel if domain == "imputation" else brute_in_prekernel
        assert brute(values, n, list(result.x))
        cases.append(
            {
                "values": [float(v) for v in values],
                "domain": domain,
                "ours": [float(v) for v in result.x],
            }
        )
        games.append((game, domain))
    answers = run_coopgame(PEER_SCRIPT, cases)
    assert all(a["accepts_ours"] for a in answers)
    # their transfer-scheme points pass our checker (within float tolerance)
    checked = 0
    for (game, domain), answer in zip(games, answers):
        if not answer["converged"]:
            continue
        check = co.is_in_kernel if domain == "imputation" else co.is_in_prekernel
        assert check(game.to_float(), answer["theirs"], atol=1e-6), (game, answer)
        checked += 1
    assert checked >= 150
