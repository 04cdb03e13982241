"""Two-player polytope bargaining: Nash, Kalai-Smorodinsky and egalitarian on 1e3 ... 1e6 points.

The bar (issue 17, item 1): the Nash point of 1e6 random points (problem built and validated,
then solved) well under 1 s, and the same answers as the previous implementation on 1e4
points. The previous implementation is kept below as it was on ``main`` before the change
(``_old_*``): the Nash point as the best point of every segment between two hull vertices,
and validation, ideal point and rays by one LP over all points each
(``BargainingProblem._polytope_ray``, still the path for three or more players).

Two point sets: ``square`` (uniform in the unit square: a short Pareto chain) and ``arc``
(uniform angles on a quarter circle: every point is on the frontier, the hard case of the
pairwise scan). The old approach runs only where it fits (at most 2e6 vertex pairs, at most
1e5 points for its LPs); up to 6e7 pairs its Nash answer is recomputed pair for pair in
blocks (bounded memory, to compare answers: its time is not the old code's, and its memory is
not reported); elsewhere the column reads "skipped". Times are the best of
``repeats`` runs, peak memory is the tracemalloc peak (numpy reports its buffers to it).

Usage: python benchmarks/bargaining_polygon.py [--small]. Writes
benchmarks/results/bargaining_polygon.json.
"""

from __future__ import annotations

import json
import math
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from coalitions.bargaining import (
    BargainingProblem,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
)

OLD_MAX_PAIRS = 2_000_000
OLD_CHUNKED_MAX_PAIRS = 60_000_000
OLD_MAX_LP_POINTS = 100_000


# ------------------------------------------------ the previous implementation (main, before)
def _old_pairs(points, d, w, i, j, best, best_value):
    """The old scan of the segments ``points[i] - points[j]``: the best point so far."""
    a = points[i] - d
    b = points[j] - points[i]
    candidates = [np.zeros(len(i)), np.ones(len(i))]
    denom = (w[0] + w[1]) * b[:, 0] * b[:, 1]
    numer = -(w[0] * b[:, 0] * a[:, 1] + w[1] * b[:, 1] * a[:, 0])
    with np.errstate(divide="ignore", invalid="ignore"):
        stationary = np.where(denom != 0, numer / np.where(denom != 0, denom, 1.0), 0.0)
    candidates.append(np.clip(stationary, 0.0, 1.0))
    for s in candidates:
        gains = a + s[:, None] * b
        ok = (gains > 0).all(axis=1)
        if not ok.any():
            continue
        values = np.full(len(s), -math.inf)
        values[ok] = np.log(gains[ok]) @ w
        k = int(np.argmax(values))
        if values[k] > best_value:
            best_value, best = values[k], d + gains[k]
    return best, best_value


