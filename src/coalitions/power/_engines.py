"""Counting engines behind the power indices.

Every index is a function of a few counts: the *swings* of each player by the size of the
coalition it joins (``eta_i(s)``), the number of winning coalitions, and for the
Johnston, Deegan-Packel and Holler indices the minimal winning / vulnerable coalitions. The
engines compute them without enumerating coalitions whenever the game's structure allows:

``exact``
    generating functions of a weighted game over (size, weight) with exact integers (numpy
    int64 while the counts fit, i.e. n <= 62, Python ints beyond); player removal by the
    exact recurrence ``d[x] = c[x] - d[x - w]``.
``float``
    subtraction-free floating point for large weighted bodies: a divide-and-conquer tree of
    leave-one-out products of the per-player polynomials ``a + b x^w`` restricted to the window
    below the quota (Banzhaf: ``a = b = 1/2``), and Owen's multilinear extension integrated
    exactly by Gauss-Legendre for Shapley-Shubik. Every intermediate is a sum of products of
    non-negative numbers, so the relative error stays near machine precision for any n.
``bdd``
    the quota-ordered binary decision diagram of a weighted game (:mod:`._bdd`): exact for
    integer weights of any size, as long as the diagram stays narrow (few players, small
    weights, or a few huge weights beside many small ones).
``mitm``
    meet in the middle for compound rules and weighted games with large weights (populations):
    all subsets of two halves of the players, grouped by a small "key" (size and the small
    rules' weight sums) and sorted by the big weight; counts by ``searchsorted``.
``enumeration``
    the 2**n winning table (any simple game up to 25 players).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, split_on, subset_sums
from .._blas import one_blas_thread
from .._checks import check_method, format_bytes
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.simple import MAX_ENUMERATION_PLAYERS, CompoundGame, SimpleGame, WeightedVotingGame

__all__ = [
    "Counts",
    "swing_counts",
    "shapley_shubik_float",
    "reduced",
    "minimal_winning_data",
    "winning_with",
    "MinimalCounts",
    "minimal_winning_counts",
    "METHODS",
    "MINIMAL_METHODS",
]

METHODS = ("auto", "exact", "bdd", "float", "mitm", "enumeration")
#: The methods of the counts of minimal winning coalitions: the dynamic programme over the
#: weights (``"exact"``, weighted games) and the 2**n table (``"enumeration"``).
MINIMAL_METHODS = ("auto", "exact", "enumeration")
#: Largest work (int64-operation units; a Python-integer operation counts 8, as measured) of
#: the minimal winning dynamic programme: about three seconds.
MINIMAL_BUDGET = 1e9

#: Largest number of players for meet in the middle (two halves of 2**20 subsets).
MAX_MITM_PLAYERS = 40
#: Work (int64-operation units) under which method="auto" uses the exact integer paths.
AUTO_EXACT_BUDGET = 6e8
AUTO_PYTHON_INT_BUDGET = 3e7
#: Diagrams whose node bound is below this are built by method="auto" without a second thought.
AUTO_DIAGRAM_NODES = 3e5
#: Weighted games with at most this many compositions (coalitions told apart by how many
#: players of each weight they hold, ``prod (m_j + 1)`` for m_j players of weight w_j) are
#: counted composition by composition.
MAX_COMPOSITIONS = 100_000
#: Largest work for method="exact" before refusing (a few minutes).
EXACT_BUDGET = 2e11
#: Own-side subsets per block of the meet in the middle (bounds its memory at large n).
_MITM_BLOCK = 1 << 14


@dataclass
class Counts:
    """Swing counts of every player by coalition size, and winning coalitions by size.

    Exact counts are Python ints (or int64 arrays); ``None`` where not computed.
    """

    n: int
    swings_by_size: Any  # (n, n) array [i, s]: swings of i into coalitions of size s
    winning_by_size: Any  # (n + 1,) array: winning coalitions by size, or None
    method: str

    def swings(self) -> list[int]:
        return [int(sum(int(v) for v in row)) for row in self.swings_by_size]

    def winning(self) -> int:
        return int(sum(int(v) for v in self.winning_by_size))


# ------------------------------------------------------------------ method selection
def _cost_exact(game: WeightedVotingGame, by_size: bool) -> tuple[float, float]:
    """(work in int64-operation units, memory in bytes) of the exact counts: by composition
    (few weight classes, a Python-integer operation counted as 30 units) or by the generating
    functions' table, whichever costs less.

    Up to 62 players the counts fit in int64. Beyond, Shapley-Shubik counts are computed
    modulo 2**64 and 1 + (n - 64) // 60 primes (one int64 pass each, then the Chinese
    remainder theorem) and Banzhaf counts with Python integers (about 30 units an operation).
    """
    by_table = _cost_exact_table(game, by_size)
    compositions = _composition_count(game.int_weights)
    if compositions <= MAX_COMPOSITIONS:
        distinct = len(set(game.int_weights))
        by_composition = (
            30.0 * compositions * (distinct + 1),
            64.0 * compositions * (distinct + 1) + 16.0 * game.n_players**2,
        )
        return min(by_table, by_composition)
    return by_table


def _cost_exact_table(game: WeightedVotingGame, by_size: bool) -> tuple[float, float]:
    n, q = game.n_players, side_quota(game)
    distinct = len(set(game.int_weights))
    if by_size:
        passes = 1 if n <= 62 else 1 + -(-(n + 1 - 64) // 60)
        return passes * float(n + distinct) * (n + 1) * q, 2.0 * (n + 1) * q * 8
    if n <= 62:
        return float(n + distinct) * q, 2.0 * q * 8
    return 30.0 * (n + distinct) * q, 2.0 * q * (48 + n // 8)


def reduced(game: Any) -> Any:
    """The same weighted game with smaller integers: weights above the quota capped at it,
    then all divided by their greatest common divisor ``g`` (quota ``ceil(q / g)``, since
    ``w(S) >= q`` iff ``w(S) / g >= ceil(q / g)``). Weights such as 1.5e18 and 2e18 become
    3 and 4. A compound game has each of its rules reduced; other games are returned as they
    are."""
    if isinstance(game, WeightedVotingGame):
        return _reduced(game)
    if isinstance(game, CompoundGame):  # each rule on its own
        return CompoundGame(game.operator, [reduced(part) for part in game.parts])
    return game


@lru_cache(maxsize=32)
def _reduced(game: WeightedVotingGame) -> WeightedVotingGame:
    quota = game.int_quota
    # a weight above the quota wins alone either way: capping it changes no coalition
    weights = [min(w, quota) for w in game.int_weights]
    divisor = math.gcd(*weights)
    if divisor <= 1 and weights == list(game.int_weights):
        return game
    return WeightedVotingGame(-(-quota // divisor), [w // divisor for w in weights], game.players)


@lru_cache(maxsize=16)
def _diagram(game: WeightedVotingGame) -> Any:
    from ._bdd import build_diagram

    return build_diagram(game.int_weights, game.int_quota)


def _diagram_fits(game: WeightedVotingGame, by_size: bool) -> bool:
    from ._bdd import MAX_DIAGRAM_CELLS, diagram_cells

    diagram = _diagram(game)
    return diagram is not None and diagram_cells(diagram, by_size) <= MAX_DIAGRAM_CELLS


def _diagram_bound(game: WeightedVotingGame) -> float:
    """An upper bound on the diagram's nodes, without building it: level k has at most
    2**k nodes (top down), 2**(n - k) and the later players' total weight plus one (bottom
    up), and the quota."""
    n, q = game.n_players, game.int_quota
    weights = sorted(game.int_weights, reverse=True)
    suffix, bound = 0, 0.0
    for k in range(n, -1, -1):
        bound += min(2.0 ** min(k, n - k), float(suffix) + 1.0, float(q))
        suffix += weights[k - 1] if k else 0
    return bound


def _diagram_cost(game: WeightedVotingGame, by_size: bool) -> float:
    """Work of the counting passes over the built diagram (int64-operation units)."""
    diagram = _diagram(game)
    n = game.n_players
    if not by_size:
        return 30.0 * diagram.nodes if n > 62 else float(diagram.nodes)
    passes = 1 if n <= 63 else 1 + -(-(n + 1 - 64) // 24)
    return passes * sum(w * (k + 1) * (n - k) for k, w in enumerate(diagram.widths[:-1]))


def _mitm_fits(game: Any) -> bool:
    """Meet in the middle works in int64: at most 40 players, every rule's sums below 2**60."""
    atoms = [game] if isinstance(game, WeightedVotingGame) else game.atoms()
    return game.n_players <= MAX_MITM_PLAYERS and all(
        sum(a.int_weights) + game.n_players < 1 << 60 for a in atoms
    )


