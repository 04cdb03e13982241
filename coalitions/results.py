"""Result objects returned by the solvers.

Every solver returns a frozen dataclass. Allocation-like results carry ``x`` (one entry per
player, in ``players`` order), ``players`` and ``exact``; ``result["name"]`` reads one entry and
``to_dict()`` gives a JSON-ready dictionary (exact fractions are written as strings such as
``"2/3"``, symbolic expressions as their sympy string).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from .exceptions import UnknownPlayerError

__all__ = ["Result", "AllocationResult", "ValueResult", "jsonable",
           "CoalitionStructureResult", "StructureCoreResult", "HedonicStabilityResult",
           "DynamicsResult", "AgreementStabilityResult", "WinningCoalitionsResult",
           "ClubFrontierResult", "EstimateResult", "PowerIndexResult", "PowerToActResult",
           "PivotalResult", "PowerTableResult", "SweepResult", "BalancedCollection",
           "CoreResult", "LeastCoreResult", "NucleolusResult"]


def jsonable(value: Any) -> Any:
    """Convert numbers, arrays and containers to JSON-ready Python objects."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else int(value.numerator)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else str(value)
    if isinstance(value, np.ndarray):
        return [jsonable(v) for v in value.tolist()]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [jsonable(v) for v in items]
    if value is None or isinstance(value, str):
        return value
    if type(value).__module__.startswith("sympy"):
        return str(value)
    if dataclasses.is_dataclass(value) and hasattr(value, "to_dict"):
        return value.to_dict()
    return str(value)


def _format_number(value: Any) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    return str(value)


@dataclass(frozen=True, eq=False)
class Result:
    """Base class: a frozen record with ``to_dict()``."""

    def to_dict(self) -> dict:
        """JSON-ready dictionary of every field (``x`` keyed by player name)."""
        out = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name == "x" and hasattr(self, "players") and value is not None:
                value = dict(zip(self.players, list(value)))
            out[item.name] = jsonable(value)
        return out


@dataclass(frozen=True, eq=False)
class AllocationResult(Result):
    """A payoff vector ``x`` over ``players``; ``exact`` says whether entries are exact."""

    x: np.ndarray
    players: tuple
    exact: bool

    def __getitem__(self, player: str) -> Any:
        try:
            return self.x[self.players.index(player)]
        except ValueError:
            raise UnknownPlayerError(
                f"unknown player {player!r}; the players are {', '.join(map(repr, self.players))}"
            ) from None

    def as_dict(self) -> dict:
        """``{player: payoff}`` in player order, numbers kept as they are."""
        return dict(zip(self.players, list(self.x)))

    def __repr__(self) -> str:
        entries = ", ".join(f"{p!r}: {_format_number(v)}" for p, v in zip(self.players, self.x))
        extras = []
        for item in dataclasses.fields(self):
            if item.name in ("x", "players") or not item.repr:
                continue
            extras.append(f"{item.name}={getattr(self, item.name)!r}")
        if getattr(self, "cost", False):
            extras.append("cost=True")
        return f"{type(self).__name__}({{{entries}}}, {', '.join(extras)})"


@dataclass(frozen=True, eq=False, repr=False)
class ValueResult(AllocationResult):
    """A single-valued solution (Shapley value, Banzhaf value, ...).

    Attributes
    ----------
    x : numpy.ndarray
        Payoffs, float64 for float games, ``Fraction`` objects for exact games, sympy
        expressions for symbolic games.
    players : tuple of str
    exact : bool
        True when every entry is exact (rational or symbolic arithmetic).
    concept : str
        The solution concept, e.g. ``"shapley"``.
    method : str
        The algorithm used.
    normalized : bool
        For indices that have a normalised variant (Banzhaf).
    n_evaluations : int or None
        Number of coalition values read.
    std_error : numpy.ndarray or None
        Standard error of each entry for sampling estimators; None for exact methods.
    cost : bool
        True when the game is a cost game: ``x`` holds cost shares.
    """

    concept: str = ""
    method: str = ""
    normalized: bool = False
    n_evaluations: int | None = None
    std_error: Any = field(default=None, repr=False)
    cost: bool = field(default=False, repr=False)


