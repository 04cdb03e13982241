r"""Interaction indices of order k: Shapley, Banzhaf, Shapley-Taylor and Faith-Shap.

An interaction index says whether players are worth more together than apart (positive:
complements) or less (negative: substitutes). The four indices here are linear and
symmetric, so each is a sum over the game's Harsanyi dividends :math:`a(T)` (its coordinates
in the basis of unanimity games) with a weight that depends only on :math:`|S|` and
:math:`|T|`:

.. math:: I_S = \sum_{T \supseteq S} w_{|S|}(|T|)\, a(T), \qquad
          w^{\text{Shapley}}_s(t) = \frac{1}{t - s + 1}, \quad
          w^{\text{Banzhaf}}_s(t) = \frac{1}{2^{t-s}},

Shapley-Taylor of order k (:math:`w_s(t) = [t = s]` for :math:`s < k` and
:math:`\binom{t}{k}^{-1}` for :math:`s = k`) and Faith-Shap of order k
(:math:`w_s(s) = 1`, :math:`w_s(t) = 0` for :math:`s < t \le k`, and above k

.. math:: w_s(t) = (-1)^{k-s} \frac{s}{k+s} \binom{k}{s}
          \binom{t-1}{k} \Big/ \binom{t+k-1}{k+s}).

Two routes:

* ``"moebius"`` (any order, float or rational games): the dividends by the fast Moebius
  transform, then for each size s the superset sums of :math:`w_s(|T|)\, a(T)` by its
  mirror image, :math:`(k + 1)\, n 2^n` additions (of Python integers over the common
  denominators of the worths and weights for a rational game).
* ``"size-sums"`` (float games, order 1 or 2): back in the worths,
  :math:`I_S = \sum_T c_{|S|}(|T|, |T \cap S|)\, v(T)` with
  :math:`c_s(r, m) = \sum_t \binom{n - r - s + m}{t - r - s + m} (-1)^{t - r} w_s(t)`
  (computed exactly), so a pair's index is
  :math:`\sum_T v(T) [\alpha x_i x_j + \beta (x_i + x_j) + \gamma](|T|)` over the membership
  indicators :math:`x`: one blocked pass over the table (``_size_sums``, the exact Shapley
  value's kernel) gives the weighted sums over the coalitions containing each pair and each
  player, about :math:`n/2` flops a worth.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from itertools import combinations
from math import comb, lcm
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import mask_bits, popcounts, split_on
from .._checks import check_choice, check_integer, front_door
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.transforms import as_tu_game, harsanyi_dividends
from ..games.tu import TUGame
from ..results import InteractionResult

__all__ = [
    "interaction_index",
    "INTERACTION_KINDS",
    "MAX_INTERACTION_PLAYERS",
    "MAX_EXACT_INTERACTION_PLAYERS",
    "MAX_INTERACTIONS",
]

#: The indices of :func:`interaction_index`.
INTERACTION_KINDS = ("shapley", "banzhaf", "shapley-taylor", "faith-shap")
#: The worths of every coalition are read (float games).
MAX_INTERACTION_PLAYERS = 24
#: Exact (rational) games are transformed in Fractions.
MAX_EXACT_INTERACTION_PLAYERS = 16
#: Most interactions (coalitions of sizes 1 to the order) a result lists.
MAX_INTERACTIONS = 1 << 20


def _dividend_weight(kind: str, size: int, t: int, order: int) -> Fraction:
    """``w_size(t)``: the weight of the dividend of a coalition of t players in the index of
    a coalition of ``size`` players (t >= size), for the index of order ``order``."""
    if kind == "shapley":
        return Fraction(1, t - size + 1)
    if kind == "banzhaf":
        return Fraction(1, 2 ** (t - size))
    if kind == "shapley-taylor":
        if size < order:
            return Fraction(int(t == size))
        return Fraction(1, comb(t, order))
    # faith-shap
    if t == size:
        return Fraction(1)
    if t <= order:
        return Fraction(0)
    sign = -1 if (order - size) % 2 else 1
    return (
        sign
        * Fraction(size, order + size)
        * comb(order, size)
        * Fraction(comb(t - 1, order), comb(t + order - 1, order + size))
    )


@lru_cache(maxsize=64)
def _worth_weights(kind: str, size: int, order: int, n: int) -> tuple[tuple[Fraction, ...], ...]:
    """``c[m][r]``: the weight of ``v(T)`` with ``|T| = r`` and ``|T ∩ S| = m`` in the index
    of a coalition S of ``size`` players (zero where no such T exists)."""
    out = [[Fraction(0)] * (n + 1) for _ in range(size + 1)]
    for m in range(size + 1):
        for r in range(m, n - size + m + 1):
            union = r + size - m  # |T ∪ S|: every U ⊇ T ∪ S contributes a(U) ∋ v(T)
            out[m][r] = sum(
                (
                    comb(n - union, t - union)
                    * (-1 if (t - r) % 2 else 1)
                    * _dividend_weight(kind, size, t, order)
                    for t in range(union, n + 1)
                ),
                Fraction(0),
            )
    return tuple(map(tuple, out))


@front_door(("auto", "size-sums", "moebius"))
def interaction_index(
    game: TUGame, *, order: int = 2, kind: str = "shapley", method: str = "auto"
) -> InteractionResult:
    r"""The interaction index of order k of every coalition of at most k players.

    Parameters
    ----------
    game : TUGame
        A game of at most :data:`MAX_INTERACTION_PLAYERS` players
        (:data:`MAX_EXACT_INTERACTION_PLAYERS` for an exact game).
    order : int, default 2
        The order k: the largest coalitions whose interaction is reported (1 to n).
    kind : {"shapley", "banzhaf", "shapley-taylor", "faith-shap"}
        The Shapley interaction index (Grabisch and Roubens 1999), the Banzhaf interaction
        index (the same reference), the Shapley-Taylor interaction index of order k
        (Sundararajan, Dhamdhere and Agarwal 2020), or the Faithful Shapley interaction index
        of order k (Tsai, Yeh and Ravikumar 2023). The last two are efficient: their
        interactions of sizes 1 to k add up to ``v(N) - v(∅)``; Faith-Shap of order 1 and
        Shapley-Taylor of order 1 are the Shapley value.
    method : {"auto", "size-sums", "moebius"}
        ``"size-sums"``: one blocked pass over the worths (float games, order 1 or 2; what
        ``"auto"`` picks for them); ``"moebius"``: the dividends by the fast Moebius
        transform, then their weighted superset sums (any game, any order).

    Returns
    -------
    InteractionResult
        ``interactions`` (every coalition of 1 to k players, as a tuple of names, with its
        index, by size then player order; :meth:`~coalitions.InteractionResult.interaction`
        looks one up); for order 2 and above, ``matrix`` (symmetric, ``matrix[i][j]`` the
        interaction of players i and j, the diagonal each player's own index of size 1) and
        ``x`` its rows' sums of the off-diagonal entries; for order 1, ``matrix`` is empty
        and ``x`` holds the players' indices.

    Raises
    ------
    InvalidArgumentError
        For an order outside 1 to n, an unknown kind, or ``method="size-sums"`` on an exact
        game or above order 2.
    TooLargeError
        Above the player limits, or above :data:`MAX_INTERACTIONS` interactions.

    Notes
    -----
    Semivalue interactions (Shapley, Banzhaf) of a coalition S do not depend on the order;
    Shapley-Taylor and Faith-Shap do: they share ``v(N) - v(∅)`` among the coalitions up to
    size k. Faith-Shap is the unique index of order k that satisfies the interaction
    extensions of linearity, symmetry, dummy and efficiency and is the coefficient vector of
    the best weighted least-squares approximation of v by a polynomial of degree k (the
    Shapley kernel weights, with ``v(∅)`` and ``v(N)`` matched exactly). The module notes
    derive both routes; the size-sums route costs about the exact Shapley value's pass.

    References
    ----------
    .. [1] Grabisch, M. and Roubens, M. (1999). An axiomatic approach to the concept of
       interaction among players in cooperative games. *International Journal of Game
       Theory* 28(4), 547-565.
    .. [2] Sundararajan, M., Dhamdhere, K. and Agarwal, A. (2020). The Shapley Taylor
       interaction index. *ICML*, PMLR 119, 9259-9268.
    .. [3] Tsai, C.-P., Yeh, C.-K. and Ravikumar, P. (2023). Faith-Shap: The Faithful
       Shapley interaction index. *Journal of Machine Learning Research* 24(94), 1-42.

    Examples
    --------
    In the glove game the left glove complements each right glove, and the two right gloves
    are substitutes:

    >>> import coalitions as co
    >>> result = co.interaction_index(co.glove_game(["L"], ["R1", "R2"]))
    >>> result.matrix[0][1], result.matrix[1][2]
    (Fraction(1, 2), Fraction(-1, 2))

    Faith-Shap of order 2 shares the worth of the grand coalition among the players and the
    pairs:

    >>> faith = co.interaction_index(co.glove_game(["L"], ["R1", "R2"]), kind="faith-shap")
    >>> [(members, str(value)) for members, value in faith.interactions]
    [(('L',), '1/6'), (('R1',), '1/6'), (('R2',), '1/6'), (('L', 'R1'), '1/2'), (('L', 'R2'), '1/2'), (('R1', 'R2'), '-1/2')]
    >>> sum(value for _, value in faith.interactions)
    Fraction(1, 1)
    """
    function = "interaction_index"
    game = as_tu_game(game, function, numeric="sums worths")
    n = game.n_players
    order = check_integer(order, "order", function, low=1, high=max(1, n))
    kind = check_choice(
        kind,
        INTERACTION_KINDS,
        what="interaction index",
        plural="interaction indices",
        function=function,
    )
    is_float = game.kind == nb.FLOAT
    limit = MAX_INTERACTION_PLAYERS if is_float else MAX_EXACT_INTERACTION_PLAYERS
    if n > limit:
        raise TooLargeError(
            f"{function}: {n} players; the limit is {limit} for a "
            f"{'float' if is_float else 'rational'} game."
        )
    count = sum(comb(n, s) for s in range(1, order + 1))
    if count > MAX_INTERACTIONS:
        raise TooLargeError(
            f"{function}: order {order} of {n} players lists {count} interactions, more than "
            f"{MAX_INTERACTIONS}; ask for a lower order."
        )
    if method == "auto":
        method = "size-sums" if is_float and order <= 2 else "moebius"
    if method == "size-sums":
        if not is_float or order > 2:
            raise InvalidArgumentError(
                f"{function}: method='size-sums' serves float games of order 1 or 2; use "
                "method='moebius' (or 'auto') for this game."
            )
        singles, pairs = _by_size_sums(game, kind, order)
    else:
        singles, pairs, higher = _by_moebius(game, kind, order)
    names = game.players
    sets: list[tuple[tuple[str, ...], object]] = [((p,), singles[i]) for i, p in enumerate(names)]
    if order >= 2:
        square = np.array(pairs, dtype=nb.array_dtype(game.kind))
        np.fill_diagonal(square, 0)
        x = square.sum(axis=1)
        np.fill_diagonal(square, singles)
        matrix = tuple(map(tuple, square.tolist()))
        keys, upper = _pair_keys(names)
        sets += zip(keys, square[upper].tolist())
    else:
        matrix = ()
        x = np.asarray(list(singles), dtype=nb.array_dtype(game.kind))
    if order >= 3:
        sets += [(tuple(names[i] for i in members), value) for members, value in higher]
    return InteractionResult(
        x=nb.read_only(x),
        players=game.players,
        exact=game.exact,
        concept=f"{kind}-interaction",
        method=method,
        matrix=matrix,
        interactions=tuple(sets),
        order=order,
        cost=game.is_cost,
    )


def _by_size_sums(game: TUGame, kind: str, order: int) -> tuple[list, Any]:
    """Singletons' and pairs' indices of a float game from one pass over its worths."""
    from ._size_sums import size_profile

    n = game.n_players
    if n <= SMALL_TABLE_PLAYERS:  # one product of the table with a cached matrix
        flat = game.values @ _small_matrix(kind, order, n)
        if order == 1:
            return flat.tolist(), []
        return flat[:n].tolist(), flat[_pair_positions(n)]
    profile = size_profile(game)
    weights = _float_weights(kind, order, n)
    single_weight, single_constant = weights[:2]
    if order == 1:
        singles = profile.player_sums(single_weight) + profile.total(single_constant)
        return singles.tolist(), []
    both, either, constant = weights[2:]
    pair_sums, player_sums = profile.pair_sums(both, [single_weight, either])
    singles = player_sums[0] + profile.total(single_constant)
    pairs = pair_sums + player_sums[1][:, None] + player_sums[1][None, :] + profile.total(constant)
    return singles.tolist(), pairs


@lru_cache(maxsize=32)
def _pair_keys(names: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], tuple]:
    """The pairs of ``names`` in :func:`itertools.combinations` order and their positions
    in the ``n x n`` matrix."""
    first, second = np.triu_indices(len(names), 1)
    keys = tuple((names[i], names[j]) for i, j in zip(first.tolist(), second.tolist()))
    return keys, (first, second)


#: Float games of at most this many players take every singleton and pair index from one
#: product of the table with a cached ``2**n x (n + n(n-1)/2)`` matrix (at most 440 KiB).
SMALL_TABLE_PLAYERS = 10


@lru_cache(maxsize=32)
def _small_matrix(kind: str, order: int, n: int) -> np.ndarray:
    """Column i: each coalition's weight in the index of player i; then (order 2) one column
    per pair ``i < j`` in :func:`numpy.triu_indices` order and a zero column (the diagonal of
    :func:`_pair_positions`): the size-sums weights of :func:`_float_weights` spelled out
    coalition by coalition."""
    weights = _float_weights(kind, order, n)
    sizes = popcounts(n)
    bits = mask_bits(np.arange(1 << n), n)  # [S, i] = 1 when i is in S
    single_weight, single_constant = (w[sizes] for w in weights[:2])
    columns = [bits * single_weight[:, None] + single_constant[:, None]]
    if order >= 2:
        both, either, constant = (w[sizes] for w in weights[2:])
        i, j = np.triu_indices(n, 1)
        columns.append(
            bits[:, i] * bits[:, j] * both[:, None]
            + (bits[:, i] + bits[:, j]) * either[:, None]
            + constant[:, None]
        )
        columns.append(np.zeros((1 << n, 1)))
    return nb.read_only(np.concatenate(columns, axis=1))


@lru_cache(maxsize=32)
def _pair_positions(n: int) -> np.ndarray:
    """``P[i, j]``: the column of :func:`_small_matrix` holding pair ``{i, j}`` (the zero
    column on the diagonal)."""
    positions = np.full((n, n), n + n * (n - 1) // 2)
    i, j = np.triu_indices(n, 1)
    positions[i, j] = positions[j, i] = n + np.arange(len(i))
    return nb.read_only(positions)


@lru_cache(maxsize=64)
def _float_weights(kind: str, order: int, n: int) -> tuple[np.ndarray, ...]:
    """The per-size weights of the size-sums route: for singletons ``c(r, 1) - c(r, 0)`` on
    the members and ``c(r, 0)`` on every coalition; for pairs, from
    ``c(r, 2) x_i x_j + c(r, 1) (x_i (1 - x_j) + x_j (1 - x_i)) + c(r, 0) (1 - x_i)(1 - x_j)``,
    the weights of ``x_i x_j``, of ``x_i`` (and ``x_j``) and of every coalition."""
    one = np.array(_worth_weights(kind, 1, order, n), dtype=np.float64)
    out = [one[1] - one[0], one[0]]
    if order >= 2:
        two = np.array(_worth_weights(kind, 2, order, n), dtype=np.float64)
        out += [two[2] - 2 * two[1] + two[0], two[1] - two[0], two[0]]
    return tuple(nb.read_only(weights) for weights in out)


def _by_moebius(game: TUGame, kind: str, order: int) -> tuple[list, list, list]:
    """Every index from the dividends' weighted superset sums (any number kind)."""
    n = game.n_players
    sizes = popcounts(n)
    is_float = game.kind == nb.FLOAT
    if game.kind == nb.EXACT:
        # Python integers over the common denominators of the worths and of the weights:
        # the transforms add integers, and only the entries read become Fractions
        ints, scale = nb.to_scaled_int(game.values, dtype=object)
        dividends = _moebius(ints, n)
    else:
        dividends = harsanyi_dividends(game).values
    convert = float if is_float else Fraction
    dtype = nb.array_dtype(game.kind)

    def by_size(size: int) -> Any:
        """A table of the indices of every coalition (read at the masks of ``size``)."""
        weights = [Fraction(0)] * size + [
            _dividend_weight(kind, size, t, order) for t in range(size, n + 1)
        ]
        if game.kind == nb.EXACT:
            common = lcm(*(w.denominator for w in weights))
            integral = np.array([int(w * common) for w in weights], dtype=object)
            return _ExactEntries(_superset_sums(integral[sizes] * dividends, n), common * scale)
        per_size = np.array([convert(w) for w in weights], dtype=dtype)
        return _superset_sums(per_size[sizes] * dividends, n)

    singles_table = by_size(1)
    singles = [singles_table[1 << i] for i in range(n)]
    pairs: list = []
    if order >= 2:
        pair_table = by_size(2)
        pairs = [[pair_table[(1 << i) | (1 << j)] for j in range(n)] for i in range(n)]
    higher = []
    for size in range(3, order + 1):
        table = by_size(size)
        higher += [
            (members, table[sum(1 << i for i in members)])
            for members in combinations(range(n), size)
        ]
    if is_float:
        singles = [float(v) for v in singles]
        pairs = [[float(v) for v in row] for row in pairs]
        higher = [(members, float(v)) for members, v in higher]
    return singles, pairs, higher


class _ExactEntries:
    """Integer sums over one denominator, read entry by entry as Fractions."""

    def __init__(self, sums: np.ndarray, denominator: int):
        self.sums, self.denominator = sums, denominator

    def __getitem__(self, mask: int) -> Fraction:
        return Fraction(self.sums[mask], self.denominator)


def _moebius(table: np.ndarray, n: int) -> np.ndarray:
    """The dividends ``a(T) = sum over S in T of (-1)**|T - S| v(S)``: n passes."""
    out = np.array(table, copy=True)
    for i in range(n):
        without, with_i = split_on(out, i)
        with_i -= without
    return out


def _superset_sums(table: np.ndarray, n: int) -> np.ndarray:
    """``A(S) = sum of table[T] over the supersets T of S``: n passes, one per player."""
    out = np.array(table, copy=True)
    for i in range(n):
        without, with_i = split_on(out, i)
        without += with_i
    return out
