"""Transferable-utility (TU) games."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import format_bytes, player_names
from .._display import coalition_label, html_block
from .._players import PlayerSet, as_names, mask_of, names_of
from ..exceptions import InvalidArgumentError, InvalidGameError, TooLargeError

__all__ = ["TUGame", "check_table_size", "MAX_TABLE_PLAYERS"]

#: Largest number of players for which a dense 2**n table is allowed at all (8 GiB of float64).
MAX_TABLE_PLAYERS = 30
#: Largest n for exact (Fraction) or symbolic tables: object arrays cost ~100 bytes a value.
MAX_OBJECT_TABLE_PLAYERS = 22
#: Largest n for which building a table calls a Python function once per coalition.
MAX_FUNCTION_PLAYERS = 22


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # pragma: no cover - non-POSIX
        return 16 << 30


def check_table_size(
    n: int, kind: str = nb.FLOAT, *, what: str = "an exact table", hint: str = ""
) -> None:
    """Raise :class:`TooLargeError` if a 2**n table of ``kind`` values is too large here.

    ``hint`` is appended to the message (e.g. how to get a float table instead)."""
    per_value = 8 if kind == nb.FLOAT else 100
    need = float(2**n) * per_value
    limit = MAX_TABLE_PLAYERS if kind == nb.FLOAT else MAX_OBJECT_TABLE_PLAYERS
    if n > limit or need > 0.6 * _physical_memory():
        raise TooLargeError(
            f"{what} for {n} players needs 2**{n} values, about {format_bytes(need)} of "
            f"memory ({kind} values); the limit here is {limit} players for {kind} tables. "
            "Use a method that needs no table instead: power indices of a weighted voting "
            "game (generating functions), or a sampling estimator on a value oracle "
            "(method='permutation')." + hint
        )


_FLOAT_HINT = (
    f" For a float game (up to {MAX_TABLE_PLAYERS} players) give float values, "
    "e.g. numpy.asarray(values, dtype=float)."
)
#: Python scalar types of a table that is read as float64 in one call when a float is present.
_PLAIN_NUMBERS = frozenset({float, int, bool, np.float64, np.float32, np.int64, np.int32})


def _float_table_if_floats(values: Any) -> Any:
    """A float64 array for a plain sequence of floats (and ints) with at least one float.

    This decides the number kind before the table size is checked, in one pass over the
    types (an exact table is limited to fewer players than a float one). Other input is
    returned unchanged for :func:`coalitions._numbers.coerce_values`.
    """
    if isinstance(values, np.ndarray) or not isinstance(values, (list, tuple)):
        return values
    types = set(map(type, values))
    if not types <= _PLAIN_NUMBERS or not types & {float, np.float64, np.float32}:
        return values
    try:
        return np.array(values, dtype=np.float64)
    except OverflowError:
        raise InvalidGameError(
            "game values hold an integer too large for a float; every "
            "value of a float game must fit in a float64."
        ) from None


def _check_players(players: Any, n: int | None) -> tuple[str, ...]:
    """Player names (or a count) for a game of ``n`` players (any number when None)."""
    names = player_names(players, "players", InvalidGameError, minimum=0, characters=True)
    if n is not None and len(names) != n:
        raise InvalidGameError(
            f"{len(names)} player names given for a table of 2**{n} values; give exactly {n} names."
        )
    return names


def _check_cost(cost: Any) -> bool:
    if cost is None:
        return False
    if not isinstance(cost, (bool, np.bool_)):
        raise InvalidArgumentError(
            f"cost must be True (the values are costs) or False (worths), got {cost!r}."
        )
    return bool(cost)


def _restore(values: np.ndarray, players: tuple, cost: bool) -> TUGame:
    """Unpickle a TUGame."""
    return TUGame(values, players, cost=cost)


class TUGame(PlayerSet):
    """A transferable-utility game in characteristic-function form.

    A game assigns a worth ``v(S)`` to every coalition ``S`` of the players, with
    ``v(empty) = 0``. Values are stored as a table of length ``2**n`` indexed by bitmask: bit
    ``i`` of the index is set when ``players[i]`` belongs to the coalition.

    Parameters
    ----------
    values : array_like
        The ``2**n`` coalition values in bitmask order. Floats give a float game; ints,
        Fractions or Decimals give an exact game (exact ``Fraction`` results); sympy
        expressions give a symbolic game. A float64 array is used without copying (do not
        modify it afterwards).
    players : sequence of str, optional
        Player names, default ``"1"``, ..., ``"n"``.
    cost : bool, optional
        True when the values are costs ``c(S)`` rather than worths (a cost game: a coalition
        wants to pay little). The core family then answers in costs (``x(S) <= c(S)``), see
        ``docs/reference/core-family.md``. Default False, or the flag of ``values`` when it is
        a TUGame.

    Raises
    ------
    InvalidGameError
        If the table length is not a power of two or does not match the players, a value is
        NaN or infinite, ``v(empty) != 0``, or player names are duplicated or not strings.
    TooLargeError
        If the table would not fit in memory.

    See Also
    --------
    TUGame.from_dict, TUGame.from_function, coalitions.shapley_value

    Examples
    --------
    The glove game: one player owns a left glove, two own right gloves, and a pair is worth 1.

    >>> import coalitions as co
    >>> game = co.TUGame.from_dict({("L", "R1"): 1, ("L", "R2"): 1, ("L", "R1", "R2"): 1},
    ...                            players=["L", "R1", "R2"])
    >>> game
    TUGame(players=('L', 'R1', 'R2'), kind='exact')
    >>> game.value({"L", "R2"}), game.value(0b011), game.n_players
    (Fraction(1, 1), Fraction(1, 1), 3)
    """

    __slots__ = ("_values", "_players", "_kind", "_hash", "_index", "_cost")
    # the slots' types, for the type checker
    _values: np.ndarray  # read-only table, indexed by bitmask
    _players: tuple[str, ...]
    _kind: str  # nb.FLOAT, nb.EXACT or nb.SYMBOLIC
    _hash: int | None  # computed on first use
    _index: dict[str, int] | None
    _cost: bool

    def __init__(
        self, values: Any, players: Iterable[str] | None = None, *, cost: bool | None = None
    ) -> None:
        if isinstance(values, TUGame):
            cost = values._cost if cost is None else cost
            values, players = values._values, players if players is not None else values._players
        self._cost = _check_cost(cost)
        if isinstance(values, Mapping):
            raise InvalidGameError(
                "TUGame(values) takes a 2**n table in bitmask order; for a mapping of "
                "coalitions to values use TUGame.from_dict(mapping, players=...)."
            )
        try:
            length = len(values)
        except TypeError:
            raise InvalidGameError(
                f"TUGame needs a sequence of 2**n values, got {type(values).__name__}."
            ) from None
        if length == 0 or length & (length - 1):
            raise InvalidGameError(
                f"TUGame needs 2**n values (one per coalition, indexed by bitmask), got "
                f"{length}; the nearest valid lengths are "
                f"{1 << max(length.bit_length() - 1, 0)} and {1 << length.bit_length()}."
            )
        n = length.bit_length() - 1
        names = (
            _check_players(players, n)
            if players is not None
            else tuple(str(i + 1) for i in range(n))
        )
        values = _float_table_if_floats(values)
        if isinstance(values, np.ndarray) and values.dtype.kind == "f":
            check_table_size(n, nb.FLOAT, what="the game")
        elif n > MAX_OBJECT_TABLE_PLAYERS:
            check_table_size(n, nb.EXACT, what="the game", hint=_FLOAT_HINT)
        array, kind = nb.coerce_values(values, what="game values")
        if kind != nb.FLOAT:
            check_table_size(n, kind, what="the game")
        if not nb.is_zero(array[0], kind):
            raise InvalidGameError(
                f"v(empty coalition) must be 0, got {array[0]}; the first value of the table "
                "is the empty coalition's (subtract it from every value to normalise)."
            )
        self._values = nb.read_only(array.view())
        self._players = names
        self._kind = kind
        self._hash = None
        self._index = None

    # ----------------------------------------------------------------- constructors
    @classmethod
    def from_dict(
        cls, mapping: Mapping[Any, Any], players: Iterable[str] | None = None, *, cost: bool = False
    ) -> TUGame:
        """Game from ``{coalition: value}``; coalitions not listed are worth 0.

        Parameters
        ----------
        mapping : mapping
            Keys are coalitions given as iterables of player names (a single name may be a
            plain string); values are numbers.
        players : sequence of str, optional
            All players, in order. Default: the names in the keys, in order of appearance.
        cost : bool
            The values are costs (see :class:`TUGame`).

        Examples
        --------
        >>> import coalitions as co
        >>> game = co.TUGame.from_dict({"A": 1, ("A", "B"): 3}, players=["A", "B"])
        >>> list(game.values)
        [Fraction(0, 1), Fraction(1, 1), Fraction(0, 1), Fraction(3, 1)]
        """
        if not isinstance(mapping, Mapping):
            raise InvalidGameError(
                f"from_dict needs a mapping of coalitions to values, got {type(mapping).__name__}."
            )
        coalitions = [as_names(key) for key in mapping]
        if players is None:
            order: dict[str, None] = {}
            for names in coalitions:
                for name in names:
                    order.setdefault(name, None)
            players = list(order)
        names = _check_players(players, None)
        if not names:
            raise InvalidGameError("a game needs at least one player.")
        index = {name: i for i, name in enumerate(names)}
        entries, kind = nb.coerce_values(list(mapping.values()), what="game values")
        check_table_size(
            len(names), kind, what="the game", hint=_FLOAT_HINT if kind == nb.EXACT else ""
        )
        table = np.zeros(1 << len(names), dtype=nb.array_dtype(kind))
        if kind != nb.FLOAT:
            table[:] = nb.constant(0, kind)
        seen: dict[int, Any] = {}
        for key, members, value in zip(mapping, coalitions, entries):
            mask = mask_of(members, index, where=f"coalition {key!r}")
            if mask in seen and seen[mask] != value:
                raise InvalidGameError(
                    f"coalition {sorted(members)} is given twice with different values "
                    f"({seen[mask]} and {value})."
                )
            seen[mask] = value
            table[mask] = value
        return cls(table, names, cost=cost)

    @classmethod
    def from_function(
        cls, function: Callable[[frozenset], Any], players: Iterable[str], *, cost: bool = False
    ) -> TUGame:
        """Game whose value of each coalition is ``function(frozenset_of_names)``.

        The function is called once per coalition (``2**n`` calls); ``function(frozenset())``
        must return 0.

        Examples
        --------
        >>> import coalitions as co
        >>> game = co.TUGame.from_function(lambda s: len(s) ** 2, ["a", "b", "c"])
        >>> game.value({"a", "b"})
        Fraction(4, 1)
        """
        names = _check_players(players, None)
        n = len(names)
        if n > MAX_FUNCTION_PLAYERS:
            raise TooLargeError(
                f"from_function would call the function 2**{n} times for {n} players; the "
                f"limit is {MAX_FUNCTION_PLAYERS}. Use a value oracle with a sampling "
                "estimator (method='permutation') instead."
            )
        values = [None] * (1 << n)
        for mask in range(1 << n):
            values[mask] = function(frozenset(names_of(mask, names)))
        return cls(values, names, cost=cost)

    # ----------------------------------------------------------------- accessors
    @property
    def values(self) -> np.ndarray:
        """Read-only table of the ``2**n`` values in bitmask order."""
        return self._values

    @property
    def kind(self) -> str:
        """``"float"``, ``"exact"`` (Fractions) or ``"symbolic"`` (sympy)."""
        return self._kind

    @property
    def exact(self) -> bool:
        """True when values are exact rationals or symbolic expressions."""
        return self._kind != nb.FLOAT

    @property
    def is_cost(self) -> bool:
        """True for a cost game (values are costs ``c(S)``), False for worths."""
        return self._cost

    @property
    def grand_value(self) -> Any:
        """``v(N)``, the worth of the grand coalition."""
        return self._values[-1]

    def value(self, coalition: Any) -> Any:
        """Worth ``v(S)`` of a coalition given by names or bitmask."""
        return self._values[self.mask(coalition)]

    # ----------------------------------------------------------------- conversions
    def to_exact(self) -> TUGame:
        """Exact copy; each float becomes the shortest fraction that round-trips (0.1 -> 1/10)."""
        if self._kind == nb.EXACT:
            return self
        return TUGame(nb.to_exact_array(self._values, self._kind), self._players, cost=self._cost)

    def to_float(self) -> TUGame:
        """Float64 copy (symbolic games must have no free symbols left)."""
        if self._kind == nb.FLOAT:
            return self
        return TUGame(nb.to_float_array(self._values, self._kind), self._players, cost=self._cost)

    def subs(self, substitutions: Mapping[Any, Any]) -> TUGame:
        """Substitute values for the symbols of a symbolic game."""
        if self._kind != nb.SYMBOLIC:
            return self
        return TUGame([v.subs(substitutions) for v in self._values], self._players, cost=self._cost)

    def with_players(self, players: Iterable[str]) -> TUGame:
        """The same game with renamed players."""
        return TUGame(self._values, players, cost=self._cost)

    # ----------------------------------------------------------------- protocol
    def _repr_html_(self) -> str:
        """HTML for Jupyter: each player's stand-alone worth, then the first coalitions."""
        n = len(self._players)
        worth = "cost" if self._cost else "worth"
        singles = ((p, self._values[1 << i]) for i, p in enumerate(self._players))
        coalitions = (
            (coalition_label(names_of(mask, self._players)), self._values[mask])
            for mask in range(1 << n)
        )
        return html_block(
            "TUGame",
            [("players", n), ("kind", self._kind), ("grand coalition", self._values[-1])],
            [
                (["player", f"{worth} alone"], singles, n, "players"),
                (["coalition", worth], coalitions, 1 << n, "coalitions"),
            ],
        )

    def __repr__(self) -> str:
        cost = ", cost=True" if self._cost else ""
        return f"TUGame(players={self._players!r}, kind={self._kind!r}{cost})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TUGame):
            return NotImplemented
        if self is other:
            return True
        if (
            self._players != other._players
            or self._kind != other._kind
            or self._cost != other._cost
        ):
            return False
        if self._kind == nb.FLOAT:
            return bool(np.array_equal(self._values, other._values))
        if self._kind == nb.SYMBOLIC:
            import sympy

            return all(sympy.simplify(a - b) == 0 for a, b in zip(self._values, other._values))
        return bool((self._values == other._values).all())

    def __hash__(self) -> int:
        if self._hash is None:
            digest: bytes | int
            if self._kind == nb.FLOAT:
                digest = hashlib.blake2b(self._values.data, digest_size=16).digest()
            elif self._kind == nb.EXACT:
                digest = hash(tuple(self._values.tolist()))
            else:
                digest = len(self._values)  # symbolic equality is semantic: hash coarsely
            value = hash((type(self).__name__, self._players, self._kind, self._cost, digest))
            self._hash = value
            return value
        return self._hash

    def __reduce__(self):
        return (_restore, (np.array(self._values), self._players, self._cost))

    def __add__(self, other: TUGame) -> TUGame:
        from .transforms import game_sum

        if not isinstance(other, TUGame):
            return NotImplemented
        return game_sum(self, other)

    def __sub__(self, other: TUGame) -> TUGame:
        from .transforms import game_sum, scaled_game

        if not isinstance(other, TUGame):
            return NotImplemented
        return game_sum(self, scaled_game(other, -1))

    def __mul__(self, scalar: Any) -> TUGame:
        from .transforms import scaled_game

        if isinstance(scalar, TUGame):
            return NotImplemented
        return scaled_game(self, scalar)

    __rmul__ = __mul__

    def __neg__(self) -> TUGame:
        from .transforms import scaled_game

        return scaled_game(self, -1)
