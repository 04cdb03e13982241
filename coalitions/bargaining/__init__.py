"""Bargaining: axiomatic and strategic solutions, veto players and the lowest common
denominator, issue linkage."""

from .axiomatic import (bargaining_solution, egalitarian, kalai_smorodinsky, nash_solution,
                        utilitarian)
from .problem import BargainingProblem
from .strategic import baron_ferejohn, rubinstein

__all__ = ["BargainingProblem", "nash_solution", "kalai_smorodinsky", "egalitarian",
           "utilitarian", "bargaining_solution", "rubinstein", "baron_ferejohn"]
