"""Values with a priori unions (blocs): the Owen value and the Banzhaf-Owen value.

The players are partitioned into unions ``U_1, ..., U_m`` (blocs, caucuses). The Owen value
plays the Shapley value twice: between the unions (in the quotient game where each union acts
as one player) and inside each union. For player ``i`` in union ``U_k`` (``s = |U_k|``):

.. math::

    \\mathrm{Ow}_i = \\sum_{R \\subseteq M \\setminus k} \\sum_{T \\subseteq U_k \\setminus i}
        \\frac{r!(m-r-1)!}{m!} \\frac{t!(s-t-1)!}{s!}
        \\bigl(v(Q_R \\cup T \\cup i) - v(Q_R \\cup T)\\bigr)

where ``Q_R`` is the union of the blocs in ``R``, ``r = |R|`` and ``t = |T|``. The
Banzhaf-Owen value uses the weights ``2^{-(m-1)} 2^{-(s-1)}`` instead, and the symmetric
coalitional Banzhaf value (Alonso-Meijide and Fiestras-Janeiro 2002) Banzhaf's weight
``2^{-(m-1)}`` between the unions and the Shapley weights inside them (so a union's total is
its Banzhaf value in the quotient game, whatever its size).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from math import factorial
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts, subset_sums
from .._checks import check_instance, front_door, union_members
from .._docstrings import fill_doc
from ..exceptions import TooLargeError
from ..games.tu import TUGame
from ..results import ValueResult
from .semivalues import as_result

__all__ = [
    "owen_value",
    "banzhaf_owen_value",
    "symmetric_coalitional_banzhaf_value",
    "owen_index",
    "banzhaf_owen_index",
    "symmetric_coalitional_banzhaf_index",
]

#: Largest number of coalitions evaluated per player (2**(m-1) * 2**(s-1)).
MAX_OWEN_EVALUATIONS = 1 << 22


def _unions_of(bits: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The masks of all unions of some of ``bits`` (disjoint masks) and how many each joins."""
    # Python-int masks (an object array) past 63 players, where int64 would overflow
    dtype = nb.int_dtype(max(bits, default=0))
    return subset_sums(np.array(bits, dtype=dtype), op=np.bitwise_or), popcounts(len(bits))


def _owen_core(n: int, unions: list[list[int]], lookup, kind: str, scheme: str) -> list:
    m = len(unions)
    union_bits = [sum(1 << i for i in u) for u in unions]
    out: list[Any] = [None] * n
    for k, union in enumerate(unions):
        others = [j for j in range(m) if j != k]
        s = len(union)
        if (1 << (m - 1)) * (1 << (s - 1)) > MAX_OWEN_EVALUATIONS:
            raise TooLargeError(
                f"the Owen value of union {k + 1} needs 2**{m - 1} x 2**{s - 1} coalition "
                "values per member; split the large union or merge small ones."
            )
        mask_r, size_r = _unions_of([union_bits[j] for j in others])
        # between the unions: Shapley weights (Owen) or Banzhaf's (Banzhaf-Owen, symmetric);
        # inside: Shapley weights (Owen, symmetric coalitional Banzhaf) or Banzhaf's
        if scheme == "owen":
            coef_r = [Fraction(factorial(r) * factorial(m - r - 1), factorial(m)) for r in range(m)]
        else:
            coef_r = [Fraction(1, 2 ** (m - 1))] * m
        if scheme in ("owen", "symmetric"):
            coef_t = [Fraction(factorial(t) * factorial(s - t - 1), factorial(s)) for t in range(s)]
        else:
            coef_t = [Fraction(1, 2 ** (s - 1))] * s
        for i in union:
            rest = [j for j in union if j != i]
            mask_t, size_t = _unions_of([1 << j for j in rest])
            base = mask_r[:, None] | mask_t[None, :]
            diff = lookup(base | (1 << i)) - lookup(base)
            total = nb.constant(0, kind)
            for r in range(m):
                rows = size_r == r
                if not rows.any():
                    continue
                block = diff[rows]
                for t in range(s):
                    cols = size_t == t
                    if not cols.any():
                        continue
                    part = block[:, cols].sum()
                    if isinstance(part, np.integer):
                        part = int(part)
                    if kind == nb.FLOAT:
                        total += float(part) * float(coef_r[r] * coef_t[t])
                    else:
                        total += part * nb.constant(coef_r[r] * coef_t[t], kind)
            out[i] = total
    return out


