"""Bar charts of power indices."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from ..exceptions import InvalidArgumentError
from ._mpl import as_float, as_mapping, as_text, new_figure, plot_doc

__all__ = ["power_index_bars"]


@plot_doc("figure", "no_matplotlib")
def power_index_bars(
    indices: Mapping[str, Mapping[str, Any]],
    *,
    title: str | None = None,
    log: bool = False,
    ylabel: str | None = "power",
) -> Any:
    """Grouped bars: one group per player, one bar per index.

    Parameters
    ----------
    indices : dict
        ``{index name: {player: value}}``, for example
        ``{"Shapley-Shubik": dict(ssi), "Banzhaf": dict(bz)}``. Players are taken in
        the order of the first index; a player missing from an index gets no bar there.
    title : str, optional
        The axes title, wrapped to the figure's width; by default "Power indices".
    log : bool
        Logarithmic value axis (useful when a veto holder has 100 times an elected member).
    ylabel : str or None
        Label of the value axis; None for no label.

    {{figure}}

    Raises
    ------
    InvalidArgumentError
        If ``indices`` is empty.
    {{no_matplotlib}}

    Examples
    --------
    >>> fig = power_index_bars({"SS": {"a": 0.75, "b": 0.25}, "BZ": {"a": 0.5, "b": 0.5}})
    >>> [float(bar.get_height()) for bar in fig.axes[0].patches]
    [0.75, 0.25, 0.5, 0.5]
    """
    indices = as_mapping(indices, "indices")
    if not indices:
        raise InvalidArgumentError("indices is empty: give {index name: {player: value}}")
    for name, values in indices.items():
        if not isinstance(values, Mapping):
            raise InvalidArgumentError(
                f"indices[{name!r}] must be a mapping {{player: "
                f"value}}, got {type(values).__name__}."
            )
    title = as_text(title, "title")
    ylabel = as_text(ylabel, "ylabel")
    players: list[str] = []
    for values in indices.values():
        players += [str(p) for p in values if str(p) not in players]
    n, m = len(players), len(indices)
    width_inches = max(6.0, min(11.0, 0.3 * n * max(1, m) + 2))
    fig, ax = new_figure(width_inches, 5.2)
    width = 0.8 / m
    for k, (name, values) in enumerate(indices.items()):
        values = {str(p): as_float(v) for p, v in values.items()}
        xs = [i - 0.4 + width * (k + 0.5) for i, p in enumerate(players) if p in values]
        ys = [values[p] for p in players if p in values]
        bars = ax.bar(xs, ys, width=width, label=name)
        if n * m <= 24:
            ax.bar_label(bars, fmt="%.3g", fontsize=7, padding=1)
    ax.set_xticks(range(n))
    ax.set_xticklabels(
        players,
        rotation=40 if n > 6 else 0,
        ha="right" if n > 6 else "center",
        rotation_mode="anchor",
        fontsize=8 if n > 12 else 9,
    )
    if log:
        ax.set_yscale("log")
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(textwrap.fill(title or "Power indices", int(width_inches * 9)))
    if m > 1:
        ax.legend(fontsize=8)
    return fig
