"""Strategic bargaining: Rubinstein alternating offers and Baron-Ferejohn legislatures."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, player_names
from ..exceptions import InvalidArgumentError, InvalidProblemError, SolverError, TooLargeError
from ..results import BaronFerejohnResult, RubinsteinResult
from .._lp import solve_lp

__all__ = ["rubinstein", "baron_ferejohn"]


def _kind_of(values: Sequence[Any], what: str = "parameters") -> str:
    """The number kind of the parameters; refuses non-numbers (bools and strings included)
    and NaN or infinite floats, naming ``what``."""
    kinds = set()
    for value in values:
        kind = nb.INVALID if isinstance(value, (bool, np.bool_)) else nb.kind_of([value])
        if kind == nb.INVALID:
            raise InvalidProblemError(
                f"{what}: {value!r} is not a number (use int, float, Fraction or a sympy "
                "expression).")
        if kind == nb.FLOAT and not math.isfinite(float(value)):
            raise InvalidProblemError(f"{what}: {value!r} is not a finite number.")
        kinds.add(kind)
    if nb.SYMBOLIC in kinds:
        return nb.SYMBOLIC
    if nb.FLOAT in kinds:
        return nb.FLOAT
    return nb.EXACT


def _names(players, count: int | None = None) -> tuple:
    """Distinct non-empty player names (``count`` of them when given)."""
    if isinstance(players, (str, bytes)) or not isinstance(players, Iterable):
        raise InvalidProblemError(f"players must be a list of names, got {players!r}.")
    names = tuple(str(p) for p in players)
    if not names or len(set(names)) != len(names):
        raise InvalidProblemError(f"player names must be distinct and non-empty, got "
                                  f"{list(names)}.")
    if count is not None and len(names) != count:
        raise InvalidProblemError(f"give {count} player names, got {len(names)}.")
    return names


def _positive(value, what: str, kind: str) -> None:
    """Refuse a non-positive (numeric) value."""
    if kind != nb.SYMBOLIC and not float(value) > 0:
        raise InvalidProblemError(f"{what} must be positive, got {value}.")


def _convert(values: Sequence[Any], kind: str) -> list:
    return [nb.as_number(v, kind) for v in values]


def _array(values: Sequence[Any], kind: str) -> np.ndarray:
    if kind == nb.FLOAT:
        out = np.array([float(v) for v in values], dtype=np.float64)
    else:
        out = np.empty(len(values), dtype=object)
        out[:] = list(values)
    out.setflags(write=False)
    return out


# ---------------------------------------------------------------- Rubinstein
def rubinstein(discount_factors=None, *, rates=None, period=None, players=("1", "2"),
               surplus=1) -> RubinsteinResult:
    r"""Subgame-perfect shares of Rubinstein's alternating-offers game (two players).

    Player 1 proposes first; rejected offers cost each player her discount factor
    ``delta_i`` per round. The unique subgame-perfect equilibrium has immediate agreement
    with the first proposer's share

    .. math:: x_1 = \frac{1 - \delta_2}{1 - \delta_1 \delta_2}, \qquad x_2 = 1 - x_1 .

    With discount *rates* ``r_i`` and a period ``Delta`` between offers,
    ``delta_i = exp(-r_i Delta)``; as ``Delta -> 0`` (``period=None``) the shares tend to
    ``x_1 = r_2 / (r_1 + r_2)``, the asymmetric Nash solution with weights proportional to
    ``1 / r_i``: the more patient player gets more.

    Parameters
    ----------
    discount_factors : pair of numbers in [0, 1), optional
        ``(delta_1, delta_2)``; a single number means both. Fractions give exact shares,
        sympy symbols give formulas.
    rates : pair of positive numbers, optional
        Continuous-time discount rates; use instead of ``discount_factors``.
    period : positive number, optional
        Time between offers with ``rates``; None (default) gives the frictionless limit.
    players : pair of str
        First proposer first.
    surplus : number
        Size of the pie (default 1).

    Returns
    -------
    RubinsteinResult
        ``x`` the two shares of the surplus (first proposer first).

    Raises
    ------
    InvalidProblemError
        If both or neither of ``discount_factors`` and ``rates`` are given, or a value is out
        of range.

    References
    ----------
    Rubinstein, A. (1982) "Perfect Equilibrium in a Bargaining Model", *Econometrica*
    50(1):97-109. Binmore, K., Rubinstein, A. & Wolinsky, A. (1986) "The Nash Bargaining
    Solution in Economic Modelling", *RAND J. Econ.* 17(2):176-188.

    Examples
    --------
    >>> from fractions import Fraction
    >>> rubinstein(Fraction(9, 10)).x.tolist()
    [Fraction(10, 19), Fraction(9, 19)]
    >>> rubinstein(rates=[1, 3]).x.tolist()     # the patient player 1 gets 3/4
    [Fraction(3, 4), Fraction(1, 4)]
    """
    if not isinstance(players, (str, bytes)) and isinstance(players, Iterable) and \
            len(tuple(players)) != 2:
        raise InvalidProblemError("Rubinstein bargaining has exactly two players.")
    players = _names(players, 2)
    if (discount_factors is None) == (rates is None):
        raise InvalidProblemError(
            "give either discount_factors=(delta_1, delta_2) or rates=(r_1, r_2), not both.")
    if rates is not None:
        rates = list(rates) if isinstance(rates, (list, tuple, np.ndarray)) else [rates] * 2
        if len(rates) != 2:
            raise InvalidProblemError("rates must be a pair (r_1, r_2).")
        kind = _kind_of([*rates, surplus] + ([] if period is None else [period]),
                        "rates, surplus and period")
        r = _convert(rates, kind)
        s = nb.as_number(surplus, kind)
        if kind != nb.SYMBOLIC and not all(float(v) > 0 for v in r):
            raise InvalidProblemError(f"rates must be positive, got {rates}.")
        _positive(s, "surplus", kind)
        if period is None:
            first = s * r[1] / (r[0] + r[1])
            return RubinsteinResult(x=_array([first, s - first], kind), players=players,
                                    exact=kind != nb.FLOAT, proposer=players[0], 
                                    concept="rubinstein", method="closed-form",
                                    rates=_array(r, kind), limit=True)
        if kind == nb.SYMBOLIC:
            sp = nb.import_sympy()
            deltas = [sp.exp(-ri * period) for ri in r]
        else:
            if float(period) <= 0:
                raise InvalidProblemError(f"period must be positive, got {period}.")
            kind = nb.FLOAT
            deltas = [math.exp(-float(ri) * float(period)) for ri in r]
            s = float(s)
        first = s * (1 - deltas[1]) / (1 - deltas[0] * deltas[1])
        return RubinsteinResult(x=_array([first, s - first], kind), players=players,
                                exact=kind == nb.SYMBOLIC, proposer=players[0], 
                                concept="rubinstein", method="closed-form",
                                discount_factors=_array(deltas, kind),
                                rates=_array(_convert(rates, kind), kind), period=period)
    deltas = (list(discount_factors)
              if isinstance(discount_factors, (list, tuple, np.ndarray))
              else [discount_factors] * 2)
    if len(deltas) != 2:
        raise InvalidProblemError("discount_factors must be a pair (delta_1, delta_2).")
    kind = _kind_of([*deltas, surplus], "discount factors and surplus")
    delta = _convert(deltas, kind)
    s = nb.as_number(surplus, kind)
    _positive(s, "surplus", kind)
    if kind != nb.SYMBOLIC:
        if not all(0 <= float(v) <= 1 for v in delta) or float(delta[0] * delta[1]) >= 1:
            raise InvalidProblemError(
                f"discount factors must lie in [0, 1] and not both equal 1, got {deltas}.")
    first = s * (1 - delta[1]) / (1 - delta[0] * delta[1])
    if kind == nb.SYMBOLIC:
        first = nb.import_sympy().simplify(first)
    return RubinsteinResult(x=_array([first, s - first], kind), players=players,
                            exact=kind != nb.FLOAT, proposer=players[0], 
                            concept="rubinstein", method="closed-form",
                            discount_factors=_array(delta, kind))


# ---------------------------------------------------------------- Baron-Ferejohn
class _Structure:
    """Who each proposer buys: price levels (ascending), and per proposer the cutoff level."""

    def __init__(self, levels: list[list[int]], n: int, quota: int) -> None:
        self.levels = levels
        self.level_of = np.empty(n, dtype=int)
        for index, members in enumerate(levels):
            self.level_of[members] = index
        # seats[i][l]: how many members of level l proposer i buys (possibly part of a level)
        self.seats = np.zeros((n, len(levels)), dtype=int)
        self.cutoff = np.full(n, -1)
        for i in range(n):
            need = quota - 1
            for index, members in enumerate(levels):
                if need <= 0:
                    break
                size = len(members) - (1 if self.level_of[i] == index else 0)
                take = min(size, need)
                self.seats[i, index] = take
                if take < size:
                    self.cutoff[i] = index
                need -= take


def _level_prices(structure: _Structure, delta, p, s, kind: str):
    """Solve the linear system for the level prices c_l (in the number type of ``kind``)."""
    levels = structure.levels
    size = len(levels)
    zero, one = nb.constant(0, kind), nb.constant(1, kind)
    a = [[zero] * size for _ in range(size)]
    b = [zero] * size
    n = len(delta)
    demand = [sum((p[i] * structure.seats[i, l] for i in range(n)), zero) for l in range(size)]
    for l, members in enumerate(levels):
        a[l][l] = a[l][l] - demand[l]
        for j in members:
            a[l][l] = a[l][l] + one / delta[j]
            b[l] = b[l] + p[j] * s
            for k in range(size):          # + p_j * B_j(c), B_j = sum_k seats[j,k] c_k
                if structure.seats[j, k]:
                    a[l][k] = a[l][k] + p[j] * structure.seats[j, k]
    if kind == nb.FLOAT:
        try:
            return list(np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float)))
        except np.linalg.LinAlgError:
            return None
    sp = nb.import_sympy()
    matrix = sp.Matrix(a)
    try:
        sol = matrix.LUsolve(sp.Matrix(b))
    except (ValueError, ZeroDivisionError):
        return None
    out = [sp.simplify(v) for v in sol]
    if kind == nb.EXACT:
        return [Fraction(int(sp.Rational(v).p), int(sp.Rational(v).q)) for v in out]
    return out


def _inclusion(structure: _Structure, c: np.ndarray, delta: np.ndarray, p: np.ndarray,
               s: float) -> np.ndarray | None:
    """Inclusion probabilities pi[i, j] consistent with the value equations (an LP);
    ``c`` holds the level prices."""
    n = len(delta)
    pi = np.zeros((n, n))
    for i in range(n):
        for l in range(len(structure.levels)):
            if structure.seats[i, l] and structure.cutoff[i] != l:
                members = [j for j in structure.levels[l] if j != i]
                pi[i, members] = 1.0
    tied = [(i, int(structure.cutoff[i])) for i in range(n) if structure.cutoff[i] >= 0]
    if not tied:
        return pi
    # required x_j from the value equation: c_j (1/delta_j - x_j) = p_j (s - B_j)
    b_cost = structure.seats @ c
    price = c[structure.level_of]
    with np.errstate(divide="ignore", invalid="ignore"):
        x_req = np.where(price > 0, 1.0 / delta - p * (s - b_cost) / np.where(price > 0, price, 1),
                         np.nan)
    x_fixed = p @ pi
    variables = [(i, j) for i, l in tied for j in structure.levels[l] if j != i]
    index = {v: k for k, v in enumerate(variables)}
    m = len(variables)
    rows_eq, rhs_eq = [], []
    for i, l in tied:
        row = np.zeros(m)
        for j in structure.levels[l]:
            if j != i:
                row[index[(i, j)]] = 1.0
        rows_eq.append(row)
        rhs_eq.append(structure.seats[i, l])
    for l in set(l for _, l in tied):
        for j in structure.levels[l]:
            if not math.isfinite(x_req[j]):
                continue
            row = np.zeros(m)
            for (i, jj), k in index.items():
                if jj == j:
                    row[k] = p[i]
            rows_eq.append(row)
            rhs_eq.append(x_req[j] - x_fixed[j])
    sol = solve_lp(np.zeros(m), None, None, np.array(rows_eq), np.array(rhs_eq),
                   [(0.0, 1.0)] * m)
    if not sol.success:
        return None
    for (i, j), k in index.items():
        pi[i, j] = sol.x[k]
    return pi


def _holds_exactly(values, pi, prices, delta, p, s, quota: int) -> bool:
    """Check the stationary-equilibrium conditions in exact rational arithmetic.

    Works over common denominators, so the n x n sums are Python-integer matrix products
    (about a second for 1000 players) rather than Fraction arithmetic.
    """
    n = len(values)
    # Python integers (object arrays): the products below may exceed int64
    pi_int, pi_den = nb.to_scaled_int(pi, dtype=object)
    c_int, c_den = nb.to_scaled_int(prices, dtype=object)
    p_int, p_den = nb.to_scaled_int(p, dtype=object)
    if any(pi_int[i, i] != 0 for i in range(n)) or \
            (pi_int < 0).any() or (pi_int > pi_den).any() or \
            any(total != (quota - 1) * pi_den for total in pi_int.sum(axis=1).tolist()):
        return False
    bought = (pi_int @ c_int).tolist()                 # times pi_den * c_den
    ordered = sorted(range(n), key=lambda k: prices[k])
    rank = {k: r for r, k in enumerate(ordered)}
    prefix = [0]
    for k in ordered:
        prefix.append(prefix[-1] + int(c_int[k]))
    for i in range(n):       # the quota - 1 cheapest votes other than i's own
        m = quota - 1
        cheapest = prefix[m] if rank[i] >= m else prefix[m + 1] - int(c_int[i])
        if bought[i] != cheapest * pi_den:
            return False
    demand = (p_int @ pi_int).tolist()                 # times p_den * pi_den
    for j in range(n):
        cost = Fraction(bought[j], pi_den * c_den)
        if values[j] != p[j] * (s - cost) + prices[j] * Fraction(demand[j], p_den * pi_den) \
                or prices[j] != delta[j] * values[j]:
            return False
    return sum(values) == s


def _residual(v: np.ndarray, pi: np.ndarray, delta: np.ndarray, p: np.ndarray, s: float,
              quota: int) -> float:
    """Largest violation of the stationary-equilibrium conditions."""
    n = len(v)
    c = delta * v
    cost = pi @ c
    value = p * (s - cost) + c * (p @ pi)
    worst = float(np.max(np.abs(value - v)))
    worst = max(worst, abs(float(v.sum()) - s))
    if quota > 1:
        for i in range(n):
            others = np.delete(c, i)
            cheapest = np.sort(others)[: quota - 1].sum()
            worst = max(worst, float(cost[i] - cheapest))        # buys the cheapest votes
    worst = max(worst, float(np.max(np.abs(pi.sum(axis=1) - (quota - 1)))),
                float(-min(pi.min(), 0.0)), float(max(pi.max() - 1.0, 0.0)),
                float(np.abs(np.diag(pi)).max()))
    return worst


def _soft_choice(c: np.ndarray, tau: float, seats: int, jacobian: bool = True):
    """Logit-smoothed coalition choice: pi[i, k] = sigma((lam_i - c_k) / tau), rows sum to
    ``seats``, and the derivative tensor D[i] = d pi[i, :] / d c."""
    from scipy.special import expit

    n = len(c)
    off = ~np.eye(n, dtype=bool)
    prices = np.where(off, c[None, :], np.inf)
    ordered = np.sort(prices, axis=1)
    lo = ordered[:, seats - 1] - 60 * tau
    hi = ordered[:, min(seats, n - 2)] + 60 * tau
    resolution = 4e-16 * max(float(np.abs(c).max()), 1e-300)
    lam = 0.5 * (ordered[:, seats - 1] + ordered[:, min(seats, n - 2)])
    for _ in range(200):           # safeguarded Newton for the cutoff lam_i (per row)
        pi = expit((lam[:, None] - prices) / tau)
        excess = pi.sum(axis=1) - seats
        if np.all((np.abs(excess) < 1e-11 * max(seats, 1)) | (hi - lo <= resolution)):
            break
        low = excess < 0
        lo = np.where(low, lam, lo)
        hi = np.where(low, hi, lam)
        slope = (pi * (1 - pi)).sum(axis=1) / tau
        with np.errstate(divide="ignore", invalid="ignore"):
            step = lam - excess / slope
        inside = np.isfinite(step) & (step > lo) & (step < hi)
        lam = np.where(inside, step, 0.5 * (lo + hi))
    pi = expit((lam[:, None] - prices) / tau)
    pi[~off] = 0.0
    if not jacobian:
        return pi, None
    sp_ = pi * (1 - pi)
    total = np.maximum(sp_.sum(axis=1), 1e-300)
    d = (sp_[:, :, None] * sp_[:, None, :] / total[:, None, None]
         - sp_[:, :, None] * np.eye(n)[None, :, :]) / tau
    return pi, d


def _try_structure(c: np.ndarray, gap: float, delta: np.ndarray, p: np.ndarray, s: float,
                   quota: int, atol: float):
    """Group near-equal prices into levels, solve for exact level prices, check them."""
    n = len(c)
    candidate = _Structure(_group_levels(c, gap), n, quota)
    level_c = _level_prices(candidate, delta, p, s, nb.FLOAT)
    if level_c is None:
        return None
    level_c = np.array(level_c)
    if (np.diff(level_c) <= 0).any() or (level_c < 0).any():
        return None
    pi = _inclusion(candidate, level_c, delta, p, s)
    if pi is None:
        return None
    v = level_c[candidate.level_of] / delta
    if _residual(v, pi, delta, p, s, quota) <= atol:
        return candidate, pi
    return None


def _smoothed(delta: np.ndarray, p: np.ndarray, s: float, quota: int, atol: float):
    """Stationary prices of the logit-smoothed game, by Newton's method, following the
    temperature down to 1e-12 of the per-capita surplus (a homotopy to the exact game).
    After each temperature the exact structure is tried; returns ("exact", structure, pi)
    or ("smoothed", prices, pi)."""
    n = len(p)
    seats = quota - 1
    c = delta * p * s
    scale = s / n
    pi = None

    def polish(c, tau):
        for gap in (3 * tau, 30 * tau, 300 * tau):
            found = _try_structure(c, gap, delta, p, s, quota, atol)
            if found is not None:
                return ("exact", *found)
        return None

    evaluations = [0]

    def system(c, tau, jacobian=True):
        evaluations[0] += 1
        pi, d = _soft_choice(c, tau, seats, jacobian)
        cost = pi @ c
        x = p @ pi
        f = c * (1 - delta * x) - delta * p * (s - cost)
        if not jacobian:
            return f, None, pi
        dcost = pi + np.einsum("k,jkl->jl", c, d)
        dx = np.einsum("i,ijl->jl", p, d)
        jac = np.diag(1 - delta * x) - (c * delta)[:, None] * dx + (delta * p)[:, None] * dcost
        return f, jac, pi
    def newton(c, tau):
        """Newton's method with backtracking; returns (prices, pi, converged)."""
        f, jac, pi = system(c, tau)
        norm = float(np.max(np.abs(f)))
        for _ in range(25):
            if evaluations[0] > 1500:
                break
            if norm < 1e-12 * scale:
                return c, pi, True
            try:
                step = np.linalg.solve(jac, -f)
            except np.linalg.LinAlgError:
                return c, pi, False
            t = 1.0
            while t > 1e-3:
                trial = np.maximum(c + t * step, 0.0)
                f_trial = system(trial, tau, False)[0]
                if float(np.max(np.abs(f_trial))) < norm:
                    break
                t *= 0.5
            else:
                return c, pi, norm < 1e-9 * scale     # stuck (or at the rounding floor)
            c = trial
            f, jac, pi = system(c, tau)
            norm = float(np.max(np.abs(f)))
        return c, pi, norm < 1e-9 * scale

    tau, factor = 0.1 * scale, 0.1
    c, pi, ok = newton(c, tau)
    budget = 80                       # continuation steps; each is a few Newton iterations
    while tau > 1e-13 * scale and budget > 0 and evaluations[0] <= 1500:
        budget -= 1
        trial_tau = tau * factor
        c_new, pi_new, ok = newton(c, trial_tau)
        if not ok:
            factor = factor ** 0.5
            if factor > 0.97:
                break
            continue
        tau, c, pi = trial_tau, c_new, pi_new
        factor = max(factor * factor, 1e-3) if factor < 0.5 else factor * factor
        if tau < 1e-2 * scale and (found := polish(c, tau)) is not None:
            return found
    return "smoothed", c, pi


