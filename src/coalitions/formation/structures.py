"""Coalition structures: set partitions, the optimal structure, the Aumann-Dreze value and the
core of a game with a coalition structure."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable
from fractions import Fraction
from numbers import Real
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import bit_matrix, mask_members, subset_sums
from .._checks import check_callback, check_integer, check_tolerance, front_door, name_list
from .._docstrings import fill_doc
from .._lp import solve_lp
from .._partitions import bell, partition_masks, partition_names
from .._players import names_of
from ..exceptions import InvalidArgumentError, InvalidProblemError, SolverError, TooLargeError
from ..games.transforms import as_tu_game, subgame
from ..games.tu import TUGame
from ..results import LIMIT, CoalitionStructureResult, StructureCoreResult, ValueResult
from ..solutions.shapley import shapley_value
from ._csg import SubsetTable, anytime_search, idp_part_sizes

__all__ = [
    "bell_number",
    "set_partitions",
    "optimal_coalition_structure",
    "coalition_structure_value",
    "aumann_dreze_value",
    "structure_core",
    "is_in_structure_core",
    "is_stable_structure",
]

#: Largest n for :func:`bell_number` (the triangle needs n**2 / 2 big-integer additions).
MAX_BELL = 2000
#: Default largest number of partitions :func:`set_partitions` will list (Bell(11) = 678570).
MAX_PARTITIONS = 1_000_000
#: Largest n for the dynamic programme on exact (Fraction) games: 3**n / 2 object operations.
MAX_EXACT_DP_PLAYERS = 14
#: Largest n for the float dynamic programme ((3**n - 1)/2 pairs: n = 18 took 1.7 s here,
#: n = 20 about 35 s, so n = 22 needs several minutes) and for IDP.
MAX_DP_PLAYERS = 22
#: Largest n for the anytime search (a few float and int64 tables of 2**n entries).
MAX_IP_PLAYERS = 24
#: ``method="auto"`` searches (``"ip"``) float games of at least this many players (below, IDP
#: takes under 0.01 s; benchmarks/coalition_structure.py).
AUTO_IP_PLAYERS = 14
#: Largest n for the core of a structure (one LP row per coalition).
MAX_CORE_PLAYERS = 20
STRUCTURE_METHODS = ("auto", "dp", "idp", "ip", "enumeration")


_AUMANN_DREZE = """
.. [1] Aumann, R. J. and Dreze, J. H. (1974). Cooperative games with coalition structures.
   *International Journal of Game Theory* 3(4), 217-237.
"""


def bell_number(n: int) -> int:
    """The Bell number ``B_n``: how many partitions a set of ``n`` players has.

    Computed exactly with the Bell triangle (each row starts with the last entry of the row
    before, and each entry adds its left neighbour to the entry above that neighbour).

    Examples
    --------
    >>> from coalitions.formation import bell_number
    >>> [bell_number(n) for n in range(8)]
    [1, 1, 2, 5, 15, 52, 203, 877]
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 0:
        raise InvalidProblemError(f"bell_number needs a non-negative integer, got {n!r}.")
    if n > MAX_BELL:
        raise TooLargeError(
            f"bell_number({n}) has about {int(n * math.log10(max(n, 2)))} digits; the Bell "
            f"triangle is computed up to n = {MAX_BELL}."
        )
    return bell(int(n))


def _player_names(players: Any) -> tuple[str, ...]:
    if isinstance(players, TUGame):
        return players.players
    if isinstance(players, (int, np.integer)) and not isinstance(players, bool):
        if players < 0:
            raise InvalidProblemError(f"the number of players must be >= 0, got {players}.")
        if players > MAX_BELL:
            raise TooLargeError(
                f"{players} players have more than 10**{MAX_BELL} partitions; "
                "use optimal_coalition_structure(game) instead of listing "
                "them."
            )
        return tuple(str(i + 1) for i in range(int(players)))
    if isinstance(players, str):
        raise InvalidProblemError(
            f"give the players as a list of names (or their number), got the string {players!r}."
        )
    if players is None or isinstance(players, (float, np.floating)):
        raise InvalidProblemError(
            f"give the players as a list of names (or their number), got {players!r}."
        )
    names = tuple(name_list(players, "players", InvalidProblemError))
    if len(set(names)) != len(names):
        raise InvalidProblemError("player names must be distinct.")
    return names


