"""Partition-function games: known answers, independent brute-force oracles and properties.

The oracles below share no code with ``coalitions.formation.externalities``: they list
partitions with their own recursion over names, read worths only through ``game.value``,
compute the MPW average game from cycle decompositions of permutations and the Shapley value
from orders of the players.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import (
    CoalitionsError,
    InvalidArgumentError,
    InvalidGameError,
    InvalidProblemError,
    TooLargeError,
)

PFG = co.PartitionFunctionGame


# ----------------------------------------------------------------- independent oracles
def all_partitions(names):
    """Every partition of ``names`` (lists of frozensets), by inserting the first name."""
    if not names:
        return [[]]
    first, rest = names[0], names[1:]
    out = []
    for partition in all_partitions(rest):
        out.append([frozenset([first]), *partition])
        for i, block in enumerate(partition):
            out.append([*partition[:i], block | {first}, *partition[i + 1 :]])
    return out


def per_capita(game, coalition, partition):
    return game.value(sorted(coalition), [sorted(b) for b in partition]) / len(coalition)


def oracle_stable(game, partition, rule):
    """No unilateral move allowed by ``rule`` raises the mover's per-capita payoff."""
    for block in partition:
        for player in block:
            here = per_capita(game, block, partition)
            others = [b for b in partition if b != block]
            rest = block - {player}
            moves = []
            if rest:
                if rule == "coalition-unanimity":
                    after = others + [frozenset([p]) for p in rest] + [frozenset([player])]
                else:
                    after = [*others, rest, frozenset([player])]
                moves.append((frozenset([player]), after))
            if rule == "open-membership":
                for target in others:
                    after = [b for b in others if b != target] + [target | {player}]
                    moves.append((target | {player}, after + ([rest] if rest else [])))
            if any(per_capita(game, new, after) > here for new, after in moves):
                return False
    return True


def oracle_average_game(game):
    """MPW's average worth: the mean over orders of the outsiders of v(S, S + cycles)."""
    names = list(game.players)
    out = {}
    for size in range(1, len(names) + 1):
        for coalition in _subsets(names, size):
            outside = [p for p in names if p not in coalition]
            total, count = Fraction(0), 0
            for image in permutations(outside):
                mapping = dict(zip(outside, image))
                cycles, seen = [], set()
                for start in outside:
                    if start in seen:
                        continue
                    cycle, at = [], start
                    while at not in seen:
                        seen.add(at)
                        cycle.append(at)
                        at = mapping[at]
                    cycles.append(cycle)
                total += game.value(list(coalition), [list(coalition), *cycles])
                count += 1
            out[frozenset(coalition)] = total / count
    out[frozenset()] = Fraction(0)
    return out


def _subsets(names, size):
    if size == 0:
        yield ()
        return
    for i, name in enumerate(names):
        for tail in _subsets(names[i + 1 :], size - 1):
            yield (name, *tail)


def oracle_shapley(worth, names):
    """Shapley value by averaging marginal contributions over all orders."""
    phi = dict.fromkeys(names, Fraction(0))
    orders = list(permutations(names))
    for order in orders:
        before = frozenset()
        for p in order:
            phi[p] += worth[before | {p}] - worth[before]
            before = before | {p}
    return [phi[p] / len(orders) for p in names]


def oracle_sequential(game):
    """Bloch's game with named players: the first remaining player picks any coalition of
    remaining players containing it; sizes in formation order."""
    names = list(game.players)

    def play(left, formed):
        if not left:
            return []
        first = left[0]
        best = None
        for size in range(1, len(left) + 1):
            coalition = [first, *left[1:size]]  # by symmetry any partners do
            rest = [p for p in left if p not in coalition]
            tail = play(rest, [*formed, coalition])
            partition = [*formed, coalition, *[[p for p in names if p in b] for b in tail]]
            pay = game.value(coalition, partition) / len(coalition)
            if best is None or pay > best[0]:
                best = (pay, [coalition, *tail])
        return best[1]

    return tuple(len(b) for b in play(names, []))


