"""Simple games: 0/1 monotone games of voting bodies.

A *simple game* says which coalitions win. Three kinds are provided:

``SimpleGame``
    any monotone family of winning coalitions, given as the winning coalitions, the minimal
    winning coalitions or a predicate (kept as a 2**n table, so for small bodies only).
``WeightedVotingGame``
    ``[q; w_1, ..., w_n]``: a coalition wins when its total weight reaches the quota ``q``.
``CompoundGame``
    conjunctions (``&``) and disjunctions (``|``) of weighted rules over the same players, such
    as the EU Council's qualified majority "55 % of the states AND 65 % of the population, OR
    at least 24 states".

Every simple game offers ``players``, ``n_players``, ``is_winning(coalition)`` and
``value(coalition)`` (names or a bitmask; masks are Python ints, so any number of players
works) and ``to_tu_game()``. Power indices live in :mod:`coalitions.power`; the games never
need their 2**n table when a faster counting method exists.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import MAX_MASK_PLAYERS, mask_bits, masks_to_matrix, split_on, subset_sums
from .._checks import as_list, check_choice, check_numeric, player_names
from .._display import coalition_label, html_block
from .._frozen import Frozen, assign, field_property
from .._players import PlayerSet, names_of
from ..exceptions import InvalidArgumentError, InvalidGameError, InvalidProblemError, TooLargeError
from .tu import TUGame

__all__ = [
    "SimpleGame",
    "WeightedVotingGame",
    "CompoundGame",
    "conjunction",
    "disjunction",
    "decision_rule_game",
    "shorthand_rule",
    "MAX_ENUMERATION_PLAYERS",
]

#: Largest number of players for which a simple game's 2**n winning table is built.
MAX_ENUMERATION_PLAYERS = 25


def _names(players: Any, n: int | None, what: str) -> tuple[str, ...]:
    if players is None and n is None:
        raise InvalidGameError(f"{what} needs its players.")
    if (
        isinstance(players, (int, np.integer))
        and not isinstance(players, bool)
        and n is not None
        and players != n
    ):
        raise InvalidGameError(f"{what}: players={players} for {n} weights.")
    names = player_names(players if players is not None else n, f"{what}: players")
    if n is not None and len(names) != n:
        raise InvalidGameError(
            f"{what}: {len(names)} player names for {n} weights; give one name per weight."
        )
    return names


def _check_table(n: int, what: str) -> None:
    if n > MAX_ENUMERATION_PLAYERS:
        raise TooLargeError(
            f"{what} enumerates all 2**{n} coalitions; the limit is "
            f"{MAX_ENUMERATION_PLAYERS} players. For weighted or compound rules use the "
            "counting methods of coalitions.power (method='auto', 'exact', 'float' or 'mitm')."
        )


class _SimpleBase(Frozen, PlayerSet):
    """Shared behaviour: player lookup, ``is_winning``, the TU conversion, ``&`` and ``|``;
    immutable, equal and hashed by content (``_key()``, the hash kept once computed)."""

    _players: tuple[str, ...]
    _hash: int | None = None

    def to_json(self) -> dict:
        """The game as a JSON document (``coalitions.write_game`` writes it): a weighted game
        by quota and weights, a compound game by its rules, a simple game by its minimal
        winning coalitions."""
        return _simple_to_json(self)

    def is_winning(self, coalition: Any) -> bool:
        """True when ``coalition`` (names, one name, or a bitmask) wins."""
        mask = self.mask(coalition)
        if self.n_players <= MAX_MASK_PLAYERS:
            return bool(self.winning_masks(np.array([mask], dtype=np.int64))[0])
        return bool(self.winning_matrix(masks_to_matrix([mask], self.n_players))[0])

    def value(self, coalition: Any) -> int:
        """The worth of ``coalition`` in the 0/1 game: 1 if it wins, else 0 (any n)."""
        return int(self.is_winning(coalition))

    def winning_masks(self, masks: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        """Vectorised ``is_winning`` over an array of masks (bool array): int64 masks up to
        :data:`~coalitions._bits.MAX_MASK_PLAYERS` players, Python ints (an object array)
        beyond."""
        raise NotImplementedError

    def winning_matrix(self, coalitions: np.ndarray) -> np.ndarray:
        """Vectorised ``is_winning`` over a boolean matrix of shape (k, n), one coalition per
        row (any n: weighted and compound rules never form a bitmask from it)."""
        coalitions = np.asarray(coalitions, dtype=bool)
        if self.n_players > MAX_MASK_PLAYERS:  # pragma: no cover - SimpleGame has n <= 25
            raise TooLargeError(
                f"{type(self).__name__} with {self.n_players} players cannot be evaluated "
                "through 64-bit masks; use a WeightedVotingGame or CompoundGame."
            )
        masks = coalitions.astype(np.int64) @ (
            np.int64(1) << np.arange(self.n_players, dtype=np.int64)
        )
        return np.asarray(self.winning_masks(masks), dtype=bool)

    def to_oracle(self):
        """The 0/1 game as a vectorised :class:`~coalitions.OracleGame` (no 2**n table), for
        the sampling estimators (``method="permutation"`` and friends)."""
        from .oracle import OracleGame

        return OracleGame(
            lambda matrix: self.winning_matrix(matrix).astype(np.float64),
            self._players,
            vectorized=True,
            cache=False,
        )

    def winning_table(self) -> np.ndarray:
        """Bool array of length 2**n: entry ``S`` says whether coalition mask ``S`` wins.

        Raises TooLargeError above :data:`MAX_ENUMERATION_PLAYERS` players.
        """
        _check_table(self.n_players, "winning_table()")
        return self.winning_masks(np.arange(1 << self.n_players, dtype=np.int64))

    def to_tu_game(self) -> TUGame:
        """The 0/1 TU game ``v(S) = 1`` if ``S`` wins (exact values)."""
        from .tu import check_table_size

        check_table_size(self.n_players, "float", what="the 0/1 table of this simple game")
        return TUGame(self.winning_table().astype(np.int64), self._players)

    def __and__(self, other: Any) -> CompoundGame:
        return conjunction(self, other)

    def __or__(self, other: Any) -> CompoundGame:
        return disjunction(self, other)


def _check_ends(table: np.ndarray) -> None:
    if not table[-1]:
        raise InvalidGameError(
            "no coalition wins, not even everybody together (an empty "
            "game); a simple game needs the grand coalition to win."
        )
    if table[0]:
        raise InvalidGameError(
            "the empty coalition wins, so every coalition does; a simple "
            "game needs the empty coalition to lose."
        )


def _game_html(
    game: Any, summary: list, tables: list | None = None, *, columns: dict | None = None
) -> str:
    """The HTML of a voting game: its class, ``summary``, a table of the players with
    ``columns`` (one entry per player each), then ``tables``."""
    columns = columns or {}
    rows = zip(game.players, *columns.values())
    per_player = (["player", *columns], rows, game.n_players, "players")
    return html_block(
        type(game).__name__, [("players", game.n_players), *summary], [per_player, *(tables or [])]
    )


class SimpleGame(_SimpleBase):
    """A simple game given by its winning coalitions.

    Exactly one of ``winning``, ``minimal_winning`` or ``predicate`` defines the game:

    ``winning``
        every winning coalition (the family must be monotone: supersets of winning
        coalitions are listed too);
    ``minimal_winning``
        the minimal winning coalitions; every superset of one of them wins;
    ``predicate``
        a function of a ``frozenset`` of names returning truthy for winning coalitions
        (called once per coalition, so at most :data:`MAX_ENUMERATION_PLAYERS` players).

    Parameters
    ----------
    players : sequence of str, or int
        Names, or a number of players (named ``"1"``, ..., ``"n"``).
    winning, minimal_winning : iterable of iterables of names, optional
        (a coalition may also be given as its bitmask)
    predicate : callable, optional

    Raises
    ------
    InvalidGameError
        No or several definitions, unknown players, a non-monotone family, or no players.
    TooLargeError
        More than :data:`MAX_ENUMERATION_PLAYERS` players.

    Examples
    --------
    >>> import coalitions as co
    >>> g = co.SimpleGame(["A", "B", "C"], minimal_winning=[["A", "B"], ["A", "C"]])
    >>> g.is_winning({"A", "C"}), g.is_winning(0b110)
    (True, False)
    >>> co.SimpleGame(["A", "B"], predicate=lambda s: "A" in s).is_winning(["B"])
    False
    """

    _table: np.ndarray  # read-only: does coalition mask m win?

    def __init__(
        self,
        players: Iterable[str] | int,
        winning: Iterable[Iterable[str] | int] | None = None,
        *,
        minimal_winning: Iterable[Iterable[str] | int] | None = None,
        predicate: Callable[[frozenset], Any] | None = None,
    ) -> None:
        assign(self, _players=_names(players, None, "SimpleGame"))
        n = len(self._players)
        given = [x is not None for x in (winning, minimal_winning, predicate)]
        if sum(given) != 1:
            raise InvalidGameError(
                "SimpleGame needs exactly one of winning=..., minimal_winning=... or predicate=..."
            )
        _check_table(n, "SimpleGame")
        table = np.zeros(1 << n, dtype=bool)
        if predicate is not None:
            names = self._players
            for mask in range(1 << n):
                table[mask] = bool(predicate(frozenset(names_of(mask, names))))
        else:
            keyword = "winning" if winning is not None else "minimal_winning"
            listed = as_list(
                winning if winning is not None else minimal_winning,
                f"SimpleGame: {keyword}",
                InvalidGameError,
                expected="a list of coalitions (each a list of player names)",
            )
            masks = sorted({self._listed_mask(c) for c in listed})
            table[masks] = True
            if minimal_winning is not None:
                # Every superset of a minimal winning coalition wins: close the table upwards,
                # one vectorised pass per player (not one pass per listed coalition).
                for i in range(n):
                    without, with_i = split_on(table, i)
                    with_i |= without
        if minimal_winning is None:
            self._check_monotone(table)
        _check_ends(table)
        assign(self, _table=nb.read_only(table))

    def _listed_mask(self, coalition: Any) -> int:
        if isinstance(coalition, str):
            raise InvalidGameError(
                f"a coalition must be a list of names, got the string {coalition!r}."
            )
        return self.mask(coalition)

    def _check_monotone(self, table: np.ndarray) -> None:
        n = self.n_players
        for i in range(n):
            without, with_i = split_on(table, i)
            bad = without & ~with_i
            if bad.any():
                row, col = np.argwhere(bad)[0]
                mask = int(row) * (2 << i) + int(col)
                raise InvalidGameError(
                    f"the winning family is not monotone: {sorted(self.coalition(mask))} wins "
                    f"but adding {self._players[i]!r} makes it lose. List every superset of a "
                    "winning coalition, or use minimal_winning=..."
                )

    @classmethod
    def from_winning(cls, winning: Iterable[Iterable[str]], players: Iterable[str]) -> SimpleGame:
        """Game from the list of all winning coalitions."""
        return cls(players, winning)

    @classmethod
    def from_minimal_winning(
        cls, minimal_winning: Iterable[Iterable[str]], players: Iterable[str]
    ) -> SimpleGame:
        """Game from its minimal winning coalitions (supersets win)."""
        return cls(players, minimal_winning=minimal_winning)

    @classmethod
    def from_predicate(
        cls, predicate: Callable[[frozenset], Any], players: Iterable[str]
    ) -> SimpleGame:
        """Game from a predicate on frozensets of names."""
        return cls(players, predicate=predicate)

    @classmethod
    def from_tu_game(cls, game: TUGame) -> SimpleGame:
        """A 0/1 monotone TU game as a simple game."""
        if not isinstance(game, TUGame):
            raise InvalidGameError(
                f"SimpleGame.from_tu_game needs a TUGame, got {type(game).__name__}."
            )
        # Exact and symbolic worths compare exactly (a sympy symbol is neither 0 nor 1).
        values = (
            np.asarray(game.values)
            if game.kind == "float"
            else np.array([1 if v == 1 else 0 if v == 0 else 2 for v in game.values])
        )
        if not np.all((values == 0) | (values == 1)):
            odd = game.values[int(np.flatnonzero((values != 0) & (values != 1))[0])]
            raise InvalidGameError(
                f"only a 0/1 TU game converts to a simple game, got the worth {odd}"
                + (
                    "; substitute numbers for its symbols first (game.subs({...}))."
                    if game.kind == "symbolic"
                    else "."
                )
            )
        obj = cls.__new__(cls)
        assign(obj, _players=game.players)
        _check_table(game.n_players, "SimpleGame.from_tu_game")
        table = values == 1
        obj._check_monotone(table)
        _check_ends(table)
        assign(obj, _table=nb.read_only(table))
        return obj

    def winning_masks(self, masks: np.ndarray) -> np.ndarray:
        return self._table[np.asarray(masks, dtype=np.int64)]

    def winning_table(self) -> np.ndarray:
        return self._table

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the players, then the first winning coalitions."""
        winning = np.flatnonzero(self._table)
        rows = ((coalition_label(names_of(int(m), self._players)),) for m in winning)
        return _game_html(
            self,
            [("winning coalitions", len(winning))],
            [(["winning coalition"], rows, len(winning), "winning coalitions")],
        )

    def __repr__(self) -> str:
        return f"SimpleGame(players={self._players!r}, n_winning={int(self._table.sum())})"

    def _key(self) -> tuple:
        return self._players, self._table.tobytes()


