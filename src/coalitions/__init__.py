"""coalitions: game theory for multilateral negotiation.

Cooperative games (Shapley value, core, nucleolus), voting power of real bodies and
bargaining under veto, in one library. ``import coalitions as co``.

The public names are imported on first use (PEP 562): ``import coalitions`` itself is cheap,
so ``coalitions --help`` starts without numpy; the first ``co.<name>`` imports the library.
"""

import importlib as _importlib
from typing import Any as _Any

__version__ = "0.1.0"

#: The public API in the order of ``__all__``: (module, its names), None for the module's own
#: ``__all__``; the module "" stands for the subpackages named.
_API: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    (
        "exceptions",
        (
            "CoalitionsError",
            "InvalidArgumentError",
            "InvalidGameError",
            "InvalidProblemError",
            "SolverError",
            "UnknownNameError",
            "UnknownPlayerError",
            "TooLargeError",
        ),
    ),
    ("games", None),
    ("games.io", ("read_game", "write_game", "game_from_json", "game_to_json")),
    ("games.io", ("read_profile", "write_profile")),
    (
        "games.interop",
        (
            "from_vector",
            "to_vector",
            "read_vector",
            "write_vector",
            "read_epic_weights",
            "write_epic_weights",
            "read_nfg",
            "write_nfg",
            "StrategicForm",
        ),
    ),
    ("results", ("Result", "AllocationResult", "ValueResult")),
    ("solutions", None),
    ("results", ("BalancedCollection", "CoreResult", "LeastCoreResult", "NucleolusResult")),
    ("results", ("BargainingSetResult", "KernelResult", "LorenzResult")),
    ("", ("datasets", "power")),
    (
        "games.simple",
        (
            "SimpleGame",
            "WeightedVotingGame",
            "CompoundGame",
            "conjunction",
            "disjunction",
        ),
    ),
    ("power", None),
    ("games.ternary", ("TernaryVotingGame", "WeightedTernaryGame")),
    ("games.ternary", ("ternary_weighted_game", "abstention_veto_game")),
    ("power.ternary", ("ternary_power_to_act", "ternary_power_to_block")),
    ("power.ternary", ("ternary_power_to_initiate", "ternary_power_table")),
    ("games.jk", ("JKSimpleGame", "WeightedJKGame")),
    ("", ("formation",)),
    ("formation", None),
    ("", ("approx",)),
    ("games.oracle", ("OracleGame",)),
    ("results", ("EstimateResult",)),
    ("", ("bargaining",)),
    ("bargaining", None),
    (
        "results",
        (
            "BargainingResult",
            "RubinsteinResult",
            "BaronFerejohnResult",
            "WinSetResult",
            "PolicyCoreResult",
            "SetterResult",
            "LCDResult",
            "LinkageResult",
        ),
    ),
    # two-level games and veto threats under incomplete information
    ("results", ("TwoLevelResult", "SchellingResult", "VetoOfferResult", "VetoThreatResult")),
    ("results", ("WeightednessResult", "DesignResult", "InteractionResult")),
    # spatial voting power and bloc formation under the Owen value
    ("power", ("shapley_owen_value",)),
    ("results", ("BlocGainsResult", "StableBlocStructuresResult", "BlocStabilityResult")),
    # institutional design: desirability, homogeneity and the inverse power problem
    ("power", ("desirability", "homogeneous_representation", "inverse_power")),
    ("results", ("DesirabilityResult", "HomogeneityResult", "InversePowerResult")),
    # analysis of models: sensitivity of conclusions to labelled assumptions
    ("", ("analysis",)),
    ("analysis", ("Assumption", "sensitivity")),
    ("results", ("SensitivityResult",)),
    # dynamic bargaining with an endogenous status quo
    ("results", ("DynamicBargainingResult",)),
    ("analysis", ("compare_scenarios",)),
    ("results", ("ScenarioResult",)),
    # sensitivity of TU solutions to uncertain coalition worths
    ("analysis", ("solution_sensitivity",)),
    ("results", ("SolutionSensitivityResult",)),
)
#: Modules loaded with the API that ``__all__`` does not list: the exceptions, the worked
#: examples (``co.examples.run_case``) and plots (matplotlib is imported only when drawing).
_UNLISTED = ("exceptions", "examples", "plot")
_loading = False


def _load() -> None:
    """Import the whole API into this module (once)."""
    global _loading
    if _loading or "__all__" in globals():
        return
    _loading = True
    namespace: dict[str, _Any] = {}
    try:
        for module, names in (*_API, ("", _UNLISTED)):
            if not module:
                namespace.update(
                    (n, _importlib.import_module(f".{n}", __name__)) for n in names or ()
                )
                continue
            loaded = _importlib.import_module(f".{module}", __name__)
            namespace.update((n, getattr(loaded, n)) for n in (names or loaded.__all__))
    finally:
        _loading = False
    globals().update(namespace)
    globals()["__all__"] = ["__version__", *(n for n in namespace if n not in _UNLISTED)]


def __getattr__(name: str) -> _Any:
    # dunders are Python's questions, and a private name is a submodule being imported
    # (``from . import _numbers``): neither loads the API
    if name == "__all__" or not name.startswith("_"):
        _load()
        if name in globals():
            return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    _load()
    return sorted(globals())
