"""The Shapley value."""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import factorial

from .. import _numbers as nb
from .._checks import front_door
from ..approx.shapley import SHAPLEY_SAMPLERS
from ..games.oracle import OracleGame
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result, mark_cost, semivalue_raw

__all__ = ["shapley_value", "shapley_weights"]

#: The choices of ``method=`` in :func:`shapley_value`: ``"auto"``, the exact algorithms and the
#: sampling estimators of :mod:`coalitions.approx`.
SHAPLEY_METHODS = ("auto", "exact", "dividends", *SHAPLEY_SAMPLERS)


@lru_cache(maxsize=256)
def shapley_weights(n: int, kind: str = nb.EXACT) -> tuple:
    """Weights ``s!(n-s-1)!/n!`` of a marginal contribution to a coalition of size s."""
    total = factorial(n)
    return tuple(
        nb.constant(Fraction(factorial(s) * factorial(n - s - 1), total), kind) for s in range(n)
    )


@front_door(SHAPLEY_METHODS)
def shapley_value(
    game: TUGame,
    *,
    method: str = "auto",
    budget: int | None = None,
    rng=None,
    executor=None,
    callback=None,
    confidence: float = 0.95,
) -> ValueResult:
    r"""The Shapley value of a TU game.

    Each player receives its marginal contribution averaged over all orders in which the
    grand coalition can form:

    .. math::

        \phi_i(v) = \sum_{S \subseteq N \setminus \{i\}}
                    \frac{|S|!\,(n-|S|-1)!}{n!}\,\bigl(v(S \cup \{i\}) - v(S)\bigr).

    It is the unique value that is efficient, symmetric, additive and gives null players
    nothing.

    Parameters
    ----------
    game : TUGame or OracleGame
        The game. Float values give float payoffs; integer or Fraction values give exact
        Fractions; sympy values give sympy expressions. An OracleGame (no table) is estimated
        by sampling, or computed exactly with ``method="exact"`` (below). For a cost game (``game.is_cost``) the value is linear, so the same
        formula applied to the costs gives cost shares (``result.cost`` is True).
    method : str, default "auto"
        ``"auto"``, ``"exact"``, ``"dividends"``, or a sampling method: ``"permutation"``,
        ``"antithetic"``, ``"stratified"``, ``"neyman"``, ``"svarm"``, ``"kernel"``
        (``SHAPLEY_METHODS``). ``"auto"`` is ``"exact"`` for a TUGame and ``"permutation"``
        for an :class:`~coalitions.OracleGame` (which then needs a ``budget``). ``"exact"`` reads
        the table once, in blocks grouped by coalition size (see Notes); for an OracleGame it
        streams all ``2**n`` coalitions through the oracle in blocks of about a million
        (memory independent of ``2**n``, n <= 40; the blocks run on ``executor``). ``"dividends"`` averages Harsanyi dividends, ``phi_i = sum
        over T containing i of d(T)/|T|``: an independent exact algorithm, slower, useful as a
        check. The other methods are sampling estimators, see
        :func:`coalitions.approx.shapley_estimate`.
    budget, rng, executor, callback, confidence
        For sampling methods: evaluation budget (required), seed, a
        ``concurrent.futures.Executor``, a progress callback ``callback(done, total)`` and the
        confidence level; see :func:`coalitions.approx.shapley_estimate`. The exact stream of
        an OracleGame takes ``executor`` and ``callback`` too.

    Returns
    -------
    ValueResult
        ``x`` in player order, ``exact`` True for rational and symbolic games. Sampling
        methods return an :class:`~coalitions.results.EstimateResult` (``exact=False``, with
        ``std_error``, ``ci_low`` and ``ci_high``).

    Raises
    ------
    InvalidGameError
        If ``game`` is not a TUGame.
    InvalidArgumentError
        If ``method`` is unknown, a keyword is unknown, or a sampling option (``budget``,
        ``rng``, ``executor``) is given to an exact method (``executor`` is allowed when an
        OracleGame is streamed).
    TooLargeError
        If an OracleGame with more than 40 players is to be streamed.

    Notes
    -----
    Writing ``w(s) = s!(n-s-1)!/n!`` and ``w(n) = 0``,
    ``phi_i = sum over T containing i of v(T) (w(|T|-1) + w(|T|)) - sum over T of w(|T|) v(T)``,
    so only size-weighted sums over the coalitions containing each player are needed. For float
    games they come from one pass over the table viewed as a (2**h, 2**k) matrix whose rows
    are visited in blocks of equal popcount: about three flops a value, one read of the table
    from memory, matrix-vector products on one BLAS thread, and no Python loop over
    coalitions. Exact games are scaled to integers by their common denominator and summed
    layer by layer.

    References
    ----------
    .. [1] Shapley, L. S. (1953). A value for n-person games. In Kuhn, H. W. and Tucker, A. W.
       (eds), *Contributions to the Theory of Games II*, 307-317. Princeton University Press.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> phi = co.shapley_value(glove)
    >>> phi.x.tolist()
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    >>> phi["L"], phi.exact
    (Fraction(2, 3), True)

    A parametric game: the third player brings ``a`` to any coalition with the first.

    >>> import sympy
    >>> a = sympy.Symbol("a")
    >>> game = co.TUGame([0, 0, 0, 1, 0, a, 0, 1 + a])
    >>> co.shapley_value(game).x.tolist()
    [a/2 + 1/2, 1/2, a/2]
    """
    from ..approx import dispatch

    estimate = dispatch(
        game,
        method,
        "shapley_value",
        "permutation",
        SHAPLEY_SAMPLERS,
        SHAPLEY_METHODS,
        budget=budget,
        rng=rng,
        executor=executor,
        callback=callback,
        confidence=confidence,
    )
    if estimate is not None:
        return mark_cost(game, estimate)
    if isinstance(game, OracleGame):  # method="exact": every coalition streamed, no table
        weights = shapley_weights(game.n_players, nb.FLOAT)
        payoffs = semivalue_raw(game, weights, executor=executor, callback=callback)
        return as_result(game, payoffs, concept="shapley", method="exact")
    game = as_tu_game(game, "shapley_value")
    if method == "dividends":
        return as_result(game, _shapley_from_dividends(game), concept="shapley", method="dividends")
    payoffs = semivalue_raw(game, shapley_weights(game.n_players, game.kind))
    return as_result(game, payoffs, concept="shapley", method="exact")


def _shapley_from_dividends(game: TUGame):
    from ..games.transforms import harsanyi_dividends

    dividends = harsanyi_dividends(game)
    n = game.n_players
    per_size = [nb.constant(0, game.kind)] + [
        nb.constant(Fraction(1, s), game.kind) for s in range(1, n + 1)
    ]
    # phi_i = sum over T containing i of d(T) / |T|: a size-weighted sum with g(s) = 1/s.
    from ._size_sums import size_profile

    sums = size_profile(dividends).player_sums(per_size)
    if game.kind == nb.SYMBOLIC:
        sums = nb.simplify_symbolic(sums)
    return sums
