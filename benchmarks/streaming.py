"""Exact Shapley values of vectorised value oracles past the table, serial and on Dask.

The game is the "two caucuses" game ``v(S) = |S & L| * |S & R|`` (L the first 16 players,
R the other n - 16) plus ``|S|**1.5``: a sum of unanimity games on every pair across the
caucuses and a symmetric part, so each member of L gets ``|R| / 2 + n**1.5 / n`` and each member
of R ``|L| / 2 + n**1.5 / n`` (the closed form every answer is checked against). The oracle packs
each coalition's row into an integer mask (numpy.packbits) and counts members with a 16-bit
popcount table, some tens of nanoseconds a coalition, so the stream's own cost shows.

For each n it reports the time, coalitions per second, the peak resident memory of the process
(``ru_maxrss``; the table of 2**32 float values alone would be 32 GiB), the error against the
closed form, and, where asked, the same computation on a local Dask cluster (two worker
processes, ``client.get_executor()``) with its largest difference from the serial answer.
Peers stop at 30 players (coopgame-py's and shapiq's exact computers need the table).

    python benchmarks/streaming.py                 # n = 26 (serial and Dask) and n = 32 (serial)
    python benchmarks/streaming.py --sizes 24 --dask 24   # 17 <= n <= 32

Prints a Markdown table and writes benchmarks/results/streaming.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"
_POPCOUNT16 = np.array([bin(v).count("1") for v in range(1 << 16)], dtype=np.int64)


class TwoCaucuses:
    """``v(S) = |S & L| |S & R| + |S|**1.5`` with L the first 16 players and R the other
    n - 16 (17 <= n <= 32), on packed masks; module level, so Dask workers can unpickle it."""

    def __init__(self, n: int) -> None:
        if not 17 <= n <= 32:
            raise ValueError("the benchmark game has 17 to 32 players")
        self.n = n
        self.power = np.arange(n + 1, dtype=np.float64) ** 1.5

    def __call__(self, matrix: np.ndarray) -> np.ndarray:
        packed = np.zeros((len(matrix), 4), dtype=np.uint8)
        packed[:, : (self.n + 7) // 8] = np.packbits(matrix, axis=1, bitorder="little")
        words = packed.view(np.uint16)  # word 0: the first 16 players, word 1: the rest
        left = _POPCOUNT16[words[:, 0]]
        right = _POPCOUNT16[words[:, 1]]
        return left * right + self.power[left + right]


def closed_form(n: int) -> np.ndarray:
    left = 16
    right = n - left
    share = n**1.5 / n
    return np.array([right / 2 + share] * left + [left / 2 + share] * right)


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kilobytes


def serial(n: int) -> dict:
    game = co.OracleGame(TwoCaucuses(n), n, vectorized=True, cache=False)
    start = time.perf_counter()
    phi = co.shapley_value(game, method="exact")
    seconds = time.perf_counter() - start
    return {
        "n": n,
        "seconds": seconds,
        "coalitions_per_s": (1 << n) / seconds,
        "peak_rss_bytes": peak_rss_bytes(),
        "table_bytes_it_avoids": 8 << n,
        "max_error_vs_closed_form": float(np.max(np.abs(phi.x - closed_form(n)))),
        "x": phi.x.tolist(),
    }


def on_dask(n: int, reference: list[float]) -> dict:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        return {"error": "dask.distributed is not installed (pip install 'coalitions[dist]')"}
    game = co.OracleGame(TwoCaucuses(n), n, vectorized=True, cache=False)
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        start = time.perf_counter()
        phi = co.shapley_value(game, method="exact", executor=client.get_executor())
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "max_abs_diff_vs_serial": float(np.max(np.abs(phi.x - np.asarray(reference)))),
    }


def markdown(rows: list[dict]) -> str:
    lines = [
        "| n | serial time | coalitions/s | peak memory (process) | table it avoids | "
        "error vs closed form | Dask (2 local workers) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        dask = row.get("dask")
        if dask is None:
            cell = "not run"
        elif "error" in dask:
            cell = dask["error"]
        else:
            cell = f"{dask['seconds']:.1f} s, max diff {dask['max_abs_diff_vs_serial']:.1e}"
        lines.append(
            f"| {row['n']} | {row['seconds']:.1f} s | {row['coalitions_per_s']:.3g} | "
            f"{row['peak_rss_bytes'] / 2**30:.2f} GiB | {row['table_bytes_it_avoids'] / 2**30:.1f} "
            f"GiB | {row['max_error_vs_closed_form']:.1e} | {cell} |"
        )
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[26, 32])
    parser.add_argument("--dask", type=int, nargs="*", default=[26], help="sizes run on Dask")
    args = parser.parse_args(argv)
    rows = []
    for n in args.sizes:
        row = serial(n)
        if n in args.dask:
            row["dask"] = on_dask(n, row["x"])
        row.pop("x")
        rows.append(row)
        print(f"n={n} done", file=sys.stderr, flush=True)
    report = {
        "benchmark": "streaming",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "rows": rows,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "streaming.json").write_text(json.dumps(report, indent=2))
    table = markdown(rows)
    (RESULTS / "streaming.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
