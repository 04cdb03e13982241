r"""Two-level games: international agreements that domestic ratifiers must accept.

Putnam (1988): a negotiator can sign only what its domestic constituents will ratify. Each
country ``c`` has a negotiator with ideal point :math:`n_c` and domestic ratifiers with ideal
points :math:`r_{c,j}` who decide under a rule (unanimity, a majority, a two-thirds quota such
as the US Senate's, or any simple game of the library). With Euclidean preferences and the
status quo ``q`` as the reversion (no agreement), country ``c``'s *acceptance set* is the
win-set of its ratifiers,

.. math:: W_c(q) = \{x : \{j : |x - r_{c,j}| < |q - r_{c,j}|\} \text{ is winning}\},

intersected, when the negotiator may also refuse to sign, with the negotiator's own
preferred-to set. The *international win-set* is :math:`W(q) = \bigcap_c W_c(q)`: the
agreements every country ratifies.

The negotiated outcome is a point of the closed international win-set (or ``q``):

* ``"nash"``: the Nash bargaining point of the negotiators, maximising
  :math:`\prod_c [(q - n_c)^2 - (x - n_c)^2]` (quadratic utilities, disagreement ``q``);
* ``"setter"``: one negotiator's take-it-or-leave-it offer (Romer-Rosenthal; Milner and
  Rosendorff 1997): its ideal point's nearest point of the closed win-set.

The *Schelling conjecture* (Schelling 1960, the "paradox of weakness"): a negotiator whose
hands are tied by a tighter ratifier obtains an outcome closer to its own ideal point. It is
computed here, not assumed: :func:`schelling_curve` gives the outcome as a function of one
ratifier's ideal point. In one dimension every set is a union of open intervals with exact
ends (Fractions when the inputs are rational); in two dimensions the acceptance sets are
measured on a common grid (the spatial module's win-set grid).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import front_door
from .._reals import policy_point
from ..exceptions import InvalidArgumentError, InvalidProblemError
from ..games.spatial import SpatialModel
from ..results import SchellingResult, TwoLevelResult
from ._inputs import parameter_kind
from .spatial import _grid, _resolution

__all__ = ["two_level_win_set", "schelling_curve"]

#: The choices of ``method=``: one, exact intervals in one dimension and a grid in two.
TWO_LEVEL_METHODS = ("auto",)
#: The negotiated outcomes.
OUTCOMES = ("nash", "setter")


# ------------------------------------------------------------------ inputs
def _point(value: Any, what: str, dimension: int | None, kind_values: list) -> Any:
    """A policy point, checked; kept as given (a number or a tuple) for exact arithmetic."""
    checked = policy_point(value, what, dimension)
    if checked.size == 1:
        scalar = value[0] if isinstance(value, (list, tuple)) else value
        kind_values.append(scalar)
        return scalar
    kind_values.extend(value)
    return tuple(value)


def _share_rule(rule: Any, n: int) -> Any:
    """A share of the ratifiers (``Fraction(2, 3)``, ``"2/3"``, ``0.6``) as k of n, the
    smallest k with ``k >= share * n``; other rules unchanged."""
    share = None
    if isinstance(rule, str) and "/" in rule:
        try:
            share = Fraction(rule.strip())
        except (ValueError, ZeroDivisionError):
            raise InvalidProblemError(
                f"the rule {rule!r} is not a share p/q; write e.g. '2/3'."
            ) from None
    elif isinstance(rule, (Fraction, float)) and not isinstance(rule, bool):
        share = Fraction(rule)
    if share is None:
        return rule
    if not 0 < share <= 1:
        raise InvalidProblemError(f"a quota share must be in (0, 1], got {rule!r}.")
    return max(1, math.ceil(share * n))


class _Country:
    """One country: its negotiator, its ratifiers and their rule."""

    def __init__(self, name, negotiator, ratifiers, rule, status_quo, dimension) -> None:
        self.name = name
        self.negotiator = negotiator
        self.ratifiers = ratifiers  # {name: point}
        self.model = None
        if ratifiers:
            rule = _share_rule(rule, len(ratifiers))
            floats = {k: _as_float(v) for k, v in ratifiers.items()}
            self.model = SpatialModel(floats, _as_float(status_quo), decision_rule=rule)
        self.rule_label = self.model.rule_label if self.model is not None else "none"


def _as_float(point: Any) -> Any:
    return tuple(float(v) for v in point) if isinstance(point, tuple) else float(point)


def _countries(negotiators, status_quo, ratifiers, rules) -> tuple[list[_Country], Any, str]:
    if not isinstance(negotiators, Mapping) or not negotiators:
        raise InvalidProblemError(
            "negotiators must be a mapping {country: ideal point} with at least one country, "
            f"got {negotiators!r}."
        )
    kind_values: list = []
    names = [str(c) for c in negotiators]
    first = policy_point(next(iter(negotiators.values())), f"the negotiator of {names[0]!r}")
    dimension = first.size
    ideals = {
        str(c): _point(p, f"the negotiator of {c!r}", dimension, kind_values)
        for c, p in negotiators.items()
    }
    q = _point(status_quo, "the status quo", dimension, kind_values)
    ratifiers = {} if ratifiers is None else ratifiers
    if not isinstance(ratifiers, Mapping):
        raise InvalidProblemError(
            "ratifiers must be a mapping {country: {ratifier: ideal point}} or "
            f"{{country: [ideal points]}}, got {ratifiers!r}."
        )
    unknown = sorted(str(c) for c in ratifiers if str(c) not in ideals)
    if unknown:
        raise InvalidProblemError(
            f"ratifiers of {unknown[0]!r}, which has no negotiator; countries are {names}."
        )
    if isinstance(rules, Mapping):
        stray = sorted(str(c) for c in rules if str(c) not in ideals)
        if stray:
            raise InvalidProblemError(f"a rule for {stray[0]!r}, which is not a country {names}.")
    countries = []
    for name in names:
        given = ratifiers.get(name, ratifiers.get(_original_key(negotiators, name), None))
        if given is None:
            domestic: dict = {}
        elif isinstance(given, Mapping):
            domestic = {str(k): v for k, v in given.items()}
        elif isinstance(given, Sequence) and not isinstance(given, (str, bytes)):
            domestic = {f"{name}-{k + 1}": v for k, v in enumerate(given)}
        else:
            raise InvalidProblemError(
                f"the ratifiers of {name!r} must be a mapping {{name: ideal point}} or a list "
                f"of ideal points, got {given!r}."
            )
        domestic = {
            k: _point(v, f"the ratifier {k!r} of {name!r}", dimension, kind_values)
            for k, v in domestic.items()
        }
        rule = rules.get(name, "unanimity") if isinstance(rules, Mapping) else rules
        countries.append(_Country(name, ideals[name], domestic, rule, q, dimension))
    kind = parameter_kind(kind_values, "two_level_win_set: ideal points and status quo")
    if kind == nb.SYMBOLIC:
        raise InvalidProblemError(
            "two_level_win_set compares distances: give numbers (int, float or Fraction), "
            "not symbols."
        )
    return countries, q, kind


def _original_key(mapping: Mapping, name: str) -> Any:
    return next((k for k in mapping if str(k) == name), name)


# ------------------------------------------------------------------ one dimension
def _preferred_interval(ideal, q) -> list[tuple]:
    """The open interval of points an actor at ``ideal`` strictly prefers to ``q``."""
    if ideal == q:
        return []
    far = 2 * ideal - q
    return [(min(q, far), max(q, far))]


def _domestic_intervals(country: _Country, q) -> list[tuple]:
    """The open intervals of points the ratifiers' rule passes against ``q``: the cells
    between ``q`` and the indifference points ``2 r_j - q``, each tested at its midpoint with
    the exact set of supporters (the spatial win-set's sweep, in the inputs' numbers)."""
    model = country.model
    assert model is not None
    points = list(country.ratifiers.values())
    cuts = sorted({q, *(2 * r - q for r in points)})
    out: list[list] = []
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        middle = (lo + hi) / 2
        supporters = frozenset(
            name for name, r in country.ratifiers.items() if abs(middle - r) < abs(q - r)
        )
        if model.is_winning(supporters):
            if out and out[-1][1] == lo and lo != q:
                out[-1][1] = hi
            else:
                out.append([lo, hi])
    return [(a, b) for a, b in out]


def _intersect(first: list[tuple], second: list[tuple]) -> list[tuple]:
    """The intersection of two unions of open intervals (sorted, disjoint)."""
    out = []
    for a, b in first:
        for c, d in second:
            lo, hi = max(a, c), min(b, d)
            if lo < hi:
                out.append((lo, hi))
    return sorted(out)


def _acceptance_1d(country: _Country, q, negotiator_veto: bool) -> tuple[list, list]:
    """(the ratifiers' win-set, the country's acceptance set), unions of open intervals."""
    everything = [(min(q, -_huge(q)), max(q, _huge(q)))]
    domestic = everything if country.model is None else _domestic_intervals(country, q)
    accepted = domestic
    if negotiator_veto:
        accepted = _intersect(accepted, _preferred_interval(country.negotiator, q))
    return domestic, accepted


def _huge(q) -> float:
    """Past every policy: the whole line is ``(-inf, inf)`` (the win-set of a country whose
    negotiator cannot refuse and that has no ratifiers)."""
    return math.inf


def _poly_mul(a: list, b: list) -> list:
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out


def _poly_value(coefficients: list, x) -> Any:
    total = 0
    for c in reversed(coefficients):
        total = total * x + c
    return total


def _nash_1d(ideals: list, q, feasible: list[tuple], kind: str) -> tuple[Any, bool]:
    """The Nash point over the closure of ``feasible`` (all gains positive inside it), and
    whether it is exact. The log of the Nash product is concave on each interval, so its
    maximum there is an endpoint or the one root of the derivative inside; the derivative
    is a polynomial with the inputs' coefficients, its root found in floats and kept exact
    when a rational snap is a root exactly."""
    product = [1]
    for n in ideals:  # gain (q - n)^2 - (x - n)^2 = (q^2 - 2qn) + 2n x - x^2
        product = _poly_mul(product, [q * q - 2 * q * n, 2 * n, -1])
    derivative = [k * c for k, c in enumerate(product)][1:]
    roots: Any = np.roots([float(c) for c in reversed(derivative)]) if len(derivative) > 1 else []
    best, best_value, exact = None, None, True
    for lo, hi in feasible:
        candidates: list[tuple[Any, bool]] = [(lo, True), (hi, True)]
        for root in roots:
            if abs(root.imag) > 1e-9 * (1 + abs(root.real)):
                continue
            x = float(root.real)
            if not float(lo) < x < float(hi):
                continue
            if kind == nb.EXACT:
                snapped = Fraction(x).limit_denominator(10**6)
                if _poly_value(derivative, snapped) == 0:
                    candidates.append((snapped, True))
                    continue
            candidates.append((x, kind == nb.EXACT and False))
        for x, is_exact in candidates:
            value = _poly_value(product, x)
            if best_value is None or value > best_value:
                best, best_value, exact = x, value, is_exact
    return best, exact


def _setter_1d(s, q, feasible: list[tuple]) -> Any:
    """The point of the closure of ``feasible`` or ``q`` nearest the setter's ideal ``s``."""
    best = q
    for lo, hi in feasible:
        x = min(max(s, lo), hi)
        if abs(x - s) < abs(best - s):
            best = x
    return best


