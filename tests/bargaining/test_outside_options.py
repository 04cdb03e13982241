"""Alternating offers with outside options: the outside-option principle as a property, the
equilibrium equations solved independently by iterating their contraction, exact arithmetic,
and bad inputs refused."""

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidProblemError

unit = st.fractions(0, 1, max_denominator=20)
discount = st.fractions(0, Fraction(19, 20), max_denominator=20)


def by_iteration(d1, d2, w1, w2, s=1.0, rounds=5000):
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
