r"""The nucleolus, the prenucleolus and the per-capita nucleolus, certified by Kohlberg's
criterion."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, subset_sums
from .._checks import check_callback, check_tolerance, front_door
from .._docstrings import fill_doc
from ..exceptions import InvalidGameError
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import NucleolusResult
from . import _minimal_balanced, _three_players
from ._normal_form import ExcessWeights, NormalForm, normal_form, pow2
from ._nucleolus_weighted import (
    CONSTRAINT_GENERATION,
    NUCLEOLUS_SWITCH,
    unless_too_large,
    voting_nucleolus,
    wants_constraint_generation,
)
from ._sequential import FULL_ROW_PLAYERS, Run, kohlberg, reconstruct_exact, sequential_lp
from .least_core import LP_TOL

__all__ = ["nucleolus", "prenucleolus", "per_capita_nucleolus", "is_nucleolus", "is_prenucleolus"]

#: The choices of ``method=`` in :func:`nucleolus`, :func:`prenucleolus` and
#: :func:`per_capita_nucleolus`.
NUCLEOLUS_METHODS = ("sequential",)

#: Above this many players the stages of a game known exactly generate their rows (a few
#: dozen LP rows instead of all 2**n: an LP of 2**n rows costs more than a few row-generation
#: rounds from 7 players on). Float games keep every row up to ``FULL_ROW_PLAYERS``, so
#: their float answers stay those of the full LP; exact games are rebuilt and certified,
#: whatever the LP's path.
EXACT_FULL_ROW_PLAYERS = 6
#: ... and their stages fix coalitions by exact elimination, not a float QR choice.
EXACT_GREEDY_SPAN = True

#: Kohlberg's check first looks at this many coalitions of largest excess ...
KOHLBERG_FIRST_BATCH = 4096
#: ... and, when the levels it must check reach past them, at this many times more.
KOHLBERG_BATCH_GROWTH = 8


@dataclasses.dataclass(frozen=True)
class _Problem:
    """One call, checked: the game, its normal form (zero-normalised, scaled worths) and which
    nucleolus is asked for."""

    game: TUGame
    nf: NormalForm
    concept: str
    method: str
    imputation: bool  # over imputations (nucleolus, per-capita), not prenucleolus
    per_capita: bool
    weights: list | None  # per-capita: excesses divided by the coalition's size
    atol: float
    excess_weights: ExcessWeights | None = None  # a weighted nucleolus: excess over w(S)
    given: tuple[int, ...] = ()  # coalitions held at x(S) = v(S) (a coalition structure)
    skip: tuple[int, ...] = ()  # coalitions whose excess does not count
    reported: TUGame | None = None  # the game answered for, when another game is solved
    level_factor: int = 1  # the levels reported are this multiple of the solved ones


@dataclasses.dataclass(frozen=True)
class _Certified:
    """What :func:`_certify` decided: the answer in the normal form's units (``x`` None when
    there is none, ``message`` then says why)."""

    x: list | None
    levels: list
    exact: bool = False
    verified: bool = False
    message: str = ""
    as_floats: bool = False  # report the LP's floats (an unverified answer, rational game)


def _check_imputations_exist(nf: NormalForm, function: str, atol: float) -> None:
    game = nf.game
    empty = nf.grand < 0 if nf.exact else float(nf.floats[-1]) < -atol
    if empty:
        singles = sum(game.values[1 << i] for i in range(nf.n))
        if game.is_cost:
            detail = (
                f"the players' stand-alone costs add up to {singles}, less than "
                f"c(N) = {game.grand_value}, so no cost share gives every player at "
                "most its own cost"
            )
        else:
            detail = (
                f"the players' individual worths add up to {singles}, more than "
                f"v(N) = {game.grand_value}"
            )
        raise InvalidGameError(
            f"{function}: the imputation set is empty ({detail}); the nucleolus is not "
            "defined. Use prenucleolus(game), which needs no imputation."
        )


def _problem(game: Any, concept: str, method: str, atol: float) -> _Problem:
    """Check the call and build the normal form (step 1 of 4)."""
    game = as_tu_game(game, concept)
    atol = check_tolerance(atol, concept)
    return _checked_problem(
        game,
        concept,
        method,
        atol,
        imputation=concept != "prenucleolus",
        per_capita=concept == "per-capita-nucleolus",
    )


def _checked_problem(
    game: TUGame,
    concept: str,
    method: str,
    atol: float,
    *,
    imputation: bool,
    per_capita: bool = False,
    weights: Sequence[Any] | np.ndarray | None = None,
    given: tuple[int, ...] = (),
    skip: tuple[int, ...] = (),
    reported: TUGame | None = None,
    level_factor: int = 1,
) -> _Problem:
    """The problem of a checked ``game`` with its normal form, the imputation set checked
    first when ``imputation``: where step 1 of every nucleolus and variant ends.

    ``game`` is the game solved, ``reported`` the game the answer is for (when they differ);
    ``per_capita`` divides each excess by the coalition's size, ``weights`` (one positive
    number per coalition) by ``w(S)``; ``given``, ``skip`` and ``level_factor`` as in
    :class:`_Problem`."""
    nf = normal_form(game, concept)
    if imputation:
        _check_imputations_exist(nf, concept, atol)
    return _Problem(
        game=game,
        nf=nf,
        concept=concept,
        method=method,
        imputation=imputation,
        per_capita=per_capita,
        weights=list(range(game.n_players + 1)) if per_capita else None,
        atol=atol,
        excess_weights=None if weights is None else _excess_weights(weights, game.n_players),
        given=given,
        skip=skip,
        reported=reported,
        level_factor=level_factor,
    )


def _excess_weights(weights: Sequence[Any] | np.ndarray, n: int) -> ExcessWeights:
    """The weights scaled by a power of two to at most 1 (exact: the nucleolus is unchanged
    when every weight is multiplied by the same positive number)."""
    table = np.array(weights, dtype=object)
    full = (1 << n) - 1
    table[0] = table[full] = 1
    top = Fraction(table.max())
    k = top.numerator.bit_length() - top.denominator.bit_length() + 1
    unit = pow2(-k)
    floats = np.ldexp(table.astype(np.float64), -k)
    return ExcessWeights(floats=floats, exact=lambda mask: Fraction(table[mask]) * unit)


def _solve(problem: _Problem, callback: Callable[[int, int], None] | None) -> Run:
    """The sequential LPs on the normal form's float worths (step 2 of 4)."""
    weights = problem.excess_weights
    return sequential_lp(
        problem.nf.floats,
        problem.game.n_players,
        imputation=problem.imputation,
        weight_by_size=problem.weights,
        weights=None if weights is None else weights.floats,
        given=problem.given,
        skip=problem.skip,
        atol=problem.atol,
        progress=callback,
        full_row_players=EXACT_FULL_ROW_PLAYERS if problem.nf.exact else FULL_ROW_PLAYERS,
        greedy_span=EXACT_GREEDY_SPAN and problem.nf.exact,
        # an exact game's answer is rebuilt and certified whatever vertex a stage ends at
        presolve=not problem.nf.exact,
    )