def _tu_lookup(game: TUGame):
    values = game.values
    return lambda masks: values[masks]


def _value(game: Any, unions: Any, scheme: str, concept: str) -> ValueResult:
    check_instance(game, TUGame, concept, hint=f"for simple games use {_INDEX_OF[scheme]}")
    masks = union_members(game.players, unions)
    payoffs = _owen_core(game.n_players, masks, _tu_lookup(game), game.kind, scheme)
    if game.kind == nb.SYMBOLIC:
        payoffs = nb.simplify_symbolic(payoffs)
    return as_result(game, payoffs, concept=concept, method="exact", whole_table=False)


#: The index of simple games that goes with each value of TU games.
_INDEX_OF = {
    "owen": "owen_index",
    "banzhaf": "banzhaf_owen_index",
    "symmetric": "symmetric_coalitional_banzhaf_index",
}

#: The sources of the Owen value and index, and of their Banzhaf variants.
_OWEN_1977 = """
    References
    ----------
    .. [1] Owen, G. (1977). Values of games with a priori unions. In R. Henn and
       O. Moeschlin (eds), *Essays in Mathematical Economics and Game Theory*, Springer,
       76-88."""
_OWEN_1981 = """
    References
    ----------
    .. [1] Owen, G. (1981). Modification of the Banzhaf-Coleman index for games with a priori
       unions. In M. J. Holler (ed.), *Power, Voting and Voting Power*, Physica, 232-238."""

_ALONSO_MEIJIDE_2002 = """
    References
    ----------
    .. [1] Alonso-Meijide, J. M. and Fiestras-Janeiro, M. G. (2002). Modification of the
       Banzhaf value for games with a coalition structure. *Annals of Operations Research*
       109, 213-227."""

#: The Parameters of the values of TU games with unions.
_VALUE_PARAMETERS = """
    Parameters
    ----------
    game : TUGame
    unions : iterable of iterables of player names
        Disjoint blocs; players not listed form singleton unions.
    method : {"exact"}
        The two-level size-grouped sums over the table (the only method)."""

#: The choices of ``method=`` in :func:`owen_value` and :func:`banzhaf_owen_value`.
OWEN_METHODS = ("exact",)


@front_door(OWEN_METHODS)
@fill_doc(references=_OWEN_1977, parameters=_VALUE_PARAMETERS)
def owen_value(
    game: TUGame, unions: Iterable[Iterable[str]], *, method: str = "exact"
) -> ValueResult:
    r"""The Owen value of a TU game with a priori unions.

    {{parameters}}

    Returns
    -------
    ValueResult
        Exact for rational games; efficient (sums to ``v(N)``). With singleton unions (or one
        union of everybody) it is the Shapley value.

    Raises
    ------
    InvalidGameError
        Unknown players, overlapping or empty unions, or a game that is not a TUGame.
    TooLargeError
        If a union needs more than 2**22 coalition values per member.

    Notes
    -----
    For each union ``k`` and member ``i``, the ``2^{m-1} 2^{s-1}`` marginal contributions are
    read from the table in one vectorised gather and summed by (r, t) blocks.

    {{references}}

    Examples
    --------
    A consensus body of eight (unanimity) where seven act as one bloc:

    >>> import coalitions as co
    >>> g8 = co.unanimity_game(["US", "JP", "DE", "FR", "UK", "IT", "CA", "RU"],
    ...                        ["US", "JP", "DE", "FR", "UK", "IT", "CA", "RU"])
    >>> ow = co.owen_value(g8, [["US", "JP", "DE", "FR", "UK", "IT", "CA"], ["RU"]])
    >>> ow["RU"], ow["US"]
    (Fraction(1, 2), Fraction(1, 14))
    """
    return _value(game, unions, "owen", "owen")


