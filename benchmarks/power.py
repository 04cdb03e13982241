"""Voting power: coalitions against the `powerindex` and `powerindices` packages, side by side.

Games: the EU Council (27 states, 2020 populations, qualified majority with the 24-state
clause) and random weighted games with n = 50, 100, 200, 400 members and integer weights in
1..1000 (quota: simple majority of the total weight, fixed seeds). For each game and index
(Shapley-Shubik, Banzhaf) we time our fast path and each peer (run in its own virtual
environment, see _peers.py), and check every peer answer against ours: a peer that returns a
wrong answer (int64 overflow, float overflow) is reported as WRONG, not timed as a win.

Our own accuracy is shown too: Banzhaf in floats against the exact integer counts, and
Shapley-Shubik in floats against the exact counts (n <= 100; Python integers above 62 members,
about 12 s at n = 100) or, for larger n, against a second Gauss-Legendre rule with more nodes
(both integrate the same polynomial exactly).

    python benchmarks/power.py            # full run (a few minutes, mostly the peers)
    python benchmarks/power.py --small    # n = 50, 100 and the EU Council only

Prints a Markdown table and writes benchmarks/results/power.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from _peers import run_peer  # noqa: E402

import coalitions as co  # noqa: E402
from coalitions.power import _engines as engines  # noqa: E402
from coalitions.power import indices as power_indices_module  # noqa: E402

PEER_SCRIPTS = {
    "powerindex": """
import time
import powerindex as px
game = px.Game(PAYLOAD["quota"], weights=list(PAYLOAD["weights"]))
start = time.perf_counter()
try:
    if PAYLOAD["index"] == "shapley_shubik":
        game.calc_shapley_shubik(); values = game.shapley_shubik
    else:
        game.calc_banzhaf(); values = game.banzhaf          # normalised
    out = {"seconds": time.perf_counter() - start, "values": [float(v) for v in values],
           "normalized": True}
except Exception as error:
    out = {"error": f"{type(error).__name__}: {str(error)[:120]}",
           "seconds": time.perf_counter() - start}
print(json.dumps(out))
""",
    "powerindices": """
import time
import powerindices as pi
start = time.perf_counter()
try:
    weights = list(PAYLOAD["weights"])                      # the package mutates its input
    if PAYLOAD["index"] == "shapley_shubik":
        values = pi.compute_ssi(PAYLOAD["quota"], weights); normalized = True
    else:
        values = pi.compute_pbi(PAYLOAD["quota"], weights); normalized = False  # absolute
    out = {"seconds": time.perf_counter() - start, "values": [float(v) for v in values],
           "normalized": normalized}
except Exception as error:
    out = {"error": f"{type(error).__name__}: {str(error)[:120]}",
           "seconds": time.perf_counter() - start}