def _certify(problem: _Problem, run: Run, verify: bool) -> _Certified:
    """Kohlberg's criterion on the LP answer (step 3 of 4): exactly, on the answer rebuilt in
    exact arithmetic, for a rational game (or a float game with integer worths); within the
    tolerance for a float game; not at all with ``verify=False``."""
    nf, atol = problem.nf, problem.atol
    if not run.success:
        return _Certified(x=None, levels=[], message=run.message)
    if not verify:
        return _Certified(
            x=[nf.from_lp(v) for v in run.x],
            levels=[nf.from_lp(t) for t in _dedupe(run.levels, atol)],
            message="not verified (verify=False): the LP answer in floating point",
            as_floats=problem.game.kind == nb.EXACT,
        )
    if nf.exact:
        weight = None if problem.excess_weights is None else problem.excess_weights.exact
        rebuilt = reconstruct_exact(
            nf.value, nf.n, run, problem.weights, weight=weight, unscale=nf.from_lp
        )
        if rebuilt is not None:
            x_exact, stage_levels = rebuilt
            if _verify(nf, x_exact, problem, exact=True, atol=atol):
                if problem.game.kind == nb.FLOAT:
                    return _Certified(
                        x=x_exact,
                        levels=_dedupe(stage_levels, 0),
                        verified=True,
                        message="float game with integer worths: rebuilt in exact arithmetic "
                        "and verified by Kohlberg's criterion; x holds the floats of "
                        "the exact answer",
                    )
                return _Certified(
                    x=x_exact,
                    levels=_dedupe(stage_levels, 0),
                    exact=True,
                    verified=True,
                    message="exact; verified by Kohlberg's criterion",
                )
        return _Certified(
            x=None,
            levels=[],
            message=(
                "the LP answer could not be rebuilt in exact arithmetic so that it passes "
                "Kohlberg's criterion; no answer is given rather than a wrong one (call with "
                "verify=False for the unverified float answer)"
            ),
        )
    tol = max(atol, LP_TOL)
    if not _verify(nf, list(run.x), problem, exact=False, atol=tol, lp_units=True):
        return _Certified(
            x=None,
            levels=[],
            message=(
                "the float LP answer does not pass Kohlberg's criterion within "
                f"{tol:g} of the zero-normalised, scaled worths; no answer is given rather than a "
                "wrong one"
            ),
        )
    return _Certified(
        x=[nf.from_lp(v) for v in run.x],
        levels=[nf.from_lp(t) for t in _dedupe(run.levels, atol)],
        verified=True,
        message="float game: answer in floating point; Kohlberg's criterion "
        f"holds within {tol:g} (relative to the zero-normalised worths)",
    )


