"""Semivalues: Shapley, Banzhaf and every value that weighs a marginal contribution by the
size of the coalition it joins."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import front_door
from ..exceptions import InvalidGameError
from ..games.oracle import OracleGame
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from ._size_sums import size_profile

__all__ = ["semivalue"]


def semivalue_raw(
    game: TUGame | OracleGame,
    weights: Sequence[Any],
    *,
    executor: Any = None,
    callback: Any = None,
) -> list | np.ndarray:
    """Payoffs ``sum over S not containing i of p(|S|) (v(S + i) - v(S))``.

    ``weights`` holds p(0), ..., p(n-1) in the game's number type. An
    :class:`~coalitions.OracleGame` (float weights) is read by streaming its coalitions, with
    the blocks run by ``executor`` and reported to ``callback``.
    """
    n = game.n_players
    kind = nb.FLOAT if isinstance(game, OracleGame) else game.kind
    zero = nb.constant(0, kind)
    p = list(weights) + [zero]  # p(n) = 0: no coalition without i has n members
    with_player = [p[0]] + [p[s - 1] + p[s] for s in range(1, n + 1)]
    with_player[0] = zero  # the empty coalition contains nobody
    if isinstance(game, OracleGame):
        from ..approx.streaming import streamed_player_sums

        sums, constant = streamed_player_sums(
            game, with_player, p, executor=executor, callback=callback
        )
        return sums - constant
    profile = size_profile(game)
    sums = profile.player_sums(with_player)
    constant = profile.total(p)
    if game.kind == nb.FLOAT:
        return sums - constant
    out = [s - constant for s in sums]
    if game.kind == nb.SYMBOLIC:
        out = nb.simplify_symbolic(out)
    return out


def as_result(
    game: TUGame | OracleGame,
    payoffs,
    *,
    concept: str,
    method: str,
    normalized: bool = False,
    whole_table: bool = True,
) -> ValueResult:
    """The payoffs as a read-only ValueResult; ``n_evaluations`` is the table's size when the
    method reads the whole table (``whole_table``), else unknown (None). An OracleGame's
    payoffs are floats from all its ``2**n`` coalitions."""
    evaluations: int | None
    if isinstance(game, OracleGame):  # streamed: floats from all 2**n coalitions
        exact, cost, evaluations = False, False, 1 << game.n_players
        x = nb.read_only(payoffs, nb.FLOAT)
    else:
        exact, cost = game.exact, game.is_cost
        evaluations = len(game.values) if whole_table else None
        x = nb.read_only(payoffs, game.kind)
    return ValueResult(
        x=x,
        players=game.players,
        exact=exact,
        concept=concept,
        method=method,
        normalized=normalized,
        n_evaluations=evaluations,
        cost=cost,
    )


def mark_cost(game: Any, result: ValueResult) -> ValueResult:
    """``result`` flagged as cost shares when ``game`` is a cost game (sampling estimates)."""
    if getattr(game, "is_cost", False) and not result.cost:
        import dataclasses

        return dataclasses.replace(result, cost=True)
    return result


def negated_worths(game: TUGame) -> TUGame:
    """The game of worths ``-c`` of a cost game ``c``.

    A rule that is covariant under strategic equivalence (adding an additive game, scaling
    by a positive number) gives the cost shares ``y = -phi(-c)``; since ``-c`` and the savings
    game ``s(S) = sum_{i in S} c({i}) - c(S)`` differ by an additive game, this is also
    ``y_i = c({i}) - phi_i(s)``.
    """
    return TUGame(-np.asarray(game.values), game.players, cost=False)


#: The choices of ``method=`` in :func:`semivalue`.
SEMIVALUE_METHODS = ("exact",)


@front_door(SEMIVALUE_METHODS)
def semivalue(game: TUGame, weights: Sequence[Any], *, method: str = "exact") -> ValueResult:
    r"""The semivalue of a game for given coalition-size weights.

    .. math:: \psi_i(v) = \sum_{S \subseteq N \setminus i} p_{|S|}\,(v(S \cup i) - v(S))

    Parameters
    ----------
    game : TUGame
    weights : sequence of n numbers
        ``p_0, ..., p_{n-1}``: the weight of a marginal contribution to a coalition of each
        size. A semivalue has ``sum_s C(n-1, s) p_s = 1`` (not enforced, so that raw swing
        counts are expressible). Shapley: ``s!(n-s-1)!/n!``; Banzhaf: ``2**-(n-1)``.
    method : {"exact"}
        The size-grouped sums over the table (the only method).

    Returns
    -------
    ValueResult

    References
    ----------
    .. [1] Dubey, P., Neyman, A. and Weber, R. J. (1981). Value theory without efficiency.
       *Mathematics of Operations Research* 6(1), 122-128.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.semivalue(glove, [0, 1, 0]).x.tolist()   # swings into coalitions of size one
    [Fraction(2, 1), Fraction(1, 1), Fraction(1, 1)]
    """
    game = as_tu_game(game, "semivalue")
    n = game.n_players
    weights = list(nb.coerce_values(weights, what="semivalue weights")[0])
    if len(weights) != n:
        raise InvalidGameError(
            f"semivalue needs one weight per coalition size 0..{n - 1} ({n} weights), got "
            f"{len(weights)}."
        )
    converted = [
        nb.as_number(w, game.kind)
        if game.kind != nb.EXACT or not isinstance(w, float)
        else Fraction(repr(w))
        for w in weights
    ]
    return as_result(game, semivalue_raw(game, converted), concept="semivalue", method="exact")
