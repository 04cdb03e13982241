"""Size-weighted sums over the coalitions that contain each player.

Semivalues (Shapley, Banzhaf, ...) of a TU game only need, for every player i and size s,

    L[i, s] = sum of v(T) over coalitions T that contain i and have |T| = s,

and the layer totals ``L_tot[s] = sum over |T| = s of v(T)``. For float games this module
never materialises L for large n: it reads the 2**n table once, in blocks.

Float algorithm
---------------
View the table as a matrix ``M`` of shape (2**h, 2**k): rows are the high players' bits,
columns the low players'. The size of entry (r, c) is popcount(r) + popcount(c), so with
``U[a, c] = g[a + popcount(c)]`` the two things semivalues need are

* ``rowsum[r] = M[r] . U[popcount(r)]``, whose sums over the rows that contain each high
  player are that player's sum, and
* ``A[a] = sum of M[r] over the rows with popcount(r) = a``, which gives each column's
  weighted sum ``sum_a A[a, c] U[a, c]`` and from it each low player's sum (and the weighted
  total for any g, without reading the table again).

One pass over the table in blocks of rows of equal popcount, each block small enough to
stay in cache while it is summed (``A``) and multiplied by ``U`` (``rowsum``): about three
flops a value, and the table is read from memory once (the earlier version's two products
with 0/1 size matrices cost about 2n flops a value and depended on the BLAS thread pool).
Everything else is O(n 2**(n/2)).
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import numpy as np

from .. import _numbers as nb
from .._bits import bit_matrix, member_sums, popcounts
from .._blas import one_blas_thread

__all__ = ["SizeProfile", "size_profile"]

# Up to this many players a float game is handled in one small matrix-vector product.
_SMALL = 12
# Up to this many players the sums over pairs are two products with the (n, 2**n) bit
# matrix (above it the blocked pass is faster, and a BLAS thread pool slows the products).
_SMALL_PAIRS = 10
# Bytes of the table summed per block: at least this, or 1/512 of the table (fewer Python
# steps for large n); a block stays in the caches while it is read twice.
_BLOCK_BYTES = 1 << 19


class SizeProfile:
    """Everything semivalues need from a game, computed in one pass over its table."""

    def __init__(self, game):
        self.n = game.n_players
        self.kind = game.kind
        values = game.values
        n = self.n
        if self.kind == nb.FLOAT:
            self._small = values if n <= _SMALL else None
            self._values = values
            self._grouped = None  # A: row sums grouped by the rows' popcount
        else:
            self._layers, self._totals = _exact_layers(values, n, self.kind)

    # float helpers ------------------------------------------------------------
    def _split(self) -> tuple[int, int]:
        k = self.n // 2
        return self.n - k, k

    def _weights(self, g: np.ndarray) -> np.ndarray:
        """``U[a, c] = g[a + popcount(c)]`` for the low players' columns c."""
        h, k = self._split()
        return g[np.arange(h + 1)[:, None] + popcounts(k)[None, :]]

    def _pass(self, weights: np.ndarray | None) -> np.ndarray | None:
        """Fill ``A`` and return each row's products ``M[r] @ weights[popcount(r)]``.

        ``weights`` has shape ``(h + 1, 2**k)`` (one weighted sum per row) or ``(h + 1, 2**k,
        m)`` (m of them); None fills ``A`` only.
        """
        h, k = self._split()
        matrix = self._values.reshape(1 << h, 1 << k)
        high = popcounts(h)
        order = np.argsort(high, kind="stable")
        bounds = np.searchsorted(high[order], np.arange(h + 2))
        rows_per = max(1, max(_BLOCK_BYTES, self._values.nbytes >> 9) // (8 << k))
        grouped = np.zeros((h + 1, 1 << k))
        rowsum = np.empty(((1 << h),) + (() if weights is None else weights.shape[2:]))
        with one_blas_thread():  # many small memory-bound products: no thread hand-offs
            for a in range(h + 1):
                rows = order[bounds[a] : bounds[a + 1]]
                for start in range(0, len(rows), rows_per):
                    chosen = rows[start : start + rows_per]
                    block = matrix[chosen]  # a copy that stays in cache for the two reads
                    grouped[a] += block.sum(axis=0)
                    if weights is not None:
                        rowsum[chosen] = block @ weights[a]
        self._grouped = grouped
        return None if weights is None else rowsum

    def _float_player_sums(self, g: np.ndarray) -> np.ndarray:
        n = self.n
        if self._small is not None:
            return bit_matrix(n) @ (self._small * _per_coalition(n, tuple(g)))
        h, k = self._split()
        rowsum = self._pass(self._weights(g))
        assert rowsum is not None  # a pass with weights returns the weighted row sums
        columns = np.einsum("ac,ac->c", self._grouped, self._weights(g))
        return np.concatenate([member_sums(columns, k), member_sums(rowsum, h)])

    def _float_total(self, g: np.ndarray) -> float:
        if self._small is not None:
            return float(np.dot(self._small, _per_coalition(self.n, tuple(g))))
        if self._grouped is None:
            self._pass(None)
        return float(np.einsum("ac,ac->", self._grouped, self._weights(g)))

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

    def pair_sums(self, pair_g, single_gs) -> tuple[np.ndarray, np.ndarray]:
        """Float games: the size-weighted sums over the coalitions containing two players.

        Returns ``(P, S)``: ``P[i, j] = sum over T containing i and j of pair_g[|T|] v(T)``
        for ``i != j`` (zero diagonal), and ``S[l, i] = sum over T containing i of
        single_gs[l][|T|] v(T)``, all from one pass over the table.

        With the table as the matrix ``M`` of the module notes, a pair of high players sums
        the rows' weighted sums over the rows that contain both, a pair of low players the
        columns' weighted sums (from ``A``) over the columns that contain both, and a high
        player i with a low player j sums over the rows containing i the row products
        ``M[r] @ (U[popcount(r)] * bits_j)``: one product of each block with a
        ``2**k x (k + 1 + len(single_gs))`` matrix, about ``n / 2`` flops a value.
        """
        n = self.n
        pair_g = np.asarray(pair_g, dtype=np.float64)
        singles = np.asarray(single_gs, dtype=np.float64).reshape(-1, n + 1)
        if n <= _SMALL_PAIRS:
            bits = bit_matrix(n)
            sizes = popcounts(n)
            pairs = (bits * (self._values * pair_g[sizes])) @ bits.T
            single = (bits @ (self._values[:, None] * singles.T[sizes])).T
        else:
            h, k = self._split()
            low, high = bit_matrix(k), bit_matrix(h)
            weights = _pair_weights(h, k, tuple(pair_g), tuple(map(tuple, singles)))
            u_pair, u_single = weights[:, :, k], weights[:, :, k + 1 :]
            rows = self._pass(weights)  # (2**h, k + 1 + L)
            assert rows is not None  # a pass with weights returns the row products
            columns_pair = np.einsum("ac,ac->c", self._grouped, u_pair)
            columns_single = np.einsum("ac,acl->cl", self._grouped, u_single)
            pairs = np.empty((n, n))
            with one_blas_thread():  # products of 2**(n/2)-long bit matrices
                pairs[:k, :k] = (low * columns_pair) @ low.T
                pairs[k:, k:] = (high * rows[:, k]) @ high.T
                cross = high @ rows[:, :k]  # [high player, low player]
                single = np.concatenate([low @ columns_single, high @ rows[:, k + 1 :]]).T
            pairs[k:, :k] = cross
            pairs[:k, k:] = cross.T
        np.fill_diagonal(pairs, 0.0)
        return pairs, single

    def total(self, g):
        """``sum over all T of g[|T|] v(T)``."""
        if self.kind == nb.FLOAT:
            return self._float_total(np.asarray(g, dtype=np.float64))
        return sum((g[s] * self._totals[s] for s in range(self.n + 1)), nb.constant(0, self.kind))


@lru_cache(maxsize=64)
def _per_coalition(n: int, g: tuple) -> np.ndarray:
    """``g[|S|]`` for every coalition S of a small game (semivalues reuse a few g's)."""
    return np.asarray(g, dtype=np.float64)[popcounts(n)]


@lru_cache(maxsize=16)
def _pair_weights(h: int, k: int, pair_g: tuple, single_gs: tuple) -> np.ndarray:
    """``W[a] = [U[a] * bits_j for each low player j, U[a], U_l[a] for each l]``, shape
    ``(h + 1, 2**k, k + 1 + L)``: the right-hand sides of a pair pass (cached: a fresh
    megabyte costs more in page faults than the products that read it)."""
    columns = np.arange(h + 1)[:, None] + popcounts(k)[None, :]
    u_pair = np.asarray(pair_g)[columns]
    weights = np.concatenate(
        [u_pair[:, :, None] * bit_matrix(k).T[None], u_pair[:, :, None]]
        + [np.asarray(g)[columns][:, :, None] for g in single_gs],
        axis=2,
    )
    return nb.read_only(weights)


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
