"""An independent lexicographic-centre oracle for the nucleolus variants' tests.

It shares no code with the library's solvers: it takes explicit affine functions
``f_k(x) = c_k - a_k . x`` (or divided by a weight), and minimises their sorted vector
lexicographically over ``{x : A_eq x = b_eq, low <= x}`` by Maschler's classic scheme: at each
stage minimise the largest open function, then test every open function that attains the
level, one LP each, for whether it can go below the level while the others stay at most
there; those that cannot are fixed. Float arithmetic (scipy's HiGHS), small games only.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog


def lexmin(rows, consts, eq_rows, eq_rhs, lower=None, upper=None, tol=1e-7):
    """``x`` minimising lexicographically the sorted ``consts - rows @ x`` subject to
    ``eq_rows @ x = eq_rhs`` and ``lower <= x <= upper`` (None: unbounded)."""
    rows = np.asarray(rows, dtype=float)
    consts = np.asarray(consts, dtype=float)
    k, n = rows.shape
    open_ = np.ones(k, dtype=bool)
    fixed_rows, fixed_rhs = [], []  # a . x = c - level
    bounds = [
        (None if lower is None else lower[i], None if upper is None else upper[i]) for i in range(n)
    ] + [(None, None)]
    x = None
    for _stage in range(k):
        if not open_.any():
            break
        idx = np.flatnonzero(open_)
        # min t : c_k - a_k x <= t  (open k);  fixed equalities;  eq constraints
        a_ub = np.hstack([-rows[idx], -np.ones((idx.size, 1))])
        b_ub = -consts[idx]
        a_eq = [list(r) + [0.0] for r in eq_rows] + [list(r) + [0.0] for r in fixed_rows]
        b_eq = list(eq_rhs) + fixed_rhs
        cost = np.zeros(n + 1)
        cost[n] = 1.0
        res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds)
        assert res.success, res.message
        t = res.x[n]
        x = res.x[:n]
        tight = idx[np.abs(consts[idx] - rows[idx] @ x - t) <= 1e-6]
        fixed_any = False
        for j in tight:
            # can f_j go below t while all open f_k <= t? maximise s: f_j + s <= t
            a2 = np.hstack([-rows[idx], np.zeros((idx.size, 1))])
            b2 = t - consts[idx]
            pos = int(np.flatnonzero(idx == j)[0])
            a2[pos, n] = 1.0
            cost2 = np.zeros(n + 1)
            cost2[n] = -1.0
            b2 = b2 + 1e-9
            bounds2 = bounds[:n] + [(0, 1)]
            r2 = linprog(cost2, A_ub=a2, b_ub=b2, A_eq=a_eq, b_eq=b_eq, bounds=bounds2)
            assert r2.success, r2.message
            if r2.x[n] <= tol:
                fixed_rows.append(list(rows[j]))
                fixed_rhs.append(consts[j] - t)
                open_[j] = False
                fixed_any = True
        assert fixed_any
        # drop open functions that are now constant on the affine set
        basis = np.array(list(eq_rows) + fixed_rows, dtype=float)
        for j in np.flatnonzero(open_):
            stacked = np.vstack([basis, rows[j]])
            if np.linalg.matrix_rank(stacked, tol=1e-9) == np.linalg.matrix_rank(basis, tol=1e-9):
                open_[j] = False
        if np.linalg.matrix_rank(basis, tol=1e-9) == n:
            break
    return np.linalg.lstsq(
        np.array(list(eq_rows) + fixed_rows, float), np.array(list(eq_rhs) + fixed_rhs), rcond=None
    )[0]


def coalition_rows(n):
    """Indicator rows of the proper non-empty coalitions (bitmask order)."""
    full = (1 << n) - 1
    masks = list(range(1, full))
    return masks, np.array([[(m >> i) & 1 for i in range(n)] for m in masks], dtype=float)


def excess_difference_rows(v, n):
    """Every pair (S, T) of coalitions: ``e(S) - e(T) = v(S) - v(T) - (1_S - 1_T) . x``."""
    size = 1 << n
    ind = np.array([[(m >> i) & 1 for i in range(n)] for m in range(size)], dtype=float)
    rows, consts = [], []
    for s in range(size):
        for t in range(size):
            if s != t:
                rows.append(ind[s] - ind[t])
                consts.append(float(v[s]) - float(v[t]))
    return np.array(rows), np.array(consts)
