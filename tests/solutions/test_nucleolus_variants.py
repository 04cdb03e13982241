"""Nucleolus variants, the modiclus and least-square values: published values, properties and
an independent oracle (tests/solutions/_lexmin_oracle.py: Maschler's scheme with one LP per
tight function, written from the definitions, sharing no code with the solvers) on 200 random
games each; coopgame-py (the peer, in its own environment) where it has the concept."""

from __future__ import annotations

import json
from fractions import Fraction as F
from itertools import combinations

import numpy as np
import pytest
from _kernel_oracles import run_coopgame
from _lexmin_oracle import coalition_rows, excess_difference_rows, lexmin
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidArgumentError, InvalidGameError, TooLargeError

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def coopgame_order(vector):
    """A table in bitmask order from CoopGame's order (by size, then lexicographic)."""
    n = {3: 2, 7: 3, 15: 4, 31: 5}[len(vector)]
    table = [0] * (1 << n)
    k = 0
    for size in range(1, n + 1):
        for members in combinations(range(n), size):
            table[sum(1 << i for i in members)] = vector[k]
            k += 1
    return table


@st.composite
def integer_games(draw, low=3, high=5):
    """A random game with integer worths 0..20 (v(empty) = 0) and a non-empty imputation
    set."""
    n = draw(st.integers(low, high))
    values = [0] + [draw(st.integers(0, 20)) for _ in range((1 << n) - 1)]
    singles = sum(values[1 << i] for i in range(n))
    values[-1] = max(values[-1], singles + draw(st.integers(0, 10)))
    return co.TUGame([F(v) for v in values])


@st.composite
def balanced_games(draw, low=3, high=5):
    """A random game with ``a`` in its core: ``v(S) = a(S) - d(S)``, ``d >= 0``,
    ``v(N) = a(N)``."""
    n = draw(st.integers(low, high))
    a = [draw(st.integers(0, 10)) for _ in range(n)]
    full = (1 << n) - 1
    values = [0] * (full + 1)
    for mask in range(1, full):
        own = sum(a[i] for i in range(n) if mask >> i & 1)
        values[mask] = own - draw(st.integers(0, 6))
    values[full] = sum(a)
    return co.TUGame([F(v) for v in values])


def floats(x):
    return np.array([float(v) for v in x])


def close(x, y, atol=1e-6):
    return np.allclose(floats(x), floats(y), atol=atol)


def _table(game):
    return [float(v) for v in game.values.tolist()], game.n_players


# ------------------------------------------------------------------- published values
def test_disruption_nucleolus_coopgame_manual():
    """CoopGame's manual: (3.193548, 4.754839, 2.129032, 3.922581); exactly
    (495, 737, 330, 608) / 155."""
    vector = [0, 0, 0, 0, 2, 3, 4, 1, 3, 2, 8, 11, F(13, 2), F(19, 2), 14]
    result = co.disruption_nucleolus(co.TUGame(coopgame_order(vector)))
    assert result.exact and result.verified
    assert result.x.tolist() == [F(495, 155), F(737, 155), F(330, 155), F(608, 155)]


def test_simplified_modiclus_talmud_coopgame_manual():
    result = co.simplified_modiclus(co.bankruptcy_game(100, [100, 200, 300]))
    assert result.x.tolist() == [F(100, 3)] * 3 and result.exact and result.verified


def test_proportional_nucleolus_coopgame_example():
    """CoopGame's example game; coopgame-py answers (28, 46.667, 65.333)."""
    result = co.proportional_nucleolus(co.TUGame(coopgame_order([0, 0, 0, 48, 60, 72, 140])))
    assert result.x.tolist() == [F(28), F(140, 3), F(196, 3)] and result.verified


@pytest.mark.parametrize(
    ("weights", "quota"), [([2, 1, 1, 1], 3), ([3, 2, 2, 1, 1], 5), ([1, 1, 1], 2)]
)
def test_modiclus_represents_constant_sum_weighted_majority_games(weights, quota):
    """Sudhölter (1996): the modiclus of a homogeneous constant-sum weighted majority game is
    its normalised homogeneous representation."""
    game = co.WeightedVotingGame(quota, weights).to_tu_game()
    result = co.modiclus(game)
    assert result.x.tolist() == [F(w, sum(weights)) for w in weights]
    assert result.exact and result.verified


