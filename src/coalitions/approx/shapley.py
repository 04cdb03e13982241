"""Sampling estimators of the Shapley value: permutation, antithetic, stratified, SVARM."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .._checks import finite_floats, front_door
from ._engine import (
    Labels,
    Moments,
    ValueOracle,
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

__all__ = ["shapley_estimate", "SHAPLEY_SAMPLERS"]

SHAPLEY_SAMPLERS = ("permutation", "antithetic", "stratified", "neyman", "svarm", "kernel")


@finite_floats
@front_door(SHAPLEY_SAMPLERS, plural="sampling methods")
def shapley_estimate(
    game: Any,
    *,
    method: str = "permutation",
    budget: int | None = None,
    rng: Any = None,
    executor: Any = None,
    callback: Callable[[int, int], Any] | None = None,
    confidence: float = 0.95,
    chunk_size: int | None = None,
    concept: str = "shapley",
):
    r"""Estimate the Shapley value by sampling, with standard errors and confidence intervals.

    Usually reached through ``coalitions.shapley_value(game, method=..., budget=...)``; call it
    directly for any object :func:`~coalitions.approx.as_oracle` accepts (power indices use it
    with ``concept="shapley-shubik"``).

    Parameters
    ----------
    game : TUGame or OracleGame
        A table game (read by vectorised look-ups) or a value oracle.
    method : {"permutation", "antithetic", "stratified", "neyman", "svarm", "kernel"}
        ``"permutation"``: random join orders, one marginal contribution per player each
        (Castro, Gomez and Tejada 2009). ``"antithetic"``: each order together with its
        reverse, averaged (negatively correlated pairs). ``"stratified"``: one stratum per
        player and position, sampled equally (Maleki et al. 2013). ``"neyman"``: the same
        strata with optimum allocation (Neyman 1934; Castro et al. 2017) in two phases: a
        pilot of 30 % of the draws (at least two per stratum) sampled equally, then two draws
        per stratum and the rest in proportion to its shrunk pilot standard deviation.
        ``"svarm"``: stratified SVARM (Kolpaczki et al. 2024), every evaluation updates a
        stratum of every player; no marginal-contribution pairs. ``"kernel"``: unbiased
        KernelSHAP with paired sampling (Lundberg and Lee 2017; Covert and Lee 2021), the
        Shapley value as a constrained regression solved in closed form.
    budget : int
        Number of value evaluations allowed; the estimate uses at most this many.
    rng : None, int, numpy.random.SeedSequence or numpy.random.Generator
        Seed. The same seed and budget give the same estimate with or without an executor.
    executor : concurrent.futures.Executor, optional
        Evaluates the tasks (chunks of about ``chunk_size`` evaluations) in parallel; for Dask
        pass ``client.get_executor()``. The game must be picklable for process executors.
    callback : callable, optional
        ``callback(done, total)`` after each chunk, in evaluations.
    confidence : float, default 0.95
        Level of the normal-approximation confidence intervals.
    chunk_size : int, optional
        Evaluations per task (default 65536). Part of the random layout: changing it changes
        the draws.
    concept : str, default "shapley"
        Label stored in the result.

    Returns
    -------
    EstimateResult
        ``x``, ``std_error``, ``ci_low``, ``ci_high``, ``n_evaluations``, ``exact=False``.

    Raises
    ------
    ValueError
        Unknown method, budget missing or too small, bad seed, confidence or executor.
    InvalidGameError
        The oracle returns NaN, infinities or the wrong number of values.

    Notes
    -----
    Costs: ``v(empty)`` and ``v(N)`` are read once (2 evaluations); a permutation then costs
    n - 1 evaluations (the prefix coalitions), computed for a whole batch as a cumulative sum
    of bitmasks (table games), of weights (weighted voting games: O(n) an order) or a boolean
    prefix matrix (oracles). Standard errors are
    sample standard deviations over independent sampling units (permutations, antithetic
    pairs, stratum draws) divided by the square root of their number, combined over strata;
    variances are taken about each chunk's mean and chunks merged exactly, so large values do
    not cancel them. The permutation estimate is efficient by construction (its entries sum
    to ``v(N) - v(empty)``). ``"stratified"`` needs at least ``4 n (n - 2) + 2 n + 2``
    evaluations (two draws per stratum), ``"neyman"`` ``8 n (n - 2) + 2 n + 2`` (a pilot of two
    and two more); Neyman allocation depends on the pilot, so each stratum's estimate
    combines the pilot mean and the second-phase mean with a weight fixed in advance, which
    keeps the estimate and its variance estimate unbiased (pooling all draws would bias both
    where the pilot saw no swing). ``"svarm"`` first
    computes the strata of sizes 0, 1, n-1, n exactly (``2n + 2`` evaluations) and then runs a
    warm-up that gives every stratum two draws. ``"kernel"`` draws coalitions S with
    probability proportional to the Shapley kernel ``(n-1) / (C(n,|S|) |S| (n-|S|))``, each
    with its complement; with ``A = E[z z^T] = a I + c 1 1^T`` known in closed form, the
    estimate ``A^-1 (b - 1 (1^T A^-1 b - v(N) + v(empty)) / 1^T A^-1 1)`` is an affine
    function of the sample mean ``b`` of ``z (v(S) - v(empty))``, so it is unbiased, efficient,
    and its standard error is exact up to the sampling of the variance. It is applied to
    ``v(S) - |S| (v(N) - v(empty)) / n`` (the exact Shapley value of the subtracted part is
    added back), a control variate that removes the symmetric additive part from the variance.

    The intervals are normal approximations: with rare swings (a player pivotal in few of the
    sampled units) they undercover, and a player with no observed swing gets a standard error
    of 0; see the coverage figures in ``docs/explanation/sampling.md``.

    References
    ----------
    .. [1] Castro, J., Gomez, D. and Tejada, J. (2009). Polynomial calculation of the Shapley
       value based on sampling. *Computers & Operations Research* 36(5), 1726-1730.
    .. [2] Maleki, S., Tran-Thanh, L., Hines, G., Rahwan, T. and Rogers, A. (2013). Bounding
       the estimation error of sampling-based Shapley value approximation. arXiv:1306.4265.
    .. [3] Neyman, J. (1934). On the two different aspects of the representative method: the
       method of stratified sampling and the method of purposive selection. *Journal of the
       Royal Statistical Society* 97(4), 558-625.
    .. [4] Castro, J., Gomez, D., Molina, E. and Tejada, J. (2017). Improving polynomial
       estimation of the Shapley value by stratified random sampling with optimum allocation.
       *Computers & Operations Research* 82, 180-188.
    .. [5] Kolpaczki, P., Bengs, V., Muschalik, M. and Huellermeier, E. (2024). Approximating
       the Shapley value without marginal contributions. *AAAI* 38(12), 13246-13255.
    .. [6] Lundberg, S. M. and Lee, S.-I. (2017). A unified approach to interpreting model
       predictions. *NeurIPS* 30, 4765-4774.
    .. [7] Covert, I. and Lee, S.-I. (2021). Improving KernelSHAP: practical Shapley value
       estimation using linear regression. *AISTATS*, PMLR 130, 3457-3465.

    Examples
    --------
    >>> import coalitions as co
    >>> from coalitions.approx import shapley_estimate
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> est = shapley_estimate(glove, budget=2000, rng=1)
    >>> est.x.round(1).tolist(), est.exact, est.n_evaluations
    ([0.7, 0.2, 0.2], False, 2000)
    >>> bool(all(est.ci_low <= est.x)), est.method
    (True, 'permutation')
    """
    start = Labels(concept, method, confidence)
    oracle, labels, seeds = prepare(game, "shapley_estimate", start, rng, callback)
    run = {
        "permutation": _permutation,
        "antithetic": _permutation,
        "stratified": _stratified,
        "neyman": _stratified,
        "svarm": _svarm,
        "kernel": _kernel,
    }[method]
    return run(
        oracle,
        labels,
        budget=budget,
        seeds=seeds,
        executor=executor,
        callback=callback,
        chunk_size=chunk_size,
    )


# --------------------------------------------------------------------------- helpers


def _ranks(orders: np.ndarray) -> np.ndarray:
    m, n = orders.shape
    ranks = np.empty_like(orders)
    np.put_along_axis(ranks, orders, np.broadcast_to(np.arange(n), (m, n)), axis=1)
    return ranks


def _contributions(
    oracle: ValueOracle, orders: np.ndarray, v_empty: float, v_grand: float
) -> np.ndarray:
    """(m, n) matrix: entry (r, i) is player i's marginal contribution in order r."""
    m, n = orders.shape
    ranks = _ranks(orders)
    values = oracle.order_values(orders)
    if values is not None:
        return np.take_along_axis(np.diff(values, axis=1), ranks, axis=1)
    values = np.empty((m, n + 1))
    values[:, 0] = v_empty
    values[:, n] = v_grand
    if n > 1:
        if oracle.masks:
            prefixes = np.cumsum(np.left_shift(1, orders[:, :-1], dtype=np.int64), axis=1)
            values[:, 1:n] = oracle.evaluate_masks(prefixes)
        else:
            prefix = np.empty((m, n - 1, n), dtype=bool)  # row j: the first j+1
            np.less(ranks[:, None, :], np.arange(1, n)[None, :, None], out=prefix)
            values[:, 1:n] = oracle.evaluate(prefix.reshape(m * (n - 1), n)).reshape(m, n - 1)
    steps = np.diff(values, axis=1)  # steps[r, j]: contribution of orders[r, j]
    return np.take_along_axis(steps, ranks, axis=1)


