"""Set solutions as polytopes, with their vertices and centroids: the Weber set, the core cover,
the reasonable set, the least core, and the core-center (the centroid of the core).

Every set here is a polytope in the efficiency hyperplane ``x(N) = v(N)``. Its vertices are
exact for a rational game; its centroid (the centre of mass of the polytope, uniform over its
relative interior, in the dimension of its affine hull) is computed in floating point from a
Delaunay triangulation of the vertices, so the result says ``exact=False`` unless the set is
a single point.
"""

from __future__ import annotations

import itertools
from math import factorial
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import front_door
from .._docstrings import fill_doc
from .._exact_linalg import positive_combination
from .._lp import solve_lp
from ..exceptions import InvalidGameError, TooLargeError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import PolytopeResult
from .core import MAX_VERTEX_PLAYERS, core_vertices
from .least_core import least_core
from .tau import minimal_rights, utopia_payoffs

__all__ = [
    "weber_set",
    "core_cover",
    "reasonable_set",
    "least_core_set",
    "core_center",
    "polytope_centroid",
]

#: The Weber set has up to n! vertices (the marginal vectors).
MAX_WEBER_PLAYERS = 8
#: The box polytopes (core cover, reasonable set) have up to n * 2**(n-1) vertices.
MAX_BOX_PLAYERS = 16
#: Centroids triangulate in n - 1 dimensions.
MAX_CENTROID_DIMENSION = 8
#: Exact hull tests scale the points to integers below this bound (int64 LP rows).
_EXACT_LP_LIMIT = 1 << 40


def polytope_centroid(vertices: Any) -> tuple[np.ndarray, int, float]:
    """The centre of mass of the convex hull of ``vertices`` (rows), its dimension and volume.

    The points are expressed in an orthonormal basis of their affine hull (an SVD), the hull
    is triangulated (:class:`scipy.spatial.Delaunay`) and the simplices' centroids are averaged
    with their volumes as weights. A single point has dimension 0 and volume 1; a segment is
    weighted by its length.

    Examples
    --------
    >>> [round(float(c), 12) for c in polytope_centroid([[0, 0], [2, 0], [0, 2]])[0]]
    [0.666666666667, 0.666666666667]
    """
    points = np.unique(np.asarray(vertices, dtype=np.float64), axis=0)
    origin = points.mean(axis=0)
    centred = points - origin
    if len(points) == 1:
        return points[0].copy(), 0, 1.0
    _, singular, basis = np.linalg.svd(centred, full_matrices=False)
    scale = max(1.0, float(np.abs(points).max()))
    rank = int((singular > 1e-10 * scale).sum())
    if rank > MAX_CENTROID_DIMENSION:
        raise TooLargeError(
            f"polytope_centroid: the polytope has dimension {rank}; centroids are computed up "
            f"to dimension {MAX_CENTROID_DIMENSION}."
        )
    coords = centred @ basis[:rank].T
    if rank == 1:
        low, high = coords[:, 0].min(), coords[:, 0].max()
        middle = 0.5 * (low + high)
        return origin + middle * basis[0], 1, float(high - low)
    from scipy.spatial import Delaunay

    triangulation = Delaunay(coords)
    corners = coords[triangulation.simplices]  # (m, rank + 1, rank)
    edges = corners[:, 1:, :] - corners[:, :1, :]
    volumes = np.abs(np.linalg.det(edges)) / factorial(rank)
    centres = corners.mean(axis=1)
    total = float(volumes.sum())
    centre = (volumes[:, None] * centres).sum(axis=0) / total
    return origin + centre @ basis[:rank], rank, total


