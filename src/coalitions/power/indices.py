"""A priori voting power of simple games: Shapley-Shubik, Banzhaf, Coleman, Johnston,
Deegan-Packel, Holler, Rae, the risk of being outvoted; and who is pivotal a posteriori.

Let ``W`` be the winning coalitions of a simple game on ``n`` players and
``eta_i = #{S not containing i : S loses, S + i wins}`` the *swings* of player ``i``
(``eta_i(s)`` those into coalitions of size ``s``).

=========================  ==================================================================
Shapley-Shubik             ``sum_s eta_i(s) s! (n-1-s)! / n!``
Banzhaf (absolute)         ``eta_i / 2**(n-1)`` (Penrose-Banzhaf)
Banzhaf (normalised)       ``eta_i / sum_j eta_j``
Coleman: power to act      ``|W| / 2**n``
Coleman: prevent, initiate ``eta_i / |W|``, ``eta_i / (2**n - |W|)``
Rae                        ``1/2 + eta_i / 2**n`` (agreement with the outcome)
risk of being outvoted     ``(|W| - eta_i) / 2**n`` (i votes no, the body says yes)
Johnston                   ``sum over vulnerable S where i is critical of 1/critical(S)``,
                           normalised
Deegan-Packel              ``(1/|M|) sum over minimal winning S containing i of 1/|S|``
Holler (public good)       minimal winning coalitions containing ``i``, normalised
Public Help theta          ``|W_i| / sum_j |W_j|`` (``W_i``: winning coalitions containing i)
Public Help xi             ``sum_{S in W_i} 1/|S|^2 / sum_{S in W} 1/|S|``
König-Bräuninger           ``|W_i| / |W|`` (inclusiveness)
Nevison                    ``|W_i| / 2**(n-1)``
Barua-Chakravarty-Sarkar   ``eta_i / |W_i|``
Felsenthal                 least-size minimal winning coalitions containing ``i``, normalised
Colomer-Martinez           ``(1/|M|) sum over minimal winning S containing i of w_i / w(S)``
=========================  ==================================================================

The null-player-free indices ``f^np`` and ``g^np`` (Deegan-Packel and Holler over the winning
coalitions without null players) are in :mod:`coalitions.power.null_player_free`.

All functions take any simple game (``SimpleGame``, ``WeightedVotingGame``,
``CompoundGame``) and a ``method`` (see :mod:`coalitions.power._engines`): ``"auto"`` picks
exact integer counts when they are cheap, else the exact decision diagram (huge weights of any
size, populations in persons), else meet in the middle, else the subtraction-free float methods
for large bodies; a method that cannot handle a game raises ``TooLargeError`` naming one that
can.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import mask_bits, masks_to_matrix, split_on
from .._checks import (
    as_label,
    as_list,
    check_callback,
    check_choice,
    check_method,
    check_options,
    front_door,
    unknown_choice,
)
from .._docstrings import fill_doc
from ..approx import (
    BANZHAF_SAMPLERS,
    SAMPLING_OPTIONS,
    SHAPLEY_SAMPLERS,
    banzhaf_estimate,
    shapley_estimate,
)
from ..exceptions import InvalidArgumentError, InvalidGameError, TooLargeError
from ..games.jk import JKSimpleGame
from ..games.simple import WeightedVotingGame, as_simple_game
from ..games.ternary import TernaryVotingGame
from ..results import (
    PivotalResult,
    PowerIndexResult,
    PowerTableResult,
    PowerToActResult,
    SweepResult,
)
from . import _engines as en
from ._engines import METHODS, MINIMAL_METHODS
from ._major_minor import BERRY_ESSEEN_CONSTANT, DEFAULT_MAJORS, major_minor_shapley_shubik
from ._window_series import MAX_SERIES_LENGTH, window_series_shapley_shubik
from .checks import veto_players

__all__ = [
    "shapley_shubik_index",
    "banzhaf_index",
    "coleman_power_to_act",
    "coleman_power_to_prevent",
    "coleman_power_to_initiate",
    "rae_index",
    "risk_of_being_outvoted",
    "johnston_index",
    "deegan_packel_index",
    "holler_index",
    "public_help_index",
    "public_help_xi_index",
    "koenig_braeuninger_index",
    "nevison_index",
    "barua_chakravarty_sarkar_index",
    "felsenthal_index",
    "colomer_martinez_index",
    "tijs_index",
    "coalition_counts",
    "pivotal_players",
    "power_indices",
    "decision_rule_sweep",
    "INDEX_NAMES",
    "UNION_INDEX_NAMES",
]


def _array(values: Sequence[Any], exact: bool) -> np.ndarray:
    return nb.read_only(values, nb.EXACT if exact else nb.FLOAT)


def _result(
    game, values, *, exact, concept, method, normalized=False, counts=None, denominator=None
) -> PowerIndexResult:
    return PowerIndexResult(
        x=_array(values, exact),
        players=game.players,
        exact=exact,
        concept=concept,
        method=method,
        normalized=normalized,
        counts=None if counts is None else tuple(int(c) for c in counts),
        denominator=denominator,
    )


def _exact(
    game, concept, method, denominator, counts=None, values=None, *, normalized=False
) -> PowerIndexResult:
    """An exact result: ``values`` (default ``counts / denominator``), keeping the counts."""
    if values is None:
        values = [Fraction(int(c), denominator) for c in counts]
    return _result(
        game,
        values,
        exact=True,
        concept=concept,
        method=method,
        normalized=normalized,
        counts=counts,
        denominator=denominator,
    )


@lru_cache(maxsize=8)
def _float_ss(game: WeightedVotingGame) -> tuple[np.ndarray, np.ndarray]:
    return en.shapley_shubik_float(game)


@lru_cache(maxsize=8)
def _float_banzhaf(game: WeightedVotingGame) -> np.ndarray:
    return en.banzhaf_float(game)


@lru_cache(maxsize=8)
def _float_win_lose(game: WeightedVotingGame) -> tuple[float, float]:
    return en.win_lose_probability_float(game)


def _swings(game, method: str, function: str):
    """(exact, swings per player as ints | absolute Banzhaf floats, method used)."""
    game = as_simple_game(game, function)
    counts = en.swing_counts(game, method, by_size=False, function=function)
    if counts is None:
        return game, False, _float_banzhaf(game), "float"
    return game, True, counts.swings(), counts.method


#: Each index with sampling methods: its samplers, its estimator and the concept it estimates.
_SAMPLING = {
    "shapley_shubik_index": (SHAPLEY_SAMPLERS, shapley_estimate, "shapley-shubik"),
    "banzhaf_index": (BANZHAF_SAMPLERS, banzhaf_estimate, "banzhaf"),
}
#: The keywords an index passes on to its estimator, in the order :func:`_sampled` takes them.
_ESTIMATOR_KEYWORDS = ("budget", "rng", "executor", "callback", "confidence")


def _sampled(game: Any, method: str, function: str, values: tuple):
    """Route a sampling ``method`` of ``function`` to its estimator in :mod:`coalitions.approx`
    with the keywords ``_ESTIMATOR_KEYWORDS`` set to ``values``; None for the other methods."""
    samplers, estimate, concept = _SAMPLING[function]
    options = dict(zip(_ESTIMATOR_KEYWORDS, values))
    if method not in samplers:
        check_options(
            method,
            {key: options.get(key) for key in SAMPLING_OPTIONS},
            dict.fromkeys(samplers, SAMPLING_OPTIONS),
            function=function,
            takers="sampling methods",
        )
        return None
    game = as_simple_game(game, function)  # the estimator picks its oracle (as_oracle)
    return estimate(game, method=method, concept=concept, **options)


#: The choices of ``method=`` in :func:`shapley_shubik_index`: the exact and float engines
#: of :mod:`coalitions.power._engines`, then the sampling estimators.
SHAPLEY_SHUBIK_METHODS = (*METHODS, "window-series", "major-minor", *SHAPLEY_SAMPLERS)


@front_door(SHAPLEY_SHUBIK_METHODS)
def shapley_shubik_index(
    game: Any,
    *,
    method: str = "auto",
    budget: int | None = None,
    rng: Any = None,
    executor: Any = None,
    callback: Any = None,
    confidence: float = 0.95,
) -> PowerIndexResult:
    r"""The Shapley-Shubik index: the share of the ``n!`` voting orders in which a player is
    pivotal.

    .. math:: \phi_i = \sum_{S \subseteq N \setminus i,\ S \notin W,\ S \cup i \in W}
              \frac{|S|!\,(n-|S|-1)!}{n!}

    Parameters
    ----------
    game : SimpleGame, WeightedVotingGame, CompoundGame, or a ternary game
        A :class:`~coalitions.TernaryVotingGame` (yes/abstain/no) gets the Felsenthal-Machover
        index: the probability of being the pivot of a random roll call with every profile
        equally likely (methods ``"auto"``, ``"exact"`` for weighted ternary games,
        ``"enumeration"``; see :mod:`coalitions.power.ternary`).
    method : str, default "auto"
        ``"auto"``, ``"exact"``, ``"bdd"``, ``"float"``, ``"mitm"``, ``"enumeration"``,
        ``"window-series"``, ``"major-minor"`` or a sampling method (below).
        ``"exact"``: generating function over (size, weight) with exact integers,
        O(n^2 q') with ``q' = min(q, T - q + 1)`` (``T`` the total weight): the losing
        coalitions (EPIC's "from below", ``SHB``) when the quota is the smaller, else
        those of the dual game ``[T - q + 1; w]``, the complements of the winning ones
        (EPIC's ``SH``);
        ``"bdd"``: the quota-ordered decision diagram, exact for weights of any size;
        ``"float"``: Owen's multilinear extension, ``phi_i = int_0^1 P_p(q - w_i <= W_{-i}
        < q) dp``, integrated exactly by Gauss-Legendre with ``n // 2 + 1`` nodes, each node a
        subtraction-free leave-one-out product tree (relative error about 1e-13 for any n);
        ``"mitm"``: meet in the middle (compound rules, huge weights, n <= 40);
        ``"enumeration"``: the 2**n table (n <= 25);
        ``"window-series"`` (weighted games only): the same integral with the fewest
        Gauss-Legendre nodes whose error is proven below 1e-13, one weight distribution for
        each node pair ``t, 1 - t`` and each player's leave-one-out read from it as a series
        of ``q / w_i`` window masses; each player's proven error bound (quadrature, rounding)
        is in ``error_bound`` (``exact`` is False; see :mod:`coalitions.power._window_series`).
        ``"auto"`` takes it where it would take ``"float"``: 7-18 times faster on bodies of
        64-1,000 members, an IMF-sized body (190 members, 5 million votes) in seconds;
        ``"major-minor"`` (weighted games only): Leech's (2003) approximation for large bodies,
        the (at most) 10 largest members enumerated exactly and the others' total weight taken as
        normal, with each player's Berry-Esseen error bound in ``error_bound`` (``exact`` is
        False; see :mod:`coalitions.power._major_minor`). The sampling estimators of
        :func:`coalitions.shapley_value` (``"permutation"``, ``"antithetic"``,
        ``"stratified"``, ``"neyman"``, ``"svarm"``, ``"kernel"``) also apply, with ``budget``
        (value evaluations), ``rng``, ``executor``, ``callback`` and ``confidence``, and
        return an :class:`~coalitions.EstimateResult` with standard errors.

    Returns
    -------
    PowerIndexResult or EstimateResult
        ``x`` sums to one; ``counts`` are the numbers of pivotal orderings (exact methods),
        ``denominator`` is ``n!``.

    Raises
    ------
    TooLargeError
        When the method cannot handle this many players (the message names one that can).
    InvalidArgumentError
        For ``method="major-minor"`` on a game that is not a weighted voting game.

    References
    ----------
    .. [1] Shapley, L. S. and Shubik, M. (1954). A method for evaluating the distribution of
       power in a committee system. *American Political Science Review* 48(3), 787-792.
    .. [2] Owen, G. (1972). Multilinear extensions of games. *Management Science* 18(5),
       64-79.
    .. [3] Leech, D. (2003). Computing power indices for large voting games. *Management
       Science* 49(6).

    Examples
    --------
    The UN Security Council: five permanent members (weight 7) and ten elected (weight 1),
    quota 39 (nine votes including all five permanent ones).

    >>> import coalitions as co
    >>> unsc = co.WeightedVotingGame(39, [7] * 5 + [1] * 10)
    >>> ss = co.shapley_shubik_index(unsc)
    >>> ss.x[0], ss.x[5]
    (Fraction(421, 2145), Fraction(4, 2145))
    """
    if isinstance(game, TernaryVotingGame):
        from .ternary import ternary_shapley_shubik  # it builds its results with _exact

        return ternary_shapley_shubik(game, method)
    if isinstance(game, JKSimpleGame):
        from .jk import jk_shapley_shubik

        return jk_shapley_shubik(game, method=method)
    options = (budget, rng, executor, callback, confidence)
    sampled = _sampled(game, method, "shapley_shubik_index", options)
    if sampled is not None:
        return sampled
    if method == "major-minor":
        return _major_minor(game)
    if method == "window-series":
        return _window_series(game)
    game = as_simple_game(game, "shapley_shubik_index")
    counts = en.swing_counts(game, method, by_size=True, function="shapley_shubik_index")
    n = game.n_players
    if counts is None:
        if method == "auto" and _series_fits(en.reduced(game)):
            return _window_series(game)
        ss, _ = _float_ss(game)
        return _result(game, ss, exact=False, concept="shapley-shubik", method="float")
    weights = [math.factorial(s) * math.factorial(n - 1 - s) for s in range(n)]
    pivots = [sum(int(c) * w for c, w in zip(row, weights)) for row in counts.swings_by_size]
    return _exact(game, "shapley-shubik", counts.method, math.factorial(n), pivots)


def _reduced_weighted(game: Any, method: str) -> WeightedVotingGame:
    """The reduced weighted game (weights divided by their common divisor) that the
    approximations of large bodies need, or the argument error."""
    if not isinstance(game, WeightedVotingGame):
        raise InvalidArgumentError(
            f"method={method!r} needs a WeightedVotingGame (weights and a quota), got "
            f"{type(game).__name__}; use method='auto' for other simple games"
        )
    return en.reduced(game)


def _bounded(
    game: Any, method: str, index: Any, bound: Any, how: str, why: str
) -> PowerIndexResult:
    """A float Shapley-Shubik index with a bound on each player's error: ``how`` it was
    computed and ``why`` the bound holds, for the message."""
    largest = float(np.max(bound)) if len(bound) else 0.0
    return PowerIndexResult(
        x=nb.read_only(index),
        players=game.players,
        exact=False,
        concept="shapley-shubik",
        method=method,
        error_bound=nb.read_only(bound),
        message=f"{how}; |x_i - phi_i| <= error_bound[i] (largest {largest:.3g}: {why})",
    )


def _major_minor(game: Any) -> PowerIndexResult:
    """Leech's major/minor approximation, with its per-player error bound."""
    # integer weights with greatest common divisor 1: the continuity correction is 1/2
    small = _reduced_weighted(game, "major-minor")
    index, bound, quadrature, majors = major_minor_shapley_shubik(
        list(small.int_weights), small.int_quota, DEFAULT_MAJORS
    )
    how = (
        f"Leech's major/minor approximation: the {majors} largest members enumerated "
        f"exactly, the others' weight normal"
    )
    why = (
        f"Berry-Esseen, C = {BERRY_ESSEEN_CONSTANT}, plus the quadrature estimate {quadrature:.2g}"
    )
    return _bounded(game, "major-minor", index, bound, how, why)


def _series_fits(game: WeightedVotingGame) -> bool:
    """Whether the window series' distribution (the larger of the quota and the mirrored
    quota, in a reduced game) is within :data:`MAX_SERIES_LENGTH`."""
    q = game.int_quota
    return max(q, sum(game.int_weights) - q + 1) <= MAX_SERIES_LENGTH


def _window_series(game: Any) -> PowerIndexResult:
    """Owen's integral by the window series, with each player's proven error bound."""
    small = _reduced_weighted(game, "window-series")
    if not _series_fits(small):
        raise TooLargeError(
            f"shapley_shubik_index(method='window-series') builds a distribution as long as "
            f"the quota (reduced by the weights' common divisor: {small.int_quota}), more "
            f"than the {MAX_SERIES_LENGTH:,} entries it allows; use method='bdd' (exact for "
            f"weights of any size when few distinct sums arise) or a sampling method "
            f"(method='permutation', budget=100_000)"
        )
    index, bound, nodes = window_series_shapley_shubik(list(small.int_weights), small.int_quota)
    how = f"Owen's integral with {nodes} Gauss-Legendre nodes and window series"
    return _bounded(game, "window-series", index, bound, how, "quadrature and rounding")


#: The choices of ``method=`` in :func:`banzhaf_index`: the engines, then the estimators.
BANZHAF_INDEX_METHODS = (*METHODS, *BANZHAF_SAMPLERS)


@front_door(BANZHAF_INDEX_METHODS)
def banzhaf_index(
    game: Any,
    *,
    normalized: bool = True,
    method: str = "auto",
    budget: int | None = None,
    rng: Any = None,
    executor: Any = None,
    callback: Any = None,
    confidence: float = 0.95,
) -> PowerIndexResult:
    r"""The Banzhaf index: how often a player swings a coalition from losing to winning.

    Swings :math:`\eta_i = \#\{S \subseteq N \setminus i : S \notin W, S \cup i \in W\}`;
    absolute (Penrose-Banzhaf) index :math:`\eta_i / 2^{n-1}`; normalised index
    :math:`\eta_i / \sum_j \eta_j`.

    Parameters
    ----------
    game : simple game, or a ternary game
        A :class:`~coalitions.TernaryVotingGame` (yes/abstain/no) gets the measure
        ``eta_i / 3**(n-1)``, the probability of being decisive with every profile equally
        likely (absolute), or ``eta_i / sum_j eta_j`` (methods ``"auto"``, ``"exact"``,
        ``"enumeration"``; see :mod:`coalitions.power.ternary`).
    normalized : bool
        True (default) for the normalised index, False for the absolute one.
    method : {"auto", "exact", "bdd", "float", "mitm", "enumeration"}
        ``"exact"``: generating function over weights with exact integers, O(n q') with
        ``q' = min(q, T - q + 1)`` (the cheaper of EPIC's "from below", ``BZB``, and
        "from above", ``BZ``: the same index);
        ``"bdd"``: the quota-ordered decision diagram, exact for weights of any size;
        ``"float"``: subtraction-free leave-one-out products of ``(1 + x^{w_j})/2``,
        O(n q) per tree level with shrinking windows.
        The sampling estimators of :func:`coalitions.banzhaf_value` (``"sampling"``,
        ``"msr"``) estimate the absolute index (``normalized=False``) with standard errors.

    Returns
    -------
    PowerIndexResult
        ``counts`` are the swings (exact methods), ``denominator`` what they are divided by.

    References
    ----------
    .. [1] Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis.
       *Rutgers Law Review* 19, 317-343.
    .. [2] Penrose, L. S. (1946). The elementary statistics of majority voting. *Journal of
       the Royal Statistical Society* 109(1), 53-57.

    Examples
    --------
    >>> import coalitions as co
    >>> eec = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])
    >>> [str(v) for v in co.banzhaf_index(eec).x]
    ['5/21', '5/21', '5/21', '1/7', '1/7', '0']
    >>> co.banzhaf_index(eec).counts
    (10, 10, 10, 6, 6, 0)
    """
    if isinstance(game, TernaryVotingGame):
        from .ternary import ternary_banzhaf

        return ternary_banzhaf(game, normalized, method)
    if isinstance(game, JKSimpleGame):
        from .jk import jk_banzhaf

        return jk_banzhaf(game, normalized=normalized, method=method)
    if method in BANZHAF_SAMPLERS and normalized:
        raise InvalidArgumentError(
            f"method={method!r} estimates the absolute Banzhaf index; pass normalized=False "
            "(the normalised index is a ratio of estimates, without an unbiased estimator)."
        )
    options = (budget, rng, executor, callback, confidence)
    sampled = _sampled(game, method, "banzhaf_index", options)
    if sampled is not None:
        return sampled
    game, exact, swings, used = _swings(game, method, "banzhaf_index")
    n = game.n_players
    if exact:
        total = sum(swings) if normalized else 2 ** (n - 1)
        values = None if total else [Fraction(0)] * n
        return _exact(game, "banzhaf", used, total, swings, values, normalized=normalized)
    absolute = np.asarray(swings, dtype=np.float64)
    shares = absolute / absolute.sum() if normalized and absolute.sum() > 0 else absolute
    return _result(game, shares, exact=False, concept="banzhaf", method=used, normalized=normalized)


def _winning(game, method: str, function: str):
    counts = en.swing_counts(game, method, by_size=False, function=function)
    if counts is None:
        win, lose = _float_win_lose(game)
        return False, win, lose, "float"
    w = counts.winning()
    total = 2**game.n_players
    return True, w, total - w, counts.method


#: The choices of ``method=`` of the indices computed from exact counts (Coleman's, Rae's,
#: the risk of being outvoted, :func:`power_indices`): the engines of
#: :mod:`coalitions.power._engines`.
COUNT_METHODS = METHODS

_COUNTING = """
    Parameters
    ----------
    game : SimpleGame, WeightedVotingGame or CompoundGame
    method : {"auto", "exact", "bdd", "float", "mitm", "enumeration"}, default "auto"
        The counting engine (``COUNT_METHODS``), as in :func:`banzhaf_index`.
"""


@front_door(COUNT_METHODS)
@fill_doc(counting=_COUNTING)
def coleman_power_to_act(game: Any, *, method: str = "auto") -> PowerToActResult:
    r"""Coleman's power of the collectivity to act: the share of coalitions that win,
    :math:`A = |W| / 2^n` (the chance that a proposal passes when every member votes yes
    or no with probability 1/2).

    {{counting}}

    References
    ----------
    .. [1] Coleman, J. S. (1971). Control of collectivities and the power of a collectivity
       to act. In B. Lieberman (ed.), *Social Choice*, Gordon and Breach, 269-300.

    Examples
    --------
    >>> import coalitions as co
    >>> co.coleman_power_to_act(co.WeightedVotingGame(39, [7] * 5 + [1] * 10)).value
    Fraction(53, 2048)
    """
    game = as_simple_game(game, "coleman_power_to_act")
    exact, win, lose, used = _winning(game, method, "coleman_power_to_act")
    total = 2**game.n_players
    value = Fraction(win, total) if exact else float(win)
    return PowerToActResult(
        value=value,
        winning=win if exact else None,
        coalitions=total,
        exact=exact,
        concept="coleman-power-to-act",
        method=used,
    )


@front_door(COUNT_METHODS)
@fill_doc(counting=_COUNTING)
def coleman_power_to_prevent(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""Coleman's power to prevent action: :math:`\eta_i / |W|`, the share of winning
    coalitions a member can turn into losing ones by leaving. Veto players have 1.

    {{counting}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.coleman_power_to_prevent(co.WeightedVotingGame(39, [7] * 5 + [1] * 10)).x[0]
    Fraction(1, 1)
    """
    return _coleman(game, method, "coleman_power_to_prevent", "coleman-prevent", losing=False)


@front_door(COUNT_METHODS)
@fill_doc(counting=_COUNTING)
def coleman_power_to_initiate(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""Coleman's power to initiate action: :math:`\eta_i / (2^n - |W|)`, the share of
    losing coalitions a member can turn into winning ones by joining.

    {{counting}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.coleman_power_to_initiate(co.WeightedVotingGame(2, [1, 1, 1])).x.tolist()
    [Fraction(1, 2), Fraction(1, 2), Fraction(1, 2)]
    """
    return _coleman(game, method, "coleman_power_to_initiate", "coleman-initiate", losing=True)


def _coleman(
    game: Any, method: str, function: str, concept: str, *, losing: bool
) -> PowerIndexResult:
    """Swings over the number of winning (``losing=False``) or losing coalitions."""
    game, exact, swings, used = _swings(game, method, function)
    _, win, lose, _ = _winning(game, method, function)
    total = lose if losing else win
    if exact:
        return _exact(game, concept, used, total, swings)
    values = np.asarray(swings) / (2.0 * total)
    return _result(game, values, exact=False, concept=concept, method=used)


@front_door(COUNT_METHODS)
@fill_doc(counting=_COUNTING)
def rae_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""Rae's index: the probability that the outcome agrees with a member's vote when all
    vote yes or no at random, :math:`1/2 + \eta_i / 2^n` (Penrose's identity).

    {{counting}}

    References
    ----------
    .. [1] Rae, D. W. (1969). Decision-rules and individual values in constitutional choice.
       *American Political Science Review* 63(1), 40-56.

    Examples
    --------
    >>> import coalitions as co
    >>> co.rae_index(co.WeightedVotingGame(1, [1])).x.tolist()   # a dictator always agrees
    [Fraction(1, 1)]
    """
    game, exact, swings, used = _swings(game, method, "rae_index")
    n = game.n_players
    if exact:
        values = [Fraction(1, 2) + Fraction(s, 2**n) for s in swings]
        return _exact(game, "rae", used, 2**n, swings, values)
    return _result(game, 0.5 + np.asarray(swings) / 2.0, exact=False, concept="rae", method=used)


@front_door(COUNT_METHODS)
@fill_doc(counting=_COUNTING)
def risk_of_being_outvoted(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""Each member's risk of being outvoted: the probability that the body decides yes while
    the member votes no, given the member's no, :math:`(|W| - \eta_i) / 2^n` (random votes).
    Veto players have risk 0; under unanimity everybody has.

    Notes
    -----
    In float mode this is the difference ``A - beta'_i / 2`` and is accurate to about 1e-16
    in absolute terms (not relative).

    {{counting}}

    Examples
    --------
    >>> import coalitions as co
    >>> co.risk_of_being_outvoted(co.WeightedVotingGame(2, [1, 1, 1])).x.tolist()
    [Fraction(1, 4), Fraction(1, 4), Fraction(1, 4)]
    """
    game, exact, swings, used = _swings(game, method, "risk_of_being_outvoted")
    _, win, lose, _ = _winning(game, method, "risk_of_being_outvoted")
    n = game.n_players
    if exact:
        return _exact(game, "risk-of-being-outvoted", used, 2**n, [win - s for s in swings])
    values = np.maximum(win - np.asarray(swings) / 2.0, 0.0)
    return _result(game, values, exact=False, concept="risk-of-being-outvoted", method=used)


def _winning_containing(game: Any, method: str, function: str):
    """(game, exact, ``|W_i|`` per player, swings, ``|W|``, method used). In floats: the
    shares ``|W_i| / 2**(n-1) = A + beta'_i / 2`` and ``beta'_i``, ``A`` (power to act)."""
    game, exact, swings, used = _swings(game, method, function)
    _, win, _, _ = _winning(game, method, function)
    if exact:
        return game, True, [(win + s) // 2 for s in swings], swings, win, used
    absolute = np.asarray(swings, dtype=np.float64)
    return game, False, win + absolute / 2.0, absolute, win, used


#: The second source of both public help indices, with their published values.
_STACH_2016 = """
    .. [2] Stach, I. (2016). Power measures and public goods. *Transactions on Computational
       Collective Intelligence* XXIII, Springer, 99-110."""

#: The docstring sections of the indices of the winning coalitions containing a player.
_CONTAINING = {
    "counting": _COUNTING
    + """
    Returns
    -------
    PowerIndexResult
        ``counts`` are the numbers ``|W_i|`` of winning coalitions containing each player
        (exact methods), ``denominator`` what they are divided by.

    Notes
    -----
    Every coalition ``T`` without ``i`` is losing with ``T + i`` winning (a swing) or both
    win, so ``|W_i| = (|W| + eta_i) / 2``: the index costs what the Banzhaf index costs
    (generating functions for weighted games, not 2**n enumeration).
""",
    "game": """
    The game of Stach (2016, p. 105): ``{a, b}``, ``{a, c}`` and the grand coalition win.

    >>> import coalitions as co
    >>> game = co.WeightedVotingGame(3, [2, 1, 1], players=["a", "b", "c"])

""",
}


@front_door(COUNT_METHODS)
@fill_doc(stach=_STACH_2016, **_CONTAINING)
def public_help_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The Public Help index :math:`\theta`: the winning coalitions containing a player,
    normalised, :math:`\theta_i = |W_i| / \sum_j |W_j|` (a member of a winning coalition is
    helped by it whether or not it is critical).

    {{counting}}

    References
    ----------
    .. [1] Bertini, C., Gambarelli, G. and Stach, I. (2008). A public help index. In
       M. Braham and F. Steffen (eds.), *Power, Freedom, and Voting*, Springer, 83-98.
    {{stach}}

    Examples
    --------
    {{game}}
    >>> [str(v) for v in co.public_help_index(game).x]
    ['3/7', '2/7', '2/7']
    """
    game, exact, containing, _, _, used = _winning_containing(game, method, "public_help_index")
    if exact:
        total = sum(containing)
        return _exact(game, "public-help", used, total, containing, normalized=True)
    shares = np.asarray(containing) / np.sum(containing)
    return _result(game, shares, exact=False, concept="public-help", method=used, normalized=True)


@front_door(COUNT_METHODS)
@fill_doc(**_CONTAINING)
def koenig_braeuninger_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The König-Bräuninger inclusiveness index: the share of the winning coalitions that
    contain a player, :math:`KB_i = |W_i| / |W|` (the chance of being on the winning side of
    a random winning coalition; Nevison, Zicht and Schoepke's "Zipke" index).

    {{counting}}

    References
    ----------
    .. [1] König, T. and Bräuninger, T. (1998). The inclusiveness of European decision
       rules. *Journal of Theoretical Politics* 10(1), 125-142.

    Examples
    --------
    {{game}}
    >>> [str(v) for v in co.koenig_braeuninger_index(game).x]
    ['1', '2/3', '2/3']
    """
    game, exact, containing, _, win, used = _winning_containing(
        game, method, "koenig_braeuninger_index"
    )
    if exact:
        return _exact(game, "koenig-braeuninger", used, win, containing)
    values = np.asarray(containing) / (2.0 * win) if win > 0 else np.zeros(game.n_players)
    return _result(game, values, exact=False, concept="koenig-braeuninger", method=used)


@front_door(COUNT_METHODS)
@fill_doc(**_CONTAINING)
def nevison_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""Nevison's Z index: the probability that a player votes yes and the proposal passes
    given its yes, when everybody votes yes or no at random, :math:`Z_i = |W_i| / 2^{n-1}`.

    {{counting}}

    References
    ----------
    .. [1] Nevison, C. H. (1979). Structural power and satisfaction in simple games. In
       S. J. Brams, A. Schotter and G. Schwödiauer (eds.), *Applied Game Theory*,
       Physica-Verlag, 39-57.

    Examples
    --------
    {{game}}
    >>> [str(v) for v in co.nevison_index(game).x]
    ['3/4', '1/2', '1/2']
    """
    game, exact, containing, _, _, used = _winning_containing(game, method, "nevison_index")
    if exact:
        return _exact(game, "nevison", used, 2 ** (game.n_players - 1), containing)
    return _result(game, np.asarray(containing), exact=False, concept="nevison", method=used)


@front_door(COUNT_METHODS)
@fill_doc(**_CONTAINING)
def barua_chakravarty_sarkar_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The Barua-Chakravarty-Sarkar index: the share of the winning coalitions containing
    a player in which it is critical, :math:`BCS_i = \eta_i / |W_i|` (0 when ``W_i`` is
    empty). Not normalised: a veto player of a game whose only winning coalition is the grand
    coalition has 1.

    {{counting}}

    References
    ----------
    .. [1] Barua, R., Chakravarty, S. R. and Sarkar, P. (2012). Measuring p-power of voting.
       *Journal of Economic Theory and Social Development* 1(1), 81-91.
    .. [2] Chakravarty, S. R., Mitra, M. and Sarkar, P. (2015). *A Course on Cooperative
       Game Theory*. Cambridge University Press, 120-123.

    Examples
    --------
    {{game}}
    >>> [str(v) for v in co.barua_chakravarty_sarkar_index(game).x]
    ['1', '1/2', '1/2']
    """
    game, exact, containing, swings, _, used = _winning_containing(
        game, method, "barua_chakravarty_sarkar_index"
    )
    concept = "barua-chakravarty-sarkar"
    if exact:
        values = [Fraction(s, c) if c else Fraction(0) for s, c in zip(swings, containing)]
        return _exact(game, concept, used, None, swings, values)
    share = np.asarray(containing)
    values = np.divide(swings, share, out=np.zeros(game.n_players), where=share > 0)
    return _result(game, values, exact=False, concept=concept, method=used)


#: The choices of ``method=`` of :func:`public_help_xi_index` and :func:`coalition_counts`:
#: the exact counting engines (their counts have no float form).
EXACT_COUNT_METHODS = tuple(m for m in METHODS if m != "float")


def _exact_counts(game: Any, method: str, function: str, *, by_size: bool) -> Any:
    """Exact counts (``method="auto"`` takes any exact engine that fits)."""
    check_method(method, EXACT_COUNT_METHODS, function=function)
    engine = "exact" if method == "auto" else method
    return en.swing_counts(game, engine, by_size=by_size, function=function)


@front_door(EXACT_COUNT_METHODS)
@fill_doc(game=_CONTAINING["game"], stach=_STACH_2016)
def public_help_xi_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The Public Help index :math:`\xi`: a winning coalition ``S`` drawn with probability
    proportional to :math:`1/|S|` shares one unit equally among its members.

    .. math:: \xi_i = \frac{\sum_{S \in W,\ i \in S} 1/|S|^2}{\sum_{S \in W} 1/|S|}

    (the Deegan-Packel construction over all winning coalitions).

    Parameters
    ----------
    game : SimpleGame, WeightedVotingGame or CompoundGame
    method : {"auto", "exact", "bdd", "mitm", "enumeration"}, default "auto"
        An exact counting engine (``"auto"``: any that fits), as in :func:`banzhaf_index`;
        the index needs the winning coalitions by size, which the float method does not
        give.

    Returns
    -------
    PowerIndexResult
        ``x`` in Fractions, summing to one.

    Raises
    ------
    TooLargeError
        When no exact engine fits the game (the message names what does).

    Notes
    -----
    The winning coalitions of size ``s`` containing ``i`` follow from the swings by size:
    ``W_i(s) = W(s - 1) - W_i(s - 1) + eta_i(s - 1)``, so weighted games are counted by
    generating functions over (size, weight), not by enumeration.

    References
    ----------
    .. [1] Bertini, C. and Stach, I. (2015). On public values and power indices. *Decision
       Making in Manufacturing and Services* 9(1), 9-25.
    {{stach}}

    Examples
    --------
    {{game}}
    >>> [str(v) for v in co.public_help_xi_index(game).x]
    ['11/24', '13/48', '13/48']
    """
    game = as_simple_game(game, "public_help_xi_index")
    counts = _exact_counts(game, method, "public_help_xi_index", by_size=True)
    containing = en.winning_with(counts)
    total = sum(
        (Fraction(int(c), s) for s, c in enumerate(counts.winning_by_size) if s), Fraction(0)
    )
    shares: dict[tuple[int, ...], Fraction] = {}  # players of equal weight share one row
    for row in map(tuple, containing):
        if row not in shares:
            shares[row] = sum(
                (Fraction(c, s * s) for s, c in enumerate(row) if s and c), Fraction(0)
            )
    values = [shares[tuple(row)] / total for row in containing]
    return _exact(game, "public-help-xi", counts.method, total, values=values, normalized=True)


def _membership_counts(masks: np.ndarray, n: int, sizes: np.ndarray | None = None):
    """For each player, how many masks contain them (optionally split by ``sizes``)."""
    members = mask_bits(masks, n, dtype=bool)
    if sizes is None:
        return [int(c) for c in members.sum(axis=0)]
    return [np.bincount(sizes[members[:, i]], minlength=n + 1) for i in range(n)]


#: The choices of ``method=`` in :func:`johnston_index`, :func:`deegan_packel_index`,
#: :func:`holler_index` and :func:`pivotal_players`: they enumerate the coalitions.
ENUMERATION_METHODS = ("enumeration",)

#: The docstring sections the three indices of minimal winning coalitions share.
_MINIMAL_WINNING = {
    "sections": """
        Parameters
        ----------
        game : SimpleGame, WeightedVotingGame or CompoundGame
            At most 25 players.
        method : {"enumeration"}
            The 2**n coalitions are enumerated for the minimal winning ones (the only
            method).

        Returns
        -------
        PowerIndexResult
            ``x`` in exact Fractions, summing to one; ``denominator`` is the normaliser.""",
    "compare": """
        Examples
        --------
        The three indices built on minimal winning coalitions, for one game:

        >>> import coalitions as co
        >>> game = co.WeightedVotingGame(3, [2, 1, 1])
        >>> for index in (co.johnston_index, co.deegan_packel_index, co.holler_index):
        ...     print(index.__name__, [str(v) for v in index(game).x])
        johnston_index ['2/3', '1/6', '1/6']
        deegan_packel_index ['1/2', '1/4', '1/4']
        holler_index ['1/2', '1/4', '1/4']

    """,
}


#: The docstring sections of the indices counted from the minimal winning coalitions.
_COUNTED = """
        Parameters
        ----------
        game : SimpleGame, WeightedVotingGame or CompoundGame
        method : {"auto", "exact", "enumeration"}, default "auto"
            ``"exact"``: the minimal winning coalitions of a weighted game counted by
            dynamic programming over (size, weight), ``O(n^2 q)`` per distinct weight;
            ``"enumeration"``: the 2**n table (any simple game, at most 25 players);
            ``"auto"``: the first for weighted games whose tables fit, else the second.

        Returns
        -------
        PowerIndexResult
            ``x`` in exact Fractions, summing to one; ``denominator`` is the normaliser.

        Raises
        ------
        TooLargeError
            When neither method fits (the message says why)."""


def _minimal_winning(game: Any, function: str):
    """The simple game, its minimal winning, vulnerable winning and critical-count data."""
    game = as_simple_game(game, function)
    return (game, *en.minimal_winning_data(game))


@front_door(ENUMERATION_METHODS)
@fill_doc(**_MINIMAL_WINNING)
def johnston_index(game: Any, *, method: str = "enumeration") -> PowerIndexResult:
    r"""The Johnston index: every vulnerable winning coalition (one with at least one critical
    member) gives each of its ``k`` critical members ``1/k``; the totals are normalised.

    {{sections}}

    References
    ----------
    .. [1] Johnston, R. J. (1978). On the measurement of power: some reactions to Laver.
       *Environment and Planning A* 10(8), 907-914.

    {{compare}}
    """
    game, minimal, vulnerable, critical = _minimal_winning(game, "johnston_index")
    n = game.n_players
    win = game.winning_table()
    raw = []
    for i in range(n):
        without, with_i = split_on(win, i)
        _, critical_with_i = split_on(critical, i)
        ks = critical_with_i[with_i & ~without]
        by_k = np.bincount(ks, minlength=n + 1)
        raw.append(sum((Fraction(int(c), k) for k, c in enumerate(by_k) if k and c), Fraction(0)))
    total = len(vulnerable)
    values = [r / total if total else Fraction(0) for r in raw]
    return _exact(game, "johnston", "enumeration", total, values=values, normalized=True)


@front_door(MINIMAL_METHODS)
@fill_doc(counted=_COUNTED, compare=_MINIMAL_WINNING["compare"])
def deegan_packel_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The Deegan-Packel index: a minimal winning coalition is drawn at random and shares
    one unit equally among its members.

    .. math:: DP_i = \frac{1}{|M|} \sum_{S \in M,\ i \in S} \frac{1}{|S|}

    {{counted}}

    References
    ----------
    .. [1] Deegan, J. and Packel, E. W. (1978). A new index of power for simple n-person
       games. *International Journal of Game Theory* 7(2), 113-123.

    {{compare}}
    """
    game, counts = _minimal_counts(game, method, "deegan_packel_index")
    m = sum(counts.by_size)
    values = [
        sum((Fraction(c, s) for s, c in enumerate(row) if s and c), Fraction(0)) / max(m, 1)
        for row in counts.member_by_size
    ]
    return _exact(game, "deegan-packel", counts.method, m, values=values, normalized=True)


@front_door(MINIMAL_METHODS)
@fill_doc(counted=_COUNTED, compare=_MINIMAL_WINNING["compare"])
def holler_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""Holler's public good index: the number of minimal winning coalitions containing a
    player, normalised to sum to one.

    {{counted}}

    References
    ----------
    .. [1] Holler, M. J. (1982). Forming coalitions and measuring voting power. *Political
       Studies* 30(2), 262-271.

    {{compare}}

    The counts are the numbers of minimal winning coalitions each player is in:

    >>> co.holler_index(game).counts
    (2, 1, 1)
    """
    game, counts = _minimal_counts(game, method, "holler_index")
    members = [sum(row) for row in counts.member_by_size]
    return _exact(game, "holler", counts.method, sum(members), members, normalized=True)


def _minimal_counts(game: Any, method: str, function: str):
    """The simple game and its counts of minimal winning coalitions."""
    game = as_simple_game(game, function)
    return game, en.minimal_winning_counts(game, method, function=function)


@front_door(MINIMAL_METHODS)
@fill_doc(counted=_COUNTED)
def felsenthal_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The Felsenthal index: Holler's public good index over the minimal winning coalitions
    of least size only, :math:`F_i = |L_i| / \sum_j |L_j|` with ``L`` the winning
    coalitions of the smallest size (a least-size coalition is drawn at random and shares one
    unit equally among its members).

    {{counted}}

    References
    ----------
    .. [1] Felsenthal, D. S. (2016). A well-behaved index of a priori P-power for simple
       n-person games. *Homo Oeconomicus* 33(4), 367-381.

    Examples
    --------
    In ``[5; 3, 2, 1, 1]`` the minimal winning coalitions are ``{A, B}`` and ``{A, C, D}``;
    only the pair has the least size, so C and D get nothing (Holler gives them 1/6 each).

    >>> import coalitions as co
    >>> [str(v) for v in co.felsenthal_index(co.WeightedVotingGame(5, [3, 2, 1, 1])).x]
    ['1/2', '1/2', '0', '0']
    """
    game, counts = _minimal_counts(game, method, "felsenthal_index")
    least = next((s for s, c in enumerate(counts.by_size) if c), 0)
    members = [row[least] if least else 0 for row in counts.member_by_size]
    return _exact(game, "felsenthal", counts.method, sum(members), members, normalized=True)


@front_door(MINIMAL_METHODS)
@fill_doc(counted=_COUNTED)
def colomer_martinez_index(game: Any, *, method: str = "auto") -> PowerIndexResult:
    r"""The Colomer-Martinez index of a weighted game: a minimal winning coalition is drawn
    at random and shares one unit in proportion to its members' weights.

    .. math:: CM_i = \frac{1}{|M|} \sum_{S \in M,\ i \in S} \frac{w_i}{w(S)}

    (the Deegan-Packel index with weights in place of heads).

    {{counted}}
    InvalidGameError
        If the game is not a WeightedVotingGame (the index needs weights).

    References
    ----------
    .. [1] Colomer, J. M. and Martinez, F. (1995). The paradox of coalition trading.
       *Journal of Theoretical Politics* 7(1), 41-63.

    Examples
    --------
    >>> import coalitions as co
    >>> [str(v) for v in co.colomer_martinez_index(co.WeightedVotingGame(3, [2, 1, 1])).x]
    ['2/3', '1/6', '1/6']
    """
    if not isinstance(game, WeightedVotingGame):
        as_simple_game(game, "colomer_martinez_index")
        raise InvalidGameError(
            "colomer_martinez_index needs a WeightedVotingGame (it shares power by weight), "
            f"got {type(game).__name__}."
        )
    game, counts = _minimal_counts(game, method, "colomer_martinez_index")
    m = sum(counts.by_size)
    weights = game.int_weights
    assert counts.member_by_weight is not None
    values = [
        sum((Fraction(c * w, total) for total, c in by_weight.items()), Fraction(0)) / max(m, 1)
        for w, by_weight in zip(weights, counts.member_by_weight)
    ]
    return _exact(game, "colomer-martinez", counts.method, m, values=values, normalized=True)


def tijs_index(game: Any) -> PowerIndexResult:
    r"""The Tijs index: equal shares for the veto players, nothing for the others.

    .. math:: T_i = \frac{1}{|V|} \text{ if } i \in V, \qquad T_i = 0 \text{ otherwise},

    where :math:`V` is the set of veto players (members of every winning coalition). It is
    the :math:`\tau`-value (Tijs 1981) of the simple game read as a 0/1 TU game: the utopia
    payoff :math:`M_i = v(N) - v(N \setminus i)` is 1 for a veto player and 0 otherwise, the
    minimal rights vanish when :math:`|V| \ge 2` (and give the single veto player 1 when
    :math:`|V| = 1`), and :math:`\tau = m + \alpha (M - m)` with :math:`\sum \tau_i = 1`
    is the equal split of the veto players. Without veto players :math:`\sum_i M_i = 0 <
    v(N)`: the game is not quasi-balanced and the index is undefined (EPIC refuses such
    games as well).

    Parameters
    ----------
    game : simple game
        Weighted, compound or listed; any size (``n`` evaluations of the rule, one per
        ``N \ {i}``, never the table of all coalitions).

    Returns
    -------
    PowerIndexResult
        Exact (``Fraction``), normalised; ``method`` is ``"veto-players"``.

    Raises
    ------
    InvalidGameError
        If the game has no veto player (the index is not defined), or is not a simple game.

    See Also
    --------
    coalitions.tau_value : the :math:`\tau`-value of any quasi-balanced TU game.
    coalitions.veto_players

    References
    ----------
    .. [1] Tijs, S. H. (1981). Bounds for the core and the :math:`\tau`-value. In
       O. Moeschlin and D. Pallaschke (eds.), *Game Theory and Mathematical Economics*,
       North-Holland, 123-132.
    .. [2] Stach, I. (2011). Tijs value. In K. Dowding (ed.), *Encyclopedia of Power*, SAGE,
       667-670.

    Examples
    --------
    >>> import coalitions as co
    >>> [str(v) for v in co.tijs_index(co.datasets.un_security_council()).x[:6]]
    ['1/5', '1/5', '1/5', '1/5', '1/5', '0']
    >>> co.tijs_index(co.WeightedVotingGame(5, [3, 2, 1])).x.tolist()
    [Fraction(1, 2), Fraction(1, 2), Fraction(0, 1)]
    """
    game = as_simple_game(game, "tijs_index")
    veto = set(veto_players(game))
    if not veto:
        raise InvalidGameError(
            "tijs_index: the game has no veto player, so the Tijs index (the tau-value of the "
            "simple game) is not defined; use another index, e.g. shapley_shubik_index."
        )
    share = Fraction(1, len(veto))
    values = [share if p in veto else Fraction(0) for p in game.players]
    return _result(game, values, exact=True, concept="tijs", method="veto-players", normalized=True)


#: The kinds of :func:`coalition_counts`.
COALITION_KINDS = ("winning", "minimal-winning", "least-minimal-winning", "swing")


@front_door(EXACT_COUNT_METHODS)
def coalition_counts(game: Any, kind: str = "winning", *, method: str = "auto") -> PowerIndexResult:
    r"""How many coalitions of a kind contain each player: winning coalitions ``|W_i|``,
    minimal winning coalitions ``|M_i|``, minimal winning coalitions of the least size
    ``|L_i|`` (those of :func:`felsenthal_index`; EPIC's single value ``WS`` is their
    number, the ``denominator``), or swings ``eta_i`` (coalitions ``S`` without ``i`` that
    lose while ``S + i`` wins).

    Parameters
    ----------
    game : SimpleGame, WeightedVotingGame or CompoundGame
    kind : {"winning", "minimal-winning", "least-minimal-winning", "swing"}
    method : {"auto", "exact", "bdd", "mitm", "enumeration"}, default "auto"
        The exact counting engine, as in :func:`banzhaf_index` (``"auto"``: any exact one
        that fits). Minimal winning coalitions take ``"auto"``, ``"exact"`` (the weights'
        dynamic programme) or ``"enumeration"``.

    Returns
    -------
    PowerIndexResult
        ``x`` and ``counts``: the counts as Python ints; ``denominator`` the number of
        coalitions of that kind (swings: their sum).

    Raises
    ------
    InvalidArgumentError
        For an unknown kind, or a method that does not count that kind.

    References
    ----------
    .. [1] Felsenthal, D. S. and Machover, M. (1998). *The Measurement of Voting Power*.
       Edward Elgar, ch. 3.

    Examples
    --------
    >>> import coalitions as co
    >>> eec = co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1])
    >>> co.coalition_counts(eec).counts, co.coalition_counts(eec).denominator
    ((12, 12, 12, 10, 10, 7), 14)
    >>> co.coalition_counts(eec, "minimal-winning").counts
    (3, 3, 3, 3, 3, 0)
    >>> least = co.coalition_counts(eec, "least-minimal-winning")   # France, Germany, Italy
    >>> least.counts, least.denominator
    ((1, 1, 1, 0, 0, 0), 1)
    >>> co.coalition_counts(eec, "swing").counts
    (10, 10, 10, 6, 6, 0)
    """
    kind = check_choice(kind, COALITION_KINDS, what="kind", function="coalition_counts")
    game = as_simple_game(game, "coalition_counts")
    concept = f"{kind}-coalition-counts"
    if kind in ("minimal-winning", "least-minimal-winning"):
        check_method(method, EXACT_COUNT_METHODS, function="coalition_counts")
        if method not in MINIMAL_METHODS:
            raise InvalidArgumentError(
                f"coalition_counts: method={method!r} does not count minimal winning "
                f"coalitions; use {', '.join(map(repr, MINIMAL_METHODS))}."
            )
        minimal = en.minimal_winning_counts(game, method, function="coalition_counts")
        if kind == "least-minimal-winning":
            least = next((s for s, c in enumerate(minimal.by_size) if c), 0)
            members = [row[least] for row in minimal.member_by_size]
            return _exact(game, concept, minimal.method, minimal.by_size[least], members, members)
        members = [sum(row) for row in minimal.member_by_size]
        return _exact(game, concept, minimal.method, sum(minimal.by_size), members, members)
    counts = _exact_counts(game, method, "coalition_counts", by_size=False)
    swings, win = counts.swings(), counts.winning()
    if kind == "swing":
        return _exact(game, concept, counts.method, sum(swings), swings, swings)
    containing = [(win + s) // 2 for s in swings]
    return _exact(game, concept, counts.method, win, containing, containing)


@front_door(ENUMERATION_METHODS)
def pivotal_players(
    game: Any, yes: Iterable[str] | int, *, method: str = "enumeration"
) -> PivotalResult:
    """Who is critical a posteriori, for one vote: members whose switch flips the outcome.

    Parameters
    ----------
    game : simple game
    yes : iterable of names, or a bitmask
        The members voting yes; everybody else votes no.
    method : {"enumeration"}
        Each member's switch tried in turn (the only method).

    Returns
    -------
    PivotalResult
        ``passed``, ``pivotal`` (the yes-voters who could sink it if it passed, or the
        no-voters who could carry it if it failed), ``yes`` and ``no``.

    Examples
    --------
    Sanctions under unanimity: 26 yes, Cyprus no.

    >>> import coalitions as co
    >>> eu = co.datasets.eu_council(rule="unanimity")
    >>> vote = co.pivotal_players(eu, [p for p in eu.players if p != "Cyprus"])
    >>> vote.passed, vote.pivotal
    (False, ('Cyprus',))
    >>> co.pivotal_players(co.datasets.eu_council(), vote.yes).pivotal   # under QMV
    ()
    """
    game = as_simple_game(game, "pivotal_players")
    if isinstance(yes, str):
        raise InvalidGameError("yes must be a list of names (or a mask), not one string.")
    mask = game.mask(yes)
    n = game.n_players
    # row i: the vote with member i switched (a boolean matrix, so any n fits)
    flips = np.tile(masks_to_matrix([mask], n), (n, 1))
    flips[np.arange(n), np.arange(n)] ^= True
    passed = game.is_winning(mask)
    outcomes = game.winning_matrix(flips)
    pivotal = tuple(p for i, p in enumerate(game.players) if bool(outcomes[i]) != passed)
    members = game.coalition(mask)
    return PivotalResult(
        x=np.asarray(outcomes, dtype=bool) != passed,
        players=game.players,
        exact=True,
        concept="pivotal-players",
        method="enumeration",
        passed=passed,
        pivotal=pivotal,
        yes=tuple(p for p in game.players if p in members),
        no=tuple(p for p in game.players if p not in members),
    )


#: Index names accepted by :func:`power_indices` and the CLI.
INDEX_NAMES = {
    "shapley-shubik": lambda g, m: shapley_shubik_index(g, method=m),
    "banzhaf": lambda g, m: banzhaf_index(g, method=m),
    "banzhaf-absolute": lambda g, m: banzhaf_index(g, normalized=False, method=m),
    "coleman-prevent": lambda g, m: coleman_power_to_prevent(g, method=m),
    "coleman-initiate": lambda g, m: coleman_power_to_initiate(g, method=m),
    "rae": lambda g, m: rae_index(g, method=m),
    "risk-of-being-outvoted": lambda g, m: risk_of_being_outvoted(g, method=m),
    "johnston": lambda g, m: johnston_index(g),
    "deegan-packel": lambda g, m: deegan_packel_index(g),
    "holler": lambda g, m: holler_index(g),
    "felsenthal": lambda g, m: felsenthal_index(g),
    "colomer-martinez": lambda g, m: colomer_martinez_index(g),
    "public-help": lambda g, m: public_help_index(g, method=m),
    "public-help-xi": lambda g, m: public_help_xi_index(g, method="auto" if m == "float" else m),
    "koenig-braeuninger": lambda g, m: koenig_braeuninger_index(g, method=m),
    "nevison": lambda g, m: nevison_index(g, method=m),
    "barua-chakravarty-sarkar": lambda g, m: barua_chakravarty_sarkar_index(g, method=m),
    "null-player-free-f": lambda g, m: _null_player_free().null_player_free_f_index(g, method=m),
    "null-player-free-g": lambda g, m: _null_player_free().null_player_free_g_index(
        g, method=_exact_method(m)
    ),
    "winning-count": lambda g, m: coalition_counts(g, "winning", method=_exact_method(m)),
    "minimal-winning-count": lambda g, m: coalition_counts(g, "minimal-winning"),
    "least-minimal-winning-count": lambda g, m: coalition_counts(g, "least-minimal-winning"),
    "swing-count": lambda g, m: coalition_counts(g, "swing", method=_exact_method(m)),
}
#: The names ``["all"]`` leaves out: counts of coalitions, not indices.
_COUNT_NAMES = (
    "winning-count",
    "minimal-winning-count",
    "least-minimal-winning-count",
    "swing-count",
)
#: The indices of minimal winning coalitions (and xi, by size): ``["all"]`` gives them when
#: they fit the game and leaves them out (saying so) when they do not.
_WHEN_THEY_FIT = (
    "johnston",
    "deegan-packel",
    "holler",
    "felsenthal",
    "colomer-martinez",
    "public-help-xi",
    "null-player-free-f",
    "null-player-free-g",
)


#: Index names accepted by :func:`power_indices` with ``unions=`` (indices of simple games
#: with a priori unions); the Owen family counts over the coalitions of unions whatever the
#: method, the Public Good family passes the method on.
UNION_INDEX_NAMES: dict[str, Callable[[Any, Any, str], Any]] = {
    "owen": lambda g, u, m: _owen_family().owen_index(g, u),
    "banzhaf-owen": lambda g, u, m: _owen_family().banzhaf_owen_index(g, u, normalized=True),
    "symmetric-coalitional-banzhaf": lambda g, u, m: (
        _owen_family().symmetric_coalitional_banzhaf_index(g, u, normalized=True)
    ),
    "union-public-good": lambda g, u, m: _union_pgi().union_public_good_index(g, u, method=m),
    "solidarity-public-good": lambda g, u, m: _union_pgi().solidarity_public_good_index(
        g, u, method=m
    ),
    "threat-public-good-1": lambda g, u, m: _threat(g, u, m, 1),
    "threat-public-good-2": lambda g, u, m: _threat(g, u, m, 2),
    "threat-public-good-3": lambda g, u, m: _threat(g, u, m, 3),
}
#: The union indices given when ``indices`` is not.
DEFAULT_UNION_INDICES = ("owen", "banzhaf-owen")


def _owen_family() -> Any:
    from ..solutions import owen  # the Owen indices live beside the Owen value

    return owen


def _null_player_free() -> Any:
    from . import null_player_free  # it imports this module

    return null_player_free


def _union_pgi() -> Any:
    from . import union_pgi  # it imports this module

    return union_pgi


def _threat(game: Any, unions: Any, method: str, threat: int) -> Any:
    return _union_pgi().threat_public_good_index(game, unions, threat=threat, method=method)


def _exact_method(method: str) -> str:
    """A counting method for exact counts: ``"float"`` gives none, so any exact one."""
    return "auto" if method == "float" else method


@front_door(COUNT_METHODS)
def power_indices(
    game: Any,
    indices: Sequence[str] | None = None,
    *,
    method: str = "auto",
    unions: Iterable[Iterable[str]] | None = None,
) -> PowerTableResult:
    """Several indices of one game at once (shared counts are computed once).

    Parameters
    ----------
    game : simple game
    indices : sequence of str, optional
        Names from :data:`INDEX_NAMES` (hyphens allowed), or ``["all"]``; default
        ``["shapley-shubik", "banzhaf"]``. With ``unions``: names from
        :data:`UNION_INDEX_NAMES` or ``["all"]``, default ``["owen", "banzhaf-owen"]``.
    method : {"auto", "exact", "bdd", "float", "mitm", "enumeration"}, default "auto"
        One of the counting methods (``COUNT_METHODS``), passed to every index. The sampling
        methods need a budget: call the single-index functions for them. With ``unions`` the
        Public Good indices take ``"auto"``, ``"exact"`` or ``"enumeration"``.
    unions : iterable of iterables of player names, optional
        A priori unions (blocs; players not listed stand alone): the table then holds the
        indices of the game with these unions (Owen, normalised Banzhaf-Owen and symmetric
        coalitional Banzhaf, the union, solidarity and threat Public Good indices), and
        ``power_to_act`` is the game's own.

    Returns
    -------
    PowerTableResult
        ``indices`` (name to the payoff vector), ``power_to_act`` (Coleman's), ``exact`` and
        ``method`` (the counting methods used).

    References
    ----------
    .. [1] Owen, G. (1977). Values of games with a priori unions. In *Mathematical Economics
       and Game Theory*, Springer, 76-88.

    Examples
    --------
    >>> import coalitions as co
    >>> table = co.power_indices(co.WeightedVotingGame(3, [2, 1, 1]), ["shapley-shubik", "holler"])
    >>> table.indices["shapley-shubik"].tolist(), table.power_to_act
    ([Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)], Fraction(3, 8))

    The G8 as seven against one (one union of seven):

    >>> g8 = co.WeightedVotingGame(8, [1] * 8, ["US", "JP", "DE", "FR", "UK", "IT", "CA", "RU"])
    >>> blocs = co.power_indices(g8, unions=[g8.players[:7]])
    >>> str(blocs.indices["owen"][7]), str(blocs.indices["banzhaf-owen"][7])
    ('1/2', '64/71')
    """
    game = as_simple_game(game, "power_indices")
    # no budget here: the sampling methods cannot run
    check_method(method, METHODS, function="power_indices")
    if unions is not None:
        return _union_table(game, unions, indices, method)
    if indices is None:
        indices = ("shapley-shubik", "banzhaf")
    listed = _index_names(indices, INDEX_NAMES, "index", _INDEX_ALIASES)
    every = listed is None
    if listed is None:
        names = [k for k in INDEX_NAMES if k not in _COUNT_NAMES]
        if not isinstance(game, WeightedVotingGame):
            names.remove("colomer-martinez")
        if game.n_players > en.MAX_ENUMERATION_PLAYERS:
            names.remove("johnston")
    else:
        names = listed
    columns, exact, used, left_out = {}, True, set(), []
    for name in names:
        try:
            result = INDEX_NAMES[name](game, method)
        except TooLargeError:
            if not every or name not in _WHEN_THEY_FIT:
                raise
            left_out.append(name)
            continue
        columns[name] = result.x
        exact = exact and result.exact
        used.add(result.method)
    notes = [f"too large for this game: {', '.join(left_out)}"] if left_out else []
    return _table(game, columns, exact, used, method, "power-indices", notes)


def _table(
    game: Any, columns: dict, exact: bool, used: set, method: str, concept: str, notes: list
) -> PowerTableResult:
    """The power table of ``columns`` (index name to payoffs), with Coleman's power to act;
    ``used`` are the indices' methods, ``notes`` what the message adds to them."""
    act = coleman_power_to_act(game, method=method)
    methods = sorted(used | {act.method})
    return PowerTableResult(
        players=game.players,
        indices=columns,
        exact=exact and act.exact,
        power_to_act=act.value,
        concept=concept,
        method=methods[0] if len(methods) == 1 else "auto",
        message="; ".join(
            ([f"methods used: {', '.join(methods)}"] if len(methods) > 1 else []) + notes
        ),
    )


#: Other spellings of the index names of :func:`power_indices`.
_INDEX_ALIASES = {
    "ss": "shapley-shubik",
    "shapley": "shapley-shubik",
    "bz": "banzhaf",
    "penrose": "banzhaf-absolute",
    "risk": "risk-of-being-outvoted",
    "prevent": "coleman-prevent",
    "initiate": "coleman-initiate",
    "pgi": "holler",
    "public-good": "holler",
    "dp": "deegan-packel",
    "public-help-theta": "public-help",
    "theta": "public-help",
    "xi": "public-help-xi",
    "kb": "koenig-braeuninger",
    "inclusiveness": "koenig-braeuninger",
    "bcs": "barua-chakravarty-sarkar",
    "cm": "colomer-martinez",
    "pif": "null-player-free-f",
    "pig": "null-player-free-g",
    "f-np": "null-player-free-f",
    "g-np": "null-player-free-g",
}


def _index_names(indices: Any, valid: Any, what: str, aliases: dict) -> list[str] | None:
    """The index names asked of :func:`power_indices` (labels, aliases resolved), or None for
    ``["all"]``; an empty list, ``"all"`` beside other names and unknown names are refused."""
    listed = as_list(
        [indices] if isinstance(indices, str) else indices,
        "power_indices: indices",
        InvalidArgumentError,
        expected=f"a list of {what} names ({', '.join(valid)}) or 'all'",
    )
    names = [as_label(name, "an index name", "power_indices") for name in listed]
    if not names:
        raise InvalidArgumentError("power_indices: give at least one index name, or ['all'].")
    if "all" in names:
        if len(names) > 1:
            raise InvalidArgumentError(
                f"power_indices: 'all' stands alone, got {names}; give ['all'] or name the indices."
            )
        return None
    names = [aliases.get(k, k) for k in names]
    for name in names:
        if name not in valid:
            unknown_choice(name, [*valid, "all"], what=what, plural="indices")
    return names


def _union_table(game: Any, unions: Any, indices: Any, method: str) -> PowerTableResult:
    """:func:`power_indices` with a priori unions."""
    listed = _index_names(
        DEFAULT_UNION_INDICES if indices is None else indices,
        UNION_INDEX_NAMES,
        "index with unions",
        {},
    )
    names = list(UNION_INDEX_NAMES) if listed is None else listed
    results = {name: UNION_INDEX_NAMES[name](game, unions, method) for name in names}
    columns = {name: result.x for name, result in results.items()}
    exact = all(result.exact for result in results.values())
    used = {result.method for result in results.values()}
    return _table(game, columns, exact, used, method, "power-indices-with-unions", [])


#: The choices of ``method=`` in :func:`decision_rule_sweep`.
SWEEP_METHODS = ("exact",)


@front_door(SWEEP_METHODS)
def decision_rule_sweep(
    game: WeightedVotingGame,
    quotas: Sequence[Any] | None = None,
    *,
    method: str = "exact",
    callback: Callable[[int, int], Any] | None = None,
) -> SweepResult:
    """Efficiency and protection as the quota runs from simple majority to unanimity.

    For each quota: Coleman's power to act (efficiency), each member's power to prevent
    action and risk of being outvoted (protection), exactly. One generating function over all
    weights serves every quota (cumulative sums of exact counts).

    Parameters
    ----------
    game : WeightedVotingGame
        The body; its own quota is ignored.
    quotas : sequence of numbers, optional
        Default: every integer quota from a simple majority of the total weight to the total
        (at most 101 evenly spread quotas when the total is larger than 100).
    method : {"exact"}
        Exact counts at each quota (the only method).
    callback : callable, optional
        Progress: ``callback(done, total)`` after each quota, as in the other solvers.

    Raises
    ------
    InvalidGameError
        If the game is not weighted, or a quota is outside ``(0, total]``.
    TooLargeError
        If the total integer weight exceeds 10**6 (population weights: round them).

    Examples
    --------
    >>> import coalitions as co
    >>> sweep = co.decision_rule_sweep(co.WeightedVotingGame(2, [1, 1, 1]))
    >>> sweep.quotas, [str(a) for a in sweep.power_to_act]
    ((2, 3), ['1/2', '1/8'])
    >>> [str(r) for r in sweep.risk_of_being_outvoted[:, 0]]
    ['1/4', '0']
    """
    from ..exceptions import TooLargeError

    if not isinstance(game, WeightedVotingGame):
        raise InvalidGameError(
            "decision_rule_sweep needs a WeightedVotingGame (the quota is "
            f"what it varies), got {type(game).__name__}."
        )
    weights = list(game.int_weights)
    scale = game._scale
    total = sum(weights)
    if total > 10**6:
        raise TooLargeError(
            f"the total integer weight is {total}; the sweep builds arrays of "
            "that length. Round the weights (e.g. populations in thousands)."
        )
    if quotas is None:
        low = total // 2 + 1
        if total - low + 1 <= 101:
            int_quotas = list(range(low, total + 1))
        else:
            int_quotas = sorted(set(int(round(v)) for v in np.linspace(low, total, 101)))
        shown: list[Any] = [Fraction(q, scale) for q in int_quotas]
    else:
        shown, int_quotas = [], []
        for q in as_list(
            quotas,
            "decision_rule_sweep: quotas",
            expected="a list of quotas (numbers), or None for a sweep",
        ):
            game.with_quota(q)  # validates the quota, with its message
            shown.append(q)
            int_quotas.append(math.ceil(Fraction(str(q)) * scale))
    n = len(weights)
    c = np.zeros(total + 1, dtype=object)
    c[:] = 0
    c[0] = 1
    for w in weights:
        if w:
            c[w:] = c[w:] + c[:-w]
        else:
            c = c * 2
    # suffix sums: at_least[x] = number of coalitions of weight >= x
    at_least = np.concatenate([np.cumsum(c[::-1])[::-1], np.array([0], dtype=object)])
    removed_prefix = {}
    for w in set(weights):
        if w == 0:
            d = c // 2
        else:
            d = en.remove_factor(c, w)
        removed_prefix[w] = np.concatenate([np.array([0], dtype=object), np.cumsum(d)])
    act, prevent, risk = [], [], []
    two_n = 2**n
    check_callback(callback, "decision_rule_sweep")
    for done, q in enumerate(int_quotas, 1):
        win = int(at_least[q])
        row_prevent, row_risk = [], []
        for w in weights:
            prefix = removed_prefix[w]
            swings = int(prefix[q]) - int(prefix[max(0, q - w)])
            row_prevent.append(Fraction(swings, win))
            row_risk.append(Fraction(win - swings, two_n))
        act.append(Fraction(win, two_n))
        prevent.append(row_prevent)
        risk.append(row_risk)
        if callback is not None:
            callback(done, len(int_quotas))

    def obj(rows):
        array = np.empty((len(rows), n), dtype=object)
        for k, row in enumerate(rows):
            array[k, :] = row
        return array

    quotas_shown = tuple(nb.int_if_integral(q) for q in shown)
    act_array = np.empty(len(act), dtype=object)
    act_array[:] = act
    return SweepResult(
        players=game.players,
        quotas=quotas_shown,
        power_to_act=act_array,
        power_to_prevent=obj(prevent),
        risk_of_being_outvoted=obj(risk),
        exact=True,
        concept="decision-rule-sweep",
        method="exact",
    )
