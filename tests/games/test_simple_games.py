"""SimpleGame, WeightedVotingGame, CompoundGame: construction, bad input, checks."""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from strategies import weighted_voting_games

import coalitions as co
from coalitions.exceptions import InvalidGameError, TooLargeError


def test_three_ways_to_build_the_same_simple_game():
    players = ["A", "B", "C"]
    a = co.SimpleGame(players, [["A", "B"], ["A", "C"], ["A", "B", "C"]])
    b = co.SimpleGame.from_minimal_winning([["A", "B"], ["A", "C"]], players)
    c = co.SimpleGame.from_predicate(lambda s: "A" in s and len(s) >= 2, players)
    d = co.WeightedVotingGame(3, [2, 1, 1], players)
    assert a == b == c
    assert np.array_equal(a.winning_table(), d.winning_table())
    assert co.minimal_winning_coalitions(a).coalitions == (("A", "B"), ("A", "C"))


def test_duck_typed_interface():
    for game in (
        co.WeightedVotingGame(2, [1, 1, 1]),
        co.SimpleGame(["1", "2"], minimal_winning=[["1"]]),
        co.datasets.eu_council(),
    ):
        assert len(game.players) == game.n_players
        assert game.is_winning(game.players) and not game.is_winning([])
        assert game.is_winning(game.grand_coalition_mask)
    tu = co.WeightedVotingGame(2, [1, 1, 1]).to_tu_game()
    assert tu.exact and tu.value(["1", "2"]) == 1 and tu.value(["3"]) == 0


def test_weighted_attributes_and_exact_scaling():
    g = co.WeightedVotingGame(Fraction(1, 2), [0.25, 0.25, 0.5], ["x", "y", "z"])
    assert g.quota == Fraction(1, 2) and g.weights == (0.25, 0.25, 0.5)
    assert g.int_weights == (1, 1, 2) and g.int_quota == 2
    assert g.is_winning(["z"]) and g.is_winning(["x", "y"]) and not g.is_winning(["x"])
    assert co.WeightedVotingGame("2/3", [1, 1, 1]).int_quota == 2


@pytest.mark.parametrize(
    "quota, weights, message",
    [
        (3, [1, -1, 2], "weight 2 is -1; weights must be non-negative"),
        (0, [1, 1], "quota must lie in \\(0, total weight\\]"),
        (5, [1, 1], "quota must lie in \\(0, total weight\\] = \\(0, 2\\]"),
        (1, [], "at least one player"),
        (1, [1, float("nan")], "must be finite"),
        (1, [1, "x"], "must be a rational number"),
    ],
)
def test_bad_weighted_games(quota, weights, message):
    with pytest.raises(InvalidGameError, match=message):
        co.WeightedVotingGame(quota, weights)


def test_bad_players():
    with pytest.raises(InvalidGameError, match="3 player names for 2 weights"):
        co.WeightedVotingGame(1, [1, 1], ["a", "b", "c"])
    with pytest.raises(InvalidGameError, match="duplicate"):
        co.WeightedVotingGame(1, [1, 1], ["a", "a"])
    with pytest.raises(InvalidGameError, match="non-empty"):
        co.WeightedVotingGame(1, [1, 1], ["a", " "])
    with pytest.raises(InvalidGameError, match="unknown player 'Q'"):
        co.WeightedVotingGame(1, [1, 1], ["a", "b"]).is_winning(["Q"])


def test_bad_simple_games():
    with pytest.raises(InvalidGameError, match="not monotone"):
        co.SimpleGame(["A", "B"], [["A"]])  # {A, B} should win too
    with pytest.raises(InvalidGameError, match="exactly one of"):
        co.SimpleGame(["A"])
    with pytest.raises(InvalidGameError, match="an empty game"):
        co.SimpleGame(["A", "B"], minimal_winning=[])
    with pytest.raises(InvalidGameError, match="empty coalition wins"):
        co.SimpleGame(["A", "B"], predicate=lambda s: True)
    with pytest.raises(InvalidGameError, match="at least one player"):
        co.SimpleGame([], minimal_winning=[[]])
    with pytest.raises(TooLargeError, match="limit is 25"):
        co.SimpleGame([str(i) for i in range(26)], minimal_winning=[["0"]])
    with pytest.raises(InvalidGameError, match="same players"):
        co.WeightedVotingGame(1, [1, 1], ["a", "b"]) & co.WeightedVotingGame(1, [1, 1])


