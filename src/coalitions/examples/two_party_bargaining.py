"""Two parties and a pie: Nash, Kalai-Smorodinsky, egalitarian and Rubinstein."""

from __future__ import annotations

import math
from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Two parties and a pie: Nash, Kalai-Smorodinsky and Rubinstein"
SUMMARY = (
    "A risk-neutral and a risk-averse party divide a surplus: what do the axiomatic "
    "solutions give, and what does patience buy in alternating offers?"
)


REFERENCES = [
    "Nash, J. F. (1950). Econometrica 18(2), 155-162.",
    "Kalai, E. and Smorodinsky, M. (1975). Econometrica 43(3), 513-518.",
    "Rubinstein, A. (1982). Econometrica 50(1), 97-109.",
    "Binmore, K., Rubinstein, A. and Wolinsky, A. (1986). RAND Journal of Economics "
    "17(2), 176-188.",
]
#: Largest denominator of the Nash share shown as a fraction (it is 2/3 up to rounding).
NASH_DENOMINATOR = 1000
#: The common discount factor, and the two discount rates of the frictionless limit.
DISCOUNT, RATES = Fraction(9, 10), (1, 3)


def compute() -> dict:
    """The four axiomatic solutions of the square-root pie and two Rubinstein games."""
    from ..bargaining import (
        BargainingProblem,
        egalitarian,
        kalai_smorodinsky,
        nash_solution,
        rubinstein,
        utilitarian,
    )

    pie = BargainingProblem.from_surplus([lambda x: x, math.sqrt], players=["A", "B"])
    nash = nash_solution(pie)
    return {
        "nash_share": Fraction(float(nash.shares[0])).limit_denominator(NASH_DENOMINATOR),
        "pie": pie,
        "ideal_point": pie.ideal_point(),
        "solutions": {
            "Nash": nash,
            "Kalai-Smorodinsky": kalai_smorodinsky(pie),
            "egalitarian": egalitarian(pie),
            "utilitarian": utilitarian(pie),
        },
        "discount": DISCOUNT,
        "equal": rubinstein(DISCOUNT),
        "rates": list(RATES),
        "limit": rubinstein(rates=list(RATES)),
    }


@register("two-party-bargaining")
def report(results: dict) -> Report:
    """The two-party report: every number comes from ``results``."""
    solutions, pie = results["solutions"], results["pie"]
    ks = solutions["Kalai-Smorodinsky"]
    rows = [
        [name, float(s.x[0]), float(s.x[1]), float(s.shares[0]), float(s.shares[1])]
        for name, s in solutions.items()
    ]
    ideal = "(" + ", ".join(f"{float(u):g}" for u in results["ideal_point"]) + ")"
    axiomatic = Section(
        "The square-root pie: A's utility is its share x, B's is sqrt(1 - x); disagreement "
        "(" + ", ".join(f"{float(d):g}" for d in pie.disagreement) + ")",
        ["solution", "utility of A", "utility of B", "share of A", "share of B"],
        rows,
        [
            f"Nash maximises the product of the gains: the risk-neutral A gets "
            f"{results['nash_share']} of the pie. Risk "
            "aversion is a weakness at the table: B's utility rises steeply over the first "
            "slices, so giving up the rest costs B little utility.",
            "Kalai-Smorodinsky equalises the gains relative to each side's best possible "
            f"outcome; here (ideal point {ideal}) it coincides with the egalitarian solution "
            f"and gives A {float(ks.shares[0]):.3f}, the golden ratio's conjugate.",
            "The utilitarian solution maximises the sum of utilities.",
        ],
        data={name: s.to_dict() for name, s in solutions.items()},
    )

    equal, limit, (r_a, r_b) = results["equal"], results["limit"], results["rates"]
    delta = results["discount"]
    strategic = Section(
        "Alternating offers (Rubinstein): patience is power",
        ["model", "first proposer's share", "other's share"],
        [
            [f"both discount by {float(delta):g} per round", equal.x[0], equal.x[1]],
            [f"frictionless limit, discount rates {r_a} (A) and {r_b} (B)", limit.x[0], limit.x[1]],
        ],
        [
            "With equal discount factors the first proposer gets 1/(1 + delta): a small "
            "first-mover advantage that vanishes as offers become frequent.",
            "In the frictionless limit shares are inversely proportional to the discount rates: "
            f"the more patient party gets {max(limit.x)}. This is the asymmetric Nash solution "
            "with weights 1/r (Binmore, Rubinstein and Wolinsky 1986), and it is why a patient "
            "blocker can hold out against impatient partners.",
        ],
        data={"equal": equal.to_dict(), "rates": limit.to_dict()},
    )

    def plot():
        from ..plot import bargaining_frontier
        from ..plot.figures import FRONTIER_POINTS

        first, second = pie.utilities
        xs = [k / FRONTIER_POINTS for k in range(FRONTIER_POINTS + 1)]
        return bargaining_frontier(
            disagreement=pie.disagreement,
            frontier=[(first(x), second(1 - x)) for x in xs],
            solutions={name: s.x for name, s in solutions.items() if name != "utilitarian"},
            players=("A (risk-neutral)", "B (risk-averse)"),
            title="The square-root pie: Pareto frontier and solutions",
        )

    return Report(
        "two-party-bargaining",
        TITLE,
        SUMMARY,
        [axiomatic, strategic],
        references=REFERENCES,
        plot=plot,
    )
