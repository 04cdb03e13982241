"""Allocation rules for TU games, one concept per module, each with its checker."""

from .banzhaf import banzhaf_value
from .myerson import graph_restricted_game, myerson_value
from .owen import (
    banzhaf_owen_index,
    banzhaf_owen_value,
    owen_index,
    owen_value,
    symmetric_coalitional_banzhaf_index,
    symmetric_coalitional_banzhaf_value,
)
from .semivalues import semivalue
from .shapley import shapley_value
from .imputations import imputation_vertices, is_efficient, is_imputation, is_individually_rational
from .core import core, core_vertices, is_balanced_collection, is_in_core
from .least_core import is_in_least_core, least_core, max_excess
from .nucleolus import is_nucleolus, is_prenucleolus, nucleolus, per_capita_nucleolus, prenucleolus
from . import nucleolus_variants
from .nucleolus_variants import *
from .least_squares import least_squares_value
from .balancedness import MAX_LP_PROPERTY_PLAYERS, is_exact, is_totally_balanced
from .tau import (
    chi_value,
    is_quasi_balanced,
    maximal_contributions,
    minimal_rights,
    tau_value,
    utopia_payoffs,
)
from .gately import gately_point, propensity_to_disrupt
from .rules import ensc_value, equal_division, equal_surplus_division
from .kernel import is_in_kernel, is_in_prekernel, kernel, maximum_surpluses, prekernel
from .bargaining_set import bargaining_set
from .claims import (
    claims_rule,
    constrained_equal_awards,
    constrained_equal_losses,
    capped_proportional_rule,
    proportional_rule,
    talmud_rule,
)

__all__ = [
    "shapley_value",
    "banzhaf_value",
    "semivalue",
    "myerson_value",
    "graph_restricted_game",
    "owen_value",
    "banzhaf_owen_value",
    "owen_index",
    "banzhaf_owen_index",
    "symmetric_coalitional_banzhaf_value",
    "symmetric_coalitional_banzhaf_index",
    "is_efficient",
    "is_individually_rational",
    "is_imputation",
    "imputation_vertices",
    "core",
    "core_vertices",
    "is_in_core",
    "is_balanced_collection",
    "least_core",
    "is_in_least_core",
    "max_excess",
    "nucleolus",
    "prenucleolus",
    "per_capita_nucleolus",
    "is_nucleolus",
    "is_prenucleolus",
    # the variants' functions; their size limit MODICLUS_MAX_PLAYERS stays in the module
    *(name for name in nucleolus_variants.__all__ if name != "MODICLUS_MAX_PLAYERS"),
    "least_squares_value",
    "tau_value",
    "utopia_payoffs",
    "minimal_rights",
    "is_quasi_balanced",
    "gately_point",
    "propensity_to_disrupt",
    "equal_division",
    "equal_surplus_division",
    "ensc_value",
    "proportional_rule",
    "capped_proportional_rule",
    "constrained_equal_awards",
    "constrained_equal_losses",
    "talmud_rule",
    "claims_rule",
    "prekernel",
    "kernel",
    "is_in_kernel",
    "is_in_prekernel",
    "maximum_surpluses",
    "bargaining_set",
]

# values of issue 16 (each module one concept)
from .solidarity import solidarity_value  # noqa: E402
from .egalitarian import dutta_ray, egalitarian_shapley_value  # noqa: E402
from .sets import core_center, core_cover, least_core_set, reasonable_set, weber_set  # noqa: E402

__all__ += ["solidarity_value", "egalitarian_shapley_value", "dutta_ray"]
from .proportional import proportional_value, ratio_potential  # noqa: E402
from .lorenz import is_lorenz_maximal, lorenz_solution  # noqa: E402

__all__ += ["chi_value", "maximal_contributions", "proportional_value", "ratio_potential"]
__all__ += ["lorenz_solution", "is_lorenz_maximal"]
__all__ += ["weber_set", "core_cover", "reasonable_set", "least_core_set", "core_center"]
from .interaction import interaction_index  # noqa: E402

__all__ += ["interaction_index"]
__all__ += ["is_totally_balanced", "is_exact", "MAX_LP_PROPERTY_PLAYERS"]
