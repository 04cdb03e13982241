"""Contract tests over every choice of every front door.

A front door is a public function (``coalitions.__all__`` or ``coalitions.approx.__all__``)
with a string selector keyword: ``method=``, ``rule=`` or ``solution=``. Its choices are read
from the library itself, from the ``InvalidArgumentError`` it raises for an unknown choice
(which lists the valid ones), so a new method is covered as soon as it exists; a front door
without a contract below fails ``test_every_front_door_has_a_contract``.

For every (front door, choice), on hypothesis inputs:

* the result has the contract fields (players, exact, concept, method, success, status,
  message; kebab-case labels; ``success``);
* it agrees with a brute-force oracle from ``tests/oracles.py`` (or
  ``tests/solutions/_core_oracles.py``) that shares no code with the solver: exactly for the
  exact choices, to 1e-9 for float arithmetic, and within ``SIGMAS`` standard errors for the
  sampling estimators (their documented accuracy, docs/explanation/sampling.md);
* it satisfies the concept's axioms (efficiency, symmetry, null player, monotonicity in
  weight, feasibility, Pareto optimality, stability, ...).
"""

from __future__ import annotations

import inspect
import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import oracles as orc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solutions._core_oracles import brute_force_core_vertices, brute_force_nucleolus
from solutions._kernel_oracles import brute_in_kernel, brute_in_prekernel
from strategies import (
    bargaining_problems,
    claims_problems,
    exact_games,
    float_games,
    games,
    hedonic_games,
    oracle_games,
    rational_tables,
    weighted_voting_games,
)

import coalitions as co
from coalitions.exceptions import InvalidArgumentError

SELECTORS = ("method", "rule", "solution")
LABEL = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
BOGUS = "no-such-choice"
#: Sampling estimates must lie within this many standard errors of the exact answer.
SIGMAS = 6
BUDGET = 3000
DEEP = 10 if os.environ.get("COALITIONS_TEST_PROFILE") == "deep" else 1
SHAPLEY_SAMPLERS = tuple(co.approx.SHAPLEY_SAMPLERS)
BANZHAF_SAMPLERS = tuple(co.approx.BANZHAF_SAMPLERS)
SAMPLERS = SHAPLEY_SAMPLERS + BANZHAF_SAMPLERS


def discovered_front_doors() -> dict[str, str]:
    """``{function name: selector keyword}`` for every public front door."""
    found = {}
    for module in (co, co.approx):
        for name in module.__all__:
            function = getattr(module, name)
            if not inspect.isfunction(function):
                continue
            if len(getattr(function, "methods", ())) == 1 and name not in CONTRACTS:
                continue  # one algorithm, nothing to dispatch (tests/test_dispatch_policy.py)
            parameters = inspect.signature(function).parameters
            for selector in SELECTORS:
                parameter = parameters.get(selector)
                if parameter is not None and (
                    parameter.default is None or isinstance(parameter.default, str)
                ):
                    found[name] = selector
    return found


# ------------------------------------------------------------------------------ helpers
def close(actual, expected, *, exact: bool, scale=1.0) -> bool:
    actual, expected = list(actual), list(expected)
    if len(actual) != len(expected):
        return False
    if exact:
        return actual == expected
    return np.allclose(
        np.asarray(actual, float),
        np.asarray([float(e) for e in expected]),
        rtol=1e-9,
        atol=1e-9 * (1 + float(scale)),
    )


def within_sigmas(result, expected, scale=1.0) -> None:
    error = np.abs(np.asarray(result.x, float) - np.asarray([float(e) for e in expected]))
    bound = SIGMAS * np.asarray(result.std_error, float) + 1e-9 * (1 + float(scale))
    assert np.all(error <= bound), (result.method, error, bound)


def table_of(game):
    values, n = orc.exact_table(game)
    return values, n, float(max((abs(v) for v in values), default=0))


def null_players(values, n):
    return [
        i
        for i in range(n)
        if all(values[m | 1 << i] == values[m] for m in range(1 << n) if not m >> i & 1)
    ]


def weighted_winning(game) -> tuple[int, set[int]]:
    """The winning masks from the weights and the quota (not from the game's own methods)."""
    weights, n = [Fraction(w) for w in game.weights], len(game.weights)
    quota = Fraction(game.quota)
    return n, {m for m in range(1 << n) if sum(weights[i] for i in range(n) if m >> i & 1) >= quota}


def assert_value_axioms(game, x, *, efficient: bool) -> None:
    """Efficiency (if ``efficient``), null player and symmetry, exactly or to 1e-9."""
    values, n, scale = table_of(game)
    exact = game.kind != "float"
    if efficient:
        assert close([sum(x)], [values[-1]], exact=exact, scale=scale * n)
    for i in null_players(values, n):
        assert close([x[i]], [0], exact=exact, scale=scale)
    for i, j in orc.symmetric_pairs_by_definition(values):
        assert close([x[i]], [x[j]], exact=exact, scale=scale)


def assert_power_axioms(game, x, *, total=None, dummy=0) -> None:
    """Dummies get ``dummy``, equal weights equal power, more weight no less power, and the
    normalised indices sum to ``total``."""
    n, winning = weighted_winning(game)
    x = [Fraction(v) if not isinstance(v, float) else v for v in x]
    exact = not any(isinstance(v, float) for v in x)
    for i in null_players([int(m in winning) for m in range(1 << n)], n):
        assert close([x[i]], [dummy], exact=exact)
    for i, j in itertools.combinations(range(n), 2):
        if game.weights[i] == game.weights[j]:
            assert close([x[i]], [x[j]], exact=exact)
        elif game.weights[i] > game.weights[j]:
            assert x[i] >= x[j] - (0 if exact else 1e-9)
    if total is not None:
        assert close([sum(x)], [total], exact=exact)


# ------------------------------------------------------------------------------ contracts
@dataclass(frozen=True)
class Contract:
    """How to exercise one front door: a fixed ``example`` input (to read the choices), a
    strategy of ``inputs`` per choice, the ``call`` and the ``check`` of its answer."""

    example: Any
    inputs: Callable[[str], Any]
    call: Callable[[Any, str], Any]
    check: Callable[[Any, Any, str], None]
    max_examples: int = 10
    #: False for front doors that answer with a plain list of names (the player roles)
    returns_result: bool = True


