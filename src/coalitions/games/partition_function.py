r"""Partition-function games: coalitions with externalities.

A partition-function game (Thrall and Lucas 1963) gives the worth ``v(S, P)`` of a coalition
``S`` *embedded* in a partition ``P`` of the players (``S`` is a block of ``P``): what a
coalition can get depends on how the others are organised. A cartel gains when the outsiders
merge (positive externalities: Cournot output cartels, public-good clubs such as climate
agreements); a research joint venture loses (negative externalities).

This module holds the object and its constructors (from a function of the coalition and the
partition, symmetric games by partition types, the Cournot oligopoly and the linear climate
game). The solution concepts are in :mod:`coalitions.formation.externalities`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from typing import Any

from .. import _numbers as nb
from .._checks import check_integer, player_names
from .._frozen import Frozen, assign, field_property
from .._partitions import (
    bell,
    consecutive_blocks,
    integer_partitions,
    mask_partitions,
    partition_masks,
    partition_names,
)
from .._players import PlayerSet, names_of
from ..exceptions import InvalidArgumentError, InvalidGameError, InvalidProblemError, TooLargeError

__all__ = ["PartitionFunctionGame", "MAX_PARTITION_PLAYERS", "MAX_SYMMETRIC_PARTITION_PLAYERS"]

#: Largest number of players of a general partition-function game: it stores one worth per
#: embedded coalition, Bell(n + 1) - Bell(n) of them (Bell(11) = 678570 for n = 10).
MAX_PARTITION_PLAYERS = 10
#: Largest number of players of a symmetric game, stored by partition types (the integer
#: partitions of n: 37338 for n = 40).
MAX_SYMMETRIC_PARTITION_PLAYERS = 40


def _worths(raw: list, what: str) -> tuple[list, bool]:
    """The worths as Fractions (exact input) or floats, and whether they are exact."""
    array, kind = nb.coerce_values(raw, what=what)
    if kind == nb.SYMBOLIC:
        raise InvalidGameError(
            f"{what} must be numbers (int, Fraction or float); symbolic worths are not "
            "supported by partition-function games."
        )
    return list(array.tolist()) if kind == nb.FLOAT else list(array), kind == nb.EXACT


def _in_runs(values: list, lengths: Iterable[int]) -> Iterator[list]:
    """``values`` cut into consecutive runs of the given lengths (the worths of one partition
    or partition type each, coerced together and handed back to their keys)."""
    at = 0
    for length in lengths:
        yield values[at : at + length]
        at += length


def _sizes_of(masks: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted((m.bit_count() for m in masks), reverse=True))


def _canonical(masks: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(masks, key=lambda m: m & -m))


class PartitionFunctionGame(Frozen, PlayerSet):
    r"""A game in partition-function form: the worth ``v(S, P)`` of each coalition ``S`` in
    each partition ``P`` that contains it.

    ``PartitionFunctionGame(function, players, symmetric=False)`` is
    :meth:`from_function` (or :meth:`symmetric` when ``symmetric``). Build one with
    :meth:`from_function` (any game, up to :data:`MAX_PARTITION_PLAYERS`
    players), :meth:`symmetric` (the worth depends only on the size of ``S`` and the sizes of
    the blocks of ``P``; stored by partition types, up to
    :data:`MAX_SYMMETRIC_PARTITION_PLAYERS` players), or the named families :meth:`cournot`
    and :meth:`climate`. Integer and Fraction worths stay exact; floats stay floats.
    ``coalitions.write_game`` and ``coalitions.read_game`` store it as a
    ``"partition-function"`` document (:meth:`to_json`; docs/reference/file-format.md).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.PartitionFunctionGame.cournot(3)
    >>> game.value(["1", "2"], [["1", "2"], ["3"]]), game.value(["3"], [["1", "2"], ["3"]])
    (Fraction(1, 9), Fraction(1, 9))
    >>> game.value(["3"], [["1"], ["2"], ["3"]])
    Fraction(1, 16)
    >>> game.is_symmetric, game.has_externalities
    (True, True)

    A game is immutable and hashable, and equal to a game with the same players and worths:

    >>> game == co.PartitionFunctionGame.symmetric(lambda s, sizes: Fraction(1, (len(sizes) + 1) ** 2), 3)
    True
    """

    __slots__ = ("_players", "_table", "_symmetric", "_exact", "_name", "_weights", "_index")
    _players: tuple[str, ...]
    # general: {canonical partition (masks): worths in block order};
    # symmetric: {partition type (sizes, non-increasing): {block size: worth}}
    _table: dict
    _symmetric: bool
    _exact: bool
    _name: str
    _weights: tuple | None  # the model's sharing weights (Chander-Tulkens), or None
    _index: dict | None

    def __init__(
        self, function: Callable[..., Any], players: Any, *, symmetric: bool = False
    ) -> None:
        # The same as from_function (symmetric=False) or symmetric (symmetric=True).
        if not isinstance(symmetric, bool):
            raise InvalidArgumentError(
                f"PartitionFunctionGame: symmetric must be True or False, got {symmetric!r}."
            )
        built = (self.symmetric if symmetric else self.from_function)(function, players)
        assign(self, **{name: getattr(built, name) for name in self.__slots__})

    @classmethod
    def _build(
        cls,
        table: dict,
        players: tuple[str, ...],
        *,
        symmetric: bool,
        exact: bool,
        name: str = "custom",
        weights: tuple | None = None,
    ) -> PartitionFunctionGame:
        """A game from a checked table (the constructors below build it)."""
        game = object.__new__(cls)
        assign(
            game,
            _players=tuple(players),
            _table=table,
            _symmetric=bool(symmetric),
            _exact=bool(exact),
            _name=name,
            _weights=weights,
            _index=None,
        )
        return game

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_function(
        cls, function: Callable[[frozenset, frozenset], Any], players: Any
    ) -> PartitionFunctionGame:
        r"""Game whose worth ``v(S, P)`` is ``function(S, P)``.

        Parameters
        ----------
        function : callable
            ``function(coalition, partition)``: ``coalition`` is a frozenset of names and
            ``partition`` a frozenset of such frozensets (one of them ``coalition``). It is
            called once per embedded coalition (``Bell(n + 1) - Bell(n)`` calls).
        players : sequence of str or int
            The player names (or their number ``n``: players ``"1"`` .. ``"n"``).

        Returns
        -------
        PartitionFunctionGame
            A general game (stored by partitions), exact when every worth is.

        Raises
        ------
        TooLargeError
            Beyond :data:`MAX_PARTITION_PLAYERS` players (use :meth:`symmetric` when the worths
            depend only on sizes).
        InvalidGameError
            If a worth is not a finite number.

        Examples
        --------
        >>> import coalitions as co
        >>> def worth(coalition, partition):  # a coalition gains 1 per other coalition
        ...     return len(coalition) + len(partition) - 1
        >>> game = co.PartitionFunctionGame.from_function(worth, ["a", "b", "c"])
        >>> game.value(["a"], [["a"], ["b", "c"]])
        Fraction(2, 1)
        """
        if not callable(function):
            raise _not_a_function("from_function", function)
        names = _names(players, MAX_PARTITION_PLAYERS, "PartitionFunctionGame.from_function")
        n = len(names)
        keys, raw = [], []
        for masks in mask_partitions((1 << n) - 1):
            named = frozenset(frozenset(names_of(m, names)) for m in masks)
            for m in masks:
                raw.append(_call(function, frozenset(names_of(m, names)), named))
            keys.append(masks)
        worths, exact = _worths(raw, "worths")
        table = {masks: tuple(w) for masks, w in zip(keys, _in_runs(worths, map(len, keys)))}
        return cls._build(table, names, symmetric=False, exact=exact)

    @classmethod
    def symmetric(
        cls, function: Callable[[int, tuple], Any], players: Any, *, name: str = "custom"
    ) -> PartitionFunctionGame:
        r"""Symmetric game: ``v(S, P) = function(|S|, sizes)`` with ``sizes`` the block sizes of
        ``P`` in non-increasing order (its partition type).

        Parameters
        ----------
        function : callable
            ``function(size, sizes)`` -> the worth of a coalition of ``size`` players in a
            partition of type ``sizes`` (``size`` is one of ``sizes``). Called once per
            partition type and block size.
        players : int or sequence of str
            The number of players ``n`` (players ``"1"`` .. ``"n"``) or their names.
        name : str
            A label for the model.

        Returns
        -------
        PartitionFunctionGame
            A symmetric game (stored by partition types; ``is_symmetric`` is True).

        Raises
        ------
        TooLargeError
            Beyond :data:`MAX_SYMMETRIC_PARTITION_PLAYERS` players.

        Examples
        --------
        >>> import coalitions as co
        >>> game = co.PartitionFunctionGame.symmetric(lambda s, sizes: s * len(sizes), 4)
        >>> game.value(["1", "2"], [["1", "2"], ["3"], ["4"]])
        Fraction(6, 1)
        """
        if not callable(function):
            raise _not_a_function("symmetric", function)
        names = _names(players, MAX_SYMMETRIC_PARTITION_PLAYERS, "PartitionFunctionGame.symmetric")
        keys, raw = [], []
        for sizes in integer_partitions(len(names)):
            distinct = tuple(sorted(set(sizes), reverse=True))
            for size in distinct:
                raw.append(_call(function, size, sizes))
            keys.append((sizes, distinct))
        worths, exact = _worths(raw, "worths")
        runs = _in_runs(worths, (len(distinct) for _, distinct in keys))
        table = {sizes: dict(zip(distinct, w)) for (sizes, distinct), w in zip(keys, runs)}
        return cls._build(table, names, symmetric=True, exact=exact, name=name)

    @classmethod
    def cournot(
        cls, n: int, *, intercept: Any = 1, cost: Any = 0, slope: Any = 1
    ) -> PartitionFunctionGame:
        r"""The symmetric Cournot oligopoly with linear demand and constant marginal cost.

        Inverse demand ``p = intercept - slope * Q``, marginal cost ``cost``. Each coalition
        acts as one firm; with ``m`` coalitions in the market each earns the Cournot profit

        .. math:: v(S, P) = \frac{(a - c)^2}{b\,(m + 1)^2}, \qquad m = |P|,

        whatever its size: merging lowers the number of competitors, which helps every
        firm (positive externalities).

        Parameters
        ----------
        n : int
            Number of firms (2 to :data:`MAX_SYMMETRIC_PARTITION_PLAYERS`).
        intercept, cost, slope : number
            ``a > c >= 0`` and ``b > 0``; integers and Fractions keep the worths exact.

        Returns
        -------
        PartitionFunctionGame
            A symmetric game named ``"cournot"``.

        References
        ----------
        .. [1] Bloch, F. (1996). Sequential formation of coalitions in games with
           externalities and fixed payoff division. *Games and Economic Behavior* 14, 90-123.
        .. [2] Salant, S., Switzer, S. and Reynolds, R. (1983). Losses from horizontal merger.
           *Quarterly Journal of Economics* 98(2), 185-199.

        Examples
        --------
        >>> import coalitions as co
        >>> co.PartitionFunctionGame.cournot(4, intercept=10, cost=2).value(
        ...     ["1", "2", "3", "4"], [["1", "2", "3", "4"]])
        Fraction(16, 1)
        """
        n = check_integer(n, "n", "PartitionFunctionGame.cournot", low=2)
        a, c, b = (
            _number(v, w) for v, w in ((intercept, "intercept"), (cost, "cost"), (slope, "slope"))
        )
        if not (a > c >= 0 and b > 0):
            raise InvalidProblemError(
                f"a Cournot oligopoly needs intercept > cost >= 0 and slope > 0, got "
                f"intercept={intercept!r}, cost={cost!r}, slope={slope!r}."
            )
        margin = (a - c) ** 2 / b
        return cls.symmetric(lambda s, sizes: margin / (len(sizes) + 1) ** 2, n, name="cournot")

    @classmethod
    def climate(cls, n: Any, *, b: Any = 1, c: Any = 1) -> PartitionFunctionGame:
        r"""The linear public-good (climate) game in partition-function form.

        Each country abates ``q_i`` at cost ``(c/2) q_i^2`` and gains ``b_i`` per unit of the
        total abatement ``Q``. The members of each coalition ``T`` of ``P`` maximise their
        joint payoff (``q_i = B_T / c`` with ``B_T`` the sum of their ``b_i``), so

        .. math:: v(S, P) = B_S\,Q(P) - \frac{|S|\,B_S^2}{2c}, \qquad
           Q(P) = \frac{1}{c} \sum_{T \in P} |T|\,B_T.

        Every coalition that forms helps the others (positive externalities). With identical
        countries (``b`` a number) the game is symmetric; with one ``b_i`` per country it is
        a general game (at most :data:`MAX_PARTITION_PLAYERS` countries) whose
        Chander-Tulkens weights are the shares ``b_i / sum(b)``.

        Parameters
        ----------
        n : int or sequence of str
            The number of countries, or their names.
        b : number or sequence of numbers
            Marginal benefit of abatement (positive), one number or one per country.
        c : number
            Slope of the marginal abatement cost (positive).

        Returns
        -------
        PartitionFunctionGame
            Named ``"climate"``, symmetric for one ``b``, with ``weights`` for one per country.

        References
        ----------
        .. [1] Barrett, S. (1994). Self-enforcing international environmental agreements.
           *Oxford Economic Papers* 46, 878-894.
        .. [2] Chander, P. and Tulkens, H. (1997). The core of an economy with multilateral
           environmental externalities. *International Journal of Game Theory* 26, 379-401.

        Examples
        --------
        >>> import coalitions as co
        >>> game = co.PartitionFunctionGame.climate(4)
        >>> singletons = [["1"], ["2"], ["3"], ["4"]]
        >>> game.value(["1"], singletons), game.value(["1", "2", "3", "4"], [["1", "2", "3", "4"]])
        (Fraction(7, 2), Fraction(32, 1))
        """
        names = _names(n, MAX_SYMMETRIC_PARTITION_PLAYERS, "PartitionFunctionGame.climate")
        c = _number(c, "c")
        if not c > 0:
            raise InvalidProblemError(f"the cost slope c must be positive, got {c!r}.")
        if isinstance(b, (str, bytes)) or not isinstance(b, Iterable):
            b = _number(b, "b")
            if not b > 0:
                raise InvalidProblemError(f"the marginal benefit b must be positive, got {b!r}.")
            scale = b * b / c
            half = 0.5 if isinstance(scale, float) else Fraction(1, 2)

            def symmetric_worth(s: int, sizes: tuple) -> Any:
                return scale * (s * sum(t * t for t in sizes) - half * s**3)

            return cls.symmetric(symmetric_worth, names, name="climate")
        benefits = [_number(v, "b") for v in b]
        if len(benefits) != len(names):
            raise InvalidProblemError(
                f"give one marginal benefit per country: {len(names)} countries, "
                f"{len(benefits)} benefits."
            )
        if not all(v > 0 for v in benefits):
            raise InvalidProblemError("every marginal benefit b_i must be positive.")
        if len(names) > MAX_PARTITION_PLAYERS:
            raise TooLargeError(
                f"a climate game with one benefit per country is a general game, limited to "
                f"{MAX_PARTITION_PLAYERS} countries; got {len(names)} (give one b for "
                "identical countries: a symmetric game)."
            )
        exact = not any(isinstance(v, float) for v in (*benefits, c))
        total = sum(benefits)
        units: list[Any]
        if exact:  # integer numerators over one denominator: one Fraction product per worth
            denominator = math.lcm(*(Fraction(v).denominator for v in benefits))
            units = [int(v * denominator) for v in benefits]
            scale = 1 / (2 * c * denominator**2)
        else:
            units, scale = [float(v) for v in benefits], 1 / (2 * float(c))
        n = len(names)
        joint: list[Any] = [0] * (1 << n)  # the sum of the units of each coalition
        for i, unit in enumerate(units):
            bit = 1 << i
            for mask in range(bit):
                joint[mask | bit] = joint[mask] + unit
        table = {}
        for masks in mask_partitions((1 << n) - 1):
            level = sum(m.bit_count() * joint[m] for m in masks)
            table[masks] = tuple(
                (2 * joint[m] * level - m.bit_count() * joint[m] ** 2) * scale for m in masks
            )
        weights = tuple(v / total for v in benefits)
        return cls._build(
            table, names, symmetric=False, exact=exact, name="climate", weights=weights
        )

    # ------------------------------------------------------------------ accessors
    is_symmetric = field_property(
        "_symmetric",
        "True when the game is stored by partition types (worths depend only on sizes).",
    )
    exact = field_property("_exact", "True when the worths are exact (Fractions).")
    name = field_property(
        "_name", 'The model\'s label (``"cournot"``, ``"climate"`` or ``"custom"``).'
    )
    weights = field_property(
        "_weights", "The model's sharing weights (the climate game's ``b_i / sum(b)``), or None."
    )

    @property
    def has_externalities(self) -> bool:
        """True when some coalition's worth depends on how the other players are organised."""
        seen: dict = {}
        for masks, worths in self._embedded():
            for mask, worth in zip(masks, worths):
                key = mask.bit_count() if self._symmetric else mask
                if seen.setdefault(key, worth) != worth:
                    return True
        return False

    def value(self, coalition: Any, partition: Any) -> Any:
        """The worth ``v(S, P)`` of ``coalition`` (names) in ``partition`` (lists of names),
        which must contain it as a block."""
        masks = partition_masks(partition, self._players, what="partition")
        mask = self.mask(coalition)
        if mask not in masks:
            raise InvalidProblemError(
                f"the coalition {list(names_of(mask, self._players))} is not a block of the "
                "partition; v(S, P) is defined for the coalitions S of P."
            )
        return self.worth(mask, masks)

    def worth(self, mask: int, masks: Iterable[int]) -> Any:
        """``v(S, P)`` by bitmasks: ``mask`` is a block of the partition ``masks`` (unchecked)."""
        if self._symmetric:
            return self._table[_sizes_of(masks)][mask.bit_count()]
        blocks = _canonical(masks)
        return self._table[blocks][blocks.index(mask)]

    def type_worth(self, size: int, sizes: Iterable[int]) -> Any:
        """The worth of a coalition of ``size`` players in a partition of type ``sizes``
        (block sizes, any order) of a symmetric game."""
        if not self._symmetric:
            raise InvalidProblemError(
                "type_worth needs a symmetric game; use worth(mask, masks) or value()."
            )
        sizes = tuple(sorted(sizes, reverse=True))
        by_size = self._table.get(sizes)
        if by_size is None or size not in by_size:
            raise InvalidProblemError(
                f"{list(sizes)} is not a partition type of {self.n_players} players that has a "
                f"block of {size}."
            )
        return by_size[size]

    def partitions(self) -> Iterator[tuple[int, ...]]:
        """Every partition of the players, as a tuple of block masks."""
        return mask_partitions(self.grand_coalition_mask)

    def partition_types(self) -> Iterator[tuple[int, ...]]:
        """Every partition type (block sizes, non-increasing) of ``n`` players."""
        return integer_partitions(self.n_players)

    def structure(self, masks: Iterable[int]) -> tuple:
        """A partition as name tuples, blocks ordered by their first player."""
        return partition_names(masks, self._players)

    def _embedded(self) -> Iterator[tuple[tuple[int, ...], tuple]]:
        """(partition masks, worths) for each stored partition (a representative per type)."""
        if not self._symmetric:
            yield from self._table.items()
            return
        for sizes, by_size in self._table.items():
            masks = consecutive_blocks(sizes)
            yield masks, tuple(by_size[m.bit_count()] for m in masks)

    def to_json(self) -> dict:
        """The game as a ``"partition-function"`` document (``coalitions.write_game`` writes
        it; docs/reference/file-format.md): a general game lists the worth of every embedded
        coalition by player names, a symmetric game the worth of every block size in every
        partition type. Exact worths are written as integers or ``"p/q"`` strings.

        Examples
        --------
        >>> import coalitions as co
        >>> game = co.PartitionFunctionGame.from_function(
        ...     lambda s, p: len(s) * len(p), ["a", "b"])
        >>> game.to_json()["worths"][0]
        {'coalition': ['a', 'b'], 'partition': [['a', 'b']], 'value': 2}
        >>> co.game_from_json(game.to_json()) == game
        True
        """
        return _pfg_to_json(self)

    # ------------------------------------------------------------------ protocol
    def _key(self) -> tuple:
        items = (
            tuple((k, tuple(sorted(v.items()))) for k, v in self._table.items())
            if self._symmetric
            else tuple(self._table.items())
        )
        return (self._players, self._symmetric, items)

    def __repr__(self) -> str:
        form = "symmetric, by partition types" if self._symmetric else "general"
        kind = "exact" if self._exact else "float"
        return f"PartitionFunctionGame({self._name!r}, n={self.n_players}, {form}, {kind})"


