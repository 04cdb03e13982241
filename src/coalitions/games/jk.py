"""(j,k) simple games: ``j`` ordered levels of approval in the input, ``k`` in the output.

A *(j,k) simple game* (Freixas & Zwicker 2003) maps every profile ``x in {0, ..., j-1}^n``
(voter ``i`` gives approval level ``x_i``; 0 is the lowest) to an output level ``v(x) in {0,
..., k-1}`` (0 the lowest), monotonically: raising any voter's level never lowers the output.
Following Kurz, Moyouwou & Touyem (2021) the levels are numbered from 0 upwards and the
everybody-lowest profile gives output 0, the everybody-highest one output ``k - 1``.
Ordinary simple games are the (2,2) games, ternary (yes/abstain/no) games the (3,2) games
(:mod:`coalitions.games.ternary`).

``JKSimpleGame``
    any such rule, given as a function of the profile or as its table of ``j**n`` outputs
    (small bodies: at most :data:`MAX_JK_PROFILES` profiles).
``WeightedJKGame``
    a weighted (j,k) game: voter ``i`` contributes ``w_i(x_i)`` (non-decreasing in the level)
    and the output is the number of the ``k - 1`` quotas ``q_1 <= ... <= q_{k-1}`` that the
    total reaches. Any number of voters; its measures are computed by dynamic programming
    over weights (:mod:`coalitions.power.jk`).

Profiles are coded ``sum_i x_i j**i`` (voter ``i`` is digit ``i`` in base ``j``), the code of
:class:`~coalitions.TernaryVotingGame` when ``j = 3``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from numbers import Integral
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, player_names
from .._display import html_block
from .._docstrings import fill_doc
from .._frozen import Frozen, assign, field_property
from .._players import PlayerSet
from ..exceptions import InvalidGameError, TooLargeError

__all__ = ["JKSimpleGame", "WeightedJKGame", "MAX_JK_PROFILES"]

#: Most profiles (``j**n``) for which a (j,k) game's table of outputs is built or enumerated
#: (the size of the ternary limit, ``3**11``).
MAX_JK_PROFILES = 3**11
#: The reference every (j,k) and ternary game docstring cites first.
FREIXAS_ZWICKER = """.. [1] Freixas, J. and Zwicker, W. S. (2003). Weighted voting, abstention, and multiple
   levels of approval. *Social Choice and Welfare* 21(3), 399-431."""


def check_profiles_count(levels: int, n: int, what: str) -> None:
    """Refuse (TooLargeError) to enumerate more than :data:`MAX_JK_PROFILES` profiles."""
    if levels**n > MAX_JK_PROFILES:
        raise TooLargeError(
            f"{what} enumerates all {levels}**{n} = {levels**n} profiles; the limit is "
            f"{MAX_JK_PROFILES}. Give the rule as a WeightedJKGame (weights per level and "
            "quotas): its measures use dynamic programming over weights (method='exact')."
        )


def _count(value: Any, what: str) -> int:
    """A number of levels: a whole number of at least 2."""
    if isinstance(value, bool) or not isinstance(value, Integral) or int(value) < 2:
        raise InvalidGameError(
            f"{what} must be a whole number of levels, at least 2, got {value!r}."
        )
    return int(value)


def profile_digits(codes: np.ndarray, n: int, levels: int) -> np.ndarray:
    """The levels of each profile code (``sum_i x_i levels**i``), shape (len(codes), n)."""
    powers = levels ** np.arange(n, dtype=np.int64)
    return (codes[:, None] // powers[None, :]) % levels


@fill_doc(freixas_zwicker=FREIXAS_ZWICKER)
class JKSimpleGame(Frozen, PlayerSet):
    """A (j,k) simple game given by its rule: ``j`` ordered input levels, ``k`` output levels.

    .. math:: v : \\{0, \\dots, j-1\\}^n \\to \\{0, \\dots, k-1\\}, \\qquad
              x \\le y \\Rightarrow v(x) \\le v(y), \\quad v(0, \\dots, 0) = 0, \\quad
              v(j-1, \\dots, j-1) = k - 1

    Parameters
    ----------
    rule : callable
        ``rule(levels)`` with ``levels`` a dict from each voter's name to its approval level
        (0 the lowest, ``j - 1`` the highest); returns the output level, a whole number from
        0 (the lowest) to ``k - 1`` (for ``k = 2`` a truth value will do). Called once per
        profile (``j**n`` times).
    players : int or sequence of str
        The voters (a count ``n`` gives ``"1"``, ..., ``"n"``).
    levels : int
        ``j``, the number of input levels (at least 2).
    outputs : int
        ``k``, the number of output levels (at least 2).

    Raises
    ------
    InvalidGameError
        If the rule is not monotone (raising a level lowers the output somewhere), returns
        something other than a level in ``0..k-1``, or the all-lowest profile does not give
        0 or the all-highest does not give ``k - 1``.
    TooLargeError
        Above :data:`MAX_JK_PROFILES` profiles (use :class:`WeightedJKGame`).

    Notes
    -----
    The outcome table is kept (read-only); the measures of :mod:`coalitions.power.jk`
    enumerate it (``method="enumeration"``).

    References
    ----------
    {{freixas_zwicker}}
    .. [2] Kurz, S., Moyouwou, I. and Touyem, H. (2021). Axiomatizations for the
       Shapley-Shubik power index for games with several levels of approval in the input and
       output. *Social Choice and Welfare* (arXiv:2001.10197).

    Examples
    --------
    Freixas's (2005) Example 2.8: a president and a vice-president each vote high (2), partial
    (1) or postpone (0); the company buys many computers (2) if the president votes high and
    the vice-president does not postpone, a few (1) if the president votes high and the
    vice-president postpones or the president votes partial and the vice-president high:

    >>> import coalitions as co
    >>> def buy(levels):
    ...     p, vp = levels["president"], levels["vice"]
    ...     if p == 2:
    ...         return 2 if vp > 0 else 1
    ...     return 1 if (p, vp) == (1, 2) else 0
    >>> game = co.JKSimpleGame(buy, ["president", "vice"], levels=3, outputs=3)
    >>> game.outcome({"president": 2, "vice": 1}), game.outcome([1, 1])
    (2, 0)
    """

    _players: tuple[str, ...]
    _levels: int
    _outputs: int
    _table: np.ndarray
    _hash: int | None = None

    def __init__(
        self, rule: Callable[..., Any], players: Any, *, levels: int, outputs: int
    ) -> None:
        if not callable(rule):
            raise InvalidGameError(
                "JKSimpleGame needs a rule: a function of a dict {voter: level} returning the "
                f"output level, got {type(rule).__name__}."
            )
        j, k = _count(levels, "levels"), _count(outputs, "outputs")
        names = player_names(players, "JKSimpleGame: players")
        n = len(names)
        check_profiles_count(j, n, "JKSimpleGame")
        digits = profile_digits(np.arange(j**n, dtype=np.int64), n, j)
        table = np.empty(j**n, dtype=np.int64)
        for code, profile in enumerate(digits.tolist()):
            levels_given = dict(zip(names, profile))
            try:
                value = rule(levels_given)
            except Exception as error:  # the caller's function: say where it failed
                raise InvalidGameError(
                    f"the rule raised {type(error).__name__}: {error} for the profile "
                    f"{levels_given}; it must return an output level for every profile."
                ) from error
            if not isinstance(value, (Integral, np.bool_)) or not 0 <= int(value) < k:
                raise InvalidGameError(
                    f"the rule returned {value!r} for the profile {levels_given}; "
                    f"it must return an output level, a whole number from 0 to {k - 1}."
                )
            table[code] = int(value)
        self._init_table(table, names, j, k)

    @classmethod
    def from_table(cls, table: Any, players: Any, *, levels: int, outputs: int) -> JKSimpleGame:
        """The game whose output for the profile code ``sum_i x_i j**i`` is ``table[code]``
        (``j**n`` whole numbers from 0 to ``k - 1``; for ``j = 3`` the table of a
        :class:`~coalitions.TernaryVotingGame`).

        Examples
        --------
        >>> import coalitions as co
        >>> table = [0, 0, 0, 1]  # two voters, two levels: both must approve (a (2,2) game)
        >>> co.JKSimpleGame.from_table(table, ["a", "b"], levels=2, outputs=2).outcome([1, 1])
        1
        """
        j, k = _count(levels, "levels"), _count(outputs, "outputs")
        names = player_names(players, "JKSimpleGame.from_table: players")
        n = len(names)
        check_profiles_count(j, n, "JKSimpleGame.from_table")
        array = np.asarray(table)
        if array.shape != (j**n,) or array.dtype.kind not in "biu":
            raise InvalidGameError(
                f"JKSimpleGame.from_table: the table must hold {j}**{n} = {j**n} whole "
                f"numbers (one output level per profile code), got shape {array.shape} of "
                f"{array.dtype}."
            )
        array = array.astype(np.int64)
        if array.size and (array.min() < 0 or array.max() >= k):
            raise InvalidGameError(
                f"JKSimpleGame.from_table: output levels must be whole numbers from 0 to "
                f"{k - 1}; the table holds {int(array.min())} to {int(array.max())}."
            )
        game = cls.__new__(cls)
        game._init_table(array, names, j, k)
        return game

    def _init_table(self, table: np.ndarray, names: tuple[str, ...], j: int, k: int) -> None:
        _check_table(table, len(names), j, k)
        assign(self, _players=names, _levels=j, _outputs=k, _table=nb.read_only(table.copy()))

    n_levels = field_property("_levels", "``j``, the number of input levels.")
    n_outputs = field_property("_outputs", "``k``, the number of output levels.")

    # --- outcomes ---------------------------------------------------------------------------
    def outcome_table(self) -> np.ndarray:
        """Read-only int array of the ``j**n`` output levels, indexed by profile code."""
        return self._table

    def outcomes(self, profiles: Any) -> np.ndarray:
        """Vectorised output: ``profiles`` an integer array of shape (m, n) of levels
        ``0..j-1``; the output level of each row."""
        levels = self._check_profiles(profiles)
        codes = levels @ (self._levels ** np.arange(self.n_players, dtype=np.int64))
        return self._table[codes]

    def outcome(self, levels: Mapping[str, int] | Sequence[int]) -> int:
        """The output level of one profile: a sequence of ``n`` levels, or a mapping from
        voters' names to levels (the voters it leaves out give level 0)."""
        return int(self.outcomes(self.profile(levels)[None, :])[0])

    def profile(self, levels: Mapping[str, int] | Sequence[int]) -> np.ndarray:
        """The level vector of a profile given as a mapping {name: level} or a sequence."""
        if isinstance(levels, Mapping):
            vector = np.zeros(self.n_players, dtype=np.int64)
            for name, level in levels.items():
                vector[self.player_index(name)] = self._level(level, name)
            return vector
        items = as_list(levels, "profile", InvalidGameError, expected="a list of levels")
        if len(items) != self.n_players:
            raise InvalidGameError(
                f"a profile gives one level per voter: {self.n_players} levels, got {len(items)}."
            )
        return np.array(
            [self._level(v, name) for v, name in zip(items, self._players)], dtype=np.int64
        )

    def _level(self, value: Any, name: str) -> int:
        if isinstance(value, bool) or not isinstance(value, Integral):
            raise InvalidGameError(f"the level of {name!r} must be a whole number, got {value!r}.")
        if not 0 <= int(value) < self._levels:
            raise InvalidGameError(
                f"the level of {name!r} is {value}; levels run from 0 (lowest) to "
                f"{self._levels - 1} (highest)."
            )
        return int(value)

    def _check_profiles(self, profiles: Any) -> np.ndarray:
        levels = np.asarray(profiles)
        n, j = self.n_players, self._levels
        if levels.ndim != 2 or levels.shape[1] != n or levels.dtype.kind not in "iu":
            raise InvalidGameError(
                f"profiles must be an integer array of shape (m, {n}) of levels 0..{j - 1}; "
                f"got shape {levels.shape} of {levels.dtype}."
            )
        if levels.size and (levels.min() < 0 or levels.max() >= j):
            raise InvalidGameError(f"a level must be a whole number from 0 to {j - 1}.")
        return levels.astype(np.int64)

    def to_json(self) -> dict:
        """The game as a JSON document (``coalitions.write_game`` writes it): a
        :class:`WeightedJKGame` by its weights and quotas (``"weighted-jk"``), any other by its
        ``j**n`` outputs (``"jk"``)."""
        from .io import _levels_to_json

        return _levels_to_json(self)

    # --- identity and display ---------------------------------------------------------------
    def _key(self) -> tuple:
        return (self._players, self._levels, self._outputs, self._table.tobytes())

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.n_players} voters, {self._levels} input levels, "
            f"{self._outputs} output levels)"
        )

    def _repr_html_(self) -> str:
        return html_block(
            type(self).__name__,
            [
                ("voters", self.n_players),
                ("input levels", self._levels),
                ("output levels", self._outputs),
            ],
            [(["voter"], [(p,) for p in self._players], self.n_players, "voters")],
        )