def _result(problem: _Problem, run: Run, certified: _Certified) -> NucleolusResult:
    """The result object, in the game's own units and number kind (step 4 of 4)."""
    game, nf = problem.reported or problem.game, problem.nf
    n = game.n_players
    if certified.x is None:
        return NucleolusResult(
            x=np.full(n, np.nan),
            players=game.players,
            exact=False,
            concept=problem.concept,
            method=problem.method,
            nit=run.nit,
            success=False,
            message=certified.message,
            cost=game.is_cost,
        )
    in_costs = "; in costs (excess x(S) - c(S))" if problem.game.is_cost else ""
    x = nb.read_only(nf.to_payoffs(certified.x)[:n].copy())
    result = NucleolusResult(
        x=x,
        players=game.players,
        exact=certified.exact,
        concept=problem.concept,
        method=problem.method,
        levels=tuple(nf.to_amount(t) * problem.level_factor for t in certified.levels),
        nit=run.nit,
        verified=certified.verified,
        message=certified.message + in_costs,
        cost=game.is_cost,
    )
    if certified.as_floats:  # the LP's floats, not Fractions that look exact
        return dataclasses.replace(
            result, x=_floats(result.x), levels=tuple(_floats(result.levels).tolist())
        )
    return result


def _answer(
    problem: _Problem, verify: bool, callback: Callable[[int, int], None] | None
) -> NucleolusResult:
    """Steps 2 to 4 on a checked problem (every nucleolus variant ends here)."""
    closed = None
    if callback is None:
        closed = _closed_form(problem) or _table_form(problem)
    if closed is not None:
        return _result(problem, Run(x=np.empty(0)), closed)
    run = _solve(problem, callback)
    return _result(problem, run, _certify(problem, run, verify))


