"""Spatial veto-player models: ideal points, a status quo and a decision rule.

Players have ideal points in one or two policy dimensions and (optionally weighted)
Euclidean preferences: player i prefers x to y when ``|x - x_i|_i < |y - x_i|_i`` with
``|z|_i^2 = sum_d w_id z_d^2``. A status quo ``q`` stays unless a winning coalition (under the
decision rule) prefers an alternative. The model lives here with the other objects one
analyses; its solutions (win-set, core, agenda setter, lowest common denominator) are in
:mod:`coalitions.bargaining.spatial`.

Decision rules
--------------
A decision rule is a simple game of :mod:`coalitions.games.simple`: a
:class:`~coalitions.WeightedVotingGame`, :class:`~coalitions.CompoundGame` or
:class:`~coalitions.SimpleGame` over the model's players. ``"unanimity"``, ``"majority"``, an
integer ``k`` (k of n), a predicate ``rule(coalition) -> bool`` on frozensets of player names
or any object with ``players`` and ``is_winning(coalition)`` are turned into one by
:func:`~coalitions.games.simple.decision_rule_game`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, player_names
from .._display import html_block
from .._frozen import assign
from .._reals import LARGEST_COORDINATE, policy_point
from ..exceptions import InvalidArgumentError, InvalidProblemError
from ._decision import RuledModel
from .simple import shorthand_rule

__all__ = ["SpatialModel"]


class SpatialModel(RuledModel):
    """Ideal points, a status quo, a decision rule and an optional agenda setter.

    The model is immutable and hashable: two models are equal when their players, ideal
    points, status quo, weights, setter and decision rule (a simple game) are equal. Change
    one with :meth:`replace` or :meth:`with_player`.

    Parameters
    ----------
    ideal_points : mapping name -> point, or sequence of points
        Numbers (one dimension) or pairs (two dimensions).
    status_quo : number or pair
        The reversion point ``q``: what happens without agreement.
    players : sequence of str, optional
        Names when ``ideal_points`` is a sequence.
    decision_rule : simple game, str, int or predicate, default ``"unanimity"``
        Kept as a simple game (see the module docstring): ``model.decision_rule`` is a
        :class:`~coalitions.WeightedVotingGame`, :class:`~coalitions.CompoundGame` or
        :class:`~coalitions.SimpleGame`, and ``model.rule_label`` names it.
    setter : str, optional
        The agenda setter's name.
    weights : mapping or sequence, optional
        Positive weights, default 1. Two dimensions: the salience of each dimension for each
        player. One dimension: a pair ``(below, above)`` makes the loss asymmetric,
        ``u_i(x) = -below_i (x_i - x)^2`` for ``x < x_i`` and ``-above_i (x - x_i)^2`` above
        (a player who dislikes overshooting more than undershooting).

    Examples
    --------
    >>> from coalitions.bargaining import setter_outcome
    >>> m = SpatialModel([2, 4, 5, 7, 9], 0, players="ABCDE", setter="E")
    >>> setter_outcome(m).outcome
    4.0
    >>> m.decision_rule
    WeightedVotingGame(quota=5, weights=[1, 1, 1, 1, 1], players=('A', 'B', 'C', 'D', 'E'))
    >>> m == m.replace(status_quo=0.0), m == m.replace(decision_rule="majority")
    (True, False)
    """

    __slots__ = (
        "players",
        "ideals",
        "status_quo",
        "weights",
        "dimension",
        "setter",
        "decision_rule",
        "rule_label",
        "_hash",
    )
    # the slots' types, for the type checker (assign() sets them past __setattr__)
    players: tuple[str, ...]
    ideals: np.ndarray
    status_quo: np.ndarray
    weights: np.ndarray
    dimension: int
    setter: str | None
    decision_rule: Any
    rule_label: str
    _hash: int | None

    def __init__(
        self,
        ideal_points,
        status_quo,
        *,
        players=None,
        decision_rule="unanimity",
        setter: str | None = None,
        weights=None,
    ) -> None:
        if isinstance(ideal_points, Mapping):
            players = tuple(str(p) for p in ideal_points)
            points = list(ideal_points.values())
        else:
            points = as_list(
                ideal_points,
                "ideal_points",
                InvalidProblemError,
                expected="a list of ideal points (numbers, or pairs in 2-D), or "
                "a mapping from names to ideal points",
            )
        if len(points) == 0:
            raise InvalidProblemError("a spatial model needs at least one player.")
        players = player_names(
            players,
            "SpatialModel: players (one per ideal point)",
            InvalidProblemError,
            n=len(points),
            characters=True,
            stringify=True,
        )
        rows = [
            policy_point(point, f"the ideal point of {name!r}")
            for name, point in zip(players, points)
        ]
        if len({r.size for r in rows}) != 1:
            raise InvalidProblemError(
                "ideal points must all be numbers (1-D) or all be pairs (2-D)."
            )
        ideals = np.array(rows)
        q = policy_point(status_quo, "the status quo", ideals.shape[1])
        shape = (len(players), 2)  # 2-D: per dimension; 1-D: (below, above)
        if weights is None:
            w = np.ones(shape)
        else:
            if isinstance(weights, Mapping):
                unknown = [k for k in weights if str(k) not in players]
                missing = [p for p in players if p not in weights]
                if unknown or missing:
                    raise InvalidProblemError(
                        "weights must give one entry per player: "
                        + (
                            f"{unknown[0]!r} is not a player"
                            if unknown
                            else f"no weight for {missing[0]!r}"
                        )
                        + "."
                    )
                weights = [weights[p] for p in players]
            if not isinstance(weights, (str, bytes)) and isinstance(weights, Iterable):
                weights = list(weights)
            if not isinstance(weights, list) or len(weights) != len(players):
                raise InvalidProblemError(
                    "weights must give each player one positive number or a pair (2-D: per "
                    "dimension; 1-D: losses below and above the ideal point)."
                )
            w = np.array(
                [
                    np.broadcast_to(policy_point(e, f"the weight of {name!r}"), (2,))
                    for name, e in zip(players, weights)
                ]
            )
            if not ((w >= 1 / LARGEST_COORDINATE).all()):
                raise InvalidProblemError(
                    f"weights (saliences) must be positive numbers of at least "
                    f"{1 / LARGEST_COORDINATE:g}, got {w.tolist()}."
                )
        if setter is not None and str(setter) not in players:
            raise InvalidProblemError(
                f"the setter {setter!r} is not a player; players are {list(players)}."
            )
        self._set_rule(decision_rule, players)
        # Own read-only copies, with -0.0 as 0.0 so that equal models hash alike.
        ideals, q, w = (nb.read_only(np.array(a, dtype=np.float64) + 0.0) for a in (ideals, q, w))
        assign(
            self,
            players=players,
            ideals=ideals,
            status_quo=q,
            weights=w,
            dimension=ideals.shape[1],
            setter=None if setter is None else str(setter),
            _hash=None,
        )

    def _key(self) -> tuple:
        return (
            self.players,
            self.ideals.tobytes(),
            self.status_quo.tobytes(),
            self.weights.tobytes(),
            self.setter,
            self.decision_rule,
            self.rule_label,
        )

    @property
    def n_players(self) -> int:
        return len(self.players)

    def ideal(self, player: str) -> np.ndarray:
        return self.ideals[self.players.index(player)]

    def distances(self, x) -> np.ndarray:
        """Weighted squared distances ``|x - x_i|_i^2`` of points ``x`` (shape (..., d))."""
        x = np.asarray(x, dtype=np.float64)
        if self.dimension == 1:
            diff = x[..., None, 0] - self.ideals[:, 0]
            w = np.where(diff < 0, self.weights[:, 0], self.weights[:, 1])
            return w * diff * diff
        diff = x[..., None, :] - self.ideals
        return (self.weights * diff * diff).sum(axis=-1)

    def acceptability_limits(self) -> np.ndarray:
        """1-D: for each player the other policy she values exactly like ``q``
        (``a_i(q) = 2 x_i - q`` for symmetric losses; NaN when ``q`` is her ideal point)."""
        if self.dimension != 1:
            raise InvalidProblemError("acceptability limits are defined in one dimension.")
        x, q = self.ideals[:, 0], float(self.status_quo[0])
        below, above = self.weights[:, 0], self.weights[:, 1]
        with np.errstate(invalid="ignore", divide="ignore"):
            up = x + np.sqrt(below / above) * (x - q)
            down = x - np.sqrt(above / below) * (q - x)
        return np.where(q < x, up, np.where(q > x, down, np.nan))

    def supporters(self, x) -> frozenset:
        """Players who strictly prefer ``x`` to the status quo."""
        gain = self.distances(self.status_quo) - self.distances(np.atleast_1d(x))
        return frozenset(p for p, g in zip(self.players, gain) if g > 0)

    def replace(self, **changes) -> SpatialModel:
        """A copy with some of ideal_points/status_quo/decision_rule/setter/weights changed."""
        args = dict(
            ideal_points=dict(zip(self.players, self._points())),
            status_quo=self._point(self.status_quo),
            decision_rule=self._rule(),
            setter=self.setter,
            weights=self.weights,
        )
        unknown = sorted(set(changes) - set(args))
        if unknown:
            raise InvalidArgumentError(
                f"replace() takes no {unknown[0]!r}; it changes {', '.join(args)}."
            )
        args.update(changes)
        return SpatialModel(args.pop("ideal_points"), args.pop("status_quo"), **args)

    def with_player(self, name: str, ideal, *, weight=None) -> SpatialModel:
        """The model with one more member (the rule must be 'unanimity', 'majority' or k)."""
        if name in self.players:
            raise InvalidProblemError(f"player {name!r} already exists.")
        points = dict(zip(self.players, self._points()))
        points[str(name)] = ideal
        w = [*self.weights.tolist(), 1.0 if weight is None else weight]
        return SpatialModel(
            points,
            self._point(self.status_quo),
            decision_rule=self._rule(),
            setter=self.setter,
            weights=w,
        )

    def _rule(self):
        """The rule as given: the shorthand ``"unanimity"``, ``"majority"`` or k (which
        follow the players), else the simple game."""
        return shorthand_rule(self.decision_rule, self.rule_label)

    def _point(self, x):
        return float(x[0]) if self.dimension == 1 else tuple(float(v) for v in x)

    def _points(self):
        return [self._point(x) for x in self.ideals]

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the status quo, the rule and each player's ideal point and weight."""
        summary = [
            ("dimension", self.dimension),
            ("status quo", self._point(self.status_quo)),
            ("rule", self.rule_label),
            ("setter", self.setter),
        ]
        rows = zip(self.players, self._points(), self.weights.tolist())
        table = (["player", "ideal", "weight"], rows, len(self.players), "players")
        return html_block("SpatialModel", summary, [table])

    def __repr__(self) -> str:
        return (
            f"SpatialModel(players={list(self.players)}, dimension={self.dimension}, "
            f"status_quo={self._point(self.status_quo)}, rule={self.rule_label!r}, "
            f"setter={self.setter!r})"
        )
