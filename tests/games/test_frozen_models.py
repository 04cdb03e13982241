"""The analysed objects outside TUGame are immutable and hashable on their content.

Properties over hypothesis models: equal content gives equal objects with equal hashes,
built twice independently; a changed entry gives an unequal object; every attribute
assignment or deletion raises. Plus the decision-rule conversion against brute force and
``veto_council`` against the rule it encodes, over every coalition.
"""

from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.bargaining import IssueLinkageModel, SpatialModel
from coalitions.games.hedonic import HedonicGame
from coalitions.games.simple import decision_rule_game

SETTINGS = settings(max_examples=40, deadline=None)
NAMES = "ABCDE"
small = st.integers(-5, 5)


@st.composite
def matrices(draw):
    n = draw(st.integers(1, 4))
    return [[draw(small) for _ in range(n)] for _ in range(n)]


@st.composite
def spatial_specs(draw):
    n = draw(st.integers(1, 5))
    ideals = {NAMES[i]: float(draw(small)) for i in range(n)}
    rule = draw(st.sampled_from(["unanimity", "majority", *range(1, n + 1)]))
    return ideals, float(draw(small)), rule


@st.composite
def linkage_specs(draw):
    n = draw(st.integers(1, 3))
    utilities = {
        NAMES[i]: {
            "x": {"type": "linear", "slope": draw(small)},
            "y": {
                "type": "quadratic",
                "ideal": draw(st.sampled_from([0, 0.5, 1])),
                "salience": draw(st.integers(1, 4)),
            },
        }
        for i in range(n)
    }
    return utilities, {"x": 0.0, "y": draw(st.sampled_from([0, 0.5, 1]))}


def _assert_frozen(obj, names):
    for name in names:
        with pytest.raises(AttributeError):
            setattr(obj, name, None)
        with pytest.raises(AttributeError):
            delattr(obj, name)
    with pytest.raises(AttributeError):
        obj.new_attribute = 1


@SETTINGS
@given(matrices())
def test_hedonic_games_equal_hash_and_refuse_assignment(values):
    one = HedonicGame.additively_separable(values)
    two = HedonicGame.additively_separable([list(row) for row in values])
    assert one == two and hash(one) == hash(two) and len({one, two}) == 1
    changed = [list(row) for row in values]
    if len(values) > 1:
        changed[0][1] += 1
        assert HedonicGame.additively_separable(changed) != one
    general = HedonicGame(one.utilities, one.players)
    again = HedonicGame(np.array(one.utilities) * 1.0, one.players)
    assert general == again and hash(general) == hash(again)
    assert general != one  # the form (separable or a table) is part of the content
    _assert_frozen(one, ["_players", "_table", "_separable", "_hash", "players"])
    with pytest.raises(ValueError):
        one.separable_values[0, 0] = 1.0
    with pytest.raises(ValueError):
        general.utilities[0, 1] = 1.0


def test_hedonic_tables_ignore_entries_outside_the_coalition():
    table = np.zeros((2, 4))
    other = table.copy()
    other[0, 2] = 7.0  # player 0 is not in coalition {1}: ignored
    assert HedonicGame(table) == HedonicGame(other)
    assert hash(HedonicGame(table)) == hash(HedonicGame(other))
    assert HedonicGame(np.full((1, 2), -0.0)) == HedonicGame(np.zeros((1, 2)))
    assert hash(HedonicGame(np.full((1, 2), -0.0))) == hash(HedonicGame(np.zeros((1, 2))))


def test_separable_constructor_without_players_says_how_to_build_the_game():
    # Found by mypy: tuple(None) raised a bare TypeError.
    with pytest.raises(co.InvalidProblemError, match="additively_separable"):
        HedonicGame(None, separable=np.zeros((2, 2)))


@SETTINGS
@given(spatial_specs())
def test_spatial_models_equal_hash_and_refuse_assignment(spec):
    ideals, q, rule = spec
    one = SpatialModel(ideals, q, decision_rule=rule)
    two = SpatialModel(dict(ideals), q, decision_rule=rule)
    assert one == two and hash(one) == hash(two)
    assert one.replace() == one and hash(one.replace()) == hash(one)
    assert one.replace(status_quo=q + 1) != one
    _assert_frozen(
        one,
        [
            "players",
            "ideals",
            "status_quo",
            "weights",
            "decision_rule",
            "rule_label",
            "setter",
            "dimension",
        ],
    )
    with pytest.raises(ValueError):
        one.ideals[0, 0] = 1.0


