"""Certified nucleolus and least core of random games, against coopgame-py and a plain
sequential LP, in one run.

Families (integer worths stored as float64, so every answer can be checked exactly):

* ``uniform``  -- v(S) uniform on 0..100, v({i}) = 0;
* ``ties``     -- v(S) uniform on 0..2 (degenerate: huge excess levels, many optima);
* ``sized``    -- v(S) = |S|^2 + uniform 0..3 (nearly symmetric);
* ``weighted`` -- a random weighted majority game (0/1 worths, many ties).

For each family and n it times, in this process, ``nucleolus`` (which includes our exact
rebuild and Kohlberg verification) and ``least_core``; in the peer environment coopgame-py's
``nucleolus`` (row generation) plus its own exact ``certify`` step, and its ``least_core`` on
the preimputations (its certify step runs in a second call, with a 300 s timeout, so a
slow certification does not hide the solve time); and, for n <= 16, a plain sequential LP over all 2**n rows (dual-based
fixing, no row generation). Every nucleolus answer is then checked by our exact verifier
(:func:`coalitions.is_nucleolus` / ``is_prenucleolus`` on rational payoffs: coopgame's
certified fractions, or the float answer snapped to fractions); every least-core value is
compared with ours.

    python benchmarks/nucleolus.py                 # n = 5 ... 24
    python benchmarks/nucleolus.py --small         # n <= 14, a quick run
    python benchmarks/nucleolus.py --n 16 20 25 --families uniform

Prints a Markdown table and writes benchmarks/results/nucleolus.json.
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

import coalitions as co
from coalitions._bits import popcounts
from coalitions._lp import solve_lp

RESULTS = Path(__file__).resolve().parent / "results"
FAMILIES = ("uniform", "ties", "sized", "weighted")
PLAIN_MAX_N = 16

COOPGAME = """
import time, numpy as np, coopgame
values = np.load(PAYLOAD["path"])
start = time.perf_counter()
game = coopgame.Game(values[1:].tolist())
load = time.perf_counter() - start
domain = PAYLOAD["domain"]
out = {"load_seconds": load}
try:
    start = time.perf_counter()
    res = coopgame.nucleolus(game, domain=domain)
    out["nucleolus_seconds"] = time.perf_counter() - start
    out["x"] = [float(v) for v in res["allocation"]]
    out["lp_solves"] = res.get("lp_solves")
except Exception as error:  # the peer's failure is a result, not a crash
    out["nucleolus_error"] = f"{type(error).__name__}: {error}"[:200]
try:
    start = time.perf_counter()
    lc = coopgame.least_core(game, domain="preimputation")
    out["least_core_seconds"] = time.perf_counter() - start
    out["epsilon"] = float(lc["epsilon"])
except Exception as error:
    out["least_core_error"] = f"{type(error).__name__}: {error}"[:200]
print(json.dumps(out))
"""

COOPGAME_CERTIFY = """
import time, numpy as np, coopgame
values = np.load(PAYLOAD["path"])
game = coopgame.Game(values[1:].tolist())
start = time.perf_counter()
cert = coopgame.certify(game, PAYLOAD["x"], domain=PAYLOAD["domain"])
print(json.dumps({"certify_seconds": time.perf_counter() - start,
                  "certified": bool(cert.get("satisfied")),
                  "x_exact": [str(f) for f in cert.get("allocation") or []]}))
