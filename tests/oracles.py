"""Definitions computed the slow, obvious way: the oracles fast code is checked against.

Nothing here imports ``coalitions``: every function reads plain Python data (a table of
worths indexed by bitmask, lists of indices, a winning predicate) and follows the textbook
definition, in exact ``Fraction`` arithmetic (float input is converted exactly with
``Fraction(float)``), so an oracle shares no code with the solver it checks. Sizes are small:
most functions enumerate orders or partitions (n <= 7).

A table is a sequence ``values`` of length ``2**n`` with ``values[mask]`` the worth of the
coalition whose members are the set bits of ``mask``; players are the indices ``0..n-1``.
Functions that take a ``game`` accept anything with a ``.values`` table (a ``TUGame``) as well.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, permutations, product
from math import comb, factorial

__all__ = [
    "exact_table",
    "shapley_by_permutations",
    "banzhaf_by_definition",
    "semivalue_by_definition",
    "shapley_by_orders",
    "owen_by_orders",
    "banzhaf_owen_by_definition",
    "graph_restricted_by_search",
    "myerson_by_definition",
    "utopia_by_definition",
    "minimal_rights_by_definition",
    "tau_by_definition",
    "gately_by_definition",
    "propensities_by_definition",
    "equal_division_by_definition",
    "equal_surplus_by_definition",
    "ensc_by_definition",
    "proportional_by_definition",
    "cea_by_definition",
    "cel_by_definition",
    "talmud_by_definition",
    "winning_masks",
    "swing_counts",
    "weighted_winning_count",
    "weighted_counts_by_recursion",
    "banzhaf_index_by_definition",
    "shapley_shubik_by_orders",
    "shapley_shubik_by_swings",
    "coleman_prevent_by_definition",
    "coleman_initiate_by_definition",
    "coleman_act_by_definition",
    "rae_by_definition",
    "minimal_winning_by_definition",
    "johnston_by_definition",
    "deegan_packel_by_definition",
    "holler_by_definition",
    "partitions_by_recursion",
    "optimal_structure_by_enumeration",
    "aumann_dreze_by_definition",
    "in_structure_core_by_definition",
    "hedonic_core_stable_by_definition",
    "hedonic_nash_stable_by_definition",
    "hedonic_individually_stable_by_definition",
    "hedonic_contractually_stable_by_definition",
    "linear_quadratic_stable_sizes",
    "symmetric_pairs_by_definition",
    "solve_linear",
    "box_vertices_by_enumeration",
    "weber_vertices_by_orders",
    "hull_vertices_by_separation",
    "core_cover_by_definition",
    "reasonable_set_by_definition",
    "imputation_vertices_by_definition",
    "centroid_by_pulling",
    "core_faces",
    "in_core_by_definition",
    "is_lorenz_solution_by_definition",
    "dutta_ray_by_algorithm",
    "solidarity_by_average_marginals",
    "egalitarian_shapley_by_definition",
    "chi_by_definition",
    "proportional_value_by_potential",
    "least_squares_by_kkt",
    "faith_shap_by_definition",
    "in_bargaining_set_by_lp",
]


# --------------------------------------------------------------------------- tables


def exact_table(game_or_values) -> tuple[list[Fraction], int]:
    """``(values as Fractions, n)`` of a game or a table (floats are converted exactly)."""
    values = getattr(game_or_values, "values", game_or_values)
    table = [Fraction(v) for v in list(values)]
    n = len(table).bit_length() - 1
    if len(table) != 1 << n:
        raise ValueError(f"a table has 2**n entries, got {len(table)}")
    return table, n


def _members(mask: int, n: int) -> list[int]:
    return [i for i in range(n) if mask >> i & 1]


def _mask(members) -> int:
    out = 0
    for i in members:
        out |= 1 << i
    return out


# --------------------------------------------------------------------------- values


def shapley_by_permutations(game):
    """Average marginal contribution over all n! orders (n <= 7).

    Returns floats for a float game, Fractions otherwise (sympy expressions pass through).
    """
    n = game.n_players
    values = list(game.values)
    total = [0] * n
    for order in permutations(range(n)):
        mask = 0
        for i in order:
            total[i] = total[i] + values[mask | 1 << i] - values[mask]
            mask |= 1 << i
    if game.kind == "float":
        return [t / factorial(n) for t in total]
    return [
        Fraction(t) / factorial(n) if not hasattr(t, "free_symbols") else t / factorial(n)
        for t in total
    ]


def banzhaf_by_definition(game):
    """Average marginal contribution over the 2**(n-1) coalitions of the others."""
    n = game.n_players
    values = list(game.values)
    out = []
    for i in range(n):
        swing = 0
        for mask in range(1 << n):
            if not mask >> i & 1:
                swing = swing + values[mask | 1 << i] - values[mask]
        out.append(swing / 2 ** (n - 1) if game.kind == "float" else Fraction(swing) / 2 ** (n - 1))
    return out


def semivalue_by_definition(values, weights) -> list[Fraction]:
    """``psi_i = sum over S not containing i of p(|S|) (v(S + i) - v(S))``, exactly."""
    table, n = exact_table(values)
    p = [Fraction(w) for w in weights]
    out = []
    for i in range(n):
        total = Fraction(0)
        others = [j for j in range(n) if j != i]
        for size in range(n):
            for group in combinations(others, size):
                mask = _mask(group)
                total += p[size] * (table[mask | 1 << i] - table[mask])
        out.append(total)
    return out


def pair_interaction_by_definition(values, kind: str = "shapley") -> list[list[Fraction]]:
    """Pair interactions by discrete derivatives
    ``d_ij v(S) = v(S + ij) - v(S + i) - v(S + j) + v(S)`` over the coalitions S without i and
    j, weighted by ``|S|! (n - |S| - 2)! / (n - 1)!`` (Shapley), ``2**(2 - n)`` (Banzhaf) or
    ``(2 / n) / C(n - 1, |S|)`` (Shapley-Taylor of order 2); zero diagonal."""
    table, n = exact_table(values)
    out = [[Fraction(0)] * n for _ in range(n)]
    for i, j in combinations(range(n), 2):
        rest = [k for k in range(n) if k not in (i, j)]
        total = Fraction(0)
        for size in range(len(rest) + 1):
            if kind == "shapley":
                weight = Fraction(factorial(size) * factorial(n - size - 2), factorial(n - 1))
            elif kind == "banzhaf":
                weight = Fraction(1, 2 ** (n - 2))
            else:
                weight = Fraction(2, n * comb(n - 1, size))
            for group in combinations(rest, size):
                s = _mask(group)
                ij = s | 1 << i | 1 << j
                total += weight * (table[ij] - table[s | 1 << i] - table[s | 1 << j] + table[s])
        out[i][j] = out[j][i] = total
    return out


def _average_over_orders(table, n, orders) -> list[Fraction]:
    total = [Fraction(0)] * n
    count = 0
    for order in orders:
        count += 1
        mask = 0
        for i in order:
            total[i] += table[mask | 1 << i] - table[mask]
            mask |= 1 << i
    return [t / count for t in total]


def shapley_by_orders(values) -> list[Fraction]:
    """Exact Shapley value of a table: average marginal contribution over all orders."""
    table, n = exact_table(values)
    return _average_over_orders(table, n, permutations(range(n)))


def _complete_unions(unions, n: int) -> list[list[int]]:
    unions = [list(u) for u in unions]
    listed = {i for u in unions for i in u}
    return unions + [[i] for i in range(n) if i not in listed]


def owen_by_orders(values, unions) -> list[Fraction]:
    """Owen value: average marginal contribution over the orders in which every union's
    members arrive one after another (Owen 1977). ``unions`` lists index lists; players
    not listed are singleton unions."""
    table, n = exact_table(values)
    blocks = _complete_unions(unions, n)

    def orders():
        for union_order in permutations(blocks):
            for inner in product(*(permutations(u) for u in union_order)):
                yield [i for part in inner for i in part]

    return _average_over_orders(table, n, orders())


def banzhaf_owen_by_definition(values, unions) -> list[Fraction]:
    """Banzhaf-Owen value (Owen 1981): Banzhaf between the unions and inside one's own,
    ``sum over R (other unions) and T (own partners) of 2**-(m-1) 2**-(s-1) marginal``."""
    table, n = exact_table(values)
    blocks = _complete_unions(unions, n)
    m = len(blocks)
    out = [Fraction(0)] * n
    for k, union in enumerate(blocks):
        others = [blocks[j] for j in range(m) if j != k]
        s = len(union)
        for i in union:
            partners = [j for j in union if j != i]
            total = Fraction(0)
            for r in range(len(others) + 1):
                for chosen in combinations(others, r):
                    base = _mask(j for u in chosen for j in u)
                    for t in range(len(partners) + 1):
                        for group in combinations(partners, t):
                            mask = base | _mask(group)
                            total += table[mask | 1 << i] - table[mask]
            out[i] = total / (2 ** (m - 1) * 2 ** (s - 1))
    return out


def _components(members: list[int], neighbours: dict[int, set[int]]) -> list[list[int]]:
    left = set(members)
    parts = []
    while left:
        start = min(left)
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            for other in neighbours.get(node, ()):
                if other in left and other not in seen:
                    seen.add(other)
                    stack.append(other)
        parts.append(sorted(seen))
        left -= seen
    return parts


def graph_restricted_by_search(values, edges) -> list[Fraction]:
    """Table of ``v^g(S) = sum of v(C) over the connected components C of S`` (depth-first
    search per coalition); ``edges`` are index pairs."""
    table, n = exact_table(values)
    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    return [
        sum((table[_mask(c)] for c in _components(_members(mask, n), neighbours)), Fraction(0))
        for mask in range(1 << n)
    ]


def myerson_by_definition(values, edges) -> list[Fraction]:
    """Myerson value: Shapley value (by orders) of the graph-restricted game."""
    return shapley_by_orders(graph_restricted_by_search(values, edges))


def utopia_by_definition(values) -> list[Fraction]:
    """``M_i = v(N) - v(N minus i)``."""
    table, n = exact_table(values)
    full = (1 << n) - 1
    return [table[full] - table[full & ~(1 << i)] for i in range(n)]


def minimal_rights_by_definition(values) -> list[Fraction]:
    """``m_i = max over S containing i of v(S) - sum of M_j over the other members``."""
    table, n = exact_table(values)
    utopia = utopia_by_definition(table)
    rights = []
    for i in range(n):
        best = None
        for mask in range(1 << n):
            if mask >> i & 1:
                remainder = table[mask] - sum(utopia[j] for j in _members(mask, n) if j != i)
                best = remainder if best is None or remainder > best else best
        rights.append(best)
    return rights


def tau_by_definition(values):
    """The tau-value, or None if the game is not quasi-balanced (Tijs 1981)."""
    table, n = exact_table(values)
    utopia = utopia_by_definition(table)
    rights = minimal_rights_by_definition(table)
    grand = table[-1]
    if any(m > u for m, u in zip(rights, utopia)):
        return None
    if not sum(rights) <= grand <= sum(utopia):
        return None
    spread = sum(utopia) - sum(rights)
    if spread == 0:
        return utopia
    alpha = (grand - sum(rights)) / spread
    return [m + alpha * (u - m) for m, u in zip(rights, utopia)]


def propensities_by_definition(values, x) -> list:
    """Gately's ``d_i(x) = (x(N minus i) - v(N minus i)) / (x_i - v(i))`` (None when the
    denominator is zero)."""
    table, n = exact_table(values)
    x = [Fraction(v) for v in x]
    full = (1 << n) - 1
    out = []
    for i in range(n):
        gain = x[i] - table[1 << i]
        loss = sum(x) - x[i] - table[full & ~(1 << i)]
        out.append(None if gain == 0 else loss / gain)
    return out


def gately_by_definition(values):
    """The point at which every propensity to disrupt takes one common value ``d``.

    From ``x(N) - x_i - v(N - i) = d (x_i - v(i))`` for every i and ``x(N) = v(N)``:
    ``x_i = (v(N) - v(N - i) + d v(i)) / (1 + d)`` and, summing, ``d = (sum_i (v(N) -
    v(N - i)) - v(N)) / (v(N) - sum_i v(i))``. Returns None when that is undefined
    (``v(N) = sum v(i)`` or ``d = -1``).
    """
    table, n = exact_table(values)
    full = (1 << n) - 1
    grand = table[full]
    singles = [table[1 << i] for i in range(n)]
    marginal = [grand - table[full & ~(1 << i)] for i in range(n)]
    surplus = grand - sum(singles)
    if surplus == 0:
        return None
    d = (sum(marginal) - grand) / surplus
    if d == -1:
        return None
    return [(marginal[i] + d * singles[i]) / (1 + d) for i in range(n)]


def equal_division_by_definition(values) -> list[Fraction]:
    table, n = exact_table(values)
    return [table[-1] / n] * n


def equal_surplus_by_definition(values) -> list[Fraction]:
    table, n = exact_table(values)
    singles = [table[1 << i] for i in range(n)]
    return [s + (table[-1] - sum(singles)) / n for s in singles]


def ensc_by_definition(values) -> list[Fraction]:
    table, n = exact_table(values)
    separable = utopia_by_definition(table)
    return [s + (table[-1] - sum(separable)) / n for s in separable]


# --------------------------------------------------------------------------- claims rules


def proportional_by_definition(estate, claims) -> list[Fraction]:
    estate, claims = Fraction(estate), [Fraction(c) for c in claims]
    total = sum(claims)
    return list(claims) if total == 0 else [estate * c / total for c in claims]


def _level(estate: Fraction, claims: list[Fraction], award) -> Fraction:
    """The lambda with ``sum_i award(c_i, lambda) = estate``, found exactly: the sum is
    piecewise linear in lambda with breakpoints at the claims, so solve on each piece."""
    points = sorted({Fraction(0), *claims})
    for low, high in zip(points, points[1:]):
        at_low = sum(award(c, low) for c in claims)
        at_high = sum(award(c, high) for c in claims)
        if min(at_low, at_high) <= estate <= max(at_low, at_high):
            if at_high == at_low:
                return low
            return low + (estate - at_low) * (high - low) / (at_high - at_low)
    return points[-1]


def cea_by_definition(estate, claims) -> list[Fraction]:
    """Constrained equal awards: ``min(c_i, lambda)`` summing to the estate."""
    estate, claims = Fraction(estate), [Fraction(c) for c in claims]
    lam = _level(estate, claims, min)
    return [min(c, lam) for c in claims]


def cel_by_definition(estate, claims) -> list[Fraction]:
    """Constrained equal losses: ``max(0, c_i - lambda)`` summing to the estate."""
    estate, claims = Fraction(estate), [Fraction(c) for c in claims]
    lam = _level(estate, claims, lambda c, level: max(Fraction(0), c - level))
    return [max(Fraction(0), c - lam) for c in claims]


def talmud_by_definition(estate, claims) -> list[Fraction]:
    """Aumann-Maschler: ``min(c_i/2, lambda)`` when the estate is at most half the claims,
    else ``c_i - min(c_i/2, mu)`` with the losses ``min(c_i/2, mu)`` summing to D - E."""
    estate, claims = Fraction(estate), [Fraction(c) for c in claims]
    half = [c / 2 for c in claims]
    total = sum(claims)
    if estate <= total / 2:
        lam = _level(estate, half, min)
        return [min(h, lam) for h in half]
    mu = _level(total - estate, half, min)
    return [c - min(h, mu) for c, h in zip(claims, half)]


# --------------------------------------------------------------------------- simple games


def winning_masks(n: int, is_winning) -> set[int]:
    """Every winning coalition of a simple game given by a predicate on index sets."""
    return {mask for mask in range(1 << n) if is_winning(frozenset(_members(mask, n)))}


def swing_counts(n: int, winning: set[int]) -> list[int]:
    """Coalitions S (not containing i) that lose without i and win with it."""
    return [
        sum(
            1
            for mask in range(1 << n)
            if not mask >> i & 1 and mask not in winning and mask | 1 << i in winning
        )
        for i in range(n)
    ]


def banzhaf_index_by_definition(n: int, winning: set[int], *, normalized: bool):
    swings = swing_counts(n, winning)
    if normalized:
        total = sum(swings)
        return [Fraction(s, total) if total else Fraction(0) for s in swings]
    return [Fraction(s, 2 ** (n - 1)) for s in swings]


def shapley_shubik_by_orders(n: int, winning: set[int]) -> list[Fraction]:
    """Share of the n! orders in which each player turns the coalition winning."""
    counts = [0] * n
    for order in permutations(range(n)):
        mask = 0
        for i in order:
            if mask | 1 << i in winning and mask not in winning:
                counts[i] += 1
                break
            mask |= 1 << i
    return [Fraction(c, factorial(n)) for c in counts]


def shapley_shubik_by_swings(n: int, winning: set[int]) -> list[Fraction]:
    """``SS_i = sum over swings S of i of |S|!(n-|S|-1)!/n!`` (S excludes i), by listing every
    coalition: the subset form of the order average, for n up to about 16."""
    weight = [Fraction(factorial(s) * factorial(n - s - 1), factorial(n)) for s in range(n)]
    out = [Fraction(0)] * n
    for mask in range(1 << n):
        if mask in winning:
            continue
        size = bin(mask).count("1")
        for i in range(n):
            if not mask >> i & 1 and mask | 1 << i in winning:
                out[i] += weight[size]
    return out


def coleman_prevent_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Share of winning coalitions that player i can turn losing by leaving."""
    count = len(winning)
    return [
        Fraction(sum(1 for m in winning if m >> i & 1 and m & ~(1 << i) not in winning), count)
        if count
        else Fraction(0)
        for i in range(n)
    ]


