"""Result objects returned by the solvers.

Every solver returns a frozen dataclass. Allocation-like results carry ``x`` (one entry per
player, in ``players`` order), ``players`` and ``exact``; ``result["name"]`` reads one entry and
``to_dict()`` gives a JSON-ready dictionary (exact fractions are written as strings such as
``"2/3"``, symbolic expressions as their sympy string).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

__all__ = ["Result", "AllocationResult", "ValueResult", "jsonable",
           "CoalitionStructureResult", "StructureCoreResult", "HedonicStabilityResult",
           "DynamicsResult", "AgreementStabilityResult", "WinningCoalitionsResult",
           "ClubFrontierResult", "EstimateResult"]


def jsonable(value: Any) -> Any:
    """Convert numbers, arrays and containers to JSON-ready Python objects."""
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
    if isinstance(value, dict):
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


def _format_number(value: Any) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return str(value)


@dataclass(frozen=True, eq=False)
class Result:
    """Base class: a frozen record with ``to_dict()``."""

    def to_dict(self) -> dict:
        """JSON-ready dictionary of every field (``x`` keyed by player name)."""
        out = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "x" and hasattr(self, "players") and value is not None:
                value = dict(zip(self.players, list(value)))
            out[item.name] = jsonable(value)
        return out


@dataclass(frozen=True, eq=False)
class AllocationResult(Result):
    """A payoff vector ``x`` over ``players``; ``exact`` says whether entries are exact."""

    x: np.ndarray
    players: tuple
    exact: bool

    def __getitem__(self, player: str) -> Any:
        try:
            return self.x[self.players.index(player)]
        except ValueError:
            raise KeyError(
                f"unknown player {player!r}; the players are {', '.join(map(repr, self.players))}"
            ) from None

    def as_dict(self) -> dict:
        """``{player: payoff}`` in player order, numbers kept as they are."""
        return dict(zip(self.players, list(self.x)))

    def __repr__(self) -> str:
        entries = ", ".join(f"{p!r}: {_format_number(v)}" for p, v in zip(self.players, self.x))
        extras = []
        for item in dataclasses.fields(self):
            if item.name in ("x", "players") or not item.repr:
                continue
            extras.append(f"{item.name}={getattr(self, item.name)!r}")
        return f"{type(self).__name__}({{{entries}}}, {', '.join(extras)})"


@dataclass(frozen=True, eq=False, repr=False)
class ValueResult(AllocationResult):
    """A single-valued solution (Shapley value, Banzhaf value, ...).

    Attributes
    ----------
    x : numpy.ndarray
        Payoffs, float64 for float games, ``Fraction`` objects for exact games, sympy
        expressions for symbolic games.
    players : tuple of str
    exact : bool
        True when every entry is exact (rational or symbolic arithmetic).
    concept : str
        The solution concept, e.g. ``"shapley"``.
    method : str
        The algorithm used.
    normalized : bool
        For indices that have a normalised variant (Banzhaf).
    n_evaluations : int or None
        Number of coalition values read.
    std_error : numpy.ndarray or None
        Standard error of each entry for sampling estimators; None for exact methods.
    """

    concept: str = ""
    method: str = ""
    normalized: bool = False
    n_evaluations: int | None = None
    std_error: Any = field(default=None, repr=False)


# ---------------------------------------------------------------- coalition formation


@dataclass(frozen=True, eq=False)
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
    players : tuple of str
    exact : bool
    method : str
    """

    structure: tuple
    value: Any
    coalition_values: tuple
    players: tuple
    exact: bool
    method: str = ""


@dataclass(frozen=True, eq=False, repr=False)
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
    success: bool = True
    status: int = 0
    message: str = ""

    @property
    def is_stable(self) -> bool:
        """True when the core of the structure is non-empty."""
        return not self.is_empty


@dataclass(frozen=True, eq=False)
class HedonicStabilityResult(Result):
    """The four stability notions of a partition in a hedonic game, each with a witness.

    A witness is None when the partition is stable in that sense; otherwise it describes a
    deviation: a blocking coalition (core) or a move ``{"player", "from", "to"}``.
    """

    partition: tuple
    core_stable: bool
    nash_stable: bool
    individually_stable: bool
    contractually_individually_stable: bool
    witnesses: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class DynamicsResult(Result):
    """Outcome of best-response dynamics in a hedonic game.

    ``stopping_reason`` is ``"stable"`` (a full round without a move: the partition is
    stable for the deviation rule), ``"cycle"`` (a state repeated, so the dynamics loop for
    ever) or ``"max_rounds"``. ``potentials`` holds the potential after every move when the
    game is symmetric additively separable (else empty).
    """

    partition: tuple
    converged: bool
    stopping_reason: str
    rule: str
    n_moves: int
    n_rounds: int
    moves: tuple = ()
    potentials: tuple = ()


@dataclass(frozen=True, eq=False)
class AgreementStabilityResult(Result):
    """Internal and external stability of a signatory coalition of every size k = 1..n.

    ``stable_sizes`` lists the k that are both internally and externally stable.
    """

    n: int
    sizes: tuple
    internal: tuple
    external: tuple
    stable_sizes: tuple
    signatory_payoffs: tuple
    nonsignatory_payoffs: tuple
    indifferent: str
    exact: bool
    model: str = ""


@dataclass(frozen=True, eq=False)
class WinningCoalitionsResult(Result):
    """A list of winning coalitions of a voting game with their total weights.

    ``concept`` says which list it is: ``"minimal_winning"``, ``"minimum_weight"`` (Riker's
    size principle) or ``"minimal_connected_winning"`` (Axelrod).
    """

    coalitions: tuple
    weights: tuple
    players: tuple
    quota: Any
    concept: str

    def __len__(self) -> int:
        return len(self.coalitions)


@dataclass(frozen=True, eq=False)
class ClubFrontierResult(Result):
    """The Pareto frontier of clubs: chance of acting against coverage.

    Each frontier point is a club (``clubs[j]``) with efficiency ``efficiency[j]`` (the
    probability that every member supports acting, the product of the members' support
    probabilities) and coverage ``coverage[j]`` (the sum of the members' weights). Points are
    sorted by increasing coverage (hence decreasing efficiency); no club is at least as good
    on both criteria and better on one.
    """

    clubs: tuple
    efficiency: np.ndarray
    coverage: np.ndarray
    players: tuple
    method: str
    exact: bool = False

    def __len__(self) -> int:
        return len(self.clubs)
@dataclass(frozen=True, eq=False, repr=False)
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
    ci_low: Any = field(default=None, repr=False)
    ci_high: Any = field(default=None, repr=False)
    budget: int | None = None
    n_samples: int | None = None

    @property
    def confidence_interval(self) -> tuple:
        """``(ci_low, ci_high)``."""
        return self.ci_low, self.ci_high
