"""Shapley-Shubik index of an IMF-sized weighted body: the window series, with its error bound.

The body is synthetic (no IMF votes table with a citable source is shipped): 190 members,
5,000,000 votes in all.

* one member with 16.5 % of the votes (825,000), like the United States;
* eleven with 2-6 % (6.1, 6.1, 5.3, 4.0, 4.0, 3.0, 2.6, 2.6, 2.2, 2.2, 2.0 %), like the
  next largest chairs;
* 178 small members sharing the remaining 33.4 % with geometrically decreasing weights (ratio
  0.97, so the largest small member has about 53,000 votes and the smallest about 240),
  rounded to integers, the rounding remainder given to the largest small member;
* quota: a simple majority of the votes cast (2,500,001).

It times ``co.shapley_shubik_index(game)`` (``method="auto"``, which takes the window series
here; the bar: under 10 s, with its error bound), Leech's ``method="major-minor"`` (fast, but
its Berry-Esseen bound is loose), and ``method="float"`` in a subprocess with a timeout (321 s
when measured on the 2-core machine; with ``--float-timeout 600`` it finishes and the script
reports the largest gap between its answer and the window series'). Run:
``.venv/bin/python benchmarks/power_imf.py [--float-timeout SECONDS]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import numpy as np

import coalitions as co

TOTAL = 5_000_000
LARGE_SHARES = [16.5, 6.1, 6.1, 5.3, 4.0, 4.0, 3.0, 2.6, 2.6, 2.2, 2.2, 2.0]
SMALL = 178
RATIO = 0.97


def imf_like_weights() -> list[int]:
    """The synthetic body's weights (190 members, 5,000,000 votes), largest first."""
    large = [round(TOTAL * share / 100) for share in LARGE_SHARES]
    rest = TOTAL - sum(large)
    decay = RATIO ** np.arange(SMALL)
    small = np.floor(rest * decay / decay.sum()).astype(int)
    small[0] += rest - int(small.sum())
    return large + [int(w) for w in small]


def imf_like_game() -> co.WeightedVotingGame:
    """The synthetic body with a simple-majority quota."""
    weights = imf_like_weights()
    return co.WeightedVotingGame(sum(weights) // 2 + 1, weights)


_FLOAT = (
    "import sys, json, coalitions as co; w = [int(v) for v in sys.argv[1].split(',')]; "
    "r = co.shapley_shubik_index(co.WeightedVotingGame(sum(w) // 2 + 1, w), method='float'); "
    "print(json.dumps([float(v) for v in r.x]))"
)


def main(argv: list[str] | None = None) -> dict:
    """Time both methods; return the figures (for ``benchmarks/run_all.py``)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--float-timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    game = imf_like_game()
    print(f"members {game.n_players}, votes {sum(game.int_weights)}, quota {game.int_quota}")
    start = time.perf_counter()
    series = co.shapley_shubik_index(game)
    series_seconds = time.perf_counter() - start
    xs, bound_s = np.asarray(series.x, dtype=float), np.asarray(series.error_bound)
    print(f"auto ({series.method}): {series_seconds:.2f} s, sum - 1 = {xs.sum() - 1:.2g}")
    print(f"  largest member: index {xs[0]:.14f} (vote share {game.int_weights[0] / TOTAL:.3f})")
    print(f"  error bound: largest {bound_s.max():.3g}, smallest {bound_s.min():.3g}")
    print(f"  {series.message}")
    start = time.perf_counter()
    result = co.shapley_shubik_index(game, method="major-minor")
    elapsed = time.perf_counter() - start
    x, bound = np.asarray(result.x, dtype=float), np.asarray(result.error_bound)
    print(f"major-minor: {elapsed:.2f} s, sum {x.sum():.6f}, largest member {x[0]:.6f}")
    print(
        f"  error bound: largest {bound.max():.3g}; largest actual gap to the series "
        f"{np.abs(x - xs).max():.2g}"
    )
    weights = ",".join(str(w) for w in game.int_weights)
    start = time.perf_counter()
    gap: float | None = None
    try:
        done = subprocess.run(
            [sys.executable, "-c", _FLOAT, weights],
            timeout=args.float_timeout,
            check=True,
            capture_output=True,
            text=True,
        )
        float_seconds: float | None = time.perf_counter() - start
        floats = np.asarray(json.loads(done.stdout.strip().splitlines()[-1]))
        gap = float(np.abs(floats - xs).max())
        print(f"float: finished in {float_seconds:.1f} s; largest gap to the series {gap:.2g}")
    except subprocess.TimeoutExpired:
        float_seconds = None
        print(f"float: did not finish in {args.float_timeout:.0f} s")
    return {
        "window_series_seconds": series_seconds,
        "window_series_method": series.method,
        "window_series_bound_max": float(bound_s.max()),
        "window_series_sum_minus_one": float(xs.sum() - 1),
        "major_minor_seconds": elapsed,
        "index_sum": float(x.sum()),
        "error_bound_max": float(bound.max()),
        "float_seconds": float_seconds,
        "float_gap_to_series": gap,
        "float_timeout": args.float_timeout,
    }


if __name__ == "__main__":
    main()
