"""Bargaining problems from non-cooperative two-player games (bimatrix games, via nashpy)."""

from __future__ import annotations

import numpy as np

from .._checks import check_choice
from .._lp import solve_lp
from ..exceptions import InvalidArgumentError, InvalidProblemError, SolverError
from .bargaining_problem import BargainingProblem

__all__ = ["bargaining_problem_from_game", "maxmin_values", "DISAGREEMENT_POINTS"]

#: The named disagreement points of :func:`bargaining_problem_from_game` (besides a pair
#: of numbers).
DISAGREEMENT_POINTS = ("nash", "maxmin")


def _payoffs(a, b):
    try:
        a = np.array(a, dtype=np.float64)
        b = np.array(b, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidProblemError("payoff matrices must be 2-D arrays of numbers.") from None
    if a.ndim != 2 or a.shape != b.shape or a.size == 0:
        raise InvalidProblemError(
            f"the two payoff matrices must be non-empty 2-D arrays of the same shape; got "
            f"{a.shape} and {b.shape}."
        )
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise InvalidProblemError("payoff matrices contain NaN or infinite entries.")
    return a, b


def _security_level(m: np.ndarray) -> float:
    """max over mixed rows x of min over columns of x^T m (an LP, solved on the payoffs
    mapped to [0, 1]: the value moves with any positive affine map)."""
    lo, hi = float(m.min()), float(m.max())
    if hi == lo:
        return lo
    m = (m - lo) / (hi - lo)
    rows, cols = m.shape
    c = np.zeros(rows + 1)
    c[-1] = -1.0
    a_ub = np.hstack([-m.T, np.ones((cols, 1))])  # t <= x^T m_j
    a_eq = np.append(np.ones(rows), 0.0)[None, :]
    sol = solve_lp(c, a_ub, np.zeros(cols), a_eq, [1.0], [(0, None)] * rows + [(None, None)])
    if not sol.success or sol.x is None:
        raise SolverError(f"the maxmin linear program failed: {sol.message}")
    return lo + (hi - lo) * float(sol.x[-1])


def maxmin_values(a, b) -> np.ndarray:
    """Each player's mixed-strategy security level (maxmin value) in the bimatrix game (A, B).

    >>> maxmin_values([[3, 0], [5, 1]], [[3, 5], [0, 1]]).tolist()   # prisoner's dilemma
    [1.0, 1.0]
    """
    a, b = _payoffs(a, b)
    return np.array([_security_level(a), _security_level(b.T)])


_VERTEX_LIMIT = 26
"""Largest ``m + n`` for the Nash disagreement point (13 x 13 random games take about a
second, 15 x 15 twenty)."""
_TOL = 1e-9


def _unit_range(m: np.ndarray) -> np.ndarray:
    """The positive affine image of a payoff matrix in [1, 2] (same equilibria, and the
    best-response polytopes are bounded and well scaled)."""
    lo, hi = float(m.min()), float(m.max())
    return np.ones_like(m) if hi == lo else 1.0 + (m - lo) / (hi - lo)


def _polytope_vertices(matrix: np.ndarray, zero_label: int, tight_label: int):
    """Non-zero vertices of ``{z >= 0 : matrix z <= 1}`` and their label bitmasks: bit
    ``zero_label + k`` when ``z_k = 0``, bit ``tight_label + j`` when row j is tight."""
    from nashpy.polytope import build_halfspaces, non_trivial_vertices

    points, masks = [], []
    for vertex, _ in non_trivial_vertices(build_halfspaces(matrix)):
        vertex = np.where(np.abs(vertex) <= _TOL, 0.0, vertex)
        zero = np.flatnonzero(vertex <= _TOL)
        tight = np.flatnonzero(np.abs(matrix @ vertex - 1.0) <= _TOL)
        points.append(vertex)
        masks.append(
            sum(1 << (zero_label + int(k)) for k in zero)
            + sum(1 << (tight_label + int(j)) for j in tight)
        )
    return points, np.array(masks, dtype=np.int64)


def _extreme_equilibria(a: np.ndarray, b: np.ndarray):
    """Every extreme Nash equilibrium, and whether the game is degenerate.

    Vertex enumeration (Mangasarian 1964; von Stengel 2007, Algorithm 3.5): with payoffs made
    positive, ``P = {x >= 0 : B^T x <= 1}`` and ``Q = {y >= 0 : A y <= 1}``; a pair of
    vertices is an equilibrium (after normalising) exactly when together they carry every
    label (each row is unplayed or a best response, each column likewise). This holds for
    degenerate games too, where the equilibria form polytopes whose vertices these are. The
    vertices come from scipy's Qhull (through nashpy); the pairs are matched on label
    bitmasks, a block of vertices at a time.
    """
    m, n = a.shape
    found: list[tuple[np.ndarray, np.ndarray]]
    if m == 1 or n == 1:  # one player has one strategy: the other's pure best replies
        own, other = (b[0], "column") if m == 1 else (a[:, 0], "row")
        best = np.flatnonzero(own >= own.max() - _TOL * max(1.0, abs(float(own.max()))))
        pure = [np.eye(len(own))[k] for k in best]
        found = (
            [(np.ones(1), y) for y in pure]
            if other == "column"
            else [(x, np.ones(1)) for x in pure]
        )
        return found, len(best) > 1
    pa, pb = _unit_range(a), _unit_range(b)
    xs, x_masks = _polytope_vertices(pb.T, 0, m)  # rows 0..m-1, columns m..m+n-1
    ys, y_masks = _polytope_vertices(pa, m, 0)
    full = (1 << (m + n)) - 1
    degenerate = any(bin(int(k)).count("1") > m for k in x_masks) or any(
        bin(int(k)).count("1") > n for k in y_masks
    )
    found = []
    block = max(1, 4_000_000 // max(1, len(y_masks)))
    for start in range(0, len(x_masks), block):
        rows, cols = np.nonzero((x_masks[start : start + block, None] | y_masks[None, :]) == full)
        for i, j in zip((rows + start).tolist(), cols.tolist()):
            found.append((xs[i] / xs[i].sum(), ys[j] / ys[j].sum()))
    return found, degenerate


def _is_equilibrium(x, y, a, b) -> bool:
    scale = max(1.0, float(np.abs(a).max()), float(np.abs(b).max()))
    return bool(
        (a @ y).max() - x @ a @ y <= 1e-7 * scale and (x @ b).max() - x @ b @ y <= 1e-7 * scale
    )


def _equilibria(a: np.ndarray, b: np.ndarray):
    """``(equilibria, degenerate)``: every extreme equilibrium, each checked to be one.

    Raises InvalidProblemError past ``_VERTEX_LIMIT`` strategies: the enumeration grows
    exponentially, and nashpy's Lemke-Howson (one equilibrium) does not terminate on many
    random games from 11 x 11 on, so no method is offered that could hang.
    """
    import warnings

    m, n = a.shape
    if m + n > _VERTEX_LIMIT:
        raise InvalidProblemError(
            f"the Nash disagreement point is computed for games with at most "
            f"{_VERTEX_LIMIT} strategies in all (every extreme equilibrium, by vertex "
            f'enumeration); this game has {m} + {n}. Pass disagreement="maxmin" or the '
            "equilibrium payoff pair you want as a pair of numbers."
        )
    from scipy.spatial import QhullError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found, degenerate = _extreme_equilibria(a, b)
        except QhullError as error:
            raise SolverError(
                f"vertex enumeration failed ({str(error).splitlines()[0]}); "
                'pass disagreement="maxmin" or a pair of numbers.'
            ) from None
    found = [(np.asarray(x, float), np.asarray(y, float)) for x, y in found]
    found = [
        (x, y)
        for x, y in found
        if np.isfinite(x).all()
        and np.isfinite(y).all()
        and (x >= -_TOL).all()
        and (y >= -_TOL).all()
        and abs(x.sum() - 1) < 1e-6
        and abs(y.sum() - 1) < 1e-6
        and _is_equilibrium(x, y, a, b)
    ]
    return found, degenerate


def bargaining_problem_from_game(
    a, b, *, disagreement="nash", equilibrium: int = 0, players=("row", "column")
) -> BargainingProblem:
    """The bargaining problem of a bimatrix game: what the players can reach by agreeing.

    The feasible set is the convex hull of the payoff pairs ``(A[i, j], B[i, j])`` (jointly
    randomised outcomes). The disagreement point is the payoff pair of a Nash equilibrium
    (``"nash"``), the players' maxmin values (``"maxmin"``), or an explicit pair.

    With ``"nash"``, *every extreme equilibrium* is found by vertex enumeration of the
    best-response polytopes; this is complete for degenerate games as well, where the
    equilibria form convex sets (support enumeration, which solves one linear system per
    pair of supports, misses equilibria there). Their distinct payoff pairs, sorted, are the
    candidates and ``equilibrium`` (0, 1, ...) picks one. In a degenerate game an equilibrium component
    also has payoff pairs between those of its extreme points; only the extreme ones are
    candidates. Every candidate is checked to be an equilibrium (best responses within 1e-7
    of the payoff scale). ``problem.description`` says whether the game is degenerate and how
    many candidates there were. The enumeration grows exponentially with the number of
    strategies; games with more than 26 in all (``m + n``) are refused with ``"nash"`` (use
    ``"maxmin"`` or an explicit pair).

    Raises
    ------
    InvalidProblemError
        If the matrices are malformed, ``equilibrium`` is not an index from 0 to the number of
        candidates minus one (negative indices are refused), the game is too
        large for ``"nash"``, or no agreement improves on the disagreement point for both
        players.

    References
    ----------
    von Stengel, B. (2007) "Equilibrium Computation for Two-Player Games in Strategic and
    Extensive Form", ch. 3 of Nisan et al., *Algorithmic Game Theory*, Cambridge UP.
    Avis, D., Rosenberg, G., Savani, R. & von Stengel, B. (2010) "Enumeration of Nash
    equilibria for two-player games", *Economic Theory* 42:9-37.

    Examples
    --------
    The prisoner's dilemma: defection (1, 1) is the threat point, cooperation (3, 3) the deal.

    >>> from coalitions.bargaining import nash_solution
    >>> problem = bargaining_problem_from_game([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> problem.disagreement.tolist()
    [1.0, 1.0]
    >>> nash_solution(problem).x.round(6).tolist()
    [3.0, 3.0]
    """
    a, b = _payoffs(a, b)
    description = ""
    if isinstance(disagreement, str):
        try:
            check_choice(
                disagreement,
                DISAGREEMENT_POINTS,
                what="disagreement point",
                function="bargaining_problem_from_game",
            )
        except InvalidArgumentError as error:  # part of the problem, not an option
            raise InvalidProblemError(
                f"{error} Or give a pair of numbers: disagreement must "
                "be 'nash', 'maxmin' or a pair of numbers."
            ) from None
        if disagreement == "maxmin":
            d = maxmin_values(a, b)
            description = "disagreement: the maxmin values"
        elif disagreement == "nash":
            found, degenerate = _equilibria(a, b)
            payoffs = sorted(
                {(round(float(x @ a @ y), 12), round(float(x @ b @ y), 12)) for x, y in found}
            )
            if not payoffs:
                raise SolverError(
                    "vertex enumeration found no Nash equilibrium (every finite "
                    "game has one: a numerical failure); pass "
                    'disagreement="maxmin" or a pair of numbers.'
                )
            if (
                isinstance(equilibrium, bool)
                or not isinstance(equilibrium, (int, np.integer))
                or not 0 <= equilibrium < len(payoffs)
            ):
                raise InvalidProblemError(
                    f"equilibrium={equilibrium!r} but the game has {len(payoffs)} "
                    f"extreme-equilibrium payoff pairs: {payoffs}; pass an index from 0 to "
                    f"{len(payoffs) - 1}."
                )
            d = np.array(payoffs[equilibrium])
            description = (
                f"disagreement: equilibrium payoff pair {equilibrium} of "
                f"{len(payoffs)} ({'degenerate game, ' if degenerate else ''}"
                "every extreme equilibrium by vertex enumeration)"
            )
    else:
        d = disagreement
    points = np.column_stack([a.ravel(), b.ravel()])
    return BargainingProblem.from_vertices(points, d, players=players, description=description)