def test_modiclus_coopgame_manual_is_the_proper_pairs_variant():
    """CoopGame's manual (and coopgame-py) give (4.25, 5.25, 5.75, 5.75) for this game: the
    lexicographic centre of the excess differences over pairs of *proper* coalitions. With
    Sudhölter's definition (all pairs in 2^N x 2^N, as the dual cover counts them) the
    oracle and the solver agree on (13, 16, 17, 17) / 3, whose sorted difference vector is
    lexicographically smaller."""
    table = coopgame_order([0, 0, 0, 0, 5, 5, 8, 9, 10, 8, 13, 15, 16, 17, 21])
    result = co.modiclus(co.TUGame(table))
    assert result.x.tolist() == [F(13, 3), F(16, 3), F(17, 3), F(17, 3)]
    rows, consts = excess_difference_rows(table, 4)
    assert close(result.x, lexmin(rows, consts, [[1] * 4], [21]))
    proper = [
        k
        for k, (s, t) in enumerate((s, t) for s in range(16) for t in range(16) if s != t)
        if 0 < s < 15 and 0 < t < 15
    ]
    assert close(lexmin(rows[proper], consts[proper], [[1] * 4], [21]), [4.25, 5.25, 5.75, 5.75])
    ours = np.sort(consts - rows @ floats(result.x))[::-1]
    theirs = np.sort(consts - rows @ np.array([4.25, 5.25, 5.75, 5.75]))[::-1]
    first = np.flatnonzero(np.abs(ours - theirs) > 1e-9)[0]
    assert ours[first] < theirs[first]


def test_least_square_prenucleolus_glove_game():
    """By the closed form: v(N) / 3 + (3 A_i - sum A) / (3 * 2) with A = (2, 1, 1)."""
    game = co.glove_game(["L"], ["R1", "R2"])
    assert co.least_squares_value(game).x.tolist() == [F(2, 3), F(1, 6), F(1, 6)]


# ----------------------------------------------------------------------- oracles
@SETTINGS
@given(integer_games())
def test_weighted_nucleolus_against_oracle(game):
    values, n = _table(game)
    rng = np.random.default_rng(int(sum(values)))
    weights = [1] + [int(w) for w in rng.integers(1, 5, (1 << n) - 2)] + [1]
    result = co.weighted_nucleolus(game, weights)
    assert result.exact and result.verified
    masks, rows = coalition_rows(n)
    w = np.array([weights[m] for m in masks], dtype=float)
    expected = lexmin(
        rows / w[:, None],
        [values[m] / weights[m] for m in masks],
        [[1] * n],
        [values[-1]],
        lower=[values[1 << i] for i in range(n)],
    )
    assert close(result.x, expected)


@SETTINGS
@given(integer_games())
def test_proportional_nucleolus_against_oracle(game):
    values, n = _table(game)
    masks, rows = coalition_rows(n)
    assume(any(values[m] > 0 for m in masks))
    result = co.proportional_nucleolus(game)
    assert result.exact and result.verified
    keep = [k for k, m in enumerate(masks) if values[m] > 0]
    w = np.array([values[masks[k]] for k in keep])
    expected = lexmin(
        rows[keep] / w[:, None],
        np.ones(len(keep)),
        [[1] * n],
        [values[-1]],
        lower=[values[1 << i] for i in range(n)],
    )
    assert close(result.x, expected)


@SETTINGS
@given(balanced_games())
def test_disruption_nucleolus_against_oracle(game):
    """The oracle minimises the propensities' increasing transform -1/d - 1... as weighted
    excesses over the gap, with the zero-gap coalitions held at their worth."""
    values, n = _table(game)
    full = (1 << n) - 1
    result = co.disruption_nucleolus(game)
    assert result.exact and result.verified
    assert co.is_in_core(game, result.x)
    masks, rows = coalition_rows(n)
    gaps = np.array([values[full] - values[m] - values[full ^ m] for m in masks])
    keep = gaps > 0
    expected = lexmin(
        rows[keep] / gaps[keep, None],
        np.array([values[m] for m in masks])[keep] / gaps[keep],
        [[1] * n] + [list(r) for r in rows[~keep]],
        [values[full]] + [values[m] for m, k in zip(masks, keep) if not k],
        lower=[values[1 << i] for i in range(n)],
    )
    assert close(result.x, expected)


