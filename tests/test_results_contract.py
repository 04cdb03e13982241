"""One contract for every result type (coalitions/results.py).

Each result class gets a factory that builds a real instance through the public API; a class
without a factory fails ``test_every_result_class_has_a_factory``, so a new result type
inherits the contract as soon as it exists.
"""

import json
import re
from collections.abc import Mapping
from fractions import Fraction

import numpy as np
import pytest

import coalitions as co
from coalitions import results

LABEL = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
GLOVE = co.glove_game(["L"], ["R1", "R2"])
UNSC = co.datasets.un_security_council()
EEC = co.datasets.eec_council_1958()


def _hedonic():
    from coalitions.formation import HedonicGame

    return HedonicGame.additively_separable(
        [[0, 2, -1], [2, 0, 1], [-1, 1, 0]], players=["a", "b", "c"]
    )


def _spatial():
    return co.SpatialModel({"A": 2, "B": 4, "C": 5, "D": 7, "E": 9}, status_quo=0)


FACTORIES = {
    "ValueResult": lambda: co.shapley_value(GLOVE),
    "EstimateResult": lambda: co.shapley_value(
        GLOVE.to_float(), method="permutation", budget=600, rng=0
    ),
    "PowerIndexResult": lambda: co.shapley_shubik_index(UNSC),
    "PowerToActResult": lambda: co.coleman_power_to_act(UNSC),
    "PivotalResult": lambda: co.pivotal_players(UNSC, UNSC.players[:9]),
    "PowerTableResult": lambda: co.power_indices(EEC, ["shapley_shubik", "banzhaf"]),
    "SweepResult": lambda: co.decision_rule_sweep(EEC),
    "CoalitionStructureResult": lambda: co.optimal_coalition_structure(co.majority_game(3)),
    "StructureCoreResult": lambda: co.structure_core(co.majority_game(3), [["1", "2"], ["3"]]),
    "HedonicStabilityResult": lambda: co.hedonic_stability(_hedonic(), [["a", "b"], ["c"]]),
    "DynamicsResult": lambda: co.best_response_dynamics(_hedonic()),
    "AgreementStabilityResult": lambda: co.agreement_stability(co.linear_quadratic_model(6)),
    "WinningCoalitionsResult": lambda: co.minimal_winning_coalitions(EEC),
    "ClubFrontierResult": lambda: co.club_frontier(
        [0.9, 0.5, 0.7], [3, 1, 2], players=["a", "b", "c"]
    ),
    "BargainingResult": lambda: co.nash_solution(
        co.BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]])
    ),
    "RubinsteinResult": lambda: co.rubinstein([Fraction(9, 10), Fraction(9, 10)]),
    "BaronFerejohnResult": lambda: co.baron_ferejohn(5, discount_factors=Fraction(9, 10)),
    "WinSetResult": lambda: co.win_set(_spatial()),
    "PolicyCoreResult": lambda: co.policy_core(_spatial()),
    "SetterResult": lambda: co.setter_outcome(_spatial(), "E"),
    "LCDResult": lambda: co.lcd_outcome(_spatial()),
    "LinkageResult": lambda: co.linkage_analysis(
        co.bargaining.cases.cyprus_belarus_model(),
        blocker="CY",
        linked_issue="belarus_listing",
        demand_issue="turkey_response",
    ),
    "BalancedCollection": lambda: co.core(co.majority_game(3)).certificate,
    "CoreResult": lambda: co.core(GLOVE),
    "LeastCoreResult": lambda: co.least_core(co.majority_game(3)),
    "NucleolusResult": lambda: co.nucleolus(co.bankruptcy_game(200, [100, 200, 300])),
    "ScenarioResult": lambda: co.compare_scenarios(
        {"3": co.WeightedVotingGame(2, [1, 1, 1]), "2": co.WeightedVotingGame(2, [1, 1])},
        {"act": co.coleman_power_to_act, "SS": co.shapley_shubik_index},
    ),
    "PolytopeResult": lambda: co.core_cover(co.bankruptcy_game(200, [100, 200, 300])),
    "OutsideOptionResult": lambda: co.outside_option_bargaining(0.9, [0, 0.6]),
    "PartitionStabilityResult": lambda: co.partition_stability(
        co.PartitionFunctionGame.cournot(3), [["1", "2"], ["3"]]
    ),
    "StablePartitionsResult": lambda: co.stable_partitions(co.PartitionFunctionGame.climate(5)),
    "SequentialFormationResult": lambda: co.sequential_formation(
        co.PartitionFunctionGame.cournot(6)
    ),
    "DynamicBargainingResult": lambda: co.dynamic_bargaining(
        {"V": 0.2, "M": 0.5, "R": 0.9}, veto=["V"], status_quo=0.9, policies=11
    ),
    "WeightednessResult": lambda: co.weighted_representation(co.WeightedVotingGame(3, [2, 1, 1])),
    "DesignResult": lambda: co.jagiellonian_compromise({"a": 100, "b": 400, "c": 900}),
    "DesirabilityResult": lambda: co.desirability(EEC),
    "HomogeneityResult": lambda: co.homogeneous_representation(EEC),
    "InversePowerResult": lambda: co.inverse_power([3, 1, 1, 1]),
    "InteractionResult": lambda: co.interaction_index(GLOVE),
    "SensitivityResult": lambda: co.sensitivity(
        lambda w: {"share": w, "larger": w > 0.5}, [co.Assumption("w", 0.5, 0, 1)], samples=8, rng=0
    ),
    "SolutionSensitivityResult": lambda: co.solution_sensitivity(
        GLOVE, intervals={("L", "R1"): (0, 2)}, n_samples=8, rng=0
    ),
    "KernelResult": lambda: co.kernel(GLOVE),
    "LorenzResult": lambda: co.lorenz_solution(co.TUGame([0, 0, 0, 6, 0, 1, 1, 8])),
    "TwoLevelResult": lambda: co.two_level_win_set(
        {"US": 4, "EU": 10}, 0, ratifiers={"US": [Fraction(5, 2)]}
    ),
    "SchellingResult": lambda: co.schelling_curve(
        {"US": 4, "EU": 10}, 0, country="US", ratifier="Senate", ideal_points=[2, 3]
    ),
    "VetoOfferResult": lambda: co.setter_offer(1, 0, [Fraction(1, 4), Fraction(1, 2), 1]),
    "VetoThreatResult": lambda: co.veto_threat_equilibria(1, 0, [0, Fraction(1, 4), 1]),
    "BargainingSetResult": lambda: co.bargaining_set(
        co.majority_game(3), [Fraction(1, 2), Fraction(1, 2), 0]
    ),
    "BlocGainsResult": lambda: co.bloc_gains(co.WeightedVotingGame(3, [2, 1, 1])),
    "StableBlocStructuresResult": lambda: co.stable_bloc_structures(co.majority_game(3)),
    "BlocStabilityResult": lambda: co.bloc_structure_stability(
        co.majority_game(3), [["1"], ["2"], ["3"]]
    ),
}

