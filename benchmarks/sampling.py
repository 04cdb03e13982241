"""Sampling estimators on a 100-member weighted voting game: error vs budget, and speed vs shapiq.

The game is [q; w_1..w_100] with integer weights 1..5 (seeded) and q just over half the total
weight, given to the estimators as a vectorised value oracle (``OracleGame(lambda m: m @ w >=
q, vectorized=True, cache=False)``). The exact Shapley-Shubik index comes from a
pseudo-polynomial count of coalitions by (size, weight), one count per distinct weight.

1. Error vs budget: the RMS error over seeds of each of our Shapley estimators at budgets
   growing 4x, with the slope of a log-log fit (1/sqrt(budget) is a slope of -0.5).
2. Speed: marginal contributions per second of our permutation sampler and of shapiq's
   ``PermutationSamplingSV`` on the same game and budget, in the same run (shapiq in its own
   venv, see _peers.py), plus the accuracy of shapiq's SVARM and KernelSHAP at one budget.

    python benchmarks/sampling.py            # budgets up to 2.56e6, 8 seeds
    python benchmarks/sampling.py --small    # budgets up to 3.2e5, 4 seeds

Prints Markdown tables and writes benchmarks/results/sampling.json.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _peers import run_peer

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"
N = 100
TABLE_N = 20

SHAPIQ = """
import time, numpy as np, shapiq
w = np.array(PAYLOAD["weights"], dtype=float)
q = PAYLOAD["quota"]
truth = np.array(PAYLOAD["truth"])
def game(coalitions):
    coalitions = np.atleast_2d(coalitions)
    return (np.einsum("ij,j->i", coalitions, w) >= q).astype(float)
out = {}
def run(name, approximator, budget, **kwargs):
    start = time.perf_counter()
    values = approximator.approximate(budget, game, **kwargs)
    seconds = time.perf_counter() - start
    x = np.array([values[(i,)] for i in range(len(w))])
    out[name] = {"seconds": seconds, "budget": budget,
                 "rmse": float(np.sqrt(np.mean((x - truth) ** 2)))}
n, budget = len(w), PAYLOAD["budget"]
run("PermutationSamplingSV", shapiq.PermutationSamplingSV(n, random_state=1), budget)
run("PermutationSamplingSV(batch_size=100)", shapiq.PermutationSamplingSV(n, random_state=1),
    budget, batch_size=100)
for name in ("SVARM", "KernelSHAP"):
    try:
        run(name, getattr(shapiq, name)(n, random_state=1), PAYLOAD["accuracy_budget"])
    except Exception as error:  # report, never hide
        out[name] = {"error": f"{type(error).__name__}: {error}"[:200]}
table = np.load(PAYLOAD["table"])
powers = 1 << np.arange(PAYLOAD["table_n"], dtype=np.int64)
def lookup(coalitions):
    return table[np.atleast_2d(coalitions).astype(np.int64) @ powers]
start = time.perf_counter()
shapiq.PermutationSamplingSV(PAYLOAD["table_n"], random_state=1).approximate(
    PAYLOAD["table_budget"], lookup)