@SETTINGS
@given(integer_games())
def test_anti_prenucleolus_against_oracle(game):
    values, n = _table(game)
    result = co.anti_prenucleolus(game)
    assert result.exact and result.verified
    masks, rows = coalition_rows(n)
    expected = lexmin(-rows, [-values[m] for m in masks], [[1] * n], [values[-1]])
    assert close(result.x, expected)
    # the anti-prenucleolus is the prenucleolus of the dual game (complements' excesses)
    assert close(result.x, co.prenucleolus(co.dual_game(game)).x)


@SETTINGS
@given(integer_games(), st.data())
def test_anti_nucleolus_against_oracle(game, data):
    values, n = _table(game)
    # make the anti-imputations exist: v(N) <= sum of v(i)
    table = list(game.values)
    table[-1] = min(table[-1], sum(table[1 << i] for i in range(n)))
    game = co.TUGame(table)
    values, n = _table(game)
    result = co.anti_nucleolus(game)
    assert result.exact and result.verified
    masks, rows = coalition_rows(n)
    expected = lexmin(
        -rows,
        [-values[m] for m in masks],
        [[1] * n],
        [values[-1]],
        upper=[values[1 << i] for i in range(n)],
    )
    assert close(result.x, expected)


@SETTINGS
@given(integer_games(), st.data())
def test_structure_nucleolus_against_oracle(game, data):
    values, n = _table(game)
    labels = [data.draw(st.integers(0, 1)) for _ in range(n)]
    blocks = [[game.players[i] for i in range(n) if labels[i] == b] for b in (0, 1)]
    blocks = [b for b in blocks if b]
    block_masks = [sum(1 << game.players.index(p) for p in b) for b in blocks]
    table = list(game.values)
    for mask in block_masks:  # each block worth at least its members alone
        members = [table[1 << i] for i in range(n) if mask >> i & 1]
        table[mask] = max(table[mask], sum(members))
    game = co.TUGame(table)
    values, n = _table(game)
    result = co.structure_nucleolus(game, blocks)
    assert result.exact and result.verified
    masks, rows = coalition_rows(n)
    keep = [k for k, m in enumerate(masks) if m not in block_masks]
    eq = [[(m >> i) & 1 for i in range(n)] for m in block_masks]
    expected = lexmin(
        rows[keep],
        [values[masks[k]] for k in keep],
        eq,
        [values[m] for m in block_masks],
        lower=[values[1 << i] for i in range(n)],
    )
    assert close(result.x, expected)
    if len(blocks) == 1:
        assert result.x.tolist() == co.nucleolus(game).x.tolist()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(integer_games(3, 4))
def test_modiclus_against_oracle(game):
    values, n = _table(game)
    result = co.modiclus(game)
    assert result.exact and result.verified
    rows, consts = excess_difference_rows(values, n)
    assert close(result.x, lexmin(rows, consts, [[1] * n], [values[-1]]))


@SETTINGS
@given(integer_games())
def test_simplified_modiclus_against_oracle(game):
    values, n = _table(game)
    full = (1 << n) - 1
    result = co.simplified_modiclus(game)
    assert result.exact and result.verified
    masks, rows = coalition_rows(n)
    complement = np.array([[((full ^ m) >> i) & 1 for i in range(n)] for m in masks])
    expected = lexmin(
        rows - complement,
        [values[m] - values[full ^ m] for m in masks],
        [[1] * n],
        [values[-1]],
    )
    assert close(result.x, expected)
    x = floats(result.x)
    differences = [
        values[m] - rows[k] @ x - values[full ^ m] + complement[k] @ x for k, m in enumerate(masks)
    ]
    assert float(result.levels[0]) == pytest.approx(max(differences))


