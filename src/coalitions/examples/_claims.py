"""The claim of the paper each worked case tests, and the caveats it closes with.

The project starts from A. Kortunov, "Multilateralism: Understanding the Concept" (RIAC
Working Paper 62, 2022). Each case opens with the claim of that paper it makes precise (or
says that it is a textbook foundation rather than a claim of the paper) and closes with what
its model leaves out. The texts are words, not results: every number a case reports comes from
its computation.
"""

from __future__ import annotations

__all__ = ["CLAIMS", "PAPER"]

PAPER = "Kortunov, A. (2022). Multilateralism. RIAC Working Paper 62."

#: Case name -> (the claim it tests, its caveats).
CLAIMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "glove": (
        "Not a claim of the paper: the textbook case the others build on, in which the scarce "
        "side of a market holds the power.",
        (
            "A market of identical goods with transferable utility; real negotiations trade "
            "goods that are not perfect substitutes.",
        ),
    ),
    "security-council": (
        "Enlarging a club of veto holders makes consensus harder: every added veto is one "
        "more member that must be on board.",
        (
            "Votes are modelled as independent coin tosses (a priori power); real members vote "
            "in blocs and by interest.",
            "Abstention is counted as a no except in the abstention section, which uses "
            "the real rule with the three votes equally likely (see the labelled assumptions).",
            "The enlarged designs are illustrative, not the text of a reform proposal.",
        ),
    ),
    "eu-council": (
        "Under unanimity any member can block: in September 2020 Cyprus alone held up the "
        "EU's Belarus sanctions.",
        (
            "A priori power measures the rule, not the politics: it says who could be pivotal, "
            "not who was persuaded.",
            "Population figures are Eurostat's, not the Council's legal annex.",
        ),
    ),
    "blocs": (
        "Blocs turn multilateral forums into bilateral ones: the G8 as seven against one.",
        (
            "Consensus is modelled as unanimity and the worth of agreement as one.",
            "The G7's outside option is a range, not an estimate.",
            "A caucus is assumed to vote as one on every issue.",
        ),
    ),
    "small-states": (
        "Small states gain a voice by coalition: the Alliance of Small Island States votes "
        "as one in the General Assembly.",
        (
            "Votes are independent coin tosses outside the caucus; real General Assembly votes "
            "are correlated by region and alignment.",
        ),
    ),
    "legitimacy-efficiency": (
        "Legitimacy trades against efficiency: broad inclusive formats are representative but "
        "slow and weak, small ad hoc coalitions act fast.",
        (
            "Efficiency is measured as the a priori chance that a proposal passes, legitimacy "
            "as protection against being outvoted; neither captures speed in days.",
        ),
    ),
    "two-party-bargaining": (
        "Not a claim of the paper: the bargaining foundations (axiomatic solutions and "
        "alternating offers) the negotiation cases rely on.",
        (
            "Two parties with known utilities; real negotiations have private information and "
            "more than two parties.",
        ),
    ),
    "legislative-bargaining": (
        "Unanimity drives outcomes towards what the least ambitious member accepts; a majority "
        "rule lets a proposer build a cheap minimal coalition instead.",
        (
            "A stationary equilibrium with a random proposer and a fixed budget; real agenda "
            "power is not random.",
        ),
    ),
    "lowest-common-denominator": (
        "Unanimity drives outcomes to the lowest common denominator: what the least ambitious "
        "member accepts.",
        (
            "Preferences are single-peaked on one or two dimensions with known ideal points; "
            "the ideal points are illustrative.",
        ),
    ),
    "cyprus-belarus": (
        "Any member can block, and a veto player can extract a linked concession: Cyprus "
        "vetoed the Belarus sanctions until the EU also committed to act on Turkey's drilling "
        "(September 2020).",
        (
            "Every utility parameter is illustrative; the sensitivity section shows which "
            "conclusions depend on them.",
            "The observed outcome is placed on the model's scale by a labelled judgement.",
            "The model is one-shot; the six-monthly renewal of sanctions is a repeated game.",
        ),
    ),
    "burden-sharing": (
        "Burdens must be shared fairly (the UN budget, climate commitments), and a fair rule "
        "depends on what is being shared.",
        (
            "The UN scale is modelled as a capped proportional rule calibrated to the published "
            "rates; the real methodology adjusts GNI for debt and low income.",
        ),
    ),
    "coalitions-of-the-willing": (
        "Small ad hoc coalitions act where the full body cannot, but free riding limits how "
        "large a self-enforcing coalition of the willing can be.",
        (
            "The stable size holds for the linear-quadratic specification of benefits and "
            "costs; other specifications give other sizes.",
        ),
    ),
    "nagorno-karabakh": (
        "Formats are chosen for speed or for legitimacy: the Russia-Armenia-Azerbaijan "
        "trilateral statement of November 2020 acted where the OSCE Minsk Group, inside the "
        "OSCE's consensus of 57, had not.",
        (
            "Support probabilities, patience and the value of the faster format are "
            "illustrative ranges, not estimates; members are modelled as deciding "
            "independently.",
            "The chance of acting measures how often a format can agree, not the content or "
            "durability of what it agrees; the statement of November 2020 followed six weeks "
            "of war, which the model does not represent.",
            "Coverage counts participating states equally; legitimacy has other sources "
            "(inclusion of the parties, a mandate, international law).",
        ),
    ),
    "nato-russia-council": (
        "Blocs turn multilateral forums into bilateral ones: the NATO-Russia Council, set up "
        "in 2002 for its members to act 'at twenty' rather than 'nineteen plus one', worked "
        "as NATO against Russia.",
        (
            "A priori power of the decision rule: it says who can be pivotal, not what the "
            "Council decided; the NRC's practical cooperation was suspended in April 2014.",
            "Consensus is modelled as unanimity of all participants; the majority rule is a "
            "counterfactual, not the NRC's rule.",
            "The a priori union assumes NATO's members always agree their position first; "
            "the cohesion assumption lets only some of them do so.",
        ),
    ),
    "unsc-reform": (
        "Enlarging a club of veto holders makes consensus harder, while new permanent seats "
        "without a veto add little power: the G4 draft (A/59/L.64) against the African "
        "Union's Ezulwini position (A/59/L.67), July 2005.",
        (
            "Votes are independent coin tosses (a priori power); real Council members vote "
            "in blocs and by interest, and abstention is counted as a no.",
            "The seat numbers of both drafts are verified; their voting quotas are not, and "
            "are labelled assumptions with ranges.",
            "The G4's new permanent members are modelled without a veto, as for the first "
            "15 years the draft provides; what the review would decide is not modelled.",
        ),
    ),
    "sanctions-renewal": (
        "Under unanimity any member can block, and the outcome is the lowest common "
        "denominator: EU sanctions lapse unless every member, Cyprus included, consents to "
        "each renewal.",
        (
            "The blocs' ideal points, their patience and the recognition of proposers are "
            "illustrative ranges, not estimates; the sensitivity section shows which "
            "conclusions depend on them.",
            "One dimension of sanctions intensity on a grid; real packages are lists of names "
            "and sectors, and renewals are linked to other issues (as Cyprus linked Turkey "
            "in 2020), which the model does not represent.",
            "Stationary Markov-perfect equilibria in pure strategies with a random proposer; "
            "when the strategies cycle on the grid, the case says so instead of reporting an "
            "equilibrium.",
            "The qualified majority is a counterfactual rule among the four blocs, not the "
            "Council's population-weighted qualified majority.",
        ),
    ),
}