# ---------------------------------------------------------------- coalition formation


@dataclass(frozen=True, eq=False)
class CoalitionStructureResult(Result):
    """An optimal coalition structure (a partition of the players) and its total worth.

    Attributes
    ----------
    structure : tuple of tuple of str
        The coalitions, each in player order, ordered by their first player.
    value : number
        Sum of ``v(C)`` over the coalitions (the game's number type).
    coalition_values : tuple
        ``v(C)`` of each coalition, in ``structure`` order.
    players : tuple of str
    exact : bool
    method : str
    """

    structure: tuple
    value: Any
    coalition_values: tuple
    players: tuple
    exact: bool
    method: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class StructureCoreResult(AllocationResult):
    """The core of a game with a coalition structure (Aumann and Dreze 1974).

    ``x`` is a point of the core when ``is_empty`` is False (the least-core point of the
    structure otherwise); ``epsilon`` is the smallest uniform subsidy that makes every
    coalition's claim ``x(S) >= v(S) - epsilon`` satisfiable with ``x(C) = v(C)`` for the
    coalitions ``C`` of the structure. The structure is stable when ``epsilon <= atol``.
    """

    structure: tuple = ()
    is_empty: bool = True
    epsilon: Any = None
    success: bool = True
    status: int = 0
    message: str = ""

    @property
    def is_stable(self) -> bool:
        """True when the core of the structure is non-empty."""
        return not self.is_empty


@dataclass(frozen=True, eq=False)
class HedonicStabilityResult(Result):
    """The four stability notions of a partition in a hedonic game, each with a witness.

    A witness is None when the partition is stable in that sense; otherwise it describes a
    deviation: a blocking coalition (core) or a move ``{"player", "from", "to"}``.
    """

    partition: tuple
    core_stable: bool
    nash_stable: bool
    individually_stable: bool
    contractually_individually_stable: bool
    witnesses: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class DynamicsResult(Result):
    """Outcome of best-response dynamics in a hedonic game.

    ``stopping_reason`` is ``"stable"`` (a full round without a move: the partition is
    stable for the deviation rule), ``"cycle"`` (a state repeated, so the dynamics loop for
    ever) or ``"max_rounds"``. ``potentials`` holds the potential after every move when the
    game is symmetric additively separable (else empty).
    """

    partition: tuple
    converged: bool
    stopping_reason: str
    rule: str
    n_moves: int
    n_rounds: int
    moves: tuple = ()
    potentials: tuple = ()


@dataclass(frozen=True, eq=False)
class AgreementStabilityResult(Result):
    """Internal and external stability of a signatory coalition of every size k = 1..n.

    ``stable_sizes`` lists the k that are both internally and externally stable.
    """

    n: int
    sizes: tuple
    internal: tuple
    external: tuple
    stable_sizes: tuple
    signatory_payoffs: tuple
    nonsignatory_payoffs: tuple
    indifferent: str
    exact: bool
    model: str = ""


@dataclass(frozen=True, eq=False)
class WinningCoalitionsResult(Result):
    """A list of winning coalitions of a voting game with their total weights.

    ``concept`` says which list it is: ``"minimal_winning"``, ``"minimum_weight"`` (Riker's
    size principle) or ``"minimal_connected_winning"`` (Axelrod).
    """

    coalitions: tuple
    weights: tuple
    players: tuple
    quota: Any
    concept: str

    def __len__(self) -> int:
        return len(self.coalitions)


@dataclass(frozen=True, eq=False)
class ClubFrontierResult(Result):
    """The Pareto frontier of clubs: chance of acting against coverage.

    Each frontier point is a club (``clubs[j]``) with efficiency ``efficiency[j]`` (the
    probability that every member supports acting, the product of the members' support
    probabilities) and coverage ``coverage[j]`` (the sum of the members' weights). Points are
    sorted by increasing coverage (hence decreasing efficiency); no club is at least as good
    on both criteria and better on one.
    """

    clubs: tuple
    efficiency: np.ndarray
    coverage: np.ndarray
    players: tuple
    method: str
    exact: bool = False

    def __len__(self) -> int:
        return len(self.clubs)