# --- values
def _sampler_options(choice):
    return {"budget": BUDGET, "rng": 0} if choice in SAMPLERS else {}


def _value_inputs(choice):
    return float_games(1, 4) if choice in SAMPLERS else games(1, 5)


def _check_value(oracle, *, efficient: bool):
    def check(game, result, choice):
        expected, scale = oracle(game), table_of(game)[2]
        if choice in SAMPLERS:
            assert not result.exact
            within_sigmas(result, expected, scale)
            return
        assert result.exact == (game.kind != "float")
        assert close(result.x, expected, exact=result.exact, scale=scale)
        assert_value_axioms(game, list(result.x), efficient=efficient)

    return check


def _check_interaction(game, result, choice):
    # pairs by discrete derivatives, singletons the Shapley value, and Faith-Shap efficient
    n, exact = game.n_players, game.kind != "float"
    scale = table_of(game)[2]
    pairs = orc.pair_interaction_by_definition(game)
    assert result.exact == exact
    for i in range(n):
        off = [result.matrix[i][j] for j in range(n) if j != i]
        assert close(off, [pairs[i][j] for j in range(n) if j != i], exact=exact, scale=scale)
    diagonal = [result.matrix[i][i] for i in range(n)]
    assert close(diagonal, orc.shapley_by_permutations(game), exact=exact, scale=scale)
    faith = co.interaction_index(game, kind="faith-shap", method=choice)
    total = sum(v for _, v in faith.interactions)
    assert close([total], [game.grand_value - game.values[0]], exact=exact, scale=scale)


def _check_estimate(case, result, choice, oracle):
    _, table = case
    assert not result.exact and result.method == choice
    within_sigmas(result, oracle(table), table_of(table)[2])


# --- nucleolus family
def _nucleolus_inputs(imputation: bool):
    tables = rational_tables(2, 4)
    if imputation:  # the nucleolus needs imputations: sum of v({i}) <= v(N)
        tables = tables.filter(lambda t: sum(t[0][1 << i] for i in range(t[1])) <= t[0][-1])
    return lambda choice: tables


def _check_nucleolus(kind):
    def check(table, result, choice):
        values, n = table
        x = list(result.x)
        assert result.exact and result.verified
        expected = brute_force_nucleolus(
            values, n, imputation=kind != "pre", per_capita=kind == "per-capita"
        )
        assert tuple(x) == expected
        assert sum(x) == values[-1]  # efficiency
        if kind != "pre":
            assert all(x[i] >= values[1 << i] for i in range(n))  # individually rational
        if brute_force_core_vertices(values, n):  # in a non-empty core
            assert all(
                sum(x[i] for i in range(n) if m >> i & 1) >= values[m] for m in range(1 << n)
            )
        for i, j in orc.symmetric_pairs_by_definition(values):
            assert x[i] == x[j]

    return check


# --- power indices
def _power_options(name, choice):
    options = _sampler_options(choice)
    if name == "banzhaf_index" and choice in SAMPLERS:
        options["normalized"] = False  # the estimators give the absolute index
    return options


def _power_inputs(choice):
    return weighted_voting_games(1, 5 if choice in SAMPLERS else 6)


def _check_index(oracle, *, total=None, dummy=0, sampled_oracle=None):
    def check(game, result, choice):
        n, winning = weighted_winning(game)
        if choice in SAMPLERS:
            assert not result.exact
            within_sigmas(result, (sampled_oracle or oracle)(n, winning))
            return
        # float, the window series and Leech's major-minor approximation (exact here: at most 6
        # members, all major)
        assert result.exact == (choice not in ("float", "window-series", "major-minor"))
        assert close(result.x, oracle(n, winning), exact=result.exact)
        assert_power_axioms(game, list(result.x), total=total, dummy=dummy)

    return check


def _check_counted(oracle, *, total=None, null_zero=True, weighted=False):
    """The indices without monotonicity in weight (the public good family, the indices of
    the winning coalitions containing a player): the oracle, symmetry, null players, sum."""

    def check(game, result, choice):
        n, winning = weighted_winning(game)
        expected = oracle(n, winning, game.weights) if weighted else oracle(n, winning)
        assert result.exact == (choice != "float")
        assert close(result.x, expected, exact=result.exact)
        x = list(result.x)
        if null_zero:
            for i in null_players([int(m in winning) for m in range(1 << n)], n):
                assert close([x[i]], [0], exact=result.exact)
        for i, j in itertools.combinations(range(n), 2):
            if game.weights[i] == game.weights[j]:
                assert close([x[i]], [x[j]], exact=result.exact)
        if total is not None:
            assert close([sum(x)], [total], exact=result.exact)

    return check


def _check_coalition_counts(game, result, choice):
    n, winning = weighted_winning(game)
    assert result.exact and list(result.x) == orc.containing_counts(n, winning)
    assert result.denominator == len(winning)


def _check_power_to_act(game, result, choice):
    n, winning = weighted_winning(game)
    assert result.exact == (choice != "float")
    assert close([result.value], [orc.coleman_act_by_definition(n, winning)], exact=result.exact)


def _check_risk(game, result, choice):
    n, winning = weighted_winning(game)
    expected = [
        Fraction(sum(1 for m in winning if not m >> i & 1), 1 << (n - 1)) for i in range(n)
    ]  # P(the body says yes | i says no)
    assert result.exact == (choice != "float")
    assert close(result.x, expected, exact=result.exact)
    assert all(0 <= r <= 1 for r in result.x)


def _check_power_table(game, result, choice):
    n, winning = weighted_winning(game)
    exact = choice != "float"
    assert result.exact == exact
    assert close(
        result.indices["shapley-shubik"], orc.shapley_shubik_by_orders(n, winning), exact=exact
    )
    assert close(
        result.indices["banzhaf"],
        orc.banzhaf_index_by_definition(n, winning, normalized=True),
        exact=exact,
    )
    assert close([result.power_to_act], [orc.coleman_act_by_definition(n, winning)], exact=exact)


