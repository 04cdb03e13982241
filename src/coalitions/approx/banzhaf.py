"""Sampling estimators of the Banzhaf value: marginal-contribution sampling and MSR."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._bits import matrix_to_int64_masks
from .._checks import finite_floats, front_door
from ..exceptions import InvalidArgumentError
from ._engine import (
    Labels,
    Moments,
    add_stats,
    check_budget,
    chunk_units,
    empty_and_grand,
    estimate_result,
    mean_and_error,
    prepare,
    run_tasks,
    split,
)

__all__ = ["banzhaf_estimate", "BANZHAF_SAMPLERS"]

BANZHAF_SAMPLERS = ("sampling", "msr")


@finite_floats
@front_door(BANZHAF_SAMPLERS, plural="sampling methods")
def banzhaf_estimate(
    game: Any,
    *,
    method: str = "sampling",
    budget: int | None = None,
    rng: Any = None,
    executor: Any = None,
    callback: Callable[[int, int], Any] | None = None,
    confidence: float = 0.95,
    chunk_size: int | None = None,
    concept: str = "banzhaf",
):
    r"""Estimate the (raw) Banzhaf value by sampling uniform coalitions.

    Parameters
    ----------
    game : TUGame or OracleGame
    method : {"sampling", "msr"}
        ``"sampling"``: draw a uniform coalition S and read ``v(S)`` and ``v(S xor {i})`` for
        every player i, which gives one marginal contribution per player for ``n + 1``
        evaluations (Bachrach et al. 2010 for simple games). ``"msr"``: maximum sample reuse
        (Wang and Jia 2023): one evaluation per uniform coalition, and ``beta_i`` is the mean
        of ``v(S)`` over the draws that contain i minus the mean over those that do not;
        better for large n, worse when values are large compared with marginal contributions.
    budget, rng, executor, callback, confidence, chunk_size, concept
        As in :func:`coalitions.approx.shapley_estimate`.

    Returns
    -------
    EstimateResult

    Raises
    ------
    ValueError
        Unknown method, budget missing or too small.
    InvalidGameError
        The oracle returns NaN, infinities or the wrong number of values.

    Notes
    -----
    ``"sampling"`` needs ``2 (n + 1)`` evaluations at least, ``"msr"`` 16 (so that every
    player is likely to be both in and out of two draws; with fewer the estimate raises).
    The MSR standard error is ``sqrt(s_in^2 / m_in + s_out^2 / m_out)``. MSR reads ``v(empty)``
    and ``v(N)`` (two of its evaluations) and samples ``v(S) - c |S|`` with
    ``c = (v(N) - v(empty)) / n``, adding back ``c``, the exact Banzhaf value of ``c |S|``: a
    control variate that keeps the estimate unbiased and removes the symmetric additive part
    of the values from its variance. Variances are taken about each chunk's mean, so large
    values do not cancel them.

    References
    ----------
    .. [1] Bachrach, Y., Markakis, E., Resnick, E., Procaccia, A. D., Rosenschein, J. S. and
       Saberi, A. (2010). Approximating power indices: theoretical and empirical analysis.
       *Autonomous Agents and Multi-Agent Systems* 20(2), 105-122.
    .. [2] Wang, J. T. and Jia, R. (2023). Data Banzhaf: a robust data valuation framework for
       machine learning. *AISTATS*, PMLR 206, 6388-6421.

    Examples
    --------
    >>> import coalitions as co
    >>> from coalitions.approx import banzhaf_estimate
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> est = banzhaf_estimate(glove, budget=4000, rng=1)      # exact: 3/4, 1/4, 1/4
    >>> est.x.round(3).tolist(), est.std_error.round(3).tolist()
    ([0.757, 0.26, 0.245], [0.014, 0.014, 0.014])
    """
    start = Labels(concept, method, confidence)
    oracle, labels, seeds = prepare(game, "banzhaf_estimate", start, rng, callback)
    n = oracle.n
    extra: tuple[float, ...]  # the task's arguments after (seed, size)
    task: Callable[..., Any]
    if method == "sampling":
        cost, done, extra = n + 1, 0, ()
        budget = check_budget(budget, 2 * cost, method, n)
        units = budget // cost
        task, cells = _pairs_task, n * (n + 1)
    else:
        cost, done = 1, 2
        budget = check_budget(budget, 16, method, n)
        v_empty, v_grand = empty_and_grand(oracle)
        slope = (v_grand - v_empty) / n if n else 0.0
        units, extra = budget - done, (slope,)
        task, cells = _msr_task, n
    sizes = split(units, chunk_units(chunk_size, cost, cells))
    tasks = [(child, size, *extra) for child, size in zip(seeds.spawn(len(sizes)), sizes)]
    parts, used = run_tasks(
        task,
        oracle,
        tasks,
        executor=executor,
        callback=callback,
        total=done + units * cost,
        done=done,
    )
    stats = add_stats(parts)
    if method == "sampling":
        x, error = mean_and_error(stats["units"])
    else:
        inside, in_error = mean_and_error(stats["in"])
        outside, out_error = mean_and_error(stats["out"])
        if np.any(stats["in"].count < 2) or np.any(stats["out"].count < 2):
            raise InvalidArgumentError(
                f"budget={budget} is too small for method='msr' with {n} players: some player "
                "was in (or out of) fewer than two sampled coalitions; raise the budget."
            )
        x, error = inside - outside + slope, np.sqrt(in_error**2 + out_error**2)
    return estimate_result(
        oracle, x, error, labels, budget=budget, n_evaluations=used, n_samples=units
    )


def _uniform_sets(generator, k: int, n: int) -> np.ndarray:
    return generator.random((k, n)) < 0.5


def _pairs_task(oracle, seed, k):
    generator = np.random.default_rng(seed)
    n = oracle.n
    sets = _uniform_sets(generator, k, n)
    if oracle.masks:
        masks = matrix_to_int64_masks(sets)
        flips = masks[:, None] ^ (np.int64(1) << np.arange(n, dtype=np.int64))[None, :]
        base = oracle.evaluate_masks(masks)
        flipped = oracle.evaluate_masks(flips)
    else:
        toggled = sets[:, None, :] ^ np.eye(n, dtype=bool)[None, :, :]
        values = oracle.evaluate(np.concatenate([sets, toggled.reshape(k * n, n)]))
        base, flipped = values[:k], values[k:].reshape(k, n)
    delta = np.where(sets, base[:, None] - flipped, flipped - base[:, None])
    return {"units": Moments.of_rows(delta)}, k * (n + 1)


def _msr_task(oracle, seed, k, slope):
    """Moments of ``v(S) - slope |S|`` over the draws that contain each player and over those
    that do not (``slope |S|`` is a control variate: its Banzhaf value ``slope`` is exact)."""
    generator = np.random.default_rng(seed)
    n = oracle.n
    sets = _uniform_sets(generator, k, n)
    values = oracle.evaluate(sets) - slope * np.count_nonzero(sets, axis=1)
    centre = values.mean()  # sums of centred values: no cancellation
    values = values - centre
    shift = np.full(n, centre)
    # einsum on the boolean matrix: no float copy and no BLAS threads
    count = np.count_nonzero(sets, axis=0)
    total = np.einsum("k,kn->n", values, sets)
    squares = np.einsum("k,kn->n", values**2, sets)
    return {
        "in": Moments.of_shifted_sums(count, shift, total, squares),
        "out": Moments.of_shifted_sums(
            k - count, shift, values.sum() - total, (values**2).sum() - squares
        ),
    }, k
