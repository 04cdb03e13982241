r"""Variants of the nucleolus: weighted, proportional and disruption nucleoli, the anti-nucleolus,
the nucleolus of a game with a coalition structure, the modiclus and the simplified modiclus.

Each one is the lexicographic centre of a different family of excesses, and each lands in the
one machinery of :mod:`coalitions.solutions.nucleolus` (problem, solve, certify, result):

* a weighted nucleolus divides the excess of ``S`` by a weight ``w(S) > 0`` (proportional:
  ``w(S) = v(S)``; disruption: ``w(S) = v(N) - v(S) - v(N \ S)``);
* the anti-nucleolus reads a game of worths as a game of costs (and back), so that the
  excess becomes the anti-excess ``x(S) - v(S)``;
* a coalition structure holds its blocks at ``x(B) = v(B)``;
* the modiclus and the simplified modiclus are prenucleoli of derived games (the dual cover
  on ``2n`` players, and ``(v + v^*) / 2``).

Kohlberg's criterion certifies each answer (exactly for rational games): it holds for any
positive weights, with the blocks of a structure as coalitions of free sign.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import (
    check_callback,
    check_numeric,
    check_tolerance,
    front_door,
    no_overflow,
    union_members,
)
from .._docstrings import fill_doc
from ..exceptions import InvalidArgumentError, InvalidGameError, TooLargeError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import NucleolusResult
from ._normal_form import normal_form
from .least_core import solve_least_core
from .nucleolus import (
    NUCLEOLUS_METHODS,
    _answer,
    _check_imputations_exist,
    _checked_problem,
    _nucleolus_front_door,
    _Problem,
)

__all__ = [
    "weighted_nucleolus",
    "proportional_nucleolus",
    "disruption_nucleolus",
    "anti_nucleolus",
    "anti_prenucleolus",
    "structure_nucleolus",
    "modiclus",
    "simplified_modiclus",
    "dual_cover_game",
    "MODICLUS_MAX_PLAYERS",
]

#: The modiclus solves the prenucleolus of a game on ``2n`` players (``4**n`` coalitions).
MODICLUS_MAX_PLAYERS = 9


def _check_weights(weights: Any, game: TUGame, function: str) -> list:
    """A table of ``2**n`` positive finite numbers (entries for the empty and the grand
    coalition are ignored)."""
    size = 1 << game.n_players
    if isinstance(weights, (str, bytes, dict)) or not isinstance(weights, Iterable):
        raise InvalidArgumentError(
            f"{function}: weights must be a sequence of {size} positive numbers, one per "
            f"coalition in bitmask order, got {type(weights).__name__}."
        )
    table = list(weights)
    if len(table) != size:
        raise InvalidArgumentError(
            f"{function}: weights must hold {size} numbers (one per coalition of the "
            f"{game.n_players} players, in bitmask order), got {len(table)}."
        )
    out = []
    for mask, w in enumerate(table):
        if isinstance(w, bool) or not isinstance(
            w, (int, float, Fraction, np.integer, np.floating)
        ):
            raise InvalidArgumentError(
                f"{function}: weight {mask} is {w!r}; weights must be positive numbers."
            )
        if 0 < mask < size - 1 and not (np.isfinite(float(w)) and w > 0):
            raise InvalidArgumentError(
                f"{function}: weight {mask} is {w!r}; every proper coalition needs a finite "
                "weight > 0."
            )
        out.append(w if 0 < mask < size - 1 else 1)
    return out


def _variant(game: Any, concept: str, method: str, atol: float, **extra: Any) -> _Problem:
    """Build the problem of ``concept`` (every variant's step 1)."""
    try:
        with np.errstate(over="raise", invalid="raise"):
            return _build(game, concept, method, atol, **extra)
    except FloatingPointError:
        raise InvalidGameError(
            f"{concept}: float arithmetic overflowed on worths this large; give the game "
            "exact values (int or Fraction) or rescale it with scaled_game(game, factor)."
        ) from None


def _build(game: Any, concept: str, method: str, atol: float, **extra: Any) -> _Problem:
    game = check_numeric(as_tu_game(game, concept), concept, "solves linear programs")
    atol = check_tolerance(atol, concept)
    n = game.n_players
    values = game.values
    full = (1 << n) - 1
    if concept == "weighted-nucleolus":
        weights = _check_weights(extra["weights"], game, concept)
        return _checked_problem(game, concept, method, atol, imputation=True, weights=weights)
    if concept == "proportional-nucleolus":
        inner = values[1:full]
        bad = np.flatnonzero(~np.asarray(inner >= 0, dtype=bool)) + 1
        if bad.size:
            raise InvalidGameError(
                f"{concept}: the proportional excess (v(S) - x(S)) / v(S) needs v(S) >= 0 for "
                f"every proper coalition; coalition {bad[0]} (bitmask) has worth "
                f"{values[bad[0]]}. Use nucleolus(game) or weighted_nucleolus(game, weights)."
            )
        zero = np.flatnonzero(np.asarray(inner == 0, dtype=bool)) + 1
        if zero.size == inner.size:
            raise InvalidGameError(
                f"{concept}: every proper coalition is worth 0, so there is no proportional "
                "excess to compare; use nucleolus(game)."
            )
        weights = values.copy()
        weights[zero] = 1
        skip = tuple(zero.tolist())
        return _checked_problem(
            game, concept, method, atol, imputation=True, weights=weights, skip=skip
        )
    if concept == "disruption-nucleolus":
        return _disruption(game, method, atol)
    if concept in ("anti-nucleolus", "anti-prenucleolus"):
        flipped = TUGame(game, cost=not game.is_cost)
        singles = sum(values[1 << i] for i in range(n))
        short = singles > values[full] if game.is_cost else singles < values[full]
        if concept == "anti-nucleolus" and short:
            bound = "at least" if game.is_cost else "at most"
            raise InvalidGameError(
                f"{concept}: the anti-imputation set is empty (the players' own numbers add "
                f"up to {singles}, and an anti-imputation gives each {bound} its own with "
                f"total {values[full]}); use anti_prenucleolus(game)."
            )
        return _checked_problem(
            flipped,
            concept,
            method,
            atol,
            imputation=concept == "anti-nucleolus",
            reported=game,
        )
    if concept == "structure-nucleolus":
        blocks = union_members(game.players, extra["structure"])
        given = tuple(sum(1 << i for i in block) for block in blocks)
        # x(N) is the blocks' total, not v(N): the grand coalition's excess is constant
        table = values.copy()
        table[full] = sum(values[mask] for mask in given)
        structured = TUGame(table, game.players, cost=game.is_cost)
        nf = normal_form(structured, concept)
        for block, mask in zip(blocks, given):
            if nf.exact and nf.value(mask) < 0 or not nf.exact and nf.floats[mask] < -atol:
                names = ", ".join(game.players[i] for i in block)
                raise InvalidGameError(
                    f"{concept}: block {{{names}}} is worth less than its members alone, so "
                    "no payoff splits its worth individually rationally; the nucleolus of "
                    "the coalition structure is not defined."
                )
        return _checked_problem(
            structured, concept, method, atol, imputation=True, given=given, reported=game
        )
    if concept == "modiclus":
        if n > MODICLUS_MAX_PLAYERS:
            raise TooLargeError(
                f"modiclus: at most {MODICLUS_MAX_PLAYERS} players (the dual cover game has "
                f"2n players and 4**n coalitions), this game has {n}; simplified_modiclus "
                "is the prenucleolus of a game on the same players."
            )
        return _checked_problem(
            _dual_cover(game), concept, method, atol, imputation=False, reported=game
        )
    if concept == "simplified-modiclus":
        return _checked_problem(
            _simplified_cover(game),
            concept,
            method,
            atol,
            imputation=False,
            reported=game,
            level_factor=2,
        )
    raise AssertionError(concept)  # pragma: no cover - the front doors name the concepts


def _dual(values: np.ndarray, full: int) -> np.ndarray:
    """The dual game's table: ``v*(S) = v(N) - v(N \\ S)``."""
    masks = np.arange(full + 1, dtype=np.int64)
    return values[full] - values[full ^ masks]


@no_overflow
def dual_cover_game(game: TUGame) -> TUGame:
    r"""The dual cover of a game (Sudhölter 1997): the game on ``N`` and a copy ``N*``.

    .. math::

        \tilde v(S \cup T^*) = \max\{v(S) + v^*(T),\; v^*(S) + v(T)\},
        \qquad v^*(T) = v(N) - v(N \setminus T),

    for all :math:`S, T \subseteq N`. At a payoff ``(x, x)`` the excess of
    :math:`S \cup T^*` is the larger of the two excess differences
    :math:`e(S, x) - e(N \setminus T, x)` and :math:`e(T, x) - e(N \setminus S, x)`, so the
    prenucleolus of the dual cover is ``(x, x)`` with ``x`` the modiclus.

    Parameters
    ----------
    game : TUGame
        A numeric game on ``n`` players; the worths are read as worths (a cost game's dual
        cover is that of its table).

    Returns
    -------
    TUGame
        A game of worths on ``2n`` players: ``game.players`` then their copies, named with a
        trailing ``*`` (players ``1, ..., 2n`` if such a name is already taken).

    References
    ----------
    .. [1] Sudhölter, P. (1997). The modified nucleolus: properties and axiomatizations.
       *International Journal of Game Theory* 26(2), 147-182.

    Examples
    --------
    >>> import coalitions as co
    >>> cover = co.dual_cover_game(co.majority_game(3))
    >>> cover.n_players, cover.grand_value
    (6, Fraction(2, 1))
    """
    game = check_numeric(as_tu_game(game, "dual_cover_game"), "dual_cover_game", "takes maxima")
    return _dual_cover(game)


def _dual_cover(game: TUGame) -> TUGame:
    n = game.n_players
    full = (1 << n) - 1
    values = game.values
    dual = _dual(values, full)
    masks = np.arange(1 << (2 * n), dtype=np.int64)
    low, high = masks & full, masks >> n
    table = np.maximum(values[low] + dual[high], dual[low] + values[high])
    players = [*game.players, *(f"{p}*" for p in game.players)]
    names = players if len(set(players)) == 2 * n else None
    return TUGame(table, names)


def _simplified_cover(game: TUGame) -> TUGame:
    """``(v + v*) / 2``, exactly for a rational game."""
    full = (1 << game.n_players) - 1
    values = game.values
    two = Fraction(2) if game.kind == nb.EXACT else 2.0
    table = (values + _dual(values, full)) / two
    return TUGame(table, game.players)


def _disruption(game: TUGame, method: str, atol: float) -> _Problem:
    concept = "disruption-nucleolus"
    n = game.n_players
    full = (1 << n) - 1
    sign = -1 if game.is_cost else 1
    values = game.values
    masks = np.arange(full + 1, dtype=np.int64)
    gaps = (values[full] - values - values[full ^ masks]) * sign
    inner = gaps[1:full]
    nf = normal_form(game, concept)
    _check_imputations_exist(nf, concept, atol)
    solution = solve_least_core(nf, atol)
    empty = (
        not solution.success
        or (solution.epsilon > 0 if solution.exact else nf.to_lp(solution.epsilon) > atol)
        or bool(np.any(np.asarray(inner < 0, dtype=bool)))
    )
    if empty:
        raise InvalidGameError(
            f"{concept}: the core is empty; the propensity to disrupt (Littlechild and Vaidya "
            "1976) is compared over core allocations only. Use nucleolus(game) or "
            "prenucleolus(game)."
        )
    tol = 0 if nf.exact else atol * max(1.0, float(np.max(np.abs(values.astype(float)))))
    flat = np.flatnonzero(np.asarray(inner <= tol, dtype=bool)) + 1
    weights = gaps.copy()
    weights[flat] = 1
    weights[0] = weights[full] = 1
    return _checked_problem(
        game, concept, method, atol, imputation=True, weights=weights, given=tuple(flat.tolist())
    )


def _variant_front_door(
    concept: str,
) -> Callable[[Callable[[], None]], Callable[..., NucleolusResult]]:
    """The public solver of ``concept``: the nucleolus front door with this module's step 1."""
    return _nucleolus_front_door(concept, _variant)


@_variant_front_door("proportional-nucleolus")
def proportional_nucleolus() -> None:
    r"""The proportional nucleolus: the nucleolus of the excesses relative to the worths.

    Lexicographically minimises the sorted proportional excesses
    :math:`(v(S) - x(S)) / v(S)` over the imputations (for a cost game
    :math:`(x(S) - c(S)) / c(S)`), the relative loss of each coalition (Young, Okada and
    Hashimoto 1982). Every proper coalition needs a worth (cost) :math:`\ge 0`; those
    worth 0 have no proportional excess and do not count.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal proportional excesses.

    Raises
    ------
    InvalidGameError
        If some proper coalition has ``v(S) < 0`` or the imputation set is empty.

    Notes
    -----
    The weighted nucleolus with :math:`w(S) = v(S)` (see :func:`weighted_nucleolus`).
    Unlike the nucleolus it is not covariant under adding an additive game, but it is
    homogeneous: scaling ``v`` scales the answer.

    References
    ----------
    .. [1] Young, H. P., Okada, N. and Hashimoto, T. (1982). Cost allocation in water
       resources development. *Water Resources Research* 18(3), 463-475.

    Examples
    --------
    CoopGame's example: v(12) = 48, v(13) = 60, v(23) = 72, v(N) = 140.

    >>> import coalitions as co
    >>> game = co.TUGame([0, 0, 0, 48, 0, 60, 72, 140])
    >>> co.proportional_nucleolus(game).x.tolist()
    [Fraction(28, 1), Fraction(140, 3), Fraction(196, 3)]
    """


@_variant_front_door("disruption-nucleolus")
def disruption_nucleolus() -> None:
    r"""The disruption nucleolus: the core allocation that lexicographically minimises the
    propensities to disrupt (Littlechild and Vaidya 1976).

    The propensity of :math:`S` to disrupt :math:`x` is what the others lose over what
    :math:`S` loses if :math:`S` walks out,

    .. math:: d(S, x) = \frac{x(N \setminus S) - v(N \setminus S)}{x(S) - v(S)},

    and the disruption nucleolus makes the vector of propensities, sorted in decreasing
    order, lexicographically smallest over the core.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal weighted excesses
        :math:`(v(S) - x(S)) / g(S)` (see Notes); a level ``e`` is the propensity
        :math:`-1 - 1/e`.

    Raises
    ------
    InvalidGameError
        If the core is empty.

    Notes
    -----
    With the gap :math:`g(S) = v(N) - v(S) - v(N \setminus S)`, on the core
    :math:`d(S, x) = -1 - 1/e_g(S, x)` for the weighted excess
    :math:`e_g(S, x) = (v(S) - x(S)) / g(S)`, an increasing function: the disruption
    nucleolus is the weighted nucleolus with :math:`w(S) = g(S)`. A coalition with
    :math:`g(S) = 0` gets :math:`x(S) = v(S)` on the whole core; it is held there, as a
    coalition of free sign in Kohlberg's criterion. For a cost game the gap is
    :math:`c(S) + c(N \setminus S) - c(N)`.

    References
    ----------
    .. [1] Littlechild, S. C. and Vaidya, K. G. (1976). The propensity to disrupt and the
       disruption nucleolus of a characteristic function game. *International Journal of
       Game Theory* 5(2), 151-161.

    Examples
    --------
    A 4-player game of CoopGame's manual, answer (495, 737, 330, 608) / 155:

    >>> import coalitions as co
    >>> game = co.TUGame([0, 0, 0, 2, 0, 3, 1, 8, 0, 4, 3, 11, 2, 6.5, 9.5, 14])
    >>> [round(float(v), 6) for v in co.disruption_nucleolus(game).x]
    [3.193548, 4.754839, 2.129032, 3.922581]
    """


@_variant_front_door("anti-nucleolus")
def anti_nucleolus() -> None:
    r"""The anti-nucleolus: the anti-imputation that lexicographically minimises the sorted
    anti-excesses :math:`x(S) - v(S)`.

    The anti-imputations are :math:`x(N) = v(N)`, :math:`x_i \le v(\{i\})`. The
    anti-nucleolus of a game of worths is the nucleolus of the same table read as a game of
    costs, and the other way round: ``anti_nucleolus(v) = -nucleolus(-v)``.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal anti-excesses.

    Raises
    ------
    InvalidGameError
        If the anti-imputation set is empty (:math:`\sum_i v(\{i\}) < v(N)`; use
        :func:`anti_prenucleolus`).

    Notes
    -----
    Conventions differ on the set the anti-nucleolus is sought in. Here it is the
    anti-imputations :math:`x_i \le v(\{i\})` (the upper bounds of MatTuGames'
    ``Anti_Nucl_llp``). coopgame-py's ``anti_nucleolus`` is the nucleolus of the dual game
    :math:`v^*`, sought in :math:`x_i \ge v(N) - v(N \setminus \{i\})`: that is
    ``nucleolus(dual_game(game))`` here. Both minimise the same sorted anti-excesses, and
    both agree with :func:`anti_prenucleolus` when it lies in their set.

    References
    ----------
    .. [1] Funaki, Y. (1998). Dual axiomatizations of solutions of cooperative games.
       Mimeo, Toyo University.
    .. [2] Meinhardt, H. I. (2013). *The Pre-Kernel as a Tractable Solution for
       Cooperative Games*. Springer (MatTuGames' anti-(pre)nucleolus).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.TUGame([0, 3, 3, 4, 3, 4, 4, 6])
    >>> co.anti_nucleolus(game).x.tolist()
    [Fraction(2, 1), Fraction(2, 1), Fraction(2, 1)]
    """


@_variant_front_door("anti-prenucleolus")
def anti_prenucleolus() -> None:
    r"""The anti-prenucleolus: the efficient vector that lexicographically minimises the
    sorted anti-excesses :math:`x(S) - v(S)`; ``-prenucleolus(-v)``.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal anti-excesses, over all efficient vectors (no
        bound on the single payoffs).

    References
    ----------
    .. [1] Funaki, Y. (1998). Dual axiomatizations of solutions of cooperative games.
       Mimeo, Toyo University.

    Examples
    --------
    >>> import coalitions as co
    >>> co.anti_prenucleolus(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]
    """


@_variant_front_door("modiclus")
def modiclus() -> None:
    r"""The modiclus (modified nucleolus): the preimputation that lexicographically
    minimises the sorted excess differences (Sudhölter 1997).

    Over :math:`x(N) = v(N)`, the vector of all differences
    :math:`e(S, x) - e(T, x)`, :math:`S, T \subseteq N`, sorted in decreasing order, is made
    lexicographically smallest: the modiclus treats the power of a coalition to get
    (its excess) and to block (the excess of its complement) alike. It is unique,
    symmetric, covariant, self-dual (the modiclus of :math:`v^*` is that of :math:`v`) and,
    for weighted majority games, a representation of the game.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal excess differences.

    Raises
    ------
    TooLargeError
        Above ``MODICLUS_MAX_PLAYERS`` players.

    Notes
    -----
    The prenucleolus of the dual cover game :func:`dual_cover_game` on :math:`2n` players is
    :math:`(x, x)` with :math:`x` the modiclus (Sudhölter 1997): it is solved by the
    nucleolus' sequential LPs and certified by Kohlberg's criterion on the dual cover, whose
    :math:`4^n` coalitions set the size limit. For a cost game the excess differences are
    the same set, so the modiclus of the table is returned in cost shares.

    References
    ----------
    .. [1] Sudhölter, P. (1997). The modified nucleolus: properties and axiomatizations.
       *International Journal of Game Theory* 26(2), 147-182.
    .. [2] Peleg, B. and Sudhölter, P. (2007). *Introduction to the Theory of Cooperative
       Games*, 2nd ed. Springer, section 6.4.

    Examples
    --------
    A 4-player game of CoopGame's manual, whose modiclus it gives as (4.25, 5.25, 5.75, 5.75):
    that is the centre of the differences over pairs of *proper* coalitions only; over all
    pairs of :math:`2^N \times 2^N`, as the definition and the dual cover count them, the
    sorted differences are lexicographically smaller at

    >>> import coalitions as co
    >>> game = co.TUGame([0, 0, 0, 5, 0, 5, 9, 13, 0, 8, 10, 15, 8, 16, 17, 21])
    >>> co.modiclus(game).x.tolist()
    [Fraction(13, 3), Fraction(16, 3), Fraction(17, 3), Fraction(17, 3)]
    """


@_variant_front_door("simplified-modiclus")
def simplified_modiclus() -> None:
    r"""The simplified modiclus: the preimputation that lexicographically minimises the
    sorted differences :math:`e(S, x) - e(N \setminus S, x)` (Tarashnina 2011).

    Each coalition is compared with its complement only. As
    :math:`e(S, x) - e(N \setminus S, x) = 2\,(w(S) - x(S))` for the constant-sum game
    :math:`w = (v + v^*) / 2`, the simplified modiclus is the prenucleolus of :math:`w`.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal differences
        :math:`e(S, x) - e(N \setminus S, x)`.

    References
    ----------
    .. [1] Tarashnina, S. (2011). The simplified modified nucleolus of a cooperative
       TU-game. *TOP* 19(1), 150-166.

    Examples
    --------
    The Talmud's estate of 100 with claims 100, 200, 300 (CoopGame's manual):

    >>> import coalitions as co
    >>> co.simplified_modiclus(co.bankruptcy_game(100, [100, 200, 300])).x.tolist()
    [Fraction(100, 3), Fraction(100, 3), Fraction(100, 3)]
    """


#: The options every variant takes, documented once (the ``{{options}}`` marker).
_OPTIONS = """
    method : {"sequential"}, default "sequential"
        Sequential linear programming with row generation (``NUCLEOLUS_METHODS``).
    verify : bool
        Check the answer with Kohlberg's criterion (exactly for rational games); an answer
        that fails is not returned (``success=False``, NaN payoffs).
    atol : float
        Tolerance of the LP stages, relative to the largest zero-normalised worth.
    callback : callable, optional
        Progress: ``callback(done, total)`` after each LP stage.
"""


@fill_doc(options=_OPTIONS)
def weighted_nucleolus(
    game: TUGame,
    weights: Sequence[Any],
    *,
    method: str = "sequential",
    verify: bool = True,
    atol: float = 1e-9,
    callback: Callable[[int, int], None] | None = None,
) -> NucleolusResult:
    r"""The weighted nucleolus: the imputation that lexicographically minimises the sorted
    weighted excesses :math:`(v(S) - x(S)) / w(S)`.

    With :math:`w(S) = 1` it is the nucleolus, with :math:`w(S) = |S|` the per-capita
    nucleolus, with :math:`w(S) = v(S)` the proportional nucleolus (Derks and Haller 1999
    study the family of weighted nucleoli).

    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs.
    weights : sequence of numbers
        One positive weight per coalition, in the game's bitmask order (``2**n`` numbers;
        the entries of the empty and the grand coalition are ignored).
    {{options}}

    Returns
    -------
    NucleolusResult
        ``levels`` are the successive maximal weighted excesses.

    Raises
    ------
    InvalidArgumentError
        If ``weights`` is not ``2**n`` positive numbers.

    Notes
    -----
    Kohlberg's criterion holds for any positive weights (the sign of the change of a
    weighted excess does not depend on the weight), and certifies the answer.

    References
    ----------
    .. [1] Derks, J. and Haller, H. (1999). Weighted nucleoli. *International Journal of
       Game Theory* 28(2), 173-187.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.glove_game(["L"], ["R1", "R2"])
    >>> co.weighted_nucleolus(game, [1] * 8).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    concept = "weighted-nucleolus"
    callback = check_callback(callback, concept)
    return _answer(_variant(game, concept, method, atol, weights=weights), verify, callback)


@fill_doc(options=_OPTIONS)
def structure_nucleolus(
    game: TUGame,
    structure: Iterable[Iterable[str]],
    *,
    method: str = "sequential",
    verify: bool = True,
    atol: float = 1e-9,
    callback: Callable[[int, int], None] | None = None,
) -> NucleolusResult:
    r"""The nucleolus of a game with a coalition structure (Aumann and Drèze 1974).

    The blocks :math:`B_1, \dots, B_m` of the structure each share their own worth:
    over :math:`X(\mathcal B) = \{x : x(B_k) = v(B_k),\ x_i \ge v(\{i\})\}` the
    excesses of all coalitions, sorted in decreasing order, are made lexicographically
    smallest. With one block it is the nucleolus.

    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs.
    structure : list of lists of player names
        The blocks (disjoint); players left out form blocks of their own.
    {{options}}

    Returns
    -------
    NucleolusResult

    Raises
    ------
    InvalidGameError
        If a block is worth less than its members alone, or the blocks are not disjoint
        or name unknown players.

    Notes
    -----
    The blocks are held at :math:`x(B_k) = v(B_k)` in every LP, so
    :math:`x(N) = \sum_k v(B_k)` (the grand coalition's excess is a constant); in Kohlberg's
    criterion the blocks enter the collections with weights of free sign.

    References
    ----------
    .. [1] Aumann, R. J. and Drèze, J. H. (1974). Cooperative games with coalition
       structures. *International Journal of Game Theory* 3(4), 217-237.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.majority_game(3)
    >>> co.structure_nucleolus(game, [["1", "2"], ["3"]]).x.tolist()
    [Fraction(1, 2), Fraction(1, 2), Fraction(0, 1)]
    """
    concept = "structure-nucleolus"
    callback = check_callback(callback, concept)
    return _answer(_variant(game, concept, method, atol, structure=structure), verify, callback)


weighted_nucleolus = front_door(NUCLEOLUS_METHODS)(weighted_nucleolus)
structure_nucleolus = front_door(NUCLEOLUS_METHODS)(structure_nucleolus)