# --- formation
def _check_structure(game, result, choice):
    best, optimal = orc.optimal_structure_by_enumeration(game)
    index = {p: i for i, p in enumerate(game.players)}
    blocks = frozenset(frozenset(index[p] for p in block) for block in result.structure)
    assert sorted(i for block in blocks for i in block) == list(range(game.n_players))
    assert result.upper_bound == result.value
    if game.kind == "float":  # the float search ("ip"): optimal up to rounding
        assert abs(result.value - float(best)) <= 1e-9 * (1 + abs(float(best)))
        return
    assert result.value == best and blocks in optimal
    assert result.value >= game.grand_value


@st.composite
def _clubs(draw):
    n = draw(st.integers(1, 6))
    # multiples of 1/8: products of up to six are exact in binary floating point
    probabilities = draw(st.lists(st.integers(1, 8).map(lambda k: k / 8), min_size=n, max_size=n))
    coverage = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    return probabilities, coverage


def _check_clubs(case, result, choice):
    p, s = case
    n = len(p)
    points = set()
    for mask in range(1, 1 << n):
        members = [i for i in range(n) if mask >> i & 1]
        points.add((sum(s[i] for i in members), float(np.prod([p[i] for i in members]))))
    frontier = sorted(
        a for a in points if not any(b != a and b[0] >= a[0] and b[1] >= a[1] for b in points)
    )
    found = sorted(zip(result.coverage.tolist(), result.efficiency.tolist()))
    assert [c for c, _ in found] == [c for c, _ in frontier]
    assert [a for _, a in found] == pytest.approx([a for _, a in frontier], rel=1e-12)
    for club, coverage, efficiency in zip(result.clubs, result.coverage, result.efficiency):
        members = [int(name) - 1 for name in club]
        assert coverage == sum(s[i] for i in members)
        assert efficiency == pytest.approx(float(np.prod([p[i] for i in members])), rel=1e-12)


STABLE = {
    "nash": orc.hedonic_nash_stable_by_definition,
    "individual": orc.hedonic_individually_stable_by_definition,
    "contractual": orc.hedonic_contractually_stable_by_definition,
}


def _check_dynamics(game, result, choice):
    index = {p: i for i, p in enumerate(game.players)}
    partition = [[index[p] for p in block] for block in result.partition]
    assert sorted(i for block in partition for i in block) == list(range(game.n_players))
    assert result.success is (result.stopping_reason == "stable")
    if result.stopping_reason == "stable":

        def utility(i, group):  # exactly: tiny utilities must not be rounded away
            if game.is_additively_separable:
                return sum(Fraction(game.separable_values[i][j]) for j in group if j != i)
            return Fraction(game.utility(game.players[i], [game.players[j] for j in group]))

        assert STABLE[choice](game.n_players, utility, partition)


# --- claims
CLAIMS_ORACLES = {
    "proportional": orc.proportional_by_definition,
    "cea": orc.cea_by_definition,
    "cel": orc.cel_by_definition,
    "talmud": orc.talmud_by_definition,
}


def _check_claims(problem, result, choice):
    estate, claims = problem
    exact = not isinstance(estate, float)
    expected = CLAIMS_ORACLES[choice](estate, claims)
    assert result.exact == exact
    assert close(result.x, expected, exact=exact, scale=sum(claims))
    tolerance = 0 if exact else 1e-9 * (1 + float(sum(claims)))
    assert abs(sum(result.x) - estate) <= tolerance  # efficiency
    for award, claim in zip(result.x, claims):
        assert -tolerance <= award <= claim + tolerance  # bounded by claims
    for i, j in itertools.combinations(range(len(claims)), 2):  # order preserving
        if claims[i] == claims[j]:
            assert abs(result.x[i] - result.x[j]) <= tolerance
        elif claims[i] < claims[j]:
            assert result.x[i] <= result.x[j] + tolerance


# --- axiomatic bargaining: a geometric oracle on the polygon of the problem
def _hull(problem) -> list[tuple[float, float]]:
    """The convex hull of the vertices, counter-clockwise (monotone chain)."""
    points = sorted({(float(a), float(b)) for a, b in np.asarray(problem.vertices, float)})

    def chain(ordered):
        out: list[tuple[float, float]] = []
        for p in ordered:
            while (
                len(out) >= 2
                and (
                    (out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                    - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])
                )
                <= 0
            ):
                out.pop()
            out.append(p)
        return out[:-1]

    return chain(points) + chain(points[::-1]) if len(points) > 1 else points


def _edges(hull):
    return list(zip(hull, hull[1:] + hull[:1]))


def _exit(hull, origin, direction) -> float:
    """The largest ``t >= 0`` with ``origin + t * direction`` on the hull's boundary."""
    (ox, oy), (dx, dy) = origin, direction
    best = 0.0
    for (x0, y0), (x1, y1) in _edges(hull):
        ex, ey = x1 - x0, y1 - y0
        denominator = dx * ey - dy * ex
        if abs(denominator) < 1e-15:
            continue
        t = ((x0 - ox) * ey - (y0 - oy) * ex) / denominator
        s = ((x0 - ox) * dy - (y0 - oy) * dx) / denominator
        if -1e-12 <= s <= 1 + 1e-12:
            best = max(best, t)
    return best


def _inside(hull, point, tolerance) -> bool:
    x, y = point
    return all(
        (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) >= -tolerance
        for (x0, y0), (x1, y1) in _edges(hull)
    )


def _bargaining_oracle(hull, choice):
    if choice == "nash":  # x*y is quadratic along an edge
        best = max(x * y for x, y in hull)
        for (x0, y0), (x1, y1) in _edges(hull):
            a = (x1 - x0) * (y1 - y0)
            if a < 0:
                s = -(x0 * (y1 - y0) + y0 * (x1 - x0)) / (2 * a)
                if 0 <= s <= 1:
                    best = max(best, (x0 + s * (x1 - x0)) * (y0 + s * (y1 - y0)))
        return "product", best
    if choice == "utilitarian":
        return "sum", max(x + y for x, y in hull)
    direction = (
        (1.0, 1.0)
        if choice == "egalitarian"
        else (max(x for x, _ in hull), max(y for _, y in hull))
    )
    t = _exit(hull, (0.0, 0.0), direction)
    return "point", (t * direction[0], t * direction[1])