def _result(game: TUGame, vertices: list, concept: str, method: str) -> PolytopeResult:
    distinct = []
    seen = set()
    for vertex in vertices:
        key = tuple(vertex)
        if key not in seen:
            seen.add(key)
            distinct.append(nb.read_only(vertex, game.kind))
    distinct.sort(key=lambda v: tuple(float(c) for c in v))
    n = game.n_players
    if not distinct:
        x = np.full(n, np.nan)
        dimension, volume, exact = -1, 0.0, game.exact
    elif len(distinct) == 1:
        x, dimension, volume, exact = distinct[0], 0, 1.0, game.exact
    else:
        x, dimension, volume = polytope_centroid([[float(c) for c in v] for v in distinct])
        exact = False
    x = nb.read_only(x, game.kind if exact and distinct else nb.FLOAT)
    if distinct and not exact and not np.isfinite(x).all():
        raise InvalidGameError(
            f"{concept}: float arithmetic overflowed on worths this large (the centroid is not "
            "finite); give the game exact values (int or Fraction) or rescale it with "
            "scaled_game(game, factor)."
        )
    return PolytopeResult(
        x=x,
        players=game.players,
        exact=exact,
        concept=concept,
        method=method,
        vertices=tuple(distinct),
        is_empty=not distinct,
        dimension=dimension,
        volume=volume,
        cost=game.is_cost,
    )


def _check_size(game: TUGame, limit: int, function: str) -> None:
    if game.n_players > limit:
        raise TooLargeError(
            f"{function}: {game.n_players} players; the vertex enumeration is limited to "
            f"{limit} players."
        )


@front_door(("marginal-vectors",))
def weber_set(game: TUGame, *, method: str = "marginal-vectors") -> PolytopeResult:
    r"""The Weber set (Weber 1988): the convex hull of the game's marginal vectors.

    Each order :math:`\pi` of the players gives the marginal vector
    :math:`m^\pi_i = v(P^\pi_i \cup i) - v(P^\pi_i)`, with :math:`P^\pi_i` the players before
    ``i``; their average over all orders is the Shapley value. The Weber set contains the
    core for every game, and equals it exactly when the game is convex (Shapley 1971; Ichiishi
    1981).

    Parameters
    ----------
    game : TUGame
        At most :data:`MAX_WEBER_PLAYERS` players (``n!`` orders).
    method : {"marginal-vectors"}
        Every order's marginal vector, duplicates removed, and those in the convex hull of
        the others dropped (the only method).

    Returns
    -------
    PolytopeResult
        ``vertices`` (the marginal vectors that are vertices of their convex hull, exact for
        a rational game), ``x`` the centroid, ``dimension``, ``volume``.

    Raises
    ------
    TooLargeError
        Above :data:`MAX_WEBER_PLAYERS` players.

    Notes
    -----
    A marginal vector need not be a vertex: the 4-player game of CoopGame's manual
    (``webersetVertices``) has 24 distinct marginal vectors, of which 14 are the vertices of
    the Weber set. A marginal vector that is the unique maximiser of some linear function
    over the others is a vertex; for the rest one linear program each decides whether they
    are a convex combination of the others (exactly for a rational game: the weights are
    rebuilt and checked in Fractions).

    References
    ----------
    .. [1] Weber, R. J. (1988). Probabilistic values for games. In A. E. Roth (ed.), *The
       Shapley Value*, Cambridge University Press, 101-119.
    .. [2] Shapley, L. S. (1971). Cores of convex games. *International Journal of Game
       Theory* 1(1), 11-26.

    Examples
    --------
    >>> import coalitions as co
    >>> weber = co.weber_set(co.glove_game(["L"], ["R1", "R2"]))
    >>> [v.tolist() for v in weber.vertices]
    [[Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)], [Fraction(0, 1), Fraction(1, 1), Fraction(0, 1)], [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]]
    """
    game = as_tu_game(game, "weber_set", numeric="compares worths")
    _check_size(game, MAX_WEBER_PLAYERS, "weber_set")
    n = game.n_players
    values = game.values
    vertices = []
    for order in itertools.permutations(range(n)):
        x: list[Any] = [None] * n
        mask = 0
        for i in order:
            x[i] = values[mask | 1 << i] - values[mask]
            mask |= 1 << i
        vertices.append(x)
    return _result(game, _hull_vertices(vertices, game.exact), "weber-set", "marginal-vectors")


