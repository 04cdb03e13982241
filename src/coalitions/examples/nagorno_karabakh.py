"""Nagorno-Karabakh, November 2020: a format chosen for speed against one chosen for legitimacy.

The Russia-Armenia-Azerbaijan trilateral statement of 9/10 November 2020 against the OSCE
Minsk Group (co-chairs France, Russia and the United States; permanent members Belarus,
Finland, Germany, Italy, Sweden, Turkey; the two parties) inside the OSCE's consensus of 57
participating states. The memberships are shipped data; the support probabilities, the
patience and the value of the faster format to Azerbaijan are labelled assumptions with ranges.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Nagorno-Karabakh (2020): a trilateral for speed, the Minsk Group for legitimacy"
SUMMARY = (
    "Three states signed the ceasefire statement of 9/10 November 2020; the OSCE Minsk Group, "
    "under the consensus of 57, had not settled the conflict since 1992. How much more likely is a small format to "
    "act, what does it cover, and when does a faster format become an outside option that "
    "decides the bargain in the standing forum?"
)

# Dated facts (sources in osce_participating_states_2020.md)
TRILATERAL_DATE = "9/10 November 2020"
TRILATERAL_EFFECT = "fighting stopped from 10 November 2020"
MINSK_GROUP_SINCE = "1992 (CSCE Helsinki additional meeting of 24 March 1992)"
MINSK_GROUP_FOUNDED = "March 1992"
CO_CHAIRS_SINCE = "1997"
OSCE_RULE = "consensus of all participating states"
PARTIES = ("Armenia", "Azerbaijan")
MEDIATOR = "Russian Federation"

#: ASSUMPTIONS (illustrative, with ranges): the chance that each participant supports a given
#: ceasefire text. The parties are the least willing, the mediator keen, the others mostly
#: indifferent, so they rarely object.
PARTY_SUPPORT = Fraction(6, 10)
PARTY_SUPPORT_RANGE = (0.4, 0.9)
MEDIATOR_SUPPORT = Fraction(9, 10)
MEDIATOR_SUPPORT_RANGE = (0.7, 1.0)
OTHERS_SUPPORT = Fraction(95, 100)
OTHERS_SUPPORT_RANGE = (0.85, 0.99)
#: ASSUMPTIONS: the parties' common patience per round of talks in the standing forum, and the
#: value to Azerbaijan of the faster format (what it secures outside the forum, as a share of
#: the surplus at stake), a range rather than an estimate.
PATIENCE = Fraction(9, 10)
PATIENCE_RANGE = (0.8, 0.98)
AZERBAIJAN_OPTION = Fraction(3, 5)
AZERBAIJAN_OPTION_RANGE = (0.2, 0.9)
#: The options shown in the table (shares of the surplus Azerbaijan secures outside).
OPTIONS = (
    Fraction(0),
    Fraction(1, 4),
    Fraction(2, 5),
    Fraction(1, 2),
    Fraction(3, 5),
    Fraction(3, 4),
)

REFERENCES = [
    "Statement by the President of the Republic of Azerbaijan, the Prime Minister of the "
    "Republic of Armenia and the President of the Russian Federation, 9/10 November 2020.",
    "OSCE, participating States and the Minsk Group (osce.org).",
    "Binmore, K., Shaked, A. and Sutton, J. (1989). An outside option experiment. "
    "Quarterly Journal of Economics 104(4), 753-770.",
    "Kahler, M. (1992). Multilateralism with small and large numbers. International "
    "Organization 46(3), 681-708.",
    "Naim, M. (2009). Minilateralism. Foreign Policy 173.",
]


def _formats() -> dict:
    """The three formats' memberships from the shipped OSCE data."""
    from ..datasets import osce_participating_states

    rows = osce_participating_states()
    return {
        "the trilateral statement": [
            r["state"] for r in rows if r["trilateral_statement_2020"] == "yes"
        ],
        "the OSCE Minsk Group": [r["state"] for r in rows if r["minsk_group"]],
        "the OSCE": [r["state"] for r in rows],
        "co-chairs": [r["state"] for r in rows if r["minsk_group"] == "co-chair"],
    }


def _clubs(party: Fraction, mediator: Fraction, others: Fraction) -> list[dict]:
    """Each format's chance of acting (every member supports) and coverage of the OSCE."""
    from ..formation import club_coverage, club_efficiency

    formats = _formats()
    everyone = formats["the OSCE"]
    support = {
        s: party if s in PARTIES else mediator if s == MEDIATOR else others for s in everyone
    }
    counted = {s: 1 for s in everyone}
    return [
        {
            "format": name,
            "members": formats[name],
            "efficiency": club_efficiency(support, formats[name]),
            "coverage": Fraction(club_coverage(counted, formats[name]), len(everyone)),
        }
        for name in ("the trilateral statement", "the OSCE Minsk Group", "the OSCE")
    ]