def _not_a_function(constructor: str, function: Any) -> InvalidArgumentError:
    return InvalidArgumentError(
        f"PartitionFunctionGame.{constructor} needs a function of the coalition and the "
        f"partition, got {type(function).__name__}."
    )


def _call(function: Callable[..., Any], *arguments: Any) -> Any:
    """``function(*arguments)``; an exception it raises becomes an InvalidGameError that
    names the arguments (the worth function is the user's input)."""
    try:
        return function(*arguments)
    except Exception as error:
        shown = ", ".join(repr(sorted(a) if isinstance(a, frozenset) else a) for a in arguments)
        raise InvalidGameError(
            f"the worth function raised {type(error).__name__} ({error}) when called with "
            f"{shown[:200]}; it must return a number for every coalition and partition."
        ) from error


def _names(players: Any, limit: int, where: str) -> tuple[str, ...]:
    names = player_names(players, where, InvalidProblemError)
    if len(names) > limit:
        raise TooLargeError(
            f"{where}: {len(names)} players; the limit is {limit} "
            f"(Bell({len(names)}) = {bell(len(names))} partitions). Symmetric games are "
            f"stored by partition types, up to {MAX_SYMMETRIC_PARTITION_PLAYERS} players."
        )
    return names


def _number(value: Any, what: str) -> Any:
    """A real model parameter: ints and Fractions as Fractions, floats as finite floats."""
    kind = nb.kind_of([value])
    if kind == nb.EXACT and not isinstance(value, bool):
        return nb.as_number(value, nb.EXACT)
    if kind == nb.FLOAT and math.isfinite(float(value)):
        return float(value)
    raise InvalidProblemError(f"{what} must be a finite number, got {value!r}.")


