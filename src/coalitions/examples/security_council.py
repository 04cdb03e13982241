"""The UN Security Council: the veto, not the vote, is what counts."""

from __future__ import annotations

from fractions import Fraction

from ..games.classes import veto_council
from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report", "PERMANENT", "ELECTED_2020"]

# UN Charter Art. 23 and 27(3); elected members of 2020 (UN press release GA/12152)
PERMANENT = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
ELECTED_2020 = [
    "Belgium",
    "Dominican Republic",
    "Germany",
    "Indonesia",
    "South Africa",
    "Estonia",
    "Niger",
    "Saint Vincent and the Grenadines",
    "Tunisia",
    "Viet Nam",
]

TITLE = "The UN Security Council: power of permanent and elected members"
SUMMARY = (
    "Nine votes out of fifteen and no veto from the five permanent members: how much "
    "power does each seat hold, how often can the Council act, and what would "
    "enlargement change?"
)


def _council_game(permanent, elected, quota):
    from ..games.tu import TUGame

    veto = frozenset(permanent)
    return TUGame.from_function(
        lambda s: int(veto <= s and len(s) >= quota), list(permanent) + list(elected)
    )


#: Enlargement designs: label, vetoes, other seats, votes needed.
SCENARIOS = (
    ("today: 15 seats, 9 votes, 5 vetoes", 5, 10, 9),
    ("25 seats, 14 votes, 5 vetoes (new permanent seats without veto)", 5, 20, 14),
    ("25 seats, 14 votes, 11 vetoes (six new permanent seats with veto)", 11, 14, 14),
)
#: Votes needed for a substantive resolution (UN Charter Art. 27(3)).
VOTES_NEEDED = 9
REFERENCES = [
    "Shapley, L. S. and Shubik, M. (1954). APSR 48(3), 787-792.",
    "Banzhaf, J. F. (1965). Rutgers Law Review 19, 317-343.",
    "Coleman, J. S. (1971). Control of collectivities and the power of a collectivity "
    "to act. In Lieberman (ed.), Social Choice.",
    "UN Charter, Art. 23 and 27(3).",
    "Felsenthal, D. S. and Machover, M. (1997). Ternary voting games. IJGT 26(3), 335-351.",
    "ICJ (1971). Legal Consequences for States of the Continued Presence of South Africa "
    "in Namibia, Advisory Opinion, I.C.J. Reports 1971, p. 16.",
]


#: ASSUMPTION of the binary model, against the Council's practice (a dated fact, not a result).
ABSTENTION = (
    "outside the abstention section, votes are yes or no: the binary model counts an "
    "abstention as a no, so a permanent member's abstention blocks there; in the Council's "
    "practice since 1946 it does not (ICJ advisory opinion on Namibia, 1971, para. 22), and "
    "the abstention section measures how much that changes"
)


def compute() -> dict:
    """Values and power to act of the Council of 2020, the same threshold without the veto,
    and the enlargement designs of :data:`SCENARIOS`."""
    from ..power import banzhaf_index, coleman_power_to_act, shapley_shubik_index
    from ..solutions import banzhaf_value, shapley_value

    game = _council_game(PERMANENT, ELECTED_2020, VOTES_NEEDED)
    n = game.n_players
    no_veto = _council_game([], PERMANENT + ELECTED_2020, VOTES_NEEDED)
    designs = []
    for label, v, m, k in SCENARIOS:
        council = veto_council(v, m, k)
        designs.append(
            {
                "label": label,
                "shapley_shubik": shapley_shubik_index(council),
                "banzhaf": banzhaf_index(council),
                "power_to_act": coleman_power_to_act(council).value,
            }
        )
    absolute = banzhaf_value(game)
    return {
        **_abstention_results(),
        "game": game,
        "shapley": shapley_value(game),
        "banzhaf": banzhaf_value(game, normalized=True),
        "absolute": absolute,
        "winning": int(sum(game.values)),
        "coalitions": 2**n,
        "winning_without_veto": int(sum(no_veto.values)),
        "swings": {p: int(absolute[p] * 2 ** (n - 1)) for p in game.players},
        "permanent": PERMANENT,
        "elected": ELECTED_2020,
        "designs": designs,
    }


