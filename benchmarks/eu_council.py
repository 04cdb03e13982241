"""The EU Council's qualified-majority rule: our exact indices against a plain prototype.

The rule (TEU art. 16(4)): at least 15 of the 27 states (55 %) representing at least 65 % of
the population, or any 24 states (a blocking minority needs four members). The prototype is
the straightforward meet in the middle an analyst would write: for each state, the subsets of
the two halves of the *other* 26 states by (number of states, population), and for every pair
of state counts the populations that make the state a swing, found by ``searchsorted``. It
shares no code with the package and serves as the oracle of the run (agreement to 1e-12).

We time ``co.shapley_shubik_index`` and ``co.banzhaf_index`` (exact, ``method="auto"``, which
picks the package's meet in the middle) with the package's caches cleared before every call.

    python benchmarks/eu_council.py             # 7 interleaved rounds
    python benchmarks/eu_council.py --small     # 3 rounds

Prints a Markdown table and writes benchmarks/results/eu_council.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import coalitions as co

sys.path.insert(0, str(Path(__file__).resolve().parent))
from power import timed

RESULTS = Path(__file__).resolve().parent / "results"


def prototype(population: np.ndarray, states: int, share: float, any_of: int):
    """Shapley-Shubik and normalised Banzhaf indices of the double-majority rule."""
    n = len(population)
    quota = math.ceil(share * int(population.sum()))
    # Shapley-Shubik weight of joining a coalition of c states: c! (n - 1 - c)! / n!
    weight = [math.factorial(c) * math.factorial(n - 1 - c) / math.factorial(n) for c in range(n)]
    ss = np.zeros(n)
    swings = np.zeros(n)
    for i in range(n):
        others = np.delete(population, i)
        halves = (others[: (n - 1) // 2], others[(n - 1) // 2 :])
        tables = []
        for half in halves:
            m = len(half)
            masks = np.arange(1 << m)
            bits = (masks[:, None] >> np.arange(m)) & 1
            tables.append((bits.sum(axis=1), bits @ half))
        count_b, pop_b = tables[1]
        sorted_b = [np.sort(pop_b[count_b == b]) for b in range(len(halves[1]) + 1)]
        count_a, pop_a = tables[0]
        for a in range(len(halves[0]) + 1):
            pops = pop_a[count_a == a]
            for b, column in enumerate(sorted_b):
                c = a + b  # states in S, the coalition i joins
                if c + 1 >= any_of and c < any_of:  # S + i wins by the 24-state clause
                    found = np.searchsorted(column, quota - pops, "left").sum()
                elif states - 1 <= c < any_of:  # S + i needs the population, S fails
                    lo = quota - population[i] - pops
                    hi = quota - pops if c >= states else np.full_like(pops, 1 << 62)
                    found = (
                        np.searchsorted(column, hi, "left") - np.searchsorted(column, lo, "left")
                    ).sum()
                else:
                    continue
                swings[i] += found
                ss[i] += float(found) * weight[c]
    return ss, swings / swings.sum()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--small", action="store_true", help="3 rounds (make bench)")
    args = parser.parse_args(argv)
    if args.small:
        args.rounds = 3

    eu = co.datasets.eu_council()
    population = np.array(list(co.datasets.eu_population(2020).values()), dtype=np.int64)
    times = {"ours_ss": math.inf, "ours_banzhaf": math.inf, "prototype_both": math.inf}
    for _ in range(args.rounds):  # interleaved, so load hits both sides alike
        t, ours_ss = timed(lambda: co.shapley_shubik_index(eu), 1)
        times["ours_ss"] = min(times["ours_ss"], t)
        t, ours_bz = timed(lambda: co.banzhaf_index(eu), 1)
        times["ours_banzhaf"] = min(times["ours_banzhaf"], t)
        t, (proto_ss, proto_bz) = timed(lambda: prototype(population, 15, 0.65, 24), 1)
        times["prototype_both"] = min(times["prototype_both"], t)
    error = max(
        float(np.max(np.abs(np.array(ours_ss.x, dtype=float) - proto_ss))),
        float(np.max(np.abs(np.array(ours_bz.x, dtype=float) - proto_bz))),
    )
    ours_both = times["ours_ss"] + times["ours_banzhaf"]
    ratio = ours_both / times["prototype_both"]
    lines = [
        f"| call | seconds (best of {args.rounds}) |",
        "|---|---|",
        f"| ours, Shapley-Shubik (exact, {ours_ss.method}) | {times['ours_ss']:.4f} |",
        f"| ours, Banzhaf (exact, {ours_bz.method}) | {times['ours_banzhaf']:.4f} |",
        f"| prototype, both indices (float) | {times['prototype_both']:.4f} |",
        "",
        f"ours (both) / prototype: **{ratio:.2f}x**; largest difference {error:.1e}.",
    ]
    print("\n".join(lines))
    if error > 1e-12:
        print("DISAGREEMENT with the prototype", file=sys.stderr)
        return 1
    RESULTS.mkdir(exist_ok=True)
    record = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "rounds": args.rounds,
        "seconds": times,
        "ours_over_prototype": ratio,
        "max_difference": error,
        "shapley_shubik": dict(zip(ours_ss.players, map(str, ours_ss.x))),
    }
    (RESULTS / "eu_council.json").write_text(json.dumps(record, indent=2) + "\n")
    (RESULTS / "eu_council.md").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
