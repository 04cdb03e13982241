"""Interaction indices: the definitions by discrete derivatives over every coalition (an
oracle that shares no code with the Moebius route), unanimity games, additive games, float
agreement, and shapiq (a peer) where it is installed."""

import itertools
import json
import subprocess
from fractions import Fraction
from math import factorial
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from strategies import exact_games, float_games

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, TooLargeError


def _v(game, members):
    return Fraction(game.values[sum(1 << i for i in members)])


def by_definition(game, kind):
    """Discrete derivatives d_ij v(S) = v(S+ij) - v(S+i) - v(S+j) + v(S), weighted."""
    n = game.n_players
    out = [[Fraction(0)] * n for _ in range(n)]
    for i, j in itertools.combinations(range(n), 2):
        rest = [k for k in range(n) if k not in (i, j)]
        total = Fraction(0)
        for size in range(len(rest) + 1):
            for s in itertools.combinations(rest, size):
                delta = _v(game, s + (i, j)) - _v(game, s + (i,)) - _v(game, s + (j,)) + _v(game, s)
                if kind == "shapley":
                    weight = Fraction(factorial(size) * factorial(n - size - 2), factorial(n - 1))
                else:  # banzhaf
                    weight = Fraction(1, 2 ** (n - 2))
                total += weight * delta
        out[i][j] = out[j][i] = total
    return out


@given(game=exact_games(2, 6))
def test_shapley_and_banzhaf_interactions_match_their_definitions(game):
    for kind in ("shapley", "banzhaf"):
        matrix = co.interaction_index(game, kind=kind).matrix
        expected = by_definition(game, kind)
        n = game.n_players
        assert all(matrix[i][j] == expected[i][j] for i in range(n) for j in range(n) if i != j)
    diagonal = [co.interaction_index(game).matrix[i][i] for i in range(game.n_players)]
    assert diagonal == co.shapley_value(game).x.tolist()


def test_unanimity_and_additive_games():
    members = ["a", "b", "c", "d", "e"]
    carrier = ["a", "b", "c"]
    game = co.unanimity_game(members, carrier)
    for kind, expected in (
        ("shapley", Fraction(1, 2)),
        ("banzhaf", Fraction(1, 2)),
        ("shapley-taylor", Fraction(1, 3)),
    ):
        result = co.interaction_index(game, kind=kind)
        assert result.pair("a", "b") == expected and result.pair("a", "d") == 0
    additive = co.TUGame.from_function(lambda s: 2 * len(s), members)
    assert all(
        v == 0
        for i, row in enumerate(co.interaction_index(additive).matrix)
        for j, v in enumerate(row)
        if i != j
    )


@given(game=float_games(2, 7))
def test_float_and_exact_routes_agree(game):
    exact = co.TUGame([Fraction(v) for v in game.values], game.players)
    for kind in ("shapley", "banzhaf", "shapley-taylor"):
        a = np.array(co.interaction_index(game, kind=kind).matrix, dtype=float)
        b = np.array(co.interaction_index(exact, kind=kind).matrix, dtype=float)
        assert np.allclose(a, b, atol=1e-9 * (1 + np.abs(b).max()))
        assert np.allclose(a, a.T)


def test_shapley_taylor_pairs_and_singletons_reconstruct_the_grand_coalition():
    # Shapley-Taylor of order 2 is efficient: singletons' m({i}) plus every pair adds to v(N)
    game = co.random_game(6, rng=3)
    matrix = np.array(co.interaction_index(game, kind="shapley-taylor").matrix)
    assert matrix.trace() + np.triu(matrix, 1).sum() == pytest.approx(game.grand_value)


def test_refusals():
    game = co.majority_game(3)
    with pytest.raises(InvalidArgumentError):
        co.interaction_index(game, order=3)
    with pytest.raises(InvalidArgumentError):
        co.interaction_index(game, kind="faithful")
    with pytest.raises(TooLargeError):
        co.interaction_index(co.majority_game(17))


PEERS = Path(__file__).resolve().parents[2] / "benchmarks" / ".peers" / "venv" / "bin" / "python"
SHAPIQ = """
import json, sys, numpy as np, shapiq
from shapiq.game_theory.exact import ExactComputer
data = json.loads(sys.stdin.read())
n, values = data["n"], np.array(data["values"])
def game(coalitions):
    masks = (coalitions.astype(int) * (1 << np.arange(n))).sum(axis=1)
    return values[masks]
out = {}
for index in ("SII", "BII"):
    iv = ExactComputer(n_players=n, game=game)(index, order=2)
    out[index] = [[float(iv[(i, j)]) for j in range(n)] for i in range(n)]
print(json.dumps(out))
"""


@pytest.mark.slow
def test_shapiq_agrees():
    if not PEERS.exists():
        pytest.skip("shapiq is not installed in benchmarks/.peers/venv")
    game = co.random_game(5, rng=11)
    payload = json.dumps({"n": 5, "values": [float(v) for v in game.values]})
    run = subprocess.run(
        [str(PEERS), "-c", SHAPIQ], input=payload, capture_output=True, text=True, timeout=300
    )
    if run.returncode != 0:
        pytest.skip(f"shapiq did not run: {run.stderr[-300:]}")
    found = json.loads(run.stdout)
    for index, kind in (("SII", "shapley"), ("BII", "banzhaf")):
        ours = np.array(co.interaction_index(game, kind=kind).matrix)
        theirs = np.array(found[index])
        off = ~np.eye(5, dtype=bool)
        assert np.allclose(ours[off], theirs[off], atol=1e-9)
