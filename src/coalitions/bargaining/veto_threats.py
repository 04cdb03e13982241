r"""Veto threats under incomplete information: a setter's offer against a blocker of
uncertain type, and cheap-talk veto threats (Matthews 1989).

One policy dimension, status quo ``q``. A *setter* with ideal point ``c`` makes a
take-it-or-leave-it offer ``x``; a *blocker* accepts it or vetoes (then ``q`` stays). The
blocker's ideal point ``t`` is its private information: the setter knows only a discrete
distribution of types ``t_k`` with probabilities ``p_k``. Utilities are quadratic, plus an
optional value of agreement itself (0 in Matthews's model; the value of a linked issue, or
minus an audience cost of backing down, in a linkage case):

.. math:: u_k(x) = g_k - (x - t_k)^2 \text{ if accepted}, \qquad u_k(q) = -(q - t_k)^2,

so type ``k`` accepts exactly the offers of the closed interval
:math:`|x - t_k| \le \rho_k`, :math:`\rho_k^2 = (q - t_k)^2 + g_k` (none when negative).

:func:`setter_offer` is the Romer-Rosenthal setter facing this uncertainty: the offer that
maximises the setter's expected utility, and its acceptance probability.
:func:`veto_threat_equilibria` adds Matthews's cheap talk: before the offer the blocker says
"accept" or "threat"; the setter answers each message with its optimal offer against the
types that send it, and each type sends the message whose offer it prefers. Besides the
babbling equilibrium (talk ignored) the only equilibria are *size two*: the types split into
threateners and accommodators, the accommodators get the setter's favourite offer and the
threateners a compromise, which only some of them accept (Matthews 1989, propositions 1-2).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from .. import _numbers as nb
from .._checks import front_door
from ..exceptions import InvalidProblemError
from ..results import VetoOfferResult, VetoThreatResult
from ._inputs import parameter_kind

__all__ = ["setter_offer", "veto_threat_equilibria"]

#: The choices of ``method=``: every candidate offer compared (exact for rational inputs).
VETO_METHODS = ("candidates",)


class _Types:
    """The blocker's types, the setter, and the acceptance intervals, in one number kind."""

    def __init__(
        self, setter_ideal, status_quo, blocker_ideals, probabilities, agreement_values, setter_g
    ) -> None:
        if isinstance(blocker_ideals, Mapping):
            labels = tuple(str(k) for k in blocker_ideals)
            ideals = list(blocker_ideals.values())
        elif isinstance(blocker_ideals, Sequence) and not isinstance(blocker_ideals, (str, bytes)):
            ideals = list(blocker_ideals)
            labels = tuple(f"t={v}" for v in ideals)
        else:
            raise InvalidProblemError(
                "blocker_ideals must be a list of the blocker's possible ideal points or a "
                f"mapping {{type: ideal point}}, got {blocker_ideals!r}."
            )
        k = len(ideals)
        if k == 0:
            raise InvalidProblemError("give at least one type of blocker.")
        if len(set(labels)) != k:
            raise InvalidProblemError(f"the blocker's types must be distinct, got {list(labels)}.")
        if probabilities is None:
            probabilities = [Fraction(1, k)] * k
        if isinstance(probabilities, Mapping):
            probabilities = [probabilities.get(label) for label in labels]
        probabilities = list(probabilities)
        if agreement_values is None:
            agreement_values = [0] * k
        elif isinstance(agreement_values, Mapping):
            agreement_values = [agreement_values.get(label, 0) for label in labels]
        agreement_values = list(agreement_values)
        if len(probabilities) != k or len(agreement_values) != k:
            raise InvalidProblemError(
                f"give one probability and one agreement value per type ({k} types), got "
                f"{len(probabilities)} and {len(agreement_values)}."
            )
        numbers = [setter_ideal, status_quo, setter_g, *ideals, *probabilities, *agreement_values]
        kind = parameter_kind(numbers, "veto threats: ideal points, probabilities and values")
        if kind == nb.SYMBOLIC:
            raise InvalidProblemError("veto threats compare utilities: give numbers, not symbols.")
        convert = (lambda v: nb.as_number(v, nb.EXACT)) if kind == nb.EXACT else float
        probabilities = [convert(v) for v in probabilities]
        if any(p < 0 for p in probabilities) or abs(float(sum(probabilities)) - 1) > 1e-9:
            raise InvalidProblemError(
                "probabilities must be non-negative and sum to 1, got "
                f"{', '.join(str(p) for p in probabilities)}."
            )
        if kind == nb.EXACT and sum(probabilities) != 1:
            raise InvalidProblemError(
                f"exact probabilities must sum to exactly 1, got {sum(probabilities)}; give "
                "fractions such as 1/3 rather than rounded decimals."
            )
        self.kind = kind
        self.labels = labels
        self.c, self.q, self.g_setter = (
            convert(setter_ideal),
            convert(status_quo),
            convert(setter_g),
        )
        self.ideals = [convert(v) for v in ideals]
        self.p = probabilities
        self.g = [convert(v) for v in agreement_values]
        self.exact = kind == nb.EXACT
        self.intervals = [self._interval(t, g) for t, g in zip(self.ideals, self.g)]

    def _interval(self, t, g) -> tuple | None:
        squared = (self.q - t) ** 2 + g
        if squared < 0:
            return None
        root = _sqrt(squared)
        if root is None:  # irrational: the whole computation is in floats
            self.exact = False
            root = math.sqrt(float(squared))
        return (t - root, t + root)

    def accepts(self, k: int, x) -> bool:
        interval = self.intervals[k]
        return interval is not None and interval[0] <= x <= interval[1]

    def setter_accepted(self, x) -> Any:
        return self.g_setter - (x - self.c) ** 2

    def setter_vetoed(self) -> Any:
        return -((self.q - self.c) ** 2)

    def blocker_payoff(self, k: int, x) -> Any:
        """Type k's payoff from the offer x: it accepts when that is at least as good."""
        veto = -((self.q - self.ideals[k]) ** 2)
        return max(self.g[k] - (x - self.ideals[k]) ** 2, veto)


