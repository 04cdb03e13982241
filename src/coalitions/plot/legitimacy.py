"""The legitimacy-efficiency trade-off of a decision rule, as curves over the quota."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..exceptions import InvalidArgumentError
from ._mpl import as_floats, as_mapping, as_text, new_figure, plot_doc

__all__ = ["legitimacy_efficiency_curves"]


@plot_doc("figure", "no_matplotlib")
def legitimacy_efficiency_curves(
    quotas: Sequence[Any],
    power_to_act: Sequence[Any],
    *,
    protection: Mapping[str, Sequence[Any]] | None = None,
    protection_label: str = "risk of being outvoted",
    log: bool = True,
    title: str | None = None,
    xlabel: str = "quota",
) -> Any:
    """Two panels over the quota: the body's power to act (efficiency), and each member's
    protection (for example the risk of being outvoted, or the power to prevent action).

    Parameters
    ----------
    quotas : sequence of numbers
        The quotas swept, e.g. ``range(8, 16)`` for a 15-member body.
    power_to_act : sequence of numbers
        Coleman's power of the collectivity to act at each quota.
    protection : dict, optional
        ``{member or group: [value at each quota]}``.
    protection_label : str
        What the second panel shows.
    log : bool
        Logarithmic axis for the power to act (it falls geometrically towards unanimity).
    title : str, optional
        The title above both panels; by default "Legitimacy versus efficiency".
    xlabel : str
        Label of the quota axis of both panels.

    {{figure}}

    Raises
    ------
    InvalidArgumentError
        If a curve's length differs from the number of quotas.
    {{no_matplotlib}}

    Examples
    --------
    >>> fig = legitimacy_efficiency_curves([2, 3], [0.5, 0.125], protection={"a": [0.25, 0]})
    >>> [ax.get_title() for ax in fig.axes], [float(y) for y in fig.axes[0].lines[0].get_ydata()]
    (['Efficiency', 'Protection of members'], [0.5, 0.125])
    """
    qs = as_floats(quotas, "quotas")
    act = as_floats(power_to_act, "power_to_act")
    protection = as_mapping(protection, "protection")
    for name, what in (
        (protection_label, "protection_label"),
        (title, "title"),
        (xlabel, "xlabel"),
    ):
        as_text(name, what)
    if not qs:
        raise InvalidArgumentError("quotas is empty: give the quotas swept")
    if len(act) != len(qs):
        raise InvalidArgumentError(f"power_to_act has {len(act)} values for {len(qs)} quotas")
    panels = 2 if protection else 1
    fig, axes = new_figure(5.2 * panels + 0.6, 4.4, ncols=panels)
    first = axes[0] if panels == 2 else axes
    first.plot(qs, act, marker="o", color="tab:red")
    if log and all(a > 0 for a in act):
        first.set_yscale("log")
    first.set_xlabel(xlabel)
    first.set_ylabel("power to act (share of proposals that pass)")
    first.set_title("Efficiency")
    first.grid(alpha=0.3)
    if protection:
        second = axes[1]
        for name, values in protection.items():
            values = as_floats(values, f"protection[{name!r}]")
            if len(values) != len(qs):
                raise InvalidArgumentError(
                    f"protection[{name!r}] has {len(values)} values for {len(qs)} quotas"
                )
            second.plot(qs, values, marker="o", label=str(name))
        second.set_xlabel(xlabel)
        second.set_ylabel(protection_label)
        second.set_title("Protection of members")
        second.grid(alpha=0.3)
        second.legend(fontsize=8)
    fig.suptitle(title or "Legitimacy versus efficiency")
    return fig