def _check_table(table: np.ndarray, n: int, j: int, k: int) -> None:
    """Monotone in every voter, all-lowest gives 0, all-highest gives ``k - 1``."""
    if table[0] != 0:
        raise InvalidGameError(
            f"the profile where everybody gives the lowest level has output {int(table[0])}; "
            "a (j,k) simple game needs it to give the lowest output, 0."
        )
    if table[-1] != k - 1:
        raise InvalidGameError(
            f"the profile where everybody gives the highest level has output "
            f"{int(table[-1])}; a (j,k) simple game needs it to give the highest, {k - 1}."
        )
    for i in range(n):
        by_level = table.reshape(j ** (n - 1 - i), j, j**i)
        if np.any(np.diff(by_level, axis=1) < 0):
            raise InvalidGameError(
                f"the rule is not monotone in voter {i + 1}: raising its level lowers the "
                "output somewhere."
            )


def _rationals(values: Sequence[Any], what: str) -> list[Fraction]:
    """Exact rationals of ints, Fractions, Decimals and finite floats (as typed)."""
    kind = nb.kind_of(values)
    if kind not in (nb.EXACT, nb.FLOAT) or any(isinstance(v, (bool, np.bool_)) for v in values):
        raise InvalidGameError(f"{what} must be rational numbers (int, Fraction, decimal).")
    if kind == nb.FLOAT:
        if not all(np.isfinite(float(v)) for v in values):
            raise InvalidGameError(f"{what} must be finite numbers.")
        return [Fraction(repr(float(v))) if isinstance(v, float) else Fraction(v) for v in values]
    return [Fraction(v) for v in values]