def coleman_initiate_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Share of losing coalitions that player i can turn winning by joining."""
    losing = (1 << n) - len(winning)
    return [
        Fraction(
            sum(
                1
                for m in range(1 << n)
                if m not in winning and not m >> i & 1 and m | 1 << i in winning
            ),
            losing,
        )
        if losing
        else Fraction(0)
        for i in range(n)
    ]


def coleman_act_by_definition(n: int, winning: set[int]) -> Fraction:
    """Share of all coalitions that win."""
    return Fraction(len(winning), 1 << n)


def rae_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Share of the 2**n coalitions (equally likely votes) in which the outcome goes the way
    player i voted: i is in a winning coalition or outside a losing one."""
    return [
        Fraction(sum(1 for m in range(1 << n) if (m >> i & 1) == (m in winning)), 1 << n)
        for i in range(n)
    ]


def minimal_winning_by_definition(n: int, winning: set[int]) -> list[int]:
    return sorted(m for m in winning if all(m & ~(1 << i) not in winning for i in _members(m, n)))


def johnston_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Each vulnerable winning coalition gives 1/k to each of its k critical members."""
    raw = [Fraction(0)] * n
    vulnerable = 0
    for m in winning:
        critical = [i for i in _members(m, n) if m & ~(1 << i) not in winning]
        if critical:
            vulnerable += 1
            for i in critical:
                raw[i] += Fraction(1, len(critical))
    return [r / vulnerable if vulnerable else Fraction(0) for r in raw]


def deegan_packel_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Each minimal winning coalition is equally likely and splits its unit equally."""
    minimal = minimal_winning_by_definition(n, winning)
    out = [Fraction(0)] * n
    for m in minimal:
        members = _members(m, n)
        for i in members:
            out[i] += Fraction(1, len(members) * len(minimal))
    return out


