"""Formation reports: the three winning families in one call, and the club CSV reader."""

from fractions import Fraction

import pytest

import coalitions as co
from coalitions.exceptions import InvalidGameError, InvalidProblemError
from coalitions.formation.io import read_club_csv
from coalitions.formation.report import WINNING_FAMILIES, winning_coalitions_report


def test_winning_report_is_the_three_functions():
    eec = co.datasets.eec_council_1958()
    report = winning_coalitions_report(eec)
    assert list(report) == list(WINNING_FAMILIES)
    assert report["minimal-winning"].coalitions == co.minimal_winning_coalitions(eec).coalitions
    # Riker: a minimum-weight coalition is minimal winning
    assert set(report["minimum-weight"].coalitions) <= set(report["minimal-winning"].coalitions)
    # by hand: {France, Germany, Italy} (12 votes), and two large states with Belgium and the
    # Netherlands (8 + 4); Luxembourg is in none (a dummy)
    assert len(report["minimal-winning"]) == 4


def test_club_csv(tmp_path):
    path = tmp_path / "clubs.csv"
    path.write_text("player,probability,coverage,note\na,0.9,3,x\nb,1/2,1,y\n")
    assert read_club_csv(path) == (["a", "b"], [Fraction(9, 10), Fraction(1, 2)], [3, 1])
    path.write_text("player,probability\na,0.9\n")
    with pytest.raises(InvalidProblemError, match="columns player, probability, coverage"):
        read_club_csv(path)
    path.write_text("player,probability,coverage\na,__import__('os'),3\n")
    with pytest.raises(InvalidGameError, match="probability of a"):
        read_club_csv(path)
    with pytest.raises(InvalidProblemError, match="no such file"):
        read_club_csv(tmp_path / "missing.csv")
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(InvalidProblemError):
        read_club_csv(path)