def _closed_form(problem: _Problem) -> _Certified | None:
    """The (pre)nucleolus of two or three players without an LP, certified by Kohlberg's
    criterion (``_three_players.py``); None for the other problems (per capita, weighted,
    with given or skipped coalitions, larger) and when the check fails."""
    nf = problem.nf
    if (
        nf.n > _three_players.MAX_PLAYERS
        or problem.per_capita
        or problem.excess_weights is not None
        or problem.given
        or problem.skip
    ):
        return None
    found = _three_players.closed_form_nucleolus(
        nf, imputation=problem.imputation, atol=problem.atol
    )
    if found is None:
        return None
    x, levels = found
    if not nf.exact:
        tol = max(problem.atol, _three_players.ROUNDING)
        return _Certified(
            x=x,
            levels=levels,
            verified=True,
            message="float game: answer in floating point (closed form for at most three "
            f"players); Kohlberg's criterion holds within {tol:g} (relative to the "
            "zero-normalised worths)",
        )
    return _exactly_certified(problem, x, levels, "closed form for at most three players")


def _exactly_certified(problem: _Problem, x: list, levels: list, how: str) -> _Certified:
    """An answer found ``how`` without an LP and certified in exact arithmetic (a float
    game with integer worths reports floats, so not ``exact``)."""
    if problem.game.kind == nb.FLOAT:
        return _Certified(
            x=x,
            levels=levels,
            verified=True,
            message=f"float game with integer worths: {how} in exact arithmetic, verified by "
            "Kohlberg's criterion; x holds the floats of the exact answer",
        )
    return _Certified(
        x=x,
        levels=levels,
        exact=True,
        verified=True,
        message=f"exact; {how}, verified by Kohlberg's criterion",
    )


def _table_form(problem: _Problem) -> _Certified | None:
    """The (pre)nucleolus of an exact game of four or five players without an LP: the
    prenucleolus of the minimal balanced collections' stages (``_minimal_balanced.py``),
    rebuilt as rationals and certified by Kohlberg's criterion over the same table, in
    integers. None for the other problems, for a nucleolus whose prenucleolus is not an
    imputation (the two then differ) and when the check fails: the LPs decide then."""
    nf = problem.nf
    n = nf.n
    if (
        _three_players.FORCE_LP
        or not nf.exact
        or n not in _minimal_balanced.TABLE_PLAYERS
        or problem.per_capita
        or problem.excess_weights is not None
        or problem.given
        or problem.skip
    ):
        return None
    x_float, fixed, stage_levels = _minimal_balanced.stage_levels(
        nf.floats, n, imputation=problem.imputation
    )
    units = nf.rational_point(x_float)
    if units is None or (problem.imputation and min(units) < 0):
        return None
    keys, scale = nf.integer_excesses(units)
    zero = [i for i in range(n) if units[i] == 0] if problem.imputation else []
    if not _minimal_balanced.kohlberg_by_table(n, keys, zero):
        return None
    unit = scale * nf.den
    x = [u / nf.den for u in units]
    # each stage's level exactly: the excess of the coalitions it fixed at that level (not
    # the singletons held at their worth), one value, and below the stage before; else the
    # float stages were misread and the LPs decide
    levels: list[Fraction] = []
    for stage, level in zip(fixed, stage_levels):
        paid = problem.imputation and level > 0
        at_level = {int(keys[m]) for m in stage if not (paid and m & (m - 1) == 0)}
        if len(at_level) != 1:
            return None
        exact_level = Fraction(at_level.pop(), unit)
        if levels and exact_level > levels[-1]:
            return None
        if not levels or levels[-1] != exact_level:
            levels.append(exact_level)
    how = "minimal balanced collections of at most five players (no LP)"
    return _exactly_certified(problem, x, levels, how)


def _dedupe(levels: Sequence[Any], tol: float) -> list:
    out: list = []
    for level in levels:
        if not out or abs(level - out[-1]) > tol:
            out.append(level)
    return out


def _floats(values) -> np.ndarray:
    out = []
    for v in values:
        try:
            out.append(float(v))
        except OverflowError:
            out.append(float("inf") if v > 0 else float("-inf"))
    return np.array(out, dtype=np.float64)


