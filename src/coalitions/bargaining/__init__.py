"""Bargaining: axiomatic and strategic solutions, veto players and the lowest common
denominator, issue linkage.

The models (:class:`BargainingProblem`, :class:`SpatialModel`, :class:`IssueLinkageModel`,
:class:`IssueUtility`) and the construction from a bimatrix game are defined in
:mod:`coalitions.games` and re-exported here with their solutions."""

from ..games.bargaining_problem import BargainingProblem
from ..games.bimatrix import bargaining_problem_from_game, maxmin_values
from . import linkage, spatial
from .axiomatic import (
    bargaining_solution,
    egalitarian,
    kalai_smorodinsky,
    nash_solution,
    utilitarian,
)
from .linkage import *  # noqa: F401,F403
from .spatial import *  # noqa: F401,F403
from .baron_ferejohn import baron_ferejohn
from .rubinstein import rubinstein
from .outside_options import outside_option_bargaining
from .dynamic import dynamic_bargaining, long_run_distribution
from .two_level import schelling_curve, two_level_win_set
from .veto_threats import setter_offer, veto_threat_equilibria
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
    "dynamic_bargaining",
    "long_run_distribution",
    "two_level_win_set",
    "schelling_curve",
    "setter_offer",
    "veto_threat_equilibria",
    "bargaining_problem_from_game",
    "maxmin_values",
    *spatial.__all__,
    *linkage.__all__,
]
