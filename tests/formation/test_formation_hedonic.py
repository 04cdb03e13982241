"""Hedonic games: stability checks against their definitions, dynamics and potential."""

from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import InvalidProblemError, TooLargeError
from coalitions.formation import (
    HedonicGame,
    best_response_dynamics,
    hedonic_potential,
    hedonic_stability,
    is_contractually_individually_stable,
    is_core_stable,
    is_individually_stable,
    is_nash_stable,
    set_partitions,
)


# ---------------------------------------------------------------- definitions, written plainly
def _own(partition, player):
    return next(block for block in partition if player in block)


def _targets(partition, player):
    own = _own(partition, player)
    out = [tuple(block) for block in partition if block is not own]
    if len(own) > 1:
        out.append(())
    return out


def core_by_definition(game, partition):
    players = game.players
    for size in range(1, len(players) + 1):
        for coalition in combinations(players, size):
            if all(
                game.utility(i, coalition) > game.utility(i, _own(partition, i)) for i in coalition
            ):
                return False
    return True


def moves_by_definition(game, partition, rule):
    for i in game.players:
        own = _own(partition, i)
        for target in _targets(partition, i):
            new = list(target) + [i]
            if not game.utility(i, new) > game.utility(i, own):
                continue
            if rule != "nash" and any(
                game.utility(j, new) < game.utility(j, target) for j in target
            ):
                continue
            left = [j for j in own if j != i]
            if rule == "contractual" and any(
                game.utility(j, left) < game.utility(j, own) for j in left
            ):
                continue
            return True
    return False


CHASE = HedonicGame.additively_separable([[0, 1], [-1, 0]], players=["a", "b"])
CYCLIC = HedonicGame.from_rankings(
    {
        "a": [["a", "b"], ["a", "c"], ["a"]],
        "b": [["b", "c"], ["a", "b"], ["b"]],
        "c": [["a", "c"], ["b", "c"], ["c"]],
    }
)


def test_chase_profile_by_hand():
    singletons, pair = [["a"], ["b"]], [["a", "b"]]
    assert not is_nash_stable(CHASE, singletons)
    assert is_individually_stable(CHASE, singletons)
    assert is_contractually_individually_stable(CHASE, singletons)
    assert is_core_stable(CHASE, singletons)
    assert not is_nash_stable(CHASE, pair)
    assert not is_individually_stable(CHASE, pair)  # b leaves to be alone
    assert is_contractually_individually_stable(CHASE, pair)  # ... but a will not let b go
    assert not is_core_stable(CHASE, pair)  # {b} blocks
    report = hedonic_stability(CHASE, pair)
    assert report.witnesses["core"] == ("b",)
    assert report.witnesses["individual"] == {"player": "b", "from": ("a", "b"), "to": ("b",)}
    assert report.witnesses["contractual"] is None
    assert report.to_dict()["partition"] == [["a", "b"]]


def test_cyclic_rankings_have_empty_core():
    assert not any(is_core_stable(CYCLIC, p) for p in set_partitions(CYCLIC.players))
    # Everyone alone is blocked by a pair; the grand coalition is everyone's worst.
    assert not is_core_stable(CYCLIC, [["a"], ["b"], ["c"]])
    assert CYCLIC.utility("a", ["a", "b", "c"]) == -1


@settings(max_examples=50, deadline=None)
@given(n=st.integers(1, 5), seed=st.integers(0, 2**32 - 1), symmetric=st.booleans())
def test_checks_agree_with_definitions(n, seed, symmetric):
    rng = np.random.default_rng(seed)
    values = rng.integers(-3, 4, size=(n, n)).astype(float)
    if symmetric:
        values = values + values.T
    game = HedonicGame.additively_separable(values, players=[f"p{i}" for i in range(n)])
    partitions = set_partitions(game.players)
    partition = partitions[int(rng.integers(len(partitions)))]
    nash = is_nash_stable(game, partition)
    individual = is_individually_stable(game, partition)
    contractual = is_contractually_individually_stable(game, partition)
    assert nash == (not moves_by_definition(game, partition, "nash"))
    assert individual == (not moves_by_definition(game, partition, "individual"))
    assert contractual == (not moves_by_definition(game, partition, "contractual"))
    assert is_core_stable(game, partition) == core_by_definition(game, partition)
    assert (not nash or individual) and (not individual or contractual)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 5), seed=st.integers(0, 2**32 - 1))
