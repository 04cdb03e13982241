r"""Voting power in (j,k) simple games: Freixas's Shapley-Shubik index and Banzhaf measures.

A (j,k) game (:class:`~coalitions.JKSimpleGame`) maps each profile ``x in {0..j-1}^n`` of
approval levels to an output level ``v(x) in {0..k-1}``. Outputs may carry a *numeric
evaluation* ``alpha_0 < alpha_1 < ... < alpha_{k-1}`` (default ``alpha_t = t``, Freixas's
uniform evaluation); only its differences matter.

Shapley-Shubik (Freixas 2005, Definition 3.7)
    A *roll call* is a queue of the voters and a profile, all ``n! j**n`` equally likely. For
    each step ``t = 1..k-1`` the *t-pivot* is the first voter in the queue after whose vote
    the outcome is sure to be ``>= t`` or sure to be ``< t`` whatever the later voters do.

    .. math:: \Phi_i = \frac{1}{n!\, j^n\, (\alpha_{k-1} - \alpha_0)}
              \sum_{t=1}^{k-1} (\alpha_t - \alpha_{t-1})\,
              \#\{\text{roll calls whose } t\text{-pivot is } i\}

    Every roll call has one t-pivot per step, so the index sums to one. For ``j = 3, k = 2``
    it is Felsenthal & Machover's ternary index, for ``j = k = 2`` Shapley-Shubik's.

Banzhaf (two extensions, ``variant=``)
    With ``B_i(a) = sum_{x_{-i}} alpha(v(x_{-i}, a))`` (the others' ``j**(n-1)`` profiles):

    * ``"total"`` (default): ``eta_i = sum_{a < b} (B_i(b) - B_i(a))``, the voter's total
      capacity to alter the outcome by any change of its level (by its abstract, the index
      Freixas & Pons propose in *Group Decision and Negotiation* 2021 measures this and
      preserves desirability for every ``j``; we implement that description of it);
    * ``"range"``: ``eta_i = B_i(j-1) - B_i(0)``, the change from its lowest to its highest
      level (equally the sum of its one-level changes): for ``j = 3`` Felsenthal &
      Machover's ternary Banzhaf measure, the extension that, by the same paper's abstract,
      fails to preserve desirability when ``j > 3``.

    Absolute: ``eta_i / (j**(n-1) (alpha_{k-1} - alpha_0) c_j)`` with ``c_j = floor(j**2/4)``
    for ``"total"`` (the largest ``sum_{a<b}`` of a 0/1 step; so the measure lies in
    ``[0, 1]``) and ``c_j = 1`` for ``"range"``: the two coincide for ``j <= 3``, and equal
    Banzhaf's ``eta_i / 2**(n-1)`` for (2,2) games and Felsenthal & Machover's
    ``eta_i / 3**(n-1)`` for (3,2) games. Normalised: ``eta_i / sum_l eta_l``.

Computation. Grouping the roll calls by the set ``S`` of voters called before ``i``, the
t-pivots of ``i`` add up to how much its vote narrows the interval ``[v(x_S, 0, ..., 0),
v(x_S, j-1, ..., j-1)]`` of outcomes still possible (upper end down, lower end up). Each end
depends only on ``x_S``: for a profile ``y`` of the others with ``m`` of them at the highest
(lowest) level, the sets ``S`` that leave it unchanged get weight ``W(m) = sum_u C(m, u)
c_{n-1-m+u}``, ``c_s = s! (n-1-s)! j**(n-1-s)``. ``"enumeration"`` sums this over the
``j**n`` profiles of any game (at most
:data:`~coalitions.games.jk.MAX_JK_PROFILES`); ``"exact"`` for a
:class:`~coalitions.WeightedJKGame` counts the others' profiles by (total weight, number at
the extreme level) with a dynamic programme, ``O(n^2 j C)`` per kind of voter for ``C`` the
weight range between the quotas, never ``j**n``. ``"auto"`` is ``"exact"`` for weighted
games, else ``"enumeration"``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, check_choice, check_instance, front_door
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.jk import JKSimpleGame, WeightedJKGame, check_profiles_count
from ..results import PowerIndexResult, PowerTableResult
from .indices import _exact
from .ternary import _exact_table, _resolve_method

__all__ = [
    "jk_shapley_shubik",
    "jk_banzhaf",
    "jk_power_table",
    "JK_METHODS",
    "JK_BANZHAF_VARIANTS",
]

#: The methods of the (j,k) measures (``"exact"``: the dynamic programme over weights).
JK_METHODS = ("auto", "exact", "enumeration")
#: The Banzhaf extensions of :func:`jk_banzhaf`.
JK_BANZHAF_VARIANTS = ("total", "range")
#: Largest dynamic-programming grid (cells: weight totals times voters) the exact method builds.
MAX_GRID_CELLS = 20_000_000
#: Most cell updates the exact method performs (about ten seconds of numpy).
MAX_WORK = 5 * 10**9

_BUILD_HINT = "build one with coalitions.JKSimpleGame or coalitions.WeightedJKGame"


def _setup(
    game: Any, method: str, output_values: Any, function: str
) -> tuple[JKSimpleGame, str, list[int]]:
    """The game checked, the method to run (``"auto"`` resolved, ``"exact"`` only for
    weighted games) and the numeric evaluation of the outputs as integers."""
    game = check_instance(game, JKSimpleGame, function, hint=_BUILD_HINT)
    used = _resolve_method(
        method,
        function,
        JK_METHODS,
        weighted=isinstance(game, WeightedJKGame),
        weighted_name="WeightedJKGame",
        check_enumeration=lambda what: check_profiles_count(game.n_levels, game.n_players, what),
    )
    return game, used, _evaluation(game, output_values, function)


def _evaluation(game: JKSimpleGame, output_values: Any, function: str) -> list[int]:
    """The numeric evaluation of the outputs as integers (scaled exactly), strictly increasing;
    ``t`` for output ``t`` by default (Freixas's uniform evaluation)."""
    k = game.n_outputs
    if output_values is None:
        return list(range(k))
    values = as_list(
        output_values,
        f"{function}: output_values",
        InvalidArgumentError,
        expected=f"a list of {k} increasing numbers, one per output level",
    )
    if len(values) != k or not all(
        isinstance(v, (int, Fraction)) and not isinstance(v, bool) for v in values
    ):
        raise InvalidArgumentError(
            f"{function}: output_values must be {k} exact numbers (int or Fraction), one per "
            f"output level, lowest first; got {values!r}."
        )
    fractions = [Fraction(v) for v in values]
    if any(a >= b for a, b in zip(fractions, fractions[1:])):
        raise InvalidArgumentError(
            f"{function}: output_values {values!r} must increase strictly with the output level."
        )
    scale = math.lcm(*(f.denominator for f in fractions))
    return [int(f * scale) for f in fractions]


# --- shared combinatorics -------------------------------------------------------------------
def _roll_call_weights(n: int, j: int) -> list[int]:
    """``W(m)``, m = 0..n-1: the roll calls (queue, later voters' levels) in which a profile
    of the others with ``m`` voters at the extreme level is what voter ``i`` finds before it,
    summed over the sets of earlier voters that leave it so:
    ``sum_u C(m, u) s! (n-1-s)! j**(n-1-s)`` with ``s = n-1-m+u``."""
    calls = [math.factorial(s) * math.factorial(n - 1 - s) * j ** (n - 1 - s) for s in range(n)]
    return [sum(math.comb(m, u) * calls[n - 1 - m + u] for u in range(m + 1)) for m in range(n)]


def _alpha_array(alpha: list[int], n: int, j: int) -> np.ndarray:
    """The evaluation as an array: int64 while sums over ``j**(n+1)`` terms fit, else
    Python integers."""
    return np.asarray(alpha, dtype=nb.int_dtype(max(map(abs, alpha)) * j ** (n + 1)))


def _count_dtype(levels: int, n: int) -> Any:
    """int64 while every count of profiles fits, else Python integers."""
    return nb.int_dtype(levels**n)


def _dot(counts: np.ndarray, values: np.ndarray, bound: int) -> Any:
    """``sum(counts * values)`` exactly: int64 when ``bound`` (a bound on the sum of the
    absolute products) allows, else Python integers."""
    if bound < nb.INT64_SUMS and counts.dtype != object:
        return int((counts.astype(np.int64) * values.astype(np.int64)).sum())
    return sum(int(c) * int(v) for c, v in zip(counts.ravel().tolist(), values.ravel().tolist()))


# --- enumeration of any (j,k) game ----------------------------------------------------------
def _by_voter(game: JKSimpleGame, alpha: list[int]) -> np.ndarray:
    """The evaluated outputs as an array of shape (j,) * n, axis ``i`` voter ``i``'s level."""
    n, j = game.n_players, game.n_levels
    values = _alpha_array(alpha, n, j)[np.asarray(game.outcome_table(), dtype=np.int64)]
    return values.reshape((j,) * n).transpose(tuple(range(n - 1, -1, -1)))


def _extreme_counts(n: int, j: int, i: int) -> tuple[np.ndarray, np.ndarray]:
    """For the others' profiles (voter ``i``'s axis removed): how many give the highest
    level, how many the lowest."""
    shape = (j,) * (n - 1)
    top = np.zeros(shape, dtype=np.int64)
    bottom = np.zeros(shape, dtype=np.int64)
    for axis in range(n - 1):
        levels = np.arange(j).reshape([j if a == axis else 1 for a in range(n - 1)])
        top = top + (levels == j - 1)
        bottom = bottom + (levels == 0)
    return top, bottom


def _grouped(keys: np.ndarray, values: np.ndarray, weights: list[int]) -> int:
    """``sum_m weights[m] * sum(values[keys == m])`` in exact integers."""
    total = 0
    for m, weight in enumerate(weights):
        chosen = values[keys == m]
        if chosen.size:
            total += weight * int(chosen.sum())
    return total


def _pivots_enumeration(game: JKSimpleGame, alpha: list[int]) -> list[int]:
    """Per voter, ``sum_t (alpha_t - alpha_{t-1}) #{roll calls with t-pivot i}``."""
    n, j = game.n_players, game.n_levels
    values = _by_voter(game, alpha)
    weights = _roll_call_weights(n, j)
    pivots = []
    for i in range(n):
        top_count, bottom_count = _extreme_counts(n, j, i)
        by_level = [np.take(values, a, axis=i) for a in range(j)]
        total = sum(by_level)
        upper = j * by_level[-1] - total  # sum_a v(y, top) - v(y, a): the upper end lowered
        lower = total - j * by_level[0]  # sum_a v(y, a) - v(y, bottom): the lower end raised
        pivots.append(_grouped(top_count, upper, weights) + _grouped(bottom_count, lower, weights))
    return pivots


def _level_sums_enumeration(game: JKSimpleGame, alpha: list[int]) -> list[list[int]]:
    """``B_i(a) = sum_{x_{-i}} alpha(v(x_{-i}, a))`` for every voter and level."""
    values = _by_voter(game, alpha)
    return [
        [int(np.take(values, a, axis=i).sum()) for a in range(game.n_levels)]
        for i in range(game.n_players)
    ]


# --- the weighted dynamic programmes --------------------------------------------------------
def _shifted(game: WeightedJKGame) -> tuple[list[tuple[int, ...]], list[int]]:
    """Each voter's gains above its lowest-level weight, and the quotas above the all-lowest
    total: the output is the number of shifted quotas the total gain reaches."""
    gains = [tuple(w - row[0] for w in row) for row in game.int_weights]
    floor = sum(row[0] for row in game.int_weights)
    return gains, [q - floor for q in game.int_quotas]


def _check_grid(game: WeightedJKGame, cells: int, what: str) -> None:
    """Refuse a table of more than :data:`MAX_GRID_CELLS` cells, or a programme that would
    update more than :data:`MAX_WORK` cells in all (one table per voter, ``j`` updates per
    other voter, once per kind of voter)."""
    kinds = len(set(game.int_weights))
    work = kinds * game.n_players * game.n_levels * cells
    if cells > MAX_GRID_CELLS or work > MAX_WORK:
        raise TooLargeError(
            f"{what} needs a table of {cells} cells (limit {MAX_GRID_CELLS}) updated about "
            f"{work:.3g} times in all (limit {MAX_WORK:.3g}); round the weights to fewer "
            "units, or use method='enumeration' for a small body."
        )


def _add_shifted(out: np.ndarray, counts: np.ndarray, shift: int, extra: bool) -> None:
    """Add ``counts`` (axis 0 a capped total, last row 'at least the cap'; axis 1 how many
    voters are at the extreme level) moved ``shift`` up axis 0 (capped) and, when ``extra``,
    one up axis 1."""
    cap = counts.shape[0] - 1
    moved = np.zeros_like(counts)
    if shift < cap:
        moved[shift:cap] = counts[: cap - shift]
    moved[cap] = counts[max(cap - shift, 0) :].sum(axis=0)
    if extra:
        out[:, 1:] += moved[:, :-1]
    else:
        out += moved


def _profiles_by_total(
    steps: Sequence[Sequence[int]], cap: int, dtype: Any, *, by_extremes: bool = True
) -> np.ndarray:
    """``N[g, m]``: profiles of the voters whose ``steps`` (per voter, the amount each level
    adds; 0 marks the extreme level, counted in ``m``) total ``g`` (capped at ``cap``).
    Without ``by_extremes`` the extreme levels are not counted: ``N[g, 0]`` only."""
    table = np.zeros((cap + 1, len(steps) + 1 if by_extremes else 1), dtype=dtype)
    table[0, 0] = 1
    for voter in steps:
        new = np.zeros_like(table)
        extreme_seen = False
        for step in voter:
            extreme = by_extremes and step == 0 and not extreme_seen  # the extreme level
            extreme_seen = extreme_seen or extreme
            _add_shifted(new, table, step, extreme)
        table = new
    return table


def _levels_of(totals: np.ndarray, quotas: list[int], alpha: np.ndarray) -> np.ndarray:
    """``alpha`` of the output reached by each total gain (totals and quotas within the
    grid, so int64)."""
    reached = np.searchsorted(np.asarray(quotas, dtype=np.int64), totals, side="right")
    return alpha[reached]


def _by_kind(game: WeightedJKGame, compute: Callable[[int], Any]) -> list[Any]:
    """``compute(i)`` once per distinct weight vector (voters of one kind share it)."""
    done: dict[tuple[int, ...], Any] = {}
    for i, row in enumerate(game.int_weights):
        if row not in done:
            done[row] = compute(i)
    return [done[row] for row in game.int_weights]


def _pivots_exact(game: WeightedJKGame, alpha: list[int]) -> list[int]:
    """Roll-call pivots from the counts of the others' profiles by total gain and number at
    the lowest level (lower end of the interval) and by total loss and number at the highest
    level (upper end)."""
    gains, quotas = _shifted(game)
    n, j = game.n_players, game.n_levels
    top_gain = sum(g[-1] for g in gains)
    low_cap = quotas[-1]  # every total from the last quota up gives the highest output
    up_cap = top_gain - quotas[0] + 1  # every loss from here up gives output 0
    _check_grid(game, n * (low_cap + up_cap + 2), "the (j,k) Shapley-Shubik dynamic programme")
    weights = _roll_call_weights(n, j)
    dtype = _count_dtype(j, n)
    spread = alpha[-1] - alpha[0]
    values = _alpha_array(alpha, n, j)

    def pivots(i: int) -> int:
        others = gains[:i] + gains[i + 1 :]
        g_i = gains[i]
        # lower end: gains (0 for the lowest level) from the all-lowest profile
        low = _profiles_by_total(others, low_cap, dtype)
        totals = np.arange(low_cap + 1)
        base = _levels_of(totals, quotas, values)
        raised = sum(_levels_of(np.minimum(totals + g, low_cap), quotas, values) for g in g_i)
        lower_term = raised - j * base
        # upper end: losses (0 for the highest level) from the all-highest profile
        losses = [tuple(g[-1] - x for x in reversed(g)) for g in others]
        up = _profiles_by_total(losses, up_cap, dtype)
        lost = np.arange(up_cap + 1)
        top = _levels_of(top_gain - lost, quotas, values)
        lowered = sum(
            _levels_of(top_gain - np.minimum(lost + (g_i[-1] - g), up_cap), quotas, values)
            for g in g_i
        )
        upper_term = j * top - lowered
        bound = j ** (n - 1) * j * spread + 1
        total = 0
        for m, weight in enumerate(weights):
            total += weight * (
                _dot(low[:, m], lower_term, bound) + _dot(up[:, m], upper_term, bound)
            )
        return total

    return _by_kind(game, pivots)


def _level_sums_exact(game: WeightedJKGame, alpha: list[int]) -> list[list[int]]:
    """``B_i(a)`` from the others' profiles counted by total gain (capped at the last quota)."""
    gains, quotas = _shifted(game)
    n, j = game.n_players, game.n_levels
    cap = quotas[-1]
    _check_grid(game, cap + 1, "the (j,k) Banzhaf dynamic programme")
    dtype = _count_dtype(j, n)
    bound = j ** (n - 1) * max(abs(a) for a in alpha) + 1
    values = _alpha_array(alpha, n, j)

    def sums(i: int) -> list[int]:
        others = gains[:i] + gains[i + 1 :]
        counts = _profiles_by_total(others, cap, dtype, by_extremes=False)[:, 0]
        totals = np.arange(cap + 1)
        return [
            _dot(counts, _levels_of(np.minimum(totals + g, cap), quotas, values), bound)
            for g in gains[i]
        ]

    return _by_kind(game, sums)


# --- the measures ---------------------------------------------------------------------------
def jk_shapley_shubik(
    game: JKSimpleGame, *, method: str = "auto", output_values: Sequence[Any] | None = None
) -> PowerIndexResult:
    r"""Freixas's Shapley-Shubik index of a (j,k) simple game: the weighted share of roll
    calls in which a voter is the pivot of each step between output levels.

    .. math:: \Phi_i = \frac{1}{n!\, j^n\, (\alpha_{k-1} - \alpha_0)}
              \sum_{t=1}^{k-1} (\alpha_t - \alpha_{t-1})\,
              \#\{(\pi, x) : i \text{ is the } t\text{-pivot of the roll call } (\pi, x)\}

    Called by :func:`coalitions.shapley_shubik_index` for a (j,k) game.

    Parameters
    ----------
    game : JKSimpleGame or WeightedJKGame
    method : {"auto", "exact", "enumeration"}
        ``"exact"``: the dynamic programme over weights of a weighted (j,k) game;
        ``"enumeration"``: the ``j**n`` profiles (at most
        :data:`~coalitions.games.jk.MAX_JK_PROFILES`); ``"auto"``: ``"exact"`` for weighted
        games, else ``"enumeration"``.
    output_values : sequence of int or Fraction, optional
        Freixas's numeric evaluation ``alpha`` of the ``k`` outputs, strictly increasing
        (default ``0, 1, ..., k-1``, the uniform evaluation).

    Returns
    -------
    PowerIndexResult
        ``x`` sums to one; ``counts[i]`` is ``sum_t (alpha_t - alpha_{t-1})`` times the
        number of roll calls whose t-pivot is ``i`` (``alpha`` scaled to integers);
        ``denominator`` is ``n! j**n (alpha_{k-1} - alpha_0)``.

    Raises
    ------
    InvalidArgumentError
        For an unknown method, ``"exact"`` on a game given by its rule, or output values
        that are not ``k`` strictly increasing exact numbers.
    TooLargeError
        For ``"enumeration"`` past :data:`~coalitions.games.jk.MAX_JK_PROFILES` profiles, or
        a weight range too large for the dynamic programme.

    Notes
    -----
    For (3,2) games it equals Felsenthal & Machover's ternary index (Freixas 2005 shows the
    definitions coincide), and for (2,2) games the Shapley-Shubik index. Freixas's (3,2) and
    (4,2) examples (2.5 and 2.7) are reproduced exactly. In his (3,3) and (3,4) examples
    (2.8 and 2.9) the counts of the top step are reproduced (12/18 and 6/18; 42, 42 and 78 of
    162), but not those of the lower steps: a brute force over every roll call, written from
    Definition 3.5 alone, agrees with this function and not with the printed counts (in
    Example 2.8 the vice-president can be the pivot of the lower step only when the
    president votes partial investment: 3 of 18 roll calls, where the paper prints 4).

    References
    ----------
    .. [1] Freixas, J. (2005). The Shapley-Shubik power index for games with several levels
       of approval in the input and output. *Decision Support Systems* 39, 185-195.
    .. [2] Kurz, S., Moyouwou, I. and Touyem, H. (2021). Axiomatizations for the
       Shapley-Shubik power index for games with several levels of approval in the input and
       output. *Social Choice and Welfare* (arXiv:2001.10197).
    .. [3] Felsenthal, D. S. and Machover, M. (1997). Ternary voting games. *International
       Journal of Game Theory* 26(3), 335-351.

    Examples
    --------
    Freixas's (2005) Example 2.7, a (4,2) game: voters give strong opposition (0), weak
    opposition (1), marginal support (2) or strong support (3); a bill passes when voter 1
    gives strong support and one of voters 2, 3 at least marginal support, the other not
    strong opposition. Freixas finds 29/48, 19/96, 19/96 and 0:

    >>> import coalitions as co
    >>> from coalitions.power.jk import jk_shapley_shubik
    >>> def passes(x):
    ...     return int(x["1"] == 3 and ((x["2"] >= 2 and x["3"] >= 1) or (x["3"] >= 2 and x["2"] >= 1)))
    >>> game = co.JKSimpleGame(passes, 4, levels=4, outputs=2)
    >>> [str(v) for v in co.shapley_shubik_index(game).x]
    ['29/48', '19/96', '19/96', '0']

    A weighted (3,4) game (Freixas & Zwicker's grading committee), uniformly and with the
    outputs valued 0, 3, 4, 5:

    >>> game = co.WeightedJKGame([[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3],
    ...                          ["th", "pro", "pra"])
    >>> [str(v) for v in co.shapley_shubik_index(game).x]
    ['59/162', '22/81', '59/162']
    >>> [str(v) for v in jk_shapley_shubik(game, output_values=[0, 3, 4, 5]).x]
    ['23/54', '7/27', '17/54']
    """
    game, used, alpha = _setup(game, method, output_values, "shapley_shubik_index")
    if used == "exact":
        pivots = _pivots_exact(game, alpha)  # type: ignore[arg-type]
    else:
        pivots = _pivots_enumeration(game, alpha)
    n, j = game.n_players, game.n_levels
    total = math.factorial(n) * j**n * (alpha[-1] - alpha[0])
    return _exact(game, "jk-shapley-shubik", used, total, pivots, normalized=True)


def jk_banzhaf(
    game: JKSimpleGame,
    *,
    normalized: bool = True,
    method: str = "auto",
    variant: str = "total",
    output_values: Sequence[Any] | None = None,
) -> PowerIndexResult:
    r"""The Banzhaf measure of a (j,k) simple game: how much a voter's change of level
    changes the output, over the ``j**(n-1)`` equally likely profiles of the others.

    .. math:: B_i(a) = \sum_{x_{-i}} \alpha(v(x_{-i}, a)), \qquad
              \eta_i^{\text{total}} = \sum_{a < b} (B_i(b) - B_i(a)), \qquad
              \eta_i^{\text{range}} = B_i(j-1) - B_i(0)

    Absolute: ``eta_i / (j**(n-1) (alpha_{k-1} - alpha_0) c_j)`` with ``c_j =
    floor(j**2 / 4)`` for ``"total"`` and 1 for ``"range"``; normalised: ``eta_i / sum_l
    eta_l``. Called by :func:`coalitions.banzhaf_index` for a (j,k) game.

    Parameters
    ----------
    game : JKSimpleGame or WeightedJKGame
    normalized : bool
        True (default) for shares summing to one, False for the absolute measure.
    method : {"auto", "exact", "enumeration"}
        As in :func:`jk_shapley_shubik`.
    variant : {"total", "range"}
        ``"total"``: every change of level, from any level to any higher one (the
        extension that preserves the desirability relation for every ``j``, after Freixas
        and Pons 2021); ``"range"``: from the lowest level to the highest (the sum of the
        one-level changes; Felsenthal & Machover's measure for ``j = 3``). They agree for
        ``j <= 3``.
    output_values : sequence of int or Fraction, optional
        The numeric evaluation of the outputs (default ``0, 1, ..., k-1``).

    Returns
    -------
    PowerIndexResult
        ``counts`` are the ``eta_i`` (``alpha`` scaled to integers), ``denominator`` what
        they are divided by.

    Raises
    ------
    InvalidArgumentError
        For an unknown method or variant, ``"exact"`` on a game given by its rule, or bad
        output values.
    TooLargeError
        As in :func:`jk_shapley_shubik`.

    Notes
    -----
    This implementation follows the published abstracts of the two papers below
    (the full texts were not available to us): the ``"total"`` formula is our reading of
    "the total capacity the player has to alter the outcome", which does coincide with
    Banzhaf's index for ``j = 2`` and is proportional (here equal) to the ternary
    measure for ``j = 3``, as the abstract states.

    References
    ----------
    .. [1] Freixas, J. (2005). Banzhaf measures for games with several levels of approval in
       the input and output. *Annals of Operations Research* 137, 45-66.
    .. [2] Freixas, J. and Pons, M. (2021). An appropriate way to extend the Banzhaf index
       for multiple levels of approval. *Group Decision and Negotiation* 30.
    .. [3] Felsenthal, D. S. and Machover, M. (1997). Ternary voting games. *International
       Journal of Game Theory* 26(3), 335-351.

    Examples
    --------
    >>> import coalitions as co
    >>> from coalitions.power.jk import jk_banzhaf
    >>> game = co.WeightedJKGame([[0, 1, 3], [0, 1, 2], [0, 1, 1]], [3])
    >>> [str(v) for v in co.banzhaf_index(game).x]
    ['1/2', '5/14', '1/7']
    >>> [str(v) for v in jk_banzhaf(game, normalized=False, variant="range").x]
    ['7/9', '5/9', '2/9']
    """
    game, used, alpha = _setup(game, method, output_values, "banzhaf_index")
    variant = check_choice(variant, JK_BANZHAF_VARIANTS, what="variant", function="banzhaf_index")
    if not isinstance(normalized, (bool, np.bool_)):
        raise InvalidArgumentError(
            f"banzhaf_index: normalized must be True or False, got {normalized!r}."
        )
    _, swings, absolute = _banzhaf_parts(game, used, alpha, variant)
    total = sum(swings) if normalized else absolute
    values = [Fraction(s, total) if total else Fraction(0) for s in swings]
    return _exact(game, "jk-banzhaf", used, total, swings, values, normalized=normalized)


def _banzhaf_parts(
    game: JKSimpleGame, used: str, alpha: list[int], variant: str
) -> tuple[list[list[int]], list[int], int]:
    """The level sums ``B_i(a)``, the swings ``eta_i`` of ``variant`` and the divisor of the
    absolute measure, ``j**(n-1) (alpha_{k-1} - alpha_0) c_j``."""
    if used == "exact":
        sums = _level_sums_exact(game, alpha)  # type: ignore[arg-type]
    else:
        sums = _level_sums_enumeration(game, alpha)
    n, j = game.n_players, game.n_levels
    if variant == "total":
        swings = [sum((2 * a - j + 1) * b for a, b in enumerate(row)) for row in sums]
        scale = j * j // 4
    else:
        swings = [row[-1] - row[0] for row in sums]
        scale = 1
    return sums, swings, j ** (n - 1) * (alpha[-1] - alpha[0]) * scale


@front_door(JK_METHODS)
def jk_power_table(
    game: JKSimpleGame, *, method: str = "auto", output_values: Sequence[Any] | None = None
) -> PowerTableResult:
    r"""The measures of a (j,k) game at once: Freixas's Shapley-Shubik index, the Banzhaf
    measure (normalised and absolute, ``variant="total"``) and the expected output.

    .. math:: A = \frac{1}{j^n} \sum_x \frac{\alpha(v(x)) - \alpha_0}
              {\alpha_{k-1} - \alpha_0}

    Parameters
    ----------
    game : JKSimpleGame or WeightedJKGame
    method : {"auto", "exact", "enumeration"}
        As in :func:`jk_shapley_shubik`.
    output_values : sequence of int or Fraction, optional
        The numeric evaluation of the outputs (default ``0, 1, ..., k-1``).

    Returns
    -------
    PowerTableResult
        Columns ``"shapley-shubik"`` (:func:`jk_shapley_shubik`), ``"banzhaf"`` and
        ``"banzhaf-absolute"`` (:func:`jk_banzhaf`, normalised and absolute);
        ``power_to_act`` is ``A`` above, the expected output over the ``j**n`` equally
        likely profiles as a share of its range: for ``k = 2`` the share of profiles that
        pass (Coleman's power to act; for ``j = 3`` the ternary one). The level sums behind
        the Banzhaf columns give it: ``sum_a B_i(a)`` is the sum over every profile.

    Raises
    ------
    InvalidArgumentError
        For an unknown method, ``"exact"`` on a game given by its rule, or bad output values.
    TooLargeError
        As in :func:`jk_shapley_shubik`.

    References
    ----------
    .. [1] Freixas, J. (2005). The Shapley-Shubik power index for games with several levels
       of approval in the input and output. *Decision Support Systems* 39, 185-195.
    .. [2] Freixas, J. (2005). Banzhaf measures for games with several levels of approval in
       the input and output. *Annals of Operations Research* 137, 45-66.

    Examples
    --------
    Freixas & Zwicker's grading committee (outputs fail, pass, notable, excellent):

    >>> import coalitions as co
    >>> from coalitions.power.jk import jk_power_table
    >>> game = co.WeightedJKGame([[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3],
    ...                          ["th", "pro", "pra"])
    >>> table = jk_power_table(game)
    >>> [str(v) for v in table.indices["shapley-shubik"]], table.power_to_act
    (['59/162', '22/81', '59/162'], Fraction(17, 81))
    """
    game, used, alpha = _setup(game, method, output_values, "jk_power_table")
    if used == "exact":
        pivots = _pivots_exact(game, alpha)  # type: ignore[arg-type]
    else:
        pivots = _pivots_enumeration(game, alpha)
    sums, swings, absolute = _banzhaf_parts(game, used, alpha, "total")
    n, j = game.n_players, game.n_levels
    spread = alpha[-1] - alpha[0]
    orders = math.factorial(n) * j**n * spread
    every = sum(swings)
    columns = {
        "shapley-shubik": [Fraction(p, orders) for p in pivots],
        "banzhaf": [Fraction(s, every) if every else Fraction(0) for s in swings],
        "banzhaf-absolute": [Fraction(s, absolute) for s in swings],
    }
    expected = Fraction(sum(sums[0]) - j**n * alpha[0], j**n * spread)
    return _exact_table(game, "jk-power-table", used, columns, expected)
