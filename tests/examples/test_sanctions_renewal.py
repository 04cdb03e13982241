"""The sanctions-renewal case: its figures against closed forms computed here by hand (the
sunset clause makes every period's outcome independent of the status quo, so each proposer's
offer is the best policy the others prefer to no sanctions), properties of the endogenous
status quo (the Pareto interval is stable, the first package is locked in), the long-run
distribution against a Cesaro average of matrix powers, the prose against the results, an
uncertified equilibrium reported as such, and the CLI (run, --json, --sensitivity, --vary,
--format html)."""

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from coalitions.cli.app import app
from coalitions.examples import case_sensitivity, export_case, get_case, run_case
from coalitions.examples import sanctions_renewal as sr

runner = CliRunner()
NAME = "sanctions-renewal"


@pytest.fixture(scope="module")
def results():
    return get_case(NAME).compute()


def _ideals():
    return [sr.CYPRUS_IDEAL, sr.CAUTIOUS_IDEAL, sr.CORE_IDEAL, sr.HAWKS_IDEAL]


def test_sunset_clause_matches_the_closed_form(results):
    # reversion to 0: a bloc with ideal a accepts y iff (y - a)^2 <= a^2, i.e. y <= 2a; under
    # unanimity Cyprus proposes its ideal and every other bloc min(its ideal, 2 * Cyprus's)
    c, *others = _ideals()
    offers = [c] + [min(a, 2 * c) for a in others]
    sunset = results["rules"][1]
    assert sunset["certified"]
    assert sunset["first"] == pytest.approx(sorted(set(offers)))
    assert sunset["mean"] == pytest.approx(np.mean(offers))
    stage = -np.mean([(y - c) ** 2 for y in offers])
    assert sunset["cyprus_per_period"] == pytest.approx(stage)
    assert (round(sunset["mean"], 3), round(sunset["cyprus_per_period"], 4)) == (0.35, -0.03)


def test_qualified_majority_matches_the_closed_form(results):
    # three of four blocs, no veto, reversion 0: each proposer offers the policy nearest its
    # ideal that two other blocs (y <= 2a each) accept
    ideals = _ideals()
    offers = []
    for i, a in enumerate(ideals):
        caps = sorted((2 * b for j, b in enumerate(ideals) if j != i), reverse=True)
        offers.append(min(a, caps[1]))  # the second-highest cap: two others accept
    qmv = results["rules"][2]
    assert qmv["certified"]
    assert qmv["first"] == pytest.approx(sorted(set(offers)))
    assert qmv["mean"] == pytest.approx(np.mean(offers))
    assert qmv["cyprus_per_period"] == pytest.approx(
        -np.mean([(y - ideals[0]) ** 2 for y in offers])
    )
    assert results["rules"][1]["mean"] < qmv["mean"]  # the veto lowers the sanctions


def test_endogenous_status_quo_locks_in_the_first_package(results):
    endogenous = results["rules"][0]
    result = endogenous["result"]
    assert endogenous["certified"] and result.residual < 1e-9 and result.deviation_gain < 1e-9
    grid = np.asarray(result.policies)
    pareto = grid[(grid >= min(_ideals()) - 1e-12) & (grid <= max(_ideals()) + 1e-12)]
    assert np.allclose(result.stable, pareto)  # unanimity: every Pareto point stays
    assert endogenous["locked_in"]
    assert all(min(_ideals()) <= f <= max(_ideals()) for f in endogenous["first"])


@pytest.mark.parametrize("rule", [0, 1, 2])
def test_long_run_is_the_cesaro_average(results, rule):
    result = results["rules"][rule]["result"]
    P = np.asarray(result.transition)
    start = int(np.argmin(np.abs(np.asarray(result.policies) - result.status_quo)))
    row, total, steps = np.eye(len(P))[start], np.zeros(len(P)), 400
    for _ in range(steps):
        row = row @ P
        total += row
    assert np.allclose(total / steps, result.long_run, atol=5e-3)
    assert results["rules"][rule]["mean"] == pytest.approx(result.expected_policy)


def test_prose_reports_its_results(results):
    report = run_case(NAME)
    text = " ".join(n for s in report.sections for n in s.notes)
    endogenous, sunset, qmv = results["rules"]
    assert f"{sunset['mean']:.3f}" in text and f"{qmv['mean']:.3f}" in text
    assert f"{sunset['cyprus_per_period']:.4f}" in text
    assert "the first package is locked in" in text
    assert "Every equilibrium passed its certificate" in text
    assert report.claim.startswith("Under unanimity any member can block")
    assert report.caveats and report.plot is not None


def test_an_uncertified_equilibrium_is_reported_as_such(monkeypatch):
    # at this ideal point the endogenous-status-quo strategies cycle on the grid
    monkeypatch.setattr(sr, "CYPRUS_IDEAL", 0.29)
    results = sr.compute()
    assert not results["rules"][0]["certified"]
    text = " ".join(n for s in sr.report(results).sections for n in s.notes)
    assert "No certified pure-strategy equilibrium was found for: unanimity, endogenous" in text


def test_sensitivity_conclusions_and_breakpoints():
    result = case_sensitivity(NAME, samples=16, sweep_points=5)
    assert result.baseline["Cyprus's veto lowers the sanctions"] is True
    assert result.baseline["every equilibrium certified"] is True
    assert set(result.shares) >= {"the first package is locked in (endogenous)"}


def test_cli_run_json_sensitivity_vary_and_html(tmp_path):
    out = runner.invoke(app, ["examples", "run", NAME])
    assert out.exit_code == 0, out.output
    assert "sunset clause" in out.stdout
    out = runner.invoke(app, ["examples", "run", NAME, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["claim"] and data["caveats"] and data["has_plot"]
    out = runner.invoke(app, ["examples", "run", NAME, "--sensitivity", "--samples", "16"])
    assert out.exit_code == 0, out.output
    assert "How often each conclusion holds" in out.stdout
    out = runner.invoke(
        app,
        ["examples", "run", NAME, "--sensitivity", "--vary", "cyprus_ideal=0.1:0.3"]
        + ["--samples", "8"],
    )
    assert out.exit_code == 0, out.output
    assert "range given by --vary" in out.stdout
    out = runner.invoke(
        app,
        ["examples", "run", NAME, "--sensitivity", "--vary", "discount_factor=0.9:1"]
        + ["--samples", "8"],
    )
    assert out.exit_code in (1, 2) and "discount_factor must lie in [0, 1)" in out.output
    assert "Traceback" not in out.output
    pytest.importorskip("matplotlib")
    target = tmp_path / "renewal.html"
    out = runner.invoke(app, ["examples", "run", NAME, "--format", "html", "-o", str(target)])
    assert out.exit_code == 0, out.output
    page = target.read_text(encoding="utf-8")
    assert "<table" in page and "data:image/png;base64," in page
    assert "What would change this conclusion" in page and "Caveats" in page
    assert export_case(NAME, "markdown").startswith(f"# {get_case(NAME).title}")
