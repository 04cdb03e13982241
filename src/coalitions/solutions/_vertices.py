"""Exact vertex enumeration of the core polytope, degenerate or not.

The core of a zero-normalised game is ``{x : x(N) = v(N), x(S) >= v(S) for every proper S}``,
a bounded polytope (``x_i >= v(i)`` and efficiency bound every coordinate). Its vertices are
found by walking its edge graph, which is connected, in exact integer arithmetic:

1. a first vertex: start from a core point (the exact least-core point) and move, inside the
   face of the constraints tight there, along a direction of their null space until one more
   constraint becomes tight; after at most n moves the tight constraints have rank n;
2. at each vertex the edges are the extreme rays of its tangent cone
   ``{d : sum(d) = 0, a_S . d >= 0 for the tight S}``: the inverse of the basis at a simple
   vertex, and the double-description method (Motzkin et al. 1953; Fukuda and Prodon 1996,
   with the combinatorial adjacency test) at a degenerate one, however many constraints are
   tight there;
3. each edge is followed to the first constraint that blocks it (an exact ratio test), which
   gives the neighbouring vertex.

Vertices are kept as reduced integer vectors over a common denominator, so equality,
tightness and feasibility are decided exactly. Lower-dimensional cores need no special case:
their implicit equalities are tight at every vertex and the double description keeps the rays
inside them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from .. import _numbers as nb
from .._bits import mask_bits
from .._exact_linalg import Span, solve_exact
from ..exceptions import SolverError, TooLargeError

__all__ = ["exact_core_vertices", "MAX_CORE_VERTICES"]

#: Enumeration stops (TooLargeError) beyond this many vertices.
MAX_CORE_VERTICES = 200_000


def _as_array(values: Sequence[int]) -> np.ndarray:
    """int64 when every entry is safely small, else an object array of Python ints."""
    values = [int(v) for v in values]
    top = max((abs(v) for v in values), default=0)
    return np.array(values, dtype=np.int64 if top < (1 << 40) else object)


def _reduce(numerators: Sequence[int], denominator: int) -> tuple[tuple[int, ...], int]:
    g = denominator
    for value in numerators:
        g = math.gcd(g, int(value))
    if g > 1:
        return tuple(int(v) // g for v in numerators), denominator // g
    return tuple(int(v) for v in numerators), denominator


def _primitive(vector: Sequence[int]) -> list[int]:
    g = 0
    for value in vector:
        g = math.gcd(g, int(value))
    return [int(v) // g for v in vector] if g > 1 else [int(v) for v in vector]


class _Polytope:
    """``{X : A X >= b, 1 . X = b_N}`` with integer data (all proper coalitions as rows)."""

    def __init__(self, b_proper: np.ndarray, b_grand: int, n: int):
        self.n = n
        masks = np.arange(1, (1 << n) - 1, dtype=np.int64)
        self.A = mask_bits(masks, n, np.int64)
        self.b = b_proper
        self.b_grand = int(b_grand)
        self.A_object: np.ndarray | None = None  # A as Python ints, built on first use

    def _matrix_for(self, vector: np.ndarray) -> np.ndarray:
        if vector.dtype == object:
            if self.A_object is None:
                self.A_object = self.A.astype(object)
                return self.A_object
            return self.A_object
        return self.A

    def slack(self, point: tuple[int, ...], q: int) -> np.ndarray:
        """``A P - q b`` for the vertex P / q (exact; int64 when that cannot overflow)."""
        p = _as_array(point)
        small = (
            p.dtype != object
            and self.b.dtype != object
            and q < (1 << 20)
            and int(np.abs(self.b).max(initial=0)) < (1 << 40)
        )
        if small:
            return self.A @ p - self.b * q
        return self._matrix_for(p.astype(object)) @ p.astype(object) - self.b.astype(object) * q

    def moves(self, directions: np.ndarray) -> np.ndarray:
        """``A d`` for integer directions (columns)."""
        return self._matrix_for(directions) @ directions


def _tangent_rays(tight_rows: np.ndarray, n: int) -> list[list[int]]:
    """Extreme rays of ``{d in Z^n : sum(d) = 0, rows . d >= 0}`` (a pointed cone).

    Coordinates on the sum-zero subspace: ``d = (z, -sum(z))``, so a row ``a`` becomes
    ``g = a[:n-1] - a[n-1]``.
    """
    g = (tight_rows[:, : n - 1] - tight_rows[:, n - 1 : n]).astype(np.int64)
    k = n - 1
    if k == 0:
        return []
    basis = _independent_rows(g, k)
    if basis is None:
        raise SolverError(
            "the core's tangent cone at a vertex is not pointed; this cannot "
            "happen for a bounded polytope (please report the game)."
        )
    square = g[basis]
    rays = _square_rays(square)
    if len(g) == k:
        return [_lift(r) for r in rays]
    # Double description: the simplicial cone of the basis rows, then one row at a time.
    order = list(basis) + [j for j in range(len(g)) if j not in set(basis)]
    rows = g[order]
    ray_matrix = np.array(rays, dtype=object if any(_big(r) for r in rays) else np.int64)
    values = ray_matrix @ square.T.astype(ray_matrix.dtype)
    zero_sets = [sum(1 << j for j in range(k) if values[i, j] == 0) for i in range(k)]
    remaining = list(range(k, len(rows)))
    while remaining:
        # the row that creates the fewest candidate pairs next (cdd's "min cutoff" spirit):
        # rows that cut no ray only mark zeros, so they go first
        table = ray_matrix @ rows[remaining].T.astype(ray_matrix.dtype)
        score = (table > 0).sum(axis=0) * (table < 0).sum(axis=0)
        pick = int(np.argmin(score))
        j = remaining.pop(pick)
        products = table[:, pick]
        bit = 1 << j
        negative = np.flatnonzero(products < 0)
        zero = products == 0
        if negative.size == 0:
            zero_sets = [z | bit if zero[i] else z for i, z in enumerate(zero_sets)]
            continue
        positive = np.flatnonzero(products > 0)
        new_rays, new_zero = [], []
        count = len(zero_sets)
        for i_pos in positive.tolist():
            for i_neg in negative.tolist():
                common = zero_sets[i_pos] & zero_sets[i_neg]
                # adjacent rays span a 2-face: at least k - 2 common tight rows (a necessary
                # condition, cheap), and no third ray tight on all of them (Fukuda-Prodon)
                if common.bit_count() < k - 2:
                    continue
                if any(
                    (zero_sets[r] & common) == common
                    for r in range(count)
                    if r != i_pos and r != i_neg
                ):
                    continue
                combined = products[i_pos] * ray_matrix[i_neg] - products[i_neg] * ray_matrix[i_pos]
                new_rays.append(_primitive(combined.tolist()))
                new_zero.append(common | bit)
        keep = np.flatnonzero(products >= 0)
        zero_sets = [zero_sets[i] | (bit if zero[i] else 0) for i in keep.tolist()] + new_zero
        kept = [list(r) for r in ray_matrix[keep].tolist()] + new_rays
        big = any(_big(r) for r in new_rays) or ray_matrix.dtype == object
        ray_matrix = np.array(kept, dtype=object if big else np.int64).reshape(-1, k)
    return [_lift(r) for r in ray_matrix.tolist()]


def _products(row: np.ndarray, rays: list[list[int]]) -> list[int]:
    """``row . ray`` for every ray, exactly (int64 when the rays are small)."""
    if not rays:
        return []
    if all(not _big(ray) for ray in rays):
        return (np.array(rays, dtype=np.int64) @ row.astype(np.int64)).tolist()
    return [int(sum(int(a) * int(b) for a, b in zip(row, ray) if a)) for ray in rays]


def _big(vector) -> bool:
    return max((abs(int(v)) for v in vector), default=0) >= (1 << 40)


def _lift(z: Sequence[int]) -> list[int]:
    z = [int(v) for v in z]
    return _primitive(z + [-sum(z)])


def _independent_rows(g: np.ndarray, k: int) -> list[int] | None:
    """Indices of k linearly independent rows of the integer matrix g (None if rank < k)."""
    from scipy.linalg import qr

    if len(g) < k:
        return None
    if len(g) == k:
        candidate = list(range(k))
    else:
        _, r, order = qr(g.T.astype(np.float64), mode="economic", pivoting=True)
        candidate = sorted(int(i) for i in order[:k])
    if _exact_nonsingular(g[candidate]):
        return candidate
    span = Span(k)  # exact greedy fallback
    chosen = []
    for j, row in enumerate(g.tolist()):
        if span.add(row):
            chosen.append(j)
            if span.rank == k:
                return chosen
    return None


def _exact_nonsingular(square: np.ndarray) -> bool:
    det = np.linalg.det(square.astype(np.float64))
    if abs(det) > 0.5:
        return True
    span = Span(square.shape[0])
    return all(span.add(row) for row in square.tolist())


def _square_rays(square: np.ndarray) -> list[list[int]]:
    """Columns of |det| * square^-1 (the rays of the simplicial cone square . z >= 0)."""
    k = square.shape[0]
    det = int(round(np.linalg.det(square.astype(np.float64))))
    if det != 0:
        inverse = np.linalg.inv(square.astype(np.float64))
        adj = np.rint(inverse * abs(det)).astype(np.int64)
        if np.array_equal(square @ adj, abs(det) * np.eye(k, dtype=np.int64)):
            return [_primitive(adj[:, c].tolist()) for c in range(k)]
    rows = [[Fraction(int(v)) for v in row] for row in square.tolist()]
    rays = []
    for c in range(k):
        solution = solve_exact(rows, [1 if r == c else 0 for r in range(k)])
        if solution is None:  # pragma: no cover - the square is nonsingular
            raise SolverError("singular basis in the core's vertex enumeration")
        rays.append(_primitive(nb.to_scaled_int(solution, dtype=object)[0].tolist()))
    return rays


def _step(polytope: _Polytope, point, q, slack: np.ndarray, directions: list[list[int]]):
    """Follow each direction from the vertex P / q to the first blocking constraint."""
    if not directions:
        return []
    d = np.array(directions, dtype=object if any(_big(r) for r in directions) else np.int64).T
    moves = polytope.moves(d)
    out = []
    floating = slack.dtype != object and moves.dtype != object
    if floating:  # a float pass picks the near-minimal ratios; exact comparison decides
        slack_f = slack.astype(np.float64)
        moves_f = moves.astype(np.float64)
    for c in range(d.shape[1]):
        column = moves[:, c]
        negative = np.flatnonzero(column < 0)
        if negative.size == 0:
            raise SolverError(
                "an edge of the core is unbounded; this cannot happen for a "
                "bounded polytope (please report the game)."
            )
        if floating:
            ratios = slack_f[negative] / -moves_f[negative, c]
            near = negative[ratios <= ratios.min() * (1 + 1e-12) + 1e-300]
        else:
            near = negative
        best = min(near.tolist(), key=lambda j: Fraction(int(slack[j]), -int(moves[j, c])))
        s_j, m_j = int(slack[best]), -int(moves[best, c])
        numerators = [int(p) * m_j + s_j * int(dc) for p, dc in zip(point, d[:, c].tolist())]
        out.append(_reduce(numerators, q * m_j))
    return out


def _to_vertex(polytope: _Polytope, point: list[Fraction]) -> tuple[tuple[int, ...], int]:
    """Move from a point of the polytope to a vertex, raising the tight rank each step."""
    n = polytope.n
    numerators, q = nb.to_scaled_int(point, dtype=object)
    current = _reduce(numerators.tolist(), q)
    for _ in range(n + 1):
        slack = polytope.slack(*current)
        if np.any(slack < 0):
            raise SolverError(
                "the starting point of the core's vertex enumeration is not "
                "in the core (please report the game)."
            )
        tight = np.flatnonzero(slack == 0)
        span = Span(n)
        span.add([1] * n)
        for j in tight.tolist():
            span.add(polytope.A[j].tolist())
            if span.rank == n:
                break
        if span.rank == n:
            return current
        direction = [int(v) for v in span.null_basis()[:, 0].tolist()]
        moves = polytope.moves(np.array(direction, dtype=object))
        if not any(m < 0 for m in moves.tolist()):
            direction = [-v for v in direction]
        (current,) = _step(polytope, *current, slack, [direction])
    raise SolverError("could not reach a vertex of the core (please report the game).")


def exact_core_vertices(
    b: np.ndarray, n: int, start: list[Fraction], *, max_vertices: int = MAX_CORE_VERTICES
) -> list[tuple[tuple[int, ...], int]]:
    """The vertices ``P / q`` of ``{X : X(S) >= b[S], X(N) = b[N]}`` (b integer, by mask).

    ``start`` is a point of the polytope (exact). Returns reduced ``(P, q)`` pairs.
    """
    full = (1 << n) - 1
    if n == 1:
        return [((int(b[full]),), 1)]
    polytope = _Polytope(_as_array(b[1:full].tolist()), int(b[full]), n)
    first = _to_vertex(polytope, start)
    found = {first: None}
    queue = [first]
    while queue:
        point, q = queue.pop()
        slack = polytope.slack(point, q)
        tight = np.flatnonzero(slack == 0)
        rays = _tangent_rays(polytope.A[tight], n)
        for vertex in _step(polytope, point, q, slack, rays):
            if vertex not in found:
                found[vertex] = None
                queue.append(vertex)
                if len(found) > max_vertices:
                    raise TooLargeError(
                        f"the core has more than {max_vertices} vertices; enumerate fewer "
                        "players, or use core(game) for emptiness and one core point."
                    )
    return list(found)
