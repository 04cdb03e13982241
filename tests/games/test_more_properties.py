"""The classes of games in ``coalitions.games.more_properties`` against their literal
definitions, checked by brute force over the coalitions (loops, no library code), on random and
structured games of 1 to 5 or 6 players, and on textbook games."""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations, permutations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from strategies import exact_games

import coalitions as co


# ------------------------------------------------------------------- brute-force oracles
def table(game):
    return [Fraction(v) for v in game.values.tolist()]


def masks(n):
    return range(1 << n)


def disjoint_pairs(n):
    return [(s, t) for s in masks(n) for t in masks(n) if not s & t]


def subadditive(v, n):
    return all(v[s | t] <= v[s] + v[t] for s, t in disjoint_pairs(n))


def strictly_superadditive(v, n):
    return all(v[s | t] > v[s] + v[t] for s, t in disjoint_pairs(n) if s and t)


def strictly_subadditive(v, n):
    return all(v[s | t] < v[s] + v[t] for s, t in disjoint_pairs(n) if s and t)


def incomparable(n):
    return [(s, t) for s in masks(n) for t in masks(n) if s & ~t and t & ~s]


def strictly_convex(v, n):
    return all(v[s] + v[t] < v[s | t] + v[s & t] for s, t in incomparable(n))


def strictly_concave(v, n):
    return all(v[s] + v[t] > v[s | t] + v[s & t] for s, t in incomparable(n))


def strictly_monotone(v, n):
    return all(v[s] < v[t] for s in masks(n) for t in masks(n) if s != t and s & t == s)


def inessential(v, n):
    return v[-1] <= sum(v[1 << i] for i in range(n))


def partitions(players):
    if not players:
        yield []
        return
    first, rest = players[0], players[1:]
    for size in range(len(rest) + 1):
        for others in combinations(rest, size):
            block = sum(1 << p for p in (first, *others))
            remaining = [p for p in rest if p not in others]
            for tail in partitions(remaining):
                yield [block, *tail]


def cohesive(v, n):
    return all(v[-1] >= sum(v[b] for b in p) for p in partitions(list(range(n))))


def zero_one_normalized(v, n):
    return n > 0 and all(v[1 << i] == 0 for i in range(n)) and v[-1] == 1


def zero_sum(v, n):
    full = (1 << n) - 1
    return all(v[s] + v[full ^ s] == 0 for s in masks(n))


def dividend(v, s):
    return sum(
        (-1) ** (bin(s).count("1") - bin(t).count("1")) * v[t]
        for t in masks(s.bit_length())
        if t & s == t
    )


def almost_positive(v, n):
    return all(dividend(v, s) >= 0 for s in masks(n) if bin(s).count("1") >= 2)


def unanimity(v, n):
    return any(all(v[s] == (1 if s & t == t else 0) for s in masks(n)) for t in range(1, 1 << n))


def veto_rich(v, n):
    return any(all(v[s] == 0 for s in masks(n) if not s >> i & 1) for i in range(n))


def clan_with(v, n, clan):
    full = (1 << n) - 1
    if any(v[s] < 0 for s in masks(n)):
        return False
    if any(v[s] > v[t] for s in masks(n) for t in masks(n) if s & t == s):
        return False
    if any(v[s] != 0 for s in masks(n) if s & clan != clan):
        return False
    marginal = [v[full] - v[full ^ (1 << i)] for i in range(n)]
    return all(
        v[full] - v[s] >= sum(marginal[i] for i in range(n) if not s >> i & 1)
        for s in masks(n)
        if s & clan == clan
    )


def clan(v, n):
    return any(clan_with(v, n, c) for c in range(1, 1 << n))


def big_boss(v, n):
    return any(clan_with(v, n, 1 << i) for i in range(n))


def core_bounds(v, n, target):
    """min and max of x(target) over the core (scipy's LP on floats), or None if empty."""
    rows = [[-(s >> i & 1) for i in range(n)] for s in range(1, 1 << n)]
    rhs = [-float(v[s]) for s in range(1, 1 << n)]
    objective = [float(target >> i & 1) for i in range(n)]
    bounds = []
    for sign in (1, -1):
        res = linprog(
            [sign * c for c in objective],
            A_ub=rows,
            b_ub=rhs,
            A_eq=[[1] * n],
            b_eq=[float(v[-1])],
            bounds=[(None, None)] * n,
            method="highs",
        )
        if res.status == 2:
            return None
        bounds.append(sign * res.fun)
    return bounds


