r"""The kernel and the prekernel (Davis and Maschler 1965), certified by the maximum surpluses.

The maximum surplus of player i over player j at a payoff vector x is

.. math:: s_{ij}(x) = \max \{ e(S, x) : i \in S,\ j \notin S \}, \qquad e(S, x) = v(S) - x(S),

what i can hope to gain without j. The prekernel is the set of efficient x with
:math:`s_{ij}(x) = s_{ji}(x)` for every pair; the kernel is the set of imputations with
:math:`s_{ij}(x) > s_{ji}(x) \Rightarrow x_j = v(\{j\})`. The matrix of maximum surpluses is the
certificate: :func:`is_in_kernel` and :func:`is_in_prekernel` check it, exactly for rational
games.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import bit_matrix, subset_sums
from .._checks import check_integer, check_tolerance, front_door
from .._docstrings import fill_doc
from ..exceptions import InvalidArgumentError, InvalidGameError, SolverError, TooLargeError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import KernelResult
from .imputations import payoff_vector

__all__ = [
    "prekernel",
    "kernel",
    "is_in_kernel",
    "is_in_prekernel",
    "maximum_surpluses",
    "MAX_KERNEL_PLAYERS",
]

#: Largest game whose maximum surpluses are tabulated (n^2 2^(n-1) excess comparisons).
MAX_KERNEL_PLAYERS = 18
#: The choices of ``method=`` in :func:`prekernel` and :func:`kernel`.
PREKERNEL_METHODS = ("prenucleolus", "transfer")
KERNEL_METHODS = ("nucleolus", "transfer")
#: Denominators tried when a converged float point is snapped to rationals.
_SNAP_DENOMINATOR = 10**6


@dataclasses.dataclass(frozen=True)
class _Table:
    """A checked game in the excess convention ``e(S, x) = v(S) - x(S)``: the worths of a
    cost game are negated (``v = -c``) and so are its cost shares (``x = -y``), which maps the
    kernel of ``c`` onto the kernel of ``v``."""

    game: TUGame
    n: int
    exact: bool
    values: np.ndarray  # object array of Fractions (exact) or float64
    sign: int  # -1 for a cost game
    scale: float  # largest absolute worth (at least 1): float tolerances are relative to it

    @property
    def singles(self) -> np.ndarray:
        return self.values[1 << np.arange(self.n)]

    @property
    def grand(self) -> Any:
        return self.values[-1]

    def tolerance(self, atol: float) -> Any:
        return 0 if self.exact else atol * self.scale

    def outward(self, x: np.ndarray) -> np.ndarray:
        """Internal payoffs back in the game's convention (cost shares for a cost game)."""
        return x if self.sign == 1 else -x


def _game_table(game: Any, function: str) -> _Table:
    """The game checked and put in the excess convention (see :class:`_Table`)."""
    game = as_tu_game(game, function, numeric="compares excesses")
    n = game.n_players
    if n > MAX_KERNEL_PLAYERS:
        raise TooLargeError(
            f"{function} tabulates the maximum surpluses of all pairs over the 2**n coalitions; "
            f"{n} players is more than the {MAX_KERNEL_PLAYERS} it handles. Use nucleolus(game) "
            "or prenucleolus(game), which lie in the kernel and the prekernel."
        )
    exact = game.kind == nb.EXACT
    if exact:
        values = np.empty(1 << n, dtype=object)
        values[:] = [Fraction(v) for v in game.values.tolist()]
    else:
        values = np.asarray(game.values, dtype=np.float64).copy()
    sign = -1 if game.is_cost else 1
    if sign == -1:
        values = -values
    scale = max(1.0, max(abs(float(v)) for v in values.tolist()))
    return _Table(game=game, n=n, exact=exact, values=values, sign=sign, scale=scale)


def _payoffs_of(table: _Table, x: Any, function: str) -> np.ndarray:
    """``x`` in the table's number kind and convention: Fractions for a rational game (floats
    read as the decimal they print as, 0.1 -> 1/10), float64 for a float game."""
    payoffs = payoff_vector(table.game, x, function)
    if table.exact and payoffs.dtype != object:
        items = [x[p] for p in table.game.players] if isinstance(x, dict) else list(x)
        payoffs = np.empty(table.n, dtype=object)
        payoffs[:] = [nb.as_number(v, nb.EXACT) for v in items]
    elif not table.exact:
        payoffs = payoffs.astype(np.float64)
    return table.outward(payoffs)


