"""The least core: the smallest uniform tax on coalitions that makes the core non-empty."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import mask_bits, mask_indicator, subset_sums
from .._checks import check_tolerance, front_door
from .._exact_linalg import positive_combination, solve_exact
from ..exceptions import SolverError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import BalancedCollection, LeastCoreResult
from . import _minimal_balanced, _three_players
from ._normal_form import NormalForm, exact_float, normal_form
from ._nucleolus_weighted import (
    CONSTRAINT_GENERATION,
    LEAST_CORE_SWITCH,
    unless_too_large,
    voting_least_core,
    wants_constraint_generation,
)
from ._sequential import sequential_lp
from .imputations import payoff_vector

__all__ = ["least_core", "is_in_least_core", "max_excess"]

#: HiGHS's own feasibility tolerance: float answers are verified to ``max(atol, LP_TOL)``,
#: relative to the largest zero-normalised worth.
LP_TOL = 1e-7


def max_excess(game: TUGame, x: Sequence[Any]) -> Any:
    r"""The largest excess over the proper non-empty coalitions.

    The excess is :math:`v(S) - x(S)` for a game of worths and :math:`x(S) - c(S)` for a cost
    game (how much more than its stand-alone cost ``S`` pays). Exact for a rational game and
    rational ``x``.

    Examples
    --------
    >>> import coalitions as co
    >>> co.max_excess(co.majority_game(3), [1, 0, 0])
    Fraction(1, 1)
    >>> co.max_excess(co.airport_game([1, 2]), [1, 1])
    Fraction(0, 1)
    """
    game = as_tu_game(game, "max_excess")
    nf = normal_form(game, "max_excess")
    payoffs = payoff_vector(game, x, "max_excess")
    n = game.n_players
    exact = payoffs.dtype == object
    if n <= 1:
        return nb.constant(0, nb.EXACT if exact else nb.FLOAT)
    if exact and nf.exact:
        return nf.exact_max_excess(nf.from_payoffs(list(payoffs), exact=True))
    return nf.float_max_excess(nf.from_payoffs(list(payoffs), exact=False))


@dataclass
class LeastCoreSolution:
    """The least core of a normal form: ``x0`` and ``epsilon`` in its (true) units."""

    x0: list
    epsilon: Any
    support: list
    delta: list
    exact: bool
    verified: bool
    nit: int
    success: bool = True
    message: str = ""
    closed_form: bool = False  # solved by the two- and three-player closed form (no LP)

    @classmethod
    def failed(cls, n: int, nit: int, message: str) -> LeastCoreSolution:
        """No answer (NaN payoffs, ``success=False``) and ``message`` saying why."""
        return cls([float("nan")] * n, float("nan"), [], [], False, False, nit, False, message)


def solve_least_core(nf: NormalForm, atol: float) -> LeastCoreSolution:
    """The least-core LP on a normal form, verified exactly (exact forms) or within
    ``max(atol, LP_TOL)`` of the scaled data (float forms)."""
    n = nf.n
    if n <= 1:  # no proper coalition to constrain: the grand coalition's worth, if any
        zero = Fraction(0) if nf.exact else 0.0
        x0 = [nf.grand if nf.exact else float(nf.floats[-1])] * n
        return LeastCoreSolution(x0, zero, [], [], nf.exact, True, 0)
    if n <= _three_players.MAX_PLAYERS:
        closed = _three_players.closed_form_least_core(nf, atol)
        if closed is not None:
            x0, epsilon, support, delta = closed
            if nf.exact:
                message = "exact; closed form for at most three players, primal and dual agree"
            else:
                tol = max(atol, _three_players.ROUNDING)
                message = (
                    "floating point; closed form for at most three players, primal and dual "
                    f"agree within {tol:g} (relative to the zero-normalised worths)"
                )
            return LeastCoreSolution(
                x0, epsilon, support, delta, nf.exact, True, 0, message=message, closed_form=True
            )
    if nf.exact and n in _minimal_balanced.TABLE_PLAYERS and not _three_players.FORCE_LP:
        tabled = table_least_core(nf)
        if tabled is not None:
            x0, epsilon, support, delta = tabled
            return LeastCoreSolution(
                x0,
                epsilon,
                support,
                delta,
                True,
                True,
                0,
                message="exact; minimal balanced collections (no LP), primal and dual agree",
            )
    run = sequential_lp(nf.floats, n, imputation=False, first_stage_only=True, atol=atol)
    if not run.success:
        return LeastCoreSolution.failed(n, run.nit, run.message)
    support = [mask for mask, _w in run.duals]
    if nf.exact:
        found = _exact_least_core(nf, support, run)
        if found is None:
            tight = _tight_masks(nf, run, atol)
            found = _exact_least_core(nf, tight, run, any_weights=True)
        if found is None:
            return LeastCoreSolution.failed(
                n,
                run.nit,
                "the least-core LP answer could not be certified in exact arithmetic (its "
                "primal and dual bounds do not meet); no answer is given rather than a wrong one",
            )
        x0, epsilon, support, delta = found
        return LeastCoreSolution(
            x0, epsilon, support, delta, True, True, run.nit, message="exact; primal and dual agree"
        )
    weights = np.array([w for _m, w in run.duals])
    x0 = [nf.from_lp(v) for v in run.x]
    t = float(run.levels[0])
    delta = list(weights)
    tol = max(atol, LP_TOL)
    ok = weights.size > 0
    if ok:
        bits = mask_bits(np.array(support), n)
        cover = weights @ bits
        lam = float(cover.mean())
        ok = lam > 0 and bool(np.all(np.abs(cover - lam) <= tol * max(1.0, lam)))
        if ok:
            delta = list(weights / lam)
            dual = (float(weights @ nf.floats[support]) - lam * float(nf.floats[-1])) / float(
                weights.sum()
            )
            fexc = nf.floats - subset_sums(np.asarray(run.x, dtype=np.float64), n)
            primal = float(fexc[1 : nf.full].max())
            efficient = abs(float(np.sum(run.x)) - float(nf.floats[-1])) <= tol
            ok = efficient and abs(primal - t) <= tol and abs(dual - t) <= tol
    if not ok:
        return LeastCoreSolution.failed(
            n,
            run.nit,
            "the least-core LP answer failed its check (primal and dual bounds within "
            f"{tol:g} of the zero-normalised, scaled worths); no answer is given "
            "rather than a wrong one",
        )
    return LeastCoreSolution(
        x0,
        nf.from_lp(t),
        support,
        delta,
        False,
        True,
        run.nit,
        message="floating point; primal and dual agree within "
        f"{tol:g} (relative to the zero-normalised worths)",
    )


#: The choices of ``method=`` in :func:`least_core`.
LEAST_CORE_METHODS = ("auto", "highs", CONSTRAINT_GENERATION)


@front_door(LEAST_CORE_METHODS)
def least_core(game: TUGame, *, atol: float = 1e-9, method: str = "auto") -> LeastCoreResult:
    r"""The least-core value :math:`\varepsilon^*` and one point of the least core.

    .. math:: \varepsilon^* = \min \{\varepsilon : \exists x,\ x(N) = v(N),\
              x(S) \ge v(S) - \varepsilon \ \forall S \ne \emptyset, N\}

    The core is non-empty exactly when :math:`\varepsilon^* \le 0`. For a cost game
    (``game.is_cost``) the constraints read :math:`x(S) \le c(S) + \varepsilon` and
    :math:`x(N) = c(N)`: ``x`` holds cost shares.

    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs.
    atol : float
        LP tolerance, relative to the largest worth of the zero-normalised game.
    method : {"auto", "highs", "constraint-generation"}, default "auto"
        ``"highs"``: the linear program over the ``2**n`` table, solved by HiGHS; its answer
        is rebuilt and checked exactly for rational games. ``"constraint-generation"``: for
        a WeightedVotingGame or CompoundGame, the LP over the player types with rows from a
        dynamic programme over the integer weights, certified exactly without the table.
        ``"auto"`` takes it for such games of more than 21 players (faster from 22),
        falling back to the table up to 25 players when its programme would be too large,
        and ``"highs"`` otherwise.
        Its ``certificate`` spells each coalition profile of the type-space dual out as the
        rotations of its members within their types; it is None (and ``message`` names the
        profiles) when that would exceed 65,536 coalitions.

    Returns
    -------
    LeastCoreResult
        ``epsilon``, ``x`` (a least-core point), ``certificate`` (the balanced collection from
        the LP dual that proves ``epsilon`` optimal), ``exact``, ``verified``, ``nit`` and
        ``cost``. For a rational game ``exact=True`` means the point and the dual weights were
        rebuilt in exact arithmetic and both bounds meet exactly. When the answer cannot be
        verified, ``success`` is False, ``x`` holds NaN and ``message`` says why.

    Notes
    -----
    The LP is solved on the zero-normalised game :math:`v_0(S) = v(S) - \sum_{i \in S}
    v(\{i\})` (for a cost game: the savings game :math:`\sum_{i \in S} c(\{i\}) - c(S)`),
    divided by a power of two so that its worths are at most one: the least core is
    covariant under this strategic equivalence, and the LP never sees a large offset such
    as :math:`10^9 |S|`. One LP, :math:`\min \varepsilon` subject to the coalition
    constraints, solved with row generation above 10 players: the LP starts from the
    singletons and their complements and adds the most violated coalitions, found by one
    vectorised pass over the :math:`2^n` table, until none is violated. The optimal dual
    weights :math:`y_S` satisfy :math:`\sum_S y_S 1_S = \lambda 1_N` and give
    :math:`\varepsilon^* = \sum_S y_S v(S) - \lambda v(N)` with :math:`\sum y_S = 1`. For a
    rational game both the dual bound and the primal point are rebuilt in exact arithmetic
    and must give the same :math:`\varepsilon^*`.

    Games of at most three players are solved in closed form without an LP: the value is
    the largest bound of the minimal balanced collections, the point the prenucleolus, and
    the two bounds are checked to meet as above (``nit`` is then 0). So are rational games
    of four and five players (and float games with integer worths): the value is the
    largest bound over their 41 (1,291) minimal balanced collections, computed in
    integers (Bondareva 1963; Shapley 1967), and the point the prenucleolus of the same
    collections' stages, rebuilt as rationals; it is returned only when its exact largest
    excess is that value, else the LP decides.

    References
    ----------
    .. [1] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.

    Examples
    --------
    >>> import coalitions as co
    >>> result = co.least_core(co.majority_game(3))
    >>> result.epsilon, result.exact
    (Fraction(1, 3), True)
    >>> runway = co.least_core(co.airport_game([1, 2, 3]))
    >>> runway.epsilon, runway.cost
    (Fraction(-1, 2), True)
    """
    if wants_constraint_generation(game, method, "least_core", above=LEAST_CORE_SWITCH):
        tolerance = check_tolerance(atol, "least_core")
        found = unless_too_large(game, method, lambda: voting_least_core(game, atol=tolerance))
        if found is not None:
            return found
    game = as_tu_game(game, "least_core")
    atol = check_tolerance(atol, "least_core")
    nf = normal_form(game, "least_core")
    return least_core_result(nf, solve_least_core(nf, atol))


def least_core_result(nf: NormalForm, solution: LeastCoreSolution) -> LeastCoreResult:
    """The public result of a solved normal form, in the original game's units."""
    game = nf.game

    def result(**fields: Any) -> LeastCoreResult:
        return LeastCoreResult(
            players=game.players,
            nit=solution.nit,
            cost=game.is_cost,
            concept="least-core",
            method="highs",
            **fields,
        )

    if not solution.success:
        nan = float("nan")
        return result(
            x=np.full(nf.n, nan), exact=False, epsilon=nan, message=solution.message, success=False
        )
    certificate = None
    if solution.support:
        certificate = balanced_collection(
            game, solution.support, solution.delta, exact=solution.exact and game.kind == nb.EXACT
        )
    message = solution.message
    if solution.exact and game.kind == nb.FLOAT:
        how = (
            "found by the closed form for at most three players"
            if solution.closed_form
            else "rebuilt"
        )
        message = (
            f"float game with integer worths: epsilon and the point were {how} in "
            "exact arithmetic and verified (primal and dual agree)"
        )
    if game.is_cost:
        message += "; in costs"
    return result(
        x=nf.to_payoffs(solution.x0),
        exact=solution.exact and game.kind == nb.EXACT,
        epsilon=nf.to_amount(solution.epsilon),
        certificate=certificate,
        verified=solution.verified,
        message=message,
    )


