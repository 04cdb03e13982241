"""The only place that calls a linear-programming solver (scipy's HiGHS).

Solvers elsewhere build the LP and call :func:`solve_lp`; a failure comes back as an
``LPSolution`` with ``success=False`` and the solver's message, never as an exception from
deep inside scipy. This module imports nothing from the package.

Small LPs (the least core and the nucleolus stages of games of a few players: tens of rows)
cost far more in the Python wrapper of :func:`scipy.optimize.linprog` (input cleaning, sparse
conversion, option checks: about 1 ms) than in HiGHS (about 0.1 ms). Dense LPs therefore go
straight to the HiGHS bindings that scipy ships (``scipy.optimize._highspy._core``, the
pybind11 module of the ``highspy`` project), built exactly as ``linprog(method="highs")``
builds them: the same column-wise matrix of the non-zeros, the same options (dual simplex,
presolve on, no output), the same feasibility check of the answer, so the vertex, the duals
and the objective are the same bits. ``presolve=False`` is ``linprog``'s
``options={"presolve": False}``: on an LP of a few dozen rows presolve costs about as much as
the solve, and the certified callers whose answer does not depend on the vertex skip it.
Whatever that path does not handle (sparse input, a
malformed LP, a status other than optimal, a scipy without those bindings) goes through
``linprog``, which then also words the failure.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

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
    c,
    A_ub=None,
    b_ub=None,
    A_eq=None,
    b_eq=None,
    bounds=(None, None),
    *,
    method: str = "highs",
    presolve: bool = True,
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
    presolve : bool, default True
        HiGHS's presolve (``linprog``'s ``options={"presolve": ...}``). Off, an LP of a few
        dozen rows solves in about half the time, but it may end at another optimal vertex:
        only for LPs whose answer is certified and does not depend on the vertex.

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
    fast = _solve_dense(c, A_ub, b_ub, A_eq, b_eq, bounds, presolve) if method == "highs" else None
    if fast is not None:
        return fast
    from scipy.optimize import linprog

    options = {} if presolve else {"presolve": False}
    try:
        result = linprog(
            c,
            A_ub=A_ub,
            b_ub=b_ub,
            A_eq=A_eq,
            b_eq=b_eq,
            bounds=bounds,
            method=method,
            options=options,
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


#: ``linprog``'s own check of an optimal answer: slacks, residuals and bounds within
#: ``sqrt(tol) * 10`` for its default ``tol = 1e-9``.
_CHECK_TOL = 1e-9**0.5 * 10
_UNAVAILABLE: list[bool] = []  # set once when scipy has no HiGHS bindings to call
_BINDINGS: dict[str, Any] = {}  # the bindings, once imported
#: One HiGHS instance per thread, its options set once and its model cleared before each LP
#: (making an instance costs about as much as solving a small LP); checked to give the same
#: bits as a fresh instance.
_LOCAL = threading.local()


class _LeaveToLinprog(Exception):
    """Control flow of :func:`_solve_dense`: this LP is one for ``linprog`` (never escapes)."""


def _highs_module():
    """scipy's HiGHS bindings, or None (then every LP goes through ``linprog``)."""
    if _UNAVAILABLE:
        return None
    core = _BINDINGS.get("core")
    if core is not None:
        return core
    try:
        from scipy.optimize._highspy import _core as core
    except ImportError:
        _UNAVAILABLE.append(True)
        return None
    if not all(hasattr(core, name) for name in ("_Highs", "HighsLp", "MatrixFormat")):
        _UNAVAILABLE.append(True)
        return None
    _BINDINGS["core"] = core
    return core


def _dense(matrix, columns: int) -> np.ndarray | None:
    """A float64 matrix of ``columns`` columns (None when ``matrix`` is None or sparse)."""
    if matrix is None or hasattr(matrix, "tocsc"):
        return None
    out = np.asarray(matrix, dtype=np.float64)
    if out.ndim != 2 or out.shape[1] != columns:
        raise _LeaveToLinprog
    return out


