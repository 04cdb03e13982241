"""Burden sharing: cost games, claims problems and the UN scale of assessments."""

from __future__ import annotations

from fractions import Fraction

from ..solutions.claims import capped_proportional_rule
from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

# ASSUMPTION: the United States' share of the scale's base before the ceiling (a round number
# close to its share of world GNI in 2015-2017; the real base also has debt-burden and
# low-income adjustments).
US_UNCAPPED_SHARE = Fraction(245, 10)

TITLE = "Burden sharing: who pays for what we do together?"
SUMMARY = (
    "A shared runway, a bankrupt estate and the UN budget: the Shapley value and the "
    "nucleolus of a cost game, claims rules, and a capped proportional scale."
)


#: Members drawn in the figure (the largest rates).
PLOTTED = 10
#: The ceiling of the UN scale 2019-2021 (percent of the budget).
CEILING = Fraction(22)
# ASSUMPTION (illustrative): runway length needed by four aircraft types, cost in millions
RUNWAY_COSTS = [8, 12, 20, 28]
AIRLINES = ["commuter", "regional", "narrow-body", "wide-body"]
CLAIMS = [100, 200, 300]
CREDITORS = ["wife 100", "wife 200", "wife 300"]
#: The Mishna's divisions (Ketubot 93a) of estates of 100, 200 and 300.
MISHNA = {100: [Fraction(100, 3)] * 3, 200: [50, 75, 75], 300: [50, 100, 150]}
REFERENCES = [
    "Littlechild, S. C. and Owen, G. (1973). Management Science 20(3), 370-372.",
    "Littlechild, S. C. (1974). International Journal of Game Theory 3, 21-29.",
    "O'Neill, B. (1982). Mathematical Social Sciences 2(4), 345-371.",
    "Thomson, W. (2003). Mathematical Social Sciences 45(3), 249-297.",
    "Aumann, R. J. and Maschler, M. (1985). Journal of Economic Theory 36(2), 195-213.",
    "UN General Assembly resolution A/RES/73/271 (2018): scale of assessments 2019-2021.",
]


def _un_scale(us_base=US_UNCAPPED_SHARE) -> dict:
    from ..datasets import un_scale_2019_2021

    scale = un_scale_2019_2021()
    names = [name for name, _ in scale] + ["all other members"]
    rates = [rate for _, rate in scale]
    rates.append(100 - sum(rates, Fraction(0)))
    # bases: the United States at its assumed uncapped share; the others in proportion to
    # their published rates, scaled so that the bases add up to 100
    others = 100 - us_base
    bases = [us_base] + [r * others / (100 - rates[0]) for r in rates[1:]]
    caps = [CEILING] + [Fraction(100)] * (len(rates) - 1)
    return {
        "names": names,
        "rates": rates,
        "bases": bases,
        "modelled": list(capped_proportional_rule(100, bases, caps).x),
        "ceiling": CEILING,
        "uncapped_share": us_base,
    }


#: ASSUMPTION: the plausible range of the United States' uncapped share (percent).
US_BASE_RANGE = (23, 26)


def _assumption_ranges() -> list:
    from ..analysis import Assumption

    return [
        Assumption(
            "us_base",
            float(US_UNCAPPED_SHARE),
            *US_BASE_RANGE,
            description="the United States' share of the base before the ceiling (percent)",
            source="a judgement near its share of world GNI in 2015-2017; the range too",
        )
    ]


def _outcomes(us_base: float) -> dict:
    """The ceiling's effect for an assumed US base: the points moved onto the others, and how
    much more each of them pays."""
    un = _un_scale(Fraction(us_base).limit_denominator(10**6))
    return {
        "points moved onto the others": float(un["uncapped_share"] - un["ceiling"]),
        "others pay more (%)": float(
            100 * ((100 - un["rates"][0]) / (100 - un["uncapped_share"]) - 1)
        ),
        "ceiling binds": bool(un["uncapped_share"] > un["ceiling"]),
    }


