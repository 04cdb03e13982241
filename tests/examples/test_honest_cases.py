"""The honest-case additions: the G7's outside option (Owen shares by hand), the Security
Council's abstention caveat, and the UN scale's calibration wording."""

from fractions import Fraction

from coalitions.examples import get_case, run_case


def test_g7_outside_option_against_the_two_union_quotient():
    results = get_case("blocs").compute()
    for option, shapley, owen in results["outside_options"]:
        # two unions, G7 worth g alone: Russia gets (1 - g) / 2 in the quotient game; without
        # unions each of the 8 veto players' symmetric share of the surplus over g is (1-g)/8
        assert owen == (1 - Fraction(option)) / 2
        assert shapley == (1 - Fraction(option)) / 8
    section = run_case("blocs").section("The G7's outside option")
    assert section.data["crossing"] == Fraction(3, 4)


def test_security_council_states_the_abstention_practice():
    report = run_case("security-council")
    assert any("Namibia" in a and "abstention" in a for a in report.assumptions)


def test_un_scale_is_called_calibrated():
    report = run_case("burden-sharing")
    text = report.to_text()
    assert "calibrated to the published rates" in text and "reproduces the published" not in text


def test_every_case_opens_with_its_claim_and_closes_with_caveats():
    from coalitions.examples import list_cases
    from coalitions.examples._claims import CLAIMS

    assert sorted(CLAIMS) == sorted(c.name for c in list_cases())
    report = run_case("lowest-common-denominator")
    assert report.claim.startswith("Unanimity drives outcomes") and report.caveats
    text = report.to_text()
    assert text.index("The claim tested") < text.index(report.sections[0].title)
    assert text.index("Caveats") > text.index(report.sections[-1].title)
    assert report.to_dict()["claim"] == report.claim


def test_caucus_gains_under_two_indices_and_aosis_under_consensus():
    small = get_case("small-states").compute()["consensus"]
    members = len(get_case("small-states").compute()["members"])
    # unanimity of 193 is symmetric; with the caucus as one it is unanimity of 157 voters
    assert small["shapley_shubik_separately"] == Fraction(members, 193)
    assert small["shapley_shubik_caucus"] == Fraction(1, 193 - members + 1)
    assert small["banzhaf_caucus"] == small["shapley_shubik_caucus"]
    assert small["decisive_alone"] == Fraction(1, 2**192)
    blocs = run_case("blocs").section("A caucus in the EU Council").data
    assert (
        blocs["caucus"] > blocs["separately"]
        and blocs["caucus_banzhaf"] > blocs["separately_banzhaf"]
    )