def test_general_profiles_agree_with_definitions(n, seed):
    rng = np.random.default_rng(seed)
    players = [f"p{i}" for i in range(n)]
    utilities = {}
    for p in players:
        others = [q for q in players if q != p]
        utilities[p] = {
            tuple(c) + (p,): int(rng.integers(-2, 3))
            for k in range(len(others) + 1)
            for c in combinations(others, k)
        }
    game = HedonicGame.from_utilities(utilities, players=players)
    for partition in set_partitions(players):
        assert is_core_stable(game, partition) == core_by_definition(game, partition)
        assert is_nash_stable(game, partition) == (not moves_by_definition(game, partition, "nash"))
        assert is_individually_stable(game, partition) == (
            not moves_by_definition(game, partition, "individual")
        )


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 30), seed=st.integers(0, 2**32 - 1))
def test_symmetric_dynamics_converge_with_rising_potential(n, seed):
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(n, n))
    values = values + values.T
    game = HedonicGame.additively_separable(values, players=[f"p{i}" for i in range(n)])
    run = best_response_dynamics(game)
    assert run.converged and run.stopping_reason == "stable"
    assert is_nash_stable(game, run.partition)
    start = hedonic_potential(game, [[p] for p in game.players])
    steps = np.diff([start, *run.potentials])
    assert (steps > 0).all()
    # Each step of the potential is the mover's own gain.
    for (player, old, new), step in zip(run.moves, steps):
        gain = game.utility(player, new) - game.utility(player, old)
        assert step == pytest.approx(gain)
    assert [start, *run.potentials][-1] == pytest.approx(hedonic_potential(game, run.partition))


def test_dynamics_stopping_rules():
    assert best_response_dynamics(CHASE).stopping_reason == "cycle"
    individual = best_response_dynamics(CHASE, rule="individual")
    assert individual.stopping_reason == "stable"
    assert individual.partition == (("a",), ("b",))
    capped = best_response_dynamics(CYCLIC, max_rounds=1)
    assert capped.stopping_reason in ("max_rounds", "cycle", "stable")
    run = best_response_dynamics(CHASE, [["a", "b"]], rule="contractual")
    assert run.converged and run.n_moves == 0


def test_constructors_and_errors():
    game = HedonicGame.from_utilities({"a": {"ab": 2}}, players=["a", "b"], default=-1)
    assert game.utility("a", "b") == 2 and game.utility("b", "b") == -1
    assert not game.is_additively_separable and not game.is_symmetric
    with pytest.raises(InvalidProblemError, match="symmetric"):
        hedonic_potential(CHASE, [["a"], ["b"]])
    with pytest.raises(InvalidProblemError, match="square"):
        HedonicGame.additively_separable([[0, 1, 2]])
    with pytest.raises(InvalidProblemError, match="unknown player 'z'"):
        HedonicGame.from_rankings({"z": [["z"]]}, players=["a"])
    with pytest.raises(InvalidProblemError, match="twice"):
        HedonicGame.from_rankings({"a": [["a"], []]}, players=["a"])
    with pytest.raises(InvalidProblemError, match="leaves out"):
        is_nash_stable(CHASE, [["a"]])
    with pytest.raises(InvalidProblemError, match="HedonicGame"):
        is_core_stable([[0]], [["a"]])
    with pytest.raises(ValueError, match="valid rules"):
        best_response_dynamics(CHASE, rule="swap")
    with pytest.raises(InvalidProblemError, match="max_rounds"):
        best_response_dynamics(CHASE, max_rounds=0)
    big = HedonicGame.additively_separable(np.ones((21, 21)))
    alone = [[p] for p in big.players]
    assert not is_nash_stable(big, alone)
    assert hedonic_stability(big, alone).core_stable is None
    with pytest.raises(TooLargeError, match="core stability"):
        is_core_stable(big, alone)
    with pytest.raises(TooLargeError, match="no table"):
        HedonicGame.from_rankings({"1": [["1"]]}, players=[str(i) for i in range(21)])
    with pytest.raises(InvalidProblemError, match="finite"):
        HedonicGame.additively_separable([[0, np.nan], [0, 0]])