#: Random directions tried per point before the linear programs (a cheap certificate).
_DIRECTIONS_PER_POINT = 4


def _hull_vertices(points: list, exact: bool) -> list:
    """The points (repeated or not) that are vertices of their convex hull.

    A point that is the unique maximiser of ``c . x`` for some direction ``c`` (the unit
    vectors, their negatives and a few seeded random integer directions) is a vertex. Each
    other point is dropped when an LP writes it as a convex combination of the points still
    kept, ``sum_j b_j q_j = p``, ``sum_j b_j = 1``, ``b >= 0`` (dropping a point in the hull of
    the rest leaves the hull unchanged, so the later LPs get smaller). For a rational game a
    point is dropped only when the weights on the LP's support are rebuilt and checked
    exactly (``positive_combination``): the hull of the points returned is exactly that of
    the points given.
    """
    distinct = list(dict.fromkeys(tuple(p) for p in points))
    m = len(distinct)
    if m <= 2:
        return [list(p) for p in distinct]
    n = len(distinct[0])
    floats = np.array([[float(c) for c in p] for p in distinct], dtype=np.float64)
    lifted = np.hstack([floats, np.ones((m, 1))])
    if exact:
        scaled, denominator = nb.to_scaled_int(distinct, dtype=object)
        exact = denominator < _EXACT_LP_LIMIT and all(
            abs(c) < _EXACT_LP_LIMIT for c in scaled.reshape(-1).tolist()
        )
    if exact:
        integers = np.hstack([scaled, np.full((m, 1), denominator, dtype=object)]).astype(np.int64)
        scores_of: np.ndarray = integers[:, :n]
    else:
        scores_of = floats
    vertex = np.zeros(m, dtype=bool)
    rng = np.random.default_rng(0)
    directions = np.vstack(
        [
            np.eye(n, dtype=np.int64),
            -np.eye(n, dtype=np.int64),
            rng.integers(-(1 << 10), 1 << 10, size=(_DIRECTIONS_PER_POINT * m, n)),
        ]
    )
    for c in directions:
        scores = scores_of @ c
        best = np.flatnonzero(scores == scores.max())
        if best.size == 1:
            vertex[best[0]] = True
    kept = np.ones(m, dtype=bool)
    for i in np.flatnonzero(~vertex):
        others = np.flatnonzero(kept)
        others = others[others != i]
        solution = solve_lp(
            np.zeros(others.size),
            A_eq=lifted[others].T,
            b_eq=lifted[i],
            bounds=[(0, None)] * others.size,
        )
        if not solution.success:
            continue
        if exact:
            support = others[np.asarray(solution.x) > 1e-12]
            certificate = positive_combination(
                -integers[i : i + 1], integers[support], np.zeros((0, n + 1), dtype=np.int64)
            )
            if certificate is None:
                continue
        kept[i] = False
    return [list(distinct[i]) for i in np.flatnonzero(kept)]


#: What the two box polytopes (core cover, reasonable set) say alike in their docstrings.
_BOX_DOC = """Parameters
----------
game : TUGame
    A profit game with at most :data:`MAX_BOX_PLAYERS` players.
method : {"box-vertices"}
    The vertices of a box cut by the efficiency hyperplane (the only method).

Returns
-------
PolytopeResult
    ``vertices`` (exact for a rational game), ``x`` the centroid, ``dimension``,
    ``volume`` and ``is_empty``.

Raises
------
InvalidGameError
    For a cost game.
TooLargeError
    Above :data:`MAX_BOX_PLAYERS` players."""


