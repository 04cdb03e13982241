"""Sensitivity of TU solutions to uncertain coalition worths.

A worth ``v(S)`` that nobody measured is an interval ``[lo_S, hi_S]``; the worths are then
independent uniform draws from their intervals (an interval game in the sense of Alparslan
Gök, Branzei and Tijs, with a uniform reading of each interval). :func:`solution_sensitivity`
gives each player's payoff under a solution its mean, standard deviation, range and
quantiles, and ranks the coalitions by how much their worth moves the payoffs.

A symmetric linear value (Shapley, Banzhaf, solidarity, equal division, equal surplus
division, ENSC, least squares) is a matrix ``C`` applied to the worths, and ``C[i, S]`` is
player ``i``'s value in the unit game of ``S`` (worth 1 on ``S``, 0 elsewhere); by symmetry it
depends only on ``|S|`` and on whether ``i`` is in ``S``, so ``n`` unit games computed by the
library's own solver give the whole matrix. Mean, range and variance are then exact sums over
the coalitions. Any other solution is sampled.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts
from .._checks import check_callback, check_integer, front_door, seed_sequence, unknown_choice
from .._players import mask_of, names_of
from ..exceptions import CoalitionsError, InvalidArgumentError, InvalidProblemError, TooLargeError
from ..games import TUGame
from ..results import SolutionSensitivityResult
from ._uniform_sums import INVERSION_WORK, uniform_sum_quantiles

__all__ = ["solution_sensitivity", "LINEAR_SOLUTIONS", "SAMPLED_SOLUTIONS"]

#: Symmetric linear values: exact moments from the coefficient matrix.
LINEAR_SOLUTIONS = (
    "shapley",
    "banzhaf",
    "solidarity",
    "equal-division",
    "equal-surplus-division",
    "ensc",
    "least-squares",
)
#: Solutions that are not linear in the worths: sampled.
SAMPLED_SOLUTIONS = ("nucleolus", "prenucleolus", "tau", "chi", "gately")
METHODS = ("auto", "exact", "monte-carlo")
#: Default draws, and the most accepted (each is a solve for a sampled solution).
SAMPLES = 1000
MAX_SAMPLES = 1_000_000
MAX_SOLVER_SAMPLES = 100_000
#: Most players: the coefficient matrix and every draw hold ``2**n`` worths.
MAX_PLAYERS = 16
#: Worths held in memory at once while drawing (rows of a chunk times coalitions).
CHUNK_WORTHS = 1 << 22
QUANTILES = (0.05, 0.5, 0.95)
#: Coalitions per player in the tornado rows (the widest swings).
TORNADO_ROWS = 20
#: Largest interval end: the draws are floats, and the squares of their widths must be finite.
FLOAT_LIMIT = 1e150


def _solver(name: str) -> Any:
    from .. import solutions as s

    return {
        "shapley": s.shapley_value,
        "banzhaf": s.banzhaf_value,
        "solidarity": s.solidarity_value,
        "equal-division": s.equal_division,
        "equal-surplus-division": s.equal_surplus_division,
        "ensc": s.ensc_value,
        "least-squares": s.least_squares_value,
        "nucleolus": s.nucleolus,
        "prenucleolus": s.prenucleolus,
        "tau": s.tau_value,
        "chi": s.chi_value,
        "gately": s.gately_point,
    }[name]


def _real(value: Any, what: str) -> Any:
    """A finite real number, kept exact when it is an int or Fraction."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise InvalidArgumentError(
            f"solution_sensitivity: {what} must be a real number, got {value!r}."
        )
    if isinstance(value, (int, np.integer)):
        return Fraction(int(value))
    if isinstance(value, Fraction):
        return value
    number = float(value)
    if not math.isfinite(number):
        raise InvalidArgumentError(f"solution_sensitivity: {what} must be finite, got {value!r}.")
    return number


