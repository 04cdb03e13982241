r"""Dynamic legislative bargaining with an endogenous status quo: Markov-perfect equilibria on
a grid of policies, by value iteration, with a residual certificate.

Each period the policy in force, the status quo :math:`q`, is on the table. Player :math:`i`
is recognised with probability :math:`p_i` and proposes a policy :math:`y`; the proposal
passes when the players who accept it form a winning coalition (at least ``quota`` of them,
every veto player included). The outcome of the period is :math:`y` if it passes and
:math:`q` otherwise, every player gets its stage utility :math:`u_j` of the outcome, and the
outcome is the next period's status quo (Baron 1996; Kalandrakis 2004). With a fixed
``reversion`` point :math:`r` instead, a failed proposal gives :math:`r` (a sunset clause).

A stationary Markov strategy profile gives each proposer an outcome :math:`o_i(q)` at each
status quo. The continuation values solve

.. math::

    V_j(q) = \sum_i p_i\, W_j(o_i(q)), \qquad W_j(x) = u_j(x) + \delta V_j(x),

where :math:`W_j(x)` is what implementing :math:`x` this period is worth to :math:`j`. In a
Markov-perfect equilibrium (with stage-undominated voting) player :math:`j` accepts
:math:`y` at :math:`q` iff :math:`W_j(y) \ge W_j(q)`, and each proposer picks the outcome it
values most among the proposals that pass and the status quo.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import (
    check_choice,
    check_integer,
    check_tolerance,
    format_bytes,
    front_door,
    name_list,
    named_values,
)
from ..exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from ..results import LIMIT, SUCCESS, DynamicBargainingResult
from ._inputs import distinct_names

__all__ = [
    "dynamic_bargaining",
    "long_run_distribution",
    "DYNAMIC_METHODS",
    "STAGE_UTILITIES",
]

#: The choices of ``method=``.
DYNAMIC_METHODS = ("value-iteration",)

#: Stage utilities from an ideal point ``a`` and a salience ``s``: ``-s (x - a)^2`` and
#: ``-s |x - a|``.
STAGE_UTILITIES = ("quadratic", "linear")

#: Players and grid points the solver takes; its tables hold n x m x m entries.
MAX_PLAYERS = 12
MAX_MEMORY_BYTES = 2 * 10**9
MAX_POLICIES = 4001

#: How far from 1 the recognition probabilities may sum.
RECOGNITION_SUM_TOLERANCE = 1e-9


# ------------------------------------------------------------------ inputs


def _finite_floats(values: Any, what: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise InvalidProblemError(f"{what} must be numbers, got {values!r}.") from None
    if array.dtype == object or not np.all(np.isfinite(array)):
        raise InvalidProblemError(f"{what} must be finite numbers, got {values!r}.")
    return array


def _scalar(value: Any, what: str) -> float:
    """One finite number (not a bool, not a list)."""
    if isinstance(value, (bool, np.bool_)) or np.ndim(value) != 0:
        raise InvalidProblemError(f"{what} must be one number, got {value!r}.")
    (number,) = _finite_floats([value], what).tolist()
    return number


def _grid(policies: Any, bounds: Any) -> np.ndarray:
    """The policy grid: ``policies`` points spread over ``bounds``, or the given increasing
    numbers."""
    if isinstance(policies, (int, np.integer)) and not isinstance(policies, bool):
        count = check_integer(policies, "policies", "dynamic_bargaining", low=2)
        if count > MAX_POLICIES:
            raise TooLargeError(
                f"dynamic_bargaining: {count} grid points need n x {count} x {count} vote "
                f"tables; use at most {MAX_POLICIES}."
            )
        pair = _finite_floats(bounds, "bounds") if bounds is not None else np.array([0.0, 1.0])
        if pair.shape != (2,) or not pair[0] < pair[1]:
            raise InvalidProblemError(
                f"bounds must be (low, high) with low < high, got {bounds!r}."
            )
        return np.linspace(pair[0], pair[1], count)
    grid = _finite_floats(policies, "policies")
    if grid.ndim != 1 or len(grid) < 2 or not np.all(np.diff(grid) > 0):
        raise InvalidProblemError(
            "policies must be a number of grid points (an integer >= 2) or at least two "
            f"strictly increasing numbers, got {policies!r}."
        )
    return grid


def _on_grid(value: Any, grid: np.ndarray, what: str) -> int:
    """The index of the grid point nearest ``value`` (which must lie within the grid)."""
    number = _scalar(value, what)
    span = grid[-1] - grid[0]
    if not grid[0] - 1e-9 * span <= number <= grid[-1] + 1e-9 * span:
        raise InvalidProblemError(
            f"{what} {value!r} lies outside the policy grid [{grid[0]:g}, {grid[-1]:g}]."
        )
    return int(np.argmin(np.abs(grid - number)))


def _quota(quota: Any, n: int) -> int:
    if isinstance(quota, str):
        rule = check_choice(
            quota, ("majority", "unanimity"), what="quota", function="dynamic_bargaining"
        )
        return n // 2 + 1 if rule == "majority" else n
    return check_integer(quota, "quota", "dynamic_bargaining", low=1, high=n)


def _recognition(recognition: Any, n: int) -> np.ndarray:
    if recognition is None:
        return np.full(n, 1.0 / n)
    p = _finite_floats(recognition, "recognition")
    if p.shape != (n,) or np.any(p < 0) or abs(p.sum() - 1) > RECOGNITION_SUM_TOLERANCE:
        raise InvalidProblemError(
            f"recognition must be {n} non-negative probabilities that sum to 1, got "
            f"{recognition!r}."
        )
    return p


def _stage_utilities(
    ideal_points: Any, utilities: Any, players: Any, grid: np.ndarray, utility: str, salience: Any
) -> tuple[tuple, np.ndarray, np.ndarray | None]:
    """Player names, the (n, m) table of stage utilities and the ideal points (or None)."""
    if (ideal_points is None) == (utilities is None):
        raise InvalidArgumentError(
            "dynamic_bargaining: give ideal_points (one per player) or utilities (an n x m "
            "table over the policy grid), not both and not neither."
        )
    if ideal_points is not None:
        players, ideal_points = named_values(
            ideal_points, players, "ideal_points", "dynamic_bargaining"
        )
        ideals = _finite_floats(ideal_points, "ideal_points")
        if ideals.ndim != 1:
            raise InvalidProblemError(
                f"ideal_points must be one number per player, got {ideal_points!r}."
            )
        kind = check_choice(
            utility,
            STAGE_UTILITIES,
            what="utility",
            plural="utilities",
            function="dynamic_bargaining",
        )
        weight = np.ones(len(ideals)) if salience is None else _finite_floats(salience, "salience")
        if weight.shape != ideals.shape or np.any(weight <= 0):
            raise InvalidProblemError(
                f"salience must be one positive number per player, got {salience!r}."
            )
        gap = grid[None, :] - ideals[:, None]
        table = -weight[:, None] * (gap**2 if kind == "quadratic" else np.abs(gap))
    else:
        if salience is not None:
            raise InvalidArgumentError(
                "dynamic_bargaining: salience weights ideal-point utilities; fold it into the "
                "utilities table instead."
            )
        table = _finite_floats(utilities, "utilities")
        if table.ndim != 2 or table.shape[1] != len(grid):
            raise InvalidProblemError(
                f"utilities must be a table of one row per player and one column per policy "
                f"({len(grid)} columns), got shape {table.shape}."
            )
        ideals = None
    n = len(table)
    if not 2 <= n <= MAX_PLAYERS:
        raise InvalidProblemError(f"dynamic_bargaining takes 2 to {MAX_PLAYERS} players, got {n}.")
    names = distinct_names(players if players is not None else [str(i + 1) for i in range(n)], n)
    return names, table, ideals


# ------------------------------------------------------------------ the equilibrium map


def _acceptance(W: np.ndarray, fallback: np.ndarray, tol: float) -> np.ndarray:
    """``accept[j, q, y]``: player j weakly prefers implementing y to the fallback of q."""
    return W[:, None, :] >= W[:, fallback][:, :, None] - tol


def _passes(accept: np.ndarray, quota: int, veto: np.ndarray) -> np.ndarray:
    """``passes[i, q, y]``: proposal y at status quo q passes when i proposes it (the
    proposer votes for its own proposal; every other veto player must accept)."""
    votes = accept.sum(axis=0)[None] - accept + 1  # the proposer's vote counted as a yes
    passes = votes >= quota
    if veto.any():
        blocked = (~accept[veto]).sum(axis=0)  # veto players who reject, (q, y)
        own = veto[:, None, None] & ~accept  # the proposer's own rejection does not block
        passes &= blocked[None] - own == 0
    return passes


def _best_outcomes(
    W: np.ndarray, fallback: np.ndarray, quota: int, veto: np.ndarray, tol: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each proposer's outcome at each status quo (indices, ``(n, m)``) and the value it
    gets, for continuation values ``W``; ties within ``tol`` go to the fallback, then to the
    passing proposal nearest the status quo, then to the lowest policy."""
    n, m = W.shape
    passes = _passes(_acceptance(W, fallback, tol), quota, veto)
    value = np.where(passes, W[:, None, :], -np.inf)  # (i, q, y)
    own_fallback = W[:, fallback]  # (i, q)
    best = np.maximum(value.max(axis=2), own_fallback)
    near = np.abs(np.arange(m)[None, :] - np.arange(m)[:, None])  # (q, y)
    score = np.where(value >= best[:, :, None] - tol, -near[None].astype(float), -np.inf)
    choice = score.argmax(axis=2)
    keep = own_fallback >= best - tol
    outcomes = np.where(keep, fallback[None, :], choice)
    return outcomes, np.take_along_axis(W, outcomes, axis=1)


