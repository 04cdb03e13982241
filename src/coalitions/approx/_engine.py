"""Plumbing shared by the estimators: value oracles, seed streams, chunked (parallel) runs.

An estimator is a list of *tasks*. Each task gets its own random stream (a child of one
``SeedSequence``), evaluates a batch of coalitions through an oracle and returns statistics
that combine exactly: counts, and :class:`Moments` (count, mean and sum of squared deviations
per cell, merged with the update of Chan, Golub and LeVeque 1979). The statistics of all tasks
are combined in task order, so the estimate depends on the seed and the budget only, never on
the executor or on the number of workers.

Each sampling unit (a permutation, an antithetic pair, a stratum draw, a coalition) is
independent of every other: an antithetic pair is *one* unit (the mean of the two orders),
never two, so the sample variance over units is unbiased for the variance of a unit. Means and
squared deviations are computed about the task's own mean (two passes), not from raw sums of
squares, so a value offset such as ``10**9 * |S|`` does not cancel the variance away.
"""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, as_completed
from statistics import NormalDist
from typing import Any, NamedTuple

import numpy as np

from .. import _numbers as nb
from .._bits import matrix_to_int64_masks
from .._checks import check_callback, check_instance, check_numeric, seed_sequence
from ..exceptions import InvalidArgumentError, InvalidGameError, TooLargeError
from ..games.oracle import OracleGame
from ..games.simple import WeightedVotingGame
from ..games.tu import TUGame
from ..results import EstimateResult

__all__ = [
    "ValueOracle",
    "TableOracle",
    "FunctionOracle",
    "WeightedOracle",
    "as_oracle",
    "run_tasks",
    "check_budget",
    "estimate_result",
    "Labels",
    "prepare",
    "Moments",
    "DEFAULT_CHUNK_EVALUATIONS",
]

#: Evaluations per task unless ``chunk_size`` says otherwise. Fixed (not tied to the number of
#: workers) so that results are reproducible; large enough to amortise a Dask task (~15 ms).
DEFAULT_CHUNK_EVALUATIONS = 1 << 16
#: Tables with a worth past this are sampled divided by a power of two (their squares overflow).
SCALE_ABOVE = 2.0**400
#: At most this many tasks in one run (a budget of 6.5e10 evaluations in default chunks).
MAX_TASKS = 1_000_000
#: At most this many boolean cells in one coalition matrix (memory bound per task).
MAX_MATRIX_CELLS = 1 << 24


class ValueOracle:
    """What the estimators need from a game: ``n``, ``players`` and batch evaluation.

    ``evaluate(matrix)`` takes a boolean (k, n) matrix and returns k float64 values.
    ``masks`` is True when ``evaluate_masks(int64 array)`` is available (n <= 62), a faster
    path for table games.
    """

    players: tuple
    n: int
    masks = False
    #: The oracle's values are the game's divided by ``scale`` (a power of two, so exactly);
    #: estimates are multiplied back by it.
    scale = 1.0

    def evaluate(self, matrix: np.ndarray) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def evaluate_masks(self, masks: np.ndarray) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def order_values(self, orders: np.ndarray) -> np.ndarray | None:
        """Values of the n + 1 prefixes of each join order (rows of ``orders``), shape
        (m, n + 1), when the oracle has a faster way than evaluating them; None otherwise."""
        return None


def _check_game(game: Any, kind: type, oracle: str) -> None:
    check_instance(
        game,
        kind,
        oracle,
        hint="pass the game to the estimator itself "
        "(shapley_estimate(game, ...)), which picks the oracle",
    )


class TableOracle(ValueOracle):
    """A :class:`~coalitions.TUGame` read as an oracle: vectorised table look-ups."""

    masks = True

    def __init__(self, game: TUGame) -> None:
        _check_game(game, TUGame, "TableOracle")
        check_numeric(game, "a sampling estimator", "averages sampled values")
        table = np.asarray(game.to_float().values, dtype=np.float64)
        largest = float(np.abs(table).max())
        if largest > SCALE_ABOVE:
            # Squared marginal contributions of worths this large overflow float64: sample
            # the game divided by a power of two (exact) and scale the estimates back.
            self.scale = math.ldexp(1.0, math.frexp(largest)[1] - 1)
            table = table / self.scale
        self.table = table
        self.players = game.players
        self.n = game.n_players

    def evaluate_masks(self, masks: np.ndarray) -> np.ndarray:
        return self.table[masks]

    def evaluate(self, matrix: np.ndarray) -> np.ndarray:
        return self.table[matrix_to_int64_masks(matrix)]


