"""The core: the efficient payoffs that no coalition can improve upon."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers as nb
from ..exceptions import InvalidGameError, TooLargeError
from ..games.tu import TUGame
from ..results import BalancedCollection, CoreResult
from ._lp import solve_lp
from ._tables import (exact_max_excess, mask_bits, numeric_table, solve_exact,
                      to_game_numbers)
from .imputations import is_efficient
from .least_core import least_core, max_excess
from .semivalues import check_game

__all__ = ["core", "is_in_core", "core_vertices", "is_balanced_collection",
           "MAX_VERTEX_PLAYERS"]

#: Largest game whose core vertices are enumerated.
MAX_VERTEX_PLAYERS = 8
_MAX_BASES = 2_000_000


def core(game: TUGame, *, vertices: bool = False, atol: float = 1e-9) -> CoreResult:
    r"""The core: is it empty, one core point, its vertices, or a proof that it is empty.

    .. math:: C(v) = \{x : x(N) = v(N),\ x(S) \ge v(S)\ \forall S \subseteq N\}

    Parameters
    ----------
    game : TUGame
        A float or rational game.
    vertices : bool
        Also enumerate the core's vertices (games of at most ``MAX_VERTEX_PLAYERS``
        players; exact for rational games).
    atol : float
        Tolerance for float games (relative to the largest worth).

    Returns
    -------
    CoreResult
        ``is_empty``; ``x``, a core point (a least-core point) when not empty; ``epsilon``,
        the least-core value; ``vertices`` when asked; and when the core is empty a
        ``certificate``: a balanced collection whose weighted worth exceeds ``v(N)``
        (Bondareva-Shapley), checkable with :func:`is_balanced_collection`.

    Raises
    ------
    TooLargeError
        If vertices are asked for a game above ``MAX_VERTEX_PLAYERS`` players.

    Notes
    -----
    Emptiness comes from the least-core LP (one LP with row generation). By the
    Bondareva-Shapley theorem the core is empty exactly when some balanced collection has
    :math:`\sum_S \delta_S v(S) > v(N)`; the LP dual supplies that collection. Vertices are
    enumerated by walking the edges of the core from a first vertex (a lexicographic LP):
    at each vertex every choice of n - 2 tight constraints gives a candidate edge direction,
    followed until another constraint blocks it. Exact games rebuild each vertex from its
    tight constraints in rational arithmetic and check it against every coalition.

    References
    ----------
    .. [1] Bondareva, O. N. (1963). Some applications of linear programming methods to the
       theory of cooperative games. *Problemy Kibernetiki* 10, 119-139.
    .. [2] Shapley, L. S. (1967). On balanced sets and cores. *Naval Research Logistics
       Quarterly* 14(4), 453-460.

    Examples
    --------
    >>> import coalitions as co
    >>> result = co.core(co.glove_game(["L"], ["R1", "R2"]), vertices=True)
    >>> result.is_empty, [v.tolist() for v in result.vertices]
    (False, [[Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]])
    >>> empty = co.core(co.majority_game(3))
    >>> empty.is_empty, empty.certificate.weights, empty.certificate.total
    (True, (Fraction(1, 2), Fraction(1, 2), Fraction(1, 2)), Fraction(3, 2))
    """
    game = check_game(game, "core")
    v = numeric_table(game, "core")
    n = game.n_players
    if vertices and n > MAX_VERTEX_PLAYERS:
        raise TooLargeError(
            f"core vertices are enumerated for at most {MAX_VERTEX_PLAYERS} players, this "
            f"game has {n}; call core(game) without vertices=True for emptiness and a core "
            "point."
        )
    result = least_core(game, atol=atol)
    if not result.success:
        return CoreResult(players=game.players, is_empty=False, x=None,
                          epsilon=result.epsilon, exact=False, message=result.message,
                          success=False)
    scale = max(1.0, float(np.max(np.abs(v))))
    if result.exact:
        empty = result.epsilon > 0
    else:
        empty = float(result.epsilon) > atol * scale
    if empty:
        return CoreResult(players=game.players, is_empty=True, x=None,
                          epsilon=result.epsilon, vertices=() if vertices else None,
                          certificate=result.certificate, exact=result.exact,
                          message="empty: a balanced collection outweighs v(N)")
    found = core_vertices(game, atol=atol) if vertices else None
    return CoreResult(players=game.players, is_empty=False, x=result.x,
                      epsilon=result.epsilon, vertices=None if found is None else tuple(found),
                      certificate=None, exact=result.exact, message="not empty")


def is_in_core(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is efficient and ``x(S) >= v(S)`` for every coalition.

    Exact for a rational game with rational payoffs; within ``atol`` otherwise. One
    vectorised pass over the table (``x(S)`` by the subset-sum recurrence).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.glove_game(["L"], ["R1", "R2"])
    >>> co.is_in_core(game, [1, 0, 0]), co.is_in_core(game, [0.5, 0.25, 0.25])
    (True, False)
    """
    game = check_game(game, "is_in_core")
    numeric_table(game, "is_in_core")
    if game.n_players == 1:
        return is_efficient(game, x, atol=atol)
    if not is_efficient(game, x, atol=atol):
        return False
    top = max_excess(game, x)
    if isinstance(top, Fraction):
        return top <= 0
    return top <= atol


