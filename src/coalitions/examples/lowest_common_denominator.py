"""The lowest common denominator: what unanimity does to ambition, and what a setter can do."""

from __future__ import annotations

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "The lowest common denominator: ambition under unanimity, k of n and majority"
SUMMARY = (
    "Five members want different levels of ambition; nothing has been agreed. How far "
    "can a proposal go under unanimity, 4 of 5 and majority, and what does an agenda "
    "setter obtain?"
)

IDEALS = {"A": 2, "B": 4, "C": 5, "D": 7, "E": 9}
RULES = [("unanimity", "unanimity"), ("4 of 5", 4), ("simple majority", "majority")]


def _interval(value):
    if value is None:
        return "empty"
    low, high = (float(v) for v in value)
    return f"{low:g}" if low == high else f"[{low:g}, {high:g}]"


SETTER, LEAST = "E", "A"
#: An ambitious status quo inside the unanimity core.
AMBITIOUS = 6
#: Three veto players in the plane, the status quo, and a fourth player inside and outside
#: their hull.
VETO = {"A": (0.0, 0.0), "B": (4.0, 0.0), "C": (2.0, 3.0)}
PLANE_STATUS_QUO = (2.0, -3.0)
INSIDE, OUTSIDE = (2.0, 1.0), (6.0, -1.0)
REFERENCES = [
    "Underdal, A. (1980). The Politics of International Fisheries Management.",
    "Hovi, J. and Sprinz, D. F. (2006). Global Environmental Politics 6(3), 28-42.",
    "Romer, T. and Rosenthal, H. (1978). Public Choice 33(4), 27-43.",
    "Tsebelis, G. (2002). Veto Players. Princeton University Press.",
    "Krehbiel, K. (1998). Pivotal Politics.",
]


def compute() -> dict:
    """Core, win-set, lowest common denominator and setter outcome under each rule, the
    same with an ambitious status quo, and policy stability of veto players in the plane."""
    from ..bargaining import (
        SpatialModel,
        lcd_outcome,
        policy_core,
        policy_stability,
        setter_outcome,
        win_set,
    )

    base = SpatialModel(list(IDEALS.values()), 0, players=list(IDEALS), setter=SETTER)
    rules = []
    for label, rule in RULES:
        model = base.replace(decision_rule=rule)
        rules.append(
            {
                "label": label,
                "core": policy_core(model),
                "lcd": lcd_outcome(model),
                "setter": setter_outcome(model),
                "win_set": win_set(model),
            }
        )
    ambitious = base.replace(status_quo=AMBITIOUS)
    majority = ambitious.replace(decision_rule="majority")
    plane = SpatialModel(VETO, PLANE_STATUS_QUO)
    return {
        "ideals": IDEALS,
        "status_quo": base.status_quo[0],
        "rules": rules,
        "ambitious": {
            "status_quo": AMBITIOUS,
            "lcd": lcd_outcome(ambitious),
            "core": policy_core(ambitious),
            "unanimity": (setter_outcome(ambitious), setter_outcome(ambitious, LEAST)),
            "majority": (setter_outcome(majority), setter_outcome(majority, LEAST)),
            "majority_core": policy_core(majority),
        },
        "plane": {
            "lcd": lcd_outcome(plane),
            "area": policy_stability(plane),
            "absorbed": policy_stability(SpatialModel({**VETO, "D": INSIDE}, PLANE_STATUS_QUO)),
            "outside": policy_stability(SpatialModel({**VETO, "D": OUTSIDE}, PLANE_STATUS_QUO)),
        },
    }


def _point(point) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in point) + ")"