def set_partitions(players: Any, *, max_partitions: int = MAX_PARTITIONS) -> list[tuple]:
    """Every partition of a set of players into non-empty coalitions.

    Parameters
    ----------
    players : int, sequence of str or TUGame
        The players (an int ``n`` means ``"1"``, ..., ``"n"``).
    max_partitions : int
        Refuse (TooLargeError) when the Bell number of the player count is larger.

    Returns
    -------
    list of tuple of tuple of str
        ``bell_number(n)`` partitions; each block lists its players in the given order, blocks
        are ordered by their first player.

    Raises
    ------
    TooLargeError
        If there are more than ``max_partitions`` partitions (the count grows faster than
        exponentially: 4213597 for 12 players, 190899322 for 14).

    Notes
    -----
    Restricted growth strings: player ``i`` joins one of the blocks opened by players before
    it, or opens a new one. Each partition is produced once.

    Examples
    --------
    >>> from coalitions.formation import set_partitions
    >>> set_partitions(["a", "b", "c"])
    [(('a', 'b', 'c'),), (('a', 'b'), ('c',)), (('a', 'c'), ('b',)), (('a',), ('b', 'c')), (('a',), ('b',), ('c',))]
    """
    names = _player_names(players)
    max_partitions = check_integer(max_partitions, "max_partitions", "set_partitions", low=1)
    n = len(names)
    count = bell_number(n)
    if count > max_partitions:
        raise TooLargeError(
            f"{n} players have {count} partitions (the Bell number B_{n}), more than "
            f"max_partitions={max_partitions}. Use optimal_coalition_structure(game) (a "
            "dynamic programme over subsets) instead of listing every partition, or raise "
            "max_partitions."
        )
    if n == 0:
        return [()]
    out: list[tuple] = []
    blocks: list[list[str]] = []

    def extend(i: int) -> None:
        if i == n:
            out.append(tuple(tuple(b) for b in blocks))
            return
        for block in blocks:
            block.append(names[i])
            extend(i + 1)
            block.pop()
        blocks.append([names[i]])
        extend(i + 1)
        blocks.pop()

    extend(0)
    return out


def coalition_structure_value(game: TUGame, structure: Iterable[Any]) -> Any:
    """Total worth ``sum over C in structure of v(C)`` of a coalition structure.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.majority_game(["a", "b", "c"])
    >>> co.coalition_structure_value(game, [["a", "b"], ["c"]])
    Fraction(1, 1)
    """
    game = as_tu_game(game, "coalition_structure_value")
    masks = partition_masks(structure, game.players)
    total = nb.constant(0, game.kind)
    for mask in masks:
        total = total + game.values[mask]
    return total


