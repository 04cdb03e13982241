"""Certified nucleolus and least core of weighted and compound voting games without the 2**n
table (``method="constraint-generation"``, issue 17 item 5), side by side with our table path
and coopgame-py (on the table, n <= 20) in one run.

Families:

* ``weighted`` -- ``[total // 2 + 1; w]`` with weights uniform on 1..``--top`` (default 30);
* ``eu-like``  -- ``(55 % of the states AND 65 % of a log-normal population) OR n - 3 states``,
  the EU Council's rule on random populations;
* ``eu``       -- the EU Council of 27 (2020 populations) and the UN Security Council.

Every answer of the constraint-generation path is exact and certified (Kohlberg's criterion
with an exact separation); where the table path runs, the two answers must be equal, and
coopgame-py's certified answer is compared with ours.

    python benchmarks/nucleolus_voting.py                       # the default sizes
    python benchmarks/nucleolus_voting.py --small               # a quick run
    python benchmarks/nucleolus_voting.py --n 60 --families weighted
    python benchmarks/nucleolus_voting.py --n 16 17 18 19 20 --table-max-n 20 --families weighted

Prints a Markdown table and writes benchmarks/results/nucleolus_voting.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _peers import run_peer
from nucleolus import CERTIFY_TIMEOUT, COOPGAME, COOPGAME_CERTIFY

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"
TABLE_MAX_N = 18  # our table path up to here (``--table-max-n``)
PEER_MAX_N = 20
CG = "constraint-generation"


def weighted_game(n: int, seed: int, top: int) -> co.WeightedVotingGame:
    weights = np.random.default_rng(seed).integers(1, top + 1, size=n).tolist()
    return co.WeightedVotingGame(sum(weights) // 2 + 1, weights)


def eu_like_game(n: int, seed: int) -> co.CompoundGame:
    people = np.random.default_rng(seed).lognormal(15, 1.2, size=n).astype(int).tolist()
    states = co.WeightedVotingGame(-(-55 * n // 100), [1] * n)
    population = co.WeightedVotingGame(-(-65 * sum(people) // 100), people)
    return (states & population) | co.WeightedVotingGame(n - 3, [1] * n)


def timed(call):
    start = time.perf_counter()
    out = call()
    return out, time.perf_counter() - start


def measure(label: str, game, n: int, *, table: bool, peer: bool) -> dict:
    row: dict = {"game": label, "n": n}
    result, seconds = timed(lambda: co.nucleolus(game, method=CG))
    least, lc_seconds = timed(lambda: co.least_core(game, method=CG))
    row["cg"] = {
        "nucleolus_seconds": seconds,
        "least_core_seconds": lc_seconds,
        "certified": bool(result.success and result.verified and result.exact),
        "least_core_certified": bool(least.success and least.exact),
        "lps": result.nit,
        "levels": len(result.levels),
        "message": result.message,
        "epsilon": str(least.epsilon),
    }
    if table:
        tu = game.to_tu_game()
        reference, t_seconds = timed(lambda: co.nucleolus(tu))
        reference_lc, tl_seconds = timed(lambda: co.least_core(tu))
        row["table"] = {
            "nucleolus_seconds": t_seconds,
            "least_core_seconds": tl_seconds,
            "equal": reference.x.tolist() == result.x.tolist()
            and reference.levels == result.levels,
            "least_core_equal": reference_lc.epsilon == least.epsilon,
        }
    if peer:
        values = np.asarray(game.to_tu_game().values, dtype=np.float64)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "values.npy"
            np.save(path, values)
            found = run_peer("coopgame", COOPGAME, {"path": str(path), "domain": "imputation"})
            if "x" in found:
                found.update(
                    run_peer(
                        "coopgame",
                        COOPGAME_CERTIFY,
                        {"path": str(path), "domain": "imputation", "x": found["x"]},
                        timeout=CERTIFY_TIMEOUT,
                    )
                )
        exact = [Fraction(v) for v in found.get("x_exact") or []]
        found["equal"] = exact == result.x.tolist() if exact else None
        row["coopgame"] = {k: v for k, v in found.items() if k not in ("x", "x_exact")}
    return row


def ratio(a, b) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def table_rows(rows: list[dict]) -> str:
    lines = [
        "| game | n | cg nucleolus s | cg least core s | LPs | certified | table s | "
        "equal | coopgame s (+certify) | coopgame equal | table / cg | coopgame / cg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cg, tb, peer = row["cg"], row.get("table", {}), row.get("coopgame", {})
        peer_s = None
        if "nucleolus_seconds" in peer:
            peer_s = peer["nucleolus_seconds"] + peer.get("certify_seconds", 0.0)
        lines.append(
            f"| {row['game']} | {row['n']} | {cg['nucleolus_seconds']:.3f} | "
            f"{cg['least_core_seconds']:.3f} | {cg['lps']} | "
            f"{cg['certified'] and cg['least_core_certified']} | "
            f"{tb.get('nucleolus_seconds', float('nan')):.3f} | "
            f"{tb.get('equal', '-') and tb.get('least_core_equal', '-')} | "
            f"{'-' if peer_s is None else f'{peer_s:.3f}'} | {peer.get('equal', '-')} | "
            f"{ratio(tb.get('nucleolus_seconds'), cg['nucleolus_seconds'])} | "
            f"{ratio(peer_s, cg['nucleolus_seconds'])} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="*", default=[10, 14, 18, 30, 45, 60, 80, 100])
    parser.add_argument("--families", nargs="*", default=["weighted", "eu-like", "eu"])
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="n <= 14 and no EU Council")
    parser.add_argument(
        "--table-max-n",
        type=int,
        default=TABLE_MAX_N,
        help="largest n timed on the table too (where the default switches path)",
    )
    args = parser.parse_args()
    sizes = [n for n in args.n if n <= 14] if args.small else args.n
    families = [f for f in args.families if f != "eu"] if args.small else args.families
    rows = []
    for family in families:
        if family == "weighted":
            for n in sizes:
                game = weighted_game(n, args.seed, args.top)
                rows.append(
                    measure(
                        f"weighted 1..{args.top}",
                        game,
                        n,
                        table=n <= args.table_max_n,
                        peer=n <= PEER_MAX_N,
                    )
                )
        elif family == "eu-like":
            for n in [n for n in sizes if n <= 27]:
                game = eu_like_game(n, args.seed)
                rows.append(
                    measure("eu-like", game, n, table=n <= args.table_max_n, peer=n <= PEER_MAX_N)
                )
        elif family == "eu":
            unsc = co.datasets.un_security_council()
            rows.append(measure("UN Security Council", unsc, 15, table=True, peer=True))
            eu = co.datasets.eu_council()
            rows.append(measure("EU Council 2020", eu, 27, table=False, peer=False))
        print(table_rows(rows[-1:]).splitlines()[-1] if rows else "", flush=True)
    print()
    print(table_rows(rows))
    RESULTS.mkdir(exist_ok=True)
    out = {"python": platform.python_version(), "machine": platform.machine(), "rows": rows}
    (RESULTS / "nucleolus_voting.json").write_text(json.dumps(out, indent=2, default=str))


if __name__ == "__main__":
    main()
