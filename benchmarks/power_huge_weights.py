"""Huge weights: coalitions' exact indices checked against `powerindex` on equivalent games.

Weighted games whose weights are near 1e18 (ints and floats), huge members beside tiny ones
(n = 3 to 193), the General Assembly's two-thirds rule with huge equal weights, and the EU
Council's population rule in persons. For each we time ``method="auto"`` and record the method
it chose, then check the answer against an oracle that shares no code with ours:

* `powerindex` (a peer, in its own virtual environment, see _peers.py) on the *same game
  written with small integer weights*, derived by hand from the game's structure (the peer's
  generating functions need arrays as long as the quota, so it cannot take the huge weights
  themselves: it is run only when the small game's total weight is at most 10**6, under a
  4 GiB address-space limit);
* brute force over all coalitions where n <= 12.

Found on the way: powerindex 0.3.5 gets the Banzhaf index wrong when a weight is 0 (it gives
[5; 4, 0, 1, 1] the normalised index 0.5, 0, 0.25, 0.25 instead of 0.6, 0, 0.2, 0.2: the
zero-weight member's factor 1 + x^0 = 2 is lost), and fails with an OverflowError (n! as a
float) from about 171 members.

    python benchmarks/power_huge_weights.py          # every case (about a minute)
    python benchmarks/power_huge_weights.py --small  # the cases up to 64 members

Prints a Markdown table and writes benchmarks/results/power_huge_weights.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _peers import run_peer  # noqa: E402

import coalitions as co  # noqa: E402

BIG = 10**18
PEER_LIMIT = 10**6

PEER_SCRIPT = """
import resource, time
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
import powerindex as px
start = time.perf_counter()
try:
    game = px.Game(PAYLOAD["quota"], weights=list(PAYLOAD["weights"]))
    game.calc_shapley_shubik()
    game.calc_banzhaf()
    out = {"seconds": time.perf_counter() - start,
           "shapley_shubik": [float(v) for v in game.shapley_shubik],
           "banzhaf": [float(v) for v in game.banzhaf]}
except Exception as error:
    out = {"error": f"{type(error).__name__}: {str(error)[:120]}"}
print(json.dumps(out))
"""


def _huge_beside_tiny(big_count: int, small_count: int, extra: int):
    """[big_count * B + extra; B x big_count, 1 x small_count] and the same game with B
    replaced by small_count + 1 (the small members together never make up one big one)."""
    unit = small_count + 1
    huge = co.WeightedVotingGame(big_count * BIG + extra, [BIG] * big_count + [1] * small_count)
    small = (big_count * unit + extra, [unit] * big_count + [1] * small_count)
    return huge, small


def cases(small_only: bool) -> list[tuple[str, object, tuple | None]]:
    out = [
        (
            "[2e18; 1e18, 1e18+1, 2e18] (ints)",
            co.WeightedVotingGame(2 * BIG, [BIG, BIG + 1, 2 * BIG]),
            (2, [1, 1, 2]),
        ),
        (
            "[2.5e18; 1e18, 1.5e18, 2e18] (floats)",
            co.WeightedVotingGame(2.5e18, [1e18, 1.5e18, 2e18]),
            (5, [2, 3, 4]),
        ),
        (
            "[1e18+4; 1e18, 3, 5, 1e17] (huge and tiny)",
            co.WeightedVotingGame(BIG + 4, [BIG, 3, 5, BIG // 10]),
            (5, [4, 0, 1, 1]),
        ),
        ("UN Security Council, permanent weight 1e18 (n=15)", *_huge_beside_tiny(5, 10, 4)),
        ("5 huge + 59 tiny (n=64)", *_huge_beside_tiny(5, 59, 4)),
    ]
    if not small_only:
        out += [
            ("5 huge + 188 tiny (n=193)", *_huge_beside_tiny(5, 188, 4)),
            ("3 huge + 190 tiny, quota 3e18+96 (n=193)", *_huge_beside_tiny(3, 190, 96)),
            (
                "General Assembly two thirds, weights 1e18 (n=193)",
                co.WeightedVotingGame(129 * BIG, [BIG] * 193),
                (129, [1] * 193),
            ),
        ]
    populations = list(co.datasets.eu_population().values())
    out.append(
        (
            "EU Council, 65 % of the population in persons (n=27)",
            co.WeightedVotingGame(math.ceil(0.65 * sum(populations)), populations),
            None,
        )
    )
    return out


def brute_force(game) -> tuple[list, list]:
    """Shapley-Shubik and normalised Banzhaf from every coalition (n <= 12)."""
    n = game.n_players
    wins = [game.is_winning(m) for m in range(1 << n)]
    ss, bz = [Fraction(0)] * n, [0] * n
    for m in range(1 << n):
        size = bin(m).count("1")
        for i in range(n):
            if not m >> i & 1 and not wins[m] and wins[m | 1 << i]:
                ss[i] += Fraction(
                    math.factorial(size) * math.factorial(n - 1 - size), math.factorial(n)
                )
                bz[i] += 1
    total = sum(bz)
    return ss, [Fraction(b, total) for b in bz]


def run(small_only: bool) -> dict:
    rows, records = [], []
    for label, game, small in cases(small_only):
        start = time.perf_counter()
        ss = co.shapley_shubik_index(game)
        bz = co.banzhaf_index(game)
        seconds = time.perf_counter() - start
        checks = []
        if game.n_players <= 12:
            brute_ss, brute_bz = brute_force(game)
            checks.append(
                "brute force "
                + ("ok" if list(ss.x) == brute_ss and list(bz.x) == brute_bz else "MISMATCH")
            )
        if small is not None and sum(small[1]) <= PEER_LIMIT:
            answer = run_peer("powerindex", PEER_SCRIPT, {"quota": small[0], "weights": small[1]})
            if "error" in answer:
                checks.append(f"powerindex failed: {answer['error']}")
            else:
                err = max(
                    float(
                        np.max(np.abs(np.array([float(v) for v in ours]) - np.array(answer[key])))
                    )
                    for key, ours in (("shapley_shubik", ss.x), ("banzhaf", bz.x))
                )
                verdict = (
                    "ok"
                    if err < 1e-9
                    else (
                        "WRONG (brute force agrees with us)"
                        if checks == ["brute force ok"]
                        else "MISMATCH"
                    )
                )
                checks.append(
                    f"powerindex {verdict} (max abs diff {err:.1e}, {answer['seconds']:.3f} s)"
                )
        elif small is None:
            # no small equivalent: the exact methods must agree with each other
            mitm = co.shapley_shubik_index(game, method="mitm")
            checks.append(
                "meet in the middle " + ("agrees" if list(mitm.x) == list(ss.x) else "DISAGREES")
            )
        rows.append(
            [
                label,
                str(game.n_players),
                ss.method,
                f"{seconds:.3f}",
                str(ss.exact and bz.exact),
                "; ".join(checks),
            ]
        )
        records.append(
            {
                "game": label,
                "n": game.n_players,
                "method": ss.method,
                "seconds": seconds,
                "exact": ss.exact and bz.exact,
                "checks": checks,
            }
        )
        print(f"  done {label}", file=sys.stderr, flush=True)
    header = ["game", "n", "method (auto)", "SS + Banzhaf s", "exact", "checks"]
    table = "\n".join(
        ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        + ["| " + " | ".join(row) + " |" for row in rows]
    )
    print(table)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "power_huge_weights.json").write_text(json.dumps(records, indent=2))
    return {"table": table, "records": records}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="only the cases up to 64 members")
    args = parser.parse_args(argv)
    return run(args.small)


if __name__ == "__main__":
    main()