@front_door(STRUCTURE_METHODS)
def optimal_coalition_structure(
    game: TUGame,
    *,
    method: str = "auto",
    callback: Callable[[int, int], Any] | None = None,
    time_limit: float | None = None,
) -> CoalitionStructureResult:
    r"""The coalition structure (partition of the players) of largest total worth.

    .. math:: \max_{\pi \text{ partition of } N} \sum_{C \in \pi} v(C)

    The answer is the worth the players can create if they may split into separate
    coalitions, each keeping its own worth; for a superadditive game the grand coalition is
    optimal.

    Parameters
    ----------
    game : TUGame
        Float or exact game (symbolic games cannot be compared).
    method : {"auto", "dp", "idp", "ip", "enumeration"}
        ``"auto"`` (default): ``"ip"`` for float games of 14 or more players, ``"idp"`` for
        smaller float games, ``"dp"`` for exact ones.
        ``"dp"``: dynamic programming over subsets, O(3**n). ``"idp"``: the same programme
        restricted to the splits IDP needs (about 0.38 of DP's pairs at n = 22). ``"ip"``
        (float games): anytime branch and bound over the integer-partition subspaces, with
        IDP's exact tables for small coalitions; the fastest on the usual random games.
        ``"enumeration"``: try every partition (Bell-number many, for checks on small games).
    callback : callable, optional
        Progress: ``callback(k, n)`` after the coalitions of size ``k`` are solved (``"dp"``
        and ``"idp"``), ``callback(done, total)`` after each subspace of a search round
        (``"ip"``).
    time_limit : float, optional
        Seconds ``"ip"`` may spend (by default it runs until the structure is proven
        optimal). When it runs out, the best structure found is returned with
        ``success=False``, ``status=2`` and the proven ``upper_bound``. It is checked between
        search steps and DP layers; the first exact layers and the sorted tables are built
        before the first check (about 3 s at 22 players on a loaded 2-core machine).

    Returns
    -------
    CoalitionStructureResult
        ``structure``, ``value``, ``coalition_values`` and ``upper_bound`` (equal to ``value``
        when the structure is proven optimal; ``gap = upper_bound - value``).

    Raises
    ------
    InvalidGameError
        For a symbolic game.
    InvalidArgumentError
        For ``method="ip"`` on an exact game, or a ``time_limit`` that is not a number
        ``>= 0`` or is given to another method.
    TooLargeError
        For more than 22 players (``"dp"``, ``"idp"``, float), 24 (``"ip"``) or 14 (exact),
        or too many partitions to enumerate.

    Notes
    -----
    With ``f(empty) = 0`` the recursion of ``"dp"`` is

    .. math:: f(S) = \max\Big(v(S),\ \max_{T \subsetneq S,\ \min S \in T} f(T) + f(S \setminus T)\Big),

    where ``min S`` is the lowest-numbered player of ``S``: fixing the coalition of that player
    lists each split of ``S`` once, so ``sum_S 2**(|S|-1)`` pairs are examined. Masks are
    processed by popcount layers (both parts are in lower layers), and within a layer in
    chunks of masks: the parts of every mask in a chunk are built at once by doubling over its
    member bits, and ``f(T) + f(S \ T)`` is maximised along each row with ``argmax``. No
    Python loop over coalitions; a 20-player game takes 35 s on a quiet 2-core machine and
    50-80 s on a loaded one (benchmarks/coalition_structure.py). This is the algorithm of Yeh
    (1986) [1]_.

    ``"idp"`` (Rahwan and Jennings 2008 [2]_) evaluates, for ``|S| = k < n``, only the splits
    whose larger part has at most ``n - k`` players (none for ``2n/3 < k < n``) and every split
    of the grand coalition; every integer partition of ``n`` still has a chain of evaluated
    splits, so ``f(N)`` is optimal, while ``f(S)`` of the larger coalitions is only a lower
    bound.

    ``"ip"`` follows IP (Rahwan et al. 2009 [3]_) and its hybrid with IDP, ODP-IP (Michalak et
    al. 2016 [4]_), in a simplified form of our own: the DP table is made exact for the
    coalitions of at most ``m`` players (``m`` grows by rounds, up to ``n // 2``), and the
    structures are split into subspaces, one per integer partition of ``n`` whose parts of at
    most ``m`` players cannot be merged (valued with the exact table, a merged part dominates
    its refinements). A scan of the grand coalition and of every two-part split gives the first
    structure. A subspace's upper bound is the sum of the per-size maxima, the best structure
    found and the largest sum of per-size averages (which some structure reaches) are lower
    bounds; subspaces are searched in decreasing order of bound, depth first over coalitions
    taken from per-size lists sorted by worth (vectorised over nodes), pruning every node whose
    bound does not beat the best found by more than a relative 1e-12 (float rounding). When a
    round spends the work of the next DP layer, that layer is solved and the search restarts;
    past ``n // 2`` layers IDP finishes the problem, so the worst case stays within about twice
    IDP's work. On the games of the IP papers, ``v(C) = |C| U(0, 1)``, 22 players take 4-10 s
    on a loaded 2-core machine (IDP 270 s, DP several minutes) and 24 players 22 s;
    ``v(C) = |C| N(1, 0.1)`` at 22 players 5 s. When the search cannot prune (``v(C)``
    uniform on [0, 1] without the factor ``|C|``, optimal structures of many small
    coalitions) IDP finishes and ``"ip"`` takes about 1.7 times IDP's time.

    References
    ----------
    .. [1] Yeh, D. Y. (1986). A dynamic programming approach to the complete set partitioning
       problem. *BIT Numerical Mathematics* 26(4), 467-474.
    .. [2] Rahwan, T. and Jennings, N. R. (2008). An improved dynamic programming algorithm
       for coalition structure generation. *AAMAS 2008*, 1417-1420.
    .. [3] Rahwan, T., Ramchurn, S. D., Jennings, N. R. and Giovannucci, A. (2009). An anytime
       algorithm for optimal coalition structure generation. *Journal of Artificial
       Intelligence Research* 34, 521-567.
    .. [4] Michalak, T., Rahwan, T., Elkind, E., Wooldridge, M. and Jennings, N. R. (2016). A
       hybrid exact algorithm for complete set partitioning. *Artificial Intelligence* 230,
       14-50.

    Examples
    --------
    Three players: alone each makes 1, the pair ab makes 4, the other pairs 3, all three 4:

    >>> import coalitions as co
    >>> game = co.TUGame([0, 1, 1, 4, 1, 3, 3, 4], players=["a", "b", "c"])
    >>> best = co.optimal_coalition_structure(game)
    >>> best.structure, best.value
    ((('a', 'b'), ('c',)), Fraction(5, 1))

    The same game in floats, by the anytime search:

    >>> best = co.optimal_coalition_structure(game.to_float(), method="ip")
    >>> best.structure, best.value, best.upper_bound, best.success
    ((('a', 'b'), ('c',)), 5.0, 5.0, True)
    """
    function = "optimal_coalition_structure"
    game = as_tu_game(game, function, numeric="compares coalition values")
    n = game.n_players
    check_callback(callback, function)
    if method == "auto":
        if game.kind != nb.FLOAT:
            method = "dp"
        else:
            method = "ip" if n >= AUTO_IP_PLAYERS else "idp"
    if time_limit is not None:
        if method != "ip":
            raise InvalidArgumentError(
                f"{function}: time_limit applies to method='ip' (the anytime search), not "
                f"method={method!r}; drop it or use method='ip'."
            )
        if (
            isinstance(time_limit, bool)
            or not isinstance(time_limit, Real)
            or not math.isfinite(time_limit)
            or time_limit < 0
        ):
            raise InvalidArgumentError(
                f"{function}: time_limit must be a number of seconds >= 0 (or None), got "
                f"{time_limit!r}."
            )
    if method == "enumeration":
        return _by_enumeration(game)
    if method == "ip":
        if game.kind != nb.FLOAT:
            raise InvalidArgumentError(
                f"{function}: method='ip' searches float games; convert the game with "
                "game.to_float(), or use method='dp' or 'idp' (exact, up to "
                f"{MAX_EXACT_DP_PLAYERS} players)."
            )
        if n > MAX_IP_PLAYERS:
            raise TooLargeError(
                f"the optimal coalition structure of a {n}-player game: method='ip' keeps "
                f"a few tables of 2**{n} entries and is limited to {MAX_IP_PLAYERS} players."
            )
        return _by_search(game, callback, time_limit)
    limit = MAX_DP_PLAYERS if game.kind == nb.FLOAT else MAX_EXACT_DP_PLAYERS
    if n > limit:
        hint = (
            "convert it with game.to_float() (the float programme reaches 22 players, the "
            f"float search method='ip' {MAX_IP_PLAYERS})"
            if game.kind != nb.FLOAT
            else f"use method='ip' (the anytime search, up to {MAX_IP_PLAYERS} players)"
        )
        raise TooLargeError(
            f"the optimal coalition structure of a {n}-player {game.kind} game by "
            f"method={method!r} needs up to (3**{n} - 1)/2 = {(3**n - 1) // 2} comparisons; "
            f"the limit is {limit} players for {game.kind} games: {hint}."
        )
    table = SubsetTable(game.values, n)
    if callback is not None:
        callback(1, n)
    table.solve((lambda k, n: None) if method == "dp" else idp_part_sizes, callback)
    return _structure_result(game, table.partition((1 << n) - 1), method)


