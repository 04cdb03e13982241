"""Two-level games: the international win-set against a brute-force intersection on a grid
(the oracle below shares no code with the solver), the Schelling conjecture as a computed
property, exact arithmetic, two dimensions, and bad inputs refused."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidArgumentError, InvalidProblemError

point = st.fractions(-10, 10, max_denominator=4)


def accepts(x, q, negotiator, ratifiers, k, negotiator_veto=True):
    """The oracle: country accepts x when k of its ratifiers and (with a veto) its
    negotiator strictly prefer x to q, distances compared directly (any dimension)."""
    x, q = np.atleast_1d(np.asarray(x, dtype=float)), np.atleast_1d(np.asarray(q, dtype=float))

    def prefers(ideal):
        ideal = np.atleast_1d(np.asarray(ideal, dtype=float))
        return float(((x - ideal) ** 2).sum()) < float(((q - ideal) ** 2).sum())

    if negotiator_veto and not prefers(negotiator):
        return False
    return not ratifiers or sum(prefers(r) for r in ratifiers) >= k


def inside(x, intervals):
    return any(float(a) < x < float(b) for a, b in intervals)


def test_the_senate_two_thirds_is_a_quota_of_ratifiers():
    senators = [1, 2, 3, 5, 6, 7]  # 4 of 6 must prefer the deal: the 3rd-lowest binds
    result = co.two_level_win_set(
        {"US": 4, "EU": 10}, 0, ratifiers={"US": senators}, rules={"US": "2/3"}
    )
    assert result.rules["US"] == "4 of 6"
    assert result.ratified["US"] == [(0, 6)]
    assert result.acceptance["US"] == [(0, 6)] and result.intervals == [(0, 6)]
    same = co.two_level_win_set(
        {"US": 4, "EU": 10}, 0, ratifiers={"US": senators}, rules={"US": Fraction(2, 3)}
    )
    assert same.intervals == result.intervals
    game = co.WeightedVotingGame(4, [1] * 6, players=[f"US-{k}" for k in range(1, 7)])
    assert (
        co.two_level_win_set(
            {"US": 4, "EU": 10}, 0, ratifiers={"US": senators}, rules={"US": game}
        ).intervals
        == result.intervals
    )


def test_ratifiers_alone_reuse_the_spatial_win_set():
    ratifiers = {"a": 2, "b": -1, "c": 5, "d": 7}
    for rule in ("unanimity", "majority", 3, 1):
        two = co.two_level_win_set({"X": 3}, 1, ratifiers={"X": ratifiers}, rules=rule)
        alone = co.win_set(co.SpatialModel(ratifiers, 1, decision_rule=rule))
        assert [(float(a), float(b)) for a, b in two.ratified["X"]] == alone.intervals


def test_schelling_with_a_ratifier_between_the_negotiator_and_the_other_side():
    """The Bar: the US negotiator (4) is a pure agent, the EU (10) proposes; a Senate whose
    median lies between them (4 < r < 10) caps what the US can sign at 2r, and moving it
    toward the negotiator moves the outcome toward the negotiator."""
    curve = co.schelling_curve(
        {"US": 4, "EU": 10},
        0,
        country="US",
        ratifier="Senate",
        ideal_points=[Fraction(19, 2), 8, 6, 5, Fraction(9, 2), 4],
        negotiator_veto=False,
        outcome="setter",
        setter="EU",
    )
    assert curve.unconstrained_outcome == 10
    assert curve.outcomes == (10, 10, 10, 10, 9, 8)
    assert curve.binding == (False, False, False, True, True, True)
    assert list(curve.distances) == sorted(curve.distances, reverse=True)
    assert curve.exact and curve.distances[-1] < abs(curve.unconstrained_outcome - 4)


def test_schelling_under_nash_bargaining_with_a_hawkish_ratifier():
    # unconstrained Nash point of x^2 (8 - x)(20 - x) is 5: the root of x^2 - 21x + 80
    free = co.two_level_win_set({"US": 4, "EU": 10}, 0)
    assert free.outcome == 5 and free.exact
    tied = co.two_level_win_set({"US": 4, "EU": 10}, 0, ratifiers={"US": {"Senate": 2}})
    assert tied.outcome == 4 and tied.constrained_by == ("US",)
    assert tied.unconstrained_outcome == 5
    loose = co.two_level_win_set({"US": 4, "EU": 10}, 0, ratifiers={"US": {"Senate": 3}})
    assert loose.outcome == 5 and loose.constrained_by == ()


def test_an_irrational_nash_point_is_a_float():
    result = co.two_level_win_set({"A": 3, "B": 10}, 0)
    assert not result.exact and isinstance(result.outcome, float)
    grid = np.linspace(0, 6, 600001)
    product = (grid * (6 - grid)) * (grid * (20 - grid))
    assert result.outcome == pytest.approx(grid[np.argmax(product)], abs=1e-4)


@settings(max_examples=60, deadline=None)
@given(
    q=point,
    negotiators=st.lists(point, min_size=2, max_size=3),
    ratifiers=st.lists(st.lists(point, min_size=0, max_size=4), min_size=3, max_size=3),
    k=st.integers(1, 4),
    veto=st.booleans(),
)
def test_the_win_set_is_the_brute_force_intersection_on_a_grid(q, negotiators, ratifiers, k, veto):
    names = [f"C{i}" for i in range(len(negotiators))]
    domestic = {n: r for n, r in zip(names, ratifiers) if r}
    rules = {n: min(k, len(r)) for n, r in domestic.items()}
    result = co.two_level_win_set(
        dict(zip(names, negotiators)), q, ratifiers=domestic, rules=rules, negotiator_veto=veto
    )
    assert all(isinstance(e, (int, Fraction, float)) for iv in result.intervals for e in iv)
    assert all(
        not isinstance(e, float) or abs(e) == float("inf") for iv in result.intervals for e in iv
    )
    ends = {q, *negotiators, *(2 * v - q for v in negotiators)}
    ends |= {2 * r - q for rs in ratifiers for r in rs}
    for x in np.linspace(-35, 35, 1401):
        if any(abs(x - float(e)) < 1e-9 for e in ends):
            continue  # a boundary point: open intervals and strict preferences
        expected = all(
            accepts(x, q, n, domestic.get(c, []), rules.get(c, 1), veto)
            for c, n in zip(names, negotiators)
        )
        assert inside(x, result.intervals) == expected, x


gap = st.fractions(Fraction(1, 4), 8, max_denominator=4)


@settings(max_examples=40, deadline=None)
@given(
    q=point,
    to_us=gap,
    to_eu=gap,
    senate=st.lists(gap, min_size=1, max_size=3),
    moves=st.lists(st.fractions(0, 1, max_denominator=8), min_size=2, max_size=5),
    outcome=st.sampled_from(["nash", "setter"]),
)
def test_a_tighter_ratifier_never_moves_the_outcome_toward_the_other_side(
    q, to_us, to_eu, senate, moves, outcome
):
    """Moving one ratifier toward q shrinks its acceptance set (nested sets); the outcome
    then moves toward q, never toward the other side."""
    us, eu = q + to_us, q + to_us + to_eu
    senate = [q + s for s in senate]
    r0 = max(senate)
    points = [q + (r0 - q) * (1 - m) for m in sorted(moves)]  # from loose to tight
    curve = co.schelling_curve(
        {"US": us, "EU": eu},
        q,
        country="US",
        ratifier="median",
        ideal_points=points,
        ratifiers={"US": senate[:-1]} if len(senate) > 1 else None,
        outcome=outcome,
        setter="EU",
    )
    outcomes = [float(x) for x in curve.outcomes]
    assert all(b <= a + 1e-9 for a, b in zip(outcomes, outcomes[1:]))


def test_two_dimensions_against_a_brute_force_grid():
    negotiators = {"A": (0, 0), "B": (4, 0)}
    q = (2, 3)
    domestic = {"A": {"x": (1, 1), "y": (0, 2), "z": (3, 1)}}
    result = co.two_level_win_set(
        negotiators, q, ratifiers=domestic, rules={"A": "2/3"}, resolution=300
    )
    assert result.method == "grid" and not result.exact
    xs = np.linspace(-6, 10, 801)
    ys = np.linspace(-6, 10, 801)
    cell = (xs[1] - xs[0]) * (ys[1] - ys[0])
    count = 0
    for x in xs[::4]:
        for y in ys[::4]:
            count += accepts((x, y), q, (0, 0), list(domestic["A"].values()), 2) and accepts(
                (x, y), q, (4, 0), [], 1
            )
    brute = count * cell * 16
    assert result.size == pytest.approx(brute, rel=0.03)
    assert result.size < co.two_level_win_set(negotiators, q, resolution=300).size
    # the outcome is in the win-set (both negotiators gain)
    assert accepts(result.outcome, q, (0, 0), list(domestic["A"].values()), 2)


def test_no_agreement_when_the_win_set_is_empty():
    result = co.two_level_win_set({"A": -3, "B": 3}, 0)
    assert result.is_empty and result.intervals == [] and result.outcome == 0


def test_floats_stay_floats():
    result = co.two_level_win_set({"US": 4.0, "EU": 10.0}, 0.0, ratifiers={"US": [2.5]})
    assert not result.exact or isinstance(result.outcome, float)
    assert result.intervals == [(0.0, 5.0)] and isinstance(result.size, float)


@pytest.mark.parametrize(
    "call",
    [
        lambda: co.two_level_win_set({}, 0),
        lambda: co.two_level_win_set([4, 10], 0),
        lambda: co.two_level_win_set({"A": "x"}, 0),
        lambda: co.two_level_win_set({"A": 1}, (0, 0)),
        lambda: co.two_level_win_set({"A": 1}, 0, ratifiers={"B": [1]}),
        lambda: co.two_level_win_set({"A": 1}, 0, ratifiers={"A": 3}),
        lambda: co.two_level_win_set({"A": 1}, 0, ratifiers={"A": [1]}, rules="3/2"),
        lambda: co.two_level_win_set({"A": 1}, 0, ratifiers={"A": [1]}, rules="x/y"),
        lambda: co.two_level_win_set({"A": 1}, 0, ratifiers={"A": [1]}, rules={"B": 1}),
        lambda: co.two_level_win_set({"A": 1}, 0, outcome="setter"),
        lambda: co.two_level_win_set({"A": 1}, 0, outcome="best"),
        lambda: co.two_level_win_set({"A": (1, 1)}, (0, 0), method="intervals"),
        lambda: co.two_level_win_set({"A": (1, 1)}, (0, 0), bounds=(1, 0, 0, 1)),
        lambda: co.two_level_win_set({"A": float("nan")}, 0),
        lambda: co.schelling_curve({"A": 1}, 0, country="B", ratifier="r", ideal_points=[1]),
        lambda: co.schelling_curve({"A": 1}, 0, country="A", ratifier="r", ideal_points=[]),
    ],
)
def test_bad_inputs_are_refused(call):
    with pytest.raises(CoalitionsError) as info:
        call()
    assert isinstance(info.value, (InvalidProblemError, InvalidArgumentError))