# ----------------------------------------------------------------------------- documents
def _pfg_to_json(game: PartitionFunctionGame) -> dict:
    """The ``"partition-function"`` document of a game (see :meth:`PartitionFunctionGame.to_json`)."""
    from .io import FORMAT_VERSION, _json_number

    number = _json_number if game._exact else float
    players = game._players
    document: dict[str, Any] = {
        "type": "partition-function",
        "version": FORMAT_VERSION,
        "kind": "exact" if game._exact else "float",
        "players": list(players),
    }
    if game._name != "custom":
        document["name"] = game._name
    if game._symmetric:
        document["types"] = [
            {"size": size, "partition_type": list(sizes), "value": number(worth)}
            for sizes, by_size in game._table.items()
            for size, worth in by_size.items()
        ]
    else:
        document["worths"] = [
            {
                "coalition": list(names_of(mask, players)),
                "partition": [list(block) for block in partition_names(masks, players)],
                "value": number(worth),
            }
            for masks, worths in game._table.items()
            for mask, worth in zip(masks, worths)
        ]
    if game._weights is not None:
        document["weights"] = [number(w) for w in game._weights]
    return document


def _document_numbers(raw: list, number_kind: str | None, wheres: list[str]) -> tuple[list, bool]:
    """The parsed numbers of a document as worths (Fractions or floats), honouring its
    ``"kind"``: ``"exact"`` refuses floats, ``"float"`` converts every number."""
    from .io import _refuse_floats_if_exact

    _refuse_floats_if_exact(raw, number_kind, wheres.__getitem__)
    if number_kind == "float":
        raw = [float(v) for v in raw]
    return _worths(raw, "the worths")


