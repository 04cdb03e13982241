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
REFERENCES = [
    "Barrett, S. (1994). Self-enforcing international environmental agreements. "
    "Oxford Economic Papers 46, 878-894.",
    "Carraro, C. and Siniscalco, D. (1993). Journal of Public Economics 52, 309-328.",
    "d'Aspremont, C., Jacquemin, A., Gabszewicz, J. J. and Weymark, J. A. (1983). "
    "Canadian Journal of Economics 16(1), 17-25.",
]


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
    }


@register("coalitions-of-the-willing", TITLE, SUMMARY, compute)
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
        [sizes, scale, second],
        references=REFERENCES,
        plot=plot,
    )
