r"""Baron-Ferejohn with a quota and veto players: the threshold structure, in O(n log n).

Every passing coalition holds the veto players ``V`` and ``q`` members in all. A proposer
buys the other veto players and then the cheapest members of the *pool* (the others): a
pool proposer ``r = max(q, |V|) - 1 - |V|`` of them, a veto proposer ``r + e`` (``e = 1``
when ``q > |V|``, else 0). In the stationary equilibrium the pool splits at a threshold
price ``t``: the *cheap* members (price below ``t``) are bought by every other proposer, the
*marginal* ones (price ``t``) by some, the *expensive* ones by none. With
``R = S - C_V - B`` the share a non-cheap pool proposer keeps (``C_V`` the veto players'
prices, ``B`` the pool seats' cost) and ``rho = R / t``, member j is bought with probability

.. math:: x_j(\rho) = \operatorname{clip}\big(1/\delta_j - p_j \rho,\; 0,\; 1 - p_j\big),

and the pool's demand fixes ``rho``: :math:`\sum_{j \in P} x_j(\rho) = r + e\,p(V)`
(a piecewise-linear, non-increasing function of ``rho``, solved on its breakpoints). The
prices then follow in closed form (cheap and veto members ``delta p (R - t)/(1 - delta)``,
expensive ``delta p R``, ``e t`` for veto members), and ``t`` from the budget
:math:`t = S / (\rho + A_V(\rho - e) + A_K(\rho - 1) + r - L)`,
:math:`A = \sum \delta_k p_k / (1 - \delta_k)` over the veto (``V``) and cheap (``K``, ``L``
of them) members. Every step is linear once the three classes are known, so rational inputs
give exact prices. Which marginal members each proposer includes is a transportation
problem, solved as a sparse LP (proposers outside the marginal class share one mixing per
class).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .. import _numbers as nb
from .._lp import solve_lp

__all__ = ["threshold_equilibrium"]

#: Denominator bounds tried, in turn, when an exact game's mixing probabilities (floats from
#: the LP) are rationalised; the first that satisfies every constraint exactly is kept.
RATIONAL_DENOMINATORS = (10**3, 10**6, 10**9, 10**12)

#: Rounding allowed (floats) when a constructed mixing probability is checked against
#: [0, 1] or a row against its seats.
FLOAT_SLACK = 1e-12


class _Classes:
    """The pool's split at the threshold: boolean masks over the pool, and ``rho``."""

    def __init__(self, cheap: np.ndarray, marginal: np.ndarray, rho) -> None:
        self.cheap, self.marginal, self.rho = cheap, marginal, rho


def _float_classes(d: np.ndarray, p: np.ndarray, demand: float) -> _Classes | None:
    """Solve ``sum_j x_j(rho) = demand`` on the breakpoints of the piecewise-linear sum."""
    lo = (1 / d - 1 + p) / p  # x_j = 1 - p_j for rho <= lo_j
    hi = 1 / (d * p)  # x_j = 0 for rho >= hi_j
    points = np.unique(np.concatenate([lo, hi]))
    totals = np.clip(1 / d[None, :] - p[None, :] * points[:, None], 0, 1 - p[None, :]).sum(1)
    # totals is non-increasing in rho: the segment where it crosses the demand
    below = np.nonzero(totals <= demand)[0]
    if not len(below) or totals[0] < demand:
        return None
    k = int(below[0])
    if k == 0:
        return None  # demand met only where every member is cheap: no threshold
    a, b = points[k - 1], points[k]
    cheap, marginal = lo >= b, (lo < b) & (hi > a)
    if not marginal.any():
        return None
    rho = (np.sum(1 - p[cheap]) + np.sum(1 / d[marginal]) - demand) / p[marginal].sum()
    return _Classes(cheap, marginal, float(rho))


def _exact_classes(d: list, p: list, demand, classes: _Classes, kind: str) -> _Classes | None:
    """Re-solve ``rho`` exactly from a float split, re-classifying until it is consistent."""
    one = nb.constant(1, kind)
    cheap, marginal = classes.cheap.copy(), classes.marginal.copy()
    for _ in range(4):
        if not marginal.any():
            return None
        mass = sum((p[j] for j in np.nonzero(marginal)[0]), nb.constant(0, kind))
        if mass <= 0:
            return None
        rho = (
            sum((one - p[j] for j in np.nonzero(cheap)[0]), nb.constant(0, kind))
            + sum((one / d[j] for j in np.nonzero(marginal)[0]), nb.constant(0, kind))
            - demand
        ) / mass
        lo = [(one / d[j] - one + p[j]) / p[j] for j in range(len(d))]
        hi = [one / (d[j] * p[j]) for j in range(len(d))]
        new_cheap = np.array([lo[j] > rho for j in range(len(d))])
        new_exp = np.array([hi[j] < rho for j in range(len(d))])
        new_marginal = ~new_cheap & ~new_exp
        # members exactly at a breakpoint may sit in either class: keep the float choice
        at_edge = np.array([lo[j] == rho or hi[j] == rho for j in range(len(d))])
        new_cheap = np.where(at_edge, cheap, new_cheap)
        new_marginal = np.where(at_edge, marginal, new_marginal)
        if (new_cheap == cheap).all() and (new_marginal == marginal).all():
            return _Classes(cheap, marginal, rho)
        cheap, marginal = new_cheap, new_marginal
    return None


