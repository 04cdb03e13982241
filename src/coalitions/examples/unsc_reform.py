"""UN Security Council reform: the G4 draft (A/59/L.64) against the African Union's Ezulwini
position (A/59/L.67), and today's Council."""

from __future__ import annotations

from functools import lru_cache

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "UN Security Council reform: the G4 draft against the Ezulwini position (2005)"
SUMMARY = (
    "Six new permanent seats without a veto (the G4) or with one (the African Union): what "
    "power does a P5 member, a new permanent member and an elected member hold under each, "
    "and how often could the Council act?"
)

#: The designs of the shipped data, in the order of the columns, and their names.
DESIGNS = {
    "today": "today's Council",
    "G4": "the G4 draft",
    "Ezulwini": "the Ezulwini position",
}
#: The G4 draft's review, after which the veto of its new permanent members would be decided
#: (years after the amendment enters into force; A/59/L.64).
VETO_REVIEW_YEARS = 15
#: The seats compared across designs.
SEATS = ("a P5 member", "a new permanent member", "an elected member")
#: ASSUMPTIONS: the affirmative votes each draft requires. The search found the drafts' seat
#: numbers but not their voting rules; 14 of 25 and 15 of 26 are the author's reading of the
#: drafts, unverified, each with a range from a bare majority of the Council to about
#: two-thirds of it.
G4_VOTES_RANGE = (13, 17)
AU_VOTES_RANGE = (14, 18)
REFERENCES = [
    "UN General Assembly, draft resolution A/59/L.64, Security Council reform (6 July 2005; "
    "Brazil, Germany, India, Japan and co-sponsors).",
    "UN General Assembly, draft resolution A/59/L.67 (July 2005; the African Union's common "
    "position, the Ezulwini Consensus of March 2005 and the Sirte Declaration of July 2005).",
    "UN Charter, Art. 23, 27(3) and 108.",
    "Shapley, L. S. and Shubik, M. (1954). APSR 48(3), 787-792.",
    "Banzhaf, J. F. (1965). Rutgers Law Review 19, 317-343.",
    "Coleman, J. S. (1971). Control of collectivities and the power of a collectivity to act.",
]


def _council(design: dict, votes_needed: int):
    """The design's Council as a weighted game with named seats: the P5 (from the 2020
    composition), new permanent members and elected members."""
    from ..datasets import load_csv
    from ..games.classes import veto_council
    from ..games.simple import WeightedVotingGame

    permanent = [r["country"] for r in load_csv("unsc_composition_2020.csv") if r["veto"] == "yes"]
    vetoes = design["permanent_with_veto"]
    others = design["permanent_without_veto"] + design["elected"]
    shape = veto_council(vetoes, others, votes_needed)  # the library's weights and quota
    new_permanent = _new_permanent(design)
    names = (
        permanent
        + [f"new permanent {i + 1}" for i in range(new_permanent)]
        + [f"elected {i + 1}" for i in range(design["elected"])]
    )
    # veto holders first (the P5, then new permanent members with a veto), then the others
    return WeightedVotingGame(shape.quota, shape.weights, names), permanent[0]


def _new_permanent(design: dict) -> int:
    """New permanent seats of a design (beyond the five of the Charter)."""
    return design["permanent_with_veto"] + design["permanent_without_veto"] - PERMANENT_SEATS


#: Permanent seats of the Charter (Art. 23).
PERMANENT_SEATS = 5


def _seats(index, p5: str):
    """A metric's value for the three seats compared (a new permanent seat where there is one)."""
    names = index.players
    out = {SEATS[0]: index[p5], SEATS[2]: index["elected 1"]}
    if "new permanent 1" in names:
        out[SEATS[1]] = index["new permanent 1"]
    return out


