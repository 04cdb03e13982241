"""The classical indices of issue 14, item 5, against brute force written here from their
definitions, values published with the papers, and their properties.

The brute force lists the coalitions of a weighted body with ``itertools`` and plain sums of
weights; it shares no code with the library (no table, no engine, no oracle module). Bodies
have up to 12 members, so every index meets the generating functions, the decision diagram,
meet in the middle, the minimal-winning dynamic programme and the 2**n table.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_bodies

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError, TooLargeError


class Brute:
    """Every coalition of ``[quota; weights]`` as a frozenset of indices, and its counts."""

    def __init__(self, quota, weights):
        self.n = n = len(weights)
        self.weights = weights
        coalitions = [
            frozenset(c) for size in range(n + 1) for c in itertools.combinations(range(n), size)
        ]
        self.winning = [S for S in coalitions if sum(weights[i] for i in S) >= quota]
        won = set(self.winning)
        self.minimal = [S for S in self.winning if all(S - {i} not in won for i in S)]
        self.containing = [sum(1 for S in self.winning if i in S) for i in range(n)]
        self.swings = [
            sum(1 for S in coalitions if i not in S and S not in won and S | {i} in won)
            for i in range(n)
        ]

    def public_help(self):
        total = sum(self.containing)
        return [Fraction(c, total) for c in self.containing]

    def public_help_xi(self):
        total = sum(Fraction(1, len(S)) for S in self.winning)
        return [
            sum((Fraction(1, len(S) ** 2) for S in self.winning if i in S), Fraction(0)) / total
            for i in range(self.n)
        ]

    def koenig_braeuninger(self):
        return [Fraction(c, len(self.winning)) for c in self.containing]

    def nevison(self):
        return [Fraction(c, 2 ** (self.n - 1)) for c in self.containing]

    def bcs(self):
        return [Fraction(s, c) if c else Fraction(0) for s, c in zip(self.swings, self.containing)]

    def felsenthal(self):
        least = min(len(S) for S in self.minimal)
        smallest = [S for S in self.minimal if len(S) == least]
        return [
            Fraction(sum(1 for S in smallest if i in S), least * len(smallest))
            for i in range(self.n)
        ]

    def colomer_martinez(self):
        m = len(self.minimal)
        return [
            sum(
                (
                    Fraction(self.weights[i], sum(self.weights[j] for j in S))
                    for S in self.minimal
                    if i in S
                ),
                Fraction(0),
            )
            / m
            for i in range(self.n)
        ]

    def holler(self):
        counts = [sum(1 for S in self.minimal if i in S) for i in range(self.n)]
        return [Fraction(c, sum(counts)) for c in counts]

    def deegan_packel(self):
        m = len(self.minimal)
        return [
            sum((Fraction(1, len(S)) for S in self.minimal if i in S), Fraction(0)) / m
            for i in range(self.n)
        ]


INDICES = {
    "public_help_index": Brute.public_help,
    "public_help_xi_index": Brute.public_help_xi,
    "koenig_braeuninger_index": Brute.koenig_braeuninger,
    "nevison_index": Brute.nevison,
    "barua_chakravarty_sarkar_index": Brute.bcs,
    "felsenthal_index": Brute.felsenthal,
    "colomer_martinez_index": Brute.colomer_martinez,
    "holler_index": Brute.holler,
    "deegan_packel_index": Brute.deegan_packel,
}
MINIMAL_FAMILY = {
    "felsenthal_index",
    "colomer_martinez_index",
    "holler_index",
    "deegan_packel_index",
}


def engines(name):
    if name in MINIMAL_FAMILY:
        return ("auto", "exact", "enumeration")
    return ("auto", "exact", "bdd", "mitm", "enumeration")


@settings(max_examples=40, deadline=None)
@given(weighted_bodies(1, 12, max_weight=15))
def test_every_new_index_equals_brute_force_with_every_engine(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    brute = Brute(quota, weights)
    for name, definition in INDICES.items():
        expected = definition(brute)
        for method in engines(name):
            result = getattr(co, name)(game, method=method)
            assert result.exact, (name, method)
            assert list(result.x) == expected, (name, method, quota, weights)


@settings(max_examples=40, deadline=None)
@given(weighted_bodies(1, 12, max_weight=15))
def test_coalition_counts_equal_brute_force(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    brute = Brute(quota, weights)
    minimal = [sum(1 for S in brute.minimal if i in S) for i in range(brute.n)]
    for method in ("auto", "exact", "enumeration"):
        assert list(co.coalition_counts(game, method=method).x) == brute.containing
        assert list(co.coalition_counts(game, "swing", method=method).x) == brute.swings
        result = co.coalition_counts(game, "minimal-winning", method=method)
        assert list(result.x) == minimal and result.denominator == len(brute.minimal)
    assert co.coalition_counts(game).denominator == len(brute.winning)


@settings(max_examples=30, deadline=None)
@given(weighted_bodies(1, 9, max_weight=12))
def test_a_simple_game_given_by_its_winning_coalitions_uses_the_table(body):
    quota, weights = body
    brute = Brute(quota, weights)
    names = [f"p{i}" for i in range(brute.n)]
    game = co.SimpleGame.from_winning([[names[i] for i in S] for S in brute.winning], names)
    for name, definition in INDICES.items():
        if name == "colomer_martinez_index":
            continue
        assert list(getattr(co, name)(game).x) == definition(brute), name
    with pytest.raises(InvalidGameError, match="WeightedVotingGame"):
        co.colomer_martinez_index(game)


@settings(max_examples=30, deadline=None)
@given(weighted_bodies(1, 12, max_weight=15))
def test_float_engine_is_close_to_the_exact_counts(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    for name in (
        "public_help_index",
        "koenig_braeuninger_index",
        "nevison_index",
        "barua_chakravarty_sarkar_index",
    ):
        exact = [float(v) for v in getattr(co, name)(game).x]
        approx = getattr(co, name)(game, method="float")
        assert not approx.exact
        assert approx.x.tolist() == pytest.approx(exact, rel=1e-9, abs=1e-12), name


# ------------------------------------------------------------------ properties
@settings(max_examples=40, deadline=None)
@given(weighted_bodies(1, 10, max_weight=12))
def test_normalised_indices_sum_to_one_null_players_get_zero_equal_weights_agree(body):
    quota, weights = body
    game = co.WeightedVotingGame(quota, weights)
    brute = Brute(quota, weights)
    null = [i for i in range(brute.n) if brute.swings[i] == 0]
    for name in ("public_help_index", "public_help_xi_index", *MINIMAL_FAMILY):
        assert sum(getattr(co, name)(game).x) == 1, name
    for name in ("barua_chakravarty_sarkar_index", *MINIMAL_FAMILY):
        x = getattr(co, name)(game).x
        assert all(x[i] == 0 for i in null), name
    for name in INDICES:
        x = getattr(co, name)(game).x
        for i, j in itertools.combinations(range(brute.n), 2):
            if weights[i] == weights[j]:
                assert x[i] == x[j], name


@settings(max_examples=40, deadline=None)
@given(weighted_bodies(1, 10, max_weight=12))
def test_inclusiveness_is_half_of_one_plus_the_power_to_prevent(body):
    # |W_i| = (|W| + eta_i) / 2, so KB_i = (1 + eta_i / |W|) / 2 (Coleman's power to prevent)
    game = co.WeightedVotingGame(*body)
    prevent = co.coleman_power_to_prevent(game).x
    kb = co.koenig_braeuninger_index(game).x
    assert [2 * k - 1 for k in kb] == list(prevent)
    # Nevison's Z_i = (|W| + eta_i) / 2**n: the power to act plus half the Penrose index
    act = co.coleman_power_to_act(game).value
    penrose = co.banzhaf_index(game, normalized=False).x
    assert list(co.nevison_index(game).x) == [act + b / 2 for b in penrose]


# ------------------------------------------------------------------ values from the papers
def stach_games():
    """Stach (2016, p. 105): {a,b}, {a,c}, {a,b,c} win; and the four-player game whose
    winning coalitions are {1,2}, {1,3}, {1,2,3}, {1,2,4}, {1,3,4} and the grand coalition."""
    three = co.SimpleGame.from_minimal_winning([["a", "b"], ["a", "c"]], ["a", "b", "c"])
    four = co.SimpleGame.from_minimal_winning([["1", "2"], ["1", "3"]], ["1", "2", "3", "4"])
    return three, four


def test_public_help_theta_of_the_paper():
    three, four = stach_games()
    assert co.public_help_index(three).x.tolist() == [
        Fraction(3, 7),
        Fraction(2, 7),
        Fraction(2, 7),
    ]
    assert co.public_help_index(four).x.tolist() == [
        Fraction(6, 17),
        Fraction(4, 17),
        Fraction(4, 17),
        Fraction(3, 17),
    ]


def test_public_help_xi_of_the_paper():
    # published as 0.4583333 0.2708333 0.2708333 and 0.3981481 0.2376543 0.2376543 0.1265432
    three, four = stach_games()
    assert co.public_help_xi_index(three).x.tolist() == [
        Fraction(11, 24),
        Fraction(13, 48),
        Fraction(13, 48),
    ]
    xi = co.public_help_xi_index(four).x
    assert xi.tolist() == [
        Fraction(43, 108),
        Fraction(77, 324),
        Fraction(77, 324),
        Fraction(41, 324),
    ]
    assert [round(float(v), 7) for v in xi] == [0.3981481, 0.2376543, 0.2376543, 0.1265432]


def test_deegan_packel_and_holler_of_holler_and_illing_by_the_weights():
    # Holler & Illing (2006, ch. 6.3.3): [51; 35, 20, 15, 15, 15]; DP 18/60, 9/60, 11/60 x3
    game = co.WeightedVotingGame(51, [35, 20, 15, 15, 15])
    dp = co.deegan_packel_index(game, method="exact")
    assert dp.method == "exact"
    assert dp.x.tolist() == [Fraction(18, 60), Fraction(9, 60)] + [Fraction(11, 60)] * 3
    # Holler (2011): the public good index 4/15, 2/15, 3/15 x3 (the weighted-voting paradox)
    assert (
        co.holler_index(game).x.tolist()
        == [Fraction(4, 15), Fraction(2, 15)] + [Fraction(3, 15)] * 3
    )


# ------------------------------------------------------------------ larger bodies, errors
def test_minimal_winning_counts_by_the_weights_beyond_enumeration():
    # 40 members: the dynamic programme counts what no table could list; the counts of a
    # body of equal members are binomials (every coalition of exactly q members is minimal)
    game = co.WeightedVotingGame(21, [1] * 40)
    result = co.coalition_counts(game, "minimal-winning")
    from math import comb

    assert result.denominator == comb(40, 21)
    assert set(result.counts) == {comb(39, 20)}
    assert co.felsenthal_index(game).x.tolist() == [Fraction(1, 40)] * 40
    assert sum(co.colomer_martinez_index(co.WeightedVotingGame(60, [5, 3, 2] * 14)).x) == 1
    with pytest.raises(TooLargeError, match="use method='exact'"):
        co.holler_index(game, method="enumeration")
    # a body too large for both: the message says how large, and what to do
    with pytest.raises(TooLargeError, match="round the weights"):
        co.felsenthal_index(co.WeightedVotingGame(50_000, list(range(1, 101)) * 20))


def test_bad_arguments_are_refused_with_what_to_do():
    game = co.WeightedVotingGame(3, [2, 1, 1])
    with pytest.raises(InvalidArgumentError, match="kind"):
        co.coalition_counts(game, "losing")
    with pytest.raises(InvalidArgumentError, match="minimal winning"):
        co.coalition_counts(game, "minimal-winning", method="bdd")
    with pytest.raises(InvalidArgumentError, match="float"):
        co.public_help_xi_index(game, method="float")
    simple = co.SimpleGame.from_minimal_winning([["a", "b"]], ["a", "b", "c"])
    with pytest.raises(InvalidArgumentError, match="exact"):
        co.felsenthal_index(simple, method="exact")


# ------------------------------------------------------------------ a priori unions
def symmetric_coalitional_banzhaf_by_definition(quota, weights, unions):
    """Alonso-Meijide and Fiestras-Janeiro (2002): for i in union P_k, the average over the
    sets R of other unions (Banzhaf weight 2^-(m-1)) and the coalitions T of i's partners
    (Shapley weights t!(p_k-1-t)!/p_k!) of i's marginal contribution to Q_R + T."""
    from math import factorial

    def wins(S):
        return sum(weights[j] for j in S) >= quota

    m = len(unions)
    out = [Fraction(0)] * len(weights)
    for k, union in enumerate(unions):
        others = [u for j, u in enumerate(unions) if j != k]
        for i in union:
            partners = [j for j in union if j != i]
            for r in range(m):
                for chosen in itertools.combinations(others, r):
                    q_r = set().union(*chosen) if chosen else set()
                    for t in range(len(partners) + 1):
                        for T in itertools.combinations(partners, t):
                            base = q_r | set(T)
                            gain = int(wins(base | {i})) - int(wins(base))
                            out[i] += Fraction(gain, 2 ** (m - 1)) * Fraction(
                                factorial(t) * factorial(len(partners) - t),
                                factorial(len(union)),
                            )
    return out


