"""Baron-Ferejohn legislative bargaining: the stationary equilibrium, step by step.

:func:`baron_ferejohn` runs five named steps:

1. **parse** (:func:`_parse`): players, quota, discount factors, recognition probabilities
   and surplus, checked, in one number kind (float, exact or symbolic);
2. **choose structure**: a closed form where one exists (quota 1, unanimity, symmetric
   games: :func:`_closed_form_equilibrium`), otherwise which votes each proposer buys,
   searched on a smoothed game (:func:`coalitions.bargaining._bf_search.find_structure`);
3. **price levels** (:func:`_price_levels`): the prices of equally cheap players, from an
   exact linear system in the parameters' number kind;
4. **inclusion** (:func:`_inclusion`): the probabilities with which proposers include the
   members of a partly bought level (exact games: the simplest rationals that satisfy every
   condition exactly);
5. **assemble** (:func:`_assemble`): offers, the residual certificate and (exact games) the
   exact check, in a :class:`~coalitions.results.BaronFerejohnResult`.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, check_choice, front_door, player_names
from ..exceptions import InvalidArgumentError, InvalidProblemError, SolverError, TooLargeError
from ..results import BaronFerejohnResult
from ._bf_levels import holds_exactly, level_prices, residual
from ._bf_search import find_structure
from ._bf_threshold import threshold_equilibrium
from ._bf_weighted import MAX_WEIGHTED_PLAYERS, weighted_equilibrium
from ._inputs import check_positive, convert, distinct_names, parameter_kind

__all__ = [
    "baron_ferejohn",
    "BARON_FEREJOHN_METHODS",
    "MAX_BARON_FEREJOHN_PLAYERS",
    "QUOTA_RULES",
]

#: The algorithms of :func:`baron_ferejohn` (``method=``).
BARON_FEREJOHN_METHODS = ("auto", "closed-form", "threshold", "active-set", "coalitions")

#: Most players :func:`baron_ferejohn` takes (its result holds n x n tables; exact ones of
#: this size take about a minute).
MAX_BARON_FEREJOHN_PLAYERS = 5000

#: The named quotas: votes needed (proposer included) out of ``n``.
QUOTA_RULES = {"majority": lambda n: n // 2 + 1, "unanimity": lambda n: n}

#: How far from 1 the recognition probabilities may sum (floats).
RECOGNITION_SUM_TOLERANCE = 1e-9

#: Largest residual, relative to the surplus, of a smoothed solution that is still reported
#: when no exact structure was found.
SMOOTHED_ACCEPTED = 1e-6

#: Denominator bounds tried, in turn, when the float inclusion probabilities of an exact
#: game are rationalised (the first that satisfies every condition exactly is kept).
RATIONAL_DENOMINATORS = (10**3, 10**5, 10**7, 10**9, 10**12)


def _too_many_players(count: int) -> None:
    digits = len(str(count))
    shown = f"{count:,}" if digits <= 12 else f"a count of {digits} digits"
    raise TooLargeError(
        f"baron_ferejohn: {shown} players, more than {MAX_BARON_FEREJOHN_PLAYERS}; the "
        "equilibrium holds n x n tables of offers and inclusion probabilities. Give at most "
        f"{MAX_BARON_FEREJOHN_PLAYERS} players (a legislature's parties, not its members)."
    )


@dataclass(frozen=True)
class _Game:
    """The parsed parameters: names, quota ``q``, and per player ``delta`` and ``p`` in the
    number kind ``kind`` (as is the surplus ``s``)."""

    names: tuple
    q: int
    kind: str
    delta: list
    p: list
    s: Any
    veto: tuple = ()
    weights: list | None = None  # weighted voting: the weights and the weight needed
    weight_quota: Any = None

    @property
    def n(self) -> int:
        return len(self.names)

    @property
    def same_delta(self) -> bool:
        return all(d == self.delta[0] for d in self.delta)

    @property
    def same_p(self) -> bool:
        return all(v == self.p[0] for v in self.p)

    def floats(self) -> tuple[np.ndarray, np.ndarray, float]:
        """``(delta, p, s)`` as floats."""
        return (
            np.array([float(v) for v in self.delta]),
            np.array([float(v) for v in self.p]),
            float(self.s),
        )

    def closed_form(self, symbolic: bool) -> dict | None:
        """The closed form (sympy) when asked for and one exists."""
        return _closed_form(self.n, self.q, self.same_delta, self.same_p) if symbolic else None


# ---------------------------------------------------------------- step 1: parse
def _parse_names(players) -> tuple:
    if isinstance(players, (int, np.integer)) and not isinstance(players, (bool, np.bool_)):
        if players > MAX_BARON_FEREJOHN_PLAYERS:  # before naming ten million players
            _too_many_players(int(players))
        names = player_names(players, "baron_ferejohn: players", InvalidProblemError)
    elif isinstance(players, (str, bytes)) or not isinstance(players, Iterable):
        raise InvalidProblemError(
            f"players must be a number of players or a list of names, got {players!r}."
        )
    else:
        names = distinct_names(players)
    if len(names) > MAX_BARON_FEREJOHN_PLAYERS:
        _too_many_players(len(names))
    return names


def _parse_quota(quota, n: int) -> int:
    expected = f"quota must be an integer 1..{n}, 'majority' or 'unanimity', got {quota!r}."
    if isinstance(quota, str):
        try:
            rule = check_choice(quota, QUOTA_RULES, what="quota", function="baron_ferejohn")
        except InvalidArgumentError as error:  # a property of the game, not an option
            raise InvalidProblemError(f"{error} Or give an integer 1..{n}.") from None
        return QUOTA_RULES[rule](n)
    if not isinstance(quota, (int, np.integer)) or isinstance(quota, (bool, np.bool_)):
        raise InvalidProblemError(expected)
    if not 1 <= int(quota) <= n:
        raise InvalidProblemError(f"quota must be between 1 and n = {n}, got {quota}.")
    return int(quota)


def _parse_veto(veto, names: tuple) -> tuple:
    """The veto players as sorted indices, from their names (an integer ``k`` names player
    ``"k"`` of a game given by its number of players)."""
    if veto is None:
        return ()
    items = as_list(veto, "veto", InvalidProblemError, expected="a list of players' names")
    index = {name: k for k, name in enumerate(names)}
    found = []
    for item in items:
        if isinstance(item, (int, np.integer)) and not isinstance(item, (bool, np.bool_)):
            item = str(int(item))
        if isinstance(item, str) and item in index:
            found.append(index[item])
        else:
            shown = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
            raise InvalidProblemError(
                f"veto: {item!r} is not a player; give players' names ({shown})."
            )
    if len(set(found)) != len(found):
        raise InvalidProblemError(f"veto names a player twice: {items!r}.")
    return tuple(sorted(found))


def _parse_weights(weights, quota, n: int):
    """``(weights, weight needed)`` as exact rationals, or ``(None, None)``; a game with
    equal weights is a count quota and comes back as ``(None, votes needed)``."""
    if weights is None:
        return None, None
    items = as_list(weights, "weights", InvalidProblemError, expected=f"a list of {n} weights")
    if len(items) != n:
        raise InvalidProblemError(f"weights has {len(items)} entries for {n} players.")
    exact = []
    for item in items:
        value = nb.as_number(item, nb.EXACT) if not isinstance(item, float) else item
        if isinstance(value, float):
            if not (math.isfinite(value) and value >= 0):
                raise InvalidProblemError(f"weights must be finite and >= 0, got {item!r}.")
            value = Fraction(value)
        if not isinstance(value, Fraction) or value < 0:
            raise InvalidProblemError(f"weights must be non-negative numbers, got {item!r}.")
        exact.append(value)
    total = sum(exact, Fraction(0))
    if total <= 0:
        raise InvalidProblemError("weights must not all be 0.")
    if quota == "majority":
        _, den = nb.to_scaled_int(exact)
        need = Fraction(int(total * den) // 2 + 1, den)  # more than half the weight
    elif quota == "unanimity":
        need = total
    elif isinstance(quota, (int, float, Fraction, np.integer)) and not isinstance(quota, bool):
        need = Fraction(quota) if not isinstance(quota, np.integer) else Fraction(int(quota))
        if not 0 < need <= total:
            raise InvalidProblemError(
                f"with weights, quota is the weight needed, in (0, {total}]; got {quota!r}."
            )
    else:
        raise InvalidProblemError(
            f"with weights, quota must be 'majority', 'unanimity' or the weight needed, got "
            f"{quota!r}."
        )
    if len(set(exact)) == 1:  # equal weights: a count quota
        return None, int(math.ceil(need / exact[0]))
    if n > MAX_WEIGHTED_PLAYERS:
        raise TooLargeError(
            f"baron_ferejohn: weighted voting enumerates the coalitions, at most "
            f"{MAX_WEIGHTED_PLAYERS} players with unequal weights; got {n}. Group members "
            "of equal weight into parties, or give equal weights (a count quota, any size)."
        )
    return exact, need


def _parse(
    players, discount_factors, recognition, quota, surplus, atol, veto=None, weights=None
) -> _Game:
    """Step 1: the checked parameters in one number kind."""
    names = _parse_names(players)
    n = len(names)
    weight_list, need = _parse_weights(weights, quota, n)
    if weights is None:
        q = _parse_quota(quota, n)
    elif weight_list is None:  # equal weights
        q = need
    else:
        q = 0  # unused: the weight quota decides
    vetoes = _parse_veto(veto, names)
    deltas = (
        list(discount_factors)
        if isinstance(discount_factors, (list, tuple, np.ndarray))
        else [discount_factors] * n
    )
    if len(deltas) != n:
        raise InvalidProblemError(f"discount_factors has {len(deltas)} entries for {n} players.")
    if recognition is None:
        probs = [Fraction(1, n)] * n
    else:
        probs = as_list(
            recognition,
            "recognition",
            InvalidProblemError,
            expected=f"a list of {n} probabilities, one per player",
        )
        if len(probs) != n:
            raise InvalidProblemError(f"recognition has {len(probs)} entries for {n} players.")
    if not (isinstance(atol, (int, float)) and math.isfinite(atol) and atol >= 0):
        raise InvalidArgumentError(f"atol must be a non-negative number, got {atol!r}.")
    kind = parameter_kind(
        [*deltas, *probs, surplus], "discount factors, recognition probabilities and surplus"
    )
    delta, p, s = convert(deltas, kind), convert(probs, kind), nb.as_number(surplus, kind)
    if kind != nb.SYMBOLIC:
        if not all(0 < float(d) < 1 for d in delta):
            raise InvalidProblemError(
                f"discount factors must lie in (0, 1), got {[float(d) for d in delta]}."
            )
        negative = [k for k, v in enumerate(p) if not float(v) >= 0]
        if negative:
            raise InvalidProblemError(
                f"recognition probabilities must be non-negative; entry {negative[0]} is "
                f"{probs[negative[0]]}."
            )
        if abs(float(sum(p)) - 1) > RECOGNITION_SUM_TOLERANCE:
            raise InvalidProblemError(
                f"recognition probabilities must sum to 1 (sum is {float(sum(p)):.6g})."
            )
        check_positive(s, "surplus", kind)
    return _Game(names, q, kind, delta, p, s, vetoes, weight_list, need if weight_list else None)


# ---------------------------------------------------------------- the front door
@front_door(BARON_FEREJOHN_METHODS)
def baron_ferejohn(
    players=5,
    *,
    discount_factors=Fraction(9, 10),
    recognition=None,
    quota: int | str = "majority",
    surplus=1,
    veto=None,
    weights=None,
    symbolic: bool = False,
    atol: float = 1e-9,
    method: str = "auto",
) -> BaronFerejohnResult:
    r"""Stationary equilibrium of Baron-Ferejohn legislative bargaining (closed rule).

    Each round nature recognises player i with probability ``p_i``; she proposes a division
    of the surplus, which passes if ``quota`` players (the proposer included) accept; otherwise
    the game moves to the next round and payoffs are discounted by each player's ``delta_j``.
    In a stationary equilibrium player j accepts any offer of at least ``delta_j v_j`` (her
    discounted continuation value), so a proposer buys the ``quota - 1`` cheapest votes and
    keeps the rest:

    .. math:: v_j = p_j\Big(S - \sum_k \pi_{jk}\,\delta_k v_k\Big)
                  + \delta_j v_j \sum_{i \ne j} p_i\,\pi_{ij},

    where ``pi[i, j]`` is the probability that proposer i includes j (mixing among equally
    cheap players). With equal ``p_i = 1/n`` and common ``delta`` (Baron & Ferejohn
    1989 [1]_): proposer ``S(1 - delta(q - 1)/n)``, each partner ``delta S/n``, value
    ``S/n``. Under unanimity with common ``delta`` and any ``p``: ``v_i = p_i S``, proposer keeps
    ``S(1 - delta(1 - p_i))``.

    Parameters
    ----------
    players : int or sequence of str
        Number of players or their names.
    discount_factors : number or sequence
        Common ``delta`` or one per player, each in [0, 1). Fractions give exact answers.
    recognition : sequence, optional
        Recognition probabilities (default equal); non-negative, summing to 1.
    quota : int or {"majority", "unanimity"}
        Votes needed, proposer included: ``floor(n/2) + 1`` for majority, ``n`` for unanimity.
        With ``weights``: the weight needed (``"majority"``: more than half the weight).
    surplus : number
    veto : sequence of str, optional
        Veto players (names; an integer ``k`` names player ``"k"``): every passing coalition
        holds them (Winter 1996 [3]_; McCarty 2000 [4]_).
    weights : sequence of numbers, optional
        Voting weights (Snyder, Ting & Ansolabehere 2005 [5]_): a coalition passes when its
        weight reaches ``quota``. Unequal weights: at most ``MAX_WEIGHTED_PLAYERS`` (14)
        players; equal weights are a count quota (any size).
    symbolic : bool
        Also return the closed form (sympy) in ``closed_form``; with sympy symbols among the
        parameters the whole answer is symbolic (symmetric games and unanimity only).
    atol : float
        Largest residual accepted as an equilibrium certificate.
    method : {"auto", "closed-form", "threshold", "active-set", "coalitions"}
        ``"auto"`` (default): the closed form where one exists, else the threshold structure
        (quota games, veto players), else the homotopy; weighted games use
        ``"coalitions"``. ``"closed-form"`` refuses a game without one; ``"threshold"`` the
        O(n log n) solution of quota games with veto players; ``"active-set"`` the
        logit-smoothed homotopy (no veto players); ``"coalitions"`` enumerates each
        proposer's minimal passing coalitions (weighted voting, small games).

    Returns
    -------
    BaronFerejohnResult
        ``x`` ex-ante values (sum to the surplus), ``proposer_shares``, ``offers``,
        ``inclusion``, ``residual`` (certificate), ``closed_form``.

    Raises
    ------
    InvalidProblemError
        For a quota outside 1..n, probabilities that do not sum to one, discount factors
        outside [0, 1), symbolic parameters in a game without a closed form, an unknown or
        repeated veto player, weights of the wrong length or sign, or a method that does not
        take the game.
    InvalidArgumentError
        For an unknown ``method`` or keyword.
    SolverError
        When the chosen method finds no equilibrium.
    TooLargeError
        For more than ``MAX_BARON_FEREJOHN_PLAYERS`` (5000) players, or more than 14 with
        unequal weights.

    Notes
    -----
    Stationary payoffs are unique (Eraslan 2002 [2]_). Closed forms, in O(n) arithmetic in the
    parameters' number type (so sympy symbols stay fast for 50 players): quota 1
    (``v_j = p_j S``), unanimity with any parameters (``v_j = p_j S / ((1 - delta_j)(1 + A))``,
    ``A = sum_k delta_k p_k / (1 - delta_k)``; ``v_j = p_j S`` for a common delta) and
    symmetric games (uniform mixing, ``v_j = p S``); ``method="closed-form"``. Otherwise (only
    for numbers: symbolic parameters without a closed form are refused at once) a
    logit-smoothed version of the map (temperature annealed to 1e-11 of the per-capita
    surplus) finds which votes each proposer buys; prices of equally cheap players are then
    grouped into levels, the level prices solve an exact linear system, and the mixing
    probabilities come from a feasibility LP (``method="active-set"``). ``residual`` is the
    largest violation of the value equations, the cheapest-votes condition, the budget and
    the probability constraints; exact games are also checked exactly (``exact=True``).
    Non-stationary equilibria (any division for n >= 5 and patient players, [1]_ Prop. 2)
    are not computed.

    Quota games, with or without veto players, without a closed form take the threshold
    structure (``method="threshold"``, :mod:`coalitions.bargaining._bf_threshold`): the pool
    of non-veto members splits at a threshold price into cheap, marginal and expensive
    members, one scalar ``rho`` solves a piecewise-linear demand equation, every price has a
    closed form (exact for rational inputs) and the mixing over marginal members has a
    closed-form solution: 501 members take a fraction of a second. With one veto player
    among ``n``, equal recognition and common ``delta``:
    ``v_V = S((n-1) - (q-1)delta) / ((n-1)(n - (n-1)delta) - (q-1)delta)``. Under weighted
    voting with recognition proportional to the minimal integer weights of a homogeneous
    game, payoffs are proportional to those weights [5]_.

    References
    ----------
    .. [1] Baron, D. P. and Ferejohn, J. A. (1989). Bargaining in legislatures. *American
       Political Science Review* 83(4), 1181-1206.
    .. [2] Eraslan, H. (2002). Uniqueness of stationary equilibrium payoffs in the
       Baron-Ferejohn model. *J. Econ. Theory* 103(1), 11-30.
    .. [3] Winter, E. (1996). Voting and vetoing. *American Political Science Review* 90(4),
       813-823.
    .. [4] McCarty, N. (2000). Proposal rights, veto rights, and political bargaining.
       *American Journal of Political Science* 44(3), 506-522.
    .. [5] Snyder, J. M., Ting, M. M. and Ansolabehere, S. (2005). Legislative bargaining
       under weighted voting. *American Economic Review* 95(4), 981-1004.

    Examples
    --------
    >>> from fractions import Fraction
    >>> import coalitions as co
    >>> r = co.baron_ferejohn(5, discount_factors=Fraction(9, 10))      # majority
    >>> r.proposer_shares[0], r.prices[1], r.inclusion[0, 1], r.x[0]
    (Fraction(16, 25), Fraction(9, 50), Fraction(1, 2), Fraction(1, 5))
    >>> r = co.baron_ferejohn(5, discount_factors=Fraction(9, 10), quota="unanimity")
    >>> r.proposer_shares[0], r.offers[0, 1]
    (Fraction(7, 25), Fraction(9, 50))
    >>> co.baron_ferejohn(5, discount_factors=Fraction(9, 10), veto=["1"]).x[0]  # 1 blocks
    Fraction(11, 19)
    """
    game = _parse(players, discount_factors, recognition, quota, surplus, atol, veto, weights)
    if game.weights is not None or method == "coalitions":
        return _weighted(game, method, symbolic)
    # step 2: choose the structure; a closed form where one exists, in any number kind
    closed = None
    if method in ("auto", "closed-form") and (not game.veto or game.q == game.n):
        closed = _closed_form_equilibrium(
            game.delta,
            game.p,
            game.s,
            game.q,
            game.kind,
            game.same_delta and game.same_p,
            tidy=game.kind == nb.SYMBOLIC and game.same_delta,
        )
    if closed is not None:
        return _assemble(game, closed, "closed-form", symbolic)
    if method == "closed-form":
        raise InvalidProblemError(
            "no closed form for this game: closed forms exist for quota 1 and unanimity (any "
            "parameters) and for symmetric games without veto players; use method='auto'."
        )
    if game.kind == nb.SYMBOLIC:
        raise InvalidProblemError(
            "symbolic parameters need a closed form, which exists for unanimity and quota 1 "
            "(any parameters) and for symmetric games (common discount factor, equal "
            "recognition); pass numbers for this game."
        )
    if method in ("auto", "threshold"):
        if game.q == game.n:  # every member is bought: the threshold split degenerates
            found_threshold = _closed_form_equilibrium(
                game.delta, game.p, game.s, game.q, game.kind, False
            )
        else:
            found_threshold = threshold_equilibrium(
                game.delta, game.p, game.s, game.q, list(game.veto), game.kind
            )
        if found_threshold is not None:
            return _assemble(game, found_threshold, "threshold", symbolic)
        if method == "threshold" or game.veto:
            raise SolverError(
                "the threshold structure does not apply to this game (a pool member with "
                "recognition probability 0 at the threshold price, or a degenerate split)"
                + ("; with veto players no other method is available." if game.veto else "")
                + ("" if game.veto else "; use method='active-set'.")
            )
    if game.veto:
        raise InvalidProblemError(
            "method='active-set' takes no veto players; use method='auto' or 'threshold'."
        )
    found = find_structure(*game.floats(), game.q, atol)
    if found[0] != "exact":  # no exact structure found: report the smoothed one
        return _assemble_smoothed(game, found[1], found[2], symbolic)
    structure, pi_float = found[1], found[2]
    prices = _price_levels(game, structure)  # step 3
    pi = _inclusion(game, prices, pi_float)  # step 4
    zero = nb.constant(0, game.kind)
    keep = [
        game.s - sum((pi[i, k] * prices[k] for k in range(game.n)), zero) for i in range(game.n)
    ]
    values = [prices[j] / game.delta[j] for j in range(game.n)]
    return _assemble(game, (values, prices, pi, keep), "active-set", symbolic)  # step 5


def game_atol(game: _Game) -> float:
    """The certificate tolerance for a weighted game (its surplus's scale)."""
    return 1e-9 * float(game.s)


def _weighted(game: _Game, method: str, symbolic: bool) -> BaronFerejohnResult:
    """Steps 2-5 for weighted voting: the proposers' minimal passing coalitions, prices from
    the smoothed game, mixing from an LP, exact check (:mod:`._bf_weighted`)."""
    if method not in ("auto", "coalitions"):
        raise InvalidProblemError(
            f"method={method!r} takes no weights (a count quota only); use method='auto' or "
            "'coalitions'."
        )
    if game.kind == nb.SYMBOLIC:
        raise InvalidProblemError("weighted voting needs numbers, not symbols.")
    if game.n > MAX_WEIGHTED_PLAYERS:
        _too_many_players(game.n)
    weights = game.weights if game.weights is not None else [Fraction(1)] * game.n
    need = game.weight_quota if game.weights is not None else Fraction(game.q)
    found = weighted_equilibrium(game.delta, game.p, game.s, weights, need, game.veto, game.kind)
    if found is None:
        raise SolverError(
            "no stationary equilibrium found for these weights (the mixing LP "
            "is infeasible at the smoothed prices)."
        )
    *equilibrium, worst, exact = found
    if not worst <= max(game_atol(game), SMOOTHED_ACCEPTED * float(game.s)) and not exact:
        raise SolverError(
            f"no stationary equilibrium found for these weights (the smoothed solution "
            f"violates the equilibrium conditions by {worst:.3g})."
        )
    if not exact and game.kind != nb.FLOAT:  # the rationals did not check: report floats
        game = dataclasses.replace(
            game,
            kind=nb.FLOAT,
            delta=[float(v) for v in game.delta],
            p=[float(v) for v in game.p],
            s=float(game.s),
        )
    return _assemble(game, equilibrium, "coalitions", symbolic, certificate=(worst, exact))


# ---------------------------------------------------------------- step 3: price levels
def _price_levels(game: _Game, structure) -> list:
    """Step 3: each player's price, from the level prices of the structure (an exact linear
    system in the game's number kind)."""
    level_c = level_prices(structure, game.delta, game.p, game.s, game.kind)
    if level_c is None:
        raise InvalidProblemError("the equilibrium equations are singular for these parameters.")
    return [level_c[structure.level_of[j]] for j in range(game.n)]


# ---------------------------------------------------------------- step 4: inclusion
def _inclusion(game: _Game, prices: list, pi_float: np.ndarray) -> np.ndarray:
    """Step 4: the inclusion probabilities in the game's number kind.

    Floats are the LP's mixing probabilities; an exact game takes the simplest rationals
    near them (denominators up to each bound of ``RATIONAL_DENOMINATORS`` in turn) that
    satisfy every equilibrium condition exactly.
    """
    n, kind = game.n, game.kind
    pi = np.empty((n, n), dtype=object)
    pi[:] = nb.constant(0, kind)
    if kind == nb.FLOAT:
        pi[:] = pi_float
        return pi
    values = [prices[j] / game.delta[j] for j in range(n)]
    for bound in RATIONAL_DENOMINATORS:
        for i in range(n):
            for j in range(n):
                pi[i, j] = nb.as_number(
                    Fraction(float(pi_float[i, j])).limit_denominator(bound), kind
                )
        if holds_exactly(values, pi, prices, game.delta, game.p, game.s, game.q):
            break
    return pi


# ---------------------------------------------------------------- step 5: assemble
def _offers(pi: np.ndarray, prices: list, kind: str) -> np.ndarray:
    """``offers[i, j] = pi[i, j] * prices[j]``: in floats one broadcast product; exact, one
    product per pair of distinct objects of ``pi`` and ``prices`` spread back by indexing (an
    n x n inclusion matrix holds a few shared Fractions, so this replaces n**2 Fraction
    products, 20 s at n = 1000)."""
    if kind == nb.FLOAT:
        return pi * np.array(prices, dtype=np.float64)[None, :]
    row = np.empty(len(prices), dtype=object)
    row[:] = prices
    share, share_code = nb.distinct_objects(pi)
    price, price_code = nb.distinct_objects(row)
    if len(share) * len(price) > pi.size:  # few repeats: the plain product is cheaper
        return np.asarray(pi * row[None, :], dtype=object)
    table = np.empty((len(share), len(price)), dtype=object)
    for a, b in itertools.product(range(len(share)), range(len(price))):
        table[a, b] = share[a] * price[b]
    return table[share_code, price_code[None, :]]


def _assemble(
    game: _Game, equilibrium, method: str, symbolic: bool, certificate=None
) -> BaronFerejohnResult:
    """Step 5: the result with offers, the residual certificate and (exact games) the exact
    check, from an ``equilibrium`` ``(values, prices, inclusion, proposer shares)`` and the
    closed form when ``symbolic``."""
    values, prices, pi, keep = equilibrium
    n, kind = game.n, game.kind
    offers = _offers(pi, prices, kind)
    for i in range(n):
        offers[i, i] = keep[i]
    if certificate is not None:  # weighted voting: its own certificate
        worst, exact = certificate
    elif kind == nb.SYMBOLIC:
        worst, exact = 0.0, True
    else:
        fd, fp, fs = game.floats()
        float_pi = (  # exact: one conversion per distinct Fraction, not n**2
            np.asarray(pi, dtype=float) if kind == nb.FLOAT else nb.map_distinct(float, pi, float)
        )
        worst = residual(
            np.array([float(v) for v in values]),
            float_pi,
            fd,
            fp,
            fs,
            game.q,
            game.veto,
        )
        exact = kind == nb.EXACT and holds_exactly(
            values, pi, prices, game.delta, game.p, game.s, game.q, game.veto
        )
    if kind == nb.FLOAT:
        offers, pi = np.asarray(offers, dtype=float), np.asarray(pi, dtype=float)
    return BaronFerejohnResult(
        x=nb.read_only(values, kind),
        players=game.names,
        exact=exact,
        concept="baron-ferejohn",
        proposer_shares=nb.read_only(keep, kind),
        prices=nb.read_only(prices, kind),
        offers=nb.read_only(offers),
        inclusion=nb.read_only(pi),
        quota=(
            game.q
            if game.weights is None
            else int(game.weight_quota)
            if game.weight_quota.denominator == 1
            else game.weight_quota
        ),
        discount_factors=nb.read_only(game.delta, kind),
        recognition=nb.read_only(game.p, kind),
        residual=float(worst),
        method=method,
        closed_form=game.closed_form(symbolic),
        veto=tuple(game.names[k] for k in game.veto),
        weights=None if game.weights is None else nb.read_only(game.weights, nb.EXACT),
    )


def _assemble_smoothed(
    game: _Game, c: np.ndarray, pi: np.ndarray, symbolic: bool
) -> BaronFerejohnResult:
    """Step 5 when no exact structure was found: the smoothed solution, in floats, if its
    residual is below ``SMOOTHED_ACCEPTED`` of the surplus."""
    fd, fp, fs = game.floats()
    v = c / fd
    worst = residual(v, pi, fd, fp, fs, game.q)
    if not worst <= SMOOTHED_ACCEPTED * fs:
        raise SolverError(
            f"no stationary equilibrium found for these parameters (the smoothed "
            f"solution violates the equilibrium conditions by {worst:.3g}); "
            "recognition probabilities very close to 0 are a known hard case: set them "
            "to exactly 0 or give them more weight."
        )
    keep = fs - pi @ c
    offers = pi * c[None, :]
    np.fill_diagonal(offers, keep)
    return BaronFerejohnResult(
        x=nb.read_only(list(v), nb.FLOAT),
        players=game.names,
        exact=False,
        concept="baron-ferejohn",
        proposer_shares=nb.read_only(list(keep), nb.FLOAT),
        prices=nb.read_only(list(c), nb.FLOAT),
        offers=nb.read_only(offers),
        inclusion=nb.read_only(np.array(pi, dtype=float)),
        quota=game.q,
        discount_factors=nb.read_only(list(fd), nb.FLOAT),
        recognition=nb.read_only(list(fp), nb.FLOAT),
        residual=worst,
        method="smoothed",
        closed_form=game.closed_form(symbolic),
    )


# ---------------------------------------------------------------- step 2: closed forms
def _closed_form_equilibrium(
    delta: list, p: list, s, q: int, kind: str, symmetric: bool, *, tidy: bool = False
):
    """``(values, prices, inclusion, proposer shares)`` where a closed form exists, else None.

    With ``c_j = delta_j v_j`` the price of j's vote and ``C = sum_k c_k``:

    * quota 1: nobody is bought, ``v_j = p_j S``;
    * unanimity: every proposer buys everyone, so ``v_j = p_j (S - C + c_j) + (1 - p_j) c_j
      = p_j (S - C) + c_j``, i.e. ``v_j = p_j (S - C) / (1 - delta_j)``; summing
      ``c_j`` gives ``S - C = S / (1 + A)`` with ``A = sum_k delta_k p_k / (1 - delta_k)``;
    * symmetric (common delta, equal p): proposers mix uniformly over the others, each
      included with probability ``(q - 1)/(n - 1)``, and ``v_j = p S``.

    Each costs O(n) arithmetic in the parameters' number type (sympy included), plus the
    n x n inclusion matrix. ``tidy`` puts symbolic results in normal form; it is off for
    different symbolic discount factors, whose common denominator has 2**n terms when
    expanded (the results are then left as the formulas above).
    """
    n = len(delta)
    zero, one = nb.constant(0, kind), nb.constant(1, kind)
    if q == 1:
        values, include = [p[j] * s for j in range(n)], zero
    elif q == n:
        a = sum((delta[k] * p[k] / (one - delta[k]) for k in range(n)), zero)
        remainder = s / (one + a)
        if tidy:
            remainder = _tidy(remainder)
        values, include = [p[j] * remainder / (one - delta[j]) for j in range(n)], one
    elif symmetric:
        values = [p[j] * s for j in range(n)]
        include = nb.constant(Fraction(q - 1, n - 1), kind)
    else:
        return None
    if tidy:
        values = [_tidy(v) for v in values]
    prices = [delta[j] * values[j] for j in range(n)]
    if tidy:
        prices = [_tidy(c) for c in prices]
    total = sum(prices, zero)
    keep = [s - include * (total - prices[i]) for i in range(n)]
    if tidy:
        keep = [_tidy(k) for k in keep]
    if kind == nb.FLOAT:
        pi = np.full((n, n), float(include))
        np.fill_diagonal(pi, 0.0)
    else:
        pi = np.empty((n, n), dtype=object)
        pi[:] = include
        np.fill_diagonal(pi, zero)
    return values, prices, pi, keep


def _tidy(expression):
    """A symbolic result in a readable normal form: expanded if it is a polynomial, else one
    cancelled fraction (cheap: no general ``simplify``)."""
    sp = nb.import_sympy()
    expression = sp.cancel(expression)
    return sp.expand(expression) if expression.is_polynomial() else expression


def _closed_form(n: int, q: int, same_delta: bool, same_p: bool) -> dict | None:
    """Closed-form payoffs as sympy expressions in delta, S (and p_i), when they exist."""
    sp = nb.import_sympy()
    delta, s, nn, qq = sp.symbols("delta S n q", positive=True)
    if same_delta and same_p:
        return {
            "proposer_share": s * (1 - delta * (qq - 1) / nn),
            "partner_offer": delta * s / nn,
            "value": s / nn,
            "inclusion_probability": (qq - 1) / (nn - 1),
            "substitute": {"n": n, "q": q},
        }
    if q == n and same_delta:
        pi = sp.Symbol("p_i", nonnegative=True)
        return {
            "proposer_share": s * (1 - delta * (1 - pi)),
            "value": pi * s,
            "partner_offer_to_j": sp.Symbol("p_j", nonnegative=True) * delta * s,
            "substitute": {"n": n, "q": q},
        }
    return None
