"""Small states: the voting weight of a caucus of small members acting as one (AOSIS)."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

from ._registry import register
from ._report import Report, Section

__all__ = ["run", "aosis_members"]

TITLE = "Small states: the weight of a caucus that votes as one (AOSIS)"
SUMMARY = ("Thirty-seven small island states in a General Assembly of 193: how much does "
           "voting as one bloc add to their power, under simple and two-thirds majority?")

DATA = Path(__file__).resolve().parent.parent / "datasets"
ASSEMBLY = 193


def aosis_members(un_members_only: bool = True) -> list[str]:
    """The Alliance of Small Island States in 2017 (CIA World Factbook list, 39 members; 37
    of them UN members). See ``datasets/aosis_members_factbook2017.md``.

    >>> len(aosis_members()), len(aosis_members(un_members_only=False))
    (37, 39)
    """
    with open(DATA / "aosis_members_factbook2017.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r["member"] for r in rows if r["un_member"] == "yes" or not un_members_only]


@register("small-states", TITLE, SUMMARY)
def run() -> Report:
    from ..games.simple import WeightedVotingGame
    from ..power import banzhaf_index, shapley_shubik_index

    members = aosis_members()
    m = len(members)
    rest = ASSEMBLY - m
    # inside the caucus: a simple majority of its members sets the bloc's vote
    inside = banzhaf_index(WeightedVotingGame(m // 2 + 1, [1] * m, members), normalized=False)
    p_inside = inside.x[0]
    rows, data = [], {}
    for label, quota in (("simple majority (97 of 193)", ASSEMBLY // 2 + 1),
                         ("two-thirds majority (129 of 193)", -(-2 * ASSEMBLY // 3))):
        separate = WeightedVotingGame(quota, [1] * ASSEMBLY)
        bloc = WeightedVotingGame(quota, [m] + [1] * rest,
                                  ["caucus"] + [f"other {i + 1}" for i in range(rest)])
        ss_bloc = shapley_shubik_index(bloc)["caucus"]
        alone = banzhaf_index(separate, normalized=False).x[0]
        bloc_decisive = banzhaf_index(bloc, normalized=False)["caucus"]
        through = p_inside * bloc_decisive
        rows.append([label, Fraction(m, ASSEMBLY), ss_bloc, float(alone), float(through),
                     float(through / alone)])
        data[label] = {"shapley_shubik_separately": Fraction(m, ASSEMBLY),
                       "shapley_shubik_caucus": ss_bloc, "decisive_alone": alone,
                       "decisive_through_caucus": through}
    section = Section(
        f"The caucus of {m} in a body of {ASSEMBLY}",
        ["rule", "Shapley-Shubik: the members separately (sum)",
         "Shapley-Shubik: the caucus as one", "a member decides the vote: alone",
         "a member decides the vote: through the caucus", "gain (times)"], rows,
        [f"Voting as one, the {m} states hold a Shapley-Shubik index of "
         f"{float(rows[0][2]):.3f} against {float(rows[0][1]):.3f} when they vote "
         "separately: a large bloc is pivotal more often than its members one by one.",
         "The last columns use Penrose's two-tier measure: the chance that one member's vote "
         "decides the outcome, when every other member votes yes or no with equal "
         "probability. Through the caucus, a member must first decide the caucus's internal "
         f"majority (probability {float(p_inside):.3f}) and the caucus must then decide the "
         "Assembly.",
         f"Under simple majority the caucus multiplies each member's chance to decide by "
         f"{rows[0][5]:.1f}; under two-thirds majority, where a lone vote almost never "
         f"matters, by about {rows[1][5]:,.0f}. Small states gain most from acting together "
         "where the rule is demanding."],
        assumptions=["all 193 members vote, yes or no (no abstentions or absences)",
                     f"the {m} UN members of AOSIS always vote as one bloc, following a simple "
                     "majority of its members; the others vote independently",
                     "'important questions' need two-thirds of the members present and voting "
                     "(UN Charter Art. 18(2)); here all are present"],
        data=data)

    def plot():
        from ..plot import power_index_bars
        return power_index_bars(
            {"a member alone": {r[0]: r[3] for r in rows},
             "a member through the caucus": {r[0]: r[4] for r in rows}}, log=True,
            title=f"AOSIS ({m} UN members) in the General Assembly",
            ylabel="chance that one member decides the vote")

    return Report("small-states", TITLE, SUMMARY, [section],
                  references=["Penrose, L. S. (1946). The elementary statistics of majority "
                              "voting. JRSS 109(1), 53-57.",
                              "Felsenthal, D. S. and Machover, M. (1998). The Measurement of "
                              "Voting Power. Edward Elgar. (two-tier voting)",
                              "CIA World Factbook 2017: Alliance of Small Island States.",
                              "UN Charter, Art. 18."],
                  plot=plot)
