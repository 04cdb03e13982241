r"""Closed forms for games of two and three players: the least core and the (pre)nucleolus
without a linear program, each answer certified before it is returned.

Everything runs on the normal form of ``_normal_form.py`` (zero-normalised, so
:math:`v_0(\{i\}) = 0`; write :math:`g = v_0(N)`). For three players the six proper
coalitions come in complementary pairs :math:`\{i\}, N \setminus \{i\}`. At an efficient
:math:`x` their excesses are :math:`-x_i` and :math:`c_i + x_i` with
:math:`c_i = v_0(N \setminus \{i\}) - g`: a pair's excesses add up to the constant
:math:`c_i`. Every excess is at most :math:`t` exactly when each :math:`x_i` lies in
:math:`[\ell_i(t), t - c_i]`, with :math:`\ell_i(t) = -t` over the preimputations and
:math:`\max(-t, 0)` over the imputations, and :math:`\sum_i x_i = g`. The problem is
separable, so every stage of the sequential LPs (Kopelowitz 1967; Maschler, Peleg and
Shapley 1979) has a closed form. Over the free players :math:`F` (their payoffs not yet
fixed), with :math:`G` the part of :math:`g` they share, the stage's level is the least
:math:`t` at which every interval is non-empty and :math:`G` lies between the sums of their
ends:

.. math:: t = \max\Big(\max_{i \in F} A_i,\ \frac{G + \sum_{i \in F} c_i}{|F|},\
          \frac{-G}{|F|}\Big), \qquad A_i = c_i / 2 \ \text{(nucleolus: }
          \max(c_i, c_i / 2)\text{)}.

If the upper (lower) ends add up to :math:`G`, every free payoff sits at its upper (lower)
end and :math:`x` is found; otherwise the players whose interval is one point
(:math:`A_i = t`) are exactly the ones fixed in every optimum, and the next stage runs on
the others (the coalitions fixed are then tight in every optimum, as the LP's positive
duals would fix them). At the first stage (:math:`F = N`, :math:`G = g`) the level is the
least-core value,

.. math:: \varepsilon^* = \max\Big(-\frac{g}{3},\ \max_i \frac{v_0(N \setminus \{i\}) - g}{2},\
          \frac{v_0(12) + v_0(13) + v_0(23) - 2g}{3}\Big),

the Bondareva-Shapley bounds :math:`(\sum_S \delta_S v_0(S) - g) / \sum_S \delta_S` of the
minimal balanced collections :math:`\{1\},\{2\},\{3\}`; :math:`\{i\}, N \setminus \{i\}`;
:math:`\{12\},\{13\},\{23\}` (weights 1, 1 and 1/2). Two players: :math:`x = (g/2, g/2)`,
:math:`\varepsilon^* = -g/2`. Leng and Parlar (2010) give the three-player nucleolus in closed
form by cases; the stages above are derived from the sequential LPs directly.

Exact games are solved in integers: the worths are scaled by 12 (every number of the stages
lies in :math:`\frac{1}{12}\mathbb{Z}` of the normal form's unit), float games in floats
in the LP's units. No answer leaves this module unchecked:

* the least core: the point's largest excess equals :math:`\varepsilon^*` (upper bound) and
  the balanced collection gives :math:`\varepsilon^*` (lower bound, weak duality);
* the (pre)nucleolus: Kohlberg's (1971) criterion, combinatorially: for every level d the
  coalitions of excess at least d (with, for the nucleolus, the singletons held at their
  worth, on non-negative weights) form a balanced collection. A collection is balanced iff
  each member lies in a minimal balanced collection inside it, and for three players the
  minimal ones are the five above.

Exact checks for rational games, within the tolerance for float games; a check that fails
returns None and the caller solves the LPs instead.

References
----------
.. [1] Leng, M. and Parlar, M. (2010). Analytic solution for the nucleolus of a three-player
   cooperative game. *Naval Research Logistics* 57(7), 667-672.
.. [2] Kohlberg, E. (1971). On the nucleolus of a characteristic function game. *SIAM J.
   Appl. Math.* 20(1), 62-66.
.. [3] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
   kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from .._exact_linalg import Span
from ._normal_form import NormalForm

__all__ = ["MAX_PLAYERS", "closed_form_least_core", "closed_form_nucleolus"]

#: Largest game solved here; larger games go to the LPs.
MAX_PLAYERS = 3
#: Tests set this to True to send every game to the LPs (the oracle of the closed forms
#: and of the minimal balanced collections of four and five players).
FORCE_LP = False
#: Exact worths are multiplied by this, so that every stage divides exactly.
_SCALE = 12
#: Float games: ties and checks within ``max(atol, ROUNDING)`` in the LP's units (worths of
#: at most 1), above the rounding of a few float operations.
ROUNDING = 1e-12

#: The minimal balanced collections of proper coalitions, per number of players, with the
#: balancing weights doubled (integers).
_MINIMAL: dict[int, tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]] = {
    2: (((1, 2), (2, 2)),),
    3: (
        ((3, 5, 6), (1, 1, 1)),  # {12}, {13}, {23}, weights 1/2
        ((6, 1), (2, 2)),  # N - {1}, {1}
        ((5, 2), (2, 2)),
        ((3, 4), (2, 2)),
        ((1, 2, 4), (2, 2, 2)),  # the singletons
    ),
}
_PROPER = {2: (1, 2), 3: (1, 2, 3, 4, 5, 6)}
#: The balancing weights of ``_MINIMAL`` as Fractions and floats, by collection.
_DELTAS = {
    (n, masks): (tuple(Fraction(w, 2) for w in doubled), tuple(w / 2 for w in doubled))
    for n, collections in _MINIMAL.items()
    for masks, doubled in collections
}


class _Inexact(Exception):
    """An exact stage would divide with a remainder (never, by the derivation), or a float
    stage fixes nothing: leave the game to the LPs."""


def _table(nf: NormalForm) -> tuple[list, Callable[[Any, int], Any]]:
    """The normal form's worths (scaled integers or LP floats) and their division."""
    if nf.exact:
        return [_SCALE * int(v) for v in nf.ints.tolist()], _exact_div
    return nf.floats.tolist(), _float_div


