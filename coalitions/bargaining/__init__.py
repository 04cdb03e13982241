"""Bargaining: axiomatic and strategic solutions, veto players and the lowest common
denominator, issue linkage."""

from .axiomatic import (
    bargaining_solution,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
    utilitarian,
)
from .bimatrix import bargaining_problem_from_game, maxmin_values
from .linkage import (
    IssueLinkageModel,
    IssueUtility,
    issue_by_issue_outcome,
    linkage_analysis,
    package_win_set,
)
from .problem import BargainingProblem
from .spatial import (
    SpatialModel,
    in_win_set,
    lcd_outcome,
    policy_core,
    policy_stability,
    setter_outcome,
    win_set,
)
from .baron_ferejohn import baron_ferejohn
from .rubinstein import rubinstein
from .outside_options import outside_option_bargaining
from . import cases, report  # noqa: E402,F401  (reports and built-in cases, by module)

__all__ = [
    "BargainingProblem",
    "nash_solution",
    "kalai_smorodinsky",
    "egalitarian",
    "utilitarian",
    "bargaining_solution",
    "rubinstein",
    "outside_option_bargaining",
    "baron_ferejohn",
    "bargaining_problem_from_game",
    "maxmin_values",
    "SpatialModel",
    "win_set",
    "in_win_set",
    "policy_core",
    "setter_outcome",
    "lcd_outcome",
    "policy_stability",
    "IssueLinkageModel",
    "IssueUtility",
    "issue_by_issue_outcome",
    "package_win_set",
    "linkage_analysis",
]
