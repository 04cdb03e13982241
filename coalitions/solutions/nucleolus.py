r"""The nucleolus, the prenucleolus and the per-capita nucleolus, certified by Kohlberg's
criterion."""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Sequence

import numpy as np

from .. import _numbers as nb
from ..exceptions import InvalidGameError
from ..games.tu import TUGame
from ..results import NucleolusResult
from ._sequential import kohlberg, reconstruct_exact, sequential_lp
from ._tables import (exact_vector, float_excesses, numeric_table, to_game_numbers,
                      top_excesses)
from .semivalues import check_game, check_method

__all__ = ["nucleolus", "prenucleolus", "per_capita_nucleolus", "is_nucleolus",
           "is_prenucleolus"]

_METHODS = ("sequential",)


def _check_imputations_exist(game: TUGame, function: str) -> None:
    values = game.values
    n = game.n_players
    singles = sum(values[1 << i] for i in range(n))
    if singles > game.grand_value + (1e-9 if game.kind == nb.FLOAT else 0):
        raise InvalidGameError(
            f"{function}: the imputation set is empty (the players' individual worths add up "
            f"to {singles}, more than v(N) = {game.grand_value}); the nucleolus is not "
            "defined. Use prenucleolus(game), which needs no imputation."
        )


def _solve(game: Any, *, concept: str, method: str, verify: bool, atol: float,
           progress: Callable[[int, int], None] | None) -> NucleolusResult:
    game = check_game(game, concept)
    check_method(method, _METHODS)
    imputation = concept != "prenucleolus"
    per_capita = concept == "per_capita_nucleolus"
    v = numeric_table(game, concept)
    n = game.n_players
    if imputation:
        _check_imputations_exist(game, concept)
    weights = list(range(n + 1)) if per_capita else None
    run = sequential_lp(v, n, imputation=imputation, weight_by_size=weights, atol=atol,
                        progress=progress)
    if not run.success:
        x = np.full(n, np.nan)
        return NucleolusResult(x=x, players=game.players, exact=False, concept=concept,
                               method=method, n_lps=run.n_lps, success=False,
                               message=run.message)
    levels = _dedupe(run.levels, atol * max(1.0, float(np.max(np.abs(v)))))
    integral = game.kind == nb.FLOAT and _integral(v)
    if (game.kind == nb.EXACT or integral) and verify:
        rebuilt = reconstruct_exact(game.values, n, run, weights)
        if rebuilt is not None:
            x_exact, _stage_levels = rebuilt
            if _verify(game, x_exact, imputation, per_capita, exact=True, atol=atol):
                if integral:
                    return NucleolusResult(
                        x=to_game_numbers([float(f) for f in x_exact], nb.FLOAT),
                        players=game.players, exact=False, concept=concept, method=method,
                        levels=tuple(float(f) for f in _dedupe(_stage_levels, 0)),
                        n_lps=run.n_lps, verified=True,
                        message="float game with integer worths: rebuilt in exact arithmetic "
                                "and verified by Kohlberg's criterion; x holds the floats of "
                                "the exact answer")
                return NucleolusResult(
                    x=to_game_numbers(x_exact, nb.EXACT), players=game.players, exact=True,
                    concept=concept, method=method, levels=tuple(_dedupe(_stage_levels, 0)),
                    n_lps=run.n_lps, verified=True,
                    message="exact; verified by Kohlberg's criterion")
        return NucleolusResult(
            x=to_game_numbers(run.x, nb.FLOAT), players=game.players, exact=False,
            concept=concept, method=method, levels=tuple(levels), n_lps=run.n_lps,
            verified=False,
            message="float answer: the exact reconstruction did not pass Kohlberg's criterion")
    verified = False
    message = "float game: answer in floating point"
    if verify and game.kind == nb.FLOAT:
        verified = _verify(game, run.x, imputation, per_capita, exact=False, atol=1e-7 *
                           max(1.0, float(np.max(np.abs(v)))))
        message += ("; Kohlberg's criterion holds within tolerance" if verified else
                    "; Kohlberg's criterion could not be confirmed within tolerance")
    return NucleolusResult(x=to_game_numbers(run.x, nb.FLOAT), players=game.players,
                           exact=False, concept=concept, method=method, levels=tuple(levels),
                           n_lps=run.n_lps, verified=verified, message=message)


def _integral(v: np.ndarray) -> bool:
    return bool(np.abs(v).max(initial=0) < 2.0**52 and np.all(v == np.round(v)))


def _dedupe(levels: Sequence[Any], tol: float) -> list:
    out: list = []
    for level in levels:
        if not out or abs(level - out[-1]) > tol:
            out.append(level)
    return out


