"""Coalition structures: partitions, optimal structure, Aumann-Dreze value, core of a structure."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidGameError, InvalidProblemError, TooLargeError
from coalitions.formation import (
    aumann_dreze_value,
    bell_number,
    coalition_structure_value,
    is_in_structure_core,
    is_stable_structure,
    optimal_coalition_structure,
    set_partitions,
    structure_core,
)

BELL = [1, 1, 2, 5, 15, 52, 203, 877, 4140, 21147, 115975, 678570, 4213597]


def test_bell_numbers():
    assert [bell_number(n) for n in range(len(BELL))] == BELL


@pytest.mark.parametrize("n", range(0, 9))
def test_set_partitions_count_and_validity(n):
    names = [f"p{i}" for i in range(n)]
    partitions = set_partitions(names)
    assert len(partitions) == BELL[n]
    assert len(set(partitions)) == BELL[n]
    for partition in partitions:
        members = [p for block in partition for p in block]
        assert sorted(members) == sorted(names)


def test_set_partitions_guard():
    with pytest.raises(TooLargeError, match="Bell number"):
        set_partitions(12)
    assert len(set_partitions(4, max_partitions=15)) == 15
    with pytest.raises(TooLargeError):
        set_partitions(4, max_partitions=14)
    with pytest.raises(InvalidProblemError, match="list of names"):
        set_partitions("abc")


def _brute_force(game):
    best = None
    for partition in set_partitions(game.players):
        total = coalition_structure_value(game, partition)
        if best is None or total > best:
            best = total
    return best


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 7), seed=st.integers(0, 2**32 - 1))
def test_dp_equals_brute_force_exact(n, seed):
    game = co.random_game(n, rng=seed, kind="exact", low=-5, high=10)
    result = optimal_coalition_structure(game)
    assert result.value == _brute_force(game)
    assert result.exact
    assert coalition_structure_value(game, result.structure) == result.value
    assert result.value == sum(result.coalition_values)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 8), seed=st.integers(0, 2**32 - 1))
def test_dp_equals_enumeration_float(n, seed):
    game = co.random_game(n, rng=seed)
    dp = optimal_coalition_structure(game)
    enum = optimal_coalition_structure(game, method="enumeration")
    assert dp.value == pytest.approx(enum.value, abs=1e-12)
    assert isinstance(dp.value, float)


def test_superadditive_game_keeps_grand_coalition():
    game = co.majority_game(5)
    assert optimal_coalition_structure(game).value == 1
    additive = co.additive_game([1, 2, 3])
    assert optimal_coalition_structure(additive).value == 6


def test_known_structure():
    game = co.TUGame([0, 1, 1, 4, 1, 3, 3, 4], players=["a", "b", "c"])
    result = optimal_coalition_structure(game)
    assert result.structure == (("a", "b"), ("c",))
    assert result.value == 5
    assert result.to_dict()["value"] == 5


def test_structure_errors():
    with pytest.raises(ValueError, match="valid methods"):
        optimal_coalition_structure(co.majority_game(3), method="greedy")
    with pytest.raises(InvalidGameError, match="symbolic"):
        import sympy

        optimal_coalition_structure(co.TUGame([0, sympy.Symbol("a")]))
    with pytest.raises(TooLargeError, match="to_float"):
        optimal_coalition_structure(co.random_game(15, rng=0, kind="exact"))
    with pytest.raises(InvalidGameError, match="TUGame"):
        optimal_coalition_structure([0, 1])


@pytest.mark.parametrize(
    "structure, message",
    [
        ([["a", "b"]], "leaves out 'c'"),
        ([["a", "b"], ["b", "c"]], "overlap"),
        ([["a", "x"], ["b", "c"]], "unknown player 'x'"),
        ([["a", "b", "c"], []], "empty coalition"),
        ("abc", "list of coalitions"),
        ([["a", "a"], ["b", "c"]], "twice"),
    ],
)
def test_bad_structures(structure, message):
    game = co.majority_game(["a", "b", "c"])
    with pytest.raises(InvalidProblemError, match=message):
        aumann_dreze_value(game, structure)


def test_aumann_dreze_glove_and_grand_coalition():
    glove = co.glove_game(left=["L"], right=["R1", "R2"])
    ad = aumann_dreze_value(glove, [["L", "R1"], ["R2"]])
    assert ad.x.tolist() == [Fraction(1, 2), Fraction(1, 2), 0]
    assert ad.exact and ad.concept == "aumann-dreze"
    grand = aumann_dreze_value(glove, [["L", "R1", "R2"]])
    assert grand.x.tolist() == co.shapley_value(glove).x.tolist()


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 6), seed=st.integers(0, 2**32 - 1))
def test_aumann_dreze_relative_efficiency(n, seed):
    game = co.random_game(n, rng=seed, kind="exact")
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 3, size=n)
    structure = [[p for p, lab in zip(game.players, labels) if lab == k] for k in range(3)]
    structure = [block for block in structure if block]
    ad = aumann_dreze_value(game, structure)
    for block in structure:
        assert sum(ad[p] for p in block) == game.value(block)


def test_structure_core_glove_and_majority():
    glove = co.glove_game(left=["L"], right=["R1", "R2"])
    result = structure_core(glove, [["L", "R1"], ["R2"]])
    assert not result.is_empty and result.is_stable and result.exact
    assert result.x.tolist() == [1, 0, 0]
    assert is_in_structure_core(glove, [["L", "R1"], ["R2"]], result.x)
    majority = co.majority_game(["a", "b", "c"])
    for structure in set_partitions(majority.players):
        assert not is_stable_structure(majority, structure)
    empty = structure_core(majority, [["a", "b"], ["c"]])
    assert empty.is_empty and empty.epsilon == pytest.approx(0.5)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 5), seed=st.integers(0, 2**32 - 1))
def test_stable_structures_are_optimal(n, seed):
    """Summing x(S) >= v(S) over any partition shows a stable structure is optimal."""
    game = co.random_game(n, rng=seed, kind="exact", low=0, high=6)
    best = optimal_coalition_structure(game).value
    for structure in set_partitions(game.players):
        result = structure_core(game, structure)
        if result.is_stable:
            assert coalition_structure_value(game, structure) == best
            assert result.exact
            assert is_in_structure_core(game, structure, result.x)


def test_structure_core_checker_oracle():
    game = co.TUGame([0, 1, 1, 3, 0, 2, 2, 4], players=["a", "b", "c"])
    # x(ab) = 3, x(c) = 0 ... c alone is worth 0, ac 2, bc 2: x = (1.5, 1.5, 0) fails ac.
    assert not is_in_structure_core(game, [["a", "b"], ["c"]], [1.5, 1.5, 0.0])
    with pytest.raises(InvalidProblemError, match="one entry per player"):
        is_in_structure_core(game, [["a", "b"], ["c"]], [1, 2])


def test_dp_16_players_gives_a_partition():
    game = co.random_game(16, rng=3)
    result = optimal_coalition_structure(game)
    members = sorted(p for block in result.structure for p in block)
    assert members == sorted(game.players)
    assert result.value == pytest.approx(sum(result.coalition_values))


def test_structure_core_edge_cases():
    single = structure_core(co.TUGame([0, 3]), [["1"]])
    assert single.is_stable and single.x.tolist() == [3]
    # With the grand coalition as the structure this is the ordinary core.
    glove = co.glove_game(left=["L"], right=["R1", "R2"])
    assert is_stable_structure(glove, [["L", "R1", "R2"]])
    assert not is_stable_structure(co.majority_game(3), [["1", "2", "3"]])
    float_game = co.random_game(5, rng=7, superadditive=True)
    result = structure_core(float_game, [list(float_game.players)])
    assert not result.exact
    if result.is_stable:
        assert is_in_structure_core(float_game, [list(float_game.players)], result.x, atol=1e-7)