@SETTINGS
@given(linkage_specs())
def test_linkage_models_equal_hash_and_refuse_assignment(spec):
    utilities, status_quo = spec
    one = IssueLinkageModel(utilities, status_quo)
    two = IssueLinkageModel({p: dict(u) for p, u in utilities.items()}, dict(status_quo))
    assert one == two and hash(one) == hash(two)
    assert one.with_rule("unanimity") == one
    player = next(iter(utilities))
    changed = {p: dict(u) for p, u in utilities.items()}
    changed[player]["x"] = {"type": "linear", "slope": utilities[player]["x"]["slope"] + 1}
    assert IssueLinkageModel(changed, status_quo) != one
    _assert_frozen(
        one,
        [
            "players",
            "issues",
            "utilities",
            "status_quo",
            "bounds",
            "no_agreement",
            "decision_rule",
            "assumptions",
        ],
    )
    with pytest.raises(TypeError):
        one.status_quo["x"] = 1.0
    with pytest.raises(TypeError):
        one.utilities[player]["x"] = None


def _brute_force(n, is_winning):
    return {c for k in range(n + 1) for c in combinations(NAMES[:n], k) if is_winning(set(c))}


@SETTINGS
@given(st.integers(1, 5), st.data())
def test_decision_rules_are_weighted_games_with_the_right_winners(n, data):
    rule = data.draw(st.sampled_from(["unanimity", "majority", *range(1, n + 1)]))
    game, label = decision_rule_game(rule, list(NAMES[:n]))
    assert isinstance(game, co.WeightedVotingGame)
    need = {"unanimity": n, "majority": n // 2 + 1}.get(rule, rule)
    assert _brute_force(n, game.is_winning) == _brute_force(n, lambda c: len(c) >= need)
    assert label == (rule if isinstance(rule, str) else f"{rule} of {n}")


def test_a_predicate_rule_is_asked_lazily_and_its_failures_are_named():
    calls = []

    def veto_of_a(coalition):
        calls.append(coalition)
        return "A" in coalition and len(coalition) >= 2

    game, label = decision_rule_game(veto_of_a, list(NAMES))
    assert not calls and label == "veto_of_a"
    assert game.is_winning({"A", "C"}) and not game.is_winning({"B", "C", "D", "E"})
    broken, _ = decision_rule_game(lambda c: c["x"], ["A", "B"])
    with pytest.raises(co.InvalidProblemError, match="fails on the coalition"):
        broken.is_winning({"A"})


@pytest.mark.parametrize(
    "v, m, k", [(5, 10, 9), (5, 20, 14), (11, 14, 14), (1, 3, 2), (0, 4, 3), (2, 0, 2)]
)
def test_veto_council_is_the_rule_it_encodes(v, m, k):
    council = co.veto_council(v, m, k)
    vetoes = {f"V{i + 1}" for i in range(v)}
    if v + m <= 12:
        players = council.players
        for size in range(len(players) + 1):
            for c in combinations(players, size):
                assert council.is_winning(c) == (vetoes <= set(c) and len(c) >= k)
    assert council.is_winning(sorted(vetoes) + [f"S{i + 1}" for i in range(k - v)])
    if v:
        assert not council.is_winning([p for p in council.players if p != "V1"])


def test_todays_security_council():
    council = co.veto_council(5, 10, 9)
    assert council.quota == 39 and list(council.weights) == [7] * 5 + [1] * 10
    with pytest.raises(co.InvalidArgumentError, match="votes_needed"):
        co.veto_council(5, 10, 4)


@SETTINGS
@given(st.lists(st.integers(0, 4), min_size=1, max_size=5), st.data())
def test_simple_games_equal_hash_and_refuse_assignment(weights, data):
    total = sum(weights)
    if total == 0:
        weights, total = [*weights[:-1], 1], sum(weights[:-1]) + 1
    quota = data.draw(st.integers(1, total))
    names = list(NAMES[: len(weights)])
    one = co.WeightedVotingGame(quota, weights, names)
    two = co.WeightedVotingGame(quota, list(weights), list(names))
    assert one == two and hash(one) == hash(two) and len({one, two}) == 1
    assert one != co.WeightedVotingGame(quota, [*weights[:-1], weights[-1] + total], names)
    _assert_frozen(one, ["_quota", "_weights", "_players", "quota"])
    table = co.SimpleGame(names, minimal_winning=co.minimal_winning_coalitions(one).coalitions)
    again = co.SimpleGame.from_tu_game(table.to_tu_game())
    assert table == again and hash(table) == hash(again)
    assert table != one  # a table and a weighted rule are different objects, alike or not
    _assert_frozen(table, ["_table", "_players"])
    unanimity = co.WeightedVotingGame(total, weights, names)
    both, same = one & unanimity, two & co.WeightedVotingGame(total, weights, names)
    assert both == same and hash(both) == hash(same) and both != (one | unanimity)
    _assert_frozen(both, ["_parts", "_operator"])
