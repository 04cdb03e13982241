"""Majority versus unanimity in legislative bargaining (Baron and Ferejohn)."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Majority versus unanimity in legislative bargaining (Baron-Ferejohn)"
SUMMARY = (
    "Five members divide a budget; a randomly recognised member proposes and the "
    "proposal needs a quota of votes. How do majority and unanimity share the budget?"
)

N = 5
DELTA = Fraction(9, 10)
RULES: list[tuple[str, int | str]] = [
    ("simple majority (3 of 5)", "majority"),
    ("4 of 5", 4),
    ("unanimity (5 of 5)", "unanimity"),
]


#: Discount factors of the patience section.
PATIENCE = (Fraction(1, 2), Fraction(9, 10), Fraction(99, 100))
#: Recognition probabilities with agenda power for member 1 (illustrative).
STRONG = [Fraction(2, 5)] + [Fraction(3, 20)] * (N - 1)
REFERENCES = [
    "Baron, D. P. and Ferejohn, J. A. (1989). Bargaining in legislatures. APSR 83(4), 1181-1206.",
    "Eraslan, H. (2002). Journal of Economic Theory 103(1), 11-30.",
]


def compute() -> dict:
    """Baron-Ferejohn equilibria under each rule of :data:`RULES`, as members grow patient,
    and with agenda power for member 1."""
    from ..bargaining import baron_ferejohn

    return {
        "n": N,
        "delta": DELTA,
        "rules": [
            (label, baron_ferejohn(N, discount_factors=DELTA, quota=quota))
            for label, quota in RULES
        ],
        "patience": [
            (
                delta,
                baron_ferejohn(N, discount_factors=delta, quota="majority"),
                baron_ferejohn(N, discount_factors=delta, quota="unanimity"),
            )
            for delta in PATIENCE
        ],
        "recognition": STRONG,
        "agenda": [
            (label, baron_ferejohn(N, discount_factors=DELTA, recognition=STRONG, quota=quota))
            for label, quota in (RULES[0], RULES[-1])
        ],
    }


@register("legislative-bargaining")
def report(results: dict) -> Report:
    """The legislative-bargaining report: every number comes from ``results``."""
    n, delta = results["n"], results["delta"]
    rows = [
        [label, r.proposer_shares[0], r.quota - 1, r.prices[1], n - r.quota, r.x[0]]
        for label, r in results["rules"]
    ]
    majority = results["rules"][0][1]
    shares = Section(
        f"Dividing a budget of one among {n} members (discount factor {delta})",
        [
            "rule",
            "the proposer keeps",
            "partners bought",
            "each partner gets",
            "members left with nothing",
            "each member's expected share",
        ],
        rows,
        [
            "In the stationary equilibrium every member accepts an offer worth its discounted "
            f"continuation value delta/n = {majority.prices[1]}; the proposer buys the cheapest "
            "votes it needs and keeps the rest, and the first proposal passes (Baron and "
            "Ferejohn 1989; unique stationary payoffs, Eraslan 2002).",
            "Majority concentrates the budget in a minimum winning coalition: "
            f"{n - majority.quota} members get nothing. Unanimity pays everyone and leaves the "
            "proposer far less: it equalises shares (legitimacy), but makes every member a "
            "hold-up point.",
        ],
        data={label: r.to_dict() for label, r in results["rules"]},
    )

    patience_rows = [
        [d, m.proposer_shares[0], u.proposer_shares[0]] for d, m, u in results["patience"]
    ]
    q = majority.quota
    patience = Section(
        "As members grow patient: the proposer's share",
        ["discount factor", "majority", "unanimity"],
        patience_rows,
        [
            f"Proposer's share 1 - delta (q - 1)/n: under majority it tends to "
            f"{1 - Fraction(q - 1, n)} as delta tends to one; under unanimity to "
            f"{Fraction(1, n)}, the same as everybody else's: no proposer advantage is left."
        ],
        data={"rows": patience_rows},
    )

    strong = results["recognition"]
    agenda_rows = [[label, r.x[0], r.x[1], r.proposer_shares[0]] for label, r in results["agenda"]]
    agenda = Section(
        f"Agenda power: member 1 is recognised {float(strong[0]):.0%} of the time, the "
        f"others {float(strong[1]):.0%}",
        [
            "rule",
            "member 1's expected share",
            "another member's expected share",
            "member 1 keeps when proposing",
        ],
        agenda_rows,
        [
            "Under unanimity each member's expected share equals its recognition probability "
            "(v_i = p_i): agenda power is worth exactly its frequency.",
            "Under majority member 1 is expensive to buy and is left out of other proposers' "
            "coalitions, so its expected share is lower than its "
            f"{float(strong[0]):.0%} of the agenda.",
        ],
        assumptions=[
            f"recognition probabilities {float(strong[0]):g} and "
            f"{float(strong[1]):g} are illustrative"
        ],
        data={"rows": agenda_rows},
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "the proposer keeps": {r[0]: r[1] for r in rows},
                "each partner gets": {r[0]: r[3] for r in rows},
            },
            title=f"Baron-Ferejohn, {n} members, delta = {delta}",
            ylabel="share of the budget",
        )

    return Report(
        "legislative-bargaining",
        TITLE,
        SUMMARY,
        [shares, patience, agenda],
        assumptions=[
            "closed rule, equal recognition probabilities (unless stated), "
            "a common discount factor, stationary equilibrium"
        ],
        references=REFERENCES,
        plot=plot,
    )
