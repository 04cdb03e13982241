"""Self-enforcing agreements: which size of a coalition of the willing is stable?

``n`` symmetric players each choose to sign an agreement or not. With ``k`` signatories, a
signatory earns ``pi_s(k)`` and a non-signatory ``pi_n(k)``. A signatory coalition of size
``k`` is stable (d'Aspremont et al. 1983) when nobody wants to leave it (internal stability)
and nobody wants to join it (external stability).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .._checks import check_choice, check_instance
from .._docstrings import fill_doc
from ..exceptions import InvalidProblemError, TooLargeError
from ..results import AgreementStabilityResult

__all__ = [
    "AgreementModel",
    "linear_quadratic_model",
    "barrett_model",
    "agreement_stability",
    "is_internally_stable",
    "is_externally_stable",
]

INDIFFERENCE_RULES = ("join", "stay")
#: The References section of one-coalition (cartel) stability, shared with formation.externalities.
_CARTEL = """
References
----------
.. [1] d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). On
   the stability of collusive price leadership. *Canadian Journal of Economics* 16(1),
   17-25.
.. [2] Barrett, S. (1994). Self-enforcing international environmental agreements.
   *Oxford Economic Papers* 46, 878-894.
"""
#: Largest number of players of an agreement model (stability is checked for every size).
MAX_AGREEMENT_PLAYERS = 100_000


@dataclass(frozen=True)
class AgreementModel:
    """A symmetric participation game: payoffs of signatories and non-signatories.

    Attributes
    ----------
    n : int
        Number of players.
    signatory : callable
        ``signatory(k)``: a signatory's payoff when there are ``k`` signatories (k = 1..n).
    nonsignatory : callable
        ``nonsignatory(k)``: a non-signatory's payoff with ``k`` signatories (k = 0..n-1).
    name : str
    """

    n: int
    signatory: Callable[[int], Any]
    nonsignatory: Callable[[int], Any]
    name: str = "custom"

    def __post_init__(self) -> None:
        _check_count(self.n)
        if not callable(self.signatory) or not callable(self.nonsignatory):
            raise InvalidProblemError(
                "signatory and nonsignatory must be functions of the number of signatories k."
            )


def _check_count(n: Any) -> int:
    """The number of players of an agreement model: an integer from 2 to the limit."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise InvalidProblemError(
            f"an agreement model needs an integer number of players n >= 2, got {n!r}."
        )
    if n > MAX_AGREEMENT_PLAYERS:
        raise TooLargeError(
            f"an agreement model of n = {n} players is checked size by size (n payoff "
            f"evaluations); the limit is {MAX_AGREEMENT_PLAYERS:,} players."
        )
    return int(n)


def linear_quadratic_model(n: int, *, b: Any = 1, c: Any = 1) -> AgreementModel:
    r"""The linear-quadratic public-good model of international environmental agreements.

    Each player provides ``q_i`` of a public good at cost ``(c/2) q_i**2`` and enjoys ``b``
    per unit of the total ``Q``: :math:`\pi_i = bQ - \tfrac{c}{2} q_i^2`. Non-signatories
    best-respond alone (``q_n = b/c``); the ``k`` signatories maximise their joint payoff
    (``q_s = k b / c``). Then

    .. math::

        \pi_s(k) = \frac{b^2}{c}\Bigl(\frac{k^2}{2} + n - k\Bigr), \qquad
        \pi_n(k) = \frac{b^2}{c}\Bigl(k^2 + n - k - \frac12\Bigr).

    Internal stability holds iff ``(k - 1)(k - 3) <= 0`` and external stability iff
    ``k >= 2``, whatever ``n``: the stable coalition has 3 members (2 when indifferent
    players stay out), the "small stable club" result of Barrett (1994).

    Parameters
    ----------
    n : int
        Number of players (at least 2).
    b, c : number
        Marginal benefit and cost slope (positive). Integers or Fractions keep the payoffs
        exact.

    References
    ----------
    .. [1] Barrett, S. (1994). Self-enforcing international environmental agreements.
       *Oxford Economic Papers* 46, 878-894.
    .. [2] Carraro, C. and Siniscalco, D. (1993). Strategies for the international
       protection of the environment. *Journal of Public Economics* 52, 309-328.

    Examples
    --------
    >>> from coalitions.formation import linear_quadratic_model
    >>> model = linear_quadratic_model(10)
    >>> model.signatory(3), model.nonsignatory(3)
    (Fraction(23, 2), Fraction(31, 2))
    """
    b, c = _positive("b", b), _positive("c", c)
    scale = b * b / c
    half = Fraction(1, 2) if not isinstance(scale, float) else 0.5

    def signatory(k: int) -> Any:
        return scale * (k * k * half + n - k)

    def nonsignatory(k: int) -> Any:
        return scale * (k * k + n - k - half)

    return AgreementModel(n, signatory, nonsignatory, name="linear-quadratic")