@dataclass(frozen=True, eq=False, repr=False)
class EstimateResult(ValueResult):
    """A sampling estimate of a value (``exact`` is always False).

    Attributes
    ----------
    x : numpy.ndarray
        The estimates, float64, in player order.
    std_error : numpy.ndarray
        Estimated standard error of each entry.
    confidence : float
        Level of the confidence intervals (normal approximation), e.g. 0.95.
    ci_low, ci_high : numpy.ndarray
        ``x -/+ z * std_error`` with ``z`` the normal quantile for ``confidence``.
    budget : int
        The evaluation budget that was asked for.
    n_evaluations : int
        Value evaluations actually used (at most ``budget``).
    n_samples : int
        Sampling units drawn (permutations, coalitions, pairs, ...).
    """

    confidence: float = 0.95
    ci_low: Any = field(default=None, repr=False)
    ci_high: Any = field(default=None, repr=False)
    budget: int | None = None
    n_samples: int | None = None

    @property
    def confidence_interval(self) -> tuple:
        """``(ci_low, ci_high)``."""
        return self.ci_low, self.ci_high


# ---------------------------------------------------------------- bargaining (issue 5)
__all__ += ["BargainingResult", "RubinsteinResult", "BaronFerejohnResult"]


@dataclass(frozen=True, eq=False, repr=False)
class BargainingResult(AllocationResult):
    """A solution of a bargaining problem: utilities ``x`` and, for a surplus, the shares.

    Attributes
    ----------
    x : numpy.ndarray
        Utility of each player at the solution.
    concept : str
        ``"nash"``, ``"kalai-smorodinsky"``, ``"egalitarian"`` or ``"utilitarian"``.
    disagreement : numpy.ndarray
        The disagreement point ``d``.
    shares : numpy.ndarray or None
        Shares of the surplus (divisible-surplus problems), else None.
    weights : numpy.ndarray or None
        Bargaining weights (asymmetric Nash solution).
    ideal : numpy.ndarray or None
        Ideal point (Kalai-Smorodinsky).
    """

    concept: str = ""
    disagreement: Any = field(default=None, repr=False)
    shares: Any = None
    weights: Any = field(default=None, repr=False)
    ideal: Any = field(default=None, repr=False)


@dataclass(frozen=True, eq=False, repr=False)
class RubinsteinResult(AllocationResult):
    """Shares of the Rubinstein alternating-offers equilibrium (first proposer first).

    ``discount_factors`` are per period; ``rates`` and ``period`` are set when the model is
    given in continuous time. ``limit`` is True for the frictionless limit (period -> 0), the
    asymmetric Nash solution with weights proportional to ``1 / rate``.
    """

    proposer: str = ""
    discount_factors: Any = None
    rates: Any = None
    period: Any = None
    limit: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class BaronFerejohnResult(AllocationResult):
    """Stationary equilibrium of Baron-Ferejohn legislative bargaining.

    Attributes
    ----------
    x : numpy.ndarray
        Ex-ante (continuation) value of each player; sums to the surplus.
    proposer_shares : numpy.ndarray
        What each player keeps when recognised.
    prices : numpy.ndarray
        ``prices[j] = delta_j v_j``: the smallest offer j accepts, which is what a partner
        gets when included.
    offers : numpy.ndarray
        ``offers[i, j]``: expected amount player j receives when i proposes (row i sums to
        the surplus; the diagonal holds the proposer's share).
    inclusion : numpy.ndarray
        ``inclusion[i, j]``: probability that proposer i includes j in the coalition.
    quota : int
    discount_factors, recognition : numpy.ndarray
    residual : float
        Largest violation of the equilibrium conditions (value equations, cheapest-votes
        condition, budget): the certificate of the numerical solution.
    method : str
        ``"closed-form"``, ``"linear"`` (unanimity), ``"active-set"`` or ``"smoothed"``.
    closed_form : dict or None
        sympy expressions when ``symbolic=True`` was asked.
    """

    proposer_shares: Any = None
    prices: Any = None
    offers: Any = field(default=None, repr=False)
    inclusion: Any = field(default=None, repr=False)
    quota: int = 0
    discount_factors: Any = field(default=None, repr=False)
    recognition: Any = field(default=None, repr=False)
    residual: float = 0.0
    method: str = ""
    closed_form: Any = field(default=None, repr=False)