def _check_bargaining(problem, result, choice):
    x, y = (float(v) for v in result.x)
    hull = _hull(problem)
    tolerance = 1e-7 * (1 + max(abs(c) for point in hull for c in point))
    assert x >= -tolerance and y >= -tolerance  # individually rational
    assert _inside(hull, (x, y), tolerance)  # feasible
    assert _exit(hull, (x, y), (1.0, 1.0)) <= tolerance  # weakly Pareto optimal
    if choice in ("nash", "utilitarian"):  # Pareto optimal
        assert _exit(hull, (x, y), (1.0, 0.0)) <= tolerance
        assert _exit(hull, (x, y), (0.0, 1.0)) <= tolerance
    kind, expected = _bargaining_oracle(hull, choice)
    if kind == "product":
        assert x * y == pytest.approx(expected, rel=1e-7, abs=1e-9)
    elif kind == "sum":
        assert x + y == pytest.approx(expected, rel=1e-9, abs=1e-9)
    else:
        assert (x, y) == pytest.approx(expected, rel=1e-7, abs=1e-9)


@st.composite
def _bf_games(draw, choice):
    """A Baron-Ferejohn game for ``choice``: (players, keyword arguments)."""
    n = draw(st.integers(2 if choice == "closed-form" else 3, 5))
    raw = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    options: dict[str, Any] = {
        "discount_factors": [Fraction(draw(st.integers(5, 19)), 20) for _ in range(n)],
        "recognition": [Fraction(k, sum(raw)) for k in raw],
        "quota": draw(st.integers(2, n)),
    }
    if choice == "closed-form":  # symmetric, or unanimity with any parameters
        if draw(st.booleans()):
            options = {"discount_factors": options["discount_factors"][0], "quota": 2}
        else:
            options["quota"] = "unanimity"
    if choice in ("threshold", "auto") and draw(st.booleans()):
        options["veto"] = [str(draw(st.integers(1, n)))]
    if choice == "coalitions":
        options["weights"] = draw(st.lists(st.integers(1, 4), min_size=n, max_size=n))
        options["quota"] = "majority"
    return n, options


def _check_baron_ferejohn(case, result, choice):
    """The stationary-equilibrium conditions by brute force over coalitions: each proposer
    keeps the surplus less the cheapest passing coalition at the partners' discounted
    values, and each value is the expected receipt ``sum_i p_i offers[i, j]``."""
    n, options = case
    delta = options["discount_factors"]
    delta = delta if isinstance(delta, list) else [delta] * n
    p = options.get("recognition", [Fraction(1, n)] * n)
    weights = options.get("weights", [1] * n)
    total = sum(weights)
    need = {"majority": total // 2 + 1, "unanimity": total}.get(options["quota"], options["quota"])
    veto = {int(k) - 1 for k in options.get("veto", ())}
    v = [float(x) for x in result.x]
    price = [float(delta[j]) * v[j] for j in range(n)]
    coalitions = [
        set(c)
        for size in range(1, n + 1)
        for c in itertools.combinations(range(n), size)
        if veto <= set(c) and sum(weights[k] for k in c) >= need
    ]
    assert abs(sum(v) - 1) < 1e-9
    for i in range(n):
        least = min(sum(price[j] for j in c if j != i) for c in coalitions if i in c)
        assert abs(float(result.proposer_shares[i]) - (1 - least)) < 1e-8
    for j in range(n):
        receipt = sum(float(p[i]) * float(result.offers[i, j]) for i in range(n))
        assert abs(v[j] - receipt) < 1e-8
    if choice != "auto":
        assert result.method == choice


def _check_roles(game, result, role):
    """Null or dummy members of a weighted game against the definition over its 2**n
    coalitions (marginal contributions of the 0/1 game)."""
    n, winning = weighted_winning(game)
    wins = set(winning)

    def gain(i, s):
        return int((s | 1 << i) in wins) - int(s in wins)

    expected = [
        game.players[i]
        for i in range(n)
        if all(
            gain(i, s) == (0 if role == "null" else int((1 << i) in wins))
            for s in range(1 << n)
            if not s >> i & 1
        )
    ]
    assert result == expected


WVG = co.WeightedVotingGame(3, [2, 1, 1])
TERNARY = co.ternary_weighted_game(3, [2, 1, 1], abstention="half")


@st.composite
def _ternary_games(draw):
    n = draw(st.integers(1, 4))
    yes = [draw(st.integers(1, 4)) for _ in range(n)]
    abstain = [draw(st.integers(0, y)) for y in yes]
    no = [draw(st.integers(0, a)) for a in abstain]
    if sum(yes) == sum(no):
        yes[0] += 1
    return co.WeightedTernaryGame(draw(st.integers(sum(no) + 1, sum(yes))), yes, abstain, no)


def _ternary(name):
    """A measure of ternary games against the 3**n profiles (tests/oracles.py)."""
    function = getattr(co, name)

    def check(game, result, choice):
        passing, eta, block, initiate = orc.ternary_by_definition(game.int_levels, game.int_quota)
        n = game.n_players
        assert result.exact
        if name == "ternary_power_to_act":
            assert result.value == Fraction(passing, 3**n)
        elif name == "ternary_power_to_block":
            assert list(result.x) == [Fraction(b, passing) for b in block]
        elif name == "ternary_power_to_initiate":
            assert list(result.x) == [Fraction(b, 3**n - passing) for b in initiate]
        else:
            assert list(result.indices["banzhaf-absolute"]) == [
                Fraction(e, 3 ** (n - 1)) for e in eta
            ]
            assert sum(result.indices["shapley-shubik"]) == 1

    return Contract(
        TERNARY, lambda choice: _ternary_games(), lambda g, c: function(g, method=c), check
    )


GLOVE = co.glove_game(["L"], ["R1", "R2"])
PIE = co.BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]])


