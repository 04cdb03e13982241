r"""Alternating offers with outside options: the outside-option principle (Binmore, Shaked and
Sutton 1989) and the value of an alternative forum.

Two players divide a surplus ``s`` by alternating offers (Rubinstein 1982), player 1 first.
A player who receives an offer may accept it, reject it and propose next period, or *opt
out* and take its outside option :math:`w_i` at once (a minilateral format, a deal with a third
party). The unique subgame-perfect equilibrium solves

.. math:: x = s - \max(w_2, \delta_2 y), \qquad y = s - \max(w_1, \delta_1 x),

with :math:`x` player 1's share when it proposes and :math:`y` player 2's share when it
proposes. An outside option changes the outcome only when it beats what the player would get
by waiting (its discounted share as next proposer), and then the player gets *exactly* its
option, no more: the outside-option principle. A threat to leave that is worth less than
staying is no threat at all.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from .. import _numbers as nb
from .._checks import front_door
from ..exceptions import InvalidProblemError
from ..results import OutsideOptionResult
from ._inputs import check_positive, convert, distinct_names, frozen_array, parameter_kind
from .rubinstein import rubinstein

__all__ = ["outside_option_bargaining"]

#: The choices of ``method=``.
OUTSIDE_OPTION_METHODS = ("closed-form",)


def _pair(values: Any, what: str) -> list:
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
    method: str = "closed-form",
) -> OutsideOptionResult:
    r"""Subgame-perfect shares of alternating offers when each responder may opt out.

    Parameters
    ----------
    discount_factors : number or pair of numbers in [0, 1)
        ``(delta_1, delta_2)`` per period; one number means both.
    outside_options : pair of numbers
        ``(w_1, w_2)``: what each player gets by opting out (0 for none). They must leave a
        gain from agreeing: :math:`w_1 + w_2 < s`.
    players : pair of str
        First proposer first.
    surplus : number
        Size of the pie (default 1).
    method : {"closed-form"}
        The four cases of which options bind, the consistent one kept (the only method).

    Returns
    -------
    OutsideOptionResult
        ``x`` the equilibrium shares (agreement at once; first proposer first),
        ``binding`` which options bind, ``inside_shares`` the Rubinstein shares without
        options, and ``forum_value`` (``x - inside_shares``: what the alternative is worth to
        each party in the standing forum). Exact for rational inputs.

    Raises
    ------
    InvalidProblemError
        For discount factors outside [0, 1) or equal to 1 together, negative options, or
        options that leave no gain from agreement.

    Notes
    -----
    Options available only when *responding* follow Binmore, Shaked and Sutton (1989) and
    Osborne and Rubinstein (1990, section 3.12); the proposer's own option is irrelevant to
    its offer. A breakdown *risk* (an exogenous chance that talks end) is a different model
    (Binmore, Rubinstein and Wolinsky 1986): as the risk per period vanishes, its equilibrium
    tends to the Nash solution with the breakdown payoffs as disagreement point.

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
    """
    names = distinct_names(players, 2)
    deltas = _pair(discount_factors, "discount_factors")
    options = _pair(outside_options, "outside_options")
    kind = parameter_kind([*deltas, *options, surplus], "discount factors, options and surplus")
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(
            "outside_option_bargaining compares the options with the shares: give numbers, "
            "not symbols."
        )
    d1, d2 = convert(deltas, kind)
    w1, w2 = convert(options, kind)
    s = nb.as_number(surplus, kind)
    check_positive(s, "surplus", kind)
    if not (0 <= d1 < 1 and 0 <= d2 < 1):
        raise InvalidProblemError(
            f"discount factors must lie in [0, 1), got {list(deltas)} (1 means no cost of delay, "
            "and the game has no unique equilibrium)."
        )
    if w1 < 0 or w2 < 0:
        raise InvalidProblemError(f"outside options must be non-negative, got {list(options)}.")
    if w1 + w2 >= s:
        raise InvalidProblemError(
            f"the outside options {list(options)} add up to at least the surplus {s}: there is "
            "no gain from agreeing, and a player opts out."
        )
    inside = rubinstein([d1, d2], players=names, surplus=s)
    x = y = None
    for bind1, bind2 in itertools.product((False, True), repeat=2):
        # solve x = s - (w2 if bind2 else d2 y), y = s - (w1 if bind1 else d1 x)
        if bind2 and bind1:
            x, y = s - w2, s - w1
        elif bind2:
            x = s - w2
            y = s - d1 * x
        elif bind1:
            y = s - w1
            x = s - d2 * y
        else:
            x, y = inside.x[0], s - inside.x[0] * d1  # Rubinstein: y = s - d1 x
        if (w2 >= d2 * y) == bind2 or w2 == d2 * y:
            if (w1 >= d1 * x) == bind1 or w1 == d1 * x:
                binding = (bind1 and w1 > d1 * x, bind2 and w2 > d2 * y)
                break
    else:  # the map is a contraction, so one case is always consistent
        raise InvalidProblemError("outside_option_bargaining: no consistent equilibrium found.")
    shares = frozen_array([x, s - x], kind)
    base = inside.x
    return OutsideOptionResult(
        x=shares,
        players=names,
        exact=kind != nb.FLOAT,
        proposer=names[0],
        concept="outside-option-bargaining",
        method="closed-form",
        discount_factors=frozen_array([d1, d2], kind),
        outside_options=frozen_array([w1, w2], kind),
        binding=binding,
        inside_shares=base,
        forum_value=frozen_array([shares[0] - base[0], shares[1] - base[1]], kind),
    )