def _transition(outcomes: np.ndarray, recognition: np.ndarray, m: int) -> np.ndarray:
    """``P[q, x]``: the probability that the outcome is x when the status quo is q."""
    P = np.zeros((m, m))
    rows = np.broadcast_to(np.arange(m), outcomes.shape)
    np.add.at(P, (rows.ravel(), outcomes.ravel()), np.repeat(recognition, m))
    return P


def _evaluate(P: np.ndarray, u: np.ndarray, delta: float) -> np.ndarray:
    """The players' values of a strategy profile: ``(I - delta P) V = P u`` per player."""
    from scipy.sparse import csc_matrix, identity
    from scipy.sparse.linalg import spsolve

    m = len(P)
    sparse = csc_matrix(P)  # at most n entries per row: a sparse solve, no dense LAPACK call
    system = (identity(m, format="csc") - delta * sparse).tocsc()
    values = spsolve(system, np.asarray(sparse @ u.T))
    return np.asarray(values).reshape(m, -1).T


def _certificate(
    V: np.ndarray,
    u: np.ndarray,
    outcomes: np.ndarray,
    recognition: np.ndarray,
    delta: float,
    fallback: np.ndarray,
    quota: int,
    veto: np.ndarray,
    tol: float,
) -> tuple[float, float]:
    """The Bellman residual of ``V`` under the strategies and the largest gain of a one-shot
    deviation (a proposer's other passing proposal, a pivotal voter's other vote)."""
    n, m = u.shape
    W = u + delta * V
    got = np.take_along_axis(W, outcomes, axis=1)  # (i, q)
    expected = np.einsum("i,jiq->jq", recognition, np.take(W, outcomes, axis=1))
    bellman = float(np.max(np.abs(V - expected)))
    accept = _acceptance(W, fallback, tol)
    passes = _passes(accept, quota, veto)
    proposer_best = np.maximum(np.where(passes, W[:, None, :], -np.inf).max(axis=2), W[:, fallback])
    gain = float(np.max(proposer_best - got))
    # a voter who accepts an adopted change and is pivotal could have kept the fallback
    changed = outcomes != fallback[None, :]
    q = np.broadcast_to(np.arange(m), outcomes.shape)
    acc = accept[:, q, outcomes]  # (j, i, q): j accepts what i's proposal adopts
    votes = acc.sum(axis=0) + (1 - acc[np.arange(n), np.arange(n)])  # the proposer votes yes
    vetoed = np.zeros(n, dtype=bool) if not veto.any() else veto
    for j in range(n):  # a loop over players, not grid points
        pivotal = (
            changed & acc[j] & (np.arange(n)[:, None] != j) & ((votes - 1 < quota) | vetoed[j])
        )
        loss = W[j, fallback][None, :] - W[j, outcomes]
        if pivotal.any():
            gain = max(gain, float(np.max(np.where(pivotal, loss, -np.inf))))
    return bellman, max(gain, 0.0)