seconds = time.perf_counter() - start
out["table"] = {"seconds": seconds, "budget": PAYLOAD["table_budget"]}
print(json.dumps(out))
"""


def weighted_game(seed: int = 2024):
    rng = np.random.default_rng(seed)
    weights = rng.integers(1, 6, N)
    quota = int(weights.sum()) // 2 + 1
    return weights, quota


def exact_shapley_shubik(weights: np.ndarray, quota: int) -> np.ndarray:
    """Exact index by counting coalitions of the other players by size and weight."""
    n = len(weights)
    total = int(weights.sum())
    size = np.arange(n)
    log_weight = np.array(
        [math.lgamma(s + 1) + math.lgamma(n - s) - math.lgamma(n + 1) for s in size]
    )
    out = np.empty(n)
    for value in np.unique(weights):
        others = list(weights)
        others.remove(value)
        counts = np.zeros((n, total + 1))  # counts[s, w] (floats: no overflow)
        counts[0, 0] = 1.0
        for w in others:
            counts[1:, w:] = counts[1:, w:] + counts[:-1, : total + 1 - w]
        window = counts[:, max(quota - value, 0) : quota].sum(axis=1)  # swings at each size
        out[weights == value] = float(np.sum(window * np.exp(log_weight)))
    return out


def oracle(weights, quota):
    w = weights.astype(np.float64)
    # the same function is given to shapiq (einsum: no float copy of the boolean matrix)
    return co.OracleGame(
        lambda m: (np.einsum("ij,j->i", m, w) >= quota).astype(np.float64),
        N,
        vectorized=True,
        cache=False,
    )


def error_vs_budget(game, truth, budgets, seeds, methods):
    rows = []
    for method in methods:
        errors, seconds = [], []
        for budget in budgets:
            squared, start = [], time.perf_counter()
            for seed in range(seeds):
                est = co.shapley_value(game, method=method, budget=budget, rng=seed)
                squared.append(np.mean((est.x - truth) ** 2))
            seconds.append((time.perf_counter() - start) / seeds)
            errors.append(float(np.sqrt(np.mean(squared))))
        slope = float(np.polyfit(np.log(budgets), np.log(errors), 1)[0])
        rows.append(
            {
                "method": method,
                "budgets": budgets,
                "rmse": errors,
                "seconds": seconds,
                "loglog_slope": slope,
            }
        )
        print(f"{method} done", file=sys.stderr, flush=True)
    return rows


def best_time(function, repeat=3):
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = function()
        best = min(best, time.perf_counter() - start)
    return best, out


def speed(game, weights, quota, truth, budget, accuracy_budget, table_budget, tmp):
    best, est = best_time(
        lambda: co.shapley_value(game, method="permutation", budget=budget, rng=0)
    )
    # each evaluation after v(empty) and v(N) is one marginal contribution
    ours = {
        "seconds": best,
        "evaluations": est.n_evaluations,
        "marginals_per_s": (est.n_evaluations - 2) / best,
        "rmse": float(np.sqrt(np.mean((est.x - truth) ** 2))),
    }
    table_game = co.random_game(TABLE_N, rng=5)
    np.save(Path(tmp) / "table.npy", np.asarray(table_game.values, dtype=np.float64))
    table_s, table_est = best_time(
        lambda: co.shapley_value(table_game, method="permutation", budget=table_budget * 10, rng=0)
    )
    ours_table = {"seconds": table_s, "marginals_per_s": (table_est.n_evaluations - 2) / table_s}
    accuracy = {}
    for method in ("permutation", "svarm", "kernel"):
        e = co.shapley_value(game, method=method, budget=accuracy_budget, rng=0)
        accuracy[method] = float(np.sqrt(np.mean((e.x - truth) ** 2)))
    peer = run_peer(
        "shapiq",
        SHAPIQ,
        {
            "weights": weights.tolist(),
            "quota": quota,
            "truth": truth.tolist(),
            "budget": budget,
            "accuracy_budget": accuracy_budget,
            "table": str(Path(tmp) / "table.npy"),
            "table_n": TABLE_N,
            "table_budget": table_budget,
        },
        timeout=900,
    )
    for name, cell in peer.items():
        if isinstance(cell, dict) and "seconds" in cell:
            cell["marginals_per_s"] = (cell["budget"] - 2) / cell["seconds"]
            base = ours_table if name == "table" else ours
            cell["our_speedup"] = base["marginals_per_s"] / cell["marginals_per_s"]
    return {
        "ours": ours,
        "ours_table": ours_table,
        "shapiq": peer,
        "accuracy_budget": accuracy_budget,
        "our_accuracy": accuracy,
    }


def markdown(errors, speeds) -> str:
    budgets = errors[0]["budgets"]
    lines = [
        "| method | " + " | ".join(f"RMSE @ {b:.3g}" for b in budgets) + " | log-log slope |",
        "|---|" + "---|" * (len(budgets) + 1),
    ]
    for row in errors:
        lines.append(
            f"| {row['method']} | "
            + " | ".join(f"{e:.2e}" for e in row["rmse"])
            + f" | {row['loglog_slope']:.3f} |"
        )
    ours = speeds["ours"]
    lines += [
        "",
        "| permutation sampler, n = 100 | seconds | marginal contributions/s | "
        "ratio (ours / peer) |",
        "|---|---|---|---|",
        f"| coalitions (vectorised oracle) | {ours['seconds']:.3g} | "
        f"{ours['marginals_per_s']:.3g} | 1 |",
    ]
    peer = speeds["shapiq"]
    if "error" in peer:
        lines.append(f"| shapiq | {peer['error']} | | |")
    else:
        for name, cell in peer.items():
            if name.startswith("Permutation"):
                lines.append(
                    f"| shapiq {name} | {cell['seconds']:.3g} | "
                    f"{cell['marginals_per_s']:.3g} | {cell['our_speedup']:.0f}x |"
                )
    table = speeds["ours_table"]
    lines += [
        f"| coalitions, table game n = {TABLE_N} (look-ups) | {table['seconds']:.3g} | "
        f"{table['marginals_per_s']:.3g} | 1 |"
    ]
    if "table" in peer:
        cell = peer["table"]
        lines.append(
            f"| shapiq, same table game | {cell['seconds']:.3g} | "
            f"{cell['marginals_per_s']:.3g} | {cell['our_speedup']:.0f}x |"
        )
    lines += [
        "",
        f"| accuracy at budget {speeds['accuracy_budget']} | RMSE | seconds |",
        "|---|---|---|",
    ]
    for method, rmse in speeds["our_accuracy"].items():
        lines.append(f"| coalitions {method} | {rmse:.2e} | |")
    if "error" not in peer:
        for name in ("SVARM", "KernelSHAP"):
            cell = peer.get(name, {})
            lines.append(
                f"| shapiq {name} | "
                + (
                    f"{cell['rmse']:.2e} | {cell['seconds']:.3g} |"
                    if "rmse" in cell
                    else f"{cell.get('error', 'missing')} | |"
                )
            )
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="CI-sized run")
    args = parser.parse_args(argv)
    weights, quota = weighted_game()
    truth = exact_shapley_shubik(weights, quota)
    game = oracle(weights, quota)
    if args.small:
        budgets, seeds, speed_budget, accuracy_budget = [20_000, 80_000, 320_000], 4, 200_000, 4_000
    else:
        budgets, seeds, speed_budget, accuracy_budget = (
            [40_000, 160_000, 640_000, 2_560_000],
            8,
            1_000_000,
            40_000,
        )
    methods = ["permutation", "antithetic", "svarm", "kernel"] + (
        [] if args.small else ["stratified", "neyman"]
    )
    errors = error_vs_budget(game, truth, budgets, seeds, methods)
    with tempfile.TemporaryDirectory() as tmp:
        speeds = speed(
            game, weights, quota, truth, speed_budget, accuracy_budget, speed_budget // 5, tmp
        )
    report = {
        "benchmark": "sampling",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "n": N,
        "weights": weights.tolist(),
        "quota": quota,
        "truth": truth.tolist(),
        "error_vs_budget": errors,
        "speed": speeds,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sampling.json").write_text(json.dumps(report, indent=2))
    table = markdown(errors, speeds)
    (RESULTS / "sampling.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