def holler_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Public good index: minimal winning coalitions containing i over the sum of those
    counts."""
    minimal = minimal_winning_by_definition(n, winning)
    counts = [sum(1 for m in minimal if m >> i & 1) for i in range(n)]
    total = sum(counts)
    return [Fraction(c, total) if total else Fraction(0) for c in counts]


def containing_counts(n: int, winning: set[int]) -> list[int]:
    """How many winning coalitions contain each player."""
    return [sum(1 for m in winning if m >> i & 1) for i in range(n)]


def public_help_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Theta: winning coalitions containing i over the sum of those counts."""
    counts = containing_counts(n, winning)
    return [Fraction(c, sum(counts)) for c in counts]


def public_help_xi_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Xi: a winning S drawn with probability proportional to 1/|S| splits its unit equally."""
    total = sum(Fraction(1, bin(m).count("1")) for m in winning)
    return [
        sum((Fraction(1, bin(m).count("1") ** 2) for m in winning if m >> i & 1), Fraction(0))
        / total
        for i in range(n)
    ]


def null_player_free_winning_by_definition(n: int, winning: set[int]) -> list[int]:
    """The winning coalitions containing no null player (a player who swings nothing)."""
    nulls = 0
    for i in range(n):
        if not any(m | 1 << i in winning for m in range(1 << n) if m not in winning):
            nulls |= 1 << i
    return [m for m in winning if not m & nulls]


def null_player_free_f_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """f^np: a null-player-free winning coalition drawn at random splits its unit equally."""
    free = null_player_free_winning_by_definition(n, winning)
    return [
        sum((Fraction(1, bin(m).count("1")) for m in free if m >> i & 1), Fraction(0)) / len(free)
        for i in range(n)
    ]


def null_player_free_g_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """g^np: null-player-free winning coalitions containing i, normalised."""
    free = null_player_free_winning_by_definition(n, winning)
    counts = [sum(1 for m in free if m >> i & 1) for i in range(n)]
    return [Fraction(c, sum(counts)) for c in counts]


def koenig_braeuninger_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    return [Fraction(c, len(winning)) for c in containing_counts(n, winning)]


def nevison_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    return [Fraction(c, 1 << (n - 1)) for c in containing_counts(n, winning)]


def barua_chakravarty_sarkar_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """Swings of i over the winning coalitions containing i."""
    return [
        Fraction(s, c) if c else Fraction(0)
        for s, c in zip(swing_counts(n, winning), containing_counts(n, winning))
    ]


def felsenthal_by_definition(n: int, winning: set[int]) -> list[Fraction]:
    """A least-size winning coalition is equally likely and splits its unit equally."""
    minimal = minimal_winning_by_definition(n, winning)
    least = min(bin(m).count("1") for m in minimal)
    smallest = [m for m in minimal if bin(m).count("1") == least]
    return [
        Fraction(sum(1 for m in smallest if m >> i & 1), least * len(smallest)) for i in range(n)
    ]


def colomer_martinez_by_definition(n: int, winning: set[int], weights) -> list[Fraction]:
    """A minimal winning coalition is equally likely and splits its unit by weight."""
    minimal = minimal_winning_by_definition(n, winning)
    out = [Fraction(0)] * n
    for m in minimal:
        members = _members(m, n)
        total = sum(Fraction(weights[i]) for i in members)
        for i in members:
            out[i] += Fraction(weights[i]) / total / len(minimal)
    return out


def _subset_counts(weights: list[int], *, by_size: bool):
    """``counts[t]`` (or ``counts[s][t]``): how many subsets of ``weights`` have total weight
    ``t`` (and ``s`` members), by adding one item at a time, in Python integers."""
    total = sum(weights)
    if not by_size:
        counts = [1] + [0] * total
        for w in weights:
            counts = [counts[t] + (counts[t - w] if t >= w else 0) for t in range(total + 1)]
        return counts
    counts = [[1] + [0] * total]
    for w in weights:
        counts.append([0] * (total + 1))
        for size in range(len(counts) - 1, 0, -1):
            below, row = counts[size - 1], counts[size]
            for t in range(total, w - 1, -1):
                if below[t - w]:
                    row[t] += below[t - w]
    return counts


def weighted_winning_count(quota: int, weights: list[int]) -> int:
    """How many coalitions of ``[quota; weights]`` win (integer weights)."""
    counts = _subset_counts(list(weights), by_size=False)
    return sum(counts[max(0, quota) :])


def weighted_counts_by_recursion(quota: int, weights: list[int], *, shapley: bool = True):
    """``(swings, shapley_shubik)`` of ``[quota; weights]`` by counting, for each player, the
    coalitions of the others by size and weight (integer weights; Shapley-Shubik is None
    when ``shapley`` is false). ``swings[i]`` counts coalitions S of the others with
    ``quota - w_i <= w(S) < quota``; ``SS_i = sum over those S of |S|!(n-|S|-1)!/n!``."""
    n = len(weights)
    swings, ss = [], []
    for i in range(n):
        others = [w for j, w in enumerate(weights) if j != i]
        low, high = max(0, quota - weights[i]), quota  # low <= w(S) < high
        if shapley:
            counts = _subset_counts(others, by_size=True)
            per_size = [sum(row[max(0, low) : max(0, high)]) for row in counts]
            swings.append(sum(per_size))
            ss.append(
                sum(
                    (
                        Fraction(factorial(s) * factorial(n - s - 1), factorial(n)) * c
                        for s, c in enumerate(per_size)
                    ),
                    Fraction(0),
                )
            )
        else:
            counts = _subset_counts(others, by_size=False)
            swings.append(sum(counts[max(0, low) : max(0, high)]))
    return swings, (ss if shapley else None)


# --------------------------------------------------------------------------- formation


def partitions_by_recursion(items: list) -> list[list[list]]:
    """Every set partition: the first item's block is chosen among the subsets of the rest."""
    if not items:
        return [[]]
    first, rest = items[0], items[1:]
    out = []
    for size in range(len(rest) + 1):
        for partners in combinations(rest, size):
            remaining = [x for x in rest if x not in partners]
            for tail in partitions_by_recursion(remaining):
                out.append([[first, *partners], *tail])
    return out