# ---------------------------------------------------------------- spatial veto players (issue 5)
__all__ += ["WinSetResult", "PolicyCoreResult", "SetterResult", "LCDResult"]


@dataclass(frozen=True, eq=False)
class WinSetResult(Result):
    """The win-set W(q): the policies that a winning coalition prefers to the status quo.

    ``intervals`` (1-D) lists the open intervals of W(q); ``size`` is its length (1-D) or
    area (2-D: exact for unanimity with circular preferences, otherwise on a grid of
    ``resolution`` x ``resolution`` cells of ``bounds``); a small size means high policy
    stability (Tsebelis). ``method`` is ``"exact"`` or ``"grid"``.
    """

    dimension: int
    status_quo: Any
    is_empty: bool
    size: float
    intervals: Any = None
    bounds: Any = None
    resolution: int | None = None
    method: str = "exact"
    decision_rule: str = ""


@dataclass(frozen=True, eq=False)
class PolicyCoreResult(Result):
    """The core of a spatial voting model: the policies no winning coalition can beat.

    1-D: ``interval = (low, high)`` or None when empty. 2-D unanimity: ``vertices`` of the
    convex hull of the ideal points (the Pareto set).
    """

    dimension: int
    is_empty: bool
    interval: Any = None
    vertices: Any = None
    decision_rule: str = ""


@dataclass(frozen=True, eq=False)
class SetterResult(Result):
    """Romer-Rosenthal agenda setter: the take-it-or-leave-it outcome and who constrains it."""

    outcome: Any
    setter: str
    setter_ideal: Any
    status_quo: Any
    binding: tuple = ()
    decision_rule: str = ""


@dataclass(frozen=True, eq=False)
class LCDResult(Result):
    """The lowest common denominator of a unanimity (or k-of-n) decision.

    Attributes
    ----------
    llap_point : the least ambitious programme (Underdal): the status quo projected on the core.
    ceiling : the most ambitious change every needed member accepts (the far end of the
        closed win-set along the direction of change).
    binding : names of the members whose acceptance sets that ceiling (the LCD pivots).
    protected : True when the status quo is in the core (no change passes).
    interval : 1-D: ``(llap_point, ceiling)``, the range of outcomes bargaining can give.
    """

    llap_point: Any
    ceiling: Any
    binding: tuple
    protected: bool
    status_quo: Any
    interval: Any = None
    direction: Any = None
    decision_rule: str = ""


# ---------------------------------------------------------------- issue linkage (issue 5)
__all__ += ["LinkageResult"]


@dataclass(frozen=True, eq=False)
class LinkageResult(Result):
    """A veto player's hold-up by issue linkage (Tollison-Willett, Sebenius).

    Attributes
    ----------
    blocker, linked_issue, demand_issue : str
        Who holds the veto, the issue held hostage (A) and the issue of the concession (B).
    decision_rule : str
    can_block : bool
        Whether the others cannot pass issue A without the blocker under the rule.
    no_agreement, unlinked, linked : dict
        The three outcomes (issue -> level): nothing agreed; issue-by-issue decision; the
        package the blocker extracts.
    zopa : tuple or None
        Linkage zone of agreement on issue B: levels every needed member accepts with A.
    max_concession : float or None
        The largest B level a winning coalition still accepts (``b_max``).
    capped_by : tuple
        The member(s) whose acceptance limit sets ``max_concession`` (an LCD of its own).
    credible : bool
        False when the blocker prefers the unlinked outcome to no agreement: the one-shot
        veto threat is then not subgame-perfect and needs commitment.
    commitment_cost : float
        What the blocker loses by carrying out the veto, ``u_c(unlinked) - u_c(no deal)``.
    value_of_veto : float
        ``u_c(linked) - u_c(unlinked)``.
    price_of_linkage : dict
        ``u_j(unlinked) - u_j(linked)`` for every member (negative: j gains from linkage).
    utilities : dict
        Each member's utility at the three outcomes.
    assumptions : tuple of str
        The modelling assumptions used, to print alongside any number.
    nash_package : dict or None
        The package in the ZOPA that maximises the product of every member's gain over no
        agreement (the Nash bargaining solution on issue B with A adopted), when one exists.
    """

    blocker: str
    linked_issue: str
    demand_issue: str
    decision_rule: str
    can_block: bool
    no_agreement: dict
    unlinked: dict
    linked: dict
    zopa: Any
    max_concession: Any
    capped_by: tuple
    credible: bool
    commitment_cost: float
    value_of_veto: float
    price_of_linkage: dict
    utilities: dict = field(default_factory=dict)
    assumptions: tuple = ()
    nash_package: Any = None