def _random_orders(generator: np.random.Generator, m: int, n: int) -> np.ndarray:
    return generator.permuted(np.broadcast_to(np.arange(n, dtype=np.int64), (m, n)), axis=1)


# --------------------------------------------------------------------------- permutation


def _permutation_task(oracle, seed, m, antithetic, v_empty, v_grand):
    generator = np.random.default_rng(seed)
    n = oracle.n
    orders = _random_orders(generator, m, n)
    units = _contributions(oracle, orders, v_empty, v_grand)
    if antithetic:
        units = 0.5 * (units + _contributions(oracle, orders[:, ::-1], v_empty, v_grand))
    # an antithetic pair is one sampling unit: the mean of two dependent contributions
    return {"units": Moments.of_rows(units)}, m * (n - 1) * (2 if antithetic else 1)


def _permutation(oracle, labels, *, budget, seeds, executor, callback, chunk_size):
    method = labels.method
    n = oracle.n
    antithetic = method == "antithetic"
    cost = max(n - 1, 0) * (2 if antithetic else 1)  # evaluations per sampling unit
    budget = check_budget(budget, 2 + 2 * cost, method, n)
    units = (budget - 2) // cost if cost else 2
    per_task = chunk_units(chunk_size, cost, n * n * (2 if antithetic else 1))
    sizes = split(units, per_task)
    children = seeds.spawn(len(sizes))
    v_empty, v_grand = empty_and_grand(oracle)
    if callback is not None:
        callback(2, 2 + units * cost)
    tasks = [(child, size, antithetic, v_empty, v_grand) for child, size in zip(children, sizes)]
    parts, used = run_tasks(
        _permutation_task,
        oracle,
        tasks,
        executor=executor,
        callback=callback,
        total=2 + units * cost,
        done=2,
    )
    x, error = mean_and_error(add_stats(parts)["units"])
    return estimate_result(
        oracle, x, error, labels, budget=budget, n_evaluations=used, n_samples=units
    )