def _designs(g4_votes: int | None = None, au_votes: int | None = None) -> dict:
    from ..datasets import unsc_reform_drafts

    drafts = {d["design"]: d for d in unsc_reform_drafts()}
    votes = {"G4": g4_votes, "Ezulwini": au_votes}
    return {
        DESIGNS[key]: _council(d, votes.get(key) or d["votes_needed"]) for key, d in drafts.items()
    }


def _compare(g4_votes: int | None = None, au_votes: int | None = None):
    from ..analysis import compare_scenarios
    from ..power import banzhaf_index, coleman_power_to_act, shapley_shubik_index

    councils = _designs(g4_votes, au_votes)
    p5 = next(iter(councils.values()))[1]
    return compare_scenarios(
        {name: game for name, (game, _) in councils.items()},
        {
            "Shapley-Shubik": lambda g: _seats(shapley_shubik_index(g), p5),
            "Banzhaf (normalised)": lambda g: _seats(banzhaf_index(g), p5),
            "power to act": lambda g: coleman_power_to_act(g).value,
        },
        baseline=DESIGNS["today"],
    )


def compute() -> dict:
    """The three designs compared by compare_scenarios (Shapley-Shubik and normalised
    Banzhaf power of a P5 member, a new permanent member and an elected member; Coleman's
    power to act), with the drafts' rows of the shipped data."""
    from ..datasets import unsc_reform_drafts

    sweep = []
    for design, votes in (("G4", G4_VOTES_RANGE), ("Ezulwini", AU_VOTES_RANGE)):
        for quota in range(votes[0], votes[1] + 1):
            table = _compare(**{"g4_votes" if design == "G4" else "au_votes": quota})
            sweep.append({"design": design, "votes_needed": quota, "table": table})
    return {"table": _compare(), "drafts": unsc_reform_drafts(), "sweep": sweep}


def _assumption_ranges() -> list:
    from ..analysis import Assumption
    from ..datasets import unsc_reform_drafts

    drafts = {d["design"]: d for d in unsc_reform_drafts()}
    return [
        Assumption(
            "g4_votes_needed",
            drafts["G4"]["votes_needed"],
            *G4_VOTES_RANGE,
            description="affirmative votes a substantive decision needs in the G4's Council of 25",
            source="NOT VERIFIED: the drafts' voting rule was not found by the search; the "
            "range runs from a majority to about two-thirds",
        ),
        Assumption(
            "au_votes_needed",
            drafts["Ezulwini"]["votes_needed"],
            *AU_VOTES_RANGE,
            description="affirmative votes a substantive decision needs in the African Union's "
            "Council of 26",
            source="NOT VERIFIED: the drafts' voting rule was not found by the search; the "
            "range runs from a majority to about two-thirds",
        ),
    ]


@lru_cache(maxsize=256)
def _outcomes_cached(g4_votes: int, au_votes: int) -> tuple:
    table = _compare(g4_votes, au_votes)
    g4, au, today = DESIGNS["G4"], DESIGNS["Ezulwini"], DESIGNS["today"]

    def value(metric, member, design):
        return float(table.row(metric, member)["values"][design])

    act = {d: value("power to act", "", d) for d in (today, g4, au)}
    new_g4 = value("Shapley-Shubik", SEATS[1], g4)
    new_au = value("Shapley-Shubik", SEATS[1], au)
    return (
        ("Shapley-Shubik: a P5 member, G4", value("Shapley-Shubik", SEATS[0], g4)),
        ("Shapley-Shubik: a P5 member, Ezulwini", value("Shapley-Shubik", SEATS[0], au)),
        ("Shapley-Shubik: a new permanent member, G4", new_g4),
        ("Shapley-Shubik: a new permanent member, Ezulwini", new_au),
        ("power to act, G4", act[g4]),
        ("power to act, Ezulwini", act[au]),
        ("power to act, G4 / Ezulwini", act[g4] / act[au]),
        ("a new permanent member weighs more under", "Ezulwini" if new_au > new_g4 else "G4"),
        ("the Council acts more easily under", "G4" if act[g4] > act[au] else "Ezulwini"),
        ("the G4 Council acts at least as easily as today", act[g4] >= act[today]),
    )


