"""Exact linear algebra over the rationals for the LP concepts: a tracked linear span of
coalition vectors, exact solutions of linear systems, and positive combinations
(balancedness certificates) found by an LP and rebuilt exactly.

The exact parts only ever see a few dozen vectors; whatever touches all ``2**n`` coalitions
is a whole-array pass of :mod:`coalitions._bits`. This module imports nothing from the
package's subpackages.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from . import _numbers as nb
from ._bits import mask_bits, mask_indicator, subset_sums
from ._lp import LPSolution, solve_lp

__all__ = ["Span", "solve_exact", "positive_combination", "float_positive_combination"]

_INT64_SAFE = 1 << 61


class Span:
    """An exactly tracked linear span of 0/1 (or integer) vectors in R^n (reduced row
    echelon form over the rationals), with a vectorised membership test for masks.

    Examples
    --------
    >>> span = Span(3)
    >>> span.add_mask(0b011), span.add_mask(0b100), span.add_mask(0b111)
    (True, True, False)
    >>> span.rank, span.contains_masks([0b001, 0b111]).tolist()
    (2, [False, True])
    """

    def __init__(self, n: int):
        self.n = n
        # the reduced row echelon form, each row scaled to coprime integers with a positive
        # pivot entry (Python integers: no Fraction arithmetic in the hot loops)
        self.rows: list[list[int]] = []
        self.pivots: list[int] = []
        self.generators: list[list[int]] = []
        self._null: np.ndarray | None = None
        self._probe: tuple | None = None

    @property
    def rank(self) -> int:
        return len(self.rows)

    def _reduce(self, vec: Sequence[Any]) -> list[int]:
        """``vec`` minus its part in the span, times a positive integer (integers)."""
        out = _integer_row(vec)
        for row, pivot in zip(self.rows, self.pivots):
            if out[pivot]:
                lead, factor = row[pivot], out[pivot]
                out = _primitive([lead * a - factor * b for a, b in zip(out, row)])
        return out

    def contains(self, vec: Sequence[Any]) -> bool:
        return not any(self._reduce(vec))

    def add(self, vec: Sequence[Any]) -> bool:
        """Add a vector; True when it increased the rank."""
        reduced = self._reduce(vec)
        pivot = next((i for i, v in enumerate(reduced) if v), None)
        if pivot is None:
            return False
        if reduced[pivot] < 0:
            reduced = [-v for v in reduced]
        lead = reduced[pivot]
        for k, row in enumerate(self.rows):
            if row[pivot]:
                factor = row[pivot]
                self.rows[k] = _primitive([lead * a - factor * b for a, b in zip(row, reduced)])
        self.rows.append(reduced)
        self.pivots.append(pivot)
        self.generators.append([int(v) for v in vec])
        self._null = None
        self._probe = None
        return True

    def add_mask(self, mask: int) -> bool:
        return self.add(mask_indicator(mask, self.n))

    def null_basis(self) -> np.ndarray:
        """Integer matrix (n, n - rank) whose columns span the orthogonal complement."""
        if self._null is None:
            free = [c for c in range(self.n) if c not in self.pivots]
            columns = []
            for f in free:
                vec = [Fraction(0)] * self.n
                vec[f] = Fraction(1)
                for row, pivot in zip(self.rows, self.pivots):
                    vec[pivot] = Fraction(-row[f], row[pivot])
                columns.append(nb.to_scaled_int(vec, dtype=object)[0].tolist())
            array = np.array(columns, dtype=object).T.reshape(self.n, len(columns))
            big = max((abs(int(v)) for v in array.ravel()), default=0)
            self._null = array.astype(np.int64) if big * self.n < _INT64_SAFE else array
        return self._null

    def contains_masks(self, masks: np.ndarray) -> np.ndarray:
        """Boolean array: is each mask's indicator vector in the span (exact)."""
        masks = np.asarray(masks, dtype=np.int64)
        if self.rank == self.n:
            return np.ones(masks.shape, dtype=bool)
        if self.rank == 0:
            return masks == 0
        null = self.null_basis()
        if null.dtype != object and np.abs(null).max() * self.n < 2**50:
            out = np.empty(masks.shape, dtype=bool)
            nullf = null.astype(np.float64)
            for lo in range(0, masks.size, 1 << 16):
                bits = mask_bits(masks[lo : lo + (1 << 16)], self.n)
                out[lo : lo + (1 << 16)] = ~np.any(bits @ nullf != 0, axis=1)
            return out
        bits = mask_bits(masks, self.n, object)
        return ~np.any(bits @ null != 0, axis=1)

    def not_in_span_table(self) -> np.ndarray:
        """Boolean table over all 2**n masks: True where the mask is outside the span.

        One subset-sum pass of a random integer combination of the complement basis, then
        an exact check of the (few) masks that pass the probe.
        """
        n = self.n
        if self.rank == n:
            return np.zeros(1 << n, dtype=bool)
        null = self.null_basis()
        rng = np.random.default_rng(len(self.rows) * 7919 + n)
        columns = int(null.shape[1])
        coefficients = rng.integers(1, 1 << 16, size=columns)
        probe = [
            int(sum(int(null[i, k]) * int(coefficients[k]) for k in range(columns)))
            for i in range(n)
        ]
        if sum(abs(p) for p in probe) < _INT64_SAFE:
            sums = subset_sums(np.array(probe, dtype=np.int64), n)
            outside = sums != 0
        else:  # pragma: no cover - astronomically large complements
            outside = np.ones(1 << n, dtype=bool)
            outside[0] = False
        candidates = np.flatnonzero(~outside)
        if candidates.size > (1 << n) >> 6 and null.dtype != object:
            for k in range(null.shape[1]):  # exact, one subset-sum pass per column
                outside |= subset_sums(null[:, k].astype(np.int64), n) != 0
        elif candidates.size:
            outside[candidates] = ~self.contains_masks(candidates)
        return outside