def balanced_collection(game: TUGame, support, delta, *, exact: bool) -> BalancedCollection:
    """The balanced collection ``support`` with weights ``delta``, totalled on ``game``."""
    values = game.values
    weights: tuple[Any, ...]
    total: Any
    if exact:
        weights = tuple(Fraction(d) for d in delta)
        total = sum((d * Fraction(values[m]) for d, m in zip(weights, support)), Fraction(0))
    else:
        weights = tuple(map(exact_float, delta))
        total = sum((d * float(values[m]) for d, m in zip(weights, support)), 0.0)
    players = game.players
    return BalancedCollection(
        coalitions=tuple(tuple(p for i, p in enumerate(players) if m >> i & 1) for m in support),
        weights=weights,
        total=total,
        grand_value=values[-1] if exact else float(values[-1]),
        exact=exact,
        cost=game.is_cost,
        players=game.players,
        concept="balanced-collection",
        method="lp-dual",
    )


def table_least_core(nf: NormalForm):
    """``(x0, epsilon, support, delta)`` of an exact normal form of four or five players
    from the minimal balanced collections (``_minimal_balanced.py``), or None.

    The value is the largest Bondareva-Shapley bound of the table, computed in integers
    (a lower bound: its collection is balanced); the point is the prenucleolus of the
    table's float stages, rebuilt as rationals, and it is returned only when its exact
    largest excess is at most that value (the upper bound), so both bounds meet.
    """
    tab = _minimal_balanced.collections_table(nf.n)
    ints = nf.ints
    if tab is None or ints.dtype == object:
        return None
    numerators = tab.bounds(ints)  # exact: weights <= 3, sum <= 9
    ratios = numerators / tab.total
    top = float(ratios.max())
    candidates = np.flatnonzero(ratios >= top - 1e-9 * max(1.0, abs(top)))
    best = max(candidates.tolist(), key=lambda k: Fraction(int(numerators[k]), int(tab.total[k])))
    bound = Fraction(int(numerators[best]), int(tab.total[best]))  # in units of 1 / den
    x_float, _fixed, _levels = _minimal_balanced.stage_levels(nf.floats, nf.n)
    units = nf.rational_point(x_float)
    if units is None:
        return None
    keys, scale = nf.integer_excesses(units, bound)
    if not (keys[1 : nf.full] <= int(bound * scale)).all():
        return None
    support = [int(m) for m in np.flatnonzero(tab.weights[best])]
    lam = int(tab.cover[best])
    delta = [Fraction(int(tab.weights[best, m]), lam) for m in support]
    den = nf.den
    return [u / den for u in units], bound / den, support, delta


