"""Optimal coalition structure of a random TU game: the vectorised subset DP.

Times ``coalitions.optimal_coalition_structure`` (dynamic programming over subsets, (3**n-1)/2
pairs) on random float games, against a textbook pure-Python submask loop for the sizes where
that finishes quickly (the ratio column). None of the peer libraries computes coalition
structures, so the loop is the baseline. The bar of issue 6 is n = 18 in under 60 s.

    python benchmarks/coalition_structure.py           # n = 8 .. 18
    python benchmarks/coalition_structure.py --small   # n = 8 .. 14

Prints a Markdown table and writes benchmarks/results/coalition_structure.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import coalitions as co

HERE = Path(__file__).resolve().parent
#: The pure-Python baseline is run up to this n (it needs about 3**n / 2 Python steps).
BASELINE_MAX = 14


def python_loop(values: np.ndarray, n: int) -> float:
    """Textbook DP: for each mask, every submask containing its lowest player."""
    v = values.tolist()
    f = [0.0] * (1 << n)
    for mask in range(1, 1 << n):
        low = mask & -mask
        rest = mask ^ low
        best = -float("inf")
        sub = rest
        while True:
            part = sub | low
            candidate = v[part] + f[mask ^ part]
            if candidate > best:
                best = candidate
            if sub == 0:
                break
            sub = (sub - 1) & rest
        f[mask] = best
    return f[-1]


def timed(function, *args, repeat: int = 1):
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function(*args)
        best = min(best, time.perf_counter() - start)
    return best, value


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="quick run (n <= 14)")
    args = parser.parse_args(argv)
    sizes = list(range(8, 15, 2)) if args.small else list(range(8, 19, 2))
    rows = []
    for n in sizes:
        game = co.random_game(n, rng=n)
        repeat = 3 if n <= 14 else 1
        seconds, result = timed(co.optimal_coalition_structure, game, repeat=repeat)
        row = {
            "n": n,
            "pairs": (3**n - 1) // 2,
            "seconds": seconds,
            "value": float(result.value),
            "coalitions": len(result.structure),
        }
        if n <= BASELINE_MAX:
            base_seconds, base_value = timed(python_loop, np.asarray(game.values), n)
            if abs(base_value - row["value"]) > 1e-9:
                raise SystemExit(f"mismatch at n={n}: {base_value} versus {row['value']}")
            row["python_loop_seconds"] = base_seconds
            row["speedup"] = base_seconds / seconds
        rows.append(row)
        print(f"n={n}: {seconds:.3f} s", file=sys.stderr)
    print("| n | pairs (3^n-1)/2 | coalitions (s) | pairs/s | python loop (s) | speed-up |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        loop = f"{row['python_loop_seconds']:.3f}" if "python_loop_seconds" in row else "-"
        ratio = f"{row['speedup']:.0f}x" if "speedup" in row else "-"
        print(
            f"| {row['n']} | {row['pairs']:,} | {row['seconds']:.3f} | "
            f"{row['pairs'] / row['seconds']:.2e} | {loop} | {ratio} |"
        )
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "coalition_structure.json").write_text(
        json.dumps(
            {
                "benchmark": "coalition_structure",
                "python": platform.python_version(),
                "numpy": np.__version__,
                "rows": rows,
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
