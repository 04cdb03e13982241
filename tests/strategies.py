"""Every generator of test inputs, one per game kind; the test modules import from here.

Hypothesis strategies (shrinkable: every random choice is a ``draw``):

* TU games: ``float_games``, ``exact_games``, ``games`` (either), ``symbolic_games``,
  ``cost_games``, ``rational_tables`` (degenerate families, as ``(values, n)``),
  ``offset_games`` (huge additive offsets), ``games_with_twins`` (symmetric players),
  ``games_with_structure`` and ``games_with_unions`` (with unions and a graph),
  ``oracle_games`` (a game known only through its characteristic function);
* voting: ``weighted_bodies`` (``(quota, weights)``), ``weighted_voting_games``,
  ``rational_weighted_games``, ``huge_weight_games`` (weights up to 2**80 * 5),
  ``simple_games``, ``compound_games`` (nested and/or), ``population_compound_games``,
  ``weighted_jk_games`` (weighted (j,k) games: weights per level, quotas);
* formation: ``hedonic_games``;
* bargaining: ``claims_problems``, ``integer_claims_problems``, ``airport_costs``,
  ``bargaining_problems`` (convex polygons), ``spatial_models``.

Seeded generators (for loop tests over a ``numpy`` generator): ``zero_normalised_game``,
``convex_game``, ``random_rational_game``.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import sympy
from hypothesis import strategies as st

import coalitions as co
from coalitions.games.hedonic import HedonicGame


# ------------------------------------------------------------------------------ TU games
@st.composite
def float_games(draw, min_players: int = 1, max_players: int = 6):
    n = draw(st.integers(min_players, max_players))
    values = draw(
        st.lists(
            st.floats(-100, 100, allow_nan=False, width=64),
            min_size=(1 << n) - 1,
            max_size=(1 << n) - 1,
        )
    )
    return co.TUGame(np.array([0.0, *values]))


@st.composite
def exact_games(draw, min_players: int = 1, max_players: int = 6):
    n = draw(st.integers(min_players, max_players))
    values = draw(
        st.lists(
            st.fractions(min_value=-20, max_value=20, max_denominator=12),
            min_size=(1 << n) - 1,
            max_size=(1 << n) - 1,
        )
    )
    return co.TUGame([Fraction(0), *values])


def games(min_players: int = 1, max_players: int = 6):
    return st.one_of(float_games(min_players, max_players), exact_games(min_players, max_players))


@st.composite
def symbolic_games(draw, min_players: int = 1, max_players: int = 4):
    """A game whose worths are integers plus integer multiples of one symbol ``a`` (the
    grand coalition's worth always involves ``a``)."""
    n = draw(st.integers(min_players, max_players))
    a = sympy.Symbol("a")
    size = (1 << n) - 1
    constants = draw(st.lists(st.integers(-9, 9), min_size=size, max_size=size))
    multiples = draw(st.lists(st.integers(-2, 2), min_size=size, max_size=size))
    multiples[-1] = multiples[-1] or 1
    return co.TUGame(
        [sympy.Integer(0), *(sympy.Integer(c) + k * a for c, k in zip(constants, multiples))]
    )


@st.composite
def cost_games(draw, min_players=2, max_players=5):
    """Random rational cost games: airport games, and random (often subadditive) costs."""
    n = draw(st.integers(min_players, max_players))
    if draw(st.booleans()):
        return co.airport_game(draw(st.lists(st.integers(0, 30), min_size=n, max_size=n)))
    values = draw(
        st.lists(st.fractions(0, 20, max_denominator=4), min_size=1 << n, max_size=1 << n)
    )
    values[0] = Fraction(0)
    return co.TUGame(values, cost=True)


@st.composite
def rational_tables(draw, min_players=2, max_players=4):
    """``(values, n)``: random rational games, half of them from degenerate families (ties,
    0/1 worths, glove and bankruptcy games)."""
    n = draw(st.integers(min_players, max_players))
    family = draw(st.sampled_from(["uniform", "ties", "simple", "glove", "bankruptcy"]))
    size = 1 << n
    if family == "uniform":
        values = draw(
            st.lists(st.fractions(-6, 12, max_denominator=4), min_size=size, max_size=size)
        )
    elif family == "ties":
        values = draw(st.lists(st.sampled_from([0, 1, 2]), min_size=size, max_size=size))
    elif family == "simple":
        bits = draw(st.lists(st.booleans(), min_size=size, max_size=size))
        values = [int(b) for b in bits]
        values[-1] = 1
    elif family == "glove":
        left = draw(st.integers(1, n - 1))
        return list(
            co.glove_game([f"L{i}" for i in range(left)], [f"R{i}" for i in range(n - left)]).values
        ), n
    else:
        claims = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
        estate = draw(st.integers(0, sum(claims)))
        return list(co.bankruptcy_game(estate, claims).values), n
    values = [Fraction(v) for v in values]
    values[0] = Fraction(0)
    return values, n


@st.composite
def offset_games(draw, offsets=(10**9, 10**17, 10**30)):
    """``(values, n, shifts)``: a small rational game and per-player shifts of a huge
    ``offset`` times 1-3 (the shifted game is ``values`` plus the additive game of shifts)."""
    n = draw(st.integers(2, 4))
    values = draw(
        st.lists(st.fractions(-5, 12, max_denominator=6), min_size=1 << n, max_size=1 << n)
    )
    values[0] = Fraction(0)
    offset = draw(st.sampled_from(offsets))
    multipliers = draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))
    return values, n, [offset * k for k in multipliers]