# ----------------------------------------------------------------- voting power (issue 4)
@dataclass(frozen=True, eq=False, repr=False)
class PowerIndexResult(ValueResult):
    """A power index of a simple game (Shapley-Shubik, Banzhaf, Coleman, ...).

    Attributes
    ----------
    counts : tuple or None
        The raw counts behind the index where they exist, as exact Python ints: swings
        (Banzhaf, Coleman, Rae, risk), pivotal orderings (Shapley-Shubik), minimal winning
        coalitions containing the player (Holler). None when computed in floats.
    denominator : int, Fraction or None
        What the counts are divided by (``2**(n-1)``, the number of winning coalitions, ...).
    """

    counts: Any = field(default=None, repr=False)
    denominator: Any = field(default=None, repr=False)


@dataclass(frozen=True, eq=False)
class PowerToActResult(Result):
    """Coleman's power of the collectivity to act: the share of winning coalitions.

    ``value = winning / coalitions`` (``Fraction`` when exact, else float).
    """

    value: Any
    winning: Any
    coalitions: int
    exact: bool
    method: str = ""

    def __float__(self) -> float:
        return float(self.value)


@dataclass(frozen=True, eq=False)
class PivotalResult(Result):
    """Who is critical for a given vote: flipping a pivotal member's vote flips the outcome."""

    passed: bool
    pivotal: tuple
    yes: tuple
    no: tuple


@dataclass(frozen=True, eq=False)
class PowerTableResult(Result):
    """Several power indices of one game, one column per index.

    ``indices[name]`` is an array in ``players`` order; ``power_to_act`` is Coleman's A.
    """

    players: tuple
    indices: dict
    exact: bool
    power_to_act: Any = None
    method: str = ""

    def __getitem__(self, name: str) -> Any:
        return self.indices[name]

    def to_dict(self) -> dict:
        return {"players": list(self.players),
                "indices": {k: dict(zip(self.players, [jsonable(v) for v in col]))
                            for k, col in self.indices.items()},
                "exact": self.exact, "power_to_act": jsonable(self.power_to_act),
                "method": self.method}


@dataclass(frozen=True, eq=False)
class SweepResult(Result):
    """Efficiency against protection as the quota moves from simple majority to unanimity.

    ``power_to_act[k]`` is Coleman's A at ``quotas[k]``; ``power_to_prevent[k, i]`` and
    ``risk_of_being_outvoted[k, i]`` are member ``players[i]``'s values at that quota.
    """

    players: tuple
    quotas: tuple
    power_to_act: np.ndarray
    power_to_prevent: np.ndarray
    risk_of_being_outvoted: np.ndarray
    exact: bool

    def rows(self) -> list[dict]:
        """One JSON-ready dict per quota (for plotting or a table)."""
        out = []
        for k, q in enumerate(self.quotas):
            out.append({"quota": jsonable(q), "power_to_act": jsonable(self.power_to_act[k]),
                        "power_to_prevent": dict(zip(self.players,
                                                     jsonable(self.power_to_prevent[k]))),
                        "risk_of_being_outvoted": dict(zip(
                            self.players, jsonable(self.risk_of_being_outvoted[k])))})
        return out

    def to_dict(self) -> dict:
        return {"players": list(self.players), "exact": self.exact, "rows": self.rows()}


