"""Allocation rules for TU games, one concept per module, each with its checker."""

from .banzhaf import banzhaf_value
from .myerson import graph_restricted_game, myerson_value
from .owen import banzhaf_owen_index, banzhaf_owen_value, owen_index, owen_value
from .semivalues import semivalue
from .shapley import shapley_value

__all__ = ["shapley_value", "banzhaf_value", "semivalue", "myerson_value",
           "graph_restricted_game", "owen_value", "banzhaf_owen_value", "owen_index",
           "banzhaf_owen_index"]