def _verify(game: TUGame, x, imputation: bool, per_capita: bool, *, exact: bool,
            atol: float) -> bool:
    n = game.n_players
    values = game.values
    full = (1 << n) - 1
    if exact:
        x = [Fraction(v) for v in x]
        if sum(x) != values[full]:
            return False
        zero = []
        if imputation:
            for i in range(n):
                if x[i] < values[1 << i]:
                    return False
                if x[i] == values[1 << i]:
                    zero.append(i)
    else:
        v = numeric_table(game, "nucleolus")
        x = np.asarray(x, dtype=float)
        if abs(x.sum() - v[full]) > atol:
            return False
        zero = []
        if imputation:
            singles = v[[1 << i for i in range(n)]]
            if np.any(x < singles - atol):
                return False
            zero = [i for i in range(n) if abs(x[i] - singles[i]) <= atol]
    fexc = float_excesses(game, x, per_capita)
    count = 4096
    while True:
        masks, keys, bound, _d = top_excesses(game, x, per_capita=per_capita, exact=exact,
                                          count=count, fexc=fexc)
        verdict = kohlberg(n, masks, keys, zero, exact=exact, atol=atol,
                           complete_above=bound)
        if verdict is not None:
            return verdict
        count *= 8


_DOC_PARAMS = """
    Parameters
    ----------
    game : TUGame
        A float or rational game (substitute the symbols of a symbolic game first).
    method : {"sequential"}
        Sequential linear programming with row generation.
    verify : bool
        Check the answer with Kohlberg's criterion. For rational games the LP answer is
        rebuilt in exact arithmetic first and ``exact=True`` is reported only when the exact
        answer passes the exact check.
    atol : float
        Tolerance of the LP stages (relative to the largest coalition worth).
    progress : callable, optional
        Called as ``progress(rank, n)`` at each stage (rank of the fixed coalitions).
"""


