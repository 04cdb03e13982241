"""Rules for claims (bankruptcy) problems: an estate smaller than the sum of the claims.

A claims problem is an estate ``E >= 0`` and claims ``d_i >= 0`` with ``E <= sum d``. The rules
here act on the problem directly (no 2**n table), in exact arithmetic for rational input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import check_choice, name_list
from ..exceptions import InvalidProblemError
from ..results import ValueResult

__all__ = [
    "proportional_rule",
    "constrained_equal_awards",
    "constrained_equal_losses",
    "talmud_rule",
    "CLAIMS_RULES",
    "claims_rule",
]


def _problem(estate: Any, claims: Sequence[Any], players: Iterable[str] | None, rule: str):
    try:
        claims = list(claims)
    except TypeError:
        raise InvalidProblemError(f"{rule}: claims must be a sequence of numbers.") from None
    if not claims:
        raise InvalidProblemError(f"{rule}: a claims problem needs at least one claimant.")
    try:
        array, kind = nb.coerce_values(claims + [estate], what="claims and estate")
    except ValueError as error:
        raise InvalidProblemError(f"{rule}: {error}") from None
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(f"{rule} compares claims, so they must be numbers, not symbols.")
    values = [float(v) for v in array] if kind == nb.FLOAT else list(array)
    *claims, estate = values
    if any(c < 0 for c in claims):
        raise InvalidProblemError(f"{rule}: claims must be non-negative, got {claims}.")
    total = sum(claims)
    tol = 1e-12 * max(1.0, abs(float(total))) if kind == nb.FLOAT else 0
    if estate < -tol or estate > total + tol:
        raise InvalidProblemError(
            f"{rule}: the estate must lie between 0 and the sum of the claims ({total}), got "
            f"{estate}."
        )
    names = (
        tuple(name_list(players, f"{rule}: players", InvalidProblemError))
        if players is not None
        else tuple(str(i + 1) for i in range(len(claims)))
    )
    if len(set(names)) != len(names):
        raise InvalidProblemError(f"{rule}: player names must be distinct, got {names}.")
    if len(names) != len(claims):
        raise InvalidProblemError(f"{rule}: {len(names)} player names for {len(claims)} claims.")
    return estate, claims, names, kind


def _result(x: list, names: tuple, kind: str, concept: str) -> ValueResult:
    if kind == nb.FLOAT:
        array = np.asarray(x, dtype=np.float64) + 0.0
    else:
        array = np.empty(len(x), dtype=object)
        array[:] = x
    array.setflags(write=False)
    return ValueResult(
        x=array, players=names, exact=kind != nb.FLOAT, concept=concept, method="closed-form"
    )


def _cea(estate, claims, kind):
    """Constrained equal awards: x_i = min(d_i, lam) with sum x = estate."""
    n = len(claims)
    order = sorted(range(n), key=lambda i: claims[i])
    x = [nb.constant(0, kind)] * n
    remaining = estate
    for position, i in enumerate(order):
        share = remaining / (n - position)
        if claims[i] <= share:
            x[i] = claims[i]
            remaining -= claims[i]
        else:
            for j in order[position:]:
                x[j] = share
            break
    return x


def proportional_rule(
    estate: Any, claims: Sequence[Any], players: Iterable[str] | None = None
) -> ValueResult:
    r"""The proportional rule: :math:`x_i = \lambda d_i` with :math:`\lambda = E / \sum d`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.proportional_rule(200, [100, 200, 300]).x.tolist()
    [Fraction(100, 3), Fraction(200, 3), Fraction(100, 1)]
    """
    estate, claims, names, kind = _problem(estate, claims, players, "proportional_rule")
    total = sum(claims)
    if total == 0:
        return _result(list(claims), names, kind, "proportional")
    return _result([estate * c / total for c in claims], names, kind, "proportional")


def constrained_equal_awards(
    estate: Any, claims: Sequence[Any], players: Iterable[str] | None = None
) -> ValueResult:
    r"""Constrained equal awards (CEA): :math:`x_i = \min(d_i, \lambda)`, :math:`\sum x = E`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.constrained_equal_awards(200, [100, 200, 300]).x.tolist()
    [Fraction(200, 3), Fraction(200, 3), Fraction(200, 3)]
    """
    estate, claims, names, kind = _problem(estate, claims, players, "constrained_equal_awards")
    return _result(_cea(estate, claims, kind), names, kind, "constrained-equal-awards")


def constrained_equal_losses(
    estate: Any, claims: Sequence[Any], players: Iterable[str] | None = None
) -> ValueResult:
    r"""Constrained equal losses (CEL): :math:`x_i = \max(0, d_i - \lambda)`, :math:`\sum x = E`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.constrained_equal_losses(200, [100, 200, 300]).x.tolist()
    [Fraction(0, 1), Fraction(50, 1), Fraction(150, 1)]
    """
    estate, claims, names, kind = _problem(estate, claims, players, "constrained_equal_losses")
    losses = _cea(sum(claims) - estate, claims, kind)
    return _result([c - l for c, l in zip(claims, losses)], names, kind, "constrained-equal-losses")


def talmud_rule(
    estate: Any, claims: Sequence[Any], players: Iterable[str] | None = None
) -> ValueResult:
    r"""The Talmud rule (Aumann and Maschler 1985).

    CEA on the half-claims when :math:`E \le D/2`; otherwise each claimant gets its claim
    minus its CEA share of the loss :math:`D - E` on the half-claims. It equals the nucleolus
    of the bankruptcy game.

    References
    ----------
    .. [1] Aumann, R. J. and Maschler, M. (1985). Game theoretic analysis of a bankruptcy
       problem from the Talmud. *Journal of Economic Theory* 36(2), 195-213.

    Examples
    --------
    >>> import coalitions as co
    >>> [co.talmud_rule(e, [100, 200, 300]).x.tolist() for e in (100, 200, 300)]  # doctest: +NORMALIZE_WHITESPACE
    [[Fraction(100, 3), Fraction(100, 3), Fraction(100, 3)],
     [Fraction(50, 1), Fraction(75, 1), Fraction(75, 1)],
     [Fraction(50, 1), Fraction(100, 1), Fraction(150, 1)]]
    """
    estate, claims, names, kind = _problem(estate, claims, players, "talmud_rule")
    half = [c / 2 for c in claims]
    total = sum(claims)
    if estate <= total / 2:
        x = _cea(estate, half, kind)
    else:
        losses = _cea(total - estate, half, kind)
        x = [c - l for c, l in zip(claims, losses)]
    return _result(x, names, kind, "talmud")


CLAIMS_RULES = {
    "proportional": proportional_rule,
    "cea": constrained_equal_awards,
    "cel": constrained_equal_losses,
    "talmud": talmud_rule,
}


def claims_rule(
    estate: Any, claims: Sequence[Any], rule: str = "talmud", players: Iterable[str] | None = None
) -> ValueResult:
    """Apply a named rule: ``"proportional"``, ``"cea"``, ``"cel"`` or ``"talmud"``.

    Examples
    --------
    >>> import coalitions as co
    >>> co.claims_rule(300, [100, 200, 300], "cea").x.tolist()
    [Fraction(100, 1), Fraction(100, 1), Fraction(100, 1)]
    """
    check_choice(rule, CLAIMS_RULES, what="rule")
    return CLAIMS_RULES[rule](estate, claims, players)
