"""Spatial veto-player model: MODELS.md section 3 reference case, absorption, properties."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from coalitions.bargaining import (SpatialModel, in_win_set, lcd_outcome, policy_core,
                                   policy_stability, setter_outcome, win_set)
from coalitions.exceptions import InvalidProblemError

SETTINGS = settings(max_examples=30, deadline=None)
IDEALS = {"A": 2, "B": 4, "C": 5, "D": 7, "E": 9}


class WeightedRule:
    """Duck-typed stand-in for a weighted voting game: players + is_winning(coalition)."""

    def __init__(self, quota, weights):
        self.quota, self.weights = quota, weights
        self.players = tuple(weights)

    def is_winning(self, coalition):
        return sum(self.weights[p] for p in coalition) >= self.quota


# ------------------------------------------------------------------ MODELS.md section 3
@pytest.mark.parametrize("rule, outcome, core", [("unanimity", 4.0, (2.0, 9.0)),
                                                 (4, 8.0, (4.0, 7.0)),
                                                 ("majority", 9.0, (5.0, 5.0))])
def test_setter_reference_case(rule, outcome, core):
    model = SpatialModel(IDEALS, 0, decision_rule=rule, setter="E")
    assert setter_outcome(model).outcome == outcome
    assert policy_core(model).interval == core


def test_setter_reference_ambitious_reversion():
    model = SpatialModel(IDEALS, 6)
    assert all(setter_outcome(model, s).outcome == 6.0 for s in IDEALS)
    assert setter_outcome(model.replace(decision_rule="majority"), "A").outcome == 4.0


def test_win_set_one_dimension():
    model = SpatialModel(IDEALS, 0)
    assert win_set(model).intervals == [(0.0, 4.0)]          # (q, 2 x_L - q)
    assert policy_stability(model) == 4.0                     # |W| = 2 (p - q)
    assert win_set(model.replace(decision_rule=4)).size == 8.0
    assert win_set(model.replace(status_quo=6)).is_empty      # q in the unanimity core


def test_lcd_outcome_and_binding_member():
    r = lcd_outcome(SpatialModel(IDEALS, 0))
    assert (r.llap_point, r.ceiling, r.binding, r.interval) == (2.0, 4.0, ("A",), (2.0, 4.0))
    r4 = lcd_outcome(SpatialModel(IDEALS, 0, decision_rule=4))
    assert (r4.llap_point, r4.ceiling, r4.binding) == (4.0, 8.0, ("B",))
    assert lcd_outcome(SpatialModel(IDEALS, 6)).protected       # Hovi-Sprinz: reversion rule
    above = lcd_outcome(SpatialModel(IDEALS, 12))
    assert (above.llap_point, above.ceiling, above.binding) == (9.0, 6.0, ("E",))


def test_asymmetric_loss_moves_the_lcd_pivot():
    # MODELS section 1: with asymmetric losses the binding member need not be the lowest ideal
    m = SpatialModel({"A": 2, "B": 3, "C": 6}, 0, weights={"A": 1, "B": (1, 16), "C": 1})
    assert m.acceptability_limits().tolist() == [4.0, 3.75, 12.0]
    r = lcd_outcome(m)
    assert (r.llap_point, r.ceiling, r.binding) == (2.0, 3.75, ("B",))
    assert setter_outcome(m, "C").outcome == 3.75


@SETTINGS
@given(st.lists(st.tuples(st.floats(-10, 10), st.floats(0.1, 10), st.floats(0.1, 10)),
                min_size=2, max_size=6), st.floats(-15, 15), st.floats(-10, 10))
def test_veto_player_shrinks_win_set_with_asymmetric_losses(rows, q, new):
    model = SpatialModel([r[0] for r in rows], q, weights=[(r[1], r[2]) for r in rows])
    bigger = model.with_player("new", new, weight=(2.0, 0.5))
    assert win_set(bigger).size <= win_set(model).size + 1e-12
    for a, b in win_set(bigger).intervals:        # W(bigger) is inside W(model)
        assert in_win_set(model, 0.5 * (a + b))


def test_duck_typed_weighted_rule():
    rule = WeightedRule(7, {"A": 3, "B": 1, "C": 1, "D": 1, "E": 3})   # A and E are vetoes
    model = SpatialModel(IDEALS, 0, decision_rule=rule, setter="E")
    assert policy_core(model).interval == (2.0, 9.0)
    assert setter_outcome(model).outcome == 4.0
    with pytest.raises(InvalidProblemError, match="differ"):
        SpatialModel({"X": 1, "Y": 2}, 0, decision_rule=rule)


def test_predicate_rule():
    model = SpatialModel(IDEALS, 0, decision_rule=lambda c: {"A", "E"} <= c)
    assert win_set(model).intervals == [(0.0, 4.0)]


# ------------------------------------------------------------------ two dimensions
TRIANGLE = {"A": (0, 0), "B": (4, 0), "C": (2, 3)}


def test_two_dimensional_core_lcd_setter():
    model = SpatialModel(TRIANGLE, (2, -3), setter="C")
    assert sorted(policy_core(model).vertices) == [(0.0, 0.0), (2.0, 3.0), (4.0, 0.0)]
    lcd = lcd_outcome(model)
    assert lcd.llap_point == pytest.approx((2.0, 0.0), abs=1e-6)     # projection on the hull
    assert in_win_set(model, lcd.llap_point)
    assert lcd.ceiling == pytest.approx((2.0, 3.0), abs=1e-6) and lcd.binding == ("A", "B")
    assert setter_outcome(model).outcome == pytest.approx((2.0, 3.0), abs=1e-5)


def test_absorption_rule_two_dimensions():
    model = SpatialModel(TRIANGLE, (2, -3))
    base = win_set(model)
    assert base.method == "exact"
    inside = win_set(model.with_player("D", (2, 1)))
    outside = win_set(model.with_player("E", (2, -1)))
    assert inside.size == pytest.approx(base.size, rel=1e-12)   # inside the hull: no change
    assert outside.size < base.size                 # outside: the win-set shrinks
    window = (-4, 8, -4, 9)                         # the grid agrees, cell for cell
    grid = win_set(model, bounds=window)
    assert grid.method == "grid" and grid.size == pytest.approx(base.size, rel=2e-3)
    assert win_set(model.with_player("D", (2, 1)), bounds=window).size == grid.size
    assert win_set(SpatialModel(TRIANGLE, (2, 1))).is_empty     # q inside the core


def test_exact_area_of_a_lens():
    import math
    lens = SpatialModel({"A": (0, 0), "B": (1, 0)}, (0.5, math.sqrt(0.75)))
    assert win_set(lens).size == pytest.approx(2 * math.pi / 3 - math.sqrt(3) / 2, rel=1e-12)


points = st.lists(st.floats(-10, 10), min_size=2, max_size=7)


@SETTINGS
@given(points, st.floats(-15, 15), st.floats(-10, 10))
def test_adding_a_veto_player_never_enlarges_the_win_set(xs, q, new):
    model = SpatialModel(xs, q)
    bigger = model.with_player("new", new)
    assert win_set(bigger).size <= win_set(model).size + 1e-12
    if min(xs) <= new <= max(xs):                   # absorption rule
        assert win_set(bigger).intervals == win_set(model).intervals


@SETTINGS
@given(st.lists(st.tuples(st.floats(-5, 5), st.floats(-5, 5)), min_size=2, max_size=5),
       st.tuples(st.floats(-8, 8), st.floats(-8, 8)), st.data())
def test_absorption_pointwise_two_dimensions(pts, q, data):
    model = SpatialModel(pts, q)
    lam = np.array(data.draw(st.lists(st.floats(0, 1), min_size=len(pts), max_size=len(pts))))
    if lam.sum() == 0:
        lam = np.ones(len(pts))
    inside = tuple((lam / lam.sum()) @ np.array(pts))
    bigger = model.with_player("new", inside)
    rng = np.random.default_rng(0)
    for x in rng.uniform(-12, 12, size=(200, 2)):
        if in_win_set(model, x):
            assert in_win_set(bigger, x)


@SETTINGS
@given(st.lists(st.tuples(st.floats(-5, 5), st.floats(-5, 5)), min_size=1, max_size=5),
       st.tuples(st.floats(-8, 8), st.floats(-8, 8)), st.tuples(st.floats(-8, 8),
                                                            st.floats(-8, 8)))
def test_exact_area_never_grows_with_a_veto_player(pts, q, new):
    model = SpatialModel(pts, q)
    base = win_set(model).size
    assert win_set(model.with_player("new", new)).size <= base * (1 + 1e-9) + 1e-9


@SETTINGS
@given(points, st.floats(-15, 15), st.data())
def test_lcd_llap_is_projection_and_accepted(xs, q, data):
    model = SpatialModel(xs, q)
    r = lcd_outcome(model)
    assert r.llap_point == pytest.approx(min(max(q, min(xs)), max(xs)))
    if not r.protected:
        inner = 0.5 * (r.llap_point + q) if r.llap_point != q else q
        assert in_win_set(model, r.ceiling - 1e-9 * np.sign(r.ceiling - q)) or \
            abs(r.ceiling - q) < 1e-9
        assert in_win_set(model, inner) or abs(inner - q) < 1e-12
        assert r.ceiling == pytest.approx(2 * min(xs) - q if q < min(xs) else 2 * max(xs) - q)


def test_bad_inputs():
    with pytest.raises(InvalidProblemError, match="dimension"):
        SpatialModel(IDEALS, (0, 0))
    with pytest.raises(InvalidProblemError, match="unknown decision rule"):
        SpatialModel(IDEALS, 0, decision_rule="plurality")
    with pytest.raises(InvalidProblemError, match="1 <= k"):
        SpatialModel(IDEALS, 0, decision_rule=6)
    with pytest.raises(InvalidProblemError, match="setter"):
        SpatialModel(IDEALS, 0, setter="Z")
    with pytest.raises(InvalidProblemError, match="no agenda setter"):
        setter_outcome(SpatialModel(IDEALS, 0))
    with pytest.raises(InvalidProblemError, match="pairs"):
        SpatialModel([[1, 2, 3]], (0, 0, 0))
