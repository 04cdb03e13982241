"""Result objects returned by the solvers: one family with one contract.

Every solver returns a frozen dataclass derived from :class:`Result`. Each result has

* ``x`` (one entry per player, in ``players`` order) or a documented ``value`` (the headline
  answer when there is no entry per player, e.g. Coleman's power to act or the size of a
  win-set), sometimes both;
* ``players``, ``exact``, ``concept`` and ``method`` (lowercase, words joined by hyphens:
  ``"shapley"``, ``"closed-form"``);
* ``success``, ``status`` and ``message`` with scipy.optimize's meanings: ``status`` is 0 on
  success, 1 when a solver or its verification failed, 2 when a limit (iterations, size) was
  reached; ``success`` is ``status == 0``.

Results with one entry per player are read-only :class:`~collections.abc.Mapping` objects from
player name to entry (:class:`AllocationResult`), so ``result["A"]`` and ``dict(result)`` work.
Every result has ``to_dict()`` (JSON-ready; exact fractions become strings such as ``"2/3"``,
integers stay integers, symbolic expressions become their sympy string), ``numpy.asarray``
support (``x``, else ``value``) and a short repr that shows floats and says whether the numbers
are exact.

>>> import coalitions as co
>>> phi = co.shapley_value(co.glove_game(["L"], ["R1", "R2"]))
>>> phi
ValueResult(concept='shapley', method='exact', exact=True, x={'L': 0.666667, 'R1': 0.166667, 'R2': 0.166667})
>>> phi["L"], dict(phi)["R1"]
(Fraction(2, 3), Fraction(1, 6))
>>> phi.to_dict()["x"]
{'L': '2/3', 'R1': '1/6', 'R2': '1/6'}
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np

from . import _display
from ._frozen import field_property
from .exceptions import InvalidArgumentError, UnknownNameError, UnknownPlayerError

#: ``status`` codes shared by every result (scipy.optimize's convention).
SUCCESS, FAILED, LIMIT = 0, 1, 2

#: How many entries a repr shows before it elides the rest.
_REPR_ENTRIES = 8


def jsonable(value: Any) -> Any:
    """Convert numbers, arrays, results and containers to JSON-ready Python objects.

    Exact fractions become ``"p/q"`` strings (integers stay integers), non-finite floats their
    string (``"nan"``, ``"inf"``), sympy expressions their string, results their
    ``to_dict()``.
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else int(value.numerator)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else str(value)
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, Result):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if value is None or isinstance(value, str):
        return value
    if type(value).__module__.startswith("sympy"):
        return str(value)
    if dataclasses.is_dataclass(value) and hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)


def short_number(value: Any) -> str:
    """A number as a reader wants it in a repr: floats (and exact fractions, which the result's
    ``exact`` flag announces) with six significant digits, integers and symbols as they are."""
    number = _display.number_text(value)
    if number is not None:
        return number
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, np.ndarray) or isinstance(value, (list, tuple)):
        return f"[{_display.listing(list(value), short_number, _REPR_ENTRIES)}]"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class Result:
    """Base of every result: the fields every solver fills, ``to_dict()`` and a short repr.

    Attributes
    ----------
    players : tuple of str
        The players (members) the result is about; empty for models without named players.
    exact : bool
        True when every number is exact (rational or symbolic arithmetic) and was verified.
    concept : str
        The solution concept or quantity, e.g. ``"shapley"``, ``"core"``, ``"win-set"``.
    method : str
        The algorithm that produced it, e.g. ``"exact"``, ``"closed-form"``, ``"sequential"``.
    success : bool
        False when a solver failed or its answer could not be verified; ``message`` says why.
    status : int
        0 on success, 1 when a solver or its verification failed, 2 when a limit was reached.
    message : str
        What happened, in words (empty when there is nothing to add).
    """

    players: tuple = ()
    exact: bool = False
    concept: str = ""
    method: str = ""
    success: bool = True
    status: int = SUCCESS
    message: str = ""

    #: Fields shown in the repr after concept, method and exact (besides the headline).
    _repr_fields: ClassVar[tuple[str, ...]] = ()
    #: True when the fields of one entry per player make the HTML table and ``to_frame()``
    #: (allocations, power tables); otherwise equal-length sequence fields give the rows.
    _by_player: ClassVar[bool] = False

    def __post_init__(self) -> None:
        # success and status say the same thing: keep them consistent however they were given.
        if not self.success and self.status == SUCCESS:
            object.__setattr__(self, "status", FAILED)
        elif self.status != SUCCESS and self.success:
            object.__setattr__(self, "success", False)

    def to_dict(self) -> dict:
        """JSON-ready dictionary of every field (``x`` keyed by player name)."""
        out = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "x" and value is not None and len(self.players) == len(value):
                value = dict(zip(self.players, list(value)))
            out[item.name] = jsonable(value)
        if "value" not in out and _has_value_property(type(self)):
            out["value"] = jsonable(self.value)  # type: ignore[attr-defined]
        return out

    def _headline(self) -> Any:
        x = getattr(self, "x", None)
        return x if x is not None else getattr(self, "value", None)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        headline = self._headline()
        if isinstance(headline, np.ndarray) and headline.dtype == object and dtype is None:
            return headline.copy() if copy else headline
        return np.array(headline, dtype=dtype)

    def _repr_parts(self) -> list[str]:
        parts = []
        for name in ("concept", "method"):
            if getattr(self, name):
                parts.append(f"{name}={getattr(self, name)!r}")
        parts.append(f"exact={self.exact}")
        if getattr(self, "cost", False):
            parts.append("cost=True")
        for name in self._repr_fields:
            parts.append(f"{name}={short_number(getattr(self, name))}")
        if not self.success:
            parts.append("success=False")
            if self.message:
                parts.append(f"message={short_number(self.message)}")
        return parts

    # ------------------------------------------------------------ rich display
    def _table(self) -> tuple[str, dict[str, list], set[str]]:
        """The result's main table, read from its fields: ``("players", columns)`` with one
        column per field (or dict entry) holding one entry per player, else
        ``("rows", columns)`` with the sequence fields of the most common length, else
        ``("", {})``; and the names of the fields the columns come from."""
        n = len(self.players) if self._by_player else 0
        by_player: dict[str, list] = {}
        from_fields: set[str] = set()
        by_length: dict[int, dict[str, list]] = {}
        for item in dataclasses.fields(self):
            if item.name == "players":
                continue
            value = getattr(self, item.name)
            if n and _is_column(value, n):
                by_player[item.name] = list(value)
                from_fields.add(item.name)
            elif n and isinstance(value, Mapping) and value:
                if all(_is_column(col, n) for col in value.values()):
                    by_player.update({str(k): list(col) for k, col in value.items()})
                    from_fields.add(item.name)
            elif _is_sequence(value) and len(value) > 0:
                by_length.setdefault(len(value), {})[item.name] = list(value)
        if by_player:
            return "players", by_player, from_fields
        if by_length:
            rows = max(by_length.values(), key=len)
            return "rows", rows, set(rows)
        return "", {}, set()

    def _repr_html_(self) -> str:
        """A compact HTML table for Jupyter: the scalar fields, then the entries per player
        (or the result's rows); exact fractions shown as ``2/3 (0.666667)``."""
        kind, columns, used = self._table()
        summary: list[tuple[str, Any]] = []
        for item in dataclasses.fields(self):
            name = item.name
            if name in used or (kind == "players" and name == "players"):
                continue
            value = getattr(self, name)
            if name == "players" or not _is_blank(value):
                summary.append((name, value))
        if _has_value_property(type(self)) and "value" not in columns:
            summary.append(("value", self.value))  # type: ignore[attr-defined]
        n_rows = len(next(iter(columns.values()))) if columns else 0
        if kind == "players":
            header = ["player", *columns]
            rows: Any = zip(self.players, *columns.values())
        else:
            header = ["#", *columns] if columns else []
            rows = zip(range(n_rows), *columns.values())
        tables = [(header, rows, n_rows, kind)] if columns else []
        return _display.html_block(type(self).__name__, summary, tables)

    def to_frame(self) -> Any:
        """The result as a :class:`pandas.DataFrame` (needs pandas, the ``frames`` extra).

        One row per player (index ``player``) with a column per field that has one entry per
        player (``x`` and, e.g., ``std_error``, or one column per index of a power table);
        for a result without entries per player, one row per item of its listed rows
        (coalitions, clubs, quotas); otherwise one row of the JSON-ready fields. Entries keep
        their type (``Fraction`` stays ``Fraction``).

        Raises
        ------
        CoalitionsError
            When pandas is not installed (``pip install coalitions-toolkit[frames]``).
        """
        pandas = _display.require_pandas()
        kind, columns, _ = self._table()
        if kind == "players":
            index = pandas.Index(list(self.players), name="player")
            return pandas.DataFrame(
                {k: pandas.Series(v, index=index, dtype=object) for k, v in columns.items()},
                index=index,
            )
        if kind == "rows":
            return pandas.DataFrame({k: pandas.Series(v, dtype=object) for k, v in columns.items()})
        return pandas.DataFrame([self.to_dict()])

    def __repr__(self) -> str:
        parts = self._repr_parts()
        if getattr(self, "x", None) is None and hasattr(self, "value"):
            parts.append(f"value={short_number(self.value)}")
        return f"{type(self).__name__}({', '.join(parts)})"