def _box_vertices(lower: list, upper: list, total: Any) -> list:
    """Vertices of ``{x : lower <= x <= upper, sum x = total}``: every coordinate at a bound
    but at most one, which takes what the others leave when that lies within its bounds."""
    n = len(lower)
    if any(lo > hi for lo, hi in zip(lower, upper)):
        return []
    out = []
    for free in range(n):
        others = [j for j in range(n) if j != free]
        for bounds in itertools.product((0, 1), repeat=n - 1):
            x: list[Any] = [None] * n
            for j, b in zip(others, bounds):
                x[j] = upper[j] if b else lower[j]
            rest = total - sum(x[j] for j in others)
            if lower[free] <= rest <= upper[free]:
                x[free] = rest
                out.append(x)
    return out


@front_door(("box-vertices",))
@fill_doc(box=_BOX_DOC)
def core_cover(game: TUGame, *, method: str = "box-vertices") -> PolytopeResult:
    r"""The core cover (Tijs and Lipperts 1982): the efficient allocations between the minimal
    rights and the utopia payoffs, :math:`\{x : x(N) = v(N),\ m \le x \le M\}`.

    It contains the core, and is non-empty exactly when the game is *compromise admissible*
    (:math:`m \le M` and :math:`m(N) \le v(N) \le M(N)`), the games where the tau value is
    defined (it lies on the segment from ``m`` to ``M``).

    {{box}}

    References
    ----------
    .. [1] Tijs, S. H. and Lipperts, F. A. S. (1982). The hypercube and the core cover of
       n-person cooperative games. *Cahiers du CERO* 24, 27-37.

    Examples
    --------
    >>> import coalitions as co
    >>> cover = co.core_cover(co.bankruptcy_game(200, [100, 200, 300]))
    >>> len(cover.vertices), cover.dimension
    (4, 2)
    """
    game = _profit_game(game, "core_cover")
    _check_size(game, MAX_BOX_PLAYERS, "core_cover")
    lower, upper = minimal_rights(game), utopia_payoffs(game)
    return _result(
        game, _box_vertices(lower, upper, game.grand_value), "core-cover", "box-vertices"
    )


@front_door(("box-vertices",))
@fill_doc(box=_BOX_DOC)
def reasonable_set(game: TUGame, *, method: str = "box-vertices") -> PolytopeResult:
    r"""The reasonable set (Milnor 1952; Gerard-Varet and Zamir 1987): the imputations that
    pay no player more than its largest marginal contribution,
    :math:`\{x : x(N) = v(N),\ v(i) \le x_i \le \max_{S \ni i} (v(S) - v(S \setminus i))\}`.

    It contains the core and the Shapley value of a superadditive game.

    {{box}}

    References
    ----------
    .. [1] Milnor, J. W. (1952). Reasonable outcomes for n-person games. RAND RM-916.
    .. [2] Gerard-Varet, L. A. and Zamir, S. (1987). Remarks on the reasonable set of
       outcomes in a general coalition function form game. *International Journal of Game
       Theory* 16(2), 123-143.

    Examples
    --------
    >>> import coalitions as co
    >>> co.reasonable_set(co.majority_game(3)).dimension
    2
    """
    game = _profit_game(game, "reasonable_set")
    _check_size(game, MAX_BOX_PLAYERS, "reasonable_set")
    n = game.n_players
    values = game.values
    masks = np.arange(1 << n)
    lower = [values[1 << i] for i in range(n)]
    upper = []
    for i in range(n):
        with_i = masks[(masks >> i) & 1 == 1]
        gains = values[with_i] - values[with_i ^ (1 << i)]
        upper.append(max(gains.tolist()))
    vertices = _box_vertices(lower, upper, game.grand_value)
    return _result(game, vertices, "reasonable-set", "box-vertices")