def _bargain(patience: Fraction, option: Fraction):
    from ..bargaining import outside_option_bargaining

    return outside_option_bargaining(patience, [0, option], players=PARTIES)


def compute() -> dict:
    """The formats' chance of acting and coverage (club_efficiency, club_coverage), and the
    alternating-offers bargain between the parties in the standing forum when Azerbaijan
    holds the faster format as an outside option (outside_option_bargaining)."""
    formats = _formats()
    return {
        "clubs": _clubs(PARTY_SUPPORT, MEDIATOR_SUPPORT, OTHERS_SUPPORT),
        "co_chairs": formats["co-chairs"],
        "support": {
            "parties": PARTY_SUPPORT,
            "mediator": MEDIATOR_SUPPORT,
            "others": OTHERS_SUPPORT,
        },
        "patience": PATIENCE,
        "bargains": [(option, _bargain(PATIENCE, option)) for option in OPTIONS],
        "baseline": _bargain(PATIENCE, AZERBAIJAN_OPTION),
        "baseline_option": AZERBAIJAN_OPTION,
    }


def _assumption_ranges() -> list:
    from ..analysis import Assumption

    return [
        Assumption(
            "party_support",
            float(PARTY_SUPPORT),
            *PARTY_SUPPORT_RANGE,
            description="the chance that each party (Armenia, Azerbaijan) accepts a given text",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "mediator_support",
            float(MEDIATOR_SUPPORT),
            *MEDIATOR_SUPPORT_RANGE,
            description="the chance that the mediator (Russia) supports it",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "others_support",
            float(OTHERS_SUPPORT),
            *OTHERS_SUPPORT_RANGE,
            description="the chance that each other OSCE participating state does not object",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "patience",
            float(PATIENCE),
            *PATIENCE_RANGE,
            description="the parties' discount factor per round of talks in the standing forum",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "azerbaijan_option",
            float(AZERBAIJAN_OPTION),
            *AZERBAIJAN_OPTION_RANGE,
            description="what Azerbaijan secures outside the standing forum, as a share of the "
            "surplus (the faster format's value to it)",
            source="a range rather than an estimate",
        ),
    ]


@lru_cache(maxsize=4096)
def _outcomes_cached(party, mediator, others, patience, option) -> tuple:
    clubs = _clubs(*(Fraction(v).limit_denominator(10**6) for v in (party, mediator, others)))
    bargain = _bargain(*(Fraction(v).limit_denominator(10**6) for v in (patience, option)))
    fast, slow = clubs[0]["efficiency"], clubs[-1]["efficiency"]
    return (
        ("trilateral: chance of acting", float(fast)),
        ("OSCE consensus: chance of acting", float(slow)),
        ("trilateral / OSCE (times)", float(fast / slow)),
        ("Azerbaijan's share", float(bargain.x[1])),
        ("Azerbaijan's forum value", float(bargain.forum_value[1])),
        ("Azerbaijan's outside option binds", bool(bargain.binding[1])),
    )


def _outcomes(party_support, mediator_support, others_support, patience, azerbaijan_option):
    """The headline numbers and the conclusion for one set of assumption values."""
    return dict(
        _outcomes_cached(
            party_support, mediator_support, others_support, patience, azerbaijan_option
        )
    )