# ----------------------------------------------------------------- the game object
def test_cournot_worths_follow_the_number_of_coalitions():
    game = PFG.cournot(4, intercept=10, cost=2)
    assert game.value(["1"], [["1"], ["2"], ["3"], ["4"]]) == Fraction(64, 25)
    assert game.value(["1", "2"], [["1", "2"], ["3", "4"]]) == Fraction(64, 9)
    assert game.has_externalities and game.is_symmetric and game.exact


def test_symmetric_and_general_storage_agree():
    symmetric = PFG.climate(4, b=2, c=3)
    general = PFG.from_function(
        lambda s, p: symmetric.value(list(s), [list(b) for b in p]), ["1", "2", "3", "4"]
    )
    for partition in all_partitions(list(symmetric.players)):
        for block in partition:
            blocks = [sorted(b) for b in partition]
            assert general.value(sorted(block), blocks) == symmetric.value(sorted(block), blocks)


def test_heterogeneous_climate_matches_its_formula():
    b = {"a": Fraction(1), "b": Fraction(1, 2), "c": Fraction(2)}
    c = Fraction(3)
    game = PFG.climate(list(b), b=list(b.values()), c=c)
    for partition in all_partitions(list(b)):
        q = sum(len(t) * sum(b[i] for i in t) for t in partition) / c
        for block in partition:
            joint = sum(b[i] for i in block)
            expected = joint * q - len(block) * joint * joint / (2 * c)
            assert game.value(list(block), [list(t) for t in partition]) == expected
    assert game.weights == (Fraction(2, 7), Fraction(1, 7), Fraction(4, 7))


def test_games_are_frozen_and_hashable():
    game = PFG.cournot(3)
    assert game == PFG.cournot(3) and hash(game) == hash(PFG.cournot(3))
    assert game != PFG.cournot(4)
    with pytest.raises(AttributeError):
        game._table = {}  # type: ignore[misc]


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: PFG.from_function(lambda s, p: float("nan"), 3), InvalidGameError),
        (lambda: PFG.from_function(lambda s, p: "1", 3), InvalidGameError),
        (lambda: PFG.from_function("len", 3), InvalidArgumentError),
        (lambda: PFG.from_function(lambda s, p: 1, 11), TooLargeError),
        (lambda: PFG.symmetric(lambda s, sizes: 1, 41), TooLargeError),
        (lambda: PFG.cournot(3, intercept=1, cost=2), InvalidProblemError),
        (lambda: PFG.cournot(1), CoalitionsError),
        (lambda: PFG.climate(3, b=-1), InvalidProblemError),
        (lambda: PFG.climate(3, b=[1, 2]), InvalidProblemError),
        (lambda: PFG.climate(3, c="1"), InvalidProblemError),
        (lambda: PFG.cournot(3).value(["1"], [["1", "2"], ["3"]]), InvalidProblemError),
        (lambda: PFG.cournot(3).value(["1"], [["1"], ["2"]]), InvalidProblemError),
        (lambda: co.mpw_value(co.majority_game(3)), InvalidGameError),
        (lambda: co.sequential_formation(PFG.climate(3, b=[1, 2, 3])), InvalidProblemError),
        (lambda: co.stable_partitions(PFG.cournot(3), rule="open"), InvalidArgumentError),
        (lambda: co.stable_partitions(PFG.cournot(3), method="fast"), InvalidArgumentError),
    ],
)
def test_bad_input_raises_a_coalitions_error(build, error):
    with pytest.raises(error):
        build()


@pytest.mark.parametrize(
    ("call", "error", "names"),
    [
        (
            lambda: co.stable_partitions(PFG.climate(3, b=[1, 2, 3]), method="types"),
            InvalidProblemError,
            "stable_partitions(method='types')",
        ),
        (
            lambda: co.mpw_value(PFG.climate(3, b=[1, 2, 3]), method="types"),
            InvalidProblemError,
            "mpw_value(method='types')",
        ),
        (
            lambda: co.participation_model(PFG.climate(3, b=[1, 2, 3])),
            InvalidProblemError,
            "participation_model",
        ),
        (
            lambda: co.sequential_formation(PFG.climate(3, b=[1, 2, 3])),
            InvalidProblemError,
            "sequential_formation",
        ),
        (
            lambda: co.stable_partitions(PFG.cournot(11), method="partitions"),
            TooLargeError,
            "stable_partitions(method='partitions') lists the Bell(11)",
        ),
        (
            lambda: co.mpw_value(PFG.cournot(11), method="partitions"),
            TooLargeError,
            "mpw_value(method='partitions')",
        ),
        (lambda: co.gamma_game(PFG.cournot(21)), TooLargeError, "gamma_game builds"),
        (lambda: co.mpw_average_game(PFG.cournot(21)), TooLargeError, "mpw_average_game builds"),
    ],
)
def test_each_guard_names_its_function(call, error, names):
    """The shared guards (symmetric games only, the partition and TU-table limits) raise the
    right error and name the function and method the caller used."""
    with pytest.raises(error) as raised:
        call()
    assert names in str(raised.value)