class _Listing:
    """Mixin of a result that lists items (coalitions, clubs) in its field ``_listed``:
    ``len(result)`` and ``value`` count them."""

    _listed: ClassVar[str]

    def __len__(self) -> int:
        return len(getattr(self, self._listed))

    @property
    def value(self) -> int:
        """How many items are listed."""
        return len(self)


def _has_value_property(cls: type) -> bool:
    return isinstance(getattr(cls, "value", None), property)


def _is_blank(value: Any) -> bool:
    """None, an empty string or an empty container: not worth a summary row."""
    if value is None:
        return True
    if isinstance(value, (str, list, tuple, dict, np.ndarray)):
        return len(value) == 0
    return False


def _is_sequence(value: Any) -> bool:
    if isinstance(value, np.ndarray):
        return value.ndim == 1
    return isinstance(value, (list, tuple))


def _is_column(value: Any, n: int) -> bool:
    """True for one entry per player: a 1-D array, or a list of numbers, of length ``n``."""
    if isinstance(value, np.ndarray):
        return value.ndim == 1 and len(value) == n
    return (
        isinstance(value, (list, tuple))
        and len(value) == n
        and not any(isinstance(v, (str, tuple, list, dict)) for v in value)
    )


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class AllocationResult(Result, Mapping):
    """A result with one entry per player: a read-only mapping from player name to ``x[i]``.

    Attributes
    ----------
    x : numpy.ndarray
        One entry per player, in ``players`` order (float64 for float games, ``Fraction``
        objects for exact ones, sympy expressions for symbolic ones).
    cost : bool
        True when the game's worths are costs, so that ``x`` holds cost shares.
    """

    x: Any
    cost: bool = False
    _by_player: ClassVar[bool] = True

    def __getitem__(self, player: str) -> Any:
        index = _player_positions(self).get(player) if isinstance(player, str) else None
        if index is None:
            names = ", ".join(map(repr, self.players[:_REPR_ENTRIES]))
            more = ", ..." if len(self.players) > _REPR_ENTRIES else ""
            raise UnknownPlayerError(f"unknown player {player!r}; the players are {names}{more}")
        return self.x[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.players)

    def __len__(self) -> int:
        return len(self.players)

    def __contains__(self, player: object) -> bool:
        return isinstance(player, str) and player in _player_positions(self)

    # Mapping defines __eq__ (entry by entry) and so sets __hash__ to None: results are values.
    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        entries = [
            f"{p!r}: {short_number(v)}"
            for p, v in zip(self.players[:_REPR_ENTRIES], list(self.x[:_REPR_ENTRIES]))
        ]
        if len(self.players) > _REPR_ENTRIES:
            entries.append(f"... ({len(self.players)} players)")
        return f"{type(self).__name__}({', '.join(self._repr_parts())}, x={{{', '.join(entries)}}})"

    def to_series(self) -> Any:
        """``x`` as a :class:`pandas.Series` indexed by player (needs pandas, the ``frames``
        extra); entries keep their type (``Fraction`` stays ``Fraction``).

        Raises
        ------
        CoalitionsError
            When pandas is not installed (``pip install coalitions-toolkit[frames]``).
        """
        pandas = _display.require_pandas()
        index = pandas.Index(list(self.players), name="player")
        dtype = object if self.exact or np.asarray(self.x).dtype == object else None
        return pandas.Series(list(self.x), index=index, name=self.concept or "x", dtype=dtype)


def _player_positions(result: AllocationResult) -> dict:
    positions = result.__dict__.get("_positions")
    if positions is None:
        positions = {name: i for i, name in enumerate(result.players)}
        object.__setattr__(result, "_positions", positions)
    return positions


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class ValueResult(AllocationResult):
    """A single-valued solution (Shapley value, Banzhaf value, ...).

    Attributes
    ----------
    x : numpy.ndarray
        Payoffs, float64 for float games, ``Fraction`` objects for exact games, sympy
        expressions for symbolic games.
    normalized : bool
        For indices that have a normalised variant (Banzhaf).
    n_evaluations : int or None
        Number of coalition values read.
    std_error : numpy.ndarray or None
        Standard error of each entry for sampling estimators; None for exact methods.
    """

    normalized: bool = False
    n_evaluations: int | None = None
    std_error: Any = None


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class LorenzResult(ValueResult):
    """The Lorenz solution of a game (:func:`coalitions.lorenz_solution`): the core
    allocation closest to the equal split, which no core allocation Lorenz-dominates.

    Attributes
    ----------
    dominant : bool
        True when ``x`` Lorenz-dominates every core allocation, weakly (then it is the
        core's one Lorenz-maximal allocation, as the Dutta-Ray solution is in a convex game);
        False when some core allocation has a larger sum of its ``k`` smallest payoffs for
        some ``k``, so that the core's Lorenz-maximal allocations are several. Decided by an
        optimality certificate per ``k``, rebuilt exactly for rational games.
    """

    dominant: bool = False
    _repr_fields: ClassVar[tuple[str, ...]] = ("dominant",)