def _intervals(game: TUGame, spread: Any, intervals: Any) -> tuple[list, list]:
    """The low and high worth of every coalition (index = mask); exact where possible."""
    n = game.n_players
    base = list(game.values) if game.kind == nb.EXACT else [float(v) for v in game.values]
    low, high = list(base), list(base)
    if spread is None and intervals is None:
        raise InvalidArgumentError(
            "solution_sensitivity: give spread= (a relative half-width for every worth, e.g. "
            "0.1) or intervals={coalition: (low, high)}."
        )
    if spread is not None:
        width = _real(spread, "spread")
        if width < 0:
            raise InvalidArgumentError(
                f"solution_sensitivity: spread must be >= 0, got {spread!r}."
            )
        try:
            for mask in range(1, 1 << n):
                half = abs(base[mask]) * width
                low[mask], high[mask] = base[mask] - half, base[mask] + half
        except OverflowError:
            low[-1] = math.inf  # refused below
    if intervals is not None:
        if not isinstance(intervals, Mapping):
            raise InvalidArgumentError(
                "solution_sensitivity: intervals must be a mapping {coalition: (low, high)}, "
                f"got {type(intervals).__name__}."
            )
        index = {p: i for i, p in enumerate(game.players)}
        for coalition, bounds in intervals.items():
            where = f"intervals[{coalition!r}]"
            mask = mask_of(coalition, index, where=where, error=InvalidArgumentError)
            if mask == 0:
                raise InvalidArgumentError(f"solution_sensitivity: {where}: v(empty) is 0.")
            if (
                isinstance(bounds, (str, bytes))
                or not hasattr(bounds, "__len__")
                or len(bounds) != 2
            ):
                raise InvalidArgumentError(
                    f"solution_sensitivity: {where} must be a pair (low, high), got {bounds!r}."
                )
            lo, hi = _real(bounds[0], f"{where} low"), _real(bounds[1], f"{where} high")
            if lo > hi:
                raise InvalidArgumentError(
                    f"solution_sensitivity: {where} has low {lo} > high {hi}; swap them."
                )
            low[mask], high[mask] = lo, hi
    # the midpoints and widths must be finite too (1e308 + 1e308 overflows)
    try:
        ends = [float(v) for v in (*low, *high)]  # the draws are floats
    except OverflowError:
        ends = [math.inf]
    if not all(math.isfinite(v) and abs(v) < FLOAT_LIMIT for v in ends):
        raise InvalidArgumentError(
            f"solution_sensitivity: an interval end is not finite or beyond {FLOAT_LIMIT:g}, "
            "where the variance of float worths overflows; rescale the game with "
            "scaled_game(game, factor)."
        )
    return low, high


def _exact(values: list) -> bool:
    return all(isinstance(v, Fraction) for v in values)


def _coefficients(name: str, n: int, exact: bool) -> np.ndarray:
    """``C[i, S]``: player i's value in the unit game of coalition S (mask), for every S.

    The value is symmetric, so ``C[i, S]`` is ``a[|S|]`` when ``i`` is in ``S`` and ``b[|S|]``
    otherwise; the unit game of the first ``s`` players gives both (player 0 is in it, the
    last player is not).
    """
    solver = _solver(name)
    a: list[Any] = [0] * (n + 1)
    b: list[Any] = [0] * (n + 1)
    for size in range(1, n + 1):
        table = [0] * (1 << n)
        table[(1 << size) - 1] = 1
        x = list(solver(TUGame(table if exact else [float(t) for t in table])).x)
        a[size], b[size] = x[0], (x[-1] if size < n else 0)
    sizes = popcounts(n)
    member = ((np.arange(1 << n)[None, :] >> np.arange(n)[:, None]) & 1).astype(bool)
    dtype = object if exact else float
    out = np.where(
        member, np.array(a, dtype=dtype)[sizes][None, :], np.array(b, dtype=dtype)[sizes][None, :]
    )
    out[:, 0] = 0
    return out


def _quantile_table(samples: np.ndarray, levels: tuple) -> dict:
    found = np.quantile(samples, levels, axis=0)
    return {float(q): found[k] for k, q in enumerate(levels)}


