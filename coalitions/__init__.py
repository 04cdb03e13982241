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

__all__ = [
    "__version__",
    "CoalitionsError", "InvalidGameError", "InvalidProblemError", "SolverError",
    "TooLargeError",
    *_games_all,
    "read_game", "write_game", "game_from_json", "game_to_json",
    "Result", "AllocationResult", "ValueResult",
    *_solutions_all,
]

# The core family's result classes (core, least core, nucleolus).
from .results import BalancedCollection, CoreResult, LeastCoreResult, NucleolusResult  # noqa: E402

__all__ += ["BalancedCollection", "CoreResult", "LeastCoreResult", "NucleolusResult"]