# ----------------------------------------------------------------- literature
@pytest.mark.parametrize("n", [4, 5, 10, 20, 40])
def test_climate_participation_stable_size_is_three(n):
    """Barrett (1994), Carraro and Siniscalco (1993): the linear public-good game's one
    stable coalition has 3 members whatever n (2 and 3 when indifferent players stay out);
    the payoffs are those of the agreement model written from its closed form."""
    model = co.participation_model(PFG.climate(n))
    assert co.agreement_stability(model).stable_sizes == (3,)
    assert co.agreement_stability(model, indifferent="stay").stable_sizes == (2, 3)
    closed = co.linear_quadratic_model(n)
    for k in range(1, n + 1):
        assert model.signatory(k) == closed.signatory(k)
        if k < n:
            assert model.nonsignatory(k) == closed.nonsignatory(k)


@pytest.mark.parametrize("n", list(range(2, 31)))
def test_cournot_sequential_structure(n):
    """Bloch (1996) and Ray and Vohra (1999): in the linear Cournot oligopoly the first
    firms stay alone and the others merge into one cartel, of the smallest size r >= 2 whose
    merger strictly beats n independent firms, r (n - r + 2)**2 < (n + 1)**2 (Salant,
    Switzer and Reynolds 1983): r is the first integer following
    (2n + 3 - sqrt(4n + 5)) / 2. (Indifferent firms stay apart: n = 5 is the tie.)"""
    result = co.sequential_formation(PFG.cournot(n))
    r = math.floor((2 * n + 3 - math.sqrt(4 * n + 5)) / 2) + 1
    assert min(k for k in range(2, n + 1) if k * (n - k + 2) ** 2 < (n + 1) ** 2) == r
    assert result.sizes == (1,) * (n - r) + (r,)
    assert not result.ties
    assert result.payoffs[-1] == Fraction(1, r * (n - r + 2) ** 2)


# ----------------------------------------------------------------- oracles
@pytest.mark.parametrize("n", [3, 4, 5, 6])
@pytest.mark.parametrize("rule", co.MEMBERSHIP_RULES)
@pytest.mark.parametrize("model", ["cournot", "climate"])
def test_stable_partitions_match_the_brute_force(n, rule, model):
    game = getattr(PFG, model)(n)
    expected = {
        tuple(sorted(tuple(sorted(b)) for b in partition))
        for partition in all_partitions(list(game.players))
        if oracle_stable(game, partition, rule)
    }
    listed = co.stable_partitions(game, rule=rule, method="partitions")
    assert {tuple(sorted(p)) for p in listed.partitions} == expected
    by_type = co.stable_partitions(game, rule=rule, method="types")
    assert set(by_type.types) == {tuple(sorted(map(len, p), reverse=True)) for p in expected}


def test_partition_stability_witness_is_a_profitable_move():
    game = PFG.cournot(3)
    result = co.partition_stability(game, [["1", "2"], ["3"]])
    witness = result.witnesses["coalition-unanimity"]
    assert witness["payoff_after"] > witness["payoff_before"]
    assert result.x.tolist() == [Fraction(1, 18), Fraction(1, 18), Fraction(1, 9)]
    assert co.partition_stability(game, [["1"], ["2"], ["3"]]).open_membership


symmetric_worths = st.lists(st.integers(-5, 20), min_size=30, max_size=30)


