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

__all__ = ["Result", "AllocationResult", "ValueResult", "jsonable", "PowerIndexResult",
           "PowerToActResult", "PivotalResult", "PowerTableResult", "SweepResult"]


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


# ----------------------------------------------------------------- voting power (issue 4)
@dataclass(frozen=True, eq=False, repr=False)
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
    """

    counts: Any = field(default=None, repr=False)
    denominator: Any = field(default=None, repr=False)


@dataclass(frozen=True, eq=False)
class PowerToActResult(Result):
    """Coleman's power of the collectivity to act: the share of winning coalitions.

    ``value = winning / coalitions`` (``Fraction`` when exact, else float).
    """

    value: Any
    winning: Any
    coalitions: int
    exact: bool
    method: str = ""

    def __float__(self) -> float:
        return float(self.value)


@dataclass(frozen=True, eq=False)
class PivotalResult(Result):
    """Who is critical for a given vote: flipping a pivotal member's vote flips the outcome."""

    passed: bool
    pivotal: tuple
    yes: tuple
    no: tuple


@dataclass(frozen=True, eq=False)
class PowerTableResult(Result):
    """Several power indices of one game, one column per index.

    ``indices[name]`` is an array in ``players`` order; ``power_to_act`` is Coleman's A.
    """

    players: tuple
    indices: dict
    exact: bool
    power_to_act: Any = None
    method: str = ""

    def __getitem__(self, name: str) -> Any:
        return self.indices[name]

    def to_dict(self) -> dict:
        return {"players": list(self.players),
                "indices": {k: dict(zip(self.players, [jsonable(v) for v in col]))
                            for k, col in self.indices.items()},
                "exact": self.exact, "power_to_act": jsonable(self.power_to_act),
                "method": self.method}


@dataclass(frozen=True, eq=False)
class SweepResult(Result):
    """Efficiency against protection as the quota moves from simple majority to unanimity.

    ``power_to_act[k]`` is Coleman's A at ``quotas[k]``; ``power_to_prevent[k, i]`` and
    ``risk_of_being_outvoted[k, i]`` are member ``players[i]``'s values at that quota.
    """

    players: tuple
    quotas: tuple
    power_to_act: np.ndarray
    power_to_prevent: np.ndarray
    risk_of_being_outvoted: np.ndarray
    exact: bool

    def rows(self) -> list[dict]:
        """One JSON-ready dict per quota (for plotting or a table)."""
        out = []
        for k, q in enumerate(self.quotas):
            out.append({"quota": jsonable(q), "power_to_act": jsonable(self.power_to_act[k]),
                        "power_to_prevent": dict(zip(self.players,
                                                     jsonable(self.power_to_prevent[k]))),
                        "risk_of_being_outvoted": dict(zip(
                            self.players, jsonable(self.risk_of_being_outvoted[k])))})
        return out

    def to_dict(self) -> dict:
        return {"players": list(self.players), "exact": self.exact, "rows": self.rows()}
