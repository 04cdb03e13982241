"""The chi value, the proportional value and the Lorenz solution: closed forms, axioms over
random games, and oracles that share no code with the solvers (coalitions as frozensets,
worths looked up one by one):

- chi: the gap-function form ``b - g(N) lambda / lambda(N)`` (Bergantiños and Massó 1996, as
  MatTuGames' ChiValue computes it) and the minimal right with ``b`` for the utopia payoffs;
- proportional value: the recursion of Ortmann (2000) by preservation of ratios and
  efficiency over every subgame, and the ratio potential as a sum over orders;
- Lorenz solution: the core's vertices by brute force (every system of n tight coalitions),
  the projection's variational inequality at every vertex, and Lorenz dominance checked
  against them; for convex games the Dutta-Ray solution (Dutta and Ray 1989, Theorem 3: it
  Lorenz-dominates every other core allocation).
"""

import itertools
from fractions import Fraction
from functools import cache
from math import prod

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import solve_linear
from strategies import convex_game, exact_games, float_games

import coalitions as co
from coalitions.exceptions import InvalidGameError


def _worth(game, members):
    mask = sum(1 << i for i in members)
    return Fraction(game.values[mask])


def _coalitions(n):
    for size in range(1, n + 1):
        yield from itertools.combinations(range(n), size)


# ------------------------------------------------------------------------------------- chi


def chi_by_gaps(game):
    """Bergantiños and Massó's chi value in the gap-function form: b_i the largest marginal
    contribution, g(S) = b(S) - v(S), lambda_i = min over S containing i of g(S),
    chi = b - g(N) lambda / lambda(N) (b itself when g(N) = 0)."""
    n = game.n_players
    b = [
        max(
            _worth(game, s) - _worth(game, [j for j in s if j != i])
            for s in _coalitions(n)
            if i in s
        )
        for i in range(n)
    ]
    gap = {s: sum(b[i] for i in s) - _worth(game, s) for s in _coalitions(n)}
    grand = tuple(range(n))
    if gap[grand] == 0:
        return b
    concessions = [min(g for s, g in gap.items() if i in s) for i in range(n)]
    return [bi - gap[grand] * c / sum(concessions) for bi, c in zip(b, concessions)]


def _weakly_essential(game):
    n = game.n_players
    return sum(_worth(game, [i]) for i in range(n)) <= _worth(game, range(n))


def test_chi_two_hundred_random_games_match_the_gap_oracle():
    rng = np.random.default_rng(16_05)
    checked = 0
    while checked < 200:
        n = int(rng.integers(1, 5))
        values = [
            Fraction(int(a), int(d))
            for a, d in zip(rng.integers(-6, 12, 1 << n), rng.integers(1, 4, 1 << n))
        ]
        values[0] = Fraction(0)
        game = co.TUGame(values)
        if not _weakly_essential(game):
            with pytest.raises(InvalidGameError, match="weakly essential"):
                co.chi_value(game)
            continue
        assert co.chi_value(game).x.tolist() == chi_by_gaps(game)
        checked += 1


def test_chi_lower_bound_is_the_standalone_worth():
    """The minimal right with b for the utopia payoffs, max over S of v(S) - b(S - i), is
    v({i}) in every game: the reason the chi value lives on all weakly essential games."""
    rng = np.random.default_rng(3)
    for _ in range(100):
        n = int(rng.integers(1, 5))
        values = [0, *rng.integers(-9, 10, (1 << n) - 1).tolist()]
        game = co.TUGame(values)
        b = co.maximal_contributions(game)
        for i in range(n):
            right = max(
                _worth(game, s) - sum(b[j] for j in s if j != i) for s in _coalitions(n) if i in s
            )
            assert right == _worth(game, [i])


@pytest.mark.parametrize(
    "game, expected",
    [
        # the glove game: each right glove adds 1 to the left glove alone
        (co.glove_game(["L"], ["R1", "R2"]), [Fraction(1, 3)] * 3),
        # two players: the standard solution v(i) + half the surplus
        (co.TUGame([0, 1, 3, 8]), [Fraction(3), Fraction(5)]),
    ],
)
def test_chi_known_answers(game, expected):
    assert co.chi_value(game).x.tolist() == expected