def optimal_structure_by_enumeration(values):
    """``(best total worth, every optimal partition as a set of frozensets)``."""
    table, n = exact_table(values)
    best, argbest = None, []
    for partition in partitions_by_recursion(list(range(n))):
        total = sum(table[_mask(block)] for block in partition)
        shape = frozenset(frozenset(block) for block in partition)
        if best is None or total > best:
            best, argbest = total, [shape]
        elif total == best:
            argbest.append(shape)
    return best, argbest


def aumann_dreze_by_definition(values, structure) -> list[Fraction]:
    """Shapley value (by orders) of each block's subgame, assembled per player."""
    table, n = exact_table(values)
    out = [Fraction(0)] * n
    for block in structure:
        block = list(block)
        sub = [
            table[_mask(block[j] for j in range(len(block)) if m >> j & 1)]
            for m in range(1 << len(block))
        ]
        for j, value in enumerate(shapley_by_orders(sub)):
            out[block[j]] = value
    return out


def in_structure_core_by_definition(values, structure, x) -> bool:
    """``x(B) = v(B)`` for each block and ``x(S) >= v(S)`` for every coalition, exactly."""
    table, n = exact_table(values)
    x = [Fraction(v) for v in x]
    if any(sum(x[i] for i in block) != table[_mask(block)] for block in structure):
        return False
    return all(sum(x[i] for i in _members(m, n)) >= table[m] for m in range(1 << n))


