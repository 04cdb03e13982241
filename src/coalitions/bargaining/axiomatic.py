"""Axiomatic bargaining solutions: Nash, Kalai-Smorodinsky, egalitarian, utilitarian.

Each solution maps a bargaining problem ``(U, d)`` to one feasible utility vector and is
characterised by a short list of axioms (properties a fair arbiter would want). All four
work for any number of players and return the utilities ``x`` and, when the problem is a
divisible surplus, the shares that produce them.

Number kinds follow the input. A polytope given in exact numbers (ints, Fractions; see
:attr:`BargainingProblem.number_kind`) gets exact answers (``exact=True``, Fractions,
``method="exact"``) wherever the answer is rational: the egalitarian, Kalai-Smorodinsky and
utilitarian points for any number of players (certified rational LPs), the Nash point with
exact weights for two players, and for more players when it lies inside a facet. Each is
proved by an exact check (:mod:`coalitions.bargaining._exact_polytope`). Otherwise the
answer is in floats with ``exact=False`` and ``message`` says why. Float problems get float
answers; a two-player surplus given by formulas has closed forms with ``symbolic=True``.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import numpy as np

from .. import _numbers as nb
from .._checks import check_choice, check_instance, front_door
from .._docstrings import fill_doc
from .._lp import solve_lp
from .._polygon import polygon_nash
from ..exceptions import InvalidProblemError, SolverError
from ..games.bargaining_problem import BargainingProblem
from ..results import BargainingResult
from ._exact_polytope import exact_nash, exact_ray, exact_utilitarian

__all__ = [
    "nash_solution",
    "kalai_smorodinsky",
    "egalitarian",
    "utilitarian",
    "bargaining_solution",
    "SOLUTIONS",
    "OPTIONS",
    "NOT_EXACT",
]

_NEG = -1e300


#: Why an answer is in floats although the problem's data are exact.
NOT_EXACT = {
    "uncertified": "no exact certificate could be rebuilt from the float LP (a degenerate "
    "or very large polytope); the answer is numerical",
    "nonlinear": "the Nash point of this polytope lies inside a face that is neither a vertex "
    "nor a facet, where it solves a nonlinear system (irrational in general); "
    "the answer is numerical",
    "float weights": "the weights are floats; give ints or Fractions for an exact answer",
    "formulas": "utilities given as formulas are solved numerically; pass symbolic=True for "
    "the closed form (sympy)",
}


def _check_problem(problem, function: str) -> BargainingProblem:
    return check_instance(
        problem,
        BargainingProblem,
        function,
        error=InvalidProblemError,
        hint="build one with BargainingProblem.from_vertices / from_surplus / from_frontier",
    )


def _is_exact(problem: BargainingProblem) -> bool:
    return problem.number_kind == nb.EXACT


def _result(
    problem: BargainingProblem, u, concept: str, *, message: str = "", **extra
) -> BargainingResult:
    """The float answer (``message`` says why it is not exact, for exact data)."""
    x = nb.read_only(u, nb.FLOAT)
    if not message and problem.expressions is not None:
        message = NOT_EXACT["formulas"]
    return _answer(problem, x, concept, "numerical", problem.shares(x), message=message, **extra)


def _exact_result(problem: BargainingProblem, u, concept: str, **extra) -> BargainingResult:
    """The exact answer of an exact polytope (Fractions, certified)."""
    return _answer(
        problem,
        nb.read_only(u, nb.EXACT),
        concept,
        "exact",
        None,
        disagreement=nb.read_only(problem.exact_disagreement, nb.EXACT),
        **extra,
    )


def _answer(
    problem: BargainingProblem, x: np.ndarray, concept: str, method: str, shares, **fields
) -> BargainingResult:
    """The result of a solution found by ``method``: exact unless it is ``"numerical"``; the
    disagreement point is the problem's unless ``fields`` give it."""
    fields.setdefault("disagreement", problem.disagreement)
    return BargainingResult(
        x=x,
        players=problem.players,
        exact=method != "numerical",
        concept=concept,
        method=method,
        shares=shares,
        **fields,
    )