def test_chi_is_tau_on_convex_games():
    """In a convex game the largest marginal contribution is the one to N, so b = M."""
    rng = np.random.default_rng(11)
    for _ in range(40):
        game = convex_game(int(rng.integers(1, 6)), rng)
        assert co.chi_value(game).x.tolist() == co.tau_value(game).x.tolist()


@settings(max_examples=15, deadline=None)
@given(game=exact_games(1, 4), scale=st.fractions(1, 5, max_denominator=4), shift=st.data())
def test_chi_is_efficient_symmetric_and_covariant(game, scale, shift):
    if not _weakly_essential(game):
        return
    x = co.chi_value(game).x.tolist()
    n = game.n_players
    assert sum(x) == game.grand_value
    for i, j in co.symmetric_pairs(game):
        assert x[game.players.index(i)] == x[game.players.index(j)]
    offsets = shift.draw(st.lists(st.integers(-5, 5), min_size=n, max_size=n))
    additive = co.additive_game(offsets, players=game.players)
    moved = co.TUGame(scale * np.asarray(game.values) + np.asarray(additive.values), game.players)
    assert co.chi_value(moved).x.tolist() == [scale * v + o for v, o in zip(x, offsets)]
    floats = co.chi_value(game.to_float()).x
    assert np.allclose(floats, [float(v) for v in x], atol=1e-9)


def test_chi_of_a_cost_game_negates_the_costs():
    costs = co.airport_game([1, 2, 3])
    shares = co.chi_value(costs)
    assert shares.cost and sum(shares.x) == 3
    assert shares.x.tolist() == [-v for v in chi_by_gaps(co.TUGame(-np.asarray(costs.values)))]


# ------------------------------------------------------------------------ proportional value


def proportional_by_ratios(game):
    """Ortmann (2000): PV of a one-player game is v(i); in a larger one, preservation of
    ratios PV_i(S) / PV_j(S) = PV_i(S - j) / PV_j(S - i) fixes the shares up to a factor,
    and efficiency fixes the factor. Computed over frozensets, subgame by subgame."""

    @cache
    def value(members):
        if len(members) == 1:
            return {i: _worth(game, members) for i in members}
        anchor = min(members)
        weights = {anchor: Fraction(1)}
        for i in members - {anchor}:
            weights[i] = value(members - {anchor})[i] / value(members - {i})[anchor]
        total = sum(weights.values())
        return {i: w * _worth(game, members) / total for i, w in weights.items()}

    n = game.n_players
    shares = value(frozenset(range(n)))
    return [shares[i] for i in range(n)]


def potential_by_orders(game, members):
    """1/P(S) = sum over the orders of S of the product of 1/v over its initial segments."""
    return 1 / sum(
        prod(1 / _worth(game, order[: k + 1]) for k in range(len(order)))
        for order in itertools.permutations(members)
    )


def _positive_game(rng, n):
    values = [
        Fraction(int(a), int(d))
        for a, d in zip(rng.integers(1, 20, 1 << n), rng.integers(1, 4, 1 << n))
    ]
    values[0] = Fraction(0)
    return co.TUGame(values)


def test_proportional_two_hundred_random_games_match_the_ratio_recursion():
    rng = np.random.default_rng(2000)
    for _ in range(200):
        game = _positive_game(rng, int(rng.integers(1, 5)))
        assert co.proportional_value(game).x.tolist() == proportional_by_ratios(game)


def test_ratio_potential_is_the_sum_over_orders():
    rng = np.random.default_rng(1999)
    for _ in range(30):
        game = _positive_game(rng, int(rng.integers(1, 5)))
        potential = co.ratio_potential(game)
        n = game.n_players
        assert potential[0] == 1
        for members in _coalitions(n):
            assert potential[sum(1 << i for i in members)] == potential_by_orders(game, members)


