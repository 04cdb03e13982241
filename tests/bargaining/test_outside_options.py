"""Alternating offers with outside options: the outside-option principle as a property, the
equilibrium equations solved independently by iterating their contraction, exact arithmetic,
and bad inputs refused."""

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidProblemError

unit = st.fractions(0, 1, max_denominator=20)
discount = st.fractions(0, Fraction(19, 20), max_denominator=20)


def by_iteration(d1, d2, w1, w2, s=1.0, rounds=1000):
    """Iterate x = s - max(w2, d2 y), y = s - max(w1, d1 x) (a contraction) in floats."""
    x = y = s / 2
    for _ in range(rounds):
        x, y = s - max(w2, d2 * y), s - max(w1, d1 * x)
    return x


@given(d1=discount, d2=discount, w1=unit, w2=unit)
def test_shares_solve_the_equilibrium_equations(d1, d2, w1, w2):
    assume(w1 + w2 < 1)
    result = co.outside_option_bargaining([d1, d2], [w1, w2])
    x = result.x[0]
    assert result.exact and sum(result.x) == 1
    assert float(x) == pytest.approx(by_iteration(*map(float, (d1, d2, w1, w2))), abs=1e-9)


@given(d1=discount, d2=discount, w1=unit, w2=unit)
def test_the_outside_option_principle(d1, d2, w1, w2):
    assume(w1 + w2 < 1)
    inside = co.rubinstein([d1, d2])
    result = co.outside_option_bargaining([d1, d2], [w1, w2])
    x1 = inside.x[0]
    y2 = 1 - d1 * x1  # player 2's share when it proposes, without options
    if w2 <= d2 * y2 and w1 <= d1 * x1:  # no option beats waiting: nothing changes
        assert result.x.tolist() == inside.x.tolist()
        assert result.forum_value.tolist() == [0, 0]
    if result.binding[1]:  # a binding option is paid exactly, no more
        assert result.x[1] == w2
    assert result.x[1] >= w2  # a responder never takes less than its option
    assert result.forum_value[1] >= 0 or result.binding[0]


def test_a_stronger_option_never_hurts_its_holder():
    d = Fraction(9, 10)
    shares = [co.outside_option_bargaining(d, [0, Fraction(k, 20)]).x[1] for k in range(20)]
    assert shares == sorted(shares)
    assert shares[0] == Fraction(9, 19) and shares[-1] == Fraction(19, 20)


def test_floats_and_players():
    result = co.outside_option_bargaining(
        [0.8, 0.7], [0.1, 0.5], players=["EU", "Russia"], surplus=10
    )
    assert result.players == ("EU", "Russia") and not result.exact
    assert result["Russia"] == pytest.approx(by_iteration(0.8, 0.7, 0.1, 0.5, s=10) * -1 + 10)


@pytest.mark.parametrize(
    "args, kwargs",
    [
        ((1, [0, 0]), {}),
        ((0.9, [0.6, 0.5]), {}),
        ((0.9, [-0.1, 0]), {}),
        ((0.9, [0, 0, 0]), {}),
        ((0.9, ["a", 0]), {}),
        ((0.9, [0, 0]), {"surplus": 0}),
        ((0.9, [0, 0]), {"players": ["a", "a"]}),
        ((0.9, [0, 0]), {"method": "numeric"}),
    ],
)
def test_bad_inputs_are_refused(args, kwargs):
    with pytest.raises(CoalitionsError):
        co.outside_option_bargaining(*args, **kwargs)


def test_symbols_are_refused_with_a_reason():
    sympy = pytest.importorskip("sympy")
    with pytest.raises(InvalidProblemError, match="numbers"):
        co.outside_option_bargaining(sympy.Symbol("d"), [0, 0])


# --- breakdown risk (Binmore, Rubinstein and Wolinsky 1986) -------------------------------

risk = st.fractions(Fraction(1, 20), 1, max_denominator=20)
patience = st.fractions(0, 1, max_denominator=20)


def by_iteration_with_risk(d1, d2, w1, w2, p, b1, b2, s=1.0, rounds=1000):
    """Iterate the responders' indifference with a breakdown chance ``p`` per rejection."""
    x = y = s / 2
    for _ in range(rounds):
        x, y = (
            s - max(w2, p * b2 + (1 - p) * d2 * y),
            s - max(w1, p * b1 + (1 - p) * d1 * x),
        )
    return x


