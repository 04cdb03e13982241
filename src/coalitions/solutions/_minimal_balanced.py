r"""The minimal balanced collections of four and five players, and what they decide without
a linear program: the least-core value, the (pre)nucleolus and Kohlberg's criterion.

A collection :math:`B` of proper coalitions is *balanced* when weights :math:`\delta_S > 0`
give :math:`\sum_{S \in B} \delta_S 1_S = 1_N`, and *minimal balanced* when no proper
subcollection is balanced, which holds exactly when the vectors :math:`1_S` are linearly
independent (the weights are then unique). Every balanced collection is a union of minimal
ones (Shapley 1967). Four players have 41 of them and five have 1,291 (the grand coalition
alone excluded); they are package data (``_minimal_balanced_data.py``, written by
:func:`render` from :func:`generate`, which follows the definition; a test regenerates and
compares) and are checked balanced, in integers, when loaded.

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

__all__ = [
    "TABLE_PLAYERS",
    "Table",
    "table",
    "generate",
    "render",
    "decode",
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
    ``float_weights`` holds ``weights`` as floats (exact: they are at most 3).
    """

    n: int
    weights: np.ndarray
    cover: np.ndarray
    total: np.ndarray
    members: np.ndarray
    float_weights: np.ndarray

    def bounds(self, ints: np.ndarray) -> np.ndarray:
        """``sum_S a_S v(S) - lambda v(N)`` of every collection for the integer worths
        ``ints`` (int64), exactly: in floats when every product is an integer below
        2**53, in int64 otherwise (the caller keeps ``|v| * 14`` below 2**63)."""
        top = int(np.abs(ints).max(initial=0))
        if top * 16 < 1 << 53:
            sums = (self.float_weights @ ints.astype(np.float64)).astype(np.int64)
        else:
            sums = self.weights @ ints
        return sums - self.cover * int(ints[-1])


def generate(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
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


def render(collections, n: int) -> str:
    """The text of the package data: one collection per group of ``2 n`` base-36 digits
    (mask, weight; padded with ``00``), eight groups a line."""
    groups = []
    for masks, weights in collections:
        pairs = "".join(_DIGITS[m] + _DIGITS[w] for m, w in zip(masks, weights))
        groups.append(pairs.ljust(2 * n, "0"))
    return "\n".join(" ".join(groups[i : i + 8]) for i in range(0, len(groups), 8))


def decode(text: str, n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The collections of :func:`render`'s text."""
    out = []
    for group in text.split():
        values = [_DIGITS.index(c) for c in group]
        pairs = [(m, w) for m, w in zip(values[::2], values[1::2]) if m]
        out.append((tuple(m for m, _ in pairs), tuple(w for _, w in pairs)))
    return out


@cache
def table(n: int) -> Table | None:
    """The :class:`Table` of ``n`` players (None unless ``n`` is in ``TABLE_PLAYERS``),
    checked balanced in integers."""
    if n not in TABLE_PLAYERS:
        return None
    from ._minimal_balanced_data import DATA

    collections = decode(DATA[n], n)
    size = 1 << n
    weights = np.zeros((len(collections), size), dtype=np.int64)
    members = np.zeros(len(collections), dtype=np.int64)
    for k, (masks, w) in enumerate(collections):
        weights[k, list(masks)] = w
        members[k] = sum(1 << m for m in masks)
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
        array.setflags(write=False)
    total = weights.sum(axis=1)
    floats = weights.astype(np.float64)
    for array in (total, floats):
        array.setflags(write=False)
    return Table(
        n=n, weights=weights, cover=lam, total=total, members=members, float_weights=floats
    )


def stage_levels(floats: np.ndarray, n: int) -> tuple[np.ndarray, list[list[int]], list[float]]:
    """The prenucleolus of the float worths ``floats`` (zero-normalised, of order one) by the
    stages of the module docstring.

    Returns ``(x, fixed, levels)``: the float point, the coalitions fixed at each stage and
    the stage levels. The first stage's level is the least-core value and its fixed
    coalitions the union of the collections that attain it.
    """
    tab = table(n)
    assert tab is not None
    full = (1 << n) - 1
    bits = mask_bits(np.arange(1 << n), n)
    weights = tab.float_weights
    base = weights @ floats - tab.cover * floats[full]  # sum a v(S) - lambda v(N)
    rows = [full]
    rhs = [float(floats[full])]
    fixed: list[list[int]] = []
    levels: list[float] = []
    in_span = np.zeros(1 << n, dtype=bool)
    in_span[full] = True
    x = np.zeros(n)
    for stage in range(n):
        if stage == 0:  # nothing fixed yet: the Bondareva-Shapley bounds
            bounds = base / tab.total
        else:
            # per collection: the weight outside the span and the fixed excesses inside
            known = np.where(in_span, floats - bits @ x, 0.0)
            sums = weights @ np.stack([~in_span, known], axis=1)
            live = sums[:, 0] > 0
            bounds = np.full(base.shape, -np.inf)
            bounds[live] = (base[live] - sums[live, 1]) / sums[live, 0]
        level = float(bounds.max())
        tied = tab.members[bounds >= level - STAGE_TIE]
        union = int(np.bitwise_or.reduce(tied))
        new = [m for m in range(1, full) if union >> m & 1 and not in_span[m]]
        if not new:  # pragma: no cover - a float stage that fixes nothing
            break
        fixed.append(new)
        levels.append(level)
        rows += new
        rhs += [float(floats[m]) - level for m in new]
        # one SVD: the least-squares point, the rank and the complement of the span
        u, singular, vt = np.linalg.svd(bits[rows], full_matrices=True)
        rank = int((singular > 1e-9 * singular[0]).sum())
        coefficients = (u[:, :rank].T @ np.array(rhs)) / singular[:rank]
        x = vt[:rank].T @ coefficients
        if rank == n:
            break
        in_span = np.abs(bits @ vt[rank:].T).max(axis=1) <= 1e-9
    return x, fixed, levels


def kohlberg_by_table(n: int, masks: np.ndarray, keys: np.ndarray, zero_players) -> bool:
    """Kohlberg's criterion on the exact excess ``keys`` of every proper coalition
    ``masks`` (for the nucleolus ``zero_players`` are the players paid their worth, whose
    singletons may join on non-negative weights), by bitset tests over the table."""
    tab = table(n)
    assert tab is not None
    collections = tab.members
    zero = sum(1 << (1 << i) for i in zero_players)
    order = sorted(range(len(masks)), key=lambda k: keys[k], reverse=True)
    members = 0
    position = 0
    while position < len(order):
        level = keys[order[position]]
        while position < len(order) and keys[order[position]] == level:
            members |= 1 << int(masks[order[position]])
            position += 1
        inside = collections[(collections & ~(members | zero)) == 0]
        covered = int(np.bitwise_or.reduce(inside)) if inside.size else 0
        if members & ~covered:
            return False
    return True
