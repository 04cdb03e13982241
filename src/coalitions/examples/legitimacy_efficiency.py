"""Legitimacy versus efficiency: what a stricter decision rule buys and what it costs."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Legitimacy versus efficiency: decision rules, and a small club against the full body"
SUMMARY = (
    "As the quota rises from simple majority to unanimity, each member is better "
    "protected and the body less able to act; a small club acts where the full body "
    "is paralysed, at the price of coverage."
)

BODY = 15
# ASSUMPTIONS (illustrative): a ceasefire format of the two parties and one mediator, inside
# a consensus body of 57 participating states (the size of the OSCE)
CLUB = {"party A": Fraction(6, 10), "party B": Fraction(6, 10), "mediator": Fraction(9, 10)}
FULL_BODY = 57
OTHERS_SUPPORT = Fraction(95, 100)


#: Participants added to the ceasefire format, one club per entry (the last: everyone).
ADDED = (0, 2, 7, 17, FULL_BODY - len(CLUB))
REFERENCES = [
    "Coleman, J. S. (1971). Control of collectivities and the power of a collectivity to act.",
    "Buchanan, J. M. and Tullock, G. (1962). The Calculus of Consent.",
    "Kahler, M. (1992). Multilateralism with small and large numbers. International "
    "Organization 46(3), 681-708.",
    "Naim, M. (2009). Minilateralism. Foreign Policy 173.",
]


def compute() -> dict:
    """The decision-rule sweep of a body of equal members, and the chance of acting and
    coverage of clubs growing from the ceasefire format to the full body."""
    from ..formation import club_coverage, club_efficiency
    from ..games.simple import WeightedVotingGame
    from ..power import decision_rule_sweep

    members = dict(CLUB)
    members.update({f"participant {i + 1}": OTHERS_SUPPORT for i in range(FULL_BODY - len(CLUB))})
    coverage = {name: 1 for name in members}
    others = [name for name in members if name not in CLUB]
    clubs = []
    for extra in ADDED:
        club = list(CLUB) + others[:extra]
        clubs.append(
            {
                "added": extra,
                "size": len(club),
                "efficiency": club_efficiency(members, club),
                "coverage": Fraction(club_coverage(coverage, club), FULL_BODY),
            }
        )
    return {
        "sweep": decision_rule_sweep(WeightedVotingGame(BODY // 2 + 1, [1] * BODY)),
        "body": BODY,
        "full_body": FULL_BODY,
        "club": CLUB,
        "others_support": OTHERS_SUPPORT,
        "clubs": clubs,
    }


def _club_label(club: dict, full_body: int, core: int) -> str:
    if club["added"] == 0:
        return f"the ceasefire format ({club['size']})"
    if club["size"] == full_body:
        return f"the full body ({full_body}, consensus)"
    return f"the format and {club['added']} more participants"


@register("legitimacy-efficiency")
def report(results: dict) -> Report:
    """The legitimacy-efficiency report: every number comes from ``results``."""
    sweep, body, full_body = results["sweep"], results["body"], results["full_body"]
    rows = [
        [
            f"{q} of {body}",
            sweep.power_to_act[k],
            float(sweep.power_to_prevent[k, 0]),
            float(sweep.risk_of_being_outvoted[k, 0]),
        ]
        for k, q in enumerate(sweep.quotas)
    ]
    rule = Section(
        f"A body of {body} equal members: the decision-rule sweep",
        [
            "quota",
            "power to act A (efficiency)",
            "a member's power to prevent action",
            "a member's risk of being outvoted (protection: lower is better)",
        ],
        rows,
        [
            "Efficiency is Coleman's power to act, the chance that a random proposal passes. "
            "Protection is the chance that a proposal passes against a member's no vote.",
            f"From simple majority to unanimity, the power to act falls from "
            f"{float(sweep.power_to_act[0]):.2f} to {sweep.power_to_act[-1]} while the risk of "
            f"being outvoted falls from {float(sweep.risk_of_being_outvoted[0, 0]):.2f} to "
            f"{float(sweep.risk_of_being_outvoted[-1, 0]):g}: every step of protection is paid "
            "for in the ability to act (Buchanan and Tullock's trade-off between external costs "
            "and decision costs).",
        ],
        data={"sweep": sweep.rows()},
    )

    core = len(results["club"])
    club_rows = [
        [_club_label(c, full_body, core), float(c["efficiency"]), c["coverage"]]
        for c in results["clubs"]
    ]
    a_trio, a_all = club_rows[0][1], club_rows[-1][1]
    support = ", ".join(f"{float(p):g} for {name}" for name, p in results["club"].items())
    club = Section(
        "A small club against the full body (unanimity inside each)",
        ["format", "chance of acting (all members support)", "coverage (share of the body)"],
        club_rows,
        [
            f"A club acts only if every member supports acting: {a_trio:.3f} for the "
            f"{core}-party format, {a_all:.4f} for the body of {full_body}, where each of the "
            f"{full_body - core} other participants is one more chance of a veto. The format is "
            f"{a_trio / a_all:.0f} times more likely to act and covers "
            f"{float(club_rows[0][2]):.0%} of the membership.",
            "Every participant added raises coverage (legitimacy) and lowers the chance of "
            "acting: minilateralism buys speed with legitimacy (Kahler 1992; Naim 2009).",
        ],
        assumptions=[
            f"support probabilities {support} and "
            f"{float(results['others_support']):g} for each other participant are "
            "illustrative",
            "coverage counts participants equally; members decide independently",
        ],
        data={"rows": club_rows},
    )

    def plot():
        from ..plot import legitimacy_efficiency_curves

        return legitimacy_efficiency_curves(
            sweep.quotas,
            sweep.power_to_act,
            protection={
                "risk of being outvoted": sweep.risk_of_being_outvoted[:, 0],
                "power to prevent action": sweep.power_to_prevent[:, 0],
            },
            protection_label="a member's protection",
            xlabel=f"quota (votes of {body})",
            title=f"Legitimacy versus efficiency in a body of {body}",
        )

    return Report(
        "legitimacy-efficiency", TITLE, SUMMARY, [rule, club], references=REFERENCES, plot=plot
    )