def _outcome_1d(countries, q, win, outcome, setter, kind) -> tuple[Any, bool]:
    if not win:
        return q, True
    if outcome == "setter":
        s = next(c.negotiator for c in countries if c.name == setter)
        return _setter_1d(s, q, win), True
    feasible = win
    for c in countries:
        feasible = _intersect(feasible, _preferred_interval(c.negotiator, q))
    if not feasible:
        return q, True
    return _nash_1d([c.negotiator for c in countries], q, feasible, kind)


def _touches(x, intervals: list[tuple]) -> bool:
    return any(x == a or x == b for a, b in intervals)


# ------------------------------------------------------------------ two dimensions
def _box(countries, q) -> tuple[float, float, float, float]:
    """The box holding every actor's preferred-to disc (where any acceptance set lies)."""
    qx, qy = (float(v) for v in q)
    points = [c.negotiator for c in countries] + [
        r for c in countries for r in c.ratifiers.values()
    ]
    arr = np.array([[float(v) for v in p] for p in points])
    radius = np.hypot(arr[:, 0] - qx, arr[:, 1] - qy)
    lo, hi = (arr - radius[:, None]).min(axis=0), (arr + radius[:, None]).max(axis=0)
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _disc(points: np.ndarray, centre, q) -> np.ndarray:
    c = np.array([float(v) for v in centre])
    qq = np.array([float(v) for v in q])
    return ((points - c) ** 2).sum(axis=1) < ((qq - c) ** 2).sum()