@settings(max_examples=40, deadline=None)
@given(weighted_bodies(1, 8, max_weight=10), st.data())
def test_symmetric_coalitional_banzhaf_index_equals_its_definition(body, data):
    quota, weights = body
    n = len(weights)
    labels = data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    unions = [[i for i in range(n) if labels[i] == b] for b in sorted(set(labels))]
    names = [f"p{i}" for i in range(n)]
    game = co.WeightedVotingGame(quota, weights, names)
    result = co.symmetric_coalitional_banzhaf_index(game, [[names[i] for i in u] for u in unions])
    assert list(result.x) == symmetric_coalitional_banzhaf_by_definition(quota, weights, unions)
    # singleton unions: Penrose-Banzhaf; one union of everybody: the Shapley-Shubik index
    assert list(co.symmetric_coalitional_banzhaf_index(game, []).x) == list(
        co.banzhaf_index(game, normalized=False).x
    )
    assert list(co.symmetric_coalitional_banzhaf_index(game, [names]).x) == list(
        co.shapley_shubik_index(game).x
    )
    # each union gets its absolute Banzhaf index in the quotient game, whatever its size
    quotient = co.WeightedVotingGame(quota, [sum(weights[i] for i in u) for u in unions])
    totals = [sum(result.x[i] for i in u) for u in unions]
    assert totals == list(co.banzhaf_index(quotient, normalized=False).x)
    tu = game.to_tu_game()
    value = co.symmetric_coalitional_banzhaf_value(tu, [[names[i] for i in u] for u in unions])
    assert list(value.x) == list(result.x)