"""
CERTIFY_TIMEOUT = 300.0


def make_game(family: str, n: int, seed: int) -> co.TUGame:
    rng = np.random.default_rng(seed)
    if family == "uniform":
        values = rng.integers(0, 101, size=1 << n).astype(np.float64)
        values[[1 << i for i in range(n)]] = 0
    elif family == "ties":
        values = rng.integers(0, 3, size=1 << n).astype(np.float64)
    elif family == "sized":
        sizes = popcounts(n).astype(np.float64)
        values = sizes * sizes + rng.integers(0, 4, size=1 << n)
    elif family == "weighted":
        weights = rng.integers(1, 10, size=n)
        total = np.zeros(1 << n, dtype=np.int64)
        for i in range(n):
            total.reshape(-1, 2, 1 << i)[:, 1, :] += weights[i]
        values = (2 * total > weights.sum()).astype(np.float64)
    else:
        raise ValueError(f"unknown family {family!r}; valid: {', '.join(FAMILIES)}")
    values[0] = 0.0
    return co.TUGame(values)


def plain_sequential_lp(game: co.TUGame, imputation: bool) -> tuple[np.ndarray, int]:
    """Kopelowitz's sequential LP with every coalition as a row in every LP."""
    v = game.values
    n = game.n_players
    full = (1 << n) - 1
    masks = np.arange(1, full, dtype=np.int64)
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(np.float64)
    active = np.ones(masks.size, dtype=bool)
    eq_rows, eq_rhs = [np.ones(n)], [v[full]]
    lps = 0
    x = None
    while np.linalg.matrix_rank(np.array(eq_rows)) < n:
        rows = bits[active]
        a_ub = np.hstack([-rows, -np.ones((rows.shape[0], 1))])
        b_ub = -v[masks[active]]
        if imputation:
            a_ub = np.vstack([a_ub, np.hstack([-np.eye(n), np.zeros((n, 1))])])
            b_ub = np.concatenate([b_ub, -v[[1 << i for i in range(n)]]])
        a_eq = np.hstack([np.array(eq_rows), np.zeros((len(eq_rows), 1))])
        cost = np.zeros(n + 1)
        cost[n] = 1.0
        solution = solve_lp(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=np.array(eq_rhs))
        lps += 1
        if not solution.success:
            raise RuntimeError(solution.message)
        x, t = solution.x[:n], solution.x[n]
        duals = -solution.ineqlin
        index = np.flatnonzero(active)
        hot = np.flatnonzero(duals[: index.size] > 1e-9)
        for k in hot:
            eq_rows.append(bits[index[k]])
            eq_rhs.append(v[masks[index[k]]] - t)
            active[index[k]] = False
        if imputation:
            for i in np.flatnonzero(duals[index.size :] > 1e-9):
                row = np.zeros(n)
                row[i] = 1.0
                eq_rows.append(row)
                eq_rhs.append(v[1 << i])
        basis = np.array(eq_rows)
        # drop rows in the span of the fixed ones
        _, sing, vt = np.linalg.svd(basis)
        rank = int(np.sum(sing > 1e-9))
        null = vt[rank:].T
        if null.size:
            active &= np.any(np.abs(bits @ null) > 1e-9, axis=1)
    return x, lps


def snap(x) -> list[Fraction]:
    return [Fraction(float(v)).limit_denominator(10**7) for v in x]


def check(game: co.TUGame, x, imputation: bool) -> str:
    """Our exact verifier on rational payoffs: 'yes', 'NO'."""
    checker = co.is_nucleolus if imputation else co.is_prenucleolus
    return "yes" if checker(game, x) else "NO"


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    out = function(*args, **kwargs)
    return out, time.perf_counter() - start