def _verify(
    nf: NormalForm,
    x0,
    problem: _Problem | None = None,
    *,
    exact: bool,
    atol: float,
    lp_units: bool = False,
    imputation: bool = False,
) -> bool:
    """Kohlberg's criterion at ``x0`` (exact Fractions, or floats within ``atol`` of the
    scaled worths; ``lp_units``: float ``x0`` already in the LP's units) for the excesses of
    ``problem`` (per capita, weighted, with given coalitions), or the plain excesses over
    imputations (``imputation``) or preimputations when ``problem`` is None."""
    n = nf.n
    if problem is not None:
        imputation = problem.imputation
    per_capita = problem is not None and problem.per_capita
    weights = None if problem is None else problem.excess_weights
    given = () if problem is None else problem.given
    excluded = () if problem is None else (*problem.given, *problem.skip)
    if exact:
        x0 = [Fraction(v) for v in x0]
        if sum(x0) != nf.grand:
            return False
        if any(sum(x0[i] for i in range(n) if m >> i & 1) != nf.value(m) for m in given):
            return False
        zero = []
        if imputation:
            if any(v < 0 for v in x0):
                return False
            zero = [i for i in range(n) if x0[i] == 0]
    else:
        scaled = (
            np.asarray(x0, dtype=float)
            if lp_units
            else np.array([nf.to_lp(v) for v in x0], dtype=float)
        )
        if not np.all(np.isfinite(scaled)) or abs(scaled.sum() - nf.floats[-1]) > atol:
            return False
        if any(
            abs(scaled[[i for i in range(n) if m >> i & 1]].sum() - nf.floats[m]) > atol
            for m in given
        ):
            return False
        zero = []
        if imputation:
            if np.any(scaled < -atol):
                return False
            zero = [i for i in range(n) if abs(scaled[i]) <= atol]
    if n == 1:
        return True
    if lp_units:
        fexc = nf.floats - subset_sums(scaled, n)
        if per_capita:
            fexc = fexc / np.maximum(popcounts(n), 1)
        if weights is not None:
            fexc = fexc / weights.floats
        x0 = [nf.from_lp_float(v) for v in scaled]
    elif exact and nf.full - 1 <= 2 * KOHLBERG_FIRST_BATCH:
        fexc = None  # every coalition is checked exactly: no float pass to choose them
    else:
        fexc = nf.float_excesses(x0, per_capita, weights)
    if excluded and fexc is not None:  # held at 0 (the blocks) or not counted: not candidates
        fexc = fexc.copy()
        fexc[list(excluded)] = -np.inf
    count = KOHLBERG_FIRST_BATCH
    while True:
        masks, keys, bound, _d = nf.top_excesses(
            x0, per_capita=per_capita, exact=exact, count=count, fexc=fexc, weights=weights
        )
        if excluded:
            keep = ~np.isin(masks, np.array(excluded, dtype=np.int64))
            masks, keys = masks[keep], keys[keep]
        verdict = kohlberg(
            n, masks, keys, zero, exact=exact, atol=atol, complete_above=bound, given=given
        )
        if verdict is not None:
            return verdict
        count *= KOHLBERG_BATCH_GROWTH


_DOC_PARAMS = """
    Parameters
    ----------
    game : TUGame
        A float or rational game, of worths or of costs (``game.is_cost``); substitute the
        symbols of a symbolic game first.
    method : {"sequential"}, default "sequential"
        Sequential linear programming with row generation (``NUCLEOLUS_METHODS``).
    verify : bool
        Check the answer with Kohlberg's criterion. For rational games the LP answer is
        rebuilt in exact arithmetic first and ``exact=True`` is reported only when the exact
        answer passes the exact check; an answer that fails is not returned
        (``success=False``, NaN payoffs).
    atol : float
        Tolerance of the LP stages, relative to the largest worth of the zero-normalised
        game.
    callback : callable, optional
        Progress: called as ``callback(done, total)`` after each LP stage, with ``done`` the
        rank of the fixed coalitions and ``total`` the number of players (the stages end at
        ``done == total``). On the ``"constraint-generation"`` path the rank and the total
        count player types (players of equal weight in every rule) instead of players.
"""

