"""Two parties and a pie: Nash, Kalai-Smorodinsky, egalitarian and Rubinstein."""

from __future__ import annotations

import math
from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "Two parties and a pie: Nash, Kalai-Smorodinsky and Rubinstein"
SUMMARY = ("A risk-neutral and a risk-averse party divide a surplus: what do the axiomatic "
           "solutions give, and what does patience buy in alternating offers?")


@register("two-party-bargaining", TITLE, SUMMARY)
def run() -> Report:
    from ..bargaining import (BargainingProblem, egalitarian, kalai_smorodinsky,
                              nash_solution, rubinstein, utilitarian)

    pie = BargainingProblem.from_surplus([lambda x: x, math.sqrt], players=["A", "B"])
    solutions = {"Nash": nash_solution(pie), "Kalai-Smorodinsky": kalai_smorodinsky(pie),
                 "egalitarian": egalitarian(pie), "utilitarian": utilitarian(pie)}
    rows = [[name, float(s.x[0]), float(s.x[1]), float(s.shares[0]), float(s.shares[1])]
            for name, s in solutions.items()]
    axiomatic = Section(
        "The square-root pie: A's utility is its share x, B's is sqrt(1 - x); disagreement "
        "(0, 0)",
        ["solution", "utility of A", "utility of B", "share of A", "share of B"], rows,
        ["Nash maximises the product of the gains: the risk-neutral A gets 2/3 of the pie. "
         "Risk aversion is a weakness at the table: B's utility rises steeply over the first "
         "slices, so giving up the rest costs B little utility.",
         "Kalai-Smorodinsky equalises the gains relative to each side's best possible "
         "outcome; here (ideal point (1, 1)) it coincides with the egalitarian solution and "
         "gives A 0.618, the golden ratio's conjugate.",
         "The utilitarian solution maximises the sum of utilities."],
        data={name: s.to_dict() for name, s in solutions.items()})

    equal = rubinstein(Fraction(9, 10))
    rates = rubinstein(rates=[1, 3])
    strategic = Section(
        "Alternating offers (Rubinstein): patience is power",
        ["model", "first proposer's share", "other's share"],
        [["both discount by 0.9 per round", equal.x[0], equal.x[1]],
         ["frictionless limit, discount rates 1 (A) and 3 (B)", rates.x[0], rates.x[1]]],
        ["With equal discount factors the first proposer gets 1/(1 + delta): a small "
         "first-mover advantage that vanishes as offers become frequent.",
         "In the frictionless limit shares are inversely proportional to the discount rates: "
         "the more patient party gets 3/4. This is the asymmetric Nash solution with weights "
         "1/r (Binmore, Rubinstein and Wolinsky 1986), and it is why a patient blocker can "
         "hold out against impatient partners."],
        data={"equal": equal.to_dict(), "rates": rates.to_dict()})

    def plot():
        from ..plot import bargaining_frontier
        xs = [k / 200 for k in range(201)]
        return bargaining_frontier(
            disagreement=(0, 0), frontier=[(x, math.sqrt(1 - x)) for x in xs],
            solutions={name: s.x for name, s in solutions.items() if name != "utilitarian"},
            players=("A (risk-neutral)", "B (risk-averse)"),
            title="The square-root pie: Pareto frontier and solutions")

    return Report("two-party-bargaining", TITLE, SUMMARY, [axiomatic, strategic],
                  references=["Nash, J. F. (1950). Econometrica 18(2), 155-162.",
                              "Kalai, E. and Smorodinsky, M. (1975). Econometrica 43(3), "
                              "513-518.",
                              "Rubinstein, A. (1982). Econometrica 50(1), 97-109.",
                              "Binmore, K., Rubinstein, A. and Wolinsky, A. (1986). RAND "
                              "Journal of Economics 17(2), 176-188."],
                  plot=plot)