def _by_search(
    game: TUGame, callback: Callable[[int, int], Any] | None, time_limit: float | None
) -> CoalitionStructureResult:
    n = game.n_players
    outcome = anytime_search(
        SubsetTable(np.asarray(game.values, dtype=np.float64), n),
        time_limit=None if time_limit is None else float(time_limit),
        callback=callback,
    )
    work = (
        f"{outcome.searched} subspaces searched ({outcome.nodes} nodes) with exact tables "
        f"up to {outcome.exact_layers} players ({outcome.pairs} DP pairs)"
    )
    if outcome.finished_by_idp:
        work += "; the search spent its budget and IDP's remaining layers finished"
    result = _structure_result(game, outcome.masks, "ip")
    if outcome.proven:
        return dataclasses.replace(result, message=f"optimal: {work}.")
    upper = max(outcome.upper_bound, float(result.value))
    return dataclasses.replace(
        result,
        upper_bound=upper,
        success=False,
        status=LIMIT,
        message=(
            f"time_limit={time_limit} s ran out: the best structure found is worth "
            f"{float(result.value)!r}, the optimum at most {upper!r} (gap "
            f"{upper - float(result.value):.3g}); {work}."
        ),
    )


def _by_enumeration(game: TUGame) -> CoalitionStructureResult:
    names = game.players
    best_value, best_masks = None, None
    for partition in set_partitions(names):
        masks = partition_masks(partition, names)
        total = sum((game.values[m] for m in masks[1:]), game.values[masks[0]])
        if best_value is None or total > best_value:
            best_value, best_masks = total, masks
    assert best_masks is not None  # every player set has at least one partition
    return _structure_result(game, best_masks, "enumeration")