def exact(v, n):
    for s in masks(n):
        bounds = core_bounds(v, n, s)
        if bounds is None or abs(bounds[0] - float(v[s])) > 1e-7:
            return False
    return True


def totally_balanced(v, n):
    for s in range(1, 1 << n):
        members = [i for i in range(n) if s >> i & 1]
        sub = [
            v[sum(1 << members[k] for k in range(len(members)) if t >> k & 1)]
            for t in masks(len(members))
        ]
        if core_bounds(sub, len(members), 0) is None:
            return False
    return True


def permutationally_convex(v, n):
    for order in permutations(range(n)):
        prefix = [sum(1 << p for p in order[:k]) for k in range(n + 1)]
        if all(
            v[prefix[j] | s] - v[prefix[j]] <= v[prefix[k] | s] - v[prefix[k]]
            for k in range(n + 1)
            for j in range(k)
            for s in masks(n)
            if not s & prefix[k]
        ):
            return True
    return False


def semi_convex(v, n):
    full = (1 << n) - 1
    utopia = [v[full] - v[full ^ (1 << i)] for i in range(n)]

    def gap(s):
        return sum(utopia[i] for i in range(n) if s >> i & 1) - v[s]

    return all(gap(s) >= 0 for s in masks(n)) and all(
        gap(1 << i) <= gap(s) for i in range(n) for s in masks(n) if s >> i & 1
    )


CHEAP = {
    "is_semi_convex": semi_convex,
    "is_subadditive": subadditive,
    "is_strictly_superadditive": strictly_superadditive,
    "is_strictly_subadditive": strictly_subadditive,
    "is_strictly_convex": strictly_convex,
    "is_strictly_concave": strictly_concave,
    "is_strictly_monotone": strictly_monotone,
    "is_inessential": inessential,
    "is_cohesive": cohesive,
    "is_zero_one_normalized": zero_one_normalized,
    "is_zero_sum": zero_sum,
    "is_almost_positive": almost_positive,
    "is_unanimity_game": unanimity,
    "is_veto_rich": veto_rich,
    "is_clan_game": clan,
    "is_big_boss_game": big_boss,
    "is_permutationally_convex": permutationally_convex,
}
LP = {"is_exact": exact, "is_totally_balanced": totally_balanced}


# ------------------------------------------------------------------------- random games
@st.composite
def structured_games(draw, max_players: int = 5):
    """Games that often have the properties: non-negative sums of unanimity games with
    additive parts, veto-player games, 0/1 games, small integer tables, their negatives."""
    n = draw(st.integers(1, max_players))
    size = 1 << n
    kind = draw(st.sampled_from(["unanimity", "veto", "zero_one", "small"]))
    if kind == "unanimity":
        values = [Fraction(0)] * size
        for _ in range(draw(st.integers(1, 3))):
            carrier = draw(st.integers(1, size - 1))
            weight = Fraction(draw(st.integers(0, 3)))
            values = [v + (weight if s & carrier == carrier else 0) for s, v in enumerate(values)]
        singles = draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n))
        values = [v + sum(singles[i] for i in range(n) if s >> i & 1) for s, v in enumerate(values)]
    elif kind == "veto":
        boss = draw(st.integers(1, size - 1))
        raw = draw(st.lists(st.integers(0, 4), min_size=size, max_size=size))
        values = [Fraction(0)] * size
        for s in range(size):  # monotone: best of the sub-coalitions
            if s & boss == boss:
                values[s] = Fraction(
                    max(raw[t] for t in range(size) if t & s == t and t & boss == boss)
                )
    elif kind == "zero_one":
        values = [
            Fraction(x) for x in draw(st.lists(st.integers(0, 1), min_size=size, max_size=size))
        ]
        values[0] = Fraction(0)
    else:
        values = [
            Fraction(x) for x in draw(st.lists(st.integers(-2, 3), min_size=size, max_size=size))
        ]
        values[0] = Fraction(0)
    if draw(st.booleans()):
        values = [-v for v in values]
    return co.TUGame(values)


