"""Majority versus unanimity in legislative bargaining (Baron and Ferejohn)."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "Majority versus unanimity in legislative bargaining (Baron-Ferejohn)"
SUMMARY = ("Five members divide a budget; a randomly recognised member proposes and the "
           "proposal needs a quota of votes. How do majority and unanimity share the budget?")

N = 5
DELTA = Fraction(9, 10)
RULES = [("simple majority (3 of 5)", "majority"), ("4 of 5", 4), ("unanimity (5 of 5)",
                                                                    "unanimity")]


@register("legislative-bargaining", TITLE, SUMMARY)
def run() -> Report:
    from ..bargaining import baron_ferejohn

    rows, data = [], {}
    for label, quota in RULES:
        r = baron_ferejohn(N, discount_factors=DELTA, quota=quota)
        partners = r.quota - 1
        rows.append([label, r.proposer_shares[0], partners, r.prices[1], N - 1 - partners,
                     r.x[0]])
        data[label] = r.to_dict()
    shares = Section(
        f"Dividing a budget of 1 among {N} members (discount factor {DELTA})",
        ["rule", "the proposer keeps", "partners bought", "each partner gets",
         "members left with nothing", "each member's expected share"], rows,
        ["In the stationary equilibrium every member accepts an offer worth its discounted "
         f"continuation value delta/n = {DELTA / N}; the proposer buys the cheapest votes it "
         "needs and keeps the rest, and the first proposal passes (Baron and Ferejohn 1989; "
         "unique stationary payoffs, Eraslan 2002).",
         "Majority concentrates the budget in a minimum winning coalition: two members get "
         "nothing. Unanimity pays everyone and leaves the proposer far less: it equalises "
         "shares (legitimacy), but makes every member a hold-up point."],
        data=data)

    patience_rows = []
    for delta in (Fraction(1, 2), Fraction(9, 10), Fraction(99, 100)):
        majority = baron_ferejohn(N, discount_factors=delta, quota="majority")
        unanimity = baron_ferejohn(N, discount_factors=delta, quota="unanimity")
        patience_rows.append([delta, majority.proposer_shares[0],
                              unanimity.proposer_shares[0]])
    patience = Section(
        "As members grow patient: the proposer's share",
        ["discount factor", "majority", "unanimity"], patience_rows,
        [f"Proposer's share 1 - delta (q - 1)/n: under majority it tends to "
         f"{1 - Fraction(N - 1, 2 * N)} as delta tends to 1; under unanimity to 1/{N}, the "
         "same as everybody else's: no proposer advantage is left."],
        data={"rows": patience_rows})

    strong = [Fraction(2, 5)] + [Fraction(3, 20)] * (N - 1)
    agenda_rows = []
    for label, quota in (RULES[0], RULES[2]):
        r = baron_ferejohn(N, discount_factors=DELTA, recognition=strong, quota=quota)
        agenda_rows.append([label, r.x[0], r.x[1], r.proposer_shares[0]])
    agenda = Section(
        "Agenda power: member 1 is recognised 40 % of the time, the others 15 %",
        ["rule", "member 1's expected share", "another member's expected share",
         "member 1 keeps when proposing"], agenda_rows,
        ["Under unanimity each member's expected share equals its recognition probability "
         "(v_i = p_i): agenda power is worth exactly its frequency.",
         "Under majority member 1 is expensive to buy and is left out of other proposers' "
         "coalitions, so its expected share is lower than its 40 % of the agenda."],
        assumptions=["recognition probabilities 0.4 and 0.15 are illustrative"],
        data={"rows": agenda_rows})

    def plot():
        from ..plot import power_index_bars
        return power_index_bars({"the proposer keeps": {r[0]: r[1] for r in rows},
                                 "each partner gets": {r[0]: r[3] for r in rows}},
                                title=f"Baron-Ferejohn, {N} members, delta = {DELTA}",
                                ylabel="share of the budget")

    return Report("legislative-bargaining", TITLE, SUMMARY, [shares, patience, agenda],
                  assumptions=["closed rule, equal recognition probabilities (unless stated), "
                               "a common discount factor, stationary equilibrium"],
                  references=["Baron, D. P. and Ferejohn, J. A. (1989). Bargaining in "
                              "legislatures. APSR 83(4), 1181-1206.",
                              "Eraslan, H. (2002). Journal of Economic Theory 103(1), 11-30."],
                  plot=plot)
