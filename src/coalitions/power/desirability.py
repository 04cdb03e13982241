r"""The desirability relation of a simple game (Isbell), completeness, and homogeneity.

Player i is *at least as desirable* as player j, :math:`i \succeq j`, when i can replace j in
every winning coalition:

.. math:: S \cup \{j\} \text{ wins} \implies S \cup \{i\} \text{ wins}
          \qquad (S \subseteq N \setminus \{i, j\}).

The relation is a preorder. The game is *complete* (or linear) when every two players are
comparable; equivalently it is *swap robust*: for winning X and Y, i in X but not Y, j in Y
but not X, one of :math:`X - i + j` and :math:`Y - j + i` wins. Weighted games are complete
(:math:`w_i \ge w_j` implies :math:`i \succeq j`), so an incomparable pair proves that a game
is not weighted.

A weighted game is *homogeneous* (von Neumann and Morgenstern) when some weights and quota
represent it with every minimal winning coalition weighing exactly the quota. With integer
weights that is the integer program

.. math:: w(S) = q \ (S \text{ minimal winning}), \qquad
          w(T) \le q - 1 \ (T \text{ maximal losing}), \qquad w \ge 0,

solved for the least total weight.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import masks_to_matrix, split_on_pair
from .._checks import front_door
from .._players import names_of
from ..exceptions import SolverError, TooLargeError
from ..games.simple import WeightedVotingGame, as_simple_game
from ..results import DesirabilityResult, HomogeneityResult
from .weightedness import frontier, least_weights_then_quota

__all__ = ["desirability", "homogeneous_representation", "MAX_DESIRABILITY_PLAYERS"]

#: The relation compares every pair of players over the ``2**n`` coalitions' table.
MAX_DESIRABILITY_PLAYERS = 20


def _mask(position: np.ndarray, i: int, j: int) -> int:
    """The coalition at ``(high, middle, low)`` of a :func:`split_on_pair` view (neither i
    nor j in it)."""
    high, middle, low = (int(v) for v in position)
    return high << (j + 1) | middle << (i + 1) | low


def _relation(table: np.ndarray, n: int) -> tuple[np.ndarray, dict]:
    """``at_least[i, j]`` for every pair, and for each incomparable pair ``(i, j)`` the
    coalitions ``(S, T)`` of the failed swap."""
    at_least = np.ones((n, n), dtype=bool)
    witnesses = {}
    for i in range(n):
        for j in range(i + 1, n):
            (_, with_i), (with_j, _) = split_on_pair(table, i, j)
            i_only = with_i & ~with_j  # S + i wins, S + j loses: j is not at least i
            j_only = with_j & ~with_i
            at_least[j, i] = not i_only.any()
            at_least[i, j] = not j_only.any()
            if i_only.any() and j_only.any():
                witnesses[i, j] = (
                    _mask(np.argwhere(i_only)[0], i, j),
                    _mask(np.argwhere(j_only)[0], i, j),
                )
    return at_least, witnesses


def _classes(at_least: np.ndarray) -> list[list[int]]:
    """Classes of equally desirable players, most desirable first."""
    equal = at_least & at_least.T
    rank = at_least.sum(axis=1)
    seen: set[int] = set()
    classes = []
    for i in sorted(range(len(rank)), key=lambda k: (-rank[k], k)):
        if i not in seen:
            members = [int(k) for k in np.flatnonzero(equal[i])]
            seen.update(members)
            classes.append(members)
    return classes


@front_door(("table",))
def desirability(game: Any, *, method: str = "table") -> DesirabilityResult:
    r"""The desirability relation between the players of a simple game (Isbell 1958).

    .. math:: i \succeq j \iff \bigl(S \cup \{j\} \text{ wins} \implies S \cup \{i\}
              \text{ wins for every } S \subseteq N \setminus \{i, j\}\bigr).

    Parameters
    ----------
    game : simple game
        A tabled, weighted or compound simple game; its winning table (``2**n`` entries) is
        read, so the game has :data:`MAX_DESIRABILITY_PLAYERS` players at most.
    method : {"table"}
        Compare the columns of the winning table pair by pair (the only method).

    Returns
    -------
    DesirabilityResult
        ``at_least`` (the relation as a boolean matrix), ``is_complete`` (also ``value``),
        ``classes`` (equally desirable players, most desirable first), ``incomparable``
        pairs and a ``witness`` of the first: ``(i, j, S, T)`` with ``S + i`` and ``T + j``
        winning, ``S + j`` and ``T + i`` losing.

    Raises
    ------
    TooLargeError
        Above :data:`MAX_DESIRABILITY_PLAYERS` players.
    SolverError
        If a weighted game's relation contradicted the order of its weights (a bug).

    Notes
    -----
    For each pair the table is viewed as the four aligned arrays ``t[S]``, ``t[S + i]``,
    ``t[S + j]``, ``t[S + i + j]`` over the coalitions without i and j, and ``t[S + i]`` is
    compared with ``t[S + j]`` as whole arrays: :math:`O(n^2 2^{n-2})` vectorised work. For a
    weighted game the answer is checked against its weights: a heavier player must be at
    least as desirable.

    References
    ----------
    .. [1] Isbell, J. R. (1958). A class of simple games. *Duke Mathematical Journal* 25(3),
       423-439.
    .. [2] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games: Desirability Relations,
       Trading, Pseudoweightings*. Princeton University Press, ch. 3.

    Examples
    --------
    The EEC Council of 1958 is weighted, so complete; Luxembourg is a null player:

    >>> import coalitions as co
    >>> found = co.desirability(co.datasets.eec_council_1958())
    >>> found.value, found.classes
    (True, (('France', 'Germany', 'Italy'), ('Belgium', 'Netherlands'), ('Luxembourg',)))

    Two chambers that must both agree: a member of one chamber and a member of the other are
    incomparable, so the game is not weighted:

    >>> lower = co.WeightedVotingGame(2, [1, 1, 1, 0, 0, 0])
    >>> upper = co.WeightedVotingGame(2, [0, 0, 0, 1, 1, 1])
    >>> both = co.desirability(co.CompoundGame("and", [lower, upper]))
    >>> both.value, both.incomparable[0], both.witness
    (False, ('1', '4'), ('1', '4', ('2', '5', '6'), ('2', '3', '5')))

    With 2, 5 and 6, member 1 wins where 4 loses; with 2, 3 and 5, member 4 wins where 1
    loses.
    """
    game = as_simple_game(game, "desirability")
    n, players = game.n_players, game.players
    if n > MAX_DESIRABILITY_PLAYERS:
        raise TooLargeError(
            f"desirability: {n} players; the relation reads every coalition and is limited "
            f"to {MAX_DESIRABILITY_PLAYERS} players."
        )
    table = np.ascontiguousarray(np.asarray(game.winning_table(), dtype=bool))
    at_least, witnesses = _relation(table, n)
    if isinstance(game, WeightedVotingGame):
        weights = np.asarray(game.int_weights)
        if not at_least[weights[:, None] >= weights[None, :]].all():
            raise SolverError(
                "desirability: a heavier player came out less desirable; please report this."
            )
    at_least = nb.read_only(at_least)
    pairs = sorted(witnesses)
    witness = None
    if pairs:
        i, j = pairs[0]
        s, t = witnesses[i, j]
        witness = (players[i], players[j], names_of(s, players), names_of(t, players))
    return DesirabilityResult(
        players=players,
        exact=True,
        concept="desirability",
        method="table",
        at_least=at_least,
        is_complete=not pairs,
        classes=tuple(tuple(players[k] for k in c) for c in _classes(at_least)),
        incomparable=tuple((players[i], players[j]) for i, j in pairs),
        witness=witness,
    )


@front_door(("integer-lp",))
def homogeneous_representation(game: Any, *, method: str = "integer-lp") -> HomogeneityResult:
    r"""Integer weights and a quota under which every minimal winning coalition weighs
    exactly the quota, or the answer that none exist.

    .. math:: w(S) = q \ (S \text{ minimal winning}), \qquad w(T) < q \
              (T \text{ losing}).

    Parameters
    ----------
    game : simple game
        A tabled, weighted or compound simple game of at most
        :data:`~coalitions.power.weightedness.MAX_WEIGHTEDNESS_PLAYERS` players.
    method : {"integer-lp"}
        The integer program of the module, solved by HiGHS (least total weight, then least
        quota).

    Returns
    -------
    HomogeneityResult
        ``is_homogeneous`` (also ``value``), ``is_weighted``, and when homogeneous the
        ``weights`` and ``quota``, checked exactly against the game's table and its minimal
        winning coalitions.

    Raises
    ------
    TooLargeError
        Above :data:`~coalitions.power.weightedness.MAX_WEIGHTEDNESS_PLAYERS` players.
    SolverError
        If the solver's representation failed the exact check.

    Notes
    -----
    A rational solution scales to an integer one, so the integer program is feasible exactly
    when a homogeneous representation exists. The maximal losing coalitions suffice among the
    losing ones (a losing coalition lies inside a maximal one). When the program is
    infeasible, :func:`coalitions.weighted_representation` says whether the game is weighted
    at all.

    References
    ----------
    .. [1] von Neumann, J. and Morgenstern, O. (1944). *Theory of Games and Economic
       Behavior*. Princeton University Press, sec. 50.
    .. [2] Ostmann, A. (1987). On the minimal representation of homogeneous games.
       *International Journal of Game Theory* 16(1), 69-81.
    .. [3] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games*. Princeton University
       Press.

    Examples
    --------
    The UN Security Council (five permanent members and four elected ones win):

    >>> import coalitions as co
    >>> found = co.homogeneous_representation(co.datasets.un_security_council())
    >>> found.value, found.weights[:6], found.quota
    (True, (7, 7, 7, 7, 7, 1), 39)

    ``[3; 2, 2, 1, 1]`` is weighted but not homogeneous: its minimal winning coalitions are
    the two heavy members together (weight 4) and a heavy with a light one (weight 3), and
    equal weights for all four would let the two light members win:

    >>> found = co.homogeneous_representation(co.WeightedVotingGame(3, [2, 2, 1, 1]))
    >>> found.value, found.is_weighted
    (False, True)
    """
    from .weightedness import weighted_representation

    game = as_simple_game(game, "homogeneous_representation")
    n, winning, losing = frontier(game, "homogeneous_representation")
    players = game.players

    def answer(**found: Any) -> HomogeneityResult:
        return HomogeneityResult(
            players=players,
            exact=True,
            concept="homogeneity",
            method="integer-lp",
            **found,
        )

    if len(losing) == 0 or len(winning) == 0:  # everything wins, or nothing does
        quota = 0 if len(losing) == 0 else 1
        return answer(is_homogeneous=True, is_weighted=True, weights=(0,) * n, quota=quota)
    a = masks_to_matrix(winning, n).astype(np.float64)
    b = masks_to_matrix(losing, n).astype(np.float64)
    # variables (w_1..w_n, q): w(S) - q <= 0 and q - w(S) <= 0 for minimal winning S,
    # w(T) - q <= -1 for maximal losing T
    ones_a, ones_b = np.ones((len(a), 1)), np.ones((len(b), 1))
    rows = np.vstack([np.hstack([a, -ones_a]), np.hstack([-a, ones_a]), np.hstack([b, -ones_b])])
    bounds = np.r_[np.zeros(2 * len(a)), -np.ones(len(b))]
    found = least_weights_then_quota(n, rows, bounds)
    if not found.success or found.x is None:
        weighted = weighted_representation(game).value
        return answer(is_homogeneous=False, is_weighted=weighted)
    weights, quota = tuple(int(w) for w in found.x[:n]), int(found.x[n])
    check = WeightedVotingGame(quota, list(weights), list(players)) if quota > 0 else None
    same = check is not None and np.array_equal(
        np.asarray(check.winning_table(), dtype=bool),
        np.asarray(game.winning_table(), dtype=bool),
    )
    if not same or not (a @ np.asarray(weights) == quota).all():
        raise SolverError(
            "homogeneous_representation: the integer program's weights failed the exact "
            "check; please report this game."
        )
    return answer(is_homogeneous=True, is_weighted=True, weights=weights, quota=quota)