def _tight_masks(nf: NormalForm, run, atol: float) -> list[int]:
    """Coalitions whose float excess at the LP point is within tolerance of the level."""
    fexc = nf.floats - subset_sums(np.asarray(run.x, dtype=np.float64), nf.n)
    inner = fexc[1 : nf.full]
    close = np.flatnonzero(inner >= float(run.levels[0]) - max(atol, LP_TOL)) + 1
    return [int(m) for m in close[: 64 * nf.n]]


def _exact_least_core(nf: NormalForm, support: list[int], run, *, any_weights: bool = False):
    """Exact dual weights, epsilon and a primal point whose largest excess is epsilon.

    The weights come from an exact positive combination ``sum a_S 1_S = lam 1_N`` of the
    support (every weight positive; with ``any_weights`` only non-negative, for a support that
    may hold coalitions outside the optimal dual's), which bounds epsilon from below; the
    point solves the support's equalities and bounds it from above. None unless they meet.
    """
    n = nf.n
    if not support:
        return None
    rows = mask_bits(np.array(support, dtype=np.int64), n, np.int64)
    grand_row = np.ones((1, n), dtype=np.int64)
    if any_weights:
        found = positive_combination(-grand_row, rows, np.zeros((0, n), dtype=np.int64))
        if found is None:
            return None
        (lam,), b, _c = found
        keep = [k for k, w in enumerate(b) if w > 0]
        support = [support[k] for k in keep]
        a = [b[k] for k in keep]
        if not support:
            return None
    else:
        found = positive_combination(rows, np.zeros((0, n), dtype=np.int64), grand_row)
        if found is None:
            return None
        a, _b, c = found
        lam = -c[0]  # sum a_S 1_S = lam 1_N
    if lam <= 0:
        return None
    total_a = sum(a)
    worth = [nf.value(m) for m in support]
    grand = nf.grand
    epsilon = (sum(ai * w for ai, w in zip(a, worth)) - lam * grand) / total_a
    eq_rows = [[1] * n]
    rhs = [grand]
    for m, w in zip(support, worth):
        eq_rows.append(mask_indicator(m, n))
        rhs.append(w - epsilon)
    x = solve_exact(eq_rows, rhs, lambda k: nf.from_lp(run.x[k]))
    if x is None:
        return None
    if nf.exact_max_excess(x) != epsilon:
        return None
    delta = [ai / lam for ai in a]
    return x, epsilon, support, delta


