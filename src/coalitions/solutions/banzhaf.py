"""The Banzhaf value of a TU game."""

from __future__ import annotations

from fractions import Fraction

from .. import _numbers as nb
from .._checks import front_door
from ..approx.banzhaf import BANZHAF_SAMPLERS
from ..exceptions import InvalidGameError
from ..games.oracle import OracleGame
from ..games.transforms import as_tu_game
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result, mark_cost, semivalue_raw

__all__ = ["banzhaf_value"]

#: The choices of ``method=`` in :func:`banzhaf_value`: ``"auto"``, ``"exact"`` and the
#: sampling estimators of :mod:`coalitions.approx`.
BANZHAF_METHODS = ("auto", "exact", *BANZHAF_SAMPLERS)


@front_door(BANZHAF_METHODS)
def banzhaf_value(
    game: TUGame,
    *,
    normalized: bool = False,
    method: str = "auto",
    budget: int | None = None,
    rng=None,
    executor=None,
    callback=None,
    confidence: float = 0.95,
) -> ValueResult:
    r"""The Banzhaf value of a TU game.

    Each player receives its marginal contribution averaged over all coalitions of the other
    players, each counted equally:

    .. math::

        \beta_i(v) = \frac{1}{2^{n-1}} \sum_{S \subseteq N \setminus \{i\}}
                     \bigl(v(S \cup \{i\}) - v(S)\bigr).

    It satisfies symmetry, the null-player property and the total-power identity
    ``sum_i beta_i = 2**(1-n) sum_T (2|T| - n) v(T)``, but not efficiency.

    Parameters
    ----------
    game : TUGame
        For a cost game the payoffs are cost shares (the value is linear in the game).
    normalized : bool, default False
        Divide by the sum over players so that the payoffs sum to one (the normalised Banzhaf
        index of a simple game).
    method : {"auto", "exact", "sampling", "msr"}, default "auto"
        ``"auto"`` is ``"exact"`` for a TUGame and ``"sampling"`` for an
        :class:`~coalitions.OracleGame` (which then needs a ``budget``); ``"sampling"`` and
        ``"msr"`` are sampling estimators, see
        :func:`coalitions.approx.banzhaf_estimate` (raw values only, ``normalized=False``).
        ``"exact"`` on an OracleGame streams all ``2**n`` coalitions, as in
        :func:`coalitions.shapley_value`.
    budget, rng, executor, callback, confidence
        For sampling methods, as in :func:`coalitions.shapley_value` (``executor`` and
        ``callback`` also for the exact stream of an OracleGame).

    Returns
    -------
    ValueResult

    Raises
    ------
    InvalidGameError
        If ``normalized`` is asked for and the raw values sum to zero.

    Notes
    -----
    Same two-pass algorithm as :func:`coalitions.shapley_value`, with constant weights.

    References
    ----------
    .. [1] Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis.
       *Rutgers Law Review* 19, 317-343.
    .. [2] Owen, G. (1975). Multilinear extensions and the Banzhaf value. *Naval Research
       Logistics Quarterly* 22(4), 741-750.

    Examples
    --------
    >>> import coalitions as co
    >>> glove = co.glove_game(left=["L"], right=["R1", "R2"])
    >>> co.banzhaf_value(glove).x.tolist()
    [Fraction(3, 4), Fraction(1, 4), Fraction(1, 4)]
    >>> co.banzhaf_value(glove, normalized=True).x.tolist()
    [Fraction(3, 5), Fraction(1, 5), Fraction(1, 5)]
    """
    from ..approx import dispatch

    estimate = dispatch(
        game,
        method,
        "banzhaf_value",
        "sampling",
        BANZHAF_SAMPLERS,
        BANZHAF_METHODS,
        budget=budget,
        rng=rng,
        executor=executor,
        callback=callback,
        confidence=confidence,
        normalized=normalized,
    )
    if estimate is not None:
        return mark_cost(game, estimate)
    if not isinstance(game, OracleGame):  # an OracleGame is streamed (method="exact")
        game = as_tu_game(game, "banzhaf_value")
    n = game.n_players
    kind = nb.FLOAT if isinstance(game, OracleGame) else game.kind
    if n == 0:  # no player, no payoff
        return as_result(game, [], concept="banzhaf", method="exact", normalized=normalized)
    weight = nb.constant(Fraction(1, 2 ** (n - 1)), kind)
    payoffs = semivalue_raw(game, [weight] * n, executor=executor, callback=callback)
    if normalized:
        total = sum(payoffs, nb.constant(0, kind))
        if nb.is_zero(total, kind, 1e-300):
            raise InvalidGameError(
                "the normalised Banzhaf value is undefined: the raw Banzhaf values sum to "
                "zero. Use normalized=False."
            )
        payoffs = [p / total for p in payoffs]
        if kind == nb.SYMBOLIC:
            payoffs = nb.simplify_symbolic(payoffs)
    return as_result(game, payoffs, concept="banzhaf", method="exact", normalized=normalized)
