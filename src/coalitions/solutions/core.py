"""The core: the efficient payoffs that no coalition can improve upon (for a cost game: the
cost shares that charge no coalition more than its stand-alone cost)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, check_tolerance, front_door
from .._players import as_names
from ..exceptions import InvalidArgumentError, InvalidGameError, TooLargeError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import FAILED, BalancedCollection, CoreResult
from ._normal_form import NormalForm, normal_form, pow2
from ._vertices import MAX_CORE_VERTICES, exact_core_vertices
from .imputations import payoff_vector
from .least_core import LeastCoreSolution, balanced_collection, excesses_at_most, solve_least_core

__all__ = [
    "core",
    "is_in_core",
    "core_vertices",
    "is_balanced_collection",
    "MAX_VERTEX_PLAYERS",
    "MAX_CORE_VERTICES",
]

#: Largest game whose core vertices are enumerated.
MAX_VERTEX_PLAYERS = 10
#: Float games are enumerated exactly on their zero-normalised worths rounded to this grid
#: (relative to the largest worth), far below any ``atol``.
_FLOAT_GRID = 2**40


#: The choices of ``method=`` in :func:`core`.
CORE_METHODS = ("highs",)


@front_door(CORE_METHODS)
def core(
    game: TUGame, *, vertices: bool = False, atol: float = 1e-9, method: str = "highs"
) -> CoreResult:
    r"""The core: is it empty, one core point, its vertices, or a proof that it is empty.

    .. math:: C(v) = \{x : x(N) = v(N),\ x(S) \ge v(S)\ \forall S \subseteq N\}

    For a cost game (``game.is_cost``, e.g. :func:`coalitions.airport_game`) the core is the
    set of cost shares that charge no coalition more than its stand-alone cost,

    .. math:: C(c) = \{x : x(N) = c(N),\ x(S) \le c(S)\ \forall S \subseteq N\},

    and every number in the result is in costs.

    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs.
    vertices : bool
        Also enumerate the core's vertices (games of at most ``MAX_VERTEX_PLAYERS`` = 10
        players and ``MAX_CORE_VERTICES`` vertices; exact for rational games).
    atol : float
        Tolerance for float games, relative to the largest worth of the zero-normalised game.
    method : {"highs"}
        The least-core linear program, solved by HiGHS (the only method); its answer
        is rebuilt and checked exactly for rational games. Rational games of at most five
        players (and float games with integer worths) need no LP: the least core comes
        from their minimal balanced collections, certified exactly (see
        :func:`least_core`).

    Returns
    -------
    CoreResult
        ``is_empty``; ``x``, a core point (a least-core point) when not empty; ``epsilon``,
        the least-core value; ``vertices`` when asked; ``cost``; and when the core is empty a
        ``certificate``: a balanced collection whose weighted worth exceeds ``v(N)`` (for a
        cost game: whose weighted cost is below ``c(N)``), checkable with
        :func:`is_balanced_collection`. ``success`` is False, with a ``message``, when the LP
        answer cannot be verified.

    Raises
    ------
    TooLargeError
        If vertices are asked for a game above ``MAX_VERTEX_PLAYERS`` players, or the core
        has more than ``MAX_CORE_VERTICES`` vertices.

    Notes
    -----
    Emptiness comes from the least-core LP (one LP with row generation), solved on the
    zero-normalised game scaled to worths of order one (the core is covariant under adding an
    additive game, so a large offset such as :math:`10^9 |S|` never reaches the LP) and
    verified: exactly for rational games (the primal point and the dual weights are rebuilt
    in rational arithmetic and must give the same least-core value), within ``atol`` of the
    scaled worths for float games. By the Bondareva-Shapley theorem the core is empty exactly
    when some balanced collection has :math:`\sum_S \delta_S v(S) > v(N)`; the LP dual
    supplies that collection. A cost game is solved as its savings game
    :math:`s(S) = \sum_{i \in S} c(\{i\}) - c(S)`, whose core is
    :math:`\{c(\{i\}) - y_i\}` for the cost core's :math:`y`.
    Games of at most three players need no LP: the least-core value is the largest
    Bondareva-Shapley bound of the five minimal balanced collections, the point is the
    prenucleolus in closed form, and both are checked exactly the same way (the point's
    largest excess equals the collection's bound).

    Vertices are enumerated exactly by walking the edge graph of the core from a first vertex:
    at every vertex the edges are the extreme rays of its tangent cone, found by the
    double-description method however degenerate the vertex is (see ``_vertices.py``), and
    each edge is followed to the next vertex by an exact ratio test. Float games are
    enumerated exactly on their zero-normalised worths rounded to a grid of
    :math:`2^{-40}` of the largest worth.

    References
    ----------
    .. [1] Bondareva, O. N. (1963). Some applications of linear programming methods to the
       theory of cooperative games. *Problemy Kibernetiki* 10, 119-139.
    .. [2] Shapley, L. S. (1967). On balanced sets and cores. *Naval Research Logistics
       Quarterly* 14(4), 453-460.
    .. [3] Fukuda, K. and Prodon, A. (1996). Double description method revisited. In
       *Combinatorics and Computer Science*, LNCS 1120, 91-111.

    Examples
    --------
    >>> import coalitions as co
    >>> result = co.core(co.glove_game(["L"], ["R1", "R2"]), vertices=True)
    >>> result.is_empty, [v.tolist() for v in result.vertices]
    (False, [[Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]])
    >>> empty = co.core(co.majority_game(3))
    >>> empty.is_empty, empty.certificate.weights, empty.certificate.total
    (True, (Fraction(1, 2), Fraction(1, 2), Fraction(1, 2)), Fraction(3, 2))

    A cost game: two planes share a runway of cost 2 that the small one alone could build for
    1; each pays at most its own runway.

    >>> runway = co.core(co.airport_game([1, 2]), vertices=True)
    >>> runway.cost, [v.tolist() for v in runway.vertices]
    (True, [[Fraction(0, 1), Fraction(2, 1)], [Fraction(1, 1), Fraction(1, 1)]])
    """
    game = as_tu_game(game, "core")
    atol = check_tolerance(atol, "core")
    n = game.n_players
    if vertices:
        _check_vertex_size(n)
    nf = normal_form(game, "core")
    solution = solve_least_core(nf, atol)
    cost = game.is_cost
    if not solution.success:
        return CoreResult(
            players=game.players,
            is_empty=False,
            x=np.full(n, np.nan),
            epsilon=float("nan"),
            exact=False,
            message=solution.message,
            success=False,
            status=FAILED,
            concept="core",
            method="highs",
            cost=cost,
        )
    exact = solution.exact and game.kind == nb.EXACT
    epsilon = nf.to_amount(solution.epsilon)
    if _is_empty(nf, solution, atol):
        certificate = balanced_collection(game, solution.support, solution.delta, exact=exact)
        message = (
            "empty: a balanced collection of coalitions' stand-alone costs is below c(N)"
            if cost
            else "empty: a balanced collection outweighs v(N)"
        )
        return CoreResult(
            players=game.players,
            is_empty=True,
            x=nf.to_payoffs(solution.x0),
            epsilon=epsilon,
            vertices=() if vertices else None,
            certificate=certificate,
            exact=exact,
            message=message,
            concept="core",
            method="highs",
            cost=cost,
        )
    found = tuple(_vertices(nf, solution)) if vertices else None
    return CoreResult(
        players=game.players,
        is_empty=False,
        x=nf.to_payoffs(solution.x0),
        epsilon=epsilon,
        vertices=found,
        certificate=None,
        exact=exact,
        message="not empty; in costs" if cost else "not empty",
        concept="core",
        method="highs",
        cost=cost,
    )


def _is_empty(nf: NormalForm, solution: LeastCoreSolution, atol: float) -> bool:
    if solution.exact:
        return solution.epsilon > 0
    return nf.to_lp(solution.epsilon) > atol


def _check_vertex_size(n: int) -> None:
    if n > MAX_VERTEX_PLAYERS:
        raise TooLargeError(
            f"core vertices are enumerated for at most {MAX_VERTEX_PLAYERS} players, this "
            f"game has {n}; call core(game) without vertices=True for emptiness and a core "
            "point."
        )


def is_in_core(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is efficient and no coalition can improve on it.

    For a game of worths: ``x(S) >= v(S)`` for every coalition; for a cost game:
    ``x(S) <= c(S)``. Exact for a rational game with rational payoffs; otherwise within
    ``atol`` relative to the largest worth of the zero-normalised game, plus the float
    rounding of the worths themselves (about ``n`` ulps of the largest worth: it matters only
    when the zero-normalised game is tiny beside its worths). One vectorised pass over the
    table (``x(S)`` by the subset-sum recurrence).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.glove_game(["L"], ["R1", "R2"])
    >>> co.is_in_core(game, [1, 0, 0]), co.is_in_core(game, [0.5, 0.25, 0.25])
    (True, False)
    >>> co.is_in_core(co.airport_game([1, 2]), [1, 1])
    True
    """
    game = as_tu_game(game, "is_in_core")
    atol = check_tolerance(atol, "is_in_core")
    nf = normal_form(game, "is_in_core")
    payoffs = payoff_vector(game, x, "is_in_core")
    return excesses_at_most(nf, payoffs, Fraction(0), atol)


def is_balanced_collection(
    game: TUGame,
    certificate: BalancedCollection | None = None,
    *,
    coalitions: Sequence[Sequence[str]] | None = None,
    weights: Sequence[Any] | None = None,
    atol: float = 1e-9,
) -> bool:
    """Whether weights balance the coalitions: positive, and every player's total is one.

    Pass a :class:`BalancedCollection` (from :func:`core`) or ``coalitions`` and ``weights``.
    Checked exactly for int/Fraction weights, within ``atol`` for floats. To use it as an
    empty-core certificate also check ``certificate.total > certificate.grand_value`` (for a
    cost game ``certificate.total < certificate.grand_value``).

    Raises
    ------
    InvalidGameError
        If the coalitions name unknown players or repeat a member, the weights are not finite
        numbers, or the two lists differ in length.

    Examples
    --------
    >>> import coalitions as co
    >>> cert = co.core(co.majority_game(3)).certificate
    >>> co.is_balanced_collection(co.majority_game(3), cert), cert.total > cert.grand_value
    (True, True)
    """
    game = as_tu_game(game, "is_balanced_collection")
    atol = check_tolerance(atol, "is_balanced_collection")
    if certificate is not None:
        if not isinstance(certificate, BalancedCollection):
            raise InvalidArgumentError(
                f"is_balanced_collection: certificate must be a BalancedCollection (as in "
                f"core(game).certificate), got {certificate!r}; for a collection of your own "
                "pass coalitions=[...] and weights=[...]."
            )
        coalitions, weights = certificate.coalitions, certificate.weights
    if coalitions is None or weights is None:
        raise InvalidGameError(
            "is_balanced_collection needs a certificate, or coalitions and weights."
        )
    coalitions = as_list(
        coalitions,
        "is_balanced_collection: coalitions",
        InvalidGameError,
        expected="a list of coalitions (each a list of player names)",
    )
    weights = as_list(
        weights,
        "is_balanced_collection: weights",
        InvalidGameError,
        expected="a list of numbers, one per coalition",
    )
    if len(coalitions) != len(weights):
        raise InvalidGameError(f"{len(coalitions)} coalitions but {len(weights)} weights.")
    for weight in weights:
        if (
            isinstance(weight, (bool, np.bool_))
            or not isinstance(weight, (int, float, Fraction, np.integer, np.floating))
            or (isinstance(weight, (float, np.floating)) and not np.isfinite(weight))
        ):
            raise InvalidGameError(
                f"is_balanced_collection: weights must be finite numbers, got {weight!r}."
            )
    members = []
    for coalition in coalitions:
        names = as_names(coalition)
        if len(set(names)) != len(names):
            raise InvalidGameError(
                f"is_balanced_collection: coalition {list(names)} repeats a member."
            )
        members.append([game.player_index(name) for name in names])
    exact = all(isinstance(w, (int, Fraction, np.integer)) for w in weights)
    zero: Fraction | float = Fraction(0) if exact else 0.0
    totals = [zero] * game.n_players
    for indices, weight in zip(members, weights):
        weight = Fraction(int(weight)) if isinstance(weight, np.integer) else weight
        if weight <= 0:
            return False
        for i in indices:
            totals[i] += weight
    if exact:
        return all(t == 1 for t in totals)
    return all(abs(float(t) - 1) <= atol for t in totals)  # float totals here


def core_vertices(game: TUGame, *, atol: float = 1e-9) -> list[np.ndarray]:
    """The vertices of the core (empty list when the core is empty), sorted.

    Exact for rational games: vertices are found and checked in integer arithmetic,
    degenerate or not (see :func:`core`). For a cost game they are cost shares.

    Raises
    ------
    TooLargeError
        Above ``MAX_VERTEX_PLAYERS`` players, or beyond ``MAX_CORE_VERTICES`` vertices.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.TUGame.from_dict({("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1,
    ...                             ("a", "b", "c"): 2}, players=["a", "b", "c"])
    >>> sorted(v.tolist() for v in co.core_vertices(game))[0]
    [Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)]
    """
    game = as_tu_game(game, "core_vertices")
    atol = check_tolerance(atol, "core_vertices")
    _check_vertex_size(game.n_players)
    nf = normal_form(game, "core_vertices")
    solution = solve_least_core(nf, atol)
    if not solution.success:
        from ..exceptions import SolverError

        raise SolverError(f"core_vertices: {solution.message}")
    if _is_empty(nf, solution, atol):
        return []
    return _vertices(nf, solution)


def _vertices(nf: NormalForm, solution: LeastCoreSolution) -> list[np.ndarray]:
    """Vertices of a non-empty core, in the original game's numbers, sorted."""
    n = nf.n
    if n == 0:  # the empty allocation is the one point of the core
        return [nf.to_payoffs([])]
    if nf.exact:
        b = nf.ints
        start = [Fraction(v) * nf.den for v in solution.x0]
        unit = Fraction(1, nf.den)
    else:
        b, start, unit = _snapped(nf)
        if b is None:
            return []
    found = exact_core_vertices(b, n, start)
    out = []
    for point, q in found:
        x0 = [Fraction(p, q) * unit for p in point]
        out.append(nf.to_payoffs(x0))
    out.sort(key=lambda a: tuple(a.tolist()))
    return out


def _snapped(nf: NormalForm):
    """A float game's zero-normalised worths on an integer grid, with an exact core point.

    When rounding makes the core empty (it was within ``atol`` of empty), the least core of
    the rounded game stands in for it.
    """
    ints = np.rint(np.asarray(nf.floats) * _FLOAT_GRID).astype(np.int64)
    ints[0] = 0
    grid = normal_form(TUGame(ints), "core_vertices")
    solution = solve_least_core(grid, 1e-9)
    if not solution.success:
        return None, None, None
    b = [Fraction(int(v)) for v in ints.tolist()]
    if solution.epsilon > 0:
        b = [v - solution.epsilon if 0 < m < len(b) - 1 else v for m, v in enumerate(b)]
    b_int, scale = nb.to_scaled_int(b, int64_max=1 << 40)
    start = [Fraction(v) * scale for v in solution.x0]
    unit = pow2(nf.lp_exponent) / (_FLOAT_GRID * scale)
    return b_int, start, unit
