"""Every public function, called with hostile arguments, answers or raises a CoalitionsError.

The sweep introspects ``coalitions.__all__`` and the ``__all__`` of every subpackage. Each
callable is called once with a valid base call (when it has required arguments besides the
first) and then with one argument at a time replaced by a hostile value: for the first
argument a table chosen by what it is (a TU game, a simple game, a number of players, a path,
...), for every other argument a generic table (None, a string, negative, zero, NaN, inf,
huge, empty and wrong-length lists, unknown and duplicate player names). A call passes when
it returns or raises a ``CoalitionsError`` (an ``OSError`` is accepted for a path that does
not exist or is a directory); it fails on any other exception and on a hang (a per-call
alarm). Sizes stay small except the weighted bodies of 64, 193 and 1000 members, which every
method that accepts one must handle or refuse quickly.

``KNOWN_FAILURES`` is a ratchet, empty today: an entry would name a call that fails and the
area that owns the fix. The test fails on a failure that is not listed and on a listed call
that now passes (delete its entry), so the list can only shrink.
"""

from __future__ import annotations

import importlib
import inspect
import math
from fractions import Fraction

import numpy as np
import pytest
from hostile import Hang, alarm, hostile_files, ratchet_report

import coalitions as co
from coalitions.exceptions import CoalitionsError

#: Seconds a single hostile call may take before it counts as a hang.
CALL_SECONDS = 10

MODULES = ["coalitions"] + [
    f"coalitions.{m}"
    for m in (
        "games",
        "solutions",
        "power",
        "formation",
        "bargaining",
        "approx",
        "datasets",
        "examples",
        "plot",
    )
]

#: Names that are data containers or registration helpers, not computations on user input.
SKIP = {
    "Result",
    "AllocationResult",
    "ValueResult",
    "BalancedCollection",
    "CoreResult",
    "LeastCoreResult",
    "NucleolusResult",
    "EstimateResult",
    "BargainingResult",
    "RubinsteinResult",
    "BaronFerejohnResult",
    "DynamicBargainingResult",
    "WinSetResult",
    "PolicyCoreResult",
    "SetterResult",
    "LCDResult",
    "LinkageResult",
    "KernelResult",
    "LorenzResult",
    "BargainingSetResult",
    "DesignResult",
    "WeightednessResult",
    "DesirabilityResult",
    "HomogeneityResult",
    "InversePowerResult",
    "InteractionResult",
    "SolutionSensitivityResult",
    "TwoLevelResult",
    "SchellingResult",
    "VetoOfferResult",
    "VetoThreatResult",
    "BlocGainsResult",
    "StableBlocStructuresResult",
    "BlocStabilityResult",
    "StrategicForm",  # what read_nfg returns: a record, built by the reader only
    "ValueOracle",
    "Case",
    "Report",
    "Section",
    "register",
    "script_main",
    "Body",
}


def public_callables() -> dict[str, object]:
    found: dict[str, object] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if name in SKIP or not callable(obj) or name in found:
                continue
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            if any(obj is other for other in found.values()):
                continue
            label = (
                name
                if module_name == "coalitions" or not hasattr(co, name) or getattr(co, name) is obj
                else f"{module_name.split('.')[-1]}.{name}"
            )
            found[label] = obj
    return found


# --------------------------------------------------------------------------- fixtures


def tu3():
    return co.TUGame([0, 1, 1, 4, 1, 3, 3, 6], players=["A", "B", "C"])


def float3():
    return tu3().to_float()


