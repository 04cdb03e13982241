"""The EU Council: qualified majority against unanimity, and the Cyprus veto of 2020."""

from __future__ import annotations

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "The EU Council: qualified majority versus unanimity, and why Cyprus was pivotal"
SUMMARY = (
    "How much power does each state hold under qualified majority and under unanimity, "
    "and who decided the Belarus sanctions vote of September 2020 (26 yes, Cyprus no)?"
)


REFERENCES = [
    "Treaty on European Union Art. 16(4) and 31(1); TFEU Art. 238(3).",
    "Felsenthal, D. S. and Machover, M. (1998). The Measurement of Voting Power. Edward Elgar.",
    "Eurostat, population on 1 January 2020.",
]
#: The state that voted no on the Belarus sanctions in September 2020.
HOLDOUT = "Cyprus"
#: The qualified majority (Art. 16(4) TEU): share of states, share of population, or a
#: number of states alone.
QMV_STATES_SHARE, QMV_POPULATION_SHARE, QMV_STATES_CLAUSE = 55, 65, 24


def compute() -> dict:
    """Power under QMV and unanimity, the power to act, and the Belarus vote of 2020 (every
    state yes but Cyprus) under both rules, with the smallest blocking group around Cyprus."""
    from ..datasets import eu_council, eu_population
    from ..power import banzhaf_index, coleman_power_to_act, pivotal_players, shapley_shubik_index

    qmv = eu_council(2020)
    unanimity = eu_council(2020, rule="unanimity")
    population = eu_population(2020)
    yes = [p for p in qmv.players if p != HOLDOUT]
    others = sorted(yes, key=lambda p: -population[p])
    extra = next(k for k in range(1, len(others) + 1) if not qmv.is_winning(others[k:]))
    return {
        "qmv": qmv,
        "population": population,
        "shapley_shubik": shapley_shubik_index(qmv),
        "banzhaf": banzhaf_index(qmv),
        "shapley_shubik_unanimity": shapley_shubik_index(unanimity),
        "act_qmv": coleman_power_to_act(qmv).value,
        "act_unanimity": coleman_power_to_act(unanimity).value,
        "vote_unanimity": pivotal_players(unanimity, yes),
        "vote_qmv": pivotal_players(qmv, yes),
        "blockers": others[:extra],
    }


@register("eu-council")
def report(results: dict) -> Report:
    """The EU Council's report: every number comes from ``results``."""
    qmv, population = results["qmv"], results["population"]
    ss, bz, ss_u = (results[k] for k in ("shapley_shubik", "banzhaf", "shapley_shubik_unanimity"))
    total = sum(population.values())
    n = qmv.n_players
    largest, smallest = max(population, key=population.get), min(population, key=population.get)
    rows = [
        [p, round(100 * population[p] / total, 2), float(ss[p]), float(bz[p]), float(ss_u[p])]
        for p in qmv.players
    ]
    states = -(-QMV_STATES_SHARE * n // 100)
    power = Section(
        "A priori power of each state (population on 1 January 2020)",
        [
            "state",
            "population %",
            "Shapley-Shubik (QMV)",
            "Banzhaf (QMV)",
            "Shapley-Shubik (unanimity)",
        ],
        rows,
        [
            f"Qualified majority: at least {states} of the {n} states representing at least "
            f"{QMV_POPULATION_SHARE} % of the population, or any {QMV_STATES_CLAUSE} states. "
            "Power grows with population, but less than proportionally: "
            f"{largest} has {100 * population[largest] / total:.1f} % of the people and a "
            f"Shapley-Shubik index of {float(ss[largest]):.3f}; {smallest} has "
            f"{100 * population[smallest] / total:.2f} % of the people and "
            f"{float(ss[smallest]):.4f}, "
            f"{float(ss[smallest]) * total / population[smallest]:.0f} times its population "
            "share, thanks to the count of states.",
            f"Under unanimity every state is a veto player and all are equal: {ss_u[largest]} "
            "each.",
        ],
        data={"shapley_shubik_qmv": ss.to_dict(), "banzhaf_qmv": bz.to_dict()},
    )

    act_qmv, act_u = results["act_qmv"], results["act_unanimity"]
    acting = Section(
        "How often can the Council act?",
        ["rule", "power to act A"],
        [["qualified majority", act_qmv], ["unanimity", act_u]],
        [
            f"A proposal drawn at random passes with probability {float(act_qmv):.1%} under "
            f"qualified majority and 1 in {int(1 / act_u):,} under unanimity: unanimity buys "
            "each member full protection at the price of the Council's ability to act."
        ],
        data={"qmv": act_qmv, "unanimity": act_u},
    )

    vote_u, vote_q, blockers = results["vote_unanimity"], results["vote_qmv"], results["blockers"]
    belarus = Section(
        f"The Belarus sanctions vote, September 2020: {len(vote_u.yes)} states yes, "
        f"{', '.join(vote_u.no)} no",
        ["rule", "passes", "pivotal members (a switch flips the outcome)"],
        [
            [
                "unanimity (CFSP sanctions, Art. 31(1) TEU)",
                vote_u.passed,
                ", ".join(vote_u.pivotal) or "none",
            ],
            [
                "qualified majority (counterfactual)",
                vote_q.passed,
                ", ".join(vote_q.pivotal) or "none",
            ],
        ],
        [
            f"A posteriori pivotality looks at the vote that was cast. Under unanimity "
            f"{', '.join(vote_u.pivotal)} alone decided the outcome: its switch to yes would "
            "have passed the sanctions.",
            "Under qualified majority the same vote passes and nobody is pivotal: "
            f"{len(vote_q.yes)} states clear the {QMV_STATES_CLAUSE}-state clause, so no single "
            f"state could sink it. Blocking would have needed {HOLDOUT} plus at least "
            f"{len(blockers)} more states (the {len(blockers)} most populous: "
            f"{', '.join(blockers)}).",
            f"This is why the veto gave {HOLDOUT} leverage to link the sanctions to action on "
            "Turkey (see the cyprus-belarus example).",
        ],
        data={
            "unanimity": vote_u.to_dict(),
            "qmv": vote_q.to_dict(),
            "states_needed_to_block_with_cyprus": len(blockers),
        },
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "Shapley-Shubik (QMV)": dict(ss),
                "Banzhaf (QMV)": dict(bz),
                "unanimity (each)": dict(ss_u),
            },
            title="EU Council 2020: voting power under QMV and unanimity",
        )

    return Report(
        "eu-council", TITLE, SUMMARY, [power, acting, belarus], references=REFERENCES, plot=plot
    )
