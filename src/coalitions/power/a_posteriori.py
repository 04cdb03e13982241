r"""A posteriori voting power: decisiveness and success when member i votes yes with
probability p_i (Straffin 1977; Laruelle and Valenciano 2005; Kaniovski and Leech 2009).

A priori indices assume every vote is a coin toss. An analyst who knows that some members
tend to vote yes asks two questions (Laruelle and Valenciano's *decisiveness* and *success*):

* **decisiveness** :math:`\Phi_i(p)`: the probability that member i's vote decides the
  outcome (the others' votes are such that i's vote turns a winning coalition into a losing
  one or back);
* **success** :math:`\Omega_i(p)`: the probability that the outcome is what member i voted.

Independent votes are computed exactly: by a generating function over the weights for a
weighted game with integer weights (one pass for the distribution of the yes weight, then the
factor of each member removed in the numerically stable direction), by meeting in the middle
for weighted and compound rules (such as the EU Council's double majority: the members split
into two halves, each half's yes-sets enumerated with their probabilities, and for each
yes-set of one half the probability that the other half completes it to a passing set read
from tail sums sorted by weight), by the table of all coalitions otherwise. Correlated votes
(a Gaussian copula with the given correlation matrix) are sampled, with standard errors.
With every :math:`p_i = 1/2`, decisiveness is the absolute Banzhaf index and success is
:math:`(1 + \beta_i)/2`; averaged over a common :math:`p \sim U(0, 1)` (Straffin's
homogeneity), decisiveness is the Shapley-Shubik index.
"""

from __future__ import annotations

import numbers
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import check_integer, front_door, seed_sequence
from ..exceptions import InvalidArgumentError, TooLargeError
from ..games.simple import (
    MAX_ENUMERATION_PLAYERS,
    CompoundGame,
    WeightedVotingGame,
    as_simple_game,
)
from ..results import EstimateResult, PowerIndexResult, PowerTableResult
from ._engines import MAX_MITM_PLAYERS, _Layers, _mitm_fits, remove_weighted_factor

__all__ = ["decisiveness", "success", "a_posteriori_table", "A_POSTERIORI_METHODS"]

#: The choices of ``method=``.
A_POSTERIORI_METHODS = ("auto", "generating-function", "mitm", "enumeration", "copula-sampling")
#: The exact methods of :func:`a_posteriori_table`.
TABLE_METHODS = ("auto", "generating-function", "mitm", "enumeration")
#: Below this many members ``"auto"`` tabulates rather than meets in the middle.
_MITM_FROM = 17
#: The generating function is used while the total integer weight stays below this.
MAX_TOTAL_WEIGHT = 10_000_000
#: Draws of the copula sampler, by default.
DEFAULT_BUDGET = 100_000
MAX_BUDGET = 100_000_000


def _probabilities(p: Any, n: int, function: str) -> tuple[list, bool]:
    """``p`` as one probability per member (a scalar is shared); exact when all are rational."""
    if isinstance(p, numbers.Real) and not isinstance(p, bool):
        p = [p] * n
    try:
        values = list(p)
    except TypeError:
        raise InvalidArgumentError(
            f"{function}: p must be a probability or one per member, got {p!r}."
        ) from None
    if len(values) != n:
        raise InvalidArgumentError(
            f"{function}: p needs one probability per member ({n}), got {len(values)}."
        )
    exact = True
    out: list[Any] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise InvalidArgumentError(f"{function}: probabilities must be numbers, got {value!r}.")
        if not 0 <= float(value) <= 1:  # NaN fails too
            raise InvalidArgumentError(
                f"{function}: probabilities must lie in [0, 1], got {value!r}."
            )
        if isinstance(value, (int, Fraction)):
            out.append(Fraction(value))
        else:
            exact = False
            out.append(float(value))
    if not exact:
        out = [float(v) for v in out]
    return out, exact


def _correlation(matrix: Any, n: int, function: str) -> np.ndarray:
    try:
        r = np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError):
        r = None
    if r is None or r.shape != (n, n) or not np.isfinite(r).all():
        raise InvalidArgumentError(
            f"{function}: correlation must be an {n} x {n} matrix of finite numbers."
        )
    if not np.allclose(r, r.T) or not np.allclose(np.diag(r), 1):
        raise InvalidArgumentError(
            f"{function}: correlation must be symmetric with ones on the diagonal."
        )
    if np.linalg.eigvalsh(r).min() < -1e-10:
        raise InvalidArgumentError(
            f"{function}: correlation must be positive semi-definite (a correlation matrix)."
        )
    return r


