"""Every weighted game of four labelled players, by brute force over a box of integer weights
(no code shared with the library): the oracle of the design tests.

The box 0..5 is complete: it yields 148 non-constant games, and with the two constant games
that is 150, the number of positive threshold functions of four variables (OEIS A000617;
Muroga 1971, *Threshold Logic and its Applications*); a larger box finds no more (checked in
``test_the_box_holds_every_weighted_game``).
"""

from __future__ import annotations

import itertools
import math
from functools import cache

import numpy as np

N = 4
TOP = 5
MASKS = np.arange(1 << N)
BITS = (MASKS[:, None] >> np.arange(N)) & 1


def _minimal(tables: np.ndarray) -> np.ndarray:
    """Rows of minimal winning flags: winning, and every coalition one member smaller loses."""
    minimal = tables.copy()
    for i in range(N):
        has_i = BITS[:, i] == 1
        minimal[:, has_i] &= ~tables[:, MASKS[has_i] ^ (1 << i)]
    return minimal


@cache
def weighted_games(top: int = TOP) -> dict[bytes, dict]:
    """Table bytes -> ``{"table", "least", "homogeneous"}``: the first representation of
    least total weight, and a homogeneous one (every minimal winning coalition weighing the
    quota) if the box holds one."""
    vectors = np.array(list(itertools.product(range(top + 1), repeat=N)))
    vectors = vectors[np.argsort(vectors.sum(axis=1), kind="stable")]
    sums = vectors @ BITS.T  # (vectors, coalitions)
    found: dict[bytes, dict] = {}
    for q in range(1, N * top + 1):
        tables = sums >= q
        minimal = _minimal(tables)
        homogeneous = ~(minimal & (sums != q)).any(axis=1)
        for k in np.flatnonzero(sums[:, -1] >= q):
            key = tables[k].tobytes()
            entry = found.setdefault(key, {"table": tables[k], "least": None, "homogeneous": None})
            rep = (tuple(int(v) for v in vectors[k]), q)
            if entry["least"] is None or sum(rep[0]) < sum(entry["least"][0]):
                entry["least"] = rep
            if homogeneous[k] and entry["homogeneous"] is None:
                entry["homogeneous"] = rep
    return found


def normalised_banzhaf(table: np.ndarray) -> np.ndarray:
    swings = np.array(
        [
            sum(1 for m in range(1 << N) if m >> i & 1 and table[m] and not table[m ^ 1 << i])
            for i in range(N)
        ],
        dtype=float,
    )
    return swings / swings.sum()


def shapley_shubik(table: np.ndarray) -> np.ndarray:
    counts = np.zeros(N)
    for order in itertools.permutations(range(N)):
        mask = 0
        for i in order:
            mask |= 1 << i
            if table[mask]:
                counts[i] += 1
                break
    return counts / math.factorial(N)
