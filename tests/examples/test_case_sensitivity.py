"""Sensitivity of the cases that label ranges: the issue's figures for the UN ceiling
(+3.3 % at a 24.5 % US base, +1.3 % to +5.4 % over 23-26 %), recomputed independently, and the
list of cases with ranges."""

import pytest

from coalitions.examples import case_sensitivity, list_cases, sensitivity_report


def test_the_cases_with_ranges():
    ranged = sorted(c.name for c in list_cases() if c.assumptions is not None)
    assert ranged == [
        "burden-sharing",
        "cyprus-belarus",
        "nagorno-karabakh",
        "nato-russia-council",
        "sanctions-renewal",
        "unsc-reform",
    ]


def _others_pay_more(us_base):
    """By hand: the ceiling of 22 moves us_base - 22 points onto the other 100 - us_base."""
    return 100 * (us_base - 22) / (100 - us_base)


def test_un_ceiling_burden_shift_over_the_us_base():
    result = case_sensitivity("burden-sharing", samples=16, sweep_points=7)
    (row,) = [r for r in result.tornado["others pay more (%)"]]
    assert row["at_low"] == pytest.approx(_others_pay_more(23))
    assert row["at_high"] == pytest.approx(_others_pay_more(26))
    assert result.baseline["others pay more (%)"] == pytest.approx(_others_pay_more(24.5))
    assert round(result.baseline["others pay more (%)"], 1) == 3.3
    assert (round(row["at_low"], 1), round(row["at_high"], 1)) == (1.3, 5.4)
    assert result.shares["ceiling binds"] == {True: 1.0}


def test_cyprus_binding_member_shares_and_breakpoints():
    result = case_sensitivity("cyprus-belarus", samples=64, sweep_points=5)
    shares = result.shares["binding member"]
    assert sum(shares.values()) == pytest.approx(1.0)
    assert result.baseline["binding member"] == "DE" and "DE" in shares
    assert result.most_sensitive["max_concession"] in {"alpha_DE", "beta_DE"}
    report = sensitivity_report("cyprus-belarus", samples=16, sweep_points=3)
    assert report.section("How often").rows
