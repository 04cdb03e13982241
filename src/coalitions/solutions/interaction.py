r"""Interaction indices of pairs of players: Shapley, Banzhaf and Shapley-Taylor (order 2).

An interaction index says whether two players are worth more together than apart
(positive: complements) or less (negative: substitutes). All three indices here are linear,
so they are sums over the game's Harsanyi dividends :math:`m(T)` (its coordinates in the basis
of unanimity games) with a weight that depends only on :math:`|T|`:

.. math:: I_{ij} = \sum_{T \supseteq \{i, j\}} c(|T|)\, m(T), \qquad
          c_{\text{Shapley}}(t) = \frac{1}{t - 1}, \quad
          c_{\text{Banzhaf}}(t) = \frac{1}{2^{t-2}}, \quad
          c_{\text{Shapley-Taylor}}(t) = \binom{t}{2}^{-1}.

Every pair's sum is one entry of the superset sums of :math:`c(|T|)\, m(T)`: the dividends
by the fast Moebius transform and the superset sums by its mirror image, :math:`2n 2^n`
additions in all, about the cost of the Shapley value, instead of a pass over the
:math:`2^{n-2}` coalitions of every pair.
"""

from __future__ import annotations

from fractions import Fraction
from math import comb

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, split_on
from .._checks import check_choice, front_door
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.transforms import as_tu_game, harsanyi_dividends
from ..games.tu import TUGame
from ..results import InteractionResult

__all__ = ["interaction_index", "INTERACTION_KINDS", "MAX_INTERACTION_PLAYERS"]

#: The indices of :func:`interaction_index`.
INTERACTION_KINDS = ("shapley", "banzhaf", "shapley-taylor")
#: The dividends of every coalition are read (float games).
MAX_INTERACTION_PLAYERS = 24
#: Exact (rational) games are summed in Python integers over a common denominator.
MAX_EXACT_INTERACTION_PLAYERS = 16


def _weight(kind: str, size: int) -> Fraction:
    if kind == "shapley":
        return Fraction(1, size - 1)
    if kind == "banzhaf":
        return Fraction(1, 2 ** (size - 2))
    return Fraction(1, comb(size, 2))


@front_door(("moebius",))
def interaction_index(
    game: TUGame, *, order: int = 2, kind: str = "shapley", method: str = "moebius"
) -> InteractionResult:
    r"""The pairwise interaction index of every two players (Grabisch and Roubens 1999).

    Parameters
    ----------
    game : TUGame
        A game of at most :data:`MAX_INTERACTION_PLAYERS` players
        (:data:`MAX_EXACT_INTERACTION_PLAYERS` for an exact game).
    order : {2}
        The order of the interactions (pairs).
    kind : {"shapley", "banzhaf", "shapley-taylor"}
        The Shapley interaction index (Grabisch and Roubens 1999), the Banzhaf interaction
        index, or the Shapley-Taylor interaction index of order 2 (Sundararajan, Dhamdhere and
        Agarwal 2020).
    method : {"moebius"}
        The dividends by the fast Moebius transform, then their weighted superset sums (the
        only method).

    Returns
    -------
    InteractionResult
        ``matrix`` (symmetric, ``matrix[i][j]`` the interaction of players i and j; the
        diagonal holds each player's own index of order 1: its Shapley value, Banzhaf value,
        or for Shapley-Taylor its dividend ``m({i})``) and ``x`` its rows' sums of the
        off-diagonal entries.

    Raises
    ------
    InvalidArgumentError
        For an order other than 2 or an unknown kind.
    TooLargeError
        Above the player limits.

    References
    ----------
    .. [1] Grabisch, M. and Roubens, M. (1999). An axiomatic approach to the concept of
       interaction among players in cooperative games. *International Journal of Game
       Theory* 28(4), 547-565.
    .. [2] Sundararajan, M., Dhamdhere, K. and Agarwal, A. (2020). The Shapley Taylor
       interaction index. *ICML*, PMLR 119, 9259-9268.

    Examples
    --------
    In the glove game the left glove complements each right glove, and the two right gloves
    are substitutes:

    >>> import coalitions as co
    >>> result = co.interaction_index(co.glove_game(["L"], ["R1", "R2"]))
    >>> result.matrix[0][1], result.matrix[1][2]
    (Fraction(1, 2), Fraction(-1, 2))
    """
    game = as_tu_game(game, "interaction_index", numeric="sums worths")
    if order != 2 or isinstance(order, bool):
        raise InvalidArgumentError(
            f"interaction_index: order={order!r}; the pairwise interactions (order=2) are computed."
        )
    kind = check_choice(kind, INTERACTION_KINDS, what="interaction index")
    n = game.n_players
    limit = MAX_INTERACTION_PLAYERS if game.kind == nb.FLOAT else MAX_EXACT_INTERACTION_PLAYERS
    if n > limit:
        raise TooLargeError(
            f"interaction_index: {n} players; the limit is {limit} for a "
            f"{'float' if game.kind == nb.FLOAT else 'rational'} game."
        )
    dividends = harsanyi_dividends(game).values
    sizes = popcounts(n)
    convert = float if game.kind == nb.FLOAT else Fraction
    pair_weight = [convert(0), convert(0)] + [convert(_weight(kind, t)) for t in range(2, n + 1)]
    dtype = np.float64 if game.kind == nb.FLOAT else object
    pair = _superset_sums(np.array(pair_weight, dtype=dtype)[sizes] * dividends, n)
    own = _order_one(game, kind, dividends)
    matrix = [[own[i] if i == j else pair[(1 << i) | (1 << j)] for j in range(n)] for i in range(n)]
    off = [sum(matrix[i][j] for j in range(n) if j != i) for i in range(n)]
    x = np.asarray(off, dtype=np.float64 if game.kind == nb.FLOAT else object)
    x.setflags(write=False)
    rows = tuple(
        tuple(row) for row in (matrix.tolist() if isinstance(matrix, np.ndarray) else matrix)
    )
    return InteractionResult(
        x=x,
        players=game.players,
        exact=game.exact,
        concept=f"{kind}-interaction",
        method="moebius",
        matrix=rows,
        order=2,
        cost=game.is_cost,
    )


def _order_one(game: TUGame, kind: str, dividends: np.ndarray) -> list:
    """Each player's own index of order 1: its Shapley or Banzhaf value, or (Shapley-Taylor)
    its dividend m({i})."""
    if kind == "shapley":
        from .shapley import shapley_value

        return shapley_value(game).x.tolist()
    if kind == "banzhaf":
        from .banzhaf import banzhaf_value

        return banzhaf_value(game).x.tolist()
    return [dividends[1 << i] for i in range(game.n_players)]


def _superset_sums(table: np.ndarray, n: int) -> np.ndarray:
    """``A(S) = sum of table[T] over the supersets T of S``: n passes, one per player."""
    out = np.array(table, copy=True)
    for i in range(n):
        without, with_i = split_on(out, i)
        without += with_i
    return out