class WeightedOracle(ValueOracle):
    """A :class:`~coalitions.WeightedVotingGame` read as an oracle. The prefixes of a join
    order are one cumulative sum of the weights in that order: O(n) per order instead of an
    (n - 1, n) prefix matrix, the shortcut of the classical Monte Carlo for weighted games
    (Mann and Shapley 1960)."""

    def __init__(self, game: WeightedVotingGame) -> None:
        _check_game(game, WeightedVotingGame, "WeightedOracle")
        self.game = game
        self.players = game.players
        self.n = game.n_players
        weights = game.int_weights
        # int64 prefix sums are exact below the headroom; larger weights take the generic path
        self._weights = (
            np.asarray(weights, dtype=np.int64) if sum(weights) < nb.INT64_SUMS else None
        )

    def evaluate(self, matrix: np.ndarray) -> np.ndarray:
        return self.game.winning_matrix(matrix).astype(np.float64)

    def order_values(self, orders: np.ndarray) -> np.ndarray | None:
        if self._weights is None:
            return None
        values = np.zeros((orders.shape[0], self.n + 1))
        reached = np.cumsum(self._weights[orders], axis=1) >= self.game.int_quota
        values[:, 1:] = reached
        return values


class FunctionOracle(ValueOracle):
    """An :class:`~coalitions.OracleGame` (checks shape and finiteness of what it returns)."""

    def __init__(self, game: OracleGame) -> None:
        _check_game(game, OracleGame, "FunctionOracle")
        self.game = game
        self.players = game.players
        self.n = game.n_players

    def evaluate(self, matrix: np.ndarray) -> np.ndarray:
        return self.game.evaluate(matrix)


def as_oracle(game: Any) -> ValueOracle:
    """A :class:`ValueOracle` for a TUGame, an OracleGame, or an object with ``to_oracle()``
    or ``to_tu_game()`` (how other game classes, e.g. weighted voting games, plug in)."""
    if isinstance(game, ValueOracle):
        return game
    if isinstance(game, OracleGame):
        return FunctionOracle(game)
    if isinstance(game, TUGame):
        return TableOracle(game)
    if isinstance(game, WeightedVotingGame):
        return WeightedOracle(game)
    for name in ("to_oracle", "to_tu_game"):
        convert = getattr(game, name, None)
        if callable(convert):
            return as_oracle(convert())
    raise InvalidGameError(
        f"a sampling estimator needs a TUGame or an OracleGame, got {type(game).__name__}; "
        "wrap a value function with coalitions.OracleGame(function, players)."
    )


def empty_and_grand(oracle: ValueOracle) -> tuple[float, float]:
    """``v(empty)`` and ``v(N)`` (two evaluations)."""
    rows = np.zeros((2, oracle.n), dtype=bool)
    rows[1] = True
    values = oracle.evaluate(rows)
    return float(values[0]), float(values[1])


def check_budget(budget: Any, minimum: int, method: str, n: int) -> int:
    """``budget`` as an int, or ValueError naming the minimum for this method and n."""
    if budget is None:
        raise InvalidArgumentError(
            f"method={method!r} is a sampling estimator: give budget=<number of value "
            f"evaluations> (at least {minimum} for {n} players)."
        )
    if (
        isinstance(budget, bool)
        or not isinstance(budget, (int, np.integer, float))
        or (isinstance(budget, float) and not budget.is_integer())
    ):
        raise InvalidArgumentError(f"budget must be a whole number of evaluations, got {budget!r}.")
    budget = int(budget)
    if budget < minimum:
        raise InvalidArgumentError(
            f"budget={budget} is too small for method={method!r} with {n} players: it needs "
            f"at least {minimum} evaluations for an estimate with a standard error."
        )
    return budget


