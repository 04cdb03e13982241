"""Formation reports: the three families of winning coalitions of one voting game, in one
call (what ``coalitions form winning`` prints)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..results import WinningCoalitionsResult
from .winning import (
    minimal_connected_winning_coalitions,
    minimal_winning_coalitions,
    minimum_weight_coalitions,
)

__all__ = ["winning_coalitions_report", "WINNING_FAMILIES"]

#: The families, by key, with their titles.
WINNING_FAMILIES = {
    "minimal-winning": "Minimal winning coalitions",
    "minimum-weight": "Minimum-weight winning coalitions (Riker)",
    "minimal-connected-winning": "Minimal connected winning coalitions (Axelrod)",
}


def winning_coalitions_report(
    game: Any,
    weights: Sequence[Any] | None = None,
    *,
    players: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
) -> dict[str, WinningCoalitionsResult]:
    """Minimal winning, minimum-weight (Riker) and minimal connected winning (Axelrod)
    coalitions of one voting game.

    Parameters
    ----------
    game : simple game or number
        A simple game, or the quota of a weighted game whose ``weights`` follow.
    weights : sequence of numbers, optional
        The weights, when ``game`` is a quota.
    players : sequence of str, optional
        Names of the members of a weighted game given by quota and weights.
    order : sequence of str, optional
        The left-right order of the members for connected coalitions (default: the order
        of the players).

    Returns
    -------
    dict
        ``{"minimal-winning": ..., "minimum-weight": ..., "minimal-connected-winning": ...}``,
        each a :class:`~coalitions.results.WinningCoalitionsResult` (titles in
        :data:`WINNING_FAMILIES`).

    Raises
    ------
    InvalidGameError, InvalidArgumentError
        As the three functions of :mod:`coalitions.formation.winning`.

    References
    ----------
    Riker, W. H. (1962). *The Theory of Political Coalitions*. Yale University Press.
    Axelrod, R. (1970). *Conflict of Interest*. Markham.

    Examples
    --------
    >>> report = winning_coalitions_report(3, [2, 1, 1], players=["a", "b", "c"])
    >>> [len(report[key]) for key in WINNING_FAMILIES]
    [2, 2, 1]
    """
    return {
        "minimal-winning": minimal_winning_coalitions(game, weights, players=players),
        "minimum-weight": minimum_weight_coalitions(game, weights, players=players),
        "minimal-connected-winning": minimal_connected_winning_coalitions(
            game, weights, players=players, order=order
        ),
    }
