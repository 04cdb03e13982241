"""Exact swing counts of a weighted game from its quota-ordered binary decision diagram.

Take the players by decreasing weight. After the first ``k`` of them have voted, what is
left to decide is the *residual quota* ``r = q - w(yes votes so far)``: the coalition wins
exactly when the later players bring at least ``r``. Residuals ``r <= 0`` have won, residuals
above the weight still to come have lost, and two residuals are the same node when no subset
of the later players has a weight between them: a node is an interval between consecutive
subset sums of the later players (Bolus 2011). Each node has two children, the residual
without and with player ``k``.

The top of the diagram is built downwards from ``q`` (at most ``2**k`` nodes at level ``k``,
fewer once residuals are absorbed), the bottom upwards from the subset sums of the last
players (at most ``2**(n - k)`` and at most their total weight plus one): the width is small
for few players, for small weights, and for a few huge weights beside many small ones, which
defeat both the pseudo-polynomial generating functions (arrays as long as the quota) and meet
in the middle (at most 40 players, sums below 2**60). Weights are exact integers of any size.

Counting: forward, the coalitions of the first ``k`` players reaching each node, by size;
backward, the winning completions of each node, by size. A player's swings are the prefixes
at its node times the completions that win with it but not without it. Counts are exact:
uint64 when they fit (n <= 63, wrap-around arithmetic is exact modulo 2**64), and beyond
modulo 2**64 and primes below 2**25 with the Chinese remainder theorem.

References
----------
.. [1] Bolus, S. (2011). Power indices of simple games and vector-weighted majority games by
   means of binary decision diagrams. *European Journal of Operational Research* 210(2),
   258-272.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .. import _numbers as nb

__all__ = ["Diagram", "build_diagram", "diagram_counts", "MAX_DIAGRAM_NODES"]

#: Most nodes on one level of the diagram (and most subset sums kept per level).
MAX_DIAGRAM_NODES = 1 << 18
#: Largest sum over levels of (nodes x (n + 1)) count cells for counts by size.
MAX_DIAGRAM_CELLS = 3e7
#: Primes below 2**25: products of two residues stay below 2**50, so chunks of 2**12 rows
#: of a matrix product stay below 2**62 in int64.
_PRIME_BITS = 25
_CHUNK = 1 << 12

_WIN, _LOSE = -1, -2


@dataclass(frozen=True)
class Diagram:
    """Levels of the quota-ordered decision diagram of a weighted game.

    ``order[k]`` is the player deciding at level k; ``children[k] = (yes, no)`` give, for every
    node of level k, the index of its child at level k + 1, or -1 (won) or -2 (lost).
    """

    n: int
    order: tuple
    widths: tuple
    children: tuple

    @property
    def nodes(self) -> int:
        return int(sum(self.widths))


def _residual_dtype(total: int):
    return nb.int_dtype(total)


def build_diagram(
    weights: Sequence[int], quota: int, max_nodes: int = MAX_DIAGRAM_NODES
) -> Diagram | None:
    """The diagram of ``[quota; weights]`` (non-negative integers), or None when a level would
    exceed ``max_nodes`` nodes."""
    n = len(weights)
    order = tuple(sorted(range(n), key=lambda i: -weights[i]))
    w = [int(weights[i]) for i in order]
    suffix = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        suffix[k] = suffix[k + 1] + w[k]
    dtype = _residual_dtype(suffix[0])
    # bottom-up: subset sums of the players from level k on, while they are fewer than the
    # 2**k residuals the top can reach there (beyond, the classes would merge nothing)
    sums: list = [None] * (n + 1)
    level_sums = np.array([0], dtype=dtype)
    sums[n] = level_sums
    for k in range(n - 1, -1, -1):
        level_sums = np.union1d(level_sums, level_sums + w[k]).astype(dtype)
        if len(level_sums) > min(max_nodes, 2**k):
            break
        sums[k] = level_sums

    def place(residuals: np.ndarray, k: int) -> np.ndarray:
        """Residuals at level k as canonical node values; won -> 0, lost -> -1."""
        won = residuals <= 0
        lost = residuals > suffix[k]
        out = np.where(won, 0, np.where(lost, -1, residuals)).astype(dtype)
        live = ~(won | lost)
        if sums[k] is not None and live.any():
            # the node of r is the smallest subset sum of the later players >= r
            out[live] = sums[k][np.searchsorted(sums[k], out[live], side="left")]
        return out

    def index(values: np.ndarray, nodes: np.ndarray) -> np.ndarray:
        idx = np.searchsorted(nodes, values).astype(np.int64)
        idx[values == 0] = _WIN
        idx[values == -1] = _LOSE
        return idx

    level = place(np.array([quota], dtype=dtype), 0)
    widths, children = [1], []
    for k in range(n):
        yes = place(level - w[k], k + 1)
        no = place(level, k + 1)
        both = np.concatenate([yes, no])
        nodes = np.unique(both[both > 0])
        if len(nodes) > max_nodes:
            return None
        children.append((index(yes, nodes), index(no, nodes)))
        widths.append(len(nodes))
        level = nodes
    return Diagram(n=n, order=order, widths=tuple(widths), children=tuple(children))


def diagram_cells(diagram: Diagram, by_size: bool) -> float:
    """Count cells the counting passes hold (memory and work estimate)."""
    return float(diagram.nodes) * ((diagram.n + 1) if by_size else 1)


@lru_cache(maxsize=4)
def _primes(count: int) -> tuple[int, ...]:
    from sympy import prevprime

    out: list[int] = []
    p = 1 << _PRIME_BITS
    while len(out) < count:
        p = int(prevprime(p))
        out.append(p)
    return tuple(out)


class _Ring:
    """Arithmetic of one counting pass: exact modulo 2**64 (uint64), modulo a prime (int64
    with reductions), or exact Python integers (object)."""

    def __init__(self, modulus: int | None) -> None:
        self.modulus = modulus
        if modulus is None:
            self.dtype = object
        elif modulus == 1 << 64:
            self.dtype = np.uint64
        else:
            self.dtype = np.int64

    def zeros(self, shape) -> np.ndarray:
        out = np.zeros(shape, dtype=self.dtype)
        if self.dtype is object:
            out[...] = 0
        return out

    def reduce(self, array: np.ndarray) -> np.ndarray:
        if self.dtype == np.int64:
            assert self.modulus is not None  # only the object ring has no modulus
            np.remainder(array, self.modulus, out=array)
        return array

    def constant(self, values: Sequence[int]) -> np.ndarray:
        if self.dtype is object:
            out = np.empty(len(values), dtype=object)
            out[:] = [int(v) for v in values]
            return out
        assert self.modulus is not None  # only the object ring has no modulus
        return np.array([int(v) % self.modulus for v in values], dtype=self.dtype)

    def matmul(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        if self.dtype != np.int64:
            return a.T @ b
        assert self.modulus is not None  # the int64 ring reduces modulo a prime
        out = np.zeros((a.shape[1], b.shape[1]), dtype=np.int64)
        for start in range(0, a.shape[0], _CHUNK):
            out += a[start : start + _CHUNK].T @ b[start : start + _CHUNK]
            np.remainder(out, self.modulus, out=out)
        return out


def _extend(counts: np.ndarray, win_row: np.ndarray, ring: _Ring) -> np.ndarray:
    """Rows of a level's counts, then the lost row, then the won row (the child indices -2 and
    -1 read them from the end)."""
    extra = ring.zeros((2,) + counts.shape[1:])
    extra[1] = win_row
    return np.concatenate([counts, extra])


def _pass(diagram: Diagram, ring: _Ring, by_size: bool) -> tuple[list, np.ndarray]:
    """Swings of the player at each level (by size of the coalition joined, or in total) and
    winning coalitions (by size, or in total), in ``ring``."""
    n = diagram.n
    width = n + 1 if by_size else 1

    def win_row(k: int) -> np.ndarray:
        # every completion from level k wins: C(n - k, t) of size t, or 2**(n - k) in all
        remaining = n - k
        if by_size:
            return ring.constant([math.comb(remaining, t) for t in range(n + 1)])
        return ring.constant([1 << remaining])

    def shifted(rows: np.ndarray) -> np.ndarray:
        if not by_size:
            return rows
        out = ring.zeros(rows.shape)
        out[:, 1:] = rows[:, :-1]
        return out

    # backward: winning completions of every node
    completions: list = [None] * (n + 1)
    completions[n] = ring.zeros((0, width))
    for k in range(n - 1, -1, -1):
        yes, no = diagram.children[k]
        below = _extend(completions[k + 1], win_row(k + 1), ring)
        completions[k] = ring.reduce(below[no] + shifted(below[yes]))
    # forward: coalitions of the earlier players reaching every node, and the swings
    prefix = ring.zeros((1, width))
    prefix[0, 0] = 1
    swings = []
    for k in range(n):
        yes, no = diagram.children[k]
        below = _extend(completions[k + 1], win_row(k + 1), ring)
        gained = ring.reduce(below[yes] - below[no])
        if by_size:
            # prefixes of size s (s <= k) times completions of size t (t <= n - 1 - k)
            products = ring.matmul(prefix[:, : k + 1], gained[:, : n - k])
            row = ring.zeros(n)
            for s in range(k + 1):
                row[s : s + n - k] += products[s]
            swings.append(ring.reduce(row))
        else:
            swings.append(ring.reduce(np.atleast_1d((prefix[:, 0] * gained[:, 0]).sum())))
        nxt = ring.zeros((diagram.widths[k + 1] + 2, width))
        np.add.at(nxt, no, prefix)
        np.add.at(nxt, yes, shifted(prefix))
        prefix = ring.reduce(nxt[: diagram.widths[k + 1]])
    return swings, completions[0][0]


def _combine(residues: list[list[int]], moduli: list[int]) -> list[int]:
    """Chinese remainder theorem, element by element (non-negative results)."""
    total = math.prod(moduli)
    coefficients = [(total // m) * pow(total // m, -1, m) for m in moduli]
    return [sum(c * r for c, r in zip(coefficients, column)) % total for column in zip(*residues)]


def diagram_counts(diagram: Diagram, by_size: bool) -> tuple[np.ndarray, np.ndarray]:
    """Exact ``(swings, winning)``: swings (n, n) of every player by the size of the coalition
    it joins (or in column 0 when ``by_size`` is False), and winning coalitions (n + 1) by
    size (or their total in the last slot), as Python integers in the players' order."""
    n = diagram.n
    moduli: list[int] = []  # of the passes combined by the Chinese remainder theorem
    if n <= 63:
        rings = [_Ring(1 << 64)]
    elif by_size:
        extra = -(-(n + 1 - 64) // (_PRIME_BITS - 1))
        moduli = [1 << 64, *_primes(extra)]
        rings = [_Ring(m) for m in moduli]
    else:
        rings = [_Ring(None)]  # one number per node: exact Python integers are cheap
    passes = [_pass(diagram, ring, by_size) for ring in rings]
    if len(rings) == 1:
        per_level = [[int(v) for v in row] for row in passes[0][0]]
        winning = [int(v) for v in passes[0][1]]
    else:
        per_level = [
            _combine([[int(v) for v in p[0][k]] for p in passes], moduli) for k in range(n)
        ]
        winning = _combine([[int(v) for v in p[1]] for p in passes], moduli)
    swings = np.empty((n, n), dtype=object)
    swings[...] = 0
    for k, player in enumerate(diagram.order):
        if by_size:
            swings[player, :] = per_level[k]
        else:
            swings[player, 0] = per_level[k][0]
    wins = np.empty(n + 1, dtype=object)
    wins[...] = 0
    if by_size:
        wins[:] = winning
    else:
        wins[n] = winning[0]
    return swings, wins