def _pfg_from_document(document: dict) -> PartitionFunctionGame:
    """A partition-function game from a document already checked against the schema."""
    from ._values import parse_number
    from .io import json_path

    players = tuple(document["players"])
    n = len(players)
    symmetric = "types" in document
    limit = MAX_SYMMETRIC_PARTITION_PLAYERS if symmetric else MAX_PARTITION_PLAYERS
    if n > limit:
        raise TooLargeError(
            f"players: {n} players; a {'symmetric' if symmetric else 'general'} "
            f"partition-function game has at most {limit} (Bell({n}) = {bell(n)} partitions)"
            + ("." if symmetric else '; give a symmetric game by "types" instead.')
        )
    index = {name: i for i, name in enumerate(players)}
    default = document.get("default")
    if default is not None:
        default = parse_number(default, "default")
    field = "types" if symmetric else "worths"
    given: dict = {}  # key -> (position in the list, parsed worth)
    for i, entry in enumerate(document[field]):
        where = json_path([field, i])
        _check_entry(entry, where, symmetric)
        key = _type_key(entry, n, where) if symmetric else _embedded_key(entry, index, where)
        if key in given:
            raise InvalidGameError(
                f"{where} gives the worth of {_shown(key, symmetric, players)} again (first at "
                f"{field}[{given[key][0]}]); list each once."
            )
        given[key] = (i, parse_number(entry["value"], f"{where}.value"))
    keys: list = (
        [
            (sizes, size)
            for sizes in integer_partitions(n)
            for size in sorted(set(sizes), reverse=True)
        ]
        if symmetric
        else [(masks, m) for masks in mask_partitions((1 << n) - 1) for m in masks]
    )
    if default is None and len(given) < len(keys):
        missing = next(k for k in keys if k not in given)
        raise InvalidGameError(
            f"the document gives {len(given)} of the {len(keys)} worths; the first missing is "
            f"that of {_shown(missing, symmetric, players)}. List every one, or give "
            '"default" for those not listed.'
        )
    raw = [given[k][1] if k in given else default for k in keys]
    wheres = [f"{field}[{given[k][0]}].value" if k in given else "default" for k in keys]
    worths, exact = _document_numbers(raw, document.get("kind"), wheres)
    table: dict = {}
    if symmetric:
        for (sizes, size), worth in zip(keys, worths):
            table.setdefault(sizes, {})[size] = worth
    else:
        for (masks, _), worth in zip(keys, worths):
            table.setdefault(masks, []).append(worth)
        table = {masks: tuple(w) for masks, w in table.items()}
    weights = None
    if "weights" in document:
        weights = _document_weights(document, n, exact)
    return PartitionFunctionGame._build(
        table,
        players,
        symmetric=symmetric,
        exact=exact,
        name=document.get("name", "custom"),
        weights=weights,
    )