def test_proportional_known_answers():
    # two players: v(N) split in proportion to the stand-alone worths (Ortmann 2000)
    assert co.proportional_value(co.TUGame([0, 1, 3, 8])).x.tolist() == [2, 6]
    # a symmetric game: the equal split
    symmetric = co.TUGame.from_function(lambda s: len(s) ** 2, ["a", "b", "c", "d"])
    assert co.proportional_value(symmetric).x.tolist() == [4, 4, 4, 4]
    # an additive positive game: each player its own worth
    assert co.proportional_value(co.additive_game([1, 2, 5])).x.tolist() == [1, 2, 5]


@settings(max_examples=10, deadline=None)
@given(
    values=st.lists(st.fractions(Fraction(1, 4), 20, max_denominator=6), min_size=7, max_size=15),
    scale=st.fractions(Fraction(1, 3), 7, max_denominator=5),
)
def test_proportional_axioms(values, scale):
    n = 3 if len(values) < 15 else 4
    game = co.TUGame([Fraction(0), *values[: (1 << n) - 1]])
    x = co.proportional_value(game).x.tolist()
    assert sum(x) == game.grand_value
    players = game.players
    for i, j in itertools.combinations(range(n), 2):  # preservation of ratios
        without_j = co.proportional_value(co.subgame(game, [p for p in players if p != players[j]]))
        without_i = co.proportional_value(co.subgame(game, [p for p in players if p != players[i]]))
        assert x[i] / x[j] == without_j[players[i]] / without_i[players[j]]
    for i, j in co.symmetric_pairs(game):
        assert x[players.index(i)] == x[players.index(j)]
    scaled = co.TUGame(scale * np.asarray(game.values), players)
    assert co.proportional_value(scaled).x.tolist() == [scale * v for v in x]
    floats = co.proportional_value(game.to_float()).x
    assert np.allclose(floats, [float(v) for v in x], rtol=1e-12)


def test_proportional_float_layers_do_not_underflow():
    # 12 players with worths near 1e30: the potential's products would leave the float range
    game = co.TUGame.from_function(lambda s: 1e30 * len(s), [str(i) for i in range(12)])
    x = co.proportional_value(game).x
    assert np.allclose(x, 1e30, rtol=1e-12)  # v(N) = 12e30, shared equally


def test_proportional_refuses_non_positive_and_cost_games():
    with pytest.raises(InvalidGameError, match="positive games"):
        co.proportional_value(co.glove_game(["L"], ["R"]))
    with pytest.raises(InvalidGameError, match="positive games"):
        co.ratio_potential(co.TUGame([0, 1, -1, 3]))
    with pytest.raises(InvalidGameError, match="cost game"):
        co.proportional_value(co.airport_game([1, 2]))


# --------------------------------------------------------------------------- Lorenz solution


def core_vertices_by_brute_force(game):
    """Every efficient point where n - 1 further coalitions are tight and no coalition is
    short. A float solve screens out the singular systems (a 0/1 matrix is singular exactly
    when its integer determinant is 0) and the points short of a coalition by more than
    1e-6 (worths are integers, so vertices have small denominators); each survivor is
    solved and checked again in Fractions."""
    n = game.n_players
    proper = [s for s in _coalitions(n) if len(s) < n]
    member = np.array([[i in s for i in range(n)] for s in proper], dtype=np.float64)
    worth = np.array([float(_worth(game, s)) for s in proper])
    found = set()
    for chosen in itertools.combinations(range(len(proper)), n - 1):
        matrix = np.vstack([member[list(chosen)], np.ones(n)])
        if abs(np.linalg.det(matrix)) < 0.5:
            continue
        rhs = [*(worth[c] for c in chosen), float(game.grand_value)]
        if (member @ np.linalg.solve(matrix, rhs) < worth - 1e-6).any():
            continue
        rows = [[Fraction(int(v)) for v in row] for row in matrix]
        exact_rhs = [*(_worth(game, proper[c]) for c in chosen), _worth(game, range(n))]
        point = solve_linear(rows, exact_rhs)
        if point is not None and all(sum(point[i] for i in s) >= _worth(game, s) for s in proper):
            found.add(tuple(point))
    return [list(p) for p in found]