def is_balanced_collection(game: TUGame, certificate: BalancedCollection | None = None, *,
                           coalitions: Sequence[Sequence[str]] | None = None,
                           weights: Sequence[Any] | None = None, atol: float = 1e-9) -> bool:
    """Whether weights balance the coalitions: positive, and every player's total is one.

    Pass a :class:`BalancedCollection` (from :func:`core`) or ``coalitions`` and ``weights``.
    Checked exactly for Fraction weights. To use it as an empty-core certificate also check
    ``certificate.total > certificate.grand_value``.

    Examples
    --------
    >>> import coalitions as co
    >>> cert = co.core(co.majority_game(3)).certificate
    >>> co.is_balanced_collection(co.majority_game(3), cert), cert.total > cert.grand_value
    (True, True)
    """
    game = check_game(game, "is_balanced_collection")
    if certificate is not None:
        coalitions, weights = certificate.coalitions, certificate.weights
    if coalitions is None or weights is None:
        raise InvalidGameError("is_balanced_collection needs a certificate, or coalitions "
                               "and weights.")
    if len(coalitions) != len(weights):
        raise InvalidGameError(f"{len(coalitions)} coalitions but {len(weights)} weights.")
    exact = all(isinstance(w, (int, Fraction)) for w in weights)
    zero = Fraction(0) if exact else 0.0
    totals = [zero] * game.n_players
    for members, weight in zip(coalitions, weights):
        if weight <= 0:
            return False
        for name in members:
            totals[game.player_index(name)] += weight
    if exact:
        return all(t == 1 for t in totals)
    return all(abs(t - 1) <= atol for t in totals)


def _start_vertex(A: np.ndarray, b: np.ndarray, grand: float, n: int) -> np.ndarray | None:
    """A vertex of the core: lexicographic LP (minimise x_1, then x_2, ...)."""
    eq = [np.ones(n)]
    eq_b = [grand]
    point = None
    for i in range(n):
        cost = np.zeros(n)
        cost[i] = 1.0
        solution = solve_lp(cost, A_ub=-A, b_ub=-b, A_eq=np.array(eq), b_eq=np.array(eq_b))
        if not solution.success:
            return None
        point = solution.x
        row = np.zeros(n)
        row[i] = 1.0
        eq.append(row)
        eq_b.append(solution.fun)
    return point