def wvg(n, weight=1):
    return co.WeightedVotingGame(n * weight // 2 + 1, [weight] * n)


def hedonic3():
    return co.HedonicGame.additively_separable(
        [[0, 2, -1], [2, 0, 1], [-1, 1, 0]], players=["a", "b", "c"]
    )


def spatial():
    return co.SpatialModel({"a": [0.0], "b": [1.0], "c": [0.5]}, [0.8])


def spatial2():
    return co.SpatialModel(
        {"a": [0.0, 0.0], "b": [1.0, 0.0], "c": [0.5, 1.0]}, [0.5, 0.2], decision_rule="majority"
    )


def linkage():
    return co.IssueLinkageModel(
        {
            "C": {
                "A": {"type": "linear", "slope": 1},
                "B": {"type": "quadratic", "ideal": 1, "salience": 2},
            },
            "D": {
                "A": {"type": "linear", "slope": 2},
                "B": {"type": "quadratic", "ideal": 0.1, "salience": 8},
            },
        },
        status_quo={"A": 0, "B": 0},
    )


def problem():
    return co.BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]], disagreement=[0, 0])


def big_weights(n):
    return co.WeightedVotingGame(n * 10**18 // 2 + 1, [10**18] * n)


class Unpicklable:
    def __repr__(self):
        return "<object>"


def _generic():
    """Hostile stand-ins for any argument."""
    return {
        "None": None,
        "str": "nonsense",
        "neg": -1,
        "zero": 0,
        "nan": math.nan,
        "inf": math.inf,
        "huge": 10**300,
        "hugefloat": 1e300,
        "empty": [],
        "list-nan": [math.nan, 1.0, 2.0],
        "list-str": ["x", "y", "z"],
        "list-long": [1] * 7,
        "names-unknown": [["A", "Z"]],
        "names-dup": [["A", "A"]],
        "object": Unpicklable(),
        "bool": True,
        "frac": Fraction(1, 3),
    }


def _games():
    return {
        "None": None,
        "str": "game",
        "int": 3,
        "list": [0, 1, 1, 2],
        "dict": {"A": 1},
        "tu0": co.TUGame([0]),
        "tu1": co.TUGame([0, 5]),
        "tu3-float": float3(),
        "tu3-exact": tu3(),
        "tu-1e18": co.TUGame([0, 10**18, 10**18, 3 * 10**18]),
        "tu-1e300": co.TUGame([0.0, 1e300, 1e300, 1e308]),
        "tu-negative": co.TUGame([0, -5, -5, -20]),
        "tu-symbolic": co.TUGame([0, 0, 0, __import__("sympy").Symbol("a")]),
        "wvg3": co.WeightedVotingGame(2, [1, 1, 1]),
        "wvg64": wvg(64),
        "wvg193": wvg(193),
        "wvg1000": wvg(1000),
        "wvg-1e18": big_weights(3),
        "wvg64-1e18": big_weights(64),
        "simple": co.SimpleGame(["A", "B"], minimal_winning=[["A"]]),
        "oracle": co.OracleGame(lambda s: float(len(s)), ["A", "B", "C"]),
        "hedonic": hedonic3(),
        "spatial": spatial(),
    }


def _counts():
    return {
        "None": None,
        "neg": -1,
        "zero": 0,
        "one": 1,
        "half": 2.5,
        "nan": math.nan,
        "inf": math.inf,
        "str": "3",
        "bool": True,
        "huge": 10**6,
        "list": [1, 2],
    }


def _players():
    return {
        "None": None,
        "empty": [],
        "dup": ["a", "a"],
        "blank": [""],
        "none-name": [None],
        "int-names": [1, 2],
        "str": "abc",
        "neg": -1,
        "zero": 0,
        "half": 2.5,
        "thousand": [f"p{i}" for i in range(1000)],
        "nested": [["a"], ["b"]],
    }


def _numbers():
    return {
        "None": None,
        "neg": -1,
        "zero": 0,
        "nan": math.nan,
        "inf": math.inf,
        "ninf": -math.inf,
        "huge": 10**300,
        "hugefloat": 1e300,
        "str": "10",
        "bad-str": "ten",
        "list": [1],
        "frac": Fraction(7, 3),
        "bool": True,
    }


def _vectors():
    return {
        "None": None,
        "empty": [],
        "nan": [math.nan, 1.0],
        "inf": [math.inf, 1.0],
        "str": ["a", "b"],
        "none": [None, None],
        "neg": [-1, -2, -3],
        "huge": [1e308, 1e308, 1e308],
        "long": list(range(1, 1001)),
        "scalar": 3,
        "text": "123",
        "nested": [[1, 2], [3]],
        "int-1e18": [10**18] * 3,
        "1e30": [10**30, 1, 1],
    }


def _documents():
    return {
        "None": None,
        "list": [1],
        "empty": {},
        "str": "tu",
        "no-values": {"type": "tu"},
        "bad-type": {"type": "nonsense"},
        "bad-quota": {"type": "weighted", "quota": "x", "weights": [1]},
        "nan": {"type": "tu", "values": [0, float("nan")]},
        "huge-players": {"type": "tu", "players": [str(i) for i in range(40)], "values": [0, 1]},
        "version": {"type": "tu", "version": 99, "values": [0, 1]},
    }


def _names():
    return {
        "None": None,
        "unknown": "nonexistent",
        "empty": "",
        "int": 3,
        "path": "../../etc/passwd",
        "list": ["glove"],
    }


def _bimatrices():
    return {
        "None": None,
        "empty": [],
        "nan": [[math.nan, 1], [1, 1]],
        "ragged": [[1, 2], [3]],
        "str": "ab",
        "inf": [[math.inf, 0], [0, 1]],
        "3d": [[[1]]],
    }


FIRST_KIND = {
    "game": _games,
    "cost_game": _games,
    "dividends": _games,
    "n": _counts,
    "players": _players,
    "left": _players,
    "estate": _numbers,
    "costs": _vectors,
    "weights": _vectors,
    "values": _vectors,
    "quota": _numbers,
    "document": _documents,
    "name": _names,
    "a": _bimatrices,
    "discount_factors": _numbers,
    "year": _counts,
    "unit": _names,
    "value": _numbers,
    "points": _vectors,
    "polygon": _vectors,
    "probabilities": _vectors,
    "coverage": _vectors,
    "quotas": _vectors,
    "indices": _documents,
    "ideal_points": _documents,
    "utilities": _documents,
    "spec": _documents,
    "kind": _names,
    "rule": _names,
    "operator": _names,
    "figure": _generic,
    "function": _generic,
    "model": _games,
    "problem": _games,
}


def _base_calls():
    """Valid calls: ``name -> (args, kwargs)`` for callables whose arguments other than the
    first are fuzzed too (the first argument of each is replaced by its kind's table)."""
    g = tu3()
    return {
        "semivalue": ((g, [Fraction(1, 4)] * 3), {}),
        "owen_value": ((g, [["A", "B"]]), {}),
        "banzhaf_owen_value": ((g, [["A", "B"]]), {}),
        "owen_index": ((co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"]), [["A", "B"]]), {}),
        "banzhaf_owen_index": (
            (co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"]), [["A", "B"]]),
            {},
        ),
        "union_public_good_index": (
            (co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"]), [["A", "B"]]),
            {},
        ),
        "solidarity_public_good_index": (
            (co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"]), [["A", "B"]]),
            {},
        ),
        "threat_public_good_index": (
            (co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"]), [["A", "B"]]),
            {"threat": 3},
        ),
        "myerson_value": ((g, [("A", "B")]), {}),
        "graph_restricted_game": ((g, [("A", "B")]), {}),
        "aumann_dreze_value": ((g, [["A", "B"], ["C"]]), {}),
        "coalition_structure_value": ((g, [["A", "B"], ["C"]]), {}),
        "structure_core": ((g, [["A", "B"], ["C"]]), {}),
        "is_stable_structure": ((g, [["A", "B"], ["C"]]), {}),
        "is_in_structure_core": ((g, [["A", "B"], ["C"]], [3, 1, 2]), {}),
        "propensity_to_disrupt": ((g, [2, 2, 2]), {}),
        "max_excess": ((g, [2, 2, 2]), {}),
        "is_efficient": ((g, [2, 2, 2]), {}),
        "is_imputation": ((g, [2, 2, 2]), {}),
        "is_in_core": ((g, [2, 2, 2]), {}),
        "is_in_least_core": ((g, [2, 2, 2]), {}),
        "is_individually_rational": ((g, [2, 2, 2]), {}),
        "is_nucleolus": ((g, [2, 2, 2]), {}),
        "is_prenucleolus": ((g, [2, 2, 2]), {}),
        "is_in_kernel": ((g, [2, 2, 2]), {}),
        "is_lorenz_maximal": ((g, [2, 2, 2]), {}),
        "is_in_prekernel": ((g, [2, 2, 2]), {}),
        "maximum_surpluses": ((g, [2, 2, 2]), {}),
        "bargaining_set": ((g, [2, 2, 2]), {}),
        "kernel": ((g,), {"method": "transfer"}),
        "subgame": ((g, ["A", "B"]), {}),
        "scaled_game": ((g, 2), {}),
        "shapley_value": ((g,), {"method": "exact"}),
        "banzhaf_value": ((g,), {"normalized": True}),
        "tau_value": ((g,), {"atol": 1e-9}),
        "core": ((g,), {"vertices": True}),
        "nucleolus": ((g,), {"method": "sequential"}),
        "optimal_coalition_structure": ((g,), {"method": "dp"}),
        "random_game": ((3,), {"kind": "exact", "low": 0, "high": 5}),
        "unanimity_game": ((["A", "B", "C"], ["A", "B"]), {"value": 2}),
        "veto_council": ((5, 10, 9), {}),
        "majority_game": ((["A", "B", "C"], 2), {}),
        "symmetric_game": ((3, [0, 1, 2, 4]), {}),
        "glove_game": ((["L"], ["R1", "R2"]), {}),
        "airport_game": (([1, 2, 3],), {"players": ["a", "b", "c"]}),
        "bankruptcy_game": ((10, [4, 5, 6]), {"players": ["a", "b", "c"]}),
        "additive_game": (([1, 2, 3],), {"players": ["a", "b", "c"]}),
        "proportional_rule": ((10, [4, 5, 6]), {}),
        "constrained_equal_awards": ((10, [4, 5, 6]), {}),
        "constrained_equal_losses": ((10, [4, 5, 6]), {}),
        "talmud_rule": ((10, [4, 5, 6]), {}),
        "claims_rule": ((10, [4, 5, 6], "cea"), {}),
        "WeightedVotingGame": ((2, [1, 1, 1]), {"players": ["a", "b", "c"]}),
        "TUGame": (([0, 1, 1, 3],), {"players": ["a", "b"]}),
        "set_partitions": ((["a", "b", "c"],), {"max_partitions": 10}),
        "pivotal_players": ((co.WeightedVotingGame(2, [1, 1, 1]), ["1", "2"]), {}),
        "power_indices": ((co.WeightedVotingGame(2, [1, 1, 1]), ["banzhaf"]), {}),
        "shapley_shubik_index": ((co.WeightedVotingGame(2, [1, 1, 1]),), {"method": "exact"}),
        "banzhaf_index": ((co.WeightedVotingGame(2, [1, 1, 1]),), {"method": "exact"}),
        "decision_rule_sweep": ((co.WeightedVotingGame(2, [1, 1, 1]), [1, 2, 3]), {}),
        "capped_proportional_rule": ((100, [50, 30, 20], [40, 100, 100]), {}),
        "minimal_winning_coalitions": ((3, [1, 2, 3]), {"players": ["a", "b", "c"]}),
        "minimum_weight_coalitions": ((3, [1, 2, 3]), {"players": ["a", "b", "c"]}),
        "minimal_connected_winning_coalitions": ((3, [1, 2, 3]), {"order": ["3", "1", "2"]}),
        "is_core_stable": ((hedonic3(), [["a", "b"], ["c"]]), {}),
        "is_nash_stable": ((hedonic3(), [["a", "b"], ["c"]]), {}),
        "is_individually_stable": ((hedonic3(), [["a", "b"], ["c"]]), {}),
        "is_contractually_individually_stable": ((hedonic3(), [["a", "b"], ["c"]]), {}),
        "hedonic_stability": ((hedonic3(), [["a", "b"], ["c"]]), {}),
        "hedonic_potential": ((hedonic3(), [["a", "b"], ["c"]]), {}),
        "best_response_dynamics": (
            (hedonic3(), [["a"], ["b"], ["c"]]),
            {"rule": "nash", "max_rounds": 10},
        ),
        "HedonicGame": (([[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0]],), {"players": ["a", "b"]}),
        "linear_quadratic_model": ((5,), {"b": 1, "c": 1}),
        "PartitionFunctionGame": ((lambda s, p: len(s) + len(p), ["a", "b"]), {}),
        "partition_stability": (
            (co.PartitionFunctionGame.cournot(3), [["1", "2"], ["3"]]),
            {"atol": 1e-9},
        ),
        "stable_partitions": ((co.PartitionFunctionGame.cournot(3),), {"rule": "open-membership"}),
        "chander_tulkens_allocation": ((co.PartitionFunctionGame.climate(3),), {}),
        "barrett_model": ((5,), {"a": 100, "b": 1, "c": 1}),
        "weighted_representation": ((co.WeightedVotingGame(3, [2, 1, 1]),), {}),
        "jagiellonian_compromise": (({"a": 100, "b": 400, "c": 900},), {}),
        "desirability": ((co.WeightedVotingGame(3, [2, 1, 1]),), {}),
        "homogeneous_representation": ((co.WeightedVotingGame(3, [2, 1, 1]),), {}),
        "inverse_power": (([3, 1, 1, 1],), {"index": "shapley-shubik", "budget": 50}),
        "interaction_index": ((tu3(),), {"kind": "banzhaf"}),
        "agreement_stability": ((co.linear_quadratic_model(5),), {"indifferent": "join"}),
        "is_internally_stable": ((co.linear_quadratic_model(5), 3), {}),
        "is_externally_stable": ((co.linear_quadratic_model(5), 3), {"indifferent": "join"}),
        "club_efficiency": (({"a": 0.5, "b": 1}, ["a"]), {}),
        "club_coverage": (({"a": 10, "b": 25}, ["a"]), {}),
        "club_frontier": (({"a": 0.5, "b": 0.9}, {"a": 10, "b": 25}), {"max_points": 100}),
        "nash_solution": ((problem(),), {"weights": [1, 2]}),
        "bargaining_solution": ((problem(),), {"method": "nash"}),
        "rubinstein": (([0.9, 0.8],), {}),
        "baron_ferejohn": ((5,), {"discount_factors": Fraction(9, 10)}),
        "bargaining_problem_from_game": (([[3, 0], [5, 1]], [[3, 5], [0, 1]]), {}),
        "maxmin_values": (([[3, 0], [5, 1]], [[3, 5], [0, 1]]), {}),
        "SpatialModel": (({"a": [0.0], "b": [1.0]}, [0.5]), {"decision_rule": "unanimity"}),
        "win_set": ((spatial2(),), {"resolution": 50}),
        "in_win_set": ((spatial(), [0.6]), {}),
        "setter_outcome": ((spatial(), "a"), {}),
        "package_win_set": ((linkage(),), {"resolution": 20, "samples": 200, "rng": 0}),
        "linkage_analysis": (
            (linkage(),),
            {"blocker": "C", "linked_issue": "A", "demand_issue": "B"},
        ),
        "decision_rule_game": (("majority", ("a", "b", "c")), {}),
        "shapley_estimate": ((float3(),), {"budget": 100, "rng": 0}),
        "banzhaf_estimate": ((float3(),), {"budget": 100, "rng": 0}),
        "OracleGame": ((lambda s: float(len(s)), ["a", "b"]), {}),
        "eu_council": ((2020, "qmv"), {}),
        "cyprus_belarus_model": (("blocs", "unanimity"), {}),
        "convex_hull": (([(0, 0), (1, 0), (0, 1)],), {}),
        "clip_half_plane": (([(0, 0), (2, 0), (2, 2), (0, 2)], (1, 1), 3), {}),
        "imputation_simplex": ((tu3(),), {"points": {"x": [2, 2, 2]}}),
        "core_3d": ((co.glove_game(["L"], ["R1", "R2", "R3"]),), {"points": {"x": [1, 0, 0, 0]}}),
        "polytope_faces": (([(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)],), {}),
        "lorenz_points": (([1, 2, 3],), {}),
        "lorenz_curves": (({"x": [1, 2, 3]},), {}),
        "claims_paths": ((3, [1, 2]), {"rules": ("cea",)}),
        "power_index_bars": (({"SS": {"a": 0.5, "b": 0.5}},), {"log": False}),
        "legitimacy_efficiency_curves": (([1, 2, 3], [0.5, 0.25, 0.125]), {}),
        "win_set_diagram": (({"A": (0, 0), "B": (4, 0)}, (2, -3)), {}),
        "acceptance_sets_diagram": (({"US": [(0, 4)], "EU": [(0, 20)]}, 0), {}),
        "policy_function_diagram": (([0, 0.5, 1], {"A": [0, 0, 0.5]}), {"long_run": [0, 1, 0]}),
        "k_cover": ((tu3(), 2), {}),
        "is_k_convex": ((tu3(), 2), {}),
        "bargaining_frontier": ((), {"disagreement": (0, 0), "feasible": [(0, 0), (1, 0), (0, 1)]}),
        "CompoundGame": (
            ("and", [co.WeightedVotingGame(2, [1, 1, 1]), co.WeightedVotingGame(1, [1, 1, 1])]),
            {},
        ),
        "IssueUtility": (({"type": "linear", "slope": 1},), {}),
        "sensitivity": (
            (lambda x: {"y": x, "high": x > 0.5}, [co.Assumption("x", 0.5, 0, 1)]),
            {"samples": 8, "sweep_points": 3, "rng": 0},
        ),
        "Assumption": (("x", 0.5, 0, 1), {"description": "d", "source": "s"}),
        "solution_sensitivity": ((tu3(),), {"spread": 0.1, "n_samples": 20, "rng": 0}),
        "tornado": (
            (
                co.sensitivity(
                    lambda x: {"y": x}, [co.Assumption("x", 0.5, 0, 1)], samples=8, rng=0
                ),
                "y",
            ),
            {"title": "t"},
        ),
        "scenario_bars": (
            (co.compare_scenarios({"a": 1, "b": 2}, {"m": lambda v: v}), "m"),
            {"title": "t"},
        ),
        "outside_option_bargaining": ((0.9, [0, 0.6]), {"players": ["a", "b"], "surplus": 2}),
        "dynamic_bargaining": (
            ({"a": 0.2, "b": 0.5, "c": 0.9},),
            {"veto": ["a"], "status_quo": 0.9, "policies": 11},
        ),
        "long_run_distribution": (([[1.0, 0.0], [0.5, 0.5]],), {"start": 1}),
        "decisiveness": ((co.WeightedVotingGame(3, [2, 1, 1]), 0.5), {"budget": 100, "rng": 0}),
        "success": ((co.WeightedVotingGame(3, [2, 1, 1]), 0.5), {"budget": 100, "rng": 0}),
        "shapley_owen_value": (({"a": (0, 0), "b": (1, 0), "c": (0, 1)},), {}),
        "bloc_gains": ((co.WeightedVotingGame(3, [2, 1, 1]),), {}),
        "stable_bloc_structures": ((co.WeightedVotingGame(3, [2, 1, 1]),), {}),
        "bloc_structure_stability": (
            (co.WeightedVotingGame(3, [2, 1, 1]), [["1", "2"], ["3"]]),
            {},
        ),
        "egalitarian_shapley_value": ((tu3(), 0.5), {}),
        "compare_scenarios": (
            ({"a": co.WeightedVotingGame(2, [1, 1, 1]), "b": co.WeightedVotingGame(3, [1, 1, 1])},),
            {"metrics": {"act": co.coleman_power_to_act}, "baseline": "b"},
        ),
        "BargainingProblem": (
            ("polytope", ("a", "b"), np.zeros(2)),
            {"vertices": np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])},
        ),
        "IssueLinkageModel": (({"C": {"A": {"type": "linear", "slope": 1}}}, {"A": 0}), {}),
        "AgreementModel": ((3, lambda k: k, lambda k: k), {}),
        "SimpleGame": ((["a", "b"],), {"minimal_winning": [["a"]]}),
        "TernaryVotingGame": ((lambda y, a, n: len(y) >= 2, ["a", "b", "c"]), {}),
        "WeightedTernaryGame": ((2, [1, 1, 1], [0, 0, 0]), {"players": ["a", "b", "c"]}),
        "ternary_weighted_game": ((2, [1, 1, 1]), {"abstention": "half"}),
        "abstention_veto_game": ((2, ["a"], ["a", "b", "c"]), {}),
        "JKSimpleGame": (
            (lambda x: int(x["a"] + x["b"] >= 2), ["a", "b"]),
            {"levels": 3, "outputs": 2},
        ),
        "WeightedJKGame": (([[0, 1, 2], [0, 1, 1]], [2]), {"players": ["a", "b"]}),
        "write_game": ((tu3(), "game.json"), {}),
        "write_epic_weights": ((co.WeightedVotingGame(2, [1, 1, 1]), "weights.csv"), {}),
        "write_nfg": (([[1, 0], [0, 1]], [[0, 1], [1, 0]], "game.nfg"), {}),
        "from_vector": (([0, 0, 1],), {}),
        "write_vector": ((tu3(), "vector.txt"), {}),
        "read_profile": (("profile.csv", ["A", "B", "C"]), {}),
        "write_profile": (({"A": 0.5}, "profile.csv"), {}),
    }


def _default_first(function, name: str):
    """A valid first argument for a callable without a base call, so that its other
    arguments are fuzzed too."""
    module = getattr(function, "__module__", "")
    if name == "game":
        if module.startswith(("coalitions.power", "coalitions.games.simple")):
            return lambda: co.WeightedVotingGame(2, [1, 1, 1])
        if module.startswith("coalitions.formation.hedonic"):
            return hedonic3
        if module.startswith("coalitions.approx"):
            return float3
        return float3
    if name in ("cost_game", "dividends"):
        return tu3
    if name == "model":
        if module.startswith("coalitions.formation"):
            return lambda: co.linear_quadratic_model(5)
        if module.startswith("coalitions.bargaining.linkage"):
            return linkage
        return spatial
    if name == "problem":
        return problem
    return None


# --------------------------------------------------------------------------- calling


def outcome(function, args, kwargs, *, path_argument: bool = False) -> str | None:
    """None if the call answers or raises a CoalitionsError, else what went wrong."""
    try:
        with alarm(CALL_SECONDS):
            function(*args, **kwargs)
    except CoalitionsError:
        return None
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as error:
        return None if path_argument else f"{type(error).__name__}: {str(error)[:120]}"
    except Hang as error:
        return f"hang: {error}"
    except SystemExit as error:
        return f"SystemExit({error.code})"
    except Exception as error:
        return f"{type(error).__name__}: {str(error)[:120]}"
    return None


def hostile_calls(label: str, function, tmp_path):
    """``(case label, args, kwargs, is_path)`` for every hostile call of ``function``."""
    name = label.split(".")[-1]
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return
    params = [p for p in signature.parameters.values() if p.kind not in (p.VAR_KEYWORD,)]
    base = _base_calls().get(name)
    if name == "save_figure":
        base = ((co.plot.power_index_bars({"SS": {"a": 0.5}}), "figure.png"), {})
    if base is None:
        if not params:
            yield "()", (), {}, False
            return
        default = _default_first(function, params[0].name)
        base = ((default(),), {}) if default is not None else ((), {})
    args, kwargs = base
    first = params[0] if params else None
    if first is not None and first.kind == first.VAR_POSITIONAL:
        for key, value in _games().items():
            yield f"*games=({key},)", (value,), {}, False
        yield "*games=(tu3, wvg3)", (tu3(), co.WeightedVotingGame(2, [1, 1, 1])), {}, False
        yield "*games=(tu3, tu1)", (tu3(), co.TUGame([0, 1])), {}, False
        yield "*games=()", (), {}, False
        return
    if args or kwargs:
        yield "base", args, kwargs, False
    # the first argument, from its kind's table
    if first is not None and first.kind != first.KEYWORD_ONLY:
        table = (
            hostile_files(tmp_path / "files")
            if first.name == "path"
            else FIRST_KIND.get(first.name, _generic)()
        )
        for key, value in table.items():
            rest = args[1:] if args else ()
            yield f"{first.name}={key}", (value, *rest), kwargs, first.name == "path"
    # every other parameter (and a keyword-only first one), from the generic table
    generic = _generic()
    has_first = bool(args) or (
        first is not None and (first.default is not first.empty or first.name in kwargs)
    )
    for position, param in enumerate(params):
        if param.kind == param.VAR_POSITIONAL or (
            position == 0 and param.kind != param.KEYWORD_ONLY
        ):
            continue
        if (
            position >= len(args)
            and param.kind != param.KEYWORD_ONLY
            and param.default is param.empty
        ):
            continue  # required but no base call: nothing to vary
        if not has_first:
            continue  # no valid first argument to go with it
        for key, value in generic.items():
            if param.kind == param.KEYWORD_ONLY or position >= len(args):
                yield (
                    f"{param.name}={key}",
                    args,
                    {**kwargs, param.name: value},
                    param.name == "path",
                )
            else:
                new = list(args)
                new[position] = value
                yield f"{param.name}={key}", tuple(new), kwargs, param.name == "path"


FUNCTIONS = public_callables()

#: Arguments whose hostile values fail today: ``"function[argument]": (owner, how many of the
#: hostile values fail, first failure)``. Empty since issue 11 was finished: every hostile call
#: answers or raises a CoalitionsError. Keep it empty (fix a new failure where it arises); the
#: strict check stays so that an entry added for a while can only shrink.
KNOWN_FAILURES: dict[str, tuple[str, int, str]] = {}


@pytest.mark.parametrize("label", sorted(FUNCTIONS))
def test_hostile_arguments_answer_or_raise_a_coalitions_error(label, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    function = FUNCTIONS[label]
    failures: dict[str, dict[str, str]] = {}
    for case, args, kwargs, is_path in hostile_calls(label, function, tmp_path):
        problem_ = outcome(function, args, kwargs, path_argument=is_path)
        if problem_ is not None:
            argument = case.split("=", 1)[0]
            failures.setdefault(f"{label}[{argument}]", {})[case] = problem_
    report = ratchet_report(label, failures, KNOWN_FAILURES)
    assert not report, "hostile calls that escape without a CoalitionsError:\n" + "\n".join(report)


def test_known_failures_name_real_arguments():
    for key in KNOWN_FAILURES:
        label, argument = key[:-1].split("[", 1)
        assert label in FUNCTIONS, key
        names = {p.name for p in inspect.signature(FUNCTIONS[label]).parameters.values()}
        assert argument.lstrip("*") in names or argument == "base", key


def test_the_sweep_reaches_every_public_callable(tmp_path):
    # a callable the sweep cannot call at all would pass vacuously
    silent = [
        label
        for label, function in FUNCTIONS.items()
        if not list(hostile_calls(label, function, tmp_path))
    ]
    assert not silent
    assert len(FUNCTIONS) > 150