print(json.dumps(out))
""",
}


GAVE_UP: dict = {}
SMALL = False


def clear_caches() -> None:
    engines._cached_counts.cache_clear()
    for name in ("_float_ss", "_float_banzhaf", "_float_win_lose"):
        getattr(power_indices_module, name).cache_clear()


def timed(function, repeat: int = 1):
    best, value = float("inf"), None
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        value = function()
        best = min(best, time.perf_counter() - start)
    return best, value


def max_rel(a, b) -> float:
    a = np.asarray([float(v) for v in a])
    b = np.asarray([float(v) for v in b])
    scale = np.maximum(np.abs(a), 1e-300)
    mask = (a != 0) | (b != 0)
    if not mask.any():
        return 0.0
    return float(np.max(np.abs(a[mask] - b[mask]) / scale[mask]))


def random_game(n: int, seed: int):
    rng = np.random.default_rng(seed)
    weights = rng.integers(1, 1001, size=n).tolist()
    return co.WeightedVotingGame(sum(weights) // 2 + 1, weights), weights


def check_peer(answer: dict, ours_normalised, ours_absolute) -> tuple[str, float | None]:
    if "error" in answer:
        return f"failed: {answer['error']}", None
    values = answer["values"]
    if not np.all(np.isfinite(values)):
        return "WRONG (non-finite values)", answer["seconds"]
    reference = ours_normalised if answer.get("normalized", True) else ours_absolute
    err = max_rel(reference, values)
    status = "ok" if err < 1e-9 else f"WRONG (max rel err {err:.2g})"
    return status, answer["seconds"]


def bench_eu(rows: list, records: list) -> None:
    eu = co.datasets.eu_council()
    t_ss, ss = timed(lambda: co.shapley_shubik_index(eu), repeat=3)
    t_bz, bz = timed(lambda: co.banzhaf_index(eu), repeat=3)
    t_both, _ = timed(lambda: (co.shapley_shubik_index(eu), co.banzhaf_index(eu)), repeat=3)
    for index, seconds, result in (("shapley_shubik", t_ss, ss), ("banzhaf", t_bz, bz)):
        note = f"exact={result.exact}, method={result.method}; SS+Banzhaf together {t_both:.3f} s"
        rows.append(
            [
                "EU Council QMV (27, populations)",
                index,
                f"{seconds:.3f}",
                "n/a (compound rule)",
                "",
                "n/a (compound rule)",
                "",
                note,
            ]
        )
        records.append(
            {
                "game": "eu_council_qmv",
                "n": 27,
                "index": index,
                "ours_seconds": seconds,
                "exact": result.exact,
                "ss_plus_banzhaf_seconds": t_both,
                "values": {p: str(v) for p, v in zip(result.players, result.x)},
                "peers": {
                    "powerindex": "unsupported: compound rule",
                    "powerindices": "unsupported: compound rule",
                },
            }
        )


def bench_random(n: int, seed: int, timeout: float, rows: list, records: list) -> None:
    game, weights = random_game(n, seed)
    label = f"random n={n} (q={game.int_quota})"
    # what users get (method="auto"), and the float paths
    t_bz, bz_auto = timed(lambda: co.banzhaf_index(game, normalized=False), repeat=3)
    t_ss, ss_auto = timed(lambda: co.shapley_shubik_index(game), repeat=2 if n <= 100 else 1)
    bz_float = co.banzhaf_index(game, normalized=False, method="float")
    ss_float = co.shapley_shubik_index(game, method="float")
    # our references
    t_bz_exact, bz_exact = timed(lambda: co.banzhaf_index(game, normalized=False, method="exact"))
    bz_err = max_rel(bz_exact.x, bz_float.x)
    if n <= 62 or (n <= 100 and not SMALL):
        t_ss_exact, ss_ref = timed(lambda: co.shapley_shubik_index(game, method="exact"))
        ss_ref_values, ss_check = ss_ref.x, f"vs exact ({t_ss_exact:.2f} s)"
    else:
        ss_check = "vs a finer Gauss-Legendre rule"
        ss_ref_values = _finer_ss(game)
    ss_err = max_rel(ss_ref_values, ss_float.x)
    bz_abs = [float(v) for v in bz_exact.x]
    total = sum(bz_abs)
    bz_norm = [v / total for v in bz_abs]
    ss_values = [float(v) for v in ss_ref_values]
    ours = {
        "banzhaf": (
            t_bz,
            bz_norm,
            bz_abs,
            f"auto={bz_auto.method}; float max rel err vs exact {bz_err:.1e}; "
            f"exact integers {t_bz_exact:.2f} s",
        ),
        "shapley_shubik": (
            t_ss,
            ss_values,
            ss_values,
            f"auto={ss_auto.method}; float max rel err {ss_err:.1e} {ss_check}",
        ),
    }
    for index, (seconds, normalised, absolute, note) in ours.items():
        peer_cells, peer_records = [], {}
        for peer in ("powerindex", "powerindices"):
            if (peer, index) in GAVE_UP:
                status = f"skipped (timed out at n={GAVE_UP[(peer, index)]})"
                peer_cells += [status, "-"]
                peer_records[peer] = {"status": status, "seconds": None, "ratio": None}
                continue
            answer = run_peer(
                peer,
                PEER_SCRIPTS[peer],
                {"quota": game.int_quota, "weights": weights, "index": index},
                timeout=timeout,
            )
            status, peer_seconds = check_peer(answer, normalised, absolute)
            if "timed out" in status:
                GAVE_UP[(peer, index)] = n
            if peer_seconds is not None and status == "ok":
                peer_cells += [f"{peer_seconds:.3f}", f"{peer_seconds / seconds:.0f}x"]
            elif peer_seconds is not None:
                peer_cells += [f"{peer_seconds:.3f} {status}", "-"]
            else:
                peer_cells += [status, "-"]
            peer_records[peer] = {
                "status": status,
                "seconds": peer_seconds,
                "ratio": (peer_seconds / seconds if peer_seconds and status == "ok" else None),
            }
        rows.append([label, index, f"{seconds:.3f}", *peer_cells, note])
        records.append(
            {
                "game": f"random_{n}",
                "n": n,
                "seed": seed,
                "quota": game.int_quota,
                "index": index,
                "ours_seconds": seconds,
                "ours_note": note,
                "peers": peer_records,
            }
        )
        print(f"  done {label} {index}", file=sys.stderr, flush=True)


def _finer_ss(game) -> np.ndarray:
    """Shapley-Shubik with 8 more Gauss-Legendre nodes than needed (an independent rule)."""
    weights, mult, member = engines._groups(game)
    m = game.n_players // 2 + 9
    nodes, node_weights = np.polynomial.legendre.leggauss(m)
    p, omega = (nodes + 1) / 2, node_weights / 2
    total = np.zeros(len(weights))
    for block in (np.flatnonzero(p <= 0.5), np.flatnonzero(p > 0.5)):
        for start in range(0, len(block), 8):
            idx = block[start : start + 8]
            total += (
                engines._leave_one_out(weights, mult, game.int_quota, 1 - p[idx], p[idx])
                @ omega[idx]
            )
    return total[member]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="quick run: n = 50, 100")
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds allowed per peer call (default 60, --small 30)",
    )
    args = parser.parse_args(argv)
    global SMALL
    SMALL = args.small
    sizes = [50, 100] if args.small else [50, 100, 200, 400]
    timeout = args.timeout or (30.0 if args.small else 60.0)
    rows, records = [], []
    co.shapley_shubik_index(co.WeightedVotingGame(300, [1] * 400), method="float")  # warm-up
    bench_eu(rows, records)
    for k, n in enumerate(sizes):
        bench_random(n, 1000 + k, timeout, rows, records)
    header = [
        "game",
        "index",
        "coalitions (s)",
        "powerindex (s)",
        "ratio",
        "powerindices (s)",
        "ratio",
        "notes",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "power.json").write_text(
        json.dumps({"small": args.small, "timeout": timeout, "records": records}, indent=2)
    )
    print(f"\nJSON written to {out / 'power.json'}")


if __name__ == "__main__":
    main()
