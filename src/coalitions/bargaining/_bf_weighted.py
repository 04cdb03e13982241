r"""Baron-Ferejohn under weighted voting (Snyder, Ting & Ansolabehere 2005): any weights.

A coalition passes when its weight reaches the quota (and it holds every veto player). A
proposer buys the cheapest passing coalition that contains her; with positive prices it is
a *minimal* one (no other member can leave), so each proposer mixes over her minimal
passing coalitions, listed once (:func:`minimal_coalitions`, at most ``2^n`` bitmasks, so
``n <= MAX_WEIGHTED_PLAYERS``).

The equilibrium is found on a logit-smoothed game (proposer i picks coalition C with
probability proportional to ``exp(-cost_i(C)/tau)``) by Newton's method with the analytic
Jacobian while ``tau`` falls to ``TEMPERATURE_FLOOR`` of the per-capita surplus; then
(:func:`certify`) the cheapest coalitions are identified, the mixing solves a small LP for
the values, and for exact inputs the simplest rationals near the values and the mixing are
checked exactly (every condition in rational arithmetic).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .. import _numbers as nb
from .._lp import solve_lp

__all__ = [
    "MAX_WEIGHTED_PLAYERS",
    "minimal_coalitions",
    "weighted_equilibrium",
    "weighted_residual",
]

#: Most players of a weighted game (its coalitions are enumerated).
MAX_WEIGHTED_PLAYERS = 14
#: First and last temperatures of the smoothing, in units of the per-capita surplus.
START_TEMPERATURE, TEMPERATURE_FLOOR = 0.05, 1e-11
#: Ratio of successive temperatures.
COOLING = 0.2
#: Newton iterations per temperature.
NEWTON_STEPS = 40
#: Residual (relative to the surplus) at which Newton's method has converged.
CONVERGED = 1e-13
#: Shortest step of the backtracking line search.
SHORTEST_STEP = 1e-4
#: A ratio of temperatures above which the cooling gives up.
LARGEST_FACTOR = 0.97
#: A coalition is among a proposer's cheapest when its cost is within this of the least
#: (relative to the per-capita surplus).
TIE_TOLERANCE = 1e-7
#: Denominator bounds tried when an exact game's values and mixing are rationalised.
RATIONAL_DENOMINATORS = (10**2, 10**3, 10**4, 10**6, 10**8, 10**10)


def minimal_coalitions(weights: list, quota, veto: np.ndarray) -> list[np.ndarray]:
    """Per proposer i, the 0/1 matrix (one row per coalition) of her minimal passing
    coalitions, i's own column zeroed (what she pays for)."""
    n = len(weights)
    w_int, _ = nb.to_scaled_int([*weights, quota], dtype=object)
    need = int(w_int[-1])
    bits = ((np.arange(2**n)[:, None] >> np.arange(n)[None, :]) & 1).astype(bool)
    total = bits.astype(object) @ np.array(w_int[:-1], dtype=object)
    veto_mask = int(sum(1 << int(k) for k in np.nonzero(veto)[0]))
    masks = np.arange(2**n)
    passing = (total >= need) & ((masks & veto_mask) == veto_mask)
    out = []
    for i in range(n):
        mine = passing & bits[:, i]
        minimal = mine.copy()
        for j in range(n):
            if j != i:
                minimal &= ~(bits[:, j] & passing[masks ^ (1 << j)])
        rows = bits[minimal].astype(float)
        rows[:, i] = 0.0
        out.append(rows)
    return out


def _smoothed(c, tau, coalitions, delta, p, s, jacobian=True):
    """The smoothed price equations ``F(c)``, their Jacobian and the mixing."""
    n = len(c)
    f_m = np.empty(n)
    x = np.zeros(n)
    dm = np.zeros((n, n))
    dx = np.zeros((n, n))
    mixes = []
    for i, a in enumerate(coalitions):
        cost = a @ c
        weight = np.exp(-(cost - cost.min()) / tau)
        pi = weight / weight.sum()
        mixes.append(pi)
        inc = pi @ a
        f_m[i] = pi @ cost
        x += p[i] * inc
        if jacobian:
            centred = a - inc[None, :]
            dm[i] = inc - (pi * (cost - f_m[i])) @ centred / tau
            dx -= p[i] * (centred.T * pi) @ centred / tau
    f = c / delta - p * (s - f_m) - c * x
    if not jacobian:
        return f, None, mixes
    jac = np.diag(1 / delta - x) + p[:, None] * dm - c[:, None] * dx
    return f, jac, mixes


