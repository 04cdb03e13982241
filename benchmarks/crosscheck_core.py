"""Cross-check of the core family against coopgame-py 0.3.0 and tucoopy 0.1.0.

Random games, seeded (``--games`` of them, default 1200), from these families:

* ``rational`` -- n = 2..6, worths in 0..12 or fractions with small denominators;
* ``ties``     -- worths in {0, 1, 2} (degenerate: many optimal LP vertices);
* ``glove``, ``bankruptcy``, ``veto`` (simple games with one to three veto players),
  ``majority``, ``convex`` (non-negative Harsanyi dividends);
* ``airport``  -- airport cost games (``is_cost``), and ``cost`` -- random cost games;
* ``offset``   -- a small rational game plus ``k * |S|`` with k in {10**6, 10**9, 10**12}
  (exactly representable as floats, so the peers get the same game) and, for our side only,
  10**17 and 10**30 (beyond float64: checked against the offset-free game).

For each game: the prenucleolus, the nucleolus (when the imputation set is not empty), the
least-core value and the core's emptiness, from us and from both peers (each in its own
environment, see ``_peers.py``). Cost games go to coopgame's ``cost_nucleolus`` and
``airport`` and to tucoopy through the savings game. Every disagreement is resolved by the
exact Kohlberg criterion on each side's answer (a peer's float answer snapped to the nearest
fractions with denominators up to 10**6), by the brute-force nucleolus oracle of
``tests/solutions/_core_oracles.py`` for n <= 4, and for the least core by our exact primal
and dual certificates.

    python benchmarks/crosscheck_core.py               # 1200 games
    python benchmarks/crosscheck_core.py --games 200   # a quick run

Prints a Markdown summary and writes ``benchmarks/results/crosscheck_core.json`` (every
disagreement with its game, both answers and the verdict).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests" / "solutions"))

from _core_oracles import brute_force_nucleolus  # noqa: E402
from _peers import run_peer  # noqa: E402

import coalitions as co  # noqa: E402

RESULTS = HERE / "results"
PEER_OFFSETS = (10**6, 10**9, 10**12)
BIG_OFFSETS = (10**17, 10**30)
TOL = 1e-6

COOPGAME = """
import json, coopgame
out = []
for item in PAYLOAD["games"]:
    row = {}
    values = item["values"][1:]
    def attempt(key, call):
        try:
            row[key] = call()
        except Exception as error:
            row[key] = {"error": str(error)[:200]}
    if item["cost"]:
        game = coopgame.Game(values)
        attempt("nucleolus", lambda: list(coopgame.cost_nucleolus(game)))
        if item.get("costs") is not None:
            attempt("airport", lambda: coopgame.airport(item["costs"]))
        savings = coopgame.Game(item["savings"][1:])
        attempt("least_core", lambda: coopgame.least_core(savings, domain="preimputation")["epsilon"])
        attempt("prenucleolus", lambda: coopgame.prenucleolus(savings)["allocation"])
    else:
        game = coopgame.Game(values)
        attempt("prenucleolus", lambda: coopgame.prenucleolus(game)["allocation"])
        if item["imputations"]:
            attempt("nucleolus", lambda: coopgame.nucleolus(game)["allocation"])
        attempt("least_core", lambda: coopgame.least_core(game, domain="preimputation")["epsilon"])
        if item["n"] <= 10 and item.get("exact") is not None:
            attempt("nucleolus_exact", lambda: [str(v) for v in coopgame.nucleolus_exact(
                item["exact"][1:], domain="imputation" if item["imputations"] else
                "preimputation")["allocation"]])
    out.append(row)
print(json.dumps(out))
"""

TUCOOPY = """
import json, tucoopy
from tucoopy.solutions import least_core, prenucleolus
out = []
for item in PAYLOAD["games"]:
    row = {}
    table = item["savings"] if item["cost"] else item["values"]
    game = tucoopy.Game(item["n"], {m: v for m, v in enumerate(table)})
    def attempt(key, call):
        try:
            row[key] = call()
        except Exception as error:
            row[key] = {"error": str(error)[:200]}
    attempt("prenucleolus", lambda: list(prenucleolus(game).x))
    if item["savings_imputations"]:
        attempt("nucleolus", lambda: list(tucoopy.nucleolus(game).x))
    attempt("least_core", lambda: least_core(game).epsilon)
    attempt("core_empty", lambda: bool(tucoopy.Core(game).is_empty()))
    out.append(row)
