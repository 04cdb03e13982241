"""The Cyprus-Belarus linkage of September 2020: block, linkage, outcome."""

from __future__ import annotations

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Cyprus, the Belarus sanctions and Turkey (2020): a veto used for linkage"
SUMMARY = (
    "Cyprus blocked EU sanctions on Belarus until the EU also acted on Turkey: what "
    "could the veto extract, who capped it, was the threat credible, and who paid?"
)

OUTCOMES = (
    ("no agreement", "no_agreement"),
    ("issue by issue (unlinked)", "unlinked"),
    ("package (linked)", "linked"),
)


REFERENCES = [
    "Tollison, R. D. and Willett, T. D. (1979). International Organization 33(4), 425-449.",
    "Sebenius, J. K. (1983). International Organization 37(2), 281-316.",
    "European Council conclusions, 1-2 October 2020; Council Implementing "
    "Regulation (EU) 2020/1387.",
    "Matthews, S. A. (1989). Veto threats: rhetoric in a bargaining game. Quarterly Journal "
    "of Economics 104(2), 347-369.",
    "Romer, T. and Rosenthal, H. (1978). Public Choice 33(4), 27-43.",
]


def compute():
    """The Cyprus-Belarus report of the library (linkage under unanimity and QMV, the LCD on
    Turkey alone, the package win-set, the data)."""
    from ..bargaining.cases import cyprus_belarus_report

    return cyprus_belarus_report()


def _assumption_ranges():
    from ..bargaining.cases import cyprus_belarus_assumption_ranges

    return cyprus_belarus_assumption_ranges()


def _outcomes(**values):
    from ..bargaining.cases import cyprus_belarus_outcomes

    return cyprus_belarus_outcomes(**values)


