"""Burden sharing: cost games, claims problems and the UN scale of assessments."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path
from typing import Any, Sequence

from ..exceptions import InvalidProblemError
from ._registry import register
from ._report import Report, Section

__all__ = ["run", "capped_proportional", "un_scale_2019_2021"]

DATA = Path(__file__).resolve().parent.parent / "datasets"
# ASSUMPTION: the United States' share of the scale's base before the ceiling (a round number
# close to its share of world GNI in 2015-2017; the real base also has debt-burden and
# low-income adjustments).
US_UNCAPPED_SHARE = Fraction(245, 10)

TITLE = "Burden sharing: who pays for what we do together?"
SUMMARY = ("A shared runway, a bankrupt estate and the UN budget: the Shapley value and the "
           "nucleolus of a cost game, claims rules, and a capped proportional scale.")


def capped_proportional(total: Any, bases: Sequence[Any], caps: Sequence[Any]) -> list[Any]:
    """Shares ``r_i = min(cap_i, lam * base_i)`` with ``lam`` chosen so that they add up to
    ``total``: members above their cap pay the cap and the excess is spread over the others
    in proportion to their bases (the UN scale's ceiling, modelled as in MODELS.md 10).

    Exact with integers or Fractions.

    >>> capped_proportional(100, [50, 30, 20], [40, 100, 100])
    [Fraction(40, 1), Fraction(36, 1), Fraction(24, 1)]
    """
    if len(bases) != len(caps):
        raise InvalidProblemError(f"{len(bases)} bases but {len(caps)} caps")
    if sum(caps) < total:
        raise InvalidProblemError(f"the caps add up to {sum(caps)}, less than the total "
                                  f"{total}: no scale can respect them")
    if any(b < 0 for b in bases) or sum(bases) <= 0:
        raise InvalidProblemError("bases must be non-negative with a positive sum")
    exact = all(isinstance(v, (int, Fraction)) for v in [total, *bases, *caps])
    num = Fraction if exact else float
    capped: set[int] = set()
    while True:
        free = [i for i in range(len(bases)) if i not in capped]
        remaining = num(total) - sum(num(caps[i]) for i in capped)
        lam = remaining / sum(num(bases[i]) for i in free)
        over = [i for i in free if lam * num(bases[i]) > num(caps[i])]
        if not over:
            return [num(caps[i]) if i in capped else lam * num(bases[i])
                    for i in range(len(bases))]
        capped.update(over)


def un_scale_2019_2021() -> list[tuple[str, Fraction]]:
    """The 20 largest rates (percent) of the UN regular-budget scale 2019-2021
    (A/RES/73/271), exact, in rank order; provenance in
    ``datasets/un_scale_of_assessments_2019_2021_top.md``.

    >>> un_scale_2019_2021()[0]
    ('United States', Fraction(22, 1))
    """
    with open(DATA / "un_scale_of_assessments_2019_2021_top.csv", newline="",
              encoding="utf-8") as handle:
        return [(row["member_state"], Fraction(row["rate_pct"]))
                for row in csv.DictReader(handle)]


def _un_scale_section() -> tuple[Section, dict, dict]:
    scale = un_scale_2019_2021()
    names = [name for name, _ in scale] + ["all other members"]
    rates = [rate for _, rate in scale]
    rates.append(100 - sum(rates))
    # bases: the United States at its assumed uncapped share; the others in proportion to
    # their published rates, scaled so that the bases add up to 100
    others = 100 - US_UNCAPPED_SHARE
    bases = [US_UNCAPPED_SHARE] + [r * others / (100 - rates[0]) for r in rates[1:]]
    caps = [Fraction(22)] + [Fraction(100)] * (len(rates) - 1)
    modelled = capped_proportional(100, bases, caps)
    assert modelled == rates, "the capped proportional model must reproduce the scale"
    rows = [[name, round(float(rate), 3), round(float(base), 3), round(float(rate - base), 3)]
            for name, rate, base in zip(names, rates, bases)]
    factor = (100 - rates[0]) / others
    section = Section(
        "The UN regular budget 2019-2021: a capped proportional scale (ceiling 22 %)",
        ["member", "published rate %", "rate without the ceiling % (model)",
         "change due to the ceiling (points)"], rows,
        ["The scale is modelled as a capped proportional rule r_i = min(cap_i, lam * base_i), "
         "lam set so that the rates add up to 100: the United States pays the 22 % ceiling "
         "and the excess above it is spread over everyone else in proportion to their bases. "
         "The model reproduces the published rates exactly.",
         f"The ceiling moves {float(US_UNCAPPED_SHARE - 22):.1f} points of the budget onto the "
         f"other members: each pays {float(factor - 1):.1%} more than without it (China "
         f"+{float(rows[1][3]):.2f} points, Japan +{float(rows[2][3]):.2f})."],
        assumptions=[f"the United States' share of the base before the ceiling is "
                     f"{float(US_UNCAPPED_SHARE)} % (a round number near its share of world "
                     "GNI); the real scale starts from GNI with debt-burden and low per-capita "
                     "income adjustments, which this model does not reproduce"],
        data={"published": dict(zip(names, rates)), "uncapped": dict(zip(names, bases))})
    return section, dict(zip(names[:10], rates[:10])), dict(zip(names[:10], bases[:10]))


@register("burden-sharing", TITLE, SUMMARY)
def run() -> Report:
    from ..games.classes import airport_game, bankruptcy_game, cost_to_savings
    from ..solutions import (constrained_equal_awards, constrained_equal_losses, is_in_core,
                             nucleolus, proportional_rule, shapley_value, talmud_rule)

    # ASSUMPTION (illustrative): runway length needed by four aircraft types, cost in millions
    costs = [8, 12, 20, 28]
    airlines = ["commuter", "regional", "narrow-body", "wide-body"]
    airport = airport_game(costs, airlines)
    phi = shapley_value(airport)
    closed_form, paid = [], Fraction(0)
    for i in range(len(costs)):
        step = Fraction(costs[i] - (costs[i - 1] if i else 0), len(costs) - i)
        paid += step
        closed_form.append(paid)
    savings = cost_to_savings(airport)
    saved = nucleolus(savings)
    nucleolus_cost = [c - saved[a] for a, c in zip(airlines, costs)]
    shapley_saving = [c - phi[a] for a, c in zip(airlines, costs)]
    in_core = is_in_core(savings, shapley_saving)
    runway = Section(
        "A shared runway (airport cost game, c(S) = the longest runway S needs)",
        ["user", "stand-alone cost", "Shapley share", "Littlechild-Owen formula",
         "nucleolus share"],
        [[a, c, phi[a], f, nc] for a, c, f, nc in zip(airlines, costs, closed_form,
                                                      nucleolus_cost)],
        ["Each stretch of runway is shared equally by the users who need it: the commuter "
         "pays a quarter of the first 8, the wide-body pays all of the last 8 alone. The "
         "Shapley value of the cost game is exactly this rule (Littlechild and Owen 1973), "
         "and it lies in the core: no group pays more than its own runway would cost "
         f"(checked: {'yes' if in_core else 'no'}).",
         "The nucleolus (computed on the savings game s(S) = sum of stand-alone costs - "
         "c(S)) makes the worst-treated group as well off as possible instead: here the "
         f"two smallest users pay {nucleolus_cost[0]} each and the wide-body "
         f"{nucleolus_cost[3]}, less than its Shapley share. Both divisions are in the core; "
         "they answer different questions (a fair share of each stretch of runway, or the "
         "most stable division; Littlechild 1974)."],
        assumptions=["the runway costs 8, 12, 20, 28 are illustrative"],
        data={"shapley": phi.to_dict(), "nucleolus_cost": dict(zip(airlines, nucleolus_cost)),
              "shapley_in_core": in_core})

    claims = [100, 200, 300]
    names = ["wife 100", "wife 200", "wife 300"]
    talmud_text = {100: [Fraction(100, 3)] * 3, 200: [50, 75, 75], 300: [50, 100, 150]}
    rules = [("random arrival (Shapley value)", None), ("proportional", proportional_rule),
             ("constrained equal awards", constrained_equal_awards),
             ("constrained equal losses", constrained_equal_losses),
             ("Talmud rule", talmud_rule), ("nucleolus of the game", None)]
    estate_rows, agree = [], True
    for estate in (100, 200, 300):
        game = bankruptcy_game(estate, claims, names)
        for label, rule in rules:
            if rule is not None:
                x = list(rule(estate, claims, names).x)
            elif label.startswith("random"):
                x = list(shapley_value(game).x)
            else:
                x = list(nucleolus(game).x)
                agree = agree and x == list(talmud_rule(estate, claims, names).x) == [
                    Fraction(v) for v in talmud_text[estate]]
            estate_rows.append([estate, label, *x])
    estate = Section(
        "A bankrupt estate: claims 100, 200, 300 (the Talmud's marriage contract problem)",
        ["estate", "rule", "claim 100", "claim 200", "claim 300"], estate_rows,
        ["The Mishna (Ketubot 93a) divides estates of 100, 200 and 300 as 1/3 each, "
         "50/75/75 and 50/100/150: not proportionally, not equally.",
         "Aumann and Maschler (1985) showed that these divisions are the nucleolus of the "
         "bankruptcy game v(S) = max(0, E - claims outside S), and the Talmud rule (equal "
         "awards on half-claims up to half the total claim, equal losses beyond) gives "
         "them for any estate. "
         f"Computed here: nucleolus = Talmud rule = the Mishna's numbers: "
         f"{'yes' if agree else 'NO'}.",
         "The Shapley value of the same game is the random-arrival rule: creditors arrive "
         "in random order and are paid in full while the estate lasts."],
        data={"rows": estate_rows, "nucleolus_equals_talmud": agree})

    un_scale, published, uncapped = _un_scale_section()

    def plot():
        from ..plot import power_index_bars
        return power_index_bars({"published rate (22 % ceiling)": published,
                                 "without the ceiling (model)": uncapped},
                                title="UN regular budget 2019-2021: the ten largest rates",
                                ylabel="share of the budget (%)")

    return Report("burden-sharing", TITLE, SUMMARY, [runway, estate, un_scale],
                  references=["Littlechild, S. C. and Owen, G. (1973). Management Science "
                              "20(3), 370-372.",
                              "Littlechild, S. C. (1974). International Journal of Game Theory "
                              "3, 21-29.",
                              "O'Neill, B. (1982). Mathematical Social Sciences 2(4), 345-371.",
                              "Thomson, W. (2003). Mathematical Social Sciences 45(3), 249-297.",
                              "Aumann, R. J. and Maschler, M. (1985). Journal of Economic "
                              "Theory 36(2), 195-213.",
                              "UN General Assembly resolution A/RES/73/271 (2018): scale of "
                              "assessments 2019-2021."],
                  plot=plot)
