"""Coalition structure generation kernels: the layered subset DP (DP and IDP) and an anytime
branch and bound over integer-partition subspaces that uses the DP's exact tables for small
coalitions (IP with IDP tables, the idea of ODP-IP).

Private: :func:`coalitions.formation.optimal_coalition_structure` is the front door, which
validates the game and documents the methods. Everything here works on the value table
``values`` (``2**n`` entries indexed by bitmask) of one game.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._bits import popcounts
from .._partitions import integer_partitions

__all__ = [
    "SubsetTable",
    "idp_part_sizes",
    "SearchOutcome",
    "anytime_search",
]

#: (coalition, part) pairs handled per numpy call by the DP, and (node, coalition) pairs
#: checked per numpy call by the search.
_CHUNK = 1 << 21


def idp_part_sizes(k: int, n: int) -> list[int]:
    """Sizes ``t`` of the part containing ``min S`` that IDP evaluates for ``|S| = k``.

    Rahwan and Jennings (2008): for the grand coalition every split; for ``k < n`` only the
    splits ``(T, S \\ T)`` whose larger part has at most ``n - k`` players. Coalitions of
    more than ``2n/3`` players (and fewer than ``n``) are not split at all.

    >>> idp_part_sizes(4, 6), idp_part_sizes(5, 6), idp_part_sizes(6, 6)
    ([2], [], [1, 2, 3, 4, 5])
    """
    if k == n:
        return list(range(1, k))
    return [t for t in range(1, k) if max(t, k - t) <= n - k]


class SubsetTable:
    """``f[S]``, the best total worth of a partition of ``S`` found by the layered DP, and
    ``best[S]``, the part containing ``min S`` of that partition (``S`` itself when ``S``
    stays whole). Before a layer is solved, ``f[S] = v(S)``.

    ``values`` may be float or object (exact fractions): the kernel uses numpy gathers, sums
    and ``argmax``, which work on both.
    """

    def __init__(self, values: np.ndarray, n: int) -> None:
        self.n = n
        self.values = values
        self.f = values.copy()
        self.f[0] = values[0] * 0
        self.best = np.arange(1 << n, dtype=np.int64)
        self.counts = popcounts(n)
        self.pairs = 0  # (coalition, part) pairs evaluated

    def layer(self, k: int) -> np.ndarray:
        return np.flatnonzero(self.counts == k).astype(np.int64)

    def solve_layer(self, k: int, sizes: Iterable[int] | None = None) -> None:
        """Solve the coalitions of ``k`` players: ``f[S] = max(v(S), f[T] + f[S \\ T])`` over
        the parts ``T`` that contain ``min S`` and have a size in ``sizes`` (default: every
        size ``1 .. k-1``, the full DP)."""
        width = 1 << (k - 1)
        # Column c of the doubling below is the part made of min S and the members of S
        # picked by the bits of c; its size is popcount(c) + 1. The last column is S itself.
        column_sizes = popcounts(k - 1).astype(np.int64) + 1 if k > 1 else np.ones(1, np.int64)
        wanted = np.zeros(k + 1, dtype=bool)
        for t in range(1, k) if sizes is None else sizes:
            if 1 <= t < k:
                wanted[t] = True
        columns = np.flatnonzero(wanted[column_sizes])
        if columns.size == 0:
            return
        every = columns.size == width - 1
        # A restricted layer builds its parts from two halves of the member bits: the parts
        # made of min S and the first `h` members, plus those of the other members, summed
        # for the wanted columns only.
        h = (k - 1) // 2
        low_columns, high_columns = columns & ((1 << h) - 1), columns >> h
        layer = self.layer(k)
        step = max(1, _CHUNK // (width if every else columns.size + (1 << (k - 1 - h))))
        f, best = self.f, self.best
        for start in range(0, layer.size, step):
            masks = layer[start : start + step]
            rest = masks.copy()
            low = rest & -rest
            rest ^= low
            bits = []
            for _ in range(k - 1):
                bit = rest & -rest
                rest ^= bit
                bits.append(bit)
            if every:
                parts = _doubling(low, bits, width)[:, : width - 1]
            else:
                low_parts = _doubling(low, bits[:h], 1 << h)
                high_parts = _doubling(np.zeros_like(low), bits[h:], 1 << (k - 1 - h))
                parts = low_parts[:, low_columns] + high_parts[:, high_columns]
            candidates = f[parts]
            candidates += f[masks[:, None] ^ parts]
            choice = candidates.argmax(axis=1)
            rows = np.arange(masks.size)
            top = candidates[rows, choice]
            better = np.asarray(top >= f[masks], dtype=bool)  # ties: split, as before
            f[masks[better]] = top[better]
            best[masks[better]] = parts[rows, choice][better]
            self.pairs += parts.size

    def solve(
        self,
        sizes: Callable[[int, int], Iterable[int] | None],
        callback: Callable[[int, int], Any] | None = None,
        layers: Iterable[int] | None = None,
    ) -> None:
        for k in range(2, self.n + 1) if layers is None else layers:
            if k >= 2:
                self.solve_layer(k, sizes(k, self.n))
            if callback is not None:
                callback(k, self.n)

    def partition(self, mask: int) -> list[int]:
        """The parts of the partition of ``mask`` that ``f[mask]`` is the worth of."""
        out, stack = [], [mask]
        while stack:
            s = stack.pop()
            part = int(self.best[s])
            if part == s:
                out.append(s)
            else:
                stack.extend((part, s ^ part))
        return out


def _doubling(first: np.ndarray, bits: list[np.ndarray], width: int) -> np.ndarray:
    """``out[:, c] = first + sum of bits[b] over the set bits b of c`` (``width = 2**len``)."""
    out = np.empty((first.size, width), dtype=np.int64)
    out[:, 0] = first
    for b, bit in enumerate(bits):
        half = 1 << b
        np.add(out[:, :half], bit[:, None], out=out[:, half : 2 * half])
    return out


def layer_cost(n: int, k: int) -> int:
    """(coalition, part) pairs of the full DP layer ``k``."""
    return math.comb(n, k) * ((1 << (k - 1)) - 1)


def idp_cost(n: int, k: int) -> int:
    """(coalition, part) pairs of IDP's layer ``k``."""
    return math.comb(n, k) * sum(math.comb(k - 1, t - 1) for t in idp_part_sizes(k, n))


