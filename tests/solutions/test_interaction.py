"""Interaction indices against three independent checks.

* Definitions that share no code with the solver: the Shapley, Banzhaf and Shapley-Taylor
  pair indices by discrete derivatives over every coalition, and Faith-Shap as the weighted
  least-squares fit of v by a polynomial of degree k (its definition, Tsai, Yeh and Ravikumar
  2023), solved as a constrained linear system.
* Known answers: unanimity games (the closed forms of the papers), additive games, the glove
  game, the dividends (Faith-Shap of order n).
* Axioms with hypothesis: efficiency of Shapley-Taylor and Faith-Shap at every order, order
  1 is the Shapley value, null players, the float and exact routes agree; and shapiq (a peer,
  in its own environment, one subprocess for the whole module) on 200 random games.
"""

import itertools
import json
import subprocess
from fractions import Fraction
from math import comb
from pathlib import Path

import numpy as np
import oracles as orc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import exact_games, float_games

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, TooLargeError

KINDS = ("shapley", "banzhaf", "shapley-taylor", "faith-shap")


def faith_shap_by_least_squares(values, n, order):
    """Faith-Shap by its definition: the coefficients E_T (|T| <= order) of the polynomial
    sum over T subset of S of E_T closest to v(S) in the Shapley-kernel weighted squares,
    mu(S) = (n - 1) / (C(n, s) s (n - s)), with v(empty) and v(N) matched exactly."""
    terms = [t for s in range(order + 1) for t in itertools.combinations(range(n), s)]
    masks = range(1 << n)
    design = np.array(
        [[float(all(m >> i & 1 for i in t)) for t in terms] for m in masks], dtype=float
    )
    sizes = np.array([bin(m).count("1") for m in masks])
    inner = (sizes > 0) & (sizes < n)
    mu = np.zeros(1 << n)
    mu[inner] = [(n - 1) / (comb(n, s) * s * (n - s)) for s in sizes[inner]]
    constraints = design[[0, (1 << n) - 1]]
    kkt = np.block(
        [
            [2 * design.T @ (mu[:, None] * design), constraints.T],
            [constraints, np.zeros((2, 2))],
        ]
    )
    rhs = np.concatenate([2 * design.T @ (mu * values), values[[0, -1]]])
    solution = np.linalg.solve(kkt, rhs)
    return dict(zip(terms[1:], solution[1 : len(terms)]))


def _values(result):
    return {
        tuple(result.players.index(p) for p in members): value
        for members, value in result.interactions
    }


# --------------------------------------------------------------------------- definitions


@settings(max_examples=12)
@given(game=exact_games(2, 5))
def test_pair_indices_match_their_definitions(game):
    n = game.n_players
    for kind in ("shapley", "banzhaf", "shapley-taylor"):
        matrix = co.interaction_index(game, kind=kind).matrix
        expected = orc.pair_interaction_by_definition(game, kind)
        assert all(matrix[i][j] == expected[i][j] for i in range(n) for j in range(n) if i != j)
    diagonal = [co.interaction_index(game).matrix[i][i] for i in range(n)]
    assert diagonal == co.shapley_value(game).x.tolist()


@settings(max_examples=12)
@given(game=float_games(2, 5), order=st.integers(1, 4))
def test_faith_shap_is_the_faithful_least_squares_fit(game, order):
    n = game.n_players
    order = min(order, n)
    expected = faith_shap_by_least_squares(np.asarray(game.values, dtype=float), n, order)
    for method in ("auto", "moebius"):
        found = _values(co.interaction_index(game, kind="faith-shap", order=order, method=method))
        scale = 1 + max(abs(v) for v in expected.values())
        assert set(found) == set(expected)
        assert all(abs(found[t] - expected[t]) <= 1e-8 * scale for t in expected)


# --------------------------------------------------------------------------- known answers