@SETTINGS
@given(integer_games(2, 6), st.lists(st.integers(0, 5), min_size=5, max_size=5))
def test_least_squares_value_against_constrained_least_squares(game, weights):
    """The closed form against numpy's solution of the KKT system of
    min sum_S m_|S| (v(S) - x(S))^2 subject to x(N) = v(N)."""
    values, n = _table(game)
    m = weights[: n - 1]
    if not any(m):
        m[0] = 1
    result = co.least_squares_value(game, m)
    assert result.exact
    masks, rows = coalition_rows(n)
    w = np.array([m[bin(s).count("1") - 1] for s in masks], dtype=float)
    b = np.array([values[s] for s in masks])
    kkt = np.block([[2 * rows.T @ (w[:, None] * rows), np.ones((n, 1))], [np.ones((1, n)), 0]])
    rhs = np.concatenate([2 * rows.T @ (w * b), [values[-1]]])
    solution = np.linalg.lstsq(kkt, rhs, rcond=None)[0][:n]
    # the minimiser is unique when the weighted coalition matrix has full rank on x(N) = 0
    if np.linalg.matrix_rank(kkt) == n + 1:
        assert close(result.x, solution)


# --------------------------------------------------------------------- properties
PROPERTIES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTIES
@given(integer_games(3, 4), st.integers(1, 4), st.lists(st.integers(-5, 5), min_size=4, max_size=4))
def test_modiclus_covariant_and_self_dual(game, scale, shift):
    n = game.n_players
    x = co.modiclus(game).x
    moved = co.TUGame(
        [
            scale * v + sum(shift[i] for i in range(n) if mask >> i & 1)
            for mask, v in enumerate(game.values.tolist())
        ]
    )
    assert co.modiclus(moved).x.tolist() == [scale * x[i] + shift[i] for i in range(n)]
    assert co.modiclus(co.dual_game(game)).x.tolist() == x.tolist()


@PROPERTIES
@given(integer_games(3, 5))
def test_least_square_prenucleolus_is_efficient_and_symmetric(game):
    x = co.least_squares_value(game).x
    assert sum(x) == game.grand_value
    reversed_game = co.TUGame(
        [
            game.values[int(bin(m)[2:].zfill(game.n_players)[::-1], 2)]
            for m in range(1 << game.n_players)
        ]
    )
    assert co.least_squares_value(reversed_game).x.tolist() == x.tolist()[::-1]


def test_least_squares_family_contains_the_shapley_value():
    """m_s = (s - 1)! (n - s - 1)! gives the Shapley value (Ruiz, Valenciano and Zarzuelo)."""
    from math import factorial

    rng = np.random.default_rng(3)
    for n in (2, 3, 4, 5):
        game = co.TUGame([0] + [int(v) for v in rng.integers(0, 30, (1 << n) - 1)])
        m = [factorial(s - 1) * factorial(n - s - 1) for s in range(1, n)]
        assert co.least_squares_value(game, m).x.tolist() == co.shapley_value(game).x.tolist()


@PROPERTIES
@given(integer_games(3, 5))
def test_symmetric_players_get_equal_shares(game):
    """Make players 1 and 2 symmetric; every variant treats them alike."""
    n = game.n_players
    table = list(game.values)
    for mask in range(1 << n):
        if mask & 1 and not mask & 2:
            table[mask ^ 1 ^ 2] = table[mask]
    game = co.TUGame(table)
    for solver in (co.modiclus, co.simplified_modiclus, co.anti_prenucleolus):
        if solver is co.modiclus and n > 4:
            continue
        x = solver(game).x
        assert x[0] == x[1], solver.__name__
    x = co.least_squares_value(game).x
    assert x[0] == x[1]


def test_cost_game_modiclus_is_that_of_the_table():
    game = co.airport_game([8, 12, 20, 28])
    as_worths = co.TUGame(list(game.values))
    result = co.modiclus(game)
    assert result.cost and result.x.tolist() == co.modiclus(as_worths).x.tolist()


