r"""Coalition formation with externalities: solution concepts of partition-function games.

A :class:`~coalitions.games.partition_function.PartitionFunctionGame` gives the worth
``v(S, P)`` of a coalition ``S`` in a partition ``P``. With fixed payoff division (Bloch
1996; Yi 1997) each member of ``S`` gets the per-capita worth ``v(S, P) / |S|``; the
stability rules and the sequential game below use these payoffs. The value and the cores
share ``v(S, P)`` freely.

* :func:`partition_stability` and :func:`stable_partitions`: Yi's (1997) rules of membership
  (open membership, exclusive membership, coalition unanimity);
* :func:`sequential_formation`: Bloch's (1996) sequential game for symmetric games, solved
  by the size rule of Ray and Vohra (1999);
* :func:`participation_model`: the one-coalition (cartel) game of a symmetric game, for the
  internal and external stability of d'Aspremont et al. (1983);
* :func:`gamma_game`, :func:`gamma_core` and :func:`chander_tulkens_allocation`: the
  gamma-core of Chander and Tulkens (1997) and their transfers;
* :func:`mpw_value`: the Shapley value of Macho-Stadler, Perez-Castrillo and Wettstein
  (2007).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from fractions import Fraction
from functools import cache
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts
from .._checks import as_list, check_choice, check_instance, check_tolerance, front_door
from .._docstrings import fill_doc
from .._partitions import consecutive_blocks, integer_partitions, partition_masks
from .._players import names_of
from ..exceptions import InvalidProblemError, TooLargeError
from ..games.partition_function import MAX_PARTITION_PLAYERS, PartitionFunctionGame
from ..games.tu import TUGame
from ..results import (
    CoreResult,
    PartitionStabilityResult,
    SequentialFormationResult,
    StablePartitionsResult,
    ValueResult,
)
from ..solutions.core import core
from ..solutions.shapley import shapley_value
from .agreements import _CARTEL, AgreementModel

__all__ = [
    "MEMBERSHIP_RULES",
    "partition_stability",
    "stable_partitions",
    "sequential_formation",
    "participation_model",
    "gamma_game",
    "gamma_core",
    "chander_tulkens_allocation",
    "mpw_average_game",
    "mpw_value",
]

_YI = """
References
----------
.. [1] Yi, S.-S. (1997). Stable coalition structures with externalities. *Games and
   Economic Behavior* 20, 201-237.
"""
_CHANDER_TULKENS = """
References
----------
.. [1] Chander, P. and Tulkens, H. (1997). The core of an economy with multilateral
   environmental externalities. *International Journal of Game Theory* 26, 379-401.
"""
_MPW = """
References
----------
.. [1] Macho-Stadler, I., Perez-Castrillo, D. and Wettstein, D. (2007). Sharing the
   surplus: an extension of the Shapley value for environments with externalities.
   *Journal of Economic Theory* 135, 339-356.
"""
_ATOL = """
atol : float
    Tolerance of float comparisons (exact games compare exactly).