def _surplus_matrix(table: _Table, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(s, best)``: ``s[i, j] = s_ij(x)`` and ``best[i, j]`` a coalition (mask) attaining it
    (the diagonal holds ``-inf`` and 0).

    One excess table ``e = v - x(.)`` (the subset-sum recurrence), then, for each player i,
    the coalitions that contain i as a ``(n, 2**(n-1))`` block masked by membership of every
    j at once: n vectorised passes of size ``n 2**(n-1)``.
    """
    n = table.n
    excess = table.values - subset_sums(x, n)
    member = bit_matrix(n) > 0
    floor = -np.inf
    s = np.full((n, n), floor, dtype=excess.dtype)
    best = np.zeros((n, n), dtype=np.int64)
    masks = np.arange(1 << n)
    for i in range(n):
        with_i = member[i]
        block = np.where(member[:, with_i], floor, excess[with_i][None, :])
        where = np.argmax(block, axis=1)
        found = block[np.arange(n), where]
        others = np.arange(n) != i
        s[i, others] = found[others]
        best[i, others] = masks[with_i][where[others]]
    return s, best


@dataclasses.dataclass(frozen=True)
class _Verdict:
    """What the checker found at one point."""

    ok: bool
    imbalance: Any  # the largest violation of the balance the concept requires (>= 0)
    reason: str


def _verdict(table: _Table, x: np.ndarray, s: np.ndarray, *, kernel: bool, atol: float) -> _Verdict:
    """The (pre)kernel's definition at ``x`` given its surplus matrix ``s``: exactly for a
    rational game, within ``atol`` times the largest worth otherwise."""
    tol = table.tolerance(atol)
    n = table.n
    gap = sum(x.tolist(), Fraction(0) if table.exact else 0.0) - table.grand
    if abs(gap) > tol:
        return _Verdict(False, None, f"x is not efficient: x(N) - v(N) = {gap}")
    room = x - table.singles
    if kernel and any(r < -tol for r in room.tolist()):
        return _Verdict(False, None, "x is not individually rational (not an imputation)")
    zero = Fraction(0) if table.exact else 0.0
    worst = zero
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            d = s[i, j] - s[j, i]
            # the kernel forgives s_ij > s_ji when j is at its individual worth
            if kernel and room[j] <= tol:
                continue
            if d > worst:
                worst = d
    if worst > tol:
        return _Verdict(False, worst, f"the maximum surpluses are unbalanced by {worst}")
    return _Verdict(True, worst, "")


def _check(game: Any, x: Any, function: str, *, kernel: bool, atol: float) -> bool:
    atol = check_tolerance(atol, function)
    table = _game_table(game, function)
    payoffs = _payoffs_of(table, x, function)
    return _verdict(table, payoffs, _surplus_matrix(table, payoffs)[0], kernel=kernel, atol=atol).ok


def maximum_surpluses(game: TUGame, x: Sequence[Any]) -> np.ndarray:
    r"""The matrix of maximum surpluses :math:`s_{ij}(x)` at a payoff vector.

    .. math:: s_{ij}(x) = \max \{ v(S) - x(S) : i \in S,\ j \notin S \}

    Parameters
    ----------
    game : TUGame
        A float or rational game (for a cost game the excess is ``x(S) - c(S)``).
    x : sequence or mapping of numbers
        One payoff (cost share) per player.

    Returns
    -------
    numpy.ndarray, shape (n, n)
        ``s[i, j]``, Fractions for a rational game and rational ``x``, floats otherwise; the
        diagonal holds None (object arrays) or NaN.

    References
    ----------
    .. [1] Davis, M. and Maschler, M. (1965). The kernel of a cooperative game. *Naval
       Research Logistics Quarterly* 12(3), 223-259.

    Examples
    --------
    >>> import coalitions as co
    >>> co.maximum_surpluses(co.majority_game(3), [1, 0, 0]).tolist()
    [[None, Fraction(0, 1), Fraction(0, 1)], [Fraction(1, 1), None, Fraction(0, 1)], [Fraction(1, 1), Fraction(0, 1), None]]
    """
    table = _game_table(game, "maximum_surpluses")
    s = _surplus_matrix(table, _payoffs_of(table, x, "maximum_surpluses"))[0]
    out = s.astype(object) if table.exact else s.astype(np.float64)
    np.fill_diagonal(out, None if table.exact else np.nan)
    return out


#: What the two membership tests say alike of their arguments and answer.
_MEMBERSHIP_DOC = """x : sequence or mapping of numbers
    One payoff (cost share) per player.
atol : float
    Tolerance for float games, relative to the largest absolute worth. A rational game is
    checked exactly (floats in ``x`` are read as the decimal they print as).

Returns
-------
bool"""


@fill_doc(membership=_MEMBERSHIP_DOC)
def is_in_prekernel(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    r"""Whether ``x`` is in the prekernel.

    The prekernel is the set of efficient vectors with :math:`s_{ij}(x) = s_{ji}(x)` for
    every pair of players.

    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs.
    {{membership}}

    References
    ----------
    .. [1] Davis, M. and Maschler, M. (1965). The kernel of a cooperative game. *Naval
       Research Logistics Quarterly* 12(3), 223-259 (the maximum surpluses).
    .. [2] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_in_prekernel(co.majority_game(3), [1, 0, 0])
    False
    """
    return _check(game, x, "is_in_prekernel", kernel=False, atol=atol)


@fill_doc(membership=_MEMBERSHIP_DOC)
def is_in_kernel(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    r"""Whether ``x`` is in the kernel.

    The kernel is the set of imputations at which every imbalance of maximum surpluses is
    forgiven by individual rationality,

    .. math:: s_{ij}(x) > s_{ji}(x) \ \Rightarrow\ x_j = v(\{j\}).

    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs (cost shares: ``x_j = c(\{j\})``).
    {{membership}}

    References
    ----------
    .. [1] Davis, M. and Maschler, M. (1965). The kernel of a cooperative game. *Naval
       Research Logistics Quarterly* 12(3), 223-259 (the definition checked here).

    Examples
    --------
    In the glove game with one left glove and two right gloves the kernel is the single
    point at which the owner of the left glove takes everything:

    >>> import coalitions as co
    >>> game = co.glove_game(["L"], ["R1", "R2"])
    >>> co.is_in_kernel(game, [1, 0, 0]), co.is_in_kernel(game, [0.5, 0.25, 0.25])
    (True, False)
    """
    return _check(game, x, "is_in_kernel", kernel=True, atol=atol)


# ------------------------------------------------------------------------------ solvers
def _transfers(
    table: _Table, x: np.ndarray, *, kernel: bool, atol: float, max_iter: int, function: str
) -> tuple[np.ndarray, int]:
    """Stearns' transfer scheme in floats: move half the largest surplus imbalance from the
    weaker to the stronger player (for the kernel, no more than the weaker has above its
    individual worth) until every transfer is below ``atol / 2`` (relative)."""
    if table.n < 2:  # nothing to transfer: the start is the only efficient point
        return x, 0
    values = table.values.astype(np.float64)
    floats = _Table(table.game, table.n, False, values, table.sign, table.scale)
    x = x.astype(np.float64).copy()
    singles = floats.singles
    stop = floats.tolerance(atol) / 2
    for nit in range(max_iter + 1):
        s, _ = _surplus_matrix(floats, x)
        np.fill_diagonal(s, 0.0)
        half = (s - s.T) / 2
        if kernel:
            half = np.minimum(half, (x - singles)[None, :])
        i, j = np.unravel_index(np.argmax(half), half.shape)
        amount = half[i, j]
        if amount <= stop:
            return x, nit
        x[i] += amount
        x[j] -= amount
    raise SolverError(
        f"{function}(method='transfer') did not converge in {max_iter} transfers: the largest "
        f"surplus imbalance is still {2 * amount:.3g} (tolerance {2 * stop:.3g}). Raise "
        "max_iter, start closer (start=...), or use the default method, which starts from "
        "the (pre)nucleolus."
    )


def _polish(table: _Table, xf: np.ndarray, *, kernel: bool) -> np.ndarray | None:
    """An exact point of the (pre)kernel near the converged float point ``xf`` of a rational
    game: the equations that hold at ``xf`` (efficiency, each pair balanced at its maximising
    coalitions, or a weaker kernel player held at its worth) solved exactly, else ``xf``
    snapped to small denominators. None when neither passes the exact check."""
    from .._exact_linalg import solve_exact

    n = table.n
    floats = _Table(table.game, n, False, table.values.astype(np.float64), 1, table.scale)
    s, best = _surplus_matrix(floats, xf)
    loose = 1e-6 * table.scale
    room = xf - floats.singles
    rows: list[list[int]] = [[1] * n]
    rhs: list[Any] = [table.grand]
    for i in range(n):
        for j in range(i + 1, n):
            d = s[i, j] - s[j, i]
            if kernel and d > loose and room[j] <= loose:
                rows.append([int(k == j) for k in range(n)])
                rhs.append(table.values[1 << j])
            elif kernel and -d > loose and room[i] <= loose:
                rows.append([int(k == i) for k in range(n)])
                rhs.append(table.values[1 << i])
            else:  # v(S) - x(S) = v(T) - x(T): x(T) - x(S) = v(T) - v(S)
                a, b = int(best[i, j]), int(best[j, i])
                rows.append([(b >> k & 1) - (a >> k & 1) for k in range(n)])
                rhs.append(table.values[b] - table.values[a])
    candidates = []
    solved = solve_exact(rows, rhs, guess=list(xf))
    if solved is not None:
        candidates.append(solved)
    snapped = [Fraction(repr(float(v))).limit_denominator(_SNAP_DENOMINATOR) for v in xf]
    snapped[-1] = table.grand - sum(snapped[:-1], Fraction(0))
    candidates.append(snapped)
    for candidate in candidates:
        point = np.empty(n, dtype=object)
        point[:] = candidate
        if _verdict(table, point, _surplus_matrix(table, point)[0], kernel=kernel, atol=0).ok:
            return point
    return None


def _start(table: _Table, start: Any, kernel: bool, function: str, atol: float) -> np.ndarray:
    """The transfer scheme's start: equal division of the surplus over the individual worths
    by default; a given start must be efficient (and, for the kernel, an imputation)."""
    if start is None:
        if table.n == 0:
            return table.singles
        singles = table.singles
        total = sum(singles.tolist(), Fraction(0) if table.exact else 0.0)
        return singles + (table.grand - total) / table.n
    point = _payoffs_of(table, start, function)
    tol = max(table.tolerance(atol), atol * table.scale)
    if abs(float(sum(point.tolist()) - table.grand)) > tol:
        raise InvalidArgumentError(
            f"{function}: start must be efficient (its payoffs must add up to the grand "
            "coalition's worth)."
        )
    if kernel and any(float(r) < -tol for r in (point - table.singles).tolist()):
        raise InvalidArgumentError(
            f"{function}: start must be an imputation (every player at least its own worth)."
        )
    return point


def _imputations_exist(table: _Table, function: str) -> None:
    total = sum(table.singles.tolist(), Fraction(0) if table.exact else 0.0)
    if total - table.grand > table.tolerance(1e-12):
        raise InvalidGameError(
            f"{function}: the imputation set is empty (the players' individual worths add up "
            f"to more than the grand coalition's); the kernel is not defined. Use "
            "prekernel(game), which needs no imputation."
        )


def _failed(table: _Table, concept: str, method: str, message: str) -> KernelResult:
    """No answer (NaN payoffs, ``success=False``) and why."""
    return KernelResult(
        x=np.full(table.n, np.nan),
        players=table.game.players,
        concept=concept,
        method=method,
        success=False,
        message=message,
        cost=table.game.is_cost,
    )


def _solve(
    game: Any,
    *,
    kernel: bool,
    method: str,
    start: Any,
    atol: float,
    max_iter: int,
) -> KernelResult:
    function = "kernel" if kernel else "prekernel"
    atol = check_tolerance(atol, function)
    max_iter = check_integer(max_iter, "max_iter", function, low=1)
    table = _game_table(game, function)
    if kernel:
        _imputations_exist(table, function)
    concept = function
    if method != "transfer":
        if start is not None:
            raise InvalidArgumentError(
                f"{function}: start= is the transfer scheme's starting point; pass "
                "method='transfer' with it."
            )
        from .nucleolus import nucleolus, prenucleolus

        solved = (nucleolus if kernel else prenucleolus)(table.game, atol=atol)
        if not solved.success:
            return _failed(table, concept, method, f"the {method} failed: {solved.message}")
        point = _payoffs_of(table, list(solved.x), function)
        nit = 0
        how = f"the {method}, which lies in the {concept}"
    else:
        begin = _start(table, start, kernel, function, atol)
        point, nit = _transfers(
            table, begin, kernel=kernel, atol=atol, max_iter=max_iter, function=function
        )
        how = f"Stearns' transfer scheme ({nit} transfers)"
        if table.exact and point.dtype != object:
            polished = _polish(table, point, kernel=kernel)
            if polished is not None:
                point = polished
                how += ", polished to an exact point"
            else:
                how += " in floating point (no exact point was found near it)"
    exact_point = table.exact and point.dtype == object
    check = (
        table
        if exact_point or not table.exact
        else dataclasses.replace(table, exact=False, values=table.values.astype(np.float64))
    )
    s, _ = _surplus_matrix(check, point)
    found = _verdict(check, point, s, kernel=kernel, atol=atol)
    if not found.ok:
        return _failed(
            table,
            concept,
            method,
            f"{how} did not pass the {concept}'s check ({found.reason}); no answer is given "
            "rather than a wrong one",
        )
    surpluses = tuple(
        tuple(None if i == j else s[i, j] for j in range(table.n)) for i in range(table.n)
    )
    checked = "exactly" if exact_point else f"within {check.tolerance(atol):.3g}"
    return KernelResult(
        x=table.outward(point),
        players=table.game.players,
        exact=exact_point,
        concept=concept,
        method=method,
        surpluses=surpluses,
        imbalance=found.imbalance,
        nit=nit,
        verified=True,
        message=f"{how}; the maximum surpluses were checked {checked}",
        cost=table.game.is_cost,
    )


_DOC_PARAMS = """
    Parameters
    ----------
    game : TUGame
        A float or rational game of at most ``MAX_KERNEL_PLAYERS`` players, of worths or of
        costs (``game.is_cost``: ``x`` holds cost shares, the excess is ``x(S) - c(S)``).
    method : {{{methods}}}, default "{default}"
        ``"{default}"``: the {default} (sequential LPs), which lies in the {concept}.
        ``"transfer"``: Stearns' transfer scheme from ``start``, then, for a rational game,
        an exact point rebuilt from the equations that hold at the converged point.
    start : sequence or mapping of numbers, optional
        The transfer scheme's starting point ({start}); by default each player gets its
        individual worth plus an equal share of the rest.
    atol : float
        Tolerance for float games and for the transfer scheme's stopping rule, relative to
        the largest absolute worth.
    max_iter : int
        Most transfers before :class:`~coalitions.exceptions.SolverError` is raised.
"""


def _kernel_front_door(
    methods: tuple[str, ...], start_text: str
) -> Callable[[Callable[[], None]], Callable[..., KernelResult]]:
    """Make the public solver named like the decorated function (``prekernel`` or
    ``kernel``) from a function that holds only its docstring: both share one signature,
    one algorithm (:func:`_solve`) and the Parameters section ``_DOC_PARAMS``."""

    def decorate(documented: Callable[[], None]) -> Callable[..., KernelResult]:
        is_kernel = documented.__name__ == "kernel"

        def solve(
            game: TUGame,
            *,
            method: str = methods[0],
            start: Any = None,
            atol: float = 1e-9,
            max_iter: int = 10_000,
        ) -> KernelResult:
            return _solve(
                game, kernel=is_kernel, method=method, start=start, atol=atol, max_iter=max_iter
            )

        solve.__name__ = solve.__qualname__ = documented.__name__
        solve.__module__, solve.__doc__ = documented.__module__, documented.__doc__
        params = _DOC_PARAMS.format(
            methods=", ".join(f'"{m}"' for m in methods),
            default=methods[0],
            concept=documented.__name__,
            start=start_text,
        )
        return front_door(methods)(fill_doc(params=params)(solve))

    return decorate


@_kernel_front_door(PREKERNEL_METHODS, "efficient")
def prekernel() -> None:
    r"""A point of the prekernel, with its certificate.

    The prekernel (Maschler, Peleg and Shapley 1972) is the set of efficient payoff vectors
    at which every pair of players is balanced,

    .. math:: x(N) = v(N), \qquad s_{ij}(x) = s_{ji}(x) \quad (i \ne j),

    with :math:`s_{ij}(x) = \max_{S \ni i, S \not\ni j} (v(S) - x(S))` the maximum surplus
    of i over j. It is not empty: the prenucleolus is always in it.

    {{params}}

    Returns
    -------
    KernelResult
        ``x``, ``surpluses`` (the matrix of maximum surpluses, the certificate), ``imbalance``,
        ``nit``, ``verified``; ``exact`` when the point is rational and the balance was
        checked exactly.

    Raises
    ------
    SolverError
        When the transfer scheme does not converge in ``max_iter`` transfers (never an
        unconverged answer).
    TooLargeError
        Above ``MAX_KERNEL_PLAYERS`` players.

    Notes
    -----
    The maximum surpluses of all pairs come from one excess table (the subset-sum recurrence)
    and, for each player, one masked maximum over the coalitions that contain it: about
    :math:`n^2 2^{n-1}` comparisons. Stearns' (1968) transfer moves half of the largest
    imbalance :math:`s_{ij} - s_{ji}` from j to i, which balances that pair; the scheme
    converges to a prekernel point, often slowly (geometrically).

    References
    ----------
    .. [1] Maschler, M., Peleg, B. and Shapley, L. S. (1972). The kernel and bargaining set
       for convex games. *International Journal of Game Theory* 1, 73-93.
    .. [2] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.
    .. [3] Stearns, R. E. (1968). Convergent transfer schemes for n-person games. *Trans.
       Amer. Math. Soc.* 134, 449-459.

    Examples
    --------
    >>> import coalitions as co
    >>> result = co.prekernel(co.majority_game(3))
    >>> result.x.tolist(), result.exact
    ([Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)], True)
    >>> co.prekernel(co.majority_game(3), method="transfer").x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    """


@_kernel_front_door(KERNEL_METHODS, "an imputation")
def kernel() -> None:
    r"""A point of the kernel, with its certificate.

    The kernel (Davis and Maschler 1965) is the set of imputations at which no player
    outweighs another who is above its individual worth,

    .. math:: s_{ij}(x) > s_{ji}(x) \ \Rightarrow\ x_j = v(\{j\}),

    with :math:`s_{ij}(x)` the maximum surplus of i over j. It contains the nucleolus, so it
    is not empty when the imputation set is not; for zero-monotonic games it is the
    intersection of the prekernel with the imputations, and for convex games it is the
    nucleolus alone (Maschler, Peleg and Shapley 1972).

    {{params}}

    Returns
    -------
    KernelResult
        ``x``, ``surpluses`` (the certificate), ``imbalance``, ``nit``, ``verified``,
        ``exact``.

    Raises
    ------
    InvalidGameError
        When the imputation set is empty (use :func:`prekernel`).
    SolverError
        When the transfer scheme does not converge in ``max_iter`` transfers.
    TooLargeError
        Above ``MAX_KERNEL_PLAYERS`` players.

    Notes
    -----
    The transfer scheme limits each transfer from j to i to :math:`x_j - v(\{j\})`, so it
    stays among the imputations (Stearns 1968).

    References
    ----------
    .. [1] Davis, M. and Maschler, M. (1965). The kernel of a cooperative game. *Naval
       Research Logistics Quarterly* 12(3), 223-259.
    .. [2] Maschler, M., Peleg, B. and Shapley, L. S. (1972). The kernel and bargaining set
       for convex games. *International Journal of Game Theory* 1, 73-93.
    .. [3] Stearns, R. E. (1968). Convergent transfer schemes for n-person games. *Trans.
       Amer. Math. Soc.* 134, 449-459.

    Examples
    --------
    The glove game's kernel is its nucleolus, the left glove's owner takes everything:

    >>> import coalitions as co
    >>> result = co.kernel(co.glove_game(["L"], ["R1", "R2"]))
    >>> result.x.tolist(), result.exact
    ([Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)], True)
    >>> co.kernel(co.glove_game(["L"], ["R1", "R2"]), method="transfer").x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
