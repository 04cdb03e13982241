"""Small exact plane geometry for the plots: half-plane clipping, convex hulls, and the core
of a three-player game. No matplotlib here, so examples can use it without the plot extra."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from numbers import Real
from typing import Any

from .._checks import as_list, check_tolerance
from ..exceptions import InvalidGameError, InvalidProblemError
from ..games.transforms import as_tu_game

__all__ = ["clip_half_plane", "convex_hull", "core_vertices_3", "imputation_vertices_3"]

Point = tuple[Any, Any]


def _number(value: Any, what: str) -> Any:
    """A finite real number (int, float, Fraction or numpy scalar), else InvalidProblemError."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise InvalidProblemError(f"{what} must be a finite number, got {value!r}.")
    return value


def _plane_point(point: Any, what: str) -> Point:
    """A point of the plane as a pair of finite numbers."""
    coordinates = as_list(point, what, InvalidProblemError, expected="a pair of numbers (x, y)")
    if len(coordinates) != 2:
        raise InvalidProblemError(f"{what} must be a pair of numbers (x, y), got {point!r}.")
    return (_number(coordinates[0], what), _number(coordinates[1], what))


def _plane_points(points: Any, what: str) -> list[Point]:
    items = as_list(points, what, InvalidProblemError, expected="a list of points (x, y)")
    return [_plane_point(p, f"{what}[{k}]") for k, p in enumerate(items)]


def _dot(a: Sequence[Any], p: Sequence[Any]) -> Any:
    return a[0] * p[0] + a[1] * p[1]


def clip_half_plane(
    polygon: Sequence[Point], a: Sequence[Any], b: Any, atol: float = 0.0
) -> list[Point]:
    """Clip a convex polygon (vertices in order) to the half-plane ``dot(a, p) <= b``.

    Exact when the inputs are ``Fraction`` (``atol`` is then irrelevant); with floats a vertex
    within ``atol`` of the line counts as inside. One Sutherland-Hodgman pass, O(len(polygon)).

    >>> from fractions import Fraction
    >>> square = [(Fraction(0), Fraction(0)), (Fraction(2), Fraction(0)),
    ...           (Fraction(2), Fraction(2)), (Fraction(0), Fraction(2))]
    >>> [tuple(map(str, p)) for p in clip_half_plane(square, (1, 1), 3)]
    [('0', '0'), ('2', '0'), ('2', '1'), ('1', '2'), ('0', '2')]
    """
    polygon = _plane_points(polygon, "polygon")
    a = _plane_point(a, "the normal a")
    b = _number(b, "the offset b")
    atol = check_tolerance(atol, "clip_half_plane")
    out: list[Point] = []
    m = len(polygon)
    if m == 0:
        return out
    if m == 1:
        return list(polygon) if _dot(a, polygon[0]) <= b + atol else []
    for k in range(m):
        p, q = polygon[k - 1], polygon[k]
        fp, fq = _dot(a, p) - b, _dot(a, q) - b
        p_in, q_in = fp <= atol, fq <= atol
        if p_in != q_in:
            t = fp / (fp - fq)
            crossing = (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
            _append(out, crossing, atol)
        if q_in:
            _append(out, q, atol)
    if len(out) > 1 and _same(out[0], out[-1], atol):
        out.pop()
    return out


def _same(p: Point, q: Point, atol: float) -> bool:
    return abs(p[0] - q[0]) <= atol and abs(p[1] - q[1]) <= atol


def _append(points: list[Point], p: Point, atol: float) -> None:
    if not points or not _same(points[-1], p, atol):
        points.append(p)


def convex_hull(points: Sequence[Sequence[Any]]) -> list[tuple[Any, Any]]:
    """Vertices of the convex hull of plane points, counter-clockwise (Andrew's monotone
    chain, O(m log m)); collinear points on an edge are dropped.

    >>> convex_hull([(0, 0), (1, 1), (2, 0), (1, 0), (0, 2), (2, 2)])
    [(0, 0), (2, 0), (2, 2), (0, 2)]
    """
    pts = sorted(set(_plane_points(points, "points")))
    if len(pts) <= 2:
        return pts

    def cross(o: Point, a: Point, b: Point) -> Any:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _three_player_numbers(game: Any) -> tuple[list[Any], Any]:
    game = as_tu_game(game, "the imputation simplex")
    if game.n_players != 3:
        raise InvalidGameError(
            f"the imputation simplex is drawn for 3-player games; this game "
            f"has {game.n_players} players"
        )
    if game.kind == "symbolic":
        game = game.to_float()  # InvalidGameError while symbols are free
    values = list(game.values)
    if game.kind == "exact":
        values = [Fraction(v) for v in values]
    else:
        values = [float(v) for v in values]
    return values, game


def imputation_vertices_3(game: Any) -> list[tuple[Any, Any, Any]]:
    """The three vertices of the imputation triangle of a 3-player game, vertex ``i`` giving
    player ``i`` everything above the others' stand-alone values (empty list if
    v(1)+v(2)+v(3) > v(N)).

    >>> from coalitions.games.classes import majority_game
    >>> imputation_vertices_3(majority_game(3))
    [(Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(1, 1), Fraction(0, 1)), (Fraction(0, 1), Fraction(0, 1), Fraction(1, 1))]
    """
    v, _ = _three_player_numbers(game)
    single = [v[1], v[2], v[4]]
    surplus = v[7] - sum(single)
    if surplus < 0:
        return []
    return [tuple(single[j] + (surplus if j == i else 0) for j in range(3)) for i in range(3)]


def core_vertices_3(game: Any, *, atol: float = 1e-9) -> list[tuple[Any, Any, Any]]:
    """Vertices of the core of a 3-player TU game, found by clipping the imputation triangle
    with the two-player constraints ``x(S) >= v(S)``.

    In the plane ``x1 + x2 + x3 = v(N)`` the constraint of ``S = N \\ {k}`` reads
    ``x_k <= v(N) - v(N \\ {k})``: one half-plane per player. Clipping the triangle with the
    three half-planes gives the core polygon, exactly (``Fraction``) for exact games and
    within ``atol`` for float games. An empty list means the core is empty.

    Parameters
    ----------
    game : TUGame
        A game with exactly three players.
    atol : float
        Tolerance for float games.

    Returns
    -------
    list of tuple
        Core vertices as payoff vectors in player order, counter-clockwise in (x1, x2).

    Raises
    ------
    InvalidGameError
        If the game does not have three players, or is symbolic with symbols that have no
        value (substitute them first with ``game.subs``).

    Examples
    --------
    >>> from coalitions.games.classes import glove_game, majority_game
    >>> core_vertices_3(glove_game(["L"], ["R1", "R2"]))
    [(Fraction(1, 1), Fraction(0, 1), Fraction(0, 1))]
    >>> core_vertices_3(majority_game(3))
    []
    """
    v, game = _three_player_numbers(game)
    tol = 0 if game.kind == "exact" else check_tolerance(atol, "core_vertices_3")
    triangle = imputation_vertices_3(game)
    if not triangle:
        return []
    grand = v[7]
    polygon: list[Point] = [(x[0], x[1]) for x in triangle]
    polygon = [p for k, p in enumerate(polygon) if p not in polygon[:k]]
    caps = [grand - v[6], grand - v[5], grand - v[3]]  # x_k <= v(N) - v(N \ k)
    for a, b in (((1, 0), caps[0]), ((0, 1), caps[1]), ((-1, -1), caps[2] - grand)):
        polygon = clip_half_plane(polygon, a, b, tol)
        if not polygon:
            return []
    return [(p[0], p[1], grand - p[0] - p[1]) for p in polygon]