def _format_section(results: dict) -> Section:
    clubs = results["clubs"]
    trio, group, osce = clubs
    support = results["support"]
    return Section(
        "Speed against legitimacy: the chance of acting and what each format covers",
        ["format", "members", "chance of acting (every member agrees)", "share of the OSCE"],
        [[c["format"], len(c["members"]), float(c["efficiency"]), c["coverage"]] for c in clubs],
        [
            f"A format acts only if every member agrees. The {len(trio['members'])} signatories "
            f"of {TRILATERAL_DATE} act with chance {float(trio['efficiency']):.3f}, the Minsk "
            f"Group of {len(group['members'])} with {float(group['efficiency']):.3f}, and the "
            f"{OSCE_RULE} ({len(osce['members'])}) with {float(osce['efficiency']):.4f}.",
            f"The trilateral format is {float(trio['efficiency'] / osce['efficiency']):.0f} times "
            f"more likely to act than the OSCE and "
            f"{float(trio['efficiency'] / group['efficiency']):.1f} times more likely than the "
            f"Minsk Group, and covers {float(trio['coverage']):.0%} of the OSCE's membership "
            f"against the Minsk Group's {float(group['coverage']):.0%}: speed bought with "
            "legitimacy (Kahler 1992; Naim 2009).",
            f"The Minsk Group (mediating since {MINSK_GROUP_FOUNDED}; co-chaired by "
            f"{', '.join(results['co_chairs'])} since {CO_CHAIRS_SINCE}) includes both parties "
            "and the mediator of the trilateral, so it can act only when the trilateral could: "
            "each member it adds is one more chance of a veto.",
        ],
        assumptions=[
            f"support probabilities: {float(support['parties']):g} for each party, "
            f"{float(support['mediator']):g} for the mediator, {float(support['others']):g} "
            "for each other participating state; members decide independently",
            "coverage counts participating states equally (not population or stake)",
        ],
        data={"clubs": [{k: v for k, v in c.items()} for c in clubs]},
    )


def _bargain_section(results: dict) -> Section:
    first, second = PARTIES
    bargains, base = results["bargains"], results["baseline"]
    inside = base.inside_shares[1]
    rows = [
        [option, b.inside_shares[1], b.x[1], bool(b.binding[1]), b.forum_value[1]]
        for option, b in bargains
    ]
    return Section(
        f"The faster format as {second}'s outside option in the standing forum",
        [
            f"what {second} secures outside the forum",
            f"{second}: share bargaining in the forum (no option)",
            f"{second}: equilibrium share",
            "option binds",
            f"{second}: forum value",
        ],
        rows,
        [
            f"In the standing forum, {first} and {second} divide the surplus by alternating "
            f"offers with patience {float(results['patience']):g}; {second}, as responder, "
            f"would get {inside} ({float(inside):.3f}) by bargaining alone.",
            f"An outside option changes nothing until it exceeds that share; above it, {second} "
            "gets exactly its option (the outside-option principle, Binmore, Shaked and Sutton "
            f"1989). At the assumed option of {float(results['baseline_option']):g}, the "
            f"option {'binds' if base.binding[1] else 'does not bind'} and {second}'s share "
            f"is {float(base.x[1]):.3f}: the faster format is worth "
            f"{float(base.forum_value[1]):+.3f} to it against the forum alone, and as much "
            f"to {first}'s loss.",
            "The format chosen for speed decides the outcome in the format chosen for "
            "legitimacy whenever what it secures beats waiting: the forum then only ratifies.",
        ],
        assumptions=[
            f"{second}'s outside option and the common patience are ranges, not estimates; "
            "the surplus is normalised to one",
        ],
        data={
            "bargains": [
                {
                    "option": option,
                    "shares": list(b.x),
                    "binding": list(b.binding),
                    "forum_value": list(b.forum_value),
                    "inside_shares": list(b.inside_shares),
                }
                for option, b in bargains
            ],
            "threshold": inside,
        },
    )


@register("nagorno-karabakh")
def report(results: dict) -> Report:
    """The Nagorno-Karabakh report: every number comes from ``results``."""
    clubs = results["clubs"]
    facts = Section(
        "Three formats for one conflict (dated facts)",
        ["format", "members", "decision rule", "record"],
        [
            [
                clubs[0]["format"],
                ", ".join(clubs[0]["members"]),
                "agreement of the three",
                f"signed {TRILATERAL_DATE}; {TRILATERAL_EFFECT}",
            ],
            [
                clubs[1]["format"],
                ", ".join(clubs[1]["members"]),
                "consensus of its members",
                f"mediating since {MINSK_GROUP_SINCE}",
            ],
            [
                clubs[2]["format"],
                f"{len(clubs[2]['members'])} participating states",
                OSCE_RULE,
                "mandates the Minsk Group",
            ],
        ],
        ["Memberships from osce_participating_states_2020.csv (see its provenance file)."],
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "chance of acting": {c["format"]: float(c["efficiency"]) for c in clubs},
                "share of the OSCE": {c["format"]: float(c["coverage"]) for c in clubs},
            },
            log=True,
            title="Nagorno-Karabakh 2020: speed against legitimacy",
            ylabel="probability or share",
        )

    return Report(
        "nagorno-karabakh",
        TITLE,
        SUMMARY,
        [facts, _format_section(results), _bargain_section(results)],
        references=REFERENCES,
        plot=plot,
    )
