"""The EU's Belarus sanctions of 2020 and the Cyprus hold-up: the shipped data.

In September 2020 Cyprus blocked the EU's listing of about 40 Belarusian officials (CFSP
sanctions need unanimity) until the EU also committed to act against Turkey's gas drilling
in the Eastern Mediterranean; the European Council of 1-2 October 2020 adopted two-track
conclusions on Turkey and the listing passed the next day.

This module loads the data only: the dated timeline, the blocs of member states and their
utility parameters, which are ILLUSTRATIVE ASSUMPTIONS from
``cyprus_belarus_model_assumptions.csv``, not data (every output labels them so), and the
Council's qualified majority as a rule on blocs. The linkage model and its analysis are
:func:`coalitions.bargaining.cases.cyprus_belarus_model` and
:func:`~coalitions.bargaining.cases.cyprus_belarus_report`. See PROVENANCE_eu_sanctions.md
for the sources.

>>> [row["bloc"] for row in cyprus_belarus_assumptions()]
['CY', 'GR', 'FR', 'DE', 'BALT_PL', 'OTHERS']
>>> eu_qualified_majority("blocs")({"CY", "GR", "FR", "DE", "BALT_PL"})
False
"""

from __future__ import annotations

from . import load_csv

__all__ = [
    "cyprus_belarus_assumptions",
    "belarus_sanctions_timeline",
    "eu27_population",
    "bloc_states",
    "eu_qualified_majority",
    "ASSUMPTION_LABEL",
    "ISSUES",
]

ASSUMPTION_LABEL = "ASSUMPTION (illustrative)"
ISSUES = ("belarus_listing", "turkey_response")
# Eurostat codes of the states in each bloc of the assumptions file (Greece is EL).
_BLOC_STATES = {
    "CY": ["CY"],
    "GR": ["EL"],
    "FR": ["FR"],
    "DE": ["DE"],
    "BALT_PL": ["LT", "LV", "EE", "PL"],
}


def cyprus_belarus_assumptions() -> list[dict]:
    """The six blocs with their (assumed) utility parameters, as typed dictionaries."""
    rows = []
    for row in load_csv("cyprus_belarus_model_assumptions.csv"):
        rows.append(
            {
                "bloc": row["bloc"],
                "member_states": row["member_states"],
                "n_states": int(row["n_states"]),
                "alpha_belarus_listing": float(row["alpha_belarus_listing"]),
                "t_turkey_ideal": float(row["t_turkey_ideal"]),
                "beta_turkey_salience": float(row["beta_turkey_salience"]),
                "label": row["label"],
            }
        )
    return rows


def belarus_sanctions_timeline() -> list[dict]:
    """Dated events of 2020 (date, event, body, status, source)."""
    return load_csv("belarus_sanctions_timeline_2020.csv")


def eu27_population() -> dict:
    """Population on 1 January 2020 by Eurostat code (Eurostat)."""
    return {
        row["eurostat_code"]: int(row["population_1jan2020"])
        for row in load_csv("eu27_population_2020.csv")
    }


def bloc_states() -> dict:
    """The Eurostat codes of the member states in each bloc of the assumptions file (the
    sixth bloc, ``OTHERS``, holds every state not in the first five)."""
    codes = list(eu27_population())
    taken = {c for states in _BLOC_STATES.values() for c in states}
    mapping = dict(_BLOC_STATES)
    mapping["OTHERS"] = [c for c in codes if c not in taken]
    return mapping


def eu_qualified_majority(unit: str = "blocs"):
    """The Council's qualified majority as a predicate on coalitions of blocs or states.

    A coalition wins when it holds at least 55 % of the member states (15 of 27) and at
    least 65 % of the EU population, or at least 24 states (Art. 16(4) TEU): the rule of
    :func:`coalitions.datasets.eu_council`. Blocs vote as units.
    """
    from . import eu_council

    council = eu_council(2020, "qmv")
    code_to_country = {
        row["eurostat_code"]: row["country"] for row in load_csv("eu27_population_2020.csv")
    }
    groups = bloc_states() if unit == "blocs" else {c: [c] for c in code_to_country}

    def qualified_majority(coalition) -> bool:
        return bool(
            council.is_winning([code_to_country[s] for member in coalition for s in groups[member]])
        )

    qualified_majority.__name__ = (
        "EU qualified majority (55% of states and 65% of population, or 24 states)"
    )
    return qualified_majority
