"""Hedonic games: each player cares only about the coalition it belongs to.

A hedonic game gives every player ``i`` a utility ``u_i(S)`` over the coalitions ``S`` that
contain it. This module holds the object, its constructors and its JSON form; stability of
a partition and the dynamics are in :mod:`coalitions.formation.hedonic`.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import bit_matrix
from .._checks import name_list
from .._display import MAX_ITEMS, html_block
from .._frozen import Frozen, assign
from .._players import PlayerSet, mask_of, names_of, unknown_player
from ..exceptions import InvalidGameError, InvalidProblemError, TooLargeError

__all__ = ["HedonicGame", "hedonic_game_from_json", "MAX_HEDONIC_PLAYERS", "MAX_SEPARABLE_PLAYERS"]

MAX_HEDONIC_PLAYERS = 20
#: Largest number of players of an additively separable game (no table is stored).
MAX_SEPARABLE_PLAYERS = 1000


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
            if limit == MAX_HEDONIC_PLAYERS
            else f"an additively separable game is limited to {limit} players, got {len(names)}."
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


def _player_rows(
    given: Any, players: Iterable[str] | None, what: str, shape: str, default: Any
) -> tuple[tuple[str, ...], dict[str, int], np.ndarray, list[tuple[int, str, Any]]]:
    """Read ``{player: entries}`` (``what`` of a constructor, of the form ``shape``): the
    player names (``players``, default the keys), their positions, a ``(n, 2**n)`` table
    filled with ``default`` and ``(i, player, entries)`` for each key, every key checked."""
    if not isinstance(given, Mapping):
        raise InvalidProblemError(f"from_{what} needs {shape}, got {type(given).__name__}.")
    names = _check_names(players if players is not None else list(given))
    index = {name: i for i, name in enumerate(names)}
    table = np.full((len(names), 1 << len(names)), _finite(default, "default"))
    rows = []
    for player, entries in given.items():
        if player not in index:
            raise unknown_player(player, names, where=what, error=InvalidProblemError)
        rows.append((index[player], player, entries))
    return names, index, table, rows


def _utility_table(
    utilities: Any, players: Iterable[str] | None
) -> tuple[tuple[str, ...], np.ndarray]:
    """The player names and a read-only copy of an ``(n, 2**n)`` utility table, checked."""
    try:
        table = np.asarray(utilities, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidProblemError(
            "a utility table is an (n, 2**n) array of numbers; use "
            "HedonicGame.from_utilities or additively_separable to build a game from "
            f"mappings, got {type(utilities).__name__}."
        ) from None
    if table.ndim != 2 or table.shape[1] != 1 << table.shape[0]:
        raise InvalidProblemError(
            f"a utility table has shape (n, 2**n), got {table.shape}; use "
            "HedonicGame.from_utilities or additively_separable to build a game."
        )
    n = table.shape[0]
    names = _check_names(players if players is not None else [str(i + 1) for i in range(n)])
    if len(names) != n:
        raise InvalidProblemError(f"{len(names)} player names for {n} players.")
    if np.isnan(table).any():
        raise InvalidProblemError("utilities contain NaN; every utility must be a number.")
    # Our own copy, with the ignored entries (player i not in S) and -0.0 set to 0.0:
    # equal utilities then mean equal tables, bytes and hashes.
    table = np.where(bit_matrix(n).astype(bool), table, 0.0) + 0.0
    return names, nb.read_only(table)


class HedonicGame(Frozen, PlayerSet):
    """A hedonic game: utilities of each player over the coalitions that contain it.

    Build one with :meth:`additively_separable`, :meth:`from_utilities` or
    :meth:`from_rankings`; the constructor takes a table ``utilities[i, S]`` (float, shape
    ``(n, 2**n)``, entries where player ``i`` is not in mask ``S`` are ignored).

    Examples
    --------
    >>> from coalitions import HedonicGame
    >>> game = HedonicGame.additively_separable([[0, 2, -1], [2, 0, 1], [-1, 1, 0]],
    ...                                         players=["a", "b", "c"])
    >>> game.utility("a", ["a", "b"]), game.utility("b", ["a", "b", "c"])
    (2.0, 3.0)
    >>> game.is_symmetric
    True

    A game is immutable and hashable; two games are equal when they have the same players,
    the same form (additively separable or a table) and the same utilities:

    >>> game == HedonicGame.additively_separable([[0, 2, -1], [2, 0, 1], [-1, 1, 0]],
    ...                                          players=["a", "b", "c"])
    True
    >>> len({game, HedonicGame.from_rankings({"a": [["a"]]})})
    2
    """

    __slots__ = ("_players", "_table", "_separable", "_index", "_hash")
    # the slots' types, for the type checker (assign() sets them past __setattr__)
    _players: tuple[str, ...]
    _table: np.ndarray | None  # None until built, for an additively separable game
    _separable: np.ndarray | None  # the matrix v_ij of an additively separable game
    _index: dict[str, int]
    _hash: int | None

    def __init__(
        self, utilities: Any, players: Iterable[str] | None = None, *, separable: Any = None
    ) -> None:
        if utilities is None and separable is not None:
            # Additively separable: utilities are computed from the matrix on demand.
            # additively_separable() checks the matrix and names the players.
            if players is None:
                raise InvalidProblemError(
                    "an additively separable game needs its player names; build it with "
                    "HedonicGame.additively_separable(values, players)."
                )
            names, table = tuple(players), None
        else:
            names, table = _utility_table(utilities, players)
        assign(
            self,
            _players=names,
            _table=table,
            _separable=separable,
            _hash=None,
            _index={name: i for i, name in enumerate(names)},
        )

    # ------------------------------------------------------------------ constructors
    @classmethod
    def additively_separable(cls, values: Any, players: Iterable[str] | None = None) -> HedonicGame:
        r"""Additively separable game: ``u_i(S) = sum over j in S, j != i of values[i][j]``.

        Parameters
        ----------
        values : (n, n) array_like
            ``values[i][j]`` is what player ``i`` gets from sharing a coalition with ``j``; the
            diagonal is ignored. Symmetric (``v_ij = v_ji``) games have a potential.
        players : sequence of str, optional
        """
        matrix = (
            np.array(values, dtype=np.float64)
            if not isinstance(values, np.ndarray)
            else values.astype(np.float64)
        )
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or matrix.shape[0] == 0:
            raise InvalidProblemError(
                f"additively separable values form a square n x n matrix, got shape {matrix.shape}."
            )
        if not np.isfinite(matrix).all():
            raise InvalidProblemError("additively separable values must be finite numbers.")
        n = matrix.shape[0]
        names = _check_names(
            players if players is not None else [str(i + 1) for i in range(n)],
            MAX_SEPARABLE_PLAYERS,
        )
        if len(names) != n:
            raise InvalidProblemError(
                f"{len(names)} player names for a {n} x {n} matrix of values."
            )
        np.fill_diagonal(matrix, 0.0)
        matrix += 0.0  # -0.0 -> 0.0, so that equal games hash alike
        return cls(None, names, separable=nb.read_only(matrix))

    @classmethod
    def from_utilities(
        cls,
        utilities: Mapping[str, Mapping[Any, Any]],
        players: Iterable[str] | None = None,
        *,
        default: float = 0.0,
    ) -> HedonicGame:
        """General game from ``{player: {coalition: utility}}``.

        A coalition may be listed with or without the player itself; coalitions a player does
        not list are worth ``default`` to it.

        Examples
        --------
        >>> from coalitions import HedonicGame
        >>> game = HedonicGame.from_utilities({"a": {"ab": 1}, "b": {"b": 1}},
        ...                                   players=["a", "b"])
        >>> game.utility("a", ["a", "b"]), game.utility("b", ["a", "b"])
        (1.0, 0.0)
        """
        names, index, table, rows = _player_rows(
            utilities, players, "utilities", "{player: {coalition: utility}}", default
        )
        for i, player, entries in rows:
            if not isinstance(entries, Mapping):
                raise InvalidProblemError(f"utilities[{player!r}] must map coalitions to numbers.")
            for coalition, value in entries.items():
                mask = _coalition_mask(coalition, index) | 1 << i
                table[i, mask] = _finite(value, f"utility of {player!r} for {coalition!r}")
        return cls(table, names)

    @classmethod
    def from_rankings(
        cls, rankings: Mapping[str, Sequence[Any]], players: Iterable[str] | None = None
    ) -> HedonicGame:
        """General game from strict rankings, best coalition first.

        Each player lists coalitions that contain it (the player may be left out of each
        listed coalition); coalitions it does not list rank below every listed one, tied
        with each other. The k-th of m listed coalitions gets utility ``m - k`` (k from 0),
        unlisted ones get -1.

        Examples
        --------
        >>> from coalitions import HedonicGame
        >>> game = HedonicGame.from_rankings({"a": [["a", "b"], ["a"]],
        ...                                   "b": [["b"], ["a", "b"]]})
        >>> game.prefers("a", ["a", "b"], ["a"]), game.prefers("b", ["a", "b"], ["b"])
        (True, False)
        """
        names, index, table, rows = _player_rows(
            rankings, players, "rankings", "{player: [coalition, ...]} (best first)", -1.0
        )
        for i, player, ranking in rows:
            if isinstance(ranking, (str, Mapping)):
                raise InvalidProblemError(
                    f"the ranking of {player!r} must be a list of coalitions, best first."
                )
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
            assert self._separable is not None  # no table means additively separable
            table = nb.read_only(self._separable @ bit_matrix(n))
            assign(self, _table=table)
            return table
        return self._table

    def member_utility(self, i: int, mask: int) -> float:
        """Utility of player number ``i`` for the coalition ``mask`` (which contains bit i);
        the fast form of :meth:`utility` the stability checks use."""
        if self._table is not None:
            return float(self._table[i, mask])
        assert self._separable is not None  # no table means additively separable
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
            np.allclose(self._separable, self._separable.T, rtol=0, atol=1e-12)
        )

    def mask(self, coalition: Any) -> int:
        return _coalition_mask(coalition, self._index)

    def utility(self, player: str, coalition: Any) -> float:
        """``u_player(coalition)``; the player is added to the coalition if missing."""
        i = self._player(player)
        return self.member_utility(i, self.mask(coalition) | 1 << i)

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

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HedonicGame):
            return NotImplemented
        if self is other:
            return True
        if self._players != other._players or (self._separable is None) != (
            other._separable is None
        ):
            return False
        if self._separable is not None and other._separable is not None:
            return bool(np.array_equal(self._separable, other._separable))
        # neither is additively separable (checked above): both have a table
        return bool(np.array_equal(self.utilities, other.utilities))

    def __hash__(self) -> int:
        if self._hash is None:  # computed once, on first use
            stored = self._separable if self._separable is not None else self._table
            digest = hashlib.blake2b(np.ascontiguousarray(stored).data, digest_size=16).digest()
            value = hash(("HedonicGame", self._players, self._separable is not None, digest))
            assign(self, _hash=value)
            return value
        return self._hash

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the players and, for an additively separable game, the value
        each player puts on each other (the first columns of a large matrix)."""
        n = len(self._players)
        shown = self._players[:MAX_ITEMS]
        separable = self._separable
        summary: list[tuple[str, Any]] = [("players", n)]
        if separable is None:
            summary.append(("preferences", "general"))
            rows: Any = ((p,) for p in self._players)
            header = ["player"]
        else:
            summary.append(("preferences", "additively separable: row i values column j"))
            if n > len(shown):
                summary.append(("columns", f"showing {len(shown)} of {n}"))
            rows = ((p, *separable[i, : len(shown)]) for i, p in enumerate(self._players))
            header = ["player", *shown]
        return html_block("HedonicGame", summary, [(header, rows, n, "players")])

    def __repr__(self) -> str:
        kind = "additively separable" if self._separable is not None else "general"
        return f"HedonicGame(players={self._players!r}, {kind})"


