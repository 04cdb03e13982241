"""Hedonic games: each player cares only about the coalition it belongs to.

A hedonic game gives every player ``i`` a utility ``u_i(S)`` over the coalitions ``S`` that
contain it. Stability of a partition is judged by who would rather be elsewhere: core
stability (groups), Nash stability (lone movers), individual stability (movers the hosts
accept) and contractual individual stability (movers whose old partners also let go).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import numpy as np

from .._bits import bit_matrix, mask_members
from .._checks import check_choice, check_instance, check_tolerance, front_door
from .._docstrings import fill_doc
from .._partitions import partition_masks, partition_names
from .._players import names_of
from ..exceptions import InvalidProblemError
from ..games.hedonic import MAX_HEDONIC_PLAYERS, HedonicGame
from ..results import DynamicsResult, HedonicStabilityResult

__all__ = [
    "HedonicGame",
    "is_core_stable",
    "is_nash_stable",
    "is_individually_stable",
    "is_contractually_individually_stable",
    "hedonic_stability",
    "best_response_dynamics",
    "hedonic_potential",
]

DYNAMICS_RULES = ("nash", "individual", "contractual")
#: The choices of ``method=`` of the stability checks (the definition, checked directly).
STABILITY_METHODS = ("definition",)
#: The choices of ``method=`` of :func:`best_response_dynamics` (players move in turn).
DYNAMICS_METHODS = ("round-robin",)

_GAME = """\
game : HedonicGame
    Every player's utility for every coalition that contains it."""
_PARTITION = """\
partition : sequence of coalitions
    Each player in exactly one coalition (a list of names)."""
_ATOL = """\
atol : float
    A deviation counts only when it raises each deviator's utility by more than ``atol``;
    a player whose consent a move needs may lose up to ``atol``."""
_METHOD = """\
method : {"definition"}
    Check the definition directly (the only method)."""
_PARAMETERS = "\n".join((_GAME, _PARTITION, _ATOL, _METHOD))
_IS_STABLE = """\
bool
    True when the partition is stable in the sense of the summary line."""
_BOGOMOLNAIA_JACKSON = """\
.. [1] Bogomolnaia, A. and Jackson, M. O. (2002). The stability of hedonic coalition
   structures. *Games and Economic Behavior* 38(2), 201-230."""
_REFERENCES = f"References\n----------\n{_BOGOMOLNAIA_JACKSON}"


#: How to build the game a function needs, for its error.
_HEDONIC_HINT = "build one with HedonicGame.additively_separable(values) or from_rankings(...)"


class _Partition(NamedTuple):
    """A partition as bitmasks: its coalitions, and the coalition of each player (the two
    lists change together when a player moves)."""

    masks: list[int]
    owner: list[int]


def _state(game: Any, partition: Any, function: str) -> tuple[HedonicGame, _Partition]:
    """The checked game and ``partition`` as a :class:`_Partition` of it."""
    game = check_instance(
        game, HedonicGame, function, error=InvalidProblemError, hint=_HEDONIC_HINT
    )
    masks = partition_masks(partition, game.players, what="partition")
    owner = [0] * game.n_players
    for mask in masks:
        for i in range(game.n_players):
            if mask >> i & 1:
                owner[i] = mask
    return game, _Partition(masks, owner)


def _moves(
    game: HedonicGame,
    state: _Partition,
    rule: str,
    atol: float,
    players: Iterable[int] | None = None,
):
    """Every allowed profitable move ``(gain, i, old, target)`` of a partition, in order."""
    atol = check_tolerance(atol, "hedonic stability")
    movers = list(range(game.n_players) if players is None else players)
    if game.is_additively_separable:
        return _separable_moves(game, state, rule, atol, movers)
    masks, owner = state
    u = game.member_utility
    out = []
    for i in movers:
        bit = 1 << i
        old = owner[i]
        current = u(i, old)
        for target in [m for m in masks if m != old] + ([0] if old != bit else []):
            new = target | bit
            gain = u(i, new) - current
            if gain <= atol:
                continue
            if rule in ("individual", "contractual"):
                hosts = mask_members(target, game.n_players)
                if any(u(j, new) < u(j, target) - atol for j in hosts):
                    continue
            if rule == "contractual":
                left = old & ~bit
                partners = mask_members(left, game.n_players)
                if any(u(j, left) < u(j, old) - atol for j in partners):
                    continue
            out.append((gain, i, old, target))
    return out


