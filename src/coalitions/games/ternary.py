"""Ternary voting games: each voter votes yes, abstains or votes no; a rule decides.

A *ternary voting game* (Felsenthal & Machover 1997), or (3,2) game (Freixas & Zwicker 2003),
maps every profile of votes ``x in {no, abstain, yes}^n`` to *pass* or *fail*, monotonically:
moving any vote up (no -> abstain -> yes) never turns a pass into a fail. The profile
everybody-no fails and everybody-yes passes. A binary simple game is the degenerate case in
which abstaining is the same as voting no.

``TernaryVotingGame``
    any such rule, given as a predicate over the three sets (yes, abstain, no) or as its table
    of ``3**n`` outcomes (small bodies: at most :data:`MAX_TERNARY_PLAYERS` voters).
``WeightedTernaryGame``
    a weighted (3,2) game ``[q; (y_i, a_i, o_i)]``: voter ``i`` contributes ``y_i``, ``a_i``
    or ``o_i`` (``y_i >= a_i >= o_i >= 0``) as it votes yes, abstains or votes no, and the
    proposal passes when the total reaches ``q``. Any number of voters; its measures are
    computed by dynamic programming over weights (:mod:`coalitions.power.ternary`).

Constructors: :func:`ternary_weighted_game` (one weight per voter and a rule for abstention)
and :func:`abstention_veto_game` (a number of affirmative votes and veto players whose
abstention does not block: the UN Security Council's rule).

Profiles are coded ``sum_i x_i 3**i`` with ``x_i`` = 0 (no), 1 (abstain), 2 (yes).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_list, check_choice, player_names
from .._display import html_block
from .._docstrings import fill_doc
from .._frozen import Frozen, assign, field_property
from .._players import PlayerSet
from ..exceptions import InvalidGameError, TooLargeError
from .jk import FREIXAS_ZWICKER, profile_digits
from .simple import SimpleGame, WeightedVotingGame, _integer_weights

__all__ = [
    "TernaryVotingGame",
    "WeightedTernaryGame",
    "ternary_weighted_game",
    "abstention_veto_game",
    "VOTES",
    "MAX_TERNARY_PLAYERS",
]

#: The three votes, in increasing order of approval (their codes are 0, 1, 2).
VOTES = ("no", "abstain", "yes")
#: Most voters for which a ternary game's table of 3**n outcomes is built (3**11 = 177147
#: outcomes; the Shapley-Shubik enumeration visits 4**n partial roll calls).
MAX_TERNARY_PLAYERS = 11


def check_enumeration(n: int, what: str) -> None:
    """Refuse (TooLargeError) to enumerate the profiles of more than
    :data:`MAX_TERNARY_PLAYERS` voters; ``what`` names the caller in the message."""
    if n > MAX_TERNARY_PLAYERS:
        raise TooLargeError(
            f"{what} enumerates all 3**{n} profiles of votes; the limit is "
            f"{MAX_TERNARY_PLAYERS} voters. Give the rule as a WeightedTernaryGame (its "
            "measures use dynamic programming over weights, method='exact')."
        )


class TernaryVotingGame(Frozen, PlayerSet):
    """A ternary (yes/abstain/no) voting game given by its rule.

    Parameters
    ----------
    rule : callable
        ``rule(yes, abstain, no)`` with three ``frozenset`` of names, truthy when the proposal
        passes. Called once per profile (``3**n`` times).
    players : int or sequence of str
        The voters (a count ``n`` gives ``"1"``, ..., ``"n"``).

    Raises
    ------
    InvalidGameError
        If the rule is not monotone (raising a vote turns a pass into a fail), if
        everybody voting no passes or everybody voting yes fails.
    TooLargeError
        Above :data:`MAX_TERNARY_PLAYERS` voters (use :class:`WeightedTernaryGame`).

    Notes
    -----
    The outcome table is kept (read-only), so the measures of
    :mod:`coalitions.power.ternary` enumerate it (``method="enumeration"``).

    References
    ----------
    .. [1] Felsenthal, D. S. and Machover, M. (1997). Ternary voting games. *International
       Journal of Game Theory* 26(3), 335-351.
    .. [2] Freixas, J. and Zwicker, W. S. (2003). Weighted voting, abstention, and multiple
       levels of approval. *Social Choice and Welfare* 21(3), 399-431.

    Examples
    --------
    Three voters; a proposal passes when more vote yes than no (abstentions do not count):

    >>> import coalitions as co
    >>> game = co.TernaryVotingGame(lambda yes, abstain, no: len(yes) > len(no), ["a", "b", "c"])
    >>> game.passes(yes=["a"], abstain=["b", "c"]), game.passes(["a"], ["c"], no=["b"])
    (True, False)
    """

    _players: tuple[str, ...]
    _table: np.ndarray
    _hash: int | None = None

    def __init__(self, rule: Callable[..., Any], players: Any) -> None:
        if not callable(rule):
            raise InvalidGameError(
                f"TernaryVotingGame needs a rule: a function of (yes, abstain, no) sets of "
                f"names, got {type(rule).__name__}."
            )
        names = player_names(players, "TernaryVotingGame: players")
        n = len(names)
        check_enumeration(n, "TernaryVotingGame")
        digits = profile_digits(np.arange(3**n, dtype=np.int64), n, 3)
        table = np.empty(3**n, dtype=bool)
        for code, votes in enumerate(digits.tolist()):
            groups: tuple[list, list, list] = ([], [], [])
            for name, vote in zip(names, votes):
                groups[vote].append(name)
            no, abstain, yes = (frozenset(g) for g in groups)
            table[code] = bool(rule(yes, abstain, no))
        self._init_table(table, names)

    @classmethod
    def from_table(cls, table: Any, players: Any) -> TernaryVotingGame:
        """The game whose outcome of profile code ``sum_i x_i 3**i`` (``x_i`` = 0 no,
        1 abstain, 2 yes) is ``table[code]`` (``3**n`` truth values).

        Examples
        --------
        >>> import coalitions as co
        >>> table = [False] * 8 + [True]              # two voters: both yes
        >>> co.TernaryVotingGame.from_table(table, ["a", "b"]).passes(yes=["a", "b"])
        True
        """
        names = player_names(players, "TernaryVotingGame.from_table: players")
        n = len(names)
        check_enumeration(n, "TernaryVotingGame.from_table")
        array = np.asarray(table)
        if array.shape != (3**n,) or array.dtype.kind not in "bi":
            raise InvalidGameError(
                f"TernaryVotingGame.from_table: the table must hold 3**{n} = {3**n} truth "
                f"values (one per profile code), got shape {array.shape} of {array.dtype}."
            )
        game = cls.__new__(cls)
        game._init_table(array.astype(bool), names)
        return game

    def _init_table(self, table: np.ndarray, names: tuple[str, ...]) -> None:
        _check_ternary_table(table, len(names))
        assign(self, _players=names, _table=nb.read_only(table.copy()))

    # --- outcomes ---------------------------------------------------------------------------
    def outcome_table(self) -> np.ndarray:
        """Read-only bool array of the ``3**n`` outcomes, indexed by profile code."""
        return self._table

    def outcomes(self, profiles: Any) -> np.ndarray:
        """Vectorised outcome: ``profiles`` an integer array of shape (k, n) with votes
        0 (no), 1 (abstain), 2 (yes); True where the proposal passes."""
        votes = _check_profiles(profiles, self.n_players)
        codes = votes @ (3 ** np.arange(self.n_players, dtype=np.int64))
        return self._table[codes]

    def passes(
        self, yes: Iterable[str] = (), abstain: Iterable[str] = (), no: Iterable[str] | None = None
    ) -> bool:
        """True when the proposal passes with ``yes`` voting yes and ``abstain`` abstaining;
        the others vote no (``no`` may list them, and must then complete the body)."""
        return bool(self.outcomes(self.profile(yes, abstain, no)[None, :])[0])

    def profile(
        self, yes: Iterable[str] = (), abstain: Iterable[str] = (), no: Iterable[str] | None = None
    ) -> np.ndarray:
        """The vote vector (0 no, 1 abstain, 2 yes) of a division of the voters."""
        votes = np.zeros(self.n_players, dtype=np.int64)
        seen: set[str] = set()
        for level, group in ((2, yes), (1, abstain), (0, no)):
            if group is None:
                continue
            if isinstance(group, str):
                raise InvalidGameError(
                    f"give the voters as a list of names, not the single string {group!r}."
                )
            for name in group:
                i = self.player_index(name)
                if name in seen:
                    raise InvalidGameError(f"{name!r} is given two votes; give each voter one.")
                seen.add(name)
                votes[i] = level
        if no is not None and len(seen) != self.n_players:
            missing = [p for p in self._players if p not in seen]
            raise InvalidGameError(
                f"yes, abstain and no do not cover every voter (missing {missing}); leave "
                "no=None to count the others as voting no."
            )
        return votes

    def binary_game(self, abstention: str = "no") -> SimpleGame | WeightedVotingGame:
        """The simple (yes/no) game in which nobody abstains or, with ``abstention="yes"``,
        the others abstain instead of voting no: coalition ``S`` wins when ``S`` voting yes
        and the others voting no (or abstaining) passes."""
        abstention = check_choice(abstention, ("no", "yes"), what="abstention")
        others = 0 if abstention == "no" else 1
        n = self.n_players
        masks = np.arange(1 << n, dtype=np.int64)
        bits = (masks[:, None] >> np.arange(n, dtype=np.int64)[None, :]) & 1
        votes = np.where(bits == 1, 2, others)
        winning = masks[self.outcomes(votes)]
        return SimpleGame(winning=[int(m) for m in winning], players=self._players)

    def to_json(self) -> dict:
        """The game as a JSON document (``coalitions.write_game`` writes it): a
        :class:`WeightedTernaryGame` by its quota and weights (``"weighted-ternary"``), any
        other by its ``3**n`` outcomes (``"ternary"``)."""
        from .io import _levels_to_json

        return _levels_to_json(self)

    # --- identity and display ---------------------------------------------------------------
    def _key(self) -> tuple:
        return (self._players, self._table.tobytes())

    def __repr__(self) -> str:
        passing = int(self._table.sum())
        return (
            f"TernaryVotingGame({self.n_players} voters, {passing} of {3**self.n_players} passing)"
        )

    def _repr_html_(self) -> str:
        passing = int(self._table.sum())
        return html_block(
            type(self).__name__,
            [("voters", self.n_players), ("passing profiles", passing)],
            [(["voter"], [(p,) for p in self._players], self.n_players, "voters")],
        )


def _check_profiles(profiles: Any, n: int) -> np.ndarray:
    votes = np.asarray(profiles)
    if votes.ndim != 2 or votes.shape[1] != n or votes.dtype.kind not in "iu":
        raise InvalidGameError(
            f"profiles must be an integer array of shape (k, {n}) with votes 0 (no), "
            f"1 (abstain), 2 (yes); got shape {votes.shape} of {votes.dtype}."
        )
    if votes.size and (votes.min() < 0 or votes.max() > 2):
        raise InvalidGameError("a vote must be 0 (no), 1 (abstain) or 2 (yes).")
    return votes.astype(np.int64)


def _check_ternary_table(table: np.ndarray, n: int) -> None:
    """Monotone (raising one vote never turns pass into fail), all-no fails, all-yes passes."""
    if table[0]:
        raise InvalidGameError(
            "the proposal passes when everybody votes no; a ternary voting game needs the "
            "all-no profile to fail."
        )
    if not table[-1]:
        raise InvalidGameError(
            "the proposal fails when everybody votes yes; a ternary voting game needs the "
            "all-yes profile to pass."
        )
    for i in range(n):
        by_vote = table.reshape(3 ** (n - 1 - i), 3, 3**i)
        if np.any(by_vote[:, 0] & ~by_vote[:, 1]) or np.any(by_vote[:, 1] & ~by_vote[:, 2]):
            raise InvalidGameError(
                f"the rule is not monotone in voter {i + 1}: raising its vote (no -> abstain "
                "-> yes) turns a pass into a fail somewhere."
            )


@fill_doc(freixas_zwicker=FREIXAS_ZWICKER)
class WeightedTernaryGame(TernaryVotingGame):
    """A weighted ternary game ``[q; (y_i, a_i, o_i)]``: the proposal passes when the
    weights of the votes cast reach the quota.

    .. math:: x \\text{ passes} \\iff \\sum_i w_i(x_i) \\ge q, \\qquad
              w_i(\\text{yes}) = y_i \\ge w_i(\\text{abstain}) = a_i \\ge
              w_i(\\text{no}) = o_i \\ge 0

    Parameters
    ----------
    quota : rational
        The total weight needed; more than the all-no total, at most the all-yes total.
    yes, abstain : sequence of rationals
        Each voter's weight when it votes yes and when it abstains.
    no : sequence of rationals, optional
        Each voter's weight when it votes no (default 0).
    players : int or sequence of str, optional
        The voters (default ``"1"``, ..., ``"n"``).

    Raises
    ------
    InvalidGameError
        For negative weights, weights out of order (``yes >= abstain >= no``), lengths that
        differ, or a quota the all-no profile already reaches or the all-yes one misses.

    References
    ----------
    {{freixas_zwicker}}

    Examples
    --------
    A relative majority: yes counts 2, abstain 1, no 0, quota 4 of 6 (more yes than no).

    >>> import coalitions as co
    >>> game = co.WeightedTernaryGame(4, yes=[2, 2, 2], abstain=[1, 1, 1], players=["a", "b", "c"])
    >>> game.passes(yes=["a"], abstain=["b", "c"]), game.passes(yes=["a"], abstain=["b"])
    (True, False)
    """

    _quota: Any
    _levels: tuple[tuple[Any, Any, Any], ...]
    _int_quota: int
    _int_levels: tuple[tuple[int, int, int], ...]

    def __init__(
        self,
        quota: Any,
        yes: Sequence[Any],
        abstain: Sequence[Any],
        no: Sequence[Any] | None = None,
        players: Any = None,
    ) -> None:
        def weights(values: Any, vote: str) -> list:
            return as_list(
                values,
                f"WeightedTernaryGame: {vote}",
                InvalidGameError,
                expected=f"a list of {vote}-weights, one per voter",
            )

        yes, abstain = weights(yes, "yes"), weights(abstain, "abstain")
        no = [0] * len(yes) if no is None else weights(no, "no")
        if not (len(yes) == len(abstain) == len(no)):
            raise InvalidGameError(
                f"WeightedTernaryGame: {len(yes)} yes, {len(abstain)} abstain and {len(no)} no "
                "weights; give one of each per voter."
            )
        if not yes:
            raise InvalidGameError("WeightedTernaryGame needs at least one voter.")
        n = len(yes)
        names = player_names(n if players is None else players, "WeightedTernaryGame: players")
        if len(names) != n:
            raise InvalidGameError(
                f"WeightedTernaryGame: {len(names)} player names for {n} voters."
            )
        int_quota, flat, scale = _integer_weights(quota, [*no, *abstain, *yes])
        common = math.gcd(int_quota, *flat)  # the same game on the smallest integers (1e18 -> 1)
        int_quota, flat = int_quota // common, tuple(v // common for v in flat)
        unit = Fraction(common, scale)
        int_no, int_abs, int_yes = flat[:n], flat[n : 2 * n], flat[2 * n :]
        for i in range(n):
            if not int_yes[i] >= int_abs[i] >= int_no[i]:
                raise InvalidGameError(
                    f"voter {names[i]!r}: weights yes={yes[i]}, abstain={abstain[i]}, "
                    f"no={no[i]} are out of order; a vote that approves more must weigh at "
                    "least as much (yes >= abstain >= no)."
                )
        if sum(int_no) >= int_quota:
            raise InvalidGameError(
                f"the quota {quota} is reached when everybody votes no; raise it above the "
                "total no-weight."
            )
        if sum(int_yes) < int_quota:
            raise InvalidGameError(
                f"the quota {quota} is more than the total yes-weight; nothing could pass."
            )

        def shown(values: Sequence[int]) -> tuple:
            return tuple(nb.int_if_integral(v * unit) for v in values)

        assign(
            self,
            _players=names,
            _quota=nb.int_if_integral(int_quota * unit),
            _levels=tuple(zip(shown(int_yes), shown(int_abs), shown(int_no))),
            _int_quota=int_quota,
            _int_levels=tuple(zip(int_yes, int_abs, int_no)),
        )

    quota = field_property("_quota", "The quota, as given.")
    levels = field_property(
        "_levels", "Each voter's weights ``(yes, abstain, no)``, as given (exact)."
    )
    int_quota = field_property(
        "_int_quota", "The quota scaled exactly to an integer (smallest: divided by the gcd)."
    )
    int_levels = field_property(
        "_int_levels", "Each voter's weights ``(yes, abstain, no)`` on the same integer scale."
    )

    def outcome_table(self) -> np.ndarray:
        """The ``3**n`` outcomes (at most :data:`MAX_TERNARY_PLAYERS` voters)."""
        check_enumeration(self.n_players, "outcome_table()")
        codes = np.arange(3**self.n_players, dtype=np.int64)
        return self.outcomes(profile_digits(codes, self.n_players, 3))

    def outcomes(self, profiles: Any) -> np.ndarray:
        """Vectorised outcome of an integer array of votes, shape (k, n); any n."""
        votes = _check_profiles(profiles, self.n_players)
        weights = np.empty((self.n_players, 3), dtype=object)
        for i, (y, a, o) in enumerate(self._int_levels):
            weights[i] = (o, a, y)
        totals = weights[np.arange(self.n_players)[None, :], votes].sum(axis=1)
        return np.asarray(totals >= self._int_quota, dtype=bool).reshape(len(votes))

    def binary_game(self, abstention: str = "no") -> WeightedVotingGame:
        """The yes/no game where the others vote no (``abstention="no"``) or abstain
        (``"yes"``): a :class:`~coalitions.WeightedVotingGame` with weights ``y_i - o_i``
        (or ``y_i - a_i``)."""
        abstention = check_choice(abstention, ("no", "yes"), what="abstention")
        base = 2 if abstention == "no" else 1
        floor = [level[base] for level in self._int_levels]
        weights = [level[0] - f for level, f in zip(self._int_levels, floor)]
        return WeightedVotingGame(self._int_quota - sum(floor), weights, self._players)

    def _key(self) -> tuple:
        return (self._players, self._int_quota, self._int_levels)

    def __repr__(self) -> str:
        return f"WeightedTernaryGame(quota={self._quota}, {self.n_players} voters)"

    def _repr_html_(self) -> str:
        rows = [(p, *level) for p, level in zip(self._players, self._levels)]
        return html_block(
            type(self).__name__,
            [("voters", self.n_players), ("quota", self._quota)],
            [(["voter", "yes", "abstain", "no"], rows, self.n_players, "voters")],
        )


#: The rules of :func:`ternary_weighted_game` for an abstention: its weight as a share of
#: the voter's yes-weight.
ABSTENTION_RULES = {"no": Fraction(0), "half": Fraction(1, 2), "not-no": Fraction(1)}


def ternary_weighted_game(
    quota: Any, weights: Sequence[Any], players: Any = None, *, abstention: str = "no"
) -> WeightedTernaryGame:
    """A weighted body in which members may abstain: yes counts the member's weight, no
    counts nothing, and an abstention counts as ``abstention`` says.

    Parameters
    ----------
    quota : rational
    weights : sequence of rationals
        One non-negative weight per member.
    players : int or sequence of str, optional
    abstention : {"no", "half", "not-no"}
        ``"no"``: an abstention weighs nothing (the yes-weight must reach the quota; the
        binary game with abstention counted as no); ``"half"``: it weighs half the member's
        weight; ``"not-no"``: it weighs like a yes (what must reach the quota is the weight
        of the members not voting no).

    Returns
    -------
    WeightedTernaryGame

    References
    ----------
    .. [1] Felsenthal, D. S. and Machover, M. (1997). Ternary voting games. *International
       Journal of Game Theory* 26(3), 335-351.

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.ternary_weighted_game(3, [2, 1, 1], ["a", "b", "c"], abstention="not-no")
    >>> game.passes(yes=["b"], abstain=["a"]), game.passes(yes=["a", "b"])
    (True, True)
    >>> game.levels
    ((2, 2, 0), (1, 1, 0), (1, 1, 0))
    """
    share = ABSTENTION_RULES[check_choice(abstention, ABSTENTION_RULES, what="abstention")]
    values = as_list(
        weights,
        "ternary_weighted_game: weights",
        InvalidGameError,
        expected="a list of weights, one per member",
    )
    _, ints, scale = _integer_weights(quota, values)  # validates, with its messages
    yes = [Fraction(v, scale) for v in ints]
    abstain = [share * w for w in yes]
    return WeightedTernaryGame(quota, yes, abstain, None, players)


def abstention_veto_game(
    affirmative: int, vetoes: Sequence[str], players: Sequence[str]
) -> WeightedTernaryGame:
    """At least ``affirmative`` yes votes and no veto player voting no; a veto player's
    abstention does not block (the UN Security Council's rule on substantive matters).

    Written as a weighted ternary game: a veto player weighs ``0`` (no), ``M`` (abstain),
    ``M + 1`` (yes) with ``M = n + 1``, every other member ``0``, ``0``, ``1``, quota
    ``k M + affirmative`` for ``k`` veto players: a no by a veto player leaves at most
    ``(k - 1) M + n`` below the quota, otherwise the total is ``k M`` plus the yes votes.

    Parameters
    ----------
    affirmative : int
        Yes votes needed, from 1 to the number of members.
    vetoes : sequence of str
        The veto players (a subset of ``players``).
    players : sequence of str
        Every member.

    Returns
    -------
    WeightedTernaryGame

    References
    ----------
    .. [1] Charter of the United Nations, Art. 27(3); International Court of Justice (1971),
       *Legal Consequences for States of the Continued Presence of South Africa in Namibia*,
       Advisory Opinion, I.C.J. Reports 1971, p. 16, para. 22 (a permanent member's voluntary
       abstention is not a veto, by the Council's consistent practice since 1946).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.abstention_veto_game(2, ["A"], ["A", "b", "c"])
    >>> game.passes(yes=["b", "c"], abstain=["A"]), game.passes(yes=["b", "c"])
    (True, False)
    """
    names = player_names(
        as_list(
            players,
            "abstention_veto_game: players",
            InvalidGameError,
            expected="a list of member names",
        ),
        "abstention_veto_game: players",
    )
    veto_list = as_list(
        vetoes,
        "abstention_veto_game: vetoes",
        InvalidGameError,
        expected="a list of the veto players' names",
    )
    if not all(isinstance(v, str) for v in veto_list):
        raise InvalidGameError("abstention_veto_game: vetoes must be names (strings).")
    veto_set = set(veto_list)
    unknown = sorted(veto_set - set(names))
    if unknown:
        raise InvalidGameError(
            f"abstention_veto_game: veto players {unknown} are not among the players."
        )
    n = len(names)
    if isinstance(affirmative, bool) or not isinstance(affirmative, (int, np.integer)):
        raise InvalidGameError(
            f"affirmative must be a whole number of yes votes, got {affirmative!r}."
        )
    if not 1 <= int(affirmative) <= n:
        raise InvalidGameError(
            f"affirmative={affirmative}: the yes votes needed must be between 1 and {n}."
        )
    big = n + 1
    yes = [big + 1 if p in veto_set else 1 for p in names]
    abstain = [big if p in veto_set else 0 for p in names]
    return WeightedTernaryGame(big * len(veto_set) + int(affirmative), yes, abstain, None, names)
