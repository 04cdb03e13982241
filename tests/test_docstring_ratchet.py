"""Docstring ratchet: every top-level public function has the numpydoc sections
Parameters, Returns, Examples and References (DESIGN.md, docstring conventions).

``EXCEPTIONS`` lists today's missing sections, per function. It may only shrink: a listed
section that a docstring now has fails the test until its entry is removed, as does an entry
for a name no longer in ``coalitions.__all__``; a new function needs every section.
"""

from __future__ import annotations

import inspect
import re

import pytest

import coalitions as co

SECTIONS = ("Parameters", "Returns", "Examples", "References")
HEADER = re.compile(r"^(\w[\w ]*)\n-{3,}[ \t]*$", re.M)

#: Missing sections at the start of the ratchet (issue 12, item 9); only ever remove entries.
EXCEPTIONS: dict[str, set[str]] = {
    "unanimity_game": {"Parameters", "Returns", "References"},
    "glove_game": {"Parameters", "Returns"},
    "majority_game": {"Parameters", "Returns", "References"},
    "airport_game": {"Parameters", "Returns"},
    "bankruptcy_game": {"Returns"},
    "cost_to_savings": {"Parameters", "Returns", "References"},
    "additive_game": {"Parameters", "Returns", "Examples", "References"},
    "symmetric_game": {"Parameters", "Returns", "Examples", "References"},
    "random_game": {"Returns", "Examples", "References"},
    "is_monotone": {"Parameters", "Returns", "References"},
    "is_superadditive": {"Parameters", "Returns", "References"},
    "is_convex": {"Parameters", "Returns"},
    "is_essential": {"Parameters", "Returns", "Examples", "References"},
    "symmetric_pairs": {"Parameters", "Returns", "References"},
    "harsanyi_dividends": {"Parameters", "Returns"},
    "game_from_dividends": {"Parameters", "Returns", "Examples", "References"},
    "dual_game": {"Parameters", "Returns", "References"},
    "subgame": {"Parameters", "Returns", "References"},
    "zero_normalized": {"Parameters", "Returns", "Examples", "References"},
    "game_sum": {"Parameters", "Returns", "Examples", "References"},
    "scaled_game": {"Parameters", "Returns", "Examples", "References"},
    "read_game": {"Parameters", "Returns", "References"},
    "write_game": {"Returns", "Examples", "References"},
    "game_from_json": {"Parameters", "Returns", "References"},
    "game_to_json": {"Parameters", "Returns", "Examples", "References"},
    "graph_restricted_game": {"Returns", "References"},
    "banzhaf_owen_value": {"Returns"},
    "is_efficient": {"Parameters", "Returns", "References"},
    "is_individually_rational": {"Parameters", "Returns", "References"},
    "is_imputation": {"Parameters", "Returns", "References"},
    "imputation_vertices": {"Parameters", "Returns", "References"},
    "core_vertices": {"Parameters", "Returns", "References"},
    "is_in_core": {"Parameters", "Returns", "References"},
    "is_balanced_collection": {"Parameters", "Returns", "References"},
    "is_in_least_core": {"Parameters", "Returns", "References"},
    "max_excess": {"Parameters", "Returns", "References"},
    "is_nucleolus": {"References"},
    "is_prenucleolus": {"Parameters", "Returns", "References"},
    "propensity_to_disrupt": {"Parameters", "Returns", "References"},
    "equal_division": {"Parameters", "Returns", "References"},
    "equal_surplus_division": {"Parameters", "Returns"},
    "ensc_value": {"Parameters", "Returns"},
    "conjunction": {"Parameters", "Returns", "Examples", "References"},
    "disjunction": {"Parameters", "Returns", "Examples", "References"},
    "coleman_power_to_act": {"Returns"},
    "coleman_power_to_initiate": {"Returns", "References"},
    "coleman_power_to_prevent": {"Returns", "References"},
    "decision_rule_sweep": {"Returns", "References"},
    "pivotal_players": {"References"},
    "rae_index": {"Returns"},
    "risk_of_being_outvoted": {"Returns", "References"},
    "bell_number": {"Parameters", "Returns", "References"},
    "set_partitions": {"References"},
    "coalition_structure_value": {"Parameters", "Returns", "References"},
    "is_in_structure_core": {"Parameters", "Returns", "References"},
    "is_stable_structure": {"Parameters", "Returns", "References"},
    "linear_quadratic_model": {"Returns"},
    "is_internally_stable": {"Parameters", "Returns", "References"},
    "is_externally_stable": {"Parameters", "Returns", "References"},
    "club_efficiency": {"Returns", "References"},
    "club_coverage": {"Parameters", "Returns", "References"},
    "bargaining_problem_from_game": {"Parameters", "Returns"},
    "maxmin_values": {"Parameters", "Returns", "Examples", "References"},
    "in_win_set": {"Parameters", "Returns", "Examples", "References"},
    "policy_core": {"Parameters", "Returns", "References"},
    "lcd_outcome": {"Parameters", "Returns"},
    "policy_stability": {"Parameters", "Returns", "Examples", "References"},
    "issue_by_issue_outcome": {"Parameters", "Returns", "Examples", "References"},
    "package_win_set": {"Parameters", "Examples", "References"},
    "linkage_analysis": {"Parameters", "Returns", "Examples"},
}

FUNCTIONS = sorted(name for name in co.__all__ if inspect.isfunction(getattr(co, name)))


def sections(name: str) -> set[str]:
    doc = inspect.getdoc(getattr(co, name)) or ""
    return set(HEADER.findall(doc))


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_function_has_the_numpydoc_sections(name):
    missing = set(SECTIONS) - sections(name)
    allowed = EXCEPTIONS.get(name, set())
    assert missing <= allowed, f"{name}: add the sections {sorted(missing - allowed)}"
    fixed = allowed - missing
    assert not fixed, f"{name} now has {sorted(fixed)}: remove them from EXCEPTIONS"


def test_exceptions_name_public_functions_and_sections():
    assert set(EXCEPTIONS) <= set(FUNCTIONS), sorted(set(EXCEPTIONS) - set(FUNCTIONS))
    for name, missing in EXCEPTIONS.items():
        assert missing and missing <= set(SECTIONS), name


def test_a_section_header_is_recognised_only_with_its_underline():
    assert HEADER.findall("Summary.\n\nParameters\n----------\nx : int\n") == ["Parameters"]
    assert HEADER.findall("Summary.\n\nParameters: none\n") == []
