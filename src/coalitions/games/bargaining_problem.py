"""Bargaining problems: a feasible set of utility vectors and a disagreement point.

A bargaining problem (Nash 1950) for players ``N = {1, ..., n}`` is a pair ``(U, d)``: ``U`` is
the set of utility vectors the players can reach together, ``d`` the utilities they get if
they fail to agree. Three ways to describe ``U`` are supported:

* **polytope**: the convex hull of finitely many utility vectors (``from_vertices``);
* **divisible surplus**: a surplus ``S`` split into shares ``x_i >= 0`` with ``sum x_i <= S``;
  player ``i`` gets ``f_i(x_i)`` for increasing utility functions ``f_i``
  (``from_surplus``);
* **Pareto frontier**: the largest utility of the last player given the utilities of the
  others, ``u_n <= g(u_1, ..., u_{n-1})`` (``from_frontier``).

In every case the feasible set is taken *comprehensive* (free disposal): a utility vector that
is weakly below a feasible one is feasible too. Every solution in
:mod:`coalitions.bargaining.axiomatic` lies on the Pareto frontier, so free disposal changes
none of them; it makes "the largest point on a ray" well defined.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import check_tolerance
from .._display import html_block
from .._formula import parse_formula
from .._frozen import Frozen, assign
from .._lp import solve_lp
from .._polygon import pareto_polygon, polygon_ray
from .._reals import is_real, real_array
from ..exceptions import InvalidProblemError

__all__ = ["BargainingProblem"]

_BISECT_ITER = 2200
"""Bisection steps: enough to resolve any interval of floats down to adjacent numbers (the
loops stop there, after about 60 steps for intervals of ordinary size)."""


def _share_symbol():
    """The share ``x`` of a surplus problem (sympy caches equal symbols, so this is one)."""
    return nb.import_sympy().Symbol("x", nonnegative=True)


def _parse_utilities(utilities, where: str = "utilities"):
    """Sympy expressions in x and float callables for utility formulas.

    A string is parsed by the whitelist parser of :mod:`coalitions._formula` (never by
    ``sympify``); a sympy expression is taken as it is and may only use a symbol named x.
    """
    sp = nb.import_sympy()
    from sympy.core.function import AppliedUndef

    x = _share_symbol()
    expressions = []
    for i, item in enumerate(utilities):
        field = f"{where}[{i}]"
        if isinstance(item, str):
            expr = parse_formula(item, {"x": x}, where=field)
        elif isinstance(item, sp.Expr):
            extra = {s.name for s in item.free_symbols} - {"x"}
            if extra:
                raise InvalidProblemError(
                    f"{field} ({item}) may only use the share x; it also uses {sorted(extra)}."
                )
            if item.atoms(AppliedUndef):
                raise InvalidProblemError(
                    f"{field} ({item}) uses undefined functions "
                    f"{sorted(map(str, item.atoms(AppliedUndef)))}."
                )
            expr = item.xreplace({s: x for s in item.free_symbols})
        else:
            raise InvalidProblemError(
                f'{field} must be a formula in x such as "sqrt(x)" or a sympy expression, '
                f"got {type(item).__name__}."
            )
        expressions.append(expr)
    # lambdify prints the expression as code: safe, since every node is a number, the
    # symbol x or a whitelisted function (checked above)
    callables = tuple(
        (lambda f: lambda v: float(f(v)))(sp.lambdify(x, e, modules="math")) for e in expressions
    )
    return tuple(expressions), callables


def _exact_number(value, what: str):
    """A real number as an exact sympy number (a float as the decimal it prints as)."""
    sp = nb.import_sympy()
    if isinstance(value, sp.Basic):
        if is_real(value):
            return value
        raise InvalidProblemError(f"{what} must be a real number, got {value}.")
    if not is_real(value):
        raise InvalidProblemError(f"{what} must be a number, got {value!r}.")
    fraction = nb.as_number(value, nb.EXACT)
    return sp.Rational(fraction.numerator, fraction.denominator)


def _exact_cells(values) -> tuple | None:
    """``values`` (nested lists of numbers) as nested tuples of Fractions when every entry is
    exact (ints, Fractions, Decimals, sympy rationals), else None (a float, a bool or anything
    that is not a number: the float checks report the latter)."""
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        return None
    try:
        cells = np.array(values, dtype=object)
    except (TypeError, ValueError):
        return None
    flat = cells.ravel().tolist()
    if any(isinstance(v, (bool, np.bool_)) for v in flat) or nb.kind_of(flat) != nb.EXACT:
        return None
    exact = np.array([nb.as_number(v, nb.EXACT) for v in flat], dtype=object)
    return exact.reshape(cells.shape).tolist() if cells.ndim else exact[0]


def _as_tuple(values) -> tuple:
    """Nested lists as nested tuples (hashable, immutable)."""
    return tuple(_as_tuple(v) for v in values) if isinstance(values, list) else values


def _names(players, n: int) -> tuple:
    if players is None:
        return tuple(str(i + 1) for i in range(n))
    if isinstance(players, (str, bytes)) or not isinstance(players, Iterable):
        raise InvalidProblemError(f"players must be a list of names, got {players!r}.")
    players = tuple(str(p) for p in players)
    if len(players) != n:
        raise InvalidProblemError(
            f"{len(players)} player names given for {n} players; give one name per player."
        )
    if len(set(players)) != n:
        raise InvalidProblemError(f"player names must be distinct, got {list(players)}.")
    return players


def _vector(values, what: str, n: int | None = None) -> np.ndarray:
    array = real_array(values, what, ndim=1)
    if n is not None and array.size != n:
        raise InvalidProblemError(
            f"{what} has {array.size} entries; it needs one per player ({n})."
        )
    return array


def _bisect_increasing(h: Callable[[float], float], lo: float, hi: float) -> float:
    """Largest t in [lo, hi] with h(t) <= 0 for h increasing (h(lo) <= 0 assumed)."""
    if h(hi) <= 0:
        return hi
    for _ in range(_BISECT_ITER):
        mid = 0.5 * (lo + hi)
        if mid <= lo or mid >= hi:
            break
        if h(mid) <= 0:
            lo = mid
        else:
            hi = mid
    return lo


def _affine(f: Callable[[float], float], scale: float, shift: float) -> Callable[[float], float]:
    """``x -> scale * f(x) + shift``."""
    return lambda x: scale * f(x) + shift


#: What a feasible set can be: a polytope, a divisible surplus, or a Pareto frontier.
PROBLEM_KINDS = ("polytope", "surplus", "frontier")


def _kind_data(kind: str, n: int, vertices, surplus, utilities, frontier, upper) -> tuple:
    """The feasible set's data for ``kind`` and ``n`` players, checked (the others None)."""
    if kind == "polytope":
        points = real_array(vertices, "vertices", ndim=2)
        if points.shape[0] < 1 or points.shape[1] != n:
            raise InvalidProblemError(
                f"vertices must have one row per point and one column per player ({n}), got "
                f"shape {points.shape}."
            )
        return nb.read_only(points), None, None, None, None
    if kind == "surplus":
        try:
            size = float(surplus) if is_real(surplus) else math.nan
        except OverflowError:
            size = math.inf
        if not 0 < size < math.inf:
            raise InvalidProblemError(f"surplus must be a positive finite number, got {surplus!r}.")
        if (
            isinstance(utilities, (str, bytes))
            or not isinstance(utilities, Iterable)
            or len(utilities := tuple(utilities)) != n
            or not all(map(callable, utilities))
        ):
            raise InvalidProblemError(
                f"utilities must be {n} callables, one per player; got {utilities!r}."
            )
        return None, size, utilities, None, None
    if not callable(frontier):
        raise InvalidProblemError("frontier must be a callable g(u_1, ..., u_{n-1}).")
    bounds = np.atleast_1d(real_array(upper, "upper"))
    if bounds.shape != (max(n - 1, 0),):
        raise InvalidProblemError(
            f"upper must hold {n - 1} numbers (bounds on all utilities "
            f"but the last), got shape {bounds.shape}."
        )
    return None, None, None, frontier, bounds


