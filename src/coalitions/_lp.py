"""The only place that calls a linear-programming solver (scipy's HiGHS).

Solvers elsewhere build the LP and call :func:`solve_lp`; a failure comes back as an
``LPSolution`` with ``success=False`` and the solver's message, never as an exception from
deep inside scipy. This module imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["LPSolution", "solve_lp", "solve_integer_lp"]


@dataclass(frozen=True)
class LPSolution:
    """Outcome of one LP: primal ``x``, objective ``fun`` and the dual values.

    ``ineqlin`` and ``eqlin`` are the marginals (dual values) of the inequality and equality
    rows in scipy's sign convention (non-positive for ``A_ub x <= b_ub`` in a minimisation).
    """

    success: bool
    status: int
    message: str
    x: np.ndarray | None = None
    fun: float | None = None
    ineqlin: np.ndarray | None = None
    eqlin: np.ndarray | None = None


def solve_lp(
    c, A_ub=None, b_ub=None, A_eq=None, b_eq=None, bounds=(None, None), *, method: str = "highs"
) -> LPSolution:
    """Minimise ``c @ x`` subject to ``A_ub x <= b_ub``, ``A_eq x = b_eq`` and ``bounds``.

    Variables are free by default (``bounds=(None, None)``), unlike scipy's default of
    ``x >= 0``. Dense or scipy.sparse matrices are accepted.

    Parameters
    ----------
    c : array_like
        The cost vector.
    A_ub, b_ub, A_eq, b_eq : array_like or sparse matrix, optional
        Inequality rows ``A_ub x <= b_ub`` and equality rows ``A_eq x = b_eq``.
    bounds : pair or sequence of pairs
        ``(low, high)`` for every variable or one per variable; None is unbounded.
    method : str
        The scipy method, ``"highs"``.

    Returns
    -------
    LPSolution
        ``success=False`` with the solver's message when the LP is infeasible, unbounded or
        malformed.

    Examples
    --------
    >>> solution = solve_lp([1, 1], A_ub=[[-1, -2]], b_ub=[-2], bounds=(0, None))
    >>> solution.success, solution.x.tolist(), solution.fun
    (True, [0.0, 1.0], 1.0)
    >>> solve_lp([1], A_ub=[[1]], b_ub=[-1], bounds=(0, None)).success
    False
    """
    from scipy.optimize import linprog

    try:
        result = linprog(
            c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method=method
        )
    except ValueError as error:  # malformed input caught by scipy
        return LPSolution(False, -1, f"the LP is malformed: {error}")
    if not result.success:
        return LPSolution(False, int(result.status), str(result.message))
    ineq = getattr(getattr(result, "ineqlin", None), "marginals", None)
    eq = getattr(getattr(result, "eqlin", None), "marginals", None)
    return LPSolution(
        True,
        int(result.status),
        str(result.message),
        np.asarray(result.x),
        float(result.fun),
        None if ineq is None else np.asarray(ineq),
        None if eq is None else np.asarray(eq),
    )


def solve_integer_lp(c, A_ub, b_ub, *, lower=0, upper=None) -> LPSolution:
    """Minimise ``c @ x`` over integer ``x`` with ``A_ub x <= b_ub`` and ``lower <= x <=
    upper`` (HiGHS's branch and bound through :func:`scipy.optimize.milp`).

    Returns
    -------
    LPSolution
        ``x`` rounded to the integers the solver found (``success=False`` with its message
        when the problem is infeasible or the solver stopped).

    Examples
    --------
    >>> solve_integer_lp([3, 4], [[-2, -3]], [-7]).x.tolist()
    [2, 1]
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    c = np.asarray(c, dtype=np.float64)
    high = np.inf if upper is None else upper
    try:
        result = milp(
            c,
            constraints=LinearConstraint(np.asarray(A_ub, dtype=np.float64), -np.inf, b_ub),
            integrality=np.ones(len(c)),
            bounds=Bounds(lower, high),
        )
    except ValueError as error:
        return LPSolution(False, -1, f"the integer LP is malformed: {error}")
    if not result.success or result.x is None:
        return LPSolution(False, int(result.status), str(result.message))
    x = np.rint(result.x).astype(np.int64)
    return LPSolution(True, int(result.status), str(result.message), x, float(c @ x))
