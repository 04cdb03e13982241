"""Rules for claims (bankruptcy) problems: an estate smaller than the sum of the claims.

A claims problem is an estate ``E >= 0`` and claims ``d_i >= 0`` with ``E <= sum d``. The rules
here act on the problem directly (no 2**n table), in exact arithmetic for rational input.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, check_choice, front_door, name_list
from .._docstrings import fill_doc
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


#: The choices of ``method=`` in every rule here: each is a closed formula (the only method).
CLAIMS_METHODS = ("closed-form",)

_DOC = {
    "problem": """
        estate : number
            The estate :math:`E`, between 0 and the sum of the claims.
        claims : sequence of numbers
            The non-negative claims :math:`d_i`, one per claimant.
        players : sequence of str, optional
            Claimant names (default ``"1"``, ..., ``"n"``).""",
    "method": """
        method : {"closed-form"}, default "closed-form"
            The rule's formula (the only method).""",
    "returns": """
        ValueResult
            ``x`` the awards, exact (Fractions) when every input is an integer or a Fraction.""",
    "thomson": """
        References
        ----------
        .. [1] Thomson, W. (2003). Axiomatic and game-theoretic analysis of bankruptcy and
           taxation problems: a survey. *Mathematical Social Sciences* 45(3), 249-297.""",
    "survey": """
        Examples
        --------
        Four rules on one problem (estate 200, claims 100, 200 and 300):

        >>> import coalitions as co
        >>> rules = (co.proportional_rule, co.constrained_equal_awards,
        ...          co.constrained_equal_losses, co.talmud_rule)
        >>> for rule in rules:
        ...     print(rule.__name__, [str(award) for award in rule(200, [100, 200, 300]).x])
        proportional_rule ['100/3', '200/3', '100']
        constrained_equal_awards ['200/3', '200/3', '200/3']
        constrained_equal_losses ['0', '50', '150']
        talmud_rule ['50', '75', '75']

    """,
}
#: The Parameters and Returns sections of every rule made by :func:`_claims_rule`.
_DOC["sections"] = "\n".join(
    textwrap.dedent(_DOC[key]).strip("\n") if key in _DOC else key
    for key in ("Parameters\n----------", "problem", "method", "\nReturns\n-------", "returns")
)


def _numbers(values: list, what: str, rule: str, why: str) -> tuple[list, str]:
    """``values`` in one number kind (floats, or exact), refusing symbols (``why`` says why)."""
    try:
        array, kind = nb.coerce_values(values, what=what)
    except (ValueError, CoalitionsError) as error:
        raise InvalidProblemError(f"{rule}: {error}") from None
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(f"{rule} {why}, so they must be numbers, not symbols.")
    return ([float(v) for v in array] if kind == nb.FLOAT else list(array)), kind


def _names(players: Iterable[str] | None, n: int, rule: str) -> tuple[str, ...]:
    """The ``n`` distinct claimant names (default ``"1"``, ..., ``"n"``)."""
    if players is None:
        return tuple(str(i + 1) for i in range(n))
    names = tuple(name_list(players, f"{rule}: players", InvalidProblemError))
    if len(set(names)) != len(names):
        raise InvalidProblemError(f"{rule}: player names must be distinct, got {names}.")
    if len(names) != n:
        raise InvalidProblemError(f"{rule}: {len(names)} player names for {n} claims.")
    return names


def _problem(estate: Any, claims: Sequence[Any], players: Iterable[str] | None, rule: str):
    try:
        claims = list(claims)
    except TypeError:
        raise InvalidProblemError(f"{rule}: claims must be a sequence of numbers.") from None
    if not claims:
        raise InvalidProblemError(f"{rule}: a claims problem needs at least one claimant.")
    values, kind = _numbers(claims + [estate], "claims and estate", rule, "compares claims")
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
    return estate, claims, _names(players, len(claims), rule), kind


def _result(x: list, names: tuple, kind: str, concept: str) -> ValueResult:
    if kind == nb.FLOAT:
        array = nb.read_only(np.asarray(x, dtype=np.float64) + 0.0)  # -0.0 -> 0.0
    else:
        array = nb.read_only(x, kind)
    return ValueResult(
        x=array, players=names, exact=kind != nb.FLOAT, concept=concept, method="closed-form"
    )


