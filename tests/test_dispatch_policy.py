"""The dispatch policy for ``method=`` (issue 12, item 5), checked on every public front door.

A front door is a public function decorated with ``coalitions._checks.front_door``: it lists
its choices as ``function.methods``. For each one: ``method=`` exists, is keyword-only, has a
documented default among the choices; an unknown method and an unknown keyword both raise
``InvalidArgumentError`` (the first listing the valid methods, the second naming the keywords
the function takes). ``FRONT_DOORS`` is the list the issue names, so a front door that loses
its decorator fails here.
"""

from __future__ import annotations

import inspect
import re

import pytest

import coalitions as co
from coalitions.exceptions import InvalidArgumentError

FRONT_DOORS = {
    "shapley_value",
    "banzhaf_value",
    "semivalue",
    "core",
    "least_core",
    "nucleolus",
    "prenucleolus",
    "per_capita_nucleolus",
    "tau_value",
    "gately_point",
    "owen_value",
    "banzhaf_owen_value",
    "owen_index",
    "banzhaf_owen_index",
    "myerson_value",
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
    "optimal_coalition_structure",
    "club_frontier",
    "stable_partitions",
    "mpw_value",
    "structure_core",
    "aumann_dreze_value",
    "shapley_estimate",
    "banzhaf_estimate",
    "bargaining_solution",
    "baron_ferejohn",
    "is_core_stable",
    "is_nash_stable",
    "is_individually_stable",
    "is_contractually_individually_stable",
    "hedonic_stability",
    "hedonic_potential",
    "best_response_dynamics",
    "minimum_weight_coalitions",
    "minimal_connected_winning_coalitions",
    "prekernel",
    "kernel",
    "bargaining_set",
    "chi_value",
    "proportional_value",
    "lorenz_solution",
    "solution_sensitivity",
}
#: Every public rule of the claims module is a front door too (issue 12, item 5).
FRONT_DOORS |= set(co.solutions.claims.__all__) - {"CLAIMS_RULES"}
LABEL = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def public_front_doors() -> dict[str, object]:
    found = {}
    for module in (co, co.approx):
        for name in module.__all__:
            function = getattr(module, name)
            if inspect.isfunction(function) and hasattr(function, "methods"):
                found[name] = function
    return found


FOUND = public_front_doors()
NAMES = sorted(FOUND)


def test_every_named_front_door_is_found():
    assert FRONT_DOORS <= set(FOUND), sorted(FRONT_DOORS - set(FOUND))


@pytest.mark.parametrize("name", NAMES)
def test_method_parameter_is_documented_with_a_default(name):
    function = FOUND[name]
    methods = function.methods
    assert methods and all(isinstance(m, str) and LABEL.match(m) for m in methods), methods
    assert len(set(methods)) == len(methods)
    parameter = inspect.signature(function).parameters.get("method")
    assert parameter is not None, f"{name} has no method="
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default in methods, (parameter.default, methods)
    assert len(methods) == 1 or "auto" not in methods or parameter.default == "auto"
    doc = inspect.getdoc(function)
    assert re.search(r"^method : ", doc, re.M), f"{name} does not document method="
    section = doc.split("method : ", 1)[1]
    assert (
        f'"{parameter.default}"' in section
        or f"``{parameter.default!r}``" in section
        or f'``"{parameter.default}"``' in section
    ), f"{name}: the default is not documented"


@pytest.mark.parametrize("name", NAMES)
def test_unknown_method_raises_listing_the_valid_ones(name):
    function = FOUND[name]
    with pytest.raises(InvalidArgumentError) as error:
        function(None, method="no-such-method")
    message = str(error.value)
    assert name in message and "no-such-method" in message
    for method in function.methods:
        assert repr(method) in message


@pytest.mark.parametrize("name", NAMES)
def test_unknown_keyword_raises_naming_the_keywords_taken(name):
    function = FOUND[name]
    with pytest.raises(InvalidArgumentError) as error:
        function(None, no_such_option=1)
    message = str(error.value)
    assert "no_such_option" in message and "method" in message


def test_a_typo_in_a_keyword_gets_a_did_you_mean():
    with pytest.raises(InvalidArgumentError, match="did you mean 'method'"):
        co.nucleolus(co.majority_game(3), metod="sequential")
    with pytest.raises(InvalidArgumentError, match="did you mean 'exact'"):
        co.shapley_value(co.majority_game(3), method="exat")


def test_good_calls_are_unchanged():
    glove = co.glove_game(["L"], ["R1", "R2"])
    assert co.shapley_value(glove).method == "exact"
    assert (
        co.shapley_value(glove, method="auto").x.tolist()
        == co.shapley_value(glove, method="exact").x.tolist()
    )
    assert co.banzhaf_value(glove, method="auto").method == "exact"
    assert co.core(glove, method="highs").method == "highs"
    assert co.nucleolus(glove, method="sequential").x.tolist() == [1, 0, 0]
    wvg = co.WeightedVotingGame(3, [2, 1, 1])
    assert co.johnston_index(wvg, method="enumeration").method == "enumeration"


@pytest.mark.parametrize(
    "call",
    [
        lambda: co.shapley_value(co.majority_game(3), method="exact", budget=100),
        lambda: co.banzhaf_value(co.majority_game(3), method="exact", rng=1),
        lambda: co.shapley_shubik_index(co.WeightedVotingGame(3, [2, 1, 1]), budget=100),
        lambda: co.banzhaf_index(
            co.WeightedVotingGame(3, [2, 1, 1]), method="exact", executor=object()
        ),
    ],
)
def test_an_option_the_method_does_not_take_raises(call):
    with pytest.raises(InvalidArgumentError, match="does not take .*; it takes no options"):
        call()


def test_progress_is_callback_everywhere():
    calls = []
    co.prenucleolus(co.majority_game(3), callback=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (3, 3)
    for name, function in FOUND.items():
        assert "progress" not in inspect.signature(function).parameters, name
    with pytest.raises(InvalidArgumentError, match="callback must be a function"):
        co.per_capita_nucleolus(co.majority_game(3), callback=3)


def test_the_iterating_solvers_report_progress_through_callback():
    steps = []
    result = co.optimal_coalition_structure(
        co.random_game(5, rng=1), callback=lambda k, n: steps.append((k, n))
    )
    assert steps == [(k, 5) for k in range(1, 6)] and result.success
    quotas = []
    sweep = co.decision_rule_sweep(
        co.WeightedVotingGame(3, [2, 1, 1]),
        callback=lambda done, total: quotas.append((done, total)),
    )
    assert quotas == [(k, len(sweep.quotas)) for k in range(1, len(sweep.quotas) + 1)]
    for call in (
        lambda: co.optimal_coalition_structure(co.majority_game(3), callback="x"),
        lambda: co.decision_rule_sweep(co.WeightedVotingGame(2, [1, 1, 1]), callback=3),
    ):
        with pytest.raises(co.InvalidArgumentError, match="callback must be a function"):
            call()