def compute() -> dict:
    """The airport game (Shapley, Littlechild-Owen, nucleolus), the Talmud's estates under
    six rules, and the UN scale as a capped proportional rule."""
    from ..games.classes import airport_game, bankruptcy_game, cost_to_savings
    from ..solutions import (
        constrained_equal_awards,
        constrained_equal_losses,
        is_in_core,
        nucleolus,
        proportional_rule,
        shapley_value,
        talmud_rule,
    )

    airport = airport_game(RUNWAY_COSTS, AIRLINES)
    phi = shapley_value(airport)
    closed_form, paid = [], Fraction(0)
    for i, cost in enumerate(RUNWAY_COSTS):  # Littlechild-Owen: each stretch shared
        paid += Fraction(cost - (RUNWAY_COSTS[i - 1] if i else 0), len(RUNWAY_COSTS) - i)
        closed_form.append(paid)
    savings = cost_to_savings(airport)
    saved = nucleolus(savings)
    estates = []
    for estate in MISHNA:
        game = bankruptcy_game(estate, CLAIMS, CREDITORS)
        estates.append(
            {
                "estate": estate,
                "rules": [
                    ("random arrival (Shapley value)", list(shapley_value(game).x)),
                    ("proportional", list(proportional_rule(estate, CLAIMS, CREDITORS).x)),
                    (
                        "constrained equal awards",
                        list(constrained_equal_awards(estate, CLAIMS, CREDITORS).x),
                    ),
                    (
                        "constrained equal losses",
                        list(constrained_equal_losses(estate, CLAIMS, CREDITORS).x),
                    ),
                    ("Talmud rule", list(talmud_rule(estate, CLAIMS, CREDITORS).x)),
                    ("nucleolus of the game", list(nucleolus(game).x)),
                ],
            }
        )
    return {
        "costs": RUNWAY_COSTS,
        "airlines": AIRLINES,
        "shapley": phi,
        "closed_form": closed_form,
        "nucleolus_cost": [c - saved[a] for a, c in zip(AIRLINES, RUNWAY_COSTS)],
        "shapley_in_core": is_in_core(
            savings, [c - phi[a] for a, c in zip(AIRLINES, RUNWAY_COSTS)]
        ),
        "claims": CLAIMS,
        "mishna": MISHNA,
        "estates": estates,
        "un_scale": _un_scale(),
    }


def _un_scale_section(un: dict) -> tuple[Section, dict, dict]:
    names, rates, bases = un["names"], un["rates"], un["bases"]
    ceiling, uncapped = un["ceiling"], un["uncapped_share"]
    rows = [
        [name, round(float(rate), 3), round(float(base), 3), round(float(rate - base), 3)]
        for name, rate, base in zip(names, rates, bases)
    ]
    factor = (100 - rates[0]) / (100 - uncapped)
    section = Section(
        f"The UN regular budget 2019-2021: a capped proportional scale (ceiling "
        f"{float(ceiling):g} %)",
        [
            "member",
            "published rate %",
            "rate without the ceiling % (model)",
            "change due to the ceiling (points)",
        ],
        rows,
        [
            "The scale is modelled as a capped proportional rule r_i = min(cap_i, lam * base_i), "
            "lam set so that the rates add up to the whole budget: the United States pays the "
            f"{float(ceiling):g} % ceiling and the excess above it is spread over everyone else "
            "in proportion to their bases. The model is calibrated to the published rates (the "
            "others' bases are read off them), so it matches them by construction: "
            f"{'yes' if un['modelled'] == rates else 'NO'}; a check of the arithmetic, not "
            "evidence for the model.",
            f"The ceiling moves {float(uncapped - ceiling):.1f} points of the budget onto the "
            f"other members: each pays {float(factor - 1):.1%} more than without it "
            f"({names[1]} +{float(rows[1][3]):.2f} points, {names[2]} "
            f"+{float(rows[2][3]):.2f}).",
        ],
        assumptions=[
            f"the United States' share of the base before the ceiling is "
            f"{float(uncapped)} % (a round number near its share of world GNI); the "
            "real scale starts from GNI with debt-burden and low per-capita income "
            "adjustments, which this model does not reproduce"
        ],
        data={"published": dict(zip(names, rates)), "uncapped": dict(zip(names, bases))},
    )
    return (
        section,
        dict(zip(names[:PLOTTED], rates[:PLOTTED])),
        dict(zip(names[:PLOTTED], bases[:PLOTTED])),
    )


