"""The NATO-Russia Council: a forum of equals that a bloc turns bilateral."""

from __future__ import annotations

import math
from functools import lru_cache

from ..exceptions import InvalidArgumentError
from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "The NATO-Russia Council: a forum of equals that a bloc turns bilateral"
SUMMARY = (
    "Set up for NATO's members and Russia to act 'at twenty' as equal partners: what is "
    "Russia's and a NATO member's share of power without blocs, and what is it when NATO "
    "agrees its position first and acts as one?"
)

# Dated facts (sources in nato_members_accession.md)
ROME_DECLARATION = "28 May 2002"
SUSPENDED = "1 April 2014"
RULE = "consensus"
OUTSIDER = "Russia"
#: The memberships compared: the NRC at its founding, and NATO at 29 and 30 members.
YEARS = (2002, 2019, 2020)
#: A NATO member shown by name (all members are symmetric under the rules modelled).
MEMBER = "Germany"
#: ASSUMPTION: the share of NATO's members that agree their position first and vote as one
#: (1: NATO acts as one a priori union), and the share of the NRC's participants whose consent
#: passes a decision (1: consensus, the Rome Declaration's rule).
COHESION = 1.0
COHESION_RANGE = (0.0, 1.0)
QUOTA_SHARE = 1.0
QUOTA_SHARE_RANGE = (0.5, 1.0)
#: The year whose membership the sensitivity uses.
SENSITIVITY_YEAR = 2020
REFERENCES = [
    "NATO-Russia Relations: a New Quality. Declaration by Heads of State and Government of "
    "NATO Member States and the Russian Federation, Rome, 28 May 2002.",
    "NATO, statement of the foreign ministers, 1 April 2014 (practical cooperation with "
    "Russia suspended).",
    "Owen, G. (1977). Values of games with a priori unions. In Henn and Moeschlin (eds), "
    "Essays in Mathematical Economics and Game Theory, 76-88.",
    "Owen, G. (1981). Modification of the Banzhaf-Coleman index for games with a priori "
    "unions. In Holler (ed.), Power, Voting and Voting Power, 232-238.",
]


def _body(members: list[str], quota: int):
    from ..games.simple import WeightedVotingGame

    players = list(members) + [OUTSIDER]
    return WeightedVotingGame(quota, [1] * len(players), players)


def _caucus(n_members: int, caucus: int, quota: int):
    """The quotient game: ``caucus`` of the ``n_members`` NATO members merged into one
    player (its weight the number of its members), the other members and Russia alone."""
    from ..games.simple import WeightedVotingGame

    rest = n_members - caucus
    players = ["NATO caucus"] * (caucus > 0) + [f"member {i + 1}" for i in range(rest)]
    weights = [caucus] * (caucus > 0) + [1] * rest
    return WeightedVotingGame(quota, weights + [1], players + [OUTSIDER])


@lru_cache(maxsize=1024)
def _caucus_shares(n_members: int, caucus: int, quota: int) -> tuple:
    """Owen shares of Russia and of a caucus member (the caucus's quotient share split
    equally), Shapley-Shubik shares of Russia and a member with no caucus."""
    from ..power import shapley_shubik_index

    merged = shapley_shubik_index(_caucus(n_members, caucus, quota))
    alone = shapley_shubik_index(_caucus(n_members, 0, quota))
    total = merged["NATO caucus"] if caucus else alone["member 1"]
    return merged[OUTSIDER], total / max(caucus, 1), total, alone[OUTSIDER]


