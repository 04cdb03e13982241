"""Coalitions of the willing: how large can a self-enforcing climate club be?"""

from __future__ import annotations

from fractions import Fraction

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Coalitions of the willing: the stable size of a climate club"
SUMMARY = (
    "Countries choose whether to join an agreement to provide a global public good: "
    "which club sizes are self-enforcing, and how much of the gain do they capture?"
)


def _welfare(model, k):
    inside = model.signatory(k) * k if k else 0
    outside = model.nonsignatory(k) * (model.n - k) if k < model.n else 0
    return inside + outside


#: Countries of the main model, and the numbers of countries of the scale section.
COUNTRIES = 10
SCALES = (5, 10, 20, 50, 100, 193)
#: Marginal benefit of the public good and slope of the marginal cost.
BENEFIT, COST = 1, 1
#: ASSUMPTION: the second specification (Barrett 1994): saturation level of the concave
#: benefit, and the cost-benefit ratios c / b it is solved for (a range, not estimates).
SATURATION = 100
COST_RATIOS = (Fraction(1, 100), Fraction(1, 20), Fraction(1, 10), Fraction(1, 2), 1, 5, 20)
CONCAVE_ASSUMPTION = (
    f"benefit (b/n)(aQ - Q^2/2) with a = {SATURATION}, cost (c/2) q_i^2 with b = 1; "
    "signatories lead (Stackelberg) and non-signatories follow; the cost-benefit ratios are "
    "a range, not estimates"
)
#: The rules of coalition formation of the section with externalities (Yi 1997).
MEMBERSHIP_RULES = ("open-membership", "exclusive-membership", "coalition-unanimity")
REFERENCES = [
    "Barrett, S. (1994). Self-enforcing international environmental agreements. "
    "Oxford Economic Papers 46, 878-894.",
    "Carraro, C. and Siniscalco, D. (1993). Journal of Public Economics 52, 309-328.",
    "d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). "
    "Canadian Journal of Economics 16(1), 17-25.",
    "Yi, S.-S. (1997). Stable coalition structures with externalities. Games and Economic "
    "Behavior 20, 201-237.",
    "Bloch, F. (1996). Sequential formation of coalitions in games with externalities and "
    "fixed payoff division. Games and Economic Behavior 14, 90-123.",
    "Chander, P. and Tulkens, H. (1997). The core of an economy with multilateral "
    "environmental externalities. International Journal of Game Theory 26, 379-401.",
]


def _structure_welfare(game, sizes):
    """Total payoff of a partition of the given block sizes of a symmetric game."""
    return sum(game.type_worth(size, sizes) for size in sizes)


def _externalities(countries):
    """The same model as a partition-function game: every structure, not one club."""
    from ..formation import (
        chander_tulkens_allocation,
        gamma_core,
        sequential_formation,
        stable_partitions,
    )
    from ..games.partition_function import PartitionFunctionGame

    game = PartitionFunctionGame.climate(countries, b=BENEFIT, c=COST)
    alone = _structure_welfare(game, (1,) * countries)
    full = _structure_welfare(game, (countries,))

    def captured(sizes):
        return Fraction(_structure_welfare(game, sizes) - alone, full - alone)

    rules = []
    for rule in MEMBERSHIP_RULES:
        types = stable_partitions(game, rule=rule).types
        rules.append({"rule": rule, "types": types, "captured": [captured(t) for t in types]})
    sequential = sequential_formation(game)
    sizes = tuple(sorted(sequential.sizes, reverse=True))
    return {
        "game": game,
        "rules": rules,
        "sequential": sequential,
        "sequential_captured": captured(sizes),
        "gamma_core": gamma_core(game),
        "chander_tulkens": chander_tulkens_allocation(game),
        "alone": game.type_worth(1, (1,) * countries),
        "free_rider": game.type_worth(1, (countries - 1, 1)),
    }


