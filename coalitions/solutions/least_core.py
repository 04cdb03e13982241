"""The least core: the smallest uniform tax on coalitions that makes the core non-empty."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers as nb
from ..games.tu import TUGame
from ..results import BalancedCollection, LeastCoreResult
from ._sequential import sequential_lp
from ._tables import (exact_max_excess, mask_bits, numeric_table, positive_combination,
                      solve_exact, subset_sums, to_game_numbers)
from .imputations import payoff_vector
from .semivalues import check_game

__all__ = ["least_core", "is_in_least_core", "max_excess"]


def max_excess(game: TUGame, x: Sequence[Any]) -> Any:
    """The largest excess ``v(S) - x(S)`` over the proper non-empty coalitions.

    Exact for a rational game and rational ``x``.

    Examples
    --------
    >>> import coalitions as co
    >>> co.max_excess(co.majority_game(3), [1, 0, 0])
    Fraction(1, 1)
    """
    game = check_game(game, "max_excess")
    numeric_table(game, "max_excess")
    x = payoff_vector(game, x, "max_excess")
    n = game.n_players
    if n == 1:
        return nb.constant(0, nb.FLOAT if x.dtype != object else nb.EXACT)
    full = (1 << n) - 1
    if x.dtype == object:
        return exact_max_excess(game, list(x))
    v = numeric_table(game, "max_excess")
    exc = v - subset_sums(x, n)
    return float(exc[1:full].max())


def least_core(game: TUGame, *, atol: float = 1e-9) -> LeastCoreResult:
    r"""The least-core value :math:`\varepsilon^*` and one point of the least core.

    .. math:: \varepsilon^* = \min \{\varepsilon : \exists x,\ x(N) = v(N),\
              x(S) \ge v(S) - \varepsilon \ \forall S \ne \emptyset, N\}

    The core is non-empty exactly when :math:`\varepsilon^* \le 0`.

    Parameters
    ----------
    game : TUGame
        A float or rational game.
    atol : float
        LP tolerance, relative to the largest worth.

    Returns
    -------
    LeastCoreResult
        ``epsilon``, ``x`` (a least-core point), ``certificate`` (the balanced collection from
        the LP dual that proves ``epsilon`` optimal), ``exact`` and ``n_lps``. For a rational
        game ``exact=True`` means the point and the dual weights were rebuilt in exact
        arithmetic and both bounds meet exactly.

    Notes
    -----
    One LP, :math:`\min \varepsilon` subject to the coalition constraints, solved with row
    generation above 10 players: the LP starts from the singletons and their complements and
    adds the most violated coalitions, found by one vectorised pass over the :math:`2^n`
    table, until none is violated. The optimal dual weights :math:`y_S` satisfy
    :math:`\sum_S y_S 1_S = \lambda 1_N` and give
    :math:`\varepsilon^* = \sum_S y_S v(S) - \lambda v(N)` with :math:`\sum y_S = 1`.

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
    """
    game = check_game(game, "least_core")
    v = numeric_table(game, "least_core")
    n = game.n_players
    if n == 1:
        zero = nb.constant(0, game.kind)
        return LeastCoreResult(x=to_game_numbers([game.grand_value], game.kind),
                               players=game.players, exact=game.exact, epsilon=zero)
    run = sequential_lp(v, n, imputation=False, first_stage_only=True, atol=atol)
    if not run.success:
        return LeastCoreResult(x=np.full(n, np.nan), players=game.players, exact=False,
                               epsilon=float("nan"), n_lps=run.n_lps, message=run.message,
                               success=False)
    support = [mask for mask, _w in run.duals]
    weights = np.array([w for _m, w in run.duals])
    integral = game.kind == nb.FLOAT and bool(
        np.abs(v).max(initial=0) < 2.0**52 and np.all(v == np.round(v)))
    if game.kind == nb.EXACT or integral:
        exact = _exact_least_core(game, support, run)
        if exact is not None and integral:
            x_exact, epsilon, delta = exact
            return LeastCoreResult(
                x=to_game_numbers([float(f) for f in x_exact], nb.FLOAT),
                players=game.players, exact=False, epsilon=float(epsilon),
                certificate=_collection(game, support, [float(d) for d in delta],
                                        exact=False),
                n_lps=run.n_lps, verified=True,
                message="float game with integer worths: epsilon and the point were rebuilt "
                        "in exact arithmetic and verified (primal and dual agree)")
        if exact is not None:
            x_exact, epsilon, delta = exact
            certificate = _collection(game, support, delta, exact=True)
            return LeastCoreResult(verified=True, x=to_game_numbers(x_exact, nb.EXACT), players=game.players,
                                   exact=True, epsilon=epsilon, certificate=certificate,
                                   n_lps=run.n_lps, message="exact; primal and dual agree")
    delta = weights
    if weights.size:
        lam = float((weights @ mask_bits(np.array(support), n)).mean())
        delta = weights / lam
    certificate = _collection(game, support, list(delta), exact=False)
    return LeastCoreResult(x=to_game_numbers(run.x, nb.FLOAT), players=game.players,
                           exact=False, epsilon=float(run.levels[0]), certificate=certificate,
                           n_lps=run.n_lps, message="floating point")


def _collection(game: TUGame, support, delta, *, exact: bool) -> BalancedCollection:
    values = game.values
    if exact:
        total = sum((d * values[m] for d, m in zip(delta, support)), Fraction(0))
        grand = values[-1]
        weights = tuple(delta)
    else:
        total = float(sum(d * float(values[m]) for d, m in zip(delta, support)))
        grand = float(values[-1])
        weights = tuple(float(d) for d in delta)
    coalitions = tuple(tuple(p for i, p in enumerate(game.players) if m >> i & 1)
                       for m in support)
    return BalancedCollection(coalitions=coalitions, weights=weights, total=total,
                              grand_value=grand, exact=exact)


def _exact_least_core(game: TUGame, support: list[int], run):
    """Exact dual weights, epsilon and a primal point whose excesses are all <= epsilon."""
    n = game.n_players
    full = (1 << n) - 1
    values = game.values
    strict = mask_bits(np.array(support, dtype=np.int64), n, np.int64)
    grand_row = np.ones((1, n), dtype=np.int64)
    found = positive_combination(strict, np.zeros((0, n), dtype=np.int64), grand_row)
    if found is None:
        return None
    a, _b, c = found
    lam = -c[0]                       # sum a_S 1_S = lam 1_N
    if lam <= 0:
        return None
    total_a = sum(a)
    worth = [Fraction(values[m]) for m in support]
    grand = Fraction(values[full])
    epsilon = (sum(ai * w for ai, w in zip(a, worth)) - lam * grand) / total_a
    rows = [[1] * n]
    rhs = [grand]
    for m, w in zip(support, worth):
        rows.append([(m >> i) & 1 for i in range(n)])
        rhs.append(w - epsilon)
    x = solve_exact(rows, rhs, list(run.x))
    if x is None:
        return None
    if exact_max_excess(game, x) != epsilon:
        return None
    delta = [ai / lam for ai in a]
    return x, epsilon, delta


def is_in_least_core(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is efficient and no coalition's excess exceeds the least-core value.

    Exact for rational games and payoffs; within ``atol`` otherwise.

    Examples
    --------
    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> game = co.majority_game(3)
    >>> co.is_in_least_core(game, [F(1, 3)] * 3), co.is_in_least_core(game, [1, 0, 0])
    (True, False)
    """
    from .imputations import is_efficient

    game = check_game(game, "is_in_least_core")
    if not is_efficient(game, x, atol=atol):
        return False
    epsilon = least_core(game, atol=atol).epsilon
    top = max_excess(game, x)
    if isinstance(top, Fraction) and isinstance(epsilon, Fraction):
        return top <= epsilon
    scale = max(1.0, float(np.max(np.abs(numeric_table(game, "is_in_least_core")))))
    return float(top) <= float(epsilon) + atol * scale + 1e-9 * scale
