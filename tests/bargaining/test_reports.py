"""Negotiation reports (bargaining/report.py): each field is the library call it gathers."""

import json
from pathlib import Path

import pytest

import coalitions as co
from coalitions.bargaining.report import (
    LinkageReport,
    SpatialReport,
    linkage_report,
    negotiation_report,
    spatial_report,
)
from coalitions.exceptions import InvalidProblemError

DATA = Path(__file__).parent / "data"


def _model():
    return co.SpatialModel({"A": 2, "B": 4, "C": 5, "D": 7, "E": 9}, status_quo=0, setter="E")


def test_spatial_report_gathers_the_four_concepts():
    model = _model()
    report = spatial_report(model)
    assert report.win_set.intervals == co.win_set(model).intervals
    assert report.lcd.binding == co.lcd_outcome(model).binding == ("A",)
    assert report.setter.outcome == co.setter_outcome(model).outcome
    assert report.core.interval == co.policy_core(model).interval
    assert report.value == report.win_set.size and report.core_message == ""
    document = json.loads(json.dumps(report.to_dict()))
    assert "source" not in document and document["concept"] == "spatial-report"


def test_a_concept_that_does_not_apply_carries_the_reason():
    plane = co.SpatialModel(
        {"A": [0, 0], "B": [2, 0], "C": [1, 2]}, status_quo=[3, 3], decision_rule="majority"
    )
    report = spatial_report(plane, resolution=50)
    with pytest.raises(ValueError) as error:
        co.lcd_outcome(plane)
    assert report.lcd is None and report.lcd_message == str(error.value)


def test_linkage_and_file_reports():
    report = negotiation_report(DATA / "linkage.json")
    assert isinstance(report, LinkageReport)
    assert report.linkage.capped_by == ("D",) and not report.counterfactual.can_block
    again = linkage_report(
        report.source,
        blocker=report.linkage.blocker,
        linked_issue=report.linkage.linked_issue,
        demand_issue=report.linkage.demand_issue,
    )
    assert again.linkage.max_concession == report.linkage.max_concession
    assert again.counterfactual is None
    assert isinstance(negotiation_report(DATA / "setter.json"), SpatialReport)
    with pytest.raises(InvalidProblemError, match="bargaining problem"):
        negotiation_report(DATA / "triangle.json")
