"""Brute-force oracles for the kernel and the bargaining set, in pure Python over
``itertools.combinations``: they share no code with coalitions/solutions/kernel.py or
bargaining_set.py (no numpy, no bitmask tables, no LP). Also the runner of coopgame-py, the
peer, in its own environment."""

from __future__ import annotations

import json
import subprocess
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import pytest

#: The peer environment (coopgame-py), as benchmarks/_peers.py finds it.
PEER_PYTHON = (
    Path(__file__).resolve().parents[2] / "benchmarks" / ".peers" / "venv" / "bin" / "python"
)


def run_coopgame(script, cases):
    """Run ``script`` in the peer environment with ``cases`` as JSON on stdin; its last line
    of output, parsed as JSON. Skips the test when coopgame-py is not installed."""
    if not PEER_PYTHON.exists():
        pytest.skip("coopgame-py is not installed in benchmarks/.peers/venv")
    completed = subprocess.run(
        [str(PEER_PYTHON), "-c", script],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


def table(game):
    """``(values, n)``: a game's worths as Fractions, indexed by mask."""
    return [Fraction(v) for v in game.values.tolist()], game.n_players


def has_imputations(game):
    """Whether the individual worths add up to at most ``v(N)``."""
    values, n = table(game)
    return sum(values[1 << i] for i in range(n)) <= values[-1]


def worth_of(values, n):
    """``v(S)`` for a coalition given as a frozenset of player indices."""

    def v(coalition):
        return values[sum(1 << k for k in coalition)]

    return v


def all_coalitions(n):
    return [frozenset(c) for size in range(n + 1) for c in combinations(range(n), size)]


def brute_surpluses(values, n, x):
    """``s[i][j]``: the largest ``v(S) - x(S)`` over the coalitions with i and without j."""
    v = worth_of(values, n)
    coalitions = all_coalitions(n)
    s = [[None] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j:
                s[i][j] = max(
                    v(c) - sum(x[k] for k in c) for c in coalitions if i in c and j not in c
                )
    return s


def brute_in_prekernel(values, n, x, tol=0):
    if abs(sum(x) - values[-1]) > tol:
        return False
    s = brute_surpluses(values, n, x)
    return all(abs(s[i][j] - s[j][i]) <= tol for i in range(n) for j in range(n) if i != j)


def brute_in_kernel(values, n, x, tol=0):
    if abs(sum(x) - values[-1]) > tol:
        return False
    if any(x[i] < values[1 << i] - tol for i in range(n)):
        return False
    s = brute_surpluses(values, n, x)
    for i in range(n):
        for j in range(n):
            if i != j and s[i][j] - s[j][i] > tol and x[j] - values[1 << j] > tol:
                return False
    return True


def is_justified_objection(values, n, x, objector, target, coalition, y, tol=0):
    """Whether ``(y, coalition)`` is an objection of ``objector`` against ``target`` at ``x``
    that ``target`` cannot counter, from the definitions (Peleg and Sudhölter 2007, 4.1): no
    coalition ``T`` with the target and without the objector can pay every member of ``T``
    in the coalition its ``y`` and every other member its ``x``."""
    v = worth_of(values, n)
    s = frozenset(coalition)
    pay = dict(zip(coalition, y))
    if objector not in s or target in s:
        return False
    if abs(sum(y) - v(s)) > tol or any(pay[k] <= x[k] + tol for k in s):
        return False
    for t in all_coalitions(n):
        if target in t and objector not in t:
            needed = sum(pay[k] if k in s else x[k] for k in t)
            if v(t) >= needed - tol:
                return False  # a counter-objection through t
    return True


def random_imputation(values, n, rng, denominator=12):
    """A rational imputation: the individual worths plus random shares of the surplus."""
    weights = [int(w) for w in rng.integers(0, denominator + 1, size=n)]
    if not any(weights):
        weights[0] = 1
    surplus = values[-1] - sum(values[1 << i] for i in range(n))
    total = sum(weights)
    return [values[1 << i] + Fraction(weights[i], total) * surplus for i in range(n)]
