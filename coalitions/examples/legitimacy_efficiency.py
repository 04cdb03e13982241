"""Legitimacy versus efficiency: what a stricter decision rule buys and what it costs."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "Legitimacy versus efficiency: decision rules, and a small club against the full body"
SUMMARY = ("As the quota rises from simple majority to unanimity, each member is better "
           "protected and the body less able to act; a small club acts where the full body "
           "is paralysed, at the price of coverage.")

BODY = 15
# ASSUMPTIONS (illustrative): a ceasefire format of the two parties and one mediator, inside
# a consensus body of 57 participating states (the size of the OSCE)
CLUB = {"party A": Fraction(6, 10), "party B": Fraction(6, 10), "mediator": Fraction(9, 10)}
FULL_BODY = 57
OTHERS_SUPPORT = Fraction(95, 100)


@register("legitimacy-efficiency", TITLE, SUMMARY)
def run() -> Report:
    from ..formation import club_coverage, club_efficiency
    from ..games.simple import WeightedVotingGame
    from ..power import decision_rule_sweep

    sweep = decision_rule_sweep(WeightedVotingGame(BODY // 2 + 1, [1] * BODY))
    rows = [[f"{q} of {BODY}", sweep.power_to_act[k], float(sweep.power_to_prevent[k, 0]),
             float(sweep.risk_of_being_outvoted[k, 0])] for k, q in enumerate(sweep.quotas)]
    rule = Section(
        f"A body of {BODY} equal members: the decision-rule sweep",
        ["quota", "power to act A (efficiency)", "a member's power to prevent action",
         "a member's risk of being outvoted (protection: lower is better)"], rows,
        ["Efficiency is Coleman's power to act, the chance that a random proposal passes. "
         "Protection is the chance that a proposal passes against a member's no vote.",
         f"From simple majority to unanimity, the power to act falls from "
         f"{float(sweep.power_to_act[0]):.2f} to 1/{2 ** BODY:,} while the risk of being "
         f"outvoted falls from {float(sweep.risk_of_being_outvoted[0, 0]):.2f} to 0: every "
         "step of protection is paid for in the ability to act (Buchanan and Tullock's "
         "trade-off between external costs and decision costs)."],
        data={"sweep": sweep.rows()})

    members = dict(CLUB)
    coverage = {name: 1 for name in CLUB}
    for i in range(FULL_BODY - len(CLUB)):
        members[f"participant {i + 1}"] = OTHERS_SUPPORT
        coverage[f"participant {i + 1}"] = 1
    trio = list(CLUB)
    others = [name for name in members if name not in CLUB]
    club_rows = []
    for extra in (0, 2, 7, 17, FULL_BODY - len(CLUB)):
        club = trio + others[:extra]
        label = ("the ceasefire format (3)" if extra == 0 else
                 f"the full body ({FULL_BODY}, consensus)" if club == list(members) else
                 f"the format and {extra} more participants")
        club_rows.append([label, float(club_efficiency(members, club)),
                          Fraction(club_coverage(coverage, club), FULL_BODY)])
    a_trio, a_all = club_rows[0][1], club_rows[-1][1]
    club = Section(
        "A small club against the full body (unanimity inside each)",
        ["format", "chance of acting (all members support)", "coverage (share of the body)"],
        club_rows,
        [f"A club acts only if every member supports acting: {a_trio:.3f} for the "
         f"three-party format, {a_all:.4f} for the body of {FULL_BODY}, where each of the "
         f"{FULL_BODY - 3} other participants is one more chance of a veto. The format is "
         f"{a_trio / a_all:.0f} times more likely to act and covers "
         f"{float(club_rows[0][2]):.0%} of the membership.",
         "Every participant added raises coverage (legitimacy) and lowers the chance of "
         "acting: minilateralism buys speed with legitimacy (Kahler 1992; Naim 2009)."],
        assumptions=["support probabilities 0.6 for each party, 0.9 for the mediator and 0.95 "
                     "for each other participant are illustrative",
                     "coverage counts participants equally; members decide independently"],
        data={"rows": club_rows})

    def plot():
        from ..plot import legitimacy_efficiency_curves
        return legitimacy_efficiency_curves(
            sweep.quotas, sweep.power_to_act,
            protection={"risk of being outvoted": sweep.risk_of_being_outvoted[:, 0],
                        "power to prevent action": sweep.power_to_prevent[:, 0]},
            protection_label="a member's protection", xlabel=f"quota (votes of {BODY})",
            title=f"Legitimacy versus efficiency in a body of {BODY}")

    return Report("legitimacy-efficiency", TITLE, SUMMARY, [rule, club],
                  references=["Coleman, J. S. (1971). Control of collectivities and the power "
                              "of a collectivity to act.",
                              "Buchanan, J. M. and Tullock, G. (1962). The Calculus of "
                              "Consent.",
                              "Kahler, M. (1992). Multilateralism with small and large "
                              "numbers. International Organization 46(3), 681-708.",
                              "Naim, M. (2009). Minilateralism. Foreign Policy 173."],
                  plot=plot)
