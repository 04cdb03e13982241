"""Bitmask helpers: coalitions are integers whose bit i stands for player i."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

__all__ = ["popcounts", "bit_matrix", "size_indicator", "subset_masks", "mask_members"]


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
