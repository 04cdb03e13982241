"""Per-call time of small games (n = 3, 5, 10) against coopgame-py 0.3.0, in one run, and the
cost of ``import coalitions`` (issue 17, item 2: "within 3x coopgame-py").

Games: random integer worths v(S) uniform on 0..100 with v({i}) = 0 (stored as float64, so
both libraries read the same numbers and ours certifies in exact integer arithmetic), a few
seeded games per n. Calls timed, each side in its own process with the same timer (the best
of several batches of ``time.perf_counter`` around many calls, each call on a game object
built beforehand and never reused, so no per-game cache is counted):

=============  ==========================================  ==================================
concept        coalitions                                  coopgame-py
=============  ==========================================  ==================================
Shapley        ``co.shapley_value(game)``                  ``coopgame.shapley(game)``
core           ``co.core(game)`` (emptiness, certified)     ``game.has_nonempty_core()``
least core     ``co.least_core(game)`` (exact primal+dual)  ``coopgame.least_core(game)``
nucleolus      ``co.nucleolus(game)`` (Kohlberg, exact)     ``coopgame.nucleolus`` + ``certify``
=============  ==========================================  ==================================

coopgame's least core is called on the preimputations (``domain="preimputation"``), as ours;
its nucleolus is certified by its own exact ``certify`` (Kohlberg in rationals), so both sides
return a certified answer. Every answer is compared across the libraries (values to 1e-9).

At n = 3 ours solves no LP: the least core, the core and the (pre)nucleolus of two and three
players have closed forms (``solutions/_three_players.py``), certified exactly (primal and
dual bounds meet; Kohlberg's criterion on the minimal balanced collections). Neither at
n = 4 and 5: the least-core value is the largest Bondareva-Shapley bound over the 41 (1,291)
minimal balanced collections, in integers, and the point and the (pre)nucleolus come from
the stages those collections decide, rebuilt as rationals and certified exactly
(``solutions/_minimal_balanced.py``; a point that fails goes to the LPs).

The *floor* row times what no solver can avoid from Python: a front door (``front_door``
and ``as_tu_game``) that returns one result object (``ValueResult``) holding the payoffs it
was given, on a fresh game: about what Shapley costs us at n <= 5.

``import coalitions`` is timed in fresh processes (best of several): the import itself, and
the import plus the first ``co.TUGame`` (which loads the public API). The two sides take
turns for ``--rounds`` rounds and each keeps its best time.

    python benchmarks/small_games.py            # n = 3, 5, 10
    python benchmarks/small_games.py --small    # fewer repeats

Prints a Markdown table and writes benchmarks/results/small_games.{json,md}.
"""

from __future__ import annotations

import argparse
import inspect
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from _peers import run_peer  # noqa: E402

RESULTS = HERE / "results"
SIZES = (3, 5, 10)
CONCEPTS = ("shapley", "core", "least_core", "nucleolus")
#: Our rows only: the cost of an empty front door plus one result object.
FLOOR = "floor"
GAMES_PER_N = 4
BAR = 3.0


def per_call(make_calls, batches, budget):
    """Seconds per call: ``make_calls(k)`` gives k calls, each on a game built beforehand;
    the best batch's mean, with batches sized to ``budget`` seconds."""
    calls = make_calls(1)
    start = time.perf_counter()
    calls[0]()
    once = max(time.perf_counter() - start, 1e-7)
    size = max(1, min(2000, int(budget / once)))
    best = float("inf")
    for _ in range(batches):
        calls = make_calls(size)
        start = time.perf_counter()
        for call in calls:
            call()
        best = min(best, (time.perf_counter() - start) / size)
    return best


#: The same timer in the peer's process: the source of :func:`per_call`, a constant of this
#: file (nothing from the command line or a data file reaches the peer script).
TIMER = "import time\n\n" + inspect.getsource(per_call)

