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


def test_osce_participating_states_and_the_minsk_group():
    rows = co.datasets.osce_participating_states()
    assert len(rows) == 57 and len({r["state"] for r in rows}) == 57
    roles = {}
    for r in rows:
        roles.setdefault(r["minsk_group"], []).append(r["state"])
    assert sorted(roles["co-chair"]) == ["France", "Russian Federation", "United States"]
    assert sorted(roles["member"]) == ["Belarus", "Finland", "Germany", "Italy", "Sweden", "Turkey"]
    assert sorted(roles["party"]) == ["Armenia", "Azerbaijan"]
    signed = sorted(r["state"] for r in rows if r["trilateral_statement_2020"] == "yes")
    assert signed == ["Armenia", "Azerbaijan", "Russian Federation"]
    assert "Mongolia" in {r["state"] for r in rows}  # the 57th, since 2012


def test_nato_members_by_year():
    counts = {y: len(co.datasets.nato_members(y)) for y in (1949, 1952, 1999, 2002, 2019, 2020)}
    assert counts == {1949: 12, 1952: 14, 1999: 19, 2002: 19, 2019: 29, 2020: 30}
    assert co.datasets.nato_members(2020)[-1] == "North Macedonia"
    for bad in (1948, "2020", 2020.0, True):
        with pytest.raises(ValueError, match="year must be an integer"):
            co.datasets.nato_members(bad)


def test_unsc_reform_drafts_add_up():
    drafts = {d["design"]: d for d in co.datasets.unsc_reform_drafts()}
    assert set(drafts) == {"today", "G4", "Ezulwini"}
    for d in drafts.values():
        assert d["seats"] == d["permanent_with_veto"] + d["permanent_without_veto"] + d["elected"]
    assert (drafts["G4"]["seats"], drafts["Ezulwini"]["seats"]) == (25, 26)
    assert (
        drafts["G4"]["permanent_without_veto"] == 6
        and drafts["Ezulwini"]["permanent_with_veto"] == 11
    )
    assert drafts["G4"]["document"] == "A/59/L.64" and drafts["Ezulwini"]["document"] == "A/59/L.67"


def test_every_shipped_csv_has_its_provenance():
    from pathlib import Path

    folder = Path(co.datasets.__file__).parent
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for name in (
        "osce_participating_states_2020",
        "nato_members_accession",
        "unsc_reform_drafts_2005",
    ):
        assert (folder / f"{name}.md").is_file()
        assert f"`{name}.csv`" in sources
