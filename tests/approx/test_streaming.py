"""Exact Shapley and Banzhaf values of a value oracle by streaming its coalitions (no table):
the same numbers as the table algorithms and as the definition, with any executor."""

from concurrent.futures import ThreadPoolExecutor
from math import factorial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.approx import streaming


class TableFunction:
    """A vectorised oracle reading a fixed table (module level, so workers can unpickle it)."""

    def __init__(self, table):
        self.table = np.asarray(table, dtype=np.float64)
        self.powers = 1 << np.arange(int(np.log2(len(table))), dtype=np.int64)

    def __call__(self, matrix):
        return self.table[matrix.astype(np.int64) @ self.powers]


def oracle_of(table, n):
    return co.OracleGame(TableFunction(table), n, vectorized=True, cache=False)


def shapley_by_definition(table, n):
    """phi_i = sum over S without i of |S|! (n-|S|-1)! / n! (v(S + i) - v(S))."""
    phi = np.zeros(n)
    for i in range(n):
        for mask in range(1 << n):
            if not mask >> i & 1:
                s = bin(mask).count("1")
                weight = factorial(s) * factorial(n - s - 1) / factorial(n)
                phi[i] += weight * (table[mask | 1 << i] - table[mask])
    return phi


@st.composite
def tables(draw, max_players=7):
    n = draw(st.integers(1, max_players))
    values = draw(st.lists(st.floats(-100, 100, allow_nan=False), min_size=1 << n, max_size=1 << n))
    values[0] = 0.0
    return n, np.array(values)


@given(tables())
@settings(max_examples=60, deadline=None)
def test_shapley_equals_the_definition(data):
    n, table = data
    streamed = co.shapley_value(oracle_of(table, n), method="exact")
    np.testing.assert_allclose(streamed.x, shapley_by_definition(table, n), atol=1e-9)
    assert not streamed.exact and streamed.n_evaluations == 1 << n


@given(tables())
@settings(max_examples=40, deadline=None)
def test_banzhaf_equals_the_table_algorithm(data):
    n, table = data
    streamed = co.banzhaf_value(oracle_of(table, n), method="exact")
    np.testing.assert_allclose(streamed.x, co.banzhaf_value(co.TUGame(table)).x, atol=1e-9)


@pytest.mark.parametrize("n", [17, 19])
def test_several_blocks_match_the_table(n, monkeypatch):
    # small blocks: many tasks over rows and columns, as for n = 32
    monkeypatch.setattr(streaming, "BLOCK_COALITIONS", 1 << 14)
    table = np.random.default_rng(n).normal(size=1 << n)
    table[0] = 0.0
    game = oracle_of(table, n)
    np.testing.assert_allclose(
        co.shapley_value(game, method="exact").x,
        co.shapley_value(co.TUGame(table)).x,
        rtol=1e-10,
        atol=1e-10,
    )


def test_any_executor_gives_the_same_bits_and_progress():
    n = 18
    table = np.random.default_rng(1).random(1 << n)
    table[0] = 0.0
    game = oracle_of(table, n)
    seen = []
    serial = co.shapley_value(game, method="exact", callback=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1 << n, 1 << n)
    with ThreadPoolExecutor(2) as pool:
        threaded = co.shapley_value(game, method="exact", executor=pool)
    assert np.array_equal(serial.x, threaded.x)


def test_dask_local_cluster_same_bits():
    distributed = pytest.importorskip("distributed")
    n = 18
    table = np.random.default_rng(2).random(1 << n)
    table[0] = 0.0
    game = oracle_of(table, n)
    serial = co.banzhaf_value(game, method="exact")
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            protocol="tcp",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = co.banzhaf_value(game, method="exact", executor=client.get_executor())
    assert np.array_equal(serial.x, remote.x)


def test_bad_requests_are_refused():
    game = oracle_of(np.zeros(8), 3)
    with pytest.raises(co.InvalidArgumentError, match="budget"):
        co.shapley_value(game, method="exact", budget=100)
    with pytest.raises(co.InvalidGameError, match="streams all"):
        co.shapley_value(game, method="dividends")
    with pytest.raises(co.InvalidArgumentError, match="executor"):
        co.shapley_value(game, method="exact", executor=object())
    wide = co.OracleGame(lambda m: np.zeros(len(m)), 41, vectorized=True, cache=False)
    with pytest.raises(co.TooLargeError, match="sampling"):
        co.shapley_value(wide, method="exact")
