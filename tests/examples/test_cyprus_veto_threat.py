"""The Cyprus-Belarus veto threat under incomplete information: the presidency's package
against a Cyprus of uncertain type checked against the definition, the concession threshold
as a breakpoint of the prior, and the section in the report."""

import pytest

import coalitions.examples as ex
from coalitions.bargaining.cases import cyprus_belarus_outcomes, cyprus_veto_threat


def test_the_committed_minimum_solves_the_indifference():
    found = cyprus_veto_threat()
    committed = found["types"][-1]
    t, g, m = 1.0, committed["agreement_value"], found["minimum_response"]
    # the committed type is indifferent between the package (1, m) and no agreement
    assert g - (m - t) ** 2 == pytest.approx(-(t**2))
    assert found["concedes"] and found["offer_value"] == pytest.approx(m)
    assert found["acceptance_probability"] == 1.0 and found["within_zone"]
    # every type prefers the larger response: a bluffer would threaten too (no size two)
    assert not found["talk_credible"] and found["cheap_talk"]["equilibria"] == []


def test_the_threshold_is_where_the_presidency_switches():
    threshold = cyprus_veto_threat()["threshold"]
    below = cyprus_veto_threat(committed_probability=threshold - 0.01)
    above = cyprus_veto_threat(committed_probability=threshold + 0.01)
    assert not below["concedes"] and above["concedes"]
    assert below["acceptance_probability"] == pytest.approx(1 - (threshold - 0.01))
    # a larger audience cost raises the committed minimum
    assert (
        cyprus_veto_threat(audience_cost=3.0)["minimum_response"]
        > cyprus_veto_threat()["minimum_response"]
    )


def test_sensitivity_outcomes_carry_the_threat():
    base = cyprus_belarus_outcomes()
    assert base["presidency concedes"] == "yes"
    assert cyprus_belarus_outcomes(p_committed=0.05)["presidency concedes"] == "no"
    assert cyprus_belarus_outcomes(beta_DE=16)["binding member"] == base["binding member"]


def test_the_report_has_the_section():
    report = ex.get_case("cyprus-belarus").run()
    titles = [s.title for s in report.sections]
    section = report.sections[
        titles.index("Was the threat credible? A veto threat under incomplete information")
    ]
    text = " ".join(section.notes)
    assert "Matthews" in text and "size-two" in text
    assert any("Matthews" in r for r in report.references)
