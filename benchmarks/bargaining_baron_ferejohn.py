"""Baron-Ferejohn stationary equilibrium: time and certificate for heterogeneous legislatures.

The bar (issue 5): a 27-member legislature with heterogeneous discount factors and
recognition probabilities solves in under 1 s. No peer library computes this model, so the
table shows the time against that bar. Usage: python benchmarks/bargaining_baron_ferejohn.py
[--small]. Writes benchmarks/results/bargaining_baron_ferejohn.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from coalitions.bargaining import baron_ferejohn


def main(argv=None) -> None:
    small = "--small" in (sys.argv[1:] if argv is None else argv)
    sizes = [5, 27] if small else [5, 9, 15, 27, 50]
    repeats = 2 if small else 5
    baron_ferejohn(5, discount_factors=0.9, recognition=[0.3, 0.2, 0.2, 0.2, 0.1])  # warm-up
    rows = []
    for n in sizes:
        rng = np.random.default_rng(n)
        quotas = {"majority": n // 2 + 1, "55%": -(-55 * n // 100), "unanimity": n}
        for label, q in quotas.items():
            times, residuals, methods = [], [], set()
            for _ in range(repeats):
                delta = rng.uniform(0.6, 0.98, n)
                p = rng.dirichlet(np.ones(n))
                start = time.perf_counter()
                result = baron_ferejohn(n, discount_factors=delta, recognition=p, quota=q)
                times.append(time.perf_counter() - start)
                residuals.append(result.residual)
                methods.add(result.method)
            rows.append(
                {
                    "n": n,
                    "quota": f"{label} ({q})",
                    "median_s": float(np.median(times)),
                    "max_s": float(np.max(times)),
                    "max_residual": float(max(residuals)),
                    "methods": sorted(methods),
                    "ratio_to_1s_bar": float(np.max(times)),
                }
            )
    print("| n | quota | median (s) | max (s) | max residual | method |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['n']} | {row['quota']} | {row['median_s']:.3f} | {row['max_s']:.3f} | "
            f"{row['max_residual']:.1e} | {', '.join(row['methods'])} |"
        )
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "bargaining_baron_ferejohn.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
