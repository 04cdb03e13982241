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
           "BalancedCollection", "CoreResult", "LeastCoreResult", "NucleolusResult"]


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


# --------------------------------------------------------------------------- core family
@dataclass(frozen=True, eq=False)
class BalancedCollection(Result):
    """A balanced collection of coalitions with its balancing weights.

    ``sum of weights[k] * indicator(coalitions[k]) == 1`` for every player; when ``total``
    (the weighted sum of the coalitions' worths) exceeds ``grand_value`` the collection is a
    Bondareva-Shapley certificate that the core is empty.

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
    """

    coalitions: tuple
    weights: tuple
    total: Any
    grand_value: Any
    exact: bool


@dataclass(frozen=True, eq=False)
class CoreResult(Result):
    """The core of a TU game.

    Attributes
    ----------
    players : tuple of str
    is_empty : bool
    x : numpy.ndarray or None
        A core point (None when the core is empty).
    epsilon : number
        The least-core value; the core is empty exactly when it is positive.
    vertices : tuple of numpy.ndarray or None
        The core's vertices when requested and the game is small enough.
    certificate : BalancedCollection or None
        When the core is empty: a balanced collection whose weighted worth exceeds ``v(N)``.
    exact : bool
    message : str
    success : bool
        False when the LP failed (``message`` says why; nothing else is meaningful).
    """

    players: tuple
    is_empty: bool
    x: Any
    epsilon: Any
    vertices: Any = None
    certificate: Any = None
    exact: bool = False
    message: str = ""
    success: bool = True

    def to_dict(self) -> dict:
        out = super().to_dict()
        if self.vertices is not None:
            out["vertices"] = [dict(zip(self.players, jsonable(list(v))))
                               for v in self.vertices]
        return out


@dataclass(frozen=True, eq=False, repr=False)
class LeastCoreResult(AllocationResult):
    """The least core: its value ``epsilon`` and one point ``x`` of it.

    ``epsilon`` is the smallest number such that some efficient ``x`` has
    ``x(S) >= v(S) - epsilon`` for every proper coalition. ``certificate`` holds the balanced
    collection (LP dual) that proves ``epsilon`` optimal; ``n_lps`` counts the LPs solved;
    ``verified`` is True when ``epsilon`` was certified in exact arithmetic.
    """

    epsilon: Any = None
    certificate: Any = field(default=None, repr=False)
    n_lps: int = 0
    verified: bool = False
    message: str = ""
    success: bool = True


@dataclass(frozen=True, eq=False, repr=False)
class NucleolusResult(AllocationResult):
    """The nucleolus (or prenucleolus, per-capita nucleolus) of a game.

    Attributes
    ----------
    concept : str
        ``"nucleolus"``, ``"prenucleolus"`` or ``"per_capita_nucleolus"``.
    levels : tuple
        The successive maximal excess levels, largest first.
    n_lps : int
        Number of linear programs solved.
    verified : bool
        True when Kohlberg's criterion was checked (exactly for rational games).
    success : bool
        False when an LP failed; ``message`` then says why and ``x`` holds NaN.
    """

    concept: str = ""
    method: str = ""
    levels: tuple = field(default=(), repr=False)
    n_lps: int = 0
    verified: bool = False
    success: bool = True
    message: str = field(default="", repr=False)
