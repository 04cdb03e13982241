"""(j,k) simple games (issue 14, item 1): construction, outcomes, identity and hostile input.

The weighted game's outputs are checked against the quotas summed here; Freixas & Zwicker's
grading committee against its verbal rule (Freixas 2005, Example 2.9); a ternary game's table
read as a (3,2) game keeps every outcome.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from strategies import weighted_jk_games

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidGameError, TooLargeError
from coalitions.games.jk import MAX_JK_PROFILES


def _committee_by_words(th: int, pro: int, pra: int) -> int:
    """Freixas (2005), Example 2.9, as worded: levels 2 right, 1 regular, 0 wrong; outputs 3
    excellent, 2 notable, 1 pass, 0 fail."""
    marks = {"th": th, "pro": pro, "pra": pra}
    right = {p for p, m in marks.items() if m == 2}
    regular = {p for p, m in marks.items() if m == 1}
    wrong = {p for p, m in marks.items() if m == 0}
    if "pra" in right and len(right) >= 2 and not wrong:
        return 3
    if not wrong and (right == {"pra"} or regular == {"pra"}):
        return 2
    if len(right) == 1 and len(regular) == 2 and "pra" in regular:
        return 1
    if len(right) == 2 and not regular and "th" in right:
        return 1
    return 0


COMMITTEE = co.WeightedJKGame([[-3, 0, 1], [-2, 0, 1], [-1, 0, 2]], [1, 2, 3], ["th", "pro", "pra"])


def test_grading_committee_weights_give_the_worded_rule():
    for th, pro, pra in itertools.product(range(3), repeat=3):
        assert COMMITTEE.outcome([th, pro, pra]) == _committee_by_words(th, pro, pra)
    table_game = co.JKSimpleGame(
        lambda x: _committee_by_words(x["th"], x["pro"], x["pra"]),
        ["th", "pro", "pra"],
        levels=3,
        outputs=4,
    )
    assert np.array_equal(table_game.outcome_table(), COMMITTEE.outcome_table())
    assert (COMMITTEE.n_levels, COMMITTEE.n_outputs) == (3, 4)


@settings(max_examples=25, deadline=None)
@given(weighted_jk_games())
def test_weighted_outputs_count_the_quotas_reached(game):
    n, j = game.n_players, game.n_levels
    profiles = np.array(list(itertools.product(range(j), repeat=n)), dtype=np.int64)
    outputs = game.outcomes(profiles)
    for profile, output in zip(profiles.tolist(), outputs.tolist()):
        total = sum(game.weights[i][a] for i, a in enumerate(profile))
        assert output == sum(total >= q for q in game.quotas)
    rebuilt = co.JKSimpleGame.from_table(
        game.outcome_table(), game.players, levels=j, outputs=game.n_outputs
    )
    assert rebuilt.outcome_table().tolist() == game.outcome_table().tolist()


def test_a_ternary_table_is_a_three_two_game():
    ternary = co.ternary_weighted_game(3, [2, 1, 1], ["a", "b", "c"], abstention="half")
    game = co.JKSimpleGame.from_table(
        ternary.outcome_table().astype(int), ternary.players, levels=3, outputs=2
    )
    for votes in itertools.product(range(3), repeat=3):
        assert game.outcome(list(votes)) == int(ternary.outcomes(np.array([votes]))[0])


def test_exact_weights_identity_and_display():
    a = co.WeightedJKGame([[0, Fraction(1, 2), 1], [0, 0.25, 1]], [Fraction(3, 2)])
    assert a.weights == ((0, Fraction(1, 2), 1), (0, Fraction(1, 4), 1))
    assert a.int_weights == ((0, 2, 4), (0, 1, 4)) and a.int_quotas == (6,)
    b = co.WeightedJKGame([[0, 2, 4], [0, 1, 4]], [6])
    assert a == b and hash(a) == hash(b)
    with pytest.raises(AttributeError):
        a.foo = 1  # type: ignore[attr-defined]
    assert "WeightedJKGame" in repr(a) and "<table" in a._repr_html_()
    t1 = co.JKSimpleGame.from_table([0, 0, 0, 1], ["x", "y"], levels=2, outputs=2)
    t2 = co.JKSimpleGame(lambda x: int(x["x"] and x["y"]), ["x", "y"], levels=2, outputs=2)
    assert t1 == t2 and hash(t1) == hash(t2)
    t3 = co.JKSimpleGame(lambda x: x["x"] == 1 and x["y"] == 1, ["x", "y"], levels=2, outputs=2)
    assert t3 == t1
    assert t1.outcome({"x": 1}) == 0 and t1.outcome({"x": 1, "y": 1}) == 1


HOSTILE = [
    # non-monotone rule
    (
        lambda: co.JKSimpleGame.from_table([0, 1, 0, 1, 0, 0, 0, 1, 1], 2, levels=3, outputs=2),
        "monotone",
    ),
    # wrong shape
    (lambda: co.JKSimpleGame.from_table([0, 1], 2, levels=3, outputs=2), "= 9 whole numbers"),
    # output out of range
    (lambda: co.JKSimpleGame.from_table([0, 0, 0, 5], 2, levels=2, outputs=2), "from 0 to 1"),
    # extremes
    (lambda: co.JKSimpleGame.from_table([1, 1, 1, 1], 2, levels=2, outputs=2), "lowest output"),
    (lambda: co.JKSimpleGame.from_table([0, 0, 0, 1], 2, levels=2, outputs=3), "highest, 2"),
    (lambda: co.JKSimpleGame(lambda x: "yes", 2, levels=2, outputs=2), "output level"),
    (lambda: co.JKSimpleGame(3, 2, levels=2, outputs=2), "needs a rule"),
    (lambda: co.JKSimpleGame(lambda x: x["zz"], 2, levels=2, outputs=2), "rule raised KeyError"),
    (lambda: co.JKSimpleGame.from_table([0, 1], 1, levels=1, outputs=2), "at least 2"),
    (lambda: co.JKSimpleGame.from_table([0, 1], 1, levels=2, outputs=True), "at least 2"),
    # weights and quotas
    (lambda: co.WeightedJKGame([[0, 2, 1]], [1]), "decrease"),
    (lambda: co.WeightedJKGame([[0, 1, 2], [0, 1]], [1]), "one weight per level"),
    (lambda: co.WeightedJKGame([[0, 1, 2]], [2, 1]), "non-decreasing"),
    (lambda: co.WeightedJKGame([[1, 1, 2]], [1]), "lowest level"),
    (lambda: co.WeightedJKGame([[0, 1, 2]], [3]), "never be reached"),
    (lambda: co.WeightedJKGame([[0, 1, 2]], []), "at least one quota"),
    (lambda: co.WeightedJKGame([[0, "a", 2]], [1]), "rational"),
    (lambda: co.WeightedJKGame([[0, float("nan"), 2]], [1]), "finite"),
    (lambda: co.WeightedJKGame("abc", [1]), "per-level weights"),
    (lambda: co.WeightedJKGame([[0, 1]], [1], ["a", "b"]), "2 player names"),
    # levels out of range
    (lambda: COMMITTEE.outcome([0, 1, 3]), "levels run from 0"),
    (lambda: COMMITTEE.outcome([0, 1]), "3 levels"),
    (lambda: COMMITTEE.outcome({"nobody": 1}), "nobody"),
    (lambda: COMMITTEE.outcomes(np.array([[0, 1, 7]])), "from 0 to 2"),
    (lambda: COMMITTEE.outcomes([[0.5, 1, 1]]), "integer array"),
]


@pytest.mark.parametrize("build, words", HOSTILE)
def test_hostile_input_is_refused_with_a_message(build, words):
    with pytest.raises(CoalitionsError, match=words):
        build()


def test_too_many_profiles_is_too_large():
    n = 1
    while 4 ** (n + 1) <= MAX_JK_PROFILES:
        n += 1
    with pytest.raises(TooLargeError, match="WeightedJKGame"):
        co.JKSimpleGame(lambda x: 0, n + 1, levels=4, outputs=2)
    big = co.WeightedJKGame([[0, 1, 2, 3]] * (n + 1), [n + 1])
    with pytest.raises(TooLargeError, match="profiles"):
        big.outcome_table()
    assert big.outcome([3] * (n + 1)) == 1  # outcomes of a large weighted game still work
    with pytest.raises(InvalidGameError):
        co.JKSimpleGame.from_table(np.zeros(4, dtype=float), 2, levels=2, outputs=2)
