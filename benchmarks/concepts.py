"""Solution concepts compared on families of games: distances, core membership, run times.

For each family (random, convex, weighted voting, airport savings, bankruptcy, glove) it draws
seeded instances of n players and computes the Shapley value, the Banzhaf value (rescaled to
share v(N), so that it is comparable and can lie in the core), and the nucleolus and tau value
when the library provides them (``coalitions.nucleolus``, ``coalitions.tau_value``; otherwise
"not available"). It reports the mean L1 distance between each pair, how often each lies in
the core (the library's core checker if importable, else a direct check of
``x(S) >= v(S) - 1e-9`` for every S), and the mean run time of each concept.

    python benchmarks/concepts.py            # n = 10, 25 instances per family
    python benchmarks/concepts.py --small    # n = 7, 6 instances per family

Prints a Markdown table and writes benchmarks/results/concepts.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import coalitions as co

RESULTS = Path(__file__).resolve().parent / "results"


# --------------------------------------------------------------------------- families


def random_family(n, rng):
    # v(S) = |S| U(0, 1), v(N) = n: random but essential (the imputation set is not empty)
    sizes = np.array([bin(m).count("1") for m in range(1 << n)], dtype=np.float64)
    values = sizes * rng.random(1 << n)
    values[-1] = n
    return co.TUGame(values)


def convex_family(n, rng):
    weights = rng.random(n)
    masks = np.arange(1 << n)
    sums = ((masks[:, None] >> np.arange(n)) & 1) @ weights
    return co.TUGame(sums**3)  # f(w(S)) with f convex: supermodular


def weighted_family(n, rng):
    weights = rng.integers(1, 10, n)
    quota = int(weights.sum()) // 2 + 1
    masks = np.arange(1 << n)
    sums = ((masks[:, None] >> np.arange(n)) & 1) @ weights
    return co.TUGame((sums >= quota).astype(np.float64))


def airport_family(n, rng):
    return co.cost_to_savings(co.airport_game(np.round(rng.random(n) * 100, 2).tolist())).to_float()


def bankruptcy_family(n, rng):
    claims = np.round(rng.random(n) * 100 + 1, 2)
    return co.bankruptcy_game(
        float(claims.sum() * rng.uniform(0.3, 0.8)), claims.tolist()
    ).to_float()


def glove_family(n, rng):
    left = int(rng.integers(1, n))
    names = [str(i + 1) for i in range(n)]
    return co.glove_game(names[:left], names[left:]).to_float()


FAMILIES = {
    "random": random_family,
    "convex": convex_family,
    "weighted": weighted_family,
    "airport": airport_family,
    "bankruptcy": bankruptcy_family,
    "glove": glove_family,
}


# --------------------------------------------------------------------------- concepts


def _floats(result):
    return np.asarray([float(v) for v in result.x])


def scaled_banzhaf(game):
    raw = _floats(co.banzhaf_value(game))
    total = raw.sum()
    return raw * float(game.grand_value) / total if abs(total) > 1e-12 else raw


def available_concepts() -> dict:
    concepts = {"shapley": lambda g: _floats(co.shapley_value(g)), "banzhaf*": scaled_banzhaf}
    for label, name in (("nucleolus", "nucleolus"), ("tau", "tau_value")):
        function = getattr(co, name, None)
        if callable(function):
            concepts[label] = (lambda f: lambda g: _floats(f(g)))(function)
    return concepts


def core_checker():
    """The library's core checker (name, function) if importable, else a direct check."""
    for name in ("is_in_core", "in_core", "is_core_allocation"):
        function = getattr(co, name, None)
        if callable(function):

            def check(game, x, f=function):
                answer = f(game, x)
                return bool(getattr(answer, "in_core", answer))

            return name, check
    return "direct check", direct_core_check


