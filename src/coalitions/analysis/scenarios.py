"""Scenario comparison: one body or model under several rules or memberships, side by side.

An analyst asks what changes if the Council voted by unanimity instead of qualified majority,
or if it had five more members. :func:`compare_scenarios` evaluates the same metrics on every
scenario and aligns them in one table: a row per metric (and per member, for metrics with an
entry per member), a column per scenario, and the change from a baseline scenario.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from .._checks import check_choice, front_door
from ..exceptions import InvalidArgumentError, InvalidProblemError
from ..results import Result, ScenarioResult

__all__ = ["compare_scenarios"]

#: The choices of ``method=``: every metric is evaluated on every scenario.
METHODS = ("evaluation",)


def _number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _entries(metric: str, scenario: str, value: Any) -> dict[str, Any]:
    """A metric's answer on one scenario as ``{member or "": number}``."""
    if isinstance(value, Result):
        x = getattr(value, "x", None)
        if x is not None and len(value.players) == len(x):
            return dict(zip(value.players, list(x)))
        headline = getattr(value, "value", None)
        if _number(headline):
            return {"": headline}
        raise InvalidProblemError(
            f"compare_scenarios: metric {metric!r} on {scenario!r} returned a "
            f"{type(value).__name__} with neither one entry per player nor a numeric value; "
            "return a number, a mapping of numbers or such a result."
        )
    if _number(value):
        return {"": value}
    if isinstance(value, Mapping) and value and all(_number(v) for v in value.values()):
        if not all(isinstance(k, str) for k in value):
            raise InvalidProblemError(
                f"compare_scenarios: metric {metric!r} on {scenario!r} returned a mapping "
                "whose keys are not all strings (member names)."
            )
        return dict(value)
    raise InvalidProblemError(
        f"compare_scenarios: metric {metric!r} on {scenario!r} returned {value!r}; return a "
        "number, a mapping from member names to numbers, or a result with one entry per player."
    )


def _delta(new: Any, old: Any) -> Any:
    if new is None or old is None:
        return None
    if isinstance(new, (int, Fraction)) and isinstance(old, (int, Fraction)):
        return new - old
    return float(new) - float(old)


@front_door(METHODS)
def compare_scenarios(
    scenarios: Mapping[str, Any],
    metrics: Mapping[str, Callable[[Any], Any]],
    *,
    baseline: str | None = None,
    method: str = "evaluation",
) -> ScenarioResult:
    r"""Evaluate the same metrics on several scenarios and align them in one table.

    Parameters
    ----------
    scenarios : mapping
        Scenario name to the object the metrics take (a game, a model), in the order of the
        columns, e.g. ``{"qualified majority": qmv, "unanimity": unanimity}``.
    metrics : mapping
        Metric name to a function of one scenario. It returns a number (one row), a mapping
        from member names to numbers, or a result with one entry per player such as a power
        index (one row per member, aligned by name across scenarios; a member absent from a
        scenario gets ``None`` there), or a result with a numeric ``value``.
    baseline : str, optional
        The scenario the deltas are taken from; the first by default.
    method : {"evaluation"}, optional
        Every metric on every scenario (the only method).

    Returns
    -------
    ScenarioResult
        ``scenarios`` (the column order), ``baseline``, ``rows`` (one dict per metric and
        member: ``metric``, ``member`` (``""`` for a scalar metric), ``values`` and ``deltas``
        by scenario; exact numbers stay exact) and ``value`` (the rows).

    Raises
    ------
    InvalidArgumentError
        For fewer than two scenarios, no metric, names that are not strings, an unknown
        baseline, or a metric that is not callable.
    InvalidProblemError
        When a metric returns something else than a number, a mapping of numbers or a result
        with entries per player.

    Examples
    --------
    The Security Council as it is, and with a vote of 11 of 15 instead of 9:

    >>> import coalitions as co
    >>> council = co.datasets.un_security_council()
    >>> stricter = co.WeightedVotingGame(
    ...     council.quota + 2 * council.weights[-1], council.weights, council.players
    ... )
    >>> table = co.compare_scenarios(
    ...     {"9 of 15": council, "11 of 15": stricter},
    ...     {"power to act": co.coleman_power_to_act, "Shapley-Shubik": co.shapley_shubik_index},
    ... )
    >>> row = table.row("power to act")
    >>> [round(float(v), 4) for v in row["values"].values()]
    [0.0259, 0.0118]
    >>> round(float(table.row("Shapley-Shubik", "China")["deltas"]["11 of 15"]), 4)
    -0.0131

    References
    ----------
    .. [1] The comparisons of decision rules in D. S. Felsenthal and M. Machover, *The
       Measurement of Voting Power*, Edward Elgar, 1998, ch. 2 and 7.
    """
    if not isinstance(scenarios, Mapping) or len(scenarios) < 2:
        raise InvalidArgumentError(
            "compare_scenarios: scenarios must be a mapping of at least two named scenarios, "
            f"got {type(scenarios).__name__}."
        )
    if not isinstance(metrics, Mapping) or not metrics:
        raise InvalidArgumentError(
            "compare_scenarios: metrics must be a non-empty mapping from names to functions."
        )
    for kind, names in (("scenario", scenarios), ("metric", metrics)):
        for name in names:
            if not isinstance(name, str) or not name:
                raise InvalidArgumentError(
                    f"compare_scenarios: every {kind} name must be a non-empty string, "
                    f"got {name!r}."
                )
    for name, function in metrics.items():
        if not callable(function):
            raise InvalidArgumentError(
                f"compare_scenarios: metric {name!r} must be a function of one scenario, "
                f"got {function!r}."
            )
    columns = tuple(scenarios)
    base = columns[0] if baseline is None else check_choice(baseline, columns, what="scenario")
    rows: list[dict[str, Any]] = []
    for metric, function in metrics.items():
        found = {s: _entries(metric, s, function(scenarios[s])) for s in columns}
        members = list(dict.fromkeys(m for s in columns for m in found[s]))
        for member in members:
            values = {s: found[s].get(member) for s in columns}
            for s, v in values.items():
                if v is not None and not math.isfinite(float(v)):
                    raise InvalidProblemError(
                        f"compare_scenarios: metric {metric!r} is {v} on {s!r}; metrics must "
                        "be finite."
                    )
            rows.append(
                {
                    "metric": metric,
                    "member": member,
                    "values": values,
                    "deltas": {s: _delta(values[s], values[base]) for s in columns},
                }
            )
    exact = all(
        isinstance(v, (int, Fraction))
        for row in rows
        for v in row["values"].values()
        if v is not None
    )
    return ScenarioResult(
        concept="scenario-comparison",
        method="evaluation",
        exact=exact,
        scenarios=columns,
        baseline=base,
        rows=tuple(rows),
    )
