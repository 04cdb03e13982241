r"""The inverse power problem: weights and a quota whose power index is close to a target.

Given a target distribution of power :math:`t` (non-negative, summing to one), find integer
weights :math:`w` and a quota :math:`q` such that the normalised Banzhaf or Shapley-Shubik
index :math:`p(q; w)` is as close as possible to :math:`t`:

.. math:: \min_{q, w} \; \lVert p(q; w) - t \rVert_2 .

The problem is hard in general (de Keijzer, Klos and Zhang 2014 solve it exactly by
enumerating every weighted game, feasible for few players only). :func:`inverse_power` uses
the iterative weight adjustment of the literature (Leech 2002; Kurz 2012 discusses it):

1. start from weights proportional to the target, rounded to integers of total ``W``;
2. evaluate the index at *every* quota at once (one generating function per weight vector)
   and keep the best quota;
3. move the weights towards the target, :math:`w \leftarrow w + \lambda W (t - p)`, round
   them again, and halve the step :math:`\lambda` whenever the distance does not improve;
4. finish with a local search that moves one unit of weight between two members while the
   distance improves.

Quotas above half the total suffice: a game and its dual ``[W - q + 1; w]`` have the same
Banzhaf and Shapley-Shubik indices. Members of weight zero are null players and do not change
the others' indices, so each evaluation runs on the members of positive weight.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import check_choice, front_door, named_values, player_names
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.simple import WeightedVotingGame
from ..results import InversePowerResult
from .design import _swings_for_every_quota
from .indices import banzhaf_index, shapley_shubik_index
from .weightedness import MAX_WEIGHTEDNESS_PLAYERS, weighted_representation

__all__ = ["inverse_power", "MAX_INVERSE_PLAYERS", "MAX_INVERSE_TOTAL_WEIGHT"]

#: Members at most (the counts by size and weight stay exact in int64).
MAX_INVERSE_PLAYERS = 60
#: Largest total weight (the resolution of the search).
MAX_INVERSE_TOTAL_WEIGHT = 100_000
INDICES = ("banzhaf", "shapley-shubik")
METHODS = ("adjustment",)


def _target(target: Any, players: Any) -> tuple[tuple[str, ...], np.ndarray]:
    names, values = named_values(target, players, "target", "inverse_power")
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InvalidArgumentError(
            "inverse_power: target must be a sequence of non-negative numbers or a mapping "
            f"from member names to them, got {type(target).__name__}."
        )
    values = list(values)
    if names is None:
        names = [str(k + 1) for k in range(len(values))]
    if len(values) < 2:
        raise InvalidArgumentError("inverse_power: the target needs at least two members.")
    if len(values) > MAX_INVERSE_PLAYERS:
        raise TooLargeError(
            f"inverse_power: {len(values)} members; the limit is {MAX_INVERSE_PLAYERS}."
        )
    names = list(player_names(names, "inverse_power: players", InvalidArgumentError))
    if len(names) != len(values):
        raise InvalidArgumentError(
            f"inverse_power: {len(names)} player names for a target of {len(values)} entries."
        )
    numbers_ = []
    for name, value in zip(names, values):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidArgumentError(
                f"inverse_power: the target of {name!r} must be a number, got {value!r}."
            )
        if not math.isfinite(float(value)) or float(value) < 0:
            raise InvalidArgumentError(
                f"inverse_power: the target of {name!r} must be non-negative and finite, got "
                f"{value!r}."
            )
        numbers_.append(float(value))
    total = sum(numbers_)
    if total <= 0:
        raise InvalidArgumentError("inverse_power: the target must have a positive entry.")
    return tuple(names), np.array(numbers_) / total


def _shapley_shubik_every_quota(weights: np.ndarray) -> np.ndarray:
    """``ss[i, q]``: the Shapley-Shubik index (not normalised: it sums to one for every
    quota in ``(0, W]``) of ``[q; weights]`` for every ``q`` in ``0 .. W + 1``."""
    n, total = len(weights), int(weights.sum())
    counts = np.zeros((n + 1, total + 1), dtype=np.int64)  # counts[k, s]: size k, weight s
    counts[0, 0] = 1
    for w in weights:
        counts[1:, w:] = counts[1:, w:] + counts[:-1, : total + 1 - w].copy()
    # k! (n - 1 - k)! / n! = 1 / (n * binom(n - 1, k))
    share = np.array([1.0 / (n * math.comb(n - 1, k)) for k in range(n)])
    quotas = np.arange(total + 2)
    out = np.empty((n, total + 2))
    for i, w in enumerate(weights):
        others = np.empty((n, total + 1), dtype=np.int64)  # the generating function / (1 + y z^w)
        others[0] = counts[0]
        for k in range(1, n):
            others[k] = counts[k]
            others[k, w:] -= others[k - 1, : total + 1 - w]
        below = np.zeros((n, total + 2), dtype=np.int64)  # below[k, q] = #{|S| = k, w(S) < q}
        np.cumsum(others, axis=1, out=below[:, 1:])
        swings = below[:, quotas] - below[:, np.clip(quotas - w, 0, None)]
        out[i] = share @ swings
    return out


def _every_quota(weights: np.ndarray, index: str) -> tuple[np.ndarray, np.ndarray]:
    """The normalised index of ``[q; weights]`` for every quota ``q`` in ``(W/2, W]``:
    ``(quotas, power)`` with ``power[i, k]`` for ``quotas[k]``."""
    total = int(weights.sum())
    quotas = np.arange(total // 2 + 1, total + 1)
    positive = np.flatnonzero(weights > 0)
    power = np.zeros((len(weights), len(quotas)))
    if len(positive) == 1:  # a dictator
        power[positive[0]] = 1.0
        return quotas, power
    sub = weights[positive]
    if index == "banzhaf":
        swings = _swings_for_every_quota(sub)[:, quotas].astype(np.float64)
        power[positive] = swings / swings.sum(axis=0)
    else:
        power[positive] = _shapley_shubik_every_quota(sub)[:, quotas]
    return quotas, power


def _rounded(weights: np.ndarray, total: int) -> np.ndarray:
    """Non-negative integers of sum ``total`` closest to ``weights`` (largest remainders)."""
    scaled = np.maximum(weights, 0)
    scaled = scaled * total / scaled.sum() if scaled.sum() > 0 else np.full(len(weights), 1.0)
    out = np.floor(scaled).astype(np.int64)
    short = total - int(out.sum())
    if short > 0:
        out[np.argsort(-(scaled - out), kind="stable")[:short]] += 1
    return out


class _Search:
    """The evaluated weight vectors (each at every quota) and the best game so far."""

    def __init__(self, target: np.ndarray, index: str, budget: int) -> None:
        self.target, self.index, self.budget = target, index, budget
        self.seen: dict[tuple, tuple[float, int, np.ndarray]] = {}
        self.best: tuple[float, tuple, int] = (math.inf, (), 0)

    @property
    def exhausted(self) -> bool:
        return len(self.seen) >= self.budget or self.best[0] <= 1e-12

    def evaluate(self, weights: np.ndarray) -> tuple[float, int, np.ndarray]:
        key = tuple(int(w) for w in weights)
        if key not in self.seen:
            quotas, power = _every_quota(weights, self.index)
            distances = np.sqrt(((power - self.target[:, None]) ** 2).sum(axis=0))
            k = int(np.argmin(distances))
            self.seen[key] = (float(distances[k]), int(quotas[k]), power[:, k])
            if distances[k] < self.best[0]:
                self.best = (float(distances[k]), key, int(quotas[k]))
        return self.seen[key]


def _adjust(search: _Search, total: int) -> None:
    """Move the weights towards the target, halving the step when the distance stalls."""
    target = search.target
    current = target * total
    step, last = 1.0, math.inf
    while not search.exhausted and step * total >= 0.25:
        distance, _, power = search.evaluate(_rounded(current, total))
        if distance >= last:
            step /= 2
        last = min(last, distance)
        current = np.maximum(current + step * total * (target - power), 0)


def _local_search(search: _Search) -> None:
    """Move one unit of weight between two members while that brings the index closer."""
    improved = True
    while improved and not search.exhausted:
        improved = False
        distance, weights, _ = search.best
        base = np.array(weights, dtype=np.int64)
        for i in np.flatnonzero(base > 0):
            for j in range(len(base)):
                if i == j or search.exhausted:
                    continue
                moved = base.copy()
                moved[i] -= 1
                moved[j] += 1
                if moved.sum() > 0 and search.evaluate(moved)[0] < distance - 1e-15:
                    improved = True
            if improved:
                break


@front_door(METHODS)
def inverse_power(
    target: Any,
    *,
    index: str = "banzhaf",
    players: Any = None,
    total_weight: int | None = None,
    budget: int = 1000,
    method: str = "adjustment",
) -> InversePowerResult:
    r"""Integer weights and a quota whose normalised power index comes close to a target.

    .. math:: \min_{q, w} \; \lVert p(q; w) - t \rVert_2, \qquad w \in \mathbb{Z}_{\ge 0}^n,
              \ \textstyle\sum_i w_i = W,

    with :math:`p` the normalised Banzhaf or the Shapley-Shubik index of ``[q; w]``.

    Parameters
    ----------
    target : sequence or mapping of numbers
        The target power of each member (non-negative, normalised to sum to one), or a
        mapping from member name to it.
    index : {"banzhaf", "shapley-shubik"}
        The power index to match.
    players : sequence of str, optional
        Names for a target given as a sequence (default ``"1"``, ..., ``"n"``).
    total_weight : int, optional
        The total weight ``W`` of the candidates (the resolution of the search); default
        ``10 n + 90``. At most :data:`MAX_INVERSE_TOTAL_WEIGHT`.
    budget : int, default 1000
        Most weight vectors evaluated (each at every quota above ``W / 2``).
    method : {"adjustment"}
        The iterative weight adjustment with a quota search and a final local search (the
        module's algorithm), a heuristic.

    Returns
    -------
    InversePowerResult
        ``weights`` and ``quota`` of the best game found (its least integer weights, see
        :func:`coalitions.weighted_representation`, up to
        :data:`~coalitions.power.weightedness.MAX_WEIGHTEDNESS_PLAYERS` members), ``x`` its
        index (exact),
        ``distance`` (Euclidean) to the normalised ``target``, ``n_evaluations``; ``message``
        says whether the target was met exactly. ``exact`` is False: the game is the best
        found, not proven the closest.

    Raises
    ------
    InvalidArgumentError
        For a target that is not non-negative numbers with a positive entry, names that do
        not match it, an unknown index, a bad ``total_weight`` or ``budget``.
    TooLargeError
        Above :data:`MAX_INVERSE_PLAYERS` members or :data:`MAX_INVERSE_TOTAL_WEIGHT`.

    Notes
    -----
    One evaluation computes the index at every quota: the Banzhaf swings from one
    generating function of the subsets' weights (:math:`O(nW)`), the Shapley-Shubik index
    from the counts by size and weight (:math:`O(n^2 W)`). The search is a heuristic: for
    a handful of members an exhaustive search over all weighted games (de Keijzer, Klos and
    Zhang 2014) is exact, and the tests compare the two on four members.

    References
    ----------
    .. [1] Kurz, S. (2012). On the inverse power index problem. *Optimization Letters* 6(8),
       1747-1756.
    .. [2] de Keijzer, B., Klos, T. B. and Zhang, Y. (2014). Finding optimal solutions for
       voting game design problems. *Journal of Artificial Intelligence Research* 50,
       105-140.
    .. [3] Leech, D. (2002). Designing the voting system for the Council of the European
       Union. *Public Choice* 113(3-4), 437-464.

    Examples
    --------
    A body where one member should hold half the power and three others a sixth each:

    >>> import coalitions as co
    >>> found = co.inverse_power([3, 1, 1, 1], index="shapley-shubik")
    >>> found.weights, found.quota, found.distance
    ((2, 1, 1, 1), 4, 0.0)
    >>> [str(v) for v in found.x]
    ['1/2', '1/6', '1/6', '1/6']
    """
    names, goal = _target(target, players)
    index = check_choice(index, INDICES, what="index", plural="indices", function="inverse_power")
    n = len(names)
    total = 10 * n + 90 if total_weight is None else total_weight
    if isinstance(total, bool) or not isinstance(total, numbers.Integral) or total < n:
        raise InvalidArgumentError(
            f"inverse_power: total_weight must be an integer of at least the number of "
            f"members ({n}), got {total_weight!r}."
        )
    if total > MAX_INVERSE_TOTAL_WEIGHT:
        raise TooLargeError(
            f"inverse_power: total_weight {total:,}; the limit is {MAX_INVERSE_TOTAL_WEIGHT:,}."
        )
    if isinstance(budget, bool) or not isinstance(budget, numbers.Integral) or budget < 1:
        raise InvalidArgumentError(
            f"inverse_power: budget must be a positive integer, got {budget!r}."
        )
    search = _Search(goal, index, int(budget))
    _adjust(search, int(total))
    _local_search(search)
    _, weights, quota = search.best
    game = WeightedVotingGame(quota, list(weights), list(names))
    if n <= MAX_WEIGHTEDNESS_PLAYERS:  # the same game by its least integer weights
        least = weighted_representation(game)
        weights, quota = least.weights, least.quota
        game = WeightedVotingGame(quota, list(weights), list(names))
    solve = banzhaf_index if index == "banzhaf" else shapley_shubik_index
    x = nb.read_only([Fraction(v) for v in solve(game).x], nb.EXACT)
    distance = math.sqrt(sum((float(v) - t) ** 2 for v, t in zip(x, goal)))
    met = distance <= 1e-12
    return InversePowerResult(
        x=x,
        players=names,
        exact=False,
        concept="inverse-power",
        method="adjustment",
        weights=tuple(weights),
        quota=quota,
        index=index,
        target=tuple(float(t) for t in goal),
        distance=0.0 if met else distance,
        n_evaluations=len(search.seen),
        message="the target is met exactly"
        if met
        else "heuristic: the closest game found, not proven the closest",
    )