@register("lowest-common-denominator")
def report(results: dict) -> Report:
    """The lowest-common-denominator report: every number comes from ``results``."""
    ideals, q = results["ideals"], results["status_quo"]
    by_rule = {r["label"]: r for r in results["rules"]}
    rows = [
        [
            r["label"],
            _interval(r["core"].interval),
            ", ".join(_interval(i) for i in r["win_set"].intervals) or "empty",
            ", ".join(r["lcd"].binding),
            float(r["lcd"].llap_point),
            float(r["setter"].outcome),
        ]
        for r in results["rules"]
    ]
    unanimity, k_of_n, majority = (by_rule[label] for label, _ in RULES)
    least = unanimity["lcd"].binding[0]
    ceiling = float(unanimity["lcd"].ceiling)

    def pivot(rule):
        return ", ".join(rule["lcd"].binding)

    rules = Section(
        f"Ideal points {', '.join(f'{v:g}' for v in ideals.values())}; status quo {q:g} "
        f"(nothing agreed); member {SETTER} (ideal {ideals[SETTER]:g}) sets the agenda",
        [
            "decision rule",
            "core",
            "win-set of the status quo",
            "pivot (sets the ceiling)",
            "least ambitious programme",
            "setter's outcome",
        ],
        rows,
        [
            "Each member accepts a proposal closer to its ideal than the status quo. Under "
            f"unanimity the least ambitious member {least} must accept, so nothing beyond its "
            f"ideal's mirror image of the status quo, {ceiling:g}, passes: {least} alone sets the ceiling "
            "(Underdal's law of the least ambitious program).",
            "Without bargaining the outcome is the pivot's ideal "
            f"({float(unanimity['lcd'].llap_point):g} under unanimity); an agenda setter can "
            "push up to, but not beyond, the pivot's ceiling: "
            f"{float(unanimity['setter'].outcome):g} under unanimity, "
            f"{float(k_of_n['setter'].outcome):g} under {k_of_n['label']} (pivot "
            f"{pivot(k_of_n)}), and its own ideal {float(majority['setter'].outcome):g} under "
            f"majority (pivot {pivot(majority)}, ceiling {float(majority['lcd'].ceiling):g}).",
            "The lowest common denominator is a unanimity result: change the rule and the pivot "
            "moves from the least ambitious member to the k-th most ambitious (Hovi and Sprinz "
            "2006; Krehbiel's gridlock interval).",
        ],
        data={
            r["label"]: {
                "core": r["core"].to_dict(),
                "lcd": r["lcd"].to_dict(),
                "setter": r["setter"].to_dict(),
                "win_set": r["win_set"].to_dict(),
            }
            for r in results["rules"]
        },
    )

    amb = results["ambitious"]
    protected = amb["lcd"].protected
    rows2 = [
        [
            "unanimity, any setter",
            float(amb["unanimity"][0].outcome),
            float(amb["unanimity"][1].outcome),
            protected,
        ],
        [
            "simple majority",
            float(amb["majority"][0].outcome),
            float(amb["majority"][1].outcome),
            False,
        ],
    ]
    median = (
        ", ".join(amb["majority_core"].pivots)
        if hasattr(amb["majority_core"], "pivots")
        else "the median"
    )
    reversion = Section(
        f"An ambitious status quo (q = {amb['status_quo']:g}): unanimity protects it",
        [
            "decision rule",
            f"outcome, setter {SETTER}",
            f"outcome, setter {LEAST}",
            "status quo in the core",
        ],
        rows2,
        [
            "When the reversion point is an existing arrangement that lies inside the unanimity "
            f"core {_interval(amb['core'].interval)}, nobody can be moved without someone "
            "objecting: the status quo stays, whoever sets the agenda. Unanimity then protects "
            "ambition instead of sinking it.",
            f"Under majority the least ambitious member as setter pulls the outcome down to "
            f"{float(amb['majority'][1].outcome):g} (the median, at "
            f"{_interval(amb['majority_core'].interval)}, accepts anything closer to it than "
            f"{amb['status_quo']:g} is).",
        ],
        data={"protected": protected},
    )
    del median

    plane = results["plane"]
    lcd2 = plane["lcd"]
    two_d = Section(
        f"Two dimensions: {len(VETO)} veto players, status quo {_point(PLANE_STATUS_QUO)}",
        ["veto players", "area of the win-set (policy stability: smaller is more stable)"],
        [
            [", ".join(VETO), plane["area"]],
            [f"{', '.join(VETO)} and D at {_point(INSIDE)}, inside their hull", plane["absorbed"]],
            [f"{', '.join(VETO)} and D at {_point(OUTSIDE)}, outside their hull", plane["outside"]],
        ],
        [
            f"The win-set is the intersection of the discs around each ideal point through the "
            f"status quo. The least ambitious programme is the status quo's projection on the "
            f"unanimity core (the convex hull of the ideal points): "
            f"({lcd2.llap_point[0]:.2f}, {lcd2.llap_point[1]:.2f}), bound by "
            f"{' and '.join(lcd2.binding)}.",
            "Absorption rule (Tsebelis): a new veto player inside the hull of the others leaves "
            "the win-set unchanged; one outside shrinks it. Adding veto players never makes "
            "change easier.",
        ],
        assumptions=["Euclidean preferences with equal salience on both dimensions"],
        data={"area": plane["area"], "absorbed": plane["absorbed"], "outside": plane["outside"]},
    )

    def plot():
        from ..plot import win_set_diagram

        return win_set_diagram(
            VETO,
            PLANE_STATUS_QUO,
            outcomes={"least ambitious programme": lcd2.llap_point},
            title="Three veto players: the win-set of the status quo",
        )

    return Report(
        "lowest-common-denominator",
        TITLE,
        SUMMARY,
        [rules, reversion, two_d],
        references=REFERENCES,
        plot=plot,
    )