def nucleolus(game: TUGame, *, method: str = "sequential", verify: bool = True,
              atol: float = 1e-9, progress: Callable[[int, int], None] | None = None
              ) -> NucleolusResult:
    r"""The nucleolus: the imputation that lexicographically minimises the sorted excesses.

    The excess of coalition :math:`S` at :math:`x` is :math:`e(S, x) = v(S) - x(S)`. Among
    imputations (:math:`x(N) = v(N)`, :math:`x_i \ge v(\{i\})`), the nucleolus makes the
    vector of the :math:`2^n - 2` excesses, sorted in decreasing order, lexicographically
    smallest (Schmeidler 1969). It is unique, and lies in the core whenever the core is not
    empty.
    {params}
    Returns
    -------
    NucleolusResult
        ``x``, ``levels`` (the successive maximal excesses), ``n_lps``, ``verified``,
        ``exact`` (rational games: exact and verified), ``success`` and ``message``.

    Raises
    ------
    InvalidGameError
        If the imputation set is empty (use :func:`prenucleolus`) or the game is symbolic.

    Notes
    -----
    Sequential LPs (Kopelowitz 1967; Maschler, Peleg and Shapley 1979). Stage k minimises the
    largest excess of the coalitions not yet fixed. A coalition is fixed only when its LP
    dual is positive, so that it is tight in every optimum; fixing every coalition that is
    merely tight at the returned vertex is the classic bug that gives wrong nucleoli on
    degenerate games. Coalitions in the linear span of the fixed ones are dropped. At most n
    stages are needed. Above 10 players the rows are generated lazily: each LP holds a few
    hundred coalitions, and the most violated coalition is found by one vectorised pass over
    the table (``x(S)`` for all S by the subset-sum doubling recurrence), so memory stays at
    O(2^n) numbers for the table plus O(n * rows) for the LP.

    Verification: Kohlberg (1971) -- ``x`` is the nucleolus iff, for every level d, the
    coalitions with excess at least d (together with the singletons held at their individual
    worth) form a balanced collection. Only levels that raise the rank need a check (Benedek,
    Fliege and Nguyen 2021), each a small LP whose vertex is rebuilt exactly.

    References
    ----------
    .. [1] Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM J.
       Appl. Math.* 17(6), 1163-1170.
    .. [2] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.
    .. [3] Kohlberg, E. (1971). On the nucleolus of a characteristic function game. *SIAM J.
       Appl. Math.* 20(1), 62-66.
    .. [4] Benedek, M., Fliege, J. and Nguyen, T.-D. (2021). Finding and verifying the
       nucleolus of cooperative games. *Math. Programming* 190, 135-170.

    Examples
    --------
    The Talmud's estate of 200 with claims 100, 200, 300 (Aumann and Maschler 1985):

    >>> import coalitions as co
    >>> result = co.nucleolus(co.bankruptcy_game(200, [100, 200, 300]))
    >>> result.x.tolist(), result.exact
    ([Fraction(50, 1), Fraction(75, 1), Fraction(75, 1)], True)
    >>> co.nucleolus(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    return _solve(game, concept="nucleolus", method=method, verify=verify, atol=atol,
                  progress=progress)


def prenucleolus(game: TUGame, *, method: str = "sequential", verify: bool = True,
                 atol: float = 1e-9, progress: Callable[[int, int], None] | None = None
                 ) -> NucleolusResult:
    r"""The prenucleolus: like the nucleolus, over all efficient vectors.

    Lexicographically minimises the sorted excesses over :math:`x(N) = v(N)` without
    individual rationality. It lies in the least core, and coincides with the nucleolus when
    the core is not empty.
    {params}
    Returns
    -------
    NucleolusResult

    Notes
    -----
    Same algorithm and verification as :func:`nucleolus`, without the bounds
    :math:`x_i \ge v(\{{i\}})`.

    References
    ----------
    .. [1] Sobolev, A. I. (1975). The characterization of optimality principles by
       functional equations. *Mathematical Methods in the Social Sciences* 6, 95-151.

    Examples
    --------
    >>> import coalitions as co
    >>> co.prenucleolus(co.majority_game(3)).x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    """
    return _solve(game, concept="prenucleolus", method=method, verify=verify, atol=atol,
                  progress=progress)


def per_capita_nucleolus(game: TUGame, *, method: str = "sequential", verify: bool = True,
                         atol: float = 1e-9,
                         progress: Callable[[int, int], None] | None = None
                         ) -> NucleolusResult:
    r"""The per-capita nucleolus: the nucleolus of the excesses divided by coalition size.

    Lexicographically minimises the sorted per-capita excesses :math:`(v(S) - x(S)) / |S|`
    over the imputations (Grotte 1970). Used in cost sharing when large coalitions should not
    weigh like small ones.
    {params}
    Returns
    -------
    NucleolusResult

    References
    ----------
    .. [1] Grotte, J. H. (1970). *Computation of and observations on the nucleolus, the
       normalised nucleolus and the central games*. MSc thesis, Cornell University.

    Examples
    --------
    >>> import coalitions as co
    >>> co.per_capita_nucleolus(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    return _solve(game, concept="per_capita_nucleolus", method=method, verify=verify,
                  atol=atol, progress=progress)


for _function in (nucleolus, prenucleolus, per_capita_nucleolus):
    _function.__doc__ = _function.__doc__.replace("{params}", _DOC_PARAMS).replace(
        "{{", "{").replace("}}", "}")


def _check_x(game: TUGame, x: Sequence[Any], function: str) -> list:
    if len(x) != game.n_players:
        raise InvalidGameError(
            f"{function} needs one payoff per player ({game.n_players}), got {len(x)}."
        )
    return list(x)


def _exact_check(game: TUGame, x) -> bool:
    """Exact check for rational games, and for float games with integer worths when every
    payoff is an int or a Fraction."""
    if game.kind == nb.EXACT:
        return True
    if game.kind != nb.FLOAT:
        return False
    rational = all(isinstance(v, (int, Fraction, np.integer)) and not isinstance(v, bool)
                   for v in x)
    return rational and _integral(game.values)


def is_nucleolus(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is the nucleolus of ``game`` (Kohlberg's criterion).

    Exact for a rational game and rational ``x`` (floats in ``x`` are read as the shortest
    decimal), and for a float game with integer worths when ``x`` holds ints or Fractions;
    within ``atol`` otherwise.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.bankruptcy_game(200, [100, 200, 300])
    >>> co.is_nucleolus(game, [50, 75, 75]), co.is_nucleolus(game, [50, 70, 80])
    (True, False)
    """
    game = check_game(game, "is_nucleolus")
    x = _check_x(game, x, "is_nucleolus")
    if _exact_check(game, x):
        return _verify(game, exact_vector(x), True, False, exact=True, atol=atol)
    numeric_table(game, "is_nucleolus")
    return _verify(game, x, True, False, exact=False, atol=atol)


def is_prenucleolus(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is the prenucleolus of ``game`` (Kohlberg's criterion).

    Examples
    --------
    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> co.is_prenucleolus(co.majority_game(3), [F(1, 3)] * 3)
    True
    """
    game = check_game(game, "is_prenucleolus")
    x = _check_x(game, x, "is_prenucleolus")
    if _exact_check(game, x):
        return _verify(game, exact_vector(x), False, False, exact=True, atol=atol)
    numeric_table(game, "is_prenucleolus")
    return _verify(game, x, False, False, exact=False, atol=atol)
