"""The two-dimensional win-set of a status quo under unanimity (Tsebelis's veto players)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._checks import check_integer
from ..exceptions import InvalidProblemError
from . import _mpl
from ._geometry import convex_hull
from ._mpl import as_labels, as_mapping, as_pair, as_text, new_figure, plot_doc

__all__ = ["win_set_diagram"]

_MARKERS = ["*", "D", "P", "X", "s", "^"]
_COLOURS = ["tab:red", "tab:purple", "tab:green", "tab:brown", "tab:pink", "tab:olive"]


@plot_doc("figure", "no_matplotlib")
def win_set_diagram(
    ideal_points: Mapping[str, Sequence[Any]],
    status_quo: Sequence[Any],
    *,
    outcomes: Mapping[str, Sequence[Any]] | None = None,
    resolution: int = 500,
    title: str | None = None,
    axis_labels: Sequence[str] = ("dimension 1", "dimension 2"),
) -> Any:
    """Draw veto players' ideal points, the status quo, their indifference circles through
    the status quo, the win-set (the shaded intersection of the discs) and the unanimity core
    (the convex hull of the ideal points).

    With Euclidean preferences player ``i`` prefers exactly the points of the open disc
    centred on ``x_i`` with radius ``|q - x_i|``; the unanimity win-set ``W(q)`` is the
    intersection of these discs, and it is empty when ``q`` lies in the convex hull.

    Parameters
    ----------
    ideal_points : dict
        ``{player: (x, y)}``, at least one player.
    status_quo : pair of numbers
        The status quo ``q``; every circle passes through it.
    outcomes : dict, optional
        Named points to mark (e.g. an agenda setter's proposal, the projection of ``q`` on
        the core).
    resolution : int
        Grid points per axis for shading the win-set.
    title : str, optional
        The axes title; by default "Win-set of the status quo under unanimity".
    axis_labels : pair of str
        Names of the two policy dimensions.

    {{figure}}

    Raises
    ------
    InvalidProblemError
        If there are no ideal points or a point is not two-dimensional.
    {{no_matplotlib}}

    Examples
    --------
    >>> fig = win_set_diagram({"A": (0, 0), "B": (2, 0)}, (1, 1), outcomes={"deal": (1, 0.5)})
    >>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    ['win-set W(q)', 'unanimity core (convex hull)', 'status quo q', 'deal (1, 0.5)']
    """
    ideal_points = as_mapping(ideal_points, "ideal_points")
    if not ideal_points:
        raise InvalidProblemError("give at least one ideal point: {player: (x, y)}")
    outcomes = as_mapping(outcomes, "outcomes")
    resolution = check_integer(resolution, "resolution", "win_set_diagram", low=2, high=4000)
    title = as_text(title, "title")
    axis_labels = as_labels(axis_labels, "axis_labels", 2)

    def pair(p: Sequence[Any], what: str) -> tuple[float, float]:
        return as_pair(p, what, InvalidProblemError)

    ideals = {str(k): pair(p, f"ideal point of {k!r}") for k, p in ideal_points.items()}
    q = pair(status_quo, "status_quo")
    centres = np.array(list(ideals.values()))
    radii = np.hypot(centres[:, 0] - q[0], centres[:, 1] - q[1])
    lo = (centres - radii[:, None]).min(axis=0)
    hi = (centres + radii[:, None]).max(axis=0)
    pad = 0.08 * max(float(np.max(hi - lo)), 1e-9)
    lo, hi = lo - pad, hi + pad
    fig, ax = new_figure(6.2, 6.0)
    xs = np.linspace(lo[0], hi[0], resolution)
    ys = np.linspace(lo[1], hi[1], resolution)
    X, Y = np.meshgrid(xs, ys)
    inside = np.ones_like(X, dtype=bool)
    for (cx, cy), r in zip(centres, radii):
        inside &= (X - cx) ** 2 + (Y - cy) ** 2 < r * r
    if inside.any():
        ax.contourf(
            X, Y, inside.astype(float), levels=[0.5, 1.5], colors=["tab:orange"], alpha=0.55
        )
        ax.fill([], [], color="tab:orange", alpha=0.55, label="win-set W(q)")
    else:
        ax.plot([], [], " ", label="win-set W(q) is empty")
    theta = np.linspace(0, 2 * np.pi, 361)
    for (cx, cy), r in zip(centres, radii):
        ax.plot(cx + r * np.cos(theta), cy + r * np.sin(theta), color="0.55", lw=0.8, ls="--")
    hull = convex_hull([tuple(c) for c in centres])
    if len(hull) >= 3:
        _mpl.shade(ax, hull, "tab:blue", alpha=0.18, lw=0)
    if len(hull) >= 2:  # a polygon's boundary, closed, or a segment
        boundary = hull + hull[:1] if len(hull) >= 3 else hull
        ax.plot(*zip(*boundary), color="navy", lw=2, zorder=3, label="unanimity core (convex hull)")
    for name, point in ideals.items():
        _mpl.mark(ax, point, None, ms=7, color="navy", zorder=4)
        ax.annotate(name, point, textcoords="offset points", xytext=(6, 6), fontsize=9)
    _mpl.mark(ax, q, "status quo q", marker="s", ms=8, color="black")
    ax.annotate("q", q, textcoords="offset points", xytext=(6, -12), fontsize=10)
    for k, (name, point) in enumerate(outcomes.items()):
        u = pair(point, f"outcome {name!r}")
        marker, colour = _MARKERS[k % len(_MARKERS)], _COLOURS[k % len(_COLOURS)]
        label = f"{name} {_mpl.point_text(u)}"
        _mpl.mark(ax, u, label, marker=marker, ms=11, color=colour, zorder=5)
    ax.set_aspect("equal")
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_xlabel(axis_labels[0])
    ax.set_ylabel(axis_labels[1])
    ax.grid(alpha=0.25)
    ax.set_title(title or "Win-set of the status quo under unanimity")
    ax.legend(fontsize=8, loc="best")
    return fig