print(json.dumps(out))
"""


# --------------------------------------------------------------------------- games
def _rational(rng, n):
    if rng.random() < 0.5:
        values = [Fraction(int(v)) for v in rng.integers(0, 13, 1 << n)]
    else:
        values = [
            Fraction(int(a), int(b))
            for a, b in zip(rng.integers(-4, 13, 1 << n), rng.integers(1, 5, 1 << n))
        ]
    values[0] = Fraction(0)
    return co.TUGame(values)


def _veto(rng, n):
    k = int(rng.integers(1, min(3, n) + 1))
    quota = int(rng.integers(k, n + 1))
    names = [str(i + 1) for i in range(n)]
    veto = frozenset(names[:k])
    return co.TUGame.from_function(lambda s: int(veto <= s and len(s) >= quota), names)


def _convex(rng, n):
    table = rng.integers(0, 4, size=1 << n).astype(np.int64)
    table[0] = 0
    for i in range(n):
        view = table.reshape(-1, 2, 1 << i)
        view[:, 1, :] += view[:, 0, :]
    return co.TUGame(table)


def make_game(rng, family):
    n = int(rng.integers(2, 7))
    if family == "rational":
        return _rational(rng, n), None
    if family == "ties":
        values = rng.integers(0, 3, 1 << n).astype(np.int64)
        values[0] = 0
        return co.TUGame(values), None
    if family == "glove":
        left = int(rng.integers(1, n))
        return co.glove_game(
            [f"L{i}" for i in range(left)], [f"R{i}" for i in range(n - left)]
        ), None
    if family == "bankruptcy":
        claims = [int(c) for c in rng.integers(0, 20, n)]
        return co.bankruptcy_game(int(rng.integers(0, sum(claims) + 1)), claims), None
    if family == "veto":
        return _veto(rng, n), None
    if family == "majority":
        return co.majority_game(n, int(rng.integers(1, n + 1))), None
    if family == "convex":
        return _convex(rng, n), None
    if family == "airport":
        costs = [int(c) for c in rng.integers(0, 30, n)]
        return co.airport_game(costs), costs
    if family == "cost":
        values = [Fraction(int(v)) for v in rng.integers(0, 20, 1 << n)]
        values[0] = Fraction(0)
        return co.TUGame(values, cost=True), None
    raise ValueError(family)


FAMILIES = (
    "rational",
    "ties",
    "glove",
    "bankruptcy",
    "veto",
    "majority",
    "convex",
    "airport",
    "cost",
    "offset",
)


def with_offset(game, offset):
    sizes = [bin(m).count("1") for m in range(len(game.values))]
    return co.TUGame([v + offset * s for v, s in zip(game.values, sizes)])


# --------------------------------------------------------------------------- checks
def snap(x):
    return [Fraction(repr(float(v))).limit_denominator(10**6) for v in x]


def close(a, b, scale):
    return len(a) == len(b) and all(abs(float(p) - float(q)) <= TOL * scale for p, q in zip(a, b))


def ours(game):
    out = {"prenucleolus": co.prenucleolus(game)}
    singles = sum(game.values[1 << i] for i in range(game.n_players))
    imputations = singles >= game.grand_value if game.is_cost else singles <= game.grand_value
    if imputations:
        out["nucleolus"] = co.nucleolus(game)
    out["least_core"] = co.least_core(game)
    out["core"] = co.core(game)
    return out, imputations


def verdict(game, concept, mine, theirs):
    """Who is right, by the exact Kohlberg criterion (and the brute-force oracle, n <= 4)."""
    check = co.is_nucleolus if concept == "nucleolus" else co.is_prenucleolus
    ours_ok = check(game, list(mine))
    theirs_ok = check(game, snap(theirs))
    oracle = None
    if game.n_players <= 4:
        values = [Fraction(v) for v in game.values]
        if game.is_cost:
            values = [-v for v in values]
        found = brute_force_nucleolus(values, game.n_players, imputation=concept == "nucleolus")
        oracle = [(-v if game.is_cost else v) for v in found]
        ours_ok = ours_ok and list(mine) == oracle
    return {
        "ours_kohlberg": ours_ok,
        "peer_kohlberg": theirs_ok,
        "oracle": None if oracle is None else [str(v) for v in oracle],
        "right": "ours"
        if ours_ok and not theirs_ok
        else "peer"
        if theirs_ok and not ours_ok
        else "both"
        if ours_ok
        else "neither",
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=20241)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    games, payload = [], []
    started = time.perf_counter()
    for k in range(args.games):
        family = FAMILIES[k % len(FAMILIES)]
        if family == "offset":
            base, _ = make_game(rng, "rational")
            offset = PEER_OFFSETS[k // len(FAMILIES) % len(PEER_OFFSETS)]
            game, costs = with_offset(base, offset), None
        else:
            game, costs = make_game(rng, family)
            base, offset = None, None
        answers, imputations = ours(game)
        savings = co.cost_to_savings(game) if game.is_cost else game
        savings_singles = sum(savings.values[1 << i] for i in range(game.n_players))
        games.append(
            {
                "family": family,
                "game": game,
                "costs": costs,
                "answers": answers,
                "imputations": imputations,
                "base": base,
                "offset": offset,
            }
        )
        payload.append(
            {
                "n": game.n_players,
                "cost": game.is_cost,
                "costs": costs,
                "values": [float(v) for v in game.values],
                "savings": [float(v) for v in savings.values],
                "exact": [str(v) for v in game.values],
                "imputations": imputations,
                "savings_imputations": savings_singles <= savings.grand_value,
            }
        )
    ours_seconds = time.perf_counter() - started
    peers = {}
    for name, script in (("coopgame", COOPGAME), ("tucoopy", TUCOOPY)):
        start = time.perf_counter()
        result = run_peer(name, script, {"games": payload}, timeout=3600)
        peers[name] = {
            "rows": result if isinstance(result, list) else None,
            "error": result.get("error") if isinstance(result, dict) else None,
            "seconds": time.perf_counter() - start,
        }
    counts = defaultdict(Counter)
    disagreements = []
    own_failures = []
    for index, item in enumerate(games):
        game, answers = item["game"], item["answers"]
        scale = max(1.0, max(abs(float(v)) for v in game.values))

        def note(peer, concept, outcome, **details):
            """Count an outcome; keep every disagreement and peer error with its game."""
            counts[(peer, concept)][outcome] += 1
            if not outcome.startswith("agree"):
                disagreements.append(
                    {
                        "peer": peer,
                        "concept": concept,
                        "index": index,
                        "family": item["family"],
                        "offset": item["offset"],
                        "cost": game.is_cost,
                        "values": [str(v) for v in game.values],
                        **details,
                    }
                )

        for concept in ("prenucleolus", "nucleolus", "least_core", "core"):
            result = answers.get(concept)
            if result is not None and not result.success:
                own_failures.append(
                    {
                        "index": index,
                        "family": item["family"],
                        "concept": concept,
                        "message": result.message,
                    }
                )
        for peer, info in peers.items():
            if info["rows"] is None:
                continue
            row = info["rows"][index]
            for concept in ("prenucleolus", "nucleolus"):
                if concept not in row or concept not in answers:
                    continue
                mine = list(answers[concept].x)
                theirs = row[concept]
                if isinstance(theirs, dict):
                    note(peer, concept, "peer error", peer_error=theirs["error"])
                    continue
                if game.is_cost and (peer == "tucoopy" or concept == "prenucleolus"):
                    # the peer solved the savings game: back to cost shares
                    theirs = [float(game.values[1 << i]) - v for i, v in enumerate(theirs)]
                if close(mine, theirs, scale):
                    note(peer, concept, "agree")
                    continue
                judged = verdict(game, concept, mine, theirs)
                note(
                    peer,
                    concept,
                    f"disagree: {judged['right']} right",
                    ours=[str(v) for v in mine],
                    peer_answer=theirs,
                    **judged,
                )
            if "least_core" in row:
                theirs = row["least_core"]
                mine = answers["least_core"].epsilon
                if isinstance(theirs, dict):
                    note(peer, "least_core", "peer error", peer_error=theirs["error"])
                elif abs(float(theirs) - float(mine)) <= TOL * scale:
                    note(peer, "least_core", "agree")
                else:
                    certified = answers["least_core"].exact and answers["least_core"].verified
                    note(
                        peer,
                        "least_core",
                        f"disagree: {'ours' if certified else 'unresolved'} right",
                        ours=str(mine),
                        peer_answer=theirs,
                        ours_certified=certified,
                    )
            if "core_empty" in row and not isinstance(row["core_empty"], dict):
                same = row["core_empty"] == answers["core"].is_empty
                note(
                    peer,
                    "core emptiness",
                    "agree" if same else "disagree: ours right",
                    ours=answers["core"].is_empty,
                    ours_epsilon=str(answers["core"].epsilon),
                    peer_answer=row["core_empty"],
                )
            if "nucleolus_exact" in row:
                theirs = row["nucleolus_exact"]
                concept = "nucleolus" if item["imputations"] else "prenucleolus"
                if isinstance(theirs, dict):
                    note(peer, "nucleolus_exact", "peer error", peer_error=theirs["error"])
                else:
                    same = [Fraction(v) for v in theirs] == list(answers[concept].x)
                    note(
                        peer,
                        "nucleolus_exact",
                        "agree exactly" if same else "disagree",
                        ours=[str(v) for v in answers[concept].x],
                        peer_answer=theirs,
                    )
            if "airport" in row and "error" not in row["airport"]:
                for concept in ("nucleolus", "shapley"):
                    mine = (
                        answers["nucleolus"].x
                        if concept == "nucleolus"
                        else co.shapley_value(game).x
                    )
                    same = close(list(mine), row["airport"][concept], scale)
                    note(
                        peer,
                        f"airport {concept}",
                        "agree" if same else "disagree",
                        ours=[str(v) for v in mine],
                        peer_answer=row["airport"][concept],
                    )
    # large offsets beyond float64: our answers against the offset-free game
    big = Counter()
    for _ in range(max(1, args.games // 10)):
        base, _ = make_game(rng, "rational")
        for offset in BIG_OFFSETS:
            shifted = with_offset(base, offset)
            a, b = co.prenucleolus(base), co.prenucleolus(shifted)
            lc_a, lc_b = co.least_core(base), co.least_core(shifted)
            ok = (
                b.success
                and lc_b.success
                and lc_b.epsilon == lc_a.epsilon
                and list(b.x) == [v + offset for v in a.x]
                and co.core(shifted).is_empty == co.core(base).is_empty
            )
            big["exact shift" if ok else "MISMATCH"] += 1
    summary = {
        "games": args.games,
        "seed": args.seed,
        "families": FAMILIES,
        "ours_seconds": ours_seconds,
        "peers": {k: {"seconds": v["seconds"], "error": v["error"]} for k, v in peers.items()},
        "counts": {f"{peer} / {concept}": dict(c) for (peer, concept), c in sorted(counts.items())},
        "own_failures": own_failures,
        "large_offsets_beyond_float64": dict(big),
        "disagreements": disagreements,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "crosscheck_core.json").write_text(json.dumps(summary, indent=1, default=str))
    print(f"# Core family cross-check: {args.games} games (seed {args.seed})\n")
    print(
        f"ours: {ours_seconds:.1f} s; "
        + "; ".join(
            f"{k}: {v['seconds']:.1f} s" + (f" ({v['error']})" if v["error"] else "")
            for k, v in peers.items()
        )
    )
    print("\n| peer / concept | outcome counts |\n|---|---|")
    for key, value in summary["counts"].items():
        print(f"| {key} | {', '.join(f'{k}: {v}' for k, v in sorted(value.items()))} |")
    print(f"\nour own failures (success=False): {len(own_failures)}")
    print(f"offsets 10**17 and 10**30 (exact integers, ours only): {dict(big)}")
    by_family = Counter(
        (
            d["peer"],
            d["concept"],
            d["family"],
            d.get("right", "peer error" if "peer_error" in d else "-"),
        )
        for d in disagreements
    )
    if by_family:
        print("\n| peer | concept | family | who is right | count |\n|---|---|---|---|---|")
        for (peer, concept, family, right), count in sorted(by_family.items()):
            print(f"| {peer} | {concept} | {family} | {right} | {count} |")
    print(f"\nwritten to {RESULTS / 'crosscheck_core.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