@front_door(("shifted-core",))
def least_core_set(
    game: TUGame, *, atol: float = 1e-9, method: str = "shifted-core"
) -> PolytopeResult:
    r"""The least core as a polytope: its vertices and centroid.

    .. math:: LC(v) = \{x : x(N) = v(N),\ x(S) \ge v(S) - \varepsilon^*
              \ \forall S \ne \emptyset, N\}

    with :math:`\varepsilon^*` the least-core value (:func:`least_core`); for a cost game
    :math:`x(S) \le c(S) + \varepsilon^*`. It is the core of the game whose proper
    coalitions' worths are lowered by :math:`\varepsilon^*` (raised, for costs), so it is
    never empty; when the core is not empty (:math:`\varepsilon^* \le 0`) the least core
    lies inside it (Maschler, Peleg and Shapley 1979).

    Parameters
    ----------
    game : TUGame
        A numeric game of at most ``MAX_VERTEX_PLAYERS`` players.
    atol : float
        Tolerance of the float LP and vertex steps; exact games are exact.
    method : {"shifted-core"}
        The exact least-core value, then the exact vertices of the shifted game's core (the
        only method).

    Returns
    -------
    PolytopeResult
        ``vertices`` of the least core (exact for rational games), ``x`` its centroid,
        ``dimension`` and ``volume``.

    Raises
    ------
    TooLargeError
        Above ``MAX_VERTEX_PLAYERS`` players or too many vertices.

    References
    ----------
    .. [1] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus, and related solution concepts. *Mathematics of Operations
       Research* 4(4), 303-338.

    Examples
    --------
    The 3-player majority game has an empty core; its least core is the single point of
    equal shares, at :math:`\varepsilon^* = 1/3`:

    >>> import coalitions as co
    >>> [v.tolist() for v in co.least_core_set(co.majority_game(3)).vertices]
    [[Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]]
    """
    game = as_tu_game(game, "least_core_set", numeric="compares worths")
    _check_size(game, MAX_VERTEX_PLAYERS, "least_core_set")
    epsilon = least_core(game, atol=atol).epsilon
    shift = epsilon if game.is_cost else -epsilon
    values = game.values.copy()
    values[1:-1] = values[1:-1] + shift
    shifted = TUGame(values, game.players, cost=game.is_cost)
    vertices = [v.tolist() for v in core_vertices(shifted, atol=atol)]
    return _result(game, vertices, "least-core", "shifted-core")


@front_door(("vertex-triangulation",))
def core_center(game: TUGame, *, method: str = "vertex-triangulation") -> PolytopeResult:
    r"""The core-center (González-Díaz and Sánchez-Rodríguez 2007): the centre of mass of the
    core, the expectation of the uniform distribution over it.

    Parameters
    ----------
    game : TUGame
        A game whose core vertices can be enumerated (see :func:`core_vertices`).
    method : {"vertex-triangulation"}
        The exact core vertices, then a Delaunay triangulation of them in the core's affine
        hull (the only method).

    Returns
    -------
    PolytopeResult
        ``x`` the core-center (NaN and ``is_empty=True`` when the core is empty), the core's
        ``vertices``, ``dimension`` and ``volume``.

    References
    ----------
    .. [1] González-Díaz, J. and Sánchez-Rodríguez, E. (2007). A natural selection from the
       core of a TU game: the core-center. *International Journal of Game Theory* 36(1),
       27-46.

    Examples
    --------
    >>> import coalitions as co
    >>> centre = co.core_center(co.bankruptcy_game(200, [100, 200, 300]))
    >>> [round(float(v), 4) for v in centre.x]
    [44.4444, 77.7778, 77.7778]

    The core here is the triangle of allocations of 200 cut by :math:`x_1 \le 100` (the
    others can secure 100 together). The nucleolus, another point of the core, differs:

    >>> co.nucleolus(co.bankruptcy_game(200, [100, 200, 300])).x.tolist()
    [Fraction(50, 1), Fraction(75, 1), Fraction(75, 1)]
    """
    game = as_tu_game(game, "core_center", numeric="compares worths")
    vertices = [v.tolist() for v in core_vertices(game)]
    return _result(game, vertices, "core-center", "vertex-triangulation")


def _profit_game(game: Any, function: str) -> TUGame:
    game = as_tu_game(game, function, numeric="compares worths")
    if game.is_cost:
        raise InvalidGameError(
            f"{function} is defined here for profit games; analyse the savings game of a "
            "cost game instead."
        )
    return game
