"""A two-player bargaining problem: feasible set, Pareto frontier, disagreement point and
named solutions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..exceptions import InvalidProblemError
from . import _mpl
from ._geometry import convex_hull
from ._mpl import as_labels, as_mapping, as_pair, as_text, new_figure, plot_doc

__all__ = ["bargaining_frontier"]


def _pairs(points: Sequence[Sequence[Any]], what: str) -> list[tuple[float, float]]:
    if isinstance(points, (str, bytes)):
        points = [points]
    try:
        items = list(points)
    except TypeError:
        raise InvalidProblemError(
            f"{what} must be a list of utility pairs, got {points!r}"
        ) from None
    return [
        as_pair(
            p, f"{what}: every point needs 2 utilities (a two-player problem);", InvalidProblemError
        )
        for p in items
    ]


@plot_doc("figure", "no_matplotlib")
def bargaining_frontier(
    *,
    disagreement: Sequence[Any],
    feasible: Sequence[Sequence[Any]] | None = None,
    frontier: Sequence[Sequence[Any]] | None = None,
    solutions: Mapping[str, Sequence[Any]] | None = None,
    players: Sequence[str] = ("player 1", "player 2"),
    title: str | None = None,
) -> Any:
    """Draw a two-player bargaining problem and its solutions.

    Parameters
    ----------
    disagreement : pair of numbers
        The disagreement point ``d``.
    feasible : sequence of pairs, optional
        Vertices (or any points) of a convex feasible set; its convex hull is shaded.
    frontier : sequence of pairs, optional
        Points along the Pareto frontier, in order (e.g. sampled from a curve). The region
        below the curve and above ``d`` is shaded when ``feasible`` is not given.
    solutions : dict, optional
        Named utility pairs such as ``{"Nash": (.., ..), "Kalai-Smorodinsky": (.., ..)}``;
        each is marked and joined to ``d`` by a thin line.
    players : pair of str
        The two players, named on the axes as "utility of ...".
    title : str, optional
        The axes title; by default "Bargaining problem".

    {{figure}}

    Raises
    ------
    InvalidProblemError
        If neither ``feasible`` nor ``frontier`` is given, or a point is not a pair.
    {{no_matplotlib}}

    Examples
    --------
    >>> fig = bargaining_frontier(
    ...     disagreement=(0, 0), feasible=[(0, 0), (1, 0), (0, 1)], solutions={"Nash": (0.5, 0.5)}
    ... )
    >>> [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    ['feasible set', 'disagreement d = (0, 0)', 'Nash (0.5, 0.5)']
    """
    if feasible is None and frontier is None:
        raise InvalidProblemError(
            "give the feasible set's vertices (feasible=...) or points "
            "on its Pareto frontier (frontier=...)"
        )
    d = _pairs([disagreement], "disagreement")[0]
    solutions = as_mapping(solutions, "solutions")
    title = as_text(title, "title")
    labels = as_labels(players, "players", 2)
    fig, ax = new_figure(6.0, 5.0)
    if feasible is not None:
        hull = convex_hull(_pairs(feasible, "feasible"))
        if len(hull) >= 3:
            _mpl.shade(ax, hull, "tab:blue", alpha=0.15, label="feasible set")
    if frontier is not None:
        curve = _pairs(frontier, "frontier")
        if not curve:
            raise InvalidProblemError("frontier needs at least one point")
        if feasible is None:  # below the curve and above d
            region = [(d[0], curve[0][1]), *curve, (curve[-1][0], d[1]), d]
            _mpl.shade(ax, region, "tab:blue", alpha=0.15, lw=0, label="feasible set")
        ax.plot(*zip(*curve), color="tab:blue", lw=2.2, label="Pareto frontier")
    _mpl.mark(ax, d, f"disagreement d = {_mpl.point_text(d)}", ms=7, color="black", zorder=4)
    for k, (name, point) in enumerate(solutions.items()):
        u = _pairs([point], f"solution {name!r}")[0]
        marker = _mpl.MARKERS[k % len(_mpl.MARKERS)]
        line = _mpl.mark(ax, u, f"{name} {_mpl.point_text(u)}", marker=marker, ms=9, zorder=5)
        ax.plot([d[0], u[0]], [d[1], u[1]], color=line.get_color(), lw=0.8, ls="--")
    ax.set_xlabel(f"utility of {labels[0]}")
    ax.set_ylabel(f"utility of {labels[1]}")
    ax.grid(alpha=0.3)
    ax.set_title(title or "Bargaining problem")
    ax.legend(fontsize=8, loc="best")
    return fig
