r"""The Aumann-Maschler bargaining set :math:`\mathcal{M}_1^{(i)}` of the grand coalition:
membership of an imputation, with a justified objection as the witness when it is outside."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import numpy as np

from .._bits import subset_sums
from .._checks import check_tolerance, front_door
from .._lp import solve_lp
from ..exceptions import TooLargeError
from ..games.tu import TUGame
from ..results import BargainingSetResult
from .kernel import _game_table, _payoffs_of, _surplus_matrix, _Table

__all__ = ["bargaining_set", "MAX_BARGAINING_SET_PLAYERS"]

#: Largest game whose bargaining set membership is decided (one LP per candidate objection).
MAX_BARGAINING_SET_PLAYERS = 10
#: The choices of ``method=`` in :func:`bargaining_set`.
BARGAINING_SET_METHODS = ("lp",)
_SNAP_DENOMINATOR = 10**6


def _gains_against(
    excess: np.ndarray, n: int, i: int, j: int, coalition: int
) -> tuple[np.ndarray, np.ndarray]:
    """``(parts, worst)``: for each part ``R`` of ``coalition - i`` that some ``T`` with
    ``j in T``, ``i not in T`` meets as ``T & coalition == R``, the largest excess ``e(T)`` of
    those ``T``. A counter-objection with ``T`` exists iff ``e(T) >= d(R)`` (``d = y - x``)."""
    masks = np.arange(1 << n)
    against = masks[((masks >> j) & 1 == 1) & ((masks >> i) & 1 == 0)]
    parts = against & coalition
    order = np.lexsort((excess[against].astype(np.float64), parts))
    parts_sorted = parts[order]
    last = np.r_[parts_sorted[1:] != parts_sorted[:-1], True]
    # the maximum of each group: exact comparison (object arrays) after the float sort
    unique = parts_sorted[last]
    worst = np.empty(len(unique), dtype=excess.dtype)
    starts = np.r_[0, np.flatnonzero(last)[:-1] + 1]
    ends = np.flatnonzero(last) + 1
    values = excess[against][order]
    for k, (a, b) in enumerate(zip(starts, ends)):
        worst[k] = max(values[a:b].tolist())
    return unique, worst


def _objection_lp(members: list[int], total: float, parts: np.ndarray, worst: np.ndarray):
    """Maximise ``t`` subject to ``d_k >= t`` (k in S), ``d(R) - E(R) >= t`` for each part and
    ``d(S) = e(S)``: a justified objection exists iff the optimum is positive."""
    m = len(members)
    index = {k: c for c, k in enumerate(members)}
    rows = [np.r_[-np.eye(m)[c], 1.0] for c in range(m)]
    rhs = [0.0] * m
    for part, bound in zip(parts.tolist(), worst.tolist()):
        row = np.zeros(m + 1)
        for k in members:
            if part >> k & 1:
                row[index[k]] = -1.0
        row[m] = 1.0
        rows.append(row)
        rhs.append(-float(bound))
    c = np.zeros(m + 1)
    c[m] = -1.0
    return solve_lp(
        c,
        A_ub=np.array(rows),
        b_ub=np.array(rhs),
        A_eq=np.r_[np.ones(m), 0.0][None, :],
        b_eq=[total],
    )


def _justified(d: dict, exact_excess: np.ndarray, n: int, i: int, j: int, coalition: int) -> bool:
    """Whether ``d = y - x`` on the coalition is a justified objection, straight from the
    definition: ``d_k > 0``, ``d(S) = e(S)`` and ``d(T & S) > e(T)`` for every ``T`` with
    ``j in T``, ``i not in T``."""
    if any(v <= 0 for v in d.values()) or sum(d.values()) != exact_excess[coalition]:
        return False
    for t in range(1 << n):
        if t >> j & 1 and not t >> i & 1:
            gain = sum((v for k, v in d.items() if t >> k & 1), Fraction(0))
            if gain <= exact_excess[t]:
                return False
    return True


def _exact_witness(solution_d: np.ndarray, members: list[int], excess, n, i, j, coalition):
    """The LP's ``d`` rebuilt in rationals (small denominators first, then the floats'
    exact values), the objector taking the rounding; None if neither is justified."""
    for snap in (True, False):
        d = {}
        for k, value in zip(members, solution_d.tolist()):
            if k != i:
                q = Fraction(value)
                d[k] = q.limit_denominator(_SNAP_DENOMINATOR) if snap else q
        d[i] = excess[coalition] - sum(d.values(), Fraction(0))
        if _justified(d, excess, n, i, j, coalition):
            return d
    return None


def _no_objection_certified(lp, members, parts, worst_exact, total_exact) -> bool:
    """An exact proof, from the LP's dual, that no justified objection uses this coalition:
    weights ``mu_R >= 0`` (not all 0) with ``nu e(S) <= sum mu_R E(R)``, where ``nu`` is the
    largest ``sum of mu_R over the parts R that contain k``. Then any ``d > 0`` with
    ``d(S) = e(S)`` has ``sum mu_R d(R) <= nu e(S) <= sum mu_R E(R)``, so some ``d(R) <= E(R)``."""
    if lp.ineqlin is None:
        return False
    m = len(members)
    raw = -np.asarray(lp.ineqlin[m:], dtype=float)
    mu = [Fraction(max(v, 0.0)).limit_denominator(_SNAP_DENOMINATOR) for v in raw.tolist()]
    if not any(mu):
        return False
    weight = {
        k: sum((w for w, part in zip(mu, parts.tolist()) if part >> k & 1), Fraction(0))
        for k in members
    }
    nu = max(weight.values())
    bound = sum((w * e for w, e in zip(mu, worst_exact) if w), Fraction(0))
    return nu * total_exact <= bound


def _as_exact(table: _Table, x: np.ndarray) -> bool:
    return table.exact and x.dtype == object


@front_door(BARGAINING_SET_METHODS)
def bargaining_set(
    game: TUGame, x: Any, *, method: str = "lp", atol: float = 1e-9
) -> BargainingSetResult:
    r"""Whether an allocation is in the Aumann-Maschler bargaining set, with a witness.

    At an imputation x, an objection of player i against player j is a coalition S with
    :math:`i \in S`, :math:`j \notin S` and payoffs y to its members with :math:`y(S) = v(S)`
    and :math:`y_k > x_k` for every :math:`k \in S`. A counter-objection of j is a coalition
    T with :math:`j \in T`, :math:`i \notin T` and payoffs z with :math:`z(T) = v(T)`,
    :math:`z_k \ge y_k` on :math:`T \cap S` and :math:`z_k \ge x_k` on :math:`T \setminus S`.
    The bargaining set :math:`\mathcal{M}_1^{(i)}` is the set of imputations at which every
    objection has a counter-objection (Aumann and Maschler 1964; Davis and Maschler 1967).
    With :math:`d = y - x` on S, a counter-objection through T exists iff
    :math:`e(T, x) \ge d(T \cap S)`, so an objection is justified iff

    .. math:: d > 0, \quad d(S) = e(S, x), \quad d(T \cap S) > e(T, x) \ \text{for all }
              T \ni j,\ T \not\ni i.

    Parameters
    ----------
    game : TUGame
        A float or rational game of at most ``MAX_BARGAINING_SET_PLAYERS`` players, of
        worths or of costs (``x`` then holds cost shares and the excess is ``x(S) - c(S)``).
    x : sequence or mapping of numbers
        One payoff (cost share) per player.
    method : {"lp"}, default "lp"
        One linear program per candidate objection (below).
    atol : float
        Tolerance for float games, relative to the largest absolute worth.

    Returns
    -------
    BargainingSetResult
        ``in_set`` (also ``value``), ``objection`` (a justified objection ``{"objector",
        "target", "coalition", "y"}`` when ``x`` is an imputation outside the set), ``n_lps``;
        ``exact`` when every decision was proved in rational arithmetic.

    Raises
    ------
    TooLargeError
        Above ``MAX_BARGAINING_SET_PLAYERS`` players.

    Notes
    -----
    Candidates are pruned by two facts that need no LP: j counters every objection when
    :math:`x_j = v(\{j\})` (with T = {j}), and when :math:`s_{ji}(x) \ge e(S, x)` (with the T
    that attains the maximum surplus, since :math:`d(T \cap S) \le d(S) = e(S, x)`); so i needs
    :math:`e(S, x) > \max(s_{ji}(x), 0)`, and the kernel, where :math:`s_{ij} \le s_{ji}` or
    :math:`x_j = v(\{j\})`, lies in the bargaining set. Each remaining (i, j, S) is one LP over
    (d, t): maximise t subject to :math:`d_k \ge t`, :math:`d(S) = e(S, x)` and
    :math:`d(R) - E(R) \ge t` for each part :math:`R = T \cap S`, with E(R) the largest
    excess of the T that meet S in R. A positive optimum gives a justified objection; for a
    rational game it is rebuilt in rationals and checked against the definition. A
    non-positive optimum is proved, for a rational game, by the LP's dual weights rebuilt
    exactly (a Farkas certificate); ``exact`` is False if one of them could not be.

    References
    ----------
    .. [1] Aumann, R. J. and Maschler, M. (1964). The bargaining set for cooperative games.
       In *Advances in Game Theory*, Annals of Mathematics Studies 52, 443-476.
    .. [2] Davis, M. and Maschler, M. (1967). Existence of stable payoff configurations for
       cooperative games. In *Essays in Mathematical Economics in Honor of Oskar
       Morgenstern*, 39-52.
    .. [3] Maschler, M. (1992). The bargaining set, kernel, and nucleolus. In *Handbook of
       Game Theory with Economic Applications*, vol. 1, ch. 18, 591-667.
    .. [4] Peleg, B. and Sudhölter, P. (2007). *Introduction to the Theory of Cooperative
       Games*, 2nd ed., ch. 4. Springer.

    Examples
    --------
    In the three-player majority game the equal split is in the bargaining set. At
    (1/2, 1/2, 0) player 3 objects against player 1 by offering player 2 more than 1/2, and
    player 1 cannot match it:

    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> game = co.majority_game(3)
    >>> co.bargaining_set(game, [F(1, 3)] * 3).in_set
    True
    >>> result = co.bargaining_set(game, [F(1, 2), F(1, 2), 0])
    >>> result.in_set, result.exact
    (False, True)
    >>> result.objection["objector"], result.objection["target"], result.objection["coalition"]
    ('3', '1', ('2', '3'))
    >>> result.objection["y"]
    (Fraction(3, 4), Fraction(1, 4))
    """
    function = "bargaining_set"
    atol = check_tolerance(atol, function)
    table = _game_table(game, function)
    n = table.n
    if n > MAX_BARGAINING_SET_PLAYERS:
        raise TooLargeError(
            f"{function} solves one LP per candidate objection over the 2**n coalitions; "
            f"{n} players is more than the {MAX_BARGAINING_SET_PLAYERS} it handles. The kernel "
            "(kernel(game)) lies in the bargaining set."
        )
    payoffs = _payoffs_of(table, x, function)
    players = table.game.players
    exact = _as_exact(table, payoffs)
    if not exact and table.exact:
        table = _Table(
            table.game, n, False, table.values.astype(np.float64), table.sign, table.scale
        )
    tol = table.tolerance(atol)
    lp_tol = max(atol, 1e-9) * table.scale

    def answer(
        in_set: bool,
        objection: Any = None,
        *,
        n_lps: int = 0,
        certain: bool = True,
        message: str = "",
    ) -> BargainingSetResult:
        return BargainingSetResult(
            x=table.outward(payoffs),
            players=players,
            exact=exact and certain,
            concept="bargaining-set",
            method=method,
            in_set=in_set,
            objection=objection,
            n_lps=n_lps,
            message=message,
            cost=table.game.is_cost,
        )

    zero = Fraction(0) if exact else 0.0
    gap = sum(payoffs.tolist(), zero) - table.grand
    room = payoffs - table.singles
    if abs(gap) > tol or any(r < -tol for r in room.tolist()):
        return answer(
            False, message="x is not an imputation; the bargaining set is a set of imputations"
        )
    excess = table.values - subset_sums(payoffs, n)
    s, _ = _surplus_matrix(table, payoffs)
    pairs = sorted(
        ((i, j) for i in range(n) for j in range(n) if i != j),
        key=lambda p: -float(s[p[0], p[1]] - s[p[1], p[0]]),
    )
    masks = np.arange(1 << n)
    n_lps = 0
    uncertified = 0
    for i, j in pairs:
        if room[j] <= tol or s[i, j] - s[j, i] <= tol:
            continue  # j counters with {j}, or with the coalition of its maximum surplus
        floor = max(s[j, i], zero)
        candidates = masks[((masks >> i) & 1 == 1) & ((masks >> j) & 1 == 0)]
        candidates = [int(c) for c in candidates if excess[c] - floor > tol]
        candidates.sort(key=lambda c: -float(excess[c]))
        for coalition in candidates:
            members = [k for k in range(n) if coalition >> k & 1]
            parts, worst = _gains_against(excess, n, i, j, coalition)
            lp = _objection_lp(members, float(excess[coalition]), parts, worst.astype(np.float64))
            n_lps += 1
            if not lp.success:
                uncertified += 1
                continue
            margin = -float(lp.fun)
            if margin > lp_tol:
                d_float = np.asarray(lp.x[: len(members)])
                if exact:
                    d = _exact_witness(d_float, members, excess, n, i, j, coalition)
                    if d is None:
                        uncertified += 1
                        continue
                    y = [payoffs[k] + d[k] for k in members]
                else:
                    y = [float(payoffs[k] + v) for k, v in zip(members, d_float.tolist())]
                y_out = [-v for v in y] if table.sign == -1 else y
                objection = {
                    "objector": players[i],
                    "target": players[j],
                    "coalition": tuple(players[k] for k in members),
                    "y": tuple(y_out),
                }
                return answer(
                    False,
                    objection,
                    n_lps=n_lps,
                    message=f"{players[i]} has a justified objection against {players[j]} "
                    f"(margin {margin:.3g})"
                    + ("; checked exactly against the definition" if exact else ""),
                )
            if exact and not _no_objection_certified(
                lp, members, parts, list(worst), excess[coalition]
            ):
                uncertified += 1
    certain = uncertified == 0
    how = (
        "no justified objection; every LP decision was proved exactly"
        if exact and certain
        else f"no justified objection within {lp_tol:.3g}"
        + (f" ({uncertified} LP decisions not proved exactly)" if exact else "")
    )
    return answer(True, n_lps=n_lps, certain=certain, message=how)
