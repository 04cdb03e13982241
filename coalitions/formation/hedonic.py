"""Hedonic games: each player cares only about the coalition it belongs to.

A hedonic game gives every player ``i`` a utility ``u_i(S)`` over the coalitions ``S`` that
contain it. Stability of a partition is judged by who would rather be elsewhere: core
stability (groups), Nash stability (lone movers), individual stability (movers the hosts
accept) and contractual individual stability (movers whose old partners also let go).
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .._bits import bit_matrix, mask_members
from .._checks import check_choice, check_instance, check_tolerance, name_list
from ..exceptions import InvalidProblemError, TooLargeError
from .._players import PlayerSet, names_of, unknown_player
from ..results import DynamicsResult, HedonicStabilityResult
from ._partitions import named_coalition_mask, partition_masks, partition_names

__all__ = ["HedonicGame", "is_core_stable", "is_nash_stable", "is_individually_stable",
           "is_contractually_individually_stable", "hedonic_stability",
           "best_response_dynamics", "hedonic_potential"]

#: Largest number of players of a hedonic game stored as a utility table (n * 2**n floats);
#: also the limit for core stability, which reads every coalition.
MAX_HEDONIC_PLAYERS = 20
#: Largest number of players of an additively separable game (no table is stored).
MAX_SEPARABLE_PLAYERS = 1000
DYNAMICS_RULES = ("nash", "individual", "contractual")


def _check_names(players: Iterable[Any], limit: int = MAX_HEDONIC_PLAYERS) -> tuple[str, ...]:
    names = tuple(name_list(players, "players", InvalidProblemError))
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise InvalidProblemError(f"player names must be non-empty strings, got {name!r}.")
    if len(set(names)) != len(names):
        raise InvalidProblemError("player names must be distinct.")
    if not names:
        raise InvalidProblemError("a hedonic game needs at least one player.")
    if len(names) > limit:
        raise TooLargeError(
            f"a hedonic game of {len(names)} players with general preferences needs a table "
            f"of {len(names)} x 2**{len(names)} utilities; the limit is {limit} players. "
            "Additively separable games (HedonicGame.additively_separable) need no table."
            if limit == MAX_HEDONIC_PLAYERS else
            f"an additively separable game is limited to {limit} players, got {len(names)}."
        )
    return names


def _finite(value: Any, where: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidProblemError(f"{where} must be a number, got {value!r}.") from None
    if math.isnan(number):
        raise InvalidProblemError(f"{where} is NaN; utilities must be numbers.")
    return number


class HedonicGame(PlayerSet):
    """A hedonic game: utilities of each player over the coalitions that contain it.

    Build one with :meth:`additively_separable`, :meth:`from_utilities` or
    :meth:`from_rankings`; the constructor takes a table ``utilities[i, S]`` (float, shape
    ``(n, 2**n)``, entries where player ``i`` is not in mask ``S`` are ignored).

    Examples
    --------
    >>> from coalitions.formation import HedonicGame
    >>> game = HedonicGame.additively_separable([[0, 2, -1], [2, 0, 1], [-1, 1, 0]],
    ...                                         players=["a", "b", "c"])
    >>> game.utility("a", ["a", "b"]), game.utility("b", ["a", "b", "c"])
    (2.0, 3.0)
    >>> game.is_symmetric
    True
    """

    __slots__ = ("_players", "_table", "_separable", "_index")

    def __init__(self, utilities: Any, players: Iterable[str] | None = None, *,
                 separable: Any = None) -> None:
        if utilities is None and separable is not None:
            # Additively separable: utilities are computed from the matrix on demand.
            self._players = tuple(players)
            self._table = None
            self._separable = separable
            self._index = {name: i for i, name in enumerate(self._players)}
            return
        try:
            table = np.asarray(utilities, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidProblemError(
                "a utility table is an (n, 2**n) array of numbers; use "
                "HedonicGame.from_utilities or additively_separable to build a game from "
                f"mappings, got {type(utilities).__name__}.") from None
        if table.ndim != 2 or table.shape[1] != 1 << table.shape[0]:
            raise InvalidProblemError(
                f"a utility table has shape (n, 2**n), got {table.shape}; use "
                "HedonicGame.from_utilities or additively_separable to build a game."
            )
        n = table.shape[0]
        names = _check_names(players if players is not None else
                             [str(i + 1) for i in range(n)])
        if len(names) != n:
            raise InvalidProblemError(f"{len(names)} player names for {n} players.")
        if np.isnan(table).any():
            raise InvalidProblemError("utilities contain NaN; every utility must be a number.")
        table.setflags(write=False)
        self._players = names
        self._table = table
        self._separable = separable
        self._index = {name: i for i, name in enumerate(names)}

    # ------------------------------------------------------------------ constructors
    @classmethod
    def additively_separable(cls, values: Any, players: Iterable[str] | None = None
                             ) -> "HedonicGame":
        r"""Additively separable game: ``u_i(S) = sum over j in S, j != i of values[i][j]``.

        Parameters
        ----------
        values : (n, n) array_like
            ``values[i][j]`` is what player ``i`` gets from sharing a coalition with ``j``; the
            diagonal is ignored. Symmetric (``v_ij = v_ji``) games have a potential.
        players : sequence of str, optional
        """
        matrix = np.array(values, dtype=np.float64) if not isinstance(values, np.ndarray) \
            else values.astype(np.float64)
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] == 0:
            raise InvalidProblemError(
                f"additively separable values form a square n x n matrix, got shape "
                f"{matrix.shape}."
            )
        if not np.isfinite(matrix).all():
            raise InvalidProblemError("additively separable values must be finite numbers.")
        n = matrix.shape[0]
        names = _check_names(players if players is not None else
                             [str(i + 1) for i in range(n)], MAX_SEPARABLE_PLAYERS)
        if len(names) != n:
            raise InvalidProblemError(
                f"{len(names)} player names for a {n} x {n} matrix of values."
            )
        np.fill_diagonal(matrix, 0.0)
        matrix.setflags(write=False)
        return cls(None, names, separable=matrix)

    @classmethod
    def from_utilities(cls, utilities: Mapping[str, Mapping[Any, Any]],
                       players: Iterable[str] | None = None, *, default: float = 0.0
                       ) -> "HedonicGame":
        """General game from ``{player: {coalition: utility}}``.

        A coalition may be listed with or without the player itself; coalitions a player does
        not list are worth ``default`` to it.

        Examples
        --------
        >>> from coalitions.formation import HedonicGame
        >>> game = HedonicGame.from_utilities({"a": {"ab": 1}, "b": {"b": 1}},
        ...                                   players=["a", "b"])
        >>> game.utility("a", ["a", "b"]), game.utility("b", ["a", "b"])
        (1.0, 0.0)
        """
        if not isinstance(utilities, Mapping):
            raise InvalidProblemError(
                "from_utilities needs {player: {coalition: utility}}, got "
                f"{type(utilities).__name__}."
            )
        names = _check_names(players if players is not None else list(utilities))
        index = {name: i for i, name in enumerate(names)}
        table = np.full((len(names), 1 << len(names)), _finite(default, "default"))
        for player, entries in utilities.items():
            if player not in index:
                raise unknown_player(player, names, where="utilities",
                                     error=InvalidProblemError)
            if not isinstance(entries, Mapping):
                raise InvalidProblemError(
                    f"utilities[{player!r}] must map coalitions to numbers."
                )
            i = index[player]
            for coalition, value in entries.items():
                mask = _coalition_mask(coalition, index) | 1 << i
                table[i, mask] = _finite(value, f"utility of {player!r} for {coalition!r}")
        return cls(table, names)

    @classmethod
    def from_rankings(cls, rankings: Mapping[str, Sequence[Any]],
                      players: Iterable[str] | None = None) -> "HedonicGame":
        """General game from strict rankings, best coalition first.

        Each player lists coalitions that contain it (the player may be left out of each
        listed coalition); coalitions it does not list rank below every listed one, tied
        with each other. The k-th of m listed coalitions gets utility ``m - k`` (k from 0),
        unlisted ones get -1.

        Examples
        --------
        >>> from coalitions.formation import HedonicGame
        >>> game = HedonicGame.from_rankings({"a": [["a", "b"], ["a"]],
        ...                                   "b": [["b"], ["a", "b"]]})
        >>> game.prefers("a", ["a", "b"], ["a"]), game.prefers("b", ["a", "b"], ["b"])
        (True, False)
        """
        if not isinstance(rankings, Mapping):
            raise InvalidProblemError(
                "from_rankings needs {player: [coalition, ...]} (best first), got "
                f"{type(rankings).__name__}."
            )
        names = _check_names(players if players is not None else list(rankings))
        index = {name: i for i, name in enumerate(names)}
        table = np.full((len(names), 1 << len(names)), -1.0)
        for player, ranking in rankings.items():
            if player not in index:
                raise unknown_player(player, names, where="rankings",
                                     error=InvalidProblemError)
            if isinstance(ranking, (str, Mapping)):
                raise InvalidProblemError(
                    f"the ranking of {player!r} must be a list of coalitions, best first."
                )
            i = index[player]
            ranking = list(ranking)
            seen = set()
            for k, coalition in enumerate(ranking):
                mask = _coalition_mask(coalition, index) | 1 << i
                if mask in seen:
                    raise InvalidProblemError(
                        f"the ranking of {player!r} lists {names_of(mask, names)} twice."
                    )
                seen.add(mask)
                table[i, mask] = len(ranking) - k
        return cls(table, names)

    # ------------------------------------------------------------------ accessors
    @property
    def utilities(self) -> np.ndarray:
        """Read-only table ``[i, S]`` of utilities (meaningful where bit i of S is set).

        Built on first use for an additively separable game (at most 20 players)."""
        if self._table is None:
            n = self.n_players
            if n > MAX_HEDONIC_PLAYERS:
                raise TooLargeError(
                    f"the utility table of {n} players has {n} x 2**{n} entries; the limit "
                    f"is {MAX_HEDONIC_PLAYERS} players (core stability reads every "
                    "coalition). Nash, individual and contractual stability and the "
                    "dynamics work without it."
                )
            table = self._separable @ bit_matrix(n)
            table.setflags(write=False)
            self._table = table
        return self._table

    def _u(self, i: int, mask: int) -> float:
        """Utility of player ``i`` for the coalition ``mask`` (which contains i)."""
        if self._table is not None:
            return float(self._table[i, mask])
        row = self._separable[i]
        total, j = 0.0, 0
        while mask:
            if mask & 1:
                total += row[j]
            mask >>= 1
            j += 1
        return float(total)

    @property
    def separable_values(self) -> np.ndarray | None:
        """The matrix ``v_ij`` of an additively separable game (else None)."""
        return self._separable

    @property
    def is_additively_separable(self) -> bool:
        return self._separable is not None

    @property
    def is_symmetric(self) -> bool:
        """Additively separable with ``v_ij = v_ji`` (the game has a potential)."""
        return self._separable is not None and bool(
            np.allclose(self._separable, self._separable.T, rtol=0, atol=1e-12))

    def mask(self, coalition: Any) -> int:
        return _coalition_mask(coalition, self._index)

    def utility(self, player: str, coalition: Any) -> float:
        """``u_player(coalition)``; the player is added to the coalition if missing."""
        i = self._player(player)
        return self._u(i, self.mask(coalition) | 1 << i)

    def prefers(self, player: str, first: Any, second: Any, *, atol: float = 1e-9) -> bool:
        """Whether ``player`` strictly prefers coalition ``first`` to ``second``."""
        return self.utility(player, first) > self.utility(player, second) + atol

    def _player(self, player: str) -> int:
        try:
            return self._index[player]
        except (KeyError, TypeError):
            raise unknown_player(player, self._players, error=InvalidProblemError) from None

    def to_json(self) -> dict:
        """The game as a JSON document (``coalitions.write_game`` writes it): the matrix of
        an additively separable game, else every utility that differs from the most common
        one (which becomes ``"default"``)."""
        return _hedonic_to_json(self)

    def __repr__(self) -> str:
        kind = "additively separable" if self._separable is not None else "general"
        return f"HedonicGame(players={self._players!r}, {kind})"


def _coalition_mask(coalition: Any, index: Mapping[str, int]) -> int:
    if isinstance(coalition, str) and coalition not in index:
        # "ab" is shorthand for ["a", "b"] when every player name is one character.
        if all(ch in index for ch in coalition):
            return named_coalition_mask(list(coalition), index)
    return named_coalition_mask(coalition, index)


def _check_hedonic(game: Any, function: str) -> HedonicGame:
    return check_instance(game, HedonicGame, function, error=InvalidProblemError,
                          hint="build one with HedonicGame.additively_separable(values) or "
                               "HedonicGame.from_rankings(...)")


def _state(game: HedonicGame, partition: Any) -> tuple[list[int], np.ndarray]:
    masks = partition_masks(partition, game.players, what="partition")
    owner = [0] * game.n_players
    for mask in masks:
        for i in range(game.n_players):
            if mask >> i & 1:
                owner[i] = mask
    return masks, owner


def _moves(game: HedonicGame, masks: list[int], owner: list[int], rule: str, atol: float,
           players: Iterable[int] | None = None):
    """Every allowed profitable move ``(gain, i, old, target)`` of a partition, in order."""
    atol = check_tolerance(atol, "hedonic stability")
    if game.is_additively_separable:
        return _separable_moves(game, masks, owner, rule, atol, players)
    u = game._u
    out = []
    for i in range(game.n_players) if players is None else players:
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


def _separable_moves(game: HedonicGame, masks: list[int], owner: list[int], rule: str,
                     atol: float, players: Iterable[int] | None = None):
    """:func:`_moves` for an additively separable game, with whole-matrix operations.

    With the membership matrix ``M`` (players x coalitions), ``A = V M`` holds every player's
    utility for every coalition of the partition (the diagonal of ``V`` is zero), so the gains
    of the movers' moves cost one matrix product. A host ``j`` of ``T`` welcomes ``i`` when
    ``v_ji >= -atol`` and an old partner lets ``i`` go when ``v_ji <= atol``, so those tests
    are minima and maxima of column ``i`` of ``V`` over each coalition: O(n k) per mover for
    k coalitions, instead of O(n k) utility sums of n terms each.
    """
    n = game.n_players
    values = game.separable_values
    index = {mask: b for b, mask in enumerate(masks)}
    block = np.array([index[owner[j]] for j in range(n)])
    members = np.zeros((n, len(masks)), dtype=bool)
    members[np.arange(n), block] = True
    movers = list(range(n) if players is None else players)
    utility = values[movers] @ members             # u_i(T), or u_i(T + i) if i is not in T
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
                continue                             # an old partner would lose from i leaving
        if rule != "nash":
            hosts_ok = np.where(members, column[:, None], np.inf).min(axis=0) >= -atol
        for target in [m for m in masks if m != old] + ([0] if old != bit else []):
            gain = (utility[row, index[target]] if target else 0.0) - current
            if gain <= atol:
                continue
            if rule != "nash" and target and not hosts_ok[index[target]]:
                continue                             # a host would lose from i joining
            out.append((float(gain), i, old, target))
    return out


def _move_witness(game: HedonicGame, move) -> dict:
    _, i, old, target = move
    return {"player": game.players[i], "from": names_of(old, game.players),
            "to": names_of(target | 1 << i, game.players)}


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


def is_core_stable(game: HedonicGame, partition: Any, *, atol: float = 1e-9) -> bool:
    r"""Whether no coalition blocks the partition.

    A coalition ``S`` blocks :math:`\pi` when every member strictly prefers ``S`` to its own
    coalition :math:`\pi(i)`. The partition is core stable when no coalition blocks it.

    Notes
    -----
    One vectorised pass over the ``n x 2**n`` utility table.

    References
    ----------
    .. [1] Banerjee, S., Konishi, H. and Sonmez, T. (2001). Core in a simple coalition
       formation game. *Social Choice and Welfare* 18, 135-153.

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, is_core_stable
    >>> game = HedonicGame.additively_separable([[0, 1], [1, 0]], players=["a", "b"])
    >>> is_core_stable(game, [["a"], ["b"]]), is_core_stable(game, [["a", "b"]])
    (False, True)
    """
    game = _check_hedonic(game, "is_core_stable")
    _, owner = _state(game, partition)
    return _blocking_coalition(game, owner, atol) is None


def _is_stable(game, partition, rule, atol, function) -> bool:
    game = _check_hedonic(game, function)
    masks, owner = _state(game, partition)
    return not _moves(game, masks, owner, rule, atol)


def is_nash_stable(game: HedonicGame, partition: Any, *, atol: float = 1e-9) -> bool:
    r"""Whether no player prefers to move to another coalition of the partition or be alone.

    :math:`\pi` is Nash stable if :math:`u_i(\pi(i)) \ge u_i(T \cup \{i\})` for every player
    ``i`` and every ``T`` in :math:`\pi` or the empty coalition.

    References
    ----------
    .. [1] Bogomolnaia, A. and Jackson, M. O. (2002). The stability of hedonic coalition
       structures. *Games and Economic Behavior* 38(2), 201-230.

    Examples
    --------
    ``a`` likes ``b`` but ``b`` dislikes ``a``: no partition is Nash stable.

    >>> from coalitions.formation import HedonicGame, is_nash_stable
    >>> game = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> is_nash_stable(game, [["a"], ["b"]]), is_nash_stable(game, [["a", "b"]])
    (False, False)
    """
    return _is_stable(game, partition, "nash", atol, "is_nash_stable")


def is_individually_stable(game: HedonicGame, partition: Any, *, atol: float = 1e-9) -> bool:
    r"""Whether no player can move to a coalition that it prefers and that accepts it.

    A move of ``i`` to ``T`` (in the partition, or the empty coalition) is allowed when ``i``
    strictly prefers ``T + i`` and every member of ``T`` weakly prefers ``T + i`` to ``T``.

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, is_individually_stable
    >>> game = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> is_individually_stable(game, [["a"], ["b"]])
    True
    """
    return _is_stable(game, partition, "individual", atol, "is_individually_stable")


def is_contractually_individually_stable(game: HedonicGame, partition: Any, *,
                                         atol: float = 1e-9) -> bool:
    r"""Whether no allowed move exists that the mover's old partners also consent to.

    As :func:`is_individually_stable`, but a move is only allowed when in addition every
    member of :math:`\pi(i) \setminus \{i\}` weakly prefers it without ``i``. Nash stable
    implies individually stable implies contractually individually stable.

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, is_contractually_individually_stable
    >>> game = HedonicGame.additively_separable([[0, -1], [1, 0]], players=["a", "b"])
    >>> is_contractually_individually_stable(game, [["a", "b"]])
    True
    """
    return _is_stable(game, partition, "contractual", atol,
                      "is_contractually_individually_stable")


def hedonic_stability(game: HedonicGame, partition: Any, *, atol: float = 1e-9
                      ) -> HedonicStabilityResult:
    """All four stability notions of a partition, with a deviation witnessing each failure.

    Core stability reads every coalition, so above 20 players (additively separable games)
    ``core_stable`` is None and only the three single-player notions are checked.

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, hedonic_stability
    >>> game = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
    >>> report = hedonic_stability(game, [["a"], ["b"]])
    >>> report.nash_stable, report.individually_stable, report.witnesses["nash"]
    (False, True, {'player': 'a', 'from': ('a',), 'to': ('a', 'b')})
    """
    game = _check_hedonic(game, "hedonic_stability")
    masks, owner = _state(game, partition)
    witnesses: dict = {}
    if game.n_players <= MAX_HEDONIC_PLAYERS:
        blocking = _blocking_coalition(game, owner, atol)
        core_stable: bool | None = blocking is None
        witnesses["core"] = None if blocking is None else names_of(blocking, game.players)
    else:
        core_stable, witnesses["core"] = None, "not checked: more than 20 players"
    flags = {}
    for rule, name in (("nash", "nash"), ("individual", "individual"),
                       ("contractual", "contractual")):
        moves = _moves(game, masks, owner, rule, atol)
        flags[rule] = not moves
        witnesses[name] = _move_witness(game, moves[0]) if moves else None
    return HedonicStabilityResult(
        partition=partition_names(masks, game.players), core_stable=core_stable,
        nash_stable=flags["nash"], individually_stable=flags["individual"],
        contractually_individually_stable=flags["contractual"], witnesses=witnesses,
        players=game.players, concept="hedonic-stability", method="definition", exact=True)


def hedonic_potential(game: HedonicGame, partition: Any) -> float:
    r"""Potential of a partition in a symmetric additively separable game.

    .. math:: \Phi(\pi) = \sum_{C \in \pi} \sum_{i < j \in C} v_{ij}

    When ``i`` moves from ``S`` to ``T``, ``Phi`` changes by exactly ``i``'s utility gain
    (symmetry makes the partners' losses and gains cancel against ``i``'s), so every
    Nash-improving move raises ``Phi`` and best-response dynamics stop at a Nash-stable
    partition; the partition maximising ``Phi`` is Nash stable (Bogomolnaia and Jackson 2002).

    Raises
    ------
    InvalidProblemError
        If the game is not symmetric additively separable.

    Examples
    --------
    >>> from coalitions.formation import HedonicGame, hedonic_potential
    >>> game = HedonicGame.additively_separable([[0, 2, -1], [2, 0, 1], [-1, 1, 0]],
    ...                                         players=["a", "b", "c"])
    >>> hedonic_potential(game, [["a", "b"], ["c"]]), hedonic_potential(game, [["a", "b", "c"]])
    (2.0, 2.0)
    """
    game = _check_hedonic(game, "hedonic_potential")
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
    return float(sum(game._u(i, m) for m in masks for i in range(game.n_players)
                     if m >> i & 1) / 2)


def _separable_potential(game: HedonicGame, owner: list[int]) -> float:
    """The potential from each player's coalition: half the sum of ``v_ij`` over the pairs
    that share one."""
    labels: dict[int, int] = {}
    block = np.array([labels.setdefault(mask, len(labels)) for mask in owner])
    same = block[:, None] == block[None, :]
    return float((game.separable_values * same).sum() / 2)


def best_response_dynamics(game: HedonicGame, partition: Any = None, *, rule: str = "nash",
                           max_rounds: int = 1000, atol: float = 1e-9) -> DynamicsResult:
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

    Returns
    -------
    DynamicsResult
        The final partition, ``converged`` and the stopping rule that fired: ``"stable"``
        (a full round without a move: the partition is stable for ``rule``), ``"cycle"`` (the
        same partition came back at the same turn, so the deterministic dynamics loop for
        ever) or ``"max_rounds"``. In a symmetric additively separable game ``potentials``
        records the potential, which rises with every move, so the dynamics converge.

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
    game = _check_hedonic(game, "best_response_dynamics")
    check_choice(rule, DYNAMICS_RULES, what="rule")
    if isinstance(max_rounds, bool) or not isinstance(max_rounds, (int, np.integer)) \
            or max_rounds < 1:
        raise InvalidProblemError(f"max_rounds must be a positive integer, got {max_rounds!r}.")
    n = game.n_players
    if partition is None:
        partition = [[p] for p in game.players]
    masks, owner = _state(game, partition)
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
        options = _moves(game, masks, owner, rule, atol, players=(i,))
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
        moves.append((game.players[i], names_of(old, game.players),
                      names_of(target | bit, game.players)))
        if symmetric:
            potentials.append(_separable_potential(game, owner))
    else:
        if idle >= n:
            reason = "stable"
    rounds = -(-turn // n)
    return DynamicsResult(
        partition=partition_names(masks, game.players), converged=reason == "stable",
        stopping_reason=reason, rule=rule, n_moves=len(moves), n_rounds=rounds,
        moves=tuple(moves), potentials=tuple(potentials), players=game.players,
        concept="best-response-dynamics", method=rule, exact=True,
        status=0 if reason == "stable" else 2,
        message={"stable": "", "cycle": "the dynamics cycle",
                 "max_rounds": "stopped at max_rounds"}.get(reason, reason))


def _hedonic_to_json(game: HedonicGame) -> dict:
    """The JSON document of a hedonic game (see :meth:`HedonicGame.to_json`)."""
    from ..games.io import FORMAT_VERSION

    players = list(game.players)
    document: dict[str, Any] = {"type": "hedonic", "version": FORMAT_VERSION, "players": players}
    if game.is_additively_separable:
        document["values"] = game.separable_values.tolist()
        return document
    n = game.n_players
    table = game.utilities
    member = bit_matrix(n).astype(bool)
    # The most common utility becomes the default: only the other entries are listed.
    listed = np.concatenate([table[i, member[i]] for i in range(n)])
    values, counts = np.unique(listed, return_counts=True)
    default = float(values[np.argmax(counts)])
    utilities = {}
    for i, player in enumerate(players):
        own = np.flatnonzero(member[i] & (table[i] != default))
        utilities[player] = [
            {"members": list(names_of(mask, players)),
             "utility": float(table[i, mask])} for mask in own.tolist()]
    document["utilities"] = utilities
    document["default"] = default
    return document


def hedonic_game_from_json(document: Mapping[str, Any]) -> HedonicGame:
    """Build a hedonic game from a JSON document with ``"type": "hedonic"``.

    Exactly one of ``"values"`` (an n x n matrix: additively separable), ``"rankings"``
    (``{player: [coalition, ...]}``, best first) or ``"utilities"`` (``{player: [{"members":
    [...], "utility": u}, ...]}``, with an optional ``"default"``) must be present. The
    document is checked like every game document (see :func:`coalitions.read_game`).

    Raises
    ------
    InvalidGameError
        Naming the key or value that is wrong and how to fix it.

    Examples
    --------
    >>> from coalitions.formation.hedonic import hedonic_game_from_json
    >>> hedonic_game_from_json({"type": "hedonic", "players": ["a", "b"],
    ...                         "values": [[0, 1], [-1, 0]]})
    HedonicGame(players=('a', 'b'), additively separable)
    """
    from ..exceptions import InvalidGameError
    from ..games.io import game_from_json

    if not isinstance(document, Mapping) or document.get("type", "hedonic") != "hedonic":
        raise InvalidGameError("hedonic_game_from_json reads documents with \"type\": "
                               "\"hedonic\"; use coalitions.game_from_json for other games.")
    return game_from_json({**document, "type": "hedonic"})


def _hedonic_from_document(document: Mapping[str, Any]) -> HedonicGame:
    """A hedonic game from a document already checked against the schema."""
    from ..exceptions import InvalidGameError
    from ..games.io import coalition_mask, json_path

    players = document.get("players")
    try:
        if "values" in document:
            values = document["values"]
            n = len(values)
            for i, row in enumerate(values):
                if len(row) != n:
                    raise InvalidGameError(
                        f"values[{i}] has {len(row)} entr{'y' if len(row) == 1 else 'ies'}; "
                        f"the matrix of values is n x n, with n = {n} rows.")
            if players is not None and len(players) != n:
                raise InvalidGameError(f"values is a {n} x {n} matrix for {len(players)} "
                                       "players; give one row and one column per player.")
            return HedonicGame.additively_separable(values, players)
        key = "rankings" if "rankings" in document else "utilities"
        names = list(players) if players is not None else list(document[key])
        _check_names(names)
        index = {name: i for i, name in enumerate(names)}
        entries = document[key]
        for player in entries:
            if player not in index:
                raise unknown_player(player, names, where=json_path([key, player]))
        if key == "rankings":
            rankings = {player: [names_of(coalition_mask(c, index,
                                                         json_path(["rankings", player, k])),
                                          names) for k, c in enumerate(ranking)]
                        for player, ranking in entries.items()}
            return HedonicGame.from_rankings(rankings, names)
        mapping: dict[str, dict] = {}
        for player, listed in entries.items():
            own: dict[int, Any] = {}
            for k, entry in enumerate(listed):
                where = json_path(["utilities", player, k, "members"])
                mask = coalition_mask(entry["members"], index, where) | 1 << index[player]
                if mask in own:
                    raise InvalidGameError(
                        f"{where}: the coalition {names_of(mask, names)} is listed twice for "
                        f"{player!r}; list each coalition once.")
                own[mask] = entry["utility"]
            mapping[player] = {names_of(mask, names): u for mask, u in own.items()}
        return HedonicGame.from_utilities(mapping, names, default=document.get("default", 0.0))
    except InvalidProblemError as error:
        raise InvalidGameError(str(error)) from None