def solve_exact(
    rows: Sequence[Sequence[Any]],
    rhs: Sequence[Any],
    guess: Sequence[Any] | Callable[[int], Any] | None = None,
    *,
    max_denominator: int = 10**9,
    unique: bool = False,
) -> list[Fraction] | None:
    """Exact solution of ``rows @ z = rhs`` by Gaussian elimination over the rationals.

    Free variables (when the system is underdetermined) take the rational closest to
    ``guess`` (or 0; ``guess`` may be a function of the variable's index, called only for
    the free ones); with ``unique`` an underdetermined system gives None instead. Returns
    None if the system is inconsistent.

    Examples
    --------
    >>> solve_exact([[1, 1], [1, -1]], [1, 0])
    [Fraction(1, 2), Fraction(1, 2)]
    >>> solve_exact([[1, 1], [2, 2]], [1, 3]) is None
    True
    """
    k = len(rows[0]) if rows else (0 if guess is None or callable(guess) else len(guess))
    matrix = [_integer_row([*row, b]) for row, b in zip(rows, rhs)]
    m = len(matrix)
    # Gauss-Jordan without fractions: every row stays integral (divided by the gcd of its
    # entries), so the reduced row echelon form is reached with Python integers only; it is
    # unique, hence the same answer as elimination over the rationals.
    pivots: list[int] = []
    r = 0
    for c in range(k):
        p = next((i for i in range(r, m) if matrix[i][c]), None)
        if p is None:
            continue
        matrix[r], matrix[p] = matrix[p], matrix[r]
        pivot_row = matrix[r]
        lead = pivot_row[c]
        for i in range(m):
            if i != r and matrix[i][c]:
                f = matrix[i][c]
                matrix[i] = _primitive([lead * a - f * b for a, b in zip(matrix[i], pivot_row)])
        pivots.append(c)
        r += 1
        if r == m:
            break
    for i in range(r, m):
        if matrix[i][k]:
            return None
    pivot_set = set(pivots)
    free = [c for c in range(k) if c not in pivot_set]
    if unique and free:
        return None
    z = [Fraction(0)] * k
    for c in free:
        if guess is not None:
            g = guess(c) if callable(guess) else guess[c]
            nearest = g if isinstance(g, Fraction) else Fraction(repr(float(g)))
            z[c] = nearest.limit_denominator(max_denominator)
    for i, c in enumerate(pivots):
        row = matrix[i]
        rest = sum((row[f] * z[f] for f in free if row[f]), Fraction(0))
        z[c] = (row[k] - rest) / row[c]
    return z