_DOC_PARAMS_VOTING = _DOC_PARAMS.replace(
    """    method : {"sequential"}, default "sequential"
        Sequential linear programming with row generation (``NUCLEOLUS_METHODS``).
""",
    """    method : {"auto", "sequential", "constraint-generation"}, default "auto"
        ``"sequential"``: sequential linear programming with row generation over the
        ``2**n`` table. ``"constraint-generation"``: for a WeightedVotingGame or
        CompoundGame, sequential LPs over the player types with rows from a dynamic
        programme over the integer weights and an exact Kohlberg certificate, without the
        table. ``"auto"`` takes it for such games of more than 21 players (faster from 22),
        falling back to the table up to 25 players when its dynamic programme would be too
        large, and ``"sequential"`` otherwise.
""",
)


def _nucleolus_front_door(
    concept: str, problem: Callable[..., _Problem] | None = None
) -> Callable[[Callable[[], None]], Callable[..., NucleolusResult]]:
    """Make the public solver of ``concept`` from a function that holds only its name and
    docstring.

    Every nucleolus shares one signature, the Parameters section ``_DOC_PARAMS`` (the
    ``{{params}}`` marker of each docstring) and steps 2 to 4 (:func:`_answer`); step 1,
    ``problem(game, concept, method, atol)``, is :func:`_problem` for the nucleolus, the
    prenucleolus and the per-capita nucleolus, and each variant's own builder otherwise.
    """
    build = _problem if problem is None else problem

    voting = concept == "nucleolus"  # weighted and compound voting games beyond the table
    default = "auto" if voting else "sequential"

    def decorate(documented: Callable[[], None]) -> Callable[..., NucleolusResult]:
        def solve(
            game: TUGame,
            *,
            method: str = default,
            verify: bool = True,
            atol: float = 1e-9,
            callback: Callable[[int, int], None] | None = None,
        ) -> NucleolusResult:
            callback = check_callback(callback, concept)
            if voting and wants_constraint_generation(
                game, method, concept, above=NUCLEOLUS_SWITCH
            ):
                atol = check_tolerance(atol, concept)
                found = unless_too_large(
                    game,
                    method,
                    lambda: voting_nucleolus(game, verify=verify, atol=atol, callback=callback),
                )
                if found is not None:
                    return found
            table = "sequential" if method == "auto" else method
            return _answer(build(game, concept, table, atol), verify, callback)

        solve.__name__ = solve.__qualname__ = documented.__name__
        solve.__module__, solve.__doc__ = documented.__module__, documented.__doc__
        methods = (
            ("auto", *NUCLEOLUS_METHODS, CONSTRAINT_GENERATION) if voting else NUCLEOLUS_METHODS
        )
        params = _DOC_PARAMS_VOTING if voting else _DOC_PARAMS
        return front_door(methods)(fill_doc(params=params)(solve))

    return decorate


