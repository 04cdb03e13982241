"""Exact Shapley and Banzhaf values of dense random float games, against peers, in one run.

For each n it times, in this process, ``shapley_value`` and ``banzhaf_value`` of a random game
with 2**n float64 values, one ``numpy.sum`` over the same table (the physical floor: every exact
method must read every value), and the peak memory the Shapley call adds on top of the table
(tracemalloc sees numpy's buffers). In the same run it times the exact Shapley value of the
peers, each in its own virtual environment: coopgame-py (Rust; loading the table into its
``Game`` is timed apart from the computation) and shapiq's ``ExactComputer``; every peer answer
is compared with ours.

    python benchmarks/shapley_exact.py            # n = 10, 14, ..., 28
    python benchmarks/shapley_exact.py --small    # n <= 22, for CI-sized runs

Prints a Markdown table and writes benchmarks/results/shapley_exact.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _peers import run_peer

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"

COOPGAME = """
import time, numpy as np, coopgame
values = np.load(PAYLOAD["path"])
start = time.perf_counter()
game = coopgame.Game(values[1:].tolist())
load = time.perf_counter() - start
best = float("inf")
for _ in range(PAYLOAD["repeat"]):
    start = time.perf_counter()
    phi = coopgame.shapley(game)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "load_seconds": load, "x": list(map(float, phi))}))
"""

SHAPIQ = """
import time, numpy as np, shapiq
values = np.load(PAYLOAD["path"])
n = PAYLOAD["n"]
powers = 1 << np.arange(n, dtype=np.int64)
def game(coalitions):
    return values[coalitions.astype(np.int64) @ powers]
start = time.perf_counter()
computer = shapiq.ExactComputer(game, n_players=n)
sv = computer("SV")
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "x": [float(sv[(i,)]) for i in range(n)]}))
"""


def best_times(functions: dict, repeat: int) -> dict[str, tuple[float, object]]:
    """Best time and last answer of each function, timed in interleaved rounds so that a
    change in the machine's load reaches every function alike (the ratios stay fair)."""
    best = dict.fromkeys(functions, (float("inf"), None))
    for _ in range(repeat):
        for name, function in functions.items():
            start = time.perf_counter()
            out = function()
            best[name] = (min(best[name][0], time.perf_counter() - start), out)
    return best


def peak_extra_bytes(function) -> int:
    tracemalloc.start()
    tracemalloc.reset_peak()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def run(sizes: list[int], coopgame_max: int, shapiq_max: int) -> list[dict]:
    rows = []
    rng = np.random.default_rng(2022)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            values = rng.random(1 << n)
            values[0] = 0.0
            game = co.TUGame(values)
            repeat = 15 if n <= 20 else (5 if n <= 24 else 3)
            co.shapley_value(game)  # warm the cached index tables
            timed = best_times(
                {
                    "shapley": lambda: co.shapley_value(game),
                    "banzhaf": lambda: co.banzhaf_value(game),
                    "sum": lambda: float(np.sum(values)),
                },
                repeat,
            )
            (shapley_s, phi), (banzhaf_s, _), (sum_s, _) = timed.values()
            extra = peak_extra_bytes(lambda: co.shapley_value(game))
            row = {
                "n": n,
                "shapley_s": shapley_s,
                "banzhaf_s": banzhaf_s,
                "numpy_sum_s": sum_s,
                "ratio_to_sum": shapley_s / sum_s,
                "table_bytes": values.nbytes,
                "peak_extra_bytes": extra,
                "peak_over_table": (values.nbytes + extra) / values.nbytes,
            }
            path = Path(tmp) / f"v{n}.npy"
            if n <= max(coopgame_max, shapiq_max):
                np.save(path, values)
            for name, script, limit in (
                ("coopgame", COOPGAME, coopgame_max),
                ("shapiq", SHAPIQ, shapiq_max),
            ):
                if n > limit:
                    row[name] = {"skipped": f"n > {limit} (see ALGORITHMS.md for its scaling)"}
                    continue
                answer = run_peer(
                    name,
                    script,
                    {"path": str(path), "n": n, "repeat": 3 if n <= 20 else 1},
                    timeout=900,
                )
                if "x" in answer:
                    answer["max_abs_diff"] = float(
                        np.max(np.abs(np.array(answer.pop("x")) - phi.x))
                    )
                    answer["ratio"] = answer["seconds"] / shapley_s
                row[name] = answer
            rows.append(row)
            print(f"n={n} done", file=sys.stderr, flush=True)
    return rows


def markdown(rows: list[dict]) -> str:
    def peer(cell: dict) -> str:
        if "seconds" in cell:
            text = f"{cell['seconds']:.3g} s ({cell['ratio']:.0f}x)"
            if "load_seconds" in cell:
                text += f" + load {cell['load_seconds']:.2g} s"
            if cell.get("max_abs_diff", 0) > 1e-6:
                text += f" WRONG by {cell['max_abs_diff']:.1e}"
            return text
        return cell.get("error") or cell.get("skipped", "")

    lines = [
        "| n | Shapley | Banzhaf | numpy.sum | Shapley / sum | peak / table | "
        "coopgame-py (ratio) | shapiq (ratio) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['shapley_s'] * 1e3:.3g} ms | {r['banzhaf_s'] * 1e3:.3g} ms | "
            f"{r['numpy_sum_s'] * 1e3:.3g} ms | {r['ratio_to_sum']:.1f} | "
            f"{r['peak_over_table']:.3f} | {peer(r['coopgame'])} | {peer(r['shapiq'])} |"
        )
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="n <= 22 only (quick)")
    parser.add_argument("--sizes", type=int, nargs="*", help="override the player counts")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10, 14, 18, 22] if args.small else [10, 14, 18, 20, 22, 24, 26, 28])
    rows = run(sizes, coopgame_max=22 if args.small else 26, shapiq_max=14 if args.small else 16)
    report = {
        "benchmark": "shapley_exact",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "shapley_exact.json").write_text(json.dumps(report, indent=2))
    table = markdown(rows)
    (RESULTS / "shapley_exact.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
