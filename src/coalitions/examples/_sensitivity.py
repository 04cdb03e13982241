"""The sensitivity report of a worked case: how its headline numbers and conclusions move
over the ranges of its labelled assumptions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..analysis import Assumption, sensitivity
from ..exceptions import InvalidArgumentError
from ._registry import CASES, get_case
from ._report import Report, Section

__all__ = ["case_sensitivity", "sensitivity_report", "parse_range"]


def parse_range(text: str) -> tuple[str, float, float]:
    """``"NAME=LO:HI"`` as ``(name, lo, hi)``; anything else is refused with the form to use.

    Examples
    --------
    >>> parse_range("beta_DE=2:16")
    ('beta_DE', 2.0, 16.0)
    """
    name, sep, bounds = str(text).partition("=")
    low, colon, high = bounds.partition(":")
    numbers = [_number(low), _number(high)]
    if not (sep and colon and name.strip()) or None in numbers:
        raise InvalidArgumentError(
            f"--vary {text!r}: write NAME=LO:HI with two numbers, e.g. beta_DE=2:16."
        )
    return name.strip(), float(low), float(high)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _ranges(vary: Any) -> dict[str, tuple[float, float]]:
    """``vary`` as ``{name: (lo, hi)}``: a mapping, or ``"NAME=LO:HI"`` strings."""
    if isinstance(vary, Mapping):
        return {str(k): (float(lo), float(hi)) for k, (lo, hi) in vary.items()}
    ranges = {}
    for text in vary or ():
        name, low, high = parse_range(text)
        ranges[name] = (low, high)
    return ranges


def _assumptions(name: str, vary: Mapping[str, tuple[float, float]]) -> list[Assumption]:
    case = get_case(name)
    if case.assumptions is None or case.outcomes is None:
        ranged = sorted(n for n, c in CASES.items() if c.assumptions is not None)
        raise InvalidArgumentError(
            f"the example {name!r} labels no assumptions with ranges; the examples that do: "
            f"{ranged}."
        )
    items = {a.name: a for a in case.assumptions()}
    unknown = sorted(set(vary) - set(items))
    if unknown:
        raise InvalidArgumentError(
            f"the example {name!r} has no assumption {unknown[0]!r}; its assumptions: "
            f"{sorted(items)}."
        )
    for key, (low, high) in vary.items():
        a = items[key]
        items[key] = Assumption(
            a.name, a.value, low, high, description=a.description, source="range given by --vary"
        )
    return list(items.values())


def case_sensitivity(
    name: str,
    *,
    vary: Any = None,
    samples: int = 200,
    sweep_points: int = 11,
    rng: Any = 0,
) -> Any:
    """:func:`coalitions.sensitivity` of the case ``name`` over its labelled assumptions
    (``vary`` replaces ranges: ``{"beta_DE": (2, 16)}`` or ``["beta_DE=2:16"]``).

    Examples
    --------
    >>> result = case_sensitivity("cyprus-belarus", samples=16, sweep_points=3)
    >>> sorted(result.shares)
    ['binding member', 'presidency concedes']
    """
    assumptions = _assumptions(name, _ranges(vary))
    outcomes = get_case(name).outcomes
    assert outcomes is not None  # _assumptions refused a case without them
    return sensitivity(outcomes, assumptions, samples=samples, sweep_points=sweep_points, rng=rng)


def sensitivity_report(name: str, **options: Any) -> Report:
    """The case's sensitivity as a report: the range of each headline quantity and the
    assumption it is most sensitive to, the tornado rows, the share of draws reaching each
    conclusion, and the breakpoints where a conclusion flips (options as in
    :func:`case_sensitivity`)."""
    case = get_case(name)
    result = case_sensitivity(name, **options)
    ranges = Section(
        "Headline quantities over the ranges",
        ["quantity", "baseline", "5 %", "median", "95 %", "min", "max", "most sensitive to"],
        [
            [
                q,
                r["baseline"],
                r["q05"],
                r["median"],
                r["q95"],
                r["min"],
                r["max"],
                result.most_sensitive[q],
            ]
            for q, r in result.ranges.items()
        ],
        [
            f"{result.n_samples} Latin-hypercube draws over the ranges below, the assumptions "
            "independent and uniform within them."
        ],
        data={"ranges": result.ranges},
    )
    tornado = Section(
        "What moves each quantity (one assumption at a time)",
        ["quantity", "assumption", "at low", "at high", "swing"],
        [
            [q, row["assumption"], row["at_low"], row["at_high"], row["swing"]]
            for q, rows in result.tornado.items()
            for row in rows
        ],
        ["Each assumption swept over its range with the others at their baselines."],
        data={"tornado": result.tornado},
    )
    shares = Section(
        "How often each conclusion holds",
        ["conclusion", "label", "share of draws", "at the baselines"],
        [
            [c, str(label), share, str(result.baseline[c]) == str(label)]
            for c, labels in result.shares.items()
            for label, share in labels.items()
        ],
        data={"shares": {c: {str(k): v for k, v in s.items()} for c, s in result.shares.items()}},
    )
    flips = Section(
        "What would change the conclusion (breakpoints)",
        ["conclusion", "assumption", "at", "below", "above"],
        [
            [b.conclusion, b.assumption, b.at, str(b.below), str(b.above)]
            for b in result.breakpoints
        ],
        ["Where one assumption, the others at their baselines, flips a conclusion."]
        if result.breakpoints
        else ["No single assumption flips a conclusion within its range."],
        data={"breakpoints": [b.to_dict() for b in result.breakpoints]},
    )
    return Report(
        f"{name}-sensitivity",
        f"Sensitivity: {case.title}",
        case.summary,
        [ranges, tornado, shares, flips],
        assumptions=[
            f"{a.name} in [{a.low:g}, {a.high:g}] (baseline {a.value:g}): {a.description}; "
            f"{a.source}"
            for a in result.assumptions
        ],
    )
