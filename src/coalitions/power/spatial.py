r"""The Shapley-Owen spatial value: voting power of voters with ideal points.

Voters have ideal points :math:`x_1, \dots, x_n` in the plane (or on a line) and vote under a
decision rule (a simple game, by default simple majority). A direction :math:`u` on the unit
circle stands for an issue: the voters line up by their support :math:`\langle u, x_i\rangle`
for it and join a coalition in that order; the voter whose arrival makes the coalition winning
is *pivotal* for :math:`u`. Owen and Shapley (1989) give each voter the measure of the
directions for which it is pivotal, with the directions uniform on the circle:

.. math::

    \mathrm{SO}_i = \frac{1}{2\pi}\,\lambda\{\theta \in [0, 2\pi) :
        i \text{ is pivotal for } u = (\cos\theta, \sin\theta)\}.

It is the Shapley-Shubik index with the :math:`n!` orderings replaced by the orderings that
issues induce: ideologically close voters join together. With ideal points on a line there are
two directions (left to right and back), each with probability 1/2.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, front_door
from .._docstrings import fill_doc
from ..exceptions import InvalidArgumentError, InvalidProblemError, TooLargeError
from ..games.simple import WeightedVotingGame
from ..games.spatial import SpatialModel
from ..results import PowerIndexResult

__all__ = ["shapley_owen_value", "SHAPLEY_OWEN_METHODS"]

#: The choices of ``method=``.
SHAPLEY_OWEN_METHODS = ("sweep",)
#: Largest number of voters: the prefixes of each ordering are int64 bitmasks.
MAX_VOTERS = 62
#: Orderings (arcs of directions) evaluated per numpy call.
_CHUNK_ENTRIES = 1 << 20

_REFERENCES = """
    References
    ----------
    .. [1] Owen, G. and Shapley, L. S. (1989). Optimal location of candidates in ideological
       space. *International Journal of Game Theory* 18(3), 339-356.
    .. [2] Godfrey, J., Grofman, B. and Feld, S. L. (2011). Applications of Shapley-Owen values
       and the spatial Copeland winner. *Political Analysis* 19(3), 306-324."""


def _model_and_rule(ideal_points: Any, players: Any, decision_rule: Any, weights: Any, quota: Any):
    """The ideal points (an n x d float array), the players and the rule as a simple game."""
    if weights is not None or quota is not None:
        if decision_rule is not None:
            raise InvalidArgumentError(
                "shapley_owen_value: give either decision_rule= or weights= (with quota=), "
                "not both."
            )
        if weights is None:
            raise InvalidArgumentError(
                "shapley_owen_value: quota= needs weights= (one weight per voter)."
            )
    if isinstance(ideal_points, SpatialModel):
        if players is not None:
            raise InvalidArgumentError(
                "shapley_owen_value: players= names the voters of a list of ideal points; "
                "this SpatialModel names its own players."
            )
        model = ideal_points
    else:
        # the status quo plays no part: any point of the right dimension will do
        items = list(ideal_points.values()) if isinstance(ideal_points, Mapping) else None
        if items is None:
            items = as_list(
                ideal_points,
                "shapley_owen_value: ideal_points",
                InvalidProblemError,
                expected="a SpatialModel, a mapping from names to ideal points, or a list of "
                "ideal points (numbers, or pairs in the plane)",
            )
        model = SpatialModel(
            ideal_points, items[0] if items else 0.0, players=players, decision_rule="majority"
        )
    if weights is not None:
        model = model.replace(decision_rule=_weighted_rule(weights, quota, model.players))
    elif decision_rule is not None:
        model = model.replace(decision_rule=decision_rule)
    return np.asarray(model.ideals, dtype=np.float64), model.players, model.decision_rule


def _weighted_rule(weights: Any, quota: Any, names: tuple) -> WeightedVotingGame:
    """The weighted rule; without a quota, more than half of the total weight."""
    if quota is not None:
        return WeightedVotingGame(quota, weights, names)
    game = WeightedVotingGame(1, weights, names)  # validates the weights
    scaled, _ = nb.to_scaled_int([Fraction(w) for w in game.weights], dtype=object)
    ints = [int(w) for w in scaled]
    return WeightedVotingGame(sum(ints) // 2 + 1, ints, names)


def _check_distinct(points: np.ndarray, names: tuple) -> None:
    order = np.lexsort(points.T[::-1])
    same = np.all(points[order[1:]] == points[order[:-1]], axis=1)
    if same.any():
        k = int(np.flatnonzero(same)[0])
        a, b = names[order[k]], names[order[k + 1]]
        raise InvalidProblemError(
            f"shapley_owen_value: {a!r} and {b!r} have the same ideal point, so no direction "
            "orders them; give distinct ideal points (or merge the two into one voter with "
            "their summed weight if they always vote together)."
        )


def _pivots(orders: np.ndarray, rule: Any) -> np.ndarray:
    """The pivot of each ordering (a row of voter indices), -1 when nobody is."""
    prefixes = np.bitwise_or.accumulate(np.left_shift(np.int64(1), orders), axis=1)
    winning = np.asarray(rule.winning_masks(prefixes.reshape(-1)), dtype=bool)
    winning = winning.reshape(prefixes.shape)
    first = np.argmax(winning, axis=1)
    pivot = orders[np.arange(len(orders)), first]
    return np.where(winning.any(axis=1), pivot, -1)


def _sweep(points: np.ndarray, rule: Any) -> tuple[np.ndarray, int]:
    """Each voter's measure of pivotal directions, summed over the arcs between the
    critical angles (where two projections tie), and the number of arcs."""
    n = len(points)
    i, j = np.triu_indices(n, 1)
    d = points[j] - points[i]
    normal = np.arctan2(d[:, 1], d[:, 0]) + np.pi / 2
    angles = np.unique(np.mod(np.concatenate([normal, normal + np.pi]), 2 * np.pi))
    if len(angles) == 0:
        angles = np.array([0.0])
    ends = np.append(angles[1:], angles[0] + 2 * np.pi)
    lengths = ends - angles
    middles = angles + lengths / 2
    value = np.zeros(n)
    step = max(1, _CHUNK_ENTRIES // n)
    for start in range(0, len(middles), step):
        theta = middles[start : start + step]
        projections = np.outer(np.cos(theta), points[:, 0]) + np.outer(np.sin(theta), points[:, 1])
        pivot = _pivots(np.argsort(projections, axis=1, kind="stable"), rule)
        hit = pivot >= 0
        value += np.bincount(pivot[hit], weights=lengths[start : start + step][hit], minlength=n)
    return value / (2 * np.pi), len(middles)


@front_door(SHAPLEY_OWEN_METHODS)
@fill_doc(references=_REFERENCES)
def shapley_owen_value(
    ideal_points: Any,
    *,
    players: Any = None,
    decision_rule: Any = None,
    weights: Any = None,
    quota: Any = None,
    method: str = "sweep",
) -> PowerIndexResult:
    r"""The Shapley-Owen spatial value of voters with ideal points in the plane or on a line.

    For a direction :math:`u = (\cos\theta, \sin\theta)` the voters are ordered by
    :math:`\langle u, x_i\rangle`, increasing, and the pivot is the voter whose arrival makes
    the coalition of its predecessors winning. Voter i's value is the fraction of the circle
    of directions (uniform) for which i is pivotal:

    .. math:: \mathrm{SO}_i = \frac{1}{2\pi}\lambda\{\theta : i \text{ is pivotal for }
        (\cos\theta, \sin\theta)\}.

    On a line the two directions (left to right and right to left) each weigh 1/2.

    Parameters
    ----------
    ideal_points : SpatialModel, mapping name -> point, or sequence of points
        Numbers (a line) or pairs (the plane); the points must be distinct. A
        :class:`~coalitions.SpatialModel` brings its players and its decision rule (its
        status quo, salience weights and setter play no part).
    players : sequence of str, optional
        Names of the voters when ``ideal_points`` is a sequence.
    decision_rule : simple game, "majority", "unanimity" or int, optional
        Default: the model's rule for a SpatialModel, simple majority otherwise.
    weights : sequence of numbers, optional
        Voting weights; the rule is then ``w(S) >= quota``.
    quota : number, optional
        With ``weights``; default more than half of the total weight.
    method : {"sweep"}
        The angular sweep (the only method): pivots change only at the directions orthogonal
        to the line through two ideal points, so the :math:`n(n-1)` critical angles cut the
        circle into arcs with one ordering each; the pivot of each arc's middle direction
        takes the arc's length.

    Returns
    -------
    PowerIndexResult
        ``x`` in ``players`` order, summing to one when the grand coalition wins. In the
        plane the arc lengths are float angles, so ``exact=False`` (exact up to rounding of
        the critical angles, about 1e-15); on a line ``x`` holds exact Fractions
        (``exact=True``). ``counts`` is None; ``denominator`` is the number of arcs.

    Raises
    ------
    InvalidProblemError
        Ideal points that are not numbers or pairs, or two voters with the same ideal point.
    InvalidArgumentError
        A decision rule over other players, or ``weights=`` together with ``decision_rule=``.
    TooLargeError
        More than 62 voters.

    Notes
    -----
    :math:`O(n^2)` arcs, each ordered by one sort of the projections and its pivot found from
    the winning prefixes of the ordering (for a weighted rule the weighted median), vectorised
    over arcs: :math:`O(n^3 \log n)` in all. Directions where two voters tie have measure zero.
    With three voters under majority, voter i's value is the angle of the triangle at
    :math:`x_i` divided by :math:`\pi`; collinear voters leave the median pivotal in every
    direction.

    {{references}}

    Examples
    --------
    Three voters at the corners of a right isosceles triangle: each gets its angle over pi.

    >>> import coalitions as co
    >>> so = co.shapley_owen_value({"A": (0, 0), "B": (1, 0), "C": (0, 1)})
    >>> [round(float(v), 6) for v in so.x]
    [0.5, 0.25, 0.25]

    On a line the median is pivotal both ways:

    >>> co.shapley_owen_value([1, 4, 9], players="LMR").x.tolist()
    [Fraction(0, 1), Fraction(1, 1), Fraction(0, 1)]
    """
    points, names, rule = _model_and_rule(ideal_points, players, decision_rule, weights, quota)
    n = len(names)
    if n > MAX_VOTERS:
        raise TooLargeError(
            f"shapley_owen_value: {n} voters; the sweep handles at most {MAX_VOTERS} (the "
            "coalitions of an ordering are 64-bit masks)."
        )
    _check_distinct(points, names)
    if points.shape[1] == 1:
        order = np.argsort(points[:, 0], kind="stable")[None, :]
        both = _pivots(np.vstack([order, order[:, ::-1]]), rule)
        x = nb.read_only([Fraction(int(np.sum(both == i)), 2) for i in range(n)], nb.EXACT)
        arcs, exact = 2, True
    else:
        swept, arcs = _sweep(points, rule)
        x, exact = nb.read_only(swept), False
    return PowerIndexResult(
        x=x,
        players=names,
        exact=exact,
        concept="shapley-owen",
        method="sweep",
        denominator=arcs,
    )
