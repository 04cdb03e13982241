"""The closed forms of two- and three-player games (``solutions/_three_players.py``) give the
answers of the LP path, and their certificates can fail.

* Oracle 1, the LP path itself (``FORCE_LP``): the same least-core value, emptiness,
  (pre)nucleolus and levels on random games of ints, Fractions and floats, negative worths,
  empty cores and ties, worths and costs.
* Oracle 2, the brute-force nucleolus of ``_core_oracles.py`` (its definition by exact vertex
  enumeration, no shared code), and Littlechild's airport recursion.
* The certificates are checked independently: the least-core point with ``is_in_least_core``
  and the balanced collection with ``is_balanced_collection``; the combinatorial Kohlberg
  check agrees with the package's LP-based one (``is_nucleolus``) on points that are not
  the nucleolus too.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
from fractions import Fraction

import numpy as np
from _core_oracles import brute_force_nucleolus, littlechild_airport_nucleolus
from hypothesis import example, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.solutions import _three_players
from coalitions.solutions._normal_form import normal_form

least_core_module = importlib.import_module("coalitions.solutions.least_core")


@contextlib.contextmanager
def _lp_path():
    """Every game to the LPs, as above three players (the closed forms' oracle)."""
    saved = _three_players.FORCE_LP
    _three_players.FORCE_LP = True
    try:
        yield
    finally:
        _three_players.FORCE_LP = saved


def _number(kind: str, value: int, den: int):
    if kind == "int":
        return value
    if kind == "fraction":
        return Fraction(value, den)
    return value * 0.37 / den


@st.composite
def small_games(draw):
    """Two- or three-player games: ints, Fractions or floats, from a few worths (ties and
    empty cores are common) or from a wide range, of worths or of costs."""
    n = draw(st.sampled_from([2, 3, 3, 3]))
    kind = draw(st.sampled_from(["int", "fraction", "float"]))
    low, high = draw(st.sampled_from([(-1, 2), (0, 3), (-40, 40)]))
    worths = draw(st.lists(st.integers(low, high), min_size=1 << n, max_size=1 << n))
    dens = draw(st.lists(st.integers(1, 3), min_size=1 << n, max_size=1 << n))
    values = [0] + [_number(kind, w, d) for w, d in zip(worths[1:], dens[1:])]
    return co.TUGame(values, cost=draw(st.booleans()))


def _same(a, b, exact: bool) -> bool:
    a, b = list(np.ravel(a)), list(np.ravel(b))
    if exact:
        return a == b
    return len(a) == len(b) and all(abs(float(p) - float(q)) <= 1e-7 for p, q in zip(a, b))


def _imputations_exist(game) -> bool:
    return co.least_core(game).success and (
        sum(game.values[1 << i] for i in range(game.n_players)) <= game.values[-1]
        if not game.is_cost
        else sum(game.values[1 << i] for i in range(game.n_players)) >= game.values[-1]
    )


@settings(max_examples=60, deadline=None)
@given(small_games())
@example(co.majority_game(3))
@example(co.TUGame([0, 0, 0, 0, 0, 0, 0, 0]))
@example(co.TUGame([0, 1, 1, 2, 1, 2, 2, 3]))  # additive: everything ties
def test_closed_forms_match_the_lp_path(game):
    exact = game.kind == "exact"
    least, core = co.least_core(game), co.core(game)
    pre = co.prenucleolus(game)
    with _lp_path():
        lp_least, lp_core, lp_pre = co.least_core(game), co.core(game), co.prenucleolus(game)
    assert least.success and least.verified and least.nit == 0 and lp_least.nit >= 1
    assert least.exact == lp_least.exact == exact
    assert _same(least.epsilon, lp_least.epsilon, exact)
    assert co.is_in_least_core(game, least.x)
    certificate = least.certificate
    assert co.is_balanced_collection(game, certificate)
    weights = sum(certificate.weights)
    bound = (certificate.total - certificate.grand_value) / weights
    assert _same(-bound if game.is_cost else bound, least.epsilon, exact)
    assert core.is_empty == lp_core.is_empty and _same(core.epsilon, lp_core.epsilon, exact)
    if core.is_empty:
        cert = core.certificate
        assert co.is_balanced_collection(game, cert)
        assert cert.total < cert.grand_value if game.is_cost else cert.total > cert.grand_value
    else:
        assert co.is_in_core(game, core.x)
    assert pre.success and pre.verified and pre.exact == exact
    assert _same(pre.x, lp_pre.x, exact) and _same(pre.levels, lp_pre.levels, exact)
    if _imputations_exist(game):
        nucleolus = co.nucleolus(game)
        with _lp_path():
            lp_nucleolus = co.nucleolus(game)
        assert nucleolus.success and nucleolus.verified and nucleolus.exact == exact
        assert _same(nucleolus.x, lp_nucleolus.x, exact)
        assert _same(nucleolus.levels, lp_nucleolus.levels, exact)
        assert "closed form" in nucleolus.message


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([2, 3]),
    st.lists(st.integers(-6, 9), min_size=8, max_size=8),
)
def test_the_brute_force_oracle(n, worths):
    values = [Fraction(0)] + [Fraction(w, 2) for w in worths[1 : 1 << n]]
    game = co.TUGame(values)
    assert tuple(co.prenucleolus(game).x) == brute_force_nucleolus(values, n, imputation=False)
    if sum(values[1 << i] for i in range(n)) <= values[-1]:
        assert tuple(co.nucleolus(game).x) == brute_force_nucleolus(values, n)