def barrett_model(n: int, *, a: Any = 100, b: Any = 1, c: Any = 1) -> AgreementModel:
    r"""Barrett's (1994) model: concave benefits, and signatories that lead.

    Each of ``n`` countries abates ``q_i`` at cost :math:`\tfrac{c}{2} q_i^2` and enjoys the
    concave benefit :math:`\tfrac{b}{n}\,(aQ - Q^2/2)` of the total abatement ``Q``. The
    non-signatories best-respond, :math:`q_n = \lambda (a - Q)` with
    :math:`\lambda = b/(cn)`; the ``k`` signatories choose their common abatement first
    (Stackelberg leaders), anticipating that response, to maximise their joint payoff:

    .. math::

        q_s = \lambda k \rho\,(a - Q), \quad \rho = \frac{1}{1 + (n - k)\lambda}, \qquad
        Q = \frac{a\mu}{1 + \mu}, \quad \mu = \lambda\,(k^2 \rho + n - k).

    Unlike the linear-quadratic model, whose stable club always has 3 members, the stable
    size here depends on the ratio ``c / b``: full participation is self-enforcing only when
    the gains from cooperation are small (Barrett 1994).

    Parameters
    ----------
    n : int
        Number of countries (at least 2).
    a, b, c : number
        Saturation level of the benefit, its weight and the cost slope (positive). Integers
        or Fractions keep the payoffs exact.

    Returns
    -------
    AgreementModel
        ``name="barrett"``, for :func:`agreement_stability`.

    References
    ----------
    .. [1] Barrett, S. (1994). Self-enforcing international environmental agreements.
       *Oxford Economic Papers* 46, 878-894.

    Examples
    --------
    >>> from coalitions.formation import agreement_stability, barrett_model
    >>> agreement_stability(barrett_model(10, c=1)).stable_sizes
    (3,)
    >>> agreement_stability(barrett_model(10, c=Fraction(1, 100))).stable_sizes
    (10,)
    """
    n = _check_count(n)
    a, b, c = (_positive(name, value) for name, value in (("a", a), ("b", b), ("c", c)))
    lam = b / (c * n)

    def state(k: int) -> tuple[Any, Any, Any]:
        rho = 1 / (1 + (n - k) * lam)
        mu = lam * (k * k * rho + n - k)
        total = a * mu / (1 + mu)
        benefit = b / n * (a * total - total * total / 2)
        return benefit, lam * k * rho * (a - total), lam * (a - total)

    def signatory(k: int) -> Any:
        benefit, q_s, _ = state(k)
        return benefit - c * q_s * q_s / 2

    def nonsignatory(k: int) -> Any:
        benefit, _, q_n = state(k)
        return benefit - c * q_n * q_n / 2

    return AgreementModel(n, signatory, nonsignatory, name="barrett")