def test_compound_game_logic():
    eu = co.datasets.eu_council()
    assert isinstance(eu, co.CompoundGame) and eu.operator == "or"
    assert len(eu.atoms()) == 3
    smallest24 = list(eu.players[3:])  # 24 states without DE, FR, IT
    assert eu.is_winning(smallest24)
    assert not eu.is_winning(eu.players[:4])  # 4 states, 57 % of the people


GAMES = {
    "majority of 3": (co.WeightedVotingGame(2, [1, 1, 1]), True, True),
    "two equal": (co.WeightedVotingGame(1, [1, 1]), False, True),
    "4 members, 3 votes": (co.WeightedVotingGame(3, [1, 1, 1, 1]), True, False),
    "unsc": (co.datasets.un_security_council(), True, False),
}


@pytest.mark.parametrize("name", GAMES)
def test_proper_strong_decisive(name):
    game, proper, strong = GAMES[name]
    assert co.is_proper(game) == proper and co.is_strong(game) == strong
    assert co.is_decisive(game) == (proper and strong)


@settings(max_examples=50, deadline=None)
@given(weighted_voting_games(max_players=8, min_weight=1))
def test_checks_agree_with_the_table(game):
    win = game.winning_table()
    assert co.is_proper(game) == (not np.any(win & win[::-1]))
    assert co.is_strong(game) == bool(np.all(win | win[::-1]))
    as_simple = co.SimpleGame.from_tu_game(game.to_tu_game())
    assert co.is_proper(as_simple) == co.is_proper(game)
    veto = co.power.veto_players(game)
    assert veto == co.veto_players(game.to_tu_game())
    blocking = co.minimal_blocking_coalitions(game).coalitions
    for coalition in blocking:  # complement loses
        rest = [p for p in game.players if p not in coalition]
        assert not game.is_winning(rest)
    assert set((p,) for p in veto) <= set(blocking)


def test_compound_checks_by_meet_in_the_middle():
    eu = co.datasets.eu_council()
    assert co.is_proper(eu) and not co.is_strong(eu)
    from coalitions.power._engines import mitm_exists

    small = co.datasets.eec_council_1958()
    assert mitm_exists(small, "proper") == (not co.is_proper(small))
    assert mitm_exists(small, "strong") == (not co.is_strong(small))


def test_read_weighted_and_compound_files(tmp_path):
    path = tmp_path / "eec.json"
    path.write_text(
        json.dumps(
            {
                "type": "weighted",
                "quota": 12,
                "weights": [4, 4, 4, 2, 2, 1],
                "players": ["FR", "DE", "IT", "BE", "NL", "LU"],
            }
        )
    )
    game = co.read_game(path)
    assert isinstance(game, co.WeightedVotingGame) and game.players[0] == "FR"
    path.write_text(
        json.dumps(
            {
                "type": "compound",
                "operator": "and",
                "players": ["a", "b"],
                "rules": [{"quota": 1, "weights": [1, 1]}, {"quota": 3, "weights": [2, 1]}],
            }
        )
    )
    game = co.read_game(path)
    assert game.is_winning(["a", "b"]) and not game.is_winning(["a"])
    path.write_text(
        json.dumps({"type": "simple", "players": ["a", "b"], "minimal_winning": [["a"]]})
    )
    assert co.read_game(path).is_winning(["a"])
    path.write_text(json.dumps({"type": "weighted", "weights": [1]}))
    with pytest.raises(InvalidGameError, match='needs "quota"'):
        co.read_game(path)


# --- large bodies: no 64-bit mask anywhere (issue 11, item 3) -----------------------------


def _weight(game, members):
    """The oracle: a coalition's weight as a plain Python sum."""
    index = {p: i for i, p in enumerate(game.players)}
    return sum(game.int_weights[index[p]] for p in members)


