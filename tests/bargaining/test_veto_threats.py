"""Veto threats under incomplete information: the setter's offer against a brute-force
search over offers (an oracle sharing no code with the solver), the uniform-type values
(2/3 without talk; 2 - sqrt(2) for the compromise of Matthews's size-two equilibrium),
incentive compatibility checked independently, Matthews's qualitative results as
properties, and bad inputs refused."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidProblemError


def expected_utility(x, c, q, ideals, probs, g=None, g_setter=0):
    """The setter's expected utility of offer x, written from the definition."""
    g = g or [0] * len(ideals)
    total = 0
    for t, p, gk in zip(ideals, probs, g):
        accept = gk - (x - t) ** 2 >= -((q - t) ** 2)
        total += p * (g_setter - (x - c) ** 2 if accept else -((q - c) ** 2))
    return total


def uniform(k):
    return [Fraction(2 * i + 1, 2 * k) for i in range(k)]


def test_uniform_types_without_talk_give_two_thirds():
    """q = 0, c = 1, t ~ U[0, 1]: E(x) = -(x - 1)^2 (1 - x/2) - x/2 peaks at x = 2/3 (the
    first-order condition 3x^2 - 8x + 4 = 0), accepted with probability 2/3."""
    result = co.setter_offer(1, 0, uniform(300))
    assert float(result.offer) == pytest.approx(2 / 3, abs=0.01)
    assert float(result.acceptance_probability) == pytest.approx(2 / 3, abs=0.01)
    assert result.exact


def test_size_two_equilibrium_approaches_the_continuum():
    """Matthews's conditions with U[0, 1]: the cutoff s = (1 + x_T)/2 is indifferent and
    x_T is optimal against U[0, s), so x_T = 2 - sqrt(2) and s = (3 - sqrt(2))/2."""
    result = co.veto_threat_equilibria(1, 0, uniform(100))
    assert result.threat_credible
    for e in result.equilibria:
        assert float(e["threat_offer"]) == pytest.approx(2 - math.sqrt(2), abs=0.01)
        share = len(e["threat_types"]) / 100
        assert share == pytest.approx((3 - math.sqrt(2)) / 2, abs=0.01)
        assert e["accept_offer"] == 1  # the proposer's favourite
        assert not e["accept_offer_vetoed"] and e["veto_probability"] > 0


def test_full_information_is_romer_rosenthal():
    # each type accepts up to 2t - q: the setter offers min(c, 2t - q) when it knows t
    result = co.setter_offer(10, 0, [1, 3, 7, Fraction(9, 2)])
    assert result.full_information_offers == (2, 6, 10, 9)


types = st.lists(st.fractions(-2, 3, max_denominator=8), min_size=1, max_size=6, unique=True)


@settings(max_examples=40, deadline=None)
@given(
    ideals=types,
    c=st.fractions(-3, 3, max_denominator=4),
    q=st.fractions(-1, 1, max_denominator=4),
    data=st.data(),
)
def test_no_offer_beats_the_optimal_offer(ideals, c, q, data):
    weights = data.draw(st.lists(st.integers(1, 5), min_size=len(ideals), max_size=len(ideals)))
    probs = [Fraction(w, sum(weights)) for w in weights]
    result = co.setter_offer(c, q, ideals, probs)
    assert result.exact
    best = expected_utility(result.offer, c, q, ideals, probs)
    assert best == result.expected_utility
    for k in range(-160, 161):
        assert expected_utility(Fraction(k, 40), c, q, ideals, probs) <= best


@settings(max_examples=40, deadline=None)
@given(ideals=types, c=st.fractions(0, 3, max_denominator=4), data=st.data())
def test_size_two_equilibria_are_incentive_compatible(ideals, c, data):
    weights = data.draw(st.lists(st.integers(1, 5), min_size=len(ideals), max_size=len(ideals)))
    probs = [Fraction(w, sum(weights)) for w in weights]
    q = 0
    result = co.veto_threat_equilibria(c, q, ideals, probs)
    label = {f"t={t}": t for t in ideals}
    prior = dict(zip(ideals, probs))

    def payoff(t, x):
        return max(-((x - t) ** 2), -((q - t) ** 2))

    def best_against(group):
        mass = sum(prior[t] for t in group)
        grid = [Fraction(k, 20) for k in range(-80, 81)] + [c] + [2 * t - q for t in group]
        return max(expected_utility(x, c, q, group, [prior[t] / mass for t in group]) for x in grid)

    for e in result.equilibria:
        threat = [label[n] for n in e["threat_types"]]
        accept = [label[n] for n in e["accept_types"]]
        x_t, x_a = e["threat_offer"], e["accept_offer"]
        assert all(payoff(t, x_t) >= payoff(t, x_a) for t in threat)
        assert all(payoff(t, x_a) >= payoff(t, x_t) for t in accept)
        # each offer is the setter's best response to its message (oracle search)
        assert expected_utility(
            x_t, c, q, threat, [prior[t] / sum(prior[s] for s in threat) for t in threat]
        ) == best_against(threat)
        assert x_t != x_a
        # Matthews: when the most accommodating types accept the proposer's favourite (his
        # assumption), the accept message brings it, and it is never vetoed
        if 2 * max(accept) - q >= c:
            assert x_a == c and not e["accept_offer_vetoed"]
    assert result.babbling.offer == co.setter_offer(c, q, ideals, probs).offer


def test_agreement_values_shift_acceptance():
    # a bonus for any agreement widens the acceptance interval: type 0 (q = 0) then accepts
    # offers up to 1 when g = 1, and a negative g (an audience cost) makes it veto all
    wide = co.setter_offer(1, 0, [0], agreement_values=[1])
    assert wide.offer == 1 and wide.acceptance_probability == 1
    none = co.setter_offer(1, 0, [0], agreement_values=[-1])
    assert none.acceptance_probability == 0
    odd = co.setter_offer(1, 0, [0], agreement_values=[Fraction(1, 2)])
    assert not odd.exact and odd.offer == pytest.approx(math.sqrt(0.5))


def test_floats_in_floats_out():
    result = co.setter_offer(1.0, 0.0, [0.25, 0.5, 1.0])
    assert isinstance(result.offer, float) and not result.exact


@pytest.mark.parametrize(
    "call",
    [
        lambda: co.setter_offer(1, 0, []),
        lambda: co.setter_offer(1, 0, "abc"),
        lambda: co.setter_offer(1, 0, [1, 2], [1]),
        lambda: co.setter_offer(1, 0, [1, 2], [Fraction(1, 2), Fraction(1, 3)]),
        lambda: co.setter_offer(1, 0, [1, 2], [2, -1]),
        lambda: co.setter_offer("x", 0, [1]),
        lambda: co.setter_offer(1, 0, [float("nan")]),
        lambda: co.setter_offer(1, 0, [1], players=["a", "a"]),
        lambda: co.setter_offer(1, 0, [1], method="grid"),
        lambda: co.veto_threat_equilibria(1, 0, [1, 1]),
        lambda: co.veto_threat_equilibria(1, 0, [1], agreement_values=[1, 2]),
    ],
)
def test_bad_inputs_are_refused(call):
    with pytest.raises(CoalitionsError):
        call()


def test_the_errors_say_what_to_fix():
    with pytest.raises(InvalidProblemError, match="sum to"):
        co.setter_offer(1, 0, [1, 2], [Fraction(1, 2), Fraction(1, 3)])
