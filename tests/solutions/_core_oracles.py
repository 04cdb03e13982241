"""Independent oracles for the core family: brute force in exact arithmetic, sharing no code
with the solvers (only numpy, itertools and fractions).

* ``brute_force_core_vertices``: every choice of n - 1 coalition constraints made tight, plus
  efficiency, solved exactly; kept when the point is in the core.
* ``marginal_vectors``: the core vertices of a convex game (Shapley 1971).
* ``brute_force_nucleolus``: the (pre)nucleolus by its definition, a lexicographic
  minimisation done stage by stage; each stage's LP optimum and its optimal face are found by
  enumerating the vertices of polyhedra exactly (every choice of tight constraints).
* ``littlechild_airport_nucleolus``: Littlechild's (1974) recursion for airport cost games.
* ``littlechild_owen_airport_shapley``: the Littlechild-Owen (1973) formula.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np


def _solve_square(rows, rhs):
    """Exact solution of a square system, or None when it is singular (Gauss-Jordan)."""
    size = len(rows)
    m = [[Fraction(v) for v in row] + [Fraction(b)] for row, b in zip(rows, rhs)]
    for c in range(size):
        pivot = next((r for r in range(c, size) if m[r][c] != 0), None)
        if pivot is None:
            return None
        m[c], m[pivot] = m[pivot], m[c]
        lead = m[c][c]
        m[c] = [v / lead for v in m[c]]
        for r in range(size):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return [m[r][size] for r in range(size)]


def _independent_rows(rows, rhs):
    """A maximal independent subset of the rows (exact elimination), with their rhs."""
    kept, kept_rhs, basis = [], [], []
    for row, b in zip(rows, rhs):
        vec = [Fraction(v) for v in row]
        for brow, pivot in basis:
            if vec[pivot]:
                f = vec[pivot] / brow[pivot]
                vec = [a - f * c for a, c in zip(vec, brow)]
        pivot = next((i for i, v in enumerate(vec) if v), None)
        if pivot is not None:
            basis.append((vec, pivot))
            kept.append(row)
            kept_rhs.append(b)
    return kept, kept_rhs


def polyhedron_vertices(eq_rows, eq_rhs, ineq_rows, ineq_rhs):
    """Exact vertices of ``{z : eq_rows z = eq_rhs, ineq_rows z >= ineq_rhs}`` (pointed).

    Every choice of ``dim - rank(eq)`` inequalities is made tight; a float pre-pass over all
    choices at once discards singular choices (integer determinant below 1/2) and points that
    violate a constraint by more than 1e-6, and one choice per distinct float point is then
    solved and checked exactly.
    """
    eq_rows, eq_rhs = _independent_rows(eq_rows, eq_rhs)
    dim = len(ineq_rows[0]) if ineq_rows else len(eq_rows[0])
    k = dim - len(eq_rows)
    if k == 0:
        point = _solve_square(eq_rows, eq_rhs)
        return (
            [tuple(point)]
            if point is not None
            and all(
                sum(a * x for a, x in zip(row, point)) >= b for row, b in zip(ineq_rows, ineq_rhs)
            )
            else []
        )
    choices = np.array(list(itertools.combinations(range(len(ineq_rows)), k)), dtype=np.int64)
    A = np.array(ineq_rows, dtype=np.float64)
    b = np.array([float(v) for v in ineq_rhs])
    E = np.array(eq_rows, dtype=np.float64).reshape(-1, dim)
    e = np.array([float(v) for v in eq_rhs])
    mats = np.concatenate([np.broadcast_to(E, (len(choices),) + E.shape), A[choices]], axis=1)
    rhs = np.concatenate([np.broadcast_to(e, (len(choices), len(e))), b[choices]], axis=1)
    dets = np.linalg.det(mats)
    ok = np.abs(dets) > 0.5
    points = np.full((len(choices), dim), np.nan)
    points[ok] = np.linalg.solve(mats[ok], rhs[ok][..., None])[..., 0]
    scale = 1.0 + np.abs(b).max(initial=0) + np.abs(e).max(initial=0)
    feasible = ok & np.all(points @ A.T - b >= -1e-6 * scale, axis=1)
    # Degenerate vertices are met by many choices: solve one choice per distinct float point
    # exactly (distinct vertices of these small rational systems are far more than 1e-7 apart).
    candidates = np.flatnonzero(feasible)
    if len(candidates):
        _, first = np.unique(np.round(points[candidates] / scale, 7), axis=0, return_index=True)
        candidates = candidates[np.sort(first)]
    found = set()
    for index in candidates:
        chosen = choices[index].tolist()
        point = _solve_square(
            list(eq_rows) + [ineq_rows[j] for j in chosen],
            list(eq_rhs) + [ineq_rhs[j] for j in chosen],
        )
        if point is None:
            continue
        if all(
            sum(a * x for a, x in zip(row, point) if a) >= bound
            for row, bound in zip(ineq_rows, ineq_rhs)
        ):
            found.add(tuple(point))
    return sorted(found)


def _bits(mask, n):
    return [(mask >> i) & 1 for i in range(n)]


def brute_force_core_vertices(values, n, *, cost=False):
    """Core vertices by brute force: n - 1 tight coalitions plus efficiency, exactly.

    ``values`` is the table by bitmask (numbers); for a cost game the constraints are
    ``x(S) <= c(S)``.
    """
    full = (1 << n) - 1
    v = [Fraction(x) for x in values]
    sign = -1 if cost else 1
    rows = [[sign * b for b in _bits(m, n)] for m in range(1, full)]
    rhs = [sign * v[m] for m in range(1, full)]
    if n == 1:
        return [(v[full],)]
    return polyhedron_vertices([[1] * n], [v[full]], rows, rhs)


def marginal_vectors(values, n):
    """The distinct marginal vectors of a game (its core vertices when it is convex)."""
    out = set()
    for order in itertools.permutations(range(n)):
        mask, x = 0, [Fraction(0)] * n
        for i in order:
            x[i] = Fraction(values[mask | 1 << i]) - Fraction(values[mask])
            mask |= 1 << i
        out.add(tuple(x))
    return sorted(out)


def brute_force_nucleolus(values, n, *, imputation=True, per_capita=False):
    """The nucleolus (``imputation``) or prenucleolus by its definition, exactly (n <= 5).

    Stage k minimises ``t`` subject to ``v(S) - x(S) <= w(S) t`` for the coalitions whose
    excess still varies, over the face left by the earlier stages (``w(S) = |S|`` per capita,
    else 1). The stage optimum is the least ``t`` over the vertices of the (x, t)
    polyhedron; the optimal face's vertices then show which coalitions are tight on all of it
    (they are fixed) and which have a constant excess there (they no longer matter). The
    face shrinks until it is one point.
    """
    full = (1 << n) - 1
    v = [Fraction(x) for x in values]
    if n == 1:
        return (v[full],)
    weight = (lambda m: bin(m).count("1")) if per_capita else (lambda m: 1)
    eq_rows, eq_rhs = [[1] * n], [v[full]]
    bounds = list(range(n)) if imputation else []
    remaining = list(range(1, full))
    for _stage in range(n + 1):
        # the stage LP in (x, t): x(S) + w(S) t >= v(S)
        rows = [_bits(m, n) + [weight(m)] for m in remaining]
        rhs = [v[m] for m in remaining]
        rows += [[1 if j == i else 0 for j in range(n)] + [0] for i in bounds]
        rhs += [v[1 << i] for i in bounds]
        corners = polyhedron_vertices([r + [0] for r in eq_rows], eq_rhs, rows, rhs)
        level = min(corner[n] for corner in corners)
        # the optimal face in x
        face_rows = [_bits(m, n) for m in remaining] + [
            [1 if j == i else 0 for j in range(n)] for i in bounds
        ]
        face_rhs = [v[m] - weight(m) * level for m in remaining] + [v[1 << i] for i in bounds]
        face = polyhedron_vertices(eq_rows, eq_rhs, face_rows, face_rhs)
        if len(face) == 1:
            return face[0]

        def total(point, m):
            return sum(x for x, b in zip(point, _bits(m, n)) if b)

        fixed = [m for m in remaining if all(total(p, m) == v[m] - weight(m) * level for p in face)]
        held = [i for i in bounds if all(p[i] == v[1 << i] for p in face)]
        assert fixed or held, "a stage fixed nothing"
        for m in fixed:
            eq_rows.append(_bits(m, n))
            eq_rhs.append(v[m] - weight(m) * level)
        for i in held:
            eq_rows.append([1 if j == i else 0 for j in range(n)])
            eq_rhs.append(v[1 << i])
        bounds = [i for i in bounds if i not in held]
        remaining = [m for m in remaining if len({total(p, m) for p in face}) > 1]
    raise AssertionError("the face did not shrink to a point")


def littlechild_airport_nucleolus(costs):
    """Littlechild's (1974) recursion for the nucleolus of the airport game, in costs.

    With the costs sorted, ``paid`` the total charged so far and ``C_k`` the k-th smallest
    remaining cost minus ``paid``, each round charges ``x = min_{k < m} C_k / (k + 1)`` (``m``
    players left) to the ``k*`` smallest remaining players (``k*`` the largest minimiser);
    the largest player pays the rest.
    """
    order = sorted(range(len(costs)), key=lambda i: (costs[i], i))
    c = [Fraction(costs[i]) for i in order]
    n = len(c)
    shares = [Fraction(0)] * n
    paid = Fraction(0)
    position = 0
    while n - position > 1:
        m = n - position
        ratios = [(c[position + k - 1] - paid) / (k + 1) for k in range(1, m)]
        x = min(ratios)
        k_star = max(k for k in range(1, m) if ratios[k - 1] == x)
        for j in range(position, position + k_star):
            shares[j] = x
        paid += k_star * x
        position += k_star
    shares[n - 1] = c[n - 1] - paid
    out = [Fraction(0)] * n
    for rank, i in enumerate(order):
        out[i] = shares[rank]
    return out


def littlechild_owen_airport_shapley(costs):
    """Littlechild and Owen (1973): each segment of runway is split among the planes using
    it, ``phi_(k) = sum_{j <= k} (c_(j) - c_(j-1)) / (n - j + 1)`` with sorted costs."""
    order = sorted(range(len(costs)), key=lambda i: (costs[i], i))
    n = len(costs)
    out = [Fraction(0)] * n
    running, previous = Fraction(0), Fraction(0)
    for rank, i in enumerate(order):
        running += (Fraction(costs[i]) - previous) / (n - rank)
        previous = Fraction(costs[i])
        out[i] = running
    return out