# ------------------------------------------------------------------ front doors
@front_door(TWO_LEVEL_METHODS)
def two_level_win_set(
    negotiators: Mapping[str, Any],
    status_quo: Any,
    *,
    ratifiers: Mapping[str, Any] | None = None,
    rules: Any = "unanimity",
    negotiator_veto: bool = True,
    outcome: str = "nash",
    setter: str | None = None,
    resolution: int = 300,
    bounds: Sequence[float] | None = None,
    method: str = "auto",
) -> TwoLevelResult:
    r"""The international win-set of a two-level game and the negotiated outcome.

    .. math:: W(q) = \bigcap_c W_c(q), \qquad W_c(q) = \{x : \{j : |x - r_{c,j}| <
              |q - r_{c,j}|\} \text{ is winning under country } c\text{'s rule}\}

    Parameters
    ----------
    negotiators : mapping country -> ideal point
        One negotiator per country: numbers (one dimension) or pairs (two dimensions).
    status_quo : number or pair
        The reversion point ``q`` (no agreement).
    ratifiers : mapping country -> (mapping name -> ideal point, or list of ideal points)
        The domestic ratifiers of each country; a country without ratifiers accepts
        whatever its negotiator signs.
    rules : rule, or mapping country -> rule
        Each country's ratification rule over its ratifiers: ``"unanimity"`` (default),
        ``"majority"``, an integer k (k of them), a share such as ``"2/3"`` or
        ``Fraction(2, 3)`` (at least that share of them: the US Senate's two-thirds), a
        simple game over the ratifiers' names, or a predicate on frozensets of names.
    negotiator_veto : bool
        Whether each negotiator also refuses agreements it likes less than ``q`` (default);
        with False only the ratifiers decide (Putnam's negotiator as a pure agent).
    outcome : {"nash", "setter"}
        The negotiated outcome: the negotiators' Nash bargaining point over the closed
        win-set (quadratic utilities ``-(x - n_c)^2``, disagreement ``q``), or the
        take-it-or-leave-it offer of ``setter``.
    setter : str, optional
        The proposing country when ``outcome="setter"``.
    resolution, bounds
        Two dimensions: the grid's cells per side and its window ``(xmin, xmax, ymin,
        ymax)`` (default: the box holding every actor's preferred-to disc).
    method : {"auto"}
        The only method, by dimension: exact interval ends in one dimension (the result's
        ``method`` is ``"intervals"``), a grid in two (``"grid"``).

    Returns
    -------
    TwoLevelResult
        ``intervals`` and ``size`` of the international win-set (one dimension) or its grid
        area; ``acceptance`` (each country's acceptance set) and ``ratified`` (its ratifiers'
        win-set alone); ``outcome`` and ``unconstrained_outcome`` (the same bargaining with
        no ratifiers: the Schelling comparison); ``constrained_by``, the countries whose
        ratifiers' bound is the outcome. Exact for rational one-dimensional inputs (the Nash
        point is exact when it is an interval end or a rational root).

    Raises
    ------
    InvalidProblemError
        For a missing or malformed point, ratifiers of an unknown country, a bad rule, or
        ``outcome="setter"`` without a setter country.
    InvalidArgumentError
        For an unknown ``outcome`` or ``method``.

    Notes
    -----
    One dimension: each ratifier is indifferent between ``q`` and ``2 r - q``; between
    consecutive such points the set of supporters is constant, so each cell is tested once
    (O(m log m) for m ratifiers) and the intersections are merges of sorted intervals. Two
    dimensions: every acceptance set is evaluated on one grid (about one cell of error per
    unit of boundary length), the outcome is the best grid point.

    References
    ----------
    .. [1] Putnam, R. D. (1988). Diplomacy and domestic politics: the logic of two-level
       games. *International Organization* 42(3), 427-460.
    .. [2] Iida, K. (1993). When and how do domestic constraints matter? Two-level games
       with uncertainty. *Journal of Conflict Resolution* 37(3), 403-426.
    .. [3] Milner, H. V. and Rosendorff, B. P. (1997). Democratic politics and international
       trade negotiations: elections and divided government as constraints on trade
       liberalization. *Journal of Conflict Resolution* 41(1), 117-146.
    .. [4] Schelling, T. C. (1960). *The Strategy of Conflict*. Harvard University Press.

    Examples
    --------
    The United States (negotiator at 4) and the European Union (at 10) move a status quo at
    0; the Senate's median ratifier at 3 accepts nothing beyond 6:

    >>> import coalitions as co
    >>> free = co.two_level_win_set({"US": 4, "EU": 10}, 0, outcome="setter", setter="EU")
    >>> free.intervals, free.outcome
    ([(0, 8)], 8)
    >>> tied = co.two_level_win_set(
    ...     {"US": 4, "EU": 10}, 0, ratifiers={"US": [3]}, outcome="setter", setter="EU")
    >>> tied.intervals, tied.outcome, tied.constrained_by
    ([(0, 6)], 6, ('US',))
    """
    from .._checks import check_choice

    outcome = check_choice(outcome, OUTCOMES, what="outcome", function="two_level_win_set")
    countries, q, kind = _countries(negotiators, status_quo, ratifiers, rules)
    names = tuple(c.name for c in countries)
    if outcome == "setter" and setter not in names:
        raise InvalidProblemError(
            f"outcome='setter' needs setter= one of the countries {list(names)}, got {setter!r}."
        )
    dimension = 1 if not isinstance(q, tuple) else 2
    if dimension == 1:
        return _one_dimension(countries, q, kind, negotiator_veto, outcome, setter)
    return _two_dimensions(
        countries, q, negotiator_veto, outcome, setter, resolution, bounds, dimension
    )


