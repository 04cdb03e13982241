"""Spatial veto-player models: win-sets, cores, agenda setters, the lowest common denominator.

Players have ideal points in one or two policy dimensions and (optionally weighted)
Euclidean preferences: player i prefers x to y when ``|x - x_i|_i < |y - x_i|_i`` with
``|z|_i^2 = sum_d w_id z_d^2``. A status quo ``q`` stays unless a winning coalition (under the
decision rule) prefers an alternative. This module computes the win-set ``W(q)`` (Tsebelis),
the core, the take-it-or-leave-it outcome of an agenda setter (Romer & Rosenthal) and the
"lowest common denominator" (Underdal's least ambitious programme) with the member who sets it.

The model, :class:`~coalitions.games.spatial.SpatialModel`, and its decision rules are
described in :mod:`coalitions.games.spatial`.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np

from .._checks import format_bytes
from .._reals import policy_point, real_array
from ..exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from ..games.spatial import SpatialModel
from ..results import LCDResult, PolicyCoreResult, SetterResult, WinSetResult

__all__ = [
    "SpatialModel",
    "win_set",
    "in_win_set",
    "policy_core",
    "setter_outcome",
    "lcd_outcome",
    "policy_stability",
]


def _check_model(model, function: str) -> SpatialModel:
    if not isinstance(model, SpatialModel):
        raise InvalidProblemError(f"{function} needs a SpatialModel, got {type(model).__name__}.")
    return model


# ---------------------------------------------------------------- win-set
def _intervals_1d(model: SpatialModel) -> list[tuple[float, float]]:
    q = float(model.status_quo[0])
    limits = model.acceptability_limits()
    cuts = sorted({q, *[float(a) for a in limits if np.isfinite(a)]})
    out: list[list[float]] = []
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        if hi - lo <= 0:
            continue
        if model.is_winning(model.supporters([0.5 * (lo + hi)])):
            if out and out[-1][1] == lo and not (lo == q):
                out[-1][1] = hi
            else:
                out.append([lo, hi])
    return [(a, b) for a, b in out]


def _grid(model: SpatialModel, resolution: int, bounds=None):
    q = model.status_quo
    radius = np.sqrt(model.distances(q) / model.weights.min(axis=1))
    if bounds is None:
        lo = (model.ideals - radius[:, None]).min(axis=0)
        hi = (model.ideals + radius[:, None]).max(axis=0)
        bounds = (float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))
    x0, x1, y0, y1 = bounds
    xs = x0 + (np.arange(resolution) + 0.5) * (x1 - x0) / resolution
    ys = y0 + (np.arange(resolution) + 0.5) * (y1 - y0) / resolution
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    points = np.stack([gx.ravel(), gy.ravel()], axis=1)
    gains = model.distances(q)[None, :] - model.distances(points)
    prefer = gains > 0
    keys, inverse = np.unique(np.packbits(prefer, axis=1), axis=0, return_inverse=True)
    inverse = inverse.ravel()
    verdict = np.zeros(len(keys), dtype=bool)
    for k, key in enumerate(keys):
        row = np.unpackbits(key)[: model.n_players].astype(bool)
        verdict[k] = model.is_winning(frozenset(np.array(model.players)[row].tolist()))
    inside = verdict[inverse]
    cell = (x1 - x0) * (y1 - y0) / resolution**2
    return inside, points, cell, bounds


def _disc_intersection_area(centers: np.ndarray, through: np.ndarray) -> float:
    r"""Area of the intersection of the discs centred at ``centers`` whose circles all pass
    through the point ``through`` (the unanimity win-set: each member's preferred-to set of
    the status quo), by Green's theorem over the boundary arcs.

    Two such circles meet at ``q`` and at its mirror image ``q'`` across the line of centres,
    so the part of circle i inside disc j is the arc around the direction ``u = c_j - c_i``
    whose half-angle is the angle between ``u`` and ``v = q - c_i``:

    .. math:: \theta_{ij} = \operatorname{atan2}(|u \times v|,\ u \cdot v).

    This one formula covers every configuration continuously, with no tolerance and no case
    analysis: disc j containing disc i (``theta = pi``, the whole circle), disc i containing
    disc j or the discs touching at q from outside (``theta = 0``, nothing), tangency and
    near-coincident centres (the two circles' arcs are complementary, so the area stays near
    ``pi r^2``). ``atan2`` of a cross and a dot product is accurate near 0 and pi, where
    ``acos`` of the cosine loses half the digits. The boundary of the intersection on circle
    i is the intersection of these arcs (interval arithmetic on angles), and
    ``area = 1/2 * sum over arcs of integral (x dy - y dx)`` in coordinates centred at q.
    Only centres equal in floating point (identical discs) are merged; the vectors are
    normalised, so the angles do not underflow for tiny discs.
    """
    q = np.asarray(through, dtype=np.float64)
    centers = np.unique(np.asarray(centers, dtype=np.float64) - q, axis=0)
    radii = np.hypot(centers[:, 0], centers[:, 1])
    if radii.size == 0 or (radii == 0).any():
        return 0.0  # q is a member's ideal point
    if len(centers) == 1:
        return math.pi * float(radii[0]) ** 2
    total = 0.0
    for i, (cx, cy) in enumerate(centers.tolist()):
        ri = float(radii[i])
        vx, vy = -cx / ri, -cy / ri  # unit vector from c_i to q (the origin)
        arcs = [(0.0, 2 * math.pi)]
        for j, (dx, dy) in enumerate(centers.tolist()):
            if j == i:
                continue
            ux, uy = dx - cx, dy - cy  # non-zero: the centres are distinct
            norm = math.hypot(ux, uy)
            ux, uy = ux / norm, uy / norm
            half = math.atan2(abs(ux * vy - uy * vx), ux * vx + uy * vy)
            arcs = _intersect_arcs(arcs, math.atan2(uy, ux) - half, 2 * half)
            if not arcs:
                break
        for a, b in arcs:
            total += 0.5 * (
                ri * ri * (b - a)
                + ri * cx * (math.sin(b) - math.sin(a))
                - ri * cy * (math.cos(b) - math.cos(a))
            )
    return max(total, 0.0)


def _intersect_arcs(arcs: list, start: float, width: float) -> list:
    """Intervals of ``[0, 2 pi]`` (sorted, disjoint) intersected with the arc of ``width``
    starting at angle ``start``."""
    if width <= 0:
        return []
    start %= 2 * math.pi
    end = start + width
    pieces = [(start, min(end, 2 * math.pi))]
    if end > 2 * math.pi:
        pieces.append((0.0, end - 2 * math.pi))
    out = []
    for a, b in arcs:
        for lo, hi in pieces:
            lo, hi = max(a, lo), min(b, hi)
            if hi > lo:
                out.append((lo, hi))
    return sorted(out)


def win_set(model: SpatialModel, *, resolution: int = 600, bounds=None) -> WinSetResult:
    r"""The win-set of the status quo: policies some winning coalition prefers to ``q``.

    .. math:: W(q) = \{x : \{i : |x - x_i|_i < |q - x_i|_i\} \text{ is winning}\}

    Under unanimity this is the intersection of the players' preferred-to sets (discs in
    2-D); its size (length in 1-D, area in 2-D) measures how easily policy can change, so a
    small win-set means *policy stability* (Tsebelis 2002). Adding a veto player never
    enlarges it, and one whose ideal point lies in the convex hull of the others leaves it
    unchanged (absorption rule).

    Parameters
    ----------
    model : SpatialModel
    resolution : int
        2-D only: grid cells per side used to measure the area.
    bounds : (xmin, xmax, ymin, ymax), optional
        2-D only: the grid's window (default: the box holding every preferred-to set).

    Returns
    -------
    WinSetResult
        1-D: exact open ``intervals`` and their total length. 2-D unanimity with circular
        preferences (equal weights on both dimensions for each member): the exact area of
        the intersection of discs (``method="exact"``, Green's theorem over the boundary
        arcs). Otherwise the area on a grid (``method="grid"``, error about one cell per
        unit of boundary length; pass ``bounds`` to force the grid).

    References
    ----------
    Tsebelis, G. (2002) *Veto Players: How Political Institutions Work*, Princeton UP.

    Examples
    --------
    >>> m = SpatialModel([2, 4, 5, 7, 9], 0)
    >>> win_set(m).intervals, win_set(m).size
    ([(0.0, 4.0)], 4.0)
    >>> win_set(m.replace(decision_rule="majority")).intervals
    [(0.0, 10.0)]
    """
    model = _check_model(model, "win_set")
    q = model.status_quo
    if model.dimension == 1:
        intervals = _intervals_1d(model)
        size = float(sum(b - a for a, b in intervals))
        return WinSetResult(
            dimension=1,
            status_quo=float(q[0]),
            is_empty=not intervals,
            size=size,
            intervals=intervals,
            method="exact",
            decision_rule=model.rule_label,
            players=model.players,
            concept="win-set",
        )
    circles = np.allclose(model.weights[:, 0], model.weights[:, 1])
    if model.rule_label == "unanimity" and circles and bounds is None:
        radii = np.sqrt(((model.ideals - q) ** 2).sum(axis=1))
        area = _disc_intersection_area(model.ideals, q)
        if area <= 1e-12 * max(1.0, float(radii.max()) ** 2):
            area = 0.0  # q in the core: W(q) is empty
        return WinSetResult(
            dimension=2,
            status_quo=tuple(q.tolist()),
            is_empty=area == 0.0,
            size=float(area),
            method="exact",
            decision_rule=model.rule_label,
            players=model.players,
            concept="win-set",
        )
    resolution = _resolution(resolution, model.n_players)
    if bounds is not None:
        box = real_array(bounds, "bounds", ndim=1)
        if box.size != 4 or not (box[0] < box[1] and box[2] < box[3]):
            raise InvalidArgumentError(
                f"bounds must be (xmin, xmax, ymin, ymax) with xmin < xmax and ymin < ymax, "
                f"got {bounds!r}."
            )
        bounds = tuple(float(v) for v in box)
    inside, _, cell, bounds = _grid(model, resolution, bounds)
    size = float(inside.sum() * cell)
    return WinSetResult(
        dimension=2,
        status_quo=tuple(q.tolist()),
        is_empty=not inside.any(),
        size=size,
        bounds=tuple(bounds),
        resolution=int(resolution),
        method="grid",
        decision_rule=model.rule_label,
        players=model.players,
        concept="win-set",
    )


_GRID_BYTES = 500 * 2**20
"""Largest memory the 2-D grid may take (about 16 bytes per cell and player)."""


def _resolution(resolution, n_players: int) -> int:
    """The grid's cells per side: an integer of at least 10 whose grid fits in memory."""
    if isinstance(resolution, (bool, np.bool_)) or not isinstance(resolution, (int, np.integer)):
        raise InvalidArgumentError(
            f"resolution must be an integer (cells per side), got {resolution!r}."
        )
    if resolution < 10:
        raise InvalidArgumentError("resolution must be at least 10 cells per side.")
    needed = int(resolution) ** 2 * (16 * n_players + 48)
    if needed > _GRID_BYTES:
        largest = math.isqrt(_GRID_BYTES // (16 * n_players + 48))
        raise TooLargeError(
            f"a {resolution} x {resolution} grid for {n_players} players needs about "
            f"{format_bytes(needed)}; use resolution={largest} or less."
        )
    return int(resolution)


def policy_stability(model: SpatialModel, *, resolution: int = 600, bounds=None) -> float:
    """Size of the win-set (length in 1-D, area in 2-D): smaller means more stable policy.
    ``resolution`` and ``bounds`` are those of :func:`win_set`."""
    return win_set(model, resolution=resolution, bounds=bounds).size


def in_win_set(model: SpatialModel, x) -> bool:
    """Whether the policy ``x`` beats the status quo under the decision rule."""
    model = _check_model(model, "in_win_set")
    return model.is_winning(model.supporters(policy_point(x, "x", model.dimension)))


# ---------------------------------------------------------------- core
def policy_core(model: SpatialModel) -> PolicyCoreResult:
    r"""The core: policies that no winning coalition unanimously prefers to move away from.

    In one dimension with k-of-n voting the core is the interval
    ``[x_(n-k+1), x_(k)]`` of order statistics (unanimity: from the lowest to the highest
    ideal point, majority: the median; Krehbiel's gridlock interval). For any monotone rule a
    point x is in the core when neither the players strictly left of x nor those strictly
    right of x form a winning coalition. In two dimensions the unanimity core is the convex
    hull of the ideal points (the Pareto set with Euclidean preferences).

    Examples
    --------
    >>> policy_core(SpatialModel([2, 4, 5, 7, 9], 0)).interval
    (2.0, 9.0)
    >>> policy_core(SpatialModel([2, 4, 5, 7, 9], 0, decision_rule=4)).interval
    (4.0, 7.0)
    >>> policy_core(SpatialModel([2, 4, 5, 7, 9], 0, decision_rule="majority")).interval
    (5.0, 5.0)
    """
    model = _check_model(model, "policy_core")
    if model.dimension == 1:
        xs = model.ideals[:, 0]
        levels = sorted(set(xs.tolist()))
        candidates = levels + [0.5 * (a + b) for a, b in zip(levels[:-1], levels[1:])]
        names = np.array(model.players)

        def unbeaten(x):
            left = frozenset(names[xs < x].tolist())
            right = frozenset(names[xs > x].tolist())
            return not model.is_winning(left) and not model.is_winning(right)

        good = [x for x in candidates if unbeaten(x)]
        if not good:
            return PolicyCoreResult(
                dimension=1,
                is_empty=True,
                decision_rule=model.rule_label,
                players=model.players,
                concept="policy-core",
                method="closed-form",
            )
        return PolicyCoreResult(
            dimension=1,
            is_empty=False,
            interval=(float(min(good)), float(max(good))),
            decision_rule=model.rule_label,
            players=model.players,
            concept="policy-core",
            method="closed-form",
        )
    if model.rule_label != "unanimity" or not np.allclose(model.weights, model.weights[0]):
        raise InvalidProblemError(
            "the 2-D core is computed for unanimity with common weights (the convex hull of "
            "the ideal points); for other rules test points with win_set emptiness."
        )
    return PolicyCoreResult(
        dimension=2,
        is_empty=False,
        vertices=_hull(model.ideals),
        decision_rule=model.rule_label,
        players=model.players,
        concept="policy-core",
        method="closed-form",
    )


def _hull(points: np.ndarray) -> list:
    unique = np.unique(points, axis=0)
    if len(unique) <= 2:
        return [tuple(p) for p in unique.tolist()]
    from scipy.spatial import ConvexHull, QhullError

    try:
        hull = ConvexHull(unique)
        return [tuple(unique[k].tolist()) for k in hull.vertices]
    except QhullError:  # collinear: the two extreme points
        direction = unique[-1] - unique[0]
        order = np.argsort(unique @ direction)
        return [tuple(unique[order[0]].tolist()), tuple(unique[order[-1]].tolist())]


def _project_hull(points: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Euclidean projection of q on the convex hull of points (small QP)."""
    from scipy.optimize import minimize

    m = len(points)
    lam0 = np.full(m, 1.0 / m)
    res = minimize(
        lambda lam: float(((points.T @ lam - q) ** 2).sum()),
        lam0,
        jac=lambda lam: 2 * points @ (points.T @ lam - q),
        method="SLSQP",
        bounds=[(0, 1)] * m,
        constraints=[
            {"type": "eq", "fun": lambda lam: lam.sum() - 1, "jac": lambda lam: np.ones(m)}
        ],
        options={"ftol": 1e-15, "maxiter": 500},
    )
    return points.T @ res.x


# ---------------------------------------------------------------- agenda setter
def _minimal_winning(model: SpatialModel) -> list[frozenset]:
    n = model.n_players
    if model.rule_label == "unanimity":  # the only winning coalition: everyone
        return [frozenset(model.players)]
    if n > 16:
        raise InvalidProblemError(
            f"2-D setter outcomes enumerate coalitions; {n} players is too many under "
            f"{model.rule_label} (at most 16; under unanimity any number)."
        )
    winning: list[frozenset] = []
    for size in range(1, n + 1):
        for combo in itertools.combinations(model.players, size):
            c = frozenset(combo)
            if any(w <= c for w in winning):
                continue
            if model.is_winning(c):
                winning.append(c)
    return winning


def setter_outcome(model: SpatialModel, setter: str | None = None) -> SetterResult:
    r"""Romer-Rosenthal: the setter's best policy among those that pass against ``q``.

    .. math:: x^* = \arg\max_{x \in \mathrm{cl}\,W(q) \cup \{q\}} u_s(x)

    In one dimension with pivot p and q < p this is ``clip(s, q, 2p - q)``. MODELS reference:
    ideal points (2, 4, 5, 7, 9), q = 0, setter at 9 gives 4 (unanimity), 8 (4 of 5), 9
    (majority).

    Parameters
    ----------
    model : SpatialModel
    setter : str, optional
        Overrides ``model.setter``.

    Returns
    -------
    SetterResult
        ``outcome`` and ``binding`` (the members whose indifference limits the setter).

    References
    ----------
    Romer, T. & Rosenthal, H. (1978) "Political resource allocation, controlled agendas, and
    the status quo", *Public Choice* 33(4):27-43.

    Examples
    --------
    >>> m = SpatialModel([2, 4, 5, 7, 9], 0, players="ABCDE", setter="E", decision_rule=4)
    >>> setter_outcome(m).outcome
    8.0
    >>> setter_outcome(m.replace(status_quo=6, decision_rule="majority"), "A").outcome
    4.0
    """
    model = _check_model(model, "setter_outcome")
    setter = setter or model.setter
    if setter is None:
        raise InvalidProblemError("no agenda setter: pass setter= or build the model with one.")
    if setter not in model.players:
        raise InvalidProblemError(f"the setter {setter!r} is not a player.")
    s = model.ideal(setter)
    q = model.status_quo
    if model.dimension == 1:
        best, best_d = float(q[0]), abs(float(q[0]) - float(s[0]))
        for lo, hi in _intervals_1d(model):
            x = float(np.clip(s[0], lo, hi))
            if abs(x - s[0]) < best_d - 1e-15:
                best, best_d = x, abs(x - float(s[0]))
        gain = model.distances(q) - model.distances(np.array([best]))
        binding = tuple(
            p
            for p, g in zip(model.players, gain)
            if abs(g) <= 1e-9 * (1 + abs(best)) and best != float(q[0])
        )
        return SetterResult(
            outcome=best,
            setter=setter,
            setter_ideal=float(s[0]),
            status_quo=float(q[0]),
            binding=binding,
            decision_rule=model.rule_label,
            players=model.players,
            concept="setter-outcome",
            method="closed-form",
        )
    from scipy.optimize import minimize

    ws = model.weights[model.players.index(setter)]
    base = model.distances(q)
    best_binding: tuple[str, ...] = ()
    best, best_d = q.copy(), float((ws * (q - s) ** 2).sum())
    for coalition in _minimal_winning(model):
        idx = [model.players.index(p) for p in coalition]
        cons: list[dict[str, Any]] = [
            {
                "type": "ineq",
                "fun": (
                    lambda x, i=i: (
                        base[i] - float((model.weights[i] * (x - model.ideals[i]) ** 2).sum())
                    )
                ),
            }
            for i in idx
        ]
        res = minimize(
            lambda x: float((ws * (x - s) ** 2).sum()),
            q.copy(),
            method="SLSQP",
            constraints=cons,
            options={"ftol": 1e-14, "maxiter": 500},
        )
        x = res.x
        slack = np.array([c["fun"](x) for c in cons])
        if (slack < -1e-7).any():
            continue
        d = float((ws * (x - s) ** 2).sum())
        if d < best_d - 1e-12:
            best, best_d = x, d
            best_binding = tuple(sorted(model.players[i] for i, sl in zip(idx, slack) if sl < 1e-6))
    return SetterResult(
        outcome=tuple(best.tolist()),
        setter=setter,
        setter_ideal=tuple(s.tolist()),
        status_quo=tuple(q.tolist()),
        binding=best_binding,
        decision_rule=model.rule_label,
        players=model.players,
        concept="setter-outcome",
        method="numerical",
    )


# ---------------------------------------------------------------- lowest common denominator
def lcd_outcome(model: SpatialModel) -> LCDResult:
    r"""The lowest common denominator: the least ambitious programme and who sets it.

    One dimension: with core ``[c_lo, c_hi]`` (``[x_L, x_H]`` under unanimity), the least
    ambitious programme is the status quo projected on the core,
    ``x_LLAP = clip(q, c_lo, c_hi)`` (Underdal 1980). Bargaining or a setter can push the
    outcome up to, not beyond, the far end of the win-set, ``min_i a_i(q)`` where
    ``a_i(q)`` is the other policy member i values like ``q`` (``2 x_i - q`` for symmetric
    losses): under unanimity with symmetric losses the least ambitious member
    (``binding``), under k of n the ``(n - k + 1)``-th lowest ideal point. With asymmetric
    losses (``weights=(below, above)``) the binding member can be another one. If ``q`` is
    inside the core, nothing passes and the status quo is *protected* (an ambitious
    reversion point survives under unanimity).

    Two dimensions (unanimity): the smallest unanimous improvement is the projection ``p`` of
    ``q`` on the convex hull of the ideal points; ``ceiling`` is the farthest point of the
    closed win-set on the ray from ``q`` through ``p``, and ``binding`` the member whose
    indifference circle stops it.

    References
    ----------
    Underdal, A. (1980) *The Politics of International Fisheries Management*, Oslo.
    Hovi, J. & Sprinz, D.F. (2006) "The Limits of the Law of the Least Ambitious Program",
    *Global Environmental Politics* 6(3):28-42.

    Examples
    --------
    >>> r = lcd_outcome(SpatialModel([2, 4, 5, 7, 9], 0, players="ABCDE"))
    >>> r.llap_point, r.ceiling, r.binding
    (2.0, 4.0, ('A',))
    >>> lcd_outcome(SpatialModel([2, 4, 5, 7, 9], 6)).protected
    True
    """
    model = _check_model(model, "lcd_outcome")
    q = model.status_quo
    if model.dimension == 1:
        core = policy_core(model)
        qv = float(q[0])
        if core.is_empty:
            raise InvalidProblemError("the core is empty under this rule; the LCD is undefined.")
        lo, hi = core.interval
        llap = float(np.clip(qv, lo, hi))
        if llap == qv:
            return _lcd(model, "closed-form", qv, interval=(qv, qv), direction=0.0)
        direction = 1.0 if llap > qv else -1.0
        parts = [
            iv for iv in _intervals_1d(model) if (iv[0] >= qv if direction > 0 else iv[1] <= qv)
        ]
        # the component that touches q
        ceiling = qv
        for a, b in sorted(
            parts, key=lambda iv: abs(iv[0] - qv) if direction > 0 else abs(iv[1] - qv)
        ):
            if direction > 0 and abs(a - ceiling) < 1e-12:
                ceiling = b
            elif direction < 0 and abs(b - ceiling) < 1e-12:
                ceiling = a
        binding = tuple(
            p
            for p, a in zip(model.players, model.acceptability_limits())
            if np.isfinite(a) and abs(a - ceiling) <= 1e-9 * (1 + abs(ceiling))
        )
        return _lcd(
            model,
            "closed-form",
            qv,
            (llap, float(ceiling), binding),
            interval=tuple(sorted((llap, float(ceiling)))),
            direction=direction,
        )
    if model.rule_label != "unanimity":
        raise InvalidProblemError("the 2-D lowest common denominator is defined for unanimity.")
    p = _project_hull(model.ideals, q)
    e = p - q
    if float(np.sqrt((e**2).sum())) <= 1e-9:
        return _lcd(model, "numerical", tuple(q.tolist()))
    # along q + t e each disc allows t <= 2 e'W_i(x_i - q) / e'W_i e
    limits = (
        2
        * ((model.weights * e) * (model.ideals - q)).sum(axis=1)
        / (model.weights * e * e).sum(axis=1)
    )
    t = float(limits.min())
    binding = tuple(pl for pl, lim in zip(model.players, limits) if lim <= t + 1e-9)
    return _lcd(
        model,
        "numerical",
        tuple(q.tolist()),
        (tuple(p.tolist()), tuple((q + t * e).tolist()), binding),
        direction=tuple((e / math.sqrt((e**2).sum())).tolist()),
    )


def _lcd(
    model: SpatialModel, method: str, status_quo, change: tuple | None = None, **fields
) -> LCDResult:
    """The LCD result. ``change`` is ``(llap_point, ceiling, binding)``; without it the
    status quo is protected (it is in the core: no change passes)."""
    llap, ceiling, binding = (status_quo, status_quo, ()) if change is None else change
    return LCDResult(
        llap_point=llap,
        ceiling=ceiling,
        binding=binding,
        protected=change is None,
        status_quo=status_quo,
        decision_rule=model.rule_label,
        players=model.players,
        concept="lowest-common-denominator",
        method=method,
        **fields,
    )
