"""Issue linkage and veto blocking: package deals with additively separable utilities.

Members decide several issues ``k = 1..K``; member i's utility is
``u_i(x) = sum_k u_ik(x_k)``. Voting issue by issue (each under the decision rule) needs a
winning coalition that gains on *every* issue; a package vote only needs it to gain in total,
so the package win-set contains the product of the issue win-sets (Sebenius 1983). A veto
player can exploit this: it withholds its yes on an issue A that others want until they
concede on another issue B (Cyprus, Belarus sanctions and Turkey, September 2020).

The model, :class:`~coalitions.games.linkage.IssueLinkageModel`, and its per-issue utilities
are described in :mod:`coalitions.games.linkage`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from .._checks import format_bytes
from ..exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from ..games.linkage import IssueLinkageModel, IssueUtility
from ..results import LinkageResult
from .spatial import _GRID_BYTES

__all__ = [
    "IssueLinkageModel",
    "IssueUtility",
    "issue_by_issue_outcome",
    "package_win_set",
    "linkage_analysis",
]


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
