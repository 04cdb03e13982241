"""Clubs (minilateral coalitions): the chance of acting against coverage.

A club ``C`` deciding by unanimity acts only if every member supports acting. With
independent support probabilities ``p_i``, its efficiency is ``A(C) = prod p_i``; its
legitimacy or coverage is ``L(C) = sum s_i`` for weights ``s_i`` such as population,
emissions or GDP shares. Adding a member raises coverage and lowers efficiency: the Pareto
frontier over clubs is the "minilateral trade-off" (Kahler 1992; Naim 2009).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .._bits import mask_members, subset_sums
from .._checks import as_list, check_integer, front_door, name_list
from .._partitions import named_coalition_mask
from .._players import names_of
from ..exceptions import InvalidProblemError, TooLargeError
from ..results import ClubFrontierResult

__all__ = ["club_efficiency", "club_coverage", "club_frontier"]

FRONTIER_METHODS = ("auto", "enumeration", "pareto")
#: Largest n for ``method="enumeration"`` (every one of the 2**n - 1 clubs).
MAX_ENUMERATE_PLAYERS = 22
# Relative tolerance under which two log-efficiencies count as equal.
_LOG_TOL = 1e-12


def _data(probabilities: Any, coverage: Any, players: Any) -> tuple[tuple, list, list]:
    """Player names, support probabilities and coverage weights, validated."""
    if players is not None:
        players = name_list(players, "players", InvalidProblemError)
    names = None if players is None else tuple(players)
    if names is None and isinstance(probabilities, Mapping):
        names = tuple(probabilities)
    p = _entries(probabilities, names, "probabilities", "support probability")
    if names is None:
        names = tuple(str(i + 1) for i in range(len(p)))
    s = [1] * len(p)
    if coverage is not None:
        s = _entries(coverage, names, "coverage", "coverage weight")
    if not names:
        raise InvalidProblemError("a club needs at least one player.")
    if len(p) != len(names) or len(s) != len(names):
        raise InvalidProblemError(
            f"give one support probability and one coverage weight per player: {len(names)} "
            f"players, {len(p)} probabilities, {len(s)} coverage weights."
        )
    if len(set(names)) != len(names) or not all(isinstance(x, str) for x in names):
        raise InvalidProblemError("player names must be distinct strings.")
    for name, value in zip(names, p):
        if not (_is_number(value) and 0 < value <= 1):
            raise InvalidProblemError(
                f"the support probability of {name!r} must be in (0, 1], got {_short(value)}."
            )
    for name, value in zip(names, s):
        if not (_is_number(value) and value >= 0 and _float_or_inf(value) < math.inf):
            raise InvalidProblemError(
                f"the coverage weight of {name!r} must be a finite number >= 0 (at most about "
                f"1.8e308), got {_short(value)}."
            )
    if sum(float(v) for v in s) == math.inf:  # Python floats: inf, no warning
        raise InvalidProblemError(
            "the coverage weights sum past the float range (about 1.8e308); rescale them, "
            "e.g. give shares of the total or values in billions."
        )
    return names, p, s


def _is_number(value: Any) -> bool:
    """An int, float, Fraction or numpy number, not a bool."""
    return not isinstance(value, bool) and isinstance(value, (int, float, Fraction, np.number))


def _float_or_inf(value: Any) -> float:
    """``float(value)``, or infinity for an integer or fraction past the float range."""
    try:
        return float(value)
    except OverflowError:
        return math.inf


def _short(value: Any) -> str:
    """``repr(value)``, cut to about 60 characters (a 400-digit number would fill a screen)."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:30]}...({len(text)} characters)"


def _entries(values: Any, names: tuple | None, what: str, entry: str) -> list:
    """The numbers of ``values``: a mapping {player: number} read in the order of ``names``,
    or a sequence as it is (``what`` names the argument and ``entry`` one of its numbers)."""
    if isinstance(values, Mapping):
        try:
            return [values[name] for name in names or ()]
        except KeyError as error:
            raise InvalidProblemError(f"no {entry} for player {error}.") from None
    return as_list(
        values,
        what,
        InvalidProblemError,
        expected="a mapping {player: number} or a sequence of numbers",
    )


def _club_mask(club: Any, names: tuple) -> int:
    mask = named_coalition_mask(club, {name: i for i, name in enumerate(names)}, what="club")
    if mask == 0:
        raise InvalidProblemError("a club needs at least one member.")
    return mask