def _sqrt(value) -> Any:
    """The exact square root of a non-negative Fraction when it is rational, else None
    (floats: the float root)."""
    if isinstance(value, float):
        return math.sqrt(value)
    value = Fraction(value)
    num, den = math.isqrt(value.numerator), math.isqrt(value.denominator)
    if num * num == value.numerator and den * den == value.denominator:
        return Fraction(num, den)
    return None


def _best_offer(types: _Types, members: Sequence[int]) -> tuple[Any, Any, Any, tuple]:
    """The setter's optimal offer against the types ``members`` (their prior weights
    renormalised): ``(offer, acceptance probability, expected utility, accepting types)``.

    Between consecutive interval ends the accepting set is constant and the expected utility
    a concave quadratic with its peak at ``c``, so the optimum is ``c`` or an interval end
    (the intervals are closed): every candidate is compared, in the inputs' numbers. Ties go
    to the offer nearest the setter's ideal point, then the lower one."""
    mass = sum(types.p[k] for k in members)
    candidates = {types.c, types.q}
    for k in members:
        interval = types.intervals[k]
        if interval is not None:
            candidates.update(interval)
    best = None
    for x in sorted(candidates, key=lambda v: (abs(v - types.c), v)):
        accepted = tuple(k for k in members if types.accepts(k, x))
        share = sum(types.p[k] for k in accepted)
        share = share / mass if mass else share
        utility = share * types.setter_accepted(x) + (1 - share) * types.setter_vetoed()
        if best is None or utility > best[2]:
            best = (x, share, utility, accepted)
    assert best is not None
    return best


