"""Known answers of the worked examples built on the bargaining module."""

from fractions import Fraction

import pytest


def test_lowest_common_denominator_reference_case(run):
    rules, reversion, two_d = run("lowest-common-denominator").sections
    # MODELS.md section 3: unanimity 4, 4-of-5 8, majority 9; cores [2,9], [4,7], {5}
    assert [row[5] for row in rules.rows] == [4.0, 8.0, 9.0]
    assert [row[1] for row in rules.rows] == ["[2, 9]", "[4, 7]", "5"]
    assert [row[3] for row in rules.rows] == ["A", "B", "C"]
    assert reversion.rows[0][1:3] == [6.0, 6.0] and reversion.rows[1][2] == 4.0
    assert two_d.rows[0][1] == pytest.approx(two_d.rows[1][1])
    assert two_d.rows[1][1] > two_d.rows[2][1]


def test_cyprus_belarus(run):
    report = run("cyprus-belarus")
    outcomes = report.section("Block, linkage, outcome")
    assert outcomes.rows[1][1:] == [1.0, 0.1]
    assert outcomes.rows[2][2] == pytest.approx(0.6099, abs=1e-3)
    counterfactual = report.section("Counterfactual")
    assert counterfactual.rows[0][1] is True and counterfactual.rows[1][1] is False
    assert counterfactual.rows[1][3] == 0
    assert report.assumptions and report.section("The model's preferences").assumptions
    assert "ASSUMPTION" in report.to_text()


def test_legislative_bargaining(run):
    shares, patience, agenda = run("legislative-bargaining").sections
    assert [row[1] for row in shares.rows] == [Fraction(16, 25), Fraction(23, 50), Fraction(7, 25)]
    assert all(row[3] == Fraction(9, 50) and row[5] == Fraction(1, 5) for row in shares.rows)
    assert agenda.rows[1][1] == Fraction(2, 5)


def test_two_party_bargaining(run):
    axiomatic, strategic = run("two-party-bargaining").sections
    nash, ks = axiomatic.rows[0], axiomatic.rows[1]
    assert nash[1] == pytest.approx(2 / 3, abs=1e-6) and nash[2] == pytest.approx(3**-0.5, abs=1e-6)
    assert ks[1] == pytest.approx((5**0.5 - 1) / 2, abs=1e-6)
    assert strategic.rows[0][1] == Fraction(10, 19) and strategic.rows[1][1] == Fraction(3, 4)