def _outcomes(g4_votes_needed: float, au_votes_needed: float) -> dict:
    """Headline numbers and conclusions for the assumed quotas (rounded to whole votes)."""
    return dict(_outcomes_cached(round(g4_votes_needed), round(au_votes_needed)))


@register("unsc-reform")
def report(results: dict) -> Report:
    """The UNSC reform report: every number comes from ``results``."""
    table, drafts = results["table"], results["drafts"]
    by_key = {d["design"]: d for d in drafts}
    now, g4d, aud = by_key["today"], by_key["G4"], by_key["Ezulwini"]
    columns = list(table.scenarios)
    designs = Section(
        "The designs (shipped data, with what is verified)",
        [
            "design",
            "document",
            "date",
            "seats",
            "vetoes",
            "permanent without veto",
            "elected",
            "votes needed",
            "quota verified",
        ],
        [
            [
                DESIGNS[d["design"]],
                d["document"],
                d["date"],
                d["seats"],
                d["permanent_with_veto"],
                d["permanent_without_veto"],
                d["elected"],
                d["votes_needed"],
                d["votes_needed_verified"],
            ]
            for d in drafts
        ],
        [
            f"The G4's draft ({g4d['document']}) adds {_new_permanent(g4d)} permanent and "
            f"{g4d['elected'] - now['elected']} elected seats; its new permanent members would "
            f"not exercise the veto until a review {VETO_REVIEW_YEARS} years after entry into "
            "force, so they are modelled without one. The African Union's draft, the Ezulwini "
            f"position ({aud['document']}), gives {_new_permanent(aud)} new permanent members "
            "every prerogative, the veto included, and adds "
            f"{aud['elected'] - now['elected']} elected seats.",
            "The seat numbers are verified against the sources in "
            "unsc_reform_drafts_2005.md; the drafts' quotas are not, and are labelled "
            "assumptions below (the sensitivity shows what they change).",
        ],
        assumptions=[
            f"votes needed: {by_key['G4']['votes_needed']} of {by_key['G4']['seats']} (G4) "
            f"and {by_key['Ezulwini']['votes_needed']} of {by_key['Ezulwini']['seats']} "
            "(Ezulwini), unverified, with the ranges of the sensitivity"
        ],
    )

    rows = []
    for row in table.rows:
        label = f"{row['metric']}: {row['member']}" if row["member"] else row["metric"]
        values = [row["values"][c] for c in columns]
        rows.append([label, *[None if v is None else float(v) for v in values]])
    g4, au, today = DESIGNS["G4"], DESIGNS["Ezulwini"], DESIGNS["today"]

    def get(metric, member, design):
        return table.row(metric, member)["values"][design]

    ss = "Shapley-Shubik"
    p5_today, p5_g4, p5_au = (get(ss, SEATS[0], d) for d in (today, g4, au))
    new_g4, new_au = get(ss, SEATS[1], g4), get(ss, SEATS[1], au)
    el_today, el_g4, el_au = (get(ss, SEATS[2], d) for d in (today, g4, au))
    act = {d: get("power to act", "", d) for d in (today, g4, au)}
    power = Section(
        "Power of a seat under each design (compare_scenarios)",
        ["metric: seat", *columns],
        rows,
        [
            f"A P5 member's Shapley-Shubik power is {float(p5_today):.4f} today, "
            f"{float(p5_g4):.4f} under {g4} and {float(p5_au):.4f} under {au}: sharing the "
            f"veto with {_new_permanent(aud)} more members cuts it by {float(1 - p5_au / p5_today):.0%}, adding "
            f"seats without a veto by {float(1 - p5_g4 / p5_today):.1%}.",
            f"A new permanent member without a veto (G4) holds {float(new_g4):.5f}, exactly an "
            f"elected member's {float(el_g4):.5f}: a priori, a permanent seat without a veto "
            f"is an elected seat that is never re-elected. With the veto (Ezulwini) it holds "
            f"{float(new_au):.4f}, the same as a P5 member.",
            f"An elected member holds {float(el_today):.5f} today, {float(el_g4):.5f} under "
            f"{g4} and {float(el_au):.2e} under {au}.",
            f"The power to act (the share of all vote patterns that pass) is "
            f"{float(act[today]):.4f} today, {float(act[g4]):.4f} under {g4} and "
            f"{float(act[au]):.5f} under {au}: {aud['permanent_with_veto']} vetoes make the Council "
            f"{float(act[today] / act[au]):.0f} times less able to act than today, while "
            f"the G4 design keeps {float(act[g4] / act[today]):.0%} of today's ability.",
        ],
        assumptions=[
            "votes are yes or no, every member voting independently with probability one half "
            "(a priori power); an abstention counts as a no"
        ],
        data={"table": table.to_dict()},
    )

    sweep_rows = []
    for entry in results["sweep"]:
        design = DESIGNS[entry["design"]]
        t = entry["table"]
        act_here = t.row("power to act", "")["values"][design]
        sweep_rows.append(
            [
                design,
                entry["votes_needed"],
                float(t.row(ss, SEATS[0])["values"][design]),
                float(t.row(ss, SEATS[1])["values"][design]),
                float(t.row(ss, SEATS[2])["values"][design]),
                float(act_here),
                act_here >= act[today],
            ]
        )
    g4_rows = [r for r in sweep_rows if r[0] == g4]
    au_rows = [r for r in sweep_rows if r[0] == au]
    easier = [r[1] for r in g4_rows if r[-1]]
    quotas = Section(
        "What the unverified quotas change",
        [
            "design",
            "votes needed",
            "Shapley-Shubik: a P5 member",
            "Shapley-Shubik: a new permanent member",
            "Shapley-Shubik: an elected member",
            "power to act",
            "acts at least as easily as today",
        ],
        sweep_rows,
        [
            f"Over {g4_rows[0][1]} to {g4_rows[-1][1]} votes (G4) and {au_rows[0][1]} to "
            f"{au_rows[-1][1]} (Ezulwini), a new permanent member without a veto "
            + ("always" if all(r[3] == r[4] for r in g4_rows) else "not always")
            + " holds an elected member's power, and with a veto "
            + ("always" if all(r[3] == r[2] for r in au_rows) else "not always")
            + " a P5 member's.",
            f"The power to act does: under {g4} it ranges from {min(r[5] for r in g4_rows):.4f} "
            f"to {max(r[5] for r in g4_rows):.4f}, "
            + (
                f"at least today's {float(act[today]):.4f} only at {', '.join(map(str, easier))} "
                "votes"
                if easier
                else f"below today's {float(act[today]):.4f} at every quota"
            )
            + f"; under {au} it stays between {min(r[5] for r in au_rows):.2e} and "
            f"{max(r[5] for r in au_rows):.2e}, far below today's at every quota: "
            f"{aud['permanent_with_veto']} vetoes, not the quota, are what paralyse it.",
        ],
        data={
            "sweep": [
                dict(
                    zip(
                        [
                            "design",
                            "votes_needed",
                            "p5",
                            "new_permanent",
                            "elected",
                            "power_to_act",
                            "at_least_today",
                        ],
                        r,
                    )
                )
                for r in sweep_rows
            ]
        },
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {c: {s: get(ss, s, c) for s in SEATS if get(ss, s, c) is not None} for c in columns},
            log=True,
            title="UNSC reform: Shapley-Shubik power of a seat",
        )

    return Report(
        "unsc-reform",
        TITLE,
        SUMMARY,
        [designs, power, quotas],
        references=REFERENCES,
        plot=plot,
    )
