"""The equilibrium policy functions of bargaining with an endogenous status quo, and the
long-run distribution of policies they lead to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..exceptions import InvalidProblemError
from ._mpl import as_floats, as_mapping, as_text, new_figure, plot_doc

__all__ = ["policy_function_diagram"]


def _grid(values: Any, what: str, size: int | None = None) -> np.ndarray:
    numbers = np.asarray(as_floats(values, what))
    if size is not None and len(numbers) != size:
        raise InvalidProblemError(
            f"{what} needs one number per policy of the grid ({size}), got {len(numbers)}"
        )
    return numbers


@plot_doc("figure", "no_matplotlib")
def policy_function_diagram(
    policies: Sequence[Any],
    outcomes: Mapping[str, Sequence[Any]],
    *,
    long_run: Sequence[Any] | None = None,
    status_quo: Any = None,
    stable: Sequence[Any] = (),
    title: str | None = None,
    axis_label: str = "policy",
) -> Any:
    """Draw each proposer's equilibrium policy function and the long-run distribution.

    In a Markov-perfect equilibrium of bargaining with an endogenous status quo (Baron 1996;
    Kalandrakis 2004) the proposer ``i`` recognised at status quo ``s`` passes the policy
    ``P_i(s)``, which becomes the next status quo. The left panel draws ``P_i`` against
    ``s``: where a curve meets the dashed diagonal, that proposer cannot move the status quo.
    The stable policies (those that stay in force once reached) are marked on the diagonal.
    The right panel, when ``long_run`` is given, draws the long-run probability of each
    policy from the initial status quo.

    Parameters
    ----------
    policies : sequence of numbers
        The policy grid (increasing), ``m`` points.
    outcomes : dict
        ``{proposer: [P(s) for s in policies]}``, one curve per proposer.
    long_run : sequence of numbers, optional
        The long-run probability of each grid policy (``m`` numbers).
    status_quo : number, optional
        The initial status quo, marked on both panels.
    stable : sequence of numbers
        The policies that stay in force once reached.
    title : str, optional
        The figure's title; by default "Equilibrium policy functions".
    axis_label : str
        Name of the policy dimension.

    {{figure}}

    Raises
    ------
    InvalidProblemError
        If there are no proposers, or a curve or the distribution does not have one number
        per grid policy.
    {{no_matplotlib}}

    References
    ----------
    .. [1] Kalandrakis, T. (2004). A three-player dynamic majoritarian bargaining game.
       *Journal of Economic Theory* 116(2), 294-322.
    .. [2] Nunnari, S. (2021). Dynamic legislative bargaining with veto power: theory and
       experiments. *Games and Economic Behavior* 126, 186-230.

    Examples
    --------
    >>> fig = policy_function_diagram(
    ...     [0, 0.5, 1], {"A": [0, 0, 0.5], "B": [0.5, 0.5, 1]}, long_run=[0.2, 0.6, 0.2]
    ... )
    >>> [ax.get_title() for ax in fig.axes]
    ['Policy functions', 'Long-run distribution']
    """
    grid = _grid(policies, "policies")
    if len(grid) < 2 or np.any(np.diff(grid) <= 0):
        raise InvalidProblemError("policies must be an increasing grid of at least 2 points")
    curves = {
        str(name): _grid(c, f"outcomes[{name!r}]", len(grid))
        for name, c in as_mapping(outcomes, "outcomes").items()
    }
    if not curves:
        raise InvalidProblemError("give at least one proposer's policy function in outcomes")
    distribution = None if long_run is None else _grid(long_run, "long_run", len(grid))
    stable_points = as_floats(stable, "stable")
    start = None if status_quo is None else as_floats([status_quo], "status_quo")[0]
    title = as_text(title, "title")
    label = as_text(axis_label, "axis_label") or "policy"

    fig, axes = new_figure(
        10.0 if distribution is not None else 5.6, 4.6, ncols=2 if distribution is not None else 1
    )
    ax = axes[0] if distribution is not None else axes
    ax.plot(grid, grid, color="grey", lw=1, ls="--", label="status quo kept")
    for name, curve in curves.items():
        ax.step(grid, curve, where="mid", lw=1.8, label=f"{name} proposes")
    if stable_points:
        ax.plot(stable_points, stable_points, "o", color="black", ms=4, label="stable policies")
    if start is not None:
        ax.axvline(start, color="tab:red", lw=0.8, ls=":", label=f"initial status quo {start:g}")
    ax.set_xlabel(f"status quo ({label})")
    ax.set_ylabel(f"policy passed ({label})")
    ax.set_title("Policy functions")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    if distribution is not None:
        right = axes[1]
        width = float(np.min(np.diff(grid)))
        right.bar(grid, distribution, width=width, color="tab:blue", alpha=0.7)
        if start is not None:
            right.axvline(start, color="tab:red", lw=0.8, ls=":")
        right.set_xlabel(label)
        right.set_ylabel("long-run probability")
        right.set_title("Long-run distribution")
        right.grid(alpha=0.3)
    fig.suptitle(title or "Equilibrium policy functions")
    return fig