def _float_fits(game: WeightedVotingGame) -> bool:
    """The float trees hold rows as long as the quota; the winning share one array as long as
    the larger of the quota and the total weight minus the quota."""
    q = game.int_quota
    return q * 8 * 64 <= 8e9 and max(q, sum(game.int_weights) - q + 1) * 8 <= 4e9


def _exact_fits(game: WeightedVotingGame, by_size: bool) -> bool:
    cost, memory = _cost_exact(game, by_size)
    return cost <= EXACT_BUDGET and memory <= 3e9 and side_quota(game) <= 2e8


class _Fits(dict):
    """Which counting methods work for a game, each tested on first use (building the
    decision diagram is the only test that costs anything)."""

    def __init__(self, tests: dict[str, Callable[[], bool]]) -> None:
        super().__init__()
        self.tests = tests

    def __missing__(self, method: str) -> bool:
        value = self[method] = bool(self.tests[method]())
        return value

    def applies(self, method: str) -> bool:
        return method in self.tests

    def working(self) -> list[str]:
        return [m for m in self.tests if self[m]]


def _feasible(game: Any, by_size: bool) -> _Fits:
    """Which counting methods work for this game (weighted games: after :func:`reduced`)."""
    n = game.n_players
    enumeration = lambda: n <= MAX_ENUMERATION_PLAYERS  # noqa: E731
    if isinstance(game, SimpleGame):
        return _Fits({"enumeration": enumeration})
    if isinstance(game, CompoundGame):
        return _Fits({"mitm": lambda: _mitm_fits(game), "enumeration": enumeration})
    return _Fits(
        {
            "exact": lambda: _exact_fits(game, by_size),
            "bdd": lambda: _diagram_fits(game, by_size),
            "mitm": lambda: _mitm_fits(game),
            "float": lambda: _float_fits(game),
            "enumeration": enumeration,
        }
    )


_SAMPLERS = {
    "shapley_shubik_index": "shapley_shubik_index(game, method='permutation', "
    "budget=100_000), an estimate with standard errors",
    "banzhaf_index": "banzhaf_index(game, normalized=False, method='sampling', "
    "budget=100_000), an estimate with standard errors",
}


def _advice(game: Any, by_size: bool, function: str, feasible: _Fits) -> str:
    """What does work for this game: the feasible methods, else sampling or rounding."""
    working = feasible.working()
    if working:
        return "use " + " or ".join(f"method={m!r}" for m in working)
    sampler = _SAMPLERS.get(function) or " or ".join(_SAMPLERS.values())
    return (
        f"use {sampler}; or round the weights (e.g. populations in thousands) for the "
        "exact index of the rounded game"
    )


def _why(game: Any, method: str, by_size: bool) -> str:
    n = game.n_players
    if method == "enumeration":
        return (
            f"method='enumeration' lists all 2**n coalitions (at most "
            f"{MAX_ENUMERATION_PLAYERS} players; this game has {n})"
        )
    if method == "mitm":
        return (
            f"method='mitm' needs at most {MAX_MITM_PLAYERS} players and weight sums "
            f"below 2**60 (this game has {n} players)"
        )
    if method == "float":
        return (
            f"method='float' builds arrays as long as the integer quota "
            f"({game.int_quota}), about {format_bytes(game.int_quota * 512)}"
        )
    if method == "bdd":
        from ._bdd import MAX_DIAGRAM_NODES

        return (
            f"method='bdd' needs a decision diagram of at most {MAX_DIAGRAM_NODES} nodes "
            "a level, and this game's is wider"
        )
    cost, memory = _cost_exact(game, by_size)
    return (
        f"method='exact' (generating functions) for {n} players and an integer quota of "
        f"{game.int_quota} (tables of length {side_quota(game)}, the cheaper of the quota and "
        f"the total weight minus the quota plus one) needs about {cost:.2g} operations and "
        f"{format_bytes(memory)}"
    )


def choose_method(game: Any, method: str, *, by_size: bool, function: str) -> str:
    """The counting method to use (``game``: weighted games already :func:`reduced`).

    ``"auto"`` takes the cheapest exact method that fits (generating functions when they cost
    about a second, else the decision diagram, else meet in the middle), then the float
    method; ``"exact"`` any exact method that fits. A refusal names the methods that work.
    """
    check_method(method, METHODS, function=function)
    n = game.n_players
    if isinstance(game, SimpleGame):
        if method not in ("auto", "enumeration", "exact"):
            raise InvalidArgumentError(
                f"{function}: a SimpleGame given by its winning coalitions only supports "
                "method='enumeration' (or 'auto'/'exact')."
            )
        return "enumeration"
    feasible = _feasible(game, by_size)
    if feasible.applies(method) and feasible[method]:
        return method
    if method not in ("auto", "exact"):
        if not feasible.applies(method):
            raise InvalidArgumentError(
                f"{function}: method={method!r} does not apply to a {type(game).__name__}; "
                f"{_advice(game, by_size, function, feasible)}."
            )
        raise TooLargeError(
            f"{function}: {_why(game, method, by_size)}; "
            f"{_advice(game, by_size, function, feasible)}."
        )
    if method == "auto" and isinstance(game, WeightedVotingGame):
        return _auto_weighted(game, by_size, feasible, function)
    preference: tuple[str, ...]
    if method == "auto":
        preference = ("mitm", "enumeration")
    else:
        preference = ("bdd", "mitm", "enumeration")
    for candidate in preference:
        if feasible.applies(candidate) and feasible[candidate]:
            return candidate
    if method == "exact":
        raise TooLargeError(
            f"{function}: no exact method fits this game: {_why(game, 'exact', by_size)}, and "
            f"the decision diagram and meet in the middle do not fit either; "
            f"{_advice(game, by_size, function, feasible)}."
        )
    raise TooLargeError(
        f"{function}: no counting method fits this game ({n} players, integer quota "
        f"{game.int_quota}: generating functions and the float method need arrays that long, "
        f"the decision diagram is too wide, meet in the middle takes at most "
        f"{MAX_MITM_PLAYERS} players); {_advice(game, by_size, function, feasible)}."
    )


def _auto_weighted(game: WeightedVotingGame, by_size: bool, feasible: _Fits, function: str) -> str:
    """``method="auto"`` for a weighted game: exact when about a second of work does it, else
    the subtraction-free float methods, else whatever exact method still fits."""
    n = game.n_players
    cost, memory = _cost_exact(game, by_size)
    python_ints = n > 62 and not by_size
    if cost <= (AUTO_PYTHON_INT_BUDGET if python_ints else AUTO_EXACT_BUDGET) and memory <= 1e9:
        return "exact"
    # build the diagram only when it is known to be small, or when there is little else
    if _diagram_bound(game) <= AUTO_DIAGRAM_NODES or n <= MAX_MITM_PLAYERS or not feasible["float"]:
        if feasible["bdd"] and (
            _diagram_cost(game, by_size) <= AUTO_EXACT_BUDGET or not feasible["float"]
        ):
            return "bdd"
    if feasible["mitm"] and (n <= 30 or not feasible["float"]):
        return "mitm"
    for candidate in ("float", "bdd", "mitm", "enumeration"):
        if feasible[candidate]:
            return candidate
    raise TooLargeError(
        f"{function}: no counting method fits this game ({n} players, integer quota "
        f"{game.int_quota}: generating functions and the float method need arrays that long, "
        f"the decision diagram is too wide, meet in the middle takes at most "
        f"{MAX_MITM_PLAYERS} players); {_advice(game, by_size, function, feasible)}."
    )


