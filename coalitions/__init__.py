"""coalitions: game theory for multilateral negotiation.

Cooperative games (Shapley value, core, nucleolus), voting power of real bodies and
bargaining under veto, in one library. ``import coalitions as co``.
"""

__version__ = "0.1.0"

from . import exceptions
from .exceptions import (CoalitionsError, InvalidGameError, InvalidProblemError, SolverError,
                         TooLargeError)
from .games import *  # noqa: F401,F403
from .games import __all__ as _games_all
from .games.io import read_game, write_game, game_from_json, game_to_json
from .results import AllocationResult, Result, ValueResult
from .solutions import *  # noqa: F401,F403
from .solutions import __all__ as _solutions_all

# voting power (issue 4): simple games, power indices, real bodies
from . import datasets, power
from .games.simple import (CompoundGame, SimpleGame, WeightedVotingGame, conjunction,
                           disjunction)
from .power import (banzhaf_index, coleman_power_to_act, coleman_power_to_initiate,
                    coleman_power_to_prevent, decision_rule_sweep, deegan_packel_index,
                    holler_index, is_decisive, is_proper, is_strong, johnston_index,
                    minimal_blocking_coalitions, minimal_winning_coalitions, pivotal_players,
                    power_indices, rae_index, risk_of_being_outvoted, shapley_shubik_index)

_power_all = ["SimpleGame", "WeightedVotingGame", "CompoundGame", "conjunction", "disjunction",
              "banzhaf_index", "coleman_power_to_act", "coleman_power_to_initiate",
              "coleman_power_to_prevent", "decision_rule_sweep", "deegan_packel_index",
              "holler_index", "is_decisive", "is_proper", "is_strong", "johnston_index",
              "minimal_blocking_coalitions", "minimal_winning_coalitions", "pivotal_players",
              "power_indices", "rae_index", "risk_of_being_outvoted", "shapley_shubik_index",
              "owen_value", "datasets", "power"]

__all__ = [
    "__version__",
    "CoalitionsError", "InvalidGameError", "InvalidProblemError", "SolverError",
    "TooLargeError",
    *_games_all,
    "read_game", "write_game", "game_from_json", "game_to_json",
    "Result", "AllocationResult", "ValueResult",
    *_solutions_all,
    *[name for name in _power_all if name not in _solutions_all],
]
