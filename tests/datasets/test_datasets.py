"""Shipped councils: their rules and their sources."""

import pytest

import coalitions as co
from coalitions.exceptions import InvalidGameError


def test_un_security_council_rule():
    unsc = co.datasets.un_security_council()
    assert unsc.n_players == 15
    permanent = list(unsc.players[:5])
    assert co.power.veto_players(unsc) == permanent
    assert unsc.is_winning(permanent + list(unsc.players[5:9]))  # 9 votes, P5 in
    assert not unsc.is_winning(list(unsc.players[1:]))  # 14 votes, one veto
    assert "Charter" in co.datasets.un_security_council.__doc__


def test_eu_council_populations_and_rules():
    population = co.datasets.eu_population()
    assert len(population) == 27 and sum(population.values()) == 447_319_916
    eu = co.datasets.eu_council()
    assert eu.n_players == 27
    unanimity = co.datasets.eu_council(rule="unanimity")
    assert not unanimity.is_winning(unanimity.players[1:])
    with pytest.raises(ValueError, match="valid rules are 'qmv', 'unanimity'"):
        co.datasets.eu_council(rule="majority")
    with pytest.raises(InvalidGameError, match="2020 only"):
        co.datasets.eu_council(year=2019)
    assert "Eurostat" in co.datasets.eu_council.__doc__


def test_eec_council():
    eec = co.datasets.eec_council_1958()
    assert eec.quota == 12 and co.power.dummy_players(eec) == ["Luxembourg"]
    assert "Rome" in co.datasets.eec_council_1958.__doc__
