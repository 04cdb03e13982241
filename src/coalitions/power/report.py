"""Voting-power reports: a decision-rule sweep with its classes of alike members, and one
vote's pivotal members given either side of the vote.

These are what ``coalitions power sweep`` and ``coalitions power pivotal`` print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..exceptions import InvalidArgumentError
from ..games.simple import WeightedVotingGame
from ..results import PivotalResult, Result, SweepResult
from .indices import decision_rule_sweep, pivotal_players

__all__ = ["SweepReport", "weight_classes", "sweep_report", "pivotal_vote"]


def weight_classes(game: WeightedVotingGame) -> tuple[tuple[str, ...], ...]:
    """Members grouped by equal weight, each class in order of its first member.

    Members of equal weight are symmetric in a weighted game: every power index, power to
    prevent and risk of being outvoted gives them the same value, so one column per class
    shows a sweep in full.

    Parameters
    ----------
    game : WeightedVotingGame

    Returns
    -------
    tuple of tuple of str
        The classes, in the order in which their first member appears in ``game.players``.

    Raises
    ------
    InvalidArgumentError
        If ``game`` is not a weighted voting game.

    References
    ----------
    Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*. Edward
    Elgar, ch. 3 (symmetric voters have equal power).

    Examples
    --------
    >>> import coalitions as co
    >>> weight_classes(co.datasets.eec_council_1958())
    (('France', 'Germany', 'Italy'), ('Belgium', 'Netherlands'), ('Luxembourg',))
    """
    if not isinstance(game, WeightedVotingGame):
        raise InvalidArgumentError(
            f"weight_classes needs a WeightedVotingGame, got {type(game).__name__}."
        )
    classes: dict[Any, list[str]] = {}
    for player, weight in zip(game.players, game.int_weights):
        classes.setdefault(weight, []).append(player)
    return tuple(tuple(members) for members in classes.values())


@dataclass(frozen=True, eq=False, repr=False, kw_only=True)
class SweepReport(Result):
    """A decision-rule sweep and the classes of members that behave alike.

    Attributes
    ----------
    sweep : SweepResult
        Power to act, power to prevent and risk of being outvoted at each quota.
    classes : tuple of tuple of str
        Members of equal weight (see :func:`weight_classes`).
    value : numpy.ndarray
        ``sweep.power_to_act``.
    """

    sweep: SweepResult
    classes: tuple = ()

    @property
    def value(self) -> Any:
        return self.sweep.power_to_act


def sweep_report(game: WeightedVotingGame, quotas: Sequence[Any] | None = None) -> SweepReport:
    r"""A decision-rule sweep with one class per weight.

    .. math:: A(q) = \frac{|\{S : w(S) \ge q\}|}{2^n}

    Parameters
    ----------
    game : WeightedVotingGame
    quotas : sequence of numbers, optional
        The quotas; by default every quota from a simple majority to unanimity.

    Returns
    -------
    SweepReport
        The :func:`~coalitions.power.decision_rule_sweep` result and :func:`weight_classes`.

    Raises
    ------
    InvalidArgumentError, InvalidGameError
        As :func:`~coalitions.power.decision_rule_sweep`.

    References
    ----------
    Coleman, J. S. (1971). Control of collectivities and the power of a collectivity to act.
    In *Social Choice*, ed. B. Lieberman, 269-300.

    Examples
    --------
    >>> import coalitions as co
    >>> report = sweep_report(co.WeightedVotingGame(3, [1, 1, 1]))
    >>> report.classes, report.sweep.quotas
    ((('1', '2', '3'),), (2, 3))
    """
    sweep = decision_rule_sweep(game, quotas)
    return SweepReport(
        sweep=sweep,
        classes=weight_classes(game),
        players=sweep.players,
        exact=sweep.exact,
        concept="decision-rule-sweep",
        method=sweep.method,
    )


def pivotal_vote(
    game: Any, *, yes: Iterable[str] | None = None, no: Iterable[str] | None = None
) -> PivotalResult:
    """Who is pivotal for one vote, given the members voting yes or those voting no.

    Parameters
    ----------
    game : simple game
    yes : iterable of str, optional
        The members voting yes (everybody else votes no).
    no : iterable of str, optional
        The members voting no (everybody else votes yes). Give exactly one of ``yes``, ``no``.

    Returns
    -------
    PivotalResult
        As :func:`~coalitions.power.pivotal_players`.

    Raises
    ------
    InvalidArgumentError
        If neither or both of ``yes`` and ``no`` are given.
    InvalidGameError
        If a name is not a member.

    References
    ----------
    Felsenthal and Machover (1998), *The Measurement of Voting Power*, ch. 2 (a posteriori
    criticality).

    Examples
    --------
    >>> import coalitions as co
    >>> vote = pivotal_vote(co.datasets.eu_council(rule="unanimity"), no=["Cyprus"])
    >>> vote.passed, vote.pivotal
    (False, ('Cyprus',))
    """
    if yes is not None and no is None:
        voting_yes = list(yes)
    elif no is not None and yes is None:
        against = list(no)
        for name in against:
            game.player_index(name)
        voting_yes = [p for p in game.players if p not in against]
    else:
        raise InvalidArgumentError("give either yes or no (the members voting that way).")
    return pivotal_players(game, voting_yes)
