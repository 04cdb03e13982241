"""Bitmask helpers: coalitions are integers whose bit i stands for player i."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

__all__ = ["popcounts", "bit_matrix", "size_indicator", "subset_masks", "mask_members",
           "minimal_masks"]


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