def _separable_moves(
    game: HedonicGame, state: _Partition, rule: str, atol: float, movers: list[int]
):
    """:func:`_moves` for an additively separable game, with whole-matrix operations.

    With the membership matrix ``M`` (players x coalitions), ``A = V M`` holds every player's
    utility for every coalition of the partition (the diagonal of ``V`` is zero), so the gains
    of the movers' moves cost one matrix product. A host ``j`` of ``T`` welcomes ``i`` when
    ``v_ji >= -atol`` and an old partner lets ``i`` go when ``v_ji <= atol``, so those tests
    are minima and maxima of column ``i`` of ``V`` over each coalition: O(n k) per mover for
    k coalitions, instead of O(n k) utility sums of n terms each.
    """
    n, (masks, owner) = game.n_players, state
    values = game.separable_values
    assert values is not None  # _moves calls this only for an additively separable game
    index = {mask: b for b, mask in enumerate(masks)}
    block = np.array([index[owner[j]] for j in range(n)])
    members = np.zeros((n, len(masks)), dtype=bool)
    members[np.arange(n), block] = True
    utility = values[movers] @ members  # u_i(T), or u_i(T + i) if i is not in T
    # a gain within this of atol may have been rounded across it: recompute it exactly
    rounding = 4 * n * np.finfo(np.float64).eps * np.abs(values[movers]).sum(axis=1)
    out = []
    for row, i in enumerate(movers):
        bit = 1 << i
        old = owner[i]
        own = block[i]
        current = utility[row, own]
        column = values[:, i]
        if rule == "contractual" and old != bit:
            partners = members[:, own].copy()
            partners[i] = False
            if column[partners].max() > atol:
                continue  # an old partner would lose from i leaving
        if rule != "nash":
            hosts_ok = np.where(members, column[:, None], np.inf).min(axis=0) >= -atol
        for target in [m for m in masks if m != old] + ([0] if old != bit else []):
            gain = (utility[row, index[target]] if target else 0.0) - current
            if abs(gain - atol) <= rounding[row]:
                gain = _exact_gain(
                    values[i], members[:, index[target]] if target else None, members[:, own]
                )
            if gain <= atol:
                continue
            if rule != "nash" and target and not hosts_ok[index[target]]:
                continue  # a host would lose from i joining
            out.append((float(gain), i, old, target))
    return out


def _exact_gain(row: np.ndarray, target: np.ndarray | None, own: np.ndarray) -> float:
    """``u_i(T + i) - u_i(S)`` from player i's row of values, correctly rounded (``fsum``),
    so its sign is the sign of the exact difference: a gain of 1e-162 next to a utility of
    1 is not lost to rounding."""
    gained = row[target].tolist() if target is not None else []
    return math.fsum([*gained, *(-row[own]).tolist()])


def _move_witness(game: HedonicGame, move) -> dict:
    _, i, old, target = move
    return {
        "player": game.players[i],
        "from": names_of(old, game.players),
        "to": names_of(target | 1 << i, game.players),
    }


def _blocking_coalition(game: HedonicGame, owner: list[int], atol: float) -> int | None:
    atol = check_tolerance(atol, "is_core_stable")
    n = game.n_players
    current = game.utilities[np.arange(n), np.array(owner, dtype=np.int64)]
    bits = bit_matrix(n).astype(bool)
    happier = game.utilities > current[:, None] + atol
    blocks = np.all(happier | ~bits, axis=0)
    blocks[0] = False
    found = np.flatnonzero(blocks)
    return int(found[0]) if found.size else None


def _stability_check(
    name: str, stable: Callable[[HedonicGame, _Partition, float], bool], doc: str
) -> Callable[..., bool]:
    """The public check ``name`` of one stability notion: ``stable(game, state, atol)`` on
    the checked game and partition, documented by ``doc`` (its ``{{sections}}`` marker
    filled with the Parameters, Returns and References)."""

    def check(
        game: HedonicGame, partition: Any, *, atol: float = 1e-9, method: str = "definition"
    ) -> bool:
        game, state = _state(game, partition, name)
        return stable(game, state, atol)

    check.__name__ = check.__qualname__ = name
    check.__doc__ = doc
    sections = (
        f"Parameters\n----------\n{_PARAMETERS}\n\nReturns\n-------\n{_IS_STABLE}\n\n"
        f"References\n----------\n{_REFERENCE[name]}"
    )
    return front_door(STABILITY_METHODS)(fill_doc(sections=sections)(check))


