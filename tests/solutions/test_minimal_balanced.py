"""The minimal balanced collections of four and five players and the LP-free least core,
core and (pre)nucleolus built on them (issue 17, item 2).

* The package data are the definition: regenerated and compared, counted (41 and 1,291:
  Shapley 1967; OEIS A007118 less the grand coalition), independent and balanced by numpy's
  rank and exact sums.
* The fast answers equal the LP path's (``_three_players.FORCE_LP``) on random games
  (integers, Fractions, integer floats, negative worths, ties, cost games), and an oracle
  that shares no code with either (a brute-force ``scipy.optimize.linprog`` least core and
  exact excesses in the test) agrees.
* A failed certificate falls back to the LP path, never to a wrong answer.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

import coalitions as co
from coalitions.solutions import _minimal_balanced as mb
from coalitions.solutions import _three_players
from coalitions.solutions._minimal_balanced_data import DATA
from coalitions.solutions._normal_form import NormalForm


@pytest.mark.parametrize(("n", "count"), [(4, 41), (5, 1291)])
def test_package_data_is_the_definition(n, count):
    generated = mb.generate_collections(n)
    assert len(generated) == count
    assert mb.decode_collections(DATA[n], n) == generated
    assert mb.render_collections(generated, n) == DATA[n].strip()


def test_small_tables_from_the_definition():
    assert mb.generate_collections(2) == [((1, 2), (1, 1))]
    three = {frozenset(masks) for masks, _w in mb.generate_collections(3)}
    assert three == {frozenset(m) for m, _w in _three_players._MINIMAL[3]}


@pytest.mark.parametrize("n", [4, 5])
def test_collections_are_minimal_balanced(n):
    table = mb.collections_table(n)
    full = (1 << n) - 1
    for row in table.weights:
        masks = np.flatnonzero(row)
        vectors = (masks[:, None] >> np.arange(n)) & 1
        assert np.linalg.matrix_rank(vectors) == masks.size  # independent: minimal
        cover = [sum(Fraction(int(row[m])) for m in masks if m >> i & 1) for i in range(n)]
        assert len(set(cover)) == 1 and cover[0] > 0  # balanced
        assert 0 not in masks and full not in masks


def _worths(draw, n):
    """A table of one of the kinds the fast path must handle."""
    kind = draw(st.sampled_from(["int", "ties", "negative", "fraction", "float"]))
    high = {"int": 100, "ties": 2, "negative": 6, "fraction": 30, "float": 100}[kind]
    low = -6 if kind == "negative" else 0
    values = draw(st.lists(st.integers(low, high), min_size=1 << n, max_size=1 << n))
    values[0] = 0
    if kind == "fraction":
        return [Fraction(v, draw(st.integers(1, 6))) for v in values]
    if kind == "float":
        return [float(v) for v in values]
    return [Fraction(v) for v in values]


@st.composite
def small_games(draw):
    n = draw(st.sampled_from([4, 5]))
    return co.TUGame(_worths(draw, n), cost=draw(st.booleans()))


def _lp_path(monkeypatch, function, game):
    monkeypatch.setattr(_three_players, "FORCE_LP", True)
    try:
        return function(game)
    finally:
        monkeypatch.setattr(_three_players, "FORCE_LP", False)


def _excess(game, x, mask):
    """The excess of a coalition in the test's own exact arithmetic (costs: x(S) - c(S))."""
    paid = sum((Fraction(x[i]) for i in range(game.n_players) if mask >> i & 1), Fraction(0))
    worth = Fraction(game.values[mask])
    return paid - worth if game.is_cost else worth - paid


def _linprog_epsilon(game):
    """The least-core value by a brute-force LP over every coalition (the oracle)."""
    n = game.n_players
    full = (1 << n) - 1
    sign = -1.0 if game.is_cost else 1.0
    values = np.array([float(v) for v in game.values]) * sign
    masks = np.arange(1, full)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    a_ub = np.hstack([-sign * bits, -np.ones((masks.size, 1))])
    cost = np.zeros(n + 1)
    cost[n] = 1.0
    result = linprog(
        cost,
        A_ub=a_ub,
        b_ub=-values[masks],
        A_eq=np.hstack([np.ones((1, n)), np.zeros((1, 1))]),
        b_eq=[float(game.values[full])],
        bounds=(None, None),
    )
    assert result.success
    return result.x[n]


