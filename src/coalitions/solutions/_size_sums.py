"""Size-weighted sums over the coalitions that contain each player.

Semivalues (Shapley, Banzhaf, ...) of a TU game only need, for every player i and size s,

    L[i, s] = sum of v(T) over coalitions T that contain i and have |T| = s,

and the layer totals ``L_tot[s] = sum over |T| = s of v(T)``. For float games this module
never materialises L for large n: it reads the 2**n table in two matrix products.

Float algorithm
---------------
View the table as a matrix ``M`` of shape (2**h, 2**k): rows are the high players' bits,
columns the low players'. Then

* ``B = M @ C_k``  (2**h, k+1): row sums grouped by the popcount of the column, and
* ``A = R_h @ M``  (h+1, 2**k): column sums grouped by the popcount of the row,

where ``C_k`` and ``R_h`` are 0/1 size-indicator matrices. The coalition size of entry
(r, c) is popcount(r) + popcount(c), so any size weight ``g`` applies to ``A`` and ``B``
exactly: a low player's sum is over the columns that contain it in ``A``, a high player's
over the rows that contain it in ``B``. Both products are BLAS calls that stream over the table
once each, without copying it; everything after them is O(n 2**(n/2)).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .. import _numbers as nb
from .._bits import bit_matrix, popcounts, size_indicator

__all__ = ["SizeProfile", "size_profile"]

# Up to this many players a float game is handled in one small matrix-vector product.
_SMALL = 12


class SizeProfile:
    """Everything semivalues need from a game, computed in one or two passes."""

    def __init__(self, game):
        self.n = game.n_players
        self.kind = game.kind
        values = game.values
        n = self.n
        if self.kind == nb.FLOAT:
            if n <= _SMALL:
                self._small = values
            else:
                self._small = None
                k = (n + 1) // 2
                h = n - k
                matrix = values.reshape(1 << h, 1 << k)
                self._k, self._h = k, h
                self._B = matrix @ size_indicator(k)  # (2**h, k+1)
                self._A = np.ascontiguousarray(size_indicator(h).T) @ matrix  # (h+1, 2**k)
        else:
            self._layers, self._totals = _exact_layers(values, n, self.kind)

    # float helpers ------------------------------------------------------------
    def _float_player_sums(self, g: np.ndarray) -> np.ndarray:
        n = self.n
        if self._small is not None:
            weighted = self._small * g[popcounts(n)]
            return bit_matrix(n) @ weighted
        k, h = self._k, self._h
        pc_low = popcounts(k).astype(np.intp)
        pc_high = popcounts(h).astype(np.intp)
        # weight of entry (a, c) of A is g[a + pc(c)]; of entry (r, b) of B is g[pc(r) + b]
        low = (self._A * g[np.arange(h + 1)[:, None] + pc_low[None, :]]).sum(axis=0)
        high = (self._B * g[pc_high[:, None] + np.arange(k + 1)[None, :]]).sum(axis=1)
        return np.concatenate([bit_matrix(k) @ low, bit_matrix(h) @ high])

    def _float_total(self, g: np.ndarray) -> float:
        if self._small is not None:
            return float(np.dot(self._small, g[popcounts(self.n)]))
        h, k = self._h, self._k
        pc_low = popcounts(k).astype(np.intp)
        return float((self._A * g[np.arange(h + 1)[:, None] + pc_low[None, :]]).sum())

    # public -----------------------------------------------------------------------
    def player_sums(self, g):
        """``[sum over T containing i of g[|T|] v(T) for each player i]``.

        ``g`` has n+1 entries (floats for float games, Fractions or sympy numbers otherwise).
        """
        if self.kind == nb.FLOAT:
            return self._float_player_sums(np.asarray(g, dtype=np.float64))
        return [
            sum((g[s] * layer[s] for s in range(self.n + 1)), nb.constant(0, self.kind))
            for layer in self._layers
        ]

    def total(self, g):
        """``sum over all T of g[|T|] v(T)``."""
        if self.kind == nb.FLOAT:
            return self._float_total(np.asarray(g, dtype=np.float64))
        return sum((g[s] * self._totals[s] for s in range(self.n + 1)), nb.constant(0, self.kind))


def size_profile(game) -> SizeProfile:
    return SizeProfile(game)


def _exact_layers(values: np.ndarray, n: int, kind: str):
    """Exact L[i][s] and L_tot[s] for Fraction or sympy tables.

    Fractions are scaled to integers by the common denominator, so the sums run over Python
    (or int64, when that cannot overflow) integers rather than Fractions.
    """
    sizes = popcounts(n)
    order = np.argsort(sizes, kind="stable")
    bounds = np.searchsorted(sizes[order], np.arange(n + 2))
    bits = bit_matrix(n).astype(bool)
    if kind == nb.EXACT:
        table, denominator = nb.to_scaled_int(values)  # int64 when every layer sum fits

        def finish(x):
            return Fraction(int(x), denominator)
    else:
        table = values

        def finish(x):
            return x

    layers = [[None] * (n + 1) for _ in range(n)]
    totals = [None] * (n + 1)
    zero = table.dtype.type(0) if table.dtype != object else 0
    for s in range(n + 1):
        members = order[bounds[s] : bounds[s + 1]]
        segment = table[members]
        totals[s] = finish(segment.sum() if len(segment) else zero)
        for i in range(n):
            chosen = segment[bits[i, members]]
            layers[i][s] = finish(chosen.sum() if len(chosen) else zero)
    return layers, totals
