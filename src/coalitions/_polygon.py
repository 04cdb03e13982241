"""The Pareto frontier of a two-player polytope with free disposal, in O(m log m).

The feasible set of a two-player polytope problem is ``conv(V) - R^2_+``. Its boundary is the
horizontal ray to the left of the highest point, the *Pareto chain* (the upper-right part of
the convex hull, x increasing and y strictly decreasing) and the vertical ray below the
rightmost point. So the set is ``{u : n_k . u <= c_k}`` for the chain's edges (normals with
both components positive) and the two bounds ``u_1 <= max x``, ``u_2 <= max y``.

The chain is built once: the non-dominated points (a sort: the staircase), then the upper
hull of the staircase by vectorised pruning passes (every point on or below the chord of its
two neighbours is dropped, all at once, until none is; exact in exact arithmetic, since a
point below a chord of the set's points is inside the set's hull), with a Qhull fallback if
the passes do not settle. Rays (egalitarian, Kalai-Smorodinsky, ideal point), membership and
the Nash point are then O(h) scans over the chain's h edges.

Every computation is on utilities divided by each player's largest magnitude among the
points, so that utilities of 1e300 or 1e-300 neither overflow nor vanish.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

__all__ = ["ParetoPolygon", "pareto_polygon", "polygon_ray", "polygon_nash"]

_PASSES = 64
"""Pruning passes before the upper hull falls back to Qhull (random and concave point sets
settle in a handful; only adversarial ones need more)."""

FEASIBILITY = 1e-9
"""Slack allowed in a constraint, in the scaled units (utilities of order one)."""


class ParetoPolygon(NamedTuple):
    """The Pareto chain of a two-player polytope and its halfspaces, in scaled units."""

    scale: np.ndarray
    """Each player's largest utility magnitude among the points (1 where all are 0)."""
    chain: np.ndarray
    """The chain's vertices (scaled), one row each, x increasing and y strictly decreasing."""
    normals: np.ndarray
    """Unit outward normals of the halfspaces (both components >= 0)."""
    offsets: np.ndarray
    """``normals @ u <= offsets`` for the scaled utilities ``u`` of the feasible set."""


def _staircase(points: np.ndarray) -> np.ndarray:
    """The non-dominated points, x increasing and y strictly decreasing (duplicates once)."""
    # a cheap prefilter: every point weakly below the point of largest x + y is dominated
    top = points[int(np.argmax(points[:, 0] + points[:, 1]))]
    keep = (points[:, 0] > top[0]) | (points[:, 1] > top[1])
    candidates = np.vstack([points[keep], top[None, :]])
    order = np.lexsort((-candidates[:, 1], -candidates[:, 0]))  # x down, then y down
    ordered = candidates[order]
    y = ordered[:, 1]
    best_before = np.maximum.accumulate(np.concatenate([[-np.inf], y[:-1]]))
    return ordered[y > best_before][::-1]


def _upper_hull(stair: np.ndarray) -> np.ndarray:
    """The vertices of the upper-right hull of a staircase (x increasing, y decreasing)."""
    chain = stair
    for _ in range(_PASSES):
        if len(chain) <= 2:
            return chain
        p, q, r = chain[:-2], chain[1:-1], chain[2:]
        cross = (q[:, 0] - p[:, 0]) * (r[:, 1] - q[:, 1]) - (q[:, 1] - p[:, 1]) * (
            r[:, 0] - q[:, 0]
        )
        drop = cross >= 0  # q on or below the chord p-r: not a vertex
        if not drop.any():
            return chain
        chain = chain[np.concatenate([[True], ~drop, [True]])]
    from scipy.spatial import ConvexHull

    # the corner below-left of the staircase makes the hull two-dimensional; the hull's
    # vertices counter-clockwise from the corner are then the chain, right to left
    corner = np.array([[chain[0, 0], chain[-1, 1]]])
    vertices = ConvexHull(np.vstack([chain, corner])).vertices
    start = int(np.flatnonzero(vertices == len(chain))[0])
    around = np.roll(vertices, -start)[1:]
    return chain[around[::-1]]


def pareto_polygon(points: np.ndarray) -> ParetoPolygon:
    """The Pareto chain and halfspaces of ``conv(points) - R^2_+`` (points: m x 2 floats)."""
    scale = np.abs(points).max(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    chain = _upper_hull(_staircase(points / scale))
    edges = np.diff(chain, axis=0)
    normals = np.column_stack([-edges[:, 1], edges[:, 0]])  # both positive: y falls, x grows
    normals /= np.hypot(normals[:, 0], normals[:, 1])[:, None]
    offsets = np.einsum("ij,ij->i", normals, chain[:-1])
    normals = np.vstack([normals, [[1.0, 0.0], [0.0, 1.0]]])
    offsets = np.concatenate([offsets, [chain[-1, 0], chain[0, 1]]])
    return ParetoPolygon(scale, chain, normals, offsets)


def polygon_ray(polygon: ParetoPolygon, start: np.ndarray, direction: np.ndarray) -> float | None:
    """Largest t with ``start + t * direction`` feasible (``direction >= 0``), or None when no
    t is (a bound the direction does not move is violated); a zero direction gives 0.0 for a
    feasible start."""
    s, e = start / polygon.scale, direction / polygon.scale
    unit = float(e.max()) if e.any() else 1.0
    e = e / unit
    slack = polygon.offsets - polygon.normals @ s
    speed = polygon.normals @ e
    moving = speed > 0
    if (slack[~moving] < -FEASIBILITY).any():
        return None
    if not moving.any():
        return 0.0
    return float(np.min(slack[moving] / speed[moving])) / unit


def polygon_nash(polygon: ParetoPolygon, d: np.ndarray, w: np.ndarray) -> np.ndarray | None:
    """The weighted Nash point (original units): the best vertex or edge point of the chain,
    each edge solved in closed form; None if no chain point improves on ``d`` for both."""
    a = polygon.chain - d / polygon.scale  # gains at each vertex (scaled)
    b = np.diff(a, axis=0)  # edge directions
    start = a[:-1]
    denom = (w[0] + w[1]) * b[:, 0] * b[:, 1]
    numer = -(w[0] * b[:, 0] * start[:, 1] + w[1] * b[:, 1] * start[:, 0])
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(denom != 0, numer / np.where(denom != 0, denom, 1.0), 0.0)
    candidates = np.vstack([a, start + np.clip(s, 0.0, 1.0)[:, None] * b])
    ok = (candidates > 0).all(axis=1)
    if not ok.any():
        return None
    values = np.full(len(candidates), -math.inf)
    values[ok] = np.log(candidates[ok]) @ w
    best = candidates[int(np.argmax(values))]
    return d + best * polygon.scale