def test_unanimity_games():
    # u_T with |T| = 3 among 5 players: the dividend 1 of T spreads by each index's weight
    members = ["a", "b", "c", "d", "e"]
    game = co.unanimity_game(members, ["a", "b", "c"])
    pairs = {"shapley": Fraction(1, 2), "banzhaf": Fraction(1, 2), "shapley-taylor": Fraction(1, 3)}
    pairs["faith-shap"] = Fraction(1, 2)  # 6 / (t (t + 1))
    singles = {"shapley": Fraction(1, 3), "banzhaf": Fraction(1, 4), "shapley-taylor": 0}
    singles["faith-shap"] = Fraction(-1, 6)  # -2 (t - 2) / (t (t + 1))
    for kind in KINDS:
        result = co.interaction_index(game, kind=kind)
        assert result.pair("a", "b") == pairs[kind] and result.pair("a", "d") == 0
        assert result.interaction("c") == singles[kind] and result.interaction("e") == 0
    # at an order of at least |T|, Faith-Shap and Shapley-Taylor give T its whole dividend
    for kind in ("faith-shap", "shapley-taylor"):
        result = co.interaction_index(game, kind=kind, order=3)
        assert {m: v for m, v in result.interactions if v} == {("a", "b", "c"): 1}


def test_additive_games_have_no_interaction():
    members = ["a", "b", "c", "d", "e"]
    additive = co.TUGame.from_function(lambda s: 2 * len(s), members)
    for kind in KINDS:
        result = co.interaction_index(additive, kind=kind, order=3)
        assert all(v == (2 if len(m) == 1 else 0) for m, v in result.interactions)


@settings(max_examples=10)
@given(game=exact_games(1, 4))
def test_faith_shap_of_order_n_is_the_dividends(game):
    n = game.n_players
    dividends = co.harsanyi_dividends(game).values
    result = _values(co.interaction_index(game, kind="faith-shap", order=n))
    assert all(result[t] == dividends[sum(1 << i for i in t)] for t in result)


# --------------------------------------------------------------------------- axioms


@settings(max_examples=12)
@given(game=exact_games(1, 4), order=st.integers(1, 4))
def test_efficient_indices_share_the_grand_coalition(game, order):
    order = min(order, game.n_players)
    for kind in ("shapley-taylor", "faith-shap"):
        result = co.interaction_index(game, kind=kind, order=order)
        assert sum(v for _, v in result.interactions) == game.grand_value - game.values[0]
        if order == 1:
            assert list(result.x) == list(co.shapley_value(game).x)


@settings(max_examples=8)
@given(game=exact_games(1, 3), order=st.integers(1, 3))
def test_a_null_player_interacts_with_nobody(game, order):
    # append a null player: v(S + z) = v(S)
    values = list(game.values) * 2
    extended = co.TUGame(values)
    n = extended.n_players
    for kind in KINDS:
        result = _values(co.interaction_index(extended, kind=kind, order=min(order, n)))
        assert all(v == 0 for t, v in result.items() if n - 1 in t)


@settings(max_examples=8)
@given(game=exact_games(3, 4))
def test_semivalue_interactions_do_not_depend_on_the_order(game):
    for kind in ("shapley", "banzhaf"):
        low = _values(co.interaction_index(game, kind=kind, order=2))
        high = _values(co.interaction_index(game, kind=kind, order=3))
        assert all(high[t] == v for t, v in low.items())


@settings(max_examples=12)
@given(game=float_games(2, 6))
def test_float_routes_and_exact_route_agree(game):
    exact = co.TUGame([Fraction(v) for v in game.values], game.players)
    for kind in KINDS:
        for order in (1, 2):
            want = np.array(
                [
                    float(v)
                    for _, v in co.interaction_index(exact, kind=kind, order=order).interactions
                ]
            )
            scale = 1e-9 * (1 + np.abs(want).max())
            for method in ("size-sums", "moebius"):
                got = co.interaction_index(game, kind=kind, order=order, method=method)
                assert np.allclose([v for _, v in got.interactions], want, atol=scale)
                if order == 2:
                    assert np.allclose(got.matrix, np.transpose(got.matrix))


@pytest.mark.parametrize("n", [9, 10, 11, 14])
def test_the_size_sums_routes_agree_with_the_transform(n):
    # up to 10 players one product with a cached matrix, then the small products, and above
    # 12 players the size-sums route reads the table in blocks of rows
    game = co.random_game(n, rng=5)
    for kind in KINDS:
        a = co.interaction_index(game, kind=kind, method="size-sums")
        b = co.interaction_index(game, kind=kind, method="moebius")
        assert np.allclose(a.matrix, b.matrix, atol=1e-9)
        assert np.allclose(a.x, b.x, atol=1e-8)