# --------------------------------------------------------------------------- strata


def _size_groups(sizes: np.ndarray):
    """``(size, indices)`` for each distinct size, indices in increasing order."""
    order = np.argsort(sizes, kind="stable")
    values, starts = np.unique(sizes[order], return_index=True)
    bounds = list(starts) + [len(order)]
    return [(int(v), order[a:b]) for v, a, b in zip(values, bounds[:-1], bounds[1:])]


def _random_sets(
    generator, sizes: np.ndarray, n: int, exclude: np.ndarray | None = None
) -> np.ndarray:
    """Boolean (k, n): uniform random sets of the given sizes, avoiding ``exclude[r]``.

    Row r keeps the ``sizes[r]`` players with the smallest random keys (an excluded player gets
    key 2, above every other); rows of equal size are split at once with ``np.partition``.
    """
    k = len(sizes)
    keys = generator.random((k, n))
    if exclude is not None:
        keys[np.arange(k), exclude] = 2.0
    out = np.zeros((k, n), dtype=bool)
    for size, rows in _size_groups(np.asarray(sizes)):
        if size <= 0:
            continue
        block = keys[rows]
        threshold = np.partition(block, size - 1, axis=1)[:, size - 1 : size]
        out[rows] = block <= threshold
    return out


def _stratified_task(oracle, seed, cells):
    """One draw per entry of ``cells`` (stratum ``player * n + size``, 1 <= size <= n-2):
    a uniform coalition S of that size without the player, and ``v(S + i) - v(S)``."""
    generator = np.random.default_rng(seed)
    n = oracle.n
    players, sizes = np.divmod(cells, n)
    without = _random_sets(generator, sizes, n, exclude=players)
    with_player = without.copy()
    with_player[np.arange(len(players)), players] = True
    values = oracle.evaluate(np.concatenate([with_player, without]))
    k = len(players)
    delta = values[:k] - values[k:]
    return {"cells": Moments.of_cells(cells, delta, n * n)}, 2 * k