def _check_entry(entry: Any, where: str, symmetric: bool) -> None:
    """What the schema says of one entry, for the long lists it does not check one by one."""
    from ._values import describe

    fields = (
        ("size", "partition_type", "value") if symmetric else ("coalition", "partition", "value")
    )
    shown = ", ".join(f'"{f}"' for f in fields)
    if not isinstance(entry, dict):
        raise InvalidGameError(f"{where} must be an object with {shown}, got {describe(entry)}.")
    extra = next((k for k in entry if k not in fields), None)
    missing = next((f for f in fields if f not in entry), None)
    if extra is not None or missing is not None:
        problem = f'unknown key "{extra}"' if extra is not None else f'"{missing}" is missing'
        raise InvalidGameError(f"{where}: {problem}; an entry has exactly the keys {shown}.")
    if symmetric:
        parts = entry["partition_type"]
        if not (isinstance(parts, list) and parts and all(_positive_int(p) for p in parts)):
            raise InvalidGameError(
                f"{where}.partition_type must be a non-empty list of positive integers (block "
                f"sizes), got {describe(parts)}."
            )
        if not _positive_int(entry["size"]):
            raise InvalidGameError(
                f"{where}.size must be a positive integer, got {describe(entry['size'])}."
            )
        return
    partition = entry["partition"]
    if not isinstance(entry["coalition"], list):
        raise InvalidGameError(
            f"{where}.coalition must be a list of player names, got {describe(entry['coalition'])}."
        )
    if not (isinstance(partition, list) and all(isinstance(b, list) for b in partition)):
        raise InvalidGameError(
            f"{where}.partition must be a list of coalitions (lists of player names), got "
            f"{describe(partition)}."
        )


