"""Blocs: when members act as one, a multilateral forum becomes a bilateral one."""

from __future__ import annotations

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "Blocs: seven against one in a consensus body (the G8)"
SUMMARY = ("In a body of eight that decides by consensus, what changes when seven members "
           "act as one bloc, and does a caucus gain power in the EU Council?")

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


@register("blocs", TITLE, SUMMARY)
def run() -> Report:
    from ..datasets import eu_council
    from ..games.classes import unanimity_game
    from ..power import shapley_shubik_index
    from ..solutions import shapley_value
    from ..solutions.owen import owen_value

    members = G7 + ["Russia"]
    g8 = unanimity_game(members, members)
    phi = shapley_value(g8)
    owen = owen_value(g8, [G7, ["Russia"]])
    rows = [["Russia", phi["Russia"], owen["Russia"]],
            ["each G7 member", phi["Japan"], owen["Japan"]],
            ["the G7 together", 7 * phi["Japan"], 7 * owen["Japan"]]]
    g8_section = Section(
        "A consensus body of eight: every member can block",
        ["member", "Shapley value (no blocs)", "Owen value (G7 as a bloc)"], rows,
        ["Under consensus every member is a veto player, and without blocs the Shapley value "
         "gives each 1/8.",
         "When the seven act as one (a priori union), the Owen value first shares between "
         "the two blocs, which are symmetric (each can block the other): 1/2 each. Inside "
         "the G7 the half is split seven ways, 1/14 each. The lone member's share rises "
         "from 1/8 to 1/2: bloc behaviour turns a forum of eight into a bilateral "
         "negotiation, with the outsider as the G7's equal."],
        assumptions=["decisions by consensus, modelled as unanimity; the worth of agreement "
                     "is normalised to 1"],
        data={"shapley": phi.to_dict(), "owen": owen.to_dict()})

    eu = eu_council(2020)
    alone = shapley_shubik_index(eu)
    merged = shapley_shubik_index(_merged_eu_council(V4, "Visegrad four"))
    separately = sum(alone[p] for p in V4)
    caucus = Section(
        "A caucus in the EU Council: the Visegrad four voting as one",
        ["who", "Shapley-Shubik (QMV)"],
        [*[[p, float(alone[p])] for p in V4],
         ["the four, voting separately (sum)", float(separately)],
         ["the four as one caucus", float(merged["Visegrad four"])]],
        ["Merging four votes into one bloc (their states and populations added up) changes "
         f"their combined Shapley-Shubik power from {float(separately):.4f} to "
         f"{float(merged['Visegrad four']):.4f}"
         f" ({float(merged['Visegrad four'] / separately - 1):+.0%}).",
         "A caucus gains when its joint weight makes it pivotal more often than its members "
         "would be one by one; the gain is shared inside the caucus by its own rules."],
        assumptions=["the four always vote together, and the rest vote independently"],
        data={"separately": separately, "caucus": merged["Visegrad four"]})

    def plot():
        from ..plot import power_index_bars
        return power_index_bars({"Shapley value (no blocs)": {"Russia": phi["Russia"],
                                                              "each G7 member": phi["Japan"]},
                                 "Owen value (G7 as a bloc)": {"Russia": owen["Russia"],
                                                               "each G7 member": owen["Japan"]}},
                                title="G8 by consensus: seven against one")

    return Report("blocs", TITLE, SUMMARY, [g8_section, caucus],
                  references=["Owen, G. (1977). Values of games with a priori unions. In Henn "
                              "and Moeschlin (eds), Essays in Mathematical Economics and Game "
                              "Theory, 76-88.",
                              "Aumann, R. J. and Dreze, J. H. (1974). International Journal "
                              "of Game Theory 3, 217-237."],
                  plot=plot)