#: The docstring fragments the solutions share (coalitions._docstrings.fill_doc).
_DOC = {
    "problem": """problem : BargainingProblem
    The feasible set ``U`` and the disagreement point ``d``.""",
    "symbolic": """symbolic : bool
    Also solve in closed form with sympy (two-player surplus given by formulas); the
    result then holds sympy numbers and ``exact=True``.""",
}
_PARAMETERS = "Parameters\n----------\n{problem}\n{symbolic}".format(**_DOC)


# ---------------------------------------------------------------- maximise over the frontier
def _maximize(problem: BargainingProblem, objective: Callable[[np.ndarray], float]) -> np.ndarray:
    """Utility vector maximising a concave ``objective(u)`` over U (surplus / frontier)."""
    from scipy.optimize import minimize, minimize_scalar

    n, d = problem.n_players, problem.disagreement
    if problem.kind == "surplus":
        lo = np.array([problem._inverse(i, d[i]) for i in range(n)])
        s = problem.surplus
        fs = problem.utilities

        def utilities(z):
            return np.array([float(fs[i](min(max(z[i], 0.0), s))) for i in range(n)])

        if n == 2:  # Brent's method on the fraction tau of the free share (unit-free)
            low, width = lo[0], s - lo[1] - lo[0]

            def f1(tau):
                t = low + tau * width
                return -objective(utilities((t, s - t)))

            res = minimize_scalar(
                f1, bounds=(0.0, 1.0), method="bounded", options={"xatol": 1e-13, "maxiter": 500}
            )
            t = low + res.x * width
            return utilities((t, s - t))
        start = lo + (s - lo.sum()) / n
        res = minimize(
            lambda z: -objective(utilities(z)),
            start,
            method="SLSQP",
            bounds=[(lo[i], s) for i in range(n)],
            constraints=[{"type": "eq", "fun": lambda z: s - z.sum()}],
            options={"ftol": 1e-15, "maxiter": 1000},
        )
        return utilities(res.x)
    # frontier
    top = problem.ray(d, np.eye(n)[0]) if n == 2 else None

    def point(z):
        z = np.asarray(z, dtype=np.float64)
        return np.append(z, problem._frontier_value(z))

    if n == 2:
        res = minimize_scalar(
            lambda tau: -objective(point([d[0] + tau * top])),
            bounds=(0.0, 1.0),
            method="bounded",
            options={"xatol": 1e-13, "maxiter": 500},
        )
        return point([d[0] + res.x * top])
    ideal = problem.ideal_point()
    start = d[:-1] + 0.5 * (problem.ray(d, np.ones(n)))
    res = minimize(
        lambda z: -objective(point(z)),
        start,
        method="SLSQP",
        bounds=[(d[i], ideal[i]) for i in range(n - 1)],
        constraints=[{"type": "ineq", "fun": lambda z: problem._frontier_value(z) - d[-1]}],
        options={"ftol": 1e-15, "maxiter": 1000},
    )
    return point(res.x)


def _log_product(
    d: np.ndarray, w: np.ndarray, scale: np.ndarray | None = None
) -> Callable[[np.ndarray], float]:
    """``sum_i w_i log((u_i - d_i) / scale_i)``: the Nash objective, with gains measured in
    units of ``scale`` (the ideal gains) so that its values stay of order one whatever the
    utilities' units (the maximiser is the same)."""
    scale = np.ones_like(d) if scale is None else scale

    def objective(u):
        gains = (u - d) / scale
        if (gains <= 0).any():
            return _NEG
        return float(np.dot(w, np.log(gains)))

    return objective


