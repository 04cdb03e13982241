"""Voting power of simple games: indices, structural checks, decision-rule sweeps, blocs.

Games are built in :mod:`coalitions.games.simple`; real bodies are in
:mod:`coalitions.datasets`; a priori unions (Owen) in :mod:`coalitions.solutions.owen`.
"""

from .checks import (
    dummy_players,
    game_properties,
    is_decisive,
    is_proper,
    is_strong,
    minimal_blocking_coalitions,
    minimal_winning_coalitions,
    null_players,
    veto_players,
)
from .indices import (
    INDEX_NAMES,
    banzhaf_index,
    coleman_power_to_act,
    coleman_power_to_initiate,
    coleman_power_to_prevent,
    decision_rule_sweep,
    deegan_packel_index,
    holler_index,
    johnston_index,
    pivotal_players,
    power_indices,
    rae_index,
    risk_of_being_outvoted,
    shapley_shubik_index,
)

__all__ = [
    "shapley_shubik_index",
    "banzhaf_index",
    "coleman_power_to_act",
    "coleman_power_to_prevent",
    "coleman_power_to_initiate",
    "rae_index",
    "risk_of_being_outvoted",
    "johnston_index",
    "deegan_packel_index",
    "holler_index",
    "pivotal_players",
    "power_indices",
    "decision_rule_sweep",
    "is_proper",
    "is_strong",
    "is_decisive",
    "veto_players",
    "null_players",
    "dummy_players",
    "game_properties",
    "minimal_winning_coalitions",
    "minimal_blocking_coalitions",
    "INDEX_NAMES",
]