@register("cyprus-belarus")
def report(results) -> Report:
    """The Cyprus-Belarus report: every number comes from ``results``."""
    unanimity, qmv = results.unanimity, results.qmv
    blocker = {r["bloc"]: r["member_states"] for r in results.assumptions}.get(
        unanimity.blocker, unanimity.blocker
    )
    linked, demand = unanimity.linked_issue, unanimity.demand_issue

    timeline = Section(
        "What happened (dated facts)",
        ["date", "event", "status"],
        [[row["date"], row["event"], row["status"]] for row in results.timeline],
        [
            "Sanctions under the common foreign and security policy need unanimity (Art. 31(1) "
            f"TEU). {blocker} withheld its consent until the European Council adopted "
            "conclusions on Turkey, and the listing passed (dates in the table)."
        ],
        data={"timeline": list(results.timeline)},
    )

    assumed = Section(
        "The model's preferences by bloc",
        [
            "bloc",
            "member states",
            "states",
            "value of the Belarus listing (alpha)",
            "ideal Turkey response (t)",
            "salience of Turkey (beta)",
        ],
        [
            [
                r["bloc"],
                r["member_states"],
                r["n_states"],
                r["alpha_belarus_listing"],
                r["t_turkey_ideal"],
                r["beta_turkey_salience"],
            ]
            for r in results.assumptions
        ],
        [
            "Two issues: the Belarus listing (adopted or not, utility alpha x) and the "
            "intensity of the EU's response to Turkey (utility -beta (x - t)^2). Nothing agreed "
            "is the status quo "
            f"({', '.join(f'{v:g}' for v in unanimity.no_agreement.values())})."
        ],
        assumptions=[
            "every number in this table is illustrative "
            "(cyprus_belarus_model_assumptions.csv), not data"
        ],
        data={"assumptions": list(results.assumptions)},
    )

    outcome_rows = [
        [label, getattr(unanimity, key)[linked], getattr(unanimity, key)[demand]]
        for label, key in OUTCOMES
    ]
    capped = ", ".join(unanimity.capped_by) or "nobody"
    outcomes = Section(
        "Block, linkage, outcome (unanimity)",
        ["outcome", "Belarus listing", "Turkey response"],
        outcome_rows,
        [
            f"Can {blocker} block? {'yes' if unanimity.can_block else 'no'}: under unanimity the "
            "others cannot adopt the listing without it.",
            "Issue by issue, each issue gets its lowest common denominator: the listing passes "
            f"and the Turkey response stays at {unanimity.unlinked[demand]:g}, "
            "what the least interested bloc accepts.",
            f"Linking the two, {blocker} can extract a Turkey response up to "
            f"{unanimity.max_concession:.3f}: beyond that the most reluctant member ({capped}) "
            "prefers no listing at all. The price of linkage is itself capped by a lowest "
            "common denominator.",
            f"Credible? {'yes' if unanimity.credible else 'no'}: carrying out the veto would "
            f"cost {blocker} {unanimity.commitment_cost:.2f} against the unlinked outcome, so a "
            "one-shot threat is not subgame-perfect; it needs commitment (reputation, domestic "
            "audience costs) or more patience than the others.",
        ],
        data={"unanimity": unanimity.to_dict()},
    )

    gains = Section(
        "Who gains and who pays",
        [
            "bloc",
            "utility: no agreement",
            "utility: unlinked",
            "utility: linked",
            "price of linkage (positive: pays)",
        ],
        [
            [bloc, u["no_agreement"], u["unlinked"], u["linked"], unanimity.price_of_linkage[bloc]]
            for bloc, u in unanimity.utilities.items()
        ],
        [
            f"The value of the veto to {blocker} is {unanimity.value_of_veto:.3f}: its utility "
            "in the package minus its utility issue by issue.",
            "The price of linkage is signed: the blocker's allies on the other issue gain from "
            "the package, the members who wanted little action on it pay.",
            f"The package win-set is {results.package['ratio']:.1f} times larger than the "
            "issue-by-issue one: linkage enlarges the set of agreements every member accepts "
            "(Sebenius's 'adding issues').",
        ],
        data={
            "price_of_linkage": unanimity.price_of_linkage,
            "value_of_veto": unanimity.value_of_veto,
            "package": results.package,
        },
    )

    counterfactual = Section(
        "Counterfactual: the same vote under qualified majority",
        ["rule", f"{blocker} can block", "Turkey response obtained", "value of the veto"],
        [
            ["unanimity", unanimity.can_block, unanimity.linked[demand], unanimity.value_of_veto],
            ["qualified majority", qmv.can_block, qmv.linked[qmv.demand_issue], qmv.value_of_veto],
        ],
        [
            f"Under qualified majority the others pass the listing without {blocker}, so there "
            "is nothing to hold hostage: the linkage collapses to the issue-by-issue outcome "
            "(see the eu-council example for a posteriori pivotality)."
        ],
        data={"qmv": qmv.to_dict()},
    )

    found = results.predictions
    observed = found["observed"]
    rivals = Section(
        "Rival predictions of the Turkey response, and what happened",
        ["reading", "Turkey response", "what it assumes"],
        [[p["name"], p["turkey_response"], p["assumption"]] for p in found["predictions"]]
        + [[f"observed: {observed['event']}", observed["turkey_response"], "see below"]],
        [
            f"On the scale of {found['scale']}, the readings of one model disagree: "
            + ", ".join(f"{p['name']} {p['turkey_response']:.3f}" for p in found["predictions"])
            + ".",
            f"The reported package of {unanimity.max_concession:.3f} assumes that {blocker} "
            "holds all the bargaining power; with equal bargaining weights it is "
            f"{found['predictions'][1]['turkey_response']:.4f} by blocs and "
            f"{found['predictions'][2]['turkey_response']:.4f} by states.",
            f"Placed on the same scale, the observed outcome is closest to: {found['closest']}.",
            f"The value of the veto is measured against a named baseline: {found['baseline']}.",
        ],
        assumptions=[observed["assumption"]]
        + [f"{p['name']}: {p['assumption']}" for p in found["predictions"]],
        data={"predictions": found},
    )
    abstention = found["abstention"]
    abstain = Section(
        "Counterfactual: constructive abstention instead of a veto",
        ["rule", f"{blocker} can block", "Turkey response obtained", f"{blocker} gives up"],
        [
            [
                abstention["rule"],
                abstention["can_block"],
                abstention["turkey_response"],
                abstention["value_of_veto"],
            ]
        ],
        [
            f"Had {blocker} abstained (Art. 31(1) TEU, second subparagraph), the listing would "
            f"pass without it ({'it could still block' if abstention['can_block'] else 'one abstainer never blocks'}), "
            f"the Turkey response would stay at {abstention['turkey_response']:g}, and "
            f"{blocker} would give up the value of its veto, {abstention['value_of_veto']:.3f}."
        ],
        data={"abstention": abstention},
    )

    threat = results.veto_threat
    setter = threat["setter"]
    committed = threat["types"][-1]
    credible = Section(
        "Was the threat credible? A veto threat under incomplete information",
        [
            "type of Cyprus",
            "prior probability",
            "value of agreement itself",
            "least response accepted",
        ],
        [
            [t["type"], t["probability"], t["agreement_value"], t["minimum_response"]]
            for t in threat["types"]
        ],
        [
            f"The presidency ({setter}) does not know whether {blocker} bluffs (it values the "
            "listing and would accept it with no Turkey response) or is committed (backing "
            "down costs it at home, so it vetoes "
            + (
                "every package)."
                if committed["minimum_response"] is None
                else f"any package below {committed['minimum_response']:.3f})."
            ),
            f"Its best take-it-or-leave-it package carries a Turkey response of "
            f"{threat['offer_value']:.3f}, accepted with probability "
            f"{threat['acceptance_probability']:.2f}: the presidency "
            + ("concedes the committed minimum" if threat["concedes"] else "calls the bluff")
            + f". It concedes whenever its belief in a committed {blocker} exceeds "
            f"{threat['threshold']:.3f}.",
            (
                "As cheap talk the threat can inform: a size-two equilibrium exists, in which "
                "threatening and accommodating types get different packages."
                if threat["talk_credible"]
                else "As cheap talk the threat informs nothing: every type of Cyprus wants the "
                "larger Turkey response, so a bluffer would threaten too, and Matthews's "
                "size-two equilibrium does not exist. What moves the package is the "
                "presidency's belief, not the words."
            ),
            "The committed minimum is "
            + ("within" if threat["within_zone"] else "beyond")
            + f" the largest response every other member accepts ({threat['max_concession']:.3f}).",
        ],
        assumptions=list(threat["assumptions"]),
        data={"veto_threat": threat},
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "issue by issue": {b: u["unlinked"] for b, u in unanimity.utilities.items()},
                "package": {b: u["linked"] for b, u in unanimity.utilities.items()},
            },
            title="Cyprus-Belarus: each bloc's utility (assumed preferences)",
            ylabel="utility",
        )

    return Report(
        "cyprus-belarus",
        TITLE,
        SUMMARY,
        [timeline, assumed, outcomes, credible, rivals, gains, counterfactual, abstain],
        assumptions=list(unanimity.assumptions),
        references=REFERENCES,
        plot=plot,
    )
