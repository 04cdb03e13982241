r"""Shapley-Shubik index of a large weighted body from one weight distribution per node.

Owen's multilinear extension writes the index as an integral over a common yes-probability
``t``,

.. math:: \phi_i = \int_0^1 g_i(t)\,dt, \qquad g_i(t) = P_t(q - w_i \le Y_{-i} < q),

with ``Y_{-i}`` the yes-weight of the others when each votes yes with probability ``t``.
``g_i`` is a polynomial of degree ``n - 1``, and the method rests on three facts.

*Leave-one-out by windows.* Let ``G(x) = P_t(Y < x)`` be the distribution function of the
whole body's yes-weight. Dividing the generating function by player i's factor
``(1 - t) + t x^{w_i}`` and summing over the window gives, with ``c = t / (1 - t)``,

.. math:: g_i(t) = \frac{1}{1 - t} \sum_{r \ge 0} (-c)^r
          \bigl[G(q - r w_i) - G(q - (r + 1) w_i)\bigr],

a finite sum (``G`` vanishes below 0) of the masses of the windows of width ``w_i`` that tile
``[0, q)``. For ``t <= 1/2`` every coefficient is at most one in size, so rounding errors do
not grow; a node ``t > 1/2`` is read from the mirrored body instead (the no-weight, each member
voting no with probability ``1 - t``, against the quota ``T - q + 1``), so one distribution at
``t <= 1/2`` serves the node pair ``t, 1 - t``. Each player costs ``q / w_i`` look-ups instead
of a pass over the ``q`` weights.

*One distribution a node pair.* ``G`` is built once per pair by the product of the members'
factors, the lightest first, so that the support grows only as the weights add up.

*Certified quadrature with fewer nodes.* Gauss-Legendre with ``n // 2 + 1`` nodes is exact,
but fewer suffice with a proven bound: ``g_i`` is entire, and on the Bernstein ellipse
``E_rho`` (foci 0 and 1, ``rho = e^a``) ``|g_i(t)| <= (|t| + |1 - t|)^{n-1} = cosh(a)^{n-1}``
(every coalition counted), so the ``k``-node rule errs by at most
``(32/15) cosh(a)^{n-1} rho^{-2(k-1)} / (rho^2 - 1)`` for every ``a > 0`` (Trefethen 2013,
Theorem 19.3, whose rule has ``k - 1 = n`` in its numbering, halved for the interval
[0, 1]). The least ``k`` whose best bound meets the
tolerance is used.

The error bound returned for each player adds that quadrature bound, the rounding of the
distributions, distribution functions and window sums under the standard model of floating
point (every operation correct to a relative ``eps``; first order), the nodes left out
because a Chernoff bound shows their contribution is negligible, and the tail of any window
series cut where its coefficients fall below ``1e-300``.

References: Owen, G. (1972). Multilinear extensions of games. *Management Science* 18(5),
64-79. Leech, D. (2003). Computing power indices for large voting games. *Management Science*
49(6), 831-837. Trefethen, L. N. (2013). *Approximation Theory and Approximation Practice*.
SIAM, ch. 19.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

__all__ = ["MAX_SERIES_LENGTH", "quadrature_rule", "window_series_shapley_shubik"]

#: Longest distribution (entries, the larger of the quota and the mirrored quota) the method
#: builds: about five arrays of that length are alive at once (the distribution, its scratch,
#: the running sums), 8 bytes an entry, so at most about 2 GB.
MAX_SERIES_LENGTH = 50_000_000
#: Default bound on the quadrature error of each index.
QUADRATURE_TOLERANCE = 1e-13
_EPS = float(np.finfo(np.float64).eps)
#: Members multiplied in between two rescalings of the distribution (each factor is at most
#: 2 before the rescaling, so nothing overflows).
_RESCALE_EVERY = 64
#: Entries below this are set to zero at each rescaling (no subnormal arithmetic); the mass
#: dropped is counted in the error bound.
_FLOOR = 1e-250


def _log_quadrature_bound(n: int, k: int) -> float:
    """log of the best Bernstein-ellipse bound on the k-node Gauss-Legendre error for a
    polynomial of degree ``n - 1`` bounded as above (minus infinity when the rule is exact)."""
    if 2 * k - 1 >= n - 1:
        return -math.inf
    from scipy.optimize import minimize_scalar

    def log_bound(a: float) -> float:
        # log cosh a, computed without overflow
        log_cosh = a + math.log1p(math.exp(-2 * a)) - math.log(2.0)
        return (
            math.log(32 / 15) + (n - 1) * log_cosh - 2 * (k - 1) * a - math.log(math.expm1(2 * a))
        )

    found = minimize_scalar(log_bound, bounds=(1e-9, 50.0), method="bounded")
    return float(found.fun)


@lru_cache(maxsize=64)
def quadrature_rule(n: int, tolerance: float) -> tuple[np.ndarray, np.ndarray, float]:
    """The fewest-node Gauss-Legendre rule on [0, 1] whose proven error for every index of an
    ``n``-member body is at most ``tolerance``: nodes, weights and the bound (0 when exact).

    >>> t, w, bound = quadrature_rule(190, 1e-13)
    >>> len(t) < 190 // 2 + 1, bound <= 1e-13, round(float(w.sum()), 12)
    (True, True, 1.0)
    """
    exact = n // 2 + 1
    log_tol = math.log(tolerance)
    lo, hi = 1, exact
    while lo < hi:  # the least k whose bound meets the tolerance (the bound falls with k)
        mid = (lo + hi) // 2
        if _log_quadrature_bound(n, mid) <= log_tol:
            hi = mid
        else:
            lo = mid + 1
    nodes, weights = np.polynomial.legendre.leggauss(lo)
    bound = math.exp(_log_quadrature_bound(n, lo))
    t, w = (nodes + 1.0) / 2.0, weights / 2.0
    t.flags.writeable = w.flags.writeable = False  # cached: shared by every caller
    return t, w, bound


def _distribution(ascending: np.ndarray, t: float, length: int) -> tuple[np.ndarray, float]:
    """``P_t(Y = x)`` for ``x < length`` (each member yes with probability ``t <= 1/2``), and
    the mass set to zero below ``_FLOOR``. Factors ``1 + c x^w`` with ``c = t / (1 - t)``,
    rescaled by ``(1 - t)`` every ``_RESCALE_EVERY`` members."""
    c = t / (1.0 - t)
    f = np.zeros(length)
    f[0] = 1.0
    scratch = np.empty(length)
    support, pending, dropped = 1, 0, 0.0
    for w in ascending.tolist():
        new = min(length, support + w)
        if w < new:
            part = scratch[: new - w]
            np.multiply(f[: new - w], c, out=part)
            f[w:new] += part
        support, pending = new, pending + 1
        if pending == _RESCALE_EVERY:
            f[:support] *= (1.0 - t) ** pending
            tiny = f[:support] < _FLOOR
            dropped += float(f[:support][tiny].sum()) + _FLOOR * float(np.count_nonzero(tiny))
            f[:support][tiny] = 0.0
            pending = 0
    if pending:
        f[:support] *= (1.0 - t) ** pending
    return f, dropped


def _block(length: int) -> int:
    """Block length of the two-level running sum: about the square root of the length, so
    that the rounding grows with ``2 sqrt(length)``, not with ``length``."""
    return max(16, math.isqrt(length))


def _distribution_function(f: np.ndarray) -> np.ndarray:
    """``G[x] = sum(f[:x])`` for ``x = 0 .. len(f)``, a running sum within blocks plus the
    running sum of the blocks' totals."""
    length = len(f)
    block = _block(length)
    blocks = -(-length // block)
    padded = np.zeros(blocks * block)
    padded[:length] = f
    inner = np.cumsum(padded.reshape(blocks, block), axis=1)
    offsets = np.concatenate(([0.0], np.cumsum(inner[:, -1])[:-1]))
    inner += offsets[:, None]
    return np.concatenate(([0.0], inner.reshape(-1)[:length]))


def _windows(
    G: np.ndarray, weights: np.ndarray, quota: int, t: float, error_G: float
) -> tuple[np.ndarray, np.ndarray]:
    """``g_i(t)`` for each (positive) weight by the window series, and its error bound."""
    c = t / (1.0 - t)
    windows = -(-quota // weights)  # windows of width w tiling [0, quota)
    if c < 1.0:  # the series is cut where c**r < 1e-300; the rest is bounded below
        windows = np.minimum(windows, math.ceil(-690.8 / math.log(c)) + 1)
    group = np.repeat(np.arange(len(weights)), windows)
    starts = np.cumsum(windows) - windows
    r = np.arange(int(windows.sum())) - np.repeat(starts, windows)
    w = weights[group]
    upper = quota - r * w
    lower = np.maximum(upper - w, 0)
    masses = G[upper] - G[lower]
    coefficients = (-c) ** r
    value = np.bincount(group, coefficients * masses, minlength=len(weights)) / (1.0 - t)
    magnitude = np.bincount(group, np.abs(coefficients), minlength=len(weights))
    terms = np.bincount(group, np.abs(coefficients * masses), minlength=len(weights))
    # rounding of G (each end), of the differences and of the sum; the series' tail
    rounding = magnitude * (2.0 * error_G + 2.0 * _EPS) + (windows + 4) * _EPS * terms
    cut = -(-quota // weights) > windows
    tail = np.where(cut, c ** windows.astype(np.float64), 0.0)
    return value, (rounding + tail) / (1.0 - t) + 4.0 * _EPS * np.abs(value)


def window_series_shapley_shubik(
    weights: Sequence[int], quota: int, *, tolerance: float = QUADRATURE_TOLERANCE
) -> tuple[np.ndarray, np.ndarray, int]:
    """Shapley-Shubik index of the weighted game ``[quota; weights]`` (non-negative integers,
    ``0 < quota <= sum(weights)``): the indices, a bound on each one's error, and the number
    of quadrature nodes (see the module docstring).

    >>> x, bound, nodes = window_series_shapley_shubik([7] * 5 + [1] * 10, 39)
    >>> round(float(x[0]), 12), round(float(x[5]), 12), bool(bound.max() < 1e-12)
    (0.19627039627, 0.001864801865, True)
    """
    w = np.asarray(list(weights), dtype=np.int64)
    n = len(w)
    total = int(sum(int(v) for v in weights))
    mirrored = total - quota + 1
    length = max(quota, mirrored)
    ascending = np.sort(w[w > 0])
    distinct, member = np.unique(w, return_inverse=True)
    positive = distinct > 0
    t_nodes, t_weights, quadrature = quadrature_rule(max(n, 1), tolerance)
    k = len(t_nodes)
    index = np.zeros(len(distinct))
    bound = np.full(len(distinct), quadrature + 2.0 * k * _EPS)
    # the error bound of each G value: the products (two roundings a member, one a
    # rescaling), the running sum (a block plus the block offsets) and the dropped mass
    products = (2 * n + 2 * (n // _RESCALE_EVERY + 1) + 2) * _EPS
    summing = (_block(length) + length // _block(length) + 2) * _EPS
    for j in range(k):
        t = float(t_nodes[j])
        if t > 0.5:
            continue
        partner = k - 1 - j
        f, dropped = _distribution(ascending, t, length)
        G = _distribution_function(f)
        error_G = products + summing + dropped
        reads = [(quota, j)] if partner == j else [(quota, j), (mirrored, partner)]
        for q, node in reads:
            value, err = _windows(G, distinct[positive], q, t, error_G)
            index[positive] += t_weights[node] * value
            bound[positive] += t_weights[node] * err
    index[~positive] = 0.0
    bound[~positive] = 0.0
    return index[member], bound[member], k
