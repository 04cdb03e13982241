"""Optimal coalition structure of random games: DP, IDP and the anytime IP search side by side.

Times ``coalitions.optimal_coalition_structure`` with ``method="dp"`` (the vectorised subset
DP, (3**n-1)/2 pairs), ``"idp"`` (the DP on the splits IDP needs) and ``"ip"`` (branch and
bound over integer-partition subspaces with IDP's exact tables), in one run, on the value
distributions of the IP and ODP-IP papers: "uniform" v(C) = |C| U(0, 1) and "normal"
v(C) = |C| N(1, 0.1). A textbook pure-Python submask loop is the reference where it finishes
quickly (none of the peer libraries computes coalition structures). Every method's optimum is
checked against the others (24 players: the search alone, on "uniform"). The bar of issue 17
is 22 players ("uniform") in under a minute.
Last, the anytime bound: "ip" with a short time limit reports the best structure found and a
proven upper bound on the optimum.

    python benchmarks/coalition_structure.py           # n = 10 .. 24
    python benchmarks/coalition_structure.py --small   # n = 10 .. 14

Prints a Markdown table and writes benchmarks/results/coalition_structure.{json,md}.
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
#: Largest n for each method in the full run (DP at 22 players needs about five minutes).
LIMITS = {"dp": 20, "idp": 22, "ip": 24}
#: IDP at 22 players (four to five minutes) and the search at 24 run on this distribution only.
ONE_DISTRIBUTION = "uniform"


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


def make_game(n: int, distribution: str, seed: int) -> co.TUGame:
    """A float game of the IP papers' distributions (v(empty) = 0)."""
    rng = np.random.default_rng(seed)
    masks = np.arange(1 << n)
    size = sum((masks >> i) & 1 for i in range(n)).astype(np.float64)
    if distribution == "uniform":
        values = size * rng.random(1 << n)
    else:
        values = size * rng.normal(1.0, 0.1, size=1 << n)
    values[0] = 0.0
    return co.TUGame(values)


def timed(function, *args, repeat: int = 1, **kwargs):
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = function(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, value


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="quick run (n <= 14)")
    args = parser.parse_args(argv)
    sizes = [10, 12, 14] if args.small else [10, 12, 14, 16, 18, 20, 22, 24]
    rows = []
    for distribution in ("uniform", "normal"):
        for n in sizes:
            if n == 24 and distribution != ONE_DISTRIBUTION:
                continue
            game = make_game(n, distribution, seed=n)
            repeat = 3 if n <= 14 else 1
            row: dict = {"distribution": distribution, "n": n, "pairs": (3**n - 1) // 2}
            values = {}
            for method in ("ip", "idp", "dp"):
                if n > LIMITS[method] or (
                    method == "idp" and n == 22 and distribution != ONE_DISTRIBUTION
                ):
                    continue
                seconds, result = timed(
                    co.optimal_coalition_structure, game, method=method, repeat=repeat
                )
                assert result.success, result.message
                row[f"{method}_seconds"] = seconds
                values[method] = float(result.value)
                if method == "ip":
                    row["ip_message"] = result.message
                    row["coalitions"] = len(result.structure)
                print(f"{distribution} n={n} {method}: {seconds:.3f} s", file=sys.stderr)
            if n <= BASELINE_MAX:
                seconds, values["python-loop"] = timed(python_loop, np.asarray(game.values), n)
                row["python_loop_seconds"] = seconds
            reference = values["ip"]
            for method, value in values.items():
                if abs(value - reference) > 1e-9 * (1 + abs(reference)):
                    raise SystemExit(f"mismatch at n={n}: {method} {value} versus ip {reference}")
            row["value"] = reference
            for method in ("dp", "idp", "python_loop"):
                if f"{method}_seconds" in row:
                    row[f"{method}_over_ip"] = row[f"{method}_seconds"] / row["ip_seconds"]
            rows.append(row)
    anytime = []
    for distribution in ("uniform", "normal"):
        game = make_game(22, distribution, seed=22) if not args.small else None
        if game is None:
            game = make_game(14, distribution, seed=14)
        for limit in (0.0, 3.0):
            seconds, result = timed(
                co.optimal_coalition_structure, game, method="ip", time_limit=limit
            )
            anytime.append(
                {
                    "distribution": distribution,
                    "n": game.n_players,
                    "time_limit": limit,
                    "seconds": seconds,
                    "value": float(result.value),
                    "upper_bound": float(result.upper_bound),
                    "ratio": float(result.value) / float(result.upper_bound),
                    "success": result.success,
                }
            )
    lines = [
        "| distribution | n | ip (s) | idp (s) | dp (s) | python loop (s) | idp / ip | dp / ip |"
        " loop / ip |",
        "|---|---|---|---|---|---|---|---|---|",
    ]

    def cell(row, key, form="{:.3f}"):
        return form.format(row[key]) if key in row else "-"

    for row in rows:
        lines.append(
            f"| {row['distribution']} | {row['n']} | {cell(row, 'ip_seconds')} | "
            f"{cell(row, 'idp_seconds')} | {cell(row, 'dp_seconds')} | "
            f"{cell(row, 'python_loop_seconds')} | {cell(row, 'idp_over_ip', '{:.1f}x')} | "
            f"{cell(row, 'dp_over_ip', '{:.1f}x')} | "
            f"{cell(row, 'python_loop_over_ip', '{:.0f}x')} |"
        )
    lines += [
        "",
        "Anytime: method='ip' with a time limit (best value found, proven upper bound, ratio).",
        "",
        "| distribution | n | time_limit (s) | seconds | value | upper bound | ratio | proven |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in anytime:
        lines.append(
            f"| {row['distribution']} | {row['n']} | {row['time_limit']} | {row['seconds']:.3f}"
            f" | {row['value']:.6f} | {row['upper_bound']:.6f} | {row['ratio']:.6f} | "
            f"{row['success']} |"
        )
    table = "\n".join(lines)
    print(table)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "coalition_structure.md").write_text(
        "# Optimal coalition structure: dp, idp and ip in one run\n\n"
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"{platform.machine()}; `python benchmarks/coalition_structure.py`"
        f"{' --small' if args.small else ''}\n\n{table}\n"
    )
    (out / "coalition_structure.json").write_text(
        json.dumps(
            {
                "benchmark": "coalition_structure",
                "python": platform.python_version(),
                "numpy": np.__version__,
                "rows": rows,
                "anytime": anytime,
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