def _symmetric_game(n, worths):
    table = {}

    def worth(size, sizes):
        key = (size, sizes)
        if key not in table:
            table[key] = worths[len(table) % len(worths)]
        return table[key]

    return PFG.symmetric(worth, n)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 6), worths=symmetric_worths)
def test_sequential_formation_matches_the_named_player_game(n, worths):
    game = _symmetric_game(n, worths)
    result = co.sequential_formation(game)
    if not result.ties:  # with ties the two searches may break them differently
        assert result.sizes == oracle_sequential(game)
    assert sum(result.sizes) == n


@settings(max_examples=20, deadline=None)
@given(n=st.integers(2, 4), worths=st.lists(st.integers(-9, 9), min_size=40, max_size=40))
def test_mpw_value_matches_the_permutation_oracle(n, worths):
    names = [chr(97 + i) for i in range(n)]
    counter = iter(range(10**6))
    table = {}

    def worth(coalition, partition):
        return table.setdefault((coalition, partition), worths[next(counter) % len(worths)])

    game = PFG.from_function(worth, names)
    average = oracle_average_game(game)
    assert co.mpw_average_game(game).value([]) == 0
    for coalition, value in average.items():
        if coalition:
            assert co.mpw_average_game(game).value(sorted(coalition)) == value
    phi = co.mpw_value(game)
    assert list(phi.x) == oracle_shapley(average, names)
    assert sum(phi.x) == game.value(names, [names])  # efficiency


@settings(max_examples=20, deadline=None)
@given(values=st.lists(st.integers(-9, 9), min_size=16, max_size=16))
def test_without_externalities_mpw_is_shapley(values):
    values[0] = 0
    tu = co.TUGame(values, ["a", "b", "c", "d"])
    game = PFG.from_function(lambda s, p: tu.value(sorted(s)), tu.players)
    assert not game.has_externalities
    assert list(co.mpw_value(game).x) == list(co.shapley_value(tu).x)


@settings(max_examples=15, deadline=None)
@given(n=st.integers(2, 6), worths=symmetric_worths)
def test_mpw_value_of_symmetric_games_by_types_and_partitions(n, worths):
    game = _symmetric_game(n, worths)
    by_types = co.mpw_value(game)
    by_partitions = co.mpw_value(game, method="partitions")
    assert list(by_types.x) == list(by_partitions.x)
    assert len(set(by_types.x)) == 1  # symmetry


@settings(max_examples=15, deadline=None)
@given(
    benefits=st.lists(
        st.fractions(min_value=Fraction(1, 7), max_value=10, max_denominator=7),
        min_size=2,
        max_size=4,
    ),
    c=st.fractions(min_value=Fraction(1, 4), max_value=4, max_denominator=5),
)
def test_chander_tulkens_allocation_is_in_the_gamma_core(benefits, c):
    """Chander and Tulkens (1997): their transfers put the climate game's full-cooperation
    payoff in the gamma-core; checked coalition by coalition with the outsiders alone."""
    names = [chr(97 + i) for i in range(len(benefits))]
    game = PFG.climate(names, b=benefits, c=c)
    x = dict(co.chander_tulkens_allocation(game))
    assert sum(x.values()) == game.value(names, [names])
    for size in range(1, len(names) + 1):
        for coalition in _subsets(names, size):
            outsiders = [[p] for p in names if p not in coalition]
            assert sum(x[p] for p in coalition) >= game.value(
                list(coalition), [list(coalition), *outsiders]
            )
    assert not co.gamma_core(game).is_empty


def test_gamma_game_reads_the_singleton_partitions():
    game = PFG.climate(["a", "b", "c"], b=[1, 2, 3])
    gamma = co.gamma_game(game)
    assert gamma.value(["a", "c"]) == game.value(["a", "c"], [["a", "c"], ["b"]])
    symmetric = PFG.cournot(5)
    assert co.gamma_game(symmetric).value(["1", "2"]) == Fraction(1, 25)


def test_float_games_stay_float():
    game = PFG.climate(4, b=1.5, c=2.0)
    assert not game.exact
    phi = co.mpw_value(game)
    assert not phi.exact and isinstance(phi.x[0], float)
    assert co.sequential_formation(game).sizes == co.sequential_formation(PFG.climate(4)).sizes