def check_cheap(game):
    v, n = table(game), game.n_players
    for name, oracle in CHEAP.items():
        assert getattr(co, name)(game) == oracle(v, n), name


@settings(max_examples=150, deadline=None)
@given(structured_games())
def test_cheap_properties_match_their_definitions_on_structured_games(game):
    check_cheap(game)


@settings(max_examples=60, deadline=None)
@given(exact_games(max_players=5))
def test_cheap_properties_match_their_definitions_on_random_games(game):
    check_cheap(game)


@settings(max_examples=40, deadline=None)
@given(st.one_of(structured_games(max_players=4), exact_games(max_players=4)))
def test_core_properties_match_their_definitions(game):
    v, n = table(game), game.n_players
    for name, oracle in LP.items():
        assert getattr(co, name)(game) == oracle(v, n), name


@settings(max_examples=40, deadline=None)
@given(structured_games(max_players=4))
def test_float_games_agree_with_their_exact_twins(game):
    twin = co.TUGame(np.array([float(x) for x in game.values.tolist()]))
    for name in [*CHEAP, *LP]:
        assert getattr(co, name)(twin) == getattr(co, name)(game), name


@settings(max_examples=30, deadline=None)
@given(structured_games())
def test_implications_between_the_classes(game):
    if co.is_big_boss_game(game):
        assert co.is_clan_game(game)
    if co.is_convex(game):
        assert co.is_permutationally_convex(game)
    if co.is_almost_positive(game):
        assert co.is_convex(game)
    if co.is_strictly_convex(game) and game.n_players >= 2:
        assert co.is_convex(game)
    if co.is_convex(game):
        assert co.is_semi_convex(game)  # Driessen and Tijs 1985
    if co.is_semi_convex(game):  # the largest remainder M_i - g(S) is at S = {i}
        assert list(co.minimal_rights(game)) == [game.values[1 << i] for i in range(game.n_players)]
    if co.is_unanimity_game(game):
        assert co.is_almost_positive(game) and co.is_veto_rich(game)
    if game.n_players <= 5 and co.is_exact(game):
        assert co.is_totally_balanced(game)  # Schmeidler 1972: exact games are totally balanced


# ----------------------------------------------------------------------- textbook games
def test_textbook_games():
    glove = co.glove_game(["L"], ["R1", "R2"])  # the big boss L (Muto et al. 1988)
    assert co.is_big_boss_game(glove) and co.is_clan_game(glove, ["L"])
    assert not co.is_clan_game(glove, ["R1"])  # R1 is no veto player
    # the core is {(1, 0, 0)}: no core allocation gives L alone his worth v({L}) = 0
    assert co.is_totally_balanced(glove) and not co.is_exact(glove)
    unanimity = co.unanimity_game(4, ["1", "2"])
    assert co.is_unanimity_game(unanimity) and co.is_exact(unanimity)
    assert co.is_clan_game(unanimity, ["1", "2"]) and co.is_big_boss_game(unanimity)
    majority = co.majority_game(3)  # empty core: not exact, not totally balanced
    assert not co.is_exact(majority) and not co.is_totally_balanced(majority)
    assert co.is_cohesive(majority) and co.is_zero_one_normalized(majority)
    # v(N) = 1 < v({1}) + v({2}) = 2
    assert not co.is_cohesive(co.TUGame([0, 1, 1, 1]))
    airport = co.airport_game([1, 2, 3])  # a concave cost game
    assert co.is_subadditive(airport) and co.is_strictly_subadditive(airport)
    assert not co.is_strictly_subadditive(co.additive_game([1, 1]))  # v(12) = v(1) + v(2)


def test_clan_errors():
    glove = co.glove_game(["L"], ["R1", "R2"])
    with pytest.raises(co.InvalidGameError, match="non-empty list of the game's players"):
        co.is_clan_game(glove, ["Z"])
    with pytest.raises(co.InvalidGameError, match="non-empty"):
        co.is_clan_game(glove, [])


