"""Profiles of yes-probabilities (``read_profile``/``write_profile``) and the a posteriori
table: the round trip of the format, hostile files, coin tosses giving the absolute Banzhaf
index and Coleman's power to act, and a brute-force oracle of the probability of passing."""

import itertools
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_voting_games

import coalitions as co
import coalitions.games.io as gio
from coalitions.exceptions import CoalitionsError, InvalidArgumentError, InvalidGameError

PLAYERS = ["A", "B", "C"]
exact_or_float = st.one_of(
    st.fractions(0, 1, max_denominator=50), st.floats(0, 1, allow_nan=False, width=64)
)


@settings(max_examples=30, deadline=None)
@given(
    values=st.lists(exact_or_float, min_size=1, max_size=6),
    order=st.randoms(use_true_random=False),
)
def test_round_trip_of_the_csv_format(tmp_path_factory, values, order):
    names = [f'm{k}, "{k}"' if k % 2 else f"m{k}" for k in range(len(values))]  # quoting
    path = tmp_path_factory.mktemp("profile") / "p.csv"
    co.write_profile(dict(zip(names, values)), path)
    shuffled = list(names)
    order.shuffle(shuffled)
    back = co.read_profile(path, shuffled)
    expected = {
        n: Fraction(v) if isinstance(v, Fraction) else Fraction(repr(v))
        for n, v in zip(names, values)
    }
    assert back == [expected[n] for n in shuffled]
    assert all(float(b) == float(dict(zip(names, values))[n]) for n, b in zip(shuffled, back))


def test_json_format_reads_exactly(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"C": 1, "A": 0.1, "B": "2/3"}))
    assert co.read_profile(path, PLAYERS) == [Fraction(1, 10), Fraction(2, 3), Fraction(1)]
    other = tmp_path / "p.txt"  # a leading "{" is JSON whatever the suffix
    other.write_text('  {"A": 0, "B": 1e-1, "C": 1.0}')
    assert co.read_profile(other, PLAYERS) == [0, Fraction(1, 10), 1]


