"""Known answers of the worked examples built on the voting-power module."""

from fractions import Fraction

import pytest


def test_security_council_enlargement(run):
    table = run("security-council").section("Enlargement scenarios")
    today, no_veto, vetoes = table.rows
    assert today[5] == Fraction(53, 2048)
    assert round(no_veto[1], 4) == 0.1952 and round(no_veto[2], 5) == 0.00121
    assert round(float(no_veto[5]), 4) == 0.0234
    assert round(vetoes[1], 4) == 0.0909 and round(float(vetoes[5]), 6) == 0.000485
    assert round(vetoes[6]) == 53


def test_eu_council_cyprus(run):
    belarus = run("eu-council").section("The Belarus sanctions vote")
    unanimity, qmv = belarus.rows
    assert unanimity[1:] == [False, "Cyprus"]
    assert qmv[1:] == [True, "none"]
    assert belarus.data["states_needed_to_block_with_cyprus"] == 3
    acting = run("eu-council").section("How often")
    assert acting.rows[1][1] == Fraction(1, 2 ** 27)


def test_blocs_g8(run):
    g8 = run("blocs").sections[0]
    assert g8.rows[0][1:] == [Fraction(1, 8), Fraction(1, 2)]
    assert g8.rows[1][1:] == [Fraction(1, 8), Fraction(1, 14)]


def test_small_states(run):
    from coalitions.examples.small_states import aosis_members

    assert len(aosis_members()) == 37
    rows = run("small-states").sections[0].rows
    assert rows[0][1] == Fraction(37, 193) and rows[0][2] == Fraction(37, 157)
    assert all(row[5] > 1 for row in rows)


def test_legitimacy_efficiency(run):
    rule, club = run("legitimacy-efficiency").sections
    assert rule.rows[0][1] == Fraction(1, 2) and rule.rows[-1][1] == Fraction(1, 2 ** 15)
    assert rule.rows[-1][3] == 0
    assert club.rows[0][1] == pytest.approx(0.324)
    assert [r[1] for r in club.rows] == sorted((r[1] for r in club.rows), reverse=True)
