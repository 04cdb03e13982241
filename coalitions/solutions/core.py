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
from ._tables import (exact_table, mask_bits, numeric_table, solve_exact, subset_sums,
                      to_game_numbers)
from .imputations import is_efficient, payoff_vector
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
    enumerated from the coalition constraints that are tight somewhere in the core (one LP
    each), solving every square subsystem.

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


def _relevant_constraints(game: TUGame, v: np.ndarray, atol: float) -> np.ndarray:
    """Coalitions whose constraint is tight at some core point (one LP each)."""
    n = game.n_players
    full = (1 << n) - 1
    masks = np.arange(1, full, dtype=np.int64)
    bits = mask_bits(masks, n)
    scale = max(1.0, float(np.max(np.abs(v))))
    relevant = []
    for k, mask in enumerate(masks):
        solution = solve_lp(bits[k], A_ub=-bits, b_ub=-v[masks], A_eq=np.ones((1, n)),
                            b_eq=[v[full]])
        if solution.success and solution.fun <= v[mask] + 1e-7 * scale:
            relevant.append(mask)
    return np.array(relevant, dtype=np.int64)


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
    relevant = _relevant_constraints(game, v, atol)
    k = n - 1
    if math.comb(len(relevant), k) > _MAX_BASES:
        raise TooLargeError(f"the core has {len(relevant)} relevant constraints; enumerating "
                            f"{math.comb(len(relevant), k)} bases is too many.")
    bits = mask_bits(relevant, n)
    all_masks = np.arange(1, full, dtype=np.int64)
    all_bits = mask_bits(all_masks, n)
    found: dict[tuple, np.ndarray] = {}
    combos = np.array(list(itertools.combinations(range(len(relevant)), k)), dtype=np.int64)
    combos = combos.reshape(-1, k)
    for start in range(0, len(combos), 50_000):
        chunk = combos[start:start + 50_000]
        matrices = np.empty((len(chunk), n, n))
        matrices[:, 0, :] = 1.0
        matrices[:, 1:, :] = bits[chunk]
        rhs = np.empty((len(chunk), n))
        rhs[:, 0] = v[full]
        rhs[:, 1:] = v[relevant[chunk]]
        dets = np.linalg.det(matrices)
        ok = np.abs(dets) > 1e-9
        if not ok.any():
            continue
        points = np.linalg.solve(matrices[ok], rhs[ok][..., None])[..., 0]
        slack = points @ all_bits.T - v[all_masks]
        feasible = np.all(slack >= -1e-7 * scale, axis=1)
        for point, basis in zip(points[feasible], chunk[ok][feasible]):
            key = tuple(np.round(point, 7))
            if key not in found:
                found[key] = (point, basis)
    vertices = []
    if game.kind == nb.EXACT:
        table = exact_table(game)
        seen = set()
        for point, basis in found.values():
            rows = [[1] * n] + [[int(b) for b in bits[j]] for j in basis]
            rhs = [game.grand_value] + [game.values[int(relevant[j])] for j in basis]
            x = solve_exact(rows, rhs, list(point))
            if x is None:
                continue
            exc, _ = table.excesses(x)
            if max(exc[1:full].tolist()) > 0 or tuple(x) in seen:
                continue
            seen.add(tuple(x))
            vertices.append(to_game_numbers(x, nb.EXACT))
        vertices.sort(key=lambda a: tuple(a.tolist()))
        return vertices
    for point, _basis in sorted(found.values(), key=lambda pb: tuple(pb[0])):
        vertices.append(to_game_numbers(point, nb.FLOAT))
    return vertices