def _positive_int(value: Any) -> bool:
    return type(value) is int and value >= 1


def _type_key(entry: dict, n: int, where: str) -> tuple:
    """``(partition type, block size)`` of an entry of ``"types"``, checked."""
    sizes = tuple(sorted(entry["partition_type"], reverse=True))
    size = entry["size"]
    if sum(sizes) != n:
        raise InvalidGameError(
            f"{where}.partition_type {entry['partition_type']} has block sizes summing "
            f"to {sum(sizes)}; a partition type of the {n} players sums to {n}."
        )
    if size not in sizes:
        raise InvalidGameError(
            f"{where}.size {size} is not a block size of its partition_type "
            f"{entry['partition_type']}; the coalition must be one of the blocks."
        )
    return sizes, size


def _embedded_key(entry: dict, index: dict, where: str) -> tuple:
    """``(canonical partition masks, coalition mask)`` of an entry of ``"worths"``, checked."""
    from .io import coalition_mask

    players = tuple(index)
    mask = coalition_mask(entry["coalition"], index, f"{where}.coalition")
    try:
        masks = _canonical(partition_masks(entry["partition"], players, what="partition"))
    except InvalidProblemError as error:
        raise InvalidGameError(f"{where}.partition: {error}") from None
    if mask not in masks:
        raise InvalidGameError(
            f"{where}: the coalition {list(names_of(mask, players))} is not a block of its "
            f"partition {[list(b) for b in partition_names(masks, players)]}; a worth v(S, P) "
            "is given for a coalition S that is one of the blocks of P."
        )
    return masks, mask


