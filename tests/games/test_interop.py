"""Other tools' formats: CoopGame / MatTuGames value vectors, EPIC weight files, Gambit .nfg."""

from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co

# Gambit's documentation gives one game (Selten 1975, Figure 2) in both .nfg versions.
SELTEN_PAYOFF = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form"
{ "Player 1" "Player 2" } { 3 2 }

1 1 0 2 0 2 1 1 0 3 2 0
"""
SELTEN_OUTCOME = """NFG 1 R "Selten (IJGT, 75), Figure 2, normal form" { "Player 1" "Player 2" }

{
{ "1" "2" "3" }
{ "1" "2" }
}

{
{ "" 1, 1 }
{ "" 0, 2 }
{ "" 0, 2 }
{ "" 1, 1 }
{ "" 0, 3 }
{ "" 2, 0 }
}
1 2 3 4 5 6
"""


def lexicographic_coalitions(n):
    """Oracle: by size, then itertools.combinations' (lexicographic) order, players 1..n."""
    return [set(c) for size in range(1, n + 1) for c in combinations(range(1, n + 1), size)]


@given(st.integers(1, 8), st.data())
@settings(max_examples=40, deadline=None)
def test_lexicographic_vector_places_each_worth_on_its_coalition(n, data):
    values = data.draw(st.lists(st.integers(-50, 50), min_size=2**n - 1, max_size=2**n - 1))
    game = co.from_vector(values)
    for coalition, value in zip(lexicographic_coalitions(n), values):
        assert game.value({str(i) for i in coalition}) == value
    assert co.to_vector(game) == values


@given(st.integers(1, 8), st.data())
@settings(max_examples=40, deadline=None)
def test_binary_vector_is_the_table_without_the_empty_coalition(n, data):
    values = data.draw(st.lists(st.integers(-50, 50), min_size=2**n - 1, max_size=2**n - 1))
    game = co.from_vector(values, order="binary", players=[f"p{i}" for i in range(n)])
    assert [int(v) for v in game.values[1:]] == values
    assert co.to_vector(game, order="binary") == values
    assert co.from_vector(co.to_vector(game), players=game.players) == game


def test_coopgame_vector_of_its_gap_function_example():
    # CoopGame's manual uses c(0,0,0,60,48,30,72): v({1,2}) = 60, v({1,3}) = 48, v({2,3}) = 30
    game = co.from_vector([0, 0, 0, 60, 48, 30, 72])
    assert game.value({"1", "2"}) == 60 and game.value({"1", "3"}) == 48
    assert game.value({"2", "3"}) == 30 and game.value({"1", "2", "3"}) == 72
    assert co.to_vector(game, order="binary") == [0, 0, 60, 0, 48, 30, 72]


@pytest.mark.parametrize(
    "values, message",
    [([1, 2], "2\\*\\*n - 1"), ([], "2\\*\\*n - 1"), ("0,0,1", "list"), ([0, "x", 1], "number")],
)
def test_bad_vectors(values, message):
    with pytest.raises(co.CoalitionsError, match=message):
        co.from_vector(values)


def test_unknown_order():
    with pytest.raises(co.InvalidArgumentError, match="lexicographic"):
        co.from_vector([0, 0, 1], order="gray")


