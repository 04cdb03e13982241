"""Strict bargaining, spatial and linkage documents: every malformed value is refused with its
key named."""

import json
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from coalitions.bargaining.io import FORMAT_VERSION, negotiation_from_json
from coalitions.cli.app import app
from coalitions.exceptions import InvalidProblemError

TRIANGLE = {"type": "bargaining", "feasible": {"vertices": [[0, 0], [4, 0], [0, 2]]}}
PIE = {"type": "bargaining", "feasible": {"surplus": 1, "utilities": ["x", "sqrt(x)"]}}
LINE = {"type": "spatial", "ideal_points": {"A": 2, "B": 4, "C": 5}, "status_quo": 0}
LINKAGE = {
    "type": "linkage",
    "utilities": {
        "C": {
            "A": {"type": "linear", "slope": 1},
            "B": {"type": "quadratic", "ideal": 1.0, "salience": 2},
        },
        "D": {
            "A": {"type": "linear", "slope": 2},
            "B": {"type": "quadratic", "ideal": 0.1, "salience": 8},
        },
    },
    "status_quo": {"A": 0, "B": 0},
    "blocker": "C",
    "linked_issue": "A",
    "demand_issue": "B",
}


def changed(document, path, value):
    """A deep copy of ``document`` with the key at ``path`` (a tuple) set, or deleted when
    ``value`` is DELETE."""
    copy = json.loads(json.dumps(document))
    target = copy
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


DELETE = object()