@front_door(METHODS)
def solution_sensitivity(
    game: TUGame,
    *,
    solution: str | Callable[[TUGame], Any] = "shapley",
    spread: Any = None,
    intervals: Mapping[Any, Any] | None = None,
    method: str = "auto",
    n_samples: int = SAMPLES,
    quantiles: Any = QUANTILES,
    rng: Any = None,
    callback: Callable[[int, int], Any] | None = None,
) -> SolutionSensitivityResult:
    r"""How a solution's payoffs move when the coalition worths are uncertain.

    Each worth ``v(S)`` lies in an interval :math:`[\underline v(S), \overline v(S)]` and is
    drawn uniformly from it, independently of the others. For each player ``i`` the result
    gives the mean, standard deviation, range and quantiles of the payoff :math:`x_i(v)`, the
    influence :math:`\partial x_i / \partial v(S)` of each uncertain coalition, and the
    coalitions ranked by their swing :math:`\sum_i |x_i(\overline v_S) - x_i(\underline v_S)|`
    (one coalition moved over its interval, the others at their midpoints).

    For a symmetric linear value :math:`x = C v` the answer is exact (``method="exact"``):
    :math:`E[x_i] = \sum_S C_{iS} m_S` with the midpoints :math:`m_S`, the range is
    :math:`[\sum_S \min(C_{iS}\underline v_S, C_{iS}\overline v_S), \sum_S \max(\dots)]`,
    :math:`\operatorname{Var} x_i = \sum_S C_{iS}^2 w_S^2 / 12` with the widths :math:`w_S`,
    and the influence of ``S`` on ``i`` is :math:`C_{iS}`, the value of ``i`` in the unit game
    of ``S``. Its quantiles come from the distribution of
    :math:`x_i = E[x_i] + \sum_S C_{iS} w_S (U_S - 1/2)`, a sum of independent uniforms
    (``quantile_method``): its closed form (Barrow and Smith) in integer arithmetic, to float
    precision, when equal terms grouped leave at most 4,096 terms; else the inversion of its
    characteristic function (Gil-Pelaez; tail below 1e-13, quadrature checked to 1e-11 in
    probability by doubling its panels); and only beyond the
    inversion's budget (about 16 players) the draws. Other solutions are sampled (``method="monte-carlo"``): ``n_samples`` games drawn
    from the intervals, each solved; the mean comes with its standard error.

    Parameters
    ----------
    game : TUGame
        The game; its worths are the centres of ``spread``'s intervals.
    solution : str or callable, optional
        ``"shapley"`` (the default), ``"banzhaf"``, ``"solidarity"``, ``"equal-division"``,
        ``"equal-surplus-division"``, ``"ensc"``, ``"least-squares"`` (linear: exact), or
        ``"nucleolus"``, ``"prenucleolus"``, ``"tau"``, ``"chi"``, ``"gately"`` (sampled); or
        a function ``solution(game)`` returning an allocation (``.x``), which is sampled.
    spread : float, optional
        Relative half-width for every worth: ``v(S)`` in ``[v(S) - spread |v(S)|,
        v(S) + spread |v(S)|]``.
    intervals : mapping, optional
        ``{coalition: (low, high)}``, a coalition as a tuple of names (or one name); it
        overrides ``spread`` for the coalitions it names. Coalitions named by neither keep
        their worth. At least one of ``spread`` and ``intervals`` is needed.
    method : {"auto", "exact", "monte-carlo"}, optional
        ``"auto"`` (the default) is ``"exact"`` for a linear value and ``"monte-carlo"``
        otherwise; ``"exact"`` refuses a solution that is not linear.
    n_samples : int, optional
        Draws (at least 1; at most 1,000,000, or 100,000 for a sampled solution, each draw
        being a solve). A linear value draws only when its quantiles cannot come from its
        distribution (the draws are then pushed through the matrix ``C``).
    quantiles : sequence of float, optional
        Levels in ``[0, 1]`` of the reported quantiles (default 5 %, 50 %, 95 %).
    rng : int, numpy.random.Generator or None, optional
        Seed of the draws.
    callback : callable, optional
        Progress: ``callback(done, n_samples)`` after each batch of draws.

    Returns
    -------
    SolutionSensitivityResult
        ``x`` (the mean payoffs; a mapping from player to mean), ``std``, ``low``, ``high``,
        ``quantiles``, ``std_error`` (``None`` when exact), ``baseline`` (the solution at the
        midpoints), ``influence`` (every uncertain coalition), ``ranking`` (every uncertain
        coalition, largest swing first) and ``tornado`` (per player the 20 widest swings;
        draw it with :func:`coalitions.plot.tornado`); ``result.summary(player)`` gathers one
        player's numbers.

    Raises
    ------
    InvalidArgumentError
        For an unknown solution or coalition, an interval with ``low > high`` or a
        non-finite end, a negative spread, bad counts or quantile levels.
    TooLargeError
        For more than 16 players or too many draws.
    InvalidProblemError
        When the sampled solution does not exist for any drawn game.

    Notes
    -----
    An exact run on a rational game with rational intervals keeps ``x``, ``low``, ``high``,
    ``variance`` and ``influence`` as fractions (``exact=True``); ``std`` is their square
    root, a float, and the quantiles are floats. The ``low`` and
    ``high`` of a sampled run are the extreme draws, inside the true range. A sampled solution
    that does not exist for some drawn game (an empty imputation set, a game that is not
    quasi-balanced for ``"tau"``) leaves that draw out; ``n_failed`` counts them and
    ``message`` says so. The influence of a sampled solution is the secant slope over each
    coalition's interval, the others at their midpoints.

    Cost: the exact path builds the ``n x 2**n`` matrix from ``n`` unit games; its quantiles
    cost at most 4,096 integer terms or about 6e7 ``sinc`` evaluations, else one matrix
    product per batch of draws; the sampled path solves ``n_samples + 2 m + 1`` games for
    ``m`` uncertain coalitions.

    References
    ----------
    .. [1] S. Z. Alparslan Gök, R. Branzei and S. Tijs, "Cores and Shapley values of interval
       games", *Annals of Operations Research* 170 (2009) 1-16.
    .. [2] A. Saltelli et al., *Global Sensitivity Analysis: The Primer*, Wiley, 2008.
    .. [3] J. A. Barrow and P. W. Smith, "Spline notation applied to a volume problem",
       *American Mathematical Monthly* 86 (1979) 50-51.
    .. [4] J. Gil-Pelaez, "Note on the inversion theorem", *Biometrika* 38 (1951) 481-482.

    Examples
    --------
    The glove game with the worth of the pair (L, R1) between 0 and 2:

    >>> import coalitions as co
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> result = co.solution_sensitivity(glove, intervals={("L", "R1"): (0, 2)}, rng=0)
    >>> result.method, result.exact, result.quantile_method
    ('exact', True, 'exact')
    >>> round(float(result.quantiles[0.05][0]), 6)  # L's payoff is uniform on [1/2, 5/6]
    0.516667
    >>> entry = result.summary("L")
    >>> entry["mean"], entry["low"], entry["high"]
    (Fraction(2, 3), Fraction(1, 2), Fraction(5, 6))
    >>> result.influence[("L", "R1")]
    {'L': Fraction(1, 6), 'R1': Fraction(1, 6), 'R2': Fraction(-1, 3)}
    >>> round(result.summary("R2")["std"], 4)
    0.1925
    """
    if not isinstance(game, TUGame):
        raise InvalidArgumentError(
            f"solution_sensitivity needs a TUGame, got {type(game).__name__}; convert a simple "
            "game with game.to_tu_game()."
        )
    if game.kind == nb.SYMBOLIC:
        raise InvalidArgumentError(
            "solution_sensitivity draws worths, which needs numeric values; substitute the "
            "symbols first with game.subs({...})."
        )
    n = game.n_players
    if n > MAX_PLAYERS:
        raise TooLargeError(
            f"solution_sensitivity: {n} players have 2**{n} worths per draw; the limit is "
            f"{MAX_PLAYERS}. Analyse the worths that matter on a smaller model."
        )
    if callable(solution) and not isinstance(solution, str):
        name, solve, linear = getattr(solution, "__name__", "custom"), solution, False
    elif isinstance(solution, str) and solution in LINEAR_SOLUTIONS + SAMPLED_SOLUTIONS:
        name, solve, linear = solution, _solver(solution), solution in LINEAR_SOLUTIONS
    else:
        unknown_choice(
            solution,
            LINEAR_SOLUTIONS + SAMPLED_SOLUTIONS,
            what="solution",
            function="solution_sensitivity",
        )
    if method == "exact" and not linear:
        raise InvalidArgumentError(
            f"solution_sensitivity: method='exact' needs a linear value "
            f"({', '.join(map(repr, LINEAR_SOLUTIONS))}); {name!r} is sampled: use "
            "method='monte-carlo' or 'auto'."
        )
    use_exact = linear and method != "monte-carlo"
    limit = MAX_SAMPLES if use_exact else MAX_SOLVER_SAMPLES
    n_samples = check_integer(n_samples, "n_samples", "solution_sensitivity", low=1)
    if n_samples > limit:
        raise TooLargeError(
            f"solution_sensitivity: n_samples={n_samples} is more than {limit:,} draws for "
            f"this method; use at most {limit:,}."
        )
    levels = _levels(quantiles)
    callback = check_callback(callback, "solution_sensitivity")
    generator = np.random.default_rng(seed_sequence(rng))
    low, high = _intervals(game, spread, intervals)
    exact = use_exact and game.kind == nb.EXACT and _exact(low) and _exact(high)
    as_number = (lambda v: v) if exact else float
    lo = np.array([as_number(v) for v in low], dtype=object if exact else float)
    hi = np.array([as_number(v) for v in high], dtype=object if exact else float)
    mid = (lo + hi) / 2
    width = hi - lo
    uncertain = [int(m) for m in np.flatnonzero(np.array([w != 0 for w in width]))]
    players = game.players
    labels = {m: names_of(m, players) for m in uncertain}
    box = _Box(game, name, lo, hi, mid, width, uncertain, labels, levels, n_samples)
    if use_exact:
        return _linear(box, exact, generator, callback)
    return _sampled(box, solve, generator, callback)


