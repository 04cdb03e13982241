"""Structural checks of simple games: proper, strong, decisive, veto players, dummies,
minimal winning and minimal blocking coalitions.

A simple game is *proper* when no two disjoint coalitions both win (a coalition and its
complement never both win), *strong* when a coalition and its complement never both lose, and
*decisive* when it is both (exactly one of S and N \\ S wins). A *veto player* belongs to every
winning coalition; a *dummy* is never critical (zero swings). A coalition is *blocking* when its
complement loses.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import mask_members, minimal_masks, split_on, threshold_minimal_masks
from .._checks import check_numeric, check_tolerance, front_door
from .._docstrings import fill_doc
from ..exceptions import InvalidGameError, TooLargeError
from ..games import more_properties as more
from ..games import properties as props
from ..games.simple import MAX_ENUMERATION_PLAYERS, SimpleGame, WeightedVotingGame, as_simple_game
from ..games.tu import TUGame
from ..results import WinningCoalitionsResult
from . import _engines as en

__all__ = [
    "is_proper",
    "is_strong",
    "is_decisive",
    "veto_players",
    "null_players",
    "dummy_players",
    "game_properties",
    "minimal_winning_coalitions",
    "minimal_blocking_coalitions",
    "MAX_LISTED_COALITIONS",
]

#: Largest total integer weight for the subset-sum checks of weighted games.
MAX_SUBSET_SUM_WEIGHT = 10**7


def _subset_sums(game: WeightedVotingGame) -> np.ndarray | None:
    total = sum(game.int_weights)
    if total > MAX_SUBSET_SUM_WEIGHT:
        return None
    reach = np.zeros(total + 1, dtype=bool)
    reach[0] = True
    for w in game.int_weights:
        if w:
            reach[w:] |= reach[:-w].copy()
    return reach


def _some_weight_between(game: WeightedVotingGame, low: int, high: int, kind: str) -> bool:
    """Does some coalition weigh between ``low`` and ``high`` (inclusive, 1 <= low, high <
    total)? The number of coalitions of weight >= low minus those of weight > high, counted
    exactly (generating functions, decision diagram or meet in the middle)."""
    if low > high:
        return False
    weights, players = game.int_weights, game.players
    try:
        at_least = []
        for quota in (low, high + 1):
            counts = en.swing_counts(
                WeightedVotingGame(quota, weights, players),
                "exact",
                by_size=False,
                function=f"is_{kind}",
            )
            assert counts is not None  # method "exact" never falls back to floats
            at_least.append(counts.winning())
    except TooLargeError as error:
        raise TooLargeError(
            f"checking whether this {game.n_players}-player weighted game is {kind} needs "
            f"exact counts of the coalitions weighing {low} to {high}: {error}"
        ) from None
    return at_least[0] > at_least[1]


def _violation(game: Any, kind: str) -> bool:
    n = game.n_players
    if isinstance(game, WeightedVotingGame):
        reach = _subset_sums(game)
        q, total = game.int_quota, sum(game.int_weights)
        if reach is not None:
            sums = np.flatnonzero(reach)
            if kind == "proper":
                return bool(np.any((sums >= q) & (total - sums >= q)))
            return bool(np.any((sums < q) & (total - sums < q)))
        # proper fails when some S and N \ S both win: q <= w(S) <= total - q; strong fails
        # when both lose: total - q < w(S) < q
        if kind == "proper":
            return _some_weight_between(game, q, total - q, kind)
        return _some_weight_between(game, total - q + 1, q - 1, kind)
    if n <= 20 or isinstance(game, SimpleGame):
        win = game.winning_table()
        if kind == "proper":
            return bool(np.any(win & win[::-1]))
        return bool(np.any(~win & ~win[::-1]))
    if en._mitm_fits(game):
        return en.mitm_exists(game, kind)
    raise TooLargeError(
        f"checking whether a {n}-player compound game is {kind} needs "
        f"enumeration (at most 20 players here) or meet in the middle (at "
        f"most {en.MAX_MITM_PLAYERS} players, weight sums below 2**60)."
    )


#: The docstring sections the three complement properties of a simple game share.
_COMPLEMENTS = """
    Parameters
    ----------
    game : SimpleGame, WeightedVotingGame or CompoundGame

    Returns
    -------
    bool

    References
    ----------
    .. [1] Taylor, A. D. and Zwicker, W. S. (1999). *Simple Games: Desirability Relations,
       Trading, Pseudoweightings*. Princeton University Press.

    Examples
    --------
    Simple majority of three is proper, strong and decisive; a quota of one out of two is
    not proper, and a quota of three out of four is not strong (a 2-2 split blocks):

    >>> import coalitions as co
    >>> games = [co.WeightedVotingGame(q, [1] * n) for q, n in ((2, 3), (1, 2), (3, 4))]
    >>> [(co.is_proper(g), co.is_strong(g), co.is_decisive(g)) for g in games]
    [(True, True, True), (False, True, False), (True, False, False)]