def _integer_weights(game: Any) -> tuple[list[int], int] | None:
    if not isinstance(game, WeightedVotingGame):
        return None
    values = [*game.weights, game.quota]
    if any(isinstance(v, float) for v in values):
        return None  # float weights: the table decides exactly
    ints, _ = nb.to_scaled_int([Fraction(v) for v in values], dtype=object)
    *weights, quota = (int(v) for v in ints)
    if any(w < 0 for w in weights) or sum(weights) > MAX_TOTAL_WEIGHT:
        return None
    return weights, quota


def _yes_weight_distribution(weights: list[int], p: list, exact: bool) -> np.ndarray:
    """``dist[k]``: the probability that the members voting yes weigh ``k`` in all."""
    dist = np.zeros(sum(weights) + 1, dtype=object if exact else np.float64)
    if exact:
        dist[:] = Fraction(0)
    dist[0] = 1
    top = 0
    for w, q in zip(weights, p):
        shifted = dist[: top + 1] * q
        dist[: top + 1] = dist[: top + 1] * (1 - q)
        dist[w : w + top + 1] += shifted
        top += w
    return dist


def _by_generating_function(weights: list[int], quota: int, p: list, exact: bool):
    zero: Any = Fraction(0) if exact else 0.0
    dist = _yes_weight_distribution(weights, p, exact)
    decisive, wins = [], []
    for w, q in zip(weights, p):
        others = remove_weighted_factor(dist, w, q)
        cumulative = np.concatenate([[zero], np.cumsum(others)])  # P(W < k) = cumulative[k]
        last = len(others)
        under_quota = cumulative[min(max(quota, 0), last)]
        under_rest = cumulative[min(max(quota - w, 0), last)]
        swing = under_quota - under_rest  # q - w <= W_-i < q
        passes_with_i = 1 - under_rest
        fails_without_i = under_quota
        decisive.append(swing)
        wins.append(q * passes_with_i + (1 - q) * fails_without_i)
    passing = dist[max(quota, 0) :].sum() if quota < len(dist) else zero
    return decisive, wins, passing


def _by_enumeration(game: Any, p: list, exact: bool):
    n = game.n_players
    if n > MAX_ENUMERATION_PLAYERS:
        raise TooLargeError(
            f"enumeration of 2**{n} vote profiles: the limit is {MAX_ENUMERATION_PLAYERS} members."
        )
    table = np.asarray(game.winning_table(), dtype=bool)
    dtype = object if exact else np.float64
    prob = np.ones(1, dtype=dtype)
    for q in p:  # P(mask) by doubling: member i's bit is the highest so far
        prob = np.concatenate([prob * (1 - q), prob * q])
    decisive, wins = [], []
    masks = np.arange(1 << n)
    for i, q in enumerate(p):
        without = masks[(masks >> i) & 1 == 0]
        with_i = without | (1 << i)
        marginal = prob[without] + prob[with_i]  # the others' profile, i marginalised out
        swing = table[with_i] & ~table[without]
        zero = Fraction(0) if exact else 0.0
        decisive.append(marginal[swing].sum() if swing.any() else zero)
        passes = marginal[table[with_i]].sum() if table[with_i].any() else zero
        fails = marginal[~table[without]].sum() if (~table[without]).any() else zero
        wins.append(q * passes + (1 - q) * fails)
    passing = prob[table].sum() if table.any() else (Fraction(0) if exact else 0.0)
    return decisive, wins, passing


def _half_probabilities(p: list, exact: bool) -> np.ndarray:
    """The probability of each yes-set of a half (bit j for its member j), by doubling."""
    prob = np.array([Fraction(1) if exact else 1.0], dtype=object if exact else np.float64)
    for q in p:
        prob = np.concatenate([prob * (1 - q), prob * q])
    return prob


