"""The lowest common denominator: what unanimity does to ambition, and what a setter can do."""

from __future__ import annotations

from ._registry import register
from ._report import Report, Section

__all__ = ["run"]

TITLE = "The lowest common denominator: ambition under unanimity, k of n and majority"
SUMMARY = ("Five members want different levels of ambition; nothing has been agreed. How far "
           "can a proposal go under unanimity, 4 of 5 and majority, and what does an agenda "
           "setter obtain?")

IDEALS = {"A": 2, "B": 4, "C": 5, "D": 7, "E": 9}
RULES = [("unanimity", "unanimity"), ("4 of 5", 4), ("simple majority", "majority")]


def _interval(value):
    if value is None:
        return "empty"
    low, high = (float(v) for v in value)
    return f"{low:g}" if low == high else f"[{low:g}, {high:g}]"


@register("lowest-common-denominator", TITLE, SUMMARY)
def run() -> Report:
    from ..bargaining import (SpatialModel, lcd_outcome, policy_core, policy_stability,
                              setter_outcome, win_set)

    base = SpatialModel(list(IDEALS.values()), 0, players=list(IDEALS), setter="E")
    rows, data = [], {}
    for label, rule in RULES:
        model = base.replace(decision_rule=rule)
        core = policy_core(model)
        lcd = lcd_outcome(model)
        setter = setter_outcome(model)
        ws = win_set(model)
        rows.append([label, _interval(core.interval),
                     ", ".join(_interval(i) for i in ws.intervals) or "empty",
                     ", ".join(lcd.binding), float(lcd.llap_point), float(setter.outcome)])
        data[label] = {"core": core.to_dict(), "lcd": lcd.to_dict(),
                       "setter": setter.to_dict(), "win_set": ws.to_dict()}
    rules = Section(
        "Ideal points 2, 4, 5, 7, 9; status quo 0 (nothing agreed); member E (ideal 9) sets "
        "the agenda",
        ["decision rule", "core", "win-set of the status quo", "pivot (sets the ceiling)",
         "least ambitious programme", "setter's outcome"], rows,
        ["Each member accepts a proposal closer to its ideal than the status quo. Under "
         "unanimity the least ambitious member A must accept, so nothing beyond 2 x 2 - 0 = 4 "
         "passes: A alone sets the ceiling (Underdal's law of the least ambitious program).",
         "Without bargaining the outcome is the pivot's ideal (2 under unanimity); an agenda "
         "setter can push up to, but not beyond, the pivot's ceiling: 4 under unanimity, 8 "
         "under 4 of 5 (pivot B), and its own ideal 9 under majority (pivot C, ceiling 10).",
         "The lowest common denominator is a unanimity result: change the rule and the pivot "
         "moves from the least ambitious member to the k-th most ambitious (Hovi and Sprinz "
         "2006; Krehbiel's gridlock interval)."],
        data=data)

    ambitious = base.replace(status_quo=6)
    protected = lcd_outcome(ambitious).protected
    rows2 = [["unanimity, any setter", float(setter_outcome(ambitious).outcome),
              float(setter_outcome(ambitious, "A").outcome), protected],
             ["simple majority", float(setter_outcome(ambitious.replace(
                 decision_rule="majority")).outcome),
              float(setter_outcome(ambitious.replace(decision_rule="majority"), "A").outcome),
              False]]
    reversion = Section(
        "An ambitious status quo (q = 6): unanimity protects it",
        ["decision rule", "outcome, setter E", "outcome, setter A", "status quo in the core"],
        rows2,
        ["When the reversion point is an existing arrangement that lies inside the unanimity "
         "core [2, 9], nobody can be moved without someone objecting: the status quo stays, "
         "whoever sets the agenda. Unanimity then protects ambition instead of sinking it.",
         "Under majority the least ambitious member as setter pulls the outcome down to 4 "
         "(the median C accepts anything closer to 5 than 6 is)."],
        data={"protected": protected})

    veto = {"A": (0.0, 0.0), "B": (4.0, 0.0), "C": (2.0, 3.0)}
    plane = SpatialModel(veto, (2.0, -3.0))
    lcd2 = lcd_outcome(plane)
    size = policy_stability(plane)
    absorbed = policy_stability(SpatialModel({**veto, "D": (2.0, 1.0)}, (2.0, -3.0)))
    outside = policy_stability(SpatialModel({**veto, "D": (6.0, -1.0)}, (2.0, -3.0)))
    two_d = Section(
        "Two dimensions: three veto players, status quo (2, -3)",
        ["veto players", "area of the win-set (policy stability: smaller is more stable)"],
        [["A, B, C", size], ["A, B, C and D at (2, 1), inside their hull", absorbed],
         ["A, B, C and D at (6, -1), outside their hull", outside]],
        [f"The win-set is the intersection of the discs around each ideal point through the "
         f"status quo. The least ambitious programme is the status quo's projection on the "
         f"unanimity core (the convex hull of the ideal points): "
         f"({lcd2.llap_point[0]:.2f}, {lcd2.llap_point[1]:.2f}), bound by "
         f"{' and '.join(lcd2.binding)}.",
         "Absorption rule (Tsebelis): a new veto player inside the hull of the others leaves "
         "the win-set unchanged; one outside shrinks it. Adding veto players never makes "
         "change easier."],
        assumptions=["Euclidean preferences with equal salience on both dimensions"],
        data={"area": size, "absorbed": absorbed, "outside": outside})

    def plot():
        from ..plot import win_set_diagram
        return win_set_diagram(veto, (2.0, -3.0),
                               outcomes={"least ambitious programme": lcd2.llap_point},
                               title="Three veto players: the win-set of the status quo")

    return Report("lowest-common-denominator", TITLE, SUMMARY, [rules, reversion, two_d],
                  references=["Underdal, A. (1980). The Politics of International Fisheries "
                              "Management.",
                              "Hovi, J. and Sprinz, D. F. (2006). Global Environmental "
                              "Politics 6(3), 28-42.",
                              "Romer, T. and Rosenthal, H. (1978). Public Choice 33(4), 27-43.",
                              "Tsebelis, G. (2002). Veto Players. Princeton University Press.",
                              "Krehbiel, K. (1998). Pivotal Politics."],
                  plot=plot)