def neyman_allocation(sigma: np.ndarray, draws: int) -> np.ndarray:
    """Integer draws per stratum proportional to ``sigma`` (largest remainders, stable)."""
    total = float(sigma.sum())
    if draws <= 0:
        return np.zeros(len(sigma), dtype=np.int64)
    share = sigma / total * draws if total > 0 else np.full(len(sigma), draws / len(sigma))
    out = np.floor(share).astype(np.int64)
    rest = draws - int(out.sum())
    if rest > 0:
        out[np.argsort(-(share - out), kind="stable")[:rest]] += 1
    return out


def _exact_ends(oracle):
    """Values of the empty set, singletons, complements of singletons, grand coalition."""
    n = oracle.n
    eye = np.eye(n, dtype=bool)
    rows = np.concatenate([np.zeros((1, n), bool), eye, ~eye, np.ones((1, n), bool)])
    values = oracle.evaluate(rows)
    return values[0], values[1 : n + 1], values[n + 1 : 2 * n + 1], values[-1]


#: Neyman allocation: share of the draws in the equal-allocation pilot, prior weight (in
#: pseudo-draws) of the mean pilot variance in each stratum's shrunk variance, and the draws
#: every stratum gets in the second phase whatever its pilot said.
NEYMAN_PILOT_SHARE = 0.3
NEYMAN_PRIOR_DRAWS = 4.0
NEYMAN_MIN_DRAWS = 2


def _stratified(oracle, labels, *, budget, seeds, executor, callback, chunk_size):
    method = labels.method
    n = oracle.n
    exact_cost = 2 * n + 2
    per_round = 2 * n * max(n - 2, 0)
    rounds_needed = 2 if method == "stratified" else 2 + NEYMAN_MIN_DRAWS
    budget = check_budget(budget, exact_cost + rounds_needed * per_round, method, n)
    v0, singles, others, vn = _exact_ends(oracle)
    first = singles - v0  # position 0: v({i}) - v(empty)
    last = vn - others  # position n-1: v(N) - v(N \ i)
    if n <= 2:
        x = (first + last) / 2 if n == 2 else first
        return estimate_result(
            oracle, x, np.zeros(n), labels, budget=budget, n_evaluations=exact_cost, n_samples=0
        )
    cells = (np.arange(n)[:, None] * n + np.arange(1, n - 1)[None, :]).ravel()
    rounds = (budget - exact_cost) // per_round
    per_task = chunk_units(chunk_size, 2, 4 * n)

    def run(draws, done, total):
        chunks = [draws[a : a + per_task] for a in range(0, len(draws), per_task)]
        tasks = [(child, chunk) for child, chunk in zip(seeds.spawn(len(chunks)), chunks)]
        parts, used = run_tasks(
            _stratified_task,
            oracle,
            tasks,
            executor=executor,
            callback=callback,
            total=total,
            done=done,
        )
        return add_stats(parts)["cells"][cells].reshape(n, n - 2), used

    if method == "stratified":
        draws = rounds * len(cells)
        strata, used = run(np.tile(cells, rounds), exact_cost, exact_cost + 2 * draws)
        mean, error = mean_and_error(strata)
        variance = error**2
    else:
        draws = (budget - exact_cost) // 2
        mean, variance, used = _neyman(run, cells, rounds, draws, exact_cost)
    x = (first + last + mean.sum(axis=1)) / n
    std_error = np.sqrt(variance.sum(axis=1)) / n
    return estimate_result(
        oracle, x, std_error, labels, budget=budget, n_evaluations=used, n_samples=draws
    )