def _owner(partition, n: int) -> dict[int, frozenset]:
    return {i: frozenset(block) for block in partition for i in block}


def hedonic_core_stable_by_definition(n: int, utility, partition) -> bool:
    """No non-empty S in which every member strictly prefers S to its own coalition.
    ``utility(i, frozenset)`` gives player i's utility of a coalition containing it."""
    owner = _owner(partition, n)
    for mask in range(1, 1 << n):
        group = frozenset(_members(mask, n))
        if all(utility(i, group) > utility(i, owner[i]) for i in group):
            return False
    return True


def _hedonic_moves(n: int, utility, partition):
    """Every (player, old coalition, host coalition T or empty, new coalition) with a strict
    gain for the mover."""
    owner = _owner(partition, n)
    blocks = {frozenset(b) for b in partition}
    for i in range(n):
        old = owner[i]
        targets = [b for b in blocks if b != old] + ([frozenset()] if len(old) > 1 else [])
        for host in targets:
            new = host | {i}
            if utility(i, new) > utility(i, old):
                yield i, old, host, new


def hedonic_nash_stable_by_definition(n: int, utility, partition) -> bool:
    """No player strictly prefers joining another coalition (or being alone)."""
    return next(_hedonic_moves(n, utility, partition), None) is None


def hedonic_individually_stable_by_definition(n: int, utility, partition) -> bool:
    """No profitable move that every member of the host coalition weakly welcomes."""
    for _, _, host, new in _hedonic_moves(n, utility, partition):
        if all(utility(j, new) >= utility(j, host) for j in host):
            return False
    return True


def hedonic_contractually_stable_by_definition(n: int, utility, partition) -> bool:
    """No profitable move welcomed by the hosts and allowed by the old partners (each weakly
    prefers its coalition without the mover)."""
    for i, old, host, new in _hedonic_moves(n, utility, partition):
        left = old - {i}
        if all(utility(j, new) >= utility(j, host) for j in host) and all(
            utility(j, left) >= utility(j, old) for j in left
        ):
            return False
    return True


def linear_quadratic_stable_sizes(n: int, *, indifferent_join: bool = True) -> list[int]:
    """Stable signatory numbers of the linear-quadratic agreement model in closed form
    (MODELS.md 9): internal stability iff (k - 1)(k - 3) <= 0, external iff k(k - 2) > 0
    (``>= 0`` when indifferent outsiders stay out), and k = n is externally stable."""
    sizes = []
    for k in range(1, n + 1):
        internal = (k - 1) * (k - 3) <= 0
        external = k == n or (k * (k - 2) > 0 if indifferent_join else k * (k - 2) >= 0)
        if internal and external:
            sizes.append(k)
    return sizes


def symmetric_pairs_by_definition(values) -> list[tuple[int, int]]:
    """Pairs i < j with ``v(S + i) = v(S + j)`` for every S containing neither."""
    table, n = exact_table(values)
    return [
        (i, j)
        for j in range(n)
        for i in range(j)
        if all(
            table[m | 1 << i] == table[m | 1 << j]
            for m in range(1 << n)
            if not m >> i & 1 and not m >> j & 1
        )
    ]


