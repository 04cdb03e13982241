"""Sanctions renewal: what Cyprus's veto over each renewal does to EU sanctions over time.

EU restrictive measures under the common foreign and security policy are adopted by unanimity
(Art. 31(1) TEU) for a fixed period and lapse unless the Council renews them unanimously. The
case solves the dynamic bargaining game (:func:`coalitions.dynamic_bargaining`: Markov-perfect
equilibria with the last decision as the next status quo, Baron 1996, Kalandrakis 2004,
Nunnari 2021) among four blocs of member states on a sanctions-intensity scale from 0 (none)
to 1, under three rules: unanimity with an endogenous status quo (a package stays until all
agree to change it), the real sunset clause (a package lapses to no sanctions unless renewed
unanimously) and a counterfactual qualified majority without Cyprus's veto. The blocs' ideal
points, their patience per renewal period and the recognition of Cyprus as proposer are
labelled assumptions with ranges.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ._registry import register
from ._report import Report, Section

__all__ = ["compute", "report"]

TITLE = "Sanctions renewal: Cyprus's veto over each renewal of EU sanctions"
SUMMARY = (
    "EU sanctions lapse unless renewed by unanimity, so every renewal is a new veto: how much "
    "does Cyprus's veto hold the sanctions down in the long run, against a status quo that "
    "stays in force and against a qualified majority without it?"
)

# Dated facts (belarus_sanctions_timeline_2020.csv and the Council decisions it cites)
RULE = "unanimity in the Council (Art. 31(1) TEU)"
FIRST_PACKAGE = "2 October 2020"
FIRST_PACKAGE_ACT = "Council Implementing Decision (CFSP) 2020/1388"
RENEWAL_PERIOD = "a fixed period set by each decision (six months for the sectoral measures)"

#: The blocs, in order; Cyprus is the first.
BLOCS = ("Cyprus", "cautious members", "core members", "Baltic states and Poland")
#: ASSUMPTIONS (illustrative, with ranges): the blocs' ideal sanctions intensities on [0, 1].
CYPRUS_IDEAL = 0.2
CYPRUS_IDEAL_RANGE = (0.05, 0.45)
CAUTIOUS_IDEAL = 0.4
CORE_IDEAL = 0.6
HAWKS_IDEAL = 0.9
HAWKS_IDEAL_RANGE = (0.7, 1.0)
#: ASSUMPTION: the common discount factor per renewal period.
DISCOUNT_FACTOR = 0.9
DISCOUNT_FACTOR_RANGE = (0.5, 0.97)
#: ASSUMPTION: Cyprus's chance of making the proposal in a period (the others share the rest
#: equally); equal recognition is the baseline.
CYPRUS_RECOGNITION = 0.25
CYPRUS_RECOGNITION_RANGE = (0.1, 0.5)
#: The status quo before the first package (no post-election sanctions) and the grid.
START = 0.0
GRID_POINTS = 41
#: The counterfactual qualified majority: three of the four blocs, nobody with a veto.
QMV_QUOTA = 3

#: The three rules: (label, keyword arguments of dynamic_bargaining).
RULES = (
    ("unanimity, endogenous status quo", {"quota": "unanimity", "veto": ()}),
    ("unanimity with a sunset clause (the CFSP rule)", {"quota": "unanimity", "reversion": 0}),
    ("qualified majority with a sunset clause", {"quota": QMV_QUOTA, "reversion": 0}),
)

REFERENCES = [
    "Baron, D. P. (1996). A dynamic theory of collective goods programs. American Political "
    "Science Review 90(2), 316-330.",
    "Kalandrakis, A. (2004). A three-player dynamic majoritarian bargaining game. Journal of "
    "Economic Theory 116(2), 294-322.",
    "Nunnari, S. (2021). Dynamic legislative bargaining with veto power. Games and Economic "
    "Behavior 126, 186-230.",
    "Council Implementing Decision (CFSP) 2020/1388 and Implementing Regulation (EU) "
    "2020/1387, 2 October 2020.",
]


def _solve(cyprus, hawks, delta, recognition, rule):
    from ..bargaining import dynamic_bargaining

    ideals = dict(zip(BLOCS, (cyprus, CAUTIOUS_IDEAL, CORE_IDEAL, hawks), strict=True))
    share = (1 - recognition) / (len(BLOCS) - 1)
    return dynamic_bargaining(
        ideals,
        status_quo=START,
        discount_factor=delta,
        recognition=[recognition] + [share] * (len(BLOCS) - 1),
        policies=GRID_POINTS,
        **rule,
    )


def _summary(result) -> dict:
    """What the report reads from one equilibrium."""
    grid = np.asarray(result.policies)
    start = int(np.argmin(np.abs(grid - result.status_quo)))
    first = sorted({float(v) for v in np.asarray(result.outcomes)[:, start]})
    long_run = np.asarray(result.long_run)
    delta = result.discount_factor
    return {
        "result": result,
        "first": first,  # the policies adopted in the first period, by proposer
        "locked_in": all(f in result.stable for f in first),
        "mean": result.expected_policy,
        "mode": float(grid[int(np.argmax(long_run))]),
        "support": [float(v) for v in grid[long_run > 1e-12]],
        "cyprus_value": float(result.x[0]),
        "cyprus_per_period": float((1 - delta) * result.x[0]),
        "certified": bool(result.success),
    }


def _rules(cyprus, hawks, delta, recognition) -> list[dict]:
    out = []
    for label, rule in RULES:
        row = _summary(_solve(cyprus, hawks, delta, recognition, rule))
        row["rule"] = label
        out.append(row)
    return out


def compute() -> dict:
    """The Markov-perfect equilibrium under each rule (dynamic_bargaining) and the dated
    facts."""
    from ..datasets import belarus_sanctions_timeline

    return {
        "rules": _rules(CYPRUS_IDEAL, HAWKS_IDEAL, DISCOUNT_FACTOR, CYPRUS_RECOGNITION),
        "ideals": dict(
            zip(BLOCS, (CYPRUS_IDEAL, CAUTIOUS_IDEAL, CORE_IDEAL, HAWKS_IDEAL), strict=True)
        ),
        "discount_factor": DISCOUNT_FACTOR,
        "cyprus_recognition": CYPRUS_RECOGNITION,
        "start": START,
        "grid_points": GRID_POINTS,
        "qmv_quota": QMV_QUOTA,
        "timeline": [
            r
            for r in belarus_sanctions_timeline()
            if r["date"].startswith(("2020-09-21", "2020-10-02", "2020-11-06", "2020-12-17"))
        ],
    }


def _assumption_ranges() -> list:
    from ..analysis import Assumption

    return [
        Assumption(
            "cyprus_ideal",
            CYPRUS_IDEAL,
            *CYPRUS_IDEAL_RANGE,
            description="Cyprus's ideal sanctions intensity on [0, 1]",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "hawks_ideal",
            HAWKS_IDEAL,
            *HAWKS_IDEAL_RANGE,
            description="the ideal intensity of the Baltic states and Poland",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "discount_factor",
            DISCOUNT_FACTOR,
            *DISCOUNT_FACTOR_RANGE,
            description="the blocs' common patience per renewal period",
            source="illustrative judgement; the range too",
        ),
        Assumption(
            "cyprus_recognition",
            CYPRUS_RECOGNITION,
            *CYPRUS_RECOGNITION_RANGE,
            description="Cyprus's chance of proposing in a period (the others share the rest)",
            source="illustrative judgement; equal recognition is the baseline",
        ),
    ]


@lru_cache(maxsize=4096)
def _outcomes_cached(cyprus, hawks, delta, recognition) -> tuple:
    endogenous, sunset, qmv = _rules(cyprus, hawks, delta, recognition)
    return (
        ("endogenous status quo: long-run mean", endogenous["mean"]),
        ("sunset clause: long-run mean", sunset["mean"]),
        ("qualified majority: long-run mean", qmv["mean"]),
        ("Cyprus per period: sunset", sunset["cyprus_per_period"]),
        ("Cyprus per period: qualified majority", qmv["cyprus_per_period"]),
        ("the first package is locked in (endogenous)", endogenous["locked_in"]),
        ("Cyprus's veto lowers the sanctions", sunset["mean"] < qmv["mean"]),
        ("the sunset gives more than the endogenous rule", sunset["mean"] > endogenous["mean"]),
        ("every equilibrium certified", all(r["certified"] for r in (endogenous, sunset, qmv))),
    )


def _outcomes(cyprus_ideal, hawks_ideal, discount_factor, cyprus_recognition):
    """The headline numbers and conclusions for one set of assumption values."""
    return dict(_outcomes_cached(cyprus_ideal, hawks_ideal, discount_factor, cyprus_recognition))


def _listed(values) -> str:
    return ", ".join(f"{v:g}" for v in values)


def _rules_section(results: dict) -> Section:
    endogenous, sunset, qmv = results["rules"]
    cyprus = results["ideals"][BLOCS[0]]
    delta = results["discount_factor"]
    uncertified = [r["rule"] for r in results["rules"] if not r["certified"]]
    notes = [
        f"From no sanctions ({results['start']:g}), under unanimity with an endogenous status "
        f"quo the first period adopts {_listed(endogenous['first'])} (by proposer) and "
        + (
            "every one of these stays in force for ever: the first package is locked in, "
            "since each later renewal needs every bloc, Cyprus included, to prefer a change."
            if endogenous["locked_in"]
            else "not all of these stay in force: the first package is revised later."
        ),
        f"Under the sunset clause a failed renewal means no sanctions, so Cyprus (ideal "
        f"{cyprus:g}) accepts a package only if it is no worse to it than none: the packages "
        f"adopted are {_listed(sunset['support'])} and the long-run mean is "
        f"{sunset['mean']:.3f}, against {qmv['mean']:.3f} under a qualified majority of "
        f"{results['qmv_quota']} blocs without Cyprus's veto; Cyprus's value per period is "
        f"{sunset['cyprus_per_period']:.4f} against {qmv['cyprus_per_period']:.4f}.",
        "The lowest common denominator: "
        + (
            "the veto holds the sanctions below what a majority would set."
            if sunset["mean"] < qmv["mean"]
            else "here the veto does not hold the sanctions below what a majority would set."
        )
        + (
            f" The sunset gives more ({sunset['mean']:.3f}) than the endogenous rule "
            f"({endogenous['mean']:.3f}): a package that would be locked in is worth less "
            "to Cyprus's partners to concede."
            if sunset["mean"] > endogenous["mean"]
            else f" The sunset gives no more ({sunset['mean']:.3f}) than the endogenous rule "
            f"({endogenous['mean']:.3f})."
        ),
        (
            "Every equilibrium passed its certificate (Bellman residual and one-shot "
            "deviation gain within tolerance)."
            if not uncertified
            else "No certified pure-strategy equilibrium was found for: "
            + "; ".join(uncertified)
            + " (the strategies cycle on this grid); its row reports the last step's "
            "strategies and is not an equilibrium."
        ),
    ]
    rows = [
        [
            r["rule"],
            _listed(r["first"]),
            r["mean"],
            r["mode"],
            r["cyprus_value"],
            r["cyprus_per_period"],
            r["certified"],
            r["result"].residual,
            r["result"].deviation_gain,
        ]
        for r in results["rules"]
    ]
    return Section(
        "Three renewal rules: the equilibrium from no sanctions and the long run",
        [
            "rule",
            "first-period outcomes",
            "long-run mean",
            "long-run mode (lowest if tied)",
            "Cyprus's value (discounted)",
            "Cyprus per period",
            "certified",
            "Bellman residual",
            "deviation gain",
        ],
        rows,
        notes,
        assumptions=[
            "ideal points "
            + ", ".join(f"{b} {v:g}" for b, v in results["ideals"].items())
            + f"; discount factor {delta:g} per period; Cyprus proposes with chance "
            f"{results['cyprus_recognition']:g}; quadratic utilities on a grid of "
            f"{results['grid_points']} points",
        ],
        data={
            "rules": [
                {
                    "rule": r["rule"],
                    "first": r["first"],
                    "locked_in": r["locked_in"],
                    "mean": r["mean"],
                    "mode": r["mode"],
                    "support": r["support"],
                    "cyprus_value": r["cyprus_value"],
                    "certified": r["certified"],
                    "residual": r["result"].residual,
                    "deviation_gain": r["result"].deviation_gain,
                    "long_run": list(r["result"].long_run),
                }
                for r in results["rules"]
            ]
        },
    )


@register("sanctions-renewal")
def report(results: dict) -> Report:
    """The sanctions-renewal report: every number comes from ``results``."""
    facts = Section(
        "The rule and the first packages (dated facts)",
        ["date", "event", "status"],
        [[r["date"], r["event"], r["status"]] for r in results["timeline"]],
        [
            f"Sanctions need {RULE} and are adopted for {RENEWAL_PERIOD}; they lapse unless "
            f"renewed by the same unanimity. The first Belarus package ({FIRST_PACKAGE_ACT}) "
            f"was adopted on {FIRST_PACKAGE}, after Cyprus had withheld consent.",
        ],
        data={"timeline": list(results["timeline"])},
    )

    def plot():
        from ..plot import power_index_bars

        grid = np.asarray(results["rules"][0]["result"].policies)
        weights = np.array([r["result"].long_run for r in results["rules"]])
        shown = weights.max(axis=0) > 0  # the policies some rule reaches in the long run
        return power_index_bars(
            {
                r["rule"]: {f"{p:g}": float(w) for p, w in zip(grid[shown], row[shown])}
                for r, row in zip(results["rules"], weights)
            },
            title="Long-run distribution of sanctions intensity by rule",
            ylabel="probability",
        )

    return Report(
        "sanctions-renewal",
        TITLE,
        SUMMARY,
        [facts, _rules_section(results)],
        references=REFERENCES,
        plot=plot,
    )