def _power(name, check):
    function = getattr(co, name)
    return Contract(
        WVG,
        _power_inputs,
        lambda game, choice: function(game, method=choice, **_power_options(name, choice)),
        check,
    )


def _estimator(function, oracle):
    return Contract(
        (GLOVE, GLOVE),
        lambda choice: oracle_games(1, 4),
        lambda case, choice: function(case[0], method=choice, budget=BUDGET, rng=0),
        lambda case, result, choice: _check_estimate(case, result, choice, oracle),
    )


VOTING = "constraint-generation"  # weighted voting games only, without the 2**n table


class _VotingTable(tuple):
    """A weighted voting game's ``(values, n)`` table, with the game as ``.game``."""

    game: Any


@st.composite
def _voting_tables(draw, imputation: bool):
    n = draw(st.integers(2, 4))  # the brute-force oracle's size, as for the tables
    weights = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n).filter(any))
    game = co.WeightedVotingGame(draw(st.integers(1, sum(weights))), weights)
    values = [Fraction(int(v)) for v in game.to_tu_game().values]
    if imputation and sum(values[1 << i] for i in range(n)) > values[-1]:
        game = co.WeightedVotingGame(sum(weights), weights)  # unanimity: one imputation set
        values = [Fraction(int(v)) for v in game.to_tu_game().values]
    table = _VotingTable((values, n))
    table.game = game
    return table


def _table_or_voting(imputation: bool):
    tables = _nucleolus_inputs(imputation)
    return lambda choice: _voting_tables(imputation) if choice == VOTING else tables(choice)


def _game_of(table, choice):
    return table.game if choice == VOTING else co.TUGame(table[0])


def _nucleolus(name, kind):
    function = getattr(co, name)
    return Contract(
        (list(GLOVE.values), 3),
        _table_or_voting(kind != "pre"),
        lambda table, choice: function(_game_of(table, choice), method=choice),
        _check_nucleolus(kind),
        max_examples=8,
    )


def _check_least_core(table, result, choice):
    # the prenucleolus (brute force) lies in the least core: its largest excess is epsilon
    values, n = table
    pre = brute_force_nucleolus(values, n, imputation=False)
    proper = range(1, (1 << n) - 1)

    def top(x):
        return max(values[m] - sum(x[i] for i in range(n) if m >> i & 1) for m in proper)

    epsilon = top(pre) if n > 1 else 0
    assert result.exact and result.verified and result.epsilon == epsilon
    x = list(result.x)
    assert sum(x) == values[-1] and (n == 1 or top(x) == epsilon)


def _sensitivity_inputs(choice):
    return st.lists(st.floats(-3, 3).filter(lambda c: abs(c) > 1e-2), min_size=1, max_size=3)


def _sensitivity_call(coefficients, choice):
    assumptions = [co.Assumption(f"a{i}", 0.0, -1.0, 1.0) for i in range(len(coefficients))]

    def model(**values):
        y = sum(c * values[f"a{i}"] for i, c in enumerate(coefficients))
        return {"y": y, "positive": y > 0}

    return co.sensitivity(model, assumptions, method=choice, samples=64, sweep_points=5, rng=0)


def _check_sensitivity(coefficients, result, choice):
    # a linear term's one-at-a-time swing is |c| times the width 2; the range is within sum |c|
    swings = sorted((2 * abs(c) for c in coefficients), reverse=True)
    assert [row["swing"] for row in result.tornado["y"]] == pytest.approx(swings)
    bound = sum(abs(c) for c in coefficients) + 1e-12
    assert -bound <= result.ranges["y"]["min"] <= result.ranges["y"]["max"] <= bound
    assert sum(result.shares["positive"].values()) == pytest.approx(1.0)
    assert (result.sobol is not None) == (choice == "sobol")


@st.composite
def _uncertain_games(draw, convex=False):
    """A 2- or 3-player exact game (``convex``: v(S) = w(S)**2, where every sampled solution
    exists) and intervals on two of its coalitions."""
    n = draw(st.integers(2, 3))
    if convex:
        weights = draw(st.lists(st.integers(1, 4), min_size=n, max_size=n))
        worths = [
            sum(w for i, w in enumerate(weights) if m >> i & 1) ** 2 for m in range(1, 1 << n)
        ]
    else:
        worths = draw(st.lists(st.integers(-4, 9), min_size=(1 << n) - 1, max_size=(1 << n) - 1))
    game = co.TUGame([0, *worths])
    masks = draw(st.lists(st.integers(1, (1 << n) - 1), min_size=2, max_size=2, unique=True))
    widths = draw(st.lists(st.integers(0, 1 if convex else 4), min_size=2, max_size=2))
    intervals = {
        tuple(p for i, p in enumerate(game.players) if m >> i & 1): (
            game.values[m] - w,
            game.values[m] + w,
        )
        for m, w in zip(masks, widths)
    }
    return game, intervals


def _solution_sensitivity_call(case, choice):
    game, intervals = case
    linear = choice in co.analysis.solutions.LINEAR_SOLUTIONS
    return co.solution_sensitivity(
        game, solution=choice, intervals=intervals, n_samples=16 if linear else 4, rng=0
    )