HOSTILE = {
    "unknown member": ("member,p\nA,1/2\nB,1/2\nD,1/2\n", "unknown player 'D'"),
    "missing member": ("member,p\nA,1/2\nB,1/2\n", "no probability for 1 member"),
    "duplicate": ("member,p\nA,1/2\nB,1/2\nC,0\nA,1\n", "'A' twice"),
    "above one": ("member,p\nA,1/2\nB,3/2\nC,0\n", "between 0 and 1"),
    "negative": ("member,p\nA,-0.1\nB,1/2\nC,0\n", "between 0 and 1"),
    "nan": ("member,p\nA,nan\nB,1/2\nC,0\n", "must be"),
    "word": ("member,p\nA,yes\nB,1/2\nC,0\n", "must be"),
    "code": ("member,p\nA,__import__('os')\nB,1/2\nC,0\n", "must be"),
    "zero denominator": ("member,p\nA,1/0\nB,1/2\nC,0\n", "denominator 0"),
    "no header": ("A,1/2\nB,1/2\nC,0\n", "header line 'member,p'"),
    "empty": ("", "header line"),
    "three cells": ("member,p\nA,1/2,9\nB,1/2\nC,0\n", "expected 2 cells"),
    "nul byte": ("member,p\nA,1/2\x00\nB,1/2\nC,0\n", "not a readable CSV|must be"),
    "json nan": ('{"A": NaN, "B": 0.5, "C": 0}', "NaN"),
    "json infinity": ('{"A": Infinity, "B": 0.5, "C": 0}', "Infinity"),
    "json duplicate": ('{"A": 0.5, "B": 0.5, "C": 0, "B": 1}', "'B' twice"),
    "json list": ("[0.5, 0.5, 0]", "one JSON object"),
    "json nested": ('{"A": {"p": 1}, "B": 0.5, "C": 0}', "must be"),
    "json bool": ('{"A": true, "B": 0.5, "C": 0}', "must be"),
    "json bad": ('{"A": 0.5,', "not valid JSON"),
    "json big integer": ('{"A": ' + "9" * 5000 + ', "B": 0.5, "C": 0}', "bad number"),
    "json deep": ("{" + '"A": [' * 100_000, "too deeply|not valid JSON"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_profiles_raise_a_clear_error(tmp_path, case):
    text, message = HOSTILE[case]
    path = tmp_path / ("p.json" if case.startswith("json") else "p.csv")
    path.write_text(text)
    with pytest.raises(InvalidGameError, match=message) as info:
        co.read_profile(path, PLAYERS)
    assert str(path) in str(info.value)


def test_missing_binary_folder_and_huge_files(tmp_path, monkeypatch):
    with pytest.raises(InvalidGameError, match="no such file"):
        co.read_profile(tmp_path / "nope.csv", PLAYERS)
    with pytest.raises(InvalidGameError, match="cannot read"):
        co.read_profile(tmp_path, PLAYERS)
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\xff\xfe\x00" * 10)
    with pytest.raises(InvalidGameError, match="cannot read"):
        co.read_profile(binary, PLAYERS)
    big = tmp_path / "big.csv"
    big.write_text("member,p\n" + "A,1/2\n" * 100)
    monkeypatch.setattr(gio, "MAX_PROFILE_BYTES", 100)
    with pytest.raises(InvalidGameError, match="more than the 100"):
        co.read_profile(big, PLAYERS)
    with pytest.raises(InvalidGameError, match="path must be"):
        co.read_profile(None, PLAYERS)


@pytest.mark.parametrize(
    "profile", [[0.5], {"A": 2}, {"A": float("nan")}, {"A": True}, {3: 0.5}, {"A": "1/2"}]
)
def test_write_profile_refuses_bad_profiles(tmp_path, profile):
    with pytest.raises(CoalitionsError):
        co.write_profile(profile, tmp_path / "p.csv")


def test_coin_tosses_give_the_absolute_banzhaf_index_and_the_power_to_act():
    for game in (co.datasets.eec_council_1958(), co.datasets.un_security_council()):
        table = co.a_posteriori_table(game, [Fraction(1, 2)] * game.n_players)
        indices = co.power_indices(game, ["banzhaf-absolute", "rae"])
        assert table.exact and table.concept == "a-posteriori-table"
        assert (
            table.indices["decisiveness"].tolist() == indices.indices["banzhaf-absolute"].tolist()
        )
        assert table.indices["success"].tolist() == indices.indices["rae"].tolist()
        assert table.power_to_act == indices.power_to_act


def passing_oracle(game, p):
    """The probability that the proposal passes, summed over every vote profile."""
    total = Fraction(0)
    for votes in itertools.product((0, 1), repeat=game.n_players):
        weight = Fraction(1)
        for v, q in zip(votes, p):
            weight *= q if v else 1 - q
        if game.is_winning({name for name, v in zip(game.players, votes) if v}):
            total += weight
    return total


@settings(max_examples=25, deadline=None)
@given(
    game=weighted_voting_games(max_players=6),
    p=st.lists(st.fractions(0, 1, max_denominator=7), min_size=6, max_size=6),
    method=st.sampled_from(["auto", "enumeration"]),
)
def test_table_matches_the_measures_and_the_oracle(game, p, method):
    p = p[: game.n_players]
    table = co.a_posteriori_table(game, p, method=method)
    assert table.indices["decisiveness"].tolist() == co.decisiveness(game, p).x.tolist()
    assert table.indices["success"].tolist() == co.success(game, p).x.tolist()
    assert table.power_to_act == passing_oracle(game, p)


def test_float_probabilities_and_bad_arguments():
    game = co.WeightedVotingGame(3, [2, 1, 1])
    table = co.a_posteriori_table(game, [0.9, 0.5, 0.5])
    assert not table.exact
    assert table.power_to_act == pytest.approx(float(passing_oracle(game, [0.9, 0.5, 0.5])))
    with pytest.raises(InvalidArgumentError, match=r"\[0, 1\]"):
        co.a_posteriori_table(game, [0.5, float("nan"), 0.5])
    with pytest.raises(InvalidArgumentError, match="one probability per member"):
        co.a_posteriori_table(game, [0.5, 0.5])
    with pytest.raises(InvalidArgumentError, match="methods"):
        co.a_posteriori_table(game, 0.5, method="copula-sampling")
