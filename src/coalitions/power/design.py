r"""Designing a weighted vote: the Jagiellonian compromise (square-root weights and the quota
that makes power proportional to them).

Penrose's square-root law: in a two-tier system where each citizen votes independently, a
representative of :math:`p_i` citizens should hold voting power proportional to
:math:`\sqrt{p_i}` for every citizen to count alike. Słomczyński and Życzkowski (2006) give
each member the weight :math:`\sqrt{p_i}` and choose the quota so that the normalised Banzhaf
index comes closest to the normalised weights; they show the optimal quota is close to

.. math:: q^* \approx \frac{1}{2}\Bigl(1 + \frac{\sqrt{\sum_i p_i}}{\sum_i \sqrt{p_i}}\Bigr).

:func:`jagiellonian_compromise` computes the Banzhaf index at *every* integer quota at once:
one generating function of the subsets' weights, each member's factor removed exactly in
integers, and the swings of all quotas read off cumulative counts.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import front_door, player_names
from ..exceptions import InvalidArgumentError, TooLargeError
from ..results import DesignResult
from ._engines import remove_factor

__all__ = ["jagiellonian_compromise", "MAX_TOTAL_WEIGHT"]

#: The rounded square-root weights may add up to at most this (the table of weights).
MAX_TOTAL_WEIGHT = 5_000_000
#: Members at most (counts stay exact in int64 below 2**62).
MAX_MEMBERS = 60
METHODS = ("exhaustive",)


def _populations(populations: Any) -> tuple[tuple[str, ...], list[float]]:
    if not isinstance(populations, Mapping) or len(populations) < 2:
        raise InvalidArgumentError(
            "jagiellonian_compromise: populations must be a mapping from at least two member "
            "names to positive numbers."
        )
    names = player_names(list(populations), "populations", InvalidArgumentError)
    values = []
    for name, value in populations.items():
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidArgumentError(
                f"jagiellonian_compromise: the population of {name!r} must be a number, got "
                f"{value!r}."
            )
        if not math.isfinite(float(value)) or float(value) <= 0:
            raise InvalidArgumentError(
                f"jagiellonian_compromise: the population of {name!r} must be positive and "
                f"finite, got {value!r}."
            )
        values.append(float(value))
    if len(values) > MAX_MEMBERS:
        raise TooLargeError(
            f"jagiellonian_compromise: {len(values)} members; the limit is {MAX_MEMBERS}."
        )
    return names, values


def _swings_for_every_quota(weights: np.ndarray) -> np.ndarray:
    """``swings[i, q]``: coalitions of the others with ``q - w_i <= w(S) < q``, every quota."""
    total = int(weights.sum())
    counts = np.zeros(total + 1, dtype=np.int64)
    counts[0] = 1
    for w in weights:  # the generating function prod (1 + z**w)
        counts[w:] = counts[w:] + counts[: total + 1 - w].copy()
    swings = np.empty((len(weights), total + 2), dtype=np.int64)
    for i, w in enumerate(weights):
        others = remove_factor(counts, int(w))  # the coalitions of the others, by weight
        below = np.concatenate([[0], np.cumsum(others)])  # below[k] = #{S : w(S) < k}
        q = np.arange(total + 2)
        swings[i] = below[np.minimum(q, total + 1)] - below[np.clip(q - w, 0, total + 1)]
    return swings


@front_door(METHODS)
def jagiellonian_compromise(
    populations: Mapping[str, Any], *, method: str = "exhaustive"
) -> DesignResult:
    r"""Square-root weights and the quota that brings the normalised Banzhaf index closest to
    them (Słomczyński and Życzkowski 2006).

    Parameters
    ----------
    populations : mapping
        Member name to population (positive numbers).
    method : {"exhaustive"}
        Every integer quota above half the total weight, all at once (the only method).

    Returns
    -------
    DesignResult
        ``weights`` (:math:`\sqrt{p_i}` rounded to integers), ``quota`` (the best integer
        quota) and ``quota_share`` (its share of the total weight), ``formula_share`` (the
        approximation above), ``distance`` (the Euclidean distance between the normalised
        Banzhaf index and the normalised weights at the best quota), ``formula_distance``
        (the same at the formula's quota) and ``x`` (the Banzhaf index at the best quota).

    Raises
    ------
    InvalidArgumentError
        For populations that are not positive numbers by name.
    TooLargeError
        For more than :data:`MAX_MEMBERS` members or rounded weights above
        :data:`MAX_TOTAL_WEIGHT` in all.

    Notes
    -----
    Rounding :math:`\sqrt{p_i}` to an integer changes a weight by at most half a unit, a
    relative error below :math:`1/(2\sqrt{p_i})` (under 0.05 % for a million people); the
    Banzhaf indices are then exact for the rounded weights. The generating function has
    :math:`W + 1` entries for a total weight :math:`W`; all quotas cost
    :math:`O(nW)` integer operations.

    References
    ----------
    .. [1] Słomczyński, W. and Życzkowski, K. (2006). Penrose voting system and optimal quota.
       *Acta Physica Polonica B* 37(11), 3133-3143.
    .. [2] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of
       the Royal Statistical Society* 109(1), 53-57.

    Examples
    --------
    >>> import coalitions as co
    >>> design = co.jagiellonian_compromise(co.datasets.eu_population(2020))
    >>> round(design.quota_share, 3), round(design.formula_share, 3)
    (0.614, 0.616)
    """
    names, values = _populations(populations)
    weights = np.array([max(1, round(math.sqrt(p))) for p in values], dtype=np.int64)
    total = int(weights.sum())
    if total > MAX_TOTAL_WEIGHT:
        raise TooLargeError(
            f"jagiellonian_compromise: the square-root weights add up to {total:,}; the limit "
            f"is {MAX_TOTAL_WEIGHT:,} (give populations in thousands)."
        )
    target = weights / total
    swings = _swings_for_every_quota(weights)
    quotas = np.arange(total // 2 + 1, total + 1)
    sums = swings[:, quotas].sum(axis=0)
    power = swings[:, quotas] / np.where(sums == 0, 1, sums)
    distances = np.sqrt(((power - target[:, None]) ** 2).sum(axis=0))
    best = int(np.argmin(distances))
    formula = 0.5 * (1 + math.sqrt(sum(values)) / sum(math.sqrt(p) for p in values))
    formula_quota = math.ceil(formula * total)
    quota = int(quotas[best])
    return DesignResult(
        x=nb.read_only([Fraction(int(s), int(sums[best])) for s in swings[:, quota]], nb.EXACT),
        players=names,
        exact=False,
        concept="jagiellonian-compromise",
        method="exhaustive",
        weights=tuple(int(w) for w in weights),
        quota=quota,
        quota_share=quota / total,
        formula_share=formula,
        distance=float(distances[best]),
        formula_distance=float(distances[formula_quota - quotas[0]]),
    )
