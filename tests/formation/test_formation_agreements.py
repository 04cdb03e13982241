"""Self-enforcing agreements: the linear-quadratic model's stable size is 3 for every n."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.exceptions import InvalidProblemError
from coalitions.formation import (
    AgreementModel,
    agreement_stability,
    is_externally_stable,
    is_internally_stable,
    linear_quadratic_model,
)
from coalitions.formation.agreements import INDIFFERENCE_RULES


@pytest.mark.parametrize("n", [3, 4, 5, 10, 25, 100])
def test_linear_quadratic_stable_size_three(n):
    result = agreement_stability(linear_quadratic_model(n))
    assert result.stable_sizes == (3,)
    assert result.exact
    weak = agreement_stability(linear_quadratic_model(n), indifferent="stay")
    assert weak.stable_sizes == (2, 3)


@pytest.mark.parametrize("b, c", [(2, 3), (Fraction(1, 3), 5), (1.5, 0.25)])
def test_stable_size_does_not_depend_on_b_and_c(b, c):
    assert agreement_stability(linear_quadratic_model(12, b=b, c=c)).stable_sizes == (3,)


@pytest.mark.parametrize("n", [3, 7, 30])
def test_closed_form_conditions(n):
    model = linear_quadratic_model(n)
    for k in range(1, n + 1):
        assert is_internally_stable(model, k) == ((k - 1) * (k - 3) <= 0)
        if k < n:
            assert is_externally_stable(model, k, indifferent="stay") == (k >= 2)
            assert is_externally_stable(model, k) == (k >= 3)


def test_payoffs_match_formulas():
    n, b, c = 9, Fraction(2), Fraction(3)
    model = linear_quadratic_model(n, b=b, c=c)
    for k in range(1, n + 1):
        q_s, q_n = k * b / c, b / c
        total = k * q_s + (n - k) * q_n
        assert model.signatory(k) == b * total - c / 2 * q_s**2
        if k < n:
            assert model.nonsignatory(k) == b * total - c / 2 * q_n**2


@pytest.mark.parametrize("b", [np.float32(0.5), np.float16(2.0), np.int64(3)])
def test_numpy_scalars_give_the_payoffs_of_python_numbers(b):
    # Found by mypy: numpy floats other than float64 reached Fraction() and raised TypeError.
    plain = float(b) if isinstance(b, np.floating) else int(b)
    model, reference = linear_quadratic_model(6, b=b), linear_quadratic_model(6, b=plain)
    for k in range(1, 7):
        assert model.signatory(k) == reference.signatory(k)
        assert type(model.signatory(k)) is type(reference.signatory(k))


@pytest.mark.parametrize("b", [np.complex128(1), float("inf"), np.float32("inf")])
def test_complex_and_infinite_parameters_are_refused(b):
    with pytest.raises(InvalidProblemError, match="number"):
        linear_quadratic_model(6, b=b)


def test_custom_model_and_result_dict():
    # Everyone gains 1 per signatory and signing costs 1.5: only k = 1 can hold.
    model = AgreementModel(4, signatory=lambda k: k - 1.5, nonsignatory=lambda k: k, name="toy")
    result = agreement_stability(model)
    assert result.internal == (False, False, False, False)
    assert result.stable_sizes == ()
    data = result.to_dict()
    assert data["model"] == "toy" and data["nonsignatory_payoffs"][-1] is None


def test_errors():
    with pytest.raises(InvalidProblemError, match="n >= 2"):
        linear_quadratic_model(1)
    with pytest.raises(InvalidProblemError, match="positive"):
        linear_quadratic_model(5, c=0)
    with pytest.raises(InvalidProblemError, match="between 1 and n"):
        is_internally_stable(linear_quadratic_model(5), 6)
    with pytest.raises(ValueError, match="indifferent"):
        agreement_stability(linear_quadratic_model(5), indifferent="maybe")
    with pytest.raises(InvalidProblemError, match="AgreementModel"):
        agreement_stability(5)
    with pytest.raises(InvalidProblemError, match="functions"):
        AgreementModel(3, signatory=1, nonsignatory=2)


@settings(max_examples=25, deadline=None)
@given(
    st.integers(2, 30),
    st.fractions(Fraction(1, 7), 5, max_denominator=7),
    st.sampled_from(INDIFFERENCE_RULES),
)
def test_stability_table_evaluates_each_payoff_once_and_agrees_with_the_size_checks(
    n, c, indifferent
):
    model = linear_quadratic_model(n, c=c)
    calls = []

    def counted(payoff, name):
        def call(k):
            calls.append((name, k))
            return payoff(k)

        return call

    counting = AgreementModel(
        n, counted(model.signatory, "s"), counted(model.nonsignatory, "n"), model.name
    )
    result = agreement_stability(counting, indifferent=indifferent)
    assert sorted(calls) == sorted({*calls}) and len(calls) == 2 * n
    for k in range(1, n + 1):
        assert result.internal[k - 1] == is_internally_stable(model, k)
        assert result.external[k - 1] == is_externally_stable(model, k, indifferent=indifferent)