def _no_move(rule: str) -> Callable[[HedonicGame, _Partition, float], bool]:
    """Stability for a single-player deviation ``rule``: no allowed profitable move."""
    return lambda game, state, atol: not _moves(game, state, rule, atol)


#: The reference of each stability check.
_REFERENCE = {
    "is_core_stable": """\
.. [1] Banerjee, S., Konishi, H. and Sonmez, T. (2001). Core in a simple coalition
   formation game. *Social Choice and Welfare* 18, 135-153.""",
    **dict.fromkeys(
        ("is_nash_stable", "is_individually_stable", "is_contractually_individually_stable"),
        _BOGOMOLNAIA_JACKSON,
    ),
}

_CORE_DOC = r"""Whether no coalition blocks the partition.

    A coalition ``S`` blocks :math:`\pi` when every member strictly prefers ``S`` to its own
    coalition :math:`\pi(i)`. The partition is core stable when no coalition blocks it. It is
    checked in one vectorised pass over the ``n x 2**n`` utility table.

    {{sections}}

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, is_core_stable
    >>> game = HedonicGame.additively_separable([[0, 1], [1, 0]], players=["a", "b"])
    >>> is_core_stable(game, [["a"], ["b"]]), is_core_stable(game, [["a", "b"]])
    (False, True)
    """

_NASH_DOC = r"""Whether no player prefers to move to another coalition of the partition or be alone.

    :math:`\pi` is Nash stable if :math:`u_i(\pi(i)) \ge u_i(T \cup \{i\})` for every player
    ``i`` and every ``T`` in :math:`\pi` or the empty coalition.

    {{sections}}

    Examples
    --------
    ``a`` likes ``b`` but ``b`` dislikes ``a``: no partition is Nash stable.

    >>> from coalitions.formation import HedonicGame, is_nash_stable
    >>> game = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> is_nash_stable(game, [["a"], ["b"]]), is_nash_stable(game, [["a", "b"]])
    (False, False)
    """

_INDIVIDUAL_DOC = r"""Whether no player can move to a coalition that it prefers and that accepts it.

    A move of ``i`` to ``T`` (in the partition, or the empty coalition) is allowed when ``i``
    strictly prefers ``T + i`` and every member of ``T`` weakly prefers ``T + i`` to ``T``.

    {{sections}}

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, is_individually_stable
    >>> game = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> is_individually_stable(game, [["a"], ["b"]])
    True
    """

_CONTRACTUAL_DOC = r"""Whether no allowed move exists that the mover's old partners also consent to.

    As :func:`is_individually_stable`, but a move is only allowed when in addition every
    member of :math:`\pi(i) \setminus \{i\}` weakly prefers it without ``i``. Nash stable
    implies individually stable implies contractually individually stable.

    {{sections}}

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, is_contractually_individually_stable
    >>> game = HedonicGame.additively_separable([[0, -1], [1, 0]], players=["a", "b"])
    >>> is_contractually_individually_stable(game, [["a", "b"]])
    True
    """

is_core_stable = _stability_check(
    "is_core_stable",
    lambda game, state, atol: _blocking_coalition(game, state.owner, atol) is None,
    _CORE_DOC,
)
is_nash_stable = _stability_check("is_nash_stable", _no_move("nash"), _NASH_DOC)
is_individually_stable = _stability_check(
    "is_individually_stable", _no_move("individual"), _INDIVIDUAL_DOC
)
is_contractually_individually_stable = _stability_check(
    "is_contractually_individually_stable", _no_move("contractual"), _CONTRACTUAL_DOC
)


