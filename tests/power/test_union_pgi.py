"""The Public Good indices with a priori unions (issue 14, item 5): union, solidarity and the
three threat indices, against a brute force written here from the definitions, worked and
published values, and their properties.

The brute force lists every coalition with ``itertools``, finds minimal winning coalitions by
removing one member at a time, and builds each quotient and threat game as a predicate on
sets of blocks; it shares no code with the library (no table, no engine, no quotient game
object). Definitions: Alonso-Meijide, Casas-Méndez, Holler and Lorenzo-Freire (2010, Control
and Cybernetics 39(3)) for the union PGI; Alonso-Meijide, Casas-Méndez, Fiestras-Janeiro,
Holler and Nohn (2010, Social Choice and Welfare 35) for the solidarity and threat PGIs;
Holler and Nohn (2009, Homo Oeconomicus 26) for the three threat partitions, as restated by
Staudacher (2025, Games 16(5) 41).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError, TooLargeError

NAMES = "ABCDEFGH"


# ----------------------------------------------------------------------------- brute force
def _subsets(items):
    items = list(items)
    for size in range(len(items) + 1):
        yield from (frozenset(c) for c in itertools.combinations(items, size))


def brute_pgi(blocks, wins):
    """Holler's index of the game whose players are ``blocks`` (frozensets of names): a set of
    blocks wins when the union of their members does."""

    def block_wins(chosen):
        return wins(frozenset().union(*chosen))

    minimal = [
        R
        for R in _subsets(blocks)
        if R and block_wins(R) and all(not block_wins(R - {b}) for b in R)
    ]
    counts = [sum(1 for R in minimal if b in R) for b in blocks]
    return [Fraction(c, sum(counts)) for c in counts], counts


def brute_indices(players, wins, partition):
    """All five indices from their definitions, as {name: {player: Fraction}}."""
    blocks = [frozenset(u) for u in partition]
    pgi, counts = brute_pgi(blocks, wins)
    out = {"union": {}, "solidarity": {}, 1: {}, 2: {}, 3: {}}
    total = sum(len(b) * c for b, c in zip(blocks, counts))
    alone, _ = brute_pgi([frozenset([p]) for p in players], wins)
    for k, block in enumerate(blocks):
        others = blocks[:k] + blocks[k + 1 :]
        members = sorted(block)
        for i in members:
            out["union"][i] = Fraction(counts[k], total)
            out["solidarity"][i] = pgi[k] / len(block)
        split, _ = brute_pgi([frozenset([i]) for i in members] + others, wins)
        tau = {
            1: {i: alone[players.index(i)] for i in members},
            2: dict(zip(members, split)),
            3: {i: brute_pgi([frozenset([i]), block - {i}, *others], wins)[0][0] for i in members}
            if len(block) > 1
            else {i: Fraction(1) for i in members},  # a singleton keeps its union's share
        }
        for t in (1, 2, 3):
            s = sum(tau[t].values())
            for i in members:
                out[t][i] = pgi[k] * tau[t][i] / s if s else pgi[k] / len(block)
    return out


def library_indices(game, partition):
    return {
        "union": co.union_public_good_index(game, partition),
        "solidarity": co.solidarity_public_good_index(game, partition),
        **{t: co.threat_public_good_index(game, partition, threat=t) for t in (1, 2, 3)},
    }


def weighted_wins(quota, weights, players):
    return lambda S: sum(weights[players.index(p)] for p in S) >= quota


# ----------------------------------------------------------------------------- strategies
@st.composite
def partitions(draw, players):
    labels = draw(st.lists(st.integers(0, 3), min_size=len(players), max_size=len(players)))
    groups: dict[int, list[str]] = {}
    for p, label in zip(players, labels):
        groups.setdefault(label, []).append(p)
    return list(groups.values())


@st.composite
def weighted_cases(draw, max_players=7):
    n = draw(st.integers(1, max_players))
    weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    players = list(NAMES[:n])
    return quota, weights, players, draw(partitions(players))


@st.composite
def simple_cases(draw, max_players=8):
    """A simple game (not necessarily weighted) from random minimal winning coalitions."""
    n = draw(st.integers(2, max_players))
    players = list(NAMES[:n])
    family = draw(
        st.lists(
            st.lists(st.sampled_from(players), min_size=1, max_size=n, unique=True),
            min_size=1,
            max_size=5,
        )
    )
    minimal = [frozenset(c) for c in family]
    wins = lambda S: any(M <= S for M in minimal)  # noqa: E731
    game = co.SimpleGame(players, minimal_winning=[sorted(c) for c in minimal])
    return game, wins, players, draw(partitions(players))


def _as_dict(result):
    return dict(zip(result.players, result.x))


# ----------------------------------------------------------------------------- oracle
@settings(max_examples=40, deadline=None)
@given(weighted_cases())
def test_weighted_games_match_the_brute_force(case):
    quota, weights, players, partition = case
    game = co.WeightedVotingGame(quota, weights, players)
    expected = brute_indices(players, weighted_wins(quota, weights, players), partition)
    for name, result in library_indices(game, partition).items():
        assert _as_dict(result) == expected[name], name
        assert result.exact and result.normalized


@settings(max_examples=30, deadline=None)
@given(simple_cases())
def test_simple_games_match_the_brute_force(case):
    game, wins, players, partition = case
    expected = brute_indices(players, wins, partition)
    for name, result in library_indices(game, partition).items():
        assert _as_dict(result) == expected[name], name


def test_a_compound_game_matches_the_brute_force():
    # a double majority: three of five states and 60 of 100 people
    players = list("ABCDE")
    people = [35, 25, 20, 15, 5]
    game = co.WeightedVotingGame(3, [1] * 5, players) & co.WeightedVotingGame(60, people, players)
    partition = [["A", "E"], ["B", "C", "D"]]

    def wins(S):
        return len(S) >= 3 and sum(people[players.index(p)] for p in S) >= 60

    expected = brute_indices(players, wins, partition)
    for name, result in library_indices(game, partition).items():
        assert _as_dict(result) == expected[name], name


# ----------------------------------------------------------------------------- known values
def test_singleton_unions_give_hollers_published_example():
    # Holler's paradox of weighted voting, [51; 35, 20, 15, 15, 15]: the PGI is
    # (4/15, 2/15, 1/5, 1/5, 1/5) (Holler 1982; Holler and Illing, Einfuehrung in die
    # Spieltheorie, and the CoopGame documentation print 0.2667 0.1333 0.2 0.2 0.2).
    game = co.WeightedVotingGame(51, [35, 20, 15, 15, 15], list("ABCDE"))
    published = [Fraction(4, 15), Fraction(2, 15), Fraction(1, 5), Fraction(1, 5), Fraction(1, 5)]
    for result in library_indices(game, []).values():
        assert list(result.x) == published


def test_worked_example_of_the_three_threats():
    # [4; 2, 1, 1, 1, 1], unions {A, D, E} and {B, C}: the quotient game [4; 4, 2] gives the
    # union {A, D, E} everything. Threat 1: the game's minimal winning coalitions are
    # {A, x, y} (six) and {B, C, D, E}: A is in 6, D and E in 4 each -> 6:4:4. Threat 2:
    # [4; 2, 1, 1, 2] (A, D, E, BC) has {A, BC}, {A, D, E}, {BC, D, E} -> 2:2:2. Threat 3:
    # A against {D, E} and {B, C} ([4; 2, 2, 2]) has index 1/3; D against {A, E} and {B, C}
    # ([4; 1, 3, 2]: {AE, D}, {AE, BC}) index 1/4 -> 1/3 : 1/4 : 1/4.
    game = co.WeightedVotingGame(4, [2, 1, 1, 1, 1], list("ABCDE"))
    unions = [["A", "D", "E"], ["B", "C"]]
    expected = {
        1: ["3/7", "0", "0", "2/7", "2/7"],
        2: ["1/3", "0", "0", "1/3", "1/3"],
        3: ["2/5", "0", "0", "3/10", "3/10"],
    }
    for t, values in expected.items():
        result = co.threat_public_good_index(game, unions, threat=t)
        assert [str(v) for v in result.x] == values
        assert result.concept == f"threat-public-good-{t}"


def test_union_and_solidarity_differ_when_unions_differ_in_size():
    # [6; 4, 3, 2, 1] with {A, D}: the quotient game [6; 5, 3, 2] has minimal winning
    # coalitions {AD, B} and {AD, C}. Union PGI: A and D count twice, B and C once (1/6 of
    # 6 memberships of players); solidarity: AD's half split in two.
    game = co.WeightedVotingGame(6, [4, 3, 2, 1], list("ABCD"))
    union = co.union_public_good_index(game, [["A", "D"]])
    solidarity = co.solidarity_public_good_index(game, [["A", "D"]])
    assert [str(v) for v in union.x] == ["1/3", "1/6", "1/6", "1/3"]
    assert [str(v) for v in solidarity.x] == ["1/4", "1/4", "1/4", "1/4"]


def test_threat_three_splits_equally_when_nobody_can_threaten():
    # A majority of A, B, C decides; D is a null player. In the union {A, B, C, D} no member
    # leaving alone can swing the others, so every threat power is zero and the original
    # definition splits the union's share equally, D included (Staudacher 2025 proposes a
    # variant that gives null players nothing); threat 1 gives D nothing.
    game = co.WeightedVotingGame(2, [1, 1, 1, 0], list("ABCD"))
    union = [["A", "B", "C", "D"]]
    assert [str(v) for v in co.threat_public_good_index(game, union, threat=3).x] == ["1/4"] * 4
    assert [str(v) for v in co.threat_public_good_index(game, union, threat=1).x] == [
        "1/3",
        "1/3",
        "1/3",
        "0",
    ]


def test_a_zero_one_tu_game_is_accepted():
    game = co.majority_game(["A", "B", "C"])
    result = co.solidarity_public_good_index(game, [["A", "B"]])
    assert [str(v) for v in result.x] == ["1/2", "1/2", "0"]


# ----------------------------------------------------------------------------- properties
@settings(max_examples=40, deadline=None)
@given(weighted_cases(max_players=6))
def test_properties(case):
    quota, weights, players, partition = case
    game = co.WeightedVotingGame(quota, weights, players)
    results = library_indices(game, partition)
    holler = list(co.holler_index(game).x)
    n = len(players)
    member_of = {p: k for k, union in enumerate(partition) for p in union}
    quotient = co.WeightedVotingGame(
        quota, [sum(weights[players.index(p)] for p in u) for u in partition]
    )
    quotient_pgi = list(co.holler_index(quotient).x)
    for name, result in results.items():
        x = _as_dict(result)
        assert sum(result.x) == 1, name  # efficiency
        for i, j in itertools.combinations(players, 2):
            # symmetry inside a union: equal weights are symmetric players
            if (
                member_of[i] == member_of[j]
                and weights[players.index(i)] == weights[players.index(j)]
            ):
                assert x[i] == x[j], name
        if name != "union":  # the quotient game property: a union gets its quotient PGI
            for k, union in enumerate(partition):
                assert sum(x[p] for p in union) == quotient_pgi[k], name
    # members of a union share alike under the union and solidarity indices
    for name in ("union", "solidarity"):
        x = _as_dict(results[name])
        for union in partition:
            assert len({x[p] for p in union}) == 1
    # the null player property of threats 1 and 2 (a null player has no Holler index)
    for t in (1, 2):
        for p, h in zip(players, holler):
            if h == 0:
                assert _as_dict(results[t])[p] == 0
    # all alone, every index is Holler's; in one union of everybody the union and
    # solidarity indices split equally and threats 1 and 2 give Holler's index again
    for result in library_indices(game, [[p] for p in players]).values():
        assert list(result.x) == holler
    everybody = library_indices(game, [players])
    assert list(everybody["union"].x) == [Fraction(1, n)] * n
    assert list(everybody["solidarity"].x) == [Fraction(1, n)] * n
    assert list(everybody[1].x) == holler
    assert list(everybody[2].x) == holler


# ----------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "unions",
    [[["A", "Z"]], [["A", "B"], ["B", "C"]], [["A"], []], "AB", 3],
    ids=["unknown", "overlap", "empty", "string", "int"],
)
def test_bad_unions_raise_the_owen_index_error(unions):
    game = co.WeightedVotingGame(2, [1, 1, 1], list("ABC"))
    with pytest.raises(InvalidGameError) as owen:
        co.owen_index(game, unions)
    calls = [
        lambda: co.union_public_good_index(game, unions),
        lambda: co.solidarity_public_good_index(game, unions),
        lambda: co.threat_public_good_index(game, unions, threat=2),
    ]
    for call in calls:
        with pytest.raises(InvalidGameError) as error:
            call()
        assert str(error.value) == str(owen.value)


@pytest.mark.parametrize("threat", [0, 4, "1", True, 1.0, None])
def test_bad_threat(threat):
    game = co.WeightedVotingGame(2, [1, 1, 1], list("ABC"))
    with pytest.raises(InvalidArgumentError, match="threat"):
        co.threat_public_good_index(game, [["A", "B"]], threat=threat)


def test_bad_method_and_missing_threat():
    game = co.WeightedVotingGame(2, [1, 1, 1], list("ABC"))
    with pytest.raises(InvalidArgumentError, match="method"):
        co.union_public_good_index(game, [["A", "B"]], method="owen")
    with pytest.raises(InvalidArgumentError, match="threat"):
        co.threat_public_good_index(game, [["A", "B"]])
    with pytest.raises(InvalidGameError):
        co.solidarity_public_good_index(co.TUGame([0, 2, 1, 3], ["A", "B"]), [["A"]])


def test_too_large_a_quotient_game_says_which_function_needs_it():
    weights = [1000003 + 7 * i for i in range(40)]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    with pytest.raises(TooLargeError, match="threat_public_good_index needs Holler's index"):
        co.threat_public_good_index(game, [["1", "2"]], threat=1)
