"""Rubinstein's alternating-offers bargaining between two players."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from .. import _numbers as nb
from ..exceptions import InvalidProblemError
from ..results import RubinsteinResult
from ._inputs import check_positive, convert, distinct_names, parameter_kind

__all__ = ["rubinstein"]


def rubinstein(
    discount_factors=None, *, rates=None, period=None, players=("1", "2"), surplus=1
) -> RubinsteinResult:
    r"""Subgame-perfect shares of Rubinstein's alternating-offers game (two players).

    Player 1 proposes first; rejected offers cost each player her discount factor
    ``delta_i`` per round. The unique subgame-perfect equilibrium has immediate agreement
    with the first proposer's share

    .. math:: x_1 = \frac{1 - \delta_2}{1 - \delta_1 \delta_2}, \qquad x_2 = 1 - x_1 .

    With discount *rates* ``r_i`` and a period ``Delta`` between offers,
    ``delta_i = exp(-r_i Delta)``; as ``Delta -> 0`` (``period=None``) the shares tend to
    ``x_1 = r_2 / (r_1 + r_2)``, the asymmetric Nash solution with weights proportional to
    ``1 / r_i``: the more patient player gets more.

    Parameters
    ----------
    discount_factors : pair of numbers in [0, 1), optional
        ``(delta_1, delta_2)``; a single number means both. Fractions give exact shares,
        sympy symbols give formulas.
    rates : pair of positive numbers, optional
        Continuous-time discount rates; use instead of ``discount_factors``.
    period : positive number, optional
        Time between offers with ``rates``; None (default) gives the frictionless limit.
    players : pair of str
        First proposer first.
    surplus : number
        Size of the pie (default 1).

    Returns
    -------
    RubinsteinResult
        ``x`` the two shares of the surplus (first proposer first).

    Raises
    ------
    InvalidProblemError
        If both or neither of ``discount_factors`` and ``rates`` are given, or a value is out
        of range.

    References
    ----------
    .. [1] Rubinstein, A. (1982). Perfect equilibrium in a bargaining model. *Econometrica*
       50(1), 97-109.
    .. [2] Binmore, K., Rubinstein, A. and Wolinsky, A. (1986). The Nash bargaining solution
       in economic modelling. *RAND J. Econ.* 17(2), 176-188.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import coalitions as co
    >>> co.rubinstein(Fraction(9, 10)).x.tolist()
    [Fraction(10, 19), Fraction(9, 19)]
    >>> co.rubinstein(rates=[1, 3]).x.tolist()     # the patient player 1 gets 3/4
    [Fraction(3, 4), Fraction(1, 4)]
    """
    if (
        not isinstance(players, (str, bytes))
        and isinstance(players, Iterable)
        and len(tuple(players)) != 2
    ):
        raise InvalidProblemError("Rubinstein bargaining has exactly two players.")
    players = distinct_names(players, 2)
    if (discount_factors is None) == (rates is None):
        raise InvalidProblemError(
            "give either discount_factors=(delta_1, delta_2) or rates=(r_1, r_2), not both."
        )
    if rates is not None:
        rates = _pair(rates, "rates must be a pair (r_1, r_2).")
        kind = parameter_kind(
            [*rates, surplus] + ([] if period is None else [period]), "rates, surplus and period"
        )
        r = convert(rates, kind)
        s = nb.as_number(surplus, kind)
        if kind != nb.SYMBOLIC and not all(float(v) > 0 for v in r):
            raise InvalidProblemError(f"rates must be positive, got {rates}.")
        check_positive(s, "surplus", kind)
        if period is None:
            first = s * r[1] / (r[0] + r[1])
            return _split(
                first, s, kind, players, kind != nb.FLOAT, rates=nb.read_only(r, kind), limit=True
            )
        if kind == nb.SYMBOLIC:
            sp = nb.import_sympy()
            deltas = [sp.exp(-ri * period) for ri in r]
        else:
            if float(period) <= 0:
                raise InvalidProblemError(f"period must be positive, got {period}.")
            kind = nb.FLOAT
            deltas = [math.exp(-float(ri) * float(period)) for ri in r]
            s = float(s)
        first = s * (1 - deltas[1]) / (1 - deltas[0] * deltas[1])
        return _split(
            first,
            s,
            kind,
            players,
            kind == nb.SYMBOLIC,
            discount_factors=nb.read_only(deltas, kind),
            rates=nb.read_only(convert(rates, kind), kind),
            period=period,
        )
    deltas = _pair(discount_factors, "discount_factors must be a pair (delta_1, delta_2).")
    kind = parameter_kind([*deltas, surplus], "discount factors and surplus")
    delta = convert(deltas, kind)
    s = nb.as_number(surplus, kind)
    check_positive(s, "surplus", kind)
    if kind != nb.SYMBOLIC:
        if not all(0 <= float(v) <= 1 for v in delta) or float(delta[0] * delta[1]) >= 1:
            raise InvalidProblemError(
                f"discount factors must lie in [0, 1] and not both equal 1, got {deltas}."
            )
    first = s * (1 - delta[1]) / (1 - delta[0] * delta[1])
    if kind == nb.SYMBOLIC:
        first = nb.import_sympy().simplify(first)
    return _split(
        first, s, kind, players, kind != nb.FLOAT, discount_factors=nb.read_only(delta, kind)
    )


def _pair(value, message: str) -> list:
    """A pair given as a list (or one value for both players); ``message`` if not a pair."""
    pair = list(value) if isinstance(value, (list, tuple, np.ndarray)) else [value] * 2
    if len(pair) != 2:
        raise InvalidProblemError(message)
    return pair


def _split(first, s, kind: str, players: tuple, exact: bool, **fields) -> RubinsteinResult:
    """The result: the first proposer's share ``first`` of the surplus ``s``, the rest to the
    responder."""
    return RubinsteinResult(
        x=nb.read_only([first, s - first], kind),
        players=players,
        exact=exact,
        proposer=players[0],
        concept="rubinstein",
        method="closed-form",
        **fields,
    )