def _neyman(run, cells, rounds, draws, exact_cost):
    """Two-phase Neyman allocation: stratum means and variances of the means, both unbiased.

    Phase 1 (the pilot) spreads ``p`` draws on every stratum. Phase 2 gives every stratum
    ``NEYMAN_MIN_DRAWS`` draws and the rest in proportion to a shrunk pilot standard deviation,
    ``sqrt(((p - 1) s_h**2 + k s**2) / (p - 1 + k))`` with ``s**2`` the mean pilot variance:
    strata whose few pilot draws happened to agree are not starved. The allocation depends on
    the pilot, so pooling all draws of a stratum would be biased (a stratum whose pilot saw no
    swing would keep few draws and a low mean); instead the estimate combines the two phase
    means with a weight fixed before sampling, ``lambda = p / (p + e)``, ``e`` the mean number of
    phase-2 draws per stratum. The pilot mean is unbiased, the phase-2 mean is unbiased given
    the pilot and uncorrelated with it, so ``lambda**2 s_1**2 / p + (1 - lambda)**2 s_2**2 / m_2``
    estimates the variance without bias, from the final allocation ``m_2``.
    """
    strata = len(cells)
    pilot = max(2, round(NEYMAN_PILOT_SHARE * rounds))
    second = draws - pilot * strata  # >= NEYMAN_MIN_DRAWS per stratum
    total = exact_cost + 2 * draws
    phase1, used = run(np.tile(cells, pilot), exact_cost, total)
    spread = phase1.variance
    prior = float(spread.mean())
    shrunk = ((pilot - 1) * spread + NEYMAN_PRIOR_DRAWS * prior) / (pilot - 1 + NEYMAN_PRIOR_DRAWS)
    extra = NEYMAN_MIN_DRAWS + neyman_allocation(
        np.sqrt(shrunk).ravel(), second - NEYMAN_MIN_DRAWS * strata
    )
    phase2, used = run(np.repeat(cells, extra), used, total)
    weight = pilot / (pilot + second / strata)
    mean = weight * phase1.mean + (1 - weight) * phase2.mean
    variance = (
        weight**2 * phase1.variance / phase1.count
        + (1 - weight) ** 2 * phase2.variance / phase2.count
    )
    return mean, variance, used


# --------------------------------------------------------------------------- SVARM


def _cell_stats(sets: np.ndarray, values: np.ndarray, n: int) -> dict:
    """Update of every player's strata by sets of sizes 2..n-2.

    A member i of A (|A| = s) gets v(A) in its stratum "plus, level s-1" (v(S + i) with
    |S| = s-1); a non-member gets it in "minus, level s" (v(S) with |S| = s). Sets are grouped
    by size, so each group costs two vector-matrix products. Every cell is fed by one size
    group only, so the values are centred on that group's mean before they are summed.
    """
    plus = np.zeros((3, n, n))  # count, sum, squares by (player, level)
    minus = np.zeros((3, n, n))
    shift = np.zeros((2, n))  # centre of each level: plus, minus
    for s, index in _size_groups(sets.sum(axis=1)):
        rows = sets[index]
        centre = values[index].mean()
        vals = values[index] - centre
        # einsum on the boolean matrix: no float copy, and no BLAS call (OpenBLAS threads cost
        # 10x more than the product itself on a loaded machine)
        inside = np.stack(
            [
                np.count_nonzero(rows, axis=0),
                np.einsum("k,kn->n", vals, rows),
                np.einsum("k,kn->n", vals * vals, rows),
            ]
        )
        stacked = np.stack([np.ones_like(vals), vals, vals * vals])
        plus[:, :, s - 1] += inside
        minus[:, :, s] += stacked.sum(axis=1)[:, None] - inside
        shift[0, s - 1] = shift[1, s] = centre
    return {
        name: Moments.of_shifted_sums(
            np.rint(table[0]).ravel(),
            np.broadcast_to(centre_row, (n, n)).ravel(),
            table[1].ravel(),
            table[2].ravel(),
        )
        for name, table, centre_row in (("plus", plus, shift[0]), ("minus", minus, shift[1]))
    }


