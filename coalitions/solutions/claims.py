"""Rules for claims (bankruptcy) problems: an estate smaller than the sum of the claims.

A claims problem is an estate ``E >= 0`` and claims ``d_i >= 0`` with ``E <= sum d``. The rules
here act on the problem directly (no 2**n table), in exact arithmetic for rational input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, check_choice, name_list
from ..exceptions import CoalitionsError, InvalidProblemError
from ..results import ValueResult

__all__ = [
    "proportional_rule",
    "constrained_equal_awards",
    "constrained_equal_losses",
    "talmud_rule",
    "capped_proportional_rule",
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


def capped_proportional_rule(
    total: Any,
    bases: Sequence[Any],
    caps: Sequence[Any],
    players: Iterable[str] | None = None,
) -> ValueResult:
    r"""Shares proportional to bases, with ceilings:
    :math:`x_i = \min(c_i, \lambda b_i)` with :math:`\lambda` such that :math:`\sum x = T`.

    Members whose proportional share would pass their cap pay the cap, and what they do not
    pay is spread over the others in proportion to their bases; this is how a ceiling rate
    works in the UN scale of assessments (22 % for the largest contributor).

    Parameters
    ----------
    total : number
        The amount to share, :math:`T` (e.g. 100 for a scale in percent).
    bases : sequence of numbers
        Non-negative bases :math:`b_i` (e.g. shares of world income) with a positive sum.
    caps : sequence of numbers
        The ceilings :math:`c_i`, one per member, adding up to at least ``total``.
    players : sequence of str, optional
        Member names (default ``"1"``, ..., ``"n"``).

    Returns
    -------
    ValueResult
        ``x`` the shares, exact (Fractions) when every input is an integer or a Fraction.

    Raises
    ------
    InvalidProblemError
        For mismatched lengths, negative bases, caps below ``total`` in sum, or non-numbers.

    Notes
    -----
    The members that pay their cap are found by raising the set of capped members until no
    other member's proportional share passes its cap (at most n rounds of O(n)).

    References
    ----------
    United Nations General Assembly (2018) resolution 73/271, "Scale of assessments for the
    apportionment of the expenses of the United Nations" (the 22 % ceiling); Young, H.P. (1994)
    *Equity in Theory and Practice*, Princeton University Press, ch. 4 (proportional rules).

    Examples
    --------
    >>> import coalitions as co
    >>> co.capped_proportional_rule(100, [50, 30, 20], [40, 100, 100]).x.tolist()
    [Fraction(40, 1), Fraction(36, 1), Fraction(24, 1)]
    """
    rule = "capped_proportional_rule"
    bases, caps = (
        as_list(bases, f"{rule}: bases", InvalidProblemError),
        as_list(caps, f"{rule}: caps", InvalidProblemError),
    )
    if len(bases) != len(caps) or not bases:
        raise InvalidProblemError(
            f"{rule}: {len(bases)} bases and {len(caps)} caps; give one cap per base."
        )
    try:
        array, kind = nb.coerce_values([total, *bases, *caps], what="total, bases and caps")
    except (ValueError, CoalitionsError) as error:
        raise InvalidProblemError(f"{rule}: {error}") from None
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(f"{rule} compares shares with caps, so they must be numbers.")
    values = [float(v) for v in array] if kind == nb.FLOAT else list(array)
    n = len(bases)
    total, bases, caps = values[0], values[1 : n + 1], values[n + 1 :]
    if any(b < 0 for b in bases) or sum(bases) <= 0:
        raise InvalidProblemError(f"{rule}: bases must be non-negative with a positive sum.")
    if sum(caps) < total:
        raise InvalidProblemError(
            f"{rule}: the caps add up to {sum(caps)}, less than the total {total}: no scale "
            "can respect them; raise the caps."
        )
    names = (
        tuple(name_list(players, f"{rule}: players", InvalidProblemError))
        if players is not None
        else tuple(str(i + 1) for i in range(n))
    )
    if len(names) != n or len(set(names)) != n:
        raise InvalidProblemError(f"{rule}: give {n} distinct player names.")
    capped: set[int] = set()
    while True:
        free = [i for i in range(n) if i not in capped]
        weight = sum(bases[i] for i in free)
        remaining = total - sum(caps[i] for i in capped)
        if not weight:
            raise InvalidProblemError(
                f"{rule}: the members below their caps have zero bases, so {remaining} is "
                "left that nobody's base can carry; raise the caps of the members with bases."
            )
        lam = remaining / weight
        over = [i for i in free if lam * bases[i] > caps[i]]
        if not over:
            x = [caps[i] if i in capped else lam * bases[i] for i in range(n)]
            return _result(x, names, kind, "capped-proportional")
        capped.update(over)


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