@front_door(STABILITY_METHODS)
@fill_doc(parameters=_PARAMETERS, references=_REFERENCES)
def hedonic_stability(
    game: HedonicGame, partition: Any, *, atol: float = 1e-9, method: str = "definition"
) -> HedonicStabilityResult:
    """All four stability notions of a partition, with a deviation witnessing each failure.

    Core stability reads every coalition, so above 20 players (additively separable games)
    ``core_stable`` is None and only the three single-player notions are checked.

    Parameters
    ----------
    {{parameters}}

    Returns
    -------
    HedonicStabilityResult
        ``core_stable``, ``nash_stable``, ``individually_stable`` and
        ``contractually_individually_stable``, and in ``witnesses`` for each notion that
        fails a blocking coalition (core) or a move ``{"player", "from", "to"}``.

    {{references}}

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, hedonic_stability
    >>> game = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> report = hedonic_stability(game, [["a"], ["b"]])
    >>> report.nash_stable, report.individually_stable, report.witnesses["nash"]
    (False, True, {'player': 'a', 'from': ('a',), 'to': ('a', 'b')})
    """
    game, state = _state(game, partition, "hedonic_stability")
    witnesses: dict = {}
    if game.n_players <= MAX_HEDONIC_PLAYERS:
        blocking = _blocking_coalition(game, state.owner, atol)
        core_stable: bool | None = blocking is None
        witnesses["core"] = None if blocking is None else names_of(blocking, game.players)
    else:
        core_stable, witnesses["core"] = None, "not checked: more than 20 players"
    flags = {}
    for rule in DYNAMICS_RULES:
        moves = _moves(game, state, rule, atol)
        flags[rule] = not moves
        witnesses[rule] = _move_witness(game, moves[0]) if moves else None
    return HedonicStabilityResult(
        partition=partition_names(state.masks, game.players),
        core_stable=core_stable,
        nash_stable=flags["nash"],
        individually_stable=flags["individual"],
        contractually_individually_stable=flags["contractual"],
        witnesses=witnesses,
        players=game.players,
        concept="hedonic-stability",
        method="definition",
        exact=True,
    )


@front_door(("sum",))
@fill_doc(game=_GAME, partition=_PARTITION, references=_REFERENCES)
def hedonic_potential(game: HedonicGame, partition: Any, *, method: str = "sum") -> float:
    r"""Potential of a partition in a symmetric additively separable game.

    .. math:: \Phi(\pi) = \sum_{C \in \pi} \sum_{i < j \in C} v_{ij}

    When ``i`` moves from ``S`` to ``T``, ``Phi`` changes by exactly ``i``'s utility gain
    (symmetry makes the partners' losses and gains cancel against ``i``'s), so every
    Nash-improving move raises ``Phi`` and best-response dynamics stop at a Nash-stable
    partition; the partition maximising ``Phi`` is Nash stable (Bogomolnaia and Jackson 2002).

    Parameters
    ----------
    {{game}}
    {{partition}}
    method : {"sum"}
        Sum the values of the pairs that share a coalition (the only method).

    Returns
    -------
    float
        :math:`\Phi(\pi)`.

    Raises
    ------
    InvalidProblemError
        If the game is not symmetric additively separable (``v_ij = v_ji``), or
        ``partition`` does not put each of its players in exactly one coalition.

    {{references}}

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, hedonic_potential
    >>> game = HedonicGame.additively_separable([[0, 2, -1], [2, 0, 1], [-1, 1, 0]],
    ...                                         players=["a", "b", "c"])
    >>> hedonic_potential(game, [["a", "b"], ["c"]]), hedonic_potential(game, [["a", "b", "c"]])
    (2.0, 2.0)
    """
    game = check_instance(
        game, HedonicGame, "hedonic_potential", error=InvalidProblemError, hint=_HEDONIC_HINT
    )
    if not game.is_symmetric:
        raise InvalidProblemError(
            "the potential exists for symmetric additively separable games (v_ij = v_ji); "
            "this game is not one."
        )
    masks = partition_masks(partition, game.players, what="partition")
    return _potential(game, masks)


def _potential(game: HedonicGame, masks: Iterable[int]) -> float:
    # Each pair inside a coalition is counted twice in the sum of members' utilities.
    if game.is_additively_separable:
        owner = {}
        for mask in masks:
            for j in range(game.n_players):
                if mask >> j & 1:
                    owner[j] = mask
        return _separable_potential(game, [owner[j] for j in range(game.n_players)])
    return float(
        sum(game.member_utility(i, m) for m in masks for i in range(game.n_players) if m >> i & 1)
        / 2
    )


def _separable_potential(game: HedonicGame, owner: list[int]) -> float:
    """The potential from each player's coalition: half the sum of ``v_ij`` over the pairs
    that share one."""
    labels: dict[int, int] = {}
    block = np.array([labels.setdefault(mask, len(labels)) for mask in owner])
    same = block[:, None] == block[None, :]
    values = game.separable_values
    assert values is not None  # called only for an additively separable game
    return float((values * same).sum() / 2)


