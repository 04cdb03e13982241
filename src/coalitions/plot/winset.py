"""The two-dimensional win-set of a status quo under unanimity (Tsebelis's veto players), and
the acceptance sets of a one-dimensional two-level game with their intersection."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .._checks import as_list, check_integer
from ..exceptions import InvalidArgumentError, InvalidProblemError
from . import _mpl
from ._geometry import convex_hull
from ._mpl import as_labels, as_mapping, as_pair, as_text, new_figure, plot_doc

__all__ = ["win_set_diagram", "acceptance_sets_diagram"]

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


@plot_doc("figure", "no_matplotlib")
def acceptance_sets_diagram(
    acceptance: Mapping[str, Sequence[Sequence[Any]]],
    status_quo: Any,
    *,
    international: Sequence[Sequence[Any]] | None = None,
    negotiators: Mapping[str, Any] | None = None,
    outcomes: Mapping[str, Any] | None = None,
    title: str | None = None,
    axis_label: str = "policy",
) -> Any:
    """Draw each country's acceptance set on a policy line (one row per country), their
    intersection (the international win-set) and named outcomes: a two-level game in one
    dimension (``TwoLevelResult.acceptance``, ``.intervals``, ``.negotiators``).

    Parameters
    ----------
    acceptance : dict
        ``{country: [(low, high), ...]}``, open intervals (infinite ends are cut at the
        window).
    status_quo : number
        The reversion point, drawn as a vertical line.
    international : list of (low, high), optional
        The intersection, drawn as the bottom row.
    negotiators : dict, optional
        ``{country: ideal point}``, marked on each country's row.
    outcomes : dict, optional
        Named points to mark on the intersection's row (the negotiated outcome).
    title : str, optional
        The axes title; by default "Acceptance sets and the international win-set".
    axis_label : str
        Name of the policy dimension.

    {{figure}}

    Raises
    ------
    InvalidArgumentError
        If an interval is not a pair of numbers or a mapping is malformed.
    {{no_matplotlib}}

    Examples
    --------
    >>> fig = acceptance_sets_diagram({"US": [(0, 4)], "EU": [(0, 20)]}, 0,
    ...                               international=[(0, 4)], outcomes={"Nash": 4})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['international', 'EU', 'US']
    """
    acceptance = as_mapping(acceptance, "acceptance")
    negotiators = as_mapping(negotiators, "negotiators")
    outcomes = as_mapping(outcomes, "outcomes")
    title = as_text(title, "title")
    axis_label = as_labels([axis_label], "axis_label", 1)[0]
    q = _mpl.as_float(status_quo)

    def ends(intervals: Any, what: str) -> list[tuple[float, float]]:
        out = []
        for interval in as_list(intervals, what, expected="a list of (low, high) pairs"):
            pair = as_list(interval, what, expected="(low, high)")
            if len(pair) != 2:
                raise InvalidArgumentError(f"{what}: {interval!r} is not a pair (low, high).")
            out.append((_interval_end(pair[0]), _interval_end(pair[1])))
        return out

    rows = {str(c): ends(v, f"acceptance of {c!r}") for c, v in acceptance.items()}
    if international is not None:
        rows["international"] = ends(international, "international")
    marks = [q, *(_mpl.as_float(v) for v in [*negotiators.values(), *outcomes.values()])]
    finite = marks + [e for row in rows.values() for iv in row for e in iv if abs(e) < 1e300]
    lo, hi = min(finite), max(finite)
    pad = 0.1 * max(hi - lo, 1.0)
    lo, hi = lo - pad, hi + pad
    fig, ax = new_figure(6.4, 0.7 * len(rows) + 1.8)
    names = (
        list(rows)[::-1]
        if "international" not in rows
        else ["international"] + [n for n in list(rows)[::-1] if n != "international"]
    )
    for y, name in enumerate(names):
        colour = "tab:orange" if name == "international" else "tab:blue"
        for a, b in rows[name]:
            ax.plot([max(a, lo), min(b, hi)], [y, y], color=colour, lw=8, solid_capstyle="butt")
        if name in negotiators:
            _mpl.mark(ax, (_mpl.as_float(negotiators[name]), y), None, ms=9, color="navy")
    for k, (name, point) in enumerate(outcomes.items()):
        x = _mpl.as_float(point)
        label = f"{name} ({x:g})"
        _mpl.mark(
            ax,
            (x, 0),
            label,
            marker=_MARKERS[k % len(_MARKERS)],
            ms=12,
            color=_COLOURS[k % len(_COLOURS)],
            zorder=5,
        )
    ax.axvline(q, color="black", ls="--", lw=1, label=f"status quo q ({q:g})")
    ax.set_yticks(range(len(names)), names)
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.set_xlabel(axis_label)
    ax.grid(alpha=0.25, axis="x")
    ax.set_title(title or "Acceptance sets and the international win-set")
    ax.legend(fontsize=8, loc="best")
    return fig


def _interval_end(value: Any) -> float:
    """An interval's end as a float: a finite number, or an infinite float (an unbounded
    acceptance set); anything else is refused."""
    if isinstance(value, float) and math.isinf(value):
        return value
    return _mpl.as_float(value)
