"""Analysis of models: how conclusions depend on labelled assumptions.

:func:`sensitivity` sweeps each :class:`Assumption` over its range, draws Monte Carlo samples
over all ranges and finds the breakpoints at which a qualitative conclusion flips;
:func:`solution_sensitivity` does the same for a TU solution over intervals of coalition worths;
:func:`compare_scenarios` aligns the same metrics over several rules or memberships.
"""

from .scenarios import compare_scenarios
from .sensitivity import Assumption, Breakpoint, sensitivity
from .solutions import solution_sensitivity

__all__ = ["Assumption", "Breakpoint", "sensitivity", "compare_scenarios", "solution_sensitivity"]
