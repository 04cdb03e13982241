"""The built-in Cyprus-Belarus case: data, assumptions labelled, the hold-up and QMV."""

import math

import pytest

from coalitions.bargaining.cases import cyprus_belarus_model, cyprus_belarus_report
from coalitions.datasets.eu_sanctions import (
    ASSUMPTION_LABEL,
    belarus_sanctions_timeline,
    cyprus_belarus_assumptions,
    eu27_population,
    eu_qualified_majority,
)
from coalitions.exceptions import InvalidProblemError


def test_data_files():
    rows = cyprus_belarus_assumptions()
    assert [r["bloc"] for r in rows] == ["CY", "GR", "FR", "DE", "BALT_PL", "OTHERS"]
    assert sum(r["n_states"] for r in rows) == 27
    assert all(r["label"].startswith("ASSUMPTION") for r in rows)
    assert sum(eu27_population().values()) == 447_319_916
    events = belarus_sanctions_timeline()
    assert any("Cyprus vetoes" in e["event"] for e in events)


def test_qualified_majority_predicate():
    qmv = eu_qualified_majority("blocs")
    everyone = {"CY", "GR", "FR", "DE", "BALT_PL", "OTHERS"}
    assert qmv(everyone) and qmv(everyone - {"CY"})  # 26 states: Cyprus not pivotal
    assert not qmv({"DE", "FR", "CY"})
    states = eu_qualified_majority("states")
    assert not states({"DE", "FR", "IT", "ES", "PL"})  # 5 states
    assert states(set(eu27_population()) - {"CY", "MT", "LU"})


def _ceiling(row):
    """The largest Turkey response b a bloc accepts with the listing rather than no agreement:
    u = alpha * listing - beta * (b - t)**2 against u(0, 0) = -beta * t**2."""
    t, alpha, beta = (
        row["t_turkey_ideal"],
        row["alpha_belarus_listing"],
        row["beta_turkey_salience"],
    )
    return t + math.sqrt(t * t + alpha / beta)


def test_report_unanimity_and_counterfactual():
    # The expected answers are derived from the (illustrative) assumption table, in closed
    # form, so they follow the table rather than pin today's output.
    rows = {row["bloc"]: row for row in cyprus_belarus_assumptions()}
    ceilings = {bloc: _ceiling(row) for bloc, row in rows.items() if bloc != "CY"}
    lowest = min(ceilings.values())
    least_ambitious = min(row["t_turkey_ideal"] for row in rows.values())
    report = cyprus_belarus_report()
    u = report.unanimity
    assert u.can_block and not u.credible
    assert u.capped_by == tuple(b for b, c in ceilings.items() if c == lowest)
    assert u.max_concession == pytest.approx(lowest)
    linked, unlinked = u.linked["turkey_response"], u.unlinked["turkey_response"]
    assert linked == pytest.approx(min(rows["CY"]["t_turkey_ideal"], lowest))
    assert unlinked == pytest.approx(least_ambitious)  # the lowest common denominator
    for bloc, row in rows.items():  # the listing passes either way
        t, beta = row["t_turkey_ideal"], row["beta_turkey_salience"]
        expected = beta * ((linked - t) ** 2 - (unlinked - t) ** 2)
        assert u.price_of_linkage[bloc] == pytest.approx(expected, abs=1e-12)
    assert u.value_of_veto == pytest.approx(-u.price_of_linkage["CY"]) and u.value_of_veto > 0
    assert not report.qmv.can_block and report.qmv.value_of_veto == 0
    assert report.turkey_lcd.binding == tuple(
        bloc for bloc, row in rows.items() if row["t_turkey_ideal"] == least_ambitious
    )
    assert report.package["package"] > report.package["issue_by_issue"]
    assert any(ASSUMPTION_LABEL in note for note in report.assumption_notes)


def test_states_unit_agrees_with_blocs():
    r = cyprus_belarus_report("states").unanimity
    blocs = cyprus_belarus_report("blocs").unanimity
    assert r.capped_by == blocs.capped_by and len(r.price_of_linkage) == 27
    assert r.max_concession == pytest.approx(blocs.max_concession)
    with pytest.raises(InvalidProblemError, match="unit"):
        cyprus_belarus_model("countries")


def test_datasets_hold_data_only():
    """The datasets package imports no algorithm package (issue 12: datasets -> bargaining)."""
    import ast
    from pathlib import Path

    import coalitions.datasets as datasets

    for path in Path(datasets.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                module = ("." * node.level) + (node.module or "")
                assert not any(
                    part in module
                    for part in ("bargaining", "solutions", "power", "formation", "approx")
                ), (path, module)