@_nucleolus_front_door("nucleolus")
def nucleolus() -> None:
    r"""The nucleolus: the imputation that lexicographically minimises the sorted excesses.

    The excess of coalition :math:`S` at :math:`x` is :math:`e(S, x) = v(S) - x(S)`. Among
    imputations (:math:`x(N) = v(N)`, :math:`x_i \ge v(\{i\})`), the nucleolus makes the
    vector of the :math:`2^n - 2` excesses, sorted in decreasing order, lexicographically
    smallest (Schmeidler 1969). It is unique, and lies in the core whenever the core is not
    empty.

    For a cost game ``c`` (``game.is_cost``) the excess of ``S`` at cost shares ``y`` is
    :math:`y(S) - c(S)` and the imputations are :math:`y(N) = c(N)`, :math:`y_i \le c(\{i\})`
    (Littlechild 1974): the answer is in costs, and equals
    :math:`y_i = c(\{i\}) - x_i` for the nucleolus ``x`` of the savings game
    :math:`s(S) = \sum_{i \in S} c(\{i\}) - c(S)`, and :math:`-x(-c)`.

    {{params}}

    Returns
    -------
    NucleolusResult
        ``x``, ``levels`` (the successive maximal excesses), ``nit``, ``verified``,
        ``exact`` (rational games: exact and verified), ``success`` and ``message``.

    Raises
    ------
    InvalidGameError
        If the imputation set is empty (use :func:`prenucleolus`) or the game is symbolic.

    Notes
    -----
    The nucleolus is covariant under strategic equivalence, so the LPs solve the
    zero-normalised game (the savings game of a cost game) scaled by a power of two to worths
    of order one, and the answer is mapped back exactly: a large offset such as
    :math:`10^9 |S|` never reaches the LP. Sequential LPs (Kopelowitz 1967; Maschler, Peleg
    and Shapley 1979). Stage k minimises the
    largest excess of the coalitions not yet fixed. A coalition is fixed only when its LP
    dual is positive, so that it is tight in every optimum; fixing every coalition that is
    merely tight at the returned vertex is the classic bug that gives wrong nucleoli on
    degenerate games. Coalitions in the linear span of the fixed ones are dropped. At most n
    stages are needed. Above 10 players the rows are generated lazily: each LP holds a few
    hundred coalitions, and the most violated coalition is found by one vectorised pass over
    the table (``x(S)`` for all S by the subset-sum doubling recurrence), so memory stays at
    O(2^n) numbers for the table plus O(n * rows) for the LP.

    Verification: Kohlberg (1971) -- ``x`` is the nucleolus iff, for every level d, the
    coalitions with excess at least d (together with the singletons held at their individual
    worth) form a balanced collection. Only levels that raise the rank need a check (Benedek,
    Fliege and Nguyen 2021), each a small LP whose vertex is rebuilt exactly.

    Two and three players: no LP. The stages have a closed form (complementary coalitions
    have excesses of constant sum, which makes every stage separable; derived in
    ``_three_players.py``, cf. Leng and Parlar 2010), and the answer is certified by
    Kohlberg's criterion, checked exactly on the five minimal balanced collections (``nit``
    is then 0). Four and five players of a rational game (or a float game with integer
    worths): no LP either. Each stage's dual is read off the 41 (1,291) minimal balanced
    collections, the point is rebuilt as rationals and Kohlberg's criterion is checked
    exactly over the same collections (``_minimal_balanced.py``); a point that fails goes
    to the LPs. Passing a ``callback`` asks for the LP stages.

    References
    ----------
    .. [1] Schmeidler, D. (1969). The nucleolus of a characteristic function game. *SIAM J.
       Appl. Math.* 17(6), 1163-1170.
    .. [2] Maschler, M., Peleg, B. and Shapley, L. S. (1979). Geometric properties of the
       kernel, nucleolus and related solution concepts. *Math. Oper. Res.* 4(4), 303-338.
    .. [3] Kohlberg, E. (1971). On the nucleolus of a characteristic function game. *SIAM J.
       Appl. Math.* 20(1), 62-66.
    .. [4] Benedek, M., Fliege, J. and Nguyen, T.-D. (2021). Finding and verifying the
       nucleolus of cooperative games. *Math. Programming* 190, 135-170.
    .. [5] Littlechild, S. C. (1974). A simple expression for the nucleolus in a special case.
       *International Journal of Game Theory* 3(1), 21-29.
    .. [6] Leng, M. and Parlar, M. (2010). Analytic solution for the nucleolus of a
       three-player cooperative game. *Naval Research Logistics* 57(7), 667-672.

    Examples
    --------
    The Talmud's estate of 200 with claims 100, 200, 300 (Aumann and Maschler 1985):

    >>> import coalitions as co
    >>> result = co.nucleolus(co.bankruptcy_game(200, [100, 200, 300]))
    >>> result.x.tolist(), result.exact
    ([Fraction(50, 1), Fraction(75, 1), Fraction(75, 1)], True)
    >>> co.nucleolus(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]

    A cost game: the airport game's nucleolus in cost shares (Littlechild 1974).

    >>> runway = co.nucleolus(co.airport_game([8, 12, 20, 28]))
    >>> runway.x.tolist(), runway.cost
    ([Fraction(4, 1), Fraction(4, 1), Fraction(6, 1), Fraction(14, 1)], True)
    """


