"""Exact solutions of bargaining problems on a rational polytope, each certified exactly.

A float LP (HiGHS, through :func:`coalitions._lp.solve_lp`) finds the optimum; its active
set (the variables away from zero and the constraints with a positive dual value) is then
solved again in rational arithmetic and the result is accepted only when an exact check
proves it: the primal point is feasible, the dual point is feasible and both give the same
objective (so both are optimal by weak duality). The Nash point, whose objective is not
linear, is checked by its first-order condition: the hyperplane with normal
``w_i / (x_i - d_i)`` through ``x`` supports the feasible set (the condition is sufficient
because the objective is concave).

Every function returns None when no exact answer could be certified; the caller then
answers in floats and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from .._exact_linalg import solve_exact
from .._lp import solve_lp

__all__ = ["exact_lp", "exact_ray", "exact_utilitarian", "exact_nash", "MAX_EXACT_LP_ENTRIES"]

#: Largest LP (constraint rows times variables) rebuilt in rational arithmetic; larger
#: problems are answered in floats.
MAX_EXACT_LP_ENTRIES = 200_000

#: Tolerances, tried in turn, below which a float primal value or dual value counts as zero
#: when the active set is read off the float solution (relative to the largest entry).
ACTIVE_TOLERANCES = (1e-9, 1e-7, 1e-5)

ZERO = Fraction(0)


def _dot(row: Sequence[Fraction], z: Sequence[Fraction]) -> Fraction:
    return sum((a * b for a, b in zip(row, z) if a and b), ZERO)


def _floats(rows: Sequence[Sequence[Fraction]], width: int) -> np.ndarray:
    return np.array([[float(v) for v in row] for row in rows], dtype=np.float64).reshape(
        len(rows), width
    )


def exact_lp(
    c: Sequence[Fraction],
    a_ub: Sequence[Sequence[Fraction]],
    b_ub: Sequence[Fraction],
    a_eq: Sequence[Sequence[Fraction]],
    b_eq: Sequence[Fraction],
    nonneg: Sequence[bool],
) -> tuple[list[Fraction], Fraction] | None:
    r"""Maximise ``c @ z`` subject to ``a_ub z <= b_ub``, ``a_eq z = b_eq`` and ``z_j >= 0``
    where ``nonneg[j]``, exactly: ``(z, value)`` in Fractions, or None.

    The answer is certified by a dual solution ``y >= 0``, ``w`` with
    ``(a_ub^T y + a_eq^T w)_j >= c_j`` (``= c_j`` for free variables) and
    ``b_ub @ y + b_eq @ w = c @ z``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> exact_lp([F(1), F(1)], [[F(3), F(1)], [F(1), F(3)]], [F(1), F(1)], [], [],
    ...          [True, True])
    ([Fraction(1, 4), Fraction(1, 4)], Fraction(1, 2))
    """
    k, m_ub, m_eq = len(c), len(a_ub), len(a_eq)
    if (m_ub + m_eq) * k > MAX_EXACT_LP_ENTRIES:
        return None
    float_ub, float_eq = _floats(a_ub, k), _floats(a_eq, k)
    # rows equilibrated (the primal point is unchanged, each dual value divided by its scale)
    scale_ub = np.maximum(
        np.abs(float_ub).max(axis=1, initial=0.0), np.abs([float(v) for v in b_ub])
    )
    scale_ub = np.where(scale_ub > 0, scale_ub, 1.0)
    scale_eq = np.maximum(
        np.abs(float_eq).max(axis=1, initial=0.0), np.abs([float(v) for v in b_eq])
    )
    scale_eq = np.where(scale_eq > 0, scale_eq, 1.0)
    solution = solve_lp(
        -np.array([float(v) for v in c]),
        float_ub / scale_ub[:, None] if m_ub else None,
        np.array([float(v) for v in b_ub]) / scale_ub if m_ub else None,
        float_eq / scale_eq[:, None] if m_eq else None,
        np.array([float(v) for v in b_eq]) / scale_eq if m_eq else None,
        [(0, None) if j else (None, None) for j in nonneg],
    )
    if not solution.success or solution.x is None:
        return None
    z_float = solution.x
    ineq = np.zeros(m_ub) if solution.ineqlin is None else solution.ineqlin
    eq = np.zeros(m_eq) if solution.eqlin is None else solution.eqlin
    y_float = (-ineq / scale_ub) if m_ub else np.zeros(0)
    w_float = (-eq / scale_eq) if m_eq else np.zeros(0)
    z_size = max(float(np.abs(z_float).max(initial=0.0)), 1.0)
    y_size = max(float(np.abs(y_float).max(initial=0.0)), 1e-300)
    columns = list(zip(*a_ub)) if m_ub else [()] * k
    columns_eq = list(zip(*a_eq)) if m_eq else [()] * k
    slack = (
        ((np.array([float(v) for v in b_ub]) - float_ub @ z_float) / scale_ub)
        if m_ub
        else np.zeros(0)
    )
    c_float = np.array([float(v) for v in c])
    reduced_float = (
        (float_ub.T @ y_float if m_ub else np.zeros(k))
        + (float_eq.T @ w_float if m_eq else np.zeros(k))
        - c_float
    )
    c_size = max(float(np.abs(c_float).max(initial=0.0)), y_size, 1.0)
    for tol in ACTIVE_TOLERANCES:
        basic = [j for j in range(k) if not nonneg[j] or z_float[j] > tol * z_size]
        binding = [i for i in range(m_ub) if abs(slack[i]) <= tol]  # primal: tight rows
        tight = [i for i in range(m_ub) if y_float[i] > tol * y_size]  # dual: priced rows
        rows = [[a_eq[i][j] for j in basic] for i in range(m_eq)] + [
            [a_ub[i][j] for j in basic] for i in binding
        ]
        rhs = list(b_eq) + [b_ub[i] for i in binding]
        if rows:
            solved = solve_exact(rows, rhs, [z_float[j] for j in basic])
        else:
            solved = [ZERO] * len(basic)
        if solved is None:
            continue
        z = [ZERO] * k
        for j, value in zip(basic, solved):
            z[j] = value
        # the dual prices every basic column exactly; a non-basic column whose reduced cost
        # is zero in floats is priced exactly too (a degenerate dual: rounding its free
        # values could leave such a cost a hair below zero)
        priced = basic + [
            j for j in range(k) if j not in basic and abs(reduced_float[j]) <= tol * c_size
        ]
        dual_rows = [[columns[j][i] for i in tight] + list(columns_eq[j]) for j in priced]
        dual = (
            solve_exact(
                dual_rows, [c[j] for j in priced], [y_float[i] for i in tight] + list(w_float)
            )
            if dual_rows
            else [ZERO] * (len(tight) + m_eq)
        )
        if dual is None:
            continue
        y = [ZERO] * m_ub
        for i, value in zip(tight, dual):
            y[i] = value
        w = dual[len(tight) :]
        if _certified(c, a_ub, b_ub, a_eq, b_eq, nonneg, z, y, w, columns, columns_eq):
            return z, _dot(c, z)
    return None


def _certified(c, a_ub, b_ub, a_eq, b_eq, nonneg, z, y, w, columns, columns_eq) -> bool:
    """Primal feasibility, dual feasibility and equal objectives, in rational arithmetic."""
    if any(nonneg[j] and z[j] < 0 for j in range(len(z))) or any(v < 0 for v in y):
        return False
    if any(_dot(row, z) > b for row, b in zip(a_ub, b_ub)) or any(
        _dot(row, z) != b for row, b in zip(a_eq, b_eq)
    ):
        return False
    for j in range(len(z)):
        reduced = _dot(columns[j], y) + _dot(columns_eq[j], w) - c[j]
        if reduced < 0 or (not nonneg[j] and reduced != 0):
            return False
    return _dot(c, z) == _dot(b_ub, y) + _dot(b_eq, w)


def exact_ray(
    vertices: Sequence[Sequence[Fraction]], start: Sequence[Fraction], direction: Sequence[Fraction]
) -> Fraction | None:
    """The largest ``t`` with ``start + t * direction`` in the comprehensive hull of the
    vertices, exactly (None if it could not be certified).

    The LP: maximise ``t`` over vertex weights ``lam >= 0`` summing to 1 with
    ``V^T lam >= start + t * direction``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> triangle = [[F(0), F(0)], [F(4), F(0)], [F(0), F(2)]]
    >>> exact_ray(triangle, [F(0), F(0)], [F(1), F(1)])
    Fraction(4, 3)
    """
    m, n = len(vertices), len(start)
    a_ub = [[-vertices[k][i] for k in range(m)] + [direction[i]] for i in range(n)]
    b_ub = [-v for v in start]
    a_eq = [[Fraction(1)] * m + [ZERO]]
    found = exact_lp(
        [ZERO] * m + [Fraction(1)], a_ub, b_ub, a_eq, [Fraction(1)], [True] * m + [False]
    )
    return None if found is None else found[1]


def exact_utilitarian(
    vertices: Sequence[Sequence[Fraction]], d: Sequence[Fraction]
) -> list[Fraction] | None:
    """The individually rational point of largest total and, among those, of largest
    smallest gain over ``d``, exactly (two certified LPs), or None."""
    m, n = len(vertices), len(d)
    totals = [sum(row, ZERO) for row in vertices]
    a_ub = [[-vertices[k][i] for k in range(m)] for i in range(n)]
    first = exact_lp(totals, a_ub, [-v for v in d], [[Fraction(1)] * m], [Fraction(1)], [True] * m)
    if first is None:
        return None
    best = first[1]
    second = exact_lp(
        [ZERO] * m + [Fraction(1)],
        [row + [Fraction(1)] for row in a_ub],
        [-v for v in d],
        [[Fraction(1)] * m + [ZERO], totals + [ZERO]],
        [Fraction(1), best],
        [True] * m + [False],
    )
    if second is None:  # the tie-break is not certified: the first LP's point may lose it
        return None
    lam = second[0][:m]
    return [sum((lam[k] * vertices[k][i] for k in range(m) if lam[k]), ZERO) for i in range(n)]


def _supports(vertices, d, w, x) -> bool:
    """Whether ``x`` (above ``d``) maximises the weighted Nash product: every vertex lies
    below the hyperplane with normal ``w_i / (x_i - d_i)`` through ``x``."""
    gains = [xi - di for xi, di in zip(x, d)]
    if any(g <= 0 for g in gains):
        return False
    normal = [wi / g for wi, g in zip(w, gains)]
    return all(_dot(normal, [v - xi for v, xi in zip(row, x)]) <= 0 for row in vertices)


def _segment_points(vertices, d, w, pairs):
    """Exact weighted-Nash candidates on the segments ``pairs`` of two vertices: the two
    ends and the stationary point of ``w_1 log g_1 + w_2 log g_2`` clipped to the
    segment."""
    total = w[0] + w[1]
    for i, j in pairs:
        p, q = vertices[i], vertices[j]
        a = [p[0] - d[0], p[1] - d[1]]
        b = [q[0] - p[0], q[1] - p[1]]
        candidates = [Fraction(0), Fraction(1)]
        if b[0] * b[1] != 0:
            s = -(w[0] * b[0] * a[1] + w[1] * b[1] * a[0]) / (total * b[0] * b[1])
            candidates.insert(0, min(max(s, Fraction(0)), Fraction(1)))
        for s in candidates:
            yield [p[0] + s * b[0], p[1] + s * b[1]]


def exact_nash(
    vertices: Sequence[Sequence[Fraction]],
    d: Sequence[Fraction],
    w: Sequence[Fraction],
    x_float: np.ndarray,
) -> list[Fraction] | None:
    """The weighted Nash point exactly, near the float solution ``x_float``, or None.

    Two players: the point lies on an edge of the polygon, where it is rational
    (:func:`_segment_points`); the edges nearest ``x_float`` are tried. More players: at a
    vertex it is the vertex; in the relative interior of a facet ``a @ (u - d) = 1`` the
    first-order condition gives ``x_i - d_i = w_i / (a_i sum(w))``, rational; on a face of
    another dimension the point solves a nonlinear system (irrational in general) and None
    is returned. Every answer is checked by :func:`_supports` and, for more than two players,
    by an exact convex combination of the facet's vertices.
    """
    n = len(d)
    points = _floats(vertices, n)
    scale = max(float(np.abs(points).max()), float(np.abs(x_float).max()), 1e-300)
    if n == 2:
        near = _near_edges(points, x_float, scale)
        for x in _segment_points(vertices, d, w, near):
            if _supports(vertices, d, w, x):
                return x
        return None
    return _facet_nash(vertices, d, w, points, x_float, scale)


def _hull_indices(points: np.ndarray) -> np.ndarray:
    """Indices of the vertices of the convex hull of planar points (the two ends when they
    are collinear)."""
    if len(points) <= 3:
        return np.arange(len(points))
    from scipy.spatial import ConvexHull, QhullError

    try:
        return ConvexHull(points).vertices
    except QhullError:
        far = int(np.argmax(np.abs(points - points[0]).sum(axis=1)))
        order = np.argsort(points @ (points[far] - points[0]), kind="stable")
        return np.array([order[0], order[-1]])


def _near_edges(points: np.ndarray, x: np.ndarray, scale: float, count: int = 6) -> list:
    """The pairs of hull vertices whose segment passes nearest ``x`` (at most ``count``)."""
    hull = _hull_indices(points)
    i, j = np.triu_indices(len(hull))
    i, j = hull[i], hull[j]
    a, b = points[i], points[j] - points[i]
    length = (b * b).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(length > 0, ((x - a) * b).sum(axis=1) / np.where(length > 0, length, 1), 0.0)
    s = np.clip(s, 0.0, 1.0)
    distance = np.abs(a + s[:, None] * b - x).max(axis=1)
    order = np.argsort(distance, kind="stable")[:count]
    return [(int(i[k]), int(j[k])) for k in order if distance[k] <= 1e-6 * scale]


def _facet_nash(vertices, d, w, points, x_float, scale) -> list[Fraction] | None:
    n = len(d)
    gains = x_float - np.array([float(v) for v in d])
    if (gains <= 0).any():
        return None
    normal = np.array([float(v) for v in w]) / gains
    level = float(normal @ x_float)
    slack = level - points @ normal
    tight = np.flatnonzero(np.abs(slack) <= 1e-7 * max(abs(level), 1e-300))
    for k in tight:  # at a vertex: the vertex itself
        if np.abs(points[k] - x_float).max() <= 1e-7 * scale and _supports(
            vertices, d, w, list(vertices[k])
        ):
            return list(vertices[k])
    if len(tight) < n:
        return None
    # the facet's hyperplane a @ (u - d) = 1 through the tight vertices, exactly
    base = [[v - di for v, di in zip(vertices[k], d)] for k in tight]
    a = solve_exact(base, [Fraction(1)] * len(base), list(normal / float(normal @ gains)))
    if a is None or any(v <= 0 for v in a):
        return None
    total = sum(w, ZERO)
    x = [di + wi / (ai * total) for di, wi, ai in zip(d, w, a)]
    if not _supports(vertices, d, w, x):
        return None
    # x in the hull: an exact convex combination of the tight vertices
    rows = [[vertices[k][i] for k in tight] for i in range(n)] + [[Fraction(1)] * len(tight)]
    lam = solve_exact(rows, x + [Fraction(1)])
    if lam is None or any(v < 0 for v in lam):
        found = exact_lp([ZERO] * len(tight), [], [], rows, x + [Fraction(1)], [True] * len(tight))
        if found is None:
            return None
    return x