"""

#: Yi's (1997) rules of membership, named as in the paper.
MEMBERSHIP_RULES = ("open-membership", "exclusive-membership", "coalition-unanimity")
#: Largest number of players of a TU game built from a symmetric partition-function game
#: (the table has 2**n worths).
MAX_TU_PLAYERS = 20


def _game(game: Any, function: str) -> PartitionFunctionGame:
    return check_instance(
        game,
        PartitionFunctionGame,
        function,
        hint="build one with PartitionFunctionGame.from_function, .symmetric, .cournot or .climate",
    )


def _symmetric_only(game: PartitionFunctionGame, what: str, advice: str = "") -> None:
    """Raise unless the game is symmetric (stored by partition types)."""
    if not game.is_symmetric:
        raise InvalidProblemError(
            f"{what} needs a symmetric game (built with PartitionFunctionGame.symmetric){advice}."
        )


def _types_or_partitions(game: PartitionFunctionGame, method: str, function: str, work: str) -> str:
    """The method of a front door that works by partition types (symmetric games) or over every
    partition: ``"auto"`` chosen by the game, and the game checked against the choice
    (``work`` says what ``"partitions"`` does, for its size error)."""
    if method == "auto":
        method = "types" if game.is_symmetric else "partitions"
    if method == "types":
        _symmetric_only(game, f"{function}(method='types')", "; use method='partitions'")
    elif game.n_players > MAX_PARTITION_PLAYERS:
        raise TooLargeError(
            f"{function}(method='partitions') {work}; the limit is {MAX_PARTITION_PLAYERS} "
            "players. Use method='types' for a symmetric game."
        )
    return method


def _tu_limit(game: PartitionFunctionGame, function: str, advice: str = "") -> None:
    """Raise past :data:`MAX_TU_PLAYERS` players: the TU game has ``2**n`` worths."""
    n = game.n_players
    if n > MAX_TU_PLAYERS:
        raise TooLargeError(
            f"{function} builds a TU game of 2**{n} worths; the limit is {MAX_TU_PLAYERS} "
            f"players{advice}."
        )


def _cartel_type(n: int, k: int) -> tuple[int, ...]:
    """The partition type of ``k`` players together and the other ``n - k`` alone."""
    return (k,) + (1,) * (n - k) if k else (1,) * n


def _share(worth: Any, size: int, exact: bool) -> Any:
    return worth / size if exact else float(worth) / size


def _per_capita(game: PartitionFunctionGame, mask: int, masks: Iterable[int]) -> Any:
    return _share(game.worth(mask, masks), mask.bit_count(), game.exact)


def _gains(new: Any, old: Any, atol: float) -> bool:
    """True when ``new`` is strictly better than ``old`` (exactly, or beyond ``atol``)."""
    if isinstance(new, float) or isinstance(old, float):
        return new > old + atol
    return new > old


def _deviations(masks: tuple[int, ...], rule: str) -> Iterable[tuple[int, int, tuple, int]]:
    """(player bit, own block, partition after the move, the player's new block) for each
    unilateral move the membership ``rule`` allows."""
    for own in masks:
        others = [m for m in masks if m != own]
        for player in _singletons(own):
            rest = own ^ player
            if rule == "open-membership":
                for target in others:
                    moved = [m for m in others if m != target] + [target | player]
                    yield player, own, tuple(moved + ([rest] if rest else [])), target | player
            if rest:  # leaving alone: a singleton already is alone
                if rule == "coalition-unanimity":
                    broken = _singletons(rest)
                else:
                    broken = [rest]
                yield player, own, tuple(others + broken + [player]), player


def _singletons(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low)
        mask ^= low
    return out


def _first_deviation(
    game: PartitionFunctionGame, masks: tuple[int, ...], rule: str, atol: float
) -> dict | None:
    for player, own, after, block in _deviations(masks, rule):
        before = _per_capita(game, own, masks)
        gain = _per_capita(game, block, after)
        if _gains(gain, before, atol):
            names = game.players
            return {
                "player": names_of(player, names)[0],
                "from": names_of(own, names),
                "to": names_of(block, names),
                "payoff_before": before,
                "payoff_after": gain,
            }
    return None


@fill_doc(yi=_YI, atol=_ATOL)
def partition_stability(
    game: PartitionFunctionGame, partition: Any, *, atol: float = 1e-9
) -> PartitionStabilityResult:
    r"""Whether a partition is stable under each of Yi's (1997) rules of membership.

    Payoffs are per capita, :math:`v(S, P)/|S|` (fixed payoff division). A partition is a
    Nash equilibrium of the membership game when no player gains by a unilateral move:

    * ``open-membership`` (Yi and Shin): a player may leave its coalition to be alone or to
      join any other coalition of ``P`` (nobody can be excluded);
    * ``exclusive-membership`` (Hart and Kurz's Delta game): a player may only leave to be
      alone, and the rest of its coalition stays together;
    * ``coalition-unanimity`` (Hart and Kurz's Gamma game, Bloch 1996): a player may only
      leave, and its coalition then breaks into singletons.

    Parameters
    ----------
    game : PartitionFunctionGame
    partition : list of lists of str
        A partition of the players.
    {{atol}}

    Returns
    -------
    PartitionStabilityResult
        ``x`` the per-capita payoffs, one flag per rule, and for each unstable rule a
        witness ``{"player", "from", "to", "payoff_before", "payoff_after"}``.

    {{yi}}
    .. [2] Hart, S. and Kurz, M. (1983). Endogenous formation of coalitions. *Econometrica*
       51(4), 1047-1064.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.PartitionFunctionGame.cournot(3)
    >>> result = co.partition_stability(game, [["1", "2"], ["3"]])
    >>> result.open_membership, result.coalition_unanimity
    (False, False)
    >>> result.witnesses["coalition-unanimity"]["player"]
    '1'
    """
    game = _game(game, "partition_stability")
    atol = check_tolerance(atol, "partition_stability")
    masks = tuple(partition_masks(partition, game.players, what="partition"))
    witnesses = {rule: _first_deviation(game, masks, rule, atol) for rule in MEMBERSHIP_RULES}
    owner = {bit: m for m in masks for bit in _singletons(m)}
    x = [_per_capita(game, owner[1 << i], masks) for i in range(game.n_players)]
    return PartitionStabilityResult(
        x=nb.read_only(x, nb.EXACT if game.exact else nb.FLOAT),
        players=game.players,
        partition=game.structure(masks),
        open_membership=witnesses["open-membership"] is None,
        exclusive_membership=witnesses["exclusive-membership"] is None,
        coalition_unanimity=witnesses["coalition-unanimity"] is None,
        witnesses={rule: w for rule, w in witnesses.items() if w is not None},
        exact=game.exact,
        concept="membership-stability",
        method="deviations",
    )


#: The methods of the front doors that work by partition types or over every partition.
STABLE_METHODS = ("auto", "types", "partitions")


@fill_doc(yi=_YI, atol=_ATOL)
@front_door(STABLE_METHODS)
def stable_partitions(
    game: PartitionFunctionGame,
    *,
    rule: str = "open-membership",
    method: str = "auto",
    atol: float = 1e-9,
) -> StablePartitionsResult:
    r"""Every partition stable under one of Yi's (1997) rules of membership.

    See :func:`partition_stability` for the rules. For a symmetric game stability depends only
    on the partition type (the block sizes), so ``method="types"`` checks one partition per
    type (the integer partitions of ``n``); ``method="partitions"`` checks every one of the
    ``Bell(n)`` partitions (general games, and a check of the first method).

    Parameters
    ----------
    game : PartitionFunctionGame
    rule : {"open-membership", "exclusive-membership", "coalition-unanimity"}
    method : {"auto", "types", "partitions"}
        ``"auto"`` is ``"types"`` for symmetric games, else ``"partitions"``.
    {{atol}}

    Returns
    -------
    StablePartitionsResult
        ``partitions`` (name tuples, a representative per type with ``"types"``), ``types``
        (their block sizes) and ``value`` (how many are listed).

    Raises
    ------
    InvalidProblemError
        ``method="types"`` on a game that is not symmetric.
    TooLargeError
        ``method="partitions"`` beyond :data:`~coalitions.games.partition_function.MAX_PARTITION_PLAYERS`.

    {{yi}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.stable_partitions(co.PartitionFunctionGame.cournot(4), rule="coalition-unanimity").types
    ((4,), (1, 1, 1, 1))
    """
    game = _game(game, "stable_partitions")
    rule = check_choice(rule, MEMBERSHIP_RULES, what="rule", function="stable_partitions")
    atol = check_tolerance(atol, "stable_partitions")
    work = f"lists the Bell({game.n_players}) partitions"
    method = _types_or_partitions(game, method, "stable_partitions", work)
    candidates: Iterable[tuple[int, ...]]
    if method == "types":
        candidates = (consecutive_blocks(sizes) for sizes in integer_partitions(game.n_players))
    else:
        candidates = game.partitions()
    stable = [m for m in candidates if _first_deviation(game, m, rule, atol) is None]
    return StablePartitionsResult(
        players=game.players,
        partitions=tuple(game.structure(m) for m in stable),
        types=tuple(tuple(sorted((b.bit_count() for b in m), reverse=True)) for m in stable),
        rule=rule,
        exact=game.exact,
        concept=rule,
        method=method,
    )


def sequential_formation(game: PartitionFunctionGame) -> SequentialFormationResult:
    r"""The equilibrium coalition structure of Bloch's (1996) sequential game, for a
    symmetric game with per-capita payoffs.

    Players form coalitions one after the other and a coalition that forms leaves the game.
    In a symmetric stationary equilibrium the first remaining player chooses the size ``k``
    of its coalition to maximise its per-capita payoff ``v(k, P)/k`` in the structure ``P``
    that the remaining players then form by the same rule (Bloch 1996, Section 4; Ray and
    Vohra 1999). The structure is solved backwards over the states (sizes already formed,
    players left); ties go to the smallest size and are reported.

    Parameters
    ----------
    game : PartitionFunctionGame
        A symmetric game (:meth:`PartitionFunctionGame.symmetric`).

    Returns
    -------
    SequentialFormationResult
        ``sizes`` in the order the coalitions form, ``structure`` (players assigned in that
        order), ``payoffs`` (per capita, one per coalition), ``ties`` (whether a player was
        indifferent between sizes somewhere on the equilibrium path) and ``value``
        (``sizes``).

    Raises
    ------
    InvalidProblemError
        If the game is not symmetric.

    Notes
    -----
    The states are the multisets of sizes already formed and the number of players left,
    at most the sum of the partition numbers ``p(k)`` for ``k < n``; each tries every size.

    References
    ----------
    .. [1] Bloch, F. (1996). Sequential formation of coalitions in games with externalities
       and fixed payoff division. *Games and Economic Behavior* 14, 90-123.
    .. [2] Ray, D. and Vohra, R. (1999). A theory of endogenous coalition structures.
       *Games and Economic Behavior* 26, 286-336.

    Examples
    --------
    In the Cournot oligopoly the first firms stay out and free-ride on the merger of the
    others:

    >>> import coalitions as co
    >>> co.sequential_formation(co.PartitionFunctionGame.cournot(6)).sizes
    (1, 5)
    """
    game = _game(game, "sequential_formation")
    _symmetric_only(game, "sequential_formation (Bloch's game by the size rule)")
    exact = game.exact

    @cache
    def solve(formed: tuple[int, ...], left: int) -> tuple[tuple[int, ...], bool]:
        if left == 0:
            return (), False
        best: Any = None
        for k in range(1, left + 1):
            tail, tied = solve(tuple(sorted((*formed, k), reverse=True)), left - k)
            final = tuple(sorted((*formed, k, *tail), reverse=True))
            pay = _share(game.type_worth(k, final), k, exact)
            if best is None or _gains(pay, best[0], 1e-12):
                best = (pay, (k, *tail), tied)
            elif not _gains(best[0], pay, 1e-12):
                best = (best[0], best[1], True)
        return best[1], best[2]

    sizes, ties = solve((), game.n_players)
    solve.cache_clear()
    final = tuple(sorted(sizes, reverse=True))
    masks = consecutive_blocks(sizes)
    payoffs = tuple(_share(game.type_worth(s, final), s, exact) for s in sizes)
    return SequentialFormationResult(
        players=game.players,
        sizes=tuple(sizes),
        structure=tuple(names_of(m, game.players) for m in masks),
        payoffs=payoffs,
        ties=ties,
        exact=exact,
        concept="sequential-formation",
        method="size-rule",
    )


@fill_doc(cartel=_CARTEL)
def participation_model(game: PartitionFunctionGame) -> AgreementModel:
    r"""The one-coalition (cartel) game of a symmetric game, as an :class:`AgreementModel`.

    With ``k`` signatories in one coalition and every other player alone, a signatory earns
    :math:`\pi_s(k) = v(k, \{k, 1, \dots, 1\})/k` and a non-signatory
    :math:`\pi_n(k) = v(1, \{k, 1, \dots, 1\})`; :func:`agreement_stability` then gives the
    internally and externally stable sizes (d'Aspremont et al. 1983; Barrett 1994).

    Parameters
    ----------
    game : PartitionFunctionGame
        A symmetric game.

    Returns
    -------
    AgreementModel

    {{cartel}}

    Examples
    --------
    >>> import coalitions as co
    >>> model = co.participation_model(co.PartitionFunctionGame.climate(10))
    >>> co.agreement_stability(model).stable_sizes
    (3,)
    """
    game = _game(game, "participation_model")
    _symmetric_only(game, "participation_model")
    n = game.n_players

    def signatory(k: int) -> Any:
        return game.type_worth(k, _cartel_type(n, k)) / k

    def nonsignatory(k: int) -> Any:
        return game.type_worth(1, _cartel_type(n, k))

    return AgreementModel(n, signatory, nonsignatory, name=game.name)


@fill_doc(chander_tulkens=_CHANDER_TULKENS)
def gamma_game(game: PartitionFunctionGame) -> TUGame:
    r"""The gamma characteristic function: ``v_gamma(S) = v(S, {S} + singletons)``.

    When ``S`` deviates, the other players break into singletons and play their individual
    best replies (Chander and Tulkens 1997).

    Parameters
    ----------
    game : PartitionFunctionGame
        A symmetric game is read by sizes: one worth per coalition size.

    Returns
    -------
    TUGame
        ``v_gamma`` on the game's players, exact when the worths are.

    Raises
    ------
    TooLargeError
        Past 20 players (the TU table has ``2**n`` worths).

    {{chander_tulkens}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.gamma_game(co.PartitionFunctionGame.cournot(3)).value(["1", "2"])
    Fraction(1, 9)
    """
    game = _game(game, "gamma_game")
    _tu_limit(game, "gamma_game")
    n = game.n_players
    if game.is_symmetric:  # by size: one worth per coalition size, spread by popcount
        by_size = [0] + [game.type_worth(s, _cartel_type(n, s)) for s in range(1, n + 1)]
        return _by_size_game(game, by_size)
    full = (1 << n) - 1
    values = [0] * (1 << n)
    for mask in range(1, 1 << n):
        values[mask] = game.worth(mask, [mask, *_singletons(full ^ mask)])
    return TUGame(values if game.exact else [float(v) for v in values], game.players)


def _by_size_game(game: PartitionFunctionGame, by_size: list) -> TUGame:
    """The TU game of a symmetric game whose worth of a coalition of ``s`` is ``by_size[s]``."""
    table = np.array(by_size if game.exact else [float(v) for v in by_size], dtype=object)
    values = table[popcounts(game.n_players)]
    return TUGame(values if game.exact else values.astype(np.float64), game.players)


@fill_doc(chander_tulkens=_CHANDER_TULKENS, atol=_ATOL)
def gamma_core(game: PartitionFunctionGame, *, atol: float = 1e-9) -> CoreResult:
    r"""The gamma-core (Chander and Tulkens 1997): the core of :func:`gamma_game`.

    An allocation of ``v(N, {N})`` is in the gamma-core when no coalition ``S`` gets more on
    its own, given that the others then act as singletons.

    Parameters
    ----------
    game : PartitionFunctionGame
    {{atol}}

    Returns
    -------
    CoreResult
        The core of the gamma game, with ``concept="gamma-core"``.

    {{chander_tulkens}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.gamma_core(co.PartitionFunctionGame.climate(4)).is_empty
    False
    """
    result = core(gamma_game(_game(game, "gamma_core")), atol=atol)
    return dataclasses.replace(result, concept="gamma-core")


@fill_doc(chander_tulkens=_CHANDER_TULKENS)
def chander_tulkens_allocation(game: PartitionFunctionGame, weights: Any = None) -> ValueResult:
    r"""The Chander-Tulkens (1997) allocation: the singleton-equilibrium payoffs plus a
    share of the gain of full cooperation.

    .. math:: x_i = v(\{i\}, \underline{N}) + w_i \Bigl(v(N, \{N\}) -
       \sum_j v(\{j\}, \underline{N})\Bigr)

    with :math:`\underline{N}` the partition into singletons and weights ``w_i`` summing to
    one: the shares of marginal benefits ``b_i / sum(b)`` in the climate game (its
    ``weights``), equal shares otherwise. In the climate game this allocation is in the
    gamma-core (Chander and Tulkens 1997, Proposition 2); :func:`gamma_core` checks it.

    Parameters
    ----------
    game : PartitionFunctionGame
    weights : sequence of numbers, optional
        Non-negative, one per player, summing to one; default the game's ``weights``, else
        ``1/n`` each.

    Returns
    -------
    ValueResult
        ``x`` the allocation, exact when the worths and the weights are;
        ``concept="chander-tulkens"``.

    {{chander_tulkens}}

    Examples
    --------
    In the climate game the allocation is in the gamma-core:

    >>> import coalitions as co
    >>> game = co.PartitionFunctionGame.climate(["a", "b", "c"], b=[1, 1, 2])
    >>> allocation = co.chander_tulkens_allocation(game)
    >>> allocation["c"]
    Fraction(23, 2)
    >>> co.is_in_core(co.gamma_game(game), allocation.x)
    True
    """
    game = _game(game, "chander_tulkens_allocation")
    n = game.n_players
    if weights is None:
        weights = game.weights or [Fraction(1, n)] * n
    w, kind = nb.coerce_values(
        as_list(weights, "weights", InvalidProblemError, expected="one number per player"),
        what="weights",
    )
    if kind == nb.SYMBOLIC or len(w) != n or any(v < 0 for v in w) or not _sums_to_one(sum(w)):
        raise InvalidProblemError(
            f"Chander-Tulkens weights are {n} non-negative numbers summing to one, got "
            f"{list(weights)!r}."
        )
    singletons = [1 << i for i in range(n)]
    alone = [game.worth(1 << i, singletons) for i in range(n)]
    surplus = game.worth((1 << n) - 1, [(1 << n) - 1]) - sum(alone)
    exact = game.exact and kind == nb.EXACT
    x = [a + wi * surplus for a, wi in zip(alone, w)]
    return ValueResult(
        x=nb.read_only(x, nb.EXACT if exact else nb.FLOAT),
        players=game.players,
        exact=exact,
        concept="chander-tulkens",
        method="closed-form",
    )


def _sums_to_one(total: Any) -> bool:
    return total == 1 if not isinstance(total, float) else math.isclose(total, 1.0)


@fill_doc(mpw=_MPW)
def mpw_average_game(game: PartitionFunctionGame) -> TUGame:
    r"""The average game of Macho-Stadler, Perez-Castrillo and Wettstein (2007).

    .. math:: \tilde v(S) = \sum_{P \ni S} \alpha(S, P)\, v(S, P), \qquad
       \alpha(S, P) = \frac{\prod_{T \in P,\, T \ne S} (|T| - 1)!}{(n - |S|)!}

    ``alpha(S, P)`` is the probability that a uniformly random order of the players outside
    ``S``, read as a product of cycles, gives the partition ``P \ {S}``: the weights of each
    ``S`` sum to one. Without externalities ``v~`` is the characteristic function.

    Parameters
    ----------
    game : PartitionFunctionGame
        A symmetric game is averaged by partition types, a general one over every partition.

    Returns
    -------
    TUGame
        ``v~``, with the game's players and number kind.

    Raises
    ------
    TooLargeError
        Past :data:`~coalitions.games.partition_function.MAX_PARTITION_PLAYERS` players for a
        general game, 20 for a symmetric one.

    {{mpw}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.mpw_average_game(co.PartitionFunctionGame.cournot(3)).value(["1"])
    Fraction(25, 288)
    """
    game = _game(game, "mpw_average_game")
    n = game.n_players
    if game.is_symmetric:
        _tu_limit(game, "mpw_average_game", " (mpw_value(method='types') needs no table)")
        return _by_size_game(game, [0] + [_average_by_types(game, s) for s in range(1, n + 1)])
    else:
        factorial = [math.factorial(k) for k in range(n + 1)]
        totals: list[Any] = [0] * (1 << n)
        for masks in game.partitions():
            cycles = math.prod(factorial[m.bit_count() - 1] for m in masks)
            for mask in masks:
                share = Fraction(
                    cycles // factorial[mask.bit_count() - 1], factorial[n - mask.bit_count()]
                )
                worth = game.worth(mask, masks)
                totals[mask] += share * worth if game.exact else float(share) * worth
    return TUGame(totals if game.exact else [float(v) for v in totals], game.players)


def _average_by_types(game: PartitionFunctionGame, size: int) -> Any:
    """``v~(S)`` for ``|S| = size`` in a symmetric game: the weight of a type of the other
    players with ``m_j`` blocks of size ``j`` is ``prod 1/(j**m_j m_j!)`` (cycle index)."""
    total: Any = 0
    for rest in integer_partitions(game.n_players - size):
        weight = Fraction(1)
        for part in set(rest):
            count = rest.count(part)
            weight /= part**count * math.factorial(count)
        worth = game.type_worth(size, tuple(sorted((*rest, size), reverse=True)))
        total += weight * worth if game.exact else float(weight) * worth
    return total


MPW_METHODS = STABLE_METHODS


@fill_doc(mpw=_MPW)
@front_door(MPW_METHODS)
def mpw_value(game: PartitionFunctionGame, *, method: str = "auto") -> ValueResult:
    r"""The Shapley value of a partition-function game (Macho-Stadler, Perez-Castrillo and
    Wettstein 2007): the Shapley value of :func:`mpw_average_game`.

    It is efficient (it shares ``v(N, {N})``), symmetric, linear, gives nothing to a
    dummy player, and equals the Shapley value when there are no externalities.

    Parameters
    ----------
    game : PartitionFunctionGame
    method : {"auto", "types", "partitions"}
        ``"partitions"`` builds the average game over every embedded coalition (general
        games up to 10 players); ``"types"`` is for symmetric games, where symmetry and
        efficiency give ``v(N, {N}) / n`` to everyone. ``"auto"`` chooses by the game.

    Returns
    -------
    ValueResult
        ``concept="mpw-shapley"``.

    {{mpw}}

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.PartitionFunctionGame.climate(["a", "b", "c"], b=[1, 1, 2])
    >>> co.mpw_value(game)["c"]
    Fraction(31, 3)
    """
    game = _game(game, "mpw_value")
    method = _types_or_partitions(game, method, "mpw_value", "reads every embedded coalition")
    if method == "types":
        n, full = game.n_players, (1 << game.n_players) - 1
        share = _share(game.worth(full, [full]), n, game.exact)
        return ValueResult(
            x=nb.read_only([share] * n, nb.EXACT if game.exact else nb.FLOAT),
            players=game.players,
            exact=game.exact,
            concept="mpw-shapley",
            method="types",
        )
    phi = shapley_value(mpw_average_game(game))
    return dataclasses.replace(phi, concept="mpw-shapley", method="partitions")