def threshold_equilibrium(delta: list, p: list, s, q: int, veto: list[int], kind: str):
    """``(values, prices, inclusion, proposer shares)`` of the quota game with veto players
    ``veto``, in the number kind ``kind``; None when the threshold structure does not apply
    (a pool member with recognition 0 priced at the threshold, or a degenerate split)."""
    n = len(delta)
    zero, one = nb.constant(0, kind), nb.constant(1, kind)
    is_veto = np.zeros(n, dtype=bool)
    is_veto[veto] = True
    pool = np.nonzero(~is_veto)[0]
    vetoes = np.nonzero(is_veto)[0]
    q_eff = max(q, len(vetoes))
    extra = 1 if q_eff > len(vetoes) else 0  # pool seats a veto proposer needs beyond r
    r = max(q_eff - 1 - len(vetoes), 0)
    p_veto = sum((p[v] for v in vetoes), zero)
    demand = r + extra * p_veto
    a_veto = sum((delta[v] * p[v] / (one - delta[v]) for v in vetoes), zero)
    prices = [zero] * n
    free = np.array([p[j] == 0 for j in pool], dtype=bool)  # never recognised: price 0
    zeros = int(free.sum())
    # every proposer who is ever recognised fills her pool seats with members of price 0
    if r <= zeros and (p_veto == 0 or r + extra <= zeros):
        remainder = s / (one + a_veto)
        for j in range(n):
            prices[j] = delta[j] * p[j] * remainder / ((one - delta[j]) if is_veto[j] else one)
        cheap_pool = np.zeros(len(pool), dtype=bool)
        t, b_cost, lead = zero, zero, 0
        seats = np.full(n, r)
        seats[vetoes] = r + extra
        pi = _cheapest_inclusion(n, is_veto, pool, prices, seats, kind)
        keep = [s - sum((pi[i, j] * prices[j] for j in range(n)), zero) for i in range(n)]
        values = [prices[j] / delta[j] for j in range(n)]
        return values, prices, pi, keep
    if len(pool) == 0:
        return None
    positive = pool[~free]
    pd = np.array([float(delta[j]) for j in positive])
    pp = np.array([float(p[j]) for j in positive])
    classes = _float_classes(pd, pp, float(demand) - int(free.sum()))
    if classes is None:
        return None
    if kind != nb.FLOAT:
        classes = _exact_classes(
            [delta[j] for j in positive],
            [p[j] for j in positive],
            demand - int(free.sum()),
            classes,
            kind,
        )
        if classes is None:
            return None
    cheap_pool, marginal_pool = free.copy(), np.zeros(len(pool), dtype=bool)
    cheap_pool[~free], marginal_pool[~free] = classes.cheap, classes.marginal
    rho = classes.rho
    count_cheap = int(cheap_pool.sum())
    lead = r - count_cheap  # marginal seats a non-cheap pool proposer buys
    need_marginal = lead + max(1 if count_cheap else 0, extra if len(vetoes) else 0)
    if lead < 0 or int(marginal_pool.sum()) < max(need_marginal, lead + 1):
        return None
    cheap_idx = pool[cheap_pool]
    a_cheap = sum((delta[k] * p[k] / (one - delta[k]) for k in cheap_idx), zero)
    t = s / (rho + a_veto * (rho - extra) + a_cheap * (rho - 1) + lead)
    keep_pool = rho * t  # R
    for k, is_cheap, is_marginal in zip(pool.tolist(), cheap_pool, marginal_pool):
        j = int(k)
        if is_cheap:
            prices[j] = delta[j] * p[j] * (keep_pool - t) / (one - delta[j])
        elif is_marginal:
            prices[j] = t
        else:
            prices[j] = delta[j] * p[j] * keep_pool
    for v in vetoes:
        prices[v] = delta[v] * p[v] * (keep_pool - extra * t) / (one - delta[v])
    b_cost = sum((prices[k] for k in cheap_idx), zero) + lead * t
    c_veto = sum((prices[v] for v in vetoes), zero)
    cheap_set = set(int(j) for j in pool[cheap_pool])
    keep = []
    for i in range(n):
        cost = c_veto - (prices[i] if is_veto[i] else zero) + b_cost
        if is_veto[i]:
            cost = cost + extra * t
        elif i in cheap_set:
            cost = cost - prices[i] + t
        keep.append(s - cost)
    seats = np.full(n, lead)  # marginal seats per proposer
    seats[vetoes] = lead + extra
    seats[list(cheap_set)] = lead + 1
    marginal_idx = pool[marginal_pool]
    # a marginal member keeps R as proposer: x_j = 1/delta_j - p_j R / t
    x_target = {int(j): one / delta[j] - p[j] * keep[j] / prices[j] for j in marginal_idx}
    pi = _inclusion(n, is_veto, cheap_set, marginal_idx, seats, p, x_target, kind)
    if pi is None:
        return None
    values = [prices[j] / delta[j] for j in range(n)]
    return values, prices, pi, keep