def _group_levels(c: np.ndarray, gap: float) -> list[list[int]]:
    order = np.argsort(c, kind="stable")
    levels = [[int(order[0])]]
    for j in order[1:]:
        if c[j] - c[levels[-1][-1]] <= gap:
            levels[-1].append(int(j))
        else:
            levels.append([int(j)])
    return levels


#: Most players :func:`baron_ferejohn` takes (its result holds n x n tables; exact ones of
#: this size take about a minute).
MAX_BARON_FEREJOHN_PLAYERS = 5000


def _too_many_players(count: int) -> None:
    digits = len(str(count))
    shown = f"{count:,}" if digits <= 12 else f"a count of {digits} digits"
    raise TooLargeError(
        f"baron_ferejohn: {shown} players, more than {MAX_BARON_FEREJOHN_PLAYERS}; the "
        "equilibrium holds n x n tables of offers and inclusion probabilities. Give at most "
        f"{MAX_BARON_FEREJOHN_PLAYERS} players (a legislature's parties, not its members).")


def baron_ferejohn(players=5, *, discount_factors=Fraction(9, 10), recognition=None,
                   quota: int | str = "majority", surplus=1, symbolic: bool = False,
                   atol: float = 1e-9) -> BaronFerejohnResult:
    r"""Stationary equilibrium of Baron-Ferejohn legislative bargaining (closed rule).

    Each round nature recognises player i with probability ``p_i``; she proposes a division
    of the surplus, which passes if ``quota`` players (the proposer included) accept; otherwise
    the game moves to the next round and payoffs are discounted by each player's ``delta_j``.
    In a stationary equilibrium player j accepts any offer of at least ``delta_j v_j`` (her
    discounted continuation value), so a proposer buys the ``quota - 1`` cheapest votes and
    keeps the rest:

    .. math:: v_j = p_j\Big(S - \sum_k \pi_{jk}\,\delta_k v_k\Big)
                  + \delta_j v_j \sum_{i \ne j} p_i\,\pi_{ij},

    where ``pi[i, j]`` is the probability that proposer i includes j (mixing among equally
    cheap players). With equal ``p_i = 1/n`` and common ``delta`` (Baron & Ferejohn 1989):
    proposer ``S(1 - delta(q - 1)/n)``, each partner ``delta S/n``, value ``S/n``. Under
    unanimity with common ``delta`` and any ``p``: ``v_i = p_i S``, proposer keeps
    ``S(1 - delta(1 - p_i))``.

    Parameters
    ----------
    players : int or sequence of str
        Number of players or their names.
    discount_factors : number or sequence
        Common ``delta`` or one per player, each in [0, 1). Fractions give exact answers.
    recognition : sequence, optional
        Recognition probabilities (default equal); non-negative, summing to 1.
    quota : int or {"majority", "unanimity"}
        Votes needed, proposer included: ``floor(n/2) + 1`` for majority, ``n`` for unanimity.
    surplus : number
    symbolic : bool
        Also return the closed form (sympy) in ``closed_form``; with sympy symbols among the
        parameters the whole answer is symbolic (symmetric games and unanimity only).
    atol : float
        Largest residual accepted as an equilibrium certificate.

    Returns
    -------
    BaronFerejohnResult
        ``x`` ex-ante values (sum to the surplus), ``proposer_shares``, ``offers``,
        ``inclusion``, ``residual`` (certificate), ``closed_form``.

    Raises
    ------
    InvalidProblemError
        For a quota outside 1..n, probabilities that do not sum to one, discount factors
        outside [0, 1), or symbolic parameters in a game without a closed form.
    TooLargeError
        For more than ``MAX_BARON_FEREJOHN_PLAYERS`` (5000) players.

    Notes
    -----
    Stationary payoffs are unique (Eraslan 2002). Closed forms, in O(n) arithmetic in the
    parameters' number type (so sympy symbols stay fast for 50 players): quota 1
    (``v_j = p_j S``), unanimity with any parameters (``v_j = p_j S / ((1 - delta_j)(1 + A))``,
    ``A = sum_k delta_k p_k / (1 - delta_k)``; ``v_j = p_j S`` for a common delta) and
    symmetric games (uniform mixing, ``v_j = p S``); ``method="closed-form"``. Otherwise (only
    for numbers: symbolic parameters without a closed form are refused at once) a
    logit-smoothed version of the map (temperature annealed to 1e-11 of the per-capita
    surplus) finds which votes each proposer buys; prices of equally cheap players are then
    grouped into levels, the level prices solve an exact linear system, and the mixing
    probabilities come from a feasibility LP (``method="active-set"``). ``residual`` is the
    largest violation of the value equations, the cheapest-votes condition, the budget and
    the probability constraints; exact games are also checked exactly (``exact=True``).
    Non-stationary equilibria (any division for n >= 5 and patient players, BF 1989 Prop. 2)
    are not computed.

    References
    ----------
    Baron, D.P. & Ferejohn, J.A. (1989) "Bargaining in Legislatures", *APSR*
    83(4):1181-1206. Eraslan, H. (2002) "Uniqueness of Stationary Equilibrium Payoffs in the
    Baron-Ferejohn Model", *J. Econ. Theory* 103(1):11-30.

    Examples
    --------
    >>> r = baron_ferejohn(5, discount_factors=Fraction(9, 10))      # majority
    >>> r.proposer_shares[0], r.prices[1], r.inclusion[0, 1], r.x[0]
    (Fraction(16, 25), Fraction(9, 50), Fraction(1, 2), Fraction(1, 5))
    >>> r = baron_ferejohn(5, discount_factors=Fraction(9, 10), quota="unanimity")
    >>> r.proposer_shares[0], r.offers[0, 1]
    (Fraction(7, 25), Fraction(9, 50))
    """
    # -------- parameters
    if isinstance(players, (int, np.integer)) and not isinstance(players, (bool, np.bool_)):
        if players > MAX_BARON_FEREJOHN_PLAYERS:     # before naming ten million players
            _too_many_players(int(players))
        names = player_names(players, "baron_ferejohn: players", InvalidProblemError)
    elif isinstance(players, (str, bytes)) or not isinstance(players, Iterable):
        raise InvalidProblemError(
            f"players must be a number of players or a list of names, got {players!r}.")
    else:
        names = _names(players)
    n = len(names)
    if n > MAX_BARON_FEREJOHN_PLAYERS:
        _too_many_players(n)
    if isinstance(quota, str):
        if quota not in ("majority", "unanimity"):
            raise InvalidProblemError(
                f"quota must be an integer 1..{n}, 'majority' or 'unanimity', got {quota!r}.")
        q = n // 2 + 1 if quota == "majority" else n
    elif not isinstance(quota, (int, np.integer)) or isinstance(quota, (bool, np.bool_)):
        raise InvalidProblemError(
            f"quota must be an integer 1..{n}, 'majority' or 'unanimity', got {quota!r}.")
    else:
        q = int(quota)
        if not 1 <= q <= n:
            raise InvalidProblemError(f"quota must be between 1 and n = {n}, got {quota}.")
    deltas = (list(discount_factors) if isinstance(discount_factors, (list, tuple, np.ndarray))
              else [discount_factors] * n)
    if len(deltas) != n:
        raise InvalidProblemError(f"discount_factors has {len(deltas)} entries for {n} players.")
    equal_p = recognition is None
    if equal_p:
        probs = [Fraction(1, n)] * n
    else:
        probs = as_list(recognition, "recognition", InvalidProblemError,
                        expected=f"a list of {n} probabilities, one per player")
        if len(probs) != n:
            raise InvalidProblemError(f"recognition has {len(probs)} entries for {n} players.")
    if not (isinstance(atol, (int, float)) and math.isfinite(atol) and atol >= 0):
        raise InvalidArgumentError(f"atol must be a non-negative number, got {atol!r}.")
    kind = _kind_of([*deltas, *probs, surplus],
                    "discount factors, recognition probabilities and surplus")
    delta, p, s = _convert(deltas, kind), _convert(probs, kind), nb.as_number(surplus, kind)
    if kind != nb.SYMBOLIC:
        if not all(0 < float(d) < 1 for d in delta):
            raise InvalidProblemError(
                f"discount factors must lie in (0, 1), got {[float(d) for d in delta]}.")
        negative = [k for k, v in enumerate(p) if not float(v) >= 0]
        if negative:
            raise InvalidProblemError(
                f"recognition probabilities must be non-negative; entry {negative[0]} is "
                f"{probs[negative[0]]}.")
        if abs(float(sum(p)) - 1) > 1e-9:
            raise InvalidProblemError(
                f"recognition probabilities must sum to 1 (sum is {float(sum(p)):.6g}).")
        _positive(s, "surplus", kind)
    same_delta = all(d == delta[0] for d in delta)
    same_p = all(v == p[0] for v in p)
    # -------- unanimity, dictatorship and symmetric games: closed forms, in any number type
    closed = _closed_form_equilibrium(delta, p, s, q, kind, same_delta and same_p,
                                      tidy=kind == nb.SYMBOLIC and same_delta)
    if closed is not None:
        values, prices, pi, keep = closed
        return _result(names, values, prices, pi, keep, delta, p, s, q, kind, "closed-form",
                       _closed_form(n, q, same_delta, same_p) if symbolic else None)
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(
            "symbolic parameters need a closed form, which exists for unanimity and quota 1 "
            "(any parameters) and for symmetric games (common discount factor, equal "
            "recognition); pass numbers for this game.")
    # -------- otherwise: which votes each proposer buys, found numerically
    fd = np.array([float(v) for v in delta])
    fp = np.array([float(v) for v in p])
    fs = float(s)
    found = _smoothed(fd, fp, fs, q, atol)
    if found[0] != "exact":               # no exact structure found: report the smoothed one
        c, pi_float = found[1], found[2]
        v = c / fd
        residual = _residual(v, pi_float, fd, fp, fs, q)
        if not residual <= 1e-6 * fs:
            raise SolverError(
                f"no stationary equilibrium found for these parameters (the smoothed "
                f"solution violates the equilibrium conditions by {residual:.3g}); "
                "recognition probabilities very close to 0 are a known hard case: set them "
                "to exactly 0 or give them more weight.")
        keep = fs - pi_float @ c
        offers = pi_float * c[None, :]
        np.fill_diagonal(offers, keep)
        return BaronFerejohnResult(
            x=_array(list(v), nb.FLOAT), players=names, exact=False,
            concept="baron-ferejohn",
            proposer_shares=_array(list(keep), nb.FLOAT), prices=_array(list(c), nb.FLOAT),
            offers=offers, inclusion=pi_float,
            quota=q, discount_factors=_array(list(fd), nb.FLOAT),
            recognition=_array(list(fp), nb.FLOAT),
            residual=residual, method="smoothed",
            closed_form=_closed_form(n, q, same_delta, same_p) if symbolic else None)
    structure, pi_float = found[1], found[2]
    level_c = _level_prices(structure, delta, p, s, kind)
    if level_c is None:
        raise InvalidProblemError("the equilibrium equations are singular for these parameters.")
    prices = [level_c[structure.level_of[j]] for j in range(n)]
    zero = nb.constant(0, kind)
    pi = np.empty((n, n), dtype=object)
    pi[:] = zero
    if kind == nb.FLOAT:                              # mixing found by the LP
        pi[:] = pi_float
    else:          # exact: the simplest rationals that satisfy every condition
        for bound in (10**3, 10**5, 10**7, 10**9, 10**12):
            for i in range(n):
                for j in range(n):
                    pi[i, j] = nb.as_number(
                        Fraction(float(pi_float[i, j])).limit_denominator(bound), kind)
            if _holds_exactly([prices[j] / delta[j] for j in range(n)], pi, prices, delta, p,
                              s, q):
                break
    keep = [s - sum((pi[i, k] * prices[k] for k in range(n)), zero) for i in range(n)]
    values = [prices[j] / delta[j] for j in range(n)]
    return _result(names, values, prices, pi, keep, delta, p, s, q, kind, "active-set",
                   _closed_form(n, q, same_delta, same_p) if symbolic else None)