# ------------------------------------------------------------------ enumeration
def _table_counts(game: Any) -> Counts:
    n = game.n_players
    win = game.winning_table()
    sizes = popcounts(n)
    out = np.zeros((n, n), dtype=np.int64)
    for i in range(n):
        without, with_i = split_on(win, i)
        size_without, _ = split_on(sizes, i)
        out[i] = np.bincount(size_without[with_i & ~without], minlength=n)[:n]
    winning = np.bincount(sizes[win], minlength=n + 1)
    return Counts(n, out, winning, "enumeration")


def minimal_winning_data(game: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Masks of the minimal winning coalitions, of the vulnerable winning coalitions and the
    number of critical members of each vulnerable coalition (enumeration)."""
    n = game.n_players
    if n > MAX_ENUMERATION_PLAYERS:
        raise TooLargeError(
            f"this index needs the minimal winning / vulnerable coalitions of all 2**{n} "
            f"coalitions; the enumeration limit is {MAX_ENUMERATION_PLAYERS} players. "
            "Shapley-Shubik, Banzhaf, Coleman, Rae and the risk of being outvoted have "
            "counting methods for any n."
        )
    win = game.winning_table()
    critical = np.zeros(1 << n, dtype=np.uint8)
    for i in range(n):
        without, with_i = split_on(win, i)
        _, critical_with_i = split_on(critical, i)
        critical_with_i += with_i & ~without
    sizes = popcounts(n)
    minimal = win & (critical == sizes)
    return (np.flatnonzero(minimal), np.flatnonzero(win & (critical > 0)), critical)


def winning_with(counts: Counts) -> list[list[int]]:
    """Winning coalitions of each size containing each player, ``W_i(s)``, from counts by
    size: a coalition ``T + i`` of size ``s`` wins when ``T`` wins or ``i`` swings it, so
    ``W_i(s) = W(s - 1) - W_i(s - 1) + eta_i(s - 1)`` (every ``T`` not containing ``i``)."""
    n = counts.n
    winning = [int(v) for v in counts.winning_by_size]
    done: dict[tuple[int, ...], list[int]] = {}  # players of equal weight share one row
    rows = []
    for swings in counts.swings_by_size:
        key = tuple(int(v) for v in swings)
        if key not in done:
            row = [0] * (n + 1)
            for s in range(1, n + 1):
                row[s] = winning[s - 1] - row[s - 1] + key[s - 1]
            done[key] = row
        rows.append(done[key])
    return rows


@dataclass
class MinimalCounts:
    """Minimal winning coalitions counted by size, in total and for each player.

    ``by_size[s]``: minimal winning coalitions of size ``s``; ``member_by_size[i][s]``: those
    containing player ``i``; ``member_by_weight[i]``: for weighted games, a mapping from a
    coalition's integer weight to how many minimal winning coalitions of that weight contain
    ``i`` (None for other games)."""

    by_size: list[int]
    member_by_size: list[list[int]]
    member_by_weight: list[dict[int, int]] | None
    method: str


def _minimal_cost(game: WeightedVotingGame) -> float:
    """Work of :func:`_cached_minimal`: one pass per distinct weight (and one for the
    totals) of ``n`` updates of two ``(n + 1) x q`` tables."""
    n = game.n_players
    unit = 1.0 if n <= 62 else 8.0
    return unit * (len(set(game.int_weights)) + 1) * 2 * n * (n + 1) * game.int_quota


def minimal_winning_counts(game: Any, method: str = "auto", *, function: str) -> MinimalCounts:
    """The counts of minimal winning coalitions, by the weights' dynamic programme
    (``"exact"``) or the 2**n table (``"enumeration"``)."""
    check_method(method, MINIMAL_METHODS, function=function)
    weighted = isinstance(game, WeightedVotingGame)
    n = game.n_players
    if method == "exact" and not weighted:
        raise InvalidArgumentError(
            f"{function}: method='exact' counts minimal winning coalitions of a "
            f"WeightedVotingGame by its weights; a {type(game).__name__} takes "
            "method='enumeration'."
        )
    fits = weighted and _minimal_cost(game) <= MINIMAL_BUDGET
    if method == "exact" and not fits:
        raise TooLargeError(
            f"{function}: method='exact' for {n} players and an integer quota of "
            f"{game.int_quota} needs about {_minimal_cost(game):.2g} operations; use "
            "method='enumeration' (at most "
            f"{MAX_ENUMERATION_PLAYERS} players) or round the weights."
        )
    if method == "exact" or (method == "auto" and fits):
        return _cached_minimal(game)
    if n > MAX_ENUMERATION_PLAYERS:
        if method == "enumeration" and fits:
            advice = "use method='exact' (the weights' dynamic programme)"
        elif weighted:
            advice = (
                f"the weights' dynamic programme needs about {_minimal_cost(game):.2g} "
                f"operations (at most {MINIMAL_BUDGET:.0e}): round the weights (e.g. "
                "populations in thousands)"
            )
        else:
            advice = "give the game as a WeightedVotingGame if it has weights"
        raise TooLargeError(
            f"{function}: the 2**n table that lists minimal winning coalitions takes at most "
            f"{MAX_ENUMERATION_PLAYERS} players (this game has {n}); {advice}."
        )
    minimal, _, _ = minimal_winning_data(game)
    sizes = popcounts(n)[minimal].astype(np.int64)
    members = [(minimal >> i) & 1 == 1 for i in range(n)]
    by_size = [int(c) for c in np.bincount(sizes, minlength=n + 1)]
    member_by_size = [[int(c) for c in np.bincount(sizes[m], minlength=n + 1)] for m in members]
    member_by_weight = None
    if weighted:
        masks_weight = subset_sums(game.int_weights, dtype=object)[minimal]
        member_by_weight = [dict(Counter(masks_weight[m].tolist())) for m in members]
    return MinimalCounts(by_size, member_by_size, member_by_weight, "enumeration")


@lru_cache(maxsize=16)
def _cached_minimal(game: WeightedVotingGame) -> MinimalCounts:
    """Minimal winning coalitions of a weighted game by dynamic programming.

    With the players in order of decreasing weight, a winning coalition ``S`` is minimal iff
    ``w(S) - w_j < q`` for its last (lightest) member ``j``: ``S = T + j`` with ``T`` among
    the earlier players and ``q - w_j <= w(T) < q``. The coalitions ``T`` are tabulated by
    (size, weight) below the quota, one table of those containing a given player and one of
    those not containing it. Work: ``O(n^2 q)`` per distinct weight."""
    weights = list(game.int_weights)
    q, n = game.int_quota, game.n_players
    order = sorted(range(n), key=lambda k: -weights[k])
    dtype: Any = nb.int_dtype(1 << n)

    def table() -> np.ndarray:
        t = np.zeros((n + 1, q), dtype=dtype)
        if dtype is object:
            t[:] = 0
        return t

    def add(t: np.ndarray, w: int) -> None:
        if w == 0:
            t[1:] = t[1:] + t[:-1]
        elif w < q:
            t[1:, w:] = t[1:, w:] + t[:-1, :-w]

    def closing(t: np.ndarray, w: int):
        """Counts of ``T`` in the table that ``j`` of weight ``w`` closes: by size, by weight."""
        low = max(0, q - w)
        band = t[:, low:]
        sizes = [0] + [int(v) for v in _row_sums(band[:n])]
        weights_of_s = {
            int(low + x + w): int(c) for x, c in enumerate(_column_sums(band)) if int(c)
        }
        return sizes, weights_of_s

    def count(target: int | None):
        without, within = table(), table()
        without[0, 0] = 1
        by_size = [0] * (n + 1)
        by_weight: Counter = Counter()
        for k in order:
            w = weights[k]
            source = without if target is None or k == target else within
            if w > 0:
                sizes, ws = closing(source, w)
                by_size = [a + b for a, b in zip(by_size, sizes)]
                by_weight.update(ws)
            if k == target:
                within[1:] = without[:-1]
                if w:
                    within[:, w:] = within[:, :-w].copy()
                    within[:, :w] = 0
                if w >= q:
                    within[:] = 0
            else:
                add(without, w)
                add(within, w)
        return by_size, dict(by_weight)

    total, _ = count(None)
    first_of: dict[int, int] = {}
    for k in range(n):
        first_of.setdefault(weights[k], k)
    # players of equal weight are symmetric: one pass per distinct weight
    per_weight = {w: count(k) for w, k in first_of.items()}
    return MinimalCounts(
        total,
        [per_weight[w][0] for w in weights],
        [per_weight[w][1] for w in weights],
        "exact",
    )


def _row_sums(array: np.ndarray) -> list[int]:
    if array.dtype == object:
        return [int(sum(row)) for row in array.tolist()]
    return [int(v) for v in array.sum(axis=1)]


def _column_sums(array: np.ndarray) -> list[int]:
    if array.dtype == object:
        return [int(sum(col)) for col in array.T.tolist()]
    return [int(v) for v in array.sum(axis=0)]


# ------------------------------------------------------------------ exact generating functions
def _composition_count(weights: Sequence[int]) -> int:
    """How many coalitions differ in how many players of each weight they hold."""
    return math.prod(m + 1 for m in Counter(weights).values())


def _composition_counts(weights: Sequence[int], q: int, n: int, by_size: bool) -> Counts:
    """Exact counts from the compositions of coalitions by weight class.

    Players of equal weight are interchangeable, so a coalition is described by how many
    players ``c_j`` of each weight class ``(w_j, m_j)`` it holds: ``prod_j C(m_j, c_j)``
    coalitions share the size ``sum c_j`` and the weight ``sum c_j w_j``. The coalitions of
    the others of a player of class t are counted by ``C(m_t - 1, c_t) = C(m_t, c_t)
    (m_t - c_t) / m_t``. Work: ``prod_j (m_j + 1)`` compositions per class (a body of 1000
    equal members has 1001), in Python integers.
    """
    classes = sorted(Counter(weights).items())
    grids = np.meshgrid(*[np.arange(m + 1) for _w, m in classes], indexing="ij")
    comp = np.stack([g.ravel() for g in grids], axis=1)  # compositions x classes
    sizes = comp.sum(axis=1)
    total = np.zeros(len(comp), dtype=object)
    total[:] = 0
    count = np.ones(len(comp), dtype=object)
    for j, (w, m) in enumerate(classes):
        binomials = np.array([math.comb(m, c) for c in range(m + 1)], dtype=object)
        count = count * binomials[comp[:, j]]
        total = total + comp[:, j].astype(object) * w
    winning = np.zeros(n + 1, dtype=object)
    winning[:] = 0
    wins = total >= q
    np.add.at(winning, sizes[wins], count[wins])
    by_class = {}
    for j, (w, m) in enumerate(classes):
        others = (comp[:, j] < m) & (total < q) & (total >= q - w)
        row = np.zeros(n, dtype=object)
        row[:] = 0
        np.add.at(row, sizes[others], count[others] * (m - comp[others, j]).astype(object) // m)
        by_class[w] = row
    swings = np.zeros((n, n), dtype=object)
    swings[:] = 0
    for i, w in enumerate(weights):
        if by_size:
            swings[i] = by_class[w]
        else:
            swings[i, 0] = sum(by_class[w])
    if not by_size:  # the format of the Banzhaf-only counts: totals only
        winning = np.concatenate([np.zeros(n, dtype=object), [sum(winning)]])
        winning[:n] = 0
    return Counts(n, swings, winning, "exact")


def side_quota(game: WeightedVotingGame) -> int:
    """The length of the generating functions' tables: the quota ``q`` when the losing side
    (weights ``0 .. q - 1``, EPIC's "from below") is the shorter, else ``T - q + 1`` (``T``
    the total weight), the quota of the dual game, whose losing coalitions are the
    complements of the winning ones (counting "from above")."""
    return min(game.int_quota, sum(game.int_weights) - game.int_quota + 1)


def _dual(game: WeightedVotingGame) -> WeightedVotingGame:
    """The dual game ``[T - q + 1; w]``: ``S`` wins in it iff ``N - S`` loses in ``game``."""
    dual_quota = sum(game.int_weights) - game.int_quota + 1
    return _reduced(WeightedVotingGame(dual_quota, game.int_weights, game.players))


def _exact_counts(game: WeightedVotingGame, by_size: bool) -> Counts:
    """Exact counts by the generating functions, on the cheaper side.

    The tables run over the losing coalitions' weights ``0 .. q - 1``. When the total weight
    minus the quota is smaller than the quota, the dual game ``v*(S) = 1 - v(N - S)`` (quota
    ``T - q + 1``) has the shorter tables, and its counts give the game's: ``i`` swings ``S``
    in ``v`` iff it swings ``N - S - i`` in ``v*``, so ``eta_i(s) = eta*_i(n - 1 - s)``, and
    ``W(s) = C(n, s) - W*(n - s)``."""
    if side_quota(game) == game.int_quota:
        return _one_side_counts(game, by_size)
    n = game.n_players
    dual = _one_side_counts(_dual(game), by_size)
    if not by_size:  # totals: the same swings, 2**n - |W*| winning coalitions (one slot)
        winning = np.zeros(n + 1, dtype=object)
        winning[:] = 0
        winning[n] = 2**n - dual.winning()
        return Counts(n, dual.swings_by_size, winning, "exact")
    swings = np.ascontiguousarray(np.asarray(dual.swings_by_size)[:, ::-1])
    dual_winning = [int(v) for v in dual.winning_by_size]
    winning = np.array([math.comb(n, s) - dual_winning[n - s] for s in range(n + 1)], dtype=object)
    return Counts(n, swings, winning, "exact")


def _one_side_counts(game: WeightedVotingGame, by_size: bool) -> Counts:
    n, q = game.n_players, game.int_quota
    weights = game.int_weights
    if _composition_count(weights) <= MAX_COMPOSITIONS and _cost_exact(
        game, by_size
    ) < _cost_exact_table(game, by_size):
        return _composition_counts(weights, q, n, by_size)
    dtype = nb.int_dtype(1 << n)
    small = dtype is np.int64
    if by_size and not small:
        return _modular_counts_by_size(weights, q, n)
    if by_size:
        table = np.zeros((n + 1, q), dtype=dtype)
        if dtype is object:
            table[:] = 0
        table[0, 0] = 1
        for w in weights:
            if w == 0:
                table[1:] = table[1:] + table[:-1]
            elif w < q:
                table[1:, w:] = table[1:, w:] + table[:-1, :-w]
        swings = np.zeros((n, n), dtype=dtype)
        if dtype is object:
            swings[:] = 0
        cache: dict[int, np.ndarray] = {}
        for i, w in enumerate(weights):
            if w not in cache:
                removed = table.copy()
                if 0 < w < q:
                    for s in range(1, n + 1):
                        removed[s, w:] = table[s, w:] - removed[s - 1, :-w]
                elif w == 0:
                    for s in range(1, n + 1):
                        removed[s] = table[s] - removed[s - 1]
                lo = max(0, q - w)
                cache[w] = np.array([_sum(removed[s, lo:]) for s in range(n)], dtype=dtype)
            swings[i] = cache[w]
        losing = [_sum(table[s]) for s in range(n + 1)]
        by_size_winning = [math.comb(n, s) - int(losing[s]) for s in range(n + 1)]
        return Counts(n, swings, np.array(by_size_winning, dtype=object), "exact")
    # Banzhaf only: one dimension, and the swings are reported with size 0 (unused)
    c = np.zeros(q, dtype=dtype)
    if dtype is object:
        c[:] = 0
    c[0] = 1
    for w in weights:
        if w == 0:
            c = c * 2
        elif w < q:
            c[w:] = c[w:] + c[:-w]
    totals = {}
    for w in set(weights):
        if w == 0:
            d = c // 2
        elif w >= q:
            d = c
        else:
            d = remove_factor(c, w)
        totals[w] = _sum(d[max(0, q - w) :])
    swings = np.zeros((n, n), dtype=object)
    swings[:] = 0
    for i, w in enumerate(weights):
        swings[i, 0] = totals[w]
    winning = np.zeros(n + 1, dtype=object)
    winning[:] = 0
    winning[n] = 2**n - _sum(c)  # total only (stored in one slot)
    return Counts(n, swings, winning, "exact")


def _residue_sums(array: np.ndarray) -> list[int]:
    """Exact row sums of a 2-D array of non-negative values below 2**64 (as Python ints)."""
    values = array.view(np.uint64) if array.dtype == np.int64 else array
    low = (values & np.uint64(0xFFFFFFFF)).sum(axis=-1, dtype=np.uint64)
    high = (values >> np.uint64(32)).sum(axis=-1, dtype=np.uint64)
    return [(int(h) << 32) + int(lo) for h, lo in zip(high.tolist(), low.tolist())]


def _modular_pass(
    weights: Sequence[int], q: int, n: int, prime: int | None
) -> tuple[dict[int, list[int]], list[int]]:
    """Counts by (size, weight) modulo 2**64 (``prime=None``, free wrap-around in uint64) or
    modulo a prime below 2**61 (int64 with reductions). Returns, for each distinct weight,
    the residues of the swings by size, and the residues of the losing coalitions by size.

    Only the losing coalitions (weight below ``q``) are tabulated, so with every weight at
    least ``w_min > 0`` no row of size ``s > (q - 1) // w_min`` has an entry: the table keeps
    ``rows`` sizes and the missing ones are zero."""
    w_min = min(weights, default=0)
    rows = n + 1 if w_min == 0 else min(n, (q - 1) // w_min) + 1
    if prime is None:
        table = np.zeros((rows, q), dtype=np.uint64)
    else:
        table = np.zeros((rows, q), dtype=np.int64)
    table[0, 0] = 1

    def reduce(view):
        if prime is not None:
            np.subtract(view, prime, out=view, where=view >= prime)

    for w in weights:
        if w == 0:
            table[1:] += table[:-1].copy()
            reduce(table[1:])
        elif w < q:
            table[1:, w:] += table[:-1, :-w].copy()
            reduce(table[1:, w:])
    swings: dict[int, list[int]] = {}
    for w in set(weights):
        removed = table.copy()
        if w < q:
            for s in range(1, rows):
                row = removed[s, w:] if w else removed[s]
                np.subtract(
                    table[s, w:] if w else table[s],
                    removed[s - 1, :-w] if w else removed[s - 1],
                    out=row,
                )
                if prime is not None:
                    np.add(row, prime, out=row, where=row < 0)
        lo = max(0, q - w)
        sums = _residue_sums(removed[:n, lo:])
        sums += [0] * (n - len(sums))
        swings[w] = (
            [v % prime for v in sums] if prime is not None else [v % (1 << 64) for v in sums]
        )
    losing = _residue_sums(table)
    losing += [0] * (n + 1 - len(losing))
    modulus = prime if prime is not None else 1 << 64
    return swings, [v % modulus for v in losing]


_PRIMES: list[int] = []


def _primes(count: int) -> list[int]:
    """The ``count`` largest primes below 2**61 (pairwise coprime with 2**64)."""
    if len(_PRIMES) < count:
        from sympy import prevprime

        p = _PRIMES[-1] if _PRIMES else 1 << 61
        while len(_PRIMES) < count:
            p = int(prevprime(p))
            _PRIMES.append(p)
    return _PRIMES[:count]


def _modular_counts_by_size(weights: Sequence[int], q: int, n: int) -> Counts:
    """Exact counts by (size, weight) for n > 62 players: int64 arithmetic modulo 2**64 and
    modulo primes below 2**61, combined by the Chinese remainder theorem (every count is
    below 2**n). Memory: one (n + 1) x q table of 8-byte numbers."""
    primes = _primes(max(0, -(-(n + 1 - 64) // 60)))
    moduli = [1 << 64, *primes]
    passes = [_modular_pass(weights, q, n, None)] + [
        _modular_pass(weights, q, n, p) for p in primes
    ]
    total = 1
    for m in moduli:
        total *= m
    coefficients = []
    for m in moduli:
        rest = total // m
        coefficients.append(rest * pow(rest, -1, m))

    def combine(residues: Sequence[int]) -> int:
        return sum(c * r for c, r in zip(coefficients, residues)) % total

    distinct = {
        w: [combine([ps[0][w][s] for ps in passes]) for s in range(n)] for w in set(weights)
    }
    swings = np.empty((n, n), dtype=object)
    for i, w in enumerate(weights):
        swings[i, :] = distinct[w]
    losing = [combine([ps[1][s] for ps in passes]) for s in range(n + 1)]
    winning = np.array([math.comb(n, s) - losing[s] for s in range(n + 1)], dtype=object)
    return Counts(n, swings, winning, "exact")


def remove_factor(c: np.ndarray, w: int) -> np.ndarray:
    """Divide a truncated generating function by ``1 + x^w`` exactly (integers).

    ``d[x] = c[x] - d[x - w]`` unrolls to ``d[x] = sum_k (-1)^k c[x - k w]``: with the array
    cut into blocks of length ``w``, an alternating cumulative sum over the blocks. Every
    partial sum is bounded by the total count, so int64 is exact while the counts fit."""
    length = len(c)
    if c.dtype == object:  # Python integers: block slices beat object cumulative sums
        d = c.copy()
        for start in range(w, length, w):
            end = min(start + w, length)
            d[start:end] = c[start:end] - d[start - w : end - w]
        return d
    blocks = -(-length // w)
    padded = np.zeros(blocks * w, dtype=c.dtype)
    padded[:length] = c
    signs = np.where(np.arange(blocks) % 2 == 0, 1, -1).astype(c.dtype)
    table = padded.reshape(blocks, w) * signs[:, None]
    out = np.cumsum(table, axis=0) * signs[:, None]
    return out.reshape(-1)[:length]


def remove_weighted_factor(f: np.ndarray, w: int, q: Any) -> np.ndarray:
    """Divide a truncated polynomial by ``(1 - q) + q x^w``: the distribution of the yes
    weight without one member of weight ``w`` who votes yes with probability ``q``.

    The quotient has ``len(f) - w`` terms. The recurrence runs upwards,
    ``g[x] = (f[x] - q g[x - w]) / (1 - q)``, when ``q <= 1/2`` and downwards,
    ``g[x] = (f[x + w] - (1 - q) g[x + w]) / q``, otherwise, so that its ratio never exceeds
    one and rounding errors never grow. Floats go block by block through
    :func:`scipy.signal.lfilter` (one first-order filter over the blocks of length ``w``);
    exact numbers (object arrays) through block slices.

    Examples
    --------
    >>> f = np.array([0.25, 0.5, 0.25])            # two coin tosses of weight 1
    >>> remove_weighted_factor(f, 1, 0.5).tolist()
    [0.5, 0.5]
    """
    size = len(f) - w
    if w == 0:
        return f.copy()
    if q <= 0.5:
        head, keep, move = f[:size], 1 - q, q
    else:
        head, keep, move = f[w:][::-1], q, 1 - q
    if f.dtype == object:
        out = np.empty(size, dtype=object)
        for start in range(0, size, w):
            stop = min(start + w, size)
            below = out[start - w : stop - w] if start >= w else 0
            out[start:stop] = (head[start:stop] - move * below) / keep
    else:
        from scipy.signal import lfilter

        blocks = -(-size // w)
        padded = np.zeros(blocks * w)
        padded[:size] = head
        table = lfilter([1 / keep], [1, move / keep], padded.reshape(blocks, w), axis=0)
        out = table.reshape(-1)[:size]
    return out if q <= 0.5 else out[::-1].copy()


def _sum(array: np.ndarray) -> int:
    if array.dtype == object:
        return int(sum(array.tolist()))
    return int(array.sum())


# ------------------------------------------------------------------ meet in the middle
class _Layers:
    """The game as one "big" weighted rule plus a small key (size and small rules' sums)."""

    def __init__(self, game: Any) -> None:
        n = game.n_players
        if isinstance(game, WeightedVotingGame):
            self.big = np.array(game.int_weights, dtype=np.int64)
            self.big_quota = game.int_quota
            self.keys = np.ones((n, 1), dtype=np.int64)
            self._theta = lambda sigma: np.full(len(sigma), self.big_quota, dtype=np.int64)
        else:
            atoms = game.atoms()
            big = max(atoms, key=lambda a: sum(a.int_weights))
            small = [a for a in atoms if a is not big]
            self.big = np.array(big.int_weights, dtype=np.int64)
            self.big_quota = big.int_quota
            self.keys = np.column_stack(
                [np.ones(n, dtype=np.int64)]
                + [np.array(a.int_weights, dtype=np.int64) for a in small]
            )
            column = {id(a): k + 1 for k, a in enumerate(small)}

            def theta(sigma: np.ndarray) -> np.ndarray:
                m = len(sigma)

                def truth(value: bool):
                    def f(atom):
                        if atom is big:
                            return np.full(m, value)
                        return sigma[:, column[id(atom)]] >= atom.int_quota

                    return f

                f0 = np.broadcast_to(game.evaluate(truth(False)), (m,))
                f1 = np.broadcast_to(game.evaluate(truth(True)), (m,))
                return np.where(f0, 0, np.where(f1, self.big_quota, nb.INT64_SUMS)).astype(np.int64)

            self._theta = theta
        for array in (self.big, self.keys):
            if array.size and int(np.abs(array).sum()) >= 1 << 60:
                raise TooLargeError(
                    "weights too large for the meet-in-the-middle method "
                    "(sums must stay below 2**60)."
                )
        self.total_big = int(self.big.sum())
        self.total_key = self.keys.sum(axis=0)
        self.n = n

    def theta(self, sigma: np.ndarray) -> np.ndarray:
        return self._theta(sigma)

    def subsets(self, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return subset_sums(self.keys[members]), subset_sums(self.big[members])

    def grouped(self, keys: np.ndarray, big: np.ndarray) -> tuple:
        """Subsets grouped by key, each group sorted by big weight."""
        uniq, order, offsets = self.grouping(keys, big)
        return uniq, big[order], offsets

    def grouping(self, keys: np.ndarray, big: np.ndarray) -> tuple:
        """The distinct keys, the order that sorts the subsets by (key, big weight), and the
        offsets of each key's run in that order."""
        radix = [int(t) + 1 for t in self.total_key]
        if math.prod(radix) < nb.INT64_SUMS:  # one integer code per key row: a fast 1-D unique
            code = keys @ np.cumprod([1, *radix[:-1]], dtype=np.int64)
            _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
            uniq = keys[first]
        else:
            uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        order = np.lexsort((big, inverse))
        offsets = np.searchsorted(inverse[order], np.arange(len(uniq) + 1))
        return uniq, order, offsets

    def count_pairs(
        self,
        own_keys: np.ndarray,
        own_big: np.ndarray,
        other: tuple,
        bounds: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]],
    ) -> np.ndarray:
        """Pairs (own subset, other subset) with lo <= big < hi, by size of their union."""
        uniq, sorted_big, offsets = other
        out = np.zeros(self.n + 1, dtype=np.int64)
        for g in range(len(uniq)):
            segment = sorted_big[offsets[g] : offsets[g + 1]]
            sigma = own_keys + uniq[g]
            lo, hi = bounds(sigma)
            found = np.searchsorted(segment, hi - own_big, "left") - np.searchsorted(
                segment, lo - own_big, "left"
            )
            np.maximum(found, 0, out=found)
            out += np.bincount(sigma[:, 0], weights=found, minlength=self.n + 1).astype(np.int64)[
                : self.n + 1
            ]
        return out

    def completions(self, own_keys: np.ndarray, own_big: np.ndarray, other: tuple) -> np.ndarray:
        """For each own subset, the other side's subsets that make it winning, by the size of
        the union (a ``(len(own_big), n + 1)`` array)."""
        uniq, sorted_big, offsets = other
        rows = np.arange(len(own_big))
        out = np.zeros((len(own_big), self.n + 1), dtype=np.int64)
        for g in range(len(uniq)):
            segment = sorted_big[offsets[g] : offsets[g + 1]]
            sigma = own_keys + uniq[g]
            out[rows, sigma[:, 0]] += len(segment) - np.searchsorted(
                segment, self.theta(sigma) - own_big, "left"
            )
        return out

    def count(
        self, members: np.ndarray, bounds: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
    ) -> np.ndarray:
        """Number of coalitions T of ``members`` with lo <= big(T) < hi, by size of T."""
        h = len(members) // 2
        key_a, big_a = self.subsets(members[:h])
        key_b, big_b = self.subsets(members[h:])
        return self.count_pairs(key_a, big_a, self.grouped(key_b, big_b), bounds)


def _mitm_counts(game: Any) -> Counts:
    """Swings by size of every player and winning coalitions by size, in one pass per half.

    The players are split once into halves A and B, and the subsets of each half are
    enumerated and grouped once. For every subset ``x`` of A, :meth:`_Layers.completions`
    counts the subsets of B that make ``x`` winning, by the size of the union; summing those
    counts over the subsets that contain player ``i`` gives ``W_i(s)``, the winning
    coalitions of size ``s`` that contain ``i`` (and symmetrically for the players of B).
    In a monotone game ``S + i`` wins whenever ``S`` does, so the swings of ``i`` into
    coalitions of size ``s`` are ``W_i(s + 1) - (W(s) - W_i(s))``: no pass per player."""
    layers = _Layers(game)
    n = game.n_players
    half = n // 2
    halves = (np.arange(half), np.arange(half, n))
    subsets = [layers.subsets(h) for h in halves]
    groups = [layers.grouped(*sub) for sub in subsets]
    with_member = np.zeros((n, n + 1), dtype=np.int64)
    winning = np.zeros(n + 1, dtype=np.int64)
    for side in (0, 1):
        members = halves[side]
        keys, big = subsets[side]
        for start in range(0, len(big), _MITM_BLOCK):
            stop = min(start + _MITM_BLOCK, len(big))
            by_size = layers.completions(keys[start:stop], big[start:stop], groups[1 - side])
            masks = np.arange(start, stop, dtype=np.int64)
            membership = ((masks[:, None] >> np.arange(len(members))) & 1).astype(np.float64)
            # a float product is exact here: every sum is a count below 2**41 < 2**53
            with one_blas_thread():
                with_member[members] += (membership.T @ by_size).astype(np.int64)
            if side == 0:
                winning += by_size.sum(axis=0)
    swings = with_member[:, 1:] - winning[None, :n] + with_member[:, :n]
    return Counts(n, swings, winning, "mitm")


def mitm_exists(game: Any, kind: str) -> bool:
    """Proper / strong checks by meet in the middle: does a violating coalition exist?"""
    layers = _Layers(game)
    total_big, total_key = layers.total_big, layers.total_key

    def proper_violation(sigma):  # S wins and N \ S wins
        return layers.theta(sigma), total_big - layers.theta(total_key - sigma) + 1

    def strong_violation(sigma):  # S loses and N \ S loses
        return total_big - layers.theta(total_key - sigma) + 1, layers.theta(sigma)

    bounds = proper_violation if kind == "proper" else strong_violation
    return bool(layers.count(np.arange(game.n_players), bounds).sum() > 0)


# ------------------------------------------------------------------ float: leave-one-out tree
# The generating function of a weighted body at one row (a_r, b_r) is prod_j (a_r + b_r x^w_j).
# Leaving one player out without dividing (division is where subtraction, and so cancellation,
# would come in) is a product tree over the weight groups: each node carries the product of
# the factors *outside* its subtree, restricted to the window of coefficients [lo, q) that can
# still matter, and a leaf adds its own group minus one player. The steps, each named below:
# write the factors subtraction-free (_factor_form), multiply a window by one factor
# (_times_constant, _times_from_zero, _times_above), multiply by a list of factors and trim the
# window (_multiply), and walk the tree (_descend).


@dataclass(frozen=True)
class _FactorForm:
    """The rows' factors ``a + b x^w``, subtraction-free: ``scale * (1 + ratio x^w)`` when
    ``low`` (every row has a >= b), else ``scale * (ratio + x^w)``; ``0 <= ratio <= 1``."""

    low: bool
    ratio: np.ndarray  # shape (R, 1), to broadcast over a window's columns
    all_one: bool  # ratio == 1 in every row (p = 1/2): products by 1 skipped
    log_scale: np.ndarray  # shape (R,): the scales are multiplied in once, at the end


def _factor_form(a: np.ndarray, b: np.ndarray) -> _FactorForm:
    """The subtraction-free form of rows that all have ``a >= b`` or all ``a < b``."""
    low_form = a >= b
    ratio = np.where(low_form, b / np.where(a > 0, a, 1), a / np.where(b > 0, b, 1))
    scale = np.where(low_form, a, b)
    return _FactorForm(
        low=bool(low_form[0]) if len(a) else True,
        ratio=ratio[:, None],
        all_one=bool(np.all(ratio == 1.0)),
        log_scale=np.log(scale),
    )


def _times_constant(arr: np.ndarray, form: _FactorForm) -> np.ndarray:
    """``arr`` times a factor of weight 0 (``1 + ratio`` or ``ratio + 1``), in place."""
    if not form.all_one or not form.low:
        arr *= 1.0 + form.ratio
    else:
        arr *= 2.0
    return arr


def _times_from_zero(arr: np.ndarray, w: int, form: _FactorForm) -> np.ndarray:
    """``arr`` (the window [0, q)) times ``1 + ratio x^w`` or ``ratio + x^w``, in place;
    coefficients shifted past q drop out."""
    length = arr.shape[1]
    if w < length:
        if form.low:
            shifted = (
                arr[:, : length - w] * form.ratio
                if not form.all_one
                else arr[:, : length - w].copy()
            )
            arr[:, w:] += shifted
        else:
            shifted = arr[:, : length - w].copy()
            arr *= form.ratio
            arr[:, w:] += shifted
    elif not form.low:
        arr *= form.ratio
    return arr


def _times_above(arr: np.ndarray, w: int, form: _FactorForm) -> np.ndarray:
    """``arr`` (a window [lo, q) with lo > 0, of which only [lo + w, q) still matters) times
    the factor of weight ``w``: the returned window starts at lo + w."""
    length = arr.shape[1]
    if w >= length:
        return arr[:, length:]
    view = arr[:, w:]
    if form.low:
        shifted = arr[:, : length - w] * form.ratio if not form.all_one else arr[:, : length - w]
    else:
        shifted = arr[:, : length - w].copy()
        view *= form.ratio
    view += shifted
    return view


def _multiply(
    arr: np.ndarray, lo: int, factors: list[tuple[int, int]], target: int, form: _FactorForm
) -> tuple[np.ndarray, int]:
    """The window [lo, q) times the factors ``[(weight, times)]``, kept from ``target`` on
    (while the window starts at 0, it is cut as soon as the weight still to come cannot
    reach below ``target``)."""
    remaining = sum(w * t for w, t in factors)
    count = sum(t for _, t in factors)
    arr = arr.copy()
    for w, times in factors:
        for _ in range(times):
            remaining -= w
            if w == 0:
                arr = _times_constant(arr, form)
            elif lo == 0:
                arr = _times_from_zero(arr, w, form)
                need = max(0, target - remaining)
                if need > 0:
                    arr = arr[:, need:]
                    lo = need
            else:
                arr = _times_above(arr, w, form)
                lo += w
    if count:
        arr *= np.exp(count * form.log_scale)[:, None]
    if lo < target:
        arr = arr[:, target - lo :]
        lo = target
    return np.ascontiguousarray(arr), lo


def _descend(
    arr: np.ndarray,
    lo: int,
    groups: list[int],
    weights: list[int],
    mult: list[int],
    q: int,
    form: _FactorForm,
    out: np.ndarray,
) -> None:
    """Fill ``out[g]`` for the ``groups`` below a node whose outside product is ``arr``."""
    if len(groups) == 1:
        g = groups[0]
        leaf, _ = _multiply(arr, lo, [(weights[g], mult[g] - 1)], max(0, q - weights[g]), form)
        out[g] = leaf.sum(axis=1)
        return
    group_weight = [w * k for w, k in zip(weights, mult)]
    half = _split_half(groups, group_weight)
    left, right = groups[:half], groups[half:]
    for child, sibling in ((left, right), (right, left)):
        target = max(0, q - sum(group_weight[g] for g in child))
        new, new_lo = _multiply(arr, lo, [(weights[g], mult[g]) for g in sibling], target, form)
        _descend(new, new_lo, child, weights, mult, q, form, out)


def _leave_one_out(
    weights: list[int], mult: list[int], q: int, a: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """For each weight group g (weight weights[g], multiplicity mult[g]) and each row r:
    the mass that prod_{j != i} (a_r + b_r x^{w_j}) puts on [max(0, q - w_g), q - 1], for a
    player i of group g. Subtraction-free. Returns shape (G, R)."""
    G, R = len(weights), len(a)
    out = np.zeros((G, R))
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    low_form = a >= b
    if not (bool(np.all(low_form)) or bool(np.all(~low_form))):
        # callers pass rows of one form; split otherwise
        out[:, low_form] = _leave_one_out(weights, mult, q, a[low_form], b[low_form])
        out[:, ~low_form] = _leave_one_out(weights, mult, q, a[~low_form], b[~low_form])
        return out
    # the outside product of the root is the constant 1; q <= total weight, so the root's
    # window [max(0, q - total), q) is [0, q)
    root = np.zeros((R, q))
    root[:, 0] = 1.0
    _descend(root, 0, list(range(G)), weights, mult, q, _factor_form(a, b), out)
    return out


def _split_half(groups: list[int], group_weight: list[int]) -> int:
    """Split point giving two halves of similar total weight (at least one group each)."""
    total = sum(group_weight[g] for g in groups)
    acc = 0
    for k, g in enumerate(groups[:-1]):
        acc += group_weight[g]
        if acc * 2 >= total:
            return max(1, k + 1)
    return len(groups) - 1


def _groups(game: WeightedVotingGame) -> tuple[list[int], list[int], list[int]]:
    """Distinct weights (ascending), multiplicities and each player's group."""
    weights = sorted(set(game.int_weights))
    index = {w: g for g, w in enumerate(weights)}
    mult = [0] * len(weights)
    for w in game.int_weights:
        mult[index[w]] += 1
    return weights, mult, [index[w] for w in game.int_weights]


def banzhaf_float(game: WeightedVotingGame) -> np.ndarray:
    """Absolute Banzhaf index (swing probability) of each player, in floats."""
    game = reduced(game)
    weights, mult, member = _groups(game)
    half = np.array([0.5])
    per_group = _leave_one_out(weights, mult, game.int_quota, half, half)[:, 0]
    return per_group[member]


def win_lose_probability_float(game: WeightedVotingGame) -> tuple[float, float]:
    """Shares of winning and of losing coalitions, both subtraction-free.

    Losing: the mass of the weight distribution (every member in with probability 1/2)
    below ``q``; winning: by the symmetry S <-> N \\ S, the mass at or below ``W - q``.
    """
    game = reduced(game)
    q = game.int_quota
    total = sum(game.int_weights)
    length = max(q, total - q + 1)
    arr = np.zeros(length)
    arr[0] = 1.0
    for w in game.int_weights:
        if w == 0:
            continue
        if w < length:
            arr[w:] += arr[:-w].copy()
        arr *= 0.5
    return float(arr[: total - q + 1].sum()), float(arr[:q].sum())


def _chernoff_log_bound(
    p: float, weights: list[int], mult: list[int], t_upper: float, t_lower: float
) -> float:
    """log of min(P(W >= t_upper), P(W <= t_lower)) for W = sum of w_j Bernoulli(p)."""
    from scipy.optimize import minimize_scalar

    w = np.asarray(weights, dtype=np.float64)
    k = np.asarray(mult, dtype=np.float64)
    scale = max(float(w.max()), 1.0)
    w_s = w / scale
    lp, lq = math.log(p), math.log1p(-p)

    def log_mgf(lam: float) -> float:
        return float(np.sum(k * np.logaddexp(lq, lp + lam * w_s)))

    best = 0.0
    mean = p * float(np.sum(k * w))
    if t_upper > mean:
        res = minimize_scalar(
            lambda lam: -lam * t_upper / scale + log_mgf(lam), bounds=(0.0, 800.0), method="bounded"
        )
        best = min(best, float(res.fun))
    if t_lower < mean:
        res = minimize_scalar(
            lambda lam: lam * t_lower / scale + log_mgf(-lam), bounds=(0.0, 800.0), method="bounded"
        )
        best = min(best, float(res.fun))
    return best


def shapley_shubik_float(
    game: WeightedVotingGame, *, chunk: int = 8
) -> tuple[np.ndarray, np.ndarray]:
    """Shapley-Shubik index (and absolute Banzhaf as a by-product) in floats.

    SS_i = integral over p of P_p(q - w_i <= W_{-i} < q), a polynomial of degree n - 1 in p:
    Gauss-Legendre with n // 2 + 1 nodes is exact. Nodes whose Chernoff bound shows a
    contribution below 1e-30 are skipped, and put back if the skipped mass could exceed
    1e-15 of any player's index.
    """
    game = reduced(game)
    n, q = game.n_players, game.int_quota
    weights, mult, member = _groups(game)
    m = n // 2 + 1
    nodes, node_weights = np.polynomial.legendre.leggauss(m)
    p = (nodes + 1.0) / 2.0
    omega = node_weights / 2.0
    wmax = max(weights)
    log_bounds = np.array(
        [_chernoff_log_bound(pk, weights, mult, q - wmax, q - 1 + wmax) for pk in p]
    )
    log_contrib = np.log(omega) + log_bounds
    keep = log_contrib >= math.log(1e-30)
    skipped_mass = float(np.sum(np.exp(log_contrib[~keep])))

    def integrate(rows: np.ndarray) -> np.ndarray:
        total = np.zeros(len(weights))
        order = [r for r in rows]
        low = [r for r in order if p[r] <= 0.5]
        high = [r for r in order if p[r] > 0.5]
        for block in (low, high):
            for start in range(0, len(block), chunk):
                idx = np.array(block[start : start + chunk])
                values = _leave_one_out(weights, mult, q, 1.0 - p[idx], p[idx])
                total += values @ omega[idx]
        return total

    half = np.array([0.5])
    banzhaf = _leave_one_out(weights, mult, q, half, half)[:, 0]
    ss = integrate(np.flatnonzero(keep))
    live = banzhaf > 0
    if skipped_mass > 0 and np.any(ss[live] * 1e-15 < skipped_mass):
        ss = ss + integrate(np.flatnonzero(~keep))
    ss[~live] = 0.0
    return ss[member], banzhaf[member]


def harmonic_membership_float(game: WeightedVotingGame, *, chunk: int = 8) -> np.ndarray:
    """Each player's ``sum over the winning coalitions S containing it of 1/|S|``, divided
    by the number of winning coalitions, in floats (the null-player-free index ``f^np`` of a
    game without null players; the shares sum to one).

    With ``1/(t + 1)`` the integral of ``x**t`` over [0, 1] and ``p = x / (1 + x)``, the
    coalitions ``T`` of the others with ``w(T) >= q - w_i`` give
    ``sum_T 1/(|T| + 1) = integral of (1 + x)**(n - 1) P_p(W_-i >= q - w_i) dx``, a
    polynomial of degree n - 1 in x: Gauss-Legendre with n // 2 + 1 nodes is exact. Every
    node has ``p <= 1/2``, and ``P_p(W_-i >= q - w_i) = P_p(W >= q) + (1 - p)
    P_p(q - w_i <= W_-i < q)`` adds the leave-one-out window of :func:`_leave_one_out` to the
    whole body's tail, both without subtraction; the number of winning coalitions is
    ``2**n`` times the winning share of :func:`win_lose_probability_float`. The weight
    ``((1 + x) / 2)**(n - 1)`` is negligible on most nodes of a large body: those that
    together could move a share by 1e-20 are skipped.
    """
    game = reduced(game)
    n, q = game.n_players, game.int_quota
    weights, mult, member = _groups(game)
    nodes, node_weights = np.polynomial.legendre.leggauss(n // 2 + 1)
    x = (nodes + 1.0) / 2.0
    p = x / (1.0 + x)
    # the integrand over 2**(n - 1), so that nothing overflows: ((1 + x) / 2)**(n - 1) <= 1
    scale = node_weights / 2.0 * ((1.0 + x) / 2.0) ** (n - 1)
    factors = [(w, k) for w, k in zip(weights, mult)]
    winning, _ = win_lose_probability_float(game)
    # a node adds at most 2 * scale to any player's sum: the nodes of least scale whose
    # total stays below 1e-20 of 2 * winning change no share by more than 1e-20
    order = np.argsort(scale)
    skipped = np.cumsum(2.0 * scale[order]) <= 1e-20 * 2.0 * winning
    live = np.sort(order[~skipped])
    sums = np.zeros(len(weights))
    for start in range(0, len(live), chunk):
        rows = live[start : start + chunk]
        a, b = 1.0 - p[rows], p[rows]
        window = _leave_one_out(weights, mult, q, a, b)  # (groups, rows)
        root = np.zeros((len(a), q))
        root[:, 0] = 1.0
        below, _ = _multiply(root, 0, factors, 0, _factor_form(a, b))
        tail = 1.0 - below.sum(axis=1)  # P_p(W >= q); p <= 1/2, so at least 2**-n of it
        sums += (tail[None, :] + a[None, :] * window) @ scale[rows]
    # sum_S 1/|S| = 2**(n - 1) * sums; |W| = 2**n * winning
    return sums[member] / (2.0 * winning)


# ------------------------------------------------------------------ front doors
@lru_cache(maxsize=16)
def _cached_counts(game: Any, method: str, by_size: bool) -> Counts:
    if method == "enumeration":
        return _table_counts(game)
    if method == "mitm":
        return _mitm_counts(game)
    if method == "exact":
        return _exact_counts(game, by_size)
    if method == "bdd":
        from ._bdd import diagram_counts

        swings, winning = diagram_counts(_diagram(game), by_size)
        return Counts(game.n_players, swings, winning, "bdd")
    raise AssertionError(method)  # pragma: no cover


def swing_counts(
    game: Any, method: str = "auto", *, by_size: bool = True, function: str = "swing_counts"
) -> Counts | None:
    """Exact counts with the chosen method, or None when the chosen method is 'float'."""
    game = reduced(game)
    chosen = choose_method(game, method, by_size=by_size, function=function)
    if chosen == "float":
        return None
    # the enumeration and meet-in-the-middle counts are always by size: share them
    return _cached_counts(game, chosen, by_size if chosen in ("exact", "bdd") else True)
