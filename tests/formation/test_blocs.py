"""Bloc formation: gains from a bloc (weighted Owen DP against the enumeration of
solutions/owen.py) and Hart and Kurz's (1983) stable structures against a brute force of the
definition that shares no code with the solver."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_bodies

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from coalitions.formation.blocs import _weighted_owen


# ------------------------------------------------------------------ brute force oracle
def partitions(items):
    """Every partition of a list, blocks as frozensets (plain recursion)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for tail in partitions(rest):
        yield [frozenset([first]), *tail]
        for k in range(len(tail)):
            yield [*tail[:k], tail[k] | {first}, *tail[k + 1 :]]


def subsets(items):
    for mask in range(1, 1 << len(items)):
        yield [x for i, x in enumerate(items) if mask >> i & 1]


def owen(game, structure, index):
    unions = [sorted(b) for b in structure]
    if isinstance(game, co.TUGame):
        f = co.owen_value if index == "owen" else co.banzhaf_owen_value
    else:
        f = co.owen_index if index == "owen" else co.banzhaf_owen_index
    return dict(f(game, unions))


def outcome(structure, group, parts, model):
    """The structure after ``group`` regroups into ``parts`` (Hart and Kurz's models)."""
    out = [frozenset(p) for p in parts]
    for block in structure:
        left = block - group
        if not left:
            continue
        if model == "delta" or left == block:
            out.append(left)
        else:  # gamma: a block that loses a member breaks up
            out.extend(frozenset([j]) for j in left)
    return frozenset(out)


def brute_force_stable(game, model, index="owen"):
    players = list(game.players)
    values = {}

    def value(structure):
        key = frozenset(structure)
        if key not in values:
            values[key] = owen(game, key, index)
        return values[key]

    stable = set()
    for structure in partitions(players):
        base = value(structure)
        blocked = False
        for group in subsets(players):
            group = frozenset(group)
            for parts in partitions(sorted(group)):
                new = value(outcome(structure, group, parts, model))
                if all(new[i] > base[i] for i in group):
                    blocked = True
                    break
            if blocked:
                break
        if not blocked:
            stable.add(frozenset(structure))
    return stable


def as_sets(result):
    return {frozenset(frozenset(b) for b in s) for s in result.structures}


# ------------------------------------------------------------------ gains from a bloc
def test_a_pair_in_three_member_majority_gains_a_sixth_each():
    g = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    gains = co.bloc_gains(g)
    assert gains.blocs == (("A", "B"), ("A", "C"), ("B", "C"))
    assert gains.without_bloc[0] == (Fraction(1, 3), Fraction(1, 3))
    assert gains.with_bloc[0] == (Fraction(1, 2), Fraction(1, 2))
    assert gains.total_gain == (Fraction(1, 3),) * 3 and all(gains.everyone_gains)
    # Banzhaf-Owen: the pair's members swing in 1/2 of their coalitions, not 1/2 + 0
    bo = co.bloc_gains(g, index="banzhaf-owen")
    assert bo.without_bloc[0] == (Fraction(1, 2), Fraction(1, 2))
    assert bo.with_bloc[0] == (Fraction(1, 2), Fraction(1, 2))


def test_seven_against_one_under_consensus_lose_by_uniting():
    # unanimity of eight: alone each has 1/8; as a bloc of seven they share 1/2 (Owen 1977)
    g = co.WeightedVotingGame(8, [1] * 8, list("ABCDEFGH"))
    gains = co.bloc_gains(g, [list("ABCDEFG")])
    assert gains.with_bloc[0] == (Fraction(1, 14),) * 7
    assert gains.gains[0][0] == Fraction(1, 14) - Fraction(1, 8)
    assert gains.everyone_gains == (False,)


@given(weighted_bodies(min_players=2, max_players=6, max_weight=9), st.data())
@settings(max_examples=20, deadline=None)
def test_the_weighted_dp_equals_the_enumeration_of_unions(body, data):
    quota, weights = body
    n = len(weights)
    game = co.WeightedVotingGame(quota, weights)
    owners = data.draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    unions = [[i for i in range(n) if owners[i] == k] for k in range(n)]
    unions = [u for u in unions if u]
    names = [[game.players[i] for i in u] for u in unions]
    for scheme, oracle in (("owen", co.owen_index), ("banzhaf", co.banzhaf_owen_index)):
        dp = _weighted_owen(list(weights), quota, unions, range(n), scheme)
        assert [dp[i] for i in range(n)] == list(oracle(game, names).x)