@register("burden-sharing")
def report(results: dict) -> Report:
    """The burden-sharing report: every number comes from ``results``."""
    costs, airlines, phi = results["costs"], results["airlines"], results["shapley"]
    nucleolus_cost, in_core = results["nucleolus_cost"], results["shapley_in_core"]
    first, last = costs[0], costs[-1] - costs[-2]
    runway = Section(
        "A shared runway (airport cost game, c(S) = the longest runway S needs)",
        [
            "user",
            "stand-alone cost",
            "Shapley share",
            "Littlechild-Owen formula",
            "nucleolus share",
        ],
        [
            [a, c, phi[a], f, nc]
            for a, c, f, nc in zip(airlines, costs, results["closed_form"], nucleolus_cost)
        ],
        [
            "Each stretch of runway is shared equally by the users who need it: the "
            f"{airlines[0]} pays {Fraction(1, len(costs))} of the first {first}, the {airlines[-1]} pays "
            f"all of the last {last} alone. The Shapley value of the cost game is exactly this "
            "rule (Littlechild and Owen 1973), and it lies in the core: no group pays more "
            f"than its own runway would cost (checked: {'yes' if in_core else 'no'}).",
            "The nucleolus (computed on the savings game s(S) = sum of stand-alone costs - "
            "c(S)) makes the worst-treated group as well off as possible instead: here the "
            f"two smallest users pay {nucleolus_cost[0]} each and the {airlines[-1]} "
            f"{nucleolus_cost[-1]}, less than its Shapley share. Both divisions are in the "
            "core; they answer different questions (a fair share of each stretch of runway, or "
            "the most stable division; Littlechild 1974).",
        ],
        assumptions=[f"the runway costs {', '.join(map(str, costs))} are illustrative"],
        data={
            "shapley": phi.to_dict(),
            "nucleolus_cost": dict(zip(airlines, nucleolus_cost)),
            "shapley_in_core": in_core,
        },
    )

    mishna, claims = results["mishna"], results["claims"]
    estate_rows = [[e["estate"], label, *x] for e in results["estates"] for label, x in e["rules"]]
    agree = all(
        dict(e["rules"])["nucleolus of the game"]
        == dict(e["rules"])["Talmud rule"]
        == [Fraction(v) for v in mishna[e["estate"]]]
        for e in results["estates"]
    )
    divisions = ", ".join(
        f"{Fraction(split[0]) / estate} each"
        if len(set(split)) == 1
        else "/".join(str(v) for v in split)
        for estate, split in mishna.items()
    )
    estate = Section(
        f"A bankrupt estate: claims {', '.join(map(str, claims))} (the Talmud's marriage "
        "contract problem)",
        ["estate", "rule", *[f"claim {c}" for c in claims]],
        estate_rows,
        [
            f"The Mishna (Ketubot 93a) divides estates of {', '.join(map(str, mishna))} as "
            f"{divisions}: not proportionally, not equally.",
            "Aumann and Maschler (1985) showed that these divisions are the nucleolus of the "
            "bankruptcy game v(S) = max(0, E - claims outside S), and the Talmud rule (equal "
            "awards on half-claims up to half the total claim, equal losses beyond) gives "
            "them for any estate. "
            f"Computed here: nucleolus = Talmud rule = the Mishna's numbers: "
            f"{'yes' if agree else 'NO'}.",
            "The Shapley value of the same game is the random-arrival rule: creditors arrive "
            "in random order and are paid in full while the estate lasts.",
        ],
        data={"rows": estate_rows, "nucleolus_equals_talmud": agree},
    )

    un_scale, published, uncapped = _un_scale_section(results["un_scale"])
    ceiling = float(results["un_scale"]["ceiling"])

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                f"published rate ({ceiling:g} % ceiling)": published,
                "without the ceiling (model)": uncapped,
            },
            title=f"UN regular budget 2019-2021: the {len(published)} largest rates",
            ylabel="share of the budget (%)",
        )

    return Report(
        "burden-sharing",
        TITLE,
        SUMMARY,
        [runway, estate, un_scale],
        references=REFERENCES,
        plot=plot,
    )