@front_door(OWEN_METHODS)
@fill_doc(references=_OWEN_1981)
def banzhaf_owen_value(
    game: TUGame, unions: Iterable[Iterable[str]], *, method: str = "exact"
) -> ValueResult:
    r"""The Banzhaf-Owen value (Owen 1981): Banzhaf between and within the unions.

    Weights ``2^{-(m-1)} 2^{-(s-1)}`` in the formula of :func:`owen_value`.

    Parameters
    ----------
    method : {"exact"}
        The two-level sums over the table (the only method).

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> g = co.unanimity_game(["A", "B", "C"], ["A", "B", "C"])
    >>> co.banzhaf_owen_value(g, [["A", "B"], ["C"]]).x.tolist()
    [Fraction(1, 4), Fraction(1, 4), Fraction(1, 2)]
    """
    return _value(game, unions, "banzhaf", "banzhaf-owen")


@front_door(OWEN_METHODS)
@fill_doc(references=_ALONSO_MEIJIDE_2002, parameters=_VALUE_PARAMETERS)
def symmetric_coalitional_banzhaf_value(
    game: TUGame, unions: Iterable[Iterable[str]], *, method: str = "exact"
) -> ValueResult:
    r"""The symmetric coalitional Banzhaf value: Banzhaf between the unions, Shapley inside.

    Weights ``2^{-(m-1)}`` and ``t!(s-t-1)!/s!`` in the formula of :func:`owen_value`: each
    union gets its Banzhaf value in the quotient game (unions symmetric there get the same,
    whatever their sizes, which the Banzhaf-Owen value does not give), and shares it among its
    members as the Shapley value does.

    {{parameters}}

    Returns
    -------
    ValueResult
        Exact for rational games; with singleton unions the Banzhaf value, with one union of
        everybody the Shapley value.

    Notes
    -----
    MatTuGames' "Coleman-Owen value" (``ColemanOwenValue``, 2021; it cites no paper, and no
    paper defines a value of that name) is this value times ``2^{m-1} / (2^m - 1)`` for ``m``
    unions: it builds the same two steps (a Banzhaf value of the quotient game, then the
    Shapley value of each union's reduced game) but divides the quotient game's swings by the
    number of non-empty coalitions of unions, ``2^m - 1``, instead of ``2^{m-1}``. Multiply
    by that factor to compare with it; ``tests/solutions/test_owen.py`` checks the identity
    against that two-step construction.

    {{references}}

    Examples
    --------
    Three of four equal members in a bloc, three votes needed: the bloc wins alone (its
    Banzhaf value in the quotient game is 1) and its members share that 1 equally;
    Banzhaf-Owen, Banzhaf inside the bloc too, gives each of them 3/8.

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(3, [1, 1, 1, 1], ["A", "B", "C", "D"]).to_tu_game()
    >>> [str(v) for v in co.symmetric_coalitional_banzhaf_value(g, [["A", "B", "C"]]).x]
    ['1/3', '1/3', '1/3', '0']
    >>> [str(v) for v in co.banzhaf_owen_value(g, [["A", "B", "C"]]).x]
    ['3/8', '3/8', '3/8', '0']
    """
    return _value(game, unions, "symmetric", "symmetric-coalitional-banzhaf")


def _simple(game: Any, unions: Any, scheme: str, concept: str, normalized: bool):
    from ..games.simple import as_simple_game
    from ..results import PowerIndexResult

    game = as_simple_game(game, f"{concept}_index")
    masks = union_members(game.players, unions)

    def lookup(m: np.ndarray) -> np.ndarray:
        return game.winning_masks(m.reshape(-1)).reshape(m.shape).astype(np.int64)

    payoffs = _owen_core(game.n_players, masks, lookup, nb.EXACT, scheme)
    if normalized:
        total = sum(payoffs)
        payoffs = [p / total if total else Fraction(0) for p in payoffs]
    return PowerIndexResult(
        x=nb.read_only(payoffs, nb.EXACT),
        players=game.players,
        exact=True,
        concept=concept,
        method="unions",
        normalized=normalized,
    )