def _cheapest_inclusion(n, is_veto, pool, prices, seats, kind):
    """Every proposer includes the veto players and her ``seats[i]`` cheapest pool members,
    spreading the seats left at a tied price evenly over that price's members."""
    float_kind = kind == nb.FLOAT
    zero = 0.0 if float_kind else nb.constant(0, kind)
    pi = np.zeros((n, n)) if float_kind else np.full((n, n), zero, dtype=object)
    for v in np.nonzero(is_veto)[0]:
        pi[:, v] = 1
        pi[v, v] = zero
    for i in range(n):
        others = sorted((int(j) for j in pool if j != i), key=lambda j: prices[j])
        need = int(seats[i])
        if need == 0:
            continue
        edge = prices[others[need - 1]]
        below = [j for j in others if prices[j] < edge]
        tied = [j for j in others if prices[j] == edge]
        pi[i, below] = 1
        left = need - len(below)
        pi[i, tied] = left / len(tied) if float_kind else Fraction(left, len(tied))
    return pi


def _inclusion(n, is_veto, cheap_set, marginal_idx, seats, p, x_target, kind):
    """The inclusion matrix: veto and cheap members by everyone else, marginal members as
    the transportation LP says, expensive members by nobody."""

    float_kind = kind == nb.FLOAT
    zero = 0.0 if float_kind else nb.constant(0, kind)
    one = 1.0 if float_kind else nb.constant(1, kind)
    pi = np.zeros((n, n)) if float_kind else np.full((n, n), zero, dtype=object)
    for j in [*np.nonzero(is_veto)[0].tolist(), *cheap_set]:
        pi[:, j] = one
        pi[j, j] = zero
    m = len(marginal_idx)
    if m == 0 or not (seats > 0).any():
        return pi
    in_marginal = np.zeros(n, dtype=bool)
    in_marginal[marginal_idx] = True
    # rows: the proposers outside the marginal class share one mixing per number of seats
    # (averaging their rows keeps every constraint); each marginal proposer has her own
    rows = []  # (members, seats, exact weight, excluded column or -1)
    for g in sorted({int(seats[i]) for i in range(n) if not in_marginal[i] and seats[i] > 0}):
        members = np.nonzero((~in_marginal) & (seats == g))[0]
        rows.append((members, g, sum((p[i] for i in members), zero), -1))
    for col, i in enumerate(marginal_idx):
        rows.append((np.array([i]), int(seats[i]), p[i], col))
    target = [x_target[int(j)] for j in marginal_idx]
    found = _construct(rows, target, m, kind)
    if found is None:
        found = _transportation_lp(rows, target, m, kind)
    if found is None:
        return None
    for members, column, value in found:
        pi[members, int(marginal_idx[column])] = value
    return pi