"""


@fill_doc(sections=_COMPLEMENTS)
def is_proper(game: Any) -> bool:
    """True when a coalition and its complement never both win.

    {{sections}}
    """
    return not _violation(as_simple_game(game, "is_proper"), "proper")


@fill_doc(sections=_COMPLEMENTS)
def is_strong(game: Any) -> bool:
    """True when a coalition and its complement never both lose (no deadlock).

    {{sections}}
    """
    return not _violation(as_simple_game(game, "is_strong"), "strong")


@fill_doc(sections=_COMPLEMENTS)
def is_decisive(game: Any) -> bool:
    """True when exactly one of every coalition and its complement wins (proper and strong).

    {{sections}}
    """
    return is_proper(game) and is_strong(game)


def _tu_flags(game: TUGame, atol: float, function: str, test) -> list[str]:
    """The players of a TU game whose ``(without_i, with_i)`` views pass ``test``."""
    check_numeric(game, function, "compares values")
    tol = check_tolerance(atol, function) if game.kind == nb.FLOAT else 0
    values = game.values
    return [
        p
        for i, p in enumerate(game.players)
        if bool(np.all(test(i, values, *split_on(values, i), tol)))
    ]


def _singletons_win(game: Any) -> np.ndarray:
    """Row i: does ``{i}`` win on its own?"""
    return np.asarray(game.winning_matrix(np.eye(game.n_players, dtype=bool)), dtype=bool)


def _absolute_banzhaf(game: Any, method: str) -> tuple[tuple, list, bool]:
    """Each member's share of the ``2**(n-1)`` coalitions without him in which he is
    critical (exact where the counts are), through the index engine."""
    from .indices import banzhaf_index

    result = banzhaf_index(game, normalized=False, method=method)
    return result.players, list(result.x), result.exact


def _equal(value: Any, target: int, exact: bool) -> bool:
    """``value == target``, up to rounding when the value was computed in floats."""
    return value == target if exact else abs(float(value) - target) <= 1e-12


def veto_players(game: Any, *, atol: float = 1e-9) -> list[str]:
    r"""Players without whom nothing can be done.

    For a TU game, ``i`` is a veto player when ``v(S) = 0`` for every coalition ``S`` without
    ``i``; for a simple game (weighted, compound or listed), when ``i`` belongs to every
    winning coalition, i.e. ``N \ {i}`` loses. The two agree on a simple game read as a 0/1
    TU game.

    Parameters
    ----------
    game : TUGame, SimpleGame, WeightedVotingGame or CompoundGame
    atol : float
        Tolerance of the comparison for float TU games (exact games compare exactly).

    Returns
    -------
    list of str
        The veto players, in player order.

    Raises
    ------
    InvalidGameError
        For anything that is not a game, or a symbolic TU game.

    Notes
    -----
    A TU game is read once per player from two aligned views of its table (O(n 2**n)); a
    simple game needs ``n`` evaluations of its rule (each ``N \ {i}``), so any size works:
    the 193-member General Assembly, a 1000-member body.

    References
    ----------
    Felsenthal, D.S. & Machover, M. (1998) *The Measurement of Voting Power*, Edward Elgar,
    definition 2.3.8 (veto player); Peleg, B. & Sudhölter, P. (2007) *Introduction to the
    Theory of Cooperative Games*, 2nd ed., Springer, ch. 8 (veto players of TU games).

    Examples
    --------
    >>> import coalitions as co
    >>> co.veto_players(co.datasets.un_security_council())
    ['China', 'France', 'Russian Federation', 'United Kingdom', 'United States']
    >>> co.veto_players(co.glove_game(["L"], ["R1", "R2"]))
    ['L']
    """
    if isinstance(game, TUGame):
        return _tu_flags(
            game, atol, "veto_players", lambda i, values, without, with_i, tol: abs(without) <= tol
        )
    game = as_simple_game(game, "veto_players")
    # row i: everybody but member i (a boolean matrix, so any n fits)
    loses = ~np.asarray(game.winning_matrix(~np.eye(game.n_players, dtype=bool)), dtype=bool)
    return [p for p, flag in zip(game.players, loses) if flag]


@front_door(en.METHODS)
def null_players(game: Any, *, atol: float = 1e-9, method: str = "auto") -> list[str]:
    r"""Players whose marginal contribution to every coalition is zero.

    In a simple game these are the members who are never critical (no swing): what the
    voting-power literature calls *dummies*.

    Parameters
    ----------
    game : TUGame, SimpleGame, WeightedVotingGame or CompoundGame
    atol : float
        Tolerance for float TU games.
    method : {"auto", "exact", "bdd", "float", "mitm", "enumeration"}
        How a simple game's swings are counted, as in :func:`coalitions.banzhaf_index`
        (its counting methods; ``"float"`` compares with a tolerance of 1e-12).

    Returns
    -------
    list of str

    Raises
    ------
    InvalidGameError
        For anything that is not a game, or a symbolic TU game.

    References
    ----------
    Felsenthal, D.S. & Machover, M. (1998) *The Measurement of Voting Power*, Edward Elgar,
    definition 2.3.8 (dummy voter); Shapley, L.S. (1953) "A value for n-person games",
    *Contributions to the Theory of Games II*, 307-317 (null player).

    Examples
    --------
    >>> import coalitions as co
    >>> co.null_players(co.datasets.eec_council_1958())
    ['Luxembourg']
    >>> co.null_players(co.TUGame([0, 1, 0, 1]))
    ['2']
    """
    if isinstance(game, TUGame):
        return _tu_flags(
            game,
            atol,
            "null_players",
            lambda i, values, without, with_i, tol: abs(with_i - without) <= tol,
        )
    players, share, exact = _absolute_banzhaf(as_simple_game(game, "null_players"), method)
    return [p for p, v in zip(players, share) if _equal(v, 0, exact)]


@front_door(en.METHODS)
def dummy_players(game: Any, *, atol: float = 1e-9, method: str = "auto") -> list[str]:
    r"""Players who add exactly their own worth to every coalition:
    ``v(S + i) - v(S) = v({i})`` for every ``S`` without ``i``.

    In a simple game a dummy is a member who is never critical (a null player) or a
    dictator (who wins alone and whom nobody else can replace); the voting literature's
    "dummy" is the first kind only: see :func:`null_players`.

    Parameters
    ----------
    game, atol
        As in :func:`null_players`.
    method : {"auto", "exact", "bdd", "float", "mitm", "enumeration"}
        How swings are counted, as in :func:`null_players`.

    Returns
    -------
    list of str
        The dummies, in player order (errors as in :func:`null_players`).

    Notes
    -----
    A simple game's member ``i`` is a dummy when his absolute Banzhaf index (the share of the
    ``2**(n-1)`` coalitions without him in which he is critical) is ``v({i})``: zero when he
    loses alone, one when he wins alone.

    References
    ----------
    Peleg, B. & Sudhölter, P. (2007) *Introduction to the Theory of Cooperative Games*, 2nd
    ed., Springer, section 4.1 (dummy property).

    Examples
    --------
    >>> import coalitions as co
    >>> co.dummy_players(co.additive_game([1, 2, 3]))
    ['1', '2', '3']
    >>> co.dummy_players(co.WeightedVotingGame(3, [3, 1, 1], ["A", "B", "C"]))
    ['A', 'B', 'C']
    """
    if isinstance(game, TUGame):
        return _tu_flags(
            game,
            atol,
            "dummy_players",
            lambda i, values, without, with_i, tol: abs(with_i - without - values[1 << i]) <= tol,
        )
    game = as_simple_game(game, "dummy_players")
    players, share, exact = _absolute_banzhaf(game, method)
    alone = _singletons_win(game)
    return [p for p, v, wins in zip(players, share, alone) if _equal(v, int(wins), exact)]


def game_properties(game: Any, *, atol: float = 1e-9) -> dict:
    """The properties of a game in one dictionary (what ``coalitions game check`` prints).

    For a TU game: monotone, superadditive (None above
    :data:`~coalitions.games.properties.MAX_SUPERADDITIVE_PLAYERS` players unless the game is
    convex, which implies it), convex, essential; weakly superadditive (zero-monotonic),
    additive, constant-sum, zero-normalised, symmetric, non-negative, totally positive,
    concave, 1-convex, average convex, simple, quasi-balanced (compromise admissible: the core
    cover is not empty), balanced (the core is not empty), and the classes of
    :mod:`coalitions.games.more_properties` and :mod:`coalitions.solutions.balancedness`: subadditive, strictly superadditive and
    subadditive, cohesive, strictly convex and concave, strictly monotone, inessential, (0, 1)
    normalised, zero-sum, almost positive, unanimity, veto-rich, clan, big boss,
    permutationally convex, semiconvex, the orders k of k-convexity (a list), totally
    balanced and exact, each None where it is not
    defined or above its size limit; symmetric pairs, and the null, dummy and veto players. For a simple game: proper, strong, decisive, and the null, dummy and veto players.

    Parameters
    ----------
    game : TUGame, SimpleGame, WeightedVotingGame or CompoundGame
    atol : float
        Tolerance for float TU games.

    Returns
    -------
    dict
        Property name to value (lists of player names for the player roles).

    References
    ----------
    Peleg, B. & Sudhölter, P. (2007) *Introduction to the Theory of Cooperative Games*, 2nd
    ed., Springer, ch. 1-4 (TU properties); Taylor, A.D. & Zwicker, W.S. (1999) *Simple
    Games*, Princeton University Press, ch. 1 (proper, strong, decisive).

    Examples
    --------
    >>> import coalitions as co
    >>> co.game_properties(co.glove_game(["L"], ["R1", "R2"]))["veto_players"]
    ['L']
    >>> co.game_properties(co.WeightedVotingGame(2, [1, 1, 1]))["decisive"]
    True
    """
    if not isinstance(game, TUGame):
        game = as_simple_game(game, "game_properties")
        proper, strong = is_proper(game), is_strong(game)
        return {
            "n_players": game.n_players,
            "kind": "simple",
            "proper": proper,
            "strong": strong,
            "decisive": proper and strong,
            "null_players": null_players(game),
            "dummy_players": dummy_players(game),
            "veto_players": veto_players(game),
        }
    convex = props.is_convex(game, atol=atol)
    if convex:
        superadditive = True
    elif game.n_players <= props.MAX_SUPERADDITIVE_PLAYERS:
        superadditive = props.is_superadditive(game, atol=atol)
    else:
        superadditive = None
    return {
        "n_players": game.n_players,
        "kind": game.kind,
        "monotone": props.is_monotone(game, atol=atol),
        "superadditive": superadditive,
        "convex": convex,
        "essential": props.is_essential(game, atol=atol),
        **_tu_classes(game, atol),
        "symmetric_pairs": props.symmetric_pairs(game, atol=atol),
        "null_players": null_players(game, atol=atol),
        "dummy_players": dummy_players(game, atol=atol),
        "veto_players": veto_players(game, atol=atol),
    }


#: Largest games whose core is solved for ``balanced`` and whose 3**n pairs are compared for
#: ``average_convex`` in :func:`game_properties` (None above).
MAX_BALANCED_PLAYERS = 16
MAX_AVERAGE_CONVEX_PLAYERS = 14
#: Largest games whose subgames' cores (totally balanced) and core vertices (exact) are solved
#: for :func:`game_properties` (None above).
MAX_SUBGAME_CORES_PLAYERS = 6


def _tu_classes(game: TUGame, atol: float) -> dict:
    """The classes of TU games :func:`game_properties` reports besides the basic four; None
    where a class is not defined for the game, its size is above the check's limit, or float
    arithmetic overflows on its worths."""
    from ..solutions import core, is_exact, is_quasi_balanced, is_totally_balanced

    n = game.n_players

    def checked(test) -> bool | None:
        try:
            return test(game, atol=atol)
        except (InvalidGameError, TooLargeError):  # overflow, undefined, or above its limit
            return None

    classes: dict[str, Any] = {
        "weakly_superadditive": checked(props.is_weakly_superadditive),
        "additive": checked(props.is_additive),
        "constant_sum": checked(props.is_constant_sum),
        "zero_normalized": checked(props.is_zero_normalized),
        "symmetric": checked(props.is_symmetric),
        "nonnegative": checked(props.is_nonnegative),
        "totally_positive": checked(props.is_totally_positive),
        "concave": checked(props.is_concave),
        "one_convex": checked(props.is_one_convex),
        "average_convex": (
            checked(props.is_average_convex) if n <= MAX_AVERAGE_CONVEX_PLAYERS else None
        ),
        "simple": checked(lambda g, atol: props.is_simple_game(g)),
        "quasi_balanced": checked(is_quasi_balanced) if n else None,
    }
    classes["balanced"] = (
        None
        if game.is_cost or not n or n > MAX_BALANCED_PLAYERS or classes["quasi_balanced"] is None
        else not core(game, atol=atol).is_empty
    )
    pairs = n <= MAX_AVERAGE_CONVEX_PLAYERS  # the checks over the 3**n pairs of coalitions
    subgames = 0 < n <= MAX_SUBGAME_CORES_PLAYERS and not game.is_cost
    classes.update(
        {
            "subadditive": checked(more.is_subadditive) if pairs else None,
            "strictly_superadditive": checked(more.is_strictly_superadditive) if pairs else None,
            "strictly_subadditive": checked(more.is_strictly_subadditive) if pairs else None,
            "cohesive": checked(more.is_cohesive) if pairs else None,
            "strictly_convex": checked(more.is_strictly_convex),
            "strictly_concave": checked(more.is_strictly_concave),
            "strictly_monotone": checked(more.is_strictly_monotone),
            "inessential": checked(more.is_inessential),
            "zero_one_normalized": checked(more.is_zero_one_normalized),
            "zero_sum": checked(more.is_zero_sum),
            "almost_positive": checked(more.is_almost_positive),
            "unanimity": checked(more.is_unanimity_game),
            "veto_rich": checked(more.is_veto_rich),
            "clan": checked(more.is_clan_game),
            "big_boss": checked(more.is_big_boss_game),
            "permutationally_convex": checked(more.is_permutationally_convex),
            "semi_convex": checked(more.is_semi_convex),
            "k_convex": _k_convexity(game, atol) if 0 < n <= MAX_AVERAGE_CONVEX_PLAYERS else None,
            "totally_balanced": checked(is_totally_balanced) if subgames else None,
            "exact": checked(is_exact) if subgames else None,
        }
    )
    return classes


def _k_convexity(game: TUGame, atol: float) -> list[int] | None:
    """The orders ``k`` for which the game is k-convex (Driessen 1988), or None for a game
    without an order (symbolic) or whose worths overflow."""
    try:
        return [k for k in range(1, game.n_players + 1) if more.is_k_convex(game, k, atol=atol)]
    except InvalidGameError:
        return None


#: Most coalitions listed by :func:`minimal_winning_coalitions` and
#: :func:`minimal_blocking_coalitions` for a large weighted game.
MAX_LISTED_COALITIONS = 200_000
#: Above this many players, weighted games are listed without the 2**n table.
_TABLE_PLAYERS = 20


def _minimal(game: Any, function: str, blocking: bool) -> list[int]:
    """Masks (Python ints) of the minimal winning (or blocking) coalitions."""
    n = game.n_players
    if isinstance(game, WeightedVotingGame) and n > _TABLE_PLAYERS:
        weights = game.int_weights
        # S blocks when N \ S loses: w(S) > total - q, i.e. S wins [total - q + 1; w]
        quota = sum(weights) - game.int_quota + 1 if blocking else game.int_quota
        masks = threshold_minimal_masks(weights, quota, MAX_LISTED_COALITIONS)
        if masks is None:
            raise TooLargeError(
                f"{function}: this {n}-player game has more than {MAX_LISTED_COALITIONS:,} "
                "minimal coalitions, too many to list. Count-based indices need no list: "
                "banzhaf_index, shapley_shubik_index, coleman_power_to_act."
            )
        return list(masks)
    if n > MAX_ENUMERATION_PLAYERS:
        raise TooLargeError(
            f"{function} lists the minimal coalitions of a {type(game).__name__} from its "
            f"2**{n} coalitions; the limit is {MAX_ENUMERATION_PLAYERS} players (a "
            "WeightedVotingGame of any size is listed without the table)."
        )
    win = game.winning_table()
    return [int(m) for m in minimal_masks(~win[::-1] if blocking else win, n)]


def _coalitions(game: Any, masks: list[int], concept: str, method: str) -> WinningCoalitionsResult:
    """The result listing ``masks`` by size, then by their members' positions, with their
    total weights when the game is weighted."""
    n, players = game.n_players, game.players
    members = sorted((mask_members(m, n) for m in masks), key=lambda c: (len(c), c))
    weighted = isinstance(game, WeightedVotingGame)
    weights = (
        tuple(nb.int_if_integral(sum((game.weights[i] for i in c), Fraction(0))) for c in members)
        if weighted
        else ()
    )
    return WinningCoalitionsResult(
        coalitions=tuple(tuple(players[i] for i in c) for c in members),
        weights=weights,
        quota=game.quota if weighted else None,
        players=players,
        concept=concept,
        method=method,
        exact=True,
    )


def minimal_winning_coalitions(
    game: Any, weights: Sequence[Any] | None = None, *, players: Sequence[str] | None = None
) -> WinningCoalitionsResult:
    """The minimal winning coalitions: winning coalitions in which every member is critical
    (von Neumann & Morgenstern).

    Parameters
    ----------
    game : simple game, TUGame, or number
        A SimpleGame, WeightedVotingGame or CompoundGame, a 0/1 TUGame, any object with
        ``quota`` and ``weights`` or with ``is_winning`` and ``players``, or the quota itself
        when ``weights`` is given.
    weights : sequence of numbers, optional
        The members' weights, when ``game`` is the quota.
    players : sequence of str, optional
        Member names for a quota and weights (default ``"1"``, ..., ``"n"``).

    Returns
    -------
    WinningCoalitionsResult
        ``coalitions`` by increasing size, then by their members' positions; ``weights``
        their total weights (empty for a game without weights); ``quota``.

    Raises
    ------
    InvalidGameError
        For something that is not a voting rule, a quota outside (0, total weight], negative
        weights or mismatched names.
    TooLargeError
        More than :data:`MAX_LISTED_COALITIONS` coalitions, or a game other than a weighted
        one with more than 25 players.

    Notes
    -----
    Weighted games of more than 20 members are listed directly, players by decreasing weight,
    extending a partial coalition only while it can still win (about n log n steps per
    coalition listed); other games from their ``2**n`` winning table, where a coalition is
    minimal when removing any one member makes it lose (n vectorised passes).

    References
    ----------
    von Neumann, J. & Morgenstern, O. (1944) *Theory of Games and Economic Behavior*,
    Princeton University Press, section 10.1.

    Examples
    --------
    >>> import coalitions as co
    >>> mwc = co.minimal_winning_coalitions(51, [40, 30, 20, 10], players=["A", "B", "C", "D"])
    >>> mwc.coalitions
    (('A', 'B'), ('A', 'C'), ('B', 'C', 'D'))
    >>> mwc.weights
    (70, 60, 60)
    >>> co.minimal_winning_coalitions(co.WeightedVotingGame(3, [2, 1, 1], ["A", "B", "C"])).coalitions
    (('A', 'B'), ('A', 'C'))
    """
    game = as_simple_game(game, "minimal_winning_coalitions", weights=weights, players=players)
    masks = _minimal(game, "minimal_winning_coalitions", blocking=False)
    return _coalitions(game, masks, "minimal-winning", "enumeration")


def minimal_blocking_coalitions(
    game: Any, weights: Sequence[Any] | None = None, *, players: Sequence[str] | None = None
) -> WinningCoalitionsResult:
    """The minimal blocking coalitions (their complement loses, and it would win without any
    one of their members), read and listed as in :func:`minimal_winning_coalitions`.

    Parameters
    ----------
    game, weights, players
        As in :func:`minimal_winning_coalitions`.

    Returns
    -------
    WinningCoalitionsResult
        ``concept="minimal-blocking"``; ``weights`` the blocking coalitions' total weights.

    References
    ----------
    Felsenthal, D.S. & Machover, M. (1998) *The Measurement of Voting Power*, Edward Elgar,
    definition 2.3.3 (blocking coalition).

    Examples
    --------
    >>> import coalitions as co
    >>> co.minimal_blocking_coalitions(co.WeightedVotingGame(3, [2, 1, 1], ["A", "B", "C"])).coalitions
    (('A',), ('B', 'C'))
    """
    game = as_simple_game(game, "minimal_blocking_coalitions", weights=weights, players=players)
    masks = _minimal(game, "minimal_blocking_coalitions", blocking=True)
    return _coalitions(game, masks, "minimal-blocking", "enumeration")
