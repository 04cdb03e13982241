"""Blocs: when members act as one, a multilateral forum becomes a bilateral one."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Blocs: seven against one in a consensus body (the G8)"
SUMMARY = (
    "In a body of eight that decides by consensus, what changes when seven members "
    "act as one bloc, and does a caucus gain power in the EU Council?"
)

G7 = ["United States", "Japan", "Germany", "France", "United Kingdom", "Italy", "Canada"]
V4 = ["Poland", "Czechia", "Slovakia", "Hungary"]


def _merged_eu_council(bloc: list[str], name: str):
    """The EU Council's qualified majority with ``bloc`` voting as one member (its state
    count and population added up)."""
    from ..datasets import eu_population
    from ..games.simple import CompoundGame, WeightedVotingGame

    population = eu_population(2020)
    members = [p for p in population if p not in bloc]
    players = [name] + members
    counts = [len(bloc)] + [1] * len(members)
    pops = [sum(population[p] for p in bloc)] + [population[p] for p in members]
    total = sum(pops)
    states = WeightedVotingGame(15, counts, players)
    people = WeightedVotingGame(-(-65 * total // 100), pops, players)
    clause = WeightedVotingGame(24, counts, players)
    return CompoundGame("or", [CompoundGame("and", [states, people]), clause])


REFERENCES = [
    "Owen, G. (1977). Values of games with a priori unions. In Henn and "
    "Moeschlin (eds), Essays in Mathematical Economics and Game Theory, 76-88.",
    "Aumann, R. J. and Dreze, J. H. (1974). International Journal of Game Theory 3, 217-237.",
]
OUTSIDER, CAUCUS = "Russia", "Visegrad four"
#: ASSUMPTION: what the G7 can achieve alone, as a share of what the G8 achieves together
#: (0: nothing without Russia; 1: Russia adds nothing), a range rather than an estimate.
OUTSIDE_OPTIONS = (0, Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(9, 10), 1)


def _with_outside_option(members: list[str], option):
    """Consensus with an outside option: the G8 is worth 1, the G7 alone ``option``."""
    from ..games.tu import TUGame

    g7 = set(G7)
    return TUGame.from_function(
        lambda s: 1 if len(s) == len(members) else (option if g7 <= s else 0), members
    )


def compute() -> dict:
    """Shapley and Owen values of the G8 by consensus (the G7 as a bloc), and the
    Shapley-Shubik power of the Visegrad four in the EU Council, separately and as one."""
    from ..datasets import eu_council
    from ..games.classes import unanimity_game
    from ..power import banzhaf_index, shapley_shubik_index
    from ..solutions import shapley_value
    from ..solutions.owen import owen_value

    members = G7 + [OUTSIDER]
    g8 = unanimity_game(members, members)
    return {
        "g7": G7,
        "shapley": shapley_value(g8),
        "owen": owen_value(g8, [G7, [OUTSIDER]]),
        "caucus": V4,
        "alone": shapley_shubik_index(eu_council(2020)),
        "merged": shapley_shubik_index(_merged_eu_council(V4, CAUCUS)),
        "alone_banzhaf": banzhaf_index(eu_council(2020)),
        "merged_banzhaf": banzhaf_index(_merged_eu_council(V4, CAUCUS)),
        "outside_options": [
            (
                option,
                shapley_value(_with_outside_option(members, option))[OUTSIDER],
                owen_value(_with_outside_option(members, option), [G7, [OUTSIDER]])[OUTSIDER],
            )
            for option in OUTSIDE_OPTIONS
        ],
    }


@register("blocs")
def report(results: dict) -> Report:
    """The blocs report: every number comes from ``results``."""
    phi, owen, g7 = results["shapley"], results["owen"], results["g7"]
    member, k = g7[1], len(g7)
    rows = [
        [OUTSIDER, phi[OUTSIDER], owen[OUTSIDER]],
        ["each G7 member", phi[member], owen[member]],
        ["the G7 together", k * phi[member], k * owen[member]],
    ]
    g8_section = Section(
        f"A consensus body of {len(phi.players)}: every member can block",
        ["member", "Shapley value (no blocs)", "Owen value (G7 as a bloc)"],
        rows,
        [
            "Under consensus every member is a veto player, and without blocs the Shapley value "
            f"gives each {phi[OUTSIDER]}.",
            "When the seven act as one (a priori union), the Owen value first shares between "
            "the two blocs, which are symmetric (each can block the other): "
            f"{owen[OUTSIDER]} each. Inside the G7 the half is split {k} ways, {owen[member]} "
            f"each. The lone member's share rises from {phi[OUTSIDER]} to {owen[OUTSIDER]}: "
            f"bloc behaviour turns a forum of {len(phi.players)} into a bilateral negotiation, "
            "with the outsider as the G7's equal.",
        ],
        assumptions=[
            "decisions by consensus, modelled as unanimity; the worth of agreement "
            "is normalised to one"
        ],
        data={"shapley": phi.to_dict(), "owen": owen.to_dict()},
    )

    options = results["outside_options"]
    # Russia's Owen share is linear in the option: it falls below the share of an equal
    # member of the consensus body (its Shapley value with no option) at one option value
    (g0, equal, o0), (g1, _, o1) = options[0], options[-1]
    crossing = g0 + (equal - o0) * (g1 - g0) / (o1 - o0) if o1 != o0 else None
    helps = all(o >= sh for _, sh, o in options)
    outside = Section(
        "The G7's outside option: where 'seven against one' hurts the one",
        [
            "what the G7 achieves alone",
            f"{OUTSIDER}: Shapley (no blocs)",
            f"{OUTSIDER}: Owen (G7 as a bloc)",
        ],
        [[g, sh, o] for g, sh, o in options],
        [
            f"If the G7 can act without {OUTSIDER} (an outside option worth a share of the G8's "
            f"joint result), {OUTSIDER}'s Owen share falls from {options[0][2]} (no option) to "
            f"{options[-1][2]} (the G7 needs nobody).",
            (
                f"At every option in the table the bloc itself helps {OUTSIDER} (its Owen share "
                "is at least its Shapley share); what hurts it is the G7's option."
                if helps
                else f"At some options the bloc itself hurts {OUTSIDER}."
            ),
            (
                f"{OUTSIDER} falls below the {equal} of an equal member of the consensus body "
                f"once the G7's option exceeds {crossing} of the joint result: the paper's "
                "'seven against one' disadvantage holds where the seven can do well alone."
            )
            if crossing is not None
            else "The outsider's share does not depend on the G7's option.",
        ],
        assumptions=[
            "the G7's outside option is a range of values, not an estimate: "
            f"{', '.join(str(g) for g in OUTSIDE_OPTIONS)} of the G8's joint result"
        ],
        data={"outside_options": [[g, sh, o] for g, sh, o in options], "crossing": crossing},
    )

    alone, merged, v4 = results["alone"], results["merged"], results["caucus"]
    alone_bz, merged_bz = results["alone_banzhaf"], results["merged_banzhaf"]
    separately = sum(alone[p] for p in v4)
    separately_bz = sum(alone_bz[p] for p in v4)
    caucus = Section(
        f"A caucus in the EU Council: the {CAUCUS} voting as one",
        ["who", "Shapley-Shubik (QMV)", "Banzhaf, normalised (QMV)"],
        [
            *[[p, float(alone[p]), float(alone_bz[p])] for p in v4],
            [f"the {len(v4)}, voting separately (sum)", float(separately), float(separately_bz)],
            [f"the {len(v4)} as one caucus", float(merged[CAUCUS]), float(merged_bz[CAUCUS])],
        ],
        [
            f"Merging {len(v4)} votes into one bloc (their states and populations added up) "
            f"changes their combined Shapley-Shubik power from {float(separately):.4f} to "
            f"{float(merged[CAUCUS]):.4f} ({float(merged[CAUCUS] / separately - 1):+.0%}), and "
            f"their normalised Banzhaf power from {float(separately_bz):.4f} to "
            f"{float(merged_bz[CAUCUS]):.4f} ({float(merged_bz[CAUCUS] / separately_bz - 1):+.0%}).",
            "A caucus gains when its joint weight makes it pivotal more often than its members "
            "would be one by one; the gain is shared inside the caucus by its own rules.",
        ],
        assumptions=["the caucus always votes together, and the rest vote independently"],
        data={
            "separately": separately,
            "caucus": merged[CAUCUS],
            "separately_banzhaf": separately_bz,
            "caucus_banzhaf": merged_bz[CAUCUS],
        },
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "Shapley value (no blocs)": {
                    OUTSIDER: phi[OUTSIDER],
                    "each G7 member": phi[member],
                },
                "Owen value (G7 as a bloc)": {
                    OUTSIDER: owen[OUTSIDER],
                    "each G7 member": owen[member],
                },
            },
            title=f"G8 by consensus: {k} against one",
        )

    return Report(
        "blocs", TITLE, SUMMARY, [g8_section, outside, caucus], references=REFERENCES, plot=plot
    )