def _nash_polytope(problem: BargainingProblem, w: np.ndarray) -> np.ndarray:
    """The Nash point, computed on gains over d divided by each player's largest gain (the
    solution commutes with such maps), so that utilities of 1e300 or 1e-300 do not
    overflow or vanish in the products and logarithms."""
    points, d = np.asarray(problem.vertices, dtype=float), problem.disagreement
    if problem.n_players == 2:  # one scan of the Pareto chain's edges
        best = polygon_nash(problem._pareto_polygon(), d, w)
        if best is None:
            raise SolverError("no point of the polytope improves on the disagreement point.")
        return best
    scale = np.abs(points - d).max(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    gains = (points - d) / scale
    zero = np.zeros(problem.n_players)
    lam0 = problem._polytope_ray(d, np.ones(problem.n_players))[1]
    return d + scale * _nash_over_simplex(gains.T, zero, w, lam0)


def _nash_over_simplex(
    vt: np.ndarray, d: np.ndarray, w: np.ndarray, start: np.ndarray
) -> np.ndarray:
    """Maximise ``sum w_i log((vt @ lam - d)_i)`` over the simplex of vertex weights ``lam``.

    A primal log-barrier method: damped Newton steps on the equality-constrained KKT system,
    with the barrier weight ``mu`` divided by 10 until it is negligible. The objective is
    concave, so this converges to the optimum from any strictly feasible start (the ray point
    from ``d``, which improves on ``d`` for everyone, mixed with a little of every vertex).
    """
    m = vt.shape[1]
    lam = np.clip(np.asarray(start, dtype=float), 0.0, None)
    lam /= lam.sum()
    for eps in (1e-3, 1e-6, 1e-9, 0.0):
        trial = (1 - eps) * lam + eps / m
        if (vt @ trial - d > 0).all():
            lam = trial
            break
    if (lam <= 0).any():  # a vertex weight at zero: start strictly inside the simplex
        lam = np.clip(lam, 1e-12, None)
        lam /= lam.sum()

    def barrier(x, mu):
        gains = vt @ x - d
        if (gains <= 0).any() or (x <= 0).any():
            return np.inf
        return -float(w @ np.log(gains)) - mu * float(np.log(x).sum())

    scale = float(w.sum())
    mu = scale
    ones = np.ones(m)
    while mu > 1e-14 * scale:
        for _ in range(100):
            gains = vt @ lam - d
            gradient = -(vt.T @ (w / gains)) - mu / lam
            hessian = (vt.T * (w / gains**2)) @ vt + np.diag(mu / lam**2)
            kkt = np.block([[hessian, ones[:, None]], [ones[None, :], np.zeros((1, 1))]])
            try:
                step = np.linalg.solve(kkt, np.concatenate([-gradient, [0.0]]))[:m]
            except np.linalg.LinAlgError:
                step = np.linalg.lstsq(kkt, np.concatenate([-gradient, [0.0]]), rcond=None)[0][:m]
            decrement = float(-gradient @ step)
            if decrement < 1e-14 * scale:
                break
            current, t = barrier(lam, mu), 1.0
            negative = step < 0
            if negative.any():  # stay strictly inside the simplex
                t = min(1.0, 0.99 * float(np.min(-lam[negative] / step[negative])))
            while barrier(lam + t * step, mu) > current - 0.25 * t * decrement and t > 1e-16:
                t *= 0.5
            if t <= 1e-16:
                break
            lam = lam + t * step
        mu /= 10.0
    lam = np.clip(lam, 0.0, None)
    return vt @ (lam / lam.sum())


def _closed_form(
    problem: BargainingProblem, numeric: BargainingResult | None, concept: str, weights=None
) -> BargainingResult:
    """The same solution in closed form (sympy), for a two-player surplus given by formulas.

    The first-order (or defining) equation is solved with sympy; among its real roots in the
    feasible range, the one at the numerical solution is kept.
    """
    if problem.expressions is None or problem.n_players != 2:
        raise InvalidProblemError(
            "symbolic=True needs a two-player divisible surplus whose utilities are formulas in "
            'x, e.g. BargainingProblem.from_surplus(["x", "sqrt(x)"]).'
        )
    assert numeric is not None  # only polytope callers pass none, refused above
    import sympy as sp

    x = problem.symbol
    t = sp.Symbol("t", real=True)
    s = problem.exact_surplus
    d1, d2 = problem.exact_disagreement
    f1, f2 = problem.expressions
    g1 = f1.subs(x, t) - d1
    g2 = f2.subs(x, s - t) - d2
    if concept == "nash":
        w1, w2 = (sp.nsimplify(float(v), rational=True) for v in weights)
        equation = w1 * sp.diff(g1, t) * g2 + w2 * sp.diff(g2, t) * g1
    elif concept == "kalai-smorodinsky":
        a1, a2 = _exact_ideal(problem)
        equation = g1 * (a2 - d2) - g2 * (a1 - d1)
    elif concept == "egalitarian":
        equation = g1 - g2
    else:
        equation = sp.diff(f1.subs(x, t) + f2.subs(x, s - t), t)
    try:
        roots = sp.solve(sp.simplify(equation), t)
    except (NotImplementedError, ValueError, TypeError):
        roots = []
    target = float(numeric.shares[0])
    best = None
    for root in roots:
        try:
            value = complex(sp.N(root))
        except (TypeError, ValueError):
            continue
        if abs(value.imag) < 1e-12 and abs(value.real - target) < 1e-5:
            if best is None or abs(value.real - target) < abs(float(sp.N(best)) - target):
                best = root
    if best is None:
        raise SolverError(
            f"sympy found no closed form for the {concept} solution of this problem (roots "
            f"{roots}); use the numerical solution (symbolic=False)."
        )
    shares = [sp.radsimp(sp.simplify(best)), sp.radsimp(sp.simplify(s - best))]
    utilities = [sp.simplify(sp.sqrtdenest(f.subs(x, share))) for f, share in zip((f1, f2), shares)]
    return _answer(
        problem,
        nb.read_only(utilities, nb.EXACT),
        concept,
        "symbolic",
        nb.read_only(shares, nb.EXACT),
        weights=numeric.weights,
        ideal=numeric.ideal,
    )


def _exact_ideal(problem):
    """Ideal point of a two-player formula surplus: a_1 = f_1(S - lo_2), a_2 = f_2(S - lo_1)."""
    import sympy as sp

    x = problem.symbol
    lows = []
    for f, d in zip(problem.expressions, problem.exact_disagreement):
        if sp.simplify(f.subs(x, 0) - d) == 0:
            lows.append(sp.Integer(0))
            continue
        candidates = [
            r
            for r in sp.solve(sp.Eq(f, d), x)
            if abs(complex(sp.N(r)).imag) < 1e-12
            and -1e-12 <= complex(sp.N(r)).real <= float(problem.exact_surplus) + 1e-12
        ]
        if not candidates:
            raise SolverError("cannot invert a utility formula at the disagreement point.")
        lows.append(min(candidates, key=lambda r: float(sp.N(r))))
    s = problem.exact_surplus
    f1, f2 = problem.expressions
    return sp.simplify(f1.subs(x, s - lows[1])), sp.simplify(f2.subs(x, s - lows[0]))


# ---------------------------------------------------------------- the four solutions
@fill_doc(**_DOC)
def nash_solution(
    problem: BargainingProblem, *, weights=None, symbolic: bool = False
) -> BargainingResult:
    r"""The Nash bargaining solution (symmetric, or asymmetric with bargaining weights).

    .. math:: x = \arg\max_{u \in U,\ u \ge d} \prod_i (u_i - d_i)^{w_i}

    Axioms (Nash 1950): Pareto optimality, symmetry, invariance to positive affine
    transformations of each player's utility (scale invariance) and independence of
    irrelevant alternatives (removing options that were not chosen does not change the
    choice). It is the only solution with all four. Dropping symmetry gives the asymmetric
    (weighted) solutions; weights ``w_i`` proportional to ``1 / r_i`` are the limit of
    Rubinstein bargaining with discount rates ``r_i`` (Binmore, Rubinstein & Wolinsky 1986).

    Parameters
    ----------
    {{problem}}
    weights : sequence of float, optional
        Positive bargaining weights (default: equal). Only their ratios matter.
    {{symbolic}}

    Returns
    -------
    BargainingResult
        ``x`` the utilities, ``shares`` for a divisible surplus, ``weights`` as normalised.

    Raises
    ------
    InvalidProblemError
        If ``problem`` is not a BargainingProblem or a weight is not positive.

    Notes
    -----
    The weighted log-product is concave. Two-player polytopes are solved on
    the Pareto chain of their convex hull (one hull, O(m log m) for m points), in closed form
    on each of its edges; larger polytopes by a log-barrier Newton method over
    the convex weights of the vertices; surplus and frontier problems by bounded
    maximisation over shares or utilities (Brent's method for two players, SLSQP
    otherwise). An exact polytope with exact weights is then solved exactly where the point
    is rational: always for two players (it lies on an edge), and for more players when it
    is a vertex or inside a facet; the answer is proved optimal by the first-order
    condition, checked in rational arithmetic.

    References
    ----------
    Nash, J.F. (1950) "The Bargaining Problem", *Econometrica* 18(2):155-162.
    Kalai, E. (1977) "Nonsymmetric Nash solutions and replications of 2-person bargaining",
    *Int. J. Game Theory* 6(3):129-133.

    Examples
    --------
    Divide a dollar, ``u_1 = x``, ``u_2 = sqrt(1 - x)``: player 1 gets two thirds.

    >>> import math
    >>> pie = BargainingProblem.from_surplus([lambda x: x, math.sqrt])
    >>> round(float(nash_solution(pie).shares[0]), 6)
    0.666667
    >>> exact = BargainingProblem.from_surplus(["x", "sqrt(x)"])
    >>> nash_solution(exact, symbolic=True).shares.tolist()
    [2/3, 1/3]

    Integer vertices give exact answers: the triangle of Nash's example and a weighted
    solution (the weights as ints or Fractions).

    >>> triangle = BargainingProblem.from_vertices([[0, 0], [4, 0], [0, 2]])
    >>> r = nash_solution(triangle)
    >>> r.x.tolist(), r.exact, r.method
    ([Fraction(2, 1), Fraction(1, 1)], True, 'exact')
    >>> square = BargainingProblem.from_vertices([[0, 0], [1, 0], [0, 1]])
    >>> nash_solution(square, weights=[1, 3]).x.tolist()
    [Fraction(1, 4), Fraction(3, 4)]
    >>> r = nash_solution(square, weights=[1.0, 3.0])       # float weights: a float answer
    >>> r.x.round(6).tolist(), r.exact, r.message
    ([0.25, 0.75], False, 'the weights are floats; give ints or Fractions for an exact answer')
    """
    problem = _check_problem(problem, "nash_solution")
    n = problem.n_players
    exact_weights: list[Fraction] | None = [Fraction(1)] * n
    if weights is None:
        w = np.ones(n)
    else:
        try:
            w = np.array([float(v) for v in weights])
        except (TypeError, ValueError):
            raise InvalidProblemError("weights must be a sequence of positive numbers.") from None
        if w.size != n:
            raise InvalidProblemError(
                f"weights has {w.size} entries; it needs one per player ({n})."
            )
        if not (np.isfinite(w).all() and (w > 0).all()):
            raise InvalidProblemError(f"weights must be positive and finite, got {w.tolist()}.")
        if w.max() > 1e12 * w.min():
            raise InvalidProblemError(
                f"weights {w.tolist()} differ by a factor of more than 1e12; the weighted "
                "solution is then numerically the heaviest player's best point: give weights "
                "closer together."
            )
        weights = list(weights)
        exact_weights = (
            [nb.as_number(v, nb.EXACT) for v in weights]
            if nb.kind_of(weights) == nb.EXACT
            else None
        )
    w = w / w.sum()
    if problem.kind != "polytope":
        d = problem.disagreement
        gains = problem.ideal_point() - d
        u = _maximize(problem, _log_product(d, w, np.where(gains > 0, gains, 1.0)))
        result = _result(problem, u, "nash", weights=w)
        return _closed_form(problem, result, "nash", w) if symbolic else result
    u = _nash_polytope(problem, w)
    if symbolic:
        _closed_form(problem, None, "nash")  # raises: needs a formula surplus
    if not _is_exact(problem):
        return _result(problem, u, "nash", weights=w)
    if exact_weights is None:
        return _result(problem, u, "nash", weights=w, message=NOT_EXACT["float weights"])
    total = sum(exact_weights, Fraction(0))
    exact_w = [v / total for v in exact_weights]
    x = exact_nash(problem.exact_vertices, problem.exact_disagreement, exact_w, u)
    if x is None:
        return _result(
            problem,
            u,
            "nash",
            weights=w,
            message=NOT_EXACT["uncertified" if n == 2 else "nonlinear"],
        )
    return _exact_result(problem, x, "nash", weights=nb.read_only(exact_w, nb.EXACT))


@fill_doc(parameters=_PARAMETERS)
def kalai_smorodinsky(problem: BargainingProblem, *, symbolic: bool = False) -> BargainingResult:
    r"""The Kalai-Smorodinsky solution: the largest feasible point on the segment from ``d``
    to the ideal point.

    .. math:: a_i = \max\{u_i : u \in U, u \ge d\}, \qquad
              x = d + t^*(a - d),\quad t^* = \max\{t : d + t(a - d) \in U\}

    so that every player gets the same fraction of her largest possible gain.

    Axioms (Kalai & Smorodinsky 1975): Pareto optimality (weak for more than two players),
    symmetry, scale invariance and *individual monotonicity*: if the set grows so that
    player i can get more for any level of the others' utility while the others' ideal
    payoffs stay the same, player i does not lose. It replaces Nash's IIA.

    {{parameters}}

    Returns
    -------
    BargainingResult
        ``x`` the utilities, ``ideal`` the ideal point ``a``, ``shares`` for a surplus.

    Notes
    -----
    ``n`` ray searches for the ideal point and one more for ``t*`` (linear programs for a
    polytope, bisection for a surplus or a frontier). For an exact polytope each LP is
    solved again in rational arithmetic and certified by its dual, so the answer is exact.

    References
    ----------
    Kalai, E. & Smorodinsky, M. (1975) "Other Solutions to Nash's Bargaining Problem",
    *Econometrica* 43(3):513-518.

    Examples
    --------
    >>> import math
    >>> pie = BargainingProblem.from_surplus([lambda x: x, math.sqrt])
    >>> round(float(kalai_smorodinsky(pie).shares[0]), 6)   # (sqrt 5 - 1) / 2
    0.618034
    >>> exact = BargainingProblem.from_surplus(["x", "sqrt(x)"])
    >>> kalai_smorodinsky(exact, symbolic=True).shares[0]
    -1/2 + sqrt(5)/2
    """
    problem = _check_problem(problem, "kalai_smorodinsky")

    def towards_ideal(d: np.ndarray) -> tuple[np.ndarray, dict]:
        ideal = problem.ideal_point()
        return ideal - d, {"ideal": ideal}

    return _ray_solution(
        problem, symbolic, "kalai-smorodinsky", _exact_kalai_smorodinsky, towards_ideal
    )


def _exact_kalai_smorodinsky(problem: BargainingProblem) -> BargainingResult | None:
    """The exact KS point of an exact polytope: n + 1 certified rays (or None)."""
    vertices, d, n = problem.exact_vertices, problem.exact_disagreement, problem.n_players
    ideal = []
    for i in range(n):
        top = exact_ray(vertices, d, [Fraction(int(k == i)) for k in range(n)])
        if top is None:
            return None
        ideal.append(d[i] + top)
    gains = [a - di for a, di in zip(ideal, d)]
    t = exact_ray(vertices, d, gains)
    if t is None:
        return None
    return _exact_result(
        problem,
        [di + t * g for di, g in zip(d, gains)],
        "kalai-smorodinsky",
        ideal=nb.read_only(ideal, nb.EXACT),
    )


@fill_doc(parameters=_PARAMETERS)
def egalitarian(problem: BargainingProblem, *, symbolic: bool = False) -> BargainingResult:
    r"""The egalitarian solution: equal gains over the disagreement point, as large as possible.

    .. math:: x = d + t^*\mathbf{1},\qquad t^* = \max\{t : d + t\mathbf{1} \in U\}

    Axioms (Kalai 1977): weak Pareto optimality, symmetry, IIA and *strong monotonicity*
    (no player loses when the feasible set grows). It is not scale invariant: utilities must
    be comparable across players.

    {{parameters}}

    Returns
    -------
    BargainingResult
        ``x`` the utilities ``d + t* 1``, ``shares`` for a surplus.

    References
    ----------
    Kalai, E. (1977) "Proportional Solutions to Bargaining Situations: Interpersonal Utility
    Comparisons", *Econometrica* 45(7):1623-1630.

    Examples
    --------
    >>> problem = BargainingProblem.from_vertices([[0, 0], [4, 0], [0, 2]])
    >>> egalitarian(problem).x.tolist()
    [Fraction(4, 3), Fraction(4, 3)]
    >>> floats = BargainingProblem.from_vertices([[0.0, 0.0], [4.0, 0.0], [0.0, 2.0]])
    >>> egalitarian(floats).x.round(6).tolist()
    [1.333333, 1.333333]
    """
    problem = _check_problem(problem, "egalitarian")
    return _ray_solution(
        problem,
        symbolic,
        "egalitarian",
        _exact_egalitarian,
        lambda d: (np.ones(problem.n_players), {}),
    )


def _exact_egalitarian(problem: BargainingProblem) -> BargainingResult | None:
    """The exact egalitarian point of an exact polytope: one certified ray (or None)."""
    d = problem.exact_disagreement
    t = exact_ray(problem.exact_vertices, d, [Fraction(1)] * problem.n_players)
    return None if t is None else _exact_result(problem, [di + t for di in d], "egalitarian")


def _ray_solution(
    problem: BargainingProblem,
    symbolic: bool,
    concept: str,
    exact: Callable[[BargainingProblem], BargainingResult | None],
    direction: Callable[[np.ndarray], tuple[np.ndarray, dict]],
) -> BargainingResult:
    """The largest feasible point ``d + t* g`` on a ray from ``d`` (Kalai-Smorodinsky,
    egalitarian): certified exactly for an exact polytope (``exact``), else found by
    :meth:`BargainingProblem.ray`; ``direction(d)`` gives ``g`` and the result's extra fields."""
    if symbolic and problem.kind == "polytope":
        _closed_form(problem, None, concept)  # raises: needs a formula surplus
    message = ""
    if _is_exact(problem):
        certified = exact(problem)
        if certified is not None:
            return certified
        message = NOT_EXACT["uncertified"]
    d = problem.disagreement
    g, extra = direction(d)
    t = problem.ray(d, g)
    result = _result(problem, d + t * g, concept, message=message, **extra)
    return _closed_form(problem, result, concept) if symbolic else result


@fill_doc(parameters=_PARAMETERS)
def utilitarian(problem: BargainingProblem, *, symbolic: bool = False) -> BargainingResult:
    r"""The utilitarian solution: the individually rational point with the largest total.

    .. math:: x \in \arg\max\{\textstyle\sum_i u_i : u \in U,\ u \ge d\}

    Axioms (Myerson 1981; Thomson 1981): Pareto optimality, symmetry, linearity and
    monotonicity in the direction (1, ..., 1); utilities must be comparable in units (it is
    not scale invariant) and it ignores how gains are distributed. When several points
    reach the maximum, one with the largest smallest gain is returned (a polytope; with
    three or more players several such points may remain, and the LP picks one of them).

    {{parameters}}

    Returns
    -------
    BargainingResult
        ``x`` the utilities of largest total, ``shares`` for a surplus.

    References
    ----------
    Myerson, R.B. (1981) "Utilitarianism, Egalitarianism, and the Timing Effect in Social
    Choice Problems", *Econometrica* 49(4):883-897.

    Examples
    --------
    >>> problem = BargainingProblem.from_vertices([[0, 0], [4, 0], [0, 2]])
    >>> [str(u) for u in utilitarian(problem).x]
    ['4', '0']
    """
    problem = _check_problem(problem, "utilitarian")
    d, n = problem.disagreement, problem.n_players
    if problem.kind != "polytope":
        result = _result(
            problem,
            _maximize(problem, lambda u: float(u.sum()) if (u >= d - 1e-12).all() else _NEG),
            "utilitarian",
        )
        return _closed_form(problem, result, "utilitarian") if symbolic else result
    if symbolic:
        _closed_form(problem, None, "utilitarian")  # raises: needs a formula surplus
    message = ""
    if _is_exact(problem):
        x = exact_utilitarian(problem.exact_vertices, problem.exact_disagreement)
        if x is not None:
            return _exact_result(problem, x, "utilitarian")
        message = NOT_EXACT["uncertified"]
    scale = max(float(np.abs(problem.vertices).max()), float(np.abs(d).max()), 1e-300)
    v, d = problem.vertices / scale, d / scale  # one common unit: the maximiser is the same
    m = len(v)
    totals = v.sum(axis=1)
    first = solve_lp(-totals, -v.T, -d, np.ones((1, m)), [1.0], [(0, None)] * m)
    if not first.success or first.fun is None or first.x is None:
        raise SolverError(f"utilitarian LP failed: {first.message}")
    best = -first.fun
    # among maximisers, largest smallest gain: max t s.t. V^T lam >= d + t, total = best
    c = np.zeros(m + 1)
    c[-1] = -1.0
    a_ub = np.hstack([-v.T, np.ones((n, 1))])
    a_eq = np.vstack([np.append(np.ones(m), 0.0), np.append(totals, 0.0)])
    second = solve_lp(
        c,
        a_ub,
        -d,
        a_eq,
        [1.0, best - 1e-12 * max(1.0, abs(best))],
        [(0, None)] * m + [(None, None)],
    )
    lam = second.x[:m] if second.success and second.x is not None else first.x
    return _result(problem, scale * (v.T @ lam), "utilitarian", message=message)


#: The solutions :func:`bargaining_solution` chooses among (``method=``), and the options
#: each one takes: the one list of them.
SOLUTIONS = {
    "nash": nash_solution,
    "kalai-smorodinsky": kalai_smorodinsky,
    "egalitarian": egalitarian,
    "utilitarian": utilitarian,
}
OPTIONS = {
    "nash": ("weights", "symbolic"),
    "kalai-smorodinsky": ("symbolic",),
    "egalitarian": ("symbolic",),
    "utilitarian": ("symbolic",),
}


@front_door(tuple(SOLUTIONS))
def bargaining_solution(
    problem: BargainingProblem, *, method: str = "nash", **options
) -> BargainingResult:
    """The bargaining solution named by ``method``.

    Parameters
    ----------
    problem : BargainingProblem
    method : {"nash", "kalai-smorodinsky", "egalitarian", "utilitarian"}
        The solution (the keys of :data:`SOLUTIONS`); default ``"nash"``.
    **options
        Passed to the solution: ``weights=`` (Nash only) and ``symbolic=`` (all), as listed
        in :data:`OPTIONS`.

    Returns
    -------
    BargainingResult
        As the chosen solution returns it (exact for exact polytopes where the answer is
        rational).

    Raises
    ------
    InvalidArgumentError
        For an unknown method or an option the method does not take (the message lists the
        valid ones and names the nearest).

    References
    ----------
    .. [1] Nash, J. F. (1950). The bargaining problem. *Econometrica* 18(2), 155-162.
    .. [2] Kalai, E. and Smorodinsky, M. (1975). Other solutions to Nash's bargaining
       problem. *Econometrica* 43(3), 513-518.
    .. [3] Kalai, E. (1977). Proportional solutions to bargaining situations: interpersonal
       utility comparisons. *Econometrica* 45(7), 1623-1630.
    .. [4] Thomson, W. (1994). Cooperative models of bargaining. In R. J. Aumann and S. Hart
       (eds.), *Handbook of Game Theory with Economic Applications* 2, ch. 35, 1237-1284.

    Examples
    --------
    >>> problem = BargainingProblem.from_vertices([[0, 0], [4, 0], [0, 2]])
    >>> bargaining_solution(problem, method="egalitarian").x.tolist()
    [Fraction(4, 3), Fraction(4, 3)]
    >>> bargaining_solution(problem, method="nash", weights=[1, 3]).x.tolist()
    [Fraction(1, 1), Fraction(3, 2)]
    """
    method = check_choice(method, SOLUTIONS, function="bargaining_solution")
    for option in options:
        check_choice(
            option,
            OPTIONS[method],
            what="option",
            function=f"bargaining_solution(method={method!r})",
        )
    return SOLUTIONS[method](problem, **options)