@settings(max_examples=40, deadline=None)
@given(small_games())
def test_least_core_and_core_equal_the_lp_path_and_the_oracle(game):
    monkeypatch = pytest.MonkeyPatch()
    fast = co.least_core(game)
    slow = _lp_path(monkeypatch, co.least_core, game)
    assert fast.success and slow.success
    assert fast.nit == 0 and slow.nit > 0  # the table, no LP
    assert fast.epsilon == slow.epsilon and fast.exact == slow.exact and fast.verified
    n = game.n_players
    full = (1 << n) - 1
    cert = fast.certificate
    assert co.is_balanced_collection(game, cert)
    if game.kind == "exact":
        # the point: efficient, and its largest excess is epsilon, exactly
        assert sum(fast.x) == game.values[full]
        assert max(_excess(game, fast.x, m) for m in range(1, full)) == fast.epsilon
        # the certificate: balanced, and its bound is epsilon
        cover = [
            sum(w for s, w in zip(cert.coalitions, cert.weights) if game.players[i] in s)
            for i in range(n)
        ]
        assert cover == [1] * n
        bound = (cert.total - game.values[full]) / sum(cert.weights)
        assert (-bound if game.is_cost else bound) == fast.epsilon
    oracle = _linprog_epsilon(game)
    scale = max(1.0, max(abs(float(v)) for v in game.values))
    assert abs(float(fast.epsilon) - oracle) <= 1e-7 * scale
    core, core_lp = co.core(game), _lp_path(monkeypatch, co.core, game)
    assert core.is_empty == core_lp.is_empty == (fast.epsilon > 0)
    assert core.epsilon == core_lp.epsilon


@settings(max_examples=40, deadline=None)
@given(small_games(), st.booleans())
def test_nucleolus_equals_the_lp_path(game, pre):
    monkeypatch = pytest.MonkeyPatch()
    function = co.prenucleolus if pre else co.nucleolus
    try:
        slow = _lp_path(monkeypatch, function, game)
    except co.InvalidGameError:  # no imputation: both paths refuse
        with pytest.raises(co.InvalidGameError):
            function(game)
        return
    fast = function(game)
    assert fast.success and fast.verified and slow.success
    assert list(fast.x) == list(slow.x) and fast.levels == slow.levels
    assert fast.exact == slow.exact
    # Kohlberg's criterion of the LP path (another code) accepts the answer
    checker = co.is_prenucleolus if pre else co.is_nucleolus
    assert checker(game, list(fast.x))


def test_most_games_take_the_table(monkeypatch):
    rng = np.random.default_rng(17)
    taken = 0
    for _ in range(20):
        values = rng.integers(0, 101, 32).astype(float)
        values[0] = 0
        game = co.TUGame(values)
        taken += co.least_core(game).nit == 0
        taken += co.prenucleolus(game).nit == 0
    assert taken == 40


def test_a_failed_certificate_falls_back_to_the_lp(monkeypatch):
    game = co.TUGame([Fraction(v) for v in [0, 0, 0, 4, 0, 3, 2, 7, 0, 1, 5, 6, 2, 6, 5, 9]])
    fast_least, fast_nucleolus = co.least_core(game), co.nucleolus(game)
    assert fast_least.nit == 0 and "minimal balanced" in fast_least.message
    assert fast_nucleolus.nit == 0 and "minimal balanced" in fast_nucleolus.message
    # a point off by a little: the exact checks refuse it, the LP answers
    original = NormalForm.rational_point

    def shifted(self, x_float):
        units = original(self, x_float)
        return None if units is None else [units[0] + 1, units[1] - 1, *units[2:]]

    monkeypatch.setattr(NormalForm, "rational_point", shifted)
    least, nucleolus = co.least_core(game), co.nucleolus(game)
    assert "minimal balanced" not in least.message and least.exact
    assert least.epsilon == fast_least.epsilon
    assert "minimal balanced" not in nucleolus.message and nucleolus.exact
    assert list(nucleolus.x) == list(fast_nucleolus.x)
    monkeypatch.undo()
    monkeypatch.setattr(mb, "kohlberg_by_table", lambda *a, **k: False)
    again = co.nucleolus(game)
    assert "minimal balanced" not in again.message and list(again.x) == list(fast_nucleolus.x)


def test_kohlberg_by_table_refuses_a_point_off_the_nucleolus():
    rng = np.random.default_rng(3)
    for n in (4, 5):
        for _ in range(10):
            values = [Fraction(int(v)) for v in rng.integers(0, 30, 1 << n)]
            values[0] = 0
            for i in range(n):
                values[1 << i] = Fraction(0)
            game = co.TUGame(values)
            nf = NormalForm(game, "test")
            x = list(co.prenucleolus(game).x)
            keys, _scale = nf.integer_excesses(x)
            assert mb.kohlberg_by_table(n, keys, [])
            moved = [x[0] + Fraction(1, 7), x[1] - Fraction(1, 7), *x[2:]]
            keys, _scale = nf.integer_excesses(moved)
            assert not mb.kohlberg_by_table(n, keys, [])