def _integer_weights(quota: Any, weights: Sequence[Any]) -> tuple[int, tuple[int, ...], int]:
    """Scale rational weights and quota exactly to integers.

    Returns ``(int_quota, int_weights, scale)``: ``w(S) >= quota`` iff
    ``int_w(S) >= int_quota``.
    """

    def rational(value: Any, where: str) -> Fraction:
        if isinstance(value, bool) or value is None:
            raise InvalidGameError(f"{where} must be a number, got {value!r}.")
        if isinstance(value, Fraction):
            return value
        if isinstance(value, numbers.Integral):
            return Fraction(int(value))
        if isinstance(value, (float, np.floating)):
            if not math.isfinite(value):
                raise InvalidGameError(f"{where} is {value}; weights and quota must be finite.")
            return Fraction(repr(float(value)))  # the decimal the user typed, exactly
        if isinstance(value, Decimal):
            if not value.is_finite():
                raise InvalidGameError(f"{where} is {value}; weights and quota must be finite.")
            return Fraction(value)
        if isinstance(value, str):
            try:
                return Fraction(value.strip())
            except (ValueError, ZeroDivisionError):
                pass
        if type(value).__module__.startswith("sympy") and getattr(value, "is_Rational", False):
            return Fraction(int(value.p), int(value.q))
        raise InvalidGameError(
            f"{where} must be a rational number (int, Fraction, decimal), got {value!r}."
        )

    ws = [rational(w, f"weight {i + 1}") for i, w in enumerate(weights)]
    for i, w in enumerate(ws):
        if w < 0:
            raise InvalidGameError(
                f"weight {i + 1} is {w}; weights must be non-negative (a player with weight "
                "0 is a dummy)."
            )
    q = rational(quota, "the quota")
    scaled, scale = nb.to_scaled_int([q, *ws], dtype=object)
    int_quota, *int_weights = scaled.tolist()
    total = sum(int_weights)
    if not 0 < q or int_quota > total:
        raise InvalidGameError(
            f"the quota must lie in (0, total weight] = (0, {Fraction(total, scale)}], got "
            f"{q}: with a quota of 0 every coalition wins, above the total none does."
        )
    return int_quota, tuple(int_weights), scale