def _claims_rule(
    concept: str, *fragments: str
) -> Callable[[Callable[..., list]], Callable[..., ValueResult]]:
    """Make the public rule ``name(estate, claims, players=None, *, method="closed-form")`` of
    the kernel ``name(estate, claims, kind)``, which maps a checked problem to the awards.

    The rule checks the problem (:func:`_problem`), applies the kernel and returns the
    awards as a :class:`ValueResult` labelled ``concept``; it has the kernel's name and its
    docstring, whose ``{{sections}}`` marker (and those of ``fragments``, keys of ``_DOC``)
    are filled.
    """

    def decorate(kernel: Callable[..., list]) -> Callable[..., ValueResult]:
        name = kernel.__name__

        def rule(
            estate: Any,
            claims: Sequence[Any],
            players: Iterable[str] | None = None,
            *,
            method: str = "closed-form",
        ) -> ValueResult:
            estate, claims, names, kind = _problem(estate, claims, players, name)
            return _result(kernel(estate, claims, kind), names, kind, concept)

        rule.__name__ = rule.__qualname__ = name
        rule.__module__, rule.__doc__ = kernel.__module__, kernel.__doc__
        filled = fill_doc(**{key: _DOC[key] for key in ("sections", *fragments)})
        return front_door(CLAIMS_METHODS)(filled(rule))

    return decorate


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


@_claims_rule("proportional", "thomson", "survey")
def proportional_rule(estate, claims, kind):
    r"""The proportional rule: :math:`x_i = \lambda d_i` with :math:`\lambda = E / \sum d`.

    {{sections}}

    {{thomson}}

    {{survey}}
    """
    total = sum(claims)
    return [estate * c / total for c in claims] if total else list(claims)


@front_door(CLAIMS_METHODS)
@fill_doc(method=_DOC["method"])
def capped_proportional_rule(
    total: Any,
    bases: Sequence[Any],
    caps: Sequence[Any],
    players: Iterable[str] | None = None,
    *,
    method: str = "closed-form",
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
    {{method}}

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
    values, kind = _numbers(
        [total, *bases, *caps], "total, bases and caps", rule, "compares shares with caps"
    )
    n = len(bases)
    total, bases, caps = values[0], values[1 : n + 1], values[n + 1 :]
    if any(b < 0 for b in bases) or sum(bases) <= 0:
        raise InvalidProblemError(f"{rule}: bases must be non-negative with a positive sum.")
    if sum(caps) < total:
        raise InvalidProblemError(
            f"{rule}: the caps add up to {sum(caps)}, less than the total {total}: no scale "
            "can respect them; raise the caps."
        )
    names = _names(players, n, rule)
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


@_claims_rule("constrained-equal-awards", "thomson", "survey")
def constrained_equal_awards(estate, claims, kind):
    r"""Constrained equal awards (CEA): :math:`x_i = \min(d_i, \lambda)`, :math:`\sum x = E`.

    {{sections}}

    {{thomson}}

    {{survey}}
    """
    return _cea(estate, claims, kind)


@_claims_rule("constrained-equal-losses", "thomson", "survey")
def constrained_equal_losses(estate, claims, kind):
    r"""Constrained equal losses (CEL): :math:`x_i = \max(0, d_i - \lambda)`, :math:`\sum x = E`.

    {{sections}}

    {{thomson}}

    {{survey}}
    """
    losses = _cea(sum(claims) - estate, claims, kind)
    return [c - l for c, l in zip(claims, losses)]


@_claims_rule("talmud")
def talmud_rule(estate, claims, kind):
    r"""The Talmud rule (Aumann and Maschler 1985).

    CEA on the half-claims when :math:`E \le D/2`; otherwise each claimant gets its claim
    minus its CEA share of the loss :math:`D - E` on the half-claims. It equals the nucleolus
    of the bankruptcy game.

    {{sections}}

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
    half = [c / 2 for c in claims]
    total = sum(claims)
    if estate <= total / 2:
        return _cea(estate, half, kind)
    losses = _cea(total - estate, half, kind)
    return [c - l for c, l in zip(claims, losses)]


CLAIMS_RULES = {
    "proportional": proportional_rule,
    "cea": constrained_equal_awards,
    "cel": constrained_equal_losses,
    "talmud": talmud_rule,
}


@front_door(CLAIMS_METHODS)
@fill_doc(**{key: _DOC[key] for key in ("problem", "method", "returns", "thomson")})
def claims_rule(
    estate: Any,
    claims: Sequence[Any],
    rule: str = "talmud",
    players: Iterable[str] | None = None,
    *,
    method: str = "closed-form",
) -> ValueResult:
    """Apply a named rule: ``"proportional"``, ``"cea"``, ``"cel"`` or ``"talmud"``.

    Parameters
    ----------
    {{problem}}
    rule : {"proportional", "cea", "cel", "talmud"}, default "talmud"
        The rule (the keys of ``CLAIMS_RULES``): :func:`proportional_rule`,
        :func:`constrained_equal_awards`, :func:`constrained_equal_losses` or
        :func:`talmud_rule`.
    {{method}}

    Returns
    -------
    {{returns}}

    {{thomson}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.claims_rule(300, [100, 200, 300], "cea").x.tolist()
    [Fraction(100, 1), Fraction(100, 1), Fraction(100, 1)]
    """
    check_choice(rule, CLAIMS_RULES, what="rule")
    return CLAIMS_RULES[rule](estate, claims, players, method=method)