@given(weighted_bodies(min_players=2, max_players=5, max_weight=9))
@settings(max_examples=10, deadline=None)
def test_bloc_gains_agree_across_methods_and_start_from_the_indices(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    absolute = lambda g: co.banzhaf_index(g, normalized=False)  # noqa: E731
    for index, baseline in (("owen", co.shapley_shubik_index), ("banzhaf-owen", absolute)):
        dp = co.bloc_gains(game, max_size=3, index=index, method="weighted-dp")
        enum = co.bloc_gains(game, max_size=3, index=index, method="enumeration")
        assert dp.gains == enum.gains and dp.with_bloc == enum.with_bloc
        alone = dict(baseline(game))
        for bloc, before in zip(dp.blocs, dp.without_bloc):
            assert before == tuple(alone[p] for p in bloc)


def test_bloc_gains_of_a_tu_game_use_the_owen_value():
    g = co.TUGame.from_dict({("A", "B"): 4, ("A", "B", "C"): 6}, players=["A", "B", "C"])
    gains = co.bloc_gains(g, [["A", "C"]])
    shapley = co.shapley_value(g)
    ow = co.owen_value(g, [["A", "C"]])
    assert gains.without_bloc[0] == (shapley["A"], shapley["C"])
    assert gains.with_bloc[0] == (ow["A"], ow["C"])
    assert gains.method == "enumeration" and gains.exact


# ------------------------------------------------------------------ stable structures
def test_three_member_majority_pairs_are_stable_in_both_models():
    g = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    pairs = {
        frozenset({frozenset("AB"), frozenset("C")}),
        frozenset({frozenset("AC"), frozenset("B")}),
        frozenset({frozenset("BC"), frozenset("A")}),
    }
    for model in ("delta", "gamma"):
        result = co.stable_bloc_structures(g, model=model)
        assert as_sets(result) == pairs and result.n_structures == 5
        assert result.values[0] == (0, Fraction(1, 2), Fraction(1, 2))


def test_the_apex_game_separates_the_two_models():
    # [3; 2, 1, 1, 1]: the three minor members as one bloc (1/3 each, apex 0) survive in
    # gamma, but in delta the apex and one minor member gain (1/2 each) by pairing while the
    # two left behind stay together.
    g = co.WeightedVotingGame(3, [2, 1, 1, 1], ["A", "B", "C", "D"])
    minors = [["A"], ["B", "C", "D"]]
    gamma = co.bloc_structure_stability(g, minors, model="gamma")
    delta = co.bloc_structure_stability(g, minors, model="delta")
    assert gamma.is_stable and not delta.is_stable
    assert list(delta.x) == [0, Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    assert "A" in delta.deviators and len(delta.deviators) == 2
    after = owen(g, [frozenset(b) for b in delta.outcome], "owen")
    assert after == dict(zip(g.players, delta.outcome_x))
    assert all(after[p] > delta[p] for p in delta.deviators)


@given(
    weighted_bodies(min_players=1, max_players=5, max_weight=6), st.sampled_from(["delta", "gamma"])
)
@settings(max_examples=12, deadline=None)
def test_stable_structures_match_a_brute_force_of_the_definition(body, model):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    result = co.stable_bloc_structures(game, model=model)
    assert as_sets(result) == brute_force_stable(game, model)
    for structure in result.structures[:2]:
        assert co.bloc_structure_stability(game, structure, model=model).is_stable


@given(st.integers(2, 4), st.integers(0, 2**32 - 1), st.sampled_from(["delta", "gamma"]))
@settings(max_examples=8, deadline=None)
def test_tu_games_and_banzhaf_owen_match_the_brute_force(n, seed, model):
    rng = np.random.default_rng(seed)
    values = [Fraction(int(v)) for v in rng.integers(0, 6, size=1 << n)]
    values[0] = Fraction(0)
    game = co.TUGame(values)
    assert as_sets(co.stable_bloc_structures(game, model=model)) == brute_force_stable(game, model)
    simple = co.WeightedVotingGame(n, [1] * n)
    found = co.stable_bloc_structures(simple, model=model, index="banzhaf-owen")
    assert as_sets(found) == brute_force_stable(simple, model, "banzhaf-owen")


def test_a_float_game_compares_with_atol():
    g = co.majority_game(3).to_float()
    assert len(co.stable_bloc_structures(g)) == 3
    assert not co.stable_bloc_structures(g).exact


def test_relabelling_the_players_relabels_the_stable_structures():
    g = co.WeightedVotingGame(5, [3, 2, 2, 1, 1], list("ABCDE"))
    h = co.WeightedVotingGame(5, [1, 1, 2, 2, 3], list("EDCBA"))
    for model in ("delta", "gamma"):
        assert as_sets(co.stable_bloc_structures(g, model=model)) == as_sets(
            co.stable_bloc_structures(h, model=model)
        )


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda: co.stable_bloc_structures(co.WeightedVotingGame(6, [1] * 11)), TooLargeError),
        (
            lambda: co.stable_bloc_structures(co.majority_game(3), model="beta"),
            InvalidArgumentError,
        ),
        (lambda: co.stable_bloc_structures(co.majority_game(3), index="x"), InvalidArgumentError),
        (lambda: co.stable_bloc_structures(co.majority_game(3), atol=-1), InvalidArgumentError),
        (lambda: co.bloc_structure_stability(co.majority_game(3), [["1"]]), InvalidProblemError),
        (lambda: co.bloc_structure_stability(co.majority_game(3), "12"), InvalidProblemError),
        (lambda: co.bloc_gains(co.majority_game(3), [["1", "9"]]), InvalidArgumentError),
        (lambda: co.bloc_gains(co.majority_game(3), [["1"]]), InvalidArgumentError),
        (lambda: co.bloc_gains(co.majority_game(3), max_size=1), InvalidArgumentError),
        (lambda: co.bloc_gains(co.majority_game(3), method="weighted-dp"), InvalidArgumentError),
        (lambda: co.bloc_gains(co.WeightedVotingGame(20, [1] * 40), max_size=5), TooLargeError),
        (lambda: co.bloc_gains("game"), co.CoalitionsError),
    ],
)
def test_bad_input_raises_a_coalitions_error(call, error):
    with pytest.raises(error):
        call()


def test_the_weighted_dp_on_a_larger_body_equals_the_enumeration():
    rng = np.random.default_rng(7)
    weights = [int(w) for w in rng.integers(1, 30, size=14)]
    game = co.WeightedVotingGame(sum(weights) * 2 // 3, weights)
    blocs = [list(game.players[:2]), list(game.players[3:7]), list(game.players[10:13])]
    for index in ("owen", "banzhaf-owen"):
        dp = co.bloc_gains(game, blocs, index=index, method="weighted-dp")
        enum = co.bloc_gains(game, blocs, index=index, method="enumeration")
        assert dp.with_bloc == enum.with_bloc and dp.without_bloc == enum.without_bloc