def test_literature_values():
    # the Talmud's estate of 200 (Aumann and Maschler 1985), the three-player majority game
    talmud = co.nucleolus(co.bankruptcy_game(200, [100, 200, 300]))
    assert talmud.x.tolist() == [50, 75, 75] and talmud.exact
    majority = co.least_core(co.majority_game(3))
    assert majority.epsilon == Fraction(1, 3) and majority.x.tolist() == [Fraction(1, 3)] * 3
    assert co.core(co.majority_game(3)).certificate.weights == (Fraction(1, 2),) * 3
    # Littlechild's (1974) airport recursion, an oracle of its own, on three planes
    for costs in ([1, 2, 3], [8, 12, 20], [5, 5, 9], [2, 7, 7]):
        result = co.nucleolus(co.airport_game(costs))
        assert result.cost and list(result.x) == littlechild_airport_nucleolus(costs)


def test_two_and_one_players():
    pair = co.TUGame([0, 1, 2, 7])
    assert co.nucleolus(pair).x.tolist() == [3, 4] and co.prenucleolus(pair).levels == (-2,)
    assert co.least_core(pair).epsilon == -2 and not co.core(pair).is_empty
    single = co.TUGame([0, 5])
    assert co.nucleolus(single).x.tolist() == [5] and co.least_core(single).epsilon == 0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(-4, 6), min_size=8, max_size=8),
    st.lists(st.integers(-2, 2), min_size=2, max_size=2),
    st.booleans(),
)
def test_the_combinatorial_kohlberg_check_can_fail(worths, step, imputation):
    values = [0] + worths[1:]
    values[1] = values[2] = values[4] = 0  # zero-normalised, so x0 is x
    game = co.TUGame(values)
    nf = normal_form(game, "test")
    table = [12 * int(v) for v in nf.ints.tolist()]
    if imputation and values[-1] < 0:
        return
    x = co.nucleolus(game).x if imputation else co.prenucleolus(game).x
    # the nucleolus passes; a point moved along x(N) = v(N) by a non-zero step fails
    moved = [x[0] + Fraction(step[0], 3), x[1] + Fraction(step[1], 3)]
    moved.append(values[-1] - moved[0] - moved[1])
    for point in (list(x), moved):
        scaled = [int(12 * p) if (12 * p).denominator == 1 else None for p in point]
        if None in scaled:
            continue
        ours = _three_players._kohlberg(table, 3, scaled, imputation, 0.0)
        check = co.is_nucleolus if imputation else co.is_prenucleolus
        assert ours == check(game, point)
    if any(step):
        assert not _three_players._kohlberg(table, 3, [int(12 * p) for p in moved], imputation, 0.0)


def test_a_failed_certificate_falls_back_to_the_lps(monkeypatch):
    monkeypatch.setattr(_three_players, "_kohlberg", lambda *args: False)
    result = co.nucleolus(co.majority_game(3))
    assert result.x.tolist() == [Fraction(1, 3)] * 3 and result.nit >= 1
    monkeypatch.setattr(_three_players, "_excesses", lambda v, n, x: {3: v[-1] + 1})
    least = co.least_core(co.majority_game(3))
    assert least.epsilon == Fraction(1, 3) and least.nit >= 1


def test_the_minimal_balanced_collections_are_balanced_and_all_there():
    # every player covered once (weights doubled: twice), and for three players exactly the
    # five minimal balanced collections of proper coalitions (Shapley 1967)
    for n, collections in _three_players._MINIMAL.items():
        for masks, doubled in collections:
            assert [sum(w for m, w in zip(masks, doubled) if m >> i & 1) for i in range(n)] == [
                2
            ] * n
            assert all(0 < m < (1 << n) - 1 for m in masks)
    # brute force: the subsets of proper coalitions with independent indicator vectors whose
    # (unique) weights covering every player once are all positive
    found = {frozenset(masks) for masks, _w in _three_players._MINIMAL[3]}
    minimal = set()
    for k in range(1, 4):
        for subset in itertools.combinations(range(1, 7), k):
            matrix = np.array([[m >> i & 1 for m in subset] for i in range(3)], dtype=float)
            if np.linalg.matrix_rank(matrix) < k:
                continue
            weights, *_ = np.linalg.lstsq(matrix, np.ones(3), rcond=None)
            if np.allclose(matrix @ weights, 1) and np.all(weights > 1e-9):
                minimal.add(frozenset(subset))
    assert found == minimal and len(_three_players._MINIMAL[3]) == 5