def _integer_row(values: Sequence[Any]) -> list[int]:
    """A rational row times the least common multiple of its denominators (integers)."""
    numbers = [v if isinstance(v, (int, Fraction)) else Fraction(v) for v in values]
    scale = math.lcm(*(v.denominator for v in numbers if not isinstance(v, int)))
    if scale == 1:
        return [int(v) for v in numbers]
    return [
        int(v) * scale if isinstance(v, int) else v.numerator * (scale // v.denominator)
        for v in numbers
    ]


def _primitive(row: list[int]) -> list[int]:
    """The row divided by the gcd of its entries (unchanged when that is 0 or 1)."""
    divisor = math.gcd(*row)
    if divisor > 1:  # gcd is never negative: the signs stay
        return [v // divisor for v in row]
    return row


def positive_combination(
    strict: np.ndarray, nonneg: np.ndarray, free: np.ndarray, *, presolve: bool = True
) -> tuple[list[Fraction], list[Fraction], list[Fraction]] | None:
    """Exact weights with ``strict.T @ a + nonneg.T @ b + free.T @ c = 0``, a > 0, b >= 0.

    The rows of ``strict``, ``nonneg`` and ``free`` are integer vectors in R^n. A float LP
    (HiGHS) finds a vertex; the vertex is then rebuilt exactly from its basis and checked
    exactly. Returns ``(a, b, c)`` as Fractions, or None when no certificate was found.
    ``presolve=False`` skips HiGHS's presolve (faster on small LPs; the weights found may
    differ, for callers that only ask whether weights exist).

    Examples
    --------
    The coalitions {1, 2}, {1, 3} and {2, 3} with weights 1/2 each cover every player once,
    as the grand coalition (``-N`` as a free row) does: they are balanced.

    >>> import numpy as np
    >>> pairs = np.array([[1, 1, 0], [1, 0, 1], [0, 1, 1]])
    >>> a, b, c = positive_combination(pairs, np.zeros((0, 3)), np.array([[1, 1, 1]]))
    >>> [str(w / -c[0]) for w in a]
    ['1/2', '1/2', '1/2']

    With no strict row the all-zero weights are a certificate:

    >>> positive_combination(np.zeros((0, 2)), np.array([[1, 0]]), np.zeros((0, 2)))
    ([], [Fraction(0, 1)], [])
    """
    strict = np.asarray(strict, dtype=np.int64).reshape(-1, _dim(strict, nonneg, free))
    n = strict.shape[1]
    nonneg = np.asarray(nonneg, dtype=np.int64).reshape(-1, n)
    free = np.asarray(free, dtype=np.int64).reshape(-1, n)
    ms, mn, mf = len(strict), len(nonneg), len(free)
    if ms == 0:
        return [], [Fraction(0)] * mn, [Fraction(0)] * mf
    # Cheap first try: every strict weight 1, no other weight.
    total = strict.sum(axis=0)
    if mf:
        attempt = solve_exact(free.T.tolist(), (-total).tolist())
        if attempt is not None:
            return [Fraction(1)] * ms, [Fraction(0)] * mn, attempt
    elif not total.any():
        return [Fraction(1)] * ms, [Fraction(0)] * mn, []
    columns = np.vstack([strict, nonneg, free])  # one row per variable
    ray = _unique_ray(columns, ms, mn)
    if ray is not None:
        return ray
    solution = _combination_lp(strict, nonneg, free, presolve)
    if not solution.success:
        return None
    z = solution.x
    assert z is not None  # solve_lp always sets x on success
    total_vars = ms + mn + mf
    for tol in (1e-9, 1e-7, None):
        at_one = np.zeros(total_vars, dtype=bool)
        at_zero = np.zeros(total_vars, dtype=bool)
        if tol is not None:
            at_one[:ms] = np.abs(z[:ms] - 1) <= tol
            at_zero[ms : ms + mn] = np.abs(z[ms : ms + mn]) <= tol
        unknown = np.flatnonzero(~(at_one | at_zero))
        base = columns[at_one].sum(axis=0) if at_one.any() else np.zeros(n, dtype=np.int64)
        rhs = [-int(v) for v in base]
        if unknown.size:
            sub = columns[unknown].T.tolist()
            solved = solve_exact(sub, rhs, [z[j] for j in unknown])
            if solved is None:
                continue
        else:
            if any(rhs):
                continue
            solved = []
        values = np.empty(total_vars, dtype=object)
        values[at_one] = Fraction(1)
        values[at_zero] = Fraction(0)
        for j, value in zip(unknown, solved):
            values[j] = value
        if unknown.size:
            lows = values[unknown]
            kinds = unknown
            if any(v <= 0 for v, j in zip(lows, kinds) if j < ms) or any(
                v < 0 for v, j in zip(lows, kinds) if ms <= j < ms + mn
            ):
                continue
            check = [
                rhs[i] * -1
                + sum(
                    (values[j] * int(columns[j, i]) for j in unknown if columns[j, i]), Fraction(0)
                )
                for i in range(n)
            ]
            if any(check):
                continue
        return list(values[:ms]), list(values[ms : ms + mn]), list(values[ms + mn :])
    return None


def _unique_ray(columns: np.ndarray, ms: int, mn: int):
    """The LP's answer without the LP when the weights are one ray: ``columns.T @ w = 0``
    with ``w_0 = 1`` solved exactly; if that solution is unique the solutions are its
    multiples, and the LP ``min sum a, a >= 1, b >= 0`` picks the multiple with smallest
    strict weight 1 (None when the system is not one ray, or the ray has no admissible
    multiple: then the LP decides)."""
    rest = columns[1:].T.tolist()
    solved = solve_exact(rest, (-columns[0]).tolist(), unique=True)
    if solved is None:
        return None
    weights = [Fraction(1), *solved]
    strict, nonneg = weights[:ms], weights[ms : ms + mn]
    if any(w <= 0 for w in strict) or any(w < 0 for w in nonneg):
        return None
    low = min(strict)
    weights = [w / low for w in weights]
    return weights[:ms], weights[ms : ms + mn], weights[ms + mn :]


def _combination_lp(
    strict: np.ndarray, nonneg: np.ndarray, free: np.ndarray, presolve: bool = True
) -> LPSolution:
    """The float LP ``min sum a`` over ``strict.T a + nonneg.T b + free.T c = 0`` with
    ``a >= 1``, ``b >= 0`` and ``c`` free (feasible exactly when a certificate exists)."""
    ms, mn, mf = len(strict), len(nonneg), len(free)
    matrix = np.hstack([strict.T, nonneg.T, free.T]).astype(np.float64)
    cost = np.concatenate([np.ones(ms), np.zeros(mn + mf)])
    bounds = [(1, None)] * ms + [(0, None)] * mn + [(None, None)] * mf
    return solve_lp(
        cost, A_eq=matrix, b_eq=np.zeros(strict.shape[1]), bounds=bounds, presolve=presolve
    )


def float_positive_combination(
    strict: np.ndarray, nonneg: np.ndarray, free: np.ndarray, *, presolve: bool = True
) -> bool:
    """Whether :func:`positive_combination`'s weights exist, by the float LP alone (no exact
    rebuild): the test of float games, where a tolerance decides anyway."""
    return _combination_lp(strict, nonneg, free, presolve).success


def _dim(*arrays) -> int:
    for array in arrays:
        array = np.asarray(array)
        if array.ndim == 2 and array.shape[1]:
            return array.shape[1]
    raise ValueError("cannot infer the dimension of an empty collection")