# ---------------------------------------------------------------- coalition formation


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class CoalitionStructureResult(Result):
    """An optimal coalition structure (a partition of the players) and its total worth.

    Attributes
    ----------
    structure : tuple of tuple of str
        The coalitions, each in player order, ordered by their first player.
    value : number
        Sum of ``v(C)`` over the coalitions (the game's number type).
    coalition_values : tuple
        ``v(C)`` of each coalition, in ``structure`` order.
    upper_bound : number
        A proven upper bound on the optimal worth: ``value`` itself when the structure is
        proven optimal, larger when an anytime search stopped early (``success`` False).
    """

    structure: tuple
    value: Any
    coalition_values: tuple
    upper_bound: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("structure",)

    @property
    def gap(self) -> Any:
        """``upper_bound - value``: how much better than ``value`` the optimum could be."""
        return self.upper_bound - self.value


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class StructureCoreResult(AllocationResult):
    """The core of a game with a coalition structure (Aumann and Dreze 1974).

    ``x`` is a point of the core when ``is_empty`` is False (the least-core point of the
    structure otherwise); ``epsilon`` is the smallest uniform subsidy that makes every
    coalition's claim ``x(S) >= v(S) - epsilon`` satisfiable with ``x(C) = v(C)`` for the
    coalitions ``C`` of the structure. The structure is stable when ``epsilon <= atol``.
    """

    structure: tuple = ()
    is_empty: bool = True
    epsilon: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("is_empty", "epsilon")

    @property
    def is_stable(self) -> bool:
        """True when the core of the structure is non-empty."""
        return not self.is_empty


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class HedonicStabilityResult(Result):
    """The four stability notions of a partition in a hedonic game, each with a witness.

    A witness is None when the partition is stable in that sense; otherwise it describes a
    deviation: a blocking coalition (core) or a move ``{"player", "from", "to"}``.

    ``value`` is True when the partition is stable in all four senses: core stable and Nash
    stable (Nash stability implies individual and contractual individual stability).
    """

    partition: tuple
    core_stable: bool | None  # None: not checked (more than MAX_HEDONIC_PLAYERS players)
    nash_stable: bool
    individually_stable: bool
    contractually_individually_stable: bool
    witnesses: dict = field(default_factory=dict)

    @property
    def value(self) -> bool:
        """True when no coalition blocks the partition and no player wants to move."""
        return bool(self.core_stable and self.nash_stable)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class DynamicsResult(Result):
    """Outcome of best-response dynamics in a hedonic game.

    ``stopping_reason`` is ``"stable"`` (a full round without a move: the partition is
    stable for the deviation rule), ``"cycle"`` (a state repeated, so the dynamics loop for
    ever) or ``"max_rounds"``. ``potentials`` holds the potential after every move when the
    game is symmetric additively separable (else empty). ``value`` is ``converged``.
    """

    partition: tuple
    converged: bool
    stopping_reason: str
    rule: str
    n_moves: int
    n_rounds: int
    moves: tuple = ()
    potentials: tuple = ()
    _repr_fields: ClassVar[tuple[str, ...]] = ("partition", "stopping_reason")

    @property
    def value(self) -> bool:
        """True when the dynamics stopped at a partition stable for the deviation rule."""
        return bool(self.converged)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class AgreementStabilityResult(Result):
    """Internal and external stability of a signatory coalition of every size k = 1..n.

    ``stable_sizes`` lists the k that are both internally and externally stable; ``value`` is
    the largest of them (0 when no size is stable). ``players`` is empty: the players are
    symmetric and counted by ``n``.
    """

    n: int
    sizes: tuple
    internal: tuple
    external: tuple
    stable_sizes: tuple
    signatory_payoffs: tuple
    nonsignatory_payoffs: tuple
    indifferent: str
    model: str = ""
    _repr_fields: ClassVar[tuple[str, ...]] = ("n", "stable_sizes")

    @property
    def value(self) -> int:
        """The largest stable signatory coalition (0 when there is none)."""
        return max(self.stable_sizes, default=0)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PartitionStabilityResult(AllocationResult):
    """Stability of a partition of a partition-function game under Yi's (1997) rules of
    membership. ``x`` holds the per-capita payoffs; ``witnesses`` maps each rule under which
    the partition is unstable to a profitable move ``{"player", "from", "to",
    "payoff_before", "payoff_after"}``."""

    partition: tuple = ()
    open_membership: bool = False
    exclusive_membership: bool = False
    coalition_unanimity: bool = False
    witnesses: dict = field(default_factory=dict)
    _repr_fields: ClassVar[tuple[str, ...]] = (
        "open_membership",
        "exclusive_membership",
        "coalition_unanimity",
    )


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class StablePartitionsResult(_Listing, Result):
    """The partitions of a partition-function game that are stable under one rule of
    membership (``rule``); ``types`` gives their block sizes and ``value`` their number."""

    partitions: tuple
    types: tuple
    rule: str
    _listed: ClassVar[str] = "partitions"
    _repr_fields: ClassVar[tuple[str, ...]] = ("rule", "types")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SequentialFormationResult(Result):
    """The equilibrium structure of Bloch's (1996) sequential game of a symmetric game:
    ``sizes`` in the order the coalitions form (``value``), ``structure`` with players
    assigned in that order, the per-capita ``payoffs`` of each coalition, and ``ties``
    (some player was indifferent between two sizes on the way)."""

    sizes: tuple
    structure: tuple
    payoffs: tuple
    ties: bool = False
    _repr_fields: ClassVar[tuple[str, ...]] = ("sizes",)

    value = field_property("sizes", "The coalition sizes, in the order the coalitions form.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class WinningCoalitionsResult(_Listing, Result):
    """A list of winning coalitions of a voting game with their total weights.

    ``concept`` says which list it is: ``"minimal-winning"``, ``"minimum-weight"`` (Riker's
    size principle) or ``"minimal-connected-winning"`` (Axelrod). ``value`` is the number of
    coalitions listed.
    """

    coalitions: tuple
    weights: tuple
    quota: Any
    _repr_fields: ClassVar[tuple[str, ...]] = ("coalitions",)

    _listed: ClassVar[str] = "coalitions"


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class ClubFrontierResult(_Listing, Result):
    """The Pareto frontier of clubs: chance of acting against coverage.

    Each frontier point is a club (``clubs[j]``) with efficiency ``efficiency[j]`` (the
    probability that every member supports acting, the product of the members' support
    probabilities) and coverage ``coverage[j]`` (the sum of the members' weights). Points are
    sorted by increasing coverage (hence decreasing efficiency); no club is at least as good
    on both criteria and better on one. ``value`` is the number of clubs on the frontier.
    """

    clubs: tuple
    efficiency: np.ndarray
    coverage: np.ndarray
    _repr_fields: ClassVar[tuple[str, ...]] = ("clubs",)

    _listed: ClassVar[str] = "clubs"


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class EstimateResult(ValueResult):
    """A sampling estimate of a value (``exact`` is always False).

    Attributes
    ----------
    x : numpy.ndarray
        The estimates, float64, in player order.
    std_error : numpy.ndarray
        Estimated standard error of each entry.
    confidence : float
        Level of the confidence intervals (normal approximation), e.g. 0.95.
    ci_low, ci_high : numpy.ndarray
        ``x -/+ z * std_error`` with ``z`` the normal quantile for ``confidence``.
    budget : int
        The evaluation budget that was asked for.
    n_evaluations : int
        Value evaluations actually used (at most ``budget``).
    n_samples : int
        Sampling units drawn (permutations, coalitions, pairs, ...).
    """

    confidence: float = 0.95
    ci_low: Any = None
    ci_high: Any = None
    budget: int | None = None
    n_samples: int | None = None

    @property
    def confidence_interval(self) -> tuple:
        """``(ci_low, ci_high)``."""
        return self.ci_low, self.ci_high


# ---------------------------------------------------------------- bargaining


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class BargainingResult(AllocationResult):
    """A solution of a bargaining problem: utilities ``x`` and, for a surplus, the shares.

    Attributes
    ----------
    x : numpy.ndarray
        Utility of each player at the solution.
    concept : str
        ``"nash"``, ``"kalai-smorodinsky"``, ``"egalitarian"`` or ``"utilitarian"``.
    disagreement : numpy.ndarray
        The disagreement point ``d``.
    shares : numpy.ndarray or None
        Shares of the surplus (divisible-surplus problems), else None.
    weights : numpy.ndarray or None
        Bargaining weights (asymmetric Nash solution).
    ideal : numpy.ndarray or None
        Ideal point (Kalai-Smorodinsky).
    """

    disagreement: Any = None
    shares: Any = None
    weights: Any = None
    ideal: Any = None


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class RubinsteinResult(AllocationResult):
    """Shares of the Rubinstein alternating-offers equilibrium (first proposer first).

    ``discount_factors`` are per period; ``rates`` and ``period`` are set when the model is
    given in continuous time. ``limit`` is True for the frictionless limit (period -> 0), the
    asymmetric Nash solution with weights proportional to ``1 / rate``.
    """

    proposer: str = ""
    discount_factors: Any = None
    rates: Any = None
    period: Any = None
    limit: bool = False


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class BaronFerejohnResult(AllocationResult):
    """Stationary equilibrium of Baron-Ferejohn legislative bargaining.

    Attributes
    ----------
    x : numpy.ndarray
        Ex-ante (continuation) value of each player; sums to the surplus.
    proposer_shares : numpy.ndarray
        What each player keeps when recognised.
    prices : numpy.ndarray
        ``prices[j] = delta_j v_j``: the smallest offer j accepts, which is what a partner
        gets when included.
    offers : numpy.ndarray
        ``offers[i, j]``: expected amount player j receives when i proposes (row i sums to
        the surplus; the diagonal holds the proposer's share).
    inclusion : numpy.ndarray
        ``inclusion[i, j]``: probability that proposer i includes j in the coalition.
    quota : int or Fraction
        Votes needed (proposer included), or with ``weights`` the weight needed.
    discount_factors, recognition : numpy.ndarray
    residual : float
        Largest violation of the equilibrium conditions (value equations, cheapest-votes
        condition, budget): the certificate of the numerical solution.
    method : str
        ``"closed-form"``, ``"threshold"``, ``"active-set"`` or ``"smoothed"``.
    closed_form : dict or None
        sympy expressions when ``symbolic=True`` was asked.
    veto : tuple of str
        The veto players (every passing coalition holds them); empty without vetoes.
    weights : numpy.ndarray or None
        Voting weights (weighted voting; ``quota`` is then the weight needed).
    """

    proposer_shares: Any = None
    prices: Any = None
    offers: Any = None
    inclusion: Any = None
    quota: int = 0
    discount_factors: Any = None
    recognition: Any = None
    residual: float = 0.0
    closed_form: Any = None
    veto: tuple = ()
    weights: Any = None


# ---------------------------------------------------------------- spatial veto players


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class WinSetResult(Result):
    """The win-set W(q): the policies that a winning coalition prefers to the status quo.

    ``intervals`` (1-D) lists the open intervals of W(q); ``size`` is its length (1-D) or
    area (2-D: exact for unanimity with circular preferences, otherwise on a grid of
    ``resolution`` x ``resolution`` cells of ``bounds``); a small size means high policy
    stability (Tsebelis). ``method`` is ``"exact"`` or ``"grid"``; ``value`` is ``size``.
    """

    dimension: int
    status_quo: Any
    is_empty: bool
    size: float
    intervals: Any = None
    bounds: Any = None
    resolution: int | None = None
    decision_rule: str = ""
    method: str = "exact"
    _repr_fields: ClassVar[tuple[str, ...]] = ("is_empty",)

    value = field_property("size", "The length (1-D) or area (2-D) of the win-set.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PolicyCoreResult(Result):
    """The core of a spatial voting model: the policies no winning coalition can beat.

    1-D: ``interval = (low, high)`` or None when empty. 2-D unanimity: ``vertices`` of the
    convex hull of the ideal points (the Pareto set). ``value`` is the core's length (1-D) or
    area (2-D), 0 when it is empty or a single point.
    """

    dimension: int
    is_empty: bool
    interval: Any = None
    vertices: Any = None
    decision_rule: str = ""
    _repr_fields: ClassVar[tuple[str, ...]] = ("is_empty",)

    @property
    def value(self) -> float:
        """The length (1-D) or area (2-D, by the shoelace formula) of the core."""
        if self.is_empty:
            return 0.0
        if self.dimension == 1:
            low, high = self.interval
            return float(high - low)
        points = np.asarray(self.vertices, dtype=float)
        if len(points) < 3:
            return 0.0
        x, y = points[:, 0], points[:, 1]
        return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SetterResult(Result):
    """Romer-Rosenthal agenda setter: the take-it-or-leave-it outcome and who constrains it.

    ``value`` is ``outcome``.
    """

    outcome: Any
    setter: str
    setter_ideal: Any
    status_quo: Any
    binding: tuple = ()
    decision_rule: str = ""
    _repr_fields: ClassVar[tuple[str, ...]] = ("setter", "binding")

    value = field_property("outcome", "The policy the setter proposes and the rule accepts.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class LCDResult(Result):
    """The lowest common denominator of a unanimity (or k-of-n) decision.

    Attributes
    ----------
    llap_point : the least ambitious programme (Underdal): the status quo projected on the core.
    ceiling : the most ambitious change every needed member accepts (the far end of the
        closed win-set along the direction of change).
    binding : names of the members whose acceptance sets that ceiling (the LCD pivots).
    protected : True when the status quo is in the core (no change passes).
    interval : 1-D: ``(llap_point, ceiling)``, the range of outcomes bargaining can give.
    value : ``llap_point``.
    """

    llap_point: Any
    ceiling: Any
    binding: tuple
    protected: bool
    status_quo: Any
    interval: Any = None
    direction: Any = None
    decision_rule: str = ""
    _repr_fields: ClassVar[tuple[str, ...]] = ("ceiling", "binding")

    value = field_property("llap_point", "The least ambitious programme (Underdal).")


# ---------------------------------------------------------------- issue linkage


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class LinkageResult(Result):
    """A veto player's hold-up by issue linkage (Tollison-Willett, Sebenius).

    Attributes
    ----------
    blocker, linked_issue, demand_issue : str
        Who holds the veto, the issue held hostage (A) and the issue of the concession (B).
    decision_rule : str
    can_block : bool
        Whether the others cannot pass issue A without the blocker under the rule.
    no_agreement, unlinked, linked : dict
        The three outcomes (issue -> level): nothing agreed; issue-by-issue decision; the
        package the blocker extracts.
    zopa : tuple or None
        Linkage zone of agreement on issue B: levels every needed member accepts with A.
    max_concession : float or None
        The largest B level a winning coalition still accepts (``b_max``).
    capped_by : tuple
        The member(s) whose acceptance limit sets ``max_concession`` (an LCD of its own).
    credible : bool
        False when the blocker prefers the unlinked outcome to no agreement: the one-shot
        veto threat is then not subgame-perfect and needs commitment.
    commitment_cost : float
        What the blocker loses by carrying out the veto, ``u_c(unlinked) - u_c(no deal)``.
    value_of_veto : float
        ``u_c(linked) - u_c(unlinked)``.
    price_of_linkage : dict
        ``u_j(unlinked) - u_j(linked)`` for every member (negative: j gains from linkage).
    utilities : dict
        Each member's utility at the three outcomes.
    assumptions : tuple of str
        The modelling assumptions used, to print alongside any number.
    nash_package : dict or None
        The package in the ZOPA that maximises the product of every member's gain over no
        agreement (the Nash bargaining solution on issue B with A adopted), when one exists.
    value : float
        ``value_of_veto``.
    """

    blocker: str
    linked_issue: str
    demand_issue: str
    decision_rule: str
    can_block: bool
    no_agreement: dict
    unlinked: dict
    linked: dict
    zopa: Any
    max_concession: Any
    capped_by: tuple
    credible: bool
    commitment_cost: float
    value_of_veto: float
    price_of_linkage: dict
    utilities: dict = field(default_factory=dict)
    assumptions: tuple = ()
    nash_package: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("blocker", "max_concession", "credible")

    value = field_property("value_of_veto", "What the veto is worth to the blocker.")


# ----------------------------------------------------------------- voting power
@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PowerIndexResult(ValueResult):
    """A power index of a simple game (Shapley-Shubik, Banzhaf, Coleman, ...).

    Attributes
    ----------
    counts : tuple or None
        The raw counts behind the index where they exist, as exact Python ints: swings
        (Banzhaf, Coleman, Rae, risk), pivotal orderings (Shapley-Shubik), minimal winning
        coalitions containing the player (Holler). None when computed in floats.
    denominator : int, Fraction or None
        What the counts are divided by (``2**(n-1)``, the number of winning coalitions, ...).
    error_bound : numpy.ndarray or None
        For approximations with a stated bound (Shapley-Shubik ``method="major-minor"``):
        each player's bound on ``|x_i - phi_i|``; None otherwise.
    """

    counts: Any = None
    denominator: Any = None
    error_bound: Any = None


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PowerToActResult(Result):
    """Coleman's power of the collectivity to act: the share of winning coalitions.

    ``value = winning / coalitions`` (``Fraction`` when exact, else float).
    """

    value: Any
    winning: Any
    coalitions: int

    def __float__(self) -> float:
        return float(self.value)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PivotalResult(AllocationResult):
    """Who is critical for a given vote: flipping a pivotal member's vote flips the outcome.

    ``x[i]`` is True when ``players[i]`` is pivotal (so ``result["Cyprus"]`` says whether
    Cyprus is); ``pivotal`` lists them, ``passed`` says whether the proposal passed.
    """

    passed: bool
    pivotal: tuple
    yes: tuple
    no: tuple
    _repr_fields: ClassVar[tuple[str, ...]] = ("passed",)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PowerTableResult(Result):
    """Several power indices of one game, one column per index.

    ``indices[name]`` is an array in ``players`` order; ``power_to_act`` is Coleman's A and
    ``value``.
    """

    indices: dict
    power_to_act: Any = None
    _by_player: ClassVar[bool] = True

    value = field_property("power_to_act", "Coleman's power of the collectivity to act.")

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["indices"] = {
            k: dict(zip(self.players, jsonable(col))) for k, col in self.indices.items()
        }
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SweepResult(Result):
    """Efficiency against protection as the quota moves from simple majority to unanimity.

    ``power_to_act[k]`` is Coleman's A at ``quotas[k]``; ``power_to_prevent[k, i]`` and
    ``risk_of_being_outvoted[k, i]`` are member ``players[i]``'s values at that quota;
    ``value`` is ``power_to_act``.
    """

    quotas: tuple
    power_to_act: np.ndarray
    power_to_prevent: np.ndarray
    risk_of_being_outvoted: np.ndarray
    _repr_fields: ClassVar[tuple[str, ...]] = ("quotas",)

    value = field_property("power_to_act", "Coleman's power to act at each quota.")

    def rows(self) -> list[dict]:
        """One JSON-ready dict per quota (for plotting or a table)."""
        out = []
        for k, q in enumerate(self.quotas):
            out.append(
                {
                    "quota": jsonable(q),
                    "power_to_act": jsonable(self.power_to_act[k]),
                    "power_to_prevent": dict(zip(self.players, jsonable(self.power_to_prevent[k]))),
                    "risk_of_being_outvoted": dict(
                        zip(self.players, jsonable(self.risk_of_being_outvoted[k]))
                    ),
                }
            )
        return out

    def to_dict(self) -> dict:
        out = super().to_dict()
        for name in ("quotas", "power_to_act", "power_to_prevent", "risk_of_being_outvoted"):
            del out[name]
        out["rows"] = self.rows()
        return out


# --------------------------------------------------------------------------- core family
@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class BalancedCollection(Result):
    """A balanced collection of coalitions with its balancing weights.

    ``sum of weights[k] * indicator(coalitions[k]) == 1`` for every player; when ``total``
    (the weighted sum of the coalitions' worths) exceeds ``grand_value`` the collection is a
    Bondareva-Shapley certificate that the core is empty. For a cost game (``cost``) the
    certificate is ``total < grand_value``: the coalitions' weighted stand-alone costs are less
    than what the grand coalition must pay.

    Attributes
    ----------
    coalitions : tuple of tuple of str
    weights : tuple
        Positive weights (Fractions when ``exact``).
    total : number
        ``sum of weights[k] * v(coalitions[k])``.
    grand_value : number
        ``v(N)``.
    exact : bool
        True when the weights are exact and the identities were checked exactly.
    cost : bool
        True when the worths are costs.
    value : number
        ``total``.
    """

    coalitions: tuple
    weights: tuple
    total: Any
    grand_value: Any
    cost: bool = False
    _repr_fields: ClassVar[tuple[str, ...]] = ("coalitions", "weights")

    value = field_property("total", "The weighted worth of the collection.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class CoreResult(AllocationResult):
    """The core of a TU game.

    Attributes
    ----------
    is_empty : bool
    x : numpy.ndarray
        A core point, or the least-core point when the core is empty (NaN when the LP
        failed); cost shares for a cost game.
    epsilon : number
        The least-core value; the core is empty exactly when it is positive.
    vertices : tuple of numpy.ndarray or None
        The core's vertices when requested and the game is small enough.
    certificate : BalancedCollection or None
        When the core is empty: a balanced collection whose weighted worth exceeds ``v(N)``.
    success : bool
        False when the LP failed or its answer could not be verified (``message`` says why;
        nothing else is meaningful).
    cost : bool
        True for a cost game: the core is ``{x : x(S) <= c(S), x(N) = c(N)}`` and ``x`` and
        ``vertices`` are cost shares.
    """

    is_empty: bool
    epsilon: Any
    vertices: Any = None
    certificate: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("is_empty", "epsilon")

    def to_dict(self) -> dict:
        out = super().to_dict()
        if self.vertices is not None:
            out["vertices"] = [dict(zip(self.players, jsonable(list(v)))) for v in self.vertices]
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class LeastCoreResult(AllocationResult):
    """The least core: its value ``epsilon`` and one point ``x`` of it.

    ``epsilon`` is the smallest number such that some efficient ``x`` has
    ``x(S) >= v(S) - epsilon`` for every proper coalition. ``certificate`` holds the balanced
    collection (LP dual) that proves ``epsilon`` optimal; ``nit`` counts the LPs solved;
    ``verified`` is True when ``epsilon`` was certified (exactly for rational games). For a
    cost game (``cost``) ``x`` holds cost shares and ``x(S) <= c(S) + epsilon``.
    """

    epsilon: Any = None
    certificate: Any = None
    nit: int = 0
    verified: bool = False
    _repr_fields: ClassVar[tuple[str, ...]] = ("epsilon",)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class NucleolusResult(AllocationResult):
    """The nucleolus (or prenucleolus, per-capita nucleolus) of a game.

    Attributes
    ----------
    concept : str
        ``"nucleolus"``, ``"prenucleolus"`` or ``"per-capita-nucleolus"``.
    levels : tuple
        The successive maximal excess levels, largest first.
    nit : int
        Number of linear programs solved.
    verified : bool
        True when Kohlberg's criterion was checked (exactly for rational games).
    success : bool
        False when an LP failed or the answer could not be verified; ``message`` then says
        why and ``x`` holds NaN.
    cost : bool
        True for a cost game: ``x`` holds cost shares and the excess of ``S`` is
        ``x(S) - c(S)``.
    """

    levels: tuple = ()
    nit: int = 0
    verified: bool = False


# --------------------------------------------------------------------------- analysis
@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SensitivityResult(Result):
    """How a model's outputs move over the ranges of its assumptions
    (:func:`coalitions.analysis.sensitivity`).

    Attributes
    ----------
    assumptions : tuple of Assumption
        The assumptions with their baselines and ranges.
    baseline : dict
        Every output at the baselines.
    ranges : dict
        Per quantity, over the Monte Carlo draws: ``baseline``, ``min``, ``max``, ``mean``,
        ``q05``, ``median``, ``q95``.
    tornado : dict
        Per quantity, one row per assumption (widest swing first): ``at_low``, ``at_high``,
        ``min``, ``max`` and ``swing`` of its one-at-a-time sweep.
    breakpoints : tuple of Breakpoint
        Where a conclusion's label changes along one assumption's sweep.
    shares : dict
        Per conclusion, the share of Monte Carlo draws that reach each label.
    sobol : dict or None
        Per quantity and assumption, ``first_order`` and ``total`` Sobol indices
        (``method="sobol"`` only).
    most_sensitive : dict
        Per quantity, the assumption whose sweep moves it most; also the ``value``.
    n_samples, n_evaluations : int
        Monte Carlo draws, and model calls in all.
    """

    assumptions: tuple = ()
    baseline: dict = field(default_factory=dict)
    ranges: dict = field(default_factory=dict)
    tornado: dict = field(default_factory=dict)
    breakpoints: tuple = ()
    shares: dict = field(default_factory=dict)
    sobol: dict | None = None
    most_sensitive: dict = field(default_factory=dict)
    n_samples: int = 0
    n_evaluations: int = 0
    _repr_fields: ClassVar[tuple[str, ...]] = ("n_samples",)

    value = field_property(
        "most_sensitive", "Per quantity, the assumption it is most sensitive to."
    )

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["assumptions"] = [a.to_dict() for a in self.assumptions]
        out["breakpoints"] = [b.to_dict() for b in self.breakpoints]
        out["shares"] = {
            key: [{"label": jsonable(label), "share": share} for label, share in labels.items()]
            for key, labels in self.shares.items()
        }
        out["baseline"] = {k: jsonable(v) for k, v in self.baseline.items()}
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SolutionSensitivityResult(AllocationResult):
    """How a TU solution's payoffs move over intervals of coalition worths
    (:func:`coalitions.solution_sensitivity`); ``result[player]`` is the mean payoff.

    Attributes
    ----------
    x : numpy.ndarray
        Mean payoff of each player (exact for a linear value: the value at the midpoints).
    std, variance : numpy.ndarray
        Standard deviation and variance of each payoff under independent uniform worths.
    low, high : numpy.ndarray
        The range of each payoff over the intervals (exact method), or the extreme draws.
    quantiles : dict
        Level (a float) to the quantile of each payoff.
    quantile_method : str
        How the quantiles were found: ``"exact"`` (a linear value: from the closed form of
        its distribution, to float precision), ``"inversion"`` (a linear value: by inverting
        the characteristic function; the neglected tail is below 1e-13 in probability and the
        quadrature is checked to 1e-11 by doubling its panels) or ``"sampled"`` (the draws).
    std_error : numpy.ndarray or None
        Standard error of each mean (sampled solutions); None when exact.
    baseline : dict
        Player to payoff under the solution of the game at the midpoints of the intervals.
    influence : dict
        Per uncertain coalition (a tuple of names), each player's slope
        ``d x_i / d v(S)``: the coefficient of a linear value, the secant over the interval
        otherwise.
    ranking : tuple
        ``(coalition, swing)`` pairs, largest swing first: the summed change of all payoffs
        as the coalition's worth crosses its interval, the others at their midpoints.
    tornado : dict
        Per player, one row per coalition (the 20 widest swings) as
        :func:`coalitions.plot.tornado` draws them.
    intervals : dict
        The uncertain coalitions and their ``(low, high)`` worths.
    n_samples, n_failed : int
        Draws made (0 when a linear value's quantiles came from its distribution), and draws
        left out because the solution has no answer there.
    solution : str
        The solution analysed.
    """

    std: Any = None
    variance: Any = None
    low: Any = None
    high: Any = None
    quantiles: dict = field(default_factory=dict)
    quantile_method: str = "sampled"
    std_error: Any = None
    baseline: Any = None
    influence: dict = field(default_factory=dict)
    ranking: tuple = ()
    tornado: dict = field(default_factory=dict)
    intervals: dict = field(default_factory=dict)
    n_samples: int = 0
    n_failed: int = 0
    solution: str = ""
    _repr_fields: ClassVar[tuple[str, ...]] = ("n_samples",)

    def summary(self, player: str) -> dict:
        """One player's mean, std, low, high and quantiles."""
        i = self.players.index(player) if player in self else self[player]
        return {
            "mean": self.x[i],
            "std": float(self.std[i]),
            "low": self.low[i],
            "high": self.high[i],
            **{f"q{level:g}": float(values[i]) for level, values in self.quantiles.items()},
        }

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["influence"] = [
            {"coalition": list(c), "slopes": jsonable(s)} for c, s in self.influence.items()
        ]
        out["ranking"] = [{"coalition": list(c), "swing": s} for c, s in self.ranking]
        out["intervals"] = [
            {"coalition": list(c), "low": jsonable(a), "high": jsonable(b)}
            for c, (a, b) in self.intervals.items()
        ]
        out["quantiles"] = {f"{level:g}": jsonable(v) for level, v in self.quantiles.items()}
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class ScenarioResult(Result):
    """The same metrics on several scenarios, aligned (:func:`coalitions.analysis.compare_scenarios`).

    Attributes
    ----------
    scenarios : tuple of str
        The scenario names, in column order.
    baseline : str
        The scenario the deltas are taken from.
    rows : tuple of dict
        One per metric and member: ``metric``, ``member`` (``""`` for a scalar metric),
        ``values`` and ``deltas`` (dicts by scenario; ``None`` where a member is absent).
        Also the ``value``.
    """

    scenarios: tuple = ()
    baseline: str = ""
    rows: tuple = ()
    _repr_fields: ClassVar[tuple[str, ...]] = ("scenarios",)

    value = field_property("rows", "The aligned rows.")

    def __repr__(self) -> str:
        parts = [*self._repr_parts(), f"baseline={self.baseline!r}", f"rows={len(self.rows)}"]
        return f"{type(self).__name__}({', '.join(parts)})"

    def row(self, metric: str, member: str = "") -> dict:
        """The row of ``metric`` (and ``member``, for a metric with an entry per member)."""
        for row in self.rows:
            if row["metric"] == metric and row["member"] == member:
                return row
        known = sorted({(r["metric"], r["member"]) for r in self.rows})
        raise UnknownNameError(f"no row ({metric!r}, {member!r}); rows: {known}")

    def _table(self) -> tuple[str, dict[str, list], set[str]]:
        columns: dict[str, list] = {"metric": [], "member": []}
        others = [s for s in self.scenarios if s != self.baseline]
        for name in (*self.scenarios, *(f"change {s}" for s in others)):
            columns[name] = []
        for row in self.rows:
            columns["metric"].append(row["metric"])
            columns["member"].append(row["member"])
            for s in self.scenarios:
                columns[s].append(row["values"][s])
            for s in others:
                columns[f"change {s}"].append(row["deltas"][s])
        return "rows", columns, {"rows"}

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["rows"] = [
            {
                "metric": row["metric"],
                "member": row["member"],
                "values": {s: jsonable(v) for s, v in row["values"].items()},
                "deltas": {s: jsonable(v) for s, v in row["deltas"].items()},
            }
            for row in self.rows
        ]
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class PolytopeResult(AllocationResult):
    """A set solution that is a polytope: its vertices and its centroid
    (:func:`coalitions.weber_set`, :func:`~coalitions.core_cover`,
    :func:`~coalitions.reasonable_set`, :func:`~coalitions.core_center`).

    Attributes
    ----------
    x : numpy.ndarray
        The centroid (centre of mass) of the polytope; NaN when the set is empty. Exact only
        when the set is a single point of a rational game.
    vertices : tuple of numpy.ndarray
        The distinct vertices, sorted; exact for a rational game.
    is_empty : bool
    dimension : int
        The dimension of the polytope's affine hull (-1 when empty, 0 for a point).
    volume : float
        Its volume in that dimension (1 for a point, 0 when empty).
    cost : bool
        True for a cost game (the vertices are cost shares).
    """

    vertices: tuple = ()
    is_empty: bool = False
    dimension: int = -1
    volume: float = 0.0
    _repr_fields: ClassVar[tuple[str, ...]] = ("is_empty", "dimension")

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["vertices"] = [dict(zip(self.players, jsonable(list(v)))) for v in self.vertices]
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class OutsideOptionResult(RubinsteinResult):
    """Alternating offers with outside options (:func:`coalitions.outside_option_bargaining`).

    Attributes
    ----------
    outside_options : numpy.ndarray
        ``(w_1, w_2)``.
    breakdown_risk : number
        The chance ``p`` that talks break down after a rejection (0 for none).
    breakdown_payoffs : numpy.ndarray
        ``(b_1, b_2)``, what each player gets on breakdown.
    binding : tuple of bool
        Whether each player's option beats waiting (and so is paid exactly).
    inside_shares : numpy.ndarray
        The shares without outside options (Rubinstein's when there is no breakdown risk).
    forum_value : numpy.ndarray
        ``x - inside_shares``: what the alternative forum is worth to each party here.
    """

    outside_options: Any = None
    breakdown_risk: Any = 0
    breakdown_payoffs: Any = None
    binding: tuple = ()
    inside_shares: Any = None
    forum_value: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("binding",)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class DynamicBargainingResult(AllocationResult):
    """A Markov-perfect equilibrium of bargaining with an endogenous status quo
    (:func:`coalitions.dynamic_bargaining`).

    Attributes
    ----------
    x : numpy.ndarray
        Each player's continuation value at ``status_quo`` (discounted sum of utilities).
    policies : numpy.ndarray
        The policy grid, shape ``(m,)``.
    status_quo : float
        The initial status quo (a grid point).
    ideal_points : numpy.ndarray or None
        The players' ideal points (None when utilities were given as a table).
    utilities, values : numpy.ndarray
        Stage utilities and continuation values, one row per player, one column per policy.
    outcomes : numpy.ndarray
        ``outcomes[i, k]``: the policy adopted when player i proposes at status quo
        ``policies[k]`` (the equilibrium policy function).
    transition : numpy.ndarray
        ``transition[k, l]``: the probability that the next status quo is ``policies[l]``.
    long_run : numpy.ndarray
        The long-run (Cesàro) distribution of policies from ``status_quo``.
    stable : tuple of float
        The policies that stay in force once reached (absorbing states).
    veto : tuple of str
    quota : int
    discount_factor : float
    recognition : numpy.ndarray
    reversion : float or None
        The policy a failed proposal gives, or None (the status quo stays).
    residual : float
        Bellman residual of ``values`` under the returned strategies.
    deviation_gain : float
        The largest gain of a one-shot deviation by a proposer or a pivotal voter.
    iterations : int
        Value-iteration steps taken.
    """

    policies: Any = None
    status_quo: float = 0.0
    ideal_points: Any = None
    utilities: Any = None
    values: Any = None
    outcomes: Any = None
    transition: Any = None
    long_run: Any = None
    stable: tuple = ()
    veto: tuple = ()
    quota: int = 0
    discount_factor: float = 0.0
    recognition: Any = None
    reversion: float | None = None
    residual: float = 0.0
    deviation_gain: float = 0.0
    iterations: int = 0
    _repr_fields: ClassVar[tuple[str, ...]] = ("veto", "residual")

    @property
    def expected_policy(self) -> float:
        """The mean of the long-run distribution of policies."""
        return float(np.dot(self.long_run, self.policies))


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class WeightednessResult(Result):
    """Whether a simple game is weighted (:func:`coalitions.weighted_representation`).

    Attributes
    ----------
    is_weighted : bool
        Also the ``value``.
    weights : tuple of int or None
        A minimal integer representation (least total weight), checked exactly.
    quota : int or None
    trading_transform : tuple or None
        When not weighted: ``(winning, losing)``, each a tuple of ``(coalition, count)``
        with equal total counts, every player appearing at least as often among the losing
        coalitions; checked exactly.
    """

    is_weighted: bool = False
    weights: tuple | None = None
    quota: int | None = None
    trading_transform: tuple | None = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("weights", "quota")

    value = field_property("is_weighted", "Whether the game is weighted.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class DesignResult(AllocationResult):
    """A designed weighted vote (:func:`coalitions.jagiellonian_compromise`): ``x`` is the
    normalised Banzhaf index at the chosen quota.

    Attributes
    ----------
    weights : tuple of int
    quota : int
    quota_share : float
        ``quota`` as a share of the total weight.
    formula_share : float
        The closed-form approximation of the optimal quota's share.
    distance, formula_distance : float
        Distance between the normalised Banzhaf index and the normalised weights at the
        chosen quota and at the formula's quota.
    """

    weights: tuple = ()
    quota: int = 0
    quota_share: float = 0.0
    formula_share: float = 0.0
    distance: float = 0.0
    formula_distance: float = 0.0
    _repr_fields: ClassVar[tuple[str, ...]] = ("quota_share", "distance")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class DesirabilityResult(Result):
    """The desirability relation of a simple game (:func:`coalitions.desirability`).

    Attributes
    ----------
    at_least : numpy.ndarray of bool, shape (n, n)
        ``at_least[i, j]``: player i is at least as desirable as player j.
    is_complete : bool
        Also the ``value``: every two players are comparable (the game is complete, or
        linear; equivalently swap robust).
    classes : tuple of tuple of str
        The classes of equally desirable players, most desirable first (for a game that is
        not complete, by how many players a class is at least as desirable as).
    incomparable : tuple of (str, str)
        The pairs of players neither of whom is at least as desirable as the other.
    witness : tuple or None
        For the first incomparable pair ``(i, j)``: ``(i, j, S, T)`` with ``S + i`` winning
        and ``S + j`` losing, ``T + j`` winning and ``T + i`` losing (a failed swap).
    """

    at_least: Any = None
    is_complete: bool = False
    classes: tuple = ()
    incomparable: tuple = ()
    witness: tuple | None = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("classes",)

    @property
    def value(self) -> bool:
        """Whether the game is complete."""
        return self.is_complete


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class HomogeneityResult(Result):
    """Whether a simple game has a homogeneous representation
    (:func:`coalitions.homogeneous_representation`).

    Attributes
    ----------
    is_homogeneous : bool
        Also the ``value``.
    is_weighted : bool
    weights : tuple of int or None
        Integer weights of least total under which every minimal winning coalition weighs
        exactly ``quota`` (checked exactly).
    quota : int or None
    """

    is_homogeneous: bool = False
    is_weighted: bool = False
    weights: tuple | None = None
    quota: int | None = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("weights", "quota")

    @property
    def value(self) -> bool:
        """Whether the game is homogeneous."""
        return self.is_homogeneous


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class InversePowerResult(AllocationResult):
    """Weights and a quota whose power index is close to a target
    (:func:`coalitions.inverse_power`): ``x`` is the index of the game found (exact).

    Attributes
    ----------
    weights : tuple of int
    quota : int
    index : str
        ``"banzhaf"`` or ``"shapley-shubik"``.
    target : tuple of float
        The target, normalised to sum to one.
    distance : float
        Euclidean distance between ``x`` and ``target``.
    n_evaluations : int
        Weight vectors evaluated (each at every quota).
    """

    weights: tuple = ()
    quota: int = 0
    index: str = ""
    target: tuple = ()
    distance: float = 0.0
    n_evaluations: int = 0
    _repr_fields: ClassVar[tuple[str, ...]] = ("distance",)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class InteractionResult(AllocationResult):
    """Interaction indices of order k (:func:`coalitions.interaction_index`).

    Attributes
    ----------
    interactions : tuple of (tuple of str, number)
        Every coalition of 1 to ``order`` players (its members in player order) with its
        index, by size and then player order.
    matrix : tuple of tuple
        For order 2 and above, ``matrix[i][j]``: the interaction of players i and j
        (symmetric); the diagonal holds each player's own index (size 1). Empty for order 1.
    x : numpy.ndarray
        Each player's total interaction with the others (the off-diagonal row sums); for
        order 1, each player's index.
    order : int
    cost : bool
        True for a cost game.
    """

    matrix: tuple = ()
    interactions: tuple = ()
    order: int = 2
    _repr_fields: ClassVar[tuple[str, ...]] = ("order",)

    def pair(self, first: str, second: str) -> Any:
        """The interaction of two players by name."""
        if not self.matrix:
            raise InvalidArgumentError(
                f"an interaction index of order {self.order} has no pairs; ask for order >= 2."
            )
        i, j = (self._index(p) for p in (first, second))
        return self.matrix[i][j]

    def interaction(self, *members: str) -> Any:
        """The index of the coalition of ``members`` (1 to ``order`` distinct players)."""
        positions = sorted(self._index(p) for p in members)
        if not 1 <= len(set(positions)) == len(positions) <= self.order:
            raise InvalidArgumentError(
                f"interaction: give 1 to {self.order} distinct players, got {list(members)}."
            )
        by_members = self.__dict__.get("_by_members")
        if by_members is None:
            by_members = dict(self.interactions)
            object.__setattr__(self, "_by_members", by_members)
        return by_members[tuple(self.players[i] for i in positions)]

    def _index(self, player: str) -> int:
        try:
            return self.players.index(player)
        except ValueError:
            raise UnknownPlayerError(
                f"no player {player!r}; the players are {list(self.players)}"
            ) from None

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["matrix"] = {
            p: dict(zip(self.players, jsonable(list(row))))
            for p, row in zip(self.players, self.matrix)
        }
        out["interactions"] = [
            {"players": list(members), "value": jsonable(value)}
            for members, value in self.interactions
        ]
        return out


# ------------------------------------------------------------------ bloc formation
@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class BlocGainsResult(_Listing, Result):
    """What joining a bloc (an a priori union) is worth to its members, bloc by bloc
    (:func:`coalitions.bloc_gains`).

    Attributes
    ----------
    blocs : tuple of tuple of str
        The candidate blocs, each in player order.
    without_bloc : tuple of tuple
        Each member's value without blocs (every player alone), in bloc order.
    with_bloc : tuple of tuple
        Each member's value when the bloc is the one a priori union.
    gains : tuple of tuple
        ``with_bloc - without_bloc`` for each member.
    total_gain : tuple
        The bloc's total gain; ``value`` counts the blocs.
    everyone_gains : tuple of bool
        Whether every member of the bloc strictly gains.
    index : str
        ``"owen"`` or ``"banzhaf-owen"``.
    """

    blocs: tuple = ()
    without_bloc: tuple = ()
    with_bloc: tuple = ()
    gains: tuple = ()
    total_gain: tuple = ()
    everyone_gains: tuple = ()
    index: str = "owen"
    _listed: ClassVar[str] = "blocs"
    _repr_fields: ClassVar[tuple[str, ...]] = ("index",)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class StableBlocStructuresResult(_Listing, Result):
    """The coalition structures that are stable in Hart and Kurz's (1983) model ``model``
    (``"gamma"`` or ``"delta"``) under the Owen value (:func:`coalitions.stable_bloc_structures`).

    Attributes
    ----------
    structures : tuple
        The stable structures, each a tuple of blocs (name tuples) ordered by first player.
    values : tuple of tuple
        The value of each player (in ``players`` order) in each stable structure.
    n_structures : int
        How many structures were examined (the Bell number of the body).
    """

    structures: tuple = ()
    values: tuple = ()
    model: str = "delta"
    index: str = "owen"
    n_structures: int = 0
    _listed: ClassVar[str] = "structures"
    _repr_fields: ClassVar[tuple[str, ...]] = ("model", "n_structures")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class BlocStabilityResult(AllocationResult):
    """Whether one coalition structure is stable in Hart and Kurz's model ``model``
    (:func:`coalitions.bloc_structure_stability`). ``x`` is each player's value in the
    structure; an unstable one comes with a profitable deviation: the ``deviators`` (each
    strictly gains), the ``outcome`` structure they bring about and the values ``outcome_x``
    there (in ``players`` order)."""

    structure: tuple = ()
    model: str = "delta"
    index: str = "owen"
    is_stable: bool = True
    deviators: tuple = ()
    outcome: tuple = ()
    outcome_x: tuple = ()
    _repr_fields: ClassVar[tuple[str, ...]] = ("model", "is_stable")

    @property
    def value(self) -> bool:
        """Whether the structure is stable."""
        return self.is_stable


# --------------------------------------------------------------------------- kernel family
@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class KernelResult(AllocationResult):
    """A point of the kernel or prekernel with its certificate, the maximum surpluses.

    Attributes
    ----------
    concept : str
        ``"kernel"`` or ``"prekernel"``.
    surpluses : tuple of tuple
        ``surpluses[i][j]`` is the maximum surplus ``s_ij(x)`` of player i over player j,
        the largest excess ``v(S) - x(S)`` of a coalition that contains i and not j (None on
        the diagonal); for a cost game the excess of S is ``x(S) - c(S)``.
    imbalance : number
        The largest ``s_ij(x) - s_ji(x)`` over the pairs that the definition requires to be
        balanced (0 for an exact certified answer).
    nit : int
        Transfers made (``method="transfer"``); 0 otherwise.
    verified : bool
        True when the checker accepted ``x`` (exactly for rational games: ``exact``).
    """

    surpluses: tuple = ()
    imbalance: Any = None
    nit: int = 0
    verified: bool = False
    _repr_fields: ClassVar[tuple[str, ...]] = ("imbalance",)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class BargainingSetResult(AllocationResult):
    """Whether an allocation is in the (Aumann-Maschler) bargaining set, with a witness.

    Attributes
    ----------
    x : numpy.ndarray
        The allocation that was tested (cost shares for a cost game).
    in_set : bool
        True when ``x`` is an imputation and no player has a justified objection (one
        without a counter-objection) against another; ``value`` is ``in_set``.
    objection : dict or None
        When ``x`` is an imputation outside the set: a justified objection, ``{"objector",
        "target", "coalition", "y"}`` with ``y`` the payoffs (cost shares) of the coalition's
        members, in coalition order. None otherwise.
    n_lps : int
        Linear programs solved.
    """

    in_set: bool = False
    objection: Any = None
    n_lps: int = 0
    _repr_fields: ClassVar[tuple[str, ...]] = ("in_set",)

    @property
    def value(self) -> bool:
        """True when ``x`` is in the bargaining set."""
        return bool(self.in_set)


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class TwoLevelResult(WinSetResult):
    """A two-level game (:func:`coalitions.two_level_win_set`): the international win-set,
    each country's acceptance set and the negotiated outcome.

    Attributes
    ----------
    intervals, size, is_empty, bounds, resolution
        The international win-set, as in :class:`WinSetResult` (``value`` is ``size``).
    acceptance : dict
        Each country's acceptance set: its open intervals (one dimension) or its grid area.
    ratified : dict
        The win-set of each country's ratifiers alone (countries with ratifiers).
    negotiators : dict
        Each negotiator's ideal point.
    rules : dict
        Each country's ratification rule (``"none"`` without ratifiers).
    outcome : number or pair
        The negotiated outcome (``status_quo`` when the win-set is empty).
    unconstrained_outcome : number or pair
        The same bargaining without ratifiers: ``outcome`` minus it is the Schelling effect.
    outcome_rule : str
        ``"nash"`` or ``"setter"``.
    setter : str or None
    constrained_by : tuple of str
        One dimension: the countries whose ratifiers' bound is the outcome.
    negotiator_veto : bool
        Whether the negotiators could refuse to sign.
    """

    acceptance: dict = field(default_factory=dict)
    ratified: dict = field(default_factory=dict)
    negotiators: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    outcome: Any = None
    unconstrained_outcome: Any = None
    outcome_rule: str = "nash"
    setter: str | None = None
    constrained_by: tuple = ()
    negotiator_veto: bool = True
    _repr_fields: ClassVar[tuple[str, ...]] = ("is_empty", "outcome", "constrained_by")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SchellingResult(Result):
    """The negotiated outcome of a two-level game as one ratifier's ideal point moves
    (:func:`coalitions.schelling_curve`).

    Attributes
    ----------
    country, ratifier : str
    ideal_points : tuple
        The ratifier's ideal points tried.
    outcomes : tuple
        The negotiated outcome at each; ``value`` is ``outcomes``.
    distances : tuple
        Each outcome's distance to the negotiator of ``country``.
    binding : tuple of bool
        Whether the country's ratifiers constrain the outcome there (one dimension).
    unconstrained_outcome : number or pair
        The outcome without any ratifier.
    negotiator : number or pair
        The ideal point of the country's negotiator.
    """

    country: str = ""
    ratifier: str = ""
    ideal_points: tuple = ()
    outcomes: tuple = ()
    distances: tuple = ()
    binding: tuple = ()
    unconstrained_outcome: Any = None
    negotiator: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("country", "ratifier")

    value = field_property("outcomes", "The negotiated outcome at each ideal point tried.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class VetoOfferResult(Result):
    """A setter's take-it-or-leave-it offer to a blocker of uncertain type
    (:func:`coalitions.setter_offer`).

    Attributes
    ----------
    offer : number
        The offer maximising the setter's expected utility; ``value`` is ``offer``.
    acceptance_probability : number
        The probability the blocker accepts it (``1 - veto_probability``).
    veto_probability : number
    expected_utility : number
        The setter's expected utility of the offer.
    accepted_by : tuple of str
        The types that accept it.
    types, ideals, probabilities : tuple
        The blocker's types, their ideal points and prior probabilities.
    full_information_offers : tuple
        The offer the setter would make to each type if it knew it (Romer-Rosenthal).
    acceptance_intervals : tuple
        Each type's closed interval of acceptable offers, ``(low, high)``, or None for a type
        that vetoes every offer.
    setter_ideal, status_quo : number
    """

    offer: Any = None
    acceptance_probability: Any = None
    veto_probability: Any = None
    expected_utility: Any = None
    accepted_by: tuple = ()
    types: tuple = ()
    ideals: tuple = ()
    probabilities: tuple = ()
    full_information_offers: tuple = ()
    acceptance_intervals: tuple = ()
    setter_ideal: Any = None
    status_quo: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("offer", "acceptance_probability")

    value = field_property("offer", "The setter's optimal offer.")


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class VetoThreatResult(Result):
    """Cheap-talk veto threats (Matthews 1989; :func:`coalitions.veto_threat_equilibria`).

    Attributes
    ----------
    babbling : VetoOfferResult
        The equilibrium without informative talk: the setter's offer against the prior.
    equilibria : tuple of dict
        The size-two equilibria: ``threat_types`` and ``accept_types`` (the partition of the
        blocker's types by message), ``threat_offer`` (the compromise) and ``accept_offer``,
        ``threat_acceptance`` (the probability the compromise is accepted after a threat),
        ``veto_probability``, ``setter_utility`` and ``concession`` (how far the threat moves
        the offer from the accept offer).
    selected : dict or None
        The size-two equilibrium the setter prefers (None when there is none).
    threat_credible : bool
        True when a size-two equilibrium exists: a threat changes the offer.
    """

    babbling: Any = None
    equilibria: tuple = ()
    selected: Any = None
    threat_credible: bool = False
    setter_ideal: Any = None
    status_quo: Any = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("threat_credible",)

    @property
    def value(self) -> Any:
        """The concession a threat obtains in the selected equilibrium (0 without one)."""
        return 0 if self.selected is None else self.selected["concession"]


#: Every result class (in the order defined here), with the two encoders; computed last, so
#: that a class added anywhere in this module is listed.
__all__ = [
    "jsonable",
    "short_number",
    *(
        name
        for name, obj in list(globals().items())
        if isinstance(obj, type) and issubclass(obj, Result)
    ),
]
