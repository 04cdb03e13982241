"""Classes of TU games defined by the core: totally balanced and exact games.

They solve linear programmes (a core per subgame, or the core's vertices), so they raise
:class:`~coalitions.TooLargeError` above ``MAX_LP_PROPERTY_PLAYERS`` players.
"""

from __future__ import annotations

import numpy as np

from .. import _numbers as nb
from .._bits import bit_matrix, popcounts
from .._checks import check_instance, check_numeric, check_tolerance
from .._docstrings import PROPERTY_DOC, fill_doc
from ..exceptions import TooLargeError
from ..games.transforms import subgame
from ..games.tu import TUGame
from .core import core

__all__ = ["is_totally_balanced", "is_exact", "MAX_LP_PROPERTY_PLAYERS"]

#: Largest games whose subgames' cores (totally balanced) or core vertices (exact) are solved.
MAX_LP_PROPERTY_PLAYERS = 8

#: What both checks raise.
_LP_RAISES = """Raises
------
TooLargeError
    Above ``MAX_LP_PROPERTY_PLAYERS`` players."""


def _prepared(game: TUGame, function: str, atol: float) -> tuple[np.ndarray, float]:
    """The worths of a numeric game and the tolerance its comparisons use."""
    check_instance(game, TUGame, function)
    check_numeric(game, function, "compares values")
    atol = check_tolerance(atol, "a game property")
    return game.values, atol if game.kind == nb.FLOAT else 0


def _lp_limit(game: TUGame, function: str) -> None:
    if game.n_players > MAX_LP_PROPERTY_PLAYERS:
        raise TooLargeError(
            f"{function} solves a linear programme per coalition; {game.n_players} players is "
            f"above the limit of {MAX_LP_PROPERTY_PLAYERS}."
        )


@fill_doc(property=PROPERTY_DOC, raises=_LP_RAISES)
def is_totally_balanced(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether every subgame has a non-empty core (Shapley and Shubik 1969).

    .. math:: \forall S \ne \emptyset \ \exists x \in \mathbb{R}^S: \ x(S) = v(S), \
              x(T) \ge v(T) \text{ for } T \subseteq S.

    Solves the core of each subgame of two or more players (:func:`~coalitions.core`);
    market games are exactly the totally balanced games.

    {{property}}

    {{raises}}

    References
    ----------
    .. [1] Shapley, L. S. and Shubik, M. (1969). On market games. *Journal of Economic Theory*
       1, 9-25.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_totally_balanced(co.glove_game(["L"], ["R1", "R2"]))
    True
    >>> co.is_totally_balanced(co.TUGame([0, 1, 1, 0, 0, 1, 1, 3]))  # {1, 2} is worth less than 1 and 2 apart
    False
    """
    _prepared(game, "is_totally_balanced", atol)
    _lp_limit(game, "is_totally_balanced")
    n = game.n_players
    for mask in np.nonzero(popcounts(n) >= 2)[0]:
        players = [game.players[i] for i in range(n) if int(mask) >> i & 1]
        if core(subgame(game, players), atol=atol).is_empty:
            return False
    return True


@fill_doc(property=PROPERTY_DOC, raises=_LP_RAISES)
def is_exact(game: TUGame, *, atol: float = 1e-9) -> bool:
    r"""Whether every coalition's worth is attained by some core allocation (Schmeidler 1972).

    .. math:: C(v) \ne \emptyset \text{ and } \forall S \ \exists x \in C(v): \ x(S) = v(S),

    that is, ``min over the core of x(S)`` (for a cost game, the maximum) is ``v(S)`` for
    every ``S``. The minimum is taken over the core's vertices, exactly for a rational game.

    {{property}}

    {{raises}}

    References
    ----------
    .. [1] Schmeidler, D. (1972). Cores of exact games I. *Journal of Mathematical Analysis and
       Applications* 40, 214-225.

    Examples
    --------
    >>> import coalitions as co
    >>> co.is_exact(co.unanimity_game(3, ["1", "2"])), co.is_exact(co.glove_game(["L1", "L2"], ["R1"]))
    (True, False)
    >>> co.is_exact(co.majority_game(3))  # the core is empty
    False
    """
    values, tol = _prepared(game, "is_exact", atol)
    _lp_limit(game, "is_exact")
    result = core(game, vertices=True, atol=atol)
    if result.is_empty:
        return False
    vertices = np.array(
        [list(v) for v in result.vertices], dtype=object if game.kind == nb.EXACT else float
    )
    members = bit_matrix(game.n_players).T.astype(np.int64).astype(vertices.dtype)
    worths = members @ vertices.T  # x(S) at each vertex
    attained = worths.max(axis=1) if game.is_cost else worths.min(axis=1)
    return bool(np.all(abs(attained - values) <= tol * max(game.n_players, 1) * 10))
