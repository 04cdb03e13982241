"""Baron-Ferejohn, the price-levels and inclusion steps, and the equilibrium certificates.

A *structure* says which votes each proposer buys: the players' prices grouped into levels
of equal price (ascending), and for each proposer how many members of each level she buys.
Given a structure, the level prices solve a linear system (:func:`level_prices`) and the
probabilities of including each member of a partly bought level solve a feasibility LP
(:func:`inclusion`). :func:`residual` measures how far a candidate is from an equilibrium;
:func:`holds_exactly` checks one in rational arithmetic.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from .. import _numbers as nb
from .._lp import solve_lp

__all__ = [
    "Structure",
    "level_prices",
    "inclusion",
    "holds_exactly",
    "residual",
    "seat_counts",
    "cheapest_costs",
]


class Structure:
    """Who each proposer buys: price levels (ascending), and per proposer the cutoff level."""

    def __init__(self, levels: list[list[int]], n: int, quota: int) -> None:
        self.levels = levels
        self.level_of = np.empty(n, dtype=int)
        for index, members in enumerate(levels):
            self.level_of[members] = index
        # seats[i][l]: how many members of level l proposer i buys (possibly part of a level)
        self.seats = np.zeros((n, len(levels)), dtype=int)
        self.cutoff = np.full(n, -1)
        for i in range(n):
            need = quota - 1
            for index, members in enumerate(levels):
                if need <= 0:
                    break
                size = len(members) - (1 if self.level_of[i] == index else 0)
                take = min(size, need)
                self.seats[i, index] = take
                if take < size:
                    self.cutoff[i] = index
                need -= take


def level_prices(structure: Structure, delta, p, s, kind: str):
    """Solve the linear system for the level prices c_l (in the number type of ``kind``)."""
    levels = structure.levels
    size = len(levels)
    zero, one = nb.constant(0, kind), nb.constant(1, kind)
    a = [[zero] * size for _ in range(size)]
    b = [zero] * size
    n = len(delta)
    demand = [sum((p[i] * structure.seats[i, l] for i in range(n)), zero) for l in range(size)]
    for l, members in enumerate(levels):
        a[l][l] = a[l][l] - demand[l]
        for j in members:
            a[l][l] = a[l][l] + one / delta[j]
            b[l] = b[l] + p[j] * s
            for k in range(size):  # + p_j * B_j(c), B_j = sum_k seats[j,k] c_k
                if structure.seats[j, k]:
                    a[l][k] = a[l][k] + p[j] * structure.seats[j, k]
    if kind == nb.FLOAT:
        try:
            return list(np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float)))
        except np.linalg.LinAlgError:
            return None
    sp = nb.import_sympy()
    matrix = sp.Matrix(a)
    try:
        sol = matrix.LUsolve(sp.Matrix(b))
    except (ValueError, ZeroDivisionError):
        return None
    out = [sp.simplify(v) for v in sol]
    if kind == nb.EXACT:
        return [Fraction(int(sp.Rational(v).p), int(sp.Rational(v).q)) for v in out]
    return out


def inclusion(
    structure: Structure, c: np.ndarray, delta: np.ndarray, p: np.ndarray, s: float
) -> np.ndarray | None:
    """Inclusion probabilities pi[i, j] consistent with the value equations (an LP);
    ``c`` holds the level prices."""
    n = len(delta)
    pi = np.zeros((n, n))
    for i in range(n):
        for l in range(len(structure.levels)):
            if structure.seats[i, l] and structure.cutoff[i] != l:
                members = [j for j in structure.levels[l] if j != i]
                pi[i, members] = 1.0
    tied = [(i, int(structure.cutoff[i])) for i in range(n) if structure.cutoff[i] >= 0]
    if not tied:
        return pi
    # required x_j from the value equation: c_j (1/delta_j - x_j) = p_j (s - B_j)
    b_cost = structure.seats @ c
    price = c[structure.level_of]
    with np.errstate(divide="ignore", invalid="ignore"):
        x_req = np.where(
            price > 0, 1.0 / delta - p * (s - b_cost) / np.where(price > 0, price, 1), np.nan
        )
    x_fixed = p @ pi
    variables = [(i, j) for i, l in tied for j in structure.levels[l] if j != i]
    index = {v: k for k, v in enumerate(variables)}
    m = len(variables)
    rows_eq, rhs_eq = [], []
    for i, l in tied:
        row = np.zeros(m)
        for j in structure.levels[l]:
            if j != i:
                row[index[(i, j)]] = 1.0
        rows_eq.append(row)
        rhs_eq.append(structure.seats[i, l])
    for l in set(l for _, l in tied):
        for j in structure.levels[l]:
            if not math.isfinite(x_req[j]):
                continue
            row = np.zeros(m)
            for (i, jj), k in index.items():
                if jj == j:
                    row[k] = p[i]
            rows_eq.append(row)
            rhs_eq.append(x_req[j] - x_fixed[j])
    sol = solve_lp(np.zeros(m), None, None, np.array(rows_eq), np.array(rhs_eq), [(0.0, 1.0)] * m)
    if not sol.success or sol.x is None:
        return None
    for (i, j), k in index.items():
        pi[i, j] = sol.x[k]
    return pi


def seat_counts(n: int, quota: int, veto=()) -> tuple[np.ndarray, np.ndarray]:
    """``(is_veto, pool_seats)``: which players are veto players, and how many members of the
    pool (the others) each proposer buys: ``max(q, |V|) - 1 - |V|`` for a pool proposer, one
    more for a veto proposer when ``q > |V|``."""
    is_veto = np.zeros(n, dtype=bool)
    is_veto[list(veto)] = True
    count = int(is_veto.sum())
    q_eff = max(quota, count)
    seats = np.full(n, max(q_eff - 1 - count, 0))
    seats[is_veto] = q_eff - count
    return is_veto, seats


def cheapest_costs(prices: list, is_veto: np.ndarray, seats: np.ndarray) -> list:
    """Per proposer, the least cost of a passing coalition: the other veto players' prices
    plus the ``seats[i]`` cheapest pool members other than i (exact for exact prices)."""
    n = len(prices)
    pool = [k for k in range(n) if not is_veto[k]]
    ordered = sorted(pool, key=lambda k: prices[k])
    rank = {k: r for r, k in enumerate(ordered)}
    prefix = [prices[0] * 0]
    for k in ordered:
        prefix.append(prefix[-1] + prices[k])
    veto_total = sum((prices[k] for k in range(n) if is_veto[k]), prices[0] * 0)
    out = []
    for i in range(n):
        m = int(seats[i])
        if is_veto[i]:
            out.append(veto_total - prices[i] + prefix[m])
        else:
            cheapest = prefix[m] if rank[i] >= m else prefix[m + 1] - prices[i]
            out.append(veto_total + cheapest)
    return out


def holds_exactly(values, pi, prices, delta, p, s, quota: int, veto=()) -> bool:
    """Check the stationary-equilibrium conditions in exact rational arithmetic.

    Works over common denominators, so the n x n sums are Python-integer matrix products
    (about a second for 1000 players) rather than Fraction arithmetic. ``veto`` lists the
    veto players (every passing coalition holds them).
    """
    n = len(values)
    is_veto, seats = seat_counts(n, quota, veto)
    # Python integers (object arrays): the products below may exceed int64
    pi_int, pi_den = nb.to_scaled_int(pi, dtype=object)
    c_int, c_den = nb.to_scaled_int(prices, dtype=object)
    p_int, p_den = nb.to_scaled_int(p, dtype=object)
    needed = [int(seats[i]) + int(is_veto.sum()) - int(is_veto[i]) for i in range(n)]
    if (
        any(pi_int[i, i] != 0 for i in range(n))
        or (pi_int < 0).any()
        or (pi_int > pi_den).any()
        or any(total != need * pi_den for total, need in zip(pi_int.sum(axis=1).tolist(), needed))
        or any(pi_int[i, v] != pi_den for v in np.nonzero(is_veto)[0] for i in range(n) if i != v)
    ):
        return False
    bought = (pi_int @ c_int).tolist()  # times pi_den * c_den
    cheapest = cheapest_costs([int(v) for v in c_int], is_veto, seats)
    if any(bought[i] != cheapest[i] * pi_den for i in range(n)):
        return False
    demand = (p_int @ pi_int).tolist()  # times p_den * pi_den
    for j in range(n):
        cost = Fraction(bought[j], pi_den * c_den)
        if (
            values[j] != p[j] * (s - cost) + prices[j] * Fraction(demand[j], p_den * pi_den)
            or prices[j] != delta[j] * values[j]
        ):
            return False
    return sum(values) == s


def residual(
    v: np.ndarray,
    pi: np.ndarray,
    delta: np.ndarray,
    p: np.ndarray,
    s: float,
    quota: int,
    veto=(),
) -> float:
    """Largest violation of the stationary-equilibrium conditions (``veto`` as in
    :func:`holds_exactly`)."""
    n = len(v)
    is_veto, seats = seat_counts(n, quota, veto)
    c = delta * v
    cost = pi @ c
    value = p * (s - cost) + c * (p @ pi)
    worst = float(np.max(np.abs(value - v)))
    worst = max(worst, abs(float(v.sum()) - s))
    cheapest = np.array(cheapest_costs(list(c), is_veto, seats))
    worst = max(worst, float(np.max(cost - cheapest)))  # buys the cheapest votes
    needed = seats + is_veto.sum() - is_veto
    off = ~np.eye(n, dtype=bool)
    veto_short = float(np.max(1 - pi[off & is_veto[None, :]])) if is_veto.any() else 0.0
    worst = max(
        worst,
        veto_short,
        float(np.max(np.abs(pi.sum(axis=1) - needed))),
        float(-min(pi.min(), 0.0)),
        float(max(pi.max() - 1.0, 0.0)),
        float(np.abs(np.diag(pi)).max()),
    )
    return worst
