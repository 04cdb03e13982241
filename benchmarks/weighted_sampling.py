"""Permutation sampling of a 100-member weighted voting game, against shapley-numba, in one run.

The game has integer weights drawn from 1..50 (seeded) and the quota floor(total / 2) + 1, so it
is the same game as shapley-numba's ``CoalitionGame`` (a coalition wins with more than half the
seats). Both sample random join orders and read every player's marginal contribution in each:

- ours: ``shapley_shubik_index(game, method="permutation", budget=...)``; a weighted game's
  prefixes are one cumulative sum of the weights in each order (``approx._engine.WeightedOracle``);
- shapley-numba: ``shapley_perm_mc(game, n, paths, anthithetic=False)``, numba-compiled, which
  evaluates the game on each of the n prefixes (compilation is timed apart: a first call on a
  few paths).

The figure of merit is marginal contributions per second (n per order); both answers are
compared with the exact index (``method="float"``, relative error about 1e-13).

    python benchmarks/weighted_sampling.py            # 10**4 and 10**5 orders
    python benchmarks/weighted_sampling.py --small    # 10**4 orders

Prints a Markdown table and writes benchmarks/results/weighted_sampling.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _peers import run_peer

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"

SHAPLEY_NUMBA = """
import time, numpy as np
from shapley_numba.examples.games import CoalitionGame
from shapley_numba.shapley import shapley_perm_mc
seats = np.array(PAYLOAD["weights"], dtype=np.float64)
n = len(seats)
game = CoalitionGame(seats)
start = time.perf_counter()
shapley_perm_mc(game, n, paths=10, anthithetic=False)
compile_s = time.perf_counter() - start
best = float("inf")
for _ in range(PAYLOAD["repeat"]):
    start = time.perf_counter()
    phi = shapley_perm_mc(game, n, paths=PAYLOAD["orders"], seed=1, anthithetic=False)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "compile_seconds": compile_s, "x": list(map(float, phi))}))
"""


def run(order_counts: list[int], n: int = 100, repeat: int = 3) -> list[dict]:
    rng = np.random.default_rng(20261201)
    weights = rng.integers(1, 51, size=n).tolist()
    game = co.WeightedVotingGame(sum(weights) // 2 + 1, weights)
    exact = np.asarray(co.shapley_shubik_index(game, method="float").x, dtype=float)
    rows = []
    for orders in order_counts:
        budget = orders * (n - 1)  # a permutation costs n - 1 evaluations (the prefixes)
        co.shapley_shubik_index(game, method="permutation", budget=10 * n, rng=0)  # warm up
        best, est = float("inf"), None
        for _ in range(repeat):
            start = time.perf_counter()
            est = co.shapley_shubik_index(game, method="permutation", budget=budget, rng=1)
            best = min(best, time.perf_counter() - start)
        ours = {
            "seconds": best,
            "orders": est.n_samples,
            "contributions_per_s": est.n_samples * n / best,
            "max_abs_error": float(np.max(np.abs(est.x - exact))),
        }
        peer = run_peer(
            "shapley_numba",
            SHAPLEY_NUMBA,
            {"weights": weights, "orders": orders, "repeat": repeat},
            timeout=900,
        )
        if "x" in peer:
            peer["max_abs_error"] = float(np.max(np.abs(np.array(peer.pop("x")) - exact)))
            peer["contributions_per_s"] = orders * n / peer["seconds"]
            peer["ratio"] = ours["contributions_per_s"] / peer["contributions_per_s"]
        rows.append({"n": n, "orders": orders, "ours": ours, "shapley_numba": peer})
        print(f"orders={orders} done", file=sys.stderr, flush=True)
    return rows


def markdown(rows: list[dict]) -> str:
    lines = [
        "| orders | ours: time, contributions/s, max error | shapley-numba: time, "
        "contributions/s, max error | ours / shapley-numba (contributions/s) |",
        "|---|---|---|---|",
    ]
    for row in rows:
        ours, peer = row["ours"], row["shapley_numba"]
        mine = (
            f"{ours['seconds']:.3g} s, {ours['contributions_per_s']:.3g}/s, "
            f"{ours['max_abs_error']:.2g}"
        )
        if "seconds" in peer:
            theirs = (
                f"{peer['seconds']:.3g} s (+ compile {peer['compile_seconds']:.2g} s), "
                f"{peer['contributions_per_s']:.3g}/s, {peer['max_abs_error']:.2g}"
            )
            ratio = f"{peer['ratio']:.2f}x"
        else:
            theirs, ratio = peer.get("error", "failed"), "-"
        lines.append(f"| {row['orders']} | {mine} | {theirs} | {ratio} |")
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="10**4 orders only")
    args = parser.parse_args(argv)
    rows = run([10**4] if args.small else [10**4, 10**5])
    report = {
        "benchmark": "weighted_sampling",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "weighted_sampling.json").write_text(json.dumps(report, indent=2))
    table = markdown(rows)
    (RESULTS / "weighted_sampling.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
