"""A Lorenz-maximal core allocation: the core allocation closest to the equal split (the
Lorenz solution), found by an exact active-set method."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import mask_indicator, popcounts, subset_sums
from .._checks import check_tolerance, finite_floats, front_door
from .._docstrings import fill_doc
from .._exact_linalg import float_positive_combination, positive_combination, solve_exact
from ..exceptions import InvalidGameError, SolverError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import LorenzResult
from ._normal_form import normal_form
from .core import core, is_in_core
from .imputations import payoff_vector
from .semivalues import as_result, negated_worths

__all__ = ["lorenz_solution", "is_lorenz_maximal"]

#: The papers behind :func:`lorenz_solution` and :func:`is_lorenz_maximal`.
_REFERENCES = """
References
----------
.. [1] Dutta, B. and Ray, D. (1989). A concept of egalitarianism under participation
   constraints. *Econometrica* 57(3), 615-635.
.. [2] Arin, J., Kuipers, J. and Vermeulen, D. (2004). Geometry and computation of the
   Lorenz set. *International Game Theory Review* 6(2), 223-238.
"""

#: The choices of ``method=`` in :func:`lorenz_solution`.
LORENZ_METHODS = ("active-set",)


@fill_doc(lorenz_references=_REFERENCES)
@front_door(LORENZ_METHODS)
@finite_floats
def lorenz_solution(
    game: TUGame, *, atol: float = 1e-9, method: str = "active-set"
) -> LorenzResult:
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
    LorenzResult
        ``concept="lorenz"``; ``dominant`` says whether ``x`` Lorenz-dominates the whole core
        (the core then has one Lorenz-maximal allocation) or not (it has several).

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

    ``dominant``: ``x`` Lorenz-dominates the core when, for every ``k < n``, it maximises
    the sum of the ``k`` smallest payoffs :math:`L_k(y) = \min_{|T| = k} y(T)` over the
    core. That is the linear program :math:`\max t` over :math:`y(T) \ge t` (:math:`|T| =
    k`) and the core, and ``(x, L_k(x))`` is optimal exactly when
    :math:`\sum_T \lambda_T e_T + \sum_S \mu_S e_S + \nu e_N = 0` with
    :math:`\sum_T \lambda_T = 1`, :math:`\lambda, \mu \ge 0`, over the ``T`` achieving
    :math:`L_k(x)` and the coalitions ``S`` tight at ``x`` (its Karush-Kuhn-Tucker
    conditions): a positive combination, found by a linear program and rebuilt exactly.

    {{lorenz_references}}
    .. [3] Nocedal, J. and Wright, S. J. (2006). *Numerical Optimization*, 2nd ed.,
       Springer, section 16.5 (active-set methods for convex quadratic programs).

    Examples
    --------
    Players 1 and 2 alone earn 6 together, the three earn 8: the core leaves player 3 at
    most 2, and the most equal core allocation gives it exactly that.

    >>> import coalitions as co
    >>> game = co.TUGame([0, 0, 0, 6, 0, 1, 1, 8], players=["1", "2", "3"])
    >>> result = co.lorenz_solution(game)
    >>> result.x.tolist(), result.dominant
    ([Fraction(3, 1), Fraction(3, 1), Fraction(2, 1)], True)

    When {1, 2} and {1, 3} each earn 5 of the 6, the core is the set of ``x`` with
    ``x_2, x_3 <= 1``; (4, 1, 1) is its most equal allocation, and it dominates the rest:

    >>> co.lorenz_solution(co.TUGame([0, 0, 0, 5, 0, 5, 0, 6])).dominant
    True

    Here the core has several Lorenz-maximal allocations: (3/2, 3/2, 3/2, 7/2) is in the
    core and pays the poorest player 3/2 where the Lorenz solution pays 1, but its three
    poorest players get 9/2 together, not 5.

    >>> four = co.TUGame([0, 0, 0, 0, 0, 2, 1, 3, 0, 5, 5, 1, 0, 4, 4, 8])
    >>> split = co.lorenz_solution(four)
    >>> split.x.tolist(), split.dominant
    ([Fraction(2, 1), Fraction(2, 1), Fraction(1, 1), Fraction(3, 1)], False)
    >>> co.is_in_core(four, [1.5, 1.5, 1.5, 3.5])
    True

    In the glove game the core is one point, which is therefore the answer:

    >>> co.lorenz_solution(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    game = as_tu_game(game, "lorenz_solution", numeric="compares worths")
    atol = check_tolerance(atol, "lorenz_solution")
    if game.is_cost:  # -x Lorenz-dominates -y exactly when x dominates y (equal totals)
        shares = lorenz_solution(negated_worths(game), atol=atol)
        x = [-v for v in shares.x.tolist()]
        return _lorenz_result(game, x, shares.dominant)
    start = core(game, atol=atol)
    if not start.success:
        raise SolverError(f"lorenz_solution: no core point to start from: {start.message}")
    if start.is_empty:
        raise InvalidGameError(
            "lorenz_solution: the core is empty, so there is no core allocation to choose; "
            "see co.least_core or co.nucleolus for a game without a core."
        )
    tol = 0 if game.kind != nb.FLOAT else _tolerance(game, atol, "lorenz_solution")
    x = _projection(game, list(start.x.tolist()), tol)
    return _lorenz_result(game, x, _dominates_core(game, x, tol))


def _lorenz_result(game: TUGame, x: list, dominant: bool) -> LorenzResult:
    base = as_result(game, x, concept="lorenz", method="active-set")
    fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    return LorenzResult(**fields, dominant=bool(dominant))


def _tolerance(game: TUGame, atol: float, function: str) -> float:
    """``atol`` in the game's units, relative to the zero-normalised worths as in
    :func:`coalitions.is_in_core` (a fixed floor would accept any point of a game whose worths
    are all tiny), plus what the float normal form may be off by."""
    nf = normal_form(game, function)
    return float(nf.from_lp(atol + nf.rounding))


def _dominates_core(game: TUGame, x: list, tol: Any) -> bool:
    """Whether the core point ``x`` maximises every ``L_k`` over the core (see Notes)."""
    exact = game.kind != nb.FLOAT
    return all(_unimprovable(game, x, [k], tol, exact) for k in range(1, game.n_players))


def _unimprovable(game: TUGame, x: list, ks: list, tol: Any, exact: bool) -> bool:
    """Whether ``(y, s) = (x, 0)`` maximises ``sum of s_k (k in ks)`` over the core points
    ``y`` with ``L_k(y) >= L_k(x) + s_k``, ``s >= 0``: no core point raises one ``L_k``
    without lowering another. Its Karush-Kuhn-Tucker conditions, over the coalitions ``T``
    of size ``k`` achieving ``L_k(x)`` (rows ``(e_T, -e_k)``), the coalitions tight at ``x``
    (``(e_S, 0)``) and the bounds ``s_k >= 0`` (``(0, e_k)``), with ``(e_N, 0)`` free and
    the objective ``(0, 1)`` strict, form a positive combination (rebuilt exactly for exact
    games)."""
    n = game.n_players
    full = (1 << n) - 1
    sums = _sums(x, n, exact)
    sizes = popcounts(n)
    masks = np.arange(1 << n)
    inner = (masks != 0) & (masks != full)
    slots = len(ks)
    rows = []
    for slot, k in enumerate(ks):
        layer = masks[sizes == k]
        smallest = min(sums[layer].tolist())
        for t in layer[sums[layer] <= smallest + tol]:
            rows.append([*mask_indicator(int(t), n), *(-int(j == slot) for j in range(slots))])
        rows.append([0] * n + [int(j == slot) for j in range(slots)])
    for s in masks[inner & (sums - game.values <= tol)]:
        rows.append([*mask_indicator(int(s), n), *[0] * slots])
    nonneg = np.array(rows, dtype=np.int64)
    objective = np.array([[0] * n + [1] * slots])
    grand = np.array([[1] * n + [0] * slots])
    if exact:
        return positive_combination(objective, nonneg, grand) is not None
    return float_positive_combination(objective, nonneg, grand)


@fill_doc(lorenz_references=_REFERENCES)
@finite_floats
def is_lorenz_maximal(game: TUGame, x: Any, *, atol: float = 1e-9) -> bool:
    r"""Whether ``x`` is a Lorenz-maximal core allocation: in the core, and no core
    allocation Lorenz-dominates it (the core's *Lorenz set*).

    With :math:`L_k(y)` the sum of the ``k`` smallest payoffs of ``y``, ``x`` is
    Lorenz-maximal when no core allocation ``y`` has :math:`L_k(y) \ge L_k(x)` for every
    ``k`` and :math:`>` for one. The Lorenz solution (:func:`lorenz_solution`) is one such
    allocation; when it Lorenz-dominates the whole core (``result.dominant``, as in every
    convex game) it is the only one.

    Parameters
    ----------
    game : TUGame
        A numeric game, of worths or of costs.
    x : sequence or mapping of numbers
        One payoff (cost share) per player. Exact payoffs in a rational game are decided
        exactly.
    atol : float, default 1e-9
        Tolerance for float games or payoffs, relative to the largest worth.

    Returns
    -------
    bool
        True when ``x`` is a core allocation that no other core allocation Lorenz-dominates
        (certified; see Notes for what False means in a float game).

    Notes
    -----
    ``x`` is Lorenz-maximal exactly when it maximises :math:`\sum_k s_k` over core points
    ``y`` with :math:`y(T) \ge L_k(x) + s_k` for every coalition ``T`` of size ``k`` and
    :math:`s \ge 0` (at ``y = x``, ``s = 0``): a linear program whose optimality at that
    point is a positive combination of the constraints active there. It is found by a linear
    program and rebuilt and checked exactly for rational data, so True is certified; False
    means that the float program found no certificate. Each ``k`` contributes the
    coalitions of size ``k`` where ``x`` is poorest: at most ``2**n`` rows in all.

    {{lorenz_references}}

    Examples
    --------
    In this four-player game the core has several Lorenz-maximal allocations; a third core
    allocation is dominated by the first:

    >>> import coalitions as co
    >>> four = co.TUGame([0, 0, 0, 0, 0, 2, 1, 3, 0, 5, 5, 1, 0, 4, 4, 8])
    >>> co.lorenz_solution(four).x.tolist()
    [Fraction(2, 1), Fraction(2, 1), Fraction(1, 1), Fraction(3, 1)]
    >>> from fractions import Fraction
    >>> half = Fraction(1, 2)
    >>> co.is_lorenz_maximal(four, [2, 2, 1, 3]), co.is_lorenz_maximal(four, [3 * half] * 3 + [7 * half])
    (True, True)
    >>> co.is_lorenz_maximal(four, [3, 2, 0, 3]), co.is_lorenz_maximal(four, [1, 1, 1, 1])
    (False, False)
    """
    game = as_tu_game(game, "is_lorenz_maximal", numeric="compares worths")
    atol = check_tolerance(atol, "is_lorenz_maximal")
    payoffs = payoff_vector(game, x, "is_lorenz_maximal")
    if not is_in_core(game, payoffs.tolist(), atol=atol):
        return False
    if game.is_cost:  # -x Lorenz-dominates -y exactly when x dominates y (equal totals)
        return is_lorenz_maximal(negated_worths(game), [-v for v in payoffs.tolist()], atol=atol)
    exact = game.kind != nb.FLOAT and payoffs.dtype == object
    tol: Any = 0
    if not exact:
        game = game.to_float() if game.kind != nb.FLOAT else game
        tol = _tolerance(game, atol, "is_lorenz_maximal")
    n = game.n_players
    if n <= 1:
        return True
    return _unimprovable(game, payoffs.tolist(), list(range(1, n)), tol, exact)


def _projection(game: TUGame, x: list, tol: Any) -> list:
    """The least-norm point of the core from the core point ``x`` (see lorenz_solution);
    ``tol`` is 0 for exact games."""
    n = game.n_players
    full = (1 << n) - 1
    if n <= 1:
        return [game.grand_value] * n
    exact = game.kind != nb.FLOAT
    values = game.values
    zero: Any = nb.constant(0, game.kind) if exact else 0.0
    if not exact:
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
    # least squares: in floats a nearly dependent working set (worths near underflow) must
    # not fail; with a consistent right-hand side it still gives the least-norm point
    solved, *_ = np.linalg.lstsq(np.asarray(gram, dtype=np.float64), np.asarray(rhs), rcond=None)
    return solved.tolist()