@front_door(DYNAMICS_METHODS)
@fill_doc(references=_REFERENCES)
def best_response_dynamics(
    game: HedonicGame,
    partition: Any = None,
    *,
    rule: str = "nash",
    max_rounds: int = 1000,
    atol: float = 1e-9,
    method: str = "round-robin",
) -> DynamicsResult:
    """Let players move, one at a time, to their best allowed coalition until nobody moves.

    Players take turns in player order. On its turn a player moves to the allowed coalition
    (another coalition of the partition, or alone) it likes best, if it strictly prefers it
    to its own; ties go to the first coalition found.

    Parameters
    ----------
    game : HedonicGame
    partition : list of coalitions, optional
        The starting partition; default every player alone.
    rule : {"nash", "individual", "contractual"}
        Which moves are allowed: any profitable move (Nash), moves the new coalition accepts
        (individual), or moves both the new and the old coalition accept (contractual).
    max_rounds : int
        Stop after this many rounds (a round gives every player one turn).
    atol : float
        A move must raise the mover's utility by more than ``atol``.
    method : {"round-robin"}
        Players take turns in player order (the only method).

    Returns
    -------
    DynamicsResult
        The final partition, ``converged`` and the stopping rule that fired: ``"stable"``
        (a full round without a move: the partition is stable for ``rule``), ``"cycle"`` (the
        same partition came back at the same turn, so the deterministic dynamics loop for
        ever) or ``"max_rounds"``. In a symmetric additively separable game ``potentials``
        records the potential, which rises with every move, so the dynamics converge.

    {{references}}

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, best_response_dynamics
    >>> friends = HedonicGame.additively_separable(
    ...     [[0, 3, -2, 0], [3, 0, 1, -1], [-2, 1, 0, 2], [0, -1, 2, 0]],
    ...     players=["a", "b", "c", "d"])
    >>> run = best_response_dynamics(friends)
    >>> run.partition, run.stopping_reason, run.potentials
    ((('a', 'b'), ('c', 'd')), 'stable', (3.0, 5.0))

    Without symmetry the dynamics may cycle:

    >>> chase = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> best_response_dynamics(chase).stopping_reason
    'cycle'
    """
    check_choice(rule, DYNAMICS_RULES, what="rule")
    if (
        isinstance(max_rounds, bool)
        or not isinstance(max_rounds, (int, np.integer))
        or max_rounds < 1
    ):
        raise InvalidProblemError(f"max_rounds must be a positive integer, got {max_rounds!r}.")
    if partition is None:
        partition = [[p] for p in getattr(game, "players", ())]
    game, state = _state(game, partition, "best_response_dynamics")
    n, (masks, owner) = game.n_players, state
    symmetric = game.is_symmetric
    moves: list = []
    potentials: list = []
    seen: set = set()
    reason, turn, idle = "max_rounds", 0, 0
    while turn < max_rounds * n:
        if idle >= n:
            reason = "stable"
            break
        i = turn % n
        key = (frozenset(masks), i)
        if key in seen:
            reason = "cycle"
            break
        seen.add(key)
        turn += 1
        options = _moves(game, state, rule, atol, players=(i,))
        if not options:
            idle += 1
            continue
        idle = 0
        best = max(m[0] for m in options)
        _, _, old, target = next(m for m in options if m[0] == best)
        bit = 1 << i
        masks.remove(old)
        if old != bit:
            masks.append(old & ~bit)
            for j in range(n):
                if old >> j & 1 and j != i:
                    owner[j] = old & ~bit
        if target:
            masks.remove(target)
            for j in range(n):
                if target >> j & 1:
                    owner[j] = target | bit
        masks.append(target | bit)
        owner[i] = target | bit
        moves.append(
            (game.players[i], names_of(old, game.players), names_of(target | bit, game.players))
        )
        if symmetric:
            potentials.append(_separable_potential(game, owner))
    else:
        if idle >= n:
            reason = "stable"
    rounds = -(-turn // n)
    return DynamicsResult(
        partition=partition_names(masks, game.players),
        converged=reason == "stable",
        stopping_reason=reason,
        rule=rule,
        n_moves=len(moves),
        n_rounds=rounds,
        moves=tuple(moves),
        potentials=tuple(potentials),
        players=game.players,
        concept="best-response-dynamics",
        method="round-robin",
        exact=True,
        status=0 if reason == "stable" else 2,
        message={
            "stable": "",
            "cycle": "the dynamics cycle",
            "max_rounds": "stopped at max_rounds",
        }.get(reason, reason),
    )