def _lorenz_dominates(x, y):
    xs, ys = sorted(x), sorted(y)
    sums = [(sum(xs[:k]), sum(ys[:k])) for k in range(1, len(xs) + 1)]
    return all(a >= b for a, b in sums) and any(a > b for a, b in sums)


def test_lorenz_solution_is_the_projection_onto_the_brute_force_core():
    rng = np.random.default_rng(1989)
    checked = 0
    while checked < 20:
        n = int(rng.integers(2, 5))
        values = [0, *rng.integers(-2, 9, (1 << n) - 1).tolist()]
        values[-1] = int(rng.integers(6, 16))
        game = co.TUGame(values)
        vertices = core_vertices_by_brute_force(game)
        if not vertices:
            with pytest.raises(InvalidGameError, match="core is empty"):
                co.lorenz_solution(game)
            continue
        x = co.lorenz_solution(game).x.tolist()
        assert all(sum(x[i] for i in s) >= _worth(game, s) for s in _coalitions(n))
        assert sum(x) == game.grand_value
        # the projection of the equal split: (y - x) . x >= 0 at every vertex y of the core
        assert all(sum((a - b) * b for a, b in zip(y, x)) >= 0 for y in vertices)
        # no vertex, nor a mixture of x with one, Lorenz-dominates x
        for y in vertices:
            assert not _lorenz_dominates(y, x)
            assert not _lorenz_dominates([(a + b) / 2 for a, b in zip(x, y)], x)
        checked += 1


def test_lorenz_solution_is_dutta_ray_on_convex_games():
    rng = np.random.default_rng(615)
    for _ in range(40):
        game = convex_game(int(rng.integers(1, 6)), rng)
        result = co.lorenz_solution(game)
        assert result.x.tolist() == co.dutta_ray(game).x.tolist()
        assert result.dominant  # Dutta and Ray (1989): it Lorenz-dominates the whole core


def largest_poorest_sums(game):
    """max over the core of the sum of the k smallest payoffs, k = 1..n-1, each by its own
    linear program (scipy directly): max t with y(T) >= t for |T| = k, y in the core."""
    from scipy.optimize import linprog

    n = game.n_players
    proper = [s for s in _coalitions(n) if len(s) < n]
    best = []
    for k in range(1, n):
        rows = [[-float(i in s) for i in range(n)] + [0.0] for s in proper]
        rhs = [-float(_worth(game, s)) for s in proper]
        rows += [
            [-float(i in t) for i in range(n)] + [1.0] for t in itertools.combinations(range(n), k)
        ]
        rhs += [0.0] * len(list(itertools.combinations(range(n), k)))
        answer = linprog(
            [0.0] * n + [-1.0],
            A_ub=rows,
            b_ub=rhs,
            A_eq=[[1.0] * n + [0.0]],
            b_eq=[float(game.grand_value)],
            bounds=[(None, None)] * (n + 1),
        )
        best.append(-answer.fun)
    return best


def test_lorenz_dominance_flag_matches_the_poorest_sums_programs():
    rng = np.random.default_rng(2004)
    seen = {True: 0, False: 0}
    while seen[True] + seen[False] < 20:
        values = [0, *rng.integers(0, 6, 15).tolist()]
        values[-1] = int(rng.integers(8, 12))
        for i in range(4):
            values[1 << i] = 0
        game = co.TUGame(values)
        if co.core(game).is_empty:
            continue
        result = co.lorenz_solution(game)
        poorest = sorted(result.x.tolist())
        attained = [float(sum(poorest[:k])) for k in range(1, 4)]
        maxima = largest_poorest_sums(game)
        assert result.dominant == all(abs(a - m) <= 1e-7 for a, m in zip(attained, maxima))
        seen[result.dominant] += 1
    assert seen[False] > 0  # the sample has cores with several Lorenz-maximal allocations


