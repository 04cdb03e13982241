"""Coalition structure generation: IDP and the anytime IP search (issue 17, item 7).

Oracles: the optimal worth by recursive enumeration of partitions in exact arithmetic
(tests/oracles.py, no code shared with the solvers) and the plain DP; the IDP split rule is
checked on its own against every integer partition; hand examples with known answers.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import oracles as orc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions._partitions import integer_partitions
from coalitions.exceptions import InvalidArgumentError, TooLargeError
from coalitions.formation import optimal_coalition_structure, structures
from coalitions.formation._csg import SubsetTable, anytime_search, idp_part_sizes

METHODS = ("dp", "idp", "ip")


def _float_game(n: int, seed: int, style: str) -> co.TUGame:
    rng = np.random.default_rng(seed)
    size = np.array([bin(m).count("1") for m in range(1 << n)], dtype=float)
    if style == "ties":  # small integers: many optimal structures, exact float sums
        values = rng.integers(-3, 4, size=1 << n).astype(float)
    elif style == "negative":
        values = size * rng.normal(0.0, 1.0, size=1 << n)
    elif style == "normal":  # v(C) = |C| N(1, 0.1), as in the IP papers
        values = size * rng.normal(1.0, 0.1, size=1 << n)
    else:  # "uniform": v(C) = |C| U(0, 1)
        values = size * rng.random(1 << n)
    values[0] = 0.0
    return co.TUGame(values, players=[f"p{i}" for i in range(n)])


def _is_partition(game, result) -> bool:
    members = sorted(p for block in result.structure for p in block)
    return members == sorted(game.players)


STYLES = st.sampled_from(["ties", "negative", "normal", "uniform"])


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 7), seed=st.integers(0, 2**32 - 1), style=STYLES)
def test_every_method_finds_the_optimum_of_the_enumeration_oracle(n, seed, style):
    game = _float_game(n, seed, style)
    best, _ = orc.optimal_structure_by_enumeration(game)
    for method in METHODS:
        result = optimal_coalition_structure(game, method=method)
        assert _is_partition(game, result), method
        assert result.value == pytest.approx(float(best), abs=1e-9), method
        assert result.value == pytest.approx(sum(result.coalition_values), abs=1e-12)
        assert result.success and result.upper_bound == result.value and result.gap == 0


@settings(max_examples=12, deadline=None)
@given(n=st.integers(8, 10), seed=st.integers(0, 2**32 - 1), style=STYLES)
def test_idp_and_ip_equal_dp_on_larger_games(n, seed, style):
    game = _float_game(n, seed, style)
    dp = optimal_coalition_structure(game, method="dp").value
    for method in ("idp", "ip"):
        result = optimal_coalition_structure(game, method=method)
        assert _is_partition(game, result)
        assert result.value == pytest.approx(dp, abs=1e-9 * (1 + abs(dp))), method
        assert result.method == method


@settings(max_examples=10, deadline=None)
@given(n=st.integers(6, 10), seed=st.integers(0, 2**32 - 1), style=STYLES, data=st.data())
def test_every_search_round_is_exact(n, seed, style, data):
    """Start the search with m exact layers, stop its first round at once (budget 0) and let
    the round with m + 1 layers run to the end: its answer must be the optimum."""
    game = _float_game(n, seed, style)
    values = np.asarray(game.values, dtype=float)
    dp = optimal_coalition_structure(game, method="dp").value
    first = data.draw(st.integers(1, n // 2 - 1))
    outcome = anytime_search(
        SubsetTable(values, n),
        exact_layers=first,
        budgets=lambda m: 0.0 if m == first else math.inf,
    )
    assert outcome.proven and outcome.value == pytest.approx(dp, abs=1e-9 * (1 + abs(dp)))
    assert sum(values[mask] for mask in outcome.masks) == pytest.approx(outcome.value)
    union = 0
    for mask in outcome.masks:
        union |= mask
    assert union == sum(outcome.masks) == (1 << n) - 1  # disjoint, covering
    assert outcome.upper_bound == outcome.value


@settings(max_examples=15, deadline=None)
@given(n=st.integers(1, 6), seed=st.integers(0, 2**32 - 1))
def test_idp_is_exact_on_exact_games(n, seed):
    game = co.random_game(n, rng=seed, kind="exact", low=-5, high=10)
    best, optimal = orc.optimal_structure_by_enumeration(game)
    result = optimal_coalition_structure(game, method="idp")
    assert result.exact and result.value == best and result.upper_bound == best
    index = {p: i for i, p in enumerate(game.players)}
    assert frozenset(frozenset(index[p] for p in b) for b in result.structure) in optimal


@cache
def _chained(parts: tuple[int, ...], n: int, strict: bool = False) -> bool:
    """Whether a coalition made of blocks of these sizes reaches them by evaluated splits:
    IDP's (or, with ``strict``, IDP's without the unbalanced splits of the grand coalition)."""
    if len(parts) == 1:
        return True
    k = sum(parts)
    allowed = set(idp_part_sizes(k, n))
    if strict and k == n:
        allowed = {t for t in allowed if max(t, n - t) <= (2 * n) // 3}
    for pick in range(1, (1 << len(parts)) - 1, 2):  # proper, holding the first block
        left = tuple(p for i, p in enumerate(parts) if pick >> i & 1)
        right = tuple(p for i, p in enumerate(parts) if not pick >> i & 1)
        if sum(left) in allowed and _chained(left, n, strict) and _chained(right, n, strict):
            return True
    return False


@pytest.mark.parametrize("n", [2, 5, 9, 12, 13])
def test_idp_splits_reach_every_integer_partition(n):
    """Rahwan and Jennings (2008): with IDP's splits every partition of the grand coalition
    is a chain of evaluated splits, so f(N) is optimal although f(S) of larger S is not."""
    assert all(_chained(parts, n) for parts in integer_partitions(n))
    assert idp_part_sizes(n - 1, n) == [] and idp_part_sizes(n, n) == list(range(1, n))
    if n >= 5:  # the check can fail: drop the grand coalition's unbalanced splits
        assert not _chained((n - 1, 1), n, strict=True)


def test_hand_examples():
    # pairs are worth 1, every other coalition 0: seven players make three pairs
    values = [1.0 if bin(m).count("1") == 2 else 0.0 for m in range(1 << 7)]
    game = co.TUGame(values)
    for method in ("ip", "idp", "dp"):
        result = optimal_coalition_structure(game, method=method)
        assert result.value == 3.0 and sorted(map(len, result.structure)) == [1, 2, 2, 2]
    # v(C) = |C| everywhere: every structure is optimal (ties do not make the search explode)
    flat = co.TUGame([float(bin(m).count("1")) for m in range(1 << 12)])
    assert optimal_coalition_structure(flat, method="ip").value == 12.0
    # superadditive: the grand coalition; subadditive v(C) = sqrt(|C|): all singletons
    assert optimal_coalition_structure(co.majority_game(9).to_float(), method="ip").value == 1
    sqrt = co.TUGame([bin(m).count("1") ** 0.5 for m in range(1 << 11)])
    result = optimal_coalition_structure(sqrt, method="ip")
    assert result.value == 11.0 and len(result.structure) == 11


def test_auto_picks_the_search_for_larger_float_games():
    game = _float_game(14, 1, "uniform")
    assert optimal_coalition_structure(game).method == "ip"
    assert optimal_coalition_structure(_float_game(6, 1, "uniform")).method == "idp"
    assert optimal_coalition_structure(co.majority_game(5)).method == "dp"


def test_time_limit_reports_a_certified_bound():
    game = _float_game(14, 3, "normal")
    optimum = optimal_coalition_structure(game, method="idp").value
    stopped = optimal_coalition_structure(game, method="ip", time_limit=0)
    assert _is_partition(game, stopped)
    assert stopped.upper_bound >= optimum - 1e-9 >= stopped.value - 2e-9
    if not stopped.success:
        assert stopped.status == 2
        assert "at most" in stopped.message and stopped.gap > 0
    full = optimal_coalition_structure(game, method="ip", time_limit=600)
    assert full.success and full.value == pytest.approx(optimum, abs=1e-9)


def test_callbacks():
    layers, subspaces = [], []
    game = _float_game(12, 5, "uniform")
    optimal_coalition_structure(game, method="idp", callback=lambda k, n: layers.append((k, n)))
    assert layers == [(k, 12) for k in range(1, 13)]
    optimal_coalition_structure(game, method="ip", callback=lambda d, t: subspaces.append((d, t)))
    assert all(1 <= done <= total for done, total in subspaces)


def test_hostile_inputs():
    game = _float_game(4, 0, "uniform")
    with pytest.raises(InvalidArgumentError, match="'auto'.*'idp'.*'ip'"):
        optimal_coalition_structure(game, method="odp")
    with pytest.raises(InvalidArgumentError, match="to_float"):
        optimal_coalition_structure(co.majority_game(4), method="ip")
    with pytest.raises(InvalidArgumentError, match="time_limit applies to method='ip'"):
        optimal_coalition_structure(game, method="dp", time_limit=1)
    for bad in (-1, float("nan"), "1", True):
        with pytest.raises(InvalidArgumentError, match="time_limit must be"):
            optimal_coalition_structure(game, method="ip", time_limit=bad)


def test_too_large_says_what_to_do(monkeypatch):
    game = _float_game(5, 0, "uniform")
    monkeypatch.setattr(structures, "MAX_IP_PLAYERS", 4)
    with pytest.raises(TooLargeError, match="limited to 4 players"):
        optimal_coalition_structure(game, method="ip")
    monkeypatch.setattr(structures, "MAX_DP_PLAYERS", 4)
    with pytest.raises(TooLargeError, match="use method='ip'"):
        optimal_coalition_structure(game, method="idp")
