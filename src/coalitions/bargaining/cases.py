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

from dataclasses import dataclass, field
from typing import Any

from ..datasets.eu_sanctions import (
    ASSUMPTION_LABEL,
    belarus_sanctions_timeline,
    bloc_states,
    cyprus_belarus_assumptions,
    eu27_population,
    eu_qualified_majority,
)
from ..exceptions import InvalidProblemError
from ..results import LCDResult, LinkageResult, Result
from .linkage import IssueLinkageModel, linkage_analysis, package_win_set
from .rubinstein import rubinstein
from .spatial import SpatialModel, lcd_outcome
from .veto_threats import setter_offer, veto_threat_equilibria

__all__ = [
    "CyprusBelarusReport",
    "cyprus_belarus_model",
    "cyprus_belarus_report",
    "CYPRUS_BELARUS_RESOLUTION",
    "cyprus_veto_threat",
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


#: The parameter columns an override may replace, by its prefix.
PARAMETER_COLUMNS = {
    "alpha": "alpha_belarus_listing",
    "t": "t_turkey_ideal",
    "beta": "beta_turkey_salience",
}


def _with_overrides(rows: list[dict], overrides) -> list[dict]:
    rows = [dict(row) for row in rows]
    by_bloc = {row["bloc"]: row for row in rows}
    for key, value in dict(overrides).items():
        prefix, _, bloc = str(key).partition("_")
        if prefix not in PARAMETER_COLUMNS or bloc not in by_bloc:
            raise InvalidProblemError(
                f"unknown parameter {key!r}: use <alpha|t|beta>_<bloc> with a bloc of "
                f"{sorted(by_bloc)}, e.g. 'beta_DE'."
            )
        by_bloc[bloc][PARAMETER_COLUMNS[prefix]] = value
    return rows


def cyprus_belarus_model(
    unit: str = "blocs", decision_rule="unanimity", *, overrides=None
) -> IssueLinkageModel:
    """The linkage model of the Cyprus hold-up.

    Parameters
    ----------
    unit : {"blocs", "states"}
        Six blocs of member states, or the 27 states, each with its bloc's assumed
        parameters.
    decision_rule : str or callable, optional
        ``"unanimity"`` (the CFSP rule), ``"qmv"`` (the Council's qualified majority on the
        same unit) or any decision rule of :class:`IssueLinkageModel`.
    overrides : mapping, optional
        Replacement values of assumed parameters, keyed ``"<column>_<bloc>"`` with the
        columns ``alpha`` (value of the listing), ``t`` (ideal Turkey response) and ``beta``
        (salience of Turkey), e.g. ``{"beta_DE": 4}``: what a sensitivity analysis varies.

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
    rows = _with_overrides(cyprus_belarus_assumptions(), overrides or {})
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
    predictions : dict
        The rival point predictions of the Turkey response, the observed outcome placed on
        the same scale (an assumption), and the constructive-abstention counterfactual
        (:func:`cyprus_belarus_predictions`).
    veto_threat : dict
        Was the threat credible: the presidency's offer against a Cyprus of uncertain
        type, and Matthews's cheap-talk equilibria (:func:`cyprus_veto_threat`).
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
    predictions: dict = field(default_factory=dict)
    veto_threat: dict = field(default_factory=dict)

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
        predictions=cyprus_belarus_predictions(analysis),
        veto_threat=cyprus_veto_threat(unit=unit, max_concession=analysis.max_concession),
        players=tuple(model.players),
        exact=False,
        concept="cyprus-belarus",
        method="linkage-analysis",
    )


#: ASSUMPTION: discount factors of the Rubinstein reading, Cyprus first (the more patient).
RUBINSTEIN_DISCOUNTS = (0.95, 0.9)
#: ASSUMPTION: where the European Council conclusions of 1-2 October 2020 (a positive agenda
#: with Turkey and a conditional threat of measures under Art. 29 TEU; no sanctions adopted)
#: stand on the 0..1 scale of the Turkey response.
OBSERVED_TURKEY_RESPONSE = 0.25
#: The Council presidency in the second half of 2020.
PRESIDENCY = "DE"
#: Art. 31(1) TEU, second subparagraph: abstainers block only when they are at least a third
#: of the member states and hold at least a third of the population.
ABSTENTION_SHARE = (1, 3)


def _abstention_rule():
    population = eu27_population()
    total = sum(population.values())
    a, b = ABSTENTION_SHARE

    def adopted_unless_a_third_abstain(coalition) -> bool:
        abstainers = [s for s in population if s not in set(coalition)]
        blocked = (
            b * len(abstainers) >= a * len(population)
            and b * sum(population[s] for s in abstainers) >= a * total
        )
        return not blocked

    adopted_unless_a_third_abstain.__name__ = (
        "constructive abstention (Art. 31(1) TEU): adopted unless a third of the states "
        "holding a third of the population abstain"
    )
    return adopted_unless_a_third_abstain


def cyprus_belarus_predictions(unanimity: LinkageResult | None = None) -> dict:
    """The rival point predictions of the Turkey response Cyprus obtains, side by side.

    Each prediction is a reading of the same model: the blocker takes all (the largest
    concession every other member still prefers to no listing), the Nash bargaining package
    of the blocs (each bloc one voice) and of the 27 states (each state one voice), the lowest
    common denominator with no linkage, the Council presidency as agenda setter (its ideal
    within the zone of agreement), and a Rubinstein split of the zone of agreement with
    Cyprus the more patient. The observed outcome is placed on the same scale, and that
    placement is labelled as an assumption. The constructive-abstention counterfactual asks
    what Cyprus would have obtained by abstaining (Art. 31(1) TEU, second subparagraph)
    instead of vetoing.

    Parameters
    ----------
    unanimity : LinkageResult, optional
        The blocs' linkage analysis under unanimity (computed when not given).

    Returns
    -------
    dict
        ``predictions`` (a list of ``name``, ``turkey_response``, ``basis``, ``assumption``),
        ``observed``, ``closest`` (the prediction nearest the observed placement),
        ``abstention`` and ``baseline`` (what the value of the veto is measured against).

    Examples
    --------
    >>> found = cyprus_belarus_predictions()
    >>> {p["name"]: round(p["turkey_response"], 4) for p in found["predictions"]}["Nash, equal blocs"]
    0.2996
    """
    issues = {"blocker": BLOCKER, "linked_issue": LINKED_ISSUE, "demand_issue": DEMAND_ISSUE}
    if unanimity is None:
        unanimity = linkage_analysis(cyprus_belarus_model("blocs"), **issues)
    states = linkage_analysis(cyprus_belarus_model("states"), **issues)
    abstention = linkage_analysis(
        cyprus_belarus_model("states"), decision_rule=_abstention_rule(), **issues
    )
    lo, hi = unanimity.zopa if unanimity.zopa is not None else (0.0, 0.0)
    model = cyprus_belarus_model("blocs")
    setter = min(max(model.utilities[PRESIDENCY][DEMAND_ISSUE].ideal(0.0, 1.0), lo), hi)
    share = float(rubinstein(list(RUBINSTEIN_DISCOUNTS)).x[0])

    def demand(outcome) -> float | None:
        return None if outcome is None else float(outcome[DEMAND_ISSUE])

    predictions: list[dict[str, Any]] = [
        {
            "name": "blocker takes all",
            "turkey_response": float(unanimity.max_concession),
            "basis": "the largest concession every other bloc prefers to no listing",
            "assumption": "Cyprus holds all the bargaining power",
        },
        {
            "name": "Nash, equal blocs",
            "turkey_response": demand(unanimity.nash_package),
            "basis": "the package maximising the product of the six blocs' gains",
            "assumption": "each bloc bargains with equal weight",
        },
        {
            "name": "Nash, weighted by states",
            "turkey_response": demand(states.nash_package),
            "basis": "the package maximising the product of the 27 states' gains",
            "assumption": "each state bargains with equal weight",
        },
        {
            "name": "lowest common denominator (no linkage)",
            "turkey_response": float(unanimity.unlinked[DEMAND_ISSUE]),
            "basis": "the Turkey issue alone, decided by unanimity",
            "assumption": "the issues are not linked",
        },
        {
            "name": f"presidency ({PRESIDENCY}) as agenda setter",
            "turkey_response": float(setter),
            "basis": "the presidency's ideal within the zone of agreement",
            "assumption": "the presidency proposes the package and nobody amends it",
        },
        {
            "name": "Rubinstein, Cyprus more patient",
            "turkey_response": float(lo + share * (hi - lo)),
            "basis": "Cyprus's Rubinstein share of the zone of agreement, proposing first",
            "assumption": (
                f"discount factors {RUBINSTEIN_DISCOUNTS[0]} (Cyprus) and "
                f"{RUBINSTEIN_DISCOUNTS[1]} (the others); the zone split linearly"
            ),
        },
    ]
    observed = {
        "turkey_response": OBSERVED_TURKEY_RESPONSE,
        "event": "European Council conclusions, 1-2 October 2020 (two-track approach)",
        "assumption": (
            "a positive agenda with a conditional threat of measures, no sanctions "
            f"adopted, placed at {OBSERVED_TURKEY_RESPONSE} on the 0..1 scale"
        ),
    }
    known = [p for p in predictions if p["turkey_response"] is not None]
    closest = min(known, key=lambda p: abs(float(p["turkey_response"]) - OBSERVED_TURKEY_RESPONSE))
    return {
        "scale": "the EU's response to Turkey's drilling, 0 (none) to 1 (the strongest)",
        "predictions": predictions,
        "observed": observed,
        "closest": closest["name"],
        "abstention": {
            "can_block": bool(abstention.can_block),
            "turkey_response": float(abstention.linked[DEMAND_ISSUE]),
            "value_of_veto": float(unanimity.value_of_veto),
            "rule": _abstention_rule().__name__,
        },
        "baseline": (
            "the value of the veto is Cyprus's utility in the package minus its utility issue "
            "by issue (each issue's lowest common denominator)"
        ),
    }


#: The assumptions a sensitivity analysis varies, with their plausible ranges: the value of the
#: listing and the salience of Turkey of the four blocs that can cap the concession, each
#: from half to twice its assumed value (ASSUMPTION: the ranges themselves are judgements).
SENSITIVITY_BLOCS = ("DE", "OTHERS", "FR", "BALT_PL")


def cyprus_belarus_assumption_ranges() -> list:
    """The labelled assumptions of the case with their ranges (for
    :func:`coalitions.sensitivity`): ``alpha`` and ``beta`` of :data:`SENSITIVITY_BLOCS`."""
    from ..analysis import Assumption

    rows = {row["bloc"]: row for row in cyprus_belarus_assumptions()}
    out = []
    for bloc in SENSITIVITY_BLOCS:
        for prefix in ("alpha", "beta"):
            value = float(rows[bloc][PARAMETER_COLUMNS[prefix]])
            out.append(
                Assumption(
                    f"{prefix}_{bloc}",
                    value,
                    value / 2,
                    2 * value,
                    description=f"{PARAMETER_COLUMNS[prefix]} of {bloc}",
                    source="illustrative (cyprus_belarus_model_assumptions.csv); range: half "
                    "to twice the assumed value, a judgement",
                )
            )
    out += [
        Assumption(
            "p_committed",
            CYPRUS_COMMITTED_PROBABILITY,
            0.05,
            0.95,
            description="the presidency's prior that Cyprus is committed (veto threat)",
            source="assumption: no information is an even chance; range: nearly any belief",
        ),
        Assumption(
            "audience_cost",
            CYPRUS_AUDIENCE_COST,
            1.0,
            3.0,
            description="a committed Cyprus's cost of giving in, in units of its value of "
            "the listing",
            source="assumption; range: from just cancelling the listing's value to three times "
            "it (then only Cyprus's ideal response passes)",
        ),
    ]
    return out


def cyprus_belarus_outcomes(**overrides) -> dict:
    """The headline outcomes of the case for the given parameter overrides: the largest
    concession, the Nash package and the presidency's offer against an uncertain Cyprus
    (quantities), the binding member and whether the presidency concedes (conclusions).
    ``p_committed`` and ``audience_cost`` are the veto-threat assumptions, the other keys
    model parameters."""
    issues = {"blocker": BLOCKER, "linked_issue": LINKED_ISSUE, "demand_issue": DEMAND_ISSUE}
    threat_keys = {"p_committed": "committed_probability", "audience_cost": "audience_cost"}
    threat = {threat_keys[k]: overrides.pop(k) for k in list(overrides) if k in threat_keys}
    result = linkage_analysis(cyprus_belarus_model("blocs", overrides=overrides), **issues)
    nash = result.nash_package
    found = cyprus_veto_threat(**threat, overrides=overrides, max_concession=result.max_concession)
    return {
        "max_concession": float(result.max_concession or 0.0),
        "nash_package": float(nash[DEMAND_ISSUE]) if nash is not None else 0.0,
        "offer against an uncertain Cyprus": found["offer_value"],
        "binding member": ", ".join(result.capped_by) or "nobody",
        "presidency concedes": "yes" if found["concedes"] else "no",
    }


#: ASSUMPTION: the probability the presidency gave to a committed Cyprus (one that vetoes a
#: package without enough on Turkey, whatever the listing is worth to it): no information,
#: an even chance.
CYPRUS_COMMITTED_PROBABILITY = 0.5
#: ASSUMPTION: what giving in without a Turkey response would cost a committed Cyprus at home
#: (an audience cost), in the units of its value of the listing (alpha).
CYPRUS_AUDIENCE_COST = 2.0


def cyprus_veto_threat(
    committed_probability: float = CYPRUS_COMMITTED_PROBABILITY,
    audience_cost: float = CYPRUS_AUDIENCE_COST,
    *,
    unit: str = "blocs",
    overrides=None,
    max_concession: float | None = None,
) -> dict:
    r"""Was the Cyprus threat credible? The presidency's take-it-or-leave-it package against
    a Cyprus of uncertain type, and Matthews's cheap talk.

    One dimension, the Turkey response ``x`` in the package with the listing; a veto leaves
    no listing and no response (the status quo 0). The presidency (the setter) has its
    ideal Turkey response ``t_DE`` and values the listing at ``alpha_DE / beta_DE`` in its
    units of squared distance. Cyprus has the ideal ``t_CY`` and is one of two types: a
    *bluffer*, who values the listing at ``alpha_CY / beta_CY`` and so accepts the listing
    with no response at all, or, with probability ``committed_probability``, a *committed*
    Cyprus whose audience cost of giving in lowers that value to
    ``(alpha_CY - audience_cost) / beta_CY``: it accepts only packages with at least a
    minimum Turkey response (:func:`coalitions.setter_offer` with agreement values).

    Parameters
    ----------
    committed_probability : float
        The presidency's prior that Cyprus is committed (an assumption).
    audience_cost : float
        The committed type's cost of giving in, in units of Cyprus's value of the listing
        (an assumption).
    unit : {"blocs", "states"}
    overrides : mapping, optional
        Replacement model parameters, as in :func:`cyprus_belarus_model`.
    max_concession : float, optional
        The largest Turkey response every other member accepts (from the linkage analysis;
        computed when not given).

    Returns
    -------
    dict
        ``types`` (each type's probability, agreement value and minimum response),
        ``offer`` (the presidency's optimal package, :class:`~coalitions.VetoOfferResult`
        as a dict), ``concedes`` (whether it meets the committed type's minimum),
        ``threshold`` (the prior above which the presidency concedes), ``cheap_talk``
        (:func:`coalitions.veto_threat_equilibria` as a dict), ``talk_credible`` (whether a
        threat could inform), ``within_zone`` (whether the committed minimum is one the
        others accept) and ``assumptions``.

    Examples
    --------
    >>> found = cyprus_veto_threat()
    >>> found["concedes"], found["talk_credible"], round(found["threshold"], 3)
    (True, False, 0.143)
    """
    rows = {r["bloc"]: r for r in _with_overrides(cyprus_belarus_assumptions(), overrides or {})}
    cy, de = rows[BLOCKER], rows[PRESIDENCY]
    t_cy, beta_cy, alpha_cy = (
        float(cy["t_turkey_ideal"]),
        float(cy["beta_turkey_salience"]),
        float(cy["alpha_belarus_listing"]),
    )
    setter_ideal = float(de["t_turkey_ideal"])
    setter_value = float(de["alpha_belarus_listing"]) / float(de["beta_turkey_salience"])
    labels = ("bluffing", "committed")
    values = [alpha_cy / beta_cy, (alpha_cy - audience_cost * alpha_cy) / beta_cy]
    p = float(committed_probability)
    options: dict[str, Any] = {
        "agreement_values": values,
        "setter_agreement_value": setter_value,
        "players": (PRESIDENCY, BLOCKER),
    }
    ideals = dict.fromkeys(labels, t_cy)
    offer = setter_offer(setter_ideal, 0.0, ideals, [1 - p, p], **options)
    talk = veto_threat_equilibria(setter_ideal, 0.0, ideals, [1 - p, p], **options)
    known = {
        label: setter_offer(setter_ideal, 0.0, ideals, [1.0 - k, float(k)], **options)
        for k, label in enumerate(labels)
    }
    # the least Turkey response a committed Cyprus accepts (None: it vetoes every package)
    interval = offer.acceptance_intervals[1]
    minimum = None if interval is None else max(float(interval[0]), 0.0)
    call, concede = known["bluffing"].expected_utility, known["committed"].expected_utility
    veto = -(setter_ideal**2)
    # the prior at which calling the bluff (the bluffer's offer, vetoed by a committed
    # Cyprus) and conceding (the committed minimum, accepted by both) are worth the same
    threshold = min(1.0, (call - concede) / (call - veto)) if call > veto else 0.0
    if max_concession is None:
        issues = {"blocker": BLOCKER, "linked_issue": LINKED_ISSUE, "demand_issue": DEMAND_ISSUE}
        max_concession = linkage_analysis(
            cyprus_belarus_model(unit, overrides=overrides), **issues
        ).max_concession
    return {
        "types": [
            {
                "type": label,
                "probability": q,
                "agreement_value": g,
                "minimum_response": minimum if label == "committed" else 0.0,
            }
            for label, q, g in zip(labels, (1 - p, p), values)
        ],
        "setter": PRESIDENCY,
        "setter_ideal": setter_ideal,
        "offer": offer.to_dict(),
        "offer_value": float(offer.offer),
        "acceptance_probability": float(offer.acceptance_probability),
        "concedes": minimum is not None and bool(offer.offer >= minimum - 1e-12),
        "minimum_response": minimum,
        "threshold": float(threshold),
        "cheap_talk": talk.to_dict(),
        "talk_credible": bool(talk.threat_credible),
        "max_concession": None if max_concession is None else float(max_concession),
        "within_zone": (
            minimum is not None and max_concession is not None and minimum <= float(max_concession)
        ),
        "assumptions": [
            f"the presidency's prior of a committed Cyprus is {p:g} (no information: an even "
            "chance)",
            f"a committed Cyprus's audience cost of giving in is {audience_cost:g} times its "
            "value of the listing",
            f"the presidency ({PRESIDENCY}) proposes the package; the others accept any "
            "response up to the largest concession of the linkage analysis",
        ],
    }