def _abstention_results() -> dict:
    """The Council under its real rule (a permanent member's abstention does not block)
    beside the binary model of the same Council (abstention counted as a no)."""
    from ..datasets import un_security_council
    from ..power.indices import power_indices
    from ..power.ternary import ternary_power_table

    ternary = un_security_council(abstention=True)
    binary = power_indices(un_security_council(), ["shapley-shubik", "banzhaf", "banzhaf-absolute"])
    real = ternary_power_table(ternary)
    return {
        "abstention": {
            "players": ternary.players,
            "binary": binary,
            "ternary": real,
        }
    }


def _abstention_section(results: dict) -> Section:
    """How much the abstention rule changes the power of a seat."""
    binary, real = results["binary"], results["ternary"]
    players = list(results["players"])
    p, e = PERMANENT[-1], ELECTED_2020[2]
    measures = (
        ("Shapley-Shubik", "shapley-shubik"),
        ("Banzhaf (normalised)", "banzhaf"),
        ("Banzhaf (absolute)", "banzhaf-absolute"),
    )

    def value(table, column, member):
        return table.indices[column][players.index(member)]

    rows = [
        [
            f"{label}: {seat}",
            value(binary, column, member),
            value(real, column, member),
            float(value(real, column, member) / value(binary, column, member)),
        ]
        for label, column in measures
        for seat, member in (("a permanent member", p), ("an elected member", e))
    ]
    elected_ss = rows[1][3]
    elected_share = len(ELECTED_2020) * value(real, "shapley-shubik", e)
    binary_share = len(ELECTED_2020) * value(binary, "shapley-shubik", e)
    return Section(
        "Abstention: the real rule against the binary model",
        ["measure: seat", "binary model (abstain = no)", "real rule (abstention)", "ratio"],
        rows,
        [
            "Under the real rule a resolution needs nine yes votes and no permanent member "
            "voting no; a permanent member's abstention does not block (practice since 1946, "
            "ICJ advisory opinion on Namibia, 1971). Each member votes yes, abstains or votes "
            "no with equal chance (Felsenthal and Machover's ternary model).",
            f"The abstention rule multiplies an elected member's Shapley-Shubik index by "
            f"{elected_ss:.1f}: the {len(ELECTED_2020)} elected members together hold "
            f"{float(elected_share):.1%} of the Shapley-Shubik power instead of "
            f"{float(binary_share):.1%}: a permanent member can stand aside without sinking "
            "the resolution, so more roll calls are decided by the elected members' votes.",
            f"The Council passes {float(real.power_to_act):.2%} of the equally likely "
            f"yes/abstain/no profiles, against {float(binary.power_to_act):.2%} of the yes/no "
            "profiles of the binary model; the two are not alike, since a random member votes "
            "yes less often when it has three choices.",
        ],
        assumptions=[
            "a priori: every one of the three votes is equally likely for every member, "
            "independently (no alliances, no habits of abstaining)"
        ],
        data={
            "binary": {k: value(binary, k, e) for _, k in measures},
            "ternary": {k: value(real, k, e) for _, k in measures},
            "ternary_permanent": {k: value(real, k, p) for _, k in measures},
            "power_to_act": {"binary": binary.power_to_act, "ternary": real.power_to_act},
        },
    )


def _enlargement_section(designs: list) -> Section:
    today = designs[0]["power_to_act"]
    rows = [
        [
            d["label"],
            float(d["shapley_shubik"]["V1"]),
            float(d["shapley_shubik"]["S1"]),
            float(d["banzhaf"]["V1"]),
            float(d["banzhaf"]["S1"]),
            d["power_to_act"],
            float(today / d["power_to_act"]),
        ]
        for d in designs
    ]
    return Section(
        "Enlargement scenarios: how the power to act falls",
        [
            "design",
            "Shapley-Shubik: a veto holder",
            "Shapley-Shubik: another seat",
            "Banzhaf: a veto holder",
            "Banzhaf: another seat",
            "power to act A",
            "today's A / this A",
        ],
        rows,
        [
            "A permanent seat without a veto carries exactly the a priori power of an elected "
            "seat: in the second design the new permanent members sit among the 'other seats'.",
            f"Enlarging to the design '{designs[1]['label']}' leaves the Council about as able "
            f"to act (A = {float(rows[1][5]):.4f} against {float(rows[0][5]):.4f}); giving the "
            f"new permanent members a veto divides the power to act by {rows[2][6]:.0f}: every "
            "added veto is one more member that must be on board, and enlargement makes "
            "consensus harder.",
        ],
        assumptions=[
            "the seat numbers and quotas of the enlarged designs are illustrative; "
            "they are not the text of any reform proposal"
        ],
        data={
            d["label"]: {
                "shapley_shubik_veto": d["shapley_shubik"]["V1"],
                "shapley_shubik_other": d["shapley_shubik"]["S1"],
                "banzhaf_veto": d["banzhaf"]["V1"],
                "banzhaf_other": d["banzhaf"]["S1"],
                "power_to_act": d["power_to_act"],
            }
            for d in designs
        },
    )