def _check_solution_sensitivity(case, result, choice):
    # oracle: the library's solver on the corner games of the box (a linear value reaches
    # its range at the corners) and on the midpoint game
    game, intervals = case
    solver = {
        "shapley": co.shapley_value,
        "banzhaf": co.banzhaf_value,
        "solidarity": co.solidarity_value,
        "equal-division": co.equal_division,
        "equal-surplus-division": co.equal_surplus_division,
        "ensc": co.ensc_value,
        "least-squares": co.least_squares_value,
    }.get(choice)
    linear = solver is not None
    assert result.method == ("exact" if linear else "monte-carlo")
    x, low, high = (np.asarray(a, float) for a in (result.x, result.low, result.high))
    assert np.all(low <= x + 1e-9) and np.all(x <= high + 1e-9)
    for values in result.quantiles.values():
        assert np.all(low - 1e-9 <= values) and np.all(values <= high + 1e-9)
    if not linear:
        assert result.n_failed < result.n_samples and not result.exact
        return
    corners = []
    for ends in itertools.product(*intervals.values()):
        table = list(game.values)
        for coalition, end in zip(intervals, ends):
            table[game.mask(coalition)] = end
        corners.append(list(solver(co.TUGame(table, game.players)).x))
    table = list(game.values)
    for coalition, (a, b) in intervals.items():
        table[game.mask(coalition)] = Fraction(a + b, 2)
    assert result.exact
    assert list(result.x) == list(solver(co.TUGame(table, game.players)).x)
    assert list(result.low) == [min(c[i] for c in corners) for i in range(game.n_players)]
    assert list(result.high) == [max(c[i] for c in corners) for i in range(game.n_players)]
    assert np.all(np.asarray(result.std) <= (high - low) / 2 + 1e-12)


def _a_posteriori_inputs(choice):
    p = st.lists(st.fractions(0, 1, max_denominator=5), min_size=5, max_size=5)
    return st.tuples(weighted_voting_games(max_players=5), p)


def _a_posteriori(name):
    function = getattr(co, name)

    def call(case, choice):
        game, p = case
        options = {"budget": 20000, "rng": 0} if choice == "copula-sampling" else {}
        return function(game, p[: game.n_players], method=choice, **options)

    def check(case, result, choice):
        game, p = case
        expected = getattr(co, name)(game, p[: game.n_players], method="enumeration").x
        if choice == "copula-sampling":
            error = 6 * np.asarray(result.std_error) + 2e-3
            assert np.all(np.abs(result.x - np.array(expected, dtype=float)) <= error)
        else:
            assert result.x.tolist() == expected.tolist()

    return Contract((WVG, [Fraction(1, 2)] * 3), _a_posteriori_inputs, call, check)


def _a_posteriori_table_contract():
    def call(case, choice):
        game, p = case
        return co.a_posteriori_table(game, p[: game.n_players], method=choice)

    def check(case, result, choice):
        game, p = case
        for name in ("decisiveness", "success"):
            expected = getattr(co, name)(game, p[: game.n_players], method="enumeration").x
            assert result.indices[name].tolist() == expected.tolist()

    return Contract((WVG, [Fraction(1, 2)] * 3), _a_posteriori_inputs, call, check)