#: The choices of ``method=`` in :func:`owen_index` and :func:`banzhaf_owen_index`.
OWEN_INDEX_METHODS = ("unions",)

#: The Parameters text the two indices of simple games with unions share.
_INDEX_DOC = {
    "game": """
        game : SimpleGame, WeightedVotingGame or CompoundGame
            Its coalitions are evaluated directly (no 2**n table).
        unions : iterable of iterables of player names
            Disjoint blocs; players not listed form singleton unions.""",
    "method": """
        method : {"unions"}
            Swings counted over the coalitions of unions (the only method).""",
}


@front_door(OWEN_INDEX_METHODS)
@fill_doc(references=_OWEN_1977, **_INDEX_DOC)
def owen_index(game: Any, unions: Iterable[Iterable[str]], *, method: str = "unions") -> Any:
    """The Owen (Shapley-Shubik with a priori unions) index of a simple game.

    Evaluates winning coalitions directly (no 2**n table), so large bodies with a few blocs
    work, e.g. the EU Council with a caucus.

    Parameters
    ----------
    {{game}}
    {{method}}

    Returns
    -------
    PowerIndexResult
        Exact, summing to one; with singleton unions it is the Shapley-Shubik index.

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(8, [1] * 8, ["US", "JP", "DE", "FR", "UK", "IT", "CA", "RU"])
    >>> co.owen_index(g, [g.players[:7]])["RU"]
    Fraction(1, 2)
    """
    return _simple(game, unions, "owen", "owen", False)


@front_door(OWEN_INDEX_METHODS)
@fill_doc(references=_OWEN_1981, **_INDEX_DOC)
def banzhaf_owen_index(
    game: Any, unions: Iterable[Iterable[str]], *, normalized: bool = False, method: str = "unions"
) -> Any:
    """The Banzhaf-Owen index of a simple game (absolute by default; ``normalized=True``
    scales it to sum to one).

    Parameters
    ----------
    {{game}}
    normalized : bool, default False
        Divide by the sum over players (the absolute index otherwise).
    {{method}}

    Returns
    -------
    PowerIndexResult
        Exact; with singleton unions it is the Banzhaf index (absolute or normalised).

    {{references}}

    Examples
    --------
    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(3, [1, 1, 1], ["A", "B", "C"])
    >>> co.banzhaf_owen_index(g, [["A", "B"]]).x.tolist()
    [Fraction(1, 4), Fraction(1, 4), Fraction(1, 2)]
    """
    return _simple(game, unions, "banzhaf", "banzhaf-owen", normalized)


@front_door(OWEN_INDEX_METHODS)
@fill_doc(references=_ALONSO_MEIJIDE_2002, **_INDEX_DOC)
def symmetric_coalitional_banzhaf_index(
    game: Any, unions: Iterable[Iterable[str]], *, normalized: bool = False, method: str = "unions"
) -> Any:
    """The symmetric coalitional Banzhaf index of a simple game: the unions weighted as in
    the Banzhaf index, the members of a union as in the Shapley-Shubik index (EPIC's ``SCB``
    and ``SCBB``).

    Parameters
    ----------
    {{game}}
    normalized : bool, default False
        Divide by the sum over players.
    {{method}}

    Returns
    -------
    PowerIndexResult
        Exact; with singleton unions it is the absolute Banzhaf index, with one union of
        everybody the Shapley-Shubik index.

    {{references}}

    Examples
    --------
    Two of three equal members form a bloc under majority: the bloc wins alone (Banzhaf 1 in
    the quotient game), so the outsider has no power, and the two insiders share the 1.

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    >>> co.symmetric_coalitional_banzhaf_index(g, [["A", "B"]]).x.tolist()
    [Fraction(1, 2), Fraction(1, 2), Fraction(0, 1)]
    """
    return _simple(game, unions, "symmetric", "symmetric-coalitional-banzhaf", normalized)
