"""Exact semivalues of a value oracle by streaming the coalitions: no 2**n table.

A semivalue needs, for each player i, the size-weighted sum of the worths of the coalitions
that contain it, ``sum over T containing i of g(|T|) v(T)``, and one weighted total
``sum over T of p(|T|) v(T)``. Both are sums over all coalitions, so the coalitions can be
generated in blocks, evaluated by the oracle and folded in, without ever holding the table.

A block is a run of *rows*: the coalitions that share the bits of the last ``h`` players (the
row) and range over all ``2**k`` subsets of the first ``k`` (the columns), as in the table
kernel of :mod:`coalitions.solutions`. Each block returns only ``n + 1`` numbers (its share of
every player's sum and of the total), so memory is one block's coalition matrix whatever n is,
and blocks are independent tasks for any ``concurrent.futures`` executor, Dask's included.
Their shares are added in block order, so the answer does not depend on the executor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from functools import lru_cache
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import member_sums, popcounts
from .._checks import check_callback
from ..exceptions import TooLargeError
from ._engine import FunctionOracle, ValueOracle, run_tasks

__all__ = ["streamed_player_sums", "MAX_STREAM_PLAYERS"]

#: Most players the stream accepts: 2**40 evaluations are days of work for a cheap oracle.
MAX_STREAM_PLAYERS = 40
#: The first ``min(n, COLUMN_PLAYERS)`` players span the columns of a block.
COLUMN_PLAYERS = 16
#: Coalitions per block: at most this many, so a block's boolean matrix stays small
#: (2**20 rows of 32 players are 32 MiB).
BLOCK_COALITIONS = 1 << 20


@lru_cache(maxsize=4)
def _template(k: int, n: int) -> np.ndarray:
    """Boolean (2**k, n) matrix: row c marks the members of the column subset c among the
    first k players; the other columns are False (each block copies it, then sets its row)."""
    out = np.zeros((1 << k, n), dtype=bool)
    out[:, :k] = (np.arange(1 << k, dtype=np.int64)[:, None] >> np.arange(k)) & 1
    return nb.read_only(out)


def _block(
    oracle: ValueOracle, first: int, stop: int, k: int, with_player: tuple, plain: tuple
) -> tuple[tuple[np.ndarray, float], int]:
    """Rows ``first .. stop - 1``: their share of each player's sum and of the total."""
    n = oracle.n
    h = n - k
    rows = np.arange(first, stop, dtype=np.int64)
    high = ((rows[:, None] >> np.arange(h)) & 1).astype(bool)  # (R, h)
    columns = 1 << k
    matrix = np.empty((len(rows), columns, n), dtype=bool)
    matrix[:] = _template(k, n)  # a contiguous copy: much faster than a strided fill
    matrix[:, :, k:] = high[:, None, :]
    values = oracle.evaluate(matrix.reshape(len(rows) * columns, n)).reshape(len(rows), columns)
    row_sizes = high.sum(axis=1)
    weighted = values * _weight_rows(k, h, tuple(with_player))[row_sizes]
    low = member_sums(weighted.sum(axis=0), k)  # the first k players, by column
    top = high.T.astype(np.float64) @ weighted.sum(axis=1)  # the last h players, by row
    total = float(np.einsum("rc,rc->", values, _weight_rows(k, h, tuple(plain))[row_sizes]))
    return (np.concatenate([low, top]), total), values.size


@lru_cache(maxsize=8)
def _weight_rows(k: int, h: int, weights: tuple) -> np.ndarray:
    """``U[a, c] = weights[a + |c|]``: the size weight of row popcount a with column c (made
    once per process and weight vector, so a task sends only its row range)."""
    return np.asarray(weights, dtype=np.float64)[np.arange(h + 1)[:, None] + popcounts(k)]


def streamed_player_sums(
    game: Any,
    with_player: Sequence[float],
    plain: Sequence[float],
    *,
    executor: Executor | None = None,
    callback: Callable[[int, int], Any] | None = None,
    function: str = "streamed_player_sums",
) -> tuple[np.ndarray, float]:
    """``[sum over T containing i of g(|T|) v(T)]`` for each player, and ``sum over T of
    p(|T|) v(T)``, for a vectorised value oracle, reading each coalition once.

    Parameters
    ----------
    game : OracleGame
        The game, read in blocks of at most :data:`BLOCK_COALITIONS` coalitions.
    with_player, plain : sequence of float
        The size weights ``g(0..n)`` and ``p(0..n)``.
    executor : concurrent.futures.Executor, optional
        Runs the blocks (threads, processes, or Dask's ``client.get_executor()``); the
        blocks' shares are added in block order, so the answer is the same with any executor.
    callback : callable, optional
        ``callback(done, total)`` after each block, in evaluations.
    function : str
        The caller's name, for error messages.

    Returns
    -------
    (numpy.ndarray, float)
        The n player sums and the total.

    Raises
    ------
    TooLargeError
        Above :data:`MAX_STREAM_PLAYERS` players, whose ``2**n`` evaluations would take days
        even for a cheap oracle (a sampling estimator with a budget is the way there).

    References
    ----------
    .. [1] Shapley, L. S. (1953). A value for n-person games. In *Contributions to the Theory
       of Games II*, 307-317. Princeton University Press (the size-weighted form of the
       value that the sums serve).

    Examples
    --------
    >>> import coalitions as co
    >>> from coalitions.approx.streaming import streamed_player_sums
    >>> game = co.OracleGame(lambda m: m.sum(axis=1) ** 2.0, 3, vectorized=True, cache=False)
    >>> sums, total = streamed_player_sums(game, [1.0] * 4, [1.0] * 4)
    >>> sums.tolist(), total
    ([18.0, 18.0, 18.0], 24.0)
    """
    oracle = game if isinstance(game, ValueOracle) else FunctionOracle(game)
    callback = check_callback(callback, function)
    n = oracle.n
    if n > MAX_STREAM_PLAYERS:
        raise TooLargeError(
            f"{function} streams all 2**{n} coalitions of this OracleGame, more than the "
            f"2**{MAX_STREAM_PLAYERS} it accepts; use a sampling method with a budget."
        )
    k = min(n, COLUMN_PLAYERS)
    rows_per_block = max(1, BLOCK_COALITIONS >> k)
    starts = range(0, 1 << (n - k), rows_per_block)
    g = tuple(float(w) for w in with_player)
    p = tuple(float(w) for w in plain)
    tasks = [(first, min(first + rows_per_block, 1 << (n - k)), k, g, p) for first in starts]
    parts, _ = run_tasks(_block, oracle, tasks, executor=executor, callback=callback, total=1 << n)
    sums = np.zeros(n)
    total = 0.0
    for share, part_total in parts:  # block order: the same sum with every executor
        sums += share
        total += part_total
    return sums, total