def club_efficiency(probabilities: Any, club: Any, *, players: Sequence[str] | None = None) -> Any:
    r"""Chance that a unanimity club acts: :math:`A(C) = \prod_{i \in C} p_i`.

    Parameters
    ----------
    probabilities : sequence or mapping
        Support probability of each player (in (0, 1]); a mapping ``{player: p}`` or a
        sequence in ``players`` order.
    club : iterable of str
    players : sequence of str, optional

    Examples
    --------
    >>> from fractions import Fraction
    >>> from coalitions.formation import club_efficiency
    >>> club_efficiency({"a": Fraction(1, 2), "b": Fraction(3, 4), "c": 1}, ["a", "b"])
    Fraction(3, 8)
    """
    names, p, _ = _data(probabilities, None, players)
    mask = _club_mask(club, names)
    members = [p[i] for i in mask_members(mask, len(names))]
    exact = not any(isinstance(v, (float, np.floating)) for v in members)
    product: Any = Fraction(1) if exact else 1.0
    for value in members:
        product = product * (Fraction(value) if exact else float(value))
    return product


def club_coverage(coverage: Any, club: Any, *, players: Sequence[str] | None = None) -> Any:
    r"""Coverage (legitimacy) of a club: :math:`L(C) = \sum_{i \in C} s_i`.

    Examples
    --------
    >>> from coalitions.formation import club_coverage
    >>> club_coverage({"a": 10, "b": 25, "c": 5}, ["a", "c"])
    15
    """
    if players is not None:
        players = name_list(players, "players", InvalidProblemError)
    given: Sequence[str] | None
    probabilities: dict[str, int] | list[int]  # only the players matter here
    if isinstance(coverage, Mapping):
        given = tuple(coverage) if players is None else tuple(players)
        probabilities = {name: 1 for name in given}
    else:
        probabilities = [1] * len(_entries(coverage, None, "coverage", "coverage weight"))
        given = players
    names, _, s = _data(probabilities, coverage, given)
    mask = _club_mask(club, names)
    return sum(s[i] for i in mask_members(mask, len(names)))


def _pareto_keep(coverage: np.ndarray, log_eff: np.ndarray) -> np.ndarray:
    """Indices of the non-dominated points (maximise both), one per distinct point."""
    order = np.lexsort((-log_eff, -coverage))
    running = np.maximum.accumulate(log_eff[order])
    previous = np.concatenate(([-np.inf], running[:-1]))
    tol = _LOG_TOL * np.maximum(1.0, np.abs(previous))
    keep = log_eff[order] > previous + np.where(np.isfinite(previous), tol, 0.0)
    return order[keep]