def _closed_form_equilibrium(delta: list, p: list, s, q: int, kind: str, symmetric: bool, *,
                             tidy: bool = False):
    """``(values, prices, inclusion, proposer shares)`` where a closed form exists, else None.

    With ``c_j = delta_j v_j`` the price of j's vote and ``C = sum_k c_k``:

    * quota 1: nobody is bought, ``v_j = p_j S``;
    * unanimity: every proposer buys everyone, so ``v_j = p_j (S - C + c_j) + (1 - p_j) c_j
      = p_j (S - C) + c_j``, i.e. ``v_j = p_j (S - C) / (1 - delta_j)``; summing
      ``c_j`` gives ``S - C = S / (1 + A)`` with ``A = sum_k delta_k p_k / (1 - delta_k)``;
    * symmetric (common delta, equal p): proposers mix uniformly over the others, each
      included with probability ``(q - 1)/(n - 1)``, and ``v_j = p S``.

    Each costs O(n) arithmetic in the parameters' number type (sympy included), plus the
    n x n inclusion matrix. ``tidy`` puts symbolic results in normal form; it is off for
    different symbolic discount factors, whose common denominator has 2**n terms when
    expanded (the results are then left as the formulas above).
    """
    n = len(delta)
    zero, one = nb.constant(0, kind), nb.constant(1, kind)
    if q == 1:
        values, include = [p[j] * s for j in range(n)], zero
    elif q == n:
        a = sum((delta[k] * p[k] / (one - delta[k]) for k in range(n)), zero)
        remainder = s / (one + a)
        if tidy:
            remainder = _tidy(remainder)
        values, include = [p[j] * remainder / (one - delta[j]) for j in range(n)], one
    elif symmetric:
        values = [p[j] * s for j in range(n)]
        include = nb.constant(Fraction(q - 1, n - 1), kind)
    else:
        return None
    if tidy:
        values = [_tidy(v) for v in values]
    prices = [delta[j] * values[j] for j in range(n)]
    if tidy:
        prices = [_tidy(c) for c in prices]
    total = sum(prices, zero)
    keep = [s - include * (total - prices[i]) for i in range(n)]
    if tidy:
        keep = [_tidy(k) for k in keep]
    if kind == nb.FLOAT:
        pi = np.full((n, n), float(include))
        np.fill_diagonal(pi, 0.0)
    else:
        pi = np.empty((n, n), dtype=object)
        pi[:] = include
        np.fill_diagonal(pi, zero)
    return values, prices, pi, keep