@dataclass(frozen=True)
class _Box:
    """The checked problem: the game, the solution's name and the box of worths (arrays
    indexed by mask: ends, midpoints and widths), the uncertain masks and their names."""

    game: TUGame
    name: str
    lo: np.ndarray
    hi: np.ndarray
    mid: np.ndarray
    width: np.ndarray
    uncertain: list
    labels: dict
    levels: tuple
    n_samples: int

    def draws(self, generator: np.random.Generator, callback: Any, consume: Callable) -> None:
        """Draw the worths in batches (at most :data:`CHUNK_WORTHS` in memory) and hand each
        batch to ``consume``; ``callback(done, n_samples)`` after each."""
        lo, width = self.lo.astype(float), self.width.astype(float)
        rows = max(1, CHUNK_WORTHS // lo.size)
        done = 0
        while done < self.n_samples:
            count = min(rows, self.n_samples - done)
            consume(lo[None, :] + generator.random((count, lo.size)) * width[None, :])
            done += count
            if callback is not None:
                callback(done, self.n_samples)

    def common(self, swings: dict) -> dict:
        """The fields both paths fill alike."""
        return {
            "players": self.game.players,
            "cost": self.game.is_cost,
            "concept": f"{self.name}-sensitivity",
            "ranking": _ranking(swings, self.labels, self.game.n_players),
            "tornado": _tornado(self.game.players, swings, self.labels),
            "n_samples": self.n_samples,
            "solution": self.name,
        }


def _levels(quantiles: Any) -> tuple:
    if isinstance(quantiles, (str, bytes)) or not hasattr(quantiles, "__iter__"):
        raise InvalidArgumentError(
            f"solution_sensitivity: quantiles must be a list of levels in [0, 1], got "
            f"{quantiles!r}."
        )
    out = []
    for q in quantiles:
        if isinstance(q, bool) or not isinstance(q, numbers.Real) or not 0 <= float(q) <= 1:
            raise InvalidArgumentError(
                f"solution_sensitivity: each quantile level must be a number in [0, 1], got {q!r}."
            )
        out.append(float(q))
    if not out:
        raise InvalidArgumentError("solution_sensitivity: give at least one quantile level.")
    return tuple(out)


def _ends(swings: dict, n: int) -> tuple[list, np.ndarray, np.ndarray]:
    """The masks of ``swings`` and the ``n`` payoffs at the low and high end, a row per mask."""
    masks = list(swings)
    at_low = np.array([np.asarray(swings[m][0], float) for m in masks]).reshape(len(masks), n)
    at_high = np.array([np.asarray(swings[m][1], float) for m in masks]).reshape(len(masks), n)
    return masks, at_low, at_high


def _tornado(players: tuple, swings: dict, labels: dict) -> dict:
    """Rows for :func:`coalitions.plot.tornado`: per player, the :data:`TORNADO_ROWS`
    coalitions with the widest swing, widest first."""
    masks, at_low, at_high = _ends(swings, len(players))
    out = {}
    for i, p in enumerate(players):
        widths = np.abs(at_high[:, i] - at_low[:, i])
        rows: list[dict[str, Any]] = []
        for k in np.argsort(-widths, kind="stable")[:TORNADO_ROWS]:
            a, b = float(at_low[k, i]), float(at_high[k, i])
            rows.append(
                {
                    "assumption": "{" + ", ".join(labels[masks[k]]) + "}",
                    "at_low": a,
                    "at_high": b,
                    "min": min(a, b),
                    "max": max(a, b),
                    "swing": float(widths[k]),
                }
            )
        out[p] = rows
    return out


def _ranking(swings: dict, labels: dict, n: int) -> tuple:
    """Every uncertain coalition with its swing summed over the players, largest first."""
    masks, at_low, at_high = _ends(swings, n)
    total = np.abs(at_high - at_low).sum(axis=1)
    return tuple((labels[masks[k]], float(total[k])) for k in np.argsort(-total, kind="stable"))


def _linear(
    box: _Box, exact: bool, generator: np.random.Generator, callback: Any
) -> SolutionSensitivityResult:
    players, lo, hi, width = box.game.players, box.lo, box.hi, box.width
    coefficients = _coefficients(box.name, box.game.n_players, exact)
    mean = coefficients.dot(box.mid)
    at_lo, at_hi = coefficients * lo[None, :], coefficients * hi[None, :]
    variance = (coefficients * coefficients).dot(width * width) / 12
    found = _distribution_quantiles(box, coefficients, mean)
    drawn = 0
    if found is None:  # beyond the budgets of both ways: the draws, pushed through C
        columns = coefficients.astype(float).T
        collected: list[np.ndarray] = []
        box.draws(generator, callback, lambda worths: collected.append(worths @ columns))
        found = _quantile_table(np.concatenate(collected), box.levels), "sampled"
        drawn = box.n_samples
    quantiles, how = found
    swings = {
        m: (mean - coefficients[:, m] * width[m] / 2, mean + coefficients[:, m] * width[m] / 2)
        for m in box.uncertain
    }
    return SolutionSensitivityResult(
        **{**box.common(swings), "n_samples": drawn},
        quantile_method=how,
        exact=exact,
        method="exact",
        x=mean,
        std=np.sqrt(np.asarray(variance, dtype=float)),
        variance=variance,
        low=np.minimum(at_lo, at_hi).sum(axis=1),
        high=np.maximum(at_lo, at_hi).sum(axis=1),
        quantiles=quantiles,
        std_error=None,
        baseline=dict(zip(players, mean.tolist())),
        influence={
            box.labels[m]: dict(zip(players, coefficients[:, m].tolist())) for m in box.uncertain
        },
        intervals={box.labels[m]: (lo[m], hi[m]) for m in box.uncertain},
        n_failed=0,
    )


def _distribution_quantiles(
    box: _Box, coefficients: np.ndarray, mean: np.ndarray
) -> tuple[dict, str] | None:
    """Each payoff's quantiles from its exact distribution, ``mean_i + sum_S C[i, S] w_S
    (U_S - 1/2)`` (:func:`~._uniform_sums.uniform_sum_quantiles`), and how they were found
    (``"inversion"`` if any payoff needed it, else ``"exact"``); None beyond the budgets."""
    n = box.game.n_players
    scales = coefficients[:, box.uncertain] * box.width[box.uncertain][None, :]
    offsets, ways = [], set()
    for i in range(n):
        found = uniform_sum_quantiles(scales[i].tolist(), box.levels, work=INVERSION_WORK / n)
        if found is None:
            return None
        offsets.append(found[0])
        ways.add(found[1])
    centre = np.asarray(mean, dtype=float)
    table = {q: centre + np.array([row[k] for row in offsets]) for k, q in enumerate(box.levels)}
    return table, "inversion" if "inversion" in ways else "exact"


def _sampled(
    box: _Box, solve: Callable, generator: np.random.Generator, callback: Any
) -> SolutionSensitivityResult:
    game, name, n_samples = box.game, box.name, box.n_samples
    players, n = game.players, game.n_players
    first_error: list[str] = []

    def payoff(worths: np.ndarray) -> np.ndarray | None:
        """The solution's payoffs for one row of worths; None where it has no answer."""
        try:
            x = solve(TUGame(worths, players, cost=game.is_cost)).x
        except CoalitionsError as error:
            if not first_error:
                first_error.append(str(error))
            return None
        x = np.asarray([float(v) for v in x])
        if x.shape != (n,) or not np.all(np.isfinite(x)):
            raise InvalidProblemError(
                f"solution_sensitivity: {name} returned {x.size} payoffs (finite ones needed) "
                f"for {n} players."
            )
        return x

    mid = np.asarray(box.mid, float)
    baseline = payoff(mid)
    if baseline is None:
        raise InvalidProblemError(
            f"solution_sensitivity: {name} has no answer at the midpoints of the intervals: "
            f"{first_error[0]}"
        )
    swings = {}
    for m in box.uncertain:  # one coalition at each end of its interval, the others at midpoints
        ends = []
        for end in (box.lo[m], box.hi[m]):
            worths = mid.copy()
            worths[m] = float(end)
            ends.append(payoff(worths))
        if ends[0] is not None and ends[1] is not None:
            swings[m] = (ends[0], ends[1])
    rows: list[np.ndarray] = []

    def consume(worths: np.ndarray) -> None:
        rows.extend(x for x in map(payoff, worths) if x is not None)

    box.draws(generator, callback, consume)
    if not rows:
        raise InvalidProblemError(
            f"solution_sensitivity: {name} has no answer for any of the {n_samples} drawn "
            f"games: {first_error[0]}"
        )
    samples = np.array(rows)
    failed = n_samples - len(rows)
    std = samples.std(axis=0, ddof=1) if len(rows) > 1 else np.zeros(n)
    width = np.asarray(box.width, float)
    return SolutionSensitivityResult(
        **box.common(swings),
        exact=False,
        method="monte-carlo",
        message=(
            f"{failed} of {n_samples} drawn games have no {name} and are left out "
            f"({first_error[0]})"
            if failed
            else ""
        ),
        x=samples.mean(axis=0),
        std=std,
        variance=std**2,
        low=samples.min(axis=0),
        high=samples.max(axis=0),
        quantiles=_quantile_table(samples, box.levels),
        std_error=std / math.sqrt(len(rows)),
        baseline=dict(zip(players, baseline.tolist())),
        influence={
            box.labels[m]: dict(zip(players, ((h - a) / width[m]).tolist()))
            for m, (a, h) in swings.items()
        },
        intervals={box.labels[m]: (float(box.lo[m]), float(box.hi[m])) for m in box.uncertain},
        n_failed=failed,
    )
