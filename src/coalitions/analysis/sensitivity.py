"""Sensitivity of a model's conclusions to its labelled assumptions.

A worked case rests on numbers nobody measured: the bargaining power of a blocker, the support
of the members who stayed silent, the base a ceiling was computed from. Each such number is an
:class:`Assumption` with a plausible range. :func:`sensitivity` runs the model over the ranges
and reports, for each headline **quantity** (a number), its range, the tornado data (the swing
each assumption causes alone) and, optionally, variance-based Sobol indices; and for each
qualitative **conclusion** (a label: the binding member, the sign of a price, whether a threat
is credible), the share of draws that reach each label and the **breakpoints**, the values of
one assumption at which the label flips with the others at their baselines.

The model is any function ``model(**values) -> Mapping[str, object]``: numbers (``int``,
``float``, ``Fraction``, numpy scalars; not ``bool``) are quantities, anything else hashable
(``str``, ``bool``, tuples) is a conclusion. The baseline call fixes the names and kinds; a
later call that changes them is refused.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._checks import check_callback, check_integer, front_door, seed_sequence
from .._frozen import Frozen, assign
from ..exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from ..results import SensitivityResult

__all__ = [
    "Assumption",
    "Breakpoint",
    "sensitivity",
]

#: Designs of the Monte Carlo sample (``method=``).
METHODS = ("latin-hypercube", "uniform", "sobol")
#: Grid points of each one-at-a-time sweep, by default.
SWEEP_POINTS = 21
#: Monte Carlo draws, by default (for ``method="sobol"``: the base sample, a power of two).
SAMPLES = 512
#: The largest counts accepted: each draw and grid point is a call of the model.
MAX_SAMPLES = 10_000_000
MAX_SWEEP_POINTS = 100_000
#: Bisection stops when a breakpoint is bracketed to this fraction of the assumption's range.
BREAKPOINT_XTOL = 1e-6


class Assumption(Frozen):
    """A model parameter nobody measured: its baseline, a plausible range and where it comes
    from.

    Parameters
    ----------
    name : str
        The keyword the model takes it by (a Python identifier).
    value : float
        The baseline the case reports with; ``low <= value <= high``.
    low, high : float
        The plausible range, ``low < high``, both finite.
    description : str, optional
        What it means, in words.
    source : str, optional
        Where the baseline or the range comes from (a document, a judgement: say which).

    Examples
    --------
    >>> a = Assumption("cyprus_power", 0.5, 0.2, 0.8, description="Cyprus's bargaining weight")
    >>> a
    Assumption('cyprus_power', 0.5 in [0.2, 0.8])
    """

    __slots__ = ("name", "value", "low", "high", "description", "source")
    name: str
    value: float
    low: float
    high: float
    description: str
    source: str

    def __init__(self, name, value, low, high, *, description: str = "", source: str = ""):
        if not isinstance(name, str) or not name.isidentifier():
            raise InvalidArgumentError(
                f"Assumption: the name must be a Python identifier (the model's keyword), "
                f"got {name!r}."
            )
        numbers_ = {}
        for label, given in (("value", value), ("low", low), ("high", high)):
            if isinstance(given, bool) or not isinstance(given, numbers.Real):
                raise InvalidArgumentError(
                    f"Assumption {name!r}: {label} must be a real number, got {given!r}."
                )
            number = float(given)
            if not math.isfinite(number):
                raise InvalidArgumentError(f"Assumption {name!r}: {label} must be finite.")
            numbers_[label] = number
        if not numbers_["low"] < numbers_["high"]:
            raise InvalidArgumentError(
                f"Assumption {name!r}: the range needs low < high, got "
                f"[{numbers_['low']}, {numbers_['high']}]."
            )
        if not numbers_["low"] <= numbers_["value"] <= numbers_["high"]:
            raise InvalidArgumentError(
                f"Assumption {name!r}: the baseline {numbers_['value']} lies outside its range "
                f"[{numbers_['low']}, {numbers_['high']}]; widen the range or move the baseline."
            )
        for label, text in (("description", description), ("source", source)):
            if not isinstance(text, str):
                raise InvalidArgumentError(f"Assumption {name!r}: {label} must be a string.")
        assign(self, name=name, description=description, source=source, **numbers_)

    def _key(self) -> tuple:
        return (self.name, self.value, self.low, self.high, self.description, self.source)

    def __repr__(self) -> str:
        return f"Assumption({self.name!r}, {self.value:g} in [{self.low:g}, {self.high:g}])"

    def to_dict(self) -> dict:
        """JSON-ready fields."""
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True)
class Breakpoint:
    """A value of one assumption at which a conclusion changes, the others at their baselines.

    ``at`` is bracketed to ``tolerance``: the label is ``below`` at ``at - tolerance`` and
    ``above`` at ``at + tolerance`` (within the sweep's range).
    """

    conclusion: str
    assumption: str
    at: float
    below: Any
    above: Any
    tolerance: float

    def to_dict(self) -> dict:
        return {
            "conclusion": self.conclusion,
            "assumption": self.assumption,
            "at": self.at,
            "below": _label(self.below),
            "above": _label(self.above),
            "tolerance": self.tolerance,
        }


def _label(value: Any) -> Any:
    if isinstance(value, (str, bool, int)) or value is None:
        return value
    if isinstance(value, tuple):
        return [_label(v) for v in value]
    return str(value)


def _is_quantity(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


class _Model:
    """The user's model, called with checked outputs of fixed names and kinds."""

    def __init__(self, model: Callable[..., Mapping], assumptions: tuple[Assumption, ...]):
        if not callable(model):
            raise InvalidArgumentError(
                f"sensitivity: model must be a function model(**values) -> mapping, got {model!r}."
            )
        self.model = model
        self.names = tuple(a.name for a in assumptions)
        self.calls = 0
        baseline = self._call({a.name: a.value for a in assumptions})
        self.quantities = tuple(k for k, v in baseline.items() if _is_quantity(v))
        self.conclusions = tuple(k for k, v in baseline.items() if not _is_quantity(v))
        self.baseline = baseline

    def _call(self, values: Mapping[str, float]) -> dict:
        self.calls += 1
        out = self.model(**values)
        if not isinstance(out, Mapping) or not out:
            raise InvalidProblemError(
                "sensitivity: the model must return a non-empty mapping from output names to "
                f"numbers or labels, got {type(out).__name__}."
            )
        for key, value in out.items():
            if not isinstance(key, str):
                raise InvalidProblemError(f"sensitivity: output names must be str, got {key!r}.")
            if _is_quantity(value):
                if not math.isfinite(float(value)):
                    raise InvalidProblemError(
                        f"sensitivity: output {key!r} is {value} at {dict(values)}; a quantity "
                        "must be finite."
                    )
            else:
                try:
                    hash(value)
                except TypeError:
                    raise InvalidProblemError(
                        f"sensitivity: output {key!r} must be a number or a hashable label "
                        f"(str, bool, tuple), got {type(value).__name__}."
                    ) from None
        return dict(out)

    def __call__(self, values: Mapping[str, float]) -> dict:
        out = self._call(values)
        if set(out) != set(self.baseline):
            raise InvalidProblemError(
                f"sensitivity: the model returned outputs {sorted(out)} at {dict(values)} but "
                f"{sorted(self.baseline)} at the baseline; return the same names every call."
            )
        for key in self.quantities:
            if not _is_quantity(out[key]):
                raise InvalidProblemError(
                    f"sensitivity: output {key!r} is a number at the baseline but "
                    f"{out[key]!r} at {dict(values)}."
                )
        return out


def _check_assumptions(assumptions: Any) -> tuple[Assumption, ...]:
    if isinstance(assumptions, Assumption):
        assumptions = [assumptions]
    if not isinstance(assumptions, Iterable) or isinstance(assumptions, (str, bytes, Mapping)):
        raise InvalidArgumentError(
            "sensitivity: assumptions must be a list of Assumption objects, got "
            f"{type(assumptions).__name__}."
        )
    out = tuple(assumptions)
    if not out or not all(isinstance(a, Assumption) for a in out):
        raise InvalidArgumentError(
            "sensitivity: assumptions must be a non-empty list of Assumption objects."
        )
    names = [a.name for a in out]
    if len(set(names)) != len(names):
        raise InvalidArgumentError(f"sensitivity: assumption names repeat: {names}.")
    return out


def _check_count(value: Any, what: str, minimum: int, maximum: int) -> int:
    count = check_integer(value, what, "sensitivity", low=minimum)
    if count > maximum:
        raise TooLargeError(
            f"sensitivity: {what}={count} calls the model more than {maximum:,} times; "
            f"use at most {maximum:,}."
        )
    return count


def _bisect(model: _Model, base: dict, name: str, key: str, lo: float, hi: float, xtol: float):
    """Narrow the flip of conclusion ``key`` between ``lo`` and ``hi`` (labels differ there)."""
    label_lo = model({**base, name: lo})[key]
    label_hi = model({**base, name: hi})[key]
    while hi - lo > 2 * xtol:
        mid = 0.5 * (lo + hi)
        label = model({**base, name: mid})[key]
        if label == label_lo:
            lo = mid
        else:
            hi, label_hi = mid, label
    return Breakpoint(key, name, 0.5 * (lo + hi), label_lo, label_hi, 0.5 * (hi - lo))


@front_door(METHODS)
def sensitivity(
    model: Callable[..., Mapping],
    assumptions: Sequence[Assumption],
    *,
    method: str = "latin-hypercube",
    samples: int = SAMPLES,
    sweep_points: int = SWEEP_POINTS,
    rng: Any = None,
    callback: Callable[[int, int], Any] | None = None,
) -> SensitivityResult:
    r"""How a model's quantities and conclusions move over the ranges of its assumptions.

    Three analyses in one call:

    1. **One-at-a-time sweeps**: each assumption over ``sweep_points`` evenly spaced values of
       its range, the others at their baselines. For each quantity, the lowest and highest
       value each assumption alone produces (the *tornado* data, sorted by swing); for each
       conclusion, every **breakpoint**: where its label changes between two grid points, the
       change is bracketed by bisection to ``1e-6`` of the range.
    2. **Monte Carlo** over the box of all ranges (independent uniform assumptions): each
       quantity's minimum, maximum, mean and 5 %, 50 % and 95 % quantiles, and each
       conclusion's share of draws per label.
    3. With ``method="sobol"``, the first-order and total Sobol indices of each quantity
       (Saltelli's estimators, through :func:`scipy.stats.sobol_indices`): the share of the
       quantity's variance each assumption explains alone, and with its interactions.

    Parameters
    ----------
    model : callable
        ``model(**values)`` with one keyword per assumption; returns a mapping from output
        names to numbers (quantities) or hashable labels (conclusions).
    assumptions : sequence of Assumption
        The labelled assumptions with their ranges.
    method : {"latin-hypercube", "uniform", "sobol"}, optional
        The Monte Carlo design: a Latin hypercube (the default; every range evenly covered),
        independent uniform draws, or Saltelli's design for Sobol indices (``samples`` rounded
        up to a power of two, ``samples * (d + 2)`` model calls for ``d`` assumptions).
    samples : int, optional
        Monte Carlo draws (8 to :data:`MAX_SAMPLES`).
    sweep_points : int, optional
        Grid points of each sweep (2 to :data:`MAX_SWEEP_POINTS`). A conclusion that changes and changes back
        between two neighbouring grid points is not seen: refine the grid when that matters.
    rng : int, numpy.random.Generator or None, optional
        Seed of the draws.
    callback : callable, optional
        Progress: ``callback(done, total)`` after each sweep and after the Monte Carlo.

    Returns
    -------
    SensitivityResult
        ``baseline`` (the outputs at the baselines), ``ranges``, ``tornado``, ``breakpoints``,
        ``shares``, ``sobol`` (or ``None``), ``most_sensitive`` (per quantity, the assumption
        with the widest swing) and ``n_evaluations``.

    Raises
    ------
    InvalidArgumentError
        For assumptions, counts or a method that are not valid.
    TooLargeError
        For more than :data:`MAX_SAMPLES` draws or :data:`MAX_SWEEP_POINTS` grid points.
    InvalidProblemError
        When the model returns something else than a mapping of finite numbers and hashable
        labels, or changes its outputs' names or kinds between calls.

    Notes
    -----
    The sweeps and breakpoints are local: they move one assumption with the others at their
    baselines, so a flip that needs two assumptions to move together shows up only in the
    Monte Carlo shares. The Monte Carlo treats the assumptions as independent and uniform over
    their ranges: a range is a statement of ignorance, not a distribution someone estimated.

    References
    ----------
    .. [1] A. Saltelli et al., *Global Sensitivity Analysis: The Primer*, Wiley, 2008
       (one-at-a-time screening, tornado diagrams, variance-based indices).
    .. [2] A. Saltelli, "Making best use of model evaluations to compute sensitivity indices",
       *Computer Physics Communications* 145 (2002), 280-297.

    Examples
    --------
    A blocker's share of a surplus under Nash bargaining with bargaining weight ``w``; the
    conclusion is who gets more:

    >>> def model(w, surplus):
    ...     share = w * surplus
    ...     return {"blocker": share, "larger": "blocker" if share > surplus - share else "rest"}
    >>> result = sensitivity(
    ...     model,
    ...     [Assumption("w", 0.5, 0.2, 0.8), Assumption("surplus", 1.0, 0.5, 2.0)],
    ...     samples=64,
    ...     rng=0,
    ... )
    >>> result.most_sensitive["blocker"]
    'surplus'
    >>> [(b.assumption, round(b.at, 4), b.below, b.above) for b in result.breakpoints]
    [('w', 0.5, 'rest', 'blocker')]
    >>> round(result.shares["larger"]["blocker"], 2)
    0.5
    """
    items = _check_assumptions(assumptions)
    samples = _check_count(samples, "samples", 8, MAX_SAMPLES)
    sweep_points = _check_count(sweep_points, "sweep_points", 2, MAX_SWEEP_POINTS)
    callback = check_callback(callback, "sensitivity")
    wrapped = _Model(model, items)
    base = {a.name: a.value for a in items}
    total = len(items) + 1
    tornado: dict[str, list[dict]] = {key: [] for key in wrapped.quantities}
    breakpoints: list[Breakpoint] = []
    for index, a in enumerate(items):
        grid = np.linspace(a.low, a.high, sweep_points)
        outputs = [wrapped({**base, a.name: float(v)}) for v in grid]
        for key in wrapped.quantities:
            values = np.array([float(out[key]) for out in outputs])
            tornado[key].append(
                {
                    "assumption": a.name,
                    "at_low": float(values[0]),
                    "at_high": float(values[-1]),
                    "min": float(values.min()),
                    "max": float(values.max()),
                    "swing": float(values.max() - values.min()),
                }
            )
        xtol = BREAKPOINT_XTOL * (a.high - a.low)
        for key in wrapped.conclusions:
            for k in range(sweep_points - 1):
                if outputs[k][key] != outputs[k + 1][key]:
                    breakpoints.append(
                        _bisect(
                            wrapped, base, a.name, key, float(grid[k]), float(grid[k + 1]), xtol
                        )
                    )
        if callback is not None:
            callback(index + 1, total)
    for rows in tornado.values():
        rows.sort(key=lambda row: -row["swing"])
    draws, sobol = _monte_carlo(wrapped, items, method, samples, rng)
    if callback is not None:
        callback(total, total)
    ranges, shares = _summaries(wrapped, draws)
    return SensitivityResult(
        concept="sensitivity",
        method=method,
        assumptions=items,
        baseline=wrapped.baseline,
        ranges=ranges,
        tornado=tornado,
        breakpoints=tuple(breakpoints),
        shares=shares,
        sobol=sobol,
        most_sensitive={key: rows[0]["assumption"] for key, rows in tornado.items()},
        n_samples=len(draws),
        n_evaluations=wrapped.calls,
    )


def _box(items: tuple[Assumption, ...], unit: np.ndarray) -> np.ndarray:
    low = np.array([a.low for a in items])
    high = np.array([a.high for a in items])
    return low + unit * (high - low)


def _monte_carlo(model: _Model, items, method: str, samples: int, rng: Any):
    from scipy import stats

    seed = seed_sequence(rng)
    d = len(items)
    sobol = None
    if method == "sobol":
        n = 1 << max(3, math.ceil(math.log2(samples)))
        outputs: list[dict] = []

        def batch(x: np.ndarray) -> np.ndarray:
            rows = [model(dict(zip(model.names, map(float, point)))) for point in x.T]
            outputs.extend(rows)
            values = [[float(r[k]) for r in rows] for k in model.quantities] or [[0.0] * len(rows)]
            # at least two output rows: scipy squeezes one input and one output to a scalar
            return np.array(values + values[:1])

        dists = [stats.uniform(loc=a.low, scale=a.high - a.low) for a in items]
        found = stats.sobol_indices(func=batch, n=n, dists=dists, rng=np.random.default_rng(seed))
        if model.quantities:
            first = np.reshape(found.first_order, (-1, d))
            total = np.reshape(found.total_order, (-1, d))
            sobol = {
                key: {
                    a.name: {"first_order": float(first[q, j]), "total": float(total[q, j])}
                    for j, a in enumerate(items)
                }
                for q, key in enumerate(model.quantities)
            }
        return outputs, sobol
    generator = np.random.default_rng(seed)
    if method == "latin-hypercube":
        unit = stats.qmc.LatinHypercube(d=d, rng=generator).random(samples)
    else:
        unit = generator.random((samples, d))
    points = _box(items, unit)
    return [model(dict(zip(model.names, map(float, p)))) for p in points], sobol


def _summaries(model: _Model, draws: list[dict]) -> tuple[dict, dict]:
    ranges = {}
    for key in model.quantities:
        values = np.array([float(d[key]) for d in draws])
        q05, q50, q95 = np.quantile(values, [0.05, 0.5, 0.95])
        ranges[key] = {
            "baseline": float(model.baseline[key]),
            "min": float(values.min()),
            "max": float(values.max()),
            "mean": float(values.mean()),
            "q05": float(q05),
            "median": float(q50),
            "q95": float(q95),
        }
    shares: dict[str, dict] = {}
    for key in model.conclusions:
        counts: dict[Any, int] = {}
        for d in draws:
            counts[d[key]] = counts.get(d[key], 0) + 1
        ordered = sorted(counts.items(), key=lambda item: -item[1])
        shares[key] = {label: count / len(draws) for label, count in ordered}
    return ranges, shares