def _newton(c, tau, coalitions, delta, p, s):
    """Newton's method with backtracking at one temperature; ``(prices, converged)``."""
    f = _smoothed(c, tau, coalitions, delta, p, s)[0]
    norm = float(np.max(np.abs(f)))
    for _ in range(NEWTON_STEPS):
        if norm < CONVERGED * s:
            return c, True
        f, jac, _ = _smoothed(c, tau, coalitions, delta, p, s)
        try:
            step = np.linalg.solve(jac, -f)
        except np.linalg.LinAlgError:
            return c, False
        t = 1.0
        while t > SHORTEST_STEP:
            trial = np.maximum(c + t * step, 0.0)
            trial_norm = float(
                np.max(np.abs(_smoothed(trial, tau, coalitions, delta, p, s, False)[0]))
            )
            if trial_norm < norm:
                break
            t *= 0.5
        else:
            return c, norm < CONVERGED * s * 1e3
        c, norm = trial, trial_norm
    return c, norm < CONVERGED * s * 1e3


def _anneal(coalitions, delta, p, s):
    """Follow the smoothed equilibrium prices as the temperature falls (a smaller cooling
    step where Newton's method does not converge)."""
    n = len(p)
    scale = s / n
    c, _ = _newton(delta * p * s, START_TEMPERATURE * scale, coalitions, delta, p, s)
    tau, factor = START_TEMPERATURE * scale, COOLING
    while tau > TEMPERATURE_FLOOR * scale:
        trial, ok = _newton(c, tau * factor, coalitions, delta, p, s)
        if ok:
            c, tau = trial, tau * factor
            factor = max(factor * factor, COOLING)
        else:
            factor = factor**0.5
            if factor > LARGEST_FACTOR:
                break
    return c


def _mixing_lp(v, coalitions, delta, p, s, tol):
    """Given values ``v``, the mixing over each proposer's cheapest coalitions that meets
    the value equations (least squares violation as an LP), as a list per proposer."""
    n = len(v)
    c = delta * v
    supports = []
    for a in coalitions:
        cost = a @ c
        supports.append(np.nonzero(cost <= cost.min() + tol)[0])
    sizes = [len(k) for k in supports]
    offset = np.concatenate([[0], np.cumsum(sizes)])
    count = int(offset[-1])
    rows_eq, rhs = [], []
    for i in range(n):  # each proposer's mixing sums to 1
        row = np.zeros(count + 1)
        row[offset[i] : offset[i + 1]] = 1
        rows_eq.append(row)
        rhs.append(1.0)
    # value equations: v_j - p_j (s - m_j) = c_j sum_i p_i sum_C y_iC [j in C]
    min_cost = np.array([float((a @ c).min()) for a in coalitions])
    lhs = v - p * (s - min_cost)
    ub_rows, ub_rhs = [], []
    for j in range(n):
        row = np.zeros(count + 1)
        for i in range(n):
            members = coalitions[i][supports[i], j]
            row[offset[i] : offset[i + 1]] = p[i] * c[j] * members
        # |row @ y - lhs_j| <= e
        up = row.copy()
        up[-1] = -1
        down = -row
        down[-1] = -1
        ub_rows += [up, down]
        ub_rhs += [lhs[j], -lhs[j]]
    cost_vec = np.zeros(count + 1)
    cost_vec[-1] = 1.0
    sol = solve_lp(
        cost_vec,
        np.array(ub_rows),
        np.array(ub_rhs),
        np.array(rows_eq),
        np.array(rhs),
        [(0.0, 1.0)] * count + [(0.0, None)],
    )
    if not sol.success or sol.x is None:
        return None
    y = sol.x[:-1]
    return [(supports[i], y[offset[i] : offset[i + 1]]) for i in range(n)]