class WeightedVotingGame(_SimpleBase):
    """A weighted voting game ``[q; w_1, ..., w_n]``: ``S`` wins when ``w(S) >= q``.

    Parameters
    ----------
    quota : number
        In ``(0, sum of weights]``.
    weights : sequence of non-negative numbers
        Integers, or rationals (Fractions, decimals) which are scaled exactly to integers.
    players : sequence of str, optional
        Default ``"1"``, ..., ``"n"``.

    Attributes
    ----------
    quota, weights
        As given. ``int_quota`` and ``int_weights`` are the exactly scaled integer versions
        used by the counting algorithms; ``total_weight`` is ``sum(weights)``.

    Raises
    ------
    InvalidGameError
        Negative, NaN or non-numeric weights, a quota outside ``(0, total]``, no players, or
        player names that do not match the weights.

    Examples
    --------
    The Council of the EEC in 1958: France, Germany and Italy 4 votes, Belgium and the
    Netherlands 2, Luxembourg 1; 12 of 17 votes needed.

    >>> import coalitions as co
    >>> eec = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1],
    ...                             players=["FR", "DE", "IT", "BE", "NL", "LU"])
    >>> eec.is_winning(["FR", "DE", "IT"]), eec.is_winning(["FR", "DE", "BE", "LU"])
    (True, False)
    >>> eec.total_weight
    17
    """

    _quota: Any
    _weights: tuple
    _int_quota: int
    _int_weights: tuple[int, ...]
    _scale: int  # the integers are the weights and quota times this

    def __init__(
        self, quota: Any, weights: Sequence[Any], players: Iterable[str] | None = None
    ) -> None:
        if isinstance(weights, (str, bytes)) or not hasattr(weights, "__len__"):
            try:
                weights = list(weights)
            except TypeError:
                raise InvalidGameError("weights must be a sequence of numbers.") from None
        weights = list(weights)
        if not weights:
            raise InvalidGameError(
                "a weighted voting game needs at least one player (the game is empty)."
            )
        int_quota, int_weights, scale = _integer_weights(quota, weights)
        assign(
            self,
            _players=_names(players, len(weights), "WeightedVotingGame"),
            _int_quota=int_quota,
            _int_weights=int_weights,
            _scale=scale,
            _quota=quota,
            _weights=tuple(weights),
        )

    quota = field_property("_quota", "The quota, as given.")
    weights = field_property("_weights", "The weights (a tuple), as given.")
    int_quota = field_property("_int_quota", "The quota scaled exactly to an integer.")
    int_weights = field_property("_int_weights", "The weights scaled exactly to integers.")

    @property
    def total_weight(self) -> Any:
        return nb.int_if_integral(Fraction(sum(self._int_weights), self._scale))

    def winning_masks(self, masks: np.ndarray) -> np.ndarray:
        if self.n_players > MAX_MASK_PLAYERS:
            return self.winning_matrix(masks_to_matrix(masks, self.n_players))
        masks = np.asarray(masks, dtype=np.int64)
        return _masks_reach(masks, self._int_weights, self._int_quota)

    def winning_matrix(self, coalitions: np.ndarray) -> np.ndarray:
        coalitions = np.asarray(coalitions, dtype=bool)
        weights = self._int_weights
        if sum(weights) < nb.INT64_SUMS:
            totals = coalitions.astype(np.int64) @ np.asarray(weights, dtype=np.int64)
            return np.asarray(totals >= self._int_quota, dtype=bool)
        limbs = _limbs(weights)
        return _limb_sums_reach(coalitions.astype(np.int64) @ limbs, self._int_quota)

    def with_quota(self, quota: Any) -> WeightedVotingGame:
        """The same body with another quota."""
        return WeightedVotingGame(quota, self._weights, self._players)

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the quota and each player's weight."""
        return _game_html(self, [("quota", self._quota)], columns={"weight": self._weights})

    def __repr__(self) -> str:
        return (
            f"WeightedVotingGame(quota={self._quota!r}, weights={list(self._weights)!r}, "
            f"players={self._players!r})"
        )

    def _key(self) -> tuple:
        return self._players, self._int_weights, self._int_quota