@st.composite
def games_with_twins(draw):
    """8- or 9-player games (the size-weighted fingerprint filter is on from 8 players) in
    which some players are symmetric: worths depend on coalition size and on how many
    members of each class it has."""
    n = draw(st.integers(8, 9))
    classes = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
    worth = draw(st.lists(st.integers(-3, 3), min_size=(n + 1) ** 2, max_size=(n + 1) ** 2))
    masks = np.arange(1 << n)
    bits = (masks[:, None] >> np.arange(n)) & 1
    counts = [bits[:, [i for i in range(n) if classes[i] == c]].sum(axis=1) for c in range(2)]
    values = [worth[(a * (n + 1) + b) % len(worth)] for a, b in zip(*counts)]
    values[0] = 0
    if draw(st.booleans()):
        return co.TUGame(np.array(values, dtype=float))
    return co.TUGame(values)


@st.composite
def games_with_structure(draw, min_players: int = 1, max_players: int = 5):
    """``(game, unions, edges)``: a float or exact game, a partition of its players into
    unions (lists of indices) and a communication graph (index pairs)."""
    game = draw(games(min_players, max_players))
    n = game.n_players
    labels = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    unions: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        unions.setdefault(label, []).append(i)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    return game, list(unions.values()), edges


@st.composite
def games_with_unions(draw, max_players: int = 6, max_unions: int = 3):
    """``(game, unions)``: an exact game and a partition of its players (by name) into at
    most ``max_unions`` non-empty unions."""
    game = draw(exact_games(1, max_players))
    n = game.n_players
    labels = draw(st.lists(st.integers(0, max_unions - 1), min_size=n, max_size=n))
    unions = [[game.players[i] for i in range(n) if labels[i] == k] for k in range(max_unions)]
    return game, [u for u in unions if u]


@st.composite
def oracle_games(draw, min_players: int = 1, max_players: int = 6):
    """``(oracle, table)``: an ``OracleGame`` that looks worths up in a drawn float game, and
    that game (the table is the oracle's reference answer)."""
    table = draw(float_games(min_players, max_players))
    index = {p: i for i, p in enumerate(table.players)}
    values = table.values

    def worth(coalition):
        return float(values[sum(1 << index[p] for p in coalition)])

    return co.OracleGame(worth, table.players), table


# ------------------------------------------------------------------------------ voting
@st.composite
def weighted_bodies(draw, min_players: int = 1, max_players: int = 7, max_weight: int = 12):
    """``(quota, weights)`` of a weighted voting game whose grand coalition wins."""
    weights = draw(
        st.lists(st.integers(0, max_weight), min_size=min_players, max_size=max_players).filter(
            lambda w: sum(w) > 0
        )
    )
    quota = draw(st.integers(1, sum(weights)))
    return quota, weights


@st.composite
def weighted_voting_games(
    draw, min_players: int = 1, max_players: int = 7, min_weight: int = 0, max_weight: int = 9
):
    """A ``WeightedVotingGame`` with integer weights and a quota the grand coalition meets."""
    weights = draw(
        st.lists(st.integers(min_weight, max_weight), min_size=min_players, max_size=max_players)
    )
    if sum(weights) == 0:
        weights[0] = 1
    return co.WeightedVotingGame(draw(st.integers(1, sum(weights))), weights)


def rational_numbers(min_value=0, max_value=50):
    """Integers, fractions and a few floats: every number kind a document may hold."""
    return st.one_of(
        st.integers(min_value, max_value),
        st.fractions(min_value=min_value, max_value=max_value, max_denominator=9),
        st.sampled_from([0.5, 0.1, 2.25, 1e-3]),
    )