def ternary_by_definition(levels, quota):
    """A weighted ternary game ``[quota; (yes, abstain, no) per voter]`` by its ``3**n``
    profiles: (passing count, and per voter the Banzhaf swings ``eta``, the passing profiles
    it defeats by voting no, the failing ones it carries by voting yes)."""
    n = len(levels)

    def passes(votes):  # votes: 0 no, 1 abstain, 2 yes
        return sum(levels[i][2 - v] for i, v in enumerate(votes)) >= quota

    passing = 0
    eta, block, initiate = [0] * n, [0] * n, [0] * n
    for votes in product(range(3), repeat=n):
        outcome = passes(votes)
        passing += outcome
        for i in range(n):
            as_no = passes(votes[:i] + (0,) + votes[i + 1 :])
            as_yes = passes(votes[:i] + (2,) + votes[i + 1 :])
            eta[i] += as_yes and not as_no
            block[i] += outcome and not as_no
            initiate[i] += as_yes and not outcome
    # eta counted once per vote of voter i: divide the three copies out
    return passing, [e // 3 for e in eta], block, initiate


# --------------------------------------------------------------------------- issue 16 concepts


def solve_linear(rows, rhs) -> list[Fraction] | None:
    """The unique solution of a square system over Fractions (Gauss-Jordan), else None."""
    m = [[Fraction(v) for v in row] + [Fraction(b)] for row, b in zip(rows, rhs)]
    size = len(m)
    for c in range(size):
        pivot = next((r for r in range(c, size) if m[r][c] != 0), None)
        if pivot is None:
            return None
        m[c], m[pivot] = m[pivot], m[c]
        m[c] = [v / m[c][c] for v in m[c]]
        for r in range(size):
            if r != c and m[r][c]:
                m[r] = [a - m[r][c] * b for a, b in zip(m[r], m[c])]
    return [m[r][size] for r in range(size)]


def _rank(vectors) -> int:
    """The rank of a list of vectors over Fractions."""
    rows = [[Fraction(v) for v in row] for row in vectors]
    rank, width = 0, len(rows[0]) if rows else 0
    for c in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][c] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][c]:
                factor = rows[r][c] / rows[rank][c]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank])]
        rank += 1
    return rank


def box_vertices_by_enumeration(lower, upper, total) -> list[list[Fraction]]:
    """The vertices of ``{x : lower <= x <= upper, x(N) = total}``, sorted: every vertex has
    all coordinates but one at a bound, the free one fixed by the total (empty if none fits)."""
    n = len(lower)
    lower, upper = [Fraction(v) for v in lower], [Fraction(v) for v in upper]
    found = set()
    for free in range(n):
        others = [k for k in range(n) if k != free]
        for choice in product((0, 1), repeat=n - 1):
            x = [Fraction(0)] * n
            for k, up in zip(others, choice):
                x[k] = upper[k] if up else lower[k]
            x[free] = Fraction(total) - sum(x[k] for k in others)
            if all(lower[k] <= x[k] <= upper[k] for k in range(n)):
                found.add(tuple(x))
    return [list(p) for p in sorted(found)]


def weber_vertices_by_orders(values) -> list[list[Fraction]]:
    """The distinct marginal vectors ``m_i = v(P_i + i) - v(P_i)`` over all orders, sorted
    (their convex hull is the Weber set)."""
    table, n = exact_table(values)
    found = set()
    for order in permutations(range(n)):
        x, before = [Fraction(0)] * n, 0
        for i in order:
            x[i] = table[before | 1 << i] - table[before]
            before |= 1 << i
        found.add(tuple(x))
    return [list(p) for p in sorted(found)]


def hull_vertices_by_separation(points, tol: float = 1e-9) -> list[list[Fraction]]:
    """The points that are vertices of their convex hull, by the definition of a vertex:
    ``p`` is one when some direction ``c`` (``-1 <= c_k <= 1``) puts it strictly above every
    other point, ``c . (p - q) >= t > 0``; one LP (scipy) maximises the margin ``t``.
    Float LP on the given (exact) points: small sets only. The Weber set's vertices are
    ``hull_vertices_by_separation(weber_vertices_by_orders(values))``."""
    from scipy.optimize import linprog

    distinct = sorted({tuple(Fraction(c) for c in p) for p in points})
    if len(distinct) <= 2:
        return [list(p) for p in distinct]
    n = len(distinct[0])
    out = []
    for p in distinct:
        rows = [
            [-float(a - b) for a, b in zip(p, q)] + [1.0] for q in distinct if q != p
        ]  # t - c . (p - q) <= 0
        found = linprog(
            [0.0] * n + [-1.0],
            A_ub=rows,
            b_ub=[0.0] * len(rows),
            bounds=[(-1, 1)] * n + [(None, 1)],
        )
        if found.status == 0 and -found.fun > tol:
            out.append(list(p))
    return out


def core_cover_by_definition(values) -> list[list[Fraction]]:
    """The core cover's vertices: the box between the minimal rights and the utopia payoffs
    cut by efficiency (Tijs and Lipperts 1982); empty when the box misses the hyperplane."""
    table, _ = exact_table(values)
    return box_vertices_by_enumeration(
        minimal_rights_by_definition(table), utopia_by_definition(table), table[-1]
    )


def reasonable_set_by_definition(values) -> list[list[Fraction]]:
    """The reasonable set's vertices: ``v(i) <= x_i <= max over S containing i of
    v(S) - v(S minus i)`` cut by efficiency (Milnor 1952)."""
    table, n = exact_table(values)
    best = [
        max(table[m] - table[m & ~(1 << i)] for m in range(1 << n) if m >> i & 1) for i in range(n)
    ]
    return box_vertices_by_enumeration([table[1 << i] for i in range(n)], best, table[-1])


def imputation_vertices_by_definition(values) -> list[list[Fraction]]:
    """The imputation set's vertices ``v(i) + (v(N) - sum v(j)) e_k``, sorted (empty if the
    individual worths exceed ``v(N)``)."""
    table, n = exact_table(values)
    singles = [table[1 << i] for i in range(n)]
    surplus = table[-1] - sum(singles)
    if surplus < 0:
        return []
    found = {tuple(s + (surplus if i == k else 0) for i, s in enumerate(singles)) for k in range(n)}
    return [list(p) for p in sorted(found)]


