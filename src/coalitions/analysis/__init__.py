"""Analysis of models: how conclusions depend on labelled assumptions.

:func:`sensitivity` sweeps each :class:`Assumption` over its range, draws Monte Carlo samples
over all ranges and finds the breakpoints at which a qualitative conclusion flips;
:func:`compare_scenarios` aligns the same metrics over several rules or memberships.
"""

from .scenarios import compare_scenarios
from .sensitivity import Assumption, Breakpoint, sensitivity

__all__ = ["Assumption", "Breakpoint", "sensitivity", "compare_scenarios"]