def _positive(name: str, value: Any) -> Any:
    """A positive parameter: floats stay floats, integers and Fractions become Fractions."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, (int, float, Fraction, np.integer, np.floating)
    ):
        raise InvalidProblemError(f"{name} must be a positive number, got {value!r}.")
    if not value > 0:
        raise InvalidProblemError(f"{name} must be positive, got {value!r}.")
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(value):
            raise InvalidProblemError(f"{name} must be a finite number, got {value!r}.")
        return float(value)
    return Fraction(int(value) if isinstance(value, np.integer) else value)


def _check_model(model: Any, function: str) -> AgreementModel:
    return check_instance(
        model,
        AgreementModel,
        function,
        error=InvalidProblemError,
        hint="use linear_quadratic_model(n) or AgreementModel(n, signatory, nonsignatory)",
    )


def _check_size(model: AgreementModel, k: Any) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= model.n:
        raise InvalidProblemError(
            f"a signatory coalition has between 1 and n = {model.n} members, got k={k!r}."
        )
    return int(k)


def _at_least(a: Any, b: Any, atol: float) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a >= b - atol
    return a >= b


def is_internally_stable(model: AgreementModel, k: int, *, atol: float = 1e-9) -> bool:
    r"""No signatory gains by leaving: :math:`\pi_s(k) \ge \pi_n(k-1)`.

    An indifferent signatory stays. A single signatory (``k = 1``) compares its payoff with
    that of having no agreement at all.

    Examples
    --------
    >>> from coalitions.formation import linear_quadratic_model, is_internally_stable
    >>> model = linear_quadratic_model(10)
    >>> [is_internally_stable(model, k) for k in range(1, 6)]
    [True, True, True, False, False]
    """
    model = _check_model(model, "is_internally_stable")
    k = _check_size(model, k)
    return _at_least(model.signatory(k), model.nonsignatory(k - 1), atol)


def is_externally_stable(
    model: AgreementModel, k: int, *, indifferent: str = "join", atol: float = 1e-9
) -> bool:
    r"""No outsider gains by joining: :math:`\pi_n(k) \ge \pi_s(k+1)`.

    With ``indifferent="join"`` (default) an outsider who is indifferent joins, so the
    inequality must be strict; with ``"stay"`` it stays out and equality suffices. The grand
    coalition (``k = n``) is externally stable.

    Examples
    --------
    >>> from coalitions.formation import linear_quadratic_model, is_externally_stable
    >>> model = linear_quadratic_model(10)
    >>> [is_externally_stable(model, k) for k in range(1, 5)]
    [False, False, True, True]
    >>> is_externally_stable(model, 2, indifferent="stay")
    True
    """
    model = _check_model(model, "is_externally_stable")
    k = _check_size(model, k)
    check_choice(indifferent, INDIFFERENCE_RULES, what="indifferent rule")
    if k == model.n:
        return True
    return _outsider_stays(model.nonsignatory(k), model.signatory(k + 1), indifferent, atol)


def _outsider_stays(outside: Any, inside: Any, indifferent: str, atol: float) -> bool:
    """External stability at one size: the outsider's payoff against a joiner's."""
    if indifferent == "stay":
        return _at_least(outside, inside, atol)
    if isinstance(outside, float) or isinstance(inside, float):
        return outside > inside + atol
    return outside > inside


@fill_doc(cartel=_CARTEL)
def agreement_stability(
    model: AgreementModel, *, indifferent: str = "join", atol: float = 1e-9
) -> AgreementStabilityResult:
    r"""Internal and external stability of every signatory coalition size ``k = 1..n``.

    A size is stable when it is both internally stable,
    :math:`\pi_s(k) \ge \pi_n(k-1)`, and externally stable, :math:`\pi_n(k) \ge \pi_s(k+1)`
    (strict when indifferent outsiders join).

    Parameters
    ----------
    model : AgreementModel
        For example :func:`linear_quadratic_model`.
    indifferent : {"join", "stay"}
        What an outsider does when joining leaves its payoff unchanged.
    atol : float
        Tolerance for float payoffs; exact payoffs are compared exactly.

    Returns
    -------
    AgreementStabilityResult
        ``internal``, ``external`` (one flag per size), ``stable_sizes``, and the payoff
        columns ``signatory_payoffs`` (``pi_s(k)``) and ``nonsignatory_payoffs``
        (``pi_n(k)``) for k = 1..n (``pi_n(n)`` is None: nobody is outside).

    {{cartel}}

    Examples
    --------
    >>> from coalitions.formation import linear_quadratic_model, agreement_stability
    >>> agreement_stability(linear_quadratic_model(20)).stable_sizes
    (3,)
    >>> agreement_stability(linear_quadratic_model(20), indifferent="stay").stable_sizes
    (2, 3)
    """
    model = _check_model(model, "agreement_stability")
    check_choice(indifferent, INDIFFERENCE_RULES, what="indifferent rule")
    n = model.n
    sizes = tuple(range(1, n + 1))
    # each payoff evaluated once: pi_s(1..n) and pi_n(0..n-1)
    signatory = tuple(model.signatory(k) for k in sizes)
    outside = tuple(model.nonsignatory(k) for k in range(n))
    internal = tuple(_at_least(signatory[k - 1], outside[k - 1], atol) for k in sizes)
    external = tuple(
        k == n or _outsider_stays(outside[k], signatory[k], indifferent, atol) for k in sizes
    )
    stable = tuple(k for k, a, b in zip(sizes, internal, external) if a and b)
    nonsignatory = (*outside[1:], None)
    exact = not any(isinstance(v, float) for v in signatory + nonsignatory)
    return AgreementStabilityResult(
        n=model.n,
        sizes=sizes,
        internal=internal,
        external=external,
        stable_sizes=stable,
        signatory_payoffs=signatory,
        nonsignatory_payoffs=nonsignatory,
        indifferent=indifferent,
        exact=exact,
        model=model.name,
        concept="agreement-stability",
        method="closed-form" if exact else "float",
    )