def _structure_result(game: TUGame, masks: list[int], method: str) -> CoalitionStructureResult:
    ordered = sorted(masks, key=lambda m: m & -m)
    values = tuple(
        game.values[m] if game.kind != nb.FLOAT else float(game.values[m]) for m in ordered
    )
    total = nb.constant(0, game.kind)
    for value in values:
        total = total + value
    return CoalitionStructureResult(
        structure=partition_names(ordered, game.players),
        value=total,
        coalition_values=values,
        upper_bound=total,
        players=game.players,
        exact=game.exact,
        concept="optimal-coalition-structure",
        method=method,
    )


#: The choices of ``method=`` in :func:`aumann_dreze_value`.
AUMANN_DREZE_METHODS = ("shapley-of-subgames",)


@fill_doc(aumann_dreze=_AUMANN_DREZE)
@front_door(AUMANN_DREZE_METHODS)
def aumann_dreze_value(
    game: TUGame, structure: Iterable[Any], *, method: str = "shapley-of-subgames"
) -> ValueResult:
    r"""The Aumann-Dreze value: the Shapley value of each coalition's own subgame.

    For a coalition structure :math:`\mathcal{B}` and player ``i`` in ``B(i)``,

    .. math:: AD_i(v, \mathcal{B}) = \phi_i(v|_{B(i)}),

    so each coalition shares exactly its own worth ``v(B(i))`` (relative efficiency), and
    what it could get with outsiders does not count.

    Parameters
    ----------
    game : TUGame
    structure : list of coalitions
        A partition of the players (lists of names).
    method : {"shapley-of-subgames"}
        The Shapley value of each coalition's subgame (the only method).

    Returns
    -------
    ValueResult
        ``concept="aumann-dreze"``; numbers follow the game.

    Raises
    ------
    InvalidProblemError
        If ``structure`` is not a partition of the players.

    Notes
    -----
    One exact Shapley value per coalition on its subgame: ``sum over C of 2**|C|`` values read.

    References
    ----------
    {{aumann_dreze}}

    Examples
    --------
    The glove game with the left-glove owner allied to one right-glove owner:

    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.aumann_dreze_value(glove, [["L", "R1"], ["R2"]]).x.tolist()
    [Fraction(1, 2), Fraction(1, 2), Fraction(0, 1)]
    """
    game = as_tu_game(game, "aumann_dreze_value")
    masks = partition_masks(structure, game.players)
    payoffs: list[Any] = [None] * game.n_players
    for mask in masks:
        members = names_of(mask, game.players)
        phi = shapley_value(subgame(game, members))
        for name, value in zip(members, phi.x):
            payoffs[game.player_index(name)] = value
    return ValueResult(
        x=nb.read_only(payoffs, game.kind),
        players=game.players,
        exact=game.exact,
        concept="aumann-dreze",
        method="shapley-of-subgames",
        n_evaluations=sum(1 << bin(m).count("1") for m in masks),
    )