def _parse(
    setter_ideal, status_quo, blocker_ideals, probabilities, agreement_values, setter_g, players
) -> tuple[_Types, tuple]:
    """The checked model and the two players' names, for both front doors."""
    names = tuple(str(p) for p in players)
    if len(names) != 2 or names[0] == names[1]:
        raise InvalidProblemError(f"players must be two distinct names, got {players!r}.")
    types = _Types(
        setter_ideal, status_quo, blocker_ideals, probabilities, agreement_values, setter_g
    )
    return types, names


def _offer_result(types: _Types, names: tuple) -> VetoOfferResult:
    everyone = range(len(types.ideals))
    offer, share, utility, accepted = _best_offer(types, everyone)
    full = tuple(_best_offer(types, [k])[0] for k in everyone)
    tidy = nb.int_if_integral
    return VetoOfferResult(
        offer=tidy(offer),
        acceptance_probability=tidy(share),
        veto_probability=tidy(1 - share),
        expected_utility=tidy(utility),
        accepted_by=tuple(types.labels[k] for k in accepted),
        types=types.labels,
        ideals=tuple(tidy(v) for v in types.ideals),
        probabilities=tuple(tidy(v) for v in types.p),
        full_information_offers=tuple(tidy(v) for v in full),
        acceptance_intervals=tuple(
            None if iv is None else (tidy(iv[0]), tidy(iv[1])) for iv in types.intervals
        ),
        setter_ideal=tidy(types.c),
        status_quo=tidy(types.q),
        players=names,
        exact=types.exact,
        concept="setter-offer-under-uncertainty",
        method="candidates",
    )


@front_door(VETO_METHODS)
def setter_offer(
    setter_ideal: Any,
    status_quo: Any,
    blocker_ideals: Sequence[Any] | Mapping[str, Any],
    probabilities: Sequence[Any] | Mapping[str, Any] | None = None,
    *,
    agreement_values: Sequence[Any] | Mapping[str, Any] | None = None,
    setter_agreement_value: Any = 0,
    players: Sequence[str] = ("setter", "blocker"),
    method: str = "candidates",
) -> VetoOfferResult:
    r"""The setter's optimal take-it-or-leave-it offer to a blocker of uncertain type.

    .. math:: x^* = \arg\max_x \; P(x)\,[g_S - (x - c)^2] - (1 - P(x))\,(q - c)^2, \qquad
              P(x) = \sum_k p_k\, [\,|x - t_k| \le \rho_k\,]

    Parameters
    ----------
    setter_ideal : number
        The setter's ideal point ``c``.
    status_quo : number
        ``q``: what a veto leaves in place.
    blocker_ideals : list of numbers, or mapping type -> number
        The blocker's possible ideal points ``t_k``.
    probabilities : list or mapping, optional
        The prior probability of each type (default: equal).
    agreement_values : list or mapping, optional
        ``g_k``: what each type gains from any agreement itself, in units of squared policy
        distance (default 0, Matthews's model; a negative value is an audience cost of
        giving in).
    setter_agreement_value : number
        ``g_S``, the setter's gain from agreement itself (default 0).
    players : pair of str
        Names of the setter and the blocker.
    method : {"candidates"}
        Every interval end and the setter's ideal point compared (the only method).

    Returns
    -------
    VetoOfferResult
        ``offer``, ``acceptance_probability``, ``veto_probability``, ``expected_utility``,
        ``accepted_by``, the ``full_information_offers`` (the offer to each type known,
        Romer and Rosenthal's) and each type's ``acceptance_intervals``. Exact for rational inputs whose acceptance radii are
        rational (always when every ``g_k`` is 0).

    Raises
    ------
    InvalidProblemError
        For no types, mismatched lengths, probabilities that are negative or do not sum to
        1, or non-numbers.

    Notes
    -----
    With ``K`` types there are at most ``2K + 2`` candidates, each evaluated in O(K).

    References
    ----------
    .. [1] Romer, T. and Rosenthal, H. (1978). Political resource allocation, controlled
       agendas, and the status quo. *Public Choice* 33(4), 27-43.
    .. [2] Matthews, S. A. (1989). Veto threats: rhetoric in a bargaining game. *Quarterly
       Journal of Economics* 104(2), 347-369.
    .. [3] Cameron, C. M. (2000). *Veto Bargaining: Presidents and the Politics of Negative
       Power*. Cambridge University Press, chapter 4.

    Examples
    --------
    Congress (ideal 1) and a president who is a moderate (3/8), a compromiser (1/2) or an
    accommodator (1), equally likely, with the status quo at 0:

    >>> from fractions import Fraction as F
    >>> import coalitions as co
    >>> r = co.setter_offer(1, 0, [F(3, 8), F(1, 2), 1])
    >>> r.offer, r.acceptance_probability, r.full_information_offers
    (Fraction(3, 4), 1, (Fraction(3, 4), 1, 1))

    Offering 1 would be vetoed by the moderate (probability 1/3, utility -1/3 for the
    setter); 3/4 passes for sure at a cost of 1/16. A likelier accommodator changes that:

    >>> co.setter_offer(1, 0, [F(3, 8), F(1, 2), 1], [F(1, 20), F(9, 20), F(1, 2)]).offer
    1
    """
    types, names = _parse(
        setter_ideal,
        status_quo,
        blocker_ideals,
        probabilities,
        agreement_values,
        setter_agreement_value,
        players,
    )
    return _offer_result(types, names)


