"""Issue linkage and veto blocking: package deals with additively separable utilities.

Members decide several issues ``k = 1..K``; member i's utility is
``u_i(x) = sum_k u_ik(x_k)``. Voting issue by issue (each under the decision rule) needs a
winning coalition that gains on *every* issue; a package vote only needs it to gain in total,
so the package win-set contains the product of the issue win-sets (Sebenius 1983). A veto
player can exploit this: it withholds its yes on an issue A that others want until they
concede on another issue B (Cyprus, Belarus sanctions and Turkey, September 2020).

Per-issue utilities are ``{"type": "linear", "slope": a}`` (``a * x``),
``{"type": "quadratic", "ideal": t, "salience": b}`` (``-b (x - t)^2``) or any concave
callable.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np

from .._checks import format_bytes
from .._display import html_block
from .._frozen import Frozen, assign
from ..exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from ..games.simple import decision_rule_game
from ..results import LinkageResult
from .problem import _real_array
from .spatial import _GRID_BYTES

__all__ = [
    "IssueLinkageModel",
    "IssueUtility",
    "issue_by_issue_outcome",
    "package_win_set",
    "linkage_analysis",
]


def _parameter(value, what: str) -> float:
    """A finite real number (strings, bools, NaN and infinities are refused)."""
    number = _real_array(value, what)
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


class IssueLinkageModel(Frozen):
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
            pair = _real_array(bounds.get(k, (0.0, 1.0)), f"bounds[{k!r}]", ndim=1)
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
        rule, label = decision_rule_game(decision_rule, players)
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
            decision_rule=rule,
            rule_label=label,
            assumptions=tuple(assumptions),
            _hash=None,
        )

    def is_winning(self, coalition) -> bool:
        """Whether a coalition (names) wins under the decision rule."""
        return self.decision_rule.is_winning(coalition)

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


def _check(model) -> IssueLinkageModel:
    if not isinstance(model, IssueLinkageModel):
        raise InvalidProblemError(f"needs an IssueLinkageModel, got {type(model).__name__}.")
    return model


def _winning_sup(
    model: IssueLinkageModel,
    accept: Callable[[str, float], bool],
    candidates: Iterable[float],
    direction: float = 1.0,
):
    """Largest candidate level (smallest if direction < 0) whose acceptors are winning."""
    for level in sorted(candidates, reverse=direction > 0):
        if model.is_winning(frozenset(p for p in model.players if accept(p, level))):
            return level
    return None


def issue_by_issue_outcome(model: IssueLinkageModel) -> dict:
    """Each issue decided alone under the rule: the least ambitious programme on that issue.

    On issue k, with the other issues at the status quo, each member's utility is single
    peaked with ideal ``t_ik``; the outcome is the status quo projected on the issue's core
    (for unanimity ``[min t_ik, max t_ik]``; for other rules the core of the rule on the
    ideal points, as in :func:`coalitions.bargaining.policy_core`).
    """
    model = _check(model)
    names = np.array(model.players)
    out = {}
    for k in model.issues:
        lo, hi = model.bounds[k]
        ideals = np.array([model.utilities[p][k].ideal(lo, hi) for p in model.players])
        q = model.status_quo[k]
        levels = sorted(set(ideals.tolist()))
        candidates = levels + [0.5 * (a + b) for a, b in zip(levels[:-1], levels[1:])]
        good = [
            x
            for x in candidates
            if not model.is_winning(frozenset(names[ideals < x].tolist()))
            and not model.is_winning(frozenset(names[ideals > x].tolist()))
        ]
        out[k] = float(np.clip(q, min(good), max(good))) if good else q
    return out


def package_win_set(
    model: IssueLinkageModel, *, resolution: int = 400, samples: int = 200_000, rng=None
) -> dict:
    r"""Sizes of the package win-set and of the product of the issue win-sets.

    .. math:: W_{pkg}(q) = \{x : \{i : \textstyle\sum_k g_{ik}(x_k) > 0\} \text{ winning}\}
              \supseteq W_1(q) \times \dots \times W_K(q)

    with ``g_ik(x_k) = u_ik(x_k) - u_ik(q_k)`` (Sebenius 1983: adding issues enlarges the
    zone of agreement). Sizes are the volume inside the issue bounds, on a grid (two issues)
    or by uniform sampling (more issues; ``rng`` seeds it).

    Returns
    -------
    dict
        ``package`` and ``issue_by_issue`` volumes, the ``ratio`` and the ``method``.
    """
    model = _check(model)
    k_count = len(model.issues)
    per_point = 8 * (2 * len(model.players) * k_count + k_count + 8)
    if k_count == 2:
        if (
            isinstance(resolution, (bool, np.bool_))
            or not isinstance(resolution, (int, np.integer))
            or resolution < 2
        ):
            raise InvalidArgumentError(
                f"resolution must be an integer of at least 2, got {resolution!r}."
            )
        points = int(resolution) ** 2
    else:
        if (
            isinstance(samples, (bool, np.bool_))
            or not isinstance(samples, (int, np.integer))
            or samples < 1
        ):
            raise InvalidArgumentError(f"samples must be a positive integer, got {samples!r}.")
        points = int(samples)
        if not isinstance(rng, np.random.Generator):
            from .._checks import seed_sequence

            try:
                rng = seed_sequence(rng)
            except ValueError as error:
                raise InvalidArgumentError(str(error)) from None
    if points * per_point > _GRID_BYTES:
        raise TooLargeError(
            f"{points} points for {len(model.players)} members and {k_count} issues need "
            f"about {format_bytes(points * per_point)}; use at most "
            f"{_GRID_BYTES // per_point} points"
            + (f" (resolution={math.isqrt(_GRID_BYTES // per_point)})." if k_count == 2 else ".")
        )
    lows = np.array([model.bounds[k][0] for k in model.issues])
    highs = np.array([model.bounds[k][1] for k in model.issues])
    if k_count == 2:
        axes = [
            lo + (np.arange(resolution) + 0.5) * (hi - lo) / resolution
            for lo, hi in zip(lows, highs)
        ]
        grid = np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, 2)
        method = f"grid {resolution}x{resolution}"
    else:
        grid = np.random.default_rng(rng).uniform(lows, highs, size=(samples, k_count))
        method = f"uniform sampling, {samples} points"
    volume = float(np.prod(highs - lows))
    gains = np.empty((len(grid), len(model.players), k_count))
    for j, p in enumerate(model.players):
        for k, issue in enumerate(model.issues):
            u = model.utilities[p][issue]
            base = u(model.status_quo[issue])
            column = grid[:, k]
            values = np.vectorize(u.f)(column) if u.kind == "callable" else u.f(column)
            gains[:, j, k] = values - base

    names = np.array(model.players)

    def winning_mask(mask):
        keys, inverse = np.unique(np.packbits(mask, axis=1), axis=0, return_inverse=True)
        verdict = np.array(
            [
                model.is_winning(
                    frozenset(names[np.unpackbits(key)[: len(names)].astype(bool)].tolist())
                )
                for key in keys
            ]
        )
        return verdict[inverse.ravel()]

    package = float(winning_mask(gains.sum(axis=2) > 0).mean()) * volume
    # issue by issue: on every issue some winning coalition must gain
    inside_each = np.ones(len(grid), dtype=bool)
    for k in range(k_count):
        inside_each &= winning_mask(gains[:, :, k] > 0)
    product = float(inside_each.mean()) * volume
    return {
        "package": package,
        "issue_by_issue": product,
        "ratio": (package / product) if product > 0 else math.inf,
        "method": method,
    }


def linkage_analysis(
    model: IssueLinkageModel,
    *,
    blocker: str,
    linked_issue: str,
    demand_issue: str,
    decision_rule: Any = None,
) -> LinkageResult:
    r"""A veto player holds issue A hostage for a concession on issue B.

    With ``a*`` the issue-by-issue outcome on A and ``d`` the no-agreement point, member j
    accepts the package ``(a*, b)`` when ``u_j(a*, b) >= u_j(d)``:

    * the *linkage ZOPA* is the set of b every member needed accepts;
    * the *largest extractable concession* ``b_max`` is the highest b a winning coalition
      still accepts; under unanimity ``min_{j != c} ceil_j(d)``, set by the most reluctant
      member on B (``capped_by``), so the price of linkage is itself capped by an LCD;
    * the blocker's package is its best b in the ZOPA (``linked``);
    * the threat is *credible* without commitment only if the blocker prefers no agreement
      to the unlinked outcome; otherwise vetoing hurts the blocker too
      (``commitment_cost > 0``) and the hold-up needs reputation, audience costs, or more
      patience than the others (Rubinstein with a higher discount factor);
    * ``value_of_veto = u_c(linked) - u_c(unlinked)``; ``price_of_linkage[j] =
      u_j(unlinked) - u_j(linked)`` (negative for members who share the blocker's goal).

    ``decision_rule`` gives a counterfactual (e.g. qualified majority): if the others can
    pass A without the blocker, there is no hold-up and the value of the veto is 0.

    References
    ----------
    Tollison, R.D. & Willett, T.D. (1979) "An economic theory of mutually advantageous issue
    linkages in international negotiations", *International Organization* 33(4):425-449.
    Sebenius, J.K. (1983) "Negotiation arithmetic: adding and subtracting issues and
    parties", *International Organization* 37(2):281-316.
    """
    model = _check(model)
    if decision_rule is not None:
        model = model.with_rule(decision_rule)
    for name, issue in (("linked_issue", linked_issue), ("demand_issue", demand_issue)):
        if issue not in model.issues:
            raise InvalidProblemError(
                f"{name} {issue!r} is not an issue; issues are {list(model.issues)}."
            )
    if linked_issue == demand_issue:
        raise InvalidProblemError("linked_issue and demand_issue must differ.")
    if blocker not in model.players:
        raise InvalidProblemError(
            f"blocker {blocker!r} is not a member; members are {list(model.players)}."
        )
    d = dict(model.no_agreement)
    unlinked = issue_by_issue_outcome(model)
    others = frozenset(model.players) - {blocker}
    everyone = frozenset(model.players)
    if not model.is_winning(everyone):
        raise InvalidProblemError("the decision rule does not let even all members pass anything.")
    can_block = not model.is_winning(others)
    lo, hi = model.bounds[demand_issue]
    base = {p: model.utility(p, d) for p in model.players}
    intervals = {}
    for p in model.players:
        rest = sum(
            model.utilities[p][k](unlinked[k] if k == linked_issue else d[k])
            for k in model.issues
            if k != demand_issue
        )
        intervals[p] = model.utilities[p][demand_issue].at_least(base[p] - rest, lo, hi)

    def accepts(p, b):
        iv = intervals[p]
        return iv is not None and iv[0] - 1e-12 <= b <= iv[1] + 1e-12

    u_block = model.utilities[blocker][demand_issue]
    zopa = None
    b_max = None
    capped: tuple[str, ...] = ()
    if can_block:
        needed = [intervals[p] for p in model.players]
        if all(iv is not None for iv in needed):
            z_lo, z_hi = max(iv[0] for iv in needed), min(iv[1] for iv in needed)
            zopa = (z_lo, z_hi) if z_lo <= z_hi + 1e-12 else None
        candidates = {lo, hi, *[v for iv in intervals.values() if iv for v in iv]}
        upward = u_block.ideal(lo, hi) >= unlinked[demand_issue]
        b_max = _winning_sup(model, accepts, candidates, 1.0 if upward else -1.0)
        if b_max is not None:
            capped = tuple(
                p
                for p in sorted(others)
                if intervals[p] is not None
                and abs((intervals[p][1] if upward else intervals[p][0]) - b_max) <= 1e-9
                and b_max not in (lo, hi)
            )
        # the blocker's best acceptable package
        if b_max is None:
            b_star = unlinked[demand_issue]
        else:
            band = sorted((unlinked[demand_issue], b_max))
            b_star = float(np.clip(u_block.ideal(lo, hi), *band))
        linked = dict(unlinked)
        linked[demand_issue] = b_star
    else:
        linked = dict(unlinked)
    nash_package = (
        _nash_package(model, unlinked, linked_issue, demand_issue, zopa, base)
        if zopa is not None
        else None
    )
    u_unl = {p: model.utility(p, unlinked) for p in model.players}
    u_lnk = {p: model.utility(p, linked) for p in model.players}
    commitment = u_unl[blocker] - base[blocker]
    credible = bool(commitment <= 0) if can_block else False
    return LinkageResult(
        players=tuple(model.players),
        concept="issue-linkage",
        method="closed-form",
        blocker=blocker,
        linked_issue=linked_issue,
        demand_issue=demand_issue,
        decision_rule=model.rule_label,
        can_block=can_block,
        no_agreement=d,
        unlinked=unlinked,
        linked=linked,
        zopa=zopa,
        max_concession=b_max,
        capped_by=capped,
        credible=credible,
        commitment_cost=float(commitment),
        value_of_veto=float(u_lnk[blocker] - u_unl[blocker]),
        price_of_linkage={p: float(u_unl[p] - u_lnk[p]) for p in model.players},
        utilities={
            p: {"no_agreement": base[p], "unlinked": u_unl[p], "linked": u_lnk[p]}
            for p in model.players
        },
        assumptions=model.assumptions,
        nash_package=nash_package,
    )


def _nash_package(model, unlinked, linked_issue, demand_issue, zopa, base):
    """The level of B in the ZOPA maximising the product of gains over no agreement."""
    from scipy.optimize import minimize_scalar

    def gains(b):
        outcome = dict(unlinked)
        outcome[demand_issue] = b
        return np.array([model.utility(p, outcome) - base[p] for p in model.players])

    def objective(b):
        g = gains(b)
        return math.inf if (g <= 0).any() else -float(np.log(g).sum())

    lo, hi = zopa
    if hi - lo <= 1e-12:
        return None
    res = minimize_scalar(objective, bounds=(lo, hi), method="bounded", options={"xatol": 1e-10})
    if not math.isfinite(res.fun):
        return None
    outcome = dict(unlinked)
    outcome[demand_issue] = float(res.x)
    return outcome
