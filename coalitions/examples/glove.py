"""The glove game: a pair is worth 1, and the scarce side holds the power."""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]


@register("glove", "The glove game: scarcity is power",
          "One left glove, two right gloves: who gets what from a pair worth 1?")
def run() -> Report:
    from ..games.classes import glove_game
    from ..power.checks import veto_players
    from ..solutions import banzhaf_value, core_vertices, nucleolus, shapley_value

    game = glove_game(["L"], ["R1", "R2"])
    phi = shapley_value(game)
    beta = banzhaf_value(game, normalized=True)
    nu = nucleolus(game)
    core = core_vertices(game)
    rows = [[p, phi[p], beta[p], core[0][i], nu[p]] for i, p in enumerate(game.players)]
    values = Section(
        "Three players: L owns a left glove, R1 and R2 own right gloves",
        ["player", "Shapley value", "Banzhaf (normalised)", "core (the only point)",
         "nucleolus"], rows,
        [f"The Shapley value averages each player's marginal contribution over the 6 orders "
         f"of arrival: L adds the pair in 4 of them, so L gets 2/3 and each right glove 1/6.",
         f"{', '.join(veto_players(game))} is a veto player: no coalition without L is worth "
         "anything.",
         "The core (allocations no coalition can improve upon) is the single point (1, 0, 0): "
         "R1 and R2 compete each other down, so competitive pressure gives L the whole pair. "
         "The Shapley value is a fair-share compromise that lies outside the core; the "
         "nucleolus, which minimises the largest complaint of any coalition, always lies in "
         "a non-empty core, here at (1, 0, 0)."],
        data={"shapley": phi.to_dict(), "banzhaf_normalized": beta.to_dict(),
              "nucleolus": nu.to_dict(),
              "core_vertices": [list(v) for v in core]})

    market_rows = []
    for k in range(1, 6):
        market = glove_game([f"L{i}" for i in range(k)], [f"R{i}" for i in range(k + 1)])
        share = shapley_value(market)
        market_rows.append([f"{k} left, {k + 1} right", share["L0"], share["R0"],
                            Fraction(k, 1)])
    market = Section(
        "A growing market: k left gloves, k + 1 right gloves",
        ["market", "Shapley: a left owner", "Shapley: a right owner", "worth of the market"],
        market_rows,
        ["With one surplus right glove the core still gives every pair's worth to the left "
         "owners, whatever the size of the market (Shapley and Shubik 1969).",
         "The Shapley value does not follow: with a single surplus glove a left owner's "
         "share falls slowly as the market grows (2/3, 0.65, 0.64, ...), because in many "
         "orders of arrival a right owner still completes a pair. The core reacts to "
         "scarcity at the margin, the Shapley value to average contributions."],
        data={"rows": market_rows})

    def plot():
        from ..plot import imputation_simplex
        return imputation_simplex(game, points={"Shapley value": phi.x,
                                                "Banzhaf (normalised)": beta.x,
                                                "nucleolus": nu.x},
                                  title="Glove game: imputations, core (1, 0, 0), values")

    return Report("glove", "The glove game: scarcity is power",
                  "One left glove, two right gloves: who gets what from a pair worth 1?",
                  [values, market],
                  references=["Shapley, L. S. (1953). A value for n-person games.",
                              "Schmeidler, D. (1969). The nucleolus of a characteristic "
                              "function game. SIAM J. Appl. Math. 17(6), 1163-1170.",
                              "Shapley, L. S. and Shubik, M. (1969). On market games. "
                              "Journal of Economic Theory 1(1), 9-25."],
                  plot=plot)