def _year(year: int) -> dict:
    from ..datasets import nato_members
    from ..power import banzhaf_index, shapley_shubik_index

    members = nato_members(year)
    n = len(members)
    rules = {}
    for label, quota in ((RULE, n + 1), ("simple majority", (n + 1) // 2 + 1)):
        body = _body(members, quota)
        merged = _caucus(n, n, quota)  # NATO as one a priori union: the quotient game
        owen = shapley_shubik_index(merged)
        owen_bz = banzhaf_index(merged, normalized=False)
        rules[label] = {
            "quota": quota,
            "shapley_shubik": shapley_shubik_index(body),
            "banzhaf": banzhaf_index(body),
            "owen_russia": owen[OUTSIDER],
            "owen_member": owen["NATO caucus"] / n,
            "banzhaf_owen_russia": owen_bz[OUTSIDER],
        }
    return {"year": year, "members": members, "rules": rules}


def compute() -> dict:
    """Power of Russia and a NATO member in the NRC without blocs (Shapley-Shubik, Banzhaf)
    and with NATO as one a priori union (Owen, Banzhaf-Owen), under consensus and under a
    simple majority, for NATO at 19, 29 and 30 members; the direct Owen computation for the
    NRC of 2002 as a check of the quotient route used for the larger memberships."""
    from ..datasets import nato_members
    from ..solutions.owen import banzhaf_owen_index, owen_index

    founding = nato_members(YEARS[0])
    direct = {}
    for label, quota in (
        (RULE, len(founding) + 1),
        ("simple majority", (len(founding) + 1) // 2 + 1),
    ):
        body = _body(founding, quota)
        owen = owen_index(body, [founding])
        banzhaf_owen = banzhaf_owen_index(body, [founding])
        direct[label] = {
            "owen_russia": owen[OUTSIDER],
            "owen_member": owen[MEMBER],
            "banzhaf_owen_russia": banzhaf_owen[OUTSIDER],
            "banzhaf_owen_member": banzhaf_owen[MEMBER],
        }
    return {"years": [_year(y) for y in YEARS], "direct": direct, "member": MEMBER}


def _assumption_ranges() -> list:
    from ..analysis import Assumption

    return [
        Assumption(
            "cohesion",
            COHESION,
            *COHESION_RANGE,
            description="the share of NATO's members that agree their position first and "
            "vote as one (1: NATO as one bloc)",
            source="a judgement: the Rome Declaration meant members to act 'at twenty'; the "
            "range runs from no caucus to a full bloc",
        ),
        Assumption(
            "quota_share",
            QUOTA_SHARE,
            *QUOTA_SHARE_RANGE,
            description="the share of participants whose consent passes a decision (1: consensus)",
            source="the Rome Declaration's rule is consensus; lower values are counterfactuals",
        ),
    ]


def _outcomes(cohesion: float, quota_share: float) -> dict:
    """Russia's and a NATO member's shares in the NRC of 2020 for one caucus and rule."""
    from ..datasets import nato_members

    for name, value in (("cohesion", cohesion), ("quota_share", quota_share)):
        if not 0 <= value <= 1:
            raise InvalidArgumentError(
                f"nato-russia-council: {name} is a share and must lie in [0, 1], got {value:g}; "
                f"give a range inside it, e.g. --vary {name}=0.5:1."
            )
    n = len(nato_members(SENSITIVITY_YEAR))
    caucus = round(cohesion * n)
    quota = max((n + 1) // 2 + 1, math.ceil(quota_share * (n + 1) - 1e-9))
    russia, member, bloc, russia_alone = _caucus_shares(n, caucus, quota)
    if russia == 0:
        shape = "the caucus decides alone"
    elif russia == bloc:
        shape = "bilateral: Russia the caucus's equal"
    else:
        shape = "multilateral"
    return {
        "Russia: Owen share": float(russia),
        "a caucus member: Owen share": float(member),
        "Russia: Shapley-Shubik, no caucus": float(russia_alone),
        "Russia can block": quota > n,
        "the forum": shape,
    }


@register("nato-russia-council")
def report(results: dict) -> Report:
    """The NATO-Russia Council report: every number comes from ``results``."""
    member = results["member"]
    rows, data = [], {}
    for entry in results["years"]:
        n = len(entry["members"])
        for label, r in entry["rules"].items():
            ss, bz = r["shapley_shubik"], r["banzhaf"]
            rows.append(
                [
                    f"{entry['year']}: NATO at {n} plus {OUTSIDER}, {label} ({r['quota']} of "
                    f"{n + 1})",
                    ss[OUTSIDER],
                    ss[member],
                    float(bz[OUTSIDER]),
                    r["owen_russia"],
                    r["owen_member"],
                    r["banzhaf_owen_russia"],
                ]
            )
            data[f"{entry['year']} {label}"] = {k: v for k, v in r.items() if k != "banzhaf"}
    first, last = results["years"][0], results["years"][-1]
    n_first, n_last = len(first["members"]), len(last["members"])
    c_first, c_last = first["rules"][RULE], last["rules"][RULE]
    m_last = last["rules"]["simple majority"]
    power = Section(
        "Power in the NRC without blocs and with NATO as one bloc",
        [
            "membership and rule",
            f"{OUTSIDER}: Shapley-Shubik (no blocs)",
            f"a NATO member ({member}): Shapley-Shubik (no blocs)",
            f"{OUTSIDER}: Banzhaf, normalised (no blocs)",
            f"{OUTSIDER}: Owen (NATO as a bloc)",
            "a NATO member: Owen (NATO as a bloc)",
            f"{OUTSIDER}: Banzhaf-Owen, absolute (NATO as a bloc)",
        ],
        rows,
        [
            f"Under {RULE} (the Rome Declaration of {ROME_DECLARATION}) every participant can "
            f"block: without blocs {OUTSIDER} holds {c_first['shapley_shubik'][OUTSIDER]} of "
            f"the power in {first['year']}, the same as each NATO member, and "
            f"{c_last['shapley_shubik'][OUTSIDER]} in {last['year']}.",
            f"When NATO agrees its position first and acts as one a priori union, the Owen "
            f"value shares first between two blocs that can each block the other: {OUTSIDER} "
            f"gets {c_last['owen_russia']}, and each of the {n_last} NATO members "
            f"{c_last['owen_member']}. {OUTSIDER} weighs "
            f"{float(c_last['owen_russia'] / c_last['owen_member']):.0f} NATO members: the "
            f"forum of {n_last + 1} has become a bilateral negotiation.",
            f"Under a simple majority the bloc would be decisive alone: {OUTSIDER}'s Owen "
            f"share falls from {float(m_last['shapley_shubik'][OUTSIDER]):.4f} (no blocs) to "
            f"{m_last['owen_russia']}. The bloc helps the outsider only where it can block.",
            f"Enlargement from {n_first} to {n_last} members leaves {OUTSIDER}'s bilateral "
            f"share at {c_first['owen_russia']} and thins each member's from "
            f"{c_first['owen_member']} to {c_last['owen_member']}.",
        ],
        assumptions=[
            f"decisions by {RULE}, modelled as unanimity of all participants; the simple "
            "majority rows are a counterfactual",
            "NATO's members always agree their position first and vote as one "
            "(see the cohesion range in the sensitivity)",
        ],
        data=data,
    )

    direct = results["direct"]
    check = Section(
        f"The Owen value of the NRC of {first['year']}, computed directly",
        [
            "rule",
            f"{OUTSIDER}: Owen",
            f"{member}: Owen",
            f"{OUTSIDER}: Banzhaf-Owen (absolute)",
            f"{member}: Banzhaf-Owen (absolute)",
        ],
        [
            [
                label,
                d["owen_russia"],
                d["owen_member"],
                d["banzhaf_owen_russia"],
                d["banzhaf_owen_member"],
            ]
            for label, d in direct.items()
        ],
        [
            f"The Owen value over the {n_first + 1} participants with NATO's {n_first} as one "
            "union agrees with the quotient route used for the larger memberships (NATO "
            "merged into one player, its share split equally among its members, as Owen's "
            f"quotient and symmetry properties give): {direct[RULE]['owen_russia']} for "
            f"{OUTSIDER} and {direct[RULE]['owen_member']} per member under {RULE}.",
            f"The Banzhaf-Owen index tells the two tiers apart: {OUTSIDER} decides the "
            f"outcome in {direct[RULE]['banzhaf_owen_russia']} of the a priori cases, a NATO "
            f"member only when its vote decides its bloc's position and the bloc decides the "
            f"Council, {float(direct[RULE]['banzhaf_owen_member']):.2e} under {RULE}.",
            f"For {n_last} members a union of that size needs more coalitions per member than "
            "the direct computation evaluates, so the quotient route is the one that scales.",
        ],
        data={"direct": direct},
    )
    timeline = Section(
        "What happened (dated facts)",
        ["date", "event"],
        [
            [
                ROME_DECLARATION,
                f"Rome Declaration: the NRC, NATO members and {OUTSIDER} "
                f"acting as equal partners by {RULE}",
            ],
            [
                SUSPENDED,
                f"NATO suspends practical civilian and military cooperation with {OUTSIDER}",
            ],
        ],
        ["Memberships by year from nato_members_accession.csv (see its provenance file)."],
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "no blocs (Shapley-Shubik)": {
                    OUTSIDER: c_last["shapley_shubik"][OUTSIDER],
                    "a NATO member": c_last["shapley_shubik"][member],
                },
                "NATO as a bloc (Owen)": {
                    OUTSIDER: c_last["owen_russia"],
                    "a NATO member": c_last["owen_member"],
                },
            },
            log=True,
            title=f"NATO-Russia Council by {RULE}, NATO at {n_last}",
        )

    return Report(
        "nato-russia-council",
        TITLE,
        SUMMARY,
        [timeline, power, check],
        references=REFERENCES,
        plot=plot,
    )
