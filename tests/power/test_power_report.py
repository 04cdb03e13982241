"""Power reports: weight classes, the sweep report and one vote given either side."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError
from coalitions.power.report import pivotal_vote, sweep_report, weight_classes


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=7))
def test_weight_classes_partition_the_members_by_weight(weights):
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    classes = weight_classes(game)
    assert sorted(itertools.chain(*classes)) == sorted(game.players)
    for members in classes:
        assert len({game.weights[game.player_index(p)] for p in members}) == 1
    assert len(classes) == len(set(weights))


def test_equal_weights_have_equal_sweep_columns():
    """Property behind the one-column-per-class table: members of a class are symmetric."""
    game = co.datasets.un_security_council()
    report = sweep_report(game)
    for members in report.classes:
        columns = [report.sweep.power_to_prevent[:, report.players.index(p)] for p in members]
        assert all((c == columns[0]).all() for c in columns)
    assert report.classes[0][0] == "China" and len(report.classes) == 2
    assert report.value is report.sweep.power_to_act


def test_eec_classes_literature():
    """Felsenthal and Machover (1998): France, Germany, Italy 4; Benelux 2 and 1."""
    assert weight_classes(co.datasets.eec_council_1958()) == (
        ("France", "Germany", "Italy"),
        ("Belgium", "Netherlands"),
        ("Luxembourg",),
    )
    with pytest.raises(InvalidArgumentError):
        weight_classes(co.datasets.eu_council())


def test_pivotal_vote_by_either_side_agrees_with_pivotal_players():
    eu = co.datasets.eu_council(rule="unanimity")
    by_no = pivotal_vote(eu, no=["Cyprus"])
    by_yes = pivotal_vote(eu, yes=[p for p in eu.players if p != "Cyprus"])
    oracle = co.pivotal_players(eu, [p for p in eu.players if p != "Cyprus"])
    assert by_no.pivotal == by_yes.pivotal == oracle.pivotal == ("Cyprus",)
    with pytest.raises(InvalidArgumentError):
        pivotal_vote(eu)
    with pytest.raises(InvalidArgumentError):
        pivotal_vote(eu, yes=["France"], no=["Cyprus"])
    with pytest.raises(InvalidGameError, match="unknown player 'Atlantis'"):
        pivotal_vote(eu, no=["Atlantis"])


def test_registry_of_bodies():
    assert set(co.datasets.BODIES) == {
        "eu-council",
        "eu-council-unanimity",
        "un-security-council",
        "eec-council",
    }
    for name, entry in co.datasets.BODIES.items():
        game = co.datasets.body(name)
        assert entry.name == name and game.n_players in (6, 15, 27)
    assert co.datasets.body("eu-council-unanimity").quota == 27
    with pytest.raises(InvalidArgumentError, match="valid bodies"):
        co.datasets.body("atlantis")
