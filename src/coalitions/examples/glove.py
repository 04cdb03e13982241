"""The glove game: a pair is worth 1, and the scarce side holds the power.

``compute()`` calls the library and returns the results; ``report(results)`` lays them out.
"""

from __future__ import annotations

from math import factorial

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report", "TITLE", "SUMMARY"]

TITLE = "The glove game: scarcity is power"
SUMMARY = "One left glove, two right gloves: who gets what from a pair worth 1?"
REFERENCES = [
    "Shapley, L. S. (1953). A value for n-person games.",
    "Schmeidler, D. (1969). The nucleolus of a characteristic function game. SIAM "
    "J. Appl. Math. 17(6), 1163-1170.",
    "Shapley, L. S. and Shubik, M. (1969). On market games. Journal of Economic Theory 1(1), 9-25.",
]
#: Markets of k left and k + 1 right gloves, for k = 1 .. MARKETS.
MARKETS = 5


def compute() -> dict:
    """The glove game's values, core and veto players, and Shapley shares in growing
    markets with one surplus right glove."""
    from ..games.classes import glove_game
    from ..power.checks import veto_players
    from ..solutions import banzhaf_value, core_vertices, nucleolus, shapley_value

    game = glove_game(["L"], ["R1", "R2"])
    phi = shapley_value(game)
    markets = []
    for k in range(1, MARKETS + 1):
        market = glove_game([f"L{i}" for i in range(k)], [f"R{i}" for i in range(k + 1)])
        markets.append(
            {
                "left": k,
                "right": k + 1,
                "shapley": shapley_value(market),
                "worth": market.value(market.players),
            }
        )
    return {
        "game": game,
        "shapley": phi,
        "banzhaf": banzhaf_value(game, normalized=True),
        "nucleolus": nucleolus(game),
        "core": core_vertices(game),
        "veto": veto_players(game),
        "orders": factorial(game.n_players),
        # v is 0/1, so phi_L * n! counts the orders in which L completes the pair
        "pivotal_orders": int(phi["L"] * factorial(game.n_players)),
        "markets": markets,
    }


def _point(values) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


@register("glove")
def report(results: dict) -> Report:
    """The glove game's report: every number comes from ``results``."""
    game, phi, beta, nu = (results[k] for k in ("game", "shapley", "banzhaf", "nucleolus"))
    core = results["core"]
    scarce, right = game.players[0], game.players[-1]
    rows = [[p, phi[p], beta[p], core[0][i], nu[p]] for i, p in enumerate(game.players)]
    values = Section(
        f"{game.n_players} players: {scarce} owns a left glove, "
        f"{' and '.join(game.players[1:])} own right gloves",
        ["player", "Shapley value", "Banzhaf (normalised)", "core (the only point)", "nucleolus"],
        rows,
        [
            f"The Shapley value averages each player's marginal contribution over the "
            f"{results['orders']} orders of arrival: {scarce} adds the pair in "
            f"{results['pivotal_orders']} of them, so {scarce} gets {phi[scarce]} and each right "
            f"glove {phi[right]}.",
            f"{', '.join(results['veto'])} is a veto player: no coalition without {scarce} is "
            "worth anything.",
            f"The core (allocations no coalition can improve upon) is the single point "
            f"{_point(core[0])}: {' and '.join(game.players[1:])} compete each other down, so "
            f"competitive pressure gives {scarce} the whole pair. The Shapley value is a "
            "fair-share compromise that lies outside the core; the nucleolus, which minimises "
            "the largest complaint of any coalition, always lies in a non-empty core, here at "
            f"{_point(nu.x)}.",
        ],
        data={
            "shapley": phi.to_dict(),
            "banzhaf_normalized": beta.to_dict(),
            "nucleolus": nu.to_dict(),
            "core_vertices": [list(v) for v in core],
        },
    )

    markets = results["markets"]
    market_rows = [
        [
            f"{m['left']} left, {m['right']} right",
            m["shapley"]["L0"],
            m["shapley"]["R0"],
            m["worth"],
        ]
        for m in markets
    ]
    shares = ", ".join(f"{float(m['shapley']['L0']):.2g}" for m in markets[:3])
    market = Section(
        "A growing market: k left gloves, k + 1 right gloves",
        ["market", "Shapley: a left owner", "Shapley: a right owner", "worth of the market"],
        market_rows,
        [
            "With one surplus right glove the core still gives every pair's worth to the left "
            "owners, whatever the size of the market (Shapley and Shubik 1969).",
            "The Shapley value does not follow: with a single surplus glove a left owner's "
            f"share falls slowly as the market grows ({shares}, ...), because in many "
            "orders of arrival a right owner still completes a pair. The core reacts to "
            "scarcity at the margin, the Shapley value to average contributions.",
        ],
        data={"rows": market_rows},
    )

    def plot():
        from ..plot import imputation_simplex

        return imputation_simplex(
            game,
            points={"Shapley value": phi.x, "Banzhaf (normalised)": beta.x, "nucleolus": nu.x},
            title=f"Glove game: imputations, core {_point(core[0])}, values",
        )

    return Report("glove", TITLE, SUMMARY, [values, market], references=REFERENCES, plot=plot)
