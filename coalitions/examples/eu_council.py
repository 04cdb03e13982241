"""The EU Council: qualified majority against unanimity, and the Cyprus veto of 2020."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "The EU Council: qualified majority versus unanimity, and why Cyprus was pivotal"
SUMMARY = ("How much power does each state hold under qualified majority and under unanimity, "
           "and who decided the Belarus sanctions vote of September 2020 (26 yes, Cyprus no)?")


@register("eu-council", TITLE, SUMMARY)
def run() -> Report:
    from ..datasets import eu_council, eu_population
    from ..power import (banzhaf_index, coleman_power_to_act, pivotal_players,
                         shapley_shubik_index)

    qmv = eu_council(2020)
    unanimity = eu_council(2020, rule="unanimity")
    population = eu_population(2020)
    total = sum(population.values())
    ss = shapley_shubik_index(qmv)
    bz = banzhaf_index(qmv)
    ss_u = shapley_shubik_index(unanimity)
    rows = [[p, round(100 * population[p] / total, 2), float(ss[p]), float(bz[p]),
             float(ss_u[p])] for p in qmv.players]
    power = Section(
        "A priori power of each state (population on 1 January 2020)",
        ["state", "population %", "Shapley-Shubik (QMV)", "Banzhaf (QMV)",
         "Shapley-Shubik (unanimity)"], rows,
        ["Qualified majority: at least 15 of the 27 states representing at least 65 % of the "
         "population, or any 24 states. Power grows with population, but less than "
         f"proportionally: Germany has {100 * population['Germany'] / total:.1f} % of the "
         f"people and a Shapley-Shubik index of {float(ss['Germany']):.3f}; Malta has "
         f"{100 * population['Malta'] / total:.2f} % of the people and "
         f"{float(ss['Malta']):.4f}, {float(ss['Malta']) * total / population['Malta']:.0f} "
         "times its population share, thanks to the count of states.",
         "Under unanimity every state is a veto player and all are equal: 1/27 each."],
        data={"shapley_shubik_qmv": ss.to_dict(), "banzhaf_qmv": bz.to_dict()})

    act_qmv = coleman_power_to_act(qmv).value
    act_u = coleman_power_to_act(unanimity).value
    acting = Section(
        "How often can the Council act?",
        ["rule", "power to act A"],
        [["qualified majority", act_qmv], ["unanimity", act_u]],
        [f"A proposal drawn at random passes with probability {float(act_qmv):.1%} under "
         f"qualified majority and 1 in {int(1 / act_u):,} under unanimity: unanimity buys "
         "each member full protection at the price of the Council's ability to act."],
        data={"qmv": act_qmv, "unanimity": act_u})

    yes = [p for p in qmv.players if p != "Cyprus"]
    vote_u = pivotal_players(unanimity, yes)
    vote_q = pivotal_players(qmv, yes)
    others = sorted(yes, key=lambda p: -population[p])
    extra = next(k for k in range(1, len(others) + 1)
                 if not qmv.is_winning(others[k:]))
    belarus = Section(
        "The Belarus sanctions vote, September 2020: 26 states yes, Cyprus no",
        ["rule", "passes", "pivotal members (a switch flips the outcome)"],
        [["unanimity (CFSP sanctions, Art. 31(1) TEU)", vote_u.passed,
          ", ".join(vote_u.pivotal) or "none"],
         ["qualified majority (counterfactual)", vote_q.passed,
          ", ".join(vote_q.pivotal) or "none"]],
        ["A posteriori pivotality looks at the vote that was cast. Under unanimity Cyprus "
         "alone decided the outcome: its switch to yes would have passed the sanctions.",
         "Under qualified majority the same vote passes and nobody is pivotal: 26 states "
         "clear the 24-state clause, so no single state, Cyprus or Germany, could sink it. "
         f"Blocking would have needed Cyprus plus at least {extra} more states (the "
         f"{extra} most populous: {', '.join(others[:extra])}).",
         "This is why the veto gave Cyprus leverage to link the sanctions to action on "
         "Turkey (see the cyprus-belarus example)."],
        data={"unanimity": vote_u.to_dict(), "qmv": vote_q.to_dict(),
              "states_needed_to_block_with_cyprus": extra})

    def plot():
        from ..plot import power_index_bars
        return power_index_bars({"Shapley-Shubik (QMV)": dict(ss),
                                 "Banzhaf (QMV)": dict(bz),
                                 "unanimity (each)": dict(ss_u)},
                                title="EU Council 2020: voting power under QMV and unanimity")

    return Report("eu-council", TITLE, SUMMARY, [power, acting, belarus],
                  references=["Treaty on European Union Art. 16(4) and 31(1); TFEU Art. "
                              "238(3).",
                              "Felsenthal, D. S. and Machover, M. (1998). The Measurement of "
                              "Voting Power. Edward Elgar.",
                              "Eurostat, population on 1 January 2020."],
                  plot=plot)