def is_in_structure_core(
    game: TUGame, structure: Iterable[Any], x: Any, *, atol: float = 1e-9
) -> bool:
    r"""Whether ``x`` is in the core of the game with coalition structure ``structure``.

    .. math:: x(C) = v(C) \text{ for } C \in \mathcal{B}, \qquad
              x(S) \ge v(S) \text{ for every } S \subseteq N.

    Exact games and exact ``x`` are checked exactly; otherwise within ``atol``.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.TUGame([0, 1, 1, 4, 1, 4, 4, 5], players=["a", "b", "c"])
    >>> co.is_in_structure_core(game, [["a", "b"], ["c"]], [2, 2, 1])
    False
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.is_in_structure_core(glove, [["L", "R1"], ["R2"]], [1, 0, 0])
    True
    """
    game = as_tu_game(game, "is_in_structure_core", numeric="compares coalition values")
    atol = check_tolerance(atol, "is_in_structure_core")
    masks = partition_masks(structure, game.players)
    n = game.n_players
    point = list(nb.coerce_values(getattr(x, "x", x), what="x")[0])
    if len(point) != n:
        raise InvalidProblemError(f"x needs one entry per player ({n}), got {len(point)}.")
    exact = game.exact and not any(isinstance(v, float) for v in point)
    tol: float
    if exact:
        point = [Fraction(v) for v in point]
        sums = subset_sums(np.array(point, dtype=object), n, empty=Fraction(0))
        values = game.values
        tol = 0
    else:
        sums = subset_sums(np.array([float(v) for v in point]), n)
        values = nb.to_float_array(game.values, game.kind)
        tol = atol
    for mask in masks:
        if abs(sums[mask] - values[mask]) > tol:
            return False
    return bool(np.all(sums - values >= -tol))


#: The choices of ``method=`` in :func:`structure_core`.
STRUCTURE_CORE_METHODS = ("highs",)


