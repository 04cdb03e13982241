"""Known answers of the worked examples built on the voting-power module."""

from fractions import Fraction

import pytest
from _tables import cell, column


def test_security_council_enlargement(run):
    # MODELS.md section 9 gives these to the digits written
    table = run("security-council").section("Enlargement scenarios")
    veto, seat, act = (
        "Shapley-Shubik: a veto holder",
        "Shapley-Shubik: another seat",
        "power to act A",
    )
    assert cell(table, "today", act) == Fraction(53, 2048)
    assert cell(table, "25 seats, 14 votes, 5 vetoes", veto) == pytest.approx(0.1952, abs=5e-5)
    assert cell(table, "25 seats, 14 votes, 5 vetoes", seat) == pytest.approx(0.00121, abs=5e-6)
    assert float(cell(table, "25 seats, 14 votes, 5 vetoes", act)) == pytest.approx(
        0.0234, abs=5e-5
    )
    assert cell(table, "25 seats, 14 votes, 11 vetoes", veto) == pytest.approx(0.0909, abs=5e-5)
    assert float(cell(table, "25 seats, 14 votes, 11 vetoes", act)) == pytest.approx(
        0.000485, abs=5e-7
    )
    assert cell(table, "25 seats, 14 votes, 11 vetoes", "today's A / this A") == pytest.approx(
        53, abs=0.5
    )


def test_eu_council_cyprus(run):
    belarus = run("eu-council").section("The Belarus sanctions vote")
    unanimity, qmv = belarus.rows
    assert unanimity[1:] == [False, "Cyprus"]
    assert qmv[1:] == [True, "none"]
    assert belarus.data["states_needed_to_block_with_cyprus"] == 3
    acting = run("eu-council").section("How often")
    assert acting.rows[1][1] == Fraction(1, 2**27)


def test_blocs_g8(run):
    g8 = run("blocs").sections[0]
    assert g8.rows[0][1:] == [Fraction(1, 8), Fraction(1, 2)]
    assert g8.rows[1][1:] == [Fraction(1, 8), Fraction(1, 14)]


def test_small_states(run):
    from coalitions.datasets import aosis_members

    assert len(aosis_members()) == 37
    rows = run("small-states").sections[0].rows
    assert rows[0][1] == Fraction(37, 193) and rows[0][2] == Fraction(37, 157)
    assert all(row[5] > 1 for row in rows)


def test_legitimacy_efficiency(run):
    rule, club = run("legitimacy-efficiency").sections
    assert rule.rows[0][1] == Fraction(1, 2) and rule.rows[-1][1] == Fraction(1, 2**15)
    assert rule.rows[-1][3] == 0
    chance = column(club, "chance of acting (all members support)")
    assert chance[0] == pytest.approx(0.6 * 0.6 * 0.9)  # the two parties and the mediator
    assert chance == sorted(chance, reverse=True)