@st.composite
def rational_weighted_games(draw, players=None):
    """A ``WeightedVotingGame`` with integer, rational or float weights, named or not."""
    n = len(players) if players else draw(st.integers(1, 7))
    weights = draw(st.lists(rational_numbers(), min_size=n, max_size=n))
    total = sum(Fraction(repr(w)) if isinstance(w, float) else Fraction(w) for w in weights)
    if total == 0:
        weights[0], total = 1, Fraction(1)
    quota = draw(st.fractions(min_value=0, max_value=total).filter(lambda q: q > 0))
    names = players or draw(st.sampled_from([None, [f"p{i}" for i in range(n)]]))
    return co.WeightedVotingGame(quota, weights, names)


@st.composite
def huge_weight_games(draw, max_players: int = 8):
    """Weighted games whose weights mix a huge scale (up to 2**80) with fine detail."""
    n = draw(st.integers(1, max_players))
    scale = draw(st.sampled_from([1, 10**9, 10**18, 2**80]))
    coarse = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    fine = draw(st.lists(st.integers(0, 10**6), min_size=n, max_size=n))
    weights = [c * scale + f for c, f in zip(coarse, fine)]
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedVotingGame(quota, weights)


@st.composite
def simple_games(draw, max_players: int = 6):
    """A ``SimpleGame`` given by up to six minimal winning masks."""
    n = draw(st.integers(1, max_players))
    players = [f"m{i}" for i in range(n)]
    masks = draw(st.lists(st.integers(1, (1 << n) - 1), min_size=1, max_size=6))
    return co.SimpleGame(players, minimal_winning=masks)


@st.composite
def compound_games(draw, depth=2):
    """A ``CompoundGame``: and/or of rational weighted games, nested ``depth`` deep."""
    n = draw(st.integers(1, 5))
    players = [chr(ord("A") + i) for i in range(n)]

    def rule(level):
        if level == 0 or draw(st.booleans()):
            return draw(rational_weighted_games(players))
        operator = draw(st.sampled_from(["and", "or"]))
        return co.CompoundGame(operator, [rule(level - 1) for _ in range(draw(st.integers(2, 3)))])

    return co.CompoundGame(
        draw(st.sampled_from(["and", "or"])),
        [rule(depth - 1) for _ in range(draw(st.integers(2, 3)))],
    )


@st.composite
def population_compound_games(draw):
    """Count-and-population rules (a head count and a population of up to 10**6 each),
    combined with and/or: the double-majority shape of the EU Council."""
    n = draw(st.integers(2, 9))
    players = [f"p{i}" for i in range(n)]
    count = co.WeightedVotingGame(draw(st.integers(1, n)), [1] * n, players)
    pops = draw(st.lists(st.integers(0, 10**6), min_size=n, max_size=n))
    if sum(pops) == 0:
        pops[0] = 1
    people = co.WeightedVotingGame(draw(st.integers(1, sum(pops))), pops, players)
    other = co.WeightedVotingGame(draw(st.integers(1, n)), [1] * n, players)
    if draw(st.booleans()):
        return (count & people) | other
    return count | (people & other)


# ------------------------------------------------------------------------------ formation
@st.composite
def hedonic_games(draw, max_players: int = 4):
    """Additively separable or table hedonic games of up to four players."""
    n = draw(st.integers(1, max_players))
    players = [f"h{i}" for i in range(n)]
    if draw(st.booleans()):
        values = draw(
            st.lists(
                st.lists(st.floats(-9, 9, allow_nan=False), min_size=n, max_size=n),
                min_size=n,
                max_size=n,
            )
        )
        return HedonicGame.additively_separable(values, players)
    utilities = {
        p: {
            tuple(players[j] for j in range(n) if mask >> j & 1): draw(
                st.sampled_from([0.0, 1.0, 2.5, -3.0])
            )
            for mask in range(1 << n)
            if mask >> i & 1 and draw(st.booleans())
        }
        for i, p in enumerate(players)
    }
    return HedonicGame.from_utilities(
        utilities, players, default=draw(st.sampled_from([0.0, -1.0]))
    )


# ------------------------------------------------------------------------------ bargaining
@st.composite
def claims_problems(draw, max_claimants: int = 6):
    """``(estate, claims)`` with rational (or float) claims and 0 <= estate <= sum."""
    exact = draw(st.booleans())
    numbers = (
        st.fractions(min_value=0, max_value=60, max_denominator=8)
        if exact
        else st.integers(0, 60).map(float)
    )
    claims = draw(st.lists(numbers, min_size=1, max_size=max_claimants))
    total = sum(claims)
    share = draw(st.sampled_from([0, 1, Fraction(1, 2)]) | st.fractions(0, 1, max_denominator=50))
    estate = total * share if exact else float(total) * float(share)
    return estate, claims