# --------------------------------------------------------------------------- core family
@dataclass(frozen=True, eq=False)
class BalancedCollection(Result):
    """A balanced collection of coalitions with its balancing weights.

    ``sum of weights[k] * indicator(coalitions[k]) == 1`` for every player; when ``total``
    (the weighted sum of the coalitions' worths) exceeds ``grand_value`` the collection is a
    Bondareva-Shapley certificate that the core is empty. For a cost game (``cost``) the
    certificate is ``total < grand_value``: the coalitions' weighted stand-alone costs are less
    than what the grand coalition must pay.

    Attributes
    ----------
    coalitions : tuple of tuple of str
    weights : tuple
        Positive weights (Fractions when ``exact``).
    total : number
        ``sum of weights[k] * v(coalitions[k])``.
    grand_value : number
        ``v(N)``.
    exact : bool
        True when the weights are exact and the identities were checked exactly.
    cost : bool
        True when the worths are costs.
    """

    coalitions: tuple
    weights: tuple
    total: Any
    grand_value: Any
    exact: bool
    cost: bool = False


@dataclass(frozen=True, eq=False)
class CoreResult(Result):
    """The core of a TU game.

    Attributes
    ----------
    players : tuple of str
    is_empty : bool
    x : numpy.ndarray or None
        A core point (None when the core is empty); cost shares for a cost game.
    epsilon : number
        The least-core value; the core is empty exactly when it is positive.
    vertices : tuple of numpy.ndarray or None
        The core's vertices when requested and the game is small enough.
    certificate : BalancedCollection or None
        When the core is empty: a balanced collection whose weighted worth exceeds ``v(N)``.
    exact : bool
    message : str
    success : bool
        False when the LP failed or its answer could not be verified (``message`` says why;
        nothing else is meaningful).
    cost : bool
        True for a cost game: the core is ``{x : x(S) <= c(S), x(N) = c(N)}`` and ``x`` and
        ``vertices`` are cost shares.
    """

    players: tuple
    is_empty: bool
    x: Any
    epsilon: Any
    vertices: Any = None
    certificate: Any = None
    exact: bool = False
    message: str = ""
    success: bool = True
    cost: bool = False

    def to_dict(self) -> dict:
        out = super().to_dict()
        if self.vertices is not None:
            out["vertices"] = [dict(zip(self.players, jsonable(list(v))))
                               for v in self.vertices]
        return out


@dataclass(frozen=True, eq=False, repr=False)
class LeastCoreResult(AllocationResult):
    """The least core: its value ``epsilon`` and one point ``x`` of it.

    ``epsilon`` is the smallest number such that some efficient ``x`` has
    ``x(S) >= v(S) - epsilon`` for every proper coalition. ``certificate`` holds the balanced
    collection (LP dual) that proves ``epsilon`` optimal; ``n_lps`` counts the LPs solved;
    ``verified`` is True when ``epsilon`` was certified (exactly for rational games). For a
    cost game (``cost``) ``x`` holds cost shares and ``x(S) <= c(S) + epsilon``.
    """

    epsilon: Any = None
    certificate: Any = field(default=None, repr=False)
    n_lps: int = 0
    verified: bool = False
    message: str = ""
    success: bool = True
    cost: bool = field(default=False, repr=False)


@dataclass(frozen=True, eq=False, repr=False)
class NucleolusResult(AllocationResult):
    """The nucleolus (or prenucleolus, per-capita nucleolus) of a game.

    Attributes
    ----------
    concept : str
        ``"nucleolus"``, ``"prenucleolus"`` or ``"per_capita_nucleolus"``.
    levels : tuple
        The successive maximal excess levels, largest first.
    n_lps : int
        Number of linear programs solved.
    verified : bool
        True when Kohlberg's criterion was checked (exactly for rational games).
    success : bool
        False when an LP failed or the answer could not be verified; ``message`` then says
        why and ``x`` holds NaN.
    cost : bool
        True for a cost game: ``x`` holds cost shares and the excess of ``S`` is
        ``x(S) - c(S)``.
    """

    concept: str = ""
    method: str = ""
    levels: tuple = field(default=(), repr=False)
    n_lps: int = 0
    verified: bool = False
    success: bool = True
    message: str = field(default="", repr=False)
    cost: bool = field(default=False, repr=False)