def split(units: int, per_task: int) -> list[int]:
    """Split ``units`` sampling units into tasks of ``per_task`` (the last one smaller)."""
    per_task = max(1, per_task)
    if units // per_task > MAX_TASKS:
        raise TooLargeError(
            f"this budget makes more than {MAX_TASKS:,} tasks of {per_task} sampling units "
            "(each task has its own seed, so a run holds at most that many); lower budget, or "
            "raise chunk_size."
        )
    sizes = [per_task] * (units // per_task)
    if units % per_task:
        sizes.append(units % per_task)
    return sizes


def run_tasks(
    function: Callable,
    oracle: ValueOracle,
    tasks: Sequence[tuple],
    *,
    executor: Executor | None,
    callback: Callable | None,
    total: int,
    done: int = 0,
) -> tuple[list, int]:
    """Run ``function(oracle, *task)`` for each task; each returns ``(stats, evaluations)``.

    Returns the list of stats in task order and the number of evaluations. ``callback(done,
    total)`` is called in this process after each task finishes.
    """
    if executor is not None and not isinstance(executor, Executor):
        raise InvalidArgumentError(
            f"executor must be a concurrent.futures.Executor, got {type(executor).__name__}; "
            "for Dask pass client.get_executor(), not the Client."
        )
    out: list = [None] * len(tasks)
    if executor is None:
        for k, task in enumerate(tasks):
            out[k], used = function(oracle, *task)
            done += used
            if callback is not None:
                callback(done, total)
        return out, done
    futures = {executor.submit(function, oracle, *task): k for k, task in enumerate(tasks)}
    try:
        for future in as_completed(futures):
            out[futures[future]], used = future.result()
            done += used
            if callback is not None:
                callback(done, total)
    except BaseException as error:
        for future in futures:
            future.cancel()
        if (
            isinstance(error, (AttributeError, TypeError, pickle.PicklingError))
            and "pickle" in str(error).lower()
        ):
            raise InvalidGameError(
                f"the executor could not send the game to its workers ({error}); with "
                "process or Dask workers the value function must be picklable: define it at "
                "module level (not a lambda or a local function), or use a ThreadPoolExecutor."
            ) from error
        raise
    return out, done


class Moments:
    """Count, mean and sum of squared deviations (``m2``) of the draws in each cell.

    ``a + b`` merges two independent batches exactly (Chan, Golub and LeVeque 1979), so tasks
    can be combined in any grouping with the same result up to rounding, and the variance
    never comes from the difference of two large sums. Cells without draws have count 0,
    mean 0 and m2 0.
    """

    __slots__ = ("count", "mean", "m2")

    def __init__(self, count, mean, m2) -> None:
        self.count = np.asarray(count, dtype=np.float64)
        self.mean = np.asarray(mean, dtype=np.float64)
        self.m2 = np.asarray(m2, dtype=np.float64)

    @classmethod
    def of_rows(cls, units: np.ndarray) -> Moments:
        """Moments of each column of a (k, n) matrix of sampling units (one row per unit)."""
        k = units.shape[0]
        if k == 0:
            zero = np.zeros(units.shape[1:])
            return cls(zero, zero, zero)
        mean = units.mean(axis=0)
        return cls(np.full(units.shape[1:], float(k)), mean, ((units - mean) ** 2).sum(axis=0))

    @classmethod
    def of_cells(cls, cells: np.ndarray, values: np.ndarray, size: int) -> Moments:
        """Moments of ``values`` grouped by integer ``cells`` (0 <= cell < size)."""
        count = np.bincount(cells, minlength=size).astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(count > 0, np.bincount(cells, values, size) / count, 0.0)
        m2 = np.bincount(cells, (values - mean[cells]) ** 2, size)
        return cls(count, mean, m2)

    @classmethod
    def of_shifted_sums(cls, count, shift, total, squares) -> Moments:
        """Moments from sums of ``value - shift`` and of its squares, ``shift`` a value near
        the cell's mean (cancellation then costs only digits of the spread, not of the
        offset)."""
        count = np.asarray(count, dtype=np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            offset = np.where(count > 0, total / count, 0.0)
        m2 = np.maximum(squares - offset * total, 0.0)
        return cls(count, np.where(count > 0, shift + offset, 0.0), m2)

    def __add__(self, other: Moments) -> Moments:
        count = self.count + other.count
        delta = other.mean - self.mean
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(count > 0, other.count / count, 0.0)
        return Moments(
            count, self.mean + delta * share, self.m2 + other.m2 + delta**2 * self.count * share
        )

    def __getitem__(self, index) -> Moments:
        return Moments(self.count[index], self.mean[index], self.m2[index])

    def reshape(self, *shape) -> Moments:
        return Moments(
            self.count.reshape(*shape), self.mean.reshape(*shape), self.m2.reshape(*shape)
        )

    @property
    def variance(self) -> np.ndarray:
        """Unbiased sample variance per cell (NaN with fewer than two draws)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.count > 1, self.m2 / (self.count - 1), np.nan)


def add_stats(parts: Sequence[dict]) -> dict:
    """Combine the statistics dictionaries of the tasks, in task order."""
    total: dict = {}
    for part in parts:
        for key, value in part.items():
            if key in total:
                total[key] = total[key] + value
            else:
                total[key] = value if isinstance(value, Moments) else np.array(value, copy=True)
    return total


def mean_and_error(moments: Moments) -> tuple[np.ndarray, np.ndarray]:
    """Sample means and standard errors of the mean (``sqrt(s**2 / count)``)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return moments.mean, np.sqrt(moments.variance / moments.count)


class Labels(NamedTuple):
    """What one estimator call labels its estimate with (fixed before any sampling)."""

    concept: str
    method: str
    confidence: float


def prepare(
    game: Any, function: str, labels: Labels, rng: Any, callback: Any
) -> tuple[ValueOracle, Labels, Any]:
    """The checked start of every estimator: the oracle, the labels with a checked confidence
    level and the seed sequence (``callback`` is checked too)."""
    oracle = as_oracle(game)
    labels = labels._replace(confidence=check_confidence(labels.confidence))
    seeds = seed_sequence(rng)
    check_callback(callback, function)
    return oracle, labels, seeds


def estimate_result(
    oracle: ValueOracle,
    x: np.ndarray,
    std_error: np.ndarray,
    labels: Labels,
    *,
    budget: int,
    n_evaluations: int,
    n_samples: int,
    normalized: bool = False,
) -> EstimateResult:
    concept, method, confidence = labels
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    with np.errstate(over="ignore", invalid="ignore"):
        x = np.asarray(x, dtype=np.float64) * oracle.scale
        std_error = np.asarray(std_error, dtype=np.float64) * oracle.scale
        arrays = [x, std_error, x - z * std_error, x + z * std_error]
    if not np.isfinite(x).all() or np.isinf(std_error).any():
        raise InvalidGameError(
            f"{concept} estimate: float arithmetic overflowed on worths this large (the "
            "estimate or its standard error is not finite); give the value function in "
            "smaller units (divide it by a constant and multiply the estimate back)."
        )
    arrays = [nb.read_only(a) for a in arrays]
    return EstimateResult(
        x=arrays[0],
        players=tuple(oracle.players),
        exact=False,
        concept=concept,
        method=method,
        normalized=normalized,
        n_evaluations=int(n_evaluations),
        std_error=arrays[1],
        confidence=float(confidence),
        ci_low=arrays[2],
        ci_high=arrays[3],
        budget=int(budget),
        n_samples=int(n_samples),
    )


def check_confidence(confidence: Any) -> float:
    if not isinstance(confidence, (int, float)) or not 0 < confidence < 1 or math.isnan(confidence):
        raise InvalidArgumentError(
            f"confidence must be a probability in (0, 1), got {confidence!r}."
        )
    return float(confidence)


def chunk_units(chunk_size: Any, cost_per_unit: int, cells_per_unit: int) -> int:
    """Sampling units per task from a chunk size in evaluations and the memory bound."""
    if chunk_size is None:
        chunk_size = DEFAULT_CHUNK_EVALUATIONS
    if (
        isinstance(chunk_size, bool)
        or not isinstance(chunk_size, (int, np.integer))
        or chunk_size < 1
    ):
        raise InvalidArgumentError(
            f"chunk_size must be a positive number of evaluations, got {chunk_size!r}."
        )
    by_budget = max(1, int(chunk_size) // max(cost_per_unit, 1))
    by_memory = max(1, MAX_MATRIX_CELLS // max(cells_per_unit, 1))
    return min(by_budget, by_memory)
