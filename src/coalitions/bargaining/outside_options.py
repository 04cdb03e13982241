r"""Alternating offers with outside options and a risk of breakdown: the outside-option
principle (Binmore, Shaked and Sutton 1989), breakdown risk (Binmore, Rubinstein and Wolinsky
1986) and the value of an alternative forum.

Two players divide a surplus ``s`` by alternating offers (Rubinstein 1982), player 1 first.
A player who receives an offer may accept it, reject it and propose next period, or *opt
out* and take its outside option :math:`w_i` at once (a minilateral format, a deal with a third
party). After a rejection the talks may also break down by chance, with probability
:math:`p` a period, leaving each player its breakdown payoff :math:`b_i`. What a responder
gets by rejecting is then :math:`c_i(z) = p\,b_i + (1 - p)\,\delta_i z`, with :math:`z` its
share as next proposer, and the unique subgame-perfect equilibrium solves

.. math:: x = s - \max(w_2, c_2(y)), \qquad y = s - \max(w_1, c_1(x)),

with :math:`x` player 1's share when it proposes and :math:`y` player 2's share when it
proposes. An outside option changes the outcome only when it beats what the player would get
by waiting, and then the player gets *exactly* its option, no more: the outside-option
principle. A threat to leave that is worth less than staying is no threat at all. A
breakdown payoff, by contrast, moves the outcome whatever its size: as the risk per period
vanishes (no discounting), the shares tend to the Nash solution with the breakdown payoffs
as the disagreement point.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from .. import _numbers as nb
from .._checks import front_door
from ..exceptions import InvalidProblemError
from ..results import OutsideOptionResult
from ._inputs import check_positive, convert, distinct_names, parameter_kind

__all__ = ["outside_option_bargaining"]

#: The choices of ``method=``.
OUTSIDE_OPTION_METHODS = ("closed-form",)


def _pair(values: Any, what: str) -> list:
    if values is None:
        raise InvalidProblemError(f"{what} is missing: give one number for both or a pair.")
    pair = list(values) if isinstance(values, (list, tuple)) else [values] * 2
    if len(pair) != 2:
        raise InvalidProblemError(f"{what} must be a pair (player 1, player 2), got {values!r}.")
    return pair


@front_door(OUTSIDE_OPTION_METHODS)
def outside_option_bargaining(
    discount_factors: Any,
    outside_options: Sequence[Any],
    *,
    players: Sequence[str] = ("1", "2"),
    surplus: Any = 1,
    breakdown_risk: Any = 0,
    breakdown_payoffs: Sequence[Any] = (0, 0),
    method: str = "closed-form",
) -> OutsideOptionResult:
    r"""Subgame-perfect shares of alternating offers when each responder may opt out and
    talks may break down by chance.

    Parameters
    ----------
    discount_factors : number or pair of numbers in [0, 1]
        ``(delta_1, delta_2)`` per period; one number means both. Without a breakdown risk
        both must be below 1 (else delay costs nothing and the equilibrium is not unique).
    outside_options : pair of numbers
        ``(w_1, w_2)``: what each player gets by opting out (0 for none). They must leave a
        gain from agreeing: :math:`w_1 + w_2 < s`.
    players : pair of str
        First proposer first.
    surplus : number
        Size of the pie (default 1).
    breakdown_risk : number in [0, 1]
        :math:`p`, the chance that talks break down after each rejection (default 0, none).
    breakdown_payoffs : pair of numbers
        ``(b_1, b_2)``: what each player gets if the talks break down (default 0 each), with
        :math:`b_1 + b_2 < s`. Used only when ``breakdown_risk`` is positive.
    method : {"closed-form"}
        The four cases of which options bind, the consistent one kept (the only method).

    Returns
    -------
    OutsideOptionResult
        ``x`` the equilibrium shares (agreement at once; first proposer first),
        ``binding`` which options bind, ``inside_shares`` the shares without outside
        options (the Rubinstein shares when there is no breakdown risk), and ``forum_value``
        (``x - inside_shares``: what the alternative is worth to each party in the standing
        forum). Exact for rational inputs.

    Raises
    ------
    InvalidProblemError
        For discount factors outside [0, 1] (or equal to 1 without a breakdown risk), a
        risk outside [0, 1], negative options or breakdown payoffs, or options or breakdown
        payoffs that leave no gain from agreement.

    Notes
    -----
    Options available only when *responding* follow Binmore, Shaked and Sutton (1989) and
    Osborne and Rubinstein (1990, section 3.12); the proposer's own option is irrelevant to
    its offer. A breakdown *risk* (an exogenous chance that talks end) is a different force
    (Binmore, Rubinstein and Wolinsky 1986): the breakdown payoffs enter every continuation
    value, binding or not. Without options and discounting, the first proposer's share is
    :math:`x = (s - b_2 + (1 - p) b_1) / (2 - p)`, which tends to the Nash solution
    :math:`b_1 + (s - b_1 - b_2) / 2` as :math:`p \to 0`.

    References
    ----------
    .. [1] Binmore, K., Shaked, A. and Sutton, J. (1989). An outside option experiment.
       *Quarterly Journal of Economics* 104(4), 753-770.
    .. [2] Osborne, M. J. and Rubinstein, A. (1990). *Bargaining and Markets*. Academic
       Press, section 3.12.
    .. [3] Binmore, K., Rubinstein, A. and Wolinsky, A. (1986). The Nash bargaining solution
       in economic modelling. *RAND Journal of Economics* 17(2), 176-188.

    Examples
    --------
    With patience 9/10, the responder's Rubinstein share is 9/19 of the pie. An outside
    option of 1/4 is below it and changes nothing; one of 3/5 is above it and is paid exactly:

    >>> from fractions import Fraction
    >>> import coalitions as co
    >>> d = Fraction(9, 10)
    >>> co.outside_option_bargaining(d, [0, Fraction(1, 4)]).x.tolist()
    [Fraction(10, 19), Fraction(9, 19)]
    >>> strong = co.outside_option_bargaining(d, [0, Fraction(3, 5)])
    >>> strong.x.tolist(), strong.binding, strong.forum_value.tolist()
    ([Fraction(2, 5), Fraction(3, 5)], (False, True), [Fraction(-12, 95), Fraction(12, 95)])

    With no discounting and a 1 % risk of breakdown after each rejection, where breakdown
    leaves player 2 with 1/2 of the pie and player 1 with nothing, player 1 gets almost the
    Nash share 1/4 (and a little more as first proposer):

    >>> risky = co.outside_option_bargaining(
    ...     1, [0, 0], breakdown_risk=Fraction(1, 100), breakdown_payoffs=[0, Fraction(1, 2)]
    ... )
    >>> risky.x.tolist()
    [Fraction(50, 199), Fraction(149, 199)]
    """
    names = distinct_names(players, 2)
    deltas = _pair(discount_factors, "discount_factors")
    options = _pair(outside_options, "outside_options")
    payoffs = _pair(breakdown_payoffs, "breakdown_payoffs")
    kind = parameter_kind(
        [*deltas, *options, surplus, breakdown_risk, *payoffs],
        "discount factors, options, surplus and breakdown terms",
    )
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(
            "outside_option_bargaining compares the options with the shares: give numbers, "
            "not symbols."
        )
    d1, d2 = convert(deltas, kind)
    w1, w2 = convert(options, kind)
    (p,) = convert([breakdown_risk], kind)
    b1, b2 = convert(payoffs, kind)
    s = nb.as_number(surplus, kind)
    check_positive(s, "surplus", kind)
    if not 0 <= p <= 1:
        raise InvalidProblemError(f"breakdown_risk must lie in [0, 1], got {breakdown_risk!r}.")
    if not (0 <= d1 <= 1 and 0 <= d2 <= 1) or (p == 0 and max(d1, d2) == 1):
        raise InvalidProblemError(
            f"discount factors must lie in [0, 1), or [0, 1] with a breakdown risk, got "
            f"{list(deltas)} (without either cost of delay the game has no unique equilibrium)."
        )
    for name, (v1, v2), given in (
        ("outside options", (w1, w2), options),
        ("breakdown payoffs", (b1, b2), payoffs),
    ):
        if v1 < 0 or v2 < 0:
            raise InvalidProblemError(f"{name} must be non-negative, got {list(given)}.")
        if v1 + v2 >= s:
            raise InvalidProblemError(
                f"the {name} {list(given)} add up to at least the surplus {s}: there is no "
                "gain from agreeing."
            )
    # a responder who rejects expects a_i + e_i * (its share as next proposer)
    a1, a2 = p * b1, p * b2
    e1, e2 = (1 - p) * d1, (1 - p) * d2
    x0 = (s - a2 - e2 * (s - a1)) / (1 - e1 * e2)  # no option binds
    inside = nb.read_only([x0, s - x0], kind)
    x = y = None
    for bind1, bind2 in itertools.product((False, True), repeat=2):
        # solve x = s - (w2 if bind2 else a2 + e2 y), y = s - (w1 if bind1 else a1 + e1 x)
        if bind2 and bind1:
            x, y = s - w2, s - w1
        elif bind2:
            x = s - w2
            y = s - a1 - e1 * x
        elif bind1:
            y = s - w1
            x = s - a2 - e2 * y
        else:
            x, y = x0, s - a1 - e1 * x0
        wait1, wait2 = a1 + e1 * x, a2 + e2 * y
        if (w2 >= wait2) == bind2 or w2 == wait2:
            if (w1 >= wait1) == bind1 or w1 == wait1:
                binding = (bind1 and w1 > wait1, bind2 and w2 > wait2)
                break
    else:  # the map is a contraction, so one case is always consistent
        raise InvalidProblemError("outside_option_bargaining: no consistent equilibrium found.")
    shares = nb.read_only([x, s - x], kind)
    base = inside
    return OutsideOptionResult(
        x=shares,
        players=names,
        exact=kind != nb.FLOAT,
        proposer=names[0],
        concept="outside-option-bargaining",
        method="closed-form",
        discount_factors=nb.read_only([d1, d2], kind),
        outside_options=nb.read_only([w1, w2], kind),
        breakdown_risk=p,
        breakdown_payoffs=nb.read_only([b1, b2], kind),
        binding=binding,
        inside_shares=base,
        forum_value=nb.read_only([shares[0] - base[0], shares[1] - base[1]], kind),
    )