def test_a_core_with_several_lorenz_maximal_allocations():
    four = co.TUGame([0, 0, 0, 0, 0, 2, 1, 3, 0, 5, 5, 1, 0, 4, 4, 8])
    result = co.lorenz_solution(four)
    assert result.x.tolist() == [2, 2, 1, 3] and not result.dominant
    # a core allocation with a richer poorest player, yet not dominating x
    witness = [Fraction(3, 2)] * 3 + [Fraction(7, 2)]
    assert co.is_in_core(four, witness)
    assert sorted(witness)[0] > sorted(result.x)[0] and not _lorenz_dominates(witness, result.x)


def test_lorenz_known_answers():
    # Dutta and Ray (1989): the pair shares its 6, the third player gets what it adds
    game = co.TUGame([0, 0, 0, 6, 0, 1, 1, 8])
    assert co.lorenz_solution(game).x.tolist() == [3, 3, 2]
    # a one-point core
    assert co.lorenz_solution(co.glove_game(["L"], ["R1", "R2"])).x.tolist() == [1, 0, 0]
    # the equal split when it is in the core
    assert co.lorenz_solution(co.TUGame([0, 1, 1, 4])).x.tolist() == [2, 2]
    # a non-convex game: {1, 2} and {1, 3} each earn 5 of the 6, so 2 and 3 get at most 1
    nonconvex = co.TUGame([0, 0, 0, 5, 0, 5, 0, 6])
    assert not co.is_convex(nonconvex)
    assert co.lorenz_solution(nonconvex).x.tolist() == [4, 1, 1]


def test_lorenz_of_a_cost_game_is_the_most_equal_cost_core_allocation():
    costs = co.airport_game([1, 2, 3])  # the core charges {1} at most 1, {1,2} at most 2
    shares = co.lorenz_solution(costs)
    assert shares.cost and shares.x.tolist() == [1, 1, 1]


@settings(max_examples=25, deadline=None)
@given(game=float_games(1, 4))
def test_lorenz_float_games_answer_or_refuse_cleanly(game):
    try:
        result = co.lorenz_solution(game)
    except InvalidGameError:
        assert co.core(game).is_empty
        return
    assert co.is_in_core(game, result.x, atol=1e-7)


@settings(max_examples=25, deadline=None)
@given(game=exact_games(1, 4))
def test_lorenz_float_agrees_with_exact(game):
    if co.core(game).is_empty:
        return
    exact = co.lorenz_solution(game)
    assert exact.exact and co.is_in_core(game, exact.x)
    floats = co.lorenz_solution(game.to_float()).x
    assert np.allclose(floats, [float(v) for v in exact.x], atol=1e-7)


def lorenz_improvement(game, x):
    """max of sum_k s_k over core points y with y(T) >= L_k(x) + s_k (|T| = k), s >= 0, by
    scipy's linprog directly: 0 exactly when no core point Lorenz-dominates x."""
    from scipy.optimize import linprog

    n = game.n_players
    proper = [s for s in _coalitions(n) if len(s) < n]
    poorest = sorted(float(v) for v in x)
    rows, rhs = [], []
    for s in proper:
        rows.append([-float(i in s) for i in range(n)] + [0.0] * (n - 1))
        rhs.append(-float(_worth(game, s)))
    for k in range(1, n):
        for t in itertools.combinations(range(n), k):
            rows.append(
                [-float(i in t) for i in range(n)] + [float(j == k - 1) for j in range(n - 1)]
            )
            rhs.append(-sum(poorest[:k]))
    answer = linprog(
        [0.0] * n + [-1.0] * (n - 1),
        A_ub=rows,
        b_ub=rhs,
        A_eq=[[1.0] * n + [0.0] * (n - 1)],
        b_eq=[float(game.grand_value)],
        bounds=[(None, None)] * n + [(0, None)] * (n - 1),
    )
    return -answer.fun