#: Result classes that are bases, not returned by any solver.
BASES = {"Result", "AllocationResult"}


def result_classes():
    return {
        name: cls
        for name, cls in vars(results).items()
        if isinstance(cls, type) and issubclass(cls, results.Result)
    }


def test_every_result_class_has_a_factory():
    missing = set(result_classes()) - BASES - set(FACTORIES)
    assert not missing, f"add a factory for {sorted(missing)}"


@pytest.fixture(scope="module", params=sorted(FACTORIES))
def built(request):
    result = FACTORIES[request.param]()
    assert type(result).__name__ == request.param
    return result


def test_fields(built):
    for name in ("players", "exact", "concept", "method", "success", "status", "message"):
        assert hasattr(built, name), name
    assert isinstance(built.players, tuple)
    assert isinstance(built.exact, bool)
    assert built.success is (built.status == 0)
    assert hasattr(built, "x") or hasattr(built, "value")


def test_labels_have_one_spelling(built):
    for name in ("concept", "method"):
        label = getattr(built, name)
        assert label == "" or LABEL.match(label), f"{name}={label!r}: lowercase words with -"
    assert built.concept, "every result names its concept"


def test_one_entry_per_player_makes_a_mapping(built):
    x = getattr(built, "x", None)
    if x is None or len(x) != len(built.players) or not built.players:
        assert not isinstance(built, Mapping)
        return
    assert isinstance(built, Mapping)
    assert list(built) == list(built.players)
    assert dict(built) == dict(zip(built.players, list(x)))
    assert built[built.players[-1]] is x[-1] or built[built.players[-1]] == x[-1]
    with pytest.raises(co.UnknownPlayerError):
        built["no such player"]
    with pytest.raises(KeyError):  # UnknownPlayerError is a KeyError too
        built["no such player"]
    assert "no such player" not in built
    with pytest.raises(AttributeError):  # frozen: dataclasses.FrozenInstanceError
        built.x = None


def test_to_dict_is_json_ready_with_one_exact_encoding(built):
    document = json.loads(json.dumps(built.to_dict()))
    for name in ("concept", "method", "exact", "success", "status", "message", "players"):
        assert name in document
    assert "x" in document or "value" in document
    if isinstance(built, Mapping):
        assert list(document["x"]) == list(built.players)
        for player, entry in zip(built.players, document["x"].values()):
            value = built[player]
            if isinstance(value, Fraction) and value.denominator != 1:
                assert entry == f"{value.numerator}/{value.denominator}"


def test_array_protocol(built):
    headline = getattr(built, "x", None)
    if headline is None:
        headline = built.value
    array = np.asarray(built)
    assert array.shape == np.shape(np.asarray(headline, dtype=object))


def test_repr_is_short_and_readable(built):
    text = repr(built)
    assert text.startswith(type(built).__name__ + "(")
    assert len(text) < 400, text
    assert not re.search(r"\d{9,}", text), f"long numbers in a default repr: {text}"
    assert "Fraction(" not in text
    assert f"exact={built.exact}" in text


def test_a_large_allocation_repr_stays_short():
    body = co.WeightedVotingGame(97, [1] * 193)
    text = repr(co.banzhaf_index(body))
    assert "193 players" in text and len(text) < 400


def test_failure_sets_status_and_success_together():
    failed = results.ValueResult(
        x=np.array([np.nan]),
        players=("a",),
        concept="shapley",
        success=False,
        message="solver failed",
    )
    assert failed.status == results.FAILED and not failed.success
    assert "success=False" in repr(failed)
    limited = results.ValueResult(
        x=np.array([0.0]), players=("a",), concept="shapley", status=results.LIMIT
    )
    assert not limited.success
