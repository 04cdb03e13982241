"""Imputations: efficient, individually rational payoff vectors.

For a cost game (``game.is_cost``) an imputation is a vector of cost shares ``y`` with
``y(N) = c(N)`` and ``y_i <= c({i})``: nobody pays more than it would alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import check_tolerance
from ..exceptions import InvalidGameError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame

__all__ = ["is_efficient", "is_individually_rational", "is_imputation", "imputation_vertices"]


def payoff_vector(game: TUGame, x: Any, function: str) -> np.ndarray:
    """``x`` as an array in the game's number kind (floats stay floats for float games)."""
    if isinstance(x, dict):
        missing = [p for p in game.players if p not in x]
        if missing:
            raise InvalidGameError(f"{function}: no payoff for players {missing}.")
        items = [x[p] for p in game.players]
    else:
        try:
            items = list(x)
        except TypeError:
            raise InvalidGameError(
                f"{function} needs a payoff vector (one number per player), got {type(x).__name__}."
            ) from None
    if len(items) != game.n_players:
        raise InvalidGameError(
            f"{function} needs one payoff per player ({game.n_players}), got {len(items)}."
        )
    if any(isinstance(v, (bool, np.bool_)) for v in items):
        raise InvalidGameError(f"{function}: payoffs must be numbers, got a bool in {items!r}.")
    exact = game.kind != nb.FLOAT and all(isinstance(v, (int, Fraction, np.integer)) for v in items)
    if exact:
        out = np.empty(len(items), dtype=object)
        out[:] = [Fraction(int(v)) if isinstance(v, np.integer) else Fraction(v) for v in items]
        return out
    try:
        out = np.asarray([float(v) for v in items], dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidGameError(f"{function}: payoffs must be numbers, got {items!r}.") from None
    if not np.isfinite(out).all():
        raise InvalidGameError(f"{function}: payoffs must be finite numbers.")
    with np.errstate(over="ignore"):
        total = float(np.abs(out).sum())
    if not np.isfinite(total):
        raise InvalidGameError(
            f"{function}: the payoffs are too large for float arithmetic (their absolute sum "
            "overflows); pass them as ints or Fractions of an exact game."
        )
    return out


def _tol(x: np.ndarray, atol: float):
    return 0 if x.dtype == object else atol


def is_efficient(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x(N) = v(N)`` (exactly for rational input, within ``atol`` otherwise).

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_efficient(co.majority_game(3), [1, 0, 0])
    True
    """
    game = as_tu_game(game, "is_efficient", numeric="compares numbers")
    atol = check_tolerance(atol, "is_efficient")
    payoffs = payoff_vector(game, x, "is_efficient")
    if payoffs.dtype == object:
        return sum(payoffs.tolist()) == game.grand_value
    # the float payoffs summed exactly (no overflow or cancellation), then compared
    gap = sum(map(Fraction, payoffs.tolist()), Fraction(0)) - Fraction(float(game.grand_value))
    return bool(abs(gap) <= atol)


def is_individually_rational(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x_i >= v({i})`` for every player (for a cost game: ``x_i <= c({i})``).

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_individually_rational(co.airport_game([1, 2]), [1, 2])
    True
    >>> co.is_individually_rational(co.airport_game([1, 2]), [1.5, 0.5])
    False
    """
    game = as_tu_game(game, "is_individually_rational", numeric="compares numbers")
    atol = check_tolerance(atol, "is_individually_rational")
    payoffs = payoff_vector(game, x, "is_individually_rational")
    tol = _tol(payoffs, atol)
    values = game.values
    sign = -1 if game.is_cost else 1
    if payoffs.dtype == object:
        return all(sign * (payoffs[i] - values[1 << i]) >= 0 for i in range(game.n_players))
    return all(
        sign * (float(payoffs[i]) - float(values[1 << i])) >= -tol for i in range(game.n_players)
    )


def is_imputation(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is an imputation: efficient and individually rational.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.glove_game(["L"], ["R1", "R2"])
    >>> co.is_imputation(game, [1, 0, 0]), co.is_imputation(game, [1, 1, -1])
    (True, False)
    """
    return is_efficient(game, x, atol=atol) and is_individually_rational(game, x, atol=atol)


def imputation_vertices(game: TUGame) -> list[np.ndarray]:
    r"""The vertices of the imputation set, a simplex.

    Vertex ``i`` gives every other player ``j`` its worth ``v({j})`` and player ``i`` the rest,
    :math:`v(N) - \sum_{j \ne i} v(\{j\})`. The list is empty when the imputation set is empty
    and has one point when the game is inessential. For a cost game, vertex ``i`` charges
    every other player its stand-alone cost and ``i`` the rest; the set is empty when the
    stand-alone costs add up to less than ``c(N)``.

    Examples
    --------
    >>> import coalitions as co
    >>> [v.tolist() for v in co.imputation_vertices(co.majority_game(2))]
    [[Fraction(1, 1), Fraction(0, 1)], [Fraction(0, 1), Fraction(1, 1)]]
    """
    game = as_tu_game(game, "imputation_vertices", numeric="compares numbers")
    n = game.n_players
    values = game.values
    singles = [values[1 << i] for i in range(n)]
    surplus = game.grand_value - sum(singles)
    if (surplus > 0) if game.is_cost else (surplus < 0):
        return []
    dtype = nb.array_dtype(game.kind)
    vertices = []
    seen = set()
    for i in range(n):
        vertex = np.array(singles, dtype=dtype)
        vertex[i] = singles[i] + surplus
        key = tuple(vertex.tolist())
        if key not in seen:
            seen.add(key)
            vertices.append(nb.read_only(vertex))
    return vertices