def test_lorenz_membership_matches_the_improvement_program():
    rng = np.random.default_rng(223)
    verdicts = {True: 0, False: 0}
    games = 0
    while games < 8:
        values = [0, *rng.integers(0, 6, 15).tolist()]
        values[-1] = int(rng.integers(8, 12))
        game = co.TUGame(values)
        vertices = core_vertices_by_brute_force(game)
        if not vertices:
            continue
        games += 1
        centre = co.lorenz_solution(game).x.tolist()
        assert co.is_lorenz_maximal(game, centre)
        for y in vertices[:4]:
            for point in (y, [(a + b) / 2 for a, b in zip(y, centre)]):
                verdict = co.is_lorenz_maximal(game, point)
                assert verdict == (lorenz_improvement(game, point) <= 1e-7)
                verdicts[verdict] += 1
    assert verdicts[True] and verdicts[False]


def test_in_a_convex_game_only_dutta_ray_is_lorenz_maximal():
    rng = np.random.default_rng(89)
    for _ in range(10):
        game = convex_game(int(rng.integers(2, 5)), rng)
        best = co.dutta_ray(game).x.tolist()
        assert co.is_lorenz_maximal(game, best)
        assert co.is_lorenz_maximal(game.to_float(), [float(v) for v in best])
        for y in core_vertices_by_brute_force(game):
            assert co.is_lorenz_maximal(game, y) == (y == best)


def test_lorenz_membership_refuses_outside_the_core_and_reads_costs():
    four = co.TUGame([0, 0, 0, 0, 0, 2, 1, 3, 0, 5, 5, 1, 0, 4, 4, 8])
    assert not co.is_lorenz_maximal(four, [8, 0, 0, 0])  # {2, 4} gets 0 < 5
    costs = co.airport_game([1, 2, 3])
    assert co.is_lorenz_maximal(costs, [1, 1, 1])
    assert not co.is_lorenz_maximal(costs, [1, Fraction(1, 2), Fraction(3, 2)])


@pytest.mark.parametrize("scale", [1e-209, 1.0, 1e200])
def test_lorenz_tolerance_is_relative_to_the_worths(scale):
    # found by hypothesis: with an absolute tolerance floor, worths of order 1e-209 made the
    # equal split look like a core point although x_2 >= v(2) = 0.8 v(N)
    game = co.TUGame(np.array([0, 0, 2, 2.5]) * scale)
    x = co.lorenz_solution(game).x
    assert x / scale == pytest.approx([0.5, 2]) and co.is_in_core(game, x)


@pytest.mark.parametrize(
    "values",
    [
        # the zero-normalised game (2e-12) is tiny beside its worths (54): the core is the
        # segment x1 in [-2.3e-12, 0], and the float rounding of the worths is about 1e-14
        [0.0, -2.328114828972663e-12, 53.68686129869218, 53.68686129869218],
        [0.0, -21.69197243506804, -2.2250738585072014e-308, -21.69197243506804],
        [0.0, 5e-324, 5e-324, 5e-324],
        # worths near underflow once made the active set's Gram matrix singular
        [0.0, 7.824013561551275e-55, 5e-324, 7.824013561551275e-55],
        [0.0, 30.95605641372086, -3.060166921883135e-184, 30.95605641372086],
    ],
)
def test_lorenz_and_core_membership_of_float_games_near_the_rounding_of_their_worths(values):
    game = co.TUGame(values)
    result = co.lorenz_solution(game)
    assert co.is_in_core(game, result.x)
    big = 1 + abs(values[-1])  # a point off the core by far more than any rounding
    assert not co.is_in_core(game, [values[-1] + big, -big])


def test_core_membership_tolerates_the_rounding_only():
    game = co.TUGame([0.0, -2.328114828972663e-12, 53.68686129869218, 53.68686129869218])
    for x1 in (-2.328114828972663e-12, 0.0):  # the two ends of the core
        assert co.is_in_core(game, [x1, 53.68686129869218 - x1])
    assert not co.is_in_core(game, [1e-9, 53.68686129869218 - 1e-9])