def integer_claims_problems(max_claimants: int = 7):
    """``(estate, claims)`` with integer claims up to 50 and 0 <= estate <= sum."""
    return st.lists(st.integers(0, 50), min_size=1, max_size=max_claimants).flatmap(
        lambda d: st.tuples(st.integers(0, sum(d)), st.just(d))
    )


def airport_costs(max_players: int = 9):
    """Runway costs, integer or rational, of an airport game."""
    return st.lists(
        st.one_of(st.integers(0, 40), st.fractions(0, 40, max_denominator=6)),
        min_size=1,
        max_size=max_players,
    )


@st.composite
def bargaining_problems(draw):
    """A two-player ``BargainingProblem``: the convex hull of the disagreement point (the
    origin), the two axis points and up to two interior-frontier points, with integer
    coordinates (so the frontier is exact)."""
    a = draw(st.integers(1, 12))
    b = draw(st.integers(1, 12))
    vertices = [[0, 0], [a, 0], [0, b]]
    for _ in range(draw(st.integers(0, 2))):
        x = draw(st.integers(0, a))
        y = draw(st.integers(0, b))
        vertices.append([x, y])
    return co.BargainingProblem.from_vertices(vertices)


@st.composite
def weighted_jk_games(draw, max_n=5, max_levels=4, max_outputs=4, max_step=4):
    """A weighted (j,k) game: per voter a non-decreasing run of small (possibly negative)
    weights, ``k - 1`` sorted quotas between the all-lowest and the all-highest totals."""
    n = draw(st.integers(1, max_n))
    j = draw(st.integers(2, max_levels))
    k = draw(st.integers(2, max_outputs))
    rows = []
    for _ in range(n):
        steps = draw(st.lists(st.integers(0, max_step), min_size=j - 1, max_size=j - 1))
        start = draw(st.integers(-2, 2))
        rows.append(list(itertools.accumulate([start, *steps])))
    low, high = sum(r[0] for r in rows), sum(r[-1] for r in rows)
    if high <= low:
        rows[0][-1] += 1
        high += 1
    quotas = sorted(draw(st.lists(st.integers(low + 1, high), min_size=k - 1, max_size=k - 1)))
    return co.WeightedJKGame(rows, quotas)


@st.composite
def spatial_models(draw, max_players: int = 5):
    """A one-dimensional ``SpatialModel`` of distinct integer ideal points and a status quo,
    with unanimity or a majority quota."""
    n = draw(st.integers(1, max_players))
    ideals = draw(st.lists(st.integers(-20, 20), min_size=n, max_size=n, unique=True))
    players = [f"v{i}" for i in range(n)]
    rule = draw(st.sampled_from(["unanimity", "majority"]))
    return co.SpatialModel(
        dict(zip(players, ideals)), status_quo=draw(st.integers(-25, 25)), decision_rule=rule
    )


# ------------------------------------------------------------------------------ seeded
def zero_normalised_game(n: int, rng, high: int = 100) -> co.TUGame:
    """Random integer game with v({i}) = 0 (the imputation set is never empty)."""
    values = rng.integers(0, high + 1, size=1 << n).astype(np.int64)
    values[0] = 0
    for i in range(n):
        values[1 << i] = 0
    return co.TUGame(values)


def convex_game(n: int, rng, high: int = 5) -> co.TUGame:
    """Sum of unanimity games with non-negative dividends: a convex game."""
    table = rng.integers(0, high + 1, size=1 << n).astype(np.int64)
    table[0] = 0
    for i in range(n):  # zeta transform: v(S) = sum of dividends of subsets of S
        view = table.reshape(-1, 2, 1 << i)
        view[:, 1, :] += view[:, 0, :]
    return co.TUGame(table)


def random_rational_game(n: int, rng) -> co.TUGame:
    """Random rational game from a mix of families, many with ties."""
    family = rng.integers(0, 4)
    if family == 0:
        return zero_normalised_game(n, rng, high=int(rng.choice([1, 2, 10, 100])))
    if family == 1:
        return convex_game(n, rng)
    if family == 2:
        values = rng.integers(-3, 4, size=1 << n).astype(np.int64)
        values[0] = 0
        return co.TUGame(values)
    claims = [int(c) for c in rng.integers(0, 20, size=n)]
    estate = int(rng.integers(0, sum(claims) + 1))
    return co.bankruptcy_game(estate, claims)
