"""The classes of TU games that game_properties reports, each against its definition written
out over coalitions in pure Python, and the implications between them."""

from fractions import Fraction

from hypothesis import given
from strategies import exact_games

import coalitions as co
from coalitions.games import properties as props


def subsets(n):
    return range(1 << n)


def members(mask, n):
    return [i for i in range(n) if mask >> i & 1]


def definitions(game):
    v = [Fraction(x) for x in game.values]
    n = game.n_players
    full = (1 << n) - 1
    single = [v[1 << i] for i in range(n)]
    utopia = [v[full] - v[full ^ (1 << i)] for i in range(n)]
    gap = [sum(utopia[i] for i in members(s, n)) - v[s] for s in subsets(n)]
    dividends = [
        sum(
            (-1) ** (bin(t).count("1") - bin(u).count("1")) * v[u] for u in subsets(n) if u & t == u
        )
        for t in subsets(n)
    ]
    pairs = [(s, t) for s in subsets(n) for t in subsets(n) if s & t == s]
    own = [sum(v[s] - v[s ^ (1 << i)] for i in members(s, n)) for s in subsets(n)]
    return {
        "weakly_superadditive": all(
            v[s | 1 << i] >= v[s] + single[i]
            for s in subsets(n)
            for i in range(n)
            if not s >> i & 1
        ),
        "additive": all(v[s] == sum(single[i] for i in members(s, n)) for s in subsets(n)),
        "constant_sum": all(v[s] + v[full ^ s] == v[full] for s in subsets(n)),
        "zero_normalized": all(x == 0 for x in single),
        "symmetric": all(
            v[s] == v[t]
            for s in subsets(n)
            for t in subsets(n)
            if bin(s).count("1") == bin(t).count("1")
        ),
        "nonnegative": all(x >= 0 for x in v),
        "totally_positive": all(d >= 0 for d in dividends),
        "concave": all(v[s] + v[t] >= v[s | t] + v[s & t] for s in subsets(n) for t in subsets(n)),
        "one_convex": gap[full] >= 0 and all(gap[s] >= gap[full] for s in subsets(n) if s),
        "average_convex": all(
            sum(v[t] - v[t ^ (1 << i)] for i in members(s, n)) >= own[s] for s, t in pairs
        ),
        "simple": all(x in (0, 1) for x in v)
        and v[full] == 1
        and all(v[s] <= v[s | 1 << i] for s in subsets(n) for i in range(n)),
    }


@given(game=exact_games(1, 4))
def test_every_class_matches_its_definition(game):
    found = co.game_properties(game)
    for name, expected in definitions(game).items():
        assert found[name] == expected, name


@given(game=exact_games(1, 4))
def test_the_implications_between_classes(game):
    found = co.game_properties(game)
    if found["totally_positive"]:
        assert found["convex"]
    if found["convex"]:
        assert found["average_convex"] and found["balanced"]
    if found["balanced"]:
        assert found["quasi_balanced"]  # the core lies in the core cover
    if found["additive"]:
        assert found["constant_sum"] and found["weakly_superadditive"]


def test_known_games():
    glove = co.game_properties(co.glove_game(["L"], ["R1", "R2"]))
    assert glove["zero_normalized"] and glove["simple"] and glove["balanced"]
    majority = co.game_properties(co.majority_game(3))
    assert majority["symmetric"] and majority["constant_sum"] and not majority["balanced"]
    assert props.is_concave(co.airport_game([1, 2, 3]))
    assert co.game_properties(co.airport_game([1, 2, 3]))["balanced"] is None  # a cost game


def test_the_number_of_reported_properties():
    found = co.game_properties(co.majority_game(3))
    booleans = [k for k, v in found.items() if isinstance(v, bool)]
    assert len(booleans) >= 17