@fill_doc(aumann_dreze=_AUMANN_DREZE)
@front_door(STRUCTURE_CORE_METHODS)
def structure_core(
    game: TUGame, structure: Iterable[Any], *, atol: float = 1e-9, method: str = "highs"
) -> StructureCoreResult:
    r"""The core of a game with a coalition structure: is the structure stable?

    An allocation is in the core of :math:`(N, v, \mathcal{B})` when each coalition of the
    structure shares exactly its worth and no group of players, across coalitions or inside
    one, can do better on its own:

    .. math:: x(C) = v(C) \ (C \in \mathcal{B}), \qquad x(S) \ge v(S) \ (S \subseteq N).

    The structure is *stable* when this core is non-empty. A stable structure is always an
    optimal one (sum the inequalities over any other partition).

    Parameters
    ----------
    game : TUGame
    structure : list of coalitions
        A partition of the players.
    atol : float
        The core is declared empty when the least subsidy ``epsilon`` exceeds ``atol``.
    method : {"highs"}
        The linear program, solved by HiGHS (the only method).

    Returns
    -------
    StructureCoreResult
        ``is_empty``, ``epsilon`` (negative when every coalition is strictly satisfied), and a
        point ``x`` (a core point when non-empty, else the least-core point of the structure).
        For an exact game a non-empty answer is snapped to rationals and verified exactly
        before ``exact=True`` is reported.

    Raises
    ------
    InvalidProblemError
        If ``structure`` is not a partition of the players.
    TooLargeError
        For more than 20 players.
    SolverError
        If the LP solver fails.

    Notes
    -----
    One LP (the least core of the structure): minimise ``epsilon`` subject to
    ``x(S) + epsilon >= v(S)`` for every coalition not in the structure and ``x(C) = v(C)`` for
    its coalitions; ``2**n`` rows, solved with HiGHS.

    References
    ----------
    {{aumann_dreze}}

    Examples
    --------
    Three-player majority: a pair that splits its unit is blocked by the other pair member
    and the outsider, so no structure is stable:

    >>> import coalitions as co
    >>> result = co.structure_core(co.majority_game(["a", "b", "c"]), [["a", "b"], ["c"]])
    >>> result.is_empty, round(float(result.epsilon), 6)
    (True, 0.5)
    """
    game = as_tu_game(game, "structure_core", numeric="compares coalition values")
    atol = check_tolerance(atol, "structure_core")
    masks = partition_masks(structure, game.players)
    n = game.n_players
    if n > MAX_CORE_PLAYERS:
        raise TooLargeError(
            f"the core of a structure of {n} players is an LP with 2**{n} rows; the limit is "
            f"{MAX_CORE_PLAYERS} players."
        )
    values = nb.to_float_array(game.values, game.kind)
    in_structure = np.zeros(1 << n, dtype=bool)
    in_structure[masks] = True
    in_structure[0] = True
    rows = np.flatnonzero(~in_structure)
    bits = bit_matrix(n).T  # (2**n, n)
    a_ub = np.hstack([-bits[rows], -np.ones((rows.size, 1))])
    b_ub = -values[rows]
    a_eq = np.hstack([bits[masks], np.zeros((len(masks), 1))])
    b_eq = values[masks]
    c = np.zeros(n + 1)
    c[-1] = 1.0
    bounds: tuple[None, None] | list[tuple[float | None, float | None]] = (None, None)
    if rows.size == 0:  # one player: no coalition outside the structure, epsilon is 0
        bounds = [(None, None)] * n + [(0.0, 0.0)]
    solution = solve_lp(
        c, a_ub if rows.size else None, b_ub if rows.size else None, a_eq, b_eq, bounds
    )
    if not solution.success:
        raise SolverError(f"the LP for the core of the structure failed: {solution.message}")
    assert solution.x is not None  # a successful LP has a point
    point = solution.x[:n]
    epsilon = float(solution.x[-1]) + 0.0 if rows.size else 0.0  # + 0.0 turns -0.0 into 0.0
    is_empty = epsilon > atol
    payoffs, exact = list(point), False
    if game.kind == nb.EXACT and not is_empty:
        snapped = _snap(point, masks, game)
        if is_in_structure_core(game, structure, snapped):
            payoffs, exact = list(snapped), True
    return StructureCoreResult(
        x=nb.read_only(payoffs, nb.EXACT if exact else nb.FLOAT),
        players=game.players,
        exact=exact,
        structure=partition_names(masks, game.players),
        is_empty=bool(is_empty),
        epsilon=epsilon,
        status=0 if solution.success else 1,
        message=solution.message,
        concept="structure-core",
        method="highs",
    )


def _snap(point: np.ndarray, masks: list[int], game: TUGame) -> list[Fraction]:
    """Rational version of a float point with x(C) = v(C) exactly for each block C."""
    snapped = [Fraction(float(v)).limit_denominator(10**6) for v in point]
    for mask in masks:
        members = mask_members(mask, game.n_players)
        last = members[-1]
        snapped[last] = game.values[mask] - sum((snapped[i] for i in members[:-1]), Fraction(0))
    return snapped


def is_stable_structure(game: TUGame, structure: Iterable[Any], *, atol: float = 1e-9) -> bool:
    """Whether the core of the game with this coalition structure is non-empty.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.is_stable_structure(glove, [["L", "R1", "R2"]])
    True
    """
    return not structure_core(game, structure, atol=atol).is_empty