def _float_vertices(A: np.ndarray, b: np.ndarray, grand: float, n: int, scale: float
                    ) -> list[tuple[np.ndarray, np.ndarray]]:
    """Vertices by walking the edges of the core from one vertex (breadth first)."""
    tol = 1e-9 * scale
    start = _start_vertex(A, b, grand, n)
    if start is None:
        return []
    key = lambda p: tuple(np.round(p / scale, 9) + 0.0)  # noqa: E731
    found = {key(start): start}
    queue = [start]
    budget = _MAX_BASES
    while queue:
        point = queue.pop()
        slack = A @ point - b
        tight = np.flatnonzero(slack <= 1e-7 * scale)
        if n == 1:
            break
        combos = math.comb(len(tight), n - 2)
        budget -= combos
        if budget < 0:
            raise TooLargeError(
                "the core is too degenerate to enumerate its vertices here "
                f"({len(tight)} constraints tight at one vertex); use core(game) for a point."
            )
        if n == 2:
            picks = np.zeros((1, 0), dtype=np.int64)
        else:
            picks = np.array(list(itertools.combinations(tight, n - 2)), dtype=np.int64)
            picks = picks.reshape(-1, n - 2)
        for lo in range(0, len(picks), 20_000):
            chunk = picks[lo:lo + 20_000]
            matrices = np.empty((len(chunk), n - 1, n))
            matrices[:, 0, :] = 1.0
            matrices[:, 1:, :] = A[chunk]
            _, sing, vt = np.linalg.svd(matrices)
            ok = sing[:, -1] > 1e-9 if n > 1 else np.ones(len(chunk), bool)
            directions = vt[ok, -1, :]
            for sign in (1.0, -1.0):
                d = sign * directions
                moves = A @ d.T                         # (constraints, directions)
                feasible = np.all(moves[tight] >= -1e-9, axis=0)
                for k in np.flatnonzero(feasible):
                    m = moves[:, k]
                    blocking = m < -1e-12
                    if not blocking.any():
                        continue
                    step = np.min(slack[blocking] / -m[blocking])
                    if step <= tol:
                        continue
                    new = point + step * d[k]
                    new_key = key(new)
                    if new_key not in found:
                        found[new_key] = new
                        queue.append(new)
    out = []
    for point in found.values():
        tight = np.flatnonzero(A @ point - b <= 1e-7 * scale)
        out.append((point, tight))
    return out


def core_vertices(game: TUGame, *, atol: float = 1e-9) -> list[np.ndarray]:
    """The vertices of the core (empty list when the core is empty).

    Exact for rational games: every vertex is rebuilt from its tight constraints in exact
    arithmetic and checked exactly against all coalitions.

    Raises
    ------
    TooLargeError
        Above ``MAX_VERTEX_PLAYERS`` players, or when too many candidate bases remain.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.TUGame.from_dict({("a", "b"): 1, ("a", "c"): 1, ("b", "c"): 1,
    ...                             ("a", "b", "c"): 2}, players=["a", "b", "c"])
    >>> sorted(v.tolist() for v in co.core_vertices(game))[0]
    [Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)]
    """
    game = check_game(game, "core_vertices")
    v = numeric_table(game, "core_vertices")
    n = game.n_players
    if n > MAX_VERTEX_PLAYERS:
        raise TooLargeError(f"core vertices are enumerated for at most {MAX_VERTEX_PLAYERS} "
                            f"players, this game has {n}.")
    full = (1 << n) - 1
    if n == 1:
        return [to_game_numbers([game.grand_value], game.kind)]
    lc = least_core(game, atol=atol)
    scale = max(1.0, float(np.max(np.abs(v))))
    if (lc.exact and lc.epsilon > 0) or (not lc.exact and float(lc.epsilon) > atol * scale):
        return []
    masks = np.arange(1, full, dtype=np.int64)
    bits = mask_bits(masks, n)
    found = _float_vertices(bits, v[masks], float(v[full]), n, scale)
    vertices = []
    if game.kind == nb.EXACT:
        seen = set()
        for point, tight in found:
            rows = [[1] * n] + [[int(b) for b in bits[j]] for j in tight]
            rhs = [game.grand_value] + [game.values[int(masks[j])] for j in tight]
            x = solve_exact(rows, rhs, list(point))
            if x is None:
                continue
            if exact_max_excess(game, x) > 0 or tuple(x) in seen:
                continue
            seen.add(tuple(x))
            vertices.append(to_game_numbers(x, nb.EXACT))
        vertices.sort(key=lambda a: tuple(a.tolist()))
        return vertices
    for point, _tight in sorted(found, key=lambda pt: tuple(pt[0])):
        vertices.append(to_game_numbers(point, nb.FLOAT))
    return vertices