@st.composite
def _two_chambers(draw):
    """Two chambers that must each agree by majority: not weighted once each has 3 members."""
    a, b = draw(st.integers(3, 6)), draw(st.integers(3, 6))
    lower = co.WeightedVotingGame(a // 2 + 1, [1] * a + [0] * b)
    upper = co.WeightedVotingGame(b // 2 + 1, [0] * a + [1] * b)
    return lower & upper


def _weightedness_contract():
    def inputs(choice):
        chambers = _two_chambers()
        if choice == "trade-search":
            return chambers
        return st.one_of(weighted_voting_games(max_players=6), chambers)

    def call(game, choice):
        return co.weighted_representation(game, method=choice)

    def check(game, result, choice):
        table = np.asarray(game.winning_table(), dtype=bool)
        if result.value:
            found = co.WeightedVotingGame(result.quota, list(result.weights), list(game.players))
            assert np.array_equal(np.asarray(found.winning_table(), dtype=bool), table)
            return
        winning, losing = result.trading_transform
        xs = [c for c, k in winning for _ in range(k)]
        ys = [c for c, k in losing for _ in range(k)]
        assert all(game.is_winning(set(c)) for c in xs)
        assert not any(game.is_winning(set(c)) for c in ys)
        # every member at least as often among the losing coalitions
        for p in game.players:
            assert sum(p in c for c in ys) >= sum(p in c for c in xs)

    return Contract(WVG, inputs, call, check)


def _bloc_gains_inputs(choice):
    return st.tuples(
        weighted_voting_games(max_players=4), st.sampled_from(["owen", "banzhaf-owen"])
    )


def _bloc_gains_call(case, choice):
    game, index = case
    return co.bloc_gains(game, max_size=3, index=index, method=choice)


def _check_bloc_gains(case, result, choice):
    game, index = case
    values = game.to_tu_game()
    oracle = orc.owen_by_orders if index == "owen" else orc.banzhaf_owen_by_definition
    alone = oracle(values, [])
    assert result.exact and len(result.blocs) == sum(
        len(list(itertools.combinations(range(game.n_players), k))) for k in (2, 3)
    )
    for bloc, before, after, gain in zip(
        result.blocs, result.without_bloc, result.with_bloc, result.gains
    ):
        members = [game.players.index(p) for p in bloc]
        together = oracle(values, [members])
        assert before == tuple(alone[i] for i in members)
        assert after == tuple(together[i] for i in members)
        assert gain == tuple(a - b for a, b in zip(after, before))


def _kernel(name):
    function = getattr(co, name)
    oracle = brute_in_kernel if name == "kernel" else brute_in_prekernel

    def check(table, result, choice):
        values, n = table
        assert result.exact and result.verified and result.method == choice
        assert oracle(values, n, list(result.x))

    return Contract(
        (list(GLOVE.values), 3),
        _nucleolus_inputs(name == "kernel"),
        lambda table, choice: function(co.TUGame(table[0]), method=choice),
        check,
        max_examples=8,
    )


def _partition_function_games():
    """Symmetric partition-function games of 2 to 5 players with small integer worths."""

    @st.composite
    def build(draw):
        n = draw(st.integers(2, 5))
        worths = draw(st.lists(st.integers(-5, 9), min_size=12, max_size=12))
        return co.PartitionFunctionGame.symmetric(
            lambda size, sizes: worths[(7 * size + 3 * len(sizes) + sizes[0]) % 12], n
        )

    return build()


def _check_stable_partitions(game, result, choice):
    # the checker is the oracle: each listed partition is stable, and both methods agree
    for partition in result.partitions:
        assert co.partition_stability(game, partition).open_membership
    other = "partitions" if result.method == "types" else "types"
    again = co.stable_partitions(game, rule="open-membership", method=other)
    assert set(again.types) == set(result.types)


def _check_mpw(game, result, choice):
    grand = list(game.players)
    assert sum(result.x) == game.value(grand, [grand])  # efficiency
    assert len(set(result.x)) == 1  # symmetry
    assert list(result.x) == list(co.shapley_value(co.mpw_average_game(game)).x)


# --- Public Good indices with a priori unions (the first two players form a union)
def _union_of(game):
    return [list(game.players[:2])]


def _check_union_pgi(kind):
    """The quotient game's PGI by definition (the union and the others alone): the union
    index shares it by the unions' sizes, the others give each union its quotient PGI; all
    sum to one, equal weights inside the union get equal power."""

    def check(game, result, choice):
        n, winning = weighted_winning(game)
        blocks = [list(range(min(2, n)))] + [[i] for i in range(2, n)]
        bits = [sum(1 << i for i in b) for b in blocks]
        quotient = {
            r
            for r in range(1 << len(blocks))
            if sum(bits[k] for k in range(len(blocks)) if r >> k & 1) in winning
        }
        pgi = orc.holler_by_definition(len(blocks), quotient)
        x = list(result.x)
        assert result.exact and sum(x) == 1
        if kind == "union":
            total = sum(len(b) * p for b, p in zip(blocks, pgi))
            assert x == [pgi[k] / total for k, b in enumerate(blocks) for _ in b]
        else:
            assert [sum(x[i] for i in b) for b in blocks] == pgi
        if n >= 2 and game.weights[0] == game.weights[1]:
            assert x[0] == x[1]

    return check


def _union_pgi(name, kind, **options):
    function = getattr(co, name)
    return Contract(
        WVG,
        lambda choice: weighted_voting_games(1, 6),
        lambda game, choice: function(game, _union_of(game), method=choice, **options),
        _check_union_pgi(kind),
    )


CONTRACTS: dict[str, Contract] = {
    "decisiveness": _a_posteriori("decisiveness"),
    "success": _a_posteriori("success"),
    "a_posteriori_table": _a_posteriori_table_contract(),
    "weighted_representation": _weightedness_contract(),
    "bloc_gains": Contract((WVG, "owen"), _bloc_gains_inputs, _bloc_gains_call, _check_bloc_gains),
    "sensitivity": Contract(
        [1.0, -2.0],
        _sensitivity_inputs,
        _sensitivity_call,
        _check_sensitivity,
    ),
    "solution_sensitivity": Contract(
        (GLOVE, {("L", "R1"): (0, 2)}),
        lambda choice: _uncertain_games(choice in co.analysis.solutions.SAMPLED_SOLUTIONS),
        _solution_sensitivity_call,
        _check_solution_sensitivity,
        max_examples=4,
    ),
    "shapley_value": Contract(
        GLOVE,
        _value_inputs,
        lambda game, choice: co.shapley_value(game, method=choice, **_sampler_options(choice)),
        _check_value(orc.shapley_by_permutations, efficient=True),
    ),
    "interaction_index": Contract(
        GLOVE,
        lambda choice: float_games(2, 5) if choice == "size-sums" else games(2, 5),
        lambda game, choice: co.interaction_index(game, method=choice),
        _check_interaction,
    ),
    "banzhaf_value": Contract(
        GLOVE,
        _value_inputs,
        lambda game, choice: co.banzhaf_value(game, method=choice, **_sampler_options(choice)),
        _check_value(orc.banzhaf_by_definition, efficient=False),
    ),
    "shapley_estimate": _estimator(co.approx.shapley_estimate, orc.shapley_by_permutations),
    "banzhaf_estimate": _estimator(co.approx.banzhaf_estimate, orc.banzhaf_by_definition),
    "nucleolus": _nucleolus("nucleolus", "nucleolus"),
    "prenucleolus": _nucleolus("prenucleolus", "pre"),
    "least_core": Contract(
        (list(GLOVE.values), 3),
        _table_or_voting(False),
        lambda table, choice: co.least_core(_game_of(table, choice), method=choice),
        _check_least_core,
        max_examples=8,
    ),
    "per_capita_nucleolus": _nucleolus("per_capita_nucleolus", "per-capita"),
    "prekernel": _kernel("prekernel"),
    "kernel": _kernel("kernel"),
    "shapley_shubik_index": _power(
        "shapley_shubik_index", _check_index(orc.shapley_shubik_by_orders, total=1)
    ),
    "banzhaf_index": _power(
        "banzhaf_index",
        _check_index(
            lambda n, w: orc.banzhaf_index_by_definition(n, w, normalized=True),
            total=1,
            sampled_oracle=lambda n, w: orc.banzhaf_index_by_definition(n, w, normalized=False),
        ),
    ),
    "coleman_power_to_act": _power("coleman_power_to_act", _check_power_to_act),
    "ternary_power_to_act": _ternary("ternary_power_to_act"),
    "ternary_power_to_block": _ternary("ternary_power_to_block"),
    "ternary_power_to_initiate": _ternary("ternary_power_to_initiate"),
    "ternary_power_table": _ternary("ternary_power_table"),
    "coleman_power_to_initiate": _power(
        "coleman_power_to_initiate", _check_index(orc.coleman_initiate_by_definition)
    ),
    "coleman_power_to_prevent": _power(
        "coleman_power_to_prevent", _check_index(orc.coleman_prevent_by_definition)
    ),
    "rae_index": _power("rae_index", _check_index(orc.rae_by_definition, dummy=Fraction(1, 2))),
    "risk_of_being_outvoted": _power("risk_of_being_outvoted", _check_risk),
    "holler_index": _power("holler_index", _check_counted(orc.holler_by_definition, total=1)),
    "union_public_good_index": _union_pgi("union_public_good_index", "union"),
    "solidarity_public_good_index": _union_pgi("solidarity_public_good_index", "shares"),
    "threat_public_good_index": _union_pgi("threat_public_good_index", "shares", threat=3),
    "deegan_packel_index": _power(
        "deegan_packel_index", _check_counted(orc.deegan_packel_by_definition, total=1)
    ),
    "felsenthal_index": _power(
        "felsenthal_index", _check_counted(orc.felsenthal_by_definition, total=1)
    ),
    "colomer_martinez_index": _power(
        "colomer_martinez_index",
        _check_counted(orc.colomer_martinez_by_definition, total=1, weighted=True),
    ),
    "null_player_free_f_index": _power(
        "null_player_free_f_index",
        _check_counted(orc.null_player_free_f_by_definition, total=1),
    ),
    "null_player_free_g_index": _power(
        "null_player_free_g_index",
        _check_counted(orc.null_player_free_g_by_definition, total=1),
    ),
    "public_help_index": _power(
        "public_help_index",
        _check_counted(orc.public_help_by_definition, total=1, null_zero=False),
    ),
    "public_help_xi_index": _power(
        "public_help_xi_index",
        _check_counted(orc.public_help_xi_by_definition, total=1, null_zero=False),
    ),
    "koenig_braeuninger_index": _power(
        "koenig_braeuninger_index",
        _check_counted(orc.koenig_braeuninger_by_definition, null_zero=False),
    ),
    "nevison_index": _power(
        "nevison_index", _check_counted(orc.nevison_by_definition, null_zero=False)
    ),
    "barua_chakravarty_sarkar_index": _power(
        "barua_chakravarty_sarkar_index",
        _check_counted(orc.barua_chakravarty_sarkar_by_definition),
    ),
    "coalition_counts": _power("coalition_counts", _check_coalition_counts),
    "null_players": Contract(
        WVG,
        _power_inputs,
        lambda game, choice: co.null_players(game, method=choice),
        lambda game, result, choice: _check_roles(game, result, "null"),
        returns_result=False,
    ),
    "dummy_players": Contract(
        WVG,
        _power_inputs,
        lambda game, choice: co.dummy_players(game, method=choice),
        lambda game, result, choice: _check_roles(game, result, "dummy"),
        returns_result=False,
    ),
    "power_indices": _power("power_indices", _check_power_table),
    "optimal_coalition_structure": Contract(
        GLOVE,
        lambda choice: float_games(1, 5) if choice == "ip" else exact_games(1, 5),
        lambda game, choice: co.optimal_coalition_structure(game, method=choice),
        _check_structure,
    ),
    "club_frontier": Contract(
        ([0.5, 0.5], [1, 1]),
        lambda choice: _clubs(),
        lambda case, choice: co.club_frontier(*case, method=choice),
        _check_clubs,
    ),
    "best_response_dynamics": Contract(
        co.HedonicGame.additively_separable([[0, 1], [1, 0]]),
        lambda choice: hedonic_games(),
        lambda game, choice: co.best_response_dynamics(game, rule=choice, atol=0),
        _check_dynamics,
    ),
    "stable_partitions": Contract(
        co.PartitionFunctionGame.cournot(3),
        lambda choice: _partition_function_games(),
        lambda game, choice: co.stable_partitions(game, rule="open-membership", method=choice),
        _check_stable_partitions,
    ),
    "mpw_value": Contract(
        co.PartitionFunctionGame.cournot(3),
        lambda choice: _partition_function_games(),
        lambda game, choice: co.mpw_value(game, method=choice),
        _check_mpw,
    ),
    "claims_rule": Contract(
        (10, [5, 10]),
        lambda choice: claims_problems(),
        lambda problem, choice: co.claims_rule(*problem, rule=choice),
        _check_claims,
    ),
    "bargaining_solution": Contract(
        PIE,
        lambda choice: bargaining_problems(),
        lambda problem, choice: co.bargaining_solution(problem, method=choice),
        _check_bargaining,
    ),
    "baron_ferejohn": Contract(
        (5, {}),
        _bf_games,
        lambda case, choice: co.baron_ferejohn(case[0], **case[1], method=choice),
        _check_baron_ferejohn,
        max_examples=5,
    ),
}


def choices(name: str) -> tuple[str, ...]:
    """The valid choices of a front door, as its error for an unknown choice lists them."""
    contract = CONTRACTS[name]
    try:
        contract.call(contract.example, BOGUS)
    except InvalidArgumentError as error:
        listed = str(error).split("valid", 1)[-1]
        found = tuple(re.findall(r"'([^']+)'", listed))
        if found:
            return found
    except Exception:
        pass
    return ()


CHOICES = {name: choices(name) for name in CONTRACTS if name in discovered_front_doors()}
CASES = [(name, choice) for name, listed in CHOICES.items() for choice in listed]


def test_every_front_door_has_a_contract():
    assert set(discovered_front_doors()) == set(CONTRACTS), (
        "add a Contract for each new front door (and drop those of removed ones)"
    )


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_every_front_door_lists_its_choices(name):
    assert CHOICES.get(name), (
        f"{name}({BOGUS!r}) must raise InvalidArgumentError listing the valid choices"
    )


def assert_result_contract(result, choice: str) -> None:
    for field in ("players", "exact", "concept", "method", "success", "status", "message"):
        assert hasattr(result, field), field
    assert isinstance(result.players, tuple) and isinstance(result.exact, bool)
    assert result.success is (result.status == 0)
    assert result.success or result.message, "a failure says why"
    assert LABEL.match(result.concept), result.concept
    assert LABEL.match(result.method), result.method
    if choice in SAMPLERS:
        assert result.method == choice


@pytest.mark.parametrize("name, choice", CASES, ids=[f"{n}[{c}]" for n, c in CASES])
def test_every_choice_keeps_the_contract(name, choice):
    contract = CONTRACTS[name]

    @settings(
        max_examples=contract.max_examples * DEEP,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=contract.inputs(choice))
    def run(case):
        result = contract.call(case, choice)
        if contract.returns_result:
            assert_result_contract(result, choice)
            assert result.success or name == "best_response_dynamics", result.message
        contract.check(case, result, choice)

    run()
