"""Worked examples: the cases of the multilateralism debate, each computed and explained.

Each case is a module with ``compute()`` (library calls only; returns the results) and
``report(results)`` (the layout and prose, every number formatted from the results):
``glove.report(glove.compute())``. ``list_cases()`` gives the registered cases in tour order;
``run_case(name)`` returns the :class:`Report` (sections with tables, notes, labelled
assumptions and an optional plot).
From a shell: ``coalitions examples list`` and ``coalitions examples run NAME``.
"""

from ._registry import CASES, Case, get_case, list_cases, register, run_case
from ._report import Report, Section, format_number
from ._sensitivity import case_sensitivity, parse_range, sensitivity_report
from ._export import EXPORT_FORMATS, export_case

# the tour order
from . import glove  # noqa: E402,F401  (importing a case registers it)
from . import security_council, eu_council, blocs, small_states  # noqa: E402,F401
from . import legitimacy_efficiency  # noqa: E402,F401
from . import two_party_bargaining, legislative_bargaining  # noqa: E402,F401
from . import lowest_common_denominator, cyprus_belarus  # noqa: E402,F401
from . import burden_sharing, coalitions_of_the_willing  # noqa: E402,F401
from . import nagorno_karabakh, nato_russia_council, unsc_reform  # noqa: E402,F401
from . import sanctions_renewal  # noqa: E402,F401

__all__ = [
    "Report",
    "Section",
    "Case",
    "register",
    "get_case",
    "list_cases",
    "run_case",
    "format_number",
    "CASES",
    "case_sensitivity",
    "sensitivity_report",
    "parse_range",
    "export_case",
    "EXPORT_FORMATS",
]
