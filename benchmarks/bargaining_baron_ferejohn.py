"""Baron-Ferejohn stationary equilibrium: time and certificate, before and after.

Issue 5's bar: a 27-member legislature with heterogeneous discount factors and recognition
probabilities in under 1 s. Issue 17 (item 8): 501 members in seconds. "before" is the
logit-smoothed homotopy (``method="active-set"``, the only general path before the
threshold structure; symmetric games already had their closed form, and veto players
were not supported, so those rows have no "before"): every evaluation of its Jacobian builds an n x n x n tensor (1 GB at
n = 501), so it is run up to ``BEFORE_UP_TO`` members only. "after" is the default
(``method="auto"``: the closed form for symmetric games, else the threshold structure,
O(n log n) for the prices plus the n x n tables). Rows: symmetric (equal recognition,
common delta), heterogeneous recognition and discount factors, and the same with one veto
player; floats and exact rationals. No peer library computes this model.

Usage: python benchmarks/bargaining_baron_ferejohn.py [--small]. Writes
benchmarks/results/bargaining_baron_ferejohn.json.
"""

from __future__ import annotations

import json
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

from coalitions.bargaining import baron_ferejohn

#: Largest legislature the homotopy ("before") is timed on.
BEFORE_UP_TO = 101
#: Largest legislature timed with exact rationals (heterogeneous; denominators grow).
EXACT_UP_TO = 101


def _game(n: int, kind: str, exact: bool):
    rng = np.random.default_rng(n)
    if kind == "symmetric":
        return {"discount_factors": Fraction(9, 10) if exact else 0.9}
    if exact:
        raw = rng.integers(1, 20, n)
        return {
            "discount_factors": [Fraction(int(k), 100) for k in rng.integers(60, 98, n)],
            "recognition": [Fraction(int(a), int(raw.sum())) for a in raw],
        }
    return {"discount_factors": rng.uniform(0.6, 0.98, n), "recognition": rng.dirichlet(np.ones(n))}


def _time(n: int, options: dict, repeats: int):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = baron_ferejohn(n, **options)
        times.append(time.perf_counter() - start)
    return float(np.median(times)), result


def main(argv=None) -> None:
    small = "--small" in (sys.argv[1:] if argv is None else argv)
    sizes = [5, 51] if small else [5, 51, 101, 501]
    repeats = 1 if small else 3
    baron_ferejohn(5, discount_factors=0.9, recognition=[0.3, 0.2, 0.2, 0.2, 0.1])  # warm-up
    rows = []
    for n in sizes:
        for kind in ("symmetric", "heterogeneous", "heterogeneous + veto"):
            for exact in (False, True):
                if exact and kind != "symmetric" and n > EXACT_UP_TO:
                    continue
                options = _game(n, kind.split(" ")[0], exact)
                if "veto" in kind:
                    options["veto"] = ["1"]
                after, result = _time(n, options, repeats)
                before = None
                if n <= BEFORE_UP_TO and kind == "heterogeneous":
                    before, _ = _time(n, {**options, "method": "active-set"}, 1)
                rows.append(
                    {
                        "n": n,
                        "game": kind,
                        "numbers": "exact" if exact else "float",
                        "before_s": before,
                        "after_s": after,
                        "speed_up": None if before is None else before / after,
                        "method": result.method,
                        "residual": result.residual,
                        "exact_check": bool(result.exact),
                    }
                )
    print("| n | game | numbers | before (s) | after (s) | speed-up | method | residual | exact |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        before = "-" if row["before_s"] is None else f"{row['before_s']:.3f}"
        ratio = "-" if row["speed_up"] is None else f"{row['speed_up']:.0f}x"
        print(
            f"| {row['n']} | {row['game']} | {row['numbers']} | {before} | "
            f"{row['after_s']:.3f} | {ratio} | {row['method']} | {row['residual']:.1e} | "
            f"{row['exact_check']} |"
        )
    print(
        f"before: method='active-set' (n <= {BEFORE_UP_TO}; at n = 501 its n^3 Jacobian "
        "tensor takes 1 GB per evaluation and the run does not finish); after: the default."
    )
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "bargaining_baron_ferejohn.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
