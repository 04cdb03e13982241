"""Ternary (yes/abstain/no) voting games and their measures (issue 14, item 1).

Three checks, sharing no code with the library:

* the Security Council with its real abstention rule against a brute force over all 3**15
  profiles (Banzhaf, block, initiate, power to act) and over all partial roll calls grouped
  by how many permanent and elected members have cast each vote (Shapley-Shubik), the rule
  written here from the Charter (nine yes votes, no permanent member voting no);
* the literal Felsenthal-Machover definition (every order of the voters times every
  profile, the pivot found by trying the remaining votes) on small random games;
* hypothesis properties: efficiency, symmetric voters equal, exact DP = enumeration, and
  the binary index when abstaining is the same as voting no (the roll-call pivot probability
  does not depend on the chance of a yes).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError, TooLargeError

N_PERMANENT, N_ELECTED, AFFIRMATIVE = 5, 10, 9


def _charter_outcomes() -> np.ndarray:
    """Outcome of each of the 3**15 profiles, an array of shape (3,) * 15 (axis i = member
    i; 0 no, 1 abstain, 2 yes; the first five are permanent)."""
    n = N_PERMANENT + N_ELECTED
    yes = np.zeros((1,) * n, dtype=np.int8)
    veto_free = np.ones((1,) * n, dtype=bool)
    for axis in range(n):
        shape = [1] * n
        shape[axis] = 3
        votes = np.arange(3).reshape(shape)
        yes = yes + (votes == 2).astype(np.int8)
        if axis < N_PERMANENT:
            veto_free = veto_free & (votes != 0)
    return (yes >= AFFIRMATIVE) & veto_free


@pytest.fixture(scope="module")
def unsc():
    return co.datasets.un_security_council(abstention=True)


def test_security_council_rule_matches_the_charter_over_all_profiles(unsc):
    outcomes = _charter_outcomes()
    n = outcomes.ndim
    codes = np.arange(3**n, dtype=np.int64)
    sample = codes[:: 3**n // 5000]
    digits = (sample[:, None] // 3 ** np.arange(n)[None, :]) % 3
    expected = outcomes[tuple(digits.T)]
    assert np.array_equal(unsc.outcomes(digits), expected)
    assert unsc.players[:N_PERMANENT] == (
        "China",
        "France",
        "Russian Federation",
        "United Kingdom",
        "United States",
    )


def test_security_council_banzhaf_block_initiate_act_match_brute_force(unsc):
    outcomes = _charter_outcomes()
    n = outcomes.ndim
    passing = int(outcomes.sum())
    failing = 3**n - passing
    eta, block, initiate = [], [], []
    for i in range(n):
        no, abstain, yes = (np.take(outcomes, k, axis=i) for k in range(3))
        swing = int(np.count_nonzero(yes & ~no))
        eta.append(swing)
        block.append(swing + int(np.count_nonzero(abstain & ~no)))
        initiate.append(swing + int(np.count_nonzero(yes & ~abstain)))
    absolute = co.banzhaf_index(unsc, normalized=False)
    assert absolute.counts == tuple(eta)
    assert list(absolute.x) == [Fraction(e, 3 ** (n - 1)) for e in eta]
    assert list(co.banzhaf_index(unsc).x) == [Fraction(e, sum(eta)) for e in eta]
    assert list(co.ternary_power_to_block(unsc).x) == [Fraction(b, passing) for b in block]
    assert list(co.ternary_power_to_initiate(unsc).x) == [Fraction(b, failing) for b in initiate]
    assert co.ternary_power_to_act(unsc).value == Fraction(passing, 3**n)
    # a permanent member defeats every passing resolution by voting no
    assert block[0] == passing


def _security_council_roll_calls(permanent: bool) -> Fraction:
    """Pivot probability of one member by the roll-call definition, the earlier voters
    grouped by how many permanent and elected members cast each vote (with the multinomial
    number of such groups): states (uncalled, no, abstain, yes) for each kind."""
    n = N_PERMANENT + N_ELECTED
    other_p = N_PERMANENT - permanent
    other_e = N_ELECTED - (not permanent)

    def compositions(total):
        for a in range(total + 1):
            for b in range(total + 1 - a):
                for c in range(total + 1 - a - b):
                    yield total - a - b - c, a, b, c  # uncalled, no, abstain, yes

    def multinomial(parts):
        out = math.factorial(sum(parts))
        for part in parts:
            out //= math.factorial(part)
        return out

    def decided(p, e):
        """None while undecided, else the outcome: p, e = (uncalled, no, abstain, yes)."""
        if p[1] > 0:
            return False  # a permanent member voted no
        if p[3] + e[3] >= AFFIRMATIVE and p[0] == 0:
            return True  # nine yes and every permanent member has voted (not no)
        if p[3] + e[3] + p[0] + e[0] < AFFIRMATIVE:
            return False  # not enough votes left
        return None

    def with_member(p, e, state):
        """The counts with the member itself in ``state`` (0 while not yet called)."""
        mine = [int(k == state) for k in range(4)]
        if permanent:
            return tuple(a + b for a, b in zip(p, mine)), e
        return p, tuple(a + b for a, b in zip(e, mine))

    total = Fraction(0)
    for p in compositions(other_p):
        for e in compositions(other_e):
            if decided(*with_member(p, e, 0)) is not None:
                continue
            s = n - 1 - p[0] - e[0]
            ways = multinomial(p) * multinomial(e)
            pivots = sum(decided(*with_member(p, e, vote)) is not None for vote in (1, 2, 3))
            order = Fraction(math.factorial(s) * math.factorial(n - 1 - s), math.factorial(n))
            total += order * ways * pivots / 3 ** (s + 1)
    return total


def test_security_council_shapley_shubik_matches_roll_calls(unsc):
    ss = co.shapley_shubik_index(unsc)
    assert ss.x[0] == _security_council_roll_calls(permanent=True)
    assert ss.x[5] == _security_council_roll_calls(permanent=False)
    assert sum(ss.x) == 1
    assert len(set(ss.x[:N_PERMANENT])) == 1 and len(set(ss.x[N_PERMANENT:])) == 1


def test_abstention_raises_elected_members_power(unsc):
    binary = co.datasets.un_security_council()
    assert co.shapley_shubik_index(unsc).x[5] > 9 * co.shapley_shubik_index(binary).x[5]
    assert co.banzhaf_index(unsc).x[5] > co.banzhaf_index(binary).x[5]
    # with abstention counted as no, the ternary rule is the binary one
    embedded = unsc.binary_game("no")
    assert all(
        embedded.is_winning(c) == binary.is_winning(c)
        for c in ([*unsc.players[:5], *unsc.players[5:9]], unsc.players[1:10])
    )


# --- the literal definition on small games -----------------------------------------------------
def _roll_call_pivots(outcome, n):
    """Pivot counts over all n! orders and 3**n profiles; ``outcome(votes)`` for a full
    tuple of votes 0/1/2. The outcome is decided after a prefix when it is the same for
    every completion of the remaining votes."""
    counts = [0] * n
    for order in itertools.permutations(range(n)):
        for votes in itertools.product(range(3), repeat=n):
            for k in range(1, n + 1):
                called = order[:k]
                rest = order[k:]
                results = set()
                for completion in itertools.product(range(3), repeat=len(rest)):
                    full = list(votes)
                    for voter, vote in zip(rest, completion):
                        full[voter] = vote
                    results.add(outcome(tuple(full)))
                if len(results) == 1:
                    counts[called[-1]] += 1
                    break
    return counts


@st.composite
def weighted_ternary(draw, max_n=5):
    n = draw(st.integers(1, max_n))
    yes = [draw(st.integers(0, 4)) for _ in range(n)]
    abstain = [draw(st.integers(0, y)) for y in yes]
    no = [draw(st.integers(0, a)) for a in abstain]
    if sum(yes) <= sum(no):
        yes[0] += 1
    quota = draw(st.integers(sum(no) + 1, sum(yes)))
    return co.WeightedTernaryGame(quota, yes, abstain, no)


@settings(max_examples=15, deadline=None)
@given(weighted_ternary(max_n=4))
def test_shapley_shubik_is_the_roll_call_pivot_probability(game):
    n = game.n_players
    levels = game.int_levels

    def outcome(votes):
        return sum(levels[i][2 - v] for i, v in enumerate(votes)) >= game.int_quota

    pivots = _roll_call_pivots(outcome, n)
    expected = [Fraction(c, math.factorial(n) * 3**n) for c in pivots]
    for method in ("exact", "enumeration"):
        assert list(co.shapley_shubik_index(game, method=method).x) == expected


@settings(max_examples=40, deadline=None)
@given(weighted_ternary(max_n=6))
def test_exact_equals_enumeration_and_efficiency(game):
    table = co.ternary_power_table(game, method="exact")
    other = co.ternary_power_table(game, method="enumeration")
    for name in table.indices:
        assert list(table.indices[name]) == list(other.indices[name])
    assert table.power_to_act == other.power_to_act
    assert sum(table.indices["shapley-shubik"]) == 1
    # block + initiate = 3 eta: every decisive profile is counted once, three votes per profile
    to_block, to_initiate = co.ternary_power_to_block(game), co.ternary_power_to_initiate(game)
    block, initiate = to_block.counts, to_initiate.counts
    eta = co.banzhaf_index(game, normalized=False).counts
    assert [b + i for b, i in zip(block, initiate)] == [3 * e for e in eta]
    # the table's columns are the measures of the front doors
    assert list(table.indices["block"]) == list(to_block.x)
    assert list(table.indices["initiate"]) == list(to_initiate.x)


@settings(max_examples=40, deadline=None)
@given(weighted_ternary(max_n=7))
def test_abstaining_as_no_gives_the_binary_shapley_shubik_index(game):
    embedded = co.WeightedTernaryGame(
        game.quota,
        [y for y, _, _ in game.levels],
        [o for _, _, o in game.levels],
        [o for _, _, o in game.levels],
    )
    binary = embedded.binary_game("no")
    assert list(co.shapley_shubik_index(embedded).x) == list(co.shapley_shubik_index(binary).x)
    # Banzhaf: decisiveness when each member votes yes with probability 1/3 (not 1/2)
    third = co.decisiveness(binary, [Fraction(1, 3)] * game.n_players)
    assert list(co.banzhaf_index(embedded, normalized=False).x) == list(third.x)


@settings(max_examples=30, deadline=None)
@given(weighted_ternary(max_n=5), st.integers(2, 3))
def test_symmetric_voters_are_equal(game, copies):
    levels = [game.levels[0]] * copies + list(game.levels[1:])
    quota = game.quota + sum(o for _, _, o in levels[: copies - 1])
    twin = co.WeightedTernaryGame(
        quota, [y for y, _, _ in levels], [a for _, a, _ in levels], [o for _, _, o in levels]
    )
    table = co.ternary_power_table(twin)
    for column in table.indices.values():
        assert len(set(column[:copies])) == 1


@settings(max_examples=20, deadline=None)
@given(st.lists(weighted_ternary(max_n=4), min_size=1, max_size=3))
def test_general_rules_by_enumeration(games):
    """The union of weighted rules (pass if any passes), a monotone ternary game that is
    in general not weighted: enumeration against the literal roll calls."""
    games = [g for g in games if g.n_players == games[0].n_players]
    n = games[0].n_players
    names = [str(i) for i in range(n)]

    def rule(yes, abstain, no):
        votes = [2 if p in yes else 1 if p in abstain else 0 for p in names]
        return any(
            sum(g.int_levels[i][2 - v] for i, v in enumerate(votes)) >= g.int_quota for g in games
        )

    game = co.TernaryVotingGame(rule, names)

    def outcome(votes):
        return rule(*({names[i] for i, v in enumerate(votes) if v == k} for k in (2, 1, 0)))

    pivots = _roll_call_pivots(outcome, n)
    total = math.factorial(n) * 3**n
    assert list(co.shapley_shubik_index(game).x) == [Fraction(c, total) for c in pivots]
    assert co.shapley_shubik_index(game).method == "enumeration"


# --- constructors and hostile input -------------------------------------------------------------
def test_constructors():
    game = co.ternary_weighted_game(3, [2, 1, 1], abstention="half")
    assert game.levels == ((2, 1, 0), (1, Fraction(1, 2), 0), (1, Fraction(1, 2), 0))
    assert game == co.ternary_weighted_game(3, [2, 1, 1], abstention="half")
    assert hash(game) == hash(co.WeightedTernaryGame(3, [2, 1, 1], [1, Fraction(1, 2), 0.5]))
    with pytest.raises(AttributeError):
        game._quota = 4  # type: ignore[misc]
    veto = co.abstention_veto_game(2, ["A"], ["A", "b", "c"])
    assert veto.passes(["b", "c"], ["A"]) and veto.passes(["A", "b"], no=["c"])
    assert not veto.passes(["b", "c"], no=["A"])
    table = co.TernaryVotingGame(lambda y, a, n: len(y) >= 2, 3)
    assert table == co.TernaryVotingGame.from_table(table.outcome_table(), 3)


@pytest.mark.parametrize(
    "build, error",
    [
        (lambda: co.WeightedTernaryGame(2, [1, 1], [2, 0]), InvalidGameError),  # abstain > yes
        (lambda: co.WeightedTernaryGame(5, [1, 1], [0, 0]), InvalidGameError),  # unreachable
        (lambda: co.WeightedTernaryGame(0, [1, 1], [0, 0]), InvalidGameError),  # all-no passes
        (lambda: co.WeightedTernaryGame(1, [1, -1], [0, -1]), InvalidGameError),
        (lambda: co.WeightedTernaryGame(1, [1], [0, 0]), InvalidGameError),  # lengths
        (lambda: co.TernaryVotingGame(lambda y, a, n: len(a) == 1, 2), InvalidGameError),
        (lambda: co.TernaryVotingGame("len(yes) > 1", 2), InvalidGameError),
        (lambda: co.TernaryVotingGame(lambda y, a, n: True, 12), TooLargeError),
        (lambda: co.TernaryVotingGame.from_table([True] * 4, 2), InvalidGameError),
        (lambda: co.ternary_weighted_game(2, [1, 1], abstention="maybe"), InvalidArgumentError),
        (lambda: co.abstention_veto_game(9, "China", ["China"]), InvalidGameError),
        (lambda: co.abstention_veto_game(2, ["X"], ["A", "b"]), InvalidGameError),
        (lambda: co.abstention_veto_game(3.5, ["A"], ["A", "b"]), InvalidGameError),
    ],
)
def test_bad_games_are_refused(build, error):
    with pytest.raises(error):
        build()


def test_bad_methods_and_calls_are_refused(unsc):
    general = co.TernaryVotingGame(lambda y, a, n: len(y) > len(n), 3)
    with pytest.raises(InvalidArgumentError, match="enumeration"):
        co.shapley_shubik_index(general, method="exact")
    with pytest.raises(InvalidArgumentError, match="yes/no"):
        co.banzhaf_index(unsc, method="bdd")
    with pytest.raises(TooLargeError):
        co.shapley_shubik_index(unsc, method="enumeration")
    with pytest.raises(InvalidGameError):
        co.ternary_power_to_act(co.datasets.un_security_council())
    with pytest.raises(InvalidGameError):
        unsc.passes(yes="China")
    with pytest.raises(InvalidGameError):
        unsc.passes(yes=["China"], abstain=["China"])
    with pytest.raises(InvalidGameError):
        unsc.outcomes(np.full((1, 15), 3))


@pytest.mark.parametrize("n", [29, 30, 31, 33])
def test_majority_of_yes_votes_in_closed_form(n):
    """``n`` members, ``k`` yes votes needed, abstention counted as no: member i is decisive
    when exactly ``k - 1`` others vote yes (``C(n-1, k-1) 2**(n-k)`` profiles of the others);
    sizes on both sides of the int64 threshold of the counts."""
    k = n // 2 + 1
    game = co.ternary_weighted_game(k, [1] * n)
    eta = math.comb(n - 1, k - 1) * 2 ** (n - k)
    absolute = co.banzhaf_index(game, normalized=False)
    assert absolute.counts == (eta,) * n
    assert absolute.x[0] == Fraction(eta, 3 ** (n - 1))
    ss = co.shapley_shubik_index(game)
    assert list(ss.x) == [Fraction(1, n)] * n
    passing = sum(math.comb(n, j) * 2 ** (n - j) for j in range(k, n + 1))
    assert co.ternary_power_to_act(game).winning == passing


def test_weights_of_1e18_are_the_game_on_small_integers():
    small = co.WeightedTernaryGame(5, [3, 2, 2, 1], [1, 1, 0, 0], [0, 0, 0, 0], list("abcd"))
    big = 10**18
    huge = co.WeightedTernaryGame(
        5 * big, [3 * big, 2 * big, 2 * big, big], [big, big, 0, 0], [0, 0, 0, 0], list("abcd")
    )
    assert huge.int_quota == small.int_quota and huge.int_levels == small.int_levels
    assert huge.levels[0] == (3 * big, big, 0)  # shown as given
    for index in (co.shapley_shubik_index, co.banzhaf_index):
        assert index(huge).x.tolist() == index(small).x.tolist()
    table = co.power.ternary.ternary_power_table(huge)
    assert table.power_to_act == co.power.ternary.ternary_power_table(small).power_to_act
