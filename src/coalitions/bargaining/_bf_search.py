"""Baron-Ferejohn, the choose-structure step: which votes each proposer buys.

The exact game's best responses jump when two prices cross, so the structure is found on a
logit-smoothed game (a proposer includes player k with probability
``sigma((lambda_i - c_k) / tau)``, the cutoff ``lambda_i`` making the row sum to the seats
she needs) whose stationary prices depend smoothly on ``c``. Newton's method follows those
prices as the temperature ``tau`` falls (a homotopy to the exact game); at each low
temperature the near-equal prices are grouped into levels and the exact structure is tried
(:func:`coalitions.bargaining._bf_levels.level_prices`, ``inclusion``, ``residual``).
"""

from __future__ import annotations

import numpy as np

from .. import _numbers as nb
from ._bf_levels import Structure, inclusion, level_prices, residual

__all__ = ["find_structure", "try_structure", "soft_choice", "group_levels", "TEMPERATURE_FLOOR"]

# The homotopy: temperatures are in units of the per-capita surplus S / n.
#: First temperature.
START_TEMPERATURE = 0.1
#: First ratio between successive temperatures.
START_FACTOR = 0.1
#: The temperature at which the homotopy stops (the smoothed game is then the exact one to
#: within rounding).
TEMPERATURE_FLOOR = 1e-13
#: Continuation steps (each a few Newton iterations).
CONTINUATION_STEPS = 80
#: Evaluations of the smoothed system allowed in all (the work bound of the search).
MAX_EVALUATIONS = 1500
#: A ratio of temperatures above which the homotopy gives up (the step no longer shrinks).
LARGEST_FACTOR = 0.97
#: The smallest ratio of temperatures (the fastest descent after easy steps).
SMALLEST_FACTOR = 1e-3
#: Below this temperature the exact structure is tried after each step.
POLISH_BELOW = 1e-2
#: Gaps (in temperatures) within which prices count as one level.
LEVEL_GAPS = (3, 30, 300)

# Newton's method at one temperature: residuals in units of the per-capita surplus.
#: Newton iterations per temperature.
NEWTON_STEPS = 25
#: Residual at which Newton's method has converged.
NEWTON_CONVERGED = 1e-12
#: Residual accepted when the line search stalls (the rounding floor).
NEWTON_ACCEPTED = 1e-9
#: Shortest step of the backtracking line search.
SHORTEST_STEP = 1e-3

# The smoothed choice of one proposer.
#: Half-width, in temperatures, of the bracket around the cutoff.
CUTOFF_BRACKET = 60
#: Iterations of the safeguarded Newton search for the cutoff.
CUTOFF_ITERATIONS = 200
#: Relative error allowed in a row's number of seats.
SEATS_TOLERANCE = 1e-11
#: Width of the bracket, relative to the largest price, at which the cutoff is resolved.
CUTOFF_RESOLUTION = 4e-16


def soft_choice(c: np.ndarray, tau: float, seats: int, jacobian: bool = True):
    """Logit-smoothed coalition choice: pi[i, k] = sigma((lam_i - c_k) / tau), rows sum to
    ``seats``, and the derivative tensor D[i] = d pi[i, :] / d c."""
    from scipy.special import expit

    n = len(c)
    off = ~np.eye(n, dtype=bool)
    prices = np.where(off, c[None, :], np.inf)
    ordered = np.sort(prices, axis=1)
    lo = ordered[:, seats - 1] - CUTOFF_BRACKET * tau
    hi = ordered[:, min(seats, n - 2)] + CUTOFF_BRACKET * tau
    resolution = CUTOFF_RESOLUTION * max(float(np.abs(c).max()), 1e-300)
    lam = 0.5 * (ordered[:, seats - 1] + ordered[:, min(seats, n - 2)])
    for _ in range(CUTOFF_ITERATIONS):  # safeguarded Newton for the cutoff lam_i (per row)
        pi = expit((lam[:, None] - prices) / tau)
        excess = pi.sum(axis=1) - seats
        if np.all((np.abs(excess) < SEATS_TOLERANCE * max(seats, 1)) | (hi - lo <= resolution)):
            break
        low = excess < 0
        lo = np.where(low, lam, lo)
        hi = np.where(low, hi, lam)
        slope = (pi * (1 - pi)).sum(axis=1) / tau
        with np.errstate(divide="ignore", invalid="ignore"):
            step = lam - excess / slope
        inside = np.isfinite(step) & (step > lo) & (step < hi)
        lam = np.where(inside, step, 0.5 * (lo + hi))
    pi = expit((lam[:, None] - prices) / tau)
    pi[~off] = 0.0
    if not jacobian:
        return pi, None
    sp_ = pi * (1 - pi)
    total = np.maximum(sp_.sum(axis=1), 1e-300)
    d = (
        sp_[:, :, None] * sp_[:, None, :] / total[:, None, None]
        - sp_[:, :, None] * np.eye(n)[None, :, :]
    ) / tau
    return pi, d


