"""Parallel evaluation: the same seed gives the same estimate with any executor."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import coalitions as co
from coalitions.approx import BANZHAF_SAMPLERS, SHAPLEY_SAMPLERS


@pytest.fixture(scope="module")
def game():
    return co.random_game(9, rng=3)


def run(game, method, executor, **extra):
    function = co.shapley_value if method in SHAPLEY_SAMPLERS else co.banzhaf_value
    return function(game, method=method, budget=30_000, rng=123, executor=executor, **extra)


@pytest.mark.parametrize("method", SHAPLEY_SAMPLERS + BANZHAF_SAMPLERS)
@pytest.mark.parametrize("workers", [1, 2])
def test_thread_pool_same_result(game, method, workers):
    serial = run(game, method, None)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        parallel = run(game, method, pool)
    assert np.array_equal(serial.x, parallel.x)
    assert np.array_equal(serial.std_error, parallel.std_error)
    assert serial.n_evaluations == parallel.n_evaluations


def test_thread_pool_with_oracle_counts_and_callback():
    weights = np.arange(1.0, 13.0)
    game = co.OracleGame(
        lambda m: (m @ weights >= 40).astype(float), 12, vectorized=True, cache=False
    )
    seen = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        est = co.shapley_value(
            game,
            method="permutation",
            budget=50_000,
            rng=1,
            executor=pool,
            callback=lambda d, t: seen.append((d, t)),
        )
    assert game.n_evaluations == est.n_evaluations
    assert seen[-1] == (est.n_evaluations, est.n_evaluations)


def test_oracle_error_propagates_from_workers():
    game = co.OracleGame(lambda m: np.where(m.any(axis=1), np.nan, 0.0), 5, vectorized=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        with pytest.raises(co.InvalidGameError, match="finite"):
            co.shapley_value(game, method="permutation", budget=5000, rng=0, executor=pool)


def _local_cluster(processes: bool):
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=1 if processes else 2,
        threads_per_worker=1,
        processes=processes,
        host="127.0.0.1",
        protocol="tcp",
        dashboard_address=None,
    )


@pytest.mark.parametrize("processes", [False, True])
def test_dask_executor_same_result(game, processes):
    from_client = pytest.importorskip("distributed").Client
    with _local_cluster(processes) as cluster, from_client(cluster) as client:
        executor = client.get_executor()
        for method in ("permutation", "svarm", "msr"):
            serial = run(game, method, None)
            distributed = run(
                game,
                method,
                executor,
            )
            assert np.array_equal(serial.x, distributed.x), method
            assert np.array_equal(serial.std_error, distributed.std_error), method


def test_dask_client_itself_is_refused(game):
    distributed = pytest.importorskip("distributed")
    with _local_cluster(False) as cluster, distributed.Client(cluster) as client:
        with pytest.raises(ValueError, match="get_executor"):
            co.shapley_value(game, method="permutation", budget=1000, executor=client)


def squares(members):
    return float(len(members) ** 2)


def test_process_pool_same_result_and_unpicklable_function():
    from concurrent.futures import ProcessPoolExecutor

    game = co.OracleGame(squares, 7)
    serial = co.shapley_value(game, method="svarm", budget=3000, rng=4)
    with ProcessPoolExecutor(max_workers=1) as pool:
        parallel = co.shapley_value(game, method="svarm", budget=3000, rng=4, executor=pool)
        assert np.array_equal(serial.x, parallel.x)
        local = co.OracleGame(lambda s: float(len(s)), 7)
        with pytest.raises(co.InvalidGameError, match="picklable"):
            co.shapley_value(local, method="permutation", budget=1000, rng=0, executor=pool)