def test_anti_prenucleolus_of_a_cost_game_is_the_prenucleolus_of_worths():
    game = co.airport_game([8, 12, 20, 28])
    worths = co.TUGame(list(game.values))
    assert co.anti_prenucleolus(game).x.tolist() == co.prenucleolus(worths).x.tolist()
    with pytest.raises(InvalidGameError, match="anti-imputation set is empty"):
        co.anti_nucleolus(game)


# ----------------------------------------------------------------------- the peer
_PEER = """
import json, sys
import coopgame as cg
out = []
for case in json.load(sys.stdin):
    g = cg.Game(case["values"][1:])
    row = {}
    for name in ("disruption_nucleolus", "proportional_nucleolus", "anti_prenucleolus"):
        try:
            row[name] = getattr(cg, name)(g)["allocation"]
        except Exception as error:
            row[name] = str(error)
    try:
        row["structured"] = cg.structured_nucleolus(g, case["blocks"])["allocation"]
    except Exception as error:
        row["structured"] = str(error)
    out.append(row)
print(json.dumps(out))
"""


def test_against_coopgame():
    """200 random balanced games with positive worths: disruption, proportional,
    anti-prenucleolus and the structured nucleolus against coopgame-py."""
    rng = np.random.default_rng(2026)
    games, cases = [], []
    for k in range(200):
        n = 3 + k % 3
        full = (1 << n) - 1
        a = rng.integers(5, 15, n)
        values = [0] * (full + 1)
        for mask in range(1, full):
            own = int(sum(a[i] for i in range(n) if mask >> i & 1))
            values[mask] = own - int(rng.integers(0, 4))
        values[full] = int(a.sum())
        games.append(co.TUGame(values))
        cases.append({"values": values, "blocks": [list(range(n - 1)), [n - 1]]})
    answers = run_coopgame(_PEER, cases)
    for game, case, answer in zip(games, cases, answers):
        n = game.n_players
        assert close(co.disruption_nucleolus(game).x, answer["disruption_nucleolus"], 1e-5)
        assert close(co.proportional_nucleolus(game).x, answer["proportional_nucleolus"], 1e-5)
        assert close(co.anti_prenucleolus(game).x, answer["anti_prenucleolus"], 1e-5)
        blocks = [[game.players[i] for i in b] for b in case["blocks"]]
        if isinstance(answer["structured"], str):  # a block worth less than its members
            with pytest.raises(InvalidGameError, match="worth less than its members"):
                co.structure_nucleolus(game, blocks)
        else:
            assert close(co.structure_nucleolus(game, blocks).x, answer["structured"], 1e-5)
    json.dumps(answers)  # the peer's answers are plain JSON


# -------------------------------------------------------------------- hostile input
def test_errors_say_what_is_wrong():
    game = co.majority_game(3)
    with pytest.raises(InvalidArgumentError, match="8 numbers"):
        co.weighted_nucleolus(game, [1, 2])
    with pytest.raises(InvalidArgumentError, match="weight > 0"):
        co.weighted_nucleolus(game, [1, 0, 1, 1, 1, 1, 1, 1])
    with pytest.raises(InvalidArgumentError, match="positive numbers"):
        co.weighted_nucleolus(game, ["1"] * 8)
    with pytest.raises(InvalidGameError, match="v\\(S\\) >= 0"):
        co.proportional_nucleolus(co.TUGame([0, -1, 0, 1]))
    with pytest.raises(InvalidGameError, match="core is empty"):
        co.disruption_nucleolus(game)
    with pytest.raises(InvalidGameError, match="two unions"):
        co.structure_nucleolus(game, [["1", "2"], ["2"]])
    with pytest.raises(TooLargeError, match="at most"):
        co.modiclus(co.TUGame([0] * (1 << 10)))
    with pytest.raises(InvalidArgumentError, match="m_1"):
        co.least_squares_value(game, [-1, 1])
    with pytest.raises(InvalidArgumentError, match="2 numbers"):
        co.least_squares_value(game, [1])
    with pytest.raises(InvalidArgumentError, match="every weight is 0"):
        co.least_squares_value(game, [0, 0])
    with pytest.raises(InvalidGameError, match="anti-imputation set is empty"):
        co.anti_nucleolus(co.glove_game(["L"], ["R"]))
