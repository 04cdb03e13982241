"""The sequential-LP engine behind the least core and the nucleolus family, and the exact
Kohlberg verifier.

Stage k solves ``min t`` subject to ``(v(S) - x(S)) / w(S) <= t`` for the coalitions not yet
fixed, the fixed coalitions at their levels, ``x(N) = v(N)`` and (nucleolus) ``x_i >= v(i)``.
A coalition is fixed only when its LP dual is positive, which makes it tight in *every*
optimum (complementary slackness), and coalitions in the span of the fixed ones are dropped:
their excess no longer varies. Rows are generated lazily: the LP starts from a few coalitions
and adds the most violated ones, found by one vectorised pass over the 2**n table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .._bits import mask_bits, mask_indicator, popcounts, subset_sums
from .._exact_linalg import Span, float_positive_combination, positive_combination, solve_exact
from .._lp import solve_lp

__all__ = ["Run", "sequential_lp", "reconstruct_exact", "kohlberg", "FULL_ROW_PLAYERS"]

#: Up to this many players every coalition is a row from the start (no row generation).
FULL_ROW_PLAYERS = 10
_DUAL_TOL = 1e-9
#: Stage LPs of at most this many rows may skip HiGHS's presolve (``presolve=False``).
PRESOLVE_ROWS = 256
#: Kohlberg's check grows its span by exact integer elimination up to this many masks per
#: player, by a float QR choice of independent masks above.
_EXACT_GROWTH = 16


@dataclass
class Run:
    x: np.ndarray
    success: bool = True
    message: str = ""
    nit: int = 0
    levels: list = field(default_factory=list)  # t of each stage
    fixed: list = field(default_factory=list)  # (mask, stage)
    bounds: list = field(default_factory=list)  # (player, stage)
    duals: list = field(default_factory=list)  # first stage: (mask, weight)
    max_rows: int = 0
    given: list = field(default_factory=list)  # masks held at excess 0 from the start


def _independent(masks: np.ndarray, span: Span) -> list[int]:
    """A few masks whose vectors are independent modulo the span (float QR, then exact)."""
    if masks.size == 0 or span.rank == span.n:
        return []
    outside = masks[~span.contains_masks(masks)]
    if outside.size == 0:
        return []
    null = span.null_basis().astype(np.float64)
    projected = mask_bits(outside, span.n) @ null
    projected /= np.linalg.norm(projected, axis=1, keepdims=True)
    from scipy.linalg import qr

    _, r, order = qr(projected.T, mode="economic", pivoting=True)
    diag = np.abs(np.diag(r))
    keep = order[: int(np.sum(diag > 1e-9))] if diag.size else order[:0]
    return [int(m) for m in outside[keep]]


def _add_masks(span: Span, masks: np.ndarray, rng=None) -> list[int]:
    """Add masks to the span exactly; return the ones that increased its rank."""
    added = []
    pending = np.asarray(masks, dtype=np.int64)
    pending = pending[~span.contains_masks(pending)]
    limit = 64 * span.n
    rng = np.random.default_rng(0) if rng is None else rng
    while pending.size and span.rank < span.n:
        sample = pending if pending.size <= limit else rng.choice(pending, limit, replace=False)
        choice = _independent(sample, span)
        if not choice:  # pragma: no cover - numerically dependent sample
            choice = [int(m) for m in sample[:1]]
        for mask in choice:
            if span.add_mask(mask):
                added.append(mask)
        pending = pending[~span.contains_masks(pending)]
    return added


def _balanced_group(outside: np.ndarray, span: Span, zero_rows: np.ndarray, exact: bool) -> bool:
    """Is the level's collection balanced modulo the span (then add it to the span)?

    A huge level is checked on random samples first: a balanced sample joins the span, and
    only the level's coalitions outside the grown span remain to be checked (a balanced
    collection stays balanced when coalitions in its span are added).
    """
    n = span.n
    rng = np.random.default_rng(12345)
    pending = outside
    size = 8 * n
    while pending.size:
        if pending.size <= size:
            sample, final = pending, True
        else:
            sample, final = rng.choice(pending, size, replace=False), False
        strict = mask_bits(sample, n, np.int64)
        free = np.array(span.generators, dtype=np.int64).reshape(-1, n)
        # only whether weights exist matters: presolve (slower on small LPs) cannot change it
        if exact:
            ok = positive_combination(strict, zero_rows, free, presolve=False) is not None
        else:
            ok = float_positive_combination(strict, zero_rows, free, presolve=False)
        if not ok:
            if final:
                return False
            size *= 4
            continue
        if sample.size <= _EXACT_GROWTH * n:
            # a few masks: grow the span exactly, one by one (the span reached is the same
            # whichever masks of the sample end up as its generators)
            for mask in sample.tolist():
                span.add_mask(mask)
        else:
            _add_masks(span, sample, rng)
        pending = pending[~span.contains_masks(pending)]
    return True


def sequential_lp(
    v: np.ndarray,
    n: int,
    *,
    imputation: bool,
    weight_by_size=None,
    weights: np.ndarray | None = None,
    given: tuple[int, ...] = (),
    skip: tuple[int, ...] = (),
    first_stage_only: bool = False,
    atol: float = 1e-9,
    progress: Callable[[int, int], None] | None = None,
    full_row_players: int = FULL_ROW_PLAYERS,
    greedy_span: bool = False,
    presolve: bool = True,
) -> Run:
    """Run the sequential LPs on the float table ``v``; see the module docstring.

    ``v`` should be a zero-normalised table scaled to magnitudes of order one (see
    ``_normal_form.py``): HiGHS's tolerances are absolute, and ``atol`` is relative to the
    largest ``|v(S)|``. The excess of ``S`` is divided by ``weight_by_size[|S|]`` or by
    ``weights[S]`` (a positive table of ``2**n`` floats); the coalitions ``given`` are held
    at excess 0 from the start (``x(S) = v(S)``: the blocks of a coalition structure), and
    the coalitions ``skip`` are no rows at all. Up to ``full_row_players`` players every
    coalition is a row from the start; above, rows are generated. With ``greedy_span`` a
    stage's few fixed coalitions join the span by exact elimination in mask order rather than
    by a float QR choice (the same affine set, other equality rows: for games whose answer is
    rebuilt exactly and certified). ``presolve=False`` solves the stages of at most
    ``PRESOLVE_ROWS`` rows without HiGHS's presolve (about half the time; the optimal vertex
    may differ, so only for answers that are unique and rebuilt exactly).
    """
    size = 1 << n
    full = size - 1
    scale = max(1.0, float(np.max(np.abs(v))))
    vtol = atol * scale
    pop = popcounts(n)
    if weight_by_size is not None:
        weights = np.asarray(weight_by_size, float)[pop]
    if weights is not None:
        weights = np.array(weights, dtype=np.float64)
        weights[0] = weights[full] = 1.0  # never rows: no division by zero
    span = Span(n)
    span.add_mask(full)
    alive = np.ones(size, dtype=bool)
    alive[0] = alive[full] = False
    alive[list(skip)] = False
    eq_masks: list[int] = []  # fixed coalitions that define the affine set
    eq_rhs: list[float] = []
    run = Run(x=np.full(n, np.nan))
    for mask in given:
        if span.add_mask(int(mask)):
            eq_masks.append(int(mask))
            eq_rhs.append(float(v[mask]))
            run.given.append(int(mask))
    if run.given:
        alive &= span.not_in_span_table()
    if span.rank == n:  # the given coalitions alone fix x: no stage to solve
        rows = mask_bits(np.array([full, *eq_masks], dtype=np.int64), n)
        run.x = np.linalg.lstsq(rows, np.array([v[full], *eq_rhs]), rcond=None)[0]
        return run
    eq_players: list[int] = []  # imputation bounds turned into equalities
    open_bounds = list(range(n)) if imputation else []
    singles = np.array([1 << i for i in range(n)], dtype=np.int64)
    if n == 1:
        run.x = np.array([float(v[full])])
        return run
    full_rows = n <= full_row_players
    if full_rows:
        active = np.flatnonzero(alive)
    else:
        start = np.concatenate([singles, full ^ singles])
        if imputation:
            surplus = v[full] - v[singles].sum()
            x0 = v[singles] + surplus / n
        else:
            x0 = np.full(n, v[full] / n)
        exc = v - subset_sums(x0, n)
        if weights is not None:
            exc = exc / weights
        exc[~alive] = -np.inf
        top = np.argpartition(-exc, 4 * n)[: 4 * n]
        active = np.union1d(start[alive[start]], top[alive[top]])
    batch = max(2 * n, 40)
    stage = 0
    while span.rank < n:
        stage += 1
        if progress is not None:
            progress(span.rank, n)
        while True:
            solution, nrows = _stage_lp(
                v, n, active, weights, eq_masks, eq_rhs, eq_players, open_bounds, presolve
            )
            run.nit += 1
            run.max_rows = max(run.max_rows, nrows)
            if not solution.success:
                run.success = False
                run.message = f"LP {run.nit} (stage {stage}) failed: {solution.message}"
                return run
            x, t = solution.x[:n], solution.x[n]
            if full_rows:
                break
            exc = v - subset_sums(x, n)
            if weights is not None:
                exc /= weights
            exc[~alive] = -np.inf
            viol = exc - t
            idx = np.flatnonzero(viol > vtol)
            if idx.size == 0:
                break
            if idx.size > batch:
                idx = idx[np.argpartition(-viol[idx], batch - 1)[:batch]]
            active = np.union1d(active, idx)
        duals = -np.asarray(solution.ineqlin)
        row_duals, bound_duals = duals[: active.size], duals[active.size :]
        hot_rows = np.flatnonzero(row_duals > _DUAL_TOL)
        hot_bounds = np.flatnonzero(bound_duals > _DUAL_TOL)
        if hot_rows.size == 0 and hot_bounds.size == 0:  # numerically flat dual
            hot_rows = np.array([int(np.argmax(row_duals))])
        run.levels.append(float(t))
        if first_stage_only:
            run.x = np.asarray(x, dtype=float)
            run.duals = [(int(active[k]), float(row_duals[k])) for k in hot_rows]
            run.fixed = [(int(active[k]), stage) for k in hot_rows]
            return run
        for k in hot_rows:
            run.fixed.append((int(active[k]), stage))
        for k in hot_bounds:
            run.bounds.append((open_bounds[k], stage))
        new_players = [open_bounds[k] for k in hot_bounds]
        for player in new_players:
            if span.add_mask(1 << player):
                eq_players.append(player)
        open_bounds = [p for p in open_bounds if p not in new_players]
        fixed_masks = active[hot_rows]
        if greedy_span and fixed_masks.size <= _EXACT_GROWTH * n:
            grown = [m for m in fixed_masks.tolist() if span.add_mask(m)]
        else:
            grown = _add_masks(span, fixed_masks)
        for mask in grown:
            eq_masks.append(mask)
            w = 1.0 if weights is None else float(weights[mask])
            eq_rhs.append(float(v[mask]) - w * float(t))
        if span.rank == n:
            run.x = np.asarray(x, dtype=float)
            break
        alive &= span.not_in_span_table()
        active = active[alive[active]]
        if active.size == 0:
            active = np.flatnonzero(alive)[:batch]
    if progress is not None:
        progress(n, n)
    return run


def _stage_lp(v, n, active, weights, eq_masks, eq_rhs, eq_players, open_bounds, presolve=True):
    m = active.size
    rows = np.zeros((m + len(open_bounds), n + 1))
    rows[:m, :n] = -mask_bits(active, n)
    rows[:m, n] = -1.0 if weights is None else -weights[active]
    rhs = np.empty(m + len(open_bounds))
    rhs[:m] = -v[active]
    for k, player in enumerate(open_bounds):
        rows[m + k, player] = -1.0
        rhs[m + k] = -v[1 << player]
    full = (1 << n) - 1
    eq = np.zeros((1 + len(eq_masks) + len(eq_players), n + 1))
    eq_b = np.empty(eq.shape[0])
    eq[0, :n] = 1.0
    eq_b[0] = v[full]
    for k, (mask, rhs_k) in enumerate(zip(eq_masks, eq_rhs), start=1):
        eq[k, :n] = mask_bits(np.array([mask]), n)[0]
        eq_b[k] = rhs_k
    for k, player in enumerate(eq_players, start=1 + len(eq_masks)):
        eq[k, player] = 1.0
        eq_b[k] = v[1 << player]
    cost = np.zeros(n + 1)
    cost[n] = 1.0
    presolve = presolve or rows.shape[0] > PRESOLVE_ROWS
    return solve_lp(cost, A_ub=rows, b_ub=rhs, A_eq=eq, b_eq=eq_b, presolve=presolve), rows.shape[0]


def reconstruct_exact(
    value: Callable[[int], Fraction],
    n: int,
    run: Run,
    weight_by_size=None,
    *,
    weight: Callable[[int], Any] | None = None,
    unscale: Callable[[float], Any] = float,
) -> tuple[list[Fraction], list[Fraction]] | None:
    """Exact ``x`` and stage levels from the equalities the run fixed (None if inconsistent).

    ``value(mask)`` is the exact worth of a coalition; ``unscale`` maps the run's numbers (in
    the LP's units) back to the worths' units, for the free variables' guesses. Unknowns are
    ``x`` and one level per stage; each fixed coalition gives ``x(S) + w(S) t_stage = v(S)``
    (``w`` from ``weight_by_size[|S|]`` or the exact ``weight(mask)``, else 1), each fixed
    bound ``x_i = v(i)``, each given coalition ``x(S) = v(S)``, and ``x(N) = v(N)``.
    """
    stages = len(run.levels)
    full = (1 << n) - 1
    rows: list[list[Any]] = [[1] * n + [0] * stages]
    rhs = [value(full)]
    for mask in run.given:
        rows.append(mask_indicator(mask, n) + [0] * stages)
        rhs.append(value(mask))
    for mask, stage in run.fixed:
        row: list[Any] = [*mask_indicator(mask, n), *([0] * stages)]
        if weight is not None:
            row[n + stage - 1] = weight(mask)
        elif weight_by_size is not None:
            row[n + stage - 1] = int(weight_by_size[bin(mask).count("1")])
        else:
            row[n + stage - 1] = 1
        rows.append(row)
        rhs.append(value(mask))
    for player, _stage in run.bounds:
        row = [0] * (n + stages)
        row[player] = 1
        rows.append(row)
        rhs.append(value(1 << player))
    guesses = [*run.x, *run.levels]
    solved = solve_exact(rows, rhs, lambda k: unscale(guesses[k]))
    if solved is None:
        return None
    return solved[:n], solved[n:]


def kohlberg(
    n: int,
    masks: np.ndarray,
    keys: np.ndarray,
    zero_players: list[int],
    *,
    exact: bool,
    atol: float = 1e-9,
    complete_above=None,
    given: tuple[int, ...] = (),
) -> bool | None:
    """Kohlberg's criterion on the excess ``keys`` of the coalitions ``masks``.

    For every level d the coalitions with excess >= d must form a balanced collection
    (allowing non-negative weights on the singletons of ``zero_players``, the players held at
    their individual worth, for the nucleolus). Only the levels that raise the rank of the
    collection need a check (Benedek, Fliege and Nguyen, 2021); each check is an LP whose
    vertex is rebuilt and verified in exact arithmetic when ``exact``. ``masks`` must hold
    every coalition whose key is at least ``complete_above``; None is returned when the
    check would need a level below that. The coalitions ``given`` (held at ``x(S) = v(S)``,
    the blocks of a coalition structure) enter the collection with weights of either sign.
    """
    full = (1 << n) - 1
    if n == 1:
        return True
    span = Span(n)
    span.add_mask(full)
    for mask in given:
        span.add_mask(int(mask))
    zero_rows = mask_bits(np.array([1 << i for i in zero_players], dtype=np.int64), n, np.int64)
    if keys.dtype == object:
        order = np.array(
            sorted(range(keys.size), key=keys.__getitem__, reverse=True), dtype=np.int64
        )
    else:
        order = np.argsort(-keys, kind="stable")
    sorted_keys = keys[order]
    if exact:
        breaks = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
    else:
        breaks = np.flatnonzero(np.abs(np.diff(sorted_keys.astype(np.float64))) > atol) + 1
    bounds = np.concatenate([[0], breaks, [order.size]]).astype(np.int64)
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if span.rank == n:
            return True
        if complete_above is not None and sorted_keys[lo] < complete_above:
            return None
        group = masks[order[lo:hi]]
        outside = group[~span.contains_masks(group)]
        if outside.size == 0:
            continue
        if not _balanced_group(outside, span, zero_rows, exact):
            return False
    if span.rank == n:
        return True
    return None if complete_above is not None else True