#: Two shares with a sum below one, drawn directly (an ``assume`` would discard 3 draws in 4):
#: the first in [0, 19/20], the second a fraction in [0, 19/20] of what the first leaves.
_below = st.fractions(0, Fraction(19, 20), max_denominator=20)
pair_below_one = st.tuples(_below, _below).map(lambda t: (t[0], t[1] * (1 - t[0])))


@settings(max_examples=25)
@given(d1=patience, d2=patience, w=pair_below_one, p=risk, b=pair_below_one)
def test_breakdown_shares_solve_the_equilibrium_equations(d1, d2, w, p, b):
    (w1, w2), (b1, b2) = w, b
    assert w1 + w2 < 1 and b1 + b2 < 1
    result = co.outside_option_bargaining(
        [d1, d2], [w1, w2], breakdown_risk=p, breakdown_payoffs=[b1, b2]
    )
    assert result.exact and sum(result.x) == 1 and result.breakdown_risk == p
    expected = by_iteration_with_risk(*map(float, (d1, d2, w1, w2, p, b1, b2)))
    assert float(result.x[0]) == pytest.approx(expected, abs=1e-9)


@settings(max_examples=25)
@given(p=risk, b1=unit, b2=unit)
def test_breakdown_closed_form_without_discounting(p, b1, b2):
    # x1 = (1 - b2 + (1 - p) b1) / (2 - p), the responder indifferent between x2 and
    # p b2 + (1 - p) (its share as proposer)
    assume(b1 + b2 < 1)
    result = co.outside_option_bargaining(1, [0, 0], breakdown_risk=p, breakdown_payoffs=[b1, b2])
    assert result.x[0] == (1 - b2 + (1 - p) * b1) / (2 - p)
    assert result.inside_shares.tolist() == result.x.tolist()
    if p == 1:  # talks end at the first rejection: the responder gets its breakdown payoff
        assert result.x[1] == b2


def test_vanishing_breakdown_risk_tends_to_the_nash_solution():
    # BRW 1986: as p -> 0 the shares tend to the Nash solution with disagreement point b
    b = [Fraction(1, 10), Fraction(1, 2)]
    pie = co.BargainingProblem.from_vertices([[1, 0], [0, 1]], disagreement=b)
    nash = [float(v) for v in co.nash_solution(pie).x]
    gaps = []
    for p in (Fraction(1, 10), Fraction(1, 100), Fraction(1, 1000)):
        x = co.outside_option_bargaining(1, [0, 0], breakdown_risk=p, breakdown_payoffs=b).x
        gaps.append(max(abs(float(x[i]) - nash[i]) for i in range(2)))
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 1e-3
    assert nash == pytest.approx([0.3, 0.7])


def test_a_breakdown_payoff_moves_the_outcome_an_unused_outside_option_does_not():
    d = Fraction(9, 10)
    base = co.outside_option_bargaining(d, [0, 0]).x[1]
    option = co.outside_option_bargaining(d, [0, Fraction(1, 10)]).x[1]
    breakdown = co.outside_option_bargaining(
        d, [0, 0], breakdown_risk=Fraction(1, 10), breakdown_payoffs=[0, Fraction(1, 10)]
    )
    assert option == base  # below what waiting is worth: no threat
    no_payoff = co.outside_option_bargaining(d, [0, 0], breakdown_risk=Fraction(1, 10)).x[1]
    assert breakdown.x[1] > no_payoff  # the same 1/10 on breakdown always counts


@pytest.mark.parametrize(
    "kwargs",
    [
        {"breakdown_risk": Fraction(3, 2)},
        {"breakdown_risk": -0.1},
        {"breakdown_risk": "high"},
        {"breakdown_risk": 0.1, "breakdown_payoffs": [0.6, 0.5]},
        {"breakdown_risk": 0.1, "breakdown_payoffs": [-0.1, 0]},
        {"breakdown_risk": 0.1, "breakdown_payoffs": [0.1]},
    ],
)
def test_bad_breakdown_terms_are_refused(kwargs):
    with pytest.raises(CoalitionsError):
        co.outside_option_bargaining(0.9, [0, 0], **kwargs)


def test_no_delay_cost_is_allowed_only_with_a_breakdown_risk():
    with pytest.raises(InvalidProblemError, match="unique equilibrium"):
        co.outside_option_bargaining(1, [0, 0])
    assert co.outside_option_bargaining(1, [0, 0], breakdown_risk=1).x.tolist() == [1, 0]
