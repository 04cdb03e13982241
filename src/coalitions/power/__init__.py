"""Voting power of simple games: indices, structural checks, decision-rule sweeps, blocs.

Games are built in :mod:`coalitions.games.simple`; real bodies are in
:mod:`coalitions.datasets`; a priori unions (Owen) in :mod:`coalitions.solutions.owen`; the
Public Good indices with unions in :mod:`coalitions.power.union_pgi`.
"""

from . import a_posteriori, checks, indices
from .a_posteriori import a_posteriori_table, decisiveness, success
from .weightedness import weighted_representation
from .design import jagiellonian_compromise
from .spatial import shapley_owen_value
from .desirability import desirability, homogeneous_representation
from .inverse import inverse_power
from .null_player_free import null_player_free_f_index, null_player_free_g_index
from .union_pgi import (
    solidarity_public_good_index,
    threat_public_good_index,
    union_public_good_index,
)
from .checks import *
from .indices import *

__all__ = [
    *indices.__all__,
    *checks.__all__,
    "decisiveness",
    "success",
    "a_posteriori_table",
    "weighted_representation",
    "jagiellonian_compromise",
    "shapley_owen_value",
    "desirability",
    "homogeneous_representation",
    "inverse_power",
    "union_public_good_index",
    "solidarity_public_good_index",
    "threat_public_good_index",
    "null_player_free_f_index",
    "null_player_free_g_index",
]