@front_door(FRONTIER_METHODS)
def club_frontier(
    probabilities: Any,
    coverage: Any,
    *,
    players: Sequence[str] | None = None,
    method: str = "auto",
    max_points: int = 1_000_000,
) -> ClubFrontierResult:
    r"""The Pareto frontier of clubs: largest chance of acting for each level of coverage.

    A club ``C`` (a non-empty set of players) is on the frontier when no other club has both
    :math:`A(C') \ge A(C)` and :math:`L(C') \ge L(C)`, one strictly, where
    :math:`A(C) = \prod_{i \in C} p_i` and :math:`L(C) = \sum_{i \in C} s_i`.

    Parameters
    ----------
    probabilities : sequence or mapping
        Support probability ``p_i`` in (0, 1] of each player.
    coverage : sequence or mapping
        Coverage weight ``s_i >= 0`` of each player (population, emissions, GDP, ...).
    players : sequence of str, optional
        Names (default the mapping keys, or ``"1"``, ..., ``"n"``).
    method : {"auto", "enumeration", "pareto"}
        ``"enumeration"`` scores all ``2**n - 1`` clubs with whole-array operations (up to 22
        players). ``"pareto"`` is the Nemhauser-Ullmann algorithm: exact, adds one player at
        a time and keeps only non-dominated partial clubs. ``"auto"`` enumerates up to 16
        players, else uses ``"pareto"``.
    max_points : int
        Refuse (TooLargeError) if the list of non-dominated partial clubs grows beyond this.

    Returns
    -------
    ClubFrontierResult
        ``clubs``, ``efficiency``, ``coverage``, sorted by increasing coverage (one club per
        distinct frontier point).

    Raises
    ------
    InvalidProblemError
        On probabilities outside (0, 1], negative coverage or mismatched lengths.
    TooLargeError
        When too many clubs or frontier points would be needed.

    Notes
    -----
    Both criteria are additive once efficiency is taken in logs (``log A = sum log p_i``), so
    the problem is a bi-objective 0/1 knapsack. Nemhauser and Ullmann (1969): adding player
    ``i`` to every non-dominated partial club and merging with the clubs without ``i``, then
    discarding dominated points, keeps exactly the partial clubs that can still end on the
    frontier (a dominated partial club stays dominated when the same players are added). The
    cost is O(n F log F) for a largest intermediate frontier of F points; F never exceeds the
    number of distinct coverage sums, so integer coverage weights (rounded populations, for
    example) bound it by ``sum s_i + 1`` (the pseudo-polynomial knapsack DP). Efficiencies are
    computed in floating point (as sums of logs).

    References
    ----------
    .. [1] Kahler, M. (1992). Multilateralism with small and large numbers. *International
       Organization* 46(3), 681-708.
    .. [2] Nemhauser, G. L. and Ullmann, Z. (1969). Discrete dynamic programming and capital
       allocation. *Management Science* 15(9), 494-505.

    Examples
    --------
    >>> from coalitions.formation import club_frontier
    >>> frontier = club_frontier({"US": 0.5, "EU": 0.9, "CN": 0.6},
    ...                          {"US": 4, "EU": 6, "CN": 18})
    >>> frontier.clubs
    (('EU',), ('CN',), ('EU', 'CN'), ('US', 'EU', 'CN'))
    >>> [round(float(a), 3) for a in frontier.efficiency]
    [0.9, 0.6, 0.54, 0.27]
    """
    names, p, s = _data(probabilities, coverage, players)
    max_points = check_integer(max_points, "max_points", "club_frontier", low=1)
    n = len(names)
    if method == "auto":
        method = "enumeration" if n <= 16 else "pareto"
    elif method == "enumeration" and n > MAX_ENUMERATE_PLAYERS:
        raise TooLargeError(
            f"enumerating the clubs of {n} players scores 2**{n} clubs; the limit is "
            f"{MAX_ENUMERATE_PLAYERS}. Use method='pareto'."
        )
    log_p = np.log(np.array([float(v) for v in p]))
    weights = np.array([float(v) for v in s])
    if method == "enumeration":
        masks, cover, log_eff = _enumerate(log_p, weights)
    else:
        masks, cover, log_eff = _nemhauser_ullmann(log_p, weights, max_points)
    order = np.argsort(cover, kind="stable")
    return ClubFrontierResult(
        clubs=tuple(names_of(int(masks[j]), names) for j in order),
        efficiency=np.exp(log_eff[order]),
        coverage=cover[order],
        players=names,
        concept="club-frontier",
        method=method,
        exact=False,
    )


def _enumerate(log_p: np.ndarray, weights: np.ndarray):
    n = log_p.size
    log_eff = subset_sums(log_p, n)
    cover = subset_sums(weights, n)
    keep = _pareto_keep(cover[1:], log_eff[1:]) + 1
    return keep, cover[keep], log_eff[keep]


def _nemhauser_ullmann(log_p: np.ndarray, weights: np.ndarray, max_points: int):
    n = log_p.size
    masks = np.array([0], dtype=object)
    cover = np.zeros(1)
    log_eff = np.zeros(1)
    for i in range(n):
        masks = np.concatenate([masks, masks | (1 << i)])
        cover = np.concatenate([cover, cover + weights[i]])
        log_eff = np.concatenate([log_eff, log_eff + log_p[i]])
        keep = _pareto_keep(cover, log_eff)
        masks, cover, log_eff = masks[keep], cover[keep], log_eff[keep]
        if masks.size > max_points:
            raise TooLargeError(
                f"the frontier of partial clubs has {masks.size} points after {i + 1} of {n} "
                f"players (max_points={max_points}). Round the coverage weights to integers "
                "(the frontier then has at most sum(coverage) + 1 points) or raise max_points."
            )
    nonempty = masks != 0
    masks, cover, log_eff = masks[nonempty], cover[nonempty], log_eff[nonempty]
    zero = np.flatnonzero(weights == 0)
    if zero.size:
        # Clubs dominated only by the empty club: the best zero-coverage player alone.
        best = int(zero[np.argmax(log_p[zero])])
        masks = np.concatenate([masks, np.array([1 << best], dtype=object)])
        cover = np.concatenate([cover, [0.0]])
        log_eff = np.concatenate([log_eff, [log_p[best]]])
        keep = _pareto_keep(cover, log_eff)
        masks, cover, log_eff = masks[keep], cover[keep], log_eff[keep]
    return masks, cover, log_eff