@front_door(VETO_METHODS)
def veto_threat_equilibria(
    setter_ideal: Any,
    status_quo: Any,
    blocker_ideals: Sequence[Any] | Mapping[str, Any],
    probabilities: Sequence[Any] | Mapping[str, Any] | None = None,
    *,
    agreement_values: Sequence[Any] | Mapping[str, Any] | None = None,
    setter_agreement_value: Any = 0,
    players: Sequence[str] = ("setter", "blocker"),
    method: str = "candidates",
) -> VetoThreatResult:
    r"""Matthews's cheap-talk veto threats: the babbling and the size-two equilibria.

    The blocker first says "threat" or "accept"; the setter then offers its optimal
    :func:`setter_offer` against the types that send the message; the blocker accepts or
    vetoes. A size-two equilibrium partitions the types, ordered from the most resistant
    (the smallest move toward the setter they accept) to the most accommodating, at a
    cutoff: the lower part threatens, the upper part accommodates, the two offers differ
    and each is accepted by some type that asks for it (an offer every sender vetoes brings
    the status quo, whatever it is), and every type weakly prefers the offer its own message
    brings,

    .. math:: \max(u_k(x_{m(k)}), u_k(q)) \ge \max(u_k(x_{m'}), u_k(q)).

    Parameters
    ----------
    setter_ideal, status_quo, blocker_ideals, probabilities, agreement_values,
    setter_agreement_value, players
        As in :func:`setter_offer`.
    method : {"candidates"}
        Each offer is :func:`setter_offer`'s comparison of candidates (the only method).

    Returns
    -------
    VetoThreatResult
        ``babbling`` (the offer against the prior), ``equilibria`` (every size-two
        equilibrium with a cutoff in that order), ``selected`` (the one the setter prefers)
        and ``threat_credible`` (whether a threat ever changes the offer). ``value`` is the
        selected equilibrium's concession.

    Raises
    ------
    InvalidProblemError
        As :func:`setter_offer`.

    Notes
    -----
    Matthews's types form a continuum; with finitely many types every monotone partition
    (``K - 1`` cutoffs) is checked for incentive compatibility, each in O(K^2). With types
    spread evenly over [0, 1], ``q = 0`` and ``c = 1`` the size-two equilibria approach the
    continuum's, derived from Matthews's conditions: the cutoff type ``s`` is indifferent,
    ``s = (1 + x_T) / 2``, and the compromise is optimal against ``U[0, s)``, which gives
    ``x_T = 2 - sqrt(2)``.

    References
    ----------
    .. [1] Matthews, S. A. (1989). Veto threats: rhetoric in a bargaining game. *Quarterly
       Journal of Economics* 104(2), 347-369.
    .. [2] Cameron, C. M. (2000). *Veto Bargaining*. Cambridge University Press, chapter 4.

    Examples
    --------
    Four equally likely types of president, from one who wants no change (0) to an
    accommodator (1). The three resistant types threaten; the compromise 1/2 is vetoed
    only by the type at 0, and the accommodator gets Congress's ideal point:

    >>> from fractions import Fraction as F
    >>> import coalitions as co
    >>> r = co.veto_threat_equilibria(1, 0, [0, F(1, 4), F(1, 2), 1])
    >>> r.threat_credible, r.selected["threat_types"], r.selected["accept_types"]
    (True, ('t=0', 't=1/4', 't=1/2'), ('t=1',))
    >>> r.selected["threat_offer"], r.selected["accept_offer"], r.selected["veto_probability"]
    (Fraction(1, 2), 1, Fraction(1, 4))
    """
    types, names = _parse(
        setter_ideal,
        status_quo,
        blocker_ideals,
        probabilities,
        agreement_values,
        setter_agreement_value,
        players,
    )
    babbling = _offer_result(types, names)
    towards = 1 if types.c >= types.q else -1

    def reach(k: int) -> Any:  # how far toward the setter type k lets the policy move
        interval = types.intervals[k]
        if interval is None:
            return -math.inf
        return towards * (interval[1] if towards > 0 else interval[0])

    order = sorted(range(len(types.ideals)), key=lambda k: (reach(k), types.labels[k]))
    found = []
    for cut in range(1, len(order)):
        threat, accept = order[:cut], order[cut:]
        if sum(types.p[k] for k in threat) == 0 or sum(types.p[k] for k in accept) == 0:
            continue
        x_t, share_t, _, _ = _best_offer(types, threat)
        x_a, share_a, _, accepted_a = _best_offer(types, accept)
        if x_t == x_a or share_t == 0 or share_a == 0:
            continue  # one offer, or an offer every sender vetoes (the setter is then
            # indifferent among all offers: the message brings the status quo, as babbling)
        if any(types.blocker_payoff(k, x_t) < types.blocker_payoff(k, x_a) for k in threat):
            continue
        if any(types.blocker_payoff(k, x_a) < types.blocker_payoff(k, x_t) for k in accept):
            continue
        vetoed = sum(types.p[k] for k in threat if not types.accepts(k, x_t)) + sum(
            types.p[k] for k in accept if not types.accepts(k, x_a)
        )
        setter_utility = sum(
            types.p[k]
            * (types.setter_accepted(x) if types.accepts(k, x) else types.setter_vetoed())
            for group, x in ((threat, x_t), (accept, x_a))
            for k in group
        )
        found.append(
            {
                "threat_types": tuple(types.labels[k] for k in threat),
                "accept_types": tuple(types.labels[k] for k in accept),
                "threat_offer": nb.int_if_integral(x_t),
                "accept_offer": nb.int_if_integral(x_a),
                "threat_acceptance": nb.int_if_integral(share_t),
                "accept_offer_vetoed": len(accepted_a) < len(accept),
                "veto_probability": nb.int_if_integral(vetoed),
                "setter_utility": nb.int_if_integral(setter_utility),
                "concession": nb.int_if_integral(abs(x_a - x_t)),
            }
        )
    selected = max(found, key=lambda e: e["setter_utility"]) if found else None
    return VetoThreatResult(
        babbling=babbling,
        equilibria=tuple(found),
        selected=selected,
        threat_credible=bool(found),
        setter_ideal=nb.int_if_integral(types.c),
        status_quo=nb.int_if_integral(types.q),
        players=names,
        exact=types.exact,
        concept="veto-threat-equilibria",
        method="candidates",
    )