COOPGAME = (
    TIMER
    + """
import numpy as np, coopgame

def cert_nucleolus(game):
    x = coopgame.nucleolus(game)["allocation"]
    cert = coopgame.certify(game, x)
    if not cert.get("satisfied"):
        raise RuntimeError("coopgame could not certify its nucleolus: " + str(cert.get("reason")))
    return x

CALLS = {
    "shapley": lambda g: coopgame.shapley(g),
    "core": lambda g: g.has_nonempty_core(),
    "least_core": lambda g: coopgame.least_core(g, domain="preimputation"),
    "nucleolus": cert_nucleolus,
}
out = {}
for key, table in PAYLOAD["games"].items():
    games = [coopgame.Game(t[1:]) for t in table]
    row = {}
    for concept, call in CALLS.items():
        def make_calls(size, call=call, table=table):
            fresh = [coopgame.Game(table[k % len(table)][1:]) for k in range(size)]
            return [lambda g=g: call(g) for g in fresh]
        try:
            row[concept] = per_call(make_calls, PAYLOAD["batches"], PAYLOAD["budget"])
        except Exception as error:
            row[concept] = {"error": f"{type(error).__name__}: {error}"[:200]}
    answers = []
    for g in games:
        lc = coopgame.least_core(g, domain="preimputation")
        answers.append({
            "shapley": [float(v) for v in coopgame.shapley(g)],
            "core_empty": not g.has_nonempty_core(),
            "epsilon": float(lc["epsilon"]),
            "nucleolus": [float(v) for v in cert_nucleolus(g)],
        })
    row["answers"] = answers
    out[key] = row
print(json.dumps(out))
"""
)


def make_tables(n: int, seed: int) -> list[list[float]]:
    tables = []
    for k in range(GAMES_PER_N):
        rng = np.random.default_rng([seed, n, k])
        values = rng.integers(0, 101, size=1 << n).astype(np.float64)
        values[0] = 0.0
        values[[1 << i for i in range(n)]] = 0.0
        tables.append(values.tolist())
    return tables


def ours(tables: dict, batches: int, budget: float) -> dict:
    import coalitions as co
    from coalitions._checks import front_door
    from coalitions._numbers import read_only
    from coalitions.games.transforms import as_tu_game
    from coalitions.results import ValueResult

    @front_door(("auto",))
    def floor(game, *, method="auto"):
        game = as_tu_game(game, "floor")
        return ValueResult(
            x=read_only(np.zeros(game.n_players)),
            players=game.players,
            exact=False,
            concept="floor",
            method="none",
        )

    calls = {
        "shapley": co.shapley_value,
        "core": co.core,
        "least_core": co.least_core,
        "nucleolus": co.nucleolus,
        FLOOR: floor,
    }
    out = {}
    for key, table in tables.items():
        row: dict = {}
        for concept, call in calls.items():

            def make_calls(size, call=call, table=table):
                fresh = [co.TUGame(np.array(table[k % len(table)])) for k in range(size)]
                return [lambda g=g: call(g) for g in fresh]

            row[concept] = per_call(make_calls, batches, budget)
        answers = []
        for t in table:
            game = co.TUGame(np.array(t))
            nuc = co.nucleolus(game)
            assert nuc.verified, nuc.message
            answers.append(
                {
                    "shapley": [float(v) for v in co.shapley_value(game).x],
                    "core_empty": bool(co.core(game).is_empty),
                    "epsilon": float(co.least_core(game).epsilon),
                    "nucleolus": [float(v) for v in nuc.x],
                    "nucleolus_exact": bool(nuc.exact) or "exact" in nuc.message,
                }
            )
        row["answers"] = answers
        out[key] = row
    return out


def _best(old: dict, new: dict) -> dict:
    """Per game size and concept, the smaller of two rounds' per-call times."""
    if not old:
        return new
    for key, row in new.items():
        for concept, value in row.items():
            kept = old[key].get(concept)
            if isinstance(value, float) and (not isinstance(kept, float) or value < kept):
                old[key][concept] = value
    return old


def _agree(a: dict, b: dict) -> bool:
    def close(p, q):
        return len(p) == len(q) and all(abs(x - y) <= 1e-9 * max(1.0, abs(x)) for x, y in zip(p, q))

    return (
        close(a["shapley"], b["shapley"])
        and a["core_empty"] == b["core_empty"]
        and abs(a["epsilon"] - b["epsilon"]) <= 1e-9 * max(1.0, abs(a["epsilon"]))
        and close(a["nucleolus"], b["nucleolus"])
    )


