r"""Voting power in ternary (yes/abstain/no) voting games.

Every profile of votes ``x in {no, abstain, yes}^n`` is equally likely a priori (each voter
chooses each vote with probability 1/3, independently). For a voter ``i`` and a profile
``x_{-i}`` of the others write ``v(x_{-i}, yes)``, ``v(x_{-i}, abstain)``, ``v(x_{-i}, no)``
for the outcomes (1 pass, 0 fail) of its three votes.

=======================  ====================================================================
Banzhaf (absolute)       ``eta_i / 3**(n-1)``, ``eta_i = #{x_{-i} : v(x_{-i}, yes) = 1,
                         v(x_{-i}, no) = 0}``: the probability that ``i``'s vote can change
                         the outcome (that ``i`` is *decisive*); normalised ``eta_i / sum_j
                         eta_j``
Shapley-Shubik           the probability of being the pivot of a random roll call (a random
                         order of the voters and a random profile): the first voter after
                         whose vote the outcome no longer depends on the votes still to come
power to act             ``#{x : v(x) = 1} / 3**n``
power to block           among passing profiles, the share that ``i`` defeats by voting no
                         instead of its vote (Coleman's power to prevent action)
power to initiate        among failing profiles, the share that ``i`` carries by voting yes
=======================  ====================================================================

A voter is decisive in a profile when it can change the outcome by changing its vote; over the
``3**n`` profiles this happens ``3 eta_i`` times, so the absolute Banzhaf measure is the chance
of being decisive, as in the binary case (where it is ``eta_i / 2**(n-1)``).
Block and initiate counts add up to ``3 eta_i``.

The Shapley-Shubik index sums to one (every roll call has exactly one pivot). When abstaining
is the same as voting no (a binary game embedded), it equals the binary Shapley-Shubik index:
the pivot probability of a roll call does not depend on the probability of a yes
(Felsenthal & Machover 1996; Kurz 2016). The Banzhaf measure does not reduce so: a binary game
embedded is decisiveness with yes-probability 1/3, not 1/2.

Methods: ``"exact"`` for a :class:`~coalitions.WeightedTernaryGame` is a dynamic programme over
weights (three choices per voter: the generating function ``prod_i (x^{o_i} + x^{a_i} +
x^{y_i})`` with the others' total capped at the quota for Banzhaf and the power to act, and for
Shapley-Shubik the states (voters called, weight so far, weight lost so far) of the undecided
roll calls); ``"enumeration"`` visits the ``3**n`` profiles (``4**n`` partial roll calls for
Shapley-Shubik) of any ternary game up to :data:`~coalitions.games.ternary.MAX_TERNARY_PLAYERS`
voters. ``"auto"`` is ``"exact"`` for weighted games, else ``"enumeration"``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import check_choice, check_instance, front_door
from .._docstrings import fill_doc
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.ternary import TernaryVotingGame, WeightedTernaryGame, check_enumeration
from ..results import PowerIndexResult, PowerTableResult, PowerToActResult
from .indices import _exact

__all__ = [
    "ternary_power_to_act",
    "ternary_power_to_block",
    "ternary_power_to_initiate",
    "ternary_power_table",
    "TERNARY_METHODS",
    "ternary_shapley_shubik",
    "ternary_banzhaf",
]

#: The methods of the ternary measures.
TERNARY_METHODS = ("auto", "exact", "enumeration")
#: Largest dynamic-programming grid (cells) the exact ternary methods build.
MAX_GRID_CELLS = 20_000_000


#: How to build the game a ternary measure needs.
_BUILD_HINT = "build one with coalitions.TernaryVotingGame or coalitions.ternary_weighted_game"


def _method(game: TernaryVotingGame, method: str, function: str) -> str:
    """The method to run: ``"auto"`` resolved; methods of the binary indices refused."""
    if method not in TERNARY_METHODS:
        raise InvalidArgumentError(
            f"{function}: method={method!r} is for yes/no games; a ternary game takes "
            f"{', '.join(repr(m) for m in TERNARY_METHODS)}."
        )
    return _resolve_method(
        method,
        function,
        TERNARY_METHODS,
        weighted=isinstance(game, WeightedTernaryGame),
        weighted_name="WeightedTernaryGame",
        check_enumeration=lambda what: check_enumeration(game.n_players, what),
    )


def _resolve_method(
    method: str,
    function: str,
    methods: Sequence[str],
    *,
    weighted: bool,
    weighted_name: str,
    check_enumeration: Any,
) -> str:
    """``method`` checked against ``methods`` for a game given by its table or, when
    ``weighted``, by weights (a ``weighted_name``): ``"auto"`` is ``"exact"`` for weighted
    games, else ``"enumeration"``; ``"exact"`` needs weights; ``"enumeration"`` asks
    ``check_enumeration(what)`` whether the profiles can be listed."""
    method = check_choice(method, methods, function=function)
    if method == "auto":
        return "exact" if weighted else "enumeration"
    if method == "exact" and not weighted:
        raise InvalidArgumentError(
            f"{function}: method='exact' is the dynamic programme over weights of a "
            f"{weighted_name}; this game is given by its rule: use method='enumeration'."
        )
    if method == "enumeration":
        check_enumeration(f"{function}(method='enumeration')")
    return method


# --- the weighted dynamic programmes ----------------------------------------------------------
def _shifted(game: WeightedTernaryGame) -> tuple[list[tuple[int, int]], int]:
    """Each voter's (abstain, yes) weight above its no-weight, and the quota above the all-no
    total: ``x`` passes iff the shifted total reaches the shifted quota."""
    levels = [(a - o, y - o) for y, a, o in game.int_levels]
    return levels, game.int_quota - sum(o for _, _, o in game.int_levels)


def _check_grid(cells: int, what: str) -> None:
    if cells > MAX_GRID_CELLS:
        raise TooLargeError(
            f"{what} needs a table of {cells} cells (limit {MAX_GRID_CELLS}); round the "
            "weights to fewer units, or use method='enumeration' for a small body."
        )


def _capped_shift(c: np.ndarray, w: int) -> np.ndarray:
    """The distribution ``c`` (index = total, last index = 'at least the cap') shifted by
    ``w``, with everything at or above the cap kept in the last cell."""
    cap = len(c) - 1
    out = np.zeros_like(c)
    if w == 0:
        return c.copy()
    if w < cap:
        out[w:cap] = c[: cap - w]
    out[cap] = c[max(cap - w, 0) :].sum()
    return out


#: Most voters for which the counts fit in int64: at most ``3 * 4**(n-1)`` (set, votes) pairs.
INT64_VOTERS = 30


def _count_dtype(n: int) -> Any:
    """int64 while every count fits (faster), else Python integers (object arrays)."""
    return np.int64 if n <= INT64_VOTERS else object


def _totals(levels: Sequence[tuple[int, int]], cap: int) -> np.ndarray:
    """Number of profiles by shifted total (capped at ``cap``): the coefficients of
    ``prod_i (1 + x^{a_i} + x^{y_i})``, exact integers."""
    c = np.zeros(cap + 1, dtype=_count_dtype(len(levels) + 1))
    c[0] = 1
    for a, y in levels:
        c = c + _capped_shift(c, a) + _capped_shift(c, y)
    return c


def _between(counts: np.ndarray, low: int, high: int) -> int:
    """The profiles of the others whose total lies in ``[low, high)``."""
    return int(counts[max(low, 0) : max(high, 0)].sum()) if high > low else 0


def _decisive_exact(game: WeightedTernaryGame):
    """(passing, yes-vs-no, yes-vs-abstain, abstain-vs-no counts per voter) by the DP."""
    levels, quota = _shifted(game)
    n = game.n_players
    _check_grid(quota * n, "the ternary generating function")
    passing = int(_totals(levels, quota)[quota])
    by_type: dict[tuple[int, int], tuple[int, int, int]] = {}
    for i, (a, y) in enumerate(levels):
        if (a, y) in by_type:
            continue
        others = _totals(levels[:i] + levels[i + 1 :], quota)
        by_type[a, y] = (
            _between(others, quota - y, quota),
            _between(others, quota - y, quota - a),
            _between(others, quota - a, quota),
        )
    rows = [by_type[level] for level in levels]
    return passing, *([row[k] for row in rows] for k in range(3))


def _undecided_roll_calls(levels: Sequence[tuple[int, int]], quota: int, slack: int) -> np.ndarray:
    """``U[s, W, D]``: partial roll calls of ``s`` voters (a set and their votes) still
    undecided, with shifted weight ``W < quota`` cast and weight ``D <= slack`` lost
    against everybody voting yes."""
    m = len(levels)
    table = np.zeros((m + 1, quota, slack + 1), dtype=_count_dtype(m + 1))
    table[0, 0, 0] = 1
    for a, y in levels:
        new = table.copy()  # the voter not among those called
        for w, lost in ((0, y), (a, y - a), (y, 0)):
            if w >= quota or lost > slack:
                continue
            new[1:, w:, lost:] += table[:-1, : quota - w, : slack + 1 - lost]
        table = new
    return table


def _pivots_exact(game: WeightedTernaryGame) -> list[int]:
    """Per voter, its pivotal roll calls out of ``n! 3**n``: ``sum_s N_i(s) s! (n-1-s)!
    3**(n-1-s)`` where ``N_i(s)`` counts the (set of ``s`` earlier voters, their votes, its
    vote) triples in which its vote decides an undecided roll call."""
    levels, quota = _shifted(game)
    n = game.n_players
    slack = sum(y for _, y in levels) - quota
    _check_grid(n * quota * (slack + 1), "the ternary Shapley-Shubik roll-call table")
    weight_grid = np.arange(quota)[:, None]
    lost_grid = np.arange(slack + 1)[None, :]
    weights = [math.factorial(s) * math.factorial(n - 1 - s) * 3 ** (n - 1 - s) for s in range(n)]
    by_type: dict[tuple[int, int], int] = {}
    for i, (a, y) in enumerate(levels):
        if (a, y) in by_type:
            continue
        undecided = _undecided_roll_calls(levels[:i] + levels[i + 1 :], quota, slack)
        decides = np.zeros((quota, slack + 1), dtype=np.int64)
        for w, lost in ((0, y), (a, y - a), (y, 0)):
            decides += (weight_grid + w >= quota) | (lost_grid + lost > slack)
        per_size = (undecided * decides.astype(undecided.dtype)[None, :, :]).sum(axis=(1, 2))
        by_type[a, y] = sum(int(c) * wt for c, wt in zip(per_size, weights))
    return [by_type[level] for level in levels]


# --- enumeration of any ternary game ------------------------------------------------------------
def _by_voter(table: np.ndarray, n: int) -> np.ndarray:
    """The outcome table as an array of shape (3,) * n, axis ``i`` the vote of voter ``i``."""
    return table.reshape((3,) * n).transpose(tuple(range(n - 1, -1, -1))) if n else table


def _decisive_enumeration(game: TernaryVotingGame):
    n = game.n_players
    table = _by_voter(np.asarray(game.outcome_table(), dtype=bool), n)
    rows = []
    for i in range(n):
        no, abstain, yes = (np.take(table, k, axis=i) for k in range(3))
        rows.append(
            (
                int(np.count_nonzero(yes & ~no)),
                int(np.count_nonzero(yes & ~abstain)),
                int(np.count_nonzero(abstain & ~no)),
            )
        )
    return int(table.sum()), *([row[k] for row in rows] for k in range(3))


def _pivots_enumeration(game: TernaryVotingGame) -> list[int]:
    """Pivot counts from the ``4**n`` partial roll calls (each voter not yet called, or
    called with one of its three votes)."""
    n = game.n_players
    table = _by_voter(np.asarray(game.outcome_table(), dtype=bool), n)
    # state 0: not yet called; 1, 2, 3: called with no, abstain, yes
    low, high = table, table
    size = np.zeros((1,) * n, dtype=np.int8)
    for axis in range(n):
        low = np.take(low, [0, 0, 1, 2], axis=axis)  # the uncalled vote no
        high = np.take(high, [2, 0, 1, 2], axis=axis)  # the uncalled vote yes
        shape = [1] * n
        shape[axis] = 4
        size = size + (np.arange(4) > 0).astype(np.int8).reshape(shape)
    undecided = ~low & high
    size = np.broadcast_to(size, undecided.shape)
    weights = [math.factorial(s) * math.factorial(n - 1 - s) * 3 ** (n - 1 - s) for s in range(n)]
    pivots = []
    for i in range(n):
        before = np.take(undecided, 0, axis=i)
        decides = sum((~np.take(undecided, k, axis=i)).astype(np.int64) for k in (1, 2, 3))
        counts = np.bincount(
            np.take(size, 0, axis=i).ravel(), weights=(before * decides).ravel(), minlength=n
        )
        pivots.append(sum(int(round(c)) * wt for c, wt in zip(counts, weights)))
    return pivots


def _decisive(game: TernaryVotingGame, method: str):
    return _decisive_exact(game) if method == "exact" else _decisive_enumeration(game)  # type: ignore[arg-type]


# --- the measures -------------------------------------------------------------------------------
def ternary_shapley_shubik(game: TernaryVotingGame, method: str = "auto") -> PowerIndexResult:
    """The Shapley-Shubik index of a ternary game (Felsenthal & Machover 1997): the
    probability of being the pivot of a random roll call. Called by
    :func:`coalitions.shapley_shubik_index` for a ternary game; ``counts`` are the pivotal roll
    calls and ``denominator`` is ``n! 3**n``."""
    game = check_instance(game, TernaryVotingGame, "shapley_shubik_index", hint=_BUILD_HINT)
    used = _method(game, method, "shapley_shubik_index")
    pivots = _pivots_exact(game) if used == "exact" else _pivots_enumeration(game)  # type: ignore[arg-type]
    total = math.factorial(game.n_players) * 3**game.n_players
    values = [Fraction(p, total) for p in pivots]
    return _exact(game, "ternary-shapley-shubik", used, total, pivots, values, normalized=True)


def ternary_banzhaf(
    game: TernaryVotingGame, normalized: bool = True, method: str = "auto"
) -> PowerIndexResult:
    """The Banzhaf measure of a ternary game: ``eta_i / 3**(n-1)``, the probability of being
    decisive (absolute), or ``eta_i / sum_j eta_j`` (normalised). Called by
    :func:`coalitions.banzhaf_index` for a ternary game; ``counts`` are the ``eta_i``."""
    game = check_instance(game, TernaryVotingGame, "banzhaf_index", hint=_BUILD_HINT)
    used = _method(game, method, "banzhaf_index")
    _, swings, _, _ = _decisive(game, used)
    total = sum(swings) if normalized else 3 ** (game.n_players - 1)
    values = [Fraction(s, total) if total else Fraction(0) for s in swings]
    return _exact(game, "ternary-banzhaf", used, total, swings, values, normalized=normalized)


#: The reference of every ternary measure (numbered where it is used).
_FELSENTHAL_MACHOVER = """Felsenthal, D. S. and Machover, M. (1997). Ternary voting games.
       *International Journal of Game Theory* 26(3), 335-351."""

#: The docstring sections the ternary front doors share.
_SECTIONS = {
    "parameters": """
        Parameters
        ----------
        game : TernaryVotingGame or WeightedTernaryGame
        method : {"auto", "exact", "enumeration"}
            ``"exact"``: the generating function over weights of a weighted ternary game;
            ``"enumeration"``: the ``3**n`` profiles (at most 11 voters); ``"auto"`` picks
            ``"exact"`` for weighted games, else ``"enumeration"``.""",
    "ternary": "\n    .. [1] " + _FELSENTHAL_MACHOVER,
    "references": """
    References
    ----------
    .. [1] Coleman, J. S. (1971). Control of collectivities and the power of a
       collectivity to act. In B. Lieberman (ed.), *Social Choice*, Gordon and Breach,
       269-300.
    .. [2] """
    + _FELSENTHAL_MACHOVER,
}


@front_door(TERNARY_METHODS)
@fill_doc(parameters=_SECTIONS["parameters"], ternary=_SECTIONS["ternary"])
def ternary_power_to_act(game: TernaryVotingGame, *, method: str = "auto") -> PowerToActResult:
    r"""The power of a body with abstention to act: the share of the ``3^n`` equally likely
    profiles of votes in which the proposal passes.

    .. math:: A = \#\{x \in \{\text{no}, \text{abstain}, \text{yes}\}^n : v(x) = 1\} / 3^n

    {{parameters}}

    Returns
    -------
    PowerToActResult
        ``winning`` is the number of passing profiles, ``coalitions`` is ``3**n``.

    References
    ----------
    {{ternary}}

    Examples
    --------
    With abstention the Security Council passes more of the random profiles:

    >>> import coalitions as co
    >>> act = co.ternary_power_to_act(co.datasets.un_security_council(abstention=True))
    >>> act.winning, act.coalitions
    (146796, 14348907)
    """
    game = check_instance(game, TernaryVotingGame, "ternary_power_to_act", hint=_BUILD_HINT)
    used = _method(game, method, "ternary_power_to_act")
    passing = _decisive(game, used)[0]
    total = 3**game.n_players
    return PowerToActResult(
        value=Fraction(passing, total),
        winning=passing,
        coalitions=total,
        exact=True,
        concept="ternary-power-to-act",
        method=used,
    )


@front_door(TERNARY_METHODS)
@fill_doc(parameters=_SECTIONS["parameters"], references=_SECTIONS["references"])
def ternary_power_to_block(game: TernaryVotingGame, *, method: str = "auto") -> PowerIndexResult:
    r"""Each voter's power to block: the share of passing profiles that it defeats by
    voting no instead of the vote it cast (Coleman's power to prevent action, with
    abstention).

    .. math:: P_i = \#\{x : v(x) = 1,\ v(x_{-i}, \text{no}) = 0\} / \#\{x : v(x) = 1\}

    {{parameters}}

    Returns
    -------
    PowerIndexResult
        ``counts[i]`` is the number of passing profiles in which voter i voted yes or
        abstained and a no of its own would have defeated the proposal; ``denominator``
        is the number of passing profiles.

    {{references}}

    Examples
    --------
    A permanent member still blocks every resolution that passes (a no defeats it), an
    elected member only some:

    >>> import coalitions as co
    >>> block = co.ternary_power_to_block(co.datasets.un_security_council(abstention=True))
    >>> block.x[0], block.x[5]
    (Fraction(1, 1), Fraction(8859, 24466))
    """
    return _coleman(game, method, "ternary_power_to_block", initiate=False)


@front_door(TERNARY_METHODS)
@fill_doc(parameters=_SECTIONS["parameters"], references=_SECTIONS["references"])
def ternary_power_to_initiate(game: TernaryVotingGame, *, method: str = "auto") -> PowerIndexResult:
    r"""Each voter's power to initiate: the share of failing profiles that it carries by
    voting yes instead of the vote it cast.

    .. math:: I_i = \#\{x : v(x) = 0,\ v(x_{-i}, \text{yes}) = 1\} / \#\{x : v(x) = 0\}

    {{parameters}}

    Returns
    -------
    PowerIndexResult
        Per voter, ``counts`` holds the failing profiles that its yes would carry (it voted
        no or abstained); ``denominator``, the failing profiles in all.

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.ternary_weighted_game(2, [1, 1, 1])
    >>> co.ternary_power_to_initiate(game).counts
    (8, 8, 8)
    """
    return _coleman(game, method, "ternary_power_to_initiate", initiate=True)


def _coleman_counts(decisive: tuple, n: int, *, initiate: bool) -> tuple[list[int], int]:
    """Coleman's counts of the ternary game from the :func:`_decisive` counts: per voter, the
    passing profiles it defeats by voting no (``initiate=False``: yes or abstain against no),
    or the failing profiles it carries by voting yes (``initiate=True``: yes against no or
    abstain); and the passing (failing) profiles they are a share of."""
    passing, yes_no, yes_abstain, abstain_no = decisive
    other = yes_abstain if initiate else abstain_no
    counts = [a + b for a, b in zip(yes_no, other)]
    return counts, (3**n - passing if initiate else passing)


def _coleman(game: Any, method: str, function: str, *, initiate: bool) -> PowerIndexResult:
    """The power to block (``initiate=False``) or to initiate, as ``function`` names it."""
    game = check_instance(game, TernaryVotingGame, function, hint=_BUILD_HINT)
    used = _method(game, method, function)
    counts, total = _coleman_counts(_decisive(game, used), game.n_players, initiate=initiate)
    concept = "ternary-power-to-initiate" if initiate else "ternary-power-to-block"
    return _exact(game, concept, used, total, counts)  # counts / total


@front_door(TERNARY_METHODS)
@fill_doc(parameters=_SECTIONS["parameters"], ternary=_SECTIONS["ternary"])
def ternary_power_table(game: TernaryVotingGame, *, method: str = "auto") -> PowerTableResult:
    """Every measure of a ternary game at once: Shapley-Shubik, Banzhaf (normalised and
    absolute), the power to block and to initiate, and the power to act.

    {{parameters}}

    Returns
    -------
    PowerTableResult
        Columns ``"shapley-shubik"``, ``"banzhaf"``, ``"banzhaf-absolute"``, ``"block"``,
        ``"initiate"``; ``power_to_act`` the share of passing profiles.

    References
    ----------
    {{ternary}}
    .. [2] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*,
       ch. 8. Edward Elgar.

    Examples
    --------
    >>> import coalitions as co
    >>> table = co.ternary_power_table(co.ternary_weighted_game(2, [1, 1, 1]))
    >>> [str(v) for v in table.indices["banzhaf-absolute"]], table.power_to_act
    (['4/9', '4/9', '4/9'], Fraction(7, 27))
    """
    game = check_instance(game, TernaryVotingGame, "ternary_power_table", hint=_BUILD_HINT)
    used = _method(game, method, "ternary_power_table")
    decisive = _decisive(game, used)
    yes_no = decisive[1]
    n = game.n_players
    block, passing = _coleman_counts(decisive, n, initiate=False)
    initiate, failing = _coleman_counts(decisive, n, initiate=True)
    pivots = _pivots_exact(game) if used == "exact" else _pivots_enumeration(game)  # type: ignore[arg-type]
    orders = math.factorial(n) * 3**n
    swings = sum(yes_no)
    columns = {
        "shapley-shubik": [Fraction(p, orders) for p in pivots],
        "banzhaf": [Fraction(e, swings) for e in yes_no],
        "banzhaf-absolute": [Fraction(e, 3 ** (n - 1)) for e in yes_no],
        "block": [Fraction(c, passing) for c in block],
        "initiate": [Fraction(c, failing) for c in initiate],
    }
    return _exact_table(game, "ternary-power-table", used, columns, Fraction(passing, 3**n))


def _exact_table(
    game: Any, concept: str, method: str, columns: dict[str, list], power_to_act: Fraction
) -> PowerTableResult:
    """A power table of exact columns (lists of Fractions in ``game.players`` order, kept
    read-only): the ternary and the (j,k) tables."""
    return PowerTableResult(
        players=game.players,
        indices={name: nb.read_only(values, nb.EXACT) for name, values in columns.items()},
        exact=True,
        power_to_act=power_to_act,
        concept=concept,
        method=method,
    )