def _one_dimension(countries, q, kind, negotiator_veto, outcome, setter) -> TwoLevelResult:
    if kind == nb.FLOAT:
        q = float(q)
        for c in countries:
            c.negotiator = float(c.negotiator)
            c.ratifiers = {k: float(v) for k, v in c.ratifiers.items()}
    ratified, acceptance = {}, {}
    win: list[tuple] = [(-_huge(q), _huge(q))]
    for c in countries:
        ratified[c.name], acceptance[c.name] = _acceptance_1d(c, q, negotiator_veto)
        win = _intersect(win, acceptance[c.name])
    point, exact = _outcome_1d(countries, q, win, outcome, setter, kind)
    free: list[tuple] = [(-_huge(q), _huge(q))]
    for c in countries:
        if negotiator_veto:
            free = _intersect(free, _preferred_interval(c.negotiator, q))
    unconstrained, free_exact = _outcome_1d(countries, q, free, outcome, setter, kind)
    constrained = tuple(
        c.name
        for c in countries
        if c.model is not None and point != q and _touches(point, ratified[c.name])
    )

    def number(v):
        if kind == nb.EXACT or isinstance(v, float):
            return nb.int_if_integral(v)
        return float(v)

    return TwoLevelResult(
        dimension=1,
        status_quo=number(q),
        is_empty=not win,
        size=number(sum(b - a for a, b in win)) if win else number(0),
        intervals=[(number(a), number(b)) for a, b in win],
        acceptance={k: [(number(a), number(b)) for a, b in v] for k, v in acceptance.items()},
        ratified={
            c.name: [(number(a), number(b)) for a, b in ratified[c.name]]
            for c in countries
            if c.model is not None
        },
        negotiators={c.name: number(c.negotiator) for c in countries},
        rules={c.name: c.rule_label for c in countries},
        outcome=number(point) if exact else float(point),
        unconstrained_outcome=number(unconstrained) if free_exact else float(unconstrained),
        outcome_rule=outcome,
        setter=setter if outcome == "setter" else None,
        constrained_by=constrained,
        negotiator_veto=bool(negotiator_veto),
        decision_rule="two-level",
        players=tuple(c.name for c in countries),
        exact=kind == nb.EXACT and exact and free_exact,
        concept="two-level-win-set",
        method="intervals",
    )