def _old_nash_polytope_2(points: np.ndarray, d: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Best point on every segment of two points (as on main before issue 17)."""
    i, j = np.triu_indices(len(points))
    best, _ = _old_pairs(points, d, w, i, j, None, -math.inf)
    assert best is not None
    return best


def _old_nash_chunked(points: np.ndarray, d: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The same pairwise scan, pair for pair, in blocks of rows (bounded memory): the answer
    of the old code where its one-shot arrays would not fit (1e4 points on an arc: 5e7
    pairs, about 7 GiB at once)."""
    m = len(points)
    best, best_value = None, -math.inf
    for first in range(0, m, 64):
        rows = np.arange(first, min(first + 64, m))
        i = np.repeat(rows, m - rows)
        j = np.concatenate([np.arange(r, m) for r in rows])
        best, best_value = _old_pairs(points, d, w, i, j, best, best_value)
    assert best is not None
    return best


def _old_hull_points(points: np.ndarray) -> np.ndarray:
    unique = np.unique(points, axis=0)
    if len(unique) <= 3:
        return unique
    from scipy.spatial import ConvexHull, QhullError

    try:
        return unique[ConvexHull(unique).vertices]
    except QhullError:
        direction = unique[-1] - unique[0]
        order = np.argsort(unique @ direction)
        return unique[[order[0], order[-1]]]


def _old_nash(points: np.ndarray, d: np.ndarray) -> np.ndarray | None:
    """The old two-player Nash point, or None when its pairwise scan would not fit."""
    scale = np.abs(points - d).max(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    hull = _old_hull_points((points - d) / scale)
    pairs = len(hull) * (len(hull) + 1) // 2
    w = np.array([0.5, 0.5])
    if pairs <= OLD_MAX_PAIRS:
        return d + scale * _old_nash_polytope_2(hull, np.zeros(2), w)
    if pairs <= OLD_CHUNKED_MAX_PAIRS:
        return d + scale * _old_nash_chunked(hull, np.zeros(2), w)
    return None


def _old_ray(problem: BargainingProblem, start, direction) -> float:
    found = problem._polytope_ray(np.asarray(start, float), np.asarray(direction, float))
    return -math.inf if found is None else found[0]


def _old_validate(problem: BargainingProblem) -> None:
    d = problem.disagreement
    assert problem._polytope_ray(d, np.zeros(2)) is not None
    assert _old_ray(problem, d, np.ones(2)) > problem.atol


def _old_ks(problem: BargainingProblem) -> np.ndarray:
    d = problem.disagreement
    ideal = np.array([d[i] + _old_ray(problem, d, np.eye(2)[i]) for i in range(2)])
    return d + _old_ray(problem, d, ideal - d) * (ideal - d)


def _old_egalitarian(problem: BargainingProblem) -> np.ndarray:
    d = problem.disagreement
    return d + _old_ray(problem, d, np.ones(2))


# ------------------------------------------------------------------------------ measuring
def _measure(function, repeats: int):
    """(best time in s, tracemalloc peak in MiB, last value)."""
    best = math.inf
    value = None
    for _ in range(repeats):
        start = time.perf_counter()
        value = function()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak, value


def _points(kind: str, m: int, rng) -> np.ndarray:
    if kind == "square":
        return rng.random((m, 2))
    angles = rng.uniform(0.0, math.pi / 2, m)
    return np.column_stack([np.cos(angles), np.sin(angles)])


def _relative(a, b) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def main(argv=None) -> dict:
    small = "--small" in (sys.argv[1:] if argv is None else argv)
    sizes = [10**3, 10**4] if small else [10**3, 10**4, 10**5, 10**6]
    repeats = 2 if small else 3
    nash_solution(BargainingProblem.from_vertices(np.random.default_rng(0).random((50, 2))))
    rows = []
    for kind in ("square", "arc"):
        for m in sizes:
            rng = np.random.default_rng(m)
            points = _points(kind, m, rng)
            d = points.min(axis=0)

            def nash_total(points=points):
                problem = BargainingProblem.from_vertices(points)
                return nash_solution(problem).x

            t_build, mem_build, problem = _measure(
                lambda points=points: BargainingProblem.from_vertices(points), repeats
            )
            t_nash, mem_nash, nash_x = _measure(nash_total, repeats)
            t_ks, _, ks_x = _measure(lambda p=problem: kalai_smorodinsky(p).x, repeats)
            t_eg, _, eg_x = _measure(lambda p=problem: egalitarian(p).x, repeats)
            row = {
                "points": kind,
                "m": m,
                "chain_vertices": len(problem._pareto_polygon().chain),
                "build_s": t_build,
                "build_peak_mib": mem_build,
                "nash_total_s": t_nash,
                "nash_total_peak_mib": mem_nash,
                "ks_s": t_ks,
                "egalitarian_s": t_eg,
            }
            hull_size = len(_old_hull_points((points - d) / np.abs(points - d).max(axis=0)))
            pairs = hull_size * (hull_size + 1) // 2
            if pairs <= OLD_MAX_PAIRS:
                t_old, mem_old, old_x = _measure(lambda points=points: _old_nash(points, d), 1)
                row.update(
                    old_nash_s=t_old,
                    old_nash_peak_mib=mem_old,
                    nash_ratio_old_over_new=t_old / t_nash,
                    nash_max_rel_diff=_relative(nash_x, old_x),
                )
            elif pairs <= OLD_CHUNKED_MAX_PAIRS and not small:
                # the old answer, pair for pair, in bounded memory (its time, not its memory)
                start = time.perf_counter()
                old_x = _old_nash(points, d)
                row.update(
                    old_nash_chunked_s=time.perf_counter() - start,
                    nash_max_rel_diff=_relative(nash_x, old_x),
                )
            if m <= OLD_MAX_LP_POINTS:
                t_old_build, _, _ = _measure(lambda p=problem: _old_validate(p), 1)
                t_old_ks, _, old_ks = _measure(lambda p=problem: _old_ks(p), 1)
                t_old_eg, _, old_eg = _measure(lambda p=problem: _old_egalitarian(p), 1)
                row.update(
                    old_validate_s=t_old_build,
                    validate_ratio_old_over_new=t_old_build / t_build,
                    ks_ratio_old_over_new=t_old_ks / t_ks,
                    ks_max_rel_diff=_relative(ks_x, old_ks),
                    egalitarian_ratio_old_over_new=t_old_eg / t_eg,
                    egalitarian_max_rel_diff=_relative(eg_x, old_eg),
                )
            rows.append(row)

    def cell(row, key, spec):
        return format(row[key], spec) if key in row else "skipped"

    print(
        "| points | m | chain | build (s) | build MiB | Nash total (s) | Nash MiB | old Nash (s) "
        "| old MiB | old chunked (s) | Nash old/new | Nash rel diff | validate old/new | KS (s) | KS old/new "
        "| KS diff | egal (s) | egal old/new | egal diff |"
    )
    print("|" + "---|" * 19)
    for r in rows:
        print(
            f"| {r['points']} | {r['m']:.0e} | {r['chain_vertices']} | {r['build_s']:.4f} "
            f"| {r['build_peak_mib']:.1f} | {r['nash_total_s']:.4f} "
            f"| {r['nash_total_peak_mib']:.1f} | {cell(r, 'old_nash_s', '.4f')} "
            f"| {cell(r, 'old_nash_peak_mib', '.1f')} "
            f"| {cell(r, 'old_nash_chunked_s', '.1f')} "
            f"| {cell(r, 'nash_ratio_old_over_new', '.1f')} "
            f"| {cell(r, 'nash_max_rel_diff', '.1e')} "
            f"| {cell(r, 'validate_ratio_old_over_new', '.1f')} | {r['ks_s']:.5f} "
            f"| {cell(r, 'ks_ratio_old_over_new', '.1f')} | {cell(r, 'ks_max_rel_diff', '.1e')} "
            f"| {r['egalitarian_s']:.5f} | {cell(r, 'egalitarian_ratio_old_over_new', '.1f')} "
            f"| {cell(r, 'egalitarian_max_rel_diff', '.1e')} |"
        )
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "bargaining_polygon.json").write_text(json.dumps(rows, indent=2))
    return {"rows": rows}


if __name__ == "__main__":
    main()