def _exact_div(a: int, k: int) -> int:
    q, r = divmod(a, k)
    if r:
        raise _Inexact
    return q


def _float_div(a: float, k: int) -> float:
    return a / k


def _unit(nf: NormalForm) -> Callable[[Any], Any]:
    """Back from the scaled integers (LP floats) to the normal form's numbers."""
    if nf.exact:
        denominator = _SCALE * nf.den
        return lambda v: Fraction(v, denominator)
    return nf.from_lp


def _stages(v: list, n: int, imputation: bool, div, tol: float) -> tuple[list, list]:
    """The (pre)nucleolus and its stage levels (see the module docstring), in ``v``'s units."""
    full = (1 << n) - 1
    g = v[full]
    if n == 2:
        half = div(g, 2)
        return [half, g - half], [-half]
    c = [v[full ^ (1 << i)] - g for i in range(3)]
    x: list = [None] * 3
    free = [0, 1, 2]
    share = g
    levels: list = []
    while len(free) > 1:
        k = len(free)
        upper = div(share + sum(c[i] for i in free), k)
        lower = div(-share, k)
        point = {
            i: (max(c[i], div(c[i], 2)) if imputation else div(c[i], 2)) for i in free
        }  # the least t at which player i's interval is not empty: one point there
        t = max(upper, lower, *point.values())
        levels.append(t)
        if t - upper <= tol:  # the upper ends add up to the share
            for i in free:
                x[i] = t - c[i]
            free = free[-1:]
            break
        low = max(-t, 0) if imputation else -t
        if t - lower <= tol or abs(k * low - share) <= tol:  # the lower ends do
            for i in free:
                x[i] = low
            free = free[-1:]
            break
        fixed = [i for i in free if t - point[i] <= tol]
        if not fixed:  # pragma: no cover - t is one of the bounds; float rounding aside
            raise _Inexact
        for i in fixed:
            x[i] = t - c[i]
            share -= x[i]
        free = [i for i in free if i not in fixed]
    if free:  # the last payoff takes what is left (exactly efficient)
        others = sum(x[i] for i in range(3) if i != free[0])
        x[free[0]] = g - others
    return x, levels


def _excesses(v: list, n: int, x: list) -> dict[int, Any]:
    """The excess ``v(S) - x(S)`` of every proper coalition, by mask."""
    if n == 2:
        return {1: v[1] - x[0], 2: v[2] - x[1]}
    a, b, c = x
    return {
        1: v[1] - a,
        2: v[2] - b,
        3: v[3] - a - b,
        4: v[4] - c,
        5: v[5] - a - c,
        6: v[6] - b - c,
    }


