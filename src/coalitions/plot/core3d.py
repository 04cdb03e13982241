"""The imputation tetrahedron of a four-player TU game, with its core, its Weber set and marked
points, drawn in 3-D."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._checks import as_list, check_tolerance
from ..exceptions import InvalidArgumentError, InvalidGameError
from ..games.transforms import as_tu_game
from . import _mpl
from ._mpl import as_float, as_floats, as_mapping, as_text, plot_doc, pyplot

__all__ = ["core_3d", "polytope_faces"]

#: Corners of the regular tetrahedron with unit edges: player i's corner gives it the whole
#: surplus above the stand-alone values.
CORNERS = np.array(
    [
        [0.0, 0.0, 0.0],
        [1.0, 0.0, 0.0],
        [0.5, math.sqrt(3) / 2, 0.0],
        [0.5, math.sqrt(3) / 6, math.sqrt(2 / 3)],
    ]
)
_COLOURS = ["tab:blue", "tab:red", "tab:purple", "tab:brown", "tab:pink", "tab:gray"]
_CORE, _WEBER = "tab:green", "tab:orange"


def polytope_faces(points: Any, *, atol: float = 1e-9) -> tuple[int, list[list[int]]]:
    """The dimension of the convex hull of points of space and its faces as vertex cycles.

    A full-dimensional hull (dimension 3) has one face per facet, the triangles of
    :class:`scipy.spatial.ConvexHull` that lie in one plane merged into one polygon; a flat
    hull (dimension 2) is one polygon; a segment (1) is its two ends and a point (0) itself.

    Parameters
    ----------
    points : array_like, shape (m, 3)
    atol : float
        Distances below ``atol`` times the hull's diameter count as zero.

    Returns
    -------
    dimension : int
        -1 when there are no points.
    faces : list of list of int
        Indices into ``points``, each face's vertices in cyclic order.

    Raises
    ------
    InvalidArgumentError
        If ``points`` is not a list of points of space with finite coordinates.

    Examples
    --------
    >>> cube = [(i, j, k) for i in (0, 1) for j in (0, 1) for k in (0, 1)]
    >>> dimension, faces = polytope_faces(cube)
    >>> dimension, len(faces), sorted(len(face) for face in faces)
    (3, 6, [4, 4, 4, 4, 4, 4])
    >>> dimension, faces = polytope_faces([(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0)])
    >>> dimension, [sorted(face) for face in faces]
    (2, [[0, 1, 2, 3]])
    """
    atol = check_tolerance(atol, "polytope_faces")
    try:
        array = np.asarray(points, dtype=float)
    except (TypeError, ValueError):
        array = np.full((1, 1), np.nan)
    if array.size == 0:
        return -1, []
    if array.ndim != 2 or array.shape[1] != 3 or not np.isfinite(array).all():
        raise InvalidArgumentError(
            f"points must be a list of points (x, y, z) with finite coordinates, got {points!r:.80}"
        )
    centre = array.mean(axis=0)
    _, singular, basis = np.linalg.svd(array - centre)
    scale = max(float(np.ptp(array, axis=0).max()), 1e-300)
    dimension = int(np.sum(singular > atol * scale * max(1.0, math.sqrt(len(array)))))
    if dimension == 0:
        return 0, [[0]]
    if dimension == 1:
        t = (array - centre) @ basis[0]
        return 1, [[int(np.argmin(t)), int(np.argmax(t))]]
    if dimension == 2:
        return 2, [_cycle(array, list(range(len(array))), basis[:2], atol * scale)]
    from scipy.spatial import ConvexHull, QhullError

    try:
        hull = ConvexHull(array)
    except QhullError as error:  # pragma: no cover - the rank test above rules out flat sets
        raise InvalidArgumentError(
            f"cannot take the convex hull of these points: {error}"
        ) from None
    faces: list[list[int]] = []
    seen: set[frozenset[int]] = set()
    for equation in hull.equations:  # one per triangle: coplanar triangles share a face
        distance = array @ equation[:3] + equation[3]
        on_face = [int(k) for k in np.flatnonzero(np.abs(distance) <= atol * scale * 10)]
        if frozenset(on_face) in seen:
            continue
        seen.add(frozenset(on_face))
        normal = equation[:3]
        u = np.cross(normal, [1.0, 0.0, 0.0] if abs(normal[0]) < 0.9 else [0.0, 1.0, 0.0])
        u /= np.linalg.norm(u)
        faces.append(_cycle(array, on_face, np.array([u, np.cross(normal, u)]), atol * scale))
    return 3, faces


def _cycle(array: np.ndarray, indices: list[int], plane: np.ndarray, tol: float) -> list[int]:
    """The vertices of the convex polygon of ``array[indices]`` in the ``plane`` (two
    orthonormal directions), in counter-clockwise order, points inside or on an edge dropped."""
    flat = (array[indices] - array[indices].mean(axis=0)) @ plane.T
    order = sorted(range(len(indices)), key=lambda k: (flat[k, 0], flat[k, 1]))

    def cross(o: int, a: int, b: int) -> float:
        return float(
            (flat[a, 0] - flat[o, 0]) * (flat[b, 1] - flat[o, 1])
            - (flat[a, 1] - flat[o, 1]) * (flat[b, 0] - flat[o, 0])
        )

    hull: list[int] = []
    for sweep in (order, order[::-1]):  # Andrew's monotone chain, lower then upper
        chain: list[int] = []
        for k in sweep:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], k) <= tol * tol:
                chain.pop()
            chain.append(k)
        hull += chain[:-1]
    return [indices[k] for k in hull]


def _vertex_list(value: Any, what: str) -> list[list[float]]:
    vertices = [
        as_floats(x, f"a vertex of the {what}")
        for x in as_list(value, what, expected="a list of payoff vectors")
    ]
    if any(len(x) != 4 for x in vertices):
        raise InvalidArgumentError(f"every vertex of the {what} needs 4 payoffs")
    return vertices


def _draw_polytope(ax: Any, space: np.ndarray, colour: str, label: str, alpha: float) -> None:
    """Draw the convex hull of the points ``space`` (tetrahedron coordinates), its artists
    with the gid ``label`` (faces) and ``label + " edges"`` (edge lines); a set of lower
    dimension says so in its legend entry."""
    dimension, faces = polytope_faces(space)
    if dimension <= 1:
        kind = "one point" if dimension == 0 else "a segment"
        style = {"color": colour, "lw": 4, "marker": "o", "ms": 8, "alpha": 0.7}
        ax.plot(*space[faces[0]].T, label=f"{label} ({kind})", gid=label, **style)
        return
    from mpl_toolkits.mplot3d.art3d import Poly3DCollection

    polygons = [space[face] for face in faces]
    collection = Poly3DCollection(
        polygons,
        facecolor=colour,
        edgecolor="none",
        alpha=alpha,
        linewidths=0,
        label=label if dimension == 3 else f"{label} (flat)",
    )
    collection.set_gid(label)
    ax.add_collection3d(collection)
    for polygon in polygons:  # the edges, as lines whose 3-D data stays readable
        closed = np.vstack([polygon, polygon[:1]])
        ax.plot(*closed.T, color=colour, lw=0.9, label="_nolegend_", gid=f"{label} edges")


def _equal_cube(ax: Any, points: np.ndarray) -> None:
    """Fix the 3-D limits to one cube around ``points`` and a cubic box, so the tetrahedron
    is regular. Matplotlib's ``set_aspect("equal")`` derives the box from autoscaled limits,
    which can degenerate and then fails with an overflow or a singular projection."""
    low, high = points.min(axis=0), points.max(axis=0)
    centre, half = (low + high) / 2, max(float(np.max(high - low)) / 2, 1e-9) * 1.05
    for axis, c in zip((ax.set_xlim3d, ax.set_ylim3d, ax.set_zlim3d), centre):
        axis(c - half, c + half, auto=False)
    ax.set_box_aspect((1.0, 1.0, 1.0))


@plot_doc("figure", "no_matplotlib")
def core_3d(
    game: Any,
    *,
    points: Mapping[str, Sequence[Any]] | None = None,
    core: Any = "compute",
    weber: Any = True,
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """Draw the imputation tetrahedron of a 4-player game, its core, its Weber set and points.

    An allocation :math:`x` with :math:`x(N) = v(N)` is drawn at the barycentric point
    :math:`\\sum_i w_i c_i` of the corners :math:`c_i` of a regular tetrahedron, with weights
    :math:`w_i = (x_i - v(i)) / (v(N) - \\sum_j v(j))`: the corner of player ``i`` gives it
    the whole surplus, and the imputations fill the tetrahedron. The core (computed by
    :func:`coalitions.core` with its vertices) is drawn as a translucent green polytope, the
    Weber set (:func:`coalitions.weber_set`, which contains the core) in orange; a flat set
    is one polygon, a segment or a point a thick line or a marker. The view is the 3-D
    version of :func:`imputation_simplex`.

    Parameters
    ----------
    game : TUGame
        A four-player game of worths (not costs) with ``v(1) + ... + v(4) < v(N)``.
    points : dict, optional
        Named allocations to mark, e.g. ``{"Shapley value": phi.x, "nucleolus": nu.x}``.
    core : "compute", None, or sequence of payoff vectors
        ``"compute"`` takes the vertices of :func:`coalitions.core`, a sequence gives them,
        ``None`` draws no core.
    weber : bool or sequence of payoff vectors
        ``True`` draws the Weber set of :func:`coalitions.weber_set`, a sequence gives its
        vertices (for example the marginal vectors), ``False`` draws none.
    title : str, optional
        The axes title; by default "Imputation tetrahedron, v(N) = ..." with the game's v(N).
    ax : mpl_toolkits.mplot3d.axes3d.Axes3D, optional
        3-D axes to draw into (made with ``projection="3d"``); by default a new figure.

    {{figure}}
        With ``ax``, the figure that holds it.

    Raises
    ------
    InvalidGameError
        If the game does not have four players, is a cost game (draw
        :func:`coalitions.cost_to_savings` of it), or its imputation set is a point or empty.
    InvalidArgumentError
        If a point or a vertex does not have four finite payoffs, or ``ax`` is not 3-D axes.
    {{no_matplotlib}}

    Notes
    -----
    Faces are the facets of :class:`scipy.spatial.ConvexHull` of the vertices, coplanar
    triangles merged into one polygon; the dimension of the set is the rank of its centred
    vertices (tolerance 1e-9 of its diameter).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.TUGame.from_function(lambda s: max(len(s) - 1, 0) ** 2, players="ABCD")
    >>> fig = core_3d(game, points={"Shapley value": co.shapley_value(game).x})
    >>> fig.axes[0].get_title()
    'Imputation tetrahedron, v(N) = 9'
    >>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    ['core', 'Weber set', 'Shapley value (2.25, 2.25, 2.25, 2.25)']
    """
    points = as_mapping(points, "points")
    title = as_text(title, "title")
    if not isinstance(weber, bool) and (weber is None or isinstance(weber, (int, float, str))):
        raise InvalidArgumentError(
            f"weber must be True, False or a list of vertices, not {weber!r}"
        )
    game = as_tu_game(game, "core_3d")
    if game.n_players != 4:
        raise InvalidGameError(
            f"core_3d draws 4-player games in 3-D; this game has {game.n_players} players "
            "(imputation_simplex draws 3-player games)"
        )
    if getattr(game, "is_cost", False):
        raise InvalidGameError(
            "core_3d draws games of worths; for a cost game draw its savings game "
            "coalitions.cost_to_savings(game), whose core is the stand-alone costs minus the "
            "cost shares"
        )
    if game.kind == "symbolic":
        game = game.to_float()  # InvalidGameError while symbols are free
    low = np.array([as_float(game.value(1 << i)) for i in range(4)])
    surplus = as_float(game.grand_value) - float(low.sum())
    if surplus < 0:
        raise InvalidGameError(
            "the imputation set is empty: v(1) + v(2) + v(3) + v(4) > v(N); there is no "
            "tetrahedron to draw"
        )
    if surplus == 0:
        raise InvalidGameError(
            "the imputation set is a single point (v(1) + ... + v(4) = v(N)): there is no "
            "tetrahedron to draw"
        )

    def to_space(x: Sequence[float]) -> np.ndarray:
        return ((np.asarray(x, dtype=float) - low) / surplus) @ CORNERS

    if isinstance(core, str):
        if core != "compute":
            raise InvalidArgumentError(
                f"core must be 'compute', None or a list of vertices, not {core!r}"
            )
        from ..solutions import core as core_solution

        core = list(core_solution(game, vertices=True).vertices)
    core_vertices = None if core is None else _vertex_list(core, "core")
    if weber is True:
        from ..solutions import weber_set

        weber = list(weber_set(game).vertices)
    weber_vertices = _vertex_list(weber, "Weber set") if weber is not False else None
    marked = {}
    for name, x in points.items():
        x = as_floats(x, f"point {name!r}")
        if len(x) != 4:
            raise InvalidArgumentError(
                f"point {name!r} has {len(x)} entries; a 4-player game needs 4"
            )
        marked[name] = x

    if ax is None:
        pyplot()
        from matplotlib.figure import Figure

        fig = Figure(figsize=(7.0, 6.4), layout="constrained")
        ax = fig.add_subplot(projection="3d")
    elif getattr(ax, "name", None) != "3d":
        raise InvalidArgumentError(
            "ax must be 3-D axes, made with figure.add_subplot(projection='3d'), got "
            f"{type(ax).__name__}"
        )
    else:
        fig = ax.get_figure()
    names = [str(p) for p in game.players]
    for edge in itertools.combinations(range(4), 2):
        ax.plot(*CORNERS[list(edge)].T, color="black", lw=1.0)
    for i, corner in enumerate(CORNERS):
        vertex = low.copy()
        vertex[i] += surplus
        label = f"{names[i]}\n{_mpl.point_text(vertex)}"
        ax.text(*(corner + (corner - CORNERS.mean(axis=0)) * 0.15), label, ha="center", fontsize=8)
    if core_vertices is not None:
        if core_vertices:
            _draw_polytope(ax, np.array([to_space(x) for x in core_vertices]), _CORE, "core", 0.45)
        else:
            ax.text2D(
                0.5, 0.02, "core is empty", transform=ax.transAxes, ha="center", color="firebrick"
            )
    if weber_vertices:
        space = np.array([to_space(x) for x in weber_vertices])
        _draw_polytope(ax, space, _WEBER, "Weber set", 0.12)
    for k, (name, x) in enumerate(marked.items()):
        _mpl.mark(
            ax,
            to_space(x).tolist(),
            f"{name} {_mpl.point_text(x)}",
            marker=_mpl.MARKERS[k % len(_mpl.MARKERS)],
            ms=8,
            color=_COLOURS[k % len(_COLOURS)],
            zorder=5,
        )
    drawn = [
        CORNERS + (CORNERS - CORNERS.mean(axis=0)) * 0.15,
        CORNERS,
        *(to_space(x)[None] for x in marked.values()),
    ]
    drawn += [
        np.array([to_space(x) for x in vertices])
        for vertices in (core_vertices, weber_vertices)
        if vertices
    ]
    _equal_cube(ax, np.vstack(drawn))
    ax.set_axis_off()
    ax.set_title(title or f"Imputation tetrahedron, v(N) = {as_float(game.grand_value):.4g}")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig
