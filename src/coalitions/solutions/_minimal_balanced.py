r"""The minimal balanced collections of four and five players, and what they decide without
a linear program: the least-core value, the (pre)nucleolus and Kohlberg's criterion.

A collection :math:`B` of proper coalitions is *balanced* when weights :math:`\delta_S > 0`
give :math:`\sum_{S \in B} \delta_S 1_S = 1_N`, and *minimal balanced* when no proper
subcollection is balanced, which holds exactly when the vectors :math:`1_S` are linearly
independent (the weights are then unique). Every balanced collection is a union of minimal
ones (Shapley 1967). Four players have 41 of them and five have 1,291 (the grand coalition
alone excluded); they are package data (``_minimal_balanced_data.py``, written by
:func:`render_collections` from :func:`generate_collections`, which follows the definition;
a test regenerates and compares) and are checked balanced, in integers, when loaded.

Three uses, each a pass over the table with numpy:

* **Least-core value** (Bondareva 1963; Shapley 1967): at an efficient :math:`x`,
  :math:`\sum_{S \in B} a_S (v(S) - x(S)) = \sum_S a_S v(S) - \lambda v(N)` for integer
  weights with :math:`\sum_S a_S 1_S = \lambda 1_N`, so the largest excess is at least
  :math:`(\sum_S a_S v(S) - \lambda v(N)) / \sum_S a_S`; the least of the largest excesses
  is the largest of these bounds. Any bound is a proof (weak duality) whatever the table.
* **The prenucleolus** (the stages of Kopelowitz 1967 and Maschler, Peleg and Shapley 1979,
  with the dual of each stage read off the table): at a stage the coalitions whose excess
  is already fixed span a subspace :math:`L`; for a collection :math:`D` with members
  outside :math:`L` the same identity bounds their largest excess by
  :math:`(\sum_{S \in D} a_S v(S) - \lambda v(N) - \sum_{S \in D \cap L} a_S e_S) /
  \sum_{S \in D \setminus L} a_S` (:math:`e_S` the fixed excesses), and the stage's level
  is the largest of these bounds (a dual optimum of the stage is balanced together with the
  fixed coalitions, and splits into minimal balanced collections of the table). The
  members outside :math:`L` of the collections that attain it are fixed at that level.
  The stages run in floats; the caller rebuilds the point exactly and certifies it.
* **Kohlberg's criterion** (Kohlberg 1971): the coalitions of excess at least d (with, for
  the nucleolus, the singletons of the players paid their worth, on non-negative weights)
  form a balanced collection exactly when each of them lies in a minimal balanced
  collection made of them: bitset tests over the table.

References
----------
.. [1] Shapley, L. S. (1967). On balanced sets and cores. *Naval Research Logistics
   Quarterly* 14(4), 453-460.
.. [2] Kohlberg, E. (1971). On the nucleolus of a characteristic function game. *SIAM J.
   Appl. Math.* 20(1), 62-66.
.. [3] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
   kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

import numpy as np

from .._bits import mask_bits
from .._numbers import INT64_SUMS, read_only

__all__ = [
    "TABLE_PLAYERS",
    "Table",
    "collections_table",
    "generate_collections",
    "render_collections",
    "decode_collections",
    "stage_levels",
    "kohlberg_by_table",
]

#: The numbers of players whose minimal balanced collections are package data.
TABLE_PLAYERS = (4, 5)
#: Every balancing weight of at most five players is a multiple of 1/60 (a minor of a 0/1
#: matrix of at most 5 rows is at most 5).
_WEIGHT_UNIT = 60
#: Float ties of the stages, in the LP units of the normal form (worths of at most 1).
STAGE_TIE = 1e-9
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Table:
    """The minimal balanced collections of ``n`` players.

    ``weights[k, S]`` is the integer weight ``a_S`` of coalition ``S`` in collection ``k``
    (0 outside it; coprime per collection), ``cover[k]`` the ``lambda`` with
    ``sum_S a_S 1_S = lambda 1_N``, ``total[k]`` the sum of the weights and
    ``members[k]`` the collection as a bitset over the masks (bit ``S`` for coalition S);
    ``float_weights`` holds ``weights`` as floats (exact: they are at most 3);
    ``float_weights_t`` is its transpose, contiguous; ``member_index[k]`` lists the masks
    of collection k, padded with ``2**n``, and
    ``by_member`` lists the collections holding each proper mask in turn, from
    ``by_member_start[S - 1]`` on; ``bits`` is the float membership matrix of all masks and
    ``single`` marks the singletons.
    """

    n: int
    weights: np.ndarray
    cover: np.ndarray
    total: np.ndarray
    members: np.ndarray
    float_weights: np.ndarray
    float_weights_t: np.ndarray
    member_index: np.ndarray
    bits: np.ndarray
    single: np.ndarray
    by_member: np.ndarray
    by_member_start: np.ndarray

    def sums(self, table: np.ndarray) -> np.ndarray:
        """``sum_S a_S t(S)`` of every collection for a float table ``t`` of ``2**n``
        numbers: one vector-matrix product with the transposed weights (the fastest form
        for numpy's BLAS at this size)."""
        return table @ self.float_weights_t

    def bounds(self, ints: np.ndarray) -> np.ndarray:
        """``sum_S a_S v(S) - lambda v(N)`` of every collection for the integer worths
        ``ints`` (int64), exactly."""
        if int(np.abs(ints).max(initial=0)) * 16 < 1 << 53:  # exact in floats
            sums = self.sums(ints.astype(np.float64)).astype(np.int64)
        else:
            sums = self.weights @ ints
        return sums - self.cover * int(ints[-1])


def generate_collections(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The minimal balanced collections of ``n`` players from the definition, as sorted
    ``(masks, integer weights)`` pairs: every set of at most ``n`` proper coalitions whose
    vectors are independent and have ``1_N`` as a positive combination (vectorised over
    the sets of each size; the weights rebuilt in integers and checked)."""
    full = (1 << n) - 1
    proper = np.arange(1, full, dtype=np.int64)
    bits = mask_bits(proper, n, np.int64)
    out = []
    for k in range(2, n + 1):
        chosen = np.fromiter(
            itertools.chain.from_iterable(itertools.combinations(range(proper.size), k)),
            dtype=np.int64,
        ).reshape(-1, k)
        chosen = chosen[np.bitwise_or.reduce(proper[chosen], axis=1) == full]
        vectors = bits[chosen].astype(np.float64)  # (sets, k, n)
        gram = vectors @ vectors.transpose(0, 2, 1)
        independent = np.abs(np.linalg.det(gram)) > 0.5  # an integer: 0 or at least 1
        chosen, vectors, gram = chosen[independent], vectors[independent], gram[independent]
        weights = np.linalg.solve(gram, vectors.sum(axis=2)[..., None])[..., 0]
        positive = (weights > 1e-9).all(axis=1)
        chosen, weights = chosen[positive], weights[positive]
        scaled = np.rint(weights * _WEIGHT_UNIT).astype(np.int64)
        exact = (np.einsum("sk,skn->sn", scaled, bits[chosen]) == _WEIGHT_UNIT).all(axis=1)
        chosen, scaled = chosen[exact], scaled[exact]
        divisor = np.gcd.reduce(scaled, axis=1)
        for members, weight in zip(proper[chosen].tolist(), (scaled // divisor[:, None]).tolist()):
            out.append((tuple(members), tuple(weight)))
    return sorted(out)


def render_collections(collections, n: int) -> str:
    """The text of the package data: one collection per group of ``2 n`` base-36 digits
    (mask, weight; padded with ``00``), eight groups a line."""
    groups = []
    for masks, weights in collections:
        pairs = "".join(_DIGITS[m] + _DIGITS[w] for m, w in zip(masks, weights))
        groups.append(pairs.ljust(2 * n, "0"))
    return "\n".join(" ".join(groups[i : i + 8]) for i in range(0, len(groups), 8))


def decode_collections(text: str, n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The collections of :func:`render_collections`'s text."""
    out = []
    for group in text.split():
        values = [_DIGITS.index(c) for c in group]
        pairs = [(m, w) for m, w in zip(values[::2], values[1::2]) if m]
        out.append((tuple(m for m, _ in pairs), tuple(w for _, w in pairs)))
    return out


@cache
def collections_table(n: int) -> Table | None:
    """The :class:`Table` of ``n`` players (None unless ``n`` is in ``TABLE_PLAYERS``),
    checked balanced in integers."""
    if n not in TABLE_PLAYERS:
        return None
    from ._minimal_balanced_data import DATA

    # decoded in one pass: every group is 2 n base-36 digits (mask, weight) padded with 00
    text = DATA[n].split()
    digits = np.frombuffer("".join(text).encode("ascii"), dtype=np.uint8)
    values = np.where(digits >= ord("a"), digits - ord("a") + 10, digits - ord("0"))
    pairs = values.astype(np.int64).reshape(len(text), n, 2)
    masks, weight = pairs[..., 0], pairs[..., 1]
    size = 1 << n
    rows = np.repeat(np.arange(len(text)), n)
    weights = np.zeros((len(text), size), dtype=np.int64)
    weights[rows, masks.ravel()] = weight.ravel()
    weights[:, 0] = 0  # the padding
    members = np.bitwise_or.reduce(np.where(masks > 0, 1 << masks, 0), axis=1)
    cover = weights @ mask_bits(np.arange(size), n, np.int64)
    lam = cover[:, 0]
    full = size - 1
    if not (
        (cover == lam[:, None]).all()
        and (lam > 0).all()
        and (weights >= 0).all()
        and not weights[:, [0, full]].any()
    ):  # pragma: no cover - the data are checked by the tests
        raise RuntimeError("the minimal balanced collections of the package data are not balanced")
    for array in (weights, lam, members):
        read_only(array)
    total = weights.sum(axis=1)
    floats = weights.astype(np.float64)
    index = np.where(masks > 0, masks, size)
    floats_t = np.ascontiguousarray(floats.T)
    bits = mask_bits(np.arange(size), n)
    single = np.zeros(size, dtype=bool)
    single[[1 << i for i in range(n)]] = True
    held, column = np.nonzero(weights.T[1:full])  # (mask - 1, collection), by mask
    start = np.searchsorted(held, np.arange(full - 1))
    for array in (total, floats, floats_t, index, column, start, bits, single):
        read_only(array)
    return Table(
        n=n,
        weights=weights,
        cover=lam,
        total=total,
        members=members,
        float_weights=floats,
        float_weights_t=floats_t,
        member_index=index,
        bits=bits,
        single=single,
        by_member=column,
        by_member_start=start,
    )


def stage_levels(
    floats: np.ndarray, n: int, *, imputation: bool = False
) -> tuple[np.ndarray, list[list[int]], list[float]]:
    """The prenucleolus (``imputation``: the nucleolus) of the float worths ``floats``
    (zero-normalised, of order one) by the stages of the module docstring.

    Over the imputations a singleton's excess ``-x_i`` is at most ``min(t, 0)``: a
    collection's bound is then ``r / A`` when its remainder ``r`` (the numerator above) is
    at most 0, and ``r / A'`` otherwise, with ``A'`` the weight of its members outside the
    span that are not singletons; at a positive level its singletons are fixed at
    ``x_i = 0``.

    Returns ``(x, fixed, levels)``: the float point, the coalitions fixed at each stage and
    the stage levels. The first stage's level is the least-core value (over the
    preimputations) and its fixed coalitions the union of the collections that attain it.
    """
    tab = collections_table(n)
    assert tab is not None
    size = 1 << n
    full = size - 1
    bits, single = tab.bits, tab.single
    base = tab.sums(floats) - tab.cover * floats[full]  # sum a v(S) - lambda v(N)
    columns = np.zeros((3, size))
    rows = [full]
    rhs = [float(floats[full])]
    fixed: list[list[int]] = []
    levels: list[float] = []
    in_span = np.zeros(size, dtype=bool)
    in_span[full] = True
    x = np.zeros(n)
    for stage in range(n):
        if stage == 0 and not imputation:  # nothing fixed yet: the Bondareva-Shapley bounds
            bounds = base / tab.total
        else:
            # per collection: the weight outside the span (and of its coalitions that are
            # not singletons) and the fixed excesses inside
            columns[0] = ~in_span
            columns[1] = np.where(in_span, floats - bits @ x, 0.0)
            columns[2] = ~in_span & ~single
            rest = base - tab.sums(columns[1])
            weight = tab.sums(columns[0])
            if imputation:
                weight = np.where(rest > 0, tab.sums(columns[2]), weight)
            live = weight > 0
            bounds = np.full(base.shape, -np.inf)
            bounds[live] = rest[live] / weight[live]
        level = float(bounds.max())
        tied = tab.members[bounds >= level - STAGE_TIE]
        union = int(np.bitwise_or.reduce(tied))
        new = [m for m in np.flatnonzero(~in_span).tolist() if union >> m & 1]
        if not new:  # pragma: no cover - a float stage that fixes nothing
            break
        fixed.append(new)
        levels.append(level)
        rows += new
        paid_worth = imputation and level > 0  # the singletons sit at their worth
        rhs += [float(floats[m]) - (0.0 if paid_worth and single[m] else level) for m in new]
        # one SVD: the least-squares point, the rank and the complement of the span
        u, singular, vt = np.linalg.svd(bits[rows], full_matrices=True)
        rank = int((singular > 1e-9 * singular[0]).sum())
        coefficients = (u[:, :rank].T @ np.array(rhs)) / singular[:rank]
        x = vt[:rank].T @ coefficients
        if rank == n:
            break
        in_span = np.abs(bits @ vt[rank:].T).max(axis=1) <= 1e-9
    return x, fixed, levels


def kohlberg_by_table(n: int, keys: np.ndarray, zero_players) -> bool:
    """Kohlberg's criterion on the exact excess ``keys`` of all ``2**n`` masks (integers,
    int64 or object; the empty and grand coalitions are ignored); for the nucleolus
    ``zero_players`` are the players paid their worth, whose singletons may join on
    non-negative weights.

    At level d a collection of the table lies inside the coalitions of excess at least d
    (and those singletons) exactly when d is at most its *entry*, the least excess of its
    other members; the criterion asks every coalition S to lie in one at ``d = e(S)``, the
    hardest of its levels: ``max`` of the entries of the collections holding S ``>= e(S)``.
    """
    tab = collections_table(n)
    assert tab is not None
    full = (1 << n) - 1
    top = max(abs(int(keys.max())), abs(int(keys.min())))
    if keys.dtype == object or top >= INT64_SUMS:
        keys = keys.astype(object)
    extended = np.append(keys, top + 1)  # the padding index 2**n: no bound
    extended[[1 << i for i in zero_players]] = top + 1  # the zero singletons bound nothing
    entry = extended[tab.member_index].min(axis=1)
    best = np.maximum.reduceat(entry[tab.by_member], tab.by_member_start)
    return bool((best >= keys[1:full]).all())
