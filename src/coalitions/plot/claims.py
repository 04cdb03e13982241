"""Figures of claims (bankruptcy) problems: Lorenz curves of allocations and the paths of the
claims rules as the estate grows."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from numbers import Integral
from typing import Any

from .._checks import as_list
from ..exceptions import InvalidArgumentError, InvalidProblemError
from ..solutions.claims import CLAIMS_RULES
from . import _mpl
from ._mpl import as_float, as_floats, as_text, new_figure, plot_doc

__all__ = ["lorenz_curves", "lorenz_points", "claims_paths"]


def lorenz_points(allocation: Any) -> tuple[list[float], list[float]]:
    """The Lorenz curve of a non-negative allocation: population shares and income shares.

    With the payoffs sorted increasingly, :math:`x_{(1)} \\le \\dots \\le x_{(n)}`, the curve
    joins the points :math:`(k/n, \\sum_{j \\le k} x_{(j)} / \\sum_j x_j)` for
    :math:`k = 0, \\dots, n`: it runs from (0, 0) to (1, 1), is convex, and is the diagonal
    exactly for the equal split.

    Parameters
    ----------
    allocation : sequence of numbers or a result with ``x``
        Non-negative payoffs with a positive sum.

    Returns
    -------
    tuple of list of float
        The ``n + 1`` population shares and the ``n + 1`` cumulative shares.

    Raises
    ------
    InvalidArgumentError
        If a payoff is negative or not a finite number, or they add up to zero.

    Examples
    --------
    >>> lorenz_points([3, 1])
    ([0.0, 0.5, 1.0], [0.0, 0.25, 1.0])
    """
    x = sorted(as_floats(getattr(allocation, "x", allocation), "an allocation"))
    if not x:
        raise InvalidArgumentError("a Lorenz curve needs at least one payoff")
    if x[0] < 0:
        raise InvalidArgumentError(
            f"a Lorenz curve needs non-negative payoffs, got {x[0]:.6g}; shift the allocation "
            "or draw the payoffs above the stand-alone values"
        )
    total = sum(x)
    if total <= 0:
        raise InvalidArgumentError("a Lorenz curve needs payoffs with a positive sum")
    n, running, shares = len(x), 0.0, [0.0]
    for value in x:
        running += value
        shares.append(running / total)
    shares[-1] = 1.0
    return [k / n for k in range(n + 1)], shares


@plot_doc("figure", "no_matplotlib")
def lorenz_curves(allocations: Mapping[str, Any], *, title: str | None = None) -> Any:
    """Draw the Lorenz curves of named allocations with the line of equality.

    A curve lower than another everywhere belongs to a less equal allocation (Lorenz
    dominance); the Lorenz curve of each allocation is :func:`lorenz_points`.

    Parameters
    ----------
    allocations : dict
        Name -> non-negative payoffs (a sequence or a result with ``x``, e.g. the awards of
        :func:`coalitions.talmud_rule` or a value of a game), any numbers of players.
    title : str, optional
        The axes title; by default "Lorenz curves".

    {{figure}}

    Raises
    ------
    InvalidArgumentError
        If ``allocations`` is empty or not a mapping, or an allocation is not non-negative
        with a positive sum.
    {{no_matplotlib}}

    Examples
    --------
    >>> import coalitions as co
    >>> fig = lorenz_curves({"proportional": co.proportional_rule(200, [100, 200, 300]),
    ...                      "Talmud": co.talmud_rule(200, [100, 200, 300])})
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['equality', 'proportional', 'Talmud']
    >>> [round(float(y), 3) for y in fig.axes[0].get_lines()[2].get_ydata()]
    [0.0, 0.25, 0.625, 1.0]
    """
    if not isinstance(allocations, Mapping):
        raise InvalidArgumentError(
            f"allocations must be a mapping {{name: payoffs}}, got {type(allocations).__name__}"
        )
    if not allocations:
        raise InvalidArgumentError("allocations is empty: give at least one {name: payoffs}")
    title = as_text(title, "title")
    curves = {str(name): lorenz_points(x) for name, x in allocations.items()}
    fig, ax = new_figure(5.6, 5.2)
    ax.plot([0, 1], [0, 1], color="0.5", lw=1, linestyle="--", label="equality")
    for k, (name, (population, shares)) in enumerate(curves.items()):
        ax.plot(population, shares, marker=_mpl.MARKERS[k % len(_mpl.MARKERS)], ms=5, label=name)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("share of the claimants (poorest first)")
    ax.set_ylabel("share of the total")
    ax.set_title(title or "Lorenz curves")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig


def _rule(rule: Any) -> tuple[str, Callable[..., Any]]:
    """A claims rule given by name (a key of ``CLAIMS_RULES``) or as a callable."""
    if isinstance(rule, str):
        if rule not in CLAIMS_RULES:
            raise InvalidArgumentError(
                f"unknown claims rule {rule!r}; choose from {', '.join(CLAIMS_RULES)} or pass "
                "a rule such as coalitions.talmud_rule"
            )
        rule = CLAIMS_RULES[rule]
    if callable(rule):
        return str(getattr(rule, "__name__", "rule")).replace("_", " "), rule
    raise InvalidArgumentError(f"a claims rule is a name or a function, not {rule!r}")


def _estates(estate_range: Any, claims: list) -> list:
    """The estates: ``m`` evenly spaced from 0 to the sum of the claims (exact for exact
    claims), or the given sequence."""
    if isinstance(estate_range, Integral) and not isinstance(estate_range, bool):
        m = int(estate_range)
        if not 2 <= m <= 10_000:
            raise InvalidArgumentError(f"estate_range must be between 2 and 10000 estates, got {m}")
        exact = all(isinstance(c, (Integral, Fraction)) and not isinstance(c, bool) for c in claims)
        total = sum(Fraction(c) for c in claims) if exact else sum(as_float(c) for c in claims)
        return [total * Fraction(k, m - 1) if exact else total * k / (m - 1) for k in range(m)]
    estates = as_list(
        estate_range, "estate_range", expected="a number of estates or a list of estates"
    )
    if not estates:
        raise InvalidArgumentError("estate_range is empty: give at least one estate")
    return estates


@plot_doc("figure", "no_matplotlib")
def claims_paths(
    estate_range: Any,
    claims: Sequence[Any],
    rules: Sequence[Any] = ("proportional", "cea", "cel", "talmud"),
    *,
    players: Sequence[str] | None = None,
    title: str | None = None,
) -> Any:
    """Draw each claims rule's awards as the estate grows from 0 to the sum of the claims.

    One panel per rule, one line per claimant: the award :math:`x_i(E)` against the estate
    :math:`E`. Every rule here is monotone in the estate, so each line rises from 0 to the
    claim :math:`d_i`; where they differ is the order in which claimants are served (the
    proportional rule in proportion to the claims, constrained equal awards the small claims
    first, constrained equal losses the large ones, the Talmud rule half-claims first).

    Parameters
    ----------
    estate_range : int or sequence of numbers
        An integer ``m`` draws ``m`` estates evenly spaced from 0 to the sum of the claims
        (exact fractions for integer or fractional claims); a sequence gives the estates.
    claims : sequence of numbers
        The non-negative claims.
    rules : sequence of str or callables
        Names in ``coalitions.solutions.claims.CLAIMS_RULES`` (``"proportional"``, ``"cea"``,
        ``"cel"``, ``"talmud"``) or functions ``rule(estate, claims, players)`` returning a
        result with ``x``, such as :func:`coalitions.talmud_rule`.
    players : sequence of str, optional
        Claimant names (default ``"1"``, ..., ``"n"``).
    title : str, optional
        The figure's title; by default "Awards as the estate grows".

    {{figure}}

    Raises
    ------
    InvalidArgumentError
        If ``rules`` is empty or names an unknown rule, or ``estate_range`` is neither a
        count from 2 to 10000 nor a list of estates.
    InvalidProblemError
        If the claims or an estate do not make a claims problem (from the rule).
    {{no_matplotlib}}

    Examples
    --------
    >>> fig = claims_paths(5, [100, 200, 300], rules=("cea", "talmud"))
    >>> [ax.get_title() for ax in fig.axes]
    ['constrained equal awards', 'talmud rule']
    >>> [float(y) for y in fig.axes[1].get_lines()[0].get_ydata()]
    [0.0, 50.0, 50.0, 50.0, 100.0]
    """
    claims_list = as_list(claims, "claims", InvalidProblemError, expected="a list of numbers")
    chosen = [_rule(rule) for rule in as_list(rules, "rules", expected="a list of rules")]
    if not chosen:
        raise InvalidArgumentError("rules is empty: name at least one claims rule")
    title = as_text(title, "title")
    estates = _estates(estate_range, claims_list)
    paths = []
    for name, rule in chosen:
        results = [rule(estate, claims_list, players) for estate in estates]
        paths.append((name, results))
    names = list(paths[0][1][0].players)
    x_axis = [as_float(e) for e in estates]
    fig, axes = new_figure(3.6 * len(chosen) + 0.8, 3.8, ncols=len(chosen))
    axes = list(axes) if len(chosen) > 1 else [axes]
    for ax, (name, results) in zip(axes, paths):
        for i, player in enumerate(names):
            ax.plot(x_axis, [as_float(r.x[i]) for r in results], marker=".", label=player)
        ax.set_title(name)
        ax.set_xlabel("estate")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("award")
    axes[-1].legend(title="claimant", fontsize=8, frameon=False)
    fig.suptitle(title or "Awards as the estate grows")
    return fig
