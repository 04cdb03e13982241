"""The EU's Belarus sanctions of 2020 and the Cyprus hold-up, as a built-in worked example.

In September 2020 Cyprus blocked the EU's listing of about 40 Belarusian officials (CFSP
sanctions need unanimity) until the EU also committed to act against Turkey's gas drilling
in the Eastern Mediterranean; the European Council of 1-2 October 2020 adopted two-track
conclusions on Turkey and the listing passed the next day.

The model: two issues, ``belarus_listing`` (0 = no listing, 1 = listing adopted; utility
``alpha_i * x``) and ``turkey_response`` (intensity 0..1; utility ``-beta_i (x - t_i)^2``),
status quo (0, 0), six blocs of member states (or the 27 states, each with its bloc's
parameters). The utility parameters are ILLUSTRATIVE ASSUMPTIONS from
``cyprus_belarus_model_assumptions.csv``, not data; every output labels them so.
See PROVENANCE_eu_sanctions.md for the sources.

>>> report = cyprus_belarus_report()
>>> report["unanimity"].can_block, report["qmv"].can_block
(True, False)
>>> report["unanimity"].capped_by
('DE',)
"""

from __future__ import annotations


from coalitions.bargaining.linkage import IssueLinkageModel, linkage_analysis, package_win_set
from coalitions.bargaining.spatial import SpatialModel, lcd_outcome
from coalitions.exceptions import InvalidProblemError

from . import load_csv

__all__ = ["cyprus_belarus_assumptions", "belarus_sanctions_timeline", "eu27_population",
           "cyprus_belarus_model", "eu_qualified_majority", "cyprus_belarus_report",
           "ASSUMPTION_LABEL"]

ASSUMPTION_LABEL = "ASSUMPTION (illustrative)"
ISSUES = ("belarus_listing", "turkey_response")
# Eurostat codes of the states in each bloc of the assumptions file (Greece is EL).
_BLOC_STATES = {"CY": ["CY"], "GR": ["EL"], "FR": ["FR"], "DE": ["DE"],
                "BALT_PL": ["LT", "LV", "EE", "PL"]}


def cyprus_belarus_assumptions() -> list[dict]:
    """The six blocs with their (assumed) utility parameters, as typed dictionaries."""
    rows = []
    for row in load_csv("cyprus_belarus_model_assumptions.csv"):
        rows.append({"bloc": row["bloc"], "member_states": row["member_states"],
                     "n_states": int(row["n_states"]),
                     "alpha_belarus_listing": float(row["alpha_belarus_listing"]),
                     "t_turkey_ideal": float(row["t_turkey_ideal"]),
                     "beta_turkey_salience": float(row["beta_turkey_salience"]),
                     "label": row["label"]})
    return rows


def belarus_sanctions_timeline() -> list[dict]:
    """Dated events of 2020 (date, event, body, status, source)."""
    return load_csv("belarus_sanctions_timeline_2020.csv")


def eu27_population() -> dict:
    """Population on 1 January 2020 by Eurostat code (Eurostat)."""
    return {row["eurostat_code"]: int(row["population_1jan2020"])
            for row in load_csv("eu27_population_2020.csv")}


def _bloc_states() -> dict:
    codes = list(eu27_population())
    taken = {c for states in _BLOC_STATES.values() for c in states}
    mapping = dict(_BLOC_STATES)
    mapping["OTHERS"] = [c for c in codes if c not in taken]
    return mapping


def _utility(row: dict) -> dict:
    return {"belarus_listing": {"type": "linear", "slope": row["alpha_belarus_listing"]},
            "turkey_response": {"type": "quadratic", "ideal": row["t_turkey_ideal"],
                                "salience": row["beta_turkey_salience"]}}


