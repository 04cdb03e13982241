"""Bitmask kernels: coalitions are integers whose bit i stands for player i.

This module is the only home of the whole-table passes over the ``2**n`` coalitions of n
players (a *table* is an array indexed by masks, entry ``S`` for the coalition with bit i set
for each member i):

* :func:`subset_sums` builds the table of a per-player quantity combined over the members
  (sums, unions of bitmasks, maxima) by doubling;
* :func:`split_on` and :func:`split_on_pair` pair every coalition without a player with the
  same coalition plus that player, as two aligned views of the table;
* :func:`popcounts`, :func:`bit_matrix`, :func:`size_indicator` and :func:`mask_bits` tabulate
  membership and sizes; :func:`masks_to_matrix` and :func:`matrix_to_masks` convert between
  masks of any size and boolean membership matrices;
* :func:`minimal_masks` and :func:`threshold_minimal_masks` list minimal coalitions.

Every pass is n vectorised numpy operations, never a Python loop over coalitions. The module
imports nothing from the package.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np

from ._numbers import read_only

__all__ = [
    "MAX_MASK_PLAYERS",
    "subset_sums",
    "split_on",
    "split_on_pair",
    "popcounts",
    "bit_matrix",
    "size_indicator",
    "mask_bits",
    "mask_members",
    "mask_indicator",
    "minimal_masks",
    "masks_to_matrix",
    "matrix_to_masks",
    "matrix_to_int64_masks",
    "threshold_minimal_masks",
]

#: Most players whose coalition masks fit a signed 64-bit integer (numpy int64). Beyond it a
#: coalition is a Python int (as a mask) or a row of a boolean matrix (vectorised).
MAX_MASK_PLAYERS = 63


def subset_sums(
    x: Any, n: int | None = None, *, op: Callable = np.add, empty: Any = 0, dtype: Any = None
) -> np.ndarray:
    r"""The table over all ``2**n`` masks of a per-player quantity combined over the members.

    .. math:: t(S) = x_{i_1} \circ x_{i_2} \circ \dots \circ x_{i_k}
              \quad (S = \{i_1, \dots, i_k\}), \qquad t(\emptyset) = e,

    for an associative and commutative ``op`` (``np.add`` gives ``x(S)``, ``np.bitwise_or``
    the union of per-player masks, ``np.maximum`` the largest member's value).

    Parameters
    ----------
    x : array_like, shape (n,) or (n, k)
        One value per player, or one row of ``k`` values per player (the table then has one
        row per mask). Any dtype: float, int64, bool, or object (``Fraction``, Python ints of
        any size, sympy expressions).
    n : int, optional
        Number of players; defaults to ``len(x)``. Only the first ``n`` players are used.
    op : numpy ufunc, default ``np.add``
        ``np.add``, ``np.bitwise_or``, ``np.maximum`` (or any binary ufunc that is
        associative and commutative on the values).
    empty : scalar, default 0
        ``t(∅)``: the identity of ``op`` on the values (0 for sums and unions, ``False`` for
        booleans, the least possible value for maxima).
    dtype : numpy dtype, optional
        Dtype of the table; defaults to the dtype of ``x``.

    Returns
    -------
    numpy.ndarray, shape (2**n,) or (2**n, k)
        ``t[S]`` for every mask ``S``.

    Notes
    -----
    The doubling recurrence: the masks in ``[2**i, 2**(i+1))`` are the masks below ``2**i``
    with bit i added, so ``t[2**i : 2**(i+1)] = op(t[: 2**i], x[i])``, written in place. n
    vectorised passes and ``2**n`` applications of ``op`` in all, with no temporary table.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import numpy as np
    >>> subset_sums(np.array([1, 2, 4]), 3).tolist()
    [0, 1, 2, 3, 4, 5, 6, 7]
    >>> subset_sums(np.array([Fraction(1, 2), Fraction(1, 3)], dtype=object)).tolist()
    [0, Fraction(1, 2), Fraction(1, 3), Fraction(5, 6)]
    >>> subset_sums(np.array([0b010, 0b100]), op=np.bitwise_or).tolist()
    [0, 2, 4, 6]
    >>> subset_sums(np.array([3.0, 1.0, 2.0]), op=np.maximum).tolist()
    [0.0, 3.0, 1.0, 3.0, 2.0, 3.0, 2.0, 3.0]
    >>> subset_sums(np.array([[1, 0], [1, 5]])).tolist()
    [[0, 0], [1, 0], [1, 5], [2, 5]]
    """
    x = np.asarray(x)
    if n is None:
        n = len(x)
    table = np.empty((1 << n,) + x.shape[1:], dtype=x.dtype if dtype is None else dtype)
    table[0] = empty
    for i in range(n):
        op(table[: 1 << i], x[i], out=table[1 << i : 2 << i])
    return table


def split_on(table: np.ndarray, i: int) -> tuple[np.ndarray, np.ndarray]:
    r"""Pair every coalition without player ``i`` with the same coalition plus ``i``.

    Returns two aligned views ``(without_i, with_i)`` of the table: entry ``k`` of
    ``without_i`` is ``table[S]`` and entry ``k`` of ``with_i`` is ``table[S + i]`` for the
    same coalition ``S`` not containing ``i`` (``S`` runs over those coalitions in increasing
    mask order when the views are flattened).

    Parameters
    ----------
    table : numpy.ndarray, shape (2**n,) or (2**n, ...)
        A C-contiguous table over all masks (extra trailing axes are carried along).
    i : int
        The player (bit), ``0 <= i < n``.

    Returns
    -------
    without_i, with_i : numpy.ndarray
        Views of shape ``(2**(n-i-1), 2**i, ...)`` that share the table's memory: writing to
        them writes to the table (``with_i += without_i`` closes a table upwards along i).

    Notes
    -----
    The masks are laid out as ``(high bits, bit i, low bits)``, so ``table.reshape(-1, 2,
    2**i)`` puts bit i on the middle axis; no copy is made.

    Examples
    --------
    >>> import numpy as np
    >>> table = np.arange(8)                      # t[S] = S for 3 players
    >>> without, with_1 = split_on(table, 1)
    >>> without.ravel().tolist(), with_1.ravel().tolist()
    ([0, 1, 4, 5], [2, 3, 6, 7])
    >>> with_1 -= without                         # in place: t[S + 1] - t[S] = 2 = bit 1
    >>> table.tolist()
    [0, 1, 2, 2, 4, 5, 2, 2]
    """
    view = table.reshape((-1, 2, 1 << i) + table.shape[1:])
    return view[:, 0], view[:, 1]


def split_on_pair(
    table: np.ndarray, i: int, j: int
) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    r"""The four aligned views ``((t[S], t[S + i]), (t[S + j], t[S + i + j]))`` over the
    coalitions ``S`` containing neither player ``i`` nor ``j`` (``i < j``).

    Parameters
    ----------
    table : numpy.ndarray, shape (2**n,)
        A C-contiguous table over all masks.
    i, j : int
        Two players, ``0 <= i < j < n``.

    Returns
    -------
    tuple of two pairs of numpy.ndarray
        ``(without_j, with_j)``, each itself ``(without_i, with_i)``: views of shape
        ``(2**(n-j-1), 2**(j-i-1), 2**i)`` sharing the table's memory.

    Examples
    --------
    >>> import numpy as np
    >>> (s, s_i), (s_j, s_ij) = split_on_pair(np.arange(8), 0, 2)
    >>> s.ravel().tolist(), s_i.ravel().tolist(), s_j.ravel().tolist(), s_ij.ravel().tolist()
    ([0, 2], [1, 3], [4, 6], [5, 7])
    """
    view = table.reshape(-1, 2, 1 << (j - i - 1), 2, 1 << i)
    return ((view[:, 0, :, 0, :], view[:, 0, :, 1, :]), (view[:, 1, :, 0, :], view[:, 1, :, 1, :]))


@lru_cache(maxsize=64)
def popcounts(n: int) -> np.ndarray:
    """Coalition sizes of all ``2**n`` masks, as a read-only uint8 array.

    Examples
    --------
    >>> popcounts(3).tolist()
    [0, 1, 1, 2, 1, 2, 2, 3]
    """
    counts = subset_sums(np.ones(n, dtype=np.uint8), n)
    return read_only(counts)


def mask_bits(masks: Any, n: int, dtype: Any = np.float64) -> np.ndarray:
    """0/1 membership matrix of shape ``(len(masks), n)``: row k is the indicator vector of
    ``masks[k]`` (int64 masks, at most :data:`MAX_MASK_PLAYERS` players).

    Parameters
    ----------
    masks : array_like of int
        Coalition masks.
    n : int
        Number of players (columns).
    dtype : numpy dtype, default float64
        Dtype of the matrix (``bool``, ``np.int64``, ``object`` for exact products, ...).

    Returns
    -------
    numpy.ndarray, shape (len(masks), n)

    Examples
    --------
    >>> mask_bits([0b101, 0b010], 3, dtype=int).tolist()
    [[1, 0, 1], [0, 1, 0]]
    """
    masks = np.asarray(masks, dtype=np.int64).reshape(-1)
    return ((masks[:, None] >> np.arange(n, dtype=np.int64)) & 1).astype(dtype)


@lru_cache(maxsize=64)
def bit_matrix(n: int) -> np.ndarray:
    """Float matrix of shape ``(n, 2**n)`` with entry ``[i, S] = 1`` when bit i is set in S
    (read-only; the transpose of :func:`mask_bits` of all masks).

    Examples
    --------
    >>> bit_matrix(2).tolist()
    [[0.0, 1.0, 0.0, 1.0], [0.0, 0.0, 1.0, 1.0]]
    """
    matrix = np.ascontiguousarray(mask_bits(np.arange(1 << n), n).T)
    return read_only(matrix)


def member_sums(values: np.ndarray, n: int) -> np.ndarray:
    """``sum of values[S] over the masks S that contain i``, for each player ``i < n``.

    ``values`` has ``2**n`` entries. Viewed as a ``(2**h, 2**k)`` matrix, a low player's sum
    is over the columns that contain it and a high player's over the rows, so two half-size
    sums and two products with ``2**(n/2)``-column bit matrices do it (small enough to stay
    on one BLAS thread).

    Examples
    --------
    >>> import numpy as np
    >>> member_sums(np.arange(8.0), 3).tolist()   # masks with bit 0: 1 + 3 + 5 + 7
    [16.0, 18.0, 22.0]
    """
    k = (n + 1) // 2
    h = n - k
    matrix = np.asarray(values).reshape(1 << h, 1 << k)
    return np.concatenate([bit_matrix(k) @ matrix.sum(axis=0), bit_matrix(h) @ matrix.sum(axis=1)])


@lru_cache(maxsize=64)
def size_indicator(n: int) -> np.ndarray:
    """Float matrix of shape ``(2**n, n + 1)`` with entry ``[S, s] = 1`` when ``|S| = s``
    (read-only).

    Examples
    --------
    >>> size_indicator(2).tolist()
    [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    """
    matrix = np.zeros((1 << n, n + 1), dtype=np.float64)
    matrix[np.arange(1 << n), popcounts(n)] = 1.0
    return read_only(matrix)


def mask_members(mask: int, n: int) -> list[int]:
    """Indices of the players in ``mask`` (a Python int of any size), in increasing order.

    Examples
    --------
    >>> mask_members(0b1101, 4)
    [0, 2, 3]
    """
    return [i for i in range(n) if mask >> i & 1]


def mask_indicator(mask: int, n: int) -> list[int]:
    """The 0/1 indicator vector of ``mask`` (a Python int of any size) over ``n`` players: the
    row of a coalition in an exact linear system.

    Examples
    --------
    >>> mask_indicator(0b101, 4)
    [1, 0, 1, 0]
    """
    return [mask >> i & 1 for i in range(n)]


def minimal_masks(table: np.ndarray, n: int) -> np.ndarray:
    """Masks S with ``table[S]`` true but ``table[S - i]`` false for every member i.

    ``table`` is a boolean array over all ``2**n`` masks (e.g. winning coalitions); the answer
    is its minimal elements (e.g. minimal winning coalitions), in increasing mask order. n
    vectorised passes (:func:`split_on`), no loop over coalitions.

    Examples
    --------
    >>> import numpy as np
    >>> wins = np.array([False, False, False, True, False, True, True, True])  # 2 of 3
    >>> minimal_masks(wins, 3).tolist()
    [3, 5, 6]
    """
    table = np.asarray(table, dtype=bool)
    minimal = table.copy()
    for i in range(n):
        _, with_i = split_on(minimal, i)
        with_i &= ~split_on(table, i)[0]
    return np.flatnonzero(minimal)


def masks_to_matrix(masks: Any, n: int) -> np.ndarray:
    """Boolean matrix of shape (len(masks), n): row k has ``[i] = True`` when bit i is set in
    ``masks[k]``. Any n: the masks may be Python ints of any size (each in 0 .. 2**n - 1).

    Examples
    --------
    >>> masks_to_matrix([1 << 70 | 1], 71)[0].nonzero()[0].tolist()
    [0, 70]
    """
    masks = [int(m) for m in np.asarray(masks, dtype=object).reshape(-1)]
    width = max(1, (n + 7) // 8)
    packed = np.frombuffer(
        b"".join(m.to_bytes(width, "little") for m in masks), dtype=np.uint8
    ).reshape(len(masks), width)
    return np.unpackbits(packed, axis=1, count=n, bitorder="little").astype(bool)


def matrix_to_masks(matrix: np.ndarray) -> list[int]:
    """The masks (Python ints) of the rows of a boolean membership matrix (inverse of
    :func:`masks_to_matrix`).

    Examples
    --------
    >>> matrix_to_masks([[True, False, True], [False, True, False]])
    [5, 2]
    """
    packed = np.packbits(np.asarray(matrix, dtype=bool), axis=1, bitorder="little")
    return [int.from_bytes(row.tobytes(), "little") for row in packed]


def matrix_to_int64_masks(matrix: np.ndarray) -> np.ndarray:
    """The masks of the rows of a boolean ``(k, n)`` membership matrix as one int64 array
    (``n <= 62``): the vectorised form of :func:`matrix_to_masks` for table look-ups.

    Examples
    --------
    >>> matrix_to_int64_masks(np.array([[True, False, True], [False, True, False]])).tolist()
    [5, 2]
    """
    k = matrix.shape[0]
    packed = np.packbits(matrix, axis=1, bitorder="little")
    padded = np.zeros((k, 8), dtype=np.uint8)
    padded[:, : packed.shape[1]] = packed
    return padded.view("<i8").reshape(k)


def threshold_minimal_masks(weights: Any, quota: Any, limit: int) -> list[int] | None:
    """Minimal coalitions S with ``sum of weights[i] over S >= quota`` (the minimal winning
    coalitions of a weighted rule), as Python-int masks; None when there are more than
    ``limit``. Any n, any non-negative weights (ints, Fractions or floats).

    Players are taken in order of decreasing weight and a partial coalition is extended only
    while it loses and can still win. The member whose addition makes it win is its lightest,
    so every coalition found this way is minimal, each minimal one is found once (members in
    that order), and every extended partial coalition leads to at least one: the work is about
    n log n per coalition listed (output-sensitive), never 2**n.

    Examples
    --------
    >>> sorted(threshold_minimal_masks([2, 1, 1], 3, limit=10))
    [3, 5]
    """
    order = sorted((i for i, w in enumerate(weights) if w > 0), key=lambda i: -weights[i])
    w = [weights[i] for i in order]
    m = len(w)
    suffix = [0] * (m + 1)
    for k in range(m - 1, -1, -1):
        suffix[k] = suffix[k + 1] + w[k]
    negated = [-x for x in w]  # ascending, for bisect
    found: list[int] = []
    stack = [(0, 0, 0)]  # (weight so far, next position, mask)
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
