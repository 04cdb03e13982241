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

# Coalition formation (structures, hedonic games, agreements, winning coalitions, clubs).
from . import formation  # noqa: E402
from .formation import *  # noqa: F401,F403,E402
from .formation import __all__ as _formation_all  # noqa: E402

__all__ += _formation_all
# Value oracles and sampling estimators (issue 8).
from .games.oracle import OracleGame  # noqa: E402
from .results import EstimateResult  # noqa: E402
from . import approx  # noqa: E402

__all__ += ["OracleGame", "EstimateResult", "approx"]
# bargaining under veto (issue 5)
from .bargaining import *  # noqa: E402,F401,F403
from .bargaining import __all__ as _bargaining_all  # noqa: E402
from .results import (BargainingResult, BaronFerejohnResult, LCDResult,  # noqa: E402
                      LinkageResult, PolicyCoreResult, RubinsteinResult, SetterResult,
                      WinSetResult)

__all__ += [*_bargaining_all, "BargainingResult", "RubinsteinResult", "BaronFerejohnResult",
            "WinSetResult", "PolicyCoreResult", "SetterResult", "LCDResult", "LinkageResult"]

# worked examples (co.examples.run_case) and plots (matplotlib is imported only when drawing)
from . import examples, plot  # noqa: E402,F401
