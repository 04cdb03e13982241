"""The Cyprus-Belarus case: the rival predictions reproduce the issue's figures, the Nash
packages agree with a brute-force grid over the zone of agreement, the abstention
counterfactual holds, and the CLI reports them (and the sensitivity) as JSON."""

import json

import numpy as np
import pytest
from typer.testing import CliRunner

import coalitions as co
from coalitions.bargaining.cases import (
    OBSERVED_TURKEY_RESPONSE,
    cyprus_belarus_model,
    cyprus_belarus_predictions,
)
from coalitions.cli.app import app

ISSUES = {"blocker": "CY", "linked_issue": "belarus_listing", "demand_issue": "turkey_response"}


@pytest.fixture(scope="module")
def found():
    return cyprus_belarus_predictions()


def _by_name(found):
    return {p["name"]: p["turkey_response"] for p in found["predictions"]}


def test_the_published_figures(found):
    values = _by_name(found)
    assert values["blocker takes all"] == pytest.approx(0.610, abs=1e-3)
    assert values["Nash, equal blocs"] == pytest.approx(0.2996, abs=1e-3)
    assert values["Nash, weighted by states"] == pytest.approx(0.1526, abs=1e-3)
    assert found["observed"]["turkey_response"] == OBSERVED_TURKEY_RESPONSE
    assert "assumption" in found["observed"] and found["closest"] in values


@pytest.mark.parametrize(
    "unit, name", [("blocs", "Nash, equal blocs"), ("states", "Nash, weighted by states")]
)
def test_nash_packages_match_a_grid_search(found, unit, name):
    model = cyprus_belarus_model(unit)
    result = co.linkage_analysis(model, **ISSUES)
    lo, hi = result.zopa
    base = {p: model.utility(p, result.no_agreement) for p in model.players}
    grid = np.linspace(lo, hi, 20001)[1:-1]
    best, best_value = None, -np.inf
    for b in grid:
        outcome = dict(result.unlinked, turkey_response=float(b))
        gains = [model.utility(p, outcome) - base[p] for p in model.players]
        if min(gains) > 0:
            value = float(np.sum(np.log(gains)))
            if value > best_value:
                best, best_value = b, value
    assert _by_name(found)[name] == pytest.approx(best, abs=2 * (hi - lo) / 20000)


def test_one_abstainer_cannot_block_and_the_linkage_collapses(found):
    abstention = found["abstention"]
    unanimity = co.linkage_analysis(cyprus_belarus_model("blocs"), **ISSUES)
    assert not abstention["can_block"]
    assert abstention["turkey_response"] == pytest.approx(unanimity.unlinked["turkey_response"])
    assert abstention["value_of_veto"] == pytest.approx(unanimity.value_of_veto)


def test_every_prediction_lies_in_the_zone_of_agreement(found):
    lo, hi = co.linkage_analysis(cyprus_belarus_model("blocs"), **ISSUES).zopa
    for value in _by_name(found).values():
        assert lo - 1e-9 <= value <= hi + 1e-9


def test_the_cli_json_holds_the_predictions_and_the_sensitivity():
    runner = CliRunner()
    out = runner.invoke(app, ["examples", "run", "cyprus-belarus", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    rivals = next(s for s in data["sections"] if s["title"].startswith("Rival predictions"))
    names = [p["name"] for p in rivals["data"]["predictions"]["predictions"]]
    assert "Nash, weighted by states" in names
    out = runner.invoke(
        app,
        [
            "examples",
            "run",
            "cyprus-belarus",
            "--sensitivity",
            "--samples",
            "16",
            "--json",
            "--vary",
            "beta_DE=4:16",
        ],
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    shares = next(s for s in data["sections"] if s["title"].startswith("How often"))
    rows = [r for r in shares["rows"] if r[0] == "binding member"]
    assert rows and sum(r[2] for r in rows) == pytest.approx(1.0)
    assert any("range given by --vary" in a for a in data["assumptions"])


@pytest.mark.parametrize(
    "args",
    [
        ["examples", "run", "glove", "--sensitivity"],
        ["examples", "run", "cyprus-belarus", "--sensitivity", "--vary", "beta_DE"],
        ["examples", "run", "cyprus-belarus", "--sensitivity", "--vary", "zeta=1:2"],
        ["examples", "run", "cyprus-belarus", "--vary", "beta_DE=1:2"],
        ["examples", "run", "cyprus-belarus", "--sensitivity", "--vary", "beta_DE=9:10"],
        ["examples", "run", "cyprus-belarus", "--sensitivity", "--samples", "2"],
    ],
)
def test_bad_sensitivity_requests_exit_with_a_message(args):
    out = CliRunner().invoke(app, args)
    assert out.exit_code != 0 and "Traceback" not in out.output
    assert "error" in out.output.lower()