# ------------------------------------------------------------------ long run


def long_run_distribution(transition: Any, start: Any = None) -> np.ndarray:
    r"""The long-run (Cesàro) distribution of a finite Markov chain of outcomes.

    .. math:: L = \lim_{T \to \infty} \frac{1}{T} \sum_{t=1}^{T} P^t,

    computed from the chain's closed communicating classes: each has a unique stationary
    distribution :math:`\pi_c` (:math:`\pi_c P = \pi_c`), and a chain started at :math:`q`
    ends in class :math:`c` with the absorption probability :math:`b_{qc}`, so that
    :math:`L_q = \sum_c b_{qc} \pi_c`. Every row of :math:`L` is a stationary distribution.

    Parameters
    ----------
    transition : array_like, shape (m, m)
        A row-stochastic matrix (``P[q, x]``: the probability of moving from q to x).
    start : array_like, shape (m,), or int, optional
        An initial distribution, or the index of the initial state; None returns the whole
        matrix :math:`L` (one row per initial state).

    Returns
    -------
    numpy.ndarray
        The long-run distribution from ``start`` (shape ``(m,)``), or :math:`L`.

    Raises
    ------
    InvalidProblemError
        When ``transition`` is not a square row-stochastic matrix of finite numbers, or
        ``start`` is not a distribution or a state.

    Notes
    -----
    Strongly connected components (:func:`scipy.sparse.csgraph.connected_components`), one
    linear solve per closed class for its stationary distribution and one for the absorption
    probabilities of the transient states.

    References
    ----------
    .. [1] Kemeny, J. G. and Snell, J. L. (1976). *Finite Markov Chains*. Springer, chapter 3.

    Examples
    --------
    A chain that stays at its ends and leaves the middle for either end with equal chance:

    >>> import numpy as np
    >>> P = np.array([[1, 0, 0], [0.5, 0, 0.5], [0, 0, 1]])
    >>> long_run_distribution(P, 1).tolist()
    [0.5, 0.0, 0.5]
    """
    from scipy.sparse.csgraph import connected_components

    P = _finite_floats(transition, "transition")
    if P.ndim != 2 or P.shape[0] != P.shape[1] or np.any(P < 0):
        raise InvalidProblemError("transition must be a square matrix of probabilities.")
    if np.max(np.abs(P.sum(axis=1) - 1)) > 1e-9:
        raise InvalidProblemError("each row of transition must sum to 1.")
    m = len(P)
    count, labels = connected_components(P > 0, directed=True, connection="strong")
    leaves = np.zeros(count, dtype=bool)  # classes with an edge out
    out = (P > 0) & (labels[:, None] != labels[None, :])
    np.logical_or.at(leaves, labels, out.any(axis=1))
    closed = np.flatnonzero(~leaves)
    L = np.zeros((m, m))
    absorbed = np.zeros((m, len(closed)))
    for k, c in enumerate(closed):  # one solve per closed class
        members = np.flatnonzero(labels == c)
        block = P[np.ix_(members, members)]
        system = np.vstack([block.T - np.eye(len(members)), np.ones(len(members))])
        rhs = np.zeros(len(members) + 1)
        rhs[-1] = 1.0
        pi = np.linalg.lstsq(system, rhs, rcond=None)[0]
        pi = np.clip(pi, 0, None)
        L[np.ix_(members, members)] = pi / pi.sum()
        absorbed[members, k] = 1.0
    transient = np.flatnonzero(leaves[labels])
    if len(transient):
        into = np.stack(
            [P[np.ix_(transient, np.flatnonzero(labels == c))].sum(axis=1) for c in closed], axis=1
        )
        B = np.linalg.solve(np.eye(len(transient)) - P[np.ix_(transient, transient)], into)
        absorbed[transient] = B
        stationary = np.stack([L[np.flatnonzero(labels == c)[0]] for c in closed])
        L[transient] = B @ stationary
    if start is None:
        return L
    if isinstance(start, (int, np.integer)) and not isinstance(start, bool):
        index = check_integer(start, "start", "long_run_distribution", low=0, high=m - 1)
        return L[index].copy()
    initial = _finite_floats(start, "start")
    if initial.shape != (m,) or np.any(initial < 0) or abs(initial.sum() - 1) > 1e-9:
        raise InvalidProblemError(f"start must be a state index or a distribution over {m} states.")
    return initial @ L


