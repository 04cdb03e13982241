"""One name, one function: every public name is defined once, and the player-role front doors
(veto, null and dummy players, minimal winning and blocking coalitions) accept every game kind
and agree across kinds."""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import weighted_bodies

import coalitions as co

PACKAGE = Path(co.__file__).parent


def _is_cli_command(node: ast.AST) -> bool:
    """A typer command or callback (``@app.command(...)``), named after what it runs."""
    return any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and d.func.attr in ("command", "callback")
        for d in getattr(node, "decorator_list", ())
    )


def _public_definitions() -> dict[str, list[str]]:
    """Public top-level functions and classes of every module, by name."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for node in ast.parse(path.read_text()).body:
            if (
                isinstance(node, (ast.FunctionDef, ast.ClassDef))
                and not node.name.startswith("_")
                and not _is_cli_command(node)
            ):
                found.setdefault(node.name, []).append(module)
    return found


#: Names defined in several modules on purpose: each worked case has its own ``compute`` and
#: ``report`` (the registry reads them by name).
SHARED_BY_DESIGN = {"compute", "report"}


def test_no_public_name_is_defined_twice():
    twice = {
        name: modules
        for name, modules in _public_definitions().items()
        if len(modules) > 1 and name not in SHARED_BY_DESIGN
    }
    assert not twice, f"public names defined in several modules: {twice}"


def test_the_scan_sees_the_front_doors():
    found = _public_definitions()
    for name in (
        "veto_players",
        "dummy_players",
        "null_players",
        "game_properties",
        "minimal_winning_coalitions",
        "shapley_value",
        "TUGame",
    ):
        assert len(found[name]) == 1


@pytest.mark.parametrize(
    "name",
    [
        "veto_players",
        "null_players",
        "dummy_players",
        "game_properties",
        "minimal_winning_coalitions",
        "minimal_blocking_coalitions",
    ],
)
def test_one_function_behind_every_spelling(name):
    assert getattr(co, name) is getattr(co.power, name)
    if hasattr(co.formation, name):
        assert getattr(co.formation, name) is getattr(co, name)


# -------------------------------------------------------------- brute-force definitions
def _coalitions(players):
    return [c for size in range(len(players) + 1) for c in combinations(players, size)]


def _brute_roles(game):
    """(veto, null, dummy) players of a simple game straight from their definitions."""
    players = game.players
    wins = {c: game.is_winning(list(c)) for c in _coalitions(players)}

    def v(members):
        return int(wins[tuple(p for p in players if p in members)])

    veto, null, dummy = [], [], []
    for i in players:
        without = [set(c) for c in wins if i not in c]
        if all(v(s) == 0 for s in without):
            veto.append(i)
        gains = [v(s | {i}) - v(s) for s in without]
        if all(g == 0 for g in gains):
            null.append(i)
        if all(g == v({i}) for g in gains):
            dummy.append(i)
    return veto, null, dummy


@settings(max_examples=60, deadline=None)
@given(weighted_bodies(max_players=6))
def test_roles_of_weighted_games_match_their_definitions(body):
    game = co.WeightedVotingGame(*body)
    veto, null, dummy = _brute_roles(game)
    assert co.veto_players(game) == veto
    assert co.null_players(game) == null
    assert co.dummy_players(game) == dummy
    tu = game.to_tu_game()
    assert (co.veto_players(tu), co.null_players(tu), co.dummy_players(tu)) == (veto, null, dummy)


@settings(max_examples=40, deadline=None)
@given(weighted_bodies(max_players=6))
def test_minimal_winning_and_blocking_coalitions_match_their_definitions(body):
    game = co.WeightedVotingGame(*body)
    players = game.players
    wins = {c: game.is_winning(list(c)) for c in _coalitions(players)}

    def minimal(holds):
        return sorted(
            (
                c
                for c in wins
                if holds(c) and all(not holds(tuple(p for p in c if p != q)) for q in c)
            ),
            key=lambda c: (len(c), [players.index(p) for p in c]),
        )

    def blocks(c):
        return not wins[tuple(p for p in players if p not in c)]

    assert list(co.minimal_winning_coalitions(game).coalitions) == minimal(wins.__getitem__)
    assert list(co.minimal_blocking_coalitions(game).coalitions) == minimal(blocks)
    # the same rule as a quota and weights, and as its 0/1 TU game
    same = co.minimal_winning_coalitions(game.quota, game.weights, players=players)
    assert same.coalitions == co.minimal_winning_coalitions(game.to_tu_game()).coalitions
    assert same.weights == tuple(
        sum(game.weights[players.index(p)] for p in c) for c in same.coalitions
    )


@pytest.mark.parametrize("n", [64, 193, 1000])
def test_roles_of_large_bodies(n):
    # one member with a veto (the quota needs him), one with weight 0 (a null player)
    weights = [n] + [1] * (n - 2) + [0]
    game = co.WeightedVotingGame(n + (n - 2) // 2 + 1, weights)
    assert co.veto_players(game) == ["1"]
    assert co.null_players(game) == [str(n)]
    assert co.dummy_players(game) == [str(n)]


def test_a_dictator_is_a_dummy_but_not_a_null_player():
    game = co.WeightedVotingGame(3, [3, 1, 1], ["A", "B", "C"])
    assert co.dummy_players(game) == ["A", "B", "C"]
    assert co.null_players(game) == ["B", "C"]
    assert co.game_properties(game)["veto_players"] == ["A"]


def test_players_keyword_only_names_a_quota_and_weights():
    with pytest.raises(co.InvalidArgumentError, match="names its own players"):
        co.minimal_winning_coalitions(co.WeightedVotingGame(2, [1, 1, 1]), players=["a"])


@given(st.sampled_from(["x", None, 3.5, [1, 2]]))
def test_front_doors_refuse_what_is_not_a_game(thing):
    for function in (
        co.veto_players,
        co.null_players,
        co.dummy_players,
        co.minimal_winning_coalitions,
        co.game_properties,
    ):
        with pytest.raises(co.CoalitionsError):
            function(thing)