def test_result_lookups_and_encoding():
    game = co.glove_game(["L"], ["R1", "R2"])
    result = co.interaction_index(game, kind="faith-shap", order=3)
    assert result.interaction("R2", "L", "R1") == -1 and result.pair("R1", "L") == 1
    document = json.loads(json.dumps(result.to_dict()))
    assert document["interactions"][-1] == {"players": ["L", "R1", "R2"], "value": -1}
    first = co.interaction_index(game, order=1)
    assert first.matrix == () and list(first.x) == list(co.shapley_value(game).x)
    with pytest.raises(InvalidArgumentError):
        first.pair("L", "R1")
    with pytest.raises(InvalidArgumentError):
        result.interaction("L", "L")
    with pytest.raises(co.UnknownPlayerError):
        result.interaction("X")


def test_refusals():
    game = co.majority_game(3)
    for order in (0, 4, 2.0, True):
        with pytest.raises(InvalidArgumentError):
            co.interaction_index(game, order=order)
    with pytest.raises(InvalidArgumentError):
        co.interaction_index(game, kind="faithful")
    with pytest.raises(InvalidArgumentError):
        co.interaction_index(game, method="size-sums")  # an exact game
    with pytest.raises(InvalidArgumentError):
        co.interaction_index(game.to_float(), order=3, method="size-sums")
    with pytest.raises(TooLargeError):
        co.interaction_index(co.majority_game(17))


# --------------------------------------------------------------------------- shapiq

PEERS = Path(__file__).resolve().parents[2] / "benchmarks" / ".peers" / "venv" / "bin" / "python"
SHAPIQ = """
import json, sys, numpy as np
from shapiq.game_theory.exact import ExactComputer
out = []
for n, values in json.loads(sys.stdin.read()):
    values = np.array(values)
    weights = 1 << np.arange(n)
    computer = ExactComputer(n_players=n, game=lambda c: values[c.astype(np.int64) @ weights])
    found = {}
    for index in ("SII", "BII", "STII", "FSII"):
        for order in range(1, min(3, n) + 1):
            iv = computer(index, order=order)
            found[f"{index}{order}"] = [
                [list(key), float(iv.values[at])] for key, at in iv.interaction_lookup.items() if key
            ]
    out.append(found)
print(json.dumps(out))
"""
SHAPIQ_NAMES = {"shapley": "SII", "banzhaf": "BII", "shapley-taylor": "STII", "faith-shap": "FSII"}


@pytest.fixture(scope="module")
def shapiq_answers():
    """200 random float games of 2 to 6 players and shapiq's indices of orders 1 to 3 for
    each, from one subprocess (importing shapiq takes seconds)."""
    if not PEERS.exists():
        pytest.skip("shapiq is not installed in benchmarks/.peers/venv")
    rng = np.random.default_rng(2023)
    games = [
        co.random_game(int(rng.integers(2, 7)), rng=int(rng.integers(1 << 30))) for _ in range(200)
    ]
    payload = json.dumps([[g.n_players, [float(v) for v in g.values]] for g in games])
    run = subprocess.run(
        [str(PEERS), "-c", SHAPIQ], input=payload, capture_output=True, text=True, timeout=600
    )
    if run.returncode != 0:
        pytest.skip(f"shapiq did not run: {run.stderr[-300:]}")
    return games, json.loads(run.stdout)


@pytest.mark.slow
def test_shapiq_agrees_on_200_random_games(shapiq_answers):
    games, answers = shapiq_answers
    for game, found in zip(games, answers):
        for kind, name in SHAPIQ_NAMES.items():
            for order in range(1, min(3, game.n_players) + 1):
                ours = _values(co.interaction_index(game, kind=kind, order=order))
                theirs = {tuple(key): value for key, value in found[f"{name}{order}"]}
                assert set(theirs) == set(ours)
                # shapiq fits Faith-Shap by regression: agreement to about 1e-10
                assert all(abs(ours[t] - theirs[t]) <= 1e-8 for t in ours), (kind, order)