# ------------------------------------------------------------------ the front door


@front_door(DYNAMIC_METHODS)
def dynamic_bargaining(
    ideal_points: Any = None,
    *,
    status_quo: Any,
    veto: Sequence[str] = (),
    quota: Any = "majority",
    discount_factor: Any = 0.9,
    recognition: Any = None,
    policies: Any = 101,
    bounds: Any = (0.0, 1.0),
    utility: str = "quadratic",
    salience: Any = None,
    utilities: Any = None,
    players: Sequence[str] | None = None,
    reversion: Any = None,
    max_iterations: int = 10_000,
    atol: float = 1e-9,
    method: str = "value-iteration",
) -> DynamicBargainingResult:
    r"""A Markov-perfect equilibrium of legislative bargaining with an endogenous status quo.

    The policy adopted each period becomes the next period's status quo (Baron 1996;
    Kalandrakis 2004; Nunnari 2021). The model is defined in the module docstring
    (:mod:`coalitions.bargaining.dynamic`): random recognition with probabilities
    :math:`p_i`, a proposal passes when a winning coalition (``quota`` players, every veto
    player among them) weakly prefers it, and the continuation values solve
    :math:`V_j(q) = \sum_i p_i\,(u_j + \delta V_j)(o_i(q))`.

    Parameters
    ----------
    ideal_points : mapping or sequence of numbers, optional
        Each player's ideal policy (a mapping names the players). Stage utilities are
        ``-salience (x - ideal)^2`` (``utility="quadratic"``) or ``-salience |x - ideal|``.
    status_quo : number
        The policy in force before the first period (snapped to the nearest grid point); the
        long-run distribution and ``x`` start from it.
    veto : list of str
        The veto players: every winning coalition contains them.
    quota : "majority", "unanimity" or int
        Votes needed, the proposer's included (majority: ``n // 2 + 1``).
    discount_factor : float in [0, 1)
        The common discount factor per period.
    recognition : sequence of float, optional
        Recognition probabilities, one per player (default equal).
    policies : int or sequence of float
        The number of grid points over ``bounds`` (default 101), or the grid itself.
    bounds : pair of float
        The policy interval (default ``(0, 1)``) when ``policies`` is a count.
    utility : {"quadratic", "linear"}
        The stage utility of an ideal point.
    salience : sequence of float, optional
        Positive weights of the players' utilities (default 1).
    utilities : array_like, shape (n, m), optional
        Stage utilities over the grid instead of ideal points (any finite numbers, e.g. the
        shares of a divided dollar, with ``policies`` labelling the divisions).
    players : sequence of str, optional
        Names (default ``"1"``, ..., ``"n"``) when ``ideal_points`` is not a mapping.
    reversion : number, optional
        None (the default): a failed proposal leaves the status quo in force. A policy:
        a failed proposal gives this policy (a sunset clause), which becomes the status quo.
    max_iterations : int
        Most value-iteration steps.
    atol : float
        Tolerance of the comparisons (a voter accepts when within ``atol`` of indifferent)
        and of the certificate.
    method : {"value-iteration"}
        Backward induction from the last period (the limit of finite-horizon equilibria),
        then the exact values of the strategies it settles on (the only method).

    Returns
    -------
    DynamicBargainingResult
        ``x`` each player's value at ``status_quo``; ``values`` and ``utilities`` (one row
        per player, one column per policy), ``outcomes`` (the policy adopted when each
        player proposes at each status quo), ``transition``, ``long_run`` (the long-run
        distribution of policies from ``status_quo``), ``stable`` (the policies that stay
        once reached), ``residual`` (Bellman) and ``deviation_gain`` (the largest gain of a
        one-shot deviation): the certificate. ``success`` is False (status 2) when the
        strategies did not settle within ``max_iterations``.

    Raises
    ------
    InvalidProblemError
        For a discount factor outside [0, 1), bad recognition probabilities, a status quo or
        reversion point outside the grid, non-finite or mis-shaped utilities.
    InvalidArgumentError
        For an unknown veto player, quota, utility or method, or both or neither of
        ``ideal_points`` and ``utilities``.
    TooLargeError
        When the n x m x m tables would need more than 2 GB.

    Notes
    -----
    Value iteration from :math:`V = 0` is backward induction in the finite-horizon game:
    each step computes, for continuation values :math:`V`, which proposals pass (an
    ``(n, m, m)`` array of votes) and each proposer's best outcome, and sets
    :math:`V \leftarrow \sum_i p_i W(o_i)`. At each step the exact values of the current
    strategies are solved for (one ``m x m`` linear system) and the strategies re-checked
    against them; the first that are best responses to their own values are returned (finite
    horizon strategies may alternate between an equilibrium and a non-equilibrium). The
    certificate reports the Bellman residual of the returned values and the
    largest gain any proposer or pivotal voter would get from a one-shot deviation. Each step
    costs :math:`O(n^2 m^2)` array operations. Ties are broken towards the status quo, then
    towards the passing proposal nearest it. Pure-strategy equilibria need not exist on a
    grid; when the strategies cycle, the result says so (``success=False``).

    The long-run distribution of outcomes is :func:`long_run_distribution` of the
    transition matrix: a veto player's ideal point, for instance, is always stable (no
    outcome is better for it than keeping it forever).

    References
    ----------
    .. [1] Baron, D. P. (1996). A dynamic theory of collective goods programs. *American
       Political Science Review* 90(2), 316-330.
    .. [2] Kalandrakis, A. (2004). A three-player dynamic majoritarian bargaining game.
       *Journal of Economic Theory* 116(2), 294-322.
    .. [3] Nunnari, S. (2021). Dynamic legislative bargaining with veto power: theory and
       experiments. *Games and Economic Behavior* 126, 186-230.

    Examples
    --------
    Three players on [0, 1], the veto player at 0.2. From a status quo of 0.9 every path
    ends between the veto player and the median; the veto player's ideal is stable:

    >>> import coalitions as co
    >>> eq = co.dynamic_bargaining({"V": 0.2, "M": 0.5, "R": 0.9}, veto=["V"],
    ...                            status_quo=0.9, policies=11, discount_factor=0.5)
    >>> eq.success, eq.residual < 1e-9, eq.deviation_gain < 1e-9
    (True, True, True)
    >>> 0.2 in eq.stable, round(eq.expected_policy, 6)
    (True, 0.383333)
    """
    function = "dynamic_bargaining"
    tol = check_tolerance(atol, function)
    iterations_cap = check_integer(max_iterations, "max_iterations", function, low=1)
    grid = _grid(policies, bounds if isinstance(policies, (int, np.integer)) else None)
    names, u, ideals = _stage_utilities(ideal_points, utilities, players, grid, utility, salience)
    n, m = u.shape
    need = 3 * n * n * m * m
    if need > MAX_MEMORY_BYTES:
        raise TooLargeError(
            f"{function}: {n} players on {m} policies need about {format_bytes(need)} of vote "
            "tables; use a coarser grid."
        )
    delta = _scalar(discount_factor, "discount_factor")
    if not 0 <= delta < 1:
        raise InvalidProblemError(
            f"discount_factor must lie in [0, 1), got {discount_factor!r} (1 means no cost of "
            "delay and no unique value)."
        )
    q_quota = _quota(quota, n)
    p = _recognition(recognition, n)
    vetoers = name_list(veto, "veto", InvalidArgumentError) if veto else []
    unknown = [v for v in vetoers if v not in names]
    if unknown:
        raise InvalidArgumentError(
            f"{function}: unknown veto player {unknown[0]!r}; the players are {', '.join(names)}."
        )
    veto_mask = np.isin(np.array(names), vetoers)
    start = _on_grid(status_quo, grid, "status_quo")
    fallback = (
        np.arange(m) if reversion is None else np.full(m, _on_grid(reversion, grid, "reversion"))
    )

    V = np.zeros((n, m))
    status, iterations, message = LIMIT, 0, ""
    scale = float(np.abs(u).max()) / (1 - delta)
    seen: dict[bytes, tuple[int, np.ndarray]] = {}
    for iterations in range(1, iterations_cap + 1):
        W = u + delta * V
        outcomes, _ = _best_outcomes(W, fallback, q_quota, veto_mask, tol)
        # the exact values of these strategies: are the strategies best responses to them?
        exact = _evaluate(_transition(outcomes, p, m), u, delta)
        again, _ = _best_outcomes(u + delta * exact, fallback, q_quota, veto_mask, tol)
        if np.array_equal(again, outcomes):
            V, status = exact, SUCCESS
            break
        V = np.einsum("i,jiq->jq", p, np.take(W, outcomes, axis=1))
        key = outcomes.tobytes()
        if key in seen and np.max(np.abs(V - seen[key][1])) <= tol * max(1.0, scale):
            period = iterations - seen[key][0]
            message = (
                f"the proposers' strategies cycle with period {period} (from step "
                f"{seen[key][0]}): value iteration finds no pure-strategy equilibrium on this "
                "grid; try another grid size or discount factor"
            )
            break
        seen[key] = (iterations, V)
    if status != SUCCESS and not message:
        message = (
            f"the proposers' strategies did not settle in {iterations_cap} steps (a cycle, or "
            "no pure-strategy equilibrium on this grid); the values are the last step's"
        )
    P = _transition(outcomes, p, m)
    residual, gain = _certificate(V, u, outcomes, p, delta, fallback, q_quota, veto_mask, tol)
    if status == SUCCESS and (
        residual > max(tol, 1e-9) * max(1.0, float(np.abs(V).max())) or gain > tol
    ):
        status, message = (
            1,
            f"the certificate failed: residual {residual:.2e}, deviation gain {gain:.2e}",
        )
    L = long_run_distribution(P)
    stable = grid[np.diag(P) >= 1 - 1e-12]
    return DynamicBargainingResult(
        x=nb.read_only(V[:, start], nb.FLOAT),
        players=names,
        concept="dynamic-bargaining",
        method="value-iteration",
        status=status,
        message=message,
        policies=nb.read_only(grid, nb.FLOAT),
        status_quo=float(grid[start]),
        ideal_points=None if ideals is None else nb.read_only(ideals, nb.FLOAT),
        utilities=nb.read_only(u, nb.FLOAT),
        values=nb.read_only(V, nb.FLOAT),
        outcomes=nb.read_only(grid[outcomes], nb.FLOAT),
        transition=nb.read_only(P, nb.FLOAT),
        long_run=nb.read_only(L[start], nb.FLOAT),
        stable=tuple(float(s) for s in stable),
        veto=tuple(n_ for n_, is_veto in zip(names, veto_mask) if is_veto),
        quota=q_quota,
        discount_factor=delta,
        recognition=nb.read_only(p, nb.FLOAT),
        reversion=None if reversion is None else float(grid[fallback[0]]),
        residual=residual,
        deviation_gain=gain,
        iterations=iterations,
    )
