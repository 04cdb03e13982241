"""Dynamic bargaining with an endogenous status quo: time and certificate of the
Markov-perfect equilibrium.

The bar (issue 15): a 3-player, 101-point policy space solves in under 10 s, and the
equilibrium passes its residual certificate. No peer library computes this model, so the
table shows the time against that bar. Usage: python benchmarks/dynamic_bargaining.py
[--small]. Writes benchmarks/results/dynamic_bargaining.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from coalitions.bargaining import dynamic_bargaining

#: (label, ideal points, veto players, discount factor, grid points)
CASES = [
    ("3 players, veto, delta 0.9", {"V": 0.2, "M": 0.5, "R": 0.9}, ["V"], 0.9, 101),
    ("3 players, veto, delta 0.95", {"V": 0.2, "M": 0.5, "R": 0.9}, ["V"], 0.95, 101),
    ("3 players, no veto, myopic", {"L": 0.1, "M": 0.45, "R": 0.8}, [], 0.0, 101),
    (
        "5 players, veto, delta 0.9",
        {"A": 0.1, "B": 0.3, "C": 0.5, "D": 0.7, "E": 0.9},
        ["A"],
        0.9,
        101,
    ),
    ("3 players, veto, delta 0.9", {"V": 0.2, "M": 0.5, "R": 0.9}, ["V"], 0.9, 201),
]


def main(argv=None) -> None:
    small = "--small" in (sys.argv[1:] if argv is None else argv)
    cases = CASES[:1] if small else CASES
    repeats = 1 if small else 3
    dynamic_bargaining([0.2, 0.5, 0.9], veto=["1"], status_quo=0.5, policies=11)  # warm-up
    rows = []
    for label, ideals, veto, delta, points in cases:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            result = dynamic_bargaining(
                ideals, veto=veto, status_quo=1.0, policies=points, discount_factor=delta
            )
            times.append(time.perf_counter() - start)
        rows.append(
            {
                "case": label,
                "points": points,
                "best_s": min(times),
                "max_s": max(times),
                "success": result.success,
                "iterations": result.iterations,
                "residual": result.residual,
                "deviation_gain": result.deviation_gain,
                "ratio_to_10s_bar": max(times) / 10,
            }
        )
    print("| case | points | best (s) | max (s) | certified | steps | residual | deviation gain |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['case']} | {row['points']} | {row['best_s']:.3f} | {row['max_s']:.3f} | "
            f"{row['success']} | {row['iterations']} | {row['residual']:.1e} | "
            f"{row['deviation_gain']:.1e} |"
        )
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "dynamic_bargaining.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