def compute() -> dict:
    """Stability of every club size among :data:`COUNTRIES` countries, and the stable sizes
    and the share of the cooperation gain they capture for each number in :data:`SCALES`."""
    from ..formation import agreement_stability, barrett_model, linear_quadratic_model

    model = linear_quadratic_model(COUNTRIES, b=BENEFIT, c=COST)
    scales = []
    for size in SCALES:
        m = linear_quadratic_model(size, b=BENEFIT, c=COST)
        join = agreement_stability(m).stable_sizes
        k = max(join)
        scales.append(
            {
                "n": size,
                "join": join,
                "stay": agreement_stability(m, indifferent="stay").stable_sizes,
                "captured": Fraction(
                    _welfare(m, k) - _welfare(m, 0), _welfare(m, size) - _welfare(m, 0)
                ),
                "largest": k,
            }
        )
    return {
        "model": model,
        "b": BENEFIT,
        "c": COST,
        "result": agreement_stability(model),
        "scales": scales,
        "concave": [
            (
                ratio,
                agreement_stability(barrett_model(COUNTRIES, a=SATURATION, b=1, c=ratio)),
            )
            for ratio in COST_RATIOS
        ],
        "externalities": _externalities(COUNTRIES),
    }


@register("coalitions-of-the-willing")
def report(results: dict) -> Report:
    """The coalitions-of-the-willing report: every number comes from ``results``."""
    model, result = results["model"], results["result"]
    n = model.n
    stable = ", ".join(map(str, result.stable_sizes))
    rows = [
        [
            k,
            result.signatory_payoffs[k - 1],
            result.nonsignatory_payoffs[k - 1],
            result.internal[k - 1],
            result.external[k - 1],
            k in result.stable_sizes,
        ]
        for k in result.sizes
    ]
    b, c = results["b"], results["c"]
    sizes = Section(
        f"Payoffs by number of signatories k ({n} identical countries)",
        [
            "k",
            "signatory payoff",
            "non-signatory payoff",
            "nobody wants to leave",
            "nobody wants to join",
            "stable",
        ],
        rows,
        [
            "A club of size k is internally stable when a member would not gain by leaving "
            "(pi_s(k) >= pi_n(k-1)) and externally stable when an outsider would not gain by "
            "joining (pi_n(k) >= pi_s(k+1)).",
            f"Only k = {stable} passes both: beyond {max(result.stable_sizes)} members, each "
            "signatory does better by leaving and free-riding on the others' effort.",
        ],
        assumptions=[
            "linear-quadratic public-good model: pi_i = bQ minus half of c q_i^2, with "
            f"b = {b}, c = {c}, identical countries, signatories maximise their joint "
            "payoff",
            "an outsider who is indifferent joins",
        ],
        data=result.to_dict(),
    )

    scales = results["scales"]
    scale_rows = [
        [
            s["n"],
            ", ".join(map(str, s["join"])),
            ", ".join(map(str, s["stay"])),
            Fraction(s["largest"], s["n"]),
            s["captured"],
        ]
        for s in scales
    ]
    largest = sorted({s["largest"] for s in scales})
    scale = Section(
        "The stable club does not grow with the number of countries",
        [
            "countries n",
            "stable sizes",
            "stable sizes (indifferent stay out)",
            "share of countries in the club",
            "share of the full-cooperation gain captured",
        ],
        scale_rows,
        [
            f"Whatever the number of countries (from {scales[0]['n']} to {scales[-1]['n']}), "
            f"{' or '.join(map(str, largest))} signatories is the largest self-enforcing club "
            "(Barrett 1994): small clubs are stable, large ones are not.",
            "As n grows the stable club captures a vanishing share of what full cooperation "
            f"would gain ({float(scales[-1]['captured']):.2%} with {scales[-1]['n']} "
            "countries): coalitions of the willing are stable because they ask little.",
        ],
        data={"rows": scale_rows},
    )

    concave = results["concave"]
    concave_sizes = sorted({max(r.stable_sizes) for _, r in concave})
    full = [ratio for ratio, r in concave if n in r.stable_sizes]
    second = Section(
        "A second specification: concave benefits and leading signatories (Barrett 1994)",
        ["cost-benefit ratio c/b", "stable sizes", f"share of the {n} countries"],
        [
            [ratio, ", ".join(map(str, r.stable_sizes)), Fraction(max(r.stable_sizes), n)]
            for ratio, r in concave
        ],
        [
            f"With concave benefits and signatories that choose first, the stable club of "
            f"{n} countries has {', '.join(map(str, concave_sizes))} members as the "
            "cost-benefit ratio varies: the stable size of "
            f"{stable} above is a property of the linear specification, not a general law.",
            (
                f"Full participation ({n} of {n}) is self-enforcing at c/b = "
                f"{', '.join(str(ratio) for ratio in full)} only: the cheapest abatement in "
                "the table, where cooperation adds least (Barrett 1994's paradox)."
                if full and full == [concave[0][0]]
                else f"Full participation is self-enforcing at c/b = {full or 'no ratio'}."
            ),
        ],
        assumptions=[CONCAVE_ASSUMPTION],
        data={"concave": [[ratio, list(r.stable_sizes)] for ratio, r in concave]},
    )

    def plot():
        from ..plot import power_index_bars

        return power_index_bars(
            {
                "signatory payoff": {
                    f"k={k}": result.signatory_payoffs[k - 1] for k in result.sizes
                },
                "non-signatory payoff": {
                    f"k={k}": result.nonsignatory_payoffs[k - 1] for k in result.sizes[:-1]
                },
            },
            title=f"Payoffs by club size ({n} countries); stable size {stable}",
            ylabel="payoff",
        )

    return Report(
        "coalitions-of-the-willing",
        TITLE,
        SUMMARY,
        [sizes, scale, second, _externalities_section(results["externalities"], n)],
        references=REFERENCES,
        plot=plot,
    )


