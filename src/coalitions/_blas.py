"""BLAS thread control, in one place.

A matrix-vector product on a small block is memory-bound: a second BLAS thread cannot make it
faster, and on a shared machine the thread pool's hand-offs can make it ten times slower (a
28-player Shapley value took 13 s with OpenBLAS's two threads under load, 1.3 s with one).
Kernels that stream a table through many small products run them inside
:func:`one_blas_thread`. It uses threadpoolctl, which finds the BLAS libraries numpy loaded
(OpenBLAS, MKL, BLIS) and sets their thread count for the duration of the block only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["one_blas_thread"]


@lru_cache(maxsize=1)
def _controller() -> Any:
    # created on first use, after numpy has loaded its BLAS; inspecting the loaded libraries
    # costs about a millisecond, a limit about 10 microseconds
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> Any:
    """A context manager in which numpy's BLAS calls run on a single thread.

    Examples
    --------
    >>> import numpy as np
    >>> from coalitions._blas import one_blas_thread
    >>> with one_blas_thread():
    ...     float(np.ones((4, 3)) @ np.ones(3) @ np.ones(4))
    12.0
    """
    return _controller().limit(limits=1, user_api="blas")
