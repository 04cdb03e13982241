"""The imputation simplex of a three-player TU game, with its core and marked points."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .._checks import as_list, check_integer
from ..exceptions import InvalidArgumentError, InvalidGameError
from ..games.transforms import as_tu_game
from . import _mpl
from ._geometry import core_vertices_3, imputation_vertices_3
from ._mpl import as_float, as_floats, as_mapping, as_text, new_figure, plot_doc

__all__ = ["imputation_simplex"]

_COLOURS = [
    "tab:blue",
    "tab:orange",
    "tab:red",
    "tab:purple",
    "tab:brown",
    "tab:pink",
    "tab:gray",
    "tab:olive",
]  # green is the core's
# corners of the equilateral triangle: player 1 bottom left, player 2 bottom right, 3 on top
_CORNERS = ((0.0, 0.0), (1.0, 0.0), (0.5, math.sqrt(3) / 2))


def _to_plane(x: Sequence[float], low: Sequence[float], surplus: float) -> tuple[float, float]:
    w = [(x[i] - low[i]) / surplus for i in range(3)]
    return (
        sum(w[i] * _CORNERS[i][0] for i in range(3)),
        sum(w[i] * _CORNERS[i][1] for i in range(3)),
    )


@plot_doc("figure", "no_matplotlib")
def imputation_simplex(
    game: Any,
    *,
    core: Any = "compute",
    points: Mapping[str, Sequence[Any]] | None = None,
    title: str | None = None,
    grid: int = 4,
) -> Any:
    """Draw the imputation triangle of a 3-player game, its core and marked allocations.

    Each corner gives one player everything above the others' stand-alone values
    ``v(i)``; a point's distance from the opposite side is that player's payoff above
    ``v(i)``. Allocations outside the imputation set (for example a prenucleolus) fall
    outside the triangle.

    Parameters
    ----------
    game : TUGame
        A three-player game with ``v(1) + v(2) + v(3) < v(N)``.
    core : "compute", None, or sequence of payoff vectors
        The core polygon: ``"compute"`` clips the triangle with ``x(S) >= v(S)``
        (:func:`coalitions.plot._geometry.core_vertices_3`), a sequence gives its vertices,
        ``None`` draws no core.
    points : dict, optional
        Named allocations to mark, e.g. ``{"Shapley value": phi.x, "nucleolus": nu.x}``.
    title : str, optional
        The axes title; by default "Imputation simplex, v(N) = ..." with the game's v(N).
    grid : int
        Number of grid steps per side (0 for none).

    {{figure}}

    Raises
    ------
    InvalidGameError
        If the game does not have three players or its imputation set is a point or empty.
    {{no_matplotlib}}

    Examples
    --------
    >>> from coalitions.games.classes import glove_game
    >>> fig = imputation_simplex(glove_game(["L"], ["R1", "R2"]), points={"x": [1, 0, 0]})
    >>> fig.axes[0].get_title()
    'Imputation simplex, v(N) = 1'
    >>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    ['core (one point)', 'x (1, 0, 0)']
    """
    points = as_mapping(points, "points")
    title = as_text(title, "title")
    grid = check_integer(grid, "grid", "imputation_simplex", low=0, high=100)
    triangle = imputation_vertices_3(game)
    game = as_tu_game(game, "imputation_simplex")
    if not triangle:
        raise InvalidGameError("the imputation set is empty: v(1) + v(2) + v(3) > v(N)")
    low = [as_float(v) for v in (game.value(1), game.value(2), game.value(4))]
    surplus = as_float(game.grand_value) - sum(low)
    if surplus <= 0:
        raise InvalidGameError(
            "the imputation set is a single point (v(1) + v(2) + v(3) = "
            "v(N)): there is no triangle to draw"
        )
    names = [str(p) for p in game.players]
    fig, ax = new_figure(6.0, 5.6)
    corners = list(_CORNERS) + [_CORNERS[0]]
    ax.plot([c[0] for c in corners], [c[1] for c in corners], color="black", lw=1.2)
    for k in range(1, grid):
        t = k / grid
        for i in range(3):  # lines where player i gets the share t of the surplus
            j, m = (i + 1) % 3, (i + 2) % 3
            a = [t * _CORNERS[i][d] + (1 - t) * _CORNERS[j][d] for d in range(2)]
            b = [t * _CORNERS[i][d] + (1 - t) * _CORNERS[m][d] for d in range(2)]
            ax.plot([a[0], b[0]], [a[1], b[1]], color="0.85", lw=0.6, zorder=0)
    offsets = ((-0.04, -0.05), (0.04, -0.05), (0.0, 0.04))
    for i, (corner, vertex) in enumerate(zip(_CORNERS, triangle)):
        label = f"{names[i]}\n" + _mpl.point_text([as_float(v) for v in vertex])
        ax.annotate(
            label,
            (corner[0] + offsets[i][0], corner[1] + offsets[i][1]),
            ha="center",
            va="top" if i < 2 else "bottom",
            fontsize=9,
        )
    if isinstance(core, str):
        if core != "compute":
            raise InvalidArgumentError(
                f"core must be 'compute', None or a list of vertices, not {core!r}"
            )
        core = core_vertices_3(game)
    if core is not None:
        vertices = [
            as_floats(x, "a core vertex")
            for x in as_list(core, "core", expected="a list of payoff vectors")
        ]
        if any(len(x) != 3 for x in vertices):
            raise InvalidArgumentError("every core vertex needs 3 payoffs")
        plane = [_to_plane(x, low, surplus) for x in vertices]
        if not plane:
            ax.text(0.5, 0.30, "core is empty", ha="center", color="firebrick", fontsize=10)
        elif len(plane) <= 2:
            kind = "one point" if len(plane) == 1 else "a segment"
            ax.plot(
                *zip(*plane),
                color="tab:green",
                lw=4,
                marker="o",
                ms=9,
                alpha=0.6,
                label=f"core ({kind})",
            )
        else:
            _mpl.shade(ax, plane, "tab:green", alpha=0.30, lw=1.5, label="core")
    for k, (name, x) in enumerate(points.items()):
        x = as_floats(x, f"point {name!r}")
        if len(x) != 3:
            raise InvalidArgumentError(
                f"point {name!r} has {len(x)} entries; a 3-player game needs 3"
            )
        marker, colour = _mpl.MARKERS[k % len(_mpl.MARKERS)], _COLOURS[k % len(_COLOURS)]
        label = f"{name} {_mpl.point_text(x)}"
        _mpl.mark(
            ax, _to_plane(x, low, surplus), label, marker=marker, ms=8, color=colour, zorder=3
        )
    ax.set_aspect("equal")
    ax.set_xlim(-0.15, 1.15)
    ax.set_ylim(-0.16, 1.0)
    ax.axis("off")
    ax.set_title(title or f"Imputation simplex, v(N) = {as_float(game.grand_value):.4g}")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig
