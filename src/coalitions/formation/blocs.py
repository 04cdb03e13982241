r"""Bloc formation under the Owen value: what a bloc is worth to its members, and which bloc
structures are stable (Hart and Kurz 1983).

A *bloc* is an a priori union (Owen 1977): its members bargain as one unit against the other
blocs, then share inside. :func:`bloc_gains` compares each member's Owen value (or
Banzhaf-Owen value) with the bloc as the one union against its value with every player alone
(the Shapley-Shubik or Banzhaf index), for every candidate bloc up to a size.

Hart and Kurz (1983) ask which *coalition structures* (partitions of the players into blocs)
are stable when each player's payoff in a structure :math:`\mathcal B` is its Owen value
:math:`\varphi_i(\mathcal B)`. Each player announces the bloc it wants; a structure is stable
when no group :math:`T` can change its announcements so that every member of :math:`T`
strictly gains (a strong equilibrium at the announcements :math:`S_i = \mathcal B(i)`). The
group may regroup into any partition :math:`\mathcal P` of :math:`T`; the two models differ in
what happens to the partners the deviators leave:

* model **delta** (:math:`\delta`, a bloc is whoever announces the same set): the partners
  stay together, :math:`\mathcal B' = \mathcal P \cup \{B \setminus T : B \in \mathcal B,
  B \not\subseteq T\}`;
* model **gamma** (:math:`\gamma`, a bloc forms only if all its members announce it): a bloc
  that loses a member breaks into singletons, :math:`\mathcal B' = \mathcal P \cup
  \{B : B \cap T = \emptyset\} \cup \{\{j\} : j \in B \setminus T, B \cap T \ne \emptyset\}`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from fractions import Fraction
from math import comb, factorial
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import popcounts
from .._checks import check_choice, check_integer, check_tolerance, front_door, name_list
from .._docstrings import fill_doc
from .._partitions import bell, partition_labels, partition_masks, partition_names
from ..exceptions import InvalidArgumentError, InvalidGameError, TooLargeError
from ..games.simple import WeightedVotingGame, as_simple_game
from ..games.tu import TUGame
from ..results import BlocGainsResult, BlocStabilityResult, StableBlocStructuresResult
from ..solutions.owen import banzhaf_owen_index, banzhaf_owen_value, owen_index, owen_value

__all__ = [
    "bloc_gains",
    "stable_bloc_structures",
    "bloc_structure_stability",
    "BLOC_GAIN_METHODS",
    "BLOC_INDICES",
    "STABILITY_MODELS",
]

#: The choices of ``method=`` in :func:`bloc_gains`.
BLOC_GAIN_METHODS = ("auto", "weighted-dp", "enumeration")
#: The values of a game with a priori unions that a bloc can be judged by.
BLOC_INDICES = ("owen", "banzhaf-owen")
#: Hart and Kurz's two models of what deviators leave behind.
STABILITY_MODELS = ("delta", "gamma")
#: Largest body whose coalition structures are all examined (Bell(10) = 115975 structures).
MAX_STABILITY_PLAYERS = 10
#: Largest number of candidate blocs :func:`bloc_gains` evaluates.
MAX_BLOCS = 100_000
#: The weighted DP holds (unions + 1) x quota counts per member; above this, enumeration.
MAX_DP_ENTRIES = 1 << 23
#: Entries of the arrays one numpy call handles (structures x blocks x coalitions, or
#: structures x deviations x players).
_ENTRIES = 1 << 21

_REFERENCES = """
    References
    ----------
    .. [1] Hart, S. and Kurz, M. (1983). Endogenous formation of coalitions. *Econometrica*
       51(4), 1047-1064.
    .. [2] Owen, G. (1977). Values of games with a priori unions. In R. Henn and
       O. Moeschlin (eds), *Essays in Mathematical Economics and Game Theory*, Springer,
       76-88.
    .. [3] Owen, G. (1981). Modification of the Banzhaf-Coleman index for games with a priori
       unions. In M. J. Holler (ed.), *Power, Voting and Voting Power*, Physica, 232-238."""


# ------------------------------------------------------------------ the weighted Owen DP
def _subset_counts(weights: list[int], top: int) -> np.ndarray:
    """``counts[r, a]``: how many r of the items (of these weights) weigh a in all, a <= top."""
    counts = np.zeros((len(weights) + 1, top + 1), dtype=np.int64)
    counts[0, 0] = 1
    for w in weights:
        if w <= top:
            counts[1:, w:] += counts[:-1, : top + 1 - w].copy()
    return counts


def _coefficients(k: int, scheme: str) -> tuple[list[int], int]:
    """Integer numerators of the weight of a coalition of r of k - 1 others, and their
    denominator: Shapley's ``r!(k-r-1)!/k!`` or Banzhaf's ``1/2**(k-1)``."""
    if scheme == "owen":
        return [factorial(r) * factorial(k - r - 1) for r in range(k)], factorial(k)
    return [1] * k, 1 << (k - 1)


def _weighted_owen(
    weights: list[int], quota: int, unions: list[list[int]], members: Iterable[int], scheme: str
) -> dict[int, Fraction]:
    """The Owen (``scheme="owen"``) or Banzhaf-Owen value of ``members`` in the weighted game
    ``[quota; weights]`` with these unions, by counting coalitions of unions and of partners
    by (size, weight) below the quota.

    For member i of union k: ``sum over r, t of c(r) c(t) #{(R, T): q - w_i <= w(R) + w(T)
    < q}`` with R r of the other unions and T t of i's partners; the (r, t) table is one
    integer matrix product of the two count tables.
    """
    top = quota - 1
    union_of = {i: k for k, union in enumerate(unions) for i in union}
    totals = [sum(weights[i] for i in union) for union in unions]
    m = len(unions)
    outer, outer_den = _coefficients(m, scheme)
    by_union: dict[int, np.ndarray] = {}
    out = {}
    for i in members:
        k = union_of[i]
        if k not in by_union:
            by_union[k] = _subset_counts([totals[j] for j in range(m) if j != k], top)
        others = by_union[k]
        partners = [weights[j] for j in unions[k] if j != i]
        inner, inner_den = _coefficients(len(partners) + 1, scheme)
        counts = _subset_counts(partners, top)
        below = np.zeros((counts.shape[0], top + 2), dtype=np.int64)  # below[t, x]: b < x
        np.cumsum(counts, axis=1, out=below[:, 1:])
        a = np.arange(top + 1)
        window = below[:, quota - a] - below[:, np.maximum(quota - weights[i] - a, 0)]
        pairs = others @ window.T  # pairs[r, t]: (R, T) with i pivotal
        total = sum(
            outer[r] * inner[t] * int(pairs[r, t])
            for r in range(pairs.shape[0])
            for t in range(pairs.shape[1])
        )
        out[i] = Fraction(total, outer_den * inner_den)
    return out


def _integer_rule(game: Any) -> tuple[list[int], int] | None:
    """Integer weights and quota of a weighted game when the DP's tables stay small."""
    if not isinstance(game, WeightedVotingGame):
        return None
    values = [Fraction(v) for v in (*game.weights, game.quota)]
    scaled, _ = nb.to_scaled_int(values, dtype=object)
    *weights, quota = (int(v) for v in scaled)
    if quota < 1 or any(w < 0 for w in weights):
        return None
    if (game.n_players + 1) * quota > MAX_DP_ENTRIES or game.n_players > 62:
        return None
    # a weight of at least the quota wins with anybody: capped at the quota, the same game
    return [min(w, quota) for w in weights], quota


# ------------------------------------------------------------------ gains from a bloc
def _bloc_values(game: Any, rule: Any, bloc: list[int], scheme: str, kind: str) -> list:
    """The members' values when ``bloc`` is the one a priori union."""
    n = game.n_players
    unions = [bloc] + [[j] for j in range(n) if j not in bloc]
    if rule is None:
        return _enumerated(game, unions, bloc, scheme, kind)
    weights, quota = rule
    values = _weighted_owen(weights, quota, unions, bloc, scheme)
    return [values[i] for i in bloc]


def _enumerated(game: Any, unions: list[list[int]], members: Any, scheme: str, kind: str):
    """The values of ``members`` by the enumeration of coalitions of unions."""
    names = [[game.players[j] for j in u] for u in unions]
    if kind == "tu":
        value = owen_value if scheme == "owen" else banzhaf_owen_value
    else:
        value = owen_index if scheme == "owen" else banzhaf_owen_index
    try:
        result = value(game, names)
    except TooLargeError:
        raise TooLargeError(
            f"bloc_gains: the enumeration reads 2**{game.n_players - 1} coalitions per member "
            f"of a body of {game.n_players}, above its limit; give the body as a "
            "WeightedVotingGame with rational weights (the weighted DP), or a smaller body."
        ) from None
    return [result.x[i] for i in members]


def _as_bloc_game(game: Any, function: str) -> tuple[Any, str]:
    if isinstance(game, TUGame):
        if game.kind == nb.SYMBOLIC:
            raise InvalidGameError(f"{function} compares values: give a numeric game.")
        return game, "tu"
    return as_simple_game(game, function), "simple"


def _candidate_blocs(game: Any, blocs: Any, max_size: Any, function: str) -> list[list[int]]:
    n = game.n_players
    index = {p: i for i, p in enumerate(game.players)}
    if blocs is None:
        size = min(check_integer(max_size, "max_size", function, low=2), n)
        count = sum(comb(n, k) for k in range(2, size + 1))
        if count > MAX_BLOCS:
            raise TooLargeError(
                f"{function}: {count} candidate blocs of 2 to {size} members; the limit is "
                f"{MAX_BLOCS}. Lower max_size or list the blocs with blocs=[...]."
            )
        return [list(c) for k in range(2, size + 1) for c in itertools.combinations(range(n), k)]
    if isinstance(blocs, (str, bytes)) or not isinstance(blocs, Iterable):
        raise InvalidArgumentError(
            f"{function}: blocs must be a list of blocs (lists of player names), got {blocs!r}."
        )
    out = []
    for k, bloc in enumerate(blocs):
        names = name_list(bloc, f"{function}: bloc {k + 1}", InvalidArgumentError)
        unknown = [p for p in names if p not in index]
        if unknown:
            raise InvalidArgumentError(
                f"{function}: bloc {k + 1} names unknown player {unknown[0]!r}; the players "
                f"are {', '.join(map(repr, game.players))}."
            )
        members = sorted({index[p] for p in names})
        if len(members) != len(names) or len(members) < 2:
            raise InvalidArgumentError(
                f"{function}: bloc {k + 1} must list two or more distinct players, got {names!r}."
            )
        out.append(members)
    if len(out) > MAX_BLOCS:
        raise TooLargeError(f"{function}: {len(out)} blocs; the limit is {MAX_BLOCS}.")
    return out


@front_door(BLOC_GAIN_METHODS)
@fill_doc(references=_REFERENCES)
def bloc_gains(
    game: Any,
    blocs: Any = None,
    *,
    max_size: int = 2,
    index: str = "owen",
    method: str = "auto",
) -> BlocGainsResult:
    r"""The gain each member draws from forming a bloc (an a priori union), bloc by bloc.

    For a bloc :math:`B` and member :math:`i \in B` the gain is

    .. math:: g_i(B) = \varphi_i(\{B\} \cup \{\{j\} : j \notin B\}) - \varphi_i(\{\{j\} :
        j \in N\})

    with :math:`\varphi` the Owen value (against the Shapley value, or the Shapley-Shubik
    index of a simple game) or the Banzhaf-Owen value (against the Banzhaf value or the
    absolute Banzhaf index).

    Parameters
    ----------
    game : WeightedVotingGame, CompoundGame, SimpleGame or TUGame
    blocs : iterable of iterables of player names, optional
        The candidate blocs; default every coalition of 2 to ``max_size`` players.
    max_size : int, default 2
        Largest candidate bloc when ``blocs`` is not given.
    index : {"owen", "banzhaf-owen"}
        The value of the game with the bloc as an a priori union.
    method : {"auto", "weighted-dp", "enumeration"}
        ``"weighted-dp"`` counts coalitions of unions and of partners by (size, weight) below
        the quota (a weighted game with rational weights; pseudo-polynomial);
        ``"enumeration"`` evaluates the coalitions of unions (:func:`~coalitions.owen_index`,
        :func:`~coalitions.owen_value`); ``"auto"`` takes the DP when the weights allow.

    Returns
    -------
    BlocGainsResult
        ``blocs``, ``without_bloc``, ``with_bloc``, ``gains`` (per member, in bloc order),
        ``total_gain`` and ``everyone_gains`` per bloc; exact for simple games and rational
        TU games.

    Raises
    ------
    InvalidArgumentError
        Unknown players, a bloc of fewer than two players, an unknown ``index``, or
        ``method="weighted-dp"`` for a game that is not weighted with rational weights.
    TooLargeError
        More than 100000 candidate blocs, or coalitions of unions beyond the enumeration's
        limit (use a weighted game and the DP).

    Notes
    -----
    The DP costs :math:`O(m^2 q)` integer operations per member for m unions and quota q;
    the values without blocs come from the same routine with singleton unions, so both
    columns share one arithmetic.

    {{references}}

    Examples
    --------
    Three equal members under majority: a pair that votes as one wins alone, so each of its
    members' Shapley-Shubik share of 1/3 becomes 1/2.

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    >>> gains = co.bloc_gains(g)
    >>> gains.blocs[0], gains.gains[0], gains.total_gain[0]
    (('A', 'B'), (Fraction(1, 6), Fraction(1, 6)), Fraction(1, 3))
    """
    function = "bloc_gains"
    scheme = check_choice(index, BLOC_INDICES, what="index", function=function)
    game, kind = _as_bloc_game(game, function)
    candidates = _candidate_blocs(game, blocs, max_size, function)
    rule = _integer_rule(game) if kind == "simple" and method != "enumeration" else None
    if method == "weighted-dp" and rule is None:
        raise InvalidArgumentError(
            f"{function}: method='weighted-dp' needs a WeightedVotingGame with rational, "
            f"non-negative weights and (players + 1) x quota at most {MAX_DP_ENTRIES}; use "
            "method='enumeration'."
        )
    n = game.n_players
    if rule is not None:
        weights, quota = rule
        alone = _weighted_owen(weights, quota, [[j] for j in range(n)], range(n), scheme)
        baseline = [alone[j] for j in range(n)]
        used = "weighted-dp"
    else:
        baseline = _enumerated(game, [[j] for j in range(n)], range(n), scheme, kind)
        used = "enumeration"
    rows_without, rows_with, rows_gain, totals, everyone = [], [], [], [], []
    for bloc in candidates:
        before = [baseline[i] for i in bloc]
        after = _bloc_values(game, rule, bloc, scheme, kind)
        gain = [a - b for a, b in zip(after, before)]
        rows_without.append(tuple(before))
        rows_with.append(tuple(after))
        rows_gain.append(tuple(gain))
        totals.append(sum(gain[1:], gain[0]))
        everyone.append(all(g > 0 for g in gain))
    exact = kind == "simple" or game.kind == nb.EXACT
    return BlocGainsResult(
        players=game.players,
        exact=exact,
        concept="bloc-gains",
        method=used,
        blocs=tuple(tuple(game.players[i] for i in bloc) for bloc in candidates),
        without_bloc=tuple(rows_without),
        with_bloc=tuple(rows_with),
        gains=tuple(rows_gain),
        total_gain=tuple(totals),
        everyone_gains=tuple(everyone),
        index=scheme,
    )


# ------------------------------------------------------------------ stable structures
def _worth_table(game: Any, function: str) -> tuple[tuple, np.ndarray, bool]:
    """Players, the 2**n worths (int64 or Python ints when exact, float64 otherwise) and
    whether they are exact."""
    if isinstance(game, TUGame):
        if game.kind == nb.SYMBOLIC:
            raise InvalidGameError(f"{function} compares values: give a numeric game.")
        players, n = game.players, game.n_players
        if n == 0:
            raise InvalidGameError(f"{function} needs a game with at least one player.")
        if n > MAX_STABILITY_PLAYERS:
            raise _too_large(function, n)
        if game.kind == nb.FLOAT:
            return players, np.asarray(game.values, dtype=np.float64), False
        scaled, _ = nb.to_scaled_int(list(game.values), dtype=object)
        return players, np.array([int(v) for v in scaled], dtype=object), True
    simple = as_simple_game(game, function)
    if simple.n_players == 0:
        raise InvalidGameError(f"{function} needs a game with at least one player.")
    if simple.n_players > MAX_STABILITY_PLAYERS:
        raise _too_large(function, simple.n_players)
    table = np.asarray(simple.winning_table(), dtype=np.int64)
    return simple.players, table, True


def _too_large(function: str, n: int) -> TooLargeError:
    return TooLargeError(
        f"{function}: {n} players have {bell(n)} coalition structures; the limit is "
        f"{MAX_STABILITY_PLAYERS} players ({bell(MAX_STABILITY_PLAYERS)} structures). Check "
        "chosen structures with bloc_structure_stability on a smaller body, or merge players."
    )


def _block_masks(labels: np.ndarray) -> np.ndarray:
    """``blocks[k, l]``: the mask of the block whose lowest player is l (0 if none)."""
    n = labels.shape[1]
    blocks = np.zeros(labels.shape, dtype=np.int64)
    rows = np.arange(len(labels))
    for i in range(n):
        blocks[rows, labels[:, i]] |= np.int64(1) << i
    return blocks


def _subset_templates(k: int) -> np.ndarray:
    """``(k, 2**k)`` 0/1 matrix: column c holds the bits of c (the subsets of k items)."""
    return (np.arange(1 << k, dtype=np.int64)[None, :] >> np.arange(k)[:, None]) & 1


