"""coalitions: game theory for multilateral negotiation.

Cooperative games (Shapley value, core, nucleolus), voting power of real bodies and
bargaining under veto, in one library. ``import coalitions as co``.
"""

__version__ = "0.1.0"

from . import exceptions
from .exceptions import (
    CoalitionsError,
    InvalidArgumentError,
    InvalidGameError,
    InvalidProblemError,
    SolverError,
    UnknownNameError,
    UnknownPlayerError,
    TooLargeError,
)
from .games import *  # noqa: F401,F403
from .games import __all__ as _games_all
from .games.io import read_game, write_game, game_from_json, game_to_json
from .results import AllocationResult, Result, ValueResult
from .solutions import *  # noqa: F401,F403
from .solutions import __all__ as _solutions_all

# The core family's result classes (core, least core, nucleolus).
from .results import BalancedCollection, CoreResult, LeastCoreResult, NucleolusResult  # noqa: E402

# Voting power: simple games, power indices, real bodies.
from . import datasets, power  # noqa: E402
from .games.simple import (
    CompoundGame,
    SimpleGame,
    WeightedVotingGame,  # noqa: E402
    conjunction,
    disjunction,
)
from .power import (
    banzhaf_index,
    coleman_power_to_act,  # noqa: E402
    coleman_power_to_initiate,
    coleman_power_to_prevent,
    decision_rule_sweep,
    deegan_packel_index,
    dummy_players,
    game_properties,
    holler_index,
    is_decisive,
    is_proper,
    is_strong,
    johnston_index,
    minimal_blocking_coalitions,
    minimal_winning_coalitions,
    null_players,
    pivotal_players,
    power_indices,
    rae_index,
    risk_of_being_outvoted,
    shapley_shubik_index,
    veto_players,
)

# Coalition formation: structures, hedonic games, agreements, winning coalitions, clubs.
from . import formation  # noqa: E402
from .formation import *  # noqa: F401,F403,E402
from .formation import __all__ as _formation_all  # noqa: E402

# Value oracles and sampling estimators.
from . import approx  # noqa: E402
from .games.oracle import OracleGame  # noqa: E402
from .results import EstimateResult  # noqa: E402

# Bargaining under veto.
from . import bargaining  # noqa: E402
from .bargaining import *  # noqa: F401,F403,E402
from .bargaining import __all__ as _bargaining_all  # noqa: E402
from .results import (
    BargainingResult,
    BaronFerejohnResult,
    LCDResult,  # noqa: E402
    LinkageResult,
    PolicyCoreResult,
    RubinsteinResult,
    SetterResult,
    WinSetResult,
)

_power_all = [
    "SimpleGame",
    "WeightedVotingGame",
    "CompoundGame",
    "conjunction",
    "disjunction",
    "banzhaf_index",
    "coleman_power_to_act",
    "coleman_power_to_initiate",
    "coleman_power_to_prevent",
    "decision_rule_sweep",
    "deegan_packel_index",
    "holler_index",
    "is_decisive",
    "is_proper",
    "is_strong",
    "johnston_index",
    "minimal_blocking_coalitions",
    "pivotal_players",
    "power_indices",
    "rae_index",
    "risk_of_being_outvoted",
    "shapley_shubik_index",
    "veto_players",
    "null_players",
    "dummy_players",
    "game_properties",
    "minimal_winning_coalitions",
]

__all__ = list(
    dict.fromkeys(
        [
            "__version__",
            "CoalitionsError",
            "InvalidArgumentError",
            "InvalidGameError",
            "InvalidProblemError",
            "SolverError",
            "UnknownNameError",
            "UnknownPlayerError",
            "TooLargeError",
            *_games_all,
            "read_game",
            "write_game",
            "game_from_json",
            "game_to_json",
            "Result",
            "AllocationResult",
            "ValueResult",
            *_solutions_all,
            "BalancedCollection",
            "CoreResult",
            "LeastCoreResult",
            "NucleolusResult",
            "datasets",
            "power",
            *_power_all,
            "formation",
            *_formation_all,
            "approx",
            "OracleGame",
            "EstimateResult",
            "bargaining",
            *_bargaining_all,
            "BargainingResult",
            "RubinsteinResult",
            "BaronFerejohnResult",
            "WinSetResult",
            "PolicyCoreResult",
            "SetterResult",
            "LCDResult",
            "LinkageResult",
        ]
    )
)

# analysis of models: sensitivity of conclusions to labelled assumptions
from . import analysis  # noqa: E402
from .analysis import Assumption, compare_scenarios, sensitivity  # noqa: E402
from .results import ScenarioResult, SensitivityResult  # noqa: E402

__all__ += [
    "analysis",
    "Assumption",
    "sensitivity",
    "SensitivityResult",
    "compare_scenarios",
    "ScenarioResult",
]

# worked examples (co.examples.run_case) and plots (matplotlib is imported only when drawing)
from . import examples, plot  # noqa: E402,F401
