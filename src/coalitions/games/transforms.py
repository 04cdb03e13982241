"""Transforms of TU games: Harsanyi dividends, dual, subgame, normalisation, sums.

Every transform keeps the game's ``is_cost`` flag (a subgame, dual or multiple of a cost game
is a cost game); only :func:`coalitions.cost_to_savings` turns costs into worths.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import split_on, subset_sums
from .._checks import check_numeric, finite_floats, name_list
from ..exceptions import InvalidGameError
from .tu import TUGame

__all__ = [
    "harsanyi_dividends",
    "game_from_dividends",
    "dual_game",
    "subgame",
    "zero_normalized",
    "game_sum",
    "scaled_game",
]


def as_tu_game(game: Any, function: str, *, numeric: str | None = None) -> TUGame:
    """A TUGame, or anything that converts to one with ``to_tu_game()`` (a simple game).

    With ``numeric`` (why ``function`` needs numbers, e.g. ``"compares values"``) a symbolic
    game is refused too, through :func:`coalitions._checks.check_numeric`.
    """
    if isinstance(game, TUGame):
        return game if numeric is None else check_numeric(game, function, numeric)
    convert = getattr(game, "to_tu_game", None)
    if callable(convert):
        return convert()
    raise InvalidGameError(
        f"{function} needs a TUGame, got {type(game).__name__}; build one with "
        "coalitions.TUGame(values, players) or TUGame.from_dict(...)."
    )


def takes_tu_game(function: Callable) -> Callable:
    """Decorator: the first argument goes through :func:`as_tu_game` before ``function``."""

    @functools.wraps(function)
    def wrapper(game: Any, *args: Any, **kwargs: Any) -> Any:
        return function(as_tu_game(game, function.__name__), *args, **kwargs)

    return wrapper


# Bits below this are transformed by one matrix product per table block (cache friendly).
_LOW_BITS = 6


def _butterfly(values: np.ndarray, n: int, sign: int) -> np.ndarray:
    """In-place zeta (sign=+1) or Moebius (sign=-1) transform over the subset lattice."""
    low = min(n, _LOW_BITS)
    if values.dtype == np.float64 and low > 1:
        # The low bits at once: multiply each block of 2**low values by the Kronecker power of
        # [[1, 0], [sign, 1]] (a 0/+-1 lower-triangular matrix).
        base = np.array([[1.0, 0.0], [float(sign), 1.0]])
        kron = np.ones((1, 1))
        for _ in range(low):
            kron = np.kron(base, kron)
        blocks = values.reshape(-1, 1 << low)
        blocks[:] = blocks @ kron.T
        start = low
    else:
        start = 0
    for bit in range(start, n):
        without, with_bit = split_on(values, bit)
        if sign > 0:
            with_bit += without
        else:
            with_bit -= without
    return values


@finite_floats
def harsanyi_dividends(game: TUGame) -> TUGame:
    r"""Harsanyi dividends: the coordinates of a game in the basis of unanimity games.

    .. math:: d(T) = \sum_{S \subseteq T} (-1)^{|T|-|S|} v(S), \qquad
              v(S) = \sum_{T \subseteq S} d(T).

    Returned as a TUGame whose value of ``T`` is ``d(T)``.

    Notes
    -----
    The fast Moebius transform: n butterfly passes, O(n 2**n) additions; for float games the
    lowest six bits are done in one cache-sized matrix product.

    References
    ----------
    .. [1] Harsanyi, J. C. (1959). A bargaining model for the cooperative n-person game. In
       *Contributions to the Theory of Games IV*, 325-355.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.harsanyi_dividends(glove).values.tolist()
    [Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(1, 1), Fraction(0, 1), Fraction(1, 1), Fraction(0, 1), Fraction(-1, 1)]
    """
    game = as_tu_game(game, "harsanyi_dividends")
    values = np.array(game.values, copy=True)
    return TUGame(_butterfly(values, game.n_players, -1), game.players, cost=game.is_cost)


@finite_floats
def game_from_dividends(dividends: TUGame) -> TUGame:
    """Inverse of :func:`harsanyi_dividends` (the zeta transform)."""
    dividends = as_tu_game(dividends, "game_from_dividends")
    values = np.array(dividends.values, copy=True)
    return TUGame(
        _butterfly(values, dividends.n_players, +1), dividends.players, cost=dividends.is_cost
    )


@finite_floats
def dual_game(game: TUGame) -> TUGame:
    r"""The dual game ``v*(S) = v(N) - v(N \ S)``.

    The complement of mask S is ``2**n - 1 - S``, so the dual is the reversed table
    subtracted from ``v(N)``.

    Examples
    --------
    >>> import coalitions as co
    >>> co.dual_game(co.TUGame([0, 1, 2, 4])).values.tolist()
    [Fraction(0, 1), Fraction(2, 1), Fraction(3, 1), Fraction(4, 1)]
    """
    game = as_tu_game(game, "dual_game")
    values = game.values
    return TUGame(values[-1] - values[::-1], game.players, cost=game.is_cost)


def subgame(game: TUGame, players: Iterable[str]) -> TUGame:
    """The game restricted to the coalitions of a subset of the players.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.subgame(glove, ["L", "R2"]).values.tolist()
    [Fraction(0, 1), Fraction(0, 1), Fraction(0, 1), Fraction(1, 1)]
    """
    game = as_tu_game(game, "subgame")
    names = name_list(players, "the players of a subgame", InvalidGameError)
    if not names:
        raise InvalidGameError("a subgame needs at least one player.")
    if len(set(names)) != len(names):
        raise InvalidGameError("the players of a subgame must be distinct.")
    # the mask in the game of every coalition of the subgame: the union of its members' bits
    bits = np.array([1 << game.player_index(p) for p in names], dtype=np.int64)
    full = subset_sums(bits, op=np.bitwise_or)
    return TUGame(game.values[full], names, cost=game.is_cost)


@finite_floats
def zero_normalized(game: TUGame) -> TUGame:
    """The zero-normalised game ``v0(S) = v(S) - sum over i in S of v({i})``."""
    game = as_tu_game(game, "zero_normalized")
    n = game.n_players
    singles = game.values[[1 << i for i in range(n)]]
    return TUGame(game.values - subset_sums(singles, n), game.players, cost=game.is_cost)


def _check_same_players(a: TUGame, b: TUGame) -> None:
    if a.players != b.players:
        raise InvalidGameError(
            f"games must have the same players in the same order to be added: {a.players} "
            f"versus {b.players}."
        )


@finite_floats
def game_sum(*games: TUGame) -> TUGame:
    """The sum of games with the same players (``v(S) = sum of the games' v(S)``)."""
    if not games:
        raise InvalidGameError("game_sum needs at least one game.")
    games = tuple(as_tu_game(g, "game_sum") for g in games)
    first = games[0]
    kinds = {g.kind for g in games}
    for other in games[1:]:
        _check_same_players(first, other)
    if len({g.is_cost for g in games}) > 1:
        raise InvalidGameError(
            "cannot add a cost game to a game of worths; convert the cost game first with "
            "cost_to_savings(game) or reinterpret it with TUGame(game, cost=False)."
        )
    if kinds == {nb.FLOAT}:
        total = np.sum([g.values for g in games], axis=0)
    else:
        kind = nb.SYMBOLIC if nb.SYMBOLIC in kinds else nb.EXACT
        if kind == nb.EXACT and nb.FLOAT in kinds:
            raise InvalidGameError(
                "cannot add an exact game to a float game; convert one with to_exact() or "
                "to_float() first."
            )
        total = sum(
            (np.asarray(g.values, dtype=object) for g in games[1:]),
            np.asarray(first.values, dtype=object),
        )
    return TUGame(total, first.players, cost=first.is_cost)


def _scale_factor(factor: Any, kind: str) -> Any:
    """A finite number (a float, Fraction or sympy expression) to scale a game by."""
    (number,), number_kind = nb.coerce_values([factor], what="the scaling factor")
    if kind == nb.FLOAT and number_kind == nb.SYMBOLIC:
        raise InvalidGameError(f"cannot scale a float game by the symbol {factor!r}.")
    return float(number) if number_kind == nb.FLOAT else number


@takes_tu_game
@finite_floats
def scaled_game(game: TUGame, factor: Any) -> TUGame:
    """The game multiplied by a scalar."""
    factor = _scale_factor(factor, game.kind)
    if game.kind == nb.FLOAT:
        try:
            factor = float(factor)
        except (TypeError, ValueError):
            raise InvalidGameError(f"cannot scale a float game by {factor!r}.") from None
    else:
        factor = (
            nb.as_number(factor, game.kind)
            if not isinstance(factor, float) or game.kind != nb.EXACT
            else nb.as_number(factor, nb.EXACT)
        )
    return TUGame(game.values * factor, game.players, cost=game.is_cost)
