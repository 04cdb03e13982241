r"""Leech's major/minor approximation of the Shapley-Shubik index of a large weighted body.

Owen's multilinear extension writes the index as an integral over the common yes-probability
``t``: :math:`\phi_i = \int_0^1 P_t(q - w_i \le W_{-i} < q)\,dt`, where ``W_{-i}`` is the
weight of the others when each votes yes independently with probability ``t``. Leech (2003)
splits the members into the ``m`` largest ("majors"), enumerated exactly (``2**m`` subsets),
and the rest ("minors"), whose total weight is approximately normal with mean
``t * sum w`` and variance ``t (1 - t) * sum w**2`` (the central limit theorem; a continuity
correction of one half because the weights are integers). A minor's own weight is removed
from the minors' sum before its pivot probability is taken. The integral over ``t`` is a
composite Gauss-Legendre rule.

Error bound: for each ``t`` the Kolmogorov distance between the minors' sum and its normal
approximation is at most the Berry-Esseen bound ``C * sum E|X_j - E X_j|**3 / sigma**3`` with
``C = 0.56`` for non-identically distributed summands (Shevtsova 2010). For a Bernoulli(t)
vote of weight ``w``, ``E|X - tw|**3 = w**3 t (1 - t) (t**2 + (1 - t)**2)``, so the bound is
``C * rho * (t**2 + (1 - t)**2) / sqrt(t (1 - t))`` with ``rho = sum w**3 / (sum w**2)**1.5``.
A pivot probability is a difference of two distribution functions, mixed over the majors'
subsets with probabilities summing to one, so its error is at most twice that; integrated over
``t`` (``int_0^1 (t**2 + (1 - t)**2) / sqrt(t (1 - t)) dt = 3 pi / 4``) each member's index is
within ``min(1, 2 * C * rho_i * 3 pi / 4)`` of the normal-approximation integral. The
quadrature error is estimated (not bounded) by the difference between the rule and one with
half the panels; the reported bound adds it.

References: Leech, D. (2003). Computing power indices for large voting games. *Management
Science* 49(6). Shevtsova, I. G. (2010). An improvement of convergence rate estimates in the
Lyapunov theorem. *Doklady Mathematics* 82(3), 862-864.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["BERRY_ESSEEN_CONSTANT", "DEFAULT_MAJORS", "major_minor_shapley_shubik", "majors_cut"]

#: Shevtsova (2010): sup |F_n - Phi| <= 0.56 * sum E|X_j|^3 / B_n^3 for independent,
#: non-identically distributed summands with finite third moments.
BERRY_ESSEEN_CONSTANT = 0.56
#: How many of the largest members are enumerated exactly by default (2**m subsets).
DEFAULT_MAJORS = 10
#: Gauss-Legendre nodes per panel of the composite rule in t.
_NODES_PER_PANEL = 8
#: Panels of the finer rule (the coarser one, for the quadrature estimate, has half).
_PANELS = 16


def _subset_sums(weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sums and sizes of the ``2**len(weights)`` subsets, built by doubling (no bit loop)."""
    sums = np.zeros(1, dtype=np.float64)
    sizes = np.zeros(1, dtype=np.int64)
    for w in weights:
        sums = np.concatenate([sums, sums + float(w)])
        sizes = np.concatenate([sizes, sizes + 1])
    return sums, sizes