@_nucleolus_front_door("prenucleolus")
def prenucleolus() -> None:
    r"""The prenucleolus: like the nucleolus, over all efficient vectors.

    Lexicographically minimises the sorted excesses over :math:`x(N) = v(N)` without
    individual rationality. It lies in the least core, and coincides with the nucleolus when
    the core is not empty.

    {{params}}

    Returns
    -------
    NucleolusResult

    Notes
    -----
    Same algorithm and verification as :func:`nucleolus`, without the bounds
    :math:`x_i \ge v(\{i\})`.

    References
    ----------
    .. [1] Sobolev, A. I. (1975). The characterization of optimality principles by
       functional equations. *Mathematical Methods in the Social Sciences* 6, 95-151.

    Examples
    --------
    >>> import coalitions as co
    >>> co.prenucleolus(co.majority_game(3)).x.tolist()
    [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]
    """


@_nucleolus_front_door("per-capita-nucleolus")
def per_capita_nucleolus() -> None:
    r"""The per-capita nucleolus: the nucleolus of the excesses divided by coalition size.

    Lexicographically minimises the sorted per-capita excesses :math:`(v(S) - x(S)) / |S|`
    over the imputations (Grotte 1970). Used in cost sharing when large coalitions should not
    weigh like small ones.

    {{params}}

    Returns
    -------
    NucleolusResult

    References
    ----------
    .. [1] Grotte, J. H. (1970). *Computation of and observations on the nucleolus, the
       normalised nucleolus and the central games*. MSc thesis, Cornell University.

    Examples
    --------
    >>> import coalitions as co
    >>> co.per_capita_nucleolus(co.glove_game(["L"], ["R1", "R2"])).x.tolist()
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """


def _check(game: Any, x: Sequence[Any], function: str, *, imputation: bool, atol: float) -> bool:
    from .imputations import payoff_vector

    game = as_tu_game(game, function)
    atol = check_tolerance(atol, function)
    nf = normal_form(game, function)
    payoffs = payoff_vector(game, x, function)
    if payoffs.dtype != object and nf.exact:
        items = [x[p] for p in game.players] if isinstance(x, dict) else list(x)
        rational = all(
            isinstance(v, (int, Fraction, np.integer)) and not isinstance(v, bool) for v in items
        )
        if game.kind == nb.EXACT or rational:
            # floats for a rational game are read as the shortest decimal (0.1 -> 1/10)
            payoffs = np.array([nb.as_number(v, nb.EXACT) for v in items], dtype=object)
    exact = payoffs.dtype == object and nf.exact
    return _verify(
        nf,
        nf.from_payoffs(list(payoffs), exact=exact),
        exact=exact,
        atol=atol,
        imputation=imputation,
    )


def is_nucleolus(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is the nucleolus of ``game`` (Kohlberg's criterion).

    Exact for a rational game and rational ``x`` (floats in ``x`` are read as the shortest
    decimal), and for a float game with integer worths when ``x`` holds ints or Fractions;
    within ``atol`` otherwise (relative to the largest worth of the zero-normalised game).
    For a cost game ``x`` holds cost shares.

    Parameters
    ----------
    game : TUGame
    x : sequence or mapping of numbers
        One payoff (cost share) per player.
    atol : float

    Returns
    -------
    bool

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.bankruptcy_game(200, [100, 200, 300])
    >>> co.is_nucleolus(game, [50, 75, 75]), co.is_nucleolus(game, [50, 70, 80])
    (True, False)
    """
    return _check(game, x, "is_nucleolus", imputation=True, atol=atol)


def is_prenucleolus(game: TUGame, x: Sequence[Any], *, atol: float = 1e-9) -> bool:
    """Whether ``x`` is the prenucleolus of ``game`` (Kohlberg's criterion).

    Same conventions as :func:`is_nucleolus`, without individual rationality.

    Examples
    --------
    >>> import coalitions as co
    >>> from fractions import Fraction as F
    >>> co.is_prenucleolus(co.majority_game(3), [F(1, 3)] * 3)
    True
    """
    return _check(game, x, "is_prenucleolus", imputation=False, atol=atol)