@pytest.mark.parametrize("n", [63, 64, 193, 1000])
def test_a_large_majority_answers_by_name_and_by_mask(n):
    quota = n // 2 + 1
    game = co.WeightedVotingGame(quota, [1] * n)
    just = game.players[:quota]
    assert game.is_winning(just) and not game.is_winning(just[1:])
    assert game.value(just) == 1 and game.value(just[1:]) == 0
    full = game.grand_coalition_mask
    assert full == 2**n - 1 and game.is_winning(full) and not game.is_winning(0)
    mask = game.mask(just)
    assert mask == 2**quota - 1 and game.coalition(mask) == frozenset(just)
    assert game.is_winning(mask) and not game.is_winning(mask >> 1)
    with pytest.raises(InvalidGameError, match="out of range"):
        game.is_winning(2**n)
    # masks as Python ints, vectorised
    masks = np.array([mask, mask >> 1, full, 0], dtype=object)
    assert game.winning_masks(masks).tolist() == [True, False, True, False]


@pytest.mark.parametrize("n", [64, 193, 1000])
def test_random_large_bodies_agree_with_python_sums(n):
    rng = np.random.default_rng(n)
    # small, large and huge (beyond int64) weights: the last need exact limb sums
    weights = [int(v) for v in rng.integers(0, 10**6, n)]
    huge = [
        int(v) * 10**15 + int(u)
        for v, u in zip(rng.integers(0, 10**6, n), rng.integers(0, 10**6, n))
    ]
    for ws in (weights, huge):
        quota = sum(ws) // 2 + 1
        game = co.WeightedVotingGame(quota, ws)
        rows = rng.random((50, n)) < 0.5
        expected = [sum(w for w, x in zip(ws, row) if x) >= quota for row in rows]
        assert game.winning_matrix(rows).tolist() == expected
        for row, want in zip(rows[:10], expected):
            members = [p for p, x in zip(game.players, row) if x]
            assert game.is_winning(members) == want
            assert game.is_winning(game.mask(members)) == want


def test_exact_limb_sums_at_the_quota():
    # totals differ from the quota by one unit in 10**40: float or int64 sums cannot tell
    big = 10**40
    game = co.WeightedVotingGame(2 * big + 1, [big, big, 1, 1])
    assert not game.is_winning([game.players[0], game.players[1]])
    assert game.is_winning([game.players[0], game.players[1], game.players[2]])
    table = game.winning_table()
    brute = [
        sum(w for i, w in enumerate(game.int_weights) if m >> i & 1) >= 2 * big + 1
        for m in range(16)
    ]
    assert table.tolist() == brute


@pytest.mark.parametrize("n", [64, 193])
def test_pivotal_and_veto_players_of_large_bodies(n):
    quota = n // 2 + 1
    majority = co.WeightedVotingGame(quota, [1] * n)
    players = majority.players
    # exactly a quota of yes votes: every yes voter is pivotal (closed form)
    vote = co.pivotal_players(majority, players[:quota])
    assert vote.passed and vote.pivotal == tuple(players[:quota])
    # one vote short: every no voter could carry it
    vote = co.pivotal_players(majority, players[: quota - 1])
    assert not vote.passed and vote.pivotal == tuple(players[quota - 1 :])
    # one vote to spare: nobody is pivotal
    assert co.pivotal_players(majority, players[: quota + 1]).pivotal == ()
    assert co.power.veto_players(majority) == []
    unanimity = co.WeightedVotingGame(n, [1] * n)
    assert co.power.veto_players(unanimity) == list(players)
    assert co.pivotal_players(unanimity, players[1:]).pivotal == (players[0],)


def test_the_general_assembly_two_thirds_rule():
    ga = co.WeightedVotingGame(129, [1] * 193)  # two thirds of 193 members
    players = ga.players
    assert ga.is_winning(players[:129]) and not ga.is_winning(players[:128])
    assert co.power.veto_players(ga) == [] and co.null_players(ga) == []
    vote = co.pivotal_players(ga, players[:129])
    assert vote.passed and len(vote.pivotal) == 129 and len(vote.no) == 64
    assert set(co.shapley_shubik_index(ga).x) == {Fraction(1, 193)}
    assert set(co.banzhaf_index(ga).x) == {Fraction(1, 193)}
    with pytest.raises(TooLargeError, match="too many to list"):
        co.minimal_winning_coalitions(ga)  # C(193, 129) of them