def _two_dimensions(
    countries, q, negotiator_veto, outcome, setter, resolution, bounds, dimension
) -> TwoLevelResult:
    n_actors = sum(len(c.ratifiers) for c in countries) + len(countries)
    resolution = _resolution(resolution, n_actors)
    if bounds is None:
        box = _box(countries, q)
    else:
        box = _checked_bounds(bounds)
    # the spatial module's grid of a model with one actor at q gives the shared grid points
    probe = SpatialModel({"q": _as_float(q)}, _as_float(q))
    _, points, cell, box = _grid(probe, resolution, box)
    ratified, acceptance = {}, {}
    inside = np.ones(len(points), dtype=bool)
    for c in countries:
        if c.model is not None:
            domestic, _, _, _ = _grid(c.model, resolution, box)
        else:
            domestic = np.ones(len(points), dtype=bool)
        accepted = domestic & _disc(points, c.negotiator, q) if negotiator_veto else domestic
        ratified[c.name] = float(domestic.sum() * cell)
        acceptance[c.name] = float(accepted.sum() * cell)
        inside &= accepted
    qq = tuple(float(v) for v in q)
    ideals = np.array([[float(v) for v in c.negotiator] for c in countries])

    def best(allowed: np.ndarray):
        if outcome == "setter":
            s = ideals[[c.name for c in countries].index(setter)]
            candidates = np.vstack([points[allowed], np.array(qq)[None, :]])
            return tuple(candidates[int(np.argmin(((candidates - s) ** 2).sum(axis=1)))].tolist())
        gains = ((np.array(qq) - ideals) ** 2).sum(axis=1)[None, :] - (
            (points[:, None, :] - ideals[None, :, :]) ** 2
        ).sum(axis=2)
        ok = allowed & (gains > 0).all(axis=1)
        if not ok.any():
            return qq
        logs = np.log(gains[ok]).sum(axis=1)
        return tuple(points[ok][int(np.argmax(logs))].tolist())

    free = np.ones(len(points), dtype=bool)
    if negotiator_veto:
        for c in countries:
            free &= _disc(points, c.negotiator, q)
    return TwoLevelResult(
        dimension=2,
        status_quo=qq,
        is_empty=not inside.any(),
        size=float(inside.sum() * cell),
        bounds=tuple(box),
        resolution=int(resolution),
        acceptance=acceptance,
        ratified={c.name: ratified[c.name] for c in countries if c.model is not None},
        negotiators={c.name: tuple(float(v) for v in c.negotiator) for c in countries},
        rules={c.name: c.rule_label for c in countries},
        outcome=best(inside),
        unconstrained_outcome=best(free),
        outcome_rule=outcome,
        setter=setter if outcome == "setter" else None,
        constrained_by=(),
        negotiator_veto=bool(negotiator_veto),
        decision_rule="two-level",
        players=tuple(c.name for c in countries),
        exact=False,
        concept="two-level-win-set",
        method="grid",
    )