def _bounds(bounds, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds (infinite for None) from one pair or one pair per variable."""
    if bounds is None:
        return np.zeros(columns), np.full(columns, np.inf)
    if isinstance(bounds, tuple) and len(bounds) == 2 and not isinstance(bounds[0], tuple):
        low, high = bounds  # one pair for every variable: the common case
        return (
            np.full(columns, -np.inf if low is None else float(low)),
            np.full(columns, np.inf if high is None else float(high)),
        )
    table = np.array(bounds, dtype=object)
    if table.shape in ((2,), (1, 2)):
        table = np.tile(table.reshape(2), (columns, 1))
    if table.shape != (columns, 2):
        raise _LeaveToLinprog
    pairs = np.where(table == None, np.nan, table).astype(np.float64)  # noqa: E711
    pairs[:, 0] = np.where(np.isnan(pairs[:, 0]), -np.inf, pairs[:, 0])
    pairs[:, 1] = np.where(np.isnan(pairs[:, 1]), np.inf, pairs[:, 1])
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _solve_dense(c, A_ub, b_ub, A_eq, b_eq, bounds, presolve: bool = True) -> LPSolution | None:
    """The LP through scipy's HiGHS bindings, as ``linprog`` would solve it; None to leave
    it to ``linprog`` (sparse or malformed input, no optimum, no bindings)."""
    core = _highs_module()
    if core is None:
        return None
    try:
        cost = np.asarray(c, dtype=np.float64)
        if cost.ndim != 1 or not np.isfinite(cost).all():
            return None
        columns = cost.size
        upper = _dense(A_ub, columns)
        equal = _dense(A_eq, columns)
        if (upper is None and A_ub is not None) or (equal is None and A_eq is not None):
            return None  # sparse
        upper = np.zeros((0, columns)) if upper is None else upper
        equal = np.zeros((0, columns)) if equal is None else equal
        rhs_ub = np.zeros(0) if b_ub is None else np.asarray(b_ub, dtype=np.float64).ravel()
        rhs_eq = np.zeros(0) if b_eq is None else np.asarray(b_eq, dtype=np.float64).ravel()
        if rhs_ub.size != upper.shape[0] or rhs_eq.size != equal.shape[0]:
            return None
        low, high = _bounds(bounds, columns)
    except (_LeaveToLinprog, ValueError, TypeError):
        return None
    if not ((low < np.inf).all() and (high > -np.inf).all() and (low <= high).all()):
        return None  # NaN or crossed bounds: linprog words the error
    matrix = np.vstack((upper, equal))
    if not all(np.isfinite(a).all() for a in (matrix, rhs_ub, rhs_eq)):
        return None
    rows = matrix.shape[0]
    lp = core.HighsLp()
    lp.num_col_ = lp.a_matrix_.num_col_ = columns
    lp.num_row_ = lp.a_matrix_.num_row_ = rows
    lp.a_matrix_.format_ = core.MatrixFormat.kColwise
    lp.col_cost_ = cost
    lp.col_lower_ = low
    lp.col_upper_ = high
    lp.row_lower_ = np.concatenate((np.full(rhs_ub.size, -np.inf), rhs_eq))
    lp.row_upper_ = np.concatenate((rhs_ub, rhs_eq))
    by_column = matrix.T
    nonzero = by_column != 0
    lp.a_matrix_.start_ = np.concatenate(([0], np.cumsum(nonzero.sum(axis=1)))).astype(np.int32)
    lp.a_matrix_.index_ = np.nonzero(nonzero)[1].astype(np.int32)
    lp.a_matrix_.value_ = by_column[nonzero]
    highs = getattr(_LOCAL, "highs", None)
    if highs is None:
        highs = _LOCAL.highs = core._Highs()
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("log_to_console", False)
        highs.setOptionValue("simplex_strategy", 1)  # dual simplex, as linprog asks
        _LOCAL.presolve = None
    if _LOCAL.presolve is not presolve:
        highs.setOptionValue("presolve", "on" if presolve else "off")
        _LOCAL.presolve = presolve
    highs.clearModel()
    if highs.passModel(lp) == core.HighsStatus.kError:
        return None
    if highs.run() == core.HighsStatus.kError:
        return None
    status = highs.getModelStatus()
    if status != core.HighsModelStatus.kOptimal:
        return None
    solution = highs.getSolution()
    x = np.array(solution.col_value)
    fun = float(highs.getInfo().objective_function_value)
    row_value = np.array(solution.row_value)
    slack = rhs_ub - row_value[: rhs_ub.size]
    residual = rhs_eq - row_value[rhs_ub.size :]
    tol = _CHECK_TOL
    if not (
        np.isfinite(x).all()
        and np.isfinite(fun)
        and (slack >= -tol).all()
        and (abs(residual) < tol).all()
        and (x >= low - tol).all()
        and (x <= high + tol).all()
    ):
        return None  # linprog's check would reject it: let linprog say so
    duals = np.array(solution.row_dual)
    message = f"Optimization terminated successfully. (HiGHS Status {int(status)}: Optimal)"
    return LPSolution(True, 0, message, x, fun, duals[: rhs_ub.size], duals[rhs_ub.size :])


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