class BargainingProblem(Frozen):
    """A bargaining problem ``(U, d)`` for two or more players.

    Build one with :meth:`from_vertices`, :meth:`from_surplus` or :meth:`from_frontier`; the
    constructor checks that ``d`` is feasible and that some feasible point gives every player
    strictly more than ``d`` (otherwise there is nothing to bargain over).

    Attributes
    ----------
    kind : {"polytope", "surplus", "frontier"}
    players : tuple of str
    disagreement : numpy.ndarray
        The disagreement point ``d``.
    n_players : int
    vertices : numpy.ndarray or None
        The polytope's generating points, one row per point (kind ``"polytope"``).
    surplus, utilities : float, tuple of callables (kind ``"surplus"``)
    frontier, upper : callable, numpy.ndarray (kind ``"frontier"``)
    number_kind : {"exact", "float"}
        ``"exact"`` for a polytope whose vertices and disagreement point are all exact
        numbers (ints, Fractions, Decimals, sympy rationals): the solutions then answer in
        Fractions where the answer is rational. Every other problem is ``"float"``.
    exact_vertices, exact_disagreement : tuple of tuples of Fraction, tuple of Fraction
        The exact data of an exact polytope (None otherwise). For a surplus given by
        formulas, ``exact_disagreement`` and ``exact_surplus`` hold the sympy numbers the
        closed forms use.

    A problem is immutable (assigning an attribute raises ``AttributeError``) and
    hashable: two problems built from the same data are equal and hash alike (callables
    compare by identity).

    Examples
    --------
    The square-root pie: player 1 has ``u_1 = x``, player 2 ``u_2 = sqrt(1 - x)``.

    >>> import math
    >>> pie = BargainingProblem.from_surplus([lambda x: x, math.sqrt], players=["A", "B"])
    >>> pie.ideal_point().round(6).tolist()
    [1.0, 1.0]
    """

    kind: str
    players: tuple
    n_players: int
    disagreement: np.ndarray
    # the data of one kind only (None for the others): typed Any, the kind decides
    vertices: Any
    surplus: Any
    utilities: Any
    frontier: Any
    upper: Any
    atol: float
    description: str
    number_kind: str
    exact_vertices: Any
    exact_disagreement: Any
    expressions: Any
    exact_surplus: Any
    symbol: Any
    _hash: Any
    _polygon: Any

    def __init__(
        self,
        kind: str,
        players: tuple,
        disagreement: np.ndarray,
        *,
        vertices=None,
        surplus=None,
        utilities=None,
        frontier=None,
        upper=None,
        atol: float = 1e-9,
        description: str = "",
        exact_vertices=None,
        exact_disagreement=None,
        expressions=None,
        exact_surplus=None,
    ) -> None:
        if not isinstance(kind, str) or kind not in PROBLEM_KINDS:
            raise InvalidProblemError(
                f"kind must be one of {', '.join(map(repr, PROBLEM_KINDS))}, got {kind!r}; "
                "build a problem with BargainingProblem.from_vertices, from_surplus or "
                "from_frontier."
            )
        disagreement = nb.read_only(_vector(disagreement, "disagreement"))
        n = disagreement.size
        assign(self, kind=kind, players=_names(players, n), n_players=n, disagreement=disagreement)
        assign(
            self,
            **dict(
                zip(
                    ("vertices", "surplus", "utilities", "frontier", "upper"),
                    _kind_data(kind, n, vertices, surplus, utilities, frontier, upper),
                )
            ),
        )
        if not isinstance(description, str):
            raise InvalidProblemError(f"description must be a string, got {description!r}.")
        exact = kind == "polytope" and exact_vertices is not None and exact_disagreement is not None
        assign(
            self,
            atol=check_tolerance(atol, "BargainingProblem"),
            description=description,
            number_kind=nb.EXACT if exact else nb.FLOAT,
            exact_vertices=_as_tuple(exact_vertices) if exact else None,
            exact_disagreement=_as_tuple(exact_disagreement) if exact else exact_disagreement,
            expressions=expressions,  # sympy utilities of a surplus, if given
            exact_surplus=exact_surplus,
            symbol=None if expressions is None else _share_symbol(),
            _hash=None,
            _polygon=None,  # the Pareto chain of a two-player polytope, built on first use
        )
        self._validate()

    def _key(self) -> tuple:
        """What identifies the problem: its data (floats by their bytes, callables by
        identity)."""

        def digest(array):
            return (
                None
                if array is None
                else (
                    array.shape,
                    hashlib.blake2b(
                        memoryview(np.ascontiguousarray(array)), digest_size=16
                    ).digest(),
                )
            )

        return (
            self.kind,
            self.players,
            digest(self.disagreement),
            digest(self.vertices),
            self.surplus,
            None if self.utilities is None else tuple(map(id, self.utilities)),
            None if self.frontier is None else id(self.frontier),
            digest(self.upper),
            self.atol,
            self.description,
            self.exact_vertices,
            None if self.exact_disagreement is None else tuple(self.exact_disagreement),
            None if self.expressions is None else tuple(self.expressions),
            self.exact_surplus,
        )

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_vertices(
        cls, vertices, disagreement=None, *, players=None, atol: float = 1e-9, description: str = ""
    ) -> BargainingProblem:
        """The convex hull of utility vectors (one row per point), with free disposal.

        ``disagreement`` defaults to the componentwise minimum of the points. When every
        entry of ``vertices`` and ``disagreement`` is an exact number (int, Fraction,
        Decimal, sympy rational), the problem is exact (``number_kind == "exact"``) and the
        solutions answer in Fractions where the answer is rational.
        """
        points = real_array(vertices, "vertices")
        if points.ndim != 2 or points.shape[0] < 1 or points.shape[1] < 2:
            raise InvalidProblemError(
                f"vertices must be a 2-D array (one row per point, one column per player, at "
                f"least two players), e.g. [[0, 1], [1, 0]]; got shape {points.shape}."
            )
        n = points.shape[1]
        d = points.min(axis=0) if disagreement is None else _vector(disagreement, "disagreement", n)
        points = nb.read_only(points)
        exact_points = _exact_cells(vertices)
        exact_d: Any
        if exact_points is None:
            exact_d = None
        elif disagreement is None:
            exact_d = [min(column) for column in zip(*exact_points)]
        else:
            exact_d = _exact_cells(disagreement)
        return cls(
            "polytope",
            players,
            d,
            vertices=points,
            atol=atol,
            description=description,
            exact_vertices=exact_points,
            exact_disagreement=exact_d,
        )

    @classmethod
    def from_surplus(
        cls,
        utilities: Sequence[Callable[[float], float]],
        disagreement=None,
        *,
        surplus: float = 1.0,
        players=None,
        atol: float = 1e-9,
    ) -> BargainingProblem:
        """A divisible surplus: shares ``x_i >= 0``, ``sum x_i <= surplus``, utilities ``f_i(x_i)``.

        Each ``f_i`` must be continuous and strictly increasing on ``[0, surplus]`` (concave
        utilities give a convex feasible set, the textbook case). ``disagreement`` defaults to
        ``f_i(0)``.

        A utility may also be a formula in ``x`` (a string such as ``"sqrt(x)"`` or a sympy
        expression); when every utility is one, the solutions can be computed in closed form
        (``symbolic=True``). Strings are read by the whitelist parser of
        :mod:`coalitions._formula` (numbers, ``x``, ``+ - * / **``, ``sqrt exp log abs min
        max``), never evaluated as code; anything else is refused with an
        :class:`InvalidProblemError` naming ``utilities[i]``.
        """
        if isinstance(utilities, (str, bytes)) or not isinstance(utilities, Iterable):
            raise InvalidProblemError(
                f"utilities must be a list with one utility per player, got {utilities!r}."
            )
        utilities = tuple(utilities)
        n = len(utilities)
        if n < 2:
            raise InvalidProblemError("a bargaining problem needs at least two players.")
        expressions = None
        if all(isinstance(f, str) or nb.is_sympy(f) for f in utilities):
            expressions, utilities = _parse_utilities(utilities)
        if not all(callable(f) for f in utilities):
            raise InvalidProblemError(
                "utilities must be callables or formulas in x (all of one kind), one per player."
            )
        if not is_real(surplus):
            raise InvalidProblemError(f"surplus must be a positive number, got {surplus!r}.")
        exact_surplus = surplus
        try:
            surplus = float(surplus)
        except OverflowError:
            surplus = math.inf
        if not math.isfinite(surplus) or surplus <= 0:
            raise InvalidProblemError(
                f"surplus must be a positive finite number, got {exact_surplus!r}."
            )
        for i, f in enumerate(utilities):
            grid = np.linspace(0.0, surplus, 9)
            try:
                values = np.array([float(f(x)) for x in grid])
            except Exception as error:
                raise InvalidProblemError(
                    f"utility of player {i + 1} fails on [0, {surplus}]: {error}"
                ) from None
            if not np.isfinite(values).all() or (np.diff(values) <= 0).any():
                raise InvalidProblemError(
                    f"utility of player {i + 1} must be finite and strictly increasing on "
                    f"[0, {surplus}]; got values {np.round(values, 4).tolist()} on a grid."
                )
        d = (
            np.array([float(f(0.0)) for f in utilities])
            if disagreement is None
            else _vector(disagreement, "disagreement", n)
        )
        exact_d = exact_size = None
        if expressions is not None:
            sp = nb.import_sympy()
            x = _share_symbol()
            exact_size = _exact_number(exact_surplus, "surplus")
            exact_d = tuple(
                [sp.simplify(e.subs(x, 0)) for e in expressions]
                if disagreement is None
                else [_exact_number(v, f"disagreement[{i}]") for i, v in enumerate(disagreement)]
            )
        return cls(
            "surplus",
            players,
            d,
            surplus=surplus,
            utilities=utilities,
            atol=atol,
            expressions=expressions,
            exact_surplus=exact_size,
            exact_disagreement=exact_d,
        )

    @classmethod
    def from_frontier(
        cls,
        frontier: Callable[..., float],
        upper,
        disagreement,
        *,
        players=None,
        atol: float = 1e-9,
    ) -> BargainingProblem:
        """A Pareto frontier ``u_n = g(u_1, ..., u_{n-1})`` with ``u_i <= upper[i]`` for i < n.

        ``frontier`` is called with the ``n - 1`` first utilities as positional arguments and
        must be non-increasing in each of them (concave for a convex set). ``upper`` bounds
        the first ``n - 1`` utilities (a number for two players).
        """
        upper = np.atleast_1d(real_array(upper, "upper"))
        if upper.ndim != 1:
            raise InvalidProblemError(
                f"upper must be a number or a list of numbers, got shape {upper.shape}."
            )
        if not callable(frontier):
            raise InvalidProblemError("frontier must be a callable g(u_1, ..., u_{n-1}).")
        n = upper.size + 1
        d = _vector(disagreement, "disagreement", n)
        return cls("frontier", players, d, frontier=frontier, upper=upper, atol=atol)

    # ------------------------------------------------------------------ geometry
    def _inverse(self, i: int, value: float) -> float:
        """Smallest share giving player i the utility ``value`` (inf if out of reach)."""
        f, s = self.utilities[i], self.surplus
        if value <= f(0.0):
            return 0.0
        if value > f(s):
            return math.inf
        lo, hi = 0.0, s
        for _ in range(_BISECT_ITER):
            mid = 0.5 * (lo + hi)
            if mid <= lo or mid >= hi:
                break
            if f(mid) < value:
                lo = mid
            else:
                hi = mid
        return hi

    def shares(self, utilities) -> np.ndarray | None:
        """The shares that give the utility vector (divisible surplus only, else None)."""
        if self.kind != "surplus":
            return None
        return np.array([self._inverse(i, float(u)) for i, u in enumerate(utilities)])

    def _frontier_value(self, head: np.ndarray) -> float:
        if (head > self.upper + self.atol).any():
            return -math.inf
        try:
            value = float(self.frontier(*head))
        except (ValueError, TypeError, ZeroDivisionError, OverflowError) as error:
            raise InvalidProblemError(
                f"the frontier function fails at {head.tolist()}: {error}; it must be defined "
                "for every utility between the disagreement point and the upper bounds."
            ) from None
        if math.isnan(value):
            raise InvalidProblemError(f"the frontier function is NaN at {head.tolist()}.")
        return value

    def contains(self, u, *, atol: float | None = None) -> bool:
        """Whether the utility vector ``u`` is feasible (free disposal included)."""
        atol = self.atol if atol is None else atol
        u = _vector(u, "u", self.n_players)
        if self.kind == "polytope":
            if self.n_players == 2:
                return polygon_ray(self._pareto_polygon(), u - atol, np.zeros(2)) is not None
            return self._polytope_ray(u, np.zeros(self.n_players)) is not None
        if self.kind == "surplus":
            return sum(self._inverse(i, ui - atol) for i, ui in enumerate(u)) <= self.surplus + atol
        return u[-1] <= self._frontier_value(u[:-1] - atol) + atol

    def _pareto_polygon(self):
        """The Pareto chain and halfspaces of a two-player polytope (one hull, then cached)."""
        if self._polygon is None:
            assign(self, _polygon=pareto_polygon(self.vertices))
        return self._polygon

    def _polytope_ray(self, d: np.ndarray, direction: np.ndarray):
        """LP: max t with d + t*direction <= V^T lam; returns (t, lam) or None if infeasible.

        Each utility is divided by its largest magnitude and t by the largest scaled
        direction, so that utilities of 1e300 (or 1e-300) give an LP with entries of order 1
        (HiGHS treats 1e20 as infinite).
        """
        m, n = self.vertices.shape
        scale = np.maximum(np.abs(self.vertices).max(axis=0), np.abs(d))
        scale = np.where(scale > 0, scale, 1.0)
        e = direction / scale
        unit = float(e.max()) if e.any() else 1.0
        c = np.zeros(m + 1)
        c[-1] = -1.0
        a_ub = np.hstack([-(self.vertices / scale).T, (e / unit)[:, None]])
        a_eq = np.zeros((1, m + 1))
        a_eq[0, :m] = 1.0
        free = not direction.any()
        bounds = [(0, None)] * m + [(0, 0) if free else (None, None)]
        sol = solve_lp(c, a_ub, -d / scale, a_eq, [1.0], bounds)
        if not sol.success or sol.x is None:  # infeasible: no point of the hull is above d
            return None
        return float(sol.x[-1]) / unit, sol.x[:m]

    def ray(self, start, direction) -> float:
        """Largest ``t`` with ``start + t * direction`` feasible (``direction >= 0``, not 0)."""
        d = _vector(start, "start", self.n_players)
        e = _vector(direction, "direction", self.n_players)
        if (e < 0).any() or not e.any():
            raise InvalidProblemError("direction must be non-negative and non-zero.")
        if self.kind == "polytope" and self.n_players == 2:  # O(h) over the Pareto chain
            t = polygon_ray(self._pareto_polygon(), d, e)
            return -math.inf if t is None else t
        if self.kind == "polytope":
            found = self._polytope_ray(d, e)
            return -math.inf if found is None else found[0]
        if self.kind == "surplus":

            def cost(t):
                return (
                    sum(self._inverse(i, d[i] + t * e[i]) for i in range(self.n_players))
                    - self.surplus
                )

            tops = [
                (float(self.utilities[i](self.surplus)) - d[i]) / e[i]
                for i in range(self.n_players)
                if e[i] > 0
            ]
            hi = min(tops)
            lo = 0.0 if cost(0.0) <= 0 else -math.inf
            if lo == -math.inf:
                return -math.inf
            return _bisect_increasing(cost, 0.0, hi)

        def gap(t):
            point = d + t * e
            return point[-1] - self._frontier_value(point[:-1])

        if gap(0.0) > 0:
            return -math.inf
        tops = [(self.upper[i] - d[i]) / e[i] for i in range(self.n_players - 1) if e[i] > 0]
        hi = min(tops) if tops else 1.0
        if not tops:  # only the last player moves: the frontier value bounds it
            return (self._frontier_value(d[:-1]) - d[-1]) / e[-1]
        return _bisect_increasing(gap, 0.0, hi)

    def ideal_point(self) -> np.ndarray:
        """``a_i = max {u_i : u in U, u >= d}``: each player's best individually rational payoff."""
        d = self.disagreement
        out = np.empty(self.n_players)
        for i in range(self.n_players):
            e = np.zeros(self.n_players)
            e[i] = 1.0
            out[i] = d[i] + self.ray(d, e)
        return out

    def _validate(self) -> None:
        n = self.n_players
        if n < 2:
            raise InvalidProblemError("a bargaining problem needs at least two players.")
        if not self.contains(self.disagreement):
            raise InvalidProblemError(
                f"the disagreement point {self.disagreement.tolist()} is not feasible; it must "
                "be a utility vector the players can reach (or be below one)."
            )
        t = self.ray(self.disagreement, np.ones(n))
        if not t > self.atol:
            raise InvalidProblemError(
                f"no feasible point gives every player strictly more than the disagreement "
                f"point {self.disagreement.tolist()}; the problem is degenerate (there is "
                "nothing to bargain over). Lower the disagreement point or enlarge the set "
                f"(gains up to atol={self.atol:g} count as none: for utilities of a tiny "
                "scale, rescale them or pass a smaller atol)."
            )

    # ------------------------------------------------------------------ transforms
    def transformed(self, scale, shift) -> BargainingProblem:
        """The problem after the positive affine map ``u_i -> scale_i * u_i + shift_i``."""
        a = _vector(scale, "scale", self.n_players)
        b = _vector(shift, "shift", self.n_players)
        if (a <= 0).any():
            raise InvalidProblemError("scale factors must be positive.")
        d = a * self.disagreement + b
        if self.kind == "polytope":
            exact_a, exact_b = _exact_cells(scale), _exact_cells(shift)
            if self.number_kind == nb.EXACT and exact_a is not None and exact_b is not None:
                return BargainingProblem.from_vertices(
                    [
                        [ai * v + bi for ai, bi, v in zip(exact_a, exact_b, row)]
                        for row in self.exact_vertices
                    ],
                    [ai * v + bi for ai, bi, v in zip(exact_a, exact_b, self.exact_disagreement)],
                    players=self.players,
                    atol=self.atol,
                )
            return BargainingProblem.from_vertices(
                self.vertices * a + b, d, players=self.players, atol=self.atol
            )
        if self.kind == "surplus":
            fs = tuple(_affine(f, a[i], b[i]) for i, f in enumerate(self.utilities))
            return BargainingProblem.from_surplus(
                fs, d, surplus=self.surplus, players=self.players, atol=self.atol
            )
        g, an, bn, ah, bh = self.frontier, a[-1], b[-1], a[:-1], b[:-1]
        return BargainingProblem.from_frontier(
            lambda *u: an * g(*((np.array(u) - bh) / ah)) + bn,
            self.upper * ah + bh,
            d,
            players=self.players,
            atol=self.atol,
        )

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the kind of problem and each player's disagreement payoff."""
        disagreement = (
            self.exact_disagreement if self.exact_disagreement is not None else self.disagreement
        )
        summary = [
            ("kind", self.kind),
            ("players", self.n_players),
            ("numbers", self.number_kind),
            ("description", self.description),
        ]
        rows = zip(self.players, list(disagreement))
        table = (["player", "disagreement"], rows, self.n_players, "players")
        return html_block("BargainingProblem", summary, [table])

    def __repr__(self) -> str:
        exact = ", exact" if self.number_kind == nb.EXACT else ""
        return (
            f"BargainingProblem(kind={self.kind!r}, players={list(self.players)}, "
            f"disagreement={self.disagreement.tolist()}{exact})"
        )