def _by_meet_in_the_middle(game: Any, p: list, exact: bool):
    """Decisiveness, success and passing for a weighted or compound rule, in time about
    ``2**(n/2)`` times the number of distinct small-rule sums (see the module docstring).

    ``complete[side][x]`` is the probability that the other half's yes-set makes the yes-set
    ``x`` of this half pass; a member's decisiveness is the difference between its yes-set
    with and without it, averaged over the rest of its half."""
    layers = _Layers(game)
    n = game.n_players
    halves = (np.arange(n // 2), np.arange(n // 2, n))
    subsets = [layers.subsets(h) for h in halves]
    probs = [_half_probabilities([p[j] for j in h], exact) for h in halves]
    zero: Any = Fraction(0) if exact else 0.0
    sorted_sides = []
    for side in (0, 1):
        keys, big = subsets[side]
        uniq, order, offsets = layers.grouping(keys, big)
        sorted_sides.append((uniq, big[order], offsets, probs[side][order]))
    complete = []
    for side in (0, 1):
        keys, big = subsets[side]
        uniq, sorted_big, offsets, sorted_prob = sorted_sides[1 - side]
        mass = np.full(len(big), zero, dtype=object if exact else np.float64)
        for g in range(len(uniq)):
            run = slice(offsets[g], offsets[g + 1])
            # tail[k]: the probability of this key's other-half sets from the k-th lightest on
            tail = np.concatenate([np.cumsum(sorted_prob[run][::-1])[::-1], [zero]])
            need = layers.theta(keys + uniq[g]) - big
            mass = mass + tail[np.searchsorted(sorted_big[run], need, "left")]
        complete.append(mass)
    decisive: list[Any] = [zero] * n
    wins: list[Any] = [zero] * n
    for side in (0, 1):
        masks = np.arange(len(probs[side]))
        for j, i in enumerate(halves[side].tolist()):
            without = masks[(masks >> j) & 1 == 0]
            with_i = without | (1 << j)
            rest = probs[side][without] + probs[side][with_i]  # member i marginalised out
            yes, no = complete[side][with_i], complete[side][without]
            decisive[i] = (rest * (yes - no)).sum()
            wins[i] = (rest * (p[i] * yes + (1 - p[i]) * (1 - no))).sum()
    passing = (probs[0] * complete[0]).sum()
    return decisive, wins, passing


def _by_copula(game: Any, p: list, correlation: np.ndarray, budget: int, rng: Any):
    from scipy.stats import norm

    n = game.n_players
    generator = np.random.default_rng(seed_sequence(rng))
    thresholds = norm.ppf(np.asarray(p, dtype=np.float64))
    factor = np.linalg.cholesky(correlation + 1e-12 * np.eye(n))
    chunk = max(1, min(budget, 2**20 // max(n, 1)))
    decisive = np.zeros(n)
    wins = np.zeros(n)
    done = 0
    while done < budget:
        size = min(chunk, budget - done)
        z = generator.standard_normal((size, n)) @ factor.T
        votes = z < thresholds
        weights = 1 << np.arange(n, dtype=np.int64)
        masks = votes.astype(np.int64) @ weights
        for i in range(n):
            with_i = masks | (1 << i)
            without = masks & ~(1 << i)
            pass_with = np.asarray(game.winning_masks(with_i), dtype=bool)
            pass_without = np.asarray(game.winning_masks(without), dtype=bool)
            decisive[i] += np.count_nonzero(pass_with & ~pass_without)
            outcome = np.where(votes[:, i], pass_with, pass_without)
            wins[i] += np.count_nonzero(outcome == votes[:, i])
        done += size
    return decisive / budget, wins / budget


def _a_posteriori(game, p, method, correlation, budget, rng, function, which):
    game = as_simple_game(game, function)
    n = game.n_players
    probabilities, exact = _probabilities(p, n, function)
    if correlation is not None and method not in ("auto", "copula-sampling"):
        raise InvalidArgumentError(
            f"{function}: correlated votes are sampled; use method='copula-sampling' (or 'auto')."
        )
    if method == "copula-sampling" or correlation is not None:
        r = _correlation(np.eye(n) if correlation is None else correlation, n, function)
        budget = check_integer(budget, "budget", function, low=1)
        if budget > MAX_BUDGET:
            raise TooLargeError(f"{function}: budget {budget} exceeds {MAX_BUDGET:,} draws.")
        decisive, wins = _by_copula(game, probabilities, r, int(budget), rng)
        x = decisive if which == "decisiveness" else wins
        se = np.sqrt(x * (1 - x) / budget)
        from scipy.stats import norm

        z = float(norm.ppf(0.975))
        return EstimateResult(
            x=x,
            players=game.players,
            concept=which,
            method="copula-sampling",
            std_error=se,
            ci_low=x - z * se,
            ci_high=x + z * se,
            budget=int(budget),
            n_samples=int(budget),
            n_evaluations=2 * n * int(budget),
        )
    decisive, wins, _, used = _independent(game, probabilities, exact, method, function)
    x = _column(decisive if which == "decisiveness" else wins, exact)
    return PowerIndexResult(x=x, players=game.players, exact=exact, concept=which, method=used)


def _independent(game: Any, p: list, exact: bool, method: str, function: str):
    """Decisiveness, success, the probability of passing and the method used, for
    independent votes: the generating function for integer weights, else the table."""
    integer = _integer_weights(game) if method in ("auto", "generating-function") else None
    if method == "generating-function" and integer is None:
        raise InvalidArgumentError(
            f"{function}: method='generating-function' needs a weighted game whose weights "
            f"scale to integers summing to at most {MAX_TOTAL_WEIGHT:,}; use 'enumeration'."
        )
    if integer is not None:
        return (*_by_generating_function(*integer, p, exact), "generating-function")
    layered = isinstance(game, (WeightedVotingGame, CompoundGame))
    if method == "mitm" and not layered:
        raise InvalidArgumentError(
            f"{function}: method='mitm' needs a weighted or compound rule, got "
            f"{type(game).__name__}; use 'enumeration' or 'auto'."
        )
    if method == "mitm" and not _mitm_fits(game):
        raise TooLargeError(
            f"{function}: method='mitm' needs a weighted or compound rule of at most "
            f"{MAX_MITM_PLAYERS} members with weight sums below 2**60; use 'enumeration' "
            f"(at most {MAX_ENUMERATION_PLAYERS} members) or 'copula-sampling'."
        )
    if method == "mitm" or (
        method == "auto" and layered and game.n_players >= _MITM_FROM and _mitm_fits(game)
    ):
        return (*_by_meet_in_the_middle(game, p, exact), "mitm")
    return (*_by_enumeration(game, p, exact), "enumeration")


def _column(values: list, exact: bool) -> np.ndarray:
    """A read-only column of a result: ``Fraction`` objects when exact, floats otherwise."""
    if exact:
        return nb.read_only([Fraction(v) for v in values], nb.EXACT)
    return nb.read_only(values, nb.FLOAT)


@front_door(TABLE_METHODS)
def a_posteriori_table(game: Any, p: Any, *, method: str = "auto") -> PowerTableResult:
    r"""Decisiveness and success of every member under independent yes-probabilities, with
    the probability that a proposal passes (Laruelle and Valenciano 2005).

    .. math:: \Phi_i(p) = \Pr[S \setminus i \text{ loses}, S \cup i \text{ wins}], \qquad
              \Omega_i(p) = \Pr[\text{the outcome is what } i \text{ voted}],

    where member j is in the set S of yes-voters with probability :math:`p_j`, independently.
    This is the table ``coalitions power --profile FILE`` prints; the profile comes from a
    file through :func:`~coalitions.games.io.read_profile`.

    Parameters
    ----------
    game : simple game
    p : float, Fraction or sequence of them
        One yes-probability per member in ``game.players`` order (a scalar is shared).
    method : {"auto", "generating-function", "mitm", "enumeration"}, default "auto"
        As in :func:`decisiveness`; correlated votes are sampled there, not here.

    Returns
    -------
    PowerTableResult
        Columns ``"decisiveness"`` and ``"success"``; ``power_to_act`` the probability that
        the proposal passes (Coleman's power to act when every :math:`p_i = 1/2`). Exact
        (``Fraction``) when every probability and weight is rational.

    Raises
    ------
    InvalidArgumentError
        For a probability outside [0, 1], NaN, or the wrong number of them.
    TooLargeError
        For enumeration beyond ``MAX_ENUMERATION_PLAYERS`` members.

    References
    ----------
    .. [1] Laruelle, A. and Valenciano, F. (2005). Assessing success and decisiveness in
       voting situations. *Social Choice and Welfare* 24(1), 171-197.
    .. [2] Straffin, P. D. (1977). Homogeneity, independence, and power indices. *Public
       Choice* 30, 107-118.

    Examples
    --------
    With every probability 1/2, decisiveness is the absolute Banzhaf index:

    >>> from fractions import Fraction
    >>> import coalitions as co
    >>> table = co.a_posteriori_table(co.WeightedVotingGame(3, [2, 1, 1]), Fraction(1, 2))
    >>> table.indices["decisiveness"].tolist(), table.power_to_act
    ([Fraction(3, 4), Fraction(1, 4), Fraction(1, 4)], Fraction(3, 8))
    """
    game = as_simple_game(game, "a_posteriori_table")
    probabilities, exact = _probabilities(p, game.n_players, "a_posteriori_table")
    decisive, wins, passing, used = _independent(
        game, probabilities, exact, method, "a_posteriori_table"
    )
    return PowerTableResult(
        players=game.players,
        indices={"decisiveness": _column(decisive, exact), "success": _column(wins, exact)},
        exact=exact,
        power_to_act=Fraction(passing) if exact else float(passing),
        concept="a-posteriori-table",
        method=used,
    )


_DECISIVENESS_DOC = r"""The probability that each member's vote decides the outcome, given who tends to vote
yes (Laruelle and Valenciano 2005's decisiveness).

.. math:: \Phi_i(p) = \Pr\bigl[S \setminus i \text{ loses and } S \cup i \text{ wins}\bigr],
          \qquad S = \text{the members who vote yes}.

Parameters
----------
game : simple game
    A weighted, compound or tabled simple game.
p : float or sequence of float
    Each member's probability of voting yes (one shared value, or one per member).
    Rational probabilities on a rational game give exact answers.
method : {"auto", "generating-function", "mitm", "enumeration", "copula-sampling"}
    ``"auto"``: the generating function for a weighted game with integer weights (summing
    to at most :data:`MAX_TOTAL_WEIGHT`), meet in the middle for other weighted and compound
    rules of 17 to 40 members (the EU Council), the table of all coalitions otherwise, and
    the sampler when ``correlation`` is given.
correlation : array_like, optional
    Correlation matrix of the votes' latent normal variables (a Gaussian copula): member i
    votes yes when its variable falls below :math:`\Phi^{-1}(p_i)`. Sampled.
budget : int, optional
    Draws of the sampler.
rng : int, numpy.random.Generator or None
    Seed of the sampler.

Returns
-------
PowerIndexResult or EstimateResult
    ``concept="decisiveness"``; an estimate with ``std_error`` when sampled.

Raises
------
InvalidArgumentError
    For probabilities outside [0, 1], a wrong count, a bad correlation matrix or budget.
TooLargeError
    When no exact method fits and sampling was not asked for.

References
----------
.. [1] Straffin, P. D. (1977). Homogeneity, independence, and power indices. *Public
   Choice* 30(1), 107-118.
.. [2] Laruelle, A. and Valenciano, F. (2005). Assessing success and decisiveness in
   voting situations. *Social Choice and Welfare* 24(1), 171-197.
.. [3] Kaniovski, S. and Leech, D. (2009). A behavioral power index. *Public Choice*
   141(1-2), 17-29.

Examples
--------
With every vote a coin toss, decisiveness is the absolute Banzhaf index:

>>> from fractions import Fraction
>>> import coalitions as co
>>> game = co.WeightedVotingGame(3, [2, 1, 1])
>>> co.decisiveness(game, 0.5).x.tolist() == co.banzhaf_index(game, normalized=False).x.tolist()
True
>>> co.decisiveness(game, [Fraction(9, 10), Fraction(1, 2), Fraction(1, 2)]).x.tolist()
[Fraction(3, 4), Fraction(9, 20), Fraction(9, 20)]
"""

_SUCCESS_DOC = r"""The probability that the outcome is what each member voted (Laruelle and Valenciano
2005's success; Rae's index when every :math:`p_i = 1/2`).

.. math:: \Omega_i(p) = p_i \Pr[S \cup i \text{ wins}] + (1 - p_i) \Pr[S \setminus i
          \text{ loses}]

Parameters, methods and results as in :func:`decisiveness` (``concept="success"``).

Parameters
----------
game : simple game
p : float or sequence of float
    Each member's probability of voting yes.
method : {"auto", "generating-function", "mitm", "enumeration", "copula-sampling"}
correlation : array_like, optional
    Correlation matrix of a Gaussian copula of the votes (sampled).
budget : int, optional
rng : int, numpy.random.Generator or None

Returns
-------
PowerIndexResult or EstimateResult

References
----------
.. [1] Laruelle, A. and Valenciano, F. (2005). Assessing success and decisiveness in
   voting situations. *Social Choice and Welfare* 24(1), 171-197.

Examples
--------
>>> import coalitions as co
>>> co.success(co.WeightedVotingGame(3, [2, 1, 1]), 0.5).x.tolist()
[0.875, 0.625, 0.625]
"""


def _measure(which: str, doc: str) -> Any:
    """The front door of one a posteriori measure (decisiveness and success share it)."""

    def measure(
        game: Any,
        p: Any,
        *,
        method: str = "auto",
        correlation: Any = None,
        budget: int = DEFAULT_BUDGET,
        rng: Any = None,
    ) -> PowerIndexResult | EstimateResult:
        return _a_posteriori(game, p, method, correlation, budget, rng, which, which)

    measure.__name__ = measure.__qualname__ = which
    measure.__doc__ = doc
    return front_door(A_POSTERIORI_METHODS)(measure)


decisiveness = _measure("decisiveness", _DECISIVENESS_DOC)
success = _measure("success", _SUCCESS_DOC)