def _holds_exactly(v, mixing, coalitions, delta, p, s) -> bool:
    """Every condition in rational arithmetic: mixing is a distribution over each
    proposer's cheapest passing coalitions, the value equations hold, values sum to S."""
    n = len(v)
    c = [delta[j] * v[j] for j in range(n)]
    x = [Fraction(0)] * n
    keep = []
    for i, (support, y) in enumerate(mixing):
        a = coalitions[i].astype(int)
        costs = [sum((c[j] for j in np.nonzero(row)[0]), Fraction(0)) for row in a]
        least = min(costs)
        if any(w < 0 for w in y) or sum(y) != 1:
            return False
        if any(costs[k] != least for k, w in zip(support, y) if w != 0):
            return False
        keep.append(s - least)
        for k, w in zip(support, y):
            for j in np.nonzero(a[k])[0]:
                x[j] += p[i] * w
    return sum(v) == s and all(v[j] == p[j] * keep[j] + c[j] * x[j] for j in range(n))


def weighted_equilibrium(delta: list, p: list, s, weights: list, quota, veto, kind: str):
    """``(values, prices, inclusion, proposer shares, residual, exact)`` of the weighted game
    in the number kind ``kind`` (floats when an exact game's rationals do not check)."""
    n = len(delta)
    is_veto = np.zeros(n, dtype=bool)
    is_veto[list(veto)] = True
    coalitions = minimal_coalitions(weights, quota, is_veto)
    fd = np.array([float(d) for d in delta])
    fp = np.array([float(v) for v in p])
    fs = float(s)
    c = _anneal(coalitions, fd, fp, fs)
    v = c / fd
    tol = TIE_TOLERANCE * fs / n
    mixing = _mixing_lp(v, coalitions, fd, fp, fs, tol)
    if kind == nb.EXACT and mixing is not None:
        for bound in RATIONAL_DENOMINATORS:
            v_exact = [Fraction(float(x)).limit_denominator(bound) for x in v]
            v_exact[-1] = s - sum(v_exact[:-1], Fraction(0))
            vf = np.array([float(x) for x in v_exact])
            found = _mixing_lp(vf, coalitions, fd, fp, fs, tol)
            if found is None:
                continue
            for inner in RATIONAL_DENOMINATORS:
                exact_mix = []
                for support, y in found:
                    ys = [Fraction(float(w)).limit_denominator(inner) for w in y]
                    if ys:
                        ys[-1] = 1 - sum(ys[:-1], Fraction(0))
                    exact_mix.append((support, ys))
                if _holds_exactly(v_exact, exact_mix, coalitions, delta, p, s):
                    return _package(v_exact, exact_mix, coalitions, delta, p, s, kind, True)
    if mixing is None:
        return None
    return _package(list(v), mixing, coalitions, list(fd), list(fp), fs, nb.FLOAT, False)


def _package(v, mixing, coalitions, delta, p, s, kind, exact):
    """Values, prices, inclusion marginals, proposer shares, residual and the exact flag."""
    n = len(v)
    zero = nb.constant(0, kind)
    prices = [delta[j] * v[j] for j in range(n)]
    pi = np.full((n, n), zero, dtype=object) if kind != nb.FLOAT else np.zeros((n, n))
    keep = []
    for i, (support, y) in enumerate(mixing):
        cost = zero
        for k, w in zip(support, y):
            for j in np.nonzero(coalitions[i][k])[0]:
                pi[i, j] = pi[i, j] + w
                cost = cost + w * prices[j]
        keep.append(s - cost)
    worst = weighted_residual(
        np.array([float(x) for x in v]),
        mixing,
        coalitions,
        np.array([float(d) for d in delta]),
        np.array([float(x) for x in p]),
        float(s),
    )
    return v, prices, pi, keep, worst, exact


def weighted_residual(v, mixing, coalitions, delta, p, s) -> float:
    """Largest violation of the equilibrium conditions: value equations, values summing to
    the surplus, each proposer's mixing a distribution over her cheapest coalitions."""
    n = len(v)
    c = delta * v
    x = np.zeros(n)
    worst = abs(float(v.sum()) - s)
    keep = np.empty(n)
    for i, (support, y) in enumerate(mixing):
        y = np.array([float(w) for w in y])
        cost = coalitions[i] @ c
        used = cost[support]
        keep[i] = s - float(y @ used)
        worst = max(worst, float(y @ used - cost.min()), float(-min(y.min(), 0.0)))
        worst = max(worst, abs(float(y.sum()) - 1))
        x += p[i] * (y @ coalitions[i][support])
    worst = max(worst, float(np.max(np.abs(p * keep + c * x - v))))
    return worst
