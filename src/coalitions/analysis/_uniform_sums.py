"""Quantiles of a sum of independent uniform variables, from its exact distribution.

A linear value's payoff under independent uniform worths is

    x = mean + sum_m s_m (U_m - 1/2),   U_m ~ U(0, 1) independent, s_m > 0

(``s_m = |C[i, m]| * width_m``; the sign of a coefficient does not change the distribution,
which is symmetric about ``mean``). Two ways to its quantiles, neither sampling:

* **closed form** (``"exact"``): ``Y = sum_m s_m U_m`` has the distribution function

      F(y) = sum over J of (-1)^|J| (y - s(J))_+^M / (M! prod_m s_m)

  over the subsets J of the terms (Barrow and Smith 1979), evaluated in integer arithmetic
  (the s_m are rational: a float is a binary fraction), so F is exact at every point and the
  quantile is the root of ``F(y) = level`` to float precision. Equal s_m are grouped, so
  there are ``prod_d (k_d + 1)`` terms for ``k_d`` copies of each distinct value.
* **inversion** (``"inversion"``), when the closed form has too many terms: the
  Gil-Pelaez formula

      P(x - mean <= t) = 1/2 + (1/pi) int_0^oo sin(t u) phi(u) / u du,
      phi(u) = prod_m sinc(s_m u / 2),

  integrated by composite Gauss-Legendre on ``[0, U]``, with ``U`` chosen from bounds on
  ``|phi|`` so that the tail is below :data:`TAIL`, and the panels doubled until the
  distribution function at the quantiles changes by less than :data:`QUADRATURE_TOL`.

References: J. A. Barrow and P. W. Smith, "Spline notation applied to a volume problem",
*American Mathematical Monthly* 86 (1979) 50-51; J. Gil-Pelaez, "Note on the inversion
theorem", *Biometrika* 38 (1951) 481-482.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction
from itertools import product
from typing import Any

import numpy as np

__all__ = ["EXACT_TERMS", "INVERSION_WORK", "uniform_sum_quantiles"]

#: Most terms of the closed form (grouped subsets); beyond it the inversion is used.
EXACT_TERMS = 4096
#: Most evaluations of ``sinc`` (terms times quadrature nodes) for the inversions of one
#: call (all payoffs); beyond it the quantiles are left to the draws.
INVERSION_WORK = 60_000_000
#: Bound on the neglected tail of the inversion integral (a probability).
TAIL = 1e-13
#: Largest change of the distribution function at the quantiles when the panels double.
QUADRATURE_TOL = 1e-11
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(16)
_MAX_PANELS = 1 << 14


def uniform_sum_quantiles(
    scales: list[Any], levels: tuple[float, ...], *, work: float = INVERSION_WORK
) -> tuple[list[float], str] | None:
    """The quantiles at ``levels`` of ``sum_m scales[m] (U_m - 1/2)`` and how they were found
    (``"exact"`` or ``"inversion"``), or None when both ways are beyond their budgets (the
    inversion's: ``work`` evaluations of ``sinc``).

    ``scales`` are rationals (int, Fraction) or floats (their absolute values count); zeros
    are dropped.
    """
    values = [abs(s) for s in scales if s != 0]
    if not values:
        return [0.0] * len(levels), "exact"
    counts = Counter(values)
    if math.prod(k + 1 for k in counts.values()) <= EXACT_TERMS:
        exact: Counter = Counter()
        for value, k in counts.items():  # a float is a binary fraction: exactly this one
            exact[Fraction(value)] += k
        return _closed_form(exact, levels), "exact"
    found = _inversion(np.array([float(v) for v in values]), levels, work)
    return None if found is None else (found, "inversion")


def _closed_form(counts: Counter, levels: tuple[float, ...]) -> list[float]:
    values = sorted(counts)
    denominator = math.lcm(*(v.denominator for v in values))
    steps = [int(v * denominator) for v in values]  # integer scales
    total = sum(step * counts[v] for step, v in zip(steps, values))
    # evaluate at y = n / (denominator * grid): a grid finer than a float's resolution
    grid = 1 << max(0, 62 - total.bit_length())
    m = sum(counts.values())
    terms: dict[int, int] = {}
    for taken in product(*(range(counts[v] + 1) for v in values)):
        shift = sum(j * step for j, step in zip(taken, steps)) * grid
        sign = -1 if sum(taken) % 2 else 1
        coefficient = sign * math.prod(math.comb(counts[v], j) for v, j in zip(values, taken))
        terms[shift] = terms.get(shift, 0) + coefficient
    ordered = sorted(terms.items())
    scale = math.factorial(m) * math.prod(step ** counts[v] for step, v in zip(steps, values))
    scale *= grid**m
    top = total * grid

    def cdf(point: float) -> float:
        n = min(max(round(point * grid * denominator), 0), top)
        acc = 0
        for shift, coefficient in ordered:
            if shift >= n:
                break
            acc += coefficient * (n - shift) ** m
        return acc / scale

    span = total / denominator
    out = []
    for level in levels:
        if level <= 0:
            out.append(-span / 2)
        elif level >= 1:
            out.append(span / 2)
        elif level > 0.5:  # the distribution is symmetric about its centre
            out.append(-_root(cdf, 1 - level, span) + span / 2)
        else:
            out.append(_root(cdf, level, span) - span / 2)
    return out


def _root(cdf, level: float, span: float) -> float:
    """The point of ``[0, span / 2]`` where ``cdf`` reaches ``level`` (0 < level <= 1/2; the
    median is the centre, ``span / 2``)."""
    if level == 0.5 or cdf(span / 2) <= level:
        return span / 2
    from scipy.optimize import brentq  # on first use: scipy.optimize takes 0.4 s to import

    return float(brentq(lambda y: cdf(y) - level, 0.0, span / 2, xtol=span * 1e-16, rtol=1e-15))


def _cutoff(s: np.ndarray) -> float:
    """A ``U`` with ``int_U^oo |phi(u)| / u du <= TAIL``, the smaller of two bounds.

    * Power: ``|sinc(z)| <= min(1, 1 / |z|)``, so over the ``K`` largest scales
      ``|phi(u)| <= prod_k 2 / (s_k u)`` for ``u >= 2 / s_K``, whose tail beyond ``U`` is
      ``prod_k (2 / s_k) / (K U^K)``; the best ``K`` is taken.
    * Gaussian: ``sinc(z) <= exp(-z^2 / 6)`` for ``|z| <= pi``, so up to ``2 pi / max s``,
      ``|phi(u)| <= exp(-c u^2)`` with ``c = sum s^2 / 24``; its tail from ``U`` to that edge
      is at most ``exp(-c U^2) log(edge / U)``, and the power bound covers the rest.
    """
    top = np.sort(s)[::-1][:64]
    sizes = np.arange(1, top.size + 1)
    logs = np.cumsum(np.log(2.0 / top))  # log prod_{k <= K} 2 / s_k

    def power_tail_from(u: float) -> float:
        valid = 2.0 / top <= u
        if not np.any(valid):
            return math.inf
        return float(np.min(np.exp(logs[valid] - sizes[valid] * math.log(u)) / sizes[valid]))

    starts = np.maximum(2.0 / top, np.exp((logs - np.log(sizes * TAIL)) / sizes))
    power = float(np.min(starts))
    c = float(np.sum(s * s)) / 24
    edge = 2 * math.pi / float(top[0])
    gauss = math.sqrt(math.log(1 / TAIL) / c)
    if gauss < min(edge, power):
        within = math.exp(-c * gauss * gauss) * math.log(edge / gauss)
        if within + power_tail_from(edge) <= TAIL:
            return gauss
    return power


def _inversion(s: np.ndarray, levels: tuple[float, ...], work: float) -> list[float] | None:
    cutoff = _cutoff(s)
    half = float(np.sum(s)) / 2
    inner = [min(q, 1 - q) for q in levels if 0 < q < 1]  # by symmetry: the lower tail
    panels = 16
    earlier: list[float] | None = None
    spent = 0
    while panels <= _MAX_PANELS and spent + s.size * panels * _NODES.size <= work:
        spent += s.size * panels * _NODES.size
        cdf = _quadrature(s, cutoff, panels)
        if earlier is not None and all(
            abs(cdf(t) - q) < QUADRATURE_TOL for t, q in zip(earlier, inner)
        ):
            found = iter(_lower_root(cdf, q, half) for q in inner)
            return [
                -half if q <= 0 else half if q >= 1 else (t if q <= 0.5 else -t)
                for q, t in ((q, next(found) if 0 < q < 1 else 0.0) for q in levels)
            ]
        earlier = [_lower_root(cdf, q, half) for q in inner]
        panels *= 2
    return None


def _quadrature(s: np.ndarray, cutoff: float, panels: int):
    """The Gil-Pelaez distribution function of ``sum s_m (U_m - 1/2)`` by composite
    Gauss-Legendre with ``panels`` panels of 16 nodes on ``[0, cutoff]``."""
    edges = np.linspace(0.0, cutoff, panels + 1)
    centre, radius = (edges[1:] + edges[:-1]) / 2, (edges[1:] - edges[:-1]) / 2
    u = (centre[:, None] + radius[:, None] * _NODES[None, :]).ravel()
    phi = np.ones_like(u)
    for start in range(0, s.size, 256):  # numpy's sinc is sin(pi x) / (pi x)
        phi *= np.prod(np.sinc(np.outer(s[start : start + 256], u) / (2 * np.pi)), axis=0)
    weights = (radius[:, None] * _WEIGHTS[None, :]).ravel() * phi / u / np.pi

    def cdf(t: float) -> float:
        return 0.5 + float(np.dot(weights, np.sin(t * u)))

    return cdf


def _lower_root(cdf, level: float, half: float) -> float:
    """The point of ``[-half, 0]`` where ``cdf`` reaches ``level`` (0 < level <= 1/2)."""
    if level == 0.5:
        return 0.0
    if cdf(-half) >= level:
        return -half
    from scipy.optimize import brentq  # on first use: scipy.optimize takes 0.4 s to import

    return float(brentq(lambda t: cdf(t) - level, -half, 0.0, xtol=half * 1e-15, rtol=1e-15))