def test_size_limits():
    big = co.TUGame(np.zeros(1 << 9))
    with pytest.raises(co.TooLargeError, match="limit of 8"):
        co.is_exact(big)
    with pytest.raises(co.TooLargeError, match="limit of 8"):
        co.is_totally_balanced(big)
    assert co.is_permutationally_convex(big)  # convex: every order works
    odd = co.TUGame(np.array([0.0] * 255 + [-1.0]))
    with pytest.raises(co.TooLargeError, match="limit is 7"):
        co.is_permutationally_convex(odd)
    report = co.game_properties(co.majority_game(3))
    assert sum(isinstance(v, bool) for k, v in report.items() if k != "n_players") >= 35


def test_pair_checks_share_one_size_guard():
    """Every check over the 3**n pairs of disjoint coalitions refuses a game past its limit
    with the same TooLargeError, naming the check (is_average_convex stops at 14 players)."""
    fifteen = co.TUGame(np.zeros(1 << 15))
    with pytest.raises(
        co.TooLargeError, match=r"is_average_convex compares 3\*\*15 .* limit is 14"
    ):
        co.is_average_convex(fifteen)
    big = co.TUGame(np.zeros(1 << 21))
    with pytest.raises(co.TooLargeError, match="checking superadditivity .* Check convexity"):
        co.is_superadditive(big)
    for check in (co.is_subadditive, co.is_strictly_superadditive, co.is_cohesive):
        with pytest.raises(co.TooLargeError, match=f"{check.__name__} compares 3"):
            check(big)


# ------------------------------------------------------------- k-convexity (Driessen 1988)
def k_convex_by_definition(v, n, k):
    """The k-cover from its definition, coalition by coalition, then supermodularity over
    every pair of coalitions (no shared code with the package)."""
    full = (1 << n) - 1
    utopia = [v[full] - v[full ^ (1 << i)] for i in range(n)]

    def utopia_sum(s):
        return sum(utopia[i] for i in range(n) if s >> i & 1)

    grand_gap = utopia_sum(full) - v[full]
    large = [s for s in range(1 << n) if bin(s).count("1") >= k]
    if any(utopia_sum(s) - v[s] < grand_gap for s in large):
        return False
    cover = [utopia_sum(s) - grand_gap if s in large else v[s] for s in range(1 << n)]
    return all(
        cover[s] + cover[t] <= cover[s | t] + cover[s & t]
        for s in range(1 << n)
        for t in range(1 << n)
    )


@settings(max_examples=40, deadline=None)
@given(structured_games(), st.data())
def test_k_convexity_matches_its_definition(game, data):
    n = game.n_players
    k = data.draw(st.integers(1, n))
    v = list(game.values)
    assert co.is_k_convex(game, k) == k_convex_by_definition(v, n, k)
    assert co.is_k_convex(game, n) == co.is_convex(game)  # the n-cover is the game
    assert co.is_k_convex(game, 1) == co.is_one_convex(game)  # Driessen 1985
    if co.is_k_convex(game, k):  # the cover covers the game and keeps v(N)
        cover = co.k_cover(game, k).values
        assert all(c >= w for c, w in zip(cover, v)) and cover[-1] == v[-1]


@pytest.mark.parametrize("alpha, two_convex", [(Fraction(2, 5), True), (Fraction(7, 10), False)])
def test_driessen_two_convex_example(alpha, two_convex):
    """Driessen (1988), p. 175: v(12) = v(13) = alpha, v(N) = 1, the rest 0; its 2-cover is
    the game itself, convex exactly when 2 alpha <= 1."""
    game = co.TUGame([0, 0, 0, alpha, 0, alpha, 0, 1])
    assert co.is_k_convex(game, 2) is two_convex
    assert list(co.k_cover(game, 2).values) == list(game.values)


def test_k_cover_refusals():
    with pytest.raises(co.InvalidGameError, match="does not exist"):
        co.k_cover(co.TUGame([0, 0, 0, 5, 0, 0, 0, 1]), 1)  # g({3}) = -4 < g(N) = -3
    for k in (0, 4, 1.5, True, "2"):
        with pytest.raises(co.InvalidGameError, match="whole number from 1 to the 3"):
            co.is_k_convex(co.majority_game(3), k)
