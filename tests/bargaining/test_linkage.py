"""Issue linkage: ZOPA, extractable concession, credibility, package win-set, QMV."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.bargaining import (
    IssueLinkageModel,
    issue_by_issue_outcome,
    linkage_analysis,
    package_win_set,
)
from coalitions.exceptions import InvalidProblemError

SETTINGS = settings(max_examples=30, deadline=None)


def lin(a):
    return {"type": "linear", "slope": a}


def quad(t, b):
    return {"type": "quadratic", "ideal": t, "salience": b}


def model(rule="unanimity"):
    return IssueLinkageModel(
        {
            "C": {"A": lin(1), "B": quad(1.0, 2)},
            "D": {"A": lin(2), "B": quad(0.1, 8)},
            "E": {"A": lin(2), "B": quad(0.1, 4)},
        },
        {"A": 0, "B": 0},
        decision_rule=rule,
        assumptions=["test"],
    )


def test_hold_up_quantities():
    r = linkage_analysis(model(), blocker="C", linked_issue="A", demand_issue="B")
    ceil_d = 0.1 + math.sqrt(0.01 + 2 / 8)  # t + sqrt(t^2 + alpha/beta)
    assert r.max_concession == pytest.approx(ceil_d)
    assert r.capped_by == ("D",)
    assert r.zopa == pytest.approx((0.0, ceil_d))
    assert r.unlinked == {"A": 1.0, "B": 0.1}
    assert r.linked["B"] == pytest.approx(ceil_d)
    assert not r.credible and r.commitment_cost == pytest.approx(1.38)
    u = lambda a, b: a - 2 * (b - 1) ** 2  # noqa: E731 - the blocker's utility
    assert r.value_of_veto == pytest.approx(u(1, ceil_d) - u(1, 0.1))
    assert r.price_of_linkage["C"] == pytest.approx(-r.value_of_veto)
    assert r.price_of_linkage["D"] == pytest.approx(2.08)  # D is pushed to indifference
    assert r.assumptions == ("test",)
    b = r.nash_package["B"]  # interior of the ZOPA, everyone gains
    assert 0.1 < b < ceil_d


def test_counterfactual_rule_removes_the_hold_up():
    r = linkage_analysis(model(), blocker="C", linked_issue="A", demand_issue="B", decision_rule=2)
    assert not r.can_block and r.value_of_veto == 0.0 and r.max_concession is None
    assert r.linked == r.unlinked
    assert all(v == 0 for v in r.price_of_linkage.values())


def test_credible_when_blocker_prefers_no_deal():
    m = IssueLinkageModel(
        {"C": {"A": lin(-1), "B": quad(1.0, 2)}, "D": {"A": lin(2), "B": quad(0.0, 1)}},
        {"A": 0, "B": 0},
    )
    # C dislikes A, so the issue-by-issue outcome keeps A at 0: nothing to hold up
    assert issue_by_issue_outcome(m)["A"] == 0.0


def test_package_win_set_contains_product():
    sizes = package_win_set(model(), resolution=200)
    assert sizes["package"] >= sizes["issue_by_issue"] > 0
    three = IssueLinkageModel(
        {
            "C": {"A": lin(1), "B": quad(1, 2), "X": quad(0.5, 1)},
            "D": {"A": lin(2), "B": quad(0.1, 8), "X": quad(0.2, 1)},
        },
        {"A": 0, "B": 0, "X": 0},
    )
    s3 = package_win_set(three, samples=20000, rng=1)
    assert s3["package"] >= s3["issue_by_issue"]


@SETTINGS
@given(
    st.lists(
        st.tuples(st.floats(0.1, 5), st.floats(0, 1), st.floats(0.2, 10)), min_size=2, max_size=5
    ),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_package_acceptance_contains_issue_by_issue(params, xa, xb):
    # Sebenius: a point every member gains on issue by issue is accepted as a package
    utilities = {f"m{i}": {"A": lin(a), "B": quad(t, b)} for i, (a, t, b) in enumerate(params)}
    m = IssueLinkageModel(utilities, {"A": 0.0, "B": 0.0})
    each = all(
        m.utilities[p]["A"](xa) > m.utilities[p]["A"](0)
        and m.utilities[p]["B"](xb) > m.utilities[p]["B"](0)
        for p in m.players
    )
    package = all(
        m.utility(p, {"A": xa, "B": xb}) > m.utility(p, {"A": 0, "B": 0}) for p in m.players
    )
    assert package or not each
    r = linkage_analysis(m, blocker="m0", linked_issue="A", demand_issue="B")
    if r.max_concession is not None:  # every other member accepts b_max
        for p in m.players:
            if p != "m0":
                assert (
                    m.utility(p, {"A": 1.0, "B": r.max_concession})
                    >= m.utility(p, r.no_agreement) - 1e-9
                )


def test_callable_utilities():
    m = IssueLinkageModel(
        {
            "C": {"A": lambda x: x, "B": lambda b: -2 * (b - 1) ** 2},
            "D": {"A": lambda x: 2 * x, "B": lambda b: -8 * (b - 0.1) ** 2},
            "E": {"A": lin(2), "B": quad(0.1, 4)},
        },
        {"A": 0, "B": 0},
    )
    r = linkage_analysis(m, blocker="C", linked_issue="A", demand_issue="B")
    assert r.max_concession == pytest.approx(0.1 + math.sqrt(0.26), abs=1e-9)


def test_bad_inputs():
    with pytest.raises(InvalidProblemError, match="cover exactly"):
        IssueLinkageModel({"C": {"A": lin(1)}}, {"A": 0, "B": 0})
    with pytest.raises(InvalidProblemError, match="unknown utility type"):
        IssueLinkageModel({"C": {"A": {"type": "cubic"}}}, {"A": 0})
    with pytest.raises(InvalidProblemError, match="outside"):
        IssueLinkageModel({"C": {"A": lin(1)}}, {"A": 2})
    with pytest.raises(InvalidProblemError, match="not a member"):
        linkage_analysis(model(), blocker="Z", linked_issue="A", demand_issue="B")
    with pytest.raises(InvalidProblemError, match="must differ"):
        linkage_analysis(model(), blocker="C", linked_issue="A", demand_issue="A")
    with pytest.raises(InvalidProblemError, match="not an issue"):
        linkage_analysis(model(), blocker="C", linked_issue="A", demand_issue="Q")
