"""A Lorenz-maximal core allocation: the core allocation closest to the equal split (the
Lorenz solution), found by an exact active-set method."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, subset_sums
from .._checks import check_tolerance, finite_floats, front_door
from .._exact_linalg import solve_exact
from ..exceptions import InvalidGameError, SolverError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .core import core
from .semivalues import as_result, negated_worths

__all__ = ["lorenz_solution"]

#: The choices of ``method=`` in :func:`lorenz_solution`.
LORENZ_METHODS = ("active-set",)


@front_door(LORENZ_METHODS)
@finite_floats
def lorenz_solution(game: TUGame, *, atol: float = 1e-9, method: str = "active-set") -> ValueResult:
    r"""The Lorenz solution: the core allocation closest to the equal split, a Lorenz-maximal
    element of the core.

    .. math:: L(v) = \operatorname*{arg\,min}_{x \in C(v)} \sum_{i \in N} x_i^2
              = \operatorname*{arg\,min}_{x \in C(v)} \Bigl\lVert x - \tfrac{v(N)}{n}\,
              \mathbf 1 \Bigr\rVert

    An allocation ``x`` *Lorenz-dominates* ``y`` when, with both sorted increasingly, every
    partial sum :math:`x_{(1)} + \dots + x_{(k)}` is at least that of ``y`` and one is
    larger: the poorest ``k`` players are better off together, for every ``k``. A transfer
    from richer to poorer lowers :math:`\sum x_i^2`, and more generally a Lorenz-dominating
    allocation has the smaller sum of squares (the function is strictly Schur-convex), so the
    minimiser is not Lorenz-dominated by any core allocation. Lorenz dominance is a partial
    order and the core may have many undominated allocations; when one core allocation
    Lorenz-dominates all the others, the minimiser is that one. Every convex game has such an
    allocation, the Dutta-Ray egalitarian solution (:func:`dutta_ray`), so there the two
    agree; unlike it, this is defined for every game with a non-empty core.

    For a cost game the core is the set of cost shares that charge no coalition more than its
    stand-alone cost, and the answer is the most equal such sharing of :math:`c(N)`.

    Parameters
    ----------
    game : TUGame
        A numeric game with a non-empty core, of worths or of costs. Rational games give the
        exact (rational) minimiser.
    atol : float, default 1e-9
        Tolerance of float games, relative to their largest worth.
    method : {"active-set"}
        A primal active-set method for the projection (see Notes; the only method).

    Returns
    -------
    ValueResult
        ``concept="lorenz"``.

    Raises
    ------
    InvalidGameError
        If the core is empty.
    SolverError
        If the least-core program that gives the starting core point fails (see
        :func:`core`), or the float active-set iteration does not settle.

    Notes
    -----
    From a core point (the least-core linear program, exact for rational games) the method
    keeps a working set ``W`` of tight coalitions with independent indicator vectors,
    starting from ``{N}``. It moves towards the least-norm point of the affine set
    :math:`\{x(S) = v(S),\ S \in W\}` (:math:`x = A_W^\top \mu` with
    :math:`A_W A_W^\top \mu = v_W`), stopping at the first coalition that would be blocked,
    which joins ``W``; at the least-norm point it drops a coalition with a negative
    multiplier, and stops when every multiplier of ``W`` other than ``N``'s is
    non-negative. Those are the Karush-Kuhn-Tucker conditions, so for a rational game the
    answer is certified by construction: computed in Fractions, feasible at every step. Each
    step is a system of at most ``n`` equations and one pass over the ``2**n`` coalitions.
    MatTuGames' ``LorenzSol`` computes the same point, with a floating-point solver.

    References
    ----------
    .. [1] Dutta, B. and Ray, D. (1989). A concept of egalitarianism under participation
       constraints. *Econometrica* 57(3), 615-635.
    .. [2] Arin, J., Kuipers, J. and Vermeulen, D. (2004). Geometry and computation of the
       Lorenz set. *International Game Theory Review* 6(2), 223-238.
    .. [3] Nocedal, J. and Wright, S. J. (2006). *Numerical Optimization*, 2nd ed.,
       Springer, section 16.5 (active-set methods for convex quadratic programs).

    Examples
    --------
    Players 1 and 2 alone earn 6 together, the three earn 8: the core leaves player 3 at
    most 2, and the most equal core allocation gives it exactly that.

    >>> import coalitions as co
    >>> game = co.TUGame([0, 0, 0, 6, 0, 1, 1, 8], players=["1", "2", "3"])
    >>> co.lorenz_solution(game).x.tolist()
    [Fraction(3, 1), Fraction(3, 1), Fraction(2, 1)]

    In the glove game the core is one point, which is therefore the answer:

    >>> co.lorenz_solution(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    game = as_tu_game(game, "lorenz_solution", numeric="compares worths")
    atol = check_tolerance(atol, "lorenz_solution")
    if game.is_cost:
        shares = lorenz_solution(negated_worths(game), atol=atol).x
        return as_result(game, [-v for v in shares.tolist()], concept="lorenz", method=method)
    start = core(game, atol=atol)
    if not start.success:
        raise SolverError(f"lorenz_solution: no core point to start from: {start.message}")
    if start.is_empty:
        raise InvalidGameError(
            "lorenz_solution: the core is empty, so there is no core allocation to choose; "
            "see co.least_core or co.nucleolus for a game without a core."
        )
    x = _projection(game, list(start.x.tolist()), atol)
    return as_result(game, x, concept="lorenz", method="active-set")


def _projection(game: TUGame, x: list, atol: float) -> list:
    """The least-norm point of the core from the core point ``x`` (see lorenz_solution)."""
    n = game.n_players
    full = (1 << n) - 1
    if n <= 1:
        return [game.grand_value] * n
    exact = game.kind != nb.FLOAT
    values = game.values
    zero: Any = nb.constant(0, game.kind) if exact else 0.0
    tol: Any = 0
    if not exact:
        tol = atol * max(1.0, float(np.abs(values).max()))
        x = [float(v) for v in x]
    sizes = popcounts(n)
    inner = np.ones(1 << n, dtype=bool)
    inner[[0, full]] = False
    working = [full]
    for _ in range(8 * (1 << n) + 64):
        mu = _least_norm_multipliers(working, values, exact)
        y = [sum((m for s, m in zip(working, mu) if s >> i & 1), zero) for i in range(n)]
        step = [a - b for a, b in zip(y, x)]
        if all(abs(d) <= tol for d in step):
            x = y
            negative = [(m, s) for s, m in zip(working, mu) if s != full and m < -tol]
            if not negative:
                return x
            working.remove(min(negative)[1])
            continue
        slack = _sums(x, n, exact) - values
        rate = _sums(step, n, exact)
        blocking = inner & (rate < -tol)
        for s in working:
            blocking[s] = False
        candidates = np.flatnonzero(blocking)
        alpha: Any = 1 if exact else 1.0
        hit = None
        if candidates.size:
            ratios = [max(slack[c], zero) / -rate[c] for c in candidates]
            best = min(range(len(ratios)), key=lambda k: (ratios[k], sizes[candidates[k]]))
            if ratios[best] < 1:
                alpha, hit = ratios[best], int(candidates[best])
        x = [a + alpha * d for a, d in zip(x, step)]
        if hit is not None:
            working.append(hit)
    raise SolverError(
        "lorenz_solution: the active-set iteration did not settle (an ill-conditioned float "
        "game?); give the game exact (integer or Fraction) worths."
    )


def _sums(x: list, n: int, exact: bool) -> np.ndarray:
    """``x(S)`` for every coalition."""
    if exact:
        return subset_sums(np.array(x, dtype=object), n)
    return subset_sums(np.asarray(x, dtype=np.float64), n)


def _least_norm_multipliers(working: list, values: np.ndarray, exact: bool) -> list:
    """``mu`` with ``A A^T mu = v_W`` for the indicator rows ``A`` of the working set: the
    least-norm point of ``{x(S) = v(S), S in W}`` is ``A^T mu``."""
    gram = [[bin(s & t).count("1") for t in working] for s in working]
    rhs = [values[s] for s in working]
    if exact:
        solved = solve_exact(gram, [Fraction(v) for v in rhs])
        if solved is None:  # the working rows are independent by construction
            raise SolverError("lorenz_solution: a singular working set (please report).")
        return solved
    return np.linalg.solve(np.asarray(gram, dtype=np.float64), np.asarray(rhs)).tolist()