def eu_qualified_majority(unit: str = "blocs"):
    """The Council's qualified majority as a predicate on coalitions of blocs or states.

    A coalition wins when it holds at least 55 % of the member states (15 of 27) and at
    least 65 % of the EU population, or at least 24 states (Art. 16(4) TEU): the rule of
    :func:`coalitions.datasets.eu_council`. Blocs vote as units.
    """
    from . import eu_council

    council = eu_council(2020, "qmv")
    code_to_country = {row["eurostat_code"]: row["country"]
                       for row in load_csv("eu27_population_2020.csv")}
    groups = _bloc_states() if unit == "blocs" else {c: [c] for c in code_to_country}

    def qualified_majority(coalition) -> bool:
        return bool(council.is_winning([code_to_country[s] for member in coalition
                                        for s in groups[member]]))
    qualified_majority.__name__ = ("EU qualified majority (55% of states and 65% of "
                                   "population, or 24 states)")
    return qualified_majority


def cyprus_belarus_model(unit: str = "blocs", decision_rule="unanimity") -> IssueLinkageModel:
    """The linkage model of the Cyprus hold-up: six blocs (``unit="blocs"``) or 27 states
    (``unit="states"``, each state with its bloc's assumed parameters)."""
    if unit not in ("blocs", "states"):
        raise InvalidProblemError(f"unit must be 'blocs' or 'states', got {unit!r}.")
    rows = cyprus_belarus_assumptions()
    if unit == "blocs":
        utilities = {row["bloc"]: _utility(row) for row in rows}
    else:
        groups = _bloc_states()
        utilities = {state: _utility(row) for row in rows for state in groups[row["bloc"]]}
    if decision_rule == "qmv":
        decision_rule = eu_qualified_majority(unit)
    notes = (f"utility parameters alpha, t, beta by bloc: {ASSUMPTION_LABEL} "
             "(cyprus_belarus_model_assumptions.csv)",
             "issue levels: listing 0/1, Turkey response 0..1; status quo = no agreement = (0, 0)"
             f": {ASSUMPTION_LABEL}",
             "issue-by-issue outcome = least ambitious programme on each issue (Underdal)")
    if unit == "states":
        notes += (f"each state carries its bloc's parameters: {ASSUMPTION_LABEL}",)
    return IssueLinkageModel(utilities, {"belarus_listing": 0.0, "turkey_response": 0.0},
                             decision_rule=decision_rule, assumptions=notes)


def cyprus_belarus_report(unit: str = "blocs") -> dict:
    """Everything the issue-linkage model says about the Cyprus hold-up.

    Returns a dict with ``assumptions`` (the parameter table, each row labelled),
    ``unanimity`` and ``qmv`` (:class:`~coalitions.results.LinkageResult` under unanimity and
    under the qualified-majority counterfactual), ``turkey_lcd`` (the lowest common
    denominator on the Turkey issue alone), ``package`` (package versus issue-by-issue
    win-set sizes) and ``timeline`` (the dated facts).
    """
    blocker = "CY"
    unanimity_model = cyprus_belarus_model(unit)
    analysis = linkage_analysis(unanimity_model, blocker=blocker,
                                linked_issue="belarus_listing", demand_issue="turkey_response")
    qmv = linkage_analysis(unanimity_model, blocker=blocker, linked_issue="belarus_listing",
                           demand_issue="turkey_response",
                           decision_rule=eu_qualified_majority(unit))
    ideals = {p: unanimity_model.utilities[p]["turkey_response"].ideal(0.0, 1.0)
              for p in unanimity_model.players}
    lcd = lcd_outcome(SpatialModel(ideals, 0.0))
    return {"title": "Cyprus, Belarus sanctions and Turkey (September 2020): issue linkage "
                     "under unanimity",
            "unit": unit,
            "assumptions": cyprus_belarus_assumptions(),
            "assumption_notes": list(unanimity_model.assumptions),
            "unanimity": analysis, "qmv": qmv, "turkey_lcd": lcd,
            "package": package_win_set(unanimity_model, resolution=300),
            "timeline": belarus_sanctions_timeline()}