#: Bits per limb when exact integer weight sums need more than 62 bits.
_LIMB_BITS = 30


def _limbs(values: Sequence[int]) -> np.ndarray:
    """Non-negative integers as an int64 matrix of base-2**30 digits, least significant first
    (one row per value). Sums of up to 2**32 rows stay exact in int64."""
    count = max(1, -(-max(int(v) for v in values).bit_length() // _LIMB_BITS))
    digit = (1 << _LIMB_BITS) - 1
    return np.array(
        [[int(v) >> (_LIMB_BITS * j) & digit for j in range(count)] for v in values], dtype=np.int64
    ).reshape(len(values), count)


def _limb_sums_reach(sums: np.ndarray, quota: int) -> np.ndarray:
    """Exactly ``total >= quota`` for totals given as unnormalised limb sums (k, L), by carrying
    and comparing digit by digit from the top."""
    sums = np.array(sums, dtype=np.int64, copy=True)
    digit = (1 << _LIMB_BITS) - 1
    count = sums.shape[1]
    for j in range(count - 1):
        sums[:, j + 1] += sums[:, j] >> _LIMB_BITS
        sums[:, j] &= digit
    high = quota >> (_LIMB_BITS * (count - 1))  # the quota never exceeds the total weight
    greater = sums[:, -1] > high
    equal = sums[:, -1] == high
    for j in range(count - 2, -1, -1):
        q_digit = quota >> (_LIMB_BITS * j) & digit
        greater |= equal & (sums[:, j] > q_digit)
        equal &= sums[:, j] == q_digit
    return greater | equal


def _masks_reach(masks: np.ndarray, weights: Sequence[int], quota: int) -> np.ndarray:
    """``w(S) >= quota`` for int64 masks S, exactly: int64 sums when the total fits, else sums
    of 30-bit limbs. Byte-wise lookup tables: 8 players at a time."""
    n = len(weights)
    small = sum(weights) < nb.INT64_SUMS
    limbs = np.asarray(weights, dtype=np.int64).reshape(n, 1) if small else _limbs(weights)
    out = np.zeros((masks.size, limbs.shape[1]), dtype=np.int64)
    for start in range(0, n, 8):
        chunk = limbs[start : start + 8]
        table = subset_sums(chunk)
        out += table[(masks.reshape(-1) >> start) & ((1 << len(chunk)) - 1)]
    reach = out[:, 0] >= quota if small else _limb_sums_reach(out, quota)
    return reach.reshape(masks.shape)


class CompoundGame(_SimpleBase):
    """A conjunction or disjunction of simple games over the same players.

    Built with :func:`conjunction`, :func:`disjunction`, or the operators ``&`` and ``|`` on
    weighted games. Parts may be weighted games or other compound games.

    Parameters
    ----------
    operator : {"and", "or"}
    parts : sequence of WeightedVotingGame or CompoundGame

    Examples
    --------
    A double majority: half of the states and two thirds of the weight.

    >>> import coalitions as co
    >>> states = co.WeightedVotingGame(2, [1, 1, 1], players=["A", "B", "C"])
    >>> people = co.WeightedVotingGame(60, [50, 30, 10], players=["A", "B", "C"])
    >>> double = states & people
    >>> double.is_winning({"A", "B"}), double.is_winning({"B", "C"})
    (True, False)
    """

    _operator: str
    _parts: tuple

    def __init__(self, operator: str, parts: Sequence[Any]) -> None:
        check_choice(operator, ("and", "or"), what="operator")
        parts = as_list(
            parts,
            "CompoundGame: parts",
            InvalidGameError,
            expected="a list of WeightedVotingGame or CompoundGame parts",
        )
        if len(parts) < 2:
            raise InvalidGameError("a compound game combines at least two games.")
        for part in parts:
            if not isinstance(part, (WeightedVotingGame, CompoundGame)):
                raise InvalidGameError(
                    "a compound game combines WeightedVotingGame or CompoundGame parts, got "
                    f"{type(part).__name__}."
                )
            if part.players != parts[0].players:
                raise InvalidGameError(
                    "every part of a compound game must have the same players in the same "
                    f"order; got {parts[0].players!r} and {part.players!r}."
                )
        assign(self, _operator=operator, _parts=tuple(parts), _players=parts[0].players)

    operator = field_property("_operator", '``"and"`` (conjunction) or ``"or"`` (disjunction).')
    parts = field_property("_parts", "The games combined (a tuple).")

    def atoms(self) -> list[WeightedVotingGame]:
        """The weighted rules this game is built from (left to right, without repeats)."""
        out: list[WeightedVotingGame] = []
        for part in self._parts:
            for atom in part.atoms() if isinstance(part, CompoundGame) else [part]:
                if not any(atom is a for a in out):
                    out.append(atom)
        return out

    def evaluate(self, truth: Callable[[WeightedVotingGame], Any]) -> Any:
        """Combine per-atom truth values (bools or bool arrays) with this game's logic."""
        values = [
            p.evaluate(truth) if isinstance(p, CompoundGame) else truth(p) for p in self._parts
        ]
        out = values[0]
        for value in values[1:]:
            out = (out & value) if self._operator == "and" else (out | value)
        return out

    def winning_masks(self, masks: np.ndarray) -> np.ndarray:
        if self.n_players > MAX_MASK_PLAYERS:
            return self.winning_matrix(masks_to_matrix(masks, self.n_players))
        masks = np.asarray(masks, dtype=np.int64)
        return np.asarray(self.evaluate(lambda atom: atom.winning_masks(masks)), dtype=bool)

    def winning_matrix(self, coalitions: np.ndarray) -> np.ndarray:
        coalitions = np.asarray(coalitions, dtype=bool)
        return np.asarray(self.evaluate(lambda atom: atom.winning_matrix(coalitions)), dtype=bool)

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the operator, each part's quota and each player's weights."""
        columns = {
            f"part {k + 1}": p.weights
            if isinstance(p, WeightedVotingGame)
            else ("compound",) * len(self._players)
            for k, p in enumerate(self._parts)
        }
        quotas = [p.quota if isinstance(p, WeightedVotingGame) else repr(p) for p in self._parts]
        return _game_html(self, [("operator", self._operator), ("quotas", quotas)], columns=columns)

    def __repr__(self) -> str:
        inner = f" {'&' if self._operator == 'and' else '|'} ".join(
            f"({p!r})"
            if isinstance(p, CompoundGame)
            else f"[{p.quota}; {', '.join(map(str, p.weights))}]"
            for p in self._parts
        )
        return f"CompoundGame({inner}, n_players={self.n_players})"

    def _key(self) -> tuple:
        return self._operator, self._parts


def _combine(operator: str, games: Sequence[Any]) -> CompoundGame:
    flat: list[Any] = []
    for g in games:
        if isinstance(g, CompoundGame) and g.operator == operator:
            flat.extend(g.parts)
        else:
            flat.append(g)
    return CompoundGame(operator, flat)


def conjunction(*games: Any) -> CompoundGame:
    """A coalition wins when it wins in every one of ``games`` (same players)."""
    return _combine("and", games)


def disjunction(*games: Any) -> CompoundGame:
    """A coalition wins when it wins in at least one of ``games`` (same players)."""
    return _combine("or", games)


# ----------------------------------------------------------------------------- file format
#: Most players of a game known only through ``is_winning(coalition)`` (a Python call for
#: each of its ``2**n`` coalitions).
MAX_PREDICATE_PLAYERS = 16


def as_simple_game(
    game: Any,
    function: str,
    *,
    weights: Sequence[Any] | None = None,
    players: Sequence[str] | None = None,
) -> SimpleGame | WeightedVotingGame | CompoundGame:
    """The simple game that ``game`` describes; anything else is refused with an error that
    names ``function`` (the simple-game counterpart of
    :func:`coalitions.games.transforms.as_tu_game`).

    Accepted: a SimpleGame, WeightedVotingGame or CompoundGame; a 0/1 monotone TUGame; a
    quota with ``weights=`` (and optionally ``players=``); any object with ``quota`` and
    ``weights`` (and optionally ``players``); any object with ``is_winning(coalition)`` and
    ``players`` (at most :data:`MAX_PREDICATE_PLAYERS` players).

    Examples
    --------
    >>> import coalitions as co
    >>> as_simple_game(co.majority_game(3), "an index")
    SimpleGame(players=('1', '2', '3'), n_winning=4)
    >>> as_simple_game(51, "a list", weights=[40, 30, 20, 10], players=["A", "B", "C", "D"])
    WeightedVotingGame(quota=51, weights=[40, 30, 20, 10], players=('A', 'B', 'C', 'D'))
    """
    if weights is not None:
        return WeightedVotingGame(game, weights, players)
    if (
        isinstance(game, (SimpleGame, WeightedVotingGame, CompoundGame, TUGame))
        and players is not None
    ):
        raise InvalidArgumentError(
            f"{function}: players= names the members of a rule given as a quota and weights; "
            f"this {type(game).__name__} names its own players."
        )
    if isinstance(game, (SimpleGame, WeightedVotingGame, CompoundGame)):
        return game
    if isinstance(game, TUGame):
        check_numeric(game, function, "reads a TU game as a simple game (0/1 worths)")
        return SimpleGame.from_tu_game(game)
    if hasattr(game, "quota") and hasattr(game, "weights"):
        names = players if players is not None else getattr(game, "players", None)
        return WeightedVotingGame(game.quota, game.weights, names)
    if callable(getattr(game, "is_winning", None)):
        names = player_names(
            players if players is not None else getattr(game, "players", ()), f"{function}: players"
        )
        if len(names) > MAX_PREDICATE_PLAYERS:
            raise TooLargeError(
                f"{function}: this game only answers is_winning(coalition), which is "
                f"called for each of its 2**{len(names)} coalitions; the limit is "
                f"{MAX_PREDICATE_PLAYERS} players. Give the rule as a WeightedVotingGame "
                "or CompoundGame instead."
            )
        rule = game.is_winning
        return SimpleGame.from_predicate(lambda coalition: rule(coalition), names)
    raise InvalidGameError(
        f"{function} needs a simple game (SimpleGame, WeightedVotingGame or CompoundGame), "
        f"got {type(game).__name__}; e.g. coalitions.WeightedVotingGame(quota, weights), or "
        "give the quota with weights=[...]."
    )


# ----------------------------------------------------------------------------- decision rules
def decision_rule_game(rule: Any, players: Iterable[str]) -> tuple[Any, str]:
    """A decision rule of a negotiation model as a simple game, with a short label.

    ``"unanimity"`` is ``[n; 1, ..., 1]``, ``"majority"`` is ``[floor(n/2) + 1; 1, ..., 1]``
    and an integer ``k`` is ``[k; 1, ..., 1]`` (k of n), all :class:`WeightedVotingGame`. A
    simple, weighted or compound game over the same players is kept as it is. Any other
    object with ``players`` and ``is_winning(coalition)``, or a predicate on frozensets of
    names, becomes a simple game known through that predicate: no 2**n table is built (any
    number of players), the predicate is asked about each coalition an analysis needs, and
    its failures raise :class:`InvalidProblemError` naming the coalition. (To check such a
    rule is monotone, tabulate it: ``SimpleGame(players, predicate=rule)``.)

    Parameters
    ----------
    rule : str, int, simple game, object with ``is_winning``, or callable
    players : sequence of str
        The model's players.

    Returns
    -------
    (game, label) : tuple
        The simple game (its players in the order given), and the label results carry
        (``"unanimity"``, ``"majority"``, ``"3 of 5"``, or the game's class name).

    Raises
    ------
    InvalidProblemError
        For an unknown rule, a k outside ``1..n`` or a game over other players (and, when it
        is asked, a predicate that fails or returns a non-boolean).

    Examples
    --------
    >>> from coalitions.games.simple import decision_rule_game
    >>> game, label = decision_rule_game("majority", ["A", "B", "C"])
    >>> game, label
    (WeightedVotingGame(quota=2, weights=[1, 1, 1], players=('A', 'B', 'C')), 'majority')
    >>> game.is_winning({"A", "C"})
    True
    """
    names = player_names(players, "decision rule: players", InvalidProblemError)
    n = len(names)
    if isinstance(rule, str):
        quotas = {"unanimity": n, "majority": n // 2 + 1}
        if rule not in quotas:
            raise InvalidProblemError(
                f"unknown decision rule {rule!r}; use 'unanimity', 'majority', an integer k "
                "(k of n), a simple game, or a predicate on coalitions."
            )
        return WeightedVotingGame(quotas[rule], [1] * n, names), rule
    if isinstance(rule, (int, np.integer)) and not isinstance(rule, bool):
        k = int(rule)
        if not 1 <= k <= n:
            raise InvalidProblemError(f"a k-of-n rule needs 1 <= k <= n = {n}, got k = {k}.")
        return WeightedVotingGame(k, [1] * n, names), f"{k} of {n}"
    method = getattr(rule, "is_winning", None)
    if callable(method):
        rule_players = tuple(str(p) for p in getattr(rule, "players", ()))
        if sorted(rule_players) != sorted(names):
            raise InvalidProblemError(
                f"the decision rule's players {list(rule_players)} differ from the model's "
                f"players {list(names)}; use the same names."
            )
        label = type(rule).__name__
        if isinstance(rule, _SimpleBase):
            return rule, label
        return _PredicateRule(method, names, label), label
    if callable(rule):
        label = getattr(rule, "__name__", "predicate")
        return _PredicateRule(rule, names, label), label
    raise InvalidProblemError(
        f"decision_rule must be 'unanimity', 'majority', an integer, a simple game or a "
        f"predicate on coalitions; got {type(rule).__name__}."
    )


def shorthand_rule(game: Any, label: str) -> Any:
    """The rule :func:`decision_rule_game` made ``(game, label)`` from: ``"unanimity"``,
    ``"majority"`` or k for those labels (they follow a change of players), else the game.

    Examples
    --------
    >>> from coalitions.games.simple import decision_rule_game, shorthand_rule
    >>> shorthand_rule(*decision_rule_game(2, ["a", "b", "c"]))
    2
    """
    if label in ("unanimity", "majority"):
        return label
    k, of, n = label.partition(" of ")
    if of and k.isdigit() and n == str(game.n_players):
        return int(k)
    return game


class _PredicateRule(_SimpleBase):
    """A decision rule known only through a predicate on frozensets of names: no table is
    built, the predicate is asked about each coalition when it is needed (any number of
    players). Equal when the players and the predicate (the same object) are."""

    _predicate: Callable[[frozenset], Any]
    _label: str

    def __init__(self, predicate: Callable[[frozenset], Any], players: tuple, label: str) -> None:
        assign(self, _players=players, _predicate=predicate, _label=label)

    def is_winning(self, coalition: Any) -> bool:
        mask = self.mask(coalition)
        return self._verdict(frozenset(names_of(mask, self._players)))

    def winning_masks(self, masks: np.ndarray) -> np.ndarray:
        return np.array(
            [
                self._verdict(frozenset(names_of(int(m), self._players)))
                for m in np.asarray(masks).tolist()
            ],
            dtype=bool,
        )

    def _verdict(self, coalition: frozenset) -> bool:
        """The predicate's answer; its failures name the rule and the coalition."""
        try:
            verdict = self._predicate(coalition)
        except Exception as error:
            if isinstance(error, InvalidProblemError):
                raise
            raise InvalidProblemError(
                f"the decision rule {self._label} fails on the coalition {sorted(coalition)}: "
                f"{type(error).__name__}: {error}"
            ) from None
        if not isinstance(verdict, (bool, np.bool_, int, np.integer)):
            raise InvalidProblemError(
                f"the decision rule {self._label} must return True or False, got "
                f"{verdict!r} for the coalition {sorted(coalition)}."
            )
        return bool(verdict)

    def to_json(self) -> dict:
        raise InvalidGameError(
            f"the decision rule {self._label} is a Python predicate, which a file cannot "
            "hold; write a weighted or compound rule, or SimpleGame(players, "
            "predicate=...), which tabulates it."
        )

    def __repr__(self) -> str:
        return f"decision rule {self._label} on players {self._players!r}"

    def _key(self) -> tuple:
        return self._players, self._predicate


def _simple_to_json(game: Any) -> dict:
    """The JSON document of a simple, weighted or compound game (see ``to_json``)."""
    from .io import FORMAT_VERSION, _json_number

    def rule(part: Any) -> dict:
        if isinstance(part, WeightedVotingGame):
            return {
                "quota": _json_number(part.quota),
                "weights": [_json_number(w) for w in part.weights],
            }
        return {"operator": part.operator, "rules": [rule(p) for p in part.parts]}

    players = list(game.players)
    if isinstance(game, WeightedVotingGame):
        return {"type": "weighted", "version": FORMAT_VERSION, "players": players, **rule(game)}
    if isinstance(game, CompoundGame):
        return {"type": "compound", "version": FORMAT_VERSION, "players": players, **rule(game)}
    from .._bits import minimal_masks

    n = game.n_players
    bits = mask_bits(minimal_masks(game.winning_table(), n), n, bool)
    return {
        "type": "simple",
        "version": FORMAT_VERSION,
        "players": players,
        "minimal_winning": [[players[i] for i in np.flatnonzero(row)] for row in bits],
    }


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _rule_from_document(rule: dict, players: Any, where: str) -> Any:
    from .io import parse_number

    if "rules" in rule:
        return CompoundGame(
            rule.get("operator", "and"),
            [
                _rule_from_document(r, players, _at(where, f"rules[{i}]"))
                for i, r in enumerate(rule["rules"])
            ],
        )
    weights = rule["weights"]
    if len(weights) != len(players):
        raise InvalidGameError(
            f"{_at(where, 'weights')} has {len(weights)} entries for {len(players)} "
            f"player{'s' if len(players) > 1 else ''}; "
            'give one weight per player, in the order of "players".'
        )
    return WeightedVotingGame(
        parse_number(rule["quota"], _at(where, "quota")),
        [parse_number(w, _at(where, f"weights[{i}]")) for i, w in enumerate(weights)],
        players,
    )


def _first_weights(rule: dict) -> int:
    return _first_weights(rule["rules"][0]) if "rules" in rule else len(rule["weights"])


def _simple_from_document(document: dict) -> Any:
    """A simple, weighted or compound game from a document checked against the schema."""
    from .io import coalition_mask

    kind = document["type"]
    if kind in ("weighted", "compound"):
        # Without "players", the first rule's weights say how many there are ("1", ..., "n").
        players = document.get("players")
        names = (
            players
            if players is not None
            else [str(i + 1) for i in range(_first_weights(document))]
        )
        return _rule_from_document(document, names, "")
    players = document["players"]  # the schema requires it for a simple game
    index = {name: i for i, name in enumerate(players)}
    key = "minimal_winning" if "minimal_winning" in document else "winning"
    masks = [coalition_mask(c, index, f"{key}[{i}]") for i, c in enumerate(document[key])]
    if key == "minimal_winning":
        return SimpleGame(players, minimal_winning=masks)
    return SimpleGame(players, winning=masks)