def _shown(key: tuple, symmetric: bool, players: tuple) -> str:
    """An embedded coalition (or a block size in a partition type) in words."""
    if symmetric:
        return f"a block of {key[1]} in the partition type {list(key[0])}"
    partition = [list(b) for b in partition_names(key[0], players)]
    return f"{list(names_of(key[1], players))} in the partition {partition}"


def _document_weights(document: dict, n: int, exact: bool) -> tuple:
    """A document's sharing weights: ``n`` non-negative numbers summing to one."""
    from ._values import parse_number

    listed = document["weights"]
    if len(listed) != n:
        raise InvalidGameError(
            f"weights has {len(listed)} entries; give one weight per player ({n})."
        )
    values = [parse_number(w, f"weights[{i}]") for i, w in enumerate(listed)]
    if not exact or any(type(v) is float for v in values):
        values = [float(v) for v in values]
    else:
        values = [Fraction(v) for v in values]
    negative = next((i for i, v in enumerate(values) if v < 0), None)
    total = sum(values)
    if negative is not None or not (
        total == 1 if isinstance(total, Fraction) else abs(total - 1) <= 1e-9
    ):
        raise InvalidGameError(
            f"weights must be non-negative and sum to one, got {listed}"
            + (f" (weights[{negative}] is negative)." if negative is not None else ".")
        )
    return tuple(values)