def _rule(panels: int) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights of the composite Gauss-Legendre rule on [0, 1]."""
    x, w = np.polynomial.legendre.leggauss(_NODES_PER_PANEL)
    edges = np.linspace(0.0, 1.0, panels + 1)
    half = np.diff(edges)[:, None] / 2.0
    nodes = (edges[:-1, None] + half * (x[None, :] + 1.0)).ravel()
    return nodes, (half * w[None, :]).ravel()


def _interval_probability(
    low: np.ndarray, high: np.ndarray, mean: np.ndarray, sd: np.ndarray
) -> np.ndarray:
    """``P(low <= S < high)`` for an integer-valued ``S`` approximated by ``N(mean, sd**2)``
    with the continuity correction; an exact indicator where ``sd`` is zero (``S = 0``)."""
    from scipy.special import ndtr  # imported on use: scipy.special costs 0.1-0.3 s to load

    if np.all(sd > 0.0):
        scale = 1.0 / sd
        shift = mean + 0.5
        return ndtr((high - shift) * scale) - ndtr((low - shift) * scale)
    with np.errstate(divide="ignore", invalid="ignore"):
        upper = ndtr((high - 0.5 - mean) / sd)
        lower = ndtr((low - 0.5 - mean) / sd)
    degenerate = ((low <= 0.0) & (0.0 < high)).astype(np.float64)
    return np.where(sd > 0.0, upper - lower, degenerate)


def _integrals(
    majors: np.ndarray, minors: np.ndarray, quota: int, nodes: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """The index of the majors then the minors under the normal approximation."""
    m = len(majors)
    minors_f = minors.astype(np.float64)
    s1, s2 = float(minors_f.sum()), float(np.square(minors_f).sum())
    sums, sizes = _subset_sums(majors)
    # major j meets the subsets with bit j clear; a minor of a given weight meets all of them
    clear = ((np.arange(len(sums))[None, :] >> np.arange(m)[:, None]) & 1) == 0
    major_low = quota - majors.astype(np.float64)[:, None] - sums[None, :]
    distinct, back = np.unique(minors_f, return_inverse=True)
    rest_mean = s1 - distinct
    rest_var = np.maximum(s2 - np.square(distinct), 0.0)
    minor_low = quota - distinct[:, None] - sums[None, :]
    high = quota - sums[None, :]
    major_out = np.zeros(m)
    minor_out = np.zeros(len(distinct))
    for t, weight in zip(nodes, weights):
        u = 1.0 - t
        if m:
            # the minors' whole sum is normal; the other majors are enumerated
            prob = np.where(clear, t**sizes * u ** (m - 1 - sizes), 0.0)
            hits = _interval_probability(
                major_low, high, np.full(1, t * s1), np.full(1, math.sqrt(t * u * s2))
            )
            major_out += weight * np.einsum("js,js->j", prob, hits)
        # a minor: every majors' subset, the minors' sum without the member
        prob = t**sizes * u ** (m - sizes)
        hits = _interval_probability(
            minor_low, high, (t * rest_mean)[:, None], np.sqrt(t * u * rest_var)[:, None]
        )
        minor_out += weight * (hits @ prob)
    return np.concatenate([major_out, minor_out[back]])


def majors_cut(descending: np.ndarray, majors: int) -> int:
    """How many of the largest members to enumerate: at most ``majors``, and never splitting
    members of equal weight between the two groups (symmetric members get equal shares)."""
    m = min(majors, len(descending))
    while 0 < m < len(descending) and descending[m - 1] == descending[m]:
        m -= 1
    return m


def major_minor_shapley_shubik(
    int_weights: list[int], quota: int, majors: int = DEFAULT_MAJORS
) -> tuple[np.ndarray, np.ndarray, float, int]:
    """Leech's approximation of the Shapley-Shubik index of the weighted game ``[q; w]``.

    Returns ``(index, bound, quadrature, m)``: the index in the players' order, each player's
    error bound (Berry-Esseen, plus the quadrature estimate), the quadrature estimate alone and
    the number of members enumerated exactly.
    """
    # floats: an approximation needs no exact sums, and weights may exceed int64
    w = np.asarray([float(v) for v in int_weights], dtype=np.float64)
    n = len(w)
    order = np.argsort(-w, kind="stable")
    m = majors_cut(w[order], majors)
    big, small = w[order[:m]], w[order[m:]]
    fine = _integrals(big, small, quota, *_rule(_PANELS))
    coarse = _integrals(big, small, quota, *_rule(_PANELS // 2))
    quadrature = float(np.max(np.abs(fine - coarse))) if n else 0.0
    # Berry-Esseen per member: the minors' sum it faces (all minors for a major, the others
    # for a minor); a sum of fewer than one nonzero term is exact (zero variance or empty)
    cubes, squares = np.power(small.astype(np.float64), 3), np.square(small.astype(np.float64))
    c3 = np.concatenate([np.full(m, cubes.sum()), cubes.sum() - cubes])
    c2 = np.concatenate([np.full(m, squares.sum()), squares.sum() - squares])
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = np.where(c2 > 0.0, c3 / np.power(c2, 1.5), 0.0)
    berry_esseen = np.minimum(1.0, 2.0 * BERRY_ESSEEN_CONSTANT * rho * 3.0 * math.pi / 4.0)
    index = np.empty(n)
    bound = np.empty(n)
    index[order] = fine
    bound[order] = berry_esseen + quadrature
    return index, bound, quadrature, m