def _coalition_mask(coalition: Any, index: Mapping[str, int]) -> int:
    if isinstance(coalition, str) and coalition not in index:
        # "ab" is shorthand for ["a", "b"] when every player name is one character.
        if all(ch in index for ch in coalition):
            return _named_mask(list(coalition), index)
    return _named_mask(coalition, index)


def _named_mask(coalition: Any, index: Mapping[str, int]) -> int:
    """Bitmask of a coalition of names; an unknown player raises InvalidProblemError."""
    try:
        shown = repr(list(coalition)) if not isinstance(coalition, str) else repr(coalition)
    except TypeError:
        shown = repr(coalition)
    return mask_of(coalition, index, where=f"coalition {shown}", error=InvalidProblemError)


def _hedonic_to_json(game: HedonicGame) -> dict:
    """The JSON document of a hedonic game (see :meth:`HedonicGame.to_json`)."""
    from .io import FORMAT_VERSION

    players = list(game.players)
    document: dict[str, Any] = {"type": "hedonic", "version": FORMAT_VERSION, "players": players}
    separable = game.separable_values
    if separable is not None:
        document["values"] = separable.tolist()
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
            {"members": list(names_of(mask, players)), "utility": float(table[i, mask])}
            for mask in own.tolist()
        ]
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
    >>> from coalitions.games.hedonic import hedonic_game_from_json
    >>> hedonic_game_from_json({"type": "hedonic", "players": ["a", "b"],
    ...                         "values": [[0, 1], [-1, 0]]})
    HedonicGame(players=('a', 'b'), additively separable)
    """
    from .io import game_from_json

    if not isinstance(document, Mapping) or document.get("type", "hedonic") != "hedonic":
        raise InvalidGameError(
            'hedonic_game_from_json reads documents with "type": '
            '"hedonic"; use coalitions.game_from_json for other games.'
        )
    return game_from_json({**document, "type": "hedonic"})


def _hedonic_from_document(document: Mapping[str, Any]) -> HedonicGame:
    """A hedonic game from a document already checked against the schema."""
    from .io import coalition_mask, json_path

    players = document.get("players")
    try:
        if "values" in document:
            values = document["values"]
            n = len(values)
            for i, row in enumerate(values):
                if len(row) != n:
                    raise InvalidGameError(
                        f"values[{i}] has {len(row)} entr{'y' if len(row) == 1 else 'ies'}; "
                        f"the matrix of values is n x n, with n = {n} rows."
                    )
            if players is not None and len(players) != n:
                raise InvalidGameError(
                    f"values is a {n} x {n} matrix for {len(players)} "
                    "players; give one row and one column per player."
                )
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
            rankings = {
                player: [
                    names_of(coalition_mask(c, index, json_path(["rankings", player, k])), names)
                    for k, c in enumerate(ranking)
                ]
                for player, ranking in entries.items()
            }
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
                        f"{player!r}; list each coalition once."
                    )
                own[mask] = entry["utility"]
            mapping[player] = {names_of(mask, names): u for mask, u in own.items()}
        return HedonicGame.from_utilities(mapping, names, default=document.get("default", 0.0))
    except InvalidProblemError as error:
        raise InvalidGameError(str(error)) from None