def _warmup_sets(generator, n: int) -> np.ndarray:
    """Sets that give every player one draw in every sampled stratum (one round)."""
    rows = []
    for s in range(2, n - 1):
        for block, complement in ((s, False), (n - s, True)):
            order = generator.permutation(n)
            starts = list(range(0, n - block + 1, block))
            if n % block:
                starts.append(n - block)  # last block overlaps the previous one
            sets = np.zeros((len(starts), n), dtype=bool)
            for r, start in enumerate(starts):
                sets[r, order[start : start + block]] = True
            rows.append(~sets if complement else sets)
    return np.concatenate(rows) if rows else np.zeros((0, n), dtype=bool)


def _warmup_cost(n: int) -> int:
    return sum(-(-n // s) + -(-n // (n - s)) for s in range(2, n - 1))


def _svarm_warmup_task(oracle, seed, rounds):
    generator = np.random.default_rng(seed)
    sets = np.concatenate([_warmup_sets(generator, oracle.n) for _ in range(rounds)])
    return _cell_stats(sets, oracle.evaluate(sets), oracle.n), len(sets)


def _size_distribution(n: int) -> np.ndarray:
    sizes = np.arange(2, n - 1)
    weights = 1.0 / (sizes * (n - sizes))
    return weights / weights.sum()


def _svarm_task(oracle, seed, k):
    generator = np.random.default_rng(seed)
    n = oracle.n
    sizes = generator.choice(np.arange(2, n - 1), size=k, p=_size_distribution(n))
    sets = _random_sets(generator, sizes, n)
    return _cell_stats(sets, oracle.evaluate(sets), n), k


def _svarm(oracle, labels, *, budget, seeds, executor, callback, chunk_size):
    method = labels.method
    n = oracle.n
    exact_cost = 2 * n + 2
    warmup = 2 * _warmup_cost(n)
    budget = check_budget(budget, exact_cost + warmup, method, n)
    v0, singles, others, vn = _exact_ends(oracle)
    plus = np.zeros((n, n))
    minus = np.zeros((n, n))
    plus[:, 0] = singles  # v({i})
    plus[:, n - 1] = vn  # v(N)
    minus[:, 0] = v0  # v(empty)
    minus[:, n - 1] = others  # v(N \ i)
    if n >= 2:
        plus[:, n - 2] = (others.sum() - others) / (n - 1)  # mean of v(N \ j), j != i
        minus[:, 1] = (singles.sum() - singles) / (n - 1)  # mean of v({j}), j != i
    if n < 4:
        return estimate_result(
            oracle,
            (plus - minus).sum(axis=1) / n,
            np.zeros(n),
            labels,
            budget=budget,
            n_evaluations=exact_cost,
            n_samples=0,
        )
    samples = budget - exact_cost - warmup
    per_task = chunk_units(chunk_size, 1, 4 * n)
    sizes = split(samples, per_task)
    children = seeds.spawn(len(sizes) + 2)
    tasks = [(children[0], 1), (children[1], 1)]
    parts, used = run_tasks(
        _svarm_warmup_task,
        oracle,
        tasks,
        executor=executor,
        callback=callback,
        total=budget,
        done=exact_cost,
    )
    more, used = run_tasks(
        _svarm_task,
        oracle,
        [(child, size) for child, size in zip(children[2:], sizes)],
        executor=executor,
        callback=callback,
        total=budget,
        done=used,
    )
    stats = add_stats(parts + more)
    errors = np.zeros((n, n))
    variance = np.zeros(n)
    for name, table, levels in (("plus", plus, slice(1, n - 2)), ("minus", minus, slice(2, n - 1))):
        mean, error = mean_and_error(stats[name])
        table[:, levels] = mean.reshape(n, n)[:, levels]
        errors[:, levels] = error.reshape(n, n)[:, levels]
        variance += (errors[:, levels] ** 2).sum(axis=1)
        errors[:] = 0
    x = (plus - minus).sum(axis=1) / n
    return estimate_result(
        oracle,
        x,
        np.sqrt(variance) / n,
        labels,
        budget=budget,
        n_evaluations=used,
        n_samples=samples,
    )


# --------------------------------------------------------------------------- unbiased KernelSHAP


def _kernel_constants(n: int) -> tuple[np.ndarray, float, float]:
    """Size distribution (1..n-1) of the Shapley kernel and the entries of A = E[z z^T]:
    ``A = a I + c 1 1^T`` with ``a + c = 1/2`` on the diagonal."""
    sizes = np.arange(1, n)
    weights = 1.0 / (sizes * (n - sizes))
    total = weights.sum()
    c = float(np.sum(weights * sizes * (sizes - 1)) / (n * (n - 1)) / total) if n > 1 else 0.0
    return weights / total, 0.5 - c, c


def _kernel_units(sets, values, v_empty, v_grand, a, c, n):
    """Per-draw vectors ``M z y(S)`` whose mean, plus ``(v(N) - v(empty))/n``, is the unbiased
    KernelSHAP estimate (``M`` projects onto efficient vectors).

    ``y(S) = v(S) - v(empty) - |S| (v(N) - v(empty)) / n`` is the game minus its symmetric
    additive part, whose Shapley value ``(v(N) - v(empty)) / n`` is added back exactly (a
    control variate: the estimator is linear in the game, so it stays unbiased, and an offset
    such as ``10**9 |S|`` no longer enters the variance)."""
    members = np.count_nonzero(sets, axis=1)
    y = values - v_empty - members * ((v_grand - v_empty) / n)
    shrink = c / (a * (a + n * c)) + 1.0 / (n * (a + n * c))
    return sets * (y / a)[:, None] - (shrink * members * y)[:, None]


def _kernel_task(oracle, seed, k, v_empty, v_grand):
    """``k`` paired draws: a coalition from the Shapley kernel and its complement."""
    generator = np.random.default_rng(seed)
    n = oracle.n
    p, a, c = _kernel_constants(n)
    sizes = generator.choice(np.arange(1, n), size=k, p=p)
    sets = _random_sets(generator, sizes, n)
    both = np.concatenate([sets, ~sets])
    values = oracle.evaluate(both)
    units = _kernel_units(both, values, v_empty, v_grand, a, c, n)
    units = 0.5 * (units[:k] + units[k:])  # a coalition and its complement: one unit
    return {"units": Moments.of_rows(units)}, 2 * k


def _kernel(oracle, labels, *, budget, seeds, executor, callback, chunk_size):
    method = labels.method
    n = oracle.n
    budget = check_budget(budget, 2 + 4, method, n)
    v_empty, v_grand = empty_and_grand(oracle)
    if n == 1:
        return estimate_result(
            oracle,
            np.array([v_grand - v_empty]),
            np.zeros(1),
            labels,
            budget=budget,
            n_evaluations=2,
            n_samples=0,
        )
    pairs = (budget - 2) // 2
    sizes = split(pairs, chunk_units(chunk_size, 2, 4 * n))
    tasks = [(child, size, v_empty, v_grand) for child, size in zip(seeds.spawn(len(sizes)), sizes)]
    parts, used = run_tasks(
        _kernel_task,
        oracle,
        tasks,
        executor=executor,
        callback=callback,
        total=2 + 2 * pairs,
        done=2,
    )
    mean, error = mean_and_error(add_stats(parts)["units"])
    return estimate_result(
        oracle,
        mean + (v_grand - v_empty) / n,
        error,
        labels,
        budget=budget,
        n_evaluations=used,
        n_samples=pairs,
    )