@dataclass
class SearchOutcome:
    """What :func:`anytime_search` found: the best structure (as masks), its worth, the
    proven upper bound on the optimum, and the work done."""

    masks: list[int]
    value: float
    upper_bound: float
    proven: bool
    exact_layers: int
    nodes: int
    pairs: int
    searched: int
    stopped: str
    finished_by_idp: bool = False


class _Stop(Exception):
    """The time or work budget ran out inside a subspace."""


def _reduced_partitions(n: int, exact: int) -> list[tuple[int, ...]]:
    """Integer partitions of ``n`` (more than two parts) in which no two parts of at most
    ``exact`` players sum to at most ``exact``: merging such a pair gives a partition whose
    subspace, valued with the exact table ``f``, dominates it."""
    out = []
    for parts in integer_partitions(n):
        if len(parts) <= 2:
            continue
        small = sorted(p for p in parts if p <= exact)
        if len(small) >= 2 and small[0] + small[1] <= exact:
            continue
        out.append(parts)
    return out


class _Search:
    """Branch and bound over the subspaces of one exact-table size ``m`` (see anytime_search)."""

    def __init__(self, table: SubsetTable, m: int, deadline: float, budget: float) -> None:
        n = table.n
        self.n, self.full = n, (1 << n) - 1
        self.g = table.f  # exact for coalitions of at most m players, v(S) above
        self.deadline, self.budget = deadline, budget
        # Small steps while the budget is small, so that a round stops close to it.
        self.chunk = int(min(_CHUNK, max(1 << 14, budget / 8)))
        self.nodes = 0
        self.work = 0
        self.sorted_masks: dict[int, np.ndarray] = {}
        self.sorted_neg: dict[int, np.ndarray] = {}
        self.top = np.zeros(n + 1)
        for s in range(1, n + 1):
            masks = table.layer(s)
            order = np.argsort(-self.g[masks], kind="stable")
            self.sorted_masks[s] = masks[order]
            self.sorted_neg[s] = -self.g[masks[order]]
            self.top[s] = -self.sorted_neg[s][0]
        scale = float(np.max(np.abs(self.top))) * n + 1.0
        #: A node is pruned when its bound is at most best + slack: ties and rounding of
        #: sums taken in different orders (a relative 1e-12) never cause a search.
        self.slack = 1e-12 * scale
        self.best_value = -math.inf
        self.best_masks: list[int] = []

    def offer(self, value: float, masks: list[int]) -> None:
        if value > self.best_value:
            self.best_value, self.best_masks = value, masks

    def check_budget(self) -> None:
        if self.work > self.budget or time.perf_counter() > self.deadline:
            raise _Stop

    def bound(self, parts: tuple[int, ...]) -> float:
        return float(sum(self.top[p] for p in parts))

    def search(self, parts: tuple[int, ...]) -> None:
        """Every structure of the subspace ``parts`` (non-increasing sizes) that could beat the
        best one: coalitions are chosen level by level from the lists sorted by worth, the
        last part is what remains; equal sizes are taken in increasing order of their lowest
        member, so each structure is met once."""
        suffix = np.concatenate([np.cumsum([self.top[p] for p in parts[::-1]])[::-1], [0.0]])
        empty = np.zeros(1, dtype=np.int64)
        self._expand(parts, suffix, 0, empty, np.zeros(1), empty, np.zeros((1, 0), np.int64))

    def _expand(
        self,
        parts: tuple[int, ...],
        suffix: np.ndarray,
        level: int,
        used: np.ndarray,
        worth: np.ndarray,
        previous_low: np.ndarray,
        path: np.ndarray,
    ) -> None:
        size = parts[level]
        last = level == len(parts) - 2
        same = level > 0 and parts[level - 1] == size
        threshold = self.best_value + self.slack - worth - suffix[level + 1]
        neg = self.sorted_neg[size]
        length = int(np.searchsorted(neg, -float(threshold.min()), side="left"))
        if length == 0:
            return
        candidates = self.sorted_masks[size][:length]
        gains = -neg[:length]
        lows = candidates & -candidates
        step = max(1, self.chunk // length)
        for start in range(0, used.size, step):
            rows = slice(start, start + step)
            ok = (used[rows, None] & candidates[None, :]) == 0
            ok &= gains[None, :] > threshold[rows, None]
            if same:
                ok &= lows[None, :] > previous_low[rows, None]
            self.work += ok.size
            r, c = np.nonzero(ok)
            r += start
            self.nodes += r.size
            if r.size:
                child_used = used[r] | candidates[c]
                child_worth = worth[r] + gains[c]
                if last:
                    self._leaves(parts, child_used, child_worth, candidates[c], path, r)
                else:
                    order = np.argsort(-child_worth, kind="stable")
                    child_path = np.hstack([path[r], candidates[c][:, None]])[order]
                    child_used, child_worth = child_used[order], child_worth[order]
                    child_low = lows[c][order]
                    block = 4096
                    for i in range(0, r.size, block):
                        piece = slice(i, i + block)
                        self._expand(
                            parts,
                            suffix,
                            level + 1,
                            child_used[piece],
                            child_worth[piece],
                            child_low[piece],
                            child_path[piece],
                        )
            self.check_budget()
            threshold = self.best_value + self.slack - worth - suffix[level + 1]

    def _leaves(
        self,
        parts: tuple[int, ...],
        used: np.ndarray,
        worth: np.ndarray,
        chosen: np.ndarray,
        path: np.ndarray,
        rows: np.ndarray,
    ) -> None:
        rest = self.full ^ used
        total = worth + self.g[rest]
        if parts[-1] == parts[-2]:  # the last two parts in order of their lowest member
            total = np.where((rest & -rest) > (chosen & -chosen), total, -np.inf)
        i = int(np.argmax(total))
        if total[i] > self.best_value:
            masks = [int(m) for m in path[rows[i]]] + [int(chosen[i]), int(rest[i])]
            self.offer(float(total[i]), masks)


def anytime_search(
    table: SubsetTable,
    *,
    time_limit: float | None = None,
    callback: Callable[[int, int], Any] | None = None,
    exact_layers: int | None = None,
    budgets: Callable[[int], float] | None = None,
) -> SearchOutcome:
    """The optimal structure of a float game by IP search over integer-partition subspaces.

    Round ``m``: the DP table ``f`` is exact for every coalition of at most ``m`` players (all
    layers solved with every split); a subspace (an integer partition of ``n``) is valued with
    ``g(S) = f(S)`` for such coalitions and ``v(S)`` for larger ones, so only the partitions
    whose small parts cannot be merged need a search. Its upper bound is the sum of the
    per-size maxima of ``g``; a lower bound is the best structure found (first by one scan of
    the grand coalition and every two-part split) and the largest per-subspace average (the
    sum of per-size averages, which some structure of the subspace reaches). Subspaces are
    searched in decreasing order of their bound with branch and bound; when one round's
    work exceeds the cost of the next DP layer, the next layer is solved and the search
    restarts with the better table (keeping the best structure found). With ``n // 2`` exact
    layers a last round may spend what the rest of IDP costs; then the IDP layers and the
    grand coalition finish the problem, so the worst case is about twice IDP's own work.

    With ``time_limit`` (seconds) the search stops when it is spent and reports the best
    structure found and the largest bound of the subspaces not yet excluded. ``exact_layers``
    (the first ``m``) and ``budgets`` (the work allowed in round ``m``) replace the defaults,
    for tests of the rounds.
    """
    n = table.n
    full = (1 << n) - 1
    deadline = math.inf if time_limit is None else time.perf_counter() + time_limit
    m = 1
    while m < n // 2 and sum(layer_cost(n, k) for k in range(2, m + 2)) <= 4 << n:
        m += 1
    if exact_layers is not None:
        m = max(1, min(exact_layers, n // 2))
    for k in range(2, m + 1):
        table.solve_layer(k)
    best_value, best_masks = -math.inf, [full]
    nodes = searched = 0
    finished, stopped, by_idp = False, "", False
    upper = math.inf
    while True:
        if budgets is not None:
            budget = budgets(m)
        elif m < n // 2:
            budget = float(layer_cost(n, m + 1))
        else:
            budget = float(sum(idp_cost(n, k) for k in range(m + 1, n + 1)))
        state = _Search(table, m, deadline, budget)
        state.offer(best_value, best_masks)
        # The subspaces of one and two parts, valued with this round's table (which covers
        # every partition that merges into two parts of at most m players), by one scan.
        g = state.g
        state.offer(float(g[full]), [full])
        half = np.arange(1 << (n - 1), dtype=np.int64) * 2 + 1  # the masks containing 0
        half = half[half != full]
        if half.size:
            totals = g[half] + g[full ^ half]
            i = int(np.argmax(totals))
            state.offer(float(totals[i]), [int(half[i]), full ^ int(half[i])])
        subspaces = _reduced_partitions(n, m)
        bounds = [state.bound(p) for p in subspaces]
        means = [0.0] + [float(np.mean(-state.sorted_neg[s])) for s in range(1, n + 1)]
        floor = max([state.best_value] + [sum(means[p] for p in parts) for parts in subspaces])
        order = sorted(range(len(subspaces)), key=lambda i: -bounds[i])
        open_bounds: list[float] = []
        finished = True
        for position, i in enumerate(order):
            if bounds[i] <= state.best_value + state.slack:
                break  # so is every later bound: the best structure is optimal
            if bounds[i] >= floor - state.slack:  # else below some subspace's average
                try:
                    state.search(subspaces[i])
                except _Stop:
                    finished = False
                    open_bounds = [
                        bounds[j] for j in order[position:] if bounds[j] >= floor - state.slack
                    ]
                    break
                searched += 1
            if callback is not None:
                callback(position + 1, len(order))
        nodes += state.nodes
        best_value, best_masks = state.best_value, state.best_masks
        upper = max([best_value, *open_bounds])
        if finished:
            break
        if time.perf_counter() > deadline:
            stopped = "time"
            break
        if m < n // 2:
            m += 1
            table.solve_layer(m)
            continue
        # The search spent what IDP would: finish with IDP (the remaining layers with their
        # restricted splits, then the grand coalition with every split), which is optimal.
        for k in range(m + 1, n + 1):
            if time.perf_counter() > deadline:
                stopped = "time"
                break
            table.solve_layer(k, idp_part_sizes(k, n))
        else:
            if float(table.f[full]) >= best_value:
                best_value, best_masks = float(table.f[full]), [full]
            upper, finished, by_idp = best_value, True, True
        break
    masks: list[int] = []
    for mask in best_masks:
        masks.extend(table.partition(mask))
    return SearchOutcome(
        masks=masks,
        value=best_value,
        upper_bound=max(upper, best_value),
        proven=finished,
        exact_layers=m,
        nodes=nodes,
        pairs=table.pairs,
        searched=searched,
        stopped=stopped,
        finished_by_idp=by_idp,
    )