def centroid_by_pulling(vertices, faces) -> list[Fraction]:
    """The centre of mass of the polytope ``conv(vertices)``, exactly, by a pulling
    triangulation: a face is coned from its first vertex over its facets not containing it,
    recursively; each simplex weighs its volume in a coordinate projection that is one-to-one
    on the affine hull (every simplex is scaled alike, so the weights are exact).

    ``faces`` lists hyperplanes ``(a, b)`` (``a . x = b``) that cut out every facet of every
    face, e.g. the constraints ``x(S) = v(S)`` of a core."""
    points = sorted({tuple(Fraction(v) for v in p) for p in vertices})
    base = points[0]
    directions = [[a - b for a, b in zip(p, base)] for p in points[1:]]
    dim = _rank(directions) if directions else 0
    if dim == 0:
        return list(base)
    # d coordinates on which the directions have full rank: a one-to-one projection
    coords: list[int] = []
    for c in range(len(base)):
        if _rank([[row[k] for k in [*coords, c]] for row in directions]) > len(coords):
            coords.append(c)
    planes = [([Fraction(v) for v in a], Fraction(b)) for a, b in faces]

    def on(plane, p):
        return sum(a * x for a, x in zip(plane[0], p)) == plane[1]

    def simplices(face, k):
        if k == 0:
            return [[face[0]]]
        apex, out, seen = face[0], [], set()
        for plane in planes:
            facet = [p for p in face if on(plane, p)]
            key = frozenset(facet)
            if on(plane, apex) or key in seen or len(facet) < k:
                continue
            if _rank([[a - b for a, b in zip(p, facet[0])] for p in facet[1:]]) != k - 1:
                continue
            seen.add(key)
            out += [[apex, *simplex] for simplex in simplices(sorted(facet), k - 1)]
        return out

    total, moment = Fraction(0), [Fraction(0)] * len(base)
    for simplex in simplices(points, dim):
        matrix = [[p[c] - simplex[0][c] for c in coords] for p in simplex[1:]]
        volume = abs(_determinant(matrix))
        total += volume
        for c in range(len(base)):
            moment[c] += volume * sum(p[c] for p in simplex) / len(simplex)
    return [m / total for m in moment]


