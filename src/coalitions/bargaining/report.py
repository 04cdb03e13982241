"""Negotiation reports: everything the spatial and linkage models say about one model, in
one call.

A *spatial report* gathers the win-set of the status quo, the policy core, the lowest common
denominator and (when the model names one) the agenda setter's outcome. A *linkage report*
gathers a veto player's hold-up by issue linkage, an optional counterfactual decision rule and
the size of the package win-set. :func:`negotiation_report` reads a negotiation file and
returns the report of the model it holds; it is what ``coalitions negotiate FILE`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..exceptions import InvalidProblemError
from ..results import LCDResult, LinkageResult, PolicyCoreResult, Result, SetterResult, WinSetResult
from .io import read_negotiation
from .linkage import IssueLinkageModel, linkage_analysis, package_win_set
from .spatial import SpatialModel, lcd_outcome, policy_core, setter_outcome, win_set

__all__ = [
    "SpatialReport",
    "LinkageReport",
    "spatial_report",
    "linkage_report",
    "negotiation_report",
    "SPATIAL_RESOLUTION",
    "PACKAGE_RESOLUTION",
]

#: Grid cells per side for a two-dimensional win-set measured on a grid (rules other than
#: unanimity); the CLI's ``--resolution`` default.
SPATIAL_RESOLUTION = 600
#: Grid cells per side for the package win-set of a two-issue linkage model.
PACKAGE_RESOLUTION = 200
#: Seed of the uniform sampling that measures a package win-set of three or more issues, so
#: that a report is reproducible.
PACKAGE_SEED = 0


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class _ModelReport(Result):
    """A report that keeps the model it describes as ``source`` (for plots), outside
    ``to_dict``."""

    source: Any = field(default=None, compare=False)

    def to_dict(self) -> dict:
        """JSON-ready dictionary of every field but ``source``."""
        out = super().to_dict()
        out.pop("source", None)
        return out


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SpatialReport(_ModelReport):
    """What a spatial veto-player model says about its status quo.

    Attributes
    ----------
    model : str
        The model's repr.
    win_set : WinSetResult
        Points every winning coalition prefers to the status quo, and their size.
    core : PolicyCoreResult or None
        The policy core, or None when the model has none to compute (``core_message`` says
        why).
    core_message : str
        Why there is no policy core ("" when there is one).
    lcd : LCDResult or None
        The lowest common denominator, or None when it is not defined for the model
        (``lcd_message`` says why).
    lcd_message : str
        Why there is no lowest common denominator ("" when there is one).
    setter : SetterResult or None
        The agenda setter's outcome, when the model names a setter.
    source : SpatialModel
        The model the report describes (not part of ``to_dict``).
    value : float
        The size of the win-set (policy stability: small means stable).
    """

    model: str = ""
    win_set: WinSetResult
    core: PolicyCoreResult | None = None
    core_message: str = ""
    lcd: LCDResult | None = None
    lcd_message: str = ""
    setter: SetterResult | None = None

    @property
    def value(self) -> float:
        return self.win_set.size


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class LinkageReport(_ModelReport):
    """A veto player's hold-up by issue linkage, with a counterfactual and the package size.

    Attributes
    ----------
    linkage : LinkageResult
        The hold-up under the model's decision rule.
    counterfactual : LinkageResult or None
        The same hold-up under the counterfactual rule, when one was given.
    package : dict or None
        Package versus issue-by-issue win-set sizes (see
        :func:`~coalitions.bargaining.linkage.package_win_set`), for two or more issues.
    assumptions : tuple of str
        The model's modelling assumptions, to print beside every number.
    source : IssueLinkageModel
        The model the report describes (not part of ``to_dict``).
    value : float
        The value of the veto to the blocker, ``linkage.value_of_veto``.
    """

    linkage: LinkageResult
    counterfactual: LinkageResult | None = None
    package: dict | None = None
    assumptions: tuple = ()

    @property
    def value(self) -> float:
        return self.linkage.value_of_veto


def spatial_report(model: SpatialModel, *, resolution: int = SPATIAL_RESOLUTION) -> SpatialReport:
    r"""The win-set, policy core, lowest common denominator and setter outcome of a model.

    .. math:: W(q) = \{x : \{i : \lVert x - x_i \rVert < \lVert q - x_i \rVert\}
              \text{ is winning}\}

    Parameters
    ----------
    model : SpatialModel
        Ideal points, a decision rule, a status quo and an optional agenda setter.
    resolution : int, optional
        Grid cells per side for a two-dimensional win-set that is measured on a grid.

    Returns
    -------
    SpatialReport
        ``win_set``, ``core``, ``lcd`` and ``setter``; a concept that does not apply to the
        model (a policy core in two dimensions under a rule without one, an LCD of a
        multidimensional model) is None with the library's reason in ``core_message`` or
        ``lcd_message``.

    Raises
    ------
    InvalidProblemError, InvalidArgumentError, TooLargeError
        From the win-set: a model or resolution that cannot be measured.

    References
    ----------
    Tsebelis, G. (2002). *Veto Players: How Political Institutions Work*. Princeton
    University Press. Underdal, A. (1980). The politics of international fisheries
    management. Romer, T. and Rosenthal, H. (1978). Political resource allocation,
    controlled agendas, and the status quo. *Public Choice* 33(4), 27-43.

    Examples
    --------
    >>> from coalitions.bargaining import SpatialModel
    >>> from coalitions.bargaining.report import spatial_report
    >>> report = spatial_report(SpatialModel({"A": 2, "B": 4, "C": 5}, status_quo=0,
    ...                                      setter="C"))
    >>> report.win_set.intervals, report.lcd.binding, report.setter.outcome
    ([(0.0, 4.0)], ('A',), 4.0)
    """
    area = win_set(model, resolution=resolution)
    core, core_message = _or_reason(policy_core, model)
    lcd, lcd_message = _or_reason(lcd_outcome, model)
    setter = setter_outcome(model) if model.setter is not None else None
    return SpatialReport(
        model=repr(model),
        win_set=area,
        core=core,
        core_message=core_message,
        lcd=lcd,
        lcd_message=lcd_message,
        setter=setter,
        source=model,
        players=tuple(model.players),
        exact=False,
        concept="spatial-report",
        method=area.method,
    )


def _or_reason(solver, model) -> tuple[Any, str]:
    """The concept's result, or None and the library's reason when it does not apply."""
    try:
        return solver(model), ""
    except ValueError as error:
        return None, str(error)


def linkage_report(
    model: IssueLinkageModel,
    *,
    blocker: str,
    linked_issue: str,
    demand_issue: str,
    counterfactual_rule: Any = None,
    resolution: int = PACKAGE_RESOLUTION,
    rng: Any = PACKAGE_SEED,
) -> LinkageReport:
    r"""A blocker's hold-up by issue linkage, a counterfactual rule and the package win-set.

    .. math:: W_{pkg}(q) \supseteq W_1(q) \times \dots \times W_K(q)

    Parameters
    ----------
    model : IssueLinkageModel
        Members' utilities on each issue, a status quo and a decision rule.
    blocker, linked_issue, demand_issue : str
        Who holds the veto, the issue it holds hostage and the issue of its demand.
    counterfactual_rule : decision rule, optional
        A second rule to analyse the same hold-up under (e.g. qualified majority).
    resolution : int, optional
        Grid cells per side for the package win-set of two issues.
    rng : int or numpy.random.Generator, optional
        Seed of the sampling that measures the package win-set of three or more issues.

    Returns
    -------
    LinkageReport
        ``linkage``, ``counterfactual`` (None without a rule), ``package`` (None for a
        single issue) and the model's ``assumptions``.

    Raises
    ------
    InvalidProblemError
        If a name is not a member or an issue of the model.

    References
    ----------
    Tollison, R. D. and Willett, T. D. (1979). An economic theory of mutually advantageous
    issue linkages in international negotiations. *International Organization* 33(4),
    425-449. Sebenius, J. K. (1983). Negotiation arithmetic: adding and subtracting issues and
    parties. *International Organization* 37(2), 281-316.

    Examples
    --------
    >>> from coalitions.bargaining import IssueLinkageModel
    >>> from coalitions.bargaining.report import linkage_report
    >>> def member(slope, ideal):
    ...     return {"a": {"type": "linear", "slope": slope},
    ...             "b": {"type": "quadratic", "ideal": ideal, "salience": 1}}
    >>> model = IssueLinkageModel({"C": member(1, 1), "D": member(0.25, 0)}, {"a": 0, "b": 0})
    >>> report = linkage_report(model, blocker="C", linked_issue="a", demand_issue="b")
    >>> report.linkage.capped_by, report.linkage.max_concession
    (('D',), 0.5)
    >>> report.package["package"] > report.package["issue_by_issue"]
    True
    """
    issues = {"blocker": blocker, "linked_issue": linked_issue, "demand_issue": demand_issue}
    analysis = linkage_analysis(model, **issues)
    counterfactual = (
        None
        if counterfactual_rule is None
        else linkage_analysis(model, decision_rule=counterfactual_rule, **issues)
    )
    package = (
        package_win_set(model, resolution=resolution, rng=rng) if len(model.issues) >= 2 else None
    )
    return LinkageReport(
        linkage=analysis,
        counterfactual=counterfactual,
        package=package,
        assumptions=tuple(model.assumptions),
        source=model,
        players=tuple(model.players),
        exact=False,
        concept="linkage-report",
        method=analysis.method,
    )


def negotiation_report(
    path: Any, *, resolution: int = SPATIAL_RESOLUTION
) -> SpatialReport | LinkageReport:
    """Read a spatial or linkage model from a JSON file and return its report.

    Parameters
    ----------
    path : str or os.PathLike
        A negotiation file (docs/reference/negotiation-file-formats.md) of ``"type"``
        ``"spatial"`` or ``"linkage"``; a linkage file names ``blocker``, ``linked_issue``
        and ``demand_issue`` and may name a ``counterfactual_rule``.
    resolution : int, optional
        Grid cells per side for a two-dimensional spatial win-set measured on a grid.

    Returns
    -------
    SpatialReport or LinkageReport
        :func:`spatial_report` or :func:`linkage_report` of the model; ``report.source``
        is the model read from the file.

    Raises
    ------
    InvalidProblemError
        If the file is malformed, holds a bargaining problem (solve it with
        :func:`~coalitions.bargaining.axiomatic.bargaining_solution`), or is a linkage file
        without ``blocker``, ``linked_issue`` or ``demand_issue``.

    References
    ----------
    Tsebelis (2002), *Veto Players*; Sebenius (1983), *International Organization* 37(2).

    Examples
    --------
    >>> import json, tempfile, os
    >>> from coalitions.bargaining.report import negotiation_report
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "line.json")
    ...     with open(path, "w") as handle:
    ...         json.dump({"type": "spatial", "status_quo": 0,
    ...                    "ideal_points": {"A": 2, "B": 4}}, handle)
    ...     report = negotiation_report(path)
    >>> report.win_set.intervals
    [(0.0, 4.0)]
    """
    kind, model, options = read_negotiation(path)
    if kind == "bargaining":
        raise InvalidProblemError(
            f"{path} holds a bargaining problem; use `coalitions bargain {path}`."
        )
    if kind == "spatial":
        report: SpatialReport | LinkageReport = spatial_report(model, resolution=resolution)
    else:
        missing = [k for k in ("blocker", "linked_issue", "demand_issue") if not options[k]]
        if missing:
            raise InvalidProblemError(f"a linkage file needs {', '.join(missing)}.")
        report = linkage_report(
            model,
            blocker=options["blocker"],
            linked_issue=options["linked_issue"],
            demand_issue=options["demand_issue"],
            counterfactual_rule=options.get("counterfactual_rule"),
        )
    return report