def direct_core_check(game, x, atol=1e-9):
    n = game.n_players
    masks = np.arange(1 << n)
    sums = ((masks[:, None] >> np.arange(n)) & 1) @ np.asarray(x, dtype=np.float64)
    values = np.asarray(game.to_float().values, dtype=np.float64)
    return bool(
        abs(sums[-1] - values[-1]) <= atol * max(1, abs(values[-1]))
        and np.all(sums >= values - atol * max(1, np.abs(values).max()))
    )


def run(n: int, instances: int, seed: int = 7) -> dict:
    concepts = available_concepts()
    checker_name, in_core = core_checker()
    rng = np.random.default_rng(seed)
    rows = []
    for family, make in FAMILIES.items():
        distances = {pair: [] for pair in itertools.combinations(concepts, 2)}
        core = {name: [] for name in concepts}
        seconds = {name: [] for name in concepts}
        errors = {name: 0 for name in concepts}
        messages: dict = {}
        for _ in range(instances):
            game = make(n, rng)
            answers = {}
            for name, compute in concepts.items():
                start = time.perf_counter()
                try:
                    answers[name] = compute(game)
                except Exception as error:  # a concept may be undefined: count it
                    errors[name] += 1
                    answers[name] = None
                    messages[name] = f"{type(error).__name__}: {error}"[:160]
                    print(f"[concepts] {family} {name}: {messages[name]}", file=sys.stderr)
                seconds[name].append(time.perf_counter() - start)
            for a, b in distances:
                if answers[a] is not None and answers[b] is not None:
                    distances[(a, b)].append(float(np.abs(answers[a] - answers[b]).sum()))
            for name, x in answers.items():
                if x is not None:
                    core[name].append(in_core(game, x))
        rows.append(
            {
                "family": family,
                "n": n,
                "instances": instances,
                "l1_distance": {
                    f"{a}-{b}": (float(np.mean(v)) if v else None)
                    for (a, b), v in distances.items()
                },
                "in_core_share": {k: (float(np.mean(v)) if v else None) for k, v in core.items()},
                "mean_seconds": {k: float(np.mean(v)) for k, v in seconds.items()},
                "failures": errors,
                "failure_messages": messages,
            }
        )
        print(f"{family} done", file=sys.stderr, flush=True)
    missing = [name for name in ("nucleolus", "tau") if name not in concepts]
    return {
        "rows": rows,
        "concepts": list(concepts),
        "core_checker": checker_name,
        "not_available": missing,
    }


def markdown(report: dict) -> str:
    concepts = report["concepts"]
    pairs = [f"{a}-{b}" for a, b in itertools.combinations(concepts, 2)]
    head = (
        ["family", "n"]
        + [f"L1 {p}" for p in pairs]
        + [f"core {c}" for c in concepts]
        + [f"ms {c}" for c in concepts]
    )
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in report["rows"]:
        cells = [r["family"], str(r["n"])]
        cells += [
            "-" if r["l1_distance"][p] is None else f"{r['l1_distance'][p]:.3g}" for p in pairs
        ]
        cells += [
            "-" if r["in_core_share"][c] is None else f"{100 * r['in_core_share'][c]:.0f}%"
            for c in concepts
        ]
        cells += [f"{1e3 * r['mean_seconds'][c]:.2g}" for c in concepts]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [
        f"banzhaf* = Banzhaf value rescaled to sum to v(N); core membership by "
        f"{report['core_checker']}."
    ]
    for r in report["rows"]:
        for name, count in r["failures"].items():
            if count:
                notes.append(
                    f"{name} undefined or failed on {count}/{r['instances']} "
                    f"{r['family']} games ({r['failure_messages'][name]})."
                )
    if report["not_available"]:
        notes.append(f"not available in this build: {', '.join(report['not_available'])}.")
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {note}" for note in notes)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="CI-sized run")
    args = parser.parse_args(argv)
    n, instances = (7, 6) if args.small else (10, 25)
    report = run(n, instances)
    report.update(
        {
            "benchmark": "concepts",
            "machine": platform.platform(),
            "python": platform.python_version(),
            "numpy": np.__version__,
        }
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "concepts.json").write_text(json.dumps(report, indent=2))
    table = markdown(report)
    (RESULTS / "concepts.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