def _determinant(matrix) -> Fraction:
    m = [[Fraction(v) for v in row] for row in matrix]
    size, det = len(m), Fraction(1)
    for c in range(size):
        pivot = next((r for r in range(c, size) if m[r][c] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            det = -det
        det *= m[c][c]
        for r in range(c + 1, size):
            factor = m[r][c] / m[c][c]
            m[r] = [a - factor * b for a, b in zip(m[r], m[c])]
    return det


def core_faces(values) -> list[tuple[list[int], Fraction]]:
    """The hyperplanes ``x(S) = v(S)`` of the proper coalitions (for centroid_by_pulling)."""
    table, n = exact_table(values)
    return [([m >> i & 1 for i in range(n)], table[m]) for m in range(1, (1 << n) - 1)]


def in_core_by_definition(values, x) -> bool:
    table, n = exact_table(values)
    x = [Fraction(v) for v in x]
    return sum(x) == table[-1] and all(
        sum(x[i] for i in _members(m, n)) >= table[m] for m in range(1, 1 << n)
    )


def is_lorenz_solution_by_definition(values, x, core_vertices) -> bool:
    """Whether ``x`` minimises ``sum x_i**2`` over the core (the Lorenz solution): ``x`` is in
    the core and ``x . (w - x) >= 0`` for every core vertex ``w`` (the optimality condition of
    a convex quadratic over a polytope), exactly."""
    x = [Fraction(v) for v in x]
    return in_core_by_definition(values, x) and all(
        sum(a * (Fraction(b) - a) for a, b in zip(x, w)) >= 0 for w in core_vertices
    )


def dutta_ray_by_algorithm(values) -> list[Fraction]:
    """Dutta and Ray's (1989) algorithm for a convex game: with ``T`` the players served so
    far, take the largest coalition ``S`` outside ``T`` of the highest average worth
    ``(v(S + T) - v(T)) / |S|`` and give each member that average; repeat."""
    table, n = exact_table(values)
    x, served = [Fraction(0)] * n, 0
    full = (1 << n) - 1
    while served != full:
        rest = full & ~served
        best, chosen = None, 0
        for s in range(1, 1 << n):
            if s & ~rest:
                continue
            average = (table[s | served] - table[served]) / bin(s).count("1")
            if best is None or average > best or (average == best and s | chosen != chosen):
                if best is not None and average == best:
                    chosen |= s  # ties: the union (a maximiser too, by convexity)
                else:
                    best, chosen = average, s
        for i in _members(chosen, n):
            x[i] = best
        served |= chosen
    return x


def solidarity_by_average_marginals(values) -> list[Fraction]:
    """Nowak and Radzik's (1994) solidarity value: the Shapley formula with the average
    marginal contribution ``A(S) = sum over k in S of (v(S) - v(S - k)) / |S|`` in place of
    ``v(S) - v(S - i)``."""
    table, n = exact_table(values)
    out = [Fraction(0)] * n
    for s in range(1, 1 << n):
        members = _members(s, n)
        size = len(members)
        average = sum(table[s] - table[s & ~(1 << k)] for k in members) / Fraction(size)
        weight = Fraction(factorial(size - 1) * factorial(n - size), factorial(n))
        for i in members:
            out[i] += weight * average
    return out


def egalitarian_shapley_by_definition(values, alpha) -> list[Fraction]:
    """Joosten's (1996) egalitarian Shapley value ``alpha Sh + (1 - alpha) v(N) / n``."""
    alpha = Fraction(alpha)
    shapley = shapley_by_orders(values)
    equal = equal_division_by_definition(values)
    return [alpha * s + (1 - alpha) * e for s, e in zip(shapley, equal)]


def chi_by_definition(values):
    """The chi value (Bergantiños and Massó 1996): ``b_i`` the largest marginal contribution
    of i to any coalition, ``m_i`` the largest remainder ``v(S) - b(S - i)``, and
    ``m + alpha (b - m)`` efficient; None unless ``m(N) <= v(N) <= b(N)``."""
    table, n = exact_table(values)
    b = [
        max(table[m] - table[m & ~(1 << i)] for m in range(1 << n) if m >> i & 1) for i in range(n)
    ]
    low = [
        max(
            table[m] - sum(b[j] for j in _members(m, n) if j != i)
            for m in range(1 << n)
            if m >> i & 1
        )
        for i in range(n)
    ]
    grand = table[-1]
    if not sum(low) <= grand <= sum(b):
        return None
    if sum(b) == sum(low):
        return b
    alpha = (grand - sum(low)) / (sum(b) - sum(low))
    return [m + alpha * (u - m) for m, u in zip(low, b)]


def proportional_value_by_potential(values):
    """Ortmann's (2000) proportional value of a positive game: the ratio potential
    ``P(empty) = 1``, ``P(S) = v(S) / sum over i in S of 1 / P(S - i)``, and
    ``x_i = P(N) / P(N - i)``; None unless every ``v(S) > 0``."""
    table, n = exact_table(values)
    if any(v <= 0 for v in table[1:]):
        return None
    potential = [Fraction(1)] + [Fraction(0)] * ((1 << n) - 1)
    for s in sorted(range(1, 1 << n), key=lambda m: bin(m).count("1")):
        potential[s] = table[s] / sum(1 / potential[s & ~(1 << i)] for i in _members(s, n))
    full = (1 << n) - 1
    return [potential[full] / potential[full & ~(1 << i)] for i in range(n)]


def least_squares_by_kkt(values, weights=None) -> list[Fraction]:
    """A least-square value (Ruiz, Valenciano and Zarzuelo 1998) from its program: minimise
    ``sum over proper S of m_|S| (v(S) - x(S) - c)**2`` over ``x`` and a free level ``c``
    subject to ``x(N) = v(N)``, by the stationarity equations (exactly)."""
    table, n = exact_table(values)
    weights = [Fraction(1)] * (n - 1) if weights is None else [Fraction(w) for w in weights]
    proper = [m for m in range(1, (1 << n) - 1) if weights[bin(m).count("1") - 1]]
    # unknowns x_0..x_{n-1}, c, lambda; residual r_S = v(S) - x(S) - c
    size = n + 2
    rows, rhs = [], []
    indicator = {m: [m >> i & 1 for i in range(n)] + [1] for m in proper}
    for k in range(n + 1):  # d/dx_k and d/dc of the squares, plus lambda (x only)
        row = [Fraction(0)] * size
        b = Fraction(0)
        for m in proper:
            w = weights[bin(m).count("1") - 1]
            if indicator[m][k]:
                for q in range(n + 1):
                    row[q] += w * indicator[m][q]
                b += w * table[m]
        if k < n:
            row[n + 1] = Fraction(1)
        rows.append(row)
        rhs.append(b)
    rows.append([Fraction(1)] * n + [Fraction(0), Fraction(0)])
    rhs.append(table[-1])
    if n == 1:  # no proper coalition: efficiency alone
        return [table[-1]]
    return solve_linear(rows, rhs)[:n]


def faith_shap_by_definition(values, order: int) -> dict[tuple[int, ...], Fraction]:
    """Faith-Shap (Tsai, Yeh and Ravikumar 2023) of ``order``: the coefficients ``E_T``
    (``1 <= |T| <= order``) of ``sum over T in S of E_T`` closest to ``v`` in the Shapley
    kernel's squares ``mu(S) = (n - 1) / (C(n, s) s (n - s))``, with ``v(empty)`` and ``v(N)``
    matched exactly: the normal equations with two Lagrange multipliers, in Fractions."""
    table, n = exact_table(values)
    terms = [t for s in range(order + 1) for t in combinations(range(n), s)]
    full = (1 << n) - 1

    def row_of(mask):
        return [Fraction(int(all(mask >> i & 1 for i in t))) for t in terms]

    size = len(terms)
    gram = [[Fraction(0)] * (size + 2) for _ in range(size)]
    rhs = [Fraction(0)] * size
    for mask in range(1, full):
        s = bin(mask).count("1")
        mu = Fraction(n - 1, comb(n, s) * s * (n - s))
        design = row_of(mask)
        for a in range(size):
            if design[a]:
                for b in range(size):
                    gram[a][b] += mu * design[b]
                rhs[a] += mu * table[mask]
    for a, constraint in ((size, row_of(0)), (size + 1, row_of(full))):
        for k in range(size):
            gram[k][a] = constraint[k]
    rows = gram + [row_of(0) + [0, 0], row_of(full) + [0, 0]]
    solution = solve_linear(rows, rhs + [table[0], table[full]])
    return dict(zip(terms[1:], solution[1:size]))


def in_bargaining_set_by_lp(values, x, tol: float = 1e-9) -> bool:
    """Whether the imputation ``x`` is in the Aumann-Maschler bargaining set, by the
    definition: for every ordered pair (i, j) and coalition S with i and without j, one LP
    (scipy) decides whether some ``y`` on S with ``y_k > x_k``, ``y(S) = v(S)`` beats every
    counter-coalition T (with j, without i) -- ``y(S & T) + x(T - S) > v(T)``; ``x`` is in the
    set when no such justified objection exists. Float LP: small rational games only."""
    from scipy.optimize import linprog

    table, n = exact_table(values)
    x = [Fraction(v) for v in x]
    if sum(x) != table[-1] or any(x[i] < table[1 << i] for i in range(n)):
        return False

    def excess(mask):
        return float(table[mask] - sum(x[k] for k in _members(mask, n)))

    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            for s in range(1 << n):
                if not s >> i & 1 or s >> j & 1 or excess(s) <= 0:
                    continue
                members = _members(s, n)
                m = len(members)
                # variables d (gains on S) and t; maximise t
                a_ub, b_ub = [], []
                for c in range(m):
                    row = [0.0] * (m + 1)
                    row[c], row[m] = -1.0, 1.0  # t <= d_c
                    a_ub.append(row)
                    b_ub.append(0.0)
                for t in range(1 << n):
                    if t >> j & 1 and not t >> i & 1:
                        row = [-float(t >> k & 1) for k in members] + [1.0]
                        a_ub.append(row)  # t <= d(S & T) - e(T)
                        b_ub.append(-excess(t))
                found = linprog(
                    [0.0] * m + [-1.0],
                    A_ub=a_ub,
                    b_ub=b_ub,
                    A_eq=[[1.0] * m + [0.0]],
                    b_eq=[excess(s)],
                    bounds=[(None, None)] * (m + 1),
                )
                if found.status == 3 or (found.status == 0 and -found.fun > tol):
                    return False  # a justified objection of i against j through S
    return True