def is_in_least_core(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is efficient and no coalition's excess exceeds the least-core value.

    Exact for rational games and payoffs; within ``atol`` otherwise (relative to the largest
    worth of the zero-normalised game). For a cost game the excess is ``x(S) - c(S)``.

    Examples
    --------
    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> game = co.majority_game(3)
    >>> co.is_in_least_core(game, [F(1, 3)] * 3), co.is_in_least_core(game, [1, 0, 0])
    (True, False)
    """
    game = as_tu_game(game, "is_in_least_core")
    atol = check_tolerance(atol, "is_in_least_core")
    nf = normal_form(game, "is_in_least_core")
    payoffs = payoff_vector(game, x, "is_in_least_core")
    solution = solve_least_core(nf, atol)
    if not solution.success:
        raise SolverError(f"is_in_least_core: {solution.message}")
    return excesses_at_most(nf, payoffs, solution.epsilon, atol)


def excesses_at_most(nf: NormalForm, x: np.ndarray, level: Any, atol: float) -> bool:
    """Whether ``x`` (a checked payoff vector of the original game) is efficient and every
    proper coalition's excess is at most ``level`` (an amount in the game's units).

    Exact when ``x`` and the normal form are rational (and ``level`` is a Fraction); otherwise
    within ``atol`` relative to the zero-normalised worths.
    """
    if x.dtype == object and nf.exact and isinstance(level, (int, Fraction)):
        x0 = nf.from_payoffs(list(x), exact=True)
        if sum(x0) != nf.grand:
            return False
        return nf.n <= 1 or nf.exact_max_excess(x0) <= level
    x0 = nf.from_payoffs(list(x), exact=False)
    atol = atol + nf.rounding  # what the float normal form itself may be off by
    lp = [nf.to_lp(v) for v in x0]
    if not all(math.isfinite(v) for v in lp):
        return False  # a payoff beyond the float range of the game's LP units
    gap = sum(map(Fraction, lp), Fraction(0)) - Fraction(float(nf.floats[-1]))
    if abs(gap) > atol:
        return False
    if nf.n <= 1:
        return True
    top = float(nf.float_excesses(x0)[1 : nf.full].max())
    return top <= nf.to_lp(level) + atol