def test_epic_weights_with_quota_line_and_precoalitions(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("11\n9\n5,3\n1\n1\n")
    game, unions = co.read_epic_weights(path)
    assert game.quota == 11 and game.weights == (9, 5, 3, 1, 1)
    assert unions == (("1",), ("2", "3"), ("4",), ("5",))
    given, _ = co.read_epic_weights(path, quota=0)  # quota 0 means: the first line, as in EPIC
    assert given == game
    # written back and read again, with the unions
    out = co.write_epic_weights(game, tmp_path / "back.csv", unions=unions)
    assert out.read_text() == "11\n9\n5,3\n1\n1\n"
    assert co.read_epic_weights(out) == (game, unions)
    # the EPIC README's example: weights 9 5 3 1 1, quota 11 given on the command line
    plain = tmp_path / "plain.csv"
    plain.write_text("9\n5\n3\n1\n1\n")
    game2, _ = co.read_epic_weights(plain, quota=11)
    assert [str(v) for v in co.banzhaf_index(game2).x] == [
        str(v) for v in co.banzhaf_index(co.WeightedVotingGame(11, [9, 5, 3, 1, 1])).x
    ]


def test_epic_huge_and_fractional_weights_stay_exact(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text(f"{2 * 10**18}\n{10**18}\n{10**18}\n{10**18}\n")
    game, _ = co.read_epic_weights(path)
    assert game.weights == (10**18,) * 3
    path.write_text("1/2\n0.25\n0.25\n0.5\n")
    game, _ = co.read_epic_weights(path)
    assert game.quota == Fraction(1, 2) and game.weights == (
        Fraction(1, 4),
        Fraction(1, 4),
        Fraction(1, 2),
    )


@pytest.mark.parametrize(
    "text",
    ["", "11\n", "11\n__import__('os').system('echo hi')\n", "11\n1e999\n", "11\n3/0\n", "q\n1\n"],
)
def test_epic_hostile_files(tmp_path, text):
    path = tmp_path / "w.csv"
    path.write_text(text)
    with pytest.raises(co.InvalidGameError):
        co.read_epic_weights(path)


def test_epic_missing_file_and_folder(tmp_path):
    with pytest.raises(co.InvalidGameError, match="no such file"):
        co.read_epic_weights(tmp_path / "nope.csv")
    with pytest.raises(co.InvalidGameError, match="cannot read"):
        co.read_epic_weights(tmp_path)
    with pytest.raises(co.InvalidGameError, match="player order"):
        co.write_epic_weights(co.WeightedVotingGame(2, [1, 1, 1]), tmp_path / "x", unions=[["1"]])


def test_both_gambit_versions_give_the_same_game(tmp_path):
    payoff = tmp_path / "e02.nfg"
    payoff.write_text(SELTEN_PAYOFF)
    outcome = tmp_path / "e02o.nfg"
    outcome.write_text(SELTEN_OUTCOME)
    a, b = co.read_nfg(payoff), co.read_nfg(outcome)
    # the first player's strategy changes fastest: (1,1) -> 1 1, (2,1) -> 0 2, (3,1) -> 0 2 ...
    assert a.a.tolist() == [[1, 1], [0, 0], [0, 2]]
    assert a.b.tolist() == [[1, 1], [2, 3], [2, 0]]
    assert a.a.tolist() == b.a.tolist() and a.b.tolist() == b.b.tolist()
    assert a.players == ("Player 1", "Player 2") and b.strategies == (("1", "2", "3"), ("1", "2"))


@given(
    st.integers(1, 4),
    st.integers(1, 4),
    st.data(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
@settings(max_examples=40, deadline=None)
def test_nfg_round_trip(tmp_path_factory, rows, columns, data, title):
    entries = st.one_of(
        st.integers(-(10**20), 10**20), st.fractions(max_denominator=50), st.floats(-1e6, 1e6)
    )
    a = [[data.draw(entries) for _ in range(columns)] for _ in range(rows)]
    b = [[data.draw(entries) for _ in range(columns)] for _ in range(rows)]
    path = tmp_path_factory.mktemp("nfg") / "g.nfg"
    co.write_nfg(a, b, path, title=title.replace("\\", ""), players=('Row "R"', "Col"))
    form = co.read_nfg(path)
    assert form.players == ('Row "R"', "Col")
    # exact numbers come back exactly; a float is written as its shortest repr, which reads
    # back as that decimal and converts back to the same float
    for got, want in ((form.a, a), (form.b, b)):
        for got_row, want_row in zip(got.tolist(), want):
            for value, expected in zip(got_row, want_row):
                if isinstance(expected, float):
                    assert float(value) == expected
                else:
                    assert value == expected


def test_nfg_bridges_to_a_bargaining_problem(tmp_path):
    path = co.write_nfg([[3, 0], [5, 1]], [[3, 5], [0, 1]], tmp_path / "pd.nfg", title="PD")
    form = co.read_nfg(path)
    problem = co.bargaining_problem_from_game(
        np.asarray(form.a, dtype=float), np.asarray(form.b, dtype=float), disagreement="maxmin"
    )
    assert problem.disagreement.tolist() == [1.0, 1.0]


@pytest.mark.parametrize(
    "text, message",
    [
        ('NFG 1 R "3p" { "a" "b" "c" } { 2 2 2 }\n' + "0 " * 24, "two-player"),
        ('NFG 1 R "short" { "a" "b" } { 2 2 }\n1 2 3', "expected a payoff"),
        ('NFG 1 R "long" { "a" "b" } { 1 1 }\n1 2 3', "more numbers"),
        ('NFG 1 R "bad" { "a" "b" } { 1 1 }\n1 exec(x)', "not a number"),
        ('EFG 2 R "tree" { "a" "b" }', "NFG 1 R"),
        ('NFG 1 R "unterminated { "a" "b" } { 1 1 }', "unexpected|expected"),
        ("", "expected"),
    ],
)
def test_nfg_hostile_files(tmp_path, text, message):
    path = tmp_path / "g.nfg"
    path.write_text(text)
    with pytest.raises(co.InvalidGameError, match=message):
        co.read_nfg(path)
