"""Issue linkage models: members, issues, per-issue utilities and a decision rule.

Members decide several issues ``k = 1..K``; member i's utility is
``u_i(x) = sum_k u_ik(x_k)``. Per-issue utilities are ``{"type": "linear", "slope": a}``
(``a * x``), ``{"type": "quadratic", "ideal": t, "salience": b}`` (``-b (x - t)^2``) or any
concave callable. The model lives here with the other objects one analyses; issue-by-issue
outcomes, package win-sets and the linkage analysis are in :mod:`coalitions.bargaining.linkage`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np

from .._display import html_block
from .._frozen import Frozen, assign
from .._reals import real_array
from ..exceptions import InvalidProblemError
from ._decision import RuledModel

__all__ = ["IssueLinkageModel", "IssueUtility"]


def _parameter(value, what: str) -> float:
    """A finite real number (strings, bools, NaN and infinities are refused)."""
    number = real_array(value, what)
    if number.ndim != 0:
        raise InvalidProblemError(f"{what} must be a number, got {value!r}.")
    if abs(float(number)) > 1e100:
        raise InvalidProblemError(f"{what} = {value!r} is larger than 1e100; rescale it.")
    return float(number)


class IssueUtility(Frozen):
    """A concave utility on one issue: linear, quadratic (single-peaked) or a callable.

    Immutable and hashable: two linear or quadratic utilities are equal when their
    parameters are; a callable one equals only a utility of the same callable.
    """

    __slots__ = ("spec", "kind", "f", "slope", "peak", "salience")
    # the slots' types, for the type checker (assign() sets them past __setattr__)
    spec: Any
    kind: str
    f: Callable[[Any], Any]  # floats, or arrays for the linear and quadratic kinds
    slope: Any
    peak: Any
    salience: Any

    def __init__(self, spec: Any, where: str = "utility") -> None:
        assign(self, spec=spec, slope=None, peak=None, salience=None)
        if callable(spec):
            assign(self, kind="callable", f=spec)
            return
        if not isinstance(spec, Mapping) or "type" not in spec:
            raise InvalidProblemError(
                f'{where} must be a callable or {{"type": "linear", "slope": a}} or '
                f'{{"type": "quadratic", "ideal": t, "salience": b}}; got {spec!r}.'
            )
        kind = spec["type"]
        try:
            if kind == "linear":
                a = _parameter(spec["slope"], f"{where}: slope")
                assign(self, kind=kind, slope=a, f=lambda x: a * x)
            elif kind == "quadratic":
                t = _parameter(spec["ideal"], f"{where}: ideal")
                b = _parameter(spec["salience"], f"{where}: salience")
                if b <= 0:
                    raise InvalidProblemError(f"{where}: salience must be positive, got {b}.")
                assign(self, kind=kind, peak=t, salience=b, f=lambda x: -b * (x - t) ** 2)
            else:
                raise InvalidProblemError(
                    f"{where}: unknown utility type {kind!r}; use 'linear' or 'quadratic'."
                )
        except InvalidProblemError:
            raise
        except KeyError as missing:
            raise InvalidProblemError(f"{where}: missing parameter {missing}.") from None
        except (TypeError, ValueError):
            raise InvalidProblemError(
                f"{where}: parameters must be numbers, got {spec!r}."
            ) from None

    def __call__(self, x: float) -> float:
        return float(self.f(x))

    def _key(self) -> tuple:
        if self.kind == "callable":
            return ("callable", self.f)
        return (self.kind, self.slope, self.peak, self.salience)

    def __repr__(self) -> str:
        if self.kind == "linear":
            return f"IssueUtility(linear, slope={self.slope})"
        if self.kind == "quadratic":
            return f"IssueUtility(quadratic, ideal={self.peak}, salience={self.salience})"
        return f"IssueUtility({getattr(self.f, '__name__', 'callable')})"

    def ideal(self, lo: float, hi: float) -> float:
        """The best level in [lo, hi]."""
        if self.kind == "linear":
            return hi if self.slope > 0 else lo if self.slope < 0 else lo
        if self.kind == "quadratic":
            return float(np.clip(self.peak, lo, hi))
        from scipy.optimize import minimize_scalar

        res = minimize_scalar(
            lambda x: -self(x), bounds=(lo, hi), method="bounded", options={"xatol": 1e-12}
        )
        ends = [(self(lo), lo), (self(hi), hi), (self(res.x), float(res.x))]
        return max(ends)[1]

    def at_least(self, target: float, lo: float, hi: float, atol: float = 1e-12):
        """The interval ``{x in [lo, hi] : u(x) >= target}`` (concave u), or None."""
        peak = self.ideal(lo, hi)
        if self(peak) < target - atol:
            return None
        if self.kind == "quadratic":
            half = math.sqrt(max(0.0, (-target) / self.salience))
            return (max(lo, self.peak - half), min(hi, self.peak + half))
        if self.kind == "linear" and self.slope != 0:
            bound = target / self.slope
            return (max(lo, bound), hi) if self.slope > 0 else (lo, min(hi, bound))

        def edge(a, b):  # u(a) >= target > u(b): bisection toward b
            if self(b) >= target - atol:
                return b
            for _ in range(200):
                mid = 0.5 * (a + b)
                if self(mid) >= target:
                    a = mid
                else:
                    b = mid
            return a

        return (edge(peak, lo), edge(peak, hi))


class IssueLinkageModel(RuledModel):
    """Members, issues, additively separable utilities, a status quo and a decision rule.

    The model is immutable (its mappings are read-only views) and hashable: two models are
    equal when their members, issues, utilities, bounds, status quo, no-agreement point,
    decision rule and assumptions are. :meth:`with_rule` gives a counterfactual.

    Parameters
    ----------
    utilities : mapping member -> mapping issue -> utility spec
    status_quo : mapping issue -> level
        Also the no-agreement point unless ``no_agreement`` is given.
    bounds : mapping issue -> (low, high), optional
        Range of each issue (default (0, 1)).
    decision_rule : simple game, str, int or predicate, default ``"unanimity"``
        Kept as a simple game (``model.decision_rule``; see
        :func:`~coalitions.games.simple.decision_rule_game`), ``model.rule_label`` names it.
    no_agreement : mapping issue -> level, optional
    assumptions : sequence of str
        Labels printed with every result (where the numbers come from).

    Examples
    --------
    >>> model = IssueLinkageModel(
    ...     {"C": {"A": {"type": "linear", "slope": 1},
    ...            "B": {"type": "quadratic", "ideal": 1, "salience": 2}},
    ...      "D": {"A": {"type": "linear", "slope": 2},
    ...            "B": {"type": "quadratic", "ideal": 0.1, "salience": 8}}},
    ...     status_quo={"A": 0, "B": 0})
    >>> from coalitions.bargaining import linkage_analysis
    >>> r = linkage_analysis(model, blocker="C", linked_issue="A", demand_issue="B")
    >>> round(r.max_concession, 4), r.capped_by, r.credible
    (0.6099, ('D',), False)
    >>> model == model.with_rule("unanimity"), model == model.with_rule(1)
    (True, False)
    """

    __slots__ = (
        "players",
        "issues",
        "utilities",
        "bounds",
        "status_quo",
        "no_agreement",
        "decision_rule",
        "rule_label",
        "assumptions",
        "_hash",
    )
    # the slots' types, for the type checker (assign() sets them past __setattr__)
    players: tuple[str, ...]
    issues: tuple[str, ...]
    utilities: Mapping[str, Mapping[str, IssueUtility]]
    bounds: Mapping[str, tuple[float, float]]
    status_quo: Mapping[str, float]
    no_agreement: Mapping[str, float]
    decision_rule: Any
    rule_label: str
    assumptions: tuple[str, ...]
    _hash: int | None

    def __init__(
        self,
        utilities: Mapping,
        status_quo: Mapping,
        *,
        bounds: Mapping | None = None,
        decision_rule: Any = "unanimity",
        no_agreement: Mapping | None = None,
        assumptions: Sequence[str] = (),
    ) -> None:
        if not isinstance(utilities, Mapping) or not utilities:
            raise InvalidProblemError("utilities must map each member to its issue utilities.")
        players = tuple(str(p) for p in utilities)
        if not isinstance(status_quo, Mapping):
            raise InvalidProblemError(
                f'status_quo must map each issue to its level, e.g. {{"A": 0}}, got {status_quo!r}.'
            )
        issues = tuple(str(k) for k in status_quo)
        if not issues:
            raise InvalidProblemError("status_quo must give a level for every issue.")
        table: dict[str, Mapping[str, IssueUtility]] = {}
        for player, per_issue in utilities.items():
            if not isinstance(per_issue, Mapping):
                raise InvalidProblemError(f"utilities[{player!r}] must map issues to utilities.")
            missing = set(issues) - set(per_issue)
            extra = set(per_issue) - set(issues)
            if missing or extra:
                raise InvalidProblemError(
                    f"utilities[{player!r}] must cover exactly the issues {list(issues)} "
                    f"(missing {sorted(missing)}, unknown {sorted(extra)})."
                )
            table[str(player)] = MappingProxyType(
                {k: IssueUtility(per_issue[k], f"utilities[{player!r}][{k!r}]") for k in issues}
            )
        if bounds is not None and not isinstance(bounds, Mapping):
            raise InvalidProblemError(f"bounds must map issues to (low, high), got {bounds!r}.")
        bounds = dict(bounds or {})
        unknown = [k for k in bounds if str(k) not in issues]
        if unknown:
            raise InvalidProblemError(
                f"bounds: {unknown[0]!r} is not an issue; issues are {list(issues)}."
            )
        ranges: dict[str, tuple[float, float]] = {}
        for k in issues:
            pair = real_array(bounds.get(k, (0.0, 1.0)), f"bounds[{k!r}]", ndim=1)
            if pair.size != 2 or not pair[0] < pair[1] or (np.abs(pair) > 1e100).any():
                raise InvalidProblemError(
                    f"bounds[{k!r}] must be (low, high) with low < high, got {bounds.get(k)!r}."
                )
            ranges[k] = (float(pair[0]), float(pair[1]))
        for player, per_issue in table.items():  # callables: finite on the range
            for k, u in per_issue.items():
                if u.kind == "callable":
                    lo, hi = ranges[k]
                    for x in np.linspace(lo, hi, 5):
                        try:
                            value = float(u(float(x)))
                        except Exception as error:
                            raise InvalidProblemError(
                                f"utilities[{player!r}][{k!r}] fails at {x:g}: {error}"
                            ) from None
                        if not math.isfinite(value):
                            raise InvalidProblemError(
                                f"utilities[{player!r}][{k!r}] is {value} at {x:g}; it must "
                                "be finite on the issue's bounds."
                            )
        sq = _levels(status_quo, "status_quo", issues, ranges)
        d = sq if no_agreement is None else _levels(no_agreement, "no_agreement", issues, ranges)
        self._set_rule(decision_rule, players)
        if (
            isinstance(assumptions, (str, bytes))
            or not isinstance(assumptions, Iterable)
            or not all(isinstance(a, str) for a in assumptions)
        ):
            raise InvalidProblemError(
                f"assumptions must be a list of strings, got {assumptions!r}."
            )
        assign(
            self,
            players=players,
            issues=issues,
            utilities=MappingProxyType(table),
            bounds=MappingProxyType(ranges),
            status_quo=MappingProxyType(sq),
            no_agreement=MappingProxyType(dict(d)),
            assumptions=tuple(assumptions),
            _hash=None,
        )

    def _key(self) -> tuple:
        return (
            self.players,
            self.issues,
            tuple(tuple(self.utilities[p][k] for k in self.issues) for p in self.players),
            tuple(self.bounds.items()),
            tuple(self.status_quo.items()),
            tuple(self.no_agreement.items()),
            self.decision_rule,
            self.rule_label,
            self.assumptions,
        )

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the issues (bounds, status quo, no agreement) and each player's
        utility on each issue."""
        issues = [
            (k, self.bounds[k], self.status_quo.get(k), self.no_agreement.get(k))
            for k in self.issues
        ]
        players = ((p, *(self.utilities[p][k] for k in self.issues)) for p in self.players)
        tables = [
            (["issue", "bounds", "status quo", "no agreement"], issues, None, "issues"),
            (["player", *self.issues], players, len(self.players), "players"),
        ]
        summary = [("rule", self.rule_label), ("assumptions", self.assumptions)]
        return html_block("IssueLinkageModel", summary, tables)

    def __repr__(self) -> str:
        return (
            f"IssueLinkageModel(players={list(self.players)}, issues={list(self.issues)}, "
            f"rule={self.rule_label!r})"
        )

    def utility(self, player: str, outcome: Mapping) -> float:
        """``u_i(x) = sum_k u_ik(x_k)``."""
        return float(sum(self.utilities[player][k](outcome[k]) for k in self.issues))

    def with_rule(self, decision_rule) -> IssueLinkageModel:
        """The same model under another decision rule (a counterfactual)."""
        return IssueLinkageModel(
            {p: {k: u.spec for k, u in per.items()} for p, per in self.utilities.items()},
            self.status_quo,
            bounds=self.bounds,
            decision_rule=decision_rule,
            no_agreement=self.no_agreement,
            assumptions=self.assumptions,
        )


def _levels(levels: Mapping, what: str, issues: tuple, bounds: Mapping) -> dict:
    """A level for each issue, each a finite number within the issue's bounds."""
    if not isinstance(levels, Mapping):
        raise InvalidProblemError(f"{what} must map each issue to a level, got {levels!r}.")
    if set(levels) != set(issues):
        raise InvalidProblemError(f"{what} must give a level for each issue {list(issues)}.")
    out = {}
    for k in issues:
        value = _parameter(levels[k], f"{what}[{k!r}]")
        lo, hi = bounds[k]
        if not lo <= value <= hi:
            raise InvalidProblemError(f"{what}[{k!r}] = {value} lies outside {bounds[k]}.")
        out[k] = value
    return out
