"""Small states: the voting weight of a caucus of small members acting as one (AOSIS)."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Small states: the weight of a caucus that votes as one (AOSIS)"
SUMMARY = (
    "Thirty-seven small island states in a General Assembly of 193: how much does "
    "voting as one bloc add to their power, under simple and two-thirds majority?"
)

#: Members of the UN General Assembly.
ASSEMBLY = 193
#: The rules compared: a simple majority and two-thirds of the Assembly (Art. 18(2)).
RULES = (("simple majority", ASSEMBLY // 2 + 1), ("two-thirds majority", -(-2 * ASSEMBLY // 3)))
REFERENCES = [
    "Penrose, L. S. (1946). The elementary statistics of majority voting. JRSS 109(1), 53-57.",
    "Felsenthal, D. S. and Machover, M. (1998). The Measurement of Voting Power. "
    "Edward Elgar. (two-tier voting)",
    "CIA World Factbook 2017: Alliance of Small Island States.",
    "UN Charter, Art. 18.",
]


def compute() -> dict:
    """A member's power inside the AOSIS caucus, and the caucus's power in the Assembly under
    each rule of :data:`RULES`, against its members voting separately."""
    from ..datasets import aosis_members
    from ..games.simple import WeightedVotingGame
    from ..power import banzhaf_index, shapley_shubik_index

    members = aosis_members()
    m = len(members)
    rest = ASSEMBLY - m
    # inside the caucus: a simple majority of its members sets the bloc's vote
    inside = banzhaf_index(WeightedVotingGame(m // 2 + 1, [1] * m, members), normalized=False)
    rules = []
    for label, quota in RULES:
        bloc = WeightedVotingGame(
            quota, [m] + [1] * rest, ["caucus"] + [f"other {i + 1}" for i in range(rest)]
        )
        rules.append(
            {
                "label": label,
                "quota": quota,
                "shapley_shubik_caucus": shapley_shubik_index(bloc)["caucus"],
                "decisive_alone": banzhaf_index(
                    WeightedVotingGame(quota, [1] * ASSEMBLY), normalized=False
                ).x[0],
                "caucus_decisive": banzhaf_index(bloc, normalized=False)["caucus"],
            }
        )
    # consensus: every member must agree, so every member (and the caucus) holds a veto
    separately = WeightedVotingGame(ASSEMBLY, [1] * ASSEMBLY)
    caucus = WeightedVotingGame(
        ASSEMBLY, [m] + [1] * rest, ["caucus"] + [f"other {i + 1}" for i in range(rest)]
    )
    consensus = {
        "shapley_shubik_separately": m * shapley_shubik_index(separately).x[0],
        "shapley_shubik_caucus": shapley_shubik_index(caucus)["caucus"],
        "banzhaf_separately": m * banzhaf_index(separately).x[0],
        "banzhaf_caucus": banzhaf_index(caucus)["caucus"],
        "decisive_alone": banzhaf_index(separately, normalized=False).x[0],
        "caucus_decisive": banzhaf_index(caucus, normalized=False)["caucus"],
    }
    return {
        "members": members,
        "assembly": ASSEMBLY,
        "decisive_inside": inside.x[0],
        "rules": rules,
        "consensus": consensus,
    }


@register("small-states")
def report(results: dict) -> Report:
    """The small-states report: every number comes from ``results``."""
    m, assembly, p_inside = len(results["members"]), results["assembly"], results["decisive_inside"]
    rows, data = [], {}
    for rule in results["rules"]:
        through = p_inside * rule["caucus_decisive"]
        alone = rule["decisive_alone"]
        label = f"{rule['label']} ({rule['quota']} of {assembly})"
        rows.append(
            [
                label,
                Fraction(m, assembly),
                rule["shapley_shubik_caucus"],
                float(alone),
                float(through),
                float(through / alone),
            ]
        )
        data[label] = {
            "shapley_shubik_separately": Fraction(m, assembly),
            "shapley_shubik_caucus": rule["shapley_shubik_caucus"],
            "decisive_alone": alone,
            "decisive_through_caucus": through,
        }
    section = Section(
        f"The caucus of {m} in a body of {assembly}",
        [
            "rule",
            "Shapley-Shubik: the members separately (sum)",
            "Shapley-Shubik: the caucus as one",
            "a member decides the vote: alone",
            "a member decides the vote: through the caucus",
            "gain (times)",
        ],
        rows,
        [
            f"Voting as one, the {m} states hold a Shapley-Shubik index of "
            f"{float(rows[0][2]):.3f} against {float(rows[0][1]):.3f} when they vote "
            "separately: a large bloc is pivotal more often than its members one by one.",
            "The last columns use Penrose's two-tier measure: the chance that one member's vote "
            "decides the outcome, when every other member votes yes or no with equal "
            "probability. Through the caucus, a member must first decide the caucus's internal "
            f"majority (probability {float(p_inside):.3f}) and the caucus must then decide the "
            "Assembly.",
            f"Under {results['rules'][0]['label']} the caucus multiplies each member's chance to "
            f"decide by {rows[0][5]:.1f}; under {results['rules'][-1]['label']}, where a lone "
            f"vote almost never matters, by about {rows[-1][5]:,.0f}. Small states gain most "
            "from acting together where the rule is demanding.",
        ],
        assumptions=[
            f"all {assembly} members vote, yes or no (no abstentions or absences)",
            f"the {m} UN members of AOSIS always vote as one bloc, following a simple "
            "majority of its members; the others vote independently",
            "'important questions' need two-thirds of the members present and voting "
            "(UN Charter Art. 18(2)); here all are present",
        ],
        data=data,
    )

    c = results["consensus"]
    through = p_inside * c["caucus_decisive"]
    consensus = Section(
        f"Under consensus: the caucus of {m} when every member can block",
        ["measure", "the members separately", "the caucus as one"],
        [
            [
                "Shapley-Shubik (sum of the members)",
                c["shapley_shubik_separately"],
                c["shapley_shubik_caucus"],
            ],
            ["Banzhaf, normalised (sum)", c["banzhaf_separately"], c["banzhaf_caucus"]],
            ["a member decides the vote", float(c["decisive_alone"]), float(through)],
        ],
        [
            f"Under consensus the caucus's share of power falls from "
            f"{float(c['shapley_shubik_separately']):.3f} to "
            f"{float(c['shapley_shubik_caucus']):.4f} (Shapley-Shubik; the normalised Banzhaf "
            f"index gives {float(c['banzhaf_caucus']):.4f}): a veto counts once, however many "
            "members cast it.",
            "Penrose's chance that one member decides the outcome still rises through the "
            f"caucus, by a factor of {float(through / c['decisive_alone']):.3g}: the two indices "
            "answer different questions (a share of the power to decide, against the chance "
            "of being decisive), and under consensus they point in opposite directions.",
        ],
        assumptions=["consensus is modelled as unanimity of all members, with no abstention"],
        data={k: v for k, v in c.items()},
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "a member alone": {r[0]: r[3] for r in rows},
                "a member through the caucus": {r[0]: r[4] for r in rows},
            },
            log=True,
            title=f"AOSIS ({m} UN members) in the General Assembly",
            ylabel="chance that one member decides the vote",
        )

    return Report(
        "small-states", TITLE, SUMMARY, [section, consensus], references=REFERENCES, plot=plot
    )