BAD = [
    # unknown keys, with a hint for a typo
    (changed(TRIANGLE, ("feasable",), {}), r"unknown key 'feasable' \(did you mean 'feasible'\?\)"),
    (changed(TRIANGLE, ("player",), ["A", "B"]), r"did you mean 'players'"),
    (changed(TRIANGLE, ("feasible", "surplus"), 1), r"feasible: unknown key 'surplus'"),
    (changed(PIE, ("feasible", "utility"), ["x"]), r"did you mean 'utilities'"),
    (changed(LINE, ("setter_name",), "A"), r"spatial document: unknown key 'setter_name'"),
    (changed(LINKAGE, ("utilities", "C", "A", "slop"), 2), r"utilities\.C\.A: unknown key 'slop'"),
    (changed(LINE, ("decision_rule",), {"type": "k_of_n", "k": 2, "n": 3}), r"unknown key 'n'"),
    # versions
    (changed(TRIANGLE, ("version",), 2), r"unknown version 2"),
    (changed(LINE, ("version",), "1"), r"unknown version \"1\""),
    (changed(LINKAGE, ("version",), True), r"unknown version true"),
    # missing keys, several feasible forms
    (changed(TRIANGLE, ("feasible",), DELETE), r"missing key 'feasible'"),
    (changed(LINE, ("status_quo",), DELETE), r"missing key 'status_quo'"),
    (changed(PIE, ("feasible", "vertices"), [[0, 1]]), r"exactly one of"),
    (
        {"type": "bargaining", "disagreement": [0, 0], "feasible": {"frontier": "1 - u1"}},
        r"feasible: missing key 'upper'",
    ),
    ({"feasible": {}}, r"missing document type"),
    # strings, booleans and nulls where numbers belong
    (changed(PIE, ("feasible", "surplus"), "abc"), r"feasible\.surplus must be a number"),
    (changed(PIE, ("feasible", "surplus"), True), r"feasible\.surplus must be a number"),
    (changed(PIE, ("feasible", "surplus"), "1e400"), r"feasible\.surplus .* not a finite"),
    (changed(TRIANGLE, ("disagreement",), ["a", 0]), r"disagreement\[0\] must be a number"),
    (changed(TRIANGLE, ("disagreement",), [None, 0]), r"disagreement\[0\] must be a number"),
    (changed(TRIANGLE, ("disagreement",), 0), r"disagreement must be a list of numbers"),
    (
        changed(TRIANGLE, ("feasible", "vertices"), [[0, 0], [4, "x"]]),
        r"feasible\.vertices\[1\]\[1\] must be a number",
    ),
    (changed(TRIANGLE, ("weights",), [1, "heavy"]), r"weights\[1\] must be a number"),
    (changed(LINE, ("ideal_points", "B"), "four"), r"ideal_points\.B must be a number"),
    (
        changed(LINE, ("ideal_points", "B"), [1, 2, 3]),
        r"ideal_points\.B must be a number or a pair",
    ),
    (changed(LINE, ("status_quo",), False), r"status_quo must be a number"),
    (changed(LINE, ("weights",), {"A": 1, "B": 1, "Z": 1}), r"weights: 'Z' is not a player"),
    (changed(LINE, ("weights",), {"A": 1, "B": 1}), r"weights: no entry for player 'C'"),
    (changed(LINKAGE, ("utilities", "C", "A", "slope"), "1"), None),  # a decimal string: OK
    (
        changed(LINKAGE, ("utilities", "C", "A", "slope"), "steep"),
        r"utilities\.C\.A\.slope must be a number",
    ),
    (changed(LINKAGE, ("status_quo", "A"), "zero"), r"status_quo\.A must be a number"),
    (changed(LINKAGE, ("bounds",), {"A": [0, 1], "Q": [0, 1]}), r"bounds\.Q: not an issue"),
    (changed(LINKAGE, ("bounds",), {"A": [0]}), r"bounds\.A has 1 entries; it needs 2"),
    # names
    (changed(TRIANGLE, ("players",), ["A", 7]), r"players\[1\] must be a non-empty string"),
    (changed(TRIANGLE, ("players",), ["A", "A"]), r"players must be distinct"),
    (changed(LINE, ("setter",), "Z"), r"setter = 'Z' is not a player"),
    (changed(LINKAGE, ("blocker",), "Z"), r"blocker = 'Z' is not a player"),
    (changed(LINKAGE, ("linked_issue",), "Q"), r"linked_issue = 'Q' is not an issue"),
    (changed(LINE, ("ideal_points",), {}), r"ideal_points must name at least one player"),
    # decision rules
    (changed(LINE, ("decision_rule",), "majorty"), r"decision_rule = 'majorty' is not a rule"),
    (changed(LINE, ("decision_rule",), 0), r"decision_rule = 0: a k-of-n rule needs 1 <= k <= 3"),
    (changed(LINE, ("decision_rule",), 2.5), r"decision_rule must be"),
    (
        changed(LINE, ("decision_rule",), {"type": "k_of_n", "k": "2"}),
        r"decision_rule\.k must be an integer",
    ),
    (
        changed(
            LINE,
            ("decision_rule",),
            {"type": "weighted", "quota": 2, "weights": {"A": 1, "B": "x", "C": 1}},
        ),
        r"decision_rule\.weights\.B must be a number",
    ),
    (
        changed(LINE, ("decision_rule",), {"type": "all", "rules": []}),
        r"decision_rule\.rules must be a non-empty list",
    ),
    (changed(LINE, ("decision_rule",), {"type": "veto"}), r"decision_rule\.type = \"veto\""),
    (changed(LINKAGE, ("counterfactual_rule",), "qmv"), r"counterfactual_rule = 'qmv'"),
    (changed(LINKAGE, ("assumptions",), "illustrative"), r"assumptions must be a list"),
    (changed(TRIANGLE, ("description",), 3), r"description must be a string"),
]


@pytest.mark.parametrize("document, message", BAD)
def test_malformed_documents_are_refused_with_the_key_named(document, message):
    if message is None:
        negotiation_from_json(document)
        return
    with pytest.raises(InvalidProblemError, match=message):
        negotiation_from_json(document)


def test_valid_documents_and_their_conventions():
    kind, problem, _ = negotiation_from_json(changed(PIE, ("version",), FORMAT_VERSION))
    assert kind == "bargaining" and problem.exact_surplus == 1
    # numbers may be fraction strings, as in game files; they stay exact for --exact
    _, problem, _ = negotiation_from_json(changed(PIE, ("feasible", "surplus"), "1/3"))
    assert problem.exact_surplus * 3 == 1
    _, problem, options = negotiation_from_json(changed(TRIANGLE, ("weights",), [1, "2/3"]))
    assert options["weights"] == [1, Fraction(2, 3)]
    _, model, _ = negotiation_from_json(changed(LINE, ("description",), "three members"))
    assert model.players == ("A", "B", "C")


def test_cli_refuses_a_typo_on_stderr(tmp_path):
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(changed(LINE, ("setter_name",), "A")))
    result = CliRunner().invoke(app, ["negotiate", str(path)])
    assert result.exit_code == 1
    assert "unknown key 'setter_name'" in result.stderr and "Traceback" not in result.output