def _coefficient_table(n: int, scheme: str) -> np.ndarray:
    """``coef[k, r]``: the weight of r of k - 1 others times ``n!`` (Shapley) or
    ``2**(n-1)`` (Banzhaf), an integer."""
    coef = np.zeros((n + 1, n + 1), dtype=np.int64)
    for k in range(1, n + 1):
        if scheme == "owen":
            scale = factorial(n) // factorial(k)
            coef[k, :k] = [factorial(r) * factorial(k - r - 1) * scale for r in range(k)]
        else:
            coef[k, :k] = 1 << (n - k)
    return coef


def _denominator(n: int, scheme: str) -> int:
    return factorial(n) ** 2 if scheme == "owen" else 1 << (2 * (n - 1))


def _structure_values(table: np.ndarray, labels: np.ndarray, scheme: str) -> np.ndarray:
    """Numerators of the Owen (Banzhaf-Owen) value of every structure (rows of ``labels``)
    over the common denominator ``_denominator(n, scheme)``: ``(K, n)``.

    Player i in block U (s members) of a structure with m blocks gets ``sum c_m(r) c_s(t)
    (v(S + i) - v(S))`` over the S = (r other blocks) + (t of i's partners). Structures with
    the same block sizes share the subsets' templates, so each (shape, member position) is a
    few whole-array operations over all structures of that shape.
    """
    n = labels.shape[1]
    coef = _coefficient_table(n, scheme)
    counts = popcounts(n).astype(np.int64)
    blocks = _block_masks(labels)
    sizes = counts[blocks]
    order = np.argsort(-sizes * (n + 1) + np.arange(n), axis=1, kind="stable")
    blocks = np.take_along_axis(blocks, order, axis=1)
    sizes = np.take_along_axis(sizes, order, axis=1)
    shapes, shape_of = np.unique(sizes, axis=0, return_inverse=True)
    shape_of = shape_of.reshape(-1)
    out = np.zeros(labels.shape, dtype=table.dtype)
    for code, shape in enumerate(shapes):
        sizes_k = [int(s) for s in shape if s]
        m = len(sizes_k)
        chosen = _subset_templates(m - 1)
        r = chosen.sum(axis=0)
        for k, s in enumerate(sizes_k):
            others = [j for j in range(m) if j != k]
            partners = _subset_templates(s - 1)
            weight = coef[m, r][:, None] * coef[s, partners.sum(axis=0)][None, :]
            if table.dtype == np.float64:  # floats: the weights themselves, no overflow
                weight = weight / float(_denominator(n, scheme))
            step = max(1, _ENTRIES // weight.size)
            where = np.flatnonzero(shape_of == code)
            for start in range(0, len(where), step):
                idx = where[start : start + step]
                own = blocks[idx, k]
                bits = ((own[:, None] >> np.arange(n)) & 1).astype(bool)
                members = np.nonzero(bits)[1].reshape(len(idx), s)
                unions = blocks[idx][:, others] @ chosen  # (K, 2**(m-1)) unions of blocks
                for p in range(s):
                    rest = np.delete(members, p, axis=1)
                    parts = (np.int64(1) << rest) @ partners  # (K, 2**(s-1))
                    coalitions = unions[:, :, None] | parts[:, None, :]
                    player = (np.int64(1) << members[:, p])[:, None, None]
                    marginal = table[coalitions | player] - table[coalitions]
                    value = (marginal * weight[None]).sum(axis=(1, 2))
                    out[idx, members[:, p]] = value
    return out


def _codes(labels: np.ndarray) -> np.ndarray:
    """One int per structure, below ``n!``: its labels (label i is at most i) as the digits
    of a factorial-base number, so a table of ``n!`` rows finds a structure by its code."""
    n = labels.shape[-1]
    return labels.astype(np.int64) @ _factorials(n)


def _factorials(n: int) -> np.ndarray:
    return np.array([factorial(i) for i in range(n)], dtype=np.int64)


class _Structures:
    """Every structure of n players, their values, and the lookup from codes to rows."""

    def __init__(self, table: np.ndarray, n: int, scheme: str, exact: bool, atol: float):
        self.n, self.exact, self.atol = n, exact, atol
        self.labels = partition_labels(n).astype(np.int64)
        self.values = _structure_values(table, self.labels, scheme)
        # int32 throughout the deviation search: codes stay below 10! and masks below 2**10
        self.row_of = np.full(max(factorial(n), 1), -1, dtype=np.int32)
        self.row_of[_codes(self.labels)] = np.arange(len(self.labels))
        self.blocks = _block_masks(self.labels)  # by leader, 0 where no block
        self.slots = (-np.sort(-self.blocks, axis=1)).astype(np.int32)  # blocks, then zeros
        self.n_blocks = (self.blocks != 0).sum(axis=1)
        self.scale = _denominator(n, scheme) if exact else 1
        self.types = _player_types(table, n)
        masks = np.arange(1 << n, dtype=np.int64)
        members = ((masks[:, None] >> np.arange(n)) & 1).astype(np.int64)
        low = np.where(masks > 0, np.argmax(members, axis=1), 0).astype(np.int64)
        digits = members @ _factorials(n)  # sum over the members of i!
        self.low = low
        # the digits of a block: its leader at each member; and each member its own leader
        self.together = (low * digits).astype(np.int32)
        self.alone = (members @ (np.arange(n) * _factorials(n))).astype(np.int32)

    def rows_of(self, codes: np.ndarray) -> np.ndarray:
        return self.row_of[codes]

    def rest_codes(self, rows: np.ndarray, groups: np.ndarray, model: str) -> np.ndarray:
        """``(len(rows), len(groups))``: the code digits of the players outside each group:
        delta keeps what is left of each block together, gamma breaks up every block a
        deviator leaves."""
        out = np.zeros((len(rows), len(groups)), dtype=np.int32)
        groups = groups.astype(np.int32, copy=False)
        for slot in range(int(self.n_blocks[rows].max(initial=0))):
            block = self.slots[rows, slot][:, None]
            left = block & ~groups[None, :]
            if model == "delta":
                out += self.together[left]
            else:
                intact = (block & groups[None, :]) == 0
                out += np.where(intact, self.together[block], self.alone[left])
        return out

    def profitable(self, old_rows: np.ndarray, groups: np.ndarray, new_rows: np.ndarray):
        """Which deviations (the group, from the structure in ``old_rows`` to the one in
        ``new_rows``) leave every member of the group strictly better off; the members are
        checked one at a time on the deviations still standing."""
        # the group's lowest member first, on every deviation; the others on the survivors
        lead = self.low[groups]
        alive = np.flatnonzero(self._better(new_rows, old_rows, lead))
        for j in range(self.n):
            if len(alive) == 0:
                break
            pick = np.flatnonzero(((groups[alive] >> j) & 1).astype(bool) & (lead[alive] != j))
            if len(pick) == 0:
                continue
            k = alive[pick]
            keep = np.ones(len(alive), dtype=bool)
            keep[pick[~self._better(new_rows[k], old_rows[k], j)]] = False
            alive = alive[keep]
        hit = np.zeros(len(groups), dtype=bool)
        hit[alive] = True
        return hit

    def _better(self, new_rows: np.ndarray, old_rows: np.ndarray, player: Any) -> np.ndarray:
        new, old = self.values[new_rows, player], self.values[old_rows, player]
        return new > old if self.exact else new > old + self.atol * self.scale


def _single_coalition_blocked(data: _Structures, rows: np.ndarray, model: str) -> np.ndarray:
    """For each structure of ``rows``: can a group T gain by forming the one coalition T?"""
    n = data.n
    groups = np.arange(1, 1 << n, dtype=np.int32)
    own_codes = data.together[groups]
    blocked = np.zeros(len(rows), dtype=bool)
    step = max(1, _ENTRIES // len(groups))
    # structures with as many blocks side by side: each chunk loops over its blocks only
    by_size = np.argsort(data.n_blocks[rows], kind="stable")
    rows = rows[by_size]
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        codes = data.rest_codes(chunk, groups, model) + own_codes[None, :]
        new_rows = data.rows_of(codes.reshape(-1))
        old_rows = np.repeat(chunk, len(groups))
        hit = data.profitable(old_rows, np.tile(groups, len(chunk)), new_rows)
        blocked[by_size[start : start + step]] = hit.reshape(len(chunk), len(groups)).any(axis=1)
    return blocked


class _Deviations:
    """Every group T with every partition of it: the rows of the structures of n + 1
    players whose extra player's block (minus it) is everyone outside T. ``codes`` holds the
    deviators' digits of the outcome's code; the partners' digits depend on the structure."""

    def __init__(self, n: int):
        labels = partition_labels(n + 1).astype(np.int64)  # player 0 is the extra one
        inside = labels[:, 1:] != 0
        keep = inside.any(axis=1)
        labels, inside = labels[keep], inside[keep]
        self.codes = _codes(np.where(inside, labels[:, 1:] - 1, 0))
        self.groups = (inside * (np.int64(1) << np.arange(n, dtype=np.int64))).sum(axis=1)


def _first_deviation(data: _Structures, deviations: _Deviations, row: int, model: str):
    """The first profitable deviation from structure ``row``: (T mask, outcome row) or None."""
    every_group = np.arange(1 << data.n, dtype=np.int64)
    rest = data.rest_codes(np.array([row]), every_group, model)[0]
    for start in range(0, len(deviations.groups), _ENTRIES):
        groups = deviations.groups[start : start + _ENTRIES]
        new_rows = data.rows_of(deviations.codes[start : start + _ENTRIES] + rest[groups])
        hit = data.profitable(np.full(len(groups), row), groups, new_rows)
        if hit.any():
            k = int(np.argmax(hit))
            return int(groups[k]), int(new_rows[k])
    return None


def _player_types(table: np.ndarray, n: int) -> np.ndarray:
    """``types[i]``: the first player symmetric to i (v(S + i) = v(S + j) for every S
    without both), so that structures mapped onto each other by swapping symmetric players
    are equally stable."""
    types = np.arange(n)
    coalitions = np.arange(1 << n, dtype=np.int64)
    for j in range(n):
        for i in range(j):
            if types[i] != i:
                continue
            both = (1 << i) | (1 << j)
            s = coalitions[coalitions & both == 0]
            if np.array_equal(table[s | (1 << i)], table[s | (1 << j)]):
                types[j] = i
                break
    return types


def _orbit_keys(data: _Structures) -> np.ndarray:
    """One row per structure that two structures share iff swapping symmetric players maps
    one onto the other: the sorted codes of the blocks' counts of each type."""
    n = data.n
    base = np.int64(n + 1) ** np.arange(n, dtype=np.int64)
    weight = base[data.types]
    keys = np.zeros(data.labels.shape, dtype=np.int64)
    rows = np.arange(len(data.labels))
    for i in range(n):
        keys[rows, data.labels[:, i]] += weight[i]
    return np.sort(keys, axis=1)


def _names(data: _Structures, row: int, players: tuple) -> tuple:
    masks = {int(m) for m in data.blocks[row] if m}
    return partition_names(masks, players)


def _payoffs(data: _Structures, row: int) -> tuple:
    if data.exact:
        return tuple(Fraction(int(v), data.scale) for v in data.values[row])
    return tuple(float(v) / data.scale for v in data.values[row])


def _prepare(game: Any, model: Any, index: Any, atol: Any, function: str):
    model = check_choice(model, STABILITY_MODELS, what="model", function=function)
    scheme = check_choice(index, BLOC_INDICES, what="index", function=function)
    atol = check_tolerance(atol, function)
    players, table, exact = _worth_table(game, function)
    n = len(players)
    if exact and table.dtype == object:
        bound = max((abs(int(v)) for v in table), default=0) * 2 * _denominator(n, scheme) << n
        if bound < nb.INT64_SUMS:
            table = table.astype(np.int64)
    return players, _Structures(table, n, scheme, exact, atol), model, scheme


STABILITY_METHODS = ("enumeration",)


@front_door(STABILITY_METHODS)
@fill_doc(references=_REFERENCES)
def stable_bloc_structures(
    game: Any,
    *,
    model: str = "delta",
    index: str = "owen",
    atol: float = 1e-9,
    method: str = "enumeration",
) -> StableBlocStructuresResult:
    r"""Every coalition structure that is stable in Hart and Kurz's model gamma or delta.

    A structure :math:`\mathcal B` is stable when no group :math:`T` and partition
    :math:`\mathcal P` of :math:`T` give every member of :math:`T` a strictly higher Owen value
    in the structure :math:`\mathcal B'` they bring about: in model delta the partners they
    leave stay together, in model gamma the blocs they leave break into singletons (see
    :mod:`coalitions.formation.blocs`).

    Parameters
    ----------
    game : WeightedVotingGame, CompoundGame, SimpleGame or TUGame
        At most 10 players (Bell(10) = 115975 structures).
    model : {"delta", "gamma"}
        What the deviators' former partners do.
    index : {"owen", "banzhaf-owen"}
        The players' payoff in a structure (Hart and Kurz use the Owen value).
    atol : float, default 1e-9
        A float game's gain must exceed this to count.
    method : {"enumeration"}
        Every structure and every deviation (the only method): the values of all structures
        from the table in vectorised chunks, then the deviations in which the group forms one
        coalition for every structure, then all partitions of every group for the survivors.

    Returns
    -------
    StableBlocStructuresResult
        ``structures`` (possibly none), ``values`` (exact Fractions for rational games) and
        ``n_structures``; ``value`` counts the stable ones.

    Raises
    ------
    TooLargeError
        More than 10 players.
    InvalidArgumentError
        An unknown model or index.

    Notes
    -----
    Each structure's values cost one pass over the :math:`2^{n-1}` coalitions without each
    player; the first sweep checks :math:`2^n - 1` deviations per structure and the second
    :math:`B_{n+1} - 1` (every partition of every group) per survivor; structures that
    swapping symmetric players maps onto each other are checked once. Ten members with no two
    alike took about 30 s on a shared two-core machine, ten equal members about 6 s, nine
    members a few seconds.

    {{references}}

    Examples
    --------
    Three-player majority: a pair that votes as one takes the game (1/2 each); neither the
    outsider nor a member can gain by moving, so each pair structure is stable in both
    models, and the grand coalition and the singletons are not.

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    >>> co.stable_bloc_structures(g, model="delta").structures
    ((('A',), ('B', 'C')), (('A', 'B'), ('C',)), (('A', 'C'), ('B',)))
    """
    function = "stable_bloc_structures"
    players, data, model, scheme = _prepare(game, model, index, atol, function)
    # stability is shared by the structures that swapping symmetric players relates
    keys = _orbit_keys(data)
    _, first, orbit = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    survivors = first[~_single_coalition_blocked(data, first, model)]
    stable_orbits: set[int] = set()
    if len(survivors):
        deviations = _Deviations(data.n)
        for row in survivors:
            if _first_deviation(data, deviations, int(row), model) is None:
                stable_orbits.add(int(orbit.reshape(-1)[row]))
    stable = [r for r in range(len(data.labels)) if int(orbit.reshape(-1)[r]) in stable_orbits]
    found = sorted((_names(data, r, players), r) for r in stable)
    return StableBlocStructuresResult(
        players=players,
        exact=data.exact,
        concept="hart-kurz-stability",
        method="enumeration",
        structures=tuple(s for s, _ in found),
        values=tuple(_payoffs(data, r) for _, r in found),
        model=model,
        index=scheme,
        n_structures=len(data.labels),
    )


@front_door(STABILITY_METHODS)
@fill_doc(references=_REFERENCES)
def bloc_structure_stability(
    game: Any,
    structure: Any,
    *,
    model: str = "delta",
    index: str = "owen",
    atol: float = 1e-9,
    method: str = "enumeration",
) -> BlocStabilityResult:
    r"""Whether one coalition structure is stable in Hart and Kurz's model gamma or delta,
    with a profitable deviation when it is not.

    Parameters
    ----------
    game : WeightedVotingGame, CompoundGame, SimpleGame or TUGame
        At most 10 players.
    structure : iterable of iterables of player names
        A partition of the players (every player in exactly one bloc).
    model : {"delta", "gamma"}
        What the deviators' former partners do (see :func:`stable_bloc_structures`).
    index : {"owen", "banzhaf-owen"}
        The players' payoff in a structure.
    atol : float, default 1e-9
        A float game's gain must exceed this to count.
    method : {"enumeration"}
        Every group and every partition of it (the only method).

    Returns
    -------
    BlocStabilityResult
        ``x`` (the values in the structure), ``is_stable`` (also ``value``) and, when
        unstable, ``deviators``, ``outcome`` and ``outcome_x``.

    Raises
    ------
    InvalidProblemError
        A structure that is not a partition of the players.
    TooLargeError
        More than 10 players.

    {{references}}

    Examples
    --------
    In three-player majority the singletons are unstable: any pair gains by uniting.

    >>> import coalitions as co
    >>> g = co.WeightedVotingGame(2, [1, 1, 1], ["A", "B", "C"])
    >>> check = co.bloc_structure_stability(g, [["A"], ["B"], ["C"]])
    >>> check.is_stable, check.deviators, check.outcome
    (False, ('B', 'C'), (('A',), ('B', 'C')))
    """
    function = "bloc_structure_stability"
    players, data, model, scheme = _prepare(game, model, index, atol, function)
    n = data.n
    masks = partition_masks(structure, players)
    code = sum(int(data.together[mask]) for mask in masks)
    row = int(data.rows_of(np.array([code], dtype=np.int64))[0])
    found = _first_deviation(data, _Deviations(n), row, model)
    x = nb.read_only(list(_payoffs(data, row)), nb.EXACT if data.exact else nb.FLOAT)
    deviators: tuple = ()
    outcome: tuple = ()
    outcome_x: tuple = ()
    if found is not None:
        group, new = found
        deviators = tuple(p for i, p in enumerate(players) if group >> i & 1)
        outcome, outcome_x = _names(data, new, players), _payoffs(data, new)
    return BlocStabilityResult(
        x=x,
        players=players,
        exact=data.exact,
        concept="hart-kurz-stability",
        method="enumeration",
        structure=_names(data, row, players),
        model=model,
        index=scheme,
        is_stable=found is None,
        deviators=deviators,
        outcome=outcome,
        outcome_x=outcome_x,
    )