def import_times(repeat: int) -> dict:
    """Best wall time of fresh processes: ``import coalitions`` and the first ``co.TUGame``."""
    src = str(HERE.parent / "src")
    code = {
        "python -c pass": "pass",
        "import coalitions": "import coalitions",
        "import coalitions; co.TUGame (loads the API)": "import coalitions as co; co.TUGame",
        "first call: co.nucleolus of a 3-player game": (
            "import coalitions as co; co.nucleolus(co.TUGame([0, 0, 0, 1, 0, 1, 1, 2]))"
        ),
    }
    best = dict.fromkeys(code, float("inf"))
    for _ in range(repeat):
        for name, snippet in code.items():
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", snippet],
                check=True,
                capture_output=True,
                env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
            )
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def markdown(rows: list[dict], imports: dict) -> str:
    lines = [
        "| n | concept | coalitions | coopgame-py | ratio (ours / coopgame) | within 3x |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        peer = r["coopgame_s"]
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        peer_text = (
            f"{peer * 1e3:.3f} ms"
            if isinstance(peer, float)
            else "-"
            if peer is None
            else str(peer)
        )
        ok = "-" if r["ratio"] is None else ("yes" if r["ratio"] <= BAR else "no")
        lines.append(
            f"| {r['n']} | {r['concept']} | {r['ours_s'] * 1e3:.3f} ms | {peer_text} | "
            f"{ratio} | {ok} |"
        )
    lines += ["", "| start-up (fresh process, best wall time) | seconds |", "|---|---|"]
    lines += [f"| {name} | {t:.3f} |" for name, t in imports.items()]
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="fewer, shorter batches")
    parser.add_argument("--n", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-peers", action="store_true", help="skip coopgame-py")
    parser.add_argument("--rounds", type=int, default=3, help="turns of each side (best kept)")
    args = parser.parse_args(argv)
    batches, budget, repeat = (3, 0.05, 3) if args.small else (5, 0.1, 7)
    if args.small:
        args.rounds = min(args.rounds, 2)
    tables = {str(n): make_tables(n, args.seed) for n in args.n}
    # the two sides take turns, round after round, and each keeps its best: load from the
    # other processes on the machine falls on both alike
    peer: dict = {}
    mine: dict = {}
    for _ in range(args.rounds):
        if not args.no_peers:
            got = run_peer(
                "coopgame", COOPGAME, {"games": tables, "batches": batches, "budget": budget}
            )
            if "error" in got:
                print(f"coopgame-py: {got['error']}", file=sys.stderr)
            else:
                peer = _best(peer, got)
        mine = _best(mine, ours(tables, batches, budget))
    rows = []
    for key in tables:
        theirs = peer.get(key, {})
        agree = None
        if "answers" in theirs:
            agree = all(_agree(a, b) for a, b in zip(mine[key]["answers"], theirs["answers"]))
        for concept in (*CONCEPTS, FLOOR):
            peer_s = theirs.get(concept)
            ratio = mine[key][concept] / peer_s if isinstance(peer_s, float) else None
            rows.append(
                {
                    "n": int(key),
                    "concept": concept,
                    "ours_s": mine[key][concept],
                    "coopgame_s": peer_s,
                    "ratio": ratio,
                    "answers_agree": agree,
                }
            )
    imports = import_times(repeat)
    table = markdown(rows, imports)
    print(table)
    disagreements = sorted({r["n"] for r in rows if r["answers_agree"] is False})
    if disagreements:
        print(f"\nanswers DISAGREE with coopgame-py at n = {disagreements}")
    report = {
        "benchmark": "small_games",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "rows": rows,
        "imports_s": imports,
        "answers": {k: v["answers"] for k, v in mine.items()},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "small_games.json").write_text(json.dumps(report, indent=2, default=str))
    (RESULTS / "small_games.md").write_text(table + "\n")
    print(f"\nwrote {RESULTS / 'small_games.json'} and small_games.md")
    return report


if __name__ == "__main__":
    main()