@fill_doc(freixas_zwicker=FREIXAS_ZWICKER)
class WeightedJKGame(JKSimpleGame):
    """A weighted (j,k) game: each voter's weight depends on its level; the output is the
    number of quotas the total weight reaches.

    .. math:: v(x) = \\#\\{t : \\textstyle\\sum_i w_i(x_i) \\ge q_t\\}, \\qquad
              w_i(0) \\le w_i(1) \\le \\dots \\le w_i(j-1), \\quad
              q_1 \\le q_2 \\le \\dots \\le q_{k-1}

    Parameters
    ----------
    weights : sequence of sequences of rationals
        ``weights[i][a]`` is voter ``i``'s weight at level ``a`` (lowest level first), ``j``
        non-decreasing numbers per voter (they may be negative, as in Freixas & Zwicker).
    quotas : sequence of rationals
        The ``k - 1`` non-decreasing quotas: output level ``t`` needs a total of at least
        ``quotas[t - 1]``.
    players : int or sequence of str, optional
        The voters (default ``"1"``, ..., ``"n"``).

    Raises
    ------
    InvalidGameError
        For weights that are not numbers, lists of different lengths, weights that decrease
        with the level, quotas out of order, or quotas that the all-lowest profile already
        reaches (its output must be 0) or the all-highest one misses (its output must be
        ``k - 1``).

    References
    ----------
    {{freixas_zwicker}}

    Examples
    --------
    Freixas & Zwicker's grading committee (Freixas 2005, Example 2.9): three professors mark
    wrong (0), regular (1) or right (2); the student fails (0), passes (1), is notable (2) or
    excellent (3) as the total reaches 1, 2 or 3.

    >>> import coalitions as co
    >>> game = co.WeightedJKGame([[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3],
    ...                          ["th", "pro", "pra"])
    >>> game.outcome({"th": 2, "pro": 0, "pra": 2}), game.n_levels, game.n_outputs
    (1, 3, 4)
    """

    _weights: tuple[tuple[Any, ...], ...]
    _quotas: tuple[Any, ...]
    _int_weights: tuple[tuple[int, ...], ...]
    _int_quotas: tuple[int, ...]

    def __init__(
        self, weights: Sequence[Sequence[Any]], quotas: Sequence[Any], players: Any = None
    ):
        rows = as_list(
            weights,
            "WeightedJKGame: weights",
            InvalidGameError,
            expected="a list with one list of per-level weights for each voter",
        )
        if not rows:
            raise InvalidGameError("WeightedJKGame needs at least one voter.")
        rows = [
            as_list(row, f"WeightedJKGame: weights of voter {i + 1}", InvalidGameError,
                    expected="a list of weights, one per level (lowest first)")
            for i, row in enumerate(rows)
        ]  # fmt: skip
        j = len(rows[0])
        if j < 2 or any(len(row) != j for row in rows):
            raise InvalidGameError(
                f"WeightedJKGame: every voter needs one weight per level, at least 2 levels; "
                f"got {sorted({len(row) for row in rows})} weights per voter."
            )
        qs = as_list(
            quotas, "WeightedJKGame: quotas", InvalidGameError, expected="a list of quotas"
        )
        if not qs:
            raise InvalidGameError(
                "WeightedJKGame needs at least one quota (k - 1 quotas for k output levels)."
            )
        n = len(rows)
        names = player_names(n if players is None else players, "WeightedJKGame: players")
        if len(names) != n:
            raise InvalidGameError(f"WeightedJKGame: {len(names)} player names for {n} voters.")
        flat = _rationals([w for row in rows for w in row], "WeightedJKGame: weights")
        fq = _rationals(qs, "WeightedJKGame: quotas")
        scaled, scale = nb.to_scaled_int([*flat, *fq], dtype=object)
        ints = [int(v) for v in scaled.tolist()]
        common = math.gcd(*ints) or 1  # the same game on the smallest integers (1e18 -> 1)
        ints = [v // common for v in ints]
        unit = Fraction(common, scale)
        int_rows = tuple(tuple(ints[i * j : (i + 1) * j]) for i in range(n))
        int_quotas = tuple(ints[n * j :])
        for name, row, given in zip(names, int_rows, rows):
            if any(a > b for a, b in zip(row, row[1:])):
                raise InvalidGameError(
                    f"voter {name!r}: weights {given} decrease with the level; a higher level "
                    "of approval must weigh at least as much (lowest level first)."
                )
        if any(a > b for a, b in zip(int_quotas, int_quotas[1:])):
            raise InvalidGameError(
                f"WeightedJKGame: quotas {qs} must be non-decreasing (quota t is what output "
                "level t needs)."
            )
        if sum(row[0] for row in int_rows) >= int_quotas[0]:
            raise InvalidGameError(
                f"the first quota {qs[0]} is reached when everybody gives the lowest level; "
                "raise it above the total of the lowest-level weights (that profile must give "
                "output 0)."
            )
        if sum(row[-1] for row in int_rows) < int_quotas[-1]:
            raise InvalidGameError(
                f"the last quota {qs[-1]} is more than the total of the highest-level weights; "
                "the highest output could never be reached."
            )

        def shown(values: Sequence[int]) -> tuple:
            return tuple(nb.int_if_integral(v * unit) for v in values)

        assign(
            self,
            _players=names,
            _levels=j,
            _outputs=len(int_quotas) + 1,
            _weights=tuple(shown(row) for row in int_rows),
            _quotas=shown(int_quotas),
            _int_weights=int_rows,
            _int_quotas=int_quotas,
        )

    weights = field_property("_weights", "Each voter's weights by level (lowest first), exact.")
    quotas = field_property("_quotas", "The ``k - 1`` quotas, exact.")
    int_weights = field_property(
        "_int_weights",
        "Each voter's weights by level, scaled exactly to the smallest integers (the common "
        "denominator, divided by the greatest common divisor).",
    )
    int_quotas = field_property("_int_quotas", "The quotas, scaled exactly like the weights.")

    def outcome_table(self) -> np.ndarray:
        """The ``j**n`` output levels (at most :data:`MAX_JK_PROFILES` profiles)."""
        check_profiles_count(self._levels, self.n_players, "outcome_table()")
        codes = np.arange(self._levels**self.n_players, dtype=np.int64)
        return self.outcomes(profile_digits(codes, self.n_players, self._levels))

    def outcomes(self, profiles: Any) -> np.ndarray:
        """Vectorised output of an integer array of levels, shape (m, n); any n."""
        levels = self._check_profiles(profiles)
        weights = np.array(self._int_weights, dtype=object)
        totals = weights[np.arange(self.n_players)[None, :], levels].sum(axis=1)
        quotas = np.array(self._int_quotas, dtype=object)
        reached = (np.asarray(totals, dtype=object)[:, None] >= quotas[None, :]).sum(axis=1)
        return np.asarray(reached, dtype=np.int64).reshape(len(levels))

    def _key(self) -> tuple:
        return (self._players, self._int_weights, self._int_quotas)

    def __repr__(self) -> str:
        return (
            f"WeightedJKGame(quotas={list(self._quotas)}, {self.n_players} voters, "
            f"{self._levels} input levels)"
        )

    def _repr_html_(self) -> str:
        header = ["voter", *(f"level {a}" for a in range(self._levels))]
        rows = [(p, *row) for p, row in zip(self._players, self._weights)]
        return html_block(
            type(self).__name__,
            [("voters", self.n_players), ("quotas", ", ".join(map(str, self._quotas)))],
            [(header, rows, self.n_players, "voters")],
        )