def _sizes_text(types):
    return "; ".join(" + ".join(map(str, t)) for t in types) or "none"


def _best(rule):
    """The stable structure of a rule that captures the largest share of the gain."""
    return max(zip(rule["types"], rule["captured"]), key=lambda pair: pair[1])


def _externalities_section(ext, n):
    """Yi's rules, Bloch's sequential game and the gamma-core of the same model."""
    rows = [
        [
            r["rule"],
            len(r["types"]),
            _sizes_text([_best(r)[0]]) if r["types"] else "none",
            _best(r)[1] if r["types"] else 0,
            max(max(t) for t in r["types"]) if r["types"] else 0,
        ]
        for r in ext["rules"]
    ]
    sequential = ext["sequential"]
    rows.append(
        [
            "sequential (Bloch)",
            1,
            " + ".join(map(str, sequential.sizes)),
            ext["sequential_captured"],
            max(sequential.sizes),
        ]
    )
    open_rule = ext["rules"][0]
    share = ext["chander_tulkens"].x[0]
    return Section(
        f"With externalities: every coalition structure of the {n} countries "
        "(a partition-function game)",
        [
            "rule of formation",
            "stable structures",
            "best stable structure (block sizes)",
            "its share of the full-cooperation gain",
            "largest stable coalition",
        ],
        rows,
        [
            "The one-club model lets a single coalition form against singletons. As a "
            "partition-function game the same payoffs value every structure: several clubs "
            "can form, and each gains when the others abate more (positive externalities).",
            f"Under open membership (anyone may join any club) the stable structures are "
            f"{_sizes_text(open_rule['types'])}: several small clubs, none larger than "
            f"{max(max(t) for t in open_rule['types'])} (Yi's open-membership game), capturing at most "
            f"{float(max(open_rule['captured'])):.1%} of the gain.",
            (
                "Under coalition unanimity a club dissolves when one member leaves, and that "
                "threat makes even the grand coalition stable."
                if (n,) in ext["rules"][2]["types"]
                else "Under coalition unanimity the grand coalition is not stable."
            ),
            f"In Bloch's sequential game the clubs form one after another as "
            f"{' + '.join(map(str, sequential.sizes))}: the first countries stay out and "
            "free-ride on the larger club that forms after them.",
            f"The grand coalition is in the gamma-core "
            f"({'not empty' if not ext['gamma_core'].is_empty else 'empty'}): with the "
            f"Chander-Tulkens transfers each country gets {float(share):.4g}, more than the "
            f"{float(ext['alone']):.4g} a deviator earns when the others answer by acting "
            f"alone; it is not more than the {float(ext['free_rider']):.4g} of a lone "
            "free-rider beside a club of all the others, so the gamma-core's answer rests on "
            "its assumption about the others' reaction.",
        ],
        assumptions=[
            "payoffs are shared equally inside each club (fixed payoff division); a "
            "deviating coalition expects the others to act as singletons (gamma-core)",
        ],
        data={
            "rules": [
                {"rule": r["rule"], "types": [list(t) for t in r["types"]]} for r in ext["rules"]
            ],
            "sequential": list(sequential.sizes),
            "chander_tulkens": ext["chander_tulkens"].to_dict()["x"],
        },
    )