@register("security-council")
def report(results: dict) -> Report:
    """The Security Council's report: every number comes from ``results``."""
    game, ss, bz, absolute = (results[k] for k in ("game", "shapley", "banzhaf", "absolute"))
    winning, total = results["winning"], results["coalitions"]
    act = Fraction(winning, total)
    swings = results["swings"]
    p, e = results["permanent"][-1], results["elected"][2]
    n_permanent, n_elected = len(results["permanent"]), len(results["elected"])
    rows = [
        [
            label,
            count * ss[member],
            count * bz[member],
            absolute[member] if single else None,
            Fraction(swings[member], winning) if single else None,
        ]
        for label, member, count, single in (
            ("a permanent member", p, 1, True),
            ("an elected member", e, 1, True),
            (f"the {n_permanent} permanent together", p, n_permanent, False),
            (f"the {n_elected} elected together", e, n_elected, False),
        )
    ]
    power = Section(
        "UN Security Council: a priori power of a seat (Shapley-Shubik, Banzhaf, Coleman)",
        [
            "seat",
            "Shapley-Shubik",
            "Banzhaf (normalised)",
            "Penrose-Banzhaf (absolute)",
            "power to prevent action",
        ],
        rows,
        [
            f"A permanent member holds {float(ss[p] / ss[e]):.0f} times the Shapley-Shubik "
            f"power of an elected member and {float(bz[p] / bz[e]):.1f} times its Banzhaf "
            "power. The veto, not the vote, is what counts.",
            "Power to prevent action (Coleman) is the share of winning coalitions a member can "
            f"turn into losing ones by leaving: {Fraction(swings[p], winning)} for every veto "
            "holder.",
            "The core of this game gives everything to the veto holders: elected members "
            "have no claim any coalition can enforce.",
        ],
        data={
            "shapley-shubik": ss.to_dict(),
            "banzhaf": bz.to_dict(),
            "penrose_banzhaf": absolute.to_dict(),
            "swings": swings,
        },
    )

    without_veto = results["winning_without_veto"]
    n = game.n_players
    act_rows = [
        [f"today: {VOTES_NEEDED} of {n}, permanent vetoes", winning, act],
        [f"{VOTES_NEEDED} of {n}, no veto", without_veto, Fraction(without_veto, total)],
        [f"unanimity of {n}", 1, Fraction(1, total)],
    ]
    acting = Section(
        "How often can the Council act? (Coleman's power of the collectivity to act)",
        ["rule", "winning coalitions", "power to act A"],
        act_rows,
        [
            f"Of the {total:,} ways the {n} members can vote, {winning:,} pass a resolution: "
            f"A = {act} = {float(act):.2%} of proposals drawn at random pass.",
            "Without the veto the same threshold would let "
            f"{float(act_rows[1][2]):.0%} pass: the veto is what makes the Council hard to move.",
        ],
        data={"winning": winning, "power_to_act": act},
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {"Shapley-Shubik": dict(ss), "Banzhaf (normalised)": dict(bz)},
            log=True,
            title="UN Security Council 2020: power per seat",
        )

    return Report(
        "security-council",
        TITLE,
        SUMMARY,
        [
            power,
            acting,
            _abstention_section(results["abstention"]),
            _enlargement_section(results["designs"]),
        ],
        assumptions=[ABSTENTION],
        references=REFERENCES,
        plot=plot,
    )