def group_levels(c: np.ndarray, gap: float) -> list[list[int]]:
    """Players by ascending price, a new level wherever two neighbours differ by more than
    ``gap``."""
    order = np.argsort(c, kind="stable")
    levels = [[int(order[0])]]
    for j in order[1:]:
        if c[j] - c[levels[-1][-1]] <= gap:
            levels[-1].append(int(j))
        else:
            levels.append([int(j)])
    return levels


def try_structure(
    c: np.ndarray, gap: float, delta: np.ndarray, p: np.ndarray, s: float, quota: int, atol: float
):
    """Group near-equal prices into levels, solve for exact level prices, check them;
    ``(structure, pi)`` when they form an equilibrium within ``atol``, else None."""
    n = len(c)
    candidate = Structure(group_levels(c, gap), n, quota)
    level_c = level_prices(candidate, delta, p, s, nb.FLOAT)
    if level_c is None:
        return None
    level_c = np.array(level_c)
    if (np.diff(level_c) <= 0).any() or (level_c < 0).any():
        return None
    pi = inclusion(candidate, level_c, delta, p, s)
    if pi is None:
        return None
    v = level_c[candidate.level_of] / delta
    if residual(v, pi, delta, p, s, quota) <= atol:
        return candidate, pi
    return None


class _SmoothedGame:
    """The stationary-price equations of the logit-smoothed game and Newton's method on
    them; ``evaluations`` counts the evaluations of the system (bounded by
    ``MAX_EVALUATIONS``)."""

    def __init__(self, delta: np.ndarray, p: np.ndarray, s: float, quota: int) -> None:
        self.delta, self.p, self.s, self.seats = delta, p, s, quota - 1
        self.scale = s / len(p)
        self.evaluations = 0

    def system(self, c: np.ndarray, tau: float, jacobian: bool = True):
        """``(f, jac, pi)``: the residual ``f(c)`` of the price equations, its Jacobian."""
        self.evaluations += 1
        delta, p, s = self.delta, self.p, self.s
        pi, d = soft_choice(c, tau, self.seats, jacobian)
        cost = pi @ c
        x = p @ pi
        f = c * (1 - delta * x) - delta * p * (s - cost)
        if not jacobian:
            return f, None, pi
        dcost = pi + np.einsum("k,jkl->jl", c, d)
        dx = np.einsum("i,ijl->jl", p, d)
        jac = np.diag(1 - delta * x) - (c * delta)[:, None] * dx + (delta * p)[:, None] * dcost
        return f, jac, pi

    def newton(self, c: np.ndarray, tau: float):
        """Newton's method with backtracking; returns (prices, pi, converged)."""
        converged, accepted = NEWTON_CONVERGED * self.scale, NEWTON_ACCEPTED * self.scale
        f, jac, pi = self.system(c, tau)
        norm = float(np.max(np.abs(f)))
        for _ in range(NEWTON_STEPS):
            if self.evaluations > MAX_EVALUATIONS:
                break
            if norm < converged:
                return c, pi, True
            try:
                step = np.linalg.solve(jac, -f)
            except np.linalg.LinAlgError:
                return c, pi, False
            t = 1.0
            while t > SHORTEST_STEP:
                trial = np.maximum(c + t * step, 0.0)
                f_trial = self.system(trial, tau, False)[0]
                if float(np.max(np.abs(f_trial))) < norm:
                    break
                t *= 0.5
            else:
                return c, pi, norm < accepted  # stuck (or at the rounding floor)
            c = trial
            f, jac, pi = self.system(c, tau)
            norm = float(np.max(np.abs(f)))
        return c, pi, norm < accepted


def find_structure(delta: np.ndarray, p: np.ndarray, s: float, quota: int, atol: float):
    """Which votes each proposer buys, found on the smoothed game as its temperature falls
    to ``TEMPERATURE_FLOOR`` of the per-capita surplus.

    After each temperature below ``POLISH_BELOW`` the exact structure is tried; returns
    ``("exact", structure, pi)``, or ``("smoothed", prices, pi)`` when none was found.
    """
    game = _SmoothedGame(delta, p, s, quota)
    scale = game.scale
    c = delta * p * s
    tau, factor = START_TEMPERATURE * scale, START_FACTOR
    c, pi, ok = game.newton(c, tau)
    budget = CONTINUATION_STEPS
    while tau > TEMPERATURE_FLOOR * scale and budget > 0 and game.evaluations <= MAX_EVALUATIONS:
        budget -= 1
        trial_tau = tau * factor
        c_new, pi_new, ok = game.newton(c, trial_tau)
        if not ok:  # too big a step: take a smaller one
            factor = factor**0.5
            if factor > LARGEST_FACTOR:
                break
            continue
        tau, c, pi = trial_tau, c_new, pi_new
        factor = max(factor * factor, SMALLEST_FACTOR) if factor < 0.5 else factor * factor
        if tau < POLISH_BELOW * scale:
            for gap in LEVEL_GAPS:
                found = try_structure(c, gap * tau, delta, p, s, quota, atol)
                if found is not None:
                    return ("exact", *found)
    return "smoothed", c, pi