def _kohlberg(v: list, n: int, x: list, imputation: bool, tol: float) -> bool:
    """Kohlberg's criterion at ``x`` (efficient; imputation when asked), combinatorially."""
    full = (1 << n) - 1
    if abs(sum(x) - v[full]) > tol:
        return False
    if imputation and any(xi < -tol for xi in x):
        return False
    zero = 0  # bitset over masks: the singletons held at their worth (non-negative weights)
    if imputation:
        for i in range(n):
            if abs(x[i]) <= tol:
                zero |= 1 << (1 << i)
    excess = _excesses(v, n, x)
    order = sorted(excess, key=excess.__getitem__, reverse=True)
    members = 0
    position = 0
    while position < len(order):
        level = excess[order[position]]
        while position < len(order) and level - excess[order[position]] <= tol:
            members |= 1 << order[position]
            position += 1
        allowed = members | zero
        for mask in order[:position]:
            if not any(
                mask in masks and all(allowed >> m & 1 for m in masks) for masks, _w in _MINIMAL[n]
            ):
                return False
    return True


def _rank(masks: tuple[int, ...], n: int) -> int:
    """The rank of the grand coalition and ``masks`` (0/1 vectors of length n)."""
    span = Span(n)
    for mask in ((1 << n) - 1, *masks):
        span.add_mask(mask)
    return span.rank


#: rank(N and the coalitions of a set), by the set's bitset over the proper masks.
_RANKS: dict[tuple[int, int], int] = {}


def _levels(v: list, n: int, x: list, tol: float) -> list:
    """The levels of the (pre)nucleolus ``x``: the distinct excesses, largest first, at which
    the coalitions of at least that excess raise the rank of their span with N, until it is
    n (the levels of the sequential LPs, whose stages fix exactly those coalitions)."""
    excess = _excesses(v, n, x)
    order = sorted(excess, key=excess.__getitem__, reverse=True)
    levels: list = []
    members = 0
    rank = 1
    position = 0
    while position < len(order) and rank < n:
        level = excess[order[position]]
        while position < len(order) and level - excess[order[position]] <= tol:
            members |= 1 << order[position]
            position += 1
        key = (n, members)
        if key not in _RANKS:
            _RANKS[key] = _rank(tuple(m for m in _PROPER[n] if members >> m & 1), n)
        if _RANKS[key] > rank:
            rank = _RANKS[key]
            levels.append(level)
    return levels


def _solved(nf: NormalForm, imputation: bool, atol: float):
    """``(v, x, levels, tol)``: the table, the (pre)nucleolus and the stage levels in the
    table's units and the tolerance of the checks; None when the game is not for here."""
    if FORCE_LP or not 2 <= nf.n <= MAX_PLAYERS:
        return None
    v, div = _table(nf)
    tol = 0.0 if nf.exact else max(atol, ROUNDING)
    try:
        x, levels = _stages(v, nf.n, imputation, div, tol)
    except _Inexact:  # pragma: no cover - excluded by the derivation
        return None
    return v, x, levels, tol


def closed_form_nucleolus(nf: NormalForm, *, imputation: bool, atol: float):
    """The nucleolus (``imputation``) or prenucleolus of ``nf`` and its levels, in the normal
    form's numbers, certified by Kohlberg's criterion; None when not certified (the caller
    then solves the LPs)."""
    solved = _solved(nf, imputation, atol)
    if solved is None:
        return None
    v, x, levels, tol = solved
    n = nf.n
    if not _kohlberg(v, n, x, imputation, tol):
        return None
    unit = _unit(nf)
    return [unit(xi) for xi in x], [unit(t) for t in _levels(v, n, x, tol)]


def closed_form_least_core(nf: NormalForm, atol: float):
    """``(x0, epsilon, support, delta)`` of the least core of ``nf`` in its numbers: the
    prenucleolus (a least-core point) and the minimal balanced collection that attains
    epsilon; None when the primal and dual bounds do not meet (the caller solves the LP)."""
    solved = _solved(nf, False, atol)
    if solved is None:
        return None
    v, x, levels, tol = solved
    n = nf.n
    epsilon = levels[0]
    full = (1 << n) - 1
    best = None
    for masks, doubled in _MINIMAL[n]:
        # 2 (sum_S delta_S v(S) - v(N)) and 2 sum_S delta_S
        top = sum(w * v[m] for m, w in zip(masks, doubled)) - 2 * v[full]
        weight = sum(doubled)
        if abs(top - epsilon * weight) <= tol * weight:
            best = masks, doubled
            break
    if best is None or abs(sum(x) - v[full]) > tol:
        return None
    masks, doubled = best
    # (the collections of _MINIMAL are balanced: a test checks the constants)
    if max(_excesses(v, n, x).values()) - epsilon > tol:
        return None
    unit = _unit(nf)
    exact_delta, float_delta = _DELTAS[n, masks]
    delta = list(exact_delta if nf.exact else float_delta)
    return [unit(xi) for xi in x], unit(epsilon), list(masks), delta
