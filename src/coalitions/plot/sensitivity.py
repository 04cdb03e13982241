"""Figures of the analysis tools: the tornado diagram of a sensitivity analysis and the bars of
a scenario comparison."""

from __future__ import annotations

from typing import Any

from .._docstrings import fill_doc
from ..exceptions import InvalidArgumentError
from ._mpl import DOCS, as_float, new_figure

__all__ = ["tornado", "scenario_bars"]

#: The end of both docstrings: the title, the figure returned, and the errors.
_TAIL = f"""title : str, optional
    The axes title; by default the name of what is drawn.

{DOCS["figure"]}

Raises
------
InvalidArgumentError
    If ``result`` is not the kind of result this figure draws, or has nothing of that name.
{DOCS["no_matplotlib"]}"""


@fill_doc(tail=_TAIL)
def tornado(result: Any, quantity: str, *, title: str | None = None) -> Any:
    """The tornado diagram of one quantity of a :func:`coalitions.sensitivity` result (or of
    one player's payoff in a :func:`coalitions.solution_sensitivity` result, one bar per
    uncertain coalition).

    One horizontal bar per assumption, widest swing on top: the bar spans the values the
    quantity takes as that assumption alone sweeps its range (the others at their baselines),
    and a vertical line marks the baseline value.

    Parameters
    ----------
    result : SensitivityResult
    quantity : str
        One of the result's quantities (a key of ``result.tornado``). A conclusion (a label)
        has no tornado: its breakpoints are in ``result.breakpoints``.
    {{tail}}

    Examples
    --------
    >>> import coalitions as co
    >>> result = co.sensitivity(
    ...     lambda w, s: {"share": w * s},
    ...     [co.Assumption("w", 0.5, 0.2, 0.8), co.Assumption("s", 1, 0.5, 2)],
    ...     samples=8,
    ...     rng=0,
    ... )
    >>> fig = tornado(result, "share")
    >>> [label.get_text() for label in fig.axes[0].get_yticklabels()]
    ['w', 's']
    >>> [round(float(bar.get_width()), 2) for bar in fig.axes[0].patches]
    [0.6, 0.75]
    """
    rows = getattr(result, "tornado", None)
    if not isinstance(rows, dict):
        raise InvalidArgumentError(
            f"tornado needs the result of coalitions.sensitivity, got {type(result).__name__}."
        )
    if not isinstance(quantity, str) or quantity not in rows:
        raise InvalidArgumentError(
            f"tornado: no quantity {quantity!r}; the result has {sorted(rows)}."
        )
    ordered = list(reversed(rows[quantity]))  # widest on top
    figure, ax = new_figure(6.4, 0.6 * len(ordered) + 1.6)
    for k, row in enumerate(ordered):
        ax.barh(k, row["max"] - row["min"], left=row["min"], color="tab:blue", alpha=0.7)
    ax.axvline(as_float(result.baseline[quantity]), color="black", linewidth=1, label="baseline")
    ax.set_yticks(range(len(ordered)), [row["assumption"] for row in ordered])
    ax.set_xlabel(quantity)
    ax.set_title(quantity if title is None else title)
    ax.legend(loc="best")
    return figure


@fill_doc(tail=_TAIL)
def scenario_bars(result: Any, metric: str, *, title: str | None = None) -> Any:
    """Grouped bars of one metric of a :func:`coalitions.compare_scenarios` result: one group
    per member (a single group for a scalar metric), one bar per scenario.

    Parameters
    ----------
    result : ScenarioResult
    metric : str
        One of the result's metrics. A member absent from a scenario has no bar there.
    {{tail}}

    Examples
    --------
    >>> import coalitions as co
    >>> table = co.compare_scenarios(
    ...     {"2 of 3": co.WeightedVotingGame(2, [1, 1, 1]), "3 of 3": co.WeightedVotingGame(3, [1, 1, 1])},
    ...     {"act": co.coleman_power_to_act},
    ... )
    >>> fig = scenario_bars(table, "act")
    >>> [float(bar.get_height()) for bar in fig.axes[0].patches]
    [0.5, 0.125]
    """
    if not hasattr(result, "scenarios") or not isinstance(metric, str):
        raise InvalidArgumentError(
            f"scenario_bars needs the result of coalitions.compare_scenarios and a metric "
            f"name, got {type(result).__name__} and {metric!r}."
        )
    rows = [row for row in result.rows if row["metric"] == metric]
    if not rows:
        metrics = sorted({row["metric"] for row in result.rows})
        raise InvalidArgumentError(
            f"scenario_bars: no metric {metric!r}; the result has {metrics}."
        )
    scenarios = list(result.scenarios)
    width = 0.8 / len(scenarios)
    figure, ax = new_figure(max(6.4, 0.5 * len(rows) * len(scenarios)), 4.8)
    for k, scenario in enumerate(scenarios):
        heights = [row["values"][scenario] for row in rows]
        positions = [j + (k - (len(scenarios) - 1) / 2) * width for j in range(len(rows))]
        kept = [(x, as_float(h)) for x, h in zip(positions, heights) if h is not None]
        ax.bar([x for x, _ in kept], [h for _, h in kept], width, label=scenario)
    ax.set_xticks(range(len(rows)), [row["member"] or metric for row in rows])
    ax.set_title(metric if title is None else title)
    ax.legend(loc="best")
    return figure