def _checked_bounds(bounds: Any) -> tuple[float, float, float, float]:
    """``(xmin, xmax, ymin, ymax)`` checked."""
    from .._reals import real_array

    box = real_array(bounds, "bounds", ndim=1)
    if box.size != 4 or not (box[0] < box[1] and box[2] < box[3]):
        raise InvalidArgumentError(
            f"bounds must be (xmin, xmax, ymin, ymax) with xmin < xmax and ymin < ymax, "
            f"got {bounds!r}."
        )
    x0, x1, y0, y1 = (float(v) for v in box)
    return x0, x1, y0, y1


@front_door(TWO_LEVEL_METHODS)
def schelling_curve(
    negotiators: Mapping[str, Any],
    status_quo: Any,
    *,
    country: str,
    ratifier: str,
    ideal_points: Sequence[Any],
    ratifiers: Mapping[str, Any] | None = None,
    rules: Any = "unanimity",
    negotiator_veto: bool = True,
    outcome: str = "nash",
    setter: str | None = None,
    method: str = "auto",
) -> SchellingResult:
    r"""The Schelling conjecture as a computed quantity: the negotiated outcome as a function
    of one ratifier's ideal point.

    For each ideal point ``r`` of ``ratifier`` (a ratifier of ``country``, added when it is
    not among ``ratifiers``) the two-level game is solved again
    (:func:`two_level_win_set`); the result lists the outcomes and their distances to the
    country's negotiator. A tighter ratifier (one whose acceptance set is smaller) moves the
    outcome toward its negotiator, or leaves it where it is when it does not bind.

    Parameters
    ----------
    negotiators, status_quo, ratifiers, rules, negotiator_veto, outcome, setter
        As in :func:`two_level_win_set`.
    country : str
        The country whose ratifier moves.
    ratifier : str
        The ratifier's name.
    ideal_points : sequence of points
        Its ideal points to try.
    method : {"auto"}
        The only method, that of :func:`two_level_win_set`.

    Returns
    -------
    SchellingResult
        ``ideal_points``, ``outcomes`` (one per ideal point), ``distances`` (each outcome's
        distance to the negotiator of ``country``), ``binding`` (whether the country's
        ratifiers constrain the outcome there) and ``unconstrained_outcome``; ``value`` is
        ``outcomes``. Exact when every solve is.

    Raises
    ------
    InvalidProblemError
        For an unknown country, no ideal points, or any error of :func:`two_level_win_set`.

    References
    ----------
    .. [1] Schelling, T. C. (1960). *The Strategy of Conflict*, chapter 2. Harvard UP.
    .. [2] Putnam, R. D. (1988). *International Organization* 42(3), 427-460.

    Examples
    --------
    >>> import coalitions as co
    >>> curve = co.schelling_curve({"US": 4, "EU": 10}, 0, country="US", ratifier="Senate",
    ...                            ideal_points=[1, 2, 3, 4], outcome="setter", setter="EU")
    >>> curve.outcomes, curve.distances
    ((2, 4, 6, 8), (2, 0, 2, 4))
    """
    if not isinstance(negotiators, Mapping) or str(country) not in {str(c) for c in negotiators}:
        raise InvalidProblemError(f"country {country!r} is not among the negotiators.")
    points = list(ideal_points) if isinstance(ideal_points, Sequence) else None
    if not points or isinstance(ideal_points, (str, bytes)):
        raise InvalidProblemError(
            f"ideal_points must be a non-empty list of the ratifier's ideal points, got "
            f"{ideal_points!r}."
        )
    base = {str(k): v for k, v in (ratifiers or {}).items()}
    domestic = base.get(str(country), {})
    if not isinstance(domestic, Mapping):
        domestic = {f"{country}-{k + 1}": v for k, v in enumerate(domestic)}
    solved = []
    for r in points:
        trial = dict(base)
        trial[str(country)] = {**domestic, str(ratifier): r}
        solved.append(
            two_level_win_set(
                negotiators,
                status_quo,
                ratifiers=trial,
                rules=rules,
                negotiator_veto=negotiator_veto,
                outcome=outcome,
                setter=setter,
                method=method,
            )
        )
    home = solved[0].negotiators[str(country)]

    def distance(x) -> Any:
        if isinstance(x, tuple):
            return math.hypot(*(float(a) - float(b) for a, b in zip(x, home)))
        return abs(x - home)

    exact = all(r.exact for r in solved)
    return SchellingResult(
        country=str(country),
        ratifier=str(ratifier),
        ideal_points=tuple(_reported(r, exact) for r in points),
        outcomes=tuple(r.outcome for r in solved),
        distances=tuple(distance(r.outcome) for r in solved),
        binding=tuple(str(country) in r.constrained_by for r in solved),
        unconstrained_outcome=solved[0].unconstrained_outcome,
        negotiator=home,
        players=solved[0].players,
        exact=exact,
        concept="schelling-curve",
        method=solved[0].method,
    )


def _reported(point: Any, exact: bool) -> Any:
    """A tried ideal point as reported: as given when exact, else floats."""
    if exact:
        return tuple(point) if isinstance(point, (list, tuple)) else point
    if isinstance(point, (list, tuple)):
        return tuple(float(v) for v in point)
    return float(point)