def _construct(rows, target, m, kind):
    """A closed-form solution of the transportation problem, exact in the parameters' number
    kind, or None when it leaves [0, 1].

    Were every proposer to include marginal member j with probability ``b_j = x_j / (1 -
    p_j)``, j's demand would be met; each marginal proposer i (who cannot include herself)
    tilts that to ``b_j + tau_i b_j (1 - b_j)``, ``tau_i`` making her row sum to her seats.
    The proposers outside the class cover the rest, ``y_j``: with ``u_j = y_j / W`` (``W``
    their total weight), a group buying ``lead`` seats includes j with ``u_j - (W_+/W) e_j``
    and one buying a seat more with ``u_j + (W_-/W) e_j``, ``e_j = u_j (1 - u_j) / sum_k u_k
    (1 - u_k)`` (the extra seat spread where there is room on both sides).
    """
    zero, one = nb.constant(0, kind), nb.constant(1, kind)
    slack = FLOAT_SLACK if kind == nb.FLOAT else 0  # rounding, for floats only
    p_col = [zero] * m
    for _, _, weight, excluded in rows:
        if excluded >= 0:
            p_col[excluded] = weight
    base = [x / (one - w) for x, w in zip(target, p_col)]
    room = [b * (one - b) for b in base]
    total_base, total_room = sum(base, zero), sum(room, zero)
    cells = []
    left = list(target)
    for members, seats, weight, excluded in rows:
        if excluded < 0:
            continue
        spread = total_room - room[excluded]
        if spread <= 0:
            return None
        tau = (seats - total_base + base[excluded]) / spread
        for j in range(m):
            if j != excluded and base[j] != 0:
                share = base[j] + tau * room[j]
                if share < -slack or share > one + slack:
                    return None
                if slack:
                    share = min(max(share, 0.0), 1.0)
                cells.append((members, j, share))
                left[j] = left[j] - weight * share
    groups = [row for row in rows if row[3] < 0]
    if not groups:
        return cells if all(abs(y) <= slack for y in left) else None
    if any(y < -slack for y in left) or len(groups) > 2:
        return None
    total_w = sum((row[2] for row in groups), zero)
    if total_w <= 0:
        return None
    u = [y / total_w for y in left]
    if len(groups) == 1:
        z = [u]
    else:
        (_, low_seats, low_w, _), (_, high_seats, high_w, _) = groups
        spread = sum((v * (one - v) for v in u), zero)
        if high_seats != low_seats + 1 or spread <= 0:
            return None
        e = [v * (one - v) / spread for v in u]
        z = [
            [v - high_w / total_w * f for v, f in zip(u, e)],
            [v + low_w / total_w * f for v, f in zip(u, e)],
        ]
    for (members, seats, _, _), shares in zip(groups, z):
        if any(v < -slack or v > one + slack for v in shares):
            return None
        if abs(sum(shares, zero) - seats) > slack * m:
            return None
        if slack:
            shares = [min(max(v, 0.0), 1.0) for v in shares]
        cells.extend((members, j, v) for j, v in enumerate(shares) if v != 0)
    return cells


def _transportation_lp(rows, target, m, kind):
    """The transportation problem as a sparse LP (floats; rationalised for exact games)."""
    from scipy import sparse

    var_row, var_col = [], []
    for index, (_, _, _, excluded) in enumerate(rows):
        for col in range(m):
            if col != excluded:
                var_row.append(index)
                var_col.append(col)
    var_row_a, var_col_a = np.array(var_row), np.array(var_col)
    count = len(var_row)
    weight = np.array([float(rows[k][2]) for k in var_row])
    need = np.array([float(row[1]) for row in rows])
    a_eq = sparse.vstack(
        [
            sparse.coo_matrix((np.ones(count), (var_row_a, np.arange(count))), (len(rows), count)),
            sparse.coo_matrix((weight, (var_col_a, np.arange(count))), (m, count)),
        ]
    ).tocsr()
    b_eq = np.concatenate([need, np.array([float(x) for x in target])])
    sol = solve_lp(np.zeros(count), A_eq=a_eq, b_eq=b_eq, bounds=(0.0, 1.0))
    if not sol.success or sol.x is None:
        return None
    values = list(np.clip(sol.x, 0.0, 1.0))
    if kind != nb.FLOAT:
        values = _rationalise(values, rows, var_row, var_col, target, kind)
    return [(rows[var_row[k]][0], var_col[k], value) for k, value in enumerate(values)]


def _rationalise(values, rows, var_row, var_col, target, kind) -> list:
    """The simplest rationals near the LP's mixing that meet its constraints exactly (the
    last bound's when none does: the exact check of the result then says so)."""
    chosen: list = []
    for bound in RATIONAL_DENOMINATORS:
        chosen = [nb.as_number(Fraction(float(v)).limit_denominator(bound), kind) for v in values]
        row_sum = [nb.constant(0, kind)] * len(rows)
        col_sum = [nb.constant(0, kind)] * len(target)
        for k, value in enumerate(chosen):
            row_sum[var_row[k]] += value
            col_sum[var_col[k]] += rows[var_row[k]][2] * value
        if all(total == row[1] for total, row in zip(row_sum, rows)) and col_sum == target:
            return chosen
    return chosen
