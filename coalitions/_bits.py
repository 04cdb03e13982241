"""Bitmask helpers: coalitions are integers whose bit i stands for player i."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

__all__ = ["popcounts", "bit_matrix", "size_indicator", "subset_masks", "mask_members",
           "minimal_masks", "MAX_MASK_PLAYERS", "masks_to_matrix", "matrix_to_masks"]

#: Most players whose coalition masks fit a signed 64-bit integer (numpy int64). Beyond it a
#: coalition is a Python int (as a mask) or a row of a boolean matrix (vectorised).
MAX_MASK_PLAYERS = 63


@lru_cache(maxsize=64)
def popcounts(n: int) -> np.ndarray:
    """Coalition sizes of all 2**n masks, as a read-only uint8 array."""
    counts = np.zeros(1 << n, dtype=np.uint8)
    for bit in range(n):
        # Masks in [2^bit, 2^(bit+1)) are the masks below 2^bit with this bit added.
        counts[1 << bit : 2 << bit] = counts[: 1 << bit] + 1
    counts.setflags(write=False)
    return counts


@lru_cache(maxsize=64)
def bit_matrix(n: int) -> np.ndarray:
    """Float matrix of shape (n, 2**n) with entry [i, S] = 1 when bit i is set in S."""
    masks = np.arange(1 << n, dtype=np.int64)
    matrix = ((masks[None, :] >> np.arange(n, dtype=np.int64)[:, None]) & 1).astype(np.float64)
    matrix.setflags(write=False)
    return matrix


@lru_cache(maxsize=64)
def size_indicator(n: int) -> np.ndarray:
    """Float matrix of shape (2**n, n + 1) with entry [S, s] = 1 when |S| = s."""
    matrix = np.zeros((1 << n, n + 1), dtype=np.float64)
    matrix[np.arange(1 << n), popcounts(n)] = 1.0
    matrix.setflags(write=False)
    return matrix


def subset_masks(mask: int) -> list[int]:
    """All submasks of ``mask`` (including 0 and ``mask``), in increasing order."""
    subsets = []
    sub = mask
    while True:
        subsets.append(sub)
        if sub == 0:
            break
        sub = (sub - 1) & mask
    return subsets[::-1]


def mask_members(mask: int, n: int) -> list[int]:
    """Indices of the players in ``mask``."""
    return [i for i in range(n) if mask >> i & 1]


def minimal_masks(table: np.ndarray, n: int) -> np.ndarray:
    """Masks S with ``table[S]`` true but ``table[S - i]`` false for every member i.

    ``table`` is a boolean array over all 2**n masks (e.g. winning coalitions); the answer is
    its minimal elements (e.g. minimal winning coalitions), in increasing mask order. n
    vectorised passes, no loop over coalitions.
    """
    minimal = np.array(table, dtype=bool, copy=True)
    for i in range(n):
        with_i = minimal.reshape(-1, 2, 1 << i)[:, 1, :]
        with_i &= ~np.asarray(table, dtype=bool).reshape(-1, 2, 1 << i)[:, 0, :]
    return np.flatnonzero(minimal)


def masks_to_matrix(masks, n: int) -> np.ndarray:
    """Boolean matrix of shape (len(masks), n): row k has ``[i] = True`` when bit i is set in
    ``masks[k]``. Any n: the masks may be Python ints of any size (each in 0 .. 2**n - 1)."""
    masks = [int(m) for m in np.asarray(masks, dtype=object).reshape(-1)]
    width = max(1, (n + 7) // 8)
    packed = np.frombuffer(b"".join(m.to_bytes(width, "little") for m in masks),
                           dtype=np.uint8).reshape(len(masks), width)
    return np.unpackbits(packed, axis=1, count=n, bitorder="little").astype(bool)


def matrix_to_masks(matrix: np.ndarray) -> list[int]:
    """The masks (Python ints) of the rows of a boolean membership matrix (inverse of
    :func:`masks_to_matrix`)."""
    packed = np.packbits(np.asarray(matrix, dtype=bool), axis=1, bitorder="little")
    return [int.from_bytes(row.tobytes(), "little") for row in packed]


def threshold_minimal_masks(weights, quota, limit: int) -> list[int] | None:
    """Minimal coalitions S with ``sum of weights[i] over S >= quota`` (the minimal winning
    coalitions of a weighted rule), as Python-int masks; None when there are more than
    ``limit``. Any n, any non-negative weights (ints, Fractions or floats).

    Players are taken in order of decreasing weight and a partial coalition is extended only
    while it loses and can still win. The member whose addition makes it win is its lightest,
    so every coalition found this way is minimal, each minimal one is found once (members in
    that order), and every extended partial coalition leads to at least one: the work is about
    n log n per coalition listed (output-sensitive), never 2**n.
    """
    from bisect import bisect_right

    order = sorted((i for i, w in enumerate(weights) if w > 0), key=lambda i: -weights[i])
    w = [weights[i] for i in order]
    m = len(w)
    suffix = [0] * (m + 1)
    for k in range(m - 1, -1, -1):
        suffix[k] = suffix[k + 1] + w[k]
    negated = [-x for x in w]           # ascending, for bisect
    found: list[int] = []
    stack = [(0, 0, 0)]                 # (weight so far, next position, mask)
    while stack:
        total, start, mask = stack.pop()
        need = quota - total
        # positions whose addition wins: w[k] >= need, i.e. k < leaves_end
        leaves_end = max(start, bisect_right(negated, -need, lo=start))
        # positions that keep a chance to win: total + suffix[k] >= quota (suffix decreases)
        lo, hi = start, m
        while lo < hi:
            mid = (lo + hi) // 2
            if total + suffix[mid] >= quota:
                lo = mid + 1
            else:
                hi = mid
        for k in range(start, leaves_end):
            found.append(mask | 1 << order[k])
            if len(found) > limit:
                return None
        for k in range(lo - 1, leaves_end - 1, -1):
            stack.append((total + w[k], k + 1, mask | 1 << order[k]))
    return found