def test_pivotal_players_of_a_random_1000_member_body_by_brute_force():
    rng = np.random.default_rng(7)
    weights = [int(v) for v in rng.integers(1, 10**9, 1000)]
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    yes = [p for p, x in zip(game.players, rng.random(1000) < 0.5) if x]
    total = _weight(game, yes)
    vote = co.pivotal_players(game, yes)
    assert vote.passed == (total >= game.int_quota)
    index = {p: i for i, p in enumerate(game.players)}
    expected = tuple(
        p
        for p in game.players
        if (
            (total - weights[index[p]] if p in set(yes) else total + weights[index[p]])
            >= game.int_quota
        )
        != vote.passed
    )
    assert vote.pivotal == expected


def test_compound_rules_over_193_members():
    n = 193
    members = co.WeightedVotingGame(97, [1] * n)
    rng = np.random.default_rng(1)
    weights = [int(v) for v in rng.integers(1, 10**12, n)]
    money = co.WeightedVotingGame(sum(weights) * 2 // 3, weights, members.players)
    double = members & money
    rows = rng.random((40, n)) < 0.6
    expected = [
        (row.sum() >= 97) and sum(w for w, x in zip(weights, row) if x) >= money.int_quota
        for row in rows
    ]
    assert double.winning_matrix(rows).tolist() == expected
    yes = [p for p, x in zip(members.players, rows[0]) if x]
    assert double.is_winning(yes) == expected[0]
    assert co.power.veto_players(double) == []


@pytest.mark.parametrize("n_dummies", [60, 189, 996])
def test_minimal_coalitions_of_large_bodies_brute_force_on_the_members_that_matter(n_dummies):
    core_weights = [4, 3, 2, 2]
    core = co.WeightedVotingGame(7, core_weights, ["A", "B", "C", "D"])
    dummies = [f"d{k}" for k in range(n_dummies)]
    body = co.WeightedVotingGame(7, core_weights + [0] * n_dummies, core.players + tuple(dummies))
    assert (
        co.minimal_winning_coalitions(body).coalitions
        == co.minimal_winning_coalitions(core).coalitions
    )
    assert (
        co.minimal_blocking_coalitions(body).coalitions
        == co.minimal_blocking_coalitions(core).coalitions
    )
    assert set(co.null_players(body)) >= set(dummies)


def test_minimal_coalitions_with_huge_vetoes_closed_form():
    # five huge permanent members and 188 others; every one of C(188, 2) pairs completes a
    # winning coalition with the five
    big = 10**18
    game = co.WeightedVotingGame(5 * big + 2, [big] * 5 + [1] * 188)
    winning = co.minimal_winning_coalitions(game).coalitions
    assert len(winning) == 188 * 187 // 2
    assert all(c[:5] == game.players[:5] and len(c) == 7 for c in winning)
    blocking = co.minimal_blocking_coalitions(game).coalitions
    assert list(blocking[:5]) == [(p,) for p in game.players[:5]]
    others = game.players[5:]
    # any 187 of the 188 others block (the 188th alone cannot reach 2 units); listed by the
    # positions of their members, so the one left out runs from the last to the first
    assert list(blocking[5:]) == [others[:k] + others[k + 1 :] for k in range(187, -1, -1)]
    assert co.power.veto_players(game) == list(game.players[:5])


def test_owen_index_of_a_70_member_body_with_unions():
    # past 63 members the union masks are Python ints; symmetric unions of a symmetric
    # majority give every member 1/70 (closed form by symmetry)
    game = co.WeightedVotingGame(36, [1] * 70)
    unions = [game.players[i : i + 7] for i in range(0, 70, 7)]
    assert set(co.owen_index(game, unions).x) == {Fraction(1, 70)}