def _tidy(expression):
    """A symbolic result in a readable normal form: expanded if it is a polynomial, else one
    cancelled fraction (cheap: no general ``simplify``)."""
    sp = nb.import_sympy()
    expression = sp.cancel(expression)
    return sp.expand(expression) if expression.is_polynomial() else expression


def _result(names, values, prices, pi, keep, delta, p, s, q: int, kind: str, method: str,
            closed_form) -> BaronFerejohnResult:
    """The result with offers, the residual certificate and (exact games) the exact check."""
    n = len(names)
    price_row = np.empty(n, dtype=object)
    price_row[:] = prices
    offers = np.asarray(pi * price_row[None, :], dtype=object) if kind != nb.FLOAT else \
        pi * np.array(prices, dtype=np.float64)[None, :]
    for i in range(n):
        offers[i, i] = keep[i]
    if kind == nb.SYMBOLIC:
        residual, exact = 0.0, True
    else:
        fd = np.array([float(v) for v in delta])
        fp = np.array([float(v) for v in p])
        residual = _residual(np.array([float(v) for v in values]), np.array(pi, dtype=float),
                             fd, fp, float(s), q)
        exact = kind == nb.EXACT and _holds_exactly(values, pi, prices, delta, p, s, q)
    if kind == nb.FLOAT:
        offers, pi = np.asarray(offers, dtype=float), np.asarray(pi, dtype=float)
    offers.setflags(write=False)
    pi.setflags(write=False)
    return BaronFerejohnResult(
        x=_array(values, kind), players=names, exact=exact,
        concept="baron-ferejohn",
        proposer_shares=_array(keep, kind), prices=_array(prices, kind),
        offers=offers, inclusion=pi, quota=q,
        discount_factors=_array(delta, kind), recognition=_array(p, kind),
        residual=float(residual), method=method, closed_form=closed_form)


def _closed_form(n: int, q: int, same_delta: bool, same_p: bool) -> dict | None:
    """Closed-form payoffs as sympy expressions in delta, S (and p_i), when they exist."""
    sp = nb.import_sympy()
    delta, s, nn, qq = sp.symbols("delta S n q", positive=True)
    if same_delta and same_p:
        return {"proposer_share": s * (1 - delta * (qq - 1) / nn),
                "partner_offer": delta * s / nn,
                "value": s / nn,
                "inclusion_probability": (qq - 1) / (nn - 1),
                "substitute": {"n": n, "q": q}}
    if q == n and same_delta:
        pi = sp.Symbol("p_i", nonnegative=True)
        return {"proposer_share": s * (1 - delta * (1 - pi)), "value": pi * s,
                "partner_offer_to_j": sp.Symbol("p_j", nonnegative=True) * delta * s,
                "substitute": {"n": n, "q": q}}
    return None