def test_json_documents(tmp_path):
    import json

    import coalitions as co

    documents = [
        {
            "type": "hedonic",
            "players": ["a", "b", "c"],
            "rankings": {
                "a": [["a", "b"], ["a", "c"], ["a"]],
                "b": [["b", "c"], ["a", "b"], ["b"]],
                "c": [["a", "c"], ["b", "c"], ["c"]],
            },
        },
        {
            "type": "hedonic",
            "players": ["a", "b", "c"],
            "default": -1,
            "utilities": {
                "a": [
                    {"members": ["a", "b"], "utility": 3},
                    {"members": ["a", "c"], "utility": 2},
                    {"members": ["a"], "utility": 1},
                ],
                "b": [
                    {"members": ["b", "c"], "utility": 3},
                    {"members": ["a", "b"], "utility": 2},
                    {"members": ["b"], "utility": 1},
                ],
                "c": [
                    {"members": ["a", "c"], "utility": 3},
                    {"members": ["b", "c"], "utility": 2},
                    {"members": ["c"], "utility": 1},
                ],
            },
        },
    ]
    for document in documents:
        path = tmp_path / "game.json"
        path.write_text(json.dumps(document))
        game = co.read_game(path)
        assert isinstance(game, HedonicGame)
        assert np.array_equal(game.utilities, CYCLIC.utilities)
    with pytest.raises(co.InvalidGameError, match="exactly one of"):
        from coalitions.games.hedonic import hedonic_game_from_json

        hedonic_game_from_json({"type": "hedonic", "players": ["a"]})


def test_separable_utilities_without_and_with_table():
    rng = np.random.default_rng(5)
    values = rng.normal(size=(6, 6))
    game = HedonicGame.additively_separable(values)
    players = game.players
    coalitions = [c for k in range(1, 7) for c in combinations(range(6), k)]
    direct = {(i, c): sum(values[i][j] for j in c if j != i) for c in coalitions for i in c}
    for (i, c), expected in direct.items():
        assert game.utility(players[i], [players[j] for j in c]) == pytest.approx(expected)
    table = game.utilities  # built now; later lookups read it
    for (i, c), expected in direct.items():
        assert table[i, sum(1 << j for j in c)] == pytest.approx(expected)
        assert game.utility(players[i], [players[j] for j in c]) == pytest.approx(expected)


def test_a_tiny_gain_next_to_a_large_utility_is_not_rounded_away():
    # found by `make test-deep` (seed 1342870131): h2 gains 4e-162 by joining h1 and h3,
    # which a float sum 1 + 4e-162 == 1 hides
    tiny = 4.1473483315222314e-162
    values = [[0, 0, 0, 0], [0, 0, 0, 1], [1, 1, 0, tiny], [0, 0, 0, 0]]
    game = HedonicGame.additively_separable(values, players=["h0", "h1", "h2", "h3"])
    assert not co.is_individually_stable(game, [["h0", "h2"], ["h1", "h3"]], atol=0)
    result = co.best_response_dynamics(game, rule="individual", atol=0)
    assert result.stopping_reason == "stable"
    assert co.is_individually_stable(game, result.partition, atol=0)
    assert sorted(map(sorted, result.partition)) == [["h0"], ["h1", "h2", "h3"]]
