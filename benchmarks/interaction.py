"""Pairwise interaction indices: coalitions' Moebius route against shapiq's exact computer
(in the peer environment) on the same random float games, and against the exact Shapley value
of the same game (issue 16: within 10x of Shapley at n = 20, 100x faster than shapiq).

    python benchmarks/interaction.py            # n = 8, 10, 12, 14 against shapiq; 16-20 alone
    python benchmarks/interaction.py --small    # n = 8, 10

Writes benchmarks/results/interaction.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import numpy as np
from _peers import run_peer

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"
SHAPIQ = """
import time
import numpy as np
from shapiq.game_theory.exact import ExactComputer
n = PAYLOAD["n"]
values = np.array(PAYLOAD["values"])
weights = 1 << np.arange(n)
def game(coalitions):
    return values[coalitions.astype(np.int64) @ weights]
best = float("inf")
for _ in range(PAYLOAD["repeat"]):
    start = time.perf_counter()
    iv = ExactComputer(n_players=n, game=game)("SII", order=2)
    best = min(best, time.perf_counter() - start)
pair = float(iv[(0, 1)])
print(json.dumps({"seconds": best, "pair01": pair}))
"""


def _best(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def run(sizes: list[int], peer_sizes: set[int], repeat: int) -> list[dict]:
    rows = []
    for n in sizes:
        game = co.random_game(n, rng=n)
        ours = _best(lambda: co.interaction_index(game), repeat)
        shapley = _best(lambda: co.shapley_value(game), repeat)
        row = {"n": n, "ours_s": ours, "shapley_s": shapley, "ratio_to_shapley": ours / shapley}
        if n in peer_sizes:
            found = run_peer(
                "shapiq", SHAPIQ, {"n": n, "values": game.values.tolist(), "repeat": repeat}
            )
            if "error" in found:
                row["shapiq"] = found["error"]
            else:
                ours_pair = co.interaction_index(game).matrix[0][1]
                row["shapiq_s"] = found["seconds"]
                row["speedup_over_shapiq"] = found["seconds"] / ours
                row["agree"] = bool(np.isclose(ours_pair, found["pair01"], atol=1e-9))
        rows.append(row)
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [
        "| n | ours | Shapley value | ours / Shapley | shapiq exact | shapiq / ours | agree |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        peer = (
            f"{r['shapiq_s']:.3g} s | {r['speedup_over_shapiq']:.0f}x | {r['agree']}"
            if "shapiq_s" in r
            else f"{r.get('shapiq', 'not run')} | | "
        )
        lines.append(
            f"| {r['n']} | {r['ours_s'] * 1e3:.3g} ms | {r['shapley_s'] * 1e3:.3g} ms | "
            f"{r['ratio_to_shapley']:.1f}x | {peer} |"
        )
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="n = 8, 10 only")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [8, 10] if args.small else [8, 10, 12, 14, 16, 18, 20]
    rows = run(sizes, {8, 10, 12, 14}, args.repeat)
    report = {
        "benchmark": "interaction",
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "interaction.json").write_text(json.dumps(report, indent=2))
    table = markdown(rows)
    (RESULTS / "interaction.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
