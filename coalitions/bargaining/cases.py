"""Built-in negotiation cases: the Cyprus hold-up of the EU's Belarus sanctions (2020).

The model: two issues, ``belarus_listing`` (0 = no listing, 1 = listing adopted; utility
``alpha_i * x``) and ``turkey_response`` (intensity 0..1; utility ``-beta_i (x - t_i)^2``),
status quo (0, 0), six blocs of member states (or the 27 states, each with its bloc's
parameters). The utility parameters are ILLUSTRATIVE ASSUMPTIONS read by
:func:`coalitions.datasets.cyprus_belarus_assumptions`, not data; every output labels them so.

>>> report = cyprus_belarus_report()
>>> report.unanimity.can_block, report.qmv.can_block
(True, False)
>>> report.unanimity.capped_by
('DE',)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..datasets.eu_sanctions import (
    ASSUMPTION_LABEL,
    belarus_sanctions_timeline,
    bloc_states,
    cyprus_belarus_assumptions,
    eu_qualified_majority,
)
from ..exceptions import InvalidProblemError
from ..results import LCDResult, LinkageResult, Result
from .linkage import IssueLinkageModel, linkage_analysis, package_win_set
from .spatial import SpatialModel, lcd_outcome

__all__ = [
    "CyprusBelarusReport",
    "cyprus_belarus_model",
    "cyprus_belarus_report",
    "CYPRUS_BELARUS_RESOLUTION",
]

#: Grid cells per side for the package win-set of the Cyprus-Belarus report.
CYPRUS_BELARUS_RESOLUTION = 300
BLOCKER = "CY"
LINKED_ISSUE, DEMAND_ISSUE = "belarus_listing", "turkey_response"
TITLE = "Cyprus, Belarus sanctions and Turkey (September 2020): issue linkage under unanimity"


def _utility(row: dict) -> dict:
    return {
        LINKED_ISSUE: {"type": "linear", "slope": row["alpha_belarus_listing"]},
        DEMAND_ISSUE: {
            "type": "quadratic",
            "ideal": row["t_turkey_ideal"],
            "salience": row["beta_turkey_salience"],
        },
    }


def cyprus_belarus_model(unit: str = "blocs", decision_rule="unanimity") -> IssueLinkageModel:
    """The linkage model of the Cyprus hold-up.

    Parameters
    ----------
    unit : {"blocs", "states"}
        Six blocs of member states, or the 27 states, each with its bloc's assumed
        parameters.
    decision_rule : str or callable, optional
        ``"unanimity"`` (the CFSP rule), ``"qmv"`` (the Council's qualified majority on the
        same unit) or any decision rule of :class:`IssueLinkageModel`.

    Returns
    -------
    IssueLinkageModel
        Utilities on the two issues, status quo (0, 0), and the labelled assumptions.

    Raises
    ------
    InvalidProblemError
        If ``unit`` is neither ``"blocs"`` nor ``"states"``, or ``decision_rule`` is not a
        decision rule.

    References
    ----------
    Tollison and Willett (1979), *International Organization* 33(4); European Council
    conclusions, 1-2 October 2020.

    Examples
    --------
    >>> cyprus_belarus_model().players
    ('CY', 'GR', 'FR', 'DE', 'BALT_PL', 'OTHERS')
    >>> len(cyprus_belarus_model("states").players)
    27
    """
    if unit not in ("blocs", "states"):
        raise InvalidProblemError(f"unit must be 'blocs' or 'states', got {unit!r}.")
    rows = cyprus_belarus_assumptions()
    if unit == "blocs":
        utilities = {row["bloc"]: _utility(row) for row in rows}
    else:
        groups = bloc_states()
        utilities = {state: _utility(row) for row in rows for state in groups[row["bloc"]]}
    if decision_rule == "qmv":
        decision_rule = eu_qualified_majority(unit)
    notes: tuple[str, ...] = (
        f"utility parameters alpha, t, beta by bloc: {ASSUMPTION_LABEL} "
        "(cyprus_belarus_model_assumptions.csv)",
        "issue levels: listing 0/1, Turkey response 0..1; status quo = no agreement = (0, 0)"
        f": {ASSUMPTION_LABEL}",
        "issue-by-issue outcome = least ambitious programme on each issue (Underdal)",
    )
    if unit == "states":
        notes += (f"each state carries its bloc's parameters: {ASSUMPTION_LABEL}",)
    return IssueLinkageModel(
        utilities,
        {LINKED_ISSUE: 0.0, DEMAND_ISSUE: 0.0},
        decision_rule=decision_rule,
        assumptions=notes,
    )


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class CyprusBelarusReport(Result):
    """Everything the issue-linkage model says about the Cyprus hold-up.

    Attributes
    ----------
    title : str
    unit : str
        ``"blocs"`` or ``"states"``.
    assumptions : list of dict
        The parameter table, each row labelled as an assumption.
    assumption_notes : list of str
        The model's assumptions in words.
    unanimity, qmv : LinkageResult
        The hold-up under unanimity and under the qualified-majority counterfactual.
    turkey_lcd : LCDResult
        The lowest common denominator on the Turkey issue alone.
    package : dict
        Package versus issue-by-issue win-set sizes.
    timeline : list of dict
        The dated facts.
    value : float
        The value of the veto to Cyprus under unanimity.
    """

    title: str = TITLE
    unit: str = "blocs"
    assumptions: tuple = ()
    assumption_notes: tuple = ()
    unanimity: LinkageResult
    qmv: LinkageResult
    turkey_lcd: LCDResult
    package: dict
    timeline: tuple = ()

    @property
    def value(self) -> float:
        return self.unanimity.value_of_veto


def cyprus_belarus_report(unit: str = "blocs") -> CyprusBelarusReport:
    r"""The Cyprus hold-up: linkage under unanimity, the QMV counterfactual, the LCD on
    Turkey alone and the package win-set.

    .. math:: b_{max} = \max\{b : \{i : u_i(1, b) \ge u_i(q)\} \text{ is winning}\}

    Parameters
    ----------
    unit : {"blocs", "states"}
        Six blocs of member states or the 27 states.

    Returns
    -------
    CyprusBelarusReport
        See its attributes; every number derived from the assumed parameters is labelled
        through ``assumption_notes``.

    Raises
    ------
    InvalidProblemError
        If ``unit`` is neither ``"blocs"`` nor ``"states"`` (from :func:`cyprus_belarus_model`).

    References
    ----------
    Tollison, R. D. and Willett, T. D. (1979). *International Organization* 33(4), 425-449.
    Sebenius, J. K. (1983). *International Organization* 37(2), 281-316. Underdal, A.
    (1980). *The Politics of International Fisheries Management*.

    Examples
    --------
    >>> report = cyprus_belarus_report()
    >>> report.turkey_lcd.binding, report.package["package"] > report.package["issue_by_issue"]
    (('DE', 'OTHERS'), True)
    """
    model = cyprus_belarus_model(unit)
    issues = {"blocker": BLOCKER, "linked_issue": LINKED_ISSUE, "demand_issue": DEMAND_ISSUE}
    analysis = linkage_analysis(model, **issues)
    qmv = linkage_analysis(model, decision_rule=eu_qualified_majority(unit), **issues)
    ideals = {p: model.utilities[p][DEMAND_ISSUE].ideal(0.0, 1.0) for p in model.players}
    lcd = lcd_outcome(SpatialModel(ideals, 0.0))
    return CyprusBelarusReport(
        unit=unit,
        assumptions=tuple(cyprus_belarus_assumptions()),
        assumption_notes=tuple(model.assumptions),
        unanimity=analysis,
        qmv=qmv,
        turkey_lcd=lcd,
        package=package_win_set(model, resolution=CYPRUS_BELARUS_RESOLUTION),
        timeline=tuple(belarus_sanctions_timeline()),
        players=tuple(model.players),
        exact=False,
        concept="cyprus-belarus",
        method="linkage-analysis",
    )