def run_case(family: str, n: int, seed: int, peers: bool) -> dict:
    game = make_game(family, n, seed)
    singles = sum(game.values[1 << i] for i in range(n))
    imputation = singles <= game.grand_value
    concept = "nucleolus" if imputation else "prenucleolus"
    solver = co.nucleolus if imputation else co.prenucleolus
    ours, ours_s = timed(solver, game)
    least, least_s = timed(co.least_core, game)
    row = {
        "family": family,
        "n": n,
        "seed": seed,
        "concept": concept,
        "ours_s": ours_s,
        "ours_verified": ours.verified,
        "ours_lps": ours.n_lps,
        "ours_levels": len(ours.levels),
        "least_core_s": least_s,
        "least_core_verified": least.verified,
        "epsilon": least.epsilon,
    }
    row["ours_check"] = (
        check(game, snap(ours.x), imputation) if n <= 22 else ("yes" if ours.verified else "NO")
    )
    if n <= PLAIN_MAX_N:
        (x_plain, plain_lps), plain_s = timed(plain_sequential_lp, game, imputation)
        row.update(
            plain_s=plain_s, plain_lps=plain_lps, plain_check=check(game, snap(x_plain), imputation)
        )
    if peers:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "values.npy"
            np.save(path, np.asarray(game.values))
            domain = "imputation" if imputation else "preimputation"
            peer = run_peer("coopgame", COOPGAME, {"path": str(path), "domain": domain})
            if "x" in peer:
                peer.update(
                    run_peer(
                        "coopgame",
                        COOPGAME_CERTIFY,
                        {"path": str(path), "domain": domain, "x": peer["x"]},
                        timeout=CERTIFY_TIMEOUT,
                    )
                )
        row["coopgame"] = {k: v for k, v in peer.items() if k not in ("x", "x_exact")}
        if "nucleolus_seconds" in peer:
            row["coopgame_s"] = peer["nucleolus_seconds"]
            if "certify_seconds" in peer:
                row["coopgame_certified_s"] = peer["nucleolus_seconds"] + peer["certify_seconds"]
            exact = [Fraction(s) for s in peer.get("x_exact") or []]
            row["coopgame_check"] = check(game, exact or snap(peer["x"]), imputation)
        if "epsilon" in peer:
            row["coopgame_least_core_s"] = peer["least_core_seconds"]
            row["coopgame_epsilon_agrees"] = abs(peer["epsilon"] - least.epsilon) <= 1e-6 * max(
                1.0, abs(least.epsilon)
            )
    return row


def fmt(value, digits=3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}g}" if value < 100 else f"{value:.0f}"
    return str(value)


def ratio(a, b) -> str:
    if a is None or b is None:
        return "-"
    return f"{b / a:.1f}x"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="n <= 14 only")
    parser.add_argument("--n", type=int, nargs="*", help="player counts")
    parser.add_argument("--families", nargs="*", default=list(FAMILIES))
    parser.add_argument("--no-peers", action="store_true", help="skip coopgame-py")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--output", default="nucleolus.json", help="file name under benchmarks/results/"
    )
    args = parser.parse_args(argv)
    sizes = args.n or ([5, 8, 11, 14] if args.small else [5, 8, 12, 16, 18, 20, 22, 24])
    co.nucleolus(make_game("uniform", 6, 0))  # warm-up: imports, caches
    rows = []
    header = (
        "| family | n | concept | ours (certified) | LPs | verified | least core | "
        "coopgame nucleolus | +certify | coopgame least core | plain LP | "
        "speed-up vs coopgame (uncertified / certified) | checks ours/coopgame/plain |"
    )
    print(header)
    print("|" + "|".join(["---"] * (header.count("|") - 1)) + "|")
    for n in sizes:
        for family in args.families:
            row = run_case(family, n, args.seed + n, not args.no_peers)
            rows.append(row)
            print(
                f"| {family} | {n} | {row['concept']} | {fmt(row['ours_s'])} s | "
                f"{row['ours_lps']} | {row['ours_verified']} | {fmt(row['least_core_s'])} s | "
                f"{fmt(row.get('coopgame_s'))} s | {fmt(row.get('coopgame_certified_s'))} s | "
                f"{fmt(row.get('coopgame_least_core_s'))} s | {fmt(row.get('plain_s'))} s | "
                f"{ratio(row['ours_s'], row.get('coopgame_s'))} / "
                f"{ratio(row['ours_s'], row.get('coopgame_certified_s'))} | "
                f"{row['ours_check']}/{row.get('coopgame_check', '-')}/"
                f"{row.get('plain_check', '-')} |",
                flush=True,
            )
            if "coopgame" in row and any("error" in k for k in row["coopgame"]):
                print(f"  coopgame: {row['coopgame']}", flush=True)
    RESULTS.mkdir(exist_ok=True)
    out = {
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "rows": rows,
    }
    (RESULTS / args.output).write_text(json.dumps(out, indent=2, default=str))
    print(f"\nwrote {RESULTS / args.output}")


if __name__ == "__main__":
    main()
