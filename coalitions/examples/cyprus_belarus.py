"""The Cyprus-Belarus linkage of September 2020: block, linkage, outcome."""

from __future__ import annotations

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "Cyprus, the Belarus sanctions and Turkey (2020): a veto used for linkage"
SUMMARY = ("Cyprus blocked EU sanctions on Belarus until the EU also acted on Turkey: what "
           "could the veto extract, who capped it, was the threat credible, and who paid?")

OUTCOMES = (("no agreement", "no_agreement"), ("issue by issue (unlinked)", "unlinked"),
            ("package (linked)", "linked"))


@register("cyprus-belarus", TITLE, SUMMARY)
def run() -> Report:
    from ..bargaining.cases import cyprus_belarus_report

    report = cyprus_belarus_report()
    unanimity, qmv = report.unanimity, report.qmv
    blocker = unanimity.blocker

    timeline = Section(
        "What happened (dated facts)",
        ["date", "event", "status"],
        [[row["date"], row["event"], row["status"]] for row in report.timeline],
        ["Sanctions under the common foreign and security policy need unanimity (Art. 31(1) "
         "TEU). Cyprus withheld its consent from 10 September until the European Council of "
         "1-2 October adopted conclusions on Turkey; the listing passed on 2 October."],
        data={"timeline": report.timeline})

    assumed = Section(
        "The model's preferences by bloc",
        ["bloc", "member states", "states", "value of the Belarus listing (alpha)",
         "ideal Turkey response (t)", "salience of Turkey (beta)"],
        [[r["bloc"], r["member_states"], r["n_states"], r["alpha_belarus_listing"],
          r["t_turkey_ideal"], r["beta_turkey_salience"]] for r in report.assumptions],
        ["Two issues: the Belarus listing (0 or 1, utility alpha x) and the intensity of the "
         "EU's response to Turkey (0 to 1, utility -beta (x - t)^2). Nothing agreed is the "
         "status quo (0, 0)."],
        assumptions=["every number in this table is illustrative "
                     "(cyprus_belarus_model_assumptions.csv), not data"],
        data={"assumptions": report.assumptions})

    outcome_rows = [[label, getattr(unanimity, key)[unanimity.linked_issue],
                     getattr(unanimity, key)[unanimity.demand_issue]]
                    for label, key in OUTCOMES]
    capped = ", ".join(unanimity.capped_by) or "nobody"
    outcomes = Section(
        "Block, linkage, outcome (unanimity)",
        ["outcome", "Belarus listing", "Turkey response"], outcome_rows,
        [f"Can {blocker} block? {'yes' if unanimity.can_block else 'no'}: under unanimity the "
         "others cannot adopt the listing without it.",
         "Issue by issue, each issue gets its lowest common denominator: the listing passes "
         f"and the Turkey response stays at {unanimity.unlinked[unanimity.demand_issue]:g}, "
         "what the least interested bloc accepts.",
         f"Linking the two, {blocker} can extract a Turkey response up to "
         f"{unanimity.max_concession:.3f}: beyond that the most reluctant member ({capped}) "
         "prefers no listing at all. The price of linkage is itself capped by a lowest "
         "common denominator.",
         f"Credible? {'yes' if unanimity.credible else 'no'}: carrying out the veto would "
         f"cost {blocker} {unanimity.commitment_cost:.2f} against the unlinked outcome, so a "
         "one-shot threat is not subgame-perfect; it needs commitment (reputation, domestic "
         "audience costs) or more patience than the others."],
        data={"unanimity": unanimity.to_dict()})

    gains = Section(
        "Who gains and who pays",
        ["bloc", "utility: no agreement", "utility: unlinked", "utility: linked",
         "price of linkage (positive: pays)"],
        [[bloc, u["no_agreement"], u["unlinked"], u["linked"],
          unanimity.price_of_linkage[bloc]] for bloc, u in unanimity.utilities.items()],
        [f"The value of the veto to {blocker} is {unanimity.value_of_veto:.3f}: its utility "
         "in the package minus its utility issue by issue.",
         "The price of linkage is signed: the blocker's allies on the other issue gain from "
         "the package, the members who wanted little action on it pay.",
         f"The package win-set is {report.package['ratio']:.1f} times larger than the "
         "issue-by-issue one: linkage enlarges the set of agreements every member accepts "
         "(Sebenius's 'adding issues')."],
        data={"price_of_linkage": unanimity.price_of_linkage,
              "value_of_veto": unanimity.value_of_veto, "package": report.package})

    counterfactual = Section(
        "Counterfactual: the same vote under qualified majority",
        ["rule", f"{blocker} can block", "Turkey response obtained", "value of the veto"],
        [["unanimity", unanimity.can_block, unanimity.linked[unanimity.demand_issue],
          unanimity.value_of_veto],
         ["qualified majority", qmv.can_block, qmv.linked[qmv.demand_issue],
          qmv.value_of_veto]],
        ["Under qualified majority the others pass the listing without Cyprus, so there is "
         "nothing to hold hostage: the linkage collapses to the issue-by-issue outcome (see "
         "the eu-council example for a posteriori pivotality)."],
        data={"qmv": qmv.to_dict()})

    def plot():
        from ..plot import power_index_bars
        return power_index_bars(
            {"issue by issue": {b: u["unlinked"] for b, u in unanimity.utilities.items()},
             "package": {b: u["linked"] for b, u in unanimity.utilities.items()}},
            title="Cyprus-Belarus: each bloc's utility (assumed preferences)",
            ylabel="utility")

    return Report("cyprus-belarus", TITLE, SUMMARY,
                  [timeline, assumed, outcomes, gains, counterfactual],
                  assumptions=list(unanimity.assumptions),
                  references=["Tollison, R. D. and Willett, T. D. (1979). International "
                              "Organization 33(4), 425-449.",
                              "Sebenius, J. K. (1983). International Organization 37(2), "
                              "281-316.",
                              "European Council conclusions, 1-2 October 2020; Council "
                              "Implementing Regulation (EU) 2020/1387."],
                  plot=plot)
